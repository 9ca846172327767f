"""The readers' tests run twice: with the msgspec accelerator on, and on the strict path alone.

Each test of the modules in :data:`BOTH_READERS` is parametrised by ``reader`` (``accelerated``
or ``strict``); every other test of this folder runs with the accelerator as the environment
left it. Without msgspec installed, the ``accelerated`` runs are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from openco.io import use_accelerator
from openco.io._accelerator import available

BOTH_READERS = frozenset({"test_strict", "test_document", "test_round_trip", "test_compiled"})
"""The test modules that read documents, run once per reader."""


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    module = metafunc.module.__name__.rpartition(".")[2]
    if "reader" in metafunc.fixturenames and module in BOTH_READERS:
        metafunc.parametrize("reader", ["accelerated", "strict"], indirect=True)


@pytest.fixture(autouse=True)
def reader(request: pytest.FixtureRequest) -> Iterator[str]:
    """Switch the accelerator on or off for one test, and back as it was after it."""
    mode: str = getattr(request, "param", "as_set")
    if mode == "as_set":
        yield mode
        return
    if mode == "accelerated" and not available():
        pytest.skip("msgspec is not installed: pip install 'openco[fast]'")
    was = use_accelerator(mode == "accelerated")
    try:
        yield mode
    finally:
        use_accelerator(was)
