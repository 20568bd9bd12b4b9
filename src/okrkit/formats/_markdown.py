"""Markdown: OKRs the way people write them by hand, read and written in the same shape.

Reading, as a person means it:

- an objective is a heading of any level (``## Win back customers``; an ``Objective:``,
  ``Objective #2:``, ``O1:`` or ``OKR 4:`` label, an emoji before it, a heading's numbering
  ``2.``, and emphasis around the label or the title are dropped) or an
  ``Objective: ...`` line; a heading with no key results and no details whose sub-headings
  are objectives is a section title (``# Q3 OKRs``), not an objective;
- a cycle label at the start or the end of a heading (``# Support team OKRs, 2026-Q3``,
  ``## Q3 2026``, ``## Grow revenue (2026-Q3)``) is that heading's cycle, kept out of its
  title, as a ``Cycle:`` line under it would be;
- lines ``Owner:``, ``Cycle:``, ``Commitment:``, ``Level:``, ``Aligned to:``, ``Id:`` and
  ``Weight:`` under an objective set its fields; other text under it, before its list or after
  it, is its description (lines joined by a space; a line ending in a backslash by a line
  break, as CommonMark's hard break); ``Cycle:``, ``As of:``, ``Fiscal year start:`` and
  ``Fiscal year named by:`` before the first objective set the document's defaults, the
  other detail lines there are errors; fiscal lines under an objective or a section title say
  how its ``FY`` cycle label reads, and those of the objectives nested under it; each line is
  given once per objective and once before the first objective;
- ``As of:`` dates the whole document, so it belongs before the first objective;
- the numbered or bulleted list under an objective (or lines labelled ``KR1:``) holds its key
  results, each read with `okrkit.text` into a structured key result when it can be, with
  labels (``KR1:``, ``KR 2.1``, ``**KR 1.4**:``, ``Key Result 3:``, ``KR:``) and emphasis
  kept out of the statement; a key result line
  before any objective is an error, and so is a document without objectives;
- a heading labelled as a key result (``### KR1: ...``) under an objective's heading is a
  key result of it; a ``Status:`` or ``Current:`` line with a number under it is its
  progress note, other text the objective's description;
- ``- [x]`` / ``- [ ]`` make a key result a milestone, done or not (a value outside is an
  error); before a measurable statement they are a to-do marker (``[x]``: done, at its
  target);
- a trailing note ``=> 4.6`` (``→`` or ``->`` too, unless they join two numbers of a
  statement that reads as a measure only with them: ``Reduce churn 5% → 4%``),
  ``=> $219k``, ``=> 140ms``, ``=> 66%`` (of the way from start to target, unless the unit
  is ``%``), ``=> DONE`` or a bare trailing ``DONE``, or progress
  written inline (``(currently $219k)``, ``— now 2.6%``, ``(was 32, now 41)``), optionally
  ``on 2026-08-01``, is a check-in; a number in another unit of time than the key result's
  is converted, in any other unit it is an error; a note that cannot be read is an error
  with its line; an undated one is dated by the ``As of:`` line, else by the end of its cycle
  or today, whichever is earlier;
- an attribute block at the end of a heading or a key result line, as in Pandoc and
  kramdown (``{#churn direction=decrease start=5.0 weight=2 owner="ana b"}``), gives fields
  by their model names; a direction, start, target or unit in it must agree by value with
  a statement that reads as measurable (else an error: the statement was edited, say),
  unless the class ``.title`` says the line is only a title; the items nested under a key
  result that open with a date (``- 2026-08-01: 4.6 — note {confidence=0.6}``) are its
  check-ins, one opening with a date written otherwise is an error, and the others are
  notes for the objective's description (never key results); a heading with the class
  ``.kpis`` holds KPIs, one with ``.history`` past scores (``- 2026-Q2 growth: 0.62``) and
  one with ``.initiatives`` initiatives (``- Launch win-back emails {key_results=churn
  status=in_progress}``);
- a backslash before punctuation stands for that character, and ``&#10;`` (a character
  reference) for the character it numbers, as in CommonMark; a line opening with a
  backslash is description text.

Writing keeps everything (`dumps` then `loads` gives back an equal plan): one heading per
objective (deeper under the objective it is aligned to), its details, its description, its key
results with an attribute block for what the statement does not say, their check-ins nested
under them, then the KPIs, the history and the initiatives.  Text that would read as structure
is escaped, and text a line cannot hold (line breaks, spaces at the ends) is written as
character references.
`locate` gives the line and column of each part of a document that loads.
"""

from __future__ import annotations

import contextlib
import math
import re
import warnings
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from okrkit._money import SHARED_SIGNS, SIGN_UNITS, SIGNS
from okrkit._validators import slugify
from okrkit.cycles import Cycle, FiscalYearNaming, written_label
from okrkit.errors import (
    CycleError,
    FormatError,
    InvalidTypeError,
    InvalidValueError,
    OKRError,
    OKRWarning,
    Problem,
    safe_repr,
)
from okrkit.formats._document import DECIMAL, Options
from okrkit.formats._reading import DATETIME, utc_offset
from okrkit.formats._writing import fiscal_defaults
from okrkit.model import (
    CheckIn,
    Claims,
    Commitment,
    Direction,
    Initiative,
    InitiativeStatus,
    KeyResult,
    Kpi,
    Objective,
    PastScore,
    Plan,
)

if TYPE_CHECKING:
    from okrkit.text import ParsedKeyResult

__all__ = ["check_in_line", "dumps", "is_check_in_line", "loads", "locate", "says_okrs"]

# --- Inline text: escapes, character references, emphasis -------------------------------------

# A backslash before ASCII punctuation stands for that character, never for structure, as in
# CommonMark; okrkit also takes it before the note and done marks it reads (``→``, ``✅``, ``✔``).
_ESCAPABLE = r"[!-/:-@\[-`{-~→✅✔]"
_SPECIAL = re.compile(
    rf"\\{_ESCAPABLE}|&(?:#[0-9]{{1,7}}|#[xX][0-9a-fA-F]{{1,6}}|[A-Za-z][A-Za-z0-9]{{1,31}});"
)
_TO_ESCAPE = re.compile(_ESCAPABLE)
# What a line cannot hold as it is: control characters and line separators (which split it),
# and the dashes that mark inline progress.
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029—–]")
_HIDDEN = "\ue000"


def _decoded(token: str) -> str | None:
    """What an escape or a character reference stands for; None for an unknown name."""
    if token[0] == "\\":
        return token[1:]
    if token[1] == "#":
        n = int(token[3:-1], 16) if token[2] in "xX" else int(token[2:-1])
        # CommonMark's replacement character for what is no character; U+0000 is kept, so
        # that any text okrkit holds can be written.
        return "\ufffd" if n > 0x10FFFF or 0xD800 <= n <= 0xDFFF else chr(n)
    from html.entities import html5

    return html5.get(token[1:])


def _mask(text: str) -> str:
    """*text* with each escape and character reference hidden from the patterns, same length."""
    if "\\" not in text and "&" not in text:
        return text
    return _SPECIAL.sub(lambda m: m[0] if _decoded(m[0]) is None else _HIDDEN * len(m[0]), text)


def _unescape(text: str) -> str:
    """*text* with each escape and character reference replaced by what it stands for."""
    if "\\" not in text and "&" not in text:
        return text
    return _SPECIAL.sub(lambda m: _decoded(m[0]) or m[0], text)


def _ref(ch: str) -> str:
    return f"&#{ord(ch)};"


def _escape(text: str) -> str:
    """*text* with everything the reader could take for structure escaped or referenced."""
    out = _TO_ESCAPE.sub(r"\\\g<0>", text)
    out = _INVISIBLE.sub(lambda m: _ref(m[0]), out)
    if not out.strip():
        return "".join(map(_ref, out))
    head = len(out) - len(out.lstrip())
    tail = len(out.rstrip())
    out = "".join(map(_ref, out[:head])) + out[head:tail] + "".join(map(_ref, out[tail:]))
    # Words that mean structure with no punctuation to escape: a reference for their first
    # letter hides them from the patterns.
    masked = _mask(out)
    spots = {
        m.start() + part.start()
        for m in _CYCLE_WORDS.finditer(masked)
        for part in _LABEL_PART.finditer(m[0])
    }
    if label := _KR_LABEL.match(masked):
        spots.add(label.start())
    if done := _DONE.search(masked[-40:]):
        spots.add(len(masked) - len(masked[-40:]) + done.start("mark"))
    if not spots:
        return out
    return "".join(_ref(ch) if i in spots else ch for i, ch in enumerate(out))


# What could open raw HTML, an image or a link in a renderer: always escaped, with the
# backslashes right before it, so that none of them stands for the escape.
_ACTIVE = re.compile(r"\\*[<\[\]]")


def _inert(text: str) -> str:
    """*text* with each ``<``, ``[`` and ``]`` escaped, and the backslashes before them."""
    return _ACTIVE.sub(lambda m: m[0][:-1] * 2 + "\\" + m[0][-1], text)


def _plain(text: str) -> str:
    """*text* as written when it reads back as it is: only what a renderer would run, fetch
    or link (raw HTML, images, links) escaped."""
    return _inert(text)


def _unwrapped(masked: str, start: int, end: int) -> tuple[int, int]:
    """The span inside emphasis (``**...**``, ``_..._``) wrapping all of masked[start:end]."""
    for mark in ("**", "__", "*", "_"):
        k = len(mark)
        inner = masked[start + k : end - k]
        if (
            end - start > 2 * k
            and masked.startswith(mark, start)
            and masked.endswith(mark, 0, end)
            and not inner[0].isspace()
            and not inner[-1].isspace()
        ):
            return start + k, end - k
    return start, end


def _strip(masked: str, start: int, end: int) -> tuple[int, int]:
    """The span without the blanks at its ends."""
    while start < end and masked[start].isspace():
        start += 1
    while end > start and masked[end - 1].isspace():
        end -= 1
    return start, end


# --- Patterns ---------------------------------------------------------------------------------

_HEADING = re.compile(r"(#{1,6})\s+(.*?)\s*#*\s*")
_SEPARATOR = r"(?:[:.)]|[-—–](?=\s))"
# An objective's label: 'Objective:', 'Objective #3:', 'O1:', 'OKR 4:', with emphasis around
# the label or the whole, and an emoji before it ('🎯 O1:').
_OBJECTIVE = re.compile(
    r"(?:[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?\s*)?"
    r"(?P<em>\*\*|__|\*|_)?(?:objective|OKR|O(?=\d))(?:\s*#?\s*\d+(?:\.\d+)*)?(?P=em)?\s*"
    rf"{_SEPARATOR}(?P=em)?\s*(?=\S)",
    re.I,
)
# A key result's label: 'KR1:', 'KR 1.4', '**KR 1.4**:', '*KR2*:', 'KR-4:', 'Key Result 3:',
# 'KR:' (with no number, only with its separator).
_KR_LABEL = re.compile(
    r"(?P<em>\*\*|__|\*|_)?(?:KR|key\s+result)"
    rf"(?:\s*[-#]?\s*\d+(?:\.\d+)*(?P=em)?\s*{_SEPARATOR}?|(?P=em)?\s*{_SEPARATOR})"
    r"(?P=em)?\s+(?=\S)",
    re.I,
)
# A 'Status:' or 'Current:' line under a key result's heading: its progress.
_STATUS = re.compile(r"(?:\*\*|__)?(?:status|current)\s*:(?:\*\*|__)?\s*(?P<value>\S.*)", re.I)
# A heading's own numbering: '## 2. Grow'.
_NUMBERED = re.compile(r"\d+[.)]\s+(?=\S)")
_ITEM = re.compile(r"(?P<indent>\s*)(?:[-*+]|\d+[.)])\s+(?:\[(?P<box>[ xX])\]\s+)?(?P<text>.*)")
_META = re.compile(
    r"(?:\*\*|__)?(?P<key>owner|cycle|commitment|level|aligned to|id|weight|as of"
    r"|fiscal year start|fiscal year named by)\s*:(?:\*\*|__)?\s*(?P<value>.*)",
    re.I,
)
_DONE = re.compile(r"\s+(?:[-—–]\s*)?(?P<mark>DONE|✅|✔)\s*$")
_DATE = r"\d{4}-\d{2}-\d{2}"
_MOMENT = (
    rf"{_DATE}(?:T\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d{{1,6}})?)?"
    r"(?:Z|[+-]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?))?"
)
_CHECK_IN = re.compile(rf"(?P<at>{_MOMENT})\s*[:—–]\s+")
# What opens as a check-in would, but is not one: a date however written, then anything.
_DATED = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?![\d-])")
_CHECK_IN_SHAPES = (
    "a check-in 'YYYY-MM-DD: value' (or a date and time with a UTC offset, such as "
    "'2026-08-01T09:30:00+02:00: value')"
)
# A Decimal written as a string of digits, in quotes; or a run of digits (a number longer
# than a float holds is refused before it is read: `okrkit.text.read_number` reads the rest).
_QUANTITY = re.compile(rf'"(?P<decimal>{DECIMAL})"|(?:[~≈]\s*)?[-+−]?[{SIGNS}]?(?P<num>[\d,]+)')
# A unit written after a number, as a word or %: "140 ms", "15 min", "2.6 %".
_UNIT_AFTER = re.compile(r"\s?(?P<unit>%|[^\W\d_]+)")
_APPROX = re.compile(r"[~≈]\s*")  # "~4.6": about, which a progress note may say


