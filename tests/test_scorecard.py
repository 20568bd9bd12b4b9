"""Tests for okrkit.scorecards: one evaluation of a plan at a date, which every view reads.

The laws first (rows follow the tree, scores are the tree's, grades wait for the end of the
cycle, a broken plan is still scored, later check-ins change nothing earlier), then the worked
examples of the issue that asked for it: what a manager reads must be the truth.
"""

from __future__ import annotations

import io
import json
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import okrkit
from okrkit import formats
from okrkit.model import Commitment, KeyResult, Objective, Plan
from okrkit.scorecards import REPORT_VERSION, KeyResultRow, ObjectiveRow, color, scorecard
from okrkit.scoring import Status, grade
from okrkit.testing import plans
from okrkit.tree import AlignmentTree

ROOT = Path(__file__).resolve().parent.parent
Q3 = okrkit.Cycle.parse("2026-Q3")
AUG_31 = date(2026, 8, 31)
DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))


@pytest.fixture(scope="module")
def acme() -> Plan:
    return formats.load(ROOT / "examples" / "acme-2026-q3.yaml")


def _rows(card: okrkit.Scorecard) -> list[ObjectiveRow | KeyResultRow]:
    return [row for o in card for row in (o, *o.key_results)]


@st.composite
def broken_plans(draw: st.DrawFn) -> Plan:
    """A plan whose alignment may be broken: unknown parents, loops, ids held twice."""
    plan = draw(plans(max_objectives=6))
    objectives = list(plan.objectives)
    assume(objectives)
    ids = [o.id for o in objectives] + [kr.id for o in objectives for kr in o.key_results]
    for i, obj in enumerate(objectives):
        choice = draw(st.integers(0, 4))
        if choice == 1:  # aligned to anything in the plan, loops included, or to nothing known
            parent = draw(st.sampled_from([*ids, "nowhere"]))
            objectives[i] = attrs.evolve(obj, aligned_to=parent)
        elif choice == 2 and i:  # an id held twice
            objectives[i] = attrs.evolve(obj, id=draw(st.sampled_from(ids)))
    return attrs.evolve(plan, objectives=objectives)


