"""Tests for okrkit.tree: the laws of the alignment tree first, then the worked examples."""

from __future__ import annotations

import pickle
import sys
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import pytest
from hypothesis import assume, example, find, given
from hypothesis import strategies as st

import okrkit
from okrkit import (
    AlignmentError,
    Cycle,
    InvalidTypeError,
    InvalidValueError,
    KeyResult,
    Level,
    Objective,
    OKRError,
    Plan,
    ScoringError,
    UnknownIdError,
)
from okrkit.scoring import BINARY, GOOGLE, LINEAR, STEPPED, Policy
from okrkit.testing import numbers, plans, whens
from okrkit.tree import AlignmentTree, Node, _Vector

UNCAPPED = attrs.evolve(LINEAR, name="uncapped", cap=None)
WEAKEST = attrs.evolve(LINEAR, name="weakest", aggregate="minimum")
POLICIES = [LINEAR, GOOGLE, STEPPED, BINARY, WEAKEST]
MODES = ["key_results", "children", "both"]
DAY = date(2026, 8, 1)
Q3 = Cycle.parse("2026-Q3")
Q4 = Cycle.parse("2026-Q4")

policies = st.sampled_from(POLICIES)
modes = st.sampled_from(MODES)


def bits(tree: AlignmentTree, plan: Plan) -> dict[str, str | None]:
    """Every objective's and key result's score in *tree*, as exact hex (so -0.0 != 0.0)."""
    ids = [o.id for o in plan.objectives] + [kr.id for _, kr in plan.key_results()]
    return {id: None if (s := tree.score(id)) is None else s.hex() for id in ids}


def kr(id: str, value: float | None = None, *, weight: float = 1, **fields: object) -> KeyResult:
    """An increasing key result from 0 to 10 (score = value / 10), checked in at *value*."""
    made = KeyResult(
        id=id,
        title=id,
        weight=weight,
        **({"direction": "increase", "start": 0, "target": 10} | fields),  # type: ignore[arg-type]
    )
    return made if value is None else made.check_in(value, at=DAY)


_V = TypeVar("_V", KeyResult, Objective)


def _unchecked(made: _V, **fields: object) -> _V:
    """*made* with *fields* set past its validators, as unpickling an old value does."""
    for name, value in fields.items():
        object.__setattr__(made, name, value)
    return made


def okr(id: str, aligned_to: str | None = None, *krs: KeyResult, **fields: object) -> Objective:
    """An objective with these key results."""
    return Objective(id=id, title=id, aligned_to=aligned_to, key_results=krs, **fields)  # type: ignore[arg-type]


@st.composite
def trees(draw: st.DrawFn, **kwargs: int) -> tuple[Plan, AlignmentTree]:
    """A generated plan, and its tree under a drawn roll-up mode and policy."""
    plan = draw(plans(**kwargs))
    tree = AlignmentTree.from_plan(
        plan, draw(modes), draw(policies), kr_from_children=draw(st.booleans())
    )
    return plan, tree


# An organisation: company -> sales, product (aligned to a key result) -> two teams.
COMPANY = okr("company", None, kr("revenue", 5), kr("nps", 10), level="company", owner="ceo")
SALES = okr("sales", "company", kr("deals", 8), level="department", owner="vp-sales", cycle=Q3)
PRODUCT = okr("product", "nps", kr("releases", 2), level="department", owner="vp-product")
WEB = okr("web", "product", kr("speed", 4), level="team", owner="web", cycle=Q3, weight=3)
APP = okr("app", "product", kr("crashes", 0), level="team", owner="app")
STRAY = okr("stray", None, kr("stray-kr", 1), level="team", owner="web")
ORG = Plan(objectives=[COMPANY, SALES, PRODUCT, WEB, APP, STRAY])


