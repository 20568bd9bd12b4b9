"""The alignment tree: objectives cascading from company to team, with their scores rolled up.

An objective's `aligned_to` names its parent: another objective, or one of that objective's key
results.  `AlignmentTree.from_plan` checks the whole forest at once (unknown parents, loops and
duplicated ids all come back in one `AlignmentError`), scores every objective under a policy,
and answers questions about the shape.  Updates return a new tree that shares what did not
change and rescore only the path to the root.

>>> from datetime import date
>>> from okrkit import KeyResult, Objective, Plan
>>> nps = KeyResult(id="nps", title="Raise NPS from 30 to 50", direction="increase",
...                 start=30, target=50)
>>> company = Objective(id="delight", title="Delight our customers", key_results=[nps])
>>> team = Objective(id="support", title="Answer every ticket within a day",
...                  aligned_to="delight", key_results=[
...     KeyResult(id="answered", title="Answered within a day from 60% to 90%",
...               direction="increase", start=60, target=90)])
>>> tree = AlignmentTree.from_plan(Plan(objectives=[company, team]), roll_up="both")
>>> tree.children("delight"), tree.parent("support")
(('support',), 'delight')
>>> later = tree.with_check_in("answered", 84, at=date(2026, 8, 1))
>>> later.score("support"), later.score("delight"), tree.score("delight")
(0.8, 0.4, 0.0)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from operator import mul
from typing import Any, Literal, TypeAlias, get_args

import attrs

from okrkit._forest import Forest, preorder
from okrkit._numbers import SNAP
from okrkit._validators import check_choice
from okrkit.cycles import Cycle
from okrkit.errors import (
    AlignmentError,
    InvalidTypeError,
    InvalidValueError,
    Problem,
    ScoringError,
    UnknownIdError,
)
from okrkit.model import Direction, KeyResult, Level, Number, Objective, Plan, Position, When
from okrkit.scoring import LINEAR, Policy, PolicyName, linear, policy_named, progress, weighted_mean

__all__ = ["AlignmentTree", "Node", "RollUp"]

RollUp: TypeAlias = Literal["key_results", "children", "both"]
"""Where an objective's score comes from in an `AlignmentTree`.

- ``"key_results"``: its own key results (the default; aligned children do not count).
- ``"children"``: its aligned child objectives, each weighted by its `Objective.weight`; an
  objective without a scored child falls back to its key results.
