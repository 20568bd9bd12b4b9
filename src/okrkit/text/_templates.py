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
# The templates kept, by shape (None for a shape always read in full): process-wide, and
# dropped all at once when there are TEMPLATES_MAX of them.
TEMPLATES: dict[tuple[str | bool, ...], ParsedKeyResult | None] = {}
TEMPLATES_MAX = 4096
_UNSEEN: ParsedKeyResult = object()  # type: ignore[assignment]


def _find_template(
    text: str,
) -> tuple[ParsedKeyResult, re.Match[str] | None, float, float] | None:
    """The template that reads *text*, the match of its numbers and their values; or None to
    read *text* in full.

    When *text* is the first of its shape, it is read in full to make the template, and that
    reading comes back with no match.
    """
    words, sep, numbers = text.rpartition(_FROM)
    m = _NUMBERS.fullmatch(numbers) if sep else None
    if m is None:
        return None
    ta, sa, ua, tb, sb, ub = m.groups()
    a, b = float(ta), float(tb)
    if a == b:
        return None
    # A sign is read as a direction when the words give none, and a zero target as a ceiling:
    # both are part of the shape.
    key = (words, sa, ua, sb, ub, a < b, not b)
    template = TEMPLATES.get(key, _UNSEEN)
    if template is _UNSEEN:
        # Only words of the shape's are kept: a kept key's words need no second look.
        if not _WORDS.fullmatch(words):
            return None
        if len(TEMPLATES) >= TEMPLATES_MAX:
            TEMPLATES.clear()
        parsed = parse_in_full(text)
        TEMPLATES[key] = parsed if _usable(parsed, m, len(words)) else None
        return parsed, None, a, b
    return None if template is None else (template, m, a, b)


def _from_template(
    template: ParsedKeyResult, text: str, m: re.Match[str], a: float, b: float
) -> ParsedKeyResult:
    """The reading of *text*, whose numbers *m* matched and are *a* and *b*: *template* with
    them in."""
    at = len(text) - len(m.string)  # where the numbers start
    a_start, a_end, b_start = at + m.start("a"), at + m.end("ua"), at + m.start("b")
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


def _usable(parsed: ParsedKeyResult, m: re.Match[str], words: int) -> bool:
    """Whether the reading *parsed* of a text whose first *words* characters are its words
    and whose numbers *m* matched can serve as its shape's template."""
    at = words + len(_FROM)
    *others, start, value = parsed.spans if len(parsed.spans) >= 2 else (None, None)
    return (
        isinstance(start, Span)
        and isinstance(value, Span)
        and (start.label, start.start, start.end) == ("start", at + m.start("a"), at + m.end("ua"))
        and (value.label, value.start, value.end) == ("value", at + m.start("b"), at + m.end("ub"))
        and all(span.end <= words for span in others)
        and parsed.start == float(m["a"])
        and parsed.value == float(m["b"])
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
    template, m, a, b = found
    return template if m is None else _from_template(template, text, m, a, b)


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

    def read(text: str) -> KeyResultReading:
        if not isinstance(text, str):
            raise InvalidTypeError("text", text, "a str")
        found = _find_template(text)
        if found is None:
            reading = full.get(text)
            if reading is None:
                reading = full[text] = KeyResultReading.of(parse_in_full(text))
            return reading
        t, m, a, b = found
        if m is None:
            return KeyResultReading.of(t)
        return KeyResultReading(t.direction, t.form, b, a, None, False, t.unit, True, t.output)

    return read
