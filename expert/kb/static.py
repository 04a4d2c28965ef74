"""The kb checks that read the rules' metadata only: ids, citations, questions, advice, and
contradictions between rules with the same conditions."""
from __future__ import annotations

import re
from pathlib import Path

from expert.errors import os_reason
from expert.i18n import gettext as _
from expert.inputs.catalog import Catalog, load_catalog
from expert.kb.problem import Problem
from expert.numbers.assumptions import shipped_assumptions
from expert.numbers.figures import FIGURE_INPUTS
from expert.reasoning.conditions import conditions_of
from expert.reasoning.heuristic import FOR_NOW, HERE
from expert.reasoning.options import BUILDING, load_options, option_ids, strengths
from rules.groups import CORE
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


def seed_texts(seeds_dir: Path) -> tuple[dict, list[Problem]]:
    """(seed file -> its text, whitespace normalised; problems reading them). Empty where
    ``seeds_dir`` does not exist: a clone without ../shared has no seeds, and the result says so
    (``quotes_verified``) instead of counting that as a problem of the rule base."""
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
    return texts, problems


def _quote_problems(where: str, seed: str, quote: str, texts: dict) -> list[Problem]:
    """A quote's problems: none given, or a fragment not found in its seed (when it is here)."""
    fragments = quote_fragments(quote or "")
    if not fragments:
        return [Problem("citations", where, _("has no quote"))]
    return [Problem("citations", where, _("quote fragment not found in {seed}: «{fragment}»")
                    .format(seed=seed, fragment=fragment))
            for fragment in fragments if seed in texts and fragment not in texts[seed]]


def check_citations(metas, texts: dict) -> list[Problem]:
    """Citation problems: every rule cites one of the five seeds, with an English gloss and a
    quote whose every fragment occurs in that seed (where the seed texts are here: ``texts``)."""
    problems = []
    for meta in metas:
        if meta.seed not in SEEDS:
            problems.append(Problem("citations", meta.id, _("cites {seed!r}, not one of the five seeds")
                                    .format(seed=meta.seed)))
            continue
        if not meta.english("gloss").strip():  # the gloss as written: in Russian it may be empty
            problems.append(Problem("citations", meta.id, _("has no English gloss")))
        problems += _quote_problems(meta.id, meta.seed, meta.quote, texts)
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


def check_advice(metas, items: dict, texts: dict) -> list[Problem]:
    """Every advice item a rule adds exists, and every item cites a seed and quotes it, as rules
    do, so that what it tells the client can be held to what the article says."""
    problems = [Problem("advice", meta.id, _("adds advice item '{item}' missing from "
                                             "data/advice.yaml").format(item=item))
                for meta in metas for item in meta.advice if item not in items]
    from expert.report.model import TOPICS
    for item_id, item in items.items():
        problems += [Problem("advice", item_id, message) for message in _advice_shape(item, TOPICS)]
        if item.get("seed") not in SEEDS:
            problems.append(Problem("advice", item_id, _("cites {seed!r}, not one of the five seeds")
                                    .format(seed=item.get("seed"))))
            continue
        problems += [Problem("advice", item_id, p.message)
                     for p in _quote_problems(item_id, item["seed"], item.get("quote", ""), texts)]
    return problems


def _advice_shape(item: dict, topics) -> list[str]:
    """What is malformed in one advice item: a point that YAML read as something other than a
    sentence (an unquoted "a: b" is a mapping), a topic the appendix has no place for, an action
    without its order among the next steps or an order without an action."""
    problems = [_("point {n} is not a sentence (quote it in the YAML): {point!r}").format(
        n=n, point=point) for n, point in enumerate(item.get("points", []), 1)
        if not isinstance(point, str)]
    if item.get("topic") not in dict(topics):
        problems.append(_("topic {topic!r} is not one of: {known}").format(
            topic=item.get("topic"), known=", ".join(dict(topics))))
    if ("action" in item) != isinstance(item.get("order"), int) or (
            "action" in item and not isinstance(item["action"], str)):
        problems.append(_("a next step needs both an action (one line) and an order (a whole "
                          "number)"))
    return problems


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


def check_strengths(metas) -> list[Problem]:
    """Every rule that weighs an option names a strength on the scale (data/options.yaml), and
    every weight it gives is that strength's: a weight off the scale would silently overturn the
    decision."""
    scale, problems = strengths(), []
    names = ", ".join(scale)
    for meta in metas:
        if not meta.evidence:
            continue
        strength = scale.get(meta.strength)
        if strength is None:
            problems.append(Problem("strengths", meta.id,
                                    _("names no strength on the scale ({names}): {strength!r}")
                                    .format(names=names, strength=meta.strength)))
            continue
        for option, weight in meta.evidence:
            if abs(weight) != strength.weight:
                problems.append(Problem("strengths", meta.id,
                                        _("gives {option} {weight:+d}, off the named scale: "
                                          "{strength} weighs {expected}").format(
                                            option=option, weight=weight, strength=meta.strength,
                                            expected=strength.weight)))
    return problems


