"""Regenerate the pictures in docs/img from openco's example maps.

Run from the repository root, with the plot extra installed (``pip install -e '.[plot]'``)::

    python docs/make_images.py

The pictures are computed from the data and byte-for-byte the same on every run with the same
matplotlib, so a changed file in ``git status`` means the drawing (or the example) changed.
The example families are invented, so their pictures opt in to names; the busy map of a
generated family is drawn as ``openco analyse`` draws every map by default, with codes only.
"""

from __future__ import annotations

from pathlib import Path

from openco.analysis import Privacy, to_dot, to_png, to_svg, workflow_svg
from openco.synthetic import example_follow_up_map, example_map, generate_network_maps

IMAGES = Path(__file__).parent / "img"


def main() -> None:
    """Write the SVG pictures, a PNG and the DOT source of the example maps into docs/img."""
    IMAGES.mkdir(exist_ok=True)
    named = Privacy.identified(names=True)
    busy = max(generate_network_maps(families=300, seed=1), key=lambda m: len(m.members))
    pictures: dict[str, str | bytes] = {
        "network-map.svg": to_svg(
            example_map(), privacy=named, title="Aino's family, 2 March 2026"
        ),
        "network-map-follow-up-fi.svg": to_svg(
            example_follow_up_map(),
            earlier=example_map(),
            privacy=named,
            title="Ainon perhe, 8.6.2026",
            language="fi",
        ),
        "network-map-busy.svg": to_svg(busy, title=f"A busy map: {len(busy.members)} members"),
        "network-map-busy.png": to_png(
            busy, title=f"A busy map: {len(busy.members)} members", dpi=80
        ),
        "network-map.dot": to_dot(example_map(), privacy=named),
        "workflow.svg": workflow_svg(language="en"),
    }
    for name, content in pictures.items():
        if isinstance(content, bytes):
            (IMAGES / name).write_bytes(content)
        else:
            (IMAGES / name).write_text(content, encoding="utf-8")
        print(f"wrote docs/img/{name}")  # noqa: T201 - a command-line script reports its work


if __name__ == "__main__":
    main()
