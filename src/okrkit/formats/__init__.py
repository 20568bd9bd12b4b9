"""Reading and writing plans: JSON, YAML, TOML, CSV and Markdown, and the JSON Schema.

JSON, YAML and TOML hold the one document schema (``okrkit: 1`` at the root) and lose
nothing: ``loads(dumps(plan, f), f) == plan``.  CSV is a table of key results for
spreadsheets; Markdown is OKRs as people write them by hand.  Every loader checks the whole
document and raises one `okrkit.FormatError` listing every problem with its path.

>>> import okrkit
>>> from okrkit import formats
>>> plan = okrkit.Plan(objectives=[okrkit.Objective(title="Delight our customers",
...     key_results=[okrkit.KeyResult(title="Raise NPS", direction="increase",
...                                   start=32, target=50)])])
>>> print(formats.dumps(plan, "yaml"), end="")
okrkit: 1
objectives:
- title: Delight our customers
  key_results:
  - title: Raise NPS
    direction: increase
    start: 32
    target: 50
>>> formats.loads(formats.dumps(plan, "json"), "json") == plan
True
>>> formats.loads('{"okrkit": 1, "objectives": [{"title": "x", "weight": "heavy"}]}')
Traceback (most recent call last):
...
okrkit.errors.FormatError: $.objectives[0].weight: expected a number (or a decimal string \
such as '12.50'), got 'heavy'
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal, TypeAlias

import attrs

from okrkit._files import checked_path, file_error, read_bytes, write_files
from okrkit._gc import paused
from okrkit._sources import Location, Positions, Source, remember, source_of
from okrkit._validators import check_choice
from okrkit.errors import (
    FileError,
    FormatError,
    InvalidTypeError,
    InvalidValueError,
    MissingFileError,
    OKRError,
    Problem,
    UnknownIdError,
)
from okrkit.formats import _csv, _edit, _json, _locate, _markdown, _toml, _yaml
from okrkit.formats._document import DEFAULT_MAX_DEPTH, DEFAULT_MAX_SIZE, Dates, Options, Unknown
from okrkit.formats._loss import losses, shared_ids
from okrkit.formats._reading import EMPTY, structure
from okrkit.formats._schema import json_schema
from okrkit.formats._versions import CURRENT, SUPPORTED
from okrkit.formats._writing import unstructure
from okrkit.model import CheckIn, Direction, Plan

__all__ = [
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_MAX_SIZE",
    "FORMATS",
    "SCHEMA_VERSION",
    "SUFFIXES",
    "SUPPORTED_VERSIONS",
    "Dates",
    "FormatName",
    "Location",
    "Source",
    "Unknown",
    "add_check_in",
    "dump",
    "dumps",
    "dumps_check_ins",
    "dumps_history",
    "dumps_initiatives",
    "dumps_kpis",
    "from_dict",
    "json_schema",
    "load",
    "loads",
    "losses",
    "reads_as_okrs",
    "says_okrs",
    "siblings",
    "source",
    "to_dict",
]

FormatName: TypeAlias = Literal["json", "yaml", "toml", "csv", "markdown"]
"""The formats okrkit reads and writes, by name."""

FORMATS: tuple[FormatName, ...] = ("json", "yaml", "toml", "csv", "markdown")
"""Every format name `loads` and `dumps` take."""

SUFFIXES: dict[str, FormatName] = {
    ".json": "json",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".toml": "toml",
    ".csv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
}
"""The file suffixes `load` and `dump` know, and the format each means."""

# Where a reader of each format puts a problem of the whole text, and what it expects there.
_EMPTY = {
    "csv": ("table", "the document is empty: expected a header row of okrkit's columns"),
    "markdown": (
        "document",
        "the document is empty: expected an objective (a heading or an 'Objective:' line)",
    ),
}

# From about 400 objectives, `loads` pauses the garbage collector (see `okrkit._gc`).
_LARGE = 1_000_000  # characters

SCHEMA_VERSION = CURRENT
"""The schema version okrkit writes (``okrkit: 1``)."""

SUPPORTED_VERSIONS = SUPPORTED
"""The schema versions okrkit reads."""


def to_dict(plan: Plan) -> dict[str, Any]:
    """The document of *plan* as plain JSON-ready data: dicts, lists, strings and numbers.

    Defaults are left out; dates are ISO 8601 strings; Decimals are strings of digits.

    >>> import okrkit
    >>> to_dict(okrkit.Plan(objectives=[okrkit.Objective(title="Grow", weight=2)]))
    {'okrkit': 1, 'objectives': [{'title': 'Grow', 'weight': 2}]}
    """
    return unstructure(plan)


def from_dict(
    data: object,
    *,
    unknown: Unknown = "error",
    dates: Dates = "strict",
    max_depth: int | None = DEFAULT_MAX_DEPTH,
) -> Plan:
    """The plan a document's data describes; `FormatError` listing every problem if it is bad.

    *unknown* says what to do with fields the schema does not know: ``"error"`` (the
    default), ``"warn"`` (an `OKRWarning`, and the field is skipped) or ``"ignore"``.
    *dates* ``"lenient"`` reads any date python-dateutil understands, not only ISO 8601.

    >>> from_dict({"okrkit": 1, "objectives": [{"title": "Grow"}]}).objectives[0].id
    'grow'
    """
    options = Options(unknown=unknown, dates=dates, max_depth=max_depth, max_size=None)
    return structure(data, options)


def _format(format: Any) -> FormatName:
    return check_choice("format", format, FORMATS)


def _text(text: object, max_size: int | None) -> str:
    if isinstance(text, bytes | bytearray):
        if max_size is not None and len(text) > max_size:
            raise _too_big(len(text), max_size)
        try:
            return bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as error:
            message = f"expected UTF-8 text, got the byte {text[error.start]:#04x} at {error.start}"
            raise FormatError([Problem(path="$", message=message)]) from None
    if not isinstance(text, str):
        raise InvalidTypeError("text", text, "a str or bytes document")
    if max_size is not None and len(text) > max_size:
        raise _too_big(len(text), max_size)
    # A byte order mark is not content, in a str as in bytes (decoded with utf-8-sig above).
    return text.removeprefix("\ufeff")


def _too_big(size: int, limit: int) -> FormatError:
    message = f"document of {size} characters is over the limit of {limit} (pass max_size=None)"
    return FormatError([Problem(path="$", message=message)])


def loads(
    text: str | bytes,
    format: FormatName = "json",
    *,
    unknown: Unknown = "error",
    dates: Dates = "strict",
    max_depth: int | None = DEFAULT_MAX_DEPTH,
    max_size: int | None = DEFAULT_MAX_SIZE,
    check_ins: str | bytes | None = None,
    kpis: str | bytes | None = None,
    history: str | bytes | None = None,
    initiatives: str | bytes | None = None,
    file: str | None = None,
) -> Plan:
    """The plan in *text*, a document in *format*; `FormatError` listing every problem.

    *max_size* (characters, or bytes for bytes) and *max_depth* (nesting of lists and
    objects) bound what is read; None lifts a limit.  *check_ins*, *kpis*, *history* and
    *initiatives* are, for CSV only, the texts of the files beside the table (see
    `dumps_check_ins`, `dumps_kpis`, `dumps_history` and `dumps_initiatives`), each bounded
    by *max_size*.  *file* names where the
    text came from (as `load` names its file): the problems and the plan's `source` say it.
    A document of a million characters or more is read with Python's cyclic garbage
    collector paused (reading makes no reference cycles, and the collector's runs over the
    growing plan were most of the time); it is resumed after, however the read ends.

    >>> plan = loads("okrkit: 1\\nobjectives:\\n- title: Grow\\n", "yaml")
    >>> plan.objectives[0].title
    'Grow'
    """
    if file is not None and not isinstance(file, str):
        raise InvalidTypeError("file", file, "a file's name (a str) or None")
    return _loads(
        text,
        format,
        unknown=unknown,
        dates=dates,
        max_depth=max_depth,
        max_size=max_size,
        beside={
            "check_ins": check_ins,
            "kpis": kpis,
            "history": history,
            "initiatives": initiatives,
        },
        file=file,
    )


def _loads(
    text: str | bytes,
    format: FormatName,
    *,
    unknown: Unknown,
    dates: Dates,
    max_depth: int | None,
    max_size: int | None,
    beside: dict[str, str | bytes | None],
    file: str | None,
) -> Plan:
    """`loads`, for the text of *file* if named: its problems and the plan's source name it."""
    name = _format(format)
    options = Options(unknown=unknown, dates=dates, max_depth=max_depth, max_size=max_size)
    options.check()
    try:
        text = _text(text, max_size)
    except FormatError as error:
        raise _named(error, None, file) from None
    if name != "csv":
        for argument, given in beside.items():
            if given is not None:
                raise InvalidValueError(
                    argument, "...", "None: the files beside a table go with CSV only"
                )
    # Whatever the format, an empty file is said to be empty.  (isspace stops at the first
    # other character; strip() would copy a document of any size first.)
    if not text or text.isspace():
        path, message = _EMPTY.get(name, ("$", EMPTY))
        raise _named(FormatError([Problem(path=path, message=message)]), None, file)
    source = Source(text, name, _finder(name, options), file)
    try:
        if name == "csv":
            texts = {k: None if v is None else _text(v, max_size) for k, v in beside.items()}
            with paused(len(text) + sum(len(t or "") for t in texts.values()) >= _LARGE):
                plan = _csv.loads(text, options, **texts)
        else:
            with paused(len(text) >= _LARGE):
                if name == "markdown":
                    plan = _markdown.loads(text, options)
                else:
                    parse = {"json": _json.loads, "yaml": _yaml.loads, "toml": _toml.loads}[name]
                    data = parse(text, max_depth)
                    try:
                        plan = structure(data, options)
                    except FormatError as error:  # the text is valid: its places can be found
                        raise _named(error, source, file) from None
    except FormatError as error:
        raise _named(error, None, file) from None
    remember(plan, source)
    return plan


