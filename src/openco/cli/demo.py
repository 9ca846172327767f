"""``openco demo``: tell the Vaaralampi story through the real workflow and write its files.

:func:`tell_story` walks :func:`~openco.demo.vaaralampi_case_steps` step by step with
:func:`openco.process.advance`, shows one refused step, the worklist and the follow-up, and
returns the account in English, Finnish or Swedish. :func:`demo_files` renders everything the
demo writes, in memory; :func:`run_demo` writes it into a directory all or nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Final

import attrs
import click

from openco.analysis import (
    AreaReport,
    Privacy,
    ProfessionalNetwork,
    area_csv,
    area_network,
    compare_maps,
    measure_map,
    measure_maps,
    to_dot,
    to_png,
    to_svg,
)
from openco.analysis.columns import column_label, translated_header
from openco.analysis.diagram import workflow_png, workflow_svg
from openco.analysis.report import FlaggedMaps, html_report
from openco.cli.output import output_directory
from openco.cli.store import write_demo_store
from openco.demo import (
    DemoStep,
    area_population,
    refused_notification,
    vaaralampi_case_steps,
    vaaralampi_records,
    vaaralampi_story,
)
from openco.errors import (
    InvalidArgumentError,
    MissingDependencyError,
    TransitionNotAllowedError,
)
from openco.io import dumps
from openco.model import Bundle, MeetingRole, NetworkMap, PersonId, Ring, TieQuality
from openco.process import (
    DEFAULT_WORKFLOW,
    Case,
    Step,
    advance,
    enabled_steps,
    obligations,
    render_dot,
    render_mermaid,
)

__all__ = ["LANGUAGES", "DemoFiles", "Told", "demo", "demo_files", "run_demo", "tell_story"]

LANGUAGES: Final = ("en", "fi", "sv")
"""The languages the demo tells its story in."""

WORKLIST_DAY: Final = dt.date(2026, 4, 22)
"""The day the demo shows the teacher's worklist on."""

