"""OKR6xx: time: check-ins and due dates within the cycle, regular check-ins, the review."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal

from okrkit.cycles import Cycle
from okrkit.model import Direction, Plan
from okrkit.rules._context import RuleContext
from okrkit.rules._findings import Diagnostic
from okrkit.rules._registry import REGISTRY
from okrkit.scoring import done, quiet_days


def _date(at: date) -> date:
    """The calendar day of *at*, on its own clock for a datetime."""
    return at.date() if isinstance(at, datetime) else at


def _span(cycle: Cycle) -> str:
    return f"the cycle {cycle} ({cycle.start} to {cycle.end})"


@REGISTRY.rule(
    "OKR601",
    name="outside-cycle",
    severity="error",
    options={"before_start": True},
    hint="record it against the key result of the cycle it belongs to",
)
def outside_cycle(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """A check-in or due date lies outside its objective's cycle.

    Check-ins before the cycle starts are the history its baseline comes from, allowed
    unless the option ``before_start`` is false.
    """
    history = context.options["before_start"]
    for site in context.objectives():
        cycle = site.objective.cycle
        if cycle is None:
            continue
        for kr_site in site.key_results:
            kr = kr_site.key_result
            if kr.due is not None and not cycle.start <= _date(kr.due) <= cycle.end:
                yield kr_site.flag(
                    f"due {_date(kr.due)}, outside {_span(cycle)}",
                    hint="move the due date into the cycle, or the key result to another cycle",
                )
            for k, c in enumerate(kr.check_ins):
                day = _date(c.at)
                if day > cycle.end or (day < cycle.start and not history):
                    yield context.diagnostic(
                        f"{kr_site.path}.check_ins[{k}]",
                        f"check-in on {day}, outside {_span(cycle)}",
                        id=kr.id,
                    )


@REGISTRY.rule(
    "OKR602",
    name="stale",
    severity="warning",
    options={"days": 14},
    hint="check in weekly: a number nobody looks at does not move",
)
def stale(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """A key result of a running cycle has had no check-in for more than 14 days.

    One that is done (`okrkit.scoring.done`: its latest check-in reached its target) is not
    flagged: nobody need check in on it again.
    """
    today, days = context.today, context.options["days"]
    for site in context.objectives():
        cycle = site.objective.cycle
        if cycle is None or not cycle.start <= today <= cycle.end:
            continue
        for kr_site in site.key_results:
            if done(kr_site.key_result, today):
                continue  # nobody need check in on a target reached
            quiet = quiet_days(kr_site.key_result, cycle, today)
            if quiet > days:
                last = today - timedelta(days=quiet)
                since = "the cycle began" if last == cycle.start else f"{last}"
                yield kr_site.flag(
                    f"key result {kr_site.key_result.title!r} has had no check-in since "
                    f"{since} ({quiet} days; at most {days})"
                )


@REGISTRY.rule(
    "OKR603",
    name="review-due",
    severity="info",
    hint="score every key result and write down what you learned",
)
def review_due(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """The review of a cycle that is ending is due; said once per cycle."""
    today = context.today
    seen = set()
    for site in context.objectives():
        cycle = site.objective.cycle
        if cycle is None or cycle in seen:
            continue
        seen.add(cycle)
        if cycle.review_due <= today <= cycle.end:
            yield site.flag(
                f"the review of {cycle} is due (from {cycle.review_due}; it ends {cycle.end})"
            )


@REGISTRY.rule(
    "OKR604",
    name="milestone-out-of-range",
    severity="error",
    hint="record how far along it is from its start to its target: 0.6 for 60 %",
)
def milestone_out_of_range(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """A milestone's check-in lies outside its range, from its start (not begun) to its
    target (done): a percentage given as a whole number ("60" for 60 %) counts as done."""
    for site in context.key_results():
        kr = site.key_result
        low, high = kr.start, kr.target
        if kr.direction is not Direction.MILESTONE or not (
            isinstance(low, int | float | Decimal) and isinstance(high, int | float | Decimal)
        ):
            continue
        low, high = min(low, high), max(low, high)
        for k, c in enumerate(kr.check_ins):
            if not low <= c.value <= high:
                yield context.diagnostic(
                    f"{site.path}.check_ins[{k}]",
                    f"check-in of {c.value} on {_date(c.at)} is outside the milestone's range,"
                    f" {kr.start} (not begun) to {kr.target} (done)",
                    id=kr.id,
                )
