"""The Vaaralampi story: one family's way from a day-care teacher's concern to a plan.

:func:`vaaralampi_story` builds the whole story as openco values. Everyone in it is invented.
The ``openco demo`` command tells it; the docs and tests use it as a realistic example.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Final

import attrs

from openco.errors import InvalidArgumentError
from openco.model import (
    Area,
    AreaId,
    Bundle,
    Concern,
    ConcernId,
    ConcernZone,
    Consent,
    ConsentGiver,
    ConsentId,
    Custody,
    CustodyKind,
    DataScope,
    Family,
    FamilyId,
    GreySubzone,
    ItemStatus,
    Language,
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
    Ring,
    ServiceKind,
    ServiceUnit,
    SupportDirection,
    SupportType,
    TieQuality,
    UnitId,
    View,
    ZoneAssessment,
)
from openco.process import (
    Case,
    Channel,
    FollowUp,
    Invitation,
    Notification,
    Opening,
    Preparation,
    Raising,
    Recipient,
    Records,
    Step,
    advance,
    open_case,
)
from openco.synthetic import PopulationConfig, generate_population

__all__ = [
    "STORY_TEXTS",
    "DemoPopulation",
    "DemoStep",
    "area_population",
    "refused_notification",
    "vaaralampi_case_steps",
    "vaaralampi_records",
    "vaaralampi_story",
]

STORY_TEXTS: Final[dict[str, tuple[str, str]]] = {
    "Kuusikko day-care centre": (
        "Kuusikon päiväkoti",
        "Kuusikko daghem",
    ),
    "Vaaralampi child health clinic": (
        "Vaaralammen lastenneuvola",
        "Vaaralampi barnrådgivning",
    ),
    "Family social work": (
        "Lapsiperheiden sosiaalityö",
        "Socialt arbete för barnfamiljer",
    ),
    "Network consultants": (
        "Verkostokonsultit",
        "Nätverkskonsulterna",
    ),
    "Sanna Teacher": (
        "Sanna Opettaja",
        "Sanna Lärare",
    ),
    "Helmi Nurse": (
        "Helmi Hoitaja",
        "Helmi Hälsovårdare",
    ),
    "Olli Worker": (
        "Olli Sosiaalityöntekijä",
        "Olli Socialarbetare",
    ),
    "Kaisa Facilitator": (
        "Kaisa Fasilitaattori",
        "Kaisa Facilitator",
    ),
    "Mikko Facilitator": (
        "Mikko Fasilitaattori",
        "Mikko Facilitator",
    ),
    "early childhood teacher": (
        "varhaiskasvatuksen opettaja",
        "lärare inom småbarnspedagogik",
    ),
    "public health nurse": (
        "terveydenhoitaja",
        "hälsovårdare",
    ),
    "social worker": (
        "sosiaalityöntekijä",
        "socialarbetare",
    ),
    "network consultant": (
        "verkostokonsultti",
        "nätverkskonsult",
    ),
    "Grandmother (mummo)": (
        "Mummo",
        "Mormor",
    ),
    "Neighbour Eeva": (
        "Naapurin Eeva",
        "Grannen Eeva",
    ),
    "Laura's friend from work": (
        "Lauran työkaveri",
        "Lauras arbetskamrat",
    ),
    "Day-care teacher": (
        "Varhaiskasvatuksen opettaja",
        "Förskolläraren",
    ),
    "Cousin Jenni": (
        "Serkku Jenni",
        "Kusinen Jenni",
    ),
    "Family club leader": (
        "Perhekerhon ohjaaja",
        "Familjeklubbens ledare",
    ),
    "Aino is tired in the mornings": (
        "Aino on aamuisin väsynyt",
        "Aino är trött på morgnarna",
    ),
    "Often fetched late; Aino withdraws from play": (
        "Haetaan usein myöhään; Aino vetäytyy leikeistä",
        "Hämtas ofta sent; Aino drar sig undan från leken",
    ),
    "Mornings calmer; grandmother helps": (
        "Aamut rauhallisempia; mummo auttaa",
        "Morgnarna lugnare; mormor hjälper till",
    ),
    "Aino is often tired and withdrawn in the mornings": (
        "Aino on aamuisin usein väsynyt ja vetäytyvä",
        "Aino är ofta trött och tillbakadragen på morgnarna",
    ),
    "Aino is fetched late several times a week": (
        "Aino haetaan päiväkodista myöhään useana päivänä viikossa",
        "Aino hämtas sent flera gånger i veckan",
    ),
    "Warm, close relationship between Aino and her mother": (
        "Ainon ja hänen äitinsä välillä on lämmin, läheinen suhde",
        "Ett varmt, nära förhållande mellan Aino och hennes mamma",
    ),
    "Aino loves drawing and plays well with two friends": (
        "Aino rakastaa piirtämistä ja leikkii hyvin kahden ystävän kanssa",
        "Aino älskar att rita och leker bra med två kompisar",
    ),
    "Fetch Aino from day care on Tue and Thu": (
        "Hakea Ainon päiväkodista tiistaisin ja torstaisin",
        "Hämta Aino från daghemmet på tisdagar och torsdagar",
    ),
    "Every week since April": (
        "Joka viikko huhtikuusta lähtien",
        "Varje vecka sedan april",
    ),
    "Quiet evening routine, lights out by 20": (
        "Rauhallinen iltarutiini, valot pois kello 20 mennessä",
        "Lugn kvällsrutin, släckt senast klockan 20",
    ),
    "Mornings are calmer": (
        "Aamut ovat rauhallisempia",
        "Morgnarna är lugnare",
    ),
    "Try the family club at the parish hall": (
        "Kokeilla perhekerhoa seurakuntatalolla",
        "Pröva familjeklubben i församlingshemmet",
    ),
    "Goes weekly": (
        "Käy viikoittain",
        "Går varje vecka",
    ),
    "Share Aino's good days with Laura": (
        "Kertoa Lauralle Ainon hyvistä päivistä",
        "Berätta för Laura om Ainos goda dagar",
    ),
    "I want mummo to fetch me.": (
        "Haluan, että mummo hakee minut.",
        "Jag vill att mormor hämtar mig.",
    ),
    "Aino is tired and withdrawn; I need Laura's view of home": (
        "Aino on väsynyt ja vetäytyvä; tarvitsen Lauran näkemyksen kodin arjesta",
        "Aino är trött och tillbakadragen; jag behöver Lauras bild av hemmet",
    ),
    "Short chats at pick-up time": (
        "Lyhyet juttutuokiot hakuaikaan",
        "Korta samtal vid hämtningen",
    ),
    "First her drawings and friends, then my worry, then ask for help": (
        "Ensin hänen piirustuksistaan ja ystävistään, sitten huolestani, sitten pyydän apua",
        "Först hennes teckningar och kompisar, sedan min oro, sedan ber jag om hjälp",
    ),
    "Surprised, then relieved to talk": (
        "Yllättynyt, sitten helpottunut saadessaan puhua",
        "Överraskad, sedan lättad över att få prata",
    ),
    "Could you help me understand what Aino's mornings are like?": (
        "Voisitko auttaa minua ymmärtämään, millaisia Ainon aamut ovat?",
        "Kan du hjälpa mig att förstå hur Ainos morgnar ser ut?",
    ),
    "Mornings are calmer; the family and their network carry on": (
        "Aamut ovat rauhallisempia; perhe ja sen verkosto jatkavat itse",
        "Morgnarna är lugnare; familjen och dess nätverk fortsätter själva",
    ),
    "Aino is often tired and fetched late": (
        "Aino on usein väsynyt ja haetaan myöhään",
        "Aino är ofta trött och hämtas sent",
    ),
}
"""Every text of the story in Finnish and Swedish, by its English words (the glossary's terms)."""


def _sayer(language: Language | str) -> Callable[[str], str]:
    """How the story says its texts in *language*."""
    lang = Language(language)
    if lang is Language.EN:
        return lambda text: text
    k = 0 if lang is Language.FI else 1
    return lambda text: STORY_TEXTS[text][k]


_VAARALAMPI = AreaId("vaaralampi")
_OUNASRINNE = AreaId("ounasrinne")


def _services(
    say: Callable[[str], str],
) -> tuple[tuple[Area, ...], tuple[ServiceUnit, ...], tuple[Professional, ...]]:
    areas = (
        Area(id=_VAARALAMPI, name="Vaaralampi", municipality="Rovaniemi"),
        Area(id=_OUNASRINNE, name="Ounasrinne", municipality="Rovaniemi"),
    )
    both = {_VAARALAMPI, _OUNASRINNE}
    units = (
        ServiceUnit(id=UnitId("daycare-kuusikko"), name=say("Kuusikko day-care centre"),
                    kind=ServiceKind.EARLY_CHILDHOOD_EDUCATION, areas={_VAARALAMPI},
                    in_family_centre=True),
        ServiceUnit(id=UnitId("clinic-vaaralampi"), name=say("Vaaralampi child health clinic"),
                    kind=ServiceKind.CHILD_HEALTH_CLINIC, areas=both, in_family_centre=True),
        ServiceUnit(id=UnitId("family-work"), name=say("Family social work"),
                    kind=ServiceKind.FAMILY_SOCIAL_WORK, areas=both, in_family_centre=True),
        ServiceUnit(id=UnitId("network-team"), name=say("Network consultants"),
                    kind=ServiceKind.FAMILY_COUNSELLING, areas=both, in_family_centre=True),
    )  # fmt: skip

    def worker(pid: str, name: str, unit: str, profession: str, **kw: bool) -> Professional:
        return Professional(id=ProfessionalId(PersonId(pid)), name=name, unit=UnitId(unit),
                            profession=profession, mandated_notifier=True, **kw)  # fmt: skip

    professionals = (
        worker("w-teacher", say("Sanna Teacher"), "daycare-kuusikko",
               say("early childhood teacher")),
        worker("w-nurse", say("Helmi Nurse"), "clinic-vaaralampi", say("public health nurse")),
        worker("w-social", say("Olli Worker"), "family-work", say("social worker")),
        worker("w-fac-1", say("Kaisa Facilitator"), "network-team", say("network consultant"),
               trained_facilitator=True),
        worker("w-fac-2", say("Mikko Facilitator"), "network-team", say("network consultant"),
               trained_facilitator=True),
    )  # fmt: skip
    return areas, units, professionals


def _member(  # noqa: PLR0917 - a private shorthand that keeps the story readable
pid: str, label: str, sector: NetworkSector, ring: Ring, tie: TieQuality,
            direction: SupportDirection = SupportDirection.NONE,
            support: frozenset[SupportType] = frozenset()) -> NetworkMember:  # fmt: skip
    return NetworkMember(id=PersonId(pid), label=label, sector=sector, ring=ring, tie=tie,
                         direction=direction, support=support)  # fmt: skip


def vaaralampi_story(language: Language | str = Language.EN) -> Bundle:
    """The whole Vaaralampi story as one checked :class:`~openco.model.Bundle`.

    A day-care teacher grows worried about four-year-old Aino; the worry reaches the grey
    zone; she takes it up with Aino's mother Laura and asks for her help; Laura agrees to an
    anticipation dialogue and invites her mother (Aino's grandmother) and a neighbour; two
    network consultants from outside the case run it; the plan says who does what, with whom
    and when; at the follow-up the network has grown and the worry has eased.

    >>> story = vaaralampi_story()
    >>> [m.kind.value for m in story.meetings]
    ['anticipation_dialogue', 'follow_up']
    >>> before, after = story.maps_of(FamilyId("f-aino"))
    >>> len(before.members), len(after.members)
    (4, 6)
    >>> story.concerns[0].current.zone.label("en")
    'small concern'
    """
    say = _sayer(language)
    areas, units, professionals = _services(say)
    laura = Person(id=PersonId("p-laura"), name="Laura", birth_date=dt.date(1994, 8, 19))
    aino = Person(id=PersonId("p-aino"), name="Aino", birth_date=dt.date(2022, 1, 11))
    family = Family(
        id=FamilyId("f-aino"),
        members=(laura, aino),
        custody=(Custody(child=aino.id, adult=laura.id, kind=CustodyKind.CUSTODIAL_PARENT),),
        home_area=_VAARALAMPI,
        language="fi",
    )
    support_to = SupportDirection.TO_FAMILY
    gran = _member(
        "n-gran",
        say("Grandmother (mummo)"),
        NetworkSector.RELATIVES,
        Ring.MIDDLE,
        TieQuality.WEAK,
        support_to,
        frozenset({SupportType.EMOTIONAL}),
    )
    neighbour = _member(
        "n-neighbour",
        say("Neighbour Eeva"),
        NetworkSector.FRIENDS_AND_NEIGHBOURS,
        Ring.OUTER,
        TieQuality.WEAK,
    )
    friend = _member(
        "n-friend",
        say("Laura's friend from work"),
        NetworkSector.SCHOOL_WORK_HOBBIES,
        Ring.MIDDLE,
        TieQuality.SUPPORTIVE,
        SupportDirection.MUTUAL,
        frozenset({SupportType.EMOTIONAL}),
    )
    teacher = _member(
        "w-teacher",
        say("Day-care teacher"),
        NetworkSector.PROFESSIONALS,
        Ring.MIDDLE,
        TieQuality.SUPPORTIVE,
        support_to,
        frozenset({SupportType.INFORMATIONAL}),
    )
    before = NetworkMap(
        id=NetworkMapId("map-aino-1"), family=family.id, drawn_on=dt.date(2026, 3, 17),
        drawn_with=(laura.id,), members=(gran, neighbour, friend, teacher),
    )  # fmt: skip
    after = attrs.evolve(
        before.redrawn(new_id=NetworkMapId("map-aino-2"), drawn_on=dt.date(2026, 7, 7)),
        members=(
            attrs.evolve(gran, ring=Ring.INNER, tie=TieQuality.SUPPORTIVE,
                         support=frozenset({SupportType.EMOTIONAL, SupportType.PRACTICAL})),
            attrs.evolve(neighbour, ring=Ring.MIDDLE, tie=TieQuality.SUPPORTIVE,
                         direction=SupportDirection.MUTUAL,
                         support=frozenset({SupportType.PRACTICAL})),
            friend,
            teacher,
            _member("n-cousin", say("Cousin Jenni"), NetworkSector.RELATIVES, Ring.MIDDLE,
                    TieQuality.SUPPORTIVE, support_to, frozenset({SupportType.PRACTICAL})),
            _member("n-club", say("Family club leader"), NetworkSector.SCHOOL_WORK_HOBBIES,
                    Ring.OUTER, TieQuality.SUPPORTIVE, support_to,
                    frozenset({SupportType.INFORMATIONAL})),
        ),
        ties=(MemberTie(a=PersonId("n-gran"), b=PersonId("n-neighbour")),
              MemberTie(a=PersonId("n-gran"), b=PersonId("n-cousin"))),
    )  # fmt: skip
    teacher_id = ProfessionalId(PersonId("w-teacher"))
    concern = Concern(
        id=ConcernId("c-aino"), worker=teacher_id, child=aino.id, family=family.id,
        noticed_on=dt.date(2026, 2, 2),
        assessments=(
            ZoneAssessment(on=dt.date(2026, 2, 2), assessor=teacher_id, zone=ConcernZone.SMALL,
                           own_means=OwnMeans.GOOD, note=say("Aino is tired in the mornings")),
            ZoneAssessment(on=dt.date(2026, 3, 2), assessor=teacher_id, zone=ConcernZone.GREY,
                           subzone=GreySubzone.LOWER, own_means=OwnMeans.RUNNING_OUT,
                           extra_resources=Need.CLEAR, control=Need.SMALL,
                           note=say("Often fetched late; Aino withdraws from play")),
            ZoneAssessment(on=dt.date(2026, 7, 7), assessor=teacher_id, zone=ConcernZone.SMALL,
                           own_means=OwnMeans.GOOD, note=say("Mornings calmer; grandmother helps")),
        ),
        worries=(say("Aino is often tired and withdrawn in the mornings"),
                 say("Aino is fetched late several times a week")),
        strengths=(say("Warm, close relationship between Aino and her mother"),
                   say("Aino loves drawing and plays well with two friends")),
    )  # fmt: skip
    consent = Consent(
        id=ConsentId("k-aino"), family=family.id, subject=aino.id, given_by=laura.id,
        giver=ConsentGiver.CUSTODIAN, scopes={DataScope.CONCERN, DataScope.MEETING, DataScope.PLAN},
        units={UnitId("clinic-vaaralampi"), UnitId("network-team")},
        valid_from=dt.date(2026, 3, 10), valid_until=dt.date(2027, 3, 10),
    )  # fmt: skip
    dialogue = Meeting(
        id=MeetingId("m-dialogue"), kind=MeetingKind.ANTICIPATION_DIALOGUE,
        held_on=dt.date(2026, 4, 14), family=family.id, concern=concern.id,
        participants=(
            Participant(person=laura.id, role=MeetingRole.CUSTODIAN),
            Participant(person=aino.id, role=MeetingRole.CHILD),
            Participant(person=PersonId("n-gran"), role=MeetingRole.CLOSE_NETWORK),
            Participant(person=PersonId("n-neighbour"), role=MeetingRole.CLOSE_NETWORK),
            Participant(person=teacher_id, role=MeetingRole.INITIATOR,
                        unit=UnitId("daycare-kuusikko")),
            Participant(person=PersonId("w-nurse"), role=MeetingRole.PROFESSIONAL,
                        unit=UnitId("clinic-vaaralampi")),
            Participant(person=PersonId("w-fac-1"), role=MeetingRole.INTERVIEWER,
                        unit=UnitId("network-team")),
            Participant(person=PersonId("w-fac-2"), role=MeetingRole.RECORDER,
                        unit=UnitId("network-team")),
        ),
        speaking_order=(aino.id, laura.id, PersonId("n-gran"), PersonId("n-neighbour"),
                        teacher_id, PersonId("w-nurse")),
    )  # fmt: skip
    plan = Plan(
        id=PlanId("plan-aino"), meeting=dialogue.id, family=family.id,
        agreed_on=dt.date(2026, 4, 14), follow_up_on=dt.date(2026, 7, 7),
        items=(
            PlanItem(id=PlanItemId("i-fetch"), what=say("Fetch Aino from day care on Tue and Thu"),
                     responsible=PersonId("n-gran"), due=dt.date(2026, 4, 21),
                     status=ItemStatus.DONE, outcome=say("Every week since April")),
            PlanItem(id=PlanItemId("i-evenings"),
                     what=say("Quiet evening routine, lights out by 20"),
                     responsible=laura.id, with_whom={PersonId("w-nurse")},
                     due=dt.date(2026, 5, 31), status=ItemStatus.DONE,
                     outcome=say("Mornings are calmer")),
            PlanItem(id=PlanItemId("i-club"), what=say("Try the family club at the parish hall"),
                     responsible=PersonId("n-neighbour"), with_whom={laura.id},
                     due=dt.date(2026, 6, 15), status=ItemStatus.DONE, outcome=say("Goes weekly")),
            PlanItem(id=PlanItemId("i-daycare"), what=say("Share Aino's good days with Laura"),
                     responsible=teacher_id, due=dt.date(2026, 7, 7)),
        ),
        child_views=(View(person=aino.id, text=say("I want mummo to fetch me.")),),
    )  # fmt: skip
    follow_up = Meeting(
        id=MeetingId("m-follow-up"), kind=MeetingKind.FOLLOW_UP, held_on=dt.date(2026, 7, 7),
        family=family.id, concern=concern.id,
        participants=(
            Participant(person=laura.id, role=MeetingRole.CUSTODIAN),
            Participant(person=PersonId("n-gran"), role=MeetingRole.CLOSE_NETWORK),
            Participant(person=PersonId("n-neighbour"), role=MeetingRole.CLOSE_NETWORK),
            Participant(person=teacher_id, role=MeetingRole.INITIATOR,
                        unit=UnitId("daycare-kuusikko")),
            Participant(person=PersonId("w-fac-1"), role=MeetingRole.INTERVIEWER,
                        unit=UnitId("network-team")),
            Participant(person=PersonId("w-fac-2"), role=MeetingRole.RECORDER,
                        unit=UnitId("network-team")),
        ),
    )  # fmt: skip
    return Bundle(
        areas=areas, units=units, professionals=professionals, families=(family,),
        network_maps=(before, after), concerns=(concern,), meetings=(dialogue, follow_up),
        plans=(plan,), consents=(consent,),
    )  # fmt: skip


_DAYCARE = UnitId("daycare-kuusikko")


@attrs.frozen(kw_only=True)
class DemoStep:
    """One step of the Vaaralampi case: what is done, by whom, on which day, with what detail.

    The first step (``Step.NOTICE``) opens the case with :func:`openco.process.open_case`;
    every other one is applied with :func:`openco.process.advance`. Both judge the step by
    *records*, the story's registers (:func:`vaaralampi_records`).
    """

    step: Step
    actor: PersonId
    on: dt.date
    records: Records
    detail: object = None
    reason: str | None = None
    consents: tuple[Consent, ...] = ()

    def apply(self, case: Case | None) -> Case:
        """The case after this step (*case* is ``None`` for the opening step).

        Raises:
            TransitionNotAllowedError: the workflow refuses the step.
        """
        if case is None:
            opening = self.detail
            if not isinstance(opening, Opening):
                raise InvalidArgumentError("DemoStep.apply", "case", None, "a case to advance")
            return open_case(
                opening.concern, family=opening.family, unit=opening.unit, on=self.on,
                reason=self.reason, consents=self.consents, records=self.records,
            )  # fmt: skip
        return advance(
            case, self.step, actor=self.actor, on=self.on, detail=self.detail,
            reason=self.reason, consents=self.consents, records=self.records,
        )  # fmt: skip


def vaaralampi_records(story: Bundle | None = None) -> Records:
    """The story's registers as the workflow reads them: its units, staff and the family.

    >>> records = vaaralampi_records()
    >>> records.unit_of(PersonId("w-teacher")).kind.value
    'early_childhood_education'
    """
    story = vaaralampi_story() if story is None else story
    return Records(professionals=story.professionals, units=story.units, families=story.families)


def vaaralampi_case_steps(
    story: Bundle | None = None, *, language: Language | str = Language.EN
) -> tuple[DemoStep, ...]:
    """The Vaaralampi story as the workflow steps that make its case, in order.

    The concern is noticed in the small zone and assessed in the grey zone a month later; the
    teacher prepares and takes it up with Laura; Laura agrees to an anticipation dialogue with
    her mother and a neighbour (consenting to share with the clinic and the network team); the
    meeting is held; the plan is agreed with open items; the follow-up records them done; the
    worry is reassessed as small and the case is closed.

    >>> case = None
    >>> for step in vaaralampi_case_steps():
    ...     case = step.apply(case)
    >>> [a.zone.value for a in case.trajectory], case.stage.value
    (['small', 'grey', 'small'], 'closed')
    """
    story = vaaralampi_story(language) if story is None else story
    say = _sayer(language)
    records = vaaralampi_records(story)
    family = story.families[0]
    told = story.concerns[0]
    noticed, grey, eased = told.assessments
    teacher = told.worker
    dialogue, follow_up = story.meetings
    plan = story.plans[0]
    open_items = tuple(
        attrs.evolve(item, status=ItemStatus.OPEN, outcome=None) for item in plan.items
    )
    invitation = Invitation(
        kind=MeetingKind.ANTICIPATION_DIALOGUE,
        close_network={PersonId("n-gran"), PersonId("n-neighbour")},
        units={UnitId("clinic-vaaralampi"), UnitId("network-team")},
    )
    opening = Opening(concern=attrs.evolve(told, assessments=(noticed,)), family=family,
                      unit=_DAYCARE)  # fmt: skip
    step = functools.partial(DemoStep, records=records)
    return (
        step(step=Step.NOTICE, actor=teacher, on=noticed.on, detail=opening),
        step(step=Step.ASSESS, actor=teacher, on=grey.on, detail=grey),
        step(step=Step.PREPARE, actor=teacher, on=dt.date(2026, 3, 4), detail=Preparation(
            worry_and_help_needed=say("Aino is tired and withdrawn; I need Laura's view of home"),
            what_has_worked=say("Short chats at pick-up time"),
            how_to_say_it=say("First her drawings and friends, then my worry, then ask for help"),
            expected_reaction=say("Surprised, then relieved to talk"))),
        step(step=Step.RAISE, actor=teacher, on=dt.date(2026, 3, 6), detail=Raising(
            help_asked=say("Could you help me understand what Aino's mornings are like?"),
            strengths=told.strengths)),
        step(step=Step.PROPOSE_MEETING, actor=teacher, on=dt.date(2026, 3, 6)),
        step(step=Step.AGREE_TO_MEET, actor=teacher, on=dt.date(2026, 3, 10),
                 detail=invitation, consents=story.consents),
        step(step=Step.HOLD_MEETING, actor=teacher, on=dialogue.held_on, detail=dialogue),
        step(step=Step.AGREE_PLAN, actor=teacher, on=plan.agreed_on,
                 detail=attrs.evolve(plan, items=open_items)),
        step(step=Step.FOLLOW_UP, actor=teacher, on=follow_up.held_on,
                 detail=FollowUp(meeting=follow_up, plan=plan)),
        step(step=Step.REASSESS, actor=teacher, on=eased.on, detail=eased),
        step(step=Step.CLOSE, actor=teacher, on=eased.on,
                 reason=say("Mornings are calmer; the family and their network carry on")),
    )  # fmt: skip


def refused_notification(
    case: Case, records: Records | None = None, *, language: Language | str = Language.EN
) -> DemoStep:
    """A child welfare notification by unprotected e-mail: always refused (rule L5).

    >>> case = None
    >>> for step in vaaralampi_case_steps()[:7]:
    ...     case = step.apply(case)
    >>> from openco.errors import TransitionNotAllowedError
    >>> try:
    ...     refused_notification(case).apply(case)
    ... except TransitionNotAllowedError as error:
    ...     print(error.codes)
    ('L5',)
    """
    say = _sayer(language)
    return DemoStep(
        step=Step.NOTIFY_CHILD_WELFARE, actor=case.contact, on=case.last_on,
        records=vaaralampi_records() if records is None else records,
        detail=Notification(
            channel=Channel.UNPROTECTED_EMAIL, recipient=Recipient.SOCIAL_SERVICES,
            reasons=say("Aino is often tired and fetched late"), mandated_notifier=True,
            child_told=False, custodian_told=True),
    )  # fmt: skip


@attrs.frozen(kw_only=True)
class DemoPopulation:
    """The story with generated families around it, in Vaaralampi and Ounasrinne."""

    areas: tuple[Area, ...]
    units: tuple[ServiceUnit, ...]
    professionals: tuple[Professional, ...]
    families: tuple[Family, ...]
    network_maps: tuple[NetworkMap, ...]
    meetings: tuple[Meeting, ...]
    plans: tuple[Plan, ...]
    concerns: tuple[Concern, ...]


def area_population(story: Bundle | None = None, *, families_per_area: int = 40,
                    seed: int = 2026) -> DemoPopulation:  # fmt: skip
    """The story plus *families_per_area* generated families in each of its two areas.

    The generator's two areas are renamed Vaaralampi and Ounasrinne; their own units and staff
    are kept, so the area report has something to compare.

    >>> population = area_population(families_per_area=5)
    >>> sorted({f.home_area for f in population.families}), len(population.families)
    (['ounasrinne', 'vaaralampi'], 11)
    """
    story = vaaralampi_story() if story is None else story
    config = PopulationConfig(families_per_area=families_per_area)
    generated = list(generate_population(families=2 * families_per_area, seed=seed,
                                         config=config))  # fmt: skip
    rename = {g.area.id: target for g, target in zip(generated, (_VAARALAMPI, _OUNASRINNE),
                                                     strict=True)}  # fmt: skip

    def moved(areas: frozenset[AreaId]) -> frozenset[AreaId]:
        return frozenset(rename.get(a, a) for a in areas)

    units = {u.id: u for u in story.units}
    professionals = {p.id: p for p in story.professionals}
    for g in generated:
        units.update({u.id: attrs.evolve(u, areas=moved(u.areas)) for u in g.all_units})
        professionals.update({p.id: p for p in g.all_professionals})
    return DemoPopulation(
        areas=story.areas,
        units=tuple(units.values()),
        professionals=tuple(professionals.values()),
        families=(*story.families, *(attrs.evolve(f.family, home_area=rename[g.area.id])
                                     for g in generated for f in g.families)),
        network_maps=(*story.network_maps, *(m for g in generated for m in g.network_maps)),
        meetings=(*story.meetings, *(
            attrs.evolve(m, area=rename.get(m.area, m.area)) if m.area is not None else m
            for g in generated for m in g.meetings)),
        plans=(*story.plans, *(p for g in generated for p in g.plans)),
        concerns=story.concerns,
    )  # fmt: skip
