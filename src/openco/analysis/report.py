"""One self-contained HTML report of an analysis, to open in any browser, in fi, sv or en.

:func:`html_report` puts together what :command:`openco analyse` computes: a summary of every
area, a picture of each area's network of services (the units, and how strongly the families
they share tie them), per-area tables, and the network maps of families whose maps raise a
flag. Everything is in the one file: pictures are inline SVG, the style is inline CSS, there
is no script and nothing is fetched, so the report opens from a USB stick or an e-mail
attachment and can be archived as it is. The same input gives the same bytes.

People appear only as :class:`~openco.analysis.privacy.Privacy` allows: pseudonymised by
default, with map members as their sector codes (``R1``). Areas and units are named (they are
services, not people).

:func:`flagged_maps` picks the maps to draw while the maps stream past, so that a reader of a
whole city's file need not keep its maps.
"""

from __future__ import annotations

import html
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Final

import attrs

from openco.analysis.area import AreaReport, ProfessionalNetwork
from openco.analysis.batch import FLAG_COLUMNS, MeasureTable, _measure
from openco.analysis.draw import _STYLE, _import_matplotlib, to_svg
from openco.analysis.flags import DEFAULT_THRESHOLDS, FlagKind, FlagThresholds
from openco.analysis.privacy import Privacy
from openco.model import AreaId, FamilyId, Language, NetworkMap, UnitId

__all__ = [
    "REPORT_TEXTS",
    "FlaggedMaps",
    "flagged_maps",
    "html_report",
    "network_table",
    "unit_network_svg",
]

