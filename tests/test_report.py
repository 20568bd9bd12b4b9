"""Tests for okrkit.report: the report data, and the Markdown, HTML and JSON reports."""

from __future__ import annotations

import json
import math
import re
import shutil
import struct
import subprocess
import zlib
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import okrkit
from okrkit import formats
from okrkit._escape import markdown, terminal
from okrkit._money import SIGN_CURRENCIES
from okrkit.report import (
    number_text,
    percent_text,
    render,
    report_data,
    score_text,
    status_label,
)
from okrkit.rules import Diagnostic
from okrkit.testing import plans

ROOT = Path(__file__).resolve().parent.parent
ACME = ROOT / "examples" / "acme-2026-q3.yaml"
AUG_31 = date(2026, 8, 31)
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
MD = MarkdownIt("gfm-like")
# Markdown the report itself writes: everything else (HTML, links, images, code) is injected.
REPORT_MARKUP = {"text", "strong_open", "strong_close", "softbreak"}
USER_TEXT = st.text(min_size=1, max_size=30).filter(lambda s: bool(s.strip()))
HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[x](javascript:alert(1))",
    "![](http://evil.example/pixel)",
    "<!-- the rest is hidden",
    "a\rb",
    "`x` | y",
    "# 1. > - * _em_ ~~s~~",
    "<http://evil.example> www.evil.example http://evil.example me@evil.example",
    "&amp; &#x3C;",
    "\n::error file=x::y \x1b]0;t\x07 \u202eevil",
]
VOID = {"meta", "br", "hr", "img", "input", "link", "col", "wbr", "source", "area", "base"}


