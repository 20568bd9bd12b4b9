"""Initiatives: the work planned to move key results, held by a plan in every format."""

from __future__ import annotations

import json
import pickle
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import okrkit
from okrkit import (
    FormatError,
    Initiative,
    InitiativeStatus,
    InvalidTypeError,
    InvalidValueError,
    KeyResult,
    Kpi,
    Objective,
    Plan,
    UnknownIdError,
    formats,
)
from okrkit.testing import initiatives, plans

FORMATS = ("json", "yaml", "toml", "markdown")


def _plan(*work: Initiative) -> Plan:
    churn = KeyResult(id="churn", title="Cut monthly churn from 5% to 4%")
    nps = KeyResult(id="nps", title="Raise NPS from 30 to 40")
    keep = Objective(title="Keep the customers we win", key_results=[churn, nps])
    return Plan(objectives=[keep], initiatives=list(work))


EMAILS = Initiative(
    title="Launch a win-back email series",
    key_results=["churn"],
    owner="growth",
    status="in_progress",
    due=date(2026, 8, 15),
    notes="Two waves: day 7 and day 30.",
)


class TestModel:
    def test_defaults(self) -> None:
        """A title is all an initiative needs: its id is the title's slug, it is planned."""
        bare = Initiative(title="Price review")
        assert (bare.id, bare.status, bare.key_results, bare.due, bare.open) == (
            "price-review",
            InitiativeStatus.PLANNED,
            (),
            None,
            True,
        )

    @pytest.mark.parametrize(
        ("written", "status"),
        [
            ("in_progress", InitiativeStatus.IN_PROGRESS),
            ("In Progress", InitiativeStatus.IN_PROGRESS),
            ("in-progress", InitiativeStatus.IN_PROGRESS),
            (" DONE ", InitiativeStatus.DONE),
            (InitiativeStatus.DROPPED, InitiativeStatus.DROPPED),
        ],
    )
    def test_status_as_people_write_it(self, written: object, status: InitiativeStatus) -> None:
        assert Initiative(title="x", status=written).status is status  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("fields", "error", "path"),
        [
            ({"status": "started"}, InvalidValueError, "status"),
            ({"status": 3}, InvalidTypeError, "status"),
            ({"key_results": 7}, InvalidTypeError, "key_results"),
            ({"key_results": ["churn", " nps"]}, InvalidValueError, "key_results[1]"),
            ({"key_results": ["churn", None]}, InvalidValueError, "key_results[1]"),
            ({"due": "2026-08-01"}, InvalidTypeError, "due"),
            ({"title": " "}, InvalidValueError, "title"),
            ({"notes": 5}, InvalidTypeError, "notes"),
            ({"ignore": [""]}, InvalidTypeError, "ignore[0]"),
        ],
    )
    def test_bad_fields_are_named(
        self, fields: dict[str, object], error: type[Exception], path: str
    ) -> None:
        """Each bad field is an okrkit error naming the field, never a bare TypeError."""
        with pytest.raises(error) as raised:
            Initiative(**{"title": "Price review", **fields})  # type: ignore[arg-type]
        assert raised.value.path == path  # type: ignore[attr-defined]

    def test_one_id_alone(self) -> None:
        """A lone id is a list of one, as a lone rule code is."""
        assert Initiative(title="x", key_results="churn").key_results == ("churn",)

    @pytest.mark.parametrize(
        ("status", "due", "at", "overdue"),
        [
            ("planned", date(2026, 8, 15), date(2026, 8, 16), True),
            ("in_progress", date(2026, 8, 15), date(2026, 8, 15), False),
            ("done", date(2026, 8, 15), date(2026, 9, 1), False),
            ("dropped", date(2026, 8, 15), date(2026, 9, 1), False),
            ("planned", None, date(2026, 9, 1), False),
            (
                "planned",
                datetime(2026, 8, 15, 23, 0, tzinfo=timezone(timedelta(hours=-5))),
                datetime(2026, 8, 16, 1, 0, tzinfo=UTC),
                True,
            ),
        ],
    )
    def test_overdue(self, status: str, due: date | None, at: date, overdue: bool) -> None:
        """Overdue: still open after the day it was due (days compared as written)."""
        item = Initiative(title="x", status=status, due=due)  # type: ignore[arg-type]
        assert item.overdue(at) is overdue

    def test_plan_lookups(self) -> None:
        plan = _plan(EMAILS, Initiative(title="Price review", key_results=["churn", "nps"]))
        assert plan.initiative("price-review").key_results == ("churn", "nps")
        assert [i.title for i in plan.initiatives_for("churn")] == [
            "Launch a win-back email series",
            "Price review",
        ]
        assert plan.initiatives_for("nps") == (plan.initiatives[1],)
        with pytest.raises(UnknownIdError):
            plan.initiative("nope")
        with pytest.raises(UnknownIdError):
            plan.initiatives_for("keep-the-customers-we-win")  # an objective, not a key result
        with pytest.raises(InvalidTypeError, match=r"initiatives\[0\]"):
            Plan(initiatives=["Price review"])  # type: ignore[list-item]

    def test_derived_ids_are_unique_in_the_plan(self) -> None:
        """An initiative titled as an objective, a key result or a KPI gets a suffix, as a
        KPI does: every format holds each id once."""
        plan = Plan(
            objectives=[Objective(title="Grow")],
            kpis=[Kpi(title="Grow", direction="at_least", threshold=1)],
            initiatives=[Initiative(title="Grow"), Initiative(title="Grow")],
        )
        assert [k.id for k in plan.kpis] == ["grow-2"]
        assert [i.id for i in plan.initiatives] == ["grow-3", "grow-4"]
        for name in FORMATS:
            assert formats.loads(formats.dumps(plan, name), name) == plan

    def test_pickles(self) -> None:
        plan = _plan(EMAILS)
        assert pickle.loads(pickle.dumps(plan)) == plan

    def test_a_plan_pickled_before_initiatives(self) -> None:
        """A plan pickled by an okrkit without initiatives unpickles with none."""
        plan = _plan()
        state = plan.__getstate__()
        del state["initiatives"]
        again = Plan.__new__(Plan)
        again.__setstate__(state)
        assert again == plan
        assert again.initiatives == ()


