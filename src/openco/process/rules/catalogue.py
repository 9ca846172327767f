"""The catalogue: every rule openco knows, legal first, then good practice, then integrity."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from openco.process.rules.integrity import W1, W2, W3, W4
from openco.process.rules.legal import L1, L2, L3, L4, L5, L6, L7, L8, L9, L18, L19, L20
from openco.process.rules.practice import P10, P11, P12, P13, P14, P15, P16, P17
from openco.process.rules.rule import Rule

__all__ = ["CATALOGUE", "RULES"]

CATALOGUE: Final[tuple[Rule, ...]] = (
    L1, L2, L3, L4, L5, L6, L7, L8, L9,
    P10, P11, P12, P13, P14, P15, P16, P17,
    L18, L19, L20,
    W1, W2, W3, W4,
)  # fmt: skip
"""Every rule openco knows, by number: the domain brief's legal (L1-L9) and practice (P10-P17)
rules, the rules added since (L18-L20), then workflow integrity."""

RULES: Final[Mapping[str, Rule]] = {rule.code: rule for rule in CATALOGUE}
"""The catalogue by code."""