REPORT_TEXTS: Final[dict[str, dict[Language, str]]] = {
    "title": {
        Language.EN: "Network analysis report",
        Language.FI: "Verkostoanalyysin raportti",
        Language.SV: "Rapport om nätverksanalysen",
    },
    "read": {
        Language.EN: "{maps} network maps of {families} families in {areas} areas.",
        Language.FI: "{maps} verkostokarttaa, {families} perhettä, {areas} aluetta.",
        Language.SV: "{maps} nätverkskartor för {families} familjer i {areas} områden.",
    },
    "pseudonymised": {
        Language.EN: "People are pseudonymised: families by keyed pseudonyms, the members of "
        "a map by their sector's letter and a number (R1 is the first relative the family "
        "named). Areas and units are services and keep their names.",
        Language.FI: "Henkilöt on pseudonymisoitu: perheet avaimella muodostetuin "
        "pseudonyymein, kartan jäsenet sektorinsa kirjaimella ja numerolla (R1 on ensimmäinen "
        "perheen nimeämä sukulainen). Alueet ja yksiköt ovat palveluja ja pitävät nimensä.",
        Language.SV: "Personerna är pseudonymiserade: familjerna med nyckelbaserade "
        "pseudonymer, kartans medlemmar med sektorns bokstav och ett nummer (R1 är den första "
        "släkting familjen nämnde). Områden och enheter är tjänster och behåller sina namn.",
    },
    "identified": {
        Language.EN: "Real ids and names are shown: keep this report inside the case system.",
        Language.FI: "Raportissa näkyvät oikeat tunnisteet ja nimet: säilytä se "
        "asiakastietojärjestelmän sisällä.",
        Language.SV: "Verkliga id:n och namn visas: håll rapporten inom klientdatasystemet.",
    },
    "contents": {Language.EN: "Contents", Language.FI: "Sisältö", Language.SV: "Innehåll"},
    "summary": {
        Language.EN: "Areas at a glance",
        Language.FI: "Alueet lyhyesti",
        Language.SV: "Områdena i korthet",
    },
    "area": {Language.EN: "Area", Language.FI: "Alue", Language.SV: "Område"},
    "no_area": {
        Language.EN: "(no area known)",
        Language.FI: "(alue ei tiedossa)",
        Language.SV: "(område okänt)",
    },
    "maps": {Language.EN: "maps", Language.FI: "karttoja", Language.SV: "kartor"},
    "size": {
        Language.EN: "mean network size",
        Language.FI: "verkoston keskikoko",
        Language.SV: "nätverkets medelstorlek",
    },
    "informal": {
        Language.EN: "mean close network (not professionals)",
        Language.FI: "läheisverkosto keskimäärin (ei ammattilaisia)",
        Language.SV: "närståendenätverk i medeltal (inte yrkespersoner)",
    },
    "inner_supportive": {
        Language.EN: "mean supportive ties on the inner ring",
        Language.FI: "tukevia suhteita sisimmällä kehällä keskimäärin",
        Language.SV: "stödjande band i innersta cirkeln i medeltal",
    },
    "professional_share": {
        Language.EN: "mean share of professionals",
        Language.FI: "ammattilaisten osuus keskimäärin",
        Language.SV: "yrkespersonernas andel i medeltal",
    },
    "density": {
        Language.EN: "mean density",
        Language.FI: "tiheys keskimäärin",
        Language.SV: "täthet i medeltal",
    },
    "flagged": {
        Language.EN: "maps with a flag",
        Language.FI: "karttoja, joissa merkintä",
        Language.SV: "kartor med en flagga",
    },
    "measure": {Language.EN: "Measure", Language.FI: "Mittari", Language.SV: "Mått"},
    "value": {Language.EN: "Value", Language.FI: "Arvo", Language.SV: "Värde"},
    "services": {
        Language.EN: "The services around the families",
        Language.FI: "Perheiden ympärillä toimivat palvelut",
        Language.SV: "Tjänsterna kring familjerna",
    },
    "services_note": {
        Language.EN: "Each circle is a unit; a line joins two units whose professionals work "
        "with the same families or meet in their meetings, thicker the more they share. Red "
        "dashes join units of the area that never meet over a family.",
        Language.FI: "Jokainen ympyrä on yksikkö; viiva yhdistää yksiköt, joiden ammattilaiset "
        "työskentelevät samojen perheiden kanssa tai tapaavat niiden palavereissa, sitä "
        "paksumpi mitä enemmän yhteistä. Punainen katkoviiva yhdistää alueen yksiköt, jotka "
        "eivät koskaan kohtaa perheen asioissa.",
        Language.SV: "Varje cirkel är en enhet; en linje förenar två enheter vars "
        "yrkespersoner arbetar med samma familjer eller möts på deras möten, tjockare ju mer "
        "de delar. Röda streck förenar områdets enheter som aldrig möts kring en familj.",
    },
    "professionals": {
        Language.EN: "professionals",
        Language.FI: "ammattilaisia",
        Language.SV: "yrkespersoner",
    },
    "links": {
        Language.EN: "links between professionals",
        Language.FI: "ammattilaisten välisiä yhteyksiä",
        Language.SV: "kontakter mellan yrkespersoner",
    },
    "missing": {
        Language.EN: "unit pairs never meeting",
        Language.FI: "yksikköpareja, jotka eivät kohtaa",
        Language.SV: "enhetspar som aldrig möts",
    },
    "uncoordinated": {
        Language.EN: "families with many workers and no joint meeting",
        Language.FI: "perheitä, joilla monta työntekijää eikä yhteistä palaveria",
        Language.SV: "familjer med många yrkespersoner och inget gemensamt möte",
    },
    "unit_a": {Language.EN: "unit", Language.FI: "yksikkö", Language.SV: "enhet"},
    "unit_b": {
        Language.EN: "other unit",
        Language.FI: "toinen yksikkö",
        Language.SV: "annan enhet",
    },
    "shared": {
        Language.EN: "shared families",
        Language.FI: "yhteisiä perheitä",
        Language.SV: "gemensamma familjer",
    },
    "joint": {
        Language.EN: "joint meetings",
        Language.FI: "yhteisiä palavereja",
        Language.SV: "gemensamma möten",
    },
    "maps_heading": {
        Language.EN: "Network maps that raise a flag",
        Language.FI: "Verkostokartat, joissa on merkintä",
        Language.SV: "Nätverkskartor med en flagga",
    },
    "maps_note": {
        Language.EN: "A flag is a reason to look again with the family, never a verdict on it.",
        Language.FI: "Merkintä on syy katsoa tilannetta uudelleen yhdessä perheen kanssa, ei "
        "koskaan arvio perheestä.",
        Language.SV: "En flagga är ett skäl att se på saken igen tillsammans med familjen, "
        "aldrig ett omdöme om den.",
    },
    "family": {Language.EN: "Family", Language.FI: "Perhe", Language.SV: "Familj"},
    "drawn": {Language.EN: "drawn on", Language.FI: "piirretty", Language.SV: "ritad"},
    "none": {
        Language.EN: "No map raises a flag.",
        Language.FI: "Yhdessäkään kartassa ei ole merkintää.",
        Language.SV: "Ingen karta har en flagga.",
    },
    "made": {
        Language.EN: "Made with openco from the data alone: the same data gives the same report.",
        Language.FI: "Tehty openco-ohjelmalla pelkästä aineistosta: sama aineisto antaa saman "
        "raportin.",
        Language.SV: "Gjord med openco enbart ur data: samma data ger samma rapport.",
    },
}
"""Every text of the report, in Finnish, Swedish and English (the glossary's terms)."""

