"""okrkit.formats, Markdown: OKRs as people write them, and every plan written back equal."""

from __future__ import annotations

import contextlib
import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import okrkit
from okrkit import formats
from okrkit.errors import FormatError, OKRError
from okrkit.formats import _markdown
from okrkit.model import Direction, Plan
from okrkit.testing import plans
from test_formats import fields

ROOT = Path(__file__).parent.parent
# Text that reads as structure, or that a line cannot hold.
HOSTILE = (
    "Owner: x", "Cycle: 2026-Q3", "# Objective:", "- Cut costs from 5 to 4", "=>", "DONE", "C#",
    "#", "\n", "\r", "\u2028", "<script>alert(1)</script>", "&amp;", "{#id}", "KR1: ", "Q3 2026",
    "\\", " ", "**", "_", "(now 5)", "— now 5", "\t", "1. ", "[x] ", "\x00", "→", "{", '"',
    "2026-08-01: 4", "## ", "O1: ",
)  # fmt: skip


def text_plans(
    words: tuple[str, ...], *, max_objectives: int = 4, max_text: int = 5
) -> st.SearchStrategy[Plan]:
    """Plans from `okrkit.testing.plans` whose every text field, id, KPI and past score is
    made of *words* and short random text (`test_markdown_trial` draws them too)."""
    pieces = st.lists(st.sampled_from(words) | st.text(max_size=max_text), min_size=1,
                      max_size=6).map("".join)  # fmt: skip
    nonblank = pieces.map(lambda s: s if s.strip() else s + "x")
    ids = nonblank.map(lambda s: "".join(ch for ch in s if ch.isprintable()).strip() or "x")

    @st.composite
    def build(draw: st.DrawFn) -> Plan:
        plan = draw(plans(max_objectives=max_objectives))
        objectives = []
        for o in plan.objectives:
            krs = []
            for k in o.key_results:
                check_ins = [
                    attrs.evolve(c, note=draw(st.none() | pieces),
                                 author=draw(st.none() | nonblank))
                    for c in k.check_ins
                ]  # fmt: skip
                krs.append(
                    attrs.evolve(
                        k,
                        title=draw(st.just(k.title) | nonblank),
                        id=draw(st.just(k.id) | ids),
                        owner=draw(st.none() | nonblank),
                        unit=draw(st.just(k.unit) | nonblank),
                        check_ins=check_ins,
                        ignore=draw(st.lists(nonblank, max_size=2)),
                    )
                )
            objectives.append(
                attrs.evolve(
                    o,
                    title=draw(st.just(o.title) | nonblank),
                    id=draw(st.just(o.id) | ids),
                    description=draw(st.none() | pieces),
                    owner=draw(st.none() | nonblank),
                    level=draw(st.none() | nonblank),
                    key_results=krs,
                )
            )
        kpis = [attrs.evolve(k, title=draw(nonblank), unit=draw(st.none() | nonblank))
                for k in plan.kpis]  # fmt: skip
        history = [attrs.evolve(h, owner=draw(nonblank)) for h in plan.history]
        held = [o.id for o in objectives] + [k.id for o in objectives for k in o.key_results]
        held += [k.id for k in kpis]
        if len(set(held)) < len(held):  # one space of ids for all of them, KPIs' too
            return plan
        try:
            return attrs.evolve(plan, objectives=objectives, kpis=kpis, history=history)
        except OKRError:  # a hostile id another one takes, say
            return plan

    return build()


def hostile_plans() -> st.SearchStrategy[Plan]:
    """Plans with hostile text (`HOSTILE`) in every text field."""
    return text_plans(HOSTILE)


class TestRoundTrip:
    @given(hostile_plans())
    def test_written_plan_reads_back_equal(self, plan: Plan) -> None:
        """loads(dumps(p)) == p, every value with its type, for any plan with objectives; the
        text written again is the same."""
        if not plan.objectives:
            with pytest.raises(FormatError):
                formats.dumps(plan, "markdown")
            return
        text = formats.dumps(plan, "markdown")
        again = formats.loads(text, "markdown")
        assert fields(plan) == fields(again)
        assert text == formats.dumps(again, "markdown")

    @given(hostile_plans())
    def test_same_as_json(self, plan: Plan) -> None:
        """Markdown keeps what JSON, the lossless reference, keeps."""
        if plan.objectives:
            via_json = formats.loads(formats.dumps(plan), "json")
            via_markdown = formats.loads(formats.dumps(plan, "markdown"), "markdown")
            assert fields(via_json) == fields(via_markdown)

    def test_html_never_written_raw(self) -> None:
        """Raw HTML in any text is escaped, so a rendered page never runs it."""
        plan = Plan(objectives=[okrkit.Objective(title="<script>x</script>", owner="<b>")])
        text = formats.dumps(plan, "markdown")
        assert re.search(r"(?<!\\)<", text) is None
        assert plan == formats.loads(text, "markdown")


class TestReadingAnyText:
    @given(
        st.lists(
            st.sampled_from(
                (*HOSTILE, "- ", "  - ", "=> ", "{", "}", "=", "#x", ".kpis", "\n", "\n", "$5k")
            )
            | st.text(max_size=8)
        ).map("".join)
    )
    def test_only_format_errors(self, text: str) -> None:
        """Reading any text gives a plan or a FormatError, never another error."""
        with contextlib.suppress(FormatError):
            formats.loads(text, "markdown")

    def test_long_hostile_lines_stay_linear(self) -> None:
        """A line of many spaces, braces or arrows reads in linear time."""
        for piece in (" ", "{", "=>", "- now ", "(currently ", "\\"):
            line = "## G\n- Grow users" + piece * 20_000 + "x\n"
            with contextlib.suppress(FormatError):
                formats.loads(line, "markdown")


WIKI_SUPPORT = """\
# Support team OKRs, 2026-Q3

As of: 2026-08-14

**Objective 1: Make getting help feel effortless**

KR1: Cut median first response time from 9h to 2h => 300 min
KR2: Raise CSAT from 82% to 92% — now 88%
KR 1.3 Reduce tickets reopened from 12% to 5% (was 12, now 9)
- [x] Publish a self-service help centre

## _O2: Keep every customer we already have_

1) Reduce monthly logo churn from 3% to 2% => 2.6%
2) Grow expansion revenue from $100k to $250k (currently $219k)
3) Grow ARR from $1M to $2M => $1,450,000 on 2026-08-01
"""

WIKI_PLATFORM = """\
# Platform

## Q3 2026

### Make the product fast

- Cut p95 latency from 2.4s to 0.9s => 1700ms
- Cut build time from 30 min to 10 min (currently 15 min)
- Cut time to restore from 9 days to 2 days => 6 days

### Objective 2: Cut infrastructure cost (2026-Q4)

- Cut monthly spend from $60,000 to $45,000 => $6,600 on 2026-10-15
"""


