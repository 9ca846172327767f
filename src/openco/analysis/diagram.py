"""The workflow as a picture: stages as boxes, steps as arrows, as SVG or PNG.

:mod:`openco.process` renders its workflow as text (a Markdown table, Mermaid, Graphviz DOT);
this module draws it with matplotlib (the optional extra ``openco[plot]``), so the diagram can
be shown without Graphviz or a Mermaid renderer. The layout is computed from the workflow:
stages in rows by how many steps they are from the first stage (final stages in the last
row), steps forward as straight arrows, steps back as curves, each labelled with the step and
its rules. The steps open at every stage are listed under the diagram. The same workflow
always gives the same bytes.
"""

from __future__ import annotations

import io
import textwrap
from typing import TYPE_CHECKING, Final

from openco.analysis.draw import _STYLE, _import_matplotlib
from openco.model import LabelledEnum, Language
from openco.process import DEFAULT_WORKFLOW, Workflow
from openco.process.transitions import Transition

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["workflow_png", "workflow_svg"]

_ROW: Final = 0.95  # vertical distance of the stages (inches)
_BOX: Final = (2.6, 0.62)  # width and height of a stage's box
_ROOM: Final = 2.0  # between a box and the first lane, for the labels of the steps
_LANE: Final = 0.26  # between two lanes
_WORDS: Final = {
    "open": {
        Language.EN: "At every open stage",
        Language.FI: "Jokaisessa avoimessa vaiheessa",
        Language.SV: "I varje öppet skede",
    },
    "any": {
        Language.EN: "At every stage (statutory track)",
        Language.FI: "Jokaisessa vaiheessa (lakisääteinen polku)",
        Language.SV: "I varje skede (lagstadgat spår)",
    },
}


def _order(workflow: Workflow) -> list[LabelledEnum]:
    """The stages top to bottom: the workflow's own order, final stages last."""
    return [s for s in workflow.stages if s not in workflow.final] + [
        s for s in workflow.stages if s in workflow.final
    ]


def _label(row: Transition, workflow: Workflow, language: Language, width: int) -> str:
    """The step's words and its rules in force, wrapped to *width* characters."""
    codes = ", ".join(r.code for r in row.rules if r.code not in workflow.disabled)
    return textwrap.fill(row.step.label(language) + (f" [{codes}]" if codes else ""), width)


def _lanes(spans: list[tuple[int, int]]) -> list[int]:
    """A lane for each span (top row, bottom row): spans that share a lane do not overlap."""
    lanes: list[list[tuple[int, int]]] = []
    chosen = [0] * len(spans)
    for k in sorted(range(len(spans)), key=lambda k: (spans[k][1] - spans[k][0], spans[k])):
        top, bottom = spans[k]
        for number, taken in enumerate(lanes):
            if all(bottom < t or top > b for t, b in taken):
                taken.append(spans[k])
                chosen[k] = number
                break
        else:
            lanes.append([spans[k]])
            chosen[k] = len(lanes) - 1
    return chosen


def _offsets(
    skips: list[Transition], backs: list[Transition], y_of: dict[LabelledEnum, float]
) -> dict[tuple[int, str], float]:
    """Where each side step leaves and enters a box: spread over the box's side."""
    ends: dict[tuple[LabelledEnum, int], list[tuple[str, Transition]]] = {}
    for direction, rows in ((1, skips), (-1, backs)):
        for row in rows:
            ends.setdefault((row.source, direction), []).append(("out", row))
            ends.setdefault((row.target, direction), []).append(("in", row))
    spread = _BOX[1] * 0.7
    return {
        (id(row), kind): y_of[stage] + spread / 2 - spread * (k + 0.5) / len(items)
        for (stage, _), items in ends.items()
        for k, (kind, row) in enumerate(items)
    }


