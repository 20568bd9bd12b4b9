"""From a statement to a `KeyResult`: `to_key_result`, and for a whole plan
`fill_from_statements`."""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from decimal import Decimal, Inexact, localcontext

import attrs

from okrkit._money import SIGN_UNITS, is_code
from okrkit._validators import Number, check_number
from okrkit.errors import InvalidTypeError, InvalidValueError, OKRError
from okrkit.model import Direction, KeyResult, Plan
from okrkit.text._lexicon import lower_is_better
from okrkit.text._patterns import masked
from okrkit.text._quantities import Token, noun_after, tokens_of
from okrkit.text._reading import (
    KeyResultReading,
    ParsedKeyResult,
    Span,
    SpanLabel,
    span_labelled,
)
from okrkit.text._templates import parse_key_result
from okrkit.text._units import canonical_unit

_KEY_RESULT_FIELDS = frozenset(a.name for a in attrs.fields(KeyResult))


def _decimal(x: Number) -> Decimal:
    return x if isinstance(x, Decimal) else Decimal(str(x))


def _span(parsed: ParsedKeyResult, label: SpanLabel) -> Span | None:
    """The span of *parsed* labelled *label*, if it has one."""
    return span_labelled(parsed.spans, label)


def _number_at(parsed: ParsedKeyResult, label: SpanLabel) -> Token | None:
    """The number the span of *label* marks, with its own unit ("$10k", "5%"), if there is one."""
    span = _span(parsed, label)
    if span is None:
        return None
    w, _ = masked(span.text)  # the number and its own unit, no noun after it
    return next(iter(tokens_of(w)), None)


def _start_unit(parsed: ParsedKeyResult) -> str | None:
    """The unit of the start a statement writes, if it writes one: "$" in "Increase revenue
    from $10k by 20%", "%" in "Cut churn from 5% by a fifth" (the % of the change is not it)."""
    token = _number_at(parsed, "start")
    return None if token is None else token.unit


# A start worked out from a level and a change is kept only when it is exact to this many
# decimal places: "by 20% to $1.2M" starts at $1M, "by 15% to 1,000" at no written number.
_PLACES = 6


def _level(parsed: ParsedKeyResult) -> Token | None:
    """The level a change says it reaches ("$1.2M" in "Increase revenue by 20% to $1.2M"),
    if the statement writes one."""
    token = _number_at(parsed, "level")
    return None if token is None or token.value is None else token


def _level_noun(parsed: ParsedKeyResult) -> str | None:
    """The things the level a change reaches counts, if it names them: "users" in "Grow
    users 3x to 30,000 users"."""
    span = _span(parsed, "level")
    assert span is not None  # (called only where a level was read)
    w, _ = masked(parsed.text)
    head = noun_after(w, span.end)
    return None if head is None else parsed.text[head[0] : head[1]]


def _implied_start(parsed: ParsedKeyResult, level: float, unit: str | None) -> float | None:
    """The start that a change and the level it reaches imply, when they imply one exactly:
    $1.2M less 20 % of the start is a start of $1M.

    None for a share of a rate ("Cut churn by 8% to 3%": 8 % of it or 8 points), a change
    and a level of two units ("by 50 ms to 2 s"), or a start that is not exact to six places
    or lies below zero or on the wrong side of the level.
    """
    if parsed.value is None:
        return None
    level_d, amount = _decimal(level), _decimal(parsed.value)
    up = parsed.direction is not Direction.DECREASE
    with localcontext() as context:
        context.clear_flags()
        if parsed.unit == "x":
            if not amount:  # a factor of 0 implies nothing
                return None
            start = level_d / amount if up else level_d * amount
        elif parsed.relative:
            if unit == "%" or not (up or amount < 100):
                return None
            start = level_d * 100 / (100 + amount if up else 100 - amount)
        else:
            if parsed.unit == "bps" and unit == "%":
                amount /= 100  # "by 500 bps to 12%": 5 points
            elif not (unit is None or parsed.unit is None or _same_unit(parsed.unit, unit)):
                return None
            start = level_d - amount if up else level_d + amount
        exact = not context.flags[Inexact]
    if (
        not exact
        or not start.is_finite()
        or int(start.normalize().as_tuple().exponent) < -_PLACES
        or not _agrees(parsed.direction, start, level_d)
        or start < 0 <= level_d  # "Grow signups by 50 to 30" starts at no count of them
    ):
        return None
    return float(start)


