"""JSON Schemas (draft 2020-12) of openco documents, generated from the model and the converter.

Every document kind that :mod:`openco.io` reads and writes has a schema, built here from the
attrs classes (their field types, defaults and validators) and from the converter's rules
(dates as ISO strings, enumerations by stable value, sets as lists, unknown keys refused). So
the schema cannot drift from the code: a new field, a new enumeration member or a new validator
changes the generated schema, and ``tests/io/test_schema.py`` compares it with the copies
shipped in the package (``openco/io/schemas/<kind>.schema.json``), which
``python tools/make_schemas.py`` rewrites.

What a JSON Schema cannot say (that ids referred to exist, that custody names members, that
dates are in order …) is listed by :func:`cross_field_rules`; only ``openco check`` checks it.

>>> document = schema("area")
>>> document["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> document["properties"]["kind"]
{'const': 'area'}
>>> sorted(document["$defs"]["Area"]["required"])
['id', 'municipality', 'name']
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import inspect
import json
import sys
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from importlib import resources
from typing import Any, Final

import attrs

from openco.errors import InvalidArgumentError
from openco.io._converter import snake_case
from openco.io.document import SCHEMA_VERSION, document_kinds
from openco.limits import DEFAULT_LIMITS, Limits
from openco.model import _validators as v
from openco.model._messages import FIELDS, OWNERS
from openco.model.family import _LANGUAGE_CODE
from openco.model.label import LabelledEnum, Language
from openco.model.recurrence import MAX_RECURRENCE_COUNT, MAX_RECURRENCE_INTERVAL
from openco.process import DEFAULT_WORKFLOW, Case, StepTaken, Workflow
from openco.process.stages import Step

__all__ = [
    "DATE_PATTERN",
    "DIALECT",
    "ID_PATTERN",
    "SCHEMA_DIRECTORY",
    "TEXT_PATTERN",
    "CrossFieldRule",
    "cross_field_rules",
    "render_rules",
    "schema",
    "schema_kinds",
    "schema_text",
    "stored_schema_text",
]

DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of every openco schema."""

SCHEMA_DIRECTORY: Final = "schemas"
"""The folder of :mod:`openco.io` that holds the shipped schema files, ``<kind>.schema.json``."""


def _whole(regex: str) -> str:
    r"""*regex* anchored to the whole string, in any regex dialect.

    ECMA-262 (the dialect JSON Schema names) ends ``$`` at the end of the text; Python, Java and
    .NET also let it match before a final newline, which would accept ``"p1\n"`` as an id. The
    look-ahead makes every dialect agree with the loader's ``fullmatch``.
    """
    return f"^(?:{regex})(?!\\n)$"


ID_PATTERN: Final = _whole(v._ID.pattern)  # noqa: SLF001 - the model's own id pattern, not a copy
"""An id: 1-128 letters, digits or ``._:@-``, starting with a letter or digit, without ``..``
and not starting like a drive letter (``c:``)."""


# Python's str.strip() removes exactly the characters for which str.isspace() is true; listing
# them explicitly makes "not only white space" mean the same in every regex dialect (ECMA's \s
# is another set).
def _ranges(codes: list[int]) -> str:
    r"""*codes* (sorted) as a regex character-class body of ``\uXXXX`` ranges."""
    parts: list[str] = []
    start = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code != previous + 1:
            parts.append(f"\\u{start:04x}" + (f"-\\u{previous:04x}" if previous > start else ""))
            start = code
        previous = code
    return "".join(parts)


_SPACE: Final = _ranges([c for c in range(sys.maxunicode + 1) if chr(c).isspace()])
TEXT_PATTERN: Final = f"^[{_SPACE}]*[^{_SPACE}\\u0000][^\\u0000]*$"
r"""A character that is not white space somewhere in the text, and no NUL anywhere (the strict
loader refuses NUL in every text).

Written so that a backtracking regex engine (Python's, Java's, .NET's) runs in linear time: the
leading white space, the first other character and the rest can each match only one way. A
pattern such as ``^[^\u0000]*\S[^\u0000]*$`` takes seconds on a hostile 20,000-character text.
"""
NO_NUL_PATTERN: Final = "^[^\\u0000]*$"
"""No NUL character anywhere: the strict loader refuses it in every string."""

_LEAP_YEAR: Final = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
DATE_PATTERN: Final = _whole(
    # Year 0 does not exist in Python's calendar (nor in ISO 8601 without agreement).
    "(?!0000)(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))"
    f"|{_LEAP_YEAR}-02-29)"
)
"""A calendar date written ``YYYY-MM-DD``: the month has the day, 29 February a leap year."""