class Page(HTMLParser):
    """A real HTML parser that records the element structure, the text and the attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None], tuple[str, ...]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs), tuple(self.stack)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        """The attributes of every element *tag*."""
        return [attributes for name, attributes, _ in self.tags if name == tag]


def parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    return page


@pytest.fixture(scope="module")
def acme() -> okrkit.Plan:
    return formats.load(ACME)


def _kr(id: str, start: float, target: float, *values: tuple[date, float]) -> okrkit.KeyResult:
    kr = okrkit.KeyResult(
        id=id, title=f"Move {id}", direction="increase", start=start, target=target
    )
    for at, value in values:
        kr = kr.check_in(value, at=at)
    return kr


Q3 = okrkit.Cycle.parse("2026-Q3")
SMALL = okrkit.Plan(
    objectives=[
        okrkit.Objective(
            id="company",
            title="Delight customers",
            cycle=Q3,
            owner="exec",
            key_results=[_kr("nps", 30, 50, (date(2026, 8, 1), 40), (date(2026, 9, 20), 50))],
        ),
        okrkit.Objective(
            id="team",
            title="Answer every ticket <fast> & well",
            cycle=Q3,
            aligned_to="company",
            commitment="committed",
            key_results=[_kr("answered", 60, 90, (date(2026, 8, 10), 75))],
        ),
    ],
    kpis=[okrkit.Kpi(id="uptime", title="Uptime", direction="at_least", threshold=99.9)],
)


class TestReportData:
    @settings(max_examples=25)
    @given(plans(max_objectives=5))
    def test_every_objective_and_key_result_once(self, plan: okrkit.Plan) -> None:
        """Every objective and key result of the plan appears exactly once, whatever its shape."""
        data = report_data(plan, at=AUG_31)
        expected = sorted(o.id for o in plan.objectives)
        assert expected == sorted(o["id"] for o in data["objectives"])
        expected_krs = sorted(kr.id for _, kr in plan.key_results())
        assert expected_krs == sorted(k["id"] for o in data["objectives"] for k in o["key_results"])

    @settings(max_examples=25)
    @given(plans(max_objectives=5))
    def test_is_json_ready(self, plan: okrkit.Plan) -> None:
        """The data survives JSON unchanged: plain dicts, lists, strings, numbers and None."""
        data = report_data(plan, at=AUG_31)
        assert data == json.loads(json.dumps(data))

    def test_worked_example(self) -> None:
        """Scores, grades, statuses and forecasts as of a date, later check-ins left out."""
        data = report_data(SMALL, at=AUG_31, roll_up="both")
        company, team = data["objectives"]
        assert ("company", 0, "team", 1) == (
            company["id"],
            company["depth"],
            team["id"],
            team["depth"],
        )
        nps = company["key_results"][0]
        assert (40.0, 0.5, 0.5) == (nps["value"], nps["progress"], nps["score"])
        # Mid-quarter nothing is graded yet: the grade is the forecast's, and says so.
        assert nps["grade"] is None
        assert okrkit.grade(nps["forecast"]["score"]).label == nps["projected_grade"]["label"]
        assert "2026-08-01" == nps["checked_in"]
        assert team["grade"] is None
        assert 0.5 == team["score"]
        ended = report_data(SMALL, at=date(2026, 10, 1), roll_up="both")["objectives"]
        assert {"label": "delivered", "color": "green"} == ended[0]["key_results"][0]["grade"]
        # Committed: green only at 1.
        assert {"label": "missed", "color": "red"} == ended[1]["grade"]
        assert (None, None) == (ended[1]["projected_grade"], ended[0]["key_results"][0]["forecast"])
        assert (0.5 + 0.5) / 2 == company["score"]  # roll-up "both": its KR and its child
        assert "stale" == company["status"]  # 30 days since the last check-in
        assert nps["forecast"] is not None
        assert [{"id": "uptime", "healthy": None}] == [
            {"id": k["id"], "healthy": k["healthy"]} for k in data["kpis"]
        ]
        assert data["diagnostics"] is None

    def test_later_date_sees_later_check_ins(self) -> None:
        """As of the end of the quarter, the September check-in counts."""
        data = report_data(SMALL, at=date(2026, 9, 30))
        assert 1.0 == data["objectives"][0]["key_results"][0]["score"]

    def test_broken_alignment_is_listed_flat(self) -> None:
        """An alignment loop never raises: the objectives come flat, with the problem named."""
        a = okrkit.Objective(id="a", title="A", aligned_to="b", key_results=[_kr("ka", 0, 10)])
        b = okrkit.Objective(id="b", title="B", aligned_to="a")
        data = report_data(okrkit.Plan(objectives=[a, b]), at=AUG_31)
        assert [("a", 0), ("b", 0)] == [(o["id"], o["depth"]) for o in data["objectives"]]
        assert 1 == len(data["alignment_problems"])
        assert "alignment loop" in data["alignment_problems"][0]
        assert 0.0 == data["objectives"][0]["score"]
        assert data["objectives"][1]["score"] is None

    def test_unmeasurable_key_results_have_no_score(self) -> None:
        """A key result without a target has no score, progress, grade or forecast."""
        vague = okrkit.KeyResult(id="vague", title="Make onboarding better")
        plan = okrkit.Plan(objectives=[okrkit.Objective(title="O", cycle=Q3, key_results=[vague])])
        row = report_data(plan, at=AUG_31)["objectives"][0]["key_results"][0]
        assert (None, None, None, None) == (
            row["score"],
            row["progress"],
            row["grade"],
            row["forecast"],
        )

    def test_diagnostics_are_listed_as_their_own_data(self) -> None:
        """Each finding is listed as its `Diagnostic.to_dict`, and counted by severity."""
        found = [
            Diagnostic(code="X1", name="odd", severity="warning", message="odd", path=""),
            Diagnostic(
                code="X2",
                name="bad",
                severity="error",
                message="bad",
                path="objectives[0]",
                id="o",
                hint="fix it",
            ),
        ]
        data = report_data(SMALL, at=AUG_31, diagnostics=found)
        assert [{**d.to_dict(), "where": where} for d, where in zip(
            found, ["the plan", "objective Delight customers (company)"], strict=True
        )] == data["diagnostics"]  # fmt: skip
        assert {"error": 1, "warning": 1, "info": 0} == data["summary"]["diagnostics"]

    @pytest.mark.parametrize(
        ("diagnostics", "where"), [(42, "diagnostics"), (["X1 odd"], "diagnostics[0]")]
    )
    def test_diagnostics_of_another_kind_are_refused(self, diagnostics: object, where: str) -> None:
        """Anything but rules Diagnostics is refused with InvalidTypeError, saying where."""
        with pytest.raises(okrkit.InvalidTypeError, match=re.escape(f"{where}: expected")):
            report_data(SMALL, at=AUG_31, diagnostics=diagnostics)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("options", "error"),
        [
            ({"at": "2026-08-31"}, okrkit.InvalidTypeError),
            ({"roll_up": "sideways"}, okrkit.InvalidValueError),
            ({"roll_up": 3}, okrkit.InvalidTypeError),
            ({"policy": "generous"}, okrkit.InvalidValueError),
        ],
    )
    def test_bad_options_raise_okrkit_errors(self, options: dict[str, object], error: type) -> None:
        """Bad options raise the okrkit error that names them."""
        with pytest.raises(error):
            report_data(SMALL, **options)  # type: ignore[arg-type]

    def test_not_a_plan(self) -> None:
        """Anything but a Plan is refused with InvalidTypeError."""
        with pytest.raises(okrkit.InvalidTypeError, match="expected a Plan"):
            report_data({"objectives": []})  # type: ignore[arg-type]

    def test_defaults_to_today(self) -> None:
        """Without a date, the report is as of today."""
        assert date.today().isoformat() == report_data(okrkit.Plan())["as_of"]


class TestStatusLabel:
    @pytest.mark.parametrize("status", list(okrkit.Status))
    def test_words_not_codes(self, status: okrkit.Status) -> None:
        """Every status reads as words: no underscores."""
        assert "_" not in status_label(status.value)

    def test_unknown_passes_through(self) -> None:
        """A status okrkit does not know reads as its words."""
        assert "on hold" == status_label("on_hold")


class TestRenderJson:
    @settings(max_examples=25)
    @given(plans(max_objectives=5))
    def test_is_the_data(self, plan: okrkit.Plan) -> None:
        """The JSON report parses back to exactly `report_data`."""
        assert report_data(plan, at=AUG_31) == json.loads(render(plan, "json", at=AUG_31))


def chain(n: int) -> okrkit.Plan:
    """*n* objectives, each aligned to the one before: as deep as a plan of n can be."""
    return okrkit.Plan(
        objectives=[
            okrkit.Objective(
                id=f"o{i}",
                title=f"Objective {i}",
                aligned_to=f"o{i - 1}" if i else None,
                key_results=[_kr(f"k{i}", 0, 10, (date(2026, 8, 1), 5))],
            )
            for i in range(n)
        ]
    )


class TestLinearOutput:
    VIEWS: ClassVar = {
        "md": lambda plan: render(plan, "md", at=AUG_31),
        "html": lambda plan: render(plan, "html", at=AUG_31),
        "json": lambda plan: render(plan, "json", at=AUG_31),
        "plan_html": okrkit.report.plan_html,
        "tree_html": lambda plan: okrkit.report.tree_html(okrkit.AlignmentTree.from_plan(plan)),
    }

    @pytest.mark.parametrize("view", sorted(VIEWS))
    def test_chain_output_grows_linearly(self, view: str) -> None:
        """A chain 8 times as long gives at most about 8 times the output, in every view."""
        size = [len(self.VIEWS[view](chain(n))) for n in (40, 320)]
        assert size[1] <= 8 * 1.2 * size[0]

    def test_depth_past_the_indentation_is_written(self) -> None:
        """Six levels are drawn; deeper, the depth is written, the same way in every view."""
        plan = chain(9)
        md = render(plan, "md", at=AUG_31)
        assert "### ↳ ↳ ↳ ↳ ↳ ↳ Objective 6 (o6)" in md
        assert "### ↳ ↳ ↳ ↳ ↳ ↳ (depth 8) Objective 8 (o8)" in md
        page = parse(render(plan, "html", at=AUG_31))
        assert [] == page.errors
        sections = max(stack.count("section") for tag, _, stack in page.tags if tag == "h3")
        assert 1 + 7 == sections  # the Objectives section, and one per level 0 to 6
        assert "(depth 8) Objective 8" in "".join(page.text)
        assert "&nbsp;" * 12 + "(depth 7) Objective 7" in okrkit.report.plan_html(plan)
        nested = okrkit.report.tree_html(okrkit.AlignmentTree.from_plan(plan))
        assert "<li>(depth 8) Objective 8" in nested
        depth = deepest = 0
        for tag in re.findall(r"</?ul>", nested):
            depth += -1 if tag == "</ul>" else 1
            deepest = max(deepest, depth)
        assert 1 + 6 == deepest


class TestNumbersShown:
    @given(st.floats() | st.integers(min_value=-(10**30), max_value=10**30).map(float))
    @example(-math.inf)
    @example(math.nan)
    def test_short_and_finite(self, x: float) -> None:
        """Any float shows as a short text that is never inf nor nan."""
        for shown in (number_text(x, "%"), percent_text(x), score_text(x)):
            assert len(shown) <= 24
            assert "inf" not in shown.lower()
            assert "nan" not in shown.lower()

    def test_a_currency_sign_before_the_number(self) -> None:
        """Every currency okrkit writes by its sign is shown before the number, as "$" was
        ("₹" and "¥" followed it); a currency's code follows it."""
        from okrkit._display import number_text
        from okrkit._money import SIGN_CURRENCIES

        for sign in SIGN_CURRENCIES:
            assert number_text(3_200_000, sign) == f"{sign}3,200,000"
        assert number_text(62_000_000, "KRW") == "62,000,000 KRW"

    def test_a_hair_below_zero_reads_as_zero(self) -> None:
        """Progress just behind the start reads 0%, not -0%; a score 0.00, not -0.00."""
        assert ("0%", "0.00", "-1%") == (percent_text(-0.001), score_text(-0.001),
                                         percent_text(-0.01))  # fmt: skip

    def test_out_of_range(self) -> None:
        """Beyond ±999 (%) a score or percentage shows as out of range; within, as it is."""
        assert "<-999%" == percent_text(-math.inf) == percent_text(-1e300) == percent_text(-10)
        assert [">999%", "999%", "-999%"] == [percent_text(x) for x in (10, 9.99, -9.99)]
        assert [">999", "<-999", "999.99"] == [score_text(x) for x in (1e308, -1e3, 999.99)]
        assert ["–", "–", "1.798e+308"] == [
            number_text(math.inf),
            score_text(math.nan),
            number_text(1.7976931348623157e308),
        ]

    def test_report_of_huge_progress(self) -> None:
        """Progress and scores past any sense, under an uncapped policy, read in every view."""
        kr = okrkit.KeyResult(id="k", title="t", direction="increase", start=0, target=1e-300)
        plan = okrkit.Plan(
            objectives=[
                okrkit.Objective(
                    id="o",
                    title="x",
                    cycle=Q3,
                    key_results=[
                        kr.check_in(1e300, at=date(2026, 8, 1)),
                        attrs.evolve(kr, id="j").check_in(-1e300, at=date(2026, 8, 1)),
                    ],
                )
            ]
        )
        uncapped = attrs.evolve(okrkit.scoring.LINEAR, cap=None, floor=-1e308)
        for fmt in ("md", "html"):
            page = render(plan, fmt, at=AUG_31, policy=uncapped)  # type: ignore[arg-type]
            assert "inf" not in page
            assert max(len(line) for line in page.splitlines()) < 4000
        page = render(plan, "md", at=AUG_31, policy=uncapped)
        assert "| t | 1e+300 | 0 | >999% | >999 |" in page
        assert "| t | -1e+300 | 0 | <-999% | <-999 |" in page


