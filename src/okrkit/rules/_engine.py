"""The rule engine: diagnostics, the report, the registry of rules and `validate`."""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from okrkit._gc import paused
from okrkit._validators import to_enum
from okrkit.errors import InvalidTypeError, InvalidValueError
from okrkit.model import Plan
from okrkit.typing import RuleFunction

if TYPE_CHECKING:
    from okrkit.rules._config import RuleConfig
    from okrkit.text import ParsedKeyResult, ParsedObjective, _Reading


class Severity(enum.Enum):
    """How much a finding matters: an error fails a check, a warning is a judgement, info advice."""

    ERROR = "error"
    """Broken structure or an OKR that cannot be measured: `Report.ok` is False."""
    WARNING = "warning"
    """A judgement call: most good OKRs avoid this."""
    INFO = "info"
    """Advice: worth knowing, often deliberate."""


_severity = to_enum(Severity, "severity")


def to_severity(value: object) -> Severity:
    """A `Severity` from a member or its name (``"warning"``), case-insensitively."""
    return _severity(value)


_CODE = re.compile(r"[A-Z][A-Z0-9]*[0-9]")


def _check_code(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError(attribute.name, value, "a rule code such as 'OKR101'")
    if not _CODE.fullmatch(value):
        raise InvalidValueError(
            attribute.name, value, "a rule code: capital letters then digits, such as 'ACME001'"
        )


@attrs.frozen(kw_only=True)
class Diagnostic:
    """One finding: which rule, how bad, what is wrong, where, and how to fix it.

    *path* points into the plan (``objectives[1].key_results[2]``, empty for the plan as a
    whole) and *id* names the object there.

    >>> d = Diagnostic(code="OKR204", name="missing-baseline", severity=Severity.ERROR,
    ...                message="no baseline", path="objectives[0].key_results[1]", id="churn")
    >>> d.to_dict()["severity"]
    'error'
    """

    code: str = attrs.field(validator=_check_code)
    name: str
    severity: Severity = attrs.field(converter=to_severity)
    message: str
    path: str
    id: str | None = None
    hint: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
            "id": self.id,
            "hint": self.hint,
        }

    def __str__(self) -> str:
        where = self.path or "plan"
        return f"{where}: {self.code} [{self.severity.value}] {self.message}"


_STEP = re.compile(r"([A-Za-z_]\w*)(?:\[(\d+)\])?")
# Sibling fields in document order: a plan's sections, an objective's key results, a key
# result's check-ins.
_RANK = {"objectives": 0, "kpis": 1, "history": 2, "key_results": 0, "check_ins": 1}


def kr_path(i: int, j: int) -> str:
    """The path of key result *j* of objective *i*, as every rule writes it."""
    return f"objectives[{i}].key_results[{j}]"


def _path_key(path: str) -> tuple[int | str, ...]:
    """A sort key that orders paths as the document does: ``objectives[2]`` before ``[10]``.

    Three items a step, (rank, name, index), in one flat tuple: it orders as a tuple of
    steps would, and compares faster.
    """
    if path.startswith("objectives[") and path.endswith("]"):
        # The commonest two, without a regular expression (tests check they agree).
        inner = path[11:-1]
        if inner.isdecimal() and inner.isascii():
            return (0, "objectives", int(inner))
        i, kr, j = inner.partition("].key_results[")
        if kr and i.isdecimal() and j.isdecimal() and (i + j).isascii():
            return (0, "objectives", int(i), 0, "key_results", int(j))
    key: list[int | str] = []
    for name, index in _STEP.findall(path):
        key += (_RANK.get(name, 9), name, int(index) if index else -1)
    return tuple(key)


