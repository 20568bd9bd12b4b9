"""Fuzzing every format: mutated documents load, or fail as okrkit errors, and nothing else.

Each case starts from a valid document — a plan from `okrkit.testing.plans` written with
`okrkit.formats.dumps`, or a file of ``examples/`` written in the format — and mutates it:

- **tree edits** (JSON, YAML, TOML): the parsed data loses a key, a value changes type, a
  value is nested deeper, a list item or a key is duplicated, a string field becomes a
  hostile string, a number becomes a hostile number; then it is written out again;
- **text edits**: a hostile string or a hostile number inserted or put in place of a token,
  a nesting bomb inserted (deep lists and tables, long dotted TOML keys), two tokens or two
  lines swapped;
- **byte edits**: bytes inserted, deleted or replaced, or the document truncated.

Hostile strings are lone surrogates, control characters (``\\x00``, escape sequences, ``\\r``,
``\\x85``, ``\\u2028``), bidi controls, very long text, spreadsheet formulas and HTML;
hostile numbers are huge in every base (``10**5000``, ``0x``/``0o``/``0b`` literals of more
than 4300 digits, YAML 1.1 sexagesimal), ``1e400``, ``-0`` and ``NaN``.

The laws, for every format:

1. `okrkit.formats.loads` of the mutated document returns a `Plan` or raises an
   `okrkit.OKRError`; nothing else (no bare KeyError, TypeError, UnicodeError,
   RecursionError...).
2. A plan that loads survives everything a plan is for: `okrkit.validate`, every report view
   (`okrkit.report.render` in ``md``, ``html`` and ``json``), and writing in every format.
   The views are text that can be written as UTF-8, with user text escaped for the medium:
   no control characters (but newline and tab) in Markdown and HTML, no raw ``<script>`` from
   the document, and the JSON view is strict JSON.  JSON, YAML and TOML lose nothing, so
   ``loads(dumps(plan, f), f) == plan`` (the one exception: TOML has no way to write a lone
   surrogate, so it may refuse a plan holding one with an `OKRError`).  CSV and Markdown are
   lossy by design (docs/formats.md): writing may refuse a plan with an `OKRError`, and
   reading back must give a plan or an `OKRError`, not necessarily an equal plan.  Whatever
   `dumps` returns can be written as UTF-8, and no CSV cell starts a spreadsheet formula.
3. The command line (``okrkit check|score|tree|report`` on the mutated file) never raises,
   exits 0, 1 or 2, and writes text that can be written as UTF-8; what it prints for a
   terminal (check, score, tree, and every error message) has no control characters.

Case counts: each format is its own test, run with `_EXAMPLES` cases: the active hypothesis
profile's ``max_examples`` (tests/conftest.py), so 40 per format by default, and at least
10,000 per format with ``HYPOTHESIS_PROFILE=thorough``; ``OKRKIT_FUZZ_EXAMPLES=N`` sets it
outright (``HYPOTHESIS_PROFILE=thorough pytest tests/test_fuzz.py -k json`` fuzzes JSON
alone).  Only the thorough profile shrinks a failure to its smallest case: shrinking takes
minutes, so by default a failure is reported as found, with the seed to replay it
(``--hypothesis-seed=N``).
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import re
import tomllib
import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, assume, event, given, settings
from hypothesis import strategies as st

import okrkit
from _documents import paths
from okrkit import formats, report
from okrkit.cli import Streams, run
from okrkit.formats import FormatName
from okrkit.model import Plan
from okrkit.testing import plans

ROOT = Path(__file__).resolve().parent.parent
LOSSLESS = ("json", "yaml", "toml")
SUFFIX = {"json": ".json", "yaml": ".yaml", "toml": ".toml", "csv": ".csv", "markdown": ".md"}
VIEWS = ("md", "html", "json")
COMMANDS = ("check", "score", "tree", "report")

# The active profile's count, and at least 10,000 under the thorough one; or set outright.
_PROFILE_EXAMPLES = settings.default.max_examples
if settings.get_current_profile_name() == "thorough":
    _PROFILE_EXAMPLES = max(10_000, _PROFILE_EXAMPLES)
_EXAMPLES = int(os.environ.get("OKRKIT_FUZZ_EXAMPLES") or _PROFILE_EXAMPLES)
# Shrinking a failure takes minutes (each case runs the command line four times), so the
# default profile reports a failure as found, with its seed; the thorough one shrinks it.
_PHASES = tuple(settings.default.phases)
if settings.get_current_profile_name() != "thorough":
    _PHASES = tuple(phase for phase in _PHASES if phase is not Phase.shrink)

# Hostile values ------------------------------------------------------------------------------

SCRIPT = '<script>alert("okrfuzz")</script>'
HOSTILE_STRINGS = (
    "\ud800",
    "a\udfffb",
    "\x00",
    "nul\x00in the middle",
    "\x1b[31mred\x1b[0m",
    "\x1b]0;title\x07",
    "carriage\rreturn",
    "line\nbreak",
    "next\x85line",
    "line\u2028separator",
    "para\u2029graph",
    "\x7f\x9b\x08",
    "\u202eevil\u202c",
    "\u2066isolate\u2069",
    "\ufeffbom",
    "e\u0301\U0001d518",
    "x" * 20_000,
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(A1:A9)",
    "\t=1+1",
    SCRIPT,
    '"><img src=x onerror=alert(1)>',
    "[click](javascript:alert(1))",
    "| a | b |\n|---|---|",
    "# heading",
    "1. not a key result",
    "- [x] done",
    "Owner: mallory",
    "=> 100%",
    "{{7*7}}",
    "",
    " ",
)
_DIGITS = 4400  # over CPython's 4300-digit limit on int <-> str conversion
HOSTILE_NUMBERS = (
    "1" + "0" * 5000,
    "-1" + "0" * 5000,
    "0x" + "f" * _DIGITS,
    "0o" + "7" * _DIGITS,
    "0b" + "1" * _DIGITS,
    "1" + ":59" * 3000,  # YAML 1.1 sexagesimal: base 60
    "190:20:30",
    "1e400",
    "-1e400",
    "1e-400",
    "9" * _DIGITS + ".5",
    "0." + "0" * _DIGITS + "1",
    "-0",
    "-0.0",
    "NaN",
    "nan",
    ".nan",
    "inf",
    "-.inf",
    "Infinity",
    "1_000",
    "0x_1",
    "+1",
    "01",
    "1e",
    "2026-02-30",
    "2026-07-01T25:00:00+00:00",
    "9999-12-31T23:59:59-23:59",
    "0001-01-01",
)
# Nesting bombs, in each format's syntax: deep lists and tables, dotted TOML keys.
DEEP = (
    "[" * 20_000 + "]" * 20_000,
    '{"x": ' * 5_000 + "1" + "}" * 5_000,
    "{x = " * 5_000 + "1" + "}" * 5_000,
    "\n" + ".".join(["x"] * 5_000) + " = 1\n",
    "\n[" + ".".join(["x"] * 5_000) + "]\n",
    "\n" + "- " * 5_000 + "x\n",
    "\n" + "".join(" " * i + "x:\n" for i in range(300)),
)
# Values of other types for tree edits (huge ints go into the text: no writer takes them).
TYPE_CHANGES: tuple[object, ...] = (
    None,
    True,
    0,
    -1,
    2**63,
    -(2**63) - 1,
    10**300,
    1.5,
    -0.0,
    float("nan"),
    float("inf"),
    1e308,
    "",
    "x",
    "2026-02-30",
    [],
    [1, 2],
    {},
    {"a": 1},
    {"label": "FY2027", "fiscal_year_start": [1]},
)

# Seeds -------------------------------------------------------------------------------------


def _example_files(format: FormatName | None = None) -> list[Path]:
    """The example files that hold a plan (in *format*, or in any)."""
    return [
        path
        for path in sorted((ROOT / "examples").iterdir())
        if path.suffix in formats.SUFFIXES
        and path.name != "pyproject-snippet.toml"
        and format in (None, formats.SUFFIXES[path.suffix])
    ]


def _loaded(path: Path) -> list[Plan]:
    try:
        return [formats.load(path)]
    except okrkit.OKRError:  # test_examples_load says so; its text still seeds its format
        return []


EXAMPLE_PLANS = [plan for path in _example_files() for plan in _loaded(path)]
EXAMPLE_TEXTS = {
    f: [p.read_text(encoding="utf-8") for p in _example_files(f)] for f in formats.FORMATS
}


@pytest.mark.parametrize("path", _example_files(), ids=lambda path: path.name)
def test_examples_load(path: Path) -> None:
    """Every example file is a valid document: they seed the fuzzing."""
    assert isinstance(formats.load(path), Plan)


def _written(plan: Plan, format: FormatName) -> str:
    try:
        return formats.dumps(plan, format, lossy=True)
    except okrkit.OKRError:  # a plan a lossy format refuses (Markdown: no objectives) seeds nothing
        assume(False)
        raise AssertionError from None  # unreachable: assume(False) stops the example


def seeds(format: FormatName) -> st.SearchStrategy[str]:
    """Valid documents in *format*: drawn plans, the examples written in it, the files as is."""
    drawn = plans(max_objectives=2).map(lambda plan: _written(plan, format))
    examples = st.sampled_from(EXAMPLE_PLANS).map(lambda plan: _written(plan, format))
    if EXAMPLE_TEXTS[format]:
        return st.one_of(drawn, examples, st.sampled_from(EXAMPLE_TEXTS[format]))
    return st.one_of(drawn, examples)


# Tree edits --------------------------------------------------------------------------------


def _parse(text: str, format: FormatName) -> Any:
    if format == "json":
        return json.loads(text)
    if format == "yaml":
        return yaml.safe_load(text)
    return tomllib.loads(text)


def _toml_string(value: str) -> str:
    # TOML basic strings escape controls as \uXXXX; a lone surrogate has no escape, so it goes
    # in raw (the document is then a str that cannot be encoded, which loads is given as is).
    def escape(match: re.Match[str]) -> str:
        char = match[0]
        return {'"': '\\"', "\\": "\\\\"}.get(char) or f"\\u{ord(char):04x}"

    return '"' + re.sub(r'["\\\x00-\x1f\x7f]', escape, value) + '"'


def _toml_value(value: object) -> str:
    """*value* as a TOML value, tables inline; None (which TOML lacks) as an empty table."""
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(repr(value), repr(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(map(_toml_value, value)) + "]"
    if isinstance(value, dict):
        items = (f"{_toml_string(str(k))} = {_toml_value(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    if value is None:
        return "{}"
    return _toml_string(str(value))


def _serialise(data: Any, format: FormatName) -> str:
    if format == "json":
        return json.dumps(data, default=str)
    if format == "yaml":
        return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    if not isinstance(data, dict):
        return f"value = {_toml_value(data)}\n"
    return "".join(f"{_toml_string(str(k))} = {_toml_value(v)}\n" for k, v in data.items())


_ACTIONS = ("string", "string", "string", "number", "type", "drop", "nest", "duplicate")


def _edit(draw: st.DrawFn, doc: Any) -> None:
    """One edit of the data *doc*, in place, at a path drawn from it."""
    where = draw(st.sampled_from(paths(doc)))
    if not where:
        return
    parent = doc
    for key in where[:-1]:
        parent = parent[key]
    key, value = where[-1], parent[where[-1]]
    action = draw(st.sampled_from(_ACTIONS))
    if action == "drop":
        del parent[key]
    elif action == "type":
        # A copy: a later edit of this document must not change the constant itself, or
        # the next example draws from other paths and hypothesis calls the strategy flaky.
        parent[key] = copy.deepcopy(draw(st.sampled_from(TYPE_CHANGES)))
    elif action == "nest":
        for _ in range(draw(st.sampled_from([1, 3, 50, 150]))):
            value = [value] if draw(st.booleans()) else {"x": value}
        parent[key] = value
    elif action == "duplicate":
        if isinstance(parent, list):
            parent.insert(key, value)
        else:
            parent[f"{key}_copy"] = value
    elif action == "string":
        hostile = draw(st.sampled_from(HOSTILE_STRINGS))
        if isinstance(value, str) and draw(st.booleans()):
            at = draw(st.integers(0, len(value)))
            hostile = value[:at] + hostile + value[at:]
        parent[key] = hostile
    else:
        parent[key] = draw(st.sampled_from([1e308, -0.0, 2**53 + 1, -(10**100), 10**4000]))


@st.composite
def tree_edited(draw: st.DrawFn, text: str, format: FormatName) -> str:
    """*text* parsed, edited once or twice as data, and written again in *format*.

    JSON, YAML and TOML are parsed and written by their own libraries (and a small TOML
    writer), so the edits reach the parser; CSV and Markdown have no tree of their own, so
    their plan's document is edited and, when okrkit still takes it, written by okrkit.
    """
    lossless = format in LOSSLESS
    try:
        doc: Any = (
            _parse(text, format) if lossless else formats.to_dict(formats.loads(text, format))
        )
    except okrkit.OKRError:  # a seed that does not load (test_examples_load says which)
        assume(False)
    for _ in range(draw(st.integers(1, 2))):
        _edit(draw, doc)
    try:
        if lossless:
            return _serialise(doc, format)
        return formats.dumps(formats.from_dict(doc), format)
    except okrkit.OKRError:  # okrkit refuses the edited document: nothing to write
        assume(False)
    except (ValueError, RecursionError):  # an int too long for str(); a writer's own limit
        assume(False)
    raise AssertionError  # unreachable: assume(False) stops the example


# Text and byte edits -----------------------------------------------------------------------

# A number (or a date: digits and separators) is one token, so that it is replaced whole.
_TOKENS = re.compile(r"-?\d[\w.:+-]*|\w+|\s+|[^\w\s]")
_NUMBER = re.compile(r"-?\d[\w.:+-]*")


@st.composite
def text_edited(draw: st.DrawFn, text: str) -> str:
    """*text* with one or two token edits: hostile values in, tokens or lines swapped."""
    for _ in range(draw(st.integers(1, 2))):
        tokens = _TOKENS.findall(text) or [""]
        numbers = [i for i, token in enumerate(tokens) if _NUMBER.fullmatch(token)]
        action = draw(st.sampled_from(["number", "string", "insert", "deep", "swap", "lines"]))
        if action == "lines":
            lines = text.split("\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
            continue
        i = draw(st.integers(0, len(tokens) - 1))
        if action == "swap":
            j = draw(st.integers(0, len(tokens) - 1))
            tokens[i], tokens[j] = tokens[j], tokens[i]
        elif action == "deep":
            tokens[i] = draw(st.sampled_from(DEEP)) + tokens[i]
        elif action == "number" and numbers:
            tokens[draw(st.sampled_from(numbers))] = draw(st.sampled_from(HOSTILE_NUMBERS))
        else:  # a hostile string in place of a word, or after it
            hostile = draw(st.sampled_from(HOSTILE_STRINGS + HOSTILE_NUMBERS))
            tokens[i] = tokens[i] + hostile if action == "insert" else hostile
        text = "".join(tokens)
    return text


def _encoded(document: str | bytes) -> bytes:
    # A lone surrogate becomes its (invalid) UTF-8 bytes, as a careless writer would make them.
    if isinstance(document, bytes):
        return document
    return document.encode("utf-8", "surrogatepass")


@st.composite
def byte_edited(draw: st.DrawFn, text: str) -> bytes:
    """*text* as UTF-8, with one to three bytes edits: insert, delete, replace, truncate."""
    data = bytearray(_encoded(text))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "truncate"]))
        if action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif action == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        elif action == "replace" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif action == "truncate":
            del data[at:]
    return bytes(data)


@st.composite
def mutated(draw: st.DrawFn, format: FormatName) -> str | bytes:
    """A valid document in *format*, mutated by tree, text or byte edits, or two of them."""
    document: str | bytes = draw(seeds(format))
    kinds = draw(
        st.lists(st.sampled_from(["tree", "tree", "text", "bytes"]), min_size=1, max_size=2)
    )
    if "tree" in kinds:
        document = draw(tree_edited(document, format))
    if "text" in kinds:
        document = draw(text_edited(document))
    if "bytes" in kinds:
        document = draw(byte_edited(document))
    return document


# The laws ----------------------------------------------------------------------------------

AT = (date(2026, 8, 31), date(1, 1, 1), date(9999, 12, 31))
# Control characters a terminal or a document must not get raw: C0 but newline and tab,
# DEL and C1.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def load(document: str | bytes, format: FormatName) -> Plan | None:
    """Law 1: the plan in *document*, or None for an okrkit error; anything else fails."""
    try:
        plan = formats.loads(document, format)
    except okrkit.OKRError:
        return None
    assert isinstance(plan, Plan)
    return plan


def writable(text: str, what: str) -> None:
    """*text* can be written to a UTF-8 file or stream."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        pytest.fail(f"{what} cannot be written as UTF-8: {error}")


