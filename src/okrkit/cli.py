"""The ``okrkit`` command: check, score, draw, report, convert, and start OKR files.

Each subcommand is a small function taking the parsed arguments and the `Streams` and
returning the exit status: 0 when all is well, 1 when a check finds an error-severity
problem, 2 for a usage error or input that cannot be read (one line per problem,
``okrkit: <file>: <problem>``, never a traceback).

>>> import io
>>> out = io.StringIO()
>>> run(["parse", "Reduce churn from 5% to 4%"], Streams(stdout=out))
0
>>> print(out.getvalue(), end="")
direction: decrease
form: target
value: 4.0
start: 5.0
unit: %
metric: churn
measurable: yes
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any, Literal, TypeAlias

import attrs

from okrkit._escape import github_data, github_property, terminal
from okrkit.errors import AlignmentError, FileError, FormatError, OKRError
from okrkit.model import Plan

__all__ = ["Streams", "build_parser", "run"]

ColorChoice: TypeAlias = Literal["auto", "always", "never"]

_PROGRESS_FROM = 10  # files checked before a progress indicator is worth showing


def _stdin() -> IO[bytes]:
    return sys.stdin.buffer


def _stdout() -> IO[str]:
    return sys.stdout


def _stderr() -> IO[str]:
    return sys.stderr


@attrs.frozen(kw_only=True)
class Streams:
    """Where a command reads and writes: the process's own streams and environment by default.

    Tests pass `io.BytesIO` / `io.StringIO` and an environment of their own.
    """

    stdin: IO[bytes] = attrs.field(factory=_stdin)
    stdout: IO[str] = attrs.field(factory=_stdout)
    stderr: IO[str] = attrs.field(factory=_stderr)
    environ: Mapping[str, str] = attrs.field(factory=lambda: dict(os.environ))


class _InputError(Exception):
    """Input that cannot be used: each problem is reported as ``okrkit: <file>: <problem>``."""

    def __init__(self, file: str, problems: Sequence[str]) -> None:
        super().__init__(file)
        self.file = file
        self.problems = tuple(problems)


def _problems(error: BaseException, *, file: str | None = None) -> list[str]:
    """What went wrong, one line per problem; those in *file* without its name, said already."""
    if isinstance(error, FormatError | AlignmentError):
        return [
            str(attrs.evolve(p, file=None) if p.file == file else p).replace("\n", " ")
            for p in error.details
        ]
    if isinstance(error, OSError):
        return [error.strerror or str(error)]
    if isinstance(error, UnicodeDecodeError):
        return [f"expected UTF-8 text, got the byte {error.object[error.start]:#04x}"]
    return [str(error).replace("\n", " ")]


# Colour ------------------------------------------------------------------------------------

_CODES = {"red": "31", "yellow": "33", "green": "32", "bold": "1", "dim": "2"}


def _colorizer(choice: ColorChoice, stream: IO[str], environ: Mapping[str, str]) -> _Paint:
    """Colour for *stream*: always, never, or (auto) on a terminal when NO_COLOR is unset."""
    if choice == "always":
        on = True
    elif choice == "never":
        on = False
    else:
        # https://no-color.org: a NO_COLOR that is present and not empty turns colour off.
        on = _isatty(stream) and not environ.get("NO_COLOR")
    return _Paint(on)


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or stream-like object
        return False


@attrs.frozen
class _Paint:
    on: bool

    def __call__(self, text: str, style: str | None) -> str:
        code = _CODES.get(style or "")
        if not self.on or code is None:
            return text
        return f"\x1b[{code}m{text}\x1b[0m"


# Reading -----------------------------------------------------------------------------------


def _format_of(path: str, given: str | None, data: bytes) -> str:
    from okrkit.formats import SUFFIXES

    if given is not None:
        return given
    if path == "-":
        # Standard input has no suffix: JSON when it looks like it, else YAML.
        # (A UTF-8 byte order mark may come first.)
        return "json" if data.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{") else "yaml"
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        known = ", ".join(SUFFIXES)
        raise _InputError(
            path, [f"unknown file type {suffix or '(none)'!r}: expected one of {known}"]
        )
    return SUFFIXES[suffix]


def _read(path: str, streams: Streams, format: str | None = None) -> Plan:
    """The plan in the file at *path* (``-``: stdin); `_InputError` when it cannot be read.

    Only regular files and stdin, each bounded by `okrkit.formats.DEFAULT_MAX_SIZE`.
    """
    from okrkit import formats
    from okrkit._files import read_bytes, read_stream

    name = "<stdin>" if path == "-" else path
    limit = formats.DEFAULT_MAX_SIZE
    try:
        if path == "-":
            data = read_stream(streams.stdin, max_size=limit)
        else:
            data = read_bytes(path, max_size=limit)
        return formats.loads(data, _format_of(path, format, data))  # type: ignore[arg-type]
    except FileError as error:
        problems = _problems(error)
        if error.errno is None:  # a FIFO or a device, as /dev/stdin is
            problems = [f"{p} (to read standard input, give '-')" for p in problems]
        raise _InputError(name, problems) from None
    except (OKRError, OSError, UnicodeDecodeError) as error:
        raise _InputError(name, _problems(error)) from None


def _write(
    text: str, output: str | None, streams: Streams, *, inputs: Sequence[str | None] = ()
) -> None:
    """Write *text* to *output* (stdout for None or ``-``), atomically; never over *inputs*."""
    from okrkit._files import same_file, write_text

    if output is None or output == "-":
        streams.stdout.write(text)
        return
    for source in inputs:
        if source is not None and source != "-" and same_file(output, source):
            raise _InputError(
                output, [f"is the input {source}: refusing to write over it (choose another -o)"]
            )
    try:
        write_text(output, text)
    except OSError as error:
        raise _InputError(output, _problems(error)) from None


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date such as 2026-08-31, got {text!r}"
        ) from None


def _codes(text: str) -> list[str]:
    return [code.strip() for code in text.split(",") if code.strip()]


def _selection(text: str) -> list[str]:
    """``--select``'s codes: at least one, since selecting none would turn every rule off."""
    codes = _codes(text)
    if not codes:
        # An unset CI variable (--select "$CODES") must not turn the linter off silently.
        raise argparse.ArgumentTypeError(
            f"expected at least one code or prefix, got {text!r}: selecting none would turn "
            "every rule off (to check everything, leave --select out)"
        )
    return codes


