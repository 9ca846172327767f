"""Every exception openco raises.

* :class:`OpencoError` – the base; catch it to catch anything openco raises on purpose.

  * :class:`InvalidModelError` (also :class:`ValueError`) – an object would break an invariant.
    Carries the class, the field, the bad value and what is allowed, and a code with the
    message in Finnish, Swedish and English for the person who typed the value.
  * :class:`InvalidDocumentError` (also :class:`ValueError`) – a JSON document is not a valid
    openco document. Carries every :class:`DocumentProblem` found, each with its JSON path.
  * :class:`TransitionNotAllowedError` – a workflow step was refused: the stage does not allow
    it, or a rule guards it. Carries the stage, the step and every :class:`Refusal` (rule code,
    parameters and the message in Finnish, Swedish and English). The case is left unchanged.
  * :class:`WorkflowDefinitionError` (also :class:`ValueError`) – a transition table is
    malformed (no single initial stage, an unreachable or trap stage, a row leaving a final
    stage, two unguarded rows for one stage and step …). Carries every problem found.
  * :class:`RuleConfigurationError` (also :class:`ValueError`) – a configuration tried to switch
    off a legal rule, or named a rule that does not exist.

  * :class:`InvalidArgumentError` (also :class:`ValueError`) – a function was called with an
    argument it cannot use. Carries the function, the argument, the bad value and what is
    allowed.
  * :class:`LimitExceededError` (also :class:`ValueError`) – an input is larger than a limit of
    :class:`openco.limits.Limits` allows. Carries the limit, the value, the maximum and the
    option that raises it.
  * :class:`MissingDependencyError` (also :class:`ImportError`) – an optional feature needs a
    package that is not installed; says which extra to install.

  * :class:`ConcurrencyError` – a store append expected a case version that another writer
    had already moved on from. Carries the case id and both versions; nothing was written.
  * :class:`StoreError` – the store cannot do what was asked (an unknown case, a schema newer
    than this openco, a database that is not an openco store). Carries what and why.

Each exception passes every constructor argument to ``super().__init__`` and builds its message
in ``__str__`` from the data it carries, so that exceptions pickle and copy intact.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable
from typing import Final

import attrs

__all__ = [
    "ConcurrencyError",
    "DocumentProblem",
    "InvalidArgumentError",
    "InvalidDocumentError",
    "InvalidModelError",
    "LimitExceededError",
    "MissingDependencyError",
    "OpencoError",
    "Refusal",
    "RuleConfigurationError",
    "StoreError",
    "TransitionNotAllowedError",
    "WorkflowDefinitionError",
    "redacted",
]


_EXCERPT: Final = 12
_SMALL_NUMBER: Final = 10**6


def _mask(char: str) -> str:
    if char.isdigit():
        return "9"
    if char.isalpha():
        return "X" if char.isupper() else "x"
    if char.isascii() and char.isprintable():
        return char  # punctuation and spaces: they show why an id or a date is refused
    return "*"


_WORD: Final = re.compile(r"[a-z][a-z0-9_]{0,39}")


def redacted(value: object, *, word: bool = False) -> str:  # noqa: PLR0911 - one return per kind
    """A short excerpt of *value* for an error message or a log, without its content.

    Error messages and logs must not carry personal data, and a bad value in a document is
    often exactly that (a name, an identity code). Text is shown by its shape only: letters
    as ``x``/``X``, digits as ``9``, punctuation and spaces kept, other characters as ``*``;
    at most 12 characters of it, then the length. Dates are shown by their month, collections
    by kind and size, small numbers, booleans, ``None`` and enumeration members as they are.

    >>> redacted("150321A123B Aino Virtanen")
    "'999999X999X …' (25 characters, masked)"
    >>> redacted("../x"), redacted("")
    ("'../x' (masked)", "'' (empty text)")
    >>> redacted(["a", "b"]), redacted({"k": 1}), redacted(5), redacted(None)
    ('a list of 2 elements', 'an object with 1 key', '5', 'None')
    >>> import datetime as dt
    >>> redacted(dt.date(2021, 3, 15))
    'a date in 2021-03'

    With *word*, where openco's own vocabulary is expected (an enumeration value, a document
    kind), a value that looks like such a word (lowercase letters, digits and ``_``, at most
    40 characters) is shown as it is, so that a misspelling can be seen:

    >>> redacted("outermost", word=True), redacted("Aino", word=True)
    ("'outermost'", "'Xxxx' (masked)")

    """
    if isinstance(value, str):
        return _redacted_text(value, word=word)
    if isinstance(value, dt.date):  # a birth date is personal data: the month is enough
        return f"a date in {value:%Y-%m}"
    if value is None or isinstance(value, bool | enum.Enum):
        return repr(getattr(value, "value", value))
    if isinstance(value, int | float):
        return repr(value) if abs(value) < _SMALL_NUMBER else "a large number"
    if isinstance(value, dict):
        return f"an object with {_counted(len(value), 'key')}"
    if isinstance(value, list | tuple | set | frozenset):
        return f"a {_COLLECTIONS[type(value)]} of {_counted(len(value), 'element')}"
    return f"a {type(value).__name__}"


def _counted(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'s' if count != 1 else ''}"


_COLLECTIONS: Final[dict[type, str]] = {
    list: "list",
    tuple: "list",
    set: "set",
    frozenset: "set",
}


def _redacted_text(value: str, *, word: bool) -> str:
    if word and _WORD.fullmatch(value):
        return repr(value)
    if not value:
        return "'' (empty text)"
    shape = "".join(map(_mask, value[:_EXCERPT]))
    if len(value) <= _EXCERPT:
        return f"'{shape}' (masked)"
    return f"'{shape}…' ({len(value):,} characters, masked)"


class OpencoError(Exception):
    """Base of every exception openco raises on purpose."""


_LANGUAGES = ("fi", "sv", "en")
_GENERIC: Final = {
    "fi": "{owner}, {field}: arvo ei kelpaa.",
    "sv": "{owner}, {field}: värdet godtas inte.",
    "en": "{owner}, {field}: the value is not allowed ({allowed}).",
}


class InvalidModelError(OpencoError, ValueError):
    """An object would break one of its invariants.

    ``str(error)`` is the developer's message. A person who typed the value reads
    :meth:`message` in their own language instead: the model's validators give every refusal
    a *code* (``"missing"``, ``"identifier"``, ``"choice"`` …, listed in the model docs) and the
    message in Finnish, Swedish and English, with the class and field named in words. The
    translated messages never quote the value, which may be personal data.

    Attributes:
        owner: the class whose invariant was broken, e.g. ``"Person"``.
        field: the field (or fields, comma separated) at fault, e.g. ``"birth_date"``.
        value: the offending value, unmasked, for programs that handle the error (it may
            be personal data: never log or show it; ``str()`` and ``repr()`` mask it).
        allowed: what the field accepts, in words (English, for developers).
        code: what kind of refusal it is, stable across versions (``"invalid"`` if unknown).
        texts: the message as ``(fi, sv, en)``, or ``None`` for a generic one.

    The value is shown :func:`redacted`, so that a message never repeats personal data:

    >>> err = InvalidModelError("Person", "name", "Aino 150321A123B", "a non-empty string")
    >>> str(err)
    "Person.name: got 'Xxxx 999999X…' (16 characters, masked), allowed: a non-empty string"
    >>> err.code, err.message("fi")
    ('invalid', 'Person, name: arvo ei kelpaa.')
    >>> err  # doctest: +ELLIPSIS
    InvalidModelError(owner='Person', field='name', value=<'Xxxx 999999X…' (16 ...)>, ...)
    >>> err.value  # for programs only: never log it
    'Aino 150321A123B'
    >>> coded = InvalidModelError("PlanItem", "responsible", None, "an id", "missing",
    ...     ("Suunnitelman kohta, vastuuhenkilö: tieto puuttuu.",
    ...      "Punkt i planen, ansvarig person: uppgiften saknas.",
    ...      "Plan item, responsible person: missing."))
    >>> coded.message("sv")
    'Punkt i planen, ansvarig person: uppgiften saknas.'
    """

    def __init__(  # noqa: PLR0917 - positional, so that pickling rebuilds it as cls(*args)
        self,
        owner: str,
        field: str,
        value: object,
        allowed: str,
        code: str = "invalid",
        texts: tuple[str, str, str] | None = None,
    ) -> None:
        # Positional, all of them: pickling rebuilds the error as cls(*args).
        super().__init__(owner, field, value, allowed, code, texts)
        self.owner = owner
        self.field = field
        self.value = value
        self.allowed = allowed
        self.code = code
        self.texts = texts

    def message(self, language: object = "en") -> str:
        """The message for the person who typed the value, in *language* (fi, sv or en).

        Raises:
            ValueError: *language* is none of fi, sv, en.
        """
        code = getattr(language, "value", language)
        if code not in _LANGUAGES:
            raise ValueError(f"language: got {language!r}, allowed: one of fi, sv, en")
        if self.texts is not None:
            return self.texts[_LANGUAGES.index(str(code))]
        return _GENERIC[str(code)].format(owner=self.owner, field=self.field, allowed=self.allowed)

    def __str__(self) -> str:
        return f"{self.owner}.{self.field}: got {redacted(self.value)}, allowed: {self.allowed}"

    def __repr__(self) -> str:
        # The default repr shows the arguments, the value among them, unmasked: a logged or
        # printed repr (a debugger, pytest, logging's %r) must not carry personal data.
        return (
            f"{type(self).__name__}(owner={self.owner!r}, field={self.field!r}, "
            f"value=<{redacted(self.value)}>, allowed={self.allowed!r}, code={self.code!r})"
        )


@attrs.frozen
class DocumentProblem:
    """One thing wrong with a document, at a JSON path such as ``members[3].ring``.

    >>> str(DocumentProblem("members[3].ring", "'outermost' is not one of inner, middle, outer"))
    "members[3].ring: 'outermost' is not one of inner, middle, outer"
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path or '$'}: {self.message}"


