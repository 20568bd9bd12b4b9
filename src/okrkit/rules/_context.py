"""What a rule is given when it runs: its `RuleContext`, and the sites of the plan to judge.

A site is one place in the plan a rule may flag: an objective (`ObjectiveSite`) or a key
result (`KeyResultSite`), with its path, the objects there and what their statement says.
The sites of a `validate` call are made once and shared by all its rules.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from okrkit.errors import InvalidValueError
from okrkit.model import KeyResult, Objective, Plan
from okrkit.rules._findings import Diagnostic, Severity, check_code, to_severity, well_said

if TYPE_CHECKING:
    from okrkit.text import KeyResultReading, ParsedKeyResult, ParsedObjective

_T = TypeVar("_T")


def objective_path(i: int) -> str:
    """The path of objective *i*: ``objectives[2]``."""
    return f"objectives[{i}]"


def key_result_path(i: int, j: int) -> str:
    """The path of key result *j* of objective *i*: ``objectives[2].key_results[1]``."""
    return f"objectives[{i}].key_results[{j}]"


class ObjectiveSite:
    """An objective, where a rule may flag it: its `path`, the `objective`, its `index` in the
    plan, the sites of its `key_results`, and its statement's `reading`.

    Sites are made once per `validate` call and shared by its rules: read them, do not set
    their attributes.
    """

    __slots__ = ("_reading", "_shared", "index", "key_results", "objective")

    objective: Objective
    """The objective itself."""
    index: int
    """Its position in ``plan.objectives``."""
    key_results: tuple[KeyResultSite, ...]
    """The sites of its key results, in order."""

    def __init__(self, shared: Shared, objective: Objective, index: int) -> None:
        self._shared = shared
        self._reading: ParsedObjective | None = None
        self.objective = objective
        self.index = index
        self.key_results = ()

    @property
    def path(self) -> str:
        """Where it is in the plan: ``objectives[2]``."""
        return objective_path(self.index)

    @property
    def reading(self) -> ParsedObjective:
        """`okrkit.text.parse_objective` of its title, read the first time a rule asks."""
        if self._reading is None:
            self._reading = self._shared.parse_objective(self.objective.title)
        return self._reading

    def flag(self, message: str, hint: str | None = None) -> Diagnostic:
        """A finding of the running rule about this objective (the rule's own hint by default)."""
        return self._shared.flag(self, message, hint)

    def __repr__(self) -> str:
        return f"<ObjectiveSite {self.path} {self.objective.id!r}>"


class KeyResultSite:
    """A key result, where a rule may flag it: its `path`, its `objective` and `key_result`,
    their positions, and its statement's `reading`.

    Sites are made once per `validate` call and shared by its rules: read them, do not set
    their attributes.
    """

    __slots__ = ("_reading", "_shared", "index", "key_result", "objective", "objective_index")

    objective: Objective
    """The objective that holds it."""
    key_result: KeyResult
    """The key result itself."""
    objective_index: int
    """Its objective's position in ``plan.objectives``."""
    index: int
    """Its position in its objective's ``key_results``."""

    def __init__(
        self, shared: Shared, objective: Objective, key_result: KeyResult, i: int, j: int
    ) -> None:
        self._shared = shared
        self._reading: KeyResultReading | None = None
        self.objective = objective
        self.key_result = key_result
        self.objective_index = i
        self.index = j

    @property
    def path(self) -> str:
        """Where it is in the plan: ``objectives[2].key_results[1]``."""
        return key_result_path(self.objective_index, self.index)

    @property
    def reading(self) -> KeyResultReading:
        """What its title says (`okrkit.text.KeyResultReading`), read the first time a rule
        asks: the direction, form, numbers and unit, whether it is measurable or an output."""
        if self._reading is None:
            self._reading = self._shared.read_key_result(self.key_result.title)
        return self._reading

    def flag(self, message: str, hint: str | None = None) -> Diagnostic:
        """A finding of the running rule about this key result (the rule's own hint by
        default)."""
        return self._shared.flag(self, message, hint)

    def __repr__(self) -> str:
        return f"<KeyResultSite {self.path} {self.key_result.id!r}>"


class Shared:
    """What the rules of one `validate` call share: statements read once, the sites made
    once, ids indexed once, what rules memoise, and which rule is running.

    Sites flag for the rule that is running: so they are made once for every rule rather
    than once for each (on a large plan, making them again for each rule cost more than the
    rules' own checks).  `finish` drops what refers back to the sites, so that nothing of a
    call is kept alive by a reference cycle.
    """

    __slots__ = (
        "_ids",
        "_key_result_sites",
        "_key_results",
        "_objective_sites",
        "_objectives",
        "_read",
        "memo",
        "plan",
        "running",
        "stride",
        "vouched",
        "vouched_place",
    )

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.running: RuleContext | None = None
        # The last finding a site made whose every field is known good: the engine need not
        # check it again (a rule yields the finding it just made, hundreds of thousands).
        self.vouched: Diagnostic | None = None
        # Where its site is in the document, as a number in document order (an objective's,
        # then its key results'): the engine sorts the findings by it.
        self.vouched_place = -1
        self.memo: dict[str, Any] = {}
        self.stride = 1 + max((len(obj.key_results) for obj in plan.objectives), default=0)
        self._key_results: dict[str, ParsedKeyResult] = {}
        self._objectives: dict[str, ParsedObjective] = {}
        self._read: Callable[[str], KeyResultReading] | None = None
        self._ids: Mapping[str, tuple[int, int]] | None = None
        self._objective_sites: tuple[ObjectiveSite, ...] | None = None
        self._key_result_sites: tuple[KeyResultSite, ...] | None = None

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

    def read_key_result(self, text: str) -> KeyResultReading:
        if self._read is None:
            # Loaded here, on the first reading a rule asks for: `import okrkit` stays light.
            from okrkit.text import key_result_reader

            self._read = key_result_reader()
        return self._read(text)

    def ids(self) -> Mapping[str, tuple[int, int]]:
        """Each id -> (objective position, key result position or -1); the first holder wins."""
        if self._ids is None:
            # The plan's own index (`Plan.index`), in the pairs this method has always given.
            self._ids = MappingProxyType(
                {id: (i, -1 if j is None else j) for id, (i, j) in self.plan.index.items()}
            )
        return self._ids

    def sites(self) -> tuple[tuple[ObjectiveSite, ...], tuple[KeyResultSite, ...]]:
        """The sites of every objective and of every key result, in document order."""
        if self._objective_sites is None or self._key_result_sites is None:
            objectives = []
            key_results: list[KeyResultSite] = []
            for i, obj in enumerate(self.plan.objectives):
                site = ObjectiveSite(self, obj, i)
                site.key_results = own = tuple(
                    [KeyResultSite(self, obj, kr, i, j) for j, kr in enumerate(obj.key_results)]
                )
                key_results += own
                objectives.append(site)
            self._objective_sites = tuple(objectives)
            self._key_result_sites = tuple(key_results)
        return self._objective_sites, self._key_result_sites

    def flag(
        self, site: ObjectiveSite | KeyResultSite, message: str, hint: str | None
    ) -> Diagnostic:
        """The running rule's finding at *site*, one of this call's sites as it made it."""
        running = self.running
        if running is None:
            raise InvalidValueError(
                "site", site.path, "a site of a validate call, flagged while one of its rules runs"
            )
        # Where the site is, checked against the plan: a rule that set a site's attributes
        # would otherwise make a finding at a place that is not there, or not the site's.
        sites = self._objective_sites
        i = site.objective_index if type(site) is KeyResultSite else site.index
        if not (type(i) is int and sites is not None and 0 <= i < len(sites)):
            raise _moved(site)
        objective = self.plan.objectives[i]
        if type(site) is KeyResultSite:
            j = site.index
            own = sites[i].key_results
            if not (
                type(j) is int
                and 0 <= j < len(own)
                and own[j] is site
                and site.key_result is objective.key_results[j]
            ):
                raise _moved(site)
            path, id, place = key_result_path(i, j), site.key_result.id, i * self.stride + j + 1
        elif sites[i] is site and site.objective is objective:
            path, id, place = objective_path(i), objective.id, i * self.stride
        else:
            raise _moved(site)
        made = Diagnostic._unchecked(
            running.code,
            running.name,
            running.severity,
            message,
            path,
            id,
            running.hint if hint is None else hint,
        )
        # The site's path and id, and the rule's code, name and severity, are good: the
        # message and hint are the rule's, looked at here as the engine would.
        if well_said(message, made.hint):
            self.vouched = made
            self.vouched_place = place
        return made

    def vouched_for(self, given: object) -> Diagnostic | None:
        """*given*, if it is the finding a site made last, whose every field is good (its
        site's place is `vouched_place`)."""
        vouched = self.vouched
        return vouched if given is vouched else None

    def finish(self) -> None:
        """Forget the sites, the memos and the running rule: the call is over."""
        self.running = self.vouched = None
        self.memo.clear()
        self._objective_sites = self._key_result_sites = None


def _moved(site: ObjectiveSite | KeyResultSite) -> InvalidValueError:
    return InvalidValueError(
        "site",
        site,
        "a site as validate made it (a rule reads a site's attributes, never sets them)",
    )


@attrs.frozen(kw_only=True)
class RuleContext:
    """What a rule is told when it runs: its code, name, severity, options and hint, "today",
    and the sites of the plan.

    `objectives` and `key_results` give the sites a rule looks at; a site's ``flag(message)``
    makes this rule's finding there.  Statements parsed through `parse_key_result` and
    `parse_objective`, sites' readings, and what is computed through `memo`, are worked out
    once per `validate` call, however many rules ask.
    """

    code: str = attrs.field(validator=check_code)
    name: str
    severity: Severity = attrs.field(converter=to_severity)
    options: Mapping[str, Any]
    today: date
    hint: str | None = None
    """The hint registered with the rule: what its findings say unless the rule gives one."""
    _shared: Shared = attrs.field(alias="shared", repr=False, eq=False)

    def diagnostic(
        self, path: str, message: str, *, id: str | None = None, hint: str | None = None
    ) -> Diagnostic:
        """A finding of this rule about the object at *path*, with *hint* or else the rule's."""
        # The code and severity were checked when the context was made: a rule can yield
        # hundreds of thousands of findings, so they are not checked again for each.
        return Diagnostic._unchecked(
            self.code,
            self.name,
            self.severity,
            message,
            path,
            id,
            self.hint if hint is None else hint,
        )

    def objectives(self) -> tuple[ObjectiveSite, ...]:
        """The site of every objective, in the plan's order."""
        return self._shared.sites()[0]

    def key_results(self) -> tuple[KeyResultSite, ...]:
        """The site of every key result, objective by objective, in the plan's order."""
        return self._shared.sites()[1]

    def memo(self, key: str, compute: Callable[[], _T]) -> _T:
        """``compute()``, computed once per `validate` call for every rule asking by *key*.

        Rules share work this way: the first to ask computes, the others get the same value.
        Use a key your rules own (``"acme.owners"``); the built-in rules' keys have no dot.
        """
        memo = self._shared.memo
        if key not in memo:
            memo[key] = compute()
        return memo[key]  # type: ignore[no-any-return]

    def parse_key_result(self, text: str) -> ParsedKeyResult:
        """`okrkit.text.parse_key_result` of *text*, parsed once per validation."""
        return self._shared.parse_key_result(text)

    def parse_objective(self, text: str) -> ParsedObjective:
        """`okrkit.text.parse_objective` of *text*, parsed once per validation."""
        return self._shared.parse_objective(text)

    def ids(self) -> Mapping[str, tuple[int, int]]:
        """Every id in the plan -> (objective position, key result position or -1)."""
        return self._shared.ids()
