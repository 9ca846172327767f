"""The process layer's errors in openco.errors: data, messages and pickling."""

from __future__ import annotations

import copy
import datetime as dt
import pickle

import pytest

from openco.errors import (
    OpencoError,
    Refusal,
    RuleConfigurationError,
    TransitionNotAllowedError,
    WorkflowDefinitionError,
)
from openco.process import Stage, Step, advance
from openco.testing.workflow import good_case, make_cast

RECORDS = make_cast().records


def refused() -> TransitionNotAllowedError:
    cast = make_cast()
    with pytest.raises(TransitionNotAllowedError) as error:
        advance(
            good_case(cast, steps=3),
            Step.AGREE_PLAN,
            actor=cast.worker,
            on=dt.date(2026, 2, 9),
            records=RECORDS,
        )
    return error.value


class TestTransitionNotAllowedError:
    def test_carries_the_stage_the_step_and_the_reasons(self) -> None:
        error = refused()

        assert (error.stage, error.step, error.codes) == (Stage.RAISED, Step.AGREE_PLAN, ("W1",))
        assert str(error).startswith("cannot agree_plan while the case is raised:")
        assert isinstance(error, OpencoError)

    def test_pickles_and_copies_intact(self) -> None:
        error = refused()

        for clone in (pickle.loads(pickle.dumps(error)), copy.copy(error)):
            assert (clone.stage, clone.step, clone.reasons) == (
                error.stage,
                error.step,
                error.reasons,
            )
            assert str(clone) == str(error)

    def test_says_when_a_case_could_not_be_opened(self) -> None:
        error = TransitionNotAllowedError(None, Step.NOTICE, ())

        assert str(error) == "cannot notice before the case is opened:"


class TestRefusal:
    def test_gives_its_message_in_each_language(self) -> None:
        reason = refused().reasons[0]

        assert {reason.message(language) for language in ("fi", "sv", "en")} == {
            reason.fi,
            reason.sv,
            reason.en,
        }

    def test_refuses_an_unknown_language(self) -> None:
        with pytest.raises(ValueError, match="allowed: one of fi, sv, en"):
            refused().reasons[0].message("de")

    def test_names_a_missing_parameter(self) -> None:
        with pytest.raises(KeyError):
            Refusal(rule="X", key="y", fi="a", sv="b", en="c").param("z")


@pytest.mark.parametrize(
    "error",
    [WorkflowDefinitionError(["a", "b"]), RuleConfigurationError("L5", "a legal rule")],
)
def test_definition_and_configuration_errors_pickle(error: OpencoError) -> None:
    clone = pickle.loads(pickle.dumps(error))

    assert str(clone) == str(error)
    assert isinstance(clone, ValueError)
