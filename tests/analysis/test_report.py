"""The HTML report: one self-contained page, in three languages, pseudonymised, stable.

Opened in a real headless Chromium, it renders without console errors.
"""

from __future__ import annotations

import html.parser
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from openco.analysis import Privacy, area_network, measure_maps
from openco.analysis.report import REPORT_TEXTS, FlaggedMaps, flagged_maps, html_report
from openco.cli.main import cli
from openco.demo import DemoPopulation, area_population
from openco.model import Language

ARTEFACTS = Path(__file__).parent.parent.parent / "build" / "test-artefacts"
KEY = b"0123456789abcdef"


@pytest.fixture(scope="module")
def population() -> DemoPopulation:
    return area_population(families_per_area=12)


def report(population: DemoPopulation, language: str = "en", privacy: Privacy | None = None) -> str:
    maps = population.network_maps
    return html_report(
        measure_maps(maps),
        privacy=privacy or Privacy.pseudonymised(KEY),
        language=language,
        area_of={f.id: f.home_area for f in population.families},
        network=area_network(
            professionals=population.professionals, units=population.units,
            families=population.families, maps=maps, meetings=population.meetings,
            plans=population.plans, seed=1,
        ),
        maps=flagged_maps(maps, limit=2),
        area_names={a.id: a.name for a in population.areas},
        unit_names={u.id: u.name for u in population.units},
    )  # fmt: skip


class _Parts(html.parser.HTMLParser):
    """Counts the elements of a page and every address it would fetch."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, int] = {}
        self.fetched: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] = self.tags.get(tag, 0) + 1
        for name, value in attrs:
            if name in {"src", "href", "xlink:href"} and value and not value.startswith("#"):
                self.fetched.append(value)


def parts(page: str) -> _Parts:
    parser = _Parts()
    parser.feed(page)
    return parser


class TestReport:
    def test_the_page_holds_everything_itself(self, population: DemoPopulation) -> None:
        page = report(population)

        found = parts(page)
        assert found.fetched == []
        assert "<script" not in page
        assert "<link" not in page
        assert not re.search(r"url\((?!#)", page)
        assert found.tags["svg"] == 4  # two areas' services, two flagged maps
        assert found.tags["table"] >= 5

    def test_the_same_input_gives_the_same_bytes(self, population: DemoPopulation) -> None:
        assert report(population) == report(population)

    @pytest.mark.parametrize("language", ["fi", "sv", "en"])
    def test_every_heading_is_in_the_language_asked_for(
        self, population: DemoPopulation, language: str
    ) -> None:
        page = report(population, language)
        lang = Language(language)

        assert f'<html lang="{language}">' in page
        for key in ("summary", "services", "maps_heading", "pseudonymised"):
            assert html.escape(REPORT_TEXTS[key][lang], quote=True) in page

    def test_pseudonymised_it_names_no_family_and_no_member(
        self, population: DemoPopulation
    ) -> None:
        page = report(population)

        for family in population.families:
            assert family.id not in page
        for nmap in population.network_maps:
            for member in nmap.members:
                assert f">{member.label}<" not in page

    def test_svg_ids_are_unique_in_the_page(self, population: DemoPopulation) -> None:
        ids = re.findall(r' id="([^"]+)"', report(population))

        assert len(ids) == len(set(ids))

    def test_flagged_maps_are_kept_while_the_maps_stream_past(
        self, population: DemoPopulation
    ) -> None:
        sample = FlaggedMaps(limit=3)

        table = measure_maps(sample.watch(population.network_maps))

        assert len(table) == len(population.network_maps)
        assert len(sample.maps) == 3
        assert all(sample.flags)


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("OPENCO_REQUIRE_BROWSER"):
            pytest.fail("chromium is not installed (.ci/run installs it)")
        pytest.skip("chromium is not installed; .ci/run installs it")
    return found


def _browse(page: Path, profile: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    command = [
        _chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--enable-logging=stderr", "--v=0", f"--user-data-dir={profile}",
        *flags, page.as_uri(),
    ]  # fmt: skip
    return subprocess.run(  # noqa: S603 - our own browser and page
        command, capture_output=True, text=True, timeout=180, check=False
    )


def console_messages(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "CONSOLE" in line]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("report")
    runner = CliRunner()
    generated = runner.invoke(
        cli, ["generate", "--families", "400", "-o", str(work / "city.jsonl")]
    )
    assert generated.exit_code == 0, generated.output
    analysed = runner.invoke(
        cli,
        ["analyse", str(work / "city.jsonl"), "-o", str(work / "out"), "--html",
         "--lang", "fi", "--key-file", str(_key(work))],
    )  # fmt: skip
    assert analysed.exit_code == 0, analysed.output
    return work / "out" / "report.html"


class TestInTheBrowser:
    """``openco analyse --html`` in a real headless Chromium (Debian's ``chromium``)."""

    def test_the_console_check_catches_an_error(self, tmp_path: Path) -> None:
        """The check below is only worth something if a page's error does show."""
        bad = tmp_path / "bad.html"
        bad.write_text("<!DOCTYPE html><script>console.error('broken')</script>", "utf-8")

        result = _browse(bad, tmp_path / "profile", "--dump-dom")

        assert any("broken" in line for line in console_messages(result.stderr))

    def test_it_renders_without_console_errors_with_its_tables_and_pictures(
        self, page: Path, tmp_path: Path
    ) -> None:
        result = _browse(page, tmp_path / "profile", "--dump-dom")

        assert result.returncode == 0, result.stderr[-2000:]
        assert console_messages(result.stderr) == []
        dom = parts(result.stdout)
        assert dom.tags.get("table", 0) >= 3
        assert dom.tags.get("svg", 0) >= 2
        assert dom.fetched == []
        assert "Verkostoanalyysin raportti" in result.stdout

    def test_a_screenshot_is_saved_as_a_test_artefact(self, page: Path, tmp_path: Path) -> None:
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        shot = ARTEFACTS / "report.png"
        shot.unlink(missing_ok=True)

        result = _browse(
            page, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,2400",
            "--hide-scrollbars",
        )  # fmt: skip

        assert result.returncode == 0, result.stderr[-2000:]
        assert shot.read_bytes().startswith(b"\x89PNG")
        assert shot.stat().st_size > 50_000  # a page with tables and pictures, not a blank one


def _key(work: Path) -> Path:
    key = work / "key"
    key.write_bytes(KEY)
    key.chmod(0o600)
    return key


class TestNotebookViews:
    def test_the_network_and_its_areas_print_as_one_line_each(
        self, population: DemoPopulation
    ) -> None:
        network = area_network(
            professionals=population.professionals, units=population.units,
            families=population.families, maps=population.network_maps, seed=1,
        )  # fmt: skip

        assert repr(network).startswith("ProfessionalNetwork(")
        assert "\n" not in repr(network)
        assert len(repr(network)) < 200
        assert repr(network.areas[0]).startswith("AreaReport(area=")
        assert network._repr_html_().count("<tr>") == len(network.areas) + 1
