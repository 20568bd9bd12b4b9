"""Markdown: OKRs the way people write them by hand, read and written in the same shape.

Reading:

- an objective is a heading (``## Win back customers``, an ``Objective:`` or ``O1:`` prefix is
  dropped) or an ``Objective: ...`` line; a heading with no key results and no details whose
  sub-headings are objectives is a section title (``# Q3 OKRs``), not an objective;
- lines ``Owner:``, ``Cycle:``, ``Commitment:``, ``Level:``, ``Aligned to:``, ``Id:`` and
  ``Weight:`` under an objective set its fields; other text under it, before its list or after
  it (after an ``Objective:`` item's key results, that objective's), is its description;
  ``Cycle:``, ``As of:``, ``Fiscal year start:`` and ``Fiscal year named by:`` before the
  first objective set the document's defaults, and the other detail lines there are errors
  (no objective would keep them); fiscal lines under an objective or
  a section title say how its ``FY`` cycle label reads, and those of the objectives nested
  under it; each line is given once per objective and once before the first objective, a
  second one is an error naming both lines, never read over the first;
- ``As of:`` dates the whole document, so it belongs before the first objective (a section
  title such as ``# Q3 OKRs`` is not one); after it, it is an error naming its line;
- the numbered or bulleted list under an objective holds its key results, each read with
  `okrkit.text` into a structured key result when it can be, else kept with its title only;
  a key result line before any objective is an error, never dropped, and so is a document
  without objectives;
- ``- [x]`` / ``- [ ]`` make a key result a milestone, done or not;
- a trailing note ``=> 4.6``, ``=> 66%`` (of the way from start to target, unless the unit is
  ``%``), ``=> DONE`` or a bare trailing ``DONE`` (``→`` and ``->`` mark a note as ``=>``
  does), optionally ``on 2026-08-01``, is a check-in,
  dated by its ``on`` date, else the document's ``As of:`` date, else the end of the cycle;
- sub-headings are objectives aligned to the heading above; an ``Objective:`` list item
  indented under a key result is aligned to that key result, and the items indented under it
  are its key results.
- a backslash before punctuation (or ``→``, ``✅``, ``✔``) stands for that character, as in
  CommonMark, and a line opening with a backslash is description text.

Writing produces the same shape: one ``##`` heading per objective (a deeper one when aligned to
the objective just above it), its details, then its key results as a bulleted list with their
latest check-in; fiscal lines at the top for the settings most fiscal cycles share, and under
an objective whose fiscal cycle has others, so every cycle reads back equal.  What Markdown
keeps: objectives' titles, ids, owners, cycles, commitment, level, alignment, weight and
description; key results' statements (their structure is read again from the statement) and
latest check-in.  KPIs, history and other key result fields are
not kept; a plan without objectives is refused.  Text that would read as structure is
escaped, and text Markdown cannot hold (a line break, spaces at a title's ends) is refused
naming its field: what is written reads back as it was, or is not written.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs

from okrkit._validators import slugify
from okrkit.cycles import Cycle, FiscalYearNaming
from okrkit.errors import (
    CycleError,
    FormatError,
    InvalidTypeError,
    InvalidValueError,
    OKRError,
    Problem,
    safe_repr,
)
from okrkit.formats._document import Options
from okrkit.formats._writing import fiscal_defaults, written_number
from okrkit.model import CheckIn, Claims, Direction, KeyResult, Objective, Plan

__all__ = ["dumps", "loads"]

_HEADING = re.compile(r"(#{1,6})\s+(.*?)\s*#*\s*")
_OBJECTIVE = re.compile(
    r"(?:\*\*|__)?(?:objective|O\d+)(?:\s*\d+)?\s*[:.)-](?:\*\*|__)?\s*(?P<title>.+)", re.I
)
_ITEM = re.compile(r"(?P<indent>\s*)(?:[-*+]|\d+[.)])\s+(?:\[(?P<box>[ xX])\]\s+)?(?P<text>.*)")
_META = re.compile(
    r"(?:\*\*|__)?(?P<key>owner|cycle|commitment|level|aligned to|id|weight|as of"
    r"|fiscal year start|fiscal year named by)\s*:(?:\*\*|__)?\s*(?P<value>.*)",
    re.I,
)
_NOTE = re.compile(r"\s*(?:=>|→|->)\s*(?P<note>[^=>→]+?)\s*$")
_DONE = re.compile(r"\s+(?:[-—–]\s*)?(?:DONE|✅|✔)\s*$")
_PROGRESS = re.compile(
    r"(?:(?P<done>done|✅|✔)|(?P<number>[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*(?P<pct>%)?)"
    r"(?:\s*(?:on|@|\()\s*(?P<at>\d{4}-\d{2}-\d{2})\)?)?",
    re.I,
)
_INT = re.compile(r"[+-]?\d+")
# A backslash before ASCII punctuation stands for that character, never for structure, as in
# CommonMark; okrkit also takes it before the note and done marks it reads (``→``, ``✅``, ``✔``).
_ESCAPABLE = r"[!-/:-@\[-`{-~→✅✔]"
_ESCAPED = re.compile(rf"\\({_ESCAPABLE})")
_TO_ESCAPE = re.compile(_ESCAPABLE)


def _mask(text: str) -> str:
    """*text* with each escaped character hidden from the patterns, at the same length."""
    return _ESCAPED.sub("\ue000\ue000", text) if "\\" in text else text


def _unescape(text: str) -> str:
    """*text* with each escape replaced by the character it stands for."""
    return _ESCAPED.sub(r"\1", text) if "\\" in text else text


def _escape(text: str) -> str:
    """*text* with every character the reader could take for structure escaped."""
    return _TO_ESCAPE.sub(r"\\\g<0>", text)


def _heading(line: str) -> tuple[int, str, bool] | None:
    """A heading's level, its title and whether it said ``Objective:``; None if not one."""
    masked = _mask(line)
    heading = _HEADING.fullmatch(masked)
    if heading is None:
        return None
    start, end = heading.span(2)
    explicit = _OBJECTIVE.fullmatch(masked, start, end)
    if explicit:
        start, end = explicit.span("title")
    return len(heading[1]), _unescape(line[start:end].strip()), bool(explicit)


