"""Regenerate the pictures in docs/img from openco's example map.

Run from the repository root, with the plot extra installed (``pip install -e '.[plot]'``)::

    python docs/make_images.py

The pictures are computed from the data and byte-for-byte the same on every run with the same
matplotlib, so a changed file in ``git status`` means the drawing (or the example) changed.
"""

from __future__ import annotations

from pathlib import Path

from openco.analysis import to_dot, to_svg
from openco.synthetic import example_follow_up_map, example_map

IMAGES = Path(__file__).parent / "img"


def main() -> None:
    """Write the SVG pictures and the DOT source of the example map into docs/img."""
    IMAGES.mkdir(exist_ok=True)
    pictures = {
        "network-map.svg": to_svg(example_map(), title="Aino's family, 2 March 2026"),
        "network-map-follow-up-fi.svg": to_svg(
            example_follow_up_map(), title="Ainon perhe, 8.6.2026", language="fi"
        ),
        "network-map.dot": to_dot(example_map()),
    }
    for name, text in pictures.items():
        (IMAGES / name).write_text(text, encoding="utf-8")
        print(f"wrote docs/img/{name}")  # noqa: T201 - a command-line script reports its work


if __name__ == "__main__":
    main()
