"""What validation finds: `Severity`, `Diagnostic` and the `Report`, in document order."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from okrkit._escape import terminal
from okrkit._sources import Location
from okrkit._validators import text, to_enum
from okrkit.errors import InvalidTypeError, InvalidValueError
from okrkit.model import Plan


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


@attrs.frozen
class _Matches:
    """A validator: a str that *pattern* matches in full (an okrkit error naming the field)."""

    pattern: re.Pattern[str]
    kind: str
    """What the field takes, said when the value is no str."""
    expected: str
    """What the field takes, said when the str does not match."""

    def __call__(self, _: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str):
            raise InvalidTypeError(attribute.name, value, self.kind)
        if not self.pattern.fullmatch(value):
            raise InvalidValueError(attribute.name, value, self.expected)


# At most 16 characters: a code is shown in every finding, and read by people.
check_code = _Matches(
    re.compile(r"[A-Z][A-Z0-9]{0,14}[0-9]"),
    "a rule code such as 'OKR101'",
    "a rule code of at most 16 characters: capital letters then digits, such as 'ACME001'",
)
"""The validator of a rule code: capital letters then digits (``OKR101``, ``ACME001``)."""

# A rule's name, and an option's: a word or words joined by dashes, shown in every finding.
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}", re.ASCII)
check_name = _Matches(
    NAME,
    "a rule's name, a str",
    "a rule's name of at most 64 letters, digits, '-' and '_', such as 'team-owner'",
)
"""The validator of a rule's name (``key-result-count``): letters, digits, ``-`` and ``_``."""


# A path into a plan: steps such as ``objectives[2]`` or ``owner`` joined by dots, each index
# at most nine digits; empty for the plan as a whole.
PATH = re.compile(
    r"(?:[A-Za-z_][A-Za-z0-9_]*(?:\[(?:0|[1-9][0-9]{0,8})\])?(?:\.(?!$)|$))*", re.ASCII
)
PATH_EXPECTED = (
    "a path to a place in the plan such as 'objectives[2].key_results[0]', or '' for the plan"
)


_COMMON = re.compile(r"objectives\[([0-9]{1,9})\](?:\.key_results\[([0-9]{1,9})\])?")


def in_plan(plan: Plan, path: str) -> bool:
    """Whether *path* (of `PATH`'s shape) leads to something in *plan*.

    Each step names a field of the value it is at (``objectives``, ``key_results``,
    ``owner``...) and each index is within the tuple it indexes.
    """
    common = _COMMON.fullmatch(path)
    if common:  # an objective or its key result, most findings' place, without the walk
        i, j = common.groups()
        objectives = plan.objectives
        return int(i) < len(objectives) and (
            j is None or int(j) < len(objectives[int(i)].key_results)
        )
    at: object = plan
    for name, index in _STEP.findall(path):
        if name.startswith("_") or name not in _fields(type(at)):
            return False
        at = getattr(at, name)
        if index:
            if not (isinstance(at, tuple) and int(index) < len(at)):
                return False
            at = at[int(index)]
    return True


_FIELDS: dict[type, frozenset[str]] = {}


def _fields(kind: type) -> frozenset[str]:
    """The names of *kind*'s fields, if it is an attrs class (a plan's values are)."""
    found = _FIELDS.get(kind)
    if found is None:
        found = _FIELDS[kind] = (
            frozenset(attrs.fields_dict(kind)) if attrs.has(kind) else frozenset()
        )
    return found


check_path = _Matches(PATH, PATH_EXPECTED, PATH_EXPECTED)
"""The validator of a finding's path (`PATH`)."""


_new = object.__new__
_set = object.__setattr__


def _position(name: str) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """The validator of a line or column number: None, or an int from 1."""

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        if type(value) is not int:
            raise InvalidTypeError(attribute.name, value, f"a {name} number (an int) or None")
        if value < 1:
            raise InvalidValueError(attribute.name, value, f"a {name} number from 1, or None")

    return check