def _item(line: str) -> tuple[int, str | None, str] | None:
    """A list item's indent, its box (``' '``, ``'x'``) and its text as written; None if not one."""
    item = _ITEM.fullmatch(_mask(line))
    if item is None:
        return None
    return len(item["indent"].expandtabs(4)), item["box"], line[item.start("text") :].strip()


def _objective_line(text: str) -> str | None:
    """The title of an ``Objective: ...`` line (or list item's text); None if not one."""
    explicit = _OBJECTIVE.fullmatch(_mask(text))
    return None if explicit is None else _unescape(text[explicit.start("title") :].strip())


@attrs.define
class _Objective:
    """An objective as it is read, line by line."""

    line: int
    title: str
    parent: _Objective | None
    parent_kr: str | None = None
    meta: dict[str, tuple[int, str]] = attrs.Factory(dict)
    description: list[str] = attrs.Factory(list)
    key_results: list[tuple[int, str, str | None]] = attrs.Factory(list)
    children: int = 0
    section: bool = False
    last_kr_indent: int | None = None
    cycle: Cycle | None = None
    fiscal: tuple[int, FiscalYearNaming] = (1, "end")
    explicit: bool = False

    @property
    def id(self) -> str:
        given = self.meta.get("id")
        return given[1] if given else slugify(self.title)


def _statement(text: str) -> tuple[str, str | None]:
    """A key result line's statement, and its trailing progress note if it has one."""
    masked = _mask(text)
    if match := _NOTE.search(masked):
        return _unescape(text[: match.start()].rstrip()), text[slice(*match.span("note"))]
    if match := _DONE.search(masked):
        return _unescape(text[: match.start()].rstrip()), "done"
    return _unescape(text), None


def _number(text: str) -> int | float:
    return int(text) if _INT.fullmatch(text) else float(text)


def _fiscal_start(value: str) -> int:
    """a month number 1..12"""
    month = int(value)
    if not 1 <= month <= 12:
        raise ValueError(value)
    return month