class TestFromPlan:
    @given(trees())
    def test_every_objective_once(self, made: tuple[Plan, AlignmentTree]) -> None:
        """Iteration reaches every objective exactly once, and the roots' subtrees tile it."""
        plan, tree = made
        assert sorted(o.id for o in plan.objectives) == sorted(tree)
        assert list(tree) == [id for root in tree.roots() for id in tree.subtree(root)]
        assert list(tree) == [node.id for node in tree.walk()]
        assert len(plan.objectives) == len(tree)

    @given(trees())
    def test_structure_agrees_with_plan(self, made: tuple[Plan, AlignmentTree]) -> None:
        """Each objective's parent is what it is aligned to (or that key result's objective)."""
        plan, tree = made
        for obj in plan.objectives:
            expected = None
            if obj.aligned_to is not None:
                expected = obj.aligned_to if obj.aligned_to in tree else None
                expected = expected or plan.objective_of(obj.aligned_to).id
            assert expected == tree.parent(obj.id)
            assert len(tree.ancestors(obj.id)) == tree.depth(obj.id)
            assert obj.id in tree.children(expected) if expected else obj.id in tree.roots()

    @given(trees())
    def test_scores_within_floor_and_cap(self, made: tuple[Plan, AlignmentTree]) -> None:
        """Every rolled-up score lies between the policy's floor and cap."""
        plan, tree = made
        cap = tree.policy.cap
        assert cap is not None
        for score in bits(tree, plan).values():
            assert score is None or 0 <= float.fromhex(score) <= cap

    @given(plans(), modes, policies, st.booleans(), st.randoms())
    def test_plan_order_does_not_matter(
        self, plan: Plan, mode: str, policy: Policy, from_children: bool, rng: object
    ) -> None:
        """The same objectives in another order give the same scores."""
        shuffled = list(plan.objectives)
        rng.shuffle(shuffled)  # type: ignore[attr-defined]
        a = AlignmentTree.from_plan(plan, mode, policy, kr_from_children=from_children)  # type: ignore[arg-type]
        b = AlignmentTree.from_plan(
            attrs.evolve(plan, objectives=shuffled),
            mode,  # type: ignore[arg-type]
            policy,
            kr_from_children=from_children,
        )
        assert a.scores() == b.scores()

    @given(plans(), policies)
    def test_key_results_mode_is_score(self, plan: Plan, policy: Policy) -> None:
        """With "key_results", an objective scores what `okrkit.score` gives it, bit for bit."""
        tree = AlignmentTree.from_plan(plan, policy=policy)
        for obj in plan.objectives:
            try:
                expected = okrkit.scoring.score(obj, policy)
            except OKRError:
                continue
            actual = tree.score(obj.id)
            assert actual is not None
            assert expected.hex() == actual.hex()

    @given(plans(min_objectives=1, max_objectives=1, aligned=False), policies)
    @example(Plan(objectives=[okr("only", None, kr("k", 4))]), LINEAR)  # scored: always tried
    def test_one_child_gives_its_score(self, plan: Plan, policy: Policy) -> None:
        """Under "children", an objective with one child and no key results scores the child's."""
        child = attrs.evolve(plan.objectives[0], aligned_to="Parent")
        tree = AlignmentTree.from_plan(Plan(objectives=[okr("Parent"), child]), "children", policy)
        expected = tree.score(child.id)
        # A child with no score leaves its parent none either: the law says nothing there.
        assume(expected is not None)
        actual = tree.score("Parent")
        assert actual is not None
        assert expected.hex() == actual.hex()

    def test_one_child_case_is_scored(self) -> None:
        """The law above meets scored children in generated plans, so it can fail."""
        plan = find(
            plans(min_objectives=1, max_objectives=1, aligned=False),
            lambda p: AlignmentTree.from_plan(p).score(p.objectives[0].id) not in (None, 0.0),
        )
        child = attrs.evolve(plan.objectives[0], aligned_to="Parent")
        tree = AlignmentTree.from_plan(Plan(objectives=[okr("Parent"), child]), "children")
        assert tree.score("Parent") == tree.score(child.id) != 0.0
        # The parent has nothing of its own: its score is the child's or nothing.
        assert AlignmentTree.from_plan(tree.to_plan()).score("Parent") is None

    @given(trees())
    def test_pickles(self, made: tuple[Plan, AlignmentTree]) -> None:
        """A tree survives pickling, equal and with the same scores."""
        plan, tree = made
        copy = pickle.loads(pickle.dumps(tree))
        assert tree == copy
        assert bits(tree, plan) == bits(copy, plan)

    def test_empty_plan(self) -> None:
        """An empty plan makes an empty tree."""
        tree = AlignmentTree.from_plan(Plan())
        assert (0, [], (), {}) == (len(tree), list(tree), tree.roots(), tree.scores())

    def test_settings(self) -> None:
        """The tree says how it was built; a policy may be named."""
        tree = AlignmentTree.from_plan(ORG, "both", "google", kr_from_children=True)
        assert ("both", GOOGLE, True) == (tree.roll_up, tree.policy, tree.kr_from_children)
        assert "<AlignmentTree of 6 objectives, 2 roots, roll_up='both', policy='google'>" == repr(
            tree
        )
        one = AlignmentTree.from_plan(Plan(objectives=[ORG.objectives[0]]))
        assert repr(one).startswith("<AlignmentTree of 1 objective, 1 root, ")

    @pytest.mark.parametrize(
        ("kwargs", "error"),
        [
            ({"plan": [COMPANY]}, InvalidTypeError),
            ({"roll_up": "parents"}, InvalidValueError),
            ({"roll_up": 2}, InvalidTypeError),
            ({"policy": "lenient"}, InvalidValueError),
            ({"kr_from_children": "yes"}, InvalidTypeError),
        ],
    )
    def test_bad_arguments(self, kwargs: dict[str, object], error: type[Exception]) -> None:
        """Bad arguments raise okrkit errors that name them."""
        args: dict[str, object] = {"plan": ORG} | kwargs
        with pytest.raises(error) as caught:
            AlignmentTree.from_plan(**args)  # type: ignore[arg-type]
        assert next(iter(kwargs)) in str(caught.value)