class TestLaws:
    @settings(max_examples=40, deadline=None)
    @given(plans(max_objectives=6), DAYS)
    def test_rows_are_the_trees(self, plan: Plan, at: date) -> None:
        """Rows come in the tree's order, with its depths, parents and (as of *at*) scores."""
        card = scorecard(plan, at=at)
        then = card.plan
        tree = AlignmentTree.from_plan(then)
        assert list(tree) == [o.id for o in card]
        assert [n.depth for n in tree.walk()] == [o.depth for o in card]
        assert [tree.parent(o.id) for o in card] == [o.parent for o in card]
        for o in card:
            if o.status is Status.NOT_STARTED:
                assert o.score is None
                assert all(k.score is None for k in o.key_results)
            else:
                assert tree.score(o.id) == o.score
                assert [tree.score(k.id) for k in o.key_results] == [k.score for k in o.key_results]
        assert card.alignment_problems == ()

    @settings(max_examples=40, deadline=None)
    @given(plans(max_objectives=6), DAYS)
    def test_grades_wait_for_the_end_of_the_cycle(self, plan: Plan, at: date) -> None:
        """No grade before a cycle's last day, a projected one only while it runs, and the
        grade of the score (by the objective's commitment) from the last day on."""
        card = scorecard(plan, at=at)
        for o in card:
            cycle = o.cycle
            running = cycle is not None and cycle.start <= at < cycle.end
            ended = cycle is None or at >= cycle.end
            for row in (o, *o.key_results):
                if not ended:
                    assert row.grade is None
                if not running:
                    assert row.projected_grade is None
                if ended and row.score is not None:
                    assert grade(row.score, o.commitment) == row.grade
                assert color(row) == (row.grade or row.projected_grade or _NONE).color
            if cycle is not None and at < cycle.start:
                assert Status.NOT_STARTED == o.status
            for k in o.key_results:
                if k.projected_grade is not None:
                    assert k.forecast is not None
                    assert k.forecast.score is not None
                    assert grade(k.forecast.score, o.commitment) == k.projected_grade
            if o.projected_grade is not None:
                assert o.projected_score is not None
                assert grade(o.projected_score, o.commitment) == o.projected_grade

    @settings(max_examples=40, deadline=None)
    @given(broken_plans(), DAYS)
    def test_a_broken_plan_is_still_scored(self, plan: Plan, at: date) -> None:
        """Every objective gets one row, whatever the alignment; its problems are listed
        exactly when the tree refuses the plan."""
        card = scorecard(plan, at=at)
        assert sorted(o.id for o in plan.objectives) == sorted(o.id for o in card)
        problems: tuple[okrkit.errors.Problem, ...] = ()
        try:
            AlignmentTree.from_plan(plan)
        except okrkit.AlignmentError as error:
            problems = error.details
        assert problems == card.alignment_problems
        assert json.loads(json.dumps(card.to_dict())) == card.to_dict()

    @settings(max_examples=30, deadline=None)
    @given(plans(max_objectives=5), DAYS, st.integers(1, 400))
    def test_later_check_ins_change_nothing(self, plan: Plan, at: date, later: int) -> None:
        """A check-in made after *at* does not change the scorecard as of *at*."""
        assume(any(o.key_results for o in plan.objectives))
        obj = next(o for o in plan.objectives if o.key_results)
        kr = obj.key_results[0]
        last = max([at, *(_day(c.at) for c in kr.check_ins)])
        assume(last < date(9000, 1, 1))
        moved = obj.check_in(kr.id, 1, at=last + timedelta(days=later))
        other = attrs.evolve(plan, objectives=[moved if o is obj else o for o in plan.objectives])
        assert scorecard(plan, at=at).to_dict() == scorecard(other, at=at).to_dict()

    @settings(max_examples=20, deadline=None)
    @given(plans(max_objectives=5), DAYS, st.sampled_from(["key_results", "children", "both"]))
    def test_a_tree_gives_the_scorecard_of_its_plan(
        self, plan: Plan, at: date, roll_up: Any
    ) -> None:
        """Given a tree, its policy and roll-up are used: the same rows as from its plan."""
        tree = AlignmentTree.from_plan(plan, roll_up=roll_up, policy="google")
        from_tree = scorecard(tree, at=at).to_dict()
        assert scorecard(plan, at=at, roll_up=roll_up, policy="google").to_dict() == from_tree

    @settings(max_examples=20, deadline=None)
    @given(plans(max_objectives=6), DAYS)
    def test_counts_and_attention_add_up(self, plan: Plan, at: date) -> None:
        """Counts by status add up to the objectives; attention lists what is behind."""
        card = scorecard(plan, at=at)
        assert len(card) == sum(card.counts().values())
        behind = {Status.OFF_TRACK, Status.AT_RISK, Status.STALE}
        expected = [
            (o.id, None if k is None else k.id)
            for o in card
            for k in (None, *o.key_results)
            if (o if k is None else k).status in behind
        ]
        assert expected == [(o.id, None if k is None else k.id) for o, k in card.attention()]
        data = card.to_dict()
        assert REPORT_VERSION == data["okrkit_report"] == 2
        assert len(card) == sum(data["summary"]["statuses"].values())
        krs = sum(len(o.key_results) for o in card)
        assert krs == sum(card.counts("key_results").values())
        assert krs == sum(data["summary"]["key_result_statuses"].values())


def _score_output(plan: Plan, at: str) -> str:
    """What ``okrkit --color always score -`` prints for *plan* (as JSON on stdin) as of *at*."""
    from okrkit.cli import Streams, run

    stdin = io.BytesIO(okrkit.dumps(plan, format="json").encode())
    out, err = io.StringIO(), io.StringIO()
    streams = Streams(stdin=stdin, stdout=out, stderr=err, environ={})
    status = run(["--color", "always", "score", "-", "--at", at], streams)
    assert 0 == status, err.getvalue()
    return out.getvalue()


class _NoGrade:
    color = None


_NONE: Any = _NoGrade()


