r"""User text escaped for the medium it goes to: Markdown, terminals, GitHub workflow commands.

Every view that writes a plan's text (titles, owners, units, ids, messages) passes it through
one of these, so that the text shows as itself and cannot act on its reader: start a Markdown
block, link or image; clear a terminal's screen or reorder its line; or become a GitHub
Actions workflow command.  CSV's escaping is in `okrkit.formats`, as part of the format.

>>> terminal("title\x1b]0;pwned\x07")
'title\\x1b]0;pwned\\x07'
>>> markdown("[x](javascript:alert(1))")
'\\[x\\]\\(javascript\\:alert\\(1\\)\\)'
"""

from __future__ import annotations

import re

__all__ = ["github_data", "github_property", "html_text", "json_text", "markdown", "terminal"]

# What a terminal or a log viewer acts on instead of showing: C0 (line ends and tabs too, so
# that one line of output stays one line), DEL, C1 (U+0085 is NEL, a line end), the Unicode
# line and paragraph separators, and the bidi embeddings, overrides and isolates that reorder
# what is shown ("Trojan Source", CVE-2021-42574); and lone surrogates, which is how Python
# holds the bytes of a command line or a file name that are no UTF-8 (U+DC9B for 0x9B, a C1
# control): written back as they came, they would reach the terminal as those raw bytes.
# And the characters a terminal shows as nothing, which make "nps\u200b" look like "nps":
# Unicode's default-ignorable code points (the soft hyphen, the zero-width space, the word
# joiner and invisible operators, the byte order mark, the left-to-right, right-to-left and
# Arabic letter marks, the Hangul fillers, the variation selectors, the tags ...) and the
# interlinear annotation marks; not the zero-width joiner and non-joiner, which scripts and
# emoji need, nor the variation selector that asks for an emoji's picture (U+FE0F).
_INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b\u200e\u200f\u2060-\u206f"
    "\u3164\ufe00-\ufe0e\ufeff\uffa0\ufff0-\ufffb\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff"
)
_CONTROL = re.compile(
    f"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff{_INVISIBLE}]"
)
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _shown(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code > 0xFFFF:
        return f"\\U{code:08x}"
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def terminal(text: str) -> str:
    r"""*text* with every control character shown as its Python escape (``\x1b``, ``\u202e``),
    and every character a terminal shows as nothing (``\u200b``).

    Backslashes are left as they are (file names on Windows stay readable), so the escape is
    for people, not for reading back.

    >>> terminal("a\nb\u202ec")
    'a\\nb\\u202ec'
    """
    return _CONTROL.sub(_shown, text)


# ASCII punctuation that means something to CommonMark or GitHub-flavoured Markdown: emphasis,
# code, links, images, HTML, entities, tables, strikethrough, math ($), emoji (:smile:), and
# the ":", "." and "@" that GitHub's bare autolinks (www.x.com, http://..., a@b.co) need.
# The rest (, ; ? % ' " /) means nothing inside a line.  CommonMark lets a backslash escape
# any ASCII punctuation, so the escaped character shows as itself.
_MARKDOWN = re.compile(r"[!#$&()*+.:<=>@\[\\\]^_`{|}~]")
# Markdown strips the spaces around a paragraph, heading or table cell (markdown-it-py every
# Unicode space, as str.strip does): those at either end are written as character references.
_EDGE_SPACE = re.compile(r"^\s+|\s+$")


def markdown(text: str) -> str:
    r"""*text* as Markdown inline content that renders as exactly that text, in a paragraph,
    a heading, a list item or a table cell.

    Control characters are shown as by `terminal` first (so a line break stays inside its
    line, and a report printed to a terminal is safe too); then every Markdown punctuation
    character is backslash-escaped, a leading ``-`` too (it would start a list), and the spaces
    at either end are written as character references.

    >>> markdown("# 1. <b>*hi*</b>")
    '\\# 1\\. \\<b\\>\\*hi\\*\\</b\\>'
    >>> markdown("- x ")
    '\\- x&#32;'
    """
    escaped = _MARKDOWN.sub(r"\\\g<0>", terminal(text))
    if escaped.startswith("-"):
        escaped = "\\" + escaped
    return _EDGE_SPACE.sub(lambda m: "".join(f"&#{ord(c)};" for c in m.group()), escaped)


def html_text(text: str) -> str:
    r"""*text* as HTML text or an attribute value: `html.escape`, control characters as by
    `terminal` (a page printed to a terminal is safe, and no bidi control reorders the page).

    >>> html_text('<b title="x">\x1b')
    '&lt;b title=&quot;x&quot;&gt;\\x1b'
    """
    import html  # here, not above: the command line, which never writes HTML, loads faster

    return html.escape(terminal(text), quote=True)


def github_data(text: str) -> str:
    r"""*text* as the data (message) of a GitHub Actions workflow command.

    GitHub's own escapes for ``%``, CR and LF (a message may span lines in the annotation);
    every other control character shown as by `terminal`, so the command stays one line.

    >>> github_data("50%\n::error::x")
    '50%25%0A::error::x'
    """
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return terminal(text)


def github_property(text: str) -> str:
    r"""*text* as a property value (``file=``, ``title=``) of a GitHub Actions workflow command.

    >>> github_property("a,b: c")
    'a%2Cb%3A c'
    """
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


# JSON escapes C0 itself; what it leaves raw, without ensure_ascii, is escaped here too; and
# <, > and &, so that no "</script>" nor "<!--" can end an HTML script element it stands in.
_JSON_RAW = re.compile(f"[<>&\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069{_INVISIBLE}]")


def json_text(text: str) -> str:
    r"""JSON text (from `json.dumps`) with DEL, C1, bidi controls, line separators and the
    characters `terminal` shows as nothing as ``\uXXXX``.

    With ``<``, ``>`` and ``&`` too.  They can only stand inside strings, where the escape
    means the same character: the data is unchanged, and the text is safe to print, to embed
    in JavaScript, and inside an HTML ``<script>`` element.

    >>> json_text('["\u202e"]')
    '["\\u202e"]'
    """
    return _JSON_RAW.sub(_json_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    """A character as JSON escapes it: beyond U+FFFF, as its UTF-16 surrogate pair."""
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