class InvalidDocumentError(OpencoError, ValueError):
    """A JSON text is not a valid openco document; :attr:`problems` lists every problem found.

    >>> err = InvalidDocumentError([DocumentProblem("schema_version", "missing")])
    >>> err.paths
    ('schema_version',)
    >>> print(err)
    1 problem in the document:
      schema_version: missing
    """

    def __init__(self, problems: Iterable[DocumentProblem]) -> None:
        problems = tuple(problems)
        super().__init__(problems)
        self.problems: tuple[DocumentProblem, ...] = problems

    @property
    def paths(self) -> tuple[str, ...]:
        """The JSON path of every problem, in the order found."""
        return tuple(p.path for p in self.problems)

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the document:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


class _Worded:
    """The fi/sv/en texts and the parameters of a rule's finding, read in one way.

    Shared by :class:`Refusal` and :class:`openco.process.Flag`, which carry the same texts.
    """

    __slots__ = ()
    params: tuple[tuple[str, object], ...]
    fi: str
    sv: str
    en: str

    def message(self, language: object = "en") -> str:
        """The message in *language*: ``"fi"``, ``"sv"`` or ``"en"`` (or a ``Language`` member).

        Raises:
            ValueError: *language* is none of fi, sv, en.
        """
        code = getattr(language, "value", language)
        if code not in _LANGUAGES:
            raise ValueError(f"language: got {language!r}, allowed: one of fi, sv, en")
        return str(getattr(self, str(code)))

    def param(self, name: str) -> object:
        """The value of the parameter *name*.

        Raises:
            KeyError: no parameter has that name.
        """
        for key, value in self.params:
            if key == name:
                return value
        raise KeyError(name)


