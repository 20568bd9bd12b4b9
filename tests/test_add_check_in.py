"""Check-ins written into a file people edit: the one check-in added, nothing else changed."""

from __future__ import annotations

import difflib
import io
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import okrkit
from okrkit import CheckIn, FormatError, Plan, UnknownIdError, formats
from okrkit.cli import Streams, run
from okrkit.testing import check_ins, plans

ROOT = Path(__file__).resolve().parent.parent
SUFFIX = {"json": ".json", "yaml": ".yaml", "toml": ".toml", "markdown": ".md"}


def _added(plan: Plan, kr_id: str, check_in: CheckIn) -> Plan:
    kr = plan.key_result(kr_id)
    obj = plan.objective_of(kr_id)
    return plan.replace(
        obj.replace_key_result(attrs.evolve(kr, check_ins=(*kr.check_ins, check_in)))
    )


def _one_change(old: str, new: str) -> bool:
    """Whether *new* is *old* with lines inserted at one place, at most one old line (the one
    before them, given a comma) changed."""
    ops = [
        op
        for op in difflib.SequenceMatcher(a=old.splitlines(), b=new.splitlines()).get_opcodes()
        if op[0] != "equal"
    ]
    return len(ops) == 1 and ops[0][0] in ("insert", "replace") and ops[0][2] - ops[0][1] <= 1


@st.composite
def _case(draw: st.DrawFn) -> tuple[Plan, str, CheckIn]:
    plan = draw(plans(min_objectives=1, max_objectives=4))
    ids = [kr.id for _, kr in plan.key_results()]
    assume(ids)
    kr_id = draw(st.sampled_from(ids))
    return plan, kr_id, draw(check_ins())


class TestTheLaw:
    @pytest.mark.parametrize("name", list(SUFFIX))
    # Each example writes, edits and reads a file a few times: the thorough profile's 2,000
    # a format took over half an hour, so it runs 400 (the fast profile's 40 stay).
    @settings(
        suppress_health_check=[HealthCheck.function_scoped_fixture],
        max_examples=min(settings.default.max_examples, 400),
    )
    @given(case=_case())
    def test_one_check_in_added_and_nothing_else(
        self, tmp_path: Path, name: str, case: tuple[Plan, str, CheckIn]
    ) -> None:
        """Any plan okrkit wrote: the file then loads to the plan with exactly that check-in
        added, and its text is the old text with that check-in put in at one place.  Where
        the format cannot take the check-in (Markdown, a milestone's value out of 0..1),
        nothing is written."""
        plan, kr_id, check_in = case
        path = tmp_path / f"okrs{SUFFIX[name]}"
        formats.dump(plan, path, lossy=True)
        before = path.read_bytes()
        old = formats.load(path)
        typed = formats._typed_check_in  # a retry of a check-in there already writes nothing
        if any(typed(c) == typed(check_in) for c in old.key_result(kr_id).check_ins):
            assert formats.add_check_in(path, kr_id, check_in) == old
            assert path.read_bytes() == before
            return
        refused: FormatError | None = None
        try:
            got = formats.add_check_in(path, kr_id, check_in)
        except FormatError as error:
            refused = error
        if refused is not None:
            assert name == "markdown", refused
            assert "nothing was written" in str(refused)
            assert path.read_bytes() == before
            return
        assert got == formats.load(path) == _added(old, kr_id, check_in)
        assert _one_change(before.decode(), path.read_text(encoding="utf-8"))