# The demo's own sentences; labels and refusal messages come from openco in the same language.
_T: Final[Mapping[str, Mapping[str, str]]] = {
    "title": {
        "en": "The Vaaralampi story (everyone in it is invented)",
        "fi": "Vaaralammen tarina (kaikki henkilöt ovat keksittyjä)",
        "sv": "Berättelsen från Vaaralampi (alla personer är påhittade)",
    },
    "notice": {
        "en": "{teacher}, a day-care teacher, notices a concern about {child} ({age}) on {on}:",
        "fi": "Varhaiskasvatuksen opettaja {teacher} huolestuu {on} {child}sta ({age} v):",
        "sv": "Förskolläraren {teacher} blir orolig för {child} ({age} år) den {on}:",
    },
    "zones": {
        "en": "Her own assessment on the zones of concern (hers, never a label of the family):",
        "fi": "Hänen oma arvionsa huolen vyöhykkeillä (hänen omansa, ei perheen leima):",
        "sv": "Hennes egen bedömning på oroszonerna (hennes egen, aldrig en stämpel på familjen):",
    },
    "own_means": {"en": "own means", "fi": "omat keinot", "sv": "egna medel"},
    "prepare": {
        "en": "She prepares with the preparation questions ({stage}):",
        "fi": "Hän valmistautuu ennakointikysymyksillä ({stage}):",
        "sv": "Hon förbereder sig med förberedelsefrågorna ({stage}):",
    },
    "raise": {
        "en": 'On {on} she takes it up with {parent}, the custodial parent, and asks: "{help}"',
        "fi": '{on} hän ottaa huolen puheeksi huoltajan, {parent}n, kanssa ja kysyy: "{help}"',
        "sv": 'Den {on} tar hon upp oron med vårdnadshavaren {parent} och frågar: "{help}"',
    },
    "strengths": {"en": "What goes well:", "fi": "Mikä sujuu hyvin:", "sv": "Det som går bra:"},
    "agree": {
        "en": "{parent} agrees to an anticipation dialogue on {on} and invites {invited}. "
        "She consents to sharing the concern with: {units}.",
        "fi": "{parent} suostuu tulevaisuuden muisteluun {on} ja kutsuu mukaan: {invited}. "
        "Hän antaa suostumuksen huolen jakamiseen: {units}.",
        "sv": "{parent} går med på en framtidsdialog den {on} och bjuder in {invited}. "
        "Hon samtycker till att oron delas med: {units}.",
    },
    "meeting": {
        "en": "On {on} {facilitators}, from outside the case, run the dialogue. Speaking order:",
        "fi": "{on} tapaamisen vetävät asiaan kuulumattomat {facilitators}. Puhejärjestys:",
        "sv": "Den {on} leds dialogen av {facilitators}, som står utanför ärendet. Talordning:",
    },
    "plan": {
        "en": "The plan: what, who, with whom, by when (follow-up on {on}):",
        "fi": "Suunnitelma: mitä, kuka, kenen kanssa, mihin mennessä (seuranta {on}):",
        "sv": "Planen: vad, vem, med vem, när (uppföljning den {on}):",
    },
    "with": {"en": "with", "fi": "kanssa", "sv": "med"},
    "by": {"en": "by", "fi": "viimeistään", "sv": "senast"},
    "refused": {
        "en": "Refused: {step} {channel}. The reasons:",
        "fi": "Torjuttu: {step} {channel}. Perusteet:",
        "sv": "Avvisat: {step} {channel}. Skälen:",
    },
    "unchanged": {
        "en": "The case is unchanged: still '{stage}', {records} records.",
        "fi": "Tapaus ei muuttunut: yhä '{stage}', {records} kirjausta.",
        "sv": "Ärendet är oförändrat: fortfarande '{stage}', {records} poster.",
    },
    "statutory": {
        "en": "The statutory track is never blocked: '{step}' is open at every stage, closed "
        "ones too; only its own legal rules apply (not by e-mail, not anonymously).",
        "fi": "Lakisääteistä polkua ei estetä koskaan: '{step}' on mahdollinen joka vaiheessa, "
        "myös suljetussa; vain sen omat lain säännöt pätevät (ei sähköpostilla, ei nimettömänä).",
        "sv": "Det lagstadgade spåret blockeras aldrig: '{step}' är möjlig i varje skede, även "
        "stängda; bara dess egna lagregler gäller (inte per e-post, inte anonymt).",
    },
    "worklist": {
        "en": "The worklist on {on}:",
        "fi": "Työlista {on}:",
        "sv": "Arbetslistan den {on}:",
    },
    "overdue": {"en": "overdue", "fi": "myöhässä", "sv": "försenad"},
    "follow_up": {
        "en": "Follow-up on {on} with {present}: {done} of {items} plan items done.",
        "fi": "Seuranta {on}, mukana {present}: {done}/{items} suunnitelman kohtaa tehty.",
        "sv": "Uppföljning den {on} med {present}: {done} av {items} punkter i planen gjorda.",
    },
    "grew": {
        "en": "The close network grew from {before} to {after} people (new: {gained}); "
        "inner ring {inner_before} -> {inner_after}, supportive ties "
        "{supportive_before} -> {supportive_after}.",
        "fi": "Läheisverkosto kasvoi {before} henkilöstä {after} henkilöön (uudet: {gained}); "
        "sisin kehä {inner_before} -> {inner_after}, tukevat suhteet "
        "{supportive_before} -> {supportive_after}.",
        "sv": "Det nära nätverket växte från {before} till {after} personer (nya: {gained}); "
        "innersta ringen {inner_before} -> {inner_after}, stödjande band "
        "{supportive_before} -> {supportive_after}.",
    },
    "worry_now": {
        "en": "The worry now: {zone}. The case is '{stage}' after {records} recorded steps.",
        "fi": "Huoli nyt: {zone}. Tapaus on '{stage}' {records} kirjatun askeleen jälkeen.",
        "sv": "Oron nu: {zone}. Ärendet är '{stage}' efter {records} registrerade steg.",
    },
    "areas": {
        "en": "Area report (the story plus {families} generated families):",
        "fi": "Aluekatsaus (tarina ja {families} tuotettua perhettä):",
        "sv": "Områdesrapport (berättelsen och {families} genererade familjer):",
    },
    "area_line": {
        "en": "{name}: {families} families, {professionals} professionals, {links} links "
        "between them, {missing} unit pairs never meeting",
        "fi": "{name}: {families} perhettä, {professionals} ammattilaista, {links} yhteyttä, "
        "{missing} yksikköparia ei koskaan tapaa",
        "sv": "{name}: {families} familjer, {professionals} yrkespersoner, {links} kontakter, "
        "{missing} enhetspar som aldrig möts",
    },
    "map_before": {
        "en": "The family's network map, {on}",
        "fi": "Perheen verkostokartta {on}",
        "sv": "Familjens nätverkskarta {on}",
    },
    "map_after": {
        "en": "The family's network map at the follow-up, {on}",
        "fi": "Perheen verkostokartta seurannassa {on}",
        "sv": "Familjens nätverkskarta vid uppföljningen {on}",
    },
    "wrote": {
        "en": "Wrote {count} files to {out}",
        "fi": "Kirjoitettiin {count} tiedostoa hakemistoon {out}",
        "sv": "Skrev {count} filer till {out}",
    },
    "no_plot": {
        "en": "(no SVG/PNG pictures: install openco[plot] for matplotlib)",
        "fi": "(ei SVG/PNG-kuvia: asenna openco[plot] saadaksesi matplotlibin)",
        "sv": "(inga SVG/PNG-bilder: installera openco[plot] för matplotlib)",
    },
}

