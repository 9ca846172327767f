"""openco.io documents: round trips, envelopes, and malformed input of every kind."""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openco.demo import vaaralampi_story
from openco.errors import DocumentProblem, InvalidDocumentError
from openco.io import SCHEMA_VERSION, document_kinds, dumps, iter_loads, kind_of, loads
from openco.model import (
    Area,
    AreaId,
    Bundle,
    Concern,
    Family,
    Meeting,
    NetworkMap,
    Person,
    PersonId,
    Plan,
)

STORY = vaaralampi_story()
TODAY = dt.date(2026, 11, 30)


def story_parts() -> list[object]:
    """Every object of the story, each of which must stand as a document of its own."""
    parts: list[object] = [STORY]
    for name in ("areas", "units", "professionals", "families", "network_maps", "concerns",
                 "meetings", "plans", "consents"):  # fmt: skip
        parts.extend(getattr(STORY, name))
    return parts


class TestRoundTrip:
    @pytest.mark.parametrize("obj", story_parts(), ids=lambda o: type(o).__name__)
    def test_every_part_of_the_story_reads_back_equal(self, obj: object) -> None:
        text = dumps(obj)

        assert loads(text, type(obj)) == obj

    def test_the_same_value_always_gives_the_same_text(self) -> None:
        assert dumps(vaaralampi_story()) == dumps(vaaralampi_story())

    def test_sets_are_written_sorted(self) -> None:
        consent = json.loads(dumps(STORY.consents[0]))["data"]

        assert consent["scopes"] == sorted(consent["scopes"])
        assert consent["units"] == sorted(consent["units"])

    def test_dates_are_iso_strings_and_enums_stable_values(self) -> None:
        data = json.loads(dumps(STORY.concerns[0]))["data"]

        assert data["noticed_on"] == "2026-02-02"
        assert data["assessments"][1]["zone"] == "grey"
        assert data["assessments"][1]["subzone"] == "lower"

    def test_indent_only_changes_the_layout(self) -> None:
        assert json.loads(dumps(STORY, indent=2)) == json.loads(dumps(STORY))


class TestEnvelope:
    def test_kind_of_names_the_class_in_snake_case(self) -> None:
        assert kind_of(NetworkMap) == "network_map"
        assert document_kinds()["bundle"] is Bundle

    def test_kind_of_refuses_a_class_that_is_no_document_kind(self) -> None:
        with pytest.raises(TypeError, match="not an openco document kind"):
            kind_of(dict)

    @pytest.mark.parametrize(
        ("document", "path"),
        [
            ({"kind": "area", "data": {}}, "schema_version"),
            ({"schema_version": 2, "kind": "area", "data": {}}, "schema_version"),
            ({"schema_version": True, "kind": "area", "data": {}}, "schema_version"),
            ({"schema_version": 1, "kind": "family", "data": {}}, "kind"),
            ({"schema_version": 1, "data": {}}, "kind"),
            ({"schema_version": 1, "kind": "area"}, "data"),
            ({"schema_version": 1, "kind": "area", "data": {}, "extra": 1}, ""),
        ],
    )
    def test_a_wrong_envelope_is_reported_at_its_key(
        self, document: dict[str, Any], path: str
    ) -> None:
        with pytest.raises(InvalidDocumentError) as caught:
            loads(json.dumps(document), Area)

        assert path in caught.value.paths

    @pytest.mark.parametrize("text", ["", "{", "[1, 2]", "null", '"area"', b"\xff\xfe"])
    def test_text_that_is_no_json_object_is_refused(self, text: str | bytes) -> None:
        with pytest.raises(InvalidDocumentError):
            loads(text, Area)

    def test_schema_version_is_the_one_written(self) -> None:
        assert json.loads(dumps(STORY.areas[0]))["schema_version"] == SCHEMA_VERSION


