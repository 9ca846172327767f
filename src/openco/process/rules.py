"""The rules of the workflow, as a catalogue: legal duties (L1-L9) and good practice (P10-P17).

Every rule is a :class:`Rule` with a code, a title, its basis (the statute section or the
method it comes from) and its source, and its kind: a *guard* refuses a step that would break
it, an *obligation* creates a duty on the worklist (some rules are both). Legal rules and the
workflow's own integrity rules (W1-W3) cannot be switched off; practice rules can be, per
municipality, with :meth:`openco.process.transitions.Workflow.configured`.

A guard is a function ``check(case, record, settings)`` that returns the refusals for the
record about to be added (an empty tuple when the step may go ahead). A duty function
``duties(case, today, settings)`` returns the obligations the rule puts on the case.

>>> RULES["L5"].title.get("en")
'A notification is never made by unprotected e-mail'
>>> RULES["L5"].configurable, RULES["P14"].configurable
(False, True)
>>> print(RULES["P14"].refuse("facilitators", count=1, needed=2).message("fi"))
Tulevaisuuden muistelussa on oltava 2 fasilitaattoria, haastattelija ja kirjaaja; nyt 1.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Final

import attrs

from openco.errors import InvalidModelError, Refusal
from openco.model.concern import ConcernZone, ZoneAssessment
from openco.model.consent import Consent, ConsentGiver, DataScope
from openco.model.ids import PersonId, UnitId
from openco.model.label import LabelledEnum
from openco.model.meeting import Meeting, MeetingKind, MeetingRole
from openco.model.person import CHILD_AGE_LIMIT
from openco.model.plan import ItemStatus, Plan
from openco.process import schedule
from openco.process.case import Case, StepTaken
from openco.process.details import (
    Consultation,
    FollowUp,
    Handover,
    Invitation,
    Preparation,
    Raising,
    StatutoryBasis,
)
from openco.process.duties import Duty, Obligation
from openco.process.stages import ActorRole, Stage, Step
from openco.process.statutory import (
    Channel,
    CriteriaMet,
    JointContact,
    Milestone,
    Notification,
    PoliceNotification,
)

__all__ = [
    "CATALOGUE",
    "RULES",
    "Check",
    "Duties",
    "Labels",
    "Rule",
    "RuleGroup",
    "RuleKind",
    "Settings",
    "check_opening",
]


@attrs.frozen
class Labels:
    """The same words in Finnish, Swedish and English.

    >>> Labels("huoli", "oro", "concern").get("sv")
    'oro'
    """

    fi: str
    sv: str
    en: str

    def get(self, language: object = "en") -> str:
        """The words in *language* (``"fi"``, ``"sv"``, ``"en"`` or a ``Language`` member).

        Raises:
            ValueError: *language* is none of fi, sv, en.
        """
        code = getattr(language, "value", language)
        if code not in ("fi", "sv", "en"):
            raise ValueError(f"language: got {language!r}, allowed: one of fi, sv, en")
        return str(getattr(self, str(code)))


class RuleKind(LabelledEnum):
    """What a rule does."""

    GUARD = ("guard", "estää askeleen", "hindrar ett steg", "refuses a step")
    OBLIGATION = ("obligation", "luo velvollisuuden", "skapar en skyldighet", "creates a duty")


class RuleGroup(LabelledEnum):
    """Where a rule comes from, which decides whether it can be switched off."""

    LEGAL = ("legal", "lakisääteinen", "lagstadgad", "legal obligation")
    PRACTICE = ("practice", "hyvä käytäntö", "god praxis", "good practice")
    WORKFLOW = ("workflow", "työnkulun eheys", "arbetsflödets integritet", "workflow integrity")


@attrs.frozen(kw_only=True)
class Settings:
    """The parameters of the practice rules, which a municipality may set.

    The legal deadlines (the 7th working day, three months) are not settings: they are the law.

    Attributes:
        take_up_within_working_days: how soon a concern is taken up with the family after the
            worker has assessed it (P11).
        follow_up_after_months: when continuing with own means is followed up (P14).
        reminder_days: how many days ahead plan items come onto the worklist (P16).
        without_delay_working_days: how many working days after the criteria were met a joint
            contact still counts as made "without delay" (L2).
        facilitators: how many facilitators an anticipation dialogue has (P14).
        area_meetings_per_year: how often an area's actors meet (P17).
    """

    take_up_within_working_days: int = attrs.field(default=10)
    follow_up_after_months: int = attrs.field(default=3)
    reminder_days: int = attrs.field(default=14)
    without_delay_working_days: int = attrs.field(default=1)
    facilitators: int = attrs.field(default=2)
    area_meetings_per_year: int = attrs.field(default=2)

    @take_up_within_working_days.validator
    @follow_up_after_months.validator
    @reminder_days.validator
    @without_delay_working_days.validator
    @facilitators.validator
    @area_meetings_per_year.validator
    def _check_count(self, attribute: attrs.Attribute[int], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise InvalidModelError("Settings", attribute.name, value, "a whole number >= 0")


Check = Callable[[Case, StepTaken, Settings], tuple[Refusal, ...]]
"""A guard: the refusals for a record about to be added to a case (empty when it may go)."""

Duties = Callable[[Case, dt.date, Settings], tuple[Obligation, ...]]
"""An obligation rule's duties in a case on a given day."""

_NO: Final[tuple[Refusal, ...]] = ()


def _render(value: object, language: str) -> str:
    if isinstance(value, LabelledEnum):
        return value.label(language)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (tuple, frozenset, set, list)):
        return ", ".join(sorted(_render(v, language) for v in value))
    return str(value)


def _plain(value: object) -> object:
    if isinstance(value, LabelledEnum):
        return value.value
    if isinstance(value, (frozenset, set, list)):
        return tuple(sorted(_plain(v) for v in value))  # type: ignore[type-var]
    return value


@attrs.frozen(kw_only=True, eq=False)
class Rule:
    """One rule of the catalogue.

    Rules compare by identity and are used as keys; two rules must not share a *code* within a
    workflow. *messages* maps each refusal key to its words in fi/sv/en, with ``{name}``
    placeholders for the refusal's parameters.
    """

    code: str
    group: RuleGroup
    title: Labels
    basis: str
    source: str
    kinds: frozenset[RuleKind]
    messages: Mapping[str, Labels] = attrs.field(factory=dict)
    check: Check | None = None
    duties: Duties | None = None

    @property
    def configurable(self) -> bool:
        """Whether a municipality may switch the rule off (practice rules only)."""
        return self.group is RuleGroup.PRACTICE

    @property
    def is_guard(self) -> bool:
        """Whether the rule refuses steps."""
        return RuleKind.GUARD in self.kinds

    @property
    def is_obligation(self) -> bool:
        """Whether the rule creates duties."""
        return RuleKind.OBLIGATION in self.kinds

    def refuse(self, key: str, **params: object) -> Refusal:
        """The :class:`~openco.errors.Refusal` for *key*, its message filled in with *params*.

        Raises:
            KeyError: the rule has no message *key*.
        """
        words = self.messages[key]
        texts = {
            language: getattr(words, language).format(
                **{name: _render(value, language) for name, value in params.items()}
            )
            for language in ("fi", "sv", "en")
        }
        return Refusal(
            rule=self.code,
            key=key,
            params=tuple((name, _plain(value)) for name, value in params.items()),
            **texts,
        )


