import importlib
import inspect
import pkgutil
import re

import pytest

import openco.model
from openco.model import LabelledEnum, Language

EXPORTED = sorted(
    (
        kind
        for kind in vars(openco.model).values()
        if isinstance(kind, type) and issubclass(kind, LabelledEnum) and kind is not LabelledEnum
    ),
    key=lambda kind: kind.__name__,
)


def defined_in_the_model() -> set[type[LabelledEnum]]:
    found: set[type[LabelledEnum]] = set()
    for module in pkgutil.iter_modules(openco.model.__path__, "openco.model."):
        for _, kind in inspect.getmembers(importlib.import_module(module.name), inspect.isclass):
            if issubclass(kind, LabelledEnum) and kind is not LabelledEnum:
                found.add(kind)
    return found


def test_every_labelled_enumeration_of_the_model_is_exported() -> None:
    assert set(EXPORTED) == defined_in_the_model()
    assert len(EXPORTED) >= 17


@pytest.mark.parametrize("kind", EXPORTED, ids=lambda kind: kind.__name__)
class TestLabels:
    """Every member reads in Finnish, Swedish and English, and no two members read alike."""

    @pytest.mark.parametrize("language", Language, ids=lambda language: language.value)
    def test_every_member_has_a_label_in_every_language(
        self, kind: type[LabelledEnum], language: Language
    ) -> None:
        for member in kind:
            label = member.label(language)
            assert label.strip() == label
            assert label

    @pytest.mark.parametrize("language", Language, ids=lambda language: language.value)
    def test_no_two_members_share_a_label_in_one_language(
        self, kind: type[LabelledEnum], language: Language
    ) -> None:
        labels = [member.label(language) for member in kind]

        assert len(set(labels)) == len(labels)

    def test_values_are_distinct_lower_case_identifiers(self, kind: type[LabelledEnum]) -> None:
        """Two members with one value would silently become aliases of each other."""
        assert len(kind.__members__) == len(kind)
        assert all(re.fullmatch(r"[a-z][a-z_]*", value) for value in kind.values())

    def test_a_member_is_found_by_its_value(self, kind: type[LabelledEnum]) -> None:
        assert [kind(value) for value in kind.values()] == list(kind)


class TestLabelledEnum:
    def test_the_language_may_be_named_by_its_code(self) -> None:
        zone = openco.model.ConcernZone.GREY

        assert zone.label("sv") == zone.label(Language.SV) == "betydande oro (grå zon)"

    def test_labels_are_in_english_unless_asked(self) -> None:
        assert openco.model.ConcernZone.NONE.label() == "no concern"

    def test_an_unknown_language_is_refused(self) -> None:
        with pytest.raises(ValueError, match="'de'"):
            openco.model.ConcernZone.NONE.label("de")
