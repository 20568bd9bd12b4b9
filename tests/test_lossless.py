"""Conversions that never lose data silently: what each format loses, CSV's files, the locator."""
# ruff: noqa: ISC004 - the tables of expected messages wrap long messages across lines

from __future__ import annotations

import csv
import errno
import io
import os
import re
import tempfile
import unittest.mock
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import okrkit
from okrkit import _files, formats
from okrkit.cli import Streams, run
from okrkit.cycles import Cycle
from okrkit.errors import FileError, FormatError, InvalidValueError
from okrkit.formats import _csv, _markdown
from okrkit.model import Commitment, KeyResult, Kpi, Objective, PastScore, Plan
from okrkit.testing import plans
from test_formats_tables import typed

ACME = "examples/acme-2026-q3.yaml"
ROOT = Path(__file__).resolve().parent.parent


def _plan(*check_ins: float, kpis: bool = False, history: bool = False) -> Plan:
    """One objective with one key result and these check-ins; a KPI and a past score if asked."""
    kr = KeyResult(id="nps", title="Raise NPS", direction="increase", start=32, target=50)
    for day, value in enumerate(check_ins, start=1):
        kr = kr.check_in(value, at=date(2026, 7, day))
    return Plan(
        objectives=[Objective(id="grow", title="Grow", key_results=[kr])],
        kpis=[Kpi(title="Uptime", direction="at_least", threshold=99.9)] if kpis else [],
        history=[PastScore(owner="growth", cycle=Cycle.parse("2026-Q2"), score=0.6)]
        if history
        else [],
    )


