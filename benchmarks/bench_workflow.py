"""The same 12-step case in openco, python-statemachine and transitions, side by side.

Run from the repository root (needs the ``bench`` extra)::

    python benchmarks/bench_workflow.py            # timings, then memory in fresh processes
    python benchmarks/bench_workflow.py --quick    # fewer repeats, smaller memory runs
    python benchmarks/bench_workflow.py --growth   # cost per record of long histories

The case is :func:`openco.testing.workflow.good_path`: assess, prepare, raise, continue with own
means, re-assess, propose a network meeting, agree it with the family, hold an anticipation
dialogue, agree the plan, hand over, follow up, close. openco applies it through its default
workflow with every rule of the catalogue and one immutable history record per step. The two
libraries get the same stages and steps (the default table, loops and the statutory track at
every open stage), simpler guards than openco's (family present, plan has items and a
follow-up date, the contact worker assesses), and an audit record appended per step.

Reported:

* **step**: microseconds per applied step (the 12 steps on a fresh case, divided by 12);
* **replay**: microseconds to rebuild a case from its 12-step log (new case/machine + steps);
* **construct**: microseconds to create a new case (and machine);
* **bytes/case**: resident memory growth per open case (12 records: opened + 11 steps, left at
  'followed up'), measured in a fresh process per implementation;
* the resident memory of 100,000 open openco cases, with the step details shared (references
  into the embedding system's data) and with every case holding its own copies.

Timings interleave the implementations within each repeat and report the median.

``--growth`` measures how the cost grows with a case's length instead: histories of
:func:`openco.testing.histories.long_path` with 1,000 to 64,000 records, built by ``advance``
and rebuilt by ``replay`` (CPU time, best of a few runs), with the time per record and the
growth factor from one size to the next (1.0: linear).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

from openco.model.meeting import Meeting
from openco.model.plan import Plan
from openco.process import (
    DEFAULT_WORKFLOW,
    Case,
    advance,
    open_case,
    replay,
)
from openco.testing.histories import CYCLE_STEPS, long_path
from openco.testing.workflow import Attempt, Cast, good_path, make_cast

STEPS_IN_CASE = 12
OPEN_CASE_STEPS = 11  # opening record + 11 steps = 12 records, stage "followed up"


# --------------------------------------------------------------------------- openco

TODAY = dt.date(2100, 1, 1)  # the reader's day for replay: later than every record


def openco_run(cast: Cast, path: tuple[Attempt, ...], steps: int = STEPS_IN_CASE) -> Case:
    records = cast.records
    case = open_case(cast.concern, family=cast.family, on=cast.opened_on, records=records)
    for a in path[:steps]:
        case = advance(
            case, a.step, actor=a.actor, role=a.role, on=a.on, detail=a.detail,
            consents=a.consents, records=records,
        )  # fmt: skip
    return case


# --------------------------------------------------------------------------- the peers' table


def _peer_table() -> tuple[list[str], list[tuple[str, str, str]], list[str]]:
    wf = DEFAULT_WORKFLOW
    stages = [s.value for s in wf.stages]
    rows = [(r.source.value, _event(r.step.value), r.target.value) for r in wf.transitions]
    side = [_event(e.step.value) for e in (*wf.loops, *wf.statutory)]
    return stages, rows, side


def _event(name: str) -> str:
    # python-statemachine 3 reserves "prepare" (see docs/performance-baselines.md).
    return "prepare_case" if name == "prepare" else name


class PeerCase:
    """The model object the peer libraries drive: state, history and the data guards read."""

    __slots__ = ("contact", "history", "meeting", "plan", "state", "strengths")

    def __init__(self, contact: str, strengths: tuple[str, ...]) -> None:
        self.state: Any = None
        self.history: list[tuple[Any, ...]] = []
        self.contact = contact
        self.strengths = strengths
        self.meeting: Meeting | None = None
        self.plan: Plan | None = None


def _guard_ok(case: PeerCase, event: str, actor: str, detail: object) -> bool:
    """The peers' guards: a subset of openco's rules for the same steps."""
    if event in ("assess", "reassess"):
        return actor == case.contact
    if event == "raise":
        return bool(case.strengths)
    if event == "hold_meeting":
        return isinstance(detail, Meeting) and detail.family_present
    if event == "agree_plan":
        return (
            isinstance(detail, Plan)
            and bool(detail.items)
            and detail.follow_up_on is not None
            and case.meeting is not None
            and detail.meeting == case.meeting.id
        )
    return True


def _record(case: PeerCase, event: str, source: str, target: str, kw: dict[str, Any]) -> None:
    detail = kw.get("detail")
    if isinstance(detail, Meeting):
        case.meeting = detail
    elif isinstance(detail, Plan):
        case.plan = detail
    case.history.append((event, source, target, kw.get("actor"), kw.get("on"), detail))


# --------------------------------------------------------------------------- python-statemachine


def build_statemachine_class() -> type:
    from statemachine import State, StateMachine  # noqa: PLC0415 - optional (bench extra)

    stages, rows, side = _peer_table()
    final = {s.value for s in DEFAULT_WORKFLOW.final}
    states = {
        s: State(s, value=s, initial=(s == DEFAULT_WORKFLOW.initial.value), final=(s in final))
        for s in stages
    }
    namespace: dict[str, Any] = dict(states)
    events: dict[str, Any] = {}
    for source, event, target in rows:
        t = states[source].to(states[target], cond="guard")
        events[event] = t if event not in events else events[event] | t
    for event in side:
        for s in stages:
            if s in final:
                continue
            t = states[s].to.itself(cond="guard")
            events[event] = t if event not in events else events[event] | t
    namespace.update(events)

    def guard(self: Any, event: Any, actor: str = "", detail: object = None, **_: Any) -> bool:
        return _guard_ok(self.model, str(event), actor, detail)

    def after_transition(self: Any, event: Any, source: Any, target: Any, **kw: Any) -> None:
        _record(self.model, str(event), source.id, target.id, kw)

    namespace["guard"] = guard
    namespace["after_transition"] = after_transition
    return type(StateMachine)("DefaultWorkflowSM", (StateMachine,), namespace)


def statemachine_new(cls: type, cast: Cast) -> Any:
    return cls(model=PeerCase(cast.worker, cast.concern.strengths))


def statemachine_run(sm: Any, path: tuple[Attempt, ...], steps: int = STEPS_IN_CASE) -> Any:
    for a in path[:steps]:
        sm.send(_event(a.step.value), actor=a.actor, on=a.on, detail=a.detail)
    return sm


# --------------------------------------------------------------------------- transitions


def transitions_new(cast: Cast) -> PeerCase:
    from transitions import Machine  # noqa: PLC0415 - optional (bench extra)

    stages, rows, side = _peer_table()
    final = {s.value for s in DEFAULT_WORKFLOW.final}
    table = [
        {"trigger": event, "source": source, "dest": target, "conditions": "_guard"}
        for source, event, target in rows
    ]
    table += [
        {"trigger": event, "source": s, "dest": "=", "conditions": "_guard"}
        for event in side
        for s in stages
        if s not in final
    ]
    case = TransitionsCase(cast.worker, cast.concern.strengths)
    Machine(
        model=case,
        states=stages,
        transitions=table,
        initial=DEFAULT_WORKFLOW.initial.value,
        auto_transitions=False,
        send_event=True,
        after_state_change="_after",
    )
    return case


class TransitionsCase(PeerCase):
    __slots__ = ("__dict__",)  # transitions binds trigger methods onto the model

    def _guard(self, event: Any) -> bool:
        kw = event.kwargs
        return _guard_ok(self, event.event.name, kw.get("actor", ""), kw.get("detail"))

    def _after(self, event: Any) -> None:
        _record(
            self, event.event.name, event.transition.source, event.transition.dest, event.kwargs
        )


def transitions_run(case: Any, path: tuple[Attempt, ...], steps: int = STEPS_IN_CASE) -> Any:
    for a in path[:steps]:
        case.trigger(_event(a.step.value), actor=a.actor, on=a.on, detail=a.detail)
    return case


# --------------------------------------------------------------------------- timing


def _time(fn: Callable[[], object], number: int) -> float:
    gc.collect()
    start = time.perf_counter()
    for _ in range(number):
        fn()
    return (time.perf_counter() - start) / number * 1e6


def timings(repeats: int, number: int) -> dict[str, dict[str, float]]:
    cast = make_cast()
    path = good_path(cast)
    sm_class = build_statemachine_class()
    records, today = cast.records, TODAY
    opened = open_case(cast.concern, family=cast.family, on=cast.opened_on, records=records)
    history = openco_run(cast, path).history
    assert len(history) == STEPS_IN_CASE + 1

    # Sanity: every implementation reaches "closed" with 12 recorded steps.
    assert statemachine_run(statemachine_new(sm_class, cast), path).model.state == "closed"
    assert transitions_run(transitions_new(cast), path).state == "closed"
    assert replay(history, records=records, today=today).stage.value == "closed"

    def openco_steps() -> object:
        case = opened
        for a in path:
            case = advance(
                case, a.step, actor=a.actor, role=a.role, on=a.on, detail=a.detail,
                consents=a.consents, records=records,
            )  # fmt: skip
        return case

    sm_ready: list[Any] = []
    tr_ready: list[Any] = []

    def sm_steps() -> object:
        return statemachine_run(sm_ready.pop(), path)

    def tr_steps() -> object:
        return transitions_run(tr_ready.pop(), path)

    log = [(a.step, a.actor, a.on, a.detail) for a in path]

    def sm_replay() -> object:
        sm = statemachine_new(sm_class, cast)
        for step, actor, on, detail in log:
            sm.send(_event(step.value), actor=actor, on=on, detail=detail)
        return sm

    def tr_replay() -> object:
        case = transitions_new(cast)
        for step, actor, on, detail in log:
            case.trigger(_event(step.value), actor=actor, on=on, detail=detail)
        return case

    measures: dict[str, dict[str, list[float]]] = {
        name: {"step": [], "replay": [], "construct": []}
        for name in ("openco", "python-statemachine", "transitions")
    }
    for _ in range(repeats):
        m = measures["openco"]
        m["step"].append(_time(openco_steps, number) / STEPS_IN_CASE)
        m["replay"].append(_time(lambda: replay(history, records=records, today=today), number))
        m["construct"].append(
            _time(
                lambda: open_case(
                    cast.concern, family=cast.family, on=cast.opened_on, records=records
                ),
                number,
            )
        )
        m = measures["python-statemachine"]
        sm_ready[:] = [statemachine_new(sm_class, cast) for _ in range(number)]
        m["step"].append(_time(sm_steps, number) / STEPS_IN_CASE)
        m["replay"].append(_time(sm_replay, number))
        m["construct"].append(_time(lambda: statemachine_new(sm_class, cast), number))
        m = measures["transitions"]
        tr_ready[:] = [transitions_new(cast) for _ in range(number)]
        m["step"].append(_time(tr_steps, number) / STEPS_IN_CASE)
        m["replay"].append(_time(tr_replay, number))
        m["construct"].append(_time(lambda: transitions_new(cast), number))
    return {
        name: {k: statistics.median(v) for k, v in values.items()}
        for name, values in measures.items()
    }


# --------------------------------------------------------------------------- memory


def _rss() -> int:
    with open("/proc/self/statm") as statm:  # noqa: PTH123 - one read of a proc file
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def memory_child(kind: str, count: int) -> None:
    """Hold *count* open cases of *kind* and print the resident growth per case."""
    cast = make_cast()
    path = good_path(cast)
    sm_class = build_statemachine_class() if kind == "python-statemachine" else None
    # Warm up: build one case first so imports, caches and interned objects are not counted.
    keep: list[object] = []
    if kind.startswith("openco"):
        keep.append(openco_run(cast, path, OPEN_CASE_STEPS))
    gc.collect()
    before = _rss()
    start = time.perf_counter()
    for _ in range(count):
        if kind == "openco":
            keep.append(openco_run(cast, path, OPEN_CASE_STEPS))
        elif kind == "openco-own-data":
            own = make_cast()
            keep.append(openco_run(own, good_path(own), OPEN_CASE_STEPS))
        elif kind == "python-statemachine":
            assert sm_class is not None
            keep.append(statemachine_run(statemachine_new(sm_class, cast), path, OPEN_CASE_STEPS))
        else:
            keep.append(transitions_run(transitions_new(cast), path, OPEN_CASE_STEPS))
    elapsed = time.perf_counter() - start
    gc.collect()
    grown = _rss() - before
    print(f"{grown / count:.0f} {grown} {elapsed:.2f}")


def memory(kind: str, count: int) -> tuple[float, int, float]:
    out = subprocess.run(  # noqa: S603 - runs this very script with fixed arguments
        [sys.executable, __file__, "--memory-child", kind, str(count)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return float(out[0]), int(out[1]), float(out[2])


# --------------------------------------------------------------------------- growth

GROWTH_SIZES = (1_000, 4_000, 16_000, 64_000)


def _best_cpu(fn: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def growth(sizes: tuple[int, ...], repeats: int) -> None:
    """Print the cost per record of building and replaying histories of *sizes* records."""
    cast = make_cast()
    records = cast.records
    print(
        "| records | advance s | µs / record | growth | replay s | µs / record | growth |\n"
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    )
    before: tuple[int, float, float] | None = None
    for size in sizes:
        cycles = max(0, (size - 12 + CYCLE_STEPS - 1) // CYCLE_STEPS)
        path = long_path(cast, cycles=cycles)
        holder: list[Case] = []

        def build(path: tuple[Attempt, ...] = path, holder: list[Case] = holder) -> None:
            holder[:] = [openco_run(cast, path, len(path))]

        built = _best_cpu(build, repeats)
        case = holder[0]
        n = len(case.history)
        replayed = _best_cpu(
            lambda case=case: replay(case.history, records=records, today=TODAY), repeats
        )
        assert replay(case.history, records=records, today=TODAY) == case
        grow_build = grow_replay = ""
        if before is not None:
            size_ratio = n / before[0]
            grow_build = f"{built / before[1] / size_ratio:.2f}"
            grow_replay = f"{replayed / before[2] / size_ratio:.2f}"
        print(
            f"| {n:,} | {built:.3f} | {built / n * 1e6:.1f} | {grow_build} "
            f"| {replayed:.3f} | {replayed / n * 1e6:.1f} | {grow_replay} |",
            flush=True,
        )
        before = (n, built, replayed)
    print("\ngrowth: time ratio divided by the size ratio from the row before (1.00 = linear)")


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, smaller runs")
    parser.add_argument(
        "--memory-child", nargs=2, metavar=("KIND", "COUNT"), help=argparse.SUPPRESS
    )
    parser.add_argument("--growth", action="store_true", help="cost per record of long cases")
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, GROWTH_SIZES)),
        help="history lengths for --growth (comma-separated)",
    )
    args = parser.parse_args()
    if args.growth:
        print(f"Python {sys.version.split()[0]}; load average {os.getloadavg()[0]:.2f}")
        growth(tuple(int(x) for x in args.sizes.split(",")), repeats=2 if args.quick else 3)
        return
    if args.memory_child:
        memory_child(args.memory_child[0], int(args.memory_child[1]))
        return

    repeats, number = (3, 100) if args.quick else (7, 300)
    peers_count, openco_count = (2_000, 20_000) if args.quick else (10_000, 100_000)
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; load {os.getloadavg()[0]:.2f}")
    print(f"timings: median of {repeats} interleaved repeats of {number} cases each\n")
    result = timings(repeats, number)
    mem = {
        "openco": memory("openco", openco_count),
        "python-statemachine": memory("python-statemachine", peers_count),
        "transitions": memory("transitions", peers_count),
    }
    own = memory("openco-own-data", openco_count)
    base = result["openco"]
    print(
        "| implementation | µs / step | ratio | µs / replay | ratio | µs / construct "
        "| bytes / open case | cases held |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, r in result.items():
        per_case, _, _ = mem[name]
        count = openco_count if name == "openco" else peers_count
        print(
            f"| {name} | {r['step']:.1f} | {r['step'] / base['step']:.1f}x "
            f"| {r['replay']:.0f} | {r['replay'] / base['replay']:.1f}x "
            f"| {r['construct']:.1f} | {per_case:,.0f} | {count:,} |"
        )
    shared_total = mem["openco"][1]
    print()
    print(
        f"openco, {openco_count:,} open cases (12 records each), details shared: "
        f"{shared_total / 2**20:.0f} MiB ({mem['openco'][2]:.1f} s to build)"
    )
    print(
        f"openco, {openco_count:,} open cases, each with its own family, concern, meeting, "
        f"plan and consent: {own[1] / 2**20:.0f} MiB ({own[0]:,.0f} bytes/case, "
        f"{own[2]:.1f} s to build)"
    )
    sm, tr = result["python-statemachine"]["step"], result["transitions"]["step"]
    print(
        f"\nopenco per step: {sm / base['step']:.1f}x faster than python-statemachine "
        f"(target >= 10x), {tr / base['step']:.1f}x transitions' speed (target >= 1x)"
    )


if __name__ == "__main__":
    main()
