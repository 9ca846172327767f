"""The strict loader: hostile input is a problem of the document, never a crash (issue 11)."""

from __future__ import annotations

import datetime as dt
import json
import random
import typing
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.io.hostile import FUZZ_LIMITS, MUTATIONS, leaks, mutant

from openco.cli.main import cli
from openco.demo import vaaralampi_story
from openco.errors import InvalidDocumentError, LimitExceededError
from openco.io import document_kinds, dumps, iter_loads, kind_of, load_documents, loads, read_json
from openco.io._strict import SCHEMA_DEPTH
from openco.limits import DEFAULT_LIMITS, Limits
from openco.model import Area, Bundle, NetworkMap, ServiceUnit
from openco.process import Case
from openco.testing.workflow import good_case, make_cast

STORY = vaaralampi_story()
CAST = make_cast()
CASE = good_case(CAST)
FAR_FUTURE = dt.date(2100, 1, 1)  # the reader's day for cases: later than every record


def for_case(cls: type) -> dict[str, Any]:
    """What loads() needs besides the text: a case is judged by the records and a day."""
    return {"records": CAST.records, "today": FAR_FUTURE} if cls is Case else {}


SOURCES: list[object] = [
    STORY,
    CASE,
    *STORY.areas,
    *STORY.units,
    *STORY.families,
    *STORY.network_maps,
    *STORY.concerns,
    *STORY.meetings,
    *STORY.plans,
    *STORY.consents,
]
DOCUMENTS = [(json.loads(dumps(obj)), type(obj)) for obj in SOURCES]
AREA = (
    '{"schema_version": 1, "kind": "area", "data": {"id": "a", "name": "A", "municipality": "M"}}'
)


def refusal(text: str | bytes, cls: type, limits: Limits = DEFAULT_LIMITS) -> InvalidDocumentError:
    with pytest.raises(InvalidDocumentError) as caught:
        loads(text, cls, limits=limits, **for_case(cls))
    return caught.value


def area_with(data: str) -> str:
    return f'{{"schema_version": 1, "kind": "area", "data": {data}}}'


class TestDepth:
    @pytest.mark.parametrize("levels", [33, 1_000, 100_000])
    @pytest.mark.parametrize("bracket", ["[]", "{}"])
    def test_deep_nesting_names_the_limit_and_never_recurses(
        self, levels: int, bracket: str
    ) -> None:
        opening = "[" if bracket == "[]" else '{"a":'
        text = area_with(opening * levels + "1" + bracket[1] * levels)

        error = refusal(text, Area)

        assert "--max-nesting-depth" in str(error)
        assert isinstance(error.__cause__, LimitExceededError)

    def test_a_lower_depth_limit_refuses_a_valid_document(self) -> None:
        error = refusal(dumps(STORY), Bundle, Limits(nesting_depth=3))

        assert "over the limit of 3" in str(error)

    def test_no_document_kind_nests_near_the_depth_the_fast_path_trusts(self) -> None:
        """The loader trusts the classes to bound depth; every kind stays under SCHEMA_DEPTH."""
        details = {kind for kinds in _workflow_details() for kind in kinds}
        deepest = max(
            *(2 + type_depth(cls) for cls in document_kinds().values() if cls is not Case),
            5 + max(type_depth(kind) for kind in details),  # envelope, data, history, record
        )

        assert deepest < SCHEMA_DEPTH <= DEFAULT_LIMITS.nesting_depth


def _workflow_details() -> list[tuple[type, ...]]:
    from openco.process import DEFAULT_WORKFLOW  # noqa: PLC0415

    return list(DEFAULT_WORKFLOW.details.values())


def type_depth(kind: Any, seen: frozenset[Any] = frozenset()) -> int:
    """How deeply a JSON value of *kind* can nest: 1 per object or array."""
    if kind in seen:
        raise AssertionError(f"{kind} contains itself: its documents could nest without bound")
    if isinstance(kind, type) and attrs.has(kind):
        hints = typing.get_type_hints(kind)
        inner = [type_depth(hints[f.name], seen | {kind}) for f in attrs.fields(kind) if f.init]
        return 1 + max(inner, default=0)
    args = [a for a in typing.get_args(kind) if a is not Ellipsis]
    origin = typing.get_origin(kind)
    if origin in {tuple, frozenset, list}:
        return 1 + max((type_depth(a, seen) for a in args), default=0)
    if args:  # a union such as X | None
        return max(type_depth(a, seen) for a in args)
    # A NewType id, a str, an enum, a date: scalars in JSON.
    assert hasattr(kind, "__supertype__") or isinstance(kind, type), kind
    return 0