class TestFormats:
    @given(plans(min_objectives=1))
    def test_round_trip_in_every_format(self, plan: Plan) -> None:
        """JSON, YAML, TOML and Markdown give back a plan's initiatives exactly."""
        for name in FORMATS:
            assert formats.loads(formats.dumps(plan, name), name).initiatives == plan.initiatives

    @given(st.data())
    def test_any_initiative_round_trips(self, data: st.DataObject) -> None:
        """Any initiative, whatever its text, comes back from every format and from CSV's
        file beside the table."""
        work = data.draw(st.lists(initiatives(["churn", "nps"]), max_size=3))
        plan = _plan(*work)
        for name in FORMATS:
            assert formats.loads(formats.dumps(plan, name), name) == plan
        table = formats.dumps(plan, "csv", lossy=True)
        again = formats.loads(table, "csv", initiatives=formats.dumps_initiatives(plan))
        assert again == plan

    def test_yaml_as_written(self) -> None:
        """Defaults are left out (a planned status, a derived id)."""
        text = formats.dumps(_plan(EMAILS, Initiative(title="Price review")), "yaml")
        assert text.endswith(
            "initiatives:\n"
            "- title: Launch a win-back email series\n"
            "  owner: growth\n"
            "  status: in_progress\n"
            "  due: 2026-08-15\n"
            "  key_results: [churn]\n"
            "  notes: 'Two waves: day 7 and day 30.'\n"
            "- title: Price review\n"
        )

    def test_markdown_as_written_and_read(self) -> None:
        text = formats.dumps(_plan(EMAILS), "markdown")
        assert text.endswith(
            "## Initiatives {.initiatives}\n\n"
            "- Launch a win-back email series {status=in_progress owner=growth due=2026-08-15"
            ' key_results=churn notes="Two waves: day 7 and day 30."}\n'
        )
        by_hand = (
            "## Keep the customers we win\n\n"
            "- Cut monthly churn from 5% to 4% {#churn}\n"
            "- Raise NPS from 30 to 40 {#nps}\n\n"
            "## What we will do {.initiatives}\n\n"
            '- Win-back emails {key_results=churn,nps status="in progress"}\n'
            "- Price review\n"
        )
        plan = formats.loads(by_hand, "markdown")
        assert [(i.title, i.key_results, i.status) for i in plan.initiatives] == [
            ("Win-back emails", ("churn", "nps"), InitiativeStatus.IN_PROGRESS),
            ("Price review", (), InitiativeStatus.PLANNED),
        ]
        assert [o.title for o in plan.objectives] == ["Keep the customers we win"]

    @pytest.mark.parametrize(
        ("line", "message"),
        [
            ("- Emails {status=started}", "line 4: status: expected one of 'planned', "),
            ("- Emails {due=soon}", "line 4: due: expected an ISO 8601 date"),
            ("- Emails {direction=increase}", "unknown attribute 'direction'"),
            (
                "- Emails\n  - 2026-08-01: 4",
                "line 5: an initiative has no check-ins: it is done or not (status=done)",
            ),
        ],
    )
    def test_markdown_problems_name_their_line(self, line: str, message: str) -> None:
        text = f"# Keep\n\n## Initiatives {{.initiatives}}\n{line}\n"
        with pytest.raises(FormatError) as error:
            formats.loads(text, "markdown")
        assert message in str(error.value)

    @pytest.mark.parametrize(
        ("document", "message"),
        [
            (
                '{"okrkit": 1, "initiatives": [{"title": "x", "key_results": "churn"}]}',
                (
                    "$.initiatives[0].key_results: expected a list of key result ids such as"
                    " ['churn'], got 'churn'"
                ),
            ),
            (
                '{"okrkit": 1, "initiatives": [{"title": "x", "status": "started"}]}',
                (
                    "$.initiatives[0].status: expected one of 'planned', 'in_progress', 'done',"
                    " 'dropped', got 'started'"
                ),
            ),
            (
                '{"okrkit": 1, "initiatives": [{"title": "x", "key_results": [""]}]}',
                "$.initiatives[0].key_results[0]: expected a key result id",
            ),
            ('{"okrkit": 1, "initiatives": {}}', "$.initiatives: expected a list of initiatives"),
            (
                '{"okrkit": 1, "initiatives": [{"title": "x", "kr": []}]}',
                "$.initiatives[0].kr: unknown field 'kr'",
            ),
            (
                (
                    '{"okrkit": 1, "initiatives": [{"id": "a", "title": "x"},'
                    ' {"id": "a", "title": "y"}]}'
                ),
                "duplicate id 'a', also at $.initiatives[0].id",
            ),
        ],
    )
    def test_document_problems_name_their_path(self, document: str, message: str) -> None:
        with pytest.raises(FormatError) as error:
            formats.loads(document, "json")
        assert message in str(error.value)

    def test_json_schema_describes_them(self) -> None:
        schema = formats.json_schema()
        item = schema["$defs"]["Initiative"]
        assert item["required"] == ["title"]
        assert item["properties"]["status"]["enum"] == ["planned", "in_progress", "done", "dropped"]
        assert schema["properties"]["initiatives"]["items"] == {"$ref": "#/$defs/Initiative"}

    def test_csv_files(self, tmp_path: Path) -> None:
        """A CSV plan keeps its initiatives in the file beside the table; the table alone
        refuses to lose them."""
        plan = _plan(EMAILS, Initiative(id="pr 1", title="=Price review", key_results=["nps"]))
        with pytest.raises(FormatError, match="2 initiatives would be lost"):
            formats.dumps(plan, "csv")
        path = tmp_path / "okrs.csv"
        formats.dump(plan, path)
        beside = tmp_path / "okrs.initiatives.csv"
        assert beside.read_text(encoding="utf-8").splitlines()[2] == (
            "pr 1,'=Price review,,,,nps,,"  # a formula neutralised
        )
        assert formats.load(path) == plan
        formats.dump(_plan(), path)  # a plan without initiatives removes the stale file
        assert not beside.exists()

    def test_csv_problems_name_the_file(self, tmp_path: Path) -> None:
        formats.dump(_plan(EMAILS), tmp_path / "okrs.csv")
        beside = tmp_path / "okrs.initiatives.csv"
        beside.write_text(
            "id,title,owner,status,due,key_results,notes,ignore\nx,Y,,planned,soon,,,\n",
            encoding="utf-8",
        )
        with pytest.raises(FormatError) as error:
            formats.load(tmp_path / "okrs.csv")
        (problem,) = error.value.details
        assert (problem.file, problem.path) == (str(beside), "initiatives row 2.due")

    def test_ids_shared_with_a_key_result_are_refused(self) -> None:
        """An initiative's id given on purpose that a key result holds: no format reads such a
        file back, so it is not written (OKR106 reports it in the plan)."""
        plan = _plan(Initiative(id="churn", title="Emails"))
        with pytest.raises(FormatError, match=r"initiatives\[0\]\.id: duplicate id 'churn'"):
            formats.dumps(plan, "json")


