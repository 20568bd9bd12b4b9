"""The numbers of a statement: figures ("$1.2M", "8%", "2x"), number words ("a dozen") and
placeholders ("X%", "TBD"); what multipliers, currencies and units they carry, from the one
table of units; and each number with what surrounds it, as a `Token`.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import NamedTuple

from okrkit.errors import InvalidTypeError
from okrkit.text._lexicon import (
    CHANGE_NOUN_DOWN,
    CHANGE_NOUN_UP,
    CHANGE_NOUNS,
    FILLER,
    PREPOSITIONS,
    QUALIFIERS,
    STOP,
    Change,
    Qualifier,
)
from okrkit.text._patterns import DIGIT, words_of
from okrkit.text._verbs import noun_weight, verb_lemma

# --- Figures, number words and placeholders -----------------------------------------------

_NUMBER = r"""
    (?P<sign>(?<![\w.,])[-−+±](?=[$€£¥]?\d))?
    (?P<cur>[$€£¥₹]|(?:US|A|C|NZ|HK|S)\$|(?:usd|eur|gbp|jpy|chf|inr|cad|aud)\s?(?=\d))?
    (?P<num>\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|
        \d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?e[-+]?\d+(?![\w.])|
        (?<=[$€£¥₹])\d+,\d{1,2}(?![\d,])|
        \d+,\d{1,2}(?=\s?(?:%|[kmb](?![^\W\d_])|bn\b|mm\b|mn\b|million|billion|thousand|lakh|crore|
            percent|pct))|
        \d+(?:\.\d+)?|\.\d+)
    (?:/(?P<den>[2-9])(?![\d/.,]))?
    (?:(?P<mult>bn|mm|k|m|b)(?![^\W\d_])|\s?(?P<multw>billion|million|thousand|mn|lakhs?|crores?|
        cr)\b)?
    (?P<x>x(?![^\W\d_]))?
    (?P<pct>\s?(?:%|percent(?:age)?\s+points?|pp\b|p\.p\.|ppts?\b|points?\b|pts?\b|
        basis\s+points?\b|bps\b|percent\b|pct\b))?
    (?:\s?(?P<cur2>usd|eur|gbp|jpy|chf|inr|cad|aud|dollars|euros|pounds|yen|rupees)\b)?
"""
_WORD_NUMBER = r"""
    \b(?<!-)(?P<word>zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|
        fifteen|twenty|thirty|forty|fifty|hundred|a\s+dozen|dozen|a\s+hundred|a\s+thousand|
        a\s+million|twice|thrice|once(?=\s+(?:a|per|every|each)\s)|(?<=least\s)once|
        (?<=than\s)once|(?<=most\s)once|(?<=least\s)half|(?<=over\s)half|(?<=than\s)half|
        (?<=most\s)half|(?<=by\s)(?:a|one)\s+(?:third|quarter))
        (?:\s+(?P<scale>hundred|thousand|million|lakh|crore))?(?![\w-])
        (?:(?<=half)|(?<=third)|(?<=quarter)|(?!\s+of\b))
"""
_PLACEHOLDER = r"""
    (?P<ph>(?-i:\b(?:XX?X?|N|Y|Z)\b)%?|\b(?:tbd|tbc|tba)\b|\?{2,}%?|\[\s*(?:x|n|tbd|\?)?\s*\])
