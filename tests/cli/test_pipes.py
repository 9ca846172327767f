"""``-`` for stdin and stdout, progress, and ``check`` and ``analyse`` agreeing on every input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Final

import pytest
from click.testing import CliRunner

from openco.cli.exit_codes import ExitCode
from openco.cli.main import cli
from openco.demo import vaaralampi_story
from openco.io import dumps

OPENCO: Final = [sys.executable, "-c", "from openco.cli import main; main()"]
STORY: Final = vaaralampi_story()
CSV: Final = (
    "family,drawn_on,drawn_with,member,label,sector,ring,tie\n"
    "f-onni,2026-02-10,p-maija,n-mummo,Mummo,suku,sisin kehä,vahva ja tukeva\n"
)


def invoke(*args: str, stdin: bytes | str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


class TestDash:
    def test_generate_piped_into_analyse(self, tmp_path: Path) -> None:
        code, population, _ = invoke("generate", "--families", "30", "-o", "-")
        assert code == ExitCode.OK

        code, stdout, stderr = invoke(
            "analyse", "-", "--out", str(tmp_path / "r"), "--pictures", "0", stdin=population
        )

        assert code == ExitCode.OK, stderr
        assert stdout.startswith("Read 31 documents from 1 file: 30 network maps")
        assert (tmp_path / "r" / "families.csv").read_text(encoding="utf-8").count("\n") == 31

    def test_a_real_shell_pipe(self, tmp_path: Path) -> None:
        """``openco generate … -o - | openco analyse - --out DIR`` as a shell runs it."""
        generate = subprocess.Popen(  # noqa: S603 - our own interpreter and command
            [*OPENCO, "generate", "--families", "40", "-o", "-"], stdout=subprocess.PIPE
        )
        analyse = subprocess.run(  # noqa: S603 - our own interpreter and command
            [*OPENCO, "analyse", "-", "--out", "r", "--pictures", "1"],
            stdin=generate.stdout,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        assert generate.stdout is not None
        generate.stdout.close()
        assert generate.wait(timeout=60) == 0

        assert analyse.returncode == 0, analyse.stderr
        assert "40 network maps" in analyse.stdout
        assert (tmp_path / "r" / "maps" / "map-1.svg").exists()

    def test_check_reads_stdin_as_json_lines(self) -> None:
        lines = "\n".join([dumps(STORY.families[0]), "[]", dumps(STORY)])

        code, stdout, _ = invoke("check", "-", stdin=lines)

        assert code == ExitCode.INVALID_INPUT
        assert stdout.splitlines() == [
            "<stdin>:2: $: a document is a JSON object",
            "Checked 1 file, 3 documents: 1 problem in 1 file.",
        ]

    def test_import_csv_from_stdin_to_stdout(self) -> None:
        code, stdout, stderr = invoke("import-csv", "-", "-o", "-", stdin=CSV.encode("cp1252"))

        assert code == ExitCode.OK, stderr
        assert stdout.count("\n") == 1
        assert '"kind": "network_map"' in stdout
        assert "to -" in stderr  # the summary goes to stderr when the documents go to stdout

    def test_import_csv_problems_on_stdin_are_located_there(self, tmp_path: Path) -> None:
        code, _, stderr = invoke(
            "import-csv", "-", "-o", str(tmp_path / "m.jsonl"), stdin=CSV.replace("suku", "x")
        )

        assert code == ExitCode.INVALID_INPUT
        assert "<stdin>" in stderr
        assert not (tmp_path / "m.jsonl").exists()

    @pytest.mark.parametrize("options", [["check"], ["analyse", "--out", "r"]])
    def test_stdin_is_read_once(self, options: list[str]) -> None:
        command, *rest = options

        code, _, stderr = invoke(command, "-", "-", *rest)

        assert code == ExitCode.USAGE
        assert "only once" in stderr


class TestProgress:
    @pytest.mark.parametrize(
        ("args", "label"),
        [
            (["generate", "--families", "20", "-o", "-"], "Generating"),
            (["check", "{city}"], "Checking"),
            (["analyse", "{city}", "--out", "{out}", "--pictures", "0"], "Reading"),
        ],
    )
    def test_progress_is_logged_when_asked_and_quiet_otherwise(
        self, tmp_path: Path, args: list[str], label: str
    ) -> None:
        city = tmp_path / "city.jsonl"
        invoke("generate", "--families", "20", "-o", str(city))
        filled = [a.format(city=city, out=tmp_path / "o1") for a in args]

        _, _, quiet = invoke(*filled)
        filled = [a.format(city=city, out=tmp_path / "o2") for a in args]
        code, _, logged = invoke(*filled, "--progress")

        assert code == ExitCode.OK
        assert label not in quiet
        assert f"{label}: 100%" in logged

    def test_progress_on_stdin_counts_what_was_read(self) -> None:
        _, population, _ = invoke("generate", "--families", "5", "-o", "-")

        _, _, stderr = invoke("check", "-", "--progress", stdin=population)

        assert "Checking: " in stderr
        assert "bytes" in stderr


VALID_BUNDLE: Final = dumps(STORY)
INPUTS: Final = {
    "an empty .json file": ("x.json", ""),
    "a .json file of white space": ("x.json", "  \n\n"),
    "an empty .jsonl file": ("x.jsonl", ""),
    "blank lines only": ("x.jsonl", "\n\n  \n"),
    "not JSON": ("x.json", "{not json"),
    "a JSON array": ("x.json", "[]"),
    "a JSON Lines array": ("x.jsonl", f"{VALID_BUNDLE}\n[]\n"),
    "an unknown kind": ("x.json", '{"schema_version": 1, "kind": "flower", "data": {}}'),
    "no schema version": ("x.json", '{"kind": "bundle", "data": {}}'),
    "a later schema version": ("x.json", '{"schema_version": 99, "kind": "bundle", "data": {}}'),
    "kinds mixed in JSON Lines": (
        "x.jsonl",
        "\n".join([VALID_BUNDLE, dumps(STORY.network_maps[0]), dumps(STORY.families[0])]),
    ),
    "a valid bundle": ("x.json", VALID_BUNDLE),
    "a valid bundle with blank lines": ("x.jsonl", f"\n{VALID_BUNDLE}\n\n"),
    "a bundle whose areas are a number": (
        "x.json",
        '{"schema_version": 1, "kind": "bundle", "data": {"areas": 3}}',
    ),
    "a valid person, a kind analyse does not use": (
        "x.json",
        dumps(STORY.families[0].members[0]),
    ),
    "a person without a name, a kind analyse does not use": (
        "x.jsonl",
        dumps(STORY.families[0].members[0]).replace(
            f'"name": "{STORY.families[0].members[0].name}"', '"name": ""', 1
        ),
    ),
    "a map with an impossible date": (
        "x.json",
        dumps(STORY.network_maps[0]).replace(str(STORY.network_maps[0].drawn_on), "2026-02-30", 1),
    ),
}


class TestCheckAndAnalyseAgree:
    @pytest.mark.parametrize("case", sorted(INPUTS))
    def test_what_check_accepts_analyse_reads_and_what_it_refuses_analyse_refuses(
        self, tmp_path: Path, case: str
    ) -> None:
        name, text = INPUTS[case]
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")

        checked, check_out, _ = invoke("check", str(path))
        analysed, _, analyse_err = invoke(
            "analyse", str(path), "--out", str(tmp_path / "r"), "--pictures", "0"
        )

        assert checked in {ExitCode.OK, ExitCode.INVALID_INPUT}
        assert (checked == ExitCode.OK) == (analysed == ExitCode.OK), (check_out, analyse_err)
        if checked != ExitCode.OK:
            assert analysed == ExitCode.INVALID_INPUT
