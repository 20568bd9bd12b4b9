"""A statement read in full: the values okrkit.text answers with, and the reading that makes
them, which finds the verb that governs the statement, which number is the start, the target
or a band's end, the direction, whether it moves *by* an amount or *to* a level, and the metric.
"""

from __future__ import annotations

import itertools
import re
from typing import Literal, NamedTuple, TypeAlias

import attrs

from okrkit.errors import InvalidTypeError
from okrkit.model import Direction
from okrkit.text._lexicon import (
    CHANGE_NOUN_DOWN,
    CHANGE_NOUN_UP,
    CHANGE_VERBS,
    COMPOUND,
    FACTORS,
    HALF,
    LEAD_SKIP,
    MILESTONE_NOUN,
    NEEDS_COUNT,
    OBJECTIVE_METRIC,
    OBJECTIVE_OUTPUT,
    POLAR,
    RATE,
    VERBS,
    lower_is_better,
    may_name_metric,
)
from okrkit.text._patterns import DIGIT, TRIM_START, masked, metric_end, trim_end, words_of
from okrkit.text._quantities import (
    FREQUENCY,
    Token,
    has_number_word,
    in_unit,
    may_have_number_word,
    noun_after,
    tokens_of,
)

Form: TypeAlias = Literal["change", "target"]
"""How a statement sets its goal: moving *by* an amount (``"change"``) or reaching a level."""

SpanLabel: TypeAlias = Literal[
    "verb", "metric", "value", "start", "upper", "qualifier", "deadline", "placeholder"
]
"""What a `Span` marks in a statement."""


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


# --- Reading ------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_ALNUM = re.compile(r"[^\W_]")
_SKIP_PREP = re.compile(r"\s*(?:in|of|on)\s+", re.IGNORECASE)
_CHANGE_OBJECT = re.compile(
    rf"\s*(?:(?:yoy|qoq|mom)\s+)?(?:{CHANGE_NOUN_UP}|{CHANGE_NOUN_DOWN}|more|fewer|less|higher|"
    r"lower)\s+(?:(?:in|of)\s+)?",
    re.IGNORECASE,
)


def _main_verb(w: str) -> tuple[str, str, re.Match[str]] | None:
    """The verb that governs the statement: its kind, lemma, and where it is."""
    lead = True
    for m in _WORD.finditer(w):
        word = m[0].lower()
        found = VERBS.get(word)
        if lead:
            if word in LEAD_SKIP or (word.endswith("ly") and not found):
                continue
            lead = False
            after = _WORD.match(w, m.end() + 1)
            if found and not (found[0] == "out" and after and after[0].lower() in COMPOUND):
                return found[0], found[1], m
        elif found and found[0] in ("inc", "dec") and word != found[1] and word[-1] in "ds":
            # Later in the sentence only an inflected change verb counts: "Churn reduced to 3%".
            return found[0], found[1], m
    return None


