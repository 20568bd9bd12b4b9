"""Where the command reads and writes: its streams, plans in and out, complaints, and colour.

Input that cannot be used is an `InputError`, reported as one line per problem,
``okrkit: <file>: <problem>``, by `complain`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Literal, TypeAlias

import attrs

from okrkit._escape import terminal
from okrkit.errors import AlignmentError, DirectoryError, FileError, FormatError, OKRError

if TYPE_CHECKING:
    from okrkit.formats import FormatName
    from okrkit.model import Plan

__all__ = [
    "ColorChoice",
    "InputError",
    "Paint",
    "Streams",
    "colorizer",
    "complain",
    "input_name",
    "isatty",
    "placed",
    "problems",
    "read_plan",
    "suffix_format",
    "write_output",
    "write_plan",
]

ColorChoice: TypeAlias = Literal["auto", "always", "never"]


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


class InputError(Exception):
    """Input that cannot be used: each problem is reported as ``okrkit: <file>: <problem>``.

    *places* gives, problem by problem, where in the file it is (``12:7``), when known:
    the problem is then reported at ``<file>:12:7``.
    """

    def __init__(
        self, file: str, problems: Sequence[str], places: Sequence[str | None] = ()
    ) -> None:
        super().__init__(file)
        self.file = file
        self.problems = tuple(problems)
        self.places = tuple(places) + (None,) * (len(self.problems) - len(places))


def problems(error: BaseException, *, file: str | None = None) -> list[str]:
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


def complain(error: InputError, streams: Streams) -> None:
    """Report *error* on standard error, a line per problem."""
    said = zip(error.problems or ("cannot be read",), error.places or (None,), strict=True)
    for problem, place in said:
        where = error.file if place is None else f"{error.file}:{place}"
        streams.stderr.write(f"okrkit: {terminal(where)}: {terminal(problem)}\n")


def placed(error: BaseException, file: str) -> InputError:
    """The `InputError` of *error*, raised reading *file*: each problem at its line and
    column in the file when known, as ``okrkit: <file>:12:7: <problem>``."""
    if not isinstance(error, FormatError):
        return InputError(file, problems(error))
    lines: list[str] = []
    places: list[str | None] = []
    for problem in error.details:
        place = None
        if problem.line is not None and problem.file in (None, file):
            place = str(problem.line) + ("" if problem.column is None else f":{problem.column}")
            # Said as the problem says itself in the file, less the file and place said first.
            text = str(attrs.evolve(problem, file=file)).removeprefix(f"{file}:{place}: ")
        else:
            text = str(attrs.evolve(problem, file=None) if problem.file == file else problem)
        lines.append(text.replace("\n", " "))
        places.append(place)
    return InputError(file, lines, places)


# Colour ------------------------------------------------------------------------------------

_CODES = {"red": "31", "yellow": "33", "green": "32", "bold": "1", "dim": "2"}


Paint: TypeAlias = Callable[[str, str | None], str]
"""Text in a style (``"red"``, ``"bold"``...): with terminal codes, or as it is."""


def colorizer(choice: ColorChoice, streams: Streams) -> Paint:
    """Colour for standard output: always, never, or (auto) on a terminal when NO_COLOR is unset."""
    if choice == "always":
        on = True
    elif choice == "never":
        on = False
    else:
        # https://no-color.org: a NO_COLOR that is present and not empty turns colour off.
        on = isatty(streams.stdout) and not streams.environ.get("NO_COLOR")
    return _styled if on else _plain


def isatty(stream: IO[str]) -> bool:
    """Whether *stream* is a terminal (False for a closed or stream-like object)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or stream-like object
        return False


def _styled(text: str, style: str | None) -> str:
    code = _CODES.get(style or "")
    return text if code is None else f"\x1b[{code}m{text}\x1b[0m"


def _plain(text: str, style: str | None) -> str:
    return text


# Reading -----------------------------------------------------------------------------------


def input_name(path: str) -> str:
    """*path* as messages name it: ``<stdin>`` for ``-``."""
    return "<stdin>" if path == "-" else path


