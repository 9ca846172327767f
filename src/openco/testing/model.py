"""Hypothesis strategies for every public class of :mod:`openco.model`.

Each strategy builds its values through the class's public constructor, so whatever it
produces has passed the model's own validators; called with no arguments it can produce any
valid object, odd dates and odd-looking ids included. Options are keyword-only and follow
Hypothesis' API style: sizes are ``min_size``/``max_size`` (``min_<things>``/``max_<things>``
where it would be unclear what is counted), and an option that varies from value to value takes
a strategy, never a plain value:

* an option named after a field (``home_area``, ``family``, ``kind``, ``role``, ``zone`` …)
  takes a strategy for that field's values;
* ``dates`` takes the strategy every date of the value is drawn from. Dates are put in the
  order the invariants need (a concern is noticed before it is graded), so give a range, not a
  single day, where a class needs a later date;
* ``birth_dates`` takes the strategy people's birth dates are drawn from.

Impossible combinations (``min_size > max_size``, ``min_children`` without the day ages are
counted on …) raise :class:`hypothesis.errors.InvalidArgument` when the strategy is created,
not when it is first drawn from.

Names are generated from invented syllables or are arbitrary text: no strategy here produces
the name of a real person or a personal identity code.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import string
from collections.abc import Iterable, Sequence
from typing import Final, TypeVar

import attrs
from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from openco.model import (
    CHILD_AGE_LIMIT,
    AbsenceReason,
    Area,
    AreaId,
    Bundle,
    Concern,
    ConcernId,
    ConcernZone,
    Consent,
    ConsentGiver,
    ConsentId,
    ContactFrequency,
    CustodiansAbsent,
    Custody,
    CustodyKind,
    DataScope,
    Family,
    FamilyId,
    Frequency,
    GreySubzone,
    InterpreterNeed,
    Interpreting,
    ItemStatus,
    Meeting,
    MeetingId,
    MeetingKind,
    MeetingRole,
    MemberTie,
    Need,
    NetworkMap,
    NetworkMapId,
    NetworkMember,
    NetworkSector,
    NoViewReason,
    OwnMeans,
    Participant,
    Person,
    PersonId,
    Plan,
    PlanId,
    PlanItem,
    PlanItemId,
    Professional,
    ProfessionalId,
    Recurrence,
    Ring,
    ServiceKind,
    ServiceUnit,
    StructuralIssue,
    SupportDirection,
    SupportType,
    TieQuality,
    UnitId,
    View,
    ViewNotSought,
    Weekday,
    ZoneAssessment,
)
from openco.model._validators import is_identifier
from openco.model.recurrence import MAX_RECURRENCE_COUNT, MAX_RECURRENCE_INTERVAL

__all__ = [
    "areas",
    "bundles",
    "concerns",
    "consents",
    "custodians_absences",
    "custodies",
    "families",
    "interpreter_needs",
    "meetings",
    "member_ties",
    "network_maps",
    "network_members",
    "participants",
    "people",
    "person_ids",
    "plan_items",
    "plans",
    "professionals",
    "recurrences",
    "service_units",
    "structural_issues",
    "views",
    "views_not_sought",
    "zone_assessments",
]

T = TypeVar("T")

# --- argument checks -------------------------------------------------------------------------
# Hypothesis' own strategies check their arguments lazily, on first draw; these checks run when
# the strategy is created, so that a wrong option fails on the line that wrote it.


def _check_strategy(name: str, value: object) -> None:
    if value is not None and not isinstance(value, SearchStrategy):
        raise InvalidArgument(
            f"{name}={value!r} must be a strategy such as st.just(...) or st.sampled_from(...), "
            "or None for the default"
        )


def _check_count(name: str, value: object, *, least: int = 0, optional: bool = False) -> None:
    if value is None and optional:
        return
    if not isinstance(value, int) or isinstance(value, bool) or value < least:
        what = f"an int >= {least}" + (" or None" if optional else "")
        raise InvalidArgument(f"{name}={value!r} must be {what}")


def _check_range(
    min_name: str, min_value: int, max_name: str, max_value: int | None, *, least: int = 0
) -> None:
    _check_count(min_name, min_value, least=least)
    _check_count(max_name, max_value, least=least, optional=True)
    if max_value is not None and max_value < min_value:
        raise InvalidArgument(f"{min_name}={min_value} is greater than {max_name}={max_value}")


def _check_limit(name: str, value: object, high: int) -> None:
    _check_count(name, value, least=1)
    if isinstance(value, int) and value > high:
        raise InvalidArgument(f"{name}={value} is more than the model accepts ({high})")


def _check_day(name: str, value: object) -> None:
    if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
        raise InvalidArgument(f"{name}={value!r} must be a datetime.date or None")


# --- building blocks -------------------------------------------------------------------------
# The strategies below are built once, at import. Building a strategy inside a draw makes
# Hypothesis validate it again on every draw, which made the first version of bundles() ten
# times slower. Inside draws, dynamic choices use _pick() and _subset(), which only draw ints.

_ID_FIRST: Final = string.ascii_letters + string.digits
_ID_REST: Final = _ID_FIRST + "._:@-"

# Any id the model accepts: mostly short, sometimes up to the 128-character limit. The filter
# drops the few draws with ".." or a drive letter ("c:"), which ids refuse (path characters).
_ID: Final = (
    st.tuples(st.sampled_from(_ID_FIRST), st.text(_ID_REST, max_size=127))
    .map("".join)
    .filter(is_identifier)
)
_PERSON_ID: Final = _ID.map(PersonId)
_DATE: Final = st.dates()
_BOOL: Final = st.booleans()


def _has_text(value: str) -> bool:
    return bool(value.strip())


# Any text the model accepts: not empty, not only white space, UTF-8 (no lone surrogate), no NUL.
_TEXT: Final = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1).filter(
    _has_text
)

# Syllables of made-up, Finnish-sounding first names: the names are generated, never real
# people's, so fixtures built from them cannot point at anyone.
_SYLLABLES: Final = (
    "ai", "eli", "ilo", "ka", "kuu", "la", "lii", "mer", "mi", "nel", "no", "ol", "pi",
    "ra", "ri", "sa", "sel", "ta", "tuu", "ul", "va", "vel", "yr", "ää", "ön",
)  # fmt: skip
_NAME: Final = st.one_of(
    st.lists(st.sampled_from(_SYLLABLES), min_size=2, max_size=4).map(
        lambda parts: "".join(parts).capitalize()
    ),
    _TEXT,
)

# What families call the people on their map: words for roles, not anyone's name.
_MAP_LABELS: Final = (
    "Mummo", "Vaari", "Täti", "Eno", "Kummi", "Naapuri", "Ystävä", "Valmentaja",
    "Mormor", "Granne", "Neighbour", "Coach",
)  # fmt: skip
_LABEL: Final = st.one_of(st.sampled_from(_MAP_LABELS), _NAME)

_PROFESSIONS: Final = (
    "public health nurse", "early childhood teacher", "social worker", "family counsellor",
    "school psychologist", "school social worker", "youth worker", "deacon", "physiotherapist",
    "terveydenhoitaja", "varhaiskasvatuksen opettaja", "sosiaaliohjaaja",
)  # fmt: skip
_PROFESSION: Final = st.one_of(st.sampled_from(_PROFESSIONS), _TEXT)

_LANGUAGES: Final = ("fi", "sv", "en", "se", "smn", "sms", "ar", "so", "ru", "et", "fa", "ku")
_LANGUAGE: Final = st.one_of(
    st.sampled_from(_LANGUAGES), st.from_regex(r"[a-z]{2,3}", fullmatch=True)
)

_FAMILY_ROLES: Final = tuple(r for r in MeetingRole if r.is_family)
_WORKER_ROLES: Final = tuple(r for r in MeetingRole if r.is_professional)
_FAMILY_MEETINGS: Final = tuple(k for k in MeetingKind if k.is_with_family)
_GIVING: Final = (SupportDirection.TO_FAMILY, SupportDirection.MUTUAL)


@functools.cache
def _integers(least: int, most: int) -> SearchStrategy[int]:
    return st.integers(least, most)


@functools.cache
def _index_lists(size: int, min_size: int, max_size: int) -> SearchStrategy[list[int]]:
    return st.lists(_integers(0, size - 1), min_size=min_size, max_size=max_size, unique=True)


def _pick(draw: st.DrawFn, pool: Sequence[T]) -> T:
    """One element of *pool* (not empty); shrinks towards the first."""
    return pool[draw(_integers(0, len(pool) - 1))]


def _subset(
    draw: st.DrawFn, pool: Sequence[T], *, min_size: int = 0, max_size: int | None = None
) -> list[T]:
    """Distinct elements of *pool*, in a drawn order."""
    if not pool:
        return []
    most = len(pool) if max_size is None else min(max_size, len(pool))
    return [pool[i] for i in draw(_index_lists(len(pool), min_size, most))]


def _count(draw: st.DrawFn, least: int, most: int) -> int:
    """A number from *least* to *most*, small ones likelier (as Hypothesis sizes its lists)."""
    return draw(_integers(least, draw(_integers(least, most))))


def _maybe(draw: st.DrawFn, strategy: SearchStrategy[T]) -> T | None:
    """``None`` or a value of *strategy*; shrinks towards ``None``."""
    return draw(strategy) if draw(_BOOL) else None


def _fresh(draw: st.DrawFn, used: set[str]) -> str:
    """An id not in *used*, which then is.

    A clash gets a numbered suffix instead of a redraw, so that no draw is ever rejected.
    """
    drawn = draw(_ID)
    value, number = drawn, 0
    while value in used:
        number += 1
        value = f"{drawn[:120]}-{number}"  # "-": a "." could make ".." (refused)
    used.add(value)
    return value


def _sorted_days(draw: st.DrawFn, dates: SearchStrategy[dt.date], count: int) -> list[dt.date]:
    return sorted(draw(st.lists(dates, min_size=count, max_size=count)))


def _years_before(day: dt.date, years: int) -> dt.date | None:
    """*day* minus *years* years, or ``None`` if that is before year 1."""
    if day.year <= years:
        return None
    return day - relativedelta(years=years)


def _next_day(day: dt.date) -> dt.date | None:
    return None if day == dt.date.max else day + dt.timedelta(days=1)


def _between(
    dates: SearchStrategy[dt.date] | None, low: dt.date | None, high: dt.date | None
) -> SearchStrategy[dt.date]:
    """Dates from *low* to *high* (``None``: open): filtered from *dates* if given, else any."""
    if dates is None:
        return st.dates(min_value=low or dt.date.min, max_value=high or dt.date.max)
    return dates.filter(lambda d: (low is None or d >= low) and (high is None or d <= high))


# --- people and families ---------------------------------------------------------------------


def person_ids() -> SearchStrategy[PersonId]:
    """Ids for people: 1-128 letters, digits or ``._:@-``, starting with a letter or digit."""
    return _PERSON_ID


def people(
    *,
    ids: SearchStrategy[PersonId] | None = None,
    birth_dates: SearchStrategy[dt.date] | None = None,
) -> SearchStrategy[Person]:
    """People with invented names, born on any date.

    Args:
        ids: the strategy ids are drawn from (default :func:`person_ids`).
        birth_dates: the strategy birth dates are drawn from (default any date).
    """
    _check_strategy("ids", ids)
    _check_strategy("birth_dates", birth_dates)
    return st.builds(
        Person,
        id=ids if ids is not None else _PERSON_ID,
        name=_NAME,
        birth_date=birth_dates if birth_dates is not None else _DATE,
    )


def custodies(*, kind: SearchStrategy[CustodyKind] | None = None) -> SearchStrategy[Custody]:
    """Custody relations between two different people, on their own (no family to check).

    Args:
        kind: the strategy the relation's kind is drawn from (default any kind).
    """
    _check_strategy("kind", kind)
    return _custodies(kind=kind if kind is not None else st.sampled_from(CustodyKind))


@st.composite
def _custodies(draw: st.DrawFn, *, kind: SearchStrategy[CustodyKind]) -> Custody:
    used: set[str] = set()
    child, adult = PersonId(_fresh(draw, used)), PersonId(_fresh(draw, used))
    return Custody(child=child, adult=adult, kind=draw(kind))


def families(
    *,
    home_area: SearchStrategy[AreaId] | None = None,
    min_size: int = 1,
    max_size: int = 6,
    min_children: int = 0,
    max_children: int | None = None,
    on: dt.date | None = None,
    birth_dates: SearchStrategy[dt.date] | None = None,
    language: SearchStrategy[str] | None = None,
) -> SearchStrategy[Family]:
    """Families of *min_size* to *max_size* members, with some custody relations.

    Custody always runs from an older member to a younger one, as the model requires; which
    pairs have a relation, and of what kind, is drawn.

    Args:
        home_area: the strategy the family's area is drawn from (default any id).
        min_size: the fewest members (at least 1).
        max_size: the most members.
        min_children: the fewest members under 18 on *on* (needs *on*).
        max_children: the most members under 18 on *on* (needs *on*); ``None`` for no limit.
            With *on*, the other members are adults on that day, or not yet born.
        on: the day *min_children* and *max_children* count ages on.
        birth_dates: the strategy birth dates are drawn from (default any date). With *on*,
            children's and the others' birth dates are filtered from it.
        language: the strategy the family's language code is drawn from (default ISO 639-like
            codes, mostly common ones).

    Raises:
        InvalidArgument: a size is negative or the sizes contradict each other, or a limit on
            children is given without *on*.
    """
    _check_strategy("home_area", home_area)
    _check_range("min_size", min_size, "max_size", max_size, least=1)
    _check_range("min_children", min_children, "max_children", max_children)
    _check_day("on", on)
    _check_strategy("birth_dates", birth_dates)
    _check_strategy("language", language)
    if min_children > max_size:
        raise InvalidArgument(f"min_children={min_children} is greater than max_size={max_size}")
    if on is None and (min_children > 0 or max_children is not None):
        raise InvalidArgument(
            "min_children and max_children count members under 18 on a day: pass on=date(...)"
        )
    return _families(
        home_area=home_area if home_area is not None else _ID.map(AreaId),
        min_size=min_size,
        max_size=max_size,
        min_children=min_children,
        max_children=max_children,
        on=on,
        birth_dates=birth_dates,
        language=language if language is not None else _LANGUAGE,
    )


@st.composite
def _families(
    draw: st.DrawFn,
    *,
    home_area: SearchStrategy[AreaId],
    min_size: int,
    max_size: int,
    min_children: int,
    max_children: int | None,
    on: dt.date | None,
    birth_dates: SearchStrategy[dt.date] | None,
    language: SearchStrategy[str],
) -> Family:
    if on is None:
        size = _count(draw, min_size, max_size)
        births = draw(st.lists(birth_dates or _DATE, min_size=size, max_size=size))
    else:
        # Under 18 on *on*: born after the 18th-birthday cut-off, and on or before *on*. The
        # others are adults on *on* or not yet born; in the first 18 years of the calendar
        # nobody can be an adult yet, and on its last day nobody can be born later.
        cutoff = _years_before(on, CHILD_AGE_LIMIT)
        children = _between(birth_dates, cutoff and _next_day(cutoff), on)
        adults = _between(birth_dates, None, cutoff) if cutoff is not None else st.nothing()
        later = _next_day(on)
        unborn = _between(birth_dates, later, None) if later is not None else st.nothing()
        most_children = max_size if max_children is None else min(max_children, max_size)
        n_children = _count(draw, min_children, most_children)
        n_others = _count(draw, max(0, min_size - n_children), max_size - n_children)
        births = draw(st.lists(children, min_size=n_children, max_size=n_children))
        births += draw(st.lists(adults | unborn, min_size=n_others, max_size=n_others))
        births = draw(st.permutations(births))
    return _family(
        draw,
        family_id=FamilyId(draw(_ID)),
        births=births,
        used=set(),
        home_area=draw(home_area),
        language=draw(language),
    )


def _family(
    draw: st.DrawFn,
    *,
    family_id: FamilyId,
    births: Iterable[dt.date],
    used: set[str],
    home_area: AreaId,
    language: str,
) -> Family:
    members = [
        Person(id=PersonId(_fresh(draw, used)), name=draw(_NAME), birth_date=born)
        for born in births
    ]
    # Each member may have up to three older members as parents or custodians.
    custody = [
        Custody(child=child.id, adult=adult, kind=_pick(draw, tuple(CustodyKind)))
        for child in members
        for adult in _subset(
            draw, [a.id for a in members if a.birth_date < child.birth_date], max_size=3
        )
    ]
    # Most families need no interpreter; some members of some families do.
    needs = [
        InterpreterNeed(person=person, language=draw(_LANGUAGE), kind=kind)
        for person in _subset(draw, [m.id for m in members], max_size=2)
        for kind in _subset(draw, tuple(Interpreting), min_size=1, max_size=2)
    ]
    return Family(
        id=family_id,
        members=members,
        custody=custody,
        home_area=home_area,
        language=language,
        interpreter_needs=needs,
    )


def interpreter_needs(
    *, kind: SearchStrategy[Interpreting] | None = None
) -> SearchStrategy[InterpreterNeed]:
    """A person's need for an interpreter, on its own (no family to check the person against).

    Args:
        kind: the strategy the kind of interpreting is drawn from (default any kind).
    """
    _check_strategy("kind", kind)
    return st.builds(
        InterpreterNeed,
        person=_PERSON_ID,
        language=_LANGUAGE,
        kind=kind if kind is not None else st.sampled_from(Interpreting),
    )


# --- areas, units, professionals -------------------------------------------------------------


def areas() -> SearchStrategy[Area]:
    """Areas with any id, name and municipality."""
    return st.builds(Area, id=_ID.map(AreaId), name=_NAME, municipality=_NAME)


def service_units(
    *,
    areas: SearchStrategy[AreaId] | None = None,
    kind: SearchStrategy[ServiceKind] | None = None,
    max_areas: int = 3,
) -> SearchStrategy[ServiceUnit]:
    """Service units serving 1 to *max_areas* areas.

    Args:
        areas: the strategy the unit's area ids are drawn from (default any id).
        kind: the strategy the unit's kind is drawn from (default any kind).
        max_areas: the most areas a unit serves (at least 1).
    """
    _check_strategy("areas", areas)
    _check_strategy("kind", kind)
    _check_count("max_areas", max_areas, least=1)
    return st.builds(
        ServiceUnit,
        id=_ID.map(UnitId),
        name=_NAME,
        kind=kind if kind is not None else st.sampled_from(ServiceKind),
        areas=st.frozensets(
            areas if areas is not None else _ID.map(AreaId), min_size=1, max_size=max_areas
        ),
        in_family_centre=_BOOL,
    )


def professionals(*, unit: SearchStrategy[UnitId] | None = None) -> SearchStrategy[Professional]:
    """Professionals with invented names and any profession, notifier and facilitator flags.

    Args:
        unit: the strategy the professional's unit id is drawn from (default any id).
    """
    _check_strategy("unit", unit)
    return st.builds(
        Professional,
        id=_PERSON_ID.map(ProfessionalId),
        name=_NAME,
        unit=unit if unit is not None else _ID.map(UnitId),
        profession=_PROFESSION,
        mandated_notifier=_BOOL,
        trained_facilitator=_BOOL,
    )


# --- close-network maps ----------------------------------------------------------------------


def network_members(
    *,
    sector: SearchStrategy[NetworkSector] | None = None,
    dates: SearchStrategy[dt.date] | None = None,
) -> SearchStrategy[NetworkMember]:
    """Members of a network map, with support only where it flows to the family.

    Only members in the professionals' sector name a professional.

    Args:
        sector: the strategy the member's sector is drawn from (default any sector).
        dates: the strategy *known_since* is drawn from (default any date).
    """
    _check_strategy("sector", sector)
    _check_strategy("dates", dates)
    return _network_members(
        sector=sector if sector is not None else st.sampled_from(NetworkSector),
        dates=dates if dates is not None else _DATE,
    )


@st.composite
def _network_members(
    draw: st.DrawFn, *, sector: SearchStrategy[NetworkSector], dates: SearchStrategy[dt.date]
) -> NetworkMember:
    return _network_member(
        draw,
        member_id=draw(_PERSON_ID),
        sector=draw(sector),
        dates=dates,
        professionals=_PERSON_ID.map(ProfessionalId),
    )


def _network_member(
    draw: st.DrawFn,
    *,
    member_id: PersonId,
    sector: NetworkSector,
    dates: SearchStrategy[dt.date],
    professionals: SearchStrategy[ProfessionalId] | None,
) -> NetworkMember:
    direction = _pick(draw, tuple(SupportDirection))
    support = _subset(draw, tuple(SupportType)) if direction in _GIVING else []
    named = professionals if sector is NetworkSector.PROFESSIONALS else None
    return NetworkMember(
        id=member_id,
        label=draw(_LABEL),
        sector=sector,
        ring=_pick(draw, tuple(Ring)),
        tie=_pick(draw, tuple(TieQuality)),
        direction=direction,
        support=support,
        professional=None if named is None else _maybe(draw, named),
        frequency=_maybe(draw, st.sampled_from(ContactFrequency)),
        known_since=_maybe(draw, dates),
    )


def member_ties(*, ids: SearchStrategy[PersonId] | None = None) -> SearchStrategy[MemberTie]:
    """Ties of any quality between two different map members.

    Args:
        ids: the strategy both ends are drawn from (default :func:`person_ids`); it must be able
            to produce two different ids.
    """
    _check_strategy("ids", ids)
    return st.builds(
        _tie,
        st.lists(ids if ids is not None else _PERSON_ID, min_size=2, max_size=2, unique=True),
        st.sampled_from(TieQuality),
    )


def _tie(pair: Sequence[PersonId], quality: TieQuality) -> MemberTie:
    return MemberTie(a=pair[0], b=pair[1], quality=quality)


def network_maps(
    *,
    family: SearchStrategy[FamilyId] | None = None,
    min_size: int = 0,
    max_size: int = 20,
    dates: SearchStrategy[dt.date] | None = None,
) -> SearchStrategy[NetworkMap]:
    """Network maps with *min_size* to *max_size* members, and ties among some of them.

    Args:
        family: the strategy the map's family id is drawn from (default any id).
        min_size: the fewest members on the map.
        max_size: the most members on the map.
        dates: the strategy the drawing date and the members' *known_since* are drawn from
            (default any date).
    """
    _check_strategy("family", family)
    _check_range("min_size", min_size, "max_size", max_size)
    _check_strategy("dates", dates)
    return _network_maps(
        family=family if family is not None else _ID.map(FamilyId),
        min_size=min_size,
        max_size=max_size,
        dates=dates if dates is not None else _DATE,
    )


@st.composite
def _network_maps(
    draw: st.DrawFn,
    *,
    family: SearchStrategy[FamilyId],
    min_size: int,
    max_size: int,
    dates: SearchStrategy[dt.date],
) -> NetworkMap:
    used: set[str] = set()
    members = [
        _network_member(
            draw,
            member_id=PersonId(_fresh(draw, used)),
            sector=_pick(draw, tuple(NetworkSector)),
            dates=dates,
            professionals=_PERSON_ID.map(ProfessionalId),
        )
        for _ in range(_count(draw, min_size, max_size))
    ]
    drawers: set[str] = set()
    drawn_with = [PersonId(_fresh(draw, drawers)) for _ in range(_count(draw, 1, 5))]
    return NetworkMap(
        id=NetworkMapId(draw(_ID)),
        family=draw(family),
        drawn_on=draw(dates),
        drawn_with=drawn_with,
        members=members,
        ties=_ties(draw, [m.id for m in members]),
        focal_person=draw(st.none() | st.sampled_from(drawn_with) | _PERSON_ID),
    )


def _ties(draw: st.DrawFn, ids: Sequence[PersonId]) -> list[MemberTie]:
    # At most 2 ties per member on average: enough for any density the analysis cares about,
    # without drawing from every one of the n(n-1)/2 pairs of a large map.
    pairs = list(itertools.combinations(ids, 2))
    return [
        MemberTie(a=a, b=b, quality=_pick(draw, tuple(TieQuality)))
        for a, b in _subset(draw, pairs, max_size=2 * len(ids))
    ]


# --- concerns --------------------------------------------------------------------------------


def zone_assessments(
    *,
    zone: SearchStrategy[ConcernZone] | None = None,
    dates: SearchStrategy[dt.date] | None = None,
    assessors: SearchStrategy[ProfessionalId] | None = None,
) -> SearchStrategy[ZoneAssessment]:
    """Self-assessments on the zones of concern, split into lower and upper only in the grey zone.

    Args:
        zone: the strategy the zone is drawn from (default any zone).
        dates: the strategy the assessment's date is drawn from (default any date).
        assessors: the strategy the assessing worker's id is drawn from (default any id).
            A concern accepts only its own worker's gradings: pass ``st.just(concern.worker)``
            to draw an assessment that can regrade *concern*.
    """
    _check_strategy("zone", zone)
    _check_strategy("dates", dates)
    _check_strategy("assessors", assessors)
    return _zone_assessments(
        zone=zone if zone is not None else st.sampled_from(ConcernZone),
        dates=dates if dates is not None else _DATE,
        assessors=assessors if assessors is not None else _PERSON_ID.map(ProfessionalId),
    )


@st.composite
def _zone_assessments(
    draw: st.DrawFn,
    *,
    zone: SearchStrategy[ConcernZone],
    dates: SearchStrategy[dt.date],
    assessors: SearchStrategy[ProfessionalId],
) -> ZoneAssessment:
    return _assessment(draw, zone=draw(zone), on=draw(dates), assessor=draw(assessors))


def _assessment(
    draw: st.DrawFn, *, zone: ConcernZone, on: dt.date, assessor: ProfessionalId
) -> ZoneAssessment:
    grey = zone is ConcernZone.GREY
    return ZoneAssessment(
        on=on,
        assessor=assessor,
        zone=zone,
        subzone=_maybe(draw, st.sampled_from(GreySubzone)) if grey else None,
        own_means=_pick(draw, tuple(OwnMeans)),
        extra_resources=_pick(draw, tuple(Need)),
        control=_pick(draw, tuple(Need)),
        note=_maybe(draw, _TEXT),
    )


def concerns(
    *,
    family: SearchStrategy[FamilyId] | None = None,
    min_assessments: int = 1,
    max_assessments: int = 5,
    dates: SearchStrategy[dt.date] | None = None,
) -> SearchStrategy[Concern]:
    """Concerns with a trajectory of *min_assessments* to *max_assessments* gradings.

    Args:
        family: the strategy the concern's family id is drawn from (default any id).
        min_assessments: the fewest assessments (at least 1: a concern is graded when noticed).
        max_assessments: the most assessments.
        dates: the strategy *noticed_on* and the assessment dates are drawn from (default any
            date); they are sorted, so that the trajectory runs forward in time.
    """
    _check_strategy("family", family)
    _check_range("min_assessments", min_assessments, "max_assessments", max_assessments, least=1)
    _check_strategy("dates", dates)
    return _concerns(
        family=family if family is not None else _ID.map(FamilyId),
        min_assessments=min_assessments,
        max_assessments=max_assessments,
        dates=dates if dates is not None else _DATE,
    )


@st.composite
def _concerns(
    draw: st.DrawFn,
    *,
    family: SearchStrategy[FamilyId],
    min_assessments: int,
    max_assessments: int,
    dates: SearchStrategy[dt.date],
) -> Concern:
    count = _count(draw, min_assessments, max_assessments)
    noticed_on, *graded_on = _sorted_days(draw, dates, count + 1)
    return _concern(
        draw,
        concern_id=ConcernId(draw(_ID)),
        worker=ProfessionalId(draw(_PERSON_ID)),
        child=draw(_PERSON_ID),
        family=draw(family),
        noticed_on=noticed_on,
        graded_on=graded_on,
    )


def _concern(
    draw: st.DrawFn,
    *,
    concern_id: ConcernId,
    worker: ProfessionalId,
    child: PersonId,
    family: FamilyId,
    noticed_on: dt.date,
    graded_on: Iterable[dt.date],
) -> Concern:
    return Concern(
        id=concern_id,
        worker=worker,
        child=child,
        family=family,
        noticed_on=noticed_on,
        assessments=[
            _assessment(draw, zone=_pick(draw, tuple(ConcernZone)), on=on, assessor=worker)
            for on in graded_on
        ],
        worries=draw(st.lists(_TEXT, max_size=3)),
        strengths=draw(st.lists(_TEXT, max_size=3)),
    )


# --- meetings --------------------------------------------------------------------------------


def participants(*, role: SearchStrategy[MeetingRole] | None = None) -> SearchStrategy[Participant]:
    """Meeting participants; only workers come from a unit.

    Args:
        role: the strategy the role is drawn from (default any role).
    """
    _check_strategy("role", role)
    return _participants(role=role if role is not None else st.sampled_from(MeetingRole))


@st.composite
def _participants(draw: st.DrawFn, *, role: SearchStrategy[MeetingRole]) -> Participant:
    return _participant(draw, person=draw(_PERSON_ID), role=draw(role))


def _participant(draw: st.DrawFn, *, person: PersonId, role: MeetingRole) -> Participant:
    unit = _maybe(draw, _ID.map(UnitId)) if role.is_professional else None
    return Participant(person=person, role=role, unit=unit)


def custodians_absences() -> SearchStrategy[CustodiansAbsent]:
    """Why the custodians are absent from a meeting: any reason, with words where needed."""
    return _custodians_absences()


@st.composite
def _custodians_absences(draw: st.DrawFn) -> CustodiansAbsent:
    reason = _pick(draw, tuple(AbsenceReason))
    needs_words = reason is AbsenceReason.OTHER
    return CustodiansAbsent(
        reason=reason, explanation=draw(_TEXT) if needs_words else _maybe(draw, _TEXT)
    )


def _absence(
    draw: st.DrawFn, kind: MeetingKind, present: Sequence[Participant]
) -> CustodiansAbsent | None:
    """A recorded absence of the custodians, sometimes, where the meeting may carry one."""
    if not kind.is_with_family or any(p.role is MeetingRole.CUSTODIAN for p in present):
        return None
    return _maybe(draw, custodians_absences())


def structural_issues(
    *, dates: SearchStrategy[dt.date] | None = None
) -> SearchStrategy[StructuralIssue]:
    """Structural shortcomings raised by anyone, on any date.

    Args:
        dates: the strategy *raised_on* is drawn from (default any date).
    """
    _check_strategy("dates", dates)
    return st.builds(
        StructuralIssue,
        description=_TEXT,
        raised_by=_PERSON_ID,
        raised_on=dates if dates is not None else _DATE,
    )


def meetings(
    *,
    kind: SearchStrategy[MeetingKind] | None = None,
    min_size: int = 1,
    max_size: int = 12,
    dates: SearchStrategy[dt.date] | None = None,
) -> SearchStrategy[Meeting]:
    """Meetings of *min_size* to *max_size* participants, with a family or in an area.

    Args:
        kind: the strategy the meeting's kind is drawn from (default any kind).
        min_size: the fewest participants (at least 1).
        max_size: the most participants.
        dates: the strategy the meeting's date and its structural issues' dates are drawn from
            (default any date).
    """
    _check_strategy("kind", kind)
    _check_range("min_size", min_size, "max_size", max_size, least=1)
    _check_strategy("dates", dates)
    return _meetings(
        kind=kind if kind is not None else st.sampled_from(MeetingKind),
        min_size=min_size,
        max_size=max_size,
        dates=dates if dates is not None else _DATE,
    )


@st.composite
def _meetings(
    draw: st.DrawFn,
    *,
    kind: SearchStrategy[MeetingKind],
    min_size: int,
    max_size: int,
    dates: SearchStrategy[dt.date],
) -> Meeting:
    chosen = draw(kind)
    used: set[str] = set()
    present = [
        _participant(
            draw, person=PersonId(_fresh(draw, used)), role=_pick(draw, tuple(MeetingRole))
        )
        for _ in range(_count(draw, min_size, max_size))
    ]
    in_area = chosen is MeetingKind.AREA_MEETING
    area = _ID.map(AreaId)
    return Meeting(
        id=MeetingId(draw(_ID)),
        kind=chosen,
        held_on=draw(dates),
        participants=present,
        family=None if in_area else FamilyId(draw(_ID)),
        area=draw(area) if in_area else _maybe(draw, area),
        concern=_maybe(draw, _ID.map(ConcernId)),
        speaking_order=_subset(draw, [p.person for p in present]),
        structural_issues=_issues(draw, raised_by=_PERSON_ID, dates=dates),
        interpreted_for=_subset(draw, [p.person for p in present], max_size=2),
        custodians_absent=_absence(draw, chosen, present),
    )


def _issues(
    draw: st.DrawFn, *, raised_by: SearchStrategy[PersonId], dates: SearchStrategy[dt.date]
) -> list[StructuralIssue]:
    return [
        StructuralIssue(description=draw(_TEXT), raised_by=draw(raised_by), raised_on=draw(dates))
        for _ in range(_count(draw, 0, 2))
    ]


# --- plans -----------------------------------------------------------------------------------


def plan_items(
    *,
    status: SearchStrategy[ItemStatus] | None = None,
    dates: SearchStrategy[dt.date] | None = None,
) -> SearchStrategy[PlanItem]:
    """Plan items; an outcome only once the item is done or dropped.

    Args:
        status: the strategy the item's status is drawn from (default any status).
        dates: the strategy the due date is drawn from (default any date).
    """
    _check_strategy("status", status)
    _check_strategy("dates", dates)
    return _plan_items(
        status=status if status is not None else st.sampled_from(ItemStatus),
        dates=dates if dates is not None else _DATE,
    )


@st.composite
def _plan_items(
    draw: st.DrawFn, *, status: SearchStrategy[ItemStatus], dates: SearchStrategy[dt.date]
) -> PlanItem:
    used: set[str] = set()
    return _plan_item(
        draw,
        item_id=PlanItemId(draw(_ID)),
        people=[PersonId(_fresh(draw, used)) for _ in range(_count(draw, 1, 4))],
        status=draw(status),
        dates=dates,
    )


def _plan_item(
    draw: st.DrawFn,
    *,
    item_id: PlanItemId,
    people: Sequence[PersonId],
    status: ItemStatus,
    dates: SearchStrategy[dt.date],
) -> PlanItem:
    """An item whose responsible person and helpers are drawn from *people* (not empty)."""
    responsible, *helpers = _subset(draw, people, min_size=1, max_size=4)
    # One-off (with or without a due date), ongoing, or recurring.
    kind = draw(_integers(0, 2))
    starts_on = draw(dates) if kind else None
    until = None
    if starts_on is not None and draw(_BOOL):
        other = draw(dates)
        starts_on, until = min(starts_on, other), max(starts_on, other)
    return PlanItem(
        id=item_id,
        what=draw(_TEXT),
        responsible=responsible,
        with_whom=helpers,
        due=_maybe(draw, dates) if kind == 0 else None,
        status=status,
        outcome=None if status is ItemStatus.OPEN else _maybe(draw, _TEXT),
        starts_on=starts_on,
        until=until,
        recurrence=_recurrence(draw, counted=until is None) if kind == 2 else None,  # noqa: PLR2004
    )


@st.composite
def _recurrences(
    draw: st.DrawFn,
    *,
    frequency: SearchStrategy[Frequency],
    max_interval: int,
    max_count: int | None,
) -> Recurrence:
    chosen = draw(frequency)
    weekly = chosen is Frequency.WEEKLY
    return Recurrence(
        frequency=chosen,
        interval=draw(_integers(1, max_interval)),
        weekdays=_subset(draw, tuple(Weekday)) if weekly else (),
        count=_maybe(draw, _integers(1, max_count)) if max_count is not None else None,
    )


def recurrences(
    *,
    frequency: SearchStrategy[Frequency] | None = None,
    max_interval: int = MAX_RECURRENCE_INTERVAL,
    max_count: int | None = MAX_RECURRENCE_COUNT,
) -> SearchStrategy[Recurrence]:
    """How a recurring plan item repeats: weekdays only for weekly ones, a count or none.

    Args:
        frequency: the strategy the frequency is drawn from (default any frequency).
        max_interval: the largest interval (1 to ``MAX_RECURRENCE_INTERVAL``).
        max_count: the largest count (1 to ``MAX_RECURRENCE_COUNT``), or ``None`` for
            recurrences without a count.

    Raises:
        InvalidArgument: a limit is outside the range the model accepts.
    """
    _check_strategy("frequency", frequency)
    _check_limit("max_interval", max_interval, MAX_RECURRENCE_INTERVAL)
    if max_count is not None:
        _check_limit("max_count", max_count, MAX_RECURRENCE_COUNT)
    return _recurrences(
        frequency=frequency if frequency is not None else st.sampled_from(Frequency),
        max_interval=max_interval,
        max_count=max_count,
    )


_RECURRENCE: Final = recurrences()
_UNCOUNTED: Final = recurrences(max_count=None)


def _recurrence(draw: st.DrawFn, *, counted: bool) -> Recurrence:
    """A recurrence for an item: one with *until* takes no count (RFC 5545)."""
    return draw(_RECURRENCE if counted else _UNCOUNTED)


def views() -> SearchStrategy[View]:
    """A person's view in their own words (any non-empty text)."""
    return st.builds(View, person=_PERSON_ID, text=_TEXT)


