"""What a rule is given when it runs: its `RuleContext`, and what the rules of a call share."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from okrkit.model import Plan
from okrkit.rules._findings import Diagnostic, Severity, check_code, to_severity

if TYPE_CHECKING:
    from okrkit.text import KeyResultReading, ParsedKeyResult, ParsedObjective

_T = TypeVar("_T")


def objective_path(i: int) -> str:
    """The path of objective *i*: ``objectives[2]``."""
    return f"objectives[{i}]"


def key_result_path(i: int, j: int) -> str:
    """The path of key result *j* of objective *i*: ``objectives[2].key_results[1]``."""
    return f"objectives[{i}].key_results[{j}]"


class Shared:
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


@attrs.frozen(kw_only=True)
class RuleContext:
    """What a rule is told when it runs: its code, name, severity and options, and "today".

    Statements parsed through `parse_key_result` and `parse_objective` are parsed once per
    `validate` call, however many rules ask.
    """

    code: str = attrs.field(validator=check_code)
    name: str
    severity: Severity = attrs.field(converter=to_severity)
    options: Mapping[str, Any]
    today: date
    _shared: Shared = attrs.field(alias="shared", repr=False, eq=False)

    def diagnostic(
        self, path: str, message: str, *, id: str | None = None, hint: str | None = None
    ) -> Diagnostic:
        """A finding of this rule about the object at *path*."""
        # The code and severity were checked when the context was made: a rule can yield
        # hundreds of thousands of findings, so they are not checked again for each.
        return Diagnostic._unchecked(
            code=self.code,
            name=self.name,
            severity=self.severity,
            message=message,
            path=path,
            id=id,
            hint=hint,
        )

    def _memo(self, key: str, compute: Callable[[], _T]) -> _T:
        """``compute()``, computed once per `validate` call for every rule asking by *key*."""
        memo = self._shared.memo
        if key not in memo:
            memo[key] = compute()
        return memo[key]  # type: ignore[no-any-return]

    def parse_key_result(self, text: str) -> ParsedKeyResult:
        """`okrkit.text.parse_key_result` of *text*, parsed once per validation."""
        return self._shared.parse_key_result(text)

    def _readings(self) -> list[list[KeyResultReading]]:
        """What the built-in rules need of each key result's statement, by objective and key
        result position: read once per validation, and faster than `parse_key_result`."""

        def compute() -> list[list[KeyResultReading]]:
            from okrkit.text import key_result_reader

            read = key_result_reader()
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