class TestByHand:
    """Files written by people: comments, odd indentation, flow style, ordered lists."""

    def write(self, tmp_path: Path, name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode())
        return path

    def added(self, path: Path, kr_id: str, check_in: CheckIn) -> list[str]:
        old = path.read_text(encoding="utf-8")
        formats.add_check_in(path, kr_id, check_in)
        new = path.read_text(encoding="utf-8")
        return [
            line
            for line in difflib.ndiff(old.splitlines(), new.splitlines())
            if line.startswith(("+ ", "- "))
        ]

    AUG = CheckIn(at=date(2026, 8, 3), value=4.4, confidence=0.6, note="Emails: live #1")

    def test_the_example_yaml(self, tmp_path: Path) -> None:
        path = tmp_path / "acme.yaml"
        shutil.copy(ROOT / "examples" / "acme-2026-q3.yaml", path)
        assert self.added(path, "churn", self.AUG) == [
            '+           - {at: 2026-08-03, value: 4.4, confidence: 0.6, note: "Emails: live #1"}'
        ]

    def test_yaml_block_items_and_a_comment_after_them(self, tmp_path: Path) -> None:
        path = self.write(
            tmp_path,
            "okrs.yml",
            "okrkit: 1\n"
            "objectives:\n"
            "- title: Keep customers   # why we exist\n"
            "  key_results:\n"
            "  - id: churn\n"
            "    title: Cut churn from 5% to 4%\n"
            "    check_ins:\n"
            "    -   at: 2026-07-01\n"
            "        value: 4.9   # after the price change\n"
            "\n"
            "    # the next key result\n"
            "  - id: nps\n"
            "    title: Raise NPS from 30 to 40\n",
        )
        assert self.added(path, "churn", CheckIn(at=date(2026, 8, 3), value=4.4)) == [
            "+     - at: 2026-08-03",
            "+       value: 4.4",
        ]
        assert path.read_text().splitlines()[9:11] == ["    - at: 2026-08-03", "      value: 4.4"]

    def test_yaml_without_check_ins_and_flow_key_results(self, tmp_path: Path) -> None:
        path = self.write(
            tmp_path,
            "okrs.yaml",
            "okrkit: 1\n"
            "objectives:\n"
            "    - title: Keep customers\n"
            "      key_results:\n"
            "          - id: churn\n"
            "            title: Cut churn\n"
            "          - {id: nps, title: Raise NPS, check_ins: []}\n"
            "          - {id: csat, title: Raise CSAT}",  # no final line end
        )
        assert self.added(path, "churn", CheckIn(at=date(2026, 8, 3), value=4)) == [
            "+             check_ins:",
            "+               - {at: 2026-08-03, value: 4}",
        ]
        assert self.added(path, "nps", CheckIn(at=date(2026, 8, 3), value=41)) == [
            "-           - {id: nps, title: Raise NPS, check_ins: []}",
            "+           - {id: nps, title: Raise NPS, check_ins: [{at: 2026-08-03, value: 41}]}",
        ]
        assert self.added(path, "csat", CheckIn(at=date(2026, 8, 3), value=Decimal("80.5"))) == [
            "-           - {id: csat, title: Raise CSAT}",
            (
                "+           - {id: csat, title: Raise CSAT,"
                " check_ins: [{at: 2026-08-03, value: '80.5'}]}"
            ),
        ]

    def test_json_compact_and_indented(self, tmp_path: Path) -> None:
        path = self.write(
            tmp_path,
            "okrs.json",
            '{"okrkit": 1, "objectives": [{"title": "Keep",\n'
            '    "key_results": [\n'
            '        {"id": "churn", "title": "Cut churn",\n'
            '         "check_ins": [{"at": "2026-07-01", "value": 4.9}]},\n'
            '        {"id": "nps", "title": "NPS"}]}]}\n',
        )
        assert self.added(path, "churn", self.AUG) == [
            '-          "check_ins": [{"at": "2026-07-01", "value": 4.9}]},',
            (
                '+          "check_ins": [{"at": "2026-07-01", "value": 4.9}, {"at": "2026-08-03",'
                ' "value": 4.4, "confidence": 0.6, "note": "Emails: live #1"}]},'
            ),
        ]
        assert self.added(path, "nps", CheckIn(at=date(2026, 8, 3), value=40)) == [
            '-         {"id": "nps", "title": "NPS"}]}]}',
            (
                '+         {"id": "nps", "title": "NPS", "check_ins": [{"at": "2026-08-03",'
                ' "value": 40}]}]}]}'
            ),
        ]

    def test_toml_keeps_its_comments(self, tmp_path: Path) -> None:
        path = self.write(
            tmp_path,
            "okrs.toml",
            "okrkit = 1  # schema\n"
            "\n"
            "[[objectives]]\n"
            'title = "Keep"\n'
            "\n"
            "[[objectives.key_results]]\n"
            'id = "churn"\n'
            'title = "Cut churn"\n'
            "check_ins = [\n"
            "    { at = 2026-07-01, value = 4.9 },  # the first\n"
            "]\n",
        )
        assert self.added(path, "churn", self.AUG) == [
            '+     { at = 2026-08-03, value = 4.4, confidence = 0.6, note = "Emails: live #1" },'
        ]

    def test_markdown_by_hand(self, tmp_path: Path) -> None:
        path = self.write(
            tmp_path,
            "okrs.md",
            "# Support, Q3\n\n"
            "## Answer before they ask twice\n\n"
            "1. Raise CSAT from 82% to 92%\n"
            "2. Cut first response time from 9h to 2h\n"
            "   - 2026-07-06: 7.5 {confidence=0.5}\n"
            "   - Talked to the night shift\n\n"
            "### KR3: Reduce reopened tickets from 12% to 5%\n\n"
            "Owner: ana\n\n"
            "## Next objective\n",
        )
        plan = formats.load(path)
        ids = [kr.id for _, kr in plan.key_results()]
        assert self.added(path, ids[0], CheckIn(at=date(2026, 8, 3), value=85)) == [
            "+    - 2026-08-03: 85"
        ]
        assert self.added(path, ids[1], self.AUG) == [
            "+    - 2026-08-03: 4.4 — Emails: live #1 {confidence=0.6}"
        ]
        assert self.added(path, ids[2], CheckIn(at=date(2026, 8, 3), value=9)) == [
            "+ - 2026-08-03: 9"
        ]
        lines = path.read_text().splitlines()
        assert lines[5:10] == [
            "   - 2026-08-03: 85",
            "2. Cut first response time from 9h to 2h",
            "   - 2026-07-06: 7.5 {confidence=0.5}",
            "   - 2026-08-03: 4.4 — Emails: live #1 {confidence=0.6}",  # after the check-ins
            "   - Talked to the night shift",
        ]
        assert lines[11:13] == [
            "### KR3: Reduce reopened tickets from 12% to 5%",
            "- 2026-08-03: 9",
        ]
        assert lines[14] == "Owner: ana"

    def test_crlf_and_a_byte_order_mark_kept(self, tmp_path: Path) -> None:
        text = (
            "\ufeffokrkit: 1\r\nobjectives:\r\n- title: Keep\r\n"
            "  key_results:\r\n  - {id: c, title: Churn}\r\n"
        )
        path = self.write(tmp_path, "okrs.yaml", text)
        formats.add_check_in(path, "c", CheckIn(at=date(2026, 8, 3), value=3))
        data = path.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
        assert b"\n" not in data.replace(b"\r\n", b"")


