"""Where a statement's deadline is, which of its names carry digits, and where the words of
its metric begin and end: the regular expressions that find these, and their pre-screens.

Each regular expression of the reader is tried at every position of a statement, which is most
of the time a statement takes to read.  Most statements cannot match most of them: a pattern
that needs the word "by" cannot match a text without it.  So, for ASCII text, where \\w is
[A-Za-z0-9_] and ignoring case is lower-casing, a pre-screen (a ``may_*`` function, here and in
`okrkit.text._lexicon` and `okrkit.text._tokens`) checks a condition every match needs (a
word, a substring) with cheap string operations; only if it holds is the expression run.  A
pre-screen may say "maybe" wrongly, never "no": the answer is the expression's, exactly
(tests/test_text.py checks each against its expression).
"""

from __future__ import annotations

import functools
import itertools
import re

from okrkit._money import SIGNS
from okrkit.text._units import CURRENCY_CODES

_CODES = "|".join(CURRENCY_CODES)

# Every ASCII character \w does not match, as a space: an ASCII text's words (its maximal
# runs of word characters, the units \b delimits) are then its translate(...).split().
_NON_WORD = str.maketrans({c: " " for c in map(chr, range(128)) if not (c.isalnum() or c == "_")})
# The same as a table of bytes, which translates an ASCII text many times faster.
_NON_WORD_BYTES = bytes(ord(chr(c).translate(_NON_WORD)) for c in range(256))


def _spaced(s: str) -> str:
    """*s* with every ASCII character \\w does not match as a space."""
    if s.isascii():
        return s.encode("ascii").translate(_NON_WORD_BYTES).decode("ascii")
    return s.translate(_NON_WORD)


def words_of(s: str) -> frozenset[str]:
    """The lower-cased maximal runs of word characters of ASCII text *s*."""
    return frozenset(_spaced(s.lower()).split())


DIGIT = re.compile(r"\d")