@attrs.frozen
class Report:
    """The findings of `validate`, sorted by where they are in the plan, then by code.

    It is iterable; `errors`, `warnings` and `infos` split it by severity, and `ok` is True
    when nothing is at error severity.

    >>> from okrkit import Plan
    >>> report = validate(Plan())
    >>> report.ok, len(report), report.to_dict()["counts"]
    (True, 0, {'error': 0, 'warning': 0, 'info': 0})
    """

    diagnostics: tuple[Diagnostic, ...] = ()

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.diagnostics)

    def __len__(self) -> int:
        return len(self.diagnostics)

    def __bool__(self) -> bool:
        # A report is a value, never falsy just for being empty: `if report:` would read wrong.
        return True

    def _of(self, severity: Severity) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is severity)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The findings at error severity."""
        return self._of(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """The findings at warning severity."""
        return self._of(Severity.WARNING)

    @property
    def infos(self) -> tuple[Diagnostic, ...]:
        """The findings at info severity."""
        return self._of(Severity.INFO)

    @property
    def ok(self) -> bool:
        """Whether no finding is at error severity."""
        return all(d.severity is not Severity.ERROR for d in self.diagnostics)

    @property
    def codes(self) -> frozenset[str]:
        """The codes found, each once."""
        return frozenset(d.code for d in self.diagnostics)

    def at(self, path: str) -> tuple[Diagnostic, ...]:
        """The findings about the object at *path* itself (``objectives[0]``)."""
        return tuple(d for d in self.diagnostics if d.path == path)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data: ``ok``, counts by severity and every finding."""
        counts = {s.value: 0 for s in Severity}
        for d in self.diagnostics:
            counts[d.severity.value] += 1
        return {
            "ok": self.ok,
            "counts": counts,
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }

    def _repr_html_(self) -> str:
        """A compact HTML table for notebooks (`okrkit.report.diagnostics_html`)."""
        from okrkit import _repr

        return _repr.html(self)


class _Shared:
    """What the rules of one `validate` call share: statements parsed once, ids indexed once."""

    __slots__ = ("_ids", "_key_results", "_objectives", "memo", "plan")

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._key_results: dict[str, ParsedKeyResult] = {}
        self._objectives: dict[str, ParsedObjective] = {}
        self._ids: Mapping[str, tuple[int, int]] | None = None
        self.memo: dict[str, Any] = {}

    def parse_key_result(self, text: str) -> ParsedKeyResult:
        parsed = self._key_results.get(text)
        if parsed is None:
            from okrkit.text import parse_key_result

            parsed = self._key_results[text] = parse_key_result(text)
        return parsed

    def parse_objective(self, text: str) -> ParsedObjective:
        parsed = self._objectives.get(text)
        if parsed is None:
            from okrkit.text import parse_objective

            parsed = self._objectives[text] = parse_objective(text)
        return parsed

    def ids(self) -> Mapping[str, tuple[int, int]]:
        """Each id -> (objective position, key result position or -1); the first holder wins."""
        if self._ids is None:
            # The plan keeps this index for its own lookups (Plan.key_result and the like).
            self._ids = MappingProxyType(self.plan._index)
        return self._ids


_T = TypeVar("_T")
_new = object.__new__
_set = object.__setattr__


@attrs.frozen(kw_only=True)
class RuleContext:
    """What a rule is told when it runs: its code, name, severity and options, and "today".

    Statements parsed through `parse_key_result` and `parse_objective` are parsed once per
    `validate` call, however many rules ask.
    """

    code: str = attrs.field(validator=_check_code)
    name: str
    severity: Severity = attrs.field(converter=to_severity)
    options: Mapping[str, Any]
    today: date
    _shared: _Shared = attrs.field(alias="shared", repr=False, eq=False)

    def diagnostic(
        self, path: str, message: str, *, id: str | None = None, hint: str | None = None
    ) -> Diagnostic:
        """A finding of this rule about the object at *path*."""
        # The code and severity were checked when the context was made: a rule can yield
        # hundreds of thousands of findings, so they are not checked again for each.
        d = _new(Diagnostic)
        _set(d, "code", self.code)
        _set(d, "name", self.name)
        _set(d, "severity", self.severity)
        _set(d, "message", message)
        _set(d, "path", path)
        _set(d, "id", id)
        _set(d, "hint", hint)
        return d

    def _memo(self, key: str, compute: Callable[[], _T]) -> _T:
        """``compute()``, computed once per `validate` call for every rule asking by *key*."""
        memo = self._shared.memo
        if key not in memo:
            memo[key] = compute()
        return memo[key]  # type: ignore[no-any-return]

    def parse_key_result(self, text: str) -> ParsedKeyResult:
        """`okrkit.text.parse_key_result` of *text*, parsed once per validation."""
        return self._shared.parse_key_result(text)

    def _readings(self) -> list[list[_Reading]]:
        """What the built-in rules need of each key result's statement, by objective and key
        result position: read once per validation, and faster than `parse_key_result`."""

        def compute() -> list[list[_Reading]]:
            from okrkit.text import _reader

            read = _reader()
            return [
                [read(kr.title) for kr in obj.key_results] for obj in self._shared.plan.objectives
            ]

        return self._memo("readings", compute)

    def parse_objective(self, text: str) -> ParsedObjective:
        """`okrkit.text.parse_objective` of *text*, parsed once per validation."""
        return self._shared.parse_objective(text)

    def ids(self) -> Mapping[str, tuple[int, int]]:
        """Every id in the plan -> (objective position, key result position or -1)."""
        return self._shared.ids()