class TestRefusals:
    def test_unknown_key_result(self, tmp_path: Path) -> None:
        path = tmp_path / "okrs.yaml"
        shutil.copy(ROOT / "examples" / "acme-2026-q3.yaml", path)
        before = path.read_bytes()
        with pytest.raises(UnknownIdError):
            formats.add_check_in(path, "grow-revenue", CheckIn(at=date(2026, 8, 3), value=1))
        assert path.read_bytes() == before

    def test_what_would_not_read_back_is_not_written(self, tmp_path: Path) -> None:
        """A dated check-in beside an undated progress note would make the note's date
        unclear: the reader refuses it, so nothing is written, and the message says why."""
        path = tmp_path / "okrs.md"
        path.write_text("## Keep\n\n- Raise CSAT from 82% to 92% => 85%\n")
        before = path.read_bytes()
        with pytest.raises(FormatError, match=r"nothing was written.*progress note"):
            formats.add_check_in(
                path, "raise-csat-from-82-to-92", CheckIn(at=date(2026, 8, 3), value=86)
            )
        assert path.read_bytes() == before

    def test_csv_is_refused_with_the_way_to_do_it(self, tmp_path: Path) -> None:
        plan = formats.load(ROOT / "examples" / "acme-2026-q3.yaml")
        formats.dump(plan, tmp_path / "okrs.csv")
        with pytest.raises(
            FormatError, match=r"\.check-ins\.csv file beside its table: add a row there"
        ):
            formats.add_check_in(
                tmp_path / "okrs.csv", "churn", CheckIn(at=date(2026, 8, 3), value=1)
            )

    def test_bad_arguments(self, tmp_path: Path) -> None:
        path = tmp_path / "okrs.yaml"
        shutil.copy(ROOT / "examples" / "acme-2026-q3.yaml", path)
        with pytest.raises(okrkit.InvalidTypeError):
            formats.add_check_in(path, "churn", 4.4)  # type: ignore[arg-type]
        with pytest.raises(okrkit.InvalidTypeError):
            formats.add_check_in(path, 7, CheckIn(at=date(2026, 8, 3), value=1))  # type: ignore[arg-type]
        with pytest.raises(okrkit.InvalidValueError):
            formats.add_check_in(
                tmp_path / "okrs.txt", "churn", CheckIn(at=date(2026, 8, 3), value=1)
            )


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(list(argv), Streams(stdin=io.BytesIO(), stdout=out, stderr=err, environ={}))
    return status, out.getvalue(), err.getvalue()


