"""The tokens of a statement that are numbers: figures ("$1.2M", "8%", "2x", "1,5 million"),
number words ("a dozen", "twice") and placeholders ("X%", "TBD"), found in three cheap passes
(`token_matches`), and what each stands for (`figure`): its value and the unit it carries
(a currency, %, points, a multiplier, a scale).  What surrounds a number is
`okrkit.text._quantities`'s.
"""

from __future__ import annotations

import functools
import math
import re
from decimal import Decimal, localcontext

from okrkit._money import SIGN_UNITS, SIGNS
from okrkit.errors import InvalidTypeError
from okrkit.text._patterns import DIGIT, words_of
from okrkit.text._units import CURRENCY_CODES, CURRENCY_NAMES, JOINED_CODES, KRONA, UNITS

# --- Figures, number words and placeholders -----------------------------------------------

# (CODES stands for the currency codes, NAMES for the other names read as one, UPPER for the
# codes in upper case, KRONA for "kr": `okrkit.text._units`; SIGNS for the currency signs:
# `okrkit._money`)
_CODES = "|".join(CURRENCY_CODES)  # (three letters each, as a look-behind needs)
_NAMES = "|".join(CURRENCY_NAMES)
_UPPER = "|".join(code.upper() for code in JOINED_CODES)
# A plural noun next: what an amount that seemed money counts ("3 RMB reports", "Book 5 KUSD
# deals", "Sell 3 kr tickets"), as a thing, not money.
_PLURAL_NEXT = (
    r"\x20+(?!(?:this|its|is|as|was|has|across|plus|less|versus|thus)\b)"
    r"[^\W\d_]{2,}[^\W\ds_]s\b"
)
# A scale joined to a currency after a number (case matters: "T" is a thousand, "Md" a
# milliard, "t" and "m" a thousand and a million before "kr" alone).
_SCALED = (
    r"(?-i:(?:(?:[kKTM]|Md)(?:UPPER|[SIGNS])|(?:[tkmM]|md|Md)KRONA)"
    r"(?![^\W\d_]|-[^\W\d_]|PLURAL))"
)
# The rupee's sign and letters before an amount, which a lakh may follow ("₹50L", "Rs 2.5L").
_RUPEE = r"₹\x20?(?=\d)|(?<![^\W\d_])(?-i:Rs)\.?\s?(?=\d)"
# Any other currency written before an amount: its sign,
# its country's letters and a sign ("CA$", "E£"), its letters ("Rp", "Fr."), its code or
# another name ("CHF 40k", "RMB 5M").
_CURRENCY = (
    r"[SIGNS]\x20?(?=\d)|(?<![^\W\d_])(?:US|CA|MX|NT|NZ|HK|A|C|S|R)\$\s?(?=\d)"
    r"|(?<![^\W\d_])E£\s?(?=\d)|(?<![^\W\d_])Rp\.?\s?(?=\d)|(?<![^\W\d_])(?-i:S?Fr)\.\s?(?=\d)"
    r"|(?<![^\W\d_])(?:CODES)\s?(?=\d)"
    # (a name or a code that is a word too counts no things: "RUB 2 sessions", "GEL 5 samples")
    r"|(?<![^\W\d_])(?-i:NAMES)\s?(?=\d)(?!\d[\d.,]*PLURAL)"
)
# The placeholders of these patterns, in the order they are filled: a fragment first, then
# what it holds (the fragments hold the later ones).
_FILLS = (("RUPEE", _RUPEE), ("CURRENCY", _CURRENCY), ("SCALED", _SCALED),
          ("PLURAL", _PLURAL_NEXT), ("CODES", _CODES), ("NAMES", _NAMES), ("UPPER", _UPPER),
          ("KRONA", KRONA), ("SIGNS", SIGNS))  # fmt: skip


def _filled(pattern: str) -> str:
    """*pattern* with each of its placeholders (`_FILLS`) replaced by what it stands for."""
    for placeholder, fill in _FILLS:
        pattern = pattern.replace(placeholder, fill)
    return pattern


