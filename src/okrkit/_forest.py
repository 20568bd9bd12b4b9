"""The shape of a plan's objectives: who is aligned to whom, and what is wrong with it.

`Forest` walks a plan once, without recursion, and finds each objective's parent (through a
key result too), its children, the roots, the alignments to ids nothing holds, the ids held more
than once and the alignment loops.  The alignment tree is built on it and raises its problems;
the alignment rules (OKR106, OKR501, OKR502 and those that read parents) report from it.

It is a layer of its own just below `okrkit.tree`, and imports only the model.
"""

from __future__ import annotations

from itertools import chain
from operator import attrgetter

from okrkit.model import Objective, Plan, PlanIndex, Position, claim_ids

__all__ = ["LOOP_SHOWN", "Forest", "preorder"]

LOOP_SHOWN = 10
"""How many steps of a loop its description names; a longer one is shortened in the middle."""

_id = attrgetter("id")
_key_results = attrgetter("key_results")


class Forest:
    """A plan's objectives as a forest, by their positions in the plan; nothing in it changes.

    An objective aligned to an id nothing holds is counted in `unknown` and is a root of
    nothing: its parent is -1, and it and what hangs from it are left out of `order`, as are
    the loops and what hangs from them.
    """

    __slots__ = (
        "children",
        "duplicates",
        "ids",
        "index",
        "loops",
        "order",
        "parent",
        "roots",
        "unknown",
        "via",
    )

    ids: list[str]
    """Position -> the objective's id."""
    index: PlanIndex
    """The plan's index of ids (`Plan.index`)."""
    parent: list[int]
    """Position -> its parent's position; -1 for a root, or when it is aligned to an unknown id."""
    via: list[int]
    """Position -> which of the parent's key results it is aligned to; -1 for the parent itself."""
    children: list[list[int] | None]
    """Position -> the positions aligned to it or to its key results, in plan order (None: none)."""
    roots: list[int]
    """The positions aligned to nothing, in plan order."""
    order: list[int]
    """Every position a root leads down to, depth first: parents before children, in plan order."""
    unknown: list[int]
    """The positions aligned to an id no objective or key result holds, in plan order."""
    duplicates: dict[str, list[Position]]
    """Each id held more than once -> every holder's position, in plan order (see `Claims`)."""
    loops: list[list[int]]
    """Each loop's positions, from the one first in the plan, each followed by its parent."""

    def __init__(self, plan: Plan) -> None:
        objectives = plan.objectives
        n = len(objectives)
        index = plan.index
        if len(index) == n + sum(map(len, map(_key_results, objectives))):
            self.duplicates = {}
        else:
            self.duplicates = claim_ids(objectives).repeated
        self.index = index
        find = index.get
        parent = [-1] * n
        via = [-1] * n
        children: list[list[int] | None] = [None] * n
        roots: list[int] = []
        unknown: list[int] = []
        for i, obj in enumerate(objectives):
            aligned_to = obj.aligned_to
            if aligned_to is None:
                roots.append(i)
                continue
            where = find(aligned_to)
            if where is None:
                unknown.append(i)
                continue
            p, j = where
            parent[i] = p
            if j is not None:
                via[i] = j
            kids = children[p]
            if kids is None:
                children[p] = [i]
            else:
                kids.append(i)
        self.ids = list(map(_id, objectives))
        self.parent = parent
        self.via = via
        self.children = children
        self.roots = roots
        self.unknown = unknown
        self.order = order = preorder(roots, children)
        self.loops = [] if len(order) == n else _loops(parent, children, order, unknown)

    def loop_text(self, members: list[int], objectives: tuple[Objective, ...]) -> str:
        """One of `loops` in words: ``a -> b (via its key result 'k') -> a``.

        From its first objective in the plan round to it again; a loop of more than
        `LOOP_SHOWN` steps names its first and last steps, and how many lie between.  (Every
        id on a loop is a finding's or an error's value: the words are for a person, and a
        loop of 50,000 objectives made a line of 490,000 characters.)
        """
        n = len(members)
        ids, via = self.ids, self.via
        shown = range(n) if n <= LOOP_SHOWN else [*range(LOOP_SHOWN - 3), *range(n - 3, n)]
        parts = [ids[members[0]]]
        for k in shown:
            if n > LOOP_SHOWN and k == n - 3:
                parts.append(f"... {n - LOOP_SHOWN:,} more ...")
            i, parent = members[k], members[(k + 1) % n]
            hop = ids[parent]
            if via[i] >= 0:
                hop += f" (via its key result {objectives[parent].key_results[via[i]].id!r})"
            parts.append(hop)
        return " -> ".join(parts)


def preorder(roots: list[int], children: list[list[int] | None]) -> list[int]:
    """Every position reachable from *roots*, depth first, siblings in order."""
    order: list[int] = []
    stack = roots[::-1]
    while stack:
        i = stack.pop()
        order.append(i)
        kids = children[i]
        if kids:
            stack.extend(reversed(kids))
    return order


def _loops(
    parent: list[int], children: list[list[int] | None], order: list[int], unknown: list[int]
) -> list[list[int]]:
    """The loops among the positions no root reaches: each from its first position in the plan.

    What no root reaches hangs from an unknown id, or lies on or below a loop.  Walking up from
    each position in plan order finds each loop once, the first time a walk comes back to itself.
    """
    n = len(parent)
    walk = [0] * n  # 0: not yet seen; -1: done; k > 0: seen on the k-th walk
    for i in chain(order, preorder(unknown, children)):
        walk[i] = -1
    loops = []
    for k, start in enumerate(range(n), start=1):
        path: list[int] = []
        i = start
        while not walk[i]:
            walk[i] = k
            path.append(i)
            i = parent[i]
        if walk[i] == k:
            members = path[path.index(i) :]
            first = members.index(min(members))
            loops.append(members[first:] + members[:first])
        for j in path:
            walk[j] = -1
    return loops