class TestAlignmentErrors:
    def test_loop_names_every_id(self) -> None:
        """A loop is named from its first objective in the plan, every id on it."""
        plan = Plan(objectives=[okr("a", "c"), okr("b", "a"), okr("c", "b"), okr("d", "a")])
        with pytest.raises(AlignmentError) as caught:
            AlignmentTree.from_plan(plan)
        assert 1 == len(caught.value.problems)
        assert caught.value.problems[0].startswith("alignment loop a -> c -> b -> a: expected")

    def test_loop_through_a_key_result(self) -> None:
        """A loop through a key result says which key result it runs through."""
        plan = Plan(objectives=[okr("a", "k"), okr("b", "a", kr("k"))])
        with pytest.raises(AlignmentError, match=r"loop a -> b \(via its key result 'k'\) -> a:"):
            AlignmentTree.from_plan(plan)

    def test_self_alignment(self) -> None:
        """An objective aligned to itself is a loop of one."""
        with pytest.raises(AlignmentError, match="alignment loop a -> a:"):
            AlignmentTree.from_plan(Plan(objectives=[okr("a", "a")]))

    def test_every_problem_at_once(self) -> None:
        """Unknown parents, loops and duplicated ids come back together, in one error."""
        plan = Plan(
            objectives=[
                okr("a", "nowhere"),
                okr("b", "c"),
                okr("c", "b"),
                okr("d", "e"),
                okr("e", "d"),
                okr("f", None, KeyResult(id="f", title="F result")),
                okr(
                    "g", "gone", KeyResult(id="x", title="X one"), KeyResult(id="x", title="X two")
                ),
            ]
        )
        with pytest.raises(AlignmentError) as caught:
            AlignmentTree.from_plan(plan)
        unique = "expected each objective and key result id to be used once in the plan"
        known = "expected the id of an objective or key result in the plan"
        x0 = "objectives[6].key_results[0].id"
        assert [
            f"duplicate id 'f' at objectives[5].id and objectives[5].key_results[0].id: {unique}",
            f"duplicate id 'x' at {x0} and {x0[:-6]}[1].id: {unique}",
            f"objectives[0].aligned_to: {known}, got 'nowhere' (objective 'a')",
            f"objectives[6].aligned_to: {known}, got 'gone' (objective 'g')",
        ] == list(caught.value.problems[:4])
        assert [
            "alignment loop b -> c -> b",
            "alignment loop d -> e -> d",
        ] == [p.split(":")[0] for p in caught.value.problems[4:]]
        assert isinstance(caught.value, ValueError)
        # The same problems as values: what was seen, what was expected, where if one place.
        leads_up = (
            "each objective to lead up, through what it is aligned to, to one aligned to nothing"
        )
        assert [
            ("", "f", unique[9:]),
            ("", "x", unique[9:]),
            ("objectives[0].aligned_to", "nowhere", known[9:]),
            ("objectives[6].aligned_to", "gone", known[9:]),
            ("", ("b", "c"), leads_up),
            ("", ("d", "e"), leads_up),
        ] == [(p.path, p.value, p.expected) for p in caught.value.details]  # fmt: skip
        assert list(caught.value.problems) == [str(p) for p in caught.value.details]

    @given(st.data())
    def test_rules_report_what_the_tree_raises(self, data: st.DataObject) -> None:
        """The tree's problems and rules OKR106, OKR501 and OKR502 come from one analysis: they
        name the same duplicated ids, unknown parents and loops."""
        n = data.draw(st.integers(1, 7))
        ids = data.draw(st.lists(st.sampled_from("abcdefghijklmnop"), min_size=n, max_size=n))
        targets = [*ids, *(f"{id}-k" for id in ids), "nowhere", None]
        plan = Plan(
            objectives=[
                Objective(
                    id=id,
                    title=f"Objective {id}",
                    aligned_to=data.draw(st.sampled_from(targets)),
                    key_results=[KeyResult(id=f"{id}-k", title=f"Result {id}")],
                )
                for id in ids
            ]
        )
        try:
            AlignmentTree.from_plan(plan)
            problems: list[str] = []
        except AlignmentError as error:
            problems = list(error.problems)
        report = okrkit.validate(plan, okrkit.RuleConfig(select=["OKR106", "OKR501", "OKR502"]))
        repeated = {p.split("'")[1] for p in problems if p.startswith("duplicate id")}
        assert repeated == {d.id for d in report if "is also used at" in d.message}
        unknown = [p.split(".")[0] for p in problems if ".aligned_to:" in p]
        assert unknown == [d.path for d in report if d.code == "OKR501"]
        loops = [p.split(": expected")[0] for p in problems if p.startswith("alignment loop")]
        rule_loops = [d.message for d in report if d.code == "OKR502"]
        assert sorted(loops) == sorted(rule_loops)

    def test_below_an_unknown_parent_is_no_loop(self) -> None:
        """Objectives under one with an unknown parent are not mistaken for a loop."""
        plan = Plan(objectives=[okr("a", "nowhere"), okr("b", "a"), okr("c", "b")])
        with pytest.raises(AlignmentError) as caught:
            AlignmentTree.from_plan(plan)
        assert 1 == len(caught.value.problems)

    def test_cycles_may_differ(self) -> None:
        """A quarter's objective may align to a year's: the tree does not judge it."""
        year = okr("year", None, cycle=Cycle.parse("2026"))
        tree = AlignmentTree.from_plan(Plan(objectives=[year, okr("q", "year", cycle=Q3)]))
        assert ("q",) == tree.children("year")