def views_not_sought(
    *, child: SearchStrategy[PersonId] | None = None
) -> SearchStrategy[ViewNotSought]:
    """Why a child's view was not sought: any reason, with words where needed.

    Args:
        child: the strategy the child's id is drawn from (default any id).
    """
    _check_strategy("child", child)
    return _views_not_sought(child=child if child is not None else _PERSON_ID)


@st.composite
def _views_not_sought(draw: st.DrawFn, *, child: SearchStrategy[PersonId]) -> ViewNotSought:
    reason = _pick(draw, tuple(NoViewReason))
    return ViewNotSought(
        child=draw(child),
        reason=reason,
        explanation=draw(_TEXT) if reason is NoViewReason.OTHER else _maybe(draw, _TEXT),
    )


def plans(
    *,
    family: SearchStrategy[FamilyId] | None = None,
    min_size: int = 0,
    max_size: int = 10,
    dates: SearchStrategy[dt.date] | None = None,
) -> SearchStrategy[Plan]:
    """Plans of *min_size* to *max_size* items, with children's views and dissents.

    Args:
        family: the strategy the plan's family id is drawn from (default any id).
        min_size: the fewest items.
        max_size: the most items.
        dates: the strategy the agreement, follow-up and due dates are drawn from (default any
            date); a follow-up is always later than the agreement.
    """
    _check_strategy("family", family)
    _check_range("min_size", min_size, "max_size", max_size)
    _check_strategy("dates", dates)
    return _plans(
        family=family if family is not None else _ID.map(FamilyId),
        min_size=min_size,
        max_size=max_size,
        dates=dates if dates is not None else _DATE,
    )


