"""ccadvisor's engine room, in packages named for what they hold.

Nothing here knows about click or terminals, so the same code serves the interactive
consultation, batch files and the tests. Import direction runs one way (checked by
import-linter, see setup.cfg): interview -> explain, kb -> report -> reasoning -> numbers ->
inputs -> errors. This module stays empty of imports, so ``expert.inputs`` and ``expert.numbers``
load without the rule engine.
"""
from pathlib import Path

PACKAGE_DIR = Path(__file__).parent
DATA_DIR = PACKAGE_DIR / "data"
TEMPLATES_DIR = PACKAGE_DIR / "templates"