class TestRollUp:
    def test_both_counts_each_item_once(self) -> None:
        """One key result and four children count 20 % each (the 15Five example)."""
        children = [okr(f"c{k}", "o", kr(f"k{k}", 0)) for k in range(4)]
        plan = Plan(objectives=[okr("o", None, kr("done", 10)), *children])
        assert 0.2 == AlignmentTree.from_plan(plan, "both").score("o")
        assert 1.0 == AlignmentTree.from_plan(plan, "key_results").score("o")
        assert 0.0 == AlignmentTree.from_plan(plan, "children").score("o")

    def test_children_weighted_by_objective_weight(self) -> None:
        """Children count by their `Objective.weight`."""
        plan = Plan(
            objectives=[
                okr("o", None, kr("own", 0)),
                okr("a", "o", kr("ka", 10), weight=3),
                okr("b", "o", kr("kb", 0)),
            ]
        )
        assert 0.75 == AlignmentTree.from_plan(plan, "children").score("o")
        assert 0.6 == AlignmentTree.from_plan(plan, "both").score("o")

    def test_children_falls_back_to_key_results(self) -> None:
        """Under "children", a leaf, or one whose children have no score, uses its key results."""
        plan = Plan(
            objectives=[
                okr("o", None, kr("own", 4)),
                okr("draft", "o", KeyResult(id="vague", title="Be better")),
            ]
        )
        tree = AlignmentTree.from_plan(plan, "children")
        assert (0.4, None, None) == (tree.score("o"), tree.score("draft"), tree.score("vague"))

    def test_unmeasurable_key_results_do_not_count(self) -> None:
        """Key results with no target, or no start to measure from, are left out."""
        obj = okr(
            "o",
            None,
            kr("good", 6),
            KeyResult(id="vague", title="Be better"),
            KeyResult(id="nostart", title="Grow", direction="increase", target=5),
            kr("flat", 1, start=Decimal(5), target=Decimal("5.00000000000000000001")),
        )
        tree = AlignmentTree.from_plan(Plan(objectives=[obj]))
        assert 0.6 == tree.score("o")
        assert (None, None, None) == (
            tree.score("vague"),
            tree.score("nostart"),
            tree.score("flat"),
        )

    def test_nothing_measurable_has_no_score(self) -> None:
        """An objective with nothing that counts has no score, and its parent skips it."""
        plan = Plan(objectives=[okr("o", None, kr("k", 5)), okr("empty", "o")])
        tree = AlignmentTree.from_plan(plan, "both")
        assert (0.5, None) == (tree.score("o"), tree.score("empty"))

    def test_key_result_from_children(self) -> None:
        """With kr_from_children, a key result scores its children, who count only through it."""
        plan = Plan(
            objectives=[
                okr("o", None, kr("target", 0), kr("other", 10)),
                okr("a", "target", kr("ka", 10)),
                okr("b", "target", kr("kb", 5), weight=3),
                okr("c", "o", kr("kc", 0)),
            ]
        )
        tree = AlignmentTree.from_plan(plan, "both", kr_from_children=True)
        assert 0.625 == tree.score("target")
        assert (0.625 + 1.0 + 0.0) / 3 == tree.score("o")
        assert 0.0 == AlignmentTree.from_plan(plan, "both").score("target")
        # Under "children" only the direct child counts; under "key_results" only key results.
        assert 0.0 == AlignmentTree.from_plan(plan, "children", kr_from_children=True).score("o")
        assert (0.625 + 1.0) / 2 == AlignmentTree.from_plan(plan, kr_from_children=True).score("o")

    def test_children_weights_beyond_floats(self) -> None:
        """A child whose weight is too small for a float (it rounds to 0) does not count."""
        plan = Plan(
            objectives=[
                okr("o"),
                # The model refuses such a weight now; an objective unpickled from before that
                # check skips its validators.
                _unchecked(okr("b", "o", kr("kb", 2)), weight=Decimal("1e-400")),
                okr("c", "o", kr("kc", 4)),
            ]
        )
        assert 0.4 == AlignmentTree.from_plan(plan, "children").score("o")
        # When no child counts, the objective has no score from its children.
        tiny = [okr("o"), *(_unchecked(okr(f"c{k}", "o", kr(f"k{k}", 2)), weight=Decimal("1e-400"))
                            for k in range(2))]  # fmt: skip
        assert AlignmentTree.from_plan(Plan(objectives=tiny), "children").score("o") is None
        # The largest float is a weight like any other.
        largest = [okr("o"), okr("a", "o", kr("ka", 10), weight=sys.float_info.max),
                   okr("b", "o", kr("kb", 0))]  # fmt: skip
        assert 1.0 == AlignmentTree.from_plan(Plan(objectives=largest), "children").score("o")

    def test_key_result_without_scored_children_keeps_its_own(self) -> None:
        """A key result whose aligned children have no score keeps its own progress."""
        plan = Plan(objectives=[okr("o", None, kr("k", 3)), okr("a", "k")])
        assert 0.3 == AlignmentTree.from_plan(plan, kr_from_children=True).score("k")

    def test_other_policies(self) -> None:
        """A policy's own scorer and aggregate are used (here Google's tenths, the minimum)."""
        plan = Plan(objectives=[okr("o", None, kr("a", 6.6), kr("b", 2.5))])
        assert 0.7 == AlignmentTree.from_plan(plan, policy=GOOGLE).score("a")
        assert 0.25 == AlignmentTree.from_plan(plan, policy=WEAKEST).score("o")
        uncapped = AlignmentTree.from_plan(
            Plan(objectives=[okr("o", None, kr("a", 15))]), policy=UNCAPPED
        )
        assert 1.5 == uncapped.score("o")

    @pytest.mark.parametrize(
        ("key_results", "expected"),
        [
            # Decimals, and numbers at the float range's edge, take the long way.
            ([kr("d", Decimal("2.5"), start=Decimal(0), target=Decimal(10))], 0.25),
            ([kr("big", 1.5e308, start=-1.5e308, target=1.5e308)], 1.0),
            ([kr("w", 5, start=0, target=10, direction="at_least")], 0.0),
            ([kr("same", 10**16, start=10**16, target=10**16 + 1)], None),
            ([kr("steep", 1e308, start=0.0, target=5e-324)], 1.0),
            # Weights too small for a float do not count: the model refuses them now, but a
            # key result unpickled from before that check skips its validators.
            ([_unchecked(kr("a", 10), weight=Decimal("1e-400")), kr("b", 0)], 0.0),
            ([kr("a", 10, weight=Decimal("0.5")), kr("b", 0, weight=Decimal("1.5"))], 0.25),
        ],
    )
    def test_edges_of_the_numbers(self, key_results: list[KeyResult], expected: object) -> None:
        """Unusual numbers score as `okrkit.score` would, or leave the key result out."""
        plan = Plan(objectives=[okr("o", None, *key_results)])
        assert expected == AlignmentTree.from_plan(plan).score("o")

    @given(
        st.lists(
            st.tuples(
                st.sampled_from([0.0, -0.0, 1e-300, 1.0, 0.3, 5e-324, 1e200, 3e307]),
                st.sampled_from(
                    [1, 2.5, 1e-300, 1e300, Decimal("0.1"), 2**1000, sys.float_info.max]
                ),
            ),
            min_size=1,
            max_size=5,
        )
    )
    def test_children_mean_is_weighted_mean(self, items: list[tuple[float, object]]) -> None:
        """Children's scores combine exactly as `weighted_mean` does, even at the extremes."""
        objectives = [okr("o")]
        for k, (score, weight) in enumerate(items):
            value = score * 10 if score < 1e300 else score
            target = 10 if score < 1e300 else 1.0
            objectives.append(okr(f"c{k}", "o", kr(f"k{k}", value, target=target), weight=weight))
        tree = AlignmentTree.from_plan(Plan(objectives=objectives), "children", UNCAPPED)
        pairs = [(tree.score(f"c{k}"), float(w)) for k, (_, w) in enumerate(items)]  # type: ignore[arg-type]
        expected = okrkit.scoring.weighted_mean(pairs)  # type: ignore[arg-type]
        actual = tree.score("o")
        assert actual is not None
        assert expected.hex() == actual.hex()