# --------------------------------------------------------------------------- helpers


def _consent_ok(case: Case, consent: Consent) -> bool:
    """Whether *consent* is given for the case's child by the child or a custodian of theirs."""
    child = case.concern.child
    if consent.subject != child or consent.family != case.family.id:
        return False
    if consent.giver is ConsentGiver.SELF:
        return consent.given_by == child
    return case.family.is_custodian(consent.given_by, child)


def _consented(
    case: Case, record: StepTaken, unit: UnitId, scopes: frozenset[DataScope], on: dt.date
) -> bool:
    """Whether consents of the case (or given at this step) cover *scopes* for *unit* on *on*."""
    for scope in scopes:
        if not any(
            c.covers(unit, scope, on=on) and _consent_ok(case, c)
            for c in (*case.consents, *record.consents)
        ):
            return False
    return True


_CONCERN_ONLY: Final = frozenset({DataScope.CONCERN})


def _inside_case(case: Case) -> set[PersonId]:
    """The workers involved in the case so far (facilitators apart)."""
    inside: set[PersonId] = {case.concern.worker, case.contact}
    inside.update(r.actor for r in case.history if r.role is not ActorRole.FACILITATOR)
    return inside


# --------------------------------------------------------------------------- workflow rules


W1 = Rule(
    code="W1",
    group=RuleGroup.WORKFLOW,
    title=Labels(
        "Askel on mahdollinen vain tietyistä vaiheista",
        "Ett steg är möjligt bara från vissa skeden",
        "A step is possible only from certain stages",
    ),
    basis="The transition table of the workflow",
    source="openco.process.transitions (the table in docs/workflow.md)",
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "stage": Labels(
            "Askel '{step}' ei ole mahdollinen, kun asian vaihe on '{stage}'.",
            "Steget '{step}' är inte möjligt när ärendet är i skedet '{stage}'.",
            "The step '{step}' is not possible while the case is '{stage}'.",
        ),
        "opening": Labels(
            "Asia avataan vain kerran, huolesta; askel '{step}' ei voi avata sitä.",
            "Ett ärende öppnas bara en gång, från en oro; steget '{step}' kan inte öppna det.",
            "A case is opened once, from a concern; the step '{step}' cannot open it.",
        ),
    },
)

W2 = Rule(
    code="W2",
    group=RuleGroup.WORKFLOW,
    title=Labels(
        "Askel kirjaa oikeanlaisen tiedon",
        "Ett steg registrerar rätt slags uppgift",
        "A step records the right kind of detail",
    ),
    basis="The detail types of the workflow (DEFAULT_DETAILS)",
    source="openco.process.transitions",
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "detail": Labels(
            "Askel '{step}' tarvitsee tiedon tyyppiä {expected}; saatiin {got}.",
            "Steget '{step}' behöver en uppgift av typen {expected}; fick {got}.",
            "The step '{step}' needs a detail of type {expected}; got {got}.",
        ),
    },
)

W3 = Rule(
    code="W3",
    group=RuleGroup.WORKFLOW,
    title=Labels(
        "Kirjaukset etenevät ajassa eteenpäin",
        "Registreringarna går framåt i tiden",
        "Records go forward in time",
    ),
    basis="The history is a chronological record",
    source="openco.process.case",
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "date": Labels(
            "Päivä {on} on ennen edellistä kirjausta ({last_on}).",
            "Dagen {on} är före den föregående registreringen ({last_on}).",
            "The day {on} is before the previous record ({last_on}).",
        ),
        "assessment_date": Labels(
            "Arvion päivä {assessed_on} ei ole välillä {previous} - {on}.",
            "Bedömningens dag {assessed_on} ligger inte mellan {previous} och {on}.",
            "The assessment's day {assessed_on} is not between {previous} and {on}.",
        ),
    },
)

# --------------------------------------------------------------------------- legal rules


def _pending_notification(  # noqa: C901 - one walk through the history, each step's effect in turn
    case: Case, settings: Settings
) -> tuple[dt.date, PersonId, bool, bool] | None:
    """Whether a notification is owed: since when, by whom, whether a joint contact can do.

    Triggers are a great concern, a finding that the criteria are met, and a police
    notification; a notification clears them all, and a joint contact clears them if it was
    made without delay and no offence is suspected.
    """
    since: dt.date | None = None
    owner: PersonId = case.concern.worker
    offence = False
    great = False
    if case.concern.zone is ConcernZone.GREAT:
        since, great = case.history[0].on, True
    for record in case.history:
        step, detail = record.step, record.detail
        if step is Step.NOTIFY_CHILD_WELFARE:
            since, offence, great = None, False, False
        elif step is Step.CONTACT_JOINTLY:
            if (
                since is not None
                and not offence
                and record.on
                <= schedule.add_working_days(since, settings.without_delay_working_days)
            ):
                since, great = None, False
        elif (
            step is Step.RECOGNISE_CRITERIA
            or step is Step.NOTIFY_POLICE
            or (isinstance(detail, ZoneAssessment) and detail.zone is ConcernZone.GREAT)
        ):
            if since is None:
                since, owner = record.on, record.actor
            if isinstance(detail, ZoneAssessment):
                great = True
            if step is Step.NOTIFY_POLICE or (
                isinstance(detail, CriteriaMet) and detail.suspected_offence is not None
            ):
                offence = True
    if since is None:
        return None
    return since, owner, offence, great


def _notify_duties(case: Case, today: dt.date, settings: Settings) -> tuple[Obligation, ...]:
    pending = _pending_notification(case, settings)
    if pending is None:
        return ()
    since, owner, _, _ = pending
    return (
        Obligation(
            rule="L1",
            duty=Duty.NOTIFY_WITHOUT_DELAY,
            owed_by=owner,
            owed_by_role=ActorRole.WORKER,
            due=since,
            overdue=today > since,
        ),
    )


