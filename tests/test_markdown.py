"""okrkit.formats, Markdown: OKRs as people write them, and every plan written back equal."""

from __future__ import annotations

import contextlib
import re
from datetime import date
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
_PIECES = st.lists(st.sampled_from(HOSTILE) | st.text(max_size=5), min_size=1, max_size=6).map(
    "".join
)
_NONBLANK = _PIECES.map(lambda s: s if s.strip() else s + "x")


@st.composite
def hostile_plans(draw: st.DrawFn) -> Plan:
    """Plans from `okrkit.testing.plans` with hostile text in every text field."""
    plan = draw(plans(max_objectives=4))
    objectives = []
    for o in plan.objectives:
        krs = []
        for k in o.key_results:
            check_ins = [
                attrs.evolve(c, note=draw(st.none() | _PIECES), author=draw(st.none() | _NONBLANK))
                for c in k.check_ins
            ]
            krs.append(
                attrs.evolve(
                    k,
                    title=draw(st.just(k.title) | _NONBLANK),
                    owner=draw(st.none() | _NONBLANK),
                    unit=draw(st.just(k.unit) | _NONBLANK),
                    check_ins=check_ins,
                    ignore=draw(st.lists(_NONBLANK, max_size=2)),
                )
            )
        objectives.append(
            attrs.evolve(
                o,
                title=draw(st.just(o.title) | _NONBLANK),
                description=draw(st.none() | _PIECES),
                owner=draw(st.none() | _NONBLANK),
                level=draw(st.none() | _NONBLANK),
                key_results=krs,
            )
        )
    try:
        return attrs.evolve(plan, objectives=objectives)
    except OKRError:  # a hostile title whose id another one takes, say
        return plan


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

    def test_attributes_win_over_the_statement(self) -> None:
        """Explicit attributes win; with a direction the statement is not read at all."""
        text = (
            "## Grow\n"
            '- Reduce churn from 5% to 4% {#churn start=6 unit=pp owner="ana b" weight="1.5"}\n'
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
            "- Raise NPS from 30 to 40 {target=45 owner=ana}\n"  # 4
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
