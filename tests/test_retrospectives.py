"""Retrospectives across cycles: `okrkit.retrospective`, its views and ``okrkit retro``."""

from __future__ import annotations

import io
import json
import math
import os
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import okrkit
from okrkit import Commitment, Cycle, KeyResult, Objective, PastScore, Plan
from okrkit._escape import html_text, terminal
from okrkit.cli import Streams, run
from okrkit.retrospectives import CALIBRATED, Retrospective, retrospective
from okrkit.rules import RuleConfig, validate
from okrkit.scorecards import scorecard
from okrkit.testing import plans

ROOT = Path(__file__).resolve().parent.parent
Q2, Q3, Q4 = (Cycle.parse(f"2026-Q{n}") for n in (2, 3, 4))
LATER = date(2030, 1, 1)
MD = MarkdownIt("gfm-like")


def _kr(id: str = "nps", **fields: object) -> KeyResult:
    given = {"title": "Raise NPS", "direction": "increase", "start": 30, "target": 40, **fields}
    return KeyResult(id=id, **given)  # type: ignore[arg-type]


def _objective(
    cycle: Cycle,
    *values: float,
    owner: str | None = "growth",
    id: str = "love",
    commitment: str = "aspirational",
    level: str | None = "team",
    kr_id: str = "nps",
) -> Objective:
    """An objective of *cycle* whose one key result is checked in at *values*, a week apart,
    the last on the cycle's last day."""
    kr = _kr(kr_id)
    for k, value in enumerate(values):
        kr = kr.check_in(value, at=cycle.end - timedelta(days=7 * (len(values) - 1 - k)))
    return Objective(
        id=id,
        title="Be loved",
        owner=owner,
        level=level,
        cycle=cycle,
        commitment=commitment,
        key_results=[kr],
    )


def _plan(*objectives: Objective, history: list[PastScore] | None = None) -> Plan:
    return Plan(objectives=list(objectives), history=history or [])


class TestLaws:
    @given(st.lists(plans(), min_size=1, max_size=3), st.dates(date(2026, 1, 1), LATER))
    @pytest.mark.filterwarnings("ignore::okrkit.OKRWarning")
    def test_bounded_and_counted(self, given_plans: list[Plan], at: date) -> None:
        """Every mean lies within the scores it is of, every share within 0..1, and every
        final score is counted once in its owner's and once in its level's cycle."""
        retro = retrospective(given_plans, at=at)
        for tracks in (retro.owners, retro.levels):
            assert sum(len(t.aspirational) + len(t.committed) for t in tracks) == sum(
                1 for s in retro.scores if s.score is not None
            )
            for track in tracks:
                for tally in (track, *track.cycles):
                    if tally.aspirational:
                        assert min(tally.aspirational) - 1e-9 <= tally.aspirational_mean
                        assert tally.aspirational_mean <= max(tally.aspirational) + 1e-9
                    else:
                        assert tally.aspirational_mean is None
                    share = tally.delivered_share
                    assert share is None or 0 <= share <= 1
                    for ids in (tally.quiet, tally.carried, tally.targets_moved):
                        assert 0 <= len(ids) <= tally.key_results
        assert list(retro.cycles) == sorted({s.cycle for s in retro.scores})
        assert all(s.cycle.end <= at for s in retro.scores if not s.from_history)

    @given(plans(), st.dates(date(2026, 1, 1), LATER))
    @pytest.mark.filterwarnings("ignore::okrkit.OKRWarning")
    def test_final_scores_are_the_scorecards(self, plan: Plan, at: date) -> None:
        """A plan's final scores are its scorecard's, for every objective whose cycle ended;
        the others are listed as left out."""
        retro = retrospective(plan, at=at)
        card = scorecard(plan, at=at)
        ended = {
            (row.objective.cycle, row.objective.owner, row.id): row.score
            for row in card
            if row.objective.cycle is not None and row.final
        }
        got = {(s.cycle, s.owner, s.objective): s.score for s in retro.scores if not s.from_history}
        assert got == ended
        running = {
            f"{row.objective.cycle}/{row.id}"
            for row in card
            if row.objective.cycle is not None and not row.final
        }
        later = {f"{p.cycle}/{p.objective or p.owner}" for p in plan.history if p.cycle.end > at}
        assert running <= set(retro.running) <= running | later
        assert all(s.cycle.end <= at for s in retro.scores)  # past scores too
        assert set(retro.undated) == {row.id for row in card if row.objective.cycle is None}

    @given(plans(), st.dates(date(2026, 1, 1), LATER))
    @pytest.mark.filterwarnings("ignore::okrkit.OKRWarning")
    def test_a_version_given_twice_is_given_once(self, plan: Plan, at: date) -> None:
        once = retrospective([plan], at=at)
        assert retrospective([plan, plan], at=at) == once

    @given(plans(), st.dates(date(2026, 1, 1), LATER))
    @pytest.mark.filterwarnings("ignore::okrkit.OKRWarning")
    def test_the_history_a_roll_over_writes_is_what_the_retrospective_read(
        self, plan: Plan, at: date
    ) -> None:
        """Rolled over after its cycles end, a plan's history holds the final scores the
        retrospective reads of the plan itself (an owner's objectives, each once)."""
        plan = Plan(objectives=plan.objectives)
        ends = [o.cycle.end for o in plan.objectives if o.cycle is not None]
        assume(ends and max(ends).year < 9999)
        end = max(ends)
        at = max(at, end)
        nxt = Cycle.parse(f"{end.year + 1:04d}-Q1")
        direct = retrospective(plan, at=at)
        rolled = retrospective(Plan(history=plan.roll_over(nxt, at=at).history), at=at)
        expected = sorted(
            (str(s.cycle), s.owner, s.objective, round(min(max(s.score, 0.0), 10.0), 6))
            for s in direct.scores
            if s.owner is not None and s.score is not None
        )
        got = sorted((str(s.cycle), s.owner, s.objective, s.score) for s in rolled.scores)
        assert got == expected

    @given(
        st.lists(
            st.tuples(
                st.sampled_from(["growth", "platform", "sales"]),
                st.integers(1, 8),
                st.floats(0, 1.2),
                st.sampled_from(list(Commitment)),
            ),
            max_size=12,
        )
    )
    def test_findings_agree_with_the_ambition_rules(
        self, given_scores: list[tuple[str, int, float, Commitment]]
    ) -> None:
        """The retrospective of a history finds sandbagging and over-reach for the owners
        OKR303 and OKR304 flag in the plan that holds it."""
        history = [
            PastScore(owner=o, cycle=Cycle.parse(f"2025-{q:02d}"), score=s, commitment=c)
            for o, q, s, c in given_scores
        ]
        plan = Plan(history=history)
        retro = retrospective(plan, at=LATER)
        report = validate(plan, RuleConfig(select=["OKR303", "OKR304"]), today=LATER)
        flagged = sorted(
            (d.code, d.message.split("'")[1]) for d in report if d.code in ("OKR303", "OKR304")
        )
        found = sorted((f.code, f.owner) for f in retro.findings if f.code != "OKR602")
        assert found == flagged

    @given(st.integers(0, 3), st.booleans())
    def test_a_goalpost_moved_after_a_check_in_is_counted_once(
        self, edits: int, checked_in: bool
    ) -> None:
        """Each key result whose target moved between versions after its first check-in
        counts once, however often it moved; before any check-in, never."""
        versions = []
        obj = _objective(Q3, 33, 36, 38) if checked_in else _objective(Q3)
        versions.append(_plan(obj))
        for k in range(edits):
            kr = attrs.evolve(obj.key_results[0], target=41 + k)
            versions.append(_plan(obj.replace_key_result(kr)))
        tally = retrospective(versions, at=LATER).owner("growth").cycles[0]
        assert tally.targets_moved == (("nps",) if edits and checked_in else ())