def _finder(name: FormatName, options: Options) -> Callable[[str], Positions]:
    """How to find the places in a document of format *name* read with *options*: the
    second pass of `_locate`, or the CSV and Markdown readers' own."""
    if name == "json":
        return _locate.json_positions
    if name == "yaml":
        return lambda text: _locate.yaml_positions(text, options.max_depth)
    if name == "toml":
        return _locate.toml_positions
    if name == "csv":
        return _csv.locate
    return lambda text: _markdown.locate(text, options)


def _named(error: FormatError, source: Source | None, file: str | None) -> FormatError:
    """*error* with each problem at its line and column in *source*, and named *file*."""
    if file is None and source is None:
        return error
    problems = []
    for given in error.details:
        problem = given
        if problem.line is None and source is not None and problem.path:
            place = source.locate(problem.path)
            if place is not None:
                problem = attrs.evolve(problem, line=place.line, column=place.column)
        problems.append(
            problem if file is None or problem.file else attrs.evolve(problem, file=file)
        )
    return FormatError(problems)


def source(plan: Plan) -> Source | None:
    """Where *plan* was read from by `load` or `loads`: its text, format and file; else None.

    `Source.locate` gives the `Location` (line, column and file) of a path in the plan.  Only
    the plan object that was read has a source: a plan made from it (with a check-in, say)
    has none, since its places may no longer be where the text has them.

    >>> plan = loads('{"okrkit": 1,\\n "objectives": [{"title": "Grow"}]}')
    >>> source(plan).locate("objectives[0].title")
    Location(line=2, column=18, file=None)
    """
    return source_of(plan)