# check -------------------------------------------------------------------------------------


def _config(args: argparse.Namespace, path: str, cache: dict[Path, Any]) -> Any:
    """The rule configuration for *path*: ``--config``, else the nearest one, with the flags."""
    from okrkit.rules import RuleConfig

    if args.config is not None:
        where = Path(args.config)
        found = cache.get(where)
        if found is None:
            try:
                found = cache[where] = RuleConfig.from_pyproject(where)
            except OKRError as error:
                # The complaint names the file, so its problems do not say it again.
                raise _InputError(args.config, _problems(error, file=str(where))) from None
    else:
        where = (Path.cwd() if path == "-" else Path(path).parent).resolve()
        found = cache.get(where)
        if found is None:
            try:
                found = cache[where] = RuleConfig.discover(where)
            except OKRError as error:
                raise _InputError(path, [f"configuration: {p}" for p in _problems(error)]) from None
    select, ignore = getattr(args, "select", None), getattr(args, "ignore", None)
    if select is not None or ignore:
        changes: dict[str, Any] = {"ignore": (*found.ignore, *(ignore or ()))}
        if select is not None:
            changes["select"] = select
        # Both halves are checked: the file's as it was read, the flags' by `_check_flags`.
        found = attrs.evolve(found, **changes)
    return found


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_SEVERITY_STYLE = {"error": "red", "warning": "yellow", "info": "dim"}


