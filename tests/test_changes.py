"""What changed between two plans: `okrkit.diff` and ``okrkit diff``."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import okrkit
from okrkit import CheckIn, Initiative, KeyResult, Kpi, Objective, Plan, formats
from okrkit.changes import FieldChange, diff
from okrkit.cli import Streams, run
from okrkit.testing import check_ins, plans

ROOT = Path(__file__).resolve().parent.parent
AT = date(2026, 8, 20)


def _plan() -> Plan:
    churn = KeyResult(
        id="churn", title="Cut churn from 5% to 4%", direction="decrease", start=5, target=4
    ).check_in(4.8, at=date(2026, 7, 6))
    nps = KeyResult(id="nps", title="Raise NPS from 30 to 40", direction="increase", start=30,
                    target=40)  # fmt: skip
    keep = Objective(id="keep", title="Keep the customers we win", owner="growth",
                     cycle=okrkit.Cycle.parse("2026-Q3"), key_results=[churn, nps])  # fmt: skip
    return Plan(
        objectives=[keep],
        kpis=[Kpi(id="uptime", title="Uptime", direction="at_least", threshold=99.9)],
        initiatives=[Initiative(id="emails", title="Win-back emails", key_results=["churn"])],
    )


class TestLaws:
    @given(plans())
    def test_a_plan_against_itself_is_empty(self, plan: Plan) -> None:
        found = diff(plan, plan, at=AT)
        assert not found
        assert len(found) == 0
        assert found.summary() == "no changes"
        assert list(found.lines()) == ["no changes"]

    @given(plans(), plans())
    def test_added_one_way_is_removed_the_other(self, a: Plan, b: Plan) -> None:
        there, back = diff(a, b, at=AT), diff(b, a, at=AT)

        def sides(d: okrkit.PlanDiff, change: str) -> set[tuple[str, str]]:
            return {(c.kind, c.id) for c in d.changes if c.change == change}

        assert sides(there, "added") == sides(back, "removed")
        assert sides(there, "removed") == sides(back, "added")
        assert sides(there, "edited") == sides(back, "edited")
        assert len(there.check_ins) == len(back.check_ins)
        json.dumps(there.to_dict())

    @given(plans(min_objectives=1), st.data())
    def test_check_ins_added_are_all_it_says(self, plan: Plan, data: st.DataObject) -> None:
        """Check-ins added to key results: the diff lists exactly those, and no edit."""
        ids = [kr.id for _, kr in plan.key_results()]
        if not ids:
            return
        added = data.draw(st.lists(st.tuples(st.sampled_from(ids), check_ins()), max_size=4))
        new = plan
        for kr_id, c in added:
            kr = new.key_result(kr_id)
            kr = attrs.evolve(kr, check_ins=(*kr.check_ins, c))
            new = new.replace(new.objective_of(kr_id).replace_key_result(kr))
        found = diff(plan, new, at=AT)
        assert found.changes == ()
        assert sorted((c.id, repr(c.check_in)) for c in found.check_ins) == sorted(
            (kr_id, repr(c)) for kr_id, c in added
        )
        assert all(c.change == "added" for c in found.check_ins)


class TestWorkedExamples:
    def test_every_kind_of_change(self) -> None:
        old = _plan()
        keep = old.objectives[0]
        churn = attrs.evolve(keep.key_results[0], target=4.5, owner="ana")  # a moved goalpost
        nps = keep.key_results[1].check_in(34, at=date(2026, 8, 3))  # not checked in before
        csat = KeyResult(id="csat", title="Raise CSAT from 80% to 90%")
        new = Plan(
            objectives=[
                attrs.evolve(keep, owner="retention", key_results=[churn, nps, csat]),
                Objective(id="grow", title="Grow in Europe"),
            ],
            kpis=[],
            initiatives=[attrs.evolve(old.initiatives[0], status="done")],
        )
        found = diff(old, new, at=AT)
        assert [(c.kind, c.change, c.id, [str(f) for f in c.fields]) for c in found.changes] == [
            ("objective", "edited", "keep", ["owner 'growth' -> 'retention'"]),
            ("objective", "added", "grow", []),
            ("key_result", "edited", "churn", ["target 4 -> 4.5", "owner none -> 'ana'"]),
            ("key_result", "added", "csat", []),
            ("kpi", "removed", "uptime", []),
            ("initiative", "edited", "emails", ["status planned -> done"]),
        ]
        assert [(c.id, [str(f) for f in c.fields]) for c in found.moved_goalposts] == [
            ("churn", ["target 4 -> 4.5"])
        ]
        assert [(c.change, c.id, c.check_in.value) for c in found.check_ins] == [
            ("added", "nps", 34)
        ]
        assert {m.id for m in found.moves} == {"keep", "churn", "nps"}
        assert found.summary() == (
            "1 objective added, 1 objective edited, 1 key result added, 1 key result edited,"
            " 1 KPI removed, 1 initiative edited, 1 check-in added, 3 scores moved,"
            " 1 moved goalpost"
        )

    def test_a_key_result_moved_to_another_objective(self) -> None:
        old = _plan()
        keep = old.objectives[0]
        new = Plan(objectives=[
            attrs.evolve(keep, key_results=keep.key_results[:1]),
            Objective(id="love", title="Be loved", key_results=keep.key_results[1:]),
        ])  # fmt: skip
        (moved,) = diff(old, new, at=AT).of("key_result")
        assert moved.fields == (FieldChange(field="objective", old="keep", new="love"),)

    def test_a_number_written_another_way_is_no_edit(self) -> None:
        """30 and 30.0, 4 and Decimal("4.00"): the same number, no edit and no goalpost (a
        hostile trial's CI failed on quoting a target as an exact decimal)."""
        old = _plan()
        churn = old.key_result("churn")
        kr = attrs.evolve(
            churn,
            target=Decimal("4.00"),
            check_ins=[attrs.evolve(churn.check_ins[0], value=Decimal("4.8"))],
        )
        new = old.replace(old.objectives[0].replace_key_result(kr))
        assert not diff(old, new, at=AT)

    def test_a_roll_over_moves_no_goalpost(self) -> None:
        """The same file after a roll-over: starts moved by the roll-over, not by hand."""
        old = _plan()
        new = old.roll_over("2026-Q4", at=date(2026, 9, 30))
        found = diff(old, new, at=date(2026, 10, 5))
        assert found.moved_goalposts == ()
        assert [c.id for c in found.of("key_result") if c.change == "edited"] == ["churn", "nps"]

    def test_past_scores(self) -> None:
        old = _plan()
        past = okrkit.PastScore(owner="growth", cycle=okrkit.Cycle.parse("2026-Q2"), score=0.62)
        new = attrs.evolve(old, history=[past])
        found = diff(old, new, at=AT)
        assert found.summary() == "1 past score added"
        assert list(found.lines())[1] == "+ past score of 'growth' 2026-Q2: 0.62"
        assert diff(new, old, at=AT).to_dict()["history"][0]["change"] == "removed"

    def test_a_check_in_removed_and_one_changed(self) -> None:
        old = _plan()
        churn = old.key_result("churn")
        edited = attrs.evolve(churn, check_ins=[CheckIn(at=date(2026, 7, 6), value=4.7)])
        new = old.replace(old.objectives[0].replace_key_result(edited))
        found = diff(old, new, at=AT)
        assert [(c.change, c.check_in.value) for c in found.check_ins] == [
            ("removed", 4.8),
            ("added", 4.7),
        ]

    def test_the_views_escape_what_people_wrote(self) -> None:
        old = _plan()
        hostile = "Win | big **now** \x1b[2J <b>"
        new = attrs.evolve(old, initiatives=[attrs.evolve(old.initiatives[0], title=hostile)])
        found = diff(old, new, at=AT)
        text = found.markdown()
        assert "Win \\| big \\*\\*now\\*\\*" in text
        assert "<b>" not in text
        assert "- edited `emails`" in text  # an id in a code span, unescaped
        assert found.to_dict()["changes"][0]["fields"] == [
            {"field": "title", "old": "Win-back emails", "new": hostile}
        ]

    def test_bad_arguments(self) -> None:
        with pytest.raises(okrkit.InvalidTypeError):
            diff(_plan(), "plan")  # type: ignore[arg-type]
        with pytest.raises(okrkit.InvalidTypeError):
            diff(_plan(), _plan(), at="2026-08-20")  # type: ignore[arg-type]


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(list(argv), Streams(stdin=io.BytesIO(), stdout=out, stderr=err, environ={}))
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with the example plan committed, and the working directory in it."""
    if shutil.which("git") is None:  # pragma: no cover - CI has git
        pytest.skip("git is not installed")
    monkeypatch.chdir(tmp_path)
    shutil.copy(ROOT / "examples" / "acme-2026-q3.yaml", tmp_path / "okrs.yaml")
    env = {"GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@example.com",
           "GIT_COMMITTER_NAME": "a", "GIT_COMMITTER_EMAIL": "a@example.com", "HOME": str(tmp_path),
           "PATH": __import__("os").environ["PATH"]}  # fmt: skip
    for argv in (["init", "-q"], ["add", "okrs.yaml"], ["commit", "-qm", "Q3 plan"]):
        subprocess.run(["git", *argv], cwd=tmp_path, check=True, env=env)
    return tmp_path


class TestCommandLine:
    def test_against_the_last_commit(self, repo: Path) -> None:
        formats.add_check_in("okrs.yaml", "churn", CheckIn(at=date(2026, 9, 7), value=1.7))
        status, out, err = _run("diff", "HEAD:okrs.yaml", "okrs.yaml", "--at", "2026-09-10")
        assert (status, err) == (0, "")
        assert out.splitlines()[0] == "1 check-in added, 2 scores moved"
        assert "+ check-in of key result 'churn': 2026-09-07 1.7" in out

    def test_moved_goalposts_fail(self, repo: Path) -> None:
        text = (repo / "okrs.yaml").read_text()
        (repo / "okrs.yaml").write_text(text.replace("target: 1.6", "target: 1.9"))
        status, out, _ = _run("diff", "HEAD:okrs.yaml", "okrs.yaml", "--format", "markdown")
        assert status == 1
        assert "#### Moved goalposts" in out
        status, out, _ = _run("diff", "HEAD:okrs.yaml", "okrs.yaml", "--format", "json")
        assert json.loads(out)["moved_goalposts"][0]["id"] == "churn"

    @pytest.mark.parametrize(
        ("old", "said"),
        [
            ("HEAD~5:okrs.yaml", "okrkit: HEAD~5:okrs.yaml: fatal:"),
            ("-x:okrs.yaml", "expected a file, or a git revision and a path"),
            ("HEAD:okrs.csv", "a CSV plan's files are read from the working tree"),
            ("HEAD:nothere.yaml", "okrkit: HEAD:nothere.yaml: fatal:"),
            ("missing.yaml", "okrkit: missing.yaml: No such file or directory"),
        ],
    )
    def test_sides_that_cannot_be_read(self, repo: Path, old: str, said: str) -> None:
        status, out, err = _run("diff", "--", old, "okrs.yaml")
        assert (status, out) == (2, "")
        assert said in err
        assert "Traceback" not in err

    def test_a_revision_that_is_no_plan(self, repo: Path) -> None:
        (repo / "okrs.yaml").write_text("okrkit: 1\nobjectives: [\n")
        subprocess.run(["git", "commit", "-qam", "broken"], cwd=repo, check=True, env={
            "GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@example.com", "GIT_COMMITTER_NAME": "a",
            "GIT_COMMITTER_EMAIL": "a@example.com", "HOME": str(repo),
            "PATH": __import__("os").environ["PATH"]})  # fmt: skip
        status, _, err = _run("diff", "HEAD:okrs.yaml", "HEAD~1:okrs.yaml")
        assert status == 2
        assert err.startswith("okrkit: HEAD:okrs.yaml:")