def test_evolve_keeps_checks() -> None:
    with pytest.raises(InvalidValueError):
        attrs.evolve(EMAILS, status="late")


class TestRules:
    TODAY = date(2026, 9, 1)

    def found(self, plan: Plan, *codes: str) -> list[tuple[str, str, str]]:
        config = okrkit.RuleConfig(select=list(codes or ("OKR8", "OKR106")))
        report = okrkit.validate(plan, config, today=self.TODAY)
        return [(d.code, d.path, d.message) for d in report]

    def test_each_rule(self) -> None:
        plan = _plan(
            Initiative(title="Emails", key_results=["churn", "keep-the-customers-we-win", "x"]),
            Initiative(title="Repaint", due=date(2026, 8, 31)),
            Initiative(title="Old", status="done"),
            Initiative(title="Gave up", status="dropped", due=date(2026, 1, 1)),
            Initiative(id="nps", title="Clash", key_results=["nps"]),
        )
        assert self.found(plan) == [
            (
                "OKR801",
                "initiatives[0].key_results[1]",
                (
                    "initiative 'Emails' names 'keep-the-customers-we-win', an objective's id,"
                    " not a key result's"
                ),
            ),
            (
                "OKR801",
                "initiatives[0].key_results[2]",
                "initiative 'Emails' names 'x', which no key result has",
            ),
            ("OKR802", "initiatives[1]", "initiative 'Repaint' names no key result it should move"),
            (
                "OKR803",
                "initiatives[1].due",
                "initiative 'Repaint' was due 2026-08-31 and is still planned",
            ),
            ("OKR106", "initiatives[4]", "id 'nps' is also used at objectives[0].key_results[1]"),
        ]

    def test_an_initiative_ignores_a_rule(self) -> None:
        plan = _plan(Initiative(title="Repaint", ignore=["OKR802"]))
        assert self.found(plan) == []

    @given(plans())
    def test_linked_open_initiatives_on_time_draw_nothing(self, plan: Plan) -> None:
        """Initiatives that name key results of the plan, not overdue, draw no OKR8xx."""
        linked = [
            attrs.evolve(i, due=None)
            for i in plan.initiatives
            if i.key_results and i.id not in plan.index
        ]
        assert self.found(attrs.evolve(plan, initiatives=linked), "OKR8") == []

    def test_an_activity_key_result_is_told_of_initiatives(self) -> None:
        ship = KeyResult(title="Launch the referral programme")
        plan = Plan(objectives=[Objective(title="Grow by word of mouth", key_results=[ship])])
        (finding,) = okrkit.validate(plan, okrkit.RuleConfig(select=["OKR203"]))
        assert "list the work as an initiative" in (finding.hint or "")