"""
_NEVER = {
    "number": "(?P<word>(?!))(?P<scale>(?!))(?P<ph>(?!))",
    "word": r"(?P<sign>(?!))(?P<cur>(?!))(?P<num>(?!))(?P<mult>(?!))(?P<multw>(?!))(?P<x>(?!))"
    r"(?P<pct>(?!))(?P<cur2>(?!))",
}
# Three passes, each starting from a cheap first character, are much faster than one
# alternation tried at every position; the never-matching groups give all three one shape.
TOKENS = (
    re.compile(
        rf"(?=[-−+±$€£¥₹.\d]|[uacnhsegji][a-z]{{0,2}}[\s$]?\d){_NUMBER}|{_NEVER['number']}",
        re.IGNORECASE | re.VERBOSE,
    ),
    re.compile(rf"{_WORD_NUMBER}|{_NEVER['word']}(?P<ph>(?!))", re.IGNORECASE | re.VERBOSE),
    re.compile(
        rf"{_PLACEHOLDER}|{_NEVER['word']}(?P<word>(?!))(?P<scale>(?!))",
        re.IGNORECASE | re.VERBOSE,
    ),
)
# The most characters a number (TOKENS[0]) has before its first digit: a sign, a currency
# ("usd ", "NZ$") and a decimal point.
_REACH = 6

# The pre-screens of TOKENS[1] and TOKENS[2], as `okrkit.text._patterns` explains them.
# The words a number word (TOKENS[1]) is made of ("a dozen", "a thousand": the second).
_NUMBER_WORDS = frozenset(
    [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "fifteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
        "dozen",
        "thousand",
        "million",
        "twice",
        "thrice",
        "once",
    ]
)
# "half" counts only after a qualifier ("at least half"), a third or a quarter after "by".
_HALF_AFTER = frozenset(("least", "over", "than", "most"))
_PLACEHOLDER_WORDS = frozenset(("tbd", "tbc", "tba"))


def may_have_number_word(words: frozenset[str] | None) -> bool:
    """False only if TOKENS[1] cannot match the text whose `words_of` are *words*."""
    return (
        words is None
        or not _NUMBER_WORDS.isdisjoint(words)
        or ("half" in words and not _HALF_AFTER.isdisjoint(words))
        or ("by" in words and ("third" in words or "quarter" in words))
    )


def may_have_placeholder(w: str, words: frozenset[str] | None) -> bool:
    """False only if TOKENS[2] cannot match *w*, whose `words_of` are *words* if ASCII."""
    return (
        words is None
        or "X" in w
        or "N" in w
        or "Y" in w
        or "Z" in w
        or "?" in w
        or "[" in w
        or not _PLACEHOLDER_WORDS.isdisjoint(words)
    )


def has_number_word(w: str) -> bool:
    """Whether *w* holds a number word ("two", "a dozen")."""
    return any(m["word"] for m in TOKENS[1].finditer(w))


def token_matches(w: str) -> list[re.Match[str]]:
    """Every number, number word and placeholder in *w*, in order."""
    words = words_of(w) if w.isascii() else None
    found = list(TOKENS[1].finditer(w)) if may_have_number_word(words) else []
    if may_have_placeholder(w, words):
        found += TOKENS[2].finditer(w)
    digit = DIGIT.search(w)
    if digit:
        # No number starts more than _REACH characters before its first digit, so the
        # search starts there (look-behinds still see the text before it).
        found += TOKENS[0].finditer(w, max(0, digit.start() - _REACH))
        found.sort(key=lambda m: m.start())
    return found


# --- Units --------------------------------------------------------------------------------

# The units okrkit knows, in the form it writes each, with the other spellings people use
# (in lower case).  The one table of units: the reader writes the units it finds in these
# forms, and the rules compare a key result's unit field with its statement's through it
# (`canonical_unit`).
_UNIT_SPELLINGS: dict[str, tuple[str, ...]] = {
    "%": ("percent", "pct"),
    "$": ("usd", "dollars"),
    "€": ("eur", "euros"),
    "£": ("gbp", "pounds"),
    "¥": ("jpy", "yen"),
    "₹": ("inr", "rupees", "rupee"),
    "ms": ("millisecond", "milliseconds"),
    "s": ("sec", "secs", "second", "seconds"),
    "min": ("mins", "minute", "minutes"),
    "h": ("hr", "hrs", "hour", "hours"),
    "days": ("d", "day"),
    "weeks": ("wk", "wks", "week"),
    "months": ("month", "mo", "mos"),
    "years": ("year", "yr", "yrs"),
    "kWh": (),
    "MWh": (),
    "GWh": (),
    "kW": (),
    "MW": (),
    "GB": (),
    "TB": (),
    "MB": (),
    "kg": (),
    "t": ("tonne", "tonnes", "ton", "tons"),
    "km": (),
    "miles": ("mile",),
}
_UNITS = {
    spelling: unit
    for unit, others in _UNIT_SPELLINGS.items()
    for spelling in (unit.lower(), *others)
}
# A unit after a number, "200 ms", "3 days": spelt as in the table, but for currencies and
# % (which the number pattern reads) and a "d", "w" or "y" apart from its number or in upper
# case ("18d" is 18 days, "6w" 6 weeks; "3 d" is not said, "3D" is a name).
_UNIT_AFTER = re.compile(
    r"""\s*(?P<u>ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|wks?|
    weeks?|months?|mos?|years?|yrs?|kwh|mwh|gwh|kw|mw|gb|tb|mb|kg|tonnes?|tons?|t|km|miles?|
    (?-i:(?<=\d)[dwy]))\b""",
    re.IGNORECASE | re.VERBOSE,
)


def canonical_unit(unit: str) -> str | None:
    """The unit a spelling names, as okrkit writes it; None for a word it does not know as one.

    Currencies, percentages, durations and common measures are known in their usual
    spellings, in any case: the same table the reader writes `ParsedKeyResult.unit` from.

    >>> canonical_unit("USD"), canonical_unit("hrs"), canonical_unit("percent")
    ('$', 'h', '%')
    >>> canonical_unit("customers") is None
    True
    """
    if not isinstance(unit, str):
        raise InvalidTypeError("unit", unit, "a str")
    return _UNITS.get(unit.strip().lower())


# How many of the smallest unit of its kind each unit is: a start written in another unit
# than the target's is read in the target's ("from 3 days to under 4 hours": 72 h).
_SIZES: dict[str, tuple[str, Decimal]] = {
    "ms": ("time", Decimal(1)),
    "s": ("time", Decimal(1000)),
    "min": ("time", Decimal(60_000)),
    "h": ("time", Decimal(3_600_000)),
    "days": ("time", Decimal(86_400_000)),
    "weeks": ("time", Decimal(604_800_000)),
    "MB": ("data", Decimal(1)),
    "GB": ("data", Decimal(1000)),
    "TB": ("data", Decimal(1_000_000)),
}


DURATIONS = frozenset(u for u, (kind, _) in _SIZES.items() if kind == "time") | {
    "months",
    "years",
}
"""The units of time, as `canonical_unit` names them (months and years too, which vary in
length)."""


def in_unit(value: float, unit: str | None, target: str | None) -> float:
    """*value*, written in *unit*, in the *target* unit when both measure time or data."""
    have, want = _SIZES.get(unit or ""), _SIZES.get(target or "")
    if have is None or want is None or have[0] != want[0] or unit == target:
        return value
    return float(Decimal(repr(value)) * have[1] / want[1])


# --- What a number stands for -------------------------------------------------------------

_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "dozen": 12,
    "a dozen": 12,
    "a hundred": 100,
    "a thousand": 1000,
    "a million": 1_000_000,
    "once": 1,
    "twice": 2,
    "thrice": 3,
}
# Fractions of a whole, as a percentage: "at least half", "by a third".
_SHARES = {"half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "a quarter": 25.0}
_SHARES["one quarter"] = 25.0
_MULT = {
    "k": 1000,
    "thousand": 1000,
    "m": 1_000_000,
    "mm": 1_000_000,
    "mn": 1_000_000,
    "million": 1_000_000,
    "b": 1_000_000_000,
    "bn": 1_000_000_000,
    "billion": 1_000_000_000,
    "lakh": 100_000,
    "lakhs": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
    "cr": 10_000_000,
}
_BLANKS = re.compile(r"\s+")
_TIMES = frozenset(("once", "twice", "thrice"))
# "Ask twice", "once a week": how often, not how much (but "twice as many" is a factor).
FREQUENCY = re.compile(r"\b(?:once|twice|thrice)\b(?!\s+as\b)", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def _key(word: str) -> str:
    """The table key a word matched case-insensitively stands for.

    The patterns ignore case the Unicode way, so "ſix" (a long s) or a Kelvin sign "K" match
    "six" and "k"; ``lower()`` keeps those letters, so they are looked up by the pattern's
    own notion of case.
    """
    spaced = _BLANKS.sub(" ", word)
    if spaced.isascii():
        return spaced.lower()
    for key in (*_WORDS, *_MULT):
        if re.fullmatch(re.escape(key), spaced, re.IGNORECASE):
            return key
    return spaced.lower()  # pragma: no cover - every match comes from a key of these tables


_GROUPING = str.maketrans("", "", ",\u00a0\u202f\u2009")


def _number(m: re.Match[str]) -> tuple[float | None, str | None]:
    """The value and unit a token match stands for."""
    if m["word"]:
        word = _key(m["word"])
        if word in _SHARES:
            return _SHARES[word], "%"
        count = _WORDS[word]
        if m["scale"]:
            scale = _key(m["scale"])
            count *= _WORDS.get(scale) or _MULT[scale]
        return float(count), "times" if word in _TIMES else None
    if m["ph"]:
        return None, "%" if m["ph"].endswith("%") else None
    mult = _key(m["mult"] or m["multw"] or "")
    # Grouped as the West (1,000,000), India (10,00,000) or with thin spaces (1 000 000) write.
    digits = m["num"]
    if "," in digits and len(digits) - digits.index(",") <= 3:
        # "€1,2M", "1,5 million", "2,5%": one or two digits after the comma, with a currency
        # before or a scale or % after, make it a decimal comma, as most of Europe writes one
        # (a grouping has three digits after its last comma; "1,2 and 3" stays a list).
        digits = digits.replace(",", ".")
    digits = digits.translate(_GROUPING)
    # A multiple in decimal, so 1.2M is exactly 1200000 before it becomes a float; a plain
    # float is as correctly rounded as float(Decimal(...)).
    amount: Decimal | float = Decimal(digits) * _MULT[mult] if mult else float(digits)
    if m["den"] and amount < int(m["den"]):
        # "over 2/3 of users": a share, in percent.
        return float(Decimal(m["num"]) * 100 / int(m["den"])), "%"
    if m["sign"] in ("-", "−"):
        amount = -amount
    unit: str | None = None
    cur = m["cur"] or m["cur2"]
    if cur:
        cur = cur.strip()
        unit = _UNITS.get(cur.lower(), cur.upper())
    elif m["x"]:
        unit = "x"
    elif m["pct"]:
        pct = m["pct"].strip().lower()
        unit = "points" if pct.startswith(("point", "pt")) else "bps" if "b" in pct else "%"
    return float(amount), unit


# --- A number with what surrounds it ------------------------------------------------------

_NOUNS = re.compile(r"[\s*“”\"`]+([^\W\d_][\w'’-]*(?:/[^\W\d_][\w'’-]*)?)")
_SYMBOL = re.compile(r"(?:>=|<=|[<>≥≤]|sub-)$")
_ARROWS = ("->", "→", "⟶")
_AFTER = re.compile(
    rf"""\s*(?:
        (?P<least>or\s+(?:more|higher|above|greater|over|up)|\+|and\s+(?:above|up|over|higher)
            |at\s+(?:a\s+)?minimum|minimum)
      | (?P<most>or\s+(?:less|lower|below|fewer|under)|at\s+(?:the\s+)?most|maximum|max)
      | (?P<better>or\s+better)
      | (?P<band>-|–|—|(?P<to>to|and|->|→|⟶))\s*(?=[$€£¥]?\d)
      | (?:(?:yoy|qoq|mom|wow|year[-\s]over[-\s]year|quarter[-\s]over[-\s]quarter)\s+)?
        (?:(?P<up>{CHANGE_NOUN_UP}|more|higher|bigger|larger|greater)
          |(?P<down>{CHANGE_NOUN_DOWN}|fewer|less|lower|smaller))\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# Only this much context is looked at around a number; a long text stays linear.
_WINDOW = 48


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


# What may follow a number to make it something else: "twice as many" is a factor of change,
# "5x per day" a frequency; "3 business days" is 3 days.
_AS_MANY = re.compile(r"\s+as\s+(?:many|much)\b", re.IGNORECASE)
_FREQUENCY = re.compile(
    r"\s*(?:times\s+)?(?:per|a|an|each|every)\s+(?:day|week|month|quarter|year|sprint|release)\b",
    re.IGNORECASE,
)
_BUSINESS = re.compile(
    r"\s+(?:business|working|calendar|work)(?=\s+(?:days?|hours?|weeks?)\b)", re.I
)


def tokens_of(w: str) -> list[Token]:
    """The numbers and placeholders in masked text *w*, with what surrounds each."""
    tokens: list[Token] = []
    parens = "(" in w
    # What _BUSINESS needs ("business", "working", "calendar", "work", in any case).
    business_days = "usiness" in w or "orking" in w or "alendar" in w or "ork " in w
    for m in token_matches(w):
        end = m.end()
        value, unit = _number(m)
        change: Change | None = None
        if unit == "times" and _AS_MANY.match(w, end):
            unit, change, end = "x", "up", _AS_MANY.match(w, end).end()  # type: ignore[union-attr]
        elif unit == "x" and _FREQUENCY.match(w, end):
            unit = "times"  # "Deploy 5x per day": how often, not a growth
        if unit is None:
            business = _BUSINESS.match(w, end) if business_days else None
            u = _UNIT_AFTER.match(w, business.end() if business else end)
            if u:
                word = u["u"].lower()
                unit = _UNITS.get(word) or _UNITS.get(word[:-1], word)
                end = u.end()
        prep, qualifier, said = _before(w[max(0, m.start() - _WINDOW) : m.start()])
        change = change or said
        after = _AFTER.match(w, end)
        noun = None
        if unit is None:
            # "300+ yards", "5 or more teams": the noun follows the qualifier.
            noun = noun_after(
                w, after.end() if after and not (after["band"] or after["better"]) else end
            )
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
                if after["to"] and after["to"].lower() != "and":
                    link = "to" if after["to"].lower() == "to" else "arrow"
            else:
                change = "up" if after["up"] else "down" if after["down"] else change
        pct = (m["pct"] or "").lower()
        token = Token(
            start=m.start(),
            end=end,
            value=value,
            unit=unit,
            placeholder=bool(m["ph"]),
            points=unit == "%" and ("point" in pct or pct.strip().startswith("p")),
            sign=(m["sign"] or "").replace("−", "-"),
            prep=prep,
            qualifier=qualifier,
            change=change,
            band=band,
            link=link,
            noun=noun,
            paren=parens and w.rfind("(", 0, m.start()) > w.rfind(")", 0, m.start()),
        )
        if token.sign == "±" and value is not None:
            # "within ±10% of the average": a band from -10 to 10, both ends in one figure.
            tokens.append(token._replace(value=-value, sign="-", band=True, link=None))
            token = token._replace(sign="+")
        tokens.append(token)
    return tokens


def _before(prefix: str) -> tuple[str | None, Qualifier | None, Change | None]:
    """What the words just before a number say of it: its preposition, qualifier and change."""
    prefix = prefix.rstrip()
    if prefix.endswith(_ARROWS):
        return "to", None, None  # "NPS 32 → 50": the arrow says what "to" does
    if prefix.endswith((":", "=")):
        return "=", None, None
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
        for size in (3, 2, 1):
            phrase = tuple(words[-size:])
            if len(phrase) == size and phrase in QUALIFIERS:
                qualifier = QUALIFIERS[phrase]
                del words[-size:]
                break
    if not words:
        return None, qualifier, None
    last = words[-1]
    if last == "to" and len(words) > 1 and words[-2] == "down":
        return "to", qualifier or "most", None  # "Bring the bill down to $25k"
    if last in ("up", "down"):
        return "by", qualifier, "up" if last == "up" else "down"
    if last in ("of", "by") and len(words) > 1 and words[-2] in CHANGE_NOUNS:
        return "by", qualifier, CHANGE_NOUNS[words[-2]]
    return (last if last in PREPOSITIONS else None), qualifier, None


def noun_after(w: str, end: int) -> tuple[int, int] | None:
    """The head noun of the short noun phrase after a count: "12 customer *interviews*".

    The phrase ends before a little word (`STOP`), an adverb or a verb that says what the
    things did ("20 case studies *added*", "5 teams *use* it", "40 reps *sharing*"); a score
    named after a number is no unit ("> 45 NPS").
    """
    head = None
    pos = end
    for _ in range(4):
        m = _NOUNS.match(w, pos)
        if not m:
            break
        word = m[1].lower()
        if (
            word in STOP
            or word in _NOT_NOUNS
            or (head is not None and _is_predicate(word, w, head, m.end()))
        ):
            break
        head = m.span(1)
        pos = m.end()
        slash = m[1].find("/")
        if slash > 0 and m[1][slash + 1 :].lower() in _PERIODS:
            head = (head[0], head[0] + slash)  # "50 exceptions/quarter": a rate's period
            break
    if head is not None and w[head[0] : head[1]].lower() in _SCORES:
        return None
    return head


# Names of scores and indexes: a number before one is a level of it, not a count of it.
_SCORES = frozenset(("nps", "enps", "csat", "sus", "ces", "score", "rating", "index"))
# Words that end a noun phrase though no lexicon would say so.
_NOT_NOUNS = frozenset(
    ("once", "twice", "thrice", "after", "before", "besides", "since", "until", "w", "w/", "have")
) | frozenset(("has", "had", "will", "would", "can", "could", "should", "must", "do", "does"))


def _ends_phrase(w: str, end: int) -> bool:
    """Whether no noun follows *end*: "leads *qualified* by sales", not "marketing qualified
    leads"."""
    nxt = _NOUNS.match(w, end)
    return nxt is None or not nxt[1].islower() or nxt[1] in STOP or nxt[1] in _NOT_NOUNS


def _is_predicate(word: str, w: str, head: tuple[int, int], end: int) -> bool:
    """Whether *word*, after the noun at *head* in *w*, starts what is said of the things."""
    if word.endswith("ly") and len(word) > 4:
        return True  # an adverb: "1 component annually"
    lemma = verb_lemma(word)
    if lemma is None:
        return False
    if word.endswith("ed") or (word != lemma and not word.endswith(("s", "ing"))):
        return _ends_phrase(w, end)  # "20 case studies added", "3,000 contracts deployed"
    # A base form or an -ing form after a plural: "5 teams use it", "500 fans sharing".
    plural = w[head[1] - 1 : head[1]] == "s"
    return plural and (
        word.endswith("ing") or (word == lemma and noun_weight(lemma) < _MOSTLY_NOUN)
    )


_MOSTLY_NOUN = 0.5
_PERIODS = frozenset(("day", "week", "month", "quarter", "year", "sprint", "release", "user"))