class TestQueries:
    tree = AlignmentTree.from_plan(ORG, "both")

    def test_shape(self) -> None:
        """Roots, children, parents, ancestors, depth, subtrees and leaves."""
        tree = self.tree
        assert ("company", "stray") == tree.roots()
        assert ("sales", "product") == tree.children("company")
        assert ("product",) == tree.children("nps")
        assert () == tree.children("revenue")
        assert ("company", None) == (tree.parent("product"), tree.parent("company"))
        assert ("product", "company") == tree.ancestors("web")
        assert (2, 0) == (tree.depth("web"), tree.depth("stray"))
        assert ("product", "web", "app") == tree.subtree("product")
        assert ("sales", "web", "app", "stray") == tree.leaves()

    def test_iteration_is_depth_first(self) -> None:
        """Iteration and walks go depth first, roots and siblings in plan order."""
        tree = self.tree
        assert ["company", "sales", "product", "web", "app", "stray"] == list(tree)
        assert [("product", 0), ("web", 1), ("app", 1)] == [
            (n.id, n.depth) for n in tree.walk("product")
        ]
        node = next(tree.walk())
        assert Node("company", COMPANY, 0, tree.score("company"), (0.5, 1.0)) == node

    def test_by_owner_level_cycle(self) -> None:
        """Objectives by owner, level and cycle, depth first."""
        tree = self.tree
        assert ("web", "stray") == tree.by_owner("web")
        assert () == tree.by_owner("nobody")
        assert ("web", "app", "stray") == tree.by_level(Level.TEAM) == tree.by_level("team")
        assert ("sales", "web") == tree.by_cycle(Q3)
        assert ("company", "product", "app", "stray") == tree.by_cycle(None)
        assert () == tree.by_level(None)
        # None asks for the objectives without one, whatever their names would spell.
        plain = AlignmentTree.from_plan(
            Plan(objectives=[okr("a"), okr("b", owner="None", level="team", cycle=Q3)])
        )
        assert (("a",), ("a",), ("a",)) == (
            plain.by_level(None),
            plain.by_owner(None),
            plain.by_cycle(None),
        )

    def test_orphans(self) -> None:
        """Orphans are roots below company level; roots without a level are not judged."""
        assert ("stray",) == self.tree.orphans()
        plan = Plan(objectives=[okr("a"), okr("b", level="tribe"), okr("c", level="company")])
        assert ("b",) == AlignmentTree.from_plan(plan).orphans()

    def test_scores(self) -> None:
        """Scores of objectives and key results; all objectives' at once."""
        tree = self.tree
        assert 0.2 == tree.score("releases")
        assert 0.28 == tree.score("product")  # releases 0.2, web 0.4 (weight 3), app 0.0
        expected = {
            "company": (0.5 + 1.0 + 0.8 + 0.28) / 4,
            "sales": 0.8,
            "product": (0.2 + 3 * 0.4 + 0.0) / 5,
            "web": 0.4,
            "app": 0.0,
            "stray": 0.1,
        }
        assert pytest.approx(expected) == tree.scores()
        assert list(expected) == list(tree.scores())

    def test_values(self) -> None:
        """The tree hands back its objectives, and the plan they make."""
        tree = self.tree
        assert WEB is tree.objective("web")
        assert list(ORG.objectives) == list(tree.objectives())
        assert ORG == tree.to_plan()
        assert "web" in tree
        assert "speed" not in tree
        assert 3 not in tree

    @pytest.mark.parametrize(
        "query",
        ["parent", "ancestors", "depth", "subtree", "walk", "objective"],
    )
    def test_unknown_objective(self, query: str) -> None:
        """Asking about an id that is no objective raises UnknownIdError (a KeyError)."""
        for bad in ("nobody", "speed", 7):
            with pytest.raises(UnknownIdError) as caught:
                list(getattr(self.tree, query)(bad))  # list(): walk is lazy
            assert isinstance(caught.value, KeyError)

    @pytest.mark.parametrize("query", ["children", "score"])
    def test_unknown_id(self, query: str) -> None:
        """Asking about an id that is neither objective nor key result raises UnknownIdError."""
        with pytest.raises(UnknownIdError, match="no objective or key result with id 'nobody'"):
            getattr(self.tree, query)("nobody")

    @pytest.mark.parametrize(
        ("query", "value"), [("by_owner", 3), ("by_level", 3), ("by_cycle", "2026-Q3")]
    )
    def test_bad_query(self, query: str, value: object) -> None:
        """Queries check their argument's type."""
        with pytest.raises(InvalidTypeError):
            getattr(self.tree, query)(value)

    @pytest.mark.parametrize(
        ("call", "message"),
        [
            (lambda t: t.by_owner(3), "owner: expected an owner's name or None, got 3"),
            (lambda t: t.by_level(3), "level: expected a Level, a level's name or None, got 3"),
            (lambda t: t.by_cycle("2026-Q3"), "cycle: expected a Cycle or None, got '2026-Q3'"),
            (lambda t: t.replace("web"), "objective: expected an Objective, got 'web'"),
        ],
    )
    def test_bad_argument_says_what_where_and_expected(self, call: Any, message: str) -> None:
        """A bad argument's error names it, the value seen and what was expected, in its
        fields as in its words."""
        with pytest.raises(InvalidTypeError) as caught:
            call(self.tree)
        assert message == str(caught.value)
        name, _, rest = message.partition(": expected ")
        expected, _, _ = rest.rpartition(", got ")
        assert (name, expected) == (caught.value.path, caught.value.expected)

    @pytest.mark.parametrize("query", ["objective", "parent", "ancestors", "depth", "subtree"])
    def test_objective_queries_name_what_they_wanted(self, query: str) -> None:
        """A query about an objective, asked about an id no objective holds (a key result's
        too), says it wanted an objective, with the id."""
        for id in ("nobody", "nps"):
            with pytest.raises(UnknownIdError) as caught:
                getattr(self.tree, query)(id)
            assert (f"no objective with id {id!r}", id) == (str(caught.value), caught.value.id)

    def test_unknown_key_result_for_a_check_in(self) -> None:
        """A check-in on an id no key result has names the id; an objective's id is no key
        result's, and no id is a list."""
        for id in ("nobody", "web", ["k"]):
            with pytest.raises(UnknownIdError) as caught:
                self.tree.with_check_in(id, 1, at=DAY)  # type: ignore[arg-type]
            assert f"no key result with id {id!r}" == str(caught.value)
            assert id == caught.value.id
            assert (id == "web") == (id in self.tree)

    def test_equality(self) -> None:
        """Trees built the same way from the same objectives are equal, others not."""
        assert AlignmentTree.from_plan(ORG, "both") == self.tree
        assert AlignmentTree.from_plan(ORG) != self.tree
        assert self.tree != "a tree"
        with pytest.raises(TypeError):
            hash(self.tree)