@attrs.frozen
class CrossFieldRule:
    """A rule the loader checks that no JSON Schema keyword can state.

    *where* names the class and field (``Family.custody``), or the document (``bundle``);
    *rule* says it in words.

    >>> print(CrossFieldRule("Custody.adult", "a person other than the child"))
    Custody.adult: a person other than the child
    """

    where: str
    rule: str

    def __str__(self) -> str:
        return f"{self.where}: {self.rule}"


# What each class-specific validator method checks. ``None``: nothing beyond the field's type,
# which the schema already states. A dict: schema keywords for the field. A string: a
# cross-field rule, listed beside the schema. A method missing from this table stops the
# generator, so that a new invariant is never silently left out of the schema or its docs.
_METHODS: Final[Mapping[str, str | dict[str, Any] | None]] = {
    "Custody._check_adult": "a person other than the child",
    "Family._check_language": {"pattern": _whole(_LANGUAGE_CODE.pattern)},
    "InterpreterNeed._check_language": {"pattern": _whole(_LANGUAGE_CODE.pattern)},
    "Family._check_needs": "each interpreter need names a member",
    "Family._check_custody": (
        "each relation names a child and an adult who are members, the adult born before the child"
    ),
    "NetworkMember._check_professional": (
        "null unless the sector is professionals (and then, in a bundle, a known professional)"
    ),
    "NetworkMember._check_support": "empty unless the direction is to_family or mutual",
    "MemberTie._check_b": "a member other than a",
    "NetworkMap._check_ties": "both ends of every tie are members of this map",
    "ZoneAssessment._check_subzone": "null unless the zone is grey",
    "Concern._check_order": "assessments dated on or after noticed_on, oldest first",
    "Participant._check_unit": (
        "null unless the role is a worker's (professional, initiator, interviewer, recorder)"
    ),
    "Meeting._check_family": "a family id for every kind but area_meeting, null for that",
    "Meeting._check_area": "an area id for an area_meeting",
    "Meeting._check_speakers": "every person in speaking_order is a participant",
    "Meeting._check_interpreted": "every person in interpreted_for is a participant",
    "Meeting._check_absence": (
        "null for an area_meeting and when a participant takes the custodian role"
    ),
    "CustodiansAbsent._check_explanation": "an explanation when the reason is other",
    "PlanItem._check_with_whom": "does not include the responsible person",
    "PlanItem._check_outcome": "null while the status is open",
    "PlanItem._check_due": "null when starts_on is given (an ongoing or recurring item)",
    "PlanItem._check_until": "null unless starts_on is given, and then on or after it",
    "PlanItem._check_recurrence": (
        "null unless starts_on is given; a recurrence with a count only when until is null"
    ),
    "Recurrence._check_interval": {"minimum": 1, "maximum": MAX_RECURRENCE_INTERVAL},
    "Recurrence._check_count": {"minimum": 1, "maximum": MAX_RECURRENCE_COUNT},
    "Recurrence._check_weekdays": "empty unless the frequency is weekly",
    "Plan._check_follow_up": "a date after agreed_on",
    "ViewNotSought._check_explanation": "an explanation when the reason is other",
    "Consent._check_giver": "self exactly when given_by is the subject, custodian otherwise",
    "Consent._check_recipients": "at least one recipient: a unit in units or a person in people",
    "Consent._check_judgement": None,
    "Handover._check_basis": None,
    "Consultation._check_basis": None,
    "Invitation._check_basis": None,
    "FollowUp._check_meeting": None,
    "FollowUp._check_plan": None,
    "Opening._check_concern": None,
    "Opening._check_family": None,
}

_DOCUMENT_RULES: Final[Mapping[str, tuple[str, ...]]] = {
    "bundle": (
        (
            "ids are unique within each list (areas, units, professionals, families, maps, "
            "concerns, meetings, plans, consents)"
        ),
        (
            "every id referred to exists in the bundle: a family's home_area, a unit's areas, a "
            "professional's unit, a map's family, drawn_with and focal_person, a member's "
            "professional, a concern's worker, family and child, a meeting's family, area, "
            "concern, participants and units, a plan's meeting and the people of its items and "
            "views, a consent's family, subject, given_by and units"
        ),
        "a person appearing in two families has the same details in both, and is no professional",
        (
            "dates follow the events they refer to: a map is drawn by members already born, a "
            "concern noticed after the child's birth, a meeting held on or after the concern "
            "it is about was noticed, a plan agreed on or after its meeting"
        ),
        (
            "a meeting's concern and a plan's meeting are about the same family; a custodian "
            "who gives consent has custody of the subject"
        ),
    ),
    "case": (
        (
            "the history is replayed under the workflow's rules: the first record is the "
            "opening (step notice), every later step is allowed at the stage the case has "
            "reached, its detail has the type the step records, dates do not go back, and the "
            "workflow's practice and legal rules pass"
        ),
    ),
}


