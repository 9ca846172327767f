"""Entry point of the ``openco`` command: the command group and its error handling.

Each command lives in its own module of :mod:`openco.cli` as a :func:`click.command` and is
registered here with :meth:`click.Group.add_command`. :class:`OpencoGroup` gives every
command the same behaviour on failure, so a command only raises: an
:class:`~openco.errors.OpencoError` or :class:`OSError` becomes one line on stderr and the
exit code of :mod:`openco.cli.exit_codes`.
"""

from __future__ import annotations

import os
import signal
import sys
import traceback
from typing import Any, NoReturn

import click

from openco import __version__
from openco.cli.analyse import analyse
from openco.cli.check import check
from openco.cli.conformance import conformance
from openco.cli.demo import demo
from openco.cli.diagram import diagram
from openco.cli.exit_codes import EXIT_CODES_HELP, ExitCode, exit_code_for, one_line
from openco.cli.generate import generate
from openco.cli.import_csv import import_csv
from openco.cli.schema import schema
from openco.cli.store import store

__all__ = ["OpencoGroup", "cli", "main"]


def _interrupted(ctx: click.Context) -> NoReturn:
    # Ctrl-C: every staged output has been removed on the way out. Say so in one line and end
    # with the code shells give a command stopped by SIGINT.
    click.echo("openco: interrupted; no file was left half-written.", err=True)
    ctx.exit(ExitCode.INTERRUPTED)


def _during_interrupt(error: BaseException) -> bool:
    """Whether *error* came of an interrupt (Ctrl-C, SIGTERM) this process received."""
    if _SIGNALLED:
        return True
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        cause = cause.__context__
    return False


class OpencoGroup(click.Group):
    """A :class:`click.Group` whose commands fail with one clear line and a documented code.

    Click's own exceptions (usage errors, ``--help``, explicit exits) pass through untouched.
    Anything else escaping a command is printed as ``openco: error: <one line>`` on stderr and
    ends the command with :func:`~openco.cli.exit_codes.exit_code_for`; with ``--debug`` the
    traceback is printed too, and the exit code stays the same.
    """

    def invoke(self, ctx: click.Context) -> Any:  # noqa: ANN401 - click's own signature
        """Run the subcommand, translating its failures."""
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            _interrupted(ctx)
        except BrokenPipeError:
            # The reader went away (``openco check … | head``): stop quietly, as Unix tools do.
            # Python would complain again when it flushes stdout on exit, so point it elsewhere.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(ExitCode.FAILURE)
        except Exception as error:  # noqa: BLE001 - the one place every failure is reported
            if _during_interrupt(error):
                # Cleaning up after Ctrl-C can fail in turn (a module whose import the signal
                # cut short, say): the cause is still the interrupt, not a bug or bad input.
                _interrupted(ctx)
            if ctx.meta.get("openco.debug", False):
                click.echo(traceback.format_exc(), err=True, nl=False)
            click.echo(f"openco: error: {one_line(error)}", err=True)
            ctx.exit(exit_code_for(error))


@click.group(
    cls=OpencoGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EXIT_CODES_HELP,
)
@click.version_option(__version__, prog_name="openco")
@click.option(
    "--debug",
    is_flag=True,
    help="On failure, print the full traceback as well as the one-line message.",
)
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """openco: early open cooperation with families, as typed data.

    Run 'openco COMMAND --help' for the options of each command.
    """
    ctx.meta["openco.debug"] = debug


cli.add_command(check)
cli.add_command(demo)
cli.add_command(diagram)
cli.add_command(import_csv)
cli.add_command(generate)
cli.add_command(analyse)
cli.add_command(schema)
cli.add_command(conformance)
cli.add_command(store)


_SIGNALLED: list[int] = []
"""The interrupting signals this process received (Ctrl-C, SIGTERM), in order."""


def _terminated(signum: int, frame: object) -> None:
    # Remember the signal before raising: an interrupt that lands inside a library's import or
    # cleanup can be swallowed there and surface later as an unrelated error (a half-imported
    # numpy, say), which is still the interrupt's doing, not a bug or bad input.
    del frame
    _SIGNALLED.append(signum)
    raise KeyboardInterrupt


def main() -> None:
    """Run the ``openco`` command.

    SIGTERM (``kill``, a stopped container) is handled as Ctrl-C is, so staged output is
    removed on the way out; only SIGKILL leaves a staging entry, which the next run removes.
    """
    signal.signal(signal.SIGTERM, _terminated)
    signal.signal(signal.SIGINT, _terminated)
    try:
        cli(prog_name="openco")
    except KeyboardInterrupt:  # pragma: no cover - Ctrl-C before a command started
        click.echo("openco: interrupted.", err=True)
        sys.exit(ExitCode.INTERRUPTED)