@st.composite
def _plans(
    draw: st.DrawFn,
    *,
    family: SearchStrategy[FamilyId],
    min_size: int,
    max_size: int,
    dates: SearchStrategy[dt.date],
) -> Plan:
    agreed_on, follow_up_on = draw(dates), None
    if draw(_BOOL):
        other = draw(dates)
        if other != agreed_on:
            agreed_on, follow_up_on = min(agreed_on, other), max(agreed_on, other)
    used: set[str] = set()
    people = [PersonId(_fresh(draw, used)) for _ in range(_count(draw, 1, 6))]
    item_ids: set[str] = set()
    items = [
        _plan_item(
            draw,
            item_id=PlanItemId(_fresh(draw, item_ids)),
            people=people,
            status=_pick(draw, tuple(ItemStatus)),
            dates=dates,
        )
        for _ in range(_count(draw, min_size, max_size))
    ]
    views = st.builds(View, person=st.sampled_from(people), text=_TEXT)
    return Plan(
        id=PlanId(draw(_ID)),
        meeting=MeetingId(draw(_ID)),
        family=draw(family),
        agreed_on=agreed_on,
        items=items,
        follow_up_on=follow_up_on,
        child_views=draw(st.lists(views, max_size=2)),
        dissents=draw(st.lists(views, max_size=2)),
        views_not_sought=draw(
            st.lists(
                views_not_sought(child=st.sampled_from(people)),
                max_size=2,
                unique_by=lambda n: n.child,
            )
        ),
    )