def cmd_check(args: argparse.Namespace, streams: Streams) -> int:
    """``okrkit check PATH...``: lint OKR files; 1 if any finding is at error severity."""
    from okrkit.rules import validate

    _check_flags(args)
    paint = _colorizer(args.color, streams.stdout, streams.environ)
    # On a terminal only, whatever NO_COLOR says: a progress line is not colour.
    progress = len(args.paths) >= _PROGRESS_FROM and _isatty(streams.stderr)
    cache: dict[Path, Any] = {}
    found: list[dict[str, Any]] = []
    failed = 0
    for n, path in enumerate(args.paths, start=1):
        name = "<stdin>" if path == "-" else path
        if progress:
            streams.stderr.write(f"\rchecking {n}/{len(args.paths)} {terminal(name)}\x1b[K")
            streams.stderr.flush()
        try:
            plan = _read(path, streams, args.input_format)
            config = _config(args, path, cache)
        except _InputError as error:
            failed += 1
            if progress:
                streams.stderr.write("\r\x1b[K")
            _complain(error, streams)
            continue
        found.extend(
            {"file": name, **d.to_dict()} for d in validate(plan, config, today=args.today)
        )
    if progress:
        streams.stderr.write("\r\x1b[K")
    counts = {"error": 0, "warning": 0, "info": 0}
    for d in found:
        counts[d["severity"]] += 1
    out = streams.stdout
    if args.format == "json":
        summary = {"files": len(args.paths), "unreadable": failed, **counts}
        out.write(json.dumps({"diagnostics": found, "summary": summary}, indent=2) + "\n")
    elif args.format == "github":
        for d in found:
            title = github_property(f"{d['code']} {d['name']}")
            file = github_property(d["file"])
            message = github_data(f"{d['path'] or '$'}: {d['message']}")
            out.write(f"::{_GITHUB_LEVEL[d['severity']]} file={file},title={title}::{message}\n")
    else:
        for d in found:
            where = terminal(f"{d['file']}:{d['path']}" if d["path"] else d["file"])
            severity = paint(d["severity"], _SEVERITY_STYLE[d["severity"]])
            code = paint(terminal(d["code"]), "bold")
            out.write(f"{where}: {code} [{severity}] {terminal(d['message'])}\n")
        out.write(_summary(counts, len(args.paths), failed) + "\n")
    if failed:
        return 2
    return 1 if counts["error"] else 0


def _check_flags(args: argparse.Namespace) -> None:
    """Refuse unknown codes in ``--select``/``--ignore`` once, before any file is read.

    They are a usage error, not a problem of each file: no file is then counted unreadable.
    """
    from okrkit.rules import REGISTRY, RuleConfig

    if args.select is None and not args.ignore:
        return
    try:
        REGISTRY.check(RuleConfig(select=args.select, ignore=args.ignore or ()))
    except OKRError as error:
        raise _InputError("--select/--ignore", _problems(error)) from None


def _summary(counts: Mapping[str, int], files: int, unreadable: int) -> str:
    checked = f"{files} file" + ("" if files == 1 else "s")
    if unreadable:
        checked += f", {unreadable} unreadable"
    if not any(counts.values()):
        return f"{'No findings' if unreadable else 'All checks passed'} ({checked})."
    parts = [
        f"{n} {kind}" + ("" if n == 1 else "s")
        for kind, n in (("error", counts["error"]), ("warning", counts["warning"]))
    ]
    parts.append(f"{counts['info']} info")
    return f"Found {', '.join(parts)} in {checked}."


# score and tree ----------------------------------------------------------------------------


def _data(args: argparse.Namespace, plan: Plan, diagnostics: Any = None) -> dict[str, Any]:
    from okrkit.report import report_data

    return report_data(
        plan, at=args.at, policy=args.policy, roll_up=args.roll_up, diagnostics=diagnostics
    )


def cmd_score(args: argparse.Namespace, streams: Streams) -> int:
    """``okrkit score PATH``: a table of objectives and key results with their scores."""
    from okrkit.report import indent, status_label

    plan = _read(args.path, streams, args.input_format)
    data = _data(args, plan)
    paint = _colorizer(args.color, streams.stdout, streams.environ)
    header = ("", "value", "progress", "score", "grade", "status")
    rows: list[tuple[tuple[str, ...], str | None]] = []
    for obj in data["objectives"]:
        space = indent(obj["depth"], "  ")
        rows.append((_score_cells(space + terminal(obj["id"]), obj, status_label), "bold"))
        rows.extend(
            (_score_cells(f"{space}  - {terminal(kr['id'])}", kr, status_label), None)
            for kr in obj["key_results"]
        )
    widths = [max([len(header[i])] + [len(r[i]) for r, _ in rows]) for i in range(len(header))]
    out = streams.stdout
    out.write(f"Scores as of {data['as_of']}, policy {data['policy']}, roll-up {data['roll_up']}\n")
    out.write(_line(header, widths).rstrip() + "\n")
    for cells, style in rows:
        text = _line(cells, widths)
        color = cells[4].rsplit("(", 1)[-1].rstrip(")") if cells[4] != "–" else None
        # Colour the grade cell only; its words carry the meaning without colour.
        start = sum(w + 2 for w in widths[:4])
        text = (
            paint(text[:start], style)
            + paint(cells[4].ljust(widths[4]), color)
            + paint(text[start + widths[4] :], style)
        )
        out.write(text.rstrip() + "\n")
    if data["alignment_problems"]:
        for problem in data["alignment_problems"]:
            streams.stderr.write(f"okrkit: {terminal(args.path)}: {terminal(problem)}\n")
    return 0