L1 = Rule(
    code="L1",
    group=RuleGroup.LEGAL,
    title=Labels(
        "Ilmoitusvelvollinen ilmoittaa viipymättä; mikään ei estä ilmoitusta",
        "Den anmälningsskyldiga anmäler utan dröjsmål; ingenting hindrar anmälan",
        "A mandated notifier notifies without delay; nothing blocks a notification",
    ),
    basis=(
        "Child Welfare Act (lastensuojelulaki 417/2007) §25 (1): notify 'without delay and "
        "notwithstanding confidentiality'"
    ),
    source="THL, Lastensuojelun käsikirja: Lastensuojeluilmoitus (domain brief §6.2, [S29]-[S31])",
    kinds=frozenset({RuleKind.OBLIGATION}),
    duties=_notify_duties,
)


def _check_joint_contact(case: Case, record: StepTaken, _settings: Settings) -> tuple[Refusal, ...]:
    detail = record.detail
    if not isinstance(detail, JointContact):
        return _NO
    refusals: tuple[Refusal, ...] = ()
    child = case.concern.child
    person = detail.with_person
    if person != child:
        members = {m.id for m in case.family.members}
        if person not in members:
            refusals += (L2.refuse("not_family", person=person),)
        elif not case.family.is_custodian(person, child):
            refusals += (L2.refuse("non_custodian", person=person),)
    if detail.reasons is None:
        refusals += (L2.refuse("reasons"),)
    return refusals


L2 = Rule(
    code="L2",
    group=RuleGroup.LEGAL,
    title=Labels(
        "Yhteinen yhteydenotto korvaa ilmoituksen vain lapsen tai huoltajan kanssa, "
        "viipymättä ja perustellen",
        "En gemensam kontakt ersätter anmälan bara med barnet eller vårdnadshavaren, "
        "utan dröjsmål och med motivering",
        "A joint contact replaces a notification only with the child or a custodian, "
        "without delay and with reasons stated",
    ),
    basis=(
        "Child Welfare Act §25a (as amended by 1302/2014): contact social services 'together "
        "with the child or the parent', 'without delay', 'stating the reasons'"
    ),
    source=(
        "THL, Lastensuojelun käsikirja: Yhteydenotto sosiaalihuoltoon tuen tarpeen "
        "arvioimiseksi (domain brief §6.3, [S33]-[S36])"
    ),
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "non_custodian": Labels(
            "Yhteydenotto vanhemman {person} kanssa, jolla ei ole huoltajuutta, ei täytä "
            "25 a §:n velvollisuutta: tee ilmoitus tai ota yhteys lapsen tai huoltajan kanssa.",
            "En kontakt med föräldern {person}, som saknar vårdnad, uppfyller inte skyldigheten "
            "i 25 a §: gör en anmälan eller kontakta tillsammans med barnet eller "
            "vårdnadshavaren.",
            "A joint contact with {person}, a parent without custody, does not fulfil §25a: "
            "notify, or contact social services with the child or a custodian.",
        ),
        "not_family": Labels(
            "{person} ei ole lapsi eikä perheen huoltaja; yhteinen yhteydenotto tehdään lapsen "
            "tai huoltajan kanssa.",
            "{person} är varken barnet eller en vårdnadshavare i familjen; en gemensam kontakt "
            "görs med barnet eller vårdnadshavaren.",
            "{person} is neither the child nor a custodian in the family; a joint contact is "
            "made with the child or a custodian.",
        ),
        "reasons": Labels(
            "Yhteydenoton perusteet on kerrottava.",
            "Skälen för kontakten ska anges.",
            "The reasons for the contact must be stated.",
        ),
    },
    check=_check_joint_contact,
)


def _police_duties(case: Case, today: dt.date, _settings: Settings) -> tuple[Obligation, ...]:
    since: dt.date | None = None
    owner: PersonId = case.concern.worker
    for record in case.history:
        if record.step is Step.NOTIFY_POLICE:
            since = None
        elif (
            isinstance(record.detail, CriteriaMet)
            and record.detail.suspected_offence is not None
            and since is None
        ):
            since, owner = record.on, record.actor
    if since is None:
        return ()
    return (
        Obligation(
            rule="L3",
            duty=Duty.NOTIFY_POLICE,
            owed_by=owner,
            owed_by_role=ActorRole.WORKER,
            due=since,
            overdue=today > since,
        ),
    )


L3 = Rule(
    code="L3",
    group=RuleGroup.LEGAL,
    title=Labels(
        "Epäilty seksuaalirikos tai henkeen tai terveyteen kohdistuva rikos: ilmoitus "
        "poliisille ja lastensuojeluilmoitus",
        "Misstänkt sexualbrott eller brott mot liv eller hälsa: anmälan till polisen och "
        "barnskyddsanmälan",
        "A suspected sexual offence or offence against life or health: notify the police "
        "and child welfare",
    ),
    basis=(
        "Child Welfare Act §25 (3); Criminal Code ch. 20 and offences against life or health "
        "with a maximum penalty of at least two years"
    ),
    source=(
        "THL, Lastensuojelun käsikirja: Lastensuojeluilmoitus ja vireilletulo "
        "(domain brief §6.2, [S32])"
    ),
    kinds=frozenset({RuleKind.OBLIGATION}),
    duties=_police_duties,
)


def _check_anonymous(_case: Case, record: StepTaken, _settings: Settings) -> tuple[Refusal, ...]:
    detail = record.detail
    if isinstance(detail, Notification) and detail.anonymous and detail.mandated_notifier:
        return (L4.refuse("anonymous"),)
    return _NO


L4 = Rule(
    code="L4",
    group=RuleGroup.LEGAL,
    title=Labels(
        "Ilmoitusvelvollinen ei voi ilmoittaa nimettömänä; lapselle ja huoltajalle "
        "kertominen kirjataan",
        "Den anmälningsskyldiga kan inte anmäla anonymt; om barnet och vårdnadshavaren fått "
        "veta registreras",
        "A mandated notifier cannot notify anonymously; whether the child and custodian were "
        "told is recorded",
    ),
    basis="Child Welfare Act §25 (1) and §25b (recording of the notification)",
    source="Varkaus: Näin toimit (domain brief §6.2, [S37]); THL [S31]",
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "anonymous": Labels(
            "Ilmoitusvelvollinen ei voi tehdä lastensuojeluilmoitusta nimettömänä.",
            "En anmälningsskyldig kan inte göra en barnskyddsanmälan anonymt.",
            "A mandated notifier cannot make a child welfare notification anonymously.",
        ),
    },
    check=_check_anonymous,
)