# --- consents --------------------------------------------------------------------------------


def consents(
    *,
    family: SearchStrategy[FamilyId] | None = None,
    giver: SearchStrategy[ConsentGiver] | None = None,
    dates: SearchStrategy[dt.date] | None = None,
) -> SearchStrategy[Consent]:
    """Consents given by the subject themself, or by someone else as custodian.

    Args:
        family: the strategy the consent's family id is drawn from (default any id).
        giver: the strategy the kind of giver is drawn from (default either).
        dates: the strategy the validity and withdrawal dates are drawn from (default any
            date); none of them is before *valid_from*.
    """
    _check_strategy("family", family)
    _check_strategy("giver", giver)
    _check_strategy("dates", dates)
    return _consents(
        family=family if family is not None else _ID.map(FamilyId),
        giver=giver if giver is not None else st.sampled_from(ConsentGiver),
        dates=dates if dates is not None else _DATE,
    )


@st.composite
def _consents(
    draw: st.DrawFn,
    *,
    family: SearchStrategy[FamilyId],
    giver: SearchStrategy[ConsentGiver],
    dates: SearchStrategy[dt.date],
) -> Consent:
    chosen = draw(giver)
    used: set[str] = set()
    subject, other = PersonId(_fresh(draw, used)), PersonId(_fresh(draw, used))
    units = [UnitId(_fresh(draw, used)) for _ in range(_count(draw, 1, 3))]
    return _consent(
        draw,
        consent_id=ConsentId(draw(_ID)),
        family=draw(family),
        subject=subject,
        given_by=subject if chosen is ConsentGiver.SELF else other,
        giver=chosen,
        units=units,
        dates=dates,
    )