def _score_cells(
    name: str, row: dict[str, Any], label: Callable[[str | None], str]
) -> tuple[str, ...]:
    from okrkit.report import number_text, percent_text, score_text

    g = row["grade"]
    return (
        name,
        number_text(row["value"], row["unit"], terminal) if "value" in row else "",
        percent_text(row["progress"]) if "progress" in row else "",
        score_text(row["score"]),
        "–" if g is None else f"{g['label']} ({g['color']})",
        label(row["status"]),
    )


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    left = cells[0].ljust(widths[0])
    middle = [cells[i].rjust(widths[i]) for i in (1, 2, 3)]
    right = [cells[i].ljust(widths[i]) for i in (4, 5)]
    return "  ".join([left, *middle, *right])


def cmd_tree(args: argparse.Namespace, streams: Streams) -> int:
    """``okrkit tree PATH``: the alignment tree drawn as text, with scores."""
    from okrkit.report import INDENT_LEVELS, depth_marker, score_text, status_label
    from okrkit.tree import AlignmentTree

    plan = _read(args.path, streams, args.input_format)
    try:
        AlignmentTree.from_plan(plan)
    except AlignmentError as error:
        raise _InputError(args.path, _problems(error)) from None
    data = _data(args, plan)
    paint = _colorizer(args.color, streams.stdout, streams.environ)
    objectives = data["objectives"]
    # Whether each objective is the last of its siblings: walking backwards, a sibling at
    # the same depth seen since the last shallower one means it is not.
    last = [False] * len(objectives)
    seen: list[bool] = []
    for k in range(len(objectives) - 1, -1, -1):
        depth = objectives[k]["depth"]
        del seen[depth + 1 :]
        seen.extend([False] * (depth + 1 - len(seen)))
        last[k] = not seen[depth]
        seen[depth] = True
    open_levels: list[bool] = []  # per ancestor depth: does a later sibling still follow?
    path: list[str] = []  # the ids from the root down to the objective
    for k, obj in enumerate(objectives):
        depth = obj["depth"]
        del open_levels[depth:]
        del path[depth:]
        if depth == 0:
            prefix = ""
        else:
            # Past INDENT_LEVELS the branches are not drawn, the depth is written instead:
            # drawing them all would make a deep chain's output grow with its square.
            shown = open_levels[1:INDENT_LEVELS]
            prefix = "".join("│   " if more else "    " for more in shown) + depth_marker(depth)
            prefix += "└── " if last[k] else "├── "
        open_levels.append(not last[k])
        g = obj["grade"]
        grade_text = paint("–" if g is None else g["label"], None if g is None else g["color"])
        via = ""
        if depth and obj["aligned_to"] != path[-1]:
            via = f" (via {terminal(obj['aligned_to'])})"
        path.append(obj["id"])
        streams.stdout.write(
            f"{prefix}{paint(terminal(obj['id']), 'bold')}  {score_text(obj['score'])} "
            f"{grade_text}, {status_label(obj['status'])}{via}  {terminal(obj['title'])}\n"
        )
    return 0


# report, convert, schema, parse, new -------------------------------------------------------


def cmd_report(args: argparse.Namespace, streams: Streams) -> int:
    """``okrkit report PATH``: a Markdown, HTML or JSON report, with the rules' findings."""
    from okrkit.report import render
    from okrkit.rules import validate

    plan = _read(args.path, streams, args.input_format)
    config = _config(args, args.path, {})
    diagnostics = validate(plan, config, today=args.at)
    text = render(
        plan,
        args.format,
        at=args.at,
        policy=args.policy,
        roll_up=args.roll_up,
        diagnostics=diagnostics,
    )
    _write(text, args.output, streams, inputs=(args.path, *_config_files(args, args.path)))
    return 0


