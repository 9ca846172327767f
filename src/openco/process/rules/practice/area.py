"""P17: an area's actors meet about twice a year (the duty is an area's, not a case's)."""

from __future__ import annotations

import datetime as dt

from openco.process.case import Case
from openco.process.duties import Obligation
from openco.process.records import Records
from openco.process.rules.rule import Labels, Rule, RuleGroup, RuleKind
from openco.process.rules.settings import Settings

__all__ = ["P17"]


def _no_duties(
    _case: Case, _today: dt.date, _settings: Settings, _records: Records
) -> tuple[Obligation, ...]:
    # Area meetings are owed by an area, not by a case: see worklist.area_obligations().
    return ()


P17 = Rule(
    code="P17",
    group=RuleGroup.PRACTICE,
    title=Labels(
        "Alueen toimijat kokoontuvat noin kahdesti vuodessa; rakenteelliset puutteet "
        "nostetaan esiin varhain",
        "Områdets aktörer möts ungefär två gånger om året; strukturella brister lyfts fram tidigt",
        "An area's actors meet about twice a year; structural shortcomings are raised early",
    ),
    basis="Area cooperation meetings (aluepalaverit) of the early open cooperation model",
    source="The Rovaniemi VAY brief, Vaaralampi/Ounasrinne area work (domain brief §8.1 #6)",
    kinds=frozenset({RuleKind.OBLIGATION}),
    duties=_no_duties,
)