def _consent(
    draw: st.DrawFn,
    *,
    consent_id: ConsentId,
    family: FamilyId,
    subject: PersonId,
    given_by: PersonId,
    giver: ConsentGiver,
    units: Sequence[UnitId],
    dates: SearchStrategy[dt.date],
) -> Consent:
    # Sorting three drawn days keeps *valid_until* and *withdrawn_on* on or after *valid_from*
    # without filtering the caller's strategy (which could reject most of what it draws).
    valid_from, *later = _sorted_days(draw, dates, 3)
    return Consent(
        id=consent_id,
        family=family,
        subject=subject,
        given_by=given_by,
        giver=giver,
        scopes=_subset(draw, tuple(DataScope), min_size=1),
        units=_subset(draw, units, min_size=1),
        valid_from=valid_from,
        valid_until=_pick(draw, later) if draw(_BOOL) else None,
        withdrawn_on=_pick(draw, later) if draw(_BOOL) else None,
    )


# --- bundles ---------------------------------------------------------------------------------


def bundles(
    *,
    min_families: int = 0,
    max_families: int = 3,
    dates: SearchStrategy[dt.date] | None = None,
    birth_dates: SearchStrategy[dt.date] | None = None,
) -> SearchStrategy[Bundle]:
    """Whole bundles whose cross-references all resolve.

    Areas, units and professionals; families living in those areas; their network maps (some
    redrawn from an earlier version); concerns raised by the professionals; meetings with the
    families and in the areas; plans agreed in the family meetings; and consents given by the
    subjects or their custodians. Every person id belongs to one person only.

    Args:
        min_families: the fewest families.
        max_families: the most families.
        dates: the strategy the dates of events (maps, concerns, meetings, plans, consents) are
            drawn from. By default a family's events fall on any date from its first member's
            birth on. Events are put in the order the model requires; an event that would
            predate everyone it could be about is left out.
        birth_dates: the strategy family members' birth dates are drawn from (default any date).
    """
    _check_range("min_families", min_families, "max_families", max_families)
    _check_strategy("dates", dates)
    _check_strategy("birth_dates", birth_dates)
    return _bundles(
        min_families=min_families,
        max_families=max_families,
        dates=dates,
        birth_dates=birth_dates if birth_dates is not None else _DATE,
    )