class TestUpdates:
    @given(trees(min_objectives=1), st.data())
    def test_check_in_equals_rebuild(
        self, made: tuple[Plan, AlignmentTree], data: st.DataObject
    ) -> None:
        """A check-in gives exactly the tree a full rebuild gives; the old tree is unchanged."""
        plan, tree = made
        krs = [kr.id for _, kr in plan.key_results()]
        assume(krs)
        kr_id = data.draw(st.sampled_from(krs))
        value = data.draw(numbers())
        at = data.draw(whens())
        before = bits(tree, plan)
        updated = tree.with_check_in(kr_id, value, at=at, confidence=0.5, note="n", author="a")
        new_plan = plan.check_in(kr_id, value, at=at, confidence=0.5, note="n", author="a")
        rebuilt = AlignmentTree.from_plan(
            new_plan, tree.roll_up, tree.policy, kr_from_children=tree.kr_from_children
        )
        assert bits(rebuilt, new_plan) == bits(updated, new_plan)
        assert rebuilt == updated
        assert new_plan == updated.to_plan()
        assert before == bits(tree, plan)
        assert plan == tree.to_plan()

    @given(trees(min_objectives=1), st.data())
    def test_replace_equals_rebuild(
        self, made: tuple[Plan, AlignmentTree], data: st.DataObject
    ) -> None:
        """Replacing an objective gives exactly the tree a full rebuild gives."""
        plan, tree = made
        old = data.draw(st.sampled_from(plan.objectives))
        changes = data.draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "weight": st.sampled_from([0.5, 2, 7]),
                    "owner": st.sampled_from(["growth", "new-owner"]),
                    "level": st.sampled_from(["team", "company"]),
                    "cycle": st.sampled_from([None, Q3, Q4]),
                    "key_results": st.just(old.key_results[::-1]),
                },
            )
        )
        new = attrs.evolve(old, **changes)
        new_plan = plan.replace(new)
        # The indexes by owner, level and cycle are made before the update, to be kept or
        # dropped by it.
        owners, levels, cycles = {"growth", "new-owner", old.owner}, [*Level, None], {None, Q3, Q4}
        before = [tree.by_owner(owners.pop()), tree.by_level(None), tree.by_cycle(old.cycle)]
        assert before
        updated = tree.replace(new)
        rebuilt = AlignmentTree.from_plan(
            new_plan, tree.roll_up, tree.policy, kr_from_children=tree.kr_from_children
        )
        assert bits(rebuilt, new_plan) == bits(updated, new_plan)
        assert rebuilt == updated
        assert tree.kr_from_children == updated.kr_from_children
        for owner in {"growth", "new-owner", old.owner}:
            assert rebuilt.by_owner(owner) == updated.by_owner(owner)
        for level in levels:
            assert rebuilt.by_level(level) == updated.by_level(level)
        for cycle in {*cycles, old.cycle}:
            assert rebuilt.by_cycle(cycle) == updated.by_cycle(cycle)

    def test_replace_keeps_how_the_tree_was_built(self) -> None:
        """A replacement that rebuilds (its key results changed) keeps the roll-up, the policy
        and kr_from_children; one that changes owner, level and cycle at once re-indexes all
        three."""
        plan = Plan(
            objectives=[
                okr("o", None, kr("k1", 2), kr("k2", 4), owner="a", level="company", cycle=Q3),
                okr("c", "k2", kr("kc", 10)),
            ]
        )
        tree = AlignmentTree.from_plan(plan, "both", GOOGLE, kr_from_children=True)
        assert (("o",), ("o",), ("o",)) == (
            tree.by_owner("a"), tree.by_level("company"), tree.by_cycle(Q3)
        )  # fmt: skip
        o = plan.objectives[0]
        reordered = tree.replace(attrs.evolve(o, key_results=o.key_results[::-1]))
        assert ("both", GOOGLE, True) == (
            reordered.roll_up, reordered.policy, reordered.kr_from_children
        )  # fmt: skip
        assert 1.0 == reordered.score("k2")  # still from its child
        moved = tree.replace(attrs.evolve(o, owner="b", level="team", cycle=Q4))
        assert ((), (), ()) == (
            moved.by_owner("a"), moved.by_level("company"), moved.by_cycle(Q3)
        )  # fmt: skip
        assert (("o",), ("o",), ("o",)) == (
            moved.by_owner("b"), moved.by_level("team"), moved.by_cycle(Q4)
        )  # fmt: skip

    def test_shares_what_did_not_change(self) -> None:
        """An update keeps the other objectives, and the indexes by owner, as they were."""
        tree = AlignmentTree.from_plan(ORG, "both")
        assert ("web", "stray") == tree.by_owner("web")
        updated = tree.with_check_in("speed", 8, at=DAY)
        assert APP is updated.objective("app")
        assert tree.objective("web") is not updated.objective("web")
        assert 0.8 == updated.score("web")
        assert tree.by_owner("web") is updated.by_owner("web")

    def test_replace_moves_an_objective(self) -> None:
        """Replacing an objective with a new alignment rebuilds the tree around it."""
        tree = AlignmentTree.from_plan(ORG, "both")
        moved = tree.replace(attrs.evolve(APP, aligned_to="sales"))
        assert ("app",) == moved.children("sales")
        assert ("web",) == moved.children("product")
        assert ("product", "web", "app") == tree.subtree("product")

    def test_replace_into_a_loop(self) -> None:
        """A replacement that makes a loop raises AlignmentError."""
        tree = AlignmentTree.from_plan(ORG)
        with pytest.raises(AlignmentError, match="alignment loop company -> web -> product"):
            tree.replace(attrs.evolve(COMPANY, aligned_to="web"))

    def test_update_that_changes_no_score(self) -> None:
        """A check-in that changes no score still records the check-in."""
        tree = AlignmentTree.from_plan(ORG, "both")
        updated = tree.with_check_in("speed", 4, at=date(2026, 8, 2))
        assert tree.scores() == updated.scores()
        assert 2 == len(updated.objective("web").key_results[0].check_ins)

    def test_key_result_rescored_alone(self) -> None:
        """A check-in may change a key result's score from children but not its objective's."""
        plan = Plan(
            objectives=[
                okr("o", None, kr("k", 1)),
                okr("direct", "o", kr("kd", 5)),
                okr("via", "k", kr("kv", 2)),
            ]
        )
        tree = AlignmentTree.from_plan(plan, "children", kr_from_children=True)
        updated = tree.with_check_in("kv", 8, at=DAY)
        assert (0.8, 0.5) == (updated.score("k"), updated.score("o"))
        assert (0.2, 0.5) == (tree.score("k"), tree.score("o"))

    @pytest.mark.parametrize("bad", ["nobody", "web", 3])
    def test_check_in_unknown(self, bad: object) -> None:
        """A check-in on an id that is no key result raises UnknownIdError."""
        with pytest.raises(UnknownIdError, match="no key result with id"):
            AlignmentTree.from_plan(ORG).with_check_in(bad, 1, at=DAY)  # type: ignore[arg-type]

    def test_check_in_bad_value(self) -> None:
        """A bad check-in raises the model's error, naming the field."""
        with pytest.raises(InvalidTypeError, match="value"):
            AlignmentTree.from_plan(ORG).with_check_in("speed", "high", at=DAY)  # type: ignore[arg-type]

    def test_replace_bad(self) -> None:
        """Replacing with something that is no objective of the tree raises an okrkit error."""
        tree = AlignmentTree.from_plan(ORG)
        with pytest.raises(InvalidTypeError):
            tree.replace(COMPANY.key_results[0])  # type: ignore[arg-type]
        with pytest.raises(UnknownIdError):
            tree.replace(okr("new"))


