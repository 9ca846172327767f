"""Each package's ``__all__`` is its public surface: sorted, and exactly its public names."""

import importlib
import inspect
import pkgutil
import re
from types import ModuleType

import pytest

import openco


def packages() -> list[ModuleType]:
    found = [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(openco.__path__, "openco.")
        if info.ispkg and not info.name.rpartition(".")[2].startswith("_")
    ]
    return [openco, *found]


def in_order(names: list[str]) -> list[str]:
    """*names* sorted as ruff's RUF022 sorts __all__: CONSTANTS, then Classes, then the rest."""

    def key(name: str) -> tuple[int, list[int | str]]:
        # Numbers in names sort by value, as ruff's natural sort does: L9 before L18.
        parts: list[int | str] = [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name)]
        if name.isupper():
            return (0, parts)
        return (1 if name[0].isupper() else 2, parts)

    return sorted(names, key=key)


def modules() -> list[ModuleType]:
    found = []
    for info in pkgutil.walk_packages(openco.__path__, "openco."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            module = importlib.import_module(info.name)
            if not info.ispkg and hasattr(module, "__all__"):
                found.append(module)
    return found


def public_names(package: ModuleType) -> set[str]:
    """Names not starting with an underscore, other than the package's own submodules."""
    return {
        name
        for name, value in vars(package).items()
        if not name.startswith("_")
        and not (inspect.ismodule(value) and value.__name__.startswith(f"{package.__name__}."))
    }


def name_of(module: ModuleType) -> str:
    return module.__name__


@pytest.mark.parametrize("package", packages(), ids=name_of)
class TestPackages:
    def test_dunder_all_is_sorted_without_duplicates(self, package: ModuleType) -> None:
        names = list(package.__all__)

        assert names == in_order(names)
        assert len(set(names)) == len(names)

    def test_dunder_all_is_every_public_name(self, package: ModuleType) -> None:
        """Nothing public is left out of __all__, and nothing in it is missing."""
        exported = {name for name in package.__all__ if not name.startswith("_")}

        assert exported == public_names(package)
        assert all(hasattr(package, name) for name in package.__all__)


@pytest.mark.parametrize("module", modules(), ids=name_of)
def test_a_module_exports_every_public_thing_it_defines(module: ModuleType) -> None:
    defined = {
        name
        for name, value in vars(module).items()
        if not name.startswith("_")
        and (inspect.isclass(value) or inspect.isfunction(value))
        and value.__module__ == module.__name__
    }

    assert list(module.__all__) == in_order(list(module.__all__))
    assert defined <= set(module.__all__)


def test_the_subpackages_are_all_found() -> None:
    assert {"openco", "openco.model", "openco.testing"} <= {p.__name__ for p in packages()}
