"""The next cycle: `Plan.roll_over` and ``okrkit roll-over``."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from attrs import evolve as attrs_evolve
from hypothesis import assume, given
from hypothesis import strategies as st

import okrkit
from okrkit import Cycle, Initiative, KeyResult, Kpi, Objective, Plan, formats
from okrkit.cli import Streams, run
from okrkit.scoring import done
from okrkit.testing import plans

ROOT = Path(__file__).resolve().parent.parent
Q4 = Cycle.parse("2026-Q4")


def _trimmed(kr: KeyResult, at: date) -> KeyResult:
    latest = kr.latest(at)
    kept = () if latest is None else kr.check_ins[: kr.check_ins.index(latest) + 1]
    return KeyResult(**{**{f: getattr(kr, f) for f in kr.__slots__ if not f.startswith("__")},
                        "check_ins": kept})  # fmt: skip


def _after(plan: Plan) -> Cycle:
    """A quarter after every cycle of *plan* ends."""
    ends = [o.cycle.end for o in plan.objectives if o.cycle is not None]
    year = max((end.year for end in ends), default=2026)
    return Cycle.parse(f"{min(year + 1, 9999):04d}-Q1")


class TestLaws:
    @given(plans(), st.dates(date(2026, 1, 1), date(2027, 12, 31)))
    def test_exactly_the_unfinished_key_results_are_carried(self, plan: Plan, at: date) -> None:
        nxt = _after(plan)
        assume(all(o.cycle is None or o.cycle.end < nxt.start for o in plan.objectives))
        rolled = plan.roll_over(nxt, at=at)
        unfinished = [kr for _, kr in plan.key_results() if not done(_trimmed(kr, at))]
        assert [kr.carried_from for _, kr in rolled.key_results()] == [kr.id for kr in unfinished]
        for old, (_, new) in zip(unfinished, rolled.key_results(), strict=True):
            assert new.check_ins == ()
            assert new.due is None
            assert (new.direction, new.target, new.id) == (old.direction, old.target, old.id)
            if new.start != old.start:
                assert new.start == old.value_at(at)

    @given(plans(), st.dates(date(2026, 1, 1), date(2027, 12, 31)))
    def test_the_next_plan_is_whole(self, plan: Plan, at: date) -> None:
        """Every objective in the new cycle, aligned only to what is carried or what the plan
        never held; the plan is valid and written by every format."""
        nxt = _after(plan)
        assume(all(o.cycle is None or o.cycle.end < nxt.start for o in plan.objectives))
        rolled = plan.roll_over(nxt, at=at)
        assert all(o.cycle == nxt for o in rolled.objectives)
        for obj in rolled.objectives:
            assert obj.aligned_to is None or obj.aligned_to in rolled or obj.aligned_to not in plan
        assert formats.loads(formats.dumps(rolled, "json"), "json") == rolled
        assert all(i.open for i in rolled.initiatives)
        assert all(k.check_ins == () for k in rolled.kpis)
        assert rolled.history[: len(plan.history)] == plan.history


class TestWorkedExample:
    def plan(self) -> Plan:
        q3 = Cycle.parse("2026-Q3")
        churn = KeyResult(
            id="churn", title="Cut churn", direction="decrease", start=5, target=4,
            due=date(2026, 9, 1),
        ).check_in(4.4, at=date(2026, 9, 20))  # fmt: skip
        nps = KeyResult(
            id="nps", title="Raise NPS", direction="increase", start=30, target=40
        ).check_in(41, at=date(2026, 9, 20))
        late = KeyResult(  # checked in after the date
            id="late", title="Raise CSAT", direction="increase", start=80, target=90
        ).check_in(95, at=date(2026, 10, 2))
        company = Objective(
            id="company", title="Keep customers", owner="exec", cycle=q3, key_results=[nps]
        )
        team = Objective(
            id="team", title="Keep them happy", owner="growth", cycle=q3,
            aligned_to="company", key_results=[churn, late],
        )  # fmt: skip
        other = Objective(id="other", title="Grow", owner="sales", cycle=q3, aligned_to="elsewhere")
        uptime = Kpi(title="Uptime", direction="at_least", threshold=99.9)
        return Plan(
            objectives=[company, team, other],
            kpis=[uptime.check_in(99.95, at=date(2026, 9, 1))],
            initiatives=[
                Initiative(title="Emails", key_results=["churn", "nps"], status="in_progress"),
                Initiative(title="Done already", key_results=["churn"], status="done"),
            ],
        )

    def test_what_is_carried(self) -> None:
        rolled = self.plan().roll_over("2026-Q4", at=date(2026, 9, 30))
        assert [o.id for o in rolled.objectives] == ["team", "other"]
        team, other = rolled.objectives
        assert team.aligned_to is None  # "company" is finished
        assert other.aligned_to == "elsewhere"  # in another file: kept
        assert [(k.id, k.start, k.due) for k in team.key_results] == [
            ("churn", 4.4, None),
            ("late", 80, None),  # its check-in came after the date
        ]
        assert [(i.title, i.key_results) for i in rolled.initiatives] == [("Emails", ("churn",))]
        assert [(p.owner, p.objective, p.score) for p in rolled.history] == [
            ("exec", "company", 1.0),
            ("growth", "team", 0.3),
        ]
        assert rolled.kpis[0].check_ins == ()

    def test_each_objective_of_an_owner_has_its_past_score(self) -> None:
        """An owner's every objective is in the history, once; a history that scores the
        owner's whole cycle (naming no objective) gains none."""
        q3 = Cycle.parse("2026-Q3")
        kr = KeyResult(id="a", title="Grow", direction="increase", start=0, target=10)
        objectives = [
            Objective(id=name, title=name, owner="growth", cycle=q3,
                      key_results=[attrs_evolve(kr, id=f"{name}-kr").check_in(v, at=q3.end)])
            for name, v in (("one", 5), ("two", 2))
        ]  # fmt: skip
        rolled = Plan(objectives=objectives).roll_over(Q4, at=q3.end)
        assert [(p.objective, p.score) for p in rolled.history] == [("one", 0.5), ("two", 0.2)]
        whole = okrkit.PastScore(owner="growth", cycle=q3, score=0.4)
        kept = Plan(objectives=objectives, history=[whole]).roll_over(Q4, at=q3.end)
        assert kept.history == (whole,)
        # A past score of one objective keeps out that objective's alone.
        one = okrkit.PastScore(owner="growth", cycle=q3, score=0.5, objective="one")
        again = Plan(objectives=objectives, history=[one]).roll_over(Q4, at=q3.end)
        assert [(p.objective, p.score) for p in again.history] == [("one", 0.5), ("two", 0.2)]

    def test_twice_adds_no_past_score_twice(self) -> None:
        plan = self.plan()
        once = plan.roll_over(Q4, at=date(2026, 9, 30))
        again = Plan(objectives=plan.objectives, history=once.history)
        assert again.roll_over(Q4, at=date(2026, 9, 30)).history == once.history

    def test_bad_arguments(self) -> None:
        with pytest.raises(okrkit.CycleError):
            self.plan().roll_over("2026-Q9", at=date(2026, 9, 30))
        with pytest.raises(okrkit.InvalidTypeError):
            self.plan().roll_over(4, at=date(2026, 9, 30))  # type: ignore[arg-type]
        with pytest.raises(okrkit.InvalidTypeError):
            self.plan().roll_over(Q4, at="2026-09-30")  # type: ignore[arg-type]
        from okrkit.changes import roll_over

        with pytest.raises(okrkit.InvalidTypeError):
            roll_over("plan", Q4, at=date(2026, 9, 30))  # type: ignore[arg-type]


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(list(argv), Streams(stdin=io.BytesIO(), stdout=out, stderr=err, environ={}))
    return status, out.getvalue(), err.getvalue()


