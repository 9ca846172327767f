"""P10: the zone is the worker's own self-assessment, never a label of the family."""

from __future__ import annotations

from openco.errors import Refusal
from openco.model.concern import ZoneAssessment
from openco.process.case import Case, StepTaken
from openco.process.records import Records
from openco.process.rules.rule import NO, Labels, Rule, RuleGroup, RuleKind
from openco.process.rules.settings import Settings

__all__ = ["P10"]


def _check_own_assessment(
    case: Case, record: StepTaken, _settings: Settings, _records: Records
) -> tuple[Refusal, ...]:
    detail = record.detail
    if not isinstance(detail, ZoneAssessment):
        return NO
    if record.actor != case.contact:
        return (P10.refuse("own_assessment", actor=record.actor, worker=case.contact),)
    if detail.assessor != record.actor:
        return (P10.refuse("assessor", assessor=detail.assessor, actor=record.actor),)
    return NO


P10 = Rule(
    code="P10",
    group=RuleGroup.PRACTICE,
    title=Labels(
        "Vyöhyke on työntekijän oma arvio, ei perheen leima",
        "Zonen är arbetstagarens egen bedömning, inte en etikett på familjen",
        "The zone is the worker's own self-assessment, never a label of the family",
    ),
    basis=(
        "Zones of concern (huolen vyöhykkeistö) describe the worker's own worry and means, "
        "never the family; they are not used to categorise or register families"
    ),
    source=(
        "Eriksson & Arnkil, Stakes/THL; Evangelical Lutheran Church, Trygg församling: "
        "Oroszoner (domain brief §1.1, [S2]-[S5])"
    ),
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "own_assessment": Labels(
            "Vyöhykkeen arvioi asian vastuutyöntekijä {worker} itse, ei {actor}.",
            "Zonen bedöms av ärendets kontaktperson {worker} själv, inte av {actor}.",
            "The zone is assessed by the case's contact worker {worker} themself, not by {actor}.",
        ),
        "assessor": Labels(
            "Arvion tekijäksi on merkitty {assessor}, mutta sen kirjaa {actor}: vyöhyke on "
            "kirjaajan oma arvio.",
            "Bedömningen anger {assessor} som bedömare men antecknas av {actor}: zonen är "
            "den antecknandes egen bedömning.",
            "The assessment names {assessor} as its assessor but {actor} records it: the zone "
            "is the recorder's own assessment.",
        ),
    },
    check=_check_own_assessment,
)
