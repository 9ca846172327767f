"""How the commands word what they report: counts with their nouns."""

from __future__ import annotations

__all__ = ["counted"]


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """*number* with its noun, in the singular or plural as English needs.

    >>> counted(1, "file"), counted(12000, "document"), counted(2, "family", "families")
    ('1 file', '12,000 documents', '2 families')
    """
    noun = singular if number == 1 else (plural or f"{singular}s")
    return f"{number:,} {noun}"
