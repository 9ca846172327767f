"""The rules of the workflow, as a catalogue: legal duties (L1-L9, L18-L20), practice (P10-P17).

Every rule is a :class:`Rule` with a code, a title, its basis (the statute section or the
method it comes from) and its source, and its kind: a *guard* refuses a step that would break
it, an *obligation* creates a duty on the worklist (some rules are both). Legal rules and the
workflow's own integrity rules (W1-W4) cannot be switched off; practice rules can be, per
municipality, with :meth:`openco.process.transitions.Workflow.configured`.

A guard is a function ``check(case, record, settings)`` that returns the refusals for the
record about to be added (an empty tuple when the step may go ahead). A duty function
``duties(case, today, settings)`` returns the obligations the rule puts on the case. A flag
function ``flags(case, settings, records)`` returns the :class:`~openco.process.flag.Flag`
findings on the case's records (kind *flag*): shown with a record, never refusing it.

Where a rule lives (each rule with its checks and its duties in one module):

* ``rule`` – what a rule is (:class:`Rule`, :class:`Labels`, :class:`RuleGroup` …);
  ``settings`` – the parameters a municipality may set (:class:`Settings`);
* ``legal/`` – L1 ``notification``, L2 ``joint_contact``, L3 ``police``, L4 ``anonymity``,
  L5 ``channel``, L6 and L7 ``disclosure``, L8 ``child``, L9 ``assessment``, L18
  ``interpreter``, L19 ``child_view``, L20 ``police_first``;
* ``practice/`` – P10 ``zone``, P11 ``raising``, P12 ``joint_contact``, P13
  ``family_present``, P14 ``anticipation``, P15 ``close_network``, P16 ``responsibility``,
  P17 ``area``;
* ``integrity`` – W1-W4, the workflow's own integrity (W4: facts come from the records);
* ``catalogue`` – :data:`CATALOGUE` and :data:`RULES`.

>>> RULES["L5"].title.get("en")
'A notification is never made by unprotected e-mail'
>>> RULES["L5"].configurable, RULES["P14"].configurable
(False, True)
>>> print(RULES["P14"].refuse("facilitators", count=1, needed=2).message("fi"))
Tulevaisuuden muistelussa on oltava 2 fasilitaattoria, haastattelija ja kirjaaja; nyt 1.
"""

from openco.process.rules.catalogue import CATALOGUE as CATALOGUE
from openco.process.rules.catalogue import RULES as RULES
from openco.process.rules.integrity import W1 as W1
from openco.process.rules.integrity import W2 as W2
from openco.process.rules.integrity import W3 as W3
from openco.process.rules.integrity import W4 as W4
from openco.process.rules.legal import L1 as L1
from openco.process.rules.legal import L2 as L2
from openco.process.rules.legal import L3 as L3
from openco.process.rules.legal import L4 as L4
from openco.process.rules.legal import L5 as L5
from openco.process.rules.legal import L6 as L6
from openco.process.rules.legal import L7 as L7
from openco.process.rules.legal import L8 as L8
from openco.process.rules.legal import L9 as L9
from openco.process.rules.legal import L18 as L18
from openco.process.rules.legal import L19 as L19
from openco.process.rules.legal import L20 as L20
from openco.process.rules.legal.child import check_opening as check_opening
from openco.process.rules.practice import P10 as P10
from openco.process.rules.practice import P11 as P11
from openco.process.rules.practice import P12 as P12
from openco.process.rules.practice import P13 as P13
from openco.process.rules.practice import P14 as P14
from openco.process.rules.practice import P15 as P15
from openco.process.rules.practice import P16 as P16
from openco.process.rules.practice import P17 as P17
from openco.process.rules.rule import Check as Check
from openco.process.rules.rule import Duties as Duties
from openco.process.rules.rule import Flags as Flags
from openco.process.rules.rule import Labels as Labels
from openco.process.rules.rule import Rule as Rule
from openco.process.rules.rule import RuleGroup as RuleGroup
from openco.process.rules.rule import RuleKind as RuleKind
from openco.process.rules.settings import Settings as Settings

__all__ = [
    "CATALOGUE",
    "L1",
    "L2",
    "L3",
    "L4",
    "L5",
    "L6",
    "L7",
    "L8",
    "L9",
    "L18",
    "L19",
    "L20",
    "P10",
    "P11",
    "P12",
    "P13",
    "P14",
    "P15",
    "P16",
    "P17",
    "RULES",
    "W1",
    "W2",
    "W3",
    "W4",
    "Check",
    "Duties",
    "Flags",
    "Labels",
    "Rule",
    "RuleGroup",
    "RuleKind",
    "Settings",
    "check_opening",
]