@attrs.frozen(kw_only=True)
class Diagnostic:
    """One finding: which rule, how bad, what is wrong, where, and how to fix it.

    *path* points into the plan (``objectives[1].key_results[2]``, empty for the plan as a
    whole) and *id* names the object there.  When the plan was read from a file or text by
    `okrkit.formats`, `validate` also sets *line* and *column* (1-based) of that place, and
    *file* when the plan came from a named file: the finding's own line for an objective, a
    key result or a check-in, its field's line for a finding on one field.

    >>> d = Diagnostic(code="OKR204", name="missing-baseline", severity=Severity.ERROR,
    ...                message="no baseline", path="objectives[0].key_results[1]", id="churn")
    >>> d.to_dict()["severity"]
    'error'
    """

    code: str = attrs.field(validator=check_code)
    name: str = attrs.field(validator=check_name)
    severity: Severity = attrs.field(converter=to_severity)
    message: str = attrs.field(validator=text())
    path: str = attrs.field(validator=check_path)
    id: str | None = attrs.field(default=None, validator=text(optional=True))
    hint: str | None = attrs.field(default=None, validator=text(optional=True))
    file: str | None = attrs.field(default=None, validator=text(optional=True))
    line: int | None = attrs.field(default=None, validator=_position("line"))
    column: int | None = attrs.field(default=None, validator=_position("column"))

    @classmethod
    def _unchecked(  # noqa: PLR0917 - a finding's fields, in the constructor's order
        cls,
        code: str,
        name: str,
        severity: Severity,
        message: str,
        path: str,
        id: str | None,
        hint: str | None,
    ) -> Diagnostic:
        """The finding the constructor would make, without its checks: for the rule engine.

        The caller has checked *code* with `check_code` and made *severity* a `Severity`
        member (a `RuleContext` does both once, when it is made), and `validate` checks the
        other fields of what a rule gives it.  A rule can yield hundreds of thousands of
        findings, and checking the same code and severity again for each was a measurable
        part of `validate`; so was setting each field by its name (each is set through its
        slot's descriptor, in about half the time).
        """
        d: Diagnostic = _new(cls)
        _set_code(d, code)
        _set_name(d, name)
        _set_severity(d, severity)
        _set_message(d, message)
        _set_path(d, path)
        _set_id(d, id)
        _set_hint(d, hint)
        _set_file(d, None)
        _set_line(d, None)
        _set_column(d, None)
        return d

    def located(self, location: Location | None) -> Diagnostic:
        """The same finding at *location* (a file, line and column); itself if None."""
        if location is None:
            return self
        d: Diagnostic = _new(type(self))
        for name in _DIAGNOSTIC_FIELDS:
            _set(d, name, getattr(self, name))
        _set(d, "file", location.file)
        _set(d, "line", location.line)
        _set(d, "column", location.column)
        return d

    @property
    def location(self) -> Location | None:
        """Where the finding is in the file the plan came from; None if not read from one."""
        if self.line is None or self.column is None:
            return None
        return Location(self.line, self.column, self.file)

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
            "file": self.file,
            "line": self.line,
            "column": self.column,
        }

    def __str__(self) -> str:
        # A rule's message can quote a plan's text: its control characters are shown escaped.
        location = self.location
        where = self.path or "plan" if location is None else str(location)
        return terminal(f"{where}: {self.code} [{self.severity.value}] {self.message}")


def well_said(message: object, hint: object) -> bool:
    """Whether a rule's *message* and *hint* are what a finding shows: a non-blank str, and
    a non-blank str or None."""
    return (
        isinstance(message, str)
        and bool(message)
        and not message.isspace()
        and (hint is None or (isinstance(hint, str) and bool(hint) and not hint.isspace()))
    )


# Each field of a Diagnostic set through its slot, for `Diagnostic._unchecked`.
(
    _set_code,
    _set_name,
    _set_severity,
    _set_message,
    _set_path,
    _set_id,
    _set_hint,
    _set_file,
    _set_line,
    _set_column,
) = (vars(Diagnostic)[field.name].__set__ for field in attrs.fields(Diagnostic))

_DIAGNOSTIC_FIELDS = ("code", "name", "severity", "message", "path", "id", "hint")
"""The fields `Diagnostic.located` copies: all but the location it sets."""

_STEP = re.compile(r"([A-Za-z_]\w*)(?:\[(\d+)\])?")
# Sibling fields in document order: a plan's sections, an objective's key results, a key
# result's check-ins; an object's other fields (its ``level``) come before its lists.
RANK = {
    "objectives": 0,
    "kpis": 1,
    "history": 2,
    "initiatives": 3,
    "key_results": 0,
    "check_ins": 1,
}
_FIELD_RANK = -1


def ignores_code(codes: tuple[str, ...], code: str) -> bool:
    """Whether an ``ignore`` list turns the rule *code* off: it holds the code, or a prefix
    of it ("OKR4" ignores OKR401)."""
    return any(code.startswith(c) for c in codes)


def path_key(path: str) -> tuple[int | str, ...]:
    """A sort key that orders paths as the document does: ``objectives[2]`` before ``[10]``.

    Three items a step, (`RANK`, name, index), in one flat tuple: it orders as a tuple of
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
        key += (RANK.get(name, _FIELD_RANK), name, int(index) if index else -1)
    return tuple(key)


def in_document_order(
    found: list[Diagnostic], places: list[int] | None = None
) -> tuple[Diagnostic, ...]:
    """*found* sorted by where each finding is in the plan, then by code and message.

    *places* may give each finding's place in the document, as a number in document order
    (the sites of `validate` know theirs), or -1 where it does not; unless it gives every
    finding's, each path is placed by `path_key`.
    """
    # A plan's findings can number hundreds of thousands: each is given one int to sort by
    # (its path's place, then its code), rather than a tuple compared item by item.
    codes = sorted({d.code for d in found})
    rank = dict(zip(codes, range(len(codes)), strict=True))
    n = len(codes)
    if places is not None and -1 not in places:
        keys = [place * n + rank[d.code] for place, d in zip(places, found, strict=True)]
    else:
        # Each distinct path's place found once, in the order found (each rule finds in
        # document order, and sorted() gains from runs).
        paths = sorted(dict.fromkeys([d.path for d in found]), key=path_key)
        place_of = dict(zip(paths, range(len(paths)), strict=True))
        keys = [place_of[d.path] * n + rank[d.code] for d in found]
    order = sorted(range(len(found)), key=keys.__getitem__)
    ordered = [found[i] for i in order]
    if len(set(keys)) < len(keys):
        # One rule's findings at one place, in the order of their messages.
        start = 0
        for end in range(1, len(order) + 1):
            if end == len(order) or keys[order[end]] != keys[order[start]]:
                if end - start > 1:
                    ordered[start:end] = sorted(ordered[start:end], key=_message)
                start = end
    return tuple(ordered)


def _message(d: Diagnostic) -> str:
    return d.message


@attrs.frozen
class Report:
    """The findings of `validate`, sorted by where they are in the plan, then by code.

    It is iterable; `errors`, `warnings` and `infos` split it by severity, and `ok` is True
    when nothing is at error severity.

    >>> from okrkit import Plan
    >>> from okrkit.rules import validate
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