DEPTH = 100_000


@pytest.fixture(scope="module")
def chain() -> list[Objective]:
    """A chain of objectives 100,000 deep, each aligned to the one before; the leaf has a key
    result at 0.5."""
    # Made without validators, for speed: each is valid, and 100,000 checks cost seconds.
    with attrs.validators.disabled():
        links = [
            Objective(id=f"o{k}", title="link", aligned_to=f"o{k - 1}" if k else None)
            for k in range(DEPTH - 1)
        ]
    links.append(okr("leaf", f"o{DEPTH - 2}", kr("k", 5)))
    return links


class TestScale:
    """A chain 100,000 objectives deep: built, rolled up, updated and walked without recursion."""

    def test_deep_chain(self, chain: list[Objective]) -> None:
        """The leaf's score rolls up to the root, and a check-in reaches it again."""
        tree = AlignmentTree.from_plan(Plan(objectives=chain), "children")
        assert 0.5 == tree.score("o0")
        updated = tree.with_check_in("k", 9, at=DAY)
        assert (0.9, 0.5) == (updated.score("o0"), tree.score("o0"))
        assert DEPTH - 1 == updated.depth("leaf") == len(updated.ancestors("leaf"))
        assert DEPTH == len(list(updated)) == len(updated.subtree("o0"))
        assert ("leaf",) == updated.leaves()
        assert {0.9} == set(updated.scores().values())

    def test_deep_loop(self, chain: list[Objective]) -> None:
        """A loop through the whole chain is found and named, without recursion."""
        looped = [attrs.evolve(chain[0], aligned_to="leaf"), *chain[1:]]
        with pytest.raises(AlignmentError) as caught:
            AlignmentTree.from_plan(Plan(objectives=looped))
        (message,) = caught.value.problems
        assert message.startswith("alignment loop o0 -> leaf -> o99998 -> o99997 -> ")
        assert " -> ... 99,990 more ... -> o2 -> o1 -> o0: expected" in message
        assert len(message) < 300  # a line a person reads; the details hold every id
        (problem,) = caught.value.details
        assert ("o0", "leaf", *(f"o{i}" for i in range(DEPTH - 2, 0, -1))) == problem.value


