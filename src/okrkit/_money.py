"""The currency signs okrkit knows, and the unit each is written as: one list for the reader of
statements (`okrkit.text`) and the reader of Markdown (`okrkit.formats`).

The five signs of okrkit's table of units are their own unit ("$", "€", "£", "¥", "₹"); every
other is written as its ISO 4217 code ("₩50,000" is 50,000 KRW), as a code read in a
statement is ("CHF 40k").
"""

from __future__ import annotations

__all__ = ["SHARED_SIGNS", "SIGNS", "SIGN_CURRENCIES", "SIGN_UNITS", "is_code"]

SIGN_UNITS = {
    "$": "$", "€": "€", "£": "£", "¥": "¥", "₹": "₹",
    "₩": "KRW", "₦": "NGN", "₱": "PHP", "₺": "TRY", "₫": "VND", "₪": "ILS", "₽": "RUB",
    "₴": "UAH", "฿": "THB", "₵": "GHS", "₸": "KZT", "₡": "CRC", "₲": "PYG", "₼": "AZN",
    "₾": "GEL", "৳": "BDT",
}  # fmt: skip
"""Each currency sign, and the unit it is written as."""

SIGN_CURRENCIES = tuple(sign for sign, unit in SIGN_UNITS.items() if sign == unit)
"""The currencies okrkit writes by their sign ("$", "€", "£", "¥", "₹"), which are the table of
units' currencies and which views write before a number; every other is written as its code."""

SIGNS = "".join(SIGN_UNITS)
"""The currency signs, one after another: what a regular expression's character class holds
wherever a currency sign may be (``[{SIGNS}]``); none of them is special in a class."""

SHARED_SIGNS = {
    "$": frozenset(("USD", "AUD", "CAD", "MXN", "NZD", "HKD", "SGD", "TWD", "ARS", "CLP", "COP")),
    "¥": frozenset(("JPY", "CNY")),
    "£": frozenset(("GBP", "EGP")),
    "kr": frozenset(("SEK", "NOK", "DKK", "ISK")),
}
"""The currency signs several currencies write, each with the codes of those it may stand
for: "$" is also the Australian, Canadian and Mexican dollar's, "¥" the yuan's too, "£" the
Egyptian pound's, "kr" the Swedish, Norwegian, Danish and Icelandic crown's ("$2M" of a key
result kept in AUD, "=> 10,5 Mkr" of one in SEK; never "$" for CHF)."""


def is_code(unit: str) -> bool:
    """Whether *unit*, as `okrkit.text.canonical_unit` names it, is a currency's ISO code
    ("CHF", "KRW"), which okrkit writes in capitals."""
    return len(unit) == 3 and unit.isascii() and unit.isalpha() and unit.isupper()