def _format_of(path: str, given: FormatName | None, data: bytes) -> FormatName:
    if given is not None:
        return given
    if path == "-":
        # Standard input has no suffix: JSON when it looks like it, else YAML.
        # (A UTF-8 byte order mark may come first.)
        return "json" if data.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{") else "yaml"
    return suffix_format(path)


def suffix_format(path: str) -> FormatName:
    """The format *path*'s suffix names; `InputError` for a suffix okrkit does not know."""
    from okrkit.formats import SUFFIXES

    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        known = ", ".join(SUFFIXES)
        raise InputError(
            path, [f"unknown file type {suffix or '(none)'!r}: expected one of {known}"]
        )
    return SUFFIXES[suffix]


def read_plan(
    path: str,
    streams: Streams,
    format: FormatName | None = None,
    *,
    named: bool = True,
    statements: bool = False,
) -> Plan:
    """The plan in the file at *path* (``-``: stdin); `InputError` when it cannot be read.

    Only regular files and stdin, each bounded by `okrkit.formats.DEFAULT_MAX_SIZE`; a CSV
    table is read with the files beside it.  A pipe or device the user *named* (as
    ``<(cat okrs.yaml)`` names one) is refused with a hint to give ``-``; one found in a
    folder, which the user never meant to read from, without it.  With *statements*
    (``--read-statements``), each key result's empty direction, start, target and unit get
    what its statement says (`okrkit.text.fill_from_statements`), its findings still placed
    in the file.
    """
    plan = _read_plan(path, streams, format, named=named)
    if not statements:
        return plan
    from okrkit._sources import remember, source_of
    from okrkit.text import fill_from_statements

    filled = fill_from_statements(plan)
    source = source_of(plan)
    if filled is not plan and source is not None:
        # Only fields' values changed: every place is where the file put it.
        remember(filled, source)
    return filled


def _read_plan(path: str, streams: Streams, format: FormatName | None, *, named: bool) -> Plan:
    """`read_plan` without *statements*."""
    from okrkit import formats
    from okrkit._files import read_bytes, read_stream

    name = input_name(path)
    limit = formats.DEFAULT_MAX_SIZE
    data: bytes | None = None
    try:
        if path == "-":
            data = read_stream(streams.stdin, max_size=limit)
        elif (format or formats.SUFFIXES.get(Path(path).suffix.lower())) == "csv":
            # With the files beside the table, as `formats.load` reads them.
            return formats.load(path, format="csv", max_size=limit)
        else:
            data = read_bytes(path, max_size=limit)
        # The plan's source is named as the user named it, for its findings' places.
        return formats.loads(data, _format_of(path, format, data), file=name)
    except FileError as error:
        found = problems(error, file=name)
        if named and error.errno is None:  # a FIFO or a device, as /dev/stdin is
            found = [f"{p} (to read standard input, give '-')" for p in found]
        elif isinstance(error, DirectoryError):
            # `check` reads folders itself; the other commands read one plan.
            found = [
                f"{p} (this command reads one plan file; 'okrkit check' reads folders)"
                for p in found
            ]
        raise InputError(name, found) from None
    except (OKRError, OSError, UnicodeDecodeError) as error:
        failed = placed(error, name)
        if (
            data is not None
            and path == "-"
            and format is None
            and isinstance(error, FormatError)
            and all(p.path == "$" for p in error.details)
        ):
            # Standard input has no suffix to say its format: when it did not read as a
            # document at all, say what it was read as.
            guessed = _format_of(path, None, data)
            hint = (
                f"read as {guessed.upper()}, as standard input is without --input-format"
                " (give --input-format markdown, csv, toml, json or yaml)"
            )
            failed = InputError(name, [*failed.problems, hint], failed.places)
        raise failed from None


# Writing -----------------------------------------------------------------------------------


def write_output(
    text: str, output: str | None, streams: Streams, *, inputs: Sequence[str | None] = ()
) -> None:
    """Write *text* to *output* (stdout for None or ``-``), atomically; never over *inputs*."""
    from okrkit._files import same_file, write_text

    if output is None or output == "-":
        streams.stdout.write(text)
        return
    for source in inputs:
        if source is not None and source != "-" and same_file(output, source):
            raise InputError(
                output, [f"is the input {source}: refusing to write over it (choose another -o)"]
            )
    try:
        write_text(output, text)
    except OSError as error:
        raise InputError(output, problems(error)) from None


def write_plan(
    plan: Plan, format: FormatName, output: str | None, streams: Streams, *, lossy: bool = False
) -> None:
    """Write *plan* in *format* to *output* (stdout for None or ``-``), as `write_output` does.

    A file is written with `okrkit.formats.dump`, so a CSV file has the files that keep the
    rest of the plan beside it; what the format (or, on stdout, its text) would lose is an
    `InputError` naming each thing, unless *lossy*.
    """
    from okrkit import formats

    to_file = output not in (None, "-")
    name = output if output is not None and to_file else "-"
    lost = [] if lossy else formats.losses(plan, format, files=to_file)
    if lost:
        raise InputError(name, [f"{p} (--lossy writes without it)" for p in lost])
    try:
        if to_file:
            formats.dump(plan, name, format=format, lossy=True)
            return
        text = formats.dumps(plan, format, lossy=True)
    except (OKRError, OSError) as error:
        raise InputError(name, problems(error)) from None
    streams.stdout.write(text)