# --- Deadlines and names with digits, blanked out before the numbers are read -------------

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_PERIOD = r"(?:quarter|year|month|half|week|sprint|cycle|fiscal\s+year|fy)"
# After a word that says when, not where a level is ("at 4:30"): "by", "before", "until".
_WHEN = r"(?:(?<=by\s)|(?<=before\s)|(?<=until\s)|(?<=till\s)|(?<=than\s))"
DEADLINE = re.compile(
    rf"""
    \b(?:by|before|until|till|in|during|within|through|thru|no\s+later\s+than|ahead\s+of|for|
         over|at)\s+
    (?:
        # A numbered week, sprint or day of a plan: "by Week 6", "by end of Sprint 4".
        (?:(?:the\s+)?(?:end|close|start)\s+of\s+)?(?:week|wk|sprint|iteration|day|month)
            \s*\d{{1,3}}\b(?!\s*%)
      | (?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?
            (?:q[1-4]|h[12]|{_MONTH}|20\d\d|(?:this\s+|next\s+)?{_PERIOD})
            (?:\s*(?:fy|cy)?\s*'?\d{{2,4}})?\b
      | (?:q[1-4]|h[12])(?:\s*(?:fy|cy)?\s*'?\d{{2,4}})?\b
      | fy\s*'?\d{{2,4}}(?:/\d\d)?\b  # "FY2026/27", as a financial year is written
      | eo[qymwd]\b | eofy\b | (?:year|quarter|month)[-\s]end\b
      | (?:this|next|the\s+next|the\s+current|the)\s+(?:\d+\s+)?{_PERIOD}s?\b
      # (not "within 26 weeks of filing": a time limit on each thing, counted from an event;
      # but "within 6 weeks of kickoff" is a deadline; after a verb of change, "by 2 weeks"
      # is read again as an amount: `okrkit.text._reading`)
      | (?:the\s+next\s+)?\d+\s*(?:weeks?|wks?|w|months?|mos?|quarters?|years?|yrs?|y)\b
            (?!\s+of\s+(?!(?:the\s+)?(?:kick-?off|launch|start|beginning|go-live|project)\b))
            (?!\s+or\s+(?:less|fewer|under|sooner|better)\b)  # "in 8 weeks or less": a limit
      | the\s+next\s+\d+\s+days\b
      | {_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?(?:,?\s+20\d\d)?\b
      | (?:(?:(?<=by\s)|(?<=before\s)|(?<=until\s)|(?<=till\s))the\s+)?
            \d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+20\d\d)?\b
      | 20\d\d-\d\d-\d\d\b
      # A time of day, after a word of when: "by 9:00", "before 17:30", "by 6.30 am" (not
      # "at 4:30", a level; nor "by 1.50%").
      # (but a time compared with another is the level: "Open by 9:00 instead of 10:00")
      | {_WHEN}(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*[ap]\.?m\b\.?)?(?![\d:.]|\s*%|.*?\d:[0-5]\d)
      | {_WHEN}(?:[01]?\d|2[0-3])\.[0-5]\d\s*[ap]\.?m\b\.?
      # A day of each month: "by the 5th business day of each month", "by the 5th of each month".
      | {_WHEN}(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)\s+
            (?:(?:(?:business|working|calendar)\s+)?day(?:\s+of\s+(?:each|every|the)\s+
                (?:month|quarter|week))?\b
              |of\s+(?:each|every|the)\s+month\b)
      | \d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b(?!\s+of\b)
      | \d{{1,2}}\.(?:0[1-9]|1[0-2])\.(?:\d{{2,4}}\b|(?!\d))  # "by 15.06.", as Europe writes
      | 20\d\d(?:/\d\d)?(?=\s*(?:$|[.,;:!?)\]]))
      | (?:launch|go-live)\b
    )
    | \b(?:this|next)\s+(?:quarter|year|month|half|sprint|cycle)\b
    | \beo[qy]\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Products named with their version (`_IDENT_PARTS`): "Java 8", "CentOS 7".
_IDENT_SOFTWARE = frozenset(
    [
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
        "centos",
        "rhel",
        "debian",
        "fedora",
        "alpine",
        "kubernetes",
        "k8s",
        "kafka",
        "terraform",
        "istio",
        "envoy",
        "nginx",
        "elasticsearch",
        "opensearch",
        "mysql",
        "mariadb",
        "mongodb",
        "cassandra",
        "redis",
        "rails",
        "ruby",
        "angular",
        "vue",
        "jdk",
        "openjdk",
        "golang",
        "scala",
        "kotlin",
        "swift",
        "gradle",
        "helm",
        "tomcat",
        "jenkins",
        "hadoop",
        "spark",
        "airflow",
        "dbt",
        "openssl",
        "typescript",
        "laravel",
        "drupal",
        "wordpress",
        "magento",
        "esxi",
        "vsphere",
        "openshift",
        "ansible",
        "docker",
        "kernel",
        "webpack",
        "jquery",
        "log4j",
        "chrome",
        "firefox",
        *("flink", "presto", "trino", "impala", "hbase", "cdh", "hdp", "iceberg"),
        *("dbt-core", "pandas", "numpy", "pytorch", "tensorflow", "cuda", "dbr"),
    ]
)
# Things released, named by a version, then shipped: "iOS app 5.0 with ...".
_RELEASED = frozenset(
    [
        "app",
        "cms",
        "paywall",
        "platform",
        "api",
        "sdk",
        "ds",
        "guidelines",
        "site",
        "website",
        "portal",
        "engine",
        "editor",
        "player",
        "plugin",
        "client",
        "framework",
        "library",
        "xp",
    ]
)
# Places and things a plant or an office numbers, as their names are written (with a capital,
# or all in capitals): the places' alternative of IDENT is built from them, and its gate.
_PLACES = (
    *("Plant", "Line", "Cell", "Site", "Warehouse", "Dock", "Bay", "Gate", "Zone", "Ward"),
    *("Supplier", "Vendor", "SKU", "Sku", "Depot", "Hub", "DC", "Property", "Hotel", "Terminal"),
)
# ... and their plurals, in lower case (a range or a list of them: "Lines 1-4").
_PLACES_PLURAL = frozenset(
    name.lower()[:-1] + "ies" if name[-1] == "y" and name[-2] not in "aeiou" else name.lower() + "s"
    for name in _PLACES
)
# A statement that is a service level's time limit alone, from its number to its end: "2 week
# SLA on fixing crashers" (its span is an amount there, not a name; `IDENT`, `masked`).
# What takes time, after a span: "turnaround", "lead time", "first response", "EOM close".
# (the service's words the days written "2D" come before too: `_SERVICE_TIMES`)
_SERVICE_TIMES = r"turnaround|tat|slas?|slos?|lead|cycle|delivery|shipping|resolution|response|wait"
_TIME_TAKEN = (
    _SERVICE_TIMES + r"|close|onboarding|mttr|mttd|mtta|review|approval|processing|handling|"
    r"fulfil?ment|setup|recovery|reply|replies|triage|payout|checkout"
)
# (names with digits may follow: "24-hour SLA for P1 tickets", "1-hour response time for
# Sev-1s"; no other number, which may be the target: "4 hour SLA met for 98% of tickets";
# and an SLO's span is its window, "30 day SLO for the API")
_LIMIT_ALONE = (
    r"\d{1,3}[\x20-](?:hour|day|week|hr|wk)\x20+"
    r"(?:sla|turnaround|tat|resolution|response|reply|wait|delivery|shipping)\b(?:\x20+times?\b)?"
    # (the thing limited is no noun's: not "2-week wait list", "1-day delivery launched")
    r"(?!\x20+(?!(?:for|on|in|of|at|to|across|with|within|under|below|per|by)\b)[a-z])"
    r"(?:\D|(?<![\w-])(?:p|sev-?|s|tier\x20?)\d{1,2}s?\b)*\Z"
)
# Names that carry digits but are not amounts: v2, Q3, p95, SOC 2, ISO 27001, 24/7, 4.5/5.
# One alternative a line, so that an ASCII text is matched only against those its words and
# marks allow (`ident_pattern`).
# Superlatives that name a population after its size: "of the 10 largest customers".
_SUPERLATIVES = frozenset(
    ("largest", "biggest", "highest", "lowest", "busiest", "fastest", "slowest", "greatest",
     "smallest", "newest", "oldest", "best", "worst", "strongest", "weakest", "heaviest")
)  # fmt: skip
_IDENT_PARTS = (
    # A name of letters then digits ("v2", "SPv2"), with the brackets it fills ("[SPv2]"),
    # which blanked alone would look like a placeholder ("[ ]").
    # (and a financial year's next year: "FY2026/27")
    # (and more such names after a slash: "P0/P1")
    (
        # (not a mass of carbon, a unit: "8,500 tCO2e", "350 kgCO2e/m2")
        rf"(?P<bracket>\[)?(?<![\w{SIGNS}.])(?!(?:kg|g|mt|t)co2e?\b)[^\W\d_]+[-_]?\d[\w.]*"
        r"(?:/\d\d\b(?![/.,%]))?"
        r"(?:/[^\W\d_]+[-_]?\d[\w.]*)*(?(bracket)\])"
    ),
    r"""\b(?:iso(?:/iec)?|iatf|nist|soc|tier|(?<!sigma\x20)(?<!maturity\x20)(?<!cmmi\x20)(?<!5s\x20)level|phase|sev|severity|version|gen|wave|sprint|stage|step|
        (?<!\bto\x20)(?<!\bfrom\x20)grades?|module|algebra|geometry|calculus|chemistry|physics|
        biology|
        wcag|pci(?:\s+dss)?|rfc|tls|top|rank|series|issue|epic|pr|cve|(?<!per\x20)season|
        asc|ifrs|ias|sox|csf|gri|pas|ul|(?<!\bto\x20)type|edi|
        (?<!per\x20)cohort|(?<!per\x20)episode|
        # (a school's year: "Year 11", "students in year 7"; not "last year 12 incidents")
        (?<!this\x20)(?<!last\x20)(?<!next\x20)(?<!per\x20)(?<!\ba\x20)(?<!each\x20)(?<!every\x20)
        (?<!prior\x20)(?<!previous\x20)(?<!past\x20)year(?=\x20\d{1,2}\b)|
        # (a batch's number is small, and no size: not "batch 500 records", "batch 4 hours")
        (?<!per\x20)batch(?=\x20\d{1,2}\b(?![.,]?\d|\x20+(?:hours?|hrs?|h|minutes?|mins?|days?|
            seconds?|secs?|records|rows|items|at\x20a\x20time)\b)))
        # (and a letter after a phase's or a tier's number: "Phase 1b", "Tier 2a"; not a
        # scale's, "Issue 150k cards")
        \s+\d+(?:\.\d+)*(?:(?:(?<=phase\x20\d)|(?<=tier\x20\d)|(?<=stage\x20\d))[a-h](?![\w.]))?
        (?:-\d+\b(?![.%]))?\b(?!\s*(?:%|percent\b|per\x20cent\b))
        # ("Issue 5 refunds": a verb and its things)
        (?!(?:(?<=issue\x20\d)|(?<=issue\x20\d\d)|(?<=issue\x20\d\d\d))\x20+
            (?!(?:is|was|has|does)\b)[^\W\d_]+s\b)(?:\s*(?:,|&|or|and)\s*\d+(?:\.\d+)*\b(?![.,]?\d|\s*%))*""",
    r"\#\s*\d+(?:\s*(?:,|&|or|and)\s*\d+\b(?![.,]?\d|\s*%))*",
    r"https?://\S+",
    r"\]\([^)\s]*\)",
    r"`[^`]*`",
    # A version ("16.4.1", "to 12.100.200"), but not dots grouping thousands after money or
    # before things counted ("€1.200.000", "1.200.000 users"), nor with a group of 000 ("from
    # 1.800.000 to 2.500.000": no version is numbered so); tried where a number starts.
    # (a version is no money: "USD 1.200.000", "€ 1.200.000", "1.200.000 EUR")
    (
        rf"(?<![\d.{SIGNS}])(?<![{SIGNS}]\x20)(?<!(?:{_CODES})\x20)"
        rf"(?!\d{{1,3}}(?:\.\d{{3}}){{2,}}(?:\x20+[^\W\d_]+s\b|\x20?(?:{_CODES}|[{SIGNS}])\b)"
        r"|\d{1,3}(?:\.\d{3})*\.000(?:\.\d{3})*(?![\d.]))"
        r"\b\d+\.\d+\.\d+\b"
    ),
    # (nor a currency's letters: "from Rs 1.2 crore")
    r"""(?<=[a-z]\x20)(?!(?:SOFTWARE)\s|(?-i:Rs|Rp|KSh|Ksh)\s)(?-i:[A-Z][A-Za-z]*[a-z][A-Za-z]*)\s+\d+\.\d+\b
        (?![.,]?\d|\s*%|\s*(?:stars?|points?|rating|score)\b)
        (?:\s*(?:,|&|or|and)\s*\d+\.\d+\b(?![.,]?\d|\s*%))*""".replace(
        # (a product's own version is read by the products' alternative, below, with the
        # version it goes to: "Upgrade Airflow 1.10 to 2.7")
        "SOFTWARE",
        "|".join(sorted(_IDENT_SOFTWARE, key=len, reverse=True)),
    ),
    r"\b\d+/7\b|\b24\s?[x×]\s?7(?:\s?[x×]\s?365)?\b",  # "24/7", "24x7", "24x7x365": always
    # A rating's scale ("4.5/5", "8 out of 10"), not a share of things ("9 out of 10 deals").
    r"""(?<=\d)\s*(?:/\s*(?:5|10|100)\b|out\s+of\s*(?:5|10|100)\b
        (?!\s+(?!(?:stars?|points?|by|on|in|for|from|at|or|and|to|with|across|among|average|
            rating|score|overall|each|every|the)\b)[^\W\d_]))""",
    # A product's version ("Java 8", "CentOS 7", "Node 16.x"), and the version it moves to
    # ("Postgres 11 -> 15", "Java 8 → 17"; not "Windows 11 to 3,000 laptops", a count).
    r"\b(?:" + "|".join(sorted(_IDENT_SOFTWARE, key=len, reverse=True)) + ")"
    r"""\s+\d+(?:\.\d+)*(?:\.x)?\b
        # (not an amount after the name: "Kafka 99.95% availability", "Redis 5 ms p99",
        # "Chrome 10,000 installs")
        (?![.,]?\d|\s*(?:%|percent\b|x\b|[kmb]\b|(?:ms|s|sec|secs|min|mins|h|hrs?|hours?|days?|
            weeks?|months?|years?|gb|tb|mb|million|billion|thousand)\b))
        # (and more of its versions in a list: "Deprecate TLS 1.0 and 1.1")
        (?:\s*(?:,|&|or|and)\s*\d+\.\d+\b(?![.,]?\d|\s*%))*
        (?:\s*(?:->|=>|→|⟶)\s*\d+(?:\.\d+)*(?:\.x)?\b(?![.,]?\d|\s*%)
        # (or "to" or "from" one with a dot, "Upgrade Airflow 1.10 to 2.7", "Spark 3.5 (from
        # 2.4)"; a whole number only at the end: "Java 8 to 17.", not "to 3,000 laptops")
        |\s*\(?\s*(?:to|from)\s+(?:\d+\.\d+(?:\.\d+)*(?:\.x)?|\d+(?=\s*(?:[.;)]|$)))\b(?![.,]?\d|\s*%)\)?)?""",
    # (and AWS's DNS; and a team's size, context: "with a team of 6")
    (
        r"\b(?:fortune|global|inc\.?|s&p)\s+\d+\b|\broute\x20?53\b"
        r"|(?:(?<=\bwith\x20team\x20of\x20)|(?<=\bwith\x20a\x20team\x20of\x20)|(?<=\(team\x20of\x20))"
        r"\d{1,3}\b(?![.,]?\d|\s*%|\x20+[^\W\d_]+s\b)"
    ),
    # A year (a whole ISO date is blanked by its own alternative, below).
    (
        rf"(?<![\d{SIGNS}.,])\b20[1-4]\d\b"
        r"(?![\d.,]*\s*(?:%|[kmb]\b|(?:million|billion|thousand)\b)|[,.]\d|-[01]\d-)"
        # and the next year's last digits, as a financial year is written: "2025/26",
        # "2025-26" (a span of years)
        r"(?:[/–—-]\d\d\b(?![/.,%–—-]))?"
    ),
    r"\bweb\s*\d(?:\.0)?\b(?![.,]?\d|\s*(?:%|x\b|times\b))",  # "Web 3.0", "web2.0", "Web 3"
    # An address without its scheme: a host name, then a path ("crbug.com/852022").
    # (Each label of a host name is at most 63 characters, as DNS allows: bounded, a search
    # from each word is short, and a long run of "a-a-a-..." costs linear time.)
    r"\b[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){0,8}\.[a-z]{2,24}/\S*",
    # A subscript or superscript index written in HTML ("N<sub>4</sub>"): part of a name.
    r"(?<=[^\W\d_])<(?P<script>su[bp])>\w{1,4}</(?P=script)>",
    # A time window looked back over, context and no amount ("above the last 12 months").
    r"""\b(?:last|past|previous|prior|preceding|trailing)\s+\d+\s+
        (?:days?|weeks?|months?|quarters?|years?)\b""",
    r"\b(?:19|20)\d\d-[01]\d-[0-3]\d\b",  # a date as ISO 8601 writes it, wherever it is
    # A span in the singular before a noun is what the noun spans ("a 12-month roadmap",
    # "3 month retention of 40%"), not an amount: unless a word that sets an amount (a
    # preposition, a qualifier) is before it ("Cut it to 3 day turnaround"), or it is all a
    # statement of a service level says, its time limit ("2 week SLA on fixing crashers";
    # not "4 hour SLA met for 98% of tickets", "Launch 24 hour SLA", "the 3-day SLA", "30 day
    # SLO", where it names the level or its window).
    rf"""(?!(?<![\s\S])LIMIT_ALONE)
        (?<![\d.,{SIGNS}])(?<!to\x20)(?<!at\x20)(?<!of\x20)(?<!by\x20)(?<!in\x20)(?<!than\x20)
        (?<!under\x20)(?<!within\x20)(?<!below\x20)(?<!over\x20)(?<!above\x20)(?<!from\x20)
        (?<!least\x20)(?<!most\x20)(?<![<>~=≤≥])
        # (after a sign of a bound and a blank, a limit only before a time taken: "< 4 hour
        # turnaround", "Target < 1 day EOM close"; not "> 30 day retention", "> 90 day AR")
        (?:(?<![<>~=≤≥]\x20)|(?P<bound_span>))
        \b\d{{1,3}}(?:\x20?[-–]\x20?\d{{1,3}})?
        (?:(?:-|\x20)(?:hour|day|week|month|quarter|year)|-(?-i:hr|wk|yr))\b
        (?(bound_span)(?:(?=\D*\d)|(?!\x20+(?:[^\W\d_]+\x20+)?(?:TIME_TAKEN)\b)))
        (?=\x20+(?!(?:of|or|and|to|in|per|a|an|the|for|from|by|at|on|with|over|ago|
            old|long|average|avg|time|times|window)\b)[a-z])""".replace(
        "LIMIT_ALONE", _LIMIT_ALONE
    ).replace("TIME_TAKEN", _TIME_TAKEN),
    # An age picks out the things, it is no amount: "vulnerabilities 90-180 days old", "bugs
    # older than 30 days".
    r"""\b\d{1,4}(?:\x20?[-–]\x20?\d{1,4})?\x20?(?:hours?|days?|weeks?|months?|years?)\x20+old\b
        |(?<!\bis\x20)(?<!\bare\x20)(?<!\bbe\x20)  # "no ticket is older than 7 days": a ceiling
        \b(?:older|younger|newer)\x20+than\x20+\d{1,4}\x20?(?:hours?|days?|weeks?|months?|years?)\b""",
    # An ordinal that names a kind of thing: "3rd party tools", "3rd-parties".
    r"\b\d+(?:st|nd|rd|th)[\x20-]part(?:y|ies)\b",
    # A mobile network's generation before what it names ("5G coverage"; not "to 5G", a size),
    # and a count of dimensions before what it names ("2D canvas", "3D models", "a 3D print"),
    # though some write days so: not before a time's noun, a rate's or a little word, nor
    # alone ("from 4D to 2D", "within 3D of month end", "2D turnaround", "Lead time: 3D").
    r"""(?-i:(?<![\d.])\b(?:[2-6]G|[234]D)\b)
        (?=\x20+(?!(?i:SERVICE_TIMES|window|notice|delay|per|a|an|each|every|of|or|and|to|
            after|before|from|later|earlier|ago|max|min|less|more|than|late|early)\b)
            [^\W\d_])""".replace("SERVICE_TIMES", _SERVICE_TIMES),
    # A version number before the word for it: "stable 1.0 version", "the 2.1 release".
    r"(?<![\d.])\b\d+(?>(?:\.\d+)+)\s+(?:version|release|edition)\b(?!s)",  # (from a run's start)
    # A product named with a slash and a digit: "SAP S/4HANA".
    # (and a protocol's version: "HTTP/3", "HTTP/1.1")
    r"(?<![\w/])(?:[^\W\d_]+/\d[^\W\d_]\w*|(?-i:[A-Z]{2,})/\d(?:\.\d)?\b(?![\d/.,%]))",
    # One-on-one meetings: "Hold 1:1s monthly", "feedback 1:1", "direct 1-1 feedback", "1on1s"
    # (not a ratio's level: "a 1:1 ratio", "ratio of 1:1", "from 5:1 to 1:1").
    r"""(?<![\d.:-])(?<!\bto\x20)(?<!\bof\x20)(?<!\bat\x20)(?<!\bfrom\x20)(?<!=\x20)
        (?<![{SIGNS}])\b1(?::|-|\x20?on\x20?)1(?:s\b|\b(?![:.,\d-])(?!\s*(?:ratio|[kmb]\b|%)))""".replace(
        "{SIGNS}", SIGNS
    ),
    # An age that says who is counted: "vaccinated by age 2", "young people aged 15-24",
    # "adults aged 15+", "aged 65 and over", "ages 5 to 11".
    r"""(?:\b(?:aged|ages)[\x20\u00a0]+\d{1,3}(?:\x20?(?:-|–|—|to)\x20?(?:1[01]\d|\d{1,2}))?
        |(?:(?<=\b(?:by|at|of)\x20)|(?<=\bunder\x20))age[\x20\u00a0]+\d{1,3}
         (?:\x20?[-–—]\x20?(?:1[01]\d|\d{1,2}))?)
        (?:\+|\x20+and\x20+(?:over|under|above|older|younger))?(?![\d%])""",
    # A span of years: "the 2005-09 average", "2005–2009" (not a date, "2005-09-15").
    # after a word that sets a time (not a range of amounts, "at 1995-2005 grams")
    r"""(?:(?<=\bthe\x20)|(?<=\bin\x20)|(?<=\bduring\x20)|(?<=\bfrom\x20)|(?<=\bsince\x20)
        |(?<=\bover\x20)|(?<=\bfor\x20)|(?<=\bof\x20))
        (?:19[5-9]\d|20[0-4]\d)\x20?[-–—]\x20?(?:\d\d|(?:19|20)\d\d)\b(?![-–—/.]\d)""",
    # A sample's size, which no target is: "(based on n=40 survey responses)".
    # (in brackets or after "based on": "Interview n=30 customers" counts what it targets)
    r"(?:(?<=\()|(?<=\(\x20)|(?<=\bon\x20)|(?<=,\x20))n\x20?=\x20?\d[\d,]*+(?![\d.%])",
    # A public service's phone number before what it names: "999 calls answered", "the 311
    # line", "911 dispatch" (not "311 requests closed", a count, unless the number says so).
    # (after "the" or "of", or leading: "Handle 311 calls per day" counts them)
    r"""(?:(?<=\bthe\x20)|(?<=\bof\x20)|^)(?:311|911|999|111|112|211|988)
        (?=\x20+(?:calls?|line|service|operators?|dispatch\w*|call[-\x20]handl\w*)\b)""",
    # A statute's section or article, an academic term, named by its number: "Section 106
    # agreements", "Article 30 records", "before Semester 2" (not a thing and its count:
    # "Publish an article 3 times a week", "each article 2,000 views", "every semester 4").
    r"""(?<!\bper\x20)(?<!\beach\x20)(?<!\bevery\x20)(?<!\ba\x20)(?<!\ban\x20)(?<!\bthe\x20)
        (?<!\blong\x20)(?<!\bshort\x20)(?<!\bmid\x20)(?<!\bcontract\x20)
        \b(?:section|article|semester|trimester|term)\s+\d{1,4}\b(?![.,]\d|\s*%)
        (?!\s*(?:times|x|months?|years?|weeks?|days?|hours?|minutes?|mins?|percent)\b)""",
    # A filing, a tax rule or a review named by its number: "FDA 510(k)", "401(k)", "501(c)(3)",
    # "the 10-K", "409A valuation", "360 feedback" (a review from all sides, no count).
    r"""\b\d{2,3}\([a-z]\)(?:\(\d{1,2}\))?(?:s\b)?|\b\d{1,2}-[kq]\b|\b\d{3}a\b
        |\b360(?:[-\x20]degree(?=[-\x20](?:feedback|reviews?|assessments?|surveys?)\b)
            |(?=[-\x20]feedback\b))""",
    # A date with no word of when before it, in brackets or after a deadline's name: "before
    # EOL (June 30)", "launch: Sept 15" (not "May", which may be a verb; nor a count after a
    # month's abbreviation: "Mar 10 campaigns").
    r"""(?:\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|
        sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?|(?-i:\bMay))
        \x20+\d{1,2}(?:st|nd|rd|th)?\b(?![.,:]?\d|\s*%)
        (?!\x20+(?!(?:and|or|to|the|is|was|has|as|across|unless|plus|versus|its|this|thus|
            days?|weeks?)\b)[^\W\d_]+s\b)""",
    # A product's release, named by its version, then shipped: "iOS app 5.0 with offline
    # reading", "CMS 4.2 rolled out", "Paywall 2.0 launched" (not "app rating 4.6", "app 4.8
    # stars": a level).
    r"\b(?:" + "|".join(sorted(_RELEASED)) + ")"
    r"""\x20+\d+\.\d+\b(?![.,]?\d)
        (?=\x20+(?:launched|live|released|shipped|rolled\x20+out|rollout|launch|release|with|
            in\x20+all|is\x20+(?:live|launched|released|shipped|out))\b)""",
    # A game's update, patch or build named by its version ("the 2.0 update", "patch 1.2",
    # "by 1.3 release"), a console's name that looks like a placeholder ("Xbox Series X|S"),
    # and a star rating's name ("1-star reviews").
    # (not a verb leading the statement and its amount: "Build 2.5 km of bike lanes",
    # "Update 2.5 million records"; nor a time of builds: "8.5 build minutes")
    r"""(?<=\S\x20)\b(?:patch|update|hotfix|build)\x20+\d+\.\d+(?:\.\d+)*\b
        (?![.,]?\d|\s*(?:%|[kmb]\b|million|billion|thousand|km|miles?|[mkg]w|[mkg]wh)\b)
        |\b\d+\.\d+(?:\.\d+)*\x20+(?:update|patch|hotfix|build)\b(?!s)
            (?!\x20+(?:minutes?|mins?|hours?|hrs?|seconds?|secs?|times?|failures?|errors?)\b)
        |\bxbox\x20+series\x20+x(?:\x20?[|/]\x20?s)?\b
        |(?<![\d.,])\b[1-5][-\x20]stars?(?=\x20+reviews?\b)""",
    # A version of a line of releases, "1.x", "v4.x"; and the versions an upgrade moves
    # between ("Kafka clusters upgraded 2.8 → 3.6", "bump 1.2 to 1.4").
    r"""\b\d+(?:\.\d+)*\.x\b
        |(?:(?<=\bupgrade\x20)|(?<=\bupgraded\x20)|(?<=\bupgrades\x20)|(?<=\bupgrading\x20)
           |(?<=\bbump\x20)|(?<=\bbumped\x20))
        \d+\.\d+(?:\.\d+)*\s*(?:->|=>|→|⟶|to)\s*\d+\.\d+(?:\.\d+)*\b(?![.,]?\d)
        # (then nothing it counts: not "Bump 4.2 to 4.6 stars", a rating)
        (?=\s*(?:$|[,;:.)(]|(?:in|on|for|across|by|and|with|before|after|this|next|everywhere)\b))""",
    # A rule's, a law's or a form's part named by its number, as legal and compliance teams
    # cite them: "GDPR Art. 30 records", "Item 1.05", "21 CFR Part 11", "Rule 17a-4",
    # "§1798.120", "Local Law 144", "15 U.S.C. 6801", "23 NYCRR 500" (not "Part 2 of 5 reviews": a
    # part counted).
    r"""(?:\b(?:art\.|part|rule|item|law|title|chapter|clause|annex)\x20?|§\s*)
        \d+(?:\.\d+)*[a-z]?(?:-\d+)?\b(?![.,]?\d|\s*%|\s+of\b)
        |\b\d+\x20(?:cfr|nycrr|u\.?s\.?c)\b\.?(?:\x20\d+\b(?![.,]?\d|\s*%))?""",
    # Emissions' scopes and their categories, as carbon accounting names them: "Scope 1 and
    # 2", "Scope 1+2", "Scope 1&2", "Scope 1, 2 and 3", "Scope 3 cat 6 + 7", "(Cat 1)".
    r"""\bscope\x20?[123](?:\x20?(?:\+|&|/|,|and|or)\x20?[123]\b)*
        (?:\x20?\(?(?:cat(?:egory|egories)?\.?|c)\x20?\d{1,2}
            (?:\x20?(?:\+|&|/|,|-|–|and)\x20?\d{1,2}\b)*\)?)?
        |\(?\bcat(?:egory|egories)?\.?\x20?\d{1,2}(?:\x20?(?:\+|&|/|,|-|–|and)\x20?\d{1,2})*\b
            (?![.,]?\d|\s*%)\)?""",
    # A delinquency bucket, which lenders name by its days ("30+ DPD", "90+ days past due");
    # a date as GxP documents write it ("15-Mar", "31-Dec-2025"); a half or a quarter written
    # number first ("1H 2025", "2H25", "1Q25", "3Q 2025").
    # (a bucket's days only with its plus, as "under 15 days past due" is a bound; a half's
    # year not minutes, "1h 45 min")
    r"""\b\d{1,3}(?:\+\x20?(?:dpd\b|days?\x20+past\x20+due\b)|\x20?dpd\b)
        |\b\d{1,2}-(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(?:-\d{2,4})?\b
        |\b[1-4q]{2}(?<=\d[q]|[q]\d)\x20?'?(?:'\d\d|20\d\d\b|\d\d\b)
            (?!\s*(?:%|min\b|mins\b|minutes?\b|m\b|s\b|secs?\b))
        |\b[12]h\x20?(?:'\d\d|20\d\d\b|\d\d\b)(?!\s*(?:%|min\b|mins\b|minutes?\b|m\b|s\b|secs?\b))""",
    # A time of day, which names when, as a deadline does: "Meet the 6am SLA on 98% of days",
    # "7:30 p.m.", and "by 9 AM" after a word of time (not a count of project or preventive
    # maintenance's work, "Hire 1 PM", "12 PM inspections"; nor money a month, "£10 p.m.").
    rf"""(?<![{SIGNS}\d.,])(?:[1-9]|1[0-2])(?::[0-5]\d)?(?-i:(?:[ap]m|[AP]M)\b|\x20?[ap]\.m\.)
        |(?:(?<=\bby\x20)|(?<=\bat\x20)|(?<=before\x20)|(?<=after\x20)|(?<=until\x20)|(?<=till\x20)
            |(?<=from\x20)|(?<=\bto\x20))(?:[1-9]|1[0-2])(?::[0-5]\d)?
            \x20(?-i:am|pm|AM|PM)\b""",
    # Lean's workplace method, named by its five S's: "5S audit score >= 4.0" (in capitals and
    # before a word: "5s" and "5S." are seconds).
    r"(?<![\w.])(?-i:5S)(?=\x20+[^\W\d_])",
    # Places and things a plant or an office numbers: "Plant 2", "Line 3", "Cell 7B",
    # "Supplier 2", "SKU 4410", a plural before a range or a list ("Lines 1-4", "Cells 1 and
    # 2") and a tax form ("File Form 990"). Not a count: "Reduce SKUs 4,000 to 2,500", "Cut
    # vendors 40 to 25", "Plant 500 native trees" (a verb, before the things counted), "end
    # of line 500 -> 200", "site 90+", "Top line 5 million", "Form 3 squads".
    # (a verb leads a statement: there, things counted after the number make it a count)
    # (a name is written with its capital: "Knowledge hub 50 articles" counts articles; and
    # no unit joins its number: "hotel 5-star rating", "Terminal 30-minute turnaround"; after
    # "every", "each" or "per" it is one of many, before things counted: "every DC 7 days")
    r"""(?:(?<=\w\x20)(?<!every\x20)(?<!each\x20)(?<!per\x20)(?P<mid>))?\b(?-i:PLACES)
            \x20+\d{1,5}(?:[a-h](?![\w.]))?\b
            # (not a count moved to another of its kind: "line 500 -> 200", but "Hotel 21 to 80%")
            (?![.,]?\d|\s*(?:%|(?:->|=>|→|to\x20)\s*[\d,.]++(?!\s*%)|[kmb]\b|bn\b|million\b|billion\b|
                thousand\b)|\+|-[^\W\d_])
            (?(mid)|(?!\x20+(?:[^\W\d_]+\x20+)?[^\W\d_]+s\b))
            (?:\x20?(?:&|and|,)\x20?\d{1,4}\b(?![.,]?\d|\s*%))*
        |\b(?:PLURALS)
            \x20+\d{1,4}[a-h]?(?:\x20?(?:-|–|&|and)\x20?|,\x20)\d{1,4}[a-h]?\b(?![.,]?\d|\s*%)
        |(?<=[a-z]\x20)(?-i:Form)\x20(?:\d{3,5}|\d{1,2}-[A-Z]{1,2})\b(?![.,]?\d|\s*%)""".replace(
        "PLACES", "|".join(_PLACES)
    ).replace("PLURALS", "|".join(sorted(_PLACES_PLURAL))),
    # A plan's own milestones and goals numbered: "(milestone 22)", "[Goal 7]", "Ship
    # milestone 2 by March"; a small whole number, no amount ("(goal 1,200)", "[goal 300]",
    # "(goal 4.5)", "(goal 2 hours)", "Milestone 10 pilots live": a goal's level, things).
    r"""\b(?:milestone|(?<=[\[(])(?:goal|objective))\x20+\d{1,2}\b
        (?![.,]?\d|\s*%|\x20+(?:[^\W\d_]+\x20+)?[^\W\d_]+s\b)""",
    # A day of a life cycle naming what follows: "day 2 operations", "Day-30 retention",
    # "day 1 onboarding" (not a day a plan is due by or brought to: "by day 45 of the
    # quarter", "to day 3 instead of day 10", "day 5 post month end"; nor a number after a
    # time limit's day: "within 1 business day 80 percent of the time").
    r"""(?<!\bby\x20)(?<!\bto\x20)(?<!\bon\x20)(?<!\buntil\x20)(?<!\bfrom\x20)(?<!\bof\x20)
        (?<!\bbusiness\x20)(?<!\bworking\x20)(?<!\bcalendar\x20)(?<!\d\x20)(?<!\ba\x20)
        \bday[-\x20]?\d{1,3}\b(?![.,]?\d|\s*%)
        (?=[-\x20]+(?!(?:of|in|on|at|to|for|and|or|the|after|before|from|with|percent|per|
            instead|post|pre|than|times?)\b)[^\W\d_])""",
    # A population named by a superlative after "of", "among" or "across" (and "the" or
    # "our"), which a share or a part is taken of: "Percent of 100 most populous cities", "5
    # of the 10 largest banks", as "top 10" names one (D7), no amount (not the things a verb
    # works on, "Fix the 20 oldest bugs", nor a partitive's whole, "each of the 5 ...").
    r"""(?:(?<=\bof\x20)|(?<=\bof\x20the\x20)|(?<=\bof\x20our\x20)|(?<=\bamong\x20the\x20)|
        (?<=\bamong\x20our\x20)|(?<=\bacross\x20the\x20)|(?<=\bacross\x20our\x20))
        # (not a partitive's whole, which is counted: "each of the 5 most requested features")
        (?<!\b(?:all|one|any)\x20of\x20)(?<!\b(?:each|both|none)\x20of\x20)
        (?<!\b(?:all|one|any)\x20of\x20the\x20)(?<!\b(?:each|both|none)\x20of\x20the\x20)
        (?<!\b(?:all|one|any)\x20of\x20our\x20)(?<!\b(?:each|both|none)\x20of\x20our\x20)
        \d{1,4}\x20+(?:(?:most|least)\x20+[^\W\d_]{3,}|SUPERLATIVES)\b(?!\s*%|-)
        (?!\x20+(?:in\x20+class|practices?)\b)  # (not "a rating of 4 best in class")
        """.replace("SUPERLATIVES", "|".join(sorted(_SUPERLATIVES))),
)
IDENT = re.compile("|".join(_IDENT_PARTS), re.IGNORECASE | re.VERBOSE)
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
_LETTER_DIGIT = re.compile(r"[A-Za-z][-_]?[0-9]")