def _check_channel(_case: Case, record: StepTaken, _settings: Settings) -> tuple[Refusal, ...]:
    detail = record.detail
    if (
        isinstance(detail, (Notification, PoliceNotification, JointContact))
        and detail.channel is Channel.UNPROTECTED_EMAIL
    ):
        return (L5.refuse("unprotected_email", channel=detail.channel),)
    return _NO


L5 = Rule(
    code="L5",
    group=RuleGroup.LEGAL,
    title=Labels(
        "Ilmoitusta ei koskaan tehdä suojaamattomalla sähköpostilla",
        "En anmälan görs aldrig med oskyddad e-post",
        "A notification is never made by unprotected e-mail",
    ),
    basis="Child Welfare Act §25 with the confidentiality of client data (Act 703/2023)",
    source="THL, Lastensuojelun käsikirja: Lastensuojeluilmoitus (domain brief §6.2, [S31])",
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "unprotected_email": Labels(
            "Kanava '{channel}' ei kelpaa: käytä puhelinta, lomaketta, käyntiä tai suojattua "
            "sähköistä palvelua.",
            "Kanalen '{channel}' duger inte: använd telefon, blankett, besök eller en skyddad "
            "e-tjänst.",
            "The channel '{channel}' is not allowed: use the phone, a form, a visit or a "
            "secure e-service.",
        ),
    },
    check=_check_channel,
)


def _basis_given(basis: StatutoryBasis | None) -> bool:
    return basis is not None


def _consultation_refusals(
    case: Case, record: StepTaken, detail: Consultation, rule: Rule
) -> tuple[Refusal, ...]:
    if not detail.identifying or detail.unit == case.unit:
        return _NO
    if _basis_given(detail.statutory_basis):
        return _NO
    scopes = detail.scopes or _CONCERN_ONLY
    if _consented(case, record, detail.unit, scopes, record.on):
        return _NO
    return (rule.refuse("consent", unit=detail.unit, scopes=scopes),)


def _check_social_services_contact(
    case: Case, record: StepTaken, _settings: Settings
) -> tuple[Refusal, ...]:
    detail = record.detail
    if isinstance(detail, Consultation) and detail.social_services:
        return _consultation_refusals(case, record, detail, L6)
    return _NO


L6 = Rule(
    code="L6",
    group=RuleGroup.LEGAL,
    title=Labels(
        "Yhteydenotto sosiaalihuoltoon suostumuksella, ilman sitä vain lain perusteella",
        "Kontakt med socialvården med samtycke, utan samtycke bara med stöd av lag",
        "Contact social services with consent; without it only on a statutory basis",
    ),
    basis=(
        "Social Welfare Act (sosiaalihuoltolaki 1301/2014) §35: guide the person or, with "
        "consent, contact social services; without consent only if the person cannot look "
        "after themself or the child's interest requires it (§35 (2))"
    ),
    source="Kallio, Salo guidance (domain brief §6.4, [S35], [S36])",
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "consent": Labels(
            "Tunnistettava yhteydenotto sosiaalihuoltoon ({unit}) tarvitsee huoltajan tai "
            "lapsen suostumuksen ({scopes}) tai kirjatun lakiperusteen (SHL 35 § 2 mom.).",
            "En identifierande kontakt med socialvården ({unit}) kräver samtycke av "
            "vårdnadshavaren eller barnet ({scopes}) eller en registrerad laglig grund "
            "(SVL 35 § 2 mom.).",
            "An identifying contact with social services ({unit}) needs the custodian's or the "
            "child's consent ({scopes}) or a recorded statutory basis (SHL §35 (2)).",
        ),
    },
    check=_check_social_services_contact,
)


def _invitation_refusals(case: Case, record: StepTaken, detail: Invitation) -> tuple[Refusal, ...]:
    if _basis_given(detail.statutory_basis):
        return _NO
    return tuple(
        L7.refuse("invite", unit=unit)
        for unit in sorted(detail.units)
        if unit != case.unit and not _consented(case, record, unit, _CONCERN_ONLY, record.on)
    )


def _meeting_refusals(case: Case, record: StepTaken, detail: Meeting) -> tuple[Refusal, ...]:
    invitation = case.invitation
    if invitation is not None and _basis_given(invitation.statutory_basis):
        return _NO
    refusals: tuple[Refusal, ...] = ()
    for participant in detail.participants:
        if participant.role is not MeetingRole.PROFESSIONAL:
            continue
        unit = participant.unit
        if unit is None:
            refusals += (L7.refuse("unit_unknown", person=participant.person),)
        elif unit != case.unit and not _consented(
            case, record, unit, _CONCERN_ONLY, detail.held_on
        ):
            refusals += (L7.refuse("invite", unit=unit),)
    return refusals


def _check_sharing(case: Case, record: StepTaken, _settings: Settings) -> tuple[Refusal, ...]:
    detail = record.detail
    if isinstance(detail, Invitation):
        return _invitation_refusals(case, record, detail)
    if isinstance(detail, Meeting):
        return _meeting_refusals(case, record, detail)
    if isinstance(detail, Consultation) and not detail.social_services:
        return _consultation_refusals(case, record, detail, L7)
    return _NO


L7 = Rule(
    code="L7",
    group=RuleGroup.LEGAL,
    title=Labels(
        "Asiakastietoja jaetaan yksiköiden välillä vain suostumuksella tai lain perusteella",
        "Klientuppgifter delas mellan enheter bara med samtycke eller med stöd av lag",
        "Client data passes between units only with consent or on a statutory basis",
    ),
    basis=(
        "Act on the processing of client data in social and health care (703/2023); "
        "Child Welfare Act §25, §25a and Social Welfare Act §35 (2) override confidentiality"
    ),
    source=(
        "THL, Lastensuojelun käsikirja: Sosiaalihuollon viranomaisen oikeus luovuttaa tietoja "
        "(domain brief §6.5, [S40])"
    ),
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "consent": Labels(
            "Tunnistettava konsultaatio yksikön {unit} kanssa tarvitsee suostumuksen ({scopes}) "
            "tai kirjatun lakiperusteen.",
            "En identifierande konsultation med enheten {unit} kräver samtycke ({scopes}) eller "
            "en registrerad laglig grund.",
            "An identifying consultation with the unit {unit} needs consent ({scopes}) or a "
            "recorded statutory basis.",
        ),
        "invite": Labels(
            "Yksikön {unit} työntekijän kutsuminen tarvitsee lapsen tai huoltajan "
            "voimassa olevan suostumuksen tai kirjatun lakiperusteen.",
            "Att bjuda in en yrkesperson från enheten {unit} kräver ett giltigt samtycke av "
            "barnet eller vårdnadshavaren eller en registrerad laglig grund.",
            "Inviting a professional of the unit {unit} needs a valid consent of the child or a "
            "custodian, or a recorded statutory basis.",
        ),
        "unit_unknown": Labels(
            "Työntekijän {person} yksikkö on kirjattava, jotta suostumus voidaan tarkistaa.",
            "Enheten för yrkespersonen {person} ska registreras så att samtycket kan kontrolleras.",
            "The unit of the professional {person} must be recorded so that consent can be "
            "checked.",
        ),
    },
    check=_check_sharing,
)