def _config_files(args: argparse.Namespace, path: str) -> list[str]:
    """The configuration file a command on *path* reads: ``--config``, else the one found."""
    from okrkit.rules import RuleConfig

    if args.config is not None:
        return [args.config]
    found = RuleConfig.locate(Path.cwd() if path == "-" else Path(path).parent)
    return [] if found is None else [str(found)]


def cmd_convert(args: argparse.Namespace, streams: Streams) -> int:
    """``okrkit convert SRC DST``: rewrite a plan in the format DST's suffix names."""
    from okrkit import formats

    plan = _read(args.source, streams, args.input_format)
    target = args.to
    if target is None:
        if args.destination == "-":
            raise _InputError("-", ["writing to standard output needs --to FORMAT"])
        suffix = Path(args.destination).suffix.lower()
        if suffix not in formats.SUFFIXES:
            known = ", ".join(formats.SUFFIXES)
            raise _InputError(
                args.destination,
                [f"unknown file type {suffix or '(none)'!r}: expected one of {known}"],
            )
        target = formats.SUFFIXES[suffix]
    _refuse_in_place(args, target)
    try:
        text = formats.dumps(plan, target)
    except OKRError as error:
        raise _InputError(args.destination, _problems(error)) from None
    _write(text, args.destination, streams)
    return 0


def _refuse_in_place(args: argparse.Namespace, target: str) -> None:
    """Refuse `convert` onto its own source in another format: that replaces the plan.

    Rewriting a file in its own format (normalising it) is safe; in another format (``--to
    csv``, say) it would leave a file whose suffix says one format and whose text another,
    and lose what that format cannot hold.
    """
    from okrkit._files import same_file
    from okrkit.formats import SUFFIXES

    if "-" in (args.source, args.destination) or not same_file(args.destination, args.source):
        return
    source = args.input_format or SUFFIXES.get(Path(args.source).suffix.lower())
    if source != target:
        raise _InputError(
            args.destination,
            [
                (
                    f"is the input, a {source} file: writing it as {target} would replace the "
                    "plan (write to another file)"
                )
            ],
        )


def cmd_schema(args: argparse.Namespace, streams: Streams) -> int:
    """``okrkit schema``: the JSON Schema of the document."""
    from okrkit.formats import json_schema

    _write(json.dumps(json_schema(), indent=2) + "\n", args.output, streams)
    return 0


def cmd_parse(args: argparse.Namespace, streams: Streams) -> int:
    """``okrkit parse STATEMENT``: what okrkit reads in a key result (or objective) statement."""
    from okrkit import text

    if args.objective:
        parsed: Any = text.parse_objective(args.statement)
        fields = {"numeric": parsed.numeric, "output": parsed.output, "words": parsed.words}
    else:
        parsed = text.parse_key_result(args.statement)
        fields = {
            name: getattr(parsed, name)
            for name in (
                "direction",
                "form",
                "value",
                "upper",
                "start",
                "relative",
                "unit",
                "metric",
                "deadline",
                "measurable",
                "output",
                "ambiguities",
            )
        }
        fields["direction"] = None if parsed.direction is None else parsed.direction.value
    if args.format == "json":
        streams.stdout.write(json.dumps({"text": args.statement, **fields}, indent=2) + "\n")
        return 0
    for name, value in fields.items():
        if value is None or value == () or (value is False and name in ("relative", "output")):
            continue
        if isinstance(value, bool):
            shown = "yes" if value else "no"
        elif isinstance(value, tuple):
            shown = "; ".join(value)
        else:
            shown = str(value)
        streams.stdout.write(f"{name}: {terminal(shown)}\n")
    return 0