class TestCommandLine:
    def test_check_in(self, tmp_path: Path) -> None:
        path = tmp_path / "okrs.yaml"
        shutil.copy(ROOT / "examples" / "acme-2026-q3.yaml", path)
        status, out, err = _run(
            "check-in", str(path), "churn", "1.8", "--at", "2026-09-07", "--confidence", "0.7",
            "--note", "Win-back emails live", "--author", "ana",
        )  # fmt: skip
        assert (status, err) == (0, "")
        assert out == f"{path}: churn checked in at 1.8 on 2026-09-07 (3 check-ins now)\n"
        latest = formats.load(path).key_result("churn").check_ins[-1]
        assert latest == CheckIn(
            at=date(2026, 9, 7),
            value=1.8,
            confidence=0.7,
            note="Win-back emails live",
            author="ana",
        )

    @pytest.mark.parametrize(
        ("argv", "said"),
        [
            (("chrun", "2"), "no key result or KPI with id 'chrun' (did you mean 'churn'?)"),
            (("churn", "abc"), "argument VALUE: expected a number such as 4.6, got 'abc'"),
            (("churn", "inf"), "argument VALUE: expected a number such as 4.6, got 'inf'"),
            (("churn", "2", "--confidence", "70"), "got '70' (did you mean 0.7?)"),
            (("churn", "2", "--at", "yesterday"), "expected a date such as 2026-08-31"),
            (("churn", "2", "--note", "\x1b[2Jboom"), None),
        ],
    )
    def test_usage_and_input_errors(
        self, tmp_path: Path, argv: tuple[str, ...], said: str | None
    ) -> None:
        path = tmp_path / "okrs.yaml"
        shutil.copy(ROOT / "examples" / "acme-2026-q3.yaml", path)
        status, out, err = _run("check-in", str(path), *argv)
        if said is None:  # a note with control characters is kept, and not echoed raw
            assert status == 0
            assert "\x1b" not in out + err
            assert formats.load(path).key_result("churn").check_ins[-1].note == "\x1b[2Jboom"
            return
        assert status == 2
        assert said in err
        assert "Traceback" not in err

    def test_values_as_typed(self, tmp_path: Path) -> None:
        """Digits are an int; a decimal is kept exactly where the key result's numbers are
        (the example's ARR is in quoted decimals), else a float; a time with its offset."""
        path = tmp_path / "okrs.yaml"
        shutil.copy(ROOT / "examples" / "acme-2026-q3.yaml", path)
        assert (
            _run("check-in", str(path), "arr", "9350000.00", "--at", "2026-09-07T09:30+02:00")[0]
            == 0
        )
        assert '- {at: 2026-09-07T09:30:00+02:00, value: "9350000.00"}' in path.read_text()
        assert _run("check-in", str(path), "nrr", "108.50", "--at", "2026-09-07")[0] == 0
        assert formats.load(path).key_result("nrr").current == 108.5
        assert _run("check-in", str(path), "nrr", "109", "--at", "2026-09-08")[0] == 0
        assert type(formats.load(path).key_result("nrr").current) is int
        for bad in ("1_000", "0.1e-400", "0x10", "4,6"):
            status, _, err = _run("check-in", str(path), "nrr", bad)
            assert status == 2
            assert "expected a number" in err
        status, _, err = _run("check-in", str(path), "nrr", "3", "--confidence", "7")
        assert "(did you mean 0.7?)" in err
        status, _, err = _run("check-in", str(path), "nrr", "3", "--at", "2026-09-07T09:30")
        assert "with its UTC offset" in err

    def test_a_retry_writes_nothing(self, tmp_path: Path) -> None:
        """A cron job that runs twice: the second check-in, equal to the first, is not added."""
        path = tmp_path / "okrs.yaml"
        shutil.copy(ROOT / "examples" / "acme-2026-q3.yaml", path)
        argv = ("check-in", str(path), "uptime", "99.99", "--at", "2026-09-07")  # a KPI
        assert _run(*argv) == (
            0,
            f"{path}: uptime checked in at 99.99 on 2026-09-07 (3 check-ins now)\n",
            "",
        )
        before = path.read_bytes()
        assert _run(*argv) == (
            0,
            f"{path}: uptime has this check-in already: nothing was written\n",
            "",
        )
        assert path.read_bytes() == before

    def test_a_fifo_is_refused_not_waited_on(self, tmp_path: Path) -> None:
        import os

        fifo = tmp_path / "okrs.yaml"
        os.mkfifo(fifo)
        status, _, err = _run("check-in", str(fifo), "churn", "2")
        assert status == 2
        assert f"okrkit: {fifo}:" in err

    def test_files_it_cannot_edit(self, tmp_path: Path) -> None:
        assert _run("check-in", str(tmp_path / "none.yaml"), "churn", "2")[0] == 2
        assert "a check-in is written into a file" in _run("check-in", "-", "churn", "2")[2]
        other = tmp_path / "okrs.txt"
        shutil.copy(ROOT / "examples" / "acme-2026-q3.yaml", other)
        assert "(or give --input-format)" in _run("check-in", str(other), "churn", "2")[2]
        assert _run("check-in", str(other), "churn", "2", "--input-format", "yaml")[0] == 0
        bad = tmp_path / "bad.yaml"
        bad.write_text("okrkit: 1\nobjectives: [\n")
        status, _, err = _run("check-in", str(bad), "churn", "2")
        assert status == 2
        assert f"okrkit: {bad}:" in err