def _same_unit(change: str, level: str) -> bool:
    """Whether a change in *change* units and a level in *level* units are of one measure,
    so that one can be taken from the other: "$50k" and "$200k", "2 points" and "3%"."""
    return canonical_unit(change) == canonical_unit(level) or (change, level) == ("points", "%")


def _apply(parsed: ParsedKeyResult, start: Number) -> Number | None:
    """The target a change reaches from *start*, in decimal so 5.0 less 8% is exactly 4.6;
    None where the change reaches nothing on its direction's side ("0x", "by -5%", "by 20%"
    of a start of 0) or cuts more than the whole ("Reduce churn by 150%", or by 50 from 30,
    would end below zero)."""
    assert parsed.value is not None
    base, amount = _decimal(start), _decimal(parsed.value)
    up = parsed.direction is not Direction.DECREASE
    if parsed.unit == "x":
        if not amount:  # a factor of 0: no target follows from it
            return None
        result = base * amount if up else base / amount
    elif parsed.relative:
        if not up and amount > 100:
            return None
        delta = base * amount / 100
        result = base + delta if up else base - delta
    else:
        result = base + amount if up else base - amount
        if result < 0 <= base:
            return None  # "Cut tickets by 50 (currently 30)": more than the whole, as above
    if not _agrees(parsed.direction, base, result):
        return None
    if isinstance(start, Decimal):
        return result
    return float(result)


def _whole_cut(parsed: ParsedKeyResult) -> bool:
    """Whether *parsed* cuts its metric by all of it ("by 100%"): a change that reaches zero
    from any start, so its target needs none (not "by over 100%", nor "by -100%")."""
    if not (
        parsed.direction is Direction.DECREASE
        and parsed.relative
        and parsed.unit == "%"
        and parsed.value == 100
    ):
        return False
    value = _span(parsed, "value")
    return (
        value is not None
        and value.text[:1].isdigit()
        and _BY_BEFORE.search(parsed.text, 0, value.start) is not None
    )


_BY_BEFORE = re.compile(r"\bby\s*$", re.IGNORECASE)


# The largest number a key result holds (a float's), which a Decimal may pass.
_LARGEST = Decimal(sys.float_info.max)


def _finite(x: object) -> bool:
    """Whether *x*, a number or a band of them, is finite and one a key result holds (None
    is): "Double revenue" from a Decimal start of 1.7e308 reaches none."""
    if isinstance(x, tuple):
        return all(map(_finite, x))
    if isinstance(x, Decimal):
        return x.is_finite() and abs(x) <= _LARGEST
    return not isinstance(x, float) or math.isfinite(x)


def _agrees(direction: Direction | None, start: Number, target: object) -> bool:
    """Whether *target* lies on *direction*'s side of *start* (or no side is asked for)."""
    if not isinstance(target, float | int | Decimal):
        return True
    if direction in (Direction.INCREASE, Direction.MILESTONE):
        return target > start
    if direction is Direction.DECREASE:
        return target < start
    return True


def _parsed(parsed_or_text: object) -> ParsedKeyResult:
    """A statement's parse, from the statement or the parse itself."""
    if isinstance(parsed_or_text, str):
        return parse_key_result(parsed_or_text)
    if isinstance(parsed_or_text, ParsedKeyResult):
        return parsed_or_text
    raise InvalidTypeError("parsed_or_text", parsed_or_text, "a str or a ParsedKeyResult")


