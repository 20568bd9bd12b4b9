"""The commonest shape of key result read once per wording: `parse_key_result` and
`key_result_reader`.

Most key results are written "<words> from <a> to <b>": "Grow weekly active users from 32 to
50".  Across a plan the words repeat and the numbers change.  For text of exactly that shape
(the words start and end with a letter; each number is a plain decimal below 1,000, signed or
not, in % or not, so it cannot be a year, a date or part of a name) the words are read alike
whatever the numbers, since nothing that reads them looks past "from", and the numbers count
only through their values, their lengths and which is the larger.  So the first statement of
a shape is read in full and kept as its template, and the next ones with the same words,
signs, units and order are the template with their numbers put in.  A template is kept only
when it read <a> as the start and <b> as the value and found all else within the words;
otherwise its shape is always read in full.  tests/test_text.py checks that the answer always
equals a full reading.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from okrkit.errors import InvalidTypeError
from okrkit.text._reading import KeyResultReading, ParsedKeyResult, Span, parse_in_full

# "<words> from <a> to <b>": the words, then the numbers after the text's last " from " (the
# numbers hold no " from ", so a statement of the shape has its words before the last one).
_WORDS = re.compile(r"[A-Za-z][A-Za-z0-9' -]*[A-Za-z]")
_NUMBERS = re.compile(
    r"(?P<a>(?P<sa>[-+]?)(?:0|[1-9][0-9]{0,2})(?:\.[0-9]{1,6})?)(?P<ua>%?) to "
    r"(?P<b>(?P<sb>[-+]?)(?:0|[1-9][0-9]{0,2})(?:\.[0-9]{1,6})?)(?P<ub>%?)"
)
_FROM = " from "
# The longest numbers of the shape: "-999.999999% to -999.999999%".
_LONGEST = 28
# The templates kept, by shape (None for a shape always read in full): process-wide, and
# dropped all at once when there are TEMPLATES_MAX of them.
TEMPLATES: dict[tuple[str | bool, ...], ParsedKeyResult | None] = {}
TEMPLATES_MAX = 4096
_UNSEEN: ParsedKeyResult = object()  # type: ignore[assignment]
_tuple = tuple.__new__

# What the numbers "<a> to <b>" of a statement are: their values, what of them is part of a
# shape (signs, units, which is the larger, a zero target), and where a starts, a's unit ends
# and b starts, counted back from the text's end.
_Numbers = tuple[float, float, tuple[str | bool, ...], int, int, int]
_UNSEEN_PAIR: _Numbers = (0.0, 0.0, (), 0, 0, 0)


def _numbers(numbers: str) -> _Numbers | None:
    """What *numbers* ("32 to 50") are (see `_Numbers`), or None if not two of the shape's."""
    m = _NUMBERS.fullmatch(numbers)
    if m is None:
        return None
    ta, sa, ua, tb, sb, ub = m.groups()
    a, b = float(ta) + 0.0, float(tb) + 0.0  # (-0 is 0, as the full reading has it)
    if a == b:
        return None
    # A sign is read as a direction when the words give none, and a zero target as a ceiling:
    # both are part of the shape.
    end = len(numbers)
    return (a, b, (sa, ua, sb, ub, a < b, not b), m.start("a") - end, m.end("ua") - end,
            m.start("b") - end)  # fmt: skip


def _find_template(
    text: str, pairs: dict[str, _Numbers | None] | None = None
) -> tuple[ParsedKeyResult, _Numbers | None] | None:
    """The template that reads *text* and what its numbers are; or None to read *text* in
    full.  *pairs* keeps what the numbers of each text seen were (a plan's statements repeat
    them: "from 0 to 100").

    When *text* is the first of its shape, it is read in full to make the template, and that
    reading comes back with no numbers.
    """
    words, sep, numbers = text.rpartition(_FROM)
    if not sep or len(numbers) > _LONGEST:
        return None
    if pairs is None:
        found = _numbers(numbers)
    else:
        found = pairs.get(numbers, _UNSEEN_PAIR)
        if found is _UNSEEN_PAIR:
            found = pairs[numbers] = _numbers(numbers)
    if found is None:
        return None
    key = (words, *found[2])
    template = TEMPLATES.get(key, _UNSEEN)
    if template is _UNSEEN:
        # Only words of the shape's are kept: a kept key's words need no second look.
        if not _WORDS.fullmatch(words):
            return None
        if len(TEMPLATES) >= TEMPLATES_MAX:
            TEMPLATES.clear()
        parsed = parse_in_full(text)
        TEMPLATES[key] = parsed if _usable(parsed, found, len(words), len(text)) else None
        return parsed, None
    return None if template is None else (template, found)