L8 = Rule(
    code="L8",
    group=RuleGroup.LEGAL,
    title=Labels(
        "Lapsi on alle 18-vuotias perheen jäsen",
        "Ett barn är en familjemedlem under 18 år",
        "A child is a family member under 18",
    ),
    basis=(
        "Child Welfare Act §6 (a child is under 18), §26 (a child of 12 may apply), §75 "
        "(aftercare until 25)"
    ),
    source="THL [S38]; Lapsiasiavaltuutettu [S58]; domain brief §6.1",
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "not_child": Labels(
            "{child} ei ole alle 18-vuotias päivänä {on}.",
            "{child} är inte under 18 år den {on}.",
            "{child} is not under 18 on {on}.",
        ),
        "not_member": Labels(
            "{child} ei ole perheen {family} jäsen.",
            "{child} är inte medlem i familjen {family}.",
            "{child} is not a member of the family {family}.",
        ),
        "other_family": Labels(
            "Huoli koskee perhettä {concern_family}, ei perhettä {family}.",
            "Oron gäller familjen {concern_family}, inte familjen {family}.",
            "The concern is about the family {concern_family}, not the family {family}.",
        ),
    },
)


def check_opening(case: Case, _record: StepTaken, _settings: Settings) -> tuple[Refusal, ...]:
    """The L8 check of a new case: the concern is about a child of the given family."""
    concern, family = case.concern, case.family
    if concern.family != family.id:
        return (L8.refuse("other_family", concern_family=concern.family, family=family.id),)
    members = {m.id: m for m in family.members}
    child = members.get(concern.child)
    if child is None:
        return (L8.refuse("not_member", child=concern.child, family=family.id),)
    if not _is_child_on(child.birth_date, concern.noticed_on):
        return (L8.refuse("not_child", child=concern.child, on=concern.noticed_on),)
    return _NO


def _is_child_on(birth: dt.date, day: dt.date) -> bool:
    """Born by *day* and under 18 on it (as ``Person.is_child_on``, without relativedelta)."""
    if birth > day:
        return False
    years = day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
    return years < CHILD_AGE_LIMIT


def _initiated_on(case: Case) -> dt.date | None:
    for record in case.history:
        if record.step is Step.CONFIRM_INITIATION:
            return record.on
    return None


def _check_social_services(
    case: Case, record: StepTaken, _settings: Settings
) -> tuple[Refusal, ...]:
    step = record.step
    if step is not Step.CONFIRM_INITIATION and step is not Step.REPORT_ASSESSMENT:
        return _NO
    refusals: tuple[Refusal, ...] = ()
    if record.role is not ActorRole.SOCIAL_SERVICES:
        refusals += (L9.refuse("role", role=record.role),)
    if step is Step.REPORT_ASSESSMENT and _initiated_on(case) is None:
        refusals += (L9.refuse("not_initiated"),)
    return refusals


def _assessment_duties(case: Case, today: dt.date, _settings: Settings) -> tuple[Obligation, ...]:
    initiated = _initiated_on(case)
    if initiated is None:
        return ()
    reached = {r.detail for r in case.history if isinstance(r.detail, Milestone)}
    due = {
        Milestone.URGENCY_ASSESSED: (Duty.ASSESS_URGENCY, initiated),
        Milestone.ASSESSMENT_STARTED: (
            Duty.START_ASSESSMENT,
            schedule.add_working_days(initiated, 7),
        ),
        Milestone.ASSESSMENT_COMPLETED: (
            Duty.COMPLETE_ASSESSMENT,
            schedule.months_after(initiated, 3),
        ),
    }
    return tuple(
        Obligation(
            rule="L9",
            duty=duty,
            owed_by=None,
            owed_by_role=ActorRole.SOCIAL_SERVICES,
            due=when,
            overdue=today > when,
        )
        for milestone, (duty, when) in due.items()
        if milestone not in reached
    )


L9 = Rule(
    code="L9",
    group=RuleGroup.LEGAL,
    title=Labels(
        "Vireille tulleen asian määräajat: kiireellisyys heti, arviointi alkaa 7. arkipäivänä "
        "ja valmistuu 3 kuukaudessa",
        "Tidsfrister för ett inlett ärende: brådskandet genast, bedömningen inleds senast "
        "7:e vardagen och är klar inom 3 månader",
        "Deadlines once a case is initiated: urgency at once, assessment started by the 7th "
        "working day and completed within 3 months",
    ),
    basis=(
        "Child Welfare Act §26 (urgency assessed immediately) and Social Welfare Act §36 "
        "(assessment started at the latest on the 7th working day, completed within 3 months)"
    ),
    source="THL, Lastensuojelun käsikirja (domain brief §6.4, [S38], [S39])",
    kinds=frozenset({RuleKind.GUARD, RuleKind.OBLIGATION}),
    messages={
        "role": Labels(
            "Vain sosiaalihuolto kirjaa vireilletulon ja arvioinnin vaiheet; rooli oli '{role}'.",
            "Bara socialvården registrerar att ärendet inletts och bedömningens skeden; "
            "rollen var '{role}'.",
            "Only social services record the initiation and the assessment's milestones; the "
            "role was '{role}'.",
        ),
        "not_initiated": Labels(
            "Arvioinnin vaihetta ei voi kirjata ennen kuin asia on tullut vireille.",
            "Ett skede i bedömningen kan inte registreras innan ärendet har inletts.",
            "No assessment milestone can be reported before the case is initiated.",
        ),
    },
    check=_check_social_services,
    duties=_assessment_duties,
)

# --------------------------------------------------------------------------- practice rules


def _check_own_assessment(
    case: Case, record: StepTaken, _settings: Settings
) -> tuple[Refusal, ...]:
    if not isinstance(record.detail, ZoneAssessment):
        return _NO
    if record.actor != case.contact:
        return (P10.refuse("own_assessment", actor=record.actor, worker=case.contact),)
    return _NO