class TestRenderJsonEscaping:
    @settings(max_examples=25)
    @given(USER_TEXT)
    @example("\u202eevil\u2028\x85\x9b\x7f")
    def test_same_data_without_raw_controls(self, text: str) -> None:
        """JSON keeps every character (as an escape), so it is the same data and safe to print."""
        plan = okrkit.Plan(objectives=[okrkit.Objective(id="o", title=text)])
        page = render(plan, "json", at=AUG_31)
        assert text == json.loads(page)["objectives"][0]["title"]
        assert CONTROL.search(page.replace("\n", "")) is None

    def test_safe_inside_a_script_element(self) -> None:
        """No title can end the HTML script element a page embeds the JSON report in."""
        text = "</script><script>alert(1)</script><!-- & >"
        page = render(okrkit.Plan(objectives=[okrkit.Objective(id="o", title=text)]), "json")
        assert not set("<>&") & set(page)
        assert text == json.loads(page)["objectives"][0]["title"]


class TestRenderMarkdown:
    @settings(max_examples=25)
    @given(plans(max_objectives=5))
    def test_names_every_objective(self, plan: okrkit.Plan) -> None:
        """Every objective's id appears in a heading."""
        text = render(plan, "md", at=AUG_31)
        headings = [line for line in text.splitlines() if line.startswith("### ")]
        assert len(plan.objectives) == len(headings)
        for obj in plan.objectives:
            assert f"({markdown(obj.id)})" in text

    def test_content(self, acme: okrkit.Plan) -> None:
        """The example's report: title, tree depth, key result rows, KPIs, diagnostics."""
        found = [
            Diagnostic(
                code="OKR101",
                name="n",
                severity="warning",
                message="a | pipe",
                path="objectives[0]",
            )
        ]
        text = render(acme, "md", at=AUG_31, diagnostics=found)
        lines = text.splitlines()
        assert "# OKR report, as of 2026-08-31" == lines[0]
        assert (
            "### ↳ ↳ Win the mid-market finance teams we are already talking to (mid-market)"
            in lines
        )
        assert (
            "| Grow ARR from \\$8\\.2M to \\$10M | \\$9,120,000 | \\$10,000,000 | 51% | 0.51 "
            "| projected missed (red) | at risk | \\$9,715,791 (0.84) |"
        ) in lines
        assert "| API uptime | 99.87 % | at least 99.9 % | unhealthy |" in lines
        # Findings are located by ids and titles, in the summary first and in the detail.
        title = "Become the analytics tool mid-market finance teams can't do without"
        where = markdown(f"objective {title} (grow-revenue)")
        assert f"| OKR101 | warning | {where} | a \\| pipe |" in lines
        assert lines.index("## Summary") < lines.index("## Objectives") < lines.index("## Findings")
        assert f"- **warning** OKR101 {where}: a \\| pipe" in lines

    @pytest.mark.parametrize("fmt", ["md", "html"])
    def test_counts_agree_with_their_nouns(self, fmt: str) -> None:
        """One objective and one key result are counted in the singular, more in the plural."""
        kr = okrkit.KeyResult(id="k", title="Raise NPS", direction="increase", start=0, target=1)
        one = okrkit.Plan(objectives=[okrkit.Objective(title="Grow", key_results=[kr])])
        text = render(one, fmt, at=date(2026, 8, 1))
        assert "1 objective" in text
        assert "1 objectives" not in text
        assert "1 key result" in text
        assert "1 key results" not in text
        two = okrkit.Plan(objectives=[*one.objectives, okrkit.Objective(title="Keep")])
        assert "2 objectives" in render(two, fmt, at=date(2026, 8, 1))

    def test_no_findings_and_alignment_problems(self) -> None:
        """An empty diagnostics list says so; broken alignment is called out."""
        loop = okrkit.Plan(objectives=[okrkit.Objective(id="a", title="A", aligned_to="a")])
        text = render(loop, "md", at=AUG_31, diagnostics=[])
        assert "No findings." in text
        assert "Alignment problems:" in text
        assert "- Alignment: 1 problem; the objectives whose links are broken" in text

    def test_bad_format(self) -> None:
        """An unknown report format is an InvalidValueError naming the choices."""
        with pytest.raises(okrkit.InvalidValueError, match="'md', 'html', 'json'"):
            render(SMALL, "pdf")  # type: ignore[arg-type]


