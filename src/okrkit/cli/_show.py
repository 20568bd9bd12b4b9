"""The commands that show what okrkit makes of its input: scores, the tree, a report, a reading.

``okrkit score`` prints a table and ``okrkit tree`` draws the alignment tree, both from the
rows of `okrkit.scorecards.scorecard`; ``okrkit report`` writes `okrkit.report.render`'s page;
``okrkit parse`` prints what `okrkit.text` reads in a statement.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from okrkit import _display as display
from okrkit._escape import terminal
from okrkit.cli._config import config_files, rule_config, rule_registry, run_rules
from okrkit.cli._io import (
    InputError,
    Streams,
    colorizer,
    complain,
    input_name,
    read_plan,
    write_output,
)
from okrkit.scorecards import KeyResultRow, ObjectiveRow, Scorecard, color, scorecard
from okrkit.scoring import Status

if TYPE_CHECKING:
    import argparse

    from okrkit.model import KeyResult, Plan

__all__ = ["cmd_parse", "cmd_report", "cmd_score", "cmd_tree"]


def _card(args: argparse.Namespace, plan: Plan) -> Scorecard:
    return scorecard(plan, at=args.at, policy=args.policy, roll_up=args.roll_up)


def cmd_score(args: argparse.Namespace, streams: Streams) -> int:
    """``okrkit score PATH``: a table of objectives and key results with their scores and titles."""
    plan = read_plan(args.path, streams, args.input_format, statements=args.read_statements)
    card = _card(args, plan)
    paint = colorizer(args.color, streams)
    header = ("", "value", "progress", "score", "grade", "status", "title")
    rows: list[tuple[tuple[str, ...], str | None, str | None]] = []  # cells, style, colour
    for obj in card:
        space = display.indent(obj.depth, "  ")
        rows.append((_score_cells(space + terminal(obj.id), obj), "bold", color(obj)))
        rows += [
            (_score_cells(f"{space}  - {terminal(kr.id)}", kr), None, color(kr))
            for kr in obj.key_results
        ]
    widths = [max([len(header[i])] + [len(r[i]) for r, _, _ in rows]) for i in range(len(header))]
    out = streams.stdout
    out.write(
        f"Scores as of {card.at.isoformat()}, policy {terminal(card.policy.name)}, "
        f"roll-up {card.roll_up}\n"
    )
    out.write(_line(header, widths).rstrip() + "\n")
    for cells, style, shade in rows:
        text = _line(cells, widths)
        # Colour the grade cell only; its words carry the meaning without colour.
        start = sum(w + 2 for w in widths[:4])
        text = (
            paint(text[:start], style)
            + paint(cells[4].ljust(widths[4]), shade)
            + paint(text[start + widths[4] :], style)
        )
        out.write(text.rstrip() + "\n")
    _warn_about(args, card, streams)
    return 0


def _warn_about(args: argparse.Namespace, card: Scorecard, streams: Streams) -> None:
    """Say on standard error what the scores leave out or stand on: what is wrong with the
    alignment (the plan was still scored, with the objectives whose links are broken at the
    top, so this is a warning); how many check-ins were made after the date scored, and left
    out, or that there is none at all; and which key results can't be scored, so that their
    objectives' scores stand on the others alone."""
    if card.alignment_problems:
        said = [f"warning: {p} (scored as a top-level objective)" for p in card.alignment_problems]
        complain(InputError(input_name(args.path), said), streams)
    if args.quiet:
        return
    name = terminal(input_name(args.path))
    if card.left_out:
        streams.stderr.write(
            f"okrkit: note: {name}: {display.count(card.left_out, 'check-in')}"
            f" made after {card.at.isoformat()} left out\n"
        )
    rows = [kr for obj in card for kr in obj.key_results]
    if (
        not card.left_out
        and any(kr.score is not None for kr in rows)
        and not any(kr.key_result.check_ins for kr in rows)
    ):
        # A plan as first written: its scores are those of its starts (a newcomer's trial
        # read a table of 0.00 and "missed" with no word of why); not a plan whose
        # check-ins all come after the date scored, which the note above says.
        streams.stderr.write(
            f"okrkit: note: {name}: no key result has a check-in, so each is scored at its"
            " start (record progress in its check_ins)\n"
        )
    for why, unscored in sorted(_unscored(card).items(), key=lambda item: _LACKS.index(item[0])):
        # Those of a scored objective first (its score stands on the others alone), then
        # those of an objective left with no score at all.
        # A sheet's sentences alone give no direction or target until they are read.
        read = why == _LACKS[0] and not getattr(args, "read_statements", False)
        for scored in (True, False):
            group = [entry for entry in unscored if (entry[1].score is not None) is scored]
            if group:
                _note(streams, name, why, group, scored=scored, read=read)


