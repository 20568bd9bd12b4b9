"""CSV: a table of key results for spreadsheets, and the files beside it that keep the rest.

The table has one row per key result with its objective's columns and its latest check-in.
Reading groups the rows back into objectives (by ``objective.id``, else by title), in the
order they first appear; every row of an objective gives the same ``objective.*`` cells, as
the writer repeats them, and a row that does not is an error naming its row and column.  An
objective without key results is a row whose ``kr.*`` cells are empty.  Four more files hold
what a table of key results cannot (`SIBLINGS`): every check-in of every key result
(``kr_id,at,value,confidence,note,author``, `dumps_check_ins`); the KPIs, one row per check-in
with the KPI's columns repeated (`dumps_kpis`); past scores, one row each (`dumps_history`);
and initiatives, one row each, the ids of the key results each should move one a line in
their cell (`dumps_initiatives`).  With them, CSV loses nothing.

Numbers keep their type: an int is written as its digits (``50``), a float as Python's
``repr`` (``4.0``, ``0.1``, ``1e+16``: a point or an exponent), both of which spreadsheets
read as numbers; a Decimal is written after a ``'`` (``'950000.00``), the mark spreadsheets
use for "text, exactly as typed", and read back as that Decimal.  Reading, a cell of digits
is an int, a number with a point or an exponent (``4.6``) a float, and one after a ``'`` a
Decimal.  A band is two numbers joined by ``..`` (``180..220``).

An empty cell is no value; an empty text (an empty note) is written as a lone ``'``.  A text
cell that a spreadsheet would take for a formula (one beginning with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) is written with a ``'`` before it, as OWASP recommends, and
so is one that begins with ``'``; reading takes exactly one leading ``'`` off a text cell, so
the text comes back as it was.  The numeric columns (``start``, ``target``, ``weight``,
``value``, ``confidence``, ``threshold``, ``score``) are left as they are, so that
spreadsheets read ``-5`` as a number.

`locate` finds where each objective, key result and field of a table is: its line and
column, for messages about a plan read from a table.
"""

from __future__ import annotations

import csv
import io
import math
import re
import threading
from collections.abc import Iterable
from typing import NamedTuple

import attrs

from okrkit._validators import slugify
from okrkit.cycles import Cycle
from okrkit.errors import FormatError, Problem, safe_repr
from okrkit.formats._document import Options
from okrkit.formats._reading import MISSING, NUMBER, Reader
from okrkit.formats._writing import unstructure, written_number
from okrkit.model import Initiative, KeyResult, Kpi, Objective, PastScore, Plan

__all__ = [
    "BESIDE",
    "COLUMNS",
    "HISTORY_COLUMNS",
    "INITIATIVE_COLUMNS",
    "KPI_COLUMNS",
    "OPTIONAL_COLUMNS",
    "PAST_SCORE_COLUMNS",
    "SIBLINGS",
    "Sibling",
    "dumps",
    "dumps_check_ins",
    "dumps_history",
    "dumps_initiatives",
    "dumps_kpis",
    "loads",
    "locate",
    "says_okrs",
    "siblings",
    "wrote",
]

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
_KPI = ("id", "title", "direction", "threshold", "unit", "owner", "ignore")
_PAST = (
    "owner",
    "cycle",
    "cycle.fiscal_year_start",
    "cycle.fiscal_year_named_by",
    "score",
    "commitment",
    "objective",
)

COLUMNS = (
    *(f"objective.{c}" for c in _OBJECTIVE),
    *(f"kr.{c}" for c in _KR),
    *(f"check_in.{c}" for c in _CHECK_IN),
)
"""The columns of the key results table, in order."""

OPTIONAL_COLUMNS = ("kr.carried_from",)
"""The columns a table has after `COLUMNS` only when a key result needs them: a table of a
plan that uses none is written as before they were."""

HISTORY_COLUMNS = ("kr_id", "at", "value", "confidence", "note", "author")
"""The columns of the check-in file (every key result's check-ins), in order."""

