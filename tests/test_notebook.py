"""Tests for the notebook views: `_repr_html_`, `okrkit.frame.to_frame` and `okrkit.plot`."""

from __future__ import annotations

import math
import re
import subprocess
import sys
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import okrkit
from okrkit import formats
from okrkit.rules import validate
from okrkit.testing import key_results, objectives, plans
from okrkit.tree import AlignmentTree

ROOT = Path(__file__).resolve().parent.parent
AUG_31 = date(2026, 8, 31)


@pytest.fixture(scope="module")
def acme() -> okrkit.Plan:
    return formats.load(ROOT / "examples" / "acme-2026-q3.yaml")


class Balanced(HTMLParser):
    """Records tags left open or closed out of order (a real HTML parser)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "link", "img", "iframe"):
            self.external.append(tag)
        if tag not in ("br", "meta", "hr"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


def check_fragment(html: str) -> None:
    parser = Balanced()
    parser.feed(html)
    assert ([], [], []) == (parser.errors, parser.stack, parser.external)
    assert html.startswith('<div class="okrkit">')


class TestReprHtml:
    @settings(max_examples=25)
    @given(key_results())
    def test_key_result(self, kr: okrkit.KeyResult) -> None:
        """Any key result shows as one balanced fragment with no external assets."""
        check_fragment(kr._repr_html_())

    @settings(max_examples=25)
    @given(objectives())
    def test_objective(self, obj: okrkit.Objective) -> None:
        """Any objective shows as one balanced fragment naming it."""
        html = obj._repr_html_()
        check_fragment(html)
        assert f'id="o-{obj.id}"' in html

    @settings(max_examples=25)
    @given(plans(max_objectives=6))
    def test_plan_and_tree(self, plan: okrkit.Plan) -> None:
        """Any plan, and its tree when it has one, show as balanced fragments."""
        check_fragment(plan._repr_html_())
        try:
            tree = AlignmentTree.from_plan(plan)
        except okrkit.AlignmentError:
            return
        html = tree._repr_html_()
        check_fragment(html)
        assert len(plan.objectives) == html.count("<li>")

    def test_content(self, acme: okrkit.Plan) -> None:
        """The views name what they show: titles, scores in words, grades, diagnostics."""
        assert "Grow ARR from $8.2M to $10M" in acme.key_result("arr")._repr_html_()
        assert "missed" in acme.objectives[0]._repr_html_()
        plan_html = acme._repr_html_()
        assert "6 objectives" in plan_html
        assert "&nbsp;&nbsp;&nbsp;&nbsp;Win the mid-market" in plan_html
        tree_html = AlignmentTree.from_plan(acme)._repr_html_()
        assert "<code>integrations-solid</code>" in tree_html
        assert "score 0.16" in tree_html
        assert "<p>6 objectives, 1 root, roll-up key_results, policy linear, as of " in tree_html
        assert "<code>grow-revenue</code>" in plan_html
        # A meter holds no text: where a viewer drops it, the score is read once.
        assert re.search(r"<meter [^>]*></meter> 0\.16<", tree_html)
        assert "0 errors, 9 warnings, 0 info" in validate(acme, today=AUG_31)._repr_html_()
        report = validate(acme, today=AUG_31)
        check_fragment(report._repr_html_())
        assert "OKR602" in report._repr_html_()
        assert "No findings." in validate(okrkit.Plan())._repr_html_()

    def test_broken_alignment_in_a_plan_view(self) -> None:
        """A plan whose alignment loops still shows, with the problem."""
        loop = okrkit.Plan(objectives=[okrkit.Objective(id="a", title="A", aligned_to="a")])
        assert "Alignment problems" in loop._repr_html_()

    def test_each_value_is_drawn_by_its_view(self, acme: okrkit.Plan) -> None:
        """Through the seam, each value's `_repr_html_` is its `okrkit.report` view's."""
        from okrkit import report

        tree = AlignmentTree.from_plan(acme)
        found = validate(acme, today=AUG_31)
        obj = acme.objectives[1]
        kr = obj.key_results[0]
        assert [
            report.key_result_html(kr),
            report.objective_html(obj),
            report.plan_html(acme),
            report.tree_html(tree),
            report.diagnostics_html(found),
        ] == [x._repr_html_() for x in (kr, obj, acme, tree, found)]

    @pytest.mark.parametrize(
        "view", ["key_result_html", "objective_html", "plan_html", "tree_html"]
    )
    def test_wrong_type(self, view: str) -> None:
        """Each view refuses what it does not show with InvalidTypeError."""
        from okrkit import report

        with pytest.raises(okrkit.InvalidTypeError):
            getattr(report, view)(42)


class TestImportStaysLight:
    def test_no_extras_imported(self) -> None:
        """`import okrkit` (and the command's module) load no pandas, matplotlib or YAML."""
        code = (
            "import sys, okrkit, okrkit.cli, okrkit.report, okrkit.frame, okrkit.plot;"
            "print(sorted(m for m in ('pandas', 'matplotlib', 'yaml', 'hypothesis', 'jsonschema')"
            " if m in sys.modules))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "[]\n" == out.stdout


def to_frame_of(plan: okrkit.Plan) -> Any:
    pytest.importorskip("pandas")
    from okrkit.frame import to_frame

    return to_frame(plan, at=AUG_31)


class TestToFrame:
    def test_one_row_per_key_result(self, acme: okrkit.Plan) -> None:
        """One row per key result, its objective's columns beside it, scores and status."""
        pd = pytest.importorskip("pandas")
        from okrkit.frame import to_frame

        frame = to_frame(acme, at=AUG_31)
        assert isinstance(frame, pd.DataFrame)
        assert 20 == len(frame)
        arr = frame.set_index("kr_id").loc["arr"]
        assert ("grow-revenue", "exec", "company", "2026-Q3") == (
            arr["objective_id"], arr["objective_owner"], arr["objective_level"],
            arr["objective_cycle"],
        )  # fmt: skip
        # Mid-quarter: no grade yet, the projected one (committed: red below 1) and its colour.
        assert (9120000.0, None, "missed", "red", "at_risk") == (
            arr["value"], arr["grade"], arr["projected_grade"], arr["color"], arr["status"]
        )  # fmt: skip
        assert 0.51 == round(arr["score"], 2)
        assert 0.6 == round(arr["objective_score"], 2)

    def test_real_dtypes(self, acme: okrkit.Plan) -> None:
        """Numbers are floats, dates datetime64, a band is target_low and target_high."""
        pd = pytest.importorskip("pandas")
        from pandas.api import types

        frame = to_frame_of(acme)
        for name in ("value", "target", "target_low", "progress", "score", "forecast", "weight"):
            assert types.is_float_dtype(frame[name]), name
        for name in ("checked_in", "objective_cycle_start", "objective_cycle_end"):
            assert types.is_datetime64_any_dtype(frame[name]), name
        assert types.is_bool_dtype(frame["done"])
        band = frame.set_index("kr_id").loc["close-day-latency"]
        assert (0.8, 1.5) == (band["target_low"], band["target_high"])
        assert math.isnan(band["target"])
        assert pd.Timestamp("2026-08-31", tz="UTC") == frame["checked_in"].max()
        # One convention for every date column, so that they compare.
        assert frame["checked_in"].dt.tz == frame["objective_cycle_start"].dt.tz
        read = frame.dropna(subset=["checked_in"])
        assert (read["checked_in"] < read["objective_cycle_end"] + pd.Timedelta(days=1)).all()
        # Plain dates alone stay naive.
        kr = okrkit.KeyResult(title="Up", direction="increase", start=0, target=1)
        plain = okrkit.Plan(objectives=[okrkit.Objective(title="O", key_results=[
            kr.check_in(0.5, at=date(2026, 8, 1))])])  # fmt: skip
        assert pd.Timestamp("2026-08-01") == to_frame_of(plain)["checked_in"][0]

    def test_weighted_aggregation_agrees(self, acme: okrkit.Plan) -> None:
        """Weighing each key result's score by its weight gives each objective's own score."""
        frame = to_frame_of(acme)
        weighted = (frame["score"] * frame["weight"]).groupby(frame["objective_id"]).sum()
        weights = frame["weight"].groupby(frame["objective_id"]).sum()
        own = frame.groupby("objective_id")["objective_score"].first()
        assert ((weighted / weights - own).abs() < 1e-12).all()

    @settings(max_examples=15)
    @given(plans(max_objectives=5))
    def test_rows_match_the_plan(self, plan: okrkit.Plan) -> None:
        """Any plan: as many rows as key results, the same ids."""
        pytest.importorskip("pandas")
        from okrkit.frame import to_frame

        frame = to_frame(plan, at=AUG_31)
        assert sorted(kr.id for _, kr in plan.key_results()) == sorted(frame["kr_id"])


class TestPlot:
    @pytest.fixture(autouse=True)
    def _agg(self) -> None:
        matplotlib = pytest.importorskip("matplotlib")
        matplotlib.use("Agg")

    def test_progress(self, acme: okrkit.Plan, tmp_path: Path) -> None:
        """Check-ins, the expected pace, the target and the forecast, drawn and saved."""
        from okrkit import plot

        q3 = okrkit.Cycle.parse("2026-Q3")
        ax = plot.progress(acme.key_result("arr"), cycle=q3, at=AUG_31)
        labels = [line.get_label() for line in ax.get_lines()]
        assert ["check-ins", "expected pace", "target", r"forecast (\$9,715,791)"] == labels
        assert r"\$9,120,000" == ax.yaxis.get_major_formatter()(9_120_000, 0)  # not "1e7"
        assert [8.2e6, 8.35e6, 8.61e6, 8.79e6, 9.12e6] == list(ax.get_lines()[0].get_ydata())
        assert r"Grow ARR from \$8.2M to \$10M" == ax.get_title()
        ax.figure.savefig(tmp_path / "arr.png")
        assert (tmp_path / "arr.png").stat().st_size > 1000

    def test_progress_band_and_unmeasurable(self, acme: okrkit.Plan) -> None:
        """A band is shaded; a key result without a target draws only its check-ins."""
        from okrkit import plot

        q3 = okrkit.Cycle.parse("2026-Q3")
        band = plot.progress(acme.key_result("close-day-latency"), cycle=q3)
        assert ["check-ins"] == [line.get_label() for line in band.get_lines()][:1]
        vague = okrkit.KeyResult(title="Be better").check_in(3, at=date(2026, 8, 1))
        assert ["check-ins"] == [
            line.get_label() for line in plot.progress(vague, cycle=q3).get_lines()
        ]
        # A threshold has a target to hold, and no pace to follow.
        held = acme.key_result("gross-margin")
        labels = [line.get_label() for line in plot.progress(held, cycle=q3).get_lines()]
        assert "target" in labels
        assert "expected pace" not in labels

    def test_progress_draws_the_check_ins_the_scorecard_counts(self) -> None:
        """As of 31 August, a check-in made on 1 September in Auckland is not drawn (nor
        counted by the scorecard), though it was still 31 August in UTC."""
        from datetime import timedelta, timezone

        from okrkit import plot

        q3 = okrkit.Cycle.parse("2026-Q3")
        auckland = timezone(timedelta(hours=12))
        kr = okrkit.KeyResult(title="Up", direction="increase", start=0, target=10)
        kr = kr.check_in(4, at=date(2026, 8, 20))
        kr = kr.check_in(9, at=datetime(2026, 9, 1, 1, 0, tzinfo=auckland))
        ax = plot.progress(kr, cycle=q3, at=AUG_31)
        assert [0.0, 4.0] == list(ax.get_lines()[0].get_ydata())

    def test_progress_refuses_wrong_types(self) -> None:
        """A key result and a cycle are required, and *at* is a date."""
        from okrkit import plot

        q3 = okrkit.Cycle.parse("2026-Q3")
        kr = okrkit.KeyResult(title="x")
        for at in ("2026-08-01", datetime(2026, 8, 1)):
            with pytest.raises(okrkit.InvalidTypeError):
                plot.progress(kr, cycle=q3, at=at)  # type: ignore[arg-type]

        with pytest.raises(okrkit.InvalidTypeError):
            plot.progress("arr", cycle=okrkit.Cycle.parse("2026-Q3"))  # type: ignore[arg-type]
        with pytest.raises(okrkit.InvalidTypeError):
            plot.progress(okrkit.KeyResult(title="x"), cycle="2026-Q3")  # type: ignore[arg-type]

    def test_scores(self, acme: okrkit.Plan) -> None:
        """One bar per objective down the tree, labelled with score and grade in words."""
        from okrkit import plot

        ax = plot.scores(acme, at=AUG_31)
        assert 6 == len(ax.patches)
        texts = [t.get_text() for t in ax.texts]
        assert "0.60 projected missed (red)" == texts[0]
        assert "0.16 projected missed (red)" == texts[-1]
        assert (0, 1) == ax.get_xlim()  # never past max(1, the policy's cap)
        ticks = [t.get_text() for t in ax.get_yticklabels()]
        assert "grow-revenue" == ticks[0]
        assert "    mid-market" == ticks[2]

    def test_scores_axis_of_an_uncapped_policy(self) -> None:
        """An uncapped policy's axis reaches the highest score, but never past 999."""
        import attrs

        from okrkit import plot

        uncapped = attrs.evolve(okrkit.scoring.LINEAR, name="uncapped", cap=None)
        kr = okrkit.KeyResult(title="Up", direction="increase", start=0, target=1)
        plan = okrkit.Plan(objectives=[okrkit.Objective(title="O", key_results=[
            kr.check_in(1.5, at=AUG_31)])])  # fmt: skip
        assert (0, 1.5) == plot.scores(plan, at=AUG_31, policy=uncapped).get_xlim()
        huge = okrkit.Plan(objectives=[okrkit.Objective(title="O", key_results=[
            kr.check_in(1e300, at=AUG_31)])])  # fmt: skip
        assert (0, 999) == plot.scores(huge, at=AUG_31, policy=uncapped).get_xlim()

    def test_scores_on_given_axes(self) -> None:
        """Given axes are drawn on and returned; an unmeasurable objective says so."""
        from matplotlib.figure import Figure

        from okrkit import plot

        ax = Figure().subplots()
        plan = okrkit.Plan(objectives=[okrkit.Objective(title="Vague")])
        assert ax is plot.scores(plan, ax=ax)
        assert ["not measurable"] == [t.get_text() for t in ax.texts]