def _clean_metric(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a metric phrase inside text[start:end], trimmed; None if empty or long."""
    piece = text[start:end]
    lead = TRIM_START.match(piece)
    assert lead is not None
    begin, stop = start + lead.end(), start + max(lead.end(), trim_end(piece))
    if begin >= stop or len(text[begin:stop].split()) > 8:
        return None
    return begin, stop


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
    if found is None and value is not None:
        if value.noun is not None:
            # "Hold 12 customer interviews": the noun phrase after the count.
            return _clean_metric(text, value.end, value.noun[1])
        tail = _SKIP_PREP.match(w, value.end)
        stop = metric_end(w, tail.end() if tail else value.end, max(limit, value.end))
        found = _clean_metric(text, value.end, max(limit, value.end) if stop is None else stop)
    return found


def _direction(
    kind: str, lemma: str, value: Token | None, start: Token | None, *, text: str, lower: bool
) -> Direction | None:
    """The direction, from the verb first, then the numbers, then the metric (see the docs)."""
    qualifier = value.qualifier if value else None
    if qualifier == "better":
        qualifier = "most" if lower else "least"
    if kind == "inc":
        return Direction.INCREASE
    if kind == "dec":
        return Direction.DECREASE
    if value is not None and value.change is not None:
        return Direction.INCREASE if value.change == "up" else Direction.DECREASE
    if kind == "cap":
        return Direction.AT_MOST
    if kind == "keep":
        if qualifier is None:
            return Direction.AT_MOST if lower else Direction.AT_LEAST
        return Direction.AT_LEAST if qualifier == "least" else Direction.AT_MOST
    if (
        kind in ("reach", "out")
        and value is not None
        and start is not None
        and value.value is not None
        and start.value is not None
        and value.value != start.value
    ):
        return Direction.INCREASE if value.value > start.value else Direction.DECREASE
    if kind == "out":
        return Direction.MILESTONE if value is None else Direction.INCREASE
    if kind == "reach":
        if value is None and lemma not in POLAR:
            return Direction.MILESTONE if MILESTONE_NOUN.search(text) else None
        if qualifier is not None:
            return Direction.DECREASE if qualifier == "most" else Direction.INCREASE
        return (
            Direction.DECREASE
            if lower and lemma in POLAR | {"bring", "get"}
            else (
                Direction.DECREASE
                if lower and value is not None and value.prep == "to"
                else Direction.INCREASE
            )
        )
    if value is None:
        return None
    if value.sign:
        return Direction.INCREASE if value.sign == "+" else Direction.DECREASE
    if value.unit == "x":
        return Direction.INCREASE
    if qualifier is not None:
        return Direction.AT_LEAST if qualifier == "least" else Direction.AT_MOST
    return None


def _form(kind: str, lemma: str, value: Token, start: Token | None) -> Form:
    """Whether *value* is an amount of change or a level to reach."""
    if start is not None or value.qualifier is not None:
        return "target"
    if value.prep == "by" or value.change is not None:
        return "change"
    if value.unit == "x" and value.prep not in ("to", "of", "at", "="):
        return "change"
    if value.sign and kind not in ("reach", "out", "keep", "cap"):
        return "change"
    if lemma in CHANGE_VERBS and value.prep is None and kind != "out":
        return "change"
    return "target"


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
            and nxt.prep == "to"
            and tok.prep is None
            and tok.qualifier is None
            and tok.change is None
            and not tok.sign
            and not (tok.placeholder or nxt.placeholder)
            and (nxt.noun is None or tok.link == "arrow")
            and (
                tok.unit == nxt.unit
                or (tok.unit is None and nxt.unit not in ("x", "points", "bps"))
            )
        ):
            continue
        if tok.value is None or nxt.value is None or not _WORD.search(w, begin, tok.start):
            continue  # a placeholder, or nothing named between the verb (if any) and it
        if (kind == "inc" and tok.value >= nxt.value) or (kind == "dec" and tok.value <= nxt.value):
            continue
        return tok
    return None


# A baseline written beside the target: "(currently 125k)", "(up from 85%)", "45% today",
# "in 5 days instead of 12".
_BASELINE_BEFORE = re.compile(
    r"(?:\b(?:currently|current(?:ly)?\s+at|baseline|today|now|was|vs\.?|versus|instead\s+of|"
    r"compared\s+to|(?:up|down)\s+from)|\bfrom)\s*:?\s*(?:~|about|around)?\s*$",
    re.IGNORECASE,
)
_BASELINE_AFTER = re.compile(r"\s*(?:today|currently|now|at\s+present|baseline)\b", re.IGNORECASE)


def _baseline(tokens: list[Token], w: str) -> Token | None:
    """A number that says where the metric is now, when another number is the target."""
    if len(tokens) < 2:
        return None
    for tok in tokens:
        before = w[max(0, tok.start - 24) : tok.start]
        if (
            tok.value is not None
            and not tok.qualifier
            and (_BASELINE_BEFORE.search(before) or _BASELINE_AFTER.match(w, tok.end))
        ):
            return tok
    return None


def _target(rest: list[Token], w: str) -> Token | None:
    """Which of the numbers left is the target: one that leads the statement, else the first
    one a preposition, a change or a qualifier marks, else the first; a number in
    parentheses, or after "and" ("1,000 members and 10,000 others"), only when none other is.
    """
    main = [t for t in rest if not t.paren] or rest
    if not main:
        return None
    first = main[0]
    if not w[: first.start].strip(" *-•") and not first.link:
        return first  # "100% of teammates onboarded, with a 75% cut in ...": D6, the first
    return next(
        (
            t
            for t in main
            if t.prep not in (None, "and", "from")
            or t.change
            or (
                t.qualifier
                and t.prep != "from"  # "from at least 3 regions": a condition
                and not w[: t.start].rstrip().lower().endswith(("within", " with"))
            )
        ),
        first,
    )


_NONE = re.compile(r"\W*no\s+(?!(?:more|less|longer|later|one|fewer)\b)", re.IGNORECASE)


def _none(w: str) -> tuple[float, tuple[int, int] | None] | None:
    """Zero, and the noun it counts, of a statement that starts "No": "No orders fail"."""
    m = _NONE.match(w)
    return None if m is None else (0.0, noun_after(w, m.end() - 1))


_EVERY = re.compile(r"\s+(?:all|any|every|the|our)\b", re.IGNORECASE)


def _start_in(start: Token | None, unit: str | None) -> float | None:
    """The start's value, in the target's unit where both measure time or data."""
    if start is None or start.value is None:
        return None
    return in_unit(start.value, start.unit, unit)


def parse_in_full(text: str) -> ParsedKeyResult:
    """`parse_key_result` of *text*, read in full (through no template of its wording)."""
    w, deadlines = masked(text)
    tokens = [t for t in tokens_of(w) if t.prep != "per"]
    verb = _main_verb(w)
    kind, lemma = (verb[0], verb[1]) if verb else ("", "")
    if lemma == "hold" and tokens and (tokens[0].qualifier or tokens[0].prep in ("at", "between")):
        kind = "keep"  # "Hold margin above 60%", unlike "Hold 12 interviews"
    if lemma in NEEDS_COUNT and not tokens:
        kind = lemma = ""
    spans: list[Span] = []
    ambiguities: list[str] = []

    def mark(label: SpanLabel, start: int, end: int) -> None:
        spans.append(Span(label, start, end, text[start:end]))

    # Which number is which: a band; a "from" start; the target ("to", "by", "of"); the first.
    start_tok: Token | None = None
    value_tok: Token | None = None
    upper_tok: Token | None = None
    for tok, nxt in itertools.pairwise(tokens):
        if tok.prep != "from" and (tok.band or (tok.prep == "between" and nxt.prep == "and")):
            value_tok, upper_tok = tok, nxt
            break
    else:
        start_tok = next((t for t in tokens if t.prep == "from" and not t.qualifier), None)
        start_tok = start_tok or _baseline(tokens, w)
        if start_tok is None and kind not in ("keep", "cap", "out"):
            start_tok = _linked_start(tokens, kind, w, verb[2].end() if verb else 0)
        value_tok = _target([t for t in tokens if t is not start_tok], w)
        if start_tok is not None and value_tok is None:
            start_tok, value_tok = None, start_tok  # "from 5%" alone is not a baseline

    factor = FACTORS.get(lemma)
    if factor is None and kind == "dec" and HALF.search(w):
        factor = 2
    if factor is not None:
        if value_tok is None or value_tok.prep not in ("to", "of", "at"):
            # "Double WAU", "Cut onboarding time in half": a relative change by a factor.
            start_tok = value_tok = upper_tok = None
        else:
            factor = None  # "Double sign-ups from 5k to 10k": the target says what it means

    lower = lower_is_better(text.lower())
    direction = _direction(kind, lemma, value_tok, start_tok, text=text, lower=lower)
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
        if verb and value_tok.end <= verb[2].start():
            form = "target"  # "20 case studies added": a count, whatever the verb
    elif lemma == "eliminate":
        form, value = "target", 0.0
        every = _EVERY.match(w, verb[2].end()) if verb else None
        head = noun_after(w, every.end() if every else verb[2].end()) if verb else None
        unit = text[head[0] : head[1]] if head else None  # "Eliminate all P0 bugs": bugs
    elif not tokens and (zero := _none(w)) is not None:
        form, value = "target", zero[0]
        if zero[1] is not None:
            unit = text[zero[1][0] : zero[1][1]]
    if value_tok is not None:
        value = value_tok.value
        if value is not None and form == "change":
            value = abs(value)
        relative = form == "change" and value_tok.unit in ("%", "x") and not value_tok.points
    if direction is Direction.MILESTONE:
        relative = False
    labelled: tuple[tuple[SpanLabel, Token | None], ...] = (
        ("value", value_tok),
        ("start", start_tok),
        ("upper", upper_tok),
    )
    for label, part in labelled:
        if part is not None:
            mark("placeholder" if part.placeholder else label, part.start, part.end)
            if unit is None:
                unit = part.unit or (text[part.noun[0] : part.noun[1]] if part.noun else None)

    limit = deadlines[0].start() if deadlines else len(text)
    begin = verb[2].end() if verb else 0
    if verb:
        mark("verb", verb[2].start(), verb[2].end())
    span = _metric(w, text, begin, value_tok or start_tok, max(limit, begin))
    if span is not None and start_tok is not None and span[0] <= start_tok.start < span[1]:
        span = _clean_metric(text, span[0], start_tok.start)  # "NPS 32 to 50": not "NPS 32"
    metric = None
    if span is not None:
        mark("metric", *span)
        metric = text[span[0] : span[1]]

    if relative and unit == "%" and RATE.search(metric or text):
        amount = "X%" if value is None else f"{value:g}%"
        ambiguities.append(
            f"'by {amount}' on a rate: read as {amount} of its current value; "
            f"it could also mean {amount[:-1]} percentage points"
        )
    if lemma in POLAR and start_tok is None and not lower:
        ambiguities.append(f"{lemma!r} does not say whether the metric goes up or down: read as up")
    used = (start_tok, value_tok, upper_tok)
    ambiguities.extend(
        f"{text[t.start : t.end].strip()!r} read as a condition, not the target"
        for t in tokens
        if t not in used and not t.placeholder
    )
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
        output=kind == "out" and form != "change",
        ambiguities=tuple(ambiguities),
        spans=tuple(spans),
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
    verb = _main_verb(w)
    lemma = verb[1] if verb else ""
    # A number is a digit (a digit always starts a number token) or a number word, but not
    # a word of how often ("before they ask twice").
    counted = FREQUENCY.sub(lambda m: " " * len(m[0]), w)
    numeric = (
        lemma in FACTORS
        or DIGIT.search(w) is not None
        or (
            may_have_number_word(words_of(counted) if counted.isascii() else None)
            and has_number_word(counted)
        )
        or (may_name_metric(w) and bool(OBJECTIVE_METRIC.search(w) or HALF.search(w)))
    )
    output = lemma in OBJECTIVE_OUTPUT
    words = sum(1 for chunk in text.split() if _ALNUM.search(chunk))
    return ParsedObjective(text=text, numeric=numeric, output=output, words=words)