class TestText:
    def test_a_lone_surrogate_is_refused_escaped_raw_or_encoded(self) -> None:
        escaped = area_with('{"id": "a", "name": "\\ud800", "municipality": "M"}')

        assert "lone surrogate" in str(refusal(escaped, Area))
        assert "surrogate" in str(refusal(escaped.replace("\\ud800", "\ud800"), Area))
        assert "UTF-8" in str(
            refusal(escaped.replace("\\ud800", "\ud800").encode("utf-8", "surrogatepass"), Area)
        )

    def test_a_surrogate_pair_is_text(self) -> None:
        smile = area_with('{"id": "a", "name": "\\ud83d\\ude00", "municipality": "M"}')

        assert loads(smile, Area).name == "\U0001f600"

    def test_nul_is_refused(self) -> None:
        text = area_with('{"id": "a", "name": "a\\u0000b", "municipality": "M"}')

        assert refusal(text, Area).paths == ("data.name",)

    def test_a_text_over_the_limit_names_the_option(self) -> None:
        text = area_with(f'{{"id": "a", "name": "{"x" * 101}", "municipality": "M"}}')

        error = refusal(text, Area, Limits(string_length=100))

        assert "--max-string-length" in str(error)
        assert "x" * 20 not in str(error)
        assert loads(text, Area).name == "x" * 101

    def test_a_document_over_the_size_limit_is_refused_before_it_is_read(self) -> None:
        error = refusal(AREA + " " * 1000, Area, Limits(document_bytes=500))

        assert "--max-document-bytes" in str(error)

    def test_bytes_that_are_not_utf8_are_refused(self) -> None:
        assert "UTF-8" in str(refusal(AREA.encode().replace(b'"A"', b'"\xff"'), Area))


class TestShapes:
    def test_a_key_twice_is_refused(self) -> None:
        text = area_with('{"id": "a", "name": "A", "name": "B", "municipality": "M"}')

        assert "appears twice" in str(refusal(text, Area))

    @pytest.mark.parametrize("areas", ['"clinic"', '{"north": 1, "south": 2}', '"a"'])
    def test_a_string_or_an_object_is_no_set(self, areas: str) -> None:
        text = (
            '{"schema_version": 1, "kind": "service_unit", "data": {"id": "u", "name": "U",'
            f' "kind": "ngo", "areas": {areas}}}}}'
        )

        assert refusal(text, ServiceUnit).paths == ("data.areas",)

    @pytest.mark.parametrize("day", ["20260302", "2026-W10-1", "2026W101", "2026-3-2", 20260302])
    def test_dates_are_written_yyyy_mm_dd_only(self, day: object) -> None:
        document = json.loads(dumps(STORY.network_maps[0]))
        document["data"]["drawn_on"] = day

        assert refusal(json.dumps(document), NetworkMap).paths == ("data.drawn_on",)