_QUESTIONS: Final[Mapping[str, tuple[str, str, str, str]]] = {
    "en": ("What worries me, what help I need", "What has worked", "How I say it",
           "How they may react"),
    "fi": ("Mikä minua huolettaa, mitä apua tarvitsen", "Mikä on toiminut", "Miten sanon sen",
           "Miten he voivat reagoida"),
    "sv": ("Vad oroar mig, vilken hjälp behöver jag", "Vad har fungerat", "Hur jag säger det",
           "Hur de kan reagera"),
}  # fmt: skip


def _t(key: str, language: str, **values: object) -> str:
    return _T[key][language].format(**values)


@attrs.frozen(kw_only=True)
class Told:
    """What :func:`tell_story` produced: the account, and the values it was told from.

    Attributes:
        text: the account as printed, without a trailing newline.
        story: the story's bundle (:func:`~openco.demo.vaaralampi_story`).
        case: the case after its last step; ``dumps(case)`` is its history as JSON.
        before: the family's network map when the concern was taken up.
        after: the map at the follow-up.
        network: the network of professionals in Vaaralampi and Ounasrinne.
        generated_families: how many generated families the area report adds to the story.
    """

    text: str
    story: Bundle
    case: Case
    before: NetworkMap
    after: NetworkMap
    network: ProfessionalNetwork
    generated_families: int


def _names(story: Bundle) -> dict[PersonId, str]:
    names: dict[PersonId, str] = {}
    for nmap in story.network_maps:
        names.update({m.id: m.label for m in nmap.members})
    names.update({p.id: p.name for p in story.professionals})
    for family in story.families:
        names.update({m.id: m.name for m in family.members})
    return names


def _supportive(nmap: NetworkMap) -> int:
    return sum(1 for m in nmap.members if m.tie is TieQuality.SUPPORTIVE)


