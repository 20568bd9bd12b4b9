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

import contextlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from okrkit._escape import terminal

# The command is written in one private module per job: _io (streams, reading and writing,
# complaints, colour), _config (the rules' configuration), _check, _show and _documents (the
# commands), and _parser (the arguments); this module runs it.  The handlers (cmd_*) stay
# importable from here, where they were defined when the command was one module.
from okrkit.cli._check import cmd_check as cmd_check
from okrkit.cli._documents import cmd_convert as cmd_convert
from okrkit.cli._documents import cmd_new as cmd_new
from okrkit.cli._documents import cmd_schema as cmd_schema
from okrkit.cli._io import InputError, Streams, complain, input_name, problems
from okrkit.cli._parser import build_parser
from okrkit.cli._show import cmd_parse as cmd_parse
from okrkit.cli._show import cmd_report as cmd_report
from okrkit.cli._show import cmd_score as cmd_score
from okrkit.cli._show import cmd_tree as cmd_tree
from okrkit.errors import OKRError, exception_text

if TYPE_CHECKING:
    import argparse

__all__ = ["Streams", "build_parser", "run"]


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
        streams.stdout.flush()  # a full disk says so here, not as the interpreter exits
    except InputError as error:
        complain(error, streams)
        return 2
    except BrokenPipeError:  # `okrkit report ... | head`: the reader left, nothing to say
        return 0
    except KeyboardInterrupt:  # Ctrl-C: one line, and the status a shell gives SIGINT
        streams.stderr.write("okrkit: interrupted\n")
        return 130
    except (OKRError, OSError, UnicodeDecodeError) as error:
        # What the handlers did not attribute to a file of their own.  They attribute what
        # reading and writing files raises: an OSError naming no file is standard output's.
        unnamed = isinstance(error, OSError) and error.filename is None
        complain(InputError("<stdout>" if unnamed else _subject(args), problems(error)), streams)
        return 2
    except Exception as error:
        # A bug in okrkit: one line saying so, not a traceback (OKRKIT_DEBUG=1 shows it).
        if streams.environ.get("OKRKIT_DEBUG"):
            raise
        streams.stderr.write(
            f"okrkit: internal error, a bug in okrkit: {terminal(exception_text(error))} "
            "(run with OKRKIT_DEBUG=1 for the traceback, and please report it with its input)\n"
        )
        return INTERNAL_ERROR
    return status


# The exit status of a bug in okrkit, as sysexits.h names it (EX_SOFTWARE).
INTERNAL_ERROR = 70


def _subject(args: argparse.Namespace) -> str:
    """The file a command reads, to name in an error no handler named (``okrkit`` if unsure)."""
    paths: Sequence[str] = getattr(args, "paths", None) or []  # check's; of several, which?
    path = getattr(args, "path", None) or getattr(args, "source", None)
    if path is None and len(paths) == 1:
        path = paths[0]
    if path is None:
        return "okrkit"
    return input_name(path)