P10 = Rule(
    code="P10",
    group=RuleGroup.PRACTICE,
    title=Labels(
        "Vyöhyke on työntekijän oma arvio, ei perheen leima",
        "Zonen är arbetstagarens egen bedömning, inte en etikett på familjen",
        "The zone is the worker's own self-assessment, never a label of the family",
    ),
    basis=(
        "Zones of concern (huolen vyöhykkeistö) describe the worker's own worry and means, "
        "never the family; they are not used to categorise or register families"
    ),
    source=(
        "Eriksson & Arnkil, Stakes/THL; Evangelical Lutheran Church, Trygg församling: "
        "Oroszoner (domain brief §1.1, [S2]-[S5])"
    ),
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "own_assessment": Labels(
            "Vyöhykkeen arvioi asian vastuutyöntekijä {worker} itse, ei {actor}.",
            "Zonen bedöms av ärendets kontaktperson {worker} själv, inte av {actor}.",
            "The zone is assessed by the case's contact worker {worker} themself, not by {actor}.",
        ),
    },
    check=_check_own_assessment,
)


def _check_raising(case: Case, record: StepTaken, _settings: Settings) -> tuple[Refusal, ...]:
    detail = record.detail
    if record.step is not Step.RAISE:
        return _NO
    refusals: tuple[Refusal, ...] = ()
    told = detail.strengths if isinstance(detail, Raising) else ()
    if not case.concern.strengths and not told:
        refusals += (P11.refuse("strengths"),)
    for earlier in reversed(case.history):
        if isinstance(earlier.detail, Preparation):
            if not earlier.detail.opens_dialogue:
                refusals += (P11.refuse("rethink"),)
            break
    return refusals


def _take_up_duties(case: Case, today: dt.date, settings: Settings) -> tuple[Obligation, ...]:
    if case.stage is not Stage.ASSESSED and case.stage is not Stage.PREPARED:
        return ()
    if case.zone is ConcernZone.NONE:
        return ()
    assessed_on = next(
        (r.on for r in reversed(case.history) if isinstance(r.detail, ZoneAssessment)),
        case.opened_on,
    )
    due = schedule.add_working_days(assessed_on, settings.take_up_within_working_days)
    return (
        Obligation(
            rule="P11",
            duty=Duty.TAKE_UP_CONCERN,
            owed_by=case.contact,
            owed_by_role=ActorRole.WORKER,
            due=due,
            overdue=today > due,
        ),
    )


P11 = Rule(
    code="P11",
    group=RuleGroup.PRACTICE,
    title=Labels(
        "Huoli otetaan puheeksi varhain, kunnioittavasti ja apua pyytäen; vahvuudet kirjataan",
        "Oron tas upp tidigt, respektfullt och genom att be om hjälp; styrkor registreras",
        "Concerns are raised early and respectfully, asking for help; strengths are recorded",
    ),
    basis=(
        "Early dialogue: the worker raises their own worry, asks the family's help to ease it, "
        "and rethinks the approach if the anticipated conversation would not open dialogue"
    ),
    source=(
        "THL, Dialoginen huolen puheeksi ottaminen [S1]; Eriksson & Arnkil, Huoli puheeksi, "
        "Stakes Oppaita 60 [S4] (domain brief §2)"
    ),
    kinds=frozenset({RuleKind.GUARD, RuleKind.OBLIGATION}),
    messages={
        "strengths": Labels(
            "Kirjaa myös se, mikä sujuu hyvin, ennen kuin otat huolen puheeksi.",
            "Registrera också det som går bra innan du tar upp oron.",
            "Record what is going well too before taking the concern up.",
        ),
        "rethink": Labels(
            "Valmistelun mukaan lähestymistapa ei avaa dialogia: mieti se uudelleen.",
            "Enligt förberedelsen öppnar tillvägagångssättet ingen dialog: tänk om.",
            "The preparation foresees no dialogue with this approach: rethink it first.",
        ),
    },
    check=_check_raising,
    duties=_take_up_duties,
)


def _notification_pending_without_offence(case: Case, settings: Settings) -> dt.date | None:
    pending = _pending_notification(case, settings)
    if pending is None:
        return None
    since, _, offence, great = pending
    return None if offence or great else since


def _joint_contact_duties(case: Case, today: dt.date, settings: Settings) -> tuple[Obligation, ...]:
    since = _notification_pending_without_offence(case, settings)
    if since is None:
        return ()
    due = schedule.add_working_days(since, settings.without_delay_working_days)
    return (
        Obligation(
            rule="P12",
            duty=Duty.OFFER_JOINT_CONTACT,
            owed_by=case.contact,
            owed_by_role=ActorRole.WORKER,
            due=due,
            overdue=today > due,
        ),
    )


P12 = Rule(
    code="P12",
    group=RuleGroup.PRACTICE,
    title=Labels(
        "Yhteinen yhteydenotto perheen kanssa on ensisijainen, kun laki sen sallii",
        "En gemensam kontakt med familjen är förstahandsvalet när lagen tillåter det",
        "Prefer a joint contact with the family to a one-sided notification where the law allows",
    ),
    basis=(
        "Child Welfare Act §25a makes the joint contact a lawful way to fulfil the duty; the "
        "dialogic methods prefer doing things with the family, not about them"
    ),
    source="THL [S33]; domain brief §6.3 and §8.4",
    kinds=frozenset({RuleKind.OBLIGATION}),
    duties=_joint_contact_duties,
)


def _meeting_of(case: Case, detail: object) -> Meeting | Refusal | None:
    """The meeting a record says the family took part in, a refusal, or None if none."""
    if isinstance(detail, Meeting):
        return detail
    if isinstance(detail, FollowUp):
        return detail.meeting
    if isinstance(detail, Plan):
        meeting = case.meeting
        if meeting is None or detail.meeting != meeting.id:
            return P13.refuse("plan_meeting", meeting=detail.meeting)
        if detail.family != case.family.id:
            return P13.refuse("other_family", family=detail.family)
        return meeting
    return None


def _check_family_present(
    case: Case, record: StepTaken, _settings: Settings
) -> tuple[Refusal, ...]:
    meeting = _meeting_of(case, record.detail)
    if meeting is None:
        return _NO
    if isinstance(meeting, Refusal):
        return (meeting,)
    if meeting.family != case.family.id:
        return (P13.refuse("other_family", family=meeting.family or "-"),)
    if not meeting.family_present:
        return (P13.refuse("family_absent", meeting=meeting.id),)
    return _NO