def _number_at(masked: str, start: int, end: int) -> tuple[int, Decimal, str | None, int] | None:
    """The number that opens masked[start:end], read as a statement's is
    (`okrkit.text.read_number`), after any "~": where it starts, its exact value, the unit it
    carries in itself, and where it ends, past a full stop after it ("=> 5."); None if
    masked[start:end] opens with none."""
    from okrkit.text import read_number

    about = _APPROX.match(masked, start, end)
    at = start if about is None else about.end()
    read = read_number(masked[at:end])
    if read is None:
        return None
    exact, unit, length = read
    return at, exact, unit, _past_full_stop(masked, at + length, end)


def _number_end(masked: str, start: int, end: int) -> int | None:
    """Where the number that opens masked[start:end] ends, with a full stop after it, or the
    word after it if it carries no unit of its own (its unit if it is one: "140 ms", "41
    users"); None if it opens with none.  The number is read as a statement's is
    (`okrkit.text.read_number`), after any "~"; or is a quoted decimal, or digits that
    cannot be read, which the reading of the note then names ("3/4")."""
    digits = _QUANTITY.match(masked, start, end)
    if digits is not None and digits["decimal"]:
        return digits.end()
    number = _number_at(masked, start, end)
    if number is None:
        return None if digits is None else digits.end()
    _, _, unit, stop = number
    word = None if unit is not None else _UNIT_AFTER.match(masked, stop, end)
    return stop if word is None else _past_full_stop(masked, word.end(), end)


_E_NOTATION = re.compile(r"\d[eE][-+]?\d")
# What may not follow a check-in's value, where a note would: more of a number it could not
# read (digits, a decimal part, a scale letter).
_RUN_ON = re.compile(r"\s*(?:[.,'’]?\d|(?:[kmbl]|mn|bn|mm|cr|tn)\.?\s*$)", re.IGNORECASE)
_PERCENT = re.compile(r"%|percent|per\s*cent|pct", re.IGNORECASE)


def _past_full_stop(masked: str, at: int, end: int) -> int:
    """*at*, or past a full stop there that ends a number ("=> 5.")."""
    return at + 1 if masked.startswith(".", at) and not masked[at + 1 : at + 2].isdigit() else at


_WHEN = re.compile(rf"\s*(?:on|@|\()\s*(?P<at>{_DATE})\)?\s*", re.I)
_DONE_WORD = re.compile(r"\s*(?:done|✅|✔)\s*", re.I)
_INLINE = re.compile(
    r"\s*\((?:currently|now|was\s[^(),]{1,40},\s*now)\s+(?P<note>[^()]{1,60})\)\s*$", re.I
)
_INLINE_DASH = re.compile(r"\s+[—–-]\s*(?:currently|now)\s+(?P<note>[^—–()]{1,60}?)\s*$", re.I)
_CYCLE_LABEL = (
    r"FY ?\d\d(?:\d\d)?(?:[- ](?:Q[1-4]|H[12]))?|\d{4}-(?:Q[1-4]|H[12]|W\d{2}|\d{2})"
    r"|(?:Q[1-4]|H[12])[ -](?:\d{4}|FY ?\d\d(?:\d\d)?)|\d{4} (?:Q[1-4]|H[12])"
)
_CYCLE_WORDS = re.compile(rf"(?<![\w-])(?:{_CYCLE_LABEL})(?![\w-])", re.I)
_CYCLE_START = re.compile(rf"(?P<label>{_CYCLE_LABEL})(?:[\s,:;—–-]+|$)", re.I)
_CYCLE_END = re.compile(rf"(?:[\s,:;—–-]+\(?|\s*\()(?P<label>{_CYCLE_LABEL})\)?$", re.I)
# A half or quarter that is none beside a label ("Grow Q9 FY27"): the label is no cycle then.
_PART_BEFORE = re.compile(r"(?<![\w-])[QH]\d+\s*$", re.I)
_PART_NEXT = re.compile(r"[QH]\d+(?![\w-])", re.I)
# Where to hide a cycle label: its first character, and a fiscal year's "FY" inside it,
# which is a label alone ("Q1 FY27" hidden at "Q" alone would still end in "FY27").
_LABEL_PART = re.compile(r"^.|(?<![\w-])FY", re.IGNORECASE)
_INT = re.compile(r"[+-]?\d+")
_NUMBER = re.compile(DECIMAL)
_TAIL = 120  # how far from a line's end its notes are looked for: a long line stays linear


def _today() -> date:
    """Today's date, the one place the reader asks the clock (tests replace it)."""
    return date.today()


def _cycle_label(label: str) -> str:
    """A label as people write it ("Q3 2026", "FY27 Q2") as `Cycle.parse` reads it."""
    return written_label(label) or label.upper()


# --- Attribute blocks -------------------------------------------------------------------------

_ATTRIBUTE = re.compile(
    r"""\s*(?:\#(?P<id>[^\s"{}]+)|\.(?P<cls>[A-Za-z][\w-]*)"""
    r"""|(?P<key>[A-Za-z_][\w-]*)=(?P<value>(?>(?:"[^"]*"|[^\s"{}]+)+)))"""
)
_BARE = re.compile(r'[^\s"{}\\&,<\[\]\x00-\x1f\x7f-\x9f\u2028\u2029—–]+')
_BARE_ID = re.compile(r'[^\s"{}\\&,<\[\]#.=\x00-\x1f\x7f-\x9f][^\s"{}\\&,<\[\]\x00-\x1f\x7f-\x9f]*')


@attrs.frozen
class _Value:
    """An attribute's value as written: its text and mask, and its column (1-based)."""

    text: str
    masked: str
    column: int

    def items(self, sep: str | None = None) -> list[tuple[bool, str]] | None:
        """The value's items split at *sep* outside quotes: whether each was quoted, and its
        text; None if one is empty or badly quoted."""
        out: list[str] = []
        start, quoted = 0, False
        masked, text = self.masked, self.text
        for i, ch in enumerate(masked):
            if ch == '"':
                quoted = not quoted
            elif sep and not quoted and masked.startswith(sep, i) and i >= start:
                out.append(text[start:i])
                start = i + len(sep)
        out.append(text[start:])
        items = []
        for item in out:
            m = _mask(item)
            if len(m) >= 2 and m[0] == m[-1] == '"' and '"' not in m[1:-1]:
                items.append((True, _unescape(item[1:-1])))
            elif item and '"' not in m:
                items.append((False, _unescape(item)))
            else:
                return None
        return items


@attrs.define
class _Attrs:
    """An attribute block: its values by key (``id`` for ``#id``) and its classes."""

    values: dict[str, _Value] = attrs.Factory(dict)
    classes: set[str] = attrs.Factory(set)
    twice: list[tuple[str, int]] = attrs.Factory(list)


def _attributes(line: str, masked: str, start: int, end: int) -> tuple[int, _Attrs | None]:
    """Where the text before a trailing attribute block ends, and the block; else (end, None)."""
    if end - start < 3 or masked[end - 1] != "}":
        return end, None
    brace = masked.rfind("{", start, end)
    if brace <= start or not masked[brace - 1].isspace():
        return end, None
    found = _Attrs()
    pos = brace + 1
    while m := _ATTRIBUTE.match(masked, pos, end - 1):
        pos = m.end()
        if m["cls"]:
            found.classes.add(m["cls"])
            continue
        key = "id" if m["id"] else m["key"]
        group = "id" if m["id"] else "value"
        at = m.start(group)
        begins = at - 1 if m["id"] else m.start("key")
        value = _Value(line[at : m.end(group)], masked[at : m.end(group)], begins + 1)
        if key in found.values:
            found.twice.append((key, m.start() + 1))
        found.values[key] = value
    if masked[pos : end - 1].strip() or not (found.values or found.classes):
        return end, None
    return _strip(masked, start, brace)[1], found


def _number(text: str, quoted: bool) -> int | float | Decimal:
    """A number as an attribute writes it: an int, a float, or a Decimal in quotes."""
    if not _NUMBER.fullmatch(text) or len(text) > 1000:
        raise ValueError(text)
    if quoted:
        return Decimal(text)
    return int(text) if _INT.fullmatch(text) else float(text)


def _when(text: str) -> date:
    """An ISO 8601 date, or a date and time with its offset, exactly as written."""
    if re.fullmatch(_DATE, text):
        return date.fromisoformat(text)
    match = DATETIME.fullmatch(text)
    if match is None:
        raise ValueError(text)
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if match["seconds"]:  # Python drops an offset's microseconds: build it exactly
        moment = moment.replace(tzinfo=utc_offset(match))
    return moment


# How each attribute of each kind is read: by the model's field types.
_TEXT, _NUM, _TARGET, _CODES, _WHENS, _MONTH = "text", "number", "target", "codes", "when", "month"
_IDS = "ids"
_KR_ATTRS = {
    "id": _TEXT,
    "direction": _TEXT,
    "start": _NUM,
    "target": _TARGET,
    "unit": _TEXT,
    "weight": _NUM,
    "owner": _TEXT,
    "due": _WHENS,
    "indicator": _TEXT,
    "ignore": _CODES,
    "carried_from": _TEXT,
}
_OBJECTIVE_ATTRS = {
    "id": _TEXT,
    "owner": _TEXT,
    "cycle": _TEXT,
    "commitment": _TEXT,
    "level": _TEXT,
    "aligned_to": _TEXT,
    "weight": _NUM,
    "description": _TEXT,
    "ignore": _CODES,
    "fiscal_year_start": _MONTH,
    "fiscal_year_named_by": _TEXT,
}
_CHECK_IN_ATTRS = {"confidence": _NUM, "note": _TEXT, "author": _TEXT}
_KPI_ATTRS = {
    "id": _TEXT,
    "direction": _TEXT,
    "threshold": _TARGET,
    "unit": _TEXT,
    "owner": _TEXT,
    "ignore": _CODES,
}
_INITIATIVE_ATTRS = {
    "id": _TEXT,
    "owner": _TEXT,
    "status": _TEXT,
    "due": _WHENS,
    "key_results": _IDS,
    "notes": _TEXT,
    "ignore": _CODES,
}
_PAST_ATTRS = {
    "objective": _TEXT,
    "commitment": _TEXT,
    "fiscal_year_start": _MONTH,
    "fiscal_year_named_by": _TEXT,
}
_EXPECTED = {
    _TEXT: "text, in quotes if it has spaces",
    _NUM: 'a number (a Decimal in quotes: "12.50")',
    _TARGET: "a number, or a band low..high",
    _CODES: "rule codes separated by commas",
    _IDS: "key result ids separated by commas",
    _WHENS: "an ISO 8601 date, or date and time with an offset",
    _MONTH: "a month number 1..12",
}


def _read_value(kind: str, value: _Value) -> object:
    """The value of an attribute of *kind*; ValueError if it is not one."""
    if kind in (_CODES, _IDS):
        items = value.items(",")
        if items is None:
            raise ValueError(value.text)
        return tuple(text for _, text in items)
    if kind == _TARGET:
        items = value.items("..")
        if items is None or len(items) > 2:
            raise ValueError(value.text)
        numbers = [_number(text, quoted) for quoted, text in items]
        return numbers[0] if len(numbers) == 1 else (numbers[0], numbers[1])
    items = value.items()
    if items is None:
        raise ValueError(value.text)
    ((quoted, text),) = items
    if kind == _NUM:
        return _number(text, quoted)
    if kind == _WHENS:
        return _when(text)
    if kind == _MONTH:
        if not _INT.fullmatch(text) or not 1 <= int(text) <= 12:
            raise ValueError(text)
        return int(text)
    return text


# --- Lines ------------------------------------------------------------------------------------


@attrs.define
class _Heading:
    level: int
    title: str
    column: int  # where the title starts
    explicit: bool  # it said 'Objective:'
    block: _Attrs | None
    cycle: tuple[str, int] | None  # a cycle label in it, and its column


def _heading(line: str, masked: str | None = None) -> _Heading | None:
    """A heading's level, title, label, attributes and cycle; None if *line* is not one."""
    masked = _mask(line) if masked is None else masked
    heading = _HEADING.fullmatch(masked)
    if heading is None:
        return None
    start, end = heading.span(2)
    end, found = _attributes(line, masked, start, end)
    start, end = _unwrapped(masked, start, end)
    explicit = _OBJECTIVE.match(masked, start, end)
    if explicit:
        start = explicit.end()
        start, end = _unwrapped(masked, start, end)
    elif numbered := _NUMBERED.match(masked, start, end):
        start, end = _unwrapped(masked, numbered.end(), end)
    cycle = None
    tail = max(start, end - 40)
    first = _CYCLE_START.match(masked, start, end)
    if first and _parses(first["label"]) and not _PART_NEXT.match(masked, first.end(), end):
        rest = _strip(masked, first.end(), end)
        cycle = (first["label"], start + 1)
        if rest[0] < rest[1]:
            start = rest[0]
        elif explicit:  # 'Objective: 2026-Q3' names an objective, not a cycle
            cycle = None
    elif (
        (last := _CYCLE_END.search(masked[tail:end]))
        and _parses(last["label"])
        and not _PART_BEFORE.search(masked, start, tail + last.start())
    ):
        cycle = (last["label"], tail + last.start("label") + 1)
        end = _strip(masked, start, tail + last.start())[1]
    return _Heading(
        level=len(heading[1]),
        title=_unescape(line[start:end].strip()),
        column=start + 1,
        explicit=bool(explicit),
        block=found,
        cycle=cycle,
    )


def _kr_heading(masked: str) -> tuple[int, int] | None:
    """A heading labelled as a key result (``### KR1: ...``): its level, and where its text
    (label and all) starts; None for any other line."""
    heading = _HEADING.fullmatch(masked)
    if heading is None:
        return None
    start, end = _unwrapped(masked, *heading.span(2))
    if not _KR_LABEL.match(masked, start, end):
        return None
    return len(heading[1]), heading.start(2)