def dumps(plan: Plan, format: FormatName = "json", *, lossy: bool = False) -> str:
    """*plan* as text in *format*; `FormatError` if the text would lose any of it.

    The error names each thing that would be lost, with its path and how to keep it (see
    `losses`); *lossy* writes what the format holds and drops the rest.  CSV text is the
    table alone: a plan with earlier check-ins, KPIs or past scores is written whole by
    `dump` to a ``.csv`` file, which writes them in the files beside it.

    >>> import okrkit
    >>> print(dumps(okrkit.Plan(), "toml"), end="")
    okrkit = 1
    """
    name = _format(format)
    if not isinstance(plan, Plan):
        raise InvalidTypeError("plan", plan, "a Plan")
    _refuse(plan, None if lossy else losses(plan, name, files=False))
    if name == "json":
        return _json.dumps(unstructure(plan))
    if name == "yaml":
        return _yaml.dumps(unstructure(plan, native_dates=True))
    if name == "toml":
        return _toml.dumps(unstructure(plan, native_dates=True))
    if name == "csv":
        return _csv.dumps(plan)
    return _markdown.dumps(plan)


def _refuse(plan: Plan, lost: list[Problem] | None) -> None:
    """Refuse a plan no file of it would read back from, and, unless lossy (*lost* None), one
    that would lose the things *lost* names."""
    shared = shared_ids(plan)
    if shared:
        raise FormatError(shared)
    if lost:
        tail = " (lossy=True writes without it)"
        raise FormatError([attrs.evolve(p, message=p.message + tail) for p in lost])


