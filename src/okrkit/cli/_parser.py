"""The ``okrkit`` command's arguments: its options, its subcommands and their help.

Each subcommand's one-line help is its handler's docstring after the colon.
"""

from __future__ import annotations

import argparse
import inspect
import math
import re
import sys
from collections.abc import Callable
from datetime import date
from typing import Any, get_args

from okrkit.cli._check import cmd_check
from okrkit.cli._documents import cmd_check_in, cmd_convert, cmd_new, cmd_schema
from okrkit.cli._history import cmd_diff, cmd_retro, cmd_roll_over
from okrkit.cli._io import ColorChoice, Streams
from okrkit.cli._show import cmd_parse, cmd_report, cmd_score, cmd_tree
from okrkit.formats import FORMATS
from okrkit.scoring import PolicyName
from okrkit.tree import RollUp

__all__ = ["build_parser"]


def _version() -> str:
    from okrkit import __version__

    return f"okrkit {__version__}"


def _sub(
    subs: Any, name: str, handler: Callable[[argparse.Namespace, Streams], int], examples: str
) -> argparse.ArgumentParser:
    # The handler's docstring, as a terminal shows it: its indentation and reST's literal
    # marks dropped (``--lossy`` is --lossy), its first paragraph the command list's line.
    doc = inspect.cleandoc(handler.__doc__ or "").split(": ", 1)[-1].replace("``", "")
    summary = " ".join(doc.split("\n\n", 1)[0].split())
    parser: argparse.ArgumentParser = subs.add_parser(
        name,
        help=summary,
        description=doc[:1].upper() + doc[1:],
        epilog="examples:\n" + examples,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(handler=handler)
    return parser


def _scored_plan(parser: argparse.ArgumentParser) -> None:
    """The options of a command that scores the plan at PATH: how to read it and score it."""
    parser.add_argument("path", metavar="PATH")
    _at(parser, "as of this date (default: today)")
    _scoring(parser)
    _input_format(parser)


def _scoring(parser: argparse.ArgumentParser) -> None:
    """``--policy`` and ``--roll-up``: how a command scores the plans it reads."""
    parser.add_argument(
        "--policy",
        default="linear",
        choices=get_args(PolicyName),
        help="the scoring policy (default: linear)",
    )
    parser.add_argument(
        "--roll-up",
        default="key_results",
        choices=get_args(RollUp),
        help="where objectives' scores come from (default: key_results)",
    )


def _quiet(parser: argparse.ArgumentParser) -> None:
    """``-q``: no notes of what the scores leave out (warnings and errors are still said)."""
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no notes on stderr of what the scores leave out (warnings and errors stay)",
    )


def _at(
    parser: argparse.ArgumentParser, help: str, *, dest: str = "at", renamed: bool = False
) -> None:
    """``--at DATE``, the one name of the day on every command that takes one; *renamed*:
    with ``--today``, its old name on ``check`` and ``new``, hidden and warned about."""
    given = parser.add_mutually_exclusive_group()
    given.add_argument("--at", type=_date, metavar="DATE", dest=dest, help=help)
    if renamed:  # until the release after 0.1
        given.add_argument(
            "--today", type=_date, dest=dest, action=_Renamed, help=argparse.SUPPRESS
        )