P13 = Rule(
    code="P13",
    group=RuleGroup.PRACTICE,
    title=Labels(
        "Ei mitään perheestä ilman perhettä",
        "Ingenting om familjen utan familjen",
        "Nothing about the family without the family",
    ),
    basis=(
        "Open Dialogue and network meetings: decisions are made with the family present; no "
        "talking about the family behind their backs; everyone present is heard"
    ),
    source=(
        "Open Dialogue Australia, Principles [S12]; SOLAR toolkit [S13]; Seikkula, Arnkil & "
        "Eriksson 2003 [S6] (domain brief §4)"
    ),
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "family_absent": Labels(
            "Palaverissa {meeting} ei ollut lasta eikä vanhempaa: perheen asioista sovitaan "
            "perheen kanssa.",
            "Varken barnet eller en förälder deltog i mötet {meeting}: det som gäller familjen "
            "avtalas med familjen.",
            "Neither the child nor a parent took part in the meeting {meeting}: what concerns "
            "the family is agreed with the family.",
        ),
        "plan_meeting": Labels(
            "Suunnitelma on sovittava pidetyssä palaverissa perheen kanssa; palaveria "
            "{meeting} ei ole kirjattu tähän asiaan.",
            "Planen ska göras upp i ett hållet möte med familjen; mötet {meeting} är inte "
            "registrerat i ärendet.",
            "A plan is agreed in a meeting held with the family; the meeting {meeting} is not "
            "the one recorded in this case.",
        ),
        "other_family": Labels(
            "Kirjaus koskee perhettä {family}, ei tämän asian perhettä.",
            "Registreringen gäller familjen {family}, inte ärendets familj.",
            "The record is about the family {family}, not this case's family.",
        ),
    },
    check=_check_family_present,
)


def _check_anticipation_meeting(
    meeting: Meeting, case: Case, settings: Settings
) -> tuple[Refusal, ...]:
    refusals: tuple[Refusal, ...] = ()
    interviewers = meeting.with_role(MeetingRole.INTERVIEWER)
    recorders = meeting.with_role(MeetingRole.RECORDER)
    count = len(interviewers) + len(recorders)
    if count != settings.facilitators or not interviewers or not recorders:
        refusals += (P14.refuse("facilitators", count=count, needed=settings.facilitators),)
    inside = _inside_case(case)
    for facilitator in (*interviewers, *recorders):
        if facilitator.person in inside or (
            facilitator.unit is not None and facilitator.unit == case.unit
        ):
            refusals += (P14.refuse("outside", person=facilitator.person),)
    if not meeting.speaking_order:
        refusals += (P14.refuse("order_missing"),)
    else:
        professional_spoke = False
        for person in meeting.speaking_order:
            role = meeting.role_of(person)
            if role is None or role.is_facilitator:
                continue
            if role.is_professional:
                professional_spoke = True
            elif professional_spoke:
                refusals += (P14.refuse("order", person=person),)
                break
    return refusals


def _check_anticipation(case: Case, record: StepTaken, settings: Settings) -> tuple[Refusal, ...]:
    detail = record.detail
    if isinstance(detail, Meeting):
        if detail.kind is MeetingKind.ANTICIPATION_DIALOGUE:
            return _check_anticipation_meeting(detail, case, settings)
        return _NO
    if not isinstance(detail, Plan):
        return _NO
    refusals: tuple[Refusal, ...] = ()
    if not detail.items:
        refusals += (P14.refuse("no_items"),)
    for item in detail.items:
        if item.due is None:
            refusals += (P14.refuse("item_when", item=item.id),)
    if detail.follow_up_on is None:
        refusals += (P14.refuse("follow_up"),)
    return refusals


def _follow_up_duties(case: Case, today: dt.date, settings: Settings) -> tuple[Obligation, ...]:
    due: dt.date | None = None
    if case.stage is Stage.PLAN_AGREED and case.plan is not None:
        due = case.plan.follow_up_on
    elif case.stage is Stage.CONTINUING:
        since = next(
            (r.on for r in reversed(case.history) if r.step is Step.CONTINUE), case.last_on
        )
        due = schedule.months_after(since, settings.follow_up_after_months)
    if due is None:
        return ()
    return (
        Obligation(
            rule="P14",
            duty=Duty.HOLD_FOLLOW_UP,
            owed_by=case.contact,
            owed_by_role=ActorRole.WORKER,
            due=due,
            overdue=today > due,
        ),
    )


P14 = Rule(
    code="P14",
    group=RuleGroup.PRACTICE,
    title=Labels(
        "Tulevaisuuden muistelu: kaksi ulkopuolista fasilitaattoria, perhe ja läheiset "
        "puhuvat ensin, tuloksena suunnitelma ja seuranta",
        "Framtidsdialog: två utomstående facilitatorer, familjen och de närstående talar "
        "först, resultatet är en plan och en uppföljning",
        "Anticipation dialogue: two facilitators from outside the case, family and close "
        "network speak first, the output is a plan with a follow-up",
    ),
    basis=(
        "Anticipation dialogues (tulevaisuuden muistelu): two facilitators not involved in the "
        "case, one interviewing and one writing; the family and their network are interviewed "
        "before the professionals; the output is a concrete plan (what, who, with whom, when) "
        "and a follow-up meeting"
    ),
    source=(
        "Innokylä, Tulevaisuuden muistelu [S8]; Seikkula & Arnkil, Dialogical Meetings in "
        "Social Networks [S7]; Laitila 2015 on Vantaa's network consultants [S10] "
        "(domain brief §3)"
    ),
    kinds=frozenset({RuleKind.GUARD, RuleKind.OBLIGATION}),
    messages={
        "facilitators": Labels(
            "Tulevaisuuden muistelussa on oltava {needed} fasilitaattoria, haastattelija ja "
            "kirjaaja; nyt {count}.",
            "En framtidsdialog ska ha {needed} facilitatorer, en intervjuare och en som "
            "antecknar; nu {count}.",
            "An anticipation dialogue has {needed} facilitators, an interviewer and a "
            "recorder; there are {count}.",
        ),
        "outside": Labels(
            "Fasilitaattori {person} on mukana asiassa; fasilitaattorit tulevat asian "
            "ulkopuolelta.",
            "Facilitatorn {person} är involverad i ärendet; facilitatorerna kommer utifrån.",
            "The facilitator {person} is involved in the case; facilitators come from outside it.",
        ),
        "order_missing": Labels(
            "Kirjaa puheenvuorojen järjestys: perhe ja läheiset puhuvat ennen ammattilaisia.",
            "Registrera talordningen: familjen och de närstående talar före yrkespersonerna.",
            "Record the speaking order: the family and close network speak before the "
            "professionals.",
        ),
        "order": Labels(
            "{person} puhui ammattilaisten jälkeen; perhe ja läheiset puhuvat ensin.",
            "{person} talade efter yrkespersonerna; familjen och de närstående talar först.",
            "{person} spoke after the professionals; the family and close network speak first.",
        ),
        "no_items": Labels(
            "Suunnitelmassa on oltava ainakin yksi sovittu asia.",
            "Planen ska ha minst en överenskommen punkt.",
            "A plan has at least one item.",
        ),
        "item_when": Labels(
            "Kohdasta {item} puuttuu aika: kuka tekee mitä, kenen kanssa ja milloin.",
            "Punkten {item} saknar tid: vem gör vad, med vem och när.",
            "The item {item} has no date: who does what, with whom and when.",
        ),
        "follow_up": Labels(
            "Sovi seurantapalaverin päivä jo palaverissa.",
            "Bestäm dagen för uppföljningsmötet redan på mötet.",
            "Set the follow-up meeting's date in the meeting itself.",
        ),
    },
    check=_check_anticipation,
    duties=_follow_up_duties,
)


