"""The words okrkit.text knows: verbs by what they do to a metric, the little words around
them, qualifiers ("at least") and changes ("a 20% increase"), and the metrics it recognises
(where lower is better, rates, milestones, the metrics an objective should not name).
"""

from __future__ import annotations

import functools
import re
from typing import Literal, TypeAlias

from okrkit.text._patterns import words_of

# --- Verbs --------------------------------------------------------------------------------

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
        "quintuple",
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
        "enhance",
        # as teams whose first language is a Romance one write "increase"
        "increment",
        "augment",
        # Verbs of change with no object, which follow their metric: "MAU climb to 2M".
        "rise",
        "climb",
    ],
    "dec": [
        "reduce",
        "decrease",
        "cut",
        "lower",
        "lessen",
        "diminish",
        "decrement",
        "narrow",  # "Narrow the attainment gap to 5 points"
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
        "fall",
        "decline",
        "sink",
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
        "meet",
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
        # outreach, as fundraising and recruiting teams count it: "40 prospects contacted"
        "contact",
        "identify",
        "approach",
        "invite",
    ],
}
_IRREGULAR = {
    "grew": "grow",
    "rose": "rise",
    "risen": "rise",
    "fell": "fall",
    "fallen": "fall",
    "sank": "sink",
    "sunk": "sink",
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
FACTORS = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5, "halve": 2}
# Adjectives of how often, before a noun: "40 active monthly volunteers", "weekly churn reports".
HOW_OFTEN = frozenset(
    ("hourly", "daily", "nightly", "weekly", "biweekly", "bi-weekly", "fortnightly", "monthly",
     "quarterly", "yearly")
)  # fmt: skip
# Things a team makes, writes, runs or ships: a count of them with no verb is its own work
# (D2: "5 blog posts", "3 charts in gitlab-ui", "2 engineering deep dives").
MADE = frozenset(
    ("post", "blog", "blogpost", "article", "guide", "tutorial", "video", "webinar", "workshop",
     "breakdown", "talk", "study", "story", "whitepaper", "ebook", "newsletter", "podcast",
     "episode", "chart", "demo", "meetup", "event", "hackathon", "course", "lesson", "template",
     "playbook", "runbook", "report", "interview", "experiment", "release",
     "integration", "dashboard", "prototype", "pr", "dive", "highlight", "campaign", "test",
     "tool", "plugin", "module", "library", "package", "benchmark", "proposal",
     "rfc", "spec", "design", "mockup", "doc", "document", "presentation",
     "training", "screencast", "livestream", "stream", "recording", "handbook",
     "cl", "changelist", "patch", "paper", "hire", "audit", "meeting", "component", "survey")
)  # fmt: skip

# Verbs whose direction depends on the metric: "improve churn" means lower it.
POLAR = frozenset({"improve", "accelerate", "optimize", "optimise", "speed"})  # "speed up"
# Verbs that describe an activity only with a count: "Make 50 calls", not "Make sales efficient".
NEEDS_COUNT = frozenset({"make", "do", "give"})
# Verbs of change that name a deliverable when they have no amount: "Add a changelog page".
DELIVER_UNLESS_COUNTED = frozenset({"add", "save"})
# Verbs that name a change, so a bare number after them is an amount: "Save $200k".
CHANGE_VERBS = frozenset(_VERB_LEMMAS["inc"]) | frozenset(_VERB_LEMMAS["dec"])
# Objectives name a deliverable with a narrower set: "Build a world-class team" is aspirational.
OBJECTIVE_OUTPUT = frozenset(
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
        "define",
        "develop",
        # (from an objectives trial; "build", "add" and "establish" are as often a change
        # sought, "Build a world-class team", and read so by the corpus's annotators)
        "create",
        "write",
        "update",
        "organize",
        "organise",
        "digitize",
        "digitise",
        "measure",  # "Measure latency of keyboard input": an instrument built
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


# Every form of each verb (its inflections, and the irregular ones): its kind and lemma.
VERBS: dict[str, tuple[str, str]] = {}
for _kind, _lemmas in _VERB_LEMMAS.items():
    for _lemma in _lemmas:
        for _inflected in _inflections(_lemma):
            VERBS.setdefault(_inflected, (_kind, _lemma))
for _inflected, _lemma in _IRREGULAR.items():
    VERBS[_inflected] = next((k, _lemma) for k, ls in _VERB_LEMMAS.items() if _lemma in ls)
VERBS["ramp"] = ("inc", "ramp")  # "ramp up": its own lemma, so "AE ramp time" has no verb

# Words before a verb that do not change what it means: "We will launch", "Successfully ship".
LEAD_SKIP = frozenset(
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
        # Goals and questions around the verb: "Aim to reduce churn", "Can we get NPS to 45?",
        # "Goal - reduce churn", "Be able to ship 3 releases".
        "aim",
        "aims",
        "can",
        "goal",
        "able",
    ]
)
# A first word followed by one of these is a noun: "Test coverage at 80%", "Build time < 10 min".
COMPOUND = frozenset(
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
        "cycle",
    ]
)
STOP = frozenset(
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
        "worth",  # "3 grants worth $250k each": the grants'
        "via",
        "during",
        "about",
        "upon",
        "until",
        "since",
        "throughout",
        "despite",
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
        # A baseline's mark after its number: "(1,150 now)", "45% today".
        "now",
        "today",
        "currently",
    ]
)


