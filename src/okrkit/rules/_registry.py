"""The rules `validate` runs: `Rule`, `RuleRegistry`, and `REGISTRY` of the built-in ones."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, Protocol

import attrs

from okrkit._validators import text
from okrkit.errors import InvalidTypeError, InvalidValueError
from okrkit.model import Plan
from okrkit.rules._context import RuleContext
from okrkit.rules._findings import (
    NAME,
    Diagnostic,
    Severity,
    check_code,
    check_name,
    to_severity,
)
from okrkit.typing import RuleFunction

# The most days a timedelta holds: options count days, objectives and shares, so this is past
# any sensible one and keeps date arithmetic in range.
_OPTION_MAX = 999_999_999


def _check_option(path: str, default: object, value: object) -> None:
    """*value* must be of *default*'s kind; a number must be finite and from 0 to `_OPTION_MAX`."""
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise InvalidTypeError(path, value, "true or false")
        return
    if isinstance(default, int | float):
        integral = isinstance(default, int)
        kinds: tuple[type, ...] = (int,) if integral else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds):
            raise InvalidTypeError(path, value, "a whole number" if integral else "a number")
        if not (math.isfinite(value) and 0 <= value <= _OPTION_MAX):  # type: ignore[arg-type, operator]
            raise InvalidValueError(path, value, f"a finite number from 0 to {_OPTION_MAX:,}")
        return
    if not isinstance(value, str):
        raise InvalidTypeError(path, value, "a str")


def _check_defaults(_: object, attribute: attrs.Attribute[Any], options: object) -> None:
    """The validator of a rule's options: names to defaults that a configuration can set.

    A default is true or false, a number from 0 to `_OPTION_MAX` (its kind, whole or not, is
    the kind the configuration must give), or a str: what TOML and `RuleConfig` can carry.
    """
    if not (isinstance(options, Mapping) and all(isinstance(key, str) for key in options)):
        raise InvalidTypeError(attribute.name, options, "a mapping of option names to defaults")
    for key, default in options.items():
        if not NAME.fullmatch(key):
            raise InvalidValueError(
                f"{attribute.name}[{key!r}]",
                key,
                "an option's name of at most 64 letters, digits, '-' and '_', such as 'max'",
            )
        if not isinstance(default, bool | int | float | str):
            raise InvalidTypeError(
                f"{attribute.name}.{key}", default, "a default that is a bool, a number or a str"
            )
        _check_option(f"{attribute.name}.{key}", default, default)


def _check_function(_: object, attribute: attrs.Attribute[Any], function: object) -> None:
    if not callable(function):
        raise InvalidTypeError(
            attribute.name, function, "a callable (plan, context) -> diagnostics"
        )


def _check_summary(_: object, attribute: attrs.Attribute[str], summary: object) -> None:
    if not isinstance(summary, str):
        raise InvalidTypeError(attribute.name, summary, "a str (empty for none)")


def _copy(options: object) -> object:
    """A rule's own read-only copy of a mapping of options, which later changes do not reach."""
    return MappingProxyType(dict(options)) if isinstance(options, Mapping) else options


class _Selection(Protocol):
    """What `RuleRegistry.check` reads of a `RuleConfig`.

    (A protocol, not the class: the configuration is checked against `REGISTRY` by default,
    so its module imports this one, and this one may not import it back.)
    """

    @property
    def select(self) -> tuple[str, ...] | None: ...

    @property
    def ignore(self) -> tuple[str, ...]: ...

    @property
    def severity(self) -> Mapping[str, Severity]: ...

    @property
    def options(self) -> Mapping[str, Mapping[str, Any]]: ...


@attrs.frozen(kw_only=True)
class Rule:
    """A registered rule: its stable code, name, default severity, options, hint and function."""

    code: str = attrs.field(validator=check_code)
    name: str = attrs.field(validator=check_name)
    severity: Severity = attrs.field(converter=to_severity)
    function: RuleFunction = attrs.field(repr=False, validator=_check_function)
    options: Mapping[str, Any] = attrs.field(
        factory=dict, converter=_copy, validator=_check_defaults
    )
    summary: str = attrs.field(default="", validator=_check_summary)
    hint: str | None = attrs.field(default=None, validator=text(optional=True))
    """How to fix what the rule finds: its findings' hint unless the rule gives another."""

    def __call__(self, plan: Plan, context: RuleContext) -> Iterable[Diagnostic]:
        return self.function(plan, context)


class RuleRegistry:
    """The rules `validate` runs, by code; the built-in ones are registered the same way as yours.

    `REGISTRY` holds the built-in rules: make your own to customise, empty (``RuleRegistry()``)
    or starting from the built-ins (``REGISTRY.copy()``), and pass it to `validate`.

    >>> mine = REGISTRY.copy()
    >>> @mine.rule("ACME001", name="no-secret-owner", severity="warning",
    ...            hint="give it to the team that does the work")
    ... def no_secret_owner(plan, context):
    ...     for site in context.objectives():
    ...         if site.objective.owner == "secret":
    ...             yield site.flag("owner is a secret")
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
        hint: str | None = None,
    ) -> RuleFunction:
        """Register *function* as the rule *code*, and give it back unchanged.

        *hint* says how to fix what it finds; its findings carry it unless they give their own.
        """
        doc = (getattr(function, "__doc__", None) or "").strip()
        self.add(
            Rule(
                code=code,
                name=name,
                severity=to_severity(severity),
                function=function,
                options={} if options is None else options,
                summary=doc.splitlines()[0] if doc else "",
                hint=hint,
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
        hint: str | None = None,
    ) -> Callable[[RuleFunction], RuleFunction]:
        """A decorator that registers the function it decorates as the rule *code*."""

        def decorate(function: RuleFunction) -> RuleFunction:
            return self.register(
                function, code, name=name, severity=severity, options=options, hint=hint
            )

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

    def check(self, config: _Selection) -> None:
        """Raise an okrkit error naming the key if *config* (a `RuleConfig`) names a rule or
        option unknown here."""
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