def _from_template(template: ParsedKeyResult, text: str, numbers: _Numbers) -> ParsedKeyResult:
    """The reading of *text*, whose numbers are *numbers*: *template* with them in."""
    a, b, _, a_start, a_end, b_start = numbers
    end = len(text)
    a_start, a_end, b_start = end + a_start, end + a_end, end + b_start
    return ParsedKeyResult(
        text=text,
        direction=template.direction,
        form=template.form,
        value=b,
        start=a,
        unit=template.unit,
        metric=template.metric,
        deadline=template.deadline,
        measurable=True,
        output=template.output,
        ambiguities=template.ambiguities,
        spans=(
            *template.spans[:-2],
            Span("start", a_start, a_end, text[a_start:a_end]),
            Span("value", b_start, len(text), text[b_start:]),
        ),
    )


def _usable(parsed: ParsedKeyResult, numbers: _Numbers, words: int, end: int) -> bool:
    """Whether the reading *parsed* of a text *end* characters long, whose first *words*
    characters are its words and whose numbers are *numbers*, can serve as its shape's
    template."""
    a, b, _, a_start, a_end, b_start = numbers
    *others, start, value = parsed.spans if len(parsed.spans) >= 2 else (None, None)
    written = (parsed.text[end + a_start : end + a_end], parsed.text[end + b_start :])
    return (
        isinstance(start, Span)
        and isinstance(value, Span)
        and (start.label, start.start, start.end) == ("start", end + a_start, end + a_end)
        and (value.label, value.start, value.end) == ("value", end + b_start, end)
        and all(span.end <= words for span in others)
        # (an ambiguity that quotes a number would quote the first statement's in the next)
        and not any(number in said for said in parsed.ambiguities for number in written)
        and parsed.start == a
        and parsed.value == b
        and parsed.upper is None
        and parsed.form == "target"  # a change's amount is unsigned: "to -0" hides a sign
        and not parsed.relative
        and parsed.measurable
    )


def parse_key_result(text: str) -> ParsedKeyResult:
    """Read a key result statement: its direction, numbers, unit, metric and what it measures.

    Any string gives an answer (parts it cannot find are None); a non-string raises
    `okrkit.errors.InvalidTypeError`.

    >>> p = parse_key_result("Reduce churn by 8% by EOQ")
    >>> p.direction.value, p.form, p.value, p.relative, p.unit, p.metric, p.deadline
    ('decrease', 'change', 8.0, True, '%', 'churn', 'by EOQ')
    >>> p.ambiguities
    ("'by 8%' on a rate: read as 8% of its current value; it could also mean 8 percentage points",)
    >>> parse_key_result("Hold 12 customer interviews").output
    True
    """
    if not isinstance(text, str):
        raise InvalidTypeError("text", text, "a str")
    found = _find_template(text)
    if found is None:
        return parse_in_full(text)
    template, numbers = found
    return template if numbers is None else _from_template(template, text, numbers)


def key_result_reader() -> Callable[[str], KeyResultReading]:
    """A function that reads key result statements: ``KeyResultReading.of(parse_key_result(text))``,
    faster.

    Made for reading many statements, as `okrkit.rules.validate` does: where a statement
    has a wording seen before ("<words> from <a> to <b>") it is read through that wording's
    template without building the parse; any other statement is read in full once per reader
    (a reader keeps what it read: make one for a batch of statements, then let it go).

    >>> read = key_result_reader()
    >>> read("Reduce churn from 5% to 4%").direction
    <Direction.DECREASE: 'decrease'>
    """
    full: dict[str, KeyResultReading] = {}
    pairs: dict[str, _Numbers | None] = {}

    def read(text: str) -> KeyResultReading:
        if not isinstance(text, str):
            raise InvalidTypeError("text", text, "a str")
        found = _find_template(text, pairs)
        if found is None:
            reading = full.get(text)
            if reading is None:
                reading = full[text] = KeyResultReading.of(parse_in_full(text))
            return reading
        t, numbers = found
        if numbers is None:
            return KeyResultReading.of(t)
        # As KeyResultReading(...) makes it, without the call of its __new__: ~40 % of a read.
        return _tuple(
            KeyResultReading,
            (t.direction, t.form, numbers[1], numbers[0], None, False, t.unit, True, t.output),
        )

    return read
