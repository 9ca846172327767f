from __future__ import annotations

import pickle

import pytest

from openco.errors import (
    InvalidArgumentError,
    InvalidModelError,
    MissingDependencyError,
    OpencoError,
    redacted,
)


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


class TestInvalidModelError:
    def test_repr_masks_the_value_as_str_does(self) -> None:
        error = InvalidModelError("Person", "name", "150321A123B Aino Virtanen", "a name")

        shown = repr(error)

        assert "150321A123B" not in shown
        assert "Aino" not in shown
        assert "Virtanen" not in shown
        assert redacted(error.value) in shown
        assert shown.startswith("InvalidModelError(owner='Person', field='name', value=<")
        assert "150321A123B" not in str(error)

    def test_the_value_stays_available_to_programs(self) -> None:
        error = InvalidModelError("Person", "name", "150321A123B Aino", "a name", "invalid")

        again = pickle.loads(pickle.dumps(error))

        assert error.value == again.value == "150321A123B Aino"
        assert repr(again) == repr(error)
        assert "150321A123B" not in repr(again)

    def test_repr_masks_an_exception_group_of_them(self) -> None:
        group = ExceptionGroup(
            "refused", [InvalidModelError("Person", "id", "010101-123A", "an id")]
        )

        assert "010101-123A" not in repr(group.exceptions)