# --- Qualifiers and changes ---------------------------------------------------------------

# The qualifiers, matched against the last words before a number (`_quantities._before`).
# (A bound negated is the other bound: "no fewer than 12" is at least 12, "not above 5%" at
# most 5 %; the longest phrase before a number is matched first.)
_AT_LEAST_WORDS = (
    "at least|no less than|not less than|a minimum of|minimum of|minimum|min.|at or above|"
    "at or over|more than|greater than|higher than|in excess of|upwards of|north of|exceeding|"
    "over|above|beyond|no fewer than|not fewer than|no lower than|not lower than|not below|"
    "not under|greater than or equal to|more than or equal to|equal to or greater than|"
    "equal to or more than|higher than or equal to|equal to or higher than"
)
_AT_MOST_WORDS = (
    "at most|no more than|not more than|a maximum of|maximum of|maximum|max|max.|at or below|"
    "at or under|less than|fewer than|lower than|under|below|beneath|within|w/in|w/i|sub|"
    "no higher than|not higher than|no greater than|not greater than|not above|not over|"
    "not exceeding|capped at|capped to|less than or equal to|equal to or less than|"
    "fewer than or equal to|lower than or equal to|equal to or lower than"
)
CHANGE_NOUN_UP = "increase|growth|rise|uplift|lift|gain|improvement|jump|boost"
CHANGE_NOUN_DOWN = "decrease|reduction|decline|drop|cut"
Qualifier: TypeAlias = Literal["least", "most", "better"]
Change: TypeAlias = Literal["up", "down"]
QUALIFIERS: dict[tuple[str, ...], Qualifier] = {
    **{tuple(p.split()): "least" for p in _AT_LEAST_WORDS.split("|")},
    **{tuple(p.split()): "most" for p in _AT_MOST_WORDS.split("|")},
}
CHANGE_NOUNS: dict[str, Change] = {
    **dict.fromkeys(CHANGE_NOUN_UP.split("|"), "up"),
    **dict.fromkeys(CHANGE_NOUN_DOWN.split("|"), "down"),
}
# The words just before a number that say what it is: "from 5", "to 50", "by 8%".
PREPOSITIONS = frozenset(
    ("from", "to", "by", "of", "at", "into", "between", "and", "hit", "reach", "per")
)
# Words between those and the number that change nothing: "to about 50".
FILLER = frozenset(
    ("a", "an", "~", "≈", "about", "around", "roughly", "approximately", "approx.", "approx")
) | frozenset(("c.", "ca.", "circa", "some", "nearly", "almost"))


# --- Metrics ------------------------------------------------------------------------------