def _figure(workflow: Workflow, language: Language) -> Figure:
    """Stages in one column, top to bottom.

    A step to the next stage is an arrow straight down; a step further down runs in a lane
    on the right, a step back in a lane on the left, so no arrow crosses a box.
    """
    mpl = _import_matplotlib()
    arrow = mpl.patches.FancyArrowPatch
    stages = _order(workflow)
    index = {s: k for k, s in enumerate(stages)}
    skips = [r for r in workflow.transitions if index[r.target] > index[r.source] + 1]
    backs = [r for r in workflow.transitions if index[r.target] < index[r.source]]
    lane = dict(
        zip(
            map(id, skips), _lanes([(index[r.source], index[r.target]) for r in skips]), strict=True
        )
    )
    lane |= dict(
        zip(
            map(id, backs), _lanes([(index[r.target], index[r.source]) for r in backs]), strict=True
        )
    )
    side = _ROOM + _LANE * (max(lane.values(), default=0) + 1)
    width = _BOX[0] + 2 * side + 0.4
    notes = [
        (_WORDS["open"][language], [e.step.label(language) for e in workflow.loops]),
        (_WORDS["any"][language], [e.step.label(language) for e in workflow.statutory]),
    ]
    wrap = int(width * 13)
    note_lines = sum(len(textwrap.wrap(", ".join(t), wrap)) + 1 for _, t in notes if t)
    height = len(stages) * _ROW + 0.3 + 0.2 * note_lines
    figure = mpl.figure.Figure(figsize=(width, height), dpi=100)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, width)
    axes.set_ylim(0, height)
    axes.axis("off")
    centre = width / 2
    y_of = {s: height - 0.5 - k * _ROW for k, s in enumerate(stages)}
    for stage, y in y_of.items():
        axes.add_patch(
            mpl.patches.FancyBboxPatch(
                (centre - _BOX[0] / 2, y - _BOX[1] / 2), _BOX[0], _BOX[1],
                boxstyle="round,pad=0.02,rounding_size=0.12",
                fc="#E8F1FA" if stage is workflow.initial else "#FFFFFF",
                ec="#333333", lw=2.2 if stage in workflow.final else 1.0, zorder=3,
            )
        )  # fmt: skip
        axes.text(centre, y, textwrap.fill(stage.label(language), 30), ha="center",
                  va="center", fontsize=9.5, zorder=4, linespacing=1.0)  # fmt: skip
    offset = _offsets(skips, backs, y_of)
    for row in workflow.transitions:
        y0, y1 = y_of[row.source], y_of[row.target]
        if row.source is row.target:
            x = centre - _BOX[0] / 2
            axes.add_patch(
                arrow((x, y0 + 0.12), (x, y0 - 0.12), connectionstyle="arc3,rad=1.8",
                      arrowstyle="-|>", mutation_scale=9, color="#444444", lw=0.9, zorder=2)
            )  # fmt: skip
            axes.text(x - 0.3, y0, _label(row, workflow, language, 30), ha="right",
                      va="center", fontsize=7.5)  # fmt: skip
        elif index[row.target] == index[row.source] + 1:
            axes.add_patch(
                arrow((centre, y0 - _BOX[1] / 2), (centre, y1 + _BOX[1] / 2), arrowstyle="-|>",
                      mutation_scale=11, color="#222222", lw=1.2, zorder=2)
            )  # fmt: skip
            axes.text(centre + 0.08, (y0 + y1) / 2, _label(row, workflow, language, 30),
                      ha="left", va="center", fontsize=7.5)  # fmt: skip
        else:
            direction = 1 if index[row.target] > index[row.source] else -1
            edge = centre + direction * _BOX[0] / 2
            lane_x = centre + direction * (_BOX[0] / 2 + _ROOM + lane[id(row)] * _LANE)
            y0, y1 = offset[id(row), "out"], offset[id(row), "in"]
            colour, style = ("#222222", "solid") if direction == 1 else ("#666666", (0, (4, 2)))
            axes.plot([edge, lane_x, lane_x], [y0, y0, y1], color=colour, lw=1.0,
                      linestyle=style, zorder=2)  # fmt: skip
            axes.add_patch(
                arrow((lane_x, y1), (edge, y1), arrowstyle="-|>", mutation_scale=10,
                      color=colour, lw=1.0, linestyle=style, zorder=2)
            )  # fmt: skip
            axes.text(edge + direction * 0.08, y0 + 0.02, _label(row, workflow, language, 36),
                      ha="left" if direction == 1 else "right", va="bottom", fontsize=7,
                      color=colour, linespacing=1.0, zorder=4)  # fmt: skip
    y = height - 0.5 - len(stages) * _ROW + 0.45
    for title, steps in notes:
        if steps:
            lines = textwrap.wrap(", ".join(steps), wrap)
            axes.text(0.3, y, title + ":", fontsize=8.5, fontweight="bold", va="top")
            axes.text(0.3, y - 0.2, "\n".join(lines), fontsize=8, va="top", linespacing=1.2)
            y -= 0.2 * (len(lines) + 1)
    return figure  # type: ignore[no-any-return]


def workflow_svg(workflow: Workflow = DEFAULT_WORKFLOW, *, language: Language | str = "en") -> str:
    """SVG text of *workflow*'s diagram, labelled in *language* (needs ``openco[plot]``).

    >>> svg = workflow_svg(language="fi")
    >>> svg.startswith("<?xml"), ">huoli havaittu<" in svg
    (True, True)

    Raises:
        MissingDependencyError: matplotlib is not installed.
    """
    figure = _figure(workflow, Language(language))
    from matplotlib import rc_context  # noqa: PLC0415 - optional extra, imported lazily

    buffer = io.StringIO()
    with rc_context(_STYLE):  # type: ignore[arg-type]  # rc keys are typed as literals
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def workflow_png(
    workflow: Workflow = DEFAULT_WORKFLOW, *, language: Language | str = "en", dpi: int = 100
) -> bytes:
    """PNG bytes of *workflow*'s diagram (needs ``openco[plot]``); see :func:`workflow_svg`.

    Raises:
        MissingDependencyError: matplotlib is not installed.
    """
    buffer = io.BytesIO()
    _figure(workflow, Language(language)).savefig(
        buffer, format="png", dpi=dpi, metadata={"Software": None}
    )
    return buffer.getvalue()