def may_have_deadline(text: str) -> bool:
    """False only if DEADLINE cannot match *text*."""
    return not text.isascii() or not _DEADLINE_WORDS.isdisjoint(words_of(text))


_IDENT_NAMES = frozenset(
    [
        "iso",
        "iatf",
        "nist",
        "soc",
        "tier",
        "level",
        "phase",
        "season",
        "cohort",
        "episode",
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
        "rfc",
        "tls",
        "top",
        "rank",
        "series",
        "issue",
        "epic",
        "pr",
        "cve",
        "asc",
        "ifrs",
        "ias",
        "sox",
        "csf",
        "grade",
        "grades",
        "module",
        "algebra",
        "geometry",
        "calculus",
        "chemistry",
        "physics",
        "biology",
        "gri",
        "pas",
        "ul",
        "type",
        "edi",  # an EDI message's number: "EDI 214"
        "batch",  # a cohort's: "Portal for batch 5 is up"
        "year",  # a school's: "Year 11"
    ]
)
# The words that gate the places' alternative: their names, plurals and a tax form's.
_IDENT_PLACES = frozenset(name.lower() for name in _PLACES) | _PLACES_PLURAL | {"form"}
_IDENT_PLAN_PARTS = frozenset(("milestone", "goal", "objective"))
_IDENT_STATUTES = frozenset(("section", "article", "semester", "trimester", "term"))
_IDENT_INDEXES = frozenset(("fortune", "global", "inc"))
_IDENT_YEARS = frozenset(str(year) for year in range(2010, 2050))
_IDENT_SPANS = frozenset(("hour", "hr", "day", "week", "wk", "month", "quarter", "year", "yr"))
_IDENT_AGES = frozenset(("old", "older", "younger", "newer"))
_IDENT_LOOKBACK = frozenset(("last", "past", "previous", "prior", "preceding", "trailing"))