class TestCounts:
    def test_members_and_ties_over_the_limit_are_refused_before_anything_is_built(self) -> None:
        nmap = max(STORY.network_maps, key=lambda m: len(m.ties))
        text = dumps(nmap)

        members = refusal(text, NetworkMap, Limits(members_per_map=len(nmap.members) - 1))
        ties = refusal(text, NetworkMap, Limits(ties_per_map=len(nmap.ties) - 1))

        assert members.paths == ("data.members",)
        assert "--max-members-per-map" in str(members)
        assert isinstance(members.__cause__, LimitExceededError)
        assert ties.paths == ("data.ties",)
        assert loads(text, NetworkMap, limits=Limits(ties_per_map=len(nmap.ties))) == nmap

    def test_a_bundle_checks_professionals_per_family_and_families_per_professional(
        self,
    ) -> None:
        maps = [json.loads(dumps(n))["data"] for n in STORY.network_maps]
        for index, nmap in enumerate(maps):  # two families, each naming two professionals
            nmap["family"] = f"f-{index}"
            nmap["members"] += [
                {"id": f"pro-{index}-{k}", "label": "Nurse", "sector": "professionals",
                 "ring": "outer", "tie": "weak", "professional": f"pro-{k}"}
                for k in range(2)
            ]  # fmt: skip
        text = json.dumps({"schema_version": 1, "kind": "bundle", "data": {"network_maps": maps}})

        per_family = refusal(text, Bundle, Limits(professionals_per_family=1))
        per_professional = refusal(text, Bundle, Limits(families_per_professional=1))

        assert "--max-professionals-per-family" in str(per_family)
        assert "--max-families-per-professional" in str(per_professional)

    def test_a_bundle_checks_units_per_area(self) -> None:
        most = max(sum(area.id in unit.areas for unit in STORY.units) for area in STORY.areas)

        error = refusal(dumps(STORY), Bundle, Limits(units_per_area=most - 1))

        assert "--max-units-per-area" in str(error)
        assert error.paths == ("data.units",)

    @pytest.mark.parametrize("ident", [[], {}, None, 5])
    def test_a_unit_whose_id_is_no_string_is_counted_and_refused(self, ident: object) -> None:
        # An unhashable id (a list) once crashed the count with a TypeError.
        document = json.loads(dumps(STORY))
        document["data"]["units"][0]["id"] = ident
        most = max(sum(area.id in unit.areas for unit in STORY.units) for area in STORY.areas)

        over = refusal(json.dumps(document), Bundle, Limits(units_per_area=most - 1))
        invalid = refusal(json.dumps(document), Bundle, Limits())

        assert "--max-units-per-area" in str(over)
        assert invalid.paths[0].startswith("data.units[0].id")

    def test_a_professional_that_is_no_string_is_counted_and_refused(self) -> None:
        nmap = json.loads(dumps(STORY.network_maps[0]))
        member = nmap["data"]["members"][0]
        nmap["data"]["members"] = [
            {**member, "id": f"x-{k}", "professional": [k] if k % 2 else f"pro-{k}"}
            for k in range(4)
        ]
        text = json.dumps(nmap)

        over = refusal(text, NetworkMap, Limits(professionals_per_family=3))
        invalid = refusal(text, NetworkMap, Limits(professionals_per_family=4))

        assert "--max-professionals-per-family" in str(over)
        assert "--max-professionals-per-family" not in str(invalid)

    def test_a_case_over_the_record_limit_is_refused(self) -> None:
        error = refusal(dumps(CASE), Case, Limits(records_per_case=len(CASE.history) - 1))

        assert "--max-records-per-case" in str(error)
        assert error.paths == ("data.history",)


class TestRedaction:
    @pytest.mark.parametrize("field", ["id", "name", "municipality"])
    def test_planted_personal_data_never_appears_in_a_message(self, field: str) -> None:
        document = json.loads(AREA)
        document["data"][field] = "150321A123B Aino Virtanen" if field == "id" else 5
        document["data"]["nmae"] = "Aino Virtanen"

        message = str(refusal(json.dumps(document), Area))

        assert not leaks(message)
        assert "nmae" in message  # a misspelt key is shown, so it can be found

    @pytest.mark.parametrize("key", ["150321A123B", "unit-150321a123b"])
    def test_an_area_keyed_by_an_identity_code_is_refused_without_echo(self, key: str) -> None:
        """Made of id characters only, but a personal identity code is no record key."""
        document = json.loads(AREA)
        document["data"]["id"] = key

        message = str(refusal(json.dumps(document), Area))

        assert "pseudonymous record id" in message
        assert not leaks(message)

    def test_a_huge_value_is_not_repeated(self) -> None:
        text = area_with(f'{{"id": "{"x" * 1_000_000}", "name": "A", "municipality": "M"}}')

        assert len(str(refusal(text, Area, Limits(string_length=2_000_000)))) < 500


class TestIterLoads:
    def test_every_bad_line_is_reported_and_reading_goes_on(self) -> None:
        lines = [AREA, "[" * 5_000, AREA, '{"a": 1, "a": 2}', "\ud800", AREA]
        bad: list[int] = []

        areas = list(iter_loads(lines, Area, on_error=lambda n, _: bad.append(n)))

        assert len(areas) == 3
        assert bad == [2, 4, 5]

    def test_without_on_error_the_first_bad_line_raises_with_its_number(self) -> None:
        with pytest.raises(InvalidDocumentError) as caught:
            list(iter_loads([AREA, "[" * 5_000], Area))

        assert caught.value.paths[0].startswith("line 2:")

    def test_read_json_is_as_strict(self) -> None:
        with pytest.raises(InvalidDocumentError):
            read_json("[" * 100_000)


# --- Fuzz: every hostile mutation is refused, and nothing but InvalidDocumentError escapes ---