def _day(when: date | datetime) -> date:
    return when.date() if isinstance(when, datetime) else when


def _one(
    *key_results: KeyResult, commitment: str = "aspirational", cycle: okrkit.Cycle = Q3
) -> Plan:
    return Plan(
        objectives=[
            Objective(
                id="o", title="O", cycle=cycle, commitment=commitment, key_results=key_results
            )
        ]
    )


class TestWhatAManagerReads:
    def test_mid_quarter_nothing_is_graded(self, acme: Plan) -> None:
        """Mid-quarter, no key result is "missed" or "delivered": only projected."""
        card = scorecard(acme, at=AUG_31)
        assert all(row.grade is None for row in _rows(card))
        assert any(row.projected_grade is not None for row in _rows(card))
        ended = scorecard(acme, at=date(2026, 10, 1))
        assert all(row.projected_grade is None for row in _rows(ended))
        assert all(o.status is Status.CLOSED for o in ended)

    def test_before_the_cycle_nothing_is_scored(self, acme: Plan) -> None:
        """Before the quarter starts, every row is "not started", with no score at 0.00."""
        card = scorecard(acme, at=date(2026, 6, 30))
        assert all(row.status is Status.NOT_STARTED for row in _rows(card))
        assert all(row.score is None for row in _rows(card))
        assert all(row.projected_grade is None and row.grade is None for row in _rows(card))

    def test_forecasts_stay_possible(self, acme: Plan) -> None:
        """The deal desk does not forecast 243 %, sync failures not below 0, a hit rate not
        above 100 %; every view shows the clamped value."""
        card = scorecard(acme, at=AUG_31)
        rows = {k.id: k for _, k in card.key_results()}
        for k in rows.values():
            f = k.forecast
            if f is None or f.value is None:
                continue
            if k.unit == "%":  # unless the start or target lies past 100 % (a retention)
                assert 0 <= f.value <= max(100, k.start or 0, k.target), k.id  # type: ignore[call-overload]
            if k.direction is okrkit.Direction.MILESTONE:
                assert f.value <= k.target, k.id  # type: ignore[operator]
        assert 0.0 == rows["sync-errors"].forecast.value  # type: ignore[union-attr]
        text = okrkit.report.render(acme, "md", at=AUG_31)
        assert "0 % (1.00)" in text  # the sync failures' forecast, clamped
        assert "-0.0" not in text

    def test_done_is_not_stale(self, acme: Plan) -> None:
        """A finished milestone is done, not stale, and does not make its objective stale."""
        card = scorecard(acme, at=date(2026, 9, 20))
        desk = card.row("deal-desk")
        assert isinstance(desk, KeyResultRow)
        assert (Status.DONE, True) == (desk.status, desk.done)
        beta = KeyResult(id="beta", title="Ship the beta", direction="milestone")
        beta = beta.check_in(1, at=date(2026, 7, 10))
        nps = KeyResult(id="nps", title="NPS", direction="increase", start=0, target=10)
        nps = nps.check_in(5, at=date(2026, 8, 20))
        row = scorecard(_one(beta, nps), at=date(2026, 8, 25)).objectives[0]
        assert Status.ON_TRACK == row.status
        assert [Status.DONE, Status.ON_TRACK] == [k.status for k in row.key_results]
        held = KeyResult(id="up", title="Uptime", direction="at_least", target=99)
        held = held.check_in(99.5, at=date(2026, 7, 10))
        row = scorecard(_one(held), at=date(2026, 8, 25)).objectives[0]
        assert Status.STALE == row.status  # a threshold must be held: it can go stale

    def test_committed_colour_is_the_same_everywhere(self) -> None:
        """A committed objective at 0.83 after its cycle is red in every view."""
        kr = KeyResult(id="k", title="Ship", direction="increase", start=0, target=100)
        plan = _one(kr.check_in(83, at=date(2026, 9, 1)), commitment="committed")
        card = scorecard(plan, at=date(2026, 10, 1))
        row = card.objectives[0]
        assert (0.83, "missed", "red") == (row.score, row.grade.label, color(row))  # type: ignore[union-attr]
        html = okrkit.report.render(plan, "html", at=date(2026, 10, 1))
        assert 'class="objective red"' in html
        assert 'meter class="red"' in okrkit.report.objective_html(plan.objectives[0])
        assert 'meter class="red"' in okrkit.report.scorecard_html(card)
        assert "\x1b[31mmissed (red)" in _score_output(plan, "2026-10-01")
        pytest.importorskip("pandas")
        frame = okrkit.to_frame(plan, at=date(2026, 10, 1))
        assert ["red"] == list(frame["objective_color"]) == list(frame["color"])
        matplotlib = pytest.importorskip("matplotlib")
        matplotlib.use("Agg")
        from matplotlib.colors import to_hex

        from okrkit import plot

        bars = plot.scores(plan, at=date(2026, 10, 1)).patches
        assert [plot.COLORS["red"]] == [to_hex(bar.get_facecolor()) for bar in bars]

    def test_alignment_to_a_key_result_shows_its_title(self, acme: Plan) -> None:
        """An objective aligned to a key result names that key result's title."""
        card = scorecard(acme, at=AUG_31)
        pipeline = card.row("sales-pipeline")
        assert isinstance(pipeline, ObjectiveRow)
        assert ("arr", "grow-revenue") == (pipeline.aligned_to, pipeline.parent)
        assert "Grow ARR from $8.2M to $10M" == pipeline.aligned_to_title
        text = okrkit.report.render(acme, "md", at=AUG_31)
        assert "aligned to arr \\(Grow ARR from \\$8\\.2M to \\$10M\\)" in text

    def test_findings_are_located_by_ids_and_titles(self, acme: Plan) -> None:
        """A finding's path reads as the ids and titles the report shows, never indices."""
        card = scorecard(acme, at=AUG_31)
        assert (
            "key result Lift net revenue retention from 104% to 112% (nrr) of grow-revenue, "
            "check-in 2"
        ) == card.locate("objectives[0].key_results[1].check_ins[1]")
        assert "KPI API uptime (uptime), threshold" == card.locate("kpis[0].threshold")
        assert "objectives[99]" == card.locate("objectives[99]")  # no such place: as given
        assert "the plan" == card.locate("$")
        found = okrkit.validate(acme, today=AUG_31)
        for fmt in ("md", "html"):
            text = okrkit.report.render(acme, fmt, at=AUG_31, diagnostics=found)  # type: ignore[arg-type]
            assert not re.search(r"objectives\\?\[\d", text), fmt

    def test_a_long_summary_is_cut_short(self) -> None:
        """The summary names at most 25 items under a heading and counts the rest."""
        kr = KeyResult(title="Up", direction="increase", start=0, target=10)
        many = Plan(objectives=[
            Objective(id=f"o{i}", title=f"O {i}", cycle=Q3,
                      key_results=[attrs.evolve(kr, id=f"k{i}")])
            for i in range(30)
        ])  # fmt: skip
        found = [okrkit.Diagnostic(code="X1", name="n", severity="info", message="m", path="")] * 30
        md = okrkit.report.render(many, "md", at=AUG_31, diagnostics=found)
        assert "- and 35 more" in md  # 60 stale objectives and key results, 25 named
        assert "- and 5 more (below)" in md
        html = okrkit.report.render(many, "html", at=AUG_31)
        assert "<li>and 35 more</li>" in html

    def test_summary_comes_first(self, acme: Plan) -> None:
        """Every report opens with counts by status and what needs attention."""
        found = okrkit.validate(acme, today=AUG_31)
        md = okrkit.report.render(acme, "md", at=AUG_31, diagnostics=found)
        assert md.index("## Summary") < md.index("Needs attention") < md.index("## Objectives")
        assert "- Objectives: 2 on track, 1 at risk, 3 stale." in md
        html = okrkit.report.render(acme, "html", at=AUG_31, diagnostics=found)
        assert html.index('id="summary"') < html.index('id="objectives"')
        data = card_data = scorecard(acme, at=AUG_31).to_dict(diagnostics=found)
        assert {"objective": "grow-revenue", "key_result": "nrr", "status": "off_track"} in (
            card_data["summary"]["attention"]
        )
        assert all("where" in d for d in data["diagnostics"])

    @pytest.mark.parametrize(
        ("commitment", "cycle", "at", "said"),
        [
            ("committed", Q3, AUG_31, ["Grades are projected", "delivered only at 1.0"]),
            ("aspirational", Q3, AUG_31, ["Grades are projected"]),
            ("committed", Q3, date(2026, 10, 1), []),  # the cycle is over: verdicts
            ("committed", None, AUG_31, ["1 objective without a cycle"]),
        ],
    )
    def test_the_summary_says_what_grades_mean(
        self, commitment: str, cycle: okrkit.Cycle | None, at: date, said: list[str]
    ) -> None:
        """A projected grade beside a status reads as a contradiction ("projected missed"
        beside "on track"): the summary says what each is, and that an objective with no
        cycle is graded as final."""
        kr = KeyResult(id="k", title="Up", direction="increase", start=0, target=10)
        kr = kr.check_in(5, at=date(2026, 8, 1))
        obj = Objective(id="o", title="O", cycle=cycle, commitment=commitment, key_results=[kr])
        phrases = ("Grades are projected", "delivered only at 1.0", "1 objective without a cycle")
        for fmt in ("md", "html"):
            text = okrkit.report.render(Plan(objectives=[obj]), fmt, at=at)  # type: ignore[arg-type]
            summary = text.partition("## Objectives")[0].partition('id="objectives"')[0]
            found = [part for part in phrases if part in summary]
            assert found == said, fmt

    @given(plans(), DAYS)
    def test_check_ins_left_out_are_counted(self, plan: Plan, at: date) -> None:
        """The scorecard counts the check-ins made after its date, each by the day on its
        own clock, key results' and KPIs' alike; a report says so when there are any."""
        later = sum(
            _day(ci.at) > at
            for ci in [*(c for _, kr in plan.key_results() for c in kr.check_ins),
                       *(c for kpi in plan.kpis for c in kpi.check_ins)]
        )  # fmt: skip
        card = scorecard(plan, at=at)
        assert card.left_out == later
        said = f"{later} check-in{'s' * (later != 1)} made after {at.isoformat()} left out"
        assert (said in okrkit.report.render(plan, "md", at=at)) == bool(later)

    def test_band_target_and_percent_value_read_alike(self, acme: Plan) -> None:
        """A band in % reads "75–85 %" beside a value "80 %"."""
        kr = KeyResult(id="b", title="Stay in band", direction="within", target=(75, 85), unit="%")
        text = okrkit.report.render(_one(kr.check_in(80, at=AUG_31)), "md", at=AUG_31)
        assert "| 80 % | 75–85 % |" in text

    def test_money_is_shown_as_people_write_it(self, acme: Plan) -> None:
        """Millions are whole dollars, never cents."""
        text = okrkit.report.render(acme, "md", at=AUG_31)
        assert "\\$9,715,791 (0.84)" in text
        assert not re.search(r"\d,\d{3}\.\d", text)