_SIDE: Final = 0.2  # how far off the vertical a unit's name starts beside its circle
_MEANS: Final = ("size", "informal", "inner_supportive", "professional_share", "density")

_CSS: Final = """
body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;margin:2rem auto;max-width:68rem;
padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.8rem;margin-bottom:.2rem}h2{margin-top:2.5rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:1rem 0;font-size:.92rem}
th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:right;vertical-align:top}
th.l,td.l{text-align:left}thead th{background:#eef3f8}
tbody tr:nth-child(even){background:#fafafa}
figure{margin:1rem 0;break-inside:avoid}figure svg{max-width:100%;height:auto}
figcaption{font-size:.9rem;color:#444}.note{color:#555;font-size:.92rem}
.maps figure{max-width:56rem}
nav ul{columns:2}
@media print{h2{break-before:page}}
"""


def _t(key: str, language: Language, **values: object) -> str:
    return REPORT_TEXTS[key][language].format(**values)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _number(value: float | None, language: Language, digits: int = 2) -> str:
    """A number as the language writes it (a decimal comma in Finnish and Swedish)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{digits}f}" if isinstance(value, float) else f"{value:,}"
    if language is Language.EN:
        return text
    return text.replace(",", " ").replace(".", ",")


_ID: Final = re.compile(r'(id="|url\(#|href="#)([^")]+)')


def _inline(svg: str, prefix: str) -> str:
    """An SVG document as an element to put in HTML, its ids made unique by *prefix*."""
    start = svg.index("<svg")
    return _ID.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg[start:]).strip()


@attrs.define
class FlaggedMaps:
    """The first *limit* maps that raise a flag, kept while the maps stream past.

    >>> from openco.synthetic import generate_network_maps
    >>> from openco.analysis import measure_maps
    >>> sample = FlaggedMaps(limit=2)
    >>> table = measure_maps(sample.watch(generate_network_maps(families=50, seed=1)))
    >>> len(table), len(sample.maps)
    (50, 2)
    """

    limit: int = 6
    thresholds: FlagThresholds = DEFAULT_THRESHOLDS
    maps: list[NetworkMap] = attrs.Factory(list)
    flags: list[tuple[FlagKind, ...]] = attrs.Factory(list)

    def watch(self, maps: Iterable[NetworkMap]) -> Iterator[NetworkMap]:
        """Every map of *maps*, unchanged; the first flagged ones are kept on the way."""
        kinds = list(FlagKind)
        for nmap in maps:
            if len(self.maps) < self.limit:
                raised = _measure(nmap, self.thresholds)[-len(FLAG_COLUMNS) :]
                if any(raised):
                    self.maps.append(nmap)
                    self.flags.append(tuple(k for k, on in zip(kinds, raised, strict=True) if on))
            yield nmap


def flagged_maps(
    maps: Iterable[NetworkMap],
    *,
    limit: int = 6,
    thresholds: FlagThresholds = DEFAULT_THRESHOLDS,
) -> list[NetworkMap]:
    """The first *limit* maps of *maps* that raise a flag.

    >>> from openco.synthetic import generate_network_maps
    >>> len(flagged_maps(generate_network_maps(families=50, seed=1), limit=3))
    3
    """
    sample = FlaggedMaps(limit=limit, thresholds=thresholds)
    for _ in sample.watch(maps):
        if len(sample.maps) >= limit:
            break
    return sample.maps


def unit_network_svg(
    report: AreaReport,
    *,
    unit_names: Mapping[UnitId, str] | None = None,
    title: str | None = None,
) -> str:
    """An SVG picture of one area's units and how strongly shared families tie them.

    Units sit on a circle in the order of the report; a grey line joins two tied units,
    thicker the more families and meetings they share; a red dashed line joins two units of
    the area that never meet over a family. Needs ``openco[plot]``.

    Raises:
        MissingDependencyError: matplotlib is not installed.
    """
    import io  # noqa: PLC0415 - only for the picture

    mpl = _import_matplotlib()
    names = unit_names or {}
    units = list(report.units)
    count = max(len(units), 1)
    at = {
        u: (
            math.cos(math.pi / 2 - 2 * math.pi * k / count),
            math.sin(math.pi / 2 - 2 * math.pi * k / count),
        )
        for k, u in enumerate(units)
    }
    figure = mpl.figure.Figure(figsize=(7.5, 6.2), dpi=100)
    axes = figure.add_axes((0, 0, 1, 0.93 if title else 1))
    axes.set_xlim(-1.9, 1.9)
    axes.set_ylim(-1.45, 1.45)
    axes.set_aspect("equal")
    axes.axis("off")
    strongest = max((t.shared_families + t.joint_meetings for t in report.unit_ties), default=1)
    for tie in report.unit_ties:
        if tie.a not in at or tie.b not in at:
            continue
        (x0, y0), (x1, y1) = at[tie.a], at[tie.b]
        if tie.tied:
            weight = (tie.shared_families + tie.joint_meetings) / max(strongest, 1)
            axes.plot([x0, x1], [y0, y1], color="#555555", lw=0.8 + 5 * weight, zorder=1,
                      solid_capstyle="round")  # fmt: skip
        else:
            axes.plot([x0, x1], [y0, y1], color="#B2182B", lw=0.9, ls=(0, (4, 3)), zorder=1)
    for unit, (x, y) in at.items():
        axes.add_patch(mpl.patches.Circle((x, y), 0.07, color="#56B4E9", ec="#333333", zorder=2))
        label = names.get(unit, unit)
        axes.text(
            x * 1.13, y * 1.13, "\n".join(_wrap(label, 22)), fontsize=8.5,
            ha="left" if x > _SIDE else "right" if x < -_SIDE else "center",
            va="bottom" if y > _SIDE else "top" if y < -_SIDE else "center", zorder=3,
        )  # fmt: skip
    if title:
        figure.text(0.5, 0.97, title, ha="center", va="center", fontsize=12)
    from matplotlib import rc_context  # noqa: PLC0415 - optional extra, imported lazily

    buffer = io.StringIO()
    with rc_context(_STYLE):  # type: ignore[arg-type]  # rc keys are typed as literals
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def _wrap(text: str, width: int) -> list[str]:
    import textwrap  # noqa: PLC0415

    return textwrap.wrap(text, width) or [text]


def _table(
    head: Sequence[str], rows: Iterable[Sequence[str]], *, css: str = "", text: int = 1
) -> str:
    """An HTML table; the first *text* columns hold words (left-aligned), the rest numbers."""
    cls = f' class="{css}"' if css else ""

    def cell(tag: str, k: int, content: str) -> str:
        extra = ' scope="col"' if tag == "th" else ""
        align = ' class="l"' if k < text else ""
        return f"<{tag}{extra}{align}>{content}</{tag}>"

    head_html = "".join(cell("th", k, h) for k, h in enumerate(head))
    body = "".join(
        "<tr>" + "".join(cell("td", k, c) for k, c in enumerate(row)) + "</tr>" for row in rows
    )
    return f"<table{cls}><thead><tr>{head_html}</tr></thead><tbody>{body}</tbody></table>"


def network_table(network: ProfessionalNetwork, *, language: Language | str = Language.EN) -> str:
    """The areas of *network* as an HTML table: units, professionals, links, unit pairs.

    >>> from openco.demo import area_population
    >>> from openco.analysis import area_network
    >>> population = area_population(families_per_area=3)
    >>> network = area_network(professionals=population.professionals,
    ...     units=population.units, families=population.families, seed=1)
    >>> network_table(network).startswith("<table><thead><tr><th")
    True
    """
    lang = Language(language)
    keys = ("area", "units", "professionals", "links", "missing", "uncoordinated")
    words = {k: REPORT_TEXTS[k][lang] for k in keys if k in REPORT_TEXTS}
    words["units"] = {Language.EN: "units", Language.FI: "yksiköitä", Language.SV: "enheter"}[lang]
    rows = [
        [_e(r.area), _number(len(r.units), lang), _number(r.professionals, lang),
         _number(r.links, lang), _number(len(r.missing_unit_pairs), lang),
         _number(len(r.uncoordinated), lang)]
        for r in network.areas
    ]  # fmt: skip
    return _table([_e(words[k]) for k in keys], rows)


def _area_rows(
    table: MeasureTable, area_of: Mapping[FamilyId, AreaId]
) -> dict[AreaId | None, list[int]]:
    rows: defaultdict[AreaId | None, list[int]] = defaultdict(list)
    for k, family in enumerate(table.families):
        rows[area_of.get(family)].append(k)
    return dict(rows)


def _mean(values: Sequence[float], rows: Sequence[int]) -> float | None:
    cells = [values[k] for k in rows if not math.isnan(values[k])]
    return math.fsum(cells) / len(cells) if cells else None


def html_report(
    table: MeasureTable,
    *,
    privacy: Privacy,
    language: Language | str = Language.EN,
    area_of: Mapping[FamilyId, AreaId] | None = None,
    network: ProfessionalNetwork | None = None,
    maps: Iterable[NetworkMap] = (),
    area_names: Mapping[AreaId, str] | None = None,
    unit_names: Mapping[UnitId, str] | None = None,
    title: str | None = None,
) -> str:
    """The whole report as one self-contained HTML page (pictures need ``openco[plot]``).

    Args:
        table: the families' map measures (:func:`~openco.analysis.batch.measure_maps`).
        privacy: how people are shown; families by :meth:`Privacy.person`, members by code.
        language: ``"fi"``, ``"sv"`` or ``"en"``.
        area_of: each family's home area, for the per-area summaries.
        network: the professionals' network, for each area's services picture and tables.
        maps: the maps to draw in the flagged section (see :func:`flagged_maps`).
        area_names: the areas' names (their ids otherwise).
        unit_names: the units' names (their ids otherwise).
        title: the page's title (by default "Network analysis report" in *language*).

    Raises:
        MissingDependencyError: matplotlib is not installed.

    >>> from openco.synthetic import generate_network_maps
    >>> from openco.analysis import measure_maps
    >>> maps = list(generate_network_maps(families=20, seed=1))
    >>> page = html_report(measure_maps(maps), privacy=Privacy.pseudonymised(b"k" * 16),
    ...                    language="fi", maps=flagged_maps(maps, limit=1))
    >>> page.startswith("<!DOCTYPE html>"), '<html lang="fi">' in page, page.count("<svg")
    (True, True, 1)
    """
    lang = Language(language)
    areas_of = area_of or {}
    names = area_names or {}
    by_area = _area_rows(table, areas_of)
    reports = {r.area: r for r in network.areas} if network is not None else {}
    area_ids = sorted({*(a for a in by_area if a is not None), *reports})
    heading = title or _t("title", lang)
    read = _t("read", lang, maps=_number(len(table), lang),
              families=_number(len(set(table.families)), lang),
              areas=_number(len(area_ids), lang))  # fmt: skip
    shown = "identified" if privacy.names or privacy.pseudonyms is None else "pseudonymised"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang.value}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(heading)}</title><style>{_CSS}</style></head><body>",
        f"<header><h1>{_e(heading)}</h1><p>{_e(read)}</p>",
        f'<p class="note">{_e(_t(shown, lang))}</p></header>',
    ]
    toc = [f'<li><a href="#summary">{_e(_t("summary", lang))}</a></li>']
    toc += [
        f'<li><a href="#area-{k}">{_e(_t("area", lang))} {_e(names.get(a, a))}</a></li>'
        for k, a in enumerate(area_ids)
    ]
    toc.append(f'<li><a href="#maps">{_e(_t("maps_heading", lang))}</a></li>')
    parts.append(f"<nav><h2>{_e(_t('contents', lang))}</h2><ul>{''.join(toc)}</ul></nav>")
    parts.append(_summary(table, by_area, reports, area_ids, names, lang))
    for k, area in enumerate(area_ids):
        parts.append(_area_section(k, area, table, by_area.get(area, []), reports.get(area),
                                   names, unit_names, lang))  # fmt: skip
    parts.append(_maps_section(list(maps), table, privacy, lang))
    parts.append(f'<footer><p class="note">{_e(_t("made", lang))}</p></footer></body></html>')
    return "\n".join(parts) + "\n"


def _flag_count(table: MeasureTable, rows: Sequence[int]) -> int:
    columns = [table.column(c) for c in FLAG_COLUMNS]
    return sum(1 for k in rows if any(col[k] for col in columns))


def _summary(  # noqa: PLR0917 - private, called once
    table: MeasureTable,
    by_area: Mapping[AreaId | None, list[int]],
    reports: Mapping[AreaId, AreaReport],
    area_ids: Sequence[AreaId],
    names: Mapping[AreaId, str],
    lang: Language,
) -> str:
    head = [_e(_t(k, lang)) for k in ("area", "maps", "size", "inner_supportive", "flagged",
                                       "professionals", "missing")]  # fmt: skip
    size, inner = table.column("size"), table.column("inner_supportive")
    rows = []
    keys: list[AreaId | None] = [*area_ids, *([None] if None in by_area else [])]
    for area in keys:
        mine = by_area.get(area, [])
        report = reports.get(area) if area is not None else None
        rows.append([
            _e(names.get(area, area)) if area is not None else _e(_t("no_area", lang)),
            _number(len(mine), lang),
            _number(_mean(size, mine), lang),
            _number(_mean(inner, mine), lang),
            _number(_flag_count(table, mine), lang),
            _number(report.professionals, lang) if report else "–",
            _number(len(report.missing_unit_pairs), lang) if report else "–",
        ])  # fmt: skip
    return (
        f'<section id="summary"><h2>{_e(_t("summary", lang))}</h2>'
        + _table(head, rows, css="summary")
        + "</section>"
    )


def _area_section(  # noqa: PLR0917 - private, called once
    number: int,
    area: AreaId,
    table: MeasureTable,
    rows: Sequence[int],
    report: AreaReport | None,
    names: Mapping[AreaId, str],
    unit_names: Mapping[UnitId, str] | None,
    lang: Language,
) -> str:
    name = names.get(area, area)
    parts = [f'<section id="area-{number}"><h2>{_e(_t("area", lang))} {_e(name)}</h2>']
    measures = [[_e(_t(k, lang)), _number(_mean(table.column(k), rows), lang)] for k in _MEANS]
    for kind, column in zip(FlagKind, FLAG_COLUMNS, strict=True):
        flagged = table.column(column)
        measures.append([_e(kind.label(lang)), _number(sum(1 for k in rows if flagged[k]), lang)])
    parts.append(_table([_e(_t("measure", lang)), _e(_t("value", lang))], measures))
    if report is not None:
        parts.append(
            _table(
                [_e(_t(k, lang)) for k in ("professionals", "links", "missing", "uncoordinated")],
                [[_number(report.professionals, lang), _number(report.links, lang),
                  _number(len(report.missing_unit_pairs), lang),
                  _number(len(report.uncoordinated), lang)]],
                text=0,
            )
        )  # fmt: skip
        svg = unit_network_svg(report, unit_names=unit_names, title=_t("services", lang))
        parts.append(
            f"<figure>{_inline(svg, f'area{number}')}"
            f"<figcaption>{_e(_t('services_note', lang))}</figcaption></figure>"
        )
        units = unit_names or {}
        ties = sorted(report.unit_ties, key=lambda t: (-t.shared_families, t.a, t.b))
        parts.append(
            _table(
                [_e(_t(k, lang)) for k in ("unit_a", "unit_b", "shared", "joint")],
                [[_e(units.get(t.a, t.a)), _e(units.get(t.b, t.b)),
                  _number(t.shared_families, lang), _number(t.joint_meetings, lang)]
                 for t in ties],
                text=2,
            )
        )  # fmt: skip
    parts.append("</section>")
    return "".join(parts)


def _maps_section(
    maps: list[NetworkMap], table: MeasureTable, privacy: Privacy, lang: Language
) -> str:
    parts = [
        f'<section id="maps"><h2>{_e(_t("maps_heading", lang))}</h2>',
        f'<p class="note">{_e(_t("maps_note", lang))}</p>',
    ]
    if not maps:
        parts.append(f"<p>{_e(_t('none', lang))}</p>")
    row_of = {m: k for k, m in enumerate(table.maps)}
    columns = {kind: table.column(c) for kind, c in zip(FlagKind, FLAG_COLUMNS, strict=True)}
    parts.append('<div class="maps">')
    for k, nmap in enumerate(maps):
        family = privacy.family(nmap.family)
        row = row_of.get(nmap.id)
        raised = [kind.label(lang) for kind, col in columns.items() if row is not None and col[row]]
        caption = (
            f"{_t('family', lang)} {family}, {_t('drawn', lang)} {privacy.date(nmap.drawn_on)}"
        )
        svg = to_svg(nmap, privacy=privacy, language=lang)
        flags = "".join(f"<li>{_e(r)}</li>" for r in raised)
        parts.append(
            f"<figure>{_inline(svg, f'map{k}')}<figcaption>{_e(caption)}<ul>{flags}</ul>"
            "</figcaption></figure>"
        )
    parts.append("</div></section>")
    return "".join(parts)
