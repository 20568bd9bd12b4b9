"""okrkit.formats: CSV and Markdown, and what each keeps of a plan."""
# ruff: noqa: ISC004 - the tables of expected messages wrap long messages across lines

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from okrkit import formats
from okrkit.cycles import Cycle
from okrkit.errors import FormatError, OKRError, safe_repr
from okrkit.formats import _markdown
from okrkit.model import Commitment, Direction, KeyResult, Objective, Plan
from okrkit.testing import cycles, plans

DATA = Path(__file__).parent / "data"
FORMULA = ("=", "+", "-", "@", "\t", "\r", "'")  # what a spreadsheet may run, and the quote


def typed(plan: Plan) -> list[object]:
    """The numbers of *plan* with their types and signs, to compare those too."""

    def kind(x: object) -> object:
        if isinstance(x, tuple):
            return tuple(kind(v) for v in x)
        return type(x), str(x)

    out: list[object] = []
    for o in plan.objectives:
        out.append(kind(o.weight))
        for k in o.key_results:
            out.append((kind(k.start), kind(k.target), kind(k.weight)))
            out.extend((kind(c.value), kind(c.confidence)) for c in k.check_ins)
    for kpi in plan.kpis:
        out.append(kind(kpi.threshold))
        out.extend((kind(c.value), kind(c.confidence)) for c in kpi.check_ins)
    out.extend(kind(p.score) for p in plan.history)
    return out


@contextlib.contextmanager
def default_field_limit() -> Iterator[int]:
    """Python's CSV field size limit put back to its default (128 KiB), and restored after:
    it is process-wide, and reading CSV may have raised it."""
    old = csv.field_size_limit(131_072)
    try:
        yield 131_072
    finally:
        csv.field_size_limit(old)


@pytest.fixture
def field_limit() -> Iterator[int]:
    """The default CSV field size limit, for the test."""
    with default_field_limit() as limit:
        yield limit