_LETTER_SLASH_DIGIT = re.compile(r"[A-Za-z]/\d")


def _ident_parts(w: str) -> int:
    """Which of IDENT's alternatives (`_IDENT_PARTS`) may match ASCII text *w*: bit *i* is
    clear only if the *i*-th cannot."""
    low = w.lower()
    words = frozenset(_spaced(low).split())
    dot = "." in w
    return (
        (_LETTER_DIGIT.search(w) is not None)
        | (not _IDENT_NAMES.isdisjoint(words)) << 1
        | ("#" in w) << 2
        | ("http" in low) << 3
        | ("](" in w) << 4
        | ("`" in w) << 5
        | (w.count(".") > 1) << 6  # a version, "16.4.1"
        | (dot and not w[1:].islower()) << 7  # "Kubernetes 1.25": a capital after the first
        | ("/7" in w or ("7" in w and "24" in w)) << 8
        | ("/" in w or "out" in low) << 9
        | (not _IDENT_SOFTWARE.isdisjoint(words)) << 10
        | (
            not _IDENT_INDEXES.isdisjoint(words)
            or "s&p" in low
            or "route" in low
            or "team of" in low
        )
        << 11
        | (not _IDENT_YEARS.isdisjoint(words)) << 12
        | ("web" in low) << 13
        | (dot and "/" in w) << 14
        | ("<su" in low) << 15
        | (not _IDENT_LOOKBACK.isdisjoint(words)) << 16
        | (w.count("-") > 1) << 17
        | (not _IDENT_SPANS.isdisjoint(words)) << 18
        | (not _IDENT_AGES.isdisjoint(words)) << 19
        | ("part" in low) << 20
        | (("G" in w or "D" in w) and _GENERATION.search(w) is not None) << 21
        | (dot and ("version" in low or "release" in low or "edition" in low)) << 22
        | ("/" in w and _LETTER_SLASH_DIGIT.search(w) is not None) << 23
        | ("1:1" in w or "1-1" in w or "1on1" in low or "1 on 1" in low) << 24
        | ("age" in low) << 25
        | (_YEAR_SPAN.search(w) is not None) << 26
        | ("n=" in low or "n =" in low) << 27
        | (not _SERVICE_NUMBERS.isdisjoint(words)) << 28
        | (not _IDENT_STATUTES.isdisjoint(words)) << 29
        | ("360" in w or _FILING.search(w) is not None) << 30
        | (not _MONTHS.isdisjoint(words)) << 31
        | (dot and not _RELEASED.isdisjoint(words)) << 32
        | (
            (dot and not _IDENT_GAMES.isdisjoint(words))
            or "xbox" in words
            or ("star" in low and ("review" in low or "rating" in low))
        )
        << 33
        | (".x" in low or (dot and ("upgrad" in low or "bump" in low))) << 34
        | ("§" in w or not _IDENT_CITED.isdisjoint(words) or "art." in low or "u.s.c" in low) << 35
        | ("scope" in words or "cat" in low) << 36
        | ("dpd" in low or "due" in low or _PERIOD_FIRST.search(low) is not None) << 37
        | (_CLOCK.search(low) is not None) << 38
        | ("5S" in w) << 39
        | (not _IDENT_PLACES.isdisjoint(words)) << 40
        | (not _IDENT_PLAN_PARTS.isdisjoint(words)) << 41
        | ("day" in low) << 42
        | ("most" in words or "least" in words or not _SUPERLATIVES.isdisjoint(words)) << 43
    )