class TestWorkedExamples:
    def test_a_team_over_three_quarters(self) -> None:
        plans_ = [
            _plan(_objective(Q2, 40)),
            _plan(_objective(Q3, 35), _objective(Q3, 40, id="ship", commitment="committed")),
            _plan(_objective(Q4, 39)),
        ]
        retro = retrospective(plans_, at=LATER)
        growth = retro.owner("growth")
        assert [str(t.cycle) for t in growth.cycles] == ["2026-Q2", "2026-Q3", "2026-Q4"]
        assert growth.aspirational == (1.0, 0.5, 0.9)
        assert growth.aspirational_mean == pytest.approx(0.8)
        assert (growth.delivered, growth.delivered_share) == (1, 1.0)
        assert growth.cycles[1].delivered_share == 1.0
        assert growth.cycles[0].delivered_share is None
        assert retro.findings == ()
        assert retro.levels[0].level == "team"
        assert retro.levels[0].owner is None

    def test_sandbagging_and_over_reach(self) -> None:
        retro = retrospective(
            [
                _plan(_objective(Q2, 40), _objective(Q2, 30, owner="sales", id="big")),
                _plan(_objective(Q3, 41), _objective(Q3, 31, owner="sales", id="big")),
            ],
            at=LATER,
        )
        kinds = {(f.kind, f.owner, f.code) for f in retro.findings}
        assert kinds == {("sandbagging", "growth", "OKR303"), ("overreach", "sales", "OKR304")}
        sandbag = next(f for f in retro.findings if f.kind == "sandbagging")
        assert sandbag.cycles == (Q2, Q3)
        assert sandbag.value == 1.0
        assert "not ambitious" in sandbag.message
        assert sandbag.hint == okrkit.REGISTRY["OKR303"].hint

    def test_one_cycle_is_not_enough_and_config_tunes_and_silences(self) -> None:
        plan = _plan(_objective(Q3, 40))
        assert retrospective(plan, at=LATER).findings == ()
        tuned = RuleConfig(options={"OKR303": {"min_cycles": 1}})
        assert [f.kind for f in retrospective(plan, at=LATER, config=tuned).findings] == [
            "sandbagging"
        ]
        off = RuleConfig(options={"OKR303": {"min_cycles": 1}}, ignore=["OKR303"])
        retro = retrospective(plan, at=LATER, config=off)
        assert (retro.findings, retro.sandbagging, retro.overreach) == ((), None, 0.3)

    def test_a_stale_team(self) -> None:
        quiet = _kr().check_in(32, at=date(2026, 8, 1))
        busy = _kr("csat").check_in(35, at=Q3.end)
        obj = Objective(
            id="love", title="Be loved", owner="growth", cycle=Q3, key_results=[quiet, busy]
        )
        retro = retrospective(_plan(obj), at=LATER)
        tally = retro.owner("growth").cycles[0]
        assert (tally.key_results, tally.quiet) == (2, ("nps",))
        (finding,) = retro.findings
        assert (finding.kind, finding.code, finding.value) == ("stale", "OKR602", 0.5)
        assert "1 of 2 in 2026-Q3" in finding.message
        longer = RuleConfig(options={"OKR602": {"days": 90}})
        assert retrospective(_plan(obj), at=LATER, config=longer).findings == ()

    def test_a_key_result_done_early_is_not_quiet(self) -> None:
        done_early = _kr().check_in(40, at=date(2026, 7, 15))
        obj = Objective(id="love", title="Be loved", owner="growth", cycle=Q3,
                        key_results=[done_early])  # fmt: skip
        assert retrospective(_plan(obj), at=LATER).owner("growth").cycles[0].quiet == ()

    def test_carried_over_key_results(self) -> None:
        q3 = _plan(_objective(Q3, 33))
        q4 = q3.roll_over(Q4, at=Q3.end)
        q4 = q4.replace(
            q4.objectives[0].replace_key_result(q4.key_result("nps").check_in(36, at=Q4.end))
        )
        retro = retrospective([q3, q4], at=LATER)
        assert [(str(t.cycle), t.carried) for t in retro.owner("growth").cycles] == [
            ("2026-Q3", ()),
            ("2026-Q4", ("nps",)),
        ]
        # Q3's past score in Q4's history is the objective the Q3 plan holds: counted once.
        assert [str(s.cycle) for s in retro.scores] == ["2026-Q3", "2026-Q4"]

    def test_history_fills_the_cycles_no_plan_holds(self) -> None:
        history = [
            PastScore(owner="growth", cycle=Q2, score=0.6),
            PastScore(owner="growth", cycle=Q3, score=0.1),  # the Q3 plan's objectives win
            PastScore(owner="growth", cycle=Q3, score=0.2, objective="love"),
        ]
        retro = retrospective(_plan(_objective(Q3, 35), history=history), at=LATER)
        assert [(str(s.cycle), s.score, s.from_history) for s in retro.scores] == [
            ("2026-Q2", 0.6, True),
            ("2026-Q3", 0.5, False),
        ]
        assert retro.scores[0].level == "team"  # the owner's, from their objectives

    def test_a_later_version_is_taken(self) -> None:
        early = _plan(_objective(Q3, 31))
        late = _plan(_objective(Q3, 31, 38))
        retro = retrospective([early, late], at=LATER)
        assert [s.score for s in retro.scores] == [pytest.approx(0.8)]

    def test_teams_with_the_same_ids_stay_apart(self) -> None:
        growth = _plan(_objective(Q3, 35))
        sales = _plan(_objective(Q3, 31, owner="sales"))
        retro = retrospective([growth, sales], at=LATER)
        assert [(t.owner, t.aspirational) for t in retro.owners] == [
            ("growth", (0.5,)),
            ("sales", (pytest.approx(0.1),)),
        ]

    def test_no_owner_and_no_level(self) -> None:
        retro = retrospective(_plan(_objective(Q3, 35, owner=None, level=None)), at=LATER)
        assert [(t.owner, t.level) for t in retro.owners] == [(None, None)]
        assert retro.owner(None).aspirational == (0.5,)
        assert "(no owner)" in retro.markdown()
        assert "(no level)" in retro.markdown()
        with pytest.raises(KeyError):
            retro.owner("nobody")

    def test_running_and_undated_are_left_out(self) -> None:
        undated = Objective(id="someday", title="Someday", key_results=[_kr()])
        retro = retrospective(_plan(_objective(Q4, 35), undated), at=date(2026, 11, 1))
        assert (retro.scores, retro.running, retro.undated) == ((), ("2026-Q4/love",), ("someday",))
        text = retro.markdown()
        assert "1 objective of cycles not ended by 2026-11-01 (2026-Q4)" in text
        assert "1 objective with no cycle: someday" in text
        assert "Went quiet" not in text  # no tracks: no tables

    def test_an_empty_retrospective(self) -> None:
        retro = retrospective([], at=LATER)
        assert retro.summary() == "0 cycles, 0 owners, 0 final scores, 0 findings"
        assert "None: no owner sandbags" in retro.markdown()
        assert "None: no owner sandbags" in retro.html()

    def test_unmeasurable_objectives_have_no_score(self) -> None:
        vague = Objective(id="vague", title="Be better", owner="growth", cycle=Q3,
                          key_results=[KeyResult(title="Improve things")])  # fmt: skip
        retro = retrospective(_plan(vague), at=LATER)
        assert [s.score for s in retro.scores] == [None]
        assert retro.owner("growth").aspirational == ()
        assert retro.to_dict()["scores"][0]["score"] is None


