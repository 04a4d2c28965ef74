"""What each file a user gives the tool is meant to be, for the error lines that say so.

The same readers take answers, sessions, assumptions, batch input and templates (``read_text``,
``parse_mapping``), so a refusal must not name one kind for another: an assumptions file that is
a list is told it should map assumption ids to values, not question ids to answers.
"""
from __future__ import annotations

from dataclasses import dataclass

from expert.i18n import N_
from expert.i18n import gettext as _


@dataclass(frozen=True)
class FileKind:
    """The words for one kind of input file: English msgids, translated when shown. Whole
    sentences each, so that every language can put the kind in the case its sentence needs."""
    what: str             # the file, in the nominative: "expected ..."
    top_level: str = ""   # "... found {found}": what its top level must be, when a mapping
    aliases: str = ""     # "line {line}: ... (*{anchor}) ...": YAML aliases refused in it

    def expected(self) -> str:
        return _(self.what)

    def not_a_mapping(self, found: str) -> str:
        return _(self.top_level).format(found=found)

    def no_aliases(self, line: int, anchor: str) -> str:
        return _(self.aliases).format(line=line, anchor=anchor)


ANSWERS = FileKind(
    N_("an answers file (YAML or JSON)"),
    N_("the top level must be a mapping of question ids to answers, found {found}"),
    N_("line {line}: YAML aliases (*{anchor}) are not allowed in answers files"))
SESSION = FileKind(
    N_("a session file (YAML)"),
    N_("the top level must be a mapping of question ids to answers, found {found}"),
    N_("line {line}: YAML aliases (*{anchor}) are not allowed in session files"))
ASSUMPTIONS = FileKind(
    N_("an assumptions file (YAML or JSON)"),
    N_("the top level must be a mapping of assumption ids to values, found {found}"),
    N_("line {line}: YAML aliases (*{anchor}) are not allowed in assumptions files"))
BATCH = FileKind(N_("a batch input file (CSV or JSONL)"))
TEMPLATE = FileKind(N_("a template file"))
SEEDS = FileKind(N_("a directory of the seed articles"))
