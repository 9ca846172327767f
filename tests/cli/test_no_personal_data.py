"""Pseudonymised runs of the CLI show no name, no identity code and no person's id anywhere.

A synthetic population is planted with generated markers: every name and label becomes a
made-up name (``Qx…`` words that occur nowhere else) followed by a generated Finnish personal
identity code, from the individual numbers 900-999 that are never given to real people, and
every family member's and network member's id becomes a made-up record key (``qr-…``; an
identity code is no id, the model refuses it). Then every output of pseudonymised runs (each
file written, stdout and stderr, failures and leftovers included) is searched for them.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import pytest
from click.testing import CliRunner

from openco.cli.generate import population_lines
from openco.cli.main import cli
from openco.cli.output import STAGING_MARK

_CHECK: Final = "0123456789ABCDEFHJKLMNPRSTUVWXY"
OPENCO: Final = [sys.executable, "-c", "from openco.cli import main; main()"]


def identity_code(rng: random.Random) -> str:
    """A well-formed Finnish personal identity code with a test individual number (900-999)."""
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(0, 99)
    individual = rng.randint(900, 999)
    number = int(f"{day:02d}{month:02d}{year:02d}{individual:03d}")
    sign = rng.choice("-A")
    return f"{day:02d}{month:02d}{year:02d}{sign}{individual:03d}{_CHECK[number % 31]}"


class Planted:
    """A population with planted names and identity codes, and the list of what was planted."""

    def __init__(self, families: int, seed: int) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - test data, not a secret
        self.names: dict[str, str] = {}
        self.codes: dict[str, str] = {}
        self.ids: dict[str, str] = {}
        self.family_ids: set[str] = set()
        self.lines = [self._plant(line) for line in population_lines(families=families, seed=seed)]

    def _name(self, old: str) -> str:
        if old not in self.names:
            self.codes[old] = identity_code(self.rng)
            self.names[old] = (
                f"Qx{self.rng.randrange(16**6):06x} Qz{len(self.names):04d} {self.codes[old]}"
            )
        return self.names[old]

    def _id(self, old: str) -> str:
        if old not in self.ids:
            self.ids[old] = f"qr-{self.rng.randrange(16**10):010x}-{len(self.ids):05d}"
        return self.ids[old]

    def _plant(self, line: str) -> str:
        document = json.loads(line)
        data: dict[str, Any] = document["data"]
        for professional in data.get("professionals", ()):
            professional["name"] = self._name(professional["name"])
        for family in data.get("families", ()):
            self.family_ids.add(family["id"])
            for person in family["members"]:
                person["name"] = self._name(person["name"])
                self._id(person["id"])
        for nmap in data.get("network_maps", ()):
            for member in nmap["members"]:
                member["label"] = self._name(member["label"])
                if member["professional"] is None:
                    self._id(member["id"])
        text = json.dumps(document, ensure_ascii=False)
        for old, new in self.ids.items():
            text = text.replace(f'"{old}"', f'"{new}"')
        return text

    @property
    def text(self) -> str:
        return "".join(f"{line}\n" for line in self.lines)

    def markers(self) -> set[str]:
        """Everything that must not appear: names, identity codes, person ids, family ids."""
        return (
            set(self.names.values())
            | set(self.codes.values())
            | set(self.ids.values())
            | self.family_ids
        )


def everything_in(folder: Path) -> Iterator[tuple[str, str]]:
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            yield str(path.relative_to(folder)), path.read_bytes().decode("utf-8", "replace")


def found(markers: set[str], texts: dict[str, str]) -> dict[str, set[str]]:
    hits = {where: {m for m in markers if m in text} for where, text in texts.items()}
    return {where: marks for where, marks in hits.items() if marks}


@pytest.fixture(scope="module")
def planted() -> Planted:
    return Planted(families=40, seed=8)


def test_the_population_carries_the_planted_data_and_is_valid(
    planted: Planted, tmp_path: Path
) -> None:
    (tmp_path / "planted.jsonl").write_text(planted.text, encoding="utf-8")

    result = CliRunner().invoke(cli, ["check", str(tmp_path / "planted.jsonl")])

    assert result.exit_code == 0, result.output
    assert len(planted.codes) > 100
    assert len(planted.ids) > 100
    assert all(code in planted.text for code in planted.codes.values())
    assert all(key in planted.text for key in planted.ids.values())
    assert all(name in planted.text for name in planted.names.values())


def test_a_person_keyed_by_their_identity_code_is_refused_without_echo(
    planted: Planted, tmp_path: Path
) -> None:
    """An identity code is no id: check refuses the line and never shows the code."""
    old, code = next(iter(planted.ids.items()))[1], next(iter(planted.codes.values()))
    line = next(line for line in planted.lines if f'"{old}"' in line)
    (tmp_path / "keyed.jsonl").write_text(line.replace(f'"{old}"', f'"{code}"') + "\n")

    result = CliRunner().invoke(cli, ["check", str(tmp_path / "keyed.jsonl")])

    assert result.exit_code == 1, result.output
    assert "pseudonymous record id" in result.output
    assert code not in result.output
    assert code[:6] not in result.output


def test_no_pseudonymised_output_or_message_shows_a_planted_name_or_code(
    planted: Planted, tmp_path: Path
) -> None:
    source = tmp_path / "planted.jsonl"
    source.write_text(planted.text, encoding="utf-8")
    broken = tmp_path / "broken.jsonl"
    lines = planted.lines.copy()
    lines[3] = lines[3].replace('"ring": "inner"', '"ring": "innermost"', 1)
    broken.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x", encoding="utf-8")
    runner = CliRunner()
    texts: dict[str, str] = {}
    runs: list[tuple[str, list[str], str | None]] = [
        ("file", ["analyse", str(source), "--out", str(tmp_path / "a"), "--progress"], None),
        ("stdin", ["analyse", "-", "--out", str(tmp_path / "b"), "--pictures", "5"], planted.text),
        ("exact", ["analyse", str(source), "-o", str(tmp_path / "c"), "--exact-dates"], None),
        (
            "html",
            ["analyse", str(source), "-o", str(tmp_path / "e"), "--html", "--lang", "fi"],
            None,
        ),
        ("broken", ["analyse", str(broken), "--out", str(tmp_path / "d")], None),
        ("refused", ["analyse", str(source), "--out", str(tmp_path / "full")], None),
        ("check", ["check", str(source), "--progress"], None),
        ("check-broken", ["check", str(broken)], None),
    ]

    for name, args, stdin in runs:
        result = runner.invoke(cli, args, input=stdin)
        texts[f"{name}: stdout"] = result.stdout
        texts[f"{name}: stderr"] = result.stderr
    texts |= {w: t for w, t in everything_in(tmp_path) if w not in {source.name, broken.name}}

    assert (tmp_path / "a" / "maps" / "map-1.svg").exists()
    assert (tmp_path / "e" / "report.html").exists()
    assert "innermost" in texts["broken: stderr"]  # the failure was reported …
    assert found(planted.markers(), texts) == {}  # … and nothing planted anywhere


def test_a_killed_run_and_the_next_one_show_nothing_planted(
    planted: Planted, tmp_path: Path
) -> None:
    source = tmp_path / "planted.jsonl"
    source.write_text(planted.text * 4, encoding="utf-8")
    killed = subprocess.Popen(  # noqa: S603 - our own interpreter and command
        [*OPENCO, "analyse", str(source), "--out", "r"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while killed.poll() is None and time.monotonic() < deadline:
        if any(STAGING_MARK in p.name for p in tmp_path.iterdir()):
            break
        time.sleep(0.01)
    killed.send_signal(signal.SIGKILL)
    killed_out, killed_err = killed.communicate(timeout=60)

    result = CliRunner().invoke(cli, ["analyse", str(source), "--out", str(tmp_path / "next")])

    texts = {"killed: out": killed_out, "killed: err": killed_err, "next": result.output}
    texts |= {w: t for w, t in everything_in(tmp_path) if w != "planted.jsonl"}
    assert result.exit_code == 0, result.output
    assert not [p for p in tmp_path.iterdir() if STAGING_MARK in p.name]
    assert found(planted.markers(), texts) == {}


def test_the_search_finds_what_an_identified_run_shows(planted: Planted, tmp_path: Path) -> None:
    """The control: with --names the same search finds the planted data, so it can see."""
    source = tmp_path / "planted.jsonl"
    source.write_text(planted.text, encoding="utf-8")

    CliRunner().invoke(cli, ["analyse", str(source), "--out", str(tmp_path / "r"), "--names"])

    hits = found(planted.markers(), dict(everything_in(tmp_path / "r")))
    assert set(planted.codes.values()) & set().union(*hits.values())  # in the names
    assert set(planted.family_ids) & set().union(*hits.values())