KPI_COLUMNS = (*(f"kpi.{c}" for c in _KPI), *(f"check_in.{c}" for c in _CHECK_IN))
"""The columns of the KPI file, one row per check-in (or per KPI without any), in order."""

PAST_SCORE_COLUMNS = _PAST
"""The columns of the past scores file, in order."""

INITIATIVE_COLUMNS = ("id", "title", "owner", "status", "due", "key_results", "notes", "ignore")
"""The columns of the initiatives file, in order."""


class Sibling(NamedTuple):
    """A file beside a table: its name's suffix, how its problems' paths begin, its columns."""

    suffix: str
    label: str
    columns: tuple[str, ...]


BESIDE = {
    "check_ins": Sibling(".check-ins.csv", "check-ins", HISTORY_COLUMNS),
    "kpis": Sibling(".kpis.csv", "kpis", KPI_COLUMNS),
    "history": Sibling(".history.csv", "history", PAST_SCORE_COLUMNS),
    "initiatives": Sibling(".initiatives.csv", "initiatives", INITIATIVE_COLUMNS),
}
"""The files beside a table ``okrs.csv`` (``okrs.check-ins.csv``, ``okrs.kpis.csv``,
``okrs.history.csv`` and ``okrs.initiatives.csv``), by the name of the
`okrkit.formats.loads` argument each is."""

SIBLINGS = {name: sibling.suffix for name, sibling in BESIDE.items()}

# The columns only a table of key results has (a KPI file shares its check-in columns).
_TABLE_ONLY = frozenset(c for c in COLUMNS if c.startswith(("objective.", "kr.")))
# What of a file's start its header row is looked for in (and what is read of a file to tell
# whether okrkit wrote it): the csv module refuses longer fields.
HEAD_SIZE = 64 * 1024
_LINE_END = re.compile(r"\r\n?|\n")
"""The suffix of each file beside a table, by `BESIDE` name."""


def _header(head: str) -> list[str]:
    """The cells of the first line of *head*: one line, with no line end in it, of at most
    64 KiB, below the csv module's field limit, so that the module raises nothing on it."""
    line = _LINE_END.split(head[:HEAD_SIZE], maxsplit=1)[0].removeprefix("\ufeff")
    return next(csv.reader([line]), [])


def says_okrs(head: str) -> bool:
    """Whether the CSV text *head* says it is a table of key results: a header cell is one of
    the table's own `COLUMNS` (``objective.title``, ``kr.target``...), not one a file beside
    it shares (``check_in.value``)."""
    return any(cell in _TABLE_ONLY for cell in _header(head))


# A header cell of another tool's table of OKRs: "Objective", "Key Result", "KR 1", "OKR".
_OKR_CELL = re.compile(r"\W*(?:objectives?|key[\W_]*results?|krs?|okrs?)(?:\W*\d{1,3})?\W*", re.I)


# What separates a spreadsheet's cells when it is not a comma.
_OTHER_SEPARATOR = re.compile(r"[;\t]")


def names_okrs(head: str) -> bool:
    """Whether the CSV text *head* names objectives or key results in its header row with
    columns of its own ("Objective", "Key Result", "KR1"): a sheet of OKRs okrkit would read
    only with its columns renamed (or its cells split by commas, not by a spreadsheet's
    semicolons or tabs)."""
    return any(
        _OKR_CELL.fullmatch(part) for cell in _header(head) for part in _OTHER_SEPARATOR.split(cell)
    )


def wrote(name: str, head: str) -> bool:
    """Whether *head*, the start of a file at the place of the `BESIDE` file *name*, is one
    okrkit writes there: its header row holds that file's columns in order."""
    return tuple(_header(head)) == BESIDE[name].columns