class TestReports:
    AT = date(2026, 8, 20)

    def plan(self) -> Plan:
        return _plan(
            EMAILS,
            Initiative(title="Price | review <b>&", key_results=["nps", "churn"], owner="*ana*"),
            Initiative(title="Repaint", status="done"),
        )

    def test_scorecard(self) -> None:
        card = okrkit.scorecard(self.plan(), at=self.AT)
        assert [(r.title, r.overdue, r.state) for r in card.initiatives] == [
            ("Launch a win-back email series", True, "in progress, overdue"),
            ("Price | review <b>&", False, "planned"),
            ("Repaint", False, "done"),
        ]
        by_kr = card.initiatives_by_key_result()
        assert [r.title for r in by_kr["churn"]] == [
            "Launch a win-back email series",
            "Price | review <b>&",
        ]
        assert list(by_kr) == ["churn", "nps"]
        assert okrkit.scorecard(self.plan(), at=date(2026, 8, 1)).initiatives[0].overdue is False

    def test_markdown_escapes_what_people_wrote(self) -> None:
        text = okrkit.report.render(self.plan(), "md", at=self.AT)
        table = text.split("## Initiatives\n\n")[1].split("\n\n")[0].splitlines()
        assert table[2:] == [
            (
                "| Cut monthly churn from 5% to 4% | Launch a win-back email series | in progress,"
                " overdue | growth | 2026-08-15 |"
            ),
            (
                "| Cut monthly churn from 5% to 4% | Price \\| review \\<b\\>\\& | planned |"
                " \\*ana\\* | – |"
            ),
            ("| Raise NPS from 30 to 40 | Price \\| review \\<b\\>\\& | planned | \\*ana\\* | – |"),
            "| – | Repaint | done | – | – |",
        ]

    def test_html_escapes_and_marks_overdue(self) -> None:
        page = okrkit.report.render(self.plan(), "html", at=self.AT)
        section = page.split('<section aria-labelledby="initiatives">')[1].split("</section>")[0]
        assert "Price | review &lt;b&gt;&amp;" in section
        assert '<span class="badge red">in progress, overdue</span>' in section
        assert "<b>" not in section

    def test_json(self) -> None:
        data = json.loads(okrkit.report.render(self.plan(), "json", at=self.AT))
        assert data["initiatives"][0] == {
            "id": "launch-a-win-back-email-series",
            "title": "Launch a win-back email series",
            "owner": "growth",
            "status": "in_progress",
            "due": "2026-08-15",
            "key_results": ["churn"],
            "overdue": True,
        }

    def test_no_initiatives_no_section(self) -> None:
        text = okrkit.report.render(_plan(), "md", at=self.AT)
        assert "## Initiatives" not in text
        assert okrkit.scorecard(_plan(), at=self.AT).to_dict()["initiatives"] == []