def _parses(label: str) -> bool:
    try:
        Cycle.parse(_cycle_label(label))
    except CycleError:
        return False
    return True


@attrs.define
class _Item:
    """A key result (or KPI, or past score) line as written, with the check-ins under it."""

    n: int
    column: int
    text: str  # the statement as written, escapes kept
    masked: str
    box: str | None
    indent: int
    block: _Attrs | None
    check_ins: list[_Item] = attrs.Factory(list)
    note: tuple[str, int] | None = None  # its progress note as written, and its column
    note_n: int = 0  # the line of that note (a 'Status:' line under a heading's)


def _item(line: str, masked: str) -> tuple[int, str | None, int] | None:
    """A list item's indent, its box (``' '``, ``'x'``) and where its text starts."""
    item = _ITEM.fullmatch(masked)
    if item is None:
        return None
    return len(item["indent"].expandtabs(4)), item["box"], item.start("text")


def _statement(
    line: str, masked: str, start: int, end: int, arrows: bool = False
) -> tuple[str, tuple[str, int] | None]:
    """A key result's statement, without labels, emphasis and its trailing note; and the note
    as written with its column, if it has one.  With *arrows* (a key result whose statement
    is read), an arrow between two numbers of a measure is part of the statement.
    """
    note: tuple[str, int] | None = None
    arrow = max(masked.rfind("=>", start, end), masked.rfind("->", start, end))
    arrow = max(arrow, masked.rfind("→", start, end))
    tail = max(start, end - _TAIL)
    if arrow >= start:
        arrow = _shaft(masked, start, arrow)
        after = masked[_arrow_end(masked, arrow) : end]
        if after.strip() and not any(ch in after for ch in "=>→"):
            a, b = _strip(masked, _arrow_end(masked, arrow), end)
            before = _strip(masked, start, arrow)[1]
            if not (arrows and _arrow_in_statement(line, masked, start, before, end)):
                note = (line[a:b], a + 1)
                end = before
    if note is None and (done := _DONE.search(masked[tail:end])):
        note = ("done", tail + done.start("mark") + 1)
        end = _strip(masked, start, tail + done.start())[1]
    if note is None:
        inline = _INLINE.search(masked[tail:end]) or _INLINE_DASH.search(masked[tail:end])
        if inline:
            a, b = _strip(masked, tail + inline.start("note"), tail + inline.end("note"))
            note = (line[a:b], a + 1)
            end = _strip(masked, start, tail + inline.start())[1]
    start, end = _unwrapped(masked, start, end)
    if label := _KR_LABEL.match(masked, start, end):
        start, end = _unwrapped(masked, label.end(), end)
    return line[start:end], note


def _unlabelled(line: str, masked: str, start: int, end: int) -> str:
    """The text of line[start:end] without emphasis and a key result's label, unescaped."""
    start, end = _unwrapped(masked, start, end)
    if label := _KR_LABEL.match(masked, start, end):
        start, end = _unwrapped(masked, label.end(), end)
    return _unescape(line[start:end])


def _arrow_in_statement(line: str, masked: str, start: int, before: int, end: int) -> bool:
    """Whether the ``→`` or ``->`` ending at *before* joins two numbers of the statement
    (``Reduce churn 5% → 4%``) rather than marks a note: the text before it ends in a number,
    the whole line is a measure, and either the text before the arrow is none or what follows
    the arrow is no note's (``Activation rate 22% → 35% by EOQ``: a deadline goes on).
    """
    arrow = _strip(masked, before, end)[0]
    if masked[arrow] == "=" or not _ENDS_IN_NUMBER.search(masked, start, before):
        return False
    whole = _reading(_unlabelled(line, masked, start, end), None)
    if not _measurable(whole):
        return False
    after = _arrow_end(masked, arrow)
    if not _note_like(masked, after, end):
        return True  # what follows the arrow is no note's: "22% → 35% by EOQ"
    head = _unlabelled(line, masked, start, before)
    if not _measurable(_reading(head, None)):
        from okrkit import text as statements

        # A verb of change and its amount ("Reduce churn 5% → 4%"), joined unless its
        # numbers go against it: "Reduce open bugs 10 -> 40" would lose its 10.
        a, b = _strip(masked, after, end)
        parsed = statements.parse_key_result(head)
        return _verb_level(head, parsed, _unescape(line[a:b]), whole) is not False
    return False


def _escaped_arrow(arrow: str) -> str:
    """*arrow* (``->``, ``-->``, ``→``) written so as to be no arrow: ``\\->``, ``\\-\\->``,
    ``\\→``."""
    return "".join("\\" + ch if ch in "-=→" else ch for ch in arrow)


def _shaft(masked: str, start: int, arrow: int) -> int:
    """Where the arrow whose head ``->``, ``=>`` or ``→`` is at *arrow* starts, its shaft
    included (``-->``, ``==>``), not before *start*."""
    if masked[arrow] != "→":
        while arrow > start and masked[arrow - 1] == masked[arrow]:
            arrow -= 1
        if arrow > start and masked[arrow - 1] == "<":
            arrow -= 1  # "<-->", "<->": both ways
    return arrow


def _arrow_end(masked: str, arrow: int) -> int:
    """Where the arrow that starts at *arrow* (``→``, ``->``, ``-->``, ``=>``) ends."""
    return arrow + 1 if masked[arrow] == "→" else masked.index(">", arrow) + 1


def _verb_level(
    head: str, parsed: ParsedKeyResult, note: str, whole: dict[str, object]
) -> bool | None:
    """For a key result written as a verb of change or of reaching, a metric and a number,
    then an arrow and a number (``Reduce churn 5% → 4%``, ``Improve NPS 30 -> 45``): whether
    the line reads one way only, as a change from the one number to the other (a verb of
    change whose numbers go its way), or two (a verb of reaching, or of improving, whose
    number reads as a level the arrow's number notes progress on; or a verb of change whose
    numbers go against it).  None for a line of any other shape (a verb of work or of holding,
    a bound, a baseline: ``Hire 5 engineers -> 3``, ``Keep NPS ≥ 45 -> 38``).  *head* is the
    text before the arrow, read as *parsed*; *note* what follows it, unescaped; *whole* the
    reading of the whole line.
    """
    spans = parsed.spans
    if not (
        len(spans) >= 2
        and spans[0].label == "verb"
        and {s.label for s in spans} <= {"verb", "metric", "value"}
        and spans[-1].label == "value"
        and not head[spans[-1].end :].strip()
        and parsed.direction in (Direction.INCREASE, Direction.DECREASE)
        and not parsed.output
        and parsed.value is not None
        and _BOUND_BEFORE.search(head, 0, spans[-1].start) is None
        # (a change's amount or a start is no level: "Reduce churn by 30% -> 40", "from 10")
        and _BY_BEFORE.search(head, 0, spans[-1].start) is None
    ):
        return None
    if not _note_in_unit(note.rstrip(".!"), parsed.unit):
        return None  # "Grow revenue 10% -> $2M", "Cut p95 2.4s → 900ms": as ever
    if parsed.form != "change":
        return False  # "Improve NPS 30 -> 45": a level of 30 with a note, or a change
    # (the reading of a change whose numbers go against its verb keeps no start)
    return (
        whole.get("direction") is parsed.direction
        and whole.get("start") is not None
        and whole.get("target") is not None
    )


def _arrow_question(line: str, masked: str, start: int, end: int) -> str | None:
    """What to ask of a key result line with an arrow that reads two ways, or as no change
    (`_asked`); None for any other line."""
    asked = _asked(line, masked, start, end)
    return None if asked is None else asked[1]


def _asked(line: str, masked: str, start: int, end: int) -> tuple[bool, str] | None:
    """What to ask of a key result written as a metric and a number, an arrow and another
    number in the same unit (``Test coverage 60% -> 80%``), which reads as a change from one
    to the other as well as a level with a progress note; None for any other line.  A bound
    or a target named (``NPS ≥ 45 → 38``, ``Coverage target 80% -> 70%``), a dated note, a
    note of another unit or of none (``-> DONE``, ``-> 2%`` of a time: a share of the way) or
    ``=>`` say it is a note.  The first item says whether the line is a verb of change whose
    numbers go against it ("Reduce open bugs 10 -> 40"), which reads as no change at all."""
    from okrkit import text as statements

    arrow = max(masked.rfind("->", start, end), masked.rfind("→", start, end))
    if arrow < start or masked.rfind("=>", start, end) > arrow:
        return None
    arrow = _shaft(masked, start, arrow)
    after = _arrow_end(masked, arrow)
    if _trailing_date(masked, after, end) is not None:
        return None
    a, b = _strip(masked, after, end)
    before = _strip(masked, start, arrow)[1]
    head = _unlabelled(line, masked, start, before)
    parsed = statements.parse_key_result(head)
    against = False
    if not (_bare_level(head, parsed) and _measurable(_reading(head, None))):
        whole = _reading(_unlabelled(line, masked, start, end), None)
        if _verb_level(head, parsed, _unescape(line[a:b]), whole) is not False:
            return None
        against = parsed.form == "change"
    level = parsed.spans[-1].text.strip()
    note = line[a:b].rstrip(".!")
    if not _note_in_unit(note, parsed.unit):
        return None
    noted = statements.read_number(note)
    moved = float(noted[0]) - float(parsed.value) if noted is not None else 0.0  # type: ignore[arg-type]
    way = -1 if parsed.direction is Direction.DECREASE else 1
    if against and moved * way <= 0:
        # "Reduce open bugs 10 -> 40": no change the verb says, nor one "from 10 to 40" is
        goes = "goes up" if moved > 0 else "goes down" if moved < 0 else "stays"
        way_said = "down" if way < 0 else "up"
        return True, (
            f"{line[start:b].strip()!r} reads as no change: from {level} to {note} {goes}, "
            f"where {parsed.spans[0].text!r} says {way_said}: write '=> {note}' if {note} is a "
            "progress note, or turn the numbers round"
        )
    # (an arrow both ways, "<-->", is no change's even escaped: "from ... to ..." only)
    escaped = "" if masked[arrow] == "<" else f" (or '{_escaped_arrow(masked[arrow:after])}')"
    return False, (
        f"{line[start:b].strip()!r} reads two ways, a change from {level} to {note} or a level "
        f"of {level} with a progress note of {note}: write 'from {level} to {note}'{escaped} "
        f"for the change, '=> {note}' for the note"
    )


def _note_in_unit(note: str, unit: str | None) -> bool:
    """Whether *note* is a number alone, of no unit or of *unit* ("80%", "7 days" after a level
    in days, "250ms" after one in ms), as a level's progress note or the end of its change
    would be.  "-> DONE" and "-> 15 people" are notes; "Latency 400ms -> 2%" a share of the
    way, as a note says it."""
    from okrkit import text as statements

    noted = statements.read_number(note)
    if noted is None:
        return False
    rest = note[noted[2] :].strip()
    if rest:
        return noted[1] is None and unit is not None and statements.canonical_unit(rest) == unit
    return noted[1] is None or noted[1] == unit


def _bare_level(statement: str, parsed: ParsedKeyResult) -> bool:
    """Whether *statement* (read as *parsed*) is a metric and a number only (``Test coverage
    60%``, ``MTTR: 90 min``, ``Deploys per week 3``): no verb, no bound (``NPS ≥ 45``,
    ``under 2 days``), no baseline, no deadline, which an arrow after it would be a note of.
    """
    spans = parsed.spans
    return (
        bool(spans)
        and {s.label for s in spans} <= {"metric", "value"}
        and spans[-1].label == "value"
        and not statement[spans[-1].end :].strip()
        and _BOUND_BEFORE.search(statement, 0, spans[-1].start) is None
    )


# A bound written before a level's number: "NPS ≥ 45", "p95 under 300", "at least 40%".
_BOUND_BEFORE = re.compile(
    r"(?:[<>≤≥]=?|\b(?:at\s+(?:least|most)|under|over|below|above|max(?:imum)?|min(?:imum)?|"
    r"up\s+to|(?:more|less|fewer|greater|lower|higher)\s+than|within|no|not|zero|target|goal|"
    r"to)|\b(?:max|min)\.)[\s:*_`]*$",
    re.IGNORECASE,
)


# "by" right before an amount, "from" before a start: "Reduce churn by 30%", "from 10".
_BY_BEFORE = re.compile(r"\b(?:by|from)[\s:*_`]*$", re.IGNORECASE)
# A number at the end of the text before an arrow, with its unit: "5%", "$120k", "90 min",
# "5,5 %", "3 200 €".
_ENDS_IN_NUMBER = re.compile(rf"\d\S*(?:\s(?:[^\W\d_]{{1,12}}|[%{SIGNS}]))?$")


def _trailing_date(masked: str, start: int, end: int) -> re.Match[str] | None:
    """The date that ends masked[start:end], as a progress note may ("on 2026-08-01")."""
    when = _WHEN.search(masked, max(start, end - 30), end)
    return when if when is not None and when.end() == end else None


def _note_like(masked: str, start: int, end: int) -> bool:
    """Whether masked[start:end] may be a progress note: a quantity or DONE, and a date."""
    when = _trailing_date(masked, start, end)
    if when is not None:
        end = when.start()
    if _DONE_WORD.fullmatch(masked, start, end):
        return True
    start = _strip(masked, start, end)[0]
    stop = _number_end(masked, start, end)
    return stop is not None and not masked[stop:end].strip()


def _check_in_line(masked: str, start: int) -> re.Match[str] | None:
    return _CHECK_IN.match(masked, start)


_LONG_DASH = re.compile(r"[-—–]+>")


