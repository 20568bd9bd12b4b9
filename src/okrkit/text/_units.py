"""The units okrkit knows: the one table of their spellings, the unit a spelling names
(`canonical_unit`), the units of time, and a length of time or size of data in another unit.
"""

from __future__ import annotations

import math
import numbers
import re
from decimal import Decimal

from okrkit._money import SIGN_CURRENCIES, SIGN_UNITS
from okrkit.errors import InvalidTypeError, InvalidValueError

# --- The table --------------------------------------------------------------------------------

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
    "ms": ("millisecond", "milliseconds", "msec", "msecs", "millisec", "millisecs", "millis"),
    "s": ("sec", "secs", "second", "seconds"),
    "min": ("mins", "minute", "minutes"),
    "h": ("hr", "hrs", "hour", "hours"),
    "days": ("d", "day"),
    "weeks": ("wk", "wks", "week", "w"),
    "months": ("month", "mo", "mos", "mth", "mths", "mnth", "mnths"),
    "years": ("year", "yr", "yrs", "y"),
    "kWh": (),
    "MWh": (),
    "GWh": (),
    "kW": (),
    "MW": (),
    "fps": (),
    "GB": (),
    "TB": (),
    "MB": (),
    "kg": ("kgco2e", "kgco2", "kg co2e", "kg co2"),
    "t": ("tonne", "tonnes", "ton", "tons", "tco2e", "tco2", "t co2e", "t co2"),
    "km": (),
    "miles": ("mile",),
    "L": ("l", "litre", "litres", "liter", "liters"),
    "°C": ("°c", "celsius", "degrees celsius", "degrees c"),
    "°F": ("°f", "fahrenheit", "degrees fahrenheit", "degrees f"),
    # A score's points ("by 5 points", D5), which the number pattern reads: a measure, not a
    # count of things.
    "points": ("point", "pts", "pt"),
    # Hundredths of a percentage point ("by 50 bps"), a measure too.
    "bps": ("bp", "basis point", "basis points"),
    # A place in a ranking ("from 78th to 50th"), first the best.
    "rank": (),
}
UNITS = {
    spelling: unit
    for unit, others in _UNIT_SPELLINGS.items()
    for spelling in (unit.lower(), *others)
}
# The table's currencies, by the symbol it writes each in.
CURRENCIES = frozenset(SIGN_CURRENCIES)
# The currency codes the reader reads before or after an amount ("CHF 40k", "2M SEK"): a
# code of the table is written as its symbol, any other stays the code, upper case (and is a
# unit the table knows: "Reach CHF 300k" is money, no count of things).
CURRENCY_CODES = (
    "usd", "eur", "gbp", "jpy", "chf", "inr", "cad", "aud", "sgd", "hkd", "nzd", "sek",
    "nok", "dkk", "kes", "zar", "brl", "mxn", "cny", "krw", "pln", "czk", "aed", "ngn", "idr",
    "thb", "myr", "vnd", "egp", "ars", "clp", "huf", "ils", "twd",
)  # fmt: skip
UNITS.update({code: code.upper() for code in CURRENCY_CODES if code not in UNITS})
# The dollars written with their country's letters, the real's and the rupiah's signs.
UNITS.update(
    {"us$": "$", "a$": "AUD", "c$": "CAD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD"}
    | {"r$": "BRL", "rp": "IDR", "rp.": "IDR", "円": "¥", "元": "CNY"}
    # and the rupee's letters, as Indian teams write it: "Rs 12 crore", "Rs. 6,000"
    | {"rs": "₹", "rs.": "₹"}
    # and the Swiss franc's, "Fr. 38'000", "SFr. 2.5 Mio."
    | {"fr.": "CHF", "sfr.": "CHF"}
)
# Other names of currencies, read where a code is, as written ("RMB 5M", "KSh 2M", "5 000
# zł", "3 mld złotych": not "ksh", a shell), and the codes that are words too, in capitals
# only ("TRY 340k", not "Try 3 channels"; "PHP 8" is a language's version, and stays one);
# and "kr", which Sweden, Norway, Denmark and Iceland all write, read after an amount as
# itself: money, though the statement does not say whose ("50 000 kr", "40 Mkr"; "KR" is a
# key result).
CURRENCY_NAMES = {
    "RMB": "CNY", "KSh": "KES", "Ksh": "KES", "zł": "PLN", "yuan": "CNY", "naira": "NGN",
    "lira": "TRY", "liras": "TRY", "zloty": "PLN", "zlotys": "PLN", "złoty": "PLN",
    "złotych": "PLN", "reais": "BRL", "원": "KRW",
    "TRY": "TRY", "RUB": "RUB", "GEL": "GEL", "UAH": "UAH", "GHS": "GHS", "KZT": "KZT",
    "PYG": "PYG", "AZN": "AZN", "BDT": "BDT",
}  # fmt: skip
KRONA = "kr"
# The codes European accounts join a scale to ("500 TEUR", "12 MSEK", "800 kCHF"), which the
# reader reads so (not "MCAD" or "TCAD", a design tool's names, nor "MARS").
JOINED_CODES = ("usd", "eur", "chf", "sek", "nok", "dkk", "gbp")
# The dollars and pounds written with their country's letters, which read as their code.
UNITS.update({"ca$": "CAD", "mx$": "MXN", "nt$": "TWD", "e£": "EGP"})
# The currency signs other than the table's, each its code's unit ("₩" is KRW); the codes
# are units in capitals only (`canonical_unit`: "PHP" and "CRC" are money, "php" and "crc"
# not), and only those of CURRENCY_CODES and CURRENCY_NAMES are read in a statement ("PHP 8"
# is a language's version).
UNITS.update({sign: unit for sign, unit in SIGN_UNITS.items() if sign not in CURRENCIES})
_SIGN_CODES = frozenset(unit for unit in SIGN_UNITS.values() if unit not in CURRENCIES)
# Every unit that is money: the table's currencies and the codes of the others ("CHF", "KES"),
# which are money as much ("Raise CHF 2 million for the fund" raises funds as "Raise $2M" does).
MONEY = (
    CURRENCIES
    | frozenset(UNITS[code] for code in CURRENCY_CODES)
    | set(SIGN_UNITS.values())
    | {KRONA}
)
# A unit after a number, "200 ms", "3 days": spelt as in the table, but for currencies and
# % (which the number pattern reads) and a "d", "w" or "y" apart from its number or in upper
# case ("18d" is 18 days, "6w" 6 weeks; "3 d" is not said, "3D" is a name).
UNIT_AFTER = re.compile(
    r"""(?:\s*|-(?=(?:minutes?|mins?|hours?|(?-i:hrs?|secs?|wks?|yrs?)|seconds?|days?|weeks?|months?|
    years?)\b))  # "a 3-day limit", "a 2-hr SLA" (not "2-HR partners": human resources)
    (?P<u>ms|milliseconds?|msecs?|millisecs?|millis|s|secs?|seconds?|mins?|minutes?|h|hrs?|
    hours?|days?|wks?|
    weeks?|months?|mos?|years?|yrs?|kwh|mwh|gwh|kw|mw|gb|tb|mb|kg\x20?co2e?|t\x20?co2e?|kg|
    tonnes?|tons?|t|km|miles?|
    litres?|liters?|(?-i:(?<=\d)L)|°\s?[cf]|degrees\s+(?:celsius|fahrenheit|c|f)|celsius|
    fahrenheit|fps|(?-i:(?<=\d)[dwy]))\b
    (?!-(?:long|old)\b)  # "3 day-long workshops" are 3 workshops""",
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
    written = unit.strip()
    if written == KRONA:
        return KRONA  # (in lower case only: "KR" is a key result)
    if written in CURRENCY_NAMES:
        return CURRENCY_NAMES[written]  # as written: "TRY", not "try"; "KSh", not "ksh"
    if written in _SIGN_CODES:
        return written  # a sign's code, in capitals: "PHP", "CRC" (not "php", "crc")
    spelling = written.lower()
    return UNITS.get(spelling) or _scaled_money(written)


# A currency counted in thousands, lakhs, millions, crores or billions, as a unit field writes
# it ("TEUR", "$k", "€M", "MSEK", "Mkr", "INR lakh", "USD millions"): each scale's spellings,
# with the word okrkit writes it with ("€ k") and its power of ten.  "t" leads only ("TEUR",
# "tkr", as German and Swedish accounts write a thousand).
_MONEY_SCALES = {
    **dict.fromkeys(("k", "thousand", "thousands", "tys", "tys."), ("k", 3)),
    **dict.fromkeys(("m", "mm", "mn", "mln", "mio", "mio.", "million", "millions"), ("M", 6)),
    **dict.fromkeys(("b", "bn", "md", "mrd", "mrd.", "mld", "mia", "mia.", "billion",
                     "billions"), ("bn", 9)),
    **dict.fromkeys(("lakh", "lakhs", "lac", "lacs"), ("lakh", 5)),
    **dict.fromkeys(("crore", "crores", "cr"), ("crore", 7)),
    # Korean: "만원" is ten thousand won, "억" a hundred million
    "만": ("만", 4), "백만": ("M", 6), "천만": ("천만", 7), "억": ("억", 8),
}  # fmt: skip
_LONGEST_FIRST = sorted(_MONEY_SCALES, key=len, reverse=True)
_POWERS = dict(_MONEY_SCALES.values())
# Which currencies a scale is written against with no space ("TEUR", "$k", "Mkr", "만원"),
# besides a sign: the codes accounts join a scale to, "kr" and "원" (not "MCAD", "bars" or
# "Mrs", which would read as a scale and a currency).
_JOINED = frozenset((*JOINED_CODES, KRONA, "원"))


def _scaled_money(written: str) -> str | None:
    """The unit a currency with a scale before or after it names, "<currency> <scale>" ("€
    k" for "TEUR"), or None if *written* (stripped) is none."""
    spelling = written.lower()
    for scale in ("t", *_LONGEST_FIRST):
        word = "k" if scale == "t" else _MONEY_SCALES[scale][0]
        for rest, lead in (
            (spelling[len(scale) :], True) if spelling.startswith(scale) else (None, True),
            (spelling[: -len(scale)], False) if spelling.endswith(scale) else (None, False),
        ):
            if rest is None or (scale == "t" and not lead):
                continue
            currency = rest.strip()
            unit = _currency(currency, written)
            if unit is None or unit not in MONEY:
                continue
            # No space: only a sign or a currency accounts join a scale to, "t" before a code
            # or "kr" only, and no "b" before one ("B$" is the Brunei dollar).
            sign = len(currency) == 1
            joined = (sign or currency in _JOINED) and not (
                lead and (scale == "b" or (scale == "t" and sign))
            )
            if rest != currency or joined:
                return f"{unit} {word}"
    return None


def _currency(spelling: str, written: str) -> str | None:
    """The currency a lower-case *spelling* from *written* names: "kr" and the other names
    as written ("KSh", "TRY": not "ksh" nor "try"), any other through the table."""
    if spelling == KRONA:
        return KRONA
    named = [(name, unit) for name, unit in CURRENCY_NAMES.items() if name.lower() == spelling]
    if named:
        return next((unit for name, unit in named if name in written), None)
    return UNITS.get(spelling)


# How many of the smallest unit of its kind each unit is: a start written in another unit
# than the target's is read in the target's ("from 3 days to under 4 hours": 72 h).  Months
# and years vary in length: they count at their average in the Gregorian calendar (a year of
# 365.25 days, a month a twelfth of it), near enough for a baseline ("from 3 months to 6
# weeks": 13 weeks) and exact between the two (2 years are 24 months).
_SIZES: dict[str, tuple[str, Decimal]] = {
    "ms": ("time", Decimal(1)),
    "s": ("time", Decimal(1000)),
    "min": ("time", Decimal(60_000)),
    "h": ("time", Decimal(3_600_000)),
    "days": ("time", Decimal(86_400_000)),
    "weeks": ("time", Decimal(604_800_000)),
    "months": ("time", Decimal(2_629_800_000)),
    "years": ("time", Decimal(31_557_600_000)),
    "MB": ("data", Decimal(1)),
    "GB": ("data", Decimal(1000)),
    "TB": ("data", Decimal(1_000_000)),
    # A share in basis points and in percent: 50 bps are 0.5 % (a percentage point is no
    # unit of its own here: "points" are a score's as often, D5)
    "bps": ("share", Decimal(1)),
    "%": ("share", Decimal(100)),
}


DURATIONS = frozenset(u for u, (kind, _) in _SIZES.items() if kind == "time")
"""The units of time, as `canonical_unit` names them."""


def _size(unit: str | None) -> tuple[str, Decimal] | None:
    """What kind of thing a canonical *unit* measures, and how many of its kind's smallest
    unit it is: a currency, or a currency at a scale ("€ k"), is a thousand of the currency."""
    if unit is None:
        return None
    known = _SIZES.get(unit)
    if known is not None:
        return known
    if unit in MONEY:
        return f"money {unit}", Decimal(1)
    currency, _, word = unit.rpartition(" ")
    if currency in MONEY and word in _POWERS:
        return f"money {currency}", Decimal(10) ** _POWERS[word]
    return None


def comparable(unit: str | None, other: str | None) -> bool:
    """Whether a number in *unit* and one in *other* measure the same thing: the same unit,
    two of time, two of data ("2 weeks" and "1 day"), a share in % and in basis points, or
    one currency at two scales ("€" and "€ k")."""
    if unit == other:
        return True
    have, want = _size(unit), _size(other)
    return have is not None and want is not None and have[0] == want[0]


def in_unit(value: float, unit: str | None, target: str | None) -> float:
    """*value*, written in *unit*, in the *target* unit when both measure time, data, a share
    or one currency."""
    have, want = _size(unit), _size(target)
    if have is None or want is None or have[0] != want[0] or unit == target:
        return value
    return float(Decimal(repr(value)) * have[1] / want[1])


def convert_unit(value: float | Decimal, unit: str, to: str) -> float | None:
    """*value*, written in *unit*, in the unit *to*: both spelled any way `canonical_unit`
    knows; None when they do not measure the same thing (only lengths of time, sizes of data,
    shares in % and basis points, and a currency at its scales convert, at a month's and a
    year's average lengths; a word it does not know as a unit is itself only).

    >>> convert_unit(300, "ms", "s"), convert_unit(2, "weeks", "days"), convert_unit(5, "USD", "$")
    (0.3, 14.0, 5.0)
    >>> convert_unit(50, "bps", "%"), convert_unit(4.5, "percent", "basis points")
    (0.5, 450.0)
    >>> convert_unit(600_000, "EUR", "TEUR"), convert_unit(2.5, "$M", "$k")
    (600.0, 2500.0)
    >>> convert_unit(5, "%", "days") is None
    True

    Any real number converts (a `Decimal` to a float); one whose value in *to* no float
    holds is an `okrkit.errors.InvalidValueError`, a *value* that is no number (a bool is
    none) an `okrkit.errors.InvalidTypeError`.
    """
    given: object = value
    if isinstance(given, bool) or not isinstance(given, numbers.Real | Decimal):
        raise InvalidTypeError("value", value, "a number")
    mine, theirs = canonical_unit(unit), canonical_unit(to)
    if mine is None and theirs is None and unit.strip().lower() == to.strip().lower():
        converted: float | None = _finite(value)  # a count's own noun: "customers" are customers
    elif mine is None or theirs is None or not comparable(mine, theirs):
        return None
    else:
        converted = _finite(value)
        converted = None if converted is None else _finite(in_unit(converted, mine, theirs))
    if converted is None:
        raise InvalidValueError("value", value, f"a number whose value in {to!r} a float holds")
    return converted


def _finite(value: float | Decimal) -> float | None:
    """*value* as a finite float, or None (an int of 400 digits, 1e308 years in ms)."""
    try:
        x = float(value)
    except OverflowError:
        return None
    return x if math.isfinite(x) else None