@attrs.frozen(kw_only=True)
class Refusal(_Worded):
    """One reason a step was refused: the rule behind it, its parameters and the message.

    *rule* is the code of a rule in the catalogue (``"P14"``, ``"L5"``, ``"W1"`` …) and *key*
    names which of that rule's checks failed. *params* are the values the message was built
    from, as ``(name, value)`` pairs. The message is stored in Finnish, Swedish and English, so
    an embedding system can show it in the user's language without the catalogue at hand.

    >>> r = Refusal(rule="L5", key="unprotected_email", params=(("channel", "email"),),
    ...             fi="Ei suojaamattomalla sähköpostilla.",
    ...             sv="Inte med oskyddad e-post.", en="Not by unprotected e-mail.")
    >>> r.message("sv"), r.param("channel")
    ('Inte med oskyddad e-post.', 'email')
    >>> str(r)
    '[L5] Not by unprotected e-mail.'
    """

    rule: str
    key: str
    params: tuple[tuple[str, object], ...] = ()
    fi: str
    sv: str
    en: str

    def __str__(self) -> str:
        return f"[{self.rule}] {self.en}"


class TransitionNotAllowedError(OpencoError):
    """A step was refused; :attr:`reasons` says why, rule by rule.

    Attributes:
        stage: the stage the case was in (``None`` when a case could not be opened).
        step: the step that was tried.
        reasons: every :class:`Refusal`, at least one.

    >>> import enum
    >>> class Stage(enum.Enum):
    ...     CLOSED = "closed"
    >>> class Step(enum.Enum):
    ...     RAISE = "raise"
    >>> why = Refusal(rule="W1", key="stage", fi="…", sv="…",
    ...               en="The step is not allowed while the case is closed.")
    >>> err = TransitionNotAllowedError(Stage.CLOSED, Step.RAISE, (why,))
    >>> print(err)
    cannot raise while the case is closed:
      [W1] The step is not allowed while the case is closed.
    >>> err.codes
    ('W1',)
    """

    def __init__(self, stage: object, step: object, reasons: Iterable[Refusal]) -> None:
        reasons = tuple(reasons)
        super().__init__(stage, step, reasons)
        self.stage = stage
        self.step = step
        self.reasons: tuple[Refusal, ...] = reasons

    @property
    def codes(self) -> tuple[str, ...]:
        """The rule code of every reason, in order."""
        return tuple(r.rule for r in self.reasons)

    def __str__(self) -> str:
        step = getattr(self.step, "value", self.step)
        where = (
            "before the case is opened"
            if self.stage is None
            else f"while the case is {getattr(self.stage, 'value', self.stage)}"
        )
        return "\n".join([f"cannot {step} {where}:", *(f"  {r}" for r in self.reasons)])