_NUMBER = _filled(
    r"""
    (?P<sign>(?<![\w.,])(?:\+/-|\+-|[-−+±])(?=[SIGNS]?\d))?
    (?P<cur>(?P<inr>RUPEE)|CURRENCY)?
    (?P<num>(?<![\d,])\d{1,2}(?>(?:,\d{2}(?=,))+),\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|
        \d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?e[-+]?\d+(?![\w.])|
        # thousands grouped by apostrophes, as Switzerland writes them ("CHF 4'500'000.50")
        (?<![\w,'’])(?<!\d\.)\d{1,3}+(?:['’]\d{3})++(?:\.\d{1,2})?+(?![\d'’]|\.\d)|
        # one dot grouping thousands before a decimal comma, as much of Europe writes money
        # ("R$ 38.000,00", "€ 1.234,56")
        (?<![\d.,])\d{1,3}\.\d{3},\d{1,2}(?![\d.,])|
        # thousands grouped by plain spaces, as SI and much of Europe write them ("1 000 000
        # users", "25 000", "€12 500", "from 3 200 € to 2 600 €"): two groups or more, one
        # that starts with 0, or one after a currency sign or a word that brings a level or
        # a move (after a verb of work, a count then a size, "Build 3 100 node clusters",
        # "Publish 4 500 word articles", is two numbers); led by no 0, nothing of a name
        # ("Q3 100 users") and no group of its own (so a long run is looked at once, not
        # from each group); not before a letter, a hyphen's word or more digits ("3
        # 100-page reports", "10 000m")
        (?<![\w.,])(?<!(?<!\d)\d\x20)(?<!(?<!\d)\d\d\x20)(?<!(?<!\d)\d\d\d\x20)
        (?:(?:(?<=[SIGNS<>≤≥=~→])|(?<=[SIGNS<>≤≥=~:→]\x20)|(?<=->\x20)|(?<=\b(?:CODES)\x20)|
              (?<=\bfrom\x20)|(?<=\bto\x20)|(?<=\bby\x20)|(?<=\bof\x20)|(?<=\bthan\x20)|
              (?<=\bunder\x20)|(?<=\bover\x20)|(?<=\babove\x20)|(?<=\bbelow\x20)|
              (?<=\breach\x20)|(?<=\breaches\x20))  # (the codes are three letters each)
             [1-9]\d{0,2}+(?:\x20\d{3})++
           |[1-9]\d{0,2}+(?:(?:\x20\d{3}){2,}+|\x200\d\d)
           # or one group before a currency that no word follows ("Cut cost 3 200 € → 2 600
           # €"; not "Give 20 100 € vouchers")
           |[1-9]\d{0,2}+\x20\d{3}(?=\x20?[SIGNS](?!\x20?[^\W\d_])|\x20(?:CODES)\b(?!\x20[^\W\d_])))
        (?:[.,]\d{1,2})?+(?![.,]?\d|[-\u2010-\u2015\u2212\ufe63]?[^\W\d_])|
        (?<=[SIGNS])\d+,\d{1,2}(?![\d,])|
        \d+,\d{1,2}(?=\s?(?:%|[kmbx](?![^\W\d_])|bn\b|mm\b|mn\b|[SIGNS]|(?:CODES|(?-i:NAMES))\b|SCALED|
            (?:million|billion|thousand|lakhs?|lacs?|crores?|cr|mio|mrd|mia|mln|mil|mi|bi|
            milh(?:ão|ões)|bilh(?:ão|ões)|percent|pct|times)\b))|
        (?=\d{1,3}[.,]\d)(?:  # (looked for only where a separator follows 1-3 digits)
            # a decimal comma after a word that brings a level ("from 4,1 to 4,5", "min.
            # 4,2", "above 4,5"), not in a list ("features 1,2", "1,2 and 3") nor a count
            # ("Hire 3,5 engineers")
            (?:(?<=\bfrom\s)|(?<=\bto\s)|(?<=\bof\s)|(?<=\bat\s)|(?<=\bby\s)|(?<=\bin\s)|
               (?<=\bthan\s)|(?<=above\s)|(?<=below\s)|(?<=under\s)|(?<=\bover\s)|
               (?<=\bis\s)|(?<=\.\s)|(?<=[<>≤≥=:SIGNS]\s)|(?<=[<>≤≥=~]))
            \d{1,3},\d{1,2}(?![\d,]|\s*(?:and|or|&)\s*\d)|
            # one dot grouping thousands in money, as much of Europe writes it, with a group
            # of 000 ("€500.000", "320.000 ₺", "EUR 5.000"; not a price to three places,
            # "$3.499", "USD 1.085", nor with no currency, "12.500")
            (?P<dotk>(?:(?<=[SIGNS])|(?<=[SIGNS]\x20)|(?<=\b(?:CODES)\x20))[1-9]\d{0,2}\.000(?![\d.,])|
                (?<![\d.,])[1-9]\d{0,2}\.000(?=\x20?[SIGNS](?!\x20?\d)|\x20(?:CODES)\b))|
            # dots grouping thousands, twice or more: "€1.200.000"
            (?<![\d.])\d{1,3}(?:\.\d{3}){2,}+(?:,\d{1,2})?(?![\d.]))|
        \d+(?:\.\d+)?|\.\d+)
    (?:/(?P<den>[2-9])(?![\d/.,]))?
    (?:(?P<mult>bn|mm|k|m|b|万|亿|億|천만|백만|만|억)(?![^\W\d_円元원])|(?:\s|-(?<![-–A-Za-z_]\d-)(?<![-–A-Za-z_]\d\d-)(?<![-–A-Za-z_]\d\d\d-)(?<![-–A-Za-z_]\d{4}-)(?=billion|million|thousand|lakh|crore))?(?P<multw>billions?|millions?|thousands?|bn|mn|mln|mil|
        mio|mrd|mia|miliar|mld|tys|juta|lakhs?|lacs?|crores?|cr|milh(?:ão|ões)|bilh(?:ão|ões))\b\.?|\s(?P<multc>[kmKM])(?=[SIGNS])|
        # a scale joined to a currency, as European accounts write it: "500 TEUR" and "800
        # kCHF" (thousands), "12 MSEK", "1,5 Md€" (milliards), "40 Mkr", "900 tkr"
        \s?(?=SCALED)(?P<mults>(?-i:Md|md|[kKTMtm]))(?=(?-i:UPPER|[SIGNS]|KRONA)(?![^\W\d_]))|
        # after a currency, Portuguese and Spanish "mi" and "bi" ("R$ 2,5 mi", "R$ 1 bi");
        # after the rupee, India's "L" for lakh ("₹50L", "Rs 2.5L")
        (?(cur)\s?(?P<multl>mi|bi)(?![-\w])\.?)|(?(inr)\s?(?P<lakh>(?-i:L))(?![^\W\d_]|&|[/-][^\W\d_])))?
    (?P<x>x(?![^\W\d_]))?
    (?P<pct>\s?(?:%\s?(?:points?|pts?)\b|%|percent(?:age)?\s+points?|pp\b|p\.p\.|ppts?\b|points?\b|pts?\b|
        basis\s+points?\b|bps\b|percent\b|per\s+cent\b|pct\b))?
    (?:\s?(?P<cur2>(?:CODES|dollars|euros|pounds(?!\s+of\b)|yen|rupees)\b|(?-i:NAMES|KRONA)\b(?!PLURAL|-)|[円元원]|
        (?<![SIGNS]\d)(?<![SIGNS]\d\d)(?<![SIGNS]\d\d\d)[SIGNS](?!\s?\d)))?
"""
)
# What a currency before an amount is, for patterns that look for one ahead (the rupee's
# signs too): "to CHF 2M", "→ CA$12", "to Rs 2 crore".
CURRENCY_BEFORE = _filled(f"{_RUPEE}|{_CURRENCY}")
# A length of time in two units written as one ("1m30s", "2h 15min"): read in the smaller.
_DURATION = _filled(r"""
    (?<![\wSIGNS.,])(?P<dur>\d{1,3}h\s?[0-5]?\d\s?m(?:in)?|\d{1,3}m\s?[0-5]?\d\s?s)\b
""")
# "one" as a pronoun after a determiner or an adjective ("based on the existing one", "this
# one") stands for a thing, not a number.
_ONE = "one" + "".join(
    rf"(?<!\b{word}\sone)"
    for word in ("the", "this", "that", "which", "another", "existing", "new", "old", "same",
                 "current", "previous", "every", "each",
                 # "from day one", "the number one choice": an idiom and a rank (D7)
                 "day", "number",
                 # "No one waits more than 2 days": nobody, no number
                 "no")
) + "".join(rf"(?<!\bno{dash}one)" for dash in "-‐‑–—")  # fmt: skip
# "Half of all tickets": a share, but not a half of a year ("the second half of 2027", "the
# back half of the year").
_HALF_OF = "".join(
    rf"(?<!\b{word}\s)"
    for word in ("a", "the", "first", "second", "1st", "2nd", "latter", "other", "back",
                 "front", "last", "remaining", "bottom", "top")
) + r"half(?=\s+of\b)"  # fmt: skip
# "in under an hour", "within a day": one of a unit of time, after a word that bounds it
# (not "in a month": a deadline, "Ship a release in a month").
_AN_HOUR = (
    r"(?:(?<=under\s)|(?<=within\s)|(?<=than\s))an?"
    r"(?=\s+(?:(?:business|working)\s+)?(?:minute|hour|day|week|month)\b)"
)
# A fraction's "of" a whole, not of a scale: "two-thirds of the cohort", not "three quarters
# of a million users".
_PART_OF = r"\s+of\b(?!\s+an?\s+(?:hundred|thousand|million|billion)\b)"
_WORD_NUMBER = rf"""
    \b(?<!-)(?P<word>(?:two|one)[-\s]thirds?(?={_PART_OF})|(?:three|one)[-\s]quarters?(?={_PART_OF})|
        half\s+an?\s+(?:hundred|thousand|million|billion)|
        (?<=by\s)(?:a|one)[-\s](?:third|quarter)|zero|{_ONE}|two|three|four|five|six|seven|eight|
        nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|a\s+dozen|dozen|
        a\s+couple\s+of(?=\s)|
        a\s+hundred|a\s+thousand|
        a\s+million|twice|thrice|once(?=\s+(?:a|per|every|each)\s)|(?<=least\s)once|
        (?<=than\s)once|(?<=most\s)once|(?<=least\s)half|(?<=over\s)half|(?<=than\s)half|
        (?<=most\s)half|{_HALF_OF}|{_AN_HOUR})
        (?:\s+(?P<scale>hundred|thousand|million|lakh|crore))?(?![\w-])
        (?:\s+(?P<wpct>percent|per\s+cent)\b)?
        (?:(?<=half)|(?<=third)|(?<=thirds)|(?<=quarter)|(?<=quarters)|(?<=cent)|(?!\s+of\b))
"""
# A number to come: "X%", "x%", "N", "TBD", "TBD%", "??", "[ ]" (not a Z before an
# apostrophe: "Z' > 0.6" is an assay's Z-prime); after a currency's sign, at a scale too
# ("$XM", "$X.XM", "€NK").
_PLACEHOLDER = _filled(r"""
    (?P<ph>(?-i:(?<=[SIGNS])(?:X|N)(?:\.X{1,2})?(?:[KMB]|MM|bn)(?![^\W_]))|
        (?-i:(?<![^\W_])(?:X{1,4}|Y{1,4}|Z{1,4}|NN?)(?![^\W_])(?!(?<=Z)['’]))%?|
        (?-i:(?<![^\W_])x%)|
        # (not a choice still to make: "(tbd whether it's slack or a mailing list)"; but a
        # target's slot: "Reduce churn to TBD when we have the Q1 baseline")
        (?:(?<=\bto\x20)|(?<=\bby\x20)|(?<=\bat\x20)|(?<=[SIGNS]))(?:tbd|tbc|tba)\b%?|
        \b(?:tbd|tbc|tba)\b(?!\s+(?:whether|if|which|who|how|what|when|where)\b)%?|
        \?{2,}%?|\[\s?(?:x|n|tbd|\?)?\s?\])
""")
_NEVER = {
    "number": "(?P<word>(?!))(?P<scale>(?!))(?P<wpct>(?!))(?P<ph>(?!))",
    "word": r"(?P<sign>(?!))(?P<cur>(?!))(?P<num>(?!))(?P<mult>(?!))(?P<multw>(?!))(?P<multc>(?!))"
    r"(?P<x>(?!))"
    r"(?P<pct>(?!))(?P<cur2>(?!))(?P<dur>(?!))",
}
# Three passes, each starting from a cheap first character, are much faster than one
# alternation tried at every position; the never-matching groups give all three one shape.
TOKENS = (
    re.compile(
        rf"(?=[-−+±{SIGNS}.\d]|[uacnhsegjikzbmpd][a-z]{{0,2}}\$?\s?\d|r(?:[ps]\.?|\$|mb|ub)\s?\d|s?fr\.\s?\d|(?:thb|twd|vnd|zł|e£|try)\s?\d)"
        rf"(?:{_DURATION}|{_NUMBER})"
        rf"|{_NEVER['number']}",
        re.IGNORECASE | re.VERBOSE,
    ),
    re.compile(rf"{_WORD_NUMBER}|{_NEVER['word']}(?P<ph>(?!))", re.IGNORECASE | re.VERBOSE),
    re.compile(
        rf"{_PLACEHOLDER}|{_NEVER['word']}(?P<word>(?!))(?P<scale>(?!))(?P<wpct>(?!))",
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
        "couple",
        "thousand",
        "million",
        "twice",
        "thrice",
        "once",
    ]
)
# "half" counts only after a qualifier ("at least half") or before "of" ("half of all
# tickets"), a third or a quarter after "by".
_HALF_AFTER = frozenset(("least", "over", "than", "most", "of"))
_AN = frozenset(("a", "an"))
_AN_AFTER = frozenset(("under", "within", "than"))
_PLACEHOLDER_WORDS = frozenset(("tbd", "tbc", "tba"))