_OPTION_MAX = 1_000_000_000


def _check_option(path: str, default: object, value: object) -> None:
    """*value* must be of *default*'s kind; a number must be finite and at least 0."""
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise InvalidTypeError(path, value, "true or false")
        return
    if isinstance(default, int | float):
        integral = isinstance(default, int)
        kinds: tuple[type, ...] = (int,) if integral else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds):
            raise InvalidTypeError(path, value, "a whole number" if integral else "a number")
        # Options count days, objectives, shares: a billion is past any sensible one, and
        # keeps date arithmetic (timedelta(days=...)) in range.
        if not (math.isfinite(value) and 0 <= value <= _OPTION_MAX):  # type: ignore[arg-type, operator]
            raise InvalidValueError(path, value, f"a finite number from 0 to {_OPTION_MAX:,}")
        return
    if not isinstance(value, type(default)):  # pragma: no cover - every built-in is a number
        raise InvalidTypeError(path, value, f"a {type(default).__name__}")


@attrs.frozen(kw_only=True)
class Rule:
    """A registered rule: its stable code, its name, default severity, options and function."""

    code: str = attrs.field(validator=_check_code)
    name: str
    severity: Severity = attrs.field(converter=to_severity)
    function: RuleFunction = attrs.field(repr=False)
    options: Mapping[str, Any] = attrs.field(factory=dict)
    summary: str = ""

    def __call__(self, plan: Plan, context: RuleContext) -> Iterable[Diagnostic]:
        return self.function(plan, context)


class RuleRegistry:
    """The rules `validate` runs, by code; the built-in ones are registered the same way as yours.

    `REGISTRY` holds the built-in rules: make your own to customise, empty (``RuleRegistry()``)
    or starting from the built-ins (``REGISTRY.copy()``), and pass it to `validate`.

    >>> mine = REGISTRY.copy()
    >>> @mine.rule("ACME001", name="no-secret-owner", severity="warning")
    ... def no_secret_owner(plan, context):
    ...     for i, obj in enumerate(plan.objectives):
    ...         if obj.owner == "secret":
    ...             yield context.diagnostic(f"objectives[{i}]", "owner is a secret", id=obj.id)
    >>> "ACME001" in mine, "ACME001" in REGISTRY
    (True, False)
    """

    __slots__ = ("_rules",)

    def __init__(self, rules: Iterable[Rule] = ()) -> None:
        self._rules: dict[str, Rule] = {}
        for rule in rules:
            self.add(rule)

    def add(self, rule: Rule) -> Rule:
        """Register *rule*; its code must be new to this registry."""
        if not isinstance(rule, Rule):
            raise InvalidTypeError("rule", rule, "a Rule")
        if rule.code in self._rules:
            raise InvalidValueError("code", rule.code, "a code no other rule has")
        self._rules[rule.code] = rule
        return rule

    def register(
        self,
        function: RuleFunction,
        code: str,
        *,
        name: str,
        severity: Severity | str,
        options: Mapping[str, Any] | None = None,
    ) -> RuleFunction:
        """Register *function* as the rule *code*, and give it back unchanged."""
        if not callable(function):
            raise InvalidTypeError(
                "function", function, "a callable (plan, context) -> diagnostics"
            )
        doc = (getattr(function, "__doc__", None) or "").strip()
        self.add(
            Rule(
                code=code,
                name=name,
                severity=to_severity(severity),
                function=function,
                options=dict(options or {}),
                summary=doc.splitlines()[0] if doc else "",
            )
        )
        return function

    def rule(
        self,
        code: str,
        *,
        name: str,
        severity: Severity | str,
        options: Mapping[str, Any] | None = None,
    ) -> Callable[[RuleFunction], RuleFunction]:
        """A decorator that registers the function it decorates as the rule *code*."""

        def decorate(function: RuleFunction) -> RuleFunction:
            return self.register(function, code, name=name, severity=severity, options=options)

        return decorate

    def copy(self) -> RuleRegistry:
        """A new registry with the same rules, to add to without changing this one."""
        return RuleRegistry(self._rules.values())

    def __contains__(self, code: object) -> bool:
        return code in self._rules

    def __getitem__(self, code: str) -> Rule:
        try:
            return self._rules[code]
        except KeyError:
            raise InvalidValueError("code", code, "the code of a registered rule") from None

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self._rules.values(), key=lambda r: r.code))

    def __len__(self) -> int:
        return len(self._rules)

    def __repr__(self) -> str:
        return f"<RuleRegistry of {len(self._rules)} rules>"

    def check(self, config: RuleConfig) -> None:
        """Raise an okrkit error naming the key if *config* names a rule or option unknown here."""
        for key, selectors in (("select", config.select or ()), ("ignore", config.ignore)):
            for i, selector in enumerate(selectors):
                if not any(code.startswith(selector) for code in self._rules):
                    raise InvalidValueError(
                        f"{key}[{i}]", selector, "a rule code or prefix of a registered rule"
                    )
        for selector in config.severity:
            if not any(code.startswith(selector) for code in self._rules):
                raise InvalidValueError(
                    f"severity.{selector}", selector, "a rule code or prefix of a registered rule"
                )
        for code, given in config.options.items():
            rule = self._rules.get(code)
            if rule is None:
                raise InvalidValueError(f"options.{code}", code, "the code of a registered rule")
            for key, value in given.items():
                if key not in rule.options:
                    known = ", ".join(map(repr, rule.options)) or "none"
                    raise InvalidValueError(
                        f"options.{code}.{key}", key, f"an option of {code} ({known})"
                    )
                _check_option(f"options.{code}.{key}", rule.options[key], value)