def _note_after(text: str, masked: str, end: int) -> str | None:
    """The note after a check-in's value: what follows it, past a dash or a colon."""
    start, stop = _strip(masked, end, len(masked))
    if start < stop and masked[start] in "—–-:;," and not _LONG_DASH.match(masked, start):
        # (a dash that is an arrow's shaft is the note's: "35 -> 40" notes "-> 40")
        start = _strip(masked, start + 1, stop)[0]
    return _unescape(text[start:stop]) if start < stop else None


def _description(line: str) -> tuple[str, bool]:
    """A description line's text, and whether it ends in a line break (a final backslash).

    A backslash first marks a line as text, whatever it looks like, and is dropped.
    """
    text = line.strip()
    if text.startswith("\\"):
        text = text[1:]
    hard = (len(text) - len(text.rstrip("\\"))) % 2 == 1
    if hard:
        text = text[:-1]
    return _unescape(text), hard


def _structural(line: str) -> bool:
    """Whether the reader would take *line* (unescaped) for anything but description text."""
    body = line.strip()
    masked = _mask(body)
    start, end = _unwrapped(masked, 0, len(masked))
    return bool(
        _HEADING.fullmatch(masked)
        or _ITEM.fullmatch(masked)
        or _OBJECTIVE.match(masked, start, end)
        or _KR_LABEL.match(masked, start, end)
        or _META.fullmatch(masked)
        or _UNDERLINE.fullmatch(body)
        or body.startswith("\\")
    )


_UNDERLINE = re.compile(r" {0,3}(?:=+|-{2,})[ \t]*")


def _setext(lines: list[str]) -> list[str]:
    """*lines* with each setext heading (a line of text underlined with ``===`` or ``---``,
    after a blank line or at the start) as the ATX heading it is, its underline blank."""
    out = list(lines)
    for i in range(1, len(out)):
        if not _UNDERLINE.fullmatch(out[i]) or (i > 1 and out[i - 2].strip()):
            continue
        text = out[i - 1]
        masked = _mask(text.strip())
        if (
            not masked
            or len(text) - len(text.lstrip(" ")) > 3
            or text.lstrip().startswith("\\")
            or _HEADING.fullmatch(masked)
            or _ITEM.fullmatch(masked)
            or _META.fullmatch(masked)
        ):
            continue
        out[i - 1] = ("# " if "=" in out[i] else "## ") + text.strip()
        out[i] = ""
    return out


def _fiscal_start(value: str) -> int:
    """a month number 1..12"""
    month = int(value)
    if not 1 <= month <= 12:
        raise ValueError(value)
    return month


def _naming(value: str) -> FiscalYearNaming:
    """'end' or 'start'"""
    if value not in ("end", "start"):
        raise ValueError(value)
    return value  # type: ignore[return-value]


_FISCAL_KEYS = {"fiscal year start": _fiscal_start, "fiscal year named by": _naming}


def _problem(
    n: int,
    message: str,
    *,
    value: object = None,
    expected: str | None = None,
    column: int | None = None,
) -> Problem:
    """A problem on line *n*: the line is all the place a hand-written document has."""
    return Problem(
        path=f"line {n}", message=message, value=value, expected=expected, line=n, column=column
    )


@attrs.define
class _Objective:
    """An objective as it is read, line by line."""

    line: int
    column: int
    title: str
    parent: _Objective | None
    parent_kr: _Item | None = None
    # Each detail: its line, its value as given and its column; a value from an attribute
    # block is read already (a number, a tuple).
    meta: dict[str, tuple[int, Any, int]] = attrs.Factory(dict)
    description: list[tuple[str, bool]] = attrs.Factory(list)
    key_results: list[_Item] = attrs.Factory(list)
    children: int = 0
    section: bool = False
    last_kr_indent: int | None = None
    cycle: Cycle | None = None
    fiscal: tuple[int, FiscalYearNaming] = (1, "end")
    explicit: bool = False
    labelled: bool = False  # its cycle is a label in its heading, which a 'Cycle:' line replaces
    said_children: int = 0  # how many of its sub-headings say 'Objective:' or 'O1:'

    @property
    def id(self) -> str:
        given = self.meta.get("id")
        return str(given[1]) if given else slugify(self.title)


def _kr_id(item: _Item) -> str:
    """The id the key result of *item* gets: its ``#id``, else its statement's slug."""
    given = item.block.values.get("id") if item.block else None
    if given is not None:
        items = given.items()
        if items:
            return items[0][1]
    line = item.text
    return slugify(_unescape(_item_statement(line, item.masked, 0, len(line), item.block)[0]))


# Attributes that say what a key result's numbers are, so that its line needs no question.
_SETTLED = frozenset(("direction", "start", "target"))


def _item_statement(
    line: str, masked: str, start: int, end: int, block: _Attrs | None
) -> tuple[str, tuple[str, int] | None]:
    """A key result's statement and note (`_statement`), its attribute *block* read: with a
    direction there, an arrow marks a note.  A line that reads two ways (`_arrow_question`)
    is the change its attributes say, a change's direction or its start or target ("Test
    coverage 60% -> 80% {direction=increase}", "{start=60 target=80}"), and a level with a
    note otherwise."""
    values = block.values if block is not None else {}
    given = values.get("direction")
    statement, note = _statement(line, masked, start, end, given is None)
    if note is not None and _SETTLED.intersection(values):
        asked = _asked(line, masked, start, end)
        if asked is None or asked[0]:
            # (a change whose numbers go against its verb is none: a note, as it was)
            return statement, note
        start, end = _unwrapped(masked, start, end)
        if label := _KR_LABEL.match(masked, start, end):
            start, end = _unwrapped(masked, label.end(), end)
        said = _reading(_unescape(line[start:end]), None)
        if given is not None:
            # (a change's way; a bound's, "{direction=at_least}", keeps the note)
            way = _comparable("direction", given.text.strip().strip('"'))
            joined = (
                way in (Direction.INCREASE, Direction.DECREASE) and said.get("direction") is way
            )
        else:
            joined = any(
                key in values and _same_number(values[key].text, said.get(field))
                for key, field in (("start", "start"), ("target", "target"))
            )
        if joined:
            return line[start:end], None
    return statement, note


def _same_number(written: str, read: object) -> bool:
    """Whether an attribute's number as *written* is the number *read* of a statement."""
    try:
        return isinstance(read, int | float) and float(written.strip().strip('"')) == read
    except ValueError:
        return False


_META_KEYS = {"aligned_to": "aligned to", "fiscal_year_start": "fiscal year start"}
_META_KEYS["fiscal_year_named_by"] = "fiscal year named by"