class WorkflowDefinitionError(OpencoError, ValueError):
    """A workflow's transition table is malformed; :attr:`problems` lists every problem.

    >>> print(WorkflowDefinitionError(["stage 'consulted' is not reachable from 'noticed'"]))
    1 problem in the workflow definition:
      stage 'consulted' is not reachable from 'noticed'
    """

    def __init__(self, problems: Iterable[str]) -> None:
        problems = tuple(problems)
        super().__init__(problems)
        self.problems: tuple[str, ...] = problems

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the workflow definition:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


class RuleConfigurationError(OpencoError, ValueError):
    """A rule cannot be configured as asked: it is a legal rule, or no such rule exists.

    >>> print(RuleConfigurationError("L5", "a legal rule cannot be switched off"))
    rule 'L5': a legal rule cannot be switched off
    """

    def __init__(self, code: str, problem: str) -> None:
        super().__init__(code, problem)
        self.code = code
        self.problem = problem

    def __str__(self) -> str:
        return f"rule {self.code!r}: {self.problem}"


class InvalidArgumentError(OpencoError, ValueError):
    """A function was called with an argument it cannot use.

    Attributes:
        function: the function called, e.g. ``"compare_maps"``.
        argument: the argument at fault, e.g. ``"after"``.
        value: the offending value (or a short description of it).
        allowed: what the argument accepts, in words.

    >>> err = InvalidArgumentError("Pseudonymizer", "key", 8, "a key of at least 16 bytes")
    >>> str(err)
    'Pseudonymizer(key=8): allowed: a key of at least 16 bytes'
    """

    def __init__(self, function: str, argument: str, value: object, allowed: str) -> None:
        super().__init__(function, argument, value, allowed)
        self.function = function
        self.argument = argument
        self.value = value
        self.allowed = allowed

    def __str__(self) -> str:
        return f"{self.function}({self.argument}={self.value!r}): allowed: {self.allowed}"