def tell_story(language: str = "en", *, families_per_area: int = 40) -> Told:  # noqa: PLR0915 - the story reads top to bottom
    """Tell the Vaaralampi story in *language* by running it through the workflow.

    Args:
        language: ``"en"``, ``"fi"`` or ``"sv"``.
        families_per_area: generated families per area for the area report.

    Raises:
        InvalidArgumentError: *language* is not one of :data:`LANGUAGES`.

    >>> told = tell_story("sv")
    >>> told.text.splitlines()[0]
    'Berättelsen från Vaaralampi (alla personer är påhittade)'
    >>> told.case.stage.value, len(told.case.history)
    ('closed', 11)
    """
    if language not in LANGUAGES:
        raise InvalidArgumentError("tell_story", "language", language, "one of en, fi, sv")
    lang = language
    story = vaaralampi_story(language)
    names = _names(story)
    family = story.families[0]
    lines = [_t("title", lang), ""]
    steps = vaaralampi_case_steps(story, language=language)
    case: Case | None = None
    by_step: dict[Step, DemoStep] = {}
    for demo_step in steps:
        by_step[demo_step.step] = demo_step
    for demo_step in steps:
        case = demo_step.apply(case)
        if demo_step.step is Step.HOLD_MEETING:
            break
    assert case is not None  # noqa: S101 - the story always opens its case
    concern = case.concern
    child = family.member(concern.child)
    parent = family.members[0]
    lines.append(
        _t("notice", lang, teacher=names[concern.worker], child=child.name,
           age=child.age_on(concern.noticed_on), on=concern.noticed_on)
    )  # fmt: skip
    lines += [f"  - {w}" for w in concern.worries]
    lines.append(_t("zones", lang))
    for a in case.trajectory:
        zone = (a.subzone or a.zone).label(lang)
        lines.append(f"  {a.on}: {zone}; {_t('own_means', lang)}: {a.own_means.label(lang)}")
    preparation = by_step[Step.PREPARE].detail
    lines.append(_t("prepare", lang, stage=Step.PREPARE.label(lang)))
    answers = attrs.astuple(preparation, recurse=False)[:4]  # type: ignore[arg-type]
    lines += [f"  {q}? {a}" for q, a in zip(_QUESTIONS[lang], answers, strict=True)]
    raising = by_step[Step.RAISE]
    lines.append(
        _t("raise", lang, on=raising.on, parent=parent.name,
           help=raising.detail.help_asked)  # type: ignore[attr-defined]
    )  # fmt: skip
    lines.append(_t("strengths", lang))
    lines += [f"  + {s}" for s in concern.strengths]
    agree = by_step[Step.AGREE_TO_MEET]
    invitation = case.invitation
    assert invitation is not None  # noqa: S101 - the story invites
    unit_names = {u.id: u.name for u in story.units}
    lines.append(
        _t("agree", lang, parent=parent.name, on=agree.on,
           invited=", ".join(sorted(names[p] for p in invitation.close_network)),
           units=", ".join(sorted(unit_names[u] for c in agree.consents for u in c.units)))
    )  # fmt: skip
    meeting = case.meeting
    assert meeting is not None  # noqa: S101 - the story holds its meeting
    facilitators = [
        names[p.person]
        for p in meeting.participants
        if p.role in {MeetingRole.INTERVIEWER, MeetingRole.RECORDER}
    ]
    lines.append(_t("meeting", lang, on=meeting.held_on, facilitators=" & ".join(facilitators)))
    roles = {p.person: p.role for p in meeting.participants}
    lines += [
        f"  {i}. {names[p]} ({roles[p].label(lang)})"
        for i, p in enumerate(meeting.speaking_order, 1)
    ]

    lines += _refusal(case, lang)

    plan_step = by_step[Step.AGREE_PLAN]
    case = plan_step.apply(case)
    plan = case.plan
    assert plan is not None  # noqa: S101 - the story agrees a plan
    lines.append(_t("plan", lang, on=plan.follow_up_on))
    for item in plan.items:
        helpers = ", ".join(sorted(names[p] for p in item.with_whom))
        together = f" {_t('with', lang)} {helpers}" if helpers else ""
        lines.append(
            f"  * {item.what} - {names[item.responsible]}{together}, {_t('by', lang)} {item.due}"
        )
    lines.append(_t("worklist", lang, on=WORKLIST_DAY))
    for duty in obligations(case, today=WORKLIST_DAY, records=plan_step.records):
        late = f" ({_t('overdue', lang)})" if duty.overdue else ""
        who = names.get(duty.owed_by, duty.owed_by) if duty.owed_by else "-"
        lines.append(f"  {who}: {duty.describe(lang)}{late}")

    for demo_step in steps[steps.index(plan_step) + 1 :]:
        case = demo_step.apply(case)
    follow_up = next(r for r in case.history if r.step is Step.FOLLOW_UP)
    done_plan = follow_up.plan
    assert done_plan is not None  # noqa: S101 - the follow-up records the plan
    present = ", ".join(
        names[p.person] for p in (follow_up.meeting.participants if follow_up.meeting else ())
        if p.role in {MeetingRole.CUSTODIAN, MeetingRole.CLOSE_NETWORK}
    )  # fmt: skip
    lines.append(
        _t("follow_up", lang, on=follow_up.on, present=present, items=len(done_plan.items),
           done=sum(1 for i in done_plan.items if i.status.value == "done"))
    )  # fmt: skip
    before, after = story.maps_of(family.id)
    change = compare_maps(before, after)
    m_before, m_after = measure_map(before), measure_map(after)
    lines.append(
        _t("grew", lang, before=m_before.size, after=m_after.size,
           gained=", ".join(names[p] for p in change.gained),
           inner_before=len(before.in_ring(Ring.INNER)), inner_after=len(after.in_ring(Ring.INNER)),
           supportive_before=_supportive(before), supportive_after=_supportive(after))
    )  # fmt: skip
    lines.append(
        _t("worry_now", lang, zone=case.assessment.zone.label(lang), stage=case.stage.label(lang),
           records=len(case.history))
    )  # fmt: skip

    population = area_population(story, families_per_area=families_per_area)
    network = area_network(
        professionals=population.professionals, units=population.units,
        families=population.families, maps=population.network_maps,
        meetings=population.meetings, plans=population.plans,
        concerns=population.concerns, seed=1,
    )  # fmt: skip
    generated = len(population.families) - len(story.families)
    lines.append(_t("areas", lang, families=generated))
    area_names = {a.id: a.name for a in population.areas}
    lines += [f"  {_area_line(r, area_names[r.area], lang)}" for r in network.areas]
    return Told(
        text="\n".join(lines), story=story, case=case, before=before, after=after,
        network=network, generated_families=generated,
    )  # fmt: skip