class TestBadInput:
    @pytest.mark.parametrize(
        ("call", "error"),
        [
            (lambda: scorecard("plan.yaml"), okrkit.InvalidTypeError),  # type: ignore[arg-type]
            (lambda: scorecard(Plan(), at="2026-08-31"), okrkit.InvalidTypeError),  # type: ignore[arg-type]
            (lambda: scorecard(Plan(), at=datetime(2026, 8, 31)), okrkit.InvalidTypeError),
            (lambda: scorecard(Plan(), policy="lenient"), okrkit.InvalidValueError),  # type: ignore[arg-type]
            (lambda: scorecard(Plan(), roll_up="up"), okrkit.InvalidValueError),  # type: ignore[arg-type]
            (lambda: scorecard(Plan()).to_dict(diagnostics=["x"]), okrkit.InvalidTypeError),  # type: ignore[list-item]
            (lambda: scorecard(Plan()).to_dict(diagnostics="OKR101"), okrkit.InvalidTypeError),  # type: ignore[arg-type]
            (lambda: scorecard(Plan()).row("nope"), okrkit.UnknownIdError),
            (lambda: okrkit.report.scorecard_html(Plan()), okrkit.InvalidTypeError),  # type: ignore[arg-type]
            (lambda: scorecard(Plan()).counts("kpis"), okrkit.InvalidValueError),  # type: ignore[arg-type]
        ],
    )
    def test_okrkit_errors(self, call: Any, error: type[Exception]) -> None:
        """Wrong types and values are okrkit errors that say what was expected."""
        with pytest.raises(error):
            call()

    def test_defaults_to_today(self) -> None:
        """Without *at*, the scorecard is as of today."""
        assert date.today() == scorecard(Plan()).at

    def test_unmeasurable_and_empty(self) -> None:
        """A key result without a target has no score, progress or forecast; an objective
        without key results has no status; neither raises."""
        vague = KeyResult(id="v", title="Make onboarding better")
        plan = Plan(objectives=[*_one(vague).objectives, Objective(id="e", title="E", cycle=Q3)])
        card = scorecard(plan, at=AUG_31)
        row = card.objectives[0].key_results[0]
        assert (None, None, None, None, False) == (
            row.score, row.progress, row.status, row.forecast, row.done
        )  # fmt: skip
        assert card.objectives[1].status is None
        assert card.objectives[0].status is None  # unmeasurable: no status to judge

    def test_ids_made_unique_do_not_take_an_id_in_use(self) -> None:
        """The tree's copy of a plan with an id held twice makes ids no objective holds."""
        a = Objective(id="a", title="A")
        taken = Objective(id="a#1", title="Taken", aligned_to="a")
        card = scorecard(Plan(objectives=[a, Objective(id="a", title="Again"), taken]))
        assert ["a", "a", "a#1"] == [o.id for o in card]  # the second "a" is not "a#1"
        assert [None, None, None] == [o.parent for o in card]
        assert ["A", "Again", "Taken"] == [o.title for o in card]

    def test_paths_that_name_no_place_are_shown_as_given(self) -> None:
        """A path okrkit does not know (a custom rule's) is shown as it is."""
        card = scorecard(Plan(), at=AUG_31)
        assert "history[0].score" == card.locate("history[0].score")
        assert "kpis[0]" == card.locate("kpis[0]")

    def test_ids_held_twice_keep_their_own_ids(self) -> None:
        """A plan with an id held twice is scored, each objective under its own id."""
        kr = KeyResult(id="k", title="Up", direction="increase", start=0, target=10)
        a = Objective(id="a", title="A", key_results=[kr.check_in(5, at=AUG_31)])
        b = Objective(id="a", title="B", key_results=[attrs.evolve(kr, id="k2")])
        c = Objective(id="c", title="C", aligned_to="a")
        card = scorecard(Plan(objectives=[a, b, c]), at=AUG_31)
        assert [("a", 0.5), ("a", 0.0), ("c", None)] == [(o.id, o.score) for o in card]
        assert [None, None, None] == [o.parent for o in card]  # "a" is ambiguous: a root
        assert 1 == len(card.alignment_problems)

    def test_last_day_is_graded_and_judged(self) -> None:
        """On the cycle's last day the grade is the grade, and the status still judged."""
        kr = KeyResult(id="k", title="Up", direction="increase", start=0, target=10)
        plan = _one(kr.check_in(8, at=Q3.end))
        row = scorecard(plan, at=Q3.end).objectives[0]
        assert ("delivered", Status.AT_RISK, None) == (  # 0.8 where 1.0 is due
            row.grade.label, row.status, row.projected_grade  # type: ignore[union-attr]
        )  # fmt: skip
        assert Commitment.ASPIRATIONAL == row.commitment
        assert row.final
        assert not row.running