class TestMarkdownEscaping:
    @settings(max_examples=30)
    @given(USER_TEXT)
    @example(" ".join(HOSTILE))
    @example("%")
    @example("$")
    @example("¥")  # a sign currency written before its number, as "$" is
    def test_user_text_renders_as_itself(self, text: str) -> None:
        """Any text, as title, owner, unit and message, shows as itself and injects no markup."""
        kr = okrkit.KeyResult(
            id="kr", title=text, owner=text, unit=text, direction="increase", start=0, target=4
        )
        plan = okrkit.Plan(
            objectives=[okrkit.Objective(id="o", title=text, owner=text, key_results=[kr])],
            kpis=[okrkit.Kpi(id="k", title=text, direction="at_least", threshold=1, unit=text)],
        )
        found = [
            Diagnostic(code="X1", name="n", severity="info", message=text, path="objectives[0]")
        ]
        tokens = MD.parse(render(plan, "md", at=AUG_31, title=text, diagnostics=found))
        shown = []
        for token in tokens:
            assert token.type not in ("html_block", "code_block", "fence", "hr"), token
            for child in token.children or ():
                assert child.type in REPORT_MARKUP, (child, token.content)
            if token.type == "inline":
                shown.append("".join(c.content for c in token.children or ()))
        assert terminal(text) + ", as of 2026-08-31" == shown[0]  # the title
        assert f"{terminal(text)} (o)" in shown  # the objective's heading
        cells = set(shown)
        assert terminal(text) in cells  # the key result's, the KPI's and the message's cells
        # The target, with its unit: after it, but a currency's before it and % against it.
        unit = terminal(text)
        assert (f"{unit}4" if unit in SIGN_CURRENCIES else f"4 {unit}") in cells

    @pytest.mark.parametrize("text", HOSTILE)
    def test_hostile_examples(self, text: str) -> None:
        """Known attacks render as plain text: no script, image, link, comment or code."""
        plan = okrkit.Plan(objectives=[okrkit.Objective(title=text, owner=text)])
        page = MD.render(render(plan, "md", at=AUG_31))
        for bad in ("<script", "<img", "<a ", "<!--", "<code", "<em>", "\x1b", "\u202e"):
            assert bad not in page