- ``"both"``: each key result and each aligned child is one item, weighted by its weight.
"""

_ROLL_UPS: tuple[RollUp, ...] = get_args(RollUp)

# What the tree keeps per objective, in one tuple: the objective, its score, then its key
# results' scores in order.  (One tuple rather than two: a build makes one per objective.)
_Record: TypeAlias = tuple[Any, ...]
# How a roll-up reads a child objective's record (from the tree, or from pending changes).
_Reader: TypeAlias = Callable[[int], _Record]
# What an objective's children give it: the scores and weights of those that count, whether
# all are plain (see `_Roller.combine`), and under kr_from_children the scores of its key
# results that children are aligned to, by position.
_Children: TypeAlias = tuple[list[float], list[float], bool, dict[int, float]]

_GRADED = (Direction.INCREASE, Direction.DECREASE, Direction.MILESTONE)
_PLAIN = frozenset({int, float})
_MAX = 1.7976931348623157e308
# Within this range of magnitudes, scaling by powers of two (as `weighted_mean` does against
# overflow) changes no rounding, so the plain sum below gives its result bit for bit.
_TINY = 2.0**-250
_HUGE = 2.0**250
# The same bound as an int: an int weight is compared in ints, which is cheaper than with a float.
_HUGE_INT = 2**250


# Persistent vector -------------------------------------------------------------------------

_BITS = 5
_WIDTH = 1 << _BITS
_MASK = _WIDTH - 1


class _Vector:
    """A persistent vector: a trie of 32-wide lists; an update copies only the paths it changes.

    Clojure's vector, without growth: the tree's objectives are fixed once it is built.
    """

    __slots__ = ("_root", "_shift")

    def __init__(self, root: list[Any], shift: int) -> None:
        self._root = root
        self._shift = shift

    @classmethod
    def of(cls, items: list[_Record]) -> _Vector:
        """A vector holding *items*."""
        nodes: list[Any] = items
        shift = 0
        while len(nodes) > _WIDTH:
            nodes = [nodes[k : k + _WIDTH] for k in range(0, len(nodes), _WIDTH)]
            shift += _BITS
        return cls(nodes, shift)

    def __getitem__(self, i: int) -> _Record:
        node = self._root
        shift = self._shift
        while shift:
            node = node[(i >> shift) & _MASK]
            shift -= _BITS
        record: _Record = node[i & _MASK]
        return record

    def __iter__(self) -> Iterator[_Record]:
        items: Iterator[Any] = iter(self._root)
        for _ in range(self._shift // _BITS):
            items = chain.from_iterable(items)
        return items

    def updated(self, changes: dict[int, _Record]) -> _Vector:
        """A new vector with *changes* (position -> item) made; this one is unchanged."""
        root = list(self._root)
        copied: dict[tuple[int, int], list[Any]] = {}  # each trie node is copied at most once
        for i, record in changes.items():
            node = root
            shift = self._shift
            while shift:
                key = (shift, i >> shift)
                child = copied.get(key)
                if child is None:
                    k = (i >> shift) & _MASK
                    child = copied[key] = list(node[k])
                    node[k] = child
                node = child
                shift -= _BITS
            node[i & _MASK] = record
        return _Vector(root, self._shift)


# The shape of the forest ----------------------------------------------------------------------


def _id_path(where: Position) -> str:
    i, j = where
    return f"objectives[{i}].id" if j is None else f"objectives[{i}].key_results[{j}].id"


_LEADS_UP = "each objective to lead up, through what it is aligned to, to one aligned to nothing"
_USED_ONCE = "each objective and key result id to be used once in the plan"
_KNOWN = "the id of an objective or key result in the plan"


def _loop(forest: Forest, objectives: tuple[Objective, ...], members: list[int]) -> Problem:
    """The problem for one loop: its ids, from the objective first in the plan."""
    message = f"alignment loop {forest.loop_text(members, objectives)}: expected {_LEADS_UP}"
    ids = tuple(forest.ids[i] for i in members)
    # The message names every place, so the problem has no one path of its own.
    return Problem(message=message, value=ids, expected=_LEADS_UP)


def _checked(plan: Plan) -> Forest:
    """The forest of *plan*'s objectives; `AlignmentError` with every problem found, if any."""
    forest = Forest(plan)
    if not (forest.duplicates or forest.unknown or forest.loops):
        return forest
    objectives = plan.objectives
    problems = [
        Problem(
            message=f"duplicate id {id!r} at {' and '.join(map(_id_path, places))}: "
            f"expected {_USED_ONCE}",
            value=id,
            expected=_USED_ONCE,
        )
        for id, places in forest.duplicates.items()
    ]
    problems.extend(
        Problem(
            message=f"expected {_KNOWN}, got {objectives[i].aligned_to!r} "
            f"(objective {objectives[i].id!r})",
            path=f"objectives[{i}].aligned_to",
            value=objectives[i].aligned_to,
            expected=_KNOWN,
        )
        for i in forest.unknown
    )
    problems.extend(_loop(forest, objectives, members) for members in forest.loops)
    raise AlignmentError(problems)


# Roll-up ---------------------------------------------------------------------------------


def _odd_weight(weight: Number) -> float | None:
    """A weight outside ``[_TINY, _HUGE]`` or not a plain number: what it counts as, if anything.

    An int counts as the float it rounds to, as in `weighted_mean`; a weight beyond the float
    range (or a Decimal too small for one) does not count (None).
    """
    w = weight if type(weight) in _PLAIN else float(weight)
    return w if 0 < w <= _MAX else None  # type: ignore[return-value]