def _template(today: date) -> Plan:
    """A plan to start from: one objective for the quarter holding *today*, three key results."""
    from okrkit.cycles import Cycle
    from okrkit.model import KeyResult, Objective

    quarter = Cycle.containing(today)
    return Plan(
        objectives=[
            Objective(
                id="delight-customers",
                title="Delight the customers who rely on us every day",
                owner="your-team",
                cycle=quarter,
                key_results=[
                    KeyResult(
                        id="nps",
                        title="Raise NPS from 32 to 45",
                        direction="increase",
                        start=32,
                        target=45,
                        owner="your-name",
                    ),
                    KeyResult(
                        id="first-response",
                        title="Cut median first response time from 9h to 2h",
                        direction="decrease",
                        start=9,
                        target=2,
                        unit="h",
                        owner="your-name",
                    ),
                    KeyResult(
                        id="churn",
                        title="Reduce monthly churn from 3% to 2%",
                        direction="decrease",
                        start=3,
                        target=2,
                        unit="%",
                        owner="your-name",
                    ),
                ],
            )
        ]
    )


def cmd_new(args: argparse.Namespace, streams: Streams) -> int:
    """``okrkit new``: a template plan for the current quarter, in YAML or JSON."""
    from okrkit import formats

    if args.output not in (None, "-"):
        # Before --force: it cannot make a folder a file, and saying it might would mislead.
        if os.path.isdir(args.output):
            raise _InputError(
                args.output, ["is a directory: expected a file to write the template to"]
            )
        if not args.force and os.path.lexists(args.output):
            raise _InputError(args.output, ["already exists: pass --force to overwrite it"])
    plan = _template(args.today or date.today())
    try:
        text = formats.dumps(plan, args.format)
    except OKRError as error:
        raise _InputError(args.output or "-", _problems(error)) from None
    _write(text, args.output, streams)
    return 0


# The parser --------------------------------------------------------------------------------

_FORMAT_NAMES = ("json", "yaml", "toml", "csv", "markdown")


def _version() -> str:
    from okrkit import __version__

    return f"okrkit {__version__}"


