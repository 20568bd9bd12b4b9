"""okrkit.formats, Markdown: what a hostile and a newcomer trial found."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from okrkit import formats
from okrkit.errors import FormatError
from okrkit.model import Direction, KeyResult, Objective, Plan
from test_formats import fields
from test_markdown import text_plans

# Text a renderer would run, fetch or link, and text that reads as structure.
ACTIVE = (
    "<script>alert(1)</script>", "<img src=x onerror=alert(4)>", "![x](http://e.example/p.png)",
    "[a](http://e.example)", "[ref]: http://e.example", "<http://e.example>", "\\<", "\\\\[",
    "\\", "<", "[", "]", "!", "(", "&lt;", "&#60;", "{#id}", "=>", "- ", "KR1: ", "\n", '"',
    "<svg/onload=alert(1)>", "[x] ",
)  # fmt: skip


def active_plans() -> st.SearchStrategy[Plan]:
    """Plans with active text (`ACTIVE`) in every text field and id."""
    return text_plans(ACTIVE, max_objectives=3, max_text=4)


def unescaped(text: str) -> str:
    """*text* without its backslash escapes: what a renderer takes as written."""
    return re.sub(r"\\[!-/:-@\[-`{-~]", "", text)


def assert_inert(text: str) -> None:
    raw = unescaped(text)
    assert "<" not in raw, text
    assert "![" not in raw, text
    assert "](" not in raw, text


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.add(tag)


SAFE_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "em", "strong", "code"}
SAFE_TAGS |= {"br", "hr", "pre", "blockquote"}


def rendered_tags(text: str) -> set[str]:
    markdown_it = pytest.importorskip("markdown_it")
    parser = _Tags()
    parser.feed(markdown_it.MarkdownIt().render(text))
    return parser.tags


class TestActiveTextEscaped:
    """Finding 1: raw HTML, images and links are escaped in every written value."""

    def trial_plan(self) -> Plan:
        kr = KeyResult(
            title="Raise NPS",
            id="k<svg/onload=alert(1)>",
            direction="increase",
            start=1,
            target=2,
            unit="<u>",
            owner="<script>alert(3)</script>",
        ).check_in(1, at=date(2026, 8, 1), author="<img src=x onerror=alert(4)>")
        owner = "![x](http://evil.example/pixel.png)"
        return Plan(objectives=[Objective(title="Grow", owner=owner, key_results=[kr])])

    def test_trial_plan(self) -> None:
        plan = self.trial_plan()
        text = formats.dumps(plan, "markdown")
        assert_inert(text)
        assert formats.loads(text, "markdown") == plan

    def test_trial_plan_rendered(self) -> None:
        text = formats.dumps(self.trial_plan(), "markdown")
        assert rendered_tags(text) <= SAFE_TAGS

    @given(active_plans())
    def test_any_plan_inert_and_equal(self, plan: Plan) -> None:
        if not plan.objectives:
            return
        text = formats.dumps(plan, "markdown")
        assert_inert(text)
        assert fields(formats.loads(text, "markdown")) == fields(plan)
        assert rendered_tags(text) <= SAFE_TAGS


class TestStatementAgreesWithAttributes:
    """Finding 2: an edited statement whose attributes still say otherwise is an error."""

    WRITTEN = "## Grow\n\n- Increase win rate from 22% to 28% {#win-rate direction=increase start=22 target=28 unit=%}\n"  # noqa: E501

    def test_agreeing_by_value_reads(self) -> None:
        kr = formats.loads(self.WRITTEN, "markdown").objectives[0].key_results[0]
        assert (kr.start, kr.target, kr.unit) == (22, 28, "%")
        assert type(kr.target) is int

    @pytest.mark.parametrize(
        ("edit", "message"),
        [
            ("to 35%", "the statement says target 35, its attributes target=28: change one"),
            ("from 20%", "the statement says start 20, its attributes start=22: change one"),
            ("28 points", "the statement says unit points, its attributes unit=%: change one"),
            (
                "Increase win",
                "the statement says direction decrease, its attributes direction=increase",
            ),
        ],
    )
    def test_edited_statement_is_an_error(self, edit: str, message: str) -> None:
        old = {"to 35%": "to 28%", "from 20%": "from 22%", "28 points": "28%"}.get(edit)
        statement = "Increase win rate from 22% to 28%"
        if old is None:
            text = self.WRITTEN.replace(statement, "Cut win rate from 28% to 22%")
        else:
            text = self.WRITTEN.replace(old, edit)
        with pytest.raises(FormatError) as caught:
            formats.loads(text, "markdown")
        (problem,) = caught.value.details
        assert problem.line == 3
        assert message in problem.message

    @pytest.mark.parametrize("written", ["INCREASE", "Increase", " increase"])
    def test_a_direction_in_another_case_agrees(self, written: str) -> None:
        """The model takes a direction in any case, and so does the check: "the statement
        says direction increase, its attributes direction=INCREASE" contradicted itself."""
        text = self.WRITTEN.replace("direction=increase", f'direction="{written}"')
        kr = formats.loads(text, "markdown").objectives[0].key_results[0]
        assert (kr.direction, kr.start, kr.target) == (Direction.INCREASE, 22, 28)

    def test_a_direction_that_is_none_is_refused_as_such(self) -> None:
        text = self.WRITTEN.replace("direction=increase", "direction=upward")
        with pytest.raises(FormatError) as caught:
            formats.loads(text, "markdown")
        (problem,) = caught.value.details
        assert problem.line == 3
        assert "expected one of 'increase'" in problem.message
        assert "got 'upward'" in problem.message

    def test_attribute_alone_must_agree(self) -> None:
        with pytest.raises(FormatError, match="target 40, its attributes target=50"):
            formats.loads("## Grow\n- Raise NPS from 30 to 40 {target=50}\n", "markdown")

    def test_not_measurable_statement_is_free(self) -> None:
        text = "## Grow\n- Ship the thing {direction=increase start=0 target=10}\n"
        assert formats.loads(text, "markdown").objectives[0].key_results[0].target == 10

    def test_written_disagreement_is_a_title(self) -> None:
        kr = KeyResult(title="Reduce churn from 5% to 4%", direction="increase", start=0, target=1)
        plan = Plan(objectives=[Objective(title="Grow", key_results=[kr])])
        text = formats.dumps(plan, "markdown")
        assert "{.title direction=increase" in text
        assert formats.loads(text, "markdown") == plan