class TestHostileTrial:
    """What a hostile trial of the first form found (each failed then)."""

    DAY = CheckIn(at=date(2026, 8, 3), value=4.4)

    def edited(self, tmp_path: Path, name: str, text: str, id: str = "churn") -> str:
        path = tmp_path / name
        path.write_bytes(text.encode())
        formats.add_check_in(path, id, self.DAY)
        return path.read_bytes().decode()

    def test_toml_keeps_its_headers_and_line_ends(self, tmp_path: Path) -> None:
        text = (
            'okrkit = 1\r\n\r\n[[ objectives ]]\r\ntitle = "Keep"\r\n\r\n'
            '[[ objectives . key_results ]]\r\nid = "churn"\r\ntitle = "Churn"\r\n\r\n'
            '[[ objectives . key_results ]]\r\nid = "nps"\r\ntitle = "NPS"\r\n'
        )
        new = self.edited(tmp_path, "okrs.toml", text)
        assert _one_change(text, new)
        assert "\n" not in new.replace("\r\n", "")
        assert new.count("[[ objectives . key_results ]]") == 2

    def test_toml_check_ins_as_tables(self, tmp_path: Path) -> None:
        text = (
            'okrkit = 1\n[[objectives]]\ntitle = "Keep"\n[[objectives.key_results]]\n'
            'id = "churn"\ntitle = "Churn"\n[[objectives.key_results.check_ins]]\n'
            "at = 2026-07-01\nvalue = 4.9\n"
        )
        new = self.edited(tmp_path, "okrs.toml", text)
        assert new.startswith(text)
        assert formats.loads(new, "toml").key_result("churn").current == 4.4

    def test_yaml_trailing_commas(self, tmp_path: Path) -> None:
        text = (
            "okrkit: 1\nobjectives:\n- title: Keep\n  key_results:\n"
            "  - {id: churn, title: Churn,}\n"
        )
        new = self.edited(tmp_path, "okrs.yaml", text)
        assert "{id: churn, title: Churn, check_ins: [{at: 2026-08-03, value: 4.4}]}" in new

    def test_markdown_check_ins_indented_as_those_there(self, tmp_path: Path) -> None:
        text = "## Keep\n\n- Cut churn from 5% to 4% {#churn}\n    - 2026-07-01: 4.9\n- Other\n"
        new = self.edited(tmp_path, "okrs.md", text)
        assert new.splitlines()[3:5] == ["    - 2026-07-01: 4.9", "    - 2026-08-03: 4.4"]
        text = "## Keep\n\n- Cut churn from 5% to 4% {#churn}\n\t- 2026-07-01: 4.9\n"
        new = self.edited(tmp_path, "okrs.md", text)
        assert new.splitlines()[3:5] == ["\t- 2026-07-01: 4.9", "\t- 2026-08-03: 4.4"]

    def test_markdown_heading_check_ins_right_under_it(self, tmp_path: Path) -> None:
        text = (
            "## Keep\n\n### KR1: Cut churn from 5% to 4% {#churn}\n\nKR2: Raise NPS from 30 to 40\n"
        )
        new = self.edited(tmp_path, "okrs.md", text)
        assert new.splitlines()[2:4] == [
            "### KR1: Cut churn from 5% to 4% {#churn}",
            "- 2026-08-03: 4.4",
        ]

    @pytest.mark.parametrize("name", list(SUFFIX))
    def test_a_kpi(self, tmp_path: Path, name: str) -> None:
        plan = Plan(
            objectives=[okrkit.Objective(title="Keep")],
            kpis=[okrkit.Kpi(id="uptime", title="Uptime", direction="at_least", threshold=99.9)],
        )
        path = tmp_path / f"okrs{SUFFIX[name]}"
        formats.dump(plan, path)
        got = formats.add_check_in(path, "uptime", CheckIn(at=date(2026, 8, 3), value=99.95))
        assert got.kpi("uptime").current == 99.95 == formats.load(path).kpi("uptime").current

    @pytest.mark.parametrize(
        ("id", "said"),
        [
            ("keep", "it is an objective's id"),
            ("emails", "it is an initiative's id"),
        ],
    )
    def test_ids_of_other_things(self, tmp_path: Path, id: str, said: str) -> None:
        plan = Plan(
            objectives=[okrkit.Objective(id="keep", title="Keep")],
            initiatives=[okrkit.Initiative(id="emails", title="Emails")],
        )
        formats.dump(plan, tmp_path / "okrs.yaml")
        with pytest.raises(UnknownIdError, match=said):
            formats.add_check_in(tmp_path / "okrs.yaml", id, self.DAY)

    def test_a_file_saved_meanwhile_is_not_written_over(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "okrs.yaml"
        shutil.copy(ROOT / "examples" / "acme-2026-q3.yaml", path)
        from okrkit.formats import _edit

        real = _edit.insert_check_in

        def slow(*args: object) -> str:
            new = real(*args)  # type: ignore[arg-type]
            path.write_text(path.read_text() + "# saved by a person meanwhile\n")
            return new

        monkeypatch.setattr(_edit, "insert_check_in", slow)
        with pytest.raises(FormatError, match="the file changed while the check-in"):
            formats.add_check_in(path, "churn", self.DAY)
        assert path.read_text().endswith("# saved by a person meanwhile\n")

    def test_writers_at_once_take_turns(self, tmp_path: Path) -> None:
        """Ten processes checking in at once: every check-in is in the file."""
        path = tmp_path / "okrs.yaml"
        shutil.copy(ROOT / "examples" / "acme-2026-q3.yaml", path)
        import subprocess
        import sys

        script = (
            "import sys, datetime; from okrkit import formats, CheckIn;"
            " formats.add_check_in(sys.argv[1], 'churn',"
            " CheckIn(at=datetime.date(2026, 9, 1), value=int(sys.argv[2])))"
        )
        runs = [
            subprocess.Popen([sys.executable, "-c", script, str(path), str(i)]) for i in range(10)
        ]
        assert [run.wait(timeout=120) for run in runs] == [0] * 10
        values = {c.value for c in formats.load(path).key_result("churn").check_ins}
        assert set(range(10)) <= values