def may_have_number_word(words: frozenset[str] | None) -> bool:
    """False only if TOKENS[1] cannot match the text whose `words_of` are *words*."""
    return (
        words is None
        or not _NUMBER_WORDS.isdisjoint(words)
        or ("half" in words and not _HALF_AFTER.isdisjoint(words))
        or (not _AN.isdisjoint(words) and not _AN_AFTER.isdisjoint(words))
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
        or "x%" in w
        or not _PLACEHOLDER_WORDS.isdisjoint(words)
    )


def has_number_word(w: str) -> bool:
    """Whether *w* holds a number word ("two", "a dozen")."""
    return any(m["word"] for m in TOKENS[1].finditer(w))


# A rank written in words ("the top two hundred"): a name, never an amount (D7).
_TOP = re.compile(r"\btop\s+$", re.IGNORECASE)


def _number_words(w: str) -> list[re.Match[str]]:
    """TOKENS[1]'s matches in *w*, less a rank's ("top two", "top two hundred": the scale
    left after its number word would read as an amount of its own)."""
    found = []
    end = -1
    for m in TOKENS[1].finditer(w):
        if _TOP.search(w, max(0, m.start() - 8), m.start()) or (
            end >= 0 and not w[end : m.start()].strip()
        ):
            end = m.end()  # the rank, and what goes on straight after it
            continue
        end = -1
        found.append(m)
    return found


