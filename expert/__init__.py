"""ccadvisor's engine room: facts, catalog, engine, decision, explanation, rendering.

Nothing in this package knows about click or terminals, so the same code serves the
interactive consultation, batch files and the tests.
"""
# The compat shim must run before anything imports experta; importing it here means any
# `import expert.<anything>` (and so every rule module) is covered.
from expert import compat  # noqa: F401
