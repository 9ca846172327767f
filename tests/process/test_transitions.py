"""The transition table: validated when built, configurable per municipality, variants as data."""

from __future__ import annotations

import datetime as dt

import pytest

from openco.errors import (
    Refusal,
    RuleConfigurationError,
    TransitionNotAllowedError,
    WorkflowDefinitionError,
)
from openco.model import LabelledEnum
from openco.process import (
    CATALOGUE,
    DEFAULT_DETAILS,
    DEFAULT_LOOPS,
    DEFAULT_STATUTORY,
    DEFAULT_TRANSITIONS,
    DEFAULT_WORKFLOW,
    RULES,
    ActorRole,
    Case,
    Labels,
    Loop,
    Records,
    Rule,
    RuleGroup,
    RuleKind,
    Settings,
    Stage,
    Statutory,
    Step,
    StepTaken,
    Transition,
    Workflow,
    advance,
    allowed_steps,
    open_case,
)
from openco.testing.workflow import good_path, make_cast

RECORDS = make_cast().records

CAST = make_cast()


def build(*rows: Transition, **kwargs: object) -> Workflow:
    return Workflow(
        initial=kwargs.pop("initial", Stage.NOTICED),  # type: ignore[arg-type]
        final=kwargs.pop("final", {Stage.CLOSED}),  # type: ignore[arg-type]
        transitions=rows,
        **kwargs,  # type: ignore[arg-type]
    )


def problems_of(*rows: Transition, **kwargs: object) -> tuple[str, ...]:
    with pytest.raises(WorkflowDefinitionError) as error:
        build(*rows, **kwargs)
    return error.value.problems


class TestTheDefaultWorkflow:
    def test_follows_the_practice_from_noticed_to_closed(self) -> None:
        path = [
            (Stage.NOTICED, Step.ASSESS),
            (Stage.ASSESSED, Step.PREPARE),
            (Stage.PREPARED, Step.RAISE),
            (Stage.RAISED, Step.PROPOSE_MEETING),
            (Stage.MEETING_PROPOSED, Step.AGREE_TO_MEET),
            (Stage.MEETING_AGREED, Step.HOLD_MEETING),
            (Stage.MEETING_HELD, Step.AGREE_PLAN),
            (Stage.PLAN_AGREED, Step.FOLLOW_UP),
            (Stage.FOLLOWED_UP, Step.CLOSE),
        ]

        stages = [DEFAULT_WORKFLOW.target(stage, step) for stage, step in path]

        assert stages[-1] is Stage.CLOSED
        assert stages[:-1] == [stage for stage, _ in path[1:]]

    def test_offers_own_means_consultation_or_a_meeting_after_raising(self) -> None:
        assert {Step.CONTINUE, Step.CONSULT, Step.PROPOSE_MEETING} <= DEFAULT_WORKFLOW.allowed_at(
            Stage.RAISED
        )

    def test_allows_re_assessing_the_zone_at_every_open_stage_and_keeps_the_stage(self) -> None:
        for stage in DEFAULT_WORKFLOW.stages:
            if stage in DEFAULT_WORKFLOW.final:
                assert Step.REASSESS not in DEFAULT_WORKFLOW.allowed_at(stage)
            else:
                assert DEFAULT_WORKFLOW.target(stage, Step.REASSESS) is stage

    def test_allows_the_statutory_track_at_every_stage_even_closed(self) -> None:
        for stage in Stage:
            assert DEFAULT_WORKFLOW.statutory_steps <= DEFAULT_WORKFLOW.allowed_at(stage)

    def test_guards_the_statutory_track_with_legal_rules_only(self) -> None:
        for entry in DEFAULT_STATUTORY:
            assert all(rule.code.startswith("L") for rule in entry.rules)

    def test_names_every_stage(self) -> None:
        assert set(DEFAULT_WORKFLOW.stages) == set(Stage)


