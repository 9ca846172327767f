"""The Finnish, Swedish and English messages of the model's refusals.

A refusal of the model (:class:`~openco.errors.InvalidModelError`) has a *code* that says what
kind of refusal it is and a message in each language, built here from the class and field
names in words and the code's sentence. A worker who typed a value then reads, in their own
language, which field is wrong and what it takes, and never the value itself (it may be
personal data).

Every code's sentences are in :data:`CODES`; every class and field of the model has its words in
:data:`OWNERS` and :data:`FIELDS` (a test keeps them complete).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from typing import Final

__all__ = ["CODES", "FIELDS", "OWNERS", "render"]

Words = tuple[str, str, str]
"""Finnish, Swedish and English."""

CODES: Final[Mapping[str, Words]] = {
    "invalid": ("arvo ei kelpaa.", "värdet godtas inte.", "the value is not allowed."),
    "missing": ("tieto puuttuu.", "uppgiften saknas.", "missing."),
    "identifier": (
        (
            "anna tunniste: 1–128 kirjainta, numeroa tai merkkiä ._:@-, alussa kirjain tai "
            "numero, ei kahta pistettä peräkkäin."
        ),
        (
            "ange en identifierare: 1–128 bokstäver, siffror eller tecknen ._:@-, först en "
            "bokstav eller siffra, inte två punkter i rad."
        ),
        (
            "give an id of 1-128 letters, digits or ._:@-, starting with a letter or digit, "
            "without two dots in a row."
        ),
    ),
    "identity_code": (
        "henkilötunnusta ei saa käyttää tunnisteena: käytä pseudonyymiä tietueen tunnistetta.",
        (
            "en personbeteckning får inte användas som identifierare: använd en pseudonym "
            "identifierare för posten."
        ),
        "a personal identity code must not be used as an id: use a pseudonymous record id.",
    ),
    "text": ("kirjoita tekstiä (ei tyhjä).", "skriv en text (inte tom).", "write a text."),
    "date": ("anna päivämäärä.", "ange ett datum.", "give a date."),
    "boolean": ("valitse kyllä tai ei.", "välj ja eller nej.", "choose yes or no."),
    "choice": (
        "valitse jokin näistä: {options}.",
        "välj ett av följande: {options}.",
        "choose one of: {options}.",
    ),
    "list": (
        "anna luettelo, ei yksittäistä arvoa.",
        "ange en lista, inte ett enskilt värde.",
        "give a list, not a single value.",
    ),
    "element": (
        "luettelossa on väärää tietoa.",
        "listan innehåller fel slags uppgift.",
        "the list holds a value of the wrong kind.",
    ),
    "unique": (
        "sama tieto on annettu kahdesti.",
        "samma uppgift har angetts två gånger.",
        "the same value is given twice.",
    ),
    "non_empty": ("anna vähintään yksi.", "ange minst en.", "give at least one."),
    "not_before": (
        "päivämäärän on oltava sama tai myöhäisempi kuin {limit}.",
        "datumet ska vara samma som eller senare än {limit}.",
        "the date must be on or after {limit}.",
    ),
    "not_after": (
        "päivämäärän on oltava sama tai aikaisempi kuin {limit}.",
        "datumet ska vara samma som eller tidigare än {limit}.",
        "the date must be on or before {limit}.",
    ),
    "after": (
        "päivämäärän on oltava myöhäisempi kuin {limit}.",
        "datumet ska vara senare än {limit}.",
        "the date must be after {limit}.",
    ),
    "whole_number": (
        "anna kokonaisluku väliltä {low}–{high}.",
        "ange ett heltal mellan {low} och {high}.",
        "give a whole number from {low} to {high}.",
    ),
    "language_code": (
        "anna kielikoodi (ISO 639: 2–3 pientä kirjainta, esim. fi, sv, ar).",
        "ange en språkkod (ISO 639: 2–3 små bokstäver, t.ex. fi, sv, ar).",
        "give a language code (ISO 639: 2-3 lower-case letters, e.g. fi, sv, ar).",
    ),
    "member": (
        "henkilö ei ole perheen jäsen.",
        "personen hör inte till familjen.",
        "not a member of the family.",
    ),
    "participant": (
        "henkilö ei ole palaverin osallistuja.",
        "personen deltar inte i mötet.",
        "not a participant of the meeting.",
    ),
    "assessor_not_worker": (
        "arvion tekee huolen oma työntekijä: vyöhyke kuvaa työntekijän omaa huolta, ei toisen.",
        "bedömningen görs av orons egen arbetstagare: zonen beskriver hens egen oro.",
        "the assessment is the concern's own worker's: the zone describes their own worry.",
    ),
    "order": (
        "päivämäärä on aiempi kuin edellinen.",
        "datumet är tidigare än det föregående.",
        "the date is earlier than the one before.",
    ),
    "custody_order": (
        "huoltajan on oltava lasta vanhempi.",
        "vårdnadshavaren ska vara äldre än barnet.",
        "the custodian must be older than the child.",
    ),
    "subzone_not_grey": (
        "annetaan vain harmaalle vyöhykkeelle.",
        "anges bara för den grå zonen.",
        "given only for the grey zone.",
    ),
    "unit_not_worker": (
        "annetaan vain työntekijälle.",
        "anges bara för en arbetstagare.",
        "given only for a worker.",
    ),
    "family_meeting_needs_family": (
        "perheen kanssa pidettävälle palaverille tarvitaan perhe.",
        "ett möte med en familj behöver familjen.",
        "a meeting with a family needs the family.",
    ),
    "explain_other": (
        "kerro syy sanoin, kun valittu syy on 'muu syy'.",
        "beskriv skälet med ord när det valda skälet är 'annat skäl'.",
        "say the reason in words when the reason chosen is 'other'.",
    ),
    "absent_custodian_present": (
        "huoltajien poissaolon syytä ei kirjata, kun huoltaja osallistuu palaveriin.",
        "skälet till vårdnadshavarnas frånvaro registreras inte när en vårdnadshavare deltar.",
        "no reason for the custodians' absence is recorded when a custodian takes part.",
    ),
    "area_meeting_has_no_family": (
        "aluepalaverilla ei ole perhettä.",
        "ett områdesmöte har ingen familj.",
        "an area meeting has no family.",
    ),
    "area_meeting_needs_area": (
        "aluepalaverille tarvitaan alue.",
        "ett områdesmöte behöver ett område.",
        "an area meeting needs an area.",
    ),
    "due_with_start": (
        "jatkuvalla tai toistuvalla kohdalla ei ole määräpäivää: anna päättymispäivä.",
        "en fortlöpande eller återkommande punkt har inget sista datum: ange ett slutdatum.",
        "an ongoing or recurring item has no due date: give an end date instead.",
    ),
    "needs_start": (
        "anna ensin alkupäivä.",
        "ange först ett startdatum.",
        "give a start date first.",
    ),
    "helper_is_responsible": (
        "vastuuhenkilö ei ole samalla oma apunsa.",
        "den ansvariga personen är inte samtidigt sin egen hjälp.",
        "the responsible person is not also a helper.",
    ),
    "outcome_while_open": (
        "tulos kirjataan, kun kohta on tehty tai siitä on luovuttu.",
        "resultatet antecknas när punkten är gjord eller slopad.",
        "the outcome is recorded once the item is done or dropped.",
    ),
    "custody_self": (
        "lapsi ei ole oma huoltajansa.",
        "barnet är inte sin egen vårdnadshavare.",
        "a child is not their own custodian.",
    ),
    "tie_self": (
        "henkilöllä ei ole suhdetta itseensä.",
        "en person har ingen relation till sig själv.",
        "a person has no tie to themself.",
    ),
    "professional_not_sector": (
        "annetaan vain ammattilaissektorin jäsenelle.",
        "anges bara för en medlem i sektorn yrkespersoner.",
        "given only for a member of the professionals sector.",
    ),
    "support_direction": (
        "tuen lajit annetaan vain, kun tuki suuntautuu perheelle.",
        "stödformer anges bara när stödet går till familjen.",
        "support types are given only when support goes to the family.",
    ),
    "consent_giver": (
        "antajan asema ei vastaa antajaa (itse vai huoltaja).",
        "givarens ställning motsvarar inte givaren (själv eller vårdnadshavare).",
        "the giver's standing does not match who gave it (self or custodian).",
    ),
    "already_withdrawn": (
        "suostumus on jo peruttu.",
        "samtycket är redan återkallat.",
        "the consent is already withdrawn.",
    ),
    "weekdays_not_weekly": (
        "viikonpäivät annetaan vain viikoittaiselle toistolle.",
        "veckodagar anges bara för en upprepning varje vecka.",
        "weekdays are given only for a weekly recurrence.",
    ),
    "born_later": (
        "henkilö ei ollut vielä syntynyt.",
        "personen var inte född ännu.",
        "the person was not yet born.",
    ),
    "unknown_item": (
        "suunnitelmassa ei ole tätä kohtaa.",
        "planen har ingen sådan punkt.",
        "the plan has no such item.",
    ),
    "unknown_map_member": (
        "henkilö ei ole kartan jäsen.",
        "personen finns inte på kartan.",
        "not a member of the map.",
    ),
    "reference": (
        "viittaus ei täsmää muihin tietoihin (ja {more} muuta ongelmaa).",
        "hänvisningen stämmer inte med de andra uppgifterna (och {more} andra problem).",
        "the reference does not match the other records (and {more} more problems).",
    ),
    "unknown_family": (
        "aineistossa ei ole tätä perhettä.",
        "materialet har ingen sådan familj.",
        "the bundle has no such family.",
    ),
    "rrule": (
        (
            "toistuvuus ei kelpaa: sallitut osat FREQ (DAILY, WEEKLY, MONTHLY, YEARLY), "
            "INTERVAL, BYDAY ja COUNT."
        ),
        (
            "upprepningen godtas inte: tillåtna delar är FREQ (DAILY, WEEKLY, MONTHLY, "
            "YEARLY), INTERVAL, BYDAY och COUNT."
        ),
        (
            "the recurrence is not allowed: the parts allowed are FREQ (DAILY, WEEKLY, "
            "MONTHLY, YEARLY), INTERVAL, BYDAY and COUNT."
        ),
    ),
    "count_with_until": (
        "toistuvuudella on joko kertojen määrä tai päättymispäivä, ei molempia.",
        "en upprepning har antingen ett antal gånger eller ett slutdatum, inte båda.",
        "a recurrence has a number of times or an end date, not both.",
    ),
}
"""Each code's sentence; ``{name}`` is filled from the refusal's parameters."""

OWNERS: Final[Mapping[str, Words]] = {
    "Area": ("Alue", "Område", "Area"),
    "Bundle": ("Aineisto", "Materialet", "Bundle"),
    "Concern": ("Huoli", "Oro", "Concern"),
    "Consent": ("Suostumus", "Samtycke", "Consent"),
    "Custody": ("Huoltosuhde", "Vårdnadsförhållande", "Custody"),
    "CustodiansAbsent": (
        "Huoltajien poissaolo",
        "Vårdnadshavarnas frånvaro",
        "Custodians' absence",
    ),
    "Family": ("Perhe", "Familj", "Family"),
    "InterpreterNeed": ("Tulkkaustarve", "Tolkbehov", "Interpreter need"),
    "Meeting": ("Palaveri", "Möte", "Meeting"),
    "MemberTie": ("Verkoston jäsenten suhde", "Relation mellan nätverkets medlemmar", "Tie"),
    "NetworkMap": ("Verkostokartta", "Nätverkskarta", "Network map"),
    "NetworkMember": ("Verkoston jäsen", "Nätverksmedlem", "Network member"),
    "Participant": ("Osallistuja", "Deltagare", "Participant"),
    "Person": ("Henkilö", "Person", "Person"),
    "Plan": ("Suunnitelma", "Plan", "Plan"),
    "PlanItem": ("Suunnitelman kohta", "Punkt i planen", "Plan item"),
    "Professional": ("Työntekijä", "Arbetstagare", "Professional"),
    "Recurrence": ("Toistuvuus", "Upprepning", "Recurrence"),
    "ServiceUnit": ("Yksikkö", "Enhet", "Unit"),
    "StructuralIssue": ("Rakenteellinen puute", "Strukturell brist", "Structural issue"),
    "View": ("Näkemys", "Synpunkt", "View"),
    "ViewNotSought": (
        "Lapsen näkemystä ei selvitetty",
        "Barnets synpunkt inte utredd",
        "Child's view not sought",
    ),
    "ZoneAssessment": ("Huolen arvio", "Bedömning av oron", "Zone assessment"),
}
"""Each class of the model, in words."""

FIELDS: Final[Mapping[str, Words]] = {
    "a": ("ensimmäinen henkilö", "första personen", "first person"),
    "adult": ("aikuinen", "vuxen", "adult"),
    "agreed_on": ("sopimispäivä", "överenskommen den", "agreed on"),
    "area": ("alue", "område", "area"),
    "areas": ("alueet", "områden", "areas"),
    "assessments": ("arviot", "bedömningar", "assessments"),
    "assessor": ("arvion tekijä", "bedömare", "assessor"),
    "b": ("toinen henkilö", "andra personen", "second person"),
    "birth_date": ("syntymäaika", "födelsedatum", "birth date"),
    "child": ("lapsi", "barn", "child"),
    "child_views": ("lapsen näkemykset", "barnets synpunkter", "child's views"),
    "concern": ("huoli", "oro", "concern"),
    "concerns": ("huolet", "oror", "concerns"),
    "consents": ("suostumukset", "samtycken", "consents"),
    "control": ("kontrollin tarve", "behov av kontroll", "need for control"),
    "controller": ("rekisterinpitäjä", "personuppgiftsansvarig", "data controller"),
    "decision": ("tahdonilmaisu", "viljeyttring", "decision"),
    "judged_capable": (
        "työntekijän arvio lapsen kyvystä päättää",
        "arbetstagarens bedömning av barnets förmåga att bestämma",
        "judged able to decide",
    ),
    "people": ("henkilöt", "personer", "people"),
    "count": ("kertojen määrä", "antal gånger", "number of times"),
    "custody": ("huoltosuhteet", "vårdnadsförhållanden", "custody"),
    "custodians_absent": (
        "huoltajien poissaolon syy",
        "skäl till vårdnadshavarnas frånvaro",
        "custodians' absence",
    ),
    "description": ("kuvaus", "beskrivning", "description"),
    "direction": ("tuen suunta", "stödets riktning", "direction of support"),
    "dissents": ("eriävät näkemykset", "avvikande synpunkter", "dissents"),
    "drawn_on": ("piirtämispäivä", "ritad den", "drawn on"),
    "drawn_with": ("piirtäjät", "ritad tillsammans med", "drawn with"),
    "due": ("määräpäivä", "senast", "due date"),
    "explanation": ("selitys", "förklaring", "explanation"),
    "extra_resources": ("lisävoimavarojen tarve", "behov av extra resurser", "extra resources"),
    "families": ("perheet", "familjer", "families"),
    "family": ("perhe", "familj", "family"),
    "focal_person": ("keskushenkilö", "fokusperson", "focal person"),
    "follow_up_on": ("seurantapäivä", "uppföljning den", "follow-up date"),
    "frequency": ("tiheys", "frekvens", "frequency"),
    "given_by": ("antaja", "given av", "given by"),
    "giver": ("antajan asema", "givarens ställning", "given as"),
    "held_on": ("pitopäivä", "hållet den", "held on"),
    "home_area": ("kotialue", "hemområde", "home area"),
    "id": ("tunniste", "identifierare", "id"),
    "in_family_centre": ("perhekeskuksessa", "i familjecentret", "in the family centre"),
    "interpreted_for": ("tulkattavat", "tolkning för", "interpreted for"),
    "interpreter_needs": ("tulkkaustarpeet", "tolkbehov", "interpreter needs"),
    "interval": ("väli", "intervall", "interval"),
    "items": ("kohdat", "punkter", "items"),
    "kind": ("laji", "typ", "kind"),
    "known_since": ("tunnettu alkaen", "känd sedan", "known since"),
    "label": ("nimitys", "benämning", "label"),
    "language": ("kieli", "språk", "language"),
    "mandated_notifier": ("ilmoitusvelvollinen", "anmälningsskyldig", "mandated notifier"),
    "meeting": ("palaveri", "möte", "meeting"),
    "meetings": ("palaverit", "möten", "meetings"),
    "members": ("jäsenet", "medlemmar", "members"),
    "municipality": ("kunta", "kommun", "municipality"),
    "name": ("nimi", "namn", "name"),
    "network_maps": ("verkostokartat", "nätverkskartor", "network maps"),
    "note": ("muistiinpano", "anteckning", "note"),
    "noticed_on": ("havaitsemispäivä", "upptäckt den", "noticed on"),
    "on": ("päivä", "datum", "date"),
    "outcome": ("tulos", "resultat", "outcome"),
    "own_means": ("omat keinot", "egna medel", "own means"),
    "participants": ("osallistujat", "deltagare", "participants"),
    "person": ("henkilö", "person", "person"),
    "plans": ("suunnitelmat", "planer", "plans"),
    "profession": ("ammatti", "yrke", "profession"),
    "professional": ("työntekijä", "arbetstagare", "professional"),
    "professionals": ("työntekijät", "arbetstagare", "professionals"),
    "quality": ("suhteen laatu", "relationens kvalitet", "quality"),
    "raised_by": ("esittäjä", "framförd av", "raised by"),
    "raised_on": ("esittämispäivä", "framförd den", "raised on"),
    "reason": ("syy", "skäl", "reason"),
    "recurrence": ("toistuvuus", "upprepning", "recurrence"),
    "responsible": ("vastuuhenkilö", "ansvarig person", "responsible person"),
    "ring": ("kehä", "ring", "ring"),
    "role": ("rooli", "roll", "role"),
    "scopes": ("tiedot", "uppgifter", "data scopes"),
    "sector": ("sektori", "sektor", "sector"),
    "speaking_order": ("puhejärjestys", "talordning", "speaking order"),
    "start": ("alkupäivä", "startdatum", "start"),
    "day": ("päivä", "dag", "day"),
    "starts_on": ("alkupäivä", "börjar den", "starts on"),
    "status": ("tila", "status", "status"),
    "strengths": ("vahvuudet", "styrkor", "strengths"),
    "structural_issues": ("rakenteelliset puutteet", "strukturella brister", "structural issues"),
    "subject": ("kenen tiedot", "vems uppgifter", "subject"),
    "subzone": ("harmaan vyöhykkeen osa", "del av grå zon", "grey subzone"),
    "support": ("tuen lajit", "stödformer", "support types"),
    "text": ("teksti", "text", "text"),
    "tie": ("suhde", "relation", "tie"),
    "ties": ("suhteet", "relationer", "ties"),
    "trained_facilitator": (
        "koulutettu fasilitaattori",
        "utbildad facilitator",
        "trained facilitator",
    ),
    "unit": ("yksikkö", "enhet", "unit"),
    "units": ("yksiköt", "enheter", "units"),
    "until": ("päättymispäivä", "till och med", "until"),
    "valid_from": ("voimassa alkaen", "giltigt från", "valid from"),
    "valid_until": ("voimassa asti", "giltigt till", "valid until"),
    "views_not_sought": (
        "miksi lapsen näkemystä ei ole",
        "varför barnets synpunkt saknas",
        "views not sought",
    ),
    "weekdays": ("viikonpäivät", "veckodagar", "weekdays"),
    "what": ("mitä tehdään", "vad som görs", "what"),
    "with_whom": ("kenen kanssa", "med vem", "with whom"),
    "withdrawn_on": ("peruttu", "återkallat den", "withdrawn on"),
    "worker": ("työntekijä", "arbetstagare", "worker"),
    "worries": ("huolet", "oro", "worries"),
    "zone": ("vyöhyke", "zon", "zone"),
}
"""Each field of the model, in words (a field name means the same in every class)."""

_LANGUAGES: Final = ("fi", "sv", "en")
_STEP: Final = re.compile(r"([A-Za-z_]+)|\[(\d+)\]")


class Field(str):
    """A parameter that names another field: shown in words, like the field at fault."""

    __slots__ = ()


def _words(table: Mapping[str, Words], name: str, index: int) -> str:
    return table[name][index] if name in table else name


def field_words(field: str, index: int) -> str:
    """A field path such as ``custody[0].adult`` in words: ``huoltosuhteet 1 › aikuinen``."""
    parts: list[str] = []
    for name, position in _STEP.findall(field):
        if name:
            parts.append(_words(FIELDS, name, index))
        elif parts:
            parts[-1] = f"{parts[-1]} {int(position) + 1}"
    return " › ".join(parts) or field


def _label(member: enum.Enum, index: int) -> str:
    label = getattr(member, "label", None)
    return str(label(_LANGUAGES[index])) if callable(label) else str(member.value)


def _shown(value: object, index: int) -> str:
    if isinstance(value, Field):
        return field_words(value, index)
    if isinstance(value, type) and issubclass(value, enum.Enum):
        return ", ".join(_label(member, index) for member in value)
    if isinstance(value, enum.Enum):
        return _label(value, index)
    return str(value)


def render(owner: str, field: str, code: str, params: Mapping[str, object]) -> Words:
    """The refusal's message in Finnish, Swedish and English.

    >>> render("PlanItem", "responsible", "missing", {})[0]
    'Suunnitelman kohta, vastuuhenkilö: tieto puuttuu.'
    >>> render("Concern", "assessments[1].on", "order", {})[2]
    'Concern, assessments 2 › date: the date is earlier than the one before.'
    """
    sentences = CODES.get(code, CODES["invalid"])
    texts = []
    for index in range(3):
        where = f"{_words(OWNERS, owner, index)}, {field_words(field, index)}"
        shown = {name: _shown(value, index) for name, value in params.items()}
        texts.append(f"{where}: {sentences[index].format_map(_Missing(shown))}")
    return texts[0], texts[1], texts[2]


class _Missing(dict[str, str]):
    """Format parameters, missing ones shown as ``…``.

    A parameter the code's sentence names but the call did not give must not fail while an
    error is being reported.
    """

    def __missing__(self, key: str) -> str:
        return "…"
