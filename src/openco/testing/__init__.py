"""Hypothesis tools for users' own tests of openco data and workflows (``openco[testing]``).

Strategies and state machines live in submodules: :mod:`openco.testing.workflow` for cases,
step sequences and a :class:`~hypothesis.stateful.RuleBasedStateMachine` base for workflow
variants. This package imports Hypothesis and the rest of openco; nothing in openco imports it.
"""