def _naming(value: str) -> FiscalYearNaming:
    """'end' or 'start'"""
    if value not in ("end", "start"):
        raise ValueError(value)
    return value  # type: ignore[return-value]


_FISCAL_KEYS = {"fiscal year start": _fiscal_start, "fiscal year named by": _naming}


def _problem(n: int, message: str, *, value: object = None, expected: str | None = None) -> Problem:
    """A problem on line *n*: the line is all the place a hand-written document has."""
    return Problem(path=f"line {n}", message=message, value=value, expected=expected, line=n)


class _Reader:
    def __init__(self, options: Options) -> None:
        self.options = options
        self.problems: list[Problem] = []
        self.defaults: dict[str, tuple[int, str]] = {}
        # Each 'As of:' line, with how many objectives (section titles among them) came before.
        self.as_of_lines: list[tuple[int, str, int]] = []

    def read(self, text: str) -> Plan:
        objectives: list[_Objective] = []
        headings: list[tuple[int, _Objective]] = []
        items: list[tuple[int, _Objective]] = []  # list-nested objectives, by indent
        current: _Objective | None = None
        for n, raw in enumerate(text.splitlines(), start=1):
            line = raw.rstrip()
            if not line.strip():
                continue
            if line.lstrip().startswith("\\"):  # an escaped line is text, never structure
                if current is not None:
                    current.description.append(line.strip()[1:])
                continue
            if heading := _heading(line):
                level, title, explicit = heading
                while headings and headings[-1][0] >= level:
                    headings.pop()
                parent = headings[-1][1] if headings else None
                current = _Objective(line=n, title=title, parent=parent, explicit=explicit)
                if parent is not None:
                    parent.children += 1
                objectives.append(current)
                headings.append((level, current))
                items = []
                continue
            item = _item(line)
            body = item[2] if item else line.strip()
            if (named := _objective_line(body)) is not None:
                indent = item[0] if item else -1
                while items and items[-1][0] >= indent:
                    items.pop()
                outer = items[-1][1] if items else (headings[-1][1] if headings else None)
                new = _Objective(line=n, title=named, parent=outer, explicit=True)
                if (
                    outer is not None
                    and outer.last_kr_indent is not None
                    and indent > outer.last_kr_indent
                    and outer.key_results
                ):
                    new.parent_kr = slugify(_statement(outer.key_results[-1][1])[0])
                if outer is not None:
                    outer.children += 1
                objectives.append(new)
                items.append((indent, new))
                current = new
                continue
            if item:
                if current is None:  # never dropped: a key result needs its objective
                    expected = (
                        "an objective (a heading or an 'Objective:' line) before this key result"
                    )
                    self.unexpected(n, expected, line.strip())
                    continue
                indent = item[0]
                outdented = False  # past an objective nested deeper in the list
                while items and items[-1][0] >= indent:
                    outdented = outdented or items[-1][0] > indent
                    items.pop()
                if items:
                    owner = items[-1][1]
                elif outdented and headings:
                    owner = headings[-1][1]  # the heading's objective's again
                else:
                    owner = current
                owner.key_results.append((n, body, item[1]))
                owner.last_kr_indent = indent
                current = owner
                continue
            if meta := _META.fullmatch(line.strip()):
                key, value = meta["key"].lower(), meta["value"].strip()
                if key == "as of":  # placed in build, once section titles are known
                    self.as_of_lines.append((n, value, len(objectives)))
                elif current is None:
                    self.once(self.defaults, key, n, value, "before the first objective")
                else:
                    self.once(current.meta, key, n, value, "per objective")
                continue
            if current is not None:  # notes under its list too: appended, never dropped
                current.description.append(line.strip())
        self.blank = not text.strip()
        return self.build(objectives)

    def unexpected(self, n: int, expected: str, value: object, key: str = "") -> None:
        """Report line *n*'s *value* (for *key*, if given), which is not what was *expected*."""
        message = f"expected {expected}, got {value!r}"
        if key:
            message = f"{key}: {message}"
        self.problems.append(_problem(n, message, value=value, expected=expected))

    def once(
        self, given: dict[str, tuple[int, str]], key: str, n: int, value: str, where: str
    ) -> None:
        """Keep line *n*'s *value* for *key* in *given*, unless an earlier line gave one."""
        if key in given:
            self.unexpected(n, f"once {where} (first on line {given[key][0]})", value, key)
        else:
            given[key] = (n, value)

    def setting(
        self, given: dict[str, tuple[int, str]], key: str, parse: Any, fallback: Any
    ) -> Any:
        """The setting *key* read with *parse* from *given* lines, else *fallback*."""
        if key not in given:
            return fallback
        n, value = given[key]
        try:
            return parse(value)
        except (ValueError, OKRError):
            self.unexpected(n, parse.__doc__, value, key)
            return fallback

    def fiscal(
        self, given: dict[str, tuple[int, str]], fallback: tuple[int, FiscalYearNaming]
    ) -> tuple[int, FiscalYearNaming]:
        """The fiscal settings the *given* lines make of the *fallback* ones."""
        start, naming = (
            self.setting(given, key, parse, default)
            for (key, parse), default in zip(_FISCAL_KEYS.items(), fallback, strict=True)
        )
        return start, naming

    def build(self, found: list[_Objective]) -> Plan:
        def as_of(value: str) -> date:
            """an ISO 8601 date such as 2026-08-01"""
            return date.fromisoformat(value)

        fiscal = self.fiscal(self.defaults, (1, "end"))
        self.cycle: Cycle | None = None
        if "cycle" in self.defaults:
            self.cycle = self.parse_cycle(*self.defaults["cycle"], fiscal)
        # Only the cycle and the fiscal settings are document defaults; the rest belong to one
        # objective, and read before any would be lost.
        misplaced = [
            (n, key, value)
            for key, (n, value) in self.defaults.items()
            if key in ("owner", "commitment", "level", "aligned to", "id", "weight")
        ]
        for n, key, value in sorted(misplaced):
            self.unexpected(n, f"{key!r} under an objective", value)
        for obj in found:
            # A heading with nothing of its own above objectives is a section title.
            obj.section = bool(
                obj.children
                and not obj.explicit
                and not obj.key_results
                and obj.meta.keys() <= {"cycle", *_FISCAL_KEYS}
                and obj.parent_kr is None
            )
            # Fiscal settings hold for what is nested under them, as a cycle does; parents
            # come before their children in *found*.
            obj.fiscal = self.fiscal(obj.meta, fiscal if obj.parent is None else obj.parent.fiscal)
        # 'As of:' dates the whole document, so under an objective it would date what is
        # above it too: it belongs before the first objective (a section title is not one).
        for n, value, before in self.as_of_lines:
            if all(obj.section for obj in found[:before]):
                self.once(self.defaults, "as of", n, value, "before the first objective")
            else:
                expected = "'as of' before the first objective, as it dates the whole document"
                self.unexpected(n, expected, value)
        self.as_of: date | None = self.setting(self.defaults, "as of", as_of, None)
        result = []
        for obj in found:
            if obj.section:
                obj.cycle = obj.parent.cycle if obj.parent is not None else self.cycle
                if "cycle" in obj.meta:
                    obj.cycle = self.parse_cycle(*obj.meta["cycle"], obj.fiscal)
            else:
                result.append(self.objective(obj))
        if not found:
            got = "an empty document" if self.blank else "none"
            expected = "an objective (a heading or an 'Objective:' line)"
            self.problems.append(
                Problem(
                    path="document", message=f"expected {expected}, got {got}", expected=expected
                )
            )
        if self.problems:
            raise FormatError(self.problems)
        ids: Claims[int] = Claims()
        for obj in found:
            if "id" in obj.meta and not obj.section:
                n, given = obj.meta["id"]
                first = ids.claim(given, n)
                if first is not None:
                    message = f"duplicate id {given!r}, also at line {first}"
                    self.problems.append(_problem(n, message, value=given))
        if self.problems:
            raise FormatError(self.problems)
        return Plan(objectives=[o for o in result if o is not None])

    def parse_cycle(self, n: int, value: str, fiscal: tuple[int, FiscalYearNaming]) -> Cycle | None:
        try:
            return Cycle.parse(value, fiscal_year_start=fiscal[0], fiscal_year_named_by=fiscal[1])
        except CycleError as error:
            self.unexpected(n, error.expected, value, "cycle")
            return None

    def objective(self, obj: _Objective) -> Objective | None:
        parent = obj.parent
        while parent is not None and parent.section:
            parent = parent.parent
        fields: dict[str, object] = {"title": obj.title}
        lines: dict[str, int] = {"title": obj.line}
        if parent is not None:
            fields["aligned_to"] = parent.id if obj.parent_kr is None else obj.parent_kr
        if obj.description:
            fields["description"] = " ".join(obj.description)
        # The cycle of what it is nested under (a section's, or an objective's), else the
        # document's.
        cycle = self.cycle
        if obj.parent is not None:
            cycle = obj.parent.cycle
        for key, (n, value) in obj.meta.items():
            name = key.replace(" ", "_")
            lines[name] = n
            if key in _FISCAL_KEYS:
                continue  # read into obj.fiscal
            if key == "cycle":
                cycle = self.parse_cycle(n, value, obj.fiscal)
            elif key == "weight":
                try:
                    fields["weight"] = _number(value)
                except ValueError:
                    self.unexpected(n, "a number", value, "weight")
            else:
                fields[name] = value.lower() if key == "commitment" else value
        fields["cycle"] = obj.cycle = cycle
        krs = []
        for n, text, box in obj.key_results:
            kr = self.key_result(n, text, box, cycle)
            if kr is not None:
                krs.append(kr)
        try:
            return Objective(**fields, key_results=krs)  # type: ignore[arg-type]
        except (InvalidValueError, InvalidTypeError) as error:
            # Only fields a line gives are set here (no lists): the error names one of them.
            n = lines.get(error.path, obj.line)
            message = f"{error.path}: expected {error.expected}, got {safe_repr(error.value)}"
            self.problems.append(_problem(n, message, value=error.value, expected=error.expected))
            return None

    def key_result(
        self, n: int, text: str, box: str | None, cycle: Cycle | None
    ) -> KeyResult | None:
        from okrkit import text as statements

        text, note = _statement(text)
        if not text:
            self.unexpected(n, "a key result statement", note)
            return None
        kr: KeyResult
        if box is not None:
            kr = KeyResult(title=text, direction=Direction.MILESTONE)
        else:
            try:
                kr = statements.to_key_result(text)
            except (OKRError, ArithmeticError):  # the statement says no usable target
                kr = KeyResult(title=text)
        if note is None:
            if box in ("x", "X"):
                done = self.date(n, cycle)
                if done is None:
                    return kr
                return kr.check_in(kr.target, at=done)  # type: ignore[arg-type]
            return kr
        progress = _PROGRESS.fullmatch(note.strip())
        if progress is None:
            expected = (
                "a progress note such as '=> 4.6', '=> 66%' or '=> DONE'"
                " (optionally 'on 2026-08-01')"
            )
            self.unexpected(n, expected, note)
            return kr
        try:
            when = date.fromisoformat(progress["at"]) if progress["at"] else self.date(n, cycle)
        except ValueError:
            self.unexpected(n, "a real date", progress["at"])
            return kr
        if when is None:
            return kr
        at = when
        if progress["done"]:
            if kr.direction is None or kr.target is None or isinstance(kr.target, tuple):
                kr = KeyResult(title=kr.title, direction=Direction.MILESTONE)
            return kr.check_in(kr.target, at=at)  # type: ignore[arg-type]
        try:
            value: Any = _number(progress["number"])
            if progress["pct"] and kr.unit != "%":
                start, target = kr.start, kr.target
                if isinstance(start, int | float | Decimal) and isinstance(
                    target, int | float | Decimal
                ):
                    value = float(start) + float(value) / 100 * (float(target) - float(start))
            return kr.check_in(value, at=at)
        except (InvalidValueError, InvalidTypeError) as error:  # a number beyond float range
            message = f"progress {error}"
            self.problems.append(_problem(n, message, value=error.value, expected=error.expected))
        except (ValueError, OverflowError):  # more digits than Python converts
            number = progress["number"]
            message = f"expected a progress value a float can hold, got {number[:20]!r}..."
            self.problems.append(
                _problem(n, message, value=number, expected="a progress value a float can hold")
            )
        return kr

    def date(self, n: int, cycle: Cycle | None) -> date | None:
        """The date of an undated check-in on line *n*: the `As of:` date, else the cycle's end.

        Never today's date: reading the same file must give the same plan on any day.
        """
        if self.as_of is not None:
            return self.as_of
        if cycle is not None:
            return cycle.end
        message = (
            "expected a date for this progress: add 'on 2026-08-01' to it, or an"
            " 'As of: 2026-08-01' or 'Cycle: 2026-Q3' line above"
        )
        self.problems.append(_problem(n, message))
        return None