def _refusal(case: Case, lang: str) -> list[str]:
    """A refused step with its reasons; the case stays exactly as it was."""
    lines: list[str] = []
    concern, meeting = case.concern, case.meeting
    assert meeting is not None  # noqa: S101 - called once the meeting is held
    refused = refused_notification(case, language=lang)
    try:
        advance(case, refused.step, actor=refused.actor, on=refused.on, detail=refused.detail,
                records=refused.records)  # fmt: skip
    except TransitionNotAllowedError as error:
        channel = refused.detail.channel.label(lang)  # type: ignore[attr-defined]
        lines.append(_t("refused", lang, step=refused.step.label(lang), channel=channel))
        lines += [f"  [{r.rule}] {r.message(lang)}" for r in error.reasons]
    lines.append(_t("unchanged", lang, stage=case.stage.label(lang), records=len(case.history)))
    open_now = enabled_steps(
        case, actor=concern.worker, on=meeting.held_on, records=refused.records
    )
    if Step.NOTIFY_CHILD_WELFARE in open_now.enabled:
        lines.append(_t("statutory", lang, step=Step.NOTIFY_CHILD_WELFARE.label(lang)))

    return lines


def _area_line(report: AreaReport, name: str, language: str) -> str:
    return _t(
        "area_line", language, name=name, families=report.families,
        professionals=report.professionals, links=report.links,
        missing=len(report.missing_unit_pairs),
    )  # fmt: skip


_AREA_COLUMNS: Final = (
    "area", "families", "professionals", "links", "density", "unit_pairs_tied",
    "unit_pairs_missing", "uncoordinated_families",
)  # fmt: skip


def _area_markdown(told: Told, language: str) -> str:
    names = {a.id: a.name for a in told.story.areas}
    rows = [
        f"# {_t('areas', language, families=told.generated_families).rstrip(':')}",
        "",
        "| " + " | ".join(column_label(c, language) for c in _AREA_COLUMNS) + " |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    rows += [
        f"| {names.get(r.area, r.area)} | {r.families} | {r.professionals} | {r.links} "
        f"| {r.density:.3f} | {sum(t.tied for t in r.unit_ties)} "
        f"| {len(r.missing_unit_pairs)} | {len(r.uncoordinated)} |"
        for r in told.network.areas
    ]
    return "\n".join(rows) + "\n"


@attrs.frozen(kw_only=True)
class DemoFiles:
    """Every file the demo writes, rendered in memory, by file name.

    Attributes:
        files: file name to its text or bytes.
        pictures: whether the SVG and PNG pictures are there (matplotlib was importable).
    """

    files: Mapping[str, str | bytes]
    pictures: bool