class _Reader:
    def __init__(self, options: Options, positions: dict[str, tuple[int, int]] | None) -> None:
        self.options = options
        self.positions = positions
        self.problems: list[Problem] = []
        self.defaults: dict[str, tuple[int, Any, int]] = {}
        # Each 'As of:' line, with how many objectives (section titles among them) came before.
        self.as_of_lines: list[tuple[int, str, int]] = []
        self.kpi_items: list[_Item] = []
        self.past_items: list[_Item] = []
        self.initiative_items: list[_Item] = []
        self.ids: Claims[int] = Claims()
        self.unknown: list[str] = []

    def read(self, text: str) -> Plan:
        objectives: list[_Objective] = []
        headings: list[tuple[int, _Objective]] = []
        items: list[tuple[int, _Objective]] = []  # list-nested objectives, by indent
        current: _Objective | None = None
        mode: str | None = None  # "kpis", "history" or "initiatives" under such a heading
        last: _Item | None = None  # the last key result or KPI, for the check-ins under it
        last_owner: _Objective | None = None  # the objective of *last*, if a key result
        kr_heading: _Objective | None = None  # under a key result's heading, its objective
        for n, raw in enumerate(_setext(text.splitlines()), start=1):
            line = raw.rstrip()
            body = line.lstrip()
            if not body:
                continue
            column = len(line) - len(body) + 1
            if body.startswith("\\"):  # an escaped line is text, never structure
                if current is not None and mode is None:
                    current.description.append(_description(body))
                continue
            masked = _mask(line)
            labelled = _kr_heading(masked)
            if labelled is not None and mode is None and headings:
                # '### KR1: ...' under an objective's heading: a key result of it, and the
                # lines under it its progress ('Status: 280ms'), notes and check-ins.
                level, start = labelled
                while headings and headings[-1][0] >= level:
                    headings.pop()
                if headings:
                    items = []
                    current = headings[-1][1]
                    last = self.item(n, line, masked, start, (-1, None, start))
                    last_owner = kr_heading = current
                    current.key_results.append(last)
                    continue
            kr_heading = None if _HEADING.fullmatch(masked) else kr_heading
            if heading := _heading(line, masked):
                level = heading.level
                while headings and headings[-1][0] >= level:
                    headings.pop()
                items, last = [], None
                classes = heading.block.classes if heading.block else set()
                mode = next((m for m in _SECTIONS if m in classes), None)
                if mode is not None:
                    current = None
                    continue
                parent = headings[-1][1] if headings else None
                current = _Objective(
                    line=n,
                    column=heading.column,
                    title=heading.title,
                    parent=parent,
                    explicit=heading.explicit,
                )
                if heading.cycle is not None:
                    label, at = heading.cycle
                    current.meta["cycle"] = (n, _cycle_label(label), at)
                    current.labelled = True
                self.attributes(current, heading.block, n)
                if parent is not None:
                    parent.children += 1
                    parent.said_children += heading.explicit
                objectives.append(current)
                headings.append((level, current))
                continue
            item = _item(line, masked)
            if mode is not None:
                if item is None:
                    continue  # prose under the KPIs: no field holds it
                indent, _, start = item
                if last is not None and indent > last.indent and _check_in_line(masked, start):
                    last.check_ins.append(self.item(n, line, masked, start, item))
                    continue
                if mode == "initiatives" and last is not None and indent > last.indent:
                    message = (
                        "an item nested under an initiative: give its fields in its attribute"
                        ' block ({owner=ana due=2026-09-30 notes="..."}), or make it an'
                        " initiative of its own"
                    )
                    self.problems.append(_problem(n, message, column=start + 1))
                    continue
                last = self.item(n, line, masked, start, item)
                self.sections[mode].append(last)
                continue
            start = item[2] if item else column - 1
            end = len(line)
            s, e = _unwrapped(masked, start, end)
            named = _OBJECTIVE.match(masked, s, e)
            if named is not None:
                indent = item[0] if item else -1
                while items and items[-1][0] >= indent:
                    items.pop()
                outer = items[-1][1] if items else (headings[-1][1] if headings else None)
                a, b = _unwrapped(masked, named.end(), e)
                new = _Objective(
                    line=n,
                    column=a + 1,
                    title=_unescape(line[a:b].strip()),
                    parent=outer,
                    explicit=True,
                )
                if (
                    outer is not None
                    and outer.last_kr_indent is not None
                    and indent > outer.last_kr_indent
                    and outer.key_results
                ):
                    new.parent_kr = outer.key_results[-1]
                if outer is not None:
                    outer.children += 1
                objectives.append(new)
                items.append((indent, new))
                current = new
                last = None
                continue
            if item is None and _KR_LABEL.match(masked, s, e):
                item = (column - 1, None, start)  # 'KR1: ...' on a line of its own
            if item:
                indent, _, start = item
                if last is not None and indent > last.indent and last_owner is not None:
                    # Items under a key result are its check-ins, or notes: never key results.
                    if _check_in_line(masked, start):
                        last.check_ins.append(self.item(n, line, masked, start, item))
                    elif _DATED.match(masked, start):
                        self.unexpected(n, _CHECK_IN_SHAPES, line[start:].strip(), column=start + 1)
                    else:
                        last_owner.description.append(_description(line[start:]))
                    continue
                if current is None:  # never dropped: a key result needs its objective
                    expected = (
                        "an objective (a heading or an 'Objective:' line) before this key result"
                    )
                    self.unexpected(n, expected, line.strip())
                    continue
                outdented = False  # past an objective nested deeper in the list
                while items and items[-1][0] >= indent:
                    outdented = outdented or items[-1][0] > indent
                    items.pop()
                if items:
                    owner = items[-1][1]
                elif outdented and headings:
                    owner = headings[-1][1]  # the heading's objective's again
                else:
                    owner = current
                last = self.item(n, line, masked, start, item)
                last_owner = owner
                owner.key_results.append(last)
                owner.last_kr_indent = indent
                current = owner
                continue
            status = _STATUS.fullmatch(masked, column - 1)
            progress = (
                kr_heading is not None
                and last is not None
                and last.note is None
                and status is not None
                and _number_end(masked, status.start("value"), len(masked)) is not None
            )
            if progress and last is not None and status is not None:
                last.note = (line[status.start("value") :].strip(), status.start("value") + 1)
                last.note_n = n
                continue
            if meta := _META.fullmatch(masked, column - 1):
                key = meta["key"].lower()
                value = _unescape(line[slice(*meta.span("value"))].strip())
                if key == "as of":  # placed in build, once section titles are known
                    self.as_of_lines.append((n, value, len(objectives)))
                elif current is None:
                    self.once(
                        self.defaults,
                        key,
                        n,
                        value,
                        where="before the first objective",
                        column=column,
                    )
                else:
                    if key == "cycle" and current.labelled:
                        del current.meta["cycle"]  # the line says it more exactly
                        current.labelled = False
                    self.once(current.meta, key, n, value, where="per objective", column=column)
                continue
            if current is not None:  # notes under its list too: appended, never dropped
                current.description.append(_description(body))
        self.blank = not text.strip()
        return self.build(objectives)

    def item(
        self, n: int, line: str, masked: str, start: int, item: tuple[int, str | None, int]
    ) -> _Item:
        end, found = _attributes(line, masked, start, len(line))
        if found is not None:
            for key, column in found.twice:
                self.unexpected(n, "each attribute once", key, column=column)
        return _Item(
            n=n,
            column=start + 1,
            text=line[start:end],
            masked=masked[start:end],
            box=item[1],
            indent=item[0],
            block=found,
        )

    def attributes(self, obj: _Objective, found: _Attrs | None, n: int) -> None:
        """Put an objective's attributes among its details, each read by its type."""
        if found is None:
            return
        for key, column in found.twice:
            self.unexpected(n, "each attribute once", key, column=column)
        for key, value in found.values.items():
            kind = _OBJECTIVE_ATTRS.get(key)
            if kind is None:
                self.unknown_attribute(n, key, value.column)
                continue
            try:
                read = _read_value(kind, value)
            except ValueError:
                self.unexpected(n, _EXPECTED[kind], value.text, key, column=value.column)
                continue
            name = _META_KEYS.get(key, key)
            self.once(obj.meta, name, n, read, where="per objective", column=value.column)

    def unknown_attribute(self, n: int, key: str, column: int) -> None:
        if self.options.unknown == "error":
            message = f"unknown attribute {key!r}"
            if key in ("key_results", "status", "notes"):
                message += (
                    " (an initiative's: initiatives go under a heading with the class"
                    " .initiatives, '## Initiatives {.initiatives}')"
                )
            self.problems.append(_problem(n, message, column=column))
        elif self.options.unknown == "warn":
            self.unknown.append(f"line {n}: {key}")

    def unexpected(
        self, n: int, expected: str, value: object, key: str = "", column: int | None = None
    ) -> None:
        """Report line *n*'s *value* (for *key*, if given), which is not what was *expected*."""
        message = f"expected {expected}, got {safe_repr(value)}"
        if key:
            message = f"{key}: {message}"
        self.problems.append(_problem(n, message, value=value, expected=expected, column=column))

    def once(
        self,
        given: dict[str, tuple[int, Any, int]],
        key: str,
        n: int,
        value: Any,
        *,
        where: str,
        column: int,
    ) -> None:
        """Keep line *n*'s *value* for *key* in *given*, unless an earlier line gave one."""
        if key in given:
            self.unexpected(n, f"once {where} (first on line {given[key][0]})", value, key)
        else:
            given[key] = (n, value, column)

    def setting(
        self, given: dict[str, tuple[int, Any, int]], key: str, parse: Any, fallback: Any
    ) -> Any:
        """The setting *key* read with *parse* from *given* lines, else *fallback*."""
        if key not in given:
            return fallback
        n, value, _ = given[key]
        if type(value) is not str:  # from an attribute block, read already
            return value
        try:
            return parse(value)
        except (ValueError, OKRError):
            self.unexpected(n, parse.__doc__, value, key)
            return fallback

    def fiscal(
        self, given: dict[str, tuple[int, Any, int]], fallback: tuple[int, FiscalYearNaming]
    ) -> tuple[int, FiscalYearNaming]:
        """The fiscal settings the *given* lines make of the *fallback* ones."""
        start, naming = (
            self.setting(given, key, parse, default)
            for (key, parse), default in zip(_FISCAL_KEYS.items(), fallback, strict=True)
        )
        return start, naming

    def at(self, path: str, n: int, column: int) -> None:
        if self.positions is not None:
            self.positions[path] = (n, column)

    def build(self, found: list[_Objective]) -> Plan:
        def as_of(value: str) -> date:
            """an ISO 8601 date such as 2026-08-01"""
            return date.fromisoformat(value)

        fiscal = self.fiscal(self.defaults, (1, "end"))
        self.fiscal_defaults = fiscal
        self.cycle: Cycle | None = None
        if "cycle" in self.defaults:
            n, value, _ = self.defaults["cycle"]
            self.cycle = self.parse_cycle(n, value, fiscal)
        # Only the cycle and the fiscal settings are document defaults; the rest belong to one
        # objective, and read before any would be lost.
        misplaced = [
            (n, key, value)
            for key, (n, value, _) in self.defaults.items()
            if key in ("owner", "commitment", "level", "aligned to", "id", "weight")
        ]
        for n, key, value in sorted(misplaced):
            self.unexpected(n, f"{key!r} under an objective", value)
        for obj in reversed(found):  # children first: a section's own children are known
            # A heading with nothing of its own above objectives is a section title; so is a
            # page's title with its owner above sub-headings that each say they are an
            # objective, or are such section titles themselves ("# Platform OKRs", "Owner:
            # @dana", "## O1: ..."), which it does not.
            own = obj.meta.keys() - {"cycle", *_FISCAL_KEYS}
            obj.section = bool(
                obj.children
                and not obj.explicit
                and not obj.key_results
                and (not own or (own == {"owner"} and obj.said_children == obj.children))
                and obj.parent_kr is None
            )
            if obj.section and obj.parent is not None and not obj.explicit:
                obj.parent.said_children += 1  # a section says what is under it
        for obj in found:
            owner = obj.parent.meta.get("owner") if obj.parent and obj.parent.section else None
            if owner is not None and "owner" not in obj.meta:
                obj.meta["owner"] = owner  # the page's owner, unless it names its own
            # Fiscal settings hold for what is nested under them, as a cycle does; parents
            # come before their children in *found*.
            obj.fiscal = self.fiscal(obj.meta, fiscal if obj.parent is None else obj.parent.fiscal)
        # 'As of:' dates the whole document, so under an objective it would date what is
        # above it too: it belongs before the first objective (a section title is not one).
        for n, value, before in self.as_of_lines:
            if all(obj.section for obj in found[:before]):
                self.once(
                    self.defaults, "as of", n, value, where="before the first objective", column=1
                )
            else:
                expected = "'as of' before the first objective, as it dates the whole document"
                self.unexpected(n, expected, value)
        self.as_of: date | None = self.setting(self.defaults, "as of", as_of, None)
        result: list[Objective | None] = []
        for obj in found:
            if obj.section:
                obj.cycle = obj.parent.cycle if obj.parent is not None else self.cycle
                if "cycle" in obj.meta:
                    n, value, _ = obj.meta["cycle"]
                    obj.cycle = self.parse_cycle(n, value, obj.fiscal)
            else:
                result.append(self.objective(obj, f"objectives[{len(result)}]"))
        kpis = [self.kpi(item, f"kpis[{i}]") for i, item in enumerate(self.kpi_items)]
        history = [self.past(item, fiscal) for item in self.past_items]
        initiatives = [
            self.initiative(item, f"initiatives[{i}]")
            for i, item in enumerate(self.initiative_items)
        ]
        if not found:
            got = "an empty document" if self.blank else "none"
            expected = "an objective (a heading or an 'Objective:' line)"
            self.problems.append(
                Problem(
                    path="document", message=f"expected {expected}, got {got}", expected=expected
                )
            )
        if self.problems:
            raise FormatError(self.problems)
        if self.unknown:
            warnings.warn(
                "unknown attributes ignored: " + ", ".join(self.unknown), OKRWarning, stacklevel=4
            )
        return Plan(
            objectives=[o for o in result if o is not None],
            kpis=[k for k in kpis if k is not None],
            history=[h for h in history if h is not None],
            initiatives=[i for i in initiatives if i is not None],
        )

    def claim(self, id: str, n: int, column: int) -> None:
        first = self.ids.claim(id, n)
        if first is not None:
            message = f"duplicate id {id!r}, also at line {first}"
            self.problems.append(_problem(n, message, value=id, column=column))

    def parse_cycle(self, n: int, value: Any, fiscal: tuple[int, FiscalYearNaming]) -> Cycle | None:
        if isinstance(value, str):
            value = written_label(value) or value  # "Cycle: FY27 Q1", as in a heading
        try:
            return Cycle.parse(value, fiscal_year_start=fiscal[0], fiscal_year_named_by=fiscal[1])
        except CycleError as error:
            self.unexpected(n, error.expected, value, "cycle")
            return None

    def model(
        self, build: Callable[[], Any], n: int, columns: dict[str, int], what: str = ""
    ) -> Any:
        """The value *build* makes; None, with a problem naming the field, if it refuses."""
        try:
            return build()
        except (InvalidValueError, InvalidTypeError) as error:
            name = error.path.split("[")[0].split(".")[0]
            message = f"{what}{error.path}: expected {error.expected}, got {safe_repr(error.value)}"
            self.problems.append(
                _problem(
                    n,
                    message,
                    value=error.value,
                    expected=error.expected,
                    column=columns.get(name),
                )
            )
            return None

    def objective(self, obj: _Objective, path: str) -> Objective | None:
        parent = obj.parent
        while parent is not None and parent.section:
            parent = parent.parent
        fields: dict[str, object] = {"title": obj.title}
        lines: dict[str, int] = {"title": obj.line}
        columns: dict[str, int] = {"title": obj.column}
        self.at(path, obj.line, obj.column)
        self.at(f"{path}.title", obj.line, obj.column)
        if parent is not None:
            fields["aligned_to"] = parent.id if obj.parent_kr is None else _kr_id(obj.parent_kr)
        if obj.description:
            text = ""
            for i, (piece, hard) in enumerate(obj.description):
                last = i == len(obj.description) - 1
                text += piece + ("\n" if hard else "" if last else " ")
            fields["description"] = text
        # The cycle of what it is nested under (a section's, or an objective's), else the
        # document's.
        cycle = self.cycle
        if obj.parent is not None:
            cycle = obj.parent.cycle
        for key, (n, value, column) in obj.meta.items():
            name = key.replace(" ", "_")
            lines[name] = n
            columns[name] = column
            self.at(f"{path}.{name}", n, column)
            if key in _FISCAL_KEYS:
                continue  # read into obj.fiscal
            if key == "id":
                self.claim(str(value), n, column)
            if key == "cycle":
                cycle = self.parse_cycle(n, value, obj.fiscal)
            elif key == "weight" and type(value) is str:
                try:
                    fields["weight"] = _number(value, quoted=False)
                except ValueError:
                    self.unexpected(n, "a number", value, "weight")
            else:
                fields[name] = value.lower() if key == "commitment" else value
        fields["cycle"] = obj.cycle = cycle
        krs = []
        for j, item in enumerate(obj.key_results):
            kr = self.key_result(item, cycle, f"{path}.key_results[{j}]")
            if kr is not None:
                krs.append(kr)
        try:
            return Objective(**fields, key_results=krs)  # type: ignore[arg-type]
        except (InvalidValueError, InvalidTypeError) as error:
            # Only fields a line gives are set here (no lists): the error names one of them.
            n = lines.get(error.path, obj.line)
            message = f"{error.path}: expected {error.expected}, got {safe_repr(error.value)}"
            self.problems.append(
                _problem(
                    n,
                    message,
                    value=error.value,
                    expected=error.expected,
                    column=columns.get(error.path),
                )
            )
            return None

    def read_attrs(
        self, item: _Item, table: dict[str, str], path: str
    ) -> tuple[dict[str, object], dict[str, int]]:
        """The fields an item's attribute block gives, read by *table*, and their columns."""
        fields: dict[str, object] = {}
        columns: dict[str, int] = {}
        if item.block is None:
            return fields, columns
        for key, value in item.block.values.items():
            kind = table.get(key)
            if kind is None:
                self.unknown_attribute(item.n, key, value.column)
                continue
            try:
                fields[key] = _read_value(kind, value)
            except ValueError:
                self.unexpected(item.n, _EXPECTED[kind], value.text, key, column=value.column)
                continue
            columns[key] = value.column
            if path:  # a check-in's are placed once its place in time order is known
                self.at(f"{path}.{key}", item.n, value.column)
        if "id" in fields:
            self.claim(str(fields["id"]), item.n, columns["id"])
        return fields, columns

    def key_result(self, item: _Item, cycle: Cycle | None, path: str) -> KeyResult | None:
        self.at(path, item.n, item.column)
        self.at(f"{path}.title", item.n, item.column)
        statement, note = _item_statement(item.text, item.masked, 0, len(item.text), item.block)
        if item.block is None or not (
            _SETTLED.intersection(item.block.values) or "title" in item.block.classes
        ):
            question = _arrow_question(item.text, item.masked, 0, len(item.text))
            if question is not None:
                self.problems.append(_problem(item.n, question, column=item.column))
                return None
        note_n = item.n
        if note is None and item.note is not None:
            note, note_n = item.note, item.note_n  # a 'Status:' line under its heading
        title = _unescape(statement)
        fields, columns = self.read_attrs(item, _KR_ATTRS, path)
        if not title.strip():
            self.unexpected(item.n, "a key result statement", note[0] if note else item.text)
            return None
        # What the attributes say must agree with a statement that reads (unless the class
        # .title says the line is only a title): a person who edits the statement is told
        # that its attributes still say otherwise, rather than see the edit ignored.
        # A box before a measurable statement is a to-do marker, as Notion writes one: the
        # statement is read as usual, and [x] means done, at its target.
        box = item.box
        if box is not None and "direction" not in fields and _measurable(_reading(title, None)):
            box = None
        if box is None and (item.block is None or "title" not in item.block.classes):
            conflict = _conflict(fields, _reading(title, None))
            if conflict is not None:
                key, said = conflict
                given = item.block.values[key] if item.block else None
                shown = given.text if given else fields[key]
                message = (
                    f"the statement says {key} {said}, its attributes {key}={shown}: change one"
                )
                column = given.column if given else item.column
                self.problems.append(_problem(item.n, message, value=shown, column=column))
                return None
        # With a direction, the statement is not read at all.
        if "direction" in fields:
            if _comparable("direction", fields["direction"]) is None:
                fields["direction"] = None  # "none", in any case
            fields = {**fields}
        else:
            fields = {**_in_unit(_reading(title, box), fields.get("unit")), **fields}
        fields["title"] = title
        # The key result is built once, with its check-ins, which are read against the
        # fields as it will hold them; if it is refused, its problem is the one reported.
        mark = len(self.problems)
        measure = _Measure.of(fields)
        check_ins = [self.check_in(c, measure, path) for c in item.check_ins]
        if note is not None:
            dated = [c.at for c in check_ins if c is not None]
            latest = (
                max(d.date() if isinstance(d, datetime) else d for d in dated) if dated else None
            )
            made, milestone = self.note(note_n, note, measure, cycle, latest)
            check_ins.append(made)
            if milestone:  # checked as written first: a milestone drops its start and target
                if self.model(lambda: KeyResult(**fields), item.n, columns) is None:  # type: ignore[arg-type]
                    del self.problems[mark:-1]
                    return None
                fields.update(direction=Direction.MILESTONE, start=None, target=None)
        elif item.box in ("x", "X") and not item.check_ins:
            at, target = self.date(cycle), measure.target
            check_ins.append(self.model(lambda: CheckIn(at=at, value=target), item.n, {}))
        sources = [(c.n, c.column) for c in item.check_ins]
        sources.append((note_n, note[1]) if note is not None else (item.n, item.column))
        # A box or a DONE makes a milestone, done or not: a value outside that is an error,
        # unless the attributes say direction=milestone.
        explicit = item.block is not None and "direction" in item.block.values
        outside = None if explicit else _outside(_Measure.of(fields), check_ins)
        if outside is not None:
            index, low, high = outside
            n, column = sources[index]
            expected = f"a milestone's progress from {low} (not done) to {high} (done)"
            self.unexpected(n, expected, check_ins[index].value, column=column)  # type: ignore[union-attr]
            return None
        done = [c for c in check_ins if c is not None]
        kr: KeyResult | None = self.model(
            lambda: KeyResult(**fields, check_ins=done),  # type: ignore[arg-type]
            item.n,
            columns,
        )
        if kr is None:
            del self.problems[mark:-1]
            return None
        if len(done) != len(check_ins):
            return None
        self.check_ins_at(path, kr.check_ins, done, item.check_ins)
        return kr

    def check_ins_at(
        self, path: str, held: tuple[CheckIn, ...], made: list[CheckIn], lines: list[_Item]
    ) -> None:
        """Record where each check-in of *lines* is, by its place in time order."""
        if self.positions is None:
            return
        order = {id(c): i for i, c in enumerate(held)}
        for c, line in zip(made, lines, strict=False):
            where = f"{path}.check_ins[{order[id(c)]}]"
            self.at(where, line.n, line.column)
            for key, value in line.block.values.items() if line.block else ():
                self.at(f"{where}.{key}", line.n, value.column)

    def check_in(self, item: _Item, owner: _Measure, path: str) -> CheckIn | None:
        """The check-in of an item under a key result or KPI: ``2026-08-01: 4.6 — note``."""
        match = _check_in_line(item.masked, 0)
        if match is None:
            # "2026-06-05:  {confidence=0.7}": a date and attributes, and no value between.
            self.unexpected(item.n, "a value after the date", item.text.strip(), column=item.column)
            return None
        try:
            at = _when(match["at"])
        except ValueError:
            self.unexpected(item.n, "a real date and time", match["at"], column=item.column)
            return None
        fields, _ = self.read_attrs(item, _CHECK_IN_ATTRS, "")
        text, masked = item.text[match.end() :], item.masked[match.end() :]
        read = self.quantity(item.n, text, masked, owner, item.column + match.end())
        if read is None:
            return None
        value, end = read
        if _RUN_ON.match(masked, end):
            # The value goes on in a way it cannot be read ("R$ 1,5 M", "€ 1.234,56", "72L"):
            # an error, not a value with the rest of it for a note.
            shown = text.strip()[:40]
            expected = "a check-in value such as 4.6, $219k, 140ms or 66%"
            self.unexpected(item.n, expected, shown, column=item.column + match.end())
            return None
        note = _note_after(text, masked, end)
        if note is not None:
            fields.setdefault("note", note)
        return self.model(  # type: ignore[no-any-return]
            lambda: CheckIn(at=at, value=value, **fields),  # type: ignore[arg-type]
            item.n,
            {},
            "check-in ",
        )

    def quantity(
        self, n: int, text: str, masked: str, owner: _Measure, column: int
    ) -> tuple[Any, int] | None:
        """The number at the start of *masked*, as people write it, in *owner*'s unit, and
        where it ends; None, with a problem, if it cannot be read.
        """
        from okrkit.text import canonical_unit, convert_unit

        m = _QUANTITY.match(masked)
        if m is not None and m["num"] and len(m["num"]) > 400:
            expected = "a progress value a float can hold"
            shown = m["num"][:20]
            self.problems.append(
                _problem(
                    n,
                    f"expected {expected}, got {shown!r}...",
                    value=m["num"],
                    expected=expected,
                    column=column,
                )
            )
            return None
        if m is not None and m["decimal"]:
            return Decimal(m["decimal"]), m.end()
        # The number as a statement's is read ("940 000 €", "CHF 2.9 Mio.", "₹95 lakh",
        # "2,1 %": as teams write them the world over), after any "~"; then a unit of its own.
        number = _number_at(masked, 0, len(masked))
        if number is None:
            expected = "a number such as 4.6, $219k, 140ms or 66%"
            shown = text.strip()[:40]
            self.problems.append(
                _problem(
                    n,
                    f"expected {expected}, got {shown!r}",
                    value=shown,
                    expected=expected,
                    column=column,
                )
            )
            return None
        at, exact, theirs, end = number
        written = masked[at:end]
        mine = owner.unit
        word = _UNIT_AFTER.match(masked, end)
        if word is not None and theirs is None:
            unit = word["unit"]
            theirs = "%" if unit == "%" else canonical_unit(unit)
            if theirs is None and mine is not None and unit.lower() == mine.lower():
                theirs = mine
            if theirs is not None:  # else not a unit: the first word of what follows
                end = _past_full_stop(masked, word.end(), len(masked))
        theirs = None if theirs is None else canonical_unit(theirs) or theirs
        if theirs == "%" and _PERCENT.search(written) is None:
            theirs = "points"  # "5pp": percentage points, no share of the way to the target
        # An integer as written stays one ("1.200.000", "€940 000"); "2.0", "5." and "1e3"
        # are floats, as they were written.
        exponent = exact.as_tuple().exponent
        whole = (
            isinstance(exponent, int)
            and exponent >= 0
            and not written.rstrip().endswith(".")
            and _E_NOTATION.search(written) is None
        )
        if theirs is not None and theirs != "%" and mine is not None:
            mine = canonical_unit(mine) or mine
            if theirs != mine:
                # Another unit of the key result's kind: "=> 90 s" of a key result in min,
                # "=> 450 TEUR" of one in €.
                factor = convert_unit(1, theirs, mine)
                if factor is None and _may_be(theirs, mine):
                    factor = 1.0  # "=> ¥2M" of a key result in CNY, "=> 10,5 Mkr" in SEK
                if factor is None:
                    shown = text[:end].strip()
                    expected = f"a value in {owner.unit!r}"
                    message = f"expected {expected}, got {shown!r}"
                    self.problems.append(
                        _problem(n, message, value=shown, expected=expected, column=column)
                    )
                    return None
                exact = _converted(exact, factor, convert_unit(1, mine, theirs))
        value: Any = int(exact) if whole and exact == exact.to_integral_value() else float(exact)
        if theirs == "%" and owner.unit != "%":
            # Of the way from start to target, as a progress bar shows it.
            start, target = owner.start, owner.target
            if isinstance(start, int | float | Decimal) and isinstance(
                target, int | float | Decimal
            ):
                value = float(start) + float(exact) / 100 * (float(target) - float(start))
        return value, end

    def note(
        self,
        n: int,
        note: tuple[str, int],
        kr: _Measure,
        cycle: Cycle | None,
        latest: date | None = None,
    ) -> tuple[CheckIn | None, bool]:
        """The check-in a progress note on line *n* makes, and whether it makes the
        key result a milestone (done, with no target to be done at).

        An undated note beside dated check-ins (the *latest* on that day) with no `As of:`
        line is an error: dated today, it would outrank them, though it may be older.
        """
        text, column = note
        masked = _mask(text)
        expected = (
            "a progress note such as '=> 4.6', '=> 66%' or '=> DONE' (optionally 'on 2026-08-01')"
        )
        at: date | None = None
        end = len(masked)
        when = _trailing_date(masked, 0, end)
        if when is not None:
            try:
                at = date.fromisoformat(when["at"])
            except ValueError:
                self.unexpected(n, "a real date", when["at"], column=column)
                return None, False
            end = when.start()
        milestone = False
        if text == "done" or _DONE_WORD.fullmatch(masked, 0, end):
            if kr.direction is None or kr.target is None or isinstance(kr.target, tuple):
                milestone = True
                kr = _Measure.of({"direction": Direction.MILESTONE})
            value: Any = kr.target
        elif _number_end(masked, 0, end) is None:
            self.unexpected(n, expected, text, column=column)
            return None, False
        else:
            read = self.quantity(n, text[:end], masked[:end], kr, column)
            if read is None:
                return None, False
            value, stop = read
            if masked[stop:end].strip():
                self.unexpected(n, expected, text, column=column)
                return None, False
        if at is None and self.as_of is None and latest is not None:
            expected = (
                f"a date on a progress note beside dated check-ins (the latest on {latest}),"
                f" as '{text} on {_today()}', or the note dropped"
            )
            self.unexpected(n, expected, text, column=column)
            return None, False
        when_at = at if at is not None else self.date(cycle)
        made = self.model(lambda: CheckIn(at=when_at, value=value), n, {}, "progress ")
        return made, milestone

    def date(self, cycle: Cycle | None) -> date:
        """The date of an undated check-in: the `As of:` date, else the end of its cycle or
        today, whichever is earlier.
        """
        if self.as_of is not None:
            return self.as_of
        today = _today()
        return today if cycle is None else min(cycle.end, today)

    def kpi(self, item: _Item, path: str) -> Kpi | None:
        self.at(path, item.n, item.column)
        self.at(f"{path}.title", item.n, item.column)
        fields, columns = self.read_attrs(item, _KPI_ATTRS, path)
        title = _unescape(item.text.strip())
        missing = [key for key in ("direction", "threshold") if key not in fields]
        if missing:
            expected = "a KPI's direction and threshold: {direction=at_least threshold=99.9}"
            self.unexpected(item.n, expected, item.text.strip(), column=item.column)
            return None
        kpi: Kpi | None = self.model(
            lambda: Kpi(title=title, **fields),  # type: ignore[arg-type]
            item.n,
            columns,
        )
        if kpi is None:
            return None
        check_ins = [self.check_in(c, _Measure(unit=kpi.unit), path) for c in item.check_ins]
        done = [c for c in check_ins if c is not None]
        if len(done) != len(check_ins):
            return None
        if done:
            kpi = attrs.evolve(kpi, check_ins=done)
            self.check_ins_at(path, kpi.check_ins, done, item.check_ins)
        return kpi

    @property
    def sections(self) -> dict[str, list[_Item]]:
        """The items of each section that holds no objectives, by its heading's class."""
        return {
            "kpis": self.kpi_items,
            "history": self.past_items,
            "initiatives": self.initiative_items,
        }

    def initiative(self, item: _Item, path: str) -> Initiative | None:
        """An initiative: ``- Launch win-back emails {key_results=churn status=done}``."""
        self.at(path, item.n, item.column)
        self.at(f"{path}.title", item.n, item.column)
        fields, columns = self.read_attrs(item, _INITIATIVE_ATTRS, path)
        title = _unescape(item.text.strip())
        if item.check_ins:
            first = item.check_ins[0]
            message = (
                "an initiative has no check-ins: it is done or not (status=done); record"
                " the numbers on the key results it moves"
            )
            self.problems.append(_problem(first.n, message, column=first.column))
            return None
        if item.box is not None and "status" not in fields:
            # A to-do box, as Notion and GitHub write one: [x] is done.
            fields["status"] = "planned" if item.box == " " else "done"
        return self.model(  # type: ignore[no-any-return]
            lambda: Initiative(title=title, **fields),  # type: ignore[arg-type]
            item.n,
            columns,
        )

    def past(self, item: _Item, fiscal: tuple[int, FiscalYearNaming]) -> PastScore | None:
        """A past score: ``2026-Q2 growth: 0.62 {objective=retain}``."""
        masked, text = item.masked, item.text
        colon = masked.rfind(":")
        space = masked.find(" ")
        if colon < 0 or space < 0 or space > colon:
            expected = "a past score such as '2026-Q2 growth: 0.62'"
            self.unexpected(item.n, expected, text.strip(), column=item.column)
            return None
        fields, columns = self.read_attrs(item, _PAST_ATTRS, "")
        fiscal = (
            fields.pop("fiscal_year_start", fiscal[0]),  # type: ignore[assignment]
            fields.pop("fiscal_year_named_by", fiscal[1]),
        )
        cycle = self.parse_cycle(item.n, text[:space], fiscal)
        owner = _unescape(text[space + 1 : colon].strip())
        score_text = masked[colon + 1 :].strip()
        quoted = score_text.startswith('"') and score_text.endswith('"') and len(score_text) > 1
        try:
            score = _number(score_text[1:-1] if quoted else score_text, quoted)
        except ValueError:
            self.unexpected(item.n, "a score", score_text, column=item.column)
            return None
        if cycle is None:
            return None
        return self.model(  # type: ignore[no-any-return]
            lambda: PastScore(owner=owner, cycle=cycle, score=score, **fields),  # type: ignore[arg-type]
            item.n,
            columns,
        )


