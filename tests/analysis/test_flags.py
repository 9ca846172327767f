from __future__ import annotations

import pickle

import attrs
import pytest

from openco.analysis.flags import DEFAULT_THRESHOLDS, FlagKind, FlagThresholds, flags_for
from openco.analysis.measures import measure_map
from openco.errors import InvalidArgumentError
from openco.model import PersonId, SupportDirection, TieQuality
from tests.analysis.builders import D, Q, R, S, T, empty_map, example_map, member


def kinds(nmap: object, thresholds: FlagThresholds = DEFAULT_THRESHOLDS) -> set[FlagKind]:
    return {f.kind for f in flags_for(measure_map(nmap), thresholds=thresholds)}  # type: ignore[arg-type]


class TestDefaultFlags:
    def test_the_example_family_raises_no_flag(self) -> None:
        assert kinds(example_map()) == set()

    def test_an_empty_map_is_very_small_and_has_no_inner_support(self) -> None:
        assert kinds(empty_map()) == {FlagKind.NO_INNER_SUPPORT, FlagKind.VERY_SMALL}

    def test_no_supportive_tie_on_the_inner_ring(self) -> None:
        nmap = example_map()
        weaker = tuple(
            attrs.evolve(m, tie=TieQuality.WEAK) if m.ring is R.INNER else m for m in nmap.members
        )

        assert FlagKind.NO_INNER_SUPPORT in kinds(attrs.evolve(nmap, members=weaker))

    def test_professionals_outnumbering_informal_supporters(self) -> None:
        workers = [
            member(f"w{k}", S.PROFESSIONALS, R.OUTER, Q.WEAK) for k in range(4)
        ]  # four workers, three informal supporters
        nmap = example_map()

        assert FlagKind.PROFESSIONAL_HEAVY in kinds(
            attrs.evolve(nmap, members=(*nmap.members, *workers))
        )

    def test_all_support_from_one_person(self) -> None:
        nmap = example_map()
        only_gran = tuple(
            m
            if m.id == PersonId("gran")
            else attrs.evolve(m, direction=SupportDirection.NONE, support=())
            for m in nmap.members
        )

        raised = flags_for(measure_map(attrs.evolve(nmap, members=only_gran)))

        assert [f.kind for f in raised] == [FlagKind.SINGLE_SUPPORTER]
        assert raised[0].observed == 1.0


class TestThresholds:
    def test_each_flag_says_its_threshold_in_its_rule(self) -> None:
        thresholds = FlagThresholds(
            min_inner_supportive=3, min_informal_size=9, max_professional_ratio=0.2,
            single_supporter_share=0.3,
        )  # fmt: skip

        flags = flags_for(measure_map(example_map()), thresholds=thresholds)

        assert [f.kind for f in flags] == list(FlagKind)
        texts = [f.rule for f in flags]
        assert "fewer than 3 supportive ties" in texts[0]
        assert "fewer than 9 informal members" in texts[1]
        assert "more than 0.2 professionals per informal supporter" in texts[2]
        assert "at least 30% of the support" in texts[3]
        assert [f.threshold for f in flags] == [3, 9, 0.2 * 3, 0.3]

    def test_a_threshold_of_zero_switches_the_small_network_flag_off(self) -> None:
        assert FlagKind.VERY_SMALL not in kinds(empty_map(), FlagThresholds(min_informal_size=0))

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("min_inner_supportive", -1),
            ("min_informal_size", 2.5),
            ("max_professional_ratio", -0.1),
            ("max_professional_ratio", True),
            ("single_supporter_share", 0),
            ("single_supporter_share", 1.5),
        ],
    )
    def test_impossible_thresholds_are_refused_naming_the_field(
        self, field: str, value: object
    ) -> None:
        with pytest.raises(InvalidArgumentError) as caught:
            FlagThresholds(**{field: value})  # type: ignore[arg-type]

        assert caught.value.argument == field
        assert pickle.loads(pickle.dumps(caught.value)).argument == field

    def test_a_flag_reads_in_each_language(self) -> None:
        assert FlagKind.VERY_SMALL.label("fi") == "hyvin pieni verkosto"
        assert str(flags_for(measure_map(empty_map()))[1]).startswith("very small network")


def test_support_types_are_only_counted_for_givers() -> None:
    """A member who receives support cannot list support types (the model refuses it)."""
    with pytest.raises(ValueError, match="support"):
        member("x", S.RELATIVES, R.INNER, Q.SUPPORTIVE, D.FROM_FAMILY, T.EMOTIONAL)
