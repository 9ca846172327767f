"""The workflow as data: one transition table, checked when it is built.

A :class:`Workflow` is made of

* :class:`Transition` rows: from a stage, a step leads to a stage, guarded by rules;
* :class:`Loop` rows: steps possible at every open stage that keep the stage (re-assessing the
  zone, handing the case over);
* :class:`Statutory` rows: the statutory track, possible at *every* stage (closed included),
  keeping the stage, and guarded by legal rules only, so that nothing in the dialogue track can
  block a notification;

plus the detail each step records, the rule catalogue and the practice settings. Building a
workflow checks the table (see :class:`Workflow`) and raises
:class:`~openco.errors.WorkflowDefinitionError` listing every problem, so a malformed default
table would fail on import. A municipality's variant is another table built the same way, or
:meth:`Workflow.configured` with practice rules switched off or settings changed.

>>> DEFAULT_WORKFLOW.initial.value, sorted(s.value for s in DEFAULT_WORKFLOW.final)
('noticed', ['closed'])
>>> DEFAULT_WORKFLOW.target(Stage.MEETING_HELD, Step.AGREE_PLAN).value
'plan_agreed'
"""

from __future__ import annotations

import types
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from openco.errors import RuleConfigurationError, WorkflowDefinitionError
from openco.model.concern import ZoneAssessment
from openco.model.label import LabelledEnum
from openco.model.meeting import Meeting
from openco.model.plan import Plan
from openco.process.case import Opening
from openco.process.details import (
    Consultation,
    FollowUp,
    Handover,
    Invitation,
    Preparation,
    Raising,
)
from openco.process.rules import (
    CATALOGUE,
    L1,
    L2,
    L3,
    L4,
    L5,
    L6,
    L7,
    L9,
    L18,
    L19,
    P10,
    P11,
    P13,
    P14,
    P15,
    P16,
    Check,
    Rule,
    RuleGroup,
    Settings,
)
from openco.process.stages import Stage, Step
from openco.process.statutory import (
    CriteriaMet,
    JointContact,
    Milestone,
    Notification,
    PoliceNotification,
)

__all__ = [
    "DEFAULT_DETAILS",
    "DEFAULT_LOOPS",
    "DEFAULT_STATUTORY",
    "DEFAULT_TRANSITIONS",
    "DEFAULT_WORKFLOW",
    "Loop",
    "Statutory",
    "Transition",
    "Workflow",
]