# The things a number counts, then the period it counts them in: " units per day", " requests
# per second", " signups/day", " visits daily" (not "within a week", "a week after launch").
_THINGS = r"(?:\s+(?!(?:within|in|after|before|of|by|for|during|over)\b)[^\W\d_][\w'’-]*)"
_THINGS_PER = re.compile(
    _THINGS + r"{0,3}?"
    r"(?:\s*(?:times\s+)?(?:per|a|an|each|every)\s+(?:second|minute|hour|day|week|month|quarter|"
    r"year|sprint)\b(?!\s+(?:after|of|from|since|before)\b)"
    r"|\s*/\s*(?:s|sec|second|min|minute|h|hr|hour|d|day|wk|week|mo|month)\b)"
    # (an adverb after the things, not an adjective before them: "5,000 weekly active users"
    # counts users)
    r"|" + _THINGS + r"{1,3}?\s+(?:hourly|daily|weekly|monthly|quarterly|annually|yearly)\b"
    # and users active in a period, counted afresh each period: "1M monthly active users",
    # "50k DAU" (a level before the cycle, as "MAU" with no noun is)
    r"|\s*(?:(?:daily|weekly|monthly|yearly|annual)\s+active\b|[dwm]aus?\b)",
    re.IGNORECASE,
)


def rate_of_outcomes(parsed_or_text: ParsedKeyResult | str) -> bool:
    """Whether a statement's target is a rate of things that are no work of the team's,
    counted per period ("Increase throughput to 12,000 units per day", "Get 500 signups a
    week", "Reach 10,000 weekly active users", "50k DAU"): a level the metric has before the
    cycle, as any measure does, so not counted up
    from zero (unlike "Publish 4 posts a month", the team's own work at a cadence).
    `to_key_result` gives such a count no start of 0, and the rule OKR204 (missing
    baseline) asks for one.

    >>> rate_of_outcomes("Increase warehouse throughput to 12,000 units per day")
    True
    >>> rate_of_outcomes("Win 25 new logos"), rate_of_outcomes("Publish 4 posts a month")
    (False, False)
    """
    parsed = _parsed(parsed_or_text)
    if parsed.output or parsed.form != "target":
        return False  # (a change, "Add 200 customers per month", adds what it says)
    span = _span(parsed, "value")
    return span is not None and _THINGS_PER.match(parsed.text, span.end) is not None


def new_in_cycle(parsed_or_text: ParsedKeyResult | str) -> bool:
    """Whether a statement brings in an amount of money new in the cycle, written before it,
    with a verb of winning or bringing in: "Close $1.2M in new ARR", "Generate $500k of
    net-new pipeline", "Achieve $400k in incremental revenue".  What is new in the cycle is
    summed from zero in it, as a count of work is, so `to_key_result` starts it at 0 and the
    rule OKR204 (missing baseline) spares it; but a level of it ("Increase new ARR to
    $1.2M"), a rate ("$2M in new pipeline per month"), an average ("$50 in new customer
    AOV") or a change by an amount ("Raise $500 in new deal size") has one before the cycle,
    and needs it.

    >>> new_in_cycle("Close $1.2M in new ARR"), new_in_cycle("Increase new ARR to $1.2M")
    (True, False)
    """
    parsed = _parsed(parsed_or_text)
    verb, value = _span(parsed, "verb"), _span(parsed, "value")
    metric = _span(parsed, "metric")
    if (
        verb is None
        or value is None
        or metric is None
        or parsed.direction is not Direction.INCREASE
        or parsed.relative
        or parsed.unit is None
        or not (parsed.unit in SIGN_UNITS or is_code(parsed.unit))
        or not verb.end <= value.start <= value.end <= metric.start
        or _BRING_IN.fullmatch(verb.text) is None
    ):
        return False
    return (
        _NEW.match(metric.text) is not None
        and _AVERAGE.search(metric.text) is None
        and _PERIODIC.search(parsed.text) is None
        # more than before is a change ("$1.2M more in new ARR than last quarter"); a quota
        # each is an average ("per AE", "for each rep", "Every AE to close")
        and _EACH_OR_MORE.search(parsed.text) is None
        # money that goes out is no money brought in ("new cloud costs", "new bad debt")
        and not lower_is_better(metric.text.lower())
    )