class TestProblems:
    def test_every_problem_in_a_document_is_listed_with_its_path(self) -> None:
        document = json.loads(dumps(STORY.families[0]))
        document["data"]["members"][0]["name"] = 7
        document["data"]["members"][1]["birth_date"] = "yesterday"
        document["data"]["custody"][0]["kind"] = "guardian"
        del document["data"]["home_area"]

        with pytest.raises(InvalidDocumentError) as caught:
            loads(json.dumps(document), Family)

        assert set(caught.value.paths) == {
            "data.members[0].name",
            "data.members[1].birth_date",
            "data.custody[0].kind",
            "data.home_area",
        }

    def test_an_unknown_enum_value_lists_the_allowed_values(self) -> None:
        document = json.loads(dumps(STORY.network_maps[0]))
        document["data"]["members"][0]["ring"] = "outermost"

        with pytest.raises(InvalidDocumentError) as caught:
            loads(json.dumps(document), NetworkMap)

        (problem,) = caught.value.problems
        assert problem.path == "data.members[0].ring"
        assert "inner, middle, outer" in problem.message

    def test_a_broken_invariant_names_the_field(self) -> None:
        document = json.loads(dumps(STORY.plans[0]))
        document["data"]["follow_up_on"] = "2026-01-01"

        with pytest.raises(InvalidDocumentError) as caught:
            loads(json.dumps(document), Plan)

        assert caught.value.paths == ("data.follow_up_on",)

    def test_a_number_is_not_accepted_for_a_string_nor_a_string_for_a_boolean(self) -> None:
        document = json.loads(dumps(STORY.units[0]))
        document["data"]["in_family_centre"] = "false"
        document["data"]["name"] = 12

        with pytest.raises(InvalidDocumentError) as caught:
            loads(json.dumps(document), type(STORY.units[0]))

        assert set(caught.value.paths) == {"data.in_family_centre", "data.name"}

    def test_dangling_references_and_duplicate_ids_in_a_bundle_are_all_listed(self) -> None:
        document = json.loads(dumps(STORY))
        data = document["data"]
        data["plans"][0]["items"][1]["responsible"] = "p-ghost"
        data["meetings"][0]["concern"] = "c-ghost"
        data["areas"].append(copy.deepcopy(data["areas"][0]))

        with pytest.raises(InvalidDocumentError) as caught:
            loads(json.dumps(document), Bundle)

        assert set(caught.value.paths) == {
            "data.plans[0].items[1].responsible",
            "data.meetings[0].concern",
            "data.areas[2].id",
        }

    def test_a_person_born_after_today_is_refused_only_when_today_is_given(self) -> None:
        document = json.loads(dumps(Bundle(areas=STORY.areas, families=STORY.families)))
        document["data"]["families"][0]["members"][1]["birth_date"] = "2027-05-01"
        document["data"]["families"][0]["custody"] = []
        text = json.dumps(document)

        loads(text, Bundle)
        with pytest.raises(InvalidDocumentError) as caught:
            loads(text, Bundle, today=TODAY)

        assert caught.value.paths == ("data.families[0].members[1].birth_date",)

    def test_the_error_pickles_with_its_problems(self) -> None:
        error = InvalidDocumentError([DocumentProblem("data.id", "missing")])

        copied = pickle.loads(pickle.dumps(error))

        assert copied.problems == error.problems
        assert str(copied) == str(error)


class TestJsonLines:
    def test_lines_are_read_lazily_and_blank_lines_skipped(self) -> None:
        people = list(STORY.families[0].members)
        lines = iter([dumps(people[0]), "  ", dumps(people[1])])

        assert list(iter_loads(lines, Person)) == people

    def test_a_bad_line_is_reported_with_its_number(self) -> None:
        lines = [dumps(STORY.families[0].members[0]), '{"schema_version": 1}']

        with pytest.raises(InvalidDocumentError) as caught:
            list(iter_loads(lines, Person))

        assert all(path.startswith("line 2: ") for path in caught.value.paths)

    def test_on_error_reports_and_goes_on(self) -> None:
        good = dumps(STORY.families[0].members[0])
        seen: list[int] = []

        read = list(iter_loads(["x", good, "{}"], Person, on_error=lambda n, _: seen.append(n)))

        assert len(read) == 1
        assert seen == [1, 3]


# --- Fuzzing: malformed documents give InvalidDocumentError with paths, and nothing else ---

JSON_SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12)
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
KINDS = [Bundle, Family, NetworkMap, Concern, Meeting, Plan, Person, Area]