class TestCsv:
    @given(plans())
    def test_round_trip_with_the_files_beside(self, plan: Plan) -> None:
        """The table and the four files beside it give back the plan, number types too."""
        again = formats.loads(
            formats.dumps(plan, "csv", lossy=True),
            "csv",
            check_ins=formats.dumps_check_ins(plan),
            kpis=formats.dumps_kpis(plan),
            history=formats.dumps_history(plan),
            initiatives=formats.dumps_initiatives(plan),
        )
        assert plan == again
        assert typed(plan) == typed(again)

    @given(plans())
    def test_table_keeps_the_latest_check_in(self, plan: Plan) -> None:
        """The table alone keeps each key result's latest check-in."""
        again = formats.loads(formats.dumps(plan, "csv", lossy=True), "csv")
        for (_, kr), (_, read) in zip(plan.key_results(), again.key_results(), strict=True):
            assert kr.check_ins[-1:] == read.check_ins

    def test_groups_rows_by_objective(self) -> None:
        """Rows of one objective need not be adjacent; objectives keep first-seen order."""
        text = (
            "objective.title,kr.title,kr.direction,kr.start,kr.target\n"
            "Grow,Raise NPS,increase,32,50\n"
            "Retain,Cut churn,decrease,5.0,4\n"
            "Grow,Double signups,,,\n"
        )
        plan = formats.loads(text, "csv")
        assert ["grow", "retain"] == [o.id for o in plan.objectives]
        assert ["Raise NPS", "Double signups"] == [k.title for k in plan.objectives[0].key_results]
        assert (float, 5.0) == (type(plan.key_result("cut-churn").start), 5.0)

    @pytest.mark.parametrize(
        ("table", "history", "problems"),
        [
            ("", None, ["table: the document is empty: expected a header row of okrkit's columns"]),
            (
                "objective.title,colour\n",
                None,
                [
                    "table header[1]: unknown column 'colour'",
                    "table header: expected only okrkit's columns (objective.id, objective.title,"
                    " objective.description, objective.owner, objective.cycle,"
                    " objective.cycle.fiscal_year_start, objective.cycle.fiscal_year_named_by,"
                    " objective.commitment, objective.level, objective.aligned_to,"
                    " objective.weight, objective.ignore, kr.id, kr.title, kr.direction, kr.start,"
                    " kr.target, kr.unit, kr.weight, kr.owner, kr.due, kr.indicator, kr.ignore,"
                    " check_in.at, check_in.value, check_in.confidence, check_in.note,"
                    " check_in.author, kr.carried_from)",
                ],
            ),
            (
                "objective.title,objective.title\n",
                None,
                [
                    "table header: expected each column once, got ['objective.title',"
                    " 'objective.title']"
                ],
            ),
            (
                "objective.title\nGrow,extra\n",
                None,
                ["table row 2: expected 1 cells as in the header, got 2"],
            ),
            (
                "objective.title,kr.title,kr.target,kr.direction\nGrow,NPS,ten,increase\n",
                None,
                [
                    "row 2, column 'kr.target': expected a number (or a Decimal, written '12.50"
                    " after a quote), with no $, %, k or thousands separator: the unit has a column"
                    " of its own, got 'ten'"
                ],
            ),
            (
                "objective.title,kr.id,kr.title\nGrow,nps,NPS\n",
                "kr_id,at,value\nnps,2026-13-01,1\nchurn,2026-07-01,1\n,2026-07-01,1\n",
                [
                    "check-ins row 4.kr_id: missing required field",
                    "row 2.kr.check_ins[0].at: impossible date '2026-13-01': a month is 01 to 12",
                    "check-ins kr_id: expected the id of a key result in the table, got 'churn'",
                ],
            ),
            ('objective.title\n"Grow\n', None, ["table: invalid CSV: unexpected end of data"]),
            (
                "objective.id,objective.title,objective.owner,kr.title\n"
                "grow,Grow,growth,Raise NPS\n"
                "grow,Grow revenue,,Cut churn\n",
                None,
                [
                    "row 3, column 'objective.title': expected 'Grow' as in row 2 for objective"
                    " 'grow',"
                    " got 'Grow revenue'",
                    "row 3, column 'objective.owner': expected 'growth' as in row 2 for objective"
                    " 'grow',"
                    " got an empty cell",
                ],
            ),
            (
                "objective.title,objective.cycle,kr.title\nGrow,,Raise NPS\nGrow,2026-Q4,Ship\n",
                None,
                [
                    "row 3, column 'objective.cycle': expected an empty cell as in row 2 for"
                    " objective"
                    " 'grow', got '2026-Q4'"
                ],
            ),
        ],
    )
    def test_bad_tables(self, table: str, history: str | None, problems: list[str]) -> None:
        """Bad tables raise a FormatError listing every problem with its row and column."""
        with pytest.raises(FormatError) as error:
            formats.loads(table, "csv", check_ins=history)
        assert problems == list(error.value.problems)

    def test_a_problem_is_at_its_line_and_cell(self, tmp_path: Path) -> None:
        """A table's problem names the column a person sees and is at its row's line (a cell
        over two lines counts both) and its cell's column, as `okrkit check` shows it."""
        table = (
            "objective.title,kr.title,kr.target,check_in.at,check_in.value\n"
            '"Grow\nfast",NPS,50,2026-07-01,40\n'
            "Grow\nfast,Churn,22%,next tuesday,3\n"
        )
        with pytest.raises(FormatError) as error:
            formats.loads(table.replace("Grow\nfast,", '"Grow\nfast",', 1), "csv")
        assert [
            ("row 3, column 'kr.target'", 4, 3),  # in the order of the cells
            ("row 3, column 'check_in.at'", 4, 4),
        ] == [(p.path, p.line, p.column) for p in error.value.details]
        with pytest.raises(FormatError) as error:
            formats.loads("objective.title,kr.title,check_in.value\nGrow,NPS,3\n,Churn,\n", "csv")
        assert [
            "row 2, column 'check_in.at': missing required field: the table has no"
            " 'check_in.at' column",
            "row 3, column 'objective.title': missing required field: each row gives its"
            " objective's cells (fill a merged cell down)",
        ] == list(error.value.problems)
        path = tmp_path / "okrs.csv"
        path.write_text(table.replace("Grow\nfast,", '"Grow\nfast",', 1), encoding="utf-8")
        with pytest.raises(FormatError, match=r"okrs\.csv:4:3: row 3, column 'kr\.target'"):
            formats.load(path)

    @given(plans(), st.data())
    def test_rows_of_one_objective_agree(self, plan: Plan, data: st.DataObject) -> None:
        """A row that gives its objective another cell than the first row did is refused."""
        rows = list(csv.reader(io.StringIO(formats.dumps(plan, "csv", lossy=True), newline="")))
        header = rows[0]
        ids = [row[0] for row in rows]
        later = [i for i in range(2, len(rows)) if ids[i] in ids[1:i]]
        assume(later)
        i = data.draw(st.sampled_from(later))
        column = data.draw(
            st.sampled_from([c for c in header if c.startswith("objective.")][1:])  # not the id
        )
        j, first = header.index(column), ids.index(ids[i])
        rows[i][j] = rows[first][j] + "x"
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        with pytest.raises(FormatError) as error:
            formats.loads(out.getvalue(), "csv")

        def shown(cell: str) -> str:
            if not cell:
                return "an empty cell"
            if column not in ("objective.weight", "objective.cycle.fiscal_year_start"):
                cell = cell.removeprefix("'")  # a text cell's neutralising quote ('' when empty)
            return safe_repr(cell)

        assert [
            f"row {i + 1}, column {column!r}: expected {shown(rows[first][j])} as in row"
            f" {first + 1} for objective {ids[i]!r}, got {shown(rows[i][j])}"
        ] == [p for p in error.value.problems if p.startswith(f"row {i + 1}, column {column!r}:")]

    @given(st.sampled_from(FORMULA), st.text(max_size=8), st.data())
    def test_formulas_neutralised_and_read_back(
        self, first: str, rest: str, data: st.DataObject
    ) -> None:
        """Text a spreadsheet would run as a formula is written after a quote, and read back
        as it was; okrkit's numbers (a negative start) stay numbers."""
        text = first + rest
        assume(text.strip())
        ident = data.draw(st.sampled_from(["-id", "=id", "@id", "+id", "'id"]))
        kr = KeyResult(
            id=ident + "-kr",
            title=text,
            owner=text,
            unit=text,
            direction="increase",
            start=-5,
            target=5,
        ).check_in(-1, at=date(2026, 8, 1), note=text, author=text)
        plan = Plan(objectives=[Objective(id=ident, title=text, owner=text, key_results=[kr])])
        table, history = formats.dumps(plan, "csv"), formats.dumps_check_ins(plan)
        assert plan == formats.loads(table, "csv", check_ins=history)
        assert plan == formats.loads(table, "csv")
        assert ",-5,5," in table  # kr.start and kr.target: numbers, not text
        for written in (table, history):
            rows = list(csv.reader(io.StringIO(written, newline="")))
            for row in rows[1:]:
                cells = dict(zip(rows[0], row, strict=True))
                risky = {k: v for k, v in cells.items() if v.startswith(FORMULA[:-1])}
                assert {k: v for k, v in cells.items() if v in ("-5", "-1")} == risky

    def test_formula_examples(self) -> None:
        """The OWASP examples, and a title that begins with a quote, each get one quote."""
        titles = ['=HYPERLINK("http://x","y")', "+1", "-1+2", "@SUM(A1)", "\tx", "\rx", "'q"]
        plan = Plan(objectives=[Objective(id=f"o{i}", title=t) for i, t in enumerate(titles)])
        rows = list(csv.reader(io.StringIO(formats.dumps(plan, "csv"), newline="")))
        assert ["'" + t for t in titles] == [row[1] for row in rows[1:]]
        assert plan == formats.loads(formats.dumps(plan, "csv"), "csv")

    def test_long_cell_reads_back(self, field_limit: int) -> None:
        """A cell longer than Python's CSV field limit, as okrkit writes it, reads back."""
        plan = Plan(objectives=[Objective(title="x" * 200_000)])
        assert plan == formats.loads(formats.dumps(plan, "csv"), "csv")

    @given(
        st.text(min_size=1, max_size=3),
        st.sampled_from(["title", "owner", "unit", "note"]),
        st.integers(1, 131_072),
    )
    def test_long_text_cells_read_back(self, piece: str, column: str, extra: int) -> None:
        """Any text past the field limit, in any text column of either file, reads back."""
        # x at each end: a title may not begin or end with a blank.
        text = "x" + piece * ((131_072 + extra) // len(piece)) + "x"
        cells = {column: text}
        kr = KeyResult(
            title=cells.get("title", "t"), unit=cells.get("unit"), direction="increase", target=5
        ).check_in(1, at=date(2026, 8, 1), note=cells.get("note"))
        plan = Plan(objectives=[Objective(title="o", owner=cells.get("owner"), key_results=[kr])])
        table, history = formats.dumps(plan, "csv"), formats.dumps_check_ins(plan)
        with default_field_limit():
            assert plan == formats.loads(table, "csv", check_ins=history)

    def test_field_limit_never_lowered(self, field_limit: int) -> None:
        """Reading raises the process-wide limit to what it needs, and never lowers it."""
        formats.loads("objective.title\nGrow\n", "csv")
        assert field_limit == csv.field_size_limit()
        huge = 2**31 - 1
        csv.field_size_limit(huge)
        formats.loads("objective.title\n" + "x" * (field_limit + 1) + "\n", "csv")
        assert huge == csv.field_size_limit()

    def test_unknown_columns_ignored_when_asked(self) -> None:
        """unknown='ignore' skips columns okrkit does not know."""
        plan = formats.loads("objective.title,colour\nGrow,blue\n", "csv", unknown="ignore")
        assert ["Grow"] == [o.title for o in plan.objectives]

    def test_fiscal_columns(self) -> None:
        """A fiscal cycle's settings have their own columns, so they come back."""
        cycle = Cycle.parse("FY2027-H1", fiscal_year_start=7, fiscal_year_named_by="start")
        plan = Plan(objectives=[Objective(title="Grow", cycle=cycle)])
        assert cycle == formats.loads(formats.dumps(plan, "csv"), "csv").objectives[0].cycle


# Markdown ---------------------------------------------------------------------------------------

_STATEMENTS = (
    "Reduce monthly churn from 5% to 4%",
    "Increase NPS from 32 to 50",
    "Grow weekly active users from 1200 to 2000",
    "Cut p95 latency from 300 ms to 180 ms",
    "Make onboarding feel effortless",
    "Keep uptime at or above 99.9%",
    "Hire two senior engineers",
)
_TITLES = (
    "Win back customers who drifted away",
    "Make the product fast",
    "Delight enterprise accounts",
    "Close the books faster",
)

# Lines of text people write under an objective, blank ones among them.
_NOTES = ("We lost customers after the price change.", "Review in August.", "", "  ")

# Each detail line an objective may have, a value for it and another.
_DETAILS = (
    ("Owner", "growth", "platform"),
    ("Cycle", "2026-Q3", "2026-Q4"),
    ("Commitment", "committed", "aspirational"),
    ("Level", "team", "company"),
    ("Aligned to", "parent", "other"),
    ("Id", "g", "h"),
    ("Weight", "2", "3"),
    ("Fiscal year start", "4", "7"),
    ("Fiscal year named by", "start", "end"),
)
# Each detail line a document may have before its first objective, likewise.
_DOCUMENT_DETAILS = (
    ("Cycle", "2026-Q3", "2026-Q4"),
    ("As of", "2026-08-01", "2026-08-14"),
    ("Fiscal year start", "4", "7"),
    ("Fiscal year named by", "start", "end"),
)


@st.composite
def markdown_plans(draw: st.DrawFn) -> Plan:
    """Plans as people write them in Markdown: statements as titles, dated check-ins."""
    objectives: list[Objective] = []
    titles = draw(st.lists(st.sampled_from(_TITLES), min_size=1, max_size=4, unique=True))
    for title in titles:
        krs = []
        for statement in draw(st.lists(st.sampled_from(_STATEMENTS), max_size=4, unique=True)):
            milestone = draw(st.booleans()) and statement.startswith("Hire")
            kr = KeyResult(title=statement, direction=Direction.MILESTONE if milestone else None)
            if draw(st.booleans()):
                kr = kr.check_in(
                    draw(st.sampled_from((0, 1, 2.5, 40))),
                    at=draw(st.dates(date(2026, 7, 1), date(2026, 9, 30))),
                )
            krs.append(kr)
        parent = objectives[-1].id if objectives and draw(st.booleans()) else None
        objectives.append(
            Objective(
                title=title,
                owner=draw(st.none() | st.sampled_from(("growth", "platform"))),
                cycle=draw(st.none() | st.sampled_from((Cycle.parse("2026-Q3"),))),
                commitment=draw(st.sampled_from(Commitment)),
                aligned_to=parent,
                key_results=krs,
            )
        )
    return Plan(objectives=objectives)


@st.composite
def fiscal_plans(draw: st.DrawFn) -> Plan:
    """Plans whose objectives' cycles mix fiscal settings, some aligned and sharing a cycle."""
    objectives: list[Objective] = []
    for title in draw(st.lists(st.sampled_from(_TITLES), min_size=2, max_size=4, unique=True)):
        parent = objectives[-1] if objectives and draw(st.booleans()) else None
        if parent is not None and draw(st.booleans()):
            cycle = parent.cycle  # written nested under its parent
        else:
            fiscal = cycles(kinds=["fiscal_year", "fiscal_half", "fiscal_quarter"])
            cycle = draw(st.one_of(fiscal, fiscal, fiscal, st.none(), cycles()))
        # Milestones, which Markdown keeps whole; none, for the objectives read as sections.
        milestone = KeyResult(title="Ship the app", direction=Direction.MILESTONE)
        krs = draw(st.sampled_from(([], [milestone])))
        objectives.append(
            Objective(
                title=title,
                cycle=cycle,
                aligned_to=None if parent is None else parent.id,
                key_results=krs,
            )
        )
    return Plan(objectives=objectives)


def _refused_twice(lines: list[str], key: str, second: str, where: str, *, first: int) -> None:
    """*lines*, then an objective, are refused for giving *key* twice, the last line second."""
    with pytest.raises(FormatError) as error:
        formats.loads("\n".join([*lines, "## Ship", "- Ship the app"]), "markdown")
    assert [
        f"line {len(lines)}: {key.lower()}: expected once {where} (first on line {first}),"
        f" got {second!r}"
    ] == list(error.value.problems)


_TRICKY_TITLES = Plan(
    objectives=[
        Objective(
            id=title.lower()[:6] + "-1",
            title=title,
            key_results=[KeyResult(id="k" + str(i), title=title), KeyResult(id="m" + str(i),
                         title=title, direction=Direction.MILESTONE)],
        )
        for i, title in enumerate(
            ["Ship C#", "Objective: grow", "O1: grow", "a \\# b", "#1 priority", "[ ] box",
             "Owner: x", "Grow ARR $1M -> $2M", "A → B", "Done ✅", "x => 5", "- item"]
        )
    ]
)  # fmt: skip


class TestSheetHeaders:
    """A sheet's own headers are refused, each with the column it most likely means."""

    def test_each_says_the_column_it_means(self) -> None:
        text = (
            "Objective,Key Result,Owner,Baseline,objectve.title,Colour\nGrow,Cut churn,a,5,x,red\n"
        )
        with pytest.raises(FormatError) as caught:
            formats.loads(text, "csv")
        said = [str(p) for p in caught.value.details]
        assert said[:6] == [
            "table header[0]: unknown column 'Objective' (objective.title?)",
            "table header[1]: unknown column 'Key Result' (kr.title?)",
            "table header[2]: unknown column 'Owner' (kr.owner?)",
            "table header[3]: unknown column 'Baseline' (kr.start?)",
            "table header[4]: unknown column 'objectve.title' (objective.title?)",
            "table header[5]: unknown column 'Colour'",
        ]

    @pytest.mark.parametrize(("separator", "called"), [(";", "semicolons"), ("\t", "tabs")])
    def test_a_sheet_separated_otherwise_says_so(self, separator: str, called: str) -> None:
        """A European spreadsheet's export ("objective.title;kr.title", one cell to a
        comma-separated reader) says what separates its cells (a newcomer's trial)."""
        text = separator.join(["objective.title", "kr.title"]) + "\nGrow" + separator + "Cut\n"
        with pytest.raises(FormatError) as caught:
            formats.loads(text, "csv")
        assert str(caught.value.details[0]).endswith(
            f"its cells are separated by {called}, and okrkit reads CSV separated by commas"
            " (export the sheet as comma-separated CSV)"
        )
        for text, said in [
            # no column of okrkit's, or cells separated by commas: as before
            ("Goal;Colour\nGrow\n", "table header[0]: unknown column 'Goal;Colour'"),
            (
                "objective.title,kr.title;x\nGrow,Cut\n",
                "table header[1]: unknown column 'kr.title;x' (kr.title?)",
            ),
        ]:
            with pytest.raises(FormatError) as caught:
                formats.loads(text, "csv")
            assert str(caught.value.details[0]) == said
        with pytest.raises(FormatError, match="separated by semicolons"):
            formats.loads("Objective.Title;KR.Title\nGrow;Cut\n", "csv")

    def test_a_statement_alone_in_yaml_says_how_to_write_it(self) -> None:
        text = "okrkit: 1\nobjectives:\n  - title: Grow\n    key_results:\n      - Cut churn\n"
        with pytest.raises(FormatError, match="a statement alone is written `title: "):
            formats.loads(text, "yaml")


class TestMarkdown:
    @given(markdown_plans())
    def test_read_write_read(self, plan: Plan) -> None:
        """A Markdown file survives read -> write -> read."""
        once = formats.loads(formats.dumps(plan, "markdown"), "markdown")
        assert once == formats.loads(formats.dumps(once, "markdown"), "markdown")

    @given(markdown_plans())
    def test_keeps_objectives_and_statements(self, plan: Plan) -> None:
        """Markdown keeps objectives' fields, key result statements and latest check-in dates."""
        again = formats.loads(formats.dumps(plan, "markdown"), "markdown")

        def shape(p: Plan) -> list[object]:
            return [
                (
                    o.id,
                    o.title,
                    o.owner,
                    o.cycle,
                    o.commitment,
                    o.aligned_to,
                    [(k.title, k.latest().at if k.check_ins else None) for k in o.key_results],
                )
                for o in p.objectives
            ]

        assert shape(plan) == shape(again)

    @given(plans())
    @example(_TRICKY_TITLES)
    def test_any_plan_writes_and_reads(self, plan: Plan) -> None:
        """Any plan is written as Markdown that reads back with the same objectives and key
        result statements, or refused naming a field Markdown cannot hold: never changed."""
        try:
            text = formats.dumps(plan, "markdown", lossy=True)
        except FormatError as error:
            (problem,) = error.details
            if not plan.objectives:
                assert "objectives" == problem.path
                return
            match = re.fullmatch(
                r"objectives\[(\d+)\](?:\.key_results\[(\d+)\])?\.(\w+)", problem.path
            )
            assert match is not None
            i, j, name = int(match[1]), match[2], match[3]
            held = plan.objectives[i] if j is None else plan.objectives[i].key_results[int(j)]
            assert getattr(held, name) == problem.value
            return
        again = formats.loads(text, "markdown")

        def shape(p: Plan) -> list[object]:
            return [
                (o.id, o.title, o.owner, o.level, o.cycle, o.commitment, o.aligned_to,
                 [k.title for k in o.key_results])
                for o in p.objectives
            ]  # fmt: skip

        assert shape(plan) == shape(again)

    def test_titles_that_look_like_markdown(self) -> None:
        """A title that reads as Markdown's structure is escaped as CommonMark escapes it."""
        with pytest.raises(FormatError, match=re.escape("got '5 \\\\% x'")):  # as written
            formats.loads("## Grow\n- Raise NPS from 1 to 2 => 5 \\% x\n", "markdown")
        text = formats.dumps(_TRICKY_TITLES, "markdown")
        assert "## Objective\\: grow {#object-1}" in text.splitlines()
        assert "- Grow ARR \\$1M \\-\\> \\$2M {#k7 direction=none}" in text.splitlines()
        assert _TRICKY_TITLES == formats.loads(text, "markdown")
        untagged = Plan(objectives=[Objective(title="Ship C#")])
        assert "## Objective: Ship C\\#\n" == formats.dumps(untagged, "markdown")

    @pytest.mark.parametrize(
        ("title", "written"),
        [
            ("Grow\n## Objective: Injected", "- Grow&#10;\\#\\# Objective\\: Injected"),
            ("Grow\u2028Owner: mallory", "- Grow&#8232;Owner\\: mallory"),
            (" Grow", "- &#32;Grow"),
            ("Ship it DONE", "- Ship it &#68;ONE"),
        ],
    )
    def test_titles_written_with_references(self, title: str, written: str) -> None:
        """A title a line cannot hold as it is (a break, spaces at an end, a trailing DONE) is
        written with character references, and reads back as it was."""
        plan = Plan(objectives=[Objective(title="Grow", key_results=[KeyResult(title=title)])])
        text = formats.dumps(plan, "markdown")
        assert written == text.splitlines()[2].split(" {")[0]
        assert plan == formats.loads(text, "markdown")
        owned = Plan(objectives=[Objective(title="Grow", owner=title + "\n")])
        assert owned == formats.loads(formats.dumps(owned, "markdown"), "markdown")

    @given(st.text(st.characters(exclude_categories=("Cs", "Cc")) | st.sampled_from("\n#-*+:\\")))
    @example("## Diagnostics")
    @example("Owner: growth\n- not a key result\n1. nor this\nObjective: nor this")
    @example("\\ a backslash first")
    def test_description_stays_text(self, description: str) -> None:
        """Whatever a description says, it comes back as text, never as objectives or fields."""
        try:
            first = Objective(title="Delight our customers", description=description)
        except OKRError:
            assume(False)
        plan = Plan(objectives=[first, Objective(title="Keep every promise we make")])
        again = formats.loads(formats.dumps(plan, "markdown"), "markdown")
        assert [first.title, "Keep every promise we make"] == [o.title for o in again.objectives]
        assert description == again.objectives[0].description
        assert first.owner == again.objectives[0].owner

    def test_hand_written(self) -> None:
        """The shapes people write: sections, Objective: lines, checkboxes, notes, nesting."""
        text = (DATA / "markdown" / "hand-written.md").read_text(encoding="utf-8")
        plan = formats.loads(text, "markdown")
        summary = [
            (o.id, o.aligned_to, str(o.cycle), o.owner, o.commitment.value, len(o.key_results))
            for o in plan.objectives
        ]
        assert [
            ("win-back-customers-who-drifted-away", None, "2026-Q3", "growth", "committed", 4),
            ("fix-onboarding", "make-customers-happier", "2026-Q3", None, "aspirational", 2),
            (
                "delight-enterprise-accounts",
                "win-back-customers-who-drifted-away",
                "2026-Q3",
                None,
                "aspirational",
                2,
            ),
        ] == summary
        churn = plan.key_result("reduce-monthly-churn-from-5-to-4")
        assert (Direction.DECREASE, 5.0, 4.0, "%") == (
            churn.direction,
            churn.start,
            churn.target,
            churn.unit,
        )
        assert [(date(2026, 8, 14), 4.6)] == [(c.at, c.value) for c in churn.check_ins]
        nps = plan.key_result("increase-nps-from-32-to-50")
        assert 41.0 == nps.current  # 50% of the way from 32 to 50
        assert 1 == plan.key_result("ship-the-win-back-email-campaign").current
        vague = plan.key_result("make-customers-happier")
        assert vague.target is None  # kept, with no target made up
        guide = plan.key_result("publish-the-setup-guide")
        assert (Direction.MILESTONE, ()) == (guide.direction, guide.check_ins)
        board = plan.key_result("launch-a-customer-advisory-board")
        assert (Direction.MILESTONE, 1) == (board.direction, board.current)
        onboarding = plan.key_result("cut-time-to-first-value-from-10-days-to-3-days")
        assert [(date(2026, 8, 1), 6)] == [(c.at, c.value) for c in onboarding.check_ins]

    def test_hand_written_survives(self) -> None:
        """The hand-written file survives read -> write -> read."""
        text = (DATA / "markdown" / "hand-written.md").read_text(encoding="utf-8")
        once = formats.loads(text, "markdown")
        assert once == formats.loads(formats.dumps(once, "markdown"), "markdown")

    def test_objective_lines_and_prefixes(self) -> None:
        """'Objective:' and 'O1:' lines, and headings with them, start objectives."""
        text = (
            "Cycle: 2026-Q3\n\n"
            "**Objective 1:** Grow revenue\n"
            "1. Grow ARR from 8 to 10 => 9\n"
            "\n"
            "O2: Retain customers\n"
            "- Reduce churn from 5% to 4% => DONE\n"
            "## Objective: Ship faster\n"
            "Owner: platform\n"
            "- Cut lead time from 10 days to 5 days => 80% on 2026-08-01\n"
        )
        plan = formats.loads(text, "markdown")
        assert ["Grow revenue", "Retain customers", "Ship faster"] == [
            o.title for o in plan.objectives
        ]
        assert 9 == plan.key_result("grow-arr-from-8-to-10").current
        assert 4.0 == plan.key_result("reduce-churn-from-5-to-4").current
        lead = plan.key_result("cut-lead-time-from-10-days-to-5-days")
        assert (6.0, date(2026, 8, 1)) == (lead.current, lead.check_ins[0].at)

    @pytest.mark.parametrize("line", ["- Ship it DONE", "- [x] Ship it"])
    def test_dateless_without_cycle_is_today(
        self, line: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Progress with no date, no cycle and no 'As of:' is dated today."""
        monkeypatch.setattr(_markdown, "_today", lambda: date(2026, 8, 20))
        plan = formats.loads(f"## Grow\n{line}\n", "markdown")
        assert [date(2026, 8, 20)] == [c.at for c in plan.objectives[0].key_results[0].check_ins]

    @pytest.mark.parametrize("sections", ["", "# Q3 2026 OKRs\n", "# 2026\n## Q3\n"])
    def test_dateless_with_as_of(self, sections: str) -> None:
        """An 'As of:' line dates progress that has no date of its own, under section titles too."""
        text = f"{sections}As of: 2026-08-01\n### Grow\n- Ship it DONE\n"
        plan = formats.loads(text, "markdown")
        kr = plan.objectives[0].key_results[0]
        assert (Direction.MILESTONE, date(2026, 8, 1)) == (kr.direction, kr.check_ins[0].at)

    @given(st.data())
    def test_as_of_after_an_objective_is_refused(self, data: st.DataObject) -> None:
        """'As of:' dates the whole document: after the first objective it is refused, by line."""
        body = [
            "# Q3 2026 OKRs",
            "Cycle: 2026-Q3",
            "## Grow",
            "Owner: growth",
            "- Raise NPS from 30 to 40 => 35",
            "Notes",
            "### Grow in France",
            "- Objective: Hire locally",
            "  - Hire two senior engineers",
            "# Japan",
            "## Hire",
            "- Ship the app",
        ]
        at = data.draw(st.integers(0, len(body)))
        lines = [*body[:at], "As of: 2026-08-01", *body[at:]]
        if at <= body.index("## Grow"):
            plan = formats.loads("\n".join(lines), "markdown")
            assert date(2026, 8, 1) == plan.objectives[0].key_results[0].check_ins[0].at
            return
        with pytest.raises(FormatError) as error:
            formats.loads("\n".join(lines), "markdown")
        assert [
            f"line {at + 1}: expected 'as of' before the first objective, as it dates the whole"
            " document, got '2026-08-01'"
        ] == list(error.value.problems)

    def test_fiscal_and_datetime(self) -> None:
        """Fiscal defaults are written at the top; a datetime check-in is written as its day."""
        cycle = Cycle.parse("FY2027-Q1", fiscal_year_start=2, fiscal_year_named_by="start")
        kr = KeyResult(title="Raise NPS from 30 to 40").check_in(
            35, at=datetime.fromisoformat("2026-03-02T10:00:00+01:00")
        )
        obj = Objective(
            title="Grow",
            cycle=cycle,
            weight=2,
            key_results=[kr],
            description="Why it matters",
            level="team",
            id="g",
        )
        text = formats.dumps(Plan(objectives=[obj]), "markdown")
        assert text.startswith("Fiscal year start: 2\nFiscal year named by: start\n\n## Grow {#g")
        again = formats.loads(text, "markdown").objectives[0]
        assert (cycle, 2, "Why it matters", "team", "g") == (
            again.cycle,
            again.weight,
            again.description,
            again.level,
            again.id,
        )
        assert kr.check_ins == again.key_results[0].check_ins

    @given(st.lists(st.sampled_from(("", "  ", "Cycle: 2026-Q3", "As of: 2026-08-01", "Notes")),
                    max_size=5, unique=True),
           st.sampled_from(_STATEMENTS))  # fmt: skip
    def test_key_results_never_dropped(self, preamble: list[str], statement: str) -> None:
        """A key result line is read into an objective or refused, never silently dropped."""
        text = "\n".join([*preamble, f"- {statement}", "## Grow", "- Hire two senior engineers"])
        with pytest.raises(FormatError) as error:
            formats.loads(text, "markdown")
        line = len(preamble) + 1
        assert [
            f"line {line}: expected an objective (a heading or an 'Objective:' line) before this"
            f" key result, got {'- ' + statement!r}"
        ] == list(error.value.problems)

    @given(
        st.sampled_from(_DETAILS),
        st.data(),
        st.lists(st.sampled_from(("", "Notes", "- Hire two senior engineers"))),
        st.sampled_from(("{}: {}", "**{}:** {}", "{}:{}", "{}:  {}  ")),
    )
    def test_detail_given_twice_is_refused(
        self, detail: tuple[str, str, str], data: st.DataObject, between: list[str], shape: str
    ) -> None:
        """A detail line said twice under one objective is refused naming both lines."""
        key, value, other = detail
        second = data.draw(st.sampled_from((value, other)))
        lines = ["## Grow", f"{key}: {value}", *between, shape.format(key, second)]
        _refused_twice(lines, key, second, "per objective", first=2)

    @given(
        st.sampled_from(_DOCUMENT_DETAILS),
        st.data(),
        st.lists(
            st.sampled_from(("", "Notes", "Cycle: 2026-Q3", "As of: 2026-08-01")), unique=True
        ),
    )
    def test_document_default_given_twice_is_refused(
        self, detail: tuple[str, str, str], data: st.DataObject, between: list[str]
    ) -> None:
        """A document default said twice before the first objective is refused naming both."""
        key, value, other = detail
        second = data.draw(st.sampled_from((value, other)))
        between = [line for line in between if not line.startswith(key)]
        lines = [f"{key}: {value}", *between, f"{key}: {second}"]
        _refused_twice(lines, key, second, "before the first objective", first=1)

    @given(
        st.lists(st.sampled_from(_NOTES)),
        st.lists(st.sampled_from(_NOTES)),
        st.lists(st.sampled_from(_STATEMENTS), min_size=1, max_size=3, unique=True),
    )
    def test_notes_under_the_list_are_kept(
        self, before: list[str], after: list[str], statements: list[str]
    ) -> None:
        """Text after an objective's list is kept in its description, after the text before it.

        Blank lines join paragraphs into one, as before the list; read -> write -> read keeps
        the description, which is written before the list.
        """
        listed = [f"- {statement}" for statement in statements]
        text = "\n".join(["Cycle: 2026-Q3", "## Grow", *before, *listed, *after, "## Ship"])
        plan = formats.loads(text, "markdown")
        grow = plan.objectives[0]
        notes = [line for line in [*before, *after] if line.strip()]
        assert (" ".join(notes) or None) == grow.description
        assert statements == [kr.title for kr in grow.key_results]
        assert plan == formats.loads(formats.dumps(plan, "markdown"), "markdown")

    def test_notes_under_the_list_leave_key_results_alone(self) -> None:
        """Notes after a list leave its check-ins and nested objectives as they were read."""
        text = (
            "Cycle: 2026-Q3\n"
            "## Grow\n\n"
            "Why it matters.\n\n"
            "- Raise NPS from 30 to 40 => 35 on 2026-08-01\n"
            "- [x] Ship the app\n\n"
            "We agreed these at the offsite.\n\n"
            "Review them in August.\n"
            "## Hire\n"
            "- Make customers happier\n"
            "  - Objective: Fix onboarding\n"
            "    - Cut time to first value from 10 days to 3 days => 6\n"
            "Onboarding owns this.\n"
        )
        plan = formats.loads(text, "markdown")
        assert [
            (
                "grow",
                None,
                "Why it matters. We agreed these at the offsite. Review them in August.",
            ),
            ("hire", None, None),
            ("fix-onboarding", "make-customers-happier", "Onboarding owns this."),
        ] == [(o.id, o.aligned_to, o.description) for o in plan.objectives]
        nps = plan.key_result("raise-nps-from-30-to-40")
        assert [(date(2026, 8, 1), 35)] == [(c.at, c.value) for c in nps.check_ins]
        assert 1 == plan.key_result("ship-the-app").current
        onboarding = plan.key_result("cut-time-to-first-value-from-10-days-to-3-days")
        assert [(date(2026, 9, 30), 6)] == [(c.at, c.value) for c in onboarding.check_ins]
        assert plan == formats.loads(formats.dumps(plan, "markdown"), "markdown")

    @given(st.text(alphabet=" \t\n\r"))
    def test_blank_document_is_refused(self, text: str) -> None:
        """A document of nothing but whitespace holds no objective, and is refused."""
        with pytest.raises(FormatError, match="the document is empty"):
            formats.loads(text, "markdown")

    def test_plan_without_objectives_is_not_written(self) -> None:
        """Markdown holds objectives only: writing a plan with none is refused, not left empty."""
        with pytest.raises(FormatError) as error:
            formats.dumps(Plan(), "markdown")
        assert [
            "objectives: expected an objective, since a Markdown document is read by its"
            " objectives, got none"
        ] == list(error.value.problems)

    @given(fiscal_plans())
    def test_fiscal_cycles_kept_exactly(self, plan: Plan) -> None:
        """Each objective's cycle comes back equal, whatever fiscal settings the others use."""
        again = formats.loads(formats.dumps(plan, "markdown"), "markdown")
        assert [o.cycle for o in plan.objectives] == [o.cycle for o in again.objectives]
        assert plan == again

    def test_fiscal_settings_of_one_objective(self) -> None:
        """An objective whose fiscal year starts unlike the document's says so under its cycle."""
        kr = KeyResult(title="Ship the app", direction=Direction.MILESTONE)
        europe = Cycle.parse("FY2027-Q1", fiscal_year_start=4)
        japan = Cycle.parse("FY2027-Q1", fiscal_year_start=7)
        plan = Plan(
            objectives=[
                Objective(title="Grow in Europe", cycle=europe, key_results=[kr]),
                Objective(title="Grow in Japan", cycle=japan, key_results=[kr]),
            ]
        )
        text = formats.dumps(plan, "markdown")
        assert (
            "Fiscal year start: 4\n\n"
            "## Grow in Europe\n\nCycle: FY2027-Q1\n\n- [ ] Ship the app\n\n"
            "## Grow in Japan\n\nCycle: FY2027-Q1\nFiscal year start: 7\n\n"
            "- [ ] Ship the app {#ship-the-app-2}\n"
        ) == text
        again = formats.loads(text, "markdown")
        assert [date(2026, 4, 1), date(2026, 7, 1)] == [o.cycle.start for o in again.objectives]
        assert plan == again

    def test_fiscal_lines_hold_for_what_is_nested(self) -> None:
        """Fiscal lines under a section or an objective hold for the objectives nested in it."""
        text = (
            "Fiscal year start: 2\n"
            "# EMEA\nFiscal year start: 4\nFiscal year named by: start\n"
            "## Grow\nCycle: FY2026\n- Raise NPS from 30 to 40\n"
            "### Grow in France\nCycle: FY2026-H2\n- Raise NPS from 20 to 40\n"
            "# Japan\nFiscal year start: 7\n"
            "## Hire\nCycle: FY2027-Q1\n- Hire two senior engineers\n"
            "## Ship\nFiscal year start: 1\nCycle: FY2027\n- Ship the app\n"
            "## Launch\nCycle: FY2027\n- Launch the beta\n"
        )
        plan = formats.loads(text, "markdown")
        assert [
            ("grow", date(2026, 4, 1), date(2027, 3, 31)),
            ("grow-in-france", date(2026, 10, 1), date(2027, 3, 31)),
            ("hire", date(2026, 7, 1), date(2026, 9, 30)),
            ("ship", date(2027, 1, 1), date(2027, 12, 31)),
            ("launch", date(2026, 7, 1), date(2027, 6, 30)),
        ] == [(o.id, o.cycle.start, o.cycle.end) for o in plan.objectives]

    def test_key_result_after_a_nested_objective(self) -> None:
        """A key result outdented past an objective nested in the list is the heading's."""
        text = (
            "## Parent objective here\n\n"
            "- Grow revenue from 1 to 2\n"
            "  - Objective: Child objective here\n"
            "    - Grow users from 3 to 4\n"
            "- Grow margin from 5 to 6\n"
        )
        parent, child = formats.loads(text, "markdown").objectives
        assert ["Grow revenue from 1 to 2", "Grow margin from 5 to 6"] == [
            kr.title for kr in parent.key_results
        ]
        assert ["Grow users from 3 to 4"] == [kr.title for kr in child.key_results]
        assert "grow-revenue-from-1-to-2" == child.aligned_to

    def test_flat_list_of_objectives_under_a_title(self) -> None:
        """Objective items and their key results at one indent, under a title heading: each
        key result is the objective item's above it."""
        text = (
            "# Q3 2026 OKRs\n\nCycle: 2026-Q3\n\n"
            "1. Objective: Grow revenue\n2. Increase ARR from 1 to 2\n"
            "3. Objective: Ship faster\n4. Cut cycle time from 10 to 5\n"
        )
        plan = formats.loads(text, "markdown")
        assert [
            ("grow-revenue", ["Increase ARR from 1 to 2"]),
            ("ship-faster", ["Cut cycle time from 10 to 5"]),
        ] == [(o.id, [kr.title for kr in o.key_results]) for o in plan.objectives]

    def test_empty_objective_not_a_section(self) -> None:
        """An objective with nothing under it but aligned children is written so it stays one."""
        plan = Plan(
            objectives=[Objective(title="Parent"), Objective(title="Child", aligned_to="parent")]
        )
        text = formats.dumps(plan, "markdown")
        assert "## Objective: Parent\n\n### Objective: Child\n" == text
        assert plan == formats.loads(text, "markdown")

    @pytest.mark.parametrize(
        ("text", "problems"),
        [
            (
                "Fiscal year start: 13\n## G\n",
                ["line 1: fiscal year start: expected a month number 1..12, got '13'"],
            ),
            (
                "Fiscal year named by: middle\n## G\n",
                ["line 1: fiscal year named by: expected 'end' or 'start', got 'middle'"],
            ),
            (
                "As of: soon\n",
                [
                    "line 1: as of: expected an ISO 8601 date such as 2026-08-01, got 'soon'",
                    "document: expected an objective (a heading or an 'Objective:' line), got none",
                ],
            ),
            (
                "Cycle: 2026-Q3\n\n- Grow ARR to $2M\n\n## Grow\n- Raise NPS from 30 to 40\n",
                [
                    "line 3: expected an objective (a heading or an 'Objective:' line) before this"
                    " key result, got '- Grow ARR to $2M'"
                ],
            ),
            (
                "",
                [
                    "document: the document is empty: expected an objective (a heading or an"
                    " 'Objective:' line)"
                ],
            ),
            (
                "Notes from the offsite.\nCycle: 2026-Q3\n",
                ["document: expected an objective (a heading or an 'Objective:' line), got none"],
            ),
            (
                "Owner: growth\n## G\n",
                ["line 1: expected 'owner' under an objective, got 'growth'"],
            ),
            (
                "Id: plan\nWeight: 2\nAligned to: top\n## G\n",
                [
                    "line 1: expected 'id' under an objective, got 'plan'",
                    "line 2: expected 'weight' under an objective, got '2'",
                    "line 3: expected 'aligned to' under an objective, got 'top'",
                ],
            ),
            (
                "## G\nCycle: 2026-Q9\n",
                [
                    "line 2: cycle: expected a quarter from Q1 to Q4 in a cycle label: a year 2026,"
                    " half 2026-H1, quarter 2026-Q3, month 2026-07, ISO week 2026-W31, fiscal year"
                    " FY2027, fiscal half FY2027-H1, fiscal quarter FY2027-Q2 or custom span"
                    " 2026-07-01..2026-09-15, got '2026-Q9'"
                ],
            ),
            (
                "## G\nFiscal year start: April\nCycle: FY2027\n",
                ["line 2: fiscal year start: expected a month number 1..12, got 'April'"],
            ),
            ("## G\nWeight: heavy\n", ["line 2: weight: expected a number, got 'heavy'"]),
            ("## G\nWeight: -1\n", ["line 2: weight: expected a number above 0, got -1"]),
            ("## G\n- => 4\n", ["line 2: expected a key result statement, got '4'"]),
            (
                "## G\n- Grow NPS => soon\n",
                [
                    "line 2: expected a progress note such as '=> 4.6', '=> 66%' or '=> DONE'"
                    " (optionally 'on 2026-08-01'), got 'soon'"
                ],
            ),
            (
                "## G\n- Grow NPS => 4 on 2026-02-30\n",
                ["line 2: expected a real date, got '2026-02-30'"],
            ),
            ("## G\nId: x\n## H\nId: x\n", ["line 4: duplicate id 'x', also at line 2"]),
            (
                "## G\n\nOwner: platform\nCycle: 2026-Q3\nOwner: growth\n",
                ["line 5: owner: expected once per objective (first on line 3), got 'growth'"],
            ),
            (
                "As of: 2026-08-01\n## G\nAs of: 2026-08-14\n- Ship it\n",
                [
                    "line 3: expected 'as of' before the first objective, as it dates the whole"
                    " document, got '2026-08-14'"
                ],
            ),
            (
                "As of: 2026-08-01\n# Q3\nAs of: 2026-08-14\n## G\n",
                [
                    "line 3: as of: expected once before the first objective (first on line 1),"
                    " got '2026-08-14'"
                ],
            ),
            (
                "Cycle: 2026-Q3\nCycle: 2026-Q4\n## G\n",
                [
                    "line 2: cycle: expected once before the first objective (first on line 1),"
                    " got '2026-Q4'"
                ],
            ),
        ],
    )
    def test_bad_markdown(self, text: str, problems: list[str]) -> None:
        """Bad Markdown raises a FormatError naming each line and what was expected."""
        with pytest.raises(FormatError) as error:
            formats.loads(text, "markdown")
        assert problems == list(error.value.problems)

    def test_problem_fields(self) -> None:
        """A problem in Markdown keeps its line, the value seen and what was expected."""
        with pytest.raises(FormatError) as error:
            formats.loads("## Grow\n\nWeight: heavy\n", "markdown")
        (problem,) = error.value.details
        assert ("line 3", 3, "heavy", "a number") == (
            problem.path,
            problem.line,
            problem.value,
            problem.expected,
        )

    def test_factor_of_zero_keeps_the_statement(self) -> None:
        """'Halve tickets from 40 to 0' gives no target in Markdown, and is kept by its title."""
        plan = formats.loads("Cycle: 2026-Q3\n## Grow\n- Halve support tickets from 40 to 0\n",
                             "markdown")  # fmt: skip
        assert "Halve support tickets from 40 to 0" == plan.objectives[0].key_results[0].title

    def test_byte_order_mark_in_a_str(self) -> None:
        """A str that starts with a byte order mark reads as the same document without it."""
        text = "## Grow\n- Raise NPS from 30 to 40\n"
        assert formats.loads(text, "markdown") == formats.loads("\ufeff" + text, "markdown")


class TestDuplicateKeys:
    @pytest.mark.parametrize(
        ("text", "fmt", "message"),
        [
            ('{"okrkit": 1, "okrkit": 1}', "json", "$: invalid JSON: duplicate key 'okrkit'"),
            (
                '{"okrkit": 1, "objectives": [{"title": "a", "title": "b"}]}',
                "json",
                "duplicate key 'title'",
            ),
            ("okrkit: 1\nobjectives:\n- title: a\n  title: b\n", "yaml", "duplicate key 'title'"),
        ],
    )
    def test_refused(self, text: str, fmt: str, message: str) -> None:
        """A field said twice is refused, never silently overwritten."""
        with pytest.raises(FormatError) as info:
            formats.loads(text, fmt)  # type: ignore[arg-type]
        assert message in str(info.value)


class TestBeyondWhatValuesHold:
    """Numbers, times and text that no value can hold are refused with where they sit."""

    @pytest.mark.parametrize(
        ("text", "fmt", "message"),
        [
            (
                '{"okrkit":1,"objectives":[{"title":"G","key_results":[{"title":"x",'
                '"direction":"increase","start":1,"target":1' + "0" * 400 + "}]}]}",
                "json",
                "$.objectives[0].key_results[0].target: expected a number within",
            ),
            (
                '{"okrkit":1,"objectives":[{"title":"G","key_results":[{"title":"x",'
                '"check_ins":[{"at":"2026-07-01","value":1' + "0" * 400 + "}]}]}]}",
                "json",
                "value: expected a number within",
            ),
            (
                '{"okrkit":1,"objectives":[{"title":"a","key_results":[{"title":"k","check_ins":'
                '[{"at":"9999-12-31T23:00:00-12:00","value":1},{"at":"2026-01-01","value":2}]}]}]}',
                "json",
                "check_ins[0].at: expected a time that falls within 9999 in UTC",
            ),
            (
                '{"okrkit":1,"objectives":[{"title":"G \\ud800 x"}]}',
                "json",
                "$.objectives[0].title: expected text without lone surrogates",
            ),
            (
                "Cycle: 2026-Q3\n## Grow\n- Raise NPS from 30 to 40 => " + "9" * 5000 + "\n",
                "markdown",
                "line 3: expected a progress value a float can hold",
            ),
        ],
    )
    def test_refused_with_a_path(self, text: str, fmt: str, message: str) -> None:
        """Each is a FormatError naming where the problem is, never a bare built-in error."""
        with pytest.raises(FormatError) as info:
            formats.loads(text, fmt)  # type: ignore[arg-type]
        assert message in str(info.value)
