"""Practice rules (P10-P17): good practice of early open cooperation.

A municipality may switch them off or set their parameters
(:class:`~openco.process.rules.settings.Settings`).

One module per rule, holding the rule with its checks and its duties: ``zone`` (P10),
``raising`` (P11), ``joint_contact`` (P12), ``family_present`` (P13), ``anticipation`` (P14),
``close_network`` (P15), ``responsibility`` (P16) and ``area`` (P17).
"""

from openco.process.rules.practice.anticipation import P14 as P14
from openco.process.rules.practice.area import P17 as P17
from openco.process.rules.practice.close_network import P15 as P15
from openco.process.rules.practice.family_present import P13 as P13
from openco.process.rules.practice.joint_contact import P12 as P12
from openco.process.rules.practice.raising import P11 as P11
from openco.process.rules.practice.responsibility import P16 as P16
from openco.process.rules.practice.zone import P10 as P10

__all__ = ["P10", "P11", "P12", "P13", "P14", "P15", "P16", "P17"]