_INT = re.compile(r"[+-]?\d{1,4000}")
# A float as Python writes one (repr) and as people type one: a point, an exponent, or both.
_FLOAT = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_BANDS = frozenset({"target", "threshold"})
_NUMBERS = frozenset(
    {"weight", "start", "value", "confidence", "score", "cycle.fiscal_year_start", *_BANDS}
)
# The columns whose cells are okrkit's numbers (or a band of them): never neutralised.
_NUMERIC = frozenset(
    f"{prefix}{name}"
    for prefix in ("", "objective.", "kr.", "check_in.", "kpi.")
    for name in _NUMBERS
)
# What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"), and the quote
# that neutralises it, which must then be doubled to read back.
_FORMULA = ("=", "+", "-", "@", "\t", "\r", "'")


def siblings(path: str) -> dict[str, str]:
    """The paths of the files beside the table at *path*, by `SIBLINGS` name.

    ``okrs.csv`` has ``okrs.check-ins.csv`` beside it; a table not named ``.csv`` keeps its
    whole name (``okrs.txt.check-ins.csv``).
    """
    base = path[: -len(".csv")] if path.lower().endswith(".csv") else path
    return {name: base + suffix for name, suffix in SIBLINGS.items()}


def _neutral(column: str, cell: str | None) -> str:
    """A cell that no spreadsheet runs as a formula: ``'`` before a risky first character.

    None is an empty cell; an empty text is a lone ``'``, so that it reads back as text.
    """
    if cell is None:
        return ""
    if column not in _NUMERIC and (not cell or cell.startswith(_FORMULA)):
        return "'" + cell
    return cell


def _text(column: str, cell: str) -> str:
    """A cell as written before `_neutral`: one leading ``'`` off a text cell."""
    return cell if column in _NUMERIC else cell.removeprefix("'")


def _number(x: object) -> str:
    """A number as a cell: a Decimal (a document's string of digits) after a ``'``."""
    return "'" + x if isinstance(x, str) else repr(x)


def _cell(value: object, name: str = "") -> str | None:
    if value is None:
        return None
    if name in _NUMBERS:
        if isinstance(value, list):  # a band
            return "..".join(_number(x) for x in value)
        return _number(value)
    if isinstance(value, list):  # rule codes
        return " ".join(str(x) for x in value)
    return str(value)


def _write(rows: Iterable[list[str | None]], header: tuple[str, ...]) -> str:
    """CSV text of *header* and the rows under it, text cells neutralised."""
    out = io.StringIO()
    # RFC 4180 line ends: the writer then also quotes a cell holding a lone "\r".
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(
        [_neutral(column, cell) for column, cell in zip(header, row, strict=True)] for row in rows
    )
    return out.getvalue()


def _cycle_cells(cycle: Cycle | None) -> dict[str, str | None]:
    """A cycle's label and, for a fiscal cycle, its two settings."""
    cells: dict[str, str | None] = {"cycle": None if cycle is None else str(cycle)}
    if cycle is not None and cycle.kind.startswith("fiscal_"):
        cells["cycle.fiscal_year_start"] = str(cycle.fiscal_year_start)
        cells["cycle.fiscal_year_named_by"] = cycle.fiscal_year_named_by
    return cells


def dumps(plan: Plan) -> str:
    """The key results table of *plan*, as CSV text."""
    doc = unstructure(plan)
    rows: list[list[str | None]] = []
    for obj, data in zip(plan.objectives, doc.get("objectives", ()), strict=True):
        cells = {
            **{k: _cell(data.get(k), k) for k in _OBJECTIVE},
            "id": obj.id,
            **_cycle_cells(obj.cycle),
        }
        objective = [cells[k] for k in _OBJECTIVE]
        if not obj.key_results:
            rows.append(objective + [None] * (len(_KR) + len(_CHECK_IN) + len(OPTIONAL_COLUMNS)))
        for kr, kr_data in zip(obj.key_results, data.get("key_results", ()), strict=True):
            kr_cells = {**{k: _cell(kr_data.get(k), k) for k in _KR}, "id": kr.id}
            latest = kr_data["check_ins"][-1] if kr.check_ins else {}
            rows.append(
                objective
                + [kr_cells[k] for k in _KR]
                + [_cell(latest.get(k), k) for k in _CHECK_IN]
                + [kr.carried_from]
            )
    if any(kr.carried_from is not None for _, kr in plan.key_results()):
        return _write(rows, (*COLUMNS, *OPTIONAL_COLUMNS))
    return _write((row[: len(COLUMNS)] for row in rows), COLUMNS)