def check_mutant(text: str | bytes, cls: type, must_refuse: bool, kind: str) -> None:
    """The one oracle of the fuzz test and of benchmarks/fuzz_loader.py's long run."""
    try:
        value: object = loads(text, cls, limits=FUZZ_LIMITS, **for_case(cls))
    except InvalidDocumentError as error:
        message = str(error)
        assert not leaks(message), message
        assert len(message) < 5_000
        return
    assert not must_refuse, f"a {kind} mutant was accepted"
    assert loads(dumps(value), cls, **for_case(cls)) == value


@settings(max_examples=120, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    source=st.sampled_from(DOCUMENTS),
    kind=st.sampled_from(sorted(MUTATIONS)),
    rng=st.randoms(use_true_random=False),
)
def test_hostile_mutants_are_refused_and_only_as_invalid_documents(
    source: tuple[Any, type], kind: str, rng: random.Random
) -> None:
    document, cls = source
    text, must_refuse = mutant(document, kind, rng)

    check_mutant(text, cls, must_refuse, kind)


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    kinds=st.lists(st.sampled_from(sorted(MUTATIONS)), min_size=1, max_size=6),
    rng=st.randoms(use_true_random=False),
)
def test_iter_loads_reports_every_bad_line(kinds: list[str], rng: random.Random) -> None:
    document = json.loads(dumps(STORY.network_maps[0]))
    lines: list[str | bytes] = []
    refused: list[int] = []
    for number, kind in enumerate(kinds, start=1):
        text, must_refuse = mutant(document, kind, rng)
        lines += [text, dumps(STORY.network_maps[0])]
        if must_refuse:
            refused.append(2 * number - 1)
    reported: list[int] = []

    read = list(
        iter_loads(lines, NetworkMap, limits=FUZZ_LIMITS, on_error=lambda n, _: reported.append(n))
    )

    assert set(refused) <= set(reported)
    assert len(read) + len(reported) == len(lines)


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    kinds=st.lists(st.sampled_from(sorted(MUTATIONS)), min_size=1, max_size=4),
    rng=st.randoms(use_true_random=False),
)
def test_openco_check_reports_every_bad_line_and_exits_one(
    tmp_path_factory: pytest.TempPathFactory, kinds: list[str], rng: random.Random
) -> None:
    """The CLI reader: exit 1 (invalid input), never 3 (crash), every line checked."""
    path = tmp_path_factory.mktemp("check") / "maps.jsonl"
    document = json.loads(dumps(STORY.network_maps[0]))
    good = dumps(STORY.network_maps[0]).encode()
    lines = [good]
    for kind in kinds:
        text, _ = mutant(document, kind, rng)
        data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
        lines += [data.replace(b"\n", b" "), good]
    path.write_bytes(b"\n".join(lines) + b"\n")

    result = CliRunner().invoke(cli, ["check", str(path)])

    assert result.exit_code in {0, 1}, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not leaks(result.output)
    assert f"{len(lines)} documents" in result.output
    assert kind_of(NetworkMap) == "network_map"


def test_every_listed_mutation_is_in_the_fuzz() -> None:
    assert set(MUTATIONS) >= {
        "deep",
        "lone_surrogate",
        "duplicate_key",
        "string_as_collection",
        "object_as_collection",
        "nul",
        "long_text",
        "path_id",
        "identity_code_id",
    }
    assert Path(__file__).with_name("hostile.py").exists()


class TestLoadDocuments:
    def test_documents_of_any_kind_are_read_in_order_with_the_kind_from_the_envelope(
        self,
    ) -> None:
        texts = [dumps(STORY.areas[0]), "", dumps(STORY.families[0]), dumps(STORY.network_maps[0])]

        read = list(load_documents(texts))

        assert read == [STORY.areas[0], STORY.families[0], STORY.network_maps[0]]

    def test_a_kind_not_asked_for_and_hostile_lines_are_reported_and_reading_goes_on(
        self,
    ) -> None:
        texts = [dumps(STORY.areas[0]), dumps(STORY.families[0]), "[" * 10_000, AREA]
        bad: list[int] = []

        read = list(load_documents(texts, kinds=[Area], on_error=lambda n, _: bad.append(n)))

        assert len(read) == 2
        assert bad == [2, 3]

    def test_without_on_error_the_line_is_named(self) -> None:
        with pytest.raises(InvalidDocumentError) as caught:
            list(load_documents([AREA, '{"kind": "flower"}']))

        assert caught.value.paths[0].startswith("line 2:")
