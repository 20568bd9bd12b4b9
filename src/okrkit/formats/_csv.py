"""CSV: one row per key result with its objective's columns and its latest check-in.

Reading groups the rows back into objectives (by ``objective.id``, else by title), in the
order they first appear; every row of an objective gives the same ``objective.*`` cells, as
the writer repeats them, and a row that does not is an error naming its row and column.  An
objective without key results is a row whose ``kr.*`` cells are empty.  The whole history of
check-ins goes in a second file (`dumps_check_ins`): ``kr_id,at,value,confidence,note,author``.

A text cell that a spreadsheet would take for a formula (one beginning with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) is written with a ``'`` before it, as OWASP
recommends, and so is one that begins with ``'``; reading takes exactly one leading ``'`` off
a text cell, so the text comes back as it was.  The numbers okrkit writes in the numeric
columns (``start``, ``target``, ``weight``, ``value``, ``confidence``, such as ``-5``) are
left as they are, so that spreadsheets read them as numbers.

What CSV keeps: objectives and key results, every field; the latest check-in (or, with the
history file, every check-in).  What it does not: KPIs and past scores; an empty string
(an empty note) comes back as no value; and a number with a point or an exponent comes back
as a Decimal (exactly as written; integers stay ints), since a cell does not say whether it
was a float.
"""

from __future__ import annotations

import csv
import io
import re
import threading

import attrs

from okrkit._validators import slugify
from okrkit.errors import FormatError, Problem, safe_repr
from okrkit.formats._document import Options
from okrkit.formats._reading import Reader
from okrkit.formats._writing import unstructure, written_number
from okrkit.model import KeyResult, Objective, Plan

__all__ = ["COLUMNS", "HISTORY_COLUMNS", "dumps", "dumps_check_ins", "loads"]

_OBJECTIVE = (
    "id",
    "title",
    "description",
    "owner",
    "cycle",
    "cycle.fiscal_year_start",
    "cycle.fiscal_year_named_by",
    "commitment",
    "level",
    "aligned_to",
    "weight",
    "ignore",
)
_KR = (
    "id",
    "title",
    "direction",
    "start",
    "target",
    "unit",
    "weight",
    "owner",
    "due",
    "indicator",
    "ignore",
)
_CHECK_IN = ("at", "value", "confidence", "note", "author")

COLUMNS = (
    *(f"objective.{c}" for c in _OBJECTIVE),
    *(f"kr.{c}" for c in _KR),
    *(f"check_in.{c}" for c in _CHECK_IN),
)
"""The columns of the key results table, in order."""

HISTORY_COLUMNS = ("kr_id", "at", "value", "confidence", "note", "author")
"""The columns of the check-in history file, in order."""

_INT = re.compile(r"[+-]?\d{1,4000}")
_MISSING = "missing required field"
_NUMBERS = frozenset({"weight", "start", "value", "confidence", "cycle.fiscal_year_start"})
# The columns whose cells are okrkit's numbers (or a band of them): never neutralised.
_NUMERIC = frozenset(
    f"{prefix}{name}"
    for prefix in ("", "objective.", "kr.", "check_in.")
    for name in (*_NUMBERS, "target")
)
# What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"), and the quote
# that neutralises it, which must then be doubled to read back.
_FORMULA = ("=", "+", "-", "@", "\t", "\r", "'")


def _neutral(column: str, cell: str) -> str:
    """A text cell that no spreadsheet runs as a formula: ``'`` before a risky first character."""
    if column not in _NUMERIC and cell.startswith(_FORMULA):
        return "'" + cell
    return cell


def _text(column: str, cell: str) -> str:
    """A cell as written before `_neutral`: one leading ``'`` off a text cell."""
    return cell if column in _NUMERIC else cell.removeprefix("'")


def _cell(value: object, name: str = "") -> str:
    if value is None:
        return ""
    if isinstance(value, list):  # rule codes, or a band
        return (" " if name == "ignore" else "..").join(str(x) for x in value)
    return str(value)


def _write(rows: list[list[str]]) -> str:
    """CSV text of a header row and the rows under it, text cells neutralised."""
    out = io.StringIO()
    # RFC 4180 line ends: the writer then also quotes a cell holding a lone "\r".
    writer = csv.writer(out, lineterminator="\r\n")
    header = rows[0]
    writer.writerow(header)
    writer.writerows(
        [_neutral(column, cell) for column, cell in zip(header, row, strict=True)]
        for row in rows[1:]
    )
    return out.getvalue()


