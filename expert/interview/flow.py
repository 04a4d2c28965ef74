"""The interview's flow: ask the planner's questions one by one, read the consultant's prompt
commands, save every answer. Knows nothing of terminals or click.

The front end passes an ``io`` object with three methods: ``show(name, style=None, **model)``
renders template ``consult/<name>`` and prints it, ``read(prompt, completions)`` returns one line
(raising EOFError at the end of input, and letting KeyboardInterrupt through; ``completions``
maps a first word to what TAB may complete after it, "" to the first words themselves), and
``prompt_text(name, **model)`` renders a prompt. ``run_interview`` returns how the interview ended; the front end
decides what that means for the process (exit codes are the command's business).
"""
from __future__ import annotations

import shlex

from expert.errors import InputError, Terminated
from expert.i18n import current, gettext
from expert.inputs.answers import META_TOTAL, answer_count
from expert.inputs.catalog import load_catalog
from expert.inputs.files import WriteError
from expert.interview.consultation import Consultation
from expert.interview.session import IN_PROGRESS
from expert.interview.views import (
    question_model,
    settled_model,
    status_model,
    why_model,
)
from expert.report.model import firing_row

# How an interview ends. REPORT: a finished session whose report is wanted again; CLOSED: a
# finished session left as it was.
FINISHED, QUIT, INTERRUPTED, END_OF_INPUT = "finished", "quit", "interrupted", "end_of_input"
TERMINATED = "SIGTERM"  # as INTERRUPTED, by SIGTERM (Terminated) rather than Ctrl-C
HUNG_UP = "SIGHUP"  # as TERMINATED, by the terminal going away (HungUp)
REPORT, CLOSED = "report", "closed"
# The words a consultant can type at a question's prompt, and at a finished session's.
PROMPT_COMMANDS = ("?", "help", "why", "status", "back", "skip", "note", "change", "quit")
FINISHED_COMMANDS = ("report", "change", "back", "quit")
# The commands' words in each language the tool speaks besides English, command -> words. Every
# one is understood whatever the language of the output (a Russian consultant may run English
# output, and type Russian out of habit); a prompt in that language lists and completes them.
COMMAND_WORDS = {
    "ru": {"help": ("помощь",), "why": ("почему",), "status": ("статус",), "back": ("назад",),
           "skip": ("пропустить",), "note": ("заметка",), "change": ("изменить",),
           "quit": ("выход",), "report": ("отчёт", "отчет")},
}
ALIASES = {word: command for words in COMMAND_WORDS.values()
           for command, spelled in words.items() for word in spelled}
# Yes and no at a finished session's offer, in every language (the English ones first).
YES_WORDS = ("y", "yes", "д", "да")
NO_WORDS = ("n", "no", "н", "нет")


def command_of(word: str) -> str:
    """The command a typed first word means: itself, or the English command of an alias."""
    word = word.lower()
    return ALIASES.get(word, word)


def local_commands(commands) -> list:
    """The commands as the current language writes them, for TAB: in English the English
    words; in another language its own word for each command that has one."""
    words = COMMAND_WORDS.get(current(), {})
    return [words[c][0] if c in words else c for c in commands]


def resume_argument(session) -> str:
    """The session path as the resume line must show it, quoted for a shell."""
    return shlex.quote(str(session.path))


def run_interview(session, io, trace: bool = False, resumed: bool = False,
                  before_firing=None, assumptions: dict | None = None
                  ) -> tuple[str, Consultation | None]:
    """The whole consultation on one session: (how it ended, the consultation).

    ``before_firing`` goes to the engine (step mode). On Ctrl-C, SIGTERM or the end of input
    every answer given so far, including one the engine was still working on, is saved first. A
    finished session is offered again: its report (FINISHED with no consultation), or ``change
    QID`` / ``back``, which reopen it.
    """
    answered, unknown = answer_count(session.answers)
    io.show("notice", kind="resumed" if resumed else "start", client=session.meta.get("client", ""),
            path=str(session.path), answered=answered, unknown=unknown)
    reopen = None
    if session.finished:
        try:
            reopen = finished_choice(session, io)
        except EOFError:  # Ctrl-D: nothing wanted of a finished session
            return CLOSED, None
        # Ctrl-C and signals go on to the command line (nothing to save): 130, 143, 129
        if reopen in (REPORT, CLOSED):
            return reopen, None
    session.save(status=IN_PROGRESS)  # the file exists, and is resumable, before the first question

    on_firing = (lambda firing: show_firing(io, firing)) if trace else None
    consultation = None
    try:
        consultation = Consultation(session.answers, session.history,
                                    before_firing=before_firing, on_firing=on_firing,
                                    assumptions=assumptions, total=session.meta.get(META_TOTAL))
        if reopen is not None:
            reopen(consultation)
            save_answers(consultation, session, io)
        announced = False
        while (question := consultation.current()) is not None:
            if consultation.settled and not announced:
                io.show("settled", style={"fg": "green"}, **settled_model(consultation))
            announced = consultation.settled
            if not ask(consultation, question, session, io, trace):
                return QUIT, consultation
    except (KeyboardInterrupt, EOFError) as stop:
        if consultation is not None:  # an answer the engine was still working on is kept
            session.record(consultation.answers, consultation.history, consultation.total)
        keep(session, io, last=True)
        return stopped_by(stop), consultation
    keep(session, io, status="finished", last=True)
    return FINISHED, consultation


def stopped_by(stop: BaseException) -> str:
    """How an interview ended that ``stop`` broke off."""
    if isinstance(stop, Terminated):
        return stop.signal_name  # TERMINATED for SIGTERM, HUNG_UP for SIGHUP
    return INTERRUPTED if isinstance(stop, KeyboardInterrupt) else END_OF_INPUT