class TestCommandLine:
    def test_roll_over(self, tmp_path: Path) -> None:
        example = str(ROOT / "examples" / "acme-2026-q3.yaml")
        target = tmp_path / "q4.json"
        status, out, err = _run("roll-over", example, "--to", "2026-Q4", "--at", "2026-09-30",
                                "-o", str(target))  # fmt: skip
        assert (status, out) == (0, "")
        assert err.startswith("okrkit: note: 18 key results carried with their statements")
        rolled = formats.load(target)
        assert rolled == formats.load(example).roll_over(Q4, at=date(2026, 9, 30))
        status, out, _ = _run("roll-over", example, "--to", "2026-Q4", "--at", "2026-09-30")
        assert status == 0
        assert out.startswith("okrkit: 1\n")  # the input's format, YAML

    @pytest.mark.parametrize(
        ("argv", "said"),
        [
            (("--to", "2026-Q9"), "okrkit: --to: a quarter from Q1 to Q4 in a cycle label"),
            (("--to", "2026-Q3"), "okrkit: --to: a cycle that starts after 2026-Q3 ends"),
            (("--to", "2026-H2"), "okrkit: --to: a cycle that starts after 2026-Q3 ends"),
            (
                ("--to", "2026-Q4", "-o", "SAME"),
                "which holds the plan rolled over: write elsewhere",
            ),
            ((), "the following arguments are required: --to"),
        ],
    )
    def test_refusals(self, tmp_path: Path, argv: tuple[str, ...], said: str) -> None:
        path = tmp_path / "okrs.yaml"
        path.write_bytes((ROOT / "examples" / "acme-2026-q3.yaml").read_bytes())
        args = [str(path) if a == "SAME" else a for a in argv]
        status, _, err = _run("roll-over", str(path), *args)
        assert status == 2
        assert said in err