_YEAR_SPAN = re.compile(r"(?:19|20)\d\d\x20?-")
# Where a network's generation or a count of dimensions may be: "5G", "2D".
_GENERATION = re.compile(r"\d[GD]\b")
_CLOCK = re.compile(r"\d\x20?[ap]\.?m\b")
# A day before a month's name, or a half or a quarter written number first ("15-mar", "1h").
_PERIOD_FIRST = re.compile(r"\d-[a-z]|\b[1-4][hq]")
_IDENT_GAMES = frozenset(("patch", "update", "hotfix", "build"))
_IDENT_CITED = frozenset(
    ("part", "rule", "item", "law", "title", "chapter", "clause", "annex", "cfr", "nycrr", "usc")
)
_MONTHS = frozenset(
    [
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
    ]
)
_FILING = re.compile(r"\d\(|\d-[kq]|\da\b", re.IGNORECASE)
_SERVICE_NUMBERS = frozenset(("311", "911", "999", "111", "112", "211", "988"))


# Typographic marks real statements carry ("’", "“", "–", "≥", "→", "€"), each with an ASCII
# stand-in that `_ident_parts` judges as IDENT would the mark: IDENT's alternatives take a
# dash for a hyphen in spans and ranges ("2005–2009", "ages 5–11") and spaces of other widths
# as spaces; every other mark here they match only as something that is no letter, digit or
# space, and so does "~", which `_ident_parts` looks for nowhere (nor are "'", '"' and "$",
# a currency mark being only something IDENT's alternatives refuse to follow). None of these
# is cased, so `str.islower` sees the same text. A statement with any other non-ASCII
# character (a letter, a digit, a look-alike that matches an ASCII letter when case is
# ignored) is tried with IDENT whole.
_STAND_INS = str.maketrans(
    {
        **dict.fromkeys("‘’‛′", "'"),
        **dict.fromkeys("“”„″", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
        **dict.fromkeys("\u00a0\u2009\u202f\u2007\u2002\u2003", " "),
        **dict.fromkeys(SIGNS, "$"),
        **dict.fromkeys("…•·▪≥≤≠≈→←↑↓⇒×±°©®™\u200b\ufeff", "~"),
    }
)


def _in_ascii(w: str) -> str | None:
    """*w* itself when ASCII; with its typographic marks' stand-ins when that makes it ASCII
    (`_STAND_INS`); else None."""
    if w.isascii():
        return w
    w = w.translate(_STAND_INS)
    return w if w.isascii() else None


def may_have_ident(w: str) -> bool:
    """False only if IDENT cannot match *w*."""
    ascii_w = _in_ascii(w)
    return ascii_w is None or _ident_parts(ascii_w) != 0


@functools.lru_cache(maxsize=256)
def _ident_subset(parts: int) -> re.Pattern[str]:
    """IDENT with only the alternatives whose bits are set in *parts*."""
    chosen = [part for i, part in enumerate(_IDENT_PARTS) if parts >> i & 1]
    return re.compile("|".join(chosen), re.IGNORECASE | re.VERBOSE)


def ident_pattern(w: str) -> re.Pattern[str] | None:
    """A pattern that blanks exactly what IDENT does in *w*: IDENT without the alternatives
    that cannot match *w* (an alternative that matches nowhere changes no match), or None
    if none can."""
    ascii_w = _in_ascii(w)
    if ascii_w is None:
        return IDENT
    parts = _ident_parts(ascii_w)
    return _ident_subset(parts) if parts else None


def deadlines_in(text: str) -> list[re.Match[str]]:
    """DEADLINE's matches in *text*, as `re.Pattern.finditer` finds them.

    In ASCII text each starts a whole word of `_DEADLINE_WORDS`, so DEADLINE is tried only
    there, left to right, each after the last match's end: the positions finditer would
    stop at.
    """
    if not text.isascii():
        return list(DEADLINE.finditer(text))
    spaced = _spaced(text.lower())
    present = _DEADLINE_WORDS.intersection(spaced.split())
    if not present:
        return []
    # The text's words, each between spaces: " by " at i in it is "by" at i in the text.
    spaced = f" {spaced} "
    starts = []
    for word in present:
        needle = f" {word} "
        at = spaced.find(needle)
        while at >= 0:
            starts.append(at)
            at = spaced.find(needle, at + len(word) + 1)
    starts.sort()
    found = []
    end = 0
    for at in starts:
        if at >= end:
            m = DEADLINE.match(text, at)
            if m is not None:
                found.append(m)
                end = m.end()
    return found


def masked(text: str) -> tuple[str, list[re.Match[str]]]:
    """*text* with its deadlines and digit-bearing names blanked, and the deadlines."""
    deadlines = deadlines_in(text)
    w = text
    for m in deadlines:
        start, end = m.span()
        w = f"{w[:start]}{' ' * (end - start)}{w[end:]}"
    if DIGIT.search(w):
        ident = ident_pattern(w)
        if ident is not None:
            # (after an owner's tag, a service level's limit is all the statement says, as
            # with none: "[MK] 2 week SLA on fixing crashers")
            tag = _TAGGED_LIMIT.match(w)
            at = 0 if tag is None else tag.end()
            w = w[:at] + ident.sub(_blank, w[at:])
    if ".g." in w or ".e." in w or ". g." in w or ". e." in w or ".G." in w or ".E." in w:
        # "e.g." and "i.e." bring in an aside, as a comma does: no words of the statement
        # (looked for only where their letters are, most statements having neither)
        w = _EXAMPLE.sub(lambda m: "," + " " * (m.end() - m.start() - 1), w)
    return w, deadlines


_EXAMPLE = re.compile(r"(?<![^\W\d_])(?:e\.\s?g|i\.\s?e)\.(?=\s|$)", re.IGNORECASE)
# An owner's tag before a statement that is a service level's time limit alone (`IDENT`'s
# span before "SLA" is an amount only at the start of what it is given).
_TAGGED_LIMIT = re.compile(
    rf"\s*(?:\[[^\]\d]{{1,24}}\]|\([^)\d]{{1,24}}\))\s*(?={_LIMIT_ALONE})", re.IGNORECASE
)


def _blank(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


# --- Where the words of a metric begin and end --------------------------------------------

# (A word joined by hyphens is part of a name: "trial-to-paid conversion", "end-to-end".)
# "time to" before what a time is taken to reach names a time taken, as "time-to-merge" does
# ("Mean time to recover under 1 hour"), where "to" before anything else is the target's or
# the purpose's ("Cut lead time to 2 days", "to a minimum", "to enable faster releases").
_TIME_TO = (
    r"(?!(?<=\btime\sto)\s+(?:first\s+)?(?:market|hire|fill|merge|recover|recovery|restore|"
    r"repair|resolve|resolution|respond|response|value|detect|detection|acknowledge|"
    r"acknowledgement|triage|productivity|decision|mitigation|remediation|interactive|paint|"
    r"byte|contact|impact|insight|activation|production|prod|containment|escalation|quote|"
    r"cash|revenue|proficiency|competency|competence|close|closure|fix|approve|approval)\b)"
)
METRIC_END = re.compile(
    r"(?<![\w-])(?:by|to|from|at|within|under|below|above|over|between|than|per|and|or|while|"
    rf"without|so|that|for|across|in|on|with)(?![\w-]){_TIME_TO}|[,;:.()\[\]!?<>=≤≥~+]",
    re.IGNORECASE,
)
# METRIC_END's words and its ASCII marks.
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
# METRIC_END for lower-cased ASCII text: each word after its first letter, the marks one
# by one, so that every alternative starts with a character the search can skip to (the
# look-behind before a word comes after its first letter).
_METRIC_END_ASCII = re.compile(
    "|".join(
        [
            *(
                rf"{first}(?<![\w-]{first})(?:{'|'.join(w[1:] for w in sorted(words))})(?![\w-])"
                + (_TIME_TO if first == "t" else "")
                for first, words in itertools.groupby(
                    sorted(_METRIC_END_WORDS), key=lambda word: word[0]
                )
            ),
            *map(re.escape, sorted(_METRIC_END_MARKS)),
        ]
    )
)


def metric_end(w: str, pos: int, endpos: int) -> int | None:
    """Where METRIC_END first matches in w[pos:endpos] (searched as `re.Pattern.search` does)."""
    piece = w[pos:endpos]
    if not piece.isascii():
        stop = METRIC_END.search(w, pos, endpos)
        return stop.start() if stop else None
    # The piece lower-cased, after the characters before pos that the look-behinds look at
    # ("time to" is the longest; endpos ends the string).
    lead = w[max(0, pos - 7) : pos].lower()
    found = _METRIC_END_ASCII.search(lead + piece.lower(), len(lead))
    return None if found is None else pos + found.start() - len(lead)


TRIM_START = re.compile(r"^[\W_]*(?:(?:the|our|a|an|its|their|all|of|in|on)\s+)*", re.IGNORECASE)
# The little words a metric's phrase does not end in (and a bound's first words: "Reopen
# fewer than 5% of tickets", "no fewer than", "not below").
_TRAIL = frozenset(
    ["of", "in", "at", "for", "on", "to", "by", "a", "an", "the", "is", "are", "fewer", "less",
     "no", "not",
     # how near a number is ("Reach about 500 users": the users, not "about")
     "about", "around", "some", "nearly", "almost", "roughly", "approximately"]
)  # fmt: skip
# A bound's first words after a metric, "no" or "not" and a comparative: "Churn no more than
# 3%", "p95 not higher than 200 ms" (a comparative alone may name the metric: "more revenue").
_TRAIL_BOUNDS = tuple(
    f"{no} {than}"
    for no in ("no", "not")
    for than in ("more", "higher", "greater", "bigger", "larger", "longer", "worse", "lower",
                 "smaller", "shorter", "later", "over", "above", "below", "under")
)  # fmt: skip
_TRAIL_ALL = sorted(_TRAIL) + sorted(_TRAIL_BOUNDS, key=len, reverse=True)
TRIM_END = re.compile(rf"(?:\s+(?:{'|'.join(_TRAIL_ALL)}))*[\W]*$", re.IGNORECASE)
# TRIM_END read backwards, from the end of the reversed piece: the filler TRIM_END finds
# first (its leftmost start) is the longest one at the end, and the reversed pattern's
# greedy match is that one (words and the spaces before them come in one way only), found
# without trying every position of the piece. (No word is the start of another read backwards,
# so their order does not matter.)
_TRIM_END_REVERSED = re.compile(
    rf"[\W]*(?:(?:{'|'.join(word[::-1] for word in _TRAIL_ALL[::-1])})\s+)*", re.IGNORECASE
)


def trim_end(piece: str) -> int:
    """Where TRIM_END's trailing filler (little words, punctuation) of *piece* starts."""
    if (
        piece.isascii()
        and piece[-1:].isalnum()
        and (last := piece.rsplit(None, 1)[-1].lower()) not in _TRAIL
        and not any(bound.endswith(f" {last}") for bound in _TRAIL_BOUNDS)
    ):
        # Ending in a letter or digit, the filler can only be little words, ending with the
        # last one: none here, so there is none.
        return len(piece)
    trail = _TRIM_END_REVERSED.match(piece[::-1])
    assert trail is not None
    return len(piece) - trail.end()