def dumps_check_ins(plan: Plan) -> str:
    """Every key result's check-ins as CSV rows of `HISTORY_COLUMNS`."""
    rows = (
        [
            kr.id,
            c.at.isoformat(),
            _cell(written_number(c.value), "value"),
            _cell(written_number(c.confidence), "confidence"),
            c.note,
            c.author,
        ]
        for _, kr in plan.key_results()
        for c in kr.check_ins
    )
    return _write(rows, HISTORY_COLUMNS)


def dumps_kpis(plan: Plan) -> str:
    """Every KPI as CSV rows of `KPI_COLUMNS`: one per check-in, or one for a KPI without."""
    rows: list[list[str | None]] = []
    for kpi, data in zip(plan.kpis, unstructure(plan).get("kpis", ()), strict=True):
        cells = {**{k: _cell(data.get(k), k) for k in _KPI}, "id": kpi.id}
        own = [cells[k] for k in _KPI]
        rows.extend(
            own + [_cell(c.get(k), k) for k in _CHECK_IN] for c in data.get("check_ins") or [{}]
        )
    return _write(rows, KPI_COLUMNS)


def dumps_history(plan: Plan) -> str:
    """Every past score as a CSV row of `PAST_SCORE_COLUMNS`."""
    rows: list[list[str | None]] = []
    for past in plan.history:
        cells = {
            **_cycle_cells(past.cycle),
            "owner": past.owner,
            "score": _cell(written_number(past.score), "score"),
            "commitment": past.commitment.value,
            "objective": past.objective,
        }
        rows.append([cells.get(k) for k in _PAST])
    return _write(rows, PAST_SCORE_COLUMNS)


def dumps_initiatives(plan: Plan) -> str:
    """Every initiative as a CSV row of `INITIATIVE_COLUMNS`, its key result ids one a line."""
    rows: list[list[str | None]] = []
    for initiative, data in zip(
        plan.initiatives, unstructure(plan).get("initiatives", ()), strict=True
    ):
        cells = {k: _cell(data.get(k), k) for k in INITIATIVE_COLUMNS}
        cells["id"] = initiative.id
        if initiative.key_results:
            # An id holds no line break (nor any control character): one a line is lossless.
            cells["key_results"] = "\n".join(initiative.key_results)
        rows.append([cells[k] for k in INITIATIVE_COLUMNS])
    return _write(rows, INITIATIVE_COLUMNS)


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