# Verbs that bring money in: "Close", "Book", "Generate", "Sign", "Win", "Achieve".
_BRING_IN = re.compile(
    r"(?:close|book|generate|sign|win|land|secure|source|bring|deliver|achieve|earn|capture)",
    re.IGNORECASE,
)
_EACH_OR_MORE = re.compile(
    r"\b(?:per|each|every|average|avg|more|than|vs\.?|versus|compared)\b", re.IGNORECASE
)
# What a metric's name opens with when it is new in the cycle ("new ARR", "net-new pipeline",
# "New ARR"), before a word in lower case or an acronym (not "New York revenue").
_NEW = re.compile(
    r"(?:net[\s-]+)?new[\s-]+(?=(?-i:[a-z]|[A-Z]{2,}\b))|(?:incremental|additional)\s",
    re.IGNORECASE,
)
# A level per thing, not a sum: "new customer AOV", "new-customer average deal size".
_AVERAGE = re.compile(
    r"\b(?:average|avg|mean|median|aov|arpu|arpa|arppu|ltv|clv|cac|salary|salaries|size|"
    r"price|rate|ratio|margin|budget|runway|run[\s-]?rate|valuation|cap|capitali[sz]ation)\b",
    re.IGNORECASE,
)
# A period an amount is counted in afresh: "a week", "monthly", "/mo", "p.m." ("per month"
# and "every two weeks" are `_EACH_OR_MORE`'s).
_PERIODIC = re.compile(
    r"\b(?:a|an)\s+(?:\w+\s+)?(?:day|week|month|quarter|year|sprint)s?\b"
    r"(?![\s-]+(?:one|ahead|early|earlier|late|later|ago|from|before|after)\b)"
    r"|\b(?:daily|weekly|bi-?weekly|fortnightly|monthly|quarterly|annually|yearly)\b"
    r"|\bp\.\s?[ma]\.(?!\w)|\bp/?[ma]\b"
    r"|/\s*(?:d|day|wk|week|mo|month|q|quarter|yr|year)\b",
    re.IGNORECASE,
)


