"""Limits as data: defaults, overrides, options, and errors naming the limit, value and option."""

from __future__ import annotations

import pickle
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from openco.errors import InvalidArgumentError, LimitExceededError, OpencoError
from openco.limits import DEFAULT_LIMITS, Limits

NAMES = [f.name for f in attrs.fields(Limits)]


class TestLimits:
    def test_every_limit_the_issue_names_is_there(self) -> None:
        assert set(NAMES) == {
            "members_per_map",
            "ties_per_map",
            "professionals_per_family",
            "families_per_professional",
            "units_per_area",
            "string_length",
            "nesting_depth",
            "document_bytes",
            "records_per_case",
        }

    def test_the_defaults_are_described_with_their_options(self) -> None:
        infos = Limits.describe()

        assert [i.name for i in infos] == NAMES
        assert all(i.default == getattr(DEFAULT_LIMITS, i.name) for i in infos)
        assert all(i.option == "--max-" + i.name.replace("_", "-") for i in infos)
        assert all(i.what for i in infos)

    def test_a_caller_raises_one_limit_and_keeps_the_others(self) -> None:
        limits = Limits(members_per_map=5_000)

        assert limits.members_per_map == 5_000
        assert limits.ties_per_map == DEFAULT_LIMITS.ties_per_map

    @pytest.mark.parametrize("bad", [0, -1, 1.5, "10", True, None])
    def test_a_limit_is_a_whole_number_of_at_least_one(self, bad: object) -> None:
        with pytest.raises(InvalidArgumentError, match="members_per_map"):
            Limits(members_per_map=bad)  # type: ignore[arg-type]

    def test_an_unknown_limit_has_no_option(self) -> None:
        with pytest.raises(InvalidArgumentError, match="members_per_map"):
            Limits.option("members")

    def test_limits_are_frozen(self) -> None:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            DEFAULT_LIMITS.members_per_map = 1  # type: ignore[misc]


class TestCheck:
    @given(name=st.sampled_from(NAMES), maximum=st.integers(1, 10**9), extra=st.integers(1, 10))
    def test_over_the_limit_is_refused_naming_limit_value_and_option(
        self, name: str, maximum: int, extra: int
    ) -> None:
        limits = attrs.evolve(DEFAULT_LIMITS, **{name: maximum})

        with pytest.raises(LimitExceededError) as caught:
            limits.check(name, maximum + extra, where="f1")

        error = caught.value
        assert (error.limit, error.value, error.maximum) == (name, maximum + extra, maximum)
        assert Limits.option(name) in str(error)
        assert f"{maximum + extra:,}" in str(error)
        assert str(error).startswith("f1: ")
        assert isinstance(error, OpencoError)
        assert isinstance(error, ValueError)

    @given(name=st.sampled_from(NAMES), value=st.integers(0, 10**9))
    def test_at_or_under_the_limit_passes(self, name: str, value: int) -> None:
        limits = attrs.evolve(DEFAULT_LIMITS, **{name: max(value, 1)})

        limits.check(name, value)

        assert limits.exceeded(name, value) is None

    def test_the_error_pickles_with_its_data(self) -> None:
        error = DEFAULT_LIMITS.exceeded("ties_per_map", 10**6, where="m1")

        again = pickle.loads(pickle.dumps(error))

        assert isinstance(again, LimitExceededError)
        assert str(again) == str(error)
        assert again.option == "--max-ties-per-map"


def test_the_table_in_the_docs_is_the_limits_as_they_are() -> None:
    page = (Path(__file__).parent.parent / "docs" / "io.md").read_text(encoding="utf-8")
    table = page.split("<!-- limits table: start -->\n")[1].split("<!-- limits table: end -->")[0]

    expected = "".join(
        f"| `{i.name}` | {i.default:,} | {i.what} | `{i.option}` |\n" for i in Limits.describe()
    )

    assert table == expected