def _check_close_network(case: Case, record: StepTaken, _settings: Settings) -> tuple[Refusal, ...]:
    detail = record.detail
    if not isinstance(detail, Meeting):
        return _NO
    chosen = case.invitation.close_network if case.invitation is not None else frozenset()
    return tuple(
        P15.refuse("not_chosen", person=p.person)
        for p in detail.participants
        if p.role is MeetingRole.CLOSE_NETWORK and p.person not in chosen
    )


P15 = Rule(
    code="P15",
    group=RuleGroup.PRACTICE,
    title=Labels(
        "Läheiset kutsutaan perheen suostumuksella",
        "De närstående bjuds in med familjens samtycke",
        "The close network is invited with the family's agreement",
    ),
    basis=(
        "The family decides whom of their close network to invite; close persons may take on "
        "items of the plan; services involve relatives and close persons where needed"
    ),
    source="Innokylä [S8]; Seikkula & Arnkil [S7]; Social Welfare Act §41 [S-41]",
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "not_chosen": Labels(
            "Perhe ei ole valinnut läheistä {person} kutsuttavaksi.",
            "Familjen har inte valt att bjuda in den närstående {person}.",
            "The family did not choose {person} among the close network to invite.",
        ),
    },
    check=_check_close_network,
)


def _check_responsible(case: Case, record: StepTaken, _settings: Settings) -> tuple[Refusal, ...]:
    detail = record.detail
    if isinstance(detail, Handover):
        if detail.to == case.contact:
            return (P16.refuse("same_worker", worker=detail.to),)
        return _NO
    if not isinstance(detail, Plan):
        return _NO
    eligible: set[PersonId] = {m.id for m in case.family.members}
    if case.meeting is not None:
        eligible.update(case.meeting.people)
    if case.invitation is not None:
        eligible.update(case.invitation.close_network)
    return tuple(
        P16.refuse("responsible", item=item.id, person=item.responsible)
        for item in detail.items
        if item.responsible not in eligible
    )


def _item_duties(case: Case, today: dt.date, settings: Settings) -> tuple[Obligation, ...]:
    plan = case.plan
    if plan is None or case.stage is Stage.CLOSED:
        return ()
    horizon = schedule.days_after(today, settings.reminder_days)
    family = {m.id for m in case.family.members}
    network = case.invitation.close_network if case.invitation is not None else frozenset()
    duties = []
    for item in plan.items:
        if item.status is not ItemStatus.OPEN or item.due is None or item.due > horizon:
            continue
        if item.responsible == case.contact:
            role = ActorRole.WORKER
        elif item.responsible in family:
            role = ActorRole.FAMILY
        elif item.responsible in network:
            role = ActorRole.CLOSE_NETWORK
        else:
            role = ActorRole.COLLEAGUE
        duties.append(
            Obligation(
                rule="P16",
                duty=Duty.COMPLETE_PLAN_ITEM,
                owed_by=item.responsible,
                owed_by_role=role,
                due=item.due,
                overdue=today > item.due,
                ref=item.id,
            )
        )
    return tuple(duties)


P16 = Rule(
    code="P16",
    group=RuleGroup.PRACTICE,
    title=Labels(
        "Jatkuvuus ja turvallisuus: jokaisella sovitulla asialla on nimetty vastuuhenkilö, "
        "siirrot ovat näkyviä",
        "Kontinuitet och trygghet: varje punkt har en namngiven ansvarig, överlämningar är synliga",
        "Continuity and safety: every plan item has a named responsible person; hand-overs "
        "are explicit",
    ),
    basis=(
        "Open Dialogue: responsibility and psychological continuity; each plan item has a "
        "responsible person who took part or belongs to the family's network"
    ),
    source="SOLAR toolkit, Open Dialogue principles [S13]; domain brief §4 and §8.4",
    kinds=frozenset({RuleKind.GUARD, RuleKind.OBLIGATION}),
    messages={
        "responsible": Labels(
            "Kohdan {item} vastuuhenkilö {person} ei ollut palaverissa eikä kuulu perheeseen "
            "tai sen läheisiin.",
            "Den ansvariga {person} för punkten {item} deltog inte i mötet och hör inte till "
            "familjen eller dess närstående.",
            "The person responsible for {item}, {person}, neither took part nor belongs to the "
            "family or its close network.",
        ),
        "same_worker": Labels(
            "{worker} on jo asian vastuutyöntekijä.",
            "{worker} är redan ärendets kontaktperson.",
            "{worker} is already the case's contact worker.",
        ),
    },
    check=_check_responsible,
    duties=_item_duties,
)


def _no_duties(_case: Case, _today: dt.date, _settings: Settings) -> tuple[Obligation, ...]:
    # Area meetings are owed by an area, not by a case: see worklist.area_obligations().
    return ()


P17 = Rule(
    code="P17",
    group=RuleGroup.PRACTICE,
    title=Labels(
        "Alueen toimijat kokoontuvat noin kahdesti vuodessa; rakenteelliset puutteet "
        "nostetaan esiin varhain",
        "Områdets aktörer möts ungefär två gånger om året; strukturella brister lyfts fram tidigt",
        "An area's actors meet about twice a year; structural shortcomings are raised early",
    ),
    basis="Area cooperation meetings (aluepalaverit) of the early open cooperation model",
    source="The Rovaniemi VAY brief, Vaaralampi/Ounasrinne area work (domain brief §8.1 #6)",
    kinds=frozenset({RuleKind.OBLIGATION}),
    duties=_no_duties,
)

CATALOGUE: Final[tuple[Rule, ...]] = (
    L1, L2, L3, L4, L5, L6, L7, L8, L9,
    P10, P11, P12, P13, P14, P15, P16, P17,
    W1, W2, W3,
)  # fmt: skip
"""Every rule openco knows, legal first, then good practice, then workflow integrity."""

RULES: Final[Mapping[str, Rule]] = {rule.code: rule for rule in CATALOGUE}
"""The catalogue by code."""