def to_key_result(
    parsed_or_text: ParsedKeyResult | str, start: Number | None = None, **fields: object
) -> KeyResult:
    """Turn a statement (or its parse) into a `KeyResult`; *fields* pass through to it.

    A change ("by 8%") needs the *start* it applies to: without one, as with a sentence
    that has no number, the key result keeps the title, direction and unit read, and no
    target, for the rules to flag; okrkit never makes a target up.  A statement that
    contradicts itself (a start on the wrong side of its own target, as "from 2 hours to
    under 4 hours" reads) keeps its target and loses its start; a reversed band is put in
    order; a number too large to hold is no target.  What is given here wins over what is
    read, and the rules flag where they disagree (OKR202): a *start* other than the
    statement's own replaces it, and one on the wrong side of the target read makes the
    direction the numbers' ("Increase NPS to 50" from 60 is a decrease), and one on the worse
    side of a bound makes a move to it ("Close the books in 5 days" from 9 is a decrease; from
    4 it stays a bound to hold).  So reading never
    fails: what raises is a *start* or *fields* that are wrong in themselves (not a
    number, a field `KeyResult` has not), and a title `KeyResult` cannot hold (blank, or
    text that is not storable, such as a lone surrogate).

    >>> kr = to_key_result("Increase NPS from 32 to 50", owner="cx")
    >>> kr.direction.value, kr.start, kr.target, kr.owner
    ('increase', 32.0, 50.0, 'cx')
    >>> to_key_result("Double weekly active users", start=1200).target
    2400.0
    """
    parsed = _parsed(parsed_or_text)
    unknown = sorted(set(fields) - _KEY_RESULT_FIELDS)
    if unknown:
        raise InvalidTypeError(
            unknown[0],
            fields[unknown[0]],
            f"a KeyResult field ({', '.join(sorted(_KEY_RESULT_FIELDS))})",
        )
    if start is not None:
        check_number("start", start)
    baseline: Number | None = start if start is not None else parsed.start
    target: Number | tuple[float, float] | None = None
    unit = parsed.unit
    level = _level(parsed) if parsed.form == "change" else None
    if level is not None:
        # "Increase revenue by 20% to $1.2M": the level written is the target (even where
        # the amount is a placeholder, "by X% to 30%"), and the start is the one given, the
        # one the statement writes, or the one the two imply.
        assert level.value is not None
        target = level.value
        # A relative change's % is not the metric's unit, the level's is; "by 2 points to
        # 3%" moves a rate in percentage points.
        # A level's counted things are its unit, as a count's are ("3x to 30,000 users").
        unit = (level.unit or _level_noun(parsed)) if parsed.relative else level.unit or parsed.unit
        if baseline is None:
            baseline = _implied_start(parsed, target, level.unit)
    elif parsed.measurable and parsed.value is not None:
        # What the cycle counts up starts at zero, as the rules count it (OKR204): "Add 200
        # customers", "Hire 10 engineers", "Win 25 new logos".
        counted = (
            baseline is None
            and (
                KeyResultReading.of(parsed).counted_in_cycle()
                # an amount of what is new in the cycle ("Close $1.2M in new ARR")
                or new_in_cycle(parsed)
                # the team's own work, whatever measures it ("Migrate 100% of devices to
                # MQTT v5", "Raise $2M"), is done in the cycle, from none, as OKR204 reads it
                or (
                    parsed.output
                    and parsed.direction is Direction.INCREASE
                    and parsed.form == "target"
                )
            )
            # "throughput to 12,000 units per day" is a rate, a level today has: no count
            # from zero (the team's own work at a cadence, "Publish 4 posts a month", still is)
            and not rate_of_outcomes(parsed)
        )
        if parsed.form == "change":
            if parsed.unit in ("%", "x") and parsed.relative:
                # The % is of the change, not the metric's unit: the start's is, if it has one.
                unit = _start_unit(parsed)
            elif parsed.unit == "points" and _start_unit(parsed) == "%":
                unit = "%"  # "Increase coverage from 70% by 10 points": percentage points
            if counted:
                baseline = 0
            if baseline is not None:
                target = _apply(parsed, baseline)
            elif _whole_cut(parsed):
                target = 0.0  # "Reduce incidents by 100%" ends at none, whatever it starts from
        elif parsed.direction is Direction.WITHIN and parsed.upper is not None:
            low, high = sorted((parsed.value, parsed.upper))  # "between 200 and 100 ms"
            target = (low, high)
        else:
            target = parsed.value
            if counted and parsed.value:
                baseline = 0
    if not _finite(target):
        target = None  # "Reach 10^400 users" reads as infinity: no target
    if start is None and not _finite(baseline):
        baseline = None
    direction = parsed.direction
    if start is None and baseline is not None and not _agrees(direction, baseline, target):
        baseline = None  # the statement's own start contradicts its target: keep the target
    if start is not None and direction is Direction.MILESTONE and target is None:
        if not start < 1:
            # A milestone runs from not done (0) to done (1): this start is no milestone's.
            direction = None
    elif (
        start is not None
        and isinstance(target, float | int | Decimal)
        and not _agrees(direction, start, target)
    ):
        # A start given here on the wrong side of the target the statement reads: both
        # numbers are kept and the direction is theirs; the statement's word is left for
        # the rules to flag (OKR202, "the text says increase but the direction is ...").
        direction = (
            Direction.INCREASE if target > start else Direction.DECREASE if target < start else None
        )
    elif start is not None and isinstance(target, float | int | Decimal):
        # A bound given a start on its worse side is a move to it (as D19 reads a baseline
        # the statement writes): "Close the books in 5 business days" from 9 scores progress
        # from 9, where a bound alone would score nothing until it is met.
        if direction is Direction.AT_MOST and start > target:
            direction = Direction.DECREASE
        elif direction is Direction.AT_LEAST and start < target:
            direction = Direction.INCREASE
    if "title" not in fields and all(
        ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") for ch in parsed.text
    ):
        # as given, not as stripped: "   " is what the sheet's cell held (and a zero-width
        # space, a byte-order mark or a NUL, which print as nothing, are as blank)
        raise InvalidValueError("title", parsed.text, "a statement with words, not a blank one")
    values: dict[str, object] = {
        "title": parsed.text.strip(),
        "direction": direction,
        "start": baseline,
        "target": target,
        "unit": unit,
    }
    values.update(fields)
    return KeyResult(**values)  # type: ignore[arg-type]


