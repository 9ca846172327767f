"""Workflow integrity (W1-W3): the table, the detail a step records, time going forward.

These rules keep the history a coherent record; they cannot be switched off.
"""

from __future__ import annotations

from openco.process.rules.rule import Labels, Rule, RuleGroup, RuleKind

__all__ = ["W1", "W2", "W3"]

W1 = Rule(
    code="W1",
    group=RuleGroup.WORKFLOW,
    title=Labels(
        "Askel on mahdollinen vain tietyistä vaiheista",
        "Ett steg är möjligt bara från vissa skeden",
        "A step is possible only from certain stages",
    ),
    basis="The transition table of the workflow",
    source="openco.process.transitions (the table in docs/workflow.md)",
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "stage": Labels(
            "Askel '{step}' ei ole mahdollinen, kun asian vaihe on '{stage}'.",
            "Steget '{step}' är inte möjligt när ärendet är i skedet '{stage}'.",
            "The step '{step}' is not possible while the case is '{stage}'.",
        ),
        "opening": Labels(
            "Asia avataan vain kerran, huolesta; askel '{step}' ei voi avata sitä.",
            "Ett ärende öppnas bara en gång, från en oro; steget '{step}' kan inte öppna det.",
            "A case is opened once, from a concern; the step '{step}' cannot open it.",
        ),
    },
)

W2 = Rule(
    code="W2",
    group=RuleGroup.WORKFLOW,
    title=Labels(
        "Askel kirjaa oikeanlaisen tiedon",
        "Ett steg registrerar rätt slags uppgift",
        "A step records the right kind of detail",
    ),
    basis="The detail types of the workflow (DEFAULT_DETAILS)",
    source="openco.process.transitions",
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "detail": Labels(
            "Askel '{step}' tarvitsee tiedon tyyppiä {expected}; saatiin {got}.",
            "Steget '{step}' behöver en uppgift av typen {expected}; fick {got}.",
            "The step '{step}' needs a detail of type {expected}; got {got}.",
        ),
    },
)

W3 = Rule(
    code="W3",
    group=RuleGroup.WORKFLOW,
    title=Labels(
        "Kirjaukset etenevät ajassa eteenpäin",
        "Registreringarna går framåt i tiden",
        "Records go forward in time",
    ),
    basis="The history is a chronological record",
    source="openco.process.case",
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "date": Labels(
            "Päivä {on} on ennen edellistä kirjausta ({last_on}).",
            "Dagen {on} är före den föregående registreringen ({last_on}).",
            "The day {on} is before the previous record ({last_on}).",
        ),
        "assessment_date": Labels(
            "Arvion päivä {assessed_on} ei ole välillä {previous} - {on}.",
            "Bedömningens dag {assessed_on} ligger inte mellan {previous} och {on}.",
            "The assessment's day {assessed_on} is not between {previous} and {on}.",
        ),
    },
)
