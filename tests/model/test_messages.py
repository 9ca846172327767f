"""A refusal of the model reaches the person who typed the value in their own language."""

import datetime as dt
import pickle

import attrs
import pytest

import openco.model
from openco.errors import InvalidModelError
from openco.model import PersonId, PlanItem, PlanItemId, Recurrence
from openco.model._messages import CODES, FIELDS, OWNERS, field_words, render

MODEL_CLASSES = [
    kind
    for name in openco.model.__all__
    if isinstance(kind := getattr(openco.model, name), type) and attrs.has(kind)
]


@pytest.mark.parametrize("kind", MODEL_CLASSES, ids=lambda k: k.__name__)
def test_every_class_and_field_of_the_model_has_words_in_three_languages(kind: type) -> None:
    assert kind.__name__ in OWNERS
    for field in attrs.fields(kind):
        assert field.name in FIELDS, f"{kind.__name__}.{field.name}"


def test_every_code_has_a_sentence_in_finnish_swedish_and_english() -> None:
    for code, sentences in CODES.items():
        assert len(sentences) == 3, code
        assert all(s.strip() for s in sentences), code


class TestAPlanItemFromUserInput:
    """Issue #8 point 6: a plan item whose responsible person is missing.

    It is refused with a coded message: a Finnish worker never sees an English developer message.
    """

    def refused(self) -> InvalidModelError:
        with pytest.raises(InvalidModelError) as caught:
            PlanItem(id=PlanItemId("i1"), what="Call the clinic", responsible=None)  # type: ignore[arg-type]
        return caught.value

    def test_the_refusal_has_a_code_and_a_message_in_each_language(self) -> None:
        error = self.refused()

        assert (error.code, error.owner, error.field) == ("missing", "PlanItem", "responsible")
        assert error.message("fi") == "Suunnitelman kohta, vastuuhenkilö: tieto puuttuu."
        assert error.message("sv") == "Punkt i planen, ansvarig person: uppgiften saknas."
        assert error.message("en") == "Plan item, responsible person: missing."

    def test_the_developer_fields_still_say_what_is_allowed(self) -> None:
        error = self.refused()

        assert error.value is None
        assert "an id" in error.allowed
        assert str(error).startswith("PlanItem.responsible: got None")

    def test_the_coded_error_survives_a_pickle_round_trip(self) -> None:
        error = self.refused()

        copy = pickle.loads(pickle.dumps(error))

        assert (copy.code, copy.texts, copy.args) == (error.code, error.texts, error.args)

    def test_the_message_never_quotes_the_value_typed(self) -> None:
        """The value may be personal data; the message names the field and what it takes."""
        with pytest.raises(InvalidModelError) as caught:
            PlanItem(id=PlanItemId("i1"), what="Call", responsible=PersonId("Laura Virtanen"))

        for language in ("fi", "sv", "en"):
            assert "Laura" not in caught.value.message(language)

    def test_an_unknown_language_is_refused(self) -> None:
        with pytest.raises(ValueError, match="fi, sv, en"):
            self.refused().message("de")


def test_a_choice_lists_the_options_in_the_readers_language() -> None:
    with pytest.raises(InvalidModelError) as caught:
        Recurrence(frequency="weekly")  # type: ignore[arg-type]

    assert caught.value.code == "choice"
    assert "viikoittain" in caught.value.message("fi")
    assert "varje vecka" in caught.value.message("sv")


def test_a_date_order_names_the_other_field_in_words() -> None:
    with pytest.raises(InvalidModelError) as caught:
        PlanItem(
            id=PlanItemId("i1"),
            what="Club",
            responsible=PersonId("p1"),
            starts_on=dt.date(2026, 4, 20),
            until=dt.date(2026, 4, 1),
        )

    assert caught.value.code == "not_before"
    assert caught.value.message("fi").endswith("kuin alkupäivä.")


def test_a_path_reads_as_words_with_positions_counted_from_one() -> None:
    assert field_words("custody[0].adult", 0) == "huoltosuhteet 1 › aikuinen"


def test_an_error_built_by_hand_without_texts_still_speaks_each_language() -> None:
    error = InvalidModelError("Settings", "take_up_within_working_days", -1, "a whole number")

    assert error.code == "invalid"
    assert error.message("fi") == "Settings, take_up_within_working_days: arvo ei kelpaa."


def test_a_sentence_missing_a_parameter_does_not_fail_while_reporting() -> None:
    assert render("Plan", "follow_up_on", "after", {})[2].endswith("after ….")