# What a key result's statement says of its measure, each field of which it may leave empty.
_MEASURE = ("direction", "start", "target", "unit")


def fill_from_statements(plan: Plan) -> Plan:
    """*plan* with each key result's empty direction, start, target and unit given what its
    statement says (`to_key_result`, with the start the key result has); every other field,
    and every one of the four a person typed, as it was.

    A plan kept as sentences (a sheet's column of statements, with a column of baselines or
    without, a YAML file of titles) can then be scored and checked as if its fields had been
    typed.  What a person typed wins: a typed start is the one a change applies to, and a
    key result whose typed fields cannot stand with what its statement says (a typed
    increase whose statement's target is below its typed start, a typed unit other than the
    statement's) is left as it is, for the rules to flag (OKR201, OKR202).  A plan with
    nothing to fill comes back as the same object.

    >>> from okrkit import Objective, Plan, KeyResult
    >>> plan = Plan(objectives=[Objective(title="Keep customers", key_results=[
    ...     KeyResult(title="Reduce churn from 5% to 4%", owner="ana"),
    ...     KeyResult(title="Reduce churn in EMEA by 10%", start=6.0),
    ...     KeyResult(title="Raise NPS to 50", start=32, target=50, direction="increase"),
    ... ])])
    >>> [(kr.direction.value, kr.start, kr.target, kr.unit)
    ...  for _, kr in fill_from_statements(plan).key_results()]
    [('decrease', 5.0, 4.0, '%'), ('decrease', 6.0, 5.4, None), ('increase', 32, 50, None)]
    """
    if not isinstance(plan, Plan):
        raise InvalidTypeError("plan", plan, "a Plan")
    objectives = []
    for objective in plan.objectives:
        key_results = tuple(_filled(kr) for kr in objective.key_results)
        same = all(a is b for a, b in zip(key_results, objective.key_results, strict=True))
        objectives.append(objective if same else attrs.evolve(objective, key_results=key_results))
    if all(a is b for a, b in zip(objectives, plan.objectives, strict=True)):
        return plan
    return attrs.evolve(plan, objectives=objectives)


def _filled(kr: KeyResult) -> KeyResult:
    """*kr* with its empty measure fields as its statement says, or *kr* itself."""
    if all(getattr(kr, name) is not None for name in _MEASURE):
        return kr
    # (its own title, as it stands: a key result may hold one to_key_result would refuse
    # as blank, a lone control character)
    read = to_key_result(kr.title, start=kr.start, title=kr.title)
    if (
        kr.unit is not None
        and read.unit is not None
        and (canonical_unit(kr.unit) or kr.unit) != (canonical_unit(read.unit) or read.unit)
    ):
        # "Grow ARR to $10M" typed in "$k": the statement's numbers are in another unit
        return kr
    measure = {name: getattr(read if getattr(kr, name) is None else kr, name) for name in _MEASURE}
    if all(measure[name] == getattr(kr, name) for name in _MEASURE):
        return kr
    try:
        return attrs.evolve(kr, **measure)
    except OKRError:
        return kr  # what was typed and what is read disagree: the rules say so
