"""Column names in words: every column of every table openco writes, in fi, sv and en."""

from __future__ import annotations

import csv
import io

import pytest

from openco.analysis import Privacy, area_csv, area_measures_csv, area_network, links_csv
from openco.analysis.batch import FRAME_COLUMNS, measure_maps
from openco.analysis.columns import TranslatedHeader, column_label, translated_header
from openco.demo import area_population
from openco.model import Language

LANGUAGES = ["fi", "sv", "en"]


def headers() -> set[str]:
    population = area_population(families_per_area=3)
    network = area_network(
        professionals=population.professionals,
        units=population.units,
        families=population.families,
        maps=population.network_maps,
        seed=1,
    )
    table = measure_maps(population.network_maps)
    area_of = {f.id: f.home_area for f in population.families}
    texts = [
        area_csv(network),
        links_csv(network, privacy=Privacy.identified()),
        area_measures_csv(table, area_of=area_of),
    ]
    return set(FRAME_COLUMNS) | {c for t in texts for c in next(csv.reader(io.StringIO(t)))}


ALL = sorted(headers())


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_column_of_every_table_has_words_in_the_language(language: str) -> None:
    untranslated = [c for c in ALL if column_label(c, language) == c]

    assert untranslated == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_two_columns_of_the_measure_table_read_the_same(language: str) -> None:
    labels = [column_label(c, language) for c in FRAME_COLUMNS]

    assert len(labels) == len(set(labels))


def test_the_words_come_from_the_enumerations_labels() -> None:
    assert column_label("sector_relatives", "sv") == "släkt"
    assert (
        column_label("tie_strained_share", Language.FI) == "kuormittava tai ristiriitainen, osuus"
    )
    assert column_label("no_support", "en") == "no support"


def test_an_unknown_column_keeps_its_name() -> None:
    assert column_label("notes", "fi") == "notes"


def test_a_streamed_csv_gets_its_header_translated_and_nothing_else() -> None:
    out = io.StringIO()
    stream = TranslatedHeader(out, "fi")
    writer = csv.writer(stream, lineterminator="\n")

    writer.writerow(["area", "families"])
    writer.writerow(["area", "3"])

    assert out.getvalue() == "alue,perheitä\narea,3\n"
    assert translated_header("size\n1\n", "sv") == "nätverkets storlek\n1\n"
