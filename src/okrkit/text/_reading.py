"""A statement read in full: the values okrkit.text answers with, and the reading that makes
them, which finds the verb that governs the statement, which number is the start, the target
or a band's end, the direction, whether it moves *by* an amount or *to* a level, and the metric.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Sequence
from typing import Literal, NamedTuple, TypeAlias

import attrs

from okrkit._money import SIGNS
from okrkit.errors import InvalidTypeError
from okrkit.model import Direction
from okrkit.text._lexicon import (
    CHANGE_NOUN_DOWN,
    CHANGE_NOUN_UP,
    CHANGE_VERBS,
    COMPARATIVE,
    COMPOUND,
    DELIVER_UNLESS_COUNTED,
    DONE_IRREGULAR,
    DONE_WORD,
    FACTORS,
    GOAL,
    HALF,
    HOW_OFTEN,
    LEAD_SKIP,
    MADE,
    MILESTONE_NOUN,
    NEEDS_COUNT,
    OBJECTIVE_METRIC,
    OBJECTIVE_OUTPUT,
    PLANNED,
    POLAR,
    RATE,
    STATE_VERBS,
    STOP,
    UNWANTED_DONE,
    VERBS,
    Polarity,
    Qualifier,
    higher_is_better,
    lower_is_better,
    may_name_metric,
    polarity,
    time_taken,
)
from okrkit.text._patterns import DIGIT, TRIM_START, masked, metric_end, trim_end, words_of
from okrkit.text._quantities import (
    PART_OF,
    PER_PERIOD,
    Token,
    noun_after,
    share_of_things,
    tokens_of,
    without_ordinal_names,
)
from okrkit.text._tokens import FREQUENCY, has_number_word, may_have_number_word
from okrkit.text._units import DURATIONS, MONEY, canonical_unit, comparable, in_unit

Form: TypeAlias = Literal["change", "target"]
"""How a statement sets its goal: moving *by* an amount (``"change"``) or reaching a level."""

SpanLabel: TypeAlias = Literal[
    "verb", "metric", "value", "start", "upper", "level", "qualifier", "deadline", "placeholder"
]
"""What a `Span` marks in a statement: ``"level"`` is the level a change says it reaches
("Increase revenue by 20% to $1.2M"), which its value (the amount, 20%) does not hold."""


@attrs.frozen
class Span:
    """Where one part of a statement was found: ``text == statement[start:end]``.

    >>> parse_key_result("Reduce churn by 8%").spans[0]
    Span(label='verb', start=0, end=6, text='Reduce')
    """

    label: SpanLabel
    start: int
    end: int
    text: str


def span_labelled(spans: tuple[Span, ...], label: SpanLabel) -> Span | None:
    """The first of *spans* labelled *label*, if one is."""
    return next((s for s in spans if s.label == label), None)


@attrs.frozen(kw_only=True)
class ParsedKeyResult:
    """A key result statement as okrkit read it; fields are None where the text says nothing.

    `value` is the target (``"target"`` form) or the amount of change (``"change"`` form);
    for a band (WITHIN) it is the low end and `upper` the high end.  A relative change is a
    percentage of the baseline (``unit="%"``) or a factor (``unit="x"``: "double" is 2).

    >>> p = parse_key_result("Increase NPS from 32 to 50 by Q3")
    >>> p.direction, p.form, p.start, p.value, p.metric, p.deadline
    (<Direction.INCREASE: 'increase'>, 'target', 32.0, 50.0, 'NPS', 'by Q3')
    """

    text: str
    direction: Direction | None = None
    form: Form | None = None
    value: float | None = None
    start: float | None = None
    upper: float | None = None
    relative: bool = False
    unit: str | None = None
    metric: str | None = None
    deadline: str | None = None
    measurable: bool = False
    output: bool = False
    ambiguities: tuple[str, ...] = ()
    spans: tuple[Span, ...] = ()


@attrs.frozen(kw_only=True)
class ParsedObjective:
    """An objective statement as okrkit read it: objectives should be qualitative outcomes.

    >>> parse_objective("Drive a 20% increase in sign-ups")
    ParsedObjective(text='Drive a 20% increase in sign-ups', numeric=True, output=False, words=6)
    """

    text: str
    numeric: bool
    """The objective carries a number or a metric (NPS, ARR, a rate): that belongs in a KR."""
    output: bool
    """The objective names a deliverable ("Launch the new app") rather than an outcome."""
    words: int


class KeyResultReading(NamedTuple):
    """What a key result statement says about its fields: the parts of `ParsedKeyResult`
    that can be checked against a `KeyResult`, without those that describe the text itself
    (its metric, deadline, ambiguities and spans).

    The validation rules read statements this way, through a `key_result_reader`.

    >>> KeyResultReading.of(parse_key_result("Grow NPS from 32 to 50"))
    KeyResultReading(direction=<Direction.INCREASE: 'increase'>, form='target', value=50.0, \
start=32.0, upper=None, relative=False, unit=None, measurable=True, output=False)
    """

    direction: Direction | None
    form: Form | None
    value: float | None
    start: float | None
    upper: float | None
    relative: bool
    unit: str | None
    measurable: bool
    output: bool

    @classmethod
    def of(cls, parsed: ParsedKeyResult) -> KeyResultReading:
        """The reading of a statement already parsed."""
        return cls(
            parsed.direction,
            parsed.form,
            parsed.value,
            parsed.start,
            parsed.upper,
            parsed.relative,
            parsed.unit,
            parsed.measurable,
            parsed.output,
        )

    def counted_in_cycle(self, direction: Direction | None = None) -> bool:
        """Whether the statement counts things up from zero in the cycle: an increase (its
        own, or *direction*, a key result's, where one is given) by a count of things named
        by their noun ("Add 200 customers", "Win 8 new accounts"); not an amount of a
        measure or of money ("Grow ARR by $200k"), a share or a factor.  Such a count needs
        no baseline (the rule OKR204), and `to_key_result` starts it at 0; but one that
        writes the level it reaches ("Expand the beta by 500 users to 2,000") reaches it
        from today's, which `to_key_result` implies (1,500) and OKR204 asks for where the
        target is that level.  A *direction* that is no `Direction` is an
        `okrkit.errors.InvalidTypeError`.

        >>> KeyResultReading.of(parse_key_result("Add 200 customers")).counted_in_cycle()
        True
        """
        if direction is not None and not isinstance(direction, Direction):
            raise InvalidTypeError("direction", direction, "a Direction or None")
        way = self.direction if direction is None else direction
        return (
            way is Direction.INCREASE
            and not self.relative  # a factor ("Double signups", unit "x") counts nothing
            and self.unit is not None
            and self.unit != "x"  # nor does a multiple's level ("3x LTV to CAC")
            and canonical_unit(self.unit) is None
        )


# --- Reading ------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_ALNUM = re.compile(r"[^\W_]")
_SKIP_PREP = re.compile(r"\s*(?:in|of|on)\s+", re.IGNORECASE)
_CHANGE_OBJECT = re.compile(
    rf"\s*(?:(?:yoy|qoq|mom)\s+)?(?:{CHANGE_NOUN_UP}|{CHANGE_NOUN_DOWN}|more|fewer|less|higher|"
    r"lower)\s+(?:(?:in|of)\s+)?",
    re.IGNORECASE,
)


# After a first word, what makes it the start of a subject: a few words, no relative
# pronoun, then a verb that states ("are", "makes up", "accounts for").
_IS_SUBJECT = re.compile(
    r"(?:\s+(?!(?:that|which|who|to|and|or)\b)[^\W\d_][\w'’-]*){0,3}?\s+"
    r"(?:is|are|was|were|makes?\s+up|accounts?\s+for|equals?)\b",
    re.IGNORECASE,
)
# After a first word, what makes it a label's: a word and a colon ("Mentoring pilot: 85% of
# mentees ...", "Post likes: 400").
_LABEL_NEXT = re.compile(r"\s+[^\W\d_][\w'’-]*\s*:")


def _gerund(word: str) -> bool:
    """Whether lower-case *word* is a verb's -ing form ("training"; not "bring", "ping")."""
    from okrkit.text._verbs import verb_lemma

    return word.endswith("ing") and verb_lemma(word) not in (None, word)


# And after a first word in -ing, what the label's metric is per: "Training hours per nurse:
# 8 → 16", "Coaching sessions per manager per year:", "Mentoring hours / new hire:" (not "Hire
# nurses per ward: 2", an imperative and its rate).
_LABEL_PER_NEXT = re.compile(
    r"\s+[^\W\d_][\w'’-]*(?:\s*(?:\bper\b|/)\s*[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?){1,2}"
    r"(?:\s*\([^()\d]{1,16}\))?\s*:"
)
# "Make sure" and "make certain" say what "ensure" says, and are read as it.
_MAKE_SURE = re.compile(r"make\s+(?:sure|certain)\b", re.IGNORECASE)
_ABLE = re.compile(r"\s+(?:able|capable)\b", re.IGNORECASE)
_AMOUNT_NEXT = re.compile(rf"\s+(?:at\s+least\s+)?[{SIGNS}]?\d")
# A verb of reaching before one of these names a metric, not its object: "Win rate", "Hit
# ratio", "Close rate" (a verb of change or holding before them is read as the verb).
_RATE = frozenset(("rate", "rates", "ratio", "ratios"))


# A word of a metric's name: no preposition, determiner or negation.
_NAME_WORD = (
    r"\s+(?!(?:in|on|for|of|to|with|by|at|from|per|and|or|the|a|an|all|our|every|each|no|not)"
    r"\b)[^\W\d_][\w'’-]*"
)
# Words that name a metric, then a bound on it: "Forecast accuracy above 90%", "Review
# turnaround under 24 hours", "Forecast accuracy of 90%".  After a word that may be an
# activity's verb, they make it a noun of the metric's name: an imperative's object would
# follow it as a determiner or a number ("Review all 40 contracts"), be followed by its own
# condition ("in under 2 days"), or be things in the plural, whose bound is a condition on
# each ("Review contracts above $1M", "Train models above 90% accuracy").
_NAMED_THEN_BOUND = re.compile(
    rf"(?:{_NAME_WORD}){{1,3}}(?<![^sui]s)"
    # an aside or what it is of, before the bound: "Lead response time (inbound) ≤ 5 minutes"
    rf"(?:\s*\([^()]{{0,60}}\)|\s+for(?:{_NAME_WORD}){{1,4}})?"
    r"(?:\s+of)?\s+(?:(?:not\s+)?(?:above|below|under|over)|"
    r"at\s+(?:least|most)|no\s+(?:more|less|fewer)\s+than|(?:less|more|fewer)\s+than|"
    rf"within|[≥≤<>]=?|(?:at|of)(?=\s*\d[\d.,]*\s*%))\s*[±+-]?\s*[{SIGNS}]?\d",
    re.IGNORECASE,
)


# Words that name things, then a sign that bounds their count: "Open P1 bugs ≤ 5", "On-call
# pages/wk ≤ 10", "Open incidents < 10 (from 28)".  A bare number after a sign bounds how many
# of the things there are (an imperative's things would follow their number: "Open ≥ 3
# offices"); not a number with a unit or a share, which is of each ("Review contracts >
# $1M").
_COUNTED_THEN_BOUND = re.compile(
    rf"(?:{_NAME_WORD}){{1,3}}(?:/[^\W\d_]+)?\s*[≤≥<>]=?\s*\d[\d,.]*+(?!\s*(?:%|[^\W\d_(]))",
    re.IGNORECASE,
)


# The same with the bound in words, after a bare number, or a band: "debt tickets under 40",
# "center CSAT 80%+", "review turnaround 2-3 business days".
_COUNTED_THEN_SAID = re.compile(
    rf"(?:{_NAME_WORD}){{1,3}}\s*:?\s*(?:"
    r"(?:under|below|fewer\s+than|less\s+than|no\s+more\s+than|at\s+most)\s+\d[\d,.]*+(?![\d%]|\s*[^\W\d_(])"
    rf"|[{SIGNS}]?\d[\d,.]*+\s*%?\s*(?:\+|or\s+(?:more|less|lower|higher|better|fewer)\b)"
    r"|\d[\d,.]*+\s*[-–]\s*\d)",
    re.IGNORECASE,
)


def _may_bound_after(w: str) -> bool:
    """False only if `_COUNTED_THEN_SAID` cannot match in *w*: it needs a bound's word, a
    plus, an "or" or a dash."""
    low = w.lower()
    return (
        "+" in w
        or "-" in w
        or "–" in w
        or " or " in low
        or "under" in low
        or "below" in low
        or "than" in low
        or "most" in low
    )


def _polar_next(w: str, at: int) -> bool:
    """Whether the words after *at* in masked text *w*, up to a number or a sign, name a
    metric better one way ("Open P1 bugs ≤ 5"), not the things of an imperative ("Ship
    features ≥ 3")."""
    end = at
    while end < len(w) and end - at < 64 and not (w[end].isdigit() or w[end] in "≤≥<>"):
        end += 1
    return polarity(w[at:end].lower()) is not None


# A first word, then a colon and zero: "Audit: 0 material weaknesses" is a label over a
# count that should be none, no work ("Audit: no material weaknesses", `_unlabelled`).
_LABEL_OF_NONE = re.compile(r"\s*:\s*(?:0|zero)\b(?![-/])(?=\D*$)", re.IGNORECASE)


# What makes "up" or "down" after a metric its change: "down to 3%", "up by 20%".
_UP_DOWN = {
    "up": re.compile(rf"\s+(?:(?:by|from)\b|[{SIGNS}]?\d)", re.IGNORECASE),
    "down": re.compile(rf"\s+(?:(?:by|from|to)\b|[{SIGNS}]?\d)", re.IGNORECASE),
}


# The heads of metrics' names a leading noun that is also a verb may start, its level right
# after them ("Pick accuracy 99.9%", "Design system adoption: 75%"): besides COMPOUND's.
_METRIC_HEADS = COMPOUND | _RATE | frozenset(
    ("accuracy", "adherence", "adoption", "bias", "activation", "utilization", "utilisation",
     "attainment", "efficiency", "throughput", "uptime", "availability", "retention",
     "conversion", "satisfaction", "engagement")
)  # fmt: skip
# Words that end in a metric's head noun, then its number: "Offer acceptance rate from 70%",
# "Release cadence at 2 a month".  After a word that may be an activity's verb, they make
# it a noun of the metric's name, as a head noun right after it does ("Test coverage").
_NAMED_METRIC = re.compile(
    rf"(?:{_NAME_WORD}){{0,2}}?\s+(?:" + "|".join(sorted(_METRIC_HEADS)) + r")\b"
    # (and where it is measured: "Call abandonment rate on the 311 line below 8%")
    rf"(?:\s+(?:on|in|across)(?:\s+the)?(?:{_NAME_WORD}){{1,3}}?)?"
    rf"\s*(?:(?:from|at|of|is|above|below|under|over|within)\s+|[:=<>≥≤]\s*)?[±]?[{SIGNS}]?\d"
    r"(?![\d.,]*\s*(?:times|x)\b)",  # ("Test recovery time on X 3 times": how often)
    re.IGNORECASE,
)


# Nouns of change that may lead a statement as its verb would, before "of", and the verb.
_CHANGE_NOUNS = {
    **dict.fromkeys(("reduction", "reductions", "decrease", "decline", "cut"), ("dec", "reduce")),
    **dict.fromkeys(("growth", "increase", "rise"), ("inc", "increase")),
    "improvement": ("reach", "improve"),  # its way the metric's, as "improve" takes it
}
# Words after a participle that make it an adjective of a name: "Augmented reality".
_NAMED_AFTER = frozenset(("reality", "analytics", "intelligence"))
_OF_NEXT = re.compile(r"\s+of\b", re.IGNORECASE)


def _names_a_metric(w: str, lead: str, at: int) -> bool:
    """Whether leading word *lead* and the word at *at* in masked text *w*, after a slash,
    name a metric rather than lead with an imperative: the second is no verb in its base form
    ("Send/delivered ratio", "Go/no-go decision"), or a metric's word follows the pair
    ("Read/write latency").  Never when the first is a verb of change, reaching or holding
    ("Increase/improve conversion to 5%"), nor when a number follows the pair ("Hire/backfill
    5 roles", "Upsell/cross-sell $1.2M"): two imperatives, the first of which governs."""
    found = VERBS.get(lead)
    if found is not None and found[0] != "out":
        return False
    paired = _WORD.match(w, at)
    if paired is None or _NUMBER_NEXT.match(w, paired.end()):
        return False
    word = paired[0].lower()
    other = VERBS.get(word)
    from okrkit.text._verbs import verb_lemma  # (the lexicon of verbs, loaded when first needed)

    if (other is None or other[1] != word) and verb_lemma(word) != word:
        return True
    after = _WORD.match(w, paired.end() + 1)
    # (or a metric's head noun and its level: "Build/test time under 10 min", "Open/click
    # rate above 20%"; not "Build/test pipeline for the app")
    return after is not None and (
        polarity(after[0].lower()) is not None or _NAMED_METRIC.match(w, paired.end()) is not None
    )


_NUMBER_NEXT = re.compile(rf"\s*[{SIGNS}]?\s*\d")
# After "Fall", what makes it a season: a year, or a word that is no way of falling ("Fall
# enrolment", not "Fall to 2%", "Fall below 3%", "fall behind").
_SEASON_NEXT = re.compile(
    r"\s+(?:(?:19|20)\d\d\b|(?!(?:by|to|below|under|from|in|into|behind|back|short|off|out|"
    r"away|within|beneath|less|fewer|further|sharply|steadily|significantly)\b)[^\W\d_])",
    re.IGNORECASE,
)


def _main_verb(w: str, *, guess: bool = True) -> tuple[str, str, re.Match[str]] | None:
    """The verb that governs the statement: its kind, lemma, and where it is; with *guess*,
    also a verb the lists do not name, or one after a short subject."""
    lead = True
    # For "up" and "down" (`_up_or_down`): where the first word starts, and the first digit,
    # looked for once, when the first of them asks.
    first = digit = -1
    # An arrow up or down before a number, as founders write a change: "burn ↓ 25% QoQ"
    # (not a trend beside a baseline, in brackets or after a number: "Signups: 1,200 → 2,000
    # (↓ 5% WoW)")
    arrow = _ARROW.search(w) if "↑" in w or "↓" in w else None
    if arrow is not None and (
        "(" in w[: arrow.start()] or DIGIT.search(w, 0, arrow.start()) is not None
    ):
        arrow = None
    by_arrow = None
    if arrow is not None:
        by_arrow = ("inc", "increase", arrow) if arrow[0] == "↑" else ("dec", "decrease", arrow)
    for m in _WORD.finditer(w):
        if by_arrow is not None and by_arrow[2].start() < m.start():
            return by_arrow
        word = m[0].lower()
        if first < 0:
            first = m.start()
        found = VERBS.get(word)
        if lead:
            if word in LEAD_SKIP or (word.endswith("ly") and not found):
                continue
            lead = False
            if m.start() and DIGIT.search(w, 0, m.start()):
                # After a number a verb is no imperative: "4/4 weekly releases ship on time".
                continue
            if w.startswith("{", m.end()):
                continue  # "source{d} Engine featured at 3 meetups": a name, no verb
            if word == "fall" and _SEASON_NEXT.match(w, m.end()):
                continue  # "Fall enrolment of 2,400", "Fall 2026 cohort": a season, no verb
            if w.startswith("/", m.end()) and _names_a_metric(w, word, m.end() + 1):
                continue  # "Send/delivered ratio > 99%", "Read/write latency below 20 ms"
            if word in COMPOUND and m.start() and not w[: m.start()].strip():
                continue  # "SEV1 count YoY -40%": after a name blanked, a metric's word
            sure = _MAKE_SURE.match(w, m.start()) if word == "make" else None
            if sure is not None:
                return "keep", "ensure", sure  # "Make sure 80% of reps reach quota": ensure
            if found and word.endswith("ed"):
                named = _WORD.match(w, m.end() + 1)
                if named is not None and named[0].lower() in _NAMED_AFTER:
                    continue  # "Augmented reality features used by 30% of shoppers": a name
            if (
                found
                and (_METRIC_NEXT if found[0] in ("inc", "dec") else _BOUND_NEXT).match(w, m.end())
                and (lower_is_better(word) or higher_is_better(word))
            ):
                # A verb of change that also names a metric, then no object but a bound, a
                # number or a label's colon: the metric ("Shrink ≤ 1.5% of net sales",
                # "Burn: $400k a month"), not an imperative ("Shrink the backlog by 30%")
                continue
            if word in _CHANGE_NOUNS and _OF_NEXT.match(w, m.end()):
                # "Reduction of costs by 10%", "Growth of users to 10k": a noun of change
                # leading, as a verb of change would ("Increase of 15% in sales" is one).
                kind_of, verb_of = _CHANGE_NOUNS[word]
                return kind_of, verb_of, m
            if word == "partner" and _WITH_NEXT.match(w, m.end()):
                return "out", "partner", m  # "Partner with 2 local schools": work done
            if word == "cut" and _OVER_THING.match(w, m.end()):
                return "out", "migrate", m  # "Cut over DNS to Route 53": a migration
            if word in ("burn", "work") and _DOWN_NEXT.match(w, m.end()):
                return "dec", "reduce", m  # "Burn down the alert backlog to < 500": reduced
            if word in ("speed", "speeds") and _UP_NEXT.match(w, m.end()):
                # "Speed up diff rendering latency": the metric's way, as "accelerate"'s
                # ("Speed" alone is a metric's name: "Speed to lead under 5 minutes").
                return "reach", "speed", m
            if word == "be" and not _ABLE.match(w, m.end()):
                # "Be responsive to users", "Be under $40k": a state to be in, held as
                # "stay" holds it; "Be able to deploy in one click" is a capability built.
                return "keep", "be", m
            if (not found or found[0] in ("out", "reach")) and (
                _IS_SUBJECT.match(w, m.end())
                or _LABEL_NEXT.match(w, m.end())
                or (_gerund(word) and _LABEL_PER_NEXT.match(w, m.end()))
                or _LABEL_OF_NONE.match(w, m.end())
            ):
                # A word that leads a subject whose verb states a level or a state is no
                # imperative: "Hiring managers are happy with ...", "Self-serve makes up 25%
                # of revenue", "Mentoring pilot: 85% of mentees stay".
                continue
            if (
                found
                and word != found[1]
                and word.endswith("s")
                and not word.endswith("ss")
                and not _OBJECT_START.match(w, m.end())
            ):
                # An imperative is the verb's base form: a leading -s form with no object
                # after it is a plural noun, the subject of a verb that may follow
                # ("Upgrades take under 30 minutes"; but "Hires 5 engineers" drops a subject).
                found = None
            after = _WORD.match(w, m.end() + 1)
            rate = found is not None and found[0] == "reach" and after and after[0].lower() in _RATE
            if rate or (
                found
                and (found[0] == "out" or found[1] == "ramp")
                and after
                and after[0].lower() in COMPOUND
            ):
                # a metric's name: "Test coverage", "Win rate", "Hit ratio", "Ramp time"
                found = None
            elif (
                found
                and (
                    found[0] == "out"
                    # a gerund of no change or holding: "Landing page conversion above 3.5%"
                    # (not "Reducing churn below 3%", whose verb it is)
                    or (
                        word.endswith("ing")
                        and word != found[1]
                        and found[0] == "reach"
                        and found[1] not in POLAR
                    )
                )
                and (_NAMED_THEN_BOUND.match(w, m.end()) or _NAMED_METRIC.match(w, m.end()))
            ) or (
                (not found or found[0] == "out")
                and (
                    (
                        ("<" in w or ">" in w or "≤" in w or "≥" in w)
                        and _COUNTED_THEN_BOUND.match(w, m.end())
                    )
                    # "Design debt tickets under 40", "Help center CSAT 80%+", "Design
                    # review turnaround 2-3 business days": a metric of the lead word's
                    # things, bounded, which no imperative's object is (a metric's name)
                    or (
                        _may_bound_after(w)
                        and _COUNTED_THEN_SAID.match(w, m.end())
                        and _polar_next(w, m.end())
                    )
                )
                and (not found or _polar_next(w, m.end()))
            ):
                # "Forecast accuracy above 90%", "Offer acceptance rate from 70% to 85%",
                # "Landing page conversion of at least 3.5%": the words name what is bounded
                # or measured; but "deliver" a metric reaches it ("Deliver operating margin
                # of 3.5% or better").
                return ("reach", "deliver", m) if word == "deliver" else None
            if found:
                led = _subject_led(w, m) if guess and found[0] in ("out", "reach") else None
                return led or (found[0], found[1], m)
            if word == "average" and _AMOUNT_NEXT.match(w, m.end()):
                # "Average 700 sign-ups a week" (D14): a level to reach, unlike "Average
                # response time under 2 hours", where the word is the metric's.
                return "reach", word, m
            if not guess:
                continue
            if not found and len(word) <= _MISSPELT_LONGEST and (meant := _misspelt(word)):
                return (*VERBS[meant], m)  # "Acheive 99.9% availability": achieve
            if not found and not rate and word not in STATE_VERBS:
                guessed = _imperative(word, w, m.end())
                if guessed is not None:
                    return _subject_led(w, m) or (guessed[0], guessed[1], m)
            later = _subject_verb(w, m)
            if later is not None:
                return later
        elif (
            found
            and (
                found[0] in ("inc", "dec")
                or (found[1] in POLAR and word != found[1] and _BY_TO.match(w, m.end()))
            )
            and _participle(word, found[1], w, m.end())
        ):
            # Later in the sentence only a change verb's participle or -s form counts: "Churn
            # reduced to 3%", "MRR grown by 20%", "Churn cut to 3%", "Onboarding time improved
            # to 3 days" (improved the way the metric is better).
            return found[0], found[1], m
        elif word in _UP_DOWN:
            if digit < 0:
                # (not a number in brackets, a baseline's aside: "Churn (currently 5%) down
                # to 3%")
                number = DIGIT.search(_PARENS.sub(_spaces, w) if "(" in w else w)
                digit = len(w) if number is None else number.start()
            change = _up_or_down(w, m, digit, first)
            if change is not None:
                return change
    return by_arrow


_ARROW = re.compile(rf"[↑↓](?=\s*(?:(?:to|by)\s+)?[-+~]?[{SIGNS}]?\s?\d)")


_MAKE_FORMS = frozenset(("make", "makes", "made", "making"))
_AT_END = re.compile(r"[\W_]*$")
_UP_TO = re.compile(r"\s+up\b", re.IGNORECASE)
_LAST_WORD = re.compile(r"([^\W\d_][\w'’-]*)\W*$")


def _metric_before(w: str, end: int) -> bool:
    """Whether the word before *end* of *w* names a metric: one with a way to be better
    ("Attrition", "csat") or an acronym ("DSO")."""
    last = _LAST_WORD.search(w, max(0, end - 40), end)
    if last is None:
        return False
    word = last[1]
    return polarity(word.lower()) is not None or (word.isupper() and 2 <= len(word) <= 6)


# An aside in brackets, and what blanks it at its length.
_PARENS = re.compile(r"\([^()]{0,80}\)")


def _spaces(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


def _up_or_down(
    w: str, m: re.Match[str], digit: int, first: int
) -> tuple[str, str, re.Match[str]] | None:
    """ "Up" or "down" (*m*) after a metric, before its numbers, as its change: "Churn down to
    3%", "Handle time down from 8 to 6 minutes", "ARR up by 20%", "Revenue up 20%"; not "up
    to 5" (a ceiling), "NRR 110% (up from 104%)" (a baseline), nor a verb's particle ("Set up
    5 dashboards", "Write down 5 runbooks").  *digit* is where the first digit of *w* is,
    *first* where its first word starts."""
    word = m[0].lower()
    if digit < m.start() or not (
        _UP_DOWN[word].match(w, m.end())
        # "Attrition down", "csat up!!": a metric's name, then the statement's end, and no
        # number at all (not "Website up", "Set things up")
        or (
            digit == len(w)
            and _AT_END.match(w, m.end())
            and not DIGIT.search(w)
            and _metric_before(w, m.start())
        )
    ):
        return None
    # The word before it, read back from it (nothing here reads from the start of the text,
    # which a text of many such words would make quadratic).
    end = m.start()
    while end and w[end - 1].isspace():
        end -= 1
    begin = end
    while begin and (w[begin - 1].isalnum() or w[begin - 1] in "'’-_"):
        begin -= 1
    before = w[begin:end].lower()
    if before in _MAKE_FORMS:
        return None  # "Women make up 40% of hires": a share, no move up
    if before and begin <= first:
        lemma, _, metric = _verb_word(before)
        if lemma == before and not metric:
            return None  # an imperative's particle, first in the statement
    return ("inc", "increase", m) if word == "up" else ("dec", "decrease", m)


def _subject_led(w: str, lead: re.Match[str]) -> tuple[str, str, re.Match[str]] | None:
    """The verb of the subject that *lead*, a word that may be an imperative, starts: a
    verb after the words it leads, in the same clause, makes them its subject ("Open issues
    decline from 900 to 400", "Offer letters reach 40 a month"); an object right after
    it keeps it the imperative ("Open 3 offices").  Asked only of an activity's or a
    reaching verb's word, which may be a noun or an adjective: a verb of change or holding
    that leads is its imperative."""
    if _OBJECT_START.match(w, lead.end()):
        return None
    later = _subject_verb(w, lead) or _changed_subject(w, lead.end())
    if later is None or _CLAUSE_MARK.search(w, lead.end(), later[2].start()):
        return None
    return later


# How many words a subject that a participle of change ends may hold.
_SUBJECT_WORDS = 10


def _changed_subject(w: str, end: int) -> tuple[str, str, re.Match[str]] | None:
    """A participle of change (or of improving, worsening) that ends the subject starting
    before *end*, with "by", "to" or "from" after it, before any number: "Onboarding for new
    PhD students reduced from 3 months to 6 weeks", "Setup time for new laptops cut to 1
    day".  A participle's object is the amount, so the words before it are what changed,
    however long."""
    digit = DIGIT.search(w, end)
    stop = len(w) if digit is None else digit.start()
    for m in itertools.islice(_WORD.finditer(w, end, stop), _SUBJECT_WORDS):
        word = m[0].lower()
        found = VERBS.get(word)
        if (
            found is not None
            and (found[0] in ("inc", "dec") or found[1] in POLAR)
            and word != found[1]
            and not word.endswith(("s", "ing"))
            and _BY_TO.match(w, m.end())
            and _participle(word, found[1], w, m.end())
        ):
            return found[0], found[1], m
    return None


# A comparative: "more", "fewer", "faster", "longer".
_COMPARATIVE = r"(?:more|less|fewer|[^\W\d_]{2,}er)"
# A comparative after a factor: "2x faster", "3x more".
_COMPARED = re.compile(rf"\s*{_COMPARATIVE}\b", re.IGNORECASE)
_BY_TO = re.compile(r"\s+(?:by|to|from)\b", re.IGNORECASE)


def _participle(word: str, lemma: str, w: str, end: int) -> bool:
    """Whether *word*, a form of the verb *lemma* after the statement's start, is its past
    participle or -s form: a regular one ("reduced", "grows"), an irregular one WordNet lists
    ("grown", "shrunk"), or one written as the base ("cut", "set") when "by", "to" or "from"
    follows it; never the -ing form, nor a noun counted per something ("Patient falls per
    1,000 bed days")."""
    if word == lemma:
        return _BY_TO.match(w, end) is not None
    if lemma == "raise" and _BY_TO.match(w, end) is None and _AMOUNT_AFTER.match(w, end) is None:
        return False  # "Purchase orders raised in under 2 days": issued, no rise
    return (
        not word.endswith("ing")
        and _PER_AFTER.match(w, end) is None
        and _TO_DO.match(w, end) is None  # "Runbook augmented to cover all situations"
    )


_PER_AFTER = re.compile(r"\s+per\b", re.IGNORECASE)
_AMOUNT_AFTER = re.compile(rf"\s+[{SIGNS}+]?\d")
# "to" and a verb after a participle: what it was done for, no level it reached.
_TO_DO = re.compile(
    r"\s+to\s+(?!(?:the|a|an|our|its|their|about|around|approximately|roughly|over|under|below|"
    r"above|just|only|nearly|almost|maximum|minimum|max|min|at|less|more|fewer|no|not|within|"
    r"zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|hundred|half|double|twice|triple)\b)[^\W\d_]{2,}\b"
    r"(?!\s*%)",
    re.IGNORECASE,
)


_HAVE = frozenset(("has", "have", "had"))
# Little words a subject may hold: "Each of our platforms and tools increase ...".
_IN_SUBJECT = frozenset(
    ("of", "and", "our", "the", "a", "an", "their", "its", "my", "your", "each", "every", "all")
)


# Nouns among the words no verb is, which a subject may hold: "The growth team launches 6
# experiments", "Revenue growth rises 20%".
_NOUNS_IN_SUBJECT = frozenset(
    ("growth", "increase", "decrease", "reduction", "improvement", "rise", "drop", "decline",
     "average", "rating", "score", "rate", "ratio", "margin", "range")
)  # fmt: skip


def _subject_verb(w: str, subject: re.Match[str]) -> tuple[str, str, re.Match[str]] | None:
    """The verb after a short subject that starts at *subject*, before any number: "OCTO has
    delivered 10 guides", "Chrome reaches 20 million users", "Our platforms hit the elite
    level".  After "has" any verb's participle; else a verb of change or reaching, or one
    the lists do not name and that is never a noun, after a plural or in its -s form, with
    its object after it (a number or a determiner): not "Continuous deployment drives X"."""
    prev = subject[0].lower()
    for m in itertools.islice(_WORD.finditer(w, subject.end()), 7):
        if DIGIT.search(w, subject.end(), m.start()):
            return None
        word = m[0].lower()
        if (
            word == "to"
            and prev not in STOP
            and subject[0].lower() in ("each", "every")
            and (then := _WORD.match(w, m.end() + 1))
        ):
            # "Each CSM to run ≥ 8 QBRs a quarter": what each of them is to do
            verb = then[0].lower()
            to_do = VERBS.get(verb)
            if to_do is not None and to_do[1] == verb:
                return to_do[0], to_do[1], then
        if (word in STATE_VERBS and word not in _HAVE) or word in _EXCEED:
            return None  # a state, not something done: "NRR exceeds 110%" is "NRR over 110%"
        if word in _UP_DOWN and (change := _up_or_down(w, m, len(w), subject.start())) is not None:
            return change  # "Open litigation matters down from 42 to 30": the subject's
        found = VERBS.get(word)
        lemma = found[1] if found else _verb_word(word)[0]
        if lemma is not None and word not in _HAVE:
            kind = found[0] if found else "out"
            inflected = word != lemma
            if prev in _HAVE and inflected and not word.endswith(("s", "ing")):
                return kind, lemma, m  # "has delivered"
            if lemma in ("stay", "remain") and (
                (inflected and word.endswith("s"))
                or (not inflected and prev.endswith("s") and not prev.endswith("ss"))
            ):
                return kind, lemma, m  # "CI stays green", "Uptime remains above 99.9%"
            if (
                prev in _MODAL
                and (kind in ("inc", "dec") or lemma in POLAR)
                and not inflected
                and not _NO_LEAD.match(w, subject.start())  # "No release will increase ..."
            ):
                return kind, lemma, m  # "Each portfolio will improve satisfaction by 3%"
            after_plural = prev.endswith("s") and not prev.endswith("ss") and not inflected
            # A change done, in the past tense: "Hiring managers reduced time to fill by 10%".
            changed = (
                inflected
                and kind in ("inc", "dec")
                and word.endswith("ed")
                and _participle(word, lemma, w, m.end())
            )
            # (Not a noun counted per something: "Patient falls per 1,000 bed days".)
            if (
                (after_plural or changed or (inflected and word.endswith("s")))
                and not _PER_AFTER.match(w, m.end())
                and (
                    # (and "improve", whose way the metric says: "Completion rate improves")
                    (
                        found is not None
                        and (
                            kind in ("inc", "dec")
                            # ("improves" alone: not "Deploy frequency improves while change
                            # failure rate stays under 15%", whose number is another's)
                            or (lemma in POLAR and word.endswith("s") and not DIGIT.search(w))
                        )
                    )
                    or (found is not None and _COUNT_NEXT.match(w, m.end()))
                    or (
                        _OBJECT_START.match(w, m.end())
                        and (kind == "reach" if found else _verb_word(word)[1] < _HARDLY_A_NOUN)
                    )
                )
            ):
                return kind, lemma, m
        if (
            word in STOP
            and word not in _IN_SUBJECT
            and word not in _NOUNS_IN_SUBJECT
            and word not in _MODAL
        ):
            return None
        prev = word
    return None


_HARDLY_A_NOUN = 0.1
_EXCEED = frozenset(("exceed", "exceeds", "exceeded", "exceeding"))
# What ends a clause, so that a verb after it has a subject of its own: "Hire 2 SREs, cut toil".
_CLAUSE_MARK = re.compile(r"[,;:()]")
# A count or an amount, no share, right after a verb: "The council publishes 20 datasets".
_COUNT_NEXT = re.compile(
    rf"\s+(?:at\s+least\s+)?[{SIGNS}]?\d[\d,.]*+(?!\s*(?:%|per\s*cent|percent))"
)


# What may follow an imperative verb that is also a noun: "Track all incidents", "Map the 5
# flows" (unlike "Track record", "Cloud cost").
_OBJECT_START = re.compile(
    # (not a share that is a quality of the things: "Reviews 90% positive")
    rf"\s+(?:[{SIGNS}]?\d(?![\d.,]*\s*%\s*\+?\s*(?:positive|negative|favou?rable|satisfied|"
    r"accurate|correct|complete|compliant|on[- ]time)\b)|"
    rf"(?:a|an|the|all|our|every|each|any|at\s+least|more\s+than|over|up\s+to|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|several|multiple|new)\b)",
    re.IGNORECASE,
)


_SELF_SERVE = frozenset(("self-serve", "self-service"))


def _imperative(word: str, w: str, end: int) -> tuple[str, str] | None:
    """The kind and lemma of *word*, first in *w* (ending at *end*), if it is an imperative
    verb the lists do not name: a verb's base form that is not mostly a noun, or that is
    followed by a number or a determiner ("Identify 20 posts", "Track the funnel"), and is
    no metric's name.  It is an activity ("out")."""
    if word in _SELF_SERVE:
        return None  # "Self-serve activation": an adjective (not "Self-host 3 services")
    if _COLON_NEXT.match(w, end):
        return None  # "On-call: no more than 5 pages a night": a label's name
    lemma, weight, metric = _verb_word(word)
    if lemma != word or (metric and not _COUNT_NEXT.match(w, end)):
        # No verb, an inflected form, or a metric's name ("Churn below 3%"); but a count
        # of things after it makes it the verb ("Recall 5 defective products").
        return None
    if weight >= _MOSTLY_NOUN and not (_OBJECT_START.match(w, end) or _and_a_verb(w, end)):
        return None
    after = _WORD.match(w, end + 1)
    if (
        (after and after[0].lower() in COMPOUND)
        or _NAMED_THEN_BOUND.match(w, end)
        or _NAMED_METRIC.match(w, end)
    ):
        return None  # "Change failure rate", "Test coverage", "Forecast accuracy above 90%"
    return "out", lemma


_MOSTLY_NOUN = 0.3
_COLON_NEXT = re.compile(r"\s*:")
# How long a word must be to be read as a verb misspelt (shorter ones are other words as
# often: "grow"/"glow").
_MISSPELT_LENGTH = 6


@functools.lru_cache(maxsize=1024)
def _misspelt(word: str) -> str | None:
    """The verb of change, holding or reaching that *word*, lower-case and no verb WordNet
    knows, is a slip of: two letters swapped ("acheive", "imrpove"), one letter wrong but
    the last ("reduse") or one left out inside ("increse"); not a letter added (a noun made
    of the verb, "delivery", is no slip of "deliver").  None when it is no such slip, or a
    slip of two."""
    if len(word) < _MISSPELT_LENGTH or not word.isalpha() or _verb_word(word)[0] is not None:
        return None
    found = [verb for verb in _SLIPPED if _one_slip(word, verb)]
    return found[0] if len(found) == 1 else None


def _one_slip(word: str, verb: str) -> bool:
    """Whether *word* is *verb* with two neighbouring letters swapped, one letter but the
    last changed (not a vowel for a vowel), or one letter left out before its last."""
    if len(word) == len(verb):
        diff = [i for i, (a, b) in enumerate(zip(word, verb, strict=True)) if a != b]
        # (not the last letter changed, nor a vowel for a vowel: "multiple" and "lesson" are
        # words of their own, no "multiply" or "lessen")
        if len(diff) == 1:
            i = diff[0]
            return i < len(word) - 1 and not (word[i] in "aeiou" and verb[i] in "aeiou")
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and word[diff[0]] == verb[diff[1]]
            and word[diff[1]] == verb[diff[0]]
        )
    if len(word) != len(verb) - 1:
        return False
    i = next((i for i, (a, b) in enumerate(zip(word, verb, strict=False)) if a != b), len(word))
    return i < len(word) and word[i:] == verb[i + 1 :]


# The verbs a slip is read as: those that say a way, in their base form.
_SLIPPED = tuple(
    verb
    for verb, (kind, lemma) in VERBS.items()
    if verb == lemma and kind in ("inc", "dec", "reach", "keep") and len(verb) >= _MISSPELT_LENGTH
)
# No slip is longer than the verb it is of: a longer word is not looked at.
_MISSPELT_LONGEST = max(map(len, _SLIPPED))
# "and" or "&", then a word: what a verb is joined to.
_AND_WORD = re.compile(r"\s*(?:\band|&)\s+([^\W\d_]+(?:[-'’][^\W\d_]+)*)", re.IGNORECASE)


def _and_a_verb(w: str, end: int) -> bool:
    """Whether a word that is mostly a noun, ending at *end* of *w*, is joined by "and" to
    a verb's base form that is mostly a verb, which makes it a verb too: "Track and display
    coverage", "Support and promote 3 reading clubs" (not "Uptime and error rate")."""
    joined = _AND_WORD.match(w, end)
    if joined is None:
        return False
    word = joined[1].lower()
    lemma, weight, metric = _verb_word(word)
    if lemma != word or weight >= _MOSTLY_NOUN or metric:
        return False
    # Not when the two name a metric together, the word after the second a metric's head
    # or a bound following: "Email and call response time under 4 hours", "Order and pick
    # accuracy", "Stock and pick errors below 0.5%", "Access and use of the portal".
    after = _WORD.match(w, joined.end() + 1)
    head = after[0].lower() if after is not None else ""
    return not (
        head in COMPOUND
        or head == "of"
        or polarity(head) is not None
        or _NAMED_THEN_BOUND.match(w, joined.end())
        or _NAMED_METRIC.match(w, joined.end())
    )


@functools.lru_cache(maxsize=8192)
def _verb_word(word: str) -> tuple[str | None, float, bool]:
    """What WordNet (loaded on first use) says of lower-case *word*: the verb it is a form
    of, how much of a noun that verb is (`okrkit.text._verbs.noun_weight`), and whether the
    word is a metric's name or a little word that is no verb ("off", "the")."""
    from okrkit.text._verbs import PARTICLES, noun_weight, verb_lemma

    if word in STOP or word in PARTICLES or not word.isascii():
        return None, 1.0, True
    lemma = verb_lemma(word)
    weight = 1.0 if lemma is None else noun_weight(lemma)
    return lemma, weight, polarity(word) is not None or lower_is_better(word)


def _clean_metric(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a metric phrase inside text[start:end], trimmed; None if empty or long."""
    piece = text[start:end]
    lead = TRIM_START.match(piece)
    assert lead is not None
    begin, stop = start + lead.end(), start + max(lead.end(), trim_end(piece))
    if begin >= stop or len(text[begin:stop].split()) > 8:
        return None
    return begin, stop


# A version alone, which names what a milestone releases: "2.0", "16.4.1".
_DOTTED = re.compile(r"v?\d+(?:\.\d+)+")


def _metric(
    w: str, text: str, begin: int, value: Token | None, limit: int
) -> tuple[int, int] | None:
    """Where the metric is: after the verb up to a preposition or number, else near the value."""
    if value is not None and value.change is not None and value.prep != "by":
        # "a 20% increase in sign-ups": the metric follows the change noun.
        tail = _CHANGE_OBJECT.match(w, value.end)
        if tail:
            stop = metric_end(w, tail.end(), limit)
            return _clean_metric(text, tail.end(), limit if stop is None else stop)
    stop = metric_end(w, begin, limit)
    end = limit if stop is None else stop
    if value is not None and begin <= value.start < end:
        end = value.start
    found = _clean_metric(text, begin, end)
    if found is not None and text[found[0] : found[1]].lower() in _QUALIFIER_WORDS:
        found = None  # "Fewer than 3 Sev-1 incidents": the bound's word, no metric
    if found is None and value is not None:
        if value.noun is not None:
            # "Hold 12 customer interviews": the noun phrase after the count.
            return _clean_metric(text, value.end, value.noun[1])
        tail = _SKIP_PREP.match(w, value.end)
        stop = metric_end(w, tail.end() if tail else value.end, max(limit, value.end))
        found = _clean_metric(text, value.end, max(limit, value.end) if stop is None else stop)
    return found


# A bound's words before "than", which name no metric: "Fewer than 3 incidents".
_QUALIFIER_WORDS = frozenset(
    ("fewer", "less", "more", "no more", "no fewer", "no less", "not more", "not less",
     "greater", "higher", "lower", "better", "no greater", "no higher", "no lower")
)  # fmt: skip
# A metric made, not moved: "Land a top-level metric for ...", "Land the “Throughput” metric".
_MADE_MEASURE = re.compile(
    r"\s+(?:(?:a|an|the|our|new)\s+)?(?:[^\s,;]+\s+){0,2}?metrics?\b(?!\s+(?:of|to)\b)",
    re.IGNORECASE,
)
# What is raised, opened, rather than made higher: "Raise a PR", "Raise issues".
_RAISED = re.compile(
    r"\s+(?:(?:a|an|the|our)\s+)?(?:prs?|pull\s+requests?|mrs?|merge\s+requests?|issues?|"
    r"tickets?|bugs?|concerns?|flags?|invoices?|purchase\s+orders?|pos?)\b",
    re.IGNORECASE,
)
# A bound right after a verb of holding with no number: "Stay under budget" is a ceiling.
_BOUND_AFTER = re.compile(r"\s+(?:(under|below|within)|above|over)\b", re.IGNORECASE)


def _direction(
    kind: str,
    lemma: str,
    value: Token | None,
    start: Token | None,
    *,
    text: str,
    lower: bool,
    own: bool = False,
) -> Direction | None:
    """The direction, from the verb first, then the numbers, then the metric (see the docs):
    *kind* and *lemma* are the verb that governs the number (`_governing_verb`); *lower*
    says whether the text names a metric better low (`lower_is_better`), to which the time
    a process takes is added here (`time_taken`: "Review time under 2 days")."""
    if kind not in ("inc", "dec", "out") or value is None:
        lower = lower or time_taken(text.lower())
    qualifier = value.qualifier if value else None
    if qualifier == "better":
        qualifier = "most" if lower else "least"
    if value is None and lemma in DELIVER_UNLESS_COUNTED:
        return Direction.MILESTONE  # "Add a changelog page"
    if kind == "inc" and value is None and lemma in _SPREAD and _moved_to(text, lemma):
        # "Expand the new interface to the rest of the clients", "Scale search to C1": a
        # thing taken to more places, done or not, as "Move X to Y" is
        return Direction.MILESTONE
    if (
        kind == "inc"
        and value is None
        and lemma == "raise"
        and _RAISED.match(text, _verb_end(text.lower(), lemma) or 0)
    ):
        return Direction.MILESTONE  # "Raise a PR to the docs": one opened, done or not
    if kind == "inc":
        return Direction.INCREASE
    if kind == "dec":
        return Direction.DECREASE
    if value is not None and value.change is not None:
        return Direction.INCREASE if value.change == "up" else Direction.DECREASE
    if kind == "cap":
        return Direction.AT_MOST
    if kind == "keep":
        if value is None:
            bound = _BOUND_AFTER.match(text, _verb_end(text.lower(), lemma) or 0)
            if bound is not None:  # "Stay under budget", "Keep spend within plan"
                return Direction.AT_MOST if bound[1] else Direction.AT_LEAST
        if qualifier is None:
            # ("Hold the line on churn" holds the metric after "on", no clause)
            held = value is None and lemma != "hold" and _holds_clause(text, lemma)
            way = (
                "higher" if held else _metric_way(text, value, lower, after=_held_from(text, lemma))
            )
            if way is None and lemma == "hold" and value is None:
                return Direction.AT_MOST  # "Hold the line on headcount": no more of it
            return Direction.AT_MOST if way == "lower" else Direction.AT_LEAST
        return Direction.AT_LEAST if qualifier == "least" else Direction.AT_MOST
    if (
        (kind in ("reach", "out") or (kind == "" and qualifier is None and _changed(text, start)))
        and value is not None
        and start is not None
        and value.value is not None
        and start.value is not None
        and value.value != start.value
    ):
        # With no verb a baseline makes no change of a level ("Trial conversion of 18%, up
        # from 12%" holds at least, as parse_in_full reads it); only a verb of change the
        # reader did not take for the statement's, written before the numbers, does ("Work
        # with the counties to increase taxlot sharing from 12 to 30").
        begun = in_unit(start.value, start.unit, value.unit)  # "from 3 days to 4 hours"
        return Direction.INCREASE if value.value > begun else Direction.DECREASE
    if kind in ("out", "reach") and value is not None and _time_limit(text, value):
        return Direction.AT_MOST  # "Fix all P1 bugs within 2 days"
    if kind == "out" and qualifier == "most" and _object_then(text, lemma, value):
        return Direction.AT_MOST  # "Page the on-call fewer than 5 times a week": a ceiling
    if kind == "out" and value is not None:
        if (
            _describes_deliverable(text, lemma, value)
            or _version(text, lemma, value)
            or (value.paren and value.unit in DURATIONS)
        ):
            return Direction.MILESTONE  # "Release CodeNet with one challenge", "Ship 2.0"
        if _none_left(value):
            return Direction.DECREASE  # "Realize zero accidents": none of them, no work to count
        if value.unit == "x" and value.prep == "=":
            return Direction.AT_LEAST  # "Handle 3x peak traffic": a level to hold (D8)
        return Direction.INCREASE
    if kind == "reach" and lemma == "speed" and qualifier is None:
        # "Speed up diff rendering latency" brings a time down; "Speed up onboarding" (no
        # time named) is made better, up.
        rest = text[_verb_end(text.lower(), lemma) or 0 :].lower()
        timed = value is not None and value.unit in DURATIONS  # "Speed up hiring to 30 days"
        return (
            Direction.DECREASE
            if timed or lower_is_better(rest) or time_taken(rest)
            else Direction.INCREASE
        )
    if kind == "reach":
        # With no number, the metric is what the verb takes, up to a condition ("Improve
        # scrolling smoothness in high-latency mode" goes up).
        after = _verb_end(text.lower(), lemma) if value is None else None
        if value is None and lemma in _GAIN:
            return Direction.INCREASE  # "Attract top talent": more of them, whatever they are
        if value is None and lemma not in POLAR:
            # "Achieve SOC 2 certification" is done or not, and so is a thing brought to a
            # place ("Move the layout to LayoutUnit"); "Hit plan" goes up (D13), and "Get
            # churn to target" down, as the metric is better.
            if MILESTONE_NOUN.search(text) or (_moved_to(text, lemma) and not lower):
                return Direction.MILESTONE
            if after is not None and _MADE_MEASURE.match(text, after):
                return Direction.MILESTONE  # "Land a user-facing metric for ...": one made
            if (
                after is not None
                and lemma in _MAKE_OR_GATHER
                and _thing_got(text[after:], gathered=lemma in _GATHER)
            ):
                return Direction.MILESTONE  # "Generate churn reports", "Collect data on X"
            way = _metric_way(text, None, lower, after=after)
            if way == "lower":
                return Direction.DECREASE
            if way == "higher" or _reaches_a_level(text, lemma, after):
                return Direction.INCREASE
            # No goal, no metric: a thing got or done ("Achieve consensus on the API",
            # "Take the old frontend offline"), a deliverable done or not.
            return Direction.MILESTONE
        if qualifier is not None:
            return Direction.DECREASE if qualifier == "most" else Direction.INCREASE
        if value is not None and _none_left(value):
            return Direction.DECREASE  # "Achieve zero accidents": none left, whatever they are
        if (
            value is not None
            and value.unit in MONEY
            and value.prep is None
            and _right_after(text, lemma, value)
            and _AMOUNT_OF.match(text, value.end) is not None
        ):
            # "Collect £450k of aged debt", "Recover $2.4M in receivables": the amount got
            # goes up, whichever way the money's metric is better.
            return Direction.INCREASE
        if (
            lemma in _HANDLE
            and value is not None
            and value.prep is None
            and value.noun is not None
            and _right_after(text, lemma, value)
        ):
            # "Resolve 500 support tickets", "Close 40 bugs": a count of the things handled,
            # more of which is better whichever way the things themselves are (unlike
            # "Achieve 3 incidents or fewer", a level).
            return Direction.INCREASE
        if value is None and lemma in POLAR and after is not None and _modified_thing(text[after:]):
            # "Improve compiler error messages": the messages get better, whatever the word
            # before their head says ("Improve the error rate" goes down)
            return Direction.INCREASE
        way = _metric_way(text, value, lower, after=after)
        return Direction.DECREASE if way == "lower" else Direction.INCREASE
    if value is None:
        if kind == "out" and _more_of_it(text, lemma):
            return Direction.INCREASE  # "Publicize our progress more", "Make progress on X"
        if kind == "out":
            return Direction.MILESTONE  # "Ship v2 to production"
        return None if kind else _without_number(text, lower=lower)
    if value.sign and qualifier is None:
        return Direction.INCREASE if value.sign == "+" else Direction.DECREASE
    if qualifier is not None:
        # "Burn multiple below 1.5x": a bound, on a multiple too; "eNPS +20 or better" too
        return Direction.AT_LEAST if qualifier == "least" else Direction.AT_MOST
    if (
        value.unit == "x"
        and start is not None
        and start.unit == "x"
        and start.value is not None
        and value.value is not None
        and start.value > value.value
    ):
        # "Burn multiple: 2.3x → 1.5x": a level brought down (D19); "Pipeline coverage 3x
        # (currently 3.5x)": a level with room to spare, held the way the metric is better
        if not lower and polarity(text.lower()) == "higher":
            return Direction.AT_LEAST
        return Direction.DECREASE
    if value.unit == "x" and value.prep not in ("=", "of", "at"):
        return Direction.INCREASE  # "2x weekly signups": a growth
    if value.unit == "x":
        return Direction.AT_LEAST  # "Pipeline coverage is 3x": a level (D8)
    if (
        kind == ""
        and value.prep == "to"
        and start is None
        and value.value
        and _UP_TO_END.search(text, 0, value.start) is None
        and not share_of_things(text, value)  # "Replies to 95% of emails": a share (D15)
        and (first := _WORD.search(text)) is not None
        and first[0].lower() not in VERBS
    ):
        # "Partner revenue to $2M": a verb of change left out, the level moved to, which
        # way the metric is better (not "Time to first value: 3 days", a name's "to"; nor
        # "Tickets up to 50 a week", a ceiling, nor "Hold costs to $1M", a verb's)
        way = _metric_way(text, value, lower)
        if way is not None:
            return Direction.DECREASE if way == "lower" else Direction.INCREASE
    return _without_verb(text, value, own=own, lower=lower)


# What follows a metric's name rather than a verb's object: a label's colon, a bound, a
# number, "rate".
_METRIC_NEXT = re.compile(
    rf"\s*(?::|[≤≥<>=]|[{SIGNS}]?\d|(?:rate|under|below|above|over|at|of|is|was)\b)", re.IGNORECASE
)
# ... and for a verb of another kind, only a label's colon or a bound's sign ("Yield >= 70%").
_BOUND_NEXT = re.compile(r"\s*(?::|[≤≥<>]=?)")
# "up to" right before a number: a ceiling.
_UP_TO_END = re.compile(r"\bup\s+to\s+\W{0,2}$", re.IGNORECASE)
# A verb's object of a few words, then a bound: "the on-call fewer than", "fewer than".
_OBJECT_THEN_BOUND = re.compile(
    r"(?:\s+[^\W\d_][\w'’-]*){0,3}?\s+(?:fewer|less|no\s+more|not\s+more|at\s+most|under)\b",
    re.IGNORECASE,
)


def _object_then(text: str, lemma: str, value: Token | None) -> bool:
    """Whether the bound on *value* follows the verb *lemma* and its object of a few words,
    not a clause of its own ("Ship a dashboard where the team can review ... in <10 s")."""
    end = _verb_end(text.lower(), lemma)
    if value is None or end is None:
        return False
    bound = _OBJECT_THEN_BOUND.match(text, end)
    return bound is not None and bound.end() <= value.start


def _none_left(value: Token) -> bool:
    """Whether *value* is a bare zero a verb of work or reaching aims at ("Achieve zero
    accidents"): none left, so down to it whatever the things are; not a signed level, a
    place in a ranking, nor the start of "0 to 4"."""
    return value.value == 0 and not value.sign and value.unit != "rank" and not value.link


# An amount's "of" or "in" what it is of: "£450k of aged debt", "$2.4M in receivables" (not
# "$50 CAC", the level of a metric).
_AMOUNT_OF = re.compile(r"\s+(?:of|in)\s", re.IGNORECASE)
# Verbs of reaching that handle things, whose count right after them is of things handled.
_HANDLE = frozenset(("close", "resolve", "answer", "clear", "handle", "process", "triage"))


# What may stand between a verb and its count of things, which are all the things there are
# ("Close all 14 open findings", "Migrate all of our 40 services"): as if right after it (not
# "the", whose number may name or size: "Close the 500k gap", "Resolve the 404 errors").
_ALL_OF_THEM = re.compile(r"(?:all(?:\s+of)?(?:\s+(?:the|our))?)?", re.IGNORECASE)


def _right_after(text: str, lemma: str, value: Token) -> bool:
    """Whether the number *value* comes right after the verb *lemma* ("Close 40 bugs", "Close
    all 40 bugs")."""
    end = _verb_end(text.lower(), lemma)
    return end is not None and _ALL_OF_THEM.fullmatch(text[end : value.start].strip()) is not None


_HELD = (Direction.AT_LEAST, Direction.AT_MOST)
# Verbs of growth that also take a thing to more places or people.
_SPREAD = frozenset(("expand", "extend", "scale"))


def _changed(text: str, start: Token | None) -> bool:
    """Whether a verb of change is written before the baseline *start*."""
    return start is not None and any(
        VERBS.get(word, ("",))[0] in ("inc", "dec")
        for word in _WORD.findall(text.lower(), 0, start.start)
    )


def _metric_way(
    text: str, value: Token | None, lower: bool, *, after: int | None = None
) -> Polarity | None:
    """Which way the metric a number with no qualifier sets is better: a share of things
    meeting a condition is better high (D15: "95% of incidents resolved in a day", whatever
    the things are); else the metric's polarity (`polarity`: "Get churn to 2%", "Keep uptime
    at 99.9%"), or, when the words name both ways or none, a time taken is better short
    ("Bring onboarding to 3 days").  *lower* is whether the statement names a metric better
    low at all (`lower_is_better`).  The metric is named before the number or right after
    it, not in a condition ("Close 50 deals with CAC under $2k"): it is read up to the end
    of the clause that holds the number, or that starts *after* (a verb's end)."""
    if (
        value is not None
        and (
            # (not of things something unwanted happened to: "Users churned: 5%", nor a
            # share a metric better low is of its whole: "Shrink 1.1% of sales")
            (
                share_of_things(text, value)
                and not UNWANTED_DONE.search(text.lower())
                and polarity(text[: value.start].lower()) != "lower"
            )
            # "Tier 2 tickets resolved within 2 business days: 90%": the share done in time
            or (
                value.unit == "%"
                and "within" in text.lower()
                and (done := _IN_TIME_BEFORE.search(text, 0, value.start)) is not None
                # in the same clause ("Tickets resolved within 2 days, churn at 3%": churn's)
                and not any(mark in text[done.end() : value.start] for mark in ",;")
                # (things handled, not what is unwanted: "Orders cancelled within 24 hours: 2%")
                and done["done"].lower() in _HANDLED
            )
        )
    ):
        return "higher"
    begin = value.end if value is not None else after
    if begin is not None and lower:
        end = _METRIC_CLAUSE_END.search(text, begin)
        low = text[: end.start() if end else len(text)].lower()
        lower = lower_is_better(low) or time_taken(low)
    else:
        low = text.lower()
    way = polarity(low) if lower else "higher" if higher_is_better(low) else None
    if way is None and lower and value is not None and value.prep in ("=", None):
        # A label or a name before a number names its metric: "Churn: 2% of customers",
        # "Shrink 1.1% of sales" are churn's and shrink's, whatever the words after count
        way = polarity(text[: value.start].lower())
    if (
        way is None
        and not lower
        and value is not None
        and value.unit in DURATIONS
        # "Backfill 3 years of event data", "Retain 7 years of audit logs": an amount of data
        and not (value.prep is None and _SPAN_OF.match(text, value.end))
        # hours given to learning or to others may be sought many or few ("Mentoring hours
        # 4h -> 10h", "Mandatory training hours 30h → 20h"): a move's numbers say which way
        and not (value.prep == "to" and _HOURS_GIVEN.search(low) is not None)
    ):
        return "lower"  # no word says which way: a time taken
    return way


# Hours given to learning or to others, which no word says are better many or few.
_HOURS_GIVEN = re.compile(
    r"\b(?:training|learning|mentoring|coaching|volunteer(?:ing)?|cpd|study)\s+hours?\b|"
    r"\bhours?\s+of\s+(?:training|learning|mentoring|coaching|volunteering|cpd|study)\b"
)
# A rate's name as a word of its own (not "corporate", "registration", "shareholder").
_RATE_WORD = re.compile(
    rf"\b(?:(?:rate|ratio|margin|share|conversion)s|{RATE.pattern}|attainment|abandonment|"
    r"drop-?off)\b",
    re.IGNORECASE,
)
# A span of time's "of" and what fills it: "3 years of event data" (not "of the launch").
_SPAN_OF = re.compile(
    r"\s*(?:[^\W\d_]+\s+)??of\s+(?!(?:the|a|an|our|its|their|this|that|each|every)\b)[^\W\d_]",
    re.IGNORECASE,
)


# Where the clause that names a metric ends: a condition or an aside follows.
_METRIC_CLAUSE_END = re.compile(
    r"[,;(]|\s[-–—]\s|\b(?:with|while|without|and|so|through|via|using|for|across|in|at|on|"
    r"upon|during|when|whenever|if|unless)\b",
    re.IGNORECASE,
)
# A clause whose predicate is done to its subject: "(that) bugs get filed", "all services are
# monitored", "the docs stay updated" (_CLAUSE_OBJECT, _PASSIVE_CLAUSE).
_DONE_TO = r"[^.,;:]*?\b(?:gets?|got|is|are|be|stays?)\s+(?:[^\W\d_]+ly\s+)?[^\W\d_]+ed\b"
# A clause as the object of a verb of holding: "Ensure that bugs get filed", "Ensure all
# services are monitored".
_CLAUSE_OBJECT = re.compile(rf"\s++(?:that\b|{_DONE_TO})", re.IGNORECASE)


# A verb that starts a clause of its own: in its base form after "and", "to", "then", "&", a
# comma, a semicolon or a sentence's full stop; in its -ing form after a comma or a semicolon
# ("Configure alerts, achieving a response time under 5 minutes"; not after "by", which names
# the means: "Help build CD by closing 5 issues" is work).
# A sentence's end: a full stop after a word, but not an abbreviation's ("e.g.", "i.e.",
# "etc.", "vs."), or "!" or "?".
_FULL_STOP = r"(?:\.(?<=[^\W\d_]\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\betc\.)(?<!\bvs\.)|[!?])"
_CLAUSE_VERB = re.compile(
    r"(?:[,;&]|"
    + _FULL_STOP
    + r"|(?:and|to|then)\b)\s+("
    + "|".join(sorted({lemma for kind, lemma in VERBS.values() if kind != "out"}, key=len)[::-1])
    + r"|hold)\b|(?:[,;]|\bwhile|\bwhilst)\s+("
    + "|".join(
        sorted({w for w, (kind, _) in VERBS.items() if kind != "out" and w.endswith("ing")})[::-1]
    )
    + r")\b"
)  # on lower case: a verb of a way after a word that starts a clause


# "time" right before a clause's "to": the name of a time taken ("time to resolve"), not
# "overtime to fix".
_TIME_BEFORE = re.compile(r"(?<![^\W\d_])time\s+$")

# Verbs that bring people onto a team: what they count is the team's work, with any verb
# joined to them ("Hire and ramp 8 AEs").
_STAFF = frozenset(("hire", "recruit", "onboard", "staff"))


def _governing_verb(text: str, kind: str, lemma: str, value: Token) -> tuple[str, str, int]:
    """The kind and lemma of the verb that governs *value*: the nearest one before it that
    starts a clause of its own and says a way (change, holding, a ceiling, reaching), else
    the statement's verb (*kind*, *lemma*): "Launch the new onboarding and reduce churn to
    2%" goes down, "Automate X and keep latency under 200 ms" holds a ceiling.  A verb of
    change keeps what it says over one of purpose: "Cut churn to stay under 2%" goes down.
    The third item is where the clause of the verb found starts (0 for the statement's)."""
    if value.start < 12:
        return kind, lemma, 0  # no room for a clause before the number
    low = text.lower()
    begin = _verb_end(low, lemma)
    if begin is None or value.start - begin < 8:
        return kind, lemma, 0  # no room for a clause between the verb and the number
    found: tuple[str, str] | None = None
    at = 0
    for m in _CLAUSE_VERB.finditer(low, begin, value.start):
        verb = VERBS[m[1] or m[2]]
        if m[0][0].isalpha() and low[m.start() - 1].isalpha():
            continue  # "brand reach": no "and"
        if (
            m[0].startswith("to")
            and kind in ("keep", "inc", "dec", "reach")
            and _TIME_BEFORE.search(low, max(0, m.start() - 9), m.start())
        ):
            # "Keep time to resolve incidents under 4 hours": a time taken, named, which a
            # verb of holding, change or reaching governs (after one of work, "Deliver
            # average time to resolve under 2 hours", the level reached is read as before)
            continue
        if (
            lemma in _STAFF
            and not low[begin : m.start()].strip()
            and m[0][0] in "a&"
            and _COUNT_NEXT.match(low, m.end())
        ):
            continue  # "Hire and ramp 8 AEs": the people hired, whatever follows
        if (
            kind in ("inc", "dec")
            and m[0].startswith("to")
            and not (verb[0] == "reach" and value.qualifier)
        ):
            # "Cut churn to stay under 2%": the cut, not its purpose; but a level to bring
            # a metric to says its way ("Add caching to bring latency below 120 ms").
            continue
        if verb[1] == "hold":
            if not value.qualifier and value.prep not in ("at", "between"):
                continue  # "and hold 3 workshops": work, no level held
            verb = ("keep", "hold")  # "and hold the error rate below 0.1%"
        found, at = verb, m.end()
    so_that = _SO_THAT.search(low, begin, value.start)
    if so_that is not None:
        # "Redesign X so that >= 70% of users find it": a level, of no verb's
        return "", "", so_that.end()
    relative = None
    clause = low[begin : value.start]
    if "that " in clause or "which " in clause or "and ha" in clause:
        for m in _RELATIVE_VERB.finditer(low, begin, value.start):
            relative = m
    if relative is not None and relative.end() > at:
        its = VERBS.get(relative[1])
        right_before = _RIGHT_BEFORE_NUMBER.match(low, relative.end()) is not None
        if its is not None and its[0] in ("inc", "dec") and not right_before:
            # "Ship a fix that cuts churn by 5%" (not "a tool that saves 10 hours", an amount
            # saved by the thing made, as the work's own count reads)
            return its[0], its[1], relative.end()
        if right_before and value.qualifier == "most":
            # "Ship a build that has fewer than 5 bugs", "a process that takes under 2
            # days": a ceiling the thing made should keep under, no work counted
            return "", "", relative.end()
        if (
            right_before
            and value.noun is not None
            and _RESPONSE.fullmatch(low, value.noun[0], value.noun[1]) is not None
            and (its is None or its[0] == "reach")
            and (relative[1] in _HAVE or _verb_word(relative[1])[0] is not None)
        ):
            # "Write a post that gets 100+ reads", "Write a blog and have 100 views", "Make a
            # talk that influences 30+ developers": the response the thing made should get,
            # a level, no work (not "a survey that has 15 questions", its parts)
            return "", "", relative.end()
    return (*found, at) if found is not None else (kind, lemma, 0)


# What sets a bar on each of the things counted, between their noun and an amount: " over ",
# " at >= ", " worth at least ".
_SIZE_BAR = re.compile(
    rf"\s+(?:(?:at|worth|each|of)\s+)?(?:over|above|more\s+than|at\s+least|>=?|≥|\+)?\s*[{SIGNS}]?",
    re.IGNORECASE,
)
# A clause of what the work should bring about, with its own subject and level.
_SO_THAT = re.compile(r"\bso\s+that\b")
# The verb of a relative clause on the thing made, or of "and have": on lower case.
_RELATIVE_VERB = re.compile(
    r"\b(?:(?:that|which)\s+(?:will\s+|can\s+)?(?!the\b|a\b|an\b|is\b|are\b)|and\s+(?=ha))"
    r"([^\W\d_]+)\b"
)
# Others' response to a thing made, which a relative clause may count: its audience and
# what they do with it (on lower case).
_RESPONSE = re.compile(
    r"(?:views|page\s?views|reads|readers|viewers|downloads|installs|visits|visitors|clicks|"
    r"likes|stars|shares|retweets|rts|upvotes|replies|comments|impressions|listens|plays|"
    r"sign-?ups|registrations|registrants|attendees|participants|audiences?|people|developers|"
    r"users|customers|followers|subscribers|members|leads)"
)
# A number as a verb's object, right after it: " 100+ reads", " at least 30 people".
_RIGHT_BEFORE_NUMBER = re.compile(
    r"\s+(?:(?:at\s+(?:least|most)|over|under|below|(?:more|fewer|less)\s+than|no\s+more\s+than)"
    rf"\s+|[<>≤≥~]\s*)?[{SIGNS}]?\d"
)


# "<a deliverable> with": a count after it describes the deliverable.
_OBJECT_WITH = re.compile(r"\s+[^\W\d_][^,;:()]*?\s+with\s+(?:only\s+|just\s+)?$", re.IGNORECASE)
# A team that does the work, right before its size: "with a team of ".
_WITH_TEAM_OF = re.compile(r"\bwith\s+(?:a\s+)?team\s+of\s+$", re.IGNORECASE)
# Verbs whose work is a team, so that its size is what is done: "Staff the office with a
# team of 12 engineers".
_STAFFING = _STAFF | frozenset(("build", "grow", "form", "assemble", "expand"))
# Whom a deliverable is for, bounded right before the number: "for fleets under ", "for
# teams of over ", "for accounts above ".
_FOR_SEGMENT = re.compile(
    r"\bfor\s+(?:[^\W\d_][\w'’-]*\s+){1,3}?(?:of\s+|with\s+)?"
    rf"(?:under|over|above|below|(?:more|fewer|less)\s+than|up\s+to)\s+[{SIGNS}]?$",
    re.IGNORECASE,
)


def _describes_deliverable(text: str, lemma: str, value: Token) -> bool:
    """Whether the count an activity (*lemma*) has describes the thing it delivers rather
    than counting what is done: after the thing is named, "with" a count of its parts
    ("Release CodeNet with one challenge", "Build a cost model with three scenarios"), unlike
    "Launch with 3 content types" or "Run 5 workshops with partners", nor a count of a
    metric's things ("Ship the beta with 500 users")."""
    if value.qualifier is not None and _FOR_SEGMENT.search(text, 0, value.start) is not None:
        return True  # "Launch the app for fleets under 20 vehicles": whom it is for
    if lemma not in _STAFFING and _WITH_TEAM_OF.search(text, 0, value.start) is not None:
        return True  # "Ship the app with a team of 6 engineers": who does it, not a count
    if (value.unit is not None and value.noun is None) or not text.endswith(
        ("with ", "only ", "just "), 0, value.start
    ):
        return False  # a share, an amount or a time: a level the deliverable meets
    begin = _verb_end(text.lower(), lemma)
    if begin is None or _OBJECT_WITH.match(text[: value.start], begin) is None:
        return False
    if (
        value.noun is not None
        and _PEOPLE_NOUN.fullmatch(text, value.noun[0], value.noun[1])
        and (
            _HOW_WITH.fullmatch(text, begin, value.start)
            or (
                (joined := _AND_THEN_WITH.fullmatch(text, begin, value.start)) is not None
                # (not work whose "with" is who does it: "Build and ship with 3 engineers")
                and joined[1].lower() in _DONE_WITH_PEOPLE
            )
        )
    ):
        # "Meet face to face with 5 partners", "Identify and partner with 4 researchers":
        # the people it is done with, a second verb's
        return False
    return value.noun is None or polarity(text[value.start : value.noun[1]].lower()) is None


# Verbs that put out a version, and what ends one right after them: "Release 2.0 with ...".
_RELEASE = frozenset(("release", "ship", "launch", "deploy", "publish", "tag", "cut", "roll"))
_VERSION = re.compile(
    r"\d+\.\d+(?>(?:\.\d+)*)(?=\s*(?:$|[,;:.!)(]|(?:with|to|for|in|on|by|and|of|across)\b))"
)


def _version(text: str, lemma: str, value: Token) -> bool:
    """Whether the number right after a verb that puts out a release is its version, a name
    of what is put out, not a count: "Release 2.0 with plugin API", "Ship 3.1 to all users"
    (unlike "Ship 2.5 features a week", whose noun it counts); or the version an upgrade
    takes a named thing to ("Upgrade LLVM to 17")."""
    if lemma in _UPGRADE and value.prep == "to" and value.unit is None and value.noun is None:
        # "Upgrade LLVM to 17", "Migrate Postgres to 16.2": the version a named thing goes to
        # (the name right before "to", looked for in the few characters before it only: a
        # search from the start would try every word of a long text)
        named = _NAME_THEN_TO.search(text, max(0, value.start - _NAME_REACH), value.start)
        return (
            named is not None
            # a name, or a version written as one: "Upgrade dbt to 1.8"
            and (not named[1].islower() or _VERSION.match(text, value.start) is not None)
            # a metric's name is no thing with versions: "Bump NPS to 45"
            and _no_metric(named[1])
        )
    if (
        lemma in _UPGRADE
        and value.unit is None
        and value.noun is None
        and value.value is not None
        and value.value < _VERSION_AT_MOST
        and (named := _TO_NAME.search(text, max(0, value.start - _NAME_REACH), value.start))
    ):
        # "upgrade to Mailman 3", "migrate to Prometheus (or upgrade to Icinga 2)": a thing
        # named in capitals then its version, where an upgrade goes (not a metric's name,
        # "Move to NPS 50")
        return _no_metric(named[1])
    begin = _verb_end(text.lower(), lemma)
    return (
        lemma in _RELEASE
        and begin is not None
        and value.unit is None
        and not text[begin : value.start].strip()
        and _VERSION.match(text, value.start) is not None
    )


def _no_metric(name: str) -> bool:
    """Whether *name* is no metric's, so may be a thing with versions ("LLVM", not "NPS")."""
    return (
        polarity(name.lower()) is None
        and RATE.search(name) is None
        and not lower_is_better(name.lower())
        and name.lower() not in COMPOUND
    )


_UPGRADE = frozenset(("upgrade", "migrate", "update", "bump", "port", "move"))
# A thing named in capitals right after "to", then the number: "to Mailman 3".
_TO_NAME = re.compile(r"\bto\s+((?-i:[A-Z])[\w+#.-]*)\s+$", re.IGNORECASE)
# Versions so written are small: "to Mailman 3", not "to Tier 500".
_VERSION_AT_MOST = 100
# How far before a number a product's name is looked for ("LLVM 17", "Postgres to 16").
_NAME_REACH = 40
_NAME_THEN_TO = re.compile(r"([^\W\d_][\w+#.-]*)\s+to\s+$")


_WORD_REST = re.compile(r"\w*")


def _verb_end(low: str, lemma: str) -> int | None:
    """Where the first word that may be a form of the verb *lemma* (starts as it does)
    ends in lower-cased text *low*."""
    stem = lemma[:4]
    at = low.find(stem)
    while at > 0 and low[at - 1].isalnum():
        at = low.find(stem, at + 1)
    if at < 0:
        sure = _MAKE_SURE.search(low) if lemma == "ensure" else None
        return None if sure is None else sure.end()
    rest = _WORD_REST.match(low, at + len(stem))
    assert rest is not None
    up = _UP_NEXT.match(low, rest.end()) if lemma == "speed" else None
    return rest.end() if up is None else up.end()  # "speed up": the verb with its particle


def _held_from(text: str, lemma: str) -> int | None:
    """Where what a verb of holding (*lemma*) holds begins: after the verb, or after "the
    line on" ("Hold the line on page load time")."""
    after = _verb_end(text.lower(), lemma)
    line = _THE_LINE.match(text, after) if after is not None and lemma == "hold" else None
    return line.end() if line is not None else after


def _holds_clause(text: str, lemma: str) -> bool:
    """Whether a verb of holding (*lemma*) holds a clause, a state of things to keep true,
    rather than a metric ("Ensure that bugs get filed automatically"): what the clause names
    is its subject, not a metric to keep low, so the state is held at least."""
    begin = _verb_end(text.lower(), lemma)
    return begin is not None and _CLAUSE_OBJECT.match(text, begin) is not None


_PARTICIPLE = re.compile(r"\s+(?:[^\W\d_]+ly\s+)?[^\W\d_]+ed\b", re.IGNORECASE)


def _reaches_a_level(text: str, lemma: str, after: int | None) -> bool:
    """Whether a verb of reaching (*lemma*, ending at *after*) with no number and no metric
    of known polarity reaches a level that goes up: a goal or plan ("Meet the new logo
    goals", "Hit plan": D13), or "get" done to the team ("Get mentioned by developers"),
    rather than a thing got or done ("Achieve consensus on the API")."""
    # (in the verb's object, not after a preposition: "Reach consensus on plan for X" reaches
    # a consensus, a thing got)
    begin = after or 0
    stop = _OBJECT_END.search(text, begin)
    if GOAL.search(text, begin, len(text) if stop is None else stop.start()):
        return True
    return lemma == "get" and after is not None and _PARTICIPLE.match(text, after) is not None


# Where a verb's object ends: a preposition that starts what it is about, or a clause mark.
_OBJECT_END = re.compile(r"\s(?:on|about|for|regarding|around|over)\s|[,;:.]", re.IGNORECASE)


# "to" and a word that is no number: where a verb of reaching takes a thing.
# (The blank before "to" is looked behind for, not matched: a search from each position of a
# long run of blanks would otherwise run to its end every time.)
_TO_THING = re.compile(
    rf"(?<=\s)to\s+(?![\d{SIGNS}~<>]|(?:about|around|over|under|below|above)\b)", re.IGNORECASE
)


def _moved_to(text: str, lemma: str) -> bool:
    """Whether a verb of reaching (*lemma*) with no number takes a thing "to" a place or a
    state, which is done or not ("Move line layout to LayoutUnit", "Bring the app to
    market"), unlike "Hit plan" or "Meet the new logo goals" (D13)."""
    begin = _verb_end(text.lower(), lemma)
    if begin is None:
        return False
    end = _CLAUSE_END.search(text, begin)
    return _TO_THING.search(text, begin, end.start() if end else len(text)) is not None


# What makes a statement with no number checkable as done or not (`done_or_not`): parity with
# a reference, a level defined elsewhere, an absence, a state of readiness; a cadence.
_CHECKABLE = re.compile(
    r"\bas\s+[^\W\d_]+\s+as\b(?!\s+(?:possible|needed|required|usual)\b)|"
    r"\bas\s+defined\s+(?:by|in)\b|\bwithout\s+(?:any\s+)?[^\W\d_]+s\b|\bready\s+(?:for|to)\b",
    re.IGNORECASE,
)
# A level set by a reference known elsewhere, which a change goes "to": "to a level above the
# last 12 months' peaks" (the span is blanked by then), "to above last year's record", "to
# below the industry average" (the reference ends its phrase: not "above peak load").
_TO_A_REFERENCE = re.compile(
    r"\bto\s+(?:a\s+(?:new\s+)?(?:level|point|place)\s+)?"
    r"(?:above|below|beyond|over|under|exceeding)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:peaks?|highs?|records?|averages?|median|mean|benchmarks?|baselines?|plan|forecast|"
    r"targets?|budget)"
    r"(?=\s*(?:$|[.,;:)!]|(?:of|in|for|from|set|seen|reached)\b))",
    re.IGNORECASE,
)
_CADENCE = re.compile(
    r"\b(?:bi-?)?(?:daily|weekly|monthly|quarterly|yearly|annual)\s+((?:[^\W\d_]+\s+)?[^\W\d_]+s)\b",
    re.IGNORECASE,
)
# A state of readiness ("Monitoring is in place", "Team up and running") or a level defined
# elsewhere ("Keep the endpoint in SLO"), said of the statement's subject: after a verb of
# being or getting, if any (not "in place of", a substitute).
_IN_STATE = re.compile(
    r"(?P<be>\b(?:is|are|be|been|being|get|gets|got|put|stays?|remains?)\s+"
    r"(?:(?:now|all|already|fully|firmly)\s+)?)?"
    r"(?:\bin\s+place\b(?!\s+of\b)|\bup\s+and\s+running\b|"
    r"\b(?:in|within)\s+(?:the\s+|its\s+|their\s+|our\s+)?sl[oa]s?\b)",
    re.IGNORECASE,
)
# (Possessive blanks: a long run of them, as masking leaves, is tried once, not split.)
_PASSIVE_CLAUSE = re.compile(rf"\s++(?:that\s+)?{_DONE_TO}", re.IGNORECASE)


def done_or_not(text: str) -> bool:
    """Whether *text*, a key result with no number, can still be checked as done or not:
    parity with a reference ("as fast as simple text"), a level defined elsewhere ("the
    'elite' level, as defined by DORA", "Keep the endpoint in SLO") or set by a reference
    known elsewhere ("above the last 12 months' peaks", "under budget"), a thing in use by
    one party named ("Peerpad is used at the IPFS All Hands"), an absence ("without
    regressions": none), a state of readiness ("ready for launch", "in place", "up and
    running"), a place in a ranking ("top 5 on Hacker News"), a
    cadence of things that are no metric ("bi-weekly tweets": one every two weeks, unlike
    "weekly signups"), a thing kept from happening or rising ("Prevent bug count from
    creeping up": no higher at the end), or a verb of holding over a clause whose predicate
    is done to its subject ("Ensure that bugs get filed automatically": set up or not) or
    over all of a kind ("Ensure that all team members complete the training"), or a change
    ruled out ("Open bugs do not increase").  Never a verb of change or improvement, which
    moves a metric with no level to check ("Improve quality without regressions").  The
    rule OKR201 (unmeasurable) spares such a statement.

    >>> done_or_not("Ensure that bugs get filed automatically")
    True
    >>> done_or_not("Improve the onboarding experience")
    False
    """
    if not isinstance(text, str):
        raise InvalidTypeError("text", text, "a str")
    w, _ = masked(text)
    verb = _main_verb(w, guess=False)
    if verb is None and (label := _TEAM_LABEL.match(w)) is not None:
        # "Search: Improve search for new users. ...": the label's team, then the statement
        w = " " * label.end() + w[label.end() :]
        verb = _main_verb(w, guess=False)
    if _TO_A_REFERENCE.search(w) is not None or (
        verb is not None and verb[0] == "keep" and _KEPT_WITHIN.match(w, verb[2].end())
    ):
        # "Increase search volume to a level above the last 12 months' peaks", "Keep spend
        # under budget": a level defined elsewhere, reached or not
        return True
    if verb is None and _USED_BY.match(w) is not None:
        return True  # "Peerpad is used at the IPFS All Hands": adopted there or not
    if (
        verb is not None
        and verb[0] in ("inc", "dec", "reach")
        and (verb[1] in POLAR or (verb[0] != "reach" and verb[2][0].lower() == verb[1]))
    ):
        # ... unless the work that makes it better follows, which is done or not: "Improve
        # search for new users. Change the default to literal search, add result tabs."
        return _work_follows(w, verb[2].end())
    if _CHECKABLE.search(text) or _standing(text) is not None:
        return True  # ... or a place in a ranking, got or not ("Top-5 post on Hacker News")
    if _in_state(text, w, verb):
        return True  # "Monitoring is in place", "Keep the endpoint in SLO"
    lead = _WORD.search(w)
    if lead is not None and lead[0].lower() in _PREVENT:
        return True  # "Prevent bug count from creeping up": no higher at the end than at the start
    if _NOT_CHANGE.search(w.lower()) is not None:
        return True  # "Open bugs did not increase during the quarter": the same, said so
    cadence = _CADENCE.search(text)
    if cadence is not None and polarity(cadence[1].lower()) is None:
        return True
    return (
        verb is not None
        and verb[0] == "keep"
        and (
            _PASSIVE_CLAUSE.match(w, verb[2].end()) is not None
            # "Ensure that all team members complete the training": all of them, checkable
            or (verb[1] == "ensure" and _ALL_DO.match(w, verb[2].end()) is not None)
        )
    )


# Before a state: a negation ("Processes are not in place"), and a word that makes it a
# clause of its own ("Audit the controls that are in place", "Launch once tracking is in
# place"), whose state is said of something other than the statement's subject.
_NOT_SO = re.compile(
    r"\b(?:not|never|no\s+longer)\s+(?:\w+\s+)?$|n['’]t\s+(?:\w+\s+)?$", re.IGNORECASE
)
_CLAUSE_BEFORE = re.compile(
    r"\b(?:that|which|who|once|when|whenever|if|until|after|before|where|unless|while)\b",
    re.IGNORECASE,
)


def _in_state(text: str, w: str, verb: tuple[str, str, re.Match[str]] | None) -> bool:
    """Whether *text* says its subject is in a state of readiness or within a level defined
    elsewhere (`_IN_STATE`): after a verb of being, or with no verb but one of holding
    ("Ensure monitoring is in place", "Keep X in SLO", "Bug bounty programme in place"); not
    where a verb of work does something to things in place ("Audit the controls in place"),
    nor a thing more or better in place ("Stronger controls in place": a change sought), nor
    a state naming what follows it ("Shelter in place procedures")."""
    state = _IN_STATE.search(text)
    if state is None or _NOT_SO.search(text, 0, state.start()) is not None:
        return False
    if not state["be"] or _CLAUSE_BEFORE.search(text, 0, state.start()) is not None:
        # (a verb the lists lack counts here too: "Simplify the processes in place")
        verb = verb or _main_verb(w)
        if verb is not None and verb[0] != "keep":
            return False
    follows = text[state.end() :].strip()
    after = _WORD.match(follows.lower())
    before = text[: state.start()].lower()
    return (
        (not follows or not follows[0].isalpha() or (after is not None and after[0] in STOP))
        and COMPARATIVE.search(before) is None
        and _BETTER_LEAD.match(before) is None
    )


# A label of a few words that names who the key result is for: "Marketing Ops: ".
_TEAM_LABEL = re.compile(r"\s*(?:[^\W\d_][\w'’&/-]*\s+){0,3}[^\W\d_][\w'’&/-]*\s*:\s+")
# A clause of its own after the statement's first: after a full stop, a colon or a dash.
_NEXT_CLAUSE = re.compile(r"(?:[.:;]\s+|\s[-–—]\s+)([^\W\d_][\w'’-]*)")


def _work_follows(w: str, after: int) -> bool:
    """Whether a clause after *after* in masked text *w* starts with an imperative of work
    done or not ("Hire a designer", "Encrypt all backups", "Review all 40 vendor contracts"),
    not one of a metric's change ("Double active evangelists") nor a hedge ("See the survey",
    "Consider adding a recruiter", "Refactor where needed": a verb that is one, with no
    object it is done to)."""
    for m in _NEXT_CLAUSE.finditer(w, after):
        word = m[1].lower()
        if word in _HEDGES and not (word in _HEDGED_WORK and _OBJECT_START.match(w, m.end(1))):
            continue
        found = VERBS.get(word)
        if found is None and word not in STOP and word not in STATE_VERBS:
            guessed = _imperative(word, w, m.end(1))
            found = (guessed[0], guessed[1]) if guessed is not None else None
            if found is None and _sentence_verb(word, m, w):
                return True  # "Improve search. Change default to literal search": work
        if found is not None and found[0] == "out" and word == found[1]:
            return True
    return False


def _sentence_verb(word: str, m: re.Match[str], w: str) -> bool:
    """Whether *word*, lower-cased, which *m* found at the start of a sentence of its own in
    *w* (after a full stop, in capitals), is a verb's base form taking an object, though mostly
    a noun ("Improve campaign tracking. Track UTM values in Salesforce", "Change default
    from regex to literal search"): a sentence rarely opens on a bare noun; not one before a
    verb of being, "of" or a number ("Change is hard", "Track record of ...")."""
    if not m[0].startswith(".") or not m[1][0].isupper():
        return False
    lemma, _, metric = _verb_word(word)
    if lemma != word or metric or word in _HEDGES:
        return False
    after = _WORD.match(w, m.end(1) + 1) if w[m.end(1) : m.end(1) + 1] == " " else None
    return (
        after is not None
        and after[0].lower() not in STATE_VERBS
        and after[0].lower() not in _MODAL
        and after[0].lower() not in ("of", "record", "records")
    )


# Verbs of work that is never done: a pointer, a hedge or an open-ended task ("Improve NPS.
# See the survey", "Consider adding a recruiter", "Refactor where needed").
_HEDGES = frozenset(
    ("see", "consider", "continue", "explore", "understand", "try", "look", "investigate",
     "research", "review", "refactor", "think", "discuss", "evaluate", "assess", "study",
     "learn", "keep", "maintain", "monitor", "iterate", "experiment", "check", "analyze",
     "analyse", "identify", "work", "focus", "support", "help", "use", "leverage")
)  # fmt: skip
# ... of which these are work done when an object follows them: "Review all 40 vendor
# contracts", "Use Terraform for all environments", "Check every release".
_HEDGED_WORK = frozenset(("review", "refactor", "check", "use", "assess", "evaluate", "identify"))


# "(that) all/every/each" and the things that do something: all of them, a check.
_ALL_DO = re.compile(r"\s+(?:that\s+)?(?:all|every|each)\b", re.IGNORECASE)


def level_reached(text: str) -> bool:
    """Whether *text* sets a level to reach with a verb of reaching, which leaves the way to
    it unsaid ("Achieve ≥90% precision", "Reach an 80% satisfaction score"), not a change
    ("Raise precision to 90%") nor a level with no verb ("90% precision").  Under an objective
    that builds a thing, such a level is of the thing built, which has no earlier level: the
    rule OKR204 (missing baseline) spares a share reached so.

    >>> level_reached("Achieve 90% precision on the held-out set")
    True
    >>> level_reached("Raise precision from 80% to 90%")
    False
    """
    verb = _statement_verb(text)[1]
    return verb is not None and verb[0] == "reach"


def _statement_verb(text: str) -> tuple[str, tuple[str, str, re.Match[str]] | None]:
    """Masked text *text*, its label and list marks blanked, and the verb that governs it (a
    statement that is no `str` is an `okrkit.errors.InvalidTypeError`)."""
    if not isinstance(text, str):
        raise InvalidTypeError("text", text, "a str")
    w = _unlabelled(masked(text)[0])
    return w, _main_verb(w)


def built_then_reached(text: str) -> bool:
    """Whether *text* builds or starts a thing and then, in a later clause, sets a level to
    reach ("Implement a feedback mechanism and achieve at least 80% positive feedback",
    "Automate the checks to achieve a 90% pass rate", "Test Twitter as a channel, and get 10
    signups per week"): a level of the thing new in the cycle, which has no earlier one.  The
    rule OKR204 (missing baseline) spares such a key result.

    >>> built_then_reached("Launch the referral program and reach 500 referrals a month")
    True
    >>> built_then_reached("Reach 500 referrals a month")
    False
    """
    w, verb = _statement_verb(text)
    return (
        verb is not None
        and verb[0] == "out"
        and verb[1] in _NEW_THINGS
        # ("Enable the team to achieve 100% quality on X": people helped, nothing new)
        and _PEOPLE_NEXT.match(w, verb[2].end()) is None
        and _THEN_REACHED.search(w, verb[2].end()) is not None
    )


# Verbs that make or start a thing new in the cycle (not "Conduct weekly standups", which
# may have run before).
_NEW_THINGS = frozenset(
    ("implement", "build", "launch", "automate", "introduce", "create", "develop", "set",
     "establish", "deploy", "test", "begin", "start", "pilot", "roll", "ship", "release",
     "enable", "identify", "configure", "design")
)  # fmt: skip
_PEOPLE_NEXT = re.compile(r"\s+(?:the\s+|our\s+)?(?:teams?|people|us|them|staff|users)\b", re.I)
# A later clause that reaches a level: "..., and get 10 signups", "... to achieve a 90% rate".
_THEN_REACHED = re.compile(
    r"(?:,|\band\b|\bto\b|\bwhile\b)\s+(?:then\s+)?"
    r"(?:achiev|reach|hit|attain|get|getting\b)\w*",
    re.IGNORECASE,
)


# A share of an amount planned for the cycle: "110% of plan", "95% of the sales target".
_OF_PLAN = re.compile(
    rf"%\s*of\s+(?:the\s+|our\s+|its\s+|their\s+)?(?:[\w-]+\s+){{0,3}}{PLANNED}\b",
    re.IGNORECASE,
)


def share_of_plan(text: str) -> bool:
    """Whether *text* sets its target as a share of an amount planned for the cycle ("Achieve
    110% of plan", "Reach 100% of quota", "95% of the sales target"): attainment, counted from
    zero in the cycle, so it needs no baseline.  The rule OKR204 (missing baseline) spares
    such a key result.

    >>> share_of_plan("Achieve 110% of plan")
    True
    >>> share_of_plan("Raise retention to 90%")
    False
    """
    if not isinstance(text, str):
        raise InvalidTypeError("text", text, "a str")
    return "%" in text and _OF_PLAN.search(text) is not None


_WITHIN = re.compile(
    r"(?:\bwithin|(?<!\S)w/in?)\s+(?:the\s+)?(?:[^\W\d_]+\s+)?$", re.IGNORECASE
)  # "within 2 days", "within the statutory 8 weeks"
# How far before a number "within" and its words are looked for (a long word is no name of
# a time limit's: each number looks at this much, not at the whole text before it).
_WITHIN_REACH = 48
_HANDLED = frozenset(
    ("resolved", "answered", "responded", "closed", "processed", "shipped", "delivered",
     "completed", "fixed", "acknowledged", "triaged", "paid", "dispatched", "fulfilled",
     "approved", "reviewed", "onboarded", "deployed", "published", "merged", "handled",
     "decided", "settled", "issued", "assessed", "signed", "investigated", "patched",
     "escalated", "notified", "notification", "notifications", "response", "responses",
     "replies")
)  # fmt: skip
# Things done within a time limit, before a share: "resolved within 2 business days: 90%".
_IN_TIME_BEFORE = re.compile(
    r"\b(?P<done>[^\W\d_]+ed|notifications?|responses?|replies)"
    # (and whom to: "escalated to the ERC within 5 days", "notifications to regulators")
    r"(?:\s+(?:to|by)\s+(?:the\s+)?[^\W\d_]+)?"
    r"\s+(?:to\s+)?within\s+(?:the\s+)?\d+(?:\.\d+)?\s*(?:(?:business|working|calendar)\s+)?"
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|h|d)\b",
    re.IGNORECASE,
)


def _service_level(
    w: str, value: Token | None, tokens: list[Token], deadlines: list[re.Match[str]]
) -> bool:
    """Whether the target is a share of things done within a time limit or meeting a
    condition of time or quality, a service level and so an outcome whatever the verb:
    "Resolve 90% of tickets within 1 day", "Alert on 100% of failed syncs within 5 minutes",
    "Process 80% of applications within 8 weeks" (a time taken, as a deadline reads),
    "Dispatch 97% of orders the same day", "Fulfil 99.5% of orders without a picking error"
    (but "Migrate 100% of services" is the work)."""
    return (
        value is not None
        and share_of_things(w, value)
        and (
            any(
                t.unit in DURATIONS
                and _WITHIN.search(w, max(0, t.start - _WITHIN_REACH), t.start) is not None
                for t in tokens
                if t is not value
            )
            or (
                # "in 24 hours" for fewer than all: each thing's time, as "within" is
                value.value is not None
                and value.value < 100
                and any(
                    t.unit in _SHORT_TIMES
                    and t.start > value.end
                    and _IN.search(w, max(0, t.start - 8), t.start)
                    for t in tokens
                )
            )
            or any(d.start() > value.end and _BY_TIME.match(d[0]) for d in deadlines)
            or (
                # Fewer than all within weeks is each thing's time ("Process 80% of
                # applications within 8 weeks"); all of them, the work's deadline ("Migrate
                # 100% of services within 6 weeks").
                value.value is not None
                and value.value < 100
                and any(
                    d.start() > value.end and _WITHIN_AMOUNT.match(d[0]) is not None
                    for d in deadlines
                )
            )
            or _CONDITION.search(w, value.end, value.end + _CONDITION_REACH) is not None
        )
    )


# A time limit a deadline's pattern took: "within 8 weeks", "within 2 wks".
_IN = re.compile(r"\bin\s+$", re.IGNORECASE)
_SHORT_TIMES = frozenset(("ms", "s", "min", "h"))  # ("in 30 days" may be the work's)
# A level compared with an earlier time's: what a change is measured against.
_COMPARED_TO = re.compile(
    r"\s*(?:compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|vs\.?|versus|over|against)"
    r"\s+(?:the\s+)?(?:last|previous|prior|same)\s+(?:year|quarter|month|week|period|cycle)\b",
    re.IGNORECASE,
)
_WITHIN_AMOUNT = re.compile(r"within\s+(?:\d|a\b|an\b|one\b|two\b|three\b)", re.IGNORECASE)
# A time of day a deadline's pattern took, which each of a share's things meets: "Discharge
# 70% of patients before 11:00".
_BY_TIME = re.compile(r"(?:by|before|until|till)\s+\d{1,2}[:.]\d\d", re.IGNORECASE)
# A condition of time or of quality that the things of a share meet: "before settlement",
# "the same day", "on time", "without a picking error", "on the first attempt".
_CONDITION = re.compile(
    r"\b(?:in\s+(?:under|less\s+than)|before|same[- ]day|on\s+time|in\s+time|"
    r"within\s+(?:the\s+)?(?:statutory|agreed|target|required|contractual|set)?\s*"
    r"(?:time\s*scales?|deadlines?|time\s+limits?|time\s*frames?|slas?|standards?)|"
    r"on\s+the\s+(?:promised|same|first|next)\s+[^\W\d_]+|without\s+(?:a|an|any)\s+[^\W\d_]+|"
    r"first[- ]time|at\s+first\s+contact)\b",
    re.IGNORECASE,
)
_CONDITION_REACH = 80  # characters after the share looked at


# "in under", "in less than", "in at most": the time an action is done in.
_EVERY = re.compile(r"\bevery\s+$", re.IGNORECASE)
_IN_UNDER = re.compile(
    r"\bin\s+(?:(?:under|less\s+than|at\s+most|no\s+more\s+than|max(?:imum)?\.?|[≤<]=?)\s*)?$", re.I
)


# A relative clause: what follows describes the thing delivered.
_RELATIVE = re.compile(r"\bwhere\b", re.IGNORECASE)


def _measure_right_after(tokens: Sequence[Token], value: Token, w: str) -> Token | None:
    """The length of time written right after *value* in masked text *w*, which measures
    the things *value* counts ("3x 5 minute videos"); or None."""
    for token in tokens:
        if token.start >= value.end:
            gap = w[value.end : token.start]
            return token if token.unit in DURATIONS and gap and not gap.strip() else None
    return None


# "More" right after a verb of work: "Promote more opaque scrollers" (not "Develop a more
# playful app", a deliverable's quality); and progress made: "Make headway on ...".
_MORE_AFTER_VERB = re.compile(
    r"\s+more\s+(?!(?:than|or|about|of)\b|[^\W\d_]+ly\b)[^\W\d_]", re.IGNORECASE
)
# Words before a last "more" that make it no more of anything: "once more", "nothing more".
_NOT_MORE = frozenset(("and", "or", "&", "once", "nothing", "no", "any", "learn"))
_PROGRESS = re.compile(
    r"\s+(?:(?:some|good|real|steady|significant|measurable|visible)\s+)?(?:progress|headway)\s+"
    r"(?:on|in|with|toward|towards)\b",
    re.IGNORECASE,
)


def _progress_at(text: str, end: int) -> bool:
    """Whether progress is sought at *end* of *text*, after "make": on what is to go up,
    not on what is to go down ("Make progress on reducing churn", "... on the backlog")."""
    progress = _PROGRESS.match(text, end)
    if progress is None:
        return False
    rest = text[progress.end() :].lower()
    return (
        not lower_is_better(rest)
        and not time_taken(rest)
        and not any(VERBS.get(word, ("",))[0] == "dec" for word in _WORD.findall(rest))
    )


def _more_of_it(text: str, lemma: str) -> bool:
    """Whether a verb of work with no number asks for more of what it does, or for
    progress: a change sought, up, rather than a deliverable done or not."""
    end = _verb_end(text.lower(), lemma)
    if end is None:
        return False
    if lemma == "make" and _progress_at(text, end):
        return True
    if _MORE_AFTER_VERB.match(text, end):
        return True
    # "more" ending the statement, as a word of its own after the verb (not "..., and more")
    words = text[end:].rstrip(" \t\n.!").lower().split()
    return (
        len(words) > 1
        and words[-1] == "more"
        and words[-2] not in _NOT_MORE
        and not words[-2].endswith(",")
    )


def _time_limit(text: str, value: Token) -> bool:
    """Whether the value of an activity is the time it must take: a ceiling "within" which
    it is done ("Triage all bugs within one week": at most a week), or a time it is done
    "in under" ("Respond to tickets in under 2 hours"), not "Run 5 workshops" nor a metric
    brought under a time ("Bring p99 under 500 ms")."""
    if value.qualifier not in (None, "most") or _RELATIVE.search(text, 0, value.start):
        return False  # "Ship a dashboard where reviews take < 10 s": what it delivers
    before = text[max(0, value.start - 24) : value.start]
    if value.unit in DURATIONS and _EVERY.search(before) is not None:
        return True  # "Release every 2 weeks": at most 2 weeks between releases, a cadence
    if value.unit in DURATIONS and _IN_UNDER.search(before) is not None:
        # "Onboard customers in 3 days", "in under 2 hours": the time it takes, no count of
        # days ("under", "max" before a number make its qualifier "most", a bare "in" none)
        return True
    return value.qualifier == "most" and _WITHIN.search(before) is not None


def _without_number(text: str, *, lower: bool) -> Direction | None:
    """The direction of a statement with neither a verb that says one nor a number: a
    comparative's ("Lead time is shorter"), a bare metric's polarity ("Cloud cost", D4), or
    else a deliverable or finished state, done or not ("Streaming API", "The API is audited")."""
    low = text.lower()
    if (had := _ENSURED_HAVE.match(low)) is not None:
        # "Make sure we have a good plan": "a good plan"; a change it names is a level to
        # hold ("Make sure we have a positive cash flow every month")
        named = _without_number(text[had.end() :], lower=lower)
        held = {Direction.INCREASE: Direction.AT_LEAST, Direction.DECREASE: Direction.AT_MOST}
        return held.get(named, named) if named is not None else None
    if not _WORD.search(low):
        return None  # no words, nothing named
    if _capability(low):
        return Direction.MILESTONE  # "Users can learn more about the node": a thing built
    if _BEST_LEAD.match(low):
        return Direction.AT_LEAST  # "Have the fastest implementation": a standing sought
    comparative = COMPARATIVE.search(low)
    if comparative is None and _BETTER_LEAD.match(low):
        return Direction.INCREASE  # "Easier contribution to web-platform-tests"
    if comparative is not None:
        if comparative["up"]:
            return Direction.INCREASE
        if comparative["down"] or lower or _TIME.search(low):
            return Direction.DECREASE  # "shorter", "a faster checkout time"
        return Direction.INCREASE
    if _VAGUE_COUNT.match(low):
        return Direction.AT_LEAST  # "Multiple teams using the new API": a count of others
    if _of_people(low):
        # "Users understand how it works": an outcome (D18), whatever its words' metrics
        # ("Staff understand the new expense policy" names no expense to cut).
        return Direction.AT_LEAST
    if _NOT_EXCEEDED.search(low) is not None:
        return Direction.AT_MOST  # "Error budget not exceeded in any month": a ceiling held
    name = _bare(low)
    if name is not None:
        way = polarity(name)
        if way is not None and _named_thing(name):
            return (
                Direction.MILESTONE
            )  # "Trusted Activation Triggers", "Performance metrics report"
        if way is not None:
            return Direction.AT_MOST if way == "lower" else Direction.AT_LEAST
        if lower_is_better(name):
            return None  # a metric that mixes two ways: "Uptime and error rate"
        if _MEASURE_HEAD.match(name):
            # A share, a count or an average of things named with no way to be better: held
            # at least, as a share (D15) or a count of what others do (D2) with a number is.
            return Direction.AT_LEAST
        words = _WORD.findall(_PHRASE_END.split(name, maxsplit=1)[0])
        if (
            len(words) > 1
            and words[-1] in _MEASURES
            # ("Deploy frequency", "Test count": a verb's noun before a measure's head, which
            # names a metric, as "Test coverage" does; but "Monitor usage of X" is work)
            and (words[-1] in COMPOUND or _verb_word(words[0])[0] != words[0])
        ):
            return None  # "Flaky test count", "Binary size": a metric of no known way (D4)
    return Direction.MILESTONE


# The head nouns that make a name a measure: "Flaky test count", "Binary size".
_MEASURES = frozenset(
    ("count", "size", "rate", "ratio", "score", "volume", "frequency", "cadence", "duration",
     "speed", "velocity", "coverage", "time", "latency", "throughput", "usage", "length")
)  # fmt: skip
# A ceiling not passed: "Error budget not exceeded", "Spend never exceeds the plan".
# A word that rules out what follows: "not", "never", and "n't" in a contraction ("won't").
_NOT = r"(?:\b(?:not|never)|n['’]t)"
_NOT_EXCEEDED = re.compile(_NOT + r"\s+(?:been\s+|be\s+)?exceed", re.IGNORECASE)


# People other than the team, whose state of mind or behaviour is an outcome (D18).
_PEOPLE = (
    r"users?|customers?|clients?|developers?|devs?|admins?|administrators?|visitors?|members?|"
    r"people|everyone|anyone|buyers?|readers?|students?|teachers?|parents?|partners?|"
    r"contributors?|maintainers?|employees?|staff|engineers?|analysts?|designers?|reps?|"
    r"managers?|leaders?|stakeholders?|newcomers?|subscribers?|attendees?|participants?|"
    r"citizens?|residents?|patients?|donors?|volunteers?|researchers?|ae['’]?s|decision-makers?|"
    r"families|family|agents?|nurses?|doctors?|clinicians?|drivers?|guests?|shoppers?|learners?|"
    r"mentees?|travell?ers?|players?|fans?|merchants?|sellers?|creators?|authors?|hosts?"
)
# People together, whose state of mind is an outcome too ("Sales team understands when to
# escalate"), though what they do is as often the team's own work ("Teams publish roadmaps").
_GROUP_MIND = re.compile(
    r"\W*(?:[^\W\d_][\w'’-]*\s+){0,3}?(?:teams?|departments?|org|organi[sz]ations?)\s+"
)
# Up to three words, then the people: "Any developer", "Sourcegraph users", "Unfamiliar devs".
_PEOPLE_LEAD = re.compile(rf"\W*(?:[^\W\d_][\w'’-]*\s+){{0,3}}?(?:{_PEOPLE})\s+")
# A noun that names people, whole: "partners", "customers", "users".
_PEOPLE_NOUN = re.compile(rf"(?:{_PEOPLE})", re.IGNORECASE)
# A budget or a plan a verb of holding keeps its metric within, right after it ("Keep
# spend under budget for every team", "Stay on plan", "Keep cloud costs within the approved
# budget"; not people kept on a plan, "Keep enterprise customers on the annual plan", a tier).
_KEPT_WITHIN = re.compile(
    rf"(?!(?:\s+[\w'’-]+){{0,3}}?\s+(?:{_PEOPLE})\b)"
    r"(?:\s+[\w'’-]+){0,3}?\s+"
    r"(?:on\s+|(?:under|within|below|at)\s+"
    r"(?:(?:the|our|agreed|approved|allocated|annual|quarterly|yearly|board-approved)\s+){0,2})"
    r"(?:budget|plan|forecast)"
    r"(?=\s*(?:$|[.,;:)!]|(?:for|each|every|and|while|in|this|across|through|during|all)\b))",
    re.IGNORECASE,
)
# A thing in use by one party named, or at every one of a kind, said of the statement's
# subject: "Peerpad is used at the IPFS All Hands", "go-ipld-prime is being used by Filecoin",
# "... used by every IPFS meeting", "... used in production"; not in a clause ("Reduce the
# memory that is used by the indexer"), nor by people, teams, places or things at large, a
# plural or more of them, how many of whom is a level ("The API is used by customers", "used
# by the community", "used in clinics", "used by a growing number of teams", "at scale").
_USED_BY = re.compile(
    r"\W*(?:(?!(?:that|which|who|where|how|when|what)\b)\S+\s+){0,8}?"
    r"(?:is|are|was|were|been|being)\s+(?:(?:now|already|actively|regularly|being)\s+)*"
    r"(?:used|using|adopted|deployed|integrated|embedded)\s+(?:at|by|in|within)\s+"
    r"(?:(?:every|each|all)\b"
    r"|(?!(?:the\s+|a\s+|an\s+)?(?:[^\W\d_][\w-]*\s+)?(?:more|most|many|some|several|other|"
    r"few|fewer|majority|number|share|percentage|lot|range|variety|scale)\b)"
    r"(?!(?:[^\W\d_][\w-]*\s+){0,3}?"
    rf"(?:{_PEOPLE}|teams?|community|public|industry|market|sales|marketing|support|"
    r"engineering)\b)"
    # one party: a name in capitals ("Mozilla", "the IPFS All Hands"; not a plural, "SMBs"),
    # or one word of its own in lower case, no plural ("filecoin", "production")
    r"(?:the\s+)?(?:(?-i:[A-Z](?![A-Z]*s\b))|[^\W\d_][\w-]*(?<![^s]s)(?=\s*(?:$|[.,;:)]))))",
    re.IGNORECASE,
)
# What they know, understand or feel, may come to, or are able to: a state of mind.
_MIND = re.compile(
    r"(?:(?:can|will|should|could)\s+|(?:is|are)\s+able\s+to\s+)?"
    r"(?:know|understand|recogni[sz]e|feel|trust|believe)s?\b|"
    r"(?:is|are|feel|feels|become|becomes)\s+(?:more\s+)?"
    r"(?:aware|comfortable|confident|familiar|happy|satisfied|engaged)\b"
)
_MODAL = frozenset(("can", "will", "should", "could", "must", "may", "might", "would"))
# A standing sought, after a verb of state: "Have the fastest implementation", "Become the
# most trusted vendor" (as "Be the best place to work" is held).
_BEST_LEAD = re.compile(
    r"(?:have|has|become|becomes)\s+(?:the|our)\s+(?:best|most|fastest|largest|biggest|"
    r"highest|strongest|easiest|simplest|safest|cheapest|quickest|greatest)\b"
)
# A place in a ranking, somewhere: "top 5 in Hacker News", "first page of Google results",
# "#1 on Product Hunt" (not a selection of things: "the top 3 features", "top 10 of ours").
_STANDING = re.compile(
    # a rank, not a selection ("the top 10 bugs") nor a number ("bug #42"), then a named
    # place, capitalised ("on Hacker News"; not "in the backlog")
    r"(?:(?<!\bthe\x20)(?<!\bour\x20)\btop[-\s]?\d{1,3}(?:\s+[^\W\d_][\w-]*){0,2}?"
    r"|\b(?:the\s+)?top[-\s]?\d{1,3}"
    r"|(?<![\w#])(?<!\bbug\x20)(?<!\bissue\x20)(?<!\bpr\x20)(?<!\bticket\x20)#\s?[1-9]\b"
    r"|\bnumber\s+one)"
    r"\s+(?:on|in)\s+(?:the\s+)?(?!(?:Q[1-4]|H[12]|FY)\b)(?-i:[A-Z])"
    r"|\bfirst\s+page\s+(?:of|on|in)\s+(?:the\s+)?(?-i:[A-Z])",
    re.IGNORECASE,
)


def _standing(text: str) -> re.Match[str] | None:
    """`_STANDING`'s first match in *text*, looked for only where its words are."""
    low = text.lower()
    if "top" not in low and "#" not in low and "page" not in low and "number one" not in low:
        return None
    return _STANDING.search(text)


# A quality sought, leading a statement with no verb: "Easier contribution to WPT", "Simpler
# onboarding" (after a verb, "Make it easier to import X" is read as the work that does it).
_BETTER_LEAD = re.compile(
    r"(?:easier|simpler|smoother|clearer|safer|stronger|healthier|happier|smarter|richer|"
    r"broader|wider|deeper|cleaner|steadier)\s"
)
# (and "is being used", and its slip "is being using": "`go-ipld-prime` is being using by ipfs")
_USED = re.compile(
    r"[^,.;:]{1,60}?\b(?:is|are)\s+(?:being\s+us(?:ed|ing)|used)\s+(?:at|by|in|across|for)\b"
)


def _capability(low: str) -> bool:
    """Whether lower-cased *low* says what people other than the team can do, other than
    know or feel: a capability built for them, done or not ("Developers can author new
    tutorials", "Users can learn more about the node they run"; not "Users can understand
    it", D18)."""
    lead = _PEOPLE_LEAD.match(low)
    if lead is None or not low.startswith(("can ", "are able to ", "will be able to "), lead.end()):
        return False
    more = COMPARATIVE.search(low, lead.end())
    if more is not None and not low.startswith((" about", " of"), more.end()):
        # "Users can do common tasks in less time", "Reps can close more deals": a metric
        # moved, an outcome ("Users can learn more about X" is what they can do)
        return False
    return _MIND.match(low, lead.end()) is None


def _of_people(low: str) -> bool:
    """Whether lower-cased *low*, with no number and no verb that says a way, states what
    people other than the team know, feel or do of their own accord ("Users understand how
    Peerpad works", "AEs feel comfortable ...", "Sourcegraph users provide feedback", "The
    app is used at every meeting"): an outcome (D18), not a thing delivered.  What they
    "can" do, other than know, is a capability built ("Users can export their data")."""
    if _USED.match(low):
        return True
    group = _GROUP_MIND.match(low)
    if group is not None and _MIND.match(low, group.end()):
        return True
    lead = _PEOPLE_LEAD.match(low)
    if lead is None:
        return False
    if _MIND.match(low, lead.end()):
        return True
    people = low[: lead.end()].rstrip()
    verb = _WORD.match(low, lead.end())
    if verb is None or not people.endswith(("s", "people")):
        return False  # a plural's present: "users provide feedback", not "User onboarding"
    word = verb[0]
    if word == "are":
        verb = _WORD.match(low, verb.end() + 1)  # "analysts are distributing reports"
        return verb is not None and verb[0].endswith("ing") and _verb_word(verb[0])[0] is not None
    lemma = _verb_word(word)[0] if word not in _MODAL and word not in STOP else None
    return lemma == word  # a verb's present: their own doing


# What names a measure at the head of a bare metric: "% monthly projects with ...", "Number
# of contributors", "Average product types per project".
_MEASURE_HEAD = re.compile(
    r"\W*(?:%|#\s*of\b|(?:the\s+)?(?:percentage|percent|share|proportion|number|count|"
    r"amount|total|rate)\s+of\b|(?:(?:daily|weekly|monthly|quarterly|yearly|annual)\s+)?"
    r"(?:average|mean|median)\b)"
)


_VAGUE_COUNT = re.compile(r"\s*(?:multiple|several|many|numerous)\s+[^\W\d_]+s\b")
_TIME = re.compile(r"\btimes?\b")
_CLAUSE_WORDS = frozenset(("can", "will", "should", "must", "exist", "exists", "not"))
_CLAUSE_END = re.compile(r"[,;:(–—]|\s-\s|\.(?:\s|$)")


_PHRASE_END = re.compile(r"[,(;:]|\s(?:of|for|in|on|with|to|per|at|by|from|e\.g)\b")


def _named_thing(name: str) -> bool:
    """Whether *name*, a bare name with no verb and no number, one of whose words has a way
    to be better, names a thing made (a feature, a report, a team) all the same: its head,
    the last word, is no metric's (no polarity, no measure: "Trusted Activation Triggers",
    "Setup Customer Success Process and Team"), where a metric's head is ("Code health",
    "Ticket volume", "Developer productivity")."""
    # The head of the first noun phrase: before a comma, a bracket or a preposition ("Small
    # backlog of issues", "Mean time to repair, e.g. ...").
    phrase = _PHRASE_END.split(name, maxsplit=1)[0]
    words = _WORD.findall(phrase)
    if len(words) < 2 or _verb_word(words[0])[0] == words[0]:
        return False  # a verb's base form first: "Make customers happier" moves a metric
    head = words[-1]
    return (
        polarity(head) is None
        and not lower_is_better(head)
        and head not in COMPOUND
        and head.rstrip("s") not in COMPOUND
    )


def _thing_got(rest: str, *, gathered: bool) -> bool:
    """Whether *rest*, what a verb of reaching takes with no number, is a thing a team makes
    (`_is_made`: "churn reports for each region", "region-level error-type breakdowns
    queryable from ...") or, after a verb of gathering, gathers ("error logs", "data on
    margin usage"): done or not, whatever a word before its head says.  Not a metric ("Get
    churn numbers down", "Drive cost savings", "Hit sales quota"), nor more or better of a
    thing ("Get more feedback", "Collect higher quality data"): its noun phrase ends at the
    first little word, mark or adverb ("Drive adoption across teams")."""
    words = []
    for word in _WORD.findall(_PHRASE_END.split(rest, maxsplit=1)[0].lower()):
        if word in _MORE_OF_IT or word in _NOT_A_HEAD:
            return False  # "Get more feedback", "Get flaky tests down": a count moved
        if word in STOP or (len(word) > 4 and word.endswith("ly") and word not in HOW_OFTEN):
            break  # (but how often before the noun: "Generate weekly churn reports")
        words.append(word)
    while words and words[-1].endswith(("able", "ible")):
        words.pop()  # an adjective after its head: "breakdowns queryable"
    if not words:
        return False
    head = words[-1]
    return _is_made(head) or (gathered and head in _GATHERED)


# What a verb of gathering gets, done or not, whatever it is about: "Collect data on X".
_GATHERED = frozenset(("data", "feedback", "input", "insights", "logs", "evidence"))
# Words after the things that say they are moved: "Get flaky tests down", "under control".
_NOT_A_HEAD = frozenset(("down", "up", "under", "back", "out", "off", "beyond", "to"))
# Words that ask for more or better of a thing, a change sought: "Get more feedback".
_MORE_OF_IT = frozenset(
    ("more", "higher", "lower", "better", "fewer", "less", "greater", "faster", "stronger",
     "bigger", "smaller", "larger", "worse", "quicker", "cheaper", "improved", "increased")
)  # fmt: skip


def _modified_thing(name: str) -> bool:
    """Whether *name* names a thing whose way to be better its head says, the word before
    it naming a metric on its own ("compiler *error* messages", "*bug* triage"), not one
    that with the head names a metric ("memory usage", "error rate")."""
    if not _named_thing(name):
        return False
    words = _WORD.findall(_PHRASE_END.split(name, maxsplit=1)[0])
    return (
        len(words) >= 2
        and polarity(words[-2].lower()) is not None
        # the metric's own values, under another name: "p99 latency numbers", "churn stats"
        and words[-1].lower() not in _VALUES_OF
    )


_VALUES_OF = frozenset(
    ("numbers", "figures", "trends", "trend", "stats", "statistics", "metrics", "levels",
     "values", "results", "scores", "data", "rates", "counts", "totals")
)  # fmt: skip


def _bare(low: str) -> str | None:
    """The metric lower-cased *low* names alone, in its first few words and with no verb:
    "App load time", "Number of incidents, e.g. ..."; None for "Error handling is done
    correctly" or "Re-organizing and iterating on the current docs"."""
    end = _CLAUSE_END.search(low)
    name = low if end is None else low[: end.start()]
    words = _WORD.findall(name)
    if len(words) > 6 or any(
        word in STATE_VERBS
        or word in _CLAUSE_WORDS
        or (word.endswith(("ed", "ing")) and word != words[0] and _verb_word(word)[0] is not None)
        or (word.endswith("ing") and len(words) > 1 and words[1] in STOP)
        for word in words
    ):
        return None
    return name


def _without_verb(text: str, value: Token, *, own: bool, lower: bool) -> Direction | None:
    """The direction of a number no verb governs: a zero is a ceiling; a count of the team's
    own work goes up (D2); else a level to hold, which way `_metric_way` says: a share of
    things meeting a condition (D15: "100% of payments processed") or a metric better high
    is a floor, a metric better low or a time taken ("Onboarding in 3 days") a ceiling; with
    no polarity, an amount of money, a share or a count of what others do or have is a floor
    ("10K monthly active users"), and so is a bare number after a name, a score or an index
    ("Lighthouse 95"), and so is a count of things named before it ("Likes: 800", "Sessions
    12": D2), unless the words name metrics of both ways."""
    if value.value == 0 or _ceiling_after(text, value):
        return Direction.AT_MOST  # "Zero P1 incidents", "5 hires or fewer in G&A"
    if own:
        return Direction.INCREASE
    way = _metric_way(text, value, lower)
    if way == "lower":
        return Direction.AT_MOST
    if way == "higher" or value.unit in _SHARE_OR_MONEY or value.noun is not None:
        return Direction.AT_LEAST
    if value.unit is None and not lower:
        if _plural_before(text, value) is not None:
            return Direction.AT_LEAST  # "Likes: 800", "Sessions 12": a count of others' (D2)
        if _DONE_AFTER.match(text, value.end):
            return Direction.MILESTONE  # "multistream 2.0 is implemented": a name, done or not
        return Direction.AT_LEAST
    return None


# Events named by hours: "Host 12 happy hours", "Run 6 office hours" (no time).
_EVENT_HOURS = re.compile(r"\b(?:happy|office|open)\s+hours$", re.IGNORECASE)
# A ceiling written after the things counted: "3 regretted hires or fewer", "5 hires max".
_CEILING_AFTER = re.compile(
    r"\s*(?:or\s+(?:fewer|less|lower|below|under)|at\s+(?:the\s+)?most|max(?:imum)?)\b",
    re.IGNORECASE,
)


def _ceiling_after(text: str, value: Token) -> bool:
    """Whether a ceiling follows the things the count *value* counts, right after them."""
    return value.noun is not None and _CEILING_AFTER.match(text, value.noun[1]) is not None


# A plural noun right before a number: "Sessions 12".
_PLURAL_BEFORE = re.compile(r"(?<![^\W\d_])[^\W\d_]{2,}[^\W\ds_]s\s*:?\s*$")


def _plural_before(text: str, value: Token) -> re.Match[str] | None:
    """The plural noun right before the number *value* ("Sessions 12", "Likes: 800"), looked
    for in the word before it only (searched from every letter of a long word, the pattern
    took time in the square of its length)."""
    return _PLURAL_BEFORE.search(text, max(0, value.start - 40), value.start)


# A predicate of something done, right after a number: "2.0 is implemented", "v3 gets shipped".
_DONE_AFTER = re.compile(
    r"\s+(?:is|are|was|were|has\s+been|have\s+been|gets?|got)\s+(?:[^\W\d_]+ly\s+)?"
    r"(?:[^\W\d_]+ed|done|built|live)\b",
    re.IGNORECASE,
)


_MEASURED_BY = re.compile(
    r"\b(?:measured|indicated|evidenced|shown|tracked)\s+(?:by|through|via)\b", re.IGNORECASE
)
# The words after "no" that make it a bound, not none: "no more than 3", "no higher than".
_NO_BOUND = (
    r"more|less|fewer|later|longer|than|lower|higher|greater|worse|better|shorter|earlier|"
    r"sooner|faster|slower|bigger|smaller"
)
_NONE = re.compile(
    # (past a link's or a name's brackets and emphasis, blanked inside: "No [`gitter.im`](...)
    # downtime")
    rf"\s*(?:no|none\s+of(?:\s+the)?)\s+[\s\[\]*_`]*(?!(?:{_NO_BOUND})\b)"
    r"[^\W\d_]|\s*(?:nobody|no[-‐‑–—]one)\b|"
    r".*?\b(?:(?:does|do|did)(?:n['’]t|\s+not)\s+have|(?:has|have)\s+no|"
    # a subject's verb, then none of its object: "BGPT causes no P1 regressions", "The
    # migration lost no data" (not "Response time for tickets no higher than 2 hours")
    rf"[^\W\d_]{{2,}}(?:s|ed)\s+no(?!\s+(?:{_NO_BOUND}|one)\b)(?=\s+[^\W\d_]))\b",
    re.IGNORECASE,
)


_NO_LEAD = re.compile(r"\s*(?:no|none\s+of)\s|\s*(?:nobody|no[-‐‑–—]one)\b", re.IGNORECASE)


def _none(w: str) -> bool:
    """Whether masked text *w*, with no verb to govern it, says none of something: "No orders
    fail at checkout", "go-ipfs doesn't have checked-in paths", "BGPT causes no P1
    regressions" (not "No more than 3", "takes no longer than a day")."""
    return _NONE.match(w) is not None


def _verbless_guess(
    text: str, direction: Direction, value: Token | None, *, own: bool, zero: bool
) -> str | None:
    """What a statement no verb governs was read as, where it could be read another way."""
    if zero or (
        value is not None
        and (value.qualifier or value.sign or value.unit == "x" or value.value == 0)
    ):
        return None  # "No orders fail", "NPS > 50", "+20%", "3x", "Zero P1s": words say it
    if (had := _ENSURED_HAVE.match(text)) is not None:
        # "Make sure we have a clear on-call process": a verb, whose object is read
        lead = text[: had.end()].strip()
        what = (
            "a deliverable, done or not"
            if direction is Direction.MILESTONE
            else "a metric's level to hold"
        )
        return f"{lead!r} with no number: read as what is to be had, {what}"
    if direction is Direction.MILESTONE:
        if value is not None:
            number = text[value.start : value.end].strip()
            return f"no verb: read as a deliverable done or not, {number!r} as part of its name"
        return "no verb and no number: read as a deliverable, done or not"
    if direction in (Direction.INCREASE, Direction.DECREASE) and value is None:
        return None  # "Lead time is shorter": a comparative says it
    if value is None:
        way = "at least" if direction is Direction.AT_LEAST else "at most"
        return f"no verb and no number: read as a metric to hold, {way} where it is"
    count = text[value.start : value.noun[1] if value.noun else value.end].strip()
    if own:
        return (
            f"{count!r} with no verb: read as the team's own "
            "work to increase; it could be a level to hold"
        )
    plural = _plural_before(text, value)
    if direction is Direction.AT_LEAST and (value.noun is not None or plural is not None):
        if value.noun is None and plural is not None:
            count = text[plural.start() : value.end].strip()  # "Likes: 800"
        return (
            f"{count!r} with no verb: read as a count of what "
            "others do or have, at least; it could be the team's own work to increase"
        )
    if direction in (Direction.AT_LEAST, Direction.AT_MOST):
        way = "at least" if direction is Direction.AT_LEAST else "at most"
        return f"no verb: read as {way}, from what is better for the metric"
    return None


_SHARE_OR_MONEY = MONEY | {"%"}


def _adds_own_work(lemma: str, value: Token | None, text: str) -> bool:
    """Whether "Add N X" adds to the team's own work (D1): X is no metric ("Add 2 backend
    developers", "Add 1 new content type"), unlike "Add 200 paying customers" or "$1M ARR"."""
    if lemma not in DELIVER_UNLESS_COUNTED or value is None or value.noun is None:
        return False
    return polarity(text[value.start : value.noun[1]].lower()) is None


def _ramps_people(lemma: str, value: Token | None) -> bool:
    """Whether "Ramp N X" ramps people the team took on, its own work as "6 SDRs ramped" is
    ("Ramp 6 new SDRs", "Ramp up 4 AEs"; not a level ramped to: "Ramp spend to $2M")."""
    return (
        lemma == "ramp"
        and value is not None
        and value.noun is not None
        and value.unit is None
        and (value.prep is None or (value.prep == "by" and value.change == "up"))  # "up 4 AEs"
    )


def _reaches_made(lemma: str, value: Token | None, text: str) -> bool:
    """Whether a verb of reaching takes a count of things the team makes right after it,
    its own work ("Generate 3 step-by-step guides", "Land 8 code-cleanup CLs"), unlike
    what it gets from others ("Generate 500 leads", "Land 3 customers")."""
    if lemma not in _PRODUCE or value is None or value.prep is not None:
        return False
    return _right_after(text, lemma, value) and _counts_things_made(text, value)


def _moves_things(lemma: str, value: Token | None, text: str) -> bool:
    """Whether "Move N X to Y" moves things somewhere, the team's own work as "Migrate" is
    ("Move 100% of cron jobs to Airflow 2", "Move 25 TB of data to cold storage"), not a
    metric moved to a level ("Move NPS to 40", "Move 30% of spend to 40%")."""
    if (
        lemma != "move"
        or value is None
        or value.value is None
        or not _right_after(text, lemma, value)
    ):
        return False
    place = _MOVED_TO.search(text, value.end)
    if place is None or place[1][0].isdigit():
        return False
    # Data and systems moved are work done; people, accounts or deals moved to a stage, a
    # tier or a level are an outcome ("Move 500 customers to the enterprise tier", "Move 5
    # reps to quota", "Move 70% of students to grade level")
    moved = _MOVED_THINGS.search(text, value.start, place.start())
    return value.unit in _DATA_SIZES or moved is not None


# Where things are moved: "to cold storage", "onto the new platform" (not "to 40%").
_MOVED_TO = re.compile(
    rf"\s(?:to|into|onto)\s+(?:the\s+|a\s+|our\s+)?([^\s{SIGNS}]+)", re.IGNORECASE
)
# What a team moves itself: data and the systems that hold or run it.
_MOVED_THINGS = re.compile(
    r"\b(?:jobs|data|tables|datasets|workloads|services|apps|applications|pipelines|repos|"
    r"repositories|servers|vms|databases|dashboards|reports|tests|traffic|queries|models|files|"
    r"documents|pages|systems|clusters|instances|containers|endpoints|apis|dags|scripts|"
    r"storage|backups|buckets|logs|records|mailboxes|infrastructure)\b",
    re.IGNORECASE,
)
_DATA_SIZES = frozenset(("GB", "TB", "MB", "PB"))


# Verbs of reaching that also say a thing is made or merged: "Generate 3 guides", "Land 8 CLs"
# (not "get", which obtains what others make as often: "Get 10 guest posts").
_PRODUCE = frozenset(("generate", "land"))


def _handles_faults(lemma: str, value: Token | None, text: str) -> bool:
    """Whether "Close N X" counts faults or requests the team works off, its own work
    ("Close 120 bugs", "Resolve 500 support tickets", "Resolve 40 privacy requests"), unlike
    what it wins ("Close 40 deals") or a metric better high."""
    if lemma not in _HANDLE or value is None or value.noun is None:
        return False
    if not _right_after(text, lemma, value):
        return False
    head = text[value.noun[0] : value.noun[1]].lower()
    return head in _WORKED or polarity(text[value.start : value.noun[1]].lower()) == "lower"


# What a verb of handling works off, rather than wins ("Close 40 deals", "10 renewals"):
# faults, which are better few, and requests.
_WORKED = frozenset(
    ("requests", "tickets", "questions", "applications", "issues", "cases", "findings",
     "inquiries", "enquiries", "queries", "complaints", "claims", "reviews", "alerts")
)  # fmt: skip


# Verbs of gathering what others give: "Get feedback from 5 users", "Secure letters of
# support from 6 schools".
_GATHER = frozenset(
    ("get", "gain", "collect", "gather", "obtain", "secure", "solicit", "receive", "seek")
)


# Verbs of reaching that make or gather a thing ("Generate churn reports", "Collect error
# logs"; not "Drive sales meetings", "Hit sales quota", which reach a level of something).
_MAKE_OR_GATHER = _GATHER | frozenset(("generate", "produce", "land", "compile", "capture"))
# What a team gathers from people, which tells it something: "feedback", "letters of support".
_TOLD = re.compile(
    r"\b(?:feedback|input|insights?|quotes?|testimonials?|letters?|nominations?|endorsements?|"
    r"approvals?|sign-?offs?|signatures?|ideas|suggestions|comments|opinions|interviews)\b"
)


def _gathered(lemma: str, value: Token | None, text: str) -> bool:
    """Whether the count *value* is of those the team gathers what tells it something from,
    which is its own work ("Get feedback on the prototype from 5 users", "Collect quotes from
    3 suppliers"), not of what it gets ("Get 500 sign-ups from the campaign", "Get purchases
    from 300 customers") nor a metric's baseline ("Get NPS from 30 to 50")."""
    if lemma not in _GATHER or value is None or value.prep != "from" or value.noun is None:
        return False
    begin = _verb_end(text.lower(), lemma)
    thing = text[begin : value.start].lower() if begin is not None else ""
    return _TOLD.search(thing) is not None and polarity(thing) is None


def _own_work(w: str, value: Token | None, *, baseline: bool = False) -> bool:
    """Whether the count *value* is of the team's own work: a noun after it is followed by
    the past participle of an activity verb ("12 case studies published", "3 engineers
    hired"), or money by that of raising, securing or closing ("$2M raised", "€150k in
    grants secured", D2); not preceded by one ("10 confirmed decisions"), nor done by others
    ("1,000 projects created by the community"), nor a metric's money ("$1.5M in new ARR
    closed"); or it counts what a deliverable named before it covers (`_covered`)."""
    money = value is not None and value.unit in MONEY
    if (
        value is not None
        and value.prep == "="
        and value.unit is None
        and value.value is not None
        and value.value < _MADE_AT_MOST
        and (":" in w or "=" in w)
        and (cadence := _CADENCE_LABEL.search(w, 0, value.start)) is not None
        and _is_made(cadence["thing"].lower())
    ):
        return True  # "Episodes per week: 5": the things a team makes, at a pace (D2)
    if (
        money
        and value.prep == "="  # type: ignore[union-attr]
        and (":" in w or "=" in w)
        and (label := _DONE_LABEL.search(w, 0, value.start)) is not None  # type: ignore[union-attr]
        and label["done"].lower() in ("raised", "secured")
        and polarity(label["thing"].lower()) is None
        and value.value is not None  # type: ignore[union-attr]
        and value.value >= _FUNDS_AT_LEAST  # type: ignore[union-attr]
    ):
        return True  # "Funds raised: $1.2M", as "$1.2M raised" says it (D2)
    if (
        value is not None
        and value.prep == "="
        and value.unit is None
        and (":" in w or "=" in w)
        and (label := _DONE_LABEL.search(w, 0, value.start)) is not None
    ):
        # "Papers submitted: 8", "Workshops delivered: 10": the label says the work done,
        # on things a team makes or people it takes on (not "Accounts created: 1,000",
        # others' doing, nor "Bugs shipped: 3", unwanted)
        done = label["done"].lower()
        return _work_on(
            VERBS.get(done) or _WORK_DONE.get(done),
            label["thing"].lower(),
            # (a thousand and more no team makes: "Courses completed: 2,000", learners')
            few=value.value is not None and value.value < _MADE_AT_MOST,
        )
    if (
        value is not None
        and value.prep == "="
        and value.noun is None
        and value.unit is None
        and value.value is not None
        and value.value < _MADE_AT_MOST
        and (label := _THING_LABEL.search(w, 0, value.start)) is not None
        and (after := _PARTICIPLE_AFTER.match(w, value.end)) is not None
    ):
        # "Kaizen events: 24 completed", "Workshops: 10 delivered": the label's things, then
        # the work done on them, as "24 Kaizen events completed" says it (D2)
        return _work_on(VERBS.get(after[1].lower()), label["thing"].lower(), few=True)
    if value is None or value.value is None or (value.noun is None and not money):
        return False
    if _covered(w, value):
        return True
    made = (
        # "Events: 6 webinars": after a label, its own noun (not "Backlog: 40 proposals")
        (value.prep is None or (value.prep == "=" and _neutral_label(w, value)))
        and not baseline  # "12 tools (currently 30)": a level to move to, fewer here
        and _counts_things_made(w, value)
        # "The support team has 8 tutorials": what it has, a level (but "Have 4 meetings"
        # leading a statement bids the team hold them, as "Hold 4 meetings" does)
        and not _has_them(w, value)
    )
    noun = False
    at = value.end
    for _ in range(6):
        m = _WORD.search(w, at)
        if m is None:
            break
        at = m.end()
        if noun and (period := PER_PERIOD.match(w, m.start())):
            at = period.end()  # "1 talk a month given", "3 meetups a quarter hosted by us"
            continue
        word = m[0].lower()
        found = VERBS.get(word) or _WORK_DONE.get(word)
        if found is not None and (
            (word != found[1] and word[-1] in "dn")
            # (not "made": "10 decisions made" are no work on things made)
            or (word in DONE_IRREGULAR and word != "made" and not money)
        ):
            return (
                (noun or money)  # "$2M raised" names no noun: the money is the thing
                and (
                    found[0] == "out"
                    or found[1] == "add"
                    or (
                        money
                        and (found[0] == "reach" or found[1] == "raise")
                        # "$1.5M in new ARR closed": a metric's money, an outcome
                        and polarity(w[value.end : m.start()].lower()) is None
                    )
                )
                and not _BY_OTHERS.match(w, m.end())
                and not (found[1] in _BUILT_WITH and _ON_A_PLATFORM.match(w, m.end()))
            )
        if (noun or money) and word in _PASSIVE_AUX:
            continue  # "3 engineers are hired" is "3 engineers hired"
        if money and word in ("in", "of") and not noun:
            continue  # "€150k in research grants secured"
        if word in STATE_VERBS:
            return False  # "5 people have reviewed"
        if word in STOP:
            # "95% of orders shipped"; "5 blog posts by the community" are others' work
            return made and word != "of" and not _MADE_BY.match(w, m.start() - 1)
        if (
            made
            and noun
            and (word in _DONE_WITH or (word.endswith("ing") and _verb_word(word)[0] is not None))
        ):
            # "3 tests failing": what the things do; "10 posts linked with the tag", "5
            # guides used by the field teams": what others do with them, not that they are made
            return False
        noun = True
    return made


# Things others make with what a team offers, counted: "50 apps built on the platform",
# "3,000 contracts deployed on mainnet", "20 polls created outside of Status", "25
# integrations built using our SDK".
_BUILT_WITH = frozenset(("build", "create", "develop", "deploy", "make"))
# (but what a team makes with a tool is its own: "4 prototypes built with Figma")
_ON_A_PLATFORM = re.compile(
    r"\s+(?:outside|on|atop)\b|\s+(?:with|using|in)\s+(?:top\s+of\s+)?our\b", re.IGNORECASE
)


def _work_on(found: tuple[str, str] | None, thing: str, *, few: bool) -> bool:
    """Whether a label's *thing* (lower case), with the verb *found* (its kind and lemma)
    done to it, counts the team's own work: work that makes or adds, on things a team makes
    (if *few* enough of them) or on people it takes on, and nothing unwanted ("Bugs shipped")."""
    return (
        found is not None
        and (found[0] == "out" or found[1] == "add")
        and ((_is_made(thing) and few) or found[1] in _PEOPLE_WORK)
        and polarity(thing) != "lower"
    )


# Participles of work that are no verbs of a statement's own, being nouns and adjectives as
# often when they lead ("Source of truth adopted by 5 teams", "Match rate above 90%"): work
# done only after the things counted, as recruiting and mentoring teams count it ("300
# candidates sourced", "120 mentor/mentee pairs matched").
_WORK_DONE = {
    "sourced": ("out", "source"),
    "matched": ("out", "match"),
    # and what a team revises: "12 SOPs revised" (not "filed" or "initiated", which others
    # do as often: "40 complaints filed", "500 returns initiated")
    "revised": ("out", "revise"),
    # and people a team took on brought up to speed: "6 outbound SDRs ramped" (the verb's
    # own "ramp" is one of change: "ramp up")
    "ramped": ("out", "ramp"),
}
# A label naming things, then their count: "Kaizen events: 24 completed"; and the participle
# of the work done on them after the count.
_THING_LABEL = re.compile(
    r"(?:^|[;,.(]\s*)(?:[^\W\d_][\w-]*\s+){0,2}?(?P<thing>[^\W\d_][\w-]*)\s*:\s*$"
)
_PARTICIPLE_AFTER = re.compile(rf"\s+({DONE_WORD})\b")
# A label naming things and a pace, then their count: "Episodes per week: 5".
_CADENCE_LABEL = re.compile(
    r"(?:^|[:;,.(]\s*)(?P<thing>[^\W\d_]+)\s+(?:[^\W\d_]+(?:ed|en)\s+)?"
    r"(?:per|a|each|every)\s+(?:day|week|month|quarter|sprint)\s*[:=]\s*$",
    re.IGNORECASE,
)
# A label naming things and the work done on them, then their count: "Papers submitted: 8".
_DONE_LABEL = re.compile(
    r"(?:^|[:;,.(]\s*)(?:[^\W\d_]+\s+){0,2}?(?P<thing>[^\W\d_]+)\s+"
    rf"(?P<done>{DONE_WORD})\s*[:=]\s*$"
)
# Work on people a team takes on or reaches out to: "Volunteers recruited: 20".
_PEOPLE_WORK = _STAFF | frozenset(
    (
        "train",
        "contact",
        "identify",
        "approach",
        "mentor",
        "coach",
        "interview",
        "certify",
        "source",
    )
)
# What others do with things made, after their count: "10 posts linked with the tag".
_DONE_WITH = frozenset(
    ("used", "viewed", "read", "downloaded", "installed", "adopted", "shared", "linked",
     "cited", "liked", "starred", "forked", "visited", "watched", "opened", "clicked",
     "attended", "consumed", "referenced", "tagged", "mentioned", "reused", "rated",
     "bookmarked", "subscribed", "followed", "reposted", "retweeted", "played", "requested",
     "ordered", "purchased", "bought", "received", "renewed", "sold", "streamed", "ingested",
     "fired", "triggered", "reverted", "rejected", "cancelled", "canceled", "failed",
     "rolled", "processed", "logged", "detected", "broken")
)  # fmt: skip


# A verb of being or having right before a count: "has 8 tutorials", "are 3 guides".
_STATE_BEFORE = re.compile(r"\b(?:is|are|was|were|has|have|had)\s+$", re.IGNORECASE)


def _has_them(w: str, value: Token) -> bool:
    """Whether a verb of being or having right before the count *value* in masked text *w*
    says what something is or has, a level ("The team has 8 tutorials"), not an imperative
    "Have" leading the statement ("Have 4 meetings with members")."""
    state = _STATE_BEFORE.search(w, max(0, value.start - 12), value.start)
    return state is not None and (
        state[0][:4].lower() != "have" or bool(w[: state.start()].strip())
    )


# How many things made a count of stays below: a team makes "5 blog posts", not "1M events".
_MADE_AT_MOST = 1000
# Who makes things that are not the team's, after the things: "5 posts by the community",
# "20 PRs from external contributors" (not "3 tutorials by Friday", a deadline).
_OUTSIDERS = (
    r"community|communities|users?|customers?|clients?|contributors?|partners?|members?|"
    r"visitors?|readers?|students?|fans?|creators?|authors?|guests?|volunteers?|"
    r"third[- ]part(?:y|ies)|others|outsiders|vendors?|developers?|the\s+public|"
    r"regulators?|auditors?|residents?|citizens?|respondents?"
)
_MADE_BY = re.compile(
    rf"\s+(?:by|from)\s+(?:(?:the|our|external|outside|other|beta|new|early|top|\d+)\s+)*"
    rf"(?:[^\W\d_]+\s+)?(?:{_OUTSIDERS})\b",
    re.IGNORECASE,
)
# Words before the things that make them others' or unwanted, or things in use rather than
# made: "20 community tutorials", "100 third-party plugins", "3 flaky tests", "50 open PRs",
# "200 active integrations".
_NOT_MADE_BY_TEAM = re.compile(
    r"\b(?:community|communities|third[- ]party|user-generated|partner-hosted|community-led|"
    r"forum|guest|external|abuse|"
    r"fail(?:ing|ed)|flaky|broken|outdated|stale|open|legacy|untested|noisy|late|rejected|"
    r"cancell?ed|reverted|vulnerable|duplicated?|orphaned|unused|deprecated|unplanned|"
    r"active|live|existing|installed|current|rollbacks?|rolled-back)\b"
)


def _neutral_label(w: str, value: Token) -> bool:
    """Whether the label before *value* ("Events: 6 webinars") names nothing unwanted, no
    metric and no one else's doing ("Backlog: 40 proposals", "Community engagement: 500
    posts", "Rollbacks: 0 releases" are levels)."""
    colon = w.rfind(":", max(0, value.start - 60), value.start)
    label = w[max(0, value.start - 60) : colon if colon >= 0 else value.start].lower()
    return (
        polarity(label) is None
        and not lower_is_better(label)
        and _NOT_MADE_BY_TEAM.search(label) is None
        and _OUTSIDER_WORD.search(label) is None
    )


_OUTSIDER_WORD = re.compile(rf"\b(?:{_OUTSIDERS}|engagement)\b")


def _made_by_team(between: str) -> bool:
    """Whether the words *between* a count and the things it counts leave them the team's
    making: no maker, no unwanted state and no metric better low names them."""
    return not between.strip() or (
        _NOT_MADE_BY_TEAM.search(between) is None and not lower_is_better(between)
    )


# Money a company raises: "Series B", "a seed extension", "venture debt".
_FUNDING = re.compile(
    r"\s*(?:in\s+|of\s+)?(?:(?:a|an|the|our|new)\s+)?"
    r"(?:(?:(?:investor|venture|angel|strategic|seed|bridge|grant|donor|philanthropic|pre-seed|"
    r"series\s+[a-h])\s+)?"
    r"(?:series|seed|round|funding|financing|extension|capital|investment|raise|debt|"
    r"grants?|commitments?|pledges?|donations?)"
    # (or what it is for or from, before a word of giving: "in external research funding",
    # "Horizon Europe grant", "in alumni contributions"; not a buyer's)
    r"|(?:(?!(?:customers?|clients?|sales|purchases?|partners?|contracts?|enterprise|"
    r"commercial|more)\b)[^\W\d_][\w-]*\s+){1,3}?"
    r"(?:funding|financing|grants?|donations?|contributions?|gifts?|endowment)"
    r"|(?:contributions?|gifts?|endowment)"
    # (a charity's money free of a donor's terms: "in unrestricted revenue")
    r"|unrestricted\s+(?:revenue|income|funds?|funding|giving|gifts?))\b"
    r"(?!\s+(?:accounts?|products?|loans?))",
    re.IGNORECASE,
)
# Those who give money, after "from": "Raise £1.2m from trusts and foundations", "Raise $1M
# from 500 donors" (not from customers or partners, who buy: revenue).
_GIVERS = re.compile(
    r"\s*(?:in\s+[^\W\d_]+\s+)?from\s+(?:[\d,.]+[kKmM]?\s+)?(?:(?:the|our|new|existing|individual|"
    r"major|mid-level|corporate|private|institutional|local|regional|national|international|"
    r"recurring|monthly|regular|first-time|lapsed|high-net-worth|family|community|"
    r"philanthropic|charitable)\s+){0,2}"
    r"(?:donors?|givers?|supporters?|funders?|trusts?|foundations?|sponsors?|philanthropists?|"
    r"benefactors?|alumni|individuals|corporates|corporations|members|the\s+public|government|"
    r"councils?|lotter(?:y|ies))\b",
    re.IGNORECASE,
)
# Money raised is more than this: "Raise $10 per seat" raises a price.
_FUNDS_AT_LEAST = 10_000


def _raises_funds(lemma: str, value: Token | None, w: str) -> bool:
    """Whether the statement raises money for the company, its own work as "$3M raised" is
    (D2): "Raise a $6M seed extension", "Close $20M Series B" (not "Close $2M in new ARR",
    won from customers)."""
    if (
        lemma not in _FUNDS
        or value is None
        or value.unit not in MONEY
        or value.value is None
        or value.value < _FUNDS_AT_LEAST
    ):
        return False
    begin = _verb_end(w.lower(), lemma)
    if begin is None or value.start - begin > 12:
        return False  # "Raise average revenue per user to $40": a metric between
    if _FUNDING.match(w, value.end) is not None or _GIVERS.match(w, value.end) is not None:
        return True
    # "Raise $2M", but not "Raise $500K in new ARR": nothing after it names a metric
    after = w[value.end : value.end + 40].lower()
    return (
        lemma == "raise"
        and not w[begin : value.start].strip()
        and polarity(after) is None
        and not higher_is_better(after)
        and " per " not in f" {after}"
    )


_FUNDS = frozenset(("raise", "close", "secure", "land", "collect"))
_MORE_NEXT = re.compile(r"\s*more\b", re.IGNORECASE)


def _averages_work(lemma: str, value: Token | None, w: str) -> bool:
    """Whether "Average N X" is a cadence of the team's own work: X is a thing it makes
    ("Average 3 posts/day", D14), not others' doing ("Average 700 sign-ups a week")."""
    return (
        lemma == "average"
        and value is not None
        and value.noun is not None
        and _counts_things_made(w, value)
        # "Average 5 articles read per visit", "... in the community forum": others' doing
        and _USERS_DO.match(w, value.noun[1]) is None
    )


# After things counted: what others do with them, or whose they are ("read per visit",
# "per user", "in the community forum").
_USERS_DO = re.compile(
    r"\s+(?:(?:"
    + "|".join(sorted(_DONE_WITH | {"completed", "seen", "taken", "submitted"}))
    + r")\b|per\s+(?:visit|session|user|learner|member|customer|visitor|reader|student)\b|"
    r"(?:per\s+day\s+)?(?:in|on|from)\s+(?:the\s+)?(?:community|forum))",
    re.IGNORECASE,
)


def _counts_things_made(w: str, value: Token) -> bool:
    """Whether the count *value* is of things a team makes, by itself: its noun names one
    (`MADE`), no word between names a maker, an unwanted state or a metric better low, and
    there are fewer than a thousand ("1M events per day" no team makes)."""
    noun = value.noun
    return (
        noun is not None
        and value.value is not None
        and value.value < _MADE_AT_MOST
        and _is_made(w[noun[0] : noun[1]].lower())
        and _made_by_team(w[value.end : noun[0]].lower())
    )


def _is_made(word: str) -> bool:
    """Whether lower-case *word* names a thing a team makes (`MADE`), singular or plural."""
    if word in MADE:
        return True
    if word.endswith("ies"):
        return word[:-3] + "y" in MADE
    return word.endswith("s") and (word[:-1] in MADE or (word.endswith("es") and word[:-2] in MADE))


# A deliverable, then what it covers: "Dashboards for 4 business units", "Alt text on 300
# images", "API reference translated into 4 languages", "Marketing partnerships with 3
# organizations" (but a bare plural before "with" or "to" names a population and its property
# as often: "Accounts with 10+ seats", "Upgrades to 200 accounts"; and "across" what is spread,
# "Downloads across 3 platforms").
_COVERS = re.compile(
    r"\s*(?P<head>[^\W\d_][\w'’/&.-]*(?:\s+[^\W\d_][\w'’/&.-]*){0,7}?)\s+"
    r"(?P<prep>for|on|into|to|with)\s+(?:(?:at\s+least|over|more\s+than|up\s+to)\s+)?$",
    re.IGNORECASE,
)
_NOT_IN_DELIVERABLE = STATE_VERBS | _MODAL | frozenset(("was", "were", "will", "can"))
# Nouns of work that take a thing to places: "rollout to 3,000 endpoints".
_WORK_NOUNS = frozenset(("rollout", "roll-out", "migration", "deployment", "installation"))


def _covered(w: str, value: Token) -> bool:
    """Whether the count *value*, with no verb before it, counts what a deliverable named
    before it covers (D2, the team's own work; the deliverable may be done: "Runbooks in
    place for 15 alerts", "Accessibility audit done on 12 core screens"): no clause comes
    before ("Teams are on 3 continents"), the words (after a label, if any) name no metric
    ("Uptime for 5 regions") nor people ("Customers on 3 plans"), and what it is "with" is no
    audience it gathers ("Discord community with 50+ members")."""
    if value.unit is not None or value.noun is None or not value.value or value.value < 0:
        return False
    # After a label, if any: "HR: leveling guides for 5 roles", "Support — 1 webinar ...".
    label = max(w.rfind(":", 0, value.start), w.rfind("—", 0, value.start))
    m = _COVERS.fullmatch(w, label + 1, value.start)
    if m is None:
        return False
    head, prep = m["head"].lower(), m["prep"].lower()
    words = _WORD.findall(head)
    return (
        # (not what others give it, an outcome: "Discord community with 50+ members", "Blog
        # with 200 subscribers", "Public repo with 100+ stars"; but "Usability tests with 12
        # users", "Workshops for 200 students" are the team's work with people it serves)
        not (prep == "with" and _AUDIENCE.fullmatch(w, *value.noun) is not None)
        # (a population's "to" or "with" after a lone plural, but not after work done:
        # "Windows 11 rollout to 3,000 endpoints")
        and (len(words) > 1 or prep not in ("with", "to") or head in _WORK_NOUNS)
        and not _NOT_IN_DELIVERABLE.intersection(words)
        and polarity(head) is None
        and not lower_is_better(head)
        and not higher_is_better(head)
        and _PEOPLE_WORD.search(head) is None
    )


_PEOPLE_WORD = re.compile(rf"\b(?:{_PEOPLE})\b")
_WITH_BEFORE = re.compile(r"\bwith\s+$", re.IGNORECASE)
# Bodies a team staffs, whose members it appoints: "an SRE team with 5 members".
_STAFFED = re.compile(
    r"\b(?:team|squad|committee|board|council|panel|task\s*force|working\s+group|crew)\b",
    re.IGNORECASE,
)
# An audience a thing made gathers, which others give it by joining, following or looking.
_AUDIENCE = re.compile(
    r"(?:page[- ])?(?:members|subscribers|followers|stars|views|viewers|likes|readers|"
    r"listeners|sign-?ups|downloads|installs)",
    re.IGNORECASE,
)


# Done by others, after a participle: "created by the community" (not "by us", "by our team",
# "by team members", "by the data team").
_BY_OTHERS = re.compile(
    r"\s+by\s+(?!(?:us|we|our|my)\b)(?![^\W\d_]+(?:\s+[^\W\d_]+)?\s+team\b|team\b)[^\W\d_]",
    re.IGNORECASE,
)


# The auxiliaries of a passive: "12 case studies are published", "2 audits get done".
_PASSIVE_AUX = frozenset(("is", "are", "was", "were", "been", "get", "gets", "got"))


def _form(kind: str, lemma: str, value: Token, start: Token | None) -> Form:
    """Whether *value* is an amount of change or a level to reach: "by" says a change, after
    a verb of change with a start too ("Increase revenue from $10k by 20%"); else a start
    says a level.  A qualifier bounds a level ("to over 50") but not a change, which it only
    bounds: "by at least 10%", "at least 6 more collaborators" are changes."""
    if value.prep == "by" and (start is None or kind in ("inc", "dec")):
        return "change"
    if value.qualifier is not None:
        # ("Add at least 3 tests": added, as "Add 3 tests" is)
        changed = value.change is not None or lemma in DELIVER_UNLESS_COUNTED
        return "change" if changed and value.prep is None else "target"
    if (
        start is not None
        and value.sign
        and not start.sign
        and value.prep is None
        and kind not in ("reach", "keep", "cap")  # "Reach NPS +30 (currently 12)": a level
    ):
        return "change"  # "eNPS +10 points (currently 22)": 10 points up from 22
    if start is not None:
        return "target"
    if value.change is not None:
        return "change"
    if value.unit == "x" and value.prep not in ("to", "of", "at", "="):
        return "change"
    if (
        value.sign
        and kind not in ("reach", "out", "keep", "cap")
        and (value.prep != "to" or (value.sign != "+" and value.unit not in _BELOW_ZERO))
    ):
        # (but "Increase NPS to +40" reaches a signed level, and so does "Reduce freezer
        # temp to -20°C"; "Cut churn to -10% vs last year", "Cut latency to -20 ms vs last
        # quarter" and "Cut spend to -$2M YoY" are still changes)
        return "change"
    if lemma in CHANGE_VERBS and value.prep is None and kind != "out":
        return "change"
    return "target"


# The units of a number signed "-" after "to" that make it a level below zero, not a change:
# temperatures (a share, a time, a count or money so signed is as often a change).
_BELOW_ZERO = frozenset(("°C", "°F"))


# After a number, what makes it a date, a time of day, a rank or a notation, not a level:
# "to 30 June", "to 06/30", "to 9:00", "to 5th", "24x7".
_NOT_A_LEVEL = re.compile(
    r"(?:st|nd|rd|th)\b|[/:.x][0-9]|\.?\s*(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|"
    r"may|june?|juni|july?|juli|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|"
    r"dec(?:ember)?)\b",
    re.IGNORECASE,
)


# A change's period between it and the level it reaches: "by 20% YoY to $12M".
_PERIOD_GAP = re.compile(
    r"\s*(?:yoy|qoq|mom|wow|[yqm]/[yqm]|(?:year|quarter|month|week)[- ]o(?:ver|n)[- ]"
    r"(?:year|quarter|month|week))\b",
    re.IGNORECASE,
)


def _past_period(w: str, end: int) -> int:
    """Where a change ending at *end* in *w* ends with its period, if one follows ("YoY")."""
    period = _PERIOD_GAP.match(w, end)
    return end if period is None else period.end()


def _bare_change(tokens: list[Token], value: Token, w: str, begin: int, *, up: bool) -> Token:
    """The change a verb of change writes bare before the level it reaches, *value*: "20%"
    in "Increase ARR 20% to $12M", "3x" in "Grow pipeline 3x to $30M", "+10" in "Increase
    NPS +10 to 50"; else *value* itself.  Unsigned, only a share or a factor of another
    unit than the level's: "Grow NPS 32 to 50" and "Reduce churn 5% to 3%" give a start and
    a target; signed, only the way the verb (after the metric from *begin*) goes, *up* or
    not ("Increase NPS -10 to 50" starts at -10); and a level that names things names the
    metric's ("Grow users 3x to 30,000 users", not "... to 3 new markets")."""
    before = [t for t in tokens if t.end <= value.start]
    if value.prep != "to" or not before:
        return value
    change = before[-1]
    if change.sign in ("+", "-"):
        # "Increase NPS +10 to 50"; not "+10% to 50%", where 10 % may be of NPS or points.
        bare = (
            change.sign == ("+" if up else "-")
            and change.unit in (None, "points", value.unit)
            and (change.unit != "%" or change.points)
        )
    else:
        bare = change.unit in ("%", "x") and change.unit != value.unit and not change.points
    if (
        not bare
        or change.prep is not None
        or change.qualifier
        or change.placeholder
        or change.value is None
        or not _TO_GAP.fullmatch(w, _past_period(w, change.end), value.start)
        or not _names_the_metric(w, value, begin, change.start)
    ):
        return value
    return change._replace(link=None)


def _names_the_metric(w: str, level: Token, begin: int, end: int) -> bool:
    """Whether the things *level* counts, if any, are the metric's, named in *w* between
    *begin* and *end* ("users" in "Grow users 3x to 30,000 users")."""
    if level.noun is None:
        return True
    noun = w[level.noun[0] : level.noun[1]].lower()
    return re.search(rf"\b{re.escape(noun)}\b", w[begin:end].lower()) is not None


def _level_after(
    tokens: list[Token], value: Token, w: str, begin: int, *, rate: bool
) -> Token | None:
    """The level a change by *value* says it reaches, written right after it: "$1.2M" in
    "Increase revenue by 20% to $1.2M", "3%" in "Reduce churn by 2 points to 3%", "2,000" in
    "Expand the beta by 500 users to 2,000".

    Not a range of the change ("by 5 to 10 people", "Increase revenue by 20% to 25%": a share
    is a level only of a *rate*), nor whom or where it goes to ("by $5k to 3 charities", "by
    20% to 3 new markets": a noun other than the change's), nor a date, a time, a rank or a
    notation ("to 30 June", "to 9:00", "to 5th", "24x7"), nor one of a chain ("by 5 to 10 to
    40").
    """
    later = [t for t in tokens if t.start > value.start][:2]
    after = later[0] if later else None
    end = value.noun[1] if value.noun else value.end
    if (
        after is None
        or after.prep != "to"
        or after.value is None
        or after.placeholder
        or after.change is not None
        or not _TO_GAP.fullmatch(w, _past_period(w, end), after.start)
        or _NOT_A_LEVEL.match(w, after.end)
        or w[after.end : after.end + 1].isdigit()  # "24x7": a notation
    ):
        return None
    if len(later) == 2 and later[1].prep == "to":
        return None  # "by 5 to 10 to 40"
    if (
        after.noun is not None
        and (
            value.noun is None
            or w[after.noun[0] : after.noun[1]].lower() != w[value.noun[0] : value.noun[1]].lower()
        )
        and not (value.unit is not None and _names_the_metric(w, after, begin, value.start))
    ):
        return None  # "by $5k to 3 charities", "by 5 to 10 people"
    if value.unit is None and value.noun is None and after.unit is not None:
        return None  # "by 5 to 10 points": the unit is the range's
    if value.unit == after.unit == "%" and not value.points and not rate:
        return None  # "Increase revenue by 20% to 25%": revenue is no share
    return after


def _linked_start(tokens: list[Token], kind: str, w: str, begin: int) -> Token | None:
    """The start in "Grow NPS 32 to 50" or "ARR $1M → $2M": a bare number linked to the value
    by "to" or an arrow, when it is a level of the same thing the value is.

    Not a change ("+10 to 50"), another unit ("20% to $1.2M", "2x to 100", "10 points to
    50"), a count's range ("5 to 10 engineers", "Raise $500k to $750k in grants": right after
    the verb (in masked text *w*, from *begin*), nothing named before it), nor a move
    against the verb ("Reduce tickets 20 to
    30%" gives a range of the cut).
    """
    for tok, nxt in itertools.pairwise(tokens):
        if not (
            tok.link
            # "120 → <20": a bound after the arrow is the target's
            and (nxt.prep == "to" or (tok.link == "arrow" and nxt.qualifier and not nxt.prep))
            # "Churn: 5% -> 3%": after a label's colon too; and "of" for "from" after a verb
            # of change, as other languages write it, from a level in the same unit ("Reduce
            # turnover of 18% to 12%", not "Increase revenue of 5 products to $2M")
            and (
                tok.prep in (None, "=")
                or (tok.prep == "of" and kind in ("inc", "dec") and tok.unit == nxt.unit)
            )
            and tok.qualifier is None
            and tok.change is None
            # "NPS -10 to 50"; and two signed levels, "eNPS +10 → +25" (a change would
            # reach a level written unsigned: "+10 to 50")
            and (not tok.sign or (tok.sign == "-" and kind == "inc") or bool(nxt.sign))
            and not (tok.placeholder or nxt.placeholder)
            and (nxt.noun is None or tok.link == "arrow")
            and (
                comparable(tok.unit, nxt.unit)  # "2 weeks -> 1 day": two times
                or (tok.unit is None and nxt.unit not in ("x", "points", "bps"))
            )
        ):
            continue
        if tok.value is None or nxt.value is None:
            continue  # a placeholder
        if tok.link != "arrow" and not _WORD.search(w, begin, tok.start):
            continue  # nothing named between the verb (if any) and it: a count's range
        begun = in_unit(tok.value, tok.unit, nxt.unit)
        if (kind == "inc" and begun >= nxt.value) or (kind == "dec" and begun <= nxt.value):
            continue
        return tok
    return None


# A baseline written beside the target: "(currently 125k)", "(up from 85%)", "45% today",
# "in 5 days instead of 12".
_BASELINE_BEFORE = re.compile(
    r"(?:\b(?:current(?:ly)?(?:\s+(?:at|avg\.?|average))?|baseline(?:\s+of)?|(?<=\()\s*(?:bl|ly)|today|now|was|"
    r"(?:vs\.?|versus)(?:\s+ly)?|"
    r"instead\s+of|compared\s+to|(?:up|down)\s+from|"
    r"last\s+(?:year|quarter|month|week|cycle)(?:\s+(?:at|was|were|of))?)|\bfrom)"
    r"\s*:?\s*(?:~|about|around|c\.|ca\.|circa|approx\.?|roughly)?\s*$"
    # A period's label in brackets, blanked as a name, then its level: "75% (Q3: 68%)",
    # "(H1 average: $55)", "(2025 survey: 68%)".
    # ... or the year to date, or an estimate of a year, blanked before it: "(YTD 69%)", "(2024
    # est. £5.2m)" (not "(est. $600k)", an estimate of a cost)
    r"|\(\s*(?:ytd|\s{2,}est\.?)\s*:?\s*(?:~|about|around|c\.|ca\.|approx\.?)?\s*$"
    # ... or with no colon after a word that says it is where things stand: "(Q2 actual 91%)",
    # "[Q2 actual 69%]"
    # (not "average", a pace as often: "Publish 12 posts (average 1 per week)")
    r"|[(\[]\s*(?:actuals?|baseline|current\s+(?:model|rate|level|score|value|average|avg|"
    r"figure|state|run[- ]rate|policy|performance))\s+$"
    # ... or a period's average, its label blanked or said: "(Q1 avg 5.5%)", "(2024 average
    # $16)", "(last quarter avg 38%)" (not "(average 1 per week)", a pace)
    r"|\((?:\s{2,}|\s*last\s+(?:year|quarter|month|cycle)\s+)(?:avg\.?|average)\s+$"
    # ... or an academic or fiscal year's, its years blanked: "1,200 (AY 2024-25: 1,050)"
    r"|\(\s*(?:ay|fy|cy|sy)\s{3,}:\s*$"
    r"|\(\s*(?:average|avg\.?|actuals?|level|survey|results?|score|baseline|benchmark|figures?|census|"
    r"estimate|data|run[- ]rate)?\s*:\s*$",
    re.IGNORECASE,
)
_BASELINE_AFTER = re.compile(
    r"\s*(?:today|currently|now|at\s+present|baseline|last\s+(?:year|quarter|month|week|cycle)|"
    r"ly(?=\s*\)))\b",
    re.IGNORECASE,
)


def _baseline(tokens: list[Token], w: str, kinds: frozenset[str]) -> Token | None:
    """A number that says where the metric is now, when another number is the target."""
    if len(tokens) < 2:
        return None
    return next(
        (tok for tok in tokens if _is_baseline(tok, w) and not _source(tok, kinds, w)), None
    )


def _bracketed_move(
    tokens: Sequence[Token], start: Token | None, value: Token | None
) -> Token | None:
    """The level a bracketed start moves to ("($3M → $3.6M)", "(€3M to €3.6M)") when the
    target read is a share or a factor outside the brackets ("20%"), no change "by" it (which
    the brackets' start makes whole: "Cut spend by 20% ($1.2M to $960k)"); else None."""
    if (
        start is None
        or value is None
        or not start.paren
        or start.link is None
        or value.paren
        or value.prep == "by"
        or value.unit == start.unit
        or value.unit not in ("%", "x")
    ):
        return None
    after = next((t for t in tokens if t.start >= start.end), None)
    if after is None or not after.paren or after.unit not in (start.unit, None):
        return None
    return after


def _source(tok: Token, kinds: frozenset[str], w: str) -> bool:
    """Whether *tok*, after "from", counts where the value comes from rather than where the
    metric starts: it counts things of its own, and another number is of another unit or
    thing ("$2.5M ARR from 40 enterprise accounts"; not "from 10k users to 20k users")."""
    if tok.noun is None:
        return False
    mine = w[tok.noun[0] : tok.noun[1]].lower()
    if mine in _WHEN_WORDS:
        return False  # "(vs 7.2m actual FY25)": when it was, not what it counts
    return len(kinds) > 1 or (len(kinds) == 1 and mine not in kinds)


def _kinds(tokens: list[Token], w: str) -> frozenset[str]:
    """What the numbers of *tokens* count or are measured in: a noun, lower-cased, or a unit
    (marked "=" before it, so that no noun is taken for one)."""
    return frozenset(
        w[t.noun[0] : t.noun[1]].lower() if t.noun is not None else f"={t.unit}"
        for t in tokens
        if t.value is not None and (t.noun is not None or t.unit is not None)
    )


def _is_baseline(tok: Token, w: str) -> bool:
    """Whether *tok* is said to be where the metric is now: "(currently 125k)", "45% today",
    "(120 customers today)", "up from 85%", "(Q3: 68%)"."""
    before = w[max(0, tok.start - 24) : tok.start]
    return (
        tok.value is not None
        and not tok.qualifier
        and (
            _BASELINE_BEFORE.search(before) is not None
            or _BASELINE_AFTER.match(w, tok.end) is not None
            or (
                # "(120 customers today)", not "(competitor has 500 customers today)"
                tok.noun is not None
                and w[: tok.start].rstrip().endswith("(")
                and _BASELINE_AFTER.match(w, tok.noun[1]) is not None
            )
        )
    )


def _target(
    rest: list[Token],
    w: str,
    verb_end: int | None,
    *,
    counts: bool = False,
    money: bool = False,
    way: tuple[str, str] = ("", ""),
) -> Token | None:
    """Which of the numbers left is the target: one that leads the statement or follows its
    verb (ending at *verb_end*) as a share of things or, when the verb *counts* (an
    activity's), as its count, or as an amount of *money* (an activity's or a verb of
    reaching's: "Collect £450k of debt over 90 days"); else the first one a preposition, a
    change, a plus sign ("+2 engineers") or a qualifier marks, else the first; a number in
    parentheses, or after "and" ("1,000 members and 10,000 others"), only when none other is.

    A bound against the way of the verb of change that governs it (*way*: its kind and
    lemma) is what the things counted are, no target: "Reduce tickets open over 30 days to
    50" brings the tickets to 50, "Increase sales of items under $20 by 15%" moves sales by
    15 %; alone, it leaves no target ("Reduce tickets open over 30 days").
    """
    main = [t for t in rest if not t.paren] or rest
    if len(main) > 1:
        # "Collect NPS every 6 months from 200 customers": how often is no target where
        # another number is
        main = [t for t in main if not _EVERY.search(w, max(0, t.start - 8), t.start)] or main
    if way[0] in ("inc", "dec"):
        # (The first few numbers only: each check reads back to the verb, and a statement's
        # conditions come early; reading stays linear in the text's length.)
        main = [t for i, t in enumerate(main) if i >= _AGAINST_MAX or not _against(t, w, way)]
    if not main:
        return None
    limits = [
        t
        for t in main[:_AGAINST_MAX]
        if t.unit in DURATIONS and _WITHIN.search(w, max(0, t.start - _WITHIN_REACH), t.start)
    ]
    if (
        limits
        and any(
            t.unit == "%"
            and t.start > limits[0].end
            and (
                t.prep == "="
                or t.qualifier
                # (with no verb: "Reduce time to resolve to within 4 hours for 80% of tickets"
                # brings the time down, the share its scope)
                or (
                    verb_end is None
                    and _FOR_SHARE.search(w, max(0, t.start - 5), t.start) is not None
                    and share_of_things(w, t)
                )
            )
            and "," not in w[limits[0].end : t.start]
            for t in main
        )
    ):
        # "Complaints responded to within 20 working days >= 90%", "Feedback submitted within
        # 24h for 90% of interviews": the share done in time is measured, the time limit its
        # condition
        main = [t for t in main if t not in limits]
    first = main[0]
    if not w[: first.start].strip(" *-•[_") and not first.link:
        return first  # "100% of teammates onboarded, with a 75% cut in ...": D6, the first
    if (
        verb_end is not None
        and ((counts and first.unit is None) or (money and first.unit in MONEY))
        and not first.link
        and first.start > verb_end
        and not w[verb_end : first.start].strip()
    ):
        # An activity's count or amount right after its verb is what it is checked
        # against, whatever a later clause reaches or bounds: "Train 5 models and achieve >=
        # 80% accuracy" (D6: the first target), "Collect £450k of debt over 90 days".
        return first
    if (
        verb_end is not None
        and first.unit is None
        and first.noun is not None
        and not first.qualifier
        and len(main) > 1
        and main[1].unit in MONEY
        and main[1].qualifier
        and _SIZE_BAR.fullmatch(w, first.noun[1], main[1].start) is not None
        and not w[verb_end : first.start].strip()
    ):
        # "Close 3 deals over $250k", "Add 2 new retainer clients at >= £20k/month": the
        # count of things right after the verb, their size a bar each clears
        return first
    if (
        verb_end is not None
        and share_of_things(w, first)
        and _THAT.fullmatch(w, verb_end, first.start)
    ):
        # A share of things right after the verb: the share is measured, what the things do
        # or reach its condition ("Make sure 80% of reps reach 75% of quota": 80, D15).
        return first
    wholes = _wholes(main, w)
    # Under a verb of change, the level it goes "to" or the amount it moves "by" is the
    # target, not a bound on the things it counts before it ("Increase the share of users
    # active 4+ days a week to 30%": 30 %).
    moved = way[0] in ("inc", "dec") and any(t.prep in ("to", "by") for t in main)
    return next(
        (
            t
            for t in main
            if (t.prep not in (None, "and", "from") and t.start not in wholes)
            or t.change
            or (t.sign == "+" and not t.link)  # not "+10 to 50": the level follows
            or (
                t.qualifier
                and not (moved and t.prep is None)
                and t.prep != "from"  # "from at least 3 regions": a condition
                and not w[: t.start].rstrip().lower().endswith(("within", " with"))
                # "each over", "with over", "over $10k each", "40% of them": a condition on
                # the things counted ("Close 3 deals, each over $100k"), not the target
                and _EACH.search(w, max(0, t.start - 24), t.start) is None
                and _EACH_AFTER.match(w, t.end) is None
            )
        ),
        first,
    )


_AGAINST_MAX = 4
_FOR_SHARE = re.compile(r"\bfor\s+$", re.IGNORECASE)


def _against(t: Token, w: str, way: tuple[str, str]) -> bool:
    """Whether the number *t* is bounded against the way of the verb of change *way* that
    governs it: "over 30 days" after "Reduce", "under $20" after "Increase"."""
    if not t.qualifier or t.change or t.prep in ("by", "to", "from"):
        return False  # "Reduce churn by more than 2 points", "to over 50": the change's
    if share_of_things(w, t):
        return False  # "Reduce effort by resolving >99% of places": a share, measured
    kind = way[0]
    if (t.qualifier == "least") != (kind == "dec"):
        return False
    return _governing_verb(w, kind, way[1], t)[0] == kind


def _ranked(direction: Direction | None, start: Token | None, value: Token) -> Direction | None:
    """The direction of a place in a ranking (*value*, "50th"), where first is best: from a
    start the numbers say it ("Climb from 78th to 50th" goes down); with none, a climb or a
    level reached goes down, and a floor or "or better" is a ceiling ("Finish 3rd or better")."""
    begun, reached = (start.value if start else None), value.value
    if begun is not None and reached is not None and begun != reached:
        return Direction.DECREASE if reached < begun else Direction.INCREASE
    if value.qualifier == "better" or direction is Direction.AT_LEAST:
        return Direction.AT_MOST  # "3rd or better": at most 3
    if direction is Direction.INCREASE:
        return Direction.DECREASE
    return direction


def _wholes(tokens: list[Token], w: str) -> set[int]:
    """Where the numbers are that are the whole the number before each counts a part of:
    "Migrate 30 of 45 services" migrates 30, of 45."""
    return {
        whole.start
        for part, whole in itertools.pairwise(tokens)
        if whole.prep == "of" and PART_OF.fullmatch(w, part.end, whole.start)
    }


_BY_AMOUNT = re.compile(
    r"by\s+\d+\s*(?:weeks?|wks?|w|months?|mos?|quarters?|years?|yrs?|y)", re.IGNORECASE
)
_TO_GAP = re.compile(r"\s*(?:to|till|until|->|→)\s*(?:under|below|over|above)?\s*", re.I)
_EACH_AFTER = re.compile(r"\s*(?:each|apiece|of\s+(?:them|those|whom))\b", re.IGNORECASE)


def _noun(text: str, token: Token) -> str | None:
    """The noun a count *token* counts, lower-cased, if it names one."""
    return None if token.noun is None else text[token.noun[0] : token.noun[1]].lower()


# A period after a number of times: how often, not a factor ("3 times a week", "per sprint").
_PERIOD_AFTER = re.compile(r"\s*(?:times\s+)?(?:per|a|an|each|every|/)\s*[^\W\d_]", re.I)
_EACH = re.compile(r"\b(?:each|with|apiece)\s+(?:[^\W\d_]+\s+){0,2}$", re.IGNORECASE)
_THAT = re.compile(rf"\s*(?:that\s+)?(?:[{SIGNS}]\s*)?", re.IGNORECASE)
# "Make sure we have a ...", "Ensure the team has an ...": a thing the team is to have.
_ENSURED_HAVE = re.compile(
    r"\W*(?:ensure|make\s+(?:sure|certain))\s+(?:that\s+)?"
    r"(?:we|(?:the|our|each|every)\s+team)\s+(?:have|has)\s+(?=an?\s)",
    re.IGNORECASE,
)
_NO = re.compile(
    r"\W*(?:no|none\s+of(?:\s+the)?|.*?\b(?:(?:does|do|did)(?:n['’]t|\s+not)\s+have|(?:has|have)"
    r"\s+no|[^\W\d_]{2,}(?:s|ed)\s+no)(?:\s+any)?)\s+(?!(?:more|less|longer|later|one|fewer|than)\b)",
    re.IGNORECASE,
)


def _zero_noun(w: str, verb: int | None = None) -> tuple[int, int] | None:
    """Where the noun a statement that says none of something counts is, whichever way it
    says it: "No orders fail" (orders), "The repo has no open P1 bugs", "go-ipfs doesn't
    have checked-in paths" (bugs, paths); before its subject's *verb* where that starts, and
    before a comparative and the verb it follows ("No ticket waits more than 48 hours", "No
    outages longer than 5 minutes", "No P1 incident lasts more than an hour")."""
    m = _NO.match(w)
    if m is None:
        return None
    head = noun_after(w, m.end() - 1)
    if head is None:
        return None
    words = [x.span() for x in _WORD.finditer(w, m.end() - 1, head[1])]
    if verb is not None:
        words = [span for span in words if span[1] <= verb]
    if words and _THAN.match(w, words[-1][1]):
        words.pop()  # "longer" in "No outages longer than 5 minutes"
    if len(words) > 1 and _COMPARED_THAN.match(w, words[-1][1]):
        words.pop()  # "lasts" in "No P1 incident lasts more than an hour"
    return words[-1] if words else None


_THAN = re.compile(r"\s+than\b", re.IGNORECASE)
_COMPARED_THAN = re.compile(rf"\s+{_COMPARATIVE}\s+than\b", re.IGNORECASE)


# What comes before the things cleared away: "all", "all the", "every", "our".
_ALL_OF = re.compile(r"\s+(?:all|any|every|the|our)(?:\s+(?:the|our|of\s+the))?\b", re.I)
# Verbs that clear things away, and "all" of them after one: "Resolve all test regressions".
_CLEAR = frozenset(("resolve", "fix", "close", "clear", "remove"))
# How a team's work should get better, with no number: "Run GitLab.com more efficiently",
# "Ship releases faster", "Deploy more often": a change in how the work is done, an outcome,
# not a deliverable. The adverb closes its clause ("Ship a faster checkout" makes a thing).
_PURPOSE_OR_CLAUSE = re.compile(
    r"\b(?:so|to|that|which|who|where|while|when|because|until|if|as)\b|[,;:(]", re.IGNORECASE
)
_BETTER_HOW = re.compile(
    r"\s(?:faster|quicker|more\s+(?:often|frequently|quickly|efficiently|effectively|"
    r"reliably|consistently|predictably|smoothly|easily|safely|cheaply|accurately|securely|"
    r"regularly))(?=\s*(?:$|[.;,!)]|(?:than|to|for|in|across|at|on|with|by|and)\b))",
    re.IGNORECASE,
)
_ALL = re.compile(r"\s+all\s+(?:(?:the|our|open|known|remaining|outstanding)\s+)?[^\W\d_]", re.I)


# Verbs that keep a thing from happening: what follows them should be none.
_PREVENT = frozenset(("prevent", "avoid"))
# What a thing is kept from that makes it a level held: "from creeping up", "from rising".
_FROM_RISING = re.compile(
    r"\bfrom\s+(?:creeping|going|rising|increasing|growing|climbing|getting\s+worse)\b",
    re.IGNORECASE,
)


def _start_in(start: Token | None, unit: str | None) -> float | None:
    """The start's value, in the target's unit where both measure time or data."""
    if start is None or start.value is None:
        return None
    value = in_unit(start.value, start.unit, unit)
    return value if math.isfinite(value) else None  # "from 1e306 days to 30m": none holds it


# What may lead a line of a list: a number or letter ("1.", "2)", "a."), a bullet, a task box.
_ENUMERATOR = re.compile(
    r"\s*(?:(?:\(?(?:\d{1,2}|[a-z])[.)]|[-*•·]|\[[ xX]?\]|>(?=\s+[^\W\d]))\s+){1,3}",
    re.IGNORECASE,
)
# A Markdown heading's mark.
_HEADING = re.compile(r"\s*(?:[-*]\s+)?\#{1,6}\s+")
# What a document adds at the end of a key result to say how far it got: a share after a
# dash, a score from 0 to 1 in brackets (looked for in its last few characters only, so that
# a long run of spaces costs no more than a short one); and progress after "=>", as GitLab's
# handbook writes it (`_progress`).
_SCORE = re.compile(
    r"(?<=\s)[—–]\s*(?:\d{1,3}(?:\.\d+)?\s*%|0?\.\d{1,2}|1\.0|[01])$|"
    r"(?<=\s)-\s+(?:0?\.\d{1,2}|1\.0)$|"
    r"[(\[]\s*(?:score\s*:?\s*)?(?:0?\.\d{1,2}|1\.0)\s*[)\]]$",
    re.IGNORECASE,
)


# A number and the word after it, at the end of what comes before "=>" or at the start of
# what comes after it.
_NUMBER_WORD_END = re.compile(r"\d\s*([^\W\d_]+)\.?$")
_NUMBER_WORD_START = re.compile(rf"\s*[{SIGNS}]?\d[\d,.]*\s*([^\W\d_]+)")


def _same_unit_across(before: str, after: str) -> bool:
    """Whether the numbers on both sides of "=>" carry the same word: "9 min => 6 min" is an
    arrow between two levels, not progress after the key result."""
    end, start = _NUMBER_WORD_END.search(before), _NUMBER_WORD_START.match(after)
    return end is not None and start is not None and end[1].lower() == start[1].lower()


def _progress(w: str) -> int | None:
    """Where progress or a score written after the key result in masked text *w* starts.
    "=>" after a statement with its own number or verb starts progress ("Publish 12 case
    studies => 60%", "CSAT >= 92% => 40%"), not after a level that leads to another ("Cut
    churn 5% => 3%", an arrow) nor after a bare metric ("NPS => 45")."""
    arrow = w.find(" => ")
    if arrow > 0:
        before = w[:arrow].rstrip()
        if not before[-1:].isdigit() and before[-1:] != "%":
            if (DIGIT.search(before) or _main_verb(_after_label(before)) is not None) and not (
                # "Avg handle time 9 min => 6 min": with no verb, two levels of one unit
                _same_unit_across(before, w[arrow + 4 :]) and _main_verb(before) is None
            ):
                return arrow
            return None
        # After a number: an arrow to the next level ("Cut churn 5% => 3%"), unless that
        # number already is a target, bounded or reached ("CSAT >= 92% => 40%", "from 18%
        # to 25% => 60%"), or the next is in another unit ("below $120 => 75%"): progress.
        last = tokens_of(before)[-1:]
        after = tokens_of(w[arrow + 4 :])[:1]
        if (
            last
            and after
            and after[0].unit == "%"  # progress is a share done ("=> $100" is no progress)
            and (
                last[0].qualifier is not None
                or last[0].prep == "to"
                or after[0].unit != last[0].unit
            )
        ):
            return arrow
        return None
    end = len(w.rstrip())
    if w[end - 1 : end] not in (")", "]", "%") and not w[end - 1 : end].isdigit():
        return None
    score = _SCORE.search(w, max(0, end - 32), end)
    if (
        score is None
        and w[end - 1] == "%"
        and (share := _DASH_SHARE.search(w, max(0, end - 32), end)) is not None
    ):
        # "... to under 15 minutes - 60%", "... to $10 - 40%": a share after a spaced hyphen,
        # after a word or money, is progress; after a bare number or a share it is a band's
        # other end ("between 2 - 5%")
        before = w[max(0, share.start() - 24) : share.start()].rstrip()
        if before[-1:].isalpha() or _MONEY_END.search(before):
            return share.start()
    return None if score is None else score.start()


_DASH_SHARE = re.compile(r"(?<=\s)-\s+\d{1,3}(?:\.\d+)?\s*%$")
_MONEY_END = re.compile(rf"[{SIGNS}]\s?\d[\d,.]*\s*[kKmMbB]?$")


# What else may lead a statement before its verb: a key result's or a section's number ("KR
# 1.2 -", "1.2"), a one-word tag in square brackets ("[JD]", "[Growth]") or any short one in
# parentheses ("(Q3)", "(owner: ops)"), a handle, an HTML tag.  (Longer square-bracketed
# leads, which cost a statement of the unread slice, may be part of what is said.)
_LEAD = re.compile(
    r"\s*(?:(?:kr|key\s+result)\s*\d{1,2}(?:\.\d{1,2})*\s*[-–—:.)]?|\d{1,2}(?:\.\d{1,2})+\.?|"
    r"\[[^\W\d_]{1,12}\]|\([^()]{1,30}\)|@[\w.-]{1,30}|</?[a-z]{1,10}>)\s*",
    re.IGNORECASE,
)
# A sheet's cell for no key result: "N/A", "n/a", "none", "not applicable".
_NOT_APPLICABLE = re.compile(
    r"\s*(?:n\s?/\s?a|n\.\s?a\.?|na|not\s+applicable|none|nil)\s*[.!]?\s*", re.IGNORECASE
)
# "sub-" after a word and before a time or a share: "to sub-300ms" is under 300 ms (not "10
# sub-1M deals", "sub-1 bugs": names of a class).
_SUB_NUMBER = re.compile(
    r"(?<=\s)sub-(?=\d+(?:\.\d+)?\s?(?:ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|%)"
    r"(?![^\W\d_]))",
    re.IGNORECASE,
)
# HTML's commonest entities, each as what it stands for, padded to its length (so that every
# position of the text stays where it was): "&nbsp;" is a space, "&gt;=" is ">=".
_ENTITY = re.compile(r"&(?:nbsp|#160|gt|lt|amp|quot|apos|#37|percnt);", re.IGNORECASE)
# A terminal's control sequence (ECMA-48 CSI, as colours are written): blanked, at its length.
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")
_ENTITY_AS = {"gt": ">", "lt": "<", "amp": "&", "#37": "%", "percnt": "%"}


def _plain(m: re.Match[str]) -> str:
    char = _ENTITY_AS.get(m[0][1:-1].lower(), " ")
    pad = " " * (len(m[0]) - 1)
    return char + pad if char == "%" else pad + char  # "5&#37;" is "5%", "&gt;=" is ">="


def _starts_with_verb(w: str) -> bool:
    """Whether masked text *w* starts (after blanks) with the verb that governs it."""
    verb = _main_verb(w)
    return verb is not None and not w[: verb[2].start()].strip()


def _unlabelled(w: str) -> str:
    """Masked text *w* with what leads or ends it but is no part of the statement blanked:
    progress or a score after it ("=> 60%", "— 60%", "(0.7)"); a list's number or bullet
    ("1. Reduce churn to 2%") and a Markdown quote's mark; a key result's or section's number,
    a tag in brackets, a handle or an HTML tag when a verb follows ("KR 1.2 - Publish 12
    posts", "[JD] Cut tickets by 30%"); and a label of up to four words before a colon when
    a verb follows it ("Retention: Reduce churn by 8%"; not "NPS: 45", whose label is the
    metric)."""
    tail = _progress(w)
    if tail is not None and w[:tail].strip():
        w = w[:tail] + " " * (len(w) - tail)
    # A word starts most statements: then no mark, number or tag leads it.
    if not w[:1].isalpha() or w[1:2] in (".", ")") or w[:2].lower() in ("kr", "ke"):
        m = _ENUMERATOR.match(w)
        if m is not None:
            w = " " * m.end() + w[m.end() :]
        end = 0
        for _ in range(3):
            lead = _LEAD.match(w, end)
            if lead is None or lead.end() == end:
                break
            end = lead.end()
            rest = " " * end + w[end:]
            if lead[0].lstrip()[:3].lower() in ("kr ", "key") or _starts_with_verb(rest):
                w = rest  # a key result's own number is never part of it ("KR 3 - 99.95% ...")
    if ":" in w[:48]:
        rest = _after_label(w)
        if rest is not w and (
            _starts_with_verb(rest) or (_NO_LEAD.match(rest.lstrip()) and not DIGIT.search(rest))
        ):
            w = rest  # and "Audit: no material weaknesses", none of them
    elif (
        ("- " in w or "– " in w or "— " in w)
        and (dash := _DASH_LABEL.match(w)) is not None
        and len(dash[0].split()) <= 5
    ):
        rest = " " * dash.end() + w[dash.end() :]
        # (not "Reduce churn - target 2%": a verb first is the statement's)
        if _starts_with_verb(rest) and not _starts_with_verb(w[: dash.end()]):
            w = rest  # "Alumni mailing list - reconnect with 50 alumni": a label, then a verb
    return _after_aim(w)


# A label of a few words before a spaced dash: "Engagement - grow Discord to 500 members".
_DASH_LABEL = re.compile(r"\s*[^\W\d_][^-–—:\d]{0,40}?\s[-–—]\s+(?=[^\W\d_])")


# The end of a first sentence: a full stop after a word, then a capital.
_SENTENCE_END = re.compile(_FULL_STOP + r"\s+(?=[A-Z])|。\s*(?=\S)")


def _after_aim(w: str) -> str:
    """Masked text *w* with a first sentence that restates the aim blanked, where it has no
    number and the next sentence starts with a verb and has one: "Improve margin visibility.
    Publish 5 playbooks" is the playbooks (as "Product: Improve UX. Hire a designer" is)."""
    if "." not in w and "!" not in w and "?" not in w and "。" not in w:
        return w
    end = _SENTENCE_END.search(w)
    if end is None or DIGIT.search(w, 0, end.start()) or not DIGIT.search(w, end.end()):
        return w
    rest = " " * end.end() + w[end.end() :]
    return rest if _starts_with_verb(rest) else w


def _same_measure(start: Token, value: Token, w: str) -> bool:
    """Whether the baseline *start* measures what the target *value* does: the same unit, and
    no count of other things ("NPS 50 (from 200 responses)", "Leads from 3 channels: 500",
    "Retention 90% (from 12 months)" give no baseline)."""
    if start.unit is not None and value.unit is not None and not comparable(start.unit, value.unit):
        # a bare number is in the other's unit: "Churn 1.8% (currently 2)"; "2 weeks -> 1
        # day" are two times
        return False
    said = w[start.noun[0] : start.noun[1]].lower() if start.noun is not None else None
    if said is None or said in _WHEN_WORDS:  # "vs. 5 last quarter": when, not what
        return True
    return value.noun is not None and w[value.noun[0] : value.noun[1]].lower() == said


# Words after a baseline that say when it was, not what it counts.
_WHEN_WORDS = frozenset(
    ("day", "week", "month", "quarter", "year", "cycle", "period", "sprint", "today", "now",
     "actual", "actuals")
)  # fmt: skip


def _names_a_metric_moving(w: str, lead: re.Match[str], tokens: list[Token]) -> bool:
    """Whether *lead*, an activity's word first in masked text *w*, names what a metric is
    of rather than work: the words after it name a metric better one way, and its numbers
    move it from one level to another ("Onboarding NPS from 18 to 40", "Open ticket backlog
    1,200 → 400", "Design review time from 5 days to 2"), which no count of work does; or
    it is an adjective as much as a verb, or a stage-to-stage rate, before a metric's bare
    level ("Direct booking share 42%", "Quote-to-bind 18%")."""
    if not tokens or w[: lead.start()].strip():
        return False
    first = tokens[0]
    named = w[lead.end() : first.start].lower()
    if _PEOPLE_WORD.search(named) is not None:
        return False  # of people, whom the activity is done to ("Interviewing users from 5")
    if first.link == "arrow" and len(tokens) > 1:
        # "Offer acceptance 75% → 90%", "Backlog 1,200 → 300 tickets", "Demo-to-close 15% ->
        # 22%": an arrow between two levels of what the words name; not a verb's range of
        # things ("Hire 5 → 10 engineers", "Publish posts 4 → 12").
        word = lead[0].lower()
        last = named.split()[-1] if named.strip() else ""
        return (
            polarity(named) is not None
            or polarity(word) is not None
            or "-" in word
            or (bool(last) and not (last.endswith("s") and not last.endswith("ss")))
        )
    word = lead[0].lower()
    if first.prep is None and first.value is not None and not first.qualifier:
        # "Direct booking share 42%", "Open pipeline $5M", "Quote-to-bind 18%": an adjective
        # that is also a verb, or a stage-to-stage rate, before a level of a metric
        if (
            word in _ADJECTIVE_LEADS
            # ("Open new revenue streams 3": new things opened, work)
            and named.split()[:1] != ["new"]
            and (polarity(named) is not None or _RATE_WORD.search(named) is not None)
        ):
            return True
        if "-to-" in word and not named.strip() and first.unit == "%":
            return True
    pair = (first.prep == "from" and len(tokens) > 1 and tokens[1].prep == "to") or bool(first.link)
    return pair and word.endswith("ing") and polarity(named) is not None


# Adjectives that are verbs too, which lead a metric's name: "Direct booking share 42%".
_ADJECTIVE_LEADS = frozenset(("direct", "open", "organic", "inbound", "outbound", "live"))


# A verb of change ruled out: "should not increase", "must never drop", "won't grow" (on lower
# case).
_NOT_CHANGE = re.compile(
    _NOT
    + r"\s+("
    + "|".join(sorted({w for w, (kind, _) in VERBS.items() if kind in ("inc", "dec")})[::-1])
    + r")\b"
)
_FLIPPED: dict[str | None, Qualifier] = {"least": "most", "most": "least"}
_NEGATION = re.compile(_NOT + r"\b", re.IGNORECASE)


def _negated(w: str) -> bool:
    """Whether *w* says "not", "never" or "n't" (looked for by its letters first: most
    statements say none of them)."""
    low = w.lower()
    return ("not" in low or "never" in low or "n't" in low or "n’t" in low) and (
        _NEGATION.search(w) is not None
    )


# "never"/"not" and at least one word, then the words of a bound, right before a number.
_NEGATED_BOUND = re.compile(
    # (the words between of the same clause: not "Fix what is not working and keep p95
    # under 200 ms", whose bound the negation does not reach)
    r"(?:\bnever(?:\s+_W){0,5}?|(?:\bnot|n['’]t)(?:\s+_W){1,5}?)"
    rf"\s+(?:(?:more|less|fewer|longer|shorter)\s+than|over|under|above|below|beyond)\s*[{SIGNS}]?$".replace(
        "_W", r"(?!(?:and|or|but|so|while|keep|stay|hold|maintain)\b)[^\W\d_][\w'’-]*"
    ),
    re.IGNORECASE,
)


# Work done on a version of a thing, the noun right after its number: "LLVM 17 upgrade".
_WORK_ON = frozenset(("upgrade", "migration", "rollout", "deprecation", "support", "adoption"))


def _version_worked_on(w: str, t: Token) -> bool:
    """Whether the number *t* in masked text *w* is a version of what the word before it
    names, with the work on it after it ("LLVM 17 upgrade completed", "Kafka 3.6 upgrade in
    all regions", "Node 16 support dropped"), not a count of things ("Run 5 support
    sessions", "Hire 2 support staff": the noun's head is another)."""
    if t.noun is None or t.unit is not None or t.qualifier or t.prep or t.sign:
        return False
    if w[t.noun[0] : t.noun[1]].lower() not in _WORK_ON or t.noun[0] - t.end > 1:
        return False
    before = _WORD_BEFORE.search(w, max(0, t.start - _NAME_REACH), t.start)
    if before is None:
        return False
    word = before[1]
    return _verb_word(word.lower())[0] != word.lower() and not word.islower()


_WORD_BEFORE = re.compile(r"([^\W\d_][\w+#.-]*)\x20$")


# What starts another key result on the same line: a semicolon, a sentence's end, or a comma
# or "and" before a verb ("Grow ARR to $3.5M, 25 new logos in NA; ..." is two targets).
_NEXT_TARGET = re.compile(
    # (a sentence's end before a capital, not an abbreviation's: "avg. 40")
    r"(?<=[^\W\d_%)])\.\s+(?=[A-Z])"
    # (not a condition after the mark: "..., measured over 3 cohorts", "; if NPS falls below
    # 30", "..., mostly from 40 accounts"; nor the comma "e.g." and "i.e." are masked to)
    r"|(?:;|,(?=\s)(?!\s\s))\s*(?:and\s+)?(?![^\W\d_]+(?:ed|ing|ly)\b)(?!(?:in|within|with|over|"
    r"across|for|at|on|per|each|from|under|below|above|during|after|before|excluding|including|"
    r"if|when|unless|while|as|measured|based)\b)"
    rf"(?:[^\W\d_][\w'’/-]*\s+){{0,5}}?(?:(?:by|to|of)\s+)?[{SIGNS}]?\d"
    rf"|\band\s+(?:[^\W\d_][\w'’/-]*\s+){{1,5}}?(?:by|to|below|under|above|over)\s+[{SIGNS}]?\d"
)


# What joins a floor to a ceiling, up to the second one's bound: " and ≤ ", " and at most ".
_AND_ONLY = re.compile(
    r"\s*(?:and|&|,|but)\s+(?:(?:at\s+(?:most|least)|no\s+more\s+than|under|below|over|above|"
    rf"(?:more|less|fewer)\s+than)\s+|[<>≤≥]=?\s*)?[{SIGNS}]?",
    re.IGNORECASE,
)


def _words_beside(w: str, tokens: list[Token]) -> bool:
    """Whether masked text *w* has a word outside its *tokens*."""
    at = 0
    for tok in tokens:
        if _WORD.search(w, at, tok.start):
            return True
        at = tok.end
    return _WORD.search(w, at) is not None


# Other forms of the signs a number may carry, one character each, as the reader knows them:
# the full-width forms of ASCII's printable characters but letters (U+FF01-U+FF5E), the
# ideographic space and the full-width yen and pound signs, as an East Asian input method
# types them ("２０％"); the Arabic and the small percent signs, the Arabic thousands and
# decimal separators, and the sign of multiplication ("10×").  (Letters stay as written: the
# words are read from the text itself.)
_PLAIN_FORMS = {0xFF01 + i: 0x21 + i for i in range(0x5E) if not chr(0x21 + i).isalpha()} | {
    0x3000: " ",
    0xFFE5: "¥",
    0xFFE1: "£",
    0x066A: "%",
    0xFE6A: "%",
    0x066C: ",",
    0x066B: ".",
    0x00D7: "x",
}


# "Meet" with people, after how often or how: meetings held, not a goal met ("Meet
# regularly (biweekly) with users", "Meet face to face with 5 partners"; not "Meet SLA targets").
# (Also what an activity does "with" people when only how comes between: "Talk face to face
# with 5 partners" counts them, where "Release CodeNet with one challenge" describes a thing.)
_AND_THEN_WITH = re.compile(r"\s+(?:and|&)\s+([^\W\d_][\w-]*)\s+with\s+", re.IGNORECASE)
# Verbs whose "with" names the people they are done with, not the means: "partner with 4
# researchers" (not "fix with 2 devs").
_DONE_WITH_PEOPLE = frozenset(
    ("partner", "collaborate", "engage", "meet", "connect", "consult", "sync", "talk",
     "speak", "work", "network", "pair", "co-create", "cooperate")
)  # fmt: skip
_HOW_WITH = re.compile(
    r"(?:\s+(?:\([^()]{1,24}\)|(?!only\b)[^\W\d_][\w-]*ly|face[\s-]to[\s-]face|in[\s-]person|"
    r"one[\s-]on[\s-]one))*\s+with\b\s*",
    re.IGNORECASE,
)


_LONG_ARROW = re.compile(r"-{2,}>")


def parse_in_full(text: str) -> ParsedKeyResult:
    """`parse_key_result` of *text*, read in full (through no template of its wording)."""
    if not text.isascii() and (half := text.translate(_PLAIN_FORMS)) != text:
        # Full-width digits and signs read as their ASCII ("２０％" is "20%"), and other forms
        # of a number's signs as the reader knows them, one for one, so every place in the
        # text is where it was: the spans quote the text as written.
        read = parse_in_full(half)
        quoted = tuple(attrs.evolve(s, text=text[s.start : s.end]) for s in read.spans)
        wide = span_labelled(quoted, "metric")
        return attrs.evolve(
            read, text=text, spans=quoted, metric=None if wide is None else wide.text
        )
    if len(text) < 20 and _NOT_APPLICABLE.fullmatch(text):
        # A sheet's cell for no key result ("N/A", "n/a", "none") says nothing, as "-" does
        # (its "N" is no placeholder of a number, nor "none" a deliverable)
        return attrs.evolve(parse_in_full(" " * len(text)), text=text)
    plain = _ENTITY.sub(_plain, text) if "&" in text else text
    if "\x1b" in plain:  # a terminal's colours, pasted: "\x1b[31m4.1%" is no 31 million
        plain = _ANSI.sub(lambda m: " " * len(m[0]), plain)
    if "-->" in plain:
        # A long arrow is an arrow: "5% --> 4%" is "5%  -> 4%" (not "5% -", a range's dash;
        # "==>" is read as it always was)
        plain = _LONG_ARROW.sub(lambda m: " " * (len(m[0]) - 2) + m[0][-2:], plain)
    if "ub-" in plain or "UB-" in plain:
        # "to sub-300ms" is "to sub 300ms", under 300 ms (not a name with a number, "Sev-1")
        plain = _SUB_NUMBER.sub(lambda m: m[0][:3] + " ", plain)
    heading = _HEADING.match(plain) if "#" in plain[:8] else None
    if heading is not None:  # before the names: "### 99.95% ..." is no issue "# 99"
        plain = " " * heading.end() + plain[heading.end() :]
    w, deadlines = masked(plain)
    w = _unlabelled(w)
    tokens = [t for t in tokens_of(w) if t.prep != "per"]
    versions = [t for t in tokens if t.noun is not None and _version_worked_on(w, t)]
    if versions:  # "LLVM 17 upgrade completed": a name, no number
        for t in versions:
            w = w[: t.start] + " " * (t.end - t.start) + w[t.end :]
        tokens = [t for t in tokens if t not in versions]
    verb = _main_verb(w)
    kind, lemma = (verb[0], verb[1]) if verb else ("", "")
    if (
        kind in ("", "inc", "dec")
        and (negated := _NOT_CHANGE.search(w.lower())) is not None
        # the statement's own verb, not a clause's ("Reduce churn to 3% so that revenue
        # does not drop")
        and (verb is None or verb[2].start() == negated.start(1))
        and not any(t.prep == "by" for t in tokens)  # "must not rise by more than 10%"
    ):
        # "Churn should not increase above 3%", "Revenue must not drop below $1M": a change
        # ruled out holds the metric, and what bounds it bounds it the other way
        kind, lemma = "keep", VERBS[negated[1]][1]
        tokens = [
            t._replace(qualifier=_FLIPPED[t.qualifier])
            if t.start > negated.end() and t.qualifier in _FLIPPED
            else t
            for t in tokens
        ]
    elif kind not in ("inc", "dec") and _negated(w):
        # "Main branch never broken for more than 1 hour": what is ruled out is more than an
        # hour, so an hour at most (but "not more than 1 hour" says so already)
        tokens = [
            t._replace(qualifier=_FLIPPED[t.qualifier])
            if t.qualifier in _FLIPPED
            and _NEGATED_BOUND.search(w, max(0, t.start - 60), t.start) is not None
            else t
            for t in tokens
        ]
    if kind in ("inc", "dec") and not tokens:
        # After a verb of change with no other number, "by 2 weeks" is how much it changes,
        # not when: "Shorten the sales cycle by 2 weeks" ("Ship the feature by 2 weeks" stays
        # a deadline).
        by = next((d for d in deadlines if _BY_AMOUNT.fullmatch(d[0])), None)
        if by is not None:
            w = w[: by.start()] + plain[by.start() : by.end()] + w[by.end() :]
            deadlines = [d for d in deadlines if d is not by]
            tokens = [t for t in tokens_of(w) if t.prep != "per"]
    if lemma == "hold" and tokens and (tokens[0].qualifier or tokens[0].prep in ("at", "between")):
        kind = "keep"  # "Hold margin above 60%", unlike "Hold 12 interviews"
    elif lemma == "hold" and verb is not None and _THE_LINE.match(w, verb[2].end()):
        kind = "keep"  # "Hold the line on input performance": kept where it is
    elif lemma == "hold" and tokens and tokens[0].prep == "to":
        # "Hold storage growth to 2 TB a month", "Hold costs to $1M": a limit, as "cap at"
        # is (what is held at a floor is held "at" or "above" it)
        kind = "cap"
    elif lemma == "meet" and verb is not None and _HOW_WITH.match(w, verb[2].end()):
        kind = "out"  # "Meet regularly with users", "Meet with 20 customers": meetings held
    if (
        lemma in NEEDS_COUNT
        and not tokens
        and not (lemma == "make" and verb is not None and _progress_at(w, verb[2].end()))
    ):
        kind = lemma = ""
    if kind == "out" and verb is not None and _names_a_metric_moving(w, verb[2], tokens):
        verb, kind, lemma = None, "", ""  # "Onboarding NPS from 18 to 40": no activity
    if (
        kind == "out"
        and not tokens
        and verb is not None
        and verb[2].start()
        and _of_people(w.lower())
    ):
        verb, kind, lemma = None, "", ""  # "Customers understand our pricing": no work (D18)
    if not tokens and verb is not None and verb[2].start() and _capability(w.lower()):
        verb, kind, lemma = None, "", ""  # "Developers can author tutorials": a thing built
    spans: list[Span] = []
    ambiguities: list[str] = []

    def mark(label: SpanLabel, start: int, end: int) -> None:
        spans.append(Span(label, start, end, text[start:end]))

    for i, (tok, nxt) in enumerate(itertools.pairwise(tokens)):
        if tok.band and tok.prep == "by" and tok.value is not None and nxt.value is not None:
            # "Reduce energy use by 8-10%": a range of change, no band to stay within; the
            # least change is what is committed to.
            least = tok._replace(
                end=nxt.end,
                value=min(tok.value, nxt.value),
                unit=tok.unit or nxt.unit,
                points=tok.points or nxt.points,
                band=False,
            )
            tokens = [*tokens[:i], least, *tokens[i + 2 :]]
            ambiguities.append(
                f"{text[tok.start : nxt.end].strip()!r} is a range of change: read as its "
                f"least, {least.value:g}"
            )
            break
    # Which number is which: a band; a "from" start; the target ("to", "by", "of"); the first.
    start_tok: Token | None = None
    value_tok: Token | None = None
    upper_tok: Token | None = None
    moved_by: Token | None = None  # the change a bracketed start and target make ("20%")
    # A band in brackets is an aside (a scale, "a confidence score (0–1)") where a number
    # outside them may be the target.
    aside = any(t.paren for t in tokens) and not all(t.paren for t in tokens)
    for tok, nxt in itertools.pairwise(tokens):
        if (
            tok.prep != "from"
            and (
                tok.band
                or (tok.prep == "between" and nxt.prep == "and")
                # "≥ 100 ms and ≤ 200 ms": a floor and a ceiling joined, a band
                or (
                    {tok.qualifier, nxt.qualifier} == {"least", "most"}
                    and _AND_ONLY.fullmatch(w, tok.end, nxt.start) is not None
                    and (tok.unit == nxt.unit or None in (tok.unit, nxt.unit))
                )
            )
            and tok.value is not None
            and nxt.value is not None  # no band to a number too large to hold
            and not (aside and tok.paren)
        ):
            value_tok, upper_tok = tok, nxt
            if nxt.value < tok.value:
                value_tok, upper_tok = nxt, tok  # "between 105 and 95 ms": low end first
                ambiguities.append(
                    f"{text[tok.start : nxt.end].strip()!r} is written high to low: read as "
                    f"{nxt.value:g} to {tok.value:g}"
                )
            break
    else:
        # Once, and only where another number may be of another kind: "from" a count of
        # other things is a source (a lone number never is).
        kinds = _kinds(tokens, w) if len(tokens) > 1 else frozenset()
        start_tok = next(
            (
                t
                for t in tokens
                if t.prep == "from" and not t.qualifier and not _source(t, kinds, w)
            ),
            None,
        )
        start_tok = start_tok or _baseline(tokens, w, kinds)
        if start_tok is None and kind not in ("keep", "cap", "out"):
            start_tok = _linked_start(tokens, kind, w, verb[2].end() if verb else 0)
        value_tok = next(
            # "from 40 to 15 minutes": the end of a start's pair, whatever precedes it
            (
                t
                for t in tokens
                if start_tok
                and start_tok.prep == "from"
                and t.start > start_tok.end
                and _TO_GAP.fullmatch(w, start_tok.end, t.start)
            ),
            None,
        ) or _target(
            [t for t in tokens if t is not start_tok],
            w,
            verb[2].end() if verb else None,
            counts=kind == "out",
            money=kind in ("out", "reach"),
            way=(kind, lemma),
        )
        if start_tok is not None and value_tok is None:
            start_tok, value_tok = None, start_tok  # "from 5%" alone is not a baseline
        elif (pair := _bracketed_move(tokens, start_tok, value_tok)) is not None:
            # "Grow revenue 20% ($3M → $3.6M)": the levels in brackets are the start and the
            # target, and the share outside them the change they make
            moved_by, value_tok = value_tok, pair
            ambiguities.append(
                f"{text[moved_by.start : moved_by.end].strip()!r} read as the change from "  # type: ignore[union-attr]
                f"{text[start_tok.start : start_tok.end].strip()!r} to "  # type: ignore[union-attr]
                f"{text[pair.start : pair.end].strip()!r}, not as the target"
            )
        if kind in ("inc", "dec") and start_tok is None and value_tok is not None and verb:
            value_tok = _bare_change(tokens, value_tok, w, verb[2].end(), up=kind == "inc")
    if value_tok is not None and value_tok.placeholder and value_tok.prep == "by":
        # "Reduce churn by X% to 3%": a change still to come, but the level it reaches is
        # written, and is the target
        written = _level_after(
            tokens, value_tok, w, verb[2].end() if verb else 0, rate=RATE.search(text) is not None
        )
        if written is not None:
            ambiguities.append(
                f"{text[value_tok.start : value_tok.end]!r} is a change still to come: read "
                f"the level it reaches, {text[written.start : written.end].strip()!r}, as the "
                "target"
            )
            value_tok = written

    if (
        value_tok is not None
        and value_tok.unit == "x"
        and value_tok.prep in (None, "hit", "reach")  # right after its verb
        and (
            (
                kind in ("", "keep", "reach")
                and (
                    _RATIO_AFTER.match(w, value_tok.end)
                    # "Pipeline coverage 3.5x for Q4": the metric's name right before it
                    or _RATIO_BEFORE.search(w, max(0, value_tok.start - 40), value_tok.start)
                )
            )
            or (kind in ("", "keep", "reach", "out") and _CAPACITY_AFTER.match(w, value_tok.end))
        )
    ):
        # "1.8x pipeline coverage", "Have 4x replication", "Reach 3x pipeline coverage": a
        # multiple is the level of a metric measured in multiples (D8), as "coverage =
        # 1.8x" is; not a growth; and so is what a system can take, against its load
        # ("Handle 3x peak traffic", "Provision 2x peak capacity").
        value_tok = value_tok._replace(prep="=")
    if (
        kind == "out"
        and value_tok is not None
        and value_tok.unit == "x"
        and not value_tok.change
        and not _COMPARED.match(w, value_tok.end)  # "Ship 2x faster releases": a factor
    ):
        head = noun_after(w, value_tok.end)
        if head is None and (measure := _measure_right_after(tokens, value_tok, w)) is not None:
            head = noun_after(w, measure.end)  # "Write 3x 5 minute blog posts": 3 of them
        if head is not None and w[head[1] - 1] in "sS":
            # "Publish 12x case studies": an activity's "x" counts its things, no factor.
            value_tok = value_tok._replace(unit=None, noun=head)

    subject_verb: int | None = None
    if (
        kind == "keep"
        and verb is not None
        and lemma == "ensure"
        and not tokens
        and (had := _ENSURED_HAVE.match(w, verb[2].start())) is not None
    ):
        # "Make sure we have a good plan for X": a thing to have in place, read as the words
        # after "have" are with no verb ("A good plan for X": a deliverable; "a healthy
        # pipeline", a metric's level, is held)
        w, verb, kind, lemma = " " * had.end() + w[had.end() :], None, "", ""
    if kind == "keep" and verb is not None and lemma == "ensure":
        held = _THAT.match(w, verb[2].end())  # past "that", if it follows
        held_from = held.end() if held else verb[2].end()
        held_clause = " " * held_from + w[held_from:]
        ensured = (
            _main_verb(held_clause) if _NO_LEAD.match(w, held_from) and _none(held_clause) else ()
        )
        if ensured is None or (ensured and ensured[0] in ("out", "reach")):
            # "Ensure no patient waits more than 18 weeks": none may, as with no "Ensure"
            # (not where a verb of change follows: "none of the 5 regions drops below 99%")
            w, verb = held_clause, ensured
            kind, lemma = (verb[0], verb[1]) if verb else ("", "")
            tokens = [t for t in tokens_of(w) if t.prep != "per"]
    if kind in ("out", "reach") and verb is not None and _none(w) and _NO_LEAD.match(w):
        # After "No" a verb is its subject's, no imperative: "No ticket waits more than 48
        # hours" is a ceiling of zero, as "No orders fail" is (the 48 hours its condition).
        subject_verb = verb[2].start()
        kind, lemma, verb = "", "", None
    if not kind and _none(w):
        start_tok = value_tok = upper_tok = None  # "No orders fail": a ceiling of zero
        zero = True
    else:
        zero = False
    if (
        kind in ("out", "reach")
        and value_tok is not None
        and verb is not None
        and _MEASURED_BY.search(w, verb[2].end(), value_tok.start)
    ):
        kind = ""  # "Provide a great experience, as measured by a score of 4+"
    factor = FACTORS.get(lemma)
    if factor is not None and verb is not None and _IDIOM.match(w, verb[2].end()):
        factor = None  # "Double down on what works": more effort, no factor
    if factor is None and kind == "dec" and HALF.search(w):
        factor = 2
    if factor is not None:
        if value_tok is None or value_tok.prep not in ("to", "of", "at"):
            # "Double WAU", "Cut onboarding time in half": a relative change by a factor,
            # from a baseline the statement gives ("Halve pages (currently 14)").
            if start_tok is None and value_tok is not None and _is_baseline(value_tok, w):
                start_tok = value_tok
            value_tok = upper_tok = None
        else:
            factor = None  # "Double sign-ups from 5k to 10k": the target says what it means

    # "Reach top 10 in the App Store", "Top-5 post on Hacker News": a place in a ranking
    # sought, an outcome whose rank names the place, no value (D7)
    ranked = (
        _standing(text)
        if kind in ("out", "reach", "") and start_tok is None and upper_tok is None
        else None
    )
    standing = ranked is not None and (
        value_tok is None or ranked.start() <= value_tok.start < ranked.end()
    )
    if standing:
        value_tok = None
    # Which way the metric is better matters only where no verb of change says it.
    lower = kind not in ("inc", "dec") and lower_is_better(text.lower())
    own = (
        (
            not kind
            or (verb is not None and value_tok is not None and verb[2].start() > value_tok.start)
        )
        # none of things made is no work done: "Zero never events" are none to happen; nor
        # is a ceiling on them: "3 regretted hires or fewer", "No more than 3 meetings a week"
        and (
            value_tok is None
            or (
                value_tok.value != 0
                and value_tok.qualifier != "most"
                and not _ceiling_after(w, value_tok)
            )
        )
        and _own_work(w, value_tok, baseline=start_tok is not None)
    )
    raised = _raises_funds(lemma, value_tok, w)  # money raised: work, and counted from none
    own = (
        own
        or _adds_own_work(lemma, value_tok, text)
        or _averages_work(lemma, value_tok, w)
        or raised
        or _gathered(lemma, value_tok, text)
        or _handles_faults(lemma, value_tok, text)
        or (kind == "reach" and _reaches_made(lemma, value_tok, text))
        or _moves_things(lemma, value_tok, text)
        or _ramps_people(lemma, value_tok)
    )
    # The verb that governs the number, which may be a later clause's: its way, not the first
    # verb's, is the direction ("Launch the portal and reduce churn to 2%"), and what is
    # better for the metric is read in its clause.
    way_kind, way_lemma, clause = (
        _governing_verb(text, kind, lemma, value_tok)
        if value_tok is not None and kind
        else (kind, lemma, 0)
    )
    way_lower = (
        lower
        if not clause
        else way_kind not in ("inc", "dec") and lower_is_better(text[clause:].lower())
    )
    direction = _direction(
        way_kind, way_lemma, value_tok, start_tok, text=text, lower=way_lower, own=own
    )
    # "Ship releases faster": work done better, a change with no number (not a deliverable);
    # "Reach top 10 in the App Store": a standing in a ranking, got or not (D7: no value)
    better_how = (
        kind == "out"
        and value_tok is None
        and verb is not None
        and (how := _BETTER_HOW.search(w, verb[2].end())) is not None
        # in the verb's own clause: not "Migrate to Actions to ship faster", "Ship a
        # checkout that loads faster"
        and _PURPOSE_OR_CLAUSE.search(w, verb[2].end(), how.start()) is None
    )
    # "Peerpad handles 20 users for a session of 1 hour": what a thing the team made does,
    # said of it, is a level it holds, no work counted (not "The team ships 12 releases").
    capacity = (
        kind == "out"
        and verb is not None
        and value_tok is not None
        and start_tok is None
        and not value_tok.qualifier
        and value_tok.start > verb[2].end()
        and verb[2][0].lower().endswith("s")
        and verb[2][0].lower() != lemma
        and lemma in _CAPACITY
        and _THING_SUBJECT.fullmatch(w, 0, verb[2].start()) is not None
    )
    if capacity:
        direction = Direction.AT_LEAST
    # "Build a community hub with 25 subscribers": the audience what is made gathers, which
    # others give it by joining (as "Discord community with 50+ members" is), no work counted
    audience = (
        kind == way_kind == "out"
        and value_tok is not None
        and value_tok.noun is not None
        and direction is Direction.INCREASE
        and _WITH_BEFORE.search(w, max(0, value_tok.start - 8), value_tok.start) is not None
        and _AUDIENCE.fullmatch(w, *value_tok.noun) is not None
        # (a team's members are staffed: "Build an SRE team with 5 members")
        and not (
            w[value_tok.noun[0] : value_tok.noun[1]].lower() == "members"
            and _STAFFED.search(w, 0, value_tok.start) is not None
        )
    )
    if audience:
        direction = Direction.AT_LEAST
    if better_how or standing:
        # (a verb after the rank is no imperative: "Top-5 post on Hacker News" is a level)
        led = verb is not None and (not standing or verb[2].start() < ranked.start())  # type: ignore[union-attr]
        direction = Direction.INCREASE if led else Direction.AT_LEAST
    held_by_subject = (
        lemma in ("stay", "remain")
        and verb is not None
        and value_tok is None
        and _WORD.search(w, 0, verb[2].start()) is not None
    )
    if held_by_subject:
        subject = text[: verb[2].start()].lower()  # type: ignore[index]
        way = polarity(subject)
        if way is None and lower_is_better(subject):
            direction = None  # "churned customers stays the same": two ways, none said (D4)
        else:
            direction = Direction.AT_MOST if way == "lower" else Direction.AT_LEAST
    if not kind and tokens and all(t.placeholder for t in tokens) and not _words_beside(w, tokens):
        direction = None  # "TBD", "X%": a target to come, of no metric yet, no way
    # With no verb and no qualifier, a baseline other than the target makes a move the way
    # the numbers go (D19): "Support tickets from 350 to 200 per week" is a decrease, whatever
    # a count of tickets would say alone, and so is a metric that names no way ("NPS spend
    # from 2 to 1"); the numbers say it, no guess.
    numbers_say = False
    if (
        not kind
        and value_tok is not None
        and start_tok is not None
        # (a signed target after a signed start is a level, not a change: "NPS -10 → -5")
        and (direction in _HELD or direction is None or (value_tok.sign and start_tok.sign))
        and not value_tok.qualifier
        and _same_measure(start_tok, value_tok, w)
    ):
        begun, reached = start_tok.value, value_tok.value
        if begun is not None:
            begun = in_unit(begun, start_tok.unit, value_tok.unit)  # "45 min (from 2.5 h)"
        if begun is not None and reached is not None and begun != reached:
            numbers_say = True
            up = reached > begun
            way = _metric_way(text, value_tok, way_lower)
            if way == ("lower" if up else "higher"):
                # Against the way the metric is better, a level with room to spare ("Uptime
                # 99.9% (currently 99.95%)"): held the way it is better, not moved (D19).
                direction = Direction.AT_LEAST if way == "higher" else Direction.AT_MOST
            else:
                direction = Direction.INCREASE if up else Direction.DECREASE
    if value_tok is not None and value_tok.unit == "rank":
        direction = _ranked(direction, start_tok, value_tok)
    named: Token | None = None
    if direction is Direction.MILESTONE and upper_tok is None and value_tok is not None:
        # A deliverable is done or not: a number in it names or describes it ("multistream
        # 2.0 is implemented", "Release CodeNet with one challenge") and is no value (D16-D17).
        named, value_tok, start_tok = value_tok, None, None
    form: Form | None = None
    value: float | None = None
    unit: str | None = None
    relative = False
    if upper_tok is not None:
        direction, form = Direction.WITHIN, "target"
    elif factor is not None:
        form, value, unit, relative = "change", float(factor), "x", True
    elif value_tok is not None:
        form = _form(kind, lemma, value_tok, start_tok)
        if (verb and value_tok.end <= verb[2].start()) or (
            # (but "Raise £500K more in grant funding" is a change, from what there is)
            raised and start_tok is None and _MORE_NEXT.match(w, value_tok.end) is None
        ):
            # "20 case studies added": a count, whatever the verb; "Raise ₹25 lakh in
            # alumni contributions": money gathered from none, as "$3M raised" is (D2)
            form = "target"
        elif (
            form == "target"
            and verb is not None
            and kind in ("inc", "dec")
            and value_tok.prep == "of"
            and start_tok is None
            and (
                _COMPARED_TO.match(w, value_tok.end) is not None
                or not w[verb[2].end() : value_tok.start].strip().lower().removesuffix("of")
            )
        ):
            # "of" for "by", as other languages write it: right after the verb ("Reduce of
            # 15% the delays"), or against a time before ("Increase the turnover of 12%
            # compared to last year")
            form = "change"
    elif lemma == "eliminate" or (
        lemma in _CLEAR and verb is not None and _ALL.match(w, verb[2].end()) is not None
    ):
        # "Eliminate all P0 bugs", "Resolve all test regressions": none left, a decrease to 0
        form, value, direction = "target", 0.0, Direction.DECREASE
        every = _ALL_OF.match(w, verb[2].end()) if verb else None
        head = noun_after(w, every.end() if every else verb[2].end()) if verb else None
        unit = text[head[0] : head[1]] if head else None  # "Eliminate all P0 bugs": bugs
    elif lemma in _PREVENT and verb is not None and not w[: verb[2].start()].strip():
        # "Prevent HTML injection", "Avoid any data loss": none of it, at most 0; "Prevent
        # bug count from creeping up": held where it is, at most.
        direction = Direction.AT_MOST
        if not _FROM_RISING.search(w, verb[2].end()):
            form, value = "target", 0.0
            every = _ALL_OF.match(w, verb[2].end())
            head = noun_after(w, every.end() if every else verb[2].end())
            # Things counted, in the plural ("regressions"); not a mass ("HTML injection").
            plural = head is not None and text[head[1] - 1] in "sS" and text[head[1] - 2] != "s"
            unit = text[head[0] : head[1]] if head and plural else None
    elif zero:
        form, value, direction = "target", 0.0, Direction.AT_MOST
        head = _zero_noun(w, subject_verb)
        if head is not None:
            unit = text[head[0] : head[1]]  # "No orders fail at checkout": orders
    if (
        value_tok is not None
        and form == "change"
        and way_kind in ("inc", "dec")
        and (value_tok.unit or _noun(text, value_tok)) == "times"
        and not _PERIOD_AFTER.match(w, (value_tok.noun or (0, value_tok.end))[1])
    ):
        # "Grow revenue 5 times": a factor, as "5x" and "5 times more" are; "Deploy 3 times
        # a week" stays how often.
        value_tok = value_tok._replace(unit="x", noun=None)
    if value_tok is not None:
        value = value_tok.value
        if value is not None and form == "change":
            value = abs(value)
        relative = form == "change" and value_tok.unit in ("%", "x") and not value_tok.points
    if direction is Direction.MILESTONE:
        relative = False
    if form == "change" and direction in (Direction.AT_LEAST, Direction.AT_MOST):
        # A change moves a metric, it holds no bound: "Support tickets per 100 vehicles by
        # 20%" goes down, the way the metric is better ("by at least 20%" bounds the amount)
        direction = Direction.DECREASE if way_lower else Direction.INCREASE
    labelled: tuple[tuple[SpanLabel, Token | None], ...] = (
        ("value", value_tok),
        ("start", start_tok),
        ("upper", upper_tok),
    )
    for label, part in labelled:
        if part is not None:
            mark("placeholder" if part.placeholder else label, part.start, part.end)
            if unit is None and not (part.placeholder and part.unit is None):
                # A placeholder's noun is no unit: "XX sign-ups" writes no count of them yet.
                unit = part.unit or (text[part.noun[0] : part.noun[1]] if part.noun else None)
                if (
                    part.unit is None
                    and unit is not None
                    and canonical_unit(unit) in DURATIONS
                    and _EVENT_HOURS.search(text, 0, part.noun[1]) is None  # type: ignore[index]
                ):
                    unit = canonical_unit(unit)  # "10k learning hours logged": h

    # Progress or a score after the statement, blanked in *w*, is no part of the metric.
    limit = deadlines[0].start() if deadlines else len(w.rstrip())
    # The metric follows the verb that governs the number: a later clause's ("Cut costs and
    # hold headcount at 50": headcount), else the statement's.
    # (with no verb, from the first word not blanked: "Make sure we have a plan" has its
    # lead blanked, the plan its metric)
    begin = clause or (verb[2].end() if verb else len(w) - len(w.lstrip()))
    if verb:
        mark("verb", verb[2].start(), verb[2].end())
    if zero and subject_verb is not None and (no := _NO_LEAD.match(w)) is not None:
        # "No client inquiry takes more than a day": what none of may do so, the subject.
        span = _clean_metric(text, no.end(), subject_verb)
    elif held_by_subject:
        # "The number of churned customers stays the same", "CI stays green": what is held
        # is the subject, what follows the verb the state it is held in
        span = _clean_metric(text, 0, verb[2].start())  # type: ignore[index]
    else:
        span = _metric(w, text, begin, value_tok or start_tok, max(limit, begin))
    if (
        span is None
        and verb
        and not LEAD_SKIP.issuperset(_WORD.findall(w.lower(), 0, verb[2].start()))
    ):
        # The verb's subject, when nothing after the verb names the metric: "Churn reduced to
        # 3%", "Signups climb to 10,000", "Open issues decline from 900 to 400" (up to an
        # aside in brackets: "Churn (currently 5%) down to 3%").
        bracket = text.find("(", 0, verb[2].start())
        span = _clean_metric(text, 0, bracket if bracket > 0 else verb[2].start())
    if span is not None and start_tok is not None and span[0] <= start_tok.start < span[1]:
        span = _clean_metric(text, span[0], start_tok.start)  # "NPS 32 to 50": not "NPS 32"
    if span is not None and named is not None and span[0] <= named.start < span[1]:
        span = (named.start, named.end)  # "Release 2.0 with ...": the version, not "2"
    if (
        span is not None
        and not any(c.isalpha() for c in text[span[0] : span[1]])
        and _DOTTED.fullmatch(text, span[0], span[1]) is None
    ):
        # "5" of "Hire 5 to 10 engineers" names no metric; the noun counted may
        span = None if value_tok is None or value_tok.noun is None else value_tok.noun
    metric = None
    if span is not None:
        mark("metric", *span)
        metric = text[span[0] : span[1]]

    if unit == "points" and form == "change" and metric and _RATE_WORD.search(metric):
        unit = "%"  # "Increase win rate by 3 pts": percentage points of a rate (D5)
    level_tok = (
        _level_after(tokens, value_tok, w, begin, rate=RATE.search(metric or text) is not None)
        if form == "change" and value_tok is not None
        else None
    )
    if relative and unit == "%" and RATE.search(metric or text):
        amount = "X%" if value is None else f"{value:g}%"
        ambiguities.append(
            f"'by {amount}' on a rate: read as {amount} of its current value; "
            f"it could also mean {amount[:-1]} percentage points"
        )
    if (
        direction is Direction.WITHIN
        and kind in ("inc", "dec", "reach", "out")
        and value_tok is not None
        and upper_tok is not None
        and value_tok.start < upper_tok.start
        # ("between 45% and 55%" and "within 10-15 days" say it is a band; "to 3-4%" is a
        # level, "in 12-15 days" a time)
        and value_tok.prep is None
        and value_tok.qualifier is None
        and (upper_tok.unit or value_tok.unit) not in DURATIONS  # "12-15 days": a time
    ):
        # "Close 12-15 new deals": a band, as the conventions read a range; but beating it
        # scores nothing, which the writer may not mean
        band = text[value_tok.start : upper_tok.end].strip()
        ambiguities.append(
            f"{band!r} read as a band to stay within; after {lemma!r} it could be a range to "
            "reach, or to change by"
        )
    if (
        form == "change"
        and value_tok is not None
        and value_tok.prep == "by"
        and (
            (value_tok.sign == "-" and direction is Direction.INCREASE)
            or (value_tok.sign == "+" and direction is Direction.DECREASE)
        )
    ):
        # "Increase revenue by -10%": the verb says one way, the sign the other
        amount = text[value_tok.start : value_tok.end].strip()
        ambiguities.append(
            f"'by {amount}' after {lemma!r}: read as {direction.value} by its size; the sign "
            "says the other way"
        )
    if relative and unit == "%" and direction is Direction.DECREASE and (value or 0) > 100:
        ambiguities.append(
            f"'by {value:g}%' would take it below zero: no target follows from a start; "
            "it may mean percentage points, or a smaller cut"
        )
    if kind == "out" and not way_kind and clause and value_tok is not None:
        # "Write a post that gets 100+ reads", "Redesign X so that 70% of users find it"
        count = text[value_tok.start : value_tok.noun[1] if value_tok.noun else value_tok.end]
        ambiguities.append(
            f"{count.strip()!r} read as a level what is made should reach, not as work done"
        )
    if named is not None and kind == "out":
        count = text[named.start : named.noun[1] if named.noun else named.end].strip()
        ambiguities.append(f"{count!r} read as describing the deliverable, not as a count to reach")
    if (
        kind == way_kind == "reach"
        and direction is Direction.DECREASE
        and value_tok is not None
        and value_tok.qualifier is None
        and value_tok.change is None  # "Move up 5 places" says it
        and start_tok is None
    ):
        ambiguities.append(
            f"{way_lemma!r} does not say which way: read as down, as the metric is better low"
        )
    if (
        kind == "reach"
        and direction is Direction.MILESTONE
        and value_tok is None
        and named is None
        and not MILESTONE_NOUN.search(text)
        and not _moved_to(text, lemma)
    ):
        ambiguities.append(
            f"{lemma!r} with no number, goal or metric: read as a thing got or done, done or "
            "not; it could be a level to reach"
        )
    if standing:
        ambiguities.append("a place in a ranking sought: read as an outcome, with no value (D7)")
    if capacity:
        ambiguities.append(
            f"{verb[2][0]!r} said of its subject: read as a level it holds, not as work counted"  # type: ignore[index]
        )
    if better_how:
        ambiguities.append(
            f"{lemma!r} done better with no number: read as a change sought, up; the time "
            "it takes would go down"
        )
    if lemma in _PREVENT and value_tok is None and direction is Direction.AT_MOST:
        ambiguities.append(
            f"{lemma!r} with no number: read as none of it (at most 0, or at most where it is); "
            "it could be the work that prevents it"
        )
    if lemma in POLAR and start_tok is None and not lower and direction is not Direction.DECREASE:
        ambiguities.append(
            f"{lemma!r} does not say which way: read as up, as the metric is better high"
            if higher_is_better(text.lower())
            else f"{lemma!r} does not say whether the metric goes up or down: read as up"
        )
    if lemma in DELIVER_UNLESS_COUNTED and value_tok is not None and value_tok.noun is not None:
        whose = "the team's own work" if own else "what others do or have"
        other = "what others do or have" if own else "the team's own work"
        count = text[value_tok.start : value_tok.noun[1]].strip()
        ambiguities.append(f"{count!r} read as {whose}; it could be {other}")
    if not kind and direction is not None and not numbers_say:
        guess = _verbless_guess(text, direction, value_tok or named, own=own, zero=zero)
        if guess is not None:
            ambiguities.append(guess)
    ambiguities.extend(
        f"{text[t.start : t.end].strip()!r} is too large or too small a number to hold: none read"
        for t in tokens
        if t.value is None and not t.placeholder
    )
    # By place: a token read otherwise ("1.8x pipeline coverage" as a level) is still used.
    used = {t.start for t in (start_tok, value_tok, upper_tok, level_tok, named, moved_by) if t}
    # Where another target may start after the one read: once, not at each number (a text
    # of many numbers stays linear).
    after_next = None
    if value_tok is not None and any(t.start > value_tok.end for t in tokens):
        after_next = _NEXT_TARGET.search(w, value_tok.end)
    ambiguities.extend(
        f"{text[t.start : t.end].strip()!r} read as "
        + (
            "another target, after the one read (the first)"
            if after_next is not None and after_next.end() <= t.end and t.start > value_tok.end  # type: ignore[union-attr]
            else "a condition, not the target"
        )
        for t in tokens
        if t.start not in used and not t.placeholder and t.value is not None
    )
    if level_tok is not None:
        mark("level", level_tok.start, level_tok.end)
    if deadlines:
        mark("deadline", deadlines[0].start(), deadlines[0].end())
    spans.sort(key=lambda s: (s.start, s.end))
    return ParsedKeyResult(
        text=text,
        direction=direction,
        form=form,
        value=value,
        start=_start_in(start_tok, unit),
        upper=upper_tok.value if upper_tok else None,
        relative=relative,
        unit=unit,
        metric=metric,
        deadline=deadlines[0][0] if deadlines else None,
        measurable=value is not None,
        output=own
        or (
            # An activity, unless a later clause's verb of change, reaching or holding
            # governs the number: then the work is the means and the number an outcome
            # ("Test Twitter as a channel, and get 10 signups per week", "Replace the queue
            # while sustaining 99.99% delivery"); but what a later "ensure" makes sure of
            # is work done ("..., and ensure that 100% of teammates have been trained").
            kind == "out"
            and not (better_how or standing or capacity or audience)
            and (
                value_tok is None
                or way_kind == "out"
                or (way_kind == "keep" and (not clause or way_lemma == "ensure"))
            )
            # ("Hire 1 more SDR": a count more of work is work, unlike "20% more posts")
            and (form != "change" or (way_kind == "out" and unit not in ("%", "x")))
            and direction is not Direction.AT_MOST
            # "Onboard new hires in 10 days instead of 21": a time taken brought down, as
            # "in 10 days" alone is a time limit
            and not (direction is Direction.DECREASE and unit in DURATIONS)
            # "Deliver 120% of plan": a plan's attainment, an outcome
            and not (unit == "%" and share_of_plan(text))
            and value != 0  # "Fix all flaky tests": none left, an outcome
            and (value_tok is None or value_tok.unit != "rank")  # "Finish 3rd": a result
            # "Build reserves to 4 months of expenses", "Build pipeline to $5M": a stock
            # grown to a level, as "Grow reserves to ..." is (not "... to 12 engineers")
            and not (
                lemma == "build"
                and value_tok is not None
                and value_tok.prep == "to"
                and value_tok.noun is None
            )
            and not _service_level(w, value_tok, tokens, deadlines)
        )
        or direction is Direction.MILESTONE,
        ambiguities=tuple(ambiguities),
        spans=tuple(spans),
    )


# Metrics measured in multiples, after a factor: "1.8x pipeline coverage", "4x replication".
_RATIO_AFTER = re.compile(
    r"\s+(?:[^\W\d_][\w-]*\s+){0,2}(?:coverage|replication|ratio|roas|roi|multiple|redundancy|"
    r"ltv\s*(?:[:/]|to)\s*cac)\b",
    re.IGNORECASE,
)
# What a system can take, as a multiple of its load: "3x peak", "2x capacity headroom".
_CAPACITY_AFTER = re.compile(
    r"\s+(?:[^\W\d_][\w-]*\s+)?(?:peak|capacity|headroom)\b(?!\s+(?:growth|increase)\b)",
    re.IGNORECASE,
)
_RATIO_BEFORE = re.compile(
    r"\b(?:coverage|replication|ratio|roas|roi|multiple|redundancy|ltv\s*(?:[:/]|to)\s*cac)"
    r"(?:\s+(?:of|at|is|=|:))?\s*[:=]?\s*$",
    re.IGNORECASE,
)
# "Double down on what works" names no factor.
_IDIOM = re.compile(r"\s+down\b", re.IGNORECASE)
_UP_NEXT = re.compile(r"\s+up\b", re.IGNORECASE)  # "Speed up X"
# Verbs of reaching that get more, with no number ("gain" is a verb of change already).
_GAIN = frozenset(("attract",))
# What a system does at a load, said of it: "handles 20 users", "serves 1M requests" (not
# what an organisation does: "The council publishes 20 datasets").
_CAPACITY = frozenset(("handle", "serve", "process", "withstand", "sustain"))
# A subject of one to four words that names a thing, not the team: "Peerpad", "The API".
_THING_SUBJECT = re.compile(
    r"\s*(?:the\s+|our\s+|each\s+|every\s+)?"
    r"(?!(?:we|i|us|team|teams|they|our)\b)[^\W\d_][\w.-]*(?:\s+(?!team\b)[^\W\d_][\w.-]*){0,3}\s*",
    re.IGNORECASE,
)
_WITH_NEXT = re.compile(r"\s+with\b", re.IGNORECASE)  # "Partner with X"
_DOWN_NEXT = re.compile(r"\s+down\b", re.IGNORECASE)  # "Burn down X"
# "over" then a thing, no amount: "Cut over DNS" (not "Cut over 30% of costs").
_OVER_THING = re.compile(
    r"\s+over\s+(?:to\s+)?(?:the\s+|our\s+|all\s+)?"
    r"(?!(?:half|a\s+(?:third|quarter|half|fifth)|one|two|three|budget|spend|cost)\b)[^\W\d_]",
    re.IGNORECASE,
)
_THE_LINE = re.compile(r"\s+the\s+line(?:\s+on)?\b", re.IGNORECASE)  # "Hold the line on X"
_LABEL = re.compile(r"(?:[^:.!?]|\b[A-Z][a-z]{1,3}\.(?=\s)){1,40}:\s+(?=\S)")


# What a verb of making makes when it names a change sought, not a deliverable: "Create a
# world-class team", "Develop a culture of ownership", "Create opportunities for ..." (the
# head of its object: "Launch a community forum" delivers a forum).
_CHANGE_SOUGHT = re.compile(
    # (past a second verb joined to the first: "Develop and evangelize a ... culture")
    r"(?:\s+(?:and|&)\s+[^\W\d_]+)?"
    r"\s+(?:(?:a|an|the|our)\s+)?(?:"
    r"(?:[^\W\d_][\w'’-]*\s+){0,3}?"
    r"(?:teams?|culture|environment|community|movement|opportunit\w*|trust|awareness|"
    r"momentum|space|clarity|alignment|belonging|excitement|demand|value)"
    r"(?=\s*(?:$|[,.;:!?)—–-]|(?:of|for|that|where|in|with|across|around|among|to|and)\b))"
    # or a thing aspired to, the best of its kind: "Deploy a world-class experience", "Deliver
    # the most efficient services", "Hold the line on performance"
    r"|world[-\s]class\b|best\b|premier\b|(?<=\bthe\s)most\s+[^\W\d_]|line\s+on\b)",
    re.IGNORECASE,
)
# Verbs that attain a certificate or a state of compliance, a milestone done or not:
# "Achieve SOC 2 Type II certification", "Achieve GDPR compliance".
_ATTAIN = frozenset(("achieve", "obtain", "earn", "gain", "pass", "attain", "get", "secure"))
# A numbered objective's label: "Objective 2 -", "Goal 3:", "OKR 1.", "1.", "2)".
_NUMBERED = re.compile(
    r"\s*(?:(?:objective|obj\.?|goal|okr)\s*#?\s*\d{1,3}|\d{1,2}[.)])(?:\s*[:.)\-–—]\s*|\s+)(?=\S)",
    re.IGNORECASE,
)


def _word_end(w: str, verb: tuple[str, str, re.Match[str]]) -> int:
    """Where the verb's word ends and the text after it starts, past spaces."""
    end = verb[2].end()
    while end < len(w) and w[end] == " ":
        end += 1
    return end


def _after_label(w: str) -> str:
    """Masked text *w* with a leading label of up to four words blanked: "Distribution:
    Automate support tasks" reads from "Automate"."""
    m = _LABEL.match(w) if ":" in w[:48] else None
    if m is None or len(m[0].split()) > 4:
        return w
    return " " * m.end() + w[m.end() :]


# Things delivered that an objective with no verb may be named by, besides `MADE`'s: "Litmus
# Docs", "Lookout Platform", "Litmus Operator".
_DELIVERED = frozenset(
    ("docs", "documentation", "platform", "operator", "website", "site", "app", "sdk", "api",
     "pipeline", "integration", "integrations", "plugin", "extension", "portal",
     "mvp", "beta", "prototype", "toolkit", "cli", "redesign", "migration", "rollout")
)  # fmt: skip
# The head of a noun phrase: its last word before a preposition, an aside or its end (a
# word tried from its first letter only: from every letter of a long word, the search took
# time in the square of its length).
_HEAD_WORD = re.compile(
    r"(?<![\w'’-])([^\W\d_][\w'’-]*)\W*(?:\([^()]*\)\W*)?(?:$|\s(?:for|on|with|in|of|to|"
    r"across|into|from|via|at|by)\s)",
    re.IGNORECASE,
)
# Words of a quality sought, which make a thing named an aspiration: "Great docs", "Stable
# platform", "Seamless integration".
_SOUGHT = re.compile(
    r"\b(?:great|excellent|world[- ]class|best|amazing|awesome|delightful|outstanding|superb|"
    r"good|stable|scalable|usable|easy|easy-to-use|intuitive|modern|accessible|up-to-date|"
    r"accurate|helpful|frequent|predictable|timely|smooth|seamless|engaging|inclusive|reliable|"
    r"robust|secure|fast|simple|consistent|exceptional|white-glove|cultural|post-merger|"
    r"additional|high-quality|quality|efficient|effective|sustainable|trusted|clear|better|"
    r"faster|cheaper|more|less|fewer)\b",
    re.IGNORECASE,
)
# A phrase no longer than this names a thing, if it names one at all.
_NAMED_THING_LENGTH = 120


# Verbs that make a thing or a state, whose object says which (`_SYSTEM_BUILT`).
_BUILD = frozenset(("build", "establish", "create"))
# A system made, its head noun after a few words of its qualities: "a reliable,
# evidence-first agentic pipeline", "a definitive ground truth", "a consistent hiring process".
_SYSTEM_BUILT = re.compile(
    r"\s+(?:out\s+)?(?:(?:a|an|the|our)\s+)?"
    r"(?:(?!(?:among|of|for|in|on|and|or|with|to|across|between|from|by|around|about|as|via|"
    r"behind|through|where|that|ourselves|itself|us|thriving|healthy|loyal|go-to|awareness)\b)"
    r"[^\W\d_][\w'’-]*,?\s+)"
    r"{0,5}?"
    # (a pipeline of data or of code, not of sales, a metric: "Build a stronger pipeline")
    r"(?:(?:data|agentic|devops|etl|ml|deployment|release|ingestion|processing|evaluation|"
    r"training|ci/cd|build)\s+pipelines?|backends?|web\s?sites?|sites?|process(?:es)?|repositor(?:y|ies)|platforms?|"
    r"systems?|tools?|apps?|applications?|dashboards?|databases?|apis?|services?|libraries|"
    r"library|frameworks?|datasets?|ground\s+truth|portals?|routines?|playbooks?|wikis?|"
    # (a model of data, not of a business: "Build a churn prediction model")
    r"(?<!business\x20)(?<!operating\x20)(?<!growth\x20)(?<!pricing\x20)(?<!revenue\x20)"
    r"(?<!delivery\x20)(?<!service\x20)(?<!engagement\x20)models?|"
    r"runbooks?|newsletters?|programs?|programmes?)"
    r"(?=\s*(?:$|[,.;:!?()—–]|\s-\s|(?:that|which|to|for|of|with|by|in|across|from|as)\b))",
    re.IGNORECASE,
)


def _names_a_thing_made(body: str) -> bool:
    """Whether *body*, an objective with no verb, is a noun phrase naming a thing delivered:
    its head is one (`_DELIVERED`, `MADE`: "Litmus Docs", "Integration with other
    products"), no quality is sought of it ("Great docs", "A faster platform"), and no word of
    it is a metric's."""
    if len(body) > _NAMED_THING_LENGTH or len(_WORD.findall(body)) > 6:
        return False
    m = _HEAD_WORD.search(body)
    if m is None:
        return False
    head, low = m[1].lower(), body.lower()
    return (
        (head in _DELIVERED or _is_made(head))
        and _SOUGHT.search(body) is None
        and COMPARATIVE.search(low) is None
        and polarity(low) is None
        and not may_name_metric(body)
    )


def parse_objective(text: str) -> ParsedObjective:
    """Read an objective: does it carry a number or metric, or name a deliverable?

    >>> parse_objective("Launch the new mobile app")
    ParsedObjective(text='Launch the new mobile app', numeric=False, output=True, words=5)
    >>> parse_objective("Make onboarding delightful for small teams").numeric
    False
    """
    if not isinstance(text, str):
        raise InvalidTypeError("text", text, "a str")
    w, _ = masked(text)
    numbered = _NUMBERED.match(w)
    if numbered is not None:  # "Objective 2 - ...", "Goal 3:", "1. ...": no number of its own
        w = " " * numbered.end() + w[numbered.end() :]
    body = _after_label(w)
    verb = _main_verb(body, guess=False)  # an objective's output: the lists
    lemma = verb[1] if verb else ""
    if verb is None and (first := body.split(None, 1)):
        # A verb of making the lists of change do not hold: "Update all contracts", "Digitize
        # paper forms" (WordNet's lemma, for the deliverable verbs only).
        word = first[0].lower()
        made = _verb_word(word)[0]
        # (its base form, not "Measured growth"; and not "Measure up to expectations")
        lemma = (
            made
            if made in OBJECTIVE_OUTPUT
            and made == word
            and not _UP_TO.match(body, body.find(first[0]) + len(first[0]))
            else ""
        )
    if lemma in _RELEASE and verb is not None and (v := _VERSION.match(w, _word_end(w, verb))):
        w = w[: v.start()] + " " * (v.end() - v.start()) + w[v.end() :]  # "Release 1.0": a name
    if DIGIT.search(w):
        w = without_ordinal_names(w)  # "all 6th graders": a name
    # A number is a digit (a digit always starts a number token) or a number word, but not
    # a word of how often ("before they ask twice").
    counted = FREQUENCY.sub(lambda m: " " * len(m[0]), w)
    numeric = (
        (lemma in FACTORS and not _IDIOM.match(w, verb[2].end() if verb else 0))
        or DIGIT.search(w) is not None
        or (
            may_have_number_word(words_of(counted) if counted.isascii() else None)
            and has_number_word(counted)
        )
        or (may_name_metric(w) and bool(OBJECTIVE_METRIC.search(w) or HALF.search(w)))
    )
    output = (
        (
            lemma in OBJECTIVE_OUTPUT
            and not COMPARATIVE.search(text)  # not "a Better System"
            # "Develop a world-class team": a change sought, whatever the verb of making
            and not _CHANGE_SOUGHT.match(w, _verb_end(w.lower(), lemma) or 0)
        )
        or (
            # a certificate, not a level of compliance ("Achieve 100% compliance with SLAs")
            lemma in _ATTAIN and MILESTONE_NOUN.search(text) is not None and not DIGIT.search(w)
        )
        or (not lemma and _names_a_thing_made(body))
        or (
            # "Build a reliable, evidence-first agentic pipeline that ...", "Establish a
            # definitive ground truth for ...": a system made, whatever qualities it is to
            # have (not "Build a world class team", "Build the foundation to scale")
            lemma in _BUILD
            and verb is not None
            and _SYSTEM_BUILT.match(body, verb[2].end()) is not None
            and not _CHANGE_SOUGHT.match(w, verb[2].end())
        )
    )
    words = sum(1 for chunk in text.split() if _ALNUM.search(chunk))
    return ParsedObjective(text=text, numeric=numeric, output=output, words=words)