class TestItemsUnderAKeyResult:
    """Finding 3: items indented under a key result are check-ins or notes, never key results."""

    def read(self, sub: str) -> Plan:
        text = (
            "## Grow\n"
            "- k {direction=increase start=1 target=2}\n"
            f"  {sub}\n"
            "  - 2026-08-02: 1.5\n"
            "- k2 {direction=increase start=1 target=2}\n"
        )
        return formats.loads(text, "markdown")

    @pytest.mark.parametrize(
        "sub",
        [
            "- 2026-08-01T09:30:00: 4",
            "- 2026-08-01 09:30+02:00: 4",
            "- 2026-8-1: 4",
            "- 2026-08-01 4",
        ],
    )
    def test_a_check_in_badly_written_is_an_error(self, sub: str) -> None:
        with pytest.raises(FormatError) as caught:
            self.read(sub)
        (problem,) = caught.value.details
        assert problem.line == 3
        assert "YYYY-MM-DD: value" in problem.message
        assert "UTC offset" in problem.message

    @pytest.mark.parametrize(
        "sub", ["- Talked to legal, blocked on contract", "- Aug 3: 5", "- Raise NPS from 1 to 5"]
    )
    def test_a_comment_is_kept_as_text(self, sub: str) -> None:
        (obj,) = self.read(sub).objectives
        assert [kr.title for kr in obj.key_results] == ["k", "k2"]
        assert obj.description == sub[2:]
        assert len(obj.key_results[0].check_ins) == 1

    def test_an_objective_item_under_a_key_result_still_aligns_to_it(self) -> None:
        text = (
            "## Grow\n"
            "- Raise NPS from 30 to 40 {#nps}\n"
            "  - Objective: Fix onboarding\n"
            "    - Cut drop-off from 40% to 20%\n"
        )
        _, fix = formats.loads(text, "markdown").objectives
        assert fix.aligned_to == "nps"
        assert [kr.title for kr in fix.key_results] == ["Cut drop-off from 40% to 20%"]