def _rules(value: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(value)


@attrs.frozen
class Transition:
    """A row of the table: from *source*, *step* leads to *target* if *rules* allow it."""

    source: LabelledEnum
    step: LabelledEnum
    target: LabelledEnum
    rules: tuple[Rule, ...] = attrs.field(default=(), converter=_rules)


@attrs.frozen
class Loop:
    """A step possible at every open stage, which keeps the stage."""

    step: LabelledEnum
    rules: tuple[Rule, ...] = attrs.field(default=(), converter=_rules)


@attrs.frozen
class Statutory:
    """A step of the statutory track: possible at every stage, keeps it, legal rules only."""

    step: LabelledEnum
    rules: tuple[Rule, ...] = attrs.field(default=(), converter=_rules)


_NONE: Final = type(None)

DEFAULT_DETAILS: Final[Mapping[LabelledEnum, tuple[type, ...]]] = {
    Step.NOTICE: (Opening,),
    # No detail: the concern's own grading stands, so opening a case does not make the worker
    # record the first grading twice.
    Step.ASSESS: (ZoneAssessment, _NONE),
    Step.REASSESS: (ZoneAssessment,),
    Step.PREPARE: (Preparation,),
    Step.RAISE: (Raising,),
    Step.CONTINUE: (_NONE,),
    Step.CONSULT: (Consultation,),
    Step.PROPOSE_MEETING: (_NONE,),
    Step.AGREE_TO_MEET: (Invitation,),
    Step.DECLINE_MEETING: (_NONE,),
    Step.HOLD_MEETING: (Meeting,),
    Step.AGREE_PLAN: (Plan,),
    Step.FOLLOW_UP: (FollowUp,),
    Step.START_NEW_CYCLE: (ZoneAssessment,),
    Step.CLOSE: (_NONE,),
    Step.HAND_OVER: (Handover,),
    Step.RECOGNISE_CRITERIA: (CriteriaMet,),
    Step.CONTACT_JOINTLY: (JointContact,),
    Step.NOTIFY_CHILD_WELFARE: (Notification,),
    Step.NOTIFY_POLICE: (PoliceNotification,),
    Step.CONFIRM_INITIATION: (_NONE,),
    Step.REPORT_ASSESSMENT: (Milestone,),
}
"""What each default step records (``NoneType``: nothing beyond who, when and why)."""

# fmt: off
DEFAULT_TRANSITIONS: Final[tuple[Transition, ...]] = (
    #          from                    step                  to                      rules
    Transition(Stage.NOTICED,          Step.ASSESS,          Stage.ASSESSED,         (P10,)),
    Transition(Stage.ASSESSED,         Step.PREPARE,         Stage.PREPARED),
    Transition(Stage.ASSESSED,         Step.CLOSE,           Stage.CLOSED),
    Transition(Stage.PREPARED,         Step.PREPARE,         Stage.PREPARED),
    Transition(Stage.PREPARED,         Step.RAISE,           Stage.RAISED,           (P11,)),
    Transition(Stage.RAISED,           Step.CONTINUE,        Stage.CONTINUING),
    Transition(Stage.RAISED,           Step.CONSULT,         Stage.CONSULTED,        (L6, L7)),
    Transition(Stage.RAISED,           Step.PROPOSE_MEETING, Stage.MEETING_PROPOSED),
    Transition(Stage.CONTINUING,       Step.CONSULT,         Stage.CONSULTED,        (L6, L7)),
    Transition(Stage.CONTINUING,       Step.PROPOSE_MEETING, Stage.MEETING_PROPOSED),
    Transition(Stage.CONTINUING,       Step.FOLLOW_UP,       Stage.FOLLOWED_UP,      (P13, L7, L18, L19)),  # noqa: E501 - a row is one line
    Transition(Stage.CONSULTED,        Step.CONTINUE,        Stage.CONTINUING),
    Transition(Stage.CONSULTED,        Step.PROPOSE_MEETING, Stage.MEETING_PROPOSED),
    Transition(Stage.MEETING_PROPOSED, Step.AGREE_TO_MEET,   Stage.MEETING_AGREED,   (L7,)),
    Transition(Stage.MEETING_PROPOSED, Step.DECLINE_MEETING, Stage.CONTINUING),
    Transition(Stage.MEETING_AGREED,   Step.HOLD_MEETING,    Stage.MEETING_HELD,     (P13, P14, P15, L7, L18)),  # noqa: E501 - a row is one line
    Transition(Stage.MEETING_HELD,     Step.AGREE_PLAN,      Stage.PLAN_AGREED,      (P13, P14, P16, L7, L19)),  # noqa: E501 - a row is one line
    Transition(Stage.PLAN_AGREED,      Step.FOLLOW_UP,       Stage.FOLLOWED_UP,      (P13, L7, L18, L19)),  # noqa: E501 - a row is one line
    Transition(Stage.FOLLOWED_UP,      Step.CLOSE,           Stage.CLOSED),
    Transition(Stage.FOLLOWED_UP,      Step.CONTINUE,        Stage.CONTINUING),
    Transition(Stage.FOLLOWED_UP,      Step.PROPOSE_MEETING, Stage.MEETING_PROPOSED),
    Transition(Stage.FOLLOWED_UP,      Step.START_NEW_CYCLE, Stage.ASSESSED,         (P10,)),
)
"""The concern-to-plan workflow of early open cooperation (domain brief §8.3)."""

DEFAULT_LOOPS: Final[tuple[Loop, ...]] = (
    Loop(Step.REASSESS,  (P10,)),
    Loop(Step.HAND_OVER, (P16, L7)),
)
"""Steps possible at every open stage: the zone is re-assessed, the case handed over."""

DEFAULT_STATUTORY: Final[tuple[Statutory, ...]] = (
    Statutory(Step.RECOGNISE_CRITERIA),
    Statutory(Step.CONTACT_JOINTLY,      (L2, L5)),
    Statutory(Step.NOTIFY_CHILD_WELFARE, (L1, L4, L5)),
    Statutory(Step.NOTIFY_POLICE,        (L3, L5)),
    Statutory(Step.CONFIRM_INITIATION,   (L9,)),
    Statutory(Step.REPORT_ASSESSMENT,    (L9,)),
)
"""The statutory track (Child Welfare Act §25, §25a, §25.3, §26; Social Welfare Act §36)."""
# fmt: on


@attrs.frozen(kw_only=True)
class _Row:
    target: LabelledEnum | None  # None: the stage stays
    checks: tuple[Check, ...]
    guarded: bool
    details: tuple[type, ...] = ()  # what the step records, filled in once the table is checked


_Table = dict[tuple[LabelledEnum, LabelledEnum], list[_Row]]
_Graph = dict[LabelledEnum, list[LabelledEnum]]
"""Each stage and the stages its rows lead to (insertion-ordered: the order of the table)."""


def _reachable(graph: _Graph, start: LabelledEnum) -> set[LabelledEnum]:
    """*start* and every stage reachable from it along the rows (a depth-first walk)."""
    seen = {start}
    todo = [start]
    while todo:
        for target in graph.get(todo.pop(), ()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


class _Checker:
    """Checks a workflow's definition and indexes its table, collecting every problem."""

    def __init__(self, workflow: Workflow) -> None:
        self.workflow = workflow
        self.problems: list[str] = []
        self.codes: dict[str, Rule] = {}
        for rule in workflow.rules:
            if rule.code in self.codes and self.codes[rule.code] is not rule:
                self.problems.append(f"two rules share the code {rule.code!r}")
            self.codes[rule.code] = rule

    def active(self, rules: tuple[Rule, ...], where: str) -> tuple[Check, ...]:
        """The checks of *rules* that are switched on; unknown rules are problems."""
        checks = []
        for rule in rules:
            if self.codes.get(rule.code) is not rule:
                self.problems.append(
                    f"{where}: rule {rule.code!r} is not in the workflow's catalogue"
                )
            elif rule.code not in self.workflow.disabled and rule.check is not None:
                checks.append(rule.check)
        return tuple(checks)

    def transitions(self, table: _Table, graph: _Graph) -> None:
        """Index the transition rows, and check none leaves a final stage or is shadowed."""
        final = self.workflow.final
        for row in self.workflow.transitions:
            where = f"row {row.source.value} --{row.step.value}--> {row.target.value}"
            graph.setdefault(row.source, []).append(row.target)
            graph.setdefault(row.target, [])
            if row.source in final:
                self.problems.append(f"{where}: leaves the final stage {row.source.value!r}")
            checks = self.active(row.rules, where)
            rows = table.setdefault((row.source, row.step), [])
            if rows and not rows[-1].guarded:
                self.problems.append(
                    f"{where}: an unguarded row for ({row.source.value}, {row.step.value}) "
                    "comes before it, so it can never apply"
                )
            rows.append(_Row(target=row.target, checks=checks, guarded=bool(checks)))

    def graph(self, graph: _Graph) -> None:
        """Check reachability from the initial stage and that no stage is a trap."""
        initial, final = self.workflow.initial, self.workflow.final
        reachable = _reachable(graph, initial)
        for stage in graph:
            if stage not in reachable:
                self.problems.append(
                    f"stage {stage.value!r} is not reachable from the initial stage "
                    f"{initial.value!r}"
                )
            elif stage not in final and not _reachable(graph, stage) & final:
                self.problems.append(
                    f"stage {stage.value!r} is a trap: no final stage can be reached"
                )
        if initial in final:
            self.problems.append(f"the initial stage {initial.value!r} is also final")
        if not final:
            self.problems.append("there is no final stage")

    def side_steps(self, table: _Table, stages: list[LabelledEnum]) -> set[LabelledEnum]:
        """Index loops (open stages) and statutory steps (every stage); check their rules."""
        workflow = self.workflow
        row_steps = {row.step for row in workflow.transitions}
        open_stages = [s for s in stages if s not in workflow.final]
        side: set[LabelledEnum] = set()
        for kind, entries in (("loop", workflow.loops), ("statutory", workflow.statutory)):
            for entry in entries:
                where = f"{kind} step {entry.step.value!r}"
                if entry.step in row_steps:
                    self.problems.append(f"{where} also appears in a transition row")
                if entry.step in side:
                    self.problems.append(f"{where} is declared twice")
                side.add(entry.step)
                if kind == "statutory":
                    self.problems.extend(
                        f"{where}: the practice rule {rule.code!r} would let the dialogue "
                        "track block the statutory track"
                        for rule in entry.rules
                        if rule.group is RuleGroup.PRACTICE
                    )
                row = _Row(target=None, checks=self.active(entry.rules, where), guarded=True)
                for stage in open_stages if kind == "loop" else stages:
                    table[(stage, entry.step)] = [row]
        return side | row_steps

    def run(self) -> dict[tuple[LabelledEnum, LabelledEnum], tuple[_Row, ...]]:
        """The indexed table; :attr:`problems` holds what is wrong with the definition."""
        # The stages in the order they are first met (initial, final, then the rows): the
        # order problems are reported in.
        graph: _Graph = {self.workflow.initial: []}
        for stage in sorted(self.workflow.final, key=lambda s: s.value):
            graph.setdefault(stage, [])
        table: _Table = {}
        self.transitions(table, graph)
        self.graph(graph)
        steps = self.side_steps(table, list(graph))
        self.problems.extend(
            f"step {step.value!r} has no entry in details"
            for step in sorted(steps, key=lambda s: s.value)
            if step not in self.workflow.details
        )
        details = self.workflow.details
        return {
            key: tuple(
                attrs.evolve(row, details=details.get(key[1], (type(None),))) for row in rows
            )
            for key, rows in table.items()
        }


def _details(
    value: Mapping[LabelledEnum, tuple[type, ...]],
) -> Mapping[LabelledEnum, tuple[type, ...]]:
    return types.MappingProxyType(dict(value))


def _codes(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _stages(value: Iterable[LabelledEnum]) -> frozenset[LabelledEnum]:
    return frozenset(value)


def _transitions(value: Iterable[Transition]) -> tuple[Transition, ...]:
    return tuple(value)


def _loops(value: Iterable[Loop]) -> tuple[Loop, ...]:
    return tuple(value)


def _statutory(value: Iterable[Statutory]) -> tuple[Statutory, ...]:
    return tuple(value)


def _catalogue(value: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Workflow:
    """A validated workflow: its table, the detail each step records, rules and settings.

    Building it checks that

    * no transition row leaves a final stage, and the initial stage is not final;
    * every stage is reachable from the initial stage (there is exactly one way in);
    * no stage is a trap: from every open stage a final stage can be reached;
    * no (stage, step) has two unguarded rows, nor an unguarded row before a guarded one (rows
      for the same stage and step are tried in order; the first whose rules pass applies);
    * loop and statutory steps are not also transition steps, and statutory steps carry no
      practice rule;
    * every rule is in the catalogue, and every step has a detail entry.

    Raises:
        WorkflowDefinitionError: listing every problem found.

    >>> broken = Workflow(
    ...     initial=Stage.NOTICED, final=frozenset({Stage.CLOSED}),
    ...     transitions=(Transition(Stage.NOTICED, Step.ASSESS, Stage.ASSESSED),
    ...                  Transition(Stage.CLOSED, Step.START_NEW_CYCLE, Stage.NOTICED)),
    ... )
    Traceback (most recent call last):
      ...
    openco.errors.WorkflowDefinitionError: 4 problems in the workflow definition:
      row closed --start_new_cycle--> noticed: leaves the final stage 'closed'
      stage 'noticed' is a trap: no final stage can be reached
      stage 'closed' is not reachable from the initial stage 'noticed'
      stage 'assessed' is a trap: no final stage can be reached
    """

    initial: LabelledEnum
    final: frozenset[LabelledEnum] = attrs.field(converter=_stages)
    transitions: tuple[Transition, ...] = attrs.field(converter=_transitions)
    loops: tuple[Loop, ...] = attrs.field(default=(), converter=_loops)
    statutory: tuple[Statutory, ...] = attrs.field(default=(), converter=_statutory)
    details: Mapping[LabelledEnum, tuple[type, ...]] = attrs.field(
        default=DEFAULT_DETAILS, converter=_details
    )
    rules: tuple[Rule, ...] = attrs.field(default=CATALOGUE, converter=_catalogue)
    settings: Settings = attrs.field(factory=Settings)
    disabled: frozenset[str] = attrs.field(default=frozenset(), converter=_codes)
    _table: Mapping[tuple[LabelledEnum, LabelledEnum], tuple[_Row, ...]] = attrs.field(
        init=False, repr=False
    )
    _allowed: Mapping[LabelledEnum, frozenset[LabelledEnum]] = attrs.field(init=False, repr=False)

    def __repr__(self) -> str:
        # The generated repr would print every rule with its messages: tens of kilobytes in a
        # traceback or a function signature. A summary says which workflow this is.
        disabled = f", disabled={sorted(self.disabled)}" if self.disabled else ""
        return (
            f"<Workflow from {self.initial.value!r}: {len(self.stages)} stages, "
            f"{len(self.steps)} steps, {len(self.rules)} rules{disabled}>"
        )

    def __attrs_post_init__(self) -> None:
        checker = _Checker(self)
        table = checker.run()
        if checker.problems:
            raise WorkflowDefinitionError(checker.problems)
        allowed: dict[LabelledEnum, set[LabelledEnum]] = {}
        for stage, step in table:
            allowed.setdefault(stage, set()).add(step)
        object.__setattr__(self, "_table", table)
        object.__setattr__(
            self, "_allowed", {stage: frozenset(steps) for stage, steps in allowed.items()}
        )

    @property
    def stages(self) -> tuple[LabelledEnum, ...]:
        """Every stage: the initial first, then as the table leaves them, then final ones."""
        seen = {self.initial: None}
        for row in self.transitions:
            seen.setdefault(row.source)
        for row in self.transitions:
            seen.setdefault(row.target)
        return tuple(seen)

    @property
    def steps(self) -> tuple[LabelledEnum, ...]:
        """Every step the workflow knows, in the order the table names them."""
        seen: dict[LabelledEnum, None] = {}
        for row in self.transitions:
            seen.setdefault(row.step)
        for loop in self.loops:
            seen.setdefault(loop.step)
        for entry in self.statutory:
            seen.setdefault(entry.step)
        return tuple(seen)

    @property
    def statutory_steps(self) -> frozenset[LabelledEnum]:
        """The steps of the statutory track."""
        return frozenset(entry.step for entry in self.statutory)

    def rule(self, code: str) -> Rule:
        """The rule with *code*.

        Raises:
            RuleConfigurationError: no rule of this workflow has that code.
        """
        for rule in self.rules:
            if rule.code == code:
                return rule
        raise RuleConfigurationError(code, "no such rule in the workflow's catalogue")

    def is_enabled(self, code: str) -> bool:
        """Whether the rule *code* is in the catalogue and not switched off."""
        return code not in self.disabled and any(r.code == code for r in self.rules)

    def allowed_at(self, stage: LabelledEnum) -> frozenset[LabelledEnum]:
        """The steps the table allows at *stage* (guards not considered)."""
        return self._allowed.get(stage, frozenset())

    def target(self, stage: LabelledEnum, step: LabelledEnum) -> LabelledEnum | None:
        """Where *step* leads from *stage* by its first row (*stage* itself for side steps).

        Returns ``None`` if the table has no row for them.
        """
        rows = self._table.get((stage, step))
        if not rows:
            return None
        return rows[0].target or stage

    def rows(self, stage: LabelledEnum, step: LabelledEnum) -> tuple[_Row, ...]:
        """The rows to try, in order, for *step* at *stage* (empty if none)."""
        return self._table.get((stage, step), ())

    def configured(
        self, *, disabled: Iterable[str] = (), settings: Settings | None = None
    ) -> Workflow:
        """A copy with the practice rules *disabled* switched off and/or other *settings*.

        >>> relaxed = DEFAULT_WORKFLOW.configured(disabled=["P14"])
        >>> relaxed.is_enabled("P14"), DEFAULT_WORKFLOW.is_enabled("P14")
        (False, True)
        >>> DEFAULT_WORKFLOW.configured(disabled=["L5"])
        Traceback (most recent call last):
          ...
        openco.errors.RuleConfigurationError: rule 'L5': a legal rule cannot be switched off

        Raises:
            RuleConfigurationError: a code is unknown, or names a legal or workflow rule.
        """
        codes = frozenset(disabled)
        for code in sorted(codes):
            rule = self.rule(code)
            if rule.group is RuleGroup.LEGAL:
                raise RuleConfigurationError(code, "a legal rule cannot be switched off")
            if not rule.configurable:
                raise RuleConfigurationError(code, "a workflow rule cannot be switched off")
        return attrs.evolve(
            self,
            disabled=self.disabled | codes,
            settings=self.settings if settings is None else settings,
        )


DEFAULT_WORKFLOW: Final = Workflow(
    initial=Stage.NOTICED,
    final=frozenset({Stage.CLOSED}),
    transitions=DEFAULT_TRANSITIONS,
    loops=DEFAULT_LOOPS,
    statutory=DEFAULT_STATUTORY,
)
"""The default workflow, every rule of the catalogue on, default settings."""