def dumps_check_ins(plan: Plan) -> str:
    """Every key result's check-ins as CSV: ``kr_id,at,value,confidence,...``, the check-in file.

    >>> import okrkit
    >>> from datetime import date
    >>> kr = okrkit.KeyResult(id="nps", title="Raise NPS").check_in(40, at=date(2026, 7, 6))
    >>> print(dumps_check_ins(okrkit.Plan(objectives=[okrkit.Objective(title="Delight",
    ...     key_results=[kr])])), end="")
    kr_id,at,value,confidence,note,author
    nps,2026-07-06,40,,,
    """
    if not isinstance(plan, Plan):
        raise InvalidTypeError("plan", plan, "a Plan")
    return _csv.dumps_check_ins(plan)


def dumps_kpis(plan: Plan) -> str:
    """Every KPI as CSV, the KPI file beside a table: one row per check-in, the KPI's columns
    repeated (one row for a KPI without check-ins).

    >>> import okrkit
    >>> uptime = okrkit.Kpi(title="Uptime", direction="at_least", threshold=99.9, unit="%")
    >>> print(dumps_kpis(okrkit.Plan(kpis=[uptime])), end="")
    kpi.id,kpi.title,kpi.direction,kpi.threshold,kpi.unit,kpi.owner,kpi.ignore,check_in.at,check_in.value,check_in.confidence,check_in.note,check_in.author
    uptime,Uptime,at_least,99.9,%,,,,,,,
    """
    if not isinstance(plan, Plan):
        raise InvalidTypeError("plan", plan, "a Plan")
    return _csv.dumps_kpis(plan)


def dumps_history(plan: Plan) -> str:
    """Every past score as CSV, the history file beside a table, one row each.

    >>> import okrkit
    >>> past = okrkit.PastScore(owner="growth", cycle=okrkit.Cycle.parse("2026-Q2"), score=0.62)
    >>> print(dumps_history(okrkit.Plan(history=[past])), end="")
    owner,cycle,cycle.fiscal_year_start,cycle.fiscal_year_named_by,score,commitment,objective
    growth,2026-Q2,,,0.62,aspirational,
    """
    if not isinstance(plan, Plan):
        raise InvalidTypeError("plan", plan, "a Plan")
    return _csv.dumps_history(plan)


def dumps_initiatives(plan: Plan) -> str:
    """Every initiative as CSV, the initiatives file beside a table, one row each; the ids
    of the key results it should move are one a line in their cell.

    >>> import okrkit
    >>> emails = okrkit.Initiative(title="Win-back emails", key_results=["churn", "nps"])
    >>> print(dumps_initiatives(okrkit.Plan(initiatives=[emails])), end="")
    id,title,owner,status,due,key_results,notes,ignore
    win-back-emails,Win-back emails,,,,"churn
    nps",,
    """
    if not isinstance(plan, Plan):
        raise InvalidTypeError("plan", plan, "a Plan")
    return _csv.dumps_initiatives(plan)


def _suffix(path: str | os.PathLike[str], format: FormatName | None) -> FormatName:
    checked_path(path)
    if format is not None:
        return _format(format)
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidValueError(
            "path", str(path), "a file ending in " + ", ".join(SUFFIXES) + " (or pass format=)"
        )
    return SUFFIXES[suffix]


