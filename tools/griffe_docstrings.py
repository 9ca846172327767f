"""A griffe extension that lets openco's docstrings render as Markdown in the API reference.

openco's docstrings are Google style with doctests and a few Sphinx roles (``:class:`Bundle```),
because the same text is read by ``help()``, by pytest's doctest runner and by editors. On the
site they pass through Markdown, where a doctest's output such as ``['Grandmother']`` would
become a broken link and ``>>>`` a nested quote. This extension rewrites each docstring before
mkdocstrings parses it: doctest blocks become fenced ``pycon`` code, roles become inline code,
and a reST ``::`` before a literal block becomes ``:``. It is loaded by path from mkdocs.yml,
and lives outside ``docs/`` so that pytest's doctest collection never imports it.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|func|meth|attr|data|mod|exc|obj):`(~?)([^`]+)`")
_FENCE = re.compile(r"^\s*(```|~~~)")


def _role(match: re.Match[str]) -> str:
    tilde, target = match.groups()
    # As in Sphinx, ~a.b.C shows as C and a.b.C in full.
    return f"`{target.rsplit('.', 1)[-1] if tilde else target}`"


def markdown_docstring(text: str) -> str:
    """*text* with doctest blocks fenced, Sphinx roles as code and ``::`` as ``:``."""
    lines = text.splitlines()
    out: list[str] = []
    in_fence = False
    in_doctest = False
    indent = ""
    for line in lines:
        if _FENCE.match(line):
            in_fence = not in_fence
        stripped = line.lstrip()
        if in_doctest and not stripped:
            out.append(f"{indent}```")
            in_doctest = False
        elif not in_fence and not in_doctest and stripped.startswith(">>>"):
            indent = line[: len(line) - len(stripped)]
            out.append(f"{indent}```pycon")
            in_doctest = True
        if not in_fence and not in_doctest:
            line = _ROLE.sub(_role, line)  # noqa: PLW2901 - the line as it is written out
            if line.endswith("::") and not line.endswith(":::"):
                line = line[:-1]  # noqa: PLW2901
        out.append(line)
    if in_doctest:
        out.append(f"{indent}```")
    return "\n".join(out)


class MarkdownDocstrings(griffe.Extension):
    """Rewrite every docstring with :func:`markdown_docstring` once the tree is loaded."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:  # noqa: ARG002, ANN401
        """Rewrite the docstring of *obj*, if it has one."""
        if obj.docstring is not None:
            obj.docstring.value = markdown_docstring(obj.docstring.value)