@attrs.frozen
class _Measure:
    """What a check-in's value is read against: the unit, and the start and target that a
    percentage is of the way between (none for a KPI).
    """

    unit: str | None
    direction: Direction | None = None
    start: Any = None
    target: Any = None

    @classmethod
    def of(cls, fields: dict[str, Any]) -> _Measure:
        """The measure of a key result made of *fields*, as `KeyResult` will hold them."""
        direction = fields.get("direction")
        if type(direction) is str:
            with contextlib.suppress(ValueError):  # else KeyResult refuses it, by its column
                direction = Direction(direction)
        start, target = fields.get("start"), fields.get("target")
        if direction is Direction.MILESTONE:  # done (1) or not (0) unless told otherwise
            start = 0 if start is None else start
            target = 1 if target is None else target
        return cls(unit=fields.get("unit"), direction=direction, start=start, target=target)


def _may_be(note: str, unit: str) -> bool:
    """Whether a note's currency *note* may be a key result's *unit*: a sign several
    currencies write for one of theirs ("¥" for CNY, "kr" for SEK), or a code for the crown
    "kr" (not for "$", which is the US dollar's as okrkit writes it)."""
    return unit in SHARED_SIGNS.get(note, ()) or (
        unit not in SIGN_UNITS and note in SHARED_SIGNS.get(unit, ())
    )