def _sub(
    subs: Any, name: str, handler: Callable[[argparse.Namespace, Streams], int], examples: str
) -> argparse.ArgumentParser:
    doc = (handler.__doc__ or "").split(": ", 1)[-1]
    parser: argparse.ArgumentParser = subs.add_parser(
        name,
        help=doc,
        description=doc[:1].upper() + doc[1:],
        epilog="examples:\n" + examples,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(handler=handler)
    return parser


def _scoring_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--at", type=_date, metavar="DATE", help="as of this date (default: today)")
    parser.add_argument(
        "--policy",
        default="linear",
        choices=("linear", "google", "stepped", "binary"),
        help="the scoring policy (default: linear)",
    )
    parser.add_argument(
        "--roll-up",
        default="key_results",
        choices=("key_results", "children", "both"),
        help="where objectives' scores come from (default: key_results)",
    )


def _input_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--input-format",
        choices=_FORMAT_NAMES,
        metavar="FORMAT",
        help="the input's format (default: from the suffix; '-' reads JSON or YAML)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``okrkit`` command."""
    parser = argparse.ArgumentParser(
        prog="okrkit",
        description="Objectives and Key Results: check, score and report OKR files.",
        epilog="Run 'okrkit COMMAND --help' for a command's options and examples.",
    )
    parser.add_argument("--version", action="version", version=_version())
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour output: auto (on a terminal, unless NO_COLOR is set), always or never",
    )
    subs = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    check = _sub(
        subs,
        "check",
        cmd_check,
        "  okrkit check okrs.yaml\n"
        "  okrkit check okrs/*.yaml --select OKR1,OKR2 --ignore OKR203\n"
        "  cat okrs.json | okrkit check - --format json\n"
        "  okrkit check okrs.yaml --format github   # annotations in GitHub Actions\n",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="files to check ('-': stdin)")
    check.add_argument(
        "--select", type=_selection, metavar="CODES", help="only these codes/prefixes"
    )
    check.add_argument("--ignore", type=_codes, metavar="CODES", help="skip these codes/prefixes")
    check.add_argument("--format", choices=("text", "json", "github"), default="text")
    check.add_argument(
        "--config", metavar="FILE", help="a pyproject.toml or okrkit.toml (default: the nearest)"
    )
    check.add_argument(
        "--today", type=_date, metavar="DATE", help="the day the time rules judge by"
    )
    _input_format(check)

    score = _sub(
        subs,
        "score",
        cmd_score,
        "  okrkit score okrs.yaml\n  okrkit score okrs.yaml --at 2026-08-31 --policy google\n",
    )
    score.add_argument("path", metavar="PATH")
    _scoring_options(score)
    _input_format(score)

    tree = _sub(
        subs, "tree", cmd_tree, "  okrkit tree okrs.yaml\n  okrkit tree okrs.yaml --roll-up both\n"
    )
    tree.add_argument("path", metavar="PATH")
    _scoring_options(tree)
    _input_format(tree)

    report = _sub(
        subs,
        "report",
        cmd_report,
        "  okrkit report okrs.yaml --format md\n"
        "  okrkit report okrs.yaml --format html -o report.html\n"
        "  okrkit report okrs.yaml --format json --at 2026-08-31\n",
    )
    report.add_argument("path", metavar="PATH")
    report.add_argument("--format", choices=("md", "html", "json"), default="md")
    report.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    report.add_argument(
        "--config", metavar="FILE", help="rule configuration (default: the nearest)"
    )
    _scoring_options(report)
    _input_format(report)

    convert = _sub(
        subs,
        "convert",
        cmd_convert,
        "  okrkit convert okrs.yaml okrs.json\n  okrkit convert okrs.md - --to yaml\n",
    )
    convert.add_argument("source", metavar="SRC", help="the file to read ('-': stdin)")
    convert.add_argument("destination", metavar="DST", help="the file to write ('-': stdout)")
    convert.add_argument("--to", choices=_FORMAT_NAMES, help="DST's format (default: its suffix)")
    _input_format(convert)

    schema = _sub(subs, "schema", cmd_schema, "  okrkit schema -o okrkit.schema.json\n")
    schema.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")

    parse = _sub(
        subs,
        "parse",
        cmd_parse,
        '  okrkit parse "Reduce churn from 5% to 4%"\n'
        '  okrkit parse --objective "Launch the new mobile app"\n',
    )
    parse.add_argument("statement", metavar="STATEMENT")
    parse.add_argument("--objective", action="store_true", help="read it as an objective")
    parse.add_argument("--format", choices=("text", "json"), default="text")

    new = _sub(
        subs,
        "new",
        cmd_new,
        "  okrkit new > okrs.yaml\n  okrkit new --format json -o okrs.json --force\n",
    )
    new.add_argument("--format", choices=("yaml", "json"), default="yaml")
    new.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    new.add_argument("--force", action="store_true", help="overwrite the output file if it exists")
    new.add_argument("--today", type=_date, metavar="DATE", help="the day whose quarter to use")
    return parser


def _complain(error: _InputError, streams: Streams) -> None:
    for problem in error.problems or ("cannot be read",):
        streams.stderr.write(f"okrkit: {terminal(error.file)}: {terminal(problem)}\n")


def run(argv: Sequence[str] | None = None, streams: Streams | None = None) -> int:
    """Run the ``okrkit`` command with *argv* (default: the process's) and return its status."""
    streams = Streams() if streams is None else streams
    parser = build_parser()
    try:
        with contextlib.redirect_stdout(streams.stdout), contextlib.redirect_stderr(streams.stderr):
            args = parser.parse_args(sys.argv[1:] if argv is None else list(argv))
    except SystemExit as stop:  # --help, --version, or a usage error (status 2)
        return stop.code if isinstance(stop.code, int) else 2
    try:
        status: int = args.handler(args, streams)
    except _InputError as error:
        _complain(error, streams)
        return 2
    except BrokenPipeError:  # `okrkit report ... | head`: the reader left, nothing to say
        return 0
    except (OKRError, OSError, UnicodeDecodeError) as error:
        # What the handlers did not attribute to a file of their own.
        _complain(_InputError(_subject(args), _problems(error)), streams)
        return 2
    return status


def _subject(args: argparse.Namespace) -> str:
    """The file a command reads, to name in an error no handler named (``okrkit`` if unsure)."""
    paths: Sequence[str] = getattr(args, "paths", None) or []  # check's; of several, which?
    path = getattr(args, "path", None) or getattr(args, "source", None)
    if path is None and len(paths) == 1:
        path = paths[0]
    if path is None:
        return "okrkit"
    return "<stdin>" if path == "-" else str(path)