def call(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(list(argv), Streams(stdout=out, stderr=err, environ={}))
    return status, out.getvalue(), err.getvalue()


def _full_plan() -> Plan:
    """A plan with what Markdown once dropped: a key result's id and owner, check-ins, a KPI."""
    kr = KeyResult(id="nps", title="Raise NPS from 32 to 50", owner="ana")
    kr = kr.check_in(40, at=date(2026, 7, 1)).check_in(41, at=date(2026, 7, 2))
    return Plan(
        objectives=[Objective(title="Grow", key_results=[kr])],
        kpis=[Kpi(title="Uptime", direction="at_least", threshold=99.9)],
    )


class TestLosses:
    @given(plans(), st.sampled_from(["json", "yaml", "toml"]), st.booleans())
    def test_documents_lose_nothing(self, plan: Plan, format: str, files: bool) -> None:
        """JSON, YAML and TOML hold every plan: nothing to name, nothing refused."""
        assert [] == formats.losses(plan, format, files=files)  # type: ignore[arg-type]
        formats.dumps(plan, format)  # type: ignore[arg-type]

    @given(
        plans(min_objectives=1),
        st.sampled_from(["json", "yaml", "toml", "csv", "markdown"]),
        st.booleans(),
        st.data(),
    )
    def test_a_shared_id_is_never_written(
        self, plan: Plan, format: str, lossy: bool, data: st.DataObject
    ) -> None:
        """A plan may hold two things with one id (OKR106 reports it), but no file of it would
        read back: every format refuses it, lossy or not, naming the second place."""
        places = [o.id for o in plan.objectives] + [kr.id for _, kr in plan.key_results()]
        taken = data.draw(st.sampled_from(places))
        plan = attrs.evolve(plan, kpis=[Kpi(id=taken, title="Uptime", direction="at_least",
                                            threshold=99.9), *plan.kpis])  # fmt: skip
        with pytest.raises(FormatError) as error:
            formats.dumps(plan, format, lossy=lossy)  # type: ignore[arg-type]
        assert ["kpis[0].id"] == [p.path for p in error.value.details if p.path.startswith("kpis")]
        assert all("duplicate id" in p.message for p in error.value.details)

    def test_a_shared_id_message(self) -> None:
        """The message names both places and the id."""
        plan = Plan(objectives=[Objective(id="x", title="A"), Objective(id="x", title="B")])
        with pytest.raises(FormatError, match=r"objectives\[1\]\.id: duplicate id 'x', also "
                           r"at objectives\[0\]: no format reads back"):  # fmt: skip
            formats.dumps(plan)

    @given(plans())
    def test_csv_text_refuses_exactly_what_it_would_lose(self, plan: Plan) -> None:
        """CSV text is refused iff it would lose something; else it gives the plan back."""
        lost = formats.losses(plan, "csv", files=False)
        expected = any(len(kr.check_ins) > 1 for _, kr in plan.key_results())
        held = expected or bool(plan.kpis) or bool(plan.history) or bool(plan.initiatives)
        assert held == bool(lost)
        if lost:
            with pytest.raises(FormatError) as error:
                formats.dumps(plan, "csv")
            assert [p.path for p in lost] == [p.path for p in error.value.details]
        else:
            again = formats.loads(formats.dumps(plan, "csv"), "csv")
            assert (plan, typed(plan)) == (again, typed(again))
        assert [] == formats.losses(plan, "csv", files=True)

    def test_csv_messages(self) -> None:
        """Each loss is named with its path, what is lost and how to keep it."""
        with pytest.raises(FormatError) as error:
            okrkit.dumps(_plan(1, 2, 3, 4, kpis=True, history=True), "csv")
        assert [
            "objectives[0].key_results[0].check_ins: 3 earlier check-ins would be lost: CSV text"
            " holds only the latest; a .csv file keeps them in the .check-ins.csv file beside"
            " it (lossy=True writes without it)",
            "kpis: 1 KPI would be lost: CSV text holds only objectives and key results; a .csv"
            " file keeps them in the .kpis.csv file beside it (lossy=True writes without it)",
            "history: 1 past score would be lost: CSV text holds only objectives and key"
            " results; a .csv file keeps them in the .history.csv file beside it (lossy=True"
            " writes without it)",
        ] == list(error.value.problems)

    def test_lossy_writes_what_the_format_holds(self) -> None:
        """lossy=True writes the table with the latest check-in, and drops the rest."""
        plan = _plan(1, 2, kpis=True)
        again = formats.loads(formats.dumps(plan, "csv", lossy=True), "csv")
        assert ((), [2]) == (again.kpis, [c.value for c in again.key_result("nps").check_ins])

    def test_markdown_keeps_everything(self) -> None:
        """Markdown holds ids, owners, every check-in and KPIs: nothing is lost, nothing refused."""
        plan = _full_plan()
        assert [] == formats.losses(plan, "markdown", files=True)
        assert plan == formats.loads(formats.dumps(plan, "markdown"), "markdown")

    def test_markdown_names_what_does_not_read_back(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Should Markdown ever read back less than it wrote, each thing lost is named and the
        plan refused: the writer's read-back is the last guard against losing data silently."""
        plan = _full_plan()
        obj = plan.objectives[0]
        kr = obj.key_results[0]
        less = Plan(
            objectives=[
                attrs.evolve(
                    obj,
                    key_results=[
                        attrs.evolve(kr, id="grow-nps", owner=None, check_ins=kr.check_ins[:1])
                    ],
                )
            ]
        )
        monkeypatch.setattr(_markdown, "loads", lambda text, options: less)
        lost = {p.path: p.message for p in formats.losses(plan, "markdown", files=True)}
        assert {
            "objectives[0].key_results[0].id",
            "objectives[0].key_results[0].owner",
            "objectives[0].key_results[0].check_ins",
            "kpis",
        } == lost.keys()
        assert lost["objectives[0].key_results[0].owner"] == (
            "'ana' would be lost: Markdown reads back nothing; JSON, YAML and TOML keep it"
        )
        assert (
            lost["kpis"] == "1 KPI would read back as 0 from Markdown: JSON, YAML and TOML keep it"
        )
        assert lost["objectives[0].key_results[0].check_ins"].startswith("2 check-ins would")
        with pytest.raises(FormatError, match=r"kpis: 1 KPI would"):
            formats.dumps(plan, "markdown")
        assert formats.dumps(plan, "markdown", lossy=True).startswith("## Grow")

    def test_markdown_as_people_write_it_is_kept(self) -> None:
        """A plan Markdown gives back (statements as titles, a dated check-in) is not refused,
        though reading the statement adds what the plan did not say (a direction, a target)."""
        kr = KeyResult(title="Reduce churn from 5% to 4%").check_in(4.6, at=date(2026, 8, 1))
        plan = Plan(objectives=[Objective(title="Retain", owner="growth", key_results=[kr])])
        assert [] == formats.losses(plan, "markdown", files=False)
        assert (
            "Retain"
            == formats.loads(formats.dumps(plan, "markdown"), "markdown").objectives[0].title
        )

    def test_markdown_shown_values(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Enums, cycles and dates are named as a document writes them."""
        obj = Objective(
            title="Grow",
            cycle=Cycle.parse("2026-Q3"),
            commitment=Commitment.COMMITTED,
            key_results=[KeyResult(title="Ship it", due=date(2026, 9, 1), direction="milestone")],
        )
        undated = attrs.evolve(obj, key_results=[attrs.evolve(obj.key_results[0], due=None)])
        monkeypatch.setattr(_markdown, "loads", lambda text, options: Plan(objectives=[undated]))
        lost = {
            p.path: p.message
            for p in formats.losses(Plan(objectives=[obj]), "markdown", files=False)
        }
        assert lost["objectives[0].key_results[0].due"].startswith("'2026-09-01' would be lost")

    def test_markdown_that_reads_back_more(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """More read back than was written (a check-in, an objective) loses nothing."""
        more = _plan(1)
        monkeypatch.setattr(_markdown, "loads", lambda text, options: more)
        assert [] == formats.losses(_plan(), "markdown", files=False)

    def test_markdown_that_does_not_read_back(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Should Markdown fail to read what it wrote, everything is at stake: said once."""

        def fail(text: str, options: object) -> Plan:
            raise FormatError(["line 1: broken"])

        monkeypatch.setattr(_markdown, "loads", fail)
        [problem] = formats.losses(_plan(), "markdown", files=False)
        assert problem.message.startswith("Markdown would not read back what it writes")


class TestNumbers:
    @pytest.mark.parametrize(
        ("cell", "expected"),
        [
            ("5", (int, "5")),
            ("-5", (int, "-5")),
            ("4.6", (float, "4.6")),
            ("0.1", (float, "0.1")),
            ("1e+16", (float, "1e+16")),
            ("1E3", (float, "1000.0")),
            ("-0.0", (float, "-0.0")),
            (".5", (float, "0.5")),
            ("'4.60", (Decimal, "4.60")),
            ("'5", (Decimal, "5")),
            ("'-0.00", (Decimal, "-0.00")),
        ],
    )
    def test_cells_read_by_kind(self, cell: str, expected: tuple[type, str]) -> None:
        """Digits are an int, a point or an exponent a float, a leading quote a Decimal."""
        plan = formats.loads(f"objective.title,kr.title,kr.start\r\nGrow,NPS,{cell}\r\n", "csv")
        start = plan.key_result("nps").start
        assert expected == (type(start), str(start))

    @pytest.mark.parametrize("cell", ["inf", "nan", "twelve", "'twelve", "1,5", "1e400"])
    def test_cells_that_are_no_number(self, cell: str) -> None:
        """A cell no number reads as is a FormatError naming it, never a float NaN."""
        text = f'objective.title,kr.title,kr.start\r\nGrow,NPS,"{cell}"\r\n'
        with pytest.raises(FormatError, match=r"row 2, column 'kr\.start': expected a number"):
            formats.loads(text, "csv")

    def test_written_by_kind(self) -> None:
        """Floats as repr, ints as digits, Decimals after a quote; bands part by part."""
        kr = KeyResult(title="Band", direction="within", target=(Decimal("1.50"), 2.5))
        kr = kr.check_in(1e16, at=date(2026, 7, 1), confidence=Decimal("0.5"), note="")
        plan = Plan(objectives=[Objective(title="Grow", weight=0.1, key_results=[kr])])
        header, row = csv.reader(io.StringIO(formats.dumps(plan, "csv"), newline=""))
        cells = dict(zip(header, row, strict=True))
        shown = ("objective.weight", "kr.target", "check_in.value", "check_in.confidence")
        shown += ("check_in.note", "check_in.author")
        assert {
            "objective.weight": "0.1",
            "kr.target": "'1.50..2.5",
            "check_in.value": "1e+16",
            "check_in.confidence": "'0.5",
            "check_in.note": "'",
            "check_in.author": "",
        } == {k: v for k, v in cells.items() if k in shown}
        again = formats.loads(formats.dumps(plan, "csv"), "csv")
        assert (plan, typed(plan)) == (again, typed(again))
        assert "" == again.key_result("band").check_ins[0].note


class TestCsvFiles:
    @given(plans())
    def test_dump_then_load_gives_the_plan_back(self, plan: Plan) -> None:
        """A CSV file and the files beside it lose nothing, number types included."""
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "okrs.csv"
            formats.dump(plan, path)
            again = formats.load(path)
        assert (plan, typed(plan)) == (again, typed(again))

    def test_files_written_only_when_needed(self, tmp_path: Path) -> None:
        """Beside okrs.csv: the check-in file when there are check-ins, the KPI and past score
        files when there are some."""
        formats.dump(_plan(), tmp_path / "okrs.csv")
        assert ["okrs.csv"] == sorted(os.listdir(tmp_path))
        formats.dump(_plan(1, kpis=True, history=True), tmp_path / "okrs.csv")
        assert [
            "okrs.check-ins.csv",
            "okrs.csv",
            "okrs.history.csv",
            "okrs.kpis.csv",
        ] == sorted(os.listdir(tmp_path))

    def test_stale_files_are_removed(self, tmp_path: Path) -> None:
        """A file beside the table that the new plan does not need is removed, not read back."""
        path = tmp_path / "okrs.csv"
        formats.dump(_plan(1, 2, kpis=True, history=True), path)
        plan = _plan()
        formats.dump(plan, path)
        assert ["okrs.csv"] == os.listdir(tmp_path)
        assert plan == formats.load(path)

    @pytest.mark.parametrize(
        ("name", "text"),
        [
            ("okrs.kpis.csv", "name,revenue\r\nacme,12\r\n"),  # someone's own sheet
            ("okrs.history.csv", ""),  # empty: no header okrkit wrote
            ("okrs.check-ins.csv", "kr_id,at,value\r\n"),  # some of the columns only
        ],
    )
    def test_a_file_okrkit_did_not_write_is_never_removed(
        self, tmp_path: Path, name: str, text: str
    ) -> None:
        """A file at a sibling's name whose header is not okrkit's is the user's: dump refuses,
        names it, and changes no file."""
        (tmp_path / name).write_bytes(text.encode())
        with pytest.raises(FileError, match=re.escape(name) + ".*move it away or remove it"):
            formats.dump(_plan(), tmp_path / "okrs.csv")
        assert [name] == os.listdir(tmp_path)
        assert text.encode() == (tmp_path / name).read_bytes()

    def test_a_file_okrkit_did_not_write_is_never_replaced(self, tmp_path: Path) -> None:
        """Nor is such a file replaced when the plan needs the file beside: dump refuses."""
        (tmp_path / "okrs.kpis.csv").write_bytes(b"my,own,data\r\n1,2,3\r\n")
        with pytest.raises(FileError, match="it would be replaced"):
            formats.dump(_plan(kpis=True), tmp_path / "okrs.csv")
        assert b"my,own,data\r\n1,2,3\r\n" == (tmp_path / "okrs.kpis.csv").read_bytes()
        assert ["okrs.kpis.csv"] == os.listdir(tmp_path)

    def test_a_fifo_beside_is_refused(self, tmp_path: Path) -> None:
        """A FIFO (or any file that is not regular) where a file beside goes is refused."""
        os.mkfifo(tmp_path / "okrs.kpis.csv")
        for plan in (_plan(), _plan(kpis=True)):
            with pytest.raises(FileError, match="expected a regular file"):
                formats.dump(plan, tmp_path / "okrs.csv")
        assert ["okrs.kpis.csv"] == os.listdir(tmp_path)

    def test_an_unreadable_file_beside_is_refused(self, tmp_path: Path) -> None:
        """A sibling that cannot be read to check is a FileError naming it."""
        (tmp_path / "okrs.kpis.csv").write_text("x", encoding="utf-8")
        with (
            unittest.mock.patch("builtins.open", side_effect=PermissionError(13, "denied")),
            pytest.raises(FileError, match=re.escape("okrs.kpis.csv")),
        ):
            formats.dump(_plan(), tmp_path / "okrs.csv")

    def test_a_link_beside_is_removed_not_its_target(self, tmp_path: Path) -> None:
        """A stale link is removed itself; the file it pointed to stays."""
        kept = tmp_path / "mine.csv"
        kept.write_text("kpi.title\r\n", encoding="utf-8")
        (tmp_path / "okrs.kpis.csv").symlink_to(kept)
        formats.dump(_plan(), tmp_path / "okrs.csv")
        assert ["mine.csv", "okrs.csv"] == sorted(os.listdir(tmp_path))

    def test_a_link_beside_the_table_is_replaced_not_followed(self, tmp_path: Path) -> None:
        """The files beside a table are names the caller never gave: a link there is replaced
        by the file, and what it pointed to is left as it was (the table's own link is followed,
        as `dump` follows any path it is given)."""
        precious = tmp_path / "precious.txt"
        precious.write_text("precious", encoding="utf-8")
        (tmp_path / "okrs.kpis.csv").symlink_to(precious)
        (tmp_path / "okrs.history.csv").symlink_to(tmp_path / "nowhere")
        plan = _plan(1, 2, kpis=True, history=True)
        formats.dump(plan, tmp_path / "okrs.csv")
        assert "precious" == precious.read_text(encoding="utf-8")
        assert not (tmp_path / "okrs.kpis.csv").is_symlink()
        assert not (tmp_path / "okrs.history.csv").is_symlink()
        assert plan == formats.load(tmp_path / "okrs.csv")

    def test_explicit_check_ins_win(self, tmp_path: Path) -> None:
        """check_ins= names the file to read instead of the one beside the table."""
        path = tmp_path / "okrs.csv"
        formats.dump(_plan(1, 2), path)
        other = tmp_path / "other.csv"
        # It holds the table's latest check-in (the 2 of 2026-07-02), not the 1 beside it.
        other.write_text(
            "kr_id,at,value\r\nnps,2026-07-02,2\r\nnps,2026-07-09,9\r\n", encoding="utf-8"
        )
        assert [2, 9] == [
            c.value for c in formats.load(path, check_ins=other).key_result("nps").check_ins
        ]

    def test_files_beside_are_bounded(self, tmp_path: Path) -> None:
        """Each file beside the table is read no further than max_size."""
        path = tmp_path / "okrs.csv"
        formats.dump(_plan(*range(30)), path)
        limit = path.stat().st_size
        assert limit < (tmp_path / "okrs.check-ins.csv").stat().st_size
        with pytest.raises(FormatError, match="over the limit"):
            formats.load(path, max_size=limit)

    def test_a_folder_beside_is_refused(self, tmp_path: Path) -> None:
        """A folder where a file beside the table goes: refused, reading and writing."""
        path = tmp_path / "okrs.csv"
        formats.dump(_plan(), path)
        (tmp_path / "okrs.kpis.csv").mkdir()
        with pytest.raises(okrkit.DirectoryError):
            formats.load(path)
        with pytest.raises(okrkit.DirectoryError):
            formats.dump(_plan(1), path)
        assert ["okrs.csv", "okrs.kpis.csv"] == sorted(os.listdir(tmp_path))

    def test_a_table_not_named_csv(self, tmp_path: Path) -> None:
        """format='csv' to another name keeps that whole name before the suffixes."""
        formats.dump(_plan(1), tmp_path / "okrs.txt", format="csv")
        assert ["okrs.txt", "okrs.txt.check-ins.csv"] == sorted(os.listdir(tmp_path))
        assert _plan(1) == formats.load(tmp_path / "okrs.txt", format="csv")

    def test_a_failing_write_changes_no_file(self, tmp_path: Path) -> None:
        """A text that cannot be written (a lone surrogate in a KPI) leaves every file as it was."""
        path = tmp_path / "okrs.csv"
        formats.dump(_plan(1, 2), path)
        before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
        kpi = Kpi(title="Uptime", direction="at_least", threshold=99.9)
        object.__setattr__(kpi, "unit", "\ud800")
        with pytest.raises(okrkit.FileError, match=r"okrs\.kpis\.csv: .*surrogate"):
            formats.dump(Plan(objectives=_plan(3).objectives, kpis=[kpi]), path)
        assert before == {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    @pytest.mark.parametrize("failing", [1, 2])
    def test_a_disk_failing_before_the_replaces(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: int
    ) -> None:
        """The disk failing on any file's temporary leaves every file as it was, no temporary."""
        path = tmp_path / "okrs.csv"
        formats.dump(_plan(1, 2), path)
        before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
        calls = []
        fsync = os.fsync

        def flaky(fd: int) -> None:
            calls.append(fd)
            if len(calls) == failing:
                raise OSError(errno.ENOSPC, "No space left on device")
            fsync(fd)

        monkeypatch.setattr(os, "fsync", flaky)
        with pytest.raises(okrkit.FileError, match="No space left"):
            formats.dump(_plan(3, 4, 5, kpis=True), path)
        assert before == {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def test_the_table_is_replaced_last(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Files beside first, stale ones removed, the table last; a failing replace cleans up."""
        path = tmp_path / "okrs.csv"
        formats.dump(_plan(history=True), path)
        order: list[str] = []
        replace, unlink = os.replace, os.unlink

        def replacing(src: str, dst: str) -> None:
            order.append("replace " + os.path.basename(dst))
            replace(src, dst)

        def unlinking(name: str) -> None:
            if not name.endswith(".tmp"):
                order.append("remove " + os.path.basename(name))
            unlink(name)

        monkeypatch.setattr(os, "replace", replacing)
        monkeypatch.setattr(os, "unlink", unlinking)
        formats.dump(_plan(1, kpis=True), path)
        assert [
            "replace okrs.check-ins.csv",
            "replace okrs.kpis.csv",
            "remove okrs.history.csv",
            "remove okrs.initiatives.csv",
            "replace okrs.csv",
        ] == order

        def failing(src: str, dst: str) -> None:
            if dst.endswith("okrs.csv"):
                raise OSError(errno.EIO, "Input/output error")
            replace(src, dst)

        monkeypatch.setattr(os, "replace", failing)
        with pytest.raises(okrkit.FileError, match=r"okrs\.csv: Input/output error"):
            formats.dump(_plan(2), path)
        assert [] == [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]

    def test_write_files_each_file_once(self, tmp_path: Path) -> None:
        """The same file twice in one write is refused before anything is written."""
        with pytest.raises(InvalidValueError, match="each file once"):
            _files.write_files([(tmp_path / "a", "1"), (tmp_path / "a", "2")])
        assert [] == os.listdir(tmp_path)

    def test_write_files_into_a_special_file(self, tmp_path: Path) -> None:
        """A device among the files is written into, in its turn."""
        _files.write_files([("/dev/null", "x"), (tmp_path / "a", "1"), (tmp_path / "b", None)])
        assert "1" == (tmp_path / "a").read_text()

    def test_write_files_removal_refused(self, tmp_path: Path) -> None:
        """A file that cannot be looked at to remove it is a FileError naming it."""
        (tmp_path / "file").write_text("x")
        with pytest.raises(okrkit.FileError, match=r"file/x: Not a directory"):
            _files.write_files([(tmp_path / "a", "1"), (tmp_path / "file" / "x", None)])
        assert ["file"] == os.listdir(tmp_path)

    def test_dump_of_something_else(self, tmp_path: Path) -> None:
        """dump of something else is an okrkit type error, and writes nothing."""
        with pytest.raises(okrkit.InvalidTypeError, match="a Plan"):
            formats.dump([], tmp_path / "okrs.csv")  # type: ignore[arg-type]
        assert [] == os.listdir(tmp_path)


class TestHandWritten:
    def test_a_check_in_file_from_another_plan_is_refused(self, tmp_path: Path) -> None:
        """A table written with a place for each latest check-in, whose row shows none while
        the check-in file beside it holds some (a file left from another plan), is refused;
        a table written by hand without check-in columns leaves them to their file."""
        formats.dump(_plan(25, 28), tmp_path / "okrs.csv")
        fresh = formats.dumps(_plan(), "csv")  # the same key result, no check-in yet
        (tmp_path / "okrs.csv").write_text(fresh, encoding="utf-8")
        with pytest.raises(FormatError) as error:
            formats.load(tmp_path / "okrs.csv")
        (problem,) = error.value.details
        assert (str(tmp_path / "okrs.csv"), "row 2.check_in", "no check-in") == (
            problem.file,
            problem.path,
            problem.value,
        )
        assert "is the check-in file from another plan?" in problem.message
        by_hand = "objective.title,kr.id,kr.title\nGrow,nps,Raise NPS\n"
        (tmp_path / "okrs.csv").write_text(by_hand, encoding="utf-8")
        read = formats.load(tmp_path / "okrs.csv")
        assert [25, 28] == [c.value for c in read.key_result("nps").check_ins]

    def test_a_column_that_only_ends_like_a_check_in_column(self) -> None:
        """A table whose header merely contains "check_in." in another column's name has no
        check-in columns: its key results' check-ins are the check-in file's."""
        table = "objective.title,kr.id,kr.title,old_check_in.x\nGrow,nps,Raise NPS,1\n"
        history = "kr_id,at,value\nnps,2026-07-01,40\n"
        read = formats.loads(table, "csv", unknown="ignore", check_ins=history)
        assert [40] == [c.value for c in read.key_result("nps").check_ins]

    def test_problems_beside_the_table_name_their_file(self, tmp_path: Path) -> None:
        formats.dump(_plan(1, kpis=True), tmp_path / "okrs.csv")
        beside = tmp_path / "okrs.check-ins.csv"
        beside.write_text("kr_id,at,value\nnps,2026-07-01,1\n,2026-07-02,2\n", encoding="utf-8")
        with pytest.raises(FormatError) as error:
            formats.load(tmp_path / "okrs.csv")
        assert [str(beside)] == [p.file for p in error.value.details]

    def test_a_check_in_typed_into_the_table_is_not_dropped(self) -> None:
        """Read with the check-in file, a row's check-in the file does not hold (a new week's
        value typed into the spreadsheet) is refused, naming its row; one the file holds, and
        one of a key result the file has no check-ins for, are read."""
        plan = _plan(40, 41)
        table, history = formats.dumps(plan, "csv", lossy=True), formats.dumps_check_ins(plan)
        assert plan == formats.loads(table, "csv", check_ins=history)
        typed = table.replace("2026-07-02,41", "2026-07-09,44")
        with pytest.raises(FormatError) as error:
            formats.loads(typed, "csv", check_ins=history)
        (problem,) = error.value.details
        assert ("row 2.check_in", {"at": "2026-07-09", "value": 44}) == (
            problem.path,
            problem.value,
        )
        assert "add it to the check-in file, or clear these cells" in problem.message
        other = KeyResult(id="other", title="Other").check_in(1, at=date(2026, 7, 1))
        two = Plan(objectives=[attrs.evolve(plan.objectives[0], key_results=[
            plan.objectives[0].key_results[0], other])])  # fmt: skip
        # A check-in file without the first key result's: its row's check-in is all it has.
        read = formats.loads(
            formats.dumps(two, "csv", lossy=True), "csv", check_ins=formats.dumps_check_ins(
                Plan(objectives=[Objective(title="x", key_results=[other])]))
        )  # fmt: skip
        assert [41] == [c.value for c in read.key_result("nps").check_ins]

    def test_kpi_rows_agree(self) -> None:
        """A KPI's rows (one per check-in) must repeat its columns; each problem is named."""
        kpis = (
            "kpi.title,kpi.direction,kpi.threshold,check_in.at,check_in.value\r\n"
            "Uptime,at_least,99.9,2026-07-01,99.95\r\n"
            "Uptime,at_least,99.5,2026-07-02,99.97\r\n"
            "Latency,at_most,ten,,\r\n"
        )
        with pytest.raises(FormatError) as error:
            formats.loads("objective.title\r\nGrow\r\n", "csv", kpis=kpis)
        assert [
            "kpis row 3.kpi.threshold: expected '99.9' as in row 2 for KPI 'uptime', got '99.5'",
            "kpis row 4.kpi.threshold: expected a number (or a decimal string such as '12.50'),"
            " got 'ten'",
        ] == list(error.value.problems)

    def test_past_scores(self) -> None:
        """A past score's row, fiscal cycle included, and its problems by row."""
        history = (
            "owner,cycle,cycle.fiscal_year_start,score\r\n"
            "growth,FY2027-Q1,2,0.7\r\n"
            ",2026-Q2,,0.5\r\n"
        )
        with pytest.raises(FormatError, match=r"history row 3\.owner: missing required field"):
            formats.loads("objective.title\r\nGrow\r\n", "csv", history=history)
        plan = formats.loads(
            "objective.title\r\nGrow\r\n",
            "csv",
            history=history.splitlines()[0] + "\r\n" + history.splitlines()[1],
        )
        assert Cycle.parse("FY2027-Q1", fiscal_year_start=2) == plan.history[0].cycle

    def test_fiscal_naming_alone(self) -> None:
        """A fiscal cycle's naming may be given without its start month (January)."""
        history = "owner,cycle,cycle.fiscal_year_named_by,score\r\ngrowth,FY2027,start,0.7\r\n"
        plan = formats.loads("objective.title\r\nGrow\r\n", "csv", history=history)
        assert Cycle.parse("FY2027", fiscal_year_named_by="start") == plan.history[0].cycle

    def test_siblings_go_with_csv_only(self) -> None:
        """kpis= and history= are CSV's, as check_ins= is."""
        for argument in ("kpis", "history"):
            with pytest.raises(InvalidValueError, match=f"{argument}.*CSV only"):
                formats.loads('{"okrkit": 1}', "json", **{argument: "x"})  # type: ignore[arg-type]

    def test_dumps_of_something_else(self) -> None:
        """dumps_kpis and dumps_history of something else are okrkit type errors."""
        for dumps in (formats.dumps_kpis, formats.dumps_history):
            with pytest.raises(okrkit.InvalidTypeError):
                dumps([])  # type: ignore[arg-type]

    def test_golden_files_beside(self) -> None:
        """The golden plan's KPI and past score files, byte for byte."""
        from test_formats import golden_plan

        golden = ROOT / "tests" / "data" / "golden"
        assert (golden / "plan-kpis.csv").read_bytes().decode() == formats.dumps_kpis(golden_plan())
        assert (golden / "plan-history.csv").read_bytes().decode() == formats.dumps_history(
            golden_plan()
        )


def _lines(text: str) -> list[int]:
    """The line each record of okrkit's CSV *text* begins on, counted independently."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    starts, line = [], 1
    for row in csv.reader(io.StringIO(text, newline="")):
        out.seek(0)
        out.truncate()
        writer.writerow(row)
        starts.append(line)
        line += len(re.findall(r"\r\n|\r|\n", out.getvalue()))
    return starts


def _at(plan: Plan, path: str) -> object:
    """The value at *path* (``objectives[0].key_results[1].title``) in *plan*."""
    value: object = plan
    for part in path.split("."):
        name, _, index = part.partition("[")
        value = getattr(value, name)
        if index:
            value = value[int(index.rstrip("]"))]  # type: ignore[index]
    return value


class TestLocate:
    @given(plans())
    def test_every_place_is_its_cell(self, plan: Plan) -> None:
        """Each objective, key result and field is at the line and column of its cell."""
        text = formats.dumps(plan, "csv", lossy=True)
        rows = list(csv.reader(io.StringIO(text, newline="")))
        starts = _lines(text)
        found = _csv.locate(text)
        for path, (line, column) in found.items():
            record = starts.index(line)
            cell = rows[record][column - 1]
            if path.endswith("]"):
                assert rows[0][column - 1] in ("objective.title", "kr.title", "check_in.value")
            if path.endswith(".title"):
                assert _at(plan, path) == cell.removeprefix("'")
            if path.endswith(".check_ins[0]"):
                latest = _at(plan, path.removesuffix(".check_ins[0]") + ".check_ins")
                assert (
                    latest[-1].value
                    == formats.loads(  # type: ignore[index]
                        f"objective.title,kr.title,kr.start\r\nx,y,{cell}\r\n", "csv"
                    )
                    .key_result("y")
                    .start
                )
        assert len(plan.objectives) == sum(
            1 for p in found if re.fullmatch(r"objectives\[\d+\]", p)
        )
        krs = [p for p in found if re.fullmatch(r"objectives\[\d+\]\.key_results\[\d+\]", p)]
        assert sum(len(o.key_results) for o in plan.objectives) == len(krs)

    def test_worked_example(self) -> None:
        """A cell over two lines moves the rows below it; rows of one objective need not be
        adjacent; only the columns the table has are located."""
        text = (
            "objective.title,objective.description,kr.title,kr.target,check_in.at,check_in.value\n"
            'Grow,"Two\nlines",NPS,50,2026-07-01,40\n'
            "Retain,,Churn,4,,\n"
            'Grow,"Two\nlines",ARR,10,,\n'
        )
        assert 2 == len(formats.loads(text, "csv").objectives)
        found = _csv.locate(text)
        assert {
            "objectives[0]": (2, 1),
            "objectives[0].title": (2, 1),
            "objectives[0].description": (2, 2),
            "objectives[0].key_results[0]": (2, 3),
            "objectives[0].key_results[0].target": (2, 4),
            "objectives[0].key_results[0].check_ins[0]": (2, 6),
            "objectives[0].key_results[0].check_ins[0].at": (2, 5),
            "objectives[1]": (4, 1),
            "objectives[1].key_results[0]": (4, 3),
            "objectives[0].key_results[1]": (5, 3),
        }.items() <= found.items()
        assert "objectives[0].owner" not in found
        assert "objectives[1].key_results[0].check_ins[0]" not in found

    def test_objective_without_key_results(self) -> None:
        """An objective's row without a key result locates the objective only."""
        assert {"objectives[0]": (2, 1), "objectives[0].title": (2, 1)} == _csv.locate(
            "objective.title\r\nGrow\r\n"
        )

    def test_a_table_that_does_not_load(self) -> None:
        """A key result without its title column is located by the cells it has."""
        found = _csv.locate("objective.title,kr.id\r\nGrow,nps\r\n")
        assert (2, 2) == found["objectives[0].key_results[0].id"]
        assert "objectives[0].key_results[0]" not in found

    def test_bad_csv(self) -> None:
        """Text that is no CSV is a FormatError, as loading it is."""
        with pytest.raises(FormatError, match="invalid CSV"):
            _csv.locate('objective.title\r\n"Grow\r\n')


class TestConvert:
    def test_csv_file_with_the_files_beside(self, tmp_path: Path) -> None:
        """convert to a .csv file writes the files beside it: the plan comes back whole."""
        dst = tmp_path / "okrs.csv"
        assert (0, "", "") == call("convert", ACME, str(dst))
        assert ["okrs.check-ins.csv", "okrs.csv", "okrs.history.csv", "okrs.kpis.csv"] == sorted(
            os.listdir(tmp_path)
        )
        assert formats.load(ACME) == formats.load(dst)
        assert (0, "", "") == call("convert", str(dst), str(tmp_path / "back.yaml"))
        assert formats.load(ACME) == formats.load(tmp_path / "back.yaml")

    def test_stdout_refuses_what_it_would_lose(self) -> None:
        """CSV to standard output: exit 2, a line per thing lost, unless --lossy."""
        status, out, err = call("convert", ACME, "-", "--to", "csv")
        lines = err.splitlines()
        assert (2, "") == (status, out)
        assert lines[0] == (
            "okrkit: -: objectives[0].key_results[0].check_ins: 3 earlier check-ins would be"
            " lost: CSV text holds only the latest; a .csv file keeps them in the"
            " .check-ins.csv file beside it (--lossy writes without it)"
        )
        assert lines[-1].startswith("okrkit: -: history: 4 past scores would be lost")
        status, out, err = call("convert", ACME, "-", "--to", "csv", "--lossy")
        assert (0, "") == (status, err)
        assert out.startswith("objective.id,")

    def test_markdown_file_keeps_the_plan(self, tmp_path: Path) -> None:
        """A .md file holds the whole plan, KPIs and history too: written, read back equal."""
        dst = tmp_path / "okrs.md"
        assert (0, "", "") == call("convert", ACME, str(dst))
        assert formats.load(ACME) == formats.load(dst)

    def test_a_file_beside_that_is_the_input(self, tmp_path: Path) -> None:
        """Writing a table whose check-in file would be SRC is refused."""
        src = tmp_path / "okrs.check-ins.csv"
        formats.dump(_plan(1), tmp_path / "plan.csv")
        (tmp_path / "plan.csv").replace(src)
        status, _, err = call("convert", str(src), str(tmp_path / "okrs.csv"))
        assert 2 == status
        assert err.startswith(f"okrkit: {src}: is the input: writing")

    def test_an_unwritable_file_beside(self, tmp_path: Path) -> None:
        """A file beside that cannot be written: one line naming it, exit 2."""
        (tmp_path / "okrs.kpis.csv").mkdir()
        status, _, err = call("convert", ACME, str(tmp_path / "okrs.csv"))
        assert (
            2,
            f"okrkit: {tmp_path / 'okrs.csv'}: expected a regular file, got a directory\n",
        ) == (
            status,
            err,
        )