def no_controls(text: str, what: str) -> None:
    """*text* holds no control character but newline and tab."""
    found = _CONTROLS.search(text)
    assert found is None, f"{what} holds the control character {found[0]!r} raw"


def _refuse_constant(name: str) -> None:
    raise AssertionError(f"the JSON report holds {name}, which is not JSON")


def views(plan: Plan, at: date) -> None:
    """Law 2, views: every report renders, escaped for its medium."""
    okrkit.validate(plan, today=at)
    for view in VIEWS:
        out = report.render(plan, view, at=at)
        writable(out, f"the {view} report")
        if view == "json":
            json.loads(out, parse_constant=_refuse_constant)
            continue
        no_controls(out, f"the {view} report")
        if view == "html":
            assert SCRIPT not in out, "the HTML report holds a raw <script> from the document"
        else:
            assert re.search(r"(?<!\\)<script", out) is None, "the Markdown report holds <script>"


def _formula(cell: str) -> bool:
    """Whether a spreadsheet would read *cell* as a formula (OWASP's CSV injection).

    Numbers and bands of numbers (``-475..0``) may start with a sign: they call nothing.
    """
    return bool(cell) and cell[0] in "=+-@\t\r" and re.fullmatch(r"[-+\d.eE]+", cell) is None


def round_trips(plan: Plan) -> None:
    """Law 2, formats: lossless formats give the plan back, lossy ones a plan or an error."""
    surrogates = _has_surrogate(plan)
    for format in formats.FORMATS:
        try:
            text = formats.dumps(plan, format, lossy=True)
        except okrkit.OKRError:
            assert format not in LOSSLESS or (format == "toml" and surrogates), (
                f"{format} refused a plan it can hold"
            )
            continue
        writable(text, f"dumps(plan, {format!r})")
        if format == "csv":
            cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
            assert [] == [cell for cell in cells if _formula(cell)], "CSV cells that are formulas"
        try:
            again = formats.loads(text, format)
        except okrkit.OKRError:
            assert format not in LOSSLESS, f"{format} cannot read what it wrote"
            continue
        assert isinstance(again, Plan)
        if format in LOSSLESS:
            assert plan == again, f"{format} changed the plan"