def check_veto_scopes(metas) -> list[Problem]:
    """Every veto declares what it forbids (building an own centre, or a final option) and how
    long (for this client, or for now), and none rests on a figure that may rest on assumed
    rates: only the client's own numbers veto."""
    problems, targets = [], {BUILDING, *option_ids()}
    for meta in metas:
        for target, span in meta.excludes:
            if target not in targets:
                problems.append(Problem("vetoes", meta.id, _(
                    "forbids {target!r}: a veto forbids building an own centre ('{building}') or "
                    "one of the options {options}").format(target=target, building=BUILDING,
                                                           options=", ".join(option_ids()))))
            if span not in (HERE, FOR_NOW):
                problems.append(Problem("vetoes", meta.id, _(
                    "holds {span!r}: a veto holds '{here}' or '{for_now}'").format(
                        span=span, here=HERE, for_now=FOR_NOW)))
        if meta.excludes and any(c.fact == "Figure" and _source(c) != "client"
                                 for c in conditions_of(meta)):
            problems.append(Problem("vetoes", meta.id, _(
                "vetoes on a figure that may rest on assumed rates: only a figure of the client's "
                "own numbers (source=\"client\") may veto")))
    return problems


def _source(condition):
    """The source a Figure condition demands ("client", "assumption"), or None for any."""
    test = dict(condition.tests).get("source")
    return test.expected if test is not None else None


def check_requirements(metas, options=None) -> list[Problem]:
    """What an option requires is something a rule can find, and the hybrid requires a core for
    an own team: without that it could be advised where nothing stays in-house."""
    options = load_options() if options is None else options
    found = {finding for meta in metas for finding in meta.finds}
    problems = [Problem("requirements", option.id, _("requires '{finding}', which no rule finds")
                        .format(finding=r.finding))
                for option in options.values() for r in option.requires if r.finding not in found]
    hybrid = options.get("hybrid")
    if hybrid is not None and CORE not in {r.finding for r in hybrid.requires}:
        problems.append(Problem("requirements", "hybrid", _(
            "does not require '{core}': a hybrid could be advised without a core for an own team")
                                .format(core=CORE)))
    return problems


_SENTENCE_END = re.compile(r"(?<=[.!?])\s*(?=[A-ZА-ЯЁ0-9«\"•])|\s*•\s*")


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a seed text: ends at . ! ? before a capital or a digit,
    as the flattened pages run them together ("обучения.Высокий"), and at a list bullet (•),
    which starts an item of its own."""
    starts = sorted({0, *(m.end() for m in _SENTENCE_END.finditer(text) if m.end() > 0)})
    return list(zip(starts, [*starts[1:], len(text)]))


def statements_of(meta, texts: dict) -> set:
    """The statements a rule quotes: its declared ``statement``, else the seed's sentences its
    quote's fragments lie in (where the seed text is here), else the fragments themselves."""
    if meta.statement:
        return {meta.statement}
    text, keys = texts.get(meta.seed), set()
    for fragment in quote_fragments(meta.quote):
        at = text.find(fragment) if text else -1
        if at < 0:
            keys.add((meta.seed, fragment))
            continue
        keys.update((meta.seed, start) for start, end in _sentences(text)
                    if start < at + len(fragment) and at < end)
    return keys


def _votes(meta) -> set:
    return ({(option, weight > 0) for option, weight in meta.evidence}
            | {("veto", target) for target, _span in meta.excludes})


def check_one_statement_one_vote(metas, texts: dict) -> list[Problem]:
    """One seed statement, one vote, in the whole rule base: no two scoring rules that can fire
    together quote the same statement (the same sentence, or a declared ``statement``) and vote
    the same way on the same option. A statement of several items that apply at once votes
    through one finding, as seed 001's list of an outsourcer's advantages does."""
    problems = []
    rules = [(meta, statements_of(meta, texts), _votes(meta)) for meta in _scoring(metas)]
    for i, (a, said_a, votes_a) in enumerate(rules):
        for b, said_b, votes_b in rules[i + 1:]:
            shared = votes_a & votes_b
            if not shared or not said_a & said_b or not _together(a, b):
                continue
            first, second = sorted(shared, key=str)[0]
            if first == "veto":  # ("veto", what it forbids)
                way, target = _("a veto on"), second
            else:  # (option, for it?)
                way, target = (_("a vote for") if second else _("a vote against")), first
            problems.append(Problem("double votes", b.id, _(
                "gives {way} {option} from the statement {rule} quotes: one statement, one vote")
                                    .format(way=way, option=target, rule=a.id)))
    return problems


def _together(a, b) -> bool:
    """Can both rules fire on one set of answers? Not when they test one question (or figure)
    in ways no one value satisfies: the "yes" and the "no" of one row vote once between them."""
    return not any(_excludes(c, d) for c in conditions_of(a) for d in conditions_of(b))


def _excludes(a, b) -> bool:
    if (a.fact, a.subject) != (b.fact, b.subject) or a.fact not in ("Answer", "Figure"):
        return False
    ta, tb = a.value_test, b.value_test
    if ta is None or tb is None:
        return False
    question = load_catalog().questions.get(a.subject) if a.fact == "Answer" else None
    if question is not None and question.multiple:
        # Several choices can hold at once: two tests exclude each other only when every
        # choice one needs cannot go with every choice the other needs (``alone``).
        return not any(ta.holds(x) and tb.holds(y) and (x == y or not {x, y} & set(question.alone))
                       for x in question.choice_ids for y in question.choice_ids)
    return not any(ta.holds(v) and tb.holds(v) for v in _samples(ta, tb))


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