def dumps(plan: Plan) -> str:
    """The key results table of *plan*, as CSV text."""
    doc = unstructure(plan)
    rows = [list(COLUMNS)]
    for obj, data in zip(plan.objectives, doc.get("objectives", ()), strict=True):
        cycle = obj.cycle
        cells = {
            **{k: _cell(data.get(k), k) for k in _OBJECTIVE},
            "id": obj.id,
            "cycle": "" if cycle is None else str(cycle),
        }
        if cycle is not None and cycle.kind.startswith("fiscal_"):
            cells["cycle.fiscal_year_start"] = str(cycle.fiscal_year_start)
            cells["cycle.fiscal_year_named_by"] = cycle.fiscal_year_named_by
        objective = [cells[k] for k in _OBJECTIVE]
        if not obj.key_results:
            rows.append(objective + [""] * (len(_KR) + len(_CHECK_IN)))
        for kr, kr_data in zip(obj.key_results, data.get("key_results", ()), strict=True):
            kr_cells = {**{k: _cell(kr_data.get(k), k) for k in _KR}, "id": kr.id}
            latest = kr_data["check_ins"][-1] if kr.check_ins else {}
            rows.append(
                objective + [kr_cells[k] for k in _KR] + [_cell(latest.get(k)) for k in _CHECK_IN]
            )
    return _write(rows)


def dumps_check_ins(plan: Plan) -> str:
    """Every key result's check-ins as CSV rows of `HISTORY_COLUMNS`."""
    rows = [list(HISTORY_COLUMNS)]
    rows.extend(
        [
            kr.id,
            c.at.isoformat(),
            str(written_number(c.value)),
            _cell(written_number(c.confidence)),
            _cell(c.note),
            _cell(c.author),
        ]
        for _, kr in plan.key_results()
        for c in kr.check_ins
    )
    return _write(rows)


# Held while the process-wide field size limit is read and raised (see `_allow_cells_of`).
_LIMIT = threading.Lock()


def _allow_cells_of(size: int) -> None:
    """Let `csv.reader` read a cell of *size* characters, which okrkit may have written.

    The reader refuses a cell over `csv.field_size_limit` (128 KiB unless raised), which the
    writer does not check.  The limit is process-wide: it is only ever raised here (under a
    lock, so two threads cannot raise it past each other and lower it), never put back, as
    a higher limit fails no CSV another caller or thread reads, and a lower one might.  It
    stops at 2**31 - 1, the most a C long holds everywhere; a longer cell is a FormatError.
    """
    size = min(size, 2**31 - 1)
    with _LIMIT:
        if csv.field_size_limit() < size:
            csv.field_size_limit(size)


def _rows(text: str, what: str, columns: tuple[str, ...], options: Options) -> list[dict[str, str]]:
    """The rows of a CSV text as dicts of its non-empty cells; the header checked."""
    # No cell is longer than the text holding it.
    _allow_cells_of(len(text))
    try:
        table = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as error:
        raise FormatError([Problem(path=what, message=f"invalid CSV: {error}")]) from None
    if not table:
        empty = Problem(path=what, message="expected a header row, got an empty file")
        raise FormatError([empty])
    header = table[0]
    problems = []
    known = frozenset(columns)
    for i, name in enumerate(header):
        if name not in known and options.unknown == "error":
            message = f"unknown column {safe_repr(name)}"
            problems.append(Problem(path=f"{what} header[{i}]", message=message, value=name))
    if len(set(header)) != len(header):
        problems.append(Problem.unexpected(f"{what} header", header, "each column once"))
    if problems:
        raise FormatError(problems)
    rows = []
    for n, row in enumerate(table[1:], start=2):
        if len(row) != len(header):
            expected = f"{len(header)} cells as in the header"
            problems.append(Problem.unexpected(f"{what} row {n}", len(row), expected))
        cells = {k: _text(k, v) for k, v in zip(header, row, strict=False) if k in known}
        rows.append({k: v for k, v in cells.items() if v != ""})
    if problems:
        raise FormatError(problems)
    return rows


