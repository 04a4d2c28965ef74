"""The reasoning: facts, the @heuristic rule form, reading conditions back, the engine, the
decision and the advisor pipeline.

experta's private internals (and the frozendict fix that makes it importable on Python >= 3.10)
live in ``_experta`` alone; importing this package runs that fix before anything else imports
experta.
"""
from expert.reasoning import _experta  # noqa: F401  (must run before any experta import)