def load(
    path: str | os.PathLike[str],
    *,
    format: FormatName | None = None,
    unknown: Unknown = "error",
    dates: Dates = "strict",
    max_depth: int | None = DEFAULT_MAX_DEPTH,
    max_size: int | None = DEFAULT_MAX_SIZE,
    check_ins: str | os.PathLike[str] | None = None,
) -> Plan:
    """The plan in the file at *path*, in the format its suffix names (or *format*).

    The options are those of `loads`.  A CSV table is read with the files `dump` writes
    beside it, those that are there: ``okrs.check-ins.csv``, ``okrs.kpis.csv``,
    ``okrs.history.csv`` and ``okrs.initiatives.csv`` beside ``okrs.csv``; *check_ins* is
    the path of a check-in file to read instead of the one beside it.  Only regular files are
    read, and no more than *max_size* bytes of each: a bigger file is a `FormatError` before
    it is read.  A file that cannot be read is an `okrkit.FileError` naming it (`MissingFileError`,
    `DirectoryError`, `FilePermissionError` for the usual three; a FIFO or a device such as
    ``/dev/zero`` is a `FileError`).
    """
    name = _suffix(path, format)
    if check_ins is not None:
        checked_path(check_ins, "check_ins")
    data = read_bytes(path, max_size=max_size)
    beside: dict[str, str | bytes | None] = {}
    files: dict[str, str] = {}  # the file each part of a CSV plan is read from
    if name == "csv":
        for argument, sibling in siblings(path).items():
            beside[argument] = _read_if_there(sibling, max_size)
            files[argument] = sibling
    if check_ins is not None:
        beside["check_ins"] = read_bytes(check_ins, max_size=max_size)
        files["check_ins"] = os.fspath(check_ins)
    try:
        return _loads(
            data,
            name,
            unknown=unknown,
            dates=dates,
            max_depth=max_depth,
            max_size=max_size,
            beside=beside,
            file=os.fspath(path),
        )
    except FormatError as error:
        if not files:
            raise
        raise _beside(error, files) from None


# How a CSV problem's path names the file beside the table it is in ("check-ins row 3...").
_BESIDE = {sibling.label: name for name, sibling in _csv.BESIDE.items()}


def _beside(error: FormatError, files: dict[str, str]) -> FormatError:
    """*error* with each problem of a file beside a CSV table named by that file."""
    problems = []
    for problem in error.details:
        part = _BESIDE.get(problem.path.partition(" ")[0])
        named = files.get(part) if part else None
        problems.append(problem if named is None else attrs.evolve(problem, file=named))
    return FormatError(problems)


def _check_ours(name: str, path: str, *, wanted: bool) -> None:
    """Refuse to replace or remove the file beside a CSV table at *path* unless okrkit wrote
    it there: a file of the user's own with that name is never lost.  A link is replaced or
    removed itself, never what it points to; a folder is `write_files`' to refuse."""
    try:
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode) or stat.S_ISDIR(mode):
            return
        if not stat.S_ISREG(mode):
            raise FileError(path, "expected a regular file okrkit wrote beside the table")
        with open(path, "rb") as f:
            head = f.read(_csv.HEAD_SIZE).decode("utf-8", errors="replace")
    except FileNotFoundError:
        return
    except FileError:
        raise
    except OSError as error:
        raise file_error(error, path) from None
    if not _csv.wrote(name, head):
        columns = ",".join(_csv.BESIDE[name].columns)
        doing = "replaced" if wanted else "removed, since this plan needs none"
        raise FileError(
            path,
            "expected the file okrkit writes here (its header row is "
            f"{columns}), since it would be {doing}; move it away or remove it yourself, "
            "then write again",
        )


def _sniffed(text: object, format: FormatName) -> FormatName:
    """The format *format* names, for a look at *text*, which must be a str."""
    if not isinstance(text, str):
        raise InvalidTypeError("text", text, "a str")
    return _format(format)