def loads(text: str, options: Options) -> Plan:
    """The plan in a Markdown document."""
    return _Reader(options).read(text)


def _note(kr: KeyResult) -> str:
    latest = kr.latest()
    if latest is None:
        return ""
    return f" => {written_number(latest.value)} on {_day(latest)}"


def _day(check_in: CheckIn) -> str:
    at = check_in.at
    return at.date().isoformat() if isinstance(at, datetime) else at.isoformat()


def _own_fiscal(cycle: Cycle, fiscal: tuple[int, FiscalYearNaming]) -> list[str]:
    """The lines an objective needs to read its fiscal *cycle* unlike the document's *fiscal*.

    An objective nested under another has its cycle, so the lines it inherits agree.
    """
    if not cycle.kind.startswith("fiscal_"):
        return []
    lines = []
    if cycle.fiscal_year_start != fiscal[0]:
        lines.append(f"Fiscal year start: {cycle.fiscal_year_start}")
    if cycle.fiscal_year_named_by != fiscal[1]:
        lines.append(f"Fiscal year named by: {cycle.fiscal_year_named_by}")
    return lines


def _structural(line: str) -> bool:
    """Whether the reader would take *line* for structure: an objective, item or detail."""
    body = line.strip()
    return bool(
        _HEADING.fullmatch(body)
        or _ITEM.fullmatch(body)
        or _OBJECTIVE.fullmatch(body)
        or _META.fullmatch(body)
        or body.startswith("\\")
    )


