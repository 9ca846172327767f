"""Small, fast draws from :class:`random.Random` used by the builders."""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from random import Random

Cumulative = tuple[float, ...]


def cumulative(weights: Sequence[float]) -> Cumulative:
    """Normalised cumulative weights, ending exactly at 1.0, for :func:`pick`."""
    total = float(sum(weights))
    running = 0.0
    out: list[float] = []
    for weight in weights:
        running += weight
        out.append(running / total)
    out[-1] = 1.0
    return tuple(out)


def pick(rng: Random, cum: Cumulative) -> int:
    """An index drawn with the weights behind *cum*."""
    return bisect_right(cum, rng.random())


def negative_binomial(rng: Random, successes: int, p: float) -> int:
    """Failures before *successes* successes, each trial succeeding with probability *p*."""
    log_q = math.log1p(-p)
    return sum(int(math.log1p(-rng.random()) / log_q) for _ in range(successes))


def days_back(rng: Random, low: int, high: int) -> int:
    """A whole number of days between *low* and *high*, both included."""
    return low + int(rng.random() * (high - low + 1))