class TestAfterAHostileTrial:
    def test_past_scores_of_cycles_not_ended_are_left_out(self) -> None:
        plan = Plan(history=[PastScore(owner="growth", cycle=Q3, score=1.0),
                             PastScore(owner="growth", cycle=Q2, score=1.0)])  # fmt: skip
        retro = retrospective(plan, at=date(2026, 8, 1))
        assert [str(s.cycle) for s in retro.scores] == ["2026-Q2"]
        assert retro.running == ("2026-Q3/growth",)

    def test_key_results_of_two_objectives_are_not_versions_of_one(self) -> None:
        a = _objective(Q3, 33, 35, id="a")
        b = attrs.evolve(_objective(Q3, 33, 35, id="b"), key_results=[
            attrs.evolve(a.key_results[0], target=50)])  # fmt: skip
        retro = retrospective([_plan(a), _plan(b)], at=LATER)
        assert retro.owner("growth").targets_moved == ()

    def test_the_last_version_of_a_file_says_which_objectives_there_are(self) -> None:
        obj = _objective(Q3, 33, 35)
        moved = obj.replace_key_result(attrs.evolve(obj.key_results[0], target=38))
        reassigned = attrs.evolve(moved, owner="sales")
        retro = retrospective([[_plan(obj), _plan(moved), _plan(reassigned)]], at=LATER)
        assert [(s.owner, s.objective) for s in retro.scores] == [("sales", "love")]
        # Its goalposts moved while growth owned it: the versions of one file say so.
        assert retro.owner("sales").targets_moved == ("nps",)
        other = _objective(Q3, 31, id="other", kr_id="other-kr")
        removed = retrospective([[_plan(obj, other), _plan(other)]], at=LATER)
        assert [s.objective for s in removed.scores] == ["other"]
        # A file rolled over in place: its cycles are each the latest version's that has it.
        q4 = _plan(obj).roll_over(Q4, at=Q3.end)
        rolled = retrospective([[_plan(obj), _plan(moved), q4]], at=LATER)
        assert [(str(s.cycle), s.from_history) for s in rolled.scores] == [
            ("2026-Q3", False),
            ("2026-Q4", False),
        ]
        assert rolled.owner("growth").cycles[0].targets_moved == ("nps",)
        assert rolled.owner("growth").cycles[0].key_results == 1
        apart = retrospective([_plan(obj), _plan(moved)], at=LATER)  # given apart
        assert apart.owner("growth").targets_moved == ("nps",)

    @pytest.mark.parametrize("bad", [[[]], [[_plan(), "x"]], ["x"]])
    def test_versions_must_be_plans(self, bad: object) -> None:
        with pytest.raises(okrkit.InvalidTypeError):
            retrospective(bad)  # type: ignore[arg-type]

    def test_a_last_check_in_after_the_cycle_delivers(self) -> None:
        kr = _kr().check_in(33, at=date(2026, 6, 1)).check_in(40, at=date(2026, 7, 2))
        obj = Objective(id="ship", title="Ship", owner="growth", cycle=Q2,
                        commitment="committed", key_results=[kr])  # fmt: skip
        retro = retrospective(_plan(obj), at=date(2026, 10, 1))
        tally = retro.owner("growth").cycles[0]
        assert (tally.delivered, tally.quiet, retro.findings) == (1, (), ())

    def test_a_re_owned_objective_is_not_counted_again_from_the_history(self) -> None:
        q3 = _plan(_objective(Q3, 38))
        q4 = q3.roll_over(Q4, at=Q3.end)
        q3b = _plan(attrs.evolve(q3.objectives[0], owner="product"))
        for both in ([q3b, q4], [[q3, q3b], q4]):
            retro = retrospective(both, at=LATER)
            assert [(s.owner, s.from_history) for s in retro.scores if s.cycle == Q3] == [
                ("product", False)
            ]

    def test_huge_scores_do_not_overflow(self) -> None:
        uncapped = attrs.evolve(okrkit.policy_named("linear"), name="uncapped", cap=None)
        kr = KeyResult(id="x", title="Grow", direction="increase", start=0, target=1)
        objectives = [
            Objective(id=f"o{q}", title="O", owner="a", cycle=cycle,
                      key_results=[attrs.evolve(kr, id=f"x{q}").check_in(1e308, at=cycle.end)])
            for q, cycle in ((2, Q2), (3, Q3))
        ]  # fmt: skip
        retro = retrospective(_plan(*objectives), at=LATER, policy=uncapped)
        assert retro.owner("a").aspirational_mean == pytest.approx(1e308)
        assert [f.kind for f in retro.findings] == ["sandbagging"]
        retro.markdown(), retro.html(), retro._repr_html_()
        json.dumps(retro.to_dict(), allow_nan=False)

    def test_cycles_0_reads_every_cycle_as_the_rules_do(self) -> None:
        history = [PastScore(owner="growth", cycle=Cycle.parse(f"2025-Q{q}"), score=score)
                   for q, score in ((1, 1.0), (2, 1.0), (3, 1.0), (4, 0.0))]  # fmt: skip
        plan = Plan(history=history)
        for cycles, found in ((0, ["sandbagging"]), (1, []), (2, []), (3, [])):
            config = RuleConfig(options={"OKR303": {"cycles": cycles, "threshold": 0.7}})
            retro = retrospective(plan, at=LATER, config=config)
            assert [f.kind for f in retro.findings if f.code == "OKR303"] == found
            rules = validate(plan, attrs.evolve(config, select=["OKR303"]), today=LATER)
            assert len(list(rules)) == len(found)
        # 0: all four cycles, a mean of 0.75.
        config = RuleConfig(options={"OKR303": {"cycles": 0, "threshold": 0.75}})
        (finding,) = retrospective(plan, at=LATER, config=config).findings
        assert (finding.value, len(finding.cycles)) == (0.75, 4)

    def test_objectives_with_no_owner_have_no_findings(self) -> None:
        plans_ = [_plan(_objective(Q2, 40, owner=None)), _plan(_objective(Q3, 40, owner=None))]
        retro = retrospective(plans_, at=LATER)
        assert retro.findings == ()
        assert retro.owner(None).aspirational == (1.0, 1.0)

    def test_the_policy_name_is_escaped(self) -> None:
        odd = attrs.evolve(okrkit.policy_named("linear"), name="<img src=x> *[x](javascript:y)*")
        retro = retrospective(_plan(_objective(Q3, 35)), at=LATER, policy=odd)
        page = MD.render(retro.markdown())
        assert "<img" not in page
        assert "<a " not in page
        assert "<img" not in retro.html()

    def test_helpers_refuse_what_they_cannot_read(self) -> None:
        from okrkit.changes import moved_goalposts
        from okrkit.scoring import quiet_days, recent_means

        kr = _kr()
        for call in (
            lambda: quiet_days("x", Q3, Q3.end),  # type: ignore[arg-type]
            lambda: quiet_days(kr, "2026-Q3", Q3.end),  # type: ignore[arg-type]
            lambda: quiet_days(kr, Q3, "2026-09-30"),  # type: ignore[arg-type]
            lambda: recent_means(None, last=3),  # type: ignore[arg-type]
            lambda: recent_means([("a", Q3)], last=3),  # type: ignore[list-item]
            lambda: recent_means([("a", "2026-Q3", 1.0)], last=3),  # type: ignore[list-item]
            lambda: recent_means([("a", Q3, 1.0)], last=-1),
            lambda: moved_goalposts("a", kr),  # type: ignore[arg-type]
            lambda: moved_goalposts(kr, None),  # type: ignore[arg-type]
        ):
            with pytest.raises(okrkit.OKRError):
                call()

    def test_an_owner_named_like_none_is_not_none(self) -> None:
        retro = retrospective(
            [_plan(_objective(Q3, 35, owner="(no owner)"), _objective(Q3, 35, owner=None,
                                                                      id="x", kr_id="y"))],
            at=LATER,
        )  # fmt: skip
        shown = [
            "".join(c.content for c in t.children or ())
            for t in MD.parse(retro.markdown())
            if t.type == "inline"
        ]
        assert "(no owner)" in shown  # the owner's name, as written
        page = retro.html()
        assert '<th scope="row">(no owner)</th>' in page
        assert '<th scope="row"><em>(no owner)</em></th>' in page

    def test_an_unknown_owner_and_a_bad_title(self) -> None:
        retro = retrospective(_plan(_objective(Q3, 35)), at=LATER)
        with pytest.raises(okrkit.UnknownIdError, match="no owner with id 'nobody'"):
            retro.owner("nobody")
        for bad in (None, 5):
            with pytest.raises(okrkit.InvalidTypeError):
                retro.markdown(bad)  # type: ignore[arg-type]
            with pytest.raises(okrkit.InvalidTypeError):
                retro.html(bad)  # type: ignore[arg-type]

    def test_the_summary_counts_the_scores_there_are(self) -> None:
        vague = Objective(id="vague", title="Be better", owner="growth", cycle=Q3,
                          key_results=[KeyResult(title="Improve things")])  # fmt: skip
        retro = retrospective(_plan(vague, _objective(Q3, 35)), at=LATER)
        assert "1 final score," in retro.summary()

    def test_plot_names_and_axes(self) -> None:
        pytest.importorskip("matplotlib")
        from okrkit import plot

        plans_ = [
            _plan(
                _objective(Q3, 35, owner="_x"),
                _objective(Q3, 35, owner="a\x1bb", id="y", kr_id="z"),
            )
        ]
        ax = plot.retrospective(retrospective(plans_, at=LATER))
        labels = [text.get_text() for text in ax.get_legend().get_texts()]
        assert " _x" in labels
        assert "a\\x1bb" in labels
        with pytest.raises(okrkit.InvalidTypeError):
            plot.retrospective(retrospective(plans_, at=LATER), ax=5)