def _has_surrogate(plan: Plan) -> bool:
    """Whether any text of *plan*'s document holds a lone surrogate (walked, not printed)."""
    stack: list[object] = [formats.to_dict(plan)]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str) and any(unicodedata.category(c) == "Cs" for c in item):
            return True
    return False


def command_line(document: str | bytes, format: FormatName, folder: Path, at: date) -> None:
    """Law 3: each command on the file exits 0, 1 or 2, and prints only writable, safe text."""
    path = folder / f"okrs{SUFFIX[format]}"
    path.write_bytes(_encoded(document))
    for command in COMMANDS:
        when = ["--at", at.isoformat()]  # the same option on every command
        stdout, stderr = io.StringIO(), io.StringIO()
        streams = Streams(stdin=io.BytesIO(), stdout=stdout, stderr=stderr, environ={})
        status = run(["--color", "never", command, str(path), *when], streams)
        assert status in (0, 1, 2), f"okrkit {command} exited {status}"
        writable(stdout.getvalue(), f"okrkit {command}'s output")
        writable(stderr.getvalue(), f"okrkit {command}'s errors")
        no_controls(stderr.getvalue(), f"okrkit {command}'s errors")
        if command != "report":  # the report is a Markdown document, checked as a view
            no_controls(stdout.getvalue(), f"okrkit {command}'s output")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory for the file the command line reads, one per module (hypothesis reuses it)."""
    return tmp_path_factory.mktemp("fuzz")


@pytest.mark.parametrize("format", formats.FORMATS)
@settings(
    max_examples=_EXAMPLES,
    phases=_PHASES,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)
@given(data=st.data())
def test_mutated_documents(format: FormatName, folder: Path, data: st.DataObject) -> None:
    """A mutated document loads or raises an okrkit error; what loads, works; the CLI copes."""
    document = data.draw(mutated(format), label="document")
    at = data.draw(st.sampled_from(AT), label="at")
    plan = load(document, format)
    event("loaded a plan" if plan is not None else "refused with an okrkit error")
    if plan is not None:
        views(plan, at)
        round_trips(plan)
    command_line(document, format, folder, at)
