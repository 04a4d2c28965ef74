"""The kb checks that read the rules' metadata only: ids, citations, questions, advice, and
contradictions between rules with the same conditions."""
from __future__ import annotations

import re
from pathlib import Path

from expert.errors import os_reason
from expert.i18n import gettext as _
from expert.inputs.catalog import Catalog
from expert.kb.problem import Problem
from expert.numbers.assumptions import shipped_assumptions
from expert.numbers.figures import FIGURE_INPUTS
from expert.reasoning.conditions import conditions_of
from rules.seeds import SEEDS

FRAGMENT_JOINER = "…"  # a quote may join verbatim fragments with an ellipsis, nothing else


def check_ids(metas) -> list[Problem]:
    seen, problems = set(), []
    for meta in metas:
        if meta.id in seen:
            problems.append(Problem("ids", meta.id, _("rule id is used more than once")))
        seen.add(meta.id)
    return problems


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def quote_fragments(quote: str) -> list[str]:
    return [f for f in (normalise(part) for part in quote.split(FRAGMENT_JOINER)) if f]


def check_citations(metas, seeds_dir: Path) -> list[Problem]:
    """Citation problems. Quotes are checked against the seed texts only where ``seeds_dir``
    exists: a clone without ../shared has no seeds, and the result says so (``quotes_verified``)
    instead of counting that as a problem of the rule base."""
    problems, texts = [], {}
    for seed in SEEDS if seeds_dir.is_dir() else ():
        path = seeds_dir / seed
        try:
            texts[seed] = normalise(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            problems.append(Problem("citations", seed, _("seed file missing from {directory}")
                                    .format(directory=seeds_dir)))
        except (OSError, UnicodeError) as err:
            problems.append(Problem("citations", seed, _("seed file unreadable: {error}")
                                    .format(error=os_reason(err))))
    for meta in metas:
        if meta.seed not in SEEDS:
            problems.append(Problem("citations", meta.id, _("cites {seed!r}, not one of the five seeds")
                                    .format(seed=meta.seed)))
            continue
        if not meta.english("gloss").strip():  # the gloss as written: in Russian it may be empty
            problems.append(Problem("citations", meta.id, _("has no English gloss")))
        fragments = quote_fragments(meta.quote)
        if not fragments:
            problems.append(Problem("citations", meta.id, _("has no quote")))
        for fragment in fragments:
            if meta.seed in texts and fragment not in texts[meta.seed]:
                problems.append(Problem("citations", meta.id,
                                        _("quote fragment not found in {seed}: «{fragment}»")
                                        .format(seed=meta.seed, fragment=fragment)))
    cited = {meta.seed for meta in metas}
    problems += [Problem("citations", seed, _("no rule cites this seed")) for seed in SEEDS if seed not in cited]
    return problems


def check_questions(metas, catalog: Catalog) -> list[Problem]:
    problems, used = [], set()
    for meta in metas:
        for condition in conditions_of(meta):
            if condition.fact == "Answer":
                used.add(condition.subject)
                if condition.subject not in catalog:
                    problems.append(Problem("questions", meta.id,
                                            _("reads unknown question '{question}'")
                                            .format(question=condition.subject)))
            elif condition.fact == "Figure":
                # A figure reads the questions it rests on, and the rates behind it: questions
                # that are also assumption keys are the client's own value for such a rate.
                used.update(FIGURE_INPUTS.get(condition.subject, ()))
                used.update(q.id for q in catalog if q.id in shipped_assumptions())
    problems += [Problem("questions", q.id, _("no rule reads this question"))
                 for q in catalog if q.id not in used]
    return problems


def check_advice(metas, items: dict) -> list[Problem]:
    return [Problem("advice", meta.id, _("adds advice item '{item}' missing from data/advice.yaml")
                    .format(item=item))
            for meta in metas for item in meta.advice if item not in items]


def _condition_key(condition) -> tuple:
    return (condition.fact, condition.subject,
            tuple((field, t.op, repr(t.expected)) for field, t in condition.tests))


def check_contradictions(metas) -> list[Problem]:
    """Rules with the very same conditions must not pull one option both ways."""
    groups: dict[tuple, list] = {}
    for meta in metas:
        key = tuple(sorted(_condition_key(c) for c in conditions_of(meta)))
        groups.setdefault(key, []).append(meta)
    problems = []
    for group in groups.values():
        for option in sorted({o for meta in group for o, _weight in meta.evidence}):
            signs = [(meta.id, w) for meta in group for o, w in meta.evidence if o == option]
            if any(w > 0 for _rule, w in signs) and any(w < 0 for _rule, w in signs):
                pulls = ", ".join(f"{rid} {w:+d}" for rid, w in signs)
                problems.append(Problem("contradictions", option,
                                        _("the same conditions pull it both ways: {pulls}")
                                        .format(pulls=pulls)))
    return problems


def _scoring(metas) -> list:
    """The rules that weigh options: evidence or a veto."""
    return [meta for meta in metas if meta.scores]


def check_one_quote_one_vote(metas) -> list[Problem]:
    """Two scoring rules never rest on the same quote: one seed statement, one vote."""
    problems, seen = [], {}
    for meta in _scoring(metas):
        key = (meta.seed, normalise(meta.quote))
        if key in seen:
            problems.append(Problem("double votes", meta.id,
                                    _("rests on the same quote as {rule}").format(rule=seen[key])))
        else:
            seen[key] = meta.id
    return problems


def _samples(a, b) -> list:
    """Values worth trying to see whether two tests on one subject can both hold."""
    values = []
    for test in (a, b):
        expected = test.expected
        if test.op == "in":
            values.extend(expected)
        elif isinstance(expected, (int, float)) and not isinstance(expected, bool):
            values.extend((expected - 1, expected - 0.5, expected, expected + 0.5, expected + 1))
        else:
            values.append(expected)
    return values


def _overlap(a, b) -> bool:
    """Can one fact satisfy both conditions? (same kind, same subject, tests that can both hold)"""
    if (a.fact, a.subject) != (b.fact, b.subject) or a.fact not in ("Answer", "Figure", "Finding"):
        return False
    tests_b = dict(b.tests)
    for field, ta in a.tests:  # every field both test must be satisfiable at once
        tb = tests_b.get(field)
        if tb is not None and not any(ta.holds(v) and tb.holds(v) for v in _samples(ta, tb)):
            return False
    return True


def check_one_answer_one_vote(metas) -> list[Problem]:
    """Two scoring rules never give the same option evidence (or a veto) from the same answer:
    the second would count the client's one answer twice."""
    problems = []
    rules = _scoring(metas)
    for i, a in enumerate(rules):
        votes_a = {o for o, _ in a.evidence} | {o for o, _ in a.excludes}
        for b in rules[i + 1:]:
            shared = votes_a & ({o for o, _ in b.evidence} | {o for o, _ in b.excludes})
            if not shared:
                continue
            common = [c.subject for c in conditions_of(a) for d in conditions_of(b) if _overlap(c, d)]
            if common:
                problems.append(Problem(
                    "double votes", b.id,
                    _("gives {options} a vote from {subject} as {rule} does").format(
                        options=", ".join(sorted(shared)), subject=common[0], rule=a.id)))
    return problems