# A cycle is how long something takes, whatever its first word names ("sales cycle", "cash
# conversion cycle"; not a "billing cycle", which names a period): where it ends the metric's
# name, before its number or a word of time ("Sales cycle 60 days", "sales cycle length"),
# not where it qualifies another ("sales cycle win rate", "release cycles per year") or is a
# condition ("within one sales cycle").  Each name an alternative of its own, for
# `_by_first_letter`.
_CYCLES = "|".join(
    rf"{name[0]}(?<!one {name[0]})(?<!per {name[0]})(?<!each {name[0]}){name[1:]} cycle"
    r"(?=\s*(?:(?:time|length|duration)\b)?\s*(?:[^\w\s]|\d|$|(?:from|to|under|below|at|down|is)\b))"
    for name in ("sales", "conversion", "release", "deal", "buying", "hiring", "procurement")
)
_CYCLE = re.compile(_CYCLES)

# Metrics where lower is better: "improve p95 latency", "keep churn at 2%".
LOWER_IS_BETTER = re.compile(
    r"churn|attrition|turnover|latency|fail|response time|resolution time|time[- ]to\b|lead time|"
    r"cycle time|"
    + _CYCLES
    + r"|load time|wait|downtime|outage|incident|bug|defect|error|crash|cost|spend|"
    r"expense|\bcac\b|burn|complaint|escalation|backlog|debt|mttr|mttd|bounce|abandon|refund|"
    r"chargeback|fraud|delay|queue|ticket|vulnerabilit|injur|accident|absentee|\bgap\b(?!\s*(?:year|closure|closing|closed|over|ahead|above|lead))|waste|emission|carbon|co2|"
    r"breach|audit finding|days sales outstanding|\bdso\b|handle time|\baht\b|build time|p\d\d|"
    r"memory (?:usage|consumption)|\bfault|\bflaw|mistake|glitch|turnaround|overhead|vacanc|"
    r"\bvulns?\b|\bcves?\b|misconfig|false[- ]positive|false[- ]negative|\bfpr\b|\bfnr\b|"
    r"null rate|\bflaky\b|\bflakiness\b|"
    r"\btoil\b|cancellations?|cancel(?:l?ation)? rate|reject(?:ion)? rate|"
    # retail's: stock lost, goods sent back (not guests coming back), sold below price, out
    # of stock
    r"shrink|r(?<!guest r)(?<!customer r)(?<!visitor r)(?<!user r)(?<!player r)eturns? rate|"
    r"stock-?outs?|out[- ]of[- ]stock|\boos\b|markdown rate|markdowns\b|"
    # what a data centre or a building uses for what it does
    r"\bpue\b|\bwue\b|\beui\b|"
    # a model's or a forecast's error, by its name
    r"\bmape\b|\bwape\b|\bsmape\b|\brmse\b|\bmae\b|log[- ]loss|\bwer\b|perplexity|"
    # givers or customers who stopped: "Lapsed donors: 3,000 -> 1,500"
    r"\blapsed\b|"
    # an insurer's: what claims and costs take of the premium, what leaks out, policies lapsed
    # (not a sales team's wins to losses, nor clean claims, both better high)
    r"l(?<!win/l)(?<!win:l)(?<!win-l)(?<!win l)(?<!profit/l)oss ratio|"
    r"combined (?:operating )?ratio|c(?<!clean c)laims ratio|expense ratio|\bcor\b|leakage|"
    r"lapse rate|litigation rate|reopen rate|claims? severity"
)