class TestHostileTrial:
    """What a hostile trial of the first form found."""

    def test_a_cycle_that_holds_the_next_runs_on(self) -> None:
        """An annual objective rolled into its last quarter runs on as it is (its check-ins
        and start kept, no past score); a quarter's is carried."""
        year = Cycle.parse("2026")
        arr = KeyResult(id="arr", title="Grow ARR", direction="increase", start=8, target=12)
        annual = Objective(id="annual", title="Double", owner="exec", cycle=year,
                           key_results=[arr.check_in(10, at=date(2026, 9, 1))])  # fmt: skip
        churn = KeyResult(id="churn", title="Cut churn", direction="decrease", start=5, target=4)
        q3 = Objective(id="q3", title="Keep", owner="growth", cycle=Cycle.parse("2026-Q3"),
                       aligned_to="annual", key_results=[churn])  # fmt: skip
        rolled = Plan(objectives=[annual, q3]).roll_over(Q4, at=date(2026, 9, 30))
        assert rolled.objectives[0] == annual
        assert (rolled.objectives[1].cycle, rolled.objectives[1].aligned_to) == (Q4, "annual")
        assert [p.owner for p in rolled.history] == ["growth"]

    def test_a_fiscal_label_is_read_as_the_plan_reads_its_own(self) -> None:
        plan = formats.load(ROOT / "examples" / "fiscal-fy2027.json")
        ends = max(o.cycle.end for o in plan.objectives if o.cycle is not None)
        rolled = plan.roll_over("FY2028-Q1", at=ends)
        cycle = rolled.objectives[0].cycle
        assert cycle is not None
        assert (cycle.fiscal_year_start, cycle.start) == (2, date(2027, 2, 1))

    def test_aligned_to_the_nearest_carried_ancestor(self) -> None:
        """A child of a finished objective is aligned to what that one was aligned to."""
        q3 = Cycle.parse("2026-Q3")
        won = KeyResult(id="won", title="Win", direction="increase", start=0, target=1)
        todo = KeyResult(id="todo", title="Do", direction="increase", start=0, target=1)
        top = Objective(id="top", title="Top", cycle=q3, key_results=[todo])
        middle = Objective(id="middle", title="Middle", cycle=q3, aligned_to="top",
                           key_results=[won.check_in(1, at=date(2026, 9, 1))])  # fmt: skip
        child = Objective(id="child", title="Child", cycle=q3, aligned_to="middle",
                          key_results=[attrs_evolve(todo, id="todo-2")])  # fmt: skip
        rolled = Plan(objectives=[top, middle, child]).roll_over(Q4, at=date(2026, 9, 30))
        assert [(o.id, o.aligned_to) for o in rolled.objectives] == [
            ("top", None),
            ("child", "top"),
        ]

    def test_an_initiative_whose_key_results_are_done_stays_behind(self) -> None:
        q3 = Cycle.parse("2026-Q3")
        won = KeyResult(id="won", title="Win", direction="increase", start=0, target=1)
        plan = Plan(
            objectives=[
                Objective(title="O", cycle=q3, key_results=[won.check_in(1, at=date(2026, 9, 1))])
            ],
            initiatives=[
                Initiative(title="Done's work", key_results=["won"]),
                Initiative(title="Unlinked"),
            ],
        )
        rolled = plan.roll_over(Q4, at=date(2026, 9, 30))
        assert [i.title for i in rolled.initiatives] == ["Unlinked"]

    def test_the_files_beside_a_csv_table_are_not_written_over(self, tmp_path: Path) -> None:
        source = tmp_path / "q3.csv"
        formats.dump(formats.load(ROOT / "examples" / "acme-2026-q3.yaml"), source)
        before = (tmp_path / "q3.check-ins.csv").read_bytes()
        status, _, err = _run("roll-over", str(source), "--to", "2026-Q4",
                              "-o", str(tmp_path / "q3.check-ins.csv"))  # fmt: skip
        assert status == 2
        assert "which holds the plan rolled over" in err
        assert (tmp_path / "q3.check-ins.csv").read_bytes() == before
        status, _, err = _run("roll-over", str(source), "--to", "2026-Q4")
        assert (status, "give -o NEXT.csv" in err) == (2, True)

    def test_notes_on_standard_error(self, tmp_path: Path) -> None:
        example = str(ROOT / "examples" / "acme-2026-q3.yaml")
        status, _, err = _run("roll-over", example, "--to", "2026-Q4", "--at", "2026-09-15",
                              "-o", str(tmp_path / "q4.yaml"))  # fmt: skip
        assert status == 0
        assert "okrkit: note: 2026-09-30 is after --at 2026-09-15" in err
        assert "restate each from its new start" in err
        quiet = _run("roll-over", example, "--to", "2026-Q4", "-q", "-o", str(tmp_path / "b.yaml"))
        assert quiet[2] == ""