def says_okrs(text: str, format: FormatName) -> bool:
    """Whether *text* says it holds OKRs in *format*, as ``okrkit check DIR`` tells an OKR
    file from the other files of a folder: a JSON, YAML or TOML document with an ``okrkit``
    or ``objectives`` key at its root; a CSV table with okrkit's columns (``objective.title``,
    ``kr.target``...); a Markdown page with an ``Objective:``, ``O1:`` or ``KR1:`` label, or an
    attribute block giving an OKR's field, as okrkit writes them.  It reads no more than it
    must, and never raises on any text: the start of a long file is enough.

    >>> says_okrs("## Objective: Grow\\n- Raise NPS from 30 to 40\\n", "markdown")
    True
    >>> says_okrs("# Install\\n- pip install okrkit\\n", "markdown")
    False
    """
    name = _sniffed(text, format)
    if name == "json":
        return _json.MARK.search(text) is not None
    if name == "yaml":
        return _yaml.MARK.search(text) is not None
    if name == "toml":
        return _toml.says_okrs(text)
    if name == "csv":
        return _csv.says_okrs(text)
    return _markdown.says_okrs(text)


# A Markdown page reads as OKRs with at least this many measurable key results.
_READS_AS_OKRS = 2


def reads_as_okrs(text: str, format: FormatName) -> bool:
    """Whether *text*, which does not say it holds OKRs (`says_okrs`), reads as OKRs all the
    same: a Markdown page with two key results or more that have a direction and a target
    (``## Grow`` over ``- Raise NPS from 30 to 40``, as a changelog may read too), or a CSV
    table whose header names objectives or key results in columns of its own ("Objective",
    "Key Result": a sheet from another tool).  ``okrkit check DIR`` names such a file rather
    than pass over it in silence.  It never raises on any text.

    >>> reads_as_okrs("Objective,Key Result,Owner\\n", "csv")
    True
    >>> reads_as_okrs("name,email\\n", "csv")
    False
    """
    name = _sniffed(text, format)
    if name == "csv":
        return _csv.names_okrs(text)
    if name != "markdown":
        return False
    try:
        plan = loads(text, "markdown")
    except OKRError:
        return False
    measured = (
        kr
        for _, kr in plan.key_results()
        if kr.measurable and kr.direction not in (None, Direction.MILESTONE)
    )
    return sum(1 for _ in zip(range(_READS_AS_OKRS), measured, strict=False)) == _READS_AS_OKRS


def siblings(path: str | os.PathLike[str]) -> dict[str, str]:
    """The files `dump` writes beside a CSV table at *path*, by the `loads` argument each is.

    >>> siblings("okrs.csv")["initiatives"]
    'okrs.initiatives.csv'
    >>> list(siblings("okrs.csv"))
    ['check_ins', 'kpis', 'history', 'initiatives']
    """
    return _csv.siblings(checked_path(path))


def _read_if_there(path: str, max_size: int | None) -> bytes | None:
    """The bytes of the file at *path*, or None when there is none."""
    try:
        return read_bytes(path, max_size=max_size)
    except MissingFileError:
        return None