class TestWhatTheTrialFound:
    """What a hostile user and a hurried newcomer hit when they first tried the scorecard."""

    def test_the_module_and_the_function_are_both_reachable(self) -> None:
        """`okrkit.scorecard` is the function; the module of its types is `okrkit.scorecards`."""
        import okrkit.scorecards as module

        assert module.color is color
        assert okrkit.scorecard is scorecard
        assert okrkit.Scorecard is module.Scorecard

    @pytest.mark.parametrize("roll_up", ["children", "both"])
    def test_an_objective_not_started_adds_nothing_to_its_parent(self, roll_up: Any) -> None:
        """A yearly objective's quarterly child for next quarter does not pull it down."""
        q4 = okrkit.Cycle.parse("2026-Q4")

        def moved(id: str, value: float) -> KeyResult:
            kr = KeyResult(id=id, title=id, direction="increase", start=0, target=10)
            return kr.check_in(value, at=date(2026, 7, 20)).check_in(2 * value, at=AUG_31)

        plan = Plan(objectives=[
            Objective(id="parent", title="P", cycle=Q3, key_results=[moved("ka", 3)]),
            Objective(id="next", title="N", cycle=q4, aligned_to="parent", key_results=[
                KeyResult(id="kb", title="kb", direction="increase", start=0, target=10)]),
            Objective(id="now", title="C", cycle=Q3, aligned_to="parent",
                      key_results=[moved("kc", 3)]),
        ])  # fmt: skip
        card = scorecard(plan, at=AUG_31, roll_up=roll_up)
        parent, later, now = card.objectives
        assert (Status.NOT_STARTED, None) == (later.status, later.score)
        assert later.key_results[0].key_result is plan.objectives[1].key_results[0]
        assert now.score == 0.6
        assert parent.score == pytest.approx(0.6)  # both: its own 0.6 and its child's 0.6
        assert parent.projected_score is not None
        ahead = scorecard(plan, at=date(2026, 10, 2), roll_up=roll_up).objectives[0]
        # Once it has started, it counts: at 0 it pulls its parent down.
        assert ahead.score == pytest.approx({"children": 0.3, "both": 0.4}[roll_up])

    def test_a_key_result_alone_is_not_graded(self, acme: Plan) -> None:
        """On its own a key result has no cycle nor commitment: its view shows no grade."""
        html = okrkit.report.key_result_html(acme.key_result("arr"))
        assert "Grade" not in html
        assert "progress (yellow)" not in html
        assert 'meter class=""' in html

    def test_a_check_in_early_on_day_one_east_of_utc(self) -> None:
        """A check-in counted on the cycle's first day by its own clock is at the start."""
        east = timezone(timedelta(hours=12))
        kr = KeyResult(id="v", title="v", direction="increase", start=0, target=10)
        kr = kr.check_in(1, at=datetime(2026, 7, 1, 9, 0, tzinfo=east))
        kr = kr.check_in(2, at=date(2026, 7, 8))
        row = scorecard(_one(kr), at=date(2026, 7, 10)).objectives[0].key_results[0]
        assert row.forecast is not None
        assert row.forecast.trend is not None
        assert row.forecast.trend > 0
        assert row.forecast.value is not None
        assert row.forecast.value > 2

    def test_one_unmeasurable_key_result_does_not_hide_the_status(self) -> None:
        """An objective is judged by the key results that can be measured."""
        kr = KeyResult(id="a", title="a", direction="increase", start=0, target=10)
        vague = KeyResult(id="b", title="b", direction="increase", start=1)
        plan = _one(kr.check_in(1, at=date(2026, 8, 25)), vague)
        row = scorecard(plan, at=AUG_31).objectives[0]
        assert Status.OFF_TRACK == row.status
        assert ("o", None) in [(o.id, k) for o, k in scorecard(plan, at=AUG_31).attention()]

    def test_forecasts_in_percent_reach_as_far_as_the_readings(self) -> None:
        """A retention already past 100 % is not forecast back to 100; "% of users" is %."""
        nrr = KeyResult(id="n", title="NRR", direction="increase", start=95, target=100, unit="%")
        nrr = nrr.check_in(102, at=date(2026, 7, 20)).check_in(104, at=AUG_31)
        assert okrkit.forecast(nrr, cycle=Q3).value > 104  # type: ignore[operator]
        users = KeyResult(id="u", title="Users", direction="increase", start=10, target=50,
                          unit="% of users")  # fmt: skip
        users = users.check_in(40, at=date(2026, 7, 20)).check_in(80, at=AUG_31)
        assert okrkit.forecast(users, cycle=Q3).value == 100

    def test_views_of_a_tree_use_its_policy(self) -> None:
        """Given a tree, the frame, the plot and the reports use its policy and roll-up."""
        acme = formats.load(ROOT / "examples" / "acme-2026-q3.yaml")
        tree = AlignmentTree.from_plan(acme, policy="google", roll_up="both")
        expected = scorecard(tree, at=AUG_31).objectives[0].score
        assert okrkit.report.report_data(tree, at=AUG_31)["objectives"][0]["score"] == expected
        assert "Policy **google**, roll-up **both**" in okrkit.report.render(tree, at=AUG_31)
        pytest.importorskip("pandas")
        assert okrkit.to_frame(tree, at=AUG_31)["objective_score"][0] == expected

    @pytest.mark.parametrize(
        "call",
        [
            lambda: okrkit.report.render(Plan(), "json", title=b"x"),  # type: ignore[arg-type]
            lambda: okrkit.report.render(Plan(), "json", title=float("nan")),  # type: ignore[arg-type]
            lambda: color(Plan()),  # type: ignore[arg-type]
            lambda: scorecard(Plan()).locate(None),  # type: ignore[arg-type]
            lambda: okrkit.report.render("plan.yaml"),  # type: ignore[arg-type]
        ],
    )
    def test_wrong_types_are_okrkit_errors(self, call: Any) -> None:
        """A title that is not text, a plan that is not a plan: InvalidTypeError."""
        with pytest.raises(okrkit.InvalidTypeError):
            call()

    def test_check_ins_are_left_out_by_the_date_on_their_own_clock(self) -> None:
        """A check-in made on 1 September in Auckland, before one made on 31 August in New
        York, is left out of a scorecard as of 31 August; so are a KPI's later readings."""
        auckland, new_york = timezone(timedelta(hours=12)), timezone(timedelta(hours=-5))
        kr = KeyResult(id="k", title="k", direction="increase", start=0, target=10)
        kr = kr.check_in(9, at=datetime(2026, 9, 1, 1, 0, tzinfo=auckland))
        kr = kr.check_in(4, at=datetime(2026, 8, 31, 20, 0, tzinfo=new_york))
        uptime = okrkit.Kpi(id="up", title="Up", direction="at_least", threshold=99)
        uptime = uptime.check_in(98, at=AUG_31).check_in(99.5, at=date(2026, 9, 2))
        plan = attrs.evolve(_one(kr), kpis=[uptime])
        card = scorecard(plan, at=AUG_31)
        row = card.objectives[0].key_results[0]
        assert (4.0, 1) == (row.value, len(row.key_result.check_ins))
        assert (98.0, False, 1) == (
            card.kpis[0].value, card.kpis[0].healthy, len(card.plan.kpis[0].check_ins)
        )  # fmt: skip

    def test_a_scorer_raising_a_lookup_error(self) -> None:
        """A custom scorer's KeyError is a ScoringError naming the policy, never bare."""

        def picky(progress: float) -> float:
            return {0.0: 0.0}[progress]

        policy = attrs.evolve(okrkit.scoring.LINEAR, name="picky", scorer=picky)
        kr = KeyResult(id="k", title="k", direction="increase", start=0, target=10)
        with pytest.raises(okrkit.ScoringError, match="picky"):
            scorecard(_one(kr.check_in(5, at=AUG_31)), at=AUG_31, policy=policy)

    def test_long_lists_of_alignment_problems_are_cut_short(self) -> None:
        """Hundreds of unknown parents make a summary of 25 and a count."""
        plan = Plan(objectives=[
            Objective(id=f"o{i}", title=f"O {i}", aligned_to=f"gone{i}") for i in range(40)
        ])  # fmt: skip
        md = okrkit.report.render(plan, "md", at=AUG_31)
        assert "- and 15 more" in md
        assert "<li>and 15 more</li>" in okrkit.report.render(plan, "html", at=AUG_31)
        assert "<li>and 15 more</li>" in okrkit.report.plan_html(plan)