class TestViews:
    def retro(self) -> Retrospective:
        return retrospective(
            [
                _plan(_objective(Q2, 40), _objective(Q2, 31, owner="sales", id="big")),
                _plan(_objective(Q3, 41), _objective(Q3, 31, owner="sales", id="big")),
            ],
            at=LATER,
        )

    def test_markdown(self) -> None:
        text = self.retro().markdown("Growth, 2026")
        lines = text.splitlines()
        assert lines[0] == "# Growth, 2026, as of 2030-01-01"
        assert "- **Sandbagging** (OKR303): owner 'growth' averaged 1.00" in text
        assert "| growth | team | 2 | 1.00 (2 objectives) | – | 0 of 2 (0%) |" in text
        assert "| 2026-Q2 | 1.00 (1 objective) | – | 1 | 0 | 0 | 0 |" in text

    def test_html(self) -> None:
        page = self.retro().html()
        assert page.startswith("<!DOCTYPE html>")
        assert "<h1>Retrospective, as of 2030-01-01</h1>" in page
        assert '<th scope="row">growth</th>' in page
        assert "<script" not in page

    def test_notebook_view(self) -> None:
        html = self.retro()._repr_html_()
        assert html.startswith('<div class="okrkit">')
        assert "Sandbagging" in html

    def test_json(self) -> None:
        data = json.loads(json.dumps(self.retro().to_dict()))
        assert data["okrkit_retrospective"] == 1
        assert data["cycles"] == ["2026-Q2", "2026-Q3"]
        assert data["thresholds"] == {"calibrated": list(CALIBRATED), "sandbagging": 0.9,
                                      "overreach": 0.3, "quiet_after_days": 14,
                                      "quiet_share": 0.5}  # fmt: skip
        assert [f["kind"] for f in data["findings"]] == ["sandbagging", "overreach"]
        assert data["owners"][0]["cycles"][0]["aspirational"] == [1.0]

    def test_a_huge_score_is_json(self) -> None:
        uncapped = attrs.evolve(okrkit.policy_named("linear"), cap=None)
        kr = KeyResult(id="x", title="Grow", direction="increase", start=0, target=1e-300)
        obj = Objective(id="o", title="O", owner="a", cycle=Q3,
                        key_results=[kr.check_in(1e300, at=Q3.end)])  # fmt: skip
        data = retrospective(_plan(obj), at=LATER, policy=uncapped).to_dict()
        assert data["scores"][0]["score"] > 1e300
        json.dumps(data, allow_nan=False)

    @settings(max_examples=30)
    @given(st.text(min_size=1, max_size=30).filter(lambda s: bool(s.strip())))
    @example("<script>alert(1)</script> [x](javascript:alert(1)) `x` | y # 1. > - * _em_")
    @example("a\rb\x1b[31m\u202e")
    def test_user_text_renders_as_itself(self, text: str) -> None:
        """Owners, levels and the title render as themselves in the Markdown (no markup,
        no control characters), and as text in the HTML."""
        try:
            obj = _objective(Q3, 35, owner=text, level=text)
        except okrkit.OKRError:
            assume(False)
            return
        retro = retrospective(_plan(obj), at=LATER)
        shown = []
        for token in MD.parse(retro.markdown(text)):
            assert token.type not in ("html_block", "code_block", "fence", "hr"), token
            for child in token.children or ():
                assert child.type in {"text", "strong_open", "strong_close", "softbreak"}, child
            if token.type == "inline":
                shown.append("".join(c.content for c in token.children or ()))
        assert shown[0] == f"{terminal(text)}, as of 2030-01-01"
        assert terminal(text) in shown  # the owner's and the level's cells, the heading
        page = retro.html(text)
        assert f"<h1>{html_text(text)}, as of 2030-01-01</h1>" in page
        assert f'<th scope="row">{html_text(text)}</th>' in page
        if any(c in text for c in "<>&\x1b"):
            assert f"<h1>{text}, as of" not in page

    def test_to_frame(self) -> None:
        pd = pytest.importorskip("pandas")
        frame = self.retro().to_frame()
        assert list(frame["owner"]) == ["growth", "growth", "sales", "sales"]
        assert list(frame["aspirational_mean"]) == pytest.approx([1.0, 1.0, 0.1, 0.1])
        assert str(frame["cycle_start"].dtype).startswith("datetime64")
        assert str(frame["quiet"].dtype) == "int64"
        assert math.isnan(frame["delivered_share"][0])
        assert isinstance(frame, pd.DataFrame)

    def test_plot(self) -> None:
        pytest.importorskip("matplotlib")
        from okrkit import plot

        ax = plot.retrospective(self.retro())
        labels = [line.get_label() for line in ax.get_lines()]
        assert {"growth", "sales", "sandbagging", "over-reach"} <= set(labels)
        assert [t.get_text() for t in ax.get_xticklabels()] == ["2026-Q2", "2026-Q3"]
        with pytest.raises(okrkit.InvalidTypeError):
            plot.retrospective("not one")  # type: ignore[arg-type]