def _records(text: str, what: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header of a CSV text and its rows, each with the line it begins on."""
    # No cell is longer than the text holding it.
    _allow_cells_of(len(text))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[tuple[int, list[str]]] = []
    try:
        line = reader.line_num + 1
        for row in reader:
            records.append((line, row))
            line = reader.line_num + 1
    except csv.Error as error:
        raise FormatError([Problem(path=what, message=f"invalid CSV: {error}")]) from None
    if not records:
        empty = Problem(path=what, message="expected a header row, got an empty file")
        raise FormatError([empty])
    return records[0][1], records[1:]


def _cells(header: list[str], row: list[str], known: frozenset[str]) -> dict[str, str]:
    """A row's non-empty cells of the *known* columns, as written before `_neutral`."""
    return {k: _text(k, v) for k, v in zip(header, row, strict=False) if k in known and v}


# A sheet's own headers, as teams name them, and the column each most likely means.
_SHEET_HEADERS = {
    "objective": "objective.title",
    "objectives": "objective.title",
    "goal": "objective.title",
    "key result": "kr.title",
    "key results": "kr.title",
    "kr": "kr.title",
    "statement": "kr.title",
    "baseline": "kr.start",
    "start": "kr.start",
    "current": "kr.start",
    "target": "kr.target",
    "goal value": "kr.target",
    "owner": "kr.owner",
    "unit": "kr.unit",
    "direction": "kr.direction",
    "weight": "kr.weight",
    "due": "kr.due",
    "cycle": "objective.cycle",
    "quarter": "objective.cycle",
}


def _like(name: str, columns: tuple[str, ...]) -> str | None:
    """The column an unknown header most likely means: a sheet's usual name for it
    ("Key Result": ``kr.title``), or the column it is a near spelling of; None if none."""
    import difflib

    plain = " ".join(name.lower().replace("_", " ").split())[:100]
    guess = _SHEET_HEADERS.get(plain)
    if guess in columns:
        return guess
    close = difflib.get_close_matches(plain, columns, n=1, cutoff=0.8)
    return close[0] if close else None


def _rows(text: str, what: str, columns: tuple[str, ...], options: Options) -> list[dict[str, str]]:
    """The rows of a CSV text as dicts of its non-empty cells; the header checked."""
    header, records = _records(text, what)
    problems = []
    known = frozenset(columns)
    for i, name in enumerate(header):
        if name not in known and options.unknown == "error":
            message = f"unknown column {safe_repr(name)}"
            like = _like(name, columns)
            parts = _OTHER_SEPARATOR.split(name)
            if (
                len(header) == 1
                and len(parts) > 1
                and any(part.strip().lower() in known for part in parts)
            ):
                # A European spreadsheet's export: "objective.title;kr.title" is one cell
                sign = "tabs" if "\t" in name else "semicolons"
                message += (
                    f": its cells are separated by {sign}, and okrkit reads CSV separated by"
                    " commas (export the sheet as comma-separated CSV)"
                )
            elif like is not None:
                message += f" ({like}?)"
            problems.append(Problem(path=f"{what} header[{i}]", message=message, value=name))
    if problems:
        # Once, after them: the columns a table may have (a sheet's own headers are the
        # commonest cause: "Objective", "Key Result").
        message = f"expected only okrkit's columns ({', '.join(columns)})"
        problems.append(Problem(path=f"{what} header", message=message))
    if len(set(header)) != len(header):
        problems.append(Problem.unexpected(f"{what} header", header, "each column once"))
    if problems:
        raise FormatError(problems)
    rows = []
    for n, (_, row) in enumerate(records, start=2):
        if len(row) != len(header):
            expected = f"{len(header)} cells as in the header"
            problems.append(Problem.unexpected(f"{what} row {n}", len(row), expected))
        rows.append(_cells(header, row, known))
    if problems:
        raise FormatError(problems)
    return rows


def _typed(name: str, value: str) -> object:
    """A cell as the reader takes it: numbers by their kind, bands and codes as lists.

    A number the reader cannot take (``inf``, ``twelve``) stays text, for it to report.
    """
    if name == "ignore":
        return value.split()
    if name == "key_results":
        return [id.strip() for id in _LINE_END.split(value) if id.strip()]
    if name not in _NUMBERS:
        return value
    if name in _BANDS and ".." in value:
        return [_typed("start", part.strip()) for part in value.split("..", 1)]
    if value.startswith("'"):
        return value[1:]  # a Decimal's digits, which the reader reads exactly
    if _INT.fullmatch(value):
        return int(value)
    if len(value) <= 1000 and _FLOAT.fullmatch(value):
        number = float(value)
        if math.isfinite(number):
            return number
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


def _key(row: dict[str, str], prefix: str, n: int) -> str:
    """What groups a row with the others of its objective (or KPI): its id, else its title."""
    title = row.get(prefix + "title")
    return row.get(prefix + "id") or (slugify(title) if title else f"row {n}")


def _groups(rows: list[dict[str, str]], prefix: str) -> dict[str, list[int]]:
    """The indexes of the rows of each objective (or KPI), in the order they first appear."""
    groups: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        groups.setdefault(_key(row, prefix, i + 2), []).append(i)
    return groups


def _disagreements(
    rows: list[dict[str, str]], indexes: list[int], prefix: str, what: str
) -> list[Problem]:
    """Where a later row of one group gives other *prefix* cells than its first row did."""

    def shown(value: str | None) -> str:
        return "an empty cell" if value is None else safe_repr(value)

    first = rows[indexes[0]]
    m = indexes[0] + 2  # rows[0] is row 2, the header row 1
    key = _key(first, prefix, m)
    problems = []
    for i in indexes[1:]:
        row = rows[i]
        for column in sorted(first.keys() | row.keys(), key=_order):
            seen, given = row.get(column), first.get(column)
            if column.startswith(prefix) and given != seen:
                expected = f"{shown(given)} as in row {m} for {what} {key!r}"
                message = f"expected {expected}, got {shown(seen)}"
                problems.append(
                    Problem(
                        path=f"{'' if what == 'objective' else 'kpis '}row {i + 2}.{column}",
                        message=message,
                        value=seen,
                        expected=expected,
                    )
                )
    return problems


_ORDER = {c: i for i, c in enumerate((*COLUMNS, *KPI_COLUMNS))}


def _order(column: str) -> int:
    return _ORDER.get(column, len(_ORDER))


def _history(text: str, options: Options, problems: list[Problem]) -> dict[str, list[object]]:
    """The check-ins of the check-in file, by key result id."""
    check_ins: dict[str, list[object]] = {}
    for n, row in enumerate(
        _rows(text, BESIDE["check_ins"].label, HISTORY_COLUMNS, options), start=2
    ):
        record: dict[str, object] = {k: _typed(k, v) for k, v in row.items()}
        kr_id = record.pop("kr_id", None)
        if not isinstance(kr_id, str):
            problems.append(Problem(path=f"check-ins row {n}.kr_id", message=MISSING))
            continue
        check_ins.setdefault(kr_id, []).append(record)
    return check_ins


def _kpis(text: str, reader: Reader) -> list[Kpi | None]:
    """The KPIs of the KPI file, each read from its rows (one per check-in)."""
    rows = _rows(text, BESIDE["kpis"].label, KPI_COLUMNS, reader.options)
    kpis: list[Kpi | None] = []
    for indexes in _groups(rows, "kpi.").values():
        reader.problems.extend(_disagreements(rows, indexes, "kpi.", "KPI"))
        data = _part(rows[indexes[0]], "kpi.")
        check_ins = [c for c in (_part(rows[i], "check_in.") for i in indexes) if c]
        if check_ins:
            data["check_ins"] = check_ins
        kpis.append(reader.read(Kpi, data, f"kpis row {indexes[0] + 2}.kpi", 3))
    return kpis


def _past_scores(text: str, reader: Reader) -> list[PastScore | None]:
    """The past scores of the history file, one a row."""
    past = []
    for n, row in enumerate(
        _rows(text, BESIDE["history"].label, PAST_SCORE_COLUMNS, reader.options), start=2
    ):
        data = _part(row, "")
        _cycle(data)
        past.append(reader.read(PastScore, data, f"history row {n}", 3))
    return past


def _initiatives(text: str, reader: Reader) -> list[Initiative | None]:
    """The initiatives of the initiatives file, one a row."""
    return [
        reader.read(Initiative, _part(row, ""), f"initiatives row {n}", 3)
        for n, row in enumerate(
            _rows(text, BESIDE["initiatives"].label, INITIATIVE_COLUMNS, reader.options), start=2
        )
    ]


def loads(
    text: str,
    options: Options,
    *,
    check_ins: str | None = None,
    kpis: str | None = None,
    history: str | None = None,
    initiatives: str | None = None,
) -> Plan:
    """The plan in a key results table and the files beside it that are given."""
    rows = _rows(text, "table", (*COLUMNS, *OPTIONAL_COLUMNS), options)
    # Whether the table has a place for each key result's latest check-in (okrkit writes
    # one); a table written by hand may leave the check-ins to their file.
    shows_check_ins = _SHOWS_CHECK_INS.search(text.partition("\n")[0]) is not None
    problems: list[Problem] = []
    records = None if check_ins is None else _history(check_ins, options, problems)
    reader = Reader(options, (1, "end"))
    reader.problems.extend(problems)
    objectives: list[Objective | None] = []
    used: set[str] = set()
    own: set[int] = set()  # the rows whose check-in is their own cells
    for indexes in _groups(rows, "objective.").values():
        reader.problems.extend(_disagreements(rows, indexes, "objective.", "objective"))
        n = indexes[0] + 2
        obj = _part(rows[indexes[0]], "objective.")
        _cycle(obj)
        read = reader.read(Objective, obj, f"row {n}.objective", 3)
        key_results: list[KeyResult | None] = []
        for i in indexes:
            kr = _part(rows[i], "kr.")
            latest = _part(rows[i], "check_in.")
            if records is None and latest:
                kr["check_ins"] = [latest]
                own.add(i + 2)
            if not kr:
                continue
            if records is not None:
                title = kr.get("title")
                kr_id = kr.get("id") or (slugify(title) if isinstance(title, str) else None)
                if isinstance(kr_id, str) and kr_id in records:
                    kr["check_ins"] = records[kr_id]
                    used.add(kr_id)
                    if (latest or shows_check_ins) and latest not in records[kr_id]:
                        reader.problems.append(_not_in_history(i + 2, latest, len(records[kr_id])))
                elif latest:  # no history of its own: the row's check-in is all it has
                    kr["check_ins"] = [latest]
                    own.add(i + 2)
            key_results.append(reader.key_result(kr, f"row {i + 2}.kr", 3))
        if read is not None and None not in key_results:
            objectives.append(attrs.evolve(read, key_results=key_results))
    for kr_id in (records or {}).keys() - used:
        expected = "the id of a key result in the table"
        message = f"expected {expected}, got {kr_id!r}"
        reader.problems.append(
            Problem(path="check-ins kr_id", message=message, value=kr_id, expected=expected)
        )
    read_kpis = [] if kpis is None else _kpis(kpis, reader)
    past = [] if history is None else _past_scores(history, reader)
    work = [] if initiatives is None else _initiatives(initiatives, reader)
    if reader.problems:
        raise FormatError(_in_cells(reader.problems, text, own))
    return Plan(objectives=objectives, kpis=read_kpis, history=past, initiatives=work)


# Where the reader was in a table's row: ``row 3.kr.target``, ``row 2.kr.check_ins[0].at``.
_READER_PATH = re.compile(
    r"row (?P<n>[0-9]{1,9})\.(?P<part>objective|kr)(?P<check_in>\.check_ins\[0\])?"
    r"(?:\.(?P<field>[a-z_][a-z_.]*))?"
)


def _in_cells(problems: list[Problem], text: str, own: set[int]) -> list[Problem]:
    """*problems* of the table *text*, each at its row's line and its cell's column, and named
    by the column a person sees ("row 3, column 'kr.target'") rather than by where the
    reader was (``row 3.kr.target``); a check-in is in the table's columns only in the rows
    *own* names (else it came from the check-in file, and keeps its path)."""
    header, records = _records(text, "table")
    column = {name: i + 1 for i, name in enumerate(header)}
    located = []
    for problem in problems:
        m = _READER_PATH.fullmatch(problem.path)
        n = int(m["n"]) if m else 0
        if m is None or not 2 <= n < len(records) + 2 or (m["check_in"] and n not in own):
            located.append(problem)
            continue
        field = m["field"]
        name = None if field in (None, "check_ins") else f"{m['part']}.{field}"
        if m["check_in"]:
            name = "check_in." + field if field else None
        path = f"row {n}" if name is None else f"row {n}, column {name!r}"
        said = problem
        if problem.expected == NUMBER:
            # A sheet's formatted value ("$10.0M", "68%"): say what a cell holds instead.
            said = Problem.unexpected(path, problem.value, _CELL_NUMBER)
        elif problem.message == MISSING and name is not None:
            said = attrs.evolve(problem, message=MISSING + _missing_why(name, column))
        line = records[n - 2][0]
        located.append(attrs.evolve(said, path=path, line=line, column=column.get(name or "")))
    # In the order of the text, as a person mends them (the reader finds a row's check-in
    # before its other cells); those of no row of the table first, as they were.
    return sorted(located, key=lambda p: (p.line or 0, p.column or 0))


# What a number cell holds, for a cell that holds something else.
_CELL_NUMBER = (
    "a number (or a Decimal, written '12.50 after a quote), with no $, %, k or thousands"
    " separator: the unit has a column of its own"
)


def _missing_why(name: str, column: dict[str, int]) -> str:
    """Why a row lacks the required cell of column *name*, for a person to mend it."""
    if name not in column:
        return f": the table has no {name!r} column"
    if name == "objective.title":
        return ": each row gives its objective's cells (fill a merged cell down)"
    return ""


# A header cell of the table's check-in columns (``check_in.at``...), quoted or not.
_SHOWS_CHECK_INS = re.compile(r'(?:^|,)"?check_in\.')


def _not_in_history(n: int, cells: dict[str, object], held: int) -> Problem:
    """The problem of row *n*'s check-in *cells*, which the check-in file (holding *held*
    check-ins of its key result) does not hold.

    Read with the check-in file, a key result's check-ins are the file's, and the table shows
    the latest of them.  A check-in typed into the table (a new week's value) would be dropped
    without a word, and a table without the check-in the file holds is one the file was not
    written with (a file left from another plan), whose check-ins would be taken silently:
    both are refused.
    """
    if not cells:
        expected = (
            f"the latest of the {held} check-ins the check-in file holds for this key result:"
            " is the check-in file from another plan? (remove it, or fill these cells)"
        )
        return Problem.unexpected(f"row {n}.check_in", "no check-in", expected)
    expected = (
        "a check-in the check-in file holds too (the table shows the latest): add it to the"
        " check-in file, or clear these cells"
    )
    return Problem.unexpected(f"row {n}.check_in", cells, expected)


def locate(text: str) -> dict[str, tuple[int, int]]:
    """Where each objective, key result and field of a table is: its (line, column).

    For a table that loads: the line the row begins on (1-based; a cell over several lines
    counts them all) and the cell's column (1-based).  An objective is at its first row's
    ``objective.title``, a key result at its row's ``kr.title``, a check-in at its
    ``check_in.value``, a field at its own cell, under the paths of the plan that the table
    alone reads (``objectives[0].key_results[1].target``; the check-in in a row is
    ``check_ins[0]``).  Only the columns the table has are located.

    >>> where = locate('objective.title,kr.title,kr.target\\n"Grow\\nfast",NPS,50\\n')
    >>> where["objectives[0]"], where["objectives[0].key_results[0].target"]
    ((2, 1), (2, 3))
    """
    header, records = _records(text, "table")
    column = {name: i + 1 for i, name in enumerate(header)}
    known = frozenset(COLUMNS)
    rows = [_cells(header, row, known) for _, row in records]
    found: dict[str, tuple[int, int]] = {}

    def put(path: str, line: int, names: Iterable[str], prefix: str, head: str) -> None:
        if head in column:
            found[path] = (line, column[head])
        for name in names:
            full = prefix + name
            if full in column:
                found[f"{path}.{name}"] = (line, column[full])

    for i, indexes in enumerate(_groups(rows, "objective.").values()):
        path = f"objectives[{i}]"
        put(path, records[indexes[0]][0], _OBJECTIVE, "objective.", "objective.title")
        j = 0
        for k in indexes:
            line, row = records[k][0], rows[k]
            if not any(name.startswith("kr.") for name in row):
                continue
            kr_path = f"{path}.key_results[{j}]"
            put(kr_path, line, _KR, "kr.", "kr.title")
            if any(name.startswith("check_in.") for name in row):
                put(f"{kr_path}.check_ins[0]", line, _CHECK_IN, "check_in.", "check_in.value")
            j += 1
    return found