def token_matches(w: str) -> list[re.Match[str]]:
    """Every number, number word and placeholder in *w*, in order."""
    words = words_of(w) if w.isascii() else None
    found = _number_words(w) if may_have_number_word(words) else []
    if may_have_placeholder(w, words):
        found += TOKENS[2].finditer(w)
    digit = DIGIT.search(w)
    if digit:
        # No number starts more than _REACH characters before its first digit, so the
        # search starts there (look-behinds still see the text before it).
        found += TOKENS[0].finditer(w, max(0, digit.start() - _REACH))
        found.sort(key=lambda m: m.start())
    return found


# --- What a number stands for -------------------------------------------------------------

_WORDS = {
    "zero": 0,
    "a": 1,  # "within a day" (_AN_HOUR)
    "an": 1,
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
    "a couple of": 2,
    "half a hundred": 50,
    "half a thousand": 500,
    "half a million": 500_000,
    "half a billion": 500_000_000,
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
# "two-thirds of the cohort", "three quarters of stores", before "of" only.
_SHARES.update(
    {
        f"{count}{gap}{part}": share
        for count, part, share in (
            ("one", "third", 100 / 3),
            ("two", "thirds", 200 / 3),
            ("one", "quarter", 25.0),
            ("three", "quarters", 75.0),
        )
        for gap in (" ", "-")
    }
)
_MULT = {
    "k": 1000,
    "thousand": 1000,
    "m": 1_000_000,
    "mm": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "mil": 1_000_000,
    "mio": 1_000_000,
    "mi": 1_000_000,
    "juta": 1_000_000,
    "万": 10_000,
    "亿": 100_000_000,
    "億": 100_000_000,
    "mrd": 1_000_000_000,
    "mia": 1_000_000_000,  # Swiss German "Milliarde": "CHF 2.4 Mia."
    "milhão": 1_000_000,  # and Portuguese, "R$ 1,5 milhão", "R$ 3 milhões"
    "milhões": 1_000_000,
    "bilhão": 1_000_000_000,
    "bilhões": 1_000_000_000,
    "mld": 1_000_000_000,  # Polish "miliard", and "tys." a thousand: "3 mld zł", "15 tys. zł"
    "tys": 1000,
    "만": 10_000,  # Korean: "6200만", "₩1억", "5천만원"
    "백만": 1_000_000,
    "천만": 10_000_000,
    "억": 100_000_000,
    "miliar": 1_000_000_000,
    "bi": 1_000_000_000,
    "million": 1_000_000,
    "millions": 1_000_000,  # "2 millions of users", as other languages write it
    "thousands": 1000,
    "billions": 1_000_000_000,
    "b": 1_000_000_000,
    "bn": 1_000_000_000,
    "billion": 1_000_000_000,
    "lakh": 100_000,
    "lac": 100_000,  # as India also spells it: "Rs 40 lacs"
    "lacs": 100_000,
    "lakhs": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
    "cr": 10_000_000,
}
# A scale joined to a currency, by its case: "500 TEUR", "12 MSEK", "1,5 Md€", "900 tkr".
_JOINED = {"k": 1000, "K": 1000, "T": 1000, "t": 1000, "M": 1_000_000, "m": 1_000_000,
           "Md": 1_000_000_000, "md": 1_000_000_000}  # fmt: skip
_BLANKS = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
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


_GROUPING = str.maketrans("", "", ", \u00a0\u202f\u2009'’")


def _digits(num: str) -> str:
    """The digits of a number as written, as `Decimal` reads them: grouped as the West
    (1,000,000), India (10,00,000), with spaces (1 000 000), apostrophes (1'000'000) or dots
    (1.000.000) write, with a decimal point or comma."""
    if num.count(".") > 1 or ("," in num and "." in num and num.index(".") < num.rindex(",")):
        num = num.replace(".", "").replace(",", ".")  # "1.200.000", "1.200.000,50", "1.234,56"
    elif "," in num and len(num) - num.index(",") <= 3:
        # "€1,2M", "1,5 million", "2,5%": one or two digits after the comma, with a currency
        # before or a scale or % after, make it a decimal comma, as most of Europe writes one
        # (a grouping has three digits after its last comma; "1,2 and 3" stays a list).
        num = num.replace(",", ".")
    return num.translate(_GROUPING)


def _digits_of(m: re.Match[str]) -> str:
    """The digits of a number token's number, as `Decimal` reads them (`_digits`): a dot
    grouping thousands in money is no decimal point ("€500.000")."""
    return m["num"].replace(".", "") if m["dotk"] else _digits(m["num"])


def _scale(m: re.Match[str]) -> int | Decimal:
    """What the scale after a number token multiplies it by (1 for none): "mil" is a million
    (American slang) but a thousand after the Brazilian real, as Brazil writes it ("R$ 45
    mil" is R$ 45,000, "R$ 2,5 mi" R$ 2,500,000)."""
    if m["mults"]:
        return _JOINED[m["mults"]]
    if m["lakh"]:
        return _MULT["lakh"]
    mult = _key(m["mult"] or m["multw"] or m["multc"] or m["multl"] or "")
    if not mult:
        return 1
    if mult == "mil" and _unit_of(m) == "BRL":
        return 1000
    return _MULT[mult]


def _unit_of(m: re.Match[str]) -> str | None:
    """The unit a number token carries in itself: its currency, %, points, basis points or
    "x"; None for any other."""
    cur = m["cur"] or m["cur2"]
    if cur:
        cur = cur.strip()
        if cur == KRONA or cur in CURRENCY_NAMES:
            return CURRENCY_NAMES.get(cur, KRONA)
        return UNITS.get(cur.lower(), cur.upper())
    if m["x"]:
        return "x"
    if m["pct"]:
        pct = m["pct"].strip().lower()
        return "points" if pct.startswith(("point", "pt")) else "bps" if "b" in pct else "%"
    return None


def read_number(text: str) -> tuple[Decimal, str | None, int] | None:
    """The number *text* opens with, as a statement's level is read (as after "="): its
    exact value, the unit it carries in itself (a currency, %, points, basis points, "x"),
    and where it ends in *text*; None if *text* opens with no number, or one no `Decimal`
    holds.

    >>> read_number("940 000 € by Friday")
    (Decimal('940000'), '€', 9)
    >>> read_number("CHF 2.9 Mio.")[:2], read_number("₹95 lakh")[:2], read_number("2,1 %")[:2]
    ((Decimal('2900000.0'), 'CHF'), (Decimal('9500000'), '₹'), (Decimal('2.1'), '%'))
    >>> read_number("about 5") is None
    True
    """
    if not isinstance(text, str):
        raise InvalidTypeError("text", text, "a str")
    w = "= " + text
    m = TOKENS[0].match(w, 2)
    if m is None or not m["num"] or m["den"]:
        return None
    mult = _scale(m)
    digits = _digits_of(m)
    try:
        exact = Decimal(digits)
        if mult != 1:
            with localcontext() as exactly:  # as many digits as it has: no rounding
                exactly.prec = max(exactly.prec, len(digits) + 12)
                exact *= mult
    except ArithmeticError:
        return None
    if m["sign"] in ("-", "−"):
        exact = exact.copy_negate()
    return exact, _unit_of(m), m.end() - 2


# What may follow a sum to come: the end, a mark, a word of money or a metric's letters
# ("$N net new ARR", "$XM in pipeline", "< $X."); not a template's noun ("$X service").
_MONEY_NEXT = re.compile(
    r"\s*(?:$|[.,;:)!?]|(?:in|of|per|net|new|more|total|annual|monthly|recurring|revenue|"
    r"pipeline|bookings|sales|savings|spend|budget|funding|costs?|profit|margin|raised|closed|"
    r"won|saved|each|every|or|and|to|by)\b|(?-i:[A-Z]{2,}))",
    re.IGNORECASE,
)


def scale_of(word: str) -> int:
    """What a scale word multiplies by: "hundred" 100, "million" 1,000,000, "lakh" 100,000."""
    key = _key(word)
    return _WORDS.get(key) or _MULT[key]


def figure(m: re.Match[str]) -> tuple[float | None, str | None]:
    """The value and unit a token match stands for."""
    if m["word"]:
        word = _key(m["word"])
        if word in _SHARES:
            return _SHARES[word], "%"
        count = _WORDS[word]
        if m["scale"]:
            count *= scale_of(m["scale"])
        if m["wpct"]:
            return float(count), "%"  # "twenty percent", "fifty per cent"
        return float(count), "times" if word in _TIMES else None
    if m["ph"]:
        if m["ph"].endswith("%"):
            return None, "%"
        # "$N net new ARR", "< $X": a sum to come, in the currency of the sign before it
        # (not a link's or an emphasis's, "[$N](...)", "[_$N_]": a figure kept elsewhere)
        before = m.string[max(0, m.start() - 2) : m.start()]
        sign = before[-1:]
        if (
            sign not in SIGN_UNITS
            or before[:-1] in ("[", "_")
            # (nor a template's variable: "Migrate $X service", "Replace $X with a value")
            or _MONEY_NEXT.match(m.string, m.end()) is None
        ):
            return None, None
        return None, SIGN_UNITS[sign]
    if m["dur"]:
        # "1m30s" is 90 s, "2h 15min" 135 min: the larger unit is 60 of the smaller.
        big, small = _DIGITS.findall(m["dur"])
        return float(int(big) * 60 + int(small)), "s" if m["dur"][-1] in "sS" else "min"
    mult = _scale(m)
    digits = _digits_of(m)
    # A multiple in decimal, so 1.2M is exactly 1200000 before it becomes a float; a plain
    # float is as correctly rounded as float(Decimal(...)).
    try:
        amount: Decimal | float = Decimal(digits) * mult if mult != 1 else float(digits)
    except ArithmeticError:  # "1e999999 lakh": past what a Decimal holds (decimal.Overflow)
        return None, None
    if m["den"] and amount < int(m["den"]):
        # "over 2/3 of users": a share, in percent.
        return float(Decimal(digits) * 100 / int(m["den"])), "%"
    if m["sign"] in ("-", "−"):
        amount = -amount
    unit = _unit_of(m)
    value = float(amount) + 0.0  # + 0.0: "-0" is 0, not negative zero
    if not math.isfinite(value) or (not value and digits.lower().split("e")[0].strip("0.")):
        return None, unit  # "1e999" or "1e-999": no float holds it (the reading says so)
    return value, unit