class TestBadInput:
    @pytest.mark.parametrize(
        ("plans_", "where"),
        [(3, "plans"), ([_plan(), "x"], "plans[1]")],
    )
    def test_not_plans(self, plans_: object, where: str) -> None:
        with pytest.raises(okrkit.InvalidTypeError) as caught:
            retrospective(plans_)  # type: ignore[arg-type]
        assert caught.value.path == where

    def test_bad_at_config_and_option(self) -> None:
        with pytest.raises(okrkit.InvalidTypeError):
            retrospective([], at="2026-01-01")  # type: ignore[arg-type]
        with pytest.raises(okrkit.InvalidTypeError):
            retrospective([], config={"select": []})  # type: ignore[arg-type]
        with pytest.raises(okrkit.OKRError) as caught:
            retrospective([], config=RuleConfig(options={"OKR303": {"threshold": "high"}}))
        assert "options.OKR303.threshold" in str(caught.value)


def _git_env() -> dict[str, str]:
    """The environment git runs in here: an author and committer, no user's configuration."""
    who = {f"GIT_{role}_{key}": value for role in ("AUTHOR", "COMMITTER")
           for key, value in (("NAME", "t"), ("EMAIL", "t@example.com"))}  # fmt: skip
    return {**os.environ, **who, "GIT_CONFIG_GLOBAL": os.devnull}