REGISTRY = RuleRegistry()
"""The built-in rules. Make your own registry to customise (``REGISTRY.copy()``)."""


def _ignores(plan: Plan) -> dict[str, tuple[str, ...]]:
    """The per-object ``ignore`` lists, by path; an objective's also covers its key results."""
    found: dict[str, tuple[str, ...]] = {}
    for i, obj in enumerate(plan.objectives):
        if obj.ignore:
            found[f"objectives[{i}]"] = obj.ignore
        for j, kr in enumerate(obj.key_results):
            if kr.ignore:
                found[kr_path(i, j)] = kr.ignore
    for i, kpi in enumerate(plan.kpis):
        if kpi.ignore:
            found[f"kpis[{i}]"] = kpi.ignore
    return found


def _ignored(diagnostic: Diagnostic, ignores: dict[str, tuple[str, ...]]) -> bool:
    path = diagnostic.path
    end = 0
    while end != -1:
        end = path.find(".", end + 1)
        codes = ignores.get(path if end == -1 else path[:end])
        if codes and any(diagnostic.code.startswith(code) for code in codes):
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
    from okrkit.rules._config import RuleConfig

    if not isinstance(plan, Plan):
        raise InvalidTypeError("plan", plan, "a Plan")
    if config is None:
        config = RuleConfig()
    elif not isinstance(config, RuleConfig):
        raise InvalidTypeError("config", config, "a RuleConfig")
    if today is None:
        today = date.today()
    elif not isinstance(today, date):
        raise InvalidTypeError("today", today, "a date")
    rules = REGISTRY if registry is None else registry
    if not isinstance(rules, RuleRegistry):
        raise InvalidTypeError("registry", registry, "a RuleRegistry")
    rules.check(config)
    with paused():
        return _validate(plan, config, today, rules)


def _validate(plan: Plan, config: RuleConfig, today: date, rules: RuleRegistry) -> Report:
    shared = _Shared(plan)
    ignores = _ignores(plan)
    found: list[Diagnostic] = []
    for rule in rules:
        if not config.enabled(rule.code):
            continue
        context = RuleContext(
            code=rule.code,
            name=rule.name,
            severity=config.severity_of(rule.code, rule.severity),
            options={**rule.options, **config.options.get(rule.code, {})},
            today=today,
            shared=shared,
        )
        for diagnostic in rule(plan, context):
            if not isinstance(diagnostic, Diagnostic):
                raise InvalidTypeError(
                    f"rule {rule.code}", diagnostic, "a Diagnostic (yield context.diagnostic(...))"
                )
            if not ignores or not _ignored(diagnostic, ignores):
                found.append(diagnostic)
    # Each distinct path's place in the document, found once: a plan's findings can number
    # hundreds of thousands, and comparing whole path keys for each would cost more.
    # (In the order found: each rule finds in document order, and sorted() gains from runs.)
    paths = sorted(dict.fromkeys([d.path for d in found]), key=_path_key)
    place = dict(zip(paths, range(len(paths)), strict=True))
    found.sort(key=lambda d: (place[d.path], d.code, d.message))
    return Report(tuple(found))
