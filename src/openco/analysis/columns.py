"""The column names of openco's tables in Finnish, Swedish and English words.

Every CSV openco writes names its columns with stable English identifiers (``size``,
``ring_inner_share``), which scripts rely on. A person reading a table in a spreadsheet is
better served by words: :func:`column_label` gives them, in the glossary's terms, and
:func:`translated_header` turns the first line of a CSV into them when a language is chosen
(``openco demo --lang fi``, ``openco analyse --lang sv``). Names built from the enumerations
(``sector_relatives``, ``flag_very_small``) take the enumerations' own labels, so the two can
never disagree.
"""

from __future__ import annotations

import csv
import io
from typing import Final, TextIO

from openco.analysis.flags import FlagKind
from openco.model import (
    Language,
    NetworkSector,
    Ring,
    SupportDirection,
    SupportType,
    TieQuality,
)

__all__ = ["COLUMN_WORDS", "TranslatedHeader", "column_label", "translated_header"]

COLUMN_WORDS: Final[dict[str, tuple[str, str, str]]] = {
    # each name's words in Finnish, Swedish and English
    "family": ("perhe", "familj", "family"),
    "map": ("kartta", "karta", "map"),
    "drawn_on": ("piirretty", "ritad", "drawn on"),
    "size": ("verkoston koko", "nätverkets storlek", "network size"),
    "informal": ("läheisiä", "närstående", "close network (not professionals)"),
    "professional": ("ammattilaisia", "yrkespersoner", "professionals"),
    "professional_share": (
        "ammattilaisten osuus",
        "yrkespersonernas andel",
        "share of professionals",
    ),
    "supporters": ("tukijoita", "som stöder", "supporters"),
    "informal_supporters": ("läheisiä tukijoita", "närstående som stöder", "informal supporters"),
    "professional_supporters": (
        "tukevia ammattilaisia",
        "yrkespersoner som stöder",
        "professional supporters",
    ),
    "reciprocity": ("vastavuoroisuus", "ömsesidighet", "reciprocity"),
    "top_supporter_share": (
        "suurimman tukijan osuus",
        "den största stödjarens andel",
        "share of the top supporter",
    ),
    "inner_supportive": (
        "tukevia suhteita sisimmällä kehällä",
        "stödjande band i innersta cirkeln",
        "supportive ties on the inner ring",
    ),
    "member_ties": ("jäsenten välisiä suhteita", "band mellan medlemmarna", "ties between members"),
    "density": ("tiheys", "täthet", "density"),
    "components": ("osaverkostoja", "delnätverk", "components"),
    "largest_component": ("suurin osaverkosto", "största delnätverket", "largest component"),
    "isolates": ("erillisiä jäseniä", "isolerade medlemmar", "isolates"),
    "effective_size": ("efektiivinen koko", "effektiv storlek", "effective size"),
    "efficiency": ("tehokkuus", "effektivitet", "efficiency"),
    "constraint": ("rajoittuneisuus", "begränsning", "constraint"),
    "sectors_present": ("sektoreita käytössä", "sektorer med medlemmar", "sectors present"),
    "entropy": ("monipuolisuus (entropia)", "mångfald (entropi)", "diversity (entropy)"),
    "iqv": ("monipuolisuus (IQV)", "mångfald (IQV)", "diversity (IQV)"),
    "ei_index": ("E-I-indeksi", "E-I-index", "E-I index"),
    "informal_kind": ("läheiset", "närstående", "close network"),
    "share": ("osuus", "andel", "share"),
    "mean": ("keskiarvo", "medelvärde", "mean"),
    "support": ("tuki", "stöd", "support"),
    "area": ("alue", "område", "area"),
    "maps": ("karttoja", "kartor", "maps"),
    "units": ("yksiköitä", "enheter", "units"),
    "families": ("perheitä", "familjer", "families"),
    "professionals": ("ammattilaisia", "yrkespersoner", "professionals"),
    "links": (
        "ammattilaisten välisiä yhteyksiä",
        "kontakter mellan yrkespersoner",
        "links between professionals",
    ),
    "unit_pairs": ("yksikköpareja", "enhetspar", "unit pairs"),
    "unit_pairs_tied": ("yksikköpareja, jotka kohtaavat", "enhetspar som möts", "unit pairs tied"),
    "unit_pairs_missing": (
        "yksikköpareja, jotka eivät kohtaa",
        "enhetspar som aldrig möts",
        "unit pairs never meeting",
    ),
    "uncoordinated_families": (
        "perheitä ilman yhteistä palaveria",
        "familjer utan gemensamt möte",
        "families with no joint meeting",
    ),
    "area_meetings": ("aluepalavereja", "områdesmöten", "area meetings"),
    "mean_attendance": ("osallistuminen keskimäärin", "deltagande i medeltal", "mean attendance"),
    "top_betweenness": (
        "suurin välittäjyys",
        "högsta mellanliggande centralitet",
        "top betweenness",
    ),
    "a": ("ammattilainen", "yrkesperson", "professional"),
    "b": ("toinen ammattilainen", "annan yrkesperson", "other professional"),
    "unit_a": ("yksikkö", "enhet", "unit"),
    "unit_b": ("toinen yksikkö", "annan enhet", "other unit"),
    "shared_families": ("yhteisiä perheitä", "gemensamma familjer", "shared families"),
    "joint_meetings": ("yhteisiä palavereja", "gemensamma möten", "joint meetings"),
    "weight": ("paino", "vikt", "weight"),
}
"""Words for the columns that are not named after an enumeration, and for the parts of names."""