def dump(
    plan: Plan,
    path: str | os.PathLike[str],
    *,
    format: FormatName | None = None,
    lossy: bool = False,
) -> None:
    """Write *plan* to the file at *path*, in the format its suffix names (or *format*), UTF-8.

    A CSV table is written with the files that keep what a table cannot, beside it: for
    ``okrs.csv``, every check-in in ``okrs.check-ins.csv``, the KPIs in ``okrs.kpis.csv``,
    past scores in ``okrs.history.csv`` and initiatives in ``okrs.initiatives.csv``, each
    only when the plan has some; such a file left
    from an earlier dump that this plan does not need is removed, so that `load` does not
    read it into this plan; a file there that okrkit did not write (its header row is not
    okrkit's, or it is no regular file) is never replaced or removed: it is a `FileError`, and
    nothing is written.  So a CSV file, like JSON, YAML and TOML, loses nothing; for a format
    that would (Markdown), a `FormatError` names what unless *lossy* (see `dumps`).

    The write is atomic: each text goes to a temporary file beside its target, and only once
    all are written do they replace the targets, so a failure (a full disk, text UTF-8
    cannot encode) leaves the old files as they were.  The table is replaced last: a crash
    between the replaces may leave new files beside an old table, never an old file beside
    a new table.  Each file keeps its permissions.  A link at *path* is followed; one where a
    file beside the table goes is replaced, never followed (that name was not the caller's
    to give).  Problems are an
    `okrkit.FileError` naming the file.
    """
    name = _suffix(path, format)
    if not isinstance(plan, Plan):
        raise InvalidTypeError("plan", plan, "a Plan")
    _refuse(plan, None if lossy else losses(plan, name, files=True))
    files: list[tuple[str | os.PathLike[str], str | None]] = []
    if name == "csv":
        needed = {
            "check_ins": (_csv.dumps_check_ins, any(kr.check_ins for _, kr in plan.key_results())),
            "kpis": (_csv.dumps_kpis, bool(plan.kpis)),
            "history": (_csv.dumps_history, bool(plan.history)),
            "initiatives": (_csv.dumps_initiatives, bool(plan.initiatives)),
        }
        for argument, sibling in siblings(path).items():
            write, wanted = needed[argument]
            _check_ours(argument, sibling, wanted=wanted)
            files.append((sibling, write(plan) if wanted else None))
    files.append((path, dumps(plan, name, lossy=True)))
    write_files(files, unnamed=[sibling for sibling, _ in files[:-1]])


def add_check_in(
    path: str | os.PathLike[str],
    key_result_id: str,
    check_in: CheckIn,
    *,
    format: FormatName | None = None,
    max_size: int | None = DEFAULT_MAX_SIZE,
) -> Plan:
    """Add *check_in* to the key result (or KPI) *key_result_id* of the plan in the file at
    *path*, in place, changing nothing else in the file; the plan it then holds.

    For a file that people edit and a bot or a cron job records numbers in: every comment,
    blank line, key order, quoting style and indentation of the rest of the file stays as it
    was (YAML, JSON and Markdown are edited where the check-in goes; TOML through tomlkit,
    the ``edit`` extra).  The check-in goes after the key result's others, in their style
    (`okrkit.formats._edit` says how).  The new text must read back as the plan the file held
    with exactly this check-in added, else nothing is written and a `FormatError` says so.
    The write is atomic, as `dump`'s; two writers at once take turns (where the system has
    ``fcntl``), and a file that changed while the check-in was added (a person saved it) is
    not written over: a `FormatError` says to try again.  A check-in equal to one the key
    result has already (every field the same) is not added again, so that a bot's retry
    changes nothing.  An id that no key result or KPI has is an `UnknownIdError`; a CSV file
    is refused (its check-ins are a file of their own).

    >>> import tempfile, pathlib, datetime
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "okrs.yaml").write_text(
    ...     "okrkit: 1\\n"
    ...     "objectives:\\n"
    ...     "  - title: Keep the customers we win  # the company's\\n"
    ...     "    key_results:\\n"
    ...     "      - {id: churn, title: Churn}\\n"
    ... )
    >>> today = CheckIn(at=datetime.date(2026, 8, 3), value=4.6, confidence=0.7)
    >>> plan = add_check_in(folder / "okrs.yaml", "churn", today)
    >>> print((folder / "okrs.yaml").read_text(), end="")
    okrkit: 1
    objectives:
      - title: Keep the customers we win  # the company's
        key_results:
          - {id: churn, title: Churn, check_ins: [{at: 2026-08-03, value: 4.6, confidence: 0.7}]}
    >>> plan.key_result("churn").current
    4.6
    """
    name = _suffix(path, format)
    if not isinstance(check_in, CheckIn):
        raise InvalidTypeError("check_in", check_in, "a CheckIn")
    if not isinstance(key_result_id, str):
        raise InvalidTypeError("key_result_id", key_result_id, "a key result id (a str)")
    file = os.fspath(path)
    with _locked(file):
        data = read_bytes(path, max_size=max_size)
        plan = _loads(data, name, **_STRICT, max_size=max_size, file=file)
        where, expected = _with_check_in(plan, key_result_id, check_in)
        if _held(plan, key_result_id, check_in):
            return plan  # a retry of a check-in made already: nothing to write
        text = _text(data, max_size)
        bom = "\ufeff" if data.startswith(b"\xef\xbb\xbf") else ""
        try:
            new = _edit.insert_check_in(text, name, where, check_in)
        except FormatError as error:
            raise _named(error, None, file) from None
        why = "it would read back as another plan"
        try:
            again: Plan | None = _loads(new, name, **_STRICT, max_size=None, file=None)
        except FormatError as error:
            again, why = None, f"reading it back said: {error}"
        if again != expected:
            message = (
                f"the check-in was not added, and nothing was written: with it, the file would"
                f" not hold this plan with the check-in added ({why})"
            )
            raise FormatError([Problem(path="", message=message, file=file)])
        assert again is not None
        if read_bytes(path, max_size=max_size) != data:
            message = (
                "the file changed while the check-in was being added (saved by someone"
                " else?): nothing was written; add the check-in again"
            )
            raise FormatError([Problem(path="", message=message, file=file)])
        write_files([(path, bom + new)])
    return again


