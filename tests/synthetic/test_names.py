from __future__ import annotations

from random import Random

from openco.synthetic.names import FIRST_NAMES, first_name, full_name, place_name


def test_names_come_from_the_invented_lists() -> None:
    rng = Random(4)  # noqa: S311 - the generator under test takes any Random

    assert all(first_name(rng) in FIRST_NAMES for _ in range(50))
    assert all(len(full_name(rng).split()) == 2 for _ in range(50))


def test_place_names_are_distinct() -> None:
    assert len({place_name(k) for k in range(1000)}) == 1000
