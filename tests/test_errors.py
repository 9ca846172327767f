from __future__ import annotations

import pickle

import pytest

from openco.errors import InvalidArgumentError, MissingDependencyError, OpencoError


class TestInvalidArgumentError:
    def test_names_the_function_argument_value_and_what_is_allowed(self) -> None:
        error = InvalidArgumentError("compare_maps", "after", "f2", "a map of the same family")

        assert str(error) == "compare_maps(after='f2'): allowed: a map of the same family"
        assert isinstance(error, OpencoError)
        assert isinstance(error, ValueError)

    def test_pickles_with_its_data(self) -> None:
        error = InvalidArgumentError("f", "x", [1, 2], "a number")

        again = pickle.loads(pickle.dumps(error))

        assert (again.function, again.argument, again.value, again.allowed) == (
            "f",
            "x",
            [1, 2],
            "a number",
        )
        assert str(again) == str(error)


class TestMissingDependencyError:
    def test_says_which_extra_to_install(self) -> None:
        error = MissingDependencyError("drawing a network map", "matplotlib", "plot")

        assert "pip install 'openco[plot]'" in str(error)
        assert isinstance(error, ImportError)

    def test_pickles_with_its_data(self) -> None:
        again = pickle.loads(pickle.dumps(MissingDependencyError("a", "b", "c")))

        assert (again.feature, again.package, again.extra) == ("a", "b", "c")

    def test_can_be_caught_as_an_import_error(self) -> None:
        with pytest.raises(ImportError):
            raise MissingDependencyError("SVG", "matplotlib", "plot")