@attrs.frozen(eq=False)
class _Roller:
    """The arithmetic of a roll-up: one code path for a full build and for every update."""

    roll_up: RollUp
    policy: Policy
    kr_from_children: bool
    _linear: bool = attrs.field(init=False)
    _mean: bool = attrs.field(init=False)
    _floor: float = attrs.field(init=False)
    _cap: float | None = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        # The built-in scorer and aggregate have fast paths below, with the same results.
        object.__setattr__(self, "_linear", self.policy.scorer is linear)
        object.__setattr__(self, "_mean", self.policy.aggregate is weighted_mean)
        object.__setattr__(self, "_floor", self.policy.floor)
        object.__setattr__(self, "_cap", self.policy.cap)

    def combine(self, scores: list[float], weights: list[float], plain: bool) -> float:
        """The policy's aggregate of the pairs (at least one, every weight above 0).

        *plain* says that every weight lies within ``[_TINY, _HUGE]`` and every score is 0 or
        at least `_TINY`: then `weighted_mean` is a plain sum.
        """
        if self._mean:
            lowest = min(scores)
            highest = max(scores)
            if lowest == highest:
                return lowest
            if plain and -_HUGE <= lowest and highest <= _HUGE:
                # Exact in this range, as `weighted_mean`'s scaling changes no rounding.
                total = math.fsum(map(mul, scores, weights)) / math.fsum(weights)
                return lowest if total < lowest else highest if total > highest else total
            return weighted_mean(list(zip(scores, weights, strict=True)))
        return self.policy.combine(list(zip(scores, weights, strict=True)))

    def own(self, kr: KeyResult) -> float | None:
        """A key result's score from its own progress, the long way; None when unmeasurable."""
        try:
            p = progress(kr)
        except (ScoringError, InvalidValueError):
            return None
        return self.policy.score_progress(p)

    def children(self, forest: Forest, kids: list[int], read: _Reader) -> _Children:
        """What an objective's children give it (see `_Children`)."""
        scores: list[float] = []
        weights: list[float] = []
        plain = True
        groups: dict[int, tuple[list[float], list[float]]] = {}
        via = forest.via if self.kr_from_children else None
        for c in kids:
            record = read(c)
            s = record[1]
            if s is None:
                continue
            w: Any = record[0].weight  # a plain number, once checked here
            kind = type(w)
            if not (
                (kind is int and 0 < w <= _HUGE_INT) or (kind is float and _TINY <= w <= _HUGE)
            ):
                w = _odd_weight(w)
                if w is None:
                    continue
                plain = False
            if s < _TINY and s:
                plain = False
            if via is None or via[c] < 0:
                scores.append(s)
                weights.append(w)
            else:
                group = groups.setdefault(via[c], ([], []))
                group[0].append(s)
                group[1].append(w)
        by_key_result = {j: self.combine(*group, plain) for j, group in groups.items()}
        return scores, weights, plain, by_key_result

    def node(self, forest: Forest, i: int, obj: Objective, read: _Reader) -> _Record:
        """Objective *i*'s record, scored afresh from its key results and its children's records.

        Children are read in plan order, so a full build and an update add up the same numbers
        in the same order and agree bit for bit.  This is the hot loop of a build: the common
        case is inlined, and anything unusual takes the long way, to the same result.
        """
        kids = forest.children[i]
        from_kids: _Children | None = None
        by_key_result = None
        if kids:
            from_kids = self.children(forest, kids, read)
            by_key_result = from_kids[3]
        linear = self._linear
        floor = self._floor
        cap = self._cap
        kr_scores: list[float | None] = []
        # Each key result's weight, None for one that does not count (unmeasurable, or weighted
        # beyond the float range); `plain` stays True while every score that counts is 0 or at
        # least _TINY and every weight within [_TINY, _HUGE] (see `combine`).
        weights: list[Any] = []
        plain = True
        dropped = False
        for kr in obj.key_results:
            start = kr.start
            target = kr.target
            if kr.direction in _GRADED and type(start) in _PLAIN and type(target) in _PLAIN:
                # The arithmetic of `okrkit.scoring.progress` for plain numbers; a span or a
                # progress beyond the float range takes the long way.  (The model refuses
                # numbers beyond the float range, so float() cannot overflow.)
                base = float(start)  # type: ignore[arg-type]
                span = float(target) - base  # type: ignore[arg-type]
                if span:
                    check_ins = kr.check_ins
                    p = (float(check_ins[-1].value) - base if check_ins else 0.0) / span
                    # Both finite: x - x is 0.0 for a finite x, NaN for an infinite one.
                    if p - p != span - span:
                        s = self.own(kr)
                    else:
                        if -1e6 < p < 1e6:
                            p = round(p * SNAP) / SNAP  # `okrkit._numbers.snapped`, inlined
                        if linear:
                            # `Policy.score_progress`: max with the floor, then min with the
                            # cap, + 0.0 so that it is never -0.0 (0 / -1).
                            s = floor if floor > p else p
                            s = (cap if cap is not None and cap < s else s) + 0.0
                        else:
                            s = self.policy.score_progress(p)
                else:
                    s = None
            else:
                s = self.own(kr)
            if by_key_result:
                s = by_key_result.get(len(kr_scores), s)
            kr_scores.append(s)
            w: Any = kr.weight
            kind = type(w)
            if s is None or not (
                (kind is int and 0 < w <= _HUGE_INT) or (kind is float and _TINY <= w <= _HUGE)
            ):
                w = None if s is None else _odd_weight(w)
                if w is None:
                    dropped = True
                else:
                    plain = False
            elif s < _TINY and s:
                plain = False
            weights.append(w)
        scores: list[Any] = kr_scores
        if dropped:
            scores = [s for s, w in zip(kr_scores, weights, strict=True) if w is not None]
            weights = [w for w in weights if w is not None]
        if from_kids and from_kids[0]:
            kid_scores, kid_weights, kids_plain, _ = from_kids
            if self.roll_up == "children":
                return obj, self.combine(kid_scores, kid_weights, kids_plain), *kr_scores
            if self.roll_up == "both":
                scores = scores + kid_scores
                weights = weights + kid_weights
                plain = plain and kids_plain
        score = self.combine(scores, weights, plain) if scores else None
        return obj, score, *kr_scores

    def build(self, forest: Forest, objectives: tuple[Objective, ...]) -> _Vector:
        """Every objective's record, children before parents."""
        records: list[Any] = [None] * len(objectives)
        read = records.__getitem__
        node = self.node
        for i in reversed(forest.order):
            records[i] = node(forest, i, objectives[i], read)
        return _Vector.of(records)

    def path(self, forest: Forest, nodes: _Vector, i: int, record: _Record) -> dict[int, _Record]:
        """The records that change when objective *i*'s becomes *record*: it, and its
        ancestors' as far as scores change."""
        changes = {i: record}

        def read(c: int) -> _Record:
            return changes.get(c) or nodes[c]

        parent = forest.parent
        p = parent[i]
        while p >= 0:
            old = nodes[p]
            new = self.node(forest, p, old[0], read)
            if _same(new[1], old[1]):
                # Nothing above depends on more than this score.
                if not all(map(_same, new[2:], old[2:])):
                    changes[p] = new
                break
            changes[p] = new
            p = parent[p]
        return changes