def _unwrap_optional(kind: Any) -> tuple[Any, bool]:  # noqa: ANN401 - any type form
    """*kind* without ``None``, and whether ``None`` was allowed."""
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        if len(options) != len(typing.get_args(kind)) and len(options) == 1:
            return options[0], True
    return kind, False


def _supertype(kind: Any) -> Any:  # noqa: ANN401 - any type form
    """The type a ``NewType`` (``PersonId``, ``ProfessionalId`` …) stands for at run time."""
    while hasattr(kind, "__supertype__"):
        kind = kind.__supertype__
    return kind


def _without(schema: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: value for k, value in schema.items() if k != key}


# Collections the strict loader bounds (openco.limits), by class and field.
_COLLECTION_LIMITS: Final[Mapping[str, str]] = {
    "NetworkMap.members": "members_per_map",
    "NetworkMap.ties": "ties_per_map",
}


def _flat_validators(validator: object) -> Iterator[Callable[..., object]]:
    if validator is None:
        return
    inner = getattr(validator, "_validators", None)
    if inner is not None:
        for each in inner:
            yield from _flat_validators(each)
    else:
        yield typing.cast("Callable[..., object]", validator)


def _closure(function: Callable[..., object]) -> dict[str, Any]:
    return dict(inspect.getclosurevars(function).nonlocals)


def _text_schema() -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "pattern": TEXT_PATTERN}


