"""The currency signs okrkit knows, and the unit each is written as: one list for the reader of
statements (`okrkit.text`) and the reader of Markdown (`okrkit.formats`).

The five signs of okrkit's table of units are their own unit ("$", "€", "£", "¥", "₹"); every
other is written as its ISO 4217 code ("₩50,000" is 50,000 KRW), as a code read in a
statement is ("CHF 40k").
"""

from __future__ import annotations

__all__ = ["SIGNS", "SIGN_UNITS"]

SIGN_UNITS = {
    "$": "$", "€": "€", "£": "£", "¥": "¥", "₹": "₹",
    "₩": "KRW", "₦": "NGN", "₱": "PHP", "₺": "TRY", "₫": "VND", "₪": "ILS", "₽": "RUB",
    "₴": "UAH", "฿": "THB", "₵": "GHS", "₸": "KZT", "₡": "CRC", "₲": "PYG", "₼": "AZN",
    "₾": "GEL", "৳": "BDT",
}  # fmt: skip
"""Each currency sign, and the unit it is written as."""

SIGNS = "".join(SIGN_UNITS)
"""The currency signs, one after another: what a regular expression's character class holds
wherever a currency sign may be (``[{SIGNS}]``); none of them is special in a class."""