class LimitExceededError(OpencoError, ValueError):
    """An input is larger than a limit allows (see :class:`openco.limits.Limits`).

    Attributes:
        limit: the limit's name, e.g. ``"members_per_map"``.
        value: how many were found.
        maximum: the limit in force.
        what: what is counted, in words, e.g. ``"members on one network map"``.
        option: the command-line option that raises the limit.
        where: where it was found (a file and line, a family id), or ``""``.

    >>> print(LimitExceededError("members_per_map", 4000, 500, "members on one network map",
    ...                          "--max-members-per-map"))
    4,000 members on one network map, over the limit of 500 (raise it with --max-members-per-map)
    """

    def __init__(  # noqa: PLR0917 - positional, so that pickle can rebuild it from .args
        self, limit: str, value: int, maximum: int, what: str, option: str, where: str = ""
    ) -> None:
        super().__init__(limit, value, maximum, what, option, where)
        self.limit = limit
        self.value = value
        self.maximum = maximum
        self.what = what
        self.option = option
        self.where = where

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        return (
            f"{where}{self.value:,} {self.what}, over the limit of {self.maximum:,} "
            f"(raise it with {self.option})"
        )


class MissingDependencyError(OpencoError, ImportError):
    """An optional feature needs a package that is not installed.

    Attributes:
        feature: what was asked for, e.g. ``"SVG drawing"``.
        package: the missing package, e.g. ``"matplotlib"``.
        extra: the openco extra that installs it, e.g. ``"plot"``.

    >>> print(MissingDependencyError("SVG drawing", "matplotlib", "plot"))
    SVG drawing needs matplotlib: pip install 'openco[plot]'
    """

    def __init__(self, feature: str, package: str, extra: str) -> None:
        super().__init__(feature, package, extra)
        self.feature = feature
        self.package = package
        self.extra = extra

    def __str__(self) -> str:
        return f"{self.feature} needs {self.package}: pip install 'openco[{self.extra}]'"


class ConcurrencyError(OpencoError):
    """Another writer appended to the case since it was read; nothing was written.

    Attributes:
        case_id: the case appended to.
        expected: the version the writer read (and expected to find).
        actual: the version the store holds.

    >>> print(ConcurrencyError("c1", expected=3, actual=4))
    case 'c1': expected version 3, the store holds version 4; nothing was written (read the case again)
    """  # noqa: E501 - a doctest's output is one line

    def __init__(self, case_id: str, expected: int, actual: int) -> None:
        super().__init__(case_id, expected, actual)
        self.case_id = case_id
        self.expected = expected
        self.actual = actual

    def __str__(self) -> str:
        return (
            f"case {self.case_id!r}: expected version {self.expected}, the store holds version "
            f"{self.actual}; nothing was written (read the case again)"
        )


class StoreError(OpencoError):
    """The store cannot do what was asked.

    Attributes:
        subject: what was asked about, e.g. ``"case 'c9'"`` or ``"schema"``.
        problem: what is wrong, in words.

    >>> print(StoreError("case 'c9'", "no such case in the store"))
    case 'c9': no such case in the store
    """

    def __init__(self, subject: str, problem: str) -> None:
        super().__init__(subject, problem)
        self.subject = subject
        self.problem = problem

    def __str__(self) -> str:
        return f"{self.subject}: {self.problem}"
