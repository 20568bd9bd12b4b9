"""Tests for okrkit._escape: user text shows as itself in Markdown, terminals and CI logs.

The Markdown escaping is tested by rendering it with markdown-it-py (CommonMark, with the
GitHub-flavoured tables, strikethrough and bare-URL autolinks of its "gfm-like" preset).
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from okrkit._escape import github_data, github_property, json_text, markdown, terminal

MD = MarkdownIt("gfm-like")
# What the escaped text may become: the paragraph, heading, list or table around it, and text.
STRUCTURE = {"paragraph", "heading", "bullet_list", "list_item", "table", "thead", "tbody", "tr"}
STRUCTURE |= {"th", "td", "blockquote"}
# Control characters, and those a terminal shows as nothing (not the joiners scripts need).
INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b\u200e\u200f\u2060-\u206f"
    "\u3164\ufe00-\ufe0e\ufeff\uffa0\ufff0-\ufffb\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff"
)
CONTROL = re.compile(
    f"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff{INVISIBLE}]"
)

# Characters that mean something somewhere: Markdown, HTML, URLs, terminals, bidi.
HOSTILE = st.sampled_from(
    [*"<>[]()!`*_#-+.=|&;:@$~^{}\\/\"' \t\n\r\x00\x1b\x07\x7f\x85\u2028\u202e\u2066\xa0\u3000",
     "www.", "http://", "https://x.co", "javascript:", "&amp;", "&#x3C;", "<!--", "-->", "1.",
     "a@b.co", "<http://x.co>", "![](http://x.co/p)", "[x](javascript:alert(1))", "```", "    "]
)  # fmt: skip
TEXTS = st.text() | st.lists(HOSTILE | st.text(max_size=3)).map("".join)

PINNED = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[x](javascript:alert(1))",
    "![](http://evil.example/pixel)",
    "<!-- hidden",
    "a\rb",
    "`code` ends ` here",
    "a | b | c",
    "# heading",
    "- item",
    "1. item",
    "> quote",
    "*strong* _em_ **b** ~~s~~",
    "<http://evil.example>",
    "www.evil.example",
    "http://evil.example/x",
    "me@evil.example",
    "&amp; &#x3C; &lt;",
    " padded ",
    "\t\xa0",
    "---",
    "===",
    "title #",
    ":smile: $x$",
]


def visible(tokens: list[Token]) -> str:
    """The text the tokens show; fails on any token other than structure and plain text."""
    shown = []
    for token in tokens:
        if token.type == "inline":
            for child in token.children or ():
                assert child.type == "text", f"{child.type} in {token.content!r}"
                shown.append(child.content)
        else:
            assert token.type.removesuffix("_open").removesuffix("_close") in STRUCTURE, token
    return "".join(shown)


def contexts(escaped: str) -> dict[str, str]:
    """The escaped text where reports put it: paragraph, heading, list item and table cell."""
    return {
        "paragraph": f"{escaped}\n",
        "after text": f"score 1, owner {escaped}\n",
        "heading": f"### {escaped}\n",
        "list item": f"> - {escaped}\n",
        "table cell": f"| a | b |\n| --- | --- |\n| {escaped} | x |\n",
    }


class TestMarkdown:
    @given(TEXTS)
    @example("")
    def test_renders_as_the_text_itself(self, text: str) -> None:
        """Rendered anywhere a report puts it, the text shows as itself (controls as escapes)
        and makes no element but the paragraph, heading, list or table around it."""
        for where, source in contexts(markdown(text)).items():
            tokens = MD.parse(source)
            shown = visible(tokens)
            if where == "table cell":
                assert 2 == sum(t.type == "td_open" for t in tokens), source
                assert "ab" + terminal(text) + "x" == shown
            elif where == "after text":
                assert ("score 1, owner " + terminal(text) if text else "score 1, owner") == shown
            else:
                assert terminal(text) == shown, where

    @pytest.mark.parametrize("text", PINNED)
    def test_hostile_examples(self, text: str) -> None:
        """Each known attack renders as plain text, with no HTML, link, image or code."""
        html = MD.render(f"| a |\n| --- |\n| {markdown(text)} |\n") + MD.render(markdown(text))
        for bad in ("<script", "<img", "<a ", "<!--", "<code", "<em", "<strong", "<s>", "<h"):
            assert bad not in html
        assert "\r" not in markdown(text)

    def test_escapes_only_what_needs_it(self) -> None:
        """Plain words, commas and slashes stay as they are; a dash inside a word too."""
        assert "Reduce mid-market churn, 5/10 by Q3" == markdown(
            "Reduce mid-market churn, 5/10 by Q3"
        )


class TestTerminal:
    @given(st.text())
    def test_no_control_characters_one_line(self, text: str) -> None:
        """No control character survives, so the text is one line that cannot move the cursor."""
        assert CONTROL.search(terminal(text)) is None

    @given(st.text().filter(lambda s: CONTROL.search(s) is None))
    def test_other_text_unchanged(self, text: str) -> None:
        """Text without control characters is left as it is."""
        assert text == terminal(text)

    def test_examples(self) -> None:
        """ANSI and OSC sequences, bidi overrides and line ends show as escapes."""
        assert "\\x1b]0;title\\x07\\x1b[2J" == terminal("\x1b]0;title\x07\x1b[2J")
        assert "a\\u202eb\\u2066\\u2028\\x85\\x9b" == terminal("a\u202eb\u2066\u2028\x85\x9b")
        assert "\\n::error file=x::y\\r\\t" == terminal("\n::error file=x::y\r\t")

    def test_what_shows_as_nothing_is_shown(self) -> None:
        """An id with a zero-width space, a word joiner, a byte order mark or a direction mark
        would look like another (a trial's "nps\u200b" beside "nps"); the joiners of
        scripts and emoji stay as they are."""
        assert "nps\\u200b \\u2060\\ufeff\\u200e\\u200f\\u061c\\xad" == terminal(
            "nps\u200b \u2060\ufeff\u200e\u200f\u061c\xad"
        )
        family, persian = (
            "\U0001f468\u200d\U0001f469\u200d\U0001f467",
            "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
        )
        assert (family, persian) == (terminal(family), terminal(persian))
        # ... nor an emoji's picture (U+FE0F); but the other default-ignorable characters
        # (a trial's Hangul fillers, grapheme joiner, tags, musical format marks) are shown
        heart = "\u2764\ufe0f"
        assert heart == terminal(heart)
        assert "a\\u034fb\\u3164c\\U000e0001d\\U0001d173" == terminal(
            "a\u034fb\u3164c\U000e0001d\U0001d173"
        )

    @given(st.binary())
    def test_bytes_that_are_no_utf8(self, raw: bytes) -> None:
        """A command line or file name that is no UTF-8 reaches Python as lone surrogates
        (surrogateescape): shown as escapes, so the output is UTF-8 and no raw byte (0x9B is
        a C1 control) reaches the terminal."""
        shown = terminal(raw.decode("utf-8", "surrogateescape"))
        assert CONTROL.search(shown) is None
        shown.encode("utf-8")  # strict: no surrogate left
        assert terminal("ch\udc9brn") == "ch\\udc9brn"


class TestJson:
    @given(st.text())
    def test_the_same_data_with_nothing_raw_that_acts_or_hides(self, text: str) -> None:
        """JSON text through `json_text` loads as the same data, with no C1, bidi, line
        separator or invisible character raw, nor anything that could end a script element."""
        escaped = json_text(json.dumps(text, ensure_ascii=False))
        assert text == json.loads(escaped)
        assert json_text('"\U000e0001"') == '"\\udb40\\udc01"'  # a surrogate pair, as JSON has it
        assert (
            re.search(f"[<>&\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069{INVISIBLE}]", escaped)
            is None
        )


class TestGithub:
    @given(st.text())
    def test_one_line_without_controls(self, text: str) -> None:
        """A message or property never ends the command's line nor holds a control character."""
        assert CONTROL.search(github_data(text)) is None
        prop = github_property(text)
        assert CONTROL.search(prop) is None
        assert ":" not in prop
        assert "," not in prop

    def test_examples(self) -> None:
        """GitHub's own escapes for %, CR, LF, and for : and , in a property."""
        assert "100%25%0D%0A::error::x" == github_data("100%\r\n::error::x")
        assert "a%2Cb%3Ac%0A\\x1b" == github_property("a,b:c\n\x1b")