def _id_schema() -> dict[str, Any]:
    return {"type": "string", "pattern": ID_PATTERN}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    kind = schema.get("type")
    if isinstance(kind, str) and "$ref" not in schema:
        return {**schema, "type": [kind, "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


@attrs.define
class _Builder:
    """Collects the ``$defs`` of one schema while its classes are walked."""

    limits: Limits = DEFAULT_LIMITS
    defs: dict[str, Any] = attrs.field(factory=dict)
    rules: list[CrossFieldRule] = attrs.field(factory=list)
    seen_rules: set[str] = attrs.field(factory=set)

    def rule(self, where: str, text: str) -> None:
        if f"{where}: {text}" not in self.seen_rules:
            self.seen_rules.add(f"{where}: {text}")
            self.rules.append(CrossFieldRule(where, text))

    def enum_ref(self, kind: type[enum.Enum]) -> dict[str, Any]:
        name = kind.__name__
        if name not in self.defs:
            self.defs[name] = _enum_schema(kind)
        return {"$ref": f"#/$defs/{name}"}

    def class_ref(self, kind: type) -> dict[str, Any]:
        name = kind.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserved first: a class may (indirectly) contain itself
            self.defs[name] = self.object_schema(kind)
        return {"$ref": f"#/$defs/{name}"}

    def type_schema(self, kind: Any) -> dict[str, Any]:  # noqa: ANN401, PLR0911 - any type form; one return per type
        """The schema of a value of *kind* as the converter reads it."""
        inner, optional = _unwrap_optional(kind)
        if optional:
            return _nullable(self.type_schema(inner))
        kind = _supertype(kind)
        origin = typing.get_origin(kind)
        if origin in (tuple, frozenset):
            element = typing.get_args(kind)[0]
            return {"type": "array", "items": self.type_schema(element)}
        if kind is str:
            return {
                "type": "string",
                "maxLength": self.limits.string_length,
                "pattern": NO_NUL_PATTERN,
            }
        if kind is bool:
            return {"type": "boolean"}
        if kind is int:
            return {"type": "integer"}
        if kind is dt.date:
            return {"type": "string", "format": "date", "pattern": DATE_PATTERN}
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return self.enum_ref(kind)
        if isinstance(kind, type) and attrs.has(kind):
            return self.class_ref(kind)
        raise TypeError(f"no JSON Schema for the type {kind!r}")

    def object_schema(self, kind: type, *, tag: str | None = None) -> dict[str, Any]:
        """The schema of an attrs class's object, with a ``type`` tag for case details."""
        fields = attrs.fields(attrs.resolve_types(kind))
        properties: dict[str, Any] = {}
        required: list[str] = []
        if tag is not None:
            properties["type"] = {"const": tag}
            required.append("type")
        for field in fields:
            if field.name in properties:
                raise TypeError(f"{kind.__name__}.{field.name} clashes with the detail's type tag")
            properties[field.name] = self.field_schema(kind, field)
            if field.default is attrs.NOTHING:
                required.append(field.name)
        schema: dict[str, Any] = {"title": kind.__name__}
        description = _summary(kind)
        words = OWNERS.get(kind.__name__)
        if words is not None:
            description = f"{description} ({_in_words(words)})".lstrip()
        if description:
            schema["description"] = description
        schema |= {
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        return schema

    def field_schema(self, owner: type, field: attrs.Attribute[Any]) -> dict[str, Any]:
        """The schema of one field: its type, narrowed by what its validators check."""
        inner, optional = _unwrap_optional(field.type)
        schema = self.type_schema(inner)
        for validator in _flat_validators(field.validator):
            schema = self.narrowed(owner, field, schema, validator)
        limit = _COLLECTION_LIMITS.get(f"{owner.__name__}.{field.name}")
        if limit is not None:
            schema = {**schema, "maxItems": getattr(self.limits, limit)}
        schema = _nullable(schema) if optional else schema
        words = FIELDS.get(field.name)
        # The field's name in Finnish, Swedish and English, as the model's messages use it.
        return schema if words is None else {"description": _in_words(words), **schema}

    def narrowed(  # noqa: C901, PLR0911, PLR0912 - one branch per kind of validator reads best
        self,
        owner: type,
        field: attrs.Attribute[Any],
        schema: dict[str, Any],
        validator: Callable[..., object],
    ) -> dict[str, Any]:
        """*schema* with what *validator* checks, or the rule it adds to the cross-field list."""
        where = f"{owner.__name__}.{field.name}"
        if validator in (v.identifier, v.optional_identifier):
            # The pattern bounds an id to 128 characters, far below the text limit.
            return {**_without(schema, "maxLength"), "pattern": ID_PATTERN}
        if validator in (v.text, v.optional_text):
            return {**schema, "minLength": 1, "pattern": TEXT_PATTERN}
        if validator is v.identifiers:
            items = {**_without(schema["items"], "maxLength"), "pattern": ID_PATTERN}
            return {**schema, "items": items}
        if validator is v.non_empty:
            return {**schema, "minItems": 1}
        if validator in (v.day, v.optional_day, v.boolean):
            return schema  # the type already says it
        qualname = getattr(validator, "__qualname__", "")
        factory = qualname.split(".<locals>.", 1)[0] if ".<locals>." in qualname else None
        if factory in ("collection", "member_of", "optional_member_of"):
            return schema  # the type already says it
        if factory == "each":
            check = _closure(validator).get("check")
            if check is None:
                return schema
            items = self.narrowed(owner, field, schema["items"], check)
            return {**schema, "items": items}
        if factory == "unique":
            what = _closure(validator)["what"]
            if schema.get("items", {}).get("type") == "string":
                return {**schema, "uniqueItems": True}
            self.rule(where, f"no two elements have the same {what}")
            return schema
        if factory in ("not_before", "not_after"):
            limit = _closure(validator)["limit_field"]
            word = "on or after" if factory == "not_before" else "on or before"
            self.rule(where, f"a date {word} {limit}")
            return schema
        if qualname in _METHODS:
            known = _METHODS[qualname]
            if isinstance(known, dict):
                return {**_without(schema, "maxLength"), **known}
            if isinstance(known, str):
                self.rule(where, known)
            return schema
        raise TypeError(
            f"{where} has a validator the schema generator does not know: {qualname or validator!r}"
            "; add it to openco.io.document_schema"
        )


def _summary(kind: type) -> str:
    """The first paragraph of *kind*'s docstring, on one line."""
    doc = inspect.getdoc(kind) or ""
    return " ".join(doc.split("\n\n", 1)[0].split())


def _in_words(words: tuple[str, str, str]) -> str:
    """Finnish, Swedish and English words as one description: ``fi: …; sv: …; en: …``."""
    return "; ".join(
        f"{language.value}: {word}" for language, word in zip(Language, words, strict=True)
    )


def _labels(member: LabelledEnum) -> dict[str, str]:
    return {language.value: member.label(language) for language in Language}


def _enum_schema(kind: type[enum.Enum]) -> dict[str, Any]:
    """An enumeration: its stable values, each with its fi/sv/en labels."""
    schema: dict[str, Any] = {"title": kind.__name__}
    description = _summary(kind)
    if description:
        schema["description"] = description
    schema["type"] = "string"
    schema["enum"] = [member.value for member in kind]
    if issubclass(kind, LabelledEnum):
        # The labels as annotations: title in English, description in all three languages.
        # Each entry is a const, so that generators of types can name the members.
        schema["oneOf"] = [
            {
                "const": member.value,
                "title": member.label(Language.EN),
                "description": "; ".join(f"{k}: {t}" for k, t in _labels(member).items()),
            }
            for member in kind
        ]
    return schema


def _case_data(builder: _Builder, workflow: Workflow) -> dict[str, Any]:
    """The ``data`` of a case: its history of records, each with a typed detail."""
    steps = {step.value: step for step in (Step.NOTICE, *workflow.steps)}
    builder.defs["CaseStep"] = {
        "title": "CaseStep",
        "description": "A step of the workflow the case is read under.",
        "type": "string",
        "enum": list(steps),
        "oneOf": [
            {
                "const": value,
                "title": step.label(Language.EN),
                "description": "; ".join(f"{k}: {t}" for k, t in _labels(step).items()),
            }
            for value, step in steps.items()
        ],
    }
    details: dict[str, type] = {}
    for kinds in workflow.details.values():
        for kind in kinds:
            if kind is not type(None):
                details[snake_case(kind.__name__)] = kind
    refs = []
    for tag, kind in sorted(details.items()):
        name = f"{kind.__name__}Detail"
        if issubclass(kind, enum.Enum):
            builder.defs[name] = {
                "title": name,
                "type": "object",
                "properties": {"type": {"const": tag}, "value": builder.enum_ref(kind)},
                "required": ["type", "value"],
                "additionalProperties": False,
            }
        else:
            detail = builder.object_schema(kind, tag=tag)
            detail["title"] = name
            builder.defs[name] = detail
        refs.append({"$ref": f"#/$defs/{name}"})
    properties: dict[str, Any] = {}
    required: list[str] = []
    # The record's fields, as StepTaken validates them; its step and detail are the workflow's.
    for field in attrs.fields(attrs.resolve_types(StepTaken)):
        if field.name == "step":
            properties["step"] = {"$ref": "#/$defs/CaseStep"}
        elif field.name == "detail":
            properties["detail"] = {"anyOf": [*refs, {"type": "null"}]}
        else:
            properties[field.name] = builder.field_schema(StepTaken, field)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    builder.defs["Record"] = {
        "title": "Record",
        "description": _summary(StepTaken),
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    return {
        "title": "Case",
        "description": "A case, stored as its history; reading it replays the history.",
        "type": "object",
        "properties": {
            "history": {
                "type": "array",
                "minItems": 1,
                "maxItems": builder.limits.records_per_case,
                "items": {"$ref": "#/$defs/Record"},
            }
        },
        "required": ["history"],
        "additionalProperties": False,
    }


def schema_kinds() -> tuple[str, ...]:
    """Every document kind that has a schema, sorted: the kinds :mod:`openco.io` reads.

    >>> "family" in schema_kinds() and "case" in schema_kinds()
    True
    """
    return tuple(sorted(document_kinds()))


def _check_kind(kind: str) -> type:
    kinds = document_kinds()
    if kind not in kinds:
        raise InvalidArgumentError("schema", "kind", kind, f"one of {', '.join(sorted(kinds))}")
    return kinds[kind]


@functools.cache
def _generated(
    kind: str, workflow: Workflow, limits: Limits
) -> tuple[dict[str, Any], tuple[CrossFieldRule, ...]]:
    cls = _check_kind(kind)
    builder = _Builder(limits=limits)
    data = _case_data(builder, workflow) if cls is Case else builder.type_schema(cls)
    if cls is not Case:
        # A top-level class is referred to like any other, so that its $def has its name.
        data = {"$ref": data["$ref"]}
    document: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": f"urn:openco:schema:{SCHEMA_VERSION}:{kind}",
        "title": f"openco {kind} document",
        "description": f"An openco {kind} document (schema_version {SCHEMA_VERSION}): the "
        f"envelope, with the {cls.__name__} under data.",
        "type": "object",
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "kind": {"const": kind},
            "data": data,
        },
        "required": ["schema_version", "kind", "data"],
        "additionalProperties": False,
        "$defs": dict(sorted(builder.defs.items())),
    }
    rules = [*builder.rules]
    rules += [CrossFieldRule(kind, text) for text in _DOCUMENT_RULES.get(kind, ())]
    return document, tuple(rules)


def schema(
    kind: str, *, workflow: Workflow = DEFAULT_WORKFLOW, limits: Limits = DEFAULT_LIMITS
) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of an openco document of *kind*.

    A ``case`` document's steps and details are those of *workflow* (a municipality's own
    variant, say), and the longest texts and lists those of *limits*; the schemas shipped in
    the package are those of the default workflow and limits.

    Raises:
        InvalidArgumentError: *kind* is not a document kind (see :func:`schema_kinds`).

    >>> schema("person")["$defs"]["Person"]["properties"]["birth_date"]["format"]
    'date'
    >>> schema("nothing")
    Traceback (most recent call last):
    ...
    openco.errors.InvalidArgumentError: schema(kind='nothing'): allowed: one of area, bundle, ...
    """
    # A deep copy through JSON: the cached schema must not change when a caller edits theirs.
    text = schema_text(kind, workflow=workflow, limits=limits)
    return typing.cast("dict[str, Any]", json.loads(text))


def schema_text(
    kind: str, *, workflow: Workflow = DEFAULT_WORKFLOW, limits: Limits = DEFAULT_LIMITS
) -> str:
    """The schema of *kind* as the JSON text shipped in the package (indented, UTF-8, newline)."""
    document, _ = _generated(kind, workflow, limits)
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def cross_field_rules(
    kind: str, *, workflow: Workflow = DEFAULT_WORKFLOW
) -> tuple[CrossFieldRule, ...]:
    """The rules the loader checks for *kind* that its JSON Schema cannot state.

    A document valid under the schema may still be refused for one of these; ``openco
    check`` reports them with their paths.

    >>> for rule in cross_field_rules("family"):
    ...     print(rule)
    Family.members: no two elements have the same id
    Custody.adult: a person other than the child
    Family.custody: no two elements have the same child and adult
    Family.custody: each relation names a child and an adult who are members, the adult born before the child
    Family.interpreter_needs: no two elements have the same person and kind
    Family.interpreter_needs: each interpreter need names a member
    """  # noqa: E501 - a doctest's output is one line
    return _generated(kind, workflow, DEFAULT_LIMITS)[1]


def stored_schema_text(kind: str) -> str:
    """The schema of *kind* as shipped in the package (``openco/io/schemas/KIND.schema.json``).

    Raises:
        InvalidArgumentError: *kind* is not a document kind.
    """
    _check_kind(kind)
    folder = resources.files("openco.io") / SCHEMA_DIRECTORY
    return (folder / f"{kind}.schema.json").read_text(encoding="utf-8")


def render_rules(*, workflow: Workflow = DEFAULT_WORKFLOW) -> str:
    """The cross-field rules of every kind as Markdown: the tables ``docs/schema.md`` shows.

    Rules within one object apply wherever its class appears (a ``Family`` in a ``family``,
    a ``bundle`` or a ``case`` document); the document rules apply to one kind.

    >>> print(render_rules().splitlines()[4])
    | `Concern.assessments` | assessments dated on or after noticed_on, oldest first |
    """
    objects: dict[str, CrossFieldRule] = {}
    documents: list[CrossFieldRule] = []
    for kind in schema_kinds():
        for rule in cross_field_rules(kind, workflow=workflow):
            if rule.where in document_kinds():
                documents.append(rule)
            else:
                objects.setdefault(str(rule), rule)
    lines = ["Within one object:", "", "| where | rule |", "| --- | --- |"]
    lines += [f"| `{r.where}` | {r.rule} |" for r in sorted(objects.values(), key=str)]
    lines += ["", "Between the objects of one document:", "", "| document | rule |"]
    lines += ["| --- | --- |", *(f"| `{r.where}` | {r.rule} |" for r in documents)]
    lines += ["", "In the JSON text of every document, before any schema applies:", ""]
    lines += [f"- {rule}" for rule in _text_rules(DEFAULT_LIMITS)]
    return "\n".join(lines) + "\n"


def _text_rules(limits: Limits) -> tuple[str, ...]:
    """What the strict loader refuses in the text itself, which a schema never sees."""
    return (
        f"at most {limits.document_bytes:,} bytes of UTF-8 (a file, or one JSON Lines line)",
        "no object with the same key twice (a JSON parser would keep one of them silently)",
        'no lone surrogate, raw or escaped (`"\\ud800"`)',
        f"at most {limits.nesting_depth} levels of nested arrays and objects",
    )