def _comparable(key: str, value: object) -> object:
    """*value* of field *key* as compared by value: ``22`` and ``22.0`` agree."""
    if key == "direction":
        if isinstance(value, str):
            value = value.strip().lower()  # as the model takes it: "INCREASE" is increase
        if value is None or value == "none":
            return None
        try:
            return Direction(value)
        except ValueError:
            return value
    if isinstance(value, tuple):
        return tuple(_comparable(key, v) for v in value)
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        with contextlib.suppress(ArithmeticError, ValueError):
            return Decimal(str(value)).normalize()
    return value


def _said(key: str, value: object) -> str:
    """A value the statement says, as a person would write it."""
    if isinstance(value, Direction):
        return value.value
    if isinstance(value, tuple):
        return "..".join(_said(key, v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _conflict(given: dict[str, Any], shape: dict[str, object]) -> tuple[str, str] | None:
    """The first of *given*'s direction, start, target and unit that a measurable statement
    (*shape*, with a target and a direction other than milestone) says otherwise, with what
    it says; None if they agree by value, the statement is not measurable, or *given* says
    there is no direction.
    """
    if not _measurable(shape):
        return None
    if "direction" in given and not isinstance(
        _comparable("direction", given["direction"]), Direction
    ):
        # 'direction=none' says the statement is no measure, whatever it reads; a direction
        # that is none of them ("upward") is refused as such when the key result is made
        return None
    # Attributes in another unit of the statement's kind hold its numbers in their unit ("400
    # TEUR" as start=400 unit=TEUR, "800 ms" as start=0.8 unit=s), but for a float's rounding.
    factor = _factor(shape.get("unit"), given.get("unit"))
    for key in ("direction", "start", "target", "unit"):
        said = shape.get(key)
        if key not in given or said is None or (key == "unit" and factor is not None):
            continue
        if factor is not None and key in ("start", "target"):
            if not _near(said, factor, given[key]):
                return key, f"{_said(key, said)} {shape.get('unit')}"
        elif _comparable(key, given[key]) != _comparable(key, said):
            return key, _said(key, said)
    return None


def _factor(said: object, given: object) -> float | None:
    """What one of the statement's unit *said* is in the attributes' unit *given*, where they
    are written differently and convert (`okrkit.text.convert_unit`: 1 for one unit spelled
    two ways, "PLN" and "zł"); else None."""
    if not (isinstance(said, str) and isinstance(given, str)) or said == given:
        return None
    from okrkit.text import canonical_unit, convert_unit

    mine = canonical_unit(said)
    if mine is not None and mine == canonical_unit(given):
        return 1.0
    return convert_unit(1.0, said, given)


def _in_unit(read: dict[str, object], unit: object) -> dict[str, object]:
    """A statement's fields *read*, with its start and target in the attributes' *unit* when
    that is another of its kind ("from 5 Mkr to 8 Mkr {unit=Mkr}": 5 and 8)."""
    factor = _factor(read.get("unit"), unit)
    if factor is None or factor == 1:
        return read
    inverse = _factor(unit, read.get("unit"))

    def converted(x: object) -> object:
        if isinstance(x, tuple):
            return tuple(converted(v) for v in x)
        if not isinstance(x, int | float) or isinstance(x, bool):
            return x
        value = _converted(Decimal(repr(x)), factor, inverse)
        return int(value) if value == value.to_integral_value() else float(value)

    return {**read, "start": converted(read.get("start")), "target": converted(read.get("target"))}


def _converted(x: Decimal, factor: float, inverse: float | None) -> Decimal:
    """*x* in a unit that one of its own is *factor* of (and that is *inverse* of one of it):
    by the larger unit's size, exactly ("100 min" in h is 100 / 60, not 100 times 1/60)."""
    if inverse is not None and inverse > 1:
        return x / Decimal(repr(inverse))
    return x * Decimal(repr(factor))


def _near(said: object, factor: float, given: object) -> bool:
    """Whether the statement's number (or band) *said*, times *factor*, is *given* (but for a
    float's rounding)."""
    if isinstance(said, tuple) and isinstance(given, tuple) and len(said) == len(given):
        return all(_near(a, factor, b) for a, b in zip(said, given, strict=True))
    if not all(isinstance(x, int | float | Decimal) for x in (said, given)):
        return False
    return math.isclose(float(said) * factor, float(given), rel_tol=1e-9)  # type: ignore[arg-type]


def _outside(measure: _Measure, check_ins: Iterable[CheckIn | None]) -> tuple[int, Any, Any] | None:
    """The first check-in of a milestone *measure* whose value is not from its start to its
    target (0 and 1: not done, done), with those bounds; None if all are, or not a milestone.
    """
    start, target = measure.start, measure.target
    if measure.direction is not Direction.MILESTONE:
        return None
    if not all(isinstance(x, int | float | Decimal) for x in (start, target)):
        return None
    low, high = sorted((start, target))
    for i, c in enumerate(check_ins):
        value = None if c is None else c.value
        if isinstance(value, int | float | Decimal) and not low <= value <= high:
            return i, low, high
    return None


def _measurable(shape: dict[str, object]) -> bool:
    """Whether a statement's *shape* is a measure: a target, and a direction not milestone."""
    return shape.get("target") is not None and shape.get("direction") not in (
        None,
        Direction.MILESTONE,
    )


def _reading(title: str, box: str | None) -> dict[str, object]:
    """The direction, start, target and unit a key result's statement (and box) say."""
    if box is not None:
        return {"direction": Direction.MILESTONE}
    from okrkit import text as statements

    parsed = statements.parse_key_result(title)
    try:
        kr = statements.to_key_result(parsed)
    except (OKRError, ArithmeticError):  # the statement makes no key result
        return {}
    # A start against the target: the numbers are not used (as `to_key_result` drops the
    # start, which would leave a level read as a change).  A change with no baseline keeps
    # its direction and unit, and no target, as `to_key_result` makes it: the rules flag
    # it (OKR204), as they do the same statement imported any other way.
    if (
        parsed.measurable
        and parsed.value is not None
        and parsed.start is not None
        and kr.start is None
    ):
        return {}
    return {"direction": kr.direction, "start": kr.start, "target": kr.target, "unit": kr.unit}


# A line's opening marks: a heading's, a list item's (with a to-do box), a quote's.
_OPENING = re.compile(
    r"[ \t]*(?:>[ \t]*)*(?:#{1,6}[ \t]+|(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?"
)


# What in a heading's or an item's attribute block only OKRs hold (``{#id}`` alone, as
# documentation sites write, says nothing).
_OKR_KEYS = frozenset(("direction", "start", "target", "owner", "cycle", "commitment", "level"))
_SECTIONS = ("kpis", "history", "initiatives")
"""The classes of a heading whose section holds no objectives, but these parts of a plan."""
_OKR_CLASSES = frozenset(_SECTIONS)


def says_okrs(text: str) -> bool:
    """Whether the Markdown *text* says it holds OKRs: a line opens with an objective's or a
    key result's label (``Objective:``, ``O1:``, ``OKR 2 -``, ``KR1:``, ``Key result:``),
    after a heading's or a list item's marks, or ends with an attribute block that gives an
    OKR's field (``{#arr direction=increase target=10}``) or class, as okrkit writes them.
    Code blocks (fenced or indented) are examples, not the page's own: they say nothing."""
    fence = ""
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if fence:  # inside a fenced code block: an example, not the page's own OKRs
            if stripped.startswith(fence):
                fence = ""
            continue
        if stripped.startswith(("```", "~~~")) and len(line) - len(stripped) < 4:
            fence = stripped[:3]
            continue
        if line.startswith(("    ", "\t")) and not _ITEM.match(line):
            continue  # indented code
        masked = _mask(line)
        opening = _OPENING.match(masked)
        at = opening.end() if opening else 0
        if _OBJECTIVE.match(masked, at) or _KR_LABEL.match(masked, at):
            return True
        block = _attributes(line, masked, at, len(masked.rstrip()))[1]
        if block and (block.values.keys() & _OKR_KEYS or block.classes & _OKR_CLASSES):
            return True
    return False


def loads(text: str, options: Options) -> Plan:
    """The plan in a Markdown document."""
    return _Reader(options, None).read(text)


def locate(text: str, options: Options | None = None) -> dict[str, tuple[int, int]]:
    """Where each part of a Markdown document that loads is: its (line, column), both from 1.

    *options* are those the document was loaded with (its dates, say); unknown attributes are
    skipped without a word, as the load has already said what it had to about them.

    Keys are paths in the plan (``objectives[0].key_results[1].target``): every objective, key
    result, check-in and KPI, and each field given on a line of its own or in an attribute
    block.  The column is where the part's text starts.

    >>> where = locate("## Grow\\nOwner: growth\\n- Raise NPS from 30 to 40 {weight=2}\\n")
    >>> where["objectives[0].owner"], where["objectives[0].key_results[0].weight"]
    ((2, 1), (3, 28))
    """
    given = options or Options()
    quiet = attrs.evolve(given, unknown="ignore")
    positions: dict[str, tuple[int, int]] = {}
    _Reader(quiet, positions).read(text)
    return positions


# --- Writing ----------------------------------------------------------------------------------


def _same(a: object, b: object) -> bool:
    """Whether *a* and *b* are the same value of the same type (``5.0`` is not ``5``)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, tuple):
        other: tuple[object, ...] = b  # type: ignore[assignment]
        return len(a) == len(other) and all(map(_same, a, other))
    return repr(a) == repr(b)


def _number_text(x: object) -> str:
    if type(x) is Decimal:
        return f'"{x}"'
    return repr(x)


def _quoted(text: str) -> str:
    inner = re.sub(r'[\\"&{}<\[\]]', r"\\\g<0>", text)
    return '"' + _INVISIBLE.sub(lambda m: _ref(m[0]), inner) + '"'


def _text_value(text: str) -> str:
    return text if _BARE.fullmatch(text) and text != "none" else _quoted(text)


def _codes_value(codes: tuple[str, ...]) -> str:
    return ",".join(c if _BARE.fullmatch(c) else _quoted(c) for c in codes)


def _block(pairs: Iterable[tuple[str, str]]) -> str:
    """An attribute block of *pairs*, the id as ``#id`` when it can be; "" when empty."""
    parts = []
    for key, value in pairs:
        if key == ".":
            parts.append(f".{value}")
        elif key == "#":
            parts.append(f"#{value}" if _BARE_ID.fullmatch(value) else f"id={_quoted(value)}")
        else:
            parts.append(f"{key}={value}")
    return " {" + " ".join(parts) + "}" if parts else ""


def _written(
    path: str, text: str, write: Callable[[str], str], read: Callable[[str], object]
) -> str:
    """The line *write* makes of *text*, plain or escaped, that *read* gives back as *text*; a
    `FormatError` at *path* if none does.
    """
    for form in (_plain(text), _escape(text)):
        line = write(form)
        if len(f"{line}.".splitlines()) == 1 and read(line) == text:
            return line
    raise FormatError(
        [Problem.unexpected(path, text, "text that Markdown reads back as written")]
    )  # pragma: no cover - every text has an escaped form


def _detail(path: str, key: str, value: str) -> str:
    """The line ``Key: value``, if it reads back as that value; else a `FormatError`."""

    def read(line: str) -> str | None:
        masked = _mask(line)
        meta = _META.fullmatch(masked)
        return _unescape(line[slice(*meta.span("value"))].strip()) if meta else None

    return _written(path, value, f"{key}: ".__add__, read)


def _description_lines(path: str, text: str) -> list[str]:
    """A description as lines that read back as it: a line break is a final backslash."""
    pieces = text.split("\n")
    if pieces[-1] == "" and len(pieces) > 1:
        pieces.pop()
        breaks = [True] * len(pieces)
    else:
        breaks = [True] * (len(pieces) - 1) + [False]
    out = []
    for piece, hard in zip(pieces, breaks, strict=True):
        suffix = "\\" if hard else ""

        def write(form: str, suffix: str = suffix) -> str:
            line = form + suffix
            # Judged with its break too: "KR1\\" reads otherwise than "KR1".
            marked = _structural(form) or _structural(line) or not form.strip()
            if marked and _TO_ESCAPE.fullmatch(line[1:2]) and line[0] == "\\":
                # A backslash before an escape would pair with it in a renderer and leave
                # what it escapes raw (``\\\\<``): the escaped character as a reference.
                return _ref(line[1]) + line[2:]
            return f"\\{line}" if marked else line

        def read(line: str, hard: bool = hard) -> str | None:
            got, broke = _description(line)
            return got if broke == hard else None

        out.append(_written(path, piece, write, read))
    return out


def _kr_line(path: str, kr: KeyResult) -> list[str]:
    """A key result's list item, with its attribute block, and its check-ins under it."""
    box = ""
    if kr.direction is Direction.MILESTONE:
        done = bool(kr.check_ins) and kr.current >= kr.target  # type: ignore[operator]
        box = "[x] " if done else "[ ] "
    pairs: list[tuple[str, str]] = []
    if kr.id != slugify(kr.title):
        pairs.append(("#", kr.id))
    shape = _reading(kr.title, box[1:2] or None)
    mine = {"direction": kr.direction, "start": kr.start, "target": kr.target, "unit": kr.unit}
    if box:
        mine.pop("direction")
        shape = {"start": 0, "target": 1}
        # Said outright where the box alone would read otherwise: before a measurable
        # statement (a to-do marker), or with a value outside not done..done.
        measure = _Measure.of({"direction": Direction.MILESTONE, **mine})
        if _measurable(_reading(kr.title, None)) or _outside(measure, kr.check_ins):
            pairs.append(("direction", "milestone"))
    elif not all(_same(mine[k], shape.get(k)) for k in mine):
        direction = kr.direction
        pairs.append(("direction", "none" if direction is None else direction.value))
        shape = {}
    written = {
        key: value
        for key, value in mine.items()
        if (key == "direction" and not shape)
        or (value is not None and not _same(value, shape.get(key)))
    }
    if not box and _conflict(written, _reading(kr.title, None)) is not None:
        # The statement says otherwise: the line is only a title, its numbers not read.
        pairs.insert(1 if pairs and pairs[0][0] == "#" else 0, (".", "title"))
    for key in ("start", "target", "unit"):
        value = mine[key]
        if value is not None and not _same(value, shape.get(key)):
            if key == "unit":
                pairs.append((key, _text_value(value)))  # type: ignore[arg-type]
            elif type(value) is tuple:
                pairs.append((key, "..".join(map(_number_text, value))))
            else:
                pairs.append((key, _number_text(value)))
    if not (type(kr.weight) is int and kr.weight == 1):
        pairs.append(("weight", _number_text(kr.weight)))
    if kr.owner is not None:
        pairs.append(("owner", _text_value(kr.owner)))
    if kr.due is not None:
        pairs.append(("due", kr.due.isoformat()))
    if kr.indicator is not None:
        pairs.append(("indicator", kr.indicator.value))
    if kr.ignore:
        pairs.append(("ignore", _codes_value(kr.ignore)))
    if kr.carried_from is not None:
        pairs.append(("carried_from", _text_value(kr.carried_from)))
    block = _block(pairs)

    def read(line: str) -> str | None:
        masked = _mask(line)
        item = _item(line, masked)
        if item is None or (item[1] or "") != box[1:2]:
            return None
        start = item[2]
        end, found = _attributes(line, masked, start, len(line))
        if _OBJECTIVE.match(masked, *_unwrapped(masked, start, len(line))):  # as read() sees it
            return None
        if (found is None) != (not block) or _check_in_line(masked, start):
            return None
        statement, note = _item_statement(line, masked, start, end, found)
        return None if note else _unescape(statement)

    out = [_written(path, kr.title, lambda title: f"- {box}{title}{block}", read)]
    out += [
        _check_in_text(f"{path[: -len('.title')]}.check_ins[{i}]", c)
        for i, c in enumerate(kr.check_ins)
    ]
    return out


def _check_in_text(path: str, c: CheckIn) -> str:
    """A check-in as an item under its key result: ``  - 2026-08-01: 4.6 — note {...}``."""
    pairs = []
    if c.confidence is not None:
        pairs.append(("confidence", _number_text(c.confidence)))
    if c.author is not None:
        pairs.append(("author", _text_value(c.author)))
    head = f"  - {c.at.isoformat()}: {_number_text(c.value)}"
    note = c.note
    if note is not None and (not note.strip() or note != note.strip() or not _one_line(note)):
        pairs.append(("note", _quoted(note)))
        note = None
    block = _block(pairs)
    if note is None:
        return head + block

    def read(line: str) -> str | None:
        # The value ends where the head does: a space and a dash follow it, so no unit or
        # multiplier can run on into the note.
        masked = _mask(line)
        end, _ = _attributes(line, masked, 4, len(line))
        return _note_after(line[:end], masked[:end], len(head))

    return _written(path, note, lambda text: f"{head} — {text}{block}", read)


def check_in_line(check_in: CheckIn, indent: str) -> str:
    """*check_in* as the item line a key result holds it in, indented by *indent*."""
    return indent + _check_in_text("check_in", check_in).removeprefix("  ")


def is_check_in_line(line: str) -> bool:
    """Whether *line* is an item that reads as a check-in (``- 2026-08-01: 4.6``)."""
    masked = _mask(line)
    item = _item(line, masked)
    return item is not None and _check_in_line(masked, item[2]) is not None


def _one_line(text: str) -> bool:
    return len(f"{text}.".splitlines()) == 1


def _own_fiscal(cycle: Cycle, fiscal: tuple[int, FiscalYearNaming]) -> list[str]:
    """The lines an objective needs to read its fiscal *cycle* unlike the document's *fiscal*."""
    if not cycle.kind.startswith("fiscal_"):
        return []
    lines = []
    if cycle.fiscal_year_start != fiscal[0]:
        lines.append(f"Fiscal year start: {cycle.fiscal_year_start}")
    if cycle.fiscal_year_named_by != fiscal[1]:
        lines.append(f"Fiscal year named by: {cycle.fiscal_year_named_by}")
    return lines


def dumps(plan: Plan) -> str:
    """*plan* as Markdown: a heading per objective, its details, its key results as a list,
    then its KPIs and history; `loads` gives back an equal plan.

    A plan without objectives is refused with a `FormatError`: the reader refuses a document
    without objectives.
    """
    if not plan.objectives:
        expected = "an objective, since a Markdown document is read by its objectives"
        message = f"expected {expected}, got none"
        raise FormatError(
            [Problem(message=message, path="objectives", value=(), expected=expected)]
        )
    out: list[str] = []
    fiscal = fiscal_defaults(plan)
    if fiscal[0] != 1:
        out.append(f"Fiscal year start: {fiscal[0]}")
    if fiscal[1] != "end":
        out.append(f"Fiscal year named by: {fiscal[1]}")
    if out:
        out.append("")
    # The objectives on the current heading path, by depth.  An objective is nested under the
    # one it is aligned to when that one is on the path and has the same cycle, since a nested
    # objective without a cycle of its own takes its parent's when read.
    path: list[Objective] = []
    for n, obj in enumerate(plan.objectives):
        where = f"objectives[{n}]"
        depth = 0
        for i, parent in enumerate(path[:4]):
            if parent.id == obj.aligned_to and parent.cycle == obj.cycle:
                depth = i + 1
        del path[depth:]
        path.append(obj)
        pairs: list[tuple[str, str]] = []
        if obj.id != slugify(obj.title):
            pairs.append(("#", obj.id))
        if not (type(obj.weight) is int and obj.weight == 1):
            pairs.append(("weight", _number_text(obj.weight)))
        if obj.ignore:
            pairs.append(("ignore", _codes_value(obj.ignore)))
        if obj.description is not None and not obj.description:
            pairs.append(("description", '""'))
        details = []
        if obj.owner is not None:
            details.append(_detail(f"{where}.owner", "Owner", obj.owner))
        if obj.cycle is not None:
            details.append(f"Cycle: {obj.cycle}")
            details += _own_fiscal(obj.cycle, fiscal)
        if obj.commitment.value != "aspirational":
            details.append(f"Commitment: {obj.commitment.value}")
        if obj.level is not None:
            details.append(_detail(f"{where}.level", "Level", str(obj.level)))
        if obj.aligned_to is not None and depth == 0:
            details.append(_detail(f"{where}.aligned_to", "Aligned to", obj.aligned_to))
        # An objective with nothing but a cycle or an owner says so, not to be taken for a
        # section title.
        prefix = bool(
            not obj.key_results
            and not pairs
            and all(d.startswith(("Cycle:", "Fiscal", "Owner:")) for d in details)
        )
        start = f"{'#' * (depth + 2)} {'Objective: ' if prefix else ''}"
        block = _block(pairs)

        def read(
            line: str, prefix: bool = prefix, depth: int = depth, block: str = block
        ) -> str | None:
            heading = _heading(line)
            if _kr_heading(_mask(line)) is not None:
                return None  # it would read as a key result of the objective above
            if heading is None or (heading.level, heading.explicit) != (depth + 2, prefix):
                return None
            if heading.cycle is not None or (heading.block is None) != (not block):
                return None
            return heading.title

        def write(title: str, start: str = start, block: str = block) -> str:
            return f"{start}{title}{block}"

        out.append(_written(f"{where}.title", obj.title, write, read))
        out.append("")
        if details:
            out += [*details, ""]
        if obj.description:
            out += [*_description_lines(f"{where}.description", obj.description), ""]
        for j, kr in enumerate(obj.key_results):
            out += _kr_line(f"{where}.key_results[{j}].title", kr)
        if obj.key_results:
            out.append("")
    if plan.kpis:
        out += ["## KPIs {.kpis}", ""]
        for i, kpi in enumerate(plan.kpis):
            out += _kpi_lines(f"kpis[{i}]", kpi)
        out.append("")
    if plan.history:
        out += ["## History {.history}", ""]
        out += [_past_line(f"history[{i}]", p, fiscal) for i, p in enumerate(plan.history)]
        out.append("")
    if plan.initiatives:
        out += ["## Initiatives {.initiatives}", ""]
        for i, initiative in enumerate(plan.initiatives):
            out.append(_initiative_line(f"initiatives[{i}]", initiative))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _kpi_lines(path: str, kpi: Kpi) -> list[str]:
    pairs: list[tuple[str, str]] = []
    if kpi.id != slugify(kpi.title):
        pairs.append(("#", kpi.id))
    pairs.append(("direction", kpi.direction.value))
    threshold = kpi.threshold
    if type(threshold) is tuple:
        pairs.append(("threshold", "..".join(map(_number_text, threshold))))
    else:
        pairs.append(("threshold", _number_text(threshold)))
    if kpi.unit is not None:
        pairs.append(("unit", _text_value(kpi.unit)))
    if kpi.owner is not None:
        pairs.append(("owner", _text_value(kpi.owner)))
    if kpi.ignore:
        pairs.append(("ignore", _codes_value(kpi.ignore)))
    block = _block(pairs)

    out = [_written(f"{path}.title", kpi.title, lambda t: f"- {t}{block}", _item_title)]
    out += [_check_in_text(f"{path}.check_ins[{i}]", c) for i, c in enumerate(kpi.check_ins)]
    return out


def _initiative_line(path: str, initiative: Initiative) -> str:
    pairs: list[tuple[str, str]] = []
    if initiative.id != slugify(initiative.title):
        pairs.append(("#", initiative.id))
    if initiative.status is not InitiativeStatus.PLANNED:
        pairs.append(("status", initiative.status.value))
    if initiative.owner is not None:
        pairs.append(("owner", _text_value(initiative.owner)))
    if initiative.due is not None:
        pairs.append(("due", initiative.due.isoformat()))
    if initiative.key_results:
        pairs.append(("key_results", _codes_value(initiative.key_results)))
    if initiative.notes is not None:
        pairs.append(("notes", _quoted(initiative.notes)))
    if initiative.ignore:
        pairs.append(("ignore", _codes_value(initiative.ignore)))
    block = _block(pairs)

    return _written(f"{path}.title", initiative.title, lambda t: f"- {t}{block}", _item_title)


def _item_title(line: str) -> str | None:
    """The title a KPI's or an initiative's item line reads as (its box-less text, before
    its attribute block); None if the line is no such item."""
    masked = _mask(line)
    item = _item(line, masked)
    if item is None or item[1] is not None:
        return None
    end, _ = _attributes(line, masked, item[2], len(line))
    return _unescape(_statement(line, masked, item[2], end)[0])


def _past_line(path: str, past: PastScore, fiscal: tuple[int, FiscalYearNaming]) -> str:
    pairs: list[tuple[str, str]] = []
    if past.objective is not None:
        pairs.append(("objective", _text_value(past.objective)))
    if past.commitment is not Commitment.ASPIRATIONAL:
        pairs.append(("commitment", past.commitment.value))
    cycle = past.cycle
    if cycle.kind.startswith("fiscal_"):
        if cycle.fiscal_year_start != fiscal[0]:
            pairs.append(("fiscal_year_start", str(cycle.fiscal_year_start)))
        if cycle.fiscal_year_named_by != fiscal[1]:
            pairs.append(("fiscal_year_named_by", cycle.fiscal_year_named_by))
    head = f"- {cycle} "
    tail = f": {_number_text(past.score)}{_block(pairs)}"

    def read(line: str) -> str | None:
        masked = _mask(line)
        end, _ = _attributes(line, masked, 2, len(line))
        colon = masked.rfind(":", 0, end)
        return _unescape(line[len(head) : colon].strip()) if colon > 0 else None

    return _written(f"{path}.owner", past.owner, lambda owner: f"{head}{owner}{tail}", read)