@attrs.define
class _Draft:
    """A bundle under construction: what it holds so far, and the ids it has used."""

    draw: st.DrawFn
    dates: SearchStrategy[dt.date] | None
    areas: list[Area] = attrs.Factory(list)
    units: list[ServiceUnit] = attrs.Factory(list)
    staff: list[Professional] = attrs.Factory(list)
    families: list[Family] = attrs.Factory(list)
    maps: list[NetworkMap] = attrs.Factory(list)
    concerns: list[Concern] = attrs.Factory(list)
    meetings: list[Meeting] = attrs.Factory(list)
    plans: list[Plan] = attrs.Factory(list)
    consents: list[Consent] = attrs.Factory(list)
    # Each person id (professionals, family members, network members) is used once, so that no
    # person appears twice with different details; other ids are unique across all kinds.
    people: set[str] = attrs.Factory(set)
    other_ids: set[str] = attrs.Factory(set)

    def new_id(self) -> str:
        """An id for anything but a person, not used before in this bundle."""
        return _fresh(self.draw, self.other_ids)

    def new_person(self) -> PersonId:
        """An id for a person, not used before in this bundle."""
        return PersonId(_fresh(self.draw, self.people))

    def dates_for(self, family: Family | None) -> SearchStrategy[dt.date]:
        """The strategy for the dates of *family*'s events (or of an area's, for ``None``)."""
        if self.dates is not None:
            return self.dates
        if family is None:
            return _DATE
        # Any date from the first birth on: earlier events could be about nobody, and would
        # only be drawn to be left out.
        return _dates_from(min(m.birth_date for m in family.members))

    def family(self, family_id: FamilyId) -> Family:
        """The family with id *family_id*, drawn before."""
        return next(f for f in self.families if f.id == family_id)

    def network_of(self, family: FamilyId) -> list[PersonId]:
        """The members of *family*'s network maps so far, each once."""
        return list(dict.fromkeys(m.id for n in self.maps if n.family == family for m in n.members))