class TestValidation:
    def test_a_row_leaving_a_final_stage_is_refused(self) -> None:
        problems = problems_of(
            Transition(Stage.NOTICED, Step.CLOSE, Stage.CLOSED),
            Transition(Stage.CLOSED, Step.START_NEW_CYCLE, Stage.NOTICED),
        )

        assert problems == (
            "row closed --start_new_cycle--> noticed: leaves the final stage 'closed'",
        )

    def test_every_stage_is_reachable_from_the_initial_one(self) -> None:
        problems = problems_of(
            Transition(Stage.NOTICED, Step.CLOSE, Stage.CLOSED),
            Transition(Stage.CONSULTED, Step.CLOSE, Stage.CLOSED),
        )

        assert problems == ("stage 'consulted' is not reachable from the initial stage 'noticed'",)

    def test_there_is_no_trap_stage(self) -> None:
        problems = problems_of(
            Transition(Stage.NOTICED, Step.CLOSE, Stage.CLOSED),
            Transition(Stage.NOTICED, Step.ASSESS, Stage.ASSESSED),
            Transition(Stage.ASSESSED, Step.PREPARE, Stage.PREPARED),
            Transition(Stage.PREPARED, Step.REASSESS, Stage.ASSESSED),
        )

        assert set(problems) == {
            "stage 'assessed' is a trap: no final stage can be reached",
            "stage 'prepared' is a trap: no final stage can be reached",
        }

    def test_two_unguarded_rows_for_one_stage_and_step_are_refused(self) -> None:
        problems = problems_of(
            Transition(Stage.NOTICED, Step.CLOSE, Stage.CLOSED),
            Transition(Stage.NOTICED, Step.CLOSE, Stage.ASSESSED),
            Transition(Stage.ASSESSED, Step.CLOSE, Stage.CLOSED),
        )

        assert "comes before it" in problems[0]

    def test_guarded_rows_for_one_stage_and_step_are_tried_in_order(self) -> None:
        workflow = build(
            Transition(Stage.NOTICED, Step.ASSESS, Stage.ASSESSED, (RULES["P10"],)),
            Transition(Stage.NOTICED, Step.ASSESS, Stage.CLOSED),
            Transition(Stage.ASSESSED, Step.CLOSE, Stage.CLOSED),
        )
        case = open_case(
            CAST.concern, family=CAST.family, on=CAST.opened_on, workflow=workflow, records=RECORDS
        )
        first = good_path(CAST)[0]

        by_worker = advance(
            case,
            Step.ASSESS,
            actor=CAST.worker,
            on=first.on,
            detail=first.detail,
            workflow=workflow,
            records=RECORDS,
        )
        by_colleague = advance(
            case,
            Step.ASSESS,
            actor=CAST.colleague,
            role=ActorRole.COLLEAGUE,
            on=first.on,
            detail=first.detail,
            consents=CAST.consents[:1],  # the mother lets the clinic see the concern (L7)
            workflow=workflow,
            records=RECORDS,
        )

        assert (by_worker.stage, by_colleague.stage) == (Stage.ASSESSED, Stage.CLOSED)

    def test_the_statutory_track_cannot_carry_a_practice_rule(self) -> None:
        problems = problems_of(
            Transition(Stage.NOTICED, Step.CLOSE, Stage.CLOSED),
            statutory=(Statutory(Step.NOTIFY_CHILD_WELFARE, (RULES["P13"],)),),
        )

        assert problems == (
            (
                "statutory step 'notify_child_welfare': the practice rule 'P13' would let the "
                "dialogue track block the statutory track"
            ),
        )

    def test_a_side_step_is_not_also_a_transition(self) -> None:
        problems = problems_of(
            Transition(Stage.NOTICED, Step.CLOSE, Stage.CLOSED),
            loops=(Loop(Step.CLOSE),),
        )

        assert problems == ("loop step 'close' also appears in a transition row",)

    def test_a_rule_outside_the_catalogue_is_refused(self) -> None:
        problems = problems_of(
            Transition(Stage.NOTICED, Step.CLOSE, Stage.CLOSED, (RULES["P13"],)),
            rules=(RULES["L1"],),
        )

        assert problems == (
            "row noticed --close--> closed: rule 'P13' is not in the workflow's catalogue",
        )

    def test_every_step_needs_its_detail_declared(self) -> None:
        problems = problems_of(Transition(Stage.NOTICED, Step.CLOSE, Stage.CLOSED), details={})

        assert problems == ("step 'close' has no entry in details",)

    def test_the_initial_stage_is_not_final(self) -> None:
        problems = problems_of(
            Transition(Stage.ASSESSED, Step.CLOSE, Stage.NOTICED), final={Stage.NOTICED}
        )

        assert "the initial stage 'noticed' is also final" in problems


class TestConfiguration:
    def test_a_practice_rule_can_be_switched_off(self) -> None:
        relaxed = DEFAULT_WORKFLOW.configured(disabled=["P14", "P15"])

        assert not relaxed.is_enabled("P14")
        assert relaxed.is_enabled("P13")
        assert DEFAULT_WORKFLOW.is_enabled("P14")

    @pytest.mark.parametrize("code", ["L1", "L5", "L7"])
    def test_a_legal_rule_cannot_be_switched_off(self, code: str) -> None:
        with pytest.raises(RuleConfigurationError, match="legal rule"):
            DEFAULT_WORKFLOW.configured(disabled=[code])

    def test_a_workflow_rule_cannot_be_switched_off(self) -> None:
        with pytest.raises(RuleConfigurationError, match="workflow rule"):
            DEFAULT_WORKFLOW.configured(disabled=["W1"])

    def test_an_unknown_rule_is_named(self) -> None:
        with pytest.raises(RuleConfigurationError, match="'P99'"):
            DEFAULT_WORKFLOW.configured(disabled=["P99"])

    def test_settings_change_the_deadlines(self) -> None:
        from openco.process import obligations  # noqa: PLC0415

        strict = DEFAULT_WORKFLOW.configured(settings=Settings(take_up_within_working_days=2))
        case = open_case(
            CAST.concern, family=CAST.family, on=CAST.opened_on, workflow=strict, records=RECORDS
        )
        assess = good_path(CAST)[0]
        case = assess.apply(case, strict)

        assert obligations(case, today=assess.on, workflow=strict, records=RECORDS)[
            0
        ].due == dt.date(2026, 2, 5)