def _text_lines(text: str) -> list[str]:
    """*text*'s lines as description lines: one that reads as structure gets a backslash.

    A description of ``## Diagnostics`` or ``Owner: x`` written as it is would come back as
    another objective or a field; the reader takes a line opening with a backslash as text
    and drops that one backslash (for ``#``, ``-``, ``*`` and ``+`` it is also CommonMark's).
    """
    return [f"\\{line.strip()}" if _structural(line) else line for line in text.splitlines()]


def _one_line(text: str) -> bool:
    return len(f"{text}.".splitlines()) == 1  # the reader splits where str.splitlines does


def _written(
    path: str,
    text: str,
    write: Callable[[str], str],
    read: Callable[[str], object],
    expected: object,
) -> str:
    """The line *write* makes of *text*, as written or escaped, that *read* gives back as
    *expected*; a `FormatError` at *path* if no line can (a break, spaces at an end).
    """
    for form in (text, _escape(text)):
        line = write(form)
        if _one_line(line) and read(line) == expected:
            return line
    if not _one_line(text):
        what = "text on one line"
    elif text != text.strip():
        what = "text without spaces at its ends, which Markdown drops"
    else:  # a key result ending in DONE, which no escape keeps from reading as done
        what = "text that Markdown reads back as written"
    raise FormatError([Problem.unexpected(path, text, what)])


