"""Reading OKR statements written in English: "Reduce churn by 8%" as a structured key result.

`parse_key_result` reads one key result sentence into a `ParsedKeyResult` (its direction,
whether it moves *by* an amount or *to* a level, the numbers, the unit, the metric, whether
it can be measured at all and whether it describes an activity rather than an outcome);
`to_key_result` turns that into a `KeyResult`, and `fill_from_statements` does it for every
key result of a plan written as sentences alone; `parse_objective` says whether an objective
is qualitative, as it should be.  A `key_result_reader` reads many statements into the
`KeyResultReading`\\ s that fields are checked against (as the validation rules do), and
`canonical_unit` names the unit a spelling stands for, `convert_unit` a length of time or
size of data in another unit.  Everything is rules and regular
expressions: no network, no models, any string in, a well-formed answer out.

>>> parse_key_result("Reduce churn by 8%").direction
<Direction.DECREASE: 'decrease'>
>>> to_key_result("Reduce churn by 8%", start=5.0).target
4.6

The reading rules, and why, are in ``docs/statements.md``.
"""

# The work is done in one private module per job, lowest first: the patterns and their
# pre-screens (_patterns), the words (_lexicon, and WordNet's verbs in _verbs), the units
# (_units), the tokens that are numbers (_tokens), the grammar of quantities: each number with
# what surrounds it (_quantities), the full reading (_reading), the templates of the commonest
# wording (_templates), and the conversion to a KeyResult (_convert).  This package only
# gathers their public names.

from __future__ import annotations

# isort: off
# The reference page lists each kind of name (type, class, function) in the order it is
# imported here: as a reader meets them.
from okrkit.text._reading import (
    Form,
    SpanLabel,
    Span,
    ParsedKeyResult,
    ParsedObjective,
    KeyResultReading,
)
from okrkit.text._templates import parse_key_result, key_result_reader
from okrkit.text._units import canonical_unit, convert_unit
from okrkit.text._tokens import read_number
from okrkit.text._reading import (
    built_then_reached,
    done_or_not,
    level_reached,
    parse_objective,
    share_of_plan,
)
from okrkit.text._convert import (
    to_key_result,
    fill_from_statements,
    rate_of_outcomes,
    new_in_cycle,
)

# isort: on

from okrkit import _facade

# `typing.get_type_hints` reads a class's annotations in the module its `__module__` names,
# which is this one (below): ParsedKeyResult and KeyResultReading are annotated with it.
from okrkit.model import Direction as Direction

__all__ = [
    "Form",
    "KeyResultReading",
    "ParsedKeyResult",
    "ParsedObjective",
    "Span",
    "SpanLabel",
    "built_then_reached",
    "canonical_unit",
    "convert_unit",
    "done_or_not",
    "fill_from_statements",
    "key_result_reader",
    "level_reached",
    "new_in_cycle",
    "parse_key_result",
    "parse_objective",
    "rate_of_outcomes",
    "read_number",
    "share_of_plan",
    "to_key_result",
]

# Each public class and function says it lives here: a pickle names okrkit.text.Span, and
# help() and the doctests find them here.
_facade.adopt(__name__, globals(), __all__)