def _cli(*argv: str, cwd: Path | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(list(argv), Streams(stdout=out, stderr=err, environ={}))
    return status, out.getvalue(), err.getvalue()


class TestCommandLine:
    def files(self, tmp_path: Path) -> tuple[Path, Path]:
        q3 = tmp_path / "2026-Q3.yaml"
        sales = {"owner": "sales", "id": "big", "kr_id": "deals"}
        okrkit.dump(_plan(_objective(Q3, 40), _objective(Q3, 31, **sales)), q3)  # type: ignore[arg-type]
        q4 = tmp_path / "2026-Q4.yaml"
        okrkit.dump(_plan(_objective(Q4, 41), _objective(Q4, 31, **sales)), q4)  # type: ignore[arg-type]
        return q3, q4

    def test_markdown_html_json(self, tmp_path: Path) -> None:
        q3, q4 = self.files(tmp_path)
        status, out, err = _cli("retro", str(q3), str(q4), "--at", "2027-01-05")
        assert (status, err) == (0, "")
        assert out.startswith("# Retrospective, as of 2027-01-05\n")
        assert "**Sandbagging** (OKR303)" in out
        status, out, _ = _cli("retro", str(q3), str(q4), "--at", "2027-01-05", "--format", "json")
        assert json.loads(out)["cycles"] == ["2026-Q3", "2026-Q4"]
        page = tmp_path / "retro.html"  # the format from the suffix
        status, out, _ = _cli("retro", str(q3), str(q4), "-o", str(page), "--title", "Growth <b>")
        assert (status, out) == (0, "")
        assert "Growth &lt;b&gt;" in page.read_text(encoding="utf-8")

    def test_running_cycles_are_noted(self, tmp_path: Path) -> None:
        q3, q4 = self.files(tmp_path)
        status, _, err = _cli("retro", str(q3), str(q4), "--at", "2026-11-01")
        assert status == 0
        assert "2 objectives left out: their cycles had not ended by 2026-11-01" in err
        one = tmp_path / "one.yaml"
        okrkit.dump(_plan(_objective(Q4, 41)), one)
        _, _, err = _cli("retro", str(one), "--at", "2026-11-01")
        assert "1 objective left out: its cycle had not ended by 2026-11-01" in err
        assert _cli("retro", str(q3), str(q4), "--at", "2026-11-01", "-q")[2] == ""

    def test_the_nearest_configuration_is_read(self, tmp_path: Path) -> None:
        q3, q4 = self.files(tmp_path)
        (tmp_path / "okrkit.toml").write_text("ignore = ['OKR303']\n", encoding="utf-8")
        _, out, _ = _cli("retro", str(q3), str(q4), "--at", "2027-01-05")
        assert "Sandbagging" not in out
        assert "Over-reach" in out

    def test_refuses_to_write_over_an_input(self, tmp_path: Path) -> None:
        q3, q4 = self.files(tmp_path)
        before = q4.read_bytes()
        status, _, err = _cli("retro", str(q3), str(q4), "-o", str(q4))
        assert status == 2
        assert "refusing to write over it" in err
        assert q4.read_bytes() == before

    def test_refuses_to_write_over_a_csv_plans_files(self, tmp_path: Path) -> None:
        csv = tmp_path / "q4.csv"
        okrkit.dump(_plan(_objective(Q4, 41), history=[PastScore(owner="g", cycle=Q3,
                                                                 score=0.5)]), csv)  # fmt: skip
        beside = tmp_path / "q4.history.csv"
        before = beside.read_bytes()
        status, _, err = _cli("retro", str(csv), "-o", str(beside))
        assert status == 2
        assert "refusing to write over it" in err
        assert beside.read_bytes() == before

    def test_bad_files_and_stdin_twice(self, tmp_path: Path) -> None:
        status, _, err = _cli("retro", str(tmp_path / "missing.yaml"))
        assert status == 2
        assert "missing.yaml" in err
        assert "Traceback" not in err
        status, _, err = _cli("retro", "-", "-")
        assert status == 2
        assert "standard input is one of the plans at most" in err

    @pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
    def test_versions_from_git(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.chdir(tmp_path)
        env = _git_env()

        def git(*args: str) -> None:
            subprocess.run(["git", *args], check=True, capture_output=True, env=env)

        git("init", "-q")
        obj = _objective(Q3, 33, 35)
        okrkit.dump(_plan(obj), tmp_path / "okrs.yaml")
        git("add", "okrs.yaml")
        git("commit", "-qm", "Q3")
        moved = obj.replace_key_result(attrs.evolve(obj.key_results[0], target=36))
        okrkit.dump(_plan(moved), tmp_path / "okrs.yaml")
        status, out, err = _cli("retro", "HEAD:okrs.yaml", "okrs.yaml", "--at", "2027-01-05",
                                "--format", "json")  # fmt: skip
        assert (status, err) == (0, "")
        assert json.loads(out)["owners"][0]["targets_moved"] == ["nps"]
        # Every committed version, oldest first, then the file as it is.
        git("commit", "-qam", "eased")
        again = moved.replace_key_result(attrs.evolve(moved.key_results[0], target=37))
        okrkit.dump(_plan(again), tmp_path / "okrs.yaml")
        git("commit", "-qam", "eased again")
        assert _cli("retro", "okrs.yaml", "--at", "2027-01-05", "-o", "one.json")[0] == 0
        assert json.loads((tmp_path / "one.json").read_text())["owners"][0]["targets_moved"] == []
        status, _, err = _cli("retro", str(tmp_path / "okrs.yaml"), "--git-history",
                              "--at", "2027-01-05", "-o", "all.json")  # fmt: skip
        assert (status, err) == (0, "")
        data = json.loads((tmp_path / "all.json").read_text())
        assert data["owners"][0]["targets_moved"] == ["nps"]  # once, though it moved twice
        assert data["scores"][0]["score"] == pytest.approx(0.5 / 0.7)  # the latest version's
        before = (tmp_path / "okrs.yaml").read_bytes()
        status, _, err = _cli("retro", "HEAD~1:okrs.yaml", "-o", "okrs.yaml")
        assert status == 2
        assert "refusing to write over it" in err
        assert (tmp_path / "okrs.yaml").read_bytes() == before
        okrkit.dump(_plan(again), tmp_path / "okrs.csv")
        status, _, err = _cli("retro", "okrs.csv", "--git-history")
        assert status == 2
        assert "--git-history reads no CSV plan" in err
        monkeypatch.setattr("okrkit.cli._history._MOST_VERSIONS", 2)
        status, _, err = _cli("retro", "okrs.yaml", "--git-history")
        assert status == 2
        assert "git has 3 versions of it, more than 2" in err

    @pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
    def test_one_file_rolled_over_in_place(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A file whose quarter is rolled over in place: --git-history still sees the
        earlier quarter's key results, from the versions that hold it; a revision's path is
        from the repository's top, and one named in a row with its file is its version."""
        sub = tmp_path / "sub"
        sub.mkdir()
        monkeypatch.chdir(sub)
        env = _git_env()

        def commit(plan: Plan) -> None:
            okrkit.dump(plan, sub / "okrs.yaml")
            subprocess.run(["git", "add", "okrs.yaml"], check=True, env=env)
            subprocess.run(["git", "commit", "-qm", "v"], check=True, env=env)

        subprocess.run(["git", "init", "-q"], check=True, env=env, cwd=tmp_path)
        obj = _objective(Q3, 33, 35)
        commit(_plan(obj))
        moved = obj.replace_key_result(attrs.evolve(obj.key_results[0], target=38))
        commit(_plan(moved))
        subprocess.run(["git", "rm", "-q", "okrs.yaml"], check=True, env=env)
        subprocess.run(["git", "commit", "-qm", "gone a while"], check=True, env=env)
        commit(_plan(moved).roll_over(Q4, at=Q3.end))
        status, out, err = _cli("retro", "okrs.yaml", "--git-history", "--at", "2027-01-05",
                                "--format", "json")  # fmt: skip
        assert (status, err) == (0, "")
        q3 = json.loads(out)["owners"][0]["cycles"][0]
        assert (q3["cycle"], q3["key_results"], q3["targets_moved"]) == ("2026-Q3", 1, ["nps"])
        before = (sub / "okrs.yaml").read_bytes()
        status, _, err = _cli("retro", "HEAD~2:sub/okrs.yaml", "-o", "okrs.yaml")
        assert status == 2
        assert "refusing to write over it" in err
        assert (sub / "okrs.yaml").read_bytes() == before
        # HEAD~1:sub/okrs.yaml and okrs.yaml, in a row: the versions of one file.
        reowned = _plan(attrs.evolve(moved, owner="product"))
        okrkit.dump(reowned, sub / "okrs.yaml")
        status, out, _ = _cli("retro", "HEAD~2:sub/okrs.yaml", "okrs.yaml", "--at", "2027-01-05",
                              "--format", "json")  # fmt: skip
        assert [(s["owner"], s["from_history"]) for s in json.loads(out)["scores"]] == [
            ("product", False)
        ]

    @pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
    def test_versions_of_a_file_whoever_owns_it(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A target moved, then the objective handed to another owner: the versions of one
        file are one key result's; a revision named before --git-history's file is one of
        its versions; a revision whose name holds a colon is guarded too; a link is refused."""
        monkeypatch.chdir(tmp_path)
        env = _git_env()

        def commit(plan: Plan, message: str) -> None:
            okrkit.dump(plan, tmp_path / "okrs.yaml")
            subprocess.run(["git", "add", "okrs.yaml"], check=True, env=env)
            subprocess.run(["git", "commit", "-qm", message], check=True, env=env)

        subprocess.run(["git", "init", "-q"], check=True, env=env)
        obj = _objective(Q3, 33, 35)
        commit(_plan(obj), "first")
        moved = obj.replace_key_result(attrs.evolve(obj.key_results[0], target=38))
        commit(_plan(moved), "fix: target")
        commit(_plan(attrs.evolve(moved, owner="product")), "hand over")
        for argv in (
            ["HEAD~2:okrs.yaml", "HEAD~1:okrs.yaml", "okrs.yaml"],
            ["HEAD~1:okrs.yaml", "okrs.yaml", "--git-history"],
        ):
            status, out, err = _cli("retro", *argv, "--at", "2027-01-05", "--format", "json")
            assert (status, err) == (0, "")
            data = json.loads(out)
            assert [(s["owner"], s["objective"]) for s in data["scores"]] == [("product", "love")]
            assert data["owners"][0]["targets_moved"] == ["nps"]
        before = (tmp_path / "okrs.yaml").read_bytes()
        status, _, err = _cli("retro", "HEAD^{/fix: target}:okrs.yaml", "-o", "okrs.yaml")
        assert status == 2
        assert "refusing to write over it" in err
        assert (tmp_path / "okrs.yaml").read_bytes() == before
        (tmp_path / "link.yaml").symlink_to("okrs.yaml")
        status, _, err = _cli("retro", "link.yaml", "--git-history")
        assert status == 2
        assert "is a symbolic link" in err

    @pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
    def test_git_history_outside_a_repository(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        q3, _ = self.files(tmp_path)
        monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
        status, _, err = _cli("retro", str(q3), "--git-history")
        assert status == 2
        assert "not a git repository" in err
        assert "Traceback" not in err