def _by_first_letter(pattern: str) -> re.Pattern[str]:
    """A pattern that matches somewhere in a text just when *pattern*, an alternation of
    words (each a letter, or \\b and a letter, then anything but a top-level "|"), does:
    its words grouped by their first letter, so that the search tries only the words that
    start with the letter it is at (a "\\b" before it becomes a look-behind after it)."""
    groups: dict[str, list[str]] = {}
    depth = 0
    word = ""
    for char in f"{pattern}|":
        depth += (char == "(") - (char == ")")
        if char != "|" or depth:
            word += char
            continue
        if word.startswith("\\b"):
            first, rest = word[2], rf"(?<!\w{word[2]}){word[3:]}"
        else:
            first, rest = word[0], word[1:]
        groups.setdefault(first, []).append(rest)
        word = ""
    return re.compile("|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in groups.items()))


_LOWER_IS_BETTER = _by_first_letter(LOWER_IS_BETTER.pattern)


# What is free of a fault is better high: "crash-free sessions", "error-free releases".
# (with a space only after a fault's name: "crash free sessions", not "convert free users")
FREE_OF = re.compile(
    r"[^\W\d_]+-free\b|\b(?:crash|error|bug|defect|incident|outage|downtime|accident|injury|"
    r"harm|fault|failure|exception|leak|regression|spam|fraud|hassle|friction|pain)e?s?\x20free\b"
)


def lower_is_better(low: str) -> bool:
    """Whether lower-cased text *low* names one of LOWER_IS_BETTER's metrics, where lower is
    better (`polarity` also knows the time a process takes, `time_taken`); a fault in a
    word that says "free of it" ("crash-free") counts for higher (`higher_is_better`)."""
    if "cycle" in low and _CYCLE.search(low):
        return True  # "Cash conversion cycle": a time taken, whatever its other words say
    if "free" in low:
        low = FREE_OF.sub(" ", low)
    if _LOWER_IS_BETTER.search(low) is not None:
        if _HANDLED.search(low) is None:
            return True
        # ... unless what is counted is the faults dealt with: "Errors caught in CI: 40% ->
        # 80%", "Tickets resolved by self-serve: 30% -> 60%" are better high (but not what
        # else it names: "Tickets resolved within 2 days, churn at 3%")
        low = _HANDLED.sub(" ", low)
        if _LOWER_IS_BETTER.search(low) is not None:
            return True
    # The negation of a metric better high: "unavailability", "inaccuracy", "dissatisfaction"
    if _better_high(low, negated=True):
        return True
    # Things something unwanted happened to ("Orders cancelled: 2%", "Claims rejected on
    # first submission"), unless they are unwanted themselves ("Spam rejected: 99%")
    return UNWANTED_DONE.search(low) is not None and _UNWANTED_THINGS.search(low) is None


# Who found a fault or a fraud, when it had already escaped: "by customers", "after payout".
_FOUND_BY_OTHERS = r"by\s+(?:the\s+|our\s+)?(?:customers?|users?|clients?|end[- ]users?)"
_FOUND_LATE = r"after\s+(?:payout|payment)"
# Faults and requests, then what was done about them: "incidents caught", "tickets resolved".
_HANDLED = re.compile(
    r"\b(?:incidents?|errors?|bugs?|defects?|tickets?|vulnerabilit(?:y|ies)|vulns?|faults?|"
    r"failures?|alerts?|complaints?|escalations?|threats?|attacks?|regressions?)\s+"
    r"(?:(?:are|is|were|was|get|gets|got)\s+)?(?:caught|detected|resolved|fixed|closed|"
    r"prevented|blocked|remediated|triaged|deflected|handled|addressed|answered|mitigated|"
    r"patched|contained|self-served|auto-resolved)\b"
    # (not those that escaped to customers or production, which are better few: "Incidents
    # detected by customers: 10 -> 2", "Errors caught in production per week: 3")
    rf"(?!(?:\s+[^\W\d_]+)?\s+(?:{_FOUND_BY_OTHERS}|{_FOUND_LATE}|"
    r"in\s+(?:production|prod|the\s+field)|after\s+release|post[- ]release)\b)"
    # ... or what fraud found or stopped yields: "Fraud savings of $12M", "Fraud referral hit
    # rate from 22% to 30%" (not found by customers or after a payout, as above)
    r"|\b(?:counter-)?fraud\s+(?:referral\s+)?(?:savings|recover(?:y|ies|ed)|detected|"
    r"prevented|hit\s+rate)\b"
    rf"(?!(?:\s+[^\W\d_]+)?\s+(?:{_FOUND_BY_OTHERS}|{_FOUND_LATE})\b)"
)


# Things nobody wants, so that what stops them is for the good: "Spam rejected".
_UNWANTED_THINGS = re.compile(
    r"\b(?:spam|fraud\w*|malicious|bots?|attacks?|abus\w+|phishing|unused|duplicates?|"
    r"fake|junk|invalid|non-?compliant|vulnerable|unsafe|insecure|bad|redundant|zombie|"
    r"legacy|obsolete|stale|risky|unauthori[sz]ed)\b"
)


# "<word> time": "review time", "onboarding time", "page load time", "time-to-merge".
_WORD_TIME = re.compile(r"\b([a-z]+)[- ]times?\b")
# The endings of nouns made of verbs: "resolution", "onboarding", "deployment", "delivery".
_NOMINAL = ("ion", "ing", "ment", "ance", "ence", "ure", "ery", "age")
# Adjectives WordNet also has as verbs, which make "time" no process's: "full-time", "spare time".
_TIME_ADJECTIVES = frozenset(("full", "part", "free", "spare", "prime", "peak"))
# Verbs of the time users give, which is better long: "watch time", "dwell time".
_TIME_GIVEN = frozenset(("watch", "dwell", "view", "listen", "play", "session"))


def time_taken(low: str) -> bool:
    """Whether lower-cased text *low* names the time a process takes, which is better short:
    "time" after a verb or a noun made of one ("review time", "onboarding time", "deploy
    time", "resolution time"), not after a little word or an adjective ("on time", "in real
    time", "first time")."""
    if "time" not in low:
        return False
    return any(_names_a_process(m[1]) for m in _WORD_TIME.finditer(low))


@functools.lru_cache(maxsize=1024)
def _names_a_process(word: str) -> bool:
    """Whether lower-case *word*, before "time", names a process: a verb or a noun made of
    one, not a little word, an adjective, nor the time users give (`time_taken`)."""
    if word in STOP or word in _TIME_ADJECTIVES or word in _TIME_GIVEN or len(word) < 3:
        return False
    from okrkit.text._verbs import verb_lemma

    return word.endswith(_NOMINAL) or verb_lemma(word) is not None


# Metrics where higher is better: "99.95% availability", "NPS of 60", "Keep accuracy at 99%".
HIGHER_IS_BETTER = re.compile(
    r"uptime|availability|satisf|happ(?:y|iness)|\bnps\b|\benps\b|\bcsat\b|\besat\b|conversion|retention|"
    r"coverage|adoption|engagement|accuracy|quality|reliab|throughput|speed|velocity|revenue|"
    r"\barr\b|\bmrr\b|profit|margin|pipeline|bookings|sales|growth|users|customers|members|"
    r"contributors|subscribers|followers|visitors|signups|sign-ups|\bactive|score|r(?<!oper)ating|"
    r"\bsuccess|win rate|trust|awareness|market share|performance|productivity|\bctr\b|\broi\b|"
    r"\bltv\b|\bdau\b|\bwau\b|\bmau\b|\bon[- ]time|completion|loyalty|sentiment|health|"
    r"runway|\breserves\b|watch time|dwell time|session (?:length|duration)|"
    r"time (?:on|in) (?:site|page|app)|"
    r"precision|recall|\bf1\b|f1[- ]score|\bauc\b|\bndcg\b|remediation|detection|compliance|"
    r"\bfix rate|\btraction|deflect|resolution rate|deliverability|"
    r"pageviews|listeners|readership|impressions|\bview (?:duration|time)|"
    r"\blisten(?:ing)? (?:time|duration)|engaged time|engagement time|"
    r"\breading time|fps\b|frame rate|diversion|recycling rate|\byield|"
    r"segregation|"
    # a charity's givers, as a company's customers
    r"donors|sustainers|supporters|patrons|backers"
)


_HIGHER_IS_BETTER = _by_first_letter(HIGHER_IS_BETTER.pattern)


def higher_is_better(low: str) -> bool:
    """Whether lower-cased text *low* names a metric where higher is better, or what is
    free of a fault ("crash-free sessions"); not its negation ("unavailability")."""
    return _better_high(low, negated=False) or ("free" in low and bool(FREE_OF.search(low)))


# The prefixes that make a word the negation of what follows: "unavailability", "inaccuracy",
# "dissatisfaction", "non-compliance" (not "interactive", nor a nonprofit's profit).
_NEGATIONS = ("un", "in", "im", "ir", "dis", "non", "non-")


def _better_high(low: str, *, negated: bool) -> bool:
    """Whether *low* names one of HIGHER_IS_BETTER's metrics (a quality or an amount), or
    (*negated*) a quality's negation: "unavailability", "inaccuracy" (not "non-users",
    "non-profit": a group of people or things is no negation of a metric)."""
    return any(_negation_before(low, m) is negated for m in _HIGHER_IS_BETTER.finditer(low))


def _negation_before(low: str, m: re.Match[str]) -> bool:
    """Whether a prefix of negation starts the word that metric *m* in *low* ends: looked
    at in the few characters before it, not back to the word's start (a long hyphenated run
    would be walked again for each metric in it)."""
    name = m[0]
    if name.endswith("s") or name == "profit":
        return False  # things counted ("non-users", "unsubscribers"), a nonprofit
    at = m.start()
    for prefix in _NEGATIONS:
        begin = at - len(prefix)
        if (
            begin >= 0
            and low.startswith(prefix, begin)
            and (begin == 0 or not (low[begin - 1].isalpha() or low[begin - 1] == "-"))
        ):
            return True
    return False


Polarity: TypeAlias = Literal["higher", "lower"]
_LTV_CAC = re.compile(r"\bltv\s*(?:[:/]|\bto\b)\s*cac\b")
# Time people choose to spend with a thing: better long.
_ENGAGED_TIME = re.compile(
    r"\b(?:view|watch|listen|listening|reading|session)\s+(?:duration|time|length)\b"
    r"|\b(?:engaged\s+time|engagement\s+time|dwell\s+time)\b"
)
# Things handled by each person, what each one gets done: "tickets solved per agent".
_HANDLED_PER_PERSON = re.compile(
    r"\b(?:tickets|cases|calls|chats|contacts|requests)\s+"
    r"(?:(?:solved|resolved|closed|handled|answered|processed|worked)\s+)?per\s+"
    r"(?:agent|rep|person|head|fte|analyst|engineer|csm)\b"
)


def polarity(low: str) -> Polarity | None:
    """Which way lower-cased text *low*'s metric is better, or None if it names none or both.

    >>> polarity("99.95% availability"), polarity("cloud cost"), polarity("uptime and errors")
    ('higher', 'lower', None)
    >>> polarity("cloud cost per active user")
    'lower'

    """
    if " per " in low:
        if _HANDLED_PER_PERSON.search(low):
            return "higher"  # "Tickets solved per agent per day": each one's output
        low = low.partition(" per ")[0]  # "cloud cost per active user": the cost's way
    if "cycle" in low and _CYCLE.search(low):
        return "lower"  # "Sales cycle 60 days": a time taken, though sales go up
    if "cac" in low and _LTV_CAC.search(low):
        return "higher"  # "3:1 LTV to CAC": the value a customer brings over what it costs
    if _ENGAGED_TIME.search(low):
        return "higher"  # "Average view duration 3 min": time people choose to spend
    lower = lower_is_better(low) or time_taken(low)
    if lower == higher_is_better(low):
        if lower and UNWANTED_DONE.search(low):
            # "Users churned within 30 days", "Orders cancelled": the things counted are
            # the unwanted ones, whatever way the things themselves are better
            return "lower"
        return None
    return "lower" if lower else "higher"


# What happened to things counted that nobody wants to happen to them, said after them:
# "users churned within 30 days", "payments failed", "orders cancelled" (not "failed
# payments retried", things of that kind that something else is done to; and what is
# rejected or cancelled may be unwanted itself, "spam rejected": `lower_is_better`).
UNWANTED_DONE = re.compile(
    # (grouped by first letter, each word's "\b" a look-behind after it: `_by_first_letter`)
    r"(?:c(?<!\wc)(?:hurned|harged\s+back|ancell?ed)|l(?<!\wl)ost|f(?<!\wf)ailed|"
    r"a(?<!\wa)bandoned|b(?<!\wb)(?:reached|ounced)|r(?<!\wr)(?:eopened|ejected))\b"
    r"(?=\s*(?:$|[^\w\s]|\d|(?:within|in|after|before|by|on|at|during|due|because|per|over|"
    r"under|across|from|to|each|every|this|last|a|an|the)\b))"
)


# Comparatives that say which way a statement with no number moves: "Lead time is shorter",
# "Make complex text as fast as simple text"; a speed word goes down on a lower-is-better
# metric ("a faster transaction time").
COMPARATIVE = re.compile(
    r"\b(?:(?P<up>more|higher|greater|better|bigger|larger|positive)|"
    r"(?P<down>less|fewer|shorter|lower|smaller|cheaper|negative)|"
    r"(?P<speed>faster|quicker|sooner|as fast as))\b"
)
# Verbs that name a state, not what the team does: "Be the best place to work", "Have 500
# members": a statement led by one reads as one with no verb.
STATE_VERBS = frozenset(("be", "is", "are", "have", "has", "become", "becomes"))
# Past participles of work that end neither in -ed nor in -en: "Proposals sent: 30", "Kaizen
# events: 24 done".
DONE_IRREGULAR = ("sent", "built", "run", "won", "held", "made", "done", "given")
# A past participle of work, as a pattern: any -ed or -en word, or one of DONE_IRREGULAR.
DONE_WORD = r"[^\W\d_]+(?:ed|en)|" + "|".join(DONE_IRREGULAR)

# Metrics that are themselves percentages, where "by 5%" can mean 5 points.
RATE = re.compile(
    r"rate|churn|conversion|retention|margin|share|ratio|\bctr\b|uptime|availability|"
    r"utili[sz]ation|penetration|percentage|attrition|turnover|bounce|adoption|coverage|"
    r"completion|"
    # a plant's: overall equipment effectiveness, first-pass yield, on time in full
    r"\boee\b|\bfpy\b|\botif\b|\byield|"
    # an insurer's combined ratio, by its initials
    r"\bcor\b",
    re.IGNORECASE,
)
# An amount planned for the cycle: "Hit plan", "110% of quota", "95% of the sales target".
PLANNED = r"(?:plan|quota|target|goal|budget|forecast|commit(?:ment)?)s?"
# A level a verb of reaching reaches with no number (D13): a planned amount, or a named level
# ("Meet our OKRs", "Hit the 'elite' level").
GOAL = re.compile(
    rf"\b(?:{PLANNED}|(?:objective|okr|kpi|expectation|number|benchmark|baseline|level)s?)\b",
    re.IGNORECASE,
)
# What a statement with no number may still reach, as a milestone: "Achieve SOC 2 certification".
MILESTONE_NOUN = re.compile(
    r"certif|complian|approv|accredit|audit|sign-off|\bga\b|go-live|general availability|"
    r"\b(?:iso|soc|pci|wcag|hipaa|fedramp|gdpr)\b",  # a standard met: "Achieve ISO 27001"
    re.IGNORECASE,
)
# The metrics an objective names when it carries what belongs in a key result.
OBJECTIVE_METRIC = re.compile(
    r"\b(?:nps|arr|mrr|csat|cac|ltv|dau|mau|wau|roi|gmv|aov|ctr|ebitda|churn|attrition|"
    r"satisfaction|latency|conversion|retention|uptime|downtime|mttr|dso|readmissions?|"
    r"active\s+users)\b|\b[^\W\d_]+\s+rates?\b|"
    r"\b(?:response|wait|waiting|turnaround|resolution|lead|cycle)\s+times?\b",
    re.IGNORECASE,
)
# "Cut onboarding time in half": a change by a factor of 2.
HALF = re.compile(r"\b(?:in|by)\s+half\b", re.IGNORECASE)
# The words an objective's metric (OBJECTIVE_METRIC) or a half (HALF) needs.
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
        "roi",
        "gmv",
        "aov",
        "ctr",
        "ebitda",
        "churn",
        "attrition",
        "satisfaction",
        "rate",
        "rates",
        "half",
        "latency",
        "conversion",
        "retention",
        "uptime",
        "downtime",
        "mttr",
        "dso",
        "readmission",
        "readmissions",
        "users",
        "time",
        "times",
    ]
)


def may_name_metric(w: str) -> bool:
    """False only if neither OBJECTIVE_METRIC nor HALF can match *w*."""
    return not w.isascii() or not _OBJECTIVE_METRIC_WORDS.isdisjoint(words_of(w))
