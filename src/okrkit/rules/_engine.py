"""`validate`: run the selected rules over a plan, and report what they find."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from okrkit._gc import paused
from okrkit._sources import Location, source_of
from okrkit.errors import InvalidTypeError, InvalidValueError, RuleError
from okrkit.model import Plan
from okrkit.rules._config import RuleConfig
from okrkit.rules._context import RuleContext, Shared, key_result_path, objective_path
from okrkit.rules._findings import (
    PATH,
    PATH_EXPECTED,
    Diagnostic,
    Report,
    ignores_code,
    in_document_order,
    in_plan,
    well_said,
)
from okrkit.rules._registry import REGISTRY, Rule, RuleRegistry


def _ignores(plan: Plan) -> dict[str, tuple[str, ...]]:
    """The per-object ``ignore`` lists, by path; an objective's also covers its key results."""
    found: dict[str, tuple[str, ...]] = {}
    for i, obj in enumerate(plan.objectives):
        if obj.ignore:
            found[objective_path(i)] = obj.ignore
        for j, kr in enumerate(obj.key_results):
            if kr.ignore:
                found[key_result_path(i, j)] = kr.ignore
    for i, kpi in enumerate(plan.kpis):
        if kpi.ignore:
            found[f"kpis[{i}]"] = kpi.ignore
    for i, initiative in enumerate(plan.initiatives):
        if initiative.ignore:
            found[f"initiatives[{i}]"] = initiative.ignore
    return found


def _ignored(diagnostic: Diagnostic, ignores: dict[str, tuple[str, ...]]) -> bool:
    path = diagnostic.path
    end = 0
    while end != -1:
        end = path.find(".", end + 1)
        codes = ignores.get(path if end == -1 else path[:end])
        if codes and ignores_code(codes, diagnostic.code):
            return True
    return False


def validate(
    plan: Plan,
    config: RuleConfig | None = None,
    *,
    today: date | None = None,
    registry: RuleRegistry | None = None,
) -> Report:
    """Run every selected rule on *plan*: a `Report` of what they found, never an exception.

    *config* selects, ignores and tunes the rules (`RuleConfig`); *today* is the day the
    time rules judge by (by default the real today); *registry* holds the rules (`REGISTRY`
    by default).  A rule an object names in its ``ignore`` list is silent about that object
    (an objective's list covers its key results too).  The rules run with Python's cyclic
    garbage collector paused (they make no reference cycles, and on a large plan its runs
    cost a third of the time); it is resumed after, however validation ends.

    >>> from datetime import date
    >>> from okrkit import Cycle, KeyResult, Objective, Plan
    >>> kr = KeyResult(title="Improve onboarding")
    >>> plan = Plan(objectives=[Objective(title="Make onboarding delightful for small teams",
    ...     owner="growth", cycle=Cycle.parse("2026-Q3"), key_results=[kr])])
    >>> report = validate(plan, today=date(2026, 6, 1))
    >>> report.ok, sorted(report.codes)
    (False, ['OKR101', 'OKR201'])
    """
    if not isinstance(plan, Plan):
        raise InvalidTypeError("plan", plan, "a Plan")
    if config is None:
        config = RuleConfig()
    elif not isinstance(config, RuleConfig):
        raise InvalidTypeError("config", config, "a RuleConfig")
    if today is None:
        today = date.today()
    elif not isinstance(today, date) or isinstance(today, datetime):
        # A datetime is a date subclass, but the rules compare *today* with dates.
        raise InvalidTypeError("today", today, "a date (not a datetime)")
    rules = REGISTRY if registry is None else registry
    if not isinstance(rules, RuleRegistry):
        raise InvalidTypeError("registry", registry, "a RuleRegistry")
    rules.check(config)
    with paused():
        return _validate(plan, config, today, rules)


def _failed(rule: Rule, error: Exception | SystemExit) -> RuleError:
    """The `RuleError` naming *rule* for *error*, which it raised (or let through)."""
    if isinstance(error, RuleError) and error.code == rule.code:
        return error
    return RuleError(rule.code, error)


