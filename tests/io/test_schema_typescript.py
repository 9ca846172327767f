"""The schemas are usable outside Python: TypeScript types generated from them compile.

json-schema-to-typescript generates the types, and tsc --strict compiles them with the
conformance suite's valid documents typed as their kinds' documents.

Needs Node.js; skipped only when ``node`` or ``npm`` is not installed. The two npm packages,
pinned in ``tools/typescript/package-lock.json``, are installed once into a cache folder
(``~/.cache/openco-typescript-<hash>``), so later runs, and CI on the same machine, reuse them.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from openco.testing.conformance import conformance_cases

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "typescript"
TOOL_FILES = ("package.json", "package-lock.json", "check.mjs")
SCHEMAS = ROOT / "src" / "openco" / "io" / "schemas"

NODE, NPM = shutil.which("node"), shutil.which("npm")
pytestmark = pytest.mark.skipif(NODE is None or NPM is None, reason="Node.js is not installed")


def installed_tool() -> Path:
    """The checker with its npm packages, in a cache folder named by what it is made of."""
    digest = hashlib.sha256(b"".join((TOOL / name).read_bytes() for name in TOOL_FILES))
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    folder = cache / f"openco-typescript-{digest.hexdigest()[:16]}"
    if not (folder / "node_modules" / "typescript").is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        for name in TOOL_FILES:
            shutil.copy2(TOOL / name, folder / name)
        subprocess.run(  # noqa: S603 - npm from PATH, fixed arguments
            [str(NPM), "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=folder, check=True, capture_output=True, timeout=600,
        )  # fmt: skip
    return folder


def test_generated_typescript_types_compile_and_accept_valid_documents(tmp_path: Path) -> None:
    examples = tmp_path / "suite"
    for case in conformance_cases(valid_per_kind=2, invalid_per_kind=0):
        path = examples / case.file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(case.text, encoding="utf-8")
    tool = installed_tool()

    result = subprocess.run(  # noqa: S603 - node from PATH, our own script
        [str(NODE), str(tool / "check.mjs"), str(SCHEMAS), str(tmp_path / "ts"), str(examples)],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip

    assert result.returncode == 0, result.stdout + result.stderr
    assert ": 0 errors" in result.stdout