def _same(a: float | None, b: float | None) -> bool:
    """Whether two scores are equal bit for bit (so 0.0 and -0.0 differ)."""
    if a is None or b is None:
        return a is b
    return a == b and math.copysign(1, a) == math.copysign(1, b)


# The tree --------------------------------------------------------------------------------


@attrs.frozen
class Node:
    """One objective in a walk of an `AlignmentTree`: where it sits, and its score."""

    id: str
    """The objective's id."""
    objective: Objective
    """The objective itself, as the tree holds it now."""
    depth: int
    """How far below its root it sits: 0 for a root."""
    score: float | None
    """Its rolled-up score; None when nothing under it can be measured."""
    key_result_scores: tuple[float | None, ...] = ()
    """Its key results' scores in the tree, in the objective's order (None: unmeasurable)."""


def check_roll_up(value: object) -> RollUp:
    """*value*, checked to be a `RollUp`: `AlignmentTree.from_plan` and every view check with it.

    >>> check_roll_up("both")
    'both'
    """
    return check_choice("roll_up", value, _ROLL_UPS)


@attrs.frozen(eq=False, repr=False)
class AlignmentTree:
    """The forest of a plan's objectives, from company to team, with scores rolled up.

    Build one with `from_plan`.  Positions are by id: an objective's id, or for `children`
    and `score` also a key result's (objectives and key results share one id namespace).
    The tree is a value: `with_check_in` and `replace` return a new tree, sharing what did
    not change, and this one stays as it was.  Iteration yields the objectives' ids depth
    first (parents before children, roots and siblings in plan order).

    >>> from okrkit import KeyResult, Objective, Plan
    >>> def okr(id, aligned_to=None, *krs):
    ...     return Objective(id=id, title=id, aligned_to=aligned_to, key_results=krs)
    >>> ship = KeyResult(id="ship", title="Ship it", direction="milestone")
    >>> plan = Plan(objectives=[okr("company", None, ship), okr("web", "company"),
    ...                         okr("app", "ship")])
    >>> tree = AlignmentTree.from_plan(plan)
    >>> list(tree), tree.children("ship"), tree.ancestors("app")
    (['company', 'web', 'app'], ('app',), ('company',))
    """

    _roller: _Roller
    _forest: Forest
    _nodes: _Vector
    _plan: Plan
    # Lazily built indexes by owner, level and cycle: they depend on no score, so trees
    # updated by check-ins share them.
    _cache: dict[str, dict[Any, tuple[str, ...]]]

    @classmethod
    def from_plan(
        cls,
        plan: Plan,
        roll_up: RollUp = "key_results",
        policy: Policy | PolicyName = LINEAR,
        *,
        kr_from_children: bool = False,
    ) -> AlignmentTree:
        """The alignment tree of *plan*'s objectives, scored under *policy*.

        *roll_up* says where an objective's score comes from (see `RollUp`):
        ``"key_results"``, ``"children"`` or ``"both"``.  With *kr_from_children*, a key
        result that has objectives aligned to it takes its score from them (their scores
        combined by the policy's aggregate, weighted by `Objective.weight`), and those
        objectives count through it rather than directly in their parent objective.

        A key result that cannot be measured (no direction or target, no start to measure
        from) does not count, nor does a child without a score; an objective with nothing
        that counts has no score (None).  Scores combine in plan order, so only an
        aggregate that depends on order could make them depend on the plan's order.

        Every problem is reported at once, in one `AlignmentError`: an `aligned_to` naming
        no objective or key result, a loop (naming every id on it), an id held twice (the
        tree needs each to be unique).  Objectives in different cycles may align: the
        rules judge that, not the tree.

        >>> from okrkit import KeyResult, Objective, Plan
        >>> a = Objective(id="a", title="A", aligned_to="c")
        >>> b = Objective(id="b", title="B", aligned_to="a")
        >>> c = Objective(id="c", title="C", aligned_to="b")
        >>> d = Objective(id="d", title="D", aligned_to="nowhere")
        >>> AlignmentTree.from_plan(Plan(objectives=[a, b, c, d]))
        Traceback (most recent call last):
        ...
        okrkit.errors.AlignmentError: 2 problems:
          objectives[3].aligned_to: expected the id of an objective or ..., got 'nowhere' ...
          alignment loop a -> c -> b -> a: ...
        """
        if not isinstance(plan, Plan):
            raise InvalidTypeError("plan", plan, "a Plan")
        if not isinstance(kr_from_children, bool):
            raise InvalidTypeError("kr_from_children", kr_from_children, "True or False")
        roller = _Roller(check_roll_up(roll_up), policy_named(policy), kr_from_children)
        forest = _checked(plan)
        nodes = roller.build(forest, plan.objectives)
        return cls(
            roller=roller,
            forest=forest,
            nodes=nodes,
            plan=attrs.evolve(plan, objectives=()),  # its KPIs and history, for `to_plan`
            cache={},
        )

    # Settings and values ------------------------------------------------------------------

    @property
    def roll_up(self) -> RollUp:
        """Where objectives' scores come from: ``"key_results"``, ``"children"`` or ``"both"``."""
        return self._roller.roll_up

    @property
    def policy(self) -> Policy:
        """The scoring policy the tree scores under."""
        return self._roller.policy

    @property
    def kr_from_children(self) -> bool:
        """Whether key results with aligned objectives take their scores from them."""
        return self._roller.kr_from_children

    def __len__(self) -> int:
        return len(self._forest.ids)

    def __contains__(self, id: object) -> bool:
        where = self._forest.index.get(id)
        return where is not None and where[1] is None

    def __iter__(self) -> Iterator[str]:
        ids = self._forest.ids
        return (ids[i] for i in self._forest.order)

    def __repr__(self) -> str:
        n, roots = len(self), len(self._forest.roots)
        return (
            f"<AlignmentTree of {n} objective{'s' * (n != 1)}, {roots} root{'s' * (roots != 1)}, "
            f"roll_up={self.roll_up!r}, policy={self.policy.name!r}>"
        )

    def __eq__(self, other: object) -> bool:
        """Trees are equal when built the same way from equal objectives in the same order."""
        if not isinstance(other, AlignmentTree):
            return NotImplemented
        return (
            self._roller.roll_up == other._roller.roll_up
            and self._roller.policy == other._roller.policy
            and self._roller.kr_from_children == other._roller.kr_from_children
            and self._forest.ids == other._forest.ids
            and all(a[0] == b[0] for a, b in zip(self._nodes, other._nodes, strict=True))
        )

    __hash__ = None  # type: ignore[assignment]  # equal trees may differ in sharing, not value

    def _repr_html_(self) -> str:
        """A compact HTML view for notebooks (`okrkit.report.tree_html`)."""
        from okrkit import _repr

        return _repr.html(self)

    def _locate(self, id: str) -> Position:
        """Where the objective or key result *id* is; `UnknownIdError` if nowhere."""
        where = self._forest.index.get(id)
        if where is None:
            raise UnknownIdError(id)
        return where

    def _position(self, id: str) -> int:
        where = self._forest.index.get(id)
        if where is None or where[1] is not None:
            raise UnknownIdError(id, "an objective")
        return where[0]

    def objective(self, id: str) -> Objective:
        """The objective with this id, as the tree holds it now."""
        objective: Objective = self._nodes[self._position(id)][0]
        return objective

    def objectives(self) -> Iterator[Objective]:
        """The objectives, in plan order."""
        return (record[0] for record in self._nodes)

    def to_plan(self) -> Plan:
        """The plan the tree was built from, with the tree's objectives as they are now."""
        return attrs.evolve(self._plan, objectives=tuple(self.objectives()))

    # Queries --------------------------------------------------------------------------------

    def _ids(self, positions: Iterable[int]) -> tuple[str, ...]:
        ids = self._forest.ids
        return tuple(ids[i] for i in positions)

    def roots(self) -> tuple[str, ...]:
        """The objectives aligned to nothing, in plan order."""
        return self._ids(self._forest.roots)

    def children(self, id: str) -> tuple[str, ...]:
        """The objectives aligned to *id* (an objective, also through its key results, or a
        key result), in plan order."""
        forest = self._forest
        i, j = self._locate(id)
        kids = forest.children[i] or ()
        return self._ids(kids if j is None else (c for c in kids if forest.via[c] == j))

    def parent(self, id: str) -> str | None:
        """The objective *id* is aligned to (holding the key result, when aligned to one)."""
        p = self._forest.parent[self._position(id)]
        return None if p < 0 else self._forest.ids[p]

    def _up(self, i: int) -> Iterator[int]:
        parent = self._forest.parent
        i = parent[i]
        while i >= 0:
            yield i
            i = parent[i]

    def ancestors(self, id: str) -> tuple[str, ...]:
        """The path from *id* to its root: its parent first, the root last."""
        return self._ids(self._up(self._position(id)))

    def depth(self, id: str) -> int:
        """How many objectives lie above *id*: 0 for a root."""
        return sum(1 for _ in self._up(self._position(id)))

    def subtree(self, id: str) -> tuple[str, ...]:
        """*id* and every objective below it, depth first."""
        return self._ids(preorder([self._position(id)], self._forest.children))

    def walk(self, id: str | None = None) -> Iterator[Node]:
        """Every objective (or those of *id*'s subtree) depth first, with depth and score.

        >>> from okrkit import Objective, Plan
        >>> plan = Plan(objectives=[Objective(id="co", title="Co"),
        ...                         Objective(id="team", title="Team", aligned_to="co")])
        >>> [(n.depth, n.id) for n in AlignmentTree.from_plan(plan).walk()]
        [(0, 'co'), (1, 'team')]
        """
        forest = self._forest
        stack = [(self._position(id), 0)] if id is not None else [(r, 0) for r in forest.roots]
        stack.reverse()
        while stack:
            i, depth = stack.pop()
            record = self._nodes[i]
            obj, score = record[0], record[1]
            yield Node(forest.ids[i], obj, depth, score, record[2:])
            kids = forest.children[i]
            if kids:
                stack.extend((c, depth + 1) for c in reversed(kids))

    def leaves(self) -> tuple[str, ...]:
        """The objectives nothing is aligned to, depth first."""
        children = self._forest.children
        return self._ids(i for i in self._forest.order if not children[i])

    def _by(self, field: str, value: object) -> tuple[str, ...]:
        index = self._cache.get(field)
        if index is None:
            groups: dict[Any, list[int]] = {}
            nodes = self._nodes
            for i in self._forest.order:
                key = getattr(nodes[i][0], field)
                if field == "level":  # the usual levels whatever their case, as everywhere
                    key = Level.known(key) or key
                groups.setdefault(key, []).append(i)
            index = {key: self._ids(positions) for key, positions in groups.items()}
            self._cache[field] = index  # a benign race: two threads build the same index
        return index.get(value, ())

    def by_owner(self, owner: str | None) -> tuple[str, ...]:
        """The objectives *owner* owns (None: those with no owner), depth first."""
        if owner is not None and not isinstance(owner, str):
            raise InvalidTypeError("owner", owner, "an owner's name or None")
        return self._by("owner", owner)

    def by_level(self, level: Level | str | None) -> tuple[str, ...]:
        """The objectives at *level* (``"team"``, `Level.TEAM`; None: no level), depth first."""
        if level is not None and not isinstance(level, str):
            raise InvalidTypeError("level", level, "a Level, a level's name or None")
        return self._by("level", None if level is None else Level.known(level) or str(level))

    def by_cycle(self, cycle: Cycle | None) -> tuple[str, ...]:
        """The objectives set for exactly *cycle* (None: no cycle), depth first."""
        if cycle is not None and not isinstance(cycle, Cycle):
            raise InvalidTypeError("cycle", cycle, "a Cycle or None")
        return self._by("cycle", cycle)

    def orphans(self) -> tuple[str, ...]:
        """Objectives below company level aligned to nothing: roots with a level that is not
        ``"company"`` (a root without a level is not judged), in plan order."""
        nodes = self._nodes
        return self._ids(
            i
            for i in self._forest.roots
            if (level := nodes[i][0].level) is not None and Level.known(level) != Level.COMPANY
        )

    def score(self, id: str) -> float | None:
        """The rolled-up score of an objective, or a key result's score in the tree.

        None when nothing under it can be measured.
        """
        i, j = self._locate(id)
        score: float | None = self._nodes[i][1 if j is None else 2 + j]
        return score

    def scores(self) -> dict[str, float | None]:
        """Every objective's score by id, depth first (None: nothing under it is measurable)."""
        ids = self._forest.ids
        nodes = list(self._nodes)
        return {ids[i]: nodes[i][1] for i in self._forest.order}

    # Updates --------------------------------------------------------------------------------

    def _with(self, i: int, obj: Objective, cache: dict[str, Any]) -> AlignmentTree:
        roller, forest, nodes = self._roller, self._forest, self._nodes
        record = roller.node(forest, i, obj, nodes.__getitem__)
        changes = roller.path(forest, nodes, i, record)
        return AlignmentTree(
            roller=roller, forest=forest, nodes=nodes.updated(changes), plan=self._plan, cache=cache
        )

    def with_check_in(
        self,
        kr_id: str,
        value: Number,
        *,
        at: When,
        confidence: Number | None = None,
        note: str | None = None,
        author: str | None = None,
    ) -> AlignmentTree:
        """A new tree with a check-in on key result *kr_id*, rescored along its path to the root.

        Only that objective and its ancestors are rescored (and only as far as their scores
        change): the work grows with the depth, not the size, of the tree.  The result is
        exactly what `from_plan` would build from the updated plan.

        >>> from datetime import date
        >>> from okrkit import KeyResult, Objective, Plan
        >>> kr = KeyResult(id="kr", title="Grow", direction="increase", start=0, target=10)
        >>> tree = AlignmentTree.from_plan(Plan(objectives=[Objective(title="O",
        ...                                                          key_results=[kr])]))
        >>> tree.with_check_in("kr", 4, at=date(2026, 8, 1)).score("kr"), tree.score("kr")
        (0.4, 0.0)
        """
        where = self._forest.index.get(kr_id)
        if where is None or where[1] is None:
            raise UnknownIdError(kr_id, "a key result")
        i = where[0]
        obj = self._nodes[i][0]  # ids are unique in a tree: its own is this one
        new = obj.check_in(kr_id, value, at=at, confidence=confidence, note=note, author=author)
        return self._with(i, new, self._cache)

    def replace(self, objective: Objective) -> AlignmentTree:
        """A new tree with the objective of the same id replaced by *objective*.

        When its alignment and its key results' ids are unchanged, only the path to the
        root is rescored, as for `with_check_in`; otherwise the tree is rebuilt (and an
        `AlignmentError` raised if the new alignment is broken).
        """
        if not isinstance(objective, Objective):
            raise InvalidTypeError("objective", objective, "an Objective")
        i = self._position(objective.id)
        old = self._nodes[i][0]
        if objective.aligned_to != old.aligned_to or [kr.id for kr in objective.key_results] != [
            kr.id for kr in old.key_results
        ]:
            objectives = list(self.objectives())
            objectives[i] = objective
            roller = self._roller
            return AlignmentTree.from_plan(
                attrs.evolve(self._plan, objectives=objectives),
                roller.roll_up,
                roller.policy,
                kr_from_children=roller.kr_from_children,
            )
        same = all(
            getattr(objective, field) == getattr(old, field)
            for field in ("owner", "level", "cycle")
        )
        return self._with(i, objective, self._cache if same else {})