class _Renamed(argparse.Action):
    """An option's old name: it does what the new one does, and says so on standard error."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        if not getattr(namespace, "_warned", False):  # once, however often it is given
            sys.stderr.write(
                f"okrkit: warning: {option_string} is deprecated and will be removed in the"
                " next release: use --at\n"
            )
            namespace._warned = True
        setattr(namespace, self.dest, values)


def _output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")


def _rules(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules",
        metavar="MODULE:NAME",
        help="run the rules of the RuleRegistry NAME in MODULE, imported from the current"
        " directory or the installed packages (default: the built-in rules)",
    )


def _input_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--input-format",
        choices=FORMATS,
        metavar="FORMAT",
        help="the input's format (default: from the suffix; '-' reads JSON or YAML)",
    )
    parser.add_argument(
        "--read-statements",
        action="store_true",
        help="give each key result's empty direction, start, target and unit what its"
        " statement says (okrkit parse reads them); what is typed is kept",
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
        choices=get_args(ColorChoice),
        default="auto",
        help="colour output: auto (on a terminal, unless NO_COLOR is set), always or never",
    )
    subs = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    check = _sub(
        subs,
        "check",
        cmd_check,
        "  okrkit check okrs.yaml\n"
        "  okrkit check okrs/ --select OKR1,OKR2 --ignore OKR203\n"
        "  cat okrs.json | okrkit check - --format json\n"
        "  okrkit check . --format github   # annotations in GitHub Actions\n"
        "  okrkit check . --format sarif > okrkit.sarif   # for code scanning\n",
    )
    check.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files, or folders to search for OKR files (honouring .gitignore); '-': stdin",
    )
    check.add_argument(
        "--select", type=_selection, metavar="CODES", help="only these codes/prefixes"
    )
    check.add_argument("--ignore", type=_codes, metavar="CODES", help="skip these codes/prefixes")
    check.add_argument("--format", choices=("text", "json", "github", "sarif"), default="text")
    check.add_argument(
        "--config", metavar="FILE", help="a pyproject.toml or okrkit.toml (default: the nearest)"
    )
    _at(check, "the day the time rules judge by (default: today)", renamed=True)
    _rules(check)
    _input_format(check)

    score = _sub(
        subs,
        "score",
        cmd_score,
        "  okrkit score okrs.yaml\n  okrkit score okrs.yaml --at 2026-08-31 --policy google\n",
    )
    _scored_plan(score)
    _quiet(score)

    tree = _sub(
        subs, "tree", cmd_tree, "  okrkit tree okrs.yaml\n  okrkit tree okrs.yaml --roll-up both\n"
    )
    _scored_plan(tree)
    _quiet(tree)

    report = _sub(
        subs,
        "report",
        cmd_report,
        "  okrkit report okrs.yaml --format md\n"
        "  okrkit report okrs.yaml --format html -o report.html\n"
        "  okrkit report okrs.yaml --format json --at 2026-08-31\n",
    )
    report.add_argument("--format", choices=("md", "html", "json"), default="md")
    _output(report)
    report.add_argument(
        "--config", metavar="FILE", help="rule configuration (default: the nearest)"
    )
    _rules(report)
    _scored_plan(report)

    convert = _sub(
        subs,
        "convert",
        cmd_convert,
        "  okrkit convert okrs.yaml okrs.json\n"
        "  okrkit convert okrs.yaml okrs.csv   # and okrs.check-ins.csv, ... beside it\n"
        "  okrkit convert okrs.yaml - --to csv --lossy\n",
    )
    convert.add_argument("source", metavar="SRC", help="the file to read ('-': stdin)")
    convert.add_argument("destination", metavar="DST", help="the file to write ('-': stdout)")
    convert.add_argument("--to", choices=FORMATS, help="DST's format (default: its suffix)")
    convert.add_argument(
        "--lossy",
        action="store_true",
        help="write what DST's format holds and drop the rest (default: refuse, naming it)",
    )
    _input_format(convert)

    check_in = _sub(
        subs,
        "check-in",
        cmd_check_in,
        "  okrkit check-in okrs.yaml churn 4.4\n"
        '  okrkit check-in okrs.md nps 41 --at 2026-08-03 --confidence 0.6 --note "Survey in"\n',
    )
    check_in.add_argument(
        "file", metavar="FILE", help="the plan's file (YAML, TOML, JSON, Markdown)"
    )
    check_in.add_argument("key_result", metavar="KR", help="the key result's id")
    check_in.add_argument("value", metavar="VALUE", type=_value, help="the value measured")
    check_in.add_argument(
        "--at",
        type=_when,
        metavar="WHEN",
        help="its day, or day and time with a UTC offset (default: today)",
    )
    check_in.add_argument(
        "--confidence", type=_confidence, metavar="C", help="how sure the owner is, 0 to 1"
    )
    check_in.add_argument("--note", metavar="TEXT", help="a note")
    check_in.add_argument("--author", metavar="NAME", help="who checked in")
    check_in.add_argument(
        "--input-format",
        choices=("json", "yaml", "toml", "markdown"),
        metavar="FORMAT",
        help="FILE's format (default: from its suffix)",
    )

    changes = _sub(
        subs,
        "diff",
        cmd_diff,
        "  okrkit diff HEAD~1:okrs.yaml okrs.yaml\n"
        "  okrkit diff old.yaml new.yaml --format markdown > comment.md\n",
    )
    changes.add_argument("old", metavar="OLD", help="a file, or REV:PATH from git")
    changes.add_argument("new", metavar="NEW", help="a file, or REV:PATH from git")
    _at(changes, "compare scores and statuses as of this date (default: today)")
    changes.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help="(default: text)"
    )
    changes.add_argument(
        "--input-format",
        choices=FORMATS,
        metavar="FORMAT",
        help="both sides' format (default: from each suffix)",
    )

    roll = _sub(
        subs,
        "roll-over",
        cmd_roll_over,
        "  okrkit roll-over okrs/2026-Q3.yaml --to 2026-Q4 -o okrs/2026-Q4.yaml\n",
    )
    roll.add_argument("file", metavar="FILE", help="this cycle's plan ('-': stdin)")
    roll.add_argument("--to", required=True, metavar="CYCLE", help="the next cycle (2026-Q4)")
    _at(roll, "what is unfinished as of this date (default: today)")
    _output(roll)
    _quiet(roll)
    roll.add_argument(
        "--input-format",
        choices=FORMATS,
        metavar="FORMAT",
        help="FILE's format (default: from its suffix; '-' reads JSON or YAML)",
    )

    retro = _sub(
        subs,
        "retro",
        cmd_retro,
        "  okrkit retro okrs/2026-Q3.yaml okrs/2026-Q4.yaml --git-history\n"
        "  okrkit retro HEAD~20:okrs.yaml HEAD:okrs.yaml -o retro.html\n",
    )
    retro.add_argument(
        "files", nargs="+", metavar="FILE", help="a plan: a file, or REV:PATH from git"
    )
    _at(retro, "score as of this date: cycles that end after it are left out (default: today)")
    retro.add_argument(
        "--git-history",
        action="store_true",
        help="also read every version of each FILE that git has committed, oldest first, so"
        " that targets moved between them are counted",
    )
    retro.add_argument(
        "--format",
        choices=("md", "html", "json"),
        help="(default: from -o's suffix, .html or .json; else md)",
    )
    retro.add_argument(
        "--title", default="Retrospective", help="the report's title (default: Retrospective)"
    )
    _output(retro)
    _quiet(retro)
    retro.add_argument("--config", metavar="FILE", help="rule configuration (default: the nearest)")
    _scoring(retro)
    retro.add_argument(
        "--input-format",
        choices=FORMATS,
        metavar="FORMAT",
        help="every plan's format (default: from each suffix)",
    )

    schema = _sub(subs, "schema", cmd_schema, "  okrkit schema -o okrkit.schema.json\n")
    _output(schema)

    parse = _sub(
        subs,
        "parse",
        cmd_parse,
        '  okrkit parse "Reduce churn from 5% to 4%"\n'
        '  okrkit parse --objective "Launch the new mobile app"\n',
    )
    parse.add_argument("statement", type=_statement, metavar="STATEMENT")
    parse.add_argument("--objective", action="store_true", help="read it as an objective")
    parse.add_argument("--format", choices=("text", "json"), default="text")

    new = _sub(
        subs,
        "new",
        cmd_new,
        "  okrkit new > okrs.yaml\n  okrkit new -o okrs.md\n"
        "  okrkit new --format json -o okrs.json --force\n",
    )
    new.add_argument(
        "--format",
        choices=("yaml", "json"),
        help="the format on standard output (default: yaml); a file's is its suffix's",
    )
    _output(new)
    new.add_argument("--force", action="store_true", help="overwrite the output file if it exists")
    # `new`'s handler reads the day as args.today, the option's name before --at.
    _at(new, "the day whose quarter to use (default: today)", dest="today", renamed=True)
    return parser


# Argument types ----------------------------------------------------------------------------


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date such as 2026-08-31, got {text!r}"
        ) from None


_NUMBER = re.compile(
    r"[+-]?(?:[0-9]{1,400}(?:\.[0-9]{0,400})?|\.[0-9]{1,400})(?:[eE][+-]?[0-9]{1,4})?"
)


def _value(text: str) -> str:
    """A check-in's value as typed (``12``, ``4.60``, ``-1e3``): a number, kept as text for
    `okrkit.cli._documents` to make an int, or a decimal as exact as the key result's."""
    text = text.strip()
    if not _NUMBER.fullmatch(text) or not math.isfinite(float(text)):
        raise argparse.ArgumentTypeError(f"expected a number such as 4.6, got {text!r}")
    if float(text) == 0 and any(c in "123456789" for c in text.partition("e")[0].lower()):
        raise argparse.ArgumentTypeError(f"expected a number such as 4.6, got {text!r} (too small)")
    return text


def _confidence(text: str) -> float:
    value = float(_value(text))
    if not 0 <= value <= 1:
        # A slip on a scale of ten or of a hundred: 7 meant 0.7, 70 meant 0.7 too.
        scale = 10 if value <= 10 else 100
        hint = f" (did you mean {value / scale:g}?)" if 1 < value <= 100 else ""
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {text!r}{hint}")
    return int(value) if value in (0, 1) and "." not in text else value


def _when(text: str) -> date:
    """A check-in's day, or its day and time with a UTC offset (``2026-08-03T09:30+02:00``)."""
    if "T" not in text and " " not in text.strip():
        return _date(text)
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        moment = None
    if moment is None or moment.utcoffset() is None:
        raise argparse.ArgumentTypeError(
            f"expected a date such as 2026-08-31, or a date and time with its UTC offset such"
            f" as 2026-08-31T09:30+02:00, got {text!r}"
        )
    return moment


def _statement(text: str) -> str:
    """``parse``'s statement: some words, since an empty one reads as nothing at all."""
    if not text.strip():
        raise argparse.ArgumentTypeError(f"expected a statement to read, got {text!r}")
    return text


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