@functools.lru_cache(maxsize=256)
def _dates_from(day: dt.date) -> SearchStrategy[dt.date]:
    return st.dates(min_value=day)


@st.composite
def _bundles(
    draw: st.DrawFn,
    *,
    min_families: int,
    max_families: int,
    dates: SearchStrategy[dt.date] | None,
    birth_dates: SearchStrategy[dt.date],
) -> Bundle:
    n_families = draw(_integers(min_families, max_families))
    draft = _Draft(draw=draw, dates=dates)
    _add_services(draft, needed=n_families > 0)
    for _ in range(n_families):
        size = _count(draw, 1, 5)
        draft.families.append(
            _family(
                draw,
                family_id=FamilyId(draft.new_id()),
                births=draw(st.lists(birth_dates, min_size=size, max_size=size)),
                used=draft.people,
                home_area=_pick(draw, [a.id for a in draft.areas]),
                language=draw(_LANGUAGE),
            )
        )
    for family in draft.families:
        _add_maps(draft, family)
    for family in draft.families:
        _add_concerns(draft, family)
        _add_family_meetings(draft, family)
        _add_consents(draft, family)
    _add_area_meetings(draft)
    for meeting in list(draft.meetings):
        if meeting.family is not None and draw(_BOOL):
            _add_plan(draft, meeting, meeting.family)
    return Bundle(
        areas=draft.areas,
        units=draft.units,
        professionals=draft.staff,
        families=draft.families,
        network_maps=draft.maps,
        concerns=draft.concerns,
        meetings=draft.meetings,
        plans=draft.plans,
        consents=draft.consents,
    )


def _add_services(draft: _Draft, *, needed: bool) -> None:
    """Areas, units and professionals: at least one of each if families will need them."""
    draw = draft.draw
    least = 1 if needed else 0
    draft.areas = [
        Area(id=AreaId(draft.new_id()), name=draw(_NAME), municipality=draw(_NAME))
        for _ in range(_count(draw, least, 3))
    ]
    area_ids = [a.id for a in draft.areas]
    draft.units = [
        ServiceUnit(
            id=UnitId(draft.new_id()),
            name=draw(_NAME),
            kind=_pick(draw, tuple(ServiceKind)),
            areas=_subset(draw, area_ids, min_size=1),
            in_family_centre=draw(_BOOL),
        )
        for _ in range(_count(draw, least, 4) if area_ids else 0)
    ]
    unit_ids = [u.id for u in draft.units]
    draft.staff = [
        Professional(
            id=ProfessionalId(draft.new_person()),
            name=draw(_NAME),
            unit=_pick(draw, unit_ids),
            profession=draw(_PROFESSION),
            mandated_notifier=draw(_BOOL),
            trained_facilitator=draw(_BOOL),
        )
        for _ in range(_count(draw, least, 5) if unit_ids else 0)
    ]