class TestLabels:
    """Finding 4: labels are kept out of titles and ids, and their numbers out of targets."""

    @pytest.mark.parametrize(
        "line",
        [
            "1. **KR 1.4**: Migrate 100% of services to Kubernetes",
            "- *KR2*: Migrate 100% of services to Kubernetes",
            "- Key Result 3: Migrate 100% of services to Kubernetes",
            "- KR-4: Migrate 100% of services to Kubernetes",
            "- KR: Migrate 100% of services to Kubernetes",
            "- **KR 5: Migrate 100% of services to Kubernetes**",
        ],
    )
    def test_key_result_labels(self, line: str) -> None:
        plan = formats.loads(f"## Grow\n{line} => 66%\n", "markdown")
        (kr,) = plan.objectives[0].key_results
        assert kr.title == "Migrate 100% of services to Kubernetes"
        assert kr.id == "migrate-100-of-services-to-kubernetes"
        assert (kr.target, kr.unit, kr.current) == (100, "%", 66)

    @pytest.mark.parametrize(
        "heading",
        [
            "## 2. Grow",
            "## Objective #3: Grow",
            "## OKR 4: Grow",
            "## 🎯 O1: Grow",
            "## 🚀 Objective 6: Grow",
            "## **Objective 7:** Grow",
            "## *O8*: Grow",
        ],
    )
    def test_objective_labels(self, heading: str) -> None:
        plan = formats.loads(f"{heading}\n- Raise NPS from 30 to 40\n", "markdown")
        (obj,) = plan.objectives
        assert (obj.title, obj.id) == ("Grow", "grow")

    @pytest.mark.parametrize(
        "title", ["2. Grow", "OKR 4: Grow", "🎯 O1: Grow", "Key Result 3 Grow", "*KR2*: Grow"]
    )
    def test_titles_that_look_like_labels_written_back(self, title: str) -> None:
        kr = KeyResult(title=title, direction="increase", start=0, target=1)
        plan = Plan(objectives=[Objective(title=title, key_results=[kr])])
        assert formats.loads(formats.dumps(plan, "markdown"), "markdown") == plan


class TestToDoBoxes:
    """Finding 5: a box before a measurable statement is a to-do marker, not a milestone."""

    def read(self, line: str) -> KeyResult:
        text = f"As of: 2026-08-01\n## Grow\n{line}\n"
        (kr,) = formats.loads(text, "markdown").objectives[0].key_results
        return kr

    def test_notion_to_do(self) -> None:
        kr = self.read("- [ ]  KR1: Grow MRR from $120k to $180k → $151k")
        assert kr.title == "Grow MRR from $120k to $180k"
        assert (kr.direction.value, kr.start, kr.target, kr.unit) == (
            "increase",
            120000,
            180000,
            "$",
        )
        assert kr.current == 151000

    def test_checked_to_do_is_done_at_its_target(self) -> None:
        kr = self.read("- [x] Grow MRR from $120k to $180k")
        assert kr.direction is Direction.INCREASE
        assert [(c.at, c.value) for c in kr.check_ins] == [(date(2026, 8, 1), 180000)]

    def test_a_box_before_other_text_is_a_milestone(self) -> None:
        assert self.read("- [x] Ship the new pricing page").direction is Direction.MILESTONE

    @pytest.mark.parametrize(
        ("lines", "line"),
        [("- [ ] Ship it → 5", 3), ("- [ ] Ship it\n  - 2026-08-01: 3", 4)],
    )
    def test_a_milestone_value_outside_0_1_is_an_error(self, lines: str, line: int) -> None:
        with pytest.raises(FormatError) as caught:
            self.read(lines)
        (problem,) = caught.value.details
        assert problem.line == line
        assert "a milestone's progress from 0 (not done) to 1 (done)" in problem.message

    def test_a_milestone_titled_as_a_measure_written_back(self) -> None:
        kr = KeyResult(title="Grow MRR from $120k to $180k", direction="milestone")
        plan = Plan(
            objectives=[Objective(title="Grow", key_results=[kr.check_in(1, at=date(2026, 8, 1))])]
        )
        assert formats.loads(formats.dumps(plan, "markdown"), "markdown") == plan

    def test_a_milestone_valued_outside_0_1_written_back(self) -> None:
        kr = KeyResult(title="Ship it", direction="milestone").check_in(2.5, at=date(2026, 8, 1))
        plan = Plan(objectives=[Objective(title="Grow", key_results=[kr])])
        text = formats.dumps(plan, "markdown")
        assert "{direction=milestone}" in text
        assert formats.loads(text, "markdown") == plan