class TestVector:
    @given(
        st.lists(st.integers(), max_size=2_000),
        st.lists(st.tuples(st.integers(0, 1_999), st.integers()), max_size=50),
    )
    def test_behaves_as_a_list(self, items: list[int], sets: list[tuple[int, int]]) -> None:
        """Reads and updates agree with a list's; the original vector is unchanged."""
        vector = _Vector.of(list(items))  # type: ignore[arg-type]
        changes = {i: v for i, v in sets if i < len(items)}
        updated = vector.updated(changes)  # type: ignore[arg-type]
        expected = list(items)
        for i, v in changes.items():
            expected[i] = v
        assert expected == list(updated) == [updated[i] for i in range(len(items))]
        assert items == list(vector)


def test_score_errors_are_not_hidden() -> None:
    """A policy whose scorer fails raises, rather than leaving key results unscored."""

    def broken(progress: float) -> float:
        raise ZeroDivisionError

    policy = Policy(name="broken", scorer=broken)
    with pytest.raises(ScoringError, match="broken"):
        AlignmentTree.from_plan(ORG, policy=policy)


def test_unmoved_decrease_scores_positive_zero() -> None:
    """A decrease that has not moved scores 0.0 in the tree, as `okrkit.score` does, not -0.0."""
    import math

    kr = KeyResult(id="k", title="Cut churn", direction="decrease", start=5, target=4)
    plan = Plan(objectives=[Objective(id="o", title="Keep customers", key_results=[kr])])
    tree = AlignmentTree.from_plan(plan)
    assert (1.0, 1.0) == (math.copysign(1, tree.score("k")), math.copysign(1, tree.score("o")))