class RovaniemiStage(LabelledEnum):
    """A municipality's own stages: the default ones it keeps plus one of its own."""

    NOTICED = ("noticed", "huoli havaittu", "oro upptäckt", "concern noticed")
    RAISED = ("raised", "huoli otettu puheeksi", "oron upptagen", "concern raised")
    FAMILY_CENTRE = (
        "family_centre",
        "perhekeskuksen tiimi",
        "familjecentrets team",
        "family-centre team",
    )
    CLOSED = ("closed", "päätetty", "avslutat", "closed")


class RovaniemiStep(LabelledEnum):
    """A step of the municipality's own."""

    REFER = ("refer", "ohjaa perhekeskukseen", "hänvisa till familjecentret", "refer to the team")


class TestAMunicipalVariant:
    def test_is_built_from_its_own_table_with_the_same_validation(self) -> None:
        variant = Workflow(
            initial=RovaniemiStage.NOTICED,
            final={RovaniemiStage.CLOSED},
            transitions=(
                Transition(
                    RovaniemiStage.NOTICED, Step.RAISE, RovaniemiStage.RAISED, (RULES["P11"],)
                ),
                Transition(
                    RovaniemiStage.RAISED, RovaniemiStep.REFER, RovaniemiStage.FAMILY_CENTRE
                ),
                Transition(RovaniemiStage.FAMILY_CENTRE, Step.CLOSE, RovaniemiStage.CLOSED),
            ),
            loops=DEFAULT_LOOPS,
            statutory=DEFAULT_STATUTORY,
            details={**DEFAULT_DETAILS, RovaniemiStep.REFER: (type(None),)},
        )
        path = good_path(CAST)
        case = open_case(
            CAST.concern, family=CAST.family, on=CAST.opened_on, workflow=variant, records=RECORDS
        )

        case = path[2].apply(case, variant)
        case = advance(
            case,
            RovaniemiStep.REFER,
            actor=CAST.worker,
            on=path[2].on,
            workflow=variant,
            records=RECORDS,
        )

        assert case.stage is RovaniemiStage.FAMILY_CENTRE
        assert variant.statutory_steps <= allowed_steps(case, workflow=variant)
        with pytest.raises(TransitionNotAllowedError):
            advance(
                case,
                Step.PREPARE,
                actor=CAST.worker,
                on=path[2].on,
                workflow=variant,
                records=RECORDS,
            )

    def test_adds_a_rule_of_its_own(self) -> None:
        def propose_within_a_month(
            case: Case, record: StepTaken, _settings: Settings, _records: Records
        ) -> tuple[Refusal, ...]:
            raised = case.records_of(Step.RAISE)[-1].on
            if (record.on - raised).days > 30:
                return (own.refuse("late", days=(record.on - raised).days),)
            return ()

        own = Rule(
            code="R1",
            group=RuleGroup.PRACTICE,
            kinds=frozenset({RuleKind.GUARD}),
            title=Labels("Palaveri kuukauden sisällä", "Möte inom en månad", "Meet within a month"),
            basis="Municipal guideline",
            source="Rovaniemi family services, 2026",
            messages={"late": Labels("{days} päivää", "{days} dagar", "{days} days")},
            check=propose_within_a_month,
        )
        rows = tuple(
            Transition(r.source, r.step, r.target, (*r.rules, own))
            if r.step is Step.PROPOSE_MEETING
            else r
            for r in DEFAULT_TRANSITIONS
        )
        variant = build(
            *rows, loops=DEFAULT_LOOPS, statutory=DEFAULT_STATUTORY, rules=(*CATALOGUE, own)
        )
        case = open_case(
            CAST.concern, family=CAST.family, on=CAST.opened_on, workflow=variant, records=RECORDS
        )
        for attempt in good_path(CAST)[:3]:
            case = attempt.apply(case, variant)

        with pytest.raises(TransitionNotAllowedError) as error:
            advance(
                case,
                Step.PROPOSE_MEETING,
                actor=CAST.worker,
                on=dt.date(2026, 4, 1),
                workflow=variant,
                records=RECORDS,
            )

        assert [(r.rule, r.en) for r in error.value.reasons] == [("R1", "51 days")]
        assert not variant.configured(disabled=["R1"]).is_enabled("R1")

    def test_dropping_a_branch_keeps_the_rest_valid(self) -> None:
        without_consulting = [
            r for r in DEFAULT_TRANSITIONS if Stage.CONSULTED not in (r.source, r.target)
        ]

        variant = build(*without_consulting, loops=DEFAULT_LOOPS, statutory=DEFAULT_STATUTORY)

        assert Stage.CONSULTED not in variant.stages
        assert Step.CONSULT not in variant.allowed_at(Stage.RAISED)