_STRICT: dict[str, Any] = {
    "unknown": "error",
    "dates": "strict",
    "max_depth": DEFAULT_MAX_DEPTH,
    "beside": {},
}


def _held(plan: Plan, id: str, check_in: CheckIn) -> bool:
    """Whether the key result or KPI *id* of *plan* has a check-in equal to *check_in*."""
    where = plan.index.get(id)
    if where is not None and where[1] is not None:
        held = plan.objectives[where[0]].key_results[where[1]].check_ins
    else:
        held = next((kpi.check_ins for kpi in plan.kpis if kpi.id == id), ())
    # The same in every field, numbers of the same type too (a retry sends the same).
    same = _typed_check_in(check_in)
    return any(_typed_check_in(c) == same for c in held)


def _typed_check_in(c: CheckIn) -> tuple[object, ...]:
    return (c.at, type(c.at), c.value, type(c.value), c.confidence, type(c.confidence),
            c.note, c.author)  # fmt: skip


def _with_check_in(plan: Plan, id: str, check_in: CheckIn) -> tuple[_edit.Where, Plan]:
    """Where in the document the key result or KPI *id* is, and *plan* with *check_in*
    added to it."""
    where = plan.index.get(id)
    j = None if where is None else where[1]
    if where is not None and j is not None:
        i = where[0]
        obj = plan.objectives[i]
        kr = obj.key_results[j]
        grown = attrs.evolve(kr, check_ins=(*kr.check_ins, check_in))
        return ("objectives", i, "key_results", j), plan.replace(obj.replace_key_result(grown))
    for k, kpi in enumerate(plan.kpis):
        if kpi.id == id:
            kpis = list(plan.kpis)
            kpis[k] = attrs.evolve(kpi, check_ins=(*kpi.check_ins, check_in))
            return ("kpis", k), attrs.evolve(plan, kpis=kpis)
    what = "a key result or KPI"
    if where is not None:
        what += " (it is an objective's id: check-ins are a key result's)"
    elif any(i.id == id for i in plan.initiatives):
        what += " (it is an initiative's id: an initiative is done or not, by its status)"
    raise UnknownIdError(id, what)


@contextlib.contextmanager
def _locked(path: str) -> Iterator[None]:
    """Hold an exclusive lock on the file at *path* while it is read, edited and replaced, so
    that two okrkit writers take turns (an advisory ``flock``, where the system has one).

    The file is replaced by a new one, so a writer that waited for the lock checks that the
    file it locked is still the one at *path*, and locks the new one if not.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: the check before writing is all there is
        yield
        return
    for _ in range(100):
        try:
            # Non-blocking: opening a FIFO to read would wait for a writer forever.
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            yield  # the read names what is wrong with the file
            return
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                yield  # not a regular file: the read refuses it, naming it
                return
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(path))
            except OSError:
                same = False
            if same:
                yield
                return
        finally:
            os.close(fd)
    yield  # pragma: no cover - replaced a hundred times while waiting: go on unlocked
