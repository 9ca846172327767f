"""Pictures of a workflow: a Markdown table, a Mermaid state diagram and a Graphviz DOT graph.

All three are generated from the :class:`~openco.process.transitions.Workflow` itself, so the
documentation that shows them (``docs/workflow.md``) is checked against the code and cannot
drift. Names are the stable step and stage values unless a *language* asks for labels.

>>> from openco.process.transitions import DEFAULT_WORKFLOW
>>> print(render_table(DEFAULT_WORKFLOW).splitlines()[2])
| noticed | assess | assessed | P10 |
"""

from __future__ import annotations

from openco.model.label import LabelledEnum
from openco.process.rules import Rule
from openco.process.transitions import Workflow

__all__ = ["render_dot", "render_mermaid", "render_rules", "render_table"]

_ANY_OPEN = {None: "any open stage", "fi": "mikä tahansa avoin vaihe",
             "sv": "vilket öppet skede som helst", "en": "any open stage"}  # fmt: skip
_ANY = {None: "any stage", "fi": "mikä tahansa vaihe", "sv": "vilket skede som helst",
        "en": "any stage"}  # fmt: skip
_STAYS = {None: "(stays)", "fi": "(ennallaan)", "sv": "(oförändrat)", "en": "(stays)"}


def _name(member: LabelledEnum, language: str | None) -> str:
    return member.value if language is None else member.label(language)


def _codes(rules: tuple[Rule, ...], workflow: Workflow) -> str:
    return ", ".join(r.code for r in rules if r.code not in workflow.disabled)


def render_table(workflow: Workflow, *, language: str | None = None) -> str:
    """The transition table as Markdown: one row per transition, then loops and statutory steps.

    Rules switched off in *workflow* are left out of the Rules column.
    """
    lines = ["| From | Step | To | Rules |", "| --- | --- | --- | --- |"]
    lines.extend(
        f"| {_name(row.source, language)} | {_name(row.step, language)} "
        f"| {_name(row.target, language)} | {_codes(row.rules, workflow)} |"
        for row in workflow.transitions
    )
    lines.extend(
        f"| {_ANY_OPEN[language]} | {_name(loop.step, language)} | {_STAYS[language]} "
        f"| {_codes(loop.rules, workflow)} |"
        for loop in workflow.loops
    )
    lines.extend(
        f"| {_ANY[language]} | {_name(entry.step, language)} | {_STAYS[language]} "
        f"| {_codes(entry.rules, workflow)} |"
        for entry in workflow.statutory
    )
    return "\n".join(lines)


def render_mermaid(workflow: Workflow, *, language: str = "en") -> str:
    """The workflow as a Mermaid ``stateDiagram-v2``; stages are labelled in *language*.

    Loops and the statutory track, which keep the stage, are listed in a note on the initial
    stage rather than drawn as arrows from every stage.
    """
    lines = ["stateDiagram-v2"]
    lines.extend(
        f'    state "{stage.label(language)}" as {stage.value}' for stage in workflow.stages
    )
    lines.append(f"    [*] --> {workflow.initial.value}")
    for row in workflow.transitions:
        codes = _codes(row.rules, workflow)
        label = f"{row.step.value} [{codes}]" if codes else row.step.value
        lines.append(f"    {row.source.value} --> {row.target.value}: {label}")
    lines.extend(
        f"    {stage.value} --> [*]" for stage in workflow.stages if stage in workflow.final
    )
    if workflow.loops or workflow.statutory:
        lines.append(f"    note right of {workflow.initial.value}")
        if workflow.loops:
            steps = ", ".join(loop.step.value for loop in workflow.loops)
            lines.append(f"        At every open stage: {steps}")
        if workflow.statutory:
            steps = ", ".join(entry.step.value for entry in workflow.statutory)
            lines.append(f"        At every stage (statutory track): {steps}")
        lines.append("    end note")
    return "\n".join(lines)


def render_dot(workflow: Workflow, *, language: str = "en") -> str:
    """The workflow as a Graphviz DOT digraph; final stages are drawn with a double border."""
    lines = [
        "digraph workflow {",
        "    rankdir=LR;",
        '    node [shape=box, style=rounded, fontname="Helvetica"];',
        '    edge [fontname="Helvetica", fontsize=10];',
        "    start [shape=point];",
    ]
    for stage in workflow.stages:
        extra = ", peripheries=2" if stage in workflow.final else ""
        lines.append(f'    {stage.value} [label="{stage.label(language)}"{extra}];')
    lines.append(f"    start -> {workflow.initial.value};")
    for row in workflow.transitions:
        codes = _codes(row.rules, workflow)
        label = f"{row.step.value}\\n[{codes}]" if codes else row.step.value
        lines.append(f'    {row.source.value} -> {row.target.value} [label="{label}"];')
    if workflow.loops or workflow.statutory:
        parts = []
        if workflow.loops:
            parts.append("at every open stage: " + ", ".join(e.step.value for e in workflow.loops))
        if workflow.statutory:
            parts.append(
                "at every stage (statutory track): "
                + ", ".join(e.step.value for e in workflow.statutory)
            )
        note = "\\n".join(parts)
        lines.append(f'    side_steps [shape=note, label="{note}"];')
    lines.append("}")
    return "\n".join(lines)


def render_rules(workflow: Workflow, *, language: str = "en") -> str:
    """The rule catalogue as a Markdown table: code, title, kind, basis and whether it is on."""
    lines = [
        "| Code | Rule | Kind | Basis | Can be switched off | On |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for rule in workflow.rules:
        kinds = " + ".join(k.label(language) for k in sorted(rule.kinds, key=lambda k: k.value))
        lines.append(
            f"| {rule.code} | {rule.title.get(language)} | {kinds} | {rule.basis} "
            f"| {'yes' if rule.configurable else 'no'} "
            f"| {'no' if rule.code in workflow.disabled else 'yes'} |"
        )
    return "\n".join(lines)
