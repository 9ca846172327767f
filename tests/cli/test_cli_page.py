"""docs/cli.md runs as written: its files are laid out, its commands run, outputs compared.

The page's fenced blocks are read in order. A block with ``title="NAME"`` is an example file,
written as NAME. A ``console`` block holds commands (``$ openco …``), each followed by its
exact output (stdout and stderr as a terminal shows them); a line ``...`` stands for any
number of lines. A command ending in ``# exits with N`` must exit with N, any other with 0.
Commands may be piped (``openco generate … -o - | openco analyse - …``): each one's stdout is
the next one's stdin, and what is shown is every stage's stderr and the last one's stdout.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from openco.cli.main import cli

PAGE = Path(__file__).parent.parent.parent / "docs" / "cli.md"
_FENCE = re.compile(r"^```(\S*)(.*)$")
_TITLE = re.compile(r'title="([^"]+)"')
_EXITS = re.compile(r"#\s*exits with (\d+)\s*$")


@attrs.frozen
class Command:
    line: str
    expected: tuple[str, ...]

    @property
    def stages(self) -> list[list[str]]:
        """The arguments of each command of the pipeline, without the program name."""
        stages: list[list[str]] = [[]]
        for word in shlex.split(self.line, comments=True):
            if word == "|":
                stages.append([])
            else:
                stages[-1].append(word)
        for stage in stages:
            assert stage[:1] == ["openco"], self.line
        return [stage[1:] for stage in stages]

    @property
    def args(self) -> list[str]:
        [args] = self.stages
        return args

    @property
    def exit_code(self) -> int:
        match = _EXITS.search(self.line)
        return int(match.group(1)) if match else 0

    def matches(self, output: str) -> bool:
        pattern = "".join(
            r"(?:[^\n]*\n)*?" if line == "..." else re.escape(line) + r"\n"
            for line in self.expected
        )
        return re.fullmatch(pattern, output) is not None


def blocks(text: str) -> list[tuple[str, str, list[str]]]:
    """Every fenced block of *text*: its language, the rest of its info string, its lines."""
    found: list[tuple[str, str, list[str]]] = []
    lines = iter(text.splitlines())
    for line in lines:
        if match := _FENCE.match(line):
            body: list[str] = []
            for inner in lines:
                if inner.startswith("```"):
                    break
                body.append(inner)
            found.append((match.group(1), match.group(2), body))
    return found


def steps(text: str) -> list[tuple[str, list[str]] | Command]:
    """The page as a script: files to write and commands to run, in page order."""
    script: list[tuple[str, list[str]] | Command] = []
    for language, info, body in blocks(text):
        if title := _TITLE.search(info):
            script.append((title.group(1), body))
        elif language == "console":
            for line in body:
                if line.startswith("$ "):
                    script.append(Command(line.removeprefix("$ "), ()))
                else:
                    last = script[-1]
                    assert isinstance(last, Command), f"output before any command: {line}"
                    script[-1] = attrs.evolve(last, expected=(*last.expected, line))
    return script


def test_the_page_has_commands_to_run() -> None:
    commands = [s for s in steps(PAGE.read_text(encoding="utf-8")) if isinstance(s, Command)]

    firsts = {stage[0] for c in commands for stage in c.stages if stage}
    assert firsts >= {"check", "import-csv", "demo", "--help", "generate", "analyse"}


def test_every_command_on_the_page_gives_the_output_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    # Help text is wrapped to the terminal; the page shows it at 80 columns.
    runner = CliRunner(env={"COLUMNS": "80"})

    for step in steps(PAGE.read_text(encoding="utf-8")):
        if isinstance(step, Command):
            shown, stdin = "", None
            for args in step.stages:
                result = runner.invoke(cli, args, prog_name="openco", input=stdin)
                stdin = result.stdout_bytes
                shown += result.stderr
            shown += result.stdout

            assert result.exit_code == step.exit_code, (step.line, shown)
            assert step.matches(shown), (step.line, shown)
        else:
            name, body = step
            (tmp_path / name).write_text("\n".join(body) + "\n", encoding="utf-8")