class TestArrowInTheStatement:
    """Finding 6: an arrow between two numbers of a statement is part of it, not a note."""

    @pytest.mark.parametrize(
        ("line", "fields"),
        [
            ("- Reduce churn 5% → 4%", (Direction.DECREASE, 5, 4, "%")),
            ("- Increase NPS 30 -> 45", (Direction.INCREASE, 30, 45, None)),
        ],
    )
    def test_arrow_between_numbers(self, line: str, fields: tuple[object, ...]) -> None:
        (kr,) = formats.loads(f"## Grow\n{line}\n", "markdown").objectives[0].key_results
        assert kr.title == line[2:]
        assert (kr.direction, kr.start, kr.target, kr.unit) == fields
        assert kr.check_ins == ()

    def test_a_note_after_a_statement_is_still_a_note(self) -> None:
        text = "As of: 2026-08-01\n## Grow\n- Reduce churn 5% → 4% → 4.5%\n"
        (kr,) = formats.loads(text, "markdown").objectives[0].key_results
        assert (kr.title, kr.target, [c.value for c in kr.check_ins]) == (
            "Reduce churn 5% → 4%",
            4,
            [4.5],
        )

    def test_double_arrow_is_always_a_note(self) -> None:
        text = "As of: 2026-08-01\n## Grow\n- Increase NPS 30 => 45\n"
        (kr,) = formats.loads(text, "markdown").objectives[0].key_results
        assert (kr.title, [c.value for c in kr.check_ins]) == ("Increase NPS 30", [45])

    def test_with_a_direction_given_an_arrow_is_a_note(self) -> None:
        text = "As of: 2026-08-01\n## Grow\n- Reduce churn 5% → 4% {direction=none}\n"
        (kr,) = formats.loads(text, "markdown").objectives[0].key_results
        assert (kr.title, [c.value for c in kr.check_ins]) == ("Reduce churn 5%", [4])


class TestKeyResultHeadings:
    """Finding 7: a sub-heading labelled as a key result is a key result, its text kept."""

    TEXT = (
        "As of: 2026-08-01\n"
        "## Objective 1: Make the app fast\n"
        "\n"
        "### KR1: Reduce p95 latency from 400ms to 200ms\n"
        "Status: 280ms\n"
        "Blocked on the CDN contract.\n"
        "\n"
        "### KR 1.2: Cut cold start from 3s to 1s {#cold}\n"
        "- 2026-07-01: 2.5\n"
        "\n"
        "## Objective 2: Grow\n"
        "- Raise NPS from 30 to 40\n"
    )

    def test_read(self) -> None:
        fast, grow = formats.loads(self.TEXT, "markdown").objectives
        assert fast.title == "Make the app fast"
        assert fast.description == "Blocked on the CDN contract."
        latency, cold = fast.key_results
        assert latency.title == "Reduce p95 latency from 400ms to 200ms"
        assert (latency.start, latency.target, latency.unit) == (400, 200, "ms")
        assert [(c.at, c.value) for c in latency.check_ins] == [(date(2026, 8, 1), 280)]
        assert (cold.id, [c.value for c in cold.check_ins]) == ("cold", [2.5])
        assert [kr.title for kr in grow.key_results] == ["Raise NPS from 30 to 40"]

    def test_an_objective_titled_as_a_key_result_written_back(self) -> None:
        child = Objective(title="KR1: Grow", aligned_to="top")
        plan = Plan(objectives=[Objective(title="Top", id="top"), child])
        assert formats.loads(formats.dumps(plan, "markdown"), "markdown") == plan


class TestSetextHeadings:
    """Finding 8: a line underlined with === or --- is a heading."""

    def test_read(self) -> None:
        text = (
            "Q3 OKRs\n=======\n\n"
            "Grow revenue\n------------\n\n- Raise NPS from 30 to 40\n\n"
            "Retain\n---\n- Cut churn from 5% to 4%\n"
        )
        grow, retain = formats.loads(text, "markdown").objectives
        assert (grow.title, [kr.title for kr in grow.key_results]) == (
            "Grow revenue",
            ["Raise NPS from 30 to 40"],
        )
        assert (retain.title, [kr.title for kr in retain.key_results]) == (
            "Retain",
            ["Cut churn from 5% to 4%"],
        )

    def test_underline_like_description_written_back(self) -> None:
        plan = Plan(objectives=[Objective(title="Grow", description="x\n===\n---\n\n")])
        assert formats.loads(formats.dumps(plan, "markdown"), "markdown") == plan
