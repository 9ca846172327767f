"""Legal rules (L1-L9, L18-L20): what the law requires; a municipality cannot switch them off.

One module per rule or per pair of rules that judge the same act, each holding the rule with
its checks and its duties: ``notification`` (L1), ``joint_contact`` (L2), ``police`` (L3),
``anonymity`` (L4), ``channel`` (L5), ``disclosure`` (L6, L7), ``child`` (L8),
``assessment`` (L9), ``interpreter`` (L18), ``child_view`` (L19) and ``police_first`` (L20).
"""

from openco.process.rules.legal.anonymity import L4 as L4
from openco.process.rules.legal.assessment import L9 as L9
from openco.process.rules.legal.channel import L5 as L5
from openco.process.rules.legal.child import L8 as L8
from openco.process.rules.legal.child_view import L19 as L19
from openco.process.rules.legal.disclosure import L6 as L6
from openco.process.rules.legal.disclosure import L7 as L7
from openco.process.rules.legal.interpreter import L18 as L18
from openco.process.rules.legal.joint_contact import L2 as L2
from openco.process.rules.legal.notification import L1 as L1
from openco.process.rules.legal.police import L3 as L3
from openco.process.rules.legal.police_first import L20 as L20

__all__ = ["L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8", "L9", "L18", "L19", "L20"]