def _run(rule: Rule, plan: Plan, context: RuleContext) -> Iterator[object]:
    """What *rule* finds on *plan*; what it raises is a `RuleError` naming it.

    A `RuleError` of another rule (one this rule ran through `validate`, say) is wrapped
    too: the error names the rule that was running, with the other as its cause.
    """
    try:
        found = rule(plan, context)
    except (Exception, SystemExit) as error:  # a rule ending the program is a rule failing
        raise _failed(rule, error) from error
    if not hasattr(type(found), "__iter__"):
        expected = "an iterable of diagnostics (a generator that yields site.flag(...))"
        raise InvalidTypeError(f"rule {rule.code}", found, expected)
    try:
        yield from found
    except (Exception, SystemExit) as error:
        raise _failed(rule, error) from error


def _check(
    rule: Rule, context: RuleContext, diagnostic: object, paths: set[str], plan: Plan
) -> Diagnostic:
    """*diagnostic*, or an okrkit error naming *rule* if it is not a finding the rule may give.

    *paths* holds the paths already found good, which most findings share.
    """
    if type(diagnostic) is not Diagnostic:  # a subclass could override what views call
        raise InvalidTypeError(
            f"rule {rule.code}",
            diagnostic,
            "a Diagnostic (yield site.flag(...) or context.diagnostic(...))",
        )
    # Made unchecked for speed (a rule may yield a finding per key result): what a rule gave
    # is checked here, once, before any view has to show it.
    try:
        message, path, id, hint = (
            diagnostic.message,
            diagnostic.path,
            diagnostic.id,
            diagnostic.hint,
        )
        located = (diagnostic.file, diagnostic.line, diagnostic.column) != (None, None, None)
    except AttributeError:  # a Diagnostic made without its fields (object.__new__)
        raise InvalidTypeError(
            f"rule {rule.code}", "a Diagnostic without its fields", "a Diagnostic made whole"
        ) from None
    if (
        not (
            well_said(message, hint)
            and isinstance(path, str)
            and (id is None or isinstance(id, str))
        )
        or located
    ):
        raise InvalidTypeError(
            f"rule {rule.code}",
            diagnostic,
            "a finding with a non-blank str message, a str path, and a str or None id, and"
            " a non-blank str or None hint, and no file, line or column (validate places"
            " each finding in the file the plan was read from)",
        )
    if path not in paths:
        if not (PATH.fullmatch(path) and in_plan(plan, path)):
            raise InvalidValueError(f"rule {rule.code}: path", path, PATH_EXPECTED)
        paths.add(path)
    if (diagnostic.code, diagnostic.name, diagnostic.severity) != (
        rule.code,
        rule.name,
        context.severity,
    ):
        # A finding made by hand would escape its configured severity, or speak for another rule.
        raise InvalidValueError(
            f"rule {rule.code}",
            diagnostic,
            f"a finding of rule {rule.code} at its configured severity,"
            f" {context.severity.value!r} (yield site.flag(...) or context.diagnostic(...))",
        )
    return diagnostic


def _validate(plan: Plan, config: RuleConfig, today: date, rules: RuleRegistry) -> Report:
    shared = Shared(plan)
    ignores = _ignores(plan)
    found: list[Diagnostic] = []
    places: list[int] = []  # each finding's site's place in the document; -1 if none given
    paths: set[str] = set()
    try:
        for rule in rules:
            if not config.enabled(rule.code):
                continue
            shared.vouched = None  # another rule's finding is never this one's
            shared.running = context = RuleContext(
                code=rule.code,
                name=rule.name,
                severity=config.severity_of(rule.code, rule.severity),
                options={**rule.options, **config.options.get(rule.code, {})},
                today=today,
                hint=rule.hint,
                shared=shared,
            )
            for given in _run(rule, plan, context):
                # A site's finding was looked at as it was made (`Shared.flag`).
                diagnostic = shared.vouched_for(given)
                if diagnostic is None:
                    diagnostic, place = _check(rule, context, given, paths, plan), -1
                else:
                    place = shared.vouched_place
                if not ignores or not _ignored(diagnostic, ignores):
                    found.append(diagnostic)
                    places.append(place)
    finally:
        # The sites refer to the call's shared state, which refers to them and to the running
        # rule: dropping those references frees it all without the (paused) collector.
        shared.finish()
    return Report(_located(plan, in_document_order(found, places)))


def _located(plan: Plan, found: tuple[Diagnostic, ...]) -> tuple[Diagnostic, ...]:
    """*found*, each at its place in the file or text *plan* was read from, if it was read."""
    source = source_of(plan) if found else None
    if source is None:
        return found
    places: dict[str, Location | None] = {}
    for d in found:
        if d.path not in places:
            places[d.path] = source.locate(d.path)
    return tuple(d.located(places[d.path]) for d in found)
