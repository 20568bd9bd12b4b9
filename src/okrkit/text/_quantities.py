"""The grammar of quantities: each number of a statement (`okrkit.text._tokens`) with what
surrounds it, as a `Token`: the preposition and qualifier before it ("to", "at least"), a unit
or the noun it counts after it ("200 ms", "12 case *studies*"), a change ("a 20% increase"),
a band ("95-105"), a link to the next number ("32 → 50"), and whether it sits in brackets.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from decimal import Decimal
from typing import NamedTuple

from okrkit._money import SIGNS
from okrkit.text._lexicon import (
    CHANGE_NOUN_DOWN,
    CHANGE_NOUN_UP,
    CHANGE_NOUNS,
    DONE_IRREGULAR,
    FILLER,
    HOW_OFTEN,
    PREPOSITIONS,
    QUALIFIERS,
    STOP,
    VERBS,
    Change,
    Qualifier,
    lower_is_better,
    polarity,
)
from okrkit.text._tokens import CURRENCY_BEFORE, figure, scale_of, token_matches
from okrkit.text._units import DURATIONS, MONEY, UNIT_AFTER, UNITS
from okrkit.text._verbs import PARTICLES, noun_weight, verb_lemma

# --- A number with what surrounds it ------------------------------------------------------

# A word of a noun phrase, after spaces, emphasis, quotes or a link's bracket ("12 [case
# studies](...)").
# (a word of at most 64 characters: "X'X'X'..." is no noun to read to its end from each "X")
_NOUNS = re.compile(
    r"(?:[\s*“”\"`‘']|\[(?=[^\W\d_]{2}))+"
    # (an ampersand between capitals joins an acronym: "FP&A analysts", "R&D engineers")
    r"([^\W\d_](?:[\w'’-]|(?<=[A-Z])&(?=[A-Z])){0,63}(?:/[^\W\d_][\w'’-]{0,63})?)"
)
_SYMBOL = re.compile(r"(?:>=|<=|[<>≥≤]|sub-)$")
# A name in quotes before the noun it names: "18 'Know Your Rights' workshops".
_QUOTED_NAME = re.compile(
    r"\s*['‘“\"][^'’”\"\n]{1,40}['’”\"]"
    r"(?=\s+(?!(?:for|to|in|on|of|by|with|and|or|at|per|from|the|a|an)\b)[^\W\d_])",
    re.IGNORECASE,
)
_ARROWS = ("->", "=>", "→", "⟶")
_SHARE_NEXT = re.compile(r"\d+(?:[.,]\d+)?\s?%")
_AFTER = re.compile(
    rf"""\s*(?:
        (?P<least>or\s+(?:more|higher|above|greater|over|up)|\+|and\s+(?:above|up|over|higher)
            |at\s+(?:a\s+)?minimum|minimum)
      | (?P<most>or\s+(?:less|lower|below|fewer|under)|at\s+(?:the\s+)?most|maximum|max)
      | (?P<better>or\s+better)
      | (?:/[^\W\d_]{{1,8}}\s*(?=->|=>|→|⟶))?  # a rate's period before an arrow: "300/wk → 50/wk"
        (?P<band>-|–|—|(?P<to>to|till|until|and|->|=>|→|⟶))\s*(?=[{SIGNS}]?\d|{CURRENCY_BEFORE}|(?:(?<=[o>→⟶])|(?<=[o>→⟶]\s))(?:[-+]|[<>≤≥]=?\s?)[{SIGNS}]?\d)
      | (?:(?:yoy|qoq|mom|wow|year[-\s]over[-\s]year|quarter[-\s]over[-\s]quarter)\s+)?
        (?:(?P<up>{CHANGE_NOUN_UP}|more|higher|bigger|larger|greater)
          |(?P<down>{CHANGE_NOUN_DOWN}|fewer|less|lower|smaller))\b(?!-in\b)  # "4 drop-in clinics"
      | (?:(?!(?:and|or|then|but|to|while|with)\b)[^\W\d_][\w-]{{0,39}}\s+){{1,2}}  # the metric
        # between, no clause's start: "20% MRR growth", "15% CAC reduction" (not "3% and
        # increase revenue by 20%"; a word of at most 40 characters, so that a number inside a
        # long word is no scan to its end)
        (?:(?P<up2>{CHANGE_NOUN_UP})|(?P<down2>{CHANGE_NOUN_DOWN}))\b(?!-in\b)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# An arrow to the next number: "→ 3.9".
_ARROW_AFTER = re.compile(rf"\s*(?:->|=>|→|⟶)\s*(?=[{SIGNS}]?\d)")
# A tag in brackets (or one blanked), then an arrow to the next number: " (Jan) -> 2h".
_TAG_THEN_ARROW = re.compile(rf"\s?\([\w\x20.'-]{{0,16}}\)\s*(?:->|=>|→|⟶)\s*(?=[{SIGNS}]?\d)")
# Only this much context is looked at around a number; a long text stays linear.
_WINDOW = 48
# Places in a ranking, which a change moves by ("by 3 places"), and a move's way before them.
_PLACES = frozenset(("place", "places", "position", "positions", "spot", "spots", "rank", "ranks"))
_MOVED = re.compile(r"\b(up|down)\s+$", re.IGNORECASE)
# What puts an ordinal right after it in a ranking: "from 78th", "to 50th", "Finish 3rd".
_RANKED = re.compile(r"\b(?:from|to|finish(?:ed)?|rank(?:ed)?|place[sd]?)\s+(?:the\s+)?$", re.I)
# An ordinal's ending right after its digits, and a word of place after it: "78th", "2nd
# place" ("3rd party" is a name, blanked with the others).
_ORDINAL = re.compile(
    r"(?:st|nd|rd|th)(?![^\W\d_])"
    r"(?:\s+(?P<place>place|position|spot)\b)?",
    re.IGNORECASE,
)


class Token(NamedTuple):
    """A number (or placeholder) in a statement, with what surrounds it."""

    start: int
    end: int
    value: float | None
    unit: str | None
    placeholder: bool
    points: bool
    sign: str
    prep: str | None
    qualifier: Qualifier | None
    change: Change | None
    band: bool
    link: str | None  # "to" or "arrow" when followed by one, then a number: "32 → 50"
    noun: tuple[int, int] | None
    paren: bool = False  # inside parentheses: context or a baseline, "(currently 125k)"
    things: bool = False  # a share of the things named after it: "9 out of 10 deals"


# A share's "of" the things it is of: "95% of orders".
_SHARE_OF = re.compile(r"\s*of\b", re.IGNORECASE)


def share_of_things(w: str, t: Token) -> bool:
    """Whether *t* is a share of things named after it: "95% of orders", "9 out of 10
    deals"."""
    return t.unit == "%" and (t.things or _SHARE_OF.match(w, t.end) is not None)


# What may follow a number to make it something else: "twice as many" is a factor of change,
# "5x per day" a frequency; "3 business days" is 3 days.
# A "±N" after these is no band of its own: "by ±5%", "from ±5 to 50", "between ±5 and 10".
_NOT_BAND = frozenset(("by", "from", "between"))
_AS_MANY = re.compile(r"\s+as\s+(?:many|much)\b", re.IGNORECASE)
_TIMES_MORE = re.compile(
    r"""\s+times\s+(?:(?P<up>more|higher|greater|larger|bigger|faster|as\s+many|as\s+much)
    |(?P<down>fewer|less|lower|smaller|slower))\b""",
    re.IGNORECASE | re.VERBOSE,
)
# How often, after a number or a count: "5x per day", "1 talk a month".
PER_PERIOD = re.compile(
    r"\s*(?:times\s+)?(?:(?:per|a|an|each|every)\s+(?:day|week|month|quarter|year|sprint|release|shift)"
    # (or an adverb of it: "Each PLC meets 2x monthly"; not an adjective before its noun:
    # "2x weekly signups")
    r"|(?:hourly|daily|nightly|weekly|biweekly|fortnightly|monthly|quarterly|yearly|annually)"
    r"(?!\s+(?!(?:and|or|in|for|on|with|across|to|by|at|until|through)\b)[^\W\d_]))\b",
    re.IGNORECASE,
)
_BUSINESS = re.compile(
    r"\s+(?:business|working|calendar|work)(?=\s+(?:days?|hours?|weeks?)\b)", re.I
)


# "-fold" after a number: a factor ("10-fold", "3 fold").
_FOLD = re.compile(
    r"-?\s?fold\b(?!-|\s+(?!(?:increase|growth|rise|more|higher|by|in|from|to|over|and|or|"
    r"within|this|next|year|yoy)\b)[^\W\d_])",
    re.IGNORECASE,
)
# A factor's words before its number: "by a factor of 3", "by factor 2".
_FACTOR_OF = re.compile(r"\bby\s+(?:a\s+)?factor\s+(?:of\s+)?$", re.IGNORECASE)


# A sign as written, as read: a minus sign is "-", "+/-" and "+-" are "±".
_SIGNS = {"−": "-", "+/-": "±", "+-": "±"}


# A half more, after a whole number: "11 and a half", "one and a half years".
_AND_A_HALF = re.compile(
    r"\s+and\s+a\s+half\b(?:\s+(?P<scale>hundred|thousand|million|billion)\b)?"
    r"(?:\s+(?P<pct>percent|per\s+cent)\b)?",
    re.IGNORECASE,
)


def tokens_of(w: str) -> list[Token]:
    """The numbers and placeholders in masked text *w*, with what surrounds each."""
    tokens: list[Token] = []
    parens = "(" in w
    time_named: bool | None = None  # whether a metric of time taken is named (`_minutes`)
    named: set[int] = set()  # where the ordinals are that name things, not places
    last_time: str | None = None  # the unit of time of the last number that had one
    # What _BUSINESS needs ("business", "working", "calendar", "work", in any case).
    business_days = "usiness" in w or "orking" in w or "alendar" in w or "ork " in w
    times = "times" in w  # once, not at every number: the text may hold thousands
    folds, factors = "fold" in w, "actor" in w  # (and so: "10-fold", "by a factor of 3")
    for m in token_matches(w):
        end = m.end()
        value, unit = figure(m)
        change: Change | None = None
        if w.startswith("-ish", end):
            end += 4  # "30-ish partners": about 30 partners
        if value is not None and unit is None and (half := _AND_A_HALF.match(w, end)):
            # "2 and a half days", "one and a half million users", "2 and a half percent"
            value, end = value + 0.5, half.end()
            if half["scale"]:
                value *= scale_of(half["scale"])
            if half["pct"]:
                unit = "%"
        if unit is None and (m["num"] or "").isdigit() and (ordinal := _ORDINAL.match(w, end)):
            if _in_ranking(w, m.start(), ordinal):
                unit, end = "rank", ordinal.end()  # "from 78th to 50th", "Finish 3rd"
            else:
                # An ordinal that names: "1st contact resolution", "the 2nd cohort", "to 2nd
                # renewal" (D7, as "#1" and "top 3" are); no amount beside another number
                named.add(m.start())
        if unit == "times" and _AS_MANY.match(w, end):
            unit, change, end = "x", "up", _AS_MANY.match(w, end).end()  # type: ignore[union-attr]
        elif unit is None and times and (factor := _TIMES_MORE.match(w, end)):
            # "3 times more sign-ups", "5 times faster": a factor, as "3x higher" is.
            unit, change, end = "x", "up" if factor["up"] else "down", factor.end()
        elif unit == "x" and PER_PERIOD.match(w, end):
            unit = "times"  # "Deploy 5x per day": how often, not a growth
        if unit is None and folds and (fold := _FOLD.match(w, end)):
            unit, end = "x", fold.end()  # "Grow users 10-fold": a factor, as "10x" is
        if unit is None:
            business = _BUSINESS.match(w, end) if business_days else None
            u = UNIT_AFTER.match(w, business.end() if business else end)
            if u:
                word = " ".join(u["u"].lower().split()).replace("° ", "°")  # "° C", "degrees  c"
                unit = UNITS.get(word) or UNITS.get(word[:-1], word)
                end = u.end()
        prep, qualifier, said = _before(w[max(0, m.start() - _WINDOW) : m.start()])
        if (
            unit is None
            and factors
            and (factor := _FACTOR_OF.search(w, max(0, m.start() - _WINDOW), m.start()))
        ):
            # "Increase throughput by a factor of 3": by 3x, a factor of change
            unit, prep = "x", "by"
        if m["mult"] == "m" and unit is None and value is not None:
            if time_named is None:  # once a statement: a search of the whole text
                time_named = _DURATION.search(w) is not None
            unit = _minutes(w, m, time_named, last_time)
            if unit is not None:
                value /= 1_000_000  # "Respond within 30m": minutes, not millions
        if said is not None and unit is None and _PARTICLE.fullmatch(w, 0, m.start()):
            first = w.split(None, 1)[0].lower()
            # A count after a word that is mostly a verb and names no metric: the verb's
            # particle, no change ("Set up 5 dashboards", "Write down 5 runbooks"; but
            # "Traffic up 20%", "Churn down 2%" are changes).
            if (
                verb_lemma(first) == first
                and noun_weight(first) < _MOSTLY_NOUN
                and polarity(first) is None
                and not lower_is_better(first)
            ):
                prep, said = None, None
        change = change or said
        after = _AFTER.match(w, end)
        noun = None
        if unit is None:
            # "300+ yards", "5 or more teams": the noun follows the qualifier.
            noun = (
                noun_after(
                    w, after.end() if after and not (after["band"] or after["better"]) else end
                )
                or _of_the(w, end)
                # "3 thousand of downloads", "2 millions of users": a scale, then "of"
                or (noun_after(w, of.end()) if m["multw"] and (of := _OF.match(w, end)) else None)
            )
            if noun is not None and w[noun[0] : noun[1]].lower() in _PLACES:
                moved = _MOVED.search(w, max(0, m.start() - 12), m.start())
                if prep == "by" or change or moved:
                    # "Improve the ranking by 3 places", "Move up 5 positions": a change of
                    # place in a ranking, not a count of places
                    unit, end, noun, prep = "rank", noun[1], None, "by"
                    change = change or (moved[1].lower() if moved else None)  # type: ignore[assignment]
        band = False
        link: str | None = None
        if after:
            if after["least"] or after["most"]:
                qualifier = qualifier or ("least" if after["least"] else "most")
            elif after["better"]:
                qualifier = "better"
            elif after["band"]:
                # "95-105" is a band; "30 to 40" only after "within" or "between".
                band = not after["to"] or prep == "between" or qualifier == "most"
                if (
                    band
                    and after["to"]
                    and unit not in (None, "%")
                    and _SHARE_NEXT.match(w, after.end())
                ):
                    # "answered within 10 seconds to 90%": a time limit, then the share
                    band = False
                if after["to"] and after["to"].lower() != "and":
                    link = "to" if after["to"].lower() in _TO_WORDS else "arrow"
            else:
                up, down = after["up"] or after["up2"], after["down"] or after["down2"]
                change = "up" if up else "down" if down else change
        elif (noun is not None and _ARROW_AFTER.match(w, noun[1])) or (
            "(" in w[end : end + 2] and _TAG_THEN_ARROW.match(w, end)
        ):
            # "3.4 items → 3.9 items": the noun written on both sides; "12% (Q2) -> 20%
            # (Q4)": each level's period in brackets (blanked as a name)
            link = "arrow"
        pct = (m["pct"] or "").lower()
        token = Token(
            start=m.start(),
            end=end,
            value=value,
            unit=unit,
            placeholder=bool(m["ph"]),
            # "pp", "p.p.", "ppt" and "percentage points", not "percent" or "pct".
            points=unit == "%"
            and ("point" in pct or "pt" in pct or pct.strip().startswith(("pp", "p.p"))),
            sign=_SIGNS.get(m["sign"] or "", m["sign"] or ""),
            prep=prep,
            qualifier=qualifier,
            change=change,
            band=band,
            link=link,
            noun=noun,
            paren=parens and w.rfind("(", 0, m.start()) > w.rfind(")", 0, m.start()),
        )
        if token.sign == "±" and tokens and not w[tokens[-1].end : m.start()].strip():
            # "42%±1pt": a level's tolerance, which `_around` makes a band around the level
            token = token._replace(start=m.start() + len(m["sign"]), sign="")
        if token.sign == "±":
            if (
                value is not None
                and not band
                and not link
                and unit != "x"
                and prep not in _NOT_BAND
            ):
                # "within ±10% of the average": a band from -10 to 10, both ends in one
                # figure; not "by ±5%", "from ±5 to 50" or "between ±5 and 10".
                tokens.append(token._replace(value=-value + 0.0, sign="-", band=True))
                token = token._replace(sign="+")
            else:
                token = token._replace(sign="")
        tokens.append(token)
        if unit in DURATIONS:
            last_time = unit
    if named and len(named) < len(tokens):
        tokens = [t for t in tokens if t.start not in named]
    if len(tokens) > 1:
        if ":" in w:
            tokens = _ratios(tokens, w)
        if "±" in w or "+/-" in w or "+-" in w:
            tokens = _around(tokens, w)
        if " in " in w or " out of " in w:
            tokens = _shares(tokens, w)
        _share_head(tokens, w)
        for i, (part, whole) in enumerate(itertools.pairwise(tokens)):
            if (
                part.noun is None
                and part.unit is None
                and PART_OF.fullmatch(w, part.end, whole.start)
            ):
                tokens[i] = part._replace(noun=whole.noun)  # "30 of 45 services": services
            elif (
                part.band
                # (a move's start only in money, "from 30 to 40 MEUR": "from 5 to 10k users"
                # may start at 5; and no change "by" its amount)
                or (part.link and part.prep != "by" and whole.unit in MONEY)
            ) and (scale := _shared_scale(part, whole, w)) is not None:
                tokens[i] = part._replace(value=part.value * scale, unit=part.unit or whole.unit)  # type: ignore[operator]
            elif (part.band or part.link) and _dot_grouped(part, whole, w):
                # "from 12.500 to 11.000 €": a dot groups the start's thousands as the end's
                tokens[i] = part._replace(value=part.value * 1000, unit=whole.unit)  # type: ignore[operator]
            elif (part.band or part.link) and _dot_grouped(whole, part, w):
                # "from 2.000 € to 1.500 €": and the end's as the start's
                tokens[i + 1] = whole._replace(value=whole.value * 1000, unit=part.unit)  # type: ignore[operator]
            elif (part.band or part.link) and _decimal_beside(part, whole, w):
                # "from $1.5 to $1.000": a decimal point beside it, the end's dot is one too
                tokens[i + 1] = whole._replace(value=whole.value / 1000)  # type: ignore[operator]
            elif part.band and _lakh_band(part, whole, w):
                # "₹50L-80L": the high end's "L" is a lakh, as the low end's is
                tokens[i + 1] = whole._replace(value=whole.value * 100_000, unit=part.unit)  # type: ignore[operator]
    return tokens


# A number written with one dot and three digits after it ("12.500"), and one whose dot
# groups thousands in money ("11.000 €", `okrkit.text._tokens`).
_DOT_GROUP = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_DOT_THOUSANDS = re.compile(r"(?<![\d.,])[1-9]\d{0,2}\.000(?![\d.,])")


def _dot_grouped(low: Token, high: Token, w: str) -> bool:
    """Whether a move's or a band's low end is written as its high end is, with a dot that
    groups thousands in money ("from 12.500 to 11.000 €", "from 1.500 € to 2.000 €"), though
    it was read as a decimal."""
    return (
        low.value is not None
        and low.value < 1000
        and low.unit in (None, high.unit)
        and high.unit in MONEY
        and _DOT_GROUP.search(w, low.start, low.end) is not None
        and _DOT_THOUSANDS.search(w, high.start, high.end) is not None
    )


# A decimal point that groups no thousands: "1.5", "0.99", "3.1416".
_DECIMAL_POINT = re.compile(r"\d\.(?:\d{1,2}|\d{4,})(?!\d)")


def _decimal_beside(low: Token, high: Token, w: str) -> bool:
    """Whether a move's or a band's high end, read with a dot grouping thousands in money
    ("$1.000"), follows a low end written with a decimal point ("from $1.5 to $1.000")."""
    return (
        high.value is not None
        and high.value >= 1000
        and _DECIMAL_POINT.search(w, low.start, low.end) is not None
        and _DOT_THOUSANDS.search(w, high.start, high.end) is not None
    )


def _lakh_band(low: Token, high: Token, w: str) -> bool:
    """Whether a band's low end is in lakhs of rupees and its high end in "L", which is a lakh
    too ("₹50L-80L", "Rs 12L-15L"), not litres."""
    return (
        low.unit == "₹"
        and high.unit == "L"
        and high.value is not None
        and w[low.end - 1] == "L"
        and _BAND_GAP.fullmatch(w, low.end, high.start) is not None
    )


# A band's or a move's high end written with a scale the low end shares: "$40-50M", "$700-800k",
# "30-40M EUR", "9-12 MEUR", "between 10 and 12 MEUR", "from 30 to 40 Mkr", "2-3 thousand",
# "₹40-50 lakh" (a scale's word that starts with m or b: its letter, as "5-10 million").
_BAND_GAP = re.compile(rf"\s*(?:[-–—]|->|=>|→|⟶|(?<=\s)(?:to|and)(?=\s))\s*[{SIGNS}]?", re.I)
_SCALED = re.compile(
    rf"[{SIGNS}]?\s*(?P<digits>\d[\d,]*(?:\.\d+)?)\s*(?:[kKmMbBT]|t(?=kr)|[Tt]housand|[Ll]akh|[Ll]ac|[Cc]rore)",
    re.ASCII,
)


def _shared_scale(low: Token, high: Token, w: str) -> float | None:
    """The scale of *high*'s number that *low*, the band's low end, shares ("$40-50M" is 40
    to 50 million): its factor, or None when *low* has its own or there is none."""
    if (
        low.value is None
        or high.value is None
        # "$40-50M": the sign before the band; "30-40M EUR": the code after it
        or (low.unit is not None and high.unit not in (None, low.unit))
        or _BAND_GAP.fullmatch(w, low.end, high.start) is None
        or not w[low.start : low.end].strip(f" {SIGNS}").replace(",", "").replace(".", "").isdigit()
    ):
        return None
    m = _SCALED.match(w, high.start)
    if m is None:
        return None
    written = float(m["digits"].replace(",", ""))
    factor = high.value / written if written else 0.0
    return factor if factor >= 1000 and low.value < written else None


def _in_ranking(w: str, start: int, ordinal: re.Match[str]) -> bool:
    """Whether the ordinal whose digits start at *start* in *w*, and whose ending *ordinal*
    matched, is a place in a ranking ("from 78th", "to 50th", "Finish 3rd", "2nd place"),
    not a name ("the 3rd milestone", "to 2nd renewal": a noun follows it)."""
    return bool(ordinal["place"]) or (
        _RANKED.search(w, max(0, start - 12), start) is not None
        and noun_after(w, ordinal.end()) is None
    )


# An ordinal as one word: "6th", "2nd".
_ORDINAL_WORD = re.compile(r"(?<![\w.,])\d+(?:st|nd|rd|th)(?![^\W\d_])", re.IGNORECASE)


def without_ordinal_names(w: str) -> str:
    """*w* with each ordinal that names a thing blanked ("all 6th graders", "the 2nd cohort"),
    and each place in a ranking kept ("Finish 3rd"): one pass, however many there are."""

    def blank(m: re.Match[str]) -> str:
        ordinal = _ORDINAL.match(w, m.end() - 2)  # its ending, and a word of place after it
        assert ordinal is not None
        return m[0] if _in_ranking(w, m.start(), ordinal) else " " * len(m[0])

    return _ORDINAL_WORD.sub(blank, w)


# Words that name a ratio: "ratio", "LTV:CAC", "teacher-to-student".
_RATIO_NAMED = re.compile(r"\bratios?\b|[^\W\d_]:[^\W\d_]|[^\W\d_]-to-[^\W\d_]", re.IGNORECASE)


def _ratios(tokens: list[Token], w: str) -> list[Token]:
    """*tokens* with each ratio written "A:B" ("from 2.1:1 to 3:1", "a 3:1 ratio") made one
    token, the number A/B, which the metric's name says is a ratio (it read as its second
    term, 1)."""
    named = _RATIO_NAMED.search(w) is not None

    def ratio(part: Token, whole: Token) -> Token | None:
        if not _COLON.fullmatch(w, part.end, whole.start):
            return None
        value = _ratio(part, whole, w, named)
        return None if value is None else part._replace(end=whole.end, value=value, noun=None)

    return _paired(tokens, ratio)


def _paired(tokens: list[Token], pair: Callable[[Token, Token], Token | None]) -> list[Token]:
    """*tokens* with each two neighbours that *pair* makes one token replaced by it, left to
    right (a token is paired once)."""
    merged: list[Token] = []
    i = 0
    while i < len(tokens):
        one = pair(tokens[i], tokens[i + 1]) if i + 1 < len(tokens) else None
        merged.append(tokens[i] if one is None else one)
        i += 1 if one is None else 2
    return merged


_COLON = re.compile(r"\s?:\s?")


def _ratio(part: Token, whole: Token, w: str, named: bool) -> float | None:
    """The ratio "A:B" is, where it is one: "2.1:1", "1:25" where the text *named* a ratio
    ("ratio", "LTV:CAC"), not a time ("6:30", "by 10:00") or a verse ("3:16")."""
    if part.unit is not None or whole.unit is not None or not part.value or not whole.value:
        return None
    if not (w[whole.start : whole.end] == "1" or named):
        return None
    ratio = float(Decimal(repr(part.value)) / Decimal(repr(whole.value)))
    return ratio if math.isfinite(ratio) and ratio else None


# A tolerance written between a level and its width: "42% ± 1 pt", "98 +/- 2".
_PLUS_MINUS = re.compile(r"\s*(?:±|\+/-|\+-)\s*")


def _around(tokens: list[Token], w: str) -> list[Token]:
    """*tokens* with each level and its tolerance ("at 42% ± 1 pt") made the band they
    bound, from 41 to 43 (it read a floor of 42, the tolerance dropped)."""
    for i, (level, width) in enumerate(itertools.pairwise(tokens)):
        if (
            level.value is not None
            and width.value is not None
            and width.value > 0
            and math.isfinite(level.value)
            and math.isfinite(width.value)
            and not level.band
            and not level.link
            and level.prep not in ("from", "to")  # a tolerance on a move's end: not a band
            and _PLUS_MINUS.fullmatch(w, level.end, width.start)
        ):
            at, by = Decimal(repr(level.value)), Decimal(repr(width.value))  # 0.3 ± 0.1: 0.2
            if width.unit == "%" and level.unit != "%":
                by = abs(at) * by / 100  # "200 ms ± 10%": 20 ms either way
            ends = float(at - by), float(at + by)
            if not all(map(math.isfinite, ends)):
                return tokens
            low = level._replace(end=width.end, value=ends[0], band=True)
            high = level._replace(end=width.end, value=ends[1], prep=None)
            return [*tokens[:i], low, high, *tokens[i + 2 :]]  # one tolerance: the first
    return tokens


# What makes two counts a share, "1 in 5", "9 out of 10" (not "30 of 45 services": a count).
_IN = re.compile(r"\s+(?:in|out\s+of)\s+", re.IGNORECASE)


def _shares(tokens: list[Token], w: str) -> list[Token]:
    """*tokens* with each share written as two counts ("1 in 5", "9 out of 10 deals") made
    one token in percent: the part, of a whole no smaller than it ("5 in 5" is 100 %), with
    no unit or noun between."""

    def share(part: Token, whole: Token) -> Token | None:
        if (
            part.unit is not None
            or whole.unit is not None
            or whole.qualifier
            or part.value is None
            or whole.value is None
            or not part.value.is_integer()
            or not whole.value.is_integer()
            or not 0 <= part.value <= whole.value
            or not whole.value
            or not _IN.fullmatch(w, part.end, whole.start)
        ):
            return None
        value = float(Decimal(int(part.value)) * 100 / int(whole.value))
        return part._replace(
            end=whole.end, value=value, unit="%", noun=None, band=whole.band, link=whole.link,
            things=whole.noun is not None,
        )  # fmt: skip

    return _paired(tokens, share)


# What joins a part to its whole, "30 of 45 services", "20 of the 35 forms", "10 of our 12
# teams": the part counts the whole's things (here), and is the value, not the whole
# (`_reading._wholes`).
PART_OF = re.compile(r"\s*of\s*(?:(?:the|our|their|its|all)\s+)?", re.IGNORECASE)


_LIST_GAP = re.compile(r"\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+", re.IGNORECASE)


def _share_head(tokens: list[Token], w: str) -> None:
    """Give the counts of a list the head noun its last count names, in place: in "48
    experimental, 16 beta, and 8 GA features" all three count features.  A count above one
    whose word is singular and no acronym ("48 experimental", not "50 RT") names no head of
    its own; the list is such counts joined by commas or "and", and its last count's noun
    is plural, after a word that modifies it as the lone words do."""
    run: list[int] = []
    for i, tok in enumerate(tokens):
        prev = tokens[run[-1]].noun if run and run[-1] == i - 1 else None
        if prev is None or not _LIST_GAP.fullmatch(w, prev[1], tok.start):
            run = []
        if tok.noun is None:
            run = []
            continue
        plural = w[tok.noun[1] - 1] in "sS"
        word = w[tok.noun[0] : tok.noun[1]]
        if not plural and not word.isupper() and tok.value is not None and tok.value > 1:
            run.append(i)
            continue
        first = _NOUNS.match(w, tok.end)
        if plural and first is not None and first.start(1) < tok.noun[0]:
            # The last count's head has words before it, as the list's lone words are:
            # "16 beta, and 8 GA features", not "300 staff and 4,000 volunteers".
            for j in run:
                tokens[j] = tokens[j]._replace(noun=tok.noun)
        run = []


# A metric of time taken, in whose limit "30m" is minutes ("MTTR under 30m").
_DURATION = re.compile(
    r"\b(?:time|latency|mtt[a-z]|ttr|duration|wait|waits|response|respond|resolution|resolve|"
    r"turnaround|downtime|delay|outage|reply|acknowledge)\b",
    re.IGNORECASE,
)


_IN_TIME = re.compile(r"\b(?:within|in)\s+$", re.IGNORECASE)


def _minutes(w: str, m: re.Match[str], time_named: bool, last_time: str | None) -> str | None:
    """The unit of time "30m" is (*m*, a bare number with a lower-case "m"), or None for 30
    million: with no noun after it, minutes in a time limit ("within 30m", "in 30m"), as a
    level of a metric of time taken (*time_named*: "MTTR under 30m", "Cut build time to
    45m") or after a time (*last_time*, the unit of the last number that had one: "from 2h
    to 30m"), but months after months or years ("from 3 months to 1m"); "Reach 30m users"
    counts millions."""
    if noun_after(w, m.end()) is not None:
        return None
    if last_time in ("months", "years"):
        return "months"
    if (
        last_time is not None
        or time_named
        or _IN_TIME.search(w, max(0, m.start() - 8), m.start()) is not None
    ):
        return "min"
    return None


# The lengths of the qualifiers, in words, longest first: "less than or equal to" is five.
_SIZES = tuple(sorted({len(phrase) for phrase in QUALIFIERS}, reverse=True))


def _before(prefix: str) -> tuple[str | None, Qualifier | None, Change | None]:
    """What the words just before a number say of it: its preposition, qualifier and change.
    Markdown emphasis and a currency sign before a placeholder are no words ("to _N_", "to
    $X")."""
    prefix = prefix.rstrip().rstrip(f"_*{SIGNS}").rstrip()
    if prefix.endswith(_ARROWS):
        return "to", None, None  # "NPS 32 → 50": the arrow says what "to" does
    if prefix.endswith((":", "=")) and not prefix.endswith((">=", "<=")):
        return "=", None, None  # (">=" and "<=" bound it, as "≥" and "≤" do)
    words = prefix.lower().split()
    while words and words[-1] in FILLER:
        words.pop()
    qualifier: Qualifier | None = None
    symbol = _SYMBOL.search(words[-1]) if words else None
    if symbol:
        qualifier = "least" if symbol[0][0] in ">≥" else "most"
        words[-1] = words[-1][: symbol.start()]
        if not words[-1]:
            words.pop()
    else:
        for size in _SIZES:
            phrase = tuple(words[-size:])
            if len(phrase) == size and phrase in QUALIFIERS:
                qualifier = QUALIFIERS[phrase]
                del words[-size:]
                if phrase[-1] == "to" and (not words or words[-1] not in PREPOSITIONS):
                    # "less than or equal to 3": the level it goes to, at most
                    return "to", qualifier, None
                break
    if not words:
        return None, qualifier, None
    if words == ["up", "to"] and len(prefix) < _WINDOW:
        return "to", "most", None  # "Up to 3 regressions per release": a ceiling, no verb
    if words[-2:] == ["up", "to"] and len(words) > 2 and words[-3] == "by":
        return "by", qualifier, None  # "Reduce churn by up to 20%": the change, as "by 20%"
    last = words[-1]
    if last in _STATES or (last == "up" and len(words) > 1 and words[-2] in _MAKE):
        # A verb that states a level, as "=" does: "Test coverage is 80% or better", "Women make
        # up 40% of hires"; "exceeds" is "over" ("NRR exceeds 110%").
        said = _STATES.get(last)
        if said is not None and len(words) > 1 and words[-2] in _NOT:
            said = "most"  # "Cloud spend does not exceed $40k": a ceiling
        return "=", qualifier or said, None
    if last in _TO_WORDS:
        last = "to"  # "Increase revenue till $2M", as some write "to"
    if last == "to" and len(words) > 1 and words[-2] == "down":
        return "to", qualifier or "most", None  # "Bring the bill down to $25k"
    if last in ("up", "down"):
        return "by", qualifier, "up" if last == "up" else "down"
    if last == "by" and len(words) > 1 and _agent_participle(words[-2]):
        return None, qualifier, None  # "a feature used by 10 team members": who does it
    if last in ("of", "by") and len(words) > 1 and words[-2] in CHANGE_NOUNS:
        return "by", qualifier, CHANGE_NOUNS[words[-2]]
    return (last if last in PREPOSITIONS else None), qualifier, None


# Verbs that state a level before a number, and the qualifier each implies.
_STATES: dict[str, Qualifier | None] = {
    "is": None,
    "are": None,
    "was": None,
    "were": None,
    "equals": None,
    "exceed": "least",
    "exceeds": "least",
    "exceeding": "least",
}
_MAKE = frozenset(("make", "makes", "made"))
_NOT = frozenset(("not", "never", "doesn't", "don't", "won't", "cannot"))


def _agent_participle(word: str) -> bool:
    """Whether "by" after *word* names who does what it says ("used by 10 team members",
    "measured by no more than 1 delay"), not an amount of change: *word* is a past participle
    of any verb but one of change or reaching ("grown by 500 users", "improved by 10 points"
    are changes)."""
    lemma = verb_lemma(word)
    if lemma is None or lemma == word or word.endswith(("s", "ing")):
        return False
    found = VERBS.get(word)
    return found is None or found[0] not in ("inc", "dec", "reach")


_OF = re.compile(r"\s+of(?=\s)", re.IGNORECASE)
_OF_THE = re.compile(r"(?:\s*\([^()]{1,24}\))?\s+of\s+(?:the|our|its|their|all)(?=\s)", re.I)


def _of_the(w: str, end: int) -> tuple[int, int] | None:
    """The head noun a count takes "of the" things it is a part of, which are many: "one (or
    more) of the gateway *nodes*", "3 of our *teams*" (not "5/4 of the plan")."""
    m = _OF_THE.match(w, end)
    head = None if m is None else noun_after(w, m.end())
    return head if head is not None and w[head[1] - 1] in "sS" else None


# A tag in square brackets, closed: "[Support]" (a link's text is not, once its address is
# blanked with its closing bracket, `masked`).
_TAG = re.compile(r"\[[^\]\[]{0,200}\]")


# A word, "to" and the word again, a compound written open before its noun: "end to end".
_TO_ITSELF = re.compile(r"\s+to\s+([^\W\d_]+)(?=\s+[^\W\d_])", re.IGNORECASE)
# The rest of "full time" or "part time" written open, and a comma after it.
_TIME_WORKED = re.compile(r"\s+time\b,?", re.IGNORECASE)


def noun_after(w: str, end: int) -> tuple[int, int] | None:
    """The head noun of the short noun phrase after a count: "12 customer *interviews*".

    A short aside in brackets is read past ("15 repeat (3+ times) customers"), and a verb
    and its particle are one noun ("500 sign ups"). The phrase
    ends before a little word (`STOP`), an adverb or a verb that says what the things did
    ("20 case studies *added*", "5 teams *use* it", "40 reps *sharing*"); a score named
    after a number is no unit ("> 45 NPS"), and so is a verb right after it that takes an
    object ("1K complete the course").
    """
    head: tuple[int, int] | None = None
    pos = end
    for _ in range(6):
        aside = _ASIDE.match(w, pos) if "(" in w else None
        if aside is not None:
            pos = aside.end()  # "2 (/src) PRs", "15 repeat (3+ times) customers"
        if head is None and (quoted := _QUOTED_NAME.match(w, pos)) is not None:
            pos = quoted.end()  # "18 'Know Your Rights' workshops": a name, then the noun
        m = _NOUNS.match(w, pos)
        if not m or (
            "[" in w[pos : m.start(1)]
            and (head is not None or _TAG.match(w, w.index("[", pos)) is not None)
        ):
            # (a bracket after the noun or the number: an owner or a link, "2 conferences
            # [Priya]", "CSAT from 4.1 to 4.6 [Support]"; but a link's text right after the
            # number holds its noun, "closing 5 [issues related to X](...)")
            break
        word = m[1].lower()
        if word in _COMPANY_ENDS and w.startswith(".", m.end()):
            pos = m.end() + 1  # "100 GitLab Inc. team members": a company's name, then its noun
            continue
        if (
            word in _STATE_AFTER
            and m[1][0].islower()
            and (
                (
                    head is not None
                    and not w[head[0] : head[1]].lower().endswith(_PERIODIC_ENDS)
                    and w[head[0] : head[1]].lower() not in _BEFORE_STATE
                )
                or _NOUNS.match(w, m.end()) is None
            )
        ):
            # "25 contributors active and committed", "2,500 active (up from 1,800)" (not
            # "10 daily active users")
            break
        if (
            word in _STATE_ALONE
            and m[1][0].islower()
            and ((nxt := _NOUNS.match(w, m.end())) is None or nxt[1].lower() in STOP)
        ):
            break
        if word in _WHEN_SHORT:
            pos = m.end()  # "40 LQ": no noun; "40 QTD deals": deals
            continue
        if (
            (same := _TO_ITSELF.match(w, m.end())) is not None
            and same[1].lower() == word
            and not word.endswith("s")  # ("Migrate 30 apps to apps platform": a place)
        ):
            pos = same.end()  # "100 end to end test cases", "5 peer to peer sessions"
            continue
        if word in ("full", "part") and (hours := _TIME_WORKED.match(w, m.end())) is not None:
            # "1 full time, full stack developer", "1 candidate full time": how much of their
            # time the people work, neither the things counted nor a unit of time
            pos = hours.end()
            continue
        if word == "back" and head is not None and _LITTLE_NEXT.match(w, m.end()):
            break  # "Bring 250 empty homes back into use": an adverb after the noun
        if (
            word in _OR_AND
            and head is not None
            and w[head[1] - 1] not in "sS"
            and _modifier_goes_on(w, m.end())
        ):
            pos = m.end()  # "marketing or DevRel teammates": both modify the noun after
            continue
        if (
            word in STOP
            or word in _TO_WORDS
            or word in _NOT_NOUNS
            # what is late or why, after the things: "12 issues past due", "zero failures
            # due to contamination" (not "50 past due tickets", "12 due diligence reviews")
            or (
                head is not None
                and word in ("past", "due")
                and w[head[0] : head[1]].lower() != "past"
            )
            or (head is not None and _is_predicate(word, w, head, m.end(), end))
            or (head is None and _takes_object(word, w, m.end()))
            # a participle with no noun after it says what was done to the things a label
            # named: "Kaizen events: 24 completed", "CAPAs: 40 closed this quarter"
            or (head is None and _done_alone(word, w, m.end()))
        ):
            break
        before, head = head, m.span(1)
        pos = m.end()
        if (
            before is not None
            and word[:-1] in PARTICLES
            and word[-1] == "s"
            and verb_lemma(w[before[0] : before[1]].lower()) is not None
        ):
            head = (before[0], head[1])  # "500 sign ups": a phrasal noun written open
        slash = m[1].find("/")
        if slash > 0 and m[1][slash + 1 :].lower() in _PERIODS:
            head = (head[0], head[0] + slash)  # "50 exceptions/quarter": a rate's period
            break
    if head is not None:
        while head[1] - head[0] > 1 and w[head[1] - 1] in "_'’":
            # "_Publish 12 case studies_", "12 ‘case studies’": emphasis or a quote's end
            head = (head[0], head[1] - 1)
        noun = w[head[0] : head[1]]
        # A score's name ("> 45 NPS"), not the plural of an acronym that spells one ("2 CEs").
        if noun.lower() in _SCORES and not (noun[-1] == "s" and noun[:-1].isupper()):
            return None
    return head


def _done_alone(word: str, w: str, end: int) -> bool:
    """Whether lower-case *word*, right after a count, is a past participle with no noun
    after it (the end, a little word, a bracket or a mark): what was done, not a noun."""
    if not (word.endswith("ed") or word in DONE_IRREGULAR) or verb_lemma(word) is None:
        return False
    nxt = _NOUNS.match(w, end)
    return nxt is None or nxt[1].lower() in STOP


# A verb and its particle that lead a statement: "Set up", "Write down".
_PARTICLE = re.compile(r"\s*[^\W\d_]+\s+(?:up|down)\s+", re.IGNORECASE)
_OR_AND = frozenset(("or", "and", "&", "and/or"))
# Words some write for "to" before a target: "till 45", "upto 50".
_TO_WORDS = frozenset(("to", "till", "until", "upto", "unto"))


def _modifier_goes_on(w: str, end: int) -> bool:
    """Whether, after "or" or "and" at *end*, the noun phrase goes on to a noun the words
    before modify: two words or more that are no little word, the last one plural."""
    first = _NOUNS.match(w, end)
    if first is None or first[1].lower() in STOP:
        return False
    nxt = _NOUNS.match(w, first.end())
    return nxt is not None and nxt[1].lower() not in STOP and nxt[1][-1] in "sS"


# A short aside in brackets inside a noun phrase, read past.
_ASIDE = re.compile(r"\s*\([^()]{1,24}\)")
# Names of scores and indexes: a number before one is a level of it, not a count of it.
_SCORES = frozenset(
    (
        *("nps", "enps", "csat", "sus", "ces", "score", "rating", "index"),
        # and a model's, which machine-learning teams name as the level reached: "0.9 AUC-ROC"
        *("auc", "auc-roc", "roc-auc", "pr-auc", "f1", "precision", "recall", "ndcg", "rmse"),
        *("mape", "wape", "smape", "mae", "bleu", "rouge", "perplexity"),
    )
)
# States said after the things counted, or after a count with no noun: no noun themselves.
_STATE_AFTER = frozenset(("active", "on-site", "onsite", "ready", "live", "available"))
# Adjectives that come before a state, not things in it: "150k new active cards".
_BEFORE_STATE = frozenset(("new", "more", "additional", "total", "net"))
# States that end the phrase when no noun follows them: "< 25 open at any time" (not "2+
# important open research issues").
_STATE_ALONE = frozenset(("open", "outstanding", "pending", "overdue", "unresolved"))
_PERIODIC_ENDS = ("ly", "day", "week", "month")  # "10 daily active users", "7-day active"
# The ends of companies' names, with their full stop: "GitLab Inc.", "Acme Ltd.".
_COMPANY_ENDS = frozenset(("inc", "ltd", "llc", "corp", "plc", "gmbh"))
# Words that end a noun phrase though no lexicon would say so.
_NOT_NOUNS = (
    frozenset(("once", "twice", "thrice", "after", "before", "besides", "since", "until"))
    | frozenset(("w", "w/", "have", "has", "had", "will", "would", "can", "could", "should"))
    | frozenset(("must", "do", "does"))
    # Prepositions the little words (STOP) leave out: "zero critical API errors *during* the
    # demo", "by 10 *compared* to last quarter".
    | frozenset(("during", "including", "excluding", "through", "throughout", "toward"))
    | frozenset(("towards", "against", "despite", "beyond", "upon", "unlike", "compared"))
    | frozenset(("relative", "versus"))
    # A time named after a count says when it is, not what it counts: "12 last quarter", "5
    # ahead of the audit", "38 this year".
    | frozenset(("last", "ahead", "this", "next", "previous", "prior"))
    # Who, after the things: "Apply it to at least one project ourselves"; and what about:
    # "a workshop with 2-6 local developers re: their needs".
    | frozenset(("ourselves", "themselves", "myself", "itself", "re"))
)
# When, as a dashboard abbreviates it, after a count: "40 LQ" (last quarter), "$2M LY", "120
# YTD"; before a noun it is passed over ("Close 40 QTD deals").
# Words read past after a number (periods, and what kind of figure it is): "40 QTD deals",
# "4.6+ avg rating".
_WHEN_SHORT = frozenset(("lq", "ly", "ytd", "qtd", "mtd", "avg", "average", "mean", "median"))
_LITTLE_NEXT = re.compile(r"\s+(?:into|in|to|on|online|up|from)\b", re.IGNORECASE)


_DETERMINER = re.compile(r"\s+(?:the|our|their|its|this|these|those|every|all)\b", re.I)


def _takes_object(word: str, w: str, end: int) -> bool:
    """Whether *word*, right after a number, is a verb with its object after it ("1K
    *complete* the course"): the number is a count of who does it, and names no thing."""
    return _DETERMINER.match(w, end) is not None and verb_lemma(word) == word


def _ends_phrase(w: str, end: int) -> bool:
    """Whether no noun follows *end*: "leads *qualified* by sales", "polls created *outside*
    of X", "posts published *showing* our expertise", not "marketing qualified leads"."""
    nxt = _NOUNS.match(w, end)
    if nxt is None or not nxt[1].islower() or nxt[1] in STOP or nxt[1] in _NOT_NOUNS:
        return True
    word = nxt[1]
    if len(word) > 4 and word.endswith("ly"):
        return True  # an adverb: "complaints escalated externally"
    if word in _RATINGS and ((after := _NOUNS.match(w, nxt.end())) is None or after[1] in STOP):
        return True  # what the things were rated: "findings rated high (or critical)"
    return (word in _PLACE_WORDS and _PLACE_OF.match(w, nxt.end()) is not None) or (
        word.endswith("ing")
        and (lemma := verb_lemma(word)) is not None
        and lemma != word
        # a verb's -ing form with its object, not a noun's modifier ("data driven
        # *marketing* campaigns")
        and _AN_OBJECT.match(w, nxt.end()) is not None
    )


# What things are rated or classed, after the participle that says so ("rated high").
_RATINGS = frozenset(
    ("high", "critical", "low", "medium", "severe", "major", "minor", "urgent", "red", "amber")
)
# Words of where, after what was done to the things, that the little words do not name:
# "20 polls created outside of Status CC".
_PLACE_WORDS = frozenset(
    ("outside", "inside", "beyond", "along", "around", "toward", "towards", "worldwide")
)
# What follows a word of where, not a noun it names ("outside of Status CC", "worldwide."; not
# "outside sales reps").
_PLACE_OF = re.compile(r"\s*(?:$|[.,;:)]|\s(?:of|the|a|an|our|their|its|in|on|at|and)\b)")
# What a verb's -ing form takes after a participle, which says the things were done to
# already: "3 posts published showing *our* expertise", "... showing *the* roadmap" (not
# "instructor led training *sessions*"; nor after one thing, "1 customer meeting our CSMs
# lead", where a noun in -ing may come before a clause of its own).
_AN_OBJECT = re.compile(
    r"\s+(?:our|their|its|your|my|his|her|how|what|why|the|a|an|this|these|those|all)\b",
    re.IGNORECASE,
)


def _is_predicate(word: str, w: str, head: tuple[int, int], end: int, count_end: int) -> bool:
    """Whether *word*, after the noun at *head* in *w*, starts what is said of the things."""
    if word in HOW_OFTEN and _NOUNS.match(w, end):
        return False  # an adjective of how often before its noun: "40 active monthly volunteers"
    if (len(word) > 4 and word.endswith(("ly", "wide"))) or word in _POSTPOSITIVE:
        return True  # an adverb or a word after its noun: "1 component annually", "50 in total"
    lemma = verb_lemma(word)
    if lemma is None:
        # a verb no lexicon knows, in its past participle after things counted: "8 new maps
        # greyboxed", "12 levels blockmeshed"
        return (
            word.endswith("ed")
            and len(word) > 5
            and w[head[1] - 1 : head[1]] in ("s", "S")
            and _ends_phrase(w, end)
        )
    if word.endswith("ed") or (word != lemma and not word.endswith(("s", "ing"))):
        return _ends_phrase(w, end)  # "20 case studies added", "3,000 contracts deployed"
    # A base form or an -ing form after a plural: "5 teams use it", "500 fans sharing"; the
    # -s form of a verb that is no noun after one thing: "At least one EHR vendor participates"
    # (not "40k new app installs", the things' name).
    plural = w[head[1] - 1 : head[1]] == "s"
    if (
        not plural
        and word == lemma + "s"
        and _ONE_BEFORE.search(w, max(0, count_end - 8), count_end)
    ):
        return noun_weight(lemma) == 0
    return plural and (
        word.endswith("ing") or (word == lemma and noun_weight(lemma) < _MOSTLY_NOUN)
    )


# A count of one, right before the noun phrase: "one", "1".
_ONE_BEFORE = re.compile(r"(?<![\w.,])(?:1|one)\s*$", re.IGNORECASE)
# Words that follow the noun they qualify: "3 times *total*", "10,000 companies *worldwide*".
_POSTPOSITIVE = frozenset(
    ("total", "overall", "combined", "altogether", "apiece", "each", "online", "offline", "live")
)
_MOSTLY_NOUN = 0.5
_PERIODS = frozenset(
    ("day", "week", "month", "quarter", "year", "sprint", "release", "user", "night", "shift")
)