def _note(
    streams: Streams,
    name: str,
    why: str,
    unscored: list[tuple[int, ObjectiveRow, KeyResultRow]],
    *,
    scored: bool,
    read: bool,
) -> None:
    """One note: the key results *unscored* for the same reason, *why*, whose objectives
    are all *scored* (on their other key results) or all not scored at all; with *read*, it
    says that ``--read-statements`` reads what their statements say."""
    one, many = len(unscored) == 1, len({i for i, _, _ in unscored}) > 1
    if scored:
        whose = (
            "its objective's score"
            if one
            else "their objectives' scores"
            if many
            else "their objective's score"
        )
        said = f"not counted in {whose}"
    else:
        said = (
            "so its objective has no score"
            if one
            else "so their objectives have no score"
            if many
            else "so their objective has no score"
        )
    # Quoted, as findings quote what they name: an id cannot pass for the note's words.
    named = [f"{kr.id!r} (of {obj.id!r})" for _, obj, kr in unscored[:_NAMED]]
    if len(unscored) > _NAMED:
        named.append(f"and {len(unscored) - _NAMED:,} more")
    where = "'okrkit check' says where" + (
        "; '--read-statements' reads them from statements that say them" if read else ""
    )
    streams.stderr.write(
        f"okrkit: note: {name}: {display.count(len(unscored), 'key result')} {why}, {said}:"
        f" {terminal(', '.join(named))} ({where})\n"
    )


_NAMED = 10  # the key results a note names; it counts the rest


def _unscored(card: Scorecard) -> dict[str, list[tuple[int, ObjectiveRow, KeyResultRow]]]:
    """The key results that count for nothing in their objective's score, though it is
    scored from them, with their objectives' rows and places, by what they lack: those of
    an objective scored from its children alone (``--roll-up children``) or before its cycle
    began are not named, since none of its key results counts."""
    scored_children = {
        row.parent for row in card if row.parent is not None and row.score is not None
    }
    unscored: dict[str, list[tuple[int, ObjectiveRow, KeyResultRow]]] = {}
    for i, obj in enumerate(card):
        if card.roll_up == "children" and obj.id in scored_children:
            continue
        for kr in obj.key_results:
            if kr.score is None and kr.status is not Status.NOT_STARTED:
                unscored.setdefault(_lacks(kr.key_result), []).append((i, obj, kr))
    return unscored


# What a key result with no score lacks, as a note says it, in the order the notes come.
_LACKS = (
    "with no direction or target",
    "with no start to measure progress from",
    "whose start and target can't be told apart",
)


def _lacks(kr: KeyResult) -> str:
    """What *kr*, which has no score, lacks to be scored (one of `_LACKS`)."""
    if not kr.measurable:
        return _LACKS[0]
    return _LACKS[1] if kr.start is None else _LACKS[2]