def _meta_value(line: str) -> str | None:
    """The value a detail line (``Owner: growth``) gives; None if it is not one."""
    meta = _META.fullmatch(line.strip())
    return meta["value"].strip() if meta else None


def _detail(path: str, key: str, value: str) -> str:
    """The line ``Key: value``, if it reads back as that value; else a `FormatError`."""
    return _written(path, value, f"{key}: ".__add__, _meta_value, value)


def _key_result_line(path: str, kr: KeyResult) -> str:
    """A key result's list item: its box if a milestone, its statement and its latest check-in."""
    note = _note(kr)
    box = ""
    if kr.direction is Direction.MILESTONE:
        done = kr.current is not None and kr.current >= kr.target  # type: ignore[operator]
        box = "[x] " if done else "[ ] "

    def read(line: str) -> tuple[str | None, str, str | None] | None:
        item = _item(line)
        if item is None or _objective_line(item[2]) is not None:
            return None
        return (item[1], *_statement(item[2]))

    expected = (box[1:2] or None, kr.title, note.partition(" => ")[2] or None)
    return _written(path, kr.title, lambda title: f"- {box}{title}{note}", read, expected)


def dumps(plan: Plan) -> str:
    """*plan* as Markdown: a heading per objective, its details, its key results as a list.

    A plan without objectives is refused with a `FormatError`: Markdown would hold nothing,
    and the reader refuses a document without objectives.
    """
    if not plan.objectives:
        expected = "an objective, since Markdown keeps nothing else"
        message = f"expected {expected}, got none"
        raise FormatError(
            [Problem(message=message, path="objectives", value=(), expected=expected)]
        )
    out: list[str] = []
    fiscal = fiscal_defaults(plan)
    if fiscal[0] != 1:
        out.append(f"Fiscal year start: {fiscal[0]}")
    if fiscal[1] != "end":
        out.append(f"Fiscal year named by: {fiscal[1]}")
    if out:
        out.append("")
    # The objectives on the current heading path, by depth.  An objective is nested under the
    # one it is aligned to when that one is on the path and has the same cycle, since a nested
    # objective without a cycle of its own takes its parent's when read.
    path: list[Objective] = []
    claimed: set[str] = set()
    derived: set[str] = set()
    for n, obj in enumerate(plan.objectives):
        where = f"objectives[{n}]"
        depth = 0
        for i, parent in enumerate(path[:4]):
            if parent.id == obj.aligned_to and parent.cycle == obj.cycle:
                depth = i + 1
        del path[depth:]
        path.append(obj)
        if obj.id in derived:
            expected = (
                "an id that no key result above takes: Markdown keeps a key result's"
                " statement, and its id is made from it again"
            )
            raise FormatError([Problem.unexpected(f"{where}.id", obj.id, expected)])
        claimed.add(obj.id)
        for kr in obj.key_results:  # the ids the reader will make of their statements
            id = slugify(kr.title)
            if id in claimed:
                id = next(f"{id}-{k}" for k in itertools.count(2) if f"{id}-{k}" not in claimed)
            claimed.add(id)
            derived.add(id)
        details = []
        if obj.id != slugify(obj.title):
            details.append(_detail(f"{where}.id", "Id", obj.id))
        if obj.owner is not None:
            details.append(_detail(f"{where}.owner", "Owner", obj.owner))
        if obj.cycle is not None:
            details.append(f"Cycle: {obj.cycle}")
            details += _own_fiscal(obj.cycle, fiscal)
        if obj.commitment.value != "aspirational":
            details.append(f"Commitment: {obj.commitment.value}")
        if obj.level is not None:
            details.append(_detail(f"{where}.level", "Level", str(obj.level)))
        if obj.aligned_to is not None and depth == 0:
            details.append(_detail(f"{where}.aligned_to", "Aligned to", obj.aligned_to))
        if not (type(obj.weight) is int and obj.weight == 1):
            details.append(f"Weight: {written_number(obj.weight)}")
        # An objective with nothing but a cycle says so, not to be taken for a section title.
        prefix = bool(
            not obj.key_results and all(d.startswith(("Cycle:", "Fiscal")) for d in details)
        )
        start = f"{'#' * (depth + 2)} {'Objective: ' if prefix else ''}"
        out.append(
            _written(
                f"{where}.title",
                obj.title,
                start.__add__,
                _heading,
                (depth + 2, obj.title, prefix),
            )
        )
        out.append("")
        if details:
            out += details
            out.append("")
        if obj.description:
            out += [*_text_lines(obj.description), ""]
        out += [
            _key_result_line(f"{where}.key_results[{j}].title", kr)
            for j, kr in enumerate(obj.key_results)
        ]
        if obj.key_results:
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