def _report(told: Told, language: str) -> str:
    """The analyst's HTML report of the story's two areas, pseudonymised like analyse's."""
    population = area_population(told.story, families_per_area=told.generated_families // 2)
    sample = FlaggedMaps(limit=4)
    table = measure_maps(sample.watch(population.network_maps))
    return html_report(
        table,
        # Everyone is invented, but the report looks as an analyst's would: pseudonymised.
        privacy=Privacy.pseudonymised(b"the Vaaralampi demo's own key"),
        language=language,
        area_of={f.id: f.home_area for f in population.families},
        network=told.network,
        maps=sample.maps,
        area_names={a.id: a.name for a in population.areas},
        unit_names={u.id: u.name for u in population.units},
    )


def demo_files(told: Told, language: str = "en") -> DemoFiles:
    """Render every file the demo writes for *told*: maps, diagrams, JSON and the area report.

    >>> sorted(name for name in demo_files(tell_story()).files if not name.endswith("png"))
    ... # doctest: +NORMALIZE_WHITESPACE
    ['area-report.csv', 'area-report.md', 'case.json', 'network-map-after.dot',
     'network-map-after.svg', 'network-map-before.dot', 'network-map-before.svg',
     'report.html', 'story.json', 'story.txt', 'workflow.dot', 'workflow.mmd',
     'workflow.svg']
    """
    files: dict[str, str | bytes] = {
        "story.txt": told.text + "\n",
        "story.json": dumps(told.story, indent=2) + "\n",
        "case.json": dumps(told.case, indent=2) + "\n",
        "workflow.mmd": render_mermaid(DEFAULT_WORKFLOW, language=language) + "\n",
        "workflow.dot": render_dot(DEFAULT_WORKFLOW, language=language) + "\n",
        "area-report.md": _area_markdown(told, language),
        # Stable column names in English; words in the language chosen otherwise.
        "area-report.csv": area_csv(told.network)
        if language == "en"
        else translated_header(area_csv(told.network), language),
    }
    # Everyone in the story is invented: the pictures opt in to their names. The map at the
    # follow-up is drawn against the first, so that who was gained and who moved shows.
    maps = {"before": (told.before, None), "after": (told.after, told.before)}
    named = Privacy.identified(names=True)
    for when, (nmap, earlier) in maps.items():
        files[f"network-map-{when}.dot"] = to_dot(
            nmap, earlier=earlier, privacy=named, language=language
        )
    pictures = True
    try:
        for when, (nmap, earlier) in maps.items():
            title = _t(f"map_{when}", language, on=nmap.drawn_on)
            files[f"network-map-{when}.svg"] = to_svg(
                nmap, earlier=earlier, privacy=named, language=language, title=title
            )
            files[f"network-map-{when}.png"] = to_png(
                nmap, earlier=earlier, privacy=named, language=language, title=title
            )
        files["workflow.svg"] = workflow_svg(DEFAULT_WORKFLOW, language=language)
        files["workflow.png"] = workflow_png(DEFAULT_WORKFLOW, language=language)
        files["report.html"] = _report(told, language)
    except MissingDependencyError:
        pictures = False
        for name in [n for n in files if n.endswith((".svg", ".png"))]:
            del files[name]
    return DemoFiles(files=files, pictures=pictures)


def run_demo(
    out: Path | None,
    language: str = "en",
    *,
    echo: Callable[[str], object] = click.echo,
    force: bool = False,
) -> Told:
    """Tell the story, print it with *echo*, and write its files into *out* (if given).

    Everything is rendered before anything is written, and the files appear all at once
    (:func:`openco.cli.output.output_directory`), so a failure leaves *out* as it was. *out*
    must not exist or be empty, unless *force*: then it is replaced.
    """
    told = tell_story(language)
    rendered = demo_files(told, language) if out is not None else None
    stored = False
    if out is not None and rendered is not None:
        with output_directory(out, force=force) as staged:
            for name, content in rendered.files.items():
                if isinstance(content, bytes):
                    staged.write_bytes(name, data=content)
                else:
                    staged.write_text(name, text=content)
            stored = write_demo_store(staged.path("cases.sqlite"), told.case, vaaralampi_records())
    echo(told.text)
    if out is not None and rendered is not None:
        echo("")
        if not rendered.pictures:
            echo(_t("no_plot", language))
        echo(_t("wrote", language, count=len(rendered.files) + stored, out=out))
    return told


_FILES_HELP: Final = """\
\b
With --out DIR it writes into DIR (created if missing, refused if it holds
anything unless --force), all or nothing:
  story.txt                    the account as printed
  story.json                   the story as one bundle document
  case.json                    the case and its whole history
  network-map-before.*, -after.*  the family's network map: DOT; SVG and PNG
                               with openco[plot] (matplotlib)
  workflow.mmd, workflow.dot   the process diagram (Mermaid, Graphviz); workflow.svg,
                               .png as pictures with openco[plot]
  report.html                  the analyst's report of both areas, one self-contained
                               page (with openco[plot])
  area-report.md, .csv         Vaaralampi and Ounasrinne
  cases.sqlite                 the case in an openco store (with openco[store])
"""


@click.command(short_help="Tell the Vaaralampi story and write its files.", epilog=_FILES_HELP)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Directory to write the story's files into (created if missing).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace --out if it exists and is not empty.",
)
@click.option(
    "--lang",
    "language",
    type=click.Choice(LANGUAGES),
    default="en",
    show_default=True,
    help="Language of the account and of the labels in the pictures.",
)
def demo(out: Path | None, language: str, force: bool) -> None:
    """Tell the Vaaralampi story: from a day-care teacher's concern to a plan and its follow-up.

    The story runs through the real workflow: the concern grows into the grey zone, is taken
    up with the family, an anticipation dialogue is held with the family's close network, a
    plan is agreed and followed up. One refused step is shown with its reasons.
    """
    run_demo(out, language, force=force)
