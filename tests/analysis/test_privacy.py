from __future__ import annotations

import datetime as dt
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openco.analysis.privacy import (
    MIN_KEY_BYTES,
    IdKind,
    Privacy,
    Pseudonymizer,
    age_band,
    new_key,
)
from openco.errors import InvalidArgumentError
from tests.analysis.strategies import QUICK

KEY = b"0123456789abcdef-key"
ids = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=30)


class TestPseudonymizer:
    @QUICK
    @given(ids)
    def test_the_same_id_always_gets_the_same_pseudonym_under_one_key(self, value: str) -> None:
        assert Pseudonymizer(KEY)(value) == Pseudonymizer(KEY)(value)

    @QUICK
    @given(ids, ids)
    def test_different_ids_get_different_pseudonyms(self, one: str, two: str) -> None:
        p = Pseudonymizer(KEY)

        assert (p(one) == p(two)) == (one == two)

    @QUICK
    @given(ids)
    def test_another_key_gives_another_pseudonym(self, value: str) -> None:
        assert Pseudonymizer(KEY)(value) != Pseudonymizer(KEY + b"!")(value)

    @pytest.mark.parametrize("kind", list(IdKind))
    def test_a_pseudonym_is_hmac_sha256_of_the_id_under_the_key_of_its_kind(
        self, kind: IdKind
    ) -> None:
        import hashlib  # noqa: PLC0415
        import hmac  # noqa: PLC0415

        own = hmac.new(KEY, b"openco pseudonym v2\x00" + kind.value.encode(), hashlib.sha256)
        digest = hmac.new(own.digest(), b"a0001-f00001", hashlib.sha256).hexdigest()

        assert Pseudonymizer(KEY, length=32)("a0001-f00001", kind=kind) == "p-" + digest[:32]

    @QUICK
    @given(
        st.binary(min_size=16, max_size=100),
        st.sampled_from(IdKind),
        st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=5),
    )
    def test_the_fast_hmac_equals_the_standard_library_one_also_when_remembered(
        self, key: bytes, kind: IdKind, values: list[str]
    ) -> None:
        import hashlib  # noqa: PLC0415
        import hmac  # noqa: PLC0415

        own = hmac.new(key, b"openco pseudonym v2\x00" + kind.value.encode(), hashlib.sha256)
        p = Pseudonymizer(key, length=64)
        for value in [*values, *values]:  # the second time from what is remembered
            expected = hmac.new(own.digest(), value.encode(), hashlib.sha256).hexdigest()
            assert p(value, kind=kind) == "p-" + expected

    def test_what_is_remembered_stays_bounded_and_right(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from openco.analysis import privacy  # noqa: PLC0415

        monkeypatch.setattr(privacy, "_REMEMBERED", 4)
        monkeypatch.setattr(privacy, "_PREPARED", {})
        p = Pseudonymizer(KEY)
        first = [p(f"f{n}", kind=IdKind.FAMILY) for n in range(10)]

        assert [p(f"f{n}", kind=IdKind.FAMILY) for n in range(10)] == first
        assert all(len(entry.seen) <= 4 for entry in privacy._PREPARED.values())

    @QUICK
    @given(ids, st.sampled_from(IdKind), st.sampled_from(IdKind))
    def test_each_kind_of_id_has_its_own_pseudonyms(
        self, value: str, one: IdKind, two: IdKind
    ) -> None:
        """The same text as a family id and as a person id gives unrelated pseudonyms."""
        p = Pseudonymizer(KEY)

        assert (p(value, kind=one) == p(value, kind=two)) == (one == two)

    def test_the_plain_key_is_never_used_directly(self) -> None:
        import hashlib  # noqa: PLC0415
        import hmac  # noqa: PLC0415

        plain = "p-" + hmac.new(KEY, b"f1", hashlib.sha256).hexdigest()[:20]

        assert plain not in {Pseudonymizer(KEY)("f1", kind=k) for k in IdKind}

    def test_the_key_never_shows_in_the_repr(self) -> None:
        assert "0123" not in repr(Pseudonymizer(KEY))

    @pytest.mark.parametrize("key", [b"short", "a text key, not bytes", b""])
    def test_a_weak_key_is_refused(self, key: object) -> None:
        with pytest.raises(InvalidArgumentError) as caught:
            Pseudonymizer(key)  # type: ignore[arg-type]

        assert caught.value.argument == "key"
        assert str(MIN_KEY_BYTES) in caught.value.allowed
        assert "short" not in str(caught.value)  # the error shows the length, not the key

    @pytest.mark.parametrize("length", [8, 65, True])
    def test_an_unusable_length_is_refused(self, length: object) -> None:
        with pytest.raises(InvalidArgumentError):
            Pseudonymizer(KEY, length=length)  # type: ignore[arg-type]


class TestAgeBand:
    @pytest.mark.parametrize(
        ("born", "band"),
        [
            (dt.date(2026, 1, 1), "0-2"),
            (dt.date(2023, 1, 2), "0-2"),
            (dt.date(2023, 1, 1), "3-6"),
            (dt.date(2013, 6, 1), "7-12"),
            (dt.date(2009, 1, 1), "13-17"),
            (dt.date(2008, 1, 1), "18-24"),
            (dt.date(1961, 1, 1), "65+"),
        ],
    )
    def test_bands_on_a_given_day(self, born: dt.date, band: str) -> None:
        assert age_band(born, on=dt.date(2026, 1, 1)) == band

    @QUICK
    @given(st.dates(min_value=dt.date(1920, 1, 1), max_value=dt.date(2026, 1, 1)))
    def test_every_age_falls_in_exactly_one_band(self, born: dt.date) -> None:
        band = age_band(born, on=dt.date(2026, 1, 1))
        age = 2026 - born.year - ((born.month, born.day) > (1, 1))
        low, _, high = band.partition("-")

        assert int(low.rstrip("+")) <= age
        assert not high or age <= int(high)

    def test_custom_bands(self) -> None:
        assert age_band(dt.date(2020, 1, 1), on=dt.date(2026, 1, 1), bands=(0, 18)) == "0-17"

    def test_bad_bands_and_days_are_refused(self) -> None:
        with pytest.raises(InvalidArgumentError):
            age_band(dt.date(2020, 1, 1), on=dt.date(2026, 1, 1), bands=(3, 1))
        with pytest.raises(InvalidArgumentError):
            age_band(dt.date(2020, 1, 1), on=dt.date(2019, 1, 1))


class TestPrivacy:
    def test_pseudonymised_is_the_default_way_and_shows_no_names(self) -> None:
        privacy = Privacy.pseudonymised(KEY)

        assert privacy.person("p1") != "p1"
        assert privacy.name("Aino") is None

    def test_names_only_on_explicit_opt_in(self) -> None:
        assert Privacy.identified().name("Aino") is None
        assert Privacy.identified(names=True).name("Aino") == "Aino"

    def test_errors_pickle(self) -> None:
        with pytest.raises(InvalidArgumentError) as caught:
            Privacy.pseudonymised(b"x")

        again = pickle.loads(pickle.dumps(caught.value))
        assert (again.function, again.argument, str(again)) == (
            "Pseudonymizer",
            "key",
            str(caught.value),
        )


class TestKeysAndDates:
    def test_a_new_key_is_random_and_long_enough(self) -> None:
        keys = {new_key() for _ in range(20)}

        assert len(keys) == 20
        assert all(len(k) >= 2 * MIN_KEY_BYTES for k in keys)
        Pseudonymizer(next(iter(keys)))

    @QUICK
    @given(st.dates())
    def test_pseudonymised_dates_show_the_month_only(self, day: dt.date) -> None:
        shown = Privacy.pseudonymised(KEY).date(day)

        assert shown == day.isoformat()[:7]
        assert Privacy.pseudonymised(KEY, coarse_dates=False).date(day) == day.isoformat()
        assert Privacy.identified().date(day) == day.isoformat()

    def test_each_kind_has_its_method(self) -> None:
        privacy = Privacy.pseudonymised(KEY)
        shown = {
            privacy.family("x"), privacy.person("x"), privacy.professional("x"),
            privacy.unit("x"), privacy.map("x"),
        }  # fmt: skip

        assert len(shown) == len(IdKind)