class TestRenderHtml:
    @settings(max_examples=25)
    @given(plans(max_objectives=6))
    def test_well_formed_and_nested_like_the_tree(self, plan: okrkit.Plan) -> None:
        """Every element closes in order; each objective's section lies in its parent's."""
        page = parse(render(plan, "html", at=AUG_31, diagnostics=[]))
        assert [] == page.errors
        assert [] == page.stack
        data = report_data(plan, at=AUG_31)
        depth_of = {o["id"]: o["depth"] for o in data["objectives"]}
        sections = [
            (attributes["aria-labelledby"], stack.count("section"))
            for name, attributes, stack in page.tags
            if name == "section" and "objective" in (attributes.get("class") or "")
        ]
        # Inside <section> "Objectives", plus one per ancestor.
        assert sorted((f"o-{i}", d + 1) for i, d in depth_of.items()) == sorted(sections)

    def test_self_contained_semantic_printable(self, acme: okrkit.Plan) -> None:
        """No scripts, nothing fetched; header, main, tables, labelled meters, print CSS."""
        text = render(acme, "html", at=AUG_31, diagnostics=[])
        page = parse(text)
        assert [] == page.errors
        assert [] == page.all("script") + page.all("link") + page.all("img") + page.all("iframe")
        assert "http://" not in text
        assert "https://" not in text
        assert "url(" not in text
        assert 1 == len(page.all("header")) == len(page.all("main"))
        assert "@media print" in text
        meters = page.all("meter")
        assert 6 + 20 == len(meters)  # one per objective and key result
        assert all(m["aria-label"] and "score" in (m["aria-label"] or "") for m in meters)
        assert all(0 <= float(m["value"] or "nan") <= 1 for m in meters)
        assert page.all("table")
        assert {"lang": "en"} == page.all("html")[0]

    def test_readable_without_colour(self, acme: okrkit.Plan) -> None:
        """Grades and statuses are written out in words, not only coloured."""
        text = "".join(parse(render(acme, "html", at=AUG_31)).text)
        for words in (
            "missed",
            "progress",
            "delivered",
            "on track",
            "at risk",
            "off track",
            "stale",
            "healthy",
            "unhealthy",
        ):
            assert words in text
        assert "Grow ARR from $8.2M to $10M" in text
        assert "$9,715,791 (0.84)" in text  # the forecast

    @settings(max_examples=25)
    @given(USER_TEXT)
    @example(HOSTILE[-1])
    def test_text_shows_as_itself_without_control_characters(self, text: str) -> None:
        """Any title shows as its text (controls as escapes); the page holds no raw control
        character, so it is safe printed to a terminal too."""
        plan = okrkit.Plan(objectives=[okrkit.Objective(id="o", title=text, owner=text)])
        page = render(plan, "html", at=AUG_31)
        assert [] == [line for line in page.split("\n") if CONTROL.search(line)]
        parsed = parse(page)
        assert [] == parsed.errors
        assert terminal(text) + " " in parsed.text  # the heading: the title, then the id

    def test_escapes_text(self) -> None:
        """Titles are escaped, never markup."""
        text = render(SMALL, "html", at=AUG_31)
        assert "Answer every ticket &lt;fast&gt; &amp; well" in text
        assert "<fast>" not in text

    def test_diagnostics_section(self) -> None:
        """Findings come as a table with code, severity, where, message and hint."""
        found = [
            Diagnostic(
                code="OKR204",
                name="missing-baseline",
                severity="error",
                message="no baseline",
                path="",
                hint="add a start",
            )
        ]
        page = parse(render(SMALL, "html", at=AUG_31, diagnostics=found))
        text = "".join(page.text)
        assert "Findings" in text
        assert "OKR204" in text
        assert "no baseline" in text
        assert "add a start" in text
        assert "the plan" in text  # the plan as a whole

    def test_alignment_problems_section(self) -> None:
        """A broken alignment is reported on the page."""
        loop = okrkit.Plan(objectives=[okrkit.Objective(id="a", title="A", aligned_to="a")])
        assert "Alignment problems" in "".join(parse(render(loop, "html", at=AUG_31)).text)


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _pixels(png: bytes) -> list[bytes]:
    """The rows of an 8-bit RGB or RGBA PNG, unfiltered (the stdlib only: zlib and struct)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], b""
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind, body = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, color = struct.unpack(">IIBB", header[:10])
    assert (8, True) == (depth, color in (2, 6))
    size = 3 if color == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * size
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up = previous[i]
            corner = previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + best) & 0xFF
        rows.append(bytes(line))
        previous = line
    return rows


class TestHtmlInABrowser:
    @pytest.mark.skipif(
        _browser() is None,
        reason="no headless browser: install Debian's 'chromium' package to render the report",
    )
    def test_renders_not_blank(self, acme: okrkit.Plan, tmp_path: Path) -> None:
        """Headless Chromium draws the report: the screenshot has text and coloured bars."""
        page = tmp_path / "report.html"
        page.write_text(render(acme, "html", at=AUG_31, diagnostics=[]), encoding="utf-8")
        shot = tmp_path / "shot.png"
        subprocess.run(
            [_browser(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
             f"--screenshot={shot}", "--window-size=1200,900", page.as_uri()],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        rows = _pixels(shot.read_bytes())
        assert 900 == len(rows)
        values = {row[i : i + 3] for row in rows[::4] for i in range(0, len(row), 12)}
        assert len(values) > 50  # text, borders and bars in many shades, not one flat colour
        red = [v for v in values if v[0] > 150 and v[1] < 90 and v[2] < 90]
        assert red  # the 'missed' bars and badges are drawn in the grade's colour