def finished_choice(session, io):
    """A finished session: REPORT, CLOSED, or a function that reopens the consultation
    (``change QID`` or ``back``)."""
    answered, unknown = answer_count(session.answers)
    catalog = load_catalog()
    while True:
        line = io.read(io.prompt_text("notice", kind="finished_offer", answered=answered,
                                      unknown=unknown),
                       completions=completions(None, FINISHED_COMMANDS))
        word, _, rest = line.partition(" ")
        command, rest = command_of(word), rest.strip()
        if command in ("", *YES_WORDS, "report"):
            return REPORT
        if command in (*NO_WORDS, "quit"):
            return CLOSED
        if command == "back" and not rest and session.history:
            io.show("notice", kind="reopened")
            return lambda consultation: io.show("notice", kind="back", id=consultation.back())
        if command == "change" and rest:
            if rest not in catalog:
                io.show("notice", style={"fg": "red"}, kind="invalid",
                        reason=catalog.unknown_message(rest), choices=0)
                continue
            io.show("notice", kind="reopened")
            return lambda consultation: consultation.change(rest)
        io.show("notice", kind="finished_help")


def completions(question, commands) -> dict:
    """What TAB can complete: first words (the commands in the current language, the choice
    ids, yes and no), and question ids after ``change`` (or its word in any language)."""
    first = local_commands(commands)
    after = {}
    if question is not None and question.type == "choice":
        first += question.choice_ids
        if question.multiple:  # a second choice after the first: "staff_distracted calls_lost"
            after = {word: list(question.choice_ids) for cid in question.choice_ids
                     for word in (cid, cid + ",")}
    elif question is not None and question.type == "yes_no":
        first += [gettext("yes"), gettext("no")]
    ids = [q.id for q in load_catalog()]
    return {"": first, **after, "change": ids,
            **{w: ids for w, c in ALIASES.items() if c == "change"}}


def ask(consultation, question, session, io, trace: bool) -> bool:
    """Ask one question until it is answered (True) or the consultant quits (False)."""
    io.show("prompt", style={"bold": True}, **question_model(question, consultation))
    while True:
        line = io.read(io.prompt_text("input", id=question.id),
                       completions=completions(question, PROMPT_COMMANDS))
        word, _, rest = line.partition(" ")
        command = command_of(word)
        if command in ("?", "help") and not rest:
            io.show("help", **question_model(question, consultation))
        elif command == "why" and not rest:
            io.show("why", **why_model(question, consultation))
        elif command == "status" and not rest:
            io.show("status", **status_model(consultation))
        elif command == "note":
            if not rest.strip():
                io.show("notice", kind="note_empty")
                continue
            session.add_note(question.id, rest.strip())
            keep(session, io)
            io.show("notice", kind="noted", id=question.id)
        elif command == "quit" and not rest:
            save_answers(consultation, session, io, last=True)
            return False
        elif command == "back" and not rest:
            qid = consultation.back()
            if qid is None:
                io.show("notice", kind="no_back")
                continue
            return withdrawn(consultation, session, io, trace, "back", qid)
        elif command == "change":
            qid = rest.strip()
            if not qid:
                io.show("notice", kind="change_empty")
                continue
            if qid == question.id:
                io.show("notice", kind="change_current", id=qid)
                continue
            try:
                consultation.change(qid)
            except InputError as err:
                io.show("notice", style={"fg": "red"}, kind="invalid", reason=str(err), choices=0)
                continue
            return withdrawn(consultation, session, io, trace, "change", qid)
        elif command == "skip" and not rest:
            consultation.answer(question.id, None)
            save_answers(consultation, session, io)
            io.show("notice", kind="skipped")
            return True
        elif not line:
            io.show("notice", style={"fg": "yellow"}, kind="empty")
        else:
            try:
                value = question.parse_text(line)
            except InputError as err:
                io.show("notice", style={"fg": "red"}, kind="invalid", reason=str(err),
                        choices=len(question.choices), multiple=question.multiple)
                continue
            consultation.answer(question.id, value)
            save_answers(consultation, session, io)
            if value is None:  # "unknown" typed in is a skip
                io.show("notice", kind="skipped")
            return True


def withdrawn(consultation, session, io, trace: bool, kind: str, qid: str) -> bool:
    """An answer was taken back (``back``, ``change``): save, show what it retracted, say so."""
    save_answers(consultation, session, io)
    if trace:
        show_retracted(io, consultation)
    io.show("notice", kind=kind, id=qid)
    return True


def save_answers(consultation, session, io, last: bool = False) -> None:
    """The answer is on disk before the next question is shown (or, on a full disk, kept)."""
    session.record(consultation.answers, consultation.history, consultation.total)
    keep(session, io, last=last)


def keep(session, io, status: str | None = None, last: bool = False) -> None:
    """Save the session; if the file cannot be written (a full disk), say which and why, and go
    on with every answer in memory: each save writes them all, so the next one, once there is
    room, catches up. The file on disk stays whole meanwhile (the writer is atomic). The
    ``last`` save, as the interview ends, offers no going on: the resume line follows."""
    try:
        session.save(status)
    except WriteError as err:
        session.save_error = err
        io.show("notice", style={"fg": "red"}, kind="not_saved", reason=str(err), last=last)
        return
    if session.save_error is not None:
        session.save_error = None
        io.show("notice", style={"fg": "green"}, kind="saved_again", path=str(session.path))


def show_firing(io, firing) -> None:
    io.show("firing", style={"fg": "cyan"}, retracted=False, **firing_row(firing))


def show_retracted(io, consultation) -> None:
    for firing in consultation.retracted:
        io.show("firing", style={"fg": "yellow"}, retracted=True, **firing_row(firing))
