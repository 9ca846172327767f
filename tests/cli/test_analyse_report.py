"""``openco analyse --html --lang`` and ``openco demo --lang``: the report and the words."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from openco.cli import analyse as analyse_module
from openco.cli.main import cli

KEY = b"0123456789abcdef"


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("city")
    result = CliRunner().invoke(cli, ["generate", "--families", "60", "-o", str(work / "c.jsonl")])
    assert result.exit_code == 0, result.output
    (work / "key").write_bytes(KEY)
    (work / "key").chmod(0o600)
    return work


def analyse(city: Path, out: str, *options: str) -> Path:
    args = ["analyse", str(city / "c.jsonl"), "-o", str(city / out), "--key-file",
            str(city / "key"), *options]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return city / out


class TestAnalyse:
    def test_html_writes_one_report_beside_the_tables(self, city: Path) -> None:
        out = analyse(city, "with-html", "--html")

        page = (out / "report.html").read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>")
        assert '<html lang="en">' in page

    def test_the_report_is_the_same_for_the_same_input_and_key(self, city: Path) -> None:
        one = analyse(city, "one", "--html", "--lang", "sv") / "report.html"
        two = analyse(city, "two", "--html", "--lang", "sv") / "report.html"

        assert one.read_bytes() == two.read_bytes()

    def test_a_language_turns_the_column_names_into_words(self, city: Path) -> None:
        out = analyse(city, "swedish", "--lang", "sv")

        header = (out / "families.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header.startswith("familj,karta,ritad,nätverkets storlek,")
        assert (out / "areas.csv").read_text(encoding="utf-8").startswith("område,kartor,")

    def test_without_a_language_the_columns_keep_their_stable_names(self, city: Path) -> None:
        out = analyse(city, "stable")

        header = (out / "families.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header.startswith("family,map,drawn_on,size,")

    def test_html_without_matplotlib_is_a_usage_error(
        self, city: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(analyse_module, "_has_matplotlib", lambda: False)

        result = CliRunner().invoke(
            cli, ["analyse", str(city / "c.jsonl"), "-o", str(city / "none"), "--html"]
        )

        assert result.exit_code == 2
        assert "openco[plot]" in result.output
        assert not (city / "none").exists()


class TestDemoInFinnish:
    def test_the_story_the_tables_and_the_report_are_in_finnish(self, tmp_path: Path) -> None:
        result = CliRunner().invoke(cli, ["demo", "--lang", "fi", "--out", str(tmp_path / "d")])

        assert result.exit_code == 0, result.output
        out = tmp_path / "d"
        assert "Aino on aamuisin usein väsynyt ja vetäytyvä" in result.output
        assert (out / "area-report.csv").read_text(encoding="utf-8").startswith("alue,")
        assert "| alue | perheitä |" in (out / "area-report.md").read_text(encoding="utf-8")
        assert "Hakea Ainon päiväkodista" in (out / "story.json").read_text(encoding="utf-8")
        assert '<html lang="fi">' in (out / "report.html").read_text(encoding="utf-8")
