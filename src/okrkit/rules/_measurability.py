"""OKR2xx: whether key results can be measured, and whether their words agree with their fields."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from okrkit._money import SHARED_SIGNS, SIGN_CURRENCIES, SIGNS, is_code
from okrkit.model import Direction, Indicator, KeyResult, Plan
from okrkit.rules._context import KeyResultSite, RuleContext
from okrkit.rules._findings import Diagnostic
from okrkit.rules._registry import REGISTRY

if TYPE_CHECKING:
    from okrkit.text import KeyResultReading, ParsedKeyResult

# Tuples, not sets: membership by identity is faster than hashing an enum member.
_UP = (Direction.INCREASE, Direction.AT_LEAST)
_DOWN = (Direction.DECREASE, Direction.AT_MOST)
_CHANGE = (Direction.INCREASE, Direction.DECREASE)

# The units of a share or a score, which OKR205 does not tell apart: "by 50 bps" and "by 5
# points" move a metric kept in % ("Cut churn by 50 bps", unit %), as people write them.
_SHARES = frozenset(("%", "points", "bps"))
# The units OKR205 tells apart whatever the fields' numbers, which statements and fields most
# often spell differently: currencies' signs, % and durations up to days.  Two other units
# okrkit knows differ only where the fields hold the statement's numbers as written: it
# converts no energy, distance, weight or temperature, so "from 120 MWh" held as 120,000 kWh
# may be right, and a statement's other number ("99% of shipments at 2-8 °C") may be read.
_ALWAYS = frozenset(("%", "ms", "s", "min", "h", "days", *SIGN_CURRENCIES))


def _close(a: float, b: float) -> bool:
    """Whether two numbers agree, allowing for the rounding of a written statement."""
    return math.isclose(a, b, rel_tol=0.005, abs_tol=1e-9)


@REGISTRY.rule(
    "OKR201",
    name="unmeasurable",
    severity="error",
    hint="say from what to what the metric moves, and set direction, start and target",
)
def unmeasurable(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """A key result has no measurable target: neither fields nor a number in its statement,
    nor a statement checkable as done or not (`okrkit.text.done_or_not`: parity
    with a reference, a level defined elsewhere, an absence, a cadence, a state of
    readiness, a verb of holding over a clause done to its subject); or its statement's
    change reaches no target from its start (a cut of 50 from 30, a doubling of 0); or its
    statement gives a target its fields lack (a file's title "Raise coverage from 40% to 70%"
    with no direction or target: nothing scores it)."""
    for site in context.key_results():
        kr = site.key_result
        if kr.measurable:
            continue
        read = site.reading
        if not read.measurable:
            from okrkit.text import done_or_not  # only when a statement must be read

            if not done_or_not(kr.title):
                yield site.flag(f"key result {kr.title!r} has no measurable target")
        elif (
            kr.target is None
            and kr.start is not None
            and kr.direction in _CHANGE
            and read.form == "change"
            and read.value is not None
        ):
            # "Cut tickets by 50" from 30, "Double revenue" from 0: the change the statement
            # says reaches no target from this start, as `okrkit.text.to_key_result` finds;
            # or it reaches one the fields lack.
            from okrkit.text import to_key_result

            reached = to_key_result(context.parse_key_result(kr.title), start=kr.start).target
            said = "reaches none" if reached is None else f"reaches {reached}: set it as target"
            yield site.flag(
                f"key result {kr.title!r} has no target: its change from a start of "
                f"{kr.start} {said}"
            )
        elif kr.target is None and (kr.direction is None or read.form == "target"):
            # The fields lack what the statement says: a file's "Raise coverage from 40% to
            # 70%" given no fields is scored by nothing, though its words are measurable.
            # (A change with a direction and no start is OKR204's: its baseline is missing.)
            says = _said(context.parse_key_result(kr.title), read)
            if says is not None:
                yield site.flag(
                    f"key result {kr.title!r} has no target in its fields, though its "
                    f"statement says {says}",
                    hint="set its direction, start and target as the statement says"
                    " (okrkit.text.fill_from_statements reads them into a plan, and the"
                    " command line's --read-statements)",
                )


def _said(parsed: ParsedKeyResult, read: KeyResultReading) -> str | None:
    """What a statement says its key result reaches, in its own words ("increase to 70%",
    "increase to $1.2M", "within 95..105 ms", "decrease by 8%", "increase to 40 macros");
    None if it says no way or no number."""
    from okrkit.text import canonical_unit, to_key_result

    made = to_key_result(parsed)
    if made.direction is None or made.direction is Direction.MILESTONE:
        return None
    way = made.direction.value.replace("_", " ")
    said = {span.label: span.text.strip() for span in parsed.spans}
    if isinstance(made.target, tuple):
        low, high = said.get("value"), said.get("upper")
        # One figure writes both ends of a level and its tolerance: "within 42% ± 1 pt".
        return f"{way} {low}" if low == high else f"{way} {low}..{high}"
    if made.target is None and read.form != "change":
        return None
    written = said.get("level") or said.get("value")
    if written is None:
        return None
    if (
        made.unit
        and (joined := _JOINED_UNIT.fullmatch(written))
        and canonical_unit(joined[2]) is not None
        and canonical_unit(joined[2]) == canonical_unit(made.unit)
    ):
        # "7-day SLA": at most 7 days, not "7-day" (but "50-ish customers" stays as written)
        one = joined[1] == "1" and made.unit.endswith("s") and len(made.unit) > 2
        written = f"{joined[1]} {made.unit[:-1] if one else made.unit}"
    # A count's things, which follow its number: "40" of "Write 40 new macros" (not where
    # the words written carry a unit already: "10x", "1 business day").
    unit = made.unit if made.unit and made.unit.isalpha() and not _has_unit(written) else None
    if unit is not None and unit in written:
        unit = None
    amount = written if unit is None else f"{written} {unit}"
    if read.form == "change" and "level" not in said and made.target is not None:
        # "Increase pipeline by 40% (baseline $6M)": by 40 %, from the start it writes, to
        # the target that makes; never "to 40%"
        reached = _amount(float(made.target))
        if made.unit:
            reached = (
                f"{made.unit}{reached}" if not made.unit.isalpha() else f"{reached} {made.unit}"
            )
        return f"{way} by {amount}, to {reached}"
    if made.direction in (Direction.AT_LEAST, Direction.AT_MOST) and made.target is not None:
        return f"{way} {amount}"  # "at most 2%", not "at most to 2%"
    return f"{way} {'to' if made.target is not None else 'by'} {amount}"


# A number joined to its unit's word by a hyphen, as an adjective: "7-day", "10-minute".
_JOINED_UNIT = re.compile(r"(.*\d)-([^\W\d_]+)")


def _has_unit(written: str) -> bool:
    """Whether a number as written carries letters after its last digit ("10x", "1 business
    day", "$2M") or a currency's sign ("₩80,000,000", "MX$900": the unit is written); a number
    word ("Zero") carries none."""
    digits = [i for i, c in enumerate(written) if c.isdigit()]
    return bool(digits) and (
        any(c.isalpha() for c in written[digits[-1] + 1 :]) or any(c in SIGNS for c in written)
    )


def agrees(kr: KeyResult, parsed: KeyResultReading) -> bool:
    """A quick "yes" for the commonest case, where `contradictions` finds nothing: the text
    sets the fields' own direction, start and target (False says only "look closer")."""
    return (
        parsed.form == "target"
        and parsed.direction is kr.direction
        and parsed.value == kr.target
        and parsed.start == kr.start
        and not parsed.relative
    )


def contradictions(
    kr: KeyResult, parsed: KeyResultReading, *, factor: float | None = None
) -> list[str]:
    """How *kr*'s statement, read as *parsed*, contradicts its fields, if it does: its numbers
    read in the fields' unit, or times *factor* when given."""
    problems = []
    said, field = parsed.direction, kr.direction
    if (
        said is not None
        and field is not None
        and ((said in _UP and field in _DOWN) or (said in _DOWN and field in _UP))
    ):
        problems.append(f"the text says {said.value} but the direction is {field.value}")
    elif said is not None and field is None and kr.target is not None:
        # A target with no way to it is scored by nothing ("Increase NPS to 50" given a start
        # of 50, which leaves no side for the increase).
        problems.append(f"the text says {said.value} but the key result has no direction")
    target, start = kr.target, kr.start
    if field is Direction.MILESTONE and target == 1:
        # Done or not: a number in the statement describes the deliverable ("a deal desk for
        # contracts above $50k"), not a count of steps to reach.
        return problems
    # The text's numbers in the fields' unit, where both are of time or of data ("under 300
    # ms" is a target of 0.3 in s); the message then names both units.
    if factor is None:
        factor = _factor(kr, parsed)
    text_unit, field_unit = ("", "") if factor == 1 else (f" {parsed.unit}", f" {kr.unit}")
    if parsed.form == "target" and parsed.value is not None and not parsed.relative:
        value = parsed.value * factor
        if isinstance(target, tuple):
            upper = parsed.value if parsed.upper is None else parsed.upper
            if not (_close(value, float(target[0])) and _close(upper * factor, float(target[1]))):
                problems.append(
                    f"the text says {_amount(parsed.value)}..{_amount(upper)}{text_unit}, "
                    f"the target is {target}{field_unit}"
                )
        elif target is not None and not _close(value, float(target)):
            problems.append(
                f"the text says {_amount(parsed.value)}{text_unit}, "
                f"the target is {target}{field_unit}"
            )
        if (
            parsed.start is not None
            and start is not None
            and not _close(parsed.start * factor, float(start))
        ):
            problems.append(
                f"the text starts from {_amount(parsed.start)}{text_unit}, "
                f"the start is {start}{field_unit}"
            )
    elif (
        parsed.form == "change"
        and parsed.unit == "x"
        and parsed.relative
        and parsed.value
        and field in _CHANGE
        and start is not None
        and isinstance(target, int | float)
    ):
        # "Grow revenue 10-fold", "by a factor of 3": the start times (or over) the factor
        times = parsed.value
        up = field is Direction.INCREASE
        reached = float(start) * times if up else float(start) / times
        if not _close(reached, float(target)):
            how = "multiplies" if up else "divides"
            problems.append(
                f"the text {how} it by {_amount(times)} ({_amount(reached)}), "
                f"the target is {target}"
            )
    elif (
        parsed.form == "change"
        and parsed.value is not None
        and field in _CHANGE
        and start is not None
        and isinstance(target, int | float)
        and parsed.unit not in ("x",)
    ):
        moved = abs(float(target) - float(start))
        # "by 8%" may mean 8 % of the start or 8 percentage points: either reading agrees.
        readings = [parsed.value * factor]
        if parsed.relative or parsed.unit == "%":
            readings.append(abs(float(start)) * (parsed.value / 100))  # (1e308 * 50 is inf)
        elif parsed.unit == "bps" and kr.unit is not None:
            from okrkit.text import canonical_unit  # (read only for a change in basis points)

            if canonical_unit(kr.unit) in _SHARES:
                readings.append(parsed.value / 100)  # "by 50 bps" of a rate in %: 0.5 points
        if not any(_close(moved, r) for r in readings):
            by = _amount(parsed.value) + ("%" if parsed.unit == "%" else "")
            if parsed.relative:
                by += f" of its start ({_amount(readings[1])})"
            elif parsed.unit in ("points", "bps"):
                by += f" {parsed.unit}"
            else:
                by += text_unit
            problems.append(
                f"the text moves it by {by}, the fields by {_amount(moved)}{field_unit}"
            )
    return problems


def _factor(kr: KeyResult, parsed: KeyResultReading) -> float:
    """What one of the text's unit is in the fields' unit, where they differ and both
    measure time or data ("ms" against "s": 0.001); else 1."""
    if kr.unit is None or parsed.unit is None or parsed.relative or kr.unit == parsed.unit:
        return 1.0
    from okrkit.text import convert_unit

    return convert_unit(1.0, parsed.unit, kr.unit) or 1.0


def _amount(x: float) -> str:
    """*x* as people read an amount: 1,600,000, not 1.6e+06; 0.4 as it is."""
    return f"{x:,.10g}"


@REGISTRY.rule(
    "OKR202",
    name="statement-contradicts-fields",
    severity="error",
    hint="make the statement and the fields say the same thing",
)
def statement_contradicts_fields(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """A key result's statement says one thing and its fields another."""
    for site in context.key_results():
        kr = site.key_result
        if kr.direction is None and kr.target is None:
            continue
        read = site.reading
        if agrees(kr, read):
            continue
        problems = contradictions(kr, read)
        if problems and not _unit_written_wrong(kr, read):
            yield site.flag(f"key result {kr.title!r}: " + "; ".join(problems))


def _as_written(kr: KeyResult, parsed: KeyResultReading) -> bool:
    """Whether *kr*'s fields hold its statement's numbers as written: "from 120 MWh to 90
    MWh" with start 120 and target 90, whatever the unit field says."""
    return parsed.value is not None and kr.target is not None and not contradictions(kr, parsed)


def _unit_written_wrong(kr: KeyResult, parsed: KeyResultReading) -> bool:
    """Whether the fields write the statement's numbers in another unit of its kind: "from
    800ms to 300ms" with start 800, target 300 and unit s (OKR205's to say), and no more."""
    return _factor(kr, parsed) != 1 and not contradictions(kr, parsed, factor=1.0)


@REGISTRY.rule(
    "OKR203",
    name="activity-key-result",
    severity="warning",
    hint=(
        "measure what the work changes (for whom, by how much), and list the work as an"
        " initiative that names it"
    ),
)
def activity_key_result(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """A key result is an activity or a deliverable rather than an outcome."""
    for site in context.key_results():
        if site.reading.output:
            yield site.flag(f"key result {site.key_result.title!r} is an activity or a deliverable")


@REGISTRY.rule(
    "OKR204",
    name="missing-baseline",
    severity="error",
    hint="measure today's value and set it as start",
)
def missing_baseline(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An increase or decrease key result with a target has no baseline (start).

    Only a level needs one: a rate, a share, an amount of money or a measure, a number of
    no unit (NPS, MAU), or a count brought down ("Reduce open bugs to 20").  What is counted
    up in the cycle starts at 0: work ("Hire 10 engineers") and things of a kind, which the
    statement counts by their noun ("Win 8 new accounts", "Reach 100 subscribers"), an amount
    of what is new in the cycle ("Close $1.2M in new ARR"), a share of an amount planned for
    the cycle ("Achieve 110% of plan", "100% of quota"), which is attained from zero, and a
    level reached by what the key result builds in the cycle ("Implement a feedback form and
    achieve 80% positive feedback").  A change with no baseline has no target either
    ("Reduce churn by 8%", as `okrkit.text.to_key_result` makes it): it is flagged here,
    since the baseline is what it lacks.  Any other key result with no target is OKR201's to flag: a
    baseline alone would measure nothing."""
    for site in context.key_results():
        kr = site.key_result
        if kr.direction not in _CHANGE or kr.start is not None:
            continue
        read = site.reading
        change = kr.target is None and read.form == "change" and read.value is not None
        if kr.target is None and not change:
            continue
        from okrkit.text import built_then_reached, new_in_cycle, share_of_plan

        # A total the fields set above what the statement adds ("Expand the beta by 500
        # users" to 2,000) is a level reached from today's, not a count from zero.
        counted = (
            (
                read.counted_in_cycle(kr.direction)
                or (
                    kr.direction is Direction.INCREASE
                    and new_in_cycle(context.parse_key_result(kr.title))
                )
            )
            and (read.form != "change" or kr.target == read.value)
            # "Get 500 signups a week": a rate, with a level before the cycle
            and not _rate(site, context)
        )
        if change:
            if not (read.output or counted):
                from okrkit.text import to_key_result

                # (but a change that reaches its target from any start has one: "Reduce
                # incidents by 100%")
                reached = to_key_result(context.parse_key_result(kr.title)).target is not None
                yield site.flag(
                    f"key result {kr.title!r} has no baseline to measure progress from"
                    if reached
                    else f"key result {kr.title!r} has no baseline, so its change has no target"
                )
            continue
        # A start the statement gives ("(currently 99)") and the fields lack is missing too.
        planned = read.unit == "%" and share_of_plan(kr.title)
        if not (
            read.output
            or counted
            or planned
            or _built(site, context)
            or built_then_reached(kr.title)
        ) or (read.start is not None):
            yield site.flag(f"key result {kr.title!r} has no baseline to measure progress from")


def _rate(site: KeyResultSite, context: RuleContext) -> bool:
    """Whether *site*'s key result counts others' things per period, a rate with a level
    before the cycle (`okrkit.text.rate_of_outcomes`), read only where a count is."""
    if site.reading.output:
        return False
    from okrkit.text import rate_of_outcomes

    return rate_of_outcomes(context.parse_key_result(site.key_result.title))


def _built(site: KeyResultSite, context: RuleContext) -> bool:
    """Whether *site*'s key result reaches a share of what its objective builds in the cycle
    ("Achieve ≥90% precision" under "Develop a superior algorithm ..."): a level of a thing
    new, with no earlier level to start from (`okrkit.text.level_reached`)."""
    if site.reading.unit != "%" or not context.parse_objective(site.objective.title).output:
        return False
    from okrkit.text import level_reached

    return level_reached(site.key_result.title)


@REGISTRY.rule(
    "OKR205",
    name="unit-mismatch",
    severity="error",
    hint="use one unit in the statement and the field",
)
def unit_mismatch(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """A key result's unit disagrees with the unit in its statement."""
    from okrkit.text import canonical_unit, convert_unit

    for site in context.key_results():
        kr = site.key_result
        if kr.unit is None:
            continue
        read = site.reading
        said = read.unit
        if said is None or read.relative:
            continue  # a relative change's % or x is the change's, not the metric's
        mine, theirs = canonical_unit(kr.unit), canonical_unit(said)
        if (
            mine is None
            or theirs is None
            or mine == theirs
            or (mine in _SHARES and theirs in _SHARES)
            # (the statement's "$" is read so however written; the field's as written:
            # "USD" is one currency, "$" any of several)
            or mine in SHARED_SIGNS.get(theirs, ())
            or (theirs in SHARED_SIGNS.get(mine, ()) and not is_code(kr.unit.strip().upper()))
        ):
            continue  # a noun ("customers") is not compared, nor one unit spelt two ways
        # Two units of time or of data convert: "under 300 ms" agrees with a target of 0.3
        # in s, and other numbers are OKR202's to compare; unless the fields write the
        # statement's numbers as they are ("800ms" as 800 in s, "3 weeks" as 3 in days).
        if convert_unit(1.0, mine, theirs) is None:
            wrong = (mine in _ALWAYS and theirs in _ALWAYS) or _as_written(kr, read)
        else:
            wrong = _unit_written_wrong(kr, read)
        if wrong:
            yield site.flag(
                f"key result {kr.title!r}: the text is in {said!r}, the unit is {kr.unit!r}"
            )


@REGISTRY.rule("OKR206", name="indicator-balance", severity="warning")
def indicator_balance(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """An objective's tagged key results are all lagging, or all leading, indicators."""
    for site in context.objectives():
        krs = site.objective.key_results
        tags = {kr.indicator for kr in krs}
        if len(krs) < 2 or len(tags) != 1 or None in tags:
            continue
        (tag,) = tags
        if tag is Indicator.LAGGING:
            yield site.flag(
                "every key result is a lagging indicator: you learn too late",
                hint="add a leading indicator that moves within weeks",
            )
        else:
            yield site.flag(
                "every key result is a leading indicator: nothing proves the outcome",
                hint="add the lagging measure of the outcome itself",
            )