def _score_cells(name: str, row: ObjectiveRow | KeyResultRow) -> tuple[str, ...]:
    kr = row if isinstance(row, KeyResultRow) else None
    title = row.key_result.title if isinstance(row, KeyResultRow) else row.objective.title
    return (
        name,
        "" if kr is None else display.number_text(kr.value, kr.unit, terminal),
        "" if kr is None else display.percent_text(kr.progress),
        display.row_score_text(row),
        display.grade_text(row),
        display.row_status_text(row),
        # last, as `tree` writes it: an id a sheet's import made up ("row-12") says little
        terminal(title),
    )


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    left = cells[0].ljust(widths[0])
    middle = [cells[i].rjust(widths[i]) for i in (1, 2, 3)]
    right = [cells[i].ljust(widths[i]) for i in (4, 5)]
    return "  ".join([left, *middle, *right, cells[6]])


def cmd_tree(args: argparse.Namespace, streams: Streams) -> int:
    """``okrkit tree PATH``: the alignment tree drawn as text, with scores."""
    plan = read_plan(args.path, streams, args.input_format, statements=args.read_statements)
    card = _card(args, plan)
    paint = colorizer(args.color, streams)
    objectives = card.objectives
    # Whether each objective is the last of its siblings: walking backwards, a sibling at
    # the same depth seen since the last shallower one means it is not.
    last = [False] * len(objectives)
    seen: list[bool] = []
    for k in range(len(objectives) - 1, -1, -1):
        depth = objectives[k].depth
        del seen[depth + 1 :]
        seen.extend([False] * (depth + 1 - len(seen)))
        last[k] = not seen[depth]
        seen[depth] = True
    open_levels: list[bool] = []  # per ancestor depth: does a later sibling still follow?
    for k, obj in enumerate(objectives):
        depth = obj.depth
        del open_levels[depth:]
        if depth == 0:
            prefix = ""
        else:
            # Past INDENT_LEVELS the branches are not drawn, the depth is written instead:
            # drawing them all would make a deep chain's output grow with its square.
            shown = open_levels[1 : display.INDENT_LEVELS]
            prefix = "".join("│   " if more else "    " for more in shown)
            prefix += display.depth_marker(depth) + ("└── " if last[k] else "├── ")
        open_levels.append(not last[k])
        grade = display.grade_text(obj)
        if grade != display.NO_VALUE:
            grade = paint(grade, color(obj))
        via = ""
        if depth and obj.aligned_to != obj.parent:  # aligned to a key result of its parent
            via = f" (via {terminal(obj.aligned_to or '')})"
        streams.stdout.write(
            f"{prefix}{paint(terminal(obj.id), 'bold')}  {display.row_score_text(obj)} "
            f"{grade}, {display.row_status_text(obj)}{via}  {terminal(obj.title)}\n"
        )
    _warn_about(args, card, streams)
    return 0


def cmd_report(args: argparse.Namespace, streams: Streams) -> int:
    """``okrkit report PATH``: a Markdown, HTML or JSON report, with the rules' findings."""
    from okrkit.report import render

    rules = rule_registry(args, streams)
    plan = read_plan(args.path, streams, args.input_format, statements=args.read_statements)
    config = rule_config(args, args.path, {}, rules.registry)
    name = input_name(args.path)
    diagnostics = run_rules(plan, config, args.at, rules.registry, name=name, streams=streams)
    text = render(
        plan,
        args.format,
        at=args.at,
        policy=args.policy,
        roll_up=args.roll_up,
        diagnostics=diagnostics,
    )
    inputs = (args.path, *config_files(args, args.path), rules.file)
    write_output(text, args.output, streams, inputs=inputs)
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
    # What is counted up in the cycle starts at none as a key result ("Hire 10 engineers"),
    # as `to_key_result` makes it: said, so that an import holds no surprise.
    if (
        not args.objective
        and parsed.start is None
        and parsed.value is not None
        and text.to_key_result(parsed).start == 0
    ):
        streams.stdout.write("start as a key result: 0 (counted from none in the cycle)\n")
    return 0