def _add_maps(draft: _Draft, family: Family) -> None:
    draw = draft.draw
    dates = draft.dates_for(family)
    staff = st.sampled_from([p.id for p in draft.staff]) if draft.staff else None
    previous: NetworkMap | None = None
    for _ in range(draw(_integers(0, 2))):
        drawn_on = draw(dates)
        if previous is not None and drawn_on > previous.drawn_on and draw(_BOOL):
            # A new version of the same map: the same members, followed from map to map.
            previous = previous.redrawn(new_id=NetworkMapId(draft.new_id()), drawn_on=drawn_on)
            draft.maps.append(previous)
            continue
        drawers = [m.id for m in family.members if m.birth_date <= drawn_on]
        if not drawers:
            continue
        members = [
            _network_member(
                draw,
                member_id=draft.new_person(),
                sector=_pick(draw, tuple(NetworkSector)),
                dates=dates,
                professionals=staff,
            )
            for _ in range(_count(draw, 0, 6))
        ]
        previous = NetworkMap(
            id=NetworkMapId(draft.new_id()),
            family=family.id,
            drawn_on=drawn_on,
            drawn_with=_subset(draw, drawers, min_size=1, max_size=3),
            members=members,
            ties=_ties(draw, [m.id for m in members]),
            focal_person=_maybe(draw, st.sampled_from([m.id for m in family.members])),
        )
        draft.maps.append(previous)


def _add_concerns(draft: _Draft, family: Family) -> None:
    draw = draft.draw
    dates = draft.dates_for(family)
    if not draft.staff:
        return
    for _ in range(draw(_integers(0, 2))):
        noticed_on, *graded_on = _sorted_days(draw, dates, _count(draw, 2, 4))
        born = [m.id for m in family.members if m.birth_date <= noticed_on]
        children = [m.id for m in family.children_on(noticed_on)]
        if not born:
            continue
        draft.concerns.append(
            _concern(
                draw,
                concern_id=ConcernId(draft.new_id()),
                worker=_pick(draw, [p.id for p in draft.staff]),
                child=_pick(draw, children or born),
                family=family.id,
                noticed_on=noticed_on,
                graded_on=graded_on,
            )
        )


def _workers(draft: _Draft, *, min_size: int = 0) -> list[Participant]:
    draw = draft.draw
    unit_ids = [u.id for u in draft.units]
    return [
        Participant(
            person=worker.id,
            role=_pick(draw, _WORKER_ROLES),
            # Mostly from their own unit; now and then from another, or not recorded.
            unit=_pick(draw, [worker.unit, None, _pick(draw, unit_ids)]),
        )
        for worker in _subset(draw, draft.staff, min_size=min_size, max_size=4)
    ]


def _add_family_meetings(draft: _Draft, family: Family) -> None:
    draw = draft.draw
    dates = draft.dates_for(family)
    known = st.sampled_from(sorted(draft.people)).map(PersonId)
    for _ in range(draw(_integers(0, 2))):
        held_on = draw(dates)
        present = [
            Participant(person=member, role=_pick(draw, _FAMILY_ROLES))
            for member in _subset(draw, [m.id for m in family.members], min_size=1)
        ]
        present += [
            Participant(person=member, role=MeetingRole.CLOSE_NETWORK)
            for member in _subset(draw, draft.network_of(family.id), max_size=4)
        ]
        present += _workers(draft)
        about = [c.id for c in draft.concerns if c.family == family.id and c.noticed_on <= held_on]
        draft.meetings.append(
            Meeting(
                id=MeetingId(draft.new_id()),
                kind=_pick(draw, _FAMILY_MEETINGS),
                held_on=held_on,
                participants=present,
                family=family.id,
                area=family.home_area if draw(_BOOL) else None,
                concern=_pick(draw, [None, *about]),
                speaking_order=_subset(draw, [p.person for p in present]),
                structural_issues=_issues(draw, raised_by=known, dates=dates),
                interpreted_for=_subset(
                    draw, [p.person for p in present if family.interpreter_needs_of(p.person)]
                ),
                custodians_absent=_absence(draw, MeetingKind.CLIENT_MEETING, present),
            )
        )


def _add_area_meetings(draft: _Draft) -> None:
    draw = draft.draw
    dates = draft.dates_for(None)
    if not draft.staff:
        return
    known = st.sampled_from(sorted(draft.people)).map(PersonId)
    for _ in range(draw(_integers(0, 2))):
        present = _workers(draft, min_size=1)
        draft.meetings.append(
            Meeting(
                id=MeetingId(draft.new_id()),
                kind=MeetingKind.AREA_MEETING,
                held_on=draw(dates),
                participants=present,
                area=_pick(draw, [a.id for a in draft.areas]),
                speaking_order=_subset(draw, [p.person for p in present]),
                structural_issues=_issues(draw, raised_by=known, dates=dates),
            )
        )


def _add_plan(draft: _Draft, meeting: Meeting, family: FamilyId) -> None:
    draw = draft.draw
    dates = draft.dates_for(draft.family(family))
    # A plan is agreed in its meeting or later, and followed up later still.
    agreed_on = max(draw(dates), meeting.held_on)
    follow_up_on = _maybe(draw, dates)
    present = sorted(meeting.people)
    # Mostly people who took part; anyone in the bundle may be named, though.
    others = [PersonId(p) for p in sorted(draft.people - set(present))]
    people = present + _subset(draw, others, max_size=2)
    items = [
        _plan_item(
            draw,
            item_id=PlanItemId(draft.new_id()),
            people=people,
            status=_pick(draw, tuple(ItemStatus)),
            dates=dates,
        )
        for _ in range(draw(_integers(0, 4)))
    ]
    views = st.builds(View, person=st.sampled_from(present), text=_TEXT)
    draft.plans.append(
        Plan(
            id=PlanId(draft.new_id()),
            meeting=meeting.id,
            family=family,
            agreed_on=agreed_on,
            items=items,
            follow_up_on=follow_up_on if follow_up_on and follow_up_on > agreed_on else None,
            child_views=draw(st.lists(views, max_size=2)),
            dissents=draw(st.lists(views, max_size=2)),
            views_not_sought=draw(
                st.lists(
                    views_not_sought(child=st.sampled_from(present)),
                    max_size=1,
                )
            ),
        )
    )


def _add_consents(draft: _Draft, family: Family) -> None:
    draw = draft.draw
    dates = draft.dates_for(family)
    if not draft.units:
        return
    for _ in range(draw(_integers(0, 2))):
        # A custodian consents for a member who has one; anyone may consent for themself.
        in_custody = [m.id for m in family.members if family.custodians_of(m.id)]
        giver = _pick(draw, tuple(ConsentGiver)) if in_custody else ConsentGiver.SELF
        subject = _pick(
            draw, in_custody if giver is ConsentGiver.CUSTODIAN else [m.id for m in family.members]
        )
        custodians = family.custodians_of(subject)
        draft.consents.append(
            _consent(
                draw,
                consent_id=ConsentId(draft.new_id()),
                family=family.id,
                subject=subject,
                given_by=subject if giver is ConsentGiver.SELF else _pick(draw, custodians),
                giver=giver,
                units=[u.id for u in draft.units],
                dates=dates,
            )
        )
