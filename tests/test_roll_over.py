"""The next cycle: `Plan.roll_over` and ``okrkit roll-over``."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
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


class TestLaws:
    @given(plans(), st.dates(date(2026, 1, 1), date(2027, 12, 31)))
    def test_exactly_the_unfinished_key_results_are_carried(self, plan: Plan, at: date) -> None:
        rolled = plan.roll_over(Q4, at=at)
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
        rolled = plan.roll_over(Q4, at=at)
        assert all(o.cycle == Q4 for o in rolled.objectives)
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
        assert (status, out, err) == (0, "", "")
        rolled = formats.load(target)
        assert rolled == formats.load(example).roll_over(Q4, at=date(2026, 9, 30))
        status, out, _ = _run("roll-over", example, "--to", "2026-Q4", "--at", "2026-09-30")
        assert status == 0
        assert out.startswith("okrkit: 1\n")  # the input's format, YAML

    @pytest.mark.parametrize(
        ("argv", "said"),
        [
            (("--to", "2026-Q9"), "okrkit: --to: label: expected a quarter from Q1 to Q4"),
            (("--to", "2026-Q4", "-o", "SAME"), "is FILE: the next cycle's plan goes"),
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