_INDEX: Final = {Language.FI: 0, Language.SV: 1, Language.EN: 2}
_PREFIXED: Final = (
    ("sector_", NetworkSector),
    ("ring_", Ring),
    ("tie_", TieQuality),
    ("support_", SupportType),
)


def _word(name: str, language: Language) -> str:
    return COLUMN_WORDS[name][_INDEX[language]]


def column_label(name: str, language: Language | str = Language.EN) -> str:  # noqa: C901, PLR0911 - one rule per kind of name
    """The words for the column *name* in *language*; an unknown name is returned as it is.

    >>> column_label("ring_inner_share", "fi")
    'sisin kehä, osuus'
    >>> column_label("flag_very_small", "sv")
    'mycket litet nätverk'
    >>> column_label("emotional_informal", "en")
    'emotional support, close network'
    >>> column_label("mean_inner_supportive", "fi")
    'keskiarvo: tukevia suhteita sisimmällä kehällä'
    """
    lang = Language(language)
    if name in COLUMN_WORDS:
        return _word(name, lang)
    if name.startswith("mean_"):
        return f"{_word('mean', lang)}: {column_label(name.removeprefix('mean_'), lang)}"
    if name.endswith("_share") and name != "share":
        return f"{column_label(name.removesuffix('_share'), lang)}, {_word('share', lang)}"
    if name.startswith("flag_"):
        try:
            return FlagKind(name.removeprefix("flag_")).label(lang)
        except ValueError:
            return name
    for prefix, kind in _PREFIXED:
        if name.startswith(prefix):
            try:
                member = kind(name.removeprefix(prefix))
            except ValueError:
                continue
            label = member.label(lang)
            return f"{_word('support', lang)}: {label}" if kind is SupportType else label
    if name == "no_support":
        return SupportDirection.NONE.label(lang)
    try:
        return SupportDirection(name).label(lang)
    except ValueError:
        pass
    kind_name, _, where = name.rpartition("_")
    try:
        support = SupportType(kind_name).label(lang)
    except ValueError:
        return name
    place = _word("informal_kind", lang) if where == "informal" else Ring(where).label(lang)
    return f"{support} {_word('support', lang)}, {place}"


def translated_header(text: str, language: Language | str) -> str:
    r"""*text*, a CSV, with its first line's column names in *language* (others unchanged).

    >>> translated_header("area,families\nvaaralampi,3\n", "sv")
    'område,familjer\nvaaralampi,3\n'
    """
    first, newline, rest = text.partition("\n")
    names = next(csv.reader([first]))
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow([column_label(n, language) for n in names])
    return out.getvalue() + newline + rest


class TranslatedHeader(io.TextIOBase):
    """A text stream that writes to *out*, with the first line's column names translated.

    For streaming writers (``measures_csv(table, out=...)``) whose header is their first
    line; the rest passes through unchanged.
    """

    def __init__(self, out: TextIO, language: Language | str) -> None:
        super().__init__()
        self._out, self._language, self._head = out, language, ""
        self._done = False

    def write(self, text: str) -> int:
        """Write *text*, holding it back until the header line is complete."""
        if self._done:
            return self._out.write(text)
        self._head += text
        if "\n" in self._head:
            self._done = True
            self._out.write(translated_header(self._head, self._language))
        return len(text)

    def flush(self) -> None:
        """Write a header that never ended with a newline, then flush *out*."""
        if not self._done and self._head:
            self._done = True
            self._out.write(translated_header(self._head, self._language))
        self._out.flush()
