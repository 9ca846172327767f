"""The exit codes of the ``openco`` command, and how a failure becomes one line and one code.

Every command runs inside :class:`~openco.cli.main.OpencoGroup`, which turns an exception into
one line on stderr (:func:`one_line`) and the exit code :func:`exit_code_for` gives it, unless
``--debug`` asks for the traceback.
"""

from __future__ import annotations

import enum
from typing import Final

from openco.errors import InvalidDocumentError, OpencoError

__all__ = ["EXIT_CODES_HELP", "ExitCode", "exit_code_for", "one_line"]


class ExitCode(enum.IntEnum):
    """What the ``openco`` command's exit status means.

    >>> int(ExitCode.INVALID_INPUT)
    1
    """

    OK = 0
    """Everything worked; for ``openco check``, every document is valid."""
    INVALID_INPUT = 1
    """The input is not valid (a bad document, a bad CSV row), or ``check`` found problems."""
    USAGE = 2
    """The command line itself is wrong: unknown option, missing argument, no such file."""
    FAILURE = 3
    """Anything else: a file could not be written, or openco itself failed."""
    INTERRUPTED = 130
    """Stopped by Ctrl-C (or SIGTERM), as shells count SIGINT (128 + 2); no half-written file."""


EXIT_CODES_HELP: Final = """\
Exit codes:

\b
  0    success; for check: every document is valid
  1    invalid input, or check found problems
  2    usage error: unknown option, missing argument, no such file
  3    other failure: a file could not be read or written, or an internal error
  130  interrupted (Ctrl-C): no file is left half-written
"""
"""The exit-code table as shown at the end of ``openco --help`` (``\\b`` keeps click from
rewrapping it)."""


def exit_code_for(error: BaseException) -> ExitCode:
    """The exit code a command ends with when *error* escapes it.

    >>> exit_code_for(InvalidDocumentError([]))
    <ExitCode.INVALID_INPUT: 1>
    >>> exit_code_for(PermissionError(13, "Permission denied", "out.jsonl"))
    <ExitCode.FAILURE: 3>
    """
    # A file that is not UTF-8 is bad input, not a broken machine.
    if isinstance(error, OpencoError | UnicodeError):
        return ExitCode.INVALID_INPUT
    return ExitCode.FAILURE


def one_line(error: BaseException) -> str:
    """*error* as one line a person can act on, without a traceback.

    >>> one_line(FileNotFoundError(2, "No such file or directory", "maps/out.jsonl"))
    "No such file or directory: 'maps/out.jsonl'"
    >>> from openco.errors import DocumentProblem
    >>> one_line(InvalidDocumentError([DocumentProblem("data.name", "missing"),
    ...                                DocumentProblem("data.id", "missing")]))
    '2 problems in the document: data.name: missing; data.id: missing'
    >>> one_line(KeyError("x"))
    "internal error (KeyError: 'x'); run again with --debug for the traceback"
    """
    return " ".join(_message(error).split())


def _message(error: BaseException) -> str:
    if isinstance(error, InvalidDocumentError):
        count = len(error.problems)
        listed = "; ".join(str(p) for p in error.problems)
        return f"{count} problem{'s' if count != 1 else ''} in the document: {listed}"
    if isinstance(error, OSError) and error.strerror:
        where = f": {str(error.filename)!r}" if error.filename is not None else ""
        return f"{error.strerror}{where}"
    if isinstance(error, OpencoError | OSError | UnicodeError):
        return str(error)
    return (
        f"internal error ({type(error).__name__}: {error}); "
        "run again with --debug for the traceback"
    )