class TestWikiPages:
    PAGE = (
        "# Platform Team OKRs\n\nOwner: @dana\n\n## O1: Make the platform reliable\n"
        "- Zero Sev-1 incidents\n\n## O2: Cut what the platform costs\nOwner: @lee\n"
        "- Reduce cloud spend by 15%\n"
    )

    def test_sections_of_sections_with_owners(self) -> None:
        """A page's title and owner over section titles that hold labelled objectives is a
        section too; each objective takes the nearest owner above it."""
        page = (
            "# Company OKRs\nOwner: @ceo\n## Sales OKRs\nOwner: @sales\n### O1: Grow revenue\n"
            "- Grow ARR from $1M to $2M\n## Eng OKRs\n### O1: Faster builds\n"
            "- Cut build time from 20 min to 10 min\n"
        )
        plan = formats.loads(page, "markdown")
        assert [("Grow revenue", "@sales", None), ("Faster builds", "@ceo", None)] == [
            (o.title, o.owner, o.aligned_to) for o in plan.objectives
        ]

    @pytest.mark.parametrize(
        ("heading", "title", "cycle"),
        [
            ("## Grow Q9 FY27", "Grow Q9 FY27", None),  # no such quarter: no cycle either
            ("## FY27 Q9 Grow", "FY27 Q9 Grow", None),
            ("## Grow Q1 FY27", "Grow", "FY2027-Q1"),
        ],
    )
    def test_a_label_beside_a_quarter_that_is_none(
        self, heading: str, title: str, cycle: str | None
    ) -> None:
        """A fiscal year beside a quarter that does not exist is no cycle of the heading."""
        (obj,) = formats.loads(f"{heading}\n- Zero Sev-1 incidents\n", "markdown").objectives
        assert (obj.title, None if obj.cycle is None else str(obj.cycle)) == (title, cycle)

    @pytest.mark.parametrize(
        "title", ["Close the books for Q1 FY27", "Q1 FY2027", "Plan Q1 FY 2027", "FY27 Q1"]
    )
    def test_titles_that_end_in_a_written_label_write_back(self, title: str) -> None:
        """A title with a fiscal label as people write it is escaped, and reads back."""
        plan = okrkit.Plan(
            objectives=[
                okrkit.Objective(title=title, key_results=[okrkit.KeyResult(title="Hire 5")])
            ]
        )
        assert formats.loads(formats.dumps(plan, "markdown"), "markdown") == plan

    def test_a_page_title_with_its_owner_is_a_section_title(self) -> None:
        """A page's title and its owner above sub-headings that each say they are an
        objective is no objective (it was one, with no key results, and OKR101 flagged it):
        its owner is theirs, unless one names its own."""
        plan = formats.loads(self.PAGE, "markdown")
        assert [
            ("Make the platform reliable", "@dana", None),
            ("Cut what the platform costs", "@lee", None),
        ] == [(o.title, o.owner, o.aligned_to) for o in plan.objectives]
        assert _markdown.locate(self.PAGE)["objectives[0].owner"][0] == 3  # where it is written

    @pytest.mark.parametrize(
        "page",
        [
            # A sub-heading that does not say it is an objective: the title is one.
            "# Platform\n\nOwner: @dana\n\n## Make the platform reliable\n- Zero Sev-1 incidents\n",
            # More than an owner: the title is an objective.
            "# Platform\n\nOwner: @dana\nWeight: 2\n\n## O1: Make it reliable\n- Zero Sev-1s\n",
        ],
    )
    def test_a_heading_with_an_owner_is_otherwise_an_objective(self, page: str) -> None:
        """Only a title over objectives labelled as such is a section with an owner."""
        plan = formats.loads(page, "markdown")
        assert plan.objectives[0].title == "Platform"
        assert plan.objectives[1].aligned_to == plan.objectives[0].id

    def test_an_objective_with_an_owner_and_no_key_results_writes_as_one(self) -> None:
        """A parent objective with only an owner, over objectives with only a cycle, is
        written with its label, so that it reads back as an objective, not a section."""
        parent = okrkit.Objective(id="platform", title="Platform", owner="dana")
        child = okrkit.Objective(
            id="make-it-reliable",
            title="Make it reliable",
            aligned_to="platform",
            cycle=okrkit.Cycle.parse("2026-Q3"),
        )
        plan = okrkit.Plan(objectives=[parent, child])
        text = formats.dumps(plan, "markdown")
        assert "## Objective: Platform" in text
        assert formats.loads(text, "markdown") == plan

    def test_fiscal_labels_as_people_write_them(self) -> None:
        """ "FY27 Q1" in a heading, "Q2 FY27" on a cycle line, are fiscal quarters (the first
        stayed in the title, the second was refused)."""
        plan = formats.loads(
            "# Platform OKRs — FY27 Q1\n\n## O1: Make the platform reliable\n"
            "- Zero Sev-1 incidents\n\n## O2: Cut what the platform costs\nCycle: Q2 FY27\n"
            "- Reduce cloud spend by 15%\n",
            "markdown",
        )
        assert [
            ("Make the platform reliable", "FY2027-Q1"),
            ("Cut what the platform costs", "FY2027-Q2"),
        ] == [(o.title, str(o.cycle)) for o in plan.objectives]

    def test_support_page(self) -> None:
        """Labels, emphasis, units, inline progress and the title's cycle, as a person means."""
        plan = formats.loads(WIKI_SUPPORT, "markdown")
        assert [
            ("make-getting-help-feel-effortless", "2026-Q3"),
            ("keep-every-customer-we-already-have", "2026-Q3"),
        ] == [(o.id, str(o.cycle)) for o in plan.objectives]
        first, second = plan.objectives
        assert [
            ("cut-median-first-response-time-from-9h-to-2h", 5),
            ("raise-csat-from-82-to-92", 88),
            ("reduce-tickets-reopened-from-12-to-5", 9),
            ("publish-a-self-service-help-centre", 1),
        ] == [(kr.id, kr.current) for kr in first.key_results]
        assert [2.6, 219000, 1450000] == [kr.current for kr in second.key_results]
        assert [date(2026, 8, 14), date(2026, 8, 14), date(2026, 8, 1)] == [
            kr.check_ins[0].at for kr in second.key_results
        ]

    def test_platform_page(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A section heading's cycle holds for the objectives under it; an objective's own
        label in its heading is its cycle; notes in other units of time are converted."""
        monkeypatch.setattr(_markdown, "_today", lambda: date(2026, 8, 20))
        plan = formats.loads(WIKI_PLATFORM, "markdown")
        fast, cost = plan.objectives
        assert ("Make the product fast", "2026-Q3") == (fast.title, str(fast.cycle))
        assert ("Cut infrastructure cost", "2026-Q4") == (cost.title, str(cost.cycle))
        assert [1.7, 15, 6] == [kr.current for kr in fast.key_results]
        assert {date(2026, 8, 20)} == {kr.check_ins[0].at for kr in fast.key_results}
        assert 6600 == cost.key_results[0].current

    def test_docs_page_loads(self) -> None:
        """The wiki page docs/formats.md shows loads."""
        docs = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
        page = docs.split("```markdown\n", 1)[1].split("```", 1)[0]
        plan = formats.loads(page, "markdown")
        assert 3 == len(plan.objectives)

    @pytest.mark.parametrize(
        ("line", "message"),
        [
            ("- Cut latency from 2s to 1s => $5", "line 3: expected a value in 's', got '$5'"),
            ("- Raise NPS from 30 to 40 => soon", "line 3: expected a progress note such as"),
            ("- Raise NPS from 30 to 40 (currently lots)", "line 3: expected a progress note"),
            ("- Raise NPS from 30 to 40 => 4 on 2026-02-30", "line 3: expected a real date"),
            ("- Raise NPS from 30 to 40 {weight=heavy}", "line 3: weight: expected a number"),
            ("- Raise NPS from 30 to 40 {colour=red}", "line 3: unknown attribute 'colour'"),
            ("- Raise NPS from 30 to 40\n  - 2026-08-01: soon", "line 4: expected a number"),
            ("- x {direction=up}", "line 3: direction: expected one of"),
        ],
    )
    def test_unreadable_is_an_error_with_its_line(self, line: str, message: str) -> None:
        """A note, a check-in or an attribute that cannot be read is refused by its line."""
        with pytest.raises(FormatError) as error:
            formats.loads(f"Cycle: 2026-Q3\n## Grow\n{line}\n", "markdown")
        assert any(p.startswith(message) for p in error.value.problems), error.value.problems
        assert all(d.line is not None for d in error.value.details)

    def test_undated_note_uses_the_earlier_of_cycle_end_and_today(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without 'As of:', an undated note is dated by its cycle's end or today, the earlier."""
        text = "## Grow (2026-Q3)\n- Raise NPS from 30 to 40 => 35\n"
        monkeypatch.setattr(_markdown, "_today", lambda: date(2026, 8, 20))
        assert (
            date(2026, 8, 20)
            == formats.loads(text, "markdown").key_result("raise-nps-from-30-to-40").check_ins[0].at
        )
        monkeypatch.setattr(_markdown, "_today", lambda: date(2027, 1, 5))
        assert (
            date(2026, 9, 30)
            == formats.loads(text, "markdown").key_result("raise-nps-from-30-to-40").check_ins[0].at
        )

    @pytest.mark.parametrize(
        ("head", "note", "latest"),
        [
            ("", " (currently 45%)", None),  # undated beside dated: refused
            ("", " => 45%", None),
            ("As of: 2026-11-20\n", " (currently 45%)", 55),  # the As of: line dates it
            ("", " (currently 45% on 2026-11-20)", 55),  # so does its own date
            ("", " (currently 60% on 2026-12-03)", 60),
        ],
    )
    def test_an_undated_note_beside_dated_check_ins(
        self, monkeypatch: pytest.MonkeyPatch, head: str, note: str, latest: float | None
    ) -> None:
        """An undated note beside dated check-ins, with no 'As of:' line, is refused at its
        line: dated today it outranked them though it may be older (a newcomer's "(currently
        45%)" hid the 55 % checked in since)."""
        monkeypatch.setattr(_markdown, "_today", lambda: date(2026, 12, 5))
        text = f"{head}## Grow\n- Migrate 80% of services{note}\n  - 2026-12-01: 55%\n"
        if latest is None:
            with pytest.raises(FormatError) as error:
                formats.loads(text, "markdown")
            (detail,) = error.value.details
            assert detail.line == 2 + head.count("\n")
            assert "the latest on 2026-12-01" in str(error.value)
            assert "on 2026-12-05" in str(error.value)  # how to date it
        else:
            kr = formats.loads(text, "markdown").objectives[0].key_results[0]
            assert kr.latest() is not None
            assert kr.latest().value == latest  # type: ignore[union-attr]

    def test_attributes_win_over_the_statement(self) -> None:
        """On a line marked .title, attributes win; with a direction the statement is not read."""
        text = (
            "## Grow\n"
            "- Reduce churn from 5% to 4% {#churn .title start=6 unit=pp"
            ' owner="ana b" weight="1.5"}\n'
            "- Raise NPS from 30 to 40 {direction=none}\n"
        )
        churn, nps = formats.loads(text, "markdown").objectives[0].key_results
        assert ("churn", 6, 4.0, "pp", "ana b", Decimal("1.5")) == (
            churn.id, churn.start, churn.target, churn.unit, churn.owner, churn.weight,
        )  # fmt: skip
        assert (None, None, None) == (nps.direction, nps.start, nps.target)

    def test_a_persons_kpis_heading_is_an_objective(self) -> None:
        """Only a heading marked .kpis holds KPIs: a heading a person wrote stays an objective."""
        plan = formats.loads("## KPIs\n- Keep uptime at or above 99.9%\n", "markdown")
        assert (["KPIs"], ()) == ([o.title for o in plan.objectives], plan.kpis)


class TestExamples:
    @pytest.mark.parametrize(
        "path",
        [
            path
            for path in sorted((ROOT / "examples").iterdir())
            # A script, a notebook and a configuration snippet: not plans.
            if path.name not in ("acme_rules.py", "okrs.ipynb", "pyproject-snippet.toml")
        ],
        ids=lambda path: path.name,
    )
    def test_loads_and_validates(self, path: Path) -> None:
        """Every plan in examples/ loads as shipped and can be validated."""
        plan = formats.load(path)
        assert plan.objectives
        report = okrkit.validate(plan)
        assert all(d.code for d in report)

    def test_handwritten_as_people_mean_it(self) -> None:
        """examples/handwritten.md: its title's cycle, its note as 60% of the way, its box."""
        plan = formats.load(ROOT / "examples" / "handwritten.md")
        assert {"2026-Q3"} == {str(o.cycle) for o in plan.objectives}
        response = plan.key_result("cut-median-first-response-time-from-9h-to-2h")
        assert pytest.approx(4.8) == response.current
        assert (
            Direction.MILESTONE is plan.key_result("publish-a-self-service-help-centre").direction
        )


class TestLocate:
    def test_paths_and_columns(self) -> None:
        """Each objective, key result, check-in, KPI and field given on a line or attribute."""
        text = (
            "Cycle: 2026-Q3\n"  # 1
            "## Grow {#g}\n"  # 2
            "Owner: growth\n"  # 3
            "- Raise NPS from 30 to 40 {target=40 owner=ana}\n"  # 4
            "  - 2026-08-01: 35 {confidence=0.5}\n"  # 5
            "  - 2026-07-01: 32\n"  # 6
            "## KPIs {.kpis}\n"  # 7
            "- Uptime {direction=at_least threshold=99.9}\n"  # 8
        )
        where = _markdown.locate(text)
        assert {
            "objectives[0]": (2, 4),
            "objectives[0].title": (2, 4),
            "objectives[0].id": (2, 10),
            "objectives[0].owner": (3, 1),
            "objectives[0].key_results[0]": (4, 3),
            "objectives[0].key_results[0].title": (4, 3),
            "objectives[0].key_results[0].target": (4, 28),
            "objectives[0].key_results[0].owner": (4, 38),
            "objectives[0].key_results[0].check_ins[0]": (6, 5),
            "objectives[0].key_results[0].check_ins[1]": (5, 5),
            "objectives[0].key_results[0].check_ins[1].confidence": (5, 21),
            "kpis[0]": (8, 3),
            "kpis[0].title": (8, 3),
            "kpis[0].direction": (8, 11),
            "kpis[0].threshold": (8, 30),
        } == where

    @given(hostile_plans())
    def test_every_part_of_a_written_plan(self, plan: Plan) -> None:
        """Every objective, key result and check-in of a written plan has a place."""
        if not plan.objectives:
            return
        where = _markdown.locate(formats.dumps(plan, "markdown"))
        for i, o in enumerate(plan.objectives):
            assert f"objectives[{i}]" in where
            for j, kr in enumerate(o.key_results):
                assert f"objectives[{i}].key_results[{j}]" in where
                for k in range(len(kr.check_ins)):
                    assert f"objectives[{i}].key_results[{j}].check_ins[{k}]" in where
        for i in range(len(plan.kpis)):
            assert f"kpis[{i}]" in where

    def test_a_document_that_does_not_load(self) -> None:
        """locate reads what loads: a bad document raises its FormatError."""
        with pytest.raises(FormatError):
            _markdown.locate("no objectives here\n")


def _problems(text: str) -> list[tuple[int | None, str]]:
    """Each problem of the FormatError reading *text* raises: its line and its message."""
    with pytest.raises(FormatError) as error:
        formats.loads(text, "markdown")
    return [(d.line, p) for d, p in zip(error.value.details, error.value.problems, strict=True)]


_LONG = 1234567890123456789012345678901  # more digits than a Decimal's context keeps


def _read(text: str) -> Plan:
    return formats.loads(text, "markdown")


_NUMBER = 'a number (a Decimal in quotes: "12.50")'
_WHEN = "an ISO 8601 date, or date and time with an offset"
_LABELS = (
    "a cycle label: a year 2026, half 2026-H1, quarter 2026-Q3, month 2026-07, ISO week"
    " 2026-W31, fiscal year FY2027, fiscal half FY2027-H1, fiscal quarter FY2027-Q2 or custom"
    " span 2026-07-01..2026-09-15"
)
_KPI = "a KPI's direction and threshold: {direction=at_least threshold=99.9}"


class TestBadInput:
    @pytest.mark.parametrize(
        ("text", "problems"),
        [
            # Attributes given twice, unknown, or unreadable, on a heading and on an item.
            ("## G {#a #b}\n", [(1, "line 1: expected each attribute once, got 'id'")]),
            (
                "## G\n- Ship it {owner=a owner=b}\n",
                [(2, "line 2: expected each attribute once, got 'owner'")],
            ),
            ("## G {colour=red}\n", [(1, "line 1: unknown attribute 'colour'")]),
            # A check-in of a date and attributes only (thorough fuzzing found it asserted).
            (
                "## G\n- Cut it {start=9 target=5}\n  - 2026-06-05:   {confidence=0.7}\n",
                [(3, "line 3: expected a value after the date, got '2026-06-05:'")],
            ),
            ("## G {weight=heavy}\n", [(1, f"line 1: weight: expected {_NUMBER}, got 'heavy'")]),
            (
                '## G {owner=a"b"}\n',
                [(1, "line 1: owner: expected text, in quotes if it has spaces, got 'a\"b\"'")],
            ),
            (
                "## G {ignore=a,,b}\n",
                [(1, "line 1: ignore: expected rule codes separated by commas, got 'a,,b'")],
            ),
            (
                "## G {fiscal_year_start=13}\n",
                [(1, "line 1: fiscal_year_start: expected a month number 1..12, got '13'")],
            ),
            (
                "## G\n- Ship {target=1..2..3}\n",
                [(2, "line 2: target: expected a number, or a band low..high, got '1..2..3'")],
            ),
            (
                "## G\n- Ship {target=x..2}\n",
                [(2, "line 2: target: expected a number, or a band low..high, got 'x..2'")],
            ),
            ("## G\n- Ship {due=soon}\n", [(2, f"line 2: due: expected {_WHEN}, got 'soon'")]),
            (
                "## G\n- Ship {due=2026-13-01}\n",
                [(2, f"line 2: due: expected {_WHEN}, got '2026-13-01'")],
            ),
            (
                '## G\n- Ship {id="a"b}\n  - Objective: Win\n',
                [(2, "line 2: id: expected text, in quotes if it has spaces, got '\"a\"b'")],
            ),
            # Check-ins under a key result: their dates, values and attributes.
            (
                "## G\n- Raise NPS from 30 to 40\n  - 2026-02-30: 35\n",
                [(3, "line 3: expected a real date and time, got '2026-02-30'")],
            ),
            (
                "## G\n- Raise NPS from 30 to 40\n  - 2026-08-01T25:00Z: 35\n",
                [(3, "line 3: expected a real date and time, got '2026-08-01T25:00Z'")],
            ),
            (
                "## G\n- Raise NPS from 30 to 40\n  - 2026-08-01: 35 {confidence=high}\n",
                [(3, f"line 3: confidence: expected {_NUMBER}, got 'high'")],
            ),
            (
                "## G\n- Raise NPS from 30 to 40\n  - 2026-08-01: 35 {mood=ok}\n",
                [(3, "line 3: unknown attribute 'mood'")],
            ),
            (
                "## G\n- Raise NPS from 30 to 40\n  - 2026-08-01: 35 {confidence=3}\n",
                [(3, "line 3: check-in confidence: expected a number from 0 to 1, got 3")],
            ),
            # Notes in a wrong unit, or that cannot be read.
            (
                "## G\n- Raise NPS from 30 to 40 => " + "9" * 500 + "\n",
                [
                    (
                        2,
                        (
                            "line 2: expected a progress value a float can hold,"
                            " got '99999999999999999999'..."
                        ),
                    )
                ],
            ),
            (
                "## G\n- Raise NPS from 30 to 40 => 35 extra\n",
                [
                    (
                        2,
                        (
                            "line 2: expected a progress note such as '=> 4.6', '=> 66%'"
                            " or '=> DONE' (optionally 'on 2026-08-01'), got '35 extra'"
                        ),
                    )
                ],
            ),
            (
                "## G\n- Write the plan DONE {direction=none start=1e999}\n",
                [(2, "line 2: start: expected a finite number (not NaN or infinity), got inf")],
            ),
            # History lines.
            (
                "## History {.history}\n- nothing here\n## G\n",
                [
                    (
                        2,
                        (
                            "line 2: expected a past score such as '2026-Q2 growth: 0.62',"
                            " got 'nothing here'"
                        ),
                    )
                ],
            ),
            (
                "## History {.history}\n- 2026-Q2 growth: lots\n## G\n",
                [(2, "line 2: expected a score, got 'lots'")],
            ),
            (
                "## History {.history}\n- 2026-H3 growth: 0.5\n## G\n",
                [(2, f"line 2: cycle: expected a half from H1 to H2 in {_LABELS}, got '2026-H3'")],
            ),
            (
                "## History {.history}\n- 2026-Q2 growth: 0.5 {mood=x}\n## G\n",
                [(2, "line 2: unknown attribute 'mood'")],
            ),
            # KPI lines, and their check-ins.
            ("## KPIs {.kpis}\n- Uptime\n## G\n", [(2, f"line 2: expected {_KPI}, got 'Uptime'")]),
            (
                "## KPIs {.kpis}\n- Uptime {direction=sideways threshold=99.9}\n## G\n",
                [
                    (
                        2,
                        (
                            "line 2: direction: expected one of 'increase', 'decrease', 'at_least',"
                            " 'at_most', 'within', 'milestone', got 'sideways'"
                        ),
                    )
                ],
            ),
            (
                (
                    "## KPIs {.kpis}\n- Uptime {direction=at_least threshold=99.9}\n"
                    "  - 2026-08-01: lots\n## G\n"
                ),
                [(3, "line 3: expected a number such as 4.6, $219k, 140ms or 66%, got 'lots'")],
            ),
            (
                (
                    "## KPIs {.kpis}\n- Uptime {direction=at_least threshold=99.9 unit=%}\n"
                    "  - 2026-08-01: 5ms\n## G\n"
                ),
                [(3, "line 3: expected a value in '%', got '5ms'")],
            ),
            # Details before the first objective, and a fiscal naming.
            ("Owner: a\n## G\n", [(1, "line 1: expected 'owner' under an objective, got 'a'")]),
            (
                "## G\nFiscal year named by: middle\n",
                [(2, "line 2: fiscal year named by: expected 'end' or 'start', got 'middle'")],
            ),
        ],
    )
    def test_refused_by_line(self, text: str, problems: list[tuple[int, str]]) -> None:
        """Each unreadable part is a problem naming its line and what was expected."""
        assert problems == _problems(text)

    def test_prose_among_kpis_is_skipped(self) -> None:
        """Text under the KPIs heading that is not an item holds no field: a bad KPI after it
        is still found by its line."""
        text = "## KPIs {.kpis}\nprose\n- Uptime {direction=at_least threshold=x}\n## G\n"
        assert [
            (3, "line 3: threshold: expected a number, or a band low..high, got 'x'"),
            (3, f"line 3: expected {_KPI}, got 'Uptime'"),
        ] == _problems(text)

    def test_unknown_attributes_warned_or_ignored(self) -> None:
        """With unknown='warn' unknown attributes are named in one warning; 'ignore' is silent."""
        text = "## G {colour=red}\n- Ship {size=xl}\n"
        with pytest.warns(
            okrkit.OKRWarning, match="^unknown attributes ignored: line 1: colour, line 2: size$"
        ):
            plan = formats.loads(text, "markdown", unknown="warn")
        assert plan == formats.loads(text, "markdown", unknown="ignore")


class TestReadingDetails:
    def test_objective_label_on_a_cycle(self) -> None:
        """'Objective: 2026-Q3' names an objective 2026-Q3, not a cycle."""
        (o,) = _read("## Objective: 2026-Q3\n- Ship it\n").objectives
        assert ("2026-Q3", None) == (o.title, o.cycle)

    def test_label_that_is_no_cycle(self) -> None:
        """A heading opening with what looks like a cycle but is none keeps it in its title."""
        (o,) = _read("## 2026-13 plan\n- Ship it\n").objectives
        assert ("2026-13 plan", None) == (o.title, o.cycle)

    def test_escaped_line_before_the_first_objective(self) -> None:
        """An escaped line before the first objective is text, as any there: no field holds it."""
        (o,) = _read("\\## Not a heading\n## G\n").objectives
        assert ("G", None) == (o.title, o.description)

    def test_text_in_braces_that_is_no_attribute_block(self) -> None:
        """Braces around what is not all attributes are part of the title."""
        assert "G {owner=a !}" == _read("## G {owner=a !}\n").objectives[0].title
        assert "G{#a}" == _read("## G{#a}\n").objectives[0].title  # a block follows a space

    def test_fiscal_attribute(self) -> None:
        """A fiscal start in an objective's attribute block reads its FY cycle."""
        (o,) = _read("## G {fiscal_year_start=4}\nCycle: FY2027\n- Ship it\n").objectives
        assert (date(2026, 4, 1), 4) == (o.cycle.start, o.cycle.fiscal_year_start)

    def test_objective_under_a_key_result_with_an_id(self) -> None:
        """An objective nested under a key result is aligned to its #id."""
        text = "## G\n- Launch beta {#beta}\n  - Objective: Win beta users\n    - Get 10 users\n"
        assert "beta" == _read(text).objectives[1].aligned_to

    def test_note_in_the_key_results_own_unit(self) -> None:
        """A note's unit that is the key result's own word is that unit."""
        text = "## G\n- Raise NPS from 30 to 40 => 35 pts {unit=pts}\n"
        assert 35 == _read(text).objectives[0].key_results[0].current

    @pytest.mark.parametrize(
        ("line", "current"),
        [
            ("Grow ARR from 850 000 € to 1 000 000 € => 940 000 €", 940_000),
            ("Increase paying customers from 1 150 to 1 400 (currently 1 260)", 1_260),
            ("Reach 12 500 active users — now 10 800", 10_800),
            ("Reduce monthly churn from 2,5 % to 1,8 % => 2,1 %", 2.1),
            ("Grow revenue from CHF 2 Mio. to CHF 3 Mio. => CHF 2.9 Mio.", 2_900_000.0),
            ("Grow pipeline from ₹80 lakh to ₹1.2 crore => ₹95 lakh", 9_500_000),
            ("Grow deposits from CHF 4'000'000 to CHF 4'500'000 => CHF 4'200'000", 4_200_000),
            ("Grow sales from R$ 2 mi to R$ 3 mi => R$ 2,5 mi", 2_500_000.0),
            ("Grow GMV from ₩50,000,000 to ₩80,000,000 => ₩62,000,000", 62_000_000),
            ("Grow revenue from 400 000 ₺ to 600 000 ₺ (currently 450 000 ₺)", 450_000),
            ("Cut p95 API latency from 850 ms to 400 ms => ~520 ms", 520),
            ("Cut p95 API latency from 850 ms to 400 ms => 0.52 s", 520.0),
            # and as written (a hostile trial's finds): a full stop, a float, a long integer
            ("Grow ARR from $100k to $250k => 5.", 5.0),
            ("Grow ARR from 5 to 10 (currently 5.)", 5.0),
            ("Grow ARR from 5 to 10 => 1e3", 1000.0),
            ("Grow ARR from 5 to 10 => 2.0", 2.0),
            (f"Grow ARR from 5 to 10 => {_LONG}", _LONG),  # more digits than Decimal keeps
        ],
    )
    def test_notes_as_teams_the_world_over_write_numbers(self, line: str, current: float) -> None:
        """A progress note's number is read as a statement's is: grouped by spaces or
        apostrophes, with a decimal comma, a currency's code or sign after it, or a scale
        word (a newcomer's trial as Swiss, Nordic, Indian and Brazilian teams: each of these
        stopped the whole file); an integer as written stays one, a float a float."""
        kr = _read(f"As of: 2026-12-01\n## G\n- {line}\n").objectives[0].key_results[0]
        assert current == kr.current
        assert type(current) is type(kr.current)

    @pytest.mark.parametrize(
        ("line", "current"),
        [
            # a bare number is the key result's unit as written, whatever the statement's
            # scale (as the writer writes it: a file round-trips); a scale is written
            ("Grow MRR from 400 TEUR to 600 TEUR => 450", 450),
            ("Grow MRR from 400 TEUR to 600 TEUR => 450 TEUR", 450_000),
            ("Grow ARR from $1.2M to $2M => 1.5", 1.5),
            ("Grow ARR from $1.2M to $2M => $1.5M", 1_500_000.0),
            ("Grow ARR from $1.2M to $2M => 1500000", 1_500_000),
            ("Cut cloud spend from 12 MSEK to 9 MSEK => 10.5 MSEK", 10_500_000.0),
            ("Grow ARR 9-12 MEUR => 10 MEUR", 10_000_000),
            # attributes in the statement's scale: the note is in their unit
            ("Grow MRR from 400 TEUR to 600 TEUR => 450 {start=400 target=600 unit=TEUR}", 450),
            ("Grow MRR from 400 TEUR to 600 TEUR => 450 TEUR {start=400 target=600 unit=TEUR}",
             450),
            ("Cut wait from 10 min to 5 min => 90 s", 1.5),
            ("Cut MTTR from 3 h to 1 h => 100 min", 100 / 60),  # exactly: by the hour's 60
            ("Cut build from 20 min to 10 min => 2700 s", 45),  # an integer stays one
            # a sign several currencies write, for a key result in a code it may stand for
            ("Cut cloud spend from 12 MSEK to 9 MSEK => 10,5 Mkr", 10_500_000.0),
            ("Grow sales from RMB 5M to RMB 8M => ¥6M", 6_000_000),
            ("Cut overhead from 900 tkr to 700 tkr => SEK 780k", 780_000),
            ("Grow revenue from €500.000 to €800.000 => €650.000", 650_000),
            # attributes that spell the statement's unit their way, or name another scale
            ("Grow revenue from ₺400k to ₺600k => ₺500k {unit=₺}", 500_000),
            ("Grow revenue from 2 mld zł to 3 mld zł => 2.5 mld zł {unit=zł}", 2_500_000_000.0),
            ("Grow GMV from 5 Mkr to 8 Mkr => 6 {unit=Mkr}", 6),
            ("Grow MRR from 400 TEUR to 600 TEUR => 450000 {start=400000 target=600000 unit=EUR}",
             450_000),
        ],
    )  # fmt: skip
    def test_a_note_s_unit_and_scale(self, line: str, current: float) -> None:
        """A note in another scale of the key result's currency, or another unit of its time,
        converts; a sign several currencies write stands for one of theirs; a bare number is
        in the key result's unit as written."""
        kr = _read(f"As of: 2026-12-01\n## G\n- {line}\n").objectives[0].key_results[0]
        assert current == kr.current
        assert type(current) is type(kr.current)

    @pytest.mark.parametrize(
        ("line", "start", "target"),
        [
            ("Cut wait from 90 min to 30 min {unit=h}", 1.5, 0.5),
            ("Grow GMV from 5 Mkr to 8 Mkr {unit=Mkr}", 5, 8),
            ("Grow revenue from 2 mld zł to 3 mld zł {unit=zł}", 2_000_000_000, 3_000_000_000),
        ],
    )
    def test_a_unit_alone_takes_the_statement_s_numbers(
        self, line: str, start: float, target: float
    ) -> None:
        """A unit attribute alone, of the statement's kind, holds its numbers in that unit,
        exactly (90 min are 1.5 h)."""
        kr = _read(f"## G\n- {line}\n").objectives[0].key_results[0]
        assert (kr.start, kr.target) == (start, target)

    @pytest.mark.parametrize(
        "line",
        [
            "Grow ARR from CHF 1.2M to CHF 2M => $1.5M",  # "$" is never the franc
            "Grow ARR from AUD 1.2M to AUD 2M => £1.5M",
            "Grow ARR from $1.2M to $2M => AUD 1.5M",  # "$" is the US dollar as okrkit writes it
            "Grow sales from KES 50M to KES 80M => 60 Mkr",
            "Raise NPS from 30 to 45 => $40 {unit=NPS}",
            "Cut latency from 2.4s to 0.9s {start=2410 target=900 unit=ms}",  # 2.4 s is 2400 ms
        ],
    )
    def test_a_note_in_another_currency_is_an_error(self, line: str) -> None:
        """A third hostile trial's: a note in a currency the key result's is not, or attributes
        that hold another number than the statement's in their unit, are refused (a sign was
        taken for any code, and attributes agreed within half a percent)."""
        with pytest.raises(FormatError):
            _read(f"As of: 2026-12-01\n## G\n- {line}\n")

    @given(
        st.sampled_from(["Grow MRR from 400 TEUR to 600 TEUR", "Grow ARR from $1.2M to $2M",
                         "Grow signups from 1k to 20k", "Grow ARR 9-12 MEUR",
                         "Grow paying customers from 0 to 10k", "Cut MTTR from 3 h to 1 h"]),
        st.integers(0, 10**7) | st.floats(0, 1e7, allow_nan=False).map(lambda x: round(x, 3)),
    )  # fmt: skip
    def test_a_check_in_round_trips_under_any_statement(self, title: str, value: float) -> None:
        """Whatever a key result's statement's scale, its check-ins' values round-trip (a
        bare note once read at the statement's scale made the writer refuse "50" under
        "from 1k to 20k")."""
        plan = _read(f"## G\n- {title}\n  - 2026-08-01: 0\n")
        kr = plan.objectives[0].key_results[0]
        kr = attrs.evolve(kr, check_ins=(attrs.evolve(kr.check_ins[0], value=value),))
        plan = attrs.evolve(plan, objectives=[attrs.evolve(plan.objectives[0], key_results=[kr])])
        assert plan == formats.loads(formats.dumps(plan, format="markdown"), format="markdown")

    def test_check_in_note_without_a_dash(self) -> None:
        """A word after a check-in's value is its note, not a unit."""
        text = "## G\n- Raise NPS from 30 to 40\n  - 2026-08-01: 35 great progress\n"
        (c,) = _read(text).objectives[0].key_results[0].check_ins
        assert (35, "great progress") == (c.value, c.note)

    def test_percent_without_a_start(self) -> None:
        """'=> 50%' is the value 50 itself when there is no start to measure the way from."""
        text = "As of: 2026-08-01\n## G\n- Keep uptime => 50% {direction=at_least target=99}\n"
        assert 50 == _read(text).objectives[0].key_results[0].current

    def test_done_on_a_key_result_without_a_target(self) -> None:
        """DONE makes a key result with no direction a milestone, done."""
        text = "As of: 2026-08-01\n## G\n- Write the plan DONE {direction=none}\n"
        kr = _read(text).objectives[0].key_results[0]
        assert (Direction.MILESTONE, 1) == (kr.direction, kr.current)

    def test_statement_that_contradicts_itself(self) -> None:
        """A statement whose numbers contradict its verb gives no fields: kept by its title."""
        kr = _read("## G\n- Increase NPS from 50 to 30\n").objectives[0].key_results[0]
        assert ("Increase NPS from 50 to 30", None, None) == (kr.title, kr.direction, kr.target)

    @pytest.mark.parametrize(
        ("statement", "direction"),
        [
            ("Reduce churn by 8%", Direction.DECREASE),
            ('"Setup" tickets down 30% vs Q2', Direction.DECREASE),
            ("Double weekly signups", Direction.INCREASE),
        ],
    )
    def test_a_change_with_no_baseline(self, statement: str, direction: Direction) -> None:
        """A change with no baseline keeps its direction and no target, as to_key_result
        makes it, so that the rules flag it (OKR204) as they do however it is imported; it
        writes back as it was written."""
        from okrkit.rules import RuleConfig, validate

        plan = _read(f"## Make support loved by every team\n- {statement}\n")
        (kr,) = plan.objectives[0].key_results
        assert (kr.direction, kr.start, kr.target) == (direction, None, None)
        found = validate(plan, RuleConfig(select=["OKR204"]), today=date(2026, 8, 1))
        assert ["OKR204"] == [d.code for d in found]
        assert f"- {statement}\n" in okrkit.dumps(plan, format="markdown")
        assert okrkit.loads(okrkit.dumps(plan, format="markdown"), format="markdown") == plan

    @pytest.mark.parametrize(
        ("line", "start", "target", "notes"),
        [
            ("Activation rate 22% → 35% by EOQ", 22, 35, []),  # a deadline goes on: no note
            ("MTTR: 90 min -> 30 min - owner RS", 90, 30, []),
            ("Reduce churn 5% → 4%", 5, 4, []),  # no measure before the arrow
            ("p95 under 300 ms -> 280 ms", None, 300, [280]),
            ("NPS ≥ 45 → 38", None, 45, [38]),
            ("NPS 30 → 38 on 2026-08-01", None, 30, [38]),
            ("Ship 3 features -> 2", 0, 3, [2]),
            ("Grow MRR from $120k to $180k → $151k", 120_000, 180_000, [151_000]),
            ("Grow MRR from $120k to $180k → $151k on 2026-08-01", 120_000, 180_000, [151_000]),
        ],
    )
    def test_an_arrow_between_numbers(
        self, line: str, start: float | None, target: float, notes: list[float]
    ) -> None:
        """An arrow between two numbers of a measure, followed by what no note is, stays in
        the statement (a newcomer's file was refused over "22% → 35% by EOQ")."""
        plan = _read(f"As of: 2026-08-20\n## Make support loved by every team\n- {line}\n")
        (kr,) = plan.objectives[0].key_results
        assert (kr.start, kr.target, [c.value for c in kr.check_ins]) == (start, target, notes)
        assert okrkit.loads(okrkit.dumps(plan, format="markdown"), format="markdown") == plan

    @pytest.mark.parametrize(
        "line",
        [
            "Test coverage 60% -> 80%",  # a newcomer's: read as a level met by its note
            "**Test coverage**: 60% -> 80%",
            "Test coverage for backend 60% -> 80%",
            "Deploys per week 3 -> 10",
            "Cost per ticket $5 -> $4",
            "Lead time 10 days -> 3",
            # a trial's: whether ahead of the level or behind, the same question, so that
            # no note changes what the line means
            "NPS 45 → 38",
            "NPS 45 → 50",
            "Widgets 45 -> 38",
            # a note in the level's unit, written out (it was taken for no note at all)
            "Latency 400ms -> 250ms",
            "Onboarding time 14 days → 7 days",
            # a verb of improving or reaching, then a level: read as a level and its note
            # ("Improve NPS 30 -> 45" was a target of 30, met by its note)
            "Improve NPS 30 -> 45",
            "Optimize p95 latency 400ms -> 250ms",
            "Reach NPS 45 → 38",
        ],
    )
    def test_a_metric_s_number_then_an_arrow_is_asked_about(self, line: str) -> None:
        """A metric and a number, an arrow and another number, reads as a change from one to
        the other as well as a level with a progress note: the reader says so at its line,
        with both ways to write it, rather than pick one."""
        with pytest.raises(FormatError) as raised:
            _read(f"## Make support loved by every team\n- {line}\n")
        (problem,) = raised.value.problems
        assert problem.startswith("line 2: ")
        assert "reads two ways" in problem
        assert "'=> " in problem
        for fixed in (" => ", " \\→ "):
            written = line.replace(" -> ", fixed).replace(" → ", fixed)
            _read(f"## Make support loved by every team\n- {written}\n")

    @pytest.mark.parametrize(
        ("line", "goes", "says"),
        [
            ("Reduce open bugs 10 -> 40", "goes up", "'Reduce' says down"),
            ("Boost NPS 45 → 38", "goes down", "'Boost' says up"),
            ("Boost NPS 45 → 45", "stays", "'Boost' says up"),
        ],
    )
    def test_a_verb_of_change_whose_numbers_go_against_it_is_an_error(
        self, line: str, goes: str, says: str
    ) -> None:
        """A verb of change, a metric and a number, an arrow and a number that goes the other
        way, read as a change, lost a number ("Reduce open bugs 10 -> 40" was a target of 40
        from no baseline): an error at its line, which says the note's way to write it."""
        with pytest.raises(FormatError) as raised:
            _read(f"## Make support loved by every team\n- {line}\n")
        (problem,) = raised.value.problems
        assert problem.startswith("line 2: ")
        assert "reads as no change" in problem
        assert goes in problem
        assert says in problem
        noted = line.replace(" -> ", " => ").replace(" → ", " => ")
        (kr,) = _read(f"## Make support loved by every team\n- {noted}\n").objectives[0].key_results
        assert len(kr.check_ins) == 1

    def test_a_long_arrow_is_an_arrow(self) -> None:
        """ "-->" and "==>" are arrows, as "->" and "=>" are (a trial's "Coverage 60% --> 80%"
        read as a level of 60% whose statement ended in "-"), and an arrow after a
        check-in's value is its note's ("35 -> 40" noted "> 40")."""
        page = (
            "As of: 2026-08-20\n## Make support loved by every team\n"
            "- Reduce churn 5% --> 4%\n"
            "- Coverage ≥ 60% --> 80%\n"
            "- NPS ≥ 45 ==> 50\n"
            "- Raise CSAT from 80% to 90%\n"
            "  - 2026-08-01: 85 -> 86\n"
            "  - 2026-08-02: 86 —> 87\n"
        )
        plan = _read(page)
        moved, floor, nps, csat = plan.objectives[0].key_results
        assert (moved.title, moved.start, moved.target) == ("Reduce churn 5% --> 4%", 5, 4)
        assert (floor.title, [c.value for c in floor.check_ins]) == ("Coverage ≥ 60%", [80])
        assert (nps.title, [c.value for c in nps.check_ins]) == ("NPS ≥ 45", [50])
        assert [(c.value, c.note) for c in csat.check_ins] == [(85, "-> 86"), (86, "—> 87")]
        assert okrkit.loads(okrkit.dumps(plan, format="markdown"), format="markdown") == plan
        with pytest.raises(FormatError) as raised:
            _read("## Make support loved by every team\n- Coverage 60% --> 80%\n")
        (problem,) = raised.value.problems
        assert "reads two ways" in problem
        assert "'\\-\\->'" in problem  # both dashes escaped: "\->" would still be an arrow
        with pytest.raises(FormatError) as raised:  # both ways: "from ... to ..." only
            _read("## Make support loved by every team\n- Coverage 60% <--> 80%\n")
        (problem,) = raised.value.problems
        assert "write 'from 60% to 80%' for the change" in problem
        fixed = _read("## Make support loved by every team\n- Coverage 60% \\-\\-> 80%\n")
        (kr,) = fixed.objectives[0].key_results
        assert (kr.title, kr.start, kr.target) == ("Coverage 60% --> 80%", 60, 80)

    def test_a_statement_that_would_be_asked_about_is_written_escaped(self) -> None:
        """A key result whose statement is such a line is written with its arrow escaped, and
        reads back as it was (fields and all)."""
        statements = ["Reduce open bugs 10 -> 40", "Improve NPS 30 -> 45", "Boost NPS 45 → 38"]
        statements += ["Latency 400ms -> 250ms", "Reduce churn 5% → 4%"]
        krs = [okrkit.text.to_key_result(s, id=f"k{i}") for i, s in enumerate(statements)]
        plan = Plan(objectives=[okrkit.Objective(id="o", title="Make it good", key_results=krs)])
        page = okrkit.dumps(plan, format="markdown")
        assert "- Improve NPS 30 \\-\\> 45 {#k1}" in page
        assert "- Reduce churn 5% → 4% {#k4}" in page  # (read one way: as written)
        assert okrkit.loads(page, format="markdown") == plan

    @pytest.mark.parametrize(
        ("line", "title", "notes"),
        [
            # a third trial's: lines that read one way only are not asked about
            ("Test coverage 60% -> DONE", "Test coverage 60%", [60]),
            ("Latency 400ms -> 2%", "Latency 400ms", [2]),  # a share of the way
            ("Test coverage target 80% -> 70%", "Test coverage target 80%", [70]),
            ("Incidents max. 3 -> 2", "Incidents max. 3", [2]),
            ("Test coverage 60% -> 80% {.title}", "Test coverage 60%", [80]),
            # attributes say which: a bound's direction keeps the note, whichever way it
            # lies; a change's direction, or a start or target, joins the statement
            ("NPS 45 → 38 {direction=at_least}", "NPS 45", [38]),
            ("Test coverage 80% -> 60% {direction=at_least}", "Test coverage 80%", [60]),
            ("NPS 45 → 38 {direction=at_least target=45}", "NPS 45", [38]),
            ("Test coverage 60% -> 80% {start=60 target=80}", "Test coverage 60% -> 80%", []),
            ("Improve NPS 30 -> 45 {direction=increase}", "Improve NPS 30 -> 45", []),
            ("Reach NPS 45 → 38 {target=45}", "Reach NPS 45", [38]),
            # a verb of work or of holding keeps its note; a verb of change whose numbers go
            # its way is the change
            ("Hire 5 engineers -> 3", "Hire 5 engineers", [3]),
            ("Keep NPS 45 -> 38", "Keep NPS 45", [38]),
            ("Improve NPS to 45 -> 30", "Improve NPS to 45", [30]),
            ("Cut p95 latency 400ms -> 250ms", "Cut p95 latency 400ms -> 250ms", []),
            ("Reduce MTTR 4 hours -> 2 hours", "Reduce MTTR 4 hours -> 2 hours", []),
            ("Latency 400ms -> 0.3 s", "Latency 400ms", [300]),  # another unit: a note
            # a hostile trial's: a change in two units, to a decimal, with what goes on after
            ("Cut p95 latency 2.4s → 900ms", "Cut p95 latency 2.4s → 900ms", []),
            ("Reduce MTTR 2 hours → 30 min", "Reduce MTTR 2 hours → 30 min", []),
            ("Reduce churn 5% → 4.2%", "Reduce churn 5% → 4.2%", []),
            ("Raise CSAT 4.2 -> 4.6", "Raise CSAT 4.2 -> 4.6", []),
            ("Reduce churn 5% → 4.2% by Q3", "Reduce churn 5% → 4.2% by Q3", []),
            ("[ ] Cut p95 latency 2.4s → 900ms", "Cut p95 latency 2.4s → 900ms", []),
            ("Reduce page weight 2 MB -> 800 KB", "Reduce page weight 2 MB -> 800 KB", []),
            # attributes: a change's direction with blanks around it, a change's direction on
            # numbers that go against it (a note, as before)
            ('Improve NPS 30 -> 45 {direction=" increase "}', "Improve NPS 30 -> 45", []),
            ("Reduce open bugs 10 -> 40 {direction=decrease}", "Reduce open bugs 10", [40]),
            # a second hostile trial's: a change's amount or start before the arrow, and a
            # line the old writer marked a title, read as before
            ("Reduce churn by 30% -> 40", "Reduce churn by 30% -> 40", []),
            ("Decrease defects from 10 -> 40", "Decrease defects from 10", [40]),
            (
                "ARR $40k → 30 {.title direction=increase start=1 target=2}",
                "ARR $40k → 30",
                [],
            ),
        ],
    )
    def test_a_line_that_reads_one_way_is_not_asked_about(
        self, line: str, title: str, notes: list[float]
    ) -> None:
        plan = _read(f"As of: 2026-08-20\n## Make support loved by every team\n- {line}\n")
        (kr,) = plan.objectives[0].key_results
        assert (kr.title, [c.value for c in kr.check_ins]) == (title, notes)
        assert okrkit.loads(okrkit.dumps(plan, format="markdown"), format="markdown") == plan

    def test_an_arrow_the_attributes_direction_says(self) -> None:
        """With a direction in the attributes an arrow marks a note, unless the statement
        it joins says that direction (a trial's "Test coverage 60% -> 80% {direction=increase
        start=60 target=80}" was refused: "the statement says direction at_least")."""
        page = (
            "As of: 2026-08-20\n## Make support loved by every team\n"
            "- Test coverage 60% -> 80% {direction=increase start=60 target=80}\n"
            "- Test coverage 60% -> 80% {direction=at_least}\n"
        )
        joined, noted = _read(page).objectives[0].key_results
        assert (joined.title, joined.check_ins) == ("Test coverage 60% -> 80%", ())
        assert (noted.title, [c.value for c in noted.check_ins]) == ("Test coverage 60%", [80])
        plan = _read(page)
        assert okrkit.loads(okrkit.dumps(plan, format="markdown"), format="markdown") == plan

    def test_due_with_an_offset_in_seconds(self) -> None:
        """A due time keeps its offset's seconds and fraction, which Python's parser drops."""
        kr = _read("## G\n- Ship {due=2026-08-01T10:00+02:00:30.5}\n").objectives[0].key_results[0]
        assert timedelta(hours=2, seconds=30.5) == kr.due.utcoffset()


class TestWritingDetails:
    def test_text_that_reads_as_structure(self) -> None:
        """Blank text, a final line break, a cycle label, an attribute block and a box in
        titles and descriptions are written so as to read back as they were."""
        fy = okrkit.Cycle.parse("FY2027", fiscal_year_start=4)
        plan = Plan(
            objectives=[
                okrkit.Objective(title="KR1 growth", description=" ", cycle=fy),
                okrkit.Objective(title="Q3 2026 launch", description="first\n"),
                okrkit.Objective(title="Plan {#a}", key_results=[okrkit.KeyResult(title="[x] y")]),
            ]
        )
        text = formats.dumps(plan, "markdown")
        assert [
            "Fiscal year start: 4",
            "## Objective: KR1 growth",
            "Cycle: FY2027",
            "&#32;",
            "## Objective: &#81;3 2026 launch",
            "first\\",
            "## Plan \\{\\#a\\}",
            "- \\[x\\] y {direction=none}",
        ] == [line for line in text.splitlines() if line]
        assert plan == formats.loads(text, "markdown")

    def test_key_results_that_read_as_objectives_or_check_ins(self) -> None:
        """A key result statement that reads as an 'Objective:' line or a check-in is escaped."""
        krs = [
            okrkit.KeyResult(title="objective. ship", id="s"),
            okrkit.KeyResult(title="2026-08-01: 4"),
        ]
        plan = Plan(objectives=[okrkit.Objective(title="G", key_results=krs)])
        text = formats.dumps(plan, "markdown")
        assert [
            "## G",
            "- objective\\. ship {#s direction=none}",
            "- 2026\\-08\\-01\\: 4 {direction=none}",
        ] == [line for line in text.splitlines() if line]
        assert plan == formats.loads(text, "markdown")

    def test_ignored_codes_kpis_and_fiscal_history(self) -> None:
        """An objective's and a KPI's ignored codes, and a past score's own fiscal year, are
        written in attribute blocks."""
        fy = okrkit.Cycle.parse("FY2027", fiscal_year_start=7, fiscal_year_named_by="start")
        fy_april = okrkit.Cycle.parse("FY2027", fiscal_year_start=4)
        fy_april_start = okrkit.Cycle.parse(
            "FY2027", fiscal_year_start=4, fiscal_year_named_by="start"
        )
        fy_july = okrkit.Cycle.parse("FY2027", fiscal_year_start=7)
        plan = Plan(
            objectives=[okrkit.Objective(title="Grow", ignore=("OKR101",), cycle=fy_april)],
            kpis=[
                okrkit.Kpi(title="[x] uptime", direction="at_least", threshold=99.9, ignore=("K1",))
            ],
            history=[
                okrkit.PastScore(owner="growth", cycle=fy, score=0.5),
                okrkit.PastScore(owner="growth", cycle=fy_april_start, score=0.6),
                okrkit.PastScore(owner="growth", cycle=fy_july, score=0.7),
            ],
        )
        text = formats.dumps(plan, "markdown")
        assert [
            "Fiscal year start: 4",
            "## Grow {ignore=OKR101}",
            "Cycle: FY2027",
            "## KPIs {.kpis}",
            "- \\[x\\] uptime {direction=at_least threshold=99.9 ignore=K1}",
            "## History {.history}",
            "- FY2027 growth: 0.5 {fiscal_year_start=7 fiscal_year_named_by=start}",
            "- FY2027 growth: 0.6 {fiscal_year_named_by=start}",
            "- FY2027 growth: 0.7 {fiscal_year_start=7}",
        ] == [line for line in text.splitlines() if line]
        assert plan == formats.loads(text, "markdown")


class TestHostileTrialOfNotes:
    """What a hostile trial (a helper's 10,000 documents) found when progress notes came to
    read their numbers as statements do, each pinned."""

    def test_a_check_in_with_a_full_stop(self) -> None:
        text = "## G\n- Grow ARR from 5 to 10\n  - 2026-08-01: 5.\n"
        (c,) = _read(text).objectives[0].key_results[0].check_ins
        assert (5.0, None) == (c.value, c.note)

    @pytest.mark.parametrize(
        ("line", "start", "target"),
        [
            # an arrow between two numbers, then a word: still the statement's
            ("Activation rate 22% → 35% EOQ", 22.0, 35.0),
            ("Reduce churn from 5% → 4% monthly", 5.0, 4.0),
            # a number with a spaced unit before the arrow (it became a note)
            ("Reduce churn 5,5 % → 4,5 %", 5.5, 4.5),
            ("Cut cost 3 200 € → 2 600 €", 3200.0, 2600.0),
        ],
    )
    def test_arrows_between_numbers_stay_in_the_statement(
        self, line: str, start: float, target: float
    ) -> None:
        kr = _read(f"## G\n- {line}\n").objectives[0].key_results[0]
        assert (line, start, target, ()) == (kr.title, kr.start, kr.target, kr.check_ins)

    @pytest.mark.parametrize(
        "line", ["Grow ARR from $100k to $250k => 5pp", "Grow ARR from 5 to 10 => 5 €"]
    )
    def test_a_unit_the_key_result_lacks_is_an_error(self, line: str) -> None:
        """Percentage points are no share of the way to a target in $, and a currency on a
        key result of none is no value of it: an error naming the line, never read."""
        text = f"## G\n- {line} {{unit=$}}\n" if "€" in line else f"## G\n- {line}\n"
        with pytest.raises(FormatError, match="line 2: expected a value in"):
            _read(text)

    def test_status_of_a_fraction_is_an_error(self) -> None:
        """ "Status: 3/4" under a key result's heading is progress that cannot be read: an
        error, not a line of the description."""
        with pytest.raises(FormatError, match=r"expected a number such as 4\.6"):
            _read("## G\n### KR1: Grow X from 1 to 4\nStatus: 3/4\n")

    @pytest.mark.parametrize(
        ("heading", "status", "expected"),
        [
            ("Cut p95 latency to 300 ms", "280 people", "expected a progress note"),
            ("Cut p95 latency to 300 ms", "280ms on 2026-13-45", "expected a real date"),
            ("Ship the thing", "280", "expected a milestone's progress"),
            ("Cut p95 latency to 300 ms", "3/4", "expected a number such as 4.6"),
        ],
    )
    def test_a_status_line_s_problem_is_at_its_line(
        self, heading: str, status: str, expected: str
    ) -> None:
        """A 'Status:' line's problem names its own line, not its heading's (a trial's)."""
        with pytest.raises(FormatError) as raised:
            _read(f"## Make support loved\n### KR1: {heading}\n\nSome words.\n\nStatus: {status}\n")
        (problem,) = raised.value.details
        assert (problem.line, problem.column) == (6, 9)
        assert expected in problem.message

    @pytest.mark.parametrize("value", [1e300, 2.0**100, 1.2345678901234568e20])
    def test_huge_check_ins_still_write(self, value: float) -> None:
        """A check-in of a huge float writes and reads back (it was refused as lost)."""
        plan = _read("## G\n- Grow ARR from 5 to 10\n")
        kr = plan.objectives[0].key_results[0]
        kr = attrs.evolve(kr, check_ins=(okrkit.CheckIn(at=date(2026, 8, 1), value=value),))
        plan = attrs.evolve(plan, objectives=[attrs.evolve(plan.objectives[0], key_results=[kr])])
        assert plan == formats.loads(formats.dumps(plan, format="markdown"), format="markdown")

    @pytest.mark.parametrize(
        ("value", "read"),
        [
            ("R$ 1,5 milhão", 1_500_000.0),  # Portuguese scale words
            ("CHF 4,1 Mio", 4_100_000.0),  # a decimal comma before a scale word
            ("Fr.4'100'000", 4_100_000),  # apostrophes after a franc's sign
            ("R$ 38.000,00", 38_000.0),  # one dot grouping before a decimal comma
            ("€ 1.234,56", 1234.56),
            ("10 days.", 10),  # a full stop after the unit
            ("₹72L", 7_200_000),  # India's L for lakh, after the rupee
            ("Rs 2.5L", 250_000.0),
            ("500 TEUR", 500_000),  # a scale joined to a currency
            ("1,5 Md€", 1_500_000_000.0),
            ("40 Mkr", 40_000_000),
        ],
    )
    def test_check_ins_as_the_second_trial_wrote_them(self, value: str, read: float) -> None:
        """A second hostile trial's finds: each of these was read in part, the rest kept as
        the check-in's note."""
        text = f"## G\n- Grow X from 1 to 50 {{unit=days}}\n  - 2026-08-01: {value}\n"
        if "days" not in value:
            text = text.replace(" {unit=days}", "")
        (c,) = _read(text).objectives[0].key_results[0].check_ins
        assert (read, None) == (c.value, c.note)
        assert type(read) is type(c.value)

    @pytest.mark.parametrize("value", ["R$ 1,5 M", "€72L", "4 100 000 2"])
    def test_a_check_in_value_that_goes_on_is_an_error(self, value: str) -> None:
        """A value followed by more of a number okrkit cannot read (a scale letter apart,
        digits) is an error naming its line, not a value with a note."""
        with pytest.raises(FormatError, match=r"line 3: expected a check-in value"):
            _read(f"## G\n- Grow X from 1 to 50\n  - 2026-08-01: {value}\n")