def _locations(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path to every value inside a JSON value, the value itself included."""
    found = [path]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _locations(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _locations(inner, (*path, index))
    return found


def _parent_and_key(document: Any, path: tuple[Any, ...]) -> tuple[Any, Any]:
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    return parent, path[-1]


@st.composite
def malformed_documents(draw: st.DrawFn) -> tuple[str, type]:
    """A valid document of the story with one to three things broken in it."""
    obj = draw(st.sampled_from([p for p in story_parts() if type(p) in KINDS]))
    document = json.loads(dumps(obj))
    for _ in range(draw(st.integers(1, 3))):
        locations = [p for p in _locations(document) if p]
        path = draw(st.sampled_from(locations))
        parent, key = _parent_and_key(document, path)
        mutation = draw(
            st.sampled_from(
                ["replace", "delete", "add_key", "bad_enum", "dangling", "duplicate", "future"]
            )
        )
        if mutation == "replace":
            parent[key] = draw(JSON_VALUES)
        elif mutation == "delete":
            if isinstance(parent, dict):
                del parent[key]
            else:
                parent.pop(key)
        elif mutation == "add_key" and isinstance(parent[key], dict):
            parent[key][draw(st.text(min_size=1, max_size=8))] = draw(JSON_VALUES)
        elif mutation in {"bad_enum", "dangling"} and isinstance(parent[key], str):
            parent[key] = draw(st.sampled_from(["outermost", "p-ghost", "zz", "GREY", ""]))
        elif mutation == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
        elif mutation == "future" and isinstance(parent[key], str) and parent[key][:2] == "20":
            parent[key] = "2031-01-01"
    return json.dumps(document), type(obj)


def _problems_or_round_trip(text: str, cls: type) -> tuple[DocumentProblem, ...]:
    """The problems loads() found, or, where it found none, check that the value round-trips.

    A mutation can leave a document valid (an empty bundle, a name replaced by another name);
    then the value read must write and read back unchanged. Any exception other than
    InvalidDocumentError fails the test.
    """
    try:
        read: object = loads(text, cls, today=TODAY)
    except InvalidDocumentError as error:
        problems = error.problems
    else:
        assert loads(dumps(read), cls) == read
        return ()
    assert problems, "an InvalidDocumentError must list its problems"
    return problems


# Each test runs once per reader (tests/io/conftest.py): the same method, two fixture values.
_ONCE_PER_READER = [HealthCheck.differing_executors]


class TestFuzz:
    @settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow, *_ONCE_PER_READER])
    @given(malformed_documents())
    def test_malformed_documents_raise_only_invalid_document_errors_with_paths(
        self, case: tuple[str, type]
    ) -> None:
        text, cls = case

        problems = _problems_or_round_trip(text, cls)

        assert all(isinstance(p.path, str) and p.message for p in problems)
        assert all(p.path.startswith(("data", "schema_version", "kind")) or p.path == ""
                   for p in problems)  # fmt: skip

    @settings(max_examples=200, suppress_health_check=_ONCE_PER_READER)
    @given(st.sampled_from(KINDS), JSON_VALUES)
    def test_arbitrary_json_data_raises_only_invalid_document_errors(
        self, cls: type, data: Any
    ) -> None:
        document = {"schema_version": 1, "kind": kind_of(cls), "data": data}

        _problems_or_round_trip(json.dumps(document), cls)

    @settings(max_examples=100, suppress_health_check=_ONCE_PER_READER)
    @given(st.text(max_size=40) | st.binary(max_size=40))
    def test_arbitrary_text_raises_only_invalid_document_errors(self, text: str | bytes) -> None:
        with pytest.raises(InvalidDocumentError):
            loads(text, Area)


def test_ids_are_plain_strings_in_documents() -> None:
    person = Person(id=PersonId("p-1"), name="Aino", birth_date=dt.date(2020, 1, 1))

    assert json.loads(dumps(person))["data"]["id"] == "p-1"
    assert json.loads(dumps(STORY.areas[0]))["data"]["id"] == AreaId("vaaralampi")


class TestFreshProcess:
    def test_a_bundle_is_the_first_thing_a_fresh_process_can_read(self) -> None:
        """Regression: reading a bundle before anything was written failed on unresolved types."""
        text = dumps(STORY)
        script = (
            "import sys\n"
            "from openco.io import loads\n"
            "from openco.model import Bundle\n"
            "print(len(loads(sys.stdin.read(), Bundle).families))\n"
        )

        done = subprocess.run(  # noqa: S603 - runs this interpreter on a fixed script
            [sys.executable, "-c", script], input=text, capture_output=True, text=True, check=False
        )

        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == str(len(STORY.families))