def _typed(name: str, value: str) -> object:
    """A cell as the reader takes it: ints as ints, bands and codes as lists."""
    if name in ("target",) and ".." in value:
        return [_typed("start", part.strip()) for part in value.split("..", 1)]
    if name == "ignore":
        return value.split()
    if name in _NUMBERS or name == "target":
        return int(value) if _INT.fullmatch(value) else value
    return value


def _part(row: dict[str, str], prefix: str) -> dict[str, object]:
    return {
        k[len(prefix) :]: _typed(k[len(prefix) :], v)
        for k, v in row.items()
        if k.startswith(prefix)
    }


def _cycle(data: dict[str, object]) -> None:
    """Fold the cycle's fiscal columns into the reader's object form of a cycle."""
    start = data.pop("cycle.fiscal_year_start", None)
    named = data.pop("cycle.fiscal_year_named_by", None)
    if start is None and named is None:
        return
    cycle: dict[str, object] = {"label": data.get("cycle", "")}
    if start is not None:
        cycle["fiscal_year_start"] = start
    if named is not None:
        cycle["fiscal_year_named_by"] = named
    data["cycle"] = cycle


def _disagreements(
    first: dict[str, str], row: dict[str, str], m: int, n: int, key: str
) -> list[Problem]:
    """Where row *n* gives objective *key* other cells than its first row, *m*, did."""

    def shown(value: str) -> str:
        return safe_repr(value) if value else "an empty cell"

    problems = []
    for column in COLUMNS:
        seen, given = row.get(column, ""), first.get(column, "")
        if column.startswith("objective.") and given != seen:
            expected = f"{shown(given)} as in row {m} for objective {key!r}"
            message = f"expected {expected}, got {shown(seen)}"
            problems.append(
                Problem(path=f"row {n}.{column}", message=message, value=seen, expected=expected)
            )
    return problems


def loads(text: str, history: str | None, options: Options) -> Plan:
    """The plan in a key results table (and its check-in history file, if given)."""
    rows = _rows(text, "table", COLUMNS, options)
    check_ins: dict[str, list[dict[str, object]]] = {}
    problems: list[Problem] = []
    if history is not None:
        for n, row in enumerate(_rows(history, "check-ins", HISTORY_COLUMNS, options), start=2):
            record: dict[str, object] = {k: _typed(k, v) for k, v in row.items()}
            kr_id = record.pop("kr_id", None)
            if not isinstance(kr_id, str):
                problems.append(Problem(path=f"check-ins row {n}.kr_id", message=_MISSING))
                continue
            check_ins.setdefault(kr_id, []).append(record)
    reader = Reader(options, (1, "end"))
    reader.problems.extend(problems)
    groups: dict[str, tuple[int, dict[str, object], list[tuple[int, dict[str, object]]]]] = {}
    for n, row in enumerate(rows, start=2):
        obj = _part(row, "objective.")
        _cycle(obj)
        title = obj.get("title")
        key = obj.get("id") or (slugify(title) if isinstance(title, str) else f"row {n}")
        assert isinstance(key, str)
        group = groups.setdefault(key, (n, obj, []))
        if group[0] != n:  # rows[0] is row 2, the header row 1
            reader.problems.extend(_disagreements(rows[group[0] - 2], row, group[0], n, key))
        kr = _part(row, "kr.")
        latest = _part(row, "check_in.")
        if history is None and latest:
            kr["check_ins"] = [latest]
        if kr:
            group[2].append((n, kr))
    objectives: list[Objective | None] = []
    used: set[str] = set()
    for n, obj, krs in groups.values():
        read = reader.read(Objective, obj, f"row {n}.objective", 3)
        key_results: list[KeyResult | None] = []
        for m, kr in krs:
            if history is not None:
                title = kr.get("title")
                kr_id = kr.get("id") or (slugify(title) if isinstance(title, str) else None)
                if isinstance(kr_id, str) and kr_id in check_ins:
                    kr["check_ins"] = check_ins[kr_id]
                    used.add(kr_id)
            key_results.append(reader.key_result(kr, f"row {m}.kr", 3))
        if read is not None and None not in key_results:
            objectives.append(attrs.evolve(read, key_results=key_results))
    for kr_id in check_ins.keys() - used:
        expected = "the id of a key result in the table"
        message = f"expected {expected}, got {kr_id!r}"
        reader.problems.append(
            Problem(path="check-ins kr_id", message=message, value=kr_id, expected=expected)
        )
    if reader.problems:
        raise FormatError(reader.problems)
    return Plan(objectives=objectives)
