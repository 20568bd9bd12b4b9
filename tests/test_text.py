"""Tests for okrkit.text: reading OKR statements written in English."""

from __future__ import annotations

import math
import pickle
import re
import types
import typing
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from okrkit._money import SIGN_UNITS, SIGNS
from okrkit.errors import InvalidTypeError, InvalidValueError, OKRError
from okrkit.model import Direction, KeyResult, Objective, Plan
from okrkit.rules import RuleConfig, validate
from okrkit.text import (
    KeyResultReading,
    ParsedKeyResult,
    ParsedObjective,
    Span,
    canonical_unit,
    convert_unit,
    done_or_not,
    fill_from_statements,
    key_result_reader,
    parse_key_result,
    parse_objective,
    rate_of_outcomes,
    read_number,
    share_of_plan,
    to_key_result,
)
from okrkit.text._lexicon import (
    _HANDLED,
    _UNWANTED_THINGS,
    FREE_OF,
    HALF,
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    MADE,
    OBJECTIVE_METRIC,
    UNWANTED_DONE,
    higher_is_better,
    lower_is_better,
    may_name_metric,
    polarity,
)
from okrkit.text._patterns import (
    DEADLINE,
    DIGIT,
    IDENT,
    METRIC_END,
    TRIM_END,
    deadlines_in,
    ident_pattern,
    may_have_deadline,
    may_have_ident,
    metric_end,
    trim_end,
    words_of,
)
from okrkit.text._reading import (
    _COUNTED_THEN_SAID,
    _SLIPPED,
    _may_bound_after,
    _misspelt,
    _one_slip,
    _verb_word,
    parse_in_full,
)
from okrkit.text._templates import TEMPLATES
from okrkit.text._tokens import (
    TOKENS,
    has_number_word,
    may_have_number_word,
    may_have_placeholder,
    token_matches,
)
from okrkit.text._units import comparable, in_unit

CORPUS = Path(__file__).parent / "data" / "statements.yaml"
KR_FIELDS = ("direction", "form", "value", "start", "upper", "relative", "unit", "measurable")
KR_FIELDS += ("output",)
OBJECTIVE_FIELDS = ("numeric", "output")
FLOOR = 0.97


def corpus() -> dict[str, list[dict[str, Any]]]:
    import yaml

    with CORPUS.open(encoding="utf-8") as f:
        data: dict[str, list[dict[str, Any]]] = yaml.safe_load(f)
    return data


def observed(parsed: ParsedKeyResult) -> dict[str, object]:
    """The parsed fields in the corpus's vocabulary (directions by value)."""
    fields = attrs.asdict(parsed, recurse=False)
    direction = parsed.direction
    fields["direction"] = None if direction is None else direction.value
    return fields


def accuracy(rows: list[dict[str, Any]], fields: tuple[str, ...], parse: Any) -> dict[str, float]:
    """The share of rows whose every field in *fields* the parser gets right, field by field."""
    right = dict.fromkeys(fields, 0)
    misses: list[str] = []
    for row in rows:
        got = (
            observed(parse(row["text"]))
            if parse is parse_key_result
            else attrs.asdict(parse(row["text"]))
        )
        for field in fields:
            if got[field] == row[field]:
                right[field] += 1
            else:
                misses.append(f"  {row['text']!r}: {field} {got[field]!r}, want {row[field]!r}")
    scores = {field: right[field] / len(rows) for field in fields}
    print(f"\n{parse.__name__} accuracy on {len(rows)} statements:")
    for field, score in scores.items():
        print(f"  {field:<11} {score:7.1%}")
    print("\n".join(misses))
    return scores


class TestCorpus:
    def test_size(self) -> None:
        """The corpus holds at least 250 key results and 60 objectives."""
        data = corpus()
        assert len(data["key_results"]) >= 250
        assert len(data["objectives"]) >= 60

    def test_key_result_accuracy(self) -> None:
        """Every annotated key result field is read right at least 97% of the time."""
        scores = accuracy(corpus()["key_results"], KR_FIELDS, parse_key_result)
        assert {} == {field: score for field, score in scores.items() if score < FLOOR}

    def test_metric_accuracy(self) -> None:
        """Where the corpus names the metric, it is found."""
        rows = [row for row in corpus()["key_results"] if "metric" in row]
        missed = [r["text"] for r in rows if parse_key_result(r["text"]).metric != r["metric"]]
        assert [] == missed

    def test_objective_accuracy(self) -> None:
        """Objectives are told numeric and output at least 97% of the time."""
        scores = accuracy(corpus()["objectives"], OBJECTIVE_FIELDS, parse_objective)
        assert {} == {field: score for field, score in scores.items() if score < FLOOR}


def well_formed(parsed: ParsedKeyResult, text: str) -> None:
    """The invariants every parse keeps, whatever the text."""
    assert text == parsed.text
    assert parsed.direction is None or isinstance(parsed.direction, Direction)
    assert parsed.form in (None, "change", "target")
    for number in (parsed.value, parsed.start, parsed.upper):
        assert number is None or isinstance(number, float)
        # Finite, and no negative zero: what JSON and a KeyResult can hold as written.
        assert number is None or math.isfinite(number)
        assert number is None or number != 0 or math.copysign(1, number) > 0
    assert parsed.measurable == (parsed.value is not None)
    assert not parsed.relative or parsed.form == "change"
    assert parsed.upper is None or parsed.direction is Direction.WITHIN
    # A start goes with a level, or with a change a verb of change moves from it.
    assert (
        parsed.start is None
        or parsed.form == "target"
        or parsed.direction in (Direction.INCREASE, Direction.DECREASE)
    )
    for text_field in (parsed.unit, parsed.metric, parsed.deadline):
        assert text_field is None or (isinstance(text_field, str) and text_field)
    assert all(isinstance(a, str) and a for a in parsed.ambiguities)
    for span in parsed.spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
    assert parsed.metric is None or parsed.metric in [s.text for s in parsed.spans]


WORDS = st.sampled_from(
    [
        "reduce",
        "increase",
        "keep",
        "launch",
        "churn",
        "NPS",
        "by",
        "to",
        "from",
        "of",
        "at",
        "least",
        "over",
        "under",
        "between",
        "and",
        "within",
        "8%",
        "5,000",
        "$1.2M",
        "€3k",
        "10x",
        "two",
        "a",
        "dozen",
        "X%",
        "TBD",
        "Q3",
        "by",
        "EOQ",
        "v2",
        "p95",
        "ms",
        "hours",
        "or",
        "higher",
        "-",
        "–",
        ">",
        "<",
        "≥",
        "double",
        "halve",
        "in",
        "half",
        "per",
        "month",
        "users",
        "stars",
        "(",
        ")",
        ",",
        "İ",
        "\x00",
        "☃",
        "\n",
    ]
)


class TestParseKeyResult:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "Reduce churn by 8%",
                {"direction": "decrease", "form": "change", "value": 8.0, "relative": True},
            ),
            (
                "Increase NPS from 32 to 50",
                {"direction": "increase", "form": "target", "value": 50.0, "start": 32.0},
            ),
            ("Grow MAU by 50,000", {"form": "change", "value": 50000.0, "relative": False}),
            ("Drive a 20% increase in sign-ups", {"form": "change", "metric": "sign-ups"}),
            ("Increase NPS to over 50", {"direction": "increase", "form": "target"}),
            ("Achieve a CSAT score of 4.5 or higher", {"form": "target", "value": 4.5}),
            ("99.95% availability", {"direction": "at_least", "form": "target", "unit": "%"}),
            ("Keep uptime at or above 99.9%", {"direction": "at_least", "value": 99.9}),
            ("Keep p95 latency between 95 and 105 ms", {"direction": "within", "upper": 105.0}),
            ("Ship v2 to production", {"direction": "milestone", "measurable": False}),
            ("Hold 12 customer interviews", {"measurable": True, "output": True}),
            ("Reduce churn by X% (tbd)", {"value": None, "measurable": False}),
            ("Generate $561k in pipeline", {"value": 561000.0, "unit": "$"}),
            ("Hire a dozen engineers", {"value": 12.0, "unit": "engineers"}),
            ("Halve onboarding time", {"form": "change", "value": 2.0, "unit": "x"}),
            ("Reach 1.2M users within 3 months", {"value": 1.2e6, "deadline": "within 3 months"}),
            ("Grow MAU to 50,000 by March 31", {"value": 50000.0, "deadline": "by March 31"}),
            ("Increase NPS from -10 to 20", {"start": -10.0, "value": 20.0}),
            ("Reduce steps from twelve to three", {"start": 12.0, "value": 3.0}),
            ("Get two hundred reviews", {"value": 200.0, "unit": "reviews"}),
            ("NPS=50", {"direction": "at_least", "form": "target", "value": 50.0}),
            ("p95 latency <300ms", {"direction": "at_most", "unit": "ms"}),
            ("Eliminate manual invoicing", {"direction": "decrease", "value": 0.0}),
            ("Make sales more efficient", {"direction": "increase", "output": False}),
            ("Improve p95 latency to 200ms or better", {"direction": "decrease"}),
            ("Achieve SOC 2 certification", {"direction": "milestone", "output": True}),
            ("Achieve product-market fit", {"direction": "milestone", "form": None}),
            ("Hit the new logo goals", {"direction": "increase", "form": None}),  # D13
            ("Grow revenue 10x", {"direction": "increase", "unit": "x", "relative": True}),
            ("Sign-ups up 20% month over month", {"direction": "increase", "form": "change"}),
            ("Costs down 5%", {"direction": "decrease", "form": "change"}),
            ("Deliver 30% more qualified leads", {"output": False, "metric": "qualified leads"}),
            ("Churn reduced to 3%", {"direction": "decrease", "form": "target"}),
            ("Test coverage ≥ 80%", {"direction": "at_least", "output": False}),
            ("Reduce churn by 2 percentage points", {"relative": False, "unit": "%"}),
            ("Increase NPS by 10 points", {"unit": "points", "relative": False}),
            ("Land 5 Fortune 500 logos", {"value": 5.0, "unit": "logos"}),
            ("Upgrade to Python 3.12", {"measurable": False}),
            ("Keep weekly churn at 2%", {"direction": "at_most"}),
            ("Cut the backlog from 5%", {"start": None, "value": 5.0}),
            ("NPS>50", {"direction": "at_least", "value": 50.0, "metric": "NPS"}),
            ("At least 80% of features behind flags", {"direction": "at_least", "value": 80.0}),
            ("Hire 5 very senior backend platform engineers", {"unit": "engineers"}),
            ("Bring the cloud bill down to $25k", {"direction": "decrease", "form": "target"}),
            ("Grow pipeline coverage to 3x", {"form": "target", "value": 3.0, "unit": "x"}),
            ("Revenue growth of 20%", {"direction": "increase", "form": "change"}),
            (
                "Revenue 20% higher",
                {"direction": "increase", "form": "change", "metric": "Revenue"},
            ),
            ("", {"direction": None, "form": None, "measurable": False, "spans": ()}),
        ],
    )
    def test_worked_examples(self, text: str, expected: dict[str, object]) -> None:
        """Each statement from the issue, and each family, reads as a careful reader would."""
        got = observed(parse_key_result(text))
        assert expected == {field: got[field] for field in expected}

    @pytest.mark.parametrize(
        ("text", "start", "value"),
        [
            ("Increase NPS 32 to 50", 32.0, 50.0),
            ("NPS 32 → 50", 32.0, 50.0),
            ("Grow ARR $1M -> $2M", 1_000_000.0, 2_000_000.0),
            ("Lift activation 40% ⟶ 55% by Q3", 40.0, 55.0),
            ("Reduce churn 5% --> 4%", 5.0, 4.0),  # a long arrow (it read a range's dash)
            ("Reduce manual steps from twelve ==> three", 12.0, 3.0),  # "=>" as ever
            ("Increase NPS from 32 to 50", 32.0, 50.0),  # "from" as ever
            ("Keep latency 100 to 200 ms", None, 200.0),  # holding: no move from 100
            (
                "Grow users 10 and 20",
                None,
                10.0,
            ),  # two targets: the first (D6)  # "and" links no start
            ("Grow sign-ups by 5 to 20", None, 5.0),  # "by 5" is the change, not a start
            ("Raise test coverage 60 to 80%", 60.0, 80.0),
            # two lengths of time: the start in the target's unit
            ("Reduce MTTR 2 hours to 30 minutes", 120.0, 30.0),
            # Not a level of the same thing, or a count's range: no start.
            ("Increase NPS 10 points to 50", None, 50.0),
            ("Hire 5 to 10 engineers", None, 10.0),
            ("Deliver 3 to 5 case studies", None, 5.0),
            ("Interview 10 to 15 customers", None, 15.0),
            ("Reduce support tickets 20 to 30%", None, 30.0),  # a range of the cut
            ("Resolve 80 to 90% of tickets in first contact", None, 90.0),  # nothing named
            ("Raise $500k to $750k in grants", None, 750_000.0),
            ("Reduce open bugs 120 → 40 bugs", 120.0, 40.0),  # an arrow is never a range
            ("Double signups 5k → 10k", 5_000.0, 10_000.0),  # the target, not "x 10,000"
            ("Double signups from 5k to 10k", 5_000.0, 10_000.0),
            ("Halve MTTR 4h → 2h", 4.0, 2.0),
        ],
    )
    def test_linked_start(self, text: str, start: float | None, value: float) -> None:
        """A bare number linked to the value by "to" or an arrow is its start."""
        parsed = parse_key_result(text)
        assert (start, value) == (parsed.start, parsed.value)
        well_formed(parsed, text)

    def test_rate_ambiguity(self) -> None:
        """'By 5%' of a rate reads as relative, and says it could be percentage points."""
        parsed = parse_key_result("Reduce the churn rate by 5%")
        assert (True, "churn rate") == (parsed.relative, parsed.metric)
        assert 1 == len(parsed.ambiguities)
        assert "percentage points" in parsed.ambiguities[0]

    def test_improve_ambiguity(self) -> None:
        """'Improve' with no numbers nor metric hint says it assumed up; of a metric better
        high, it says why (it said "does not say whether the metric goes up or down" of NPS)."""
        parsed = parse_key_result("Improve onboarding")
        assert Direction.INCREASE == parsed.direction
        assert ["'improve' does not say whether the metric goes up or down: read as up"] == list(
            parsed.ambiguities
        )
        parsed = parse_key_result("Improve NPS to 45")
        assert Direction.INCREASE == parsed.direction
        assert ["'improve' does not say which way: read as up, as the metric is better high"] == (
            list(parsed.ambiguities)
        )

    def test_condition_ambiguity(self) -> None:
        """A number that is not the target is reported as a condition."""
        parsed = parse_key_result("Respond to 95% of tickets within 2 hours")
        assert 95.0 == parsed.value
        assert ("'2 hours' read as a condition, not the target",) == parsed.ambiguities

    def test_spans(self) -> None:
        """Spans mark the verb, metric, value and deadline where they are."""
        parsed = parse_key_result("Reduce churn by 8% by Q3")
        expected = [
            Span("verb", 0, 6, "Reduce"),
            Span("metric", 7, 12, "churn"),
            Span("value", 16, 18, "8%"),
            Span("deadline", 19, 24, "by Q3"),
        ]
        assert expected == list(parsed.spans)

    def test_placeholder_span(self) -> None:
        """A placeholder is marked as such, not as a value."""
        parsed = parse_key_result("Grow MAU to N users")
        assert ["placeholder"] == [s.label for s in parsed.spans if s.label != "metric"][1:]

    @pytest.mark.parametrize("bad", [None, 8, b"Reduce churn", ["Reduce churn"]])
    def test_not_a_string(self, bad: object) -> None:
        """Anything but a str is an InvalidTypeError naming the argument."""
        with pytest.raises(InvalidTypeError, match="text: expected a str"):
            parse_key_result(bad)  # type: ignore[arg-type]

    @given(st.lists(WORDS, max_size=12).map(" ".join))
    def test_statement_like_text_is_well_formed(self, text: str) -> None:
        """Jumbled statement words never raise and always give a well-formed parse."""
        well_formed(parse_key_result(text), text)

    @given(st.text(max_size=80))
    def test_any_text_is_well_formed(self, text: str) -> None:
        """Any string at all never raises and gives a well-formed parse."""
        well_formed(parse_key_result(text), text)

    def test_huge_text(self) -> None:
        """A very long text is read without error, in one pass."""
        text = "Reduce churn by 8% and " * 5000
        well_formed(parse_key_result(text), text)


# Words for statements with no number: verbs of every kind, nouns, metrics, little words.
NUMBERLESS = st.sampled_from(
    [
        "ship",
        "reduce",
        "keep",
        "improve",
        "reach",
        "identify",
        "track",
        "the",
        "API",
        "is",
        "audited",
        "cloud",
        "cost",
        "uptime",
        "and",
        "error",
        "rate",
        "our",
        "users",
        "faster",
        "shorter",
        "more",
        "of",
        "dashboard",
        "streaming",
        "implemented",
        "support",
        "churn",
        "below",
        "test",
        "coverage",
        "have",
        "be",
        "a",
        "policy",
        "fully",
        "launch",
        "new",
        "for",
        "all",
    ]
)


class TestJudgement:
    """What a statement says as a whole: its direction, whether it is measurable, an output."""

    @pytest.mark.parametrize(
        ("text", "direction", "output"),
        [
            # A deliverable or a finished state, with no number: a milestone, an output.
            ("Dark mode supports high-contrast themes", "milestone", True),
            ("The billing service is audited", "milestone", True),
            ("Offline sync", "milestone", True),
            ("Prototype and release", "milestone", True),
            ("Refund policy fully implemented", "milestone", True),
            ("Add a changelog page", "milestone", True),
            ("Identify the owners of every service", "milestone", True),
            # A share of things done within a time limit is a service level, whatever the verb.
            ("Alert on 100% of failed syncs within 5 minutes", "increase", False),
            ("Migrate 100% of services to Kubernetes", "increase", True),
            # "in" a time of minutes to days, for fewer than all: each thing's time limit
            ("Run 95% of the builds in 10 minutes", "increase", False),
            ("Migrate 80% of services in 6 weeks", "increase", True),  # weeks: the work's
            # A verb of holding, change or reaching, or a metric alone: no milestone.
            ("Maintain a healthy on-call rotation", "at_least", False),
            ("Improve memory usage", "decrease", False),
            ("Meet the regional partner goals", "increase", False),
            ("Hosting cost", "at_most", False),
            ("Checkout conversion", "at_least", False),
            ("Uptime and error rate", None, False),
            ("Page load time is shorter", "decrease", False),
            ("Make search results more relevant", "increase", False),
            ("Make the editor as fast as the viewer", "increase", False),
            ("Make builds faster", "increase", False),
            ("A faster checkout time", "decrease", False),
            ("", None, False),
            ("?!", None, False),
            # A verb the lists do not name, with a count: an activity.
            ("Identify 15 partner agencies", "increase", True),
            ("Speak at 6 meetups", "increase", True),
            ("Gather at least 3 rounds of feedback", "increase", True),
            # A number with no verb: polarity, a share, others' counts, own work, zero.
            ("Checkout error rate 0.5%", "at_most", False),
            ("Weekly active teams 1,200", "at_least", False),
            ("90% of tickets answered within a day", "at_least", False),
            ("100% of failed payments retried or refunded", "at_least", False),
            ("Payment failure rate 2%", "at_most", False),
            ("40 paying schools", "at_least", False),
            ("8 tutorials published on the blog", "increase", True),
            ("5 support engineers hired and onboarded", "increase", True),
            ("6 demos requested", "at_least", False),
            ("Have 300 community members", "at_least", False),
            ("Have 4 guides delivered to partners", "increase", True),
            ("Zero data-loss incidents", "at_most", False),
            # With no verb a baseline changes no direction: a level of others' (D2).
            ("Sessions 40 to 55", "increase", False),  # D19: a baseline, a move
            ("Sessions 12 in the first week", "at_least", False),  # a count of others' (D2)
            ("Likes: 800", "at_least", False),
            # After a number a verb is no imperative; a metric's name is no verb.
            ("90% of nightly builds ship without a manual step", "at_least", False),
            ("Churn below 2%", "at_most", False),
            ("Churn 3% or lower", "at_most", False),
            ("Change failure rate under 5%", "at_most", False),
            ("Test coverage at 85%", "at_least", False),
            # A word that may be a verb, then a metric's name and a bound: the name's.
            ("Forecast accuracy above 90%", "at_least", False),
            ("Forecast accuracy of at least 90%", "at_least", False),
            ("Open ticket backlog below 50", "at_most", False),
            ("Review turnaround under 24 hours", "at_most", False),
            ("Review all 40 contracts above $1M", "increase", True),  # its object's count
            ("Offer acceptance rate from 70% to 85%", "increase", False),  # a head noun
            ("Release cadence at 2 per month", "at_least", False),
            # An activity bounded from above is a ceiling, not work to count up.
            ("Page the on-call fewer than 5 times per week", "at_most", False),
            ("Reopen fewer than 5% of tickets", "at_most", False),
            # A bound negated is the other bound.
            ("Publish no fewer than 12 posts", "increase", True),
            ("No fewer than 10 customers", "at_least", False),
            ("Forecast accuracy not below 90%", "at_least", False),
            ("Keep churn not above 5%", "at_most", False),
            # Things in the plural before a bound are an activity's object, with a condition.
            ("Review contracts above $1M", "increase", True),
            ("Train models above 90% accuracy", "increase", True),
            ("Forecast accuracy of 90%", "at_least", False),
            # From a trial in other fields: a metric's name before a band; a noun counted per
            # something is no verb; "down" is a subject's change; vacancies are better few.
            ("Forecast variance within ±3% each quarter", "within", False),
            ("Patient falls per 1,000 bed days below 3.5", "at_most", False),
            ("Open litigation matters down from 42 to 30", "decrease", False),
            ("Keep nurse vacancy rate at 5%", "at_most", False),
            # A version after a verb that puts one out names it: no count.
            ("Release 2.0 with plugin API", "milestone", True),
            ("Ship 3.1 to all users", "milestone", True),
            ("Ship 2.5 features a week", "increase", True),
            # "Down" or "up" after a metric, before its numbers, is its change.
            ("Average handle time down to 6 minutes", "decrease", False),
            ("Churn down from 5% to 3%", "decrease", False),
            ("ARR up by 20%", "increase", False),
            ("Tickets up to 50 a week", "at_most", False),  # "up to": a ceiling
            ("NRR 110% (up from 104%)", "increase", False),  # a baseline (D19)
            # A signed level with a bound is the bound's: no change.
            ("eNPS +20 or better", "at_least", False),
            # After "No" a verb is its subject's: a ceiling of zero (the time, a condition).
            ("No ticket waits more than 48 hours for a first reply", "at_most", False),
            ("Lead time under 2 days", "at_most", False),
            ("Track record of 12 releases", "at_least", False),
            ("Track all open incidents", "milestone", True),
            ("Off the shelf tools cost", "at_most", False),
            ("Mean time to restore, e.g. time to detect", "at_most", False),
            ("Re-writing and testing the setup guide (for new hires)", "milestone", True),
            ("Status page. Uptime", "milestone", True),
            # An activity's time limit is a ceiling, and an outcome.
            ("Triage all P1 bugs within 2 days", "at_most", False),
            ("Resolve every escalation within 4 hours", "at_most", False),
            ("Run 3 workshops within the quarter", "increase", True),
            # None of something: a ceiling of zero, measurable.
            ("No invoices sent twice", "at_most", False),
            ("None of the nightly jobs fail silently", "at_most", False),
            ("The mobile app doesn't have blocking crashes", "at_most", False),
            ("No more than 3 pages a week", "at_most", False),
            # "Add N X": the team's own work unless X is a metric (D1).
            ("Add 2 backend developers", "increase", True),
            ("Add 200 paying customers", "increase", False),
            ("Add $1M in ARR", "increase", False),
            # A number "as measured by" is the metric's level, not the activity's count.
            ("Deliver a great onboarding, as measured by a CSAT of 4.5+", "at_least", False),
            ("Improve triage as indicated by no more than 2 stale tickets", "at_most", False),
            # A vague count of others with no number.
            ("Several teams using the new billing API", "at_least", False),
            # A verb after a short subject, before any number.
            ("Each of our apps and services reduce cold starts by 30%", "decrease", False),
            ("The support team has published 8 tutorials", "increase", True),
            ("The support team has 8 tutorials", "at_least", False),
            ("Search reaches 2 million weekly users", "increase", False),
            # A leading -s form with no object is a plural subject, not an imperative.
            ("Upgrades take less than 30 minutes", "at_most", False),
            ("Hires 5 engineers", "increase", True),
            # An irregular past form that starts unlike its verb; a verb inside a word.
            ("Brought the new app to market", "milestone", True),
            ("Launch the new brand reach campaign for 5 markets", "increase", True),
            ("Our apps hit the top quartile on store ratings", "increase", False),
            ("Every squad identifies 3 risks per quarter", "increase", True),
            ("Continuous delivery drives `billing-*` packages", "milestone", True),
            ("Release notes explain every change", "milestone", True),
            ("Weekly reports indicate that over 80% of squads are on track", "at_least", False),
        ],
    )
    def test_worked_examples(self, text: str, direction: str | None, output: bool) -> None:
        """Each family reads as the corpus's conventions say (tests/data/real/README.md)."""
        parsed = parse_key_result(text)
        got = None if parsed.direction is None else parsed.direction.value
        assert (direction, output) == (got, parsed.output)
        if parsed.value is None and not any(s.label == "placeholder" for s in parsed.spans):
            assert parsed.form is None
        if parsed.value == 0 and parsed.direction is Direction.AT_MOST:
            assert (parsed.form, parsed.measurable) == ("target", True)

    @given(
        st.sampled_from(["Upgrades", "Deploys", "Builds", "Releases", "Restores", "Refunds"]),
        st.integers(1, 600),
        st.sampled_from(["less than", "under", "at most"]),
    )
    def test_a_plural_subject_that_is_also_a_verb(self, noun: str, n: int, limit: str) -> None:
        """An imperative is a verb's base form: "Upgrades take under 30 minutes" is a plural
        subject with a limit after it (at most 30 minutes, an outcome), not "upgrade" done."""
        parsed = parse_key_result(f"{noun} take {limit} {n} minutes")
        assert (parsed.direction, parsed.value, parsed.unit, parsed.output) == (
            Direction.AT_MOST,
            n,
            "min",
            False,
        )

    @pytest.mark.parametrize(
        ("text", "said"),
        [
            ("Streaming API for partners", "read as a deliverable, done or not"),
            ("Hosting cost", "read as a metric to hold, at most where it is"),
            ("Checkout conversion", "read as a metric to hold, at least where it is"),
            ("Checkout conversion 4%", "no verb: read as at least, from what is better"),
            ("Checkout error rate 0.5%", "no verb: read as at most, from what is better"),
            ("40 paying schools", "'40 paying schools' with no verb: read as a count of what"),
            ("8 tutorials published", "read as the team's own work to increase; it could be"),
            ("Add 2 backend developers", "read as the team's own work; it could be what others"),
            ("Add 200 paying customers", "read as what others do or have; it could be the team"),
        ],
    )
    def test_guesses_are_said(self, text: str, said: str) -> None:
        """Where a statement with no verb reads two ways, `ambiguities` says how it was read."""
        assert any(said in a for a in parse_key_result(text).ambiguities)

    @pytest.mark.parametrize(
        "text",
        [
            "No invoices sent twice",
            "Zero data-loss incidents",
            "NPS > 50",
            "Sign-ups +20%",
            "3x pipeline",
            "Page load time is shorter",
        ],
    )
    def test_what_the_words_say_is_no_guess(self, text: str) -> None:
        """A zero, a qualifier, a sign, a factor or a comparative says the direction."""
        assert not [a for a in parse_key_result(text).ambiguities if "no verb" in a]

    @given(st.lists(NUMBERLESS, max_size=10).map(" ".join))
    def test_no_number_is_never_measurable(self, text: str) -> None:
        """A statement with no number is never measurable, and has no form."""
        parsed = parse_key_result(text)
        assert not parsed.measurable
        assert parsed.form is None

    @given(st.lists(WORDS | NUMBERLESS, max_size=10).map(" ".join))
    def test_milestone_has_no_form(self, text: str) -> None:
        """A milestone has no form, no value and is not measurable; it is an output unless
        it is a certification or audit to pass."""
        parsed = parse_key_result(text)
        if parsed.direction is Direction.MILESTONE:
            assert (parsed.form, parsed.value, parsed.measurable) == (None, None, False)


class TestUnits:
    """One table of units: the spellings the reader reads, and `canonical_unit` for the rules."""

    @pytest.mark.parametrize(
        ("spelling", "unit"),
        [
            ("%", "%"), ("percent", "%"), ("PCT", "%"), ("USD", "$"), ("dollars", "$"),
            ("€", "€"), ("euros", "€"), ("gbp", "£"), ("yen", "¥"), ("ms", "ms"),
            ("milliseconds", "ms"), ("Secs", "s"), ("minute", "min"), (" hrs ", "h"),
            ("hour", "h"), ("d", "days"), ("days", "days"), ("wk", "weeks"), ("month", "months"),
            ("KWH", "kWh"), ("tonnes", "t"), ("mile", "miles"),
            ("CHF", "CHF"), ("sek", "SEK"), ("bps", "bps"), ("basis points", "bps"),
            ("litres", "L"), ("l", "L"), ("°c", "°C"), ("Celsius", "°C"), ("°F", "°F"),
            ("customers", None), ("x", None), ("francs", None), ("", None),
        ],
    )  # fmt: skip
    def test_canonical_unit(self, spelling: str, unit: str | None) -> None:
        """Each spelling of a known unit, in any case and spacing, names it; other words none."""
        assert unit == canonical_unit(spelling)

    @pytest.mark.parametrize(
        "text",
        [
            "Cut p95 latency from 800 milliseconds to 300 ms",
            "Cut wait from 6 hours to 2 hrs",
            "Grow MRR from USD 10k to 20k dollars",
            "Cut lead time from 10 days to 5 days",
            "Grow sales by 500 yen",
            "Cut energy use by 20 kWh per unit",
            "Raise NPS from 30% to 50%",
        ],
    )
    def test_the_reader_writes_canonical_units(self, text: str) -> None:
        """The unit the reader writes is in its canonical form: it is what the table names."""
        unit = parse_key_result(text).unit
        assert unit is not None
        assert unit == canonical_unit(unit)

    def test_bad_type(self) -> None:
        """A unit must be a string."""
        with pytest.raises(InvalidTypeError, match="unit"):
            canonical_unit(3)  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError, match="value"):
            convert_unit("3", "h", "min")  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError, match="unit"):
            convert_unit(3, None, "min")  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError, match="value"):
            convert_unit(True, "h", "min")
        # a value no float holds, as given or in the unit it goes to (a hostile trial)
        for huge in (10**400, 1e308, Decimal("1e400"), math.nan):
            with pytest.raises(InvalidValueError, match="a float holds"):
                convert_unit(huge, "years", "ms")
        assert 90.0 == convert_unit(Decimal("1.5"), "h", "min")

    _TIME = ("ms", "msec", "s", "secs", "min", "minutes", "h", "hrs", "days", "d", "weeks",
             "months", "years")  # fmt: skip
    _DATA = ("MB", "GB", "TB")
    _SHARE = ("%", "percent", "bps", "basis points")

    @given(
        st.floats(0, 1e9, allow_nan=False),
        st.one_of(
            st.tuples(st.sampled_from(_TIME), st.sampled_from(_TIME)),
            st.tuples(st.sampled_from(_DATA), st.sampled_from(_DATA)),
            st.tuples(st.sampled_from(_SHARE), st.sampled_from(_SHARE)),
        ),
    )
    def test_convert_unit_there_and_back(self, value: float, units: tuple[str, str]) -> None:
        """A length of time, a size of data or a share converts to another unit of its kind
        and back to what it was, and a larger unit holds fewer of them."""
        unit, to = units
        there = convert_unit(value, unit, to)
        assert there is not None
        back = convert_unit(there, to, unit)
        assert back == pytest.approx(value, rel=1e-9, abs=1e-12)
        one, reverse = convert_unit(1, unit, to), convert_unit(1, to, unit)
        assert one is not None
        assert reverse is not None
        assert (one >= 1) == (reverse <= 1)

    @pytest.mark.parametrize(
        ("unit", "to"),
        [
            ("%", "days"),
            ("h", "GB"),
            ("$", "€"),
            ("customers", "accounts"),
            ("kWh", "h"),
            ("points", "%"),
            ("bps", "points"),
        ],
    )
    def test_convert_unit_only_between_units_of_one_kind(self, unit: str, to: str) -> None:
        assert convert_unit(5, unit, to) is None

    def test_convert_unit_keeps_a_unit_as_it_is(self) -> None:
        """Two spellings of one unit, or one noun, convert to the number itself."""
        assert 5.0 == convert_unit(5, "USD", "$") == convert_unit(5, "customers", "Customers")
        assert 0.3 == convert_unit(300, "ms", "s")
        assert 14.0 == convert_unit(2, "weeks", "days")
        assert 0.5 == convert_unit(50, "bps", "%")

    @given(
        st.sampled_from(["$", "€", "£", "₹", "USD", "eur", "CHF", "SEK", "kr", "TRY", "INR", "₩"]),
        st.sampled_from([("k", 3), ("K", 3), ("thousands", 3), ("M", 6), ("MM", 6), ("mn", 6),
                         ("Mio.", 6), ("million", 6), ("bn", 9), ("Md", 9), ("Mrd", 9),
                         ("lakh", 5), ("crore", 7)]),
        st.sampled_from(["{scale}{currency}", "{currency}{scale}", "{scale} {currency}",
                         "{currency} {scale}"]),
    )  # fmt: skip
    def test_a_currency_at_a_scale(self, currency: str, scale: tuple[str, int], shape: str) -> None:
        """A unit field's currency at a scale ("TEUR", "$k", "INR lakh") is that many of the
        currency, and its canonical name names itself; written with no space, only a sign or
        a currency accounts join a scale to ("TRYk" is none: nor are "MCAD", "bars", "Mrs")."""
        word, power = scale
        unit = shape.format(scale=word, currency=currency)
        joined = len(currency) == 1 or currency.lower() in ("usd", "eur", "chf", "sek", "kr")
        if " " not in shape and not joined:
            assert canonical_unit(unit) is None or canonical_unit(unit) == canonical_unit(currency)
            return
        assert convert_unit(1, unit, currency) == 10**power
        named = canonical_unit(unit)
        assert named is not None
        assert canonical_unit(named) == named
        if len(currency) > 1 and joined:
            assert convert_unit(3, "T" + currency, currency) == 3000

    def test_a_start_in_percent_before_a_target_in_basis_points(self) -> None:
        """ "from 3% to 250 bps" starts at 300 bps (it read 3 bps, a rise)."""
        parsed = parse_key_result("Cut churn from 3% to 250 bps")
        assert (parsed.start, parsed.value, parsed.unit) == (300, 250, "bps")


class TestQuantities:
    """The grammar of quantities: which number is the target, what it counts, and names that
    carry numbers but are no quantity (issue 17's families, on examples written for them)."""

    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            ("Adopt RFC 7 across the fleet", None, None),
            ("Raise ₹1,00,000 in donations", 100_000.0, "₹"),  # grouped as India writes
            ("Reach 12,34,567 readers", 1_234_567.0, "readers"),
            ("Reach 1\u202f000\u202f000 users", 1_000_000.0, "users"),  # thin spaces
            ("Reach 1 000 000 users", 1_000_000.0, "users"),  # plain spaces, as SI writes
            ("Raise €1 250 000,50 in grants", 1_250_000.5, "€"),
            ("Deliver 3 100-page reports", 3.0, None),  # a count, then a length
            ("Run 10 000m", 10.0, None),  # no grouping before a letter (as before)
            ("Reach 1 000,500 users", 1.0, None),  # no decimal of three digits
            ("Onboard 2 000 users to v2 by Q3", 2_000.0, "users"),  # names stay names
            ("Install 20 050 chargers", 20_050.0, "chargers"),  # one group, led by 0
            ("Raise €12 500 in grants", 12_500.0, "€"),  # one group, after a currency sign
            # one group led by another digit: a count, then a size, as people write them
            ("Publish 4 500 word articles", 4.0, None),
            ("Reach 12 500 active users", 12_500.0, "users"),  # after a word of a level
            ("Reduce CAC from 3 200 € to 2 600 €", 2_600.0, "€"),
            ("Install 20 150 kW chargers", 20.0, None),
            ("Deliver 3 100\u2011page reports", 3.0, None),  # a non-breaking hyphen
            ("Plant 1 000 000 trees", 0.0, None),  # (as before: "Plant 1" a name, 000 left)
            ("Grow revenue to CHF 4'500'000.50", 4_500_000.5, "CHF"),  # as Switzerland writes
            ("Reach R$ 45 mil in sales", 45_000.0, "BRL"),  # a thousand, as Brazil writes it
            ("Raise deposits from Fr. 38'000 to Fr. 45'000", 45_000.0, "CHF"),  # Swiss francs
            ("Grow registered users from 1.800.000 to 2.500.000", 2_500_000.0, None),  # a 000
            ("Upgrade the fleet to 12.100.200", None, None),  # a version, as before
            ("Grow revenue to SFr. 2.5 Mio.", 2_500_000.0, "CHF"),
            ("Grow AuM to CHF 2.4 Mia.", 2_400_000_000.0, "CHF"),  # Swiss German billions
            ("Keep hiring spend under Rs 40 lacs", 4_000_000.0, "₹"),  # lakh, as also spelt
            ("Reach $45 mil in sales", 45_000_000.0, "$"),  # a million, American slang
            ("Reach 12’000 users", 12_000.0, "users"),
            ("Ship O'Reilly's 2 books", 2.0, "books"),
            ("Move every service to TLS 1.3", None, None),
            ("Be a top 3 vendor in the region", None, None),
            ("Be the #1 choice for data teams", None, None),
            ("Close issues [#812](https://example.org/issues/812) and #813", None, None),
            ("Document the `retry(3)` helper", None, None),
            ("Upgrade to Postgres 16.4.1 in staging", None, None),
            ("Move billing to Elixir 1.17 for every team", None, None),
            ("Sign 40 partners (up from 25)", 40.0, "partners"),
            ("Publish 12 guides (4 done)", 12.0, "guides"),
            ("Certify 300 staff and 4,000 volunteers", 300.0, "staff"),
            ("90% of pilots succeed, with a 50% cut in setup time", 90.0, "%"),
            ("Deliver at least 6 talks with a rating of 4 or higher", 6.0, "talks"),
            ("Keep 99% of jobs green within 2 days", 99.0, "%"),
            ("Raise ₹40 lakh in grants", 4_000_000.0, "₹"),
            ("Reach 2 crore rupees of revenue", 20_000_000.0, "₹"),
            ("Raise forty lakh in donations", 4_000_000.0, None),
            ("Get over 3/4 of buyers to renew", 75.0, "%"),
            ("Ship 5/4 of the plan", 5.0, None),
            ("At least half of teams use the template", 50.0, "%"),
            ("Cut onboarding time by a third", 100 / 3, "%"),
            ("Deploy 5x per day", 5.0, "times"),
            ("Run the retro at least once a sprint", 1.0, "times"),
            ("Serve twice as many schools", 2.0, "x"),
            ("Answer emails within 1 business day", 1.0, "days"),
            ("Mentor 8 juniors twice", 8.0, "juniors"),
            ("Grow the pool to 500+ testers", 500.0, "testers"),
            ("Field 4 or more squads", 4.0, "squads"),
            ("Hold 20 design reviews annually", 20.0, "reviews"),
            ("15 grant proposals submitted", 15.0, "proposals"),
            ("30 volunteer mentors written up", 30.0, "mentors"),
            ("9 chapters publish a newsletter", 9.0, "chapters"),
            ("60 ambassadors sharing the kit", 60.0, "ambassadors"),
            ("Hold 2 onboarding sessions", 2.0, "sessions"),
            ("Generate 900 sales qualified leads", 900.0, "leads"),
            ("4 engineers hired Tuesday", 4.0, "engineers"),
            ("A score of 45 NPS", 45.0, None),
            ("Log under 20 exceptions/week", 20.0, "exceptions"),
            ("Hire 3 engineers/designers", 3.0, "engineers/designers"),
            ("Publish 4 “deep dive” posts", 4.0, "posts"),
            ("No invoices sent to the wrong address", 0.0, "invoices"),
            ("No regressions in the release", 0.0, "regressions"),
            ("No — none at all", None, None),  # "no" before no noun: no zero read
            ("No more than 3 outages", 3.0, "outages"),
            ("Eliminate all P0 bugs", 0.0, "bugs"),
            ("Eliminate", 0.0, None),
            ("Reach €1,2M ARR", 1_200_000.0, "€"),  # a decimal comma, as Europe writes it
            ("Reach 1,5 million users", 1_500_000.0, "users"),
            ("Cut churn to 2,5%", 2.5, "%"),
            ("Price the plan at €4,50", 4.5, "€"),
            ("Ship 1,2 and 3", 1.0, None),  # a list: no currency, scale or % says decimal
            ("Serve 1e6 requests a day", 1_000_000.0, "requests"),
            ("Grow revenue to 1e308", 1e308, None),
            ("Lead time 18d", 18.0, "days"),  # a "d" on its number
            ("Renew 2 contracts in 6w", 2.0, "contracts"),  # "6w": six weeks, a condition
            ("Fix the crash on resume (crbug.com/852022)", None, None),  # an address
            ("Close 5 bugs filed at tracker.example.org/q/77", 5.0, "bugs"),
            ("Reach N<sub>2</sub> weekly active users", None, None),  # an indexed placeholder
            ("Reach $N<sup>1</sup> in renewals", None, "$"),  # a sum to come, in dollars
            ("ZZZ customer stories published", None, None),  # a placeholder in capitals
            ("Grow signups above the past 6 months' average", None, None),  # a window
            ("Beat the trailing 12 weeks of sales by 5%", 5.0, "%"),
            ("Run 4 workshops total", 4.0, "workshops"),  # a word after its noun
            ("Sign 300 schools nationwide", 300.0, "schools"),
            ("Hire 2 CEs", 2.0, "CEs"),  # the plural of an acronym, not a score's name
            ("Make the top two guides public", None, None),  # a rank in words (D7)
            ("[SPv2] Ship 3 scroll fixes", 3.0, "fixes"),  # a name in brackets, not "[ ]"
            ("Reach _N_ weekly active users", None, None),  # a placeholder in emphasis
            ("Replace the legacy form with a new one", None, None),  # "one" as a pronoun
            ("Draft a policy based on the existing one", None, None),
            ("Ship only one release a month", 1.0, "release"),
            ("Raise 500 € in donations", 500.0, "€"),  # the currency after the number
            ("Reach 500 k€ in ARR", 500_000.0, "€"),  # and its scale before it
            ("Raise 2 M$ this year", 2_000_000.0, "$"),
            ("Sell 5 $10 coupons", 5.0, None),  # a price of what is counted, not its unit
            ("Reach $2 mil in ARR", 2_000_000.0, "$"),  # "mil", "mln", "Mio." for million
            ("Reach 2 Mio. EUR in ARR", 2_000_000.0, "€"),
            ("Keep p95 under 300 msec", 300.0, "ms"),  # "msec", "millis" for ms
        ],
    )
    def test_value_and_unit(self, text: str, value: float | None, unit: str | None) -> None:
        """The target and what it counts, whatever else the statement names."""
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.unit) == (pytest.approx(value), unit)

    @given(
        st.sampled_from(["crbug.com", "github.com/acme/app/issues", "go.dev/issue", "a-b.io"]),
        st.integers(0, 10**9),
        st.sampled_from(["last", "past", "previous", "trailing"]),
        st.integers(2, 99),
        st.sampled_from(["days", "weeks", "months", "quarters", "years"]),
    )
    def test_addresses_and_windows_are_no_amounts(
        self, host: str, number: int, back: str, span: int, period: str
    ) -> None:
        """A number in an address written without its scheme, and a time window looked back
        over ("the past 6 months"), are no amounts: the statement's own number is the value,
        or there is none."""
        for text, value in (
            (f"Ship the new importer ({host}/{number})", None),
            (f"Triage 7 reports from {host}/{number}", 7.0),
            (f"Beat the {back} {span} {period} of sign-ups", None),
            (f"Grow sign-ups by 8% over the {back} {span} {period}", 8.0),
        ):
            assert parse_key_result(text).value == value, text

    @pytest.mark.parametrize(
        ("text", "start", "value", "unit"),
        [
            ("Reach 200k members (currently 125k)", 125_000.0, 200_000.0, "members"),
            ("Grow retention to 75% from 45% today", 45.0, 75.0, "%"),
            ("Lift uptime to 99.9% (up from 98.5%)", 98.5, 99.9, "%"),
            ("Resolve tickets in 5 days instead of 12", 12.0, 5.0, "days"),
            ("Cut review time from 3 days to under 4 hours", 72.0, 4.0, "h"),
            ("Cut builds from 2 min to 500 ms", 120_000.0, 500.0, "ms"),
            ("Grow storage from 500 GB to 2 TB", 0.5, 2.0, "TB"),
            ("Grow storage from 2 days to 5 GB", 2.0, 5.0, "GB"),
            ("Sign 40 partners from at least 3 regions", None, 40.0, "partners"),
        ],
    )
    def test_baselines(self, text: str, start: float | None, value: float, unit: str) -> None:
        """A baseline anywhere is the start, in the target's unit where both measure one thing."""
        parsed = parse_key_result(text)
        assert (parsed.start, parsed.value, parsed.unit) == (pytest.approx(start), value, unit)

    def test_form_of_a_count_before_its_verb(self) -> None:
        """A count written before a verb of change is a level: "20 case studies added"."""
        assert parse_key_result("25 templates added to the gallery").form == "target"

    def test_twice_as_many_is_a_change(self) -> None:
        """ "twice as many" is a relative change by a factor of 2."""
        parsed = parse_key_result("Serve twice as many schools")
        assert (parsed.form, parsed.relative, parsed.direction) == (
            "change",
            True,
            Direction.INCREASE,
        )

    def test_other_numbers_are_said(self) -> None:
        """A number that is not the target is named in the ambiguities."""
        parsed = parse_key_result("Certify 300 staff and 4,000 volunteers")
        assert parsed.ambiguities == ("'4,000' read as a condition, not the target",)

    @given(
        st.sampled_from(["RFC", "TLS", "top", "Top", "#", "ISO", "Tier", "Series", "rank"]),
        st.integers(min_value=0, max_value=99_999),
    )
    def test_names_are_never_values(self, name: str, number: int) -> None:
        """A name that carries a number is never the value, whatever the number."""
        parsed = parse_key_result(f"Ship the {name} {number} work to 40 teams")
        assert parsed.value == 40.0

    @given(
        st.integers(min_value=10**6, max_value=10**12)
        | st.builds(lambda a, b: a * 1000 + b, st.integers(1, 999), st.integers(0, 99)),
        st.sampled_from(["Grow weekly active users to {}", "{} monthly active users",
                         "Raise ${} in grants", "Cut cost from {} to 900 EUR",
                         "Sell {} units by Q3 2027", "Reach {} readers (currently 500)"]),
    )  # fmt: skip
    def test_thousands_grouped_by_spaces(self, number: int, template: str) -> None:
        """Thousands grouped by spaces, as SI and much of Europe write them ("1 000 000",
        "25 000": two groups, or one led by 0), read as when grouped by commas, and are
        quoted as written."""
        spaced = template.format(f"{number:,}".replace(",", " "))
        parsed, commas = parse_key_result(spaced), parse_key_result(template.format(f"{number:,}"))
        assert attrs.evolve(parsed, text="", spans=(), ambiguities=()) == attrs.evolve(
            commas, text="", spans=(), ambiguities=()
        )
        assert len(parsed.ambiguities) == len(commas.ambiguities)
        assert f"{number:,}".replace(",", " ") in [span.text.lstrip("$") for span in parsed.spans]

    @given(
        st.integers(min_value=1000, max_value=10**15),
        st.sampled_from([",", " ", "'", "\u2019", "\u202f", "\u00a0"]),
        st.sampled_from(["{}", "€{}", "{} €", "CHF {}", "{} users", "{}%"]),
    )
    def test_read_number(self, number: int, mark: str, shape: str) -> None:
        """`read_number` reads the number a text opens with exactly, however its thousands
        are grouped, with the unit it carries in itself and where it ends."""
        written = shape.format(f"{number:,}".replace(",", mark))
        exact, unit, end = read_number(written + " by Q3")  # type: ignore[misc]
        assert (exact, unit) == (
            Decimal(number),
            {"€{}": "€", "{} €": "€", "CHF {}": "CHF", "{}%": "%"}.get(shape),
        )
        assert written[end:] in ("", " users")

    def test_read_number_of_no_number(self) -> None:
        assert read_number("about 5") is None
        assert read_number("2/3 of users") is None  # a share, which a statement reads as one
        assert read_number("1e999999 lakh") is None  # past what a Decimal holds
        with pytest.raises(InvalidTypeError):
            read_number(5)  # type: ignore[arg-type]

    @given(
        st.integers(min_value=1000, max_value=999_999),
        st.sampled_from(["Reach {} users", "Cut cost from {} € to 900 €", "Grow sign-ups to {}",
                         "Keep latency under {} ms", "Raise ARR by €{}", "NPS > {}"]),
    )  # fmt: skip
    def test_one_group_after_a_word_of_a_level(self, number: int, template: str) -> None:
        """One group of thousands after a space reads as one number where a word that
        brings a level or a move, or a currency sign, comes before it ("Reach 12 500
        users", "from 3 200 €"), as when grouped by a comma."""
        spaced = parse_key_result(template.format(f"{number:,}".replace(",", " ")))
        commas = parse_key_result(template.format(f"{number:,}"))
        assert attrs.evolve(spaced, text="", spans=(), ambiguities=()) == attrs.evolve(
            commas, text="", spans=(), ambiguities=()
        )

    @given(
        st.integers(min_value=1000, max_value=10**12),
        st.sampled_from(["'", "\u2019"]),
        st.sampled_from(["Grow weekly active users to {}", "{} monthly active users",
                         "Raise CHF {} in grants", "Cut cost from {} to 900 CHF"]),
    )  # fmt: skip
    def test_thousands_grouped_by_apostrophes(self, number: int, mark: str, template: str) -> None:
        """Thousands grouped by apostrophes, as Switzerland writes them ("4'500'000"), read
        as when grouped by commas."""
        marked = parse_key_result(template.format(f"{number:,}".replace(",", mark)))
        commas = parse_key_result(template.format(f"{number:,}"))
        assert attrs.evolve(marked, text="", spans=(), ambiguities=()) == attrs.evolve(
            commas, text="", spans=(), ambiguities=()
        )

    @given(
        st.decimals(min_value=0, max_value=9999, places=2),
        st.sampled_from([("k", 1000), ("M", 10**6), (" lakh", 10**5), (" crore", 10**7)]),
    )
    def test_scales_multiply_exactly(self, number: Decimal, scale: tuple[str, int]) -> None:
        """A scale word or letter multiplies the number exactly, in decimal."""
        parsed = parse_key_result(f"Reach ${number}{scale[0]} in sales")
        assert parsed.value == float(number * scale[1])

    @given(
        st.integers(min_value=1, max_value=500),
        st.sampled_from([("min", "h", 60), ("h", "min", 1 / 60), ("days", "h", 1 / 24)]),
    )
    def test_a_start_converts(self, number: int, units: tuple[str, str, float]) -> None:
        """A start in another duration unit is read in the target's unit."""
        have, want, per = units
        parsed = parse_key_result(f"Cut wait from {number} {have} to under 1 {want}")
        assert parsed.start == pytest.approx(number / per)
        assert parsed.unit == want

    def test_in_unit(self) -> None:
        """Units of different kinds, or unknown ones, are left as they are."""
        assert in_unit(3.0, "days", "GB") == 3.0
        assert in_unit(3.0, None, "h") == 3.0
        assert in_unit(3.0, "h", "h") == 3.0
        assert in_unit(1.5, "h", "min") == 90.0


class TestParseObjective:
    @pytest.mark.parametrize(
        ("text", "numeric", "output"),
        [
            ("Drive a 20% increase in sign-ups", True, False),
            ("Launch the new app", False, True),
            ("Delight our enterprise customers", False, False),
            ("Double revenue from partners", True, False),
            ("Improve our churn rate", True, False),
            ("Become profitable by Q4 2026", False, False),
            ("Answer before customers ask twice", False, False),  # how often, not how much
            ("Serve twice as many teams", True, False),
            ("Cut churn among small teams", True, False),
            ("Raise the activation rate of new workspaces", True, False),
            ("Double down on enterprise", False, False),
            ("Double enterprise revenue", True, False),
            ("Define the partner onboarding process", False, True),
            ("Support: Launch a self-serve help centre", False, True),
            ("Platform team (infra): Develop a shared deploy pipeline", False, True),
            ("Develop a more collaborative review culture", False, False),
            ("Introduce a Better Content System", False, True),
            ("Tools for every single team: Launch it", False, False),
            ("Note: the launch slipped", False, False),
        ],
    )
    def test_examples(self, text: str, numeric: bool, output: bool) -> None:
        """Numbers and metrics make an objective numeric; a deliverable makes it an output."""
        parsed = parse_objective(text)
        assert (numeric, output) == (parsed.numeric, parsed.output)

    def test_words(self) -> None:
        """Words are counted as a reader would: punctuation alone is not a word."""
        assert 6 == parse_objective("Drive a 20% increase in sign-ups — ").words

    def test_not_a_string(self) -> None:
        """Anything but a str is an InvalidTypeError."""
        with pytest.raises(InvalidTypeError):
            parse_objective(42)  # type: ignore[arg-type]

    @given(st.text(max_size=80))
    def test_any_text(self, text: str) -> None:
        """Any string gives a well-formed answer."""
        parsed = parse_objective(text)
        assert isinstance(parsed, ParsedObjective)
        assert (bool, bool) == (type(parsed.numeric), type(parsed.output))
        assert 0 <= parsed.words <= len(text.split())


class TestNumbersWrittenOtherwise:
    """Numbers written with a decimal comma or an exponent read as what they say, and a change
    "by" an amount stays a change whatever start the statement gives with it."""

    @given(
        st.integers(0, 9999),
        st.from_regex(r"\A[0-9]{1,2}\Z"),
        st.sampled_from(["€", "$", ""]),
        st.sampled_from(["M", "k", " million", "%"]),
    )
    def test_decimal_comma_reads_as_a_point(
        self, whole: int, fraction: str, currency: str, scale: str
    ) -> None:
        """With a currency before it or a scale or % after it, "1,2" is 1.2."""
        comma = parse_key_result(f"Reach {currency}{whole},{fraction}{scale} in sales")
        point = parse_key_result(f"Reach {currency}{whole}.{fraction}{scale} in sales")
        assert (comma.value, comma.unit) == (point.value, point.unit)
        assert comma.value is not None

    @given(st.floats(min_value=1e-300, max_value=1e300, allow_nan=False, allow_infinity=False))
    def test_exponent(self, x: float) -> None:
        """A number as Python writes it ("1e+16", "1.5e-07") reads as itself."""
        assert parse_key_result(f"Reach {x!r} page views").value == x

    @given(
        st.integers(1, 10**9),
        st.integers(1, 500),
        st.sampled_from(["Increase revenue", "Grow sign-ups", "Raise the NPS"]),
    )
    def test_from_a_start_by_an_amount(self, start: int, amount: int, verb: str) -> None:
        """ "Increase X from A by B%" moves A by B% of itself: a change, not a target of B."""
        parsed = parse_key_result(f"{verb} from {start:,} by {amount}%")
        assert (parsed.form, parsed.value, parsed.start, parsed.relative) == (
            "change",
            amount,
            start,
            True,
        )
        kr = to_key_result(parsed)
        assert kr.target == pytest.approx(start * (1 + amount / 100))

    @given(
        st.floats(min_value=0.01, max_value=1e6, allow_nan=False),
        st.floats(min_value=0.5, max_value=1000, allow_nan=False),
    )
    def test_a_relative_cut_never_crosses_zero(self, start: float, amount: float) -> None:
        """A cut by a share of the start ends at zero at most: a cut of more than the whole
        has no target, and the reading says why."""
        text = f"Reduce cloud spend by {amount:.2f}%"
        parsed = parse_key_result(text)
        kr = to_key_result(parsed, start=start)
        if parsed.value is not None and parsed.value > 100:
            assert kr.target is None
            assert any("below zero" in a for a in parsed.ambiguities)
        else:
            assert kr.target is not None
            assert 0 <= kr.target < start

    def test_a_cut_of_more_than_the_whole(self) -> None:
        """The worked example: 150 % off 5 is no target, where it was -2.5."""
        kr = to_key_result("Reduce churn by 150%", start=5)
        assert (kr.start, kr.target) == (5, None)


class TestToKeyResult:
    def test_relative_change(self) -> None:
        """'Reduce churn by 8%' from 5.0 targets exactly 4.6, with no float noise."""
        kr = to_key_result("Reduce churn by 8%", start=5.0)
        assert (Direction.DECREASE, 5.0, 4.6, None) == (kr.direction, kr.start, kr.target, kr.unit)

    def test_from_to(self) -> None:
        """'Increase NPS from 32 to 50' needs no start."""
        kr = to_key_result("Increase NPS from 32 to 50")
        assert (Direction.INCREASE, 32.0, 50.0) == (kr.direction, kr.start, kr.target)

    def test_same_start_given(self) -> None:
        """Giving the start the statement already gives is fine."""
        assert 32 == to_key_result("Increase NPS from 32 to 50", start=32).start

    def test_absolute_change(self) -> None:
        """An absolute change adds to the start, in the metric's unit."""
        kr = to_key_result("Cut AWS spend by $40k", start=100_000)
        assert (60000.0, "$") == (kr.target, kr.unit)

    def test_points(self) -> None:
        """A change in percentage points is absolute."""
        assert 3.0 == to_key_result("Reduce churn by 2 percentage points", start=5).target

    def test_factor(self) -> None:
        """A factor multiplies the start up, and divides it down."""
        assert 2400.0 == to_key_result("Double weekly active users", start=1200).target
        assert 10.0 == to_key_result("Cut onboarding time in half", start=20).target

    def test_increase_by_percent_decimal(self) -> None:
        """A Decimal start gives a Decimal target."""
        assert Decimal("1.21") == to_key_result("Grow ARR by 10%", start=Decimal("1.1")).target

    def test_band(self) -> None:
        """A band becomes a (low, high) WITHIN target."""
        kr = to_key_result("Keep p95 latency between 95 and 105 ms")
        assert (Direction.WITHIN, (95.0, 105.0), "ms") == (kr.direction, kr.target, kr.unit)

    @given(
        st.integers(1, 999),
        st.sampled_from(["%", " ms", " days", ""]),
        st.sampled_from(["Keep spend within ±{}{} of budget", "Forecast error ±{}{}"]),
    )
    def test_plus_or_minus_is_a_band(self, amount: int, unit: str, template: str) -> None:
        """ "±N" is the band from -N to N, both ends in one figure."""
        kr = to_key_result(template.format(amount, unit))
        assert (kr.direction, kr.target) == (Direction.WITHIN, (-amount, amount))
        assert kr.unit == (unit.strip() or None)

    def test_target(self) -> None:
        """A level becomes the target, with its unit."""
        kr = to_key_result("Keep uptime at or above 99.9%")
        assert (Direction.AT_LEAST, 99.9, "%") == (kr.direction, kr.target, kr.unit)

    def test_unmeasurable(self) -> None:
        """An unmeasurable sentence gives a title and no made-up target."""
        kr = to_key_result("Reduce churn by X% (tbd)", start=5.0)
        assert ("Reduce churn by X% (tbd)", None) == (kr.title, kr.target)

    def test_parsed_and_fields(self) -> None:
        """A parse is accepted, and extra fields pass through to the KeyResult."""
        parsed = parse_key_result("Hold 12 customer interviews")
        kr = to_key_result(parsed, id="talk", owner="research", weight=2)
        expected = KeyResult(
            id="talk",
            title="Hold 12 customer interviews",
            direction=Direction.INCREASE,
            start=0,  # work counted in the cycle starts at zero
            target=12.0,
            unit="interviews",
            owner="research",
            weight=2,
        )
        assert expected == kr

    def test_change_without_start(self) -> None:
        """A change with no start to apply it to keeps what was read, and no target."""
        kr = to_key_result("Reduce churn by 8%")
        assert (Direction.DECREASE, None, None, None) == (
            kr.direction,
            kr.start,
            kr.target,
            kr.unit,
        )
        kr = to_key_result("Grow ARR by $200k")
        assert (Direction.INCREASE, None, None, "$") == (
            kr.direction,
            kr.start,
            kr.target,
            kr.unit,
        )

    @given(
        st.sampled_from(["Reduce", "Cut", "Lower"]),
        st.sampled_from(["API timezone discrepancies", "churn", "open P1 bugs"]),
        st.none() | st.integers(1, 10**6),
    )
    def test_a_cut_of_all_of_it_reaches_zero_from_any_start(
        self, verb: str, metric: str, start: int | None
    ) -> None:
        """A cut by 100% reaches zero whatever it starts from, so it has that target with
        no start given too (OKR204 then asks for the baseline, not for a target); a cut of
        less, or a growth by 100%, has none without a start."""
        kr = to_key_result(f"{verb} {metric} by 100%", start=start)
        assert (Direction.DECREASE, start, 0) == (kr.direction, kr.start, kr.target)
        assert to_key_result(f"{verb} {metric} by 99%").target is None
        assert to_key_result(f"Grow {metric} by 100%").target is None
        plan = Plan(objectives=[Objective(id="o", title="Calm support", key_results=[kr])])
        messages = [d.message for d in validate(plan, RuleConfig(select=["OKR204"]))]
        expected = (
            [] if start else [f"key result {kr.title!r} has no baseline to measure progress from"]
        )
        assert expected == messages

    @given(
        st.integers(1, 999),
        st.integers(1, 99),
        st.sampled_from([("$", "k", 1000.0, "$"), ("€", "", 1.0, "€"), ("", "%", 1.0, "%"),
                         ("", "", 1.0, None)]),
    )  # fmt: skip
    def test_a_relative_change_keeps_the_start_unit(
        self, start: int, share: int, written: tuple[str, str, float, str | None]
    ) -> None:
        """ "Increase revenue from $10k by 20%": the 20 % is of the change, the key result's
        unit is the start's ($), which the statement writes; none if it writes none."""
        currency, suffix, scale, unit = written
        kr = to_key_result(f"Increase revenue from {currency}{start}{suffix} by {share}%")
        assert (kr.start, kr.unit) == (start * scale, unit)
        assert kr.target == pytest.approx(start * scale * (1 + share / 100))

    def test_numbers_no_float_holds_give_no_target_or_start(self) -> None:
        """A target the arithmetic takes past what a float holds is none, and so is a start no
        float holds in a parse a caller built (the reader gives none itself)."""
        assert to_key_result("Grow revenue from 1e308 by 100%").target is None
        built = attrs.evolve(parse_key_result("Grow revenue from 5 to 10"), start=math.inf)
        kr = to_key_result(built)
        assert (kr.start, kr.target) == (None, 10.0)

    def test_a_statement_start_beside_a_level_to_hold(self) -> None:
        """A start the statement gives is kept beside a band or a level to hold, whichever
        side of it the start lies: holding says no way to move."""
        kr = to_key_result("Keep churn at 5% (currently 6%)")
        assert (kr.direction, kr.start, kr.target) == (Direction.AT_MOST, 6.0, 5.0)
        kr = to_key_result("Keep latency between 5 and 10 ms (currently 7 ms)")
        assert (kr.direction, kr.target) == (Direction.WITHIN, (5.0, 10.0))

    def test_reversed_band_and_huge_numbers(self) -> None:
        """A band written high to low is put in order; a number too large to hold is no target."""
        kr = to_key_result("Keep latency between 200 and 100 ms")
        assert (Direction.WITHIN, (100.0, 200.0)) == (kr.direction, kr.target)
        assert to_key_result("Reach " + "9" * 400 + " users").target is None
        assert to_key_result("Grow users from " + "9" * 400 + " to 5").start is None

    def test_self_contradiction(self) -> None:
        """A statement whose own start lies on the wrong side of its target keeps the target."""
        kr = to_key_result("Cut response time from 2 hours to under 4 hours")
        assert (Direction.DECREASE, None, 4.0) == (kr.direction, kr.start, kr.target)
        # A start in another unit is read in the target's: no contradiction.
        kr = to_key_result("Cut response time from 3 days to under 4 hours")
        assert (Direction.DECREASE, 72.0, 4.0, "h") == (kr.direction, kr.start, kr.target, kr.unit)

    @pytest.mark.parametrize(
        "parsed",
        [
            parse_key_result("Grow users 0x"),
            # The reader never reads a negative change; a parse made by hand may hold one.
            attrs.evolve(parse_key_result("Reduce churn by 5 points"), value=-5.0),
        ],
    )
    def test_change_reaching_nothing(self, parsed: ParsedKeyResult) -> None:
        """A change that reaches nothing on its side of the start gives no target."""
        assert to_key_result(parsed, start=3).target is None

    @given(st.text(min_size=1).filter(lambda s: s.strip() and s.isprintable()))
    def test_never_raises_on_a_statement(self, text: str) -> None:
        """A statement alone always gives a key result: an import loop keeps every reading."""
        kr = to_key_result(text)
        assert kr.title == text.strip()
        parsed = parse_key_result(text)
        # A milestone's key result is done or not: KeyResult gives it its target of 1.
        assert kr.target is None or parsed.measurable or parsed.direction is Direction.MILESTONE

    @given(
        st.text(min_size=1).filter(lambda s: s.strip() and s.isprintable()),
        st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(10**6), 10**6),
    )
    def test_never_raises_with_a_start(self, text: str, start: float) -> None:
        """A start given with a statement never makes it fail either: the start is kept,
        and the direction is the numbers' where the statement's word disagrees."""
        kr = to_key_result(text, start=start)
        assert kr.start == start

    @pytest.mark.parametrize(
        ("text", "start", "target"),
        [
            ("Add 200 customers", 0, 200.0),  # what the cycle adds, counted from zero
            ("Win 25 new logos", 0, 25.0),  # a count to reach in the cycle: from zero too
            ("Reach 100 subscribers (currently 99)", 99.0, 100.0),  # a start written wins
            ("Grow NPS to 40", None, 40.0),  # a level: today's is not known
            ("Hire 5 more engineers", 0, 5.0),
            ("Grow the team by 3 engineers", 0, 3.0),
            ("Grow ARR by $200k", None, None),  # money: a level today, not known
            ("Raise NPS by 5 pts", None, None),  # a score's points
            ("Double signups", None, None),  # a factor
        ],
    )
    def test_a_count_added_in_the_cycle(
        self, text: str, start: float | None, target: float | None
    ) -> None:
        kr = to_key_result(text)
        assert (kr.start, kr.target) == (start, target)
        assert to_key_result(text, start=1000).start == 1000  # a given start still wins

    @given(
        st.sampled_from([("Increase", "Grow"), ("Reduce", "Cut")]),
        st.sampled_from(["support tickets", "weekly active teams", "open bugs"]),
        st.integers(1, 999),
        st.integers(1, 99_999).filter(lambda n: not 1900 <= n <= 2100),  # a year is a name
    )
    def test_a_level_after_a_change_is_the_target(
        self, verbs: tuple[str, str], metric: str, amount: int, level: int
    ) -> None:
        """ "<verb> X by A to L": L is the target whatever A is, and the start is the one
        that A and L imply (L - A up, L + A down), none where that is below zero."""
        verb = verbs[0]
        kr = to_key_result(f"{verb} {metric} by {amount} to {level}")
        up = verb == "Increase"
        implied = level - amount if up else level + amount
        assert kr.target == level
        assert kr.direction is (Direction.INCREASE if up else Direction.DECREASE)
        assert kr.start == (implied if implied >= 0 else None)

    @pytest.mark.parametrize(
        ("text", "start", "target", "unit"),
        [
            ("Increase revenue by 20% to $1.2M", 1_000_000.0, 1_200_000.0, "$"),
            ("Grow WAU by 5x to 60k", 12_000.0, 60_000.0, None),
            ("Cut costs by $50k to $200k", 250_000.0, 200_000.0, "$"),
            ("Reduce churn by 2 points to 3%", 5.0, 3.0, "%"),
            # "by 8%" of a rate is 8 % of it or 8 points: no start follows; the level stays.
            ("Reduce churn by 8% to 3%", None, 3.0, "%"),
            ("Grow signups by 15% to 1,000", None, 1000.0, None),  # 869.56...: not written
        ],
    )
    def test_a_level_after_a_change(
        self, text: str, start: float | None, target: float, unit: str | None
    ) -> None:
        """The level a change says it reaches is the target ("by 20% to $1.2M" was read
        as a change and its level as a condition, so the key result lost its target); the
        start follows where it follows exactly, and a start given still wins."""
        kr = to_key_result(text)
        assert (kr.start, kr.target, kr.unit) == (start, target, unit)
        assert [s.text for s in parse_key_result(text).spans if s.label == "level"] == [
            text.rsplit(" ", 1)[1]
        ]
        assert to_key_result(text, start=1.5).start == 1.5

    @pytest.mark.parametrize(
        ("text", "unit", "metric"),
        [
            ("No ticket waits more than 48 hours", "ticket", None),
            ("No P1 incident lasts more than 1 hour", "incident", None),
            ("No outages longer than 5 minutes", "outages", None),
            ("No orders fail at checkout", "orders", None),
            ("Release 2.0 with plugin API", None, "2.0"),
            ("Secure 3 multi-year grants worth at least $250k each", "grants", None),
            ("No ambulance handover takes longer than 60 minutes", "handover", None),
            ("Reopen fewer than 5% of tickets", "%", "tickets"),
        ],
    )
    def test_what_a_zero_counts_and_what_a_version_names(
        self, text: str, unit: str | None, metric: str | None
    ) -> None:
        """The noun a ceiling of zero counts is the subject's, not its verb or a comparative
        ("waits", "longer" were read as units); a version is the milestone's metric whole."""
        parsed = parse_key_result(text)
        assert parsed.unit == unit
        if metric is not None:
            assert parsed.metric == metric

    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            ("Shorten the sales cycle by 2 weeks", 2.0, "weeks"),
            ("Reduce lead time by 2 months", 2.0, "months"),
            ("Extend the runway by 6 months", 6.0, "months"),
        ],
    )
    def test_by_a_duration_is_an_amount(self, text: str, value: float, unit: str) -> None:
        """ "By 2 weeks" after a verb of change is how much it changes (it was read as a
        deadline, so the key result had no number); "in 2 weeks" stays a deadline."""
        parsed = parse_key_result(text)
        assert (parsed.form, parsed.value, parsed.unit, parsed.deadline) == (
            "change",
            value,
            unit,
            None,
        )
        assert parse_key_result("Launch the app in 2 weeks").deadline == "in 2 weeks"
        # After any other verb "by 2 weeks" stays when the work is due (a hostile trial's).
        shipped = parse_key_result("Ship the feature by 2 weeks")
        assert (shipped.direction, shipped.deadline) == (Direction.MILESTONE, "by 2 weeks")
        assert parse_key_result("Reduce lead time by 2 months by Q3").deadline == "by Q3"

    @pytest.mark.parametrize(
        ("text", "start", "target", "unit"),
        [
            # A change written bare after its metric, then the level it reaches.
            ("Grow revenue 20% to $1.2M", 1_000_000.0, 1_200_000.0, "$"),
            ("Increase ARR 20% YoY to $12M", 10_000_000.0, 12_000_000.0, "$"),
            ("Increase ARR by 20% year-over-year to $12M", 10_000_000.0, 12_000_000.0, "$"),
            ("Grow pipeline 3x to $30M", 10_000_000.0, 30_000_000.0, "$"),
            ("Increase accounts 2x to 100", 50.0, 100.0, None),
            ("Cut p95 latency 20% to 200ms", 250.0, 200.0, "ms"),
            ("Cut CAC 10% to $1,300", None, 1300.0, "$"),  # 1,444.44...: not written
            # Levels of one unit stay a start and a target.
            ("Reduce churn 5% to 3%", 5.0, 3.0, "%"),
            ("Increase NPS 32 to 50", 32.0, 50.0, None),
            # A signed number is a change, of the level's unit, the way the verb goes.
            ("Increase NPS +10 to 50", 40.0, 50.0, None),
            ("Increase NPS -10 to 50", -10.0, 50.0, None),  # a start below zero
            ("Revenue up 20% to $12M", 10_000_000.0, 12_000_000.0, "$"),
            # A level of the metric's own things (not "3 new markets").
            ("Grow users 3x to 30,000 users", 10_000.0, 30_000.0, "users"),
            ("Grow users by 3x to 30,000 users", 10_000.0, 30_000.0, "users"),
            ("Reduce churn -2 points to 3%", 5.0, 3.0, "%"),
        ],
    )
    def test_a_bare_change_then_its_level(
        self, text: str, start: float | None, target: float, unit: str | None
    ) -> None:
        """ "Increase ARR 20% to $12M" is a change of 20 % reaching $12M (the 20 % was read
        as a condition, and the start was lost), as "by 20% to $12M" is; a period between
        them ("YoY") changes nothing."""
        kr = to_key_result(text)
        assert (kr.start, kr.target, kr.unit) == (start, target, unit)
        assert not any("condition" in a for a in parse_key_result(text).ambiguities)

    @pytest.mark.parametrize(
        ("text", "start", "target", "unit"),
        [
            # A hostile trial's: none of these writes the level the metric reaches.
            ("Increase donations by $5k to 3 charities", None, None, "$"),  # whom it goes to
            ("Increase signups by 20% to 3 new markets", None, None, None),  # where
            ("Grow the team by 5 to 10 people", None, None, None),  # a range of the change
            ("Increase NPS by 5 to 10 points", None, None, None),
            ("Increase revenue by 20% to 25%", None, None, None),  # revenue is no share
            ("Increase NPS by 5 to 10 to 40", None, None, None),  # a chain
            ("Increase revenue by 20% to 30 June", None, None, None),  # dates and times
            ("Increase revenue by 20% to 06/30", None, None, None),
            ("Shift support hours by 2 to 9:00", None, None, None),
            ("Extend support by 4 hours to 24x7", None, None, "h"),  # a notation
            # Levels in another unit than the change: no start follows.
            ("Reduce latency by 50ms to 2s", None, 2.0, "s"),
            ("Increase revenue by €100k to $1M", None, 1_000_000.0, "$"),
            # A start the statement writes stays, and the level is still the target.
            ("Reduce churn by 8% to 3% (currently 5%)", 5.0, 3.0, "%"),
            ("Reduce churn from 5% by 2 points to 3%", 5.0, 3.0, "%"),
            ("Reduce discounting by 500 bps to 12%", 17.0, 12.0, "%"),  # 500 bps: 5 points
            ("Increase coverage from 70% by 10 points", 70.0, 80.0, "%"),  # points of a %
            # The level is written even where the amount is a placeholder or too large.
            ("Increase adoption by X% to 30%", None, 30.0, "%"),
            ("Increase revenue by 1e400% to $1.2M", None, 1_200_000.0, "$"),
            # Huge numbers: a start implied beyond 28 digits is inexact, and no error.
            ("Increase revenue by 20% to $1e30", None, 1e30, "$"),
            ("Grow users by 2x to 1e23", 5e22, 1e23, None),
        ],
    )
    def test_what_is_no_level_and_what_is(
        self, text: str, start: float | None, target: float | None, unit: str | None
    ) -> None:
        kr = to_key_result(text)
        assert (kr.start, kr.target, kr.unit) == (start, target, unit)
        assert to_key_result(text, start=5).start == 5  # a start given never fails

    @pytest.mark.parametrize("start", [Decimal("1.7e308"), 1.7e308])
    def test_a_target_too_large_to_hold(self, start: Decimal | float) -> None:
        """A change from a start near the largest number reaches none that a key result can
        hold, a Decimal's as a float's: no target, no error."""
        assert to_key_result("Double revenue", start=start).target is None
        assert to_key_result("Grow revenue by 20%", start=start).target is None

    @pytest.mark.parametrize(
        "text",
        ["Reduce support tickets by 50 (currently 30)", "Grow revenue by 100% (currently 0)"],
    )
    def test_a_change_that_reaches_nothing_from_its_start(self, text: str) -> None:
        """A cut larger than the start (tickets below zero) or a share of nothing gives no
        target, and OKR201 says why."""
        kr = to_key_result(text, id="k")
        assert kr.start is not None
        assert kr.target is None
        assert _statement_findings(kr) == []
        plan = Plan(objectives=[Objective(id="o", title="Calm support", key_results=[kr])])
        (finding,) = validate(plan, RuleConfig(select=["OKR201"]))
        assert finding.message == (
            f"key result {text!r} has no target: its change from a start of {kr.start} reaches none"
        )

    def test_a_given_start_wins(self) -> None:
        """A start other than the statement's own replaces it, and the rules say so."""
        kr = to_key_result("Increase NPS from 32 to 50", start=40, id="nps")
        assert (kr.start, kr.target, kr.direction) == (40, 50.0, Direction.INCREASE)
        assert _statement_findings(kr) == ["the text starts from 32, the start is 40"]

    @pytest.mark.parametrize(
        ("text", "start", "direction", "finding"),
        [
            (
                "Increase NPS to 50",
                60,
                Direction.DECREASE,
                "the text says increase but the direction is decrease",
            ),
            (
                "Reduce churn to 4%",
                3,
                Direction.INCREASE,
                "the text says decrease but the direction is increase",
            ),
            # A statement the reader cannot make agree does not lose the row either.
            (
                "Hire engineers 40 to 20",
                40,
                Direction.DECREASE,
                "the text says increase but the direction is decrease",
            ),
            # "Open" first before an arrow names the metric, no activity: it agrees.
            ("Open tickets 1,200 → 400 by EOQ", 1200, Direction.DECREASE, None),
            ("Increase NPS to 50", 50, None, "the text says increase but the key result has no"),
            # A bound given a start on its worse side is a move to it; on its better side, held.
            ("Close the books in 5 business days", 9, Direction.DECREASE, None),
            ("Close the books in 5 business days", 4, Direction.AT_MOST, None),
            ("Keep uptime at 99.9% or better", 99.5, Direction.INCREASE, None),
            ("Keep uptime at 99.9% or better", 99.95, Direction.AT_LEAST, None),
        ],
    )
    def test_direction_follows_a_given_start(
        self, text: str, start: float, direction: Direction | None, finding: str | None
    ) -> None:
        """A start on the wrong side of the target read makes the direction the numbers'."""
        kr = to_key_result(text, start=start, id="kr")
        assert (kr.start, kr.direction) == (start, direction)
        if finding is not None:
            assert finding in _statement_findings(kr)[0]
        else:
            assert _statement_findings(kr) == []

    @pytest.mark.parametrize("start", ["5", True, [5]])
    def test_start_type(self, start: object) -> None:
        """A start that is not a number is an InvalidTypeError."""
        with pytest.raises(InvalidTypeError, match="start"):
            to_key_result("Reduce churn by 8%", start=start)  # type: ignore[arg-type]

    def test_start_not_finite(self) -> None:
        """A NaN start is an InvalidValueError."""
        with pytest.raises(InvalidValueError, match="start"):
            to_key_result("Reduce churn by 8%", start=float("nan"))

    def test_bad_input(self) -> None:
        """Neither a str nor a parse is an InvalidTypeError."""
        with pytest.raises(InvalidTypeError, match="parsed_or_text"):
            to_key_result(8)  # type: ignore[arg-type]

    def test_unknown_field(self) -> None:
        """A field KeyResult does not have is an InvalidTypeError naming it."""
        with pytest.raises(InvalidTypeError, match="colour"):
            to_key_result("Reduce churn", colour="red")

    def test_key_result_errors_pass_through(self) -> None:
        """KeyResult's own validation (here an empty title) raises an okrkit error."""
        with pytest.raises(OKRError):
            to_key_result("   ")


def _moved(metric: str, start: float, target: float) -> Direction:
    """What D19 reads of a statement with no verb that names *metric*, from *start* to
    *target*: a move, unless it goes the way the metric is worse, when the level is held the
    way it is better."""
    way, up = polarity(metric.lower()), target > start
    if way == ("lower" if up else "higher"):
        return Direction.AT_LEAST if way == "higher" else Direction.AT_MOST
    return Direction.INCREASE if up else Direction.DECREASE


def _statement_findings(kr: KeyResult) -> list[str]:
    """What OKR202 says of *kr* (statement-contradicts-fields), message by message."""
    plan = Plan(objectives=[Objective(title="Make customers love our product", key_results=[kr])])
    report = validate(plan, RuleConfig(select=["OKR202"]), today=date(2026, 8, 1))
    return [d.message.rpartition(": ")[2] for d in report]


# Text that exercises the pre-screens: statement words, the words and marks each one looks
# for, words glued to digits and punctuation, and non-ASCII look-alikes (ſ, K, İ).
SCREEN_WORDS = st.sampled_from(
    sorted(
        {
            *WORDS.elements,  # type: ignore[attr-defined]
            *[
                "by",
                "in",
                "at",
                "for",
                "over",
                "this",
                "next",
                "EOQ",
                "eoy",
                "no",
                "later",
                "than",
                "ahead",
                "of",
                "until",
                "thru",
            ],
            *[
                "ISO",
                "27001",
                "SOC",
                "2",
                "Python",
                "3.12",
                "Fortune",
                "500",
                "S&P",
                "24/7",
                "4.5/5",
                "out",
                "5out",
                "2031",
                "2025",
            ],
            *[
                "one",
                "Twelve",
                "fifty",
                "thousand",
                "million",
                "X",
                "XX",
                "N",
                "Y",
                "Z",
                "tbd",
                "TBA",
                "??",
                "[x]",
                "[",
                "]",
                "p95",
                "v2",
                "day-30",
            ],
            *[
                "churn",
                "downtime",
                "MTTR",
                "CAC",
                "spend",
                "nps",
                "KPIs",
                "rate",
                "rates",
                "half",
                "win",
                "error",
            ],
            *[
                "the",
                "a",
                "an",
                "is",
                "are",
                "to",
                "on",
                ".",
                ",",
                ";",
                ":",
                "!",
                "?",
                "+",
                "=",
                "~",
                "[",
                "]",
                "(",
                ")",
                "_",
                "3_",
                "x_2",
                "ſix",
                "K",
                "İ",
                "é",
            ],
            # typographic marks, with a stand-in where IDENT is screened (`_STAND_INS`)
            *["’s", "“v2”", "2005–2009", "ages 5–11", "24×7", "≥", "→", "€1.200.000", "…"],
            *["n\u00a0=", "1\u2009500", "Q3—Q4", "v1.2–v1.3", "part\u00a02", "30\u202fdays"],
            *["\u200bSOC", "–", "—", "•", "¥"],
            # the session's names and ways (2026-12-06)
            *["Scope", "cat", "Art.", "§12", "CFR", "Part", "U.S.C.", "Java", "CentOS", "->"],
            *["upgraded", "patch", "update", "app", "launched", "June", "Mar", "team", "with"],
            *["cancelled", "rejected", "spam", "churned", "tCO2e", "fps", "1-star", "reviews"],
            *["under", "or", "more", "3-5", "80%+", "LY", "avg", "Xbox", "Series", "X|S"],
            # and the next session's (2026-12-06, later)
            *["errors", "caught", "tickets", "resolved", "alerts", "Plant", "Line", "6am", "5S"],
            # and 2026-12-07's: a bound's "no" or "not" and a comparative, an abbreviated span
            *["no", "not", "NOT", "higher", "later", "over", "2-hr", "wk", "-->", "thousand"],
        }
    )
)
SCREEN_TEXT = st.one_of(
    st.lists(SCREEN_WORDS, max_size=12).map(" ".join),
    st.lists(SCREEN_WORDS, max_size=8).map("".join),
    st.text(alphabet="aXNbyinot0123456789 /&?[]%$.-_,ſK", max_size=30),
    st.text(max_size=40),
)


def _key_result_and_objective_texts() -> list[str]:
    data = corpus()
    return [row["text"] for rows in data.values() for row in rows]


class TestPreScreens:
    """Each pre-screen says "no" only when its regular expression cannot match."""

    def test_words_of(self) -> None:
        """The words of a text are its runs of \\w, lower-cased; a non-ASCII letter is kept."""
        expected = {"cut", "p95", "ttfb", "by", "5", "re", "do", "x_y"}
        assert words_of("Cut p95 (TTFB) by 5%, re-do x_y") == expected
        assert words_of("Naïve café: 2×") == {"naïve", "café", "2×"}

    def check(self, text: str) -> None:
        assert may_have_deadline(text) or not DEADLINE.search(text)
        assert may_have_ident(text) or not IDENT.search(text)
        words = words_of(text) if text.isascii() else None
        assert may_have_number_word(words) or not TOKENS[1].search(text)
        assert may_have_placeholder(text, words) or not TOKENS[2].search(text)
        assert may_name_metric(text) or not (OBJECTIVE_METRIC.search(text) or HALF.search(text))
        low = text.lower()
        # What is free of a fault ("crash-free") counts for higher, not for lower.
        unfaulted = FREE_OF.sub(" ", low)
        # ... nor are faults dealt with ("errors caught"), where a fault is named
        unhandled = unfaulted
        if LOWER_IS_BETTER.search(unfaulted):
            unhandled = _HANDLED.sub(" ", unfaulted)
        # ... and things something unwanted happened to, unless unwanted themselves
        unwanted = UNWANTED_DONE.search(unhandled) and not _UNWANTED_THINGS.search(unhandled)
        assert lower_is_better(low) == bool(LOWER_IS_BETTER.search(unhandled) or unwanted)
        assert _may_bound_after(text) or not _COUNTED_THEN_SAID.search(text)
        assert higher_is_better(low) == bool(HIGHER_IS_BETTER.search(low) or unfaulted != low)
        # Blanked as the expressions would, trying only where they may match.
        every = DEADLINE.finditer(text)
        assert [m.span() for m in deadlines_in(text)] == [m.span() for m in every]
        ident = ident_pattern(text)
        assert (text if ident is None else ident.sub("", text)) == IDENT.sub("", text)
        # As the three passes were run before the pre-screens: sorted if there is a digit.
        every = [*TOKENS[1].finditer(text), *TOKENS[2].finditer(text)]
        if DIGIT.search(text):
            every += TOKENS[0].finditer(text)
            every.sort(key=lambda m: m.start())
        assert [m.span() for m in token_matches(text)] == [m.span() for m in every]
        numeric = any(not m["ph"] for m in token_matches(text))
        assert numeric == bool(DIGIT.search(text) or has_number_word(text))
        for start in range(len(text) + 1):
            piece = text[start:]
            trail = TRIM_END.search(piece)
            assert trail is not None
            assert trim_end(piece) == trail.start()
            for end in (start, (start + len(text)) // 2, len(text)):
                stop = METRIC_END.search(text, start, end)
                assert metric_end(text, start, end) == (stop.start() if stop else None)

    def test_corpus(self) -> None:
        """Every statement in the corpus."""
        for text in _key_result_and_objective_texts():
            self.check(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Ship v2 by Q3 2026",
            "Reach 4 out of 5 stars",
            "Score 5out of 10",
            "Reach tier 2 in the S&P 500",
            "Cut p95 latency to 200ms",
            "Hire a dozen engineers",
            "Double X% of TBD [ ]",
            "Reduce MTTR in half",
            "Improve the churn rate of",
            "Grow revenue by",
            "ſix customers",
            "?? ſix",
            "Cut cost by -usd 5, NZ$.5, +$.7 and -.25 in 20 days",
            "By Q3, by by the end of 2026 at eoq for next quarter",
            "See #12, `v2`, [docs](x) at https://x.io: Kubernetes 1.25, 16.4.1, 24/7, 4/5",
            "Run Python 3.11 for Fortune 500 and Inc 5000 since 2024",
            "Cut CAC, AHT and DSO; raise NPS, ARR, MRR, CSAT and ESAT",
            "Cafébythe way, ǅto Ünder withinx within (n) for é at",
            "users of the  ,  of . ",
            "Orders cancelled: 2%, spam rejected: 99%, users churned within 30 days",
            "Design debt tickets under 40, Help center CSAT 80%+, turnaround 2-3 days",
            # faults dealt with: neither better low nor, for that, better high (a CI find)
            "error resolved",
            "Errors caught in CI: 40% -> 80%, tickets resolved within 2 days, churn at 3%",
            "Fraud savings of $12M, fraud detected by customers: 20%",
        ],
    )
    def test_examples(self, text: str) -> None:
        """Statements that each pre-screen lets through, and some it stops."""
        self.check(text)

    @given(SCREEN_TEXT)
    def test_any_text(self, text: str) -> None:
        """Any text at all, weighted towards what the pre-screens look for."""
        self.check(text)

    @pytest.mark.parametrize("text", ["Uptimeing ≥ ≥ 99.99%", "an officeed in Singapore"])
    def test_words_that_look_like_verbs(self, text: str) -> None:
        """A word that only looks like a verb's form gives an answer, not an error."""
        self.check(text)


# Letters that match ASCII ones when case is ignored the Unicode way, but lower() keeps:
# the long s, the Kelvin sign, the dotted capital I.
_LOOKALIKES = {"s": "ſ", "k": "\u212a", "i": "\u0130"}
_NUMBER_WORDS = ["six", "sixty", "seventy-six", "a dozen", "two", "k", "million", "billion"]
_NUMBER_WORDS += ["thousand", "x", "kwh", "users", "by", "to", "from", "Increase", "Reduce"]


class TestUnicodeCase:
    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("Hire ſix engineers", 6.0),
            ("Grow revenue by 2 M\u0130LLION", 2_000_000.0),
            ("Reach 5\u212a customers", 5_000.0),
        ],
    )
    def test_lookalike_letters(self, text: str, value: float) -> None:
        """A number word spelt with a case-insensitive lookalike letter reads as the word."""
        assert value == parse_key_result(text).value

    @given(
        st.lists(st.sampled_from(_NUMBER_WORDS), min_size=1, max_size=6),
        st.lists(st.integers(0, 99), min_size=1, max_size=6),
        st.data(),
    )
    def test_lookalikes_never_raise(
        self, words: list[str], numbers: list[int], data: st.DataObject
    ) -> None:
        """Statements mixing numbers, number words and lookalike letters always parse."""
        pieces = [f"{w} {n}" for w, n in zip(words, numbers, strict=False)]
        text = " ".join(pieces)
        chars = [
            _LOOKALIKES[c] if c in _LOOKALIKES and data.draw(st.booleans()) else c for c in text
        ]
        parsed = parse_key_result("".join(chars))
        assert parsed.value is None or isinstance(parsed.value, float)


# --- Statements read through their shape's template ----------------------------------------

_SHAPE_WORDS = st.sampled_from(
    sorted(
        {
            *SCREEN_WORDS.elements,  # type: ignore[attr-defined]
            *[
                "Grow",
                "Lift",
                "Cut",
                "Lower",
                "Hold",
                "Keep",
                "Reach",
                "Get",
                "Improve",
                "Launch",
                "Ship",
                "Double",
                "Halve",
                "Eliminate",
                "Cap",
                "Maintain",
                "half",
                "at least",
                "no more than",
                "above",
                "below",
                "under",
                "or more",
                "up",
                "down",
                "increase",
                "reduction",
                "growth",
                "between",
                "and",
                "per",
                "within",
                "about",
                "a",
                "the",
                "weekly active users",
                "p95 latency",
                "top 10 accounts",
                "customer's",
                "self-serve",
                "certification",
                "GA",
                "ms",
                "days",
                "x",
                "percent",
                "points",
            ],
        }
    )
)
_SHAPE_NUMBER = st.builds(
    "{}{}{}".format,
    st.sampled_from(["", "", "-", "+"]),
    st.integers(0, 999),
    st.sampled_from(["", "", ".5", ".25", ".000001", ".0"]),
) | st.sampled_from(["-0", "+0", "0", "-0.0"])


class TestTemplates:
    """Statements of the shape "<words> from <a> to <b>" are read through a template; the
    answer is always the full reading's (the law), whichever statement made the template."""

    @given(
        words=st.lists(_SHAPE_WORDS, min_size=1, max_size=6).map(" ".join),
        units=st.tuples(st.sampled_from(["", "%"]), st.sampled_from(["", "%"])),
        numbers=st.lists(st.tuples(_SHAPE_NUMBER, _SHAPE_NUMBER), min_size=2, max_size=4),
    )
    def test_equals_full_reading(
        self, words: str, units: tuple[str, str], numbers: list[tuple[str, str]]
    ) -> None:
        TEMPLATES.clear()
        for a, b in numbers:
            text = f"{words} from {a}{units[0]} to {b}{units[1]}"
            full = parse_in_full(text)
            assert parse_key_result(text) == full
            assert key_result_reader()(text) == KeyResultReading.of(full)
            assert parse_key_result(text) == full  # now through the template, if usable

    @given(st.lists(SCREEN_WORDS, max_size=8).map(" ".join) | st.text(max_size=40))
    def test_reading_of_any_text(self, text: str) -> None:
        """What the rules read of a statement is what parse_key_result reads, for any text."""
        read = key_result_reader()
        assert read(text) == KeyResultReading.of(parse_key_result(text))
        assert read(text) == KeyResultReading.of(parse_key_result(text))  # read once, kept

    def test_reading_of_corpus(self) -> None:
        read = key_result_reader()
        for text in _key_result_and_objective_texts():
            assert read(text) == KeyResultReading.of(parse_in_full(text))

    def test_a_zero_makes_no_other_template(self) -> None:
        """The thorough profile's find: with no verb and no way to be better, a zero target
        once read as a ceiling made the template that "from 2 to 1" then read wrong."""
        TEMPLATES.clear()
        for text in ("NPS spend from 1 to 0", "NPS spend from 2 to 1"):
            assert parse_key_result(text) == parse_in_full(text)
        assert parse_in_full("NPS spend from 2 to 1").direction is Direction.DECREASE

    def test_a_zero_target_is_a_shape_of_its_own(self) -> None:
        """The thorough profile's find: "ISO from -0% to 1" made the template that "ISO from
        -1% to 0" then read wrong, a zero target being read as a ceiling where no baseline
        of the same measure moves it."""
        TEMPLATES.clear()
        for text in ("ISO from -0% to 1", "ISO from -1% to 0"):
            assert parse_key_result(text) == parse_in_full(text)

    def test_template_is_reused(self) -> None:
        """The second statement of a shape comes from the first's template, numbers changed."""
        TEMPLATES.clear()
        first = parse_key_result("Grow weekly active users from 32 to 50")
        second = parse_key_result("Grow weekly active users from 7.5 to 120")
        assert ("Grow weekly active users", "", "", "", "", True, False) in TEMPLATES
        assert (second.start, second.value, second.direction) == (7.5, 120.0, Direction.INCREASE)
        assert [s.text for s in second.spans] == ["Grow", "weekly active users", "7.5", "120"]
        assert first.metric == second.metric == "weekly active users"
        assert second == parse_in_full(second.text)

    @pytest.mark.parametrize(
        "text",
        [
            "No incidents from 3 to 5",  # "No" makes a ceiling of zero: no template
            "Grow revenue from 5 to 5",  # equal numbers: always read in full
            "Grow revenue from 1,000 to 2,000",  # outside the shape
        ],
    )
    def test_read_in_full(self, text: str) -> None:
        """Statements whose shape has no usable template are read in full, every time."""
        TEMPLATES.clear()
        for _ in range(2):
            assert parse_key_result(text) == parse_in_full(text)
        assert all(template is None for template in TEMPLATES.values())

    def test_signed_zero_template(self) -> None:
        """A template made from "... to -0" serves a later "... to -3" exactly (a change's
        amount would be unsigned, so only target readings make templates)."""
        TEMPLATES.clear()
        for text in ("Double signups from 5 to -0", "Double signups from 5 to -3"):
            assert parse_key_result(text) == parse_in_full(text)
            assert key_result_reader()(text) == KeyResultReading.of(parse_in_full(text))
        assert -3.0 == parse_key_result("Double signups from 5 to -3").value

    def test_bounded(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The templates kept are bounded: when full, they are dropped and kept afresh."""
        monkeypatch.setattr("okrkit.text._templates.TEMPLATES_MAX", 2)
        TEMPLATES.clear()
        for metric in ("revenue", "margin", "users", "churn"):
            text = f"Grow {metric} from 1 to 2"
            assert parse_key_result(text) == parse_in_full(text)
            assert len(TEMPLATES) <= 2


# --- The module's public names ---------------------------------------------------------------

GOLDEN = Path(__file__).parent / "data" / "golden"


class TestPublicNames:
    """okrkit.text's values and functions are its own, wherever they are written."""

    @staticmethod
    def values() -> tuple[object, ...]:
        parsed = parse_key_result("Increase NPS from 32 to 50 by Q3")
        return (
            parsed,
            parsed.spans[0],
            KeyResultReading.of(parsed),
            parse_objective("Launch the new mobile app"),
        )

    @staticmethod
    def definitions() -> list[type | types.FunctionType]:
        """The public classes and functions of okrkit.text, and the classes' own methods."""
        from okrkit import text

        found = [getattr(text, name) for name in text.__all__]
        found += [member for x in found if isinstance(x, type) for member in vars(x).values()]
        found = [getattr(x, "__func__", x) for x in found]  # a classmethod's function
        return [x for x in found if isinstance(x, type | types.FunctionType)]

    def test_classes_and_functions_say_okrkit_text(self) -> None:
        """Each public class and function, and each method, names okrkit.text as its home."""
        from okrkit import text

        assert [] == [x for x in self.definitions() if x.__module__.startswith("okrkit.text._")]
        assert all(
            getattr(text, name).__module__ == "okrkit.text"
            for name in ["ParsedKeyResult", "KeyResultReading", "parse_key_result", "to_key_result"]
        )

    def test_pickles_from_before_the_split_load(self) -> None:
        """Pickles written when okrkit.text was one module load as the same values."""
        assert self.values() == pickle.loads((GOLDEN / "text-values.pickle").read_bytes())

    def test_pickles_name_okrkit_text(self) -> None:
        """New pickles name okrkit.text, not the private module a value is written in."""
        written = pickle.dumps(self.values(), protocol=2)
        assert b"okrkit.text\n" in written
        assert b"okrkit.text._" not in written

    @pytest.mark.parametrize(
        "name", ["Span", "ParsedKeyResult", "ParsedObjective", "KeyResultReading"]
    )
    def test_type_hints_resolve(self, name: str) -> None:
        """`typing.get_type_hints` reads each public class's annotations (tools such as
        hypothesis's `from_type` do)."""
        from okrkit import text

        cls = getattr(text, name)
        assert set(cls.__annotations__) == set(typing.get_type_hints(cls))


# --- Direction from the metric: reaching, holding and no verb ------------------------------

_BETTER_LOW = [
    "churn",
    "p95 latency",
    "review time",
    "onboarding time",
    "cloud cost",
    "open defects",
]
_BETTER_HIGH = [
    "uptime",
    "NPS",
    "test coverage",
    "customer satisfaction",
    "DAU",
    "on-time delivery",
]


class TestDirectionFromMetric:
    """A verb of reaching or holding, or no verb, takes its way from a qualifier if there is
    one, else from which way the metric is better (tests/data/real/README.md, "Direction")."""

    @given(
        st.sampled_from(_BETTER_LOW + _BETTER_HIGH),
        st.integers(1, 999),
        st.sampled_from(["Get", "Bring", "Reach", "Achieve"]),
    )
    def test_reaching_goes_the_metric_s_way(self, metric: str, n: int, verb: str) -> None:
        """With no qualifier, a verb of reaching goes down just where lower is better."""
        way = parse_key_result(f"{verb} {metric} to {n}").direction
        assert way is (Direction.DECREASE if metric in _BETTER_LOW else Direction.INCREASE)

    @given(
        st.sampled_from(_BETTER_LOW + _BETTER_HIGH),
        st.integers(1, 999),
        st.sampled_from([("under", Direction.DECREASE), ("over", Direction.INCREASE)]),
    )
    def test_a_qualifier_overrides_the_metric(
        self, metric: str, n: int, qualifier: tuple[str, Direction]
    ) -> None:
        """A qualifier says the way whatever the metric: "Bring uptime under 5" goes down."""
        assert parse_key_result(f"Bring {metric} {qualifier[0]} {n}").direction is qualifier[1]

    @given(st.sampled_from(_BETTER_LOW + _BETTER_HIGH), st.integers(1, 999))
    def test_holding_keeps_the_metric_s_side(self, metric: str, n: int) -> None:
        """A verb of holding with no qualifier is a ceiling just where lower is better."""
        way = parse_key_result(f"Keep {metric} at {n}").direction
        assert way is (Direction.AT_MOST if metric in _BETTER_LOW else Direction.AT_LEAST)

    @pytest.mark.parametrize(
        "text",
        ["Code review time", "Median onboarding time", "Deploy time", "Ticket resolution time"],
    )
    def test_the_time_a_process_takes_is_better_short(self, text: str) -> None:
        """ "<process> time" is a time taken, better low, whether or not the word is listed."""
        assert polarity(text.lower()) == "lower"

    @pytest.mark.parametrize(
        ("text", "way"),
        [
            ("Ship on time", "higher"),
            ("Hire 3 full-time engineers", None),
            ("Sync in real time", None),
        ],
    )
    def test_time_after_a_little_word_or_adjective_is_no_process(
        self, text: str, way: str | None
    ) -> None:
        """ "on time" is a share done right, better high; "full-time", "real time" name none."""
        assert polarity(text.lower()) == way

    @pytest.mark.parametrize(
        ("text", "direction"),
        [
            ("Shorten nothing: page render in 3 seconds", Direction.DECREASE),
            ("Widget install in 4 minutes", Direction.AT_MOST),
            ("Get release approval to 2 days", Direction.DECREASE),
            ("Close 40 deals with CAC below plan", Direction.INCREASE),
            ("Resolve 90% of defects within a week", Direction.INCREASE),
            ("5% of builds fail", Direction.AT_LEAST),
        ],
    )
    def test_worked_examples(self, text: str, direction: Direction) -> None:
        """A duration with no polarity word is a time taken; a condition after the count
        ("with CAC below plan") names no metric; a share of things is a floor (D15)."""
        assert parse_key_result(text).direction is direction

    @pytest.mark.parametrize(
        ("text", "direction"),
        [
            ("Ensure that every incident gets a written review", Direction.AT_LEAST),
            ("Ensure all security bugs are triaged", Direction.AT_LEAST),
            ("Keep infrastructure cost flat", Direction.AT_MOST),
            ("Move the billing service to the new cluster", Direction.MILESTONE),
            ("Take the mobile app to general audiences", Direction.MILESTONE),
            ("Get infrastructure spend to budget", Direction.DECREASE),
            ("Hit the partner goals", Direction.INCREASE),
        ],
    )
    def test_no_number(self, text: str, direction: Direction) -> None:
        """A verb of holding over a clause holds a state (D3: at least), not the metric its
        subject names; a verb of reaching takes a thing to a place (done or not), or moves a
        metric its better way, else up (D13)."""
        assert parse_key_result(text).direction is direction


class TestGoverningVerb:
    """The verb nearest before a number, starting a clause of its own, governs it."""

    @given(
        st.sampled_from(["Launch the new onboarding", "Automate reporting", "Redesign checkout"]),
        st.sampled_from(["reduce churn to", "keep p95 latency under", "grow sign-ups to"]),
        st.sampled_from([" and ", " to ", ", "]),
        st.integers(1, 999),
    )
    def test_a_later_verb_of_a_way_governs(self, work: str, clause: str, link: str, n: int) -> None:
        """After an activity, "and reduce X to N" reads as "Reduce X to N" would."""
        alone = parse_key_result(f"{clause.capitalize()} {n}").direction
        assert parse_key_result(f"{work}{link}{clause} {n}").direction is alone

    @given(
        st.sampled_from(["Launch the new onboarding", "Test Twitter as a channel", "Run demos"]),
        st.sampled_from(["reduce churn to", "grow sign-ups to", "get weekly sign-ups to"]),
        st.sampled_from([" and ", ", and ", ", "]),
        st.integers(1, 999),
    )
    def test_output_follows_the_governing_verb(
        self, work: str, clause: str, link: str, n: int
    ) -> None:
        """When a later verb of change or reaching governs the number, the work before it is
        the means and the number an outcome: no activity, as the clause alone is none."""
        assert not parse_key_result(f"{clause.capitalize()} {n}").output
        assert not parse_key_result(f"{work}{link}{clause} {n}").output
        assert parse_key_result(f"{work} for {n} teams").output  # the work's own count

    @pytest.mark.parametrize(
        ("text", "direction"),
        [
            ("Cut churn to stay under 2%", Direction.DECREASE),
            ("Hire and train 10 engineers", Direction.INCREASE),
            ("Grow traffic and keep bounce under 40%", Direction.AT_MOST),
        ],
    )
    def test_worked_examples(self, text: str, direction: Direction) -> None:
        """A verb of change keeps its way over one of purpose; an activity is no way."""
        assert parse_key_result(text).direction is direction


class TestVerblessAndTimeLimits:
    """A number no verb governs, and the time an action must take."""

    @given(
        st.sampled_from(["Respond to new tickets", "Deploy a fix", "Review pull requests"]),
        st.sampled_from(["within", "in under", "in less than"]),
        st.integers(1, 72),
        st.sampled_from(["hours", "days", "minutes"]),
    )
    def test_an_action_done_in_under_a_time_is_a_ceiling(
        self, action: str, limit: str, n: int, unit: str
    ) -> None:
        """ "Respond in under 2 hours" is at most 2 hours, as "within 2 hours" is."""
        assert parse_key_result(f"{action} {limit} {n} {unit}").direction is Direction.AT_MOST

    @pytest.mark.parametrize(
        ("text", "direction"),
        [
            ("Bring checkout p99 under 300 ms", Direction.DECREASE),  # a metric, not an action
            ("Lighthouse 95", Direction.AT_LEAST),  # a score with no unit: better high
            ("eNPS of 40", Direction.AT_LEAST),
            ("Average watch time 12 minutes", Direction.AT_LEAST),  # time users give
            ("Cash runway 18 months", Direction.AT_LEAST),
            ("Partner sync 3.1 is released", Direction.MILESTONE),  # a version, done or not
            ("Video rendering 40 seconds", Direction.AT_MOST),  # a time taken
            ("Uptime and error rate 99", None),  # both ways: no direction
        ],
    )
    def test_worked_examples(self, text: str, direction: Direction | None) -> None:
        assert parse_key_result(text).direction is direction


class TestDeliverableDescribed:
    """A count after "with", once the deliverable is named, describes it: a milestone."""

    @pytest.mark.parametrize(
        ("text", "direction"),
        [
            ("Release the SDK with 4 language bindings", Direction.MILESTONE),
            ("Build a pricing model with three scenarios", Direction.MILESTONE),
            ("Launch with 3 content types", Direction.INCREASE),  # the count is what launches
            ("Run 5 workshops with partners", Direction.INCREASE),
            ("Ship the beta with 500 users", Direction.INCREASE),  # a metric's count
        ],
    )
    def test_worked_examples(self, text: str, direction: Direction) -> None:
        assert parse_key_result(text).direction is direction

    def test_a_version_done_is_said(self) -> None:
        """A number that names the thing done is said to be read so."""
        parsed = parse_key_result("Partner sync 3.1 is released")
        assert parsed.direction is Direction.MILESTONE
        assert any("'3.1' as part of its name" in a for a in parsed.ambiguities)


class TestQuantityGrammar:
    """The grammar of quantities: which number is a value, what it counts, and its form."""

    @given(
        st.sampled_from(["Release the SDK", "Build a pricing model", "Publish the style guide"]),
        st.sampled_from(["with", "with only"]),
        st.integers(1, 40),
        st.sampled_from(["language bindings", "scenarios", "sections"]),
    )
    def test_a_milestone_has_no_value(
        self, deliverable: str, with_: str, n: int, parts: str
    ) -> None:
        """D16-D17: a deliverable is done or not; a count that describes it is no value."""
        parsed = parse_key_result(f"{deliverable} {with_} {n} {parts}")
        assert parsed.direction is Direction.MILESTONE
        assert (parsed.value, parsed.form, parsed.unit, parsed.measurable) == (
            None,
            None,
            None,
            False,
        )

    @pytest.mark.parametrize(
        "text",
        ["Partner sync 3.1 is released", "Ship the exporter with two output formats"],
    )
    def test_numbers_of_a_milestone_are_named_not_valued(self, text: str) -> None:
        parsed = parse_key_result(text)
        assert parsed.direction is Direction.MILESTONE
        assert parsed.value is None
        assert not any("as a condition" in a for a in parsed.ambiguities)

    @given(
        st.sampled_from(["used", "adopted", "reviewed", "downloaded"]),
        st.integers(2, 999),  # not a year, which is a name
        st.sampled_from(["customers", "team members", "editors"]),
    )
    def test_by_after_a_participle_names_who(self, done: str, n: int, who: str) -> None:
        """ "used by 10 people" counts who does it: a level, not an amount of change."""
        parsed = parse_key_result(f"The new editor {done} by {n} {who}")
        assert (parsed.form, parsed.value) == ("target", float(n))

    @pytest.mark.parametrize(
        "text", ["Revenue increased by 10%", "Customer base grown by 500 customers"]
    )
    def test_by_after_a_verb_of_change_is_an_amount(self, text: str) -> None:
        assert parse_key_result(text).form == "change"

    @given(
        st.integers(2, 900),
        st.sampled_from(["(at least)", "(3+ times)", "(/api)", "(new)"]),
        st.sampled_from(["customers", "pull requests", "repo owners"]),
    )
    def test_a_short_aside_is_read_past(self, n: int, aside: str, noun: str) -> None:
        """The head noun of a counted phrase is found past a short aside in brackets."""
        parsed = parse_key_result(f"Have {n} {aside} {noun} this quarter")
        assert parsed.unit == noun.rsplit(maxsplit=1)[-1]

    def test_a_long_aside_ends_the_phrase(self) -> None:
        parsed = parse_key_result("Have 5 (see the plan for how we count them) customers")
        assert parsed.unit is None

    @given(
        st.sampled_from(["1K", "500", "a dozen", "40"]),
        st.sampled_from(["complete", "attend", "finish", "join"]),
        st.sampled_from(["the course", "our webinar", "every module"]),
    )
    def test_a_verb_after_a_count_is_no_unit(self, count: str, verb: str, thing: str) -> None:
        """ "500 complete the course" counts who does it; the verb names no counted thing."""
        assert parse_key_result(f"{count} {verb} {thing} every month").unit is None

    @pytest.mark.parametrize(
        ("text", "unit"),
        [("1 post a week on the blog", "post"), ("Run 3 test sessions", "sessions")],
    )
    def test_a_noun_that_is_also_a_verb_stays_a_unit(self, text: str, unit: str) -> None:
        assert parse_key_result(text).unit == unit

    @given(
        st.sampled_from(["The service", "Our app", "The release"]),
        st.sampled_from(["has no", "doesn't have", "does not have any"]),
        st.sampled_from(["open bugs", "failing checks", "security incidents"]),
    )
    def test_none_of_a_thing_counts_that_thing(self, subject: str, none: str, thing: str) -> None:
        """However a statement says none of something, the value is 0 of its head noun."""
        parsed = parse_key_result(f"{subject} {none} {thing}")
        assert (parsed.direction, parsed.value, parsed.unit) == (
            Direction.AT_MOST,
            0.0,
            thing.rsplit(maxsplit=1)[-1],
        )

    @given(
        st.integers(0, 99),
        st.integers(0, 59),
        st.sampled_from([("m", "s", "s"), ("h", "m", "min"), ("h", "min", "min")]),
    )
    def test_a_time_in_two_units_is_one_value(
        self, big: int, small: int, units: tuple[str, str, str]
    ) -> None:
        """ "1m30s" is 90 s and "2h15m" 135 min: one length of time, in the smaller unit."""
        parsed = parse_key_result(f"Keep p95 build time under {big}{units[0]}{small}{units[1]}")
        assert (parsed.value, parsed.unit) == (float(big * 60 + small), units[2])

    def test_a_million_is_still_a_million(self) -> None:
        assert parse_key_result("Grow to 1m users").value == 1_000_000

    @pytest.mark.parametrize(
        ("text", "form"),
        [
            ("Increase revenue by at least 10%", "change"),
            ("Recruit at least 6 more mentors", "change"),
            ("Cut at least 20% fewer tickets", "change"),
            ("Grow NPS to at least 50", "target"),
            ("Quality measured by no more than 2 escaped defects", "target"),  # who, not how much
            ("NPS improved by 10 points", "change"),
        ],
    )
    def test_a_qualifier_bounds_a_change_without_making_it_a_level(
        self, text: str, form: str
    ) -> None:
        assert parse_key_result(text).form == form

    @given(
        st.sampled_from(["one (or more)", "2", "4 (or more)"]),
        st.sampled_from(["the", "our"]),
        st.sampled_from(["gateway nodes", "design partners", "regions"]),
    )
    def test_a_count_of_the_things_takes_their_noun(self, n: str, det: str, things: str) -> None:
        """ "2 of the gateway nodes" counts nodes ("one of the" is no count: "one of the best")."""
        parsed = parse_key_result(f"Our daemon serves {n} of {det} {things}")
        assert parsed.unit == things.rsplit(maxsplit=1)[-1]

    @given(
        st.sampled_from(["X", "XX", "N", "TBD"]),
        st.sampled_from(["sign-ups", "new customers", "case studies"]),
    )
    def test_a_placeholder_counts_no_unit(self, slot: str, things: str) -> None:
        """D12: "XX sign-ups" is a target with no number written yet, and so no unit."""
        parsed = parse_key_result(f"Get {slot} {things} this quarter")
        assert (parsed.form, parsed.value, parsed.unit) == ("target", None, None)

    def test_a_placeholder_percentage_keeps_its_unit(self) -> None:
        assert parse_key_result("Increase usage by X%").unit == "%"

    @pytest.mark.parametrize(
        ("text", "value", "form"),
        [
            ("Grow the team (+2 backend, 1+ designer)", 2.0, "change"),
            ("Staff up for 3 regions: +4 support agents", 4.0, "change"),
        ],
    )
    def test_a_plus_sign_marks_the_amount(self, text: str, value: float, form: str) -> None:
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.form) == (value, form)

    @given(
        st.sampled_from(["backend", "marketing", "full-time design"]),
        st.sampled_from(["or", "and"]),
        st.sampled_from(["frontend engineers", "DevRel teammates", "data scientists"]),
    )
    def test_coordinated_modifiers_share_the_head_noun(
        self, first: str, conj: str, rest: str
    ) -> None:
        """ "3 backend or frontend engineers" counts engineers, not backends."""
        parsed = parse_key_result(f"Hire 3 {first} {conj} {rest}")
        assert parsed.unit == rest.rsplit(maxsplit=1)[-1]

    @pytest.mark.parametrize(
        ("text", "unit"),
        [
            ("Sign 5 customers and partners", "customers"),  # a plural head ends it
            ("Hire 1 designer and ship the app", "designer"),  # a clause follows
            ("Hire 1 designer and 2 engineers", "designer"),
        ],
    )
    def test_a_coordination_after_a_head_ends_it(self, text: str, unit: str) -> None:
        assert parse_key_result(text).unit == unit

    @given(
        st.lists(
            st.tuples(st.integers(2, 90), st.sampled_from(["beta", "internal", "pilot"])),
            min_size=1,
            max_size=3,
        ),
        st.integers(2, 90),
        st.sampled_from(["features", "case studies", "dashboards"]),
    )
    def test_a_list_of_counts_shares_its_last_head(
        self, firsts: list[tuple[int, str]], n: int, things: str
    ) -> None:
        """ "48 experimental, 16 beta, and 8 GA features": every count counts features."""
        listed = ", ".join(f"{k} {kind}" for k, kind in firsts)
        parsed = parse_key_result(f"{listed}, and {n} new {things} shipped")
        assert parsed.unit == things.rsplit(maxsplit=1)[-1]

    @pytest.mark.parametrize(
        ("text", "unit"),
        [
            ("Hire 1 designer, 2 engineers", "designer"),  # one: a singular head is right
            ("Reach >50 RT & 25k views", "rt"),  # an acronym names what it counts
        ],
    )
    def test_a_count_with_its_own_head_keeps_it(self, text: str, unit: str) -> None:
        assert parse_key_result(text).unit.lower() == unit  # type: ignore[union-attr]

    @given(
        st.integers(2, 900),
        st.sampled_from(["sign ups", "check ins", "opt outs", "follow ups"]),
    )
    def test_a_phrasal_noun_written_open_is_one_unit(self, n: int, noun: str) -> None:
        """ "500 sign ups" counts sign ups: a verb and its particle make one noun."""
        assert parse_key_result(f"Get {n} {noun} for the newsletter").unit == noun


class TestHonestGuesses:
    """Where the reader picks one of two readings, its `ambiguities` say so."""

    @given(
        st.sampled_from(["Achieve", "Get", "Reach", "Hit"]),
        st.sampled_from(["churn", "cost per lead", "p95 latency", "open incidents"]),
        st.integers(1, 99),
        st.sampled_from(["%", " ms", ""]),
    )
    def test_a_way_taken_from_the_metric_is_said(
        self, verb: str, metric: str, amount: int, unit: str
    ) -> None:
        """A verb of reaching with no qualifier and no start, read as down because the metric
        is better low, says it could not tell the way from the words."""
        parsed = parse_key_result(f"{verb} {metric} of {amount}{unit}")
        if parsed.direction is Direction.DECREASE:
            assert any("does not say which way" in a for a in parsed.ambiguities)

    def test_a_way_said_is_no_guess(self) -> None:
        """ "Achieve 2% churn" owns up to its guess; a qualifier or a start says the way, and
        then there is nothing to own up to."""
        guessed = parse_key_result("Achieve 2% churn")
        assert guessed.direction is Direction.DECREASE
        assert guessed.ambiguities == (
            "'achieve' does not say which way: read as down, as the metric is better low",
        )
        for text in ("Get churn under 2%", "Get churn from 5% to 2%", "Reduce churn to 2%"):
            assert not any("which way" in a for a in parse_key_result(text).ambiguities)

    def test_a_count_read_as_describing_a_deliverable_is_said(self) -> None:
        """A count after "with" in a deliverable is read as its description, and said to be."""
        parsed = parse_key_result("Release CodeNet with one challenge")
        assert (parsed.direction, parsed.value) == (Direction.MILESTONE, None)
        assert parsed.ambiguities == (
            "'one challenge' read as describing the deliverable, not as a count to reach",
        )


class TestConventionExamples:
    """The forms the corpus conventions (tests/data/real/README.md) name, each read as they
    say, on examples written for them."""

    @given(st.integers(1, 99), st.sampled_from(["percent", "pct", "%"]))
    def test_percent_is_relative_and_points_are_not(self, amount: int, spelling: str) -> None:
        """ "by 25 percent" is a share of the start, however % is spelt; "by 5 percentage
        points", "5pp", "5 p.p." are absolute."""
        sep = "" if spelling == "%" else " "
        relative = parse_key_result(f"Grow revenue by {amount}{sep}{spelling}")
        assert (relative.form, relative.unit, relative.relative) == ("change", "%", True)
        for points in (f"{amount} percentage points", f"{amount}pp", f"{amount} p.p."):
            absolute = parse_key_result(f"Grow conversion by {points}")
            assert (absolute.form, absolute.unit, absolute.relative) == ("change", "%", False)

    @pytest.mark.parametrize(
        ("text", "direction", "value"),
        [
            ("Grow activation 3 times more", Direction.INCREASE, 3.0),
            ("Serve 4 times as many schools", Direction.INCREASE, 4.0),
            ("Make builds 5 times faster", Direction.INCREASE, 5.0),
            ("3 times fewer incidents", Direction.DECREASE, 3.0),
            ("Grow activation 3 times", Direction.INCREASE, 3.0),  # a verb of change's
            ("Cut incidents by 2 times", Direction.DECREASE, 2.0),
        ],
    )
    def test_n_times_more_is_a_factor(self, text: str, direction: Direction, value: float) -> None:
        """ "N times more" is the factor N, as "Nx higher" is, and so is "N times" that a verb of
        change moves by; "3 times a day" stays a frequency."""
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.form, parsed.value, parsed.unit, parsed.relative) == (
            direction,
            "change",
            value,
            "x",
            True,
        )
        assert parse_key_result("Deploy 3 times a day").unit == "times"

    def test_average_as_a_verb(self) -> None:
        """ "Average 700 sign-ups a week" reaches a level (D14); "Average response time under
        2 hours" names the metric."""
        verb = parse_key_result("Average 700 new sign-ups per week")
        assert (verb.direction, verb.form, verb.value) == (Direction.INCREASE, "target", 700.0)
        metric = parse_key_result("Average response time under 2 hours")
        assert (metric.direction, metric.value, metric.unit) == (Direction.AT_MOST, 2.0, "h")

    def test_web_versions_are_names(self) -> None:
        """ "Web 3.0" is a name, as "Python 3.12" is; "the web 3 times more" is not one."""
        assert parse_key_result("Web 3.0 launch").value is None
        assert parse_key_result("Grow the web 3 times more").value == 3.0

    def test_standards_met_are_milestones(self) -> None:
        """A standard to meet is done or not, whatever its number: "Achieve ISO 27001", a
        deliverable (output true, as the conventions say of every milestone)."""
        for text in ("Achieve ISO 27001", "Get SOC 2 Type II", "Reach WCAG 2.2 AA"):
            parsed = parse_key_result(text)
            assert (parsed.direction, parsed.value, parsed.output) == (
                Direction.MILESTONE,
                None,
                True,
            )

    @pytest.mark.parametrize(
        ("text", "direction"),
        [
            ("% monthly projects with plugin usage", Direction.AT_LEAST),
            ("Number of active contributors", Direction.AT_LEAST),
            ("Number of open incidents", Direction.AT_MOST),
            ("Monthly average sessions per user", Direction.AT_LEAST),
            ("Plugin marketplace", Direction.MILESTONE),  # no measure named: a deliverable
        ],
    )
    def test_a_bare_measure_is_held(self, text: str, direction: Direction) -> None:
        """A metric named alone, with no verb and no number, is held its better way (D4); a
        share, a count or an average of things with no better way is held at least, as
        shares (D15) and counts of what others do (D2) are."""
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.form, parsed.measurable) == (direction, None, False)
        assert parsed.output is (direction is Direction.MILESTONE)

    @pytest.mark.parametrize(
        ("text", "direction", "output"),
        [
            ("Land the new billing flow", Direction.MILESTONE, True),
            ("Take the legacy API offline", Direction.MILESTONE, True),
            ("Collect feedback from every chapter", Direction.MILESTONE, True),
            ("Achieve consensus on the event model", Direction.MILESTONE, True),
            ("Hit plan", Direction.INCREASE, False),  # D13: a goal is a level
            ("Meet our hiring targets", Direction.INCREASE, False),
            ("Reach the 'elite' DORA level", Direction.INCREASE, False),
            ("Get mentioned by industry analysts", Direction.INCREASE, False),
            ("Get churn under control", Direction.DECREASE, False),  # a metric better low
            ("Drive adoption of the SDK", Direction.INCREASE, False),  # better high
        ],
    )
    def test_reaching_with_no_number(self, text: str, direction: Direction, output: bool) -> None:
        """A verb of reaching with no number goes up to a goal or plan (D13) or the way its
        metric is better; with neither, what it gets or does is a deliverable, done or not,
        and the reading says it could be a level."""
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.form, parsed.output) == (direction, None, output)
        guessed = any("could be a level to reach" in a for a in parsed.ambiguities)
        assert guessed == (direction is Direction.MILESTONE)

    @given(
        st.integers(1, 100),
        st.integers(1, 200),
        st.sampled_from(["Make sure", "Ensure", "Ensure that", "Get"]),
        st.sampled_from(["reach {}% of quota", "close {} deals", "answer within {} hours"]),
    )
    def test_a_share_after_the_verb_is_measured(
        self, share: int, other: int, verb: str, clause: str
    ) -> None:
        """A share of things right after the verb is what is measured (D15); what the things
        do or reach is its condition: "Make sure 80% of reps reach 75% of quota" is 80 %."""
        parsed = parse_key_result(f"{verb} {share}% of reps {clause.format(other)}")
        assert (parsed.value, parsed.unit, parsed.output) == (share, "%", False)

    @given(st.integers(1, 100), st.sampled_from(["sure", "certain"]))
    def test_make_sure_is_ensure(self, share: int, word: str) -> None:
        """ "Make sure" holds a level as "ensure" does: an outcome, not the work of making."""
        text = f"{{}} {share}% of deploys pass their checks"
        made = parse_key_result(text.format(f"Make {word}"))
        ensured = parse_key_result(text.format("Ensure"))
        assert (made.direction, made.value, made.output) == (
            ensured.direction,
            ensured.value,
            ensured.output,
        )
        assert not made.output


class TestSecondTrial:
    """What a second hostile and newcomer trial (of names, placeholders and labels) found,
    each pinned."""

    @pytest.mark.parametrize("size", [1_000, 2_000, 4_000])
    def test_a_long_run_after_a_slash_reads_in_linear_time(self, size: int) -> None:
        """An address's host name is bounded as DNS bounds it, so a run of "a-a-a-..." is
        searched from each word for a short way only: the same reading, no blow-up (the
        pattern that found "crbug.com/852022" once cost a quarter of a second here)."""
        parsed = parse_key_result("Reach 5 users ./ " + "a-" * size)
        assert (parsed.value, parsed.unit) == (5.0, "users")
        # A score at the end is looked for in the last characters only (benchmarks/
        # bench_text.py times these): a long run of spaces before a bracket is no score.
        assert parse_key_result("Ship 3 x" + " " * size + ")").value == 3.0
        # A plural before a number is looked for in the word before it, not from every
        # letter of a long word (which took 0.27 s at 4,000 letters since long before).
        assert parse_key_result("N" * size + " Ship 3").value == 3.0
        # "Down" looks back for the one word before it, not from the start of the text
        # (a search from there took 0.64 s at 8,000 letters, in a hostile read-back).
        down = parse_key_result("Churn " + "a" * size + " b down to 5%")
        assert (down.direction, down.value) == (Direction.DECREASE, 5.0)

    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            ("Reach the top two hundred in the app store", None, None),
            ("Rank one thousand keywords", 1000.0, "keywords"),  # "rank" the verb
            ("Be a top three vendor with two hundred customers", 200.0, "customers"),
            ("Reach [[SPv2]] 50 users", 50.0, "users"),  # nested brackets left no "[ ]"
            ("Grow NPS to [ ]", None, None),  # an empty box is still a placeholder
        ],
    )
    def test_ranks_and_brackets(self, text: str, value: float | None, unit: str | None) -> None:
        """A rank in words is a name with its scale ("top two hundred" read 100); a name in
        nested brackets leaves no placeholder behind."""
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.unit) == (value, unit)

    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            ("Close 3 enterprise deals, each over $100k", 3.0, "deals"),
            ("Sign 5 partners with over 100 seats", 5.0, "partners"),
            ("Run 4 webinars with at least 50 attendees apiece", 4.0, "webinars"),
        ],
    )
    def test_a_qualified_condition_on_each(self, text: str, value: float, unit: str) -> None:
        """A qualified number after "each" or "with" sets a condition on the things counted,
        not the target."""
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.unit) == (value, unit)

    def test_bands_are_well_formed(self) -> None:
        """A band has two numbers, low first: one too large to hold makes no band (and no
        error in `to_key_result`); one written high to low is read low to high, and said."""
        parsed = parse_key_result("Keep latency between 5 and 1e309 ms")
        assert parsed.upper is None
        to_key_result("Keep latency between 5 and 1e309 ms")  # no error
        parsed = parse_key_result("Keep p95 latency between 105 and 95 ms")
        assert (parsed.direction, parsed.value, parsed.upper) == (Direction.WITHIN, 95.0, 105.0)
        assert any("high to low" in a for a in parsed.ambiguities)

    def test_the_reader_checks_its_argument(self) -> None:
        """`key_result_reader()` refuses what is no str as `parse_key_result` does."""
        read = key_result_reader()
        for wrong in (None, 5, b"x"):
            with pytest.raises(InvalidTypeError, match="text: expected a str"):
                read(wrong)  # type: ignore[arg-type]

    @given(
        st.sampled_from(["1. ", "2) ", "a. ", "(3) ", "- ", "* ", "- [x] ", "[ ] ", "• "]),
        st.sampled_from(["", "Retention: ", "Team growth: ", "Q3 goal: "]),
        st.sampled_from(["Reduce churn by 8%", "Ship 3 features", "Grow sign-ups to 500"]),
    )
    def test_list_marks_and_labels_are_no_part(self, mark: str, label: str, kr: str) -> None:
        """What leads a line of a list (a number, a bullet, a task box) and a short label
        before a verb are no part of the statement: it reads as the statement alone."""
        alone = parse_key_result(kr)
        led = parse_key_result(mark + label + kr)
        assert (led.direction, led.form, led.value, led.unit, led.output) == (
            alone.direction,
            alone.form,
            alone.value,
            alone.unit,
            alone.output,
        )

    @given(
        st.sampled_from(
            [
                "1.2 ",
                "1.2. ",
                "KR 1.2 - ",
                "KR 2 - ",
                "KR 1) ",
                "KR 3: ",
                "[JD] ",
                "[Growth] ",
                "(JD) ",
                "(owner: ops) ",
                "@maria ",
                "<b>",
                "KR 1.2 - [JD] ",
            ]
        ),
        st.sampled_from(["Reduce churn by 8%", "Publish 12 case studies", "Double weekly users"]),
    )
    def test_numbers_and_tags_before_the_verb_are_no_part(self, lead: str, kr: str) -> None:
        """A key result's or section's number, a tag, a handle or an HTML tag before the verb
        leave the reading as the statement alone gives it (a second trial, of documents as
        teams dress their key results, found each)."""
        alone = parse_key_result(kr)
        led = parse_key_result(lead + kr)
        assert (led.direction, led.form, led.value, led.unit, led.output) == (
            alone.direction,
            alone.form,
            alone.value,
            alone.unit,
            alone.output,
        )

    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            ("KR 3 - 99.95% availability", 99.95, "%"),  # the key result's number, no band
            ("Reduce&nbsp;churn&nbsp;from&nbsp;5%&nbsp;to&nbsp;3%", 3.0, "%"),
            ("NPS &gt;= 45", 45.0, None),
            ("Cut churn by 5&#37;", 5.0, "%"),
            ("_Publish 12 case studies_", 12.0, "studies"),  # emphasis is no part of the noun
            ("Publish 12 ‘case studies’", 12.0, "studies"),  # nor are quotes around it
            ("Publish 12 'case studies'", 12.0, "studies"),
            ("Publish 12 case studies (due 2025-06-30)", 12.0, "studies"),  # an ISO date
            ("Publish 12 case studies by 15.06.", 12.0, "studies"),  # a date as Europe writes
            ("Cut latency by 1.5.", 1.5, None),  # a sentence's full stop, no date
            ("Keep uptime at 99.9% — 60%", 99.9, "%"),  # progress after a dash, no band
            ("p95 latency under 300 ms — 0.6", 300.0, "ms"),  # a score after a dash, too
            ("p95 latency under 300 ms - 0.6", 300.0, "ms"),
            ("Reduce churn to \x1b[31m4.1%\x1b[0m", 4.1, "%"),  # a terminal's colours
            ("p95 latency under 300 ms — 1", 300.0, "ms"),
            ("Median time to first response under 4h — 0.4", 4.0, "h"),
            ("Publish 12 case studies => 60%", 12.0, "studies"),  # progress after "=>"
            ("Launch the mobile app (0.7)", None, None),  # a score, no count
            ("Cut churn to 3% (was 4%)", 3.0, "%"),  # a baseline in brackets stays one
            ("### 99.95% availability", 99.95, "%"),  # a heading's mark, no issue "# 99"
            ("> Zero P1 incidents", 0.0, "incidents"),  # a quote's mark, no "more than"
            ("> 50% of users active weekly", 50.0, "%"),  # but "more than" before a number
        ],
    )
    def test_documents_dressing(self, text: str, value: float, unit: str | None) -> None:
        """HTML's entities, Markdown's emphasis and dates written as ISO or Europe write them
        change no reading."""
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.unit) == (value, unit)
        if "&gt;=" in text or text.startswith("> 50"):
            assert parsed.direction is Direction.AT_LEAST
        if "(was" in text:
            assert parsed.start == 4.0
        assert not set("—(=") & set(parsed.metric or "")  # progress is no part of the metric

    def test_a_label_with_no_verb_is_the_metric(self) -> None:
        """ "NPS: 45" keeps its label: it names the metric."""
        parsed = parse_key_result("NPS: 45")
        assert (parsed.metric, parsed.value) == ("NPS", 45.0)

    @pytest.mark.parametrize("link", ["; ", ", and ", ", then "])
    def test_a_semicolon_starts_a_clause(self, link: str) -> None:
        """A verb after a semicolon governs the number as one after "and" does."""
        parsed = parse_key_result(f"Write the docs pages{link}reach 5,000 page views")
        assert (parsed.value, parsed.output) == (5000.0, False)

    @pytest.mark.parametrize("slot", ["N", "_N_", "*N*", "$X", "$ZZZ"])
    def test_a_placeholder_after_to_is_a_target(self, slot: str) -> None:
        """Emphasis or a currency sign before a placeholder hide no "to": a level."""
        parsed = parse_key_result(f"Increase weekly active users to {slot}")
        assert (parsed.form, parsed.value, parsed.measurable) == ("target", None, False)
        # and the emphasis is no part of the metric after it
        assert parse_key_result(f"Reach {slot} weekly users").metric == "weekly users"


class TestBusyWording:
    """What a trial of key results as busy people word them (shorthand, passives, other
    prepositions) found, each pinned."""

    @given(
        st.integers(1, 90),
        st.sampled_from(["MRR", "CAC", "revenue", "YoY", "weekly signup"]),
        st.sampled_from([("growth", Direction.INCREASE), ("increase", Direction.INCREASE),
                         ("reduction", Direction.DECREASE), ("decline", Direction.DECREASE)]),
    )  # fmt: skip
    def test_a_change_noun_after_the_metric(
        self, share: int, metric: str, change: tuple[str, Direction]
    ) -> None:
        """ "20% MRR growth" is a change of 20 %, as "a 20% growth in MRR" is."""
        noun, direction = change
        parsed = parse_key_result(f"{share}% {metric} {noun}")
        assert (parsed.direction, parsed.form, parsed.value, parsed.relative) == (
            direction,
            "change",
            share,
            True,
        )

    @pytest.mark.parametrize(
        ("text", "direction", "form", "value"),
        [
            ("MRR grown by 20%", Direction.INCREASE, "change", 20.0),  # an irregular participle
            ("Churn cut to 3%", Direction.DECREASE, "target", 3.0),  # written as its base
            ("Churn reduced to 3%", Direction.DECREASE, "target", 3.0),
            ("Increase revenue till $2M", Direction.INCREASE, "target", 2_000_000.0),
            ("Reduce turnover until 10%", Direction.DECREASE, "target", 10.0),
            ("Grow NPS from 30 till 45", Direction.INCREASE, "target", 45.0),
        ],
    )
    def test_participles_and_words_for_to(
        self, text: str, direction: Direction, form: str, value: float
    ) -> None:
        """A change verb's participle after its metric governs, irregular or written as its
        base before "by" or "to"; "till", "until" and "upto" before a target say "to"."""
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.form, parsed.value) == (direction, form, value)
        if "from" in text:
            assert (parsed.start, parsed.unit) == (30.0, None)

    @pytest.mark.parametrize(
        "limit", ["within 2 hours", "w/in 2 hours", "in max 2 hours", "in 2 hours maximum"]
    )
    def test_a_time_limit_written_short(self, limit: str) -> None:
        """ "w/in", "in max", "... maximum" set a time limit as "within" does: at most."""
        parsed = parse_key_result(f"Respond to tickets {limit}")
        assert (parsed.direction, parsed.value, parsed.unit) == (Direction.AT_MOST, 2.0, "h")

    @pytest.mark.parametrize(
        "text", ["Onboarding in 3 days", "Onboard customers in 3 days", "Resolve P1s in 3 days"]
    )
    def test_an_activity_in_a_time_is_a_limit(self, text: str) -> None:
        """An activity done "in" a time takes at most that time: no count of days of work
        (unlike "Ship v2 in 6 weeks", whose weeks are a deadline)."""
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value, parsed.unit, parsed.output) == (
            Direction.AT_MOST,
            3.0,
            "days",
            False,
        )
        assert parse_key_result("Ship v2 in 6 weeks").deadline == "in 6 weeks"

    @pytest.mark.parametrize(
        ("text", "direction", "form", "output"),
        [
            ("Set up 5 dashboards", Direction.INCREASE, "target", True),  # a verb's particle
            ("Write down 5 runbooks", Direction.INCREASE, "target", True),
            ("Sign up 10 new partners", Direction.INCREASE, "target", False),
            ("Traffic up 20%", Direction.INCREASE, "change", False),  # a metric up: a change
            ("Churn down 2%", Direction.DECREASE, "change", False),
            ("Revenue up 20%", Direction.INCREASE, "change", False),
        ],
    )
    def test_a_verbs_particle_is_no_change(
        self, text: str, direction: Direction, form: str, output: bool
    ) -> None:
        """ "up" or "down" after a leading verb is its particle ("Set up 5 dashboards"), not
        a change as after a metric ("Traffic up 20%")."""
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.form, parsed.output) == (direction, form, output)

    @pytest.mark.parametrize("lead", ["Aim to ", "We aim to ", "Goal - ", "Goal: ", "Can we "])
    def test_a_goal_or_question_around_the_verb(self, lead: str) -> None:
        """ "Aim to", "Goal -", "Can we ...?" leave the verb after them governing."""
        plain = parse_key_result("Reduce churn to 3%")
        led = parse_key_result(f"{lead}reduce churn to 3%")
        assert (led.direction, led.form, led.value) == (plain.direction, "target", 3.0)

    @pytest.mark.parametrize(
        ("text", "start", "value"),
        [
            ("Reduce churn 5% => 3%", 5.0, 3.0),  # "=>" between two numbers is an arrow
            ("NPS 32 => 50", 32.0, 50.0),
            ("NPS => 45", None, 45.0),  # after a bare metric, no progress either
            ("Publish 12 case studies => 60%", None, 12.0),  # after its own number: progress
            ("Churn: 5% -> 3%", 5.0, 3.0),  # an arrow after a label's colon
        ],
    )
    def test_a_double_arrow(self, text: str, start: float | None, value: float) -> None:
        """ "=>" is an arrow from a start to a target, as "->" is, unless a statement with
        its own number or verb comes before it: then what follows is progress (GitLab)."""
        parsed = parse_key_result(text)
        assert (parsed.start, parsed.value) == (start, value)

    @pytest.mark.parametrize(
        ("text", "form", "value", "unit"),
        [
            ("Publish 12x case studies", "target", 12.0, "studies"),  # 12 of them
            ("Hire 3x engineers", "target", 3.0, "engineers"),
            ("Ship 2x faster releases", "change", 2.0, "x"),  # a comparative: a factor
            ("Grow weekly signups 2x", "change", 2.0, "x"),  # a verb of change: a factor
        ],
    )
    def test_an_activitys_x_counts_its_things(
        self, text: str, form: str, value: float, unit: str
    ) -> None:
        """After an activity, "12x case studies" counts twelve of them; a factor stays one
        after a verb of change or before a comparative."""
        parsed = parse_key_result(text)
        assert (parsed.form, parsed.value, parsed.unit) == (form, value, unit)


class TestHostileNumbers:
    """What a hostile trial of the new number forms found, each pinned."""

    @given(
        st.sampled_from(
            [
                "1e309",
                "1e999",
                "1e-999",
                "1e-400",
                "-1e999",
                "±1e999",
                "$1e309",
                "1e999999 lakh",
                "1e999999 million",
            ]
        ),
        st.sampled_from(["Reach {} users", "Keep drift within {}%", "Grow revenue from {} by 20%"]),
    )
    def test_numbers_no_float_holds_are_none_and_said(self, number: str, template: str) -> None:
        """A figure too large or too small for a float is no number, and the reading says so,
        so that `okrkit parse --format json` stays JSON and no target is infinite or 0."""
        parsed = parse_key_result(template.format(number))
        well_formed(parsed, parsed.text)
        assert any("too large or too small" in a for a in parsed.ambiguities)
        assert (parsed.start, parsed.upper) == (None, None)

    @pytest.mark.parametrize("text", ["Keep drift within ±0", "Reach -0 users", "Hold -0-0"])
    def test_no_negative_zero(self, text: str) -> None:
        """ "-0" and "±0" are 0, not negative zero, in the reading and the key result."""
        parsed = parse_key_result(text)
        well_formed(parsed, text)
        target = to_key_result(text).target
        for number in target if isinstance(target, tuple) else (target,):
            assert number is None or math.copysign(1, number) > 0

    @pytest.mark.parametrize(
        ("text", "unit"),
        [("Onboarding time 6w", "weeks"), ("Cycle time 2y", "years"), ("Lead time 18d", "days")],
    )
    def test_glued_durations_are_known_units(self, text: str, unit: str) -> None:
        """ "6w", "2y" and "18d" name units `canonical_unit` knows, as the rules compare them."""
        read = parse_key_result(text).unit
        assert read is not None
        assert canonical_unit(read) == unit

    @pytest.mark.parametrize(
        "text",
        ["Deliver within 3 mo", "Deliver in 2 yrs", "Deliver within 6w", "Deliver in 2y"],
    )
    def test_short_durations_are_deadlines(self, text: str) -> None:
        """A time limit written short is a deadline, as "within 3 months" is, not a target."""
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.deadline is not None) == (None, True)

    @pytest.mark.parametrize(
        ("text", "direction", "value", "upper"),
        [
            ("Keep variance at ±2 ms", Direction.WITHIN, -2.0, 2.0),
            ("Reduce churn by ±5%", Direction.DECREASE, 5.0, None),
            ("Increase NPS from ±5 to 50", Direction.INCREASE, 50.0, None),
            ("Keep growth within ±2x", Direction.AT_MOST, 2.0, None),
        ],
    )
    def test_plus_or_minus_only_alone_is_a_band(
        self, text: str, direction: Direction, value: float, upper: float | None
    ) -> None:
        """ "±N" is a band on its own, not after "by", "from" or "between", nor of a factor."""
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value, parsed.upper) == (direction, value, upper)

    def test_make_sure_spans_both_words(self) -> None:
        """ "Make sure" is the verb, not "Make" with "sure" in the metric."""
        parsed = parse_key_result("Make sure uptime stays above 99.9%")
        assert [(s.label, s.text) for s in parsed.spans][:2] == [
            ("verb", "Make sure"),
            ("metric", "uptime stays"),
        ]
        assert parse_key_result("Make sure that bugs get filed automatically").direction is (
            Direction.AT_LEAST
        )

    @pytest.mark.parametrize(
        ("text", "value", "unit", "relative"),
        [
            ("Reduce costs by 25 per cent", 25.0, "%", True),
            ("Grow revenue by 1,5x", 1.5, "x", True),
            ("Grow sign-ups 2,5 times more", 2.5, "x", True),
            ("Reach 1,5 millionaires", 1.0, None, False),
        ],
    )
    def test_more_spellings(self, text: str, value: float, unit: str, relative: bool) -> None:
        """ "per cent" is %; a decimal comma before "x" or "times"; "millionaires" no scale."""
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.unit, parsed.relative) == (value, unit, relative)

    def test_done_or_not_wrong_type(self) -> None:
        """Anything but a str is an InvalidTypeError, as for the other readers."""
        for wrong in (None, b"x", 5):
            for reader in (done_or_not, share_of_plan):
                with pytest.raises(InvalidTypeError, match="text: expected a str"):
                    reader(wrong)  # type: ignore[arg-type]

    @given(
        st.integers(1, 200),
        st.sampled_from(["", "the ", "our ", "the sales ", "our hiring "]),
        st.sampled_from(["plan", "quota", "target", "goals", "budget", "forecast", "commit"]),
    )
    def test_share_of_plan(self, share: int, before: str, planned: str) -> None:
        """A share of an amount planned for the cycle is attainment, whatever the amount is
        called; a share of anything else, or a plan with no share, is not."""
        assert share_of_plan(f"Achieve {share}% of {before}{planned}")
        assert not share_of_plan(f"Achieve {share}% of {before}customers")
        assert not share_of_plan(f"Hit {before}{planned}")


def assert_reads(parsed: ParsedKeyResult, **expected: object) -> None:
    """That *parsed* reads as *expected* says, field by field (one message names them all)."""
    assert {name: getattr(parsed, name) for name in expected} == expected


class TestSentencesWithASubject:
    """What a trial of key results written as sentences with a subject found, each pinned:
    a verb of change with no object after its metric, a passive's auxiliary, a listed
    activity verb after a subject with its count, and what is free of a fault."""

    @given(
        st.sampled_from(["Escalations", "Monthly active users", "Costs", "Our eNPS", "Bookings"]),
        st.sampled_from([("rise", "rises", Direction.INCREASE),
                         ("climb", "climbs", Direction.INCREASE),
                         ("fall", "falls", Direction.DECREASE),
                         ("decline", "declines", Direction.DECREASE),
                         ("sink", "sinks", Direction.DECREASE)]),
        st.integers(1, 900),
        st.sampled_from(["to ", "by ", "to $", "by $"]),
    )  # fmt: skip
    def test_a_verb_of_change_with_no_object(
        self, subject: str, verb: tuple[str, str, Direction], n: int, prep: str
    ) -> None:
        """ "Costs fall by $200k", "MAU climb to 2 million": the verb after the metric says
        the way, whatever the metric's polarity, as the imperative's verb of change would."""
        plural, singular, direction = verb
        agrees = plural if subject.endswith("s") and subject != "Our eNPS" else singular
        parsed = parse_key_result(f"{subject} {agrees} {prep}{n}")
        assert (parsed.direction, parsed.value, parsed.output) == (direction, n, False)
        assert parsed.form == ("change" if prep.startswith("by") else "target")

    @given(
        st.integers(2, 90),
        st.sampled_from([("case studies", "published"), ("engineers", "hired"),
                         ("security audits", "completed"), ("workshops", "held")]),
        st.sampled_from(["", "are ", "were ", "get "]),
    )  # fmt: skip
    def test_a_passive_with_its_auxiliary(self, n: int, done: tuple[str, str], aux: str) -> None:
        """ "12 case studies are published" is "12 case studies published": the team's own
        work counted up (D2), with or without the passive's auxiliary."""
        noun, participle = done
        parsed = parse_key_result(f"{n} {noun} {aux}{participle}")
        assert_reads(parsed, direction=Direction.INCREASE, form="target", value=n, output=True)

    @pytest.mark.parametrize(
        ("text", "direction", "output"),
        [
            ("The council publishes 20 open datasets", Direction.INCREASE, True),
            ("The foundation trains 300 teachers", Direction.INCREASE, True),
            ("Q3 revenue hits $5M", Direction.INCREASE, False),
            # A share the team completes is a level of its work, not a count of it.
            ("Each sprint the team completes 90% of planned work", Direction.AT_LEAST, False),
            ("Crash-free sessions reach 99.8%", Direction.INCREASE, False),
            ("Keep crash-free users above 99%", Direction.AT_LEAST, False),
            ("Reduce crashes to 5 a week", Direction.DECREASE, False),
            # A first word that is also a verb leads the subject of a later verb.
            ("Open issues decline from 900 to 400", Direction.DECREASE, False),
            ("Offer letters reach 40 a month", Direction.INCREASE, False),
            ("Offer 3 plans", Direction.INCREASE, True),
            ("Open 3 offices", Direction.INCREASE, True),
            # D6: the first target, the activity's count right after its verb; with no
            # count, the later clause's change.
            ("Hire 2 SREs, cut toil by 30%", Direction.INCREASE, True),
            ("Hire SREs, cut toil by 30%", Direction.DECREASE, False),
        ],
    )
    def test_worked_examples(self, text: str, direction: Direction, output: bool) -> None:
        """Each reads as the conventions say (tests/data/real/README.md)."""
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.output) == (direction, output)

    @given(st.sampled_from(["crash", "error", "bug", "incident", "defect"]))
    def test_free_of_a_fault_is_better_high(self, fault: str) -> None:
        """A fault is better low; what is free of it is better high."""
        assert polarity(f"{fault}s per week") == "lower"
        assert polarity(f"{fault}-free sessions") == "higher"


class TestPlansOfNumberedWeeks:
    """Rules from the slice studied third (objectives 261-399 of the development part)."""

    @given(
        st.sampled_from(["Ship the review queue", "Reduce churn to 3%", "Publish 4 case studies",
                         "Reach 500 weekly users", "Set up the schema"]),
        st.sampled_from(["by Week", "by end of Week", "by the end of Sprint", "by Day",
                         "before week", "by Month"]),
        st.integers(1, 52),
    )  # fmt: skip
    def test_a_numbered_week_is_a_deadline(self, statement: str, by: str, n: int) -> None:
        """ "by Week 6", "by the end of Sprint 4": a plan's numbered week, sprint or day is
        when, not how much; the statement reads as it does without it."""
        parsed = parse_key_result(f"{statement} {by} {n}")
        alone = parse_key_result(statement)
        assert parsed.deadline == f"{by} {n}"
        assert_reads(
            parsed,
            direction=alone.direction,
            form=alone.form,
            value=alone.value,
            unit=alone.unit,
            output=alone.output,
        )

    @given(
        st.sampled_from(["Publish", "Complete and document", "Write", "Agree on"]),
        st.integers(2, 36),
        st.sampled_from(["-", " "]),
        st.sampled_from(["month", "week", "year", "quarter"]),
        st.sampled_from(["roadmap", "product roadmap", "hiring plan", "strategy"]),
    )
    def test_a_span_before_a_noun_is_no_amount(
        self, verb: str, n: int, joint: str, span: str, noun: str
    ) -> None:
        """ "Publish a 6-month product roadmap": a span in the singular before a noun says
        what the noun spans, so the deliverable is done or not; after "to" it is the value
        ("Reduce lead time to 2 week")."""
        parsed = parse_key_result(f"{verb} {n}{joint}{span} {noun}")
        assert (parsed.direction, parsed.value, parsed.output) == (Direction.MILESTONE, None, True)
        reduced = parse_key_result(f"Reduce lead time to {n}{joint}{span} {noun}")
        assert reduced.value == n

    @given(
        st.sampled_from(["Release", "Ship", "Deprecate support for", "Upgrade to"]),
        st.sampled_from(["OpenEBS", "GitLab", "TLS", "Kubernetes", "PostgreSQL"]),
        st.integers(0, 30),
        st.integers(0, 9),
        st.booleans(),
    )
    def test_a_version_is_a_name(
        self, verb: str, product: str, major: int, minor: int, pair: bool
    ) -> None:
        """ "Release OpenEBS 1.0", "Deprecate TLS 1.0 and 1.1": a product's version, also
        in a mixed-case name and in a list, is a name; the deliverable is done or not."""
        version = f"{major}.{minor}" + (f" and {major}.{minor + 1}" if pair else "")
        parsed = parse_key_result(f"{verb} {product} {version}")
        assert (parsed.direction, parsed.value, parsed.output) == (Direction.MILESTONE, None, True)

    @pytest.mark.parametrize("text", ["Reach NPS 4.5", "Keep CSAT 4.5", "Reach an eNPS of 4.5"])
    def test_a_score_in_capitals_is_no_version(self, text: str) -> None:
        """A metric's name in capitals before a decimal is a score's level, not a version."""
        assert parse_key_result(text).value == 4.5

    @given(
        st.sampled_from(["Configure alerts in Slack", "Run weekly standups", "Ship the new flow"]),
        st.sampled_from([(", reducing", "to", Direction.DECREASE),
                         (", achieving", "of under", Direction.DECREASE),
                         (", achieving", "of at least", Direction.INCREASE),
                         (", raising", "to", Direction.INCREASE)]),
        st.integers(2, 90),
    )  # fmt: skip
    def test_a_participle_clause_governs_its_number(
        self, work: str, clause: tuple[str, str, Direction], n: int
    ) -> None:
        """ "Configure alerts, achieving a response time of under 5 minutes": a verb of a way
        in its -ing form after a comma governs the number, as its base form after "and"
        does; the work is the means and the number the outcome.  After "by" the -ing form
        names the means, and work stays work ("by closing 5 issues")."""
        verb, prep, direction = clause
        parsed = parse_key_result(f"{work}{verb} the response time {prep} {n} minutes")
        assert (parsed.direction, parsed.value, parsed.output) == (direction, n, False)
        means = parse_key_result(f"Help build CD features by closing {n} issues")
        assert (means.direction, means.value, means.output) == (Direction.INCREASE, n, True)

    @given(st.integers(1, 90), st.integers(1, 90), st.sampled_from(["days", "weeks", "months"]))
    def test_an_age_or_a_span_range_is_no_amount(self, a: int, b: int, unit: str) -> None:
        """ "vulnerabilities 90-180 days old" picks things out by their age; a range of a
        span before a noun ("a 5-10 year replacement plan") says what the noun spans."""
        low, high = sorted((a, a + b))
        aged = parse_key_result(f"Remediate all vulnerabilities {low}-{high} {unit} old")
        assert (aged.direction, aged.value, aged.upper) == (Direction.MILESTONE, None, None)
        span = parse_key_result(f"Publish a {low}-{high} {unit[:-1]} replacement plan")
        assert (span.direction, span.value, span.upper) == (Direction.MILESTONE, None, None)

    @given(
        st.sampled_from(["Net revenue retention", "Customer satisfaction", "Test coverage"]),
        st.sampled_from([("is", None), ("are", None), ("exceeds", Direction.AT_LEAST),
                         ("make up", None)]),
        st.integers(1, 99),
    )  # fmt: skip
    def test_a_verb_that_states_a_level(
        self, metric: str, verb: tuple[str, Direction | None], n: int
    ) -> None:
        """ "NRR exceeds 110%", "Women make up 40% of hires", "Coverage is 80%": a verb that
        states a level is "=" (a target, no change), and "exceeds" is "over"."""
        word, direction = verb
        parsed = parse_key_result(f"{metric} {word} {n}%")
        assert_reads(parsed, form="target", value=n, relative=False, output=False)
        assert direction is None or parsed.direction is direction

    @given(
        st.sampled_from(["1.8", "3", "4", "2.5"]),
        st.sampled_from(["x pipeline coverage", "x qualified pipeline coverage", "x replication",
                         "X ROAS"]),
        st.sampled_from(["", "Have ", "Keep "]),
    )  # fmt: skip
    def test_a_multiple_of_a_metric_in_multiples_is_a_level(
        self, factor: str, metric: str, verb: str
    ) -> None:
        """D8: "1.8x pipeline coverage", "Have 4x replication" state a level at least;
        "2x weekly signups", "Grow pipeline coverage 3x" are growths."""
        parsed = parse_key_result(f"{verb}{factor}{metric}")
        assert_reads(
            parsed, direction=Direction.AT_LEAST, form="target", value=float(factor), relative=False
        )
        assert not any("condition" in said for said in parsed.ambiguities)
        for growth in (f"{factor}x weekly signups", f"Grow pipeline coverage {factor}x"):
            grown = parse_key_result(growth)
            assert_reads(grown, direction=Direction.INCREASE, form="change", relative=True)

    @pytest.mark.parametrize(
        ("text", "direction", "value"),
        [
            ("Be responsive to our users", Direction.AT_LEAST, None),
            ("Be under $40k in cloud spend", Direction.AT_MOST, 40_000.0),
            ("Be at 99.9% uptime", Direction.AT_LEAST, 99.9),
            ("Stay under budget", Direction.AT_MOST, None),
            ("Keep spend within plan", Direction.AT_MOST, None),
            ("Cloud spend does not exceed $40k per month", Direction.AT_MOST, 40_000.0),
        ],
    )
    def test_a_state_to_be_in(self, text: str, direction: Direction, value: float | None) -> None:
        """ "Be ..." holds a state as "stay" does, an outcome, not a deliverable; a bound
        after a verb of holding says the way with no number ("Stay under budget"); "does not
        exceed" is a ceiling."""
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value, parsed.output) == (direction, value, False)

    def test_a_capability_is_built(self) -> None:
        """ "Be able to ..." names a capability the team builds, done or not."""
        parsed = parse_key_result("Be able to show the website to new visitors")
        assert (parsed.direction, parsed.output) == (Direction.MILESTONE, True)


class TestSeveralNumbers:
    """What a trial of key results that carry several numbers found, each pinned."""

    @given(st.integers(1, 40), st.integers(1, 40), st.sampled_from(["increase", "cut", "grow"]))
    def test_a_later_clause_does_not_change_the_first_target(
        self, churn: int, amount: int, verb: str
    ) -> None:
        """ "Reduce churn to 3% and increase expansion revenue by 20%": the second clause's
        verb is no change noun after the first number, whose form stays its own (D6)."""
        parsed = parse_key_result(f"Reduce churn to {churn}% and {verb} revenue by {amount}%")
        assert_reads(
            parsed, direction=Direction.DECREASE, form="target", value=churn, relative=False
        )

    @given(
        st.integers(1, 30),
        st.integers(1, 30),
        st.sampled_from([("under", Direction.AT_MOST), ("below", Direction.AT_MOST),
                         ("over", Direction.AT_LEAST), ("at least", Direction.AT_LEAST)]),
    )  # fmt: skip
    def test_with_no_verb_the_qualifier_beats_the_baseline(
        self, target: int, now: int, qualifier: tuple[str, Direction]
    ) -> None:
        """ "Regretted attrition under 8% (currently 12%)": with no verb a qualifier gives
        the way; the baseline only fills `start`."""
        word, direction = qualifier
        parsed = parse_key_result(f"Regretted attrition {word} {target}% (currently {now}%)")
        assert (parsed.direction, parsed.value, parsed.start) == (direction, target, now)

    @pytest.mark.parametrize(
        ("text", "start", "value"),
        [
            ("First contact resolution 75% (Q3: 68%)", 68.0, 75.0),
            ("First-time contributors: 60 per quarter (Q2: 41)", 41.0, 60.0),
            ("Halve the number of Sev-2 pages (currently 14)", 14.0, 2.0),
            ("Cut ticket backlog by half (currently 1,200)", 1200.0, 2.0),
            ("Double sign-ups from 5k", 5000.0, 2.0),
            # "from" a number of other things names a source, not a start.
            ("Generate $2.5M ARR from 40 enterprise accounts", None, 2_500_000.0),
            ("Grow revenue to ₹40 lakh per month from 12 partner schools", None, 4_000_000.0),
            ("Grow MAU from 10k users to 20k users", 10_000.0, 20_000.0),
        ],
    )
    def test_baselines_and_sources(self, text: str, start: float | None, value: float) -> None:
        """A period's level in brackets and a baseline beside a factor are the start; "from"
        a count of other things is where the value comes from."""
        parsed = parse_key_result(text)
        assert (parsed.start, parsed.value) == (start, value)

    def test_a_factor_from_a_baseline_sets_the_target(self) -> None:
        """`to_key_result` takes a factor from the baseline the statement gives."""
        kr = to_key_result("Halve the number of Sev-2 pages (currently 14)")
        assert (kr.direction, kr.start, kr.target) == (Direction.DECREASE, 14, 7)

    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            # A condition on the things counted, after them, is no target.
            ("Close 40 deals over $10k each", 40.0, "deals"),
            ("Hire 12 engineers by Q3, at least 40% of them women", 12.0, "engineers"),
            # "N of M": the part is the value, counting what the whole counts.
            ("Migrate 30 of 45 microservices to Kubernetes", 30.0, "microservices"),
            ("Digitise 20 of the 35 paper forms", 20.0, "forms"),
            # A from-to pair's end beats a number a preposition marks before it.
            ("Reduce average wait time at 12 service centres from 40 to 15 minutes", 15.0, "min"),
            # A pair in brackets beside a change is its context: the change stays the value.
            ("Cut AWS spend by 20% ($1.2M to $960k annualized)", 20.0, "%"),
        ],
    )
    def test_which_number_is_the_target(self, text: str, value: float, unit: str) -> None:
        """The number the metric is checked against, not a condition or the whole."""
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.unit) == (value, unit)

    @pytest.mark.parametrize("word", ["Overare", "Outwas", "Rewent", "Updone", "Misgone"])
    def test_a_made_up_prefixed_word_is_read(self, word: str) -> None:
        """A made-up word of a prefix and a short verb's form ("Overare") once made the
        reader raise: it asked for the weight of a lemma ("overbe") that was no lemma."""
        parsed = parse_key_result(f"{word} costs")
        assert parsed.value is None

    @given(st.sampled_from(["Reach", "Achieve", "Hit"]), st.sampled_from(["3", "1.8", "4"]))
    def test_a_multiple_reached(self, verb: str, factor: str) -> None:
        """ "Reach 3x pipeline coverage": a verb of reaching takes the level up (D8 with the
        conventions' verbs of reaching), a target of 3x, not a growth by 3."""
        parsed = parse_key_result(f"{verb} {factor}x pipeline coverage")
        assert_reads(
            parsed, direction=Direction.INCREASE, form="target", value=float(factor), relative=False
        )

    @pytest.mark.parametrize(
        ("text", "metric"),
        [
            ("Signups climb to 10,000", "Signups"),
            ("Churn reduced to 3%", "Churn"),
            ("MRR grown by 20%", "MRR"),
            ("Open issues decline from 900 to 400", "Open issues"),
            ("We will launch 3 features", "features"),
        ],
    )
    def test_the_subject_is_the_metric(self, text: str, metric: str) -> None:
        """A verb's subject names the metric when nothing after the verb does; "We will"
        names none."""
        assert parse_key_result(text).metric == metric

    @given(
        st.sampled_from(["Mean time", "Median time", "Time", "Average lead time"]),
        st.sampled_from(["recover", "first response", "merge", "hire"]),
        st.integers(2, 90),
    )
    def test_time_to_a_word_names_a_time_taken(self, time: str, to: str, n: int) -> None:
        """ "time to" before a word is part of the metric's name (a newcomer's "Mean time to
        recover under 1 hour" was the metric "Mean time"); before a number it is the target's."""
        assert parse_key_result(f"{time} to {to} under {n} days").metric == f"{time} to {to}"
        reduced = parse_key_result(f"Reduce {time.lower()} to {n} days")
        assert (reduced.metric, reduced.value) == (time.lower(), n)
        # nor before a bound, a purpose or a level in words (a trial's), nor in "downtime"
        for after in ("max", "no more than", "a maximum of", "enable faster releases"):
            cut = parse_key_result(f"Cut {time.lower()} to {after} {n} days")
            assert cut.metric == time.lower()
        assert parse_key_result("Reduce downtime to a minimum").metric == "downtime"
        assert parse_key_result(f"Cut {time.lower()} to ship faster").metric == time.lower()

    @given(
        st.integers(1, 999),
        st.sampled_from([("thousand", 10**3), ("million", 10**6), ("billion", 10**9)]),
    )
    def test_a_scale_joined_by_a_hyphen(self, n: int, scale: tuple[str, int]) -> None:
        """ "$5-million ARR" is five million, as "$5 million" is (a trial found $5)."""
        assert parse_key_result(f"Hit ${n}-{scale[0]} ARR").value == n * scale[1]
        assert read_number(f"{n}-{scale[0]}")[0] == n * scale[1]
        # (not the high end of a range alone, nor a number joined to a name: a second
        # trial's "5-10-million" read 5 to 10,000,000, "Q3-1-million" -1,000,000)
        ranged = parse_key_result(f"Reach 5-{n + 5}-{scale[0]} users")
        assert (ranged.value, ranged.upper) == (5, n + 5)

    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            # a service level's limit alone, with names of digits after it (a trial's:
            # "24-hour SLA for P1 tickets" read no number, "7-day SLA for ..." one)
            ("24-hour SLA for P1 tickets", 24, "h"),
            ("2-hr SLA on P1 tickets", 2, "h"),  # a span abbreviated (a trial's: no unit)
            ("4-hr response time", 4, "h"),
            ("1-hour response time", 1, "h"),
            ("1-hour response time for Sev-1s", 1, "h"),
            ("4-hour resolution for Sev1 incidents", 4, "h"),
            # another number may be the target; an SLO's span is its window
            ("4 hour SLA met for 98% of tickets", 98, "%"),
            ("30 day SLO for the API", None, None),
            # what a noun names after the service (a second trial's)
            ("2-week wait list", None, None),
            ("1-day delivery launched", None, None),
        ],
    )
    def test_a_service_level_s_time_limit_alone(
        self, text: str, value: float | None, unit: str | None
    ) -> None:
        p = parse_key_result(text)
        assert (p.value, p.unit) == (value, unit)

    @pytest.mark.parametrize(
        ("text", "metric"),
        [
            ("Churn no more than 3%", "Churn"),  # a trial's: the metric was "Churn no more"
            ("Keep p95 latency not higher than 200 ms", "p95 latency"),
            ("Response time no later than 2 hours", "Response time"),
            ("Make more revenue than 2025", "more revenue"),  # a comparative alone names it
        ],
    )
    def test_a_bound_s_no_and_comparative_are_no_metric_s(self, text: str, metric: str) -> None:
        assert parse_key_result(text).metric == metric
        piece = text.split(" than ", maxsplit=1)[0]
        assert trim_end(piece) == TRIM_END.search(piece).start()  # type: ignore[union-attr]

    @pytest.mark.parametrize(
        ("short", "long"),
        [
            ("Hold 2-wk sprints", "Hold 2-week sprints"),
            ("Sign a 1-yr contract with 5 clients", "Sign a 1-year contract with 5 clients"),
            ("Cut 3-hr builds to 1 hr", "Cut 3-hour builds to 1 hour"),
            ("Run 4 2-hr workshops", "Run 4 2-hour workshops"),
            ("Run a 30-sec survey with 200 users", "Run a 30-second survey with 200 users"),
        ],
    )
    def test_a_span_abbreviated_reads_as_written_out(self, short: str, long: str) -> None:
        """ "2-hr", "2-wk", "1-yr" read as "2-hour", "2-week", "1-year" do: a span before a
        noun describes it, a limit alone is the level."""
        a, b = parse_key_result(short), parse_key_result(long)
        assert (a.direction, a.form, a.value, a.unit, a.output, a.measurable) == (
            b.direction,
            b.form,
            b.value,
            b.unit,
            b.output,
            b.measurable,
        )

    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            # a hostile trial's: "HR" is human resources, not hours, unless joined to its
            # number by a hyphen in lower case; "wk" limits a service as "week" does
            ("Hire 2-HR business partners", 2, None),
            ("Run 4 wk sprints", 4, "weeks"),  # (spaced: a count, as before)
            ("2-wk turnaround", 2, "weeks"),
            ("24-wk wait", 24, "weeks"),
            ("2-wk SLA", 2, "weeks"),
        ],
    )
    def test_an_abbreviated_span_keeps_its_number(
        self, text: str, value: float, unit: str | None
    ) -> None:
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.unit) == (value, unit)
        assert parse_key_result("Hire 5 HR staff").value == 5  # (its unit, "h", as before)
        assert parse_key_result("hire 5 hr business partners").value == 5


class TestWordsAroundNumbers:
    """Numbers and metric names written in words, each a rule of its own: a number word
    before "percent", "half of" a whole, a span before "-long", an age after "older than",
    and a verb of reaching that names a rate ("Win rate")."""

    @given(
        st.sampled_from([("ten", 10), ("twenty", 20), ("fifty", 50), ("five", 5)]),
        st.sampled_from(["percent", "per cent"]),
        st.sampled_from(
            [
                "Reduce churn by {}",
                "{} of users on the new plan",
                "{} fewer support tickets",
                "Grow revenue by {} to $2M",
            ]
        ),
    )
    def test_a_number_word_in_percent_reads_as_its_figure(
        self, word: tuple[str, int], percent: str, template: str
    ) -> None:
        """ "twenty percent" reads as "20%" does, wherever it stands."""
        spelled = parse_key_result(template.format(f"{word[0]} {percent}"))
        figure = parse_key_result(template.format(f"{word[1]}%"))
        fields = ("direction", "form", "value", "unit", "relative", "measurable", "output")
        assert {f: getattr(spelled, f) for f in fields} == {f: getattr(figure, f) for f in fields}
        assert (spelled.value, spelled.unit) == (word[1], "%")

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("Half of all tickets resolved within a day", 50.0),
            ("Migrate half of the services to Kubernetes", 50.0),
            ("At least half of customers use SSO", 50.0),
            # A half of a year is a time, no share.
            ("Ship v2 in the second half of the year", None),
            ("Launch the portal by the first half of 2027", None),
        ],
    )
    def test_half_of_a_whole_is_a_share(self, text: str, value: float | None) -> None:
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.unit) == (value, None if value is None else "%")

    @given(st.integers(1, 30), st.sampled_from(["hour", "day", "week"]))
    def test_a_span_before_long_describes_the_things_counted(self, n: int, span: str) -> None:
        """ "Hold 3 day-long workshops" counts workshops, not days."""
        parsed = parse_key_result(f"Hold {n} {span}-long workshops")
        assert (parsed.value, parsed.unit) == (n, "workshops")

    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            ("Close 50 bugs older than 90 days", 50.0, "bugs"),
            ("No tickets older than 30 days", 0.0, "tickets"),
            ("Zero pull requests older than 2 weeks", 0.0, "requests"),
        ],
    )
    def test_an_age_picks_out_the_things(self, text: str, value: float, unit: str) -> None:
        """An age after "older than" says which things count: it is no amount."""
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.unit) == (value, unit)

    @pytest.mark.parametrize(
        ("text", "direction"),
        [
            ("Win rate above 25%", Direction.AT_LEAST),
            ("Close rate is 30%", Direction.AT_LEAST),
            ("Pass rate above 95%", Direction.AT_LEAST),
            ("Hit ratio of 90% or better", Direction.AT_LEAST),
            # The verb after it still says the way, and a verb with an object stays a verb.
            ("Win rate increases to 30%", Direction.INCREASE),
            ("Win 5 new logos", Direction.INCREASE),
        ],
    )
    def test_a_verb_of_reaching_before_rate_names_a_metric(
        self, text: str, direction: Direction
    ) -> None:
        assert parse_key_result(text).direction is direction


class TestWhoseCount:
    """From a trial of counts of work and of what others do: an activity's count right after
    its verb is its target whatever a later clause reaches (D6), and a thing made "by" others
    is their doing, not the team's work (D2)."""

    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            ("Train 5 models and achieve at least 85% accuracy", 5.0, "models"),
            ("Publish 10 landing pages and reach 20,000 organic visits a month", 10.0, "pages"),
            ("Hire 4 support agents to keep first response under 1 hour", 4.0, "agents"),
            ("Fix 8 bugs with >10 stars", 8.0, "bugs"),
            # Not an activity's count right after its verb: the later clause's level.
            ("Launch the portal and reach 40% activation", 40.0, "%"),
            ("Test Twitter as a channel, and get 10 signups per week", 10.0, "signups"),
        ],
    )
    def test_an_activity_counts_first(self, text: str, value: float, unit: str) -> None:
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.unit) == (value, unit)

    @given(
        st.sampled_from(["$2M", "€150k", "£250k", "₹40 lakh"]),
        st.sampled_from(["raised", "secured", "signed", "collected"]),
        st.sampled_from(["", "in seed funding ", "of grant funding ", "is "]),
    )
    def test_money_raised_is_the_teams_work(self, amount: str, done: str, what: str) -> None:
        """ "$2M raised" (D2): money the team raises, secures or signs is its own work."""
        parsed = parse_key_result(f"{amount} {what}{done}")
        assert (parsed.direction, parsed.output) == (Direction.INCREASE, True)

    @given(
        st.sampled_from(["the community", "students", "customers", "partners"]),
        st.sampled_from(["created", "started", "published"]),
        st.sampled_from(["our team", "team members", "the marketing team", "us"]),
    )
    def test_made_by_others_is_theirs(self, agent: str, made: str, team: str) -> None:
        """ "1,000 projects created by the community": at least, and no work of the team's;
        without "by" (or "by our team") the count is the team's own work."""
        theirs = parse_key_result(f"1,000 projects {made} by {agent}")
        ours = parse_key_result(f"1,000 projects {made} by {team}")
        bare = parse_key_result(f"1,000 projects {made}")
        assert (theirs.direction, theirs.output) == (Direction.AT_LEAST, False)
        assert (ours.direction, ours.output) == (bare.direction, bare.output)
        assert (bare.direction, bare.output) == (Direction.INCREASE, True)


class TestWorkInOtherShapes:
    """From a trial of the team's own work written in shapes other than "Verb N things": a
    deliverable with what it covers, a cadence before the participle, those something is
    gathered from (D2: the team's own work); the same shapes of others' doing stay outcomes."""

    @given(
        st.sampled_from(
            [
                "Dashboards for",
                "Contract tests for",
                "Alt text on",
                "API reference translated into",
                "Marketing partnerships with",
                "HR: leveling guides for",
                "Support — demo videos for",
                "Runbooks in place for",
            ]
        ),
        st.sampled_from(["4 business units", "20 public endpoints", "300 images"]),
        st.sampled_from(["", " (AK)", " by EOQ"]),
    )
    def test_a_deliverable_and_what_it_covers(self, head: str, count: str, tail: str) -> None:
        parsed = parse_key_result(f"{head} {count}{tail}")
        assert (parsed.direction, parsed.output, parsed.form) == (
            Direction.INCREASE,
            True,
            "target",
        )

    @pytest.mark.parametrize(
        ("text", "direction"),
        [
            ("Leveling guides for at least 5 roles", Direction.AT_LEAST),  # D2: still work
            ("Runbooks for 5+ services", Direction.AT_LEAST),
        ],
    )
    def test_a_qualifier_bounds_the_work(self, text: str, direction: Direction) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.output) == (direction, True)

    @pytest.mark.parametrize(
        "text",
        [
            "Uptime for 5 regions",  # a metric
            "Adoption on 12 teams",
            "Customers on 3 continents",  # people
            "Donations from 500 new monthly givers",  # what others give
            "Teams are on 3 continents",  # a clause
            "Error budgets for 5 services",
            # From a hostile trial: a bare plural and its property, and what is spread.
            "Accounts with 10+ seats",
            "Repos with 2 maintainers",
            "Upgrades to 200 accounts",
            "Monthly downloads across 3 platforms",
        ],
    )
    def test_not_a_deliverable(self, text: str) -> None:
        assert parse_key_result(text).output is False

    @given(
        st.sampled_from(["4 webinars", "3 meetups", "2 posts"]),
        st.sampled_from(["a month", "per quarter", "each week", "every sprint"]),
        st.sampled_from(["given", "hosted", "published"]),
        st.sampled_from(["", " by our team", " on the design principles"]),
    )
    def test_a_cadence_before_the_participle(
        self, count: str, cadence: str, done: str, rest: str
    ) -> None:
        parsed = parse_key_result(f"{count} {cadence} {done}{rest}")
        assert (parsed.direction, parsed.output) == (Direction.INCREASE, True)
        theirs = parse_key_result(f"{count} {cadence} {done} by the community")
        assert (theirs.direction, theirs.output) == (Direction.AT_LEAST, False)

    @given(
        st.sampled_from(["Get", "Gain", "Collect", "Gather", "Secure", "Solicit"]),
        st.sampled_from(["feedback on the prototype", "letters of support", "quotes"]),
        st.sampled_from(["5 users", "6 partner schools", "3 suppliers"]),
    )
    def test_gathered_from(self, verb: str, thing: str, sources: str) -> None:
        parsed = parse_key_result(f"{verb} {thing} from {sources}")
        assert (parsed.direction, parsed.output) == (Direction.INCREASE, True)

    @pytest.mark.parametrize(
        "text",
        [
            "Get 500 signups from the campaign",  # what is got, not its source
            "Get NPS from 30 to 50",  # a baseline
            "Get revenue from 5 accounts",  # a metric
            "Get churn down from 5 accounts",
            "Get purchases from 300 customers",  # what they do, which tells nothing
            "Get referrals from 20 customers",
        ],
    )
    def test_not_gathered(self, text: str) -> None:
        assert parse_key_result(text).output is False

    def test_a_compound_is_no_change(self) -> None:
        """ "4 drop-in clinics": a word joined by a hyphen is no change noun after a count."""
        parsed = parse_key_result("Held 4 drop-in clinics for maintainers")
        assert (parsed.direction, parsed.form, parsed.unit) == (
            Direction.INCREASE,
            "target",
            "clinics",
        )
        assert parse_key_result("Churn down 20% drop in churn").form == "change"
        drop_off = parse_key_result("20% drop-off in onboarding")  # but a drop-off is a drop
        assert (drop_off.direction, drop_off.form) == (Direction.DECREASE, "change")

    @pytest.mark.parametrize(
        ("text", "direction"),
        [
            ("Resolve 500 support tickets", Direction.INCREASE),
            ("Close 40 bugs", Direction.INCREASE),
            ("Answer 300 tickets a week", Direction.INCREASE),
            ("Achieve 3 incidents or fewer", Direction.DECREASE),  # a level, not things handled
            ("Bring open bugs to 20", Direction.DECREASE),
        ],
    )
    def test_things_handled_are_counted_up(self, text: str, direction: Direction) -> None:
        """A count right after a verb that handles things is of things handled, more of which
        is better, whichever way the things are (a hostile trial's find)."""
        assert parse_key_result(text).direction is direction


class TestNewcomersTrial:
    """From a hurried newcomer's trial: a leading -ing form before a metric whose numbers
    move names what the metric is of, not an activity."""

    @given(
        st.sampled_from(["Onboarding NPS", "Hiring velocity", "Billing errors", "Shipping cost"]),
        st.sampled_from(["from {} to {}", "{} → {}", "{} -> {}"]),
        st.tuples(st.integers(1, 500), st.integers(1, 500)).filter(lambda p: p[0] != p[1]),
    )
    def test_a_gerund_before_a_metric_is_no_activity(
        self, metric: str, pair: str, numbers: tuple[int, int]
    ) -> None:
        parsed = parse_key_result(f"{metric} {pair.format(*numbers)}")
        assert (parsed.direction, parsed.output) == (_moved(metric, *numbers), False)
        assert (parsed.start, parsed.value) == numbers

    @pytest.mark.parametrize(
        "text",
        ["Hiring 5 engineers", "Onboarding 3 new customers", "Shipping 4 releases"],
    )
    def test_work_stays_work(self, text: str) -> None:
        """A count of work after it keeps the verb."""
        assert parse_key_result(text).spans[0].label == "verb"

    @pytest.mark.parametrize(
        ("text", "direction"),
        [
            # Against the way the metric is better: room to spare, held (D19).
            ("Uptime 99.9% (currently 99.95%)", Direction.AT_LEAST),
            ("p95 latency 300 ms (currently 250 ms)", Direction.AT_MOST),
            # A count of other things, a window: no baseline, so no move.
            ("NPS 50 (from 200 responses)", Direction.AT_LEAST),
            ("Leads from 3 channels: 500", Direction.AT_LEAST),
            ("Retention 90% (from 12 months)", Direction.AT_LEAST),
            # A bare baseline is in the target's unit.
            ("Churn 1.8% (currently 2)", Direction.DECREASE),
            ("Availability 99.95% (current: 99.9%)", Direction.INCREASE),  # "current" too
        ],
    )
    def test_what_a_baseline_with_no_verb_moves(self, text: str, direction: Direction) -> None:
        """From a hostile trial of D19: a move only from a baseline of the same measure, and
        only the way the metric is better."""
        assert parse_key_result(text).direction is direction

    def test_people_an_activity_is_done_to(self) -> None:
        """A leading -ing form before people is the activity, numbers and all."""
        parsed = parse_key_result("Interviewing users from 5 to 20 a month")
        assert parsed.output

    @pytest.mark.parametrize(
        ("text", "metric"),
        [
            ("Increase trial-to-paid conversion from 8% to 12%", "trial-to-paid conversion"),
            ("Grow lead-to-opportunity rate to 30%", "lead-to-opportunity rate"),
            ("Cut time-to-first-value from 10 days to 5", "time-to-first-value"),
        ],
    )
    def test_a_word_joined_by_hyphens_is_part_of_the_metric(self, text: str, metric: str) -> None:
        assert parse_key_result(text).metric == metric

    @pytest.mark.parametrize(
        ("text", "unit"),
        [
            ("Achieve zero critical API errors during the final demo", "errors"),
            ("Increase answered queries by 10 compared to last quarter", None),
            ("Ship 5 integrations including Slack", "integrations"),
            ("Cut 3 hours versus the old flow", "h"),
        ],
    )
    def test_a_preposition_is_no_head_noun(self, text: str, unit: str | None) -> None:
        """A preposition the little words leave out ends a count's noun phrase."""
        assert parse_key_result(text).unit == unit


class TestLaterClauses:
    """From the same trial: a later clause's verb of holding ("hold", after "while"), a level
    a purpose brings a metric to, and what "so that" brings about govern the number, with
    the metric's polarity read in that clause; the work before them is the means."""

    @given(
        st.sampled_from(["Replace the legacy queue", "Refactor the auth service", "Migrate CI"]),
        st.sampled_from(
            [
                ("while sustaining 99.99% message delivery", Direction.AT_LEAST),
                ("while maintaining CSAT of at least 4.5", Direction.AT_LEAST),
                ("and hold the error rate below 0.1%", Direction.AT_MOST),
                ("so that no more than 2% of events fail validation", Direction.AT_MOST),
                ("so that at least 70% of users find the export unaided", Direction.AT_LEAST),
            ]
        ),
    )
    def test_the_later_clause_holds_a_level(self, work: str, clause: tuple[str, Direction]) -> None:
        parsed = parse_key_result(f"{work} {clause[0]}")
        assert (parsed.direction, parsed.output) == (clause[1], False)

    @pytest.mark.parametrize(
        ("text", "direction"),
        [
            (
                "Add caching to the catalog API to bring median latency below 120 ms",
                Direction.DECREASE,
            ),
            # A purpose with no level of its own keeps the change's way.
            ("Reduce costs to reach $1M", Direction.DECREASE),
            ("Cut churn to stay under 2%", Direction.DECREASE),
        ],
    )
    def test_a_level_a_purpose_brings_a_metric_to(self, text: str, direction: Direction) -> None:
        assert parse_key_result(text).direction is direction

    def test_hold_with_a_count_is_work(self) -> None:
        """ "and hold 4 workshops" holds no level: the first count stays the target."""
        parsed = parse_key_result("Hire 3 engineers and hold 4 workshops")
        assert (parsed.value, parsed.output) == (3.0, True)


class TestMetricsAndSubjects:
    """From the same trial: a model's quality metrics are better high, a rate "per" something
    takes the way of what it counts, and a subject may hold a noun of change."""

    @given(
        st.sampled_from(["precision", "recall", "F1 score", "f1"]),
        st.sampled_from(["", " on the held-out set"]),
    )
    def test_a_models_quality_is_better_high(self, metric: str, where: str) -> None:
        assert polarity(metric.lower()) == "higher"
        parsed = parse_key_result(f"{metric.capitalize()}{where} of 85% or better")
        assert (parsed.direction, parsed.output) == (Direction.AT_LEAST, False)

    @given(
        st.sampled_from([("cloud cost", "lower"), ("revenue", "higher"), ("incidents", "lower")]),
        st.sampled_from(["active user", "employee", "1,000 deploys", "customer"]),
    )
    def test_a_rate_per_something_takes_its_counts_way(
        self, metric: tuple[str, str], per: str
    ) -> None:
        """What a rate is "per" does not change which way it is better."""
        assert polarity(f"{metric[0]} per {per}") == polarity(metric[0]) == metric[1]

    @pytest.mark.parametrize(
        ("text", "direction", "output"),
        [
            ("The growth team launches 6 pricing experiments", Direction.INCREASE, True),
            ("Revenue growth rises to 20%", Direction.INCREASE, False),
        ],
    )
    def test_a_subject_with_a_noun_of_change(
        self, text: str, direction: Direction, output: bool
    ) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.output) == (direction, output)


class TestStatesOfPeople:
    """D18: what people other than the team know, feel or do of their own accord, with no
    number, is an outcome to hold at least, not a thing delivered; what the team builds for
    them to do stays a deliverable."""

    @given(
        st.sampled_from(["Users", "Enterprise admins", "New developers", "Our customers"]),
        st.sampled_from(
            [
                "understand how billing works",
                "know which repositories are indexed",
                "can recognize our brand",
                "are able to understand the setup",
                "feel comfortable sharing the docs",
                "trust our uptime page",
                "provide feedback as they use the product",
            ]
        ),
    )
    def test_a_state_of_mind_or_behaviour_is_an_outcome(self, people: str, state: str) -> None:
        assert_reads(
            parse_key_result(f"{people} {state}"),
            direction=Direction.AT_LEAST,
            form=None,
            value=None,
            measurable=False,
            output=False,
        )

    @pytest.mark.parametrize(
        "text",
        [
            "Users can export their data as CSV",
            "User onboarding flow redesigned",
            "Users migrated to the new plan",
            "Customer portal launched",
        ],
    )
    def test_a_capability_or_a_thing_done_stays_a_deliverable(self, text: str) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.output) == (Direction.MILESTONE, True)

    def test_a_state_of_people_names_no_metric(self) -> None:
        """D18 before a bare metric's polarity: "expense" in the policy people understand is
        no expense to cut (from the trial of own work and outcomes)."""
        parsed = parse_key_result("Staff understand the new expense policy")
        assert (parsed.direction, parsed.output) == (Direction.AT_LEAST, False)

    def test_used_by_others_is_adoption(self) -> None:
        parsed = parse_key_result("The new editor is used at every team meeting")
        assert (parsed.direction, parsed.output) == (Direction.AT_LEAST, False)


class TestBaselinesAndTimeLimits:
    """From a trial of baselines written every way and of time limits: with no verb, a
    baseline other than the target makes a move the way the numbers go (D19, since); a time
    "within N weeks of" an event is a limit on each thing, no deadline; "an hour" after a
    bound is one hour."""

    @given(
        st.sampled_from(
            [
                ("Trial-to-paid conversion of 18%, up from 12%", Direction.INCREASE),
                ("Docs search success rate of 80% (today: 68%)", Direction.INCREASE),
                ("Churn 1.8%, from 2.6% in FY25", Direction.DECREASE),
                ("Average handle time 6.5 min, from 8.2 min", Direction.DECREASE),
                ("Weekly active users: 3,200 → 4,500", Direction.INCREASE),
                # A qualifier keeps a bound (D19).
                ("Attrition under 8% (currently 12%)", Direction.AT_MOST),
                ("NPS of 45 or more (today: 38)", Direction.AT_LEAST),
            ]
        )
    )
    def test_with_no_verb_the_numbers_say_the_way(self, case: tuple[str, Direction]) -> None:
        parsed = parse_key_result(case[0])
        assert parsed.direction is case[1]
        assert parsed.start is not None

    @given(
        st.sampled_from(
            [
                "10,000 GitHub stars",
                "Weekly downloads 1.2M",
                "Pages per session 40",
                "Churn 1.8%",
                "Widgets: 55",
                "Support tickets 200 per week",
            ]
        ),
        st.sampled_from(["(currently {})", ", up from {}", " vs. {} last quarter", " (today: {})"]),
        st.integers(1, 10**6),
    )
    def test_with_no_verb_a_baseline_makes_a_move(
        self, text: str, baseline: str, start: int
    ) -> None:
        """With no verb, a level alone is held; with a baseline other than the target the
        statement moves the metric the way its numbers go (D19)."""
        alone = parse_key_result(text)
        parsed = parse_key_result(text + " " + baseline.format(f"{start:,}"))
        assert alone.direction in (Direction.AT_LEAST, Direction.AT_MOST)
        assume(parsed.start is not None and parsed.value != parsed.start)
        assert parsed.value is not None
        assert parsed.direction is _moved(text, parsed.start, parsed.value)

    def test_a_verb_of_change_before_the_numbers(self) -> None:
        """A verb of change the reader did not take for the statement's still says the way."""
        text = "Work with the counties to increase taxlot sharing from 12 to 30"
        assert parse_key_result(text).direction is Direction.INCREASE

    @given(st.integers(1, 52), st.sampled_from(["filing", "the deadline", "receipt"]))
    def test_within_weeks_of_an_event_is_a_limit(self, n: int, event: str) -> None:
        parsed = parse_key_result(f"Court cases heard within {n} weeks of {event}")
        assert (parsed.direction, parsed.value, parsed.unit, parsed.deadline) == (
            Direction.AT_MOST,
            n,
            "weeks",
            None,
        )
        assert parse_key_result(f"Launch the app within {n} weeks").deadline is not None

    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            ("Resolve P1 tickets in under an hour", 1.0, "h"),
            ("Answer tickets within a business day", 1.0, "days"),
            ("Reply in less than a minute", 1.0, "min"),
            # A deadline, and a rate's period, stay what they are.
            ("Ship a release in a month", None, None),
            ("Run 3 workshops a month", 3.0, "workshops"),
        ],
    )
    def test_an_hour_after_a_bound_is_one(
        self, text: str, value: float | None, unit: str | None
    ) -> None:
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.unit) == (value, unit)

    @pytest.mark.parametrize(
        "text",
        [
            "Screen time for 3 teams",
            "Staff turnover at 12 sites",
            "Support tickets for 3 products",
            "Staff morale at 8 clinics",
            "Bed occupancy at 4 hospitals",
        ],
    )
    def test_a_word_mostly_a_noun_before_a_count_leads_no_activity(self, text: str) -> None:
        """A first word that is mostly a noun names a metric with the words after it, even
        with a count after them (a rule that read "Screen incoming patients at 8 clinics" as
        an activity read these as activities too, and was dropped)."""
        assert not parse_key_result(text).output


class TestSecondTrialSigns:
    """From the second trial: baselines after their noun or after "a baseline of", "+/-" as
    "±", a bound on a multiple, a time limit written with a symbol, and "quintuple"."""

    @pytest.mark.parametrize(
        ("text", "start"),
        [
            ("Grow to 500 customers (120 customers today)", 120.0),
            ("Support backlog below 200 tickets (1,150 now)", 1150.0),
            ("Raise average store rating to 4.6 from a baseline of 3.9", 3.9),
            ("Lower cost per lead to $38 (H1 average: $55)", 55.0),
        ],
    )
    def test_a_baseline_written_otherwise(self, text: str, start: float) -> None:
        assert parse_key_result(text).start == start

    @given(st.sampled_from(["+/-", "+-", "±"]), st.integers(1, 30))
    def test_plus_or_minus_is_a_band(self, sign: str, n: int) -> None:
        parsed = parse_key_result(f"Keep forecast error within {sign}{n}%")
        assert (parsed.direction, parsed.value, parsed.upper) == (Direction.WITHIN, -n, n)

    @pytest.mark.parametrize(
        ("text", "direction"),
        [
            ("Burn multiple below 1.5x", Direction.AT_MOST),
            ("Acknowledge pages in ≤ 5 min", Direction.AT_MOST),
            ("Grow 2x weekly signups", Direction.INCREASE),
            # What a deliverable lets people do, after "where", is no time limit of the work.
            (
                "Ship a dashboard where reviewers approve a change in < 10 seconds",
                Direction.INCREASE,
            ),
        ],
    )
    def test_bounds(self, text: str, direction: Direction) -> None:
        assert parse_key_result(text).direction is direction

    def test_quintuple_is_a_factor(self) -> None:
        parsed = parse_key_result("Quintuple marketplace GMV")
        assert (parsed.form, parsed.value, parsed.unit, parsed.relative) == (
            "change",
            5.0,
            "x",
            True,
        )


class TestThirdTrialUnits:
    """From a trial of units: currency codes, a part of "our" whole, and "ramp" as a verb
    only where it leads."""

    @given(
        st.sampled_from(["SGD", "NOK", "SEK", "KES", "ZAR", "CHF"]),
        st.sampled_from(["{code} 500k", "500k {code}"]),
    )
    def test_a_currency_code_is_the_unit(self, code: str, amount: str) -> None:
        parsed = parse_key_result("Grow bookings to " + amount.format(code=code))
        assert (parsed.value, parsed.unit) == (500_000, code)

    @given(st.sampled_from(["our", "their", "the", "all"]))
    def test_a_part_of_a_whole_counts_its_things(self, determiner: str) -> None:
        parsed = parse_key_result(f"Migrate 10 of {determiner} 12 product teams to the new CI")
        assert (parsed.value, parsed.unit) == (10, "teams")

    def test_ramp_leads_or_names(self) -> None:
        """ "Ramp up outbound" is a verb; "AE ramp time" names a time taken."""
        assert (
            parse_key_result("Ramp up outbound to 40 calls a day").direction is Direction.INCREASE
        )
        parsed = parse_key_result("New AE ramp time of 4 mos or less")
        assert (parsed.direction, parsed.value, parsed.unit) == (Direction.AT_MOST, 4, "months")


class TestHostileTrialOfTheSession:
    """What a hostile helper's trial of this session's rules found, each pinned."""

    @given(st.sampled_from(["back", "last", "remaining", "bottom", "top", "second", "first"]))
    def test_a_half_of_a_year_is_no_share(self, which: str) -> None:
        assert parse_key_result(f"Ship the redesign in the {which} half of the year").value is None

    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            # none older, as with no "Ensure" ("No ticket waits more than 48 hours"), the age
            # its condition (it read the age as the ceiling: the same promise, said the other way)
            ("Ensure no ticket is older than 7 days", 0.0, "ticket"),
            ("Close 50 bugs older than 90 days", 50.0, "bugs"),  # the age picks the bugs
            ("Recall 5 defective products", 5.0, "products"),  # a metric's name as a verb
            ("Acknowledge pages in <= 5 min", 5.0, "min"),
        ],
    )
    def test_numbers(self, text: str, value: float, unit: str) -> None:
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.unit) == (value, unit)

    def test_within_weeks_of_kickoff_is_a_deadline(self) -> None:
        parsed = parse_key_result("Ship the v2 API within 6 weeks of kickoff")
        assert (parsed.direction, parsed.deadline) == (Direction.MILESTONE, "within 6 weeks")

    def test_someone_elses_count_today_is_no_baseline(self) -> None:
        parsed = parse_key_result("Grow to 150 customers (competitor has 500 customers today)")
        assert parsed.start is None

    def test_a_later_clause_names_the_metric(self) -> None:
        parsed = parse_key_result("Cut costs and hold headcount at 50")
        assert (parsed.direction, parsed.metric) == (Direction.AT_LEAST, "headcount")

    def test_customers_understanding_is_an_outcome(self) -> None:
        parsed = parse_key_result("Customers understand our pricing")
        assert (parsed.direction, parsed.output) == (Direction.AT_LEAST, False)

    def test_a_verbless_fall_is_a_decrease(self) -> None:
        """With no verb the numbers say the way (D19), whatever a count would say alone."""
        parsed = parse_key_result("Support tickets from 350 to 200 per week")
        assert (parsed.direction, parsed.start, parsed.value) == (Direction.DECREASE, 350, 200)


class TestFindingsTrial:
    """From a trial of the rules' claims on statements written for it: states of people with
    "are happy/aware/confident", a first word that starts a subject or a label, money named
    by a metric, service levels "within the statutory N weeks", baselines of last year, and
    shares of a plan named at length."""

    @pytest.mark.parametrize(
        "text",
        [
            "Hiring managers are happy with candidate quality",
            "Eligible families are aware the food bank exists",
            "Support agents are confident handling refund questions",
            "Self-serve makes up 25% of new revenue",
            "Mentoring pilot: 85% of the first cohort of mentees stay to the end",
            "Post likes: 400",
            "$1.5M in new ARR closed this quarter",
            "Process 95% of planning applications within the statutory 8 weeks",
        ],
    )
    def test_outcomes(self, text: str) -> None:
        assert not parse_key_result(text).output

    @pytest.mark.parametrize(
        ("text", "start"),
        [
            ("Lower regretted attrition to 10% (14% last year)", 14.0),
            ("Grow paid subscribers past 12,000 - we ended last quarter at 9,400", 9400.0),
        ],
    )
    def test_a_baseline_of_last_year(self, text: str, start: float) -> None:
        assert parse_key_result(text).start == start

    def test_a_share_of_a_plan_named_at_length(self) -> None:
        assert share_of_plan("Achieve 110% of the Q3 new-business bookings plan")


class TestSharesMeetingACondition:
    """From a trial of key results led by a verb of doing: a share of things that meets a
    condition of time or quality is a service level, an outcome; a share of a body of work
    the team does is work."""

    @given(
        st.sampled_from(["Dispatch", "Route", "Process", "Answer"]),
        st.sampled_from(
            [
                "the same day",
                "on the first attempt",
                "without a single error",
                "before the weekly cut-off",
                "in under 10 minutes",
                "on time",
            ]
        ),
    )
    def test_a_share_meeting_a_condition_is_an_outcome(self, verb: str, condition: str) -> None:
        parsed = parse_key_result(f"{verb} 95% of incoming requests {condition}")
        assert (parsed.value, parsed.output) == (95.0, False)

    @pytest.mark.parametrize(
        "text",
        ["Migrate 100% of services to Kubernetes", "Translate 80% of the help centre into Spanish"],
    )
    def test_a_share_of_work_is_work(self, text: str) -> None:
        assert parse_key_result(text).output


class TestSpreadToMorePlaces:
    """A verb of growth that takes a thing to more places or people, with no number, is a
    rollout, done or not; with a number, or with no place, it moves a metric."""

    @given(
        st.sampled_from(["Expand", "Extend", "Scale"]),
        st.sampled_from(["the new interface", "SSO", "the on-call rota"]),
        st.sampled_from(
            ["the rest of the clients", "all enterprise customers", "the Berlin office"]
        ),
    )
    def test_a_rollout_is_a_milestone(self, verb: str, thing: str, place: str) -> None:
        parsed = parse_key_result(f"{verb} {thing} to {place}")
        assert (parsed.direction, parsed.output) == (Direction.MILESTONE, True)

    @pytest.mark.parametrize(
        "text", ["Expand usage", "Grow revenue to new markets", "Scale the platform to 10k users"]
    )
    def test_otherwise_a_metric_moves(self, text: str) -> None:
        assert parse_key_result(text).direction is Direction.INCREASE


class TestNoNumberTrial:
    """From a trial of statements with no number: names of standards with digits, "available"
    as a state (not the metric "availability"), and more people whose behaviour is an
    outcome."""

    @pytest.mark.parametrize(
        "text",
        [
            "Complete the PCI DSS 4.0 gap assessment",
            "Lab accreditation renewed under ISO/IEC 17025",
            "v3 GraphQL API generally available",
        ],
    )
    def test_a_deliverable_named_with_digits(self, text: str) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value, parsed.output) == (Direction.MILESTONE, None, True)

    def test_availability_is_still_a_metric(self) -> None:
        assert parse_key_result("99.95% availability").direction is Direction.AT_LEAST

    def test_merchants_coming_back_is_an_outcome(self) -> None:
        parsed = parse_key_result("Merchants come back to the dashboard without prompting")
        assert (parsed.direction, parsed.output) == (Direction.AT_LEAST, False)


def test_one_table_of_currencies() -> None:
    """The currency symbols and codes the reader knows come from the table of units: a code
    of a symbol reads as its symbol, any other stays the code, which the table knows too."""
    from okrkit.text._units import CURRENCIES, CURRENCY_CODES, MONEY, UNITS

    assert set(CURRENCIES) <= set(UNITS.values())
    for code in CURRENCY_CODES:
        assert UNITS[code] in {*CURRENCIES, code.upper()}
        assert parse_key_result(f"Raise {code.upper()} 40k").unit == UNITS[code]
        assert canonical_unit(code) == UNITS[code]
    assert set(CURRENCIES) <= set(SIGN_UNITS)
    assert set(SIGN_UNITS.values()) <= MONEY


@given(
    st.integers(1, 999),
    st.integers(1, 999),
    st.sampled_from([("{} TEUR", 1000, "€"), ("{} kCHF", 1000, "CHF"), ("{} KUSD", 1000, "$"),
                     ("{} T€", 1000, "€"), ("{} MSEK", 10**6, "SEK"), ("{},5 Md€", 10**9, "€"),
                     ("{} Mkr", 10**6, "kr"), ("{} tkr", 1000, "kr"), ("{} mdkr", 10**9, "kr"),
                     ("₹{}L", 10**5, "₹"), ("Rs {}L", 10**5, "₹"), ("CA${}M", 10**6, "CAD"),
                     ("MX${}M", 10**6, "MXN"), ("NT${}M", 10**6, "TWD"), ("E£{}M", 10**6, "EGP"),
                     ("RMB {}M", 10**6, "CNY"), ("{}M RMB", 10**6, "CNY"),
                     ("KSh {}M", 10**6, "KES"),
                     ("{} 000 zł", 1000, "PLN"), ("{} 000 kr", 1000, "kr"),
                     # and a newcomer's trial's: a dot grouping thousands in money, Korean,
                     # Polish and other scales and names, codes that are words too
                     ("€{}.000", 1000, "€"), ("{}.000 ₺", 1000, "TRY"), ("EUR {}.000", 1000, "€"),
                     ("₩{}억", 10**8, "KRW"), ("{}천만원", 10**7, "KRW"), ("{}만", 10**4, None),
                     ("{} mld zł", 10**9, "PLN"), ("{} tys. zł", 1000, "PLN"),
                     ("TRY {}k", 1000, "TRY"), ("RUB {}M", 10**6, "RUB"),
                     ("{} million yuan", 10**6, "CNY"), ("{}M naira", 10**6, "NGN"),
                     ("Rs {}.5 crore", 10**7, "₹"), ("UAH {}M", 10**6, "UAH")]),
)  # fmt: skip
def test_money_as_the_world_writes_it(start: int, target: int, shape: tuple[str, int, str]) -> None:
    """A scale joined to a currency ("500 TEUR", "12 MSEK", "1,5 Md€", "40 Mkr"), India's "L"
    for lakh after the rupee, dollars and pounds with their country's letters ("CA$", "E£"),
    and the currencies' other names ("RMB", "KSh", "zł", "kr"): each read at its scale, in its
    currency (they read a thousand or a million times too small, or in another currency)."""
    assume(start != target)
    written, scale, unit = shape
    parsed = parse_key_result(
        f"Grow revenue from {written.format(start)} to {written.format(target)}"
    )
    half = 0.5 if ",5" in written or ".5 crore" in written else 0
    assert (parsed.start, parsed.value, parsed.unit) == pytest.approx(
        ((start + half) * scale, (target + half) * scale, unit)
    )


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # a hostile trial's: a scale before a code that is no currency's, or a thing counted
        ("Hire 3 MCAD engineers", 3, "engineers"),
        ("Run 50 TCAD simulations per week", 50, "simulations"),
        ("Map 12 MARS rovers", 12, "rovers"),
        ("Run 3 TEUR-funded pilots", 3, "pilots"),
        ("Book 5 KUSD deals", 5, "deals"),
        ("Migrate 40 ksh scripts to bash", 40, "scripts"),
        ("Retire 3 RMB reports", 3, "reports"),
        ("Sell 3 kr tickets", 3, "tickets"),
        ("Give each employee a ₹5,000 L&D budget", 5000, "₹"),  # learning, not a lakh
        ("Grow revenue to 40 Mkr this quarter", 40_000_000, "kr"),
        ("Cut water use to 50L", 50, "L"),  # litres: L is a lakh only after the rupee
        ("Try 3 new channels", 3, "channels"),  # "TRY" is money in capitals only
        ("Grow subscribers to 12.500", 12.5, None),  # a dot groups thousands only in money
        ("Upgrade to PHP 8", None, None),
        ("Grow revenue to €72L", 72, "€"),
        ("Ship 3 KRs per team", 3, "KRs"),  # key results, not crowns
        ("Send 5 Mars rovers", 5, "rovers"),  # no scale before a word that is no code
        ("Hire 3 TEs", 3, "TEs"),
    ],
)
def test_money_look_alikes(text: str, value: float, unit: str) -> None:
    parsed = parse_key_result(text)
    assert (parsed.value, parsed.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("Keep CTC within ₹12L-15L", 1_200_000, 1_500_000, "₹"),
        ("Grow ARR 9-12 MEUR", 9_000_000, 12_000_000, "€"),
        ("Reach ARR between 10 and 12 MEUR", 10_000_000, 12_000_000, "€"),
        ("Keep costs at 300–350 tkr", 300_000, 350_000, "kr"),
        ("Grow ARR 30-40M EUR", 30_000_000, 40_000_000, "€"),
        ("Grow ARR $30-40M", 30_000_000, 40_000_000, "$"),
        ("Grow ARR from 30 to 40 Mkr", 30_000_000, 40_000_000, "kr"),
        ("Grow users from 30 to 40 million", 30, 40_000_000, None),  # a count may start at 30
        ("Increase price by 5 to 10k", None, 5, None),  # no change "by" shares it
        # a currency written with letters after an arrow or "to" still links the two
        ("Lift ARPU CA$10 → CA$12", 10, 12, "CAD"),
        ("Grow MRR: RMB 200k -> RMB 300k", 200_000, 300_000, "CNY"),
        ("Grow revenue CHF 2M -> CHF 3M", 2_000_000, 3_000_000, "CHF"),
        ("Grow revenue from Rs 1.2 crore to Rs 2 crore", 12_000_000, 20_000_000, "₹"),
    ],
)
def test_a_scale_both_ends_share(text: str, low: float, high: float, unit: str | None) -> None:
    """The scale written after a band's or a move's high end is its low end's too (the low end
    read a thousand or a million times too small)."""
    parsed = parse_key_result(text)
    ends = (
        (parsed.value, parsed.upper) if parsed.upper is not None else (parsed.start, parsed.value)
    )
    assert (*ends, parsed.unit) == (low, high, unit)


def test_the_currency_signs_are_listed_once() -> None:
    """No module but `okrkit._money` lists the currency signs: a pattern that did would miss a
    sign added there (three such lists had lost "₹")."""
    import okrkit

    listing = re.compile(f"[{SIGNS}]{{3,}}")
    package = Path(okrkit.__file__).parent
    found = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if path.name != "_money.py" and listing.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []


@given(
    st.sampled_from(sorted(SIGN_UNITS)),
    st.sampled_from(["Grow revenue from {s}1,000 to {s}2,000", "Raise {s}2M for the fund",
                     "Cut cost from 3 200 {s} to 2 600 {s}", "Keep spend under {s}40k a month",
                     "Sell 500 tickets at {s}12 each", "{s}1.2M ARR by Q3 2027",
                     "Reduce CAC by {s}5 (currently {s}45)", "Save 40,000{s} by June",
                     "Grow GMV {s}10M -> {s}14M", "Raise average order value to {s}1,5M"]),
)  # fmt: skip
def test_every_currency_sign_reads_as_the_euro(sign: str, template: str) -> None:
    """Every currency sign okrkit knows (one list, `okrkit._money`) is read where "€" is and as
    it is, with its own unit: "₩50,000" is 50,000 KRW."""
    parsed = parse_key_result(template.format(s=sign))
    euro = parse_key_result(template.format(s="€"))
    assert parsed.unit == (SIGN_UNITS[sign] if euro.unit == "€" else euro.unit)
    said = tuple(ambiguity.replace(sign, "€") for ambiguity in parsed.ambiguities)
    assert attrs.evolve(parsed, text="", spans=(), unit=None, ambiguities=said) == attrs.evolve(
        euro, text="", spans=(), unit=None
    )
    assert [span.label for span in parsed.spans] == [span.label for span in euro.spans]
    assert read_number(f"{sign}1,200 a month")[:2] == (Decimal(1200), SIGN_UNITS[sign])  # type: ignore[index]
    assert canonical_unit(sign) == SIGN_UNITS[sign]
    assert canonical_unit(SIGN_UNITS[sign]) == SIGN_UNITS[sign]


class TestNumbersTrial:
    """A trial of the grammar of numbers (150 statements a helper wrote, 2026-12-05): shares
    written as two counts, ranks, "30m", fractions in words, units on the number, a time
    after a count, a bound against the verb's way, ranges of change."""

    @given(
        part=st.integers(1, 99), extra=st.integers(1, 900), joint=st.sampled_from(["in", "out of"])
    )
    def test_a_share_written_as_two_counts(self, part: int, extra: int, joint: str) -> None:
        """ "N in M" and "N out of M" are shares, N/M in percent, whatever the numbers."""
        whole = part + extra
        # (with a noun after it: "to 1 out of 5" alone may be a rating's scale)
        parsed = parse_key_result(
            f"Raise the share of contracts signed to {part} {joint} {whole} deals"
        )
        assert parsed.unit == "%"
        assert parsed.value == pytest.approx(100 * part / whole)

    @pytest.mark.parametrize(
        ("text", "direction", "start", "value"),
        [
            ("Reduce the flaky test rate to 1 in 200 runs", Direction.DECREASE, None, 0.5),
            ("Increase win rate from 1 in 5 to 1 in 3", Direction.INCREASE, 20.0, 100 / 3),
            ("9 out of 10 deals closed at list price or better", Direction.AT_LEAST, None, 90.0),
            # The things are counted after the share: better high, an outcome, as "90% of".
            (
                "Resolve 9 out of 10 billing tickets on first contact",
                Direction.INCREASE,
                None,
                90.0,
            ),
            (
                "Get 9 in 10 pupils to attend at least 95% of sessions",
                Direction.INCREASE,
                None,
                90.0,
            ),
            ("Lift completion from 1 in 8 learners to 1 in 5", Direction.INCREASE, 12.5, 20.0),
        ],
    )
    def test_shares_of_things(
        self, text: str, direction: Direction, start: float | None, value: float
    ) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.start, parsed.unit) == (direction, start, "%")
        assert parsed.value == pytest.approx(value)
        assert not parsed.output

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("CSAT of 8 out of 10", 8.0),  # a rating's scale stays a scale
            ("Rated 4.5 out of 5 stars", 4.5),
            ("Launch 2 features in 3 markets", 2.0),  # a noun between: two counts
            ("Migrate 30 of 45 services", 30.0),  # a part of a whole, counted
        ],
    )
    def test_not_shares(self, text: str, value: float) -> None:
        """A rating's scale, a count beside another, a part of a whole."""
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.unit == "%") == (value, False)

    @given(a=st.integers(2, 200), b=st.integers(1, 200))
    def test_a_rank_moves_the_way_its_numbers_go(self, a: int, b: int) -> None:
        """A place in a ranking: first is best, so a climb goes down in number."""
        assume(a != b)
        nth = {1: "st", 2: "nd", 3: "rd"}
        suffix = lambda n: "th" if 10 <= n % 100 <= 20 else nth.get(n % 10, "th")  # noqa: E731
        parsed = parse_key_result(
            f"Climb from {a}{suffix(a)} to {b}{suffix(b)} in the league table"
        )
        assert (parsed.start, parsed.value, parsed.unit) == (a, b, "rank")
        assert parsed.direction is (Direction.DECREASE if b < a else Direction.INCREASE)

    @pytest.mark.parametrize(
        ("text", "direction", "value", "unit", "output"),
        [
            ("Finish 3rd in the regional rankings", Direction.DECREASE, 3.0, "rank", False),
            ("Finish 3rd or better in the league", Direction.AT_MOST, 3.0, "rank", False),
            ("Move from 5th to 2nd place in G2", Direction.DECREASE, 2.0, "rank", False),
            ("Improve search ranking by 3 places", Direction.DECREASE, 3.0, "rank", False),
            ("Move up 5 positions in G2", Direction.DECREASE, 5.0, "rank", False),
            ("Open 3 places in the programme", Direction.INCREASE, 3.0, "places", True),
            # An ordinal that names: no rank, no number.
            ("Ensure interoperability with 3rd party tools", Direction.AT_LEAST, None, None, False),
        ],
    )
    def test_ranks(
        self, text: str, direction: Direction, value: float | None, unit: str | None, output: bool
    ) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value, parsed.unit, parsed.output) == (
            direction,
            value,
            unit,
            output,
        )
        assert not any("read as up" in a for a in parsed.ambiguities)

    def test_a_third_party_is_no_number_in_an_objective(self) -> None:
        assert not parse_objective("Enable engine integration with 3rd parties").numeric
        assert parse_objective("Win 3 new partners").numeric

    @pytest.mark.parametrize(
        ("text", "start", "value", "unit"),
        [
            ("Respond within 30m", None, 30.0, "min"),
            ("Resolve P1s in 30m", None, 30.0, "min"),
            ("Keep MTTR under 30m", None, 30.0, "min"),
            ("Cut build time to 45m", None, 45.0, "min"),
            ("Reduce mean time to recovery from 2h to 30m", 120.0, 30.0, "min"),
            # Millions: a noun after it, or nothing of time.
            ("Reach 30m users", None, 30_000_000.0, "users"),
            ("Grow revenue to 30m", None, 30_000_000.0, None),
            ("Grow ARR to $30m", None, 30_000_000.0, "$"),
        ],
    )
    def test_thirty_m(self, text: str, start: float | None, value: float, unit: str | None) -> None:
        parsed = parse_key_result(text)
        assert (parsed.start, parsed.value, parsed.unit) == (start, value, unit)

    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            ("Get two-thirds of people managers through leadership training", 200 / 3, "%"),
            ("Three quarters of stores on the new POS", 75.0, "%"),
            ("Win one third of the deals", 100 / 3, "%"),
            ("Grow monthly donors by a couple of hundred", 200.0, None),
            ("Hire a couple of engineers", 2.0, "engineers"),
            ("Reach 30-ish paying design partners", 30.0, "partners"),
            ("Keep freezer temperatures at or below -18°C", -18.0, "°C"),
            ("Keep cold-chain temperatures between 2 °C and 8 °C", 2.0, "°C"),
            ("Keep the office at 21 degrees C", 21.0, "°C"),
            ("Lower fuel use per 100 km from 32L to 28L", 28.0, "L"),
            ("Cut audit findings from 14 to 5 ahead of the FY27 audit", 5.0, None),
            ("Reduce Sev-1 incidents from 12 last quarter to ≤ 4", 4.0, None),
        ],
    )
    def test_numbers_and_units(self, text: str, value: float, unit: str | None) -> None:
        parsed = parse_key_result(text)
        assert parsed.value == pytest.approx(value)
        assert parsed.unit == unit

    @pytest.mark.parametrize(
        ("text", "start"),
        [
            ("Raise engagement to 75% (2025 survey: 68%)", 68.0),
            ("Grow ARR to $5M (FY25 actuals: $3.2M)", 3_200_000.0),
            ("Lift NPS to 45 (vs 38 last year)", 38.0),
            ("Recruit 250 new volunteers, up from 180 last year", 180.0),
            ("Reduce rough sleeping in the borough from c. 140 to under 70", 140.0),
            ("Reduce churn to 2% (currently c. 3%)", 3.0),
        ],
    )
    def test_baselines(self, text: str, start: float) -> None:
        assert parse_key_result(text).start == start

    def test_a_target_is_no_baseline_in_brackets(self) -> None:
        assert parse_key_result("Raise engagement to 75% (2025 target: 68%)").start is None

    @pytest.mark.parametrize(
        "text", ["Grow ARR to $5M in FY2026/27", "Cut spend by 25% (£2.1M in 2025/26)"]
    )
    def test_a_financial_year_is_one_name(self, text: str) -> None:
        assert not any("'2" in a for a in parse_key_result(text).ambiguities)  # no "'27'"

    @pytest.mark.parametrize(
        ("text", "value", "condition"),
        [
            ("Reduce tickets open over 30 days to 50", 50.0, "30 days"),
            ("Reduce time-to-hire for roles open more than 60 days to 40 days", 40.0, "60 days"),
            ("Increase sales of items under $20 by 15%", 15.0, "$20"),
            ("Reduce the number of tickets open over 30 days", None, "30 days"),
        ],
    )
    def test_a_bound_against_the_verb_is_a_condition(
        self, text: str, value: float | None, condition: str
    ) -> None:
        """A bound the verb of change cannot mean ("Reduce ... over 30 days") is what the
        things are; alone, it leaves no target."""
        parsed = parse_key_result(text)
        assert parsed.value == value
        assert f"{condition!r} read as a condition, not the target" in parsed.ambiguities

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("Reduce churn to under 2%", 2.0),  # with the verb's way: the target
            ("Reduce cost per hire by more than 10%", 10.0),
            ("Increase NPS above 50", 50.0),
            ("Increase adoption while keeping errors under 1%", 1.0),  # another verb's
            ("Reduce effort by resolving >99% of places", 99.0),  # a share, measured
        ],
    )
    def test_bounds_the_verb_can_mean(self, text: str, value: float) -> None:
        assert parse_key_result(text).value == value

    def test_a_range_of_change(self) -> None:
        parsed = parse_key_result("Reduce energy use by 8–10% vs 2024")
        assert (parsed.direction, parsed.form, parsed.value, parsed.unit, parsed.relative) == (
            Direction.DECREASE,
            "change",
            8.0,
            "%",
            True,
        )
        assert "'8–10%' is a range of change: read as its least, 8" in parsed.ambiguities
        band = parse_key_result("Keep latency within 95-105 ms")
        assert (band.direction, band.value, band.upper) == (Direction.WITHIN, 95.0, 105.0)

    @pytest.mark.parametrize(
        ("text", "output"),
        [
            ("Process 80% of planning applications within 8 weeks", False),  # each one's time
            ("See 95% of urgent referrals within 2 wks", False),
            ("Migrate 100% of services within 6 weeks", True),  # the work's deadline
        ],
    )
    def test_a_share_within_weeks(self, text: str, output: bool) -> None:
        assert parse_key_result(text).output is output

    def test_hold_to_is_a_ceiling(self) -> None:
        parsed = parse_key_result("Hold storage growth to 2 TB a month")
        assert (parsed.direction, parsed.value, parsed.unit, parsed.output) == (
            Direction.AT_MOST,
            2.0,
            "TB",
            False,
        )

    @pytest.mark.parametrize(
        ("text", "unit"),
        [("Improve gross margin by 50 bps", "bps"), ("Reach CHF 300k in Swiss ARR", "CHF")],
    )
    def test_measures_start_from_no_zero(self, text: str, unit: str) -> None:
        """A change in basis points and an amount of money are no counts of things from 0."""
        kr = to_key_result(text)
        assert (kr.start, kr.unit) == (None, unit)


class TestNumbersHostileTrial:
    """A hostile trial of the grammar of numbers: what it broke or left, pinned."""

    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            ("Get 20 customers to 2nd renewal", 20.0, "customers"),  # an ordinal before a noun
            ("Increase 1st contact resolution to 80%", 80.0, "%"),
            ("Reduce lead time from 3 months to 1m", 1.0, "months"),  # months after months
            ("Reach three quarters of a million users", 3.0, "quarters"),  # no share of a scale
            ("5 in 5 deploys succeed", 100.0, "%"),
            ("0 in 5 audits fail", 0.0, "%"),
        ],
    )
    def test_readings(self, text: str, value: float, unit: str) -> None:
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.unit) == (value, unit)

    def test_an_ordinal_alone_stays_what_it_was(self) -> None:
        """An ordinal that names, with no other number, is still read as it was (measured on
        the corpus, dropping it there cost more than it gained); beside another number it is no
        amount."""
        assert parse_key_result("Finish the 3rd milestone").value == 3.0
        assert parse_key_result("Finish the 3rd milestone by 2 weeks").value == 3.0
        assert parse_key_result("Hold costs to $1M").direction is Direction.AT_MOST

    def test_a_start_too_large_in_the_targets_unit_is_none(self) -> None:
        parsed = parse_key_result("Reduce build time from 1e306 days to 30m")
        assert (parsed.start, parsed.value, parsed.unit) == (None, 30.0, "min")

    def test_rank_is_a_unit(self) -> None:
        assert canonical_unit("rank") == "rank"
        assert to_key_result("Finish 3rd in the regional rankings").start is None  # no count

    def test_a_metric_of_time_is_looked_for_once(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A text of many "30m" looks for a metric of time in the whole text once, not once a
        number (which made reading it take time in the square of its length; counted as
        searches, which a machine's load does not change)."""
        import okrkit.text._quantities as quantities

        searches = []
        real = quantities._DURATION
        monkeypatch.setattr(
            quantities,
            "_DURATION",
            types.SimpleNamespace(search=lambda *a: searches.append(a) or real.search(*a)),
        )
        parse_in_full("30m " * 400)
        assert len(searches) == 1

    def test_bounds_against_the_verb_are_looked_at_a_few_times(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Each bound against the verb reads back to the verb: only the first few are, so a
        text of many stays linear."""
        import okrkit.text._reading as reading

        calls = []
        real = reading._governing_verb
        monkeypatch.setattr(reading, "_governing_verb", lambda *a: calls.append(a) or real(*a))
        parse_in_full("Reduce tickets open over 30 days " * 200 + "to 50")
        assert len(calls) <= reading._AGAINST_MAX + 1  # and the statement's own, once


class TestObjectivesTrial:
    """A trial of 120 objectives a helper wrote (87 read right on both fields, 109 after)."""

    @pytest.mark.parametrize(
        ("text", "numeric"),
        [
            ("Objective 2 - Delight enterprise customers", False),  # a numbered label
            ("Goal 3: Become the default tool for data teams", False),
            ("1. Make onboarding easy for small teams", False),
            ("Release 1.0 of the SDK", False),  # a version after a verb of release
            ("Ship Web 3 integration", False),
            ("Roll out Chromebooks to all 6th graders", False),  # an ordinal that names
            ("Be the team customers trust from day one", False),
            ("Become the number one choice for SMBs", False),  # a rank (D7)
            ("Improve uptime", True),
            ("Q2: Increase weekly active users", True),
            ("Reduce first response time", True),
            ("Reduce DSO", True),
            ("Make next quarter's revenue predictable for the board", False),  # no metric to move
            ("Objective 2 - Grow ARR to $10M", True),
        ],
    )
    def test_numeric(self, text: str, numeric: bool) -> None:
        assert parse_objective(text).numeric is numeric

    @pytest.mark.parametrize(
        ("text", "output"),
        [
            ("Create a partner program", True),
            ("Write the v2 docs", True),
            ("Update all customer contracts to the new DPA template", True),
            ("Digitize 100% of paper forms", True),
            ("Achieve SOC 2 Type II certification", True),
            ("Achieve GDPR compliance", True),
            ("Build a world-class engineering team", False),  # a change sought
            ("Achieve product-market fit in Germany", False),
        ],
    )
    def test_output(self, text: str, output: bool) -> None:
        assert parse_objective(text).output is output


def test_a_band_in_brackets_is_an_aside() -> None:
    """A band in brackets describes a scale ("a confidence score (0–1)"), not the target,
    where a number outside the brackets may be it; alone, it is the band."""
    parsed = parse_key_result("Validate at least 500 entries, each with a confidence score (0–1)")
    assert (parsed.value, parsed.upper, parsed.unit) == (500.0, None, "entries")
    alone = parse_key_result("Keep the confidence score (0.8-0.9)")
    assert (alone.direction, alone.value, alone.upper) == (Direction.WITHIN, 0.8, 0.9)


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        (
            "No client inquiry takes more than one business day to receive a response",
            "client inquiry",
        ),
        ("No deploy takes more than 10 minutes", "deploy"),
        ("No ticket waits more than 48 hours", "ticket"),
    ],
)
def test_none_of_a_subject_doing_so_is_a_ceiling_of_zero(text: str, metric: str) -> None:
    """After "No", a verb of reaching is its subject's too ("takes more than a day"): none of
    them may, a ceiling of zero, and the metric is the subject."""
    parsed = parse_key_result(text)
    assert (parsed.direction, parsed.value, parsed.metric) == (Direction.AT_MOST, 0.0, metric)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Resolve all User Activation v2 test regressions by M72", "regressions"),
        ("Fix all flaky tests", "tests"),
        ("Close all open security findings", "findings"),
        ("Remove all the legacy feature flags", "flags"),
        ("Eliminate all P0 bugs", "bugs"),
    ],
)
def test_clearing_all_of_a_kind_leaves_none(text: str, unit: str) -> None:
    """ "Resolve all X" with no number: none left, a decrease to zero, an outcome (it read a
    milestone, and OKR203 called it work)."""
    parsed = parse_key_result(text)
    assert (parsed.direction, parsed.value, parsed.unit, parsed.output) == (
        Direction.DECREASE,
        0.0,
        unit,
        False,
    )
    # A number keeps its own reading: a time limit, or a count of things cleared.
    assert parse_key_result("Fix all P1 bugs within 2 days").value == 2.0
    assert parse_key_result("Clear all 40 overdue reviews").value == 40.0


def test_no_before_a_link_or_emphasis_is_none() -> None:
    """ "No" then a link or emphasis ("No [`gitter.im`](https://gitter.im) downtime", "No
    *critical* incidents") is a ceiling of zero, as "No downtime" is."""
    for text in ("No [`gitter.im`](https://gitter.im) downtime", "No *critical* incidents"):
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value) == (Direction.AT_MOST, 0.0)


@pytest.mark.parametrize(
    "text", ["Onboard new hires in 10 days instead of 21", "Onboard new hires in 10 days"]
)
def test_a_time_taken_is_an_outcome_with_or_without_its_baseline(text: str) -> None:
    """An activity done in a time is a time taken: with a baseline it comes down, alone it is
    a limit; an outcome either way (with the baseline it read as work)."""
    parsed = parse_key_result(text)
    assert (parsed.value, parsed.unit, parsed.output) == (10.0, "days", False)


class TestSecondNumbersTrial:
    """A second trial of the grammar of numbers (150 statements: 126 read right, 138 after)."""

    @pytest.mark.parametrize(
        ("text", "start", "value"),
        [
            ("Improve LTV:CAC from 2.1:1 to 3:1", 2.1, 3.0),  # it read a target of 1
            ("Student-teacher ratio down from 28:1 to 22:1", 28.0, 22.0),
            ("Keep a 3:1 ratio of reviewers to authors", None, 3.0),
        ],
    )
    def test_ratios(self, text: str, start: float | None, value: float) -> None:
        parsed = parse_key_result(text)
        assert (parsed.start, parsed.value, parsed.unit) == (start, value, None)
        assert to_key_result(text).start == start  # no count from zero

    @pytest.mark.parametrize(
        ("text", "deadline"),
        [
            ("Stores open by 9:00 on 98% of trading days", "by 9:00"),
            ("Dispatch all orders before 17:30", "before 17:30"),
            (
                "Close the books by the 5th business day of each month",
                "by the 5th business day of each month",
            ),
        ],
    )
    def test_times_and_days_of_the_month_are_deadlines(self, text: str, deadline: str) -> None:
        parsed = parse_key_result(text)
        assert parsed.deadline == deadline
        assert parsed.value in (None, 98.0)
        # A decimal is no time of day, nor is a time with a dot and no "am" or "pm".
        assert parse_key_result("Reduce cloud spend by 1.50%").value == 1.5
        assert parse_key_result("Open by 6.30 am").deadline == "by 6.30 am"

    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            ("24x7 coverage for 5 regions", 5.0, "regions"),  # no growth of 24
            ("Deploy 5G coverage to 40 rural towns", 40.0, "towns"),
            ("Raise USD 2 bn in new commitments", 2_000_000_000.0, "$"),
            ("Reach half a million monthly users", 500_000.0, "users"),
            ("Grow to 40 active monthly volunteers", 40.0, "volunteers"),
            ("Bring 64 H100 GPUs online", 64.0, "GPUs"),
            ("Zero open P0/P1 bugs", 0.0, "bugs"),
            ("Collect £450k of aged debt over 90 days", 450_000.0, "£"),
            ("Recover $2.4MM in receivables aged over 90 days", 2_400_000.0, "$"),
        ],
    )
    def test_numbers(self, text: str, value: float, unit: str) -> None:
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.unit) == (value, unit)

    def test_money_collected_goes_up(self) -> None:
        """Money right after a verb of reaching is the amount got, which goes up, whichever
        way the money's metric is better ("aged debt" is better low)."""
        parsed = parse_key_result("Collect £450k of aged debt over 90 days")
        assert parsed.direction is Direction.INCREASE

    @pytest.mark.parametrize(
        ("text", "low", "high", "unit"),
        [
            ("Hold gross margin at 42% ± 1 pt", 41.0, 43.0, "%"),
            ("Keep latency at 200 ms +/- 20 ms", 180.0, 220.0, "ms"),
            ("Keep the error rate at 0.3% ± 0.1%", 0.2, 0.4, "%"),
        ],
    )
    def test_a_level_and_its_tolerance_is_a_band(
        self, text: str, low: float, high: float, unit: str
    ) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value, parsed.upper, parsed.unit) == (
            Direction.WITHIN,
            low,
            high,
            unit,
        )

    def test_weeks_or_less_is_a_limit(self) -> None:
        parsed = parse_key_result("Turn around planning applications in 8 weeks or less")
        assert (parsed.direction, parsed.value, parsed.unit, parsed.deadline) == (
            Direction.AT_MOST,
            8.0,
            "weeks",
            None,
        )

    def test_a_share_of_plan_is_an_outcome(self) -> None:
        assert not parse_key_result("Deliver 120% of plan on new ARR").output
        assert parse_key_result("Ship the new billing page").output


class TestSecondHostileTrial:
    """A hostile trial of the second batch: what it broke or left, pinned."""

    @pytest.mark.parametrize(
        "text",
        [
            "Keep the ratio at 1:1e-320 ± 1:1e-320",  # raised decimal.InvalidOperation
            "Keep inventory at 1e308 ± 1e308",  # an infinite end
            "Keep the ratio at 1:1e-320",  # an infinite ratio
        ],
    )
    def test_no_crash_and_nothing_infinite(self, text: str) -> None:
        parsed = parse_key_result(text)
        assert all(
            x is None or math.isfinite(x) for x in (parsed.value, parsed.start, parsed.upper)
        )
        to_key_result(text)

    @pytest.mark.parametrize(
        ("text", "direction", "start", "value", "unit"),
        [
            ("Achieve $50 CAC", Direction.DECREASE, None, 50.0, "$"),  # a level, not money got
            ("Cut image size from 12G to 5G", Direction.DECREASE, 12.0, 5.0, None),  # a size
            ("Open stores by 9:00 instead of 10:00", Direction.DECREASE, 10.0, 9.0, None),
            ("Keep the teacher-to-student ratio at 1:25", Direction.AT_LEAST, None, 0.04, None),
            ("Improve LTV:CAC from 2.1 : 1 to 3 : 1", Direction.INCREASE, 2.1, 3.0, None),
        ],
    )
    def test_readings(
        self,
        text: str,
        direction: Direction,
        start: float | None,
        value: float,
        unit: str | None,
    ) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.start, parsed.value, parsed.unit) == (
            direction,
            start,
            value,
            unit,
        )

    @pytest.mark.parametrize(
        "text", ["Chapter 3:16 translated", "Cut handle time from 6:30 to 4:45"]
    )
    def test_a_time_or_a_verse_is_no_ratio(self, text: str) -> None:
        parsed = parse_key_result(text)
        assert parsed.value is None or parsed.value >= 1  # not 0.1875, not 0.2

    def test_a_time_of_day_after_at_is_no_deadline(self) -> None:
        assert parse_key_result("Hold average handle time at 4:30").deadline is None
        assert parse_key_result("Close the books by the 5th of each month").deadline is not None

    @pytest.mark.parametrize(
        ("text", "low", "high"),
        [
            ("Keep latency at 200 ms ± 10%", 180.0, 220.0),  # a share of the level
            ("Hold gross margin at 42%±1pt", 41.0, 43.0),  # written close
        ],
    )
    def test_tolerances(self, text: str, low: float, high: float) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value, parsed.upper) == (Direction.WITHIN, low, high)

    def test_a_tolerance_on_a_moves_end_is_no_band(self) -> None:
        parsed = parse_key_result("Raise margin from 38% to 42% ± 1 pt")
        assert (parsed.direction, parsed.start, parsed.value) == (Direction.INCREASE, 38.0, 42.0)

    def test_names_with_digits(self) -> None:
        assert parse_key_result("24x7x365 coverage for 5 regions").value == 5.0
        assert parse_key_result("stable 1.0 version released as open source software").value is None
        assert parse_key_result("Ship the 2.1 release to all customers").value is None

    def test_a_placeholder_leads_in_brackets(self) -> None:
        """A placeholder that leads, in brackets or emphasis, is the target (D12), not a later
        count: "[_N_] prospects have ... for at least 1 major language"."""
        parsed = parse_key_result(
            "[_N_]% of customers have code intelligence for at least 1 language"
        )
        assert (parsed.value, parsed.measurable) == (None, False)

    def test_a_spec_in_brackets_describes_the_deliverable(self) -> None:
        parsed = parse_key_result("Implement changes to manage to RTO (2hrs) and RPO (1hr) in Q3")
        assert (parsed.direction, parsed.value) == (Direction.MILESTONE, None)

    @pytest.mark.parametrize(
        ("text", "output"),
        [
            ("Create a world-class team", False),  # a change sought, as "Build" is
            ("Create a culture of ownership", False),
            ("Develop a world-class engineering team", False),  # whatever the verb of making
            ("Create a partner program", True),
            ("Launch our community forum", True),  # the head of the object: a forum
            ("Achieve 100% compliance with SLAs", False),  # a level, no certificate
            ("Achieve GDPR compliance", True),
        ],
    )
    def test_objectives(self, text: str, output: bool) -> None:
        assert parse_objective(text).output is output

    def test_a_long_numbered_label(self) -> None:
        assert not parse_objective("Objective 123 - Delight customers").numeric


def test_a_count_after_a_verb_of_reaching_is_no_target() -> None:
    """After a verb of reaching only money right after it is the target ("Collect £450k of
    debt"); a count there is what the metric's name holds ("Achieve 4-hour A&E performance of
    76%" reaches 76 %, not 4)."""
    assert parse_key_result("Achieve 4-hour A&E performance of 76%").value == 76.0
    assert parse_key_result("Collect £450k of aged debt over 90 days").value == 450_000.0


def test_a_share_before_a_time_of_day_is_a_service_level() -> None:
    """ "Before 11:00" is a deadline of the text and each thing's time: the share of them that
    meet it is an outcome."""
    parsed = parse_key_result("Discharge 70% of patients before 11:00")
    assert (parsed.value, parsed.output, parsed.deadline) == (70.0, False, "before 11:00")


class TestTerseTrial:
    """A trial of terse key results, as pasted from slides and dashboards (150 statements a
    helper wrote: 128 read fully right, 143 after)."""

    # Words that are both a verb and the first word of a metric's name.
    _LEADS = ("Open", "Offer", "Backlog", "Review", "Audit", "Support", "Demo-to-close", "Order")

    @given(
        lead=st.sampled_from(_LEADS),
        # What a metric's words name: a singular noun, or things better one way ("Hire 5 →
        # 10 engineers" and "Publish posts 4 → 12" stay work).
        noun=st.sampled_from(("acceptance", "tickets", "bugs", "response time", "win rate")),
        a=st.integers(1, 999),
        b=st.integers(1, 999),
        arrow=st.sampled_from(("→", "->", "=>")),
    )
    def test_an_arrow_between_two_numbers_moves_a_level(
        self, lead: str, noun: str, a: int, b: int, arrow: str
    ) -> None:
        """Whatever word leads a metric's name, "A → B" goes from A to B, no count of work: a
        move, or a level
        held where B is on the worse side of A for the metric (D19)."""
        assume(a != b)
        parsed = parse_key_result(f"{lead} {noun} {a} {arrow} {b}")
        assert (parsed.start, parsed.value, parsed.output) == (a, b, False)
        up = Direction.INCREASE if b > a else Direction.DECREASE
        held = Direction.AT_MOST if b > a else Direction.AT_LEAST
        assert parsed.direction in (up, held)

    @pytest.mark.parametrize(
        ("text", "direction", "start", "value", "unit"),
        [
            ("Offer acceptance 75% → 90%", Direction.INCREASE, 75.0, 90.0, "%"),
            ("Backlog 1,200 → 300 tickets", Direction.DECREASE, 1200.0, 300.0, "tickets"),
            ("Demo-to-close 15% -> 22%", Direction.INCREASE, 15.0, 22.0, "%"),
            ("p95 800ms->300ms", Direction.DECREASE, 800.0, 300.0, "ms"),  # a name leads
            ("Pager alerts 300/wk → 50/wk", Direction.DECREASE, 300.0, 50.0, None),
            ("Avg handle time 9 min => 6 min", Direction.DECREASE, 9.0, 6.0, "min"),
            ("Sales cycle 94 → 60 days", Direction.DECREASE, 94.0, 60.0, "days"),
            ("Cash conversion cycle 45d → 30d", Direction.DECREASE, 45.0, 30.0, "days"),
            ("eNPS +10 → +25", Direction.INCREASE, 10.0, 25.0, None),  # two signed levels
            ("eNPS -5 → +10", Direction.INCREASE, -5.0, 10.0, None),
            ("Flaky tests: 120 → <20", Direction.AT_MOST, 120.0, 20.0, None),
            ("Demo requests 60/mo vs 40 LQ", Direction.INCREASE, 40.0, 60.0, None),
        ],
    )
    def test_dashboard_moves(
        self,
        text: str,
        direction: Direction,
        start: float,
        value: float,
        unit: str | None,
    ) -> None:
        parsed = parse_key_result(text)
        got = (parsed.direction, parsed.start, parsed.value, parsed.unit, parsed.form)
        assert got == (direction, start, value, unit, "target")
        assert not parsed.output

    @pytest.mark.parametrize(
        ("text", "value", "start"),
        [
            ("Open P1 bugs ≤ 5", 5.0, None),  # a sign then a bare count: how many there are
            ("On-call pages/wk ≤ 10", 10.0, None),
            ("Open incidents < 10 (from 28)", 10.0, 28.0),
            ("Audit: 0 material weaknesses", 0.0, None),  # a label over none
            ("Audit: no material weaknesses", 0.0, None),
            ("Sales cycle 60 days", 60.0, None),  # a cycle is a time taken
        ],
    )
    def test_levels_at_most(self, text: str, value: float, start: float | None) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value, parsed.start) == (Direction.AT_MOST, value, start)
        assert not parsed.output

    @pytest.mark.parametrize(
        ("text", "direction", "value", "unit"),
        [
            # An imperative's things follow its number; money or a share is each one's.
            ("Open ≥ 3 offices", Direction.INCREASE, 3.0, "offices"),
            ("Review contracts > $1M", Direction.INCREASE, 1_000_000.0, "$"),
            ("Hiring — 4 SWEs", Direction.INCREASE, 4.0, "SWEs"),
            ("Publish 12 case studies => 60%", Direction.INCREASE, 12.0, "studies"),  # progress
            ("Increase NPS +10 to 50", Direction.INCREASE, 10.0, None),  # a change to a level
            ("Grow sales by 20%", Direction.INCREASE, 20.0, "%"),  # sales still go up
        ],
    )
    def test_work_and_changes_stay(
        self, text: str, direction: Direction, value: float, unit: str | None
    ) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value, parsed.unit) == (direction, value, unit)

    @pytest.mark.parametrize(
        ("text", "direction", "value", "unit", "output"),
        [
            # A cycle qualifying another metric, counted, or a condition is no time taken.
            ("Improve sales cycle win rate to 30%", Direction.INCREASE, 30.0, "%", False),
            ("Release cycles per year 4 → 12", Direction.INCREASE, 12.0, None, False),
            ("Deals closed within one sales cycle 40% → 60%", Direction.INCREASE, 60.0, "%", False),
            ("Release cycle 6 weeks", Direction.AT_MOST, 6.0, "weeks", False),
            ("NPS -10 → -5", Direction.INCREASE, -5.0, None, False),  # two negative levels
            # A label over zero moving on is no "none".
            ("Hiring: 0 to 4 engineers", Direction.INCREASE, 0.0, None, False),
            ("Publish: no posts → 12 posts", Direction.INCREASE, 12.0, "posts", True),
            ("Close 50 deals => 31 deals", Direction.INCREASE, 50.0, "deals", False),  # progress
            # An imperative's things, then a sign or an arrow, stay work.
            ("Ship features ≥ 3", Direction.INCREASE, 3.0, None, True),
            ("Hire engineers > 5", Direction.INCREASE, 5.0, None, True),
            ("Fix 50 → 100 bugs per sprint", Direction.INCREASE, 100.0, "bugs", True),
            ("Hire 5 → 10 engineers", Direction.INCREASE, 10.0, "engineers", True),
            # Lumens and a language model are things; a period before a noun is passed over.
            (
                "Raise headlight output from 800 lm to 1200 lm",
                Direction.INCREASE,
                1200.0,
                "lm",
                False,
            ),
            ("Train 3 LM checkpoints", Direction.INCREASE, 3.0, "checkpoints", True),
            ("Close 40 QTD deals", Direction.INCREASE, 40.0, "deals", False),
        ],
    )
    def test_hostile_trial(
        self, text: str, direction: Direction, value: float, unit: str | None, output: bool
    ) -> None:
        """What a hostile trial of the rules above found them to misread, read right."""
        parsed = parse_key_result(text)
        got = (parsed.direction, parsed.value, parsed.unit, parsed.output)
        assert got == (direction, value, unit, output)

    def test_signed_levels_keep_their_start(self) -> None:
        kr = to_key_result("NPS -10 → -5")
        assert (kr.start, kr.target, kr.direction) == (-10.0, -5.0, Direction.INCREASE)
        assert to_key_result("Close 40 QTD deals").start == 0  # a count from zero, as before


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Prevent HTML injection through the comment-link feature", 0.0, None),  # a mass
        (
            "Prevent any performance regressions from reaching the stable channel",
            0.0,
            "regressions",
        ),
        ("Avoid any customer data loss during the migration", 0.0, None),
        ("Prevent bug count from creeping up", None, None),  # held where it is
    ],
)
def test_prevent_is_none_of_it(text: str, value: float | None, unit: str | None) -> None:
    """ "Prevent X" with no number keeps X at none (or, "from rising", where it is): a ceiling,
    an outcome, checkable as done or not (OKR201 spares it), with the other reading said."""
    parsed = parse_key_result(text)
    assert (parsed.direction, parsed.value, parsed.unit) == (Direction.AT_MOST, value, unit)
    assert not parsed.output
    assert done_or_not(text)
    assert any("it could be the work that prevents it" in a for a in parsed.ambiguities)
    # A count is what the team does ("Prevent 5 outages" is no promise of none).
    assert parse_key_result("Prevent 5 outages").value == 5.0


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("BGPT causes no P1 animation regressions", "regressions"),
        ("The new pipeline introduces no flaky tests", "tests"),
        ("The repo has no open P1 bugs", "bugs"),
    ],
)
def test_a_subjects_verb_then_no_is_none(text: str, unit: str) -> None:
    """A subject's verb, then "no" and a noun, says none of it: at most 0, an outcome; "no
    longer than" and "no more than" bound a number instead."""
    parsed = parse_key_result(text)
    assert (parsed.direction, parsed.value, parsed.unit) == (Direction.AT_MOST, 0.0, unit)
    assert not parsed.output
    assert parse_key_result("Support replies take no longer than a day").value == 1.0


def test_an_epic_is_a_name() -> None:
    """ "Epic 1331" names an issue tracker's epic, as "Issue 8303" does: no target."""
    parsed = parse_key_result("CMO: Refresh about.gitlab.com. Epic 1330")
    assert (parsed.value, parsed.direction) == (None, Direction.MILESTONE)
    assert parse_key_result("Close 3 epics").value == 3.0


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Trusted Activation Triggers", Direction.MILESTONE),  # a feature, whatever "trusted"
        ("Performance metrics report", Direction.MILESTONE),
        ("Setup Customer Success Process and Team", Direction.MILESTONE),
        ("Code health", Direction.AT_LEAST),  # the head names the metric
        ("Developer productivity", Direction.AT_LEAST),
        ("Support ticket volume", Direction.AT_MOST),
        ("Small backlog of issues and PRs", Direction.AT_MOST),  # the head before "of"
        ("Mean time to repair, e.g. time to detect", Direction.AT_MOST),
        ("Make customers happier", Direction.AT_LEAST),  # a verb first: no bare name
    ],
)
def test_a_bare_name_is_a_thing_made_by_its_head(text: str, direction: Direction) -> None:
    """A name with no verb and no number names a thing made where its head is no metric's,
    though another of its words has a way to be better."""
    parsed = parse_key_result(text)
    assert parsed.direction is direction
    assert parsed.output is (direction is Direction.MILESTONE)


def test_double_down_is_no_factor() -> None:
    """ "Double down on X" is more effort on X, no doubling of it."""
    parsed = parse_key_result("Double down on what works in marketing")
    assert (parsed.form, parsed.value, parsed.unit, parsed.relative) == (None, None, None, False)
    assert parse_key_result("Double signups").value == 2.0


class TestNonNativeTrial:
    """A trial of key results in the English of teams whose first language is another (150
    statements a helper wrote: 111 read fully right, 130 after)."""

    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            ("Increase the CSAT from 4,1 to 4,5", 4.5, None),  # a decimal comma
            ("Customer satisfaction of min. 4,2 of 5", 4.2, None),
            ("Increase the turnover by 1,5 Mio. €", 1_500_000.0, "€"),
            ("Increase the revenue to R$ 2,5 mi", 2_500_000.0, "BRL"),  # "mi" after money
            ("Raise R$ 1 bi in funding", 1_000_000_000.0, "BRL"),
            ("Achieve revenue Rp 50 miliar", 50_000_000_000.0, "IDR"),
            ("Increase the GMV to ¥300万", 3_000_000.0, "¥"),
            ("Savings of €1.200.000 in the purchases", 1_200_000.0, "€"),  # dots group
            ("Disburse NGN 500 million in loans", 500_000_000.0, "NGN"),
            ("Grow revenue US$ 5M", 5_000_000.0, "$"),  # as "$5M"
            ("Do steps 1,2 and 3", 1.0, None),  # a list, no decimal
            ("Grow ARR from 1,200 to 1,500", 1500.0, None),  # commas grouping thousands
            ("Run 5 mi", 5.0, "mi"),  # miles, with no money before
            ("Upgrade to 1.2.3", None, None),  # a version
        ],
    )
    def test_numbers_as_the_world_writes_them(
        self, text: str, value: float | None, unit: str | None
    ) -> None:
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.unit) == (value, unit)

    def test_a_code_inside_a_word_is_no_currency(self) -> None:
        assert parse_key_result("Make GitLab a Rails 5 app by default").unit != "ILS"
        assert parse_key_result("Fraud 5 cases").unit == "cases"

    @pytest.mark.parametrize(
        ("text", "direction", "form", "value", "start"),
        [
            ("Diminish the absenteeism to 4%", Direction.DECREASE, "target", 4.0, None),
            (
                "Increment the average ticket from $350 to $420",
                Direction.INCREASE,
                "target",
                420.0,
                350.0,
            ),
            (
                "Reduction of the maternal mortality in 10%",
                Direction.DECREASE,
                "change",
                10.0,
                None,
            ),
            ("Reduction of costs by 10%", Direction.DECREASE, "change", 10.0, None),
            ("Growth of users to 10k", Direction.INCREASE, "target", 10_000.0, None),
            (
                "Reduce the turnover of personnel of 18% to 12%",
                Direction.DECREASE,
                "target",
                12.0,
                18.0,
            ),
            (
                "Increase the followers in Instagram of 20k to 35k",
                Direction.INCREASE,
                "target",
                35_000.0,
                20_000.0,
            ),
            (
                "Increase the turnover of 12% compared to last year",
                Direction.INCREASE,
                "change",
                12.0,
                None,
            ),
            ("Reduce of 15% the delays of delivery", Direction.DECREASE, "change", 15.0, None),
            ("Achieve zero accidents", Direction.DECREASE, "target", 0.0, None),
            ("Realize zero accidents of labour", Direction.DECREASE, "target", 0.0, None),
        ],
    )
    def test_verbs_and_prepositions(
        self, text: str, direction: Direction, form: str, value: float, start: float | None
    ) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.form, parsed.value, parsed.start) == (
            direction,
            form,
            value,
            start,
        )
        assert not parsed.output

    def test_same_unit_of_conditions_stay(self) -> None:
        # "of" is a start only in the target's unit; "to" and a verb is no level reached.
        assert parse_key_result("Increase revenue of 5 products to $2M").start is None
        assert parse_key_result("Increase retention to a rate of 90%").form == "target"
        runbook = parse_key_result("Communications runbook augmented to cover all situations")
        assert runbook.direction is Direction.MILESTONE

    @pytest.mark.parametrize(
        ("text", "output"),
        [
            ("Deliver 98% of the orders in time", False),  # "in time": on time
            ("Deliver the 95% of the orders in 24 hours", False),  # each order's limit
            ("Migrate 100% of services in 6 weeks", True),  # the work's own deadline
        ],
    )
    def test_service_levels(self, text: str, output: bool) -> None:
        assert parse_key_result(text).output is output

    @pytest.mark.parametrize(
        "text",
        [
            "Introduce SAP S/4HANA in the logistics until end of Q2",
            "Give feedback 1:1 to all the team every month",
        ],
    )
    def test_names_with_digits(self, text: str) -> None:
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.direction) == (None, Direction.MILESTONE)
        assert parse_key_result("Keep a 1:1 ratio of mentors").value == 1.0  # a ratio
        assert parse_key_result("Run a 5K race").value == 5000.0  # a number


class TestNonNativeHostileTrial:
    """What a hostile trial of the rules for the English of teams whose first language is
    another found, each pinned (benchmarks/bench_text.py times its long inputs)."""

    def test_a_decimal_comma_before_a_fraction_is_no_crash(self) -> None:
        for text in ("Reach 1,5/2 of users", "Raise CSAT to 4,5/5x", "Reach $1,5/2 of users"):
            parsed = parse_key_result(text)
            assert parsed.value is None or math.isfinite(parsed.value)
            to_key_result(text)

    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            ("Spend $50 bi-weekly on ads", 50.0, "$"),  # no billion
            ("Make a sharp 10% cut in costs", 10.0, "%"),  # "Rp" inside a word
            ("Cut page load time from 4S to 2S", 2.0, "s"),  # seconds, no name
            ("Launch features 1,2 in Q3", 1.0, None),  # a list
            ("Hire 3,5 engineers", 3.0, None),  # no decimal count
            ("Upgrade PostgreSQL to 12.100.200", None, None),  # a version
            ("Reach 1.200.000 users", 1_200_000.0, "users"),
            ("Grow revenue C$ 5M", 5_000_000.0, "CAD"),
            ("Save €1.200." + "200." * 500, None, "€"),  # a long run: no number, linear
        ],
    )
    def test_numbers(self, text: str, value: float | None, unit: str | None) -> None:
        parsed = parse_key_result(text)
        assert parsed.value == value or (value is None and parsed.unit == unit)
        if value is not None:
            assert parsed.unit == unit

    @pytest.mark.parametrize(
        ("text", "start", "value"),
        [
            ("Improve LTV:CAC from 0.5:1 to 1:1", 0.5, 1.0),  # a ratio's level, no meeting
            ("Move the engineer to QA ratio from 5:1 to 1:1", 5.0, 1.0),
            ("Reach a mentor to mentee ratio of 1:1", None, 1.0),
        ],
    )
    def test_a_ratio_of_one_to_one(self, text: str, start: float | None, value: float) -> None:
        parsed = parse_key_result(text)
        assert (parsed.start, parsed.value) == (start, value)

    def test_readings(self) -> None:
        improvement = parse_key_result("Improvement of error rate to 1%")
        assert improvement.direction is Direction.DECREASE  # as "Improve error rate" goes
        ar = parse_key_result("Augmented reality features used by 30% of shoppers")
        assert (ar.form, ar.value, ar.relative) == ("target", 30.0, False)
        # "in 30 days" may be the work's deadline: only minutes and hours are each thing's.
        assert parse_key_result("Complete 80% of the migration in 30 days").output
        assert not parse_key_result("Answer 90% of calls in 20 seconds").output


class TestPublicServicesTrial:
    """A trial of key results in the language of public services and charities (150
    statements a helper wrote: 137 read fully right, 145 after)."""

    @pytest.mark.parametrize(
        ("text", "value", "start"),
        [
            # An age or a span of years says who or when is counted, no number of its own.
            ("Increase the proportion of children fully vaccinated by age 2 to 95%", 95.0, None),
            ("Increase the literacy rate among young people aged 15-24 to 98%", 98.0, None),
            ("Increase the employment rate of people aged 16 to 64 to 75%", 75.0, None),
            ("Raise the share of adults aged 15+ to 90%", 90.0, None),
            ("Reduce road deaths by 50% by 2030 against the 2005-09 average", 50.0, None),
            ("Reduce the median age of first-time buyers from 34 to 32", 32.0, 34.0),  # a metric
            # A census's figure in brackets is a baseline.
            (
                "Increase the share of residents who speak Welsh to 30% (2021 census: 17.8%)",
                30.0,
                17.8,
            ),
            ("Issue 90% of new care plans within 20 weeks", 90.0, None),  # no issue number
            ("Bring 250 empty homes back into use", 250.0, None),
        ],
    )
    def test_numbers(self, text: str, value: float, start: float | None) -> None:
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.start) == (value, start)
        assert parse_key_result("Bring 250 empty homes back into use").unit == "homes"

    @pytest.mark.parametrize(
        ("text", "direction", "value"),
        [
            ("Narrow the disadvantage attainment gap to 5 points by 2028", Direction.DECREASE, 5.0),
            ("Close the gap in life expectancy to 3 percentage points", Direction.DECREASE, 3.0),
            ("Ensure no patient waits more than 18 weeks", Direction.AT_MOST, 0.0),
            ("Ensure that no customer data is lost", Direction.AT_MOST, 0.0),
        ],
    )
    def test_gaps_and_none(self, text: str, direction: Direction, value: float) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value, parsed.output) == (direction, value, False)

    def test_a_share_within_statutory_timescales_is_a_service_level(self) -> None:
        assert not parse_key_result(
            "Process 98% of planning applications within statutory timescales"
        ).output


class TestPublicServicesHostileTrial:
    """What a hostile trial of the rules for public services' language found, each pinned."""

    @pytest.mark.parametrize(
        ("text", "value", "start"),
        [
            ("Increase the share of children vaccinated by age 2 to 95 percent", 95.0, None),
            ("Raise the employment rate of people aged 16 to 250", 250.0, None),  # no age of 250
            ("Keep the weight at 1995-2005 grams", 1995.0, None),  # amounts, no span of years
            ("Publish the 2025-26 annual report", None, None),  # a financial year
            ("Increase the share of Welsh speakers to 30% (census: 17.8%)", 30.0, 17.8),
            ("Issue 90 percent of plans within 20 weeks", 90.0, None),
            ("Issue 5 refunds", 5.0, None),  # a verb and its things
            ("Fix issue 42", None, None),  # an issue still
            ("Raise USD 1.200.000 in grants", 1_200_000.0, None),  # money, no version
            ("Upgrade PostgreSQL to 12.100.200", None, None),  # a version
            ("Grow revenue to 3億円", 300_000_000.0, None),
            ("Raise € 500 in donations", 500.0, None),  # a sign and a space
            ("Deliver the top 5 countries' action plans", None, None),  # "top 5" still a rank
        ],
    )
    def test_numbers(self, text: str, value: float | None, start: float | None) -> None:
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.start) == (value, start)

    @pytest.mark.parametrize(
        ("text", "direction"),
        [
            ("Gap year placements: 200", Direction.AT_LEAST),  # a gap year is no gap
            ("Achieve 90% gap closure", Direction.INCREASE),
            ("Ensure no lower than 95% uptime", Direction.AT_LEAST),  # a floor, not none
            ("Ensure no more than 5 P1 incidents", Direction.AT_MOST),
            ("Ensure that none of the 5 regions drops below 99% uptime", Direction.AT_MOST),
        ],
    )
    def test_directions(self, text: str, direction: Direction) -> None:
        assert parse_key_result(text).direction is direction
        assert parse_key_result("Ensure no lower than 95% uptime").value == 95.0


@pytest.mark.parametrize(
    ("text", "direction", "value"),
    [
        ("Track and display validation coverage on the dashboard", Direction.MILESTONE, None),
        ("Support and promote 3 reading clubs", Direction.INCREASE, 3.0),
        ("Track & expose the funnel's drop-offs", Direction.MILESTONE, None),
    ],
)
def test_a_word_joined_to_a_verb_is_a_verb(
    text: str, direction: Direction, value: float | None
) -> None:
    """A first word that is mostly a noun is a verb when "and" joins it to a word that is
    mostly a verb: the statement is work, done or counted."""
    parsed = parse_key_result(text)
    assert (parsed.direction, parsed.value, parsed.output) == (direction, value, True)
    # Two nouns joined are still a bare name of metrics, not work.
    assert not parse_key_result("Uptime and error rate").output


def test_a_condition_after_upon_names_no_metric() -> None:
    """What a verb of getting takes is read up to a condition ("upon", "during", "when"): a
    thing got, done or not, though the condition names a metric better low."""
    for text in ("Capture app state upon job failures", "Record logs during outages"):
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.output) == (Direction.MILESTONE, True)
    assert parse_key_result("Capture fewer job failures").direction is not Direction.MILESTONE


@given(
    subject=st.sampled_from(["Our apps", "Each portfolio", "The support team", "Customers"]),
    modal=st.sampled_from(["will", "should", "must", "can"]),
    verb=st.sampled_from(["increase", "grow", "raise", "reduce", "cut", "lower", "improve"]),
    metric=st.sampled_from(["attendance", "usage", "satisfaction", "weekly sign-ups"]),
    amount=st.integers(1, 90),
)
def test_a_modal_before_a_verb_of_change_makes_it_the_verb(
    subject: str, modal: str, verb: str, metric: str, amount: int
) -> None:
    """After a subject and a modal ("will", "should"), a verb of change is the statement's:
    its way, not a level held ("Town halls will increase attendance by 20%")."""
    parsed = parse_key_result(f"{subject} {modal} {verb} {metric} by {amount}%")
    down = verb in ("reduce", "cut", "lower")
    assert parsed.direction is (Direction.DECREASE if down else Direction.INCREASE)
    assert (parsed.form, parsed.value, parsed.relative) == ("change", float(amount), True)


@given(
    label=st.sampled_from(["", "Outreach: ", "Support: ", "Marketing Ops: "]),
    first=st.sampled_from(
        ["Keep being an open source project.", "Support our users.", "Hold the line on quality."]
    ),
    verb=st.sampled_from(["Increase", "Grow", "Reduce", "Cut"]),
    metric=st.sampled_from(["active committers", "open bugs", "weekly sign-ups"]),
    amount=st.integers(1, 90),
)
def test_the_sentence_that_holds_the_number_gives_its_way(
    label: str, first: str, verb: str, metric: str, amount: int
) -> None:
    """Where a statement has several sentences, the verb of the sentence that holds the
    number governs it, not the first sentence's ("Outreach: Keep being an open source
    project. Increase active committers by 50%")."""
    parsed = parse_key_result(f"{label}{first} {verb} {metric} by {amount}%")
    down = verb in ("Reduce", "Cut")
    assert parsed.direction is (Direction.DECREASE if down else Direction.INCREASE)
    assert (parsed.form, parsed.value) == ("change", float(amount))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Write a guide that gets 500+ views", 500.0, "views"),
        ("Publish the report and have 300 downloads", 300.0, "downloads"),
        ("Give a talk that influences 50+ developers", 50.0, "developers"),
    ],
)
def test_a_level_what_is_made_reaches_is_an_outcome(text: str, value: float, unit: str) -> None:
    """A number a relative clause (or "and have") puts on the thing made is the level it
    should reach, others' response to it: at least that, an outcome, said as read."""
    parsed = parse_key_result(text)
    assert (parsed.direction, parsed.value, parsed.unit) == (Direction.AT_LEAST, value, unit)
    assert not parsed.output
    assert any("a level what is made should reach" in a for a in parsed.ambiguities)
    # A verb of change in the clause gives its way; a count right after the work is work.
    assert parse_key_result("Ship a fix that cuts churn by 5%").direction is Direction.DECREASE
    assert parse_key_result("Write 3 guides that get read").output


@pytest.mark.parametrize(
    "text",
    [
        "Nobody waits more than 2 days for a reply",
        "No-one is paged more than twice a week",
        "No one waits more than 2 days for a reply",
    ],
)
def test_nobody_is_none(text: str) -> None:
    """ "Nobody", "no-one" and "no one" say none of the people, as "No customer waits ..."
    does: at most 0, an outcome, the bound their condition (and "one" no number)."""
    parsed = parse_key_result(text)
    assert (parsed.direction, parsed.value, parsed.output) == (Direction.AT_MOST, 0.0, False)
    assert not any("'one'" in a for a in parsed.ambiguities)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Gain 2 millions of users", 2_000_000.0, "users"),
        ("Reach 3 thousand of downloads", 3000.0, "downloads"),
        ("Grow revenue by 2 billions", 2_000_000_000.0, None),
        ("Reach 3 thousand downloads", 3000.0, "downloads"),
    ],
)
def test_a_plural_scale_and_of_as_other_languages_write_them(
    text: str, value: float, unit: str | None
) -> None:
    """ "2 millions", "3 thousands" and a scale then "of" before the things counted ("2
    millions of users", as French or Spanish say it) read as "2 million users"."""
    parsed = parse_key_result(text)
    assert (parsed.value, parsed.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "output"),
    [
        ("Deploy a world class government experience", False),
        ("Deliver the most efficient public services in the country", False),
        ("Deliver value to enterprise developers", False),
        ("VP Eng: Develop and evangelize a world-class engineering culture.", False),
        ("Hold the line on input performance", False),
        ("Deliver the best onboarding in the industry", False),
        ("Implement most frequently requested features", True),  # "most" of no superlative
        ("Deliver the new billing system", True),
        ("Hold 4 customer workshops", True),
    ],
)
def test_a_thing_aspired_to_is_no_deliverable(text: str, output: bool) -> None:
    """An objective's verb of making over the best of its kind, a value or "the line" seeks a
    change; over a thing it makes, it names a deliverable."""
    assert parse_objective(text).output is output


class TestCompoundLinesTrial:
    """What a trial of 150 compound key result lines (an owner's label, a restated aim, several
    targets, references and progress on one line, as large companies' OKR pages write them)
    found read plainly wrong, pinned as now read (130 of 150 read as the trial expected at
    first, 138 now; the rest debatable)."""

    @pytest.mark.parametrize(
        ("text", "direction", "start", "value"),
        [
            # " - N%" after a word or money is progress, not a band's other end
            ("Finance: Reduce cloud spend per customer from $14 to $10 - 40%", "decrease", 14, 10),
            (
                "Security Ops: Cut mean time to detect to under 15 minutes - 60%",
                "decrease",
                None,
                15,
            ),
            ("Keep error rate between 2 - 5%", "within", None, 2),  # a band, as before
        ],
    )
    def test_progress_after_a_spaced_hyphen(
        self, text: str, direction: str, start: float | None, value: float
    ) -> None:
        parsed = parse_key_result(text)
        assert parsed.direction is not None
        assert (parsed.direction.value, parsed.start, parsed.value) == (direction, start, value)
        assert (parsed.upper is None) is (direction != "within")

    def test_progress_after_a_label(self) -> None:
        parsed = parse_key_result("FP&A: Deliver the FY22 plan to the board by Nov 15 => 100%")
        assert (parsed.direction, parsed.value, parsed.output) == (Direction.MILESTONE, None, True)

    @pytest.mark.parametrize(
        "text",
        [
            "Dir. of Revenue Ops: Launch a new territory model. Rebalance 60 accounts by FY21-Q2.",
            "Sr. Dir. Eng: Rebalance 60 accounts",
            "Improve margin visibility. Rebalance 60 accounts.",
        ],
    )
    def test_a_label_or_an_aim_before_the_work(self, text: str) -> None:
        """A label with an abbreviation's full stop is a label, and a first sentence with no
        number before one that starts with a verb and has a number restates the aim: the
        work after them is what is read."""
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value, parsed.unit) == (
            Direction.INCREASE,
            60.0,
            "accounts",
        )
        assert parsed.output

    @pytest.mark.parametrize(
        ("text", "output"),
        [
            ("Eng Manager: Close 120 bugs from the backlog (Zach)", True),
            ("GRC: Close 25 audit findings by FY21-Q3", True),
            ("Resolve 500 support tickets", True),
            ("Close 40 deals", False),  # what the team wins
        ],
    )
    def test_faults_worked_off_are_work(self, text: str, output: bool) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.output) == (Direction.INCREASE, output)

    def test_make_up_is_a_share(self) -> None:
        for text in (
            "DEI: Women make up 40% of engineering hires in FY22",
            "Self-serve makes up 25% of new revenue",
        ):
            parsed = parse_key_result(text)
            assert (parsed.direction, parsed.value, parsed.unit) == (
                Direction.AT_LEAST,
                40.0 if "40" in text else 25.0,
                "%",
            )
        assert parse_key_result("Ramp up 20% more leads").direction is Direction.INCREASE


class TestGrammarHostileTrial:
    """What a hostile trial of this round's grammar (words joined by "and", a sentence's own
    verb, a modal, a relative clause's level, "nobody", plural scales) found the new rules
    read plainly wrong, pinned as now read: none raised, all linear."""

    @pytest.mark.parametrize(
        ("text", "direction"),
        [
            ("Email and call response time under 4 hours", Direction.AT_MOST),
            ("Stock and pick errors below 0.5%", Direction.AT_MOST),
            ("Order and pick accuracy above 99%", Direction.AT_LEAST),
            ("Order and pick accuracy", Direction.AT_LEAST),
            ("Partner and sell-through rate above 30%", Direction.AT_LEAST),
        ],
    )
    def test_two_words_joined_that_name_a_metric(self, text: str, direction: Direction) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.output) == (direction, False)

    @pytest.mark.parametrize(
        "text",
        [
            "No release will increase crash rate above 1%",
            "No deploy should reduce uptime below 99.9%",
            "Nobody will increase prices by more than 5%",
        ],
    )
    def test_no_subject_keeps_none_over_a_modal(self, text: str) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value) == (Direction.AT_MOST, 0.0)

    @pytest.mark.parametrize(
        ("text", "unit"),
        [
            ("Design a survey that has 15 questions", "questions"),  # its parts
            ("Write a guide that covers 10+ topics", "topics"),
            ("Build a library that supports over 20 formats", "formats"),
            ("Hire a designer and have 3 interviews per week", "interviews"),  # own work
            ("Run the pilot and have 2 retrospectives", "retrospectives"),
            ("Build a tool that saves 10 hours per week", "h"),  # an amount the thing saves
            ("Create a tool which eliminates 5 manual steps", "steps"),
            ("Build a bot that closes 500 tickets a month", "tickets"),
        ],
    )
    def test_a_relative_clause_that_describes_what_is_made(self, text: str, unit: str) -> None:
        """Only others' response to the thing made (views, readers, developers reached) is a
        level it should reach; its parts, the team's own work and what it saves stay work."""
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.unit, parsed.output) == (Direction.INCREASE, unit, True)

    @pytest.mark.parametrize(
        ("text", "direction"),
        [
            ("Keep being open source! Increase active committers by 50%", Direction.INCREASE),
            ("Hold the line? Reduce open bugs by 20%", Direction.DECREASE),
        ],
    )
    def test_what_ends_a_sentence(self, text: str, direction: Direction) -> None:
        assert parse_key_result(text).direction is direction

    @pytest.mark.parametrize("dash", ["-", "\u2010", "\u2011", "\u2013", "\u2014"])
    def test_no_one_with_any_dash(self, dash: str) -> None:
        parsed = parse_key_result(f"No{dash}one waits more than 2 days")
        assert (parsed.direction, parsed.value) == (Direction.AT_MOST, 0.0)


@pytest.mark.parametrize(
    ("text", "direction", "value"),
    [
        ("Churn should not increase above 3%", Direction.AT_MOST, 3.0),
        ("Error rate must not grow beyond 1%", Direction.AT_MOST, 1.0),
        ("Revenue must not drop below $1M", Direction.AT_LEAST, 1_000_000.0),
        ("Churn should not increase", Direction.AT_MOST, None),
        ("# of open bugs did not increase during the quarter", Direction.AT_MOST, None),
    ],
)
def test_a_change_ruled_out_holds_the_metric(
    text: str, direction: Direction, value: float | None
) -> None:
    """ "Not", "never" or "n't" before a verb of change holds the metric where the change
    would take it from, and what bounds it bounds it the other way: a ceiling or a floor,
    checkable (OKR201 spares one with no number)."""
    parsed = parse_key_result(text)
    assert (parsed.direction, parsed.value, parsed.output) == (direction, value, False)
    if value is None:
        assert done_or_not(text)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Ship a build that has fewer than 5 bugs", 5.0, "bugs"),
        ("Create a process that takes under 2 days", 2.0, "days"),
        ("Deploy a service that fails less than 1% of the time", 1.0, "%"),
    ],
)
def test_a_ceiling_on_the_thing_made(text: str, value: float, unit: str) -> None:
    """A bound from above in a relative clause on the thing made is a ceiling it should keep
    under, an outcome, no work counted."""
    parsed = parse_key_result(text)
    assert (parsed.direction, parsed.value, parsed.unit) == (Direction.AT_MOST, value, unit)
    assert not parsed.output


def test_an_example_is_an_aside() -> None:
    """ "e.g." and "i.e." bring in an aside: no unit, no words of the metric."""
    for text in ("Test 3 ideas i.e. cut prices by 10%", "Hold 12 interviews e.g. reduce scope"):
        parsed = parse_key_result(text)
        assert parsed.unit in ("ideas", "interviews")
        assert parsed.output


def test_adding_at_least_n_is_a_change() -> None:
    """ "Add at least 3 tests" adds 3 or more, a change as "Add 3 tests" is (D1), the bound
    on how much; "Increase to at least 50" stays a level."""
    for text in ("Add at least 3 analytics views", "Adding at least 3 tests in WPT"):
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.form, parsed.value) == (Direction.INCREASE, "change", 3.0)
    assert parse_key_result("Increase weekly users to at least 50").form == "target"


class TestEngineeringTrial:
    """What a trial of 150 key results of engineering and open-source teams (many with no
    number) and a newcomer's spreadsheet found read plainly wrong, pinned as now read (121
    of 150 read as the trial expected at first, 131 now)."""

    @pytest.mark.parametrize(
        ("text", "direction", "value"),
        [
            ("CSAT >= 92% => 40%", Direction.AT_LEAST, 92.0),  # progress after a bound
            ("Cost per lead below $120 => 75%", Direction.AT_MOST, 120.0),
            ("NPS >= 50 => 60%", Direction.AT_LEAST, 50.0),
            ("Increase win rate from 18% to 25% => 60%", Direction.INCREASE, 25.0),
            ("Cut churn 5% => 3%", Direction.DECREASE, 3.0),  # an arrow, as before
            ("Churn <= 3%", Direction.AT_MOST, 3.0),  # ">=" and "<=" bound, as "≥" does
        ],
    )
    def test_progress_after_a_target(self, text: str, direction: Direction, value: float) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value) == (direction, value)
        assert not any("condition" in a for a in parsed.ambiguities)

    @pytest.mark.parametrize("text", ["TBD", "X%", "??", "[X]"])
    def test_a_placeholder_alone_has_no_way(self, text: str) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value, parsed.measurable) == (None, None, False)
        assert parse_key_result("Revenue TBD").direction is Direction.AT_LEAST

    @pytest.mark.parametrize(
        ("text", "direction"),
        [
            ("Improve compiler error messages", Direction.INCREASE),  # the messages' way
            ("Improve the error rate", Direction.DECREASE),
            ("improve memory usage", Direction.DECREASE),
            ("Main branch build never broken for more than 1 hour", Direction.AT_MOST),
            ("Never more than 3 open P1s", Direction.AT_MOST),
            ("Uptime is not below 99.9%", Direction.AT_LEAST),
            ("CI stays green", Direction.AT_LEAST),
            ("Error budget not exceeded in any month", Direction.AT_MOST),
            ("Release every 2 weeks", Direction.AT_MOST),
        ],
    )
    def test_ways(self, text: str, direction: Direction) -> None:
        parsed = parse_key_result(text)
        assert parsed.direction is direction
        assert not parsed.output

    @pytest.mark.parametrize(
        ("text", "direction"),
        [("Flaky test count", Direction.AT_MOST), ("Binary size", None)],  # flaky: better few
    )
    def test_a_measure_named_alone_is_a_metric(
        self, text: str, direction: Direction | None
    ) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.output) == (direction, False)
        assert parse_key_result("Performance dashboard").direction is Direction.MILESTONE

    @pytest.mark.parametrize(
        "text",
        [
            "LLVM 17 upgrade completed",
            "Kafka 3.6 upgrade in all regions",
            "Support HTTP/3",
            "Upgrade LLVM to 17",
            "Migrate Postgres to 16.2",
        ],
    )
    def test_a_version_is_a_name(self, text: str) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value, parsed.output) == (Direction.MILESTONE, None, True)
        assert parse_key_result("Run 5 support sessions").value == 5.0
        assert parse_key_result("Hire 2 support staff").value == 2.0

    def test_about_ends_a_noun(self) -> None:
        assert parse_key_result("Publish 4 blog posts about the new scheduler").unit == "posts"
        assert parse_key_result("Reach about 200 users").value == 200.0


def test_a_signed_change_from_a_baseline() -> None:
    """A signed number with an unsigned baseline beside it is a change from it; two signed
    levels, or a signed level after "to", stay levels."""
    kr = to_key_result("eNPS +10 points (currently 22)")
    assert (kr.direction, kr.start, kr.target) == (Direction.INCREASE, 22.0, 32.0)
    assert to_key_result("NPS -10 → -5").target == -5.0
    assert to_key_result("Grow NPS from 20 to +30").target == 30.0


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Grow new ARR from $2.4M to $3.5M; 25 new logos in NA", "another target"),
        ("Increase followers from 42k to 55k, LinkedIn followers by 20%", "another target"),
        ("Hire 3 engineers and reduce time to hire to 30 days", "another target"),
        ("Reduce churn to 2%, measured over 3 cohorts", "a condition"),
        ("Respond to 95% of tickets within 2 hours", "a condition"),
    ],
)
def test_another_target_on_the_line_is_said(text: str, said: str) -> None:
    (ambiguity,) = parse_key_result(text).ambiguities
    assert f"read as {said}" in ambiguity


@pytest.mark.parametrize("blank", ["", "   ", "\t\n"])
def test_a_blank_statement_is_refused_as_given(blank: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        to_key_result(blank)
    assert repr(blank) in str(caught.value)
    assert caught.value.path == "title"


@pytest.mark.parametrize(
    "text", ["Measure latency of keyboard input", "Customer success: Measure adherence"]
)
def test_an_objective_to_measure_names_work(text: str) -> None:
    """ "Measure X" as an objective builds the measuring, a deliverable, as "Instrument X"
    would: no change sought."""
    assert parse_objective(text).output


class TestProductGrowthTrial:
    """What a trial of 150 key results of product and growth teams found read plainly wrong
    (147 of 150 right at first, 150 now), pinned."""

    def test_a_leading_gerund_that_names_a_metric(self) -> None:
        for text in (
            "Landing page conversion of at least 3.5% on paid search traffic",
            "Landing page conversion above 3.5%",
        ):
            parsed = parse_key_result(text)
            assert (parsed.direction, parsed.value) == (Direction.AT_LEAST, 3.5)
        assert parse_key_result("Adding at least 3 tests in WPT").output  # a verb still

    def test_the_level_a_change_goes_to_over_a_bound_on_its_things(self) -> None:
        kr = to_key_result("Increase the share of users active 4+ days a week to 30%")
        assert (kr.direction, kr.target, kr.unit) == (Direction.INCREASE, 30.0, "%")
        assert parse_key_result("Grow 5+ star reviews to 200").value == 200.0

    @pytest.mark.parametrize("text", ["3:1 LTV to CAC", "3:1 LTV:CAC", "3x LTV:CAC"])
    def test_ltv_to_cac_is_better_high(self, text: str) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value, parsed.relative) == (
            Direction.AT_LEAST,
            3.0,
            False,
        )


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Developers can author new tutorials that require file drops", Direction.MILESTONE),
        ("Users can learn more about the node running in their browser", Direction.MILESTONE),
        ("Users can export their data as CSV", Direction.MILESTONE),
        ("Users can understand how pinning works", Direction.AT_LEAST),  # a state of mind
        ("Users can finish common tasks in less time than in the CLI", Direction.DECREASE),
    ],
)
def test_what_people_can_do_is_a_capability_built(text: str, direction: Direction) -> None:
    """What people other than the team "can" do, other than know or feel or do faster, is a
    capability built for them: a milestone, whatever words of change its object holds."""
    parsed = parse_key_result(text)
    assert parsed.direction is direction
    assert parsed.output is (direction is Direction.MILESTONE)


class TestSecondGrammarHostileTrial:
    """What a hostile trial of this round's later rules (progress after a target, bounds ruled
    out, states held, versions, another target) found, pinned: 370,000 inputs, no error but
    okrkit's; one reading made quadratic (another target looked for at each number), fixed."""

    @pytest.mark.parametrize(
        ("text", "direction", "value"),
        [
            ("Reduce churn to 3% so that revenue does not drop", Direction.DECREASE, 3.0),
            ("Fix what is not working and keep p95 under 200 ms", Direction.AT_MOST, 200.0),
            ("Churn shouldn't increase above 3%", Direction.AT_MOST, 3.0),
            ("Revenue won't drop below $1M", Direction.AT_LEAST, 1_000_000.0),
            ("Bump NPS to 45", Direction.INCREASE, 45.0),  # a metric has no versions
            ("Reach NPS +30 (currently 12)", Direction.INCREASE, 30.0),  # a level
            ("Error rates stay under 1%", Direction.AT_MOST, 1.0),
            ("Latency >= 100 ms and <= 200 ms", Direction.WITHIN, 100.0),
            ("Collect NPS every 6 months from 200 customers", Direction.INCREASE, 200.0),
        ],
    )
    def test_readings(self, text: str, direction: Direction, value: float) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value) == (direction, value)

    @pytest.mark.parametrize(
        ("text", "direction"),
        [
            ("Improve p99 latency numbers", Direction.DECREASE),  # the latency's values
            ("Improve churn stats", Direction.DECREASE),
            ("The number of churned customers stays the same", None),  # two ways, none said
            ("CI stays green", Direction.AT_LEAST),
            ("Deploy frequency", None),
            ("Test count", None),
        ],
    )
    def test_ways(self, text: str, direction: Direction | None) -> None:
        parsed = parse_key_result(text)
        assert parsed.direction is direction
        assert not parsed.output

    def test_what_stays_is_the_metric(self) -> None:
        assert parse_key_result("CI stays green").metric == "CI"

    @pytest.mark.parametrize(
        ("text", "said"),
        [
            ("Grow ARR to $3M; measured over 90 days", "a condition"),
            ("Grow ARR to $3M; if NPS falls below 30", "a condition"),
            ("Grow ARR to $3M, avg. 40 per deal", "a condition"),
            ("Grow ARR to $3M, mostly from 40 accounts", "a condition"),
            ("Grow ARR to $3M, i.e. 40 new deals", "a condition"),
            ("Grow to at least 50 customers and reduce churn below 2%", "another target"),
        ],
    )
    def test_conditions_are_no_other_target(self, text: str, said: str) -> None:
        (ambiguity,) = parse_key_result(text).ambiguities
        assert f"read as {said}" in ambiguity

    def test_money_after_an_arrow_is_no_progress(self) -> None:
        parsed = parse_key_result("Churn below $120 => $100")
        assert parsed.value == 100.0  # an arrow's level, said as written high to low

    @pytest.mark.parametrize("blank", ["\u200b", "\ufeff", "\x00", " \u200b\t"])
    def test_a_statement_that_prints_as_nothing_is_blank(self, blank: str) -> None:
        with pytest.raises(InvalidValueError):
            to_key_result(blank)

    @pytest.mark.parametrize("piece", ["/3", "+10 ", "; 5 ", ", 4 "])
    def test_many_numbers_after_the_target_read_in_linear_time(self, piece: str) -> None:
        """Each number after the target is said once, as a condition or another target,
        without a search from it to the end (which made 8,000 characters take a second)."""
        parsed = parse_key_result("Grow users to 50 " + piece * 500)
        assert parsed.value == 50.0
        assert len(parsed.ambiguities) >= 400


@pytest.mark.parametrize(
    "text",
    [
        "Upgrade " + "a" * 3000 + ", b to 17",
        "LLVM " + "x" * 3000 + ", 17 upgrade done",
    ],
)
def test_a_products_name_is_looked_for_near_its_number(text: str) -> None:
    """A product's name before a version ("LLVM 17", "Postgres to 16") is looked for in the
    few characters before the number, not from the start of the text (a long word before it
    made that quadratic); a word that long is no product's name."""
    assert parse_key_result(text).value == 17.0  # no name of a thing right before it
    assert parse_key_result("Upgrade LLVM to 17").direction is Direction.MILESTONE


class TestBackOfficeTrial:
    """What a trial of 150 key results of back-office teams (people, finance, legal,
    operations, support, IT) found read plainly wrong (143 of 150 right at first), pinned."""

    @pytest.mark.parametrize(
        ("text", "direction", "start", "value"),
        [
            ("Cash conversion cycle from 65 to 50 days", Direction.DECREASE, 65.0, 50.0),
            ("Sales cycle from 65 to 50 days", Direction.DECREASE, 65.0, 50.0),
            (
                "Contract review turnaround (currently 9 days) down to 4 days",
                Direction.DECREASE,
                9.0,
                4.0,
            ),
            ("Churn (currently 5%) down to 3%", Direction.DECREASE, 5.0, 3.0),
            ("Purchase orders raised in under 2 days", Direction.AT_MOST, None, 2.0),
            ("Prices raised by 5%", Direction.INCREASE, None, 5.0),
        ],
    )
    def test_readings(
        self, text: str, direction: Direction, start: float | None, value: float
    ) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.start, parsed.value) == (direction, start, value)

    @pytest.mark.parametrize(
        ("text", "direction"),
        [
            ("support - csat up!!", Direction.INCREASE),
            ("Attrition down", Direction.DECREASE),
            ("DSO down", Direction.DECREASE),
            ("Shut down", Direction.MILESTONE),  # a verb's particle
        ],
    )
    def test_a_metric_up_or_down_at_the_end(self, text: str, direction: Direction) -> None:
        parsed = parse_key_result(text)
        assert parsed.direction is direction
        assert parsed.output is (direction is Direction.MILESTONE)

    def test_requests_worked_off_are_work(self) -> None:
        assert parse_key_result("Resolve 40 open privacy requests").output
        assert not parse_key_result("Close 40 deals").output

    def test_a_rate_of_outcomes_starts_nowhere(self) -> None:
        """A rate of things that are no work of the team's has a level before the cycle: no
        start of 0 is made up for it (the team's own work at a cadence still counts from 0)."""
        kr = to_key_result("Increase warehouse throughput to 12,000 units per day")
        assert (kr.start, kr.target) == (None, 12000.0)
        assert rate_of_outcomes("Get 500 signups a week")
        assert to_key_result("Publish 4 posts a month").start == 0
        assert to_key_result("Win 25 new logos").start == 0


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Raise a PR to the docs on chaos templates", Direction.MILESTONE),  # one opened
        ("Raise awareness of the new API", Direction.INCREASE),
        ("Land a user-facing metric for animation performance", Direction.MILESTONE),
        ("Land the Throughput metric, and validate it with the community", Direction.MILESTONE),
        ("Improve our metrics", Direction.INCREASE),
    ],
)
def test_things_raised_or_made_are_deliverables(text: str, direction: Direction) -> None:
    """ "Raise a PR" opens one and "Land a metric" makes one: done or not, no metric moved."""
    parsed = parse_key_result(text)
    assert parsed.direction is direction
    assert parsed.output is (direction is Direction.MILESTONE)


def test_ensuring_all_of_them_do_it_is_checkable() -> None:
    """ "Ensure that all team members complete the training": all of them, done or not."""
    assert done_or_not("Ensure that all team members complete security training")
    assert done_or_not("Ensure every service has an owner")
    assert not done_or_not("Ensure quality")


class TestThirdGrammarHostileTrial:
    """What a hostile trial of the back-office, product and capability rules found the new
    rules read plainly wrong (254,560 inputs, no error but okrkit's, all linear), pinned."""

    @pytest.mark.parametrize(
        "text", ["Set things up", "Wind it down", "Back up", "Website up", "Legacy system down"]
    )
    def test_up_or_down_at_the_end_of_no_metric(self, text: str) -> None:
        assert parse_key_result(text).direction is Direction.MILESTONE

    @pytest.mark.parametrize(
        ("text", "direction", "value"),
        [
            ("Prices raised 5%", Direction.INCREASE, 5.0),
            ("NPS raised 10 points", Direction.INCREASE, 10.0),
            ("Reducing churn below 3%", Direction.DECREASE, 3.0),  # the gerund is its verb
            ("Keeping uptime above 99.9%", Direction.AT_LEAST, 99.9),
        ],
    )
    def test_readings(self, text: str, direction: Direction, value: float) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value) == (direction, value)

    def test_renewals_closed_are_won(self) -> None:
        assert not parse_key_result("Close 10 renewals").output
        assert parse_key_result("Close 120 bugs").output

    def test_doing_more_is_an_outcome(self) -> None:
        parsed = parse_key_result("Sales reps can close more deals")
        assert (parsed.direction, parsed.output) == (Direction.INCREASE, False)

    def test_the_subject_stops_at_an_aside(self) -> None:
        assert parse_key_result("Churn (currently 5%) down to 3%").metric == "Churn"

    @pytest.mark.parametrize(
        ("text", "rate"),
        [
            ("Get 500 signups within a week of launch", False),
            ("Get 500 signups a week after launch", False),
            ("Add 200 customers per month", False),  # a change adds what it says
            ("Increase API traffic to 1,000 requests per second", True),
            ("Increase throughput to 12,000 units/day", True),
        ],
    )
    def test_what_is_a_rate(self, text: str, rate: bool) -> None:
        assert rate_of_outcomes(text) is rate
        assert (to_key_result(text).start is None) is rate

    def test_a_multiple_is_no_count(self) -> None:
        assert to_key_result("Achieve 3x LTV to CAC").start is None

    @pytest.mark.parametrize(
        "text", ["Measure up to enterprise expectations", "Measured growth in new markets"]
    )
    def test_measure_that_is_no_work(self, text: str) -> None:
        assert not parse_objective(text).output


class TestThingsMade:
    """A count of things a team makes, with no verb, is its own work (D2): "5 blog posts"."""

    @given(
        st.sampled_from(sorted(MADE)),
        st.integers(min_value=1, max_value=999),
        st.booleans(),
    )
    def test_a_count_of_things_made_is_work_from_zero(
        self, noun: str, count: int, plural: bool
    ) -> None:
        """Whatever the thing and its count, singular or plural: the team's own work to
        increase from zero; made by others, a level of theirs to reach."""
        if plural:
            noun = (
                noun[:-1] + "ies" if noun.endswith("y") and noun[-2] not in "aeiou" else noun + "s"
            )
        text = f"{count} {noun}"
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value, parsed.output) == (Direction.INCREASE, count, True)
        assert to_key_result(text).start == 0
        others = parse_key_result(f"{text} by the community")
        assert (others.direction, others.output) == (Direction.AT_LEAST, False)

    @pytest.mark.parametrize(
        ("text", "direction", "output"),
        [
            ("3 charts in gitlab-ui", Direction.INCREASE, True),
            ("2 engineering deep dives; 4 cofounder posts", Direction.INCREASE, True),
            ("3 enterprise customer stories per quarter", Direction.INCREASE, True),
            ("3+ blog posts", Direction.AT_LEAST, True),  # a qualifier bounds it (D2)
            ("200 reports filed by users", Direction.AT_LEAST, False),
            ("3 tests failing", Direction.AT_MOST, False),  # what they do, not that they are made
            ("10 posts linked with the tag", Direction.AT_LEAST, False),  # what others do
            ("5 guides used by the field teams", Direction.AT_LEAST, False),
            ("Engine featured at 3 meetups", Direction.AT_LEAST, False),  # where, not what
            ("10,000 downloads", Direction.AT_LEAST, False),  # others' doing
            ("500 new members", Direction.AT_LEAST, False),
        ],
    )
    def test_readings(self, text: str, direction: Direction, output: bool) -> None:
        assert_reads(parse_key_result(text), direction=direction, output=output)


class TestDataAndSecurityTrial:
    """What a trial of 150 key results of data, machine-learning and security teams (128 read
    fully right), and one of 150 of sales and customer-success teams (135), found read plainly
    wrong, and was fixed, pinned."""

    @pytest.mark.parametrize(
        ("text", "direction"),
        [
            ("Keep critical vuln count at 0 in prod", Direction.AT_MOST),
            ("Keep false positive rate at 2%", Direction.AT_MOST),
            ("Keep FPR at 2%", Direction.AT_MOST),
            ("Keep null rate at 0.5%", Direction.AT_MOST),
            ("Keep toil at 20%", Direction.AT_MOST),
            ("Vulns 12", Direction.AT_MOST),
            ("Open CVEs: 40", Direction.AT_MOST),
        ],
    )
    def test_what_security_teams_want_low(self, text: str, direction: Direction) -> None:
        assert parse_key_result(text).direction is direction

    @pytest.mark.parametrize(
        ("text", "unit"),
        [
            ("Increase sequence reply rates by 3 pts", "%"),
            ("Win rate +5 pts", "%"),
            ("Improve gross margin by 2 pts", "%"),
            ("Increase NPS by 3 pts", "points"),  # a score's points (D5)
        ],
    )
    def test_points_of_a_rate_are_percentage_points(self, text: str, unit: str) -> None:
        parsed = parse_key_result(text)
        assert (parsed.form, parsed.unit, parsed.relative) == ("change", unit, False)

    @pytest.mark.parametrize(
        ("text", "output"),
        [
            ("Hire and ramp 8 new AEs by end of Q2", True),
            ("Recruit & ramp 5 SDRs", True),
            ("Build and grow a community of 500 members", False),  # the community's size
            ("Launch the portal and reduce churn to 2%", False),
        ],
    )
    def test_people_hired_are_work_whatever_follows(self, text: str, output: bool) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction is Direction.DECREASE) is ("churn" in text)
        assert parsed.output is output

    @pytest.mark.parametrize(
        ("text", "direction", "value"),
        [
            ("Churn model AUC 0.78 → 0.82", Direction.INCREASE, 0.82),  # the AUC's way
            ("Retain 7 years of audit logs", Direction.AT_LEAST, 7.0),  # an amount, not a limit
            ("Upgrade dbt to 1.8 across all projects", Direction.MILESTONE, None),  # a version
            ("Upgrade all Spark clusters to 3.5 by end of Q3", Direction.MILESTONE, None),
            ("Onboard new hires within 2 weeks of their start date", Direction.AT_MOST, 2.0),
            # a metric has no versions; moved "to" it with no other verb, it goes up
            ("Bump score to 4.5", Direction.INCREASE, 4.5),
        ],
    )
    def test_models_data_and_versions(
        self, text: str, direction: Direction, value: float | None
    ) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value) == (direction, value)


class TestThingsMadeHostileTrial:
    """What a hostile trial of the session's rules (103,000 generated inputs and 40,000
    hypothesis examples: no error but okrkit's, all linear) found they read plainly wrong,
    fixed and pinned."""

    @pytest.mark.parametrize(
        ("text", "direction", "output"),
        [
            # a deadline after "by" names no maker
            ("3 tutorials by Friday", Direction.INCREASE, True),
            ("3 tutorials by KubeCon", Direction.INCREASE, True),
            # a baseline above the target: a level to move down to (D19), no work made
            ("12 tools (currently 30)", Direction.DECREASE, False),
            ("10 dashboards (down from 30)", Direction.DECREASE, False),
            # things a team wants few of, or others', or in use: no work made
            ("5 failing tests", Direction.AT_MOST, False),
            ("20 failed tests", Direction.AT_MOST, False),
            ("3 tests failed", Direction.AT_MOST, False),
            ("50 bug reports", Direction.AT_MOST, False),
            ("3 flaky tests", Direction.AT_MOST, False),
            ("10 false-positive alerts per week", Direction.AT_MOST, False),
            ("20 community tutorials", Direction.AT_LEAST, False),
            ("100 third-party plugins", Direction.AT_LEAST, False),
            ("20 PRs from external contributors", Direction.AT_LEAST, False),
            ("5 posts from the community", Direction.AT_LEAST, False),
            ("1M events per day", Direction.AT_LEAST, False),
            ("200 active integrations", Direction.AT_LEAST, False),
            ("500 templates sold", Direction.AT_LEAST, False),
            ("0 flaky tests", Direction.AT_MOST, False),
            # a verb joined to hiring that takes no count of its own governs its own clause
            ("Recruit and reduce attrition to 5%", Direction.DECREASE, False),
            # remediation, detection and compliance are better high, whatever they are of
            ("CVE remediation rate 95%", Direction.AT_LEAST, False),
            ("Achieve 95% CVE patch compliance", Direction.INCREASE, False),
        ],
    )
    def test_readings(self, text: str, direction: Direction, output: bool) -> None:
        assert_reads(parse_key_result(text), direction=direction, output=output)

    @pytest.mark.parametrize(
        "text",
        [
            "Raise corporate customers' NPS by 10 points",
            "Increase shareholder sentiment score by 5 points",
            "Improve the registration page Lighthouse score by 10 points",
        ],
    )
    def test_a_rate_inside_a_word_is_no_rate(self, text: str) -> None:
        assert parse_key_result(text).unit == "points"


class TestObjectivesNamingAThing:
    """An objective with no verb that names a thing delivered is a deliverable (OKR103)."""

    @given(st.sampled_from(sorted(MADE)), st.sampled_from(["Litmus", "Billing", "Atlas"]))
    def test_a_named_thing_made_is_a_deliverable(self, noun: str, name: str) -> None:
        assert parse_objective(f"{name} {noun}").output
        assert not parse_objective(f"Great {name} {noun}").output  # a quality sought

    @pytest.mark.parametrize(
        ("text", "output"),
        [
            ("Litmus Docs", True),
            ("Lookout Platform", True),
            ("Integration with other products", True),
            ("Litmus & CI/E2E blogs", True),
            ("A faster platform", False),  # a comparative: a change sought
            ("Customer retention", False),  # a metric
            ("Docs for new users", False),  # names users, a metric's people
        ],
    )
    def test_readings(self, text: str, output: bool) -> None:
        assert parse_objective(text).output is output


class TestMarketingTrial:
    """What a trial of 150 key results of marketing, content, community and developer
    relations teams (137 read fully right) found read plainly wrong, fixed and pinned."""

    @pytest.mark.parametrize(
        ("text", "direction", "output"),
        [
            ("Events: 6 webinars", Direction.INCREASE, True),  # a label, then things made
            ("Co-marketing: 4 joint webinars with AWS", Direction.INCREASE, True),
            ("Average 3 posts/day across social channels", Direction.INCREASE, True),
            ("Average 700 sign-ups a week", Direction.INCREASE, False),  # others' doing
            ("Lead response time (inbound demo requests) <= 5 minutes", Direction.AT_MOST, False),
            ("Lead response time for inbound demo requests <= 5 minutes", Direction.AT_MOST, False),
        ],
    )
    def test_readings(self, text: str, direction: Direction, output: bool) -> None:
        assert_reads(parse_key_result(text), direction=direction, output=output)

    @pytest.mark.parametrize(
        "text",
        [
            "Kick off cohort 3 of the accelerator",
            "Publish episode 100 of the podcast",
            "Launch season 2 of the podcast",
        ],
    )
    def test_numbered_names_are_no_values(self, text: str) -> None:
        assert parse_key_result(text).value is None


class TestLeadershipTrial:
    """What a trial of 150 key results of founders, executive teams and boards (125 read
    fully right) found read plainly wrong, fixed and pinned."""

    @pytest.mark.parametrize(
        ("text", "value", "upper"),
        [
            ("Raise $40-50M Series C", 40e6, 50e6),  # the scale word both ends share
            ("Monthly burn $700-800k", 700e3, 800e3),
            ("ARR between $8-10M", 8e6, 10e6),
            ("Raise $40M-$50M", 40e6, 50e6),
            ("Reduce MTTR 5-10m", 5.0, 10.0),  # minutes, no scale
            ("Hire 5-10 engineers", 5.0, 10.0),
            # a scale's word the low end shares (a trial's "2-3 thousand" read 2 to 3,000)
            ("Grow signups to 2-3 thousand", 2e3, 3e3),
            ("Between 2 and 3 thousand users", 2e3, 3e3),
            ("Raise ₹40-50 lakh in donations", 40e5, 50e5),
        ],
    )
    def test_a_band_shares_its_scale(self, text: str, value: float, upper: float) -> None:
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.upper) == (value, upper)

    @given(
        st.integers(1, 98),
        st.integers(1, 900),
        st.sampled_from(
            [("thousand", 10**3), ("Thousand", 10**3), ("million", 10**6), ("lakh", 10**5)]
        ),
        st.sampled_from(["-", "–", " to ", " - "]),
    )
    def test_a_band_s_low_end_takes_the_scale_its_high_end_has(
        self, low: int, more: int, scale: tuple[str, int], gap: str
    ) -> None:
        """ "between A and B <scale>" and "A-B <scale>" are A to B of that scale, whatever
        the scale's word (only "million" and "billion" were, through their first letter)."""
        word, factor = scale
        parsed = parse_key_result(f"Keep active users between {low}{gap}{low + more} {word}")
        assert (parsed.value, parsed.upper) == (low * factor, (low + more) * factor)

    @pytest.mark.parametrize(
        ("text", "output"),
        [
            ("Close $20M Series B at >= $120M pre-money", True),
            ("Raise a $6M seed extension by end of Q1", True),
            ("Raise $2M", True),
            ("Secure $300K in commitments", True),
            ("Close $2M in new ARR", False),  # won from customers: an outcome
            ("Raise average revenue per user to $40", False),  # a metric
        ],
    )
    def test_money_raised_is_work(self, text: str, output: bool) -> None:
        assert parse_key_result(text).output is output


class TestOperationsAndProductTrials:
    """What trials of 150 key results of operations, manufacturing and logistics teams (133
    read fully right) and 150 of product, design and research teams (139) found read plainly
    wrong, fixed and pinned."""

    @pytest.mark.parametrize(
        ("text", "direction", "output"),
        [
            # a leading noun that is also a verb, naming a metric with its level
            ("Pick accuracy 99.9%", Direction.AT_LEAST, False),
            ("Schedule adherence 95%", Direction.AT_LEAST, False),
            ("Forecast bias within ±5%", Direction.WITHIN, False),
            ("Design system adoption: 75% of product surfaces use DS components",
             Direction.AT_LEAST, False),
            ("Self-serve activation 50%+ by Sept 30", Direction.AT_LEAST, False),
            ("Run adoption workshops for 5 teams", Direction.INCREASE, True),  # still work
            ("Build conversion dashboard", Direction.MILESTONE, True),
        ],
    )  # fmt: skip
    def test_readings(self, text: str, direction: Direction, output: bool) -> None:
        assert_reads(parse_key_result(text), direction=direction, output=output)

    @pytest.mark.parametrize(
        ("text", "start"),
        [("Q3 target: OTD 95% (Q2 actual 91%)", 91.0), ("NPS 50 (baseline 42)", 42.0)],
    )
    def test_where_things_stand_without_a_colon(self, text: str, start: float) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.start) == (Direction.INCREASE, start)

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("Pass IATF 16949 surveillance audit with zero major non-conformances", 0.0),
            ("Journey map published (n=40)", None),  # a sample's size
            ("Reduce checkout abandonment by 8 pts", 8.0),
        ],
    )
    def test_names_and_samples_are_no_values(self, text: str, value: float | None) -> None:
        assert parse_key_result(text).value == value

    def test_points_of_abandonment_are_percentage_points(self) -> None:
        assert parse_key_result("Reduce checkout abandonment by 8 pts").unit == "%"


class TestSecondThingsMadeHostileTrial:
    """What a second hostile trial (60,000 generated inputs and 37,000 hypothesis examples:
    no error but okrkit's) found the newest rules read plainly wrong, or slow, fixed and
    pinned."""

    def test_a_long_word_in_an_objective(self) -> None:
        """The head of a noun phrase was looked for from every letter of a long word (3.4 s
        at 10,000 characters); the shape is timed in benchmarks/bench_text.py's HOSTILE."""
        assert not parse_objective("a" * 10_000 + " x").output

    @pytest.mark.parametrize(
        "text",
        ["Faster releases", "Stable platform", "Seamless integration", "Customer Service",
         "Up-to-date documentation", "More stable platform", "Cultural integration"],
    )  # fmt: skip
    def test_a_quality_sought_is_no_deliverable(self, text: str) -> None:
        assert not parse_objective(text).output

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("Ticket volume 500 per week", 500.0),
            ("Students per cohort 30", 30.0),
            ("Community Edition 10,000 downloads", 10000.0),
        ],
    )
    def test_a_metric_is_no_numbered_name(self, text: str, value: float) -> None:
        assert parse_key_result(text).value == value

    @pytest.mark.parametrize(
        ("text", "output"),
        [
            ("Backlog: 40 proposals", False),
            ("Tech debt: 15 modules", False),
            ("Rollbacks: 0 releases", False),
            ("Community engagement: 500 posts per month", False),
            ("Events: 6 webinars", True),
            ("Raise $500K in new ARR", False),
            ("Raise $2M in revenue", False),
            ("Raise $10 per seat", False),
            ("Secure $1M in customer commitments", False),
            ("Close $5M in bridge loans", False),
            ("Close $10M in new investment accounts", False),
            ("Average 5 articles read per visit", False),
            ("Average 50 posts per day in the community forum", False),
            ("Average 3 posts published per week", True),  # made, not used
        ],
    )
    def test_readings(self, text: str, output: bool) -> None:
        assert parse_key_result(text).output is output


class TestThirdHostileTrial:
    """What a third hostile trial (60,000 generated inputs, 41,000 hypothesis examples, two
    English dictionaries and eleven languages' commonest words) found the session's last rules
    read plainly wrong, fixed and pinned; it also showed a misspelt verb cannot be told from a
    word okrkit does not know, and that rule was left out (docs/statements.md)."""

    @pytest.mark.parametrize(
        ("text", "direction", "value"),
        [
            ("Shorter onboarding time (under 14 days)", Direction.AT_MOST, 14.0),
            ("Valve failure rate below 0.5%", Direction.AT_MOST, 0.5),
            ("Interview n=30 customers about onboarding", Direction.INCREASE, 30.0),
            ("NIST 800-171 SPRS score above 100", Direction.AT_LEAST, 100.0),
            ("NIST 800-53 moderate baseline: 85% of controls", Direction.AT_LEAST, 85.0),
            ("100% renewable electricity use by 2030", Direction.AT_LEAST, 100.0),
            ("Self-host 3 internal services", Direction.INCREASE, 3.0),
        ],
    )
    def test_readings(self, text: str, direction: Direction, value: float) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value) == (direction, value)

    @pytest.mark.parametrize(
        "text",
        ["Publish 12 posts (average 1 per week)", "Hire 12 engineers (average 4 per quarter)"],
    )
    def test_a_pace_in_brackets_is_no_baseline(self, text: str) -> None:
        assert parse_key_result(text).start is None

    def test_a_change_up_or_down_is_no_misspelling(self) -> None:
        assert not parse_key_result("Revenue up 20%").ambiguities


class TestHowItGetsBetter:
    """Statements with no number that seek a quality rather than name a thing made, read
    from the studied slice (2026-12-06): work done better ("Ship releases faster"), "Speed
    up" a metric, "Hold the line on" one, a quality leading with no verb ("Easier
    contribution to ..."), and a standing sought ("Have the fastest implementation")."""

    @pytest.mark.parametrize(
        ("text", "direction", "output"),
        [
            ("Run GitLab.com more efficiently", Direction.INCREASE, False),
            (
                "Chief Technology Officer: Run GitLab.com more efficiently.",
                Direction.INCREASE,
                False,
            ),
            ("Deploy more often", Direction.INCREASE, False),
            ("Review PRs faster to unblock contributors", Direction.INCREASE, False),
            ("Speed up median diff rendering latency", Direction.DECREASE, False),
            ("Speed up onboarding", Direction.INCREASE, False),
            ("Speed up page load time to under 2 s", Direction.DECREASE, False),
            ("Hold the line on page load time", Direction.AT_MOST, False),
            ("Hold the line on input performance", Direction.AT_LEAST, False),
            ("Easier contribution to web-platform-tests", Direction.INCREASE, False),
            ("Simpler release process for maintainers", Direction.INCREASE, False),
            ("Have the fastest implementation", Direction.AT_LEAST, False),
            ("Become the most trusted vendor in the region", Direction.AT_LEAST, False),
            ("Attract relevant profiles of applicants", Direction.INCREASE, False),
            ("Getting user traction for source{d} CE", Direction.INCREASE, False),
            # what is left as it was: a thing made, a metric named "speed", work counted
            ("Ship a faster checkout", Direction.MILESTONE, True),
            ("Build faster CI pipelines", Direction.MILESTONE, True),
            ("Make it easier to import go-ipfs as a package", Direction.MILESTONE, True),
            ("Speed to lead under 5 minutes", Direction.AT_MOST, False),
            ("Hold 3 workshops", Direction.INCREASE, True),
        ],
    )
    def test_readings(self, text: str, direction: Direction, output: bool) -> None:
        assert_reads(parse_key_result(text), direction=direction, output=output)

    @given(
        st.sampled_from(
            ["Ship releases", "Onboard new customers", "Deploy", "Publish the newsletter"]
        ),
        st.sampled_from(["faster", "quicker", "more often", "more reliably", "more efficiently"]),
        st.sampled_from(["", ".", " for our users", " across teams"]),
    )
    def test_work_done_better_is_an_outcome(self, work: str, how: str, end: str) -> None:
        parsed = parse_key_result(f"{work} {how}{end}")
        assert_reads(parsed, direction=Direction.INCREASE, output=False, value=None)


class TestAPlaceInARanking:
    """A rank placed somewhere ("top 5 in Hacker News", "first page of Google results") is
    a standing sought, an outcome with no value (D7: the rank names the place); a rank that
    selects things ("the top 3 features") is left as it was."""

    @pytest.mark.parametrize(
        ("text", "direction", "output"),
        [
            ("Top-5 post on Hacker News", Direction.AT_LEAST, False),
            ("Show up on first page of Google results for:", Direction.INCREASE, False),
            ("Reach top 10 in the App Store", Direction.INCREASE, False),
            ("Rank in the top 3 on G2 for developer tools", Direction.AT_LEAST, False),
            ("Top 3 app in the App Store", Direction.AT_LEAST, False),
            ("Ship the top 3 features requested", Direction.MILESTONE, True),
            ("Deliver the top 3 priorities in Q3", Direction.MILESTONE, True),
        ],
    )
    def test_readings(self, text: str, direction: Direction, output: bool) -> None:
        assert_reads(parse_key_result(text), direction=direction, output=output, value=None)

    @given(
        st.sampled_from(["Get", "Reach", "Climb to", "Land in"]),
        st.integers(1, 100),
        st.sampled_from(["on Hacker News", "in the App Store", "on Product Hunt", "in G2's grid"]),
    )
    def test_a_standing_has_no_value(self, verb: str, rank: int, where: str) -> None:
        parsed = parse_key_result(f"{verb} top {rank} {where}")
        assert_reads(parsed, value=None, output=False, measurable=False)


class TestWorkCountedAfterOtherVerbs:
    """Counts of the team's own work after verbs that do not list it (2026-12-06): a verb of
    reaching that also says a thing is made, with a count of things made right after it,
    and a count more of work after an activity verb."""

    @pytest.mark.parametrize(
        ("text", "output"),
        [
            ("Land 8 code-cleanup CLs.", True),
            ("Land 5 patches in Blink", True),
            ("Generate 3 step-by-step guides for standard ways of using Cluster:", True),
            ("Hire 1 more SDR", True),
            ("Run 3 more workshops than last quarter", True),
            # what others give, and a relative change of work, stay outcomes
            ("Generate 500 leads", False),
            ("Land 3 customers", False),
            ("Get 10 guest posts from partners", False),
            ("Publish 20% more posts", False),
        ],
    )
    def test_readings(self, text: str, output: bool) -> None:
        assert_reads(parse_key_result(text), direction=Direction.INCREASE, output=output)


class TestPublicSectorAndCampusTrials:
    """What trials of 150 key results of public-sector agencies and non-profits (127 read
    fully right at first, 136 after) and of universities, labs, student clubs and volunteer
    communities (127, then 137) found plainly wrong, fixed and pinned (2026-12-06)."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a share done within a time limit is measured, the limit its condition
            (
                "Complaints responded to within 20 working days >= 90%",
                {"direction": Direction.AT_LEAST, "value": 90.0, "unit": "%"},
            ),
            (
                "Tier 2 support tickets resolved within 2 business days: 90%",
                {"direction": Direction.AT_LEAST, "value": 90.0, "unit": "%"},
            ),
            (
                "Increase the proportion of 999 calls answered within 10 seconds to 90%",
                {"direction": Direction.INCREASE, "value": 90.0, "upper": None},
            ),
            # statutes' sections, academic terms and public service numbers are names
            (
                "Section 106 agreements signed within 6 months: 70%",
                {"value": 70.0, "unit": "%"},
            ),
            ("Deliver 3 workshops in Term 2", {"value": 3.0, "unit": "workshops"}),
            (
                "Call abandonment rate on the 311 line below 8% (currently 14%)",
                {"direction": Direction.AT_MOST, "value": 8.0, "start": 14.0, "output": False},
            ),
            # the team's own work: a label saying it, outreach counted, funds secured
            ("Papers submitted: 8", {"direction": Direction.INCREASE, "output": True}),
            ("Workshops delivered: 10", {"direction": Direction.INCREASE, "output": True}),
            ("40 prospects contacted", {"direction": Direction.INCREASE, "output": True}),
            (
                "25 new donor prospects identified",
                {"direction": Direction.INCREASE, "output": True},
            ),
            ("Secure £1.5M in external research funding", {"output": True}),
            (
                "Raise ₹25 lakh in alumni contributions for the scholarship fund",
                {"form": "target", "value": 2_500_000.0, "output": True},
            ),
            ("Secure $1M in customer commitments", {"output": False}),
            (
                "Partner with 2 local schools for the STEM outreach programme",
                {"direction": Direction.INCREASE, "value": 2.0, "output": True},
            ),
            (
                "Alumni mailing list - reconnect with 50 alumni",
                {"direction": Direction.INCREASE, "value": 50.0, "output": True},
            ),
            # what is no unit: an owner in square brackets, a quoted name before the noun
            (
                "Present at 2 international conferences (e.g. ICML, ACL) [Priya]",
                {"value": 2.0, "unit": "conferences"},
            ),
            ("Deliver 18 'Know Your Rights' workshops for tenants", {"unit": "workshops"}),
            # a period's name in brackets, then where things stand
            ("Grow alumni donations to $25K (FY24: $18K)", {"start": 18_000.0}),
            (
                "Undergraduate enrolment: 1,200 (AY 2024-25: 1,050)",
                {"direction": Direction.INCREASE, "value": 1200.0, "start": 1050.0},
            ),
        ],
    )
    def test_readings(self, text: str, expected: dict[str, object]) -> None:
        assert_reads(parse_key_result(text), **expected)

    def test_a_band_of_one_unit_stays_one(self) -> None:
        parsed = parse_key_result("Keep response time within 10 to 15 minutes")
        assert_reads(parsed, direction=Direction.WITHIN, value=10.0, upper=15.0, unit="min")


class TestAStateAfterTheThingsCounted:
    """A state said after the things counted, or after a count with no noun, is no noun of
    its own ("25 contributors active", "100+ influences on-site", "2,500 active"), unlike a
    state before a noun ("5 live events") or after how often ("10 daily active users")."""

    @pytest.mark.parametrize(
        ("text", "unit"),
        [
            ("25 contributors active and committed on Fennec projects", "contributors"),
            ("100+ influences on-site", "influences"),
            ("Export at least one correction file ready for upstream contribution", "file"),
            ("Volunteers: 2,500 active (up from 1,800)", None),
            ("5 live events", "events"),
            ("10 daily active users", "users"),
            ("Chrome reaches 20 million seven-day active users", "users"),
            ("Deliver three UX Ready experience improvements per release", "improvements"),
            # a company's name, its full stop and all, before the noun
            ("Certify at least 100 GitLab Inc. team members", "members"),
            ("Onboard 20 Acme Ltd. engineers", "engineers"),
        ],
    )
    def test_unit(self, text: str, unit: str | None) -> None:
        assert parse_key_result(text).unit == unit


class TestWhatAThingDoes:
    """What a thing the team made does, said of it with a count, is a level it holds, no work
    counted ("Peerpad handles 20 users for a session of 1 hour"); the team's own verb in the
    third person stays work."""

    @pytest.mark.parametrize(
        ("text", "direction", "output"),
        [
            ("Peerpad handles 20 users for a session of 1 hour", Direction.AT_LEAST, False),
            ("The API serves 1M requests per day", Direction.AT_LEAST, False),
            ("The ingest pipeline processes 5,000 events per second", Direction.AT_LEAST, False),
            ("The council publishes 20 open datasets", Direction.INCREASE, True),
            ("The team ships 12 releases this quarter", Direction.INCREASE, True),
            ("We publish 4 posts a month", Direction.INCREASE, True),
            ("Ship 12 releases", Direction.INCREASE, True),
        ],
    )
    def test_readings(self, text: str, direction: Direction, output: bool) -> None:
        assert_reads(parse_key_result(text), direction=direction, output=output)


class TestFourthHostileTrial:
    """What a hostile trial of the session's rules (2026-12-06: 100,000 generated inputs
    through four functions, no error but okrkit's; 539 statements written by hand) found
    they read plainly wrong, fixed and pinned; and one slow shape it found, older than
    them, made linear."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # work done better only in the verb's own clause; a selection is no standing
            ("Migrate to GitHub Actions to ship faster", {"direction": Direction.MILESTONE}),
            ("Ship a checkout that loads faster", {"direction": Direction.MILESTONE}),
            ("Complete the SOC 2 audit sooner than planned", {"output": True}),
            ("Fix the top 10 bugs in the backlog", {"direction": Direction.MILESTONE}),
            ("Fix bug #42 in the parser", {"output": True}),
            ("Redesign the first page of the onboarding flow", {"output": True}),
            # a label's participle says work only of things made or people taken on
            ("Accounts created: 1,000", {"direction": Direction.AT_LEAST, "output": False}),
            ("Bugs shipped: 3", {"direction": Direction.AT_MOST, "output": False}),
            ("Courses completed: 2,000", {"output": False}),
            # a verb first is the statement's, whatever a dash says after it
            ("Reduce churn - target 2%", {"direction": Direction.DECREASE, "value": 2.0}),
            # a share in another clause is no share done in time
            (
                "Respond to all enquiries within 2 working days, with 85% satisfaction",
                {"direction": Direction.AT_MOST, "value": 2.0},
            ),
            ("Tickets resolved within 2 days, churn at 3%", {"direction": Direction.AT_MOST}),
            ("Orders delayed within 48 hours: 3%", {"direction": Direction.AT_MOST}),
            # "Speed up" to a time brings it down
            ("Speed up hiring to 30 days", {"direction": Direction.DECREASE, "value": 30.0}),
            # a thing and its count, not a name
            ("Publish an article 3 times a week", {"value": 3.0, "output": True}),
            ("Each article 2,000 views in the first month", {"value": 2000.0}),
            ("Publish every semester 4 case studies", {"value": 4.0}),
            ("Handle 311 calls per day", {"value": 311.0}),
            ("Migrate 211 services to Kubernetes", {"value": 211.0}),
            # a name in brackets before a figure is no baseline unless it is a year's
            ("Uptime 99.9% (Tier 1 99.99%)", {"start": None}),
            ("Hire 20 engineers (Q1 5, Q2 5, Q3 5, Q4 5)", {"start": None, "value": 20.0}),
            # money raised "more" is a change; a buyer's commitments are sales
            ("Raise £500K more in grant funding", {"form": "change", "output": True}),
            ("Secure $3M in enterprise commitments", {"output": False}),
            # work on the team's own assets, to a fraction of a point, is still work
            ("Patch 99.5% of servers", {"output": True}),
            ("Test recovery time on the backup cluster 3 times this quarter", {"output": True}),
            ("Hold the line on headcount", {"direction": Direction.AT_MOST}),
        ],
    )
    def test_readings(self, text: str, expected: dict[str, object]) -> None:
        assert_reads(parse_key_result(text), **expected)

    def test_placeholders_read_in_linear_time(self) -> None:
        """ "X'X'X'...": a noun was read to the text's end from each placeholder; a word is
        read to 64 characters now (the timing is benchmarks/bench_text.py's)."""
        parsed = parse_key_result("X'" * 4000)
        assert parsed.value is None


class TestWorkStartsAtZero:
    """`to_key_result` starts the team's own work at 0 whatever measures it, as OKR204 reads
    it: a newcomer's "Migrate 100% of devices to MQTT v5" had no start, and scored nothing
    with no finding to say why."""

    @pytest.mark.parametrize(
        ("text", "start", "target"),
        [
            ("Migrate 100% of devices to MQTT v5", 0, 100.0),
            ("Hire 8 senior engineers", 0, 8.0),
            ("Raise $2M", 0, 2_000_000.0),
            ("Grow NPS to 40", None, 40.0),  # a level: today's is the start, not 0
        ],
    )
    def test_start(self, text: str, start: float | None, target: float) -> None:
        made = to_key_result(text)
        assert (made.start, made.target) == (start, target)


class TestPeopleFinanceAndHealthTrials:
    """What trials of 150 key results each of HR and recruiting teams (133 read fully right
    at first, 139 after), of founders and finance teams (128, then 134) and of hospitals,
    clinics and health-tech teams (129, then 134) found plainly wrong, fixed and pinned
    (2026-12-06)."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a share done within a time limit, after it: the share is measured (D15)
            (
                "Interview feedback submitted within 24h for 90% of interviews",
                {"direction": Direction.AT_LEAST, "value": 90.0, "unit": "%"},
            ),
            (
                "VTE prophylaxis ordered within 24h of admission for 98% of patients",
                {"direction": Direction.AT_LEAST, "value": 98.0, "unit": "%"},
            ),
            # a metric bounded, then whom it is measured over: the bound is the target
            ("ED boarding time <4h for 95% of admitted patients", {"value": 4.0, "unit": "h"}),
            # standards, filings and reviews named by a number are names (D7's kind)
            ("409A valuation completed before option grants", {"value": None}),
            ("Implement ASC 606 revenue recognition policy", {"value": None}),
            (
                "Achieve SOC 2 Type 1 certification",
                {"direction": Direction.MILESTONE, "value": None, "measurable": False},
            ),
            ("SOX 404 readiness by Q3", {"value": None}),
            (
                "FDA 510(k) submission for the RPM patch filed in Q3",
                {"direction": Direction.MILESTONE, "value": None, "output": True},
            ),
            ("File the 10-K on time", {"value": None}),
            ("Launch 360 feedback for all people managers", {"value": None, "output": True}),
            ("Increase 401(k) participation to 85%", {"value": 85.0, "unit": "%"}),
            # none of things made is no work done
            (
                "Zero never events",
                {"direction": Direction.AT_MOST, "value": 0.0, "output": False},
            ),
            # the team's own work: candidates sourced, pairs matched, hires counted
            (
                "Pipeline: 300 qualified candidates sourced for GTM roles",
                {"direction": Direction.INCREASE, "output": True},
            ),
            (
                "Mentoring program: 120 mentor/mentee pairs matched",
                {"direction": Direction.INCREASE, "output": True},
            ),
            ("45 engineering hires in Q3", {"direction": Direction.INCREASE, "output": True}),
            # a name glued to braces is no verb
            (
                "source{d} Engine featured at 3 meetups",
                {"direction": Direction.AT_LEAST, "output": False},
            ),
            # a count of hours of something is in hours
            ("10k learning hours logged on Degreed in Q3", {"value": 10_000.0, "unit": "h"}),
            # a cap is a ceiling
            ("FTE growth capped at 8% YoY", {"direction": Direction.AT_MOST, "value": 8.0}),
            ("Headcount capped at 120", {"direction": Direction.AT_MOST, "value": 120.0}),
            # an arrow up or down before a number is a change
            (
                "burn ↓ 25% QoQ",
                {"direction": Direction.DECREASE, "form": "change", "relative": True},
            ),
            ("Runway ↑ to 30 mo via cost cuts + debt", {"direction": Direction.INCREASE}),
            # a multiple brought down from where it is
            (
                "Burn multiple: 2.3x → 1.5x",
                {"direction": Direction.DECREASE, "value": 1.5, "start": 2.3, "unit": "x"},
            ),
            ("Pipeline coverage 2x → 3x", {"direction": Direction.INCREASE, "value": 3.0}),
            # "deliver" a metric reaches it, as conventions list it with the verbs of reaching
            (
                "Deliver operating margin of 3.5% or better",
                {"direction": Direction.INCREASE, "value": 3.5},
            ),
        ],
    )
    def test_readings(self, text: str, expected: dict[str, object]) -> None:
        assert_reads(parse_key_result(text), **expected)

    def test_months_spelt_short(self) -> None:
        assert canonical_unit("mths") == "months"
        assert_reads(parse_key_result("Extend runway to 24 mnths"), value=24.0, unit="months")


_MEASURE = ("direction", "start", "target", "unit")
_SENTENCES = st.one_of(
    st.sampled_from(
        [
            "Reduce churn from 5% to 4%",
            "Increase NPS from 32 to 50",
            "Improve onboarding",
            "Launch the partner portal",
            "Hire 10 engineers",
            "Keep p95 latency under 300 ms",
            "Reduce churn by 8%",
            "Between 100 and 200 ms response time",
            "Zero Sev-1 incidents",
        ]
    ),
    st.text(min_size=1, max_size=40).filter(lambda t: t.strip()),
)


@st.composite
def _partly_sentences(draw: st.DrawFn) -> Plan:
    """A plan some of whose key results are sentences with some or none of their measure's
    fields, whatever else they hold."""
    from okrkit.testing import plans

    plan = draw(plans(max_objectives=4))
    objectives = []
    for objective in plan.objectives:
        key_results = []
        for kr in objective.key_results:
            if not draw(st.booleans()):
                key_results.append(kr)
                continue
            emptied = draw(st.sets(st.sampled_from(_MEASURE), min_size=1))
            try:
                plain = attrs.evolve(kr, title=draw(_SENTENCES), **dict.fromkeys(emptied))
            except OKRError:
                assume(False)  # a title a key result cannot hold, or fields that cannot stand
            key_results.append(plain)
        objectives.append(attrs.evolve(objective, key_results=key_results))
    return attrs.evolve(plan, objectives=objectives)


class TestFillFromStatements:
    """`fill_from_statements`: a plan written as sentences, given the fields they say."""

    @given(_partly_sentences())
    def test_only_empty_fields_change_and_as_the_statement_says(self, plan: Plan) -> None:
        """Each empty field of a key result's measure takes `to_key_result`'s (given the
        start the key result has); a typed one is kept; where they cannot stand together,
        or nothing changes, the key result is the very object it was; every other field is
        kept; the plan's shape and ids are the same."""
        filled = fill_from_statements(plan)
        before, after = list(plan.key_results()), list(filled.key_results())
        assert [o.id for o in plan.objectives] == [o.id for o in filled.objectives]
        assert [kr.id for _, kr in before] == [kr.id for _, kr in after]
        for (_, old), (_, new) in zip(before, after, strict=True):
            read = to_key_result(old.title, start=old.start, title=old.title)
            units = (old.unit, read.unit)
            if None not in units and len({canonical_unit(u) or u for u in units}) == 2:
                assert new is old  # typed in another unit than the statement's numbers
                continue
            expected = {
                name: getattr(read if getattr(old, name) is None else old, name)
                for name in _MEASURE
            }
            try:
                made = attrs.evolve(old, **expected)
            except OKRError:
                made = old
            if all(getattr(made, name) == getattr(old, name) for name in _MEASURE):
                assert new is old
                continue
            for field in attrs.fields(KeyResult):
                assert getattr(new, field.name) == getattr(made, field.name), field.name
            for name in _MEASURE:
                if getattr(old, name) is not None:
                    assert getattr(new, name) == getattr(old, name), name

    @given(_partly_sentences())
    def test_idempotent(self, plan: Plan) -> None:
        """Filling a filled plan changes nothing: the same object comes back."""
        filled = fill_from_statements(plan)
        assert fill_from_statements(filled) is filled

    def test_a_plan_with_nothing_to_fill_is_itself(self) -> None:
        plan = Plan(objectives=[Objective(title="Keep customers", key_results=[
            KeyResult(title="Raise NPS to 50", direction="increase", start=32, target=50),
            KeyResult(title="Cloud cost and quality", owner="ana"),  # says no measure
        ])])  # fmt: skip
        assert to_key_result("Cloud cost and quality").direction is None
        assert fill_from_statements(plan) is plan

    def test_a_milestone_and_a_band(self) -> None:
        plan = Plan(objectives=[Objective(title="Ship it", key_results=[
            KeyResult(title="Launch the partner portal", owner="ana", weight=2),
            KeyResult(title="Keep p95 latency between 100 and 200 ms"),
        ])])  # fmt: skip
        portal, latency = (kr for _, kr in fill_from_statements(plan).key_results())
        assert (portal.direction, portal.start, portal.target) == (Direction.MILESTONE, 0, 1)
        assert (portal.owner, portal.weight) == ("ana", 2)
        assert (latency.direction, latency.target, latency.unit) == (
            Direction.WITHIN,
            (100.0, 200.0),
            "ms",
        )

    def test_a_typed_unit_other_than_the_statement_s(self) -> None:
        """Numbers read in dollars are not put into a key result typed in thousands."""
        arr = KeyResult(title="Grow ARR to $10M", unit="$k")
        plan = Plan(objectives=[Objective(title="Grow", key_results=[arr])])
        assert fill_from_statements(plan) is plan

    def test_not_a_plan(self) -> None:
        with pytest.raises(InvalidTypeError, match="plan"):
            fill_from_statements([])  # type: ignore[arg-type]


class TestSpreadsheetNewcomerTrial:
    """What a newcomer's trial of a sheet of 30 statements found plainly wrong, fixed and
    pinned (2026-12-06)."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a change moves the metric, the way it is better, and holds no bound
            (
                "Support tickets per 100 vehicles by 20%",
                {"direction": Direction.DECREASE, "form": "change", "value": 20.0},
            ),
            ("Revenue by at least 20%", {"direction": Direction.INCREASE, "form": "change"}),
            # free of a fault, with a space: better high
            (
                "Mobile app crash free sessions 97.8% -> 99.5%",
                {"direction": Direction.INCREASE, "value": 99.5, "start": 97.8},
            ),
            # a multiple after the name of a metric measured in multiples is its level (D8)
            (
                "Pipeline coverage 3.5x for Q4 by end of Q3",
                {"direction": Direction.AT_LEAST, "form": "target", "relative": False},
            ),
            ("Grow pipeline coverage 3x", {"direction": Direction.INCREASE, "relative": True}),
            # a tag in square brackets after a number is no unit; a link's text holds one
            ("CSAT from 4.1 to 4.6 [Support]", {"value": 4.6, "unit": None}),
            ("Close 5 [issues related to storage](https://x.io/1)", {"unit": "issues"}),
            # "bl" in brackets: a baseline
            (
                "First response time for P1 tickets under 15 min (bl: 42 min)",
                {"direction": Direction.AT_MOST, "value": 15.0, "start": 42.0},
            ),
        ],
    )
    def test_readings(self, text: str, expected: dict[str, object]) -> None:
        assert_reads(parse_key_result(text), **expected)

    def test_a_change_with_a_start_goes_the_metric_s_way(self) -> None:
        kr = to_key_result("Support tickets per 100 vehicles by 20%", start=3.4)
        assert (kr.direction, kr.target) == (Direction.DECREASE, pytest.approx(2.72))


class TestFifthHostileTrial:
    """What a hostile trial of the session's rules (2026-12-06: 80,000 generated inputs,
    18,000 long random texts, half a million texts dense with typographic marks; no error but
    okrkit's, every piece linear, the screened names equal to the whole expression's) found
    the new rules misreading, fixed and pinned."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a share after a time limit is the target only with no verb: a verb of change
            # brings the time down, and "in N% of cases" is a condition
            (
                # (down, as its verb of change says: "time to resolve" names the time, no
                # clause of its own; it read at most, from "resolve to within", until 2026-12-07)
                "Reduce time to resolve to within 4 hours for 80% of tickets",
                {"direction": Direction.DECREASE, "value": 4.0, "unit": "h", "relative": False},
            ),
            (
                "Respond to P1 incidents within 1 hour in 95% of cases",
                {"direction": Direction.AT_MOST, "value": 1.0, "unit": "h"},
            ),
            # an arrow in brackets or after a number is a trend beside a baseline, no verb
            (
                "Signups: 1,200 → 2,000 (↓ 5% WoW)",
                {"direction": Direction.INCREASE, "value": 2000.0, "start": 1200.0},
            ),
            ("CSAT 4.1 (↓ 0.2 last quarter) to 4.5", {"direction": Direction.INCREASE}),
            # a multiple is brought down only from a multiple, the way its metric is better
            ("ARR 3x from $2M", {"direction": Direction.INCREASE}),
            ("Pipeline coverage 3x (currently 3.5x)", {"direction": Direction.AT_LEAST}),
            # a ceiling after the things counted: no work to do
            (
                "3 regretted hires or fewer",
                {"direction": Direction.AT_MOST, "value": 3.0, "output": False},
            ),
            ("5 hires or fewer in G&A", {"direction": Direction.AT_MOST, "output": False}),
            # a market's cap is no ceiling
            ("Reach a market cap of $10B", {"direction": Direction.INCREASE}),
            # 360 reviews are counted; 360 feedback, and 360-degree reviews, are a kind
            ("Get 360 reviews on G2", {"value": 360.0, "unit": "reviews"}),
            ("Complete 360-degree reviews for 40 managers", {"value": 40.0}),
            # "source" leads as a noun; "sourced" after the things counted is work
            ("Source of truth adopted by 5 teams", {"direction": Direction.AT_LEAST}),
            ("Candidates sourced: 300", {"direction": Direction.INCREASE, "output": True}),
            # "to type" is a verb
            ("Train agents to type 60 words per minute", {"value": 60.0}),
            # hours that are events
            ("Host 12 happy hours", {"value": 12.0, "unit": "hours"}),
        ],
    )
    def test_readings(self, text: str, expected: dict[str, object]) -> None:
        assert_reads(parse_key_result(text), **expected)


class TestRetailSupportAndOpsTrials:
    """What three trials of writing styles (retail and e-commerce; customer support and
    success; SRE, platform and IT operations) and the last newcomer's leftovers found plainly
    wrong, fixed and pinned (2026-12-06)."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a participle of change, or of improving, after a subject however long
            (
                "Onboarding for new PhD students reduced from 3 months to 6 weeks",
                {"direction": Direction.DECREASE, "value": 6.0, "output": False},
            ),
            ("Hiring managers reduced time to fill by 10%", {"direction": Direction.DECREASE}),
            ("Onboarding time improved to 3 days", {"direction": Direction.DECREASE}),
            ("CSAT improved to 4.6", {"direction": Direction.INCREASE, "value": 4.6}),
            # with no verb, "to" a level moves the metric its better way
            ("Partner revenue to $2M", {"direction": Direction.INCREASE, "value": 2_000_000.0}),
            ("Churn to 2%", {"direction": Direction.DECREASE}),
            ("Tickets up to 50 a week", {"direction": Direction.AT_MOST}),
            ("Hold costs to $1M", {"direction": Direction.AT_MOST}),
            # things something unwanted happened to: better few
            ("Users churned within 30 days: 5%", {"direction": Direction.AT_MOST}),
            ("2% of payments failed", {"direction": Direction.AT_MOST}),
            ("100% of failed payments retried or refunded", {"direction": Direction.AT_LEAST}),
            ("Churn: 2% of customers", {"direction": Direction.AT_MOST}),
            # whom a deliverable is for, not a count to reach
            (
                "Launch the app for fleets under 20 vehicles",
                {"direction": Direction.MILESTONE, "value": None, "measurable": False},
            ),
            ("Launch 3 features for users over 65", {"value": 3.0, "unit": "features"}),
            # retail's metrics better low, and "shrink" the noun
            ("Keep shrink at 1.2%", {"direction": Direction.AT_MOST}),
            ("Maintain return rate at 15%", {"direction": Direction.AT_MOST}),
            ("Stock-out rate 2%", {"direction": Direction.AT_MOST}),
            ("Shrink ≤ 1.5% of net sales across all stores", {"direction": Direction.AT_MOST}),
            ("Shrink 1.1% of sales", {"direction": Direction.AT_MOST, "form": "target"}),
            ("Shrink the backlog by 30%", {"direction": Direction.DECREASE, "form": "change"}),
            # a baseline last year, and a noun on both sides of an arrow
            (
                "Private label share of sales 22% (LY 18%)",
                {"direction": Direction.INCREASE, "start": 18.0, "value": 22.0},
            ),
            ("Private label share 22% (18% LY)", {"start": 18.0}),
            (
                "Avg basket size 3.4 items → 3.9 items",
                {"direction": Direction.INCREASE, "start": 3.4, "value": 3.9, "unit": "items"},
            ),
            # two lengths of time, compared in one unit
            (
                "Time to first deploy for a new engineer: 2 weeks -> 1 day",
                {"direction": Direction.DECREASE, "start": 14.0, "value": 1.0, "unit": "days"},
            ),
            (
                "Mean time to recovery: 45 min (from 2.5 hrs)",
                {"direction": Direction.DECREASE, "start": 150.0, "value": 45.0},
            ),
            # products' versions are names
            (
                "Retire CentOS 7 across the fleet before EOL (June 30)",
                {"direction": Direction.MILESTONE, "value": None},
            ),
            ("Remove Log4j 1.x from every service", {"value": None, "measurable": False}),
            ("Java 8 -> 17 for all services", {"value": None, "start": None}),
            ("Kafka clusters upgraded 2.8 → 3.6", {"value": None, "start": None}),
            ("Deprecate RHEL 6 hosts", {"direction": Direction.MILESTONE}),
            ("Grow CSAT from 4.1 to 4.5", {"start": 4.1, "value": 4.5}),
            ("Ship 3 features by June 30", {"value": 3.0, "deadline": "by June 30"}),
            # work taken to places, a label's name, a period after a slash
            (
                "Windows 11 rollout to 3,000 endpoints by EOQ",
                {"direction": Direction.INCREASE, "value": 3000.0, "output": True},
            ),
            (
                "On-call: no more than 5 pages/night",
                {"direction": Direction.AT_MOST, "unit": "pages", "output": False},
            ),
            # deflection, resolution and each agent's tickets go up
            (
                "L1 ticket deflection rate 35% (Q1 baseline 12%)",
                {"direction": Direction.INCREASE, "start": 12.0},
            ),
            ("Tickets per agent per day: 25 -> 30", {"direction": Direction.INCREASE}),
            (
                "Ramp time for new agents 6 wks -> 4 wks",
                {"direction": Direction.DECREASE, "start": 6.0, "value": 4.0},
            ),
            # verbs misspelt
            ("Acheive 90% SLA on P2 tickets", {"direction": Direction.INCREASE}),
            (
                "Increse email-driven revenue 20% YoY",
                {"direction": Direction.INCREASE, "form": "change", "relative": True},
            ),
            ("Maintian uptime at 99.9%", {"direction": Direction.AT_LEAST}),
            ("Delivery time under 2 days", {"direction": Direction.AT_MOST}),
        ],
    )
    def test_readings(self, text: str, expected: dict[str, object]) -> None:
        assert_reads(parse_key_result(text), **expected)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # an amount after a product's name is no version
            ("Kafka 99.95% availability", {"direction": Direction.AT_LEAST, "value": 99.95}),
            ("Redis 5 ms p99", {"direction": Direction.AT_MOST, "value": 5.0, "unit": "ms"}),
            ("Chrome 10,000 installs", {"value": 10_000.0}),
            ("Kafka 1,200 topics migrated", {"value": 1200.0}),
            ("Spring 3 campaigns launched", {"value": 3.0, "unit": "campaigns"}),
            ("Mar 10 campaigns", {"value": 10.0}),
            ("Bump 4.2 to 4.6 stars", {"value": 4.6}),
            # what is rejected or cancelled may be for the good; guests coming back are
            ("Spam rejected: 99%", {"direction": Direction.AT_LEAST}),
            (
                "Rejected claims re-submitted within 5 days: 90%",
                {"direction": Direction.AT_LEAST},
            ),
            ("Guest return rate 35%", {"direction": Direction.AT_LEAST}),
            ("Self-service cost per contact $1", {"direction": Direction.AT_MOST}),
            ("Tickets reopened per agent: 2", {"direction": Direction.AT_MOST}),
            # a share after a noun's "to" is no movement
            (
                "Replies to 95% of emails within 1 business day",
                {"direction": Direction.AT_LEAST, "value": 95.0},
            ),
        ],
    )
    def test_what_a_hostile_trial_found(self, text: str, expected: dict[str, object]) -> None:
        """Readings the first version of these rules got wrong, which a hostile trial of
        790 statements shaped like them found (2026-12-06)."""
        assert_reads(parse_key_result(text), **expected)

    @pytest.mark.parametrize("word", ["multiple", "lesson", "delivery", "reduction", "shrinkage"])
    def test_words_of_their_own_are_no_slips(self, word: str) -> None:
        """A word one letter from a verb that is a word of its own is not read as a slip:
        the last letter changed ("multiple", "multiply"), a vowel for a vowel ("lesson",
        "lessen"), letters added ("delivery", "shrinkage")."""
        assert _misspelt(word) is None

    @given(st.sampled_from(_SLIPPED), st.data())
    def test_two_letters_swapped_read_as_the_verb(self, verb: str, data: st.DataObject) -> None:
        """A slip of two neighbouring letters inside a verb that says a way reads as that
        verb, unless the slip makes another word the verb lexicon knows or a slip of
        another verb too."""
        i = data.draw(st.integers(0, len(verb) - 2))
        assume(verb[i] != verb[i + 1])
        slip = verb[:i] + verb[i + 1] + verb[i] + verb[i + 2 :]
        meant = _misspelt(slip)
        assert meant in (verb, None)
        if meant is None:
            assert _verb_word(slip)[0] is not None or sum(_one_slip(slip, v) for v in _SLIPPED) > 1

    @given(st.sampled_from(_SLIPPED), st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=2))
    def test_a_letter_added_at_the_end_is_no_slip(self, verb: str, tail: str) -> None:
        """A noun made of a verb ("delivery", "reduction") is never read as a slip of it."""
        assert _misspelt(verb + tail) != verb

    @given(
        st.sampled_from(
            ["ms", "s", "min", "h", "days", "weeks", "months", "years", "GB", "%", None]
        ),
        st.sampled_from(
            ["ms", "s", "min", "h", "days", "weeks", "months", "years", "TB", "%", None]
        ),
        st.floats(0.001, 1e6),
    )
    def test_comparable_units_convert_both_ways(
        self, unit: str | None, other: str | None, value: float
    ) -> None:
        """Two units are comparable exactly when a number in one converts to the other and
        back, and a unit is comparable with itself."""
        assert comparable(unit, unit)
        assert comparable(unit, other) == comparable(other, unit)
        if comparable(unit, other):
            back = in_unit(in_unit(value, unit, other), other, unit)
            assert math.isclose(back, value, rel_tol=1e-9)
        else:
            assert in_unit(value, unit, other) == value


class TestLegalDesignAndMediaTrials:
    """What three more trials of writing styles (legal, compliance and risk; design and UX
    research; newsrooms and publishers) and the support and SRE trials' rest found plainly
    wrong, fixed and pinned (2026-12-06)."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a rule's, a law's or a form's part is a name
            (
                "ROPA (GDPR Art. 30 records) refreshed and signed off by every business unit",
                {"value": None, "measurable": False},
            ),
            ("SEC cyber disclosure (Item 1.05 8-K): process approved", {"value": None}),
            ("Comply with 21 CFR Part 11 for 4 systems", {"value": 4.0, "unit": "systems"}),
            ("Rule 17a-4 archiving for 100% of chats", {"value": 100.0}),
            # a share done in time, whatever the things are
            (
                "Data breach notifications to regulators within 72 hours: 100%",
                {"direction": Direction.AT_LEAST},
            ),
            (
                "KRI breaches escalated to ERC within 5 business days: 100%",
                {"direction": Direction.AT_LEAST},
            ),
            ("Tickets escalated: 5%", {"direction": Direction.AT_MOST}),
            # baselines: an actual of a year, a benchmark, a period's average
            (
                "Litigation budget FY26: USD 6.5 million (vs 7.2m actual FY25)",
                {"direction": Direction.DECREASE, "start": 7_200_000.0},
            ),
            ("Get SUS for the Billing area above 70 (Q2 benchmark: 61)", {"start": 61.0}),
            ("Raise homepage CTR to 7% (Q1 avg 5.5%)", {"start": 5.5, "value": 7.0}),
            ("Homepage CTR 7% (last quarter avg 5.5%)", {"direction": Direction.INCREASE}),
            ("Publish 12 posts (average 1 per week)", {"start": None, "value": 12.0}),
            ("Deflection 12% (Q2) -> 20% (Q4)", {"direction": Direction.INCREASE, "start": 12.0}),
            ("FRT 6h (Jan) -> 2h (Jun)", {"direction": Direction.DECREASE, "start": 6.0}),
            # a state after the count, no noun
            ("Privacy request backlog: < 25 open at any time", {"unit": None}),
            ("Grow to 2+ important open research issues", {"unit": "issues"}),
            # people together, and what they know
            (
                "Sales team understands when to escalate non-standard terms to Legal",
                {"direction": Direction.AT_LEAST, "output": False},
            ),
            # a leading word that names a bounded metric of its things
            (
                "Design debt tickets under 40 by EOQ (currently 95)",
                {"direction": Direction.AT_MOST, "output": False},
            ),
            ("Help center CSAT 80%+", {"direction": Direction.AT_LEAST, "output": False}),
            ("Design review turnaround 2-3 business days", {"output": False}),
            # a signed level after "to"
            ("Increase design system NPS (internal survey) to +40", {"form": "target"}),
            # a release named by its version
            ("Ship iOS app 5.0 with offline reading", {"value": None}),
            ("CMS 4.2 rolled out to all desks", {"direction": Direction.MILESTONE}),
            ("iOS app rating 4.6", {"value": 4.6}),
            # time people choose to spend is better long
            (
                "Average view duration on YouTube from 2.1 min to 3 min",
                {"direction": Direction.INCREASE},
            ),
            ("Average view duration 3 min", {"direction": Direction.AT_LEAST}),
            ("Code review time 2 days", {"direction": Direction.AT_MOST}),
            # things a team makes, at a pace
            ("Episodes per week: 5 (up from 3)", {"direction": Direction.INCREASE, "output": True}),
            # a name's count, a migration, a team's size, a level of capacity
            ("SEV1 count YoY -40%", {"direction": Direction.DECREASE, "relative": True}),
            ("Cut over DNS to Route 53", {"direction": Direction.MILESTONE, "value": None}),
            ("Close 2,500 tickets per month with team of 6", {"value": 2500.0}),
            ("Grow the team from 6 to 10 engineers", {"start": 6.0, "value": 10.0}),
            (
                "Handle 3x peak Black Friday traffic without degradation",
                {"direction": Direction.AT_LEAST, "form": "target", "relative": False},
            ),
            ("Grow capacity 2x", {"direction": Direction.INCREASE, "relative": True}),
            ("Each CSM to run ≥ 8 QBRs/quarter", {"value": 8.0, "output": True}),
            ("Improve email notifications to reduce context switches.", {"output": False}),
        ],
    )
    def test_readings(self, text: str, expected: dict[str, object]) -> None:
        assert_reads(parse_key_result(text), **expected)


class TestWorkThatMakesItBetter:
    """A verb of improvement with no number, then the work that makes it better, is done or
    not (OKR201 spares it); and an objective that builds a system is a deliverable, whatever
    qualities the system is to have (2026-12-06, from the rules' wrong findings)."""

    @pytest.mark.parametrize(
        ("text", "done"),
        [
            (
                (
                    "Product: Improve UX of Sourcegraph. Hire UX designer, validate search UI"
                    " improvements with customers."
                ),
                True,
            ),
            ("Outreach: Raise awareness. Launch an education program.", True),
            ("Improve the onboarding experience", False),
            ("Improve quality. Quality matters.", False),
            ("Online Growth: Ensure the site is properly tagged for attribution", True),
        ],
    )
    def test_done_or_not(self, text: str, done: bool) -> None:
        assert done_or_not(text) is done

    @pytest.mark.parametrize(
        ("text", "output"),
        [
            ("Build a reliable, evidence-first agentic pipeline that ingests place data", True),
            ("Build a Robust DevOps Pipeline for Continuous Integration and Deployment", True),
            ("Establish a definitive ground truth for place attribute selection", True),
            ("People Ops: Build a consistent hiring process that supports scaling a team.", True),
            ("Create a weekly newsletter for announcements and events", True),
            ("VP Eng: Build a world class engineering team.", False),
            ("Build the foundation of our Talent team so we can help the company scale", False),
            ("Create greater cohesion among logged-in tools.", False),
            ("Build a team and pipeline to achieve the company sales plan.", False),
        ],
    )
    def test_an_objective_that_builds_a_system(self, text: str, output: bool) -> None:
        assert parse_objective(text).output is output


class TestGamesAgencyAndSustainabilityTrials:
    """What three more trials of writing styles (game studios; agencies and professional
    services; sustainability and ESG teams) and a hostile trial of the session's second round
    found plainly wrong, fixed and pinned (2026-12-06)."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a game's update or patch named by its version, a console, a star rating
            ("Ship the 2.0 update to Steam and Epic by Nov 30", {"value": None}),
            ("Release patch 2.1", {"direction": Direction.MILESTONE}),
            (
                "Release v1.4 on all platforms (PC, PS5, Xbox Series X|S, Switch)",
                {"direction": Direction.MILESTONE, "form": None},
            ),
            (
                "1-star reviews mentioning crashes down 50%",
                {"direction": Direction.DECREASE, "value": 50.0, "relative": True},
            ),
            ("Update 5 docs", {"value": 5.0, "unit": "docs"}),
            # frames a second, glued or not, better high; a completion's points are its %
            ("Maintain 30fps minimum on Switch", {"unit": "fps", "direction": Direction.AT_LEAST}),
            ("Increase tutorial completion +8 pts", {"unit": "%", "relative": False}),
            # a participle no lexicon knows ends the noun phrase
            ("Level design: 8 new maps greyboxed by M3", {"unit": "maps"}),
            # a size bar on the things counted after an activity's verb
            ("Close 3 deals over $250k", {"value": 3.0, "unit": "deals"}),
            ("Add 2 new retainer clients at >= £20k/month", {"value": 2.0, "form": "change"}),
            ("Grow 5 accounts to $500k+", {"value": 500_000.0}),
            # labels of work done, "currently avg", "avg" before a rating
            ("Proposals sent: 30 by end of Q2", {"direction": Direction.INCREASE, "output": True}),
            ("Case studies published: 6", {"output": True}),
            ("Max discount off rate card: 10% (currently avg 17%)", {"start": 17.0}),
            ("Achieve 4.6+ avg rating on Clutch (currently 4.3, 27 reviews)", {"unit": None}),
            # emissions: scopes are names, a mass of carbon is a unit
            (
                "Reduce absolute Scope 1 and 2 GHG emissions 42% by 2030 from a 2021 base year",
                {"direction": Direction.DECREASE, "value": 42.0, "relative": True},
            ),
            ("Scope 1&2 -50% by 2030 vs 2019 (SBTi approved)", {"value": 50.0, "upper": None}),
            (
                "Scope 1 + 2 emissions <= 9.8k tCO2e by Dec 31",
                {"direction": Direction.AT_MOST, "value": 9800.0, "unit": "t"},
            ),
            (
                "Cut Scope 1+2 emissions to 8,500 tCO2e (FY23 baseline: 11,240 tCO2e)",
                {"value": 8500.0, "start": 11_240.0, "unit": "t"},
            ),
            ("Limit embodied carbon in new fit-outs to ≤ 350 kgCO2e/m2", {"unit": "kg"}),
            ("Obtain limited assurance on Scope 1, 2 and 3 data", {"value": None}),
            ("Waste diversion rate 75% → 90%", {"direction": Direction.INCREASE}),
            ("Data centre PUE 1.2", {"direction": Direction.AT_MOST}),
            # what the hostile trial of the second round found
            ("Time spent in meetings: 10 hours/week", {"direction": Direction.AT_MOST}),
            ("Orders cancelled: 2%", {"direction": Direction.AT_MOST}),
            ("Spam rejected: 99%", {"direction": Direction.AT_LEAST}),
            ("Launch: Sept 15 across 3 markets", {"value": 3.0, "unit": "markets"}),
            ("Staff the Berlin office with a team of 12 engineers", {"value": 12.0}),
            ("Cut over half of the onboarding steps", {"direction": Direction.DECREASE}),
            ("Cut churn to -10% vs last year", {"form": "change"}),
            ("Comply with 15 U.S.C. 6801 by Q3", {"value": None}),
        ],
    )
    def test_readings(self, text: str, expected: dict[str, object]) -> None:
        assert_reads(parse_key_result(text), **expected)

    @pytest.mark.parametrize(
        ("text", "output"),
        [
            ("Build a loyal community around our tools", False),
            ("Establish Acme as the go-to platform for small businesses", False),
            ("Build a sustainable business model", False),
            ("Build a world-class support system", False),
            ("Build a thriving partner program", False),
            ("Build a reliable, evidence-first agentic pipeline that ingests place data", True),
        ],
    )
    def test_objectives(self, text: str, output: bool) -> None:
        assert parse_objective(text).output is output

    @pytest.mark.parametrize(
        "text",
        [
            "Improve NPS. See the survey results for details.",
            "Improve hiring. Consider adding a recruiter.",
            "Improve code quality. Refactor where needed.",
        ],
    )
    def test_a_hedge_after_an_improvement_is_no_work_done(self, text: str) -> None:
        assert not done_or_not(text)

    @pytest.mark.parametrize(
        ("text", "direction"),
        [
            ("Product teams run weekly user interviews", Direction.MILESTONE),
            ("Sales team understands when to escalate to Legal", Direction.AT_LEAST),
        ],
    )
    def test_what_teams_do_and_know(self, text: str, direction: Direction) -> None:
        assert parse_key_result(text).direction is direction


class TestThirdHostileTrialOfTheSession:
    """What a hostile trial of the session's third round found the new rules read plainly
    wrong, undone and pinned (2026-12-06)."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a rating's stars are its level, "1-star reviews" a kind of review
            ("Achieve a 4.5 star rating on the App Store", {"value": 4.5}),
            ("Get to a 4 star rating on Amazon", {"value": 4.0}),
            # a verb leading with its amount is no game's update
            ("Build 2.5 km of protected bike lanes", {"value": 2.5, "unit": "km"}),
            ("Update 2.5 million patient records to the new schema", {"value": 2_500_000.0}),
            ("Cut average build time from 12 to 8.5 build minutes", {"value": 8.5, "start": 12.0}),
            # things rejected or cancelled that nobody wants
            ("Non-compliant vendors rejected: 100%", {"direction": Direction.AT_LEAST}),
            ("Redundant SaaS subscriptions cancelled: 12", {"direction": Direction.AT_LEAST}),
            # a category's "to" is the level's
            ("Expand Category 1 to 50 stores", {"value": 50.0, "unit": "stores"}),
            # who does the work is no count of it, unless the work is the team
            ("Ship the app with a team of 6 engineers", {"direction": Direction.MILESTONE}),
            ("Staff the Berlin office with a team of 12 engineers", {"value": 12.0}),
            # frames a second glued to their number, a cost of recycling
            ("60fps on PS5", {"direction": Direction.AT_LEAST, "unit": "fps"}),
            ("Recycling cost per tonne: $80", {"direction": Direction.AT_MOST}),
        ],
    )
    def test_readings(self, text: str, expected: dict[str, object]) -> None:
        assert_reads(parse_key_result(text), **expected)

    @pytest.mark.parametrize(
        ("text", "done"),
        [
            ("Improve security. Enforce MFA for all staff", True),
            ("Improve ops. Centralize logging", True),
            ("Improve contracts. Review all 40 vendor contracts", True),
            ("Improve code quality. Refactor where needed.", False),
        ],
    )
    def test_work_after_an_improvement(self, text: str, done: bool) -> None:
        assert done_or_not(text) is done

    @pytest.mark.parametrize(
        ("text", "output"),
        [
            ("Build a churn prediction model", True),
            ("Build a community website", True),
            ("Build a team dashboard", True),
            ("Build a data platform as a service", True),
            ("Build a sustainable business model", False),
            ("Build a team that ships great apps", False),
        ],
    )
    def test_objectives(self, text: str, output: bool) -> None:
        assert parse_objective(text).output is output


class TestSchoolsBankingAndPharmaTrials:
    """What three more trials of writing styles (K-12 schools and districts; banking,
    lending and payments; biotech and pharma R&D) found plainly wrong, fixed and pinned
    (2026-12-06)."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # grades, courses, modules and phases with a letter are names
            (
                "Grade 3 ELA proficiency on state test: 55% (2023-24 baseline 47%)",
                {"direction": Direction.INCREASE, "value": 55.0, "start": 47.0, "output": False},
            ),
            ("Grade 9 failure rate (1+ F in core classes) under 15%", {"value": 15.0}),
            ("Provide HDT (high-dosage tutoring) to 500 students in grades 6-9", {"upper": None}),
            ("Increase the share of 8th graders completing Algebra 1 to 35%", {"start": None}),
            ("Deliver Module 3 (Quality) for the NDA by Sep", {"value": None}),
            ("FPI for XR-221 Phase 1b by 15-Mar", {"direction": Direction.MILESTONE}),
            # a lender's delinquency bucket is a name, and what is past due counted
            (
                "90+ DPD < 1.5% of outstanding balances",
                {"direction": Direction.AT_MOST, "value": 1.5, "unit": "%"},
            ),
            ("Zero high-rated audit issues past due", {"value": 0.0, "unit": "issues"}),
            ("Zero batch failures due to contamination", {"unit": "failures"}),
            ("Card issuing: 150k new active cards (Q3 was 112k)", {"unit": "cards"}),
            (
                "Improve Gini of application scorecard to ≥ 0.55 (current model 0.49)",
                {"start": 0.49},
            ),
            ("Burn down AML alert backlog to < 500 open cases", {"direction": Direction.DECREASE}),
            # a half or a quarter written number first, a date written day first
            ("Submit BLA for ONC-88 in 1H 2025", {"value": None}),
            ("Initiate Phase 3 for ONC-88 in 1Q25", {"value": None}),
            # fractions and points, how often
            (
                "Reduce first period tardies by one third",
                {"value": 100 / 3, "unit": "%", "relative": True},
            ),
            ("Reduce tardies by 5 % pts", {"unit": "%", "relative": False}),
            ("Each PLC meets 2x monthly", {"unit": "times", "relative": False}),
            ("Grow 2x weekly signups", {"relative": True}),
            ("Response time for tickets no higher than 2 hours", {"value": 2.0}),
            # work filed or revised, a leading metric's bound, Z'
            ("12 SOPs revised and approved", {"direction": Direction.INCREASE, "output": True}),
            ("Yield >= 70% vs 58% in 2024", {"direction": Direction.AT_LEAST, "output": False}),
            ("Z' > 0.6 for all new HTS assays", {"value": 0.6, "measurable": True}),
        ],
    )
    def test_readings(self, text: str, expected: dict[str, object]) -> None:
        assert_reads(parse_key_result(text), **expected)


class TestFourthHostileTrialOfTheSession:
    """What a hostile trial of the session's fourth round found the new rules read plainly
    wrong, undone and pinned (2026-12-06)."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a scale after a named number is the number's: only a phase's letter is a name's
            ("Issue 150k new active cards", {"value": 150_000.0, "unit": "cards"}),
            ("FPI for XR-221 Phase 1b by 15-Mar", {"value": None}),
            # others file and initiate as often as the team does
            ("40 complaints filed", {"direction": Direction.AT_MOST, "output": False}),
            # an hour and its minutes are no half-year
            ("Cut build time to 1h 45 min", {"value": 105.0, "unit": "min"}),
            ("Respond to P1s within 1h 90% of the time", {"direction": Direction.AT_MOST}),
            # "past due" before the things counted is their adjective
            ("Resolve 50 past due tickets", {"value": 50.0, "unit": "tickets"}),
            ("Complete 12 due diligence reviews", {"unit": "reviews"}),
            # a current figure of something else is no baseline
            (
                "Hire 5 engineers (current team 12)",
                {"direction": Direction.INCREASE, "start": None},
            ),
            # a bucket only with its plus; "to grade 6" is the level
            ("Keep all invoices under 15 days past due", {"value": 15.0, "unit": "days"}),
            ("Raise average GCSE grade to grade 6", {"value": 6.0}),
        ],
    )
    def test_readings(self, text: str, expected: dict[str, object]) -> None:
        assert_reads(parse_key_result(text), **expected)

    def test_the_bucket_s_pre_screen_sees_every_spacing(self) -> None:
        """A bucket of days past due written with two spaces is still screened in."""
        text = "30+ days past  due under 2%"
        ident = ident_pattern(text)
        assert ident is not None
        assert ident.sub("", text) == IDENT.sub("", text) == " under 2%"


class TestPlantsCharitiesAndDataTrials:
    """What three trials of writing styles (manufacturing and supply chain; nonprofits and
    fundraising; data, analytics and machine-learning platforms) found plainly wrong, fixed
    and pinned (2026-12-06, a later session)."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # places and things a plant or an office numbers are names
            ("Pass IATF 16949 surveillance audit (Plant 2) in Q3", {"value": None}),
            ("Go live with SAP S/4HANA MRP at Plant 2 by Oct 1", {"value": None}),
            ("Implement Kanban pull system on Lines 1-4", {"upper": None, "value": None}),
            ("Commission Cell 7B robot by June", {"value": None}),
            ("File Form 990 by Nov 15", {"direction": Direction.MILESTONE, "value": None}),
            ("Move SKU 4410 production to Plant 1", {"value": None}),
            ("Increase Line 3 OEE from 65% to 75%", {"value": 75.0, "start": 65.0}),
            # ... but a verb of the same spelling counts: "Form 3 squads", "Schedule 5 demos"
            ("Form 3 new squads", {"value": 3.0, "unit": "squads"}),
            ("Schedule 5 demos", {"value": 5.0}),
            ("Add 2 new sites", {"value": 2.0, "unit": "sites"}),
            # products' versions, with the one they go to or come from
            ("Upgrade Airflow 1.10 to 2.7 across all environments", {"value": None}),
            ("Sunset the on-prem Hadoop cluster (CDH 5.16) by 30 June", {"value": None}),
            ("Deploy batch scoring on Spark 3.5 (from 2.4)", {"value": None, "start": None}),
            ("Launch feature store v2 with streaming features (Flink 1.18)", {"value": None}),
            ("Bump dbt-core 1.5 to 1.7", {"value": None}),
            ("Upgrade the warehouse to Spark 3.5 from 3.1", {"value": None}),
            ("Upgrade Java 8 to 17.", {"value": None}),
            ("Roll out Windows 11 to 3,000 laptops", {"value": 3000.0, "unit": "laptops"}),
            ("Raise CSAT from 4.2 to 4.6", {"value": 4.6, "start": 4.2}),
            # a time of day names when, as a deadline does
            ("Meet the 6am SLA on 98% of business days", {"value": 98.0, "unit": "%"}),
            ("Dashboards refreshed by 6am daily", {"value": None}),
            ("Reports ready by 9 AM", {"value": None}),
            # lean's 5S is a method's name; "5s" and "5S." are seconds
            ("5S audit score ≥ 4.0 in all cells", {"value": 4.0, "unit": None}),
            ("Load the page in under 5s", {"value": 5.0, "unit": "s"}),
            # a level of a sigma, a maturity model or CMMI is the level reached
            (
                "Sigma level 4.5 on the hinge assembly process (currently 3.8)",
                {"direction": Direction.INCREASE, "value": 4.5, "start": 3.8},
            ),
            ("Reach CMMI level 3", {"value": 3.0}),
            # points of a plant's rates are percentage points
            ("Increase OEE by 8 pts on the bottleneck (Line 2)", {"unit": "%"}),
            # a model's or a forecast's error is better low; its score's name is no unit
            ("Get MAPE to 8%", {"direction": Direction.DECREASE}),
            ("ETA model RMSE 4.5", {"direction": Direction.AT_MOST, "unit": None}),
            ("Demand forecast WAPE 12%", {"direction": Direction.AT_MOST}),
            ("Acheive 0.9 AUC-ROC on the credit risk model", {"value": 0.9, "unit": None}),
            ("Hit 0.95 precision at 0.6 recall on the fraud model", {"unit": None}),
            # faults dealt with are better many
            (
                "Data incidents caught by monitors before stakeholders: 50% -> 90%",
                {"direction": Direction.INCREASE, "value": 90.0, "start": 50.0},
            ),
            ("Tickets resolved by self-serve: 30% -> 60%", {"direction": Direction.INCREASE}),
            ("Tickets resolved within 2 days, churn at 3%", {"direction": Direction.AT_MOST}),
            ("Incidents: 12 -> 20", {"direction": Direction.AT_MOST}),
            # how often per shift; a label's things, then the work done on them
            ("Conduct layered audits 2x per shift", {"unit": "times", "relative": False}),
            (
                "Kaizen events: 24 completed (2/month)",
                {"direction": Direction.INCREASE, "unit": None, "output": True},
            ),
            ("Workshops: 10 delivered", {"output": True}),
            ("Accounts: 1,000 created", {"unit": None, "output": False}),
            # money raised from givers or for a cause, in any currency, is the team's work
            ("Raise £1.2m from trusts and foundations", {"form": "target", "output": True}),
            ("Raise $1M from 500 donors with 60% retention", {"value": 1e6, "output": True}),
            ("Raise CHF 2 million for the emergency fund", {"form": "target", "output": True}),
            ("Raise KES 5M for school feeding in Kisumu", {"unit": "KES", "output": True}),
            ("Raise $2.5M in unrestricted revenue in FY26", {"output": True}),
            ("Collect ₹25 lakh from individual donors via UPI", {"output": True}),
            ("Raise $500K from enterprise customers", {"form": "change", "output": False}),
            ("Raise $2M in revenue", {"output": False}),
            # pounds of a thing weigh it
            ("Distribute 1.2M pounds of food", {"unit": "pounds"}),
            ("Raise 50,000 pounds", {"unit": "£"}),
            # donors added are others won, as customers are; things moved are work done
            ("Add 1,000 new donors", {"output": False}),
            ("Move 100% of cron jobs to Airflow 2", {"output": True}),
            ("Move 25 TB of historical data to cold storage", {"output": True}),
            ("Move NPS from 30 to 40", {"output": False}),
            # a stock built to a level is an outcome, as "Grow reserves to ..." is
            ("Build reserves to 4 months of operating expenses", {"output": False}),
            ("Build 5 dashboards", {"output": True}),
        ],
    )
    def test_readings(self, text: str, expected: dict[str, object]) -> None:
        assert_reads(parse_key_result(text), **expected)


class TestHostileTrialOfThePlantsRound:
    """What a hostile trial of the plants', charities' and data teams' rules found them
    misreading (2026-12-06, a later session): each undone and pinned."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a plural before a count, a verb, an arrow or a scale: a count, not a name
            ("Reduce SKUs 4,000 to 2,500", {"start": 4000.0, "value": 2500.0}),
            ("Cut vendors 40 to 25", {"start": 40.0, "value": 25.0}),
            ("Plant 10,000 trees", {"value": 10000.0, "unit": "trees"}),
            ("Plant 500 native trees", {"value": 500.0, "output": True}),
            ("Defects caught at end of line 500 -> 200", {"start": 500.0, "value": 200.0}),
            ("Lighthouse score for site 90+", {"value": 90.0}),
            ("Hire and Form 3 Squads", {"value": 3.0}),
            ("Top line 5 million", {"value": 5e6}),
            ("Cells 1, 2 and 3 at 90% utilization", {"value": 90.0}),
            # a capitalised metric before "X.Y to Z.W" is no product's version
            ("Reduce Churn 2.5 to 1.5", {"value": 1.5}),
            ("Improve Trustpilot 3.9 to 4.4", {"value": 4.4}),
            ("Migrate Hive 400 tables to Iceberg", {"value": 400.0, "unit": "tables"}),
            # PM and AM as roles or work, and "p.m." as a month, are no times of day
            ("Hire 1 PM", {"value": 1.0}),
            ("Complete 12 PM inspections per month", {"value": 12.0}),
            ("Add 1 PM and 2 engineers", {"value": 1.0}),
            ("Raise average gift to £10 p.m.", {"value": 10.0}),
            # faults that escaped to customers or production are better few
            (
                "Incidents detected by customers: 10 -> 2",
                {"direction": Direction.DECREASE, "start": 10.0},
            ),
            ("Defects caught by the customer: 12", {"direction": Direction.AT_MOST}),
            ("Errors caught in production per week: 3", {"direction": Direction.AT_MOST}),
            ("Lapsed donors: 3,000 -> 1,500", {"direction": Direction.DECREASE}),
            # people, accounts or deals moved to a stage or a level are an outcome
            ("Move 20% of customers to annual plans", {"output": False}),
            ("Move 500 customers to the enterprise tier", {"output": False}),
            ("Move 5 reps to quota", {"output": False}),
        ],
    )
    def test_readings(self, text: str, expected: dict[str, object]) -> None:
        assert_reads(parse_key_result(text), **expected)


class TestLogisticsHospitalityAndInsuranceTrials:
    """What three more trials (logistics and transport; hotels, restaurants and travel;
    insurance) found plainly wrong, fixed and pinned (2026-12-06, a later session)."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # depots, hubs, distribution centres, properties, hotels and terminals are names
            ("Routing engine v2 live at Depot 21 by Aug 15", {"value": None}),
            ("Go live with WMS v4.2 at DC 5 and DC 9", {"value": None}),
            ("Achieve ISO 28000 certification for Hub 6", {"value": None}),
            ("Implement slotting optimization in DC 3 + DC 8", {"value": None, "unit": None}),
            ("Complete brand standards audit at Property 4 & 11", {"value": None}),
            ("Increase occupancy at Hotel 21 to 80%", {"value": 80.0, "start": None}),
            ("Reduce dock-to-stock time at DC 4 from 48h to 24h", {"start": 48.0}),
            ("Open 3 new hubs", {"value": 3.0, "unit": "hubs"}),
            ("Lighthouse score for site 90+ on mobile", {"value": 90.0}),
            ("Migrate all carriers from EDI 214 to API-based tracking by Q3", {"value": None}),
            # an insurer's ratios and leakage are better low; its combined ratio's points, %
            (
                "Combined ratio (ex-cat) of 94% or better for Commercial Property",
                {"direction": Direction.AT_MOST},
            ),
            (
                "Achieve combined ratio of 95% in commercial lines",
                {"direction": Direction.DECREASE},
            ),
            ("Loss ratio 64%", {"direction": Direction.AT_MOST}),
            ("Improve loss ratio to 60%", {"direction": Direction.DECREASE}),
            ("Improve Commercial Property CoR by 3pts", {"unit": "%"}),
            ("Claims leakage 3%", {"direction": Direction.AT_MOST}),
            # what fraud work finds or saves is better many
            ("Fraud referral hit rate from 22% to 30%", {"direction": Direction.INCREASE}),
            ("Fraud savings of $12M (vs $9.4M last year)", {"direction": Direction.INCREASE}),
            ("Reduce fraud losses by 20%", {"direction": Direction.DECREASE}),
            # baselines of the year to date, of an estimate, of an actual in square brackets
            ("Q4 target: loss ratio 64% for Commercial Auto (YTD 69%)", {"start": 69.0}),
            (
                "Reduce fraud leakage in home contents to £3.5m (2024 est. £5.2m)",
                {"start": 5.2e6},
            ),
            ("Q3 occupancy 78% [Q2 actual 69%] – Property 12", {"start": 69.0, "value": 78.0}),
            ("Publish 12 posts (average 1 per week)", {"start": None}),
            # the rupee's letters
            ("Raise ADR to Rs 6,000", {"unit": "₹", "value": 6000.0}),
            ("Revenue from Tier 1 cities Rs 12 crore", {"unit": "₹", "value": 1.2e8}),
            # an adjective that is a verb too, or a stage-to-stage rate, before a metric's level
            ("Direct booking share 42%", {"direction": Direction.AT_LEAST, "output": False}),
            ("Direct revenue £4m", {"output": False}),
            ("Quote-to-bind 18%", {"direction": Direction.AT_LEAST, "output": False}),
            ("Open 3 new stores", {"output": True}),
            ("Direct 5 campaigns", {"output": True}),
        ],
    )
    def test_readings(self, text: str, expected: dict[str, object]) -> None:
        assert_reads(parse_key_result(text), **expected)


class TestHostileTrialOfTheInsurersRound:
    """What a hostile trial of the logistics', hotels' and insurers' rules found them
    misreading (2026-12-06, a later session): each undone and pinned."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a place's word in lower case, before things counted or a joined unit, counts
            ("Knowledge hub 50 articles published", {"value": 50.0, "unit": "articles"}),
            ("Community hub 500 members", {"value": 500.0}),
            ("Intellectual property 5 patents filed", {"value": 5.0}),
            ("Inspect every property 2 times a year", {"value": 2.0}),
            ("Ship from every DC 7 days a week", {"value": 7.0, "unit": "days"}),
            ("Achieve hotel 5-star rating", {"value": 5.0}),
            ("Terminal 30-minute truck turnaround", {"value": 30.0}),
            ("Upgrade MES to version 8.1 on all Plant 1 lines", {"value": None}),
            # an estimate of a cost is no baseline; an estimate of a year is
            ("Hire 5 engineers (est. $600k)", {"direction": Direction.INCREASE, "start": None}),
            # wins to losses and clean claims are better high; an operating ratio is no rating
            ("Improve win/loss ratio to 45%", {"direction": Direction.INCREASE}),
            ("Clean claims ratio from 88% to 95%", {"direction": Direction.INCREASE}),
            ("Combined operating ratio 94%", {"direction": Direction.AT_MOST}),
            ("Overall rating 4.5", {"direction": Direction.AT_LEAST}),
            (
                "Operating reserves: 6 months (currently 3.5)",
                {"direction": Direction.INCREASE, "start": 3.5},
            ),
            # new things opened are work; the letters of a car's name are no rupees
            ("Open new revenue streams 3", {"output": True}),
            ("Ship the RS 3 model", {"unit": "model"}),
        ],
    )
    def test_readings(self, text: str, expected: dict[str, object]) -> None:
        assert_reads(parse_key_result(text), **expected)


class TestTheFormerValidationSliceStudied:
    """What the development part's former validation slice (objectives 529-736, read once a
    new batch took its place) showed misread, as families the conventions name (2026-12-06,
    a later session); each pinned with what it must leave alone."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a span written apart before a service level is its time limit, at most
            (
                "2 week SLA on fixing crashers and security bugs",
                {"direction": Direction.AT_MOST, "value": 2.0, "unit": "weeks", "output": False},
            ),
            ("1 week SLA on triage", {"direction": Direction.AT_MOST, "value": 1.0}),
            # (joined, it is the level's name as often; and a span before other nouns names)
            ("Meet the 3-day SLA on 95% of tickets", {"value": 95.0, "unit": "%"}),
            ("3 month retention of 40%", {"value": 40.0, "unit": "%"}),
            # what a thing made is given by others is no part of the deliverable: an outcome
            ("Discord community with 50+ members", {"output": False}),
            ("Newsletter with 200 subscribers", {"output": False}),
            ("Public GitHub repo with 100+ stars", {"output": False}),
            ("Blog with 500 page views a month", {"output": False}),
            ("Runbooks in place for 15 alerts", {"output": True}),
            ("Marketing partnerships with 3 organizations", {"output": True}),
            # the -s form of a verb after one thing, and who or what about, are no unit
            ("At least one EHR vendor participates", {"unit": "vendor"}),
            ("One new tool allows me to be more productive", {"unit": "tool"}),
            ("Apply the publisher to at least one project ourselves", {"unit": "project"}),
            ("Hold a workshop with 2-6 local developers re: their needs", {"unit": "developers"}),
            ("40k new app installs per month", {"unit": "installs"}),
            ("Launch at least 3 OSS funding tools", {"unit": "tools"}),
            # a milestone's number, and a goal's in brackets, are names (a goal's amount is not)
            ("Ship the donate page (milestone 22)", {"value": None}),
            ("Reach milestone 3", {"value": None}),
            ("Hit the goal 50 signups", {"value": 50.0}),
            ("Goal 100 customers by Q3", {"value": 100.0}),
        ],
    )
    def test_readings(self, text: str, expected: dict[str, object]) -> None:
        assert_reads(parse_key_result(text), **expected)

    @pytest.mark.parametrize(
        "text",
        [
            "Make the donate page easier to maintain (milestone 22)",
            "Create an initial member statement (cross-cut Gov WG) [Goal 7]",
        ],
    )
    def test_numbered_names_make_no_numeric_objective(self, text: str) -> None:
        assert not parse_objective(text).numeric


class TestHostileTrialOfTheFormerSliceRound:
    """What a hostile trial of the former validation slice's rules found them misreading
    (2026-12-06, the day's last session): each undone and pinned."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a span before a service level is its limit only when that is all it says
            ("4 hour SLA met for 98% of P1 tickets", {"value": 98.0, "unit": "%"}),
            ("Launch 24 hour SLA for enterprise support", {"direction": Direction.MILESTONE}),
            ("Meet the 3 day SLA on 95% of tickets", {"value": 95.0}),
            ("5 day turnaround reduced to 2 days", {"value": 2.0}),
            ("30 day SLO for the API", {"value": None}),
            # (after an owner's tag as with none: a newcomer's trial)
            (
                "[MK] 2 week SLA on fixing crashers",
                {"direction": Direction.AT_MOST, "value": 2.0, "unit": "weeks"},
            ),
            ("(MK) Launch 24 hour SLA for support", {"direction": Direction.MILESTONE}),
            # people a deliverable serves are the team's work; an audience it gathers is not
            ("Usability tests with 12 users", {"output": True}),
            ("Workshops for 200 students", {"output": True}),
            ("Case studies with 5 customers", {"output": True}),
            ("Blog with 500 page views a month", {"output": False}),
            # page views are no metric better high by themselves
            (
                "404 page views from 1,200 to 200 per week",
                {"direction": Direction.DECREASE, "start": 1200.0},
            ),
            # a goal's or a milestone's amount is no name
            ("Monthly signups (goal 1,200)", {"value": 1200.0}),
            ("Weekly active teams [goal 300]", {"value": 300.0}),
            ("Raise CSAT (goal 4.5)", {"value": 4.5}),
            ("Reach milestone 1,000 customers", {"value": 1000.0}),
            ("Milestone 10 pilots live", {"value": 10.0}),
            ("Ship milestone 2 by March", {"value": None}),
        ],
    )
    def test_readings(self, text: str, expected: dict[str, object]) -> None:
        assert_reads(parse_key_result(text), **expected)

    def test_a_count_of_one_is_looked_for_right_before_its_noun(self) -> None:
        """Whether a count is of one is looked for in the few characters before its noun,
        not from the start of the text (which made "one app runs " repeated quadratic)."""
        parsed = parse_key_result("At least one vendor participates; " * 300)
        assert parsed.value == 1.0
        assert parsed.unit == "vendor"


class TestMetricsInWordsOfTheirOwn:
    """A metric's polarity is its word's, not a longer word's that holds it: "extraction" is
    no traction, "interactive" nothing active; a word that negates a metric better high is
    better low ("unavailability", "inaccuracy"); 2026-12-06, a later session."""

    @pytest.mark.parametrize(
        ("metric", "way"),
        [
            ("availability", "higher"),
            ("unavailability", "lower"),
            ("forecast accuracy", "higher"),
            ("forecast inaccuracy", "lower"),
            ("customer dissatisfaction", "lower"),
            ("non-compliance findings", "lower"),
            ("imprecision", "lower"),
            ("unreliable builds", "lower"),
            ("traction", "higher"),
            ("weekly active users", "higher"),
            ("customer success", "higher"),
            # (a prefix that negates nothing: "non" joined, "inter")
            ("nonprofit revenue", "higher"),
            ("data extraction", None),
            ("interactive tutorial", None),
            ("abstraction layer", None),
        ],
    )
    def test_polarity(self, metric: str, way: str | None) -> None:
        assert way == polarity(metric)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "Short video on SDC Data Extraction (Argonaut Assessments)",
                {"direction": Direction.MILESTONE, "output": True},
            ),
            ("Interactive tutorial on IPFS", {"direction": Direction.MILESTONE}),
            ("Service unavailability of 0.1%", {"direction": Direction.AT_MOST, "value": 0.1}),
            ("Forecast inaccuracy of 5%", {"direction": Direction.AT_MOST, "value": 5.0}),
            ("Improve forecast inaccuracy", {"direction": Direction.DECREASE}),
            ("Extraction accuracy of 95%", {"direction": Direction.AT_LEAST, "value": 95.0}),
            ("99.9% availability", {"direction": Direction.AT_LEAST}),
        ],
    )
    def test_readings(self, text: str, expected: dict[str, object]) -> None:
        assert_reads(parse_key_result(text), **expected)


class TestHostileTrialOfTheTemplatesRound:
    """What a hostile trial of the numbers read once per reader and of the cut of all of it
    found (2026-12-06, a later session): each undone and pinned."""

    def test_a_template_whose_ambiguity_quotes_a_number_is_not_kept(self) -> None:
        """An ambiguity that quotes the first statement's number would quote it in the next
        statement of the wording too: such a wording is always read in full."""
        TEMPLATES.clear()
        first = "Redesign onboarding so that users grow from 10 to 50"
        assert any("'50'" in said for said in parse_key_result(first).ambiguities)
        text = "Redesign onboarding so that users grow from 3 to 4"
        assert parse_in_full(text) == parse_key_result(text)
        assert any("'4'" in said for said in parse_key_result(text).ambiguities)

    def test_minus_zero_is_zero_through_a_template(self) -> None:
        """A target of "-0" reads 0.0 through a template, as in full (not -0.0)."""
        TEMPLATES.clear()
        for text in ("Cut open defects from 5 to -0", "Cut open defects from 6 to -0"):
            assert "0.0" == repr(parse_key_result(text).value)
            assert "0.0" == repr(key_result_reader()(text).value)

    @pytest.mark.parametrize(
        ("text", "target"),
        [
            ("Reduce incidents by 100%", 0.0),
            ("Reduce incidents by 100 percent", 0.0),
            # more than all of it, a sign, a bound: no cut of all of it
            ("Reduce incidents by over 100%", None),
            ("Reduce incidents by at least 100%", None),
            ("Reduce incidents by -100%", None),
        ],
    )
    def test_only_a_cut_of_all_of_it_reaches_zero(self, text: str, target: float | None) -> None:
        assert target == to_key_result(text).target


class TestAPairOfWordsWithASlash:
    """A leading word paired by a slash with one that is no verb in its base form, or with a
    metric's word after the pair, names a metric, not an imperative (2026-12-06, a later
    session); two imperatives paired, the first governs."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Send/delivered ratio >99%", {"direction": Direction.AT_LEAST, "output": False}),
            ("Read/write latency below 20 ms", {"direction": Direction.AT_MOST, "value": 20.0}),
            ("Major/minor and patch releases take 1 hour", {"direction": Direction.AT_MOST}),
            ("Go/no-go decision on 100% of RFPs within 48 hrs", {"direction": Direction.AT_LEAST}),
            ("Launch/test at least 3 OSS funding tools", {"output": True, "value": 3.0}),
            ("Upsell/cross-sell $1.2M in expansion ARR", {"direction": Direction.INCREASE}),
            ("Hire/onboard 5 engineers", {"output": True, "value": 5.0}),
        ],
    )
    def test_readings(self, text: str, expected: dict[str, object]) -> None:
        assert_reads(parse_key_result(text), **expected)


class TestHostileTrialOfTheWordsRound:
    """What a hostile trial of the session's reading rules found (2026-12-06, a later
    session): each undone and pinned. (A bound written apart before a span, "Target < 1 day
    EOM close", was tried as an amount and dropped: it misread ages and cohorts.)"""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a verb of change, reaching or holding governs a pair whatever follows it
            ("Increase/improve conversion to 5%", {"direction": Direction.INCREASE}),
            ("Grow/protect revenue to $5M", {"direction": Direction.INCREASE}),
            ("Acquire/retain customers to 500", {"direction": Direction.INCREASE}),
            ("Reduce/eliminate downtime to 10 min per month", {"direction": Direction.DECREASE}),
            # a number after the pair: two imperatives, whatever the second is
            ("Hire/backfill 5 roles", {"output": True, "value": 5.0}),
            ("Launch/GA 3 features", {"output": True, "value": 3.0}),
            ("Hire/onboarding 5 engineers", {"output": True, "value": 5.0}),
            # people or things counted are no negation of a metric, nor a nonprofit's profit
            ("Sign 40 non-profit partners", {"direction": Direction.INCREASE}),
            ("Non-profit partners: 40", {"direction": Direction.AT_LEAST}),
            ("Reach 10,000 non-customers", {"direction": Direction.INCREASE}),
            ("Win back 200 unsubscribers", {"direction": Direction.INCREASE}),
            ("Noncompliance rate of 2%", {"direction": Direction.AT_MOST, "value": 2.0}),
            # an age or a cohort after a bound stays a name
            ("> 90 day AR below $50k", {"direction": Direction.AT_MOST, "value": 50000.0}),
            ("Churn among > 12 month customers below 2%", {"value": 2.0}),
        ],
    )
    def test_readings(self, text: str, expected: dict[str, object]) -> None:
        assert_reads(parse_key_result(text), **expected)

    @pytest.mark.parametrize("word", ["non-profit", "nonprofit", "non-users", "unsubscribers"])
    def test_a_group_is_no_negation(self, word: str) -> None:
        assert "higher" == polarity(word)

    def test_a_negation_is_looked_for_just_before_the_metric(self) -> None:
        """Whether a metric is negated is seen in the characters just before it, not back to
        the start of its word: a run of metrics joined by hyphens is read once each."""
        assert "lower" == polarity("non-compliance")
        assert "lower" == polarity("-".join(["x"] * 3000) + " unavailability")
        assert "higher" == polarity("-".join(["fps"] * 3000))


# Full width, as an East Asian input method types digits and signs: each printable ASCII
# character but letters, and the space.
_FULL_WIDTH = {0x21 + i: 0xFF01 + i for i in range(0x5E) if not chr(0x21 + i).isalpha()}
_FULL_WIDTH[0x20] = 0x3000


class TestLeftoversOfTheHostileTrials:
    """What earlier hostile trials found and their notes left (2026-12-06, a later session):
    a pair of verbs before a metric's head noun and its level, a change "by up to" an amount,
    and digits and signs typed full width."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # "<verb>/<verb> <metric's head noun> <level>" names the metric ("Read/write
            # latency" did, by its polarity; "time" and "rate" have none)
            (
                "Build/test time under 10 min",
                {"direction": Direction.AT_MOST, "value": 10.0, "unit": "min", "output": False},
            ),
            ("Open/click rate above 20%", {"direction": Direction.AT_LEAST, "value": 20.0}),
            ("Design/build time from 10 to 5 days", {"direction": Direction.DECREASE}),
            # but two imperatives still lead a count
            ("Hire/backfill 5 roles", {"direction": Direction.INCREASE, "output": True}),
            # "by up to 20%" is a change of 20 %, not a level of 20 %
            (
                "Reduce churn by up to 20%",
                {"direction": Direction.DECREASE, "form": "change", "value": 20.0},
            ),
            ("Increase NPS by up to 5 points", {"form": "change", "unit": "points"}),
            ("Reduce response time to up to 2 hours", {"form": "target", "value": 2.0}),
            # "up to" with no "by" is a ceiling, and still the level gone to after a verb
            ("Up to 3 regressions per release", {"direction": Direction.AT_MOST, "value": 3.0}),
            ("Grow revenue up to $2M", {"direction": Direction.INCREASE, "value": 2e6}),
            ("Scale up to 1000 nodes", {"direction": Direction.INCREASE, "value": 1000.0}),
            # after a verb that says no way, "up to" is the level gone up to (a hostile trial:
            # these read as decreases when "up to" was a ceiling wherever it stood)
            ("Bring coverage up to 80%", {"direction": Direction.INCREASE, "value": 80.0}),
            ("Sign up to 500 users", {"direction": Direction.INCREASE, "value": 500.0}),
            ("Drive NPS up to 50", {"direction": Direction.INCREASE}),
            # bounds written out in full
            ("Less than or equal to 3 regressions", {"direction": Direction.AT_MOST}),
            ("Greater than or equal to 95% uptime", {"direction": Direction.AT_LEAST}),
            ("Churn equal to or lower than 2%", {"direction": Direction.AT_MOST, "value": 2.0}),
            # "sub-300ms" is under 300 ms, not a name with a number ("Sev-1")
            (
                "Reduce p95 latency from 450ms to sub-300ms",
                {"direction": Direction.DECREASE, "start": 450.0, "value": 300.0},
            ),
            ("p95 latency sub-300ms", {"direction": Direction.AT_MOST, "value": 300.0}),
            # but not before a count or a name ("sub-1 bugs" are bugs of a class)
            ("Win 10 sub-1M deals", {"direction": Direction.INCREASE, "value": 10.0}),
            ("Fix 10 sub-1 bugs", {"value": 10.0, "unit": "bugs"}),
            ("Resolve all sub-2 tickets within 4 hours", {"value": 4.0, "unit": "h"}),
            # a factor written in words, "-fold" or with the sign of multiplication
            (
                "Increase throughput by a factor of 3",
                {"direction": Direction.INCREASE, "form": "change", "value": 3.0, "unit": "x"},
            ),
            ("Reduce latency by factor 2", {"form": "change", "unit": "x", "relative": True}),
            ("Grow users 10-fold", {"form": "change", "value": 10.0, "unit": "x"}),
            ("Increase throughput 10×", {"form": "change", "value": 10.0, "unit": "x"}),
            ("Risk factor of 2 products", {"unit": "products"}),
            # a metric is words: "5" of a range left as a condition names none
            ("Hire 5 to 10 engineers", {"metric": "engineers", "value": 10.0}),
            ("Cut 60+ day AR by 50%", {"metric": None}),
            ("Run a 4-fold cross-validation on 3 models", {"form": "target", "unit": None}),
            # a level below zero after "to" (a signed share after it is still a change)
            ("Reduce freezer temp to -20°C", {"form": "target", "value": -20.0, "unit": "°C"}),
            ("Cut churn to -10% vs last year", {"form": "change", "value": 10.0}),
            # (a time, money or a count so signed is as often a change: a hostile trial)
            ("Cut latency to -20 ms vs last quarter", {"form": "change", "value": 20.0}),
            ("Cut spend to -$2M YoY", {"form": "change", "value": 2e6}),
            # the Arabic and the small percent signs, the Arabic separators, the micro sign
            ("Reduce churn by 5٪", {"value": 5.0, "unit": "%", "relative": True}),
            ("Reduce churn by 5﹪", {"value": 5.0, "unit": "%", "relative": True}),
            ("Grow users to ١٠٬٠٠٠", {"value": 10000.0}),
            ("Grow ARR to ￥200万", {"value": 2e6, "unit": "¥"}),
        ],
    )
    def test_readings(self, text: str, expected: dict[str, object]) -> None:
        assert_reads(parse_key_result(text), **expected)

    @pytest.mark.parametrize(
        ("text", "band"),
        [
            ("Close 12-15 new enterprise deals", "12-15"),
            ("Hire 5-10 engineers", "5-10"),
            ("Cut cloud costs 10-15%", "10-15%"),
            ("Keep p95 between 100 and 200 ms", None),
            ("25-35 days to close", None),
            ("Manage loan-to-deposit ratio between 85% and 95%", None),
            ("Deliver each order within 2-3 days", None),
            ("Close deals in 12-15 days", None),
            ("Reduce churn to 3-4%", None),
        ],
    )
    def test_a_range_after_a_verb_says_it_is_read_as_a_band(
        self, text: str, band: str | None
    ) -> None:
        """A band scores nothing once beaten: after a verb of raising, cutting, reaching or
        doing, the reading says it could be a range to reach (a newcomer's trial scored 20
        deals 0 against "12-15"); a verb of holding, or none, says a band as it is."""
        read = parse_key_result(text)
        assert read.direction is Direction.WITHIN
        said = [a for a in read.ambiguities if "read as a band to stay within" in a]
        assert said == ([] if band is None else [said[0]])
        assert band is None or said[0].startswith(repr(band))

    @pytest.mark.parametrize(
        ("text", "said"),
        [
            ("Increase revenue by -10%", "'by -10%' after 'increase'"),
            ("Grow ARR by -$2M", "'by -$2M' after 'grow'"),
            ("Reduce churn by +2%", "'by +2%' after 'reduce'"),
            ("Reduce churn by -2%", None),
            ("Increase NPS by +5", None),
        ],
    )
    def test_a_sign_against_the_verb_is_said(self, text: str, said: str | None) -> None:
        """A change whose sign says the other way than its verb is read by its size, and
        says so (a hostile trial: the sign was dropped with no word)."""
        signs = [a for a in parse_key_result(text).ambiguities if "the sign says" in a]
        assert signs == ([] if said is None else [signs[0]])
        assert said is None or signs[0].startswith(said)

    @pytest.mark.parametrize("cell", ["N/A", "n/a", "NA", "n.a.", "none", "Not applicable"])
    def test_a_cell_for_no_key_result_says_nothing(self, cell: str) -> None:
        """A sheet's "N/A" reads as "-" does, whatever its case ("N/A" read as a placeholder
        of a number, "n/a" as a deliverable; a newcomer's trial)."""
        read = parse_key_result(cell)
        assert (read.direction, read.form, read.measurable, read.output, read.spans) == (
            None,
            None,
            False,
            False,
            (),
        )
        assert cell == read.text

    def test_a_factor_in_words_sets_the_target(self) -> None:
        """ "by a factor of 3" multiplies the start (it read as a target of 3, the wrong way)."""
        assert 300 == to_key_result("Increase throughput by a factor of 3", start=100).target
        assert 50 == to_key_result("Reduce latency by a factor of 2", start=100).target

    def test_a_change_by_up_to_all_of_it_reaches_no_target(self) -> None:
        """ "by up to 100%" caps the cut: unlike "by 100%", it does not say the end is 0."""
        assert to_key_result("Reduce incidents by up to 100%").target is None
        assert 0 == to_key_result("Reduce incidents by 100%").target
        assert 1300 == to_key_result("Grow signups by up to 30% from 1,000").target

    @pytest.mark.parametrize(
        "row", [row for rows in corpus().values() for row in rows if row["text"].isascii()]
    )
    def test_full_width_digits_and_signs_read_as_ascii(self, row: dict[str, Any]) -> None:
        """A statement with its digits, signs and spaces typed full width reads as the same
        statement in ASCII, and its spans and metric quote the statement as written."""
        text = row["text"]
        wide = text.translate(_FULL_WIDTH)
        read, read_wide = parse_key_result(text), parse_key_result(wide)
        assert read == attrs.evolve(read_wide, text=text, spans=read.spans, metric=read.metric)
        assert read_wide.text == wide
        assert read_wide.metric in [None, *(s.text for s in read_wide.spans if s.label == "metric")]
        assert all(s.text == wide[s.start : s.end] for s in read_wide.spans)
        assert [(s.label, s.start, s.end) for s in read_wide.spans] == [
            (s.label, s.start, s.end) for s in read.spans
        ]

    def test_full_width_percent(self) -> None:
        assert_reads(
            parse_key_result("Reduce churn by 20％"),
            direction=Direction.DECREASE,
            form="change",
            value=20.0,
            unit="%",
            relative=True,
        )
        read = parse_key_result("Reduce churn from ５％ to ２％")
        assert_reads(read, start=5.0, value=2.0, unit="%")
        assert ("start", "５％") in [(s.label, s.text) for s in read.spans]


class TestTheWordKPI:
    """ "KPI" is the word for a metric and names none: an objective about KPIs' definitions,
    dashboards or exports carries no metric (OKR102 was wrong on three real objectives)."""

    @pytest.mark.parametrize(
        "title",
        [
            "Ensure KPI definitions are clear and auditable",
            "Ship a validated KPI dashboard for pilots",
            "Operationalize KPI exports",
            "Agree on the team's KPIs",
        ],
    )
    def test_no_metric(self, title: str) -> None:
        assert not parse_objective(title).numeric

    @pytest.mark.parametrize(
        "title",
        [
            "Service Management KPIs - Customer satisfaction is at 98%",
            "Lift every KPI by 10%",
            "Improve our KPIs, churn first",
        ],
    )
    def test_a_metric_or_a_number_beside_it(self, title: str) -> None:
        assert parse_objective(title).numeric


class TestUsersActiveInAPeriod:
    """Users active in a period are a level the product has before the cycle, as "MAU" with
    no noun is: not counted up from zero (a newcomer's trial: "Get to 1M monthly active
    users" started at 0, "Grow MAU to 200k" asked for a baseline)."""

    @pytest.mark.parametrize(
        "text",
        [
            "Get to 1M monthly active users by H2",
            "Reach 10,000 weekly active users",
            "Get to 50k DAU",
            "Grow to 2,000 daily active users",
        ],
    )
    def test_a_level(self, text: str) -> None:
        assert rate_of_outcomes(text)
        kr = to_key_result(text)
        assert (kr.start, kr.direction) == (None, Direction.INCREASE)
        plan = Plan(objectives=[Objective(id="o", title="Grow", key_results=[kr])])
        assert ["OKR204"] == [d.code for d in validate(plan, RuleConfig(select=["OKR204"]))]

    @pytest.mark.parametrize(
        "text", ["Reach 500 paying customers", "Hire 3 engineers", "Onboard 50 daily active teams"]
    )
    def test_a_count_from_zero(self, text: str) -> None:
        assert not rate_of_outcomes(text)
        assert 0 == to_key_result(text).start


class TestTheRulesWrongFindingsOfTheLastRound:
    """What the reviewed findings of the real corpus still judged wrong (2026-12-06, the
    day's last session): a key result in a state of readiness or within a level set
    elsewhere is done or not (OKR201 called three unmeasurable), and "3x" before the length
    of the things an activity makes counts them (OKR204 asked "Write 3x 5 minute blog posts"
    for a baseline, as if it were a tripling)."""

    @pytest.mark.parametrize(
        ("text", "done"),
        [
            ("Ensure testing and alert monitoring is in place to catch any errors", True),
            ("Bug bounty programme in place", True),
            ("Revenue: SDR team up and running", True),
            ("Keep CreateDraftComment in SLO by removing per-user state", True),
            ("Keep every endpoint within its SLA", True),
            # a verb of change still moves a metric with no level to check
            ("Improve the processes in place", False),
            # and a level's name is not a level defined elsewhere
            ("Improve our SLA", False),
            ("Uptime SLA", False),
            # (a hostile trial's: things in place that work is done to, a verb of change, a
            # thing better in place, a substitute and a name)
            ("Audit the security controls in place", False),
            ("Simplify the processes in place", False),
            ("Streamline support within SLA", False),
            ("Stronger controls in place", False),
            ("Get more teams up and running", False),
            ("Use Postgres in place of MySQL", False),
            ("Shelter in place procedures documented", False),
            ("Dashboards are now in place.", True),
        ],
    )
    def test_done_or_not(self, text: str, done: bool) -> None:
        assert done_or_not(text) is done

    def test_spared_by_okr201(self) -> None:
        kr = to_key_result("Monitoring is in place for every service")
        plan = Plan(objectives=[Objective(id="o", title="Run calm", key_results=[kr])])
        assert [] == [d.code for d in validate(plan, RuleConfig(select=["OKR201"]))]

    @pytest.mark.parametrize(
        ("text", "noun"),
        [
            ("Write 3x 5 minute Fundamentals blog posts", "posts"),
            ("Create 3x 5 minute Fundamentals videos", "videos"),
            ("Record 2x 90 second demos", "demos"),
        ],
    )
    def test_a_count_of_things_measured(self, text: str, noun: str) -> None:
        read = parse_key_result(text)
        assert_reads(read, direction=Direction.INCREASE, form="target", relative=False, unit=noun)
        assert read.output
        kr = to_key_result(text)
        assert (kr.start, kr.target) == (0, read.value)

    @pytest.mark.parametrize(
        "text", ["Grow revenue 3x", "Ship 3x faster builds", "Handle 3x peak traffic"]
    )
    def test_still_a_factor(self, text: str) -> None:
        assert parse_key_result(text).unit == "x"


class TestThingsATeamMakesOrIsGiven:
    """Audits, meetings, components and surveys are things a team makes or holds, counted
    from zero as its own work (the former validation slice: "15 accessibility audits done on
    our work" read as others' doing); what others make or do is still theirs. Reviews and
    sessions are as often customers' and users' ("300 Google reviews", "450 weekly sessions":
    a hostile trial), so they are not counted so."""

    @pytest.mark.parametrize(
        "text",
        [
            "15 accessibility audits done on our work",
            "5 React components open-sourced",
            "3 customer meetings per week",
            # (people named by their work are the team's as often: not others, by that alone)
            "10 tech talks by our engineers",
            "4 workshops by mentors",
        ],
    )
    def test_own_work(self, text: str) -> None:
        read = parse_key_result(text)
        assert_reads(read, direction=Direction.INCREASE, form="target", output=True)

    @pytest.mark.parametrize(
        "text",
        [
            "30 tutorials from community contributors",
            "12 case studies by customers",
            "300 Google reviews",
            "450 weekly sessions",
            "2 audits by regulators",
            "250 surveys returned by residents",
            "Zero overdue IEP annual reviews",
        ],
    )
    def test_not_made_by_the_team(self, text: str) -> None:
        assert not parse_key_result(text).output

    @pytest.mark.parametrize(
        ("text", "own"),
        [
            # "Have" leading a statement bids the team hold or make the things it counts
            ("Have 4 meetings with members", True),
            ("Have 2 PRs merged to our technical repos", True),
            # what something has is a level, and so are things no team makes
            ("The support team has 8 tutorials", False),
            ("We have 12 playbooks", False),
            ("Have 500 bounty hunters", False),
        ],
    )
    def test_have(self, text: str, own: bool) -> None:
        assert parse_key_result(text).output is own


class TestMoreOfWhatWorkDoes:
    """A verb of work with no number that asks for more of what it does, or for progress, is
    a change sought, up, not a deliverable done or not (the development part: "Publicize our
    internal progress more", "Make progress on text autosizing spec" read as milestones)."""

    @pytest.mark.parametrize(
        "text",
        [
            "Publicize our internal progress more.",
            "Promote more opaque scrollers and fixed-position elements",
            "Make progress on text autosizing spec",
            "Make headway on addressing top pain points",
            "Make good progress towards GA",
            "Write more tests",
        ],
    )
    def test_up(self, text: str) -> None:
        read = parse_key_result(text)
        assert_reads(read, direction=Direction.INCREASE, measurable=False)

    @pytest.mark.parametrize("size", [1_000, 4_000, 16_000])
    def test_more_at_the_end_is_looked_for_once(self, size: int) -> None:
        """ "More" ending a statement is its last word, found by one split (a search for it
        from every blank took a second on 16,000 of them, in the rule writer's own trial;
        benchmarks/bench_text.py times it)."""
        assert parse_key_result("Write" + " " * size + "x").direction is Direction.MILESTONE
        assert parse_key_result("Write docs" + " " * size + "more").direction is Direction.INCREASE

    @pytest.mark.parametrize(
        "text",
        [
            "Develop a more playful demonstration app",
            "Create a weekly newsletter for announcements, events and more",
            "Make a plan",
            "Ship the release and more",
            # (a hostile trial's: no more of anything)
            "Publish the report once more",
            "Ship the MVP, nothing more",
            "Hire no more",
            "Publish more or less weekly",
            "Hire more slowly",
            "Learn more about our users",
            "Make progress in reducing churn",
            "Make progress on reducing churn in Q3 2025",
        ],
    )
    def test_a_deliverable(self, text: str) -> None:
        assert parse_key_result(text).direction is Direction.MILESTONE


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Add 1 full time, full stack developer", "developer"),
        ("Sign 1 candidate full time", "candidate"),
        ("Hire 2 part time support agents", "agents"),
        ("Hire 2 full time engineers", "engineers"),
    ],
)
def test_full_time_is_no_unit(text: str, unit: str) -> None:
    """ "Full time" and "part time" say how much of their time people work: neither the
    things counted nor a unit of time (the development part read "time" as the unit)."""
    assert parse_key_result(text).unit == unit


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Automate day 2 operations", None),
        ("Complete design reviews on day-2 ops", None),
        ("Run day 1 onboarding for 40 hires", 40.0),
        ("Raise day 7 retention from 20% to 30%", 30.0),
        # a day a plan is due by stays a deadline, and days counted stay a length
        ("Finish the migration by day 45 of the quarter", None),
        ("Activate 40% of users by day 7", 40.0),
    ],
)
def test_a_day_of_a_life_cycle_names(text: str, value: float | None) -> None:
    """ "Day 2 operations", "day 7 retention": a day of a life cycle names what follows, no
    amount (the development part counted 2 "ops")."""
    assert parse_key_result(text).value == value


@pytest.mark.parametrize(
    ("text", "direction", "unit"),
    [
        ("x% of employees have taken time off each quarter", Direction.INCREASE, "%"),
        ("Grow activation by x%", Direction.INCREASE, "%"),
        ("Recognize TBD% cost reduction on a per user basis", Direction.DECREASE, "%"),
        ("Reduce costs by TBD%", Direction.DECREASE, "%"),
    ],
)
def test_a_percentage_to_come_in_lower_case(text: str, direction: Direction, unit: str) -> None:
    """ "x%" and "TBD%" are a percentage to come, as "X%" is: a share or a change with no
    number yet (the development part read "x% of employees ..." as time taken, down)."""
    read = parse_key_result(text)
    assert_reads(read, direction=direction, unit=unit, value=None, measurable=False)
    assert [s.label for s in read.spans].count("placeholder") == 1


@pytest.mark.parametrize(
    ("text", "direction", "output"),
    [
        ("Build a Discord community with 50+ members", Direction.AT_LEAST, False),
        (
            "Build a FHIR channel as a local community hub, with 25 subscribers",
            Direction.AT_LEAST,
            False,
        ),
        ("Launch a newsletter with 500 subscribers", Direction.AT_LEAST, False),
        # people the work is done with, and things the deliverable holds, are no audience
        ("Run usability tests with 12 users", Direction.INCREASE, True),
        ("Launch the app with 3 integrations", Direction.MILESTONE, True),
    ],
)
def test_the_audience_a_thing_made_gathers(text: str, direction: Direction, output: bool) -> None:
    """After a verb of making, "with 25 subscribers" is the audience the thing made gathers,
    which others give it by joining: a level, as "Discord community with 50+ members" with
    no verb is, not work counted (a wrong OKR203 finding on the development part)."""
    assert_reads(parse_key_result(text), direction=direction, output=output)


@pytest.mark.parametrize(
    "text",
    [
        "`go-ipld-prime` is being used by ipfs.",
        "`go-ipld-prime` is being using by filecoin.",
        "Peerpad is used at the IPFS All Hands",
    ],
)
def test_a_thing_in_use_is_an_outcome(text: str) -> None:
    """A thing "being used" by others, as one "used" by them, is their doing, an outcome
    (D18), not a deliverable (a slip, "is being using", read as one)."""
    assert_reads(parse_key_result(text), direction=Direction.AT_LEAST, output=False)


class TestSecondHostileTrialOfTheLastRound:
    """What a second hostile trial of this round's readings found, each pinned: a day after
    "by", "to", a business day or a number is no life cycle's, a staffed team's members are
    no audience, a state in a clause of its own or negated is not the subject's, progress on
    a time taken is no increase, a ceiling on things made is no work, and a team's own
    testers are not others."""

    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            ("Resolve tickets within 1 business day 80 percent of the time", 1.0, "days"),
            ("Activate 40% of users by day 7", 40.0, "%"),
        ],
    )
    def test_a_day_that_is_no_name(self, text: str, value: float, unit: str) -> None:
        assert_reads(parse_key_result(text), value=value, unit=unit)

    @pytest.mark.parametrize(
        ("text", "done"),
        [
            ("Audit the controls that are in place", False),
            ("Launch the campaign once tracking is in place", False),
            ("Processes are not in place", False),
            ("Monitoring is in place", True),
        ],
    )
    def test_a_state_of_the_subject(self, text: str, done: bool) -> None:
        assert done_or_not(text) is done

    @pytest.mark.parametrize(
        ("text", "direction", "output"),
        [
            ("Build an SRE team with 5 members", Direction.INCREASE, True),
            ("Make progress on onboarding time", Direction.MILESTONE, True),
            ("Have at most 3 meetings a day", Direction.AT_MOST, False),
            ("No more than 3 meetings per week", Direction.AT_MOST, False),
            ("150 regression tests by our QA testers", Direction.INCREASE, True),
        ],
    )
    def test_readings(self, text: str, direction: Direction, output: bool) -> None:
        assert_reads(parse_key_result(text), direction=direction, output=output)


@pytest.mark.parametrize(
    ("text", "direction", "value", "unit"),
    [
        ("Reduce churn by X% to 3%", Direction.DECREASE, 3.0, "%"),
        ("Reduce churn by x% to 3%", Direction.DECREASE, 3.0, "%"),
        ("Increase win rate by TBD% to 35%", Direction.INCREASE, 35.0, "%"),
        ("Reduce cost per ticket by x% to $4", Direction.DECREASE, 4.0, "$"),
    ],
)
def test_a_change_to_come_with_its_level(
    text: str, direction: Direction, value: float, unit: str
) -> None:
    """A change still to come ("by X%") with the level it reaches written after it has that
    level as its target, and says so (it read as a change of no value, unmeasurable, and
    `to_key_result` made no target; a hostile trial's)."""
    read = parse_key_result(text)
    assert_reads(read, direction=direction, form="target", value=value, unit=unit)
    assert any("still to come" in said for said in read.ambiguities)
    assert to_key_result(text).target == value
    # with no level written, it stays a change to come
    assert parse_key_result(text.split(" to ", maxsplit=1)[0]).value is None


@pytest.mark.parametrize(
    "text",
    [
        "Expand sales by X% to 3 new markets",
        "Donate by X% to 3 charities",
        "Cut costs by X% to 30 June",
        "Increase revenue by X% to 25%",
    ],
)
def test_a_change_to_come_and_no_level(text: str) -> None:
    """Where a change still to come goes, a date, or a range of it, is no level it reaches,
    as after a change with its amount written ("by 20% to 3 new markets")."""
    assert_reads(parse_key_result(text), form="change", value=None, measurable=False)


@given(
    st.sampled_from(["Close", "Resolve", "Fix", "Migrate", "Move", "Generate", "Review", "Train",
                     "Retire", "Collect", "Triage", "Clear", "Land", "Hire", "Win", "Remove"]),
    st.integers(2, 9_999),
    st.sampled_from(["open audit findings", "P1 bugs", "support tickets", "privacy requests",
                     "services to Kubernetes", "cron jobs to Airflow 2", "churned customers",
                     "deals in the pipeline", "legacy dashboards", "partner integrations"]),
    st.sampled_from(["all", "all of our", "all the", "all of the", "ALL"]),
)  # fmt: skip
def test_all_of_them_counts_as_the_count_does(
    verb: str, count: int, things: str, between: str
) -> None:
    """ "Close all 14 open findings" reads as "Close 14 open findings" does: a count of all the
    things there are is still the count of things the verb works on (it read "decrease to
    14", the findings' way, and "Resolve all 30 issues" as no output); not "the", whose
    number may size or name ("Close the 500k gap", "Resolve the 404 errors")."""
    plain = parse_key_result(f"{verb} {count:,} {things}")
    every = parse_key_result(f"{verb} {between} {count:,} {things}")
    assert (every.direction, every.form, every.value, every.unit, every.output) == (
        plain.direction,
        plain.form,
        plain.value,
        plain.unit,
        plain.output,
    )


@pytest.mark.parametrize(
    "text", ["Close the 500k gap", "Close our 1.5M funding gap", "Resolve the 40 ticket backlog"]
)
def test_the_number_after_the_sizes(text: str) -> None:
    """A gap or a backlog closed is a level brought down, not a count of things handled."""
    parsed = parse_key_result(text)
    assert (parsed.direction, parsed.output) == (Direction.DECREASE, False)


@pytest.mark.parametrize(
    ("text", "start", "target", "unit"),
    [
        ("Grow revenue 20% ($3M → $3.6M)", 3_000_000, 3_600_000, "$"),
        ("Grow revenue 20% (₩3B to ₩3.6B)", 3e9, 3.6e9, "KRW"),
        ("Cut costs 10% (₹50L → ₹45L)", 5_000_000, 4_500_000, "₹"),
        ("Grow revenue 20% (3M -> 3.6M)", 3_000_000, 3_600_000, None),
    ],
)
def test_a_change_with_its_levels_in_brackets(
    text: str, start: float, target: float, unit: str | None
) -> None:
    """The levels written in brackets after a share are its start and target, and the reading
    says the share is their change (it read a target of 20 % from a start of $3M, the
    brackets' end a condition; "by 20% ($1.2M to $960k)" stays a change by 20 % from $1.2M)."""
    parsed = parse_key_result(text)
    assert (parsed.form, parsed.start, parsed.value, parsed.unit) == ("target", start, target, unit)
    assert len(parsed.ambiguities) == 1
    assert "read as the change from" in parsed.ambiguities[0]


@pytest.mark.parametrize(
    "unit", ["bars", "baud", "mils", "MARS", "TRP", "Mrs", "krs", "mfr.", "MCAD", "B$", "T$",
             "ksh", "gel", "try", "rub", "php", "m", "b", "mm", "Mt", "kt", "bn", "lakh"],
)  # fmt: skip
def test_no_money_in_a_unit_that_only_looks_it(unit: str) -> None:
    """A second hostile trial's: words and units that a scale and a currency's code spell
    ("bars" is no billion pesos, "Mrs" no million rupees, "B$" the Brunei dollar; "gel" and
    "try" in lower case, "ksh" a shell) are no money to `canonical_unit`."""
    named = canonical_unit(unit)
    assert named is None or named in ("m", "mm", "t")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("TRY 3 TIMES to reproduce each bug", 3, "TIMES"),
        ("Run RUB 2 sessions per week", 2, "sessions"),
        ("Run GEL 5 samples per day", 5, "samples"),
        ("Pass 3 GHS audits", 3, "audits"),
        ("Buy 100 AZN shares", 100, "shares"),
        ("Run 10 TRY-outs", 10, "TRY-outs"),
        ("Keep gas price under $3.499 per gallon", 3.499, "$"),  # a price to three places
        ("Hold FX rate at USD 1.125", 1.125, "$"),
        ("Reach $1.250 billion", 1_250_000_000, "$"),
        ("Form 4조 of 5 engineers each", 4, None),
    ],
)
def test_codes_and_dots_that_are_no_money(text: str, value: float, unit: str | None) -> None:
    parsed = parse_key_result(text)
    assert (parsed.value, parsed.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "start", "target"),
    [
        ("Cut rent from 12.500 to 11.000 €", 12_500, 11_000),
        ("Grow revenue from 1.500 € to 2.000 €", 1_500, 2_000),
        ("Reduce cost from 2.000 € to 1.500 €", 2_000, 1_500),
        ("Cut price from $1.5 to $1.000", 1.5, 1),  # a decimal point beside: one too
        ("Cut cost per unit from $1.250 to $0.990", 1.25, 0.99),
    ],
)
def test_a_dot_groups_a_move_s_thousands_at_both_ends(
    text: str, start: float, target: float
) -> None:
    """A move's two ends are written alike: where one's dot groups thousands in money ("11.000
    €"), so does the other's ("12.500"); where one has a decimal point, the other's is one."""
    parsed = parse_key_result(text)
    assert (parsed.start, parsed.value) == (start, target)


class TestDimensionsAreNames:
    """A count of dimensions written with a capital "D" before what it names ("2D canvas", "a
    3D print") names a kind of thing, as "5G" does: no target, no unit (it read
    "GPU-accelerated 2D canvas in a worker" as at least 2, a level others reach); "18d", "2d
    per milestone" and "2D" alone or before a time's noun stay days
    (`TestHostileTrialOfTheSessionsRules`)."""

    @given(
        n=st.sampled_from("234"),
        before=st.sampled_from(["Ship", "GPU-accelerated", "Canvas readback APIs for", "Land"]),
        after=st.sampled_from(["canvas", "rendering in a worker", "models", "printing support"]),
    )
    def test_never_a_number(self, n: str, before: str, after: str) -> None:
        text = f"{before} {n}D {after}"
        parsed = parse_key_result(text)
        assert parsed.value is None
        assert parsed.unit is None
        assert not any(s.label == "value" for s in parsed.spans)

    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            ("Ship 3D printing support to 20 schools", 20, "schools"),
            ("Each web team member devotes 2d per milestone to tech debt", 2, "days"),
            ("Reach 5G coverage in 3 cities", 3, "cities"),
        ],
    )
    def test_other_numbers_stay(self, text: str, value: float | None, unit: str | None) -> None:
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.unit) == (value, unit)

    def test_a_feature_of_the_dimension_is_a_milestone(self) -> None:
        parsed = parse_key_result("commit() flow working for 2D canvas")
        assert parsed.direction is Direction.MILESTONE
        assert parsed.output


class TestThingsGotWhoseHeadHasNoWay:
    """A verb of reaching with no number takes a thing made or gathered when its head has no
    way to be better, though a word before it has ("Generate region-level error-type
    breakdowns queryable from the feed", "Generate churn reports"): a deliverable, done or
    not, the team's own work (it read a cut of errors, or of churn); after a verb of gathering,
    data is such a thing whatever it is on ("Collect data on margin usage", once a rise)."""

    @given(
        verb=st.sampled_from(["Generate", "Collect", "Produce", "Get", "Land"]),
        modifier=st.sampled_from(["churn", "error", "latency", "incident", "region-level error"]),
        head=st.sampled_from(["reports", "breakdowns", "dashboards", "guides"]),
        tail=st.sampled_from(["", " for each region", " queryable from the feed"]),
    )
    def test_a_deliverable(self, verb: str, modifier: str, head: str, tail: str) -> None:
        parsed = parse_key_result(f"{verb} {modifier} {head}{tail}")
        assert parsed.direction is Direction.MILESTONE
        assert parsed.output
        assert not parsed.measurable

    @given(
        verb=st.sampled_from(["Collect", "Gather", "Get", "Obtain"]),
        modifier=st.sampled_from(["churn", "error", "latency", "incident"]),
        head=st.sampled_from(["logs", "data", "feedback", "insights"]),
    )
    def test_a_thing_gathered(self, verb: str, modifier: str, head: str) -> None:
        parsed = parse_key_result(f"{verb} {modifier} {head} from all services")
        assert parsed.direction is Direction.MILESTONE
        assert parsed.output
        assert not parsed.measurable

    @pytest.mark.parametrize(
        ("text", "direction"),
        [
            ("Collect data on percentage margin usage.", Direction.MILESTONE),
            ("Gather evidence on incident response times", Direction.MILESTONE),
            ("Get churn down", Direction.DECREASE),
            ("Get costs lower", Direction.DECREASE),
            ("Get the error rate down", Direction.DECREASE),
            ("Reach latency parity with Chrome", Direction.DECREASE),
            ("Achieve customer satisfaction", Direction.INCREASE),
        ],
    )
    def test_a_metric_stays_one(self, text: str, direction: Direction) -> None:
        assert parse_key_result(text).direction is direction

    def test_the_rules_flag_a_deliverable_not_an_unmeasurable_target(self) -> None:
        """OKR201 called "Collect data on percentage margin usage." unmeasurable; it is a
        deliverable, which OKR203 names."""
        plan = Plan(
            objectives=[
                Objective(
                    id="o",
                    title="Know how margins are used",
                    key_results=[to_key_result("Collect data on percentage margin usage.", id="k")],
                )
            ]
        )
        codes = {d.code for d in validate(plan, RuleConfig(select=["OKR201", "OKR203"]))}
        assert codes == {"OKR203"}


class TestLevelsSetByAReference:
    """A level set by a reference known elsewhere is checkable, done or not: one a change
    goes "to" ("to a level above the last 12 months' peaks", "to below the industry
    average"), or a budget or a plan a verb of holding keeps its metric within ("Keep spend
    under budget"). OKR201 called "Increase search volume for "feedback" to a level above the
    last 12 months' peaks" unmeasurable; a change with no level stays so."""

    @given(
        verb=st.sampled_from(["Increase search volume", "Reduce churn", "Grow ARR", "Cut cost"]),
        to=st.sampled_from(["to a level ", "to ", "to a new level "]),
        bound=st.sampled_from(["above", "below", "beyond", "under"]),
        reference=st.sampled_from(
            ["the last 12 months' peaks", "the industry average", "last year's record",
             "our Q3 baseline", "the median", "the 2024 peak of weekly signups"]
        ),
    )  # fmt: skip
    def test_a_change_to_a_reference(self, verb: str, to: str, bound: str, reference: str) -> None:
        assert done_or_not(f"{verb} {to}{bound} {reference}.")

    @given(
        verb=st.sampled_from(["Keep spend", "Stay", "Keep cloud costs", "Maintain spend"]),
        bound=st.sampled_from(["under", "within", "at", "below"]),
        reference=st.sampled_from(["budget", "plan", "the approved budget", "forecast"]),
        tail=st.sampled_from(["", " for every team", " while growing leads", "."]),
    )
    def test_held_within_a_budget(self, verb: str, bound: str, reference: str, tail: str) -> None:
        assert done_or_not(f"{verb} {bound} {reference}{tail}")
        assert done_or_not(f"{verb} on {reference.rsplit(maxsplit=1)[-1]}{tail}")

    @pytest.mark.parametrize(
        "text",
        ["Improve the onboarding experience", "Reduce costs", "Improve NPS over the next quarter",
         "Grow usage of the baseline tool", "Raise the average order value"],
    )  # fmt: skip
    def test_a_change_with_no_level_is_not(self, text: str) -> None:
        assert not done_or_not(text)


class TestAThingInUseByOneParty:
    """A thing in use by one party named, or at every one of a kind, is adopted there or not:
    checkable with no number ("Peerpad is used at the IPFS All Hands", "go-ipld-prime is
    being used by filecoin", "... is used by every IPFS meeting": OKR201 called them
    unmeasurable); in use by people or teams at large, how many is a level to set."""

    @given(
        thing=st.sampled_from(["Peerpad", "The new SDK", "`go-ipld-prime`", "Our refactors"]),
        be=st.sampled_from(["is", "are", "is being", "is now"]),
        used=st.sampled_from(["used", "adopted", "deployed", "integrated"]),
        where=st.sampled_from(
            ["at the IPFS All Hands", "by filecoin", "by every IPFS meeting", "in production",
             "by Mozilla", "at each release review"]
        ),
    )  # fmt: skip
    def test_done_or_not(self, thing: str, be: str, used: str, where: str) -> None:
        assert done_or_not(f"{thing} {be} {used} {where}")

    @pytest.mark.parametrize(
        "text",
        ["The API is used by customers", "The new GUI is used by most developers",
         "Docs are used by 3 teams", "The design system is adopted by other projects",
         "The portal is used by more enterprise companies"],
    )  # fmt: skip
    def test_by_many_is_a_level(self, text: str) -> None:
        assert not done_or_not(text)


class TestTheThingsACountCounts:
    """The noun a count counts ends before what is said of the things, as real statements
    write it (the unit was "showing", "outside" and "end"): a participle then a verb's -ing
    form with its object or a word of where ("3 blog posts published showing our expertise",
    "20 Polls created outside of Status CC"); and a compound written open with "to" ("100 end
    to end browser test cases") is read past."""

    @given(
        count=st.integers(min_value=2, max_value=999),
        things=st.sampled_from(["blog posts", "polls", "case studies", "nodes"]),
        done=st.sampled_from(["published", "created", "deployed", "shipped"]),
        rest=st.sampled_from(
            ["showing our expertise", "outside of Status CC", "covering our roadmap",
             "worldwide", "around the launch"]
        ),
    )  # fmt: skip
    def test_its_noun(self, count: int, things: str, done: str, rest: str) -> None:
        parsed = parse_key_result(f"{count} {things} {done} {rest}")
        assert (parsed.value, parsed.unit) == (count, things.rsplit(maxsplit=1)[-1])

    @pytest.mark.parametrize(
        ("text", "unit"),
        [
            ("100 end to end browser test cases running successfully in CI", "cases"),
            ("Ship 5 peer to peer features", "features"),
            ("Run 2 workshops covering accessibility", "workshops"),
            ("Hire 2 engineers working on the API", "engineers"),
            ("20 marketing qualified leads", "leads"),  # a participle before its noun
        ],
    )
    def test_worked_examples(self, text: str, unit: str) -> None:
        assert parse_key_result(text).unit == unit


class TestMeetingWithPeople:
    """ "Meet" with people, with only how or how often between, is meetings held, the team's
    own work ("Meet regularly (biweekly) with users and gather feedback" read as a rise of
    something, and OKR201 called it unmeasurable); a count of the people met, or talked to
    face to face, is counted (it read "Talk face to face with 5 partners" as describing a
    deliverable); "Meet SLA targets" still meets a goal."""

    @given(
        verb=st.sampled_from(["Meet", "Talk", "Sync"]),
        how=st.sampled_from(["", " regularly", " face to face", " in person", " (biweekly)"]),
        count=st.integers(min_value=2, max_value=500),
        people=st.sampled_from(["partners", "customers", "users", "maintainers"]),
    )
    def test_the_people_met_are_counted(self, verb: str, how: str, count: int, people: str) -> None:
        parsed = parse_key_result(f"{verb}{how} with {count} {people}")
        assert (parsed.direction, parsed.value, parsed.unit) == (Direction.INCREASE, count, people)
        assert parsed.output

    @pytest.mark.parametrize(
        ("text", "direction", "output"),
        [
            ("Meet regularly (biweekly) with users and gather feedback", Direction.MILESTONE, True),
            ("Meet monthly with each maintainer", Direction.MILESTONE, True),
            ("Meet SLA targets", Direction.INCREASE, False),
            ("Meet our targets with fewer engineers", Direction.INCREASE, False),
            ("Release CodeNet with one challenge", Direction.MILESTONE, True),
        ],
    )
    def test_worked_examples(self, text: str, direction: Direction, output: bool) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.output) == (direction, output)


class TestASumToCome:
    """A placeholder after a currency's sign is a sum to come in that currency ("$N net new
    ARR", "CAC Revenue Ratio < $X", "Close $XM in pipeline": it had no unit, and "$XM" was no
    placeholder at all); one in a link's text or an emphasis ("[$N](...)", "[_$N_]") names a
    figure kept elsewhere, as the corpus reads it."""

    @given(
        sign=st.sampled_from(sorted(SIGN_UNITS)),
        ph=st.sampled_from(["N", "X", "XM", "X.XM", "NK", "XB"]),
        before=st.sampled_from(["Reach ", "Close ", "< ", "Grow ARR to "]),
    )
    def test_its_unit_is_the_sign_s(self, sign: str, ph: str, before: str) -> None:
        parsed = parse_key_result(f"{before}{sign}{ph} in net new ARR")
        assert (parsed.value, parsed.unit, parsed.measurable) == (None, SIGN_UNITS[sign], False)

    @pytest.mark.parametrize(
        ("text", "unit"),
        [
            ("Reach X% conversion", "%"),
            ("Reach N users", None),
            ("Reach [$N](https://example.org/plan) net new ARR", None),
            ("Reach [_$N_] in expansion IARR", None),
        ],
    )
    def test_other_placeholders(self, text: str, unit: str | None) -> None:
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.unit) == (None, unit)


class TestHostileTrialOfTheSessionsRules:
    """A hostile trial of this session's first forms of five rules found them too broad; each
    of these read as at the session's start again (`TestThingsGotWhoseHeadHasNoWay`,
    `TestLevelsSetByAReference`, `TestAThingInUseByOneParty`, `TestTheThingsACountCounts`,
    `TestDimensionsAreNames`)."""

    @pytest.mark.parametrize(
        "text",
        ["Drive strong adoption across teams", "Achieve lower churn among SMB accounts",
         "Get churn numbers down significantly", "Get conversion rates up significantly",
         "Drive cost savings", "Capture revenue synergies", "Hit sales quota",
         "Beat quarterly revenue projections", "Meet availability SLOs", "Get quality leads",
         "Get more feedback from users", "Collect higher quality data",
         "Drive retention improvements", "Generate revenue opportunities"],
    )  # fmt: skip
    def test_a_metric_reached_is_no_thing_made(self, text: str) -> None:
        parsed = parse_key_result(text)
        assert parsed.direction is not Direction.MILESTONE
        assert not parsed.output

    @pytest.mark.parametrize(
        "text",
        ["Improve latency under peak load", "Maintain availability above peak demand",
         "Increase signups under the new pricing plan", "Grow usage within the Pro plan",
         "Reduce costs over the forecast period", "Improve data quality over the forecast horizon",
         "Improve the onboarding flow within the agreed budget",
         "Reduce cloud costs while staying within budget",
         "Increase the number of projects delivered under budget",
         "Increase the number of students scoring above the national average",
         "Improve search within medical records",
         "Reduce the memory that is used by the search indexer",
         "Lower the disk space being used by logs",
         "Improve the accuracy of the models that are used in fraud detection",
         "The new onboarding flow is used by new hires", "Our API is used by the community",
         "Our templates are used by SMBs", "The SDK is used in more apps",
         "The linter is used in the majority of repos", "Improve how data is used in planning"],
    )  # fmt: skip
    def test_still_unmeasurable(self, text: str) -> None:
        assert not done_or_not(text)

    @pytest.mark.parametrize(
        ("text", "unit"),
        [
            ("Launch 5 data driven marketing campaigns", "campaigns"),
            ("Deliver 4 instructor led training sessions", "sessions"),
            ("Roll out 2 AI assisted coding tools", "tools"),
            ("Host 1 customer meeting every month", "meeting"),
            ("Hold 1 planning meeting each sprint", "meeting"),
            ("Conduct 1 security training every quarter", "training"),
            ("3 blog posts published showing the roadmap", "posts"),  # after a participle
        ],
    )
    def test_a_noun_in_ing_is_no_predicate(self, text: str, unit: str) -> None:
        assert parse_key_result(text).unit == unit

    @pytest.mark.parametrize(
        ("text", "start", "value"),
        [
            ("Reduce our average lead time from 4D to 2D", 4, 2),
            ("Reduce cycle time to 4D", None, 4),
            ("Hit 2D turnaround on all RFQs", None, 2),
            ("Keep stock outs under 2D per month", None, 2),
            ("Keep payroll processing within 3D of month end", None, 3),
        ],
    )
    def test_days_written_with_a_capital(
        self, text: str, start: float | None, value: float
    ) -> None:
        parsed = parse_key_result(text)
        assert (parsed.start, parsed.value) == (start, value)


class TestWorkInASentenceOfItsOwn:
    """After "Improve X.", a sentence that opens on a verb's base form with an object is the
    work that makes it better, done or not, though the verb is mostly a noun ("Improve
    campaign tracking. Track UTM values in Salesforce", "Improve search for new users. Change
    default from regex to literal search": OKR201 called both unmeasurable); not a sentence
    that opens on a noun ("Change is hard", "Track record of fewer bugs")."""

    @given(
        goal=st.sampled_from(["Improve campaign tracking.", "Search: Improve search for users.",
                              "Improve onboarding."]),
        verb=st.sampled_from(["Track", "Change", "Switch", "Map", "Log", "Validate"]),
        rest=st.sampled_from(["UTM values in Salesforce", "default from regex to literal search",
                              "every signup", "our funnel events"]),
    )  # fmt: skip
    def test_done_or_not(self, goal: str, verb: str, rest: str) -> None:
        assert done_or_not(f"{goal} {verb} {rest}.")

    @pytest.mark.parametrize(
        "text",
        ["Improve retention. Change is hard.", "Improve quality. Track record of fewer bugs.",
         "Increase revenue. Grow ARR.", "Better quality. Users love it.",
         "Improve NPS. Add 200 paying customers.", "Improve onboarding. track everything."],
    )  # fmt: skip
    def test_not_work(self, text: str) -> None:
        assert not done_or_not(text)


class TestSecondHostileTrialOfTheSessionsRules:
    """A second hostile trial, of the rules as the first left them, found more they reached
    too far; each of these reads as at the session's start again."""

    @pytest.mark.parametrize(
        "text",
        ["Get flaky tests down", "Get failing tests under control", "Get bug reports down",
         "Drive flaky tests out of the suite", "Drive sales meetings with enterprise buyers"],
    )  # fmt: skip
    def test_things_moved_are_no_things_made(self, text: str) -> None:
        parsed = parse_key_result(text)
        assert parsed.direction is not Direction.MILESTONE
        assert not parsed.output

    @pytest.mark.parametrize(
        ("text", "unit"),
        [
            ("Train 20 newly hired inside sales reps", "reps"),
            ("Organize 4 company sponsored outside events", "events"),
            ("Complete 1 security training our auditors require", "training"),
            ("Host 1 customer meeting our CSMs lead", "meeting"),
            ("Migrate 30 apps to apps platform", "apps"),
        ],
    )
    def test_the_count_s_noun(self, text: str, unit: str) -> None:
        assert parse_key_result(text).unit == unit

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("Lead time: 3D", 3),
            ("Keep median time to merge below 2D", 2),
            ("Average onboarding time of 3D", 3),
            ("Ship orders 2D after purchase", 2),
            ("Approve requests in 2D or less", 2),
        ],
    )
    def test_days_written_with_a_capital(self, text: str, value: float) -> None:
        assert parse_key_result(text).value == value

    @pytest.mark.parametrize(
        "text",
        ["The platform is used by top-tier banks", "The device is used in clinics",
         "The library is used in production workloads", "The dashboard is used by executives",
         "The feature is used by a growing number of customers",
         "The product is being used at scale", "Our templates are used by SMBs",
         "Keep enterprise customers on the annual plan", "Keep existing customers on plan",
         "Keep customers within their plan", "Keep customers under the forecast"],
    )  # fmt: skip
    def test_still_unmeasurable(self, text: str) -> None:
        assert not done_or_not(text)

    @pytest.mark.parametrize(
        ("text", "direction"),
        [
            ("Launch publicly with 10 integrations", Direction.MILESTONE),
            ("Release early with 2 languages", Direction.MILESTONE),
        ],
    )
    def test_things_with_a_deliverable_describe_it(self, text: str, direction: Direction) -> None:
        assert parse_key_result(text).direction is direction

    @pytest.mark.parametrize(
        "text",
        ["Migrate $X service to Kubernetes", "Replace $X with a config value",
         "Support $N placeholders in templates"],
    )  # fmt: skip
    def test_a_template_s_variable_is_no_money(self, text: str) -> None:
        assert parse_key_result(text).unit != "$"


class TestANewcomersTrialOfTheSession:
    """A newcomer's trial: "Generate weekly churn reports for each region" read as a cut of
    churn, the frequency before the noun ending the thing's phrase."""

    @pytest.mark.parametrize(
        "text",
        ["Generate weekly churn reports for each region", "Produce monthly error dashboards",
         "Collect daily latency logs from all services"],
    )  # fmt: skip
    def test_how_often_before_the_thing(self, text: str) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.output) == (Direction.MILESTONE, True)


class TestWorkDoneOnTheThingsCounted:
    """A count of things, then "done", "sent", "built", "run" or "held" (the past
    participles of work that end neither in -ed nor -en), is the team's own work, as "12
    case studies published" is ("100 code reviews done" read as a level held), and so are
    people a team took on, "ramped" ("6 outbound SDRs ramped"). Not what others build on a
    platform or with the team's own ("3,000 smart contracts deployed on mainnet", "20 Polls
    created outside of Status CC" read as work), nor money. A first form took the participle
    of any verb WordNet knows ("4 nodes provisioned"): two hostile trials found it read what
    befalls things or what customers do as work ("7 incidents occurred", "30 accounts
    activated", "120 orders placed"), and it was left out."""

    @given(
        count=st.integers(min_value=1, max_value=999),
        things=st.sampled_from(["code reviews", "case studies", "workshops", "integrations",
                                "items", "proposals"]),
        aux=st.sampled_from(["", "are ", "were "]),
        done=st.sampled_from(["done", "built", "run", "sent", "held"]),
        rest=st.sampled_from(["", " this quarter", " for the team", " per month"]),
    )  # fmt: skip
    def test_things_worked_on_go_up(
        self, count: int, things: str, aux: str, done: str, rest: str
    ) -> None:
        parsed = parse_key_result(f"{count} {things} {aux}{done}{rest}")
        assert (parsed.direction, parsed.value, parsed.output) == (Direction.INCREASE, count, True)

    @given(
        count=st.integers(min_value=1, max_value=999),
        verb=st.sampled_from(["built", "created", "deployed", "developed"]),
        where=st.sampled_from(["on the platform", "outside of Status", "using our SDK",
                               "on mainnet", "with our API"]),
    )  # fmt: skip
    def test_what_others_build_with_ours_is_theirs(self, count: int, verb: str, where: str) -> None:
        parsed = parse_key_result(f"{count} apps {verb} {where}")
        assert (parsed.direction, parsed.output) == (Direction.AT_LEAST, False)

    @pytest.mark.parametrize(
        ("text", "direction", "output"),
        [
            ("6 outbound SDRs ramped", Direction.INCREASE, True),
            ("Pipeline: 300 qualified candidates sourced for GTM roles", Direction.INCREASE, True),
            ("4 prototypes built with Figma", Direction.INCREASE, True),
            ("10 React components created with 100% test coverage", Direction.INCREASE, True),
            ("40 complaints filed", Direction.AT_MOST, False),
            ("150 builders involved in the creation of the framework", Direction.AT_LEAST, False),
            ("7 incidents occurred in Q2", Direction.AT_MOST, False),
            ("30 accounts activated in the first week", Direction.AT_LEAST, False),
            ("10 confirmed decisions made from completed experiments", Direction.AT_LEAST, False),
            ("Have $150k in Work Done", Direction.AT_LEAST, False),
        ],
    )
    def test_worked_examples(self, text: str, direction: Direction, output: bool) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.output) == (direction, output)


class TestAVersionAnUpgradeGoesTo:
    """A thing named in capitals right after "to", then a small number and nothing it
    counts, after a verb of upgrading or migrating, is the version it goes to, a name: the
    statement is a deliverable ("upgrade to Mailman 3 or retire it" read as a rise to 3, as
    "Upgrade LLVM to 17" was already read as a version); not a metric's name ("Move to NPS
    50"), a count of things ("Migrate 3 services to Kubernetes") or a large number."""

    @given(
        verb=st.sampled_from(["Upgrade", "upgrade", "Migrate", "migrate", "Update"]),
        name=st.sampled_from(["Mailman", "Icinga", "Gitaly", "Discourse", "Keycloak", "Vault"]),
        version=st.integers(min_value=1, max_value=99),
        rest=st.sampled_from(["", " or retire it", " (or drop it)", " by Q3", ", no downtime"]),
    )  # fmt: skip
    def test_the_version_is_a_name(self, verb: str, name: str, version: int, rest: str) -> None:
        parsed = parse_key_result(f"{verb} to {name} {version}{rest}")
        assert (parsed.direction, parsed.value, parsed.output) == (Direction.MILESTONE, None, True)

    @pytest.mark.parametrize(
        ("text", "direction", "value"),
        [
            ("migrate to Prometheus for monitoring (or upgrade to Inciga 2)", Direction.MILESTONE,
             None),
            ("Move to NPS 50", Direction.INCREASE, 50),
            ("Migrate 3 services to Kubernetes", Direction.INCREASE, 3),
            ("Move to Tier 2 support for 40 accounts", Direction.INCREASE, 40),
            ("Upgrade to Mailman 300", Direction.INCREASE, 300),
        ],
    )  # fmt: skip
    def test_worked_examples(self, text: str, direction: Direction, value: float | None) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value) == (direction, value)


class TestAHalfMore:
    """ "N and a half" is N.5 (it read N and dropped the half: "Core community sentiment
    bigger than 11 and a half NPS" read 11), with the unit, scale or "percent" after it."""

    @given(
        whole=st.integers(min_value=1, max_value=999),
        unit=st.sampled_from([("days", "days"), ("weeks", "weeks"), ("stars", "stars"),
                              ("percent", "%"), ("hours", "h")]),
    )  # fmt: skip
    def test_a_half_is_added(self, whole: int, unit: tuple[str, str]) -> None:
        parsed = parse_key_result(f"Keep it at most {whole} and a half {unit[0]}")
        assert (parsed.value, parsed.unit) == (whole + 0.5, unit[1])

    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            ("Core community sentiment bigger than 11 and a half NPS", 11.5, None),
            ("Grow to one and a half million users", 1_500_000, "users"),
            ("Cut lead time to 2 and a half days", 2.5, "days"),
        ],
    )
    def test_worked_examples(self, text: str, value: float, unit: str | None) -> None:
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.unit) == (value, unit)


class TestATimeLimitWrittenWithAHyphenOrASign:
    """A time limit written with a hyphen, or after a sign of a bound and a blank, is the
    limit when it is all the statement gives ("7-day SLA for triaging all incoming bugs" and
    "Target < 1 day EOM close." read as deliverables with no number); a span before a noun
    stays a bucket's name where another number follows ("> 90 day AR below $50k")."""

    @given(
        n=st.integers(min_value=1, max_value=99),
        span=st.sampled_from([("hour", "h"), ("day", "days"), ("week", "weeks")]),
        rest=st.sampled_from(["", " for triaging all incoming bugs", " on fixing crashers"]),
    )
    def test_a_service_level_alone(self, n: int, span: tuple[str, str], rest: str) -> None:
        parsed = parse_key_result(f"{n}-{span[0]} SLA{rest}")
        assert (parsed.direction, parsed.value, parsed.unit) == (Direction.AT_MOST, n, span[1])

    @given(
        sign=st.sampled_from(["<", "≤", "under"]),
        n=st.integers(min_value=1, max_value=99),
        noun=st.sampled_from(["close", "EOM close", "turnaround", "lead time"]),
    )
    def test_after_a_bound(self, sign: str, n: int, noun: str) -> None:
        parsed = parse_key_result(f"Target {sign} {n} day {noun}")
        assert (parsed.direction, parsed.value, parsed.unit) == (Direction.AT_MOST, n, "days")

    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            ("> 90 day AR below $50k", 50_000, "$"),
            ("Churn among > 12 month customers below 2%", 2, "%"),
            ("Cut it to 3-day turnaround", 3, "days"),
            ("Improve 30-day retention to 40%", 40, "%"),
            ("Run 3 day-long workshops", 3, "workshops"),
        ],
    )
    def test_worked_examples(self, text: str, value: float, unit: str) -> None:
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.unit) == (value, unit)


class TestASubjectThatImproves:
    """ "X improves", its subject first and no number, is "Improve X": a change sought, up or
    down as the metric is better ("Completion rate improves" read as a deliverable, "Completion
    rate of form improves" as a level held); the base form after a pronoun is no subject's
    verb ("Helps us improve workshops by asking for feedback" stays work)."""

    @given(
        metric=st.sampled_from(["Completion rate", "NPS", "Customer satisfaction",
                                "Completion rate of the form", "Our activation rate"]),
        rest=st.sampled_from(["", " over the quarter", " month over month", "."]),
    )  # fmt: skip
    def test_up_for_a_metric_better_high(self, metric: str, rest: str) -> None:
        parsed = parse_key_result(f"{metric} improves{rest}")
        assert (parsed.direction, parsed.measurable, parsed.output) == (
            Direction.INCREASE,
            False,
            False,
        )

    @pytest.mark.parametrize(
        ("text", "direction", "output"),
        [
            ("Page load time improves", Direction.DECREASE, False),
            ("Completion rate improves to 80%", Direction.INCREASE, False),
            ("Helps us improve workshops by asking for feedback", Direction.MILESTONE, True),
        ],
    )
    def test_worked_examples(self, text: str, direction: Direction, output: bool) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.output) == (direction, output)


class TestASelectionBySuperlative:
    """A number before "most ..." or a superlative, after "of", "of the", "among our" and
    the like, picks out the population a share or a part is taken of, as "top 10" names one
    (D7): a name, no amount ("Percent of 100 most populous cities ... using .gov domains
    increases" read 100 cities as its target); after a verb of work it counts the things
    worked on ("Fix the 20 oldest bugs", as a hostile trial of a first form found)."""

    @given(
        n=st.integers(min_value=2, max_value=999),
        lead=st.sampled_from(["of the", "of our", "among the", "among our"]),
        best=st.sampled_from(["largest", "most populous", "biggest", "most active", "busiest"]),
    )
    def test_never_the_value(self, n: int, lead: str, best: str) -> None:
        parsed = parse_key_result(f"Increase adoption among {lead} {n} {best} accounts to 60%")
        assert (parsed.value, parsed.unit) == (60, "%")
        bare = parse_key_result(f"Percent of {n} {best} cities using .gov domains increases")
        assert bare.value is None

    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            ("Fix 10 most-voted bugs", 10, "bugs"),
            ("Onboard 5 of the 10 largest banks", 5, "banks"),
            ("Fix the 10 most common errors", 10, "errors"),
        ],
    )
    def test_worked_examples(self, text: str, value: float | None, unit: str | None) -> None:
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.unit) == (value, unit)


class TestABatchADayOfAMonthAndASecondVerbsPeople:
    """Three families of the eleventh batch: "batch N" names a cohort, as "cohort N" does,
       even leading ("Batch 9 graduates placed in jobs: 90%"; a hostile trial found a first
       form's verb "Batch 20 requests" read those as counts)
    (the objective "Run batch 5 admissions" carried no number, OKR102 said it did); "by the
       25th of June" is a deadline, as "by 25th June" was ("Portal for batch 5 is up by the
       25th of June." read as a rise of 25); and people "with" whom a second verb after "and"
       works are counted ("Identify and partner with 4 researchers" read as describing a
       deliverable), unless that verb puts a thing out ("Build and ship with 3 engineers")."""

    @given(n=st.integers(min_value=1, max_value=99), lead=st.sampled_from(["batch", "Batch"]))
    def test_a_batch_is_named(self, n: int, lead: str) -> None:
        parsed = parse_key_result(f"Portal for {lead} {n} is up")
        assert parsed.value is None
        assert not parse_objective(f"Run {lead.lower()} {n} admissions smoothly").numeric

    @given(
        day=st.integers(min_value=1, max_value=28),
        month=st.sampled_from(["June", "March", "Sept", "December"]),
        ordinal=st.sampled_from(["st", "nd", "th", ""]),
    )
    def test_the_day_of_a_month_is_a_deadline(self, day: int, month: str, ordinal: str) -> None:
        parsed = parse_key_result(f"Grow signups to 500 by the {day}{ordinal} of {month}")
        assert (parsed.value, parsed.deadline) == (500, f"by the {day}{ordinal} of {month}")

    @pytest.mark.parametrize(
        ("text", "direction", "value"),
        [
            ("Identify and partner with 4 researchers", Direction.INCREASE, 4),
            ("Find and collaborate with 6 maintainers", Direction.INCREASE, 6),
            ("Build and ship with 3 engineers", Direction.MILESTONE, None),
            ("Batch 20 requests per call", Direction.MILESTONE, None),
            ("Issue 5 refunds", Direction.INCREASE, 5),
            ("Portal for batch 5 is up by the 25th of June.", Direction.MILESTONE, None),
        ],
    )
    def test_worked_examples(self, text: str, direction: Direction, value: float | None) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value) == (direction, value)


class TestOneOnOnesWrittenOtherwise:
    """One-on-ones written "1-1", "1on1" or "1 on 1" are names, as "1:1" is ("Get direct 1-1
    feedback from every person on the team" read as a band from 1 to 1 feedback)."""

    @given(
        written=st.sampled_from(["1-1", "1:1", "1on1", "1 on 1"]),
        text=st.sampled_from(["Get direct {} feedback from every person on the team",
                              "Hold {}s with each direct report monthly",
                              "Run monthly {} meetings with the whole team"]),
    )  # fmt: skip
    def test_no_amount(self, written: str, text: str) -> None:
        parsed = parse_key_result(text.format(written))
        assert (parsed.value, parsed.upper) == (None, None)

    def test_a_count_of_them_is_counted(self) -> None:
        parsed = parse_key_result("Run 12 1-1 sessions")
        assert (parsed.value, parsed.unit) == (12, "sessions")


class TestAChoiceToMakeAndAThingToHave:
    """ "TBD whether/which/if ..." is a choice still to make, no number to come ("Create a
    forum (tbd whether it's slack, mailing list, or others) for influencers." read as a
    target to come, and OKR201 called it unmeasurable); and "Make sure we have a ..." is a
    thing to have in place, read as the words after "have" are ("Make sure we have a good
    plan to deal with any s174 tax implications" read as a level held: a deliverable)."""

    @given(
        word=st.sampled_from(["tbd", "TBD", "TBC"]),
        then=st.sampled_from(["whether", "which", "if", "how"]),
    )
    def test_a_choice_is_no_number(self, word: str, then: str) -> None:
        parsed = parse_key_result(f"Create a forum ({word} {then} it's slack or a mailing list)")
        assert (parsed.direction, parsed.form, parsed.output) == (Direction.MILESTONE, None, True)

    @given(
        lead=st.sampled_from(["Make sure we have", "Ensure we have", "Ensure that the team has",
                              "Make certain our team has"]),
        thing=st.sampled_from(["a good plan to deal with tax changes",
                               "a clear framework for support enquiries",
                               "a documented incident process", "an on-call rotation"]),
    )  # fmt: skip
    def test_a_thing_to_have_is_a_deliverable(self, lead: str, thing: str) -> None:
        parsed = parse_key_result(f"{lead} {thing}")
        assert (parsed.direction, parsed.output) == (Direction.MILESTONE, True)
        assert parsed.metric is not None
        assert not parsed.metric.lower().startswith(("make", "ensure"))

    @pytest.mark.parametrize(
        ("text", "direction", "value"),
        [
            ("Grow revenue to TBD", Direction.INCREASE, None),
            ("Ensure we have a healthy pipeline", Direction.AT_LEAST, None),
            ("Make sure we have 3 months of runway", Direction.AT_LEAST, 3),
            ("Ensure no patient waits more than 18 weeks", Direction.AT_MOST, 0),
        ],
    )
    def test_worked_examples(self, text: str, direction: Direction, value: float | None) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value) == (direction, value)


class TestHostileTrialOfTheSessionsRulesOfWorkAndSelections:
    """Two hostile trials of this session's first forms (1,008 and 615 statements, old reader
    against new) found many read worse; each family is narrowed or left out, and pinned
    here: what befalls things or what others do is no work done ("7 incidents occurred", "4
    laptops stolen"); things a team makes with a tool are its own ("4 prototypes built with
    Figma"), what others build with ours is theirs; a selection by a superlative after a
    verb of work, or a partitive's ("each of the 5 ..."), is counted; "X improves" with
    another number elsewhere is no "Improve X"; a span after a sign of a bound is a limit
    only before a time taken, with no number after ("> 30 day retention" is a window,
    "Orders with > 2 day delivery down 30%" a filter); "1-1.5 seconds" is a band, not a
    one-on-one; "batch 500 records" is a size; "TBD" after "to" is a target's slot; a
    second verb's "with" counts people only for verbs done with them ("partner with", not
    "fix with only 2 devs")."""

    @pytest.mark.parametrize(
        ("text", "direction", "value", "output"),
        [
            ("7 incidents occurred in Q2", Direction.AT_MOST, 7, False),
            ("4 laptops stolen", Direction.AT_LEAST, 4, False),
            ("2 certificates expired", Direction.AT_LEAST, 2, False),
            ("5 deadlines missed", Direction.AT_LEAST, 5, False),
            ("8 jobs timed out", Direction.AT_LEAST, 8, False),
            ("3 lawsuits filed against us", Direction.AT_LEAST, 3, False),
            ("7 servers unpatched", Direction.AT_LEAST, 7, False),
            ("3 orders mis-shipped", Direction.AT_LEAST, 3, False),
            ("6 contracts auto-renewed", Direction.AT_LEAST, 6, False),
            ("Migrate all of our 10 busiest services to Kubernetes", Direction.INCREASE, 10, True),
            ("Ship each of the 5 most requested features", Direction.INCREASE, 5, True),
            ("Orders with > 2 day delivery down 30%", Direction.DECREASE, 30, False),
            ("Page load 1-1.5 seconds on 4G", Direction.WITHIN, 1, False),
            ("Grow ARR to $1-1.2M", Direction.WITHIN, 1_000_000, False),
            ("Run batch 500 records per minute through the new ETL", Direction.INCREASE, 500, True),
            ("Reduce churn to TBD when we have the Q1 baseline", Direction.DECREASE, None, False),
            ("Make sure we have a positive cash flow every month", Direction.AT_LEAST, None, False),
            ("Prioritise and fix with only 2 devs", Direction.MILESTONE, None, True),
            ("4 prototypes built with Figma", Direction.INCREASE, 4, True),
            ("20 workflows created in Retool", Direction.INCREASE, 20, True),
            ("25 integrations built using our SDK", Direction.AT_LEAST, 25, False),
            ("50 apps built on the platform", Direction.AT_LEAST, 50, False),
            ("Fix the 20 oldest bugs in the backlog", Direction.INCREASE, 20, True),
            ("Renew the 10 largest customers", Direction.INCREASE, 10, False),
            ("Achieve a rating of 4 best in class", Direction.INCREASE, 4, False),
            (
                "Deploy frequency improves while change failure rate stays under 15%",
                Direction.AT_MOST,
                15,
                False,
            ),
            ("Grow > 30 day retention", Direction.INCREASE, None, False),
            ("Track > 90 day AR weekly", Direction.MILESTONE, None, True),
            ("< 4 hour turnaround on PR reviews", Direction.AT_MOST, 4, False),
        ],
    )
    def test_readings(
        self, text: str, direction: Direction, value: float | None, output: bool
    ) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value, parsed.output) == (direction, value, output)


class TestANewcomersTrialAndTheEleventhBatch:
    """A goal or plan is reached only as a verb of reaching's object, not after "on" or
    "for" ("Reach (data-driven) consensus on plan for touch scrolling" read as a goal met:
    a consensus reached is a finished state); "Ramp 6 new SDRs" is the team's own work, as
    "6 SDRs ramped" is (a newcomer found the two read apart); "Make sure we have a clear
    on-call process" says what it was read as, not "no verb"."""

    @pytest.mark.parametrize(
        ("text", "direction", "output"),
        [
            ("Reach (data-driven) consensus on plan for touch scrolling intervention",
             Direction.MILESTONE, True),
            ("Reach agreement on the hiring plan", Direction.MILESTONE, True),
            ("Meet Marketing Qualified Lead (MQL) and First Order SAO goals.",
             Direction.INCREASE, False),
            ("Hit the revenue plan", Direction.INCREASE, False),
            ("Ramp 6 new SDRs", Direction.INCREASE, True),
            ("Ramp up 4 AEs", Direction.INCREASE, True),
            ("Ramp spend to $2M", Direction.INCREASE, False),
            ("Ramp MQLs by 20%", Direction.INCREASE, False),
        ],
    )  # fmt: skip
    def test_readings(self, text: str, direction: Direction, output: bool) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.output) == (direction, output)

    @pytest.mark.parametrize(
        ("text", "what"),
        [
            ("Make sure we have a clear on-call process", "a deliverable, done or not"),
            ("Ensure we have a healthy pipeline", "a metric's level to hold"),
        ],
    )
    def test_what_a_thing_to_have_was_read_as(self, text: str, what: str) -> None:
        (said,) = parse_key_result(text).ambiguities
        assert said.endswith(f"with no number: read as what is to be had, {what}")


class TestALabelWithDigitsIsNoMetric:
    """A label that carries digits before a statement with no verb ("KR1: 25 workspaces
    activated per week") is no part of its metric, which named the label ("KR1")."""

    @given(n=st.integers(min_value=1, max_value=9), count=st.integers(min_value=2, max_value=500))
    def test_the_metric_is_what_is_counted(self, n: int, count: int) -> None:
        parsed = parse_key_result(f"KR{n}: {count} workspaces activated per week")
        assert parsed.metric == "workspaces"


class TestABoundsWordIsNoMetric:
    """The words of a bound before "than" name no metric ("Fewer than 3 Sev-1 incidents per
    quarter" named its metric "Fewer", a newcomer's trial found): the things after the
    number are."""

    @given(
        bound=st.sampled_from(["Fewer", "Less", "More", "No more", "Greater"]),
        n=st.integers(min_value=1, max_value=999),
        things=st.sampled_from(["Sev-1 incidents", "paying customers", "pages a night"]),
    )
    def test_the_metric_follows_the_number(self, bound: str, n: int, things: str) -> None:
        parsed = parse_key_result(f"{bound} than {n} {things}")
        assert parsed.metric is not None
        assert parsed.metric.lower() not in ("fewer", "less", "more", "no more", "greater")


class TestFinanceLegalItAndEducationTrial:
    """What a trial of 150 key results of finance, legal and compliance, IT helpdesk and
    education teams (141 read fully right, 2026-12-07) found read plainly wrong, fixed and
    pinned."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # "time to <verb>" names a time taken, no clause of its own: a verb of holding
            # before it holds a ceiling (it read down, from the clause's verb)
            (
                "Keep time to resolve incidents under 4 hours",
                {"direction": Direction.AT_MOST, "value": 4.0, "unit": "h"},
            ),
            (
                "Keep mean time to close a compliance investigation under 45 days",
                {"direction": Direction.AT_MOST, "value": 45.0, "unit": "days"},
            ),
            # "Fall" before a noun or a year is a season, no verb of change (it read down)
            (
                "Fall enrolment of 2,400 first-year students",
                {"direction": Direction.AT_LEAST, "value": 2400.0, "unit": "students"},
            ),
            ("Fall semester retention of 85%", {"direction": Direction.AT_LEAST, "value": 85.0}),
            ("Fall 2026 intake of 300 students", {"direction": Direction.AT_LEAST}),
            ("Churn should fall to 2%", {"direction": Direction.DECREASE, "value": 2.0}),
            ("Fall below 3% churn", {"direction": Direction.DECREASE, "value": 3.0}),
            # a school's year is a name, as a grade is (it read a target of 11)
            ("Improve attendance in Year 11", {"value": None, "measurable": False}),
            ("Raise attendance in Year 7", {"value": None, "measurable": False}),
            ("Reduce year 2 churn to 5%", {"direction": Direction.DECREASE, "value": 5.0}),
            ("Reach 95% attendance in year 7 by June", {"value": 95.0, "unit": "%"}),
            # the things counted, not a word said of them after ("rated high" was the unit)
            ("No audit findings rated high", {"value": 0.0, "unit": "findings"}),
            ("No findings rated high or critical", {"unit": "findings"}),
            ("Zero complaints escalated externally", {"unit": "complaints"}),
            ("500 marketing qualified leads", {"unit": "leads"}),
            # an acronym joined by "&" is one word ("FP&A analysts" counted "FP")
            ("Hire 2 senior FP&A analysts", {"value": 2.0, "unit": "analysts"}),
            ("Close 4 M&A deals", {"unit": "deals"}),
            # money raised, said by a label, is work as "$1.2M raised" is (D2)
            (
                "Scholarship funding raised: £2.5 million",
                {"direction": Direction.INCREASE, "value": 2.5e6, "output": True},
            ),
            ("Funds raised: $1.2M", {"direction": Direction.INCREASE, "output": True}),
            ("Prices raised: $10", {"output": False}),  # a price, no money raised
        ],
    )
    def test_readings(self, text: str, expected: dict[str, object]) -> None:
        assert_reads(parse_key_result(text), **expected)

    def test_a_verb_of_work_before_a_time_taken_reads_as_before(self) -> None:
        """A second hostile trial's: "time to <verb>" after a verb of work is read as before
        (its clause's verb governs), not as work counted in hours."""
        for text in (
            "Deliver average time to resolve under 2 hours",
            "Ship average time to answer under 30 seconds",
        ):
            parsed = parse_key_result(text)
            assert (parsed.direction, parsed.output) == (Direction.DECREASE, False)

    def test_time_to_close_names_the_metric(self) -> None:
        parsed = parse_key_result("Reduce the time to close a deal to 30 days")
        assert (parsed.metric, parsed.value) == ("time to close a deal", 30.0)
        # (a purpose after "time to" is none: "Cut lead time to ship faster")
        assert parse_key_result("Cut mean time to ship faster").metric == "mean time"


class TestHrHealthNonprofitAndGamesTrial:
    """What a trial of 150 key results of HR, hospital, non-profit and game studio teams (132
    read right, 2026-12-07) found read plainly wrong, fixed and pinned."""

    @pytest.mark.parametrize(
        ("text", "direction", "value", "start"),
        [
            # what a label's metric is per does not make its first word a verb of work (the
            # arrow's pair was lost: a target of 8)
            ("Training hours per nurse: 8 → 16", Direction.INCREASE, 16.0, 8.0),
            ("Coaching sessions per manager: 2 → 4", Direction.INCREASE, 4.0, 2.0),
            ("Training hours per nurse per year: 8 → 16", Direction.INCREASE, 16.0, 8.0),
            ("Training hours / nurse: 8 → 16", Direction.INCREASE, 16.0, 8.0),
            # hours given to learning or to others go the way their numbers do (they read as
            # time taken: at most 10, met on day one), up or down
            ("Mentoring hours per new hire 4h -> 10h", Direction.INCREASE, 10.0, 4.0),
            ("CPD hours per nurse: 8 → 16 hours", Direction.INCREASE, 16.0, 8.0),
            ("Mandatory training hours per nurse: 30h → 20h", Direction.DECREASE, 20.0, 30.0),
            ("Training days to competency: 30 → 20", Direction.DECREASE, 20.0, 30.0),
            ("Training time 10 days", Direction.AT_MOST, 10.0, None),  # time a training takes
        ],
    )
    def test_per_labels_and_hours_given(
        self, text: str, direction: Direction, value: float, start: float | None
    ) -> None:
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.value, parsed.start) == (direction, value, start)

    @pytest.mark.parametrize("text", ["Reviews 90% positive", "Surveys 85% favourable"])
    def test_a_share_of_a_quality_after_a_plural_is_no_work(self, text: str) -> None:
        """A plural that is also a verb's -s form, then a share of a quality: the things,
        not work done on them (it read an increase of reviewing)."""
        parsed = parse_key_result(text)
        assert (parsed.direction, parsed.output) == (Direction.AT_LEAST, False)
        assert parse_key_result("Hires 5 engineers").output  # (a verb with its object)

    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            ("Hire 5 engineers on 3 teams", 5.0, "engineers"),
            ("Ship 3 features on 1 July", 3.0, "features"),
            # (a first form read a pair with a slash, or a day, after "on" as a date)
            ("Pass audits on 9/10 sites", 9.0, "sites"),
            ("Handle 500 calls on 24/7 hotline by Q3", 500.0, "calls"),
            ("Sell 500 tickets on 4 July weekend", 500.0, "tickets"),
        ],
    )
    def test_a_count_on_things_stays_a_count(self, text: str, value: float, unit: str) -> None:
        parsed = parse_key_result(text)
        assert (parsed.value, parsed.unit) == (value, unit)

    def test_after_a_verb_of_work_a_rate_is_no_label(self) -> None:
        """ "Complete audits per site: 4" is work at a rate, not a metric's label (a first
        word in -ing leads one: "Training hours per nurse:"; not "Bring", "Ping")."""
        assert parse_key_result("Complete audits per site: 4").output
        assert parse_key_result("Ping customers per month: 2").output
        # and a time taken stays one when "in under" a time comes before the share
        latency = parse_key_result("Latency in under 200 ms for 99% of requests")
        assert (latency.direction, latency.value, latency.unit) == (Direction.AT_MOST, 200, "ms")
