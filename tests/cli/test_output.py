"""The one atomic-output helper: all or nothing, no overwrite without force, no leftovers."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import click
import pytest
from hypothesis import given
from hypothesis import strategies as st

from openco.cli.output import (
    STAGING_MARK,
    UnsafeNameError,
    output_directory,
    output_file,
    remove_stale_staging,
    safe_name,
    write_lines,
)


def names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class TestOutputDirectory:
    def test_the_folder_appears_only_when_the_block_ends(self, tmp_path: Path) -> None:
        out = tmp_path / "report"

        with output_directory(out) as staged:
            staged.write_text("a.csv", text="x\n")
            staged.write_bytes("maps", "b.png", data=b"\x89PNG")
            assert not out.exists()

        assert names(out) == {"a.csv", "maps"}
        assert (out / "maps" / "b.png").read_bytes() == b"\x89PNG"
        assert names(tmp_path) == {"report"}

    def test_a_failure_leaves_nothing_behind(self, tmp_path: Path) -> None:
        out = tmp_path / "report"

        with pytest.raises(RuntimeError), output_directory(out) as staged:  # noqa: PT012 - it fails inside the staged block
            staged.write_text("a.csv", text="x\n")
            raise RuntimeError

        assert names(tmp_path) == set()

    def test_an_interrupt_leaves_nothing_behind(self, tmp_path: Path) -> None:
        with pytest.raises(KeyboardInterrupt), output_directory(tmp_path / "r") as staged:  # noqa: PT012 - it fails inside the staged block
            staged.write_text("a.csv", text="x\n")
            raise KeyboardInterrupt

        assert names(tmp_path) == set()

    def test_a_folder_that_holds_anything_is_refused_without_force(self, tmp_path: Path) -> None:
        out = tmp_path / "report"
        out.mkdir()
        (out / "mine.txt").write_text("mine", encoding="utf-8")

        with pytest.raises(click.UsageError, match="add --force"), output_directory(out):
            pass

        assert names(out) == {"mine.txt"}

    def test_force_replaces_the_folder_as_a_whole(self, tmp_path: Path) -> None:
        out = tmp_path / "report"
        out.mkdir()
        (out / "old.txt").write_text("old", encoding="utf-8")

        with output_directory(out, force=True) as staged:
            staged.write_text("new.txt", text="new")

        assert names(out) == {"new.txt"}
        assert names(tmp_path) == {"report"}

    def test_a_file_where_the_folder_should_be_is_refused_even_with_force(
        self, tmp_path: Path
    ) -> None:
        (tmp_path / "report").write_text("mine", encoding="utf-8")

        with (
            pytest.raises(click.UsageError, match="not a directory"),
            output_directory(tmp_path / "report", force=True),
        ):
            pass

        assert (tmp_path / "report").read_text(encoding="utf-8") == "mine"

    def test_an_empty_folder_is_filled(self, tmp_path: Path) -> None:
        (tmp_path / "report").mkdir()

        with output_directory(tmp_path / "report") as staged:
            staged.write_text("a.csv", text="x")

        assert names(tmp_path / "report") == {"a.csv"}

    def test_permissions_follow_the_umask(self, tmp_path: Path) -> None:
        old = os.umask(0o027)
        try:
            with output_directory(tmp_path / "r") as staged:
                staged.write_text("sub", "a.csv", text="x")
        finally:
            os.umask(old)

        assert stat.S_IMODE((tmp_path / "r").stat().st_mode) == 0o750
        assert stat.S_IMODE((tmp_path / "r" / "sub").stat().st_mode) == 0o750
        assert stat.S_IMODE((tmp_path / "r" / "sub" / "a.csv").stat().st_mode) == 0o640

    def test_private_output_is_owner_only(self, tmp_path: Path) -> None:
        with output_directory(tmp_path / "r", private=True) as staged:
            staged.write_text("sub", "a.csv", text="x")

        assert stat.S_IMODE((tmp_path / "r").stat().st_mode) == 0o700
        assert stat.S_IMODE((tmp_path / "r" / "sub").stat().st_mode) == 0o700
        assert stat.S_IMODE((tmp_path / "r" / "sub" / "a.csv").stat().st_mode) == 0o600

    def test_errors_name_the_users_path_not_the_staging_one(self, tmp_path: Path) -> None:
        out = tmp_path / "report"

        with pytest.raises(OSError, match="report") as caught, output_directory(out) as staged:  # noqa: PT012 - it fails inside the staged block
            staged.path("a.csv")
            raise OSError(28, "No space left on device", str(staged.path("a.csv")))

        assert caught.value.filename == str(out / "a.csv")
        assert STAGING_MARK not in str(caught.value)

    def test_a_missing_parent_is_an_os_error_naming_the_target(self, tmp_path: Path) -> None:
        out = tmp_path / "no" / "report"

        with pytest.raises(FileNotFoundError) as caught, output_directory(out):
            pass

        assert caught.value.filename == str(out)


class TestNames:
    @pytest.mark.parametrize(
        "name", ["../../x", "/etc/passwd", "a/b", "..", ".", "", "a\x00b", "a\\b", "x" * 300]
    )
    def test_a_name_that_could_leave_the_folder_is_refused(self, tmp_path: Path, name: str) -> None:
        with pytest.raises(UnsafeNameError), output_directory(tmp_path / "r") as staged:
            staged.write_text(name, text="x")

        assert names(tmp_path) == set()

    def test_a_symlink_planted_inside_cannot_lead_outside(self, tmp_path: Path) -> None:
        outside = tmp_path / "outside"
        outside.mkdir()

        with pytest.raises(UnsafeNameError), output_directory(tmp_path / "r") as staged:  # noqa: PT012 - it fails inside the staged block
            staged.path("link").parent.joinpath("link").symlink_to(outside)
            staged.write_text("link", "x.txt", text="x")

        assert names(outside) == set()

    @given(st.text())
    def test_any_accepted_name_is_one_plain_name(self, name: str) -> None:
        try:
            safe_name(name)
        except UnsafeNameError:
            return
        assert Path(name).name == name
        assert name not in {".", ".."}


class TestOutputFile:
    def test_the_file_appears_only_when_the_block_ends(self, tmp_path: Path) -> None:
        out = tmp_path / "a.jsonl"

        with output_file(out) as handle:
            handle.write("line\n")
            assert not out.exists()

        assert out.read_text(encoding="utf-8") == "line\n"
        assert names(tmp_path) == {"a.jsonl"}

    def test_a_file_that_holds_anything_is_kept_without_force(self, tmp_path: Path) -> None:
        out = tmp_path / "a.jsonl"
        out.write_text("old\n", encoding="utf-8")

        with pytest.raises(click.UsageError, match="add --force"), output_file(out):
            pass
        write_lines(out, ["new"], force=True)

        assert out.read_text(encoding="utf-8") == "new\n"

    def test_an_empty_file_may_be_filled(self, tmp_path: Path) -> None:
        out = tmp_path / "a.jsonl"
        out.touch()

        write_lines(out, ["new"])

        assert out.read_text(encoding="utf-8") == "new\n"

    def test_permissions_follow_the_umask_or_are_private(self, tmp_path: Path) -> None:
        write_lines(tmp_path / "open.txt", ["x"])
        with output_file(tmp_path / "key", private=True) as handle:
            handle.write("secret\n")

        assert stat.S_IMODE((tmp_path / "open.txt").stat().st_mode) == 0o666 & ~umask()
        assert stat.S_IMODE((tmp_path / "key").stat().st_mode) == 0o600

    def test_a_failure_leaves_the_old_file_and_nothing_else(self, tmp_path: Path) -> None:
        out = tmp_path / "a.jsonl"
        out.write_text("old\n", encoding="utf-8")

        with pytest.raises(RuntimeError), output_file(out, force=True) as handle:  # noqa: PT012 - it fails inside the staged block
            handle.write("new\n")
            raise RuntimeError

        assert out.read_text(encoding="utf-8") == "old\n"
        assert names(tmp_path) == {"a.jsonl"}

    def test_a_dash_is_stdout(self, capsys: pytest.CaptureFixture[str]) -> None:
        write_lines("-", ["one", "two"])

        assert capsys.readouterr().out == "one\ntwo\n"


class TestLeftovers:
    def test_leftovers_of_a_killed_run_are_removed_with_a_message(self, tmp_path: Path) -> None:
        (tmp_path / f".report{STAGING_MARK}dead").mkdir()
        (tmp_path / f".report{STAGING_MARK}dead" / "families.csv").write_text("x")
        (tmp_path / f".city.jsonl{STAGING_MARK}dead").write_text("x")
        said: list[str] = []

        removed = remove_stale_staging(tmp_path, echo=said.append)

        assert removed == 2
        assert names(tmp_path) == set()
        assert all("left behind by an interrupted run" in line for line in said)

    def test_a_planted_link_is_removed_and_what_it_points_to_is_kept(self, tmp_path: Path) -> None:
        victim = tmp_path / "victim"
        victim.mkdir()
        (victim / "keep.txt").write_text("mine", encoding="utf-8")
        (tmp_path / f".report{STAGING_MARK}trap").symlink_to(victim)

        remove_stale_staging(tmp_path, echo=lambda _: None)

        assert names(tmp_path) == {"victim"}
        assert names(victim) == {"keep.txt"}

    def test_the_next_run_removes_them(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (tmp_path / f".report{STAGING_MARK}dead").mkdir()

        with output_directory(tmp_path / "other") as staged:
            staged.write_text("a", text="x")

        assert names(tmp_path) == {"other"}
        assert "left behind by an interrupted run" in capsys.readouterr().err

    def test_a_running_commands_staging_is_left_alone(self, tmp_path: Path) -> None:
        """Another process holds its staging folder: it is not stale, and stays."""
        script = textwrap.dedent(
            f"""
            import sys, time
            from pathlib import Path
            from openco.cli.output import output_directory
            with output_directory(Path({str(tmp_path / "busy")!r})) as staged:
                staged.write_text("a", text="x")
                print("ready", flush=True)
                sys.stdin.readline()
            """
        )
        holder = subprocess.Popen(  # noqa: S603 - our own interpreter and script
            [sys.executable, "-c", script],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline() == "ready\n"

            assert remove_stale_staging(tmp_path, echo=lambda _: None) == 0
            assert len(names(tmp_path)) == 1
        finally:
            holder.communicate("go\n", timeout=30)

        assert holder.returncode == 0
        assert names(tmp_path) == {"busy"}
