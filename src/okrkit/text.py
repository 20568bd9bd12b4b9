"""Reading OKR statements written in English: "Reduce churn by 8%" as a structured key result.

`parse_key_result` reads one key result sentence into a `ParsedKeyResult` (its direction,
whether it moves *by* an amount or *to* a level, the numbers, the unit, the metric, whether
it can be measured at all and whether it describes an activity rather than an outcome);
`to_key_result` turns that into a `KeyResult`; `parse_objective` says whether an objective
is qualitative, as it should be.  A `key_result_reader` reads many statements into the
`KeyResultReading`\\ s that fields are checked against (as the validation rules do), and
`canonical_unit` names the unit a spelling stands for.  Everything is rules and regular
expressions: no network, no models, any string in, a well-formed answer out.

>>> parse_key_result("Reduce churn by 8%").direction
<Direction.DECREASE: 'decrease'>
>>> to_key_result("Reduce churn by 8%", start=5.0).target
4.6

The reading rules, and why, are in ``docs/statements.md``.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Literal, NamedTuple, TypeAlias

import attrs

from okrkit._validators import Number, check_number
from okrkit.errors import InvalidTypeError, InvalidValueError
from okrkit.model import Direction, KeyResult

__all__ = [
    "Form",
    "KeyResultReading",
    "ParsedKeyResult",
    "ParsedObjective",
    "Span",
    "SpanLabel",
    "canonical_unit",
    "key_result_reader",
    "parse_key_result",
    "parse_objective",
    "to_key_result",
]

Form: TypeAlias = Literal["change", "target"]
"""How a statement sets its goal: moving *by* an amount (``"change"``) or reaching a level."""

SpanLabel: TypeAlias = Literal[
    "verb", "metric", "value", "start", "upper", "qualifier", "deadline", "placeholder"
]
"""What a `Span` marks in a statement."""


@attrs.frozen
class Span:
    """Where one part of a statement was found: ``text == statement[start:end]``.

    >>> parse_key_result("Reduce churn by 8%").spans[0]
    Span(label='verb', start=0, end=6, text='Reduce')
    """

    label: SpanLabel
    start: int
    end: int
    text: str


@attrs.frozen(kw_only=True)
class ParsedKeyResult:
    """A key result statement as okrkit read it; fields are None where the text says nothing.

    `value` is the target (``"target"`` form) or the amount of change (``"change"`` form);
    for a band (WITHIN) it is the low end and `upper` the high end.  A relative change is a
    percentage of the baseline (``unit="%"``) or a factor (``unit="x"``: "double" is 2).

    >>> p = parse_key_result("Increase NPS from 32 to 50 by Q3")
    >>> p.direction, p.form, p.start, p.value, p.metric, p.deadline
    (<Direction.INCREASE: 'increase'>, 'target', 32.0, 50.0, 'NPS', 'by Q3')
    """

    text: str
    direction: Direction | None = None
    form: Form | None = None
    value: float | None = None
    start: float | None = None
    upper: float | None = None
    relative: bool = False
    unit: str | None = None
    metric: str | None = None
    deadline: str | None = None
    measurable: bool = False
    output: bool = False
    ambiguities: tuple[str, ...] = ()
    spans: tuple[Span, ...] = ()


@attrs.frozen(kw_only=True)
class ParsedObjective:
    """An objective statement as okrkit read it: objectives should be qualitative outcomes.

    >>> parse_objective("Drive a 20% increase in sign-ups")
    ParsedObjective(text='Drive a 20% increase in sign-ups', numeric=True, output=False, words=6)
    """

    text: str
    numeric: bool
    """The objective carries a number or a metric (NPS, ARR, a rate): that belongs in a KR."""
    output: bool
    """The objective names a deliverable ("Launch the new app") rather than an outcome."""
    words: int


# --- Vocabulary -------------------------------------------------------------------------

# Verb kinds: "inc"/"dec" name a direction; "keep" holds a level (AT_LEAST/AT_MOST);
# "cap" holds a ceiling; "reach" moves to a level whose direction the numbers or the
# metric decide; "out" is an activity or deliverable.
_VERB_LEMMAS: dict[str, list[str]] = {
    "inc": [
        "increase",
        "grow",
        "raise",
        "boost",
        "lift",
        "expand",
        "double",
        "triple",
        "quadruple",
        "accelerate",
        "maximize",
        "maximise",
        "scale",
        "add",
        "gain",
        "extend",
        "strengthen",
        "multiply",
        "amplify",
    ],
    "dec": [
        "reduce",
        "decrease",
        "cut",
        "lower",
        "lessen",
        "shrink",
        "drop",
        "minimize",
        "minimise",
        "eliminate",
        "halve",
        "slash",
        "trim",
        "shorten",
        "eradicate",
        "save",
    ],
    "keep": [
        "maintain",
        "keep",
        "stay",
        "sustain",
        "remain",
        "preserve",
        "protect",
        "retain",
        "ensure",
        "uphold",
    ],
    "cap": ["limit", "cap", "contain"],
    "reach": [
        "reach",
        "achieve",
        "hit",
        "attain",
        "get",
        "bring",
        "move",
        "take",
        "push",
        "drive",
        "improve",
        "exceed",
        "surpass",
        "beat",
        "generate",
        "close",
        "sign",
        "win",
        "book",
        "acquire",
        "land",
        "secure",
        "earn",
        "convert",
        "attract",
        "obtain",
        "capture",
        "collect",
        "resolve",
        "renew",
        "pass",
        "respond",
        "answer",
        "accelerate",
        "optimize",
        "optimise",
    ],
    "out": [
        "launch",
        "ship",
        "release",
        "deliver",
        "implement",
        "build",
        "create",
        "develop",
        "design",
        "conduct",
        "hold",
        "host",
        "organize",
        "organise",
        "run",
        "train",
        "publish",
        "write",
        "complete",
        "finish",
        "roll",
        "deploy",
        "migrate",
        "introduce",
        "set",
        "establish",
        "define",
        "document",
        "hire",
        "recruit",
        "interview",
        "send",
        "make",
        "call",
        "attend",
        "present",
        "give",
        "do",
        "perform",
        "execute",
        "redesign",
        "refactor",
        "automate",
        "integrate",
        "upgrade",
        "replace",
        "pilot",
        "test",
        "audit",
        "review",
        "prepare",
        "produce",
        "translate",
        "draft",
        "finalize",
        "finalise",
        "rewrite",
        "open",
        "start",
        "begin",
        "kick",
        "schedule",
        "visit",
        "sponsor",
        "record",
        "post",
        "enable",
        "instrument",
        "certify",
        "sunset",
        "deprecate",
        "decommission",
        "retire",
        "consolidate",
        "standardize",
        "standardise",
        "mentor",
        "coach",
        "facilitate",
        "submit",
        "negotiate",
        "install",
        "onboard",
    ],
}
_IRREGULAR = {
    "grew": "grow",
    "grown": "grow",
    "cut": "cut",
    "kept": "keep",
    "held": "hold",
    "made": "make",
    "gave": "give",
    "given": "give",
    "built": "build",
    "did": "do",
    "done": "do",
    "won": "win",
    "sent": "send",
    "brought": "bring",
    "got": "get",
    "took": "take",
    "taken": "take",
    "wrote": "write",
    "written": "write",
    "ran": "run",
    "drove": "drive",
    "driven": "drive",
    "began": "begin",
    "begun": "begin",
}
_FACTORS = {"double": 2, "triple": 3, "quadruple": 4, "halve": 2}
# Verbs whose direction depends on the metric: "improve churn" means lower it.
_POLAR = frozenset({"improve", "accelerate", "optimize", "optimise"})
# Verbs that describe an activity only with a count: "Make 50 calls", not "Make sales efficient".
_NEEDS_COUNT = frozenset({"make", "do", "give"})
# Verbs that name a change, so a bare number after them is an amount: "Save $200k".
_CHANGE_VERBS = frozenset(_VERB_LEMMAS["inc"]) | frozenset(_VERB_LEMMAS["dec"])
# Objectives name a deliverable with a narrower set: "Build a world-class team" is aspirational.
_OBJECTIVE_OUTPUT = frozenset(
    [
        "launch",
        "ship",
        "release",
        "deliver",
        "implement",
        "migrate",
        "roll",
        "deploy",
        "complete",
        "finish",
        "publish",
        "install",
        "rewrite",
        "redesign",
        "replace",
        "upgrade",
        "integrate",
        "introduce",
        "hire",
        "hold",
        "conduct",
        "host",
        "open",
        "sunset",
        "decommission",
        "refactor",
        "automate",
        "train",
        "design",
    ]
)


def _inflections(lemma: str) -> set[str]:
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing", lemma + "d"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma + "d"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


_VERBS: dict[str, tuple[str, str]] = {}
for _kind, _lemmas in _VERB_LEMMAS.items():
    for _lemma in _lemmas:
        for _inflected in _inflections(_lemma):
            _VERBS.setdefault(_inflected, (_kind, _lemma))
for _inflected, _lemma in _IRREGULAR.items():
    _VERBS[_inflected] = next((k, _lemma) for k, ls in _VERB_LEMMAS.items() if _lemma in ls)
_VERBS["ramp"] = ("inc", "increase")  # "ramp up"

# Words before a verb that do not change what it means: "We will launch", "Successfully ship".
_LEAD_SKIP = frozenset(
    [
        "we",
        "will",
        "i",
        "team",
        "to",
        "successfully",
        "fully",
        "completely",
        "let's",
        "lets",
        "must",
        "should",
        "and",
        "also",
        "kr",
    ]
)
# A first word followed by one of these is a noun: "Test coverage at 80%", "Build time < 10 min".
_COMPOUND = frozenset(
    [
        "coverage",
        "time",
        "times",
        "rate",
        "score",
        "cost",
        "costs",
        "pipeline",
        "velocity",
        "success",
        "volume",
        "quality",
        "frequency",
        "cadence",
        "count",
        "size",
        "completion",
        "pass",
        "duration",
        "speed",
    ]
)
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "by",
        "to",
        "from",
        "of",
        "in",
        "on",
        "at",
        "for",
        "per",
        "with",
        "within",
        "without",
        "across",
        "among",
        "over",
        "under",
        "above",
        "below",
        "than",
        "via",
        "into",
        "onto",
        "each",
        "every",
        "this",
        "that",
        "these",
        "those",
        "our",
        "their",
        "its",
        "my",
        "your",
        "we",
        "is",
        "are",
        "be",
        "was",
        "were",
        "so",
        "as",
        "while",
        "vs",
        "versus",
        "more",
        "less",
        "fewer",
        "higher",
        "lower",
        "increase",
        "decrease",
        "growth",
        "reduction",
        "improvement",
        "rise",
        "drop",
        "decline",
        "plus",
        "out",
        "up",
        "down",
        "who",
        "which",
        "where",
        "when",
        "if",
        "all",
        "any",
        "no",
        "not",
        "average",
        "rating",
        "score",
        "rate",
        "ratio",
        "margin",
        "range",
        "against",
        "like",
        "including",
        "such",
        "through",
    ]
)
# Metrics where lower is better: "improve p95 latency", "keep churn at 2%".
_LOWER_IS_BETTER = re.compile(
    r"churn|attrition|turnover|latency|response time|resolution time|time to|lead time|"
    r"cycle time|load time|wait|downtime|outage|incident|bug|defect|error|crash|cost|spend|"
    r"expense|\bcac\b|burn|complaint|escalation|backlog|debt|mttr|mttd|bounce|abandon|refund|"
    r"chargeback|fraud|delay|queue|vulnerabilit|injur|absentee|waste|emission|carbon|co2|"
    r"breach|audit finding|days sales outstanding|\bdso\b|handle time|\baht\b|build time|p\d\d"
)
# Metrics that are themselves percentages, where "by 5%" can mean 5 points.
_RATE = re.compile(
    r"rate|churn|conversion|retention|margin|share|ratio|\bctr\b|uptime|availability|"
    r"utili[sz]ation|penetration|percentage|attrition|turnover|bounce|adoption|coverage",
    re.IGNORECASE,
)
_OBJECTIVE_METRIC = re.compile(
    r"\b(?:nps|arr|mrr|csat|cac|ltv|dau|mau|wau|kpis?|roi|gmv|aov|ctr|ebitda)\b|"
    r"\b(?:churn|conversion|retention|error|bounce|win|attrition)\s+rates?\b",
    re.IGNORECASE,
)

# --- Regular expressions --------------------------------------------------------------

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_PERIOD = r"(?:quarter|year|month|half|week|sprint|cycle|fiscal\s+year|fy)"
_DEADLINE = re.compile(
    rf"""
    \b(?:by|before|until|till|in|during|within|through|thru|no\s+later\s+than|ahead\s+of|for|
         over|at)\s+
    (?:
        (?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?
            (?:q[1-4]|h[12]|{_MONTH}|20\d\d|(?:this\s+|next\s+)?{_PERIOD})
            (?:\s*(?:fy|cy)?\s*'?\d{{2,4}})?\b
      | (?:q[1-4]|h[12])(?:\s*(?:fy|cy)?\s*'?\d{{2,4}})?\b
      | fy\s*'?\d{{2,4}}\b
      | eo[qymwd]\b | eofy\b | (?:year|quarter|month)[-\s]end\b
      | (?:this|next|the\s+next|the\s+current|the)\s+(?:\d+\s+)?{_PERIOD}s?\b
      | (?:the\s+next\s+)?\d+\s+(?:weeks?|months?|quarters?|years?)\b
      | the\s+next\s+\d+\s+days\b
      | {_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?(?:,?\s+20\d\d)?\b
      | \d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+20\d\d)?\b
      | 20\d\d-\d\d-\d\d\b
      | \d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b
      | 20\d\d(?=\s*(?:$|[.,;:!?)\]]))
      | (?:launch|go-live)\b
    )
    | \b(?:this|next)\s+(?:quarter|year|month|half|sprint|cycle)\b
    | \beo[qy]\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Names that carry digits but are not amounts: v2, Q3, p95, SOC 2, ISO 27001, 24/7, 4.5/5.
_IDENT = re.compile(
    r"""
    (?<![\w$€£¥.])[^\W\d_]+[-_]?\d[\w.]*
    | \b(?:iso|soc|tier|level|phase|sev|severity|version|gen|wave|sprint|stage|step|wcag|pci)
        \s+\d+(?:\.\d+)*\b
    | \b\d+/7\b
    | (?<=\d)\s*(?:/|out\s+of)\s*(?:5|10|100)\b
    | \b(?:python|java|node|ios|android|macos|windows|ubuntu|postgres(?:ql)?|django|react|php)
        \s+\d+(?:\.\d+)*\b
    | \b(?:fortune|global|inc\.?|s&p)\s+\d+\b
    | (?<![\d$€£¥.,])\b20[1-4]\d\b(?![\d.,]*\s*(?:%|[kmb]\b)|,\d)
    """,
    re.IGNORECASE | re.VERBOSE,
)
_NUMBER = r"""
    (?P<sign>(?<![\w.,])[-−+](?=[$€£¥]?\d))?
    (?P<cur>[$€£¥₹]|(?:US|A|C|NZ|HK|S)\$|(?:usd|eur|gbp|jpy|chf|inr|cad|aud)\s?(?=\d))?
    (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
    (?:(?P<mult>bn|mm|k|m|b)(?![^\W\d_])|\s?(?P<multw>billion|million|thousand|mn)\b)?
    (?P<x>x(?![^\W\d_]))?
    (?P<pct>\s?(?:%|percent(?:age)?\s+points?|pp\b|p\.p\.|ppts?\b|points?\b|pts?\b|
        basis\s+points?\b|bps\b|percent\b|pct\b))?
    (?:\s?(?P<cur2>usd|eur|gbp|jpy|chf|inr|cad|aud|dollars|euros|pounds|yen)\b)?
"""
_WORD_NUMBER = r"""
    \b(?<!-)(?P<word>zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|
        fifteen|twenty|thirty|forty|fifty|hundred|a\s+dozen|dozen|a\s+hundred|a\s+thousand|
        a\s+million)(?:\s+(?P<scale>hundred|thousand|million))?(?![\w-])(?!\s+of\b)
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
_TOKENS = (
    re.compile(
        rf"(?=[-−+$€£¥₹.\d]|[uacnhsegji][a-z]{{0,2}}[\s$]?\d){_NUMBER}|{_NEVER['number']}",
        re.IGNORECASE | re.VERBOSE,
    ),
    re.compile(rf"{_WORD_NUMBER}|{_NEVER['word']}(?P<ph>(?!))", re.IGNORECASE | re.VERBOSE),
    re.compile(
        rf"{_PLACEHOLDER}|{_NEVER['word']}(?P<word>(?!))(?P<scale>(?!))",
        re.IGNORECASE | re.VERBOSE,
    ),
)
_DIGIT = re.compile(r"\d")
# The most characters a number (_TOKENS[0]) has before its first digit: a sign, a currency
# ("usd ", "NZ$") and a decimal point.
_REACH = 6

# --- Pre-screens ------------------------------------------------------------------------
#
# Each regular expression above is tried at every position of a statement, which is most of
# the time a statement takes to read.  Most statements cannot match most of them: a pattern
# that needs the word "by" cannot match a text without it.  So, for ASCII text, where \w is
# [A-Za-z0-9_] and ignoring case is lower-casing, each `_may_*` below checks a condition
# every match needs (a word, a substring) with cheap string operations; only if it holds is
# the expression run.  A pre-screen may say "maybe" wrongly, never "no": the answer is the
# expression's, exactly (tests/test_text.py checks each against its expression).

# Every ASCII character \w does not match, as a space: an ASCII text's words (its maximal
# runs of word characters, the units \b delimits) are then its translate(...).split().
_NON_WORD = str.maketrans({c: " " for c in map(chr, range(128)) if not (c.isalnum() or c == "_")})


def _words(s: str) -> frozenset[str]:
    """The lower-cased maximal runs of word characters of ASCII text *s*."""
    return frozenset(s.lower().translate(_NON_WORD).split())


# A deadline starts with one of these words (a preposition, "this"/"next", "EOQ"/"EOY").
_DEADLINE_WORDS = frozenset(
    [
        "by",
        "before",
        "until",
        "till",
        "in",
        "during",
        "within",
        "through",
        "thru",
        "no",
        "ahead",
        "for",
        "over",
        "at",
        "this",
        "next",
        "eoq",
        "eoy",
    ]
)
# A name that carries digits (_IDENT) other than a letter next to a digit ("v2", "p95"), a
# fraction ("24/7", "4.5/5", "4 out of 5": a "/" or an "out", maybe glued to the digit) or
# "S&P 500" starts with one of these words, or is a year from 2010 to 2049.
_IDENT_WORDS = frozenset(
    [
        "iso",
        "soc",
        "tier",
        "level",
        "phase",
        "sev",
        "severity",
        "version",
        "gen",
        "wave",
        "sprint",
        "stage",
        "step",
        "wcag",
        "pci",
        "python",
        "java",
        "node",
        "ios",
        "android",
        "macos",
        "windows",
        "ubuntu",
        "postgres",
        "postgresql",
        "django",
        "react",
        "php",
        "fortune",
        "global",
        "inc",
    ]
) | frozenset(str(year) for year in range(2010, 2050))
_LETTER_DIGIT = re.compile(r"[A-Za-z][-_]?[0-9]")
# The words a number word (_TOKENS[1]) is made of ("a dozen", "a thousand": the second).
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
    ]
)
_PLACEHOLDER_WORDS = frozenset(("tbd", "tbc", "tba"))
# The substrings a lower-is-better metric (_LOWER_IS_BETTER) needs: its words, shortened to
# what they share ("time" for "response time", "lead time", ..., "mtt" for MTTR and MTTD),
# and "p" for p95.
_LOWER_IS_BETTER_PARTS = (
    "churn",
    "attrition",
    "turnover",
    "latency",
    "time",
    "wait",
    "outage",
    "incident",
    "bug",
    "defect",
    "error",
    "crash",
    "cost",
    "spend",
    "expense",
    "cac",
    "burn",
    "complaint",
    "escalation",
    "backlog",
    "debt",
    "mtt",
    "bounce",
    "abandon",
    "refund",
    "chargeback",
    "fraud",
    "delay",
    "queue",
    "vulnerabilit",
    "injur",
    "absentee",
    "waste",
    "emission",
    "carbon",
    "co2",
    "breach",
    "audit",
    "finding",
    "outstanding",
    "dso",
    "aht",
    "p",
)
# The words an objective's metric (_OBJECTIVE_METRIC) or a half (_HALF) needs.
_OBJECTIVE_METRIC_WORDS = frozenset(
    [
        "nps",
        "arr",
        "mrr",
        "csat",
        "cac",
        "ltv",
        "dau",
        "mau",
        "wau",
        "kpi",
        "kpis",
        "roi",
        "gmv",
        "aov",
        "ctr",
        "ebitda",
        "rate",
        "rates",
        "half",
    ]
)


def _may_have_deadline(text: str) -> bool:
    """False only if _DEADLINE cannot match *text*."""
    return not text.isascii() or not _DEADLINE_WORDS.isdisjoint(_words(text))


def _may_have_ident(w: str) -> bool:
    """False only if _IDENT cannot match *w*."""
    return (
        not w.isascii()
        or "/" in w
        or "&" in w
        or "out" in w.lower()
        or _LETTER_DIGIT.search(w) is not None
        or not _IDENT_WORDS.isdisjoint(_words(w))
    )


def _may_have_number_word(words: frozenset[str] | None) -> bool:
    """False only if _TOKENS[1] cannot match the text whose `_words` are *words*."""
    return words is None or not _NUMBER_WORDS.isdisjoint(words)


def _may_have_placeholder(w: str, words: frozenset[str] | None) -> bool:
    """False only if _TOKENS[2] cannot match *w*, whose `_words` are *words* if ASCII."""
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


def _has_number_word(w: str) -> bool:
    """Whether *w* holds a number word ("two", "a dozen")."""
    return any(m["word"] for m in _TOKENS[1].finditer(w))


def _may_name_metric(w: str) -> bool:
    """False only if neither _OBJECTIVE_METRIC nor _HALF can match *w*."""
    return not w.isascii() or not _OBJECTIVE_METRIC_WORDS.isdisjoint(_words(w))


def _lower_is_better(low: str) -> bool:
    """Whether lower-cased text *low* names a metric where lower is better."""
    if low.isascii():
        for part in _LOWER_IS_BETTER_PARTS:
            if part in low:
                break
        else:
            return False
    return _LOWER_IS_BETTER.search(low) is not None


def _token_matches(w: str) -> list[re.Match[str]]:
    """Every number, number word and placeholder in *w*, in order."""
    words = _words(w) if w.isascii() else None
    found = list(_TOKENS[1].finditer(w)) if _may_have_number_word(words) else []
    if _may_have_placeholder(w, words):
        found += _TOKENS[2].finditer(w)
    digit = _DIGIT.search(w)
    if digit:
        # No number starts more than _REACH characters before its first digit, so the
        # search starts there (look-behinds still see the text before it).
        found += _TOKENS[0].finditer(w, max(0, digit.start() - _REACH))
        found.sort(key=lambda m: m.start())
    return found


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
}
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
}
_UNIT_AFTER = re.compile(
    r"""\s*(?P<u>ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|wks?|
    weeks?|months?|kwh|mwh|gwh|kw|mw|gb|tb|mb|kg|tonnes?|tons?|t|km|miles?)\b""",
    re.IGNORECASE | re.VERBOSE,
)
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
    "ms": ("millisecond", "milliseconds"),
    "s": ("sec", "secs", "second", "seconds"),
    "min": ("mins", "minute", "minutes"),
    "h": ("hr", "hrs", "hour", "hours"),
    "days": ("d", "day"),
    "weeks": ("wk", "wks", "week"),
    "months": ("month",),
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
_NOUNS = re.compile(r"\s+([^\W\d_][\w'’-]*)")
# The qualifiers, matched against the last words before a number (`_before`).
_AT_LEAST_WORDS = (
    "at least|no less than|not less than|a minimum of|minimum of|minimum|min.|at or above|"
    "at or over|more than|greater than|higher than|in excess of|upwards of|north of|exceeding|"
    "over|above|beyond"
)
_AT_MOST_WORDS = (
    "at most|no more than|not more than|a maximum of|maximum of|maximum|max|max.|at or below|"
    "at or under|less than|fewer than|lower than|under|below|beneath|within|sub"
)
_CHANGE_NOUN_UP = "increase|growth|rise|uplift|lift|gain|improvement|jump|boost"
_CHANGE_NOUN_DOWN = "decrease|reduction|decline|drop|cut"
_Qualifier: TypeAlias = Literal["least", "most", "better"]
_Change: TypeAlias = Literal["up", "down"]
_QUALIFIERS: dict[tuple[str, ...], _Qualifier] = {
    **{tuple(p.split()): "least" for p in _AT_LEAST_WORDS.split("|")},
    **{tuple(p.split()): "most" for p in _AT_MOST_WORDS.split("|")},
}
_CHANGE_NOUNS: dict[str, _Change] = {
    **dict.fromkeys(_CHANGE_NOUN_UP.split("|"), "up"),
    **dict.fromkeys(_CHANGE_NOUN_DOWN.split("|"), "down"),
}
_PREPOSITIONS = frozenset(
    ("from", "to", "by", "of", "at", "into", "between", "and", "hit", "reach", "per")
)
_FILLER = frozenset(("a", "an", "~", "≈", "about", "around", "roughly", "approximately", "approx."))
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
        (?:(?P<up>{_CHANGE_NOUN_UP}|more|higher|bigger|larger|greater)
          |(?P<down>{_CHANGE_NOUN_DOWN}|fewer|less|lower|smaller))\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_SKIP_PREP = re.compile(r"\s*(?:in|of|on)\s+", re.IGNORECASE)
_CHANGE_OBJECT = re.compile(
    rf"\s*(?:(?:yoy|qoq|mom)\s+)?(?:{_CHANGE_NOUN_UP}|{_CHANGE_NOUN_DOWN}|more|fewer|less|higher|"
    r"lower)\s+(?:(?:in|of)\s+)?",
    re.IGNORECASE,
)
_HALF = re.compile(r"\b(?:in|by)\s+half\b", re.IGNORECASE)
_MILESTONE_NOUN = re.compile(
    r"certif|complian|approv|accredit|audit|sign-off|\bga\b|go-live|general availability",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_ALNUM = re.compile(r"[^\W_]")
_BLANKS = re.compile(r"\s+")
_METRIC_END = re.compile(
    r"\b(?:by|to|from|at|within|under|below|above|over|between|than|per|and|or|while|"
    r"without|so|that|for|across|in|on|with)\b|[,;:.()\[\]!?<>=≤≥~+]",
    re.IGNORECASE,
)
# What _METRIC_END needs: one of its words or marks (the non-ASCII ones are never screened).
_METRIC_END_WORDS = frozenset(
    [
        "by",
        "to",
        "from",
        "at",
        "within",
        "under",
        "below",
        "above",
        "over",
        "between",
        "than",
        "per",
        "and",
        "or",
        "while",
        "without",
        "so",
        "that",
        "for",
        "across",
        "in",
        "on",
        "with",
    ]
)
_METRIC_END_MARKS = frozenset(",;:.()[]!?<>=~+")
# Only this much context is looked at around a number; a long text stays linear.
_WINDOW = 48


# --- Parsing ----------------------------------------------------------------------------


class _Token(NamedTuple):
    """A number (or placeholder) in a statement, with what surrounds it."""

    start: int
    end: int
    value: float | None
    unit: str | None
    placeholder: bool
    points: bool
    sign: str
    prep: str | None
    qualifier: Literal["least", "most", "better"] | None
    change: Literal["up", "down"] | None
    band: bool
    link: str | None  # "to" or "arrow" when followed by one, then a number: "32 → 50"
    noun: tuple[int, int] | None


def _mask(text: str, pattern: re.Pattern[str]) -> tuple[str, list[re.Match[str]]]:
    """*text* with *pattern*'s matches blanked out (offsets kept), and the matches."""
    found = list(pattern.finditer(text))
    parts: list[str] = []
    last = 0
    for m in found:
        parts.append(text[last : m.start()])
        parts.append(" " * (m.end() - m.start()))
        last = m.end()
    parts.append(text[last:])
    return "".join(parts), found


def _masked(text: str) -> tuple[str, list[re.Match[str]]]:
    """*text* with its deadlines and digit-bearing names blanked, and the deadlines."""
    w, deadlines = _mask(text, _DEADLINE) if _may_have_deadline(text) else (text, [])
    if _DIGIT.search(w) and _may_have_ident(w):
        w, _ = _mask(w, _IDENT)
    return w, deadlines


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


def _number(m: re.Match[str]) -> tuple[float | None, str | None]:
    """The value and unit a token match stands for."""
    if m["word"]:
        count = _WORDS[_key(m["word"])]
        if m["scale"]:
            scale = _key(m["scale"])
            count *= _WORDS.get(scale) or _MULT[scale]
        return float(count), None
    if m["ph"]:
        return None, "%" if m["ph"].endswith("%") else None
    mult = _key(m["mult"] or m["multw"] or "")
    amount: Decimal | float
    if mult:
        # In decimal, so 1.2M is exactly 1200000 before it becomes a float.
        amount = Decimal(m["num"].replace(",", "")) * _MULT[mult]
    else:
        amount = float(m["num"].replace(",", ""))  # as correctly rounded as float(Decimal(...))
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


def _tokens(w: str) -> list[_Token]:
    """The numbers and placeholders in masked text *w*, with what surrounds each."""
    tokens: list[_Token] = []
    for m in _token_matches(w):
        value, unit = _number(m)
        end = m.end()
        if unit is None and not m["word"]:
            u = _UNIT_AFTER.match(w, end)
            if u:
                word = u["u"].lower()
                unit = _UNITS.get(word) or _UNITS.get(word[:-1], word)
                end = u.end()
        noun = _noun_after(w, end) if unit is None else None
        prep, qualifier, change = _before(w[max(0, m.start() - _WINDOW) : m.start()])
        after = _AFTER.match(w, end)
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
        tokens.append(
            _Token(
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
            )
        )
    return tokens


def _before(prefix: str) -> tuple[str | None, _Qualifier | None, _Change | None]:
    """What the words just before a number say of it: its preposition, qualifier and change."""
    prefix = prefix.rstrip()
    if prefix.endswith(_ARROWS):
        return "to", None, None  # "NPS 32 → 50": the arrow says what "to" does
    if prefix.endswith((":", "=")):
        return "=", None, None
    words = prefix.lower().split()
    while words and words[-1] in _FILLER:
        words.pop()
    qualifier: _Qualifier | None = None
    symbol = _SYMBOL.search(words[-1]) if words else None
    if symbol:
        qualifier = "least" if symbol[0][0] in ">≥" else "most"
        words[-1] = words[-1][: symbol.start()]
        if not words[-1]:
            words.pop()
    else:
        for size in (3, 2, 1):
            phrase = tuple(words[-size:])
            if len(phrase) == size and phrase in _QUALIFIERS:
                qualifier = _QUALIFIERS[phrase]
                del words[-size:]
                break
    if not words:
        return None, qualifier, None
    last = words[-1]
    if last == "to" and len(words) > 1 and words[-2] == "down":
        return "to", qualifier or "most", None  # "Bring the bill down to $25k"
    if last in ("up", "down"):
        return "by", qualifier, "up" if last == "up" else "down"
    if last in ("of", "by") and len(words) > 1 and words[-2] in _CHANGE_NOUNS:
        return "by", qualifier, _CHANGE_NOUNS[words[-2]]
    return (last if last in _PREPOSITIONS else None), qualifier, None


def _noun_after(w: str, end: int) -> tuple[int, int] | None:
    """The head noun of the short noun phrase after a count: "12 customer *interviews*"."""
    head = None
    pos = end
    for _ in range(4):
        m = _NOUNS.match(w, pos)
        if not m or m[1].lower() in _STOP:
            break
        head = m.span(1)
        pos = m.end()
    return head


def _main_verb(w: str) -> tuple[str, str, re.Match[str]] | None:
    """The verb that governs the statement: its kind, lemma, and where it is."""
    lead = True
    for m in _WORD.finditer(w):
        word = m[0].lower()
        found = _VERBS.get(word)
        if lead:
            if word in _LEAD_SKIP or (word.endswith("ly") and not found):
                continue
            lead = False
            after = _WORD.match(w, m.end() + 1)
            if found and not (found[0] == "out" and after and after[0].lower() in _COMPOUND):
                return found[0], found[1], m
        elif found and found[0] in ("inc", "dec") and word != found[1] and word[-1] in "ds":
            # Later in the sentence only an inflected change verb counts: "Churn reduced to 3%".
            return found[0], found[1], m
    return None


_TRIM_START = re.compile(r"^\W*(?:(?:the|our|a|an|its|their|all|of|in|on)\s+)*", re.IGNORECASE)
_TRIM_END = re.compile(r"(?:\s+(?:of|in|at|for|on|to|by|a|an|the|is|are))*[\W]*$", re.IGNORECASE)
_TRAIL = frozenset(("of", "in", "at", "for", "on", "to", "by", "a", "an", "the", "is", "are"))


def _trim_end(piece: str) -> int:
    """Where _TRIM_END's trailing filler (little words, punctuation) of *piece* starts."""
    if piece.isascii() and piece[-1:].isalnum() and piece.rsplit(None, 1)[-1].lower() not in _TRAIL:
        # Ending in a letter or digit, the filler can only be little words, ending with the
        # last one: none here, so there is none.
        return len(piece)
    trail = _TRIM_END.search(piece)
    assert trail is not None
    return trail.start()


def _clean_metric(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a metric phrase inside text[start:end], trimmed; None if empty or long."""
    piece = text[start:end]
    lead = _TRIM_START.match(piece)
    assert lead is not None
    begin, stop = start + lead.end(), start + max(lead.end(), _trim_end(piece))
    if begin >= stop or len(text[begin:stop].split()) > 8:
        return None
    return begin, stop


def _metric_end(w: str, pos: int, endpos: int) -> int | None:
    """Where _METRIC_END first matches in w[pos:endpos] (searched as `re.Pattern.search` does)."""
    piece = w[pos:endpos]
    if (
        piece.isascii()
        and _METRIC_END_MARKS.isdisjoint(piece)
        and _METRIC_END_WORDS.isdisjoint(_words(piece))
    ):
        # A match of a word between pos and endpos is a whole word of the piece: \b looks at
        # the character before pos, and endpos ends the string.
        return None
    stop = _METRIC_END.search(w, pos, endpos)
    return stop.start() if stop else None


def _metric(
    w: str, text: str, begin: int, value: _Token | None, limit: int
) -> tuple[int, int] | None:
    """Where the metric is: after the verb up to a preposition or number, else near the value."""
    if value is not None and value.change is not None and value.prep != "by":
        # "a 20% increase in sign-ups": the metric follows the change noun.
        tail = _CHANGE_OBJECT.match(w, value.end)
        if tail:
            stop = _metric_end(w, tail.end(), limit)
            return _clean_metric(text, tail.end(), limit if stop is None else stop)
    stop = _metric_end(w, begin, limit)
    end = limit if stop is None else stop
    if value is not None and begin <= value.start < end:
        end = value.start
    found = _clean_metric(text, begin, end)
    if found is None and value is not None:
        if value.noun is not None:
            # "Hold 12 customer interviews": the noun phrase after the count.
            return _clean_metric(text, value.end, value.noun[1])
        tail = _SKIP_PREP.match(w, value.end)
        stop = _metric_end(w, tail.end() if tail else value.end, max(limit, value.end))
        found = _clean_metric(text, value.end, max(limit, value.end) if stop is None else stop)
    return found


def _direction(
    kind: str, lemma: str, value: _Token | None, start: _Token | None, *, text: str, lower: bool
) -> Direction | None:
    """The direction, from the verb first, then the numbers, then the metric (see the docs)."""
    qualifier = value.qualifier if value else None
    if qualifier == "better":
        qualifier = "most" if lower else "least"
    if kind == "inc":
        return Direction.INCREASE
    if kind == "dec":
        return Direction.DECREASE
    if value is not None and value.change is not None:
        return Direction.INCREASE if value.change == "up" else Direction.DECREASE
    if kind == "cap":
        return Direction.AT_MOST
    if kind == "keep":
        if qualifier is None:
            return Direction.AT_MOST if lower else Direction.AT_LEAST
        return Direction.AT_LEAST if qualifier == "least" else Direction.AT_MOST
    if (
        kind in ("reach", "out")
        and value is not None
        and start is not None
        and value.value is not None
        and start.value is not None
        and value.value != start.value
    ):
        return Direction.INCREASE if value.value > start.value else Direction.DECREASE
    if kind == "out":
        return Direction.MILESTONE if value is None else Direction.INCREASE
    if kind == "reach":
        if value is None and lemma not in _POLAR:
            return Direction.MILESTONE if _MILESTONE_NOUN.search(text) else None
        if qualifier is not None:
            return Direction.DECREASE if qualifier == "most" else Direction.INCREASE
        return (
            Direction.DECREASE
            if lower and lemma in _POLAR | {"bring", "get"}
            else (
                Direction.DECREASE
                if lower and value is not None and value.prep == "to"
                else Direction.INCREASE
            )
        )
    if value is None:
        return None
    if value.sign:
        return Direction.INCREASE if value.sign == "+" else Direction.DECREASE
    if value.unit == "x":
        return Direction.INCREASE
    if qualifier is not None:
        return Direction.AT_LEAST if qualifier == "least" else Direction.AT_MOST
    return None


def _form(kind: str, lemma: str, value: _Token, start: _Token | None) -> Form:
    """Whether *value* is an amount of change or a level to reach."""
    if start is not None or value.qualifier is not None:
        return "target"
    if value.prep == "by" or value.change is not None:
        return "change"
    if value.unit == "x" and value.prep not in ("to", "of", "at", "="):
        return "change"
    if value.sign and kind not in ("reach", "out", "keep", "cap"):
        return "change"
    if lemma in _CHANGE_VERBS and value.prep is None and kind != "out":
        return "change"
    return "target"


# --- The commonest shape, read once ------------------------------------------------------
#
# Most key results are written "<words> from <a> to <b>": "Grow weekly active users from 32
# to 50".  Across a plan the words repeat and the numbers change.  For text of exactly that
# shape (the words start and end with a letter; each number is a plain decimal below 1,000,
# signed or not, in % or not, so it cannot be a year, a date or part of a name) the words
# are read alike whatever the numbers, since nothing that reads them looks past "from", and
# the numbers count only through their values, their lengths and which is the larger.  So
# the first statement of a shape is read in full and kept as its template, and the next ones
# with the same words, signs, units and order are the template with their numbers put in.
# A template is kept only when it read <a> as the start and <b> as the value and found all
# else within the words; otherwise its shape is always read in full.  tests/test_text.py
# checks that the answer always equals a full reading.

_FROM_TO = re.compile(
    r"(?P<words>[A-Za-z][A-Za-z0-9' -]*[A-Za-z]) from "
    r"(?P<a>(?P<sa>[-+]?)(?:0|[1-9][0-9]{0,2})(?:\.[0-9]{1,6})?)(?P<ua>%?) to "
    r"(?P<b>(?P<sb>[-+]?)(?:0|[1-9][0-9]{0,2})(?:\.[0-9]{1,6})?)(?P<ub>%?)"
)
_TEMPLATES: dict[tuple[str | bool, ...], ParsedKeyResult | None] = {}
_UNSEEN: ParsedKeyResult = object()  # type: ignore[assignment]
_TEMPLATES_MAX = 4096


def _find_template(
    text: str,
) -> tuple[ParsedKeyResult, re.Match[str] | None, float, float] | None:
    """The template that reads *text*, *text*'s match and its two numbers; or None to read
    *text* in full.

    When *text* is the first of its shape, it is read in full to make the template, and that
    reading comes back with no match.
    """
    m = _FROM_TO.fullmatch(text)
    if m is None:
        return None
    words, ta, sa, ua, tb, sb, ub = m.groups()
    a, b = float(ta), float(tb)
    if a == b:
        return None
    # A sign is read as a direction when the words give none: it is part of the shape.
    key = (words, sa, ua, sb, ub, a < b)
    template = _TEMPLATES.get(key, _UNSEEN)
    if template is _UNSEEN:
        if len(_TEMPLATES) >= _TEMPLATES_MAX:
            _TEMPLATES.clear()
        parsed = _parse_key_result(text)
        _TEMPLATES[key] = parsed if _usable(parsed, m) else None
        return parsed, None, a, b
    return None if template is None else (template, m, a, b)


def _from_template(
    template: ParsedKeyResult, m: re.Match[str], a: float, b: float
) -> ParsedKeyResult:
    """The reading of *m*'s text, whose numbers are *a* and *b*: *template* with them in."""
    text = m.string
    a_start, a_end, b_start = m.start("a"), m.end("ua"), m.start("b")
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


def _usable(parsed: ParsedKeyResult, m: re.Match[str]) -> bool:
    """Whether the reading *parsed* of *m*'s text can serve as its shape's template."""
    words = m.end("words")
    *others, start, value = parsed.spans if len(parsed.spans) >= 2 else (None, None)
    return (
        isinstance(start, Span)
        and isinstance(value, Span)
        and (start.label, start.start, start.end) == ("start", m.start("a"), m.end("ua"))
        and (value.label, value.start, value.end) == ("value", m.start("b"), m.end("ub"))
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
    found = _find_template(text) if " from " in text else None
    if found is None:
        return _parse_key_result(text)
    template, m, a, b = found
    return template if m is None else _from_template(template, m, a, b)


class KeyResultReading(NamedTuple):
    """What a key result statement says about its fields: the parts of `ParsedKeyResult`
    that can be checked against a `KeyResult`, without those that describe the text itself
    (its metric, deadline, ambiguities and spans).

    The validation rules read statements this way, through a `key_result_reader`.

    >>> KeyResultReading.of(parse_key_result("Grow NPS from 32 to 50"))
    KeyResultReading(direction=<Direction.INCREASE: 'increase'>, form='target', value=50.0, \
start=32.0, upper=None, relative=False, unit=None, measurable=True, output=False)
    """

    direction: Direction | None
    form: Form | None
    value: float | None
    start: float | None
    upper: float | None
    relative: bool
    unit: str | None
    measurable: bool
    output: bool

    @classmethod
    def of(cls, parsed: ParsedKeyResult) -> KeyResultReading:
        """The reading of a statement already parsed."""
        return cls(
            parsed.direction,
            parsed.form,
            parsed.value,
            parsed.start,
            parsed.upper,
            parsed.relative,
            parsed.unit,
            parsed.measurable,
            parsed.output,
        )


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
        found = _find_template(text) if " from " in text else None
        if found is None:
            reading = full.get(text)
            if reading is None:
                reading = full[text] = KeyResultReading.of(_parse_key_result(text))
            return reading
        t, m, a, b = found
        if m is None:
            return KeyResultReading.of(t)
        return KeyResultReading(t.direction, t.form, b, a, None, False, t.unit, True, t.output)

    return read


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


def _linked_start(tokens: list[_Token], kind: str, w: str, begin: int) -> _Token | None:
    """The start in "Grow NPS 32 to 50" or "ARR $1M → $2M": a bare number linked to the value
    by "to" or an arrow, when it is a level of the same thing the value is.

    Not a change ("+10 to 50"), another unit ("20% to $1.2M", "2x to 100", "10 points to
    50"), a count's range ("5 to 10 engineers", "Raise $500k to $750k in grants": right after
    the verb (in masked text *w*, from *begin*), nothing named before it), nor a move
    against the verb ("Reduce tickets 20 to
    30%" gives a range of the cut).
    """
    for tok, nxt in itertools.pairwise(tokens):
        if not (
            tok.link
            and nxt.prep == "to"
            and tok.prep is None
            and tok.qualifier is None
            and tok.change is None
            and not tok.sign
            and not (tok.placeholder or nxt.placeholder)
            and (nxt.noun is None or tok.link == "arrow")
            and (
                tok.unit == nxt.unit
                or (tok.unit is None and nxt.unit not in ("x", "points", "bps"))
            )
        ):
            continue
        if tok.value is None or nxt.value is None or not _WORD.search(w, begin, tok.start):
            continue  # a placeholder, or nothing named between the verb (if any) and it
        if (kind == "inc" and tok.value >= nxt.value) or (kind == "dec" and tok.value <= nxt.value):
            continue
        return tok
    return None


def _parse_key_result(text: str) -> ParsedKeyResult:
    """`parse_key_result` of *text*, read in full."""
    w, deadlines = _masked(text)
    tokens = [t for t in _tokens(w) if t.prep != "per"]
    verb = _main_verb(w)
    kind, lemma = (verb[0], verb[1]) if verb else ("", "")
    if lemma == "hold" and tokens and (tokens[0].qualifier or tokens[0].prep in ("at", "between")):
        kind = "keep"  # "Hold margin above 60%", unlike "Hold 12 interviews"
    if lemma in _NEEDS_COUNT and not tokens:
        kind = lemma = ""
    spans: list[Span] = []
    ambiguities: list[str] = []

    def mark(label: SpanLabel, start: int, end: int) -> None:
        spans.append(Span(label, start, end, text[start:end]))

    # Which number is which: a band; a "from" start; the target ("to", "by", "of"); the first.
    start_tok: _Token | None = None
    value_tok: _Token | None = None
    upper_tok: _Token | None = None
    for tok, nxt in itertools.pairwise(tokens):
        if tok.prep != "from" and (tok.band or (tok.prep == "between" and nxt.prep == "and")):
            value_tok, upper_tok = tok, nxt
            break
    else:
        start_tok = next((t for t in tokens if t.prep == "from"), None)
        if start_tok is None and kind not in ("keep", "cap", "out"):
            start_tok = _linked_start(tokens, kind, w, verb[2].end() if verb else 0)
        rest = [t for t in tokens if t is not start_tok]
        value_tok = next((t for t in rest if t.prep or t.change), rest[0] if rest else None)
        if start_tok is not None and value_tok is None:
            start_tok, value_tok = None, start_tok  # "from 5%" alone is not a baseline

    factor = _FACTORS.get(lemma)
    if factor is None and kind == "dec" and _HALF.search(w):
        factor = 2
    if factor is not None:
        if value_tok is None or value_tok.prep not in ("to", "of", "at"):
            # "Double WAU", "Cut onboarding time in half": a relative change by a factor.
            start_tok = value_tok = upper_tok = None
        else:
            factor = None  # "Double sign-ups from 5k to 10k": the target says what it means

    lower = _lower_is_better(text.lower())
    direction = _direction(kind, lemma, value_tok, start_tok, text=text, lower=lower)
    form: Form | None = None
    value: float | None = None
    unit: str | None = None
    relative = False
    if upper_tok is not None:
        direction, form = Direction.WITHIN, "target"
    elif factor is not None:
        form, value, unit, relative = "change", float(factor), "x", True
    elif value_tok is not None:
        form = _form(kind, lemma, value_tok, start_tok)
    elif lemma == "eliminate":
        form, value = "target", 0.0
    if value_tok is not None:
        value = value_tok.value
        if value is not None and form == "change":
            value = abs(value)
        relative = form == "change" and value_tok.unit in ("%", "x") and not value_tok.points
    if direction is Direction.MILESTONE:
        relative = False
    labelled: tuple[tuple[SpanLabel, _Token | None], ...] = (
        ("value", value_tok),
        ("start", start_tok),
        ("upper", upper_tok),
    )
    for label, part in labelled:
        if part is not None:
            mark("placeholder" if part.placeholder else label, part.start, part.end)
            if unit is None:
                unit = part.unit or (text[part.noun[0] : part.noun[1]] if part.noun else None)

    limit = deadlines[0].start() if deadlines else len(text)
    begin = verb[2].end() if verb else 0
    if verb:
        mark("verb", verb[2].start(), verb[2].end())
    span = _metric(w, text, begin, value_tok or start_tok, max(limit, begin))
    if span is not None and start_tok is not None and span[0] <= start_tok.start < span[1]:
        span = _clean_metric(text, span[0], start_tok.start)  # "NPS 32 to 50": not "NPS 32"
    metric = None
    if span is not None:
        mark("metric", *span)
        metric = text[span[0] : span[1]]

    if relative and unit == "%" and _RATE.search(metric or text):
        amount = "X%" if value is None else f"{value:g}%"
        ambiguities.append(
            f"'by {amount}' on a rate: read as {amount} of its current value; "
            f"it could also mean {amount[:-1]} percentage points"
        )
    if lemma in _POLAR and start_tok is None and not lower:
        ambiguities.append(f"{lemma!r} does not say whether the metric goes up or down: read as up")
    used = (start_tok, value_tok, upper_tok)
    ambiguities.extend(
        f"{text[t.start : t.end].strip()!r} read as a condition, not the target"
        for t in tokens
        if t not in used and not t.placeholder
    )
    if deadlines:
        mark("deadline", deadlines[0].start(), deadlines[0].end())
    spans.sort(key=lambda s: (s.start, s.end))
    return ParsedKeyResult(
        text=text,
        direction=direction,
        form=form,
        value=value,
        start=start_tok.value if start_tok else None,
        upper=upper_tok.value if upper_tok else None,
        relative=relative,
        unit=unit,
        metric=metric,
        deadline=deadlines[0][0] if deadlines else None,
        measurable=value is not None,
        output=kind == "out" and form != "change",
        ambiguities=tuple(ambiguities),
        spans=tuple(spans),
    )


def parse_objective(text: str) -> ParsedObjective:
    """Read an objective: does it carry a number or metric, or name a deliverable?

    >>> parse_objective("Launch the new mobile app")
    ParsedObjective(text='Launch the new mobile app', numeric=False, output=True, words=5)
    >>> parse_objective("Make onboarding delightful for small teams").numeric
    False
    """
    if not isinstance(text, str):
        raise InvalidTypeError("text", text, "a str")
    w, _ = _masked(text)
    verb = _main_verb(w)
    lemma = verb[1] if verb else ""
    # A number is a digit (a digit always starts a number token) or a number word.
    numeric = (
        lemma in _FACTORS
        or _DIGIT.search(w) is not None
        or (_may_have_number_word(_words(w) if w.isascii() else None) and _has_number_word(w))
        or (_may_name_metric(w) and bool(_OBJECTIVE_METRIC.search(w) or _HALF.search(w)))
    )
    output = lemma in _OBJECTIVE_OUTPUT
    words = sum(1 for chunk in text.split() if _ALNUM.search(chunk))
    return ParsedObjective(text=text, numeric=numeric, output=output, words=words)


# --- To a KeyResult ---------------------------------------------------------------------

_KEY_RESULT_FIELDS = frozenset(a.name for a in attrs.fields(KeyResult))


def _decimal(x: Number) -> Decimal:
    return x if isinstance(x, Decimal) else Decimal(str(x))


def _apply(parsed: ParsedKeyResult, start: Number) -> Number:
    """The target a change reaches from *start*, in decimal so 5.0 less 8% is exactly 4.6."""
    assert parsed.value is not None
    base, amount = _decimal(start), _decimal(parsed.value)
    up = parsed.direction is not Direction.DECREASE
    if parsed.unit == "x":
        if not amount:  # "halve ... to 0" reads as a factor of 0: no target follows from it
            raise InvalidValueError("value", parsed.value, "a factor other than 0")
        result = base * amount if up else base / amount
    elif parsed.relative:
        delta = base * amount / 100
        result = base + delta if up else base - delta
    else:
        result = base + amount if up else base - amount
    if isinstance(start, Decimal):
        return result
    return float(result)


def to_key_result(
    parsed_or_text: ParsedKeyResult | str, start: Number | None = None, **fields: object
) -> KeyResult:
    """Turn a statement (or its parse) into a `KeyResult`; *fields* pass through to it.

    A change ("by 8%") needs the *start* it applies to; a sentence with no number gives a
    key result with only a title and direction, for the rules to flag, never a made-up target.

    >>> kr = to_key_result("Increase NPS from 32 to 50", owner="cx")
    >>> kr.direction.value, kr.start, kr.target, kr.owner
    ('increase', 32.0, 50.0, 'cx')
    >>> to_key_result("Double weekly active users", start=1200).target
    2400.0
    """
    if isinstance(parsed_or_text, str):
        parsed = parse_key_result(parsed_or_text)
    elif isinstance(parsed_or_text, ParsedKeyResult):
        parsed = parsed_or_text
    else:
        raise InvalidTypeError("parsed_or_text", parsed_or_text, "a str or a ParsedKeyResult")
    unknown = sorted(set(fields) - _KEY_RESULT_FIELDS)
    if unknown:
        raise InvalidTypeError(
            unknown[0],
            fields[unknown[0]],
            f"a KeyResult field ({', '.join(sorted(_KEY_RESULT_FIELDS))})",
        )
    if start is not None:
        check_number("start", start)
    quoted = f"{parsed.text!r}"
    if start is not None and parsed.start is not None and _decimal(start) != _decimal(parsed.start):
        raise InvalidValueError(
            "start", start, f"no start, or the start {parsed.start:g} that {quoted} gives"
        )
    baseline: Number | None = start if start is not None else parsed.start
    target: Number | tuple[float, float] | None = None
    unit = parsed.unit
    if parsed.measurable and parsed.value is not None:
        if parsed.form == "change":
            if baseline is None:
                raise InvalidValueError(
                    "start", None, f"a baseline for the change {quoted} describes"
                )
            target = _apply(parsed, baseline)
            if parsed.unit in ("%", "x") and parsed.relative:
                unit = None  # the % is of the change, not the metric's unit
        elif parsed.direction is Direction.WITHIN and parsed.upper is not None:
            target = (parsed.value, parsed.upper)
        else:
            target = parsed.value
    direction = parsed.direction
    if baseline is not None and isinstance(target, float | int | Decimal):
        if direction is Direction.INCREASE and not target > baseline:
            raise InvalidValueError(
                "target",
                target,
                f"a target above the start {baseline!r}, since {quoted} says increase",
            )
        if direction is Direction.DECREASE and not target < baseline:
            raise InvalidValueError(
                "target",
                target,
                f"a target below the start {baseline!r}, since {quoted} says decrease",
            )
    values: dict[str, object] = {
        "title": parsed.text.strip(),
        "direction": direction,
        "start": baseline,
        "target": target,
        "unit": unit,
    }
    values.update(fields)
    return KeyResult(**values)  # type: ignore[arg-type]
