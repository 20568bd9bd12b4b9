"""OKR6xx: time: check-ins and due dates within the cycle, regular check-ins, the review."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

from okrkit.model import Plan
from okrkit.rules._context import RuleContext, key_result_path
from okrkit.rules._findings import Diagnostic
from okrkit.rules._registry import REGISTRY


def _date(at: date) -> date:
    """The calendar day of *at*, on its own clock for a datetime."""
    return at.date() if isinstance(at, datetime) else at


@REGISTRY.rule("OKR601", name="outside-cycle", severity="error", options={"before_start": True})
def outside_cycle(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """A check-in or due date lies outside its objective's cycle.

    Check-ins before the cycle starts are the history its baseline comes from, allowed
    unless the option ``before_start`` is false.
    """
    history = context.options["before_start"]
    for i, obj in enumerate(plan.objectives):
        cycle = obj.cycle
        if cycle is None:
            continue
        for j, kr in enumerate(obj.key_results):
            if kr.due is not None and not cycle.start <= _date(kr.due) <= cycle.end:
                yield context.diagnostic(
                    key_result_path(i, j),
                    f"due {_date(kr.due)}, outside the cycle {cycle} "
                    f"({cycle.start} to {cycle.end})",
                    id=kr.id,
                    hint="move the due date into the cycle, or the key result to another cycle",
                )
            for k, c in enumerate(kr.check_ins):
                day = _date(c.at)
                if day > cycle.end or (day < cycle.start and not history):
                    yield context.diagnostic(
                        f"{key_result_path(i, j)}.check_ins[{k}]",
                        f"check-in on {day}, outside the cycle {cycle} "
                        f"({cycle.start} to {cycle.end})",
                        id=kr.id,
                        hint="record it against the key result of the cycle it belongs to",
                    )


@REGISTRY.rule("OKR602", name="stale", severity="warning", options={"days": 14})
def stale(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """A key result of a running cycle has had no check-in for more than 14 days."""
    today, days = context.today, context.options["days"]
    limit = timedelta(days=days)
    for i, obj in enumerate(plan.objectives):
        cycle = obj.cycle
        if cycle is None or not cycle.start <= today <= cycle.end:
            continue
        for j, kr in enumerate(obj.key_results):
            last = max(cycle.start, _date(kr.check_ins[-1].at)) if kr.check_ins else cycle.start
            if today - last > limit:
                since = "the cycle began" if last == cycle.start else f"{last}"
                yield context.diagnostic(
                    key_result_path(i, j),
                    f"no check-in since {since} ({(today - last).days} days; at most {days})",
                    id=kr.id,
                    hint="check in weekly: a number nobody looks at does not move",
                )


@REGISTRY.rule("OKR603", name="review-due", severity="info")
def review_due(plan: Plan, context: RuleContext) -> Iterator[Diagnostic]:
    """The review of a cycle that is ending is due; said once per cycle."""
    today = context.today
    seen = set()
    for i, obj in enumerate(plan.objectives):
        cycle = obj.cycle
        if cycle is None or cycle in seen:
            continue
        seen.add(cycle)
        if cycle.review_due <= today <= cycle.end:
            yield context.diagnostic(
                f"objectives[{i}]",
                f"the review of {cycle} is due (from {cycle.review_due}; it ends {cycle.end})",
                id=obj.id,
                hint="score every key result and write down what you learned",
            )