def test_carried_from_round_trips_in_every_format(tmp_path: Path) -> None:
    """A key result's `carried_from` (set by `Plan.roll_over`) is kept by every format; a CSV
    table has its column only when a key result needs it."""
    churn = KeyResult(id="churn", title="Cut churn", direction="decrease", start=4.6, target=4,
                      carried_from="q3 churn")  # fmt: skip
    plan = Plan(objectives=[Objective(title="Keep", key_results=[churn])])
    for name in (*FORMATS, "csv"):
        assert formats.loads(formats.dumps(plan, name), name) == plan
    assert formats.dumps(plan, "csv").splitlines()[0].endswith(",kr.carried_from")
    assert "carried_from" not in formats.dumps(_plan(), "csv")
    with pytest.raises(InvalidValueError):
        KeyResult(title="x", carried_from=" churn")


class TestMarkdownByHand:
    """What a hostile trial found in hand-written Markdown initiatives."""

    def test_a_box_is_a_status(self) -> None:
        text = (
            "# Keep\n- Cut churn from 5% to 4% {#churn}\n\n## Initiatives {.initiatives}\n"
            "- [x] Emails {key_results=churn}\n- [ ] Review\n- [x] Pricing {status=dropped}\n"
        )
        plan = formats.loads(text, "markdown")
        assert [i.status.value for i in plan.initiatives] == ["done", "planned", "dropped"]

    def test_a_nested_item_is_an_error(self) -> None:
        text = "# Keep\n\n## Initiatives {.initiatives}\n- Emails\n  - owner: ana\n"
        with pytest.raises(FormatError, match="line 5: an item nested under an initiative"):
            formats.loads(text, "markdown")

    def test_its_fields_on_a_key_result_say_where_they_go(self) -> None:
        with pytest.raises(FormatError, match=r"initiatives go under a heading with the class"):
            formats.loads("# Keep\n- Emails {key_results=churn}\n", "markdown")
