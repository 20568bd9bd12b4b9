"""``okrkit check`` as a linter (issue #16): findings at file:line:col with their hints, the
GitHub, JSON and SARIF outputs, folders searched as ruff searches them, ``--at`` on every
command, and the errors that help a reader fix a file."""

from __future__ import annotations

import io
import json
import os
import pickle
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import okrkit
from okrkit import formats
from okrkit.cli import Streams, run
from okrkit.errors import FormatError, InvalidValueError
from okrkit.formats._document import FIELDS
from okrkit.model import CheckIn, KeyResult, Kpi, Level, Objective, PastScore, Plan
from okrkit.rules import RuleConfig, validate
from okrkit.testing import plans

ROOT = Path(__file__).resolve().parent.parent
ACME = str(ROOT / "examples" / "acme-2026-q3.yaml")
# The SARIF 2.1.0 JSON Schema as OASIS publishes it (errata 01), kept here to test offline:
# https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
SARIF = jsonschema.Draft4Validator(SARIF_SCHEMA)
CLEAN = """\
okrkit: 1
objectives:
- id: delight
  title: Delight the customers who rely on us every day
  owner: support
  level: company
  cycle: 2026-Q3
  key_results:
  - {id: nps, title: Raise NPS from 32 to 45, direction: increase, start: 32, target: 45}
  - {id: frt, title: Cut median first response time from 9h to 2h, direction: decrease,
     start: 9, target: 2, unit: h}
  - {id: churn, title: Reduce monthly churn from 3% to 2%, direction: decrease, start: 3,
     target: 2, unit: '%'}
"""
FLAWED = CLEAN + "  - {id: csat, title: Improve CSAT}\n"  # OKR201 on line 14


def checked_in(**fields: object) -> str:
    """CLEAN with a fourth key result, checked in once with *fields* (YAML flow values)."""
    said = ", ".join(f"{k}: {v}" for k, v in {"at": "2026-08-01", "value": 40, **fields}.items())
    return (
        CLEAN + f"  - id: csat\n    title: Raise CSAT from 80 to 90\n    check_ins: [{{{said}}}]\n"
    )


def call(*argv: str, stdin: bytes = b"") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(list(argv), Streams(stdin=io.BytesIO(stdin), stdout=out, stderr=err, environ={}))
    return status, out.getvalue(), err.getvalue()


def findings(*argv: str, stdin: bytes = b"") -> list[dict[str, object]]:
    """The findings of ``check`` with *argv*, as its JSON output has them."""
    out = call("check", *argv, "--format", "json", stdin=stdin)[1]
    found: list[dict[str, object]] = json.loads(out)["diagnostics"]
    return found


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


class TestText:
    def test_at_file_line_col_with_the_hint_below(self, tmp_path: Path) -> None:
        """A finding is `file:line:col: CODE [severity] message`, its hint on the next line."""
        path = write(tmp_path, "okrs.yaml", FLAWED)
        status, out, _ = call("check", str(path), "--at", "2026-07-02", "--select", "OKR201")
        assert (1, [
            f"{path}:14:5: OKR201 [error] key result 'Improve CSAT' has no measurable target",
            "  hint: say from what to what the metric moves, and set direction, start and target",
            "Found 1 error, 0 warnings, 0 info in 1 file.",
        ]) == (status, out.splitlines())  # fmt: skip

    @settings(max_examples=15, deadline=None)
    @given(plan=plans(max_objectives=3), format=st.sampled_from(["json", "yaml", "csv"]))
    def test_every_finding_at_its_place_and_followed_by_its_hint(
        self, plan: Plan, format: str
    ) -> None:
        """Law: each finding prints as one line at file:line:col when located (else file:path),
        followed by its hint, in the order of the JSON output; then one summary line."""
        # Standard input holds one text: CSV without its files beside (lossy is what it reads).
        text = formats.dumps(plan, format, lossy=True).encode()  # type: ignore[arg-type]
        argv = ("-", "--input-format", format, "--at", "2026-08-01")
        found = findings(*argv, stdin=text)
        _, out, _ = call("--color", "never", "check", *argv, stdin=text)
        lines = out.splitlines()
        summary = lines.pop()
        assert summary.startswith(("Found ", "All checks passed"))
        for d in found:
            where = f"{d['line']}:{d['column']}" if d["line"] is not None else d["path"]
            head = f"<stdin>:{where}: {d['code']} [{d['severity']}] "
            assert lines.pop(0).startswith(head if where else f"<stdin>: {d['code']} ")
            if d["hint"] is not None:
                assert lines.pop(0).startswith("  hint: ")
        assert [] == lines

    def test_unlocated_finding_keeps_its_path(self, tmp_path: Path) -> None:
        """A finding without a line (a format with no locator) is said at file:path."""
        from okrkit.cli._check import _Found, _github, _text, _where
        from okrkit.cli._io import colorizer

        d = okrkit.rules.Diagnostic(
            code="OKR201", name="unmeasurable", severity="error", message="no target",
            path="objectives[0].key_results[3]", hint="set one",
        )  # fmt: skip
        found = _Found("okrs.csv", d)
        assert "okrs.csv:objectives[0].key_results[3]" == _where(found)
        assert "okrs.csv" == _where(_Found("okrs.csv", attrs.evolve(d, path="")))
        paint = colorizer("never", Streams())
        assert (
            "okrs.csv:objectives[0].key_results[3]: OKR201 [error] no target\n  hint: set one\n"
        ) == _text(found, paint)
        assert "::error file=okrs.csv,title=OKR201 unmeasurable::" in _github(found)
        assert "okrs.csv:3" == _where(_Found("okrs.csv", attrs.evolve(d, line=3)))
        from okrkit.cli._check import _sarif_result

        bare = _sarif_result(_Found("okrs.csv", attrs.evolve(d, hint=None)), {"OKR201": 4})
        assert {"artifactLocation": {"uri": "okrs.csv"}} == bare["locations"][0][
            "physicalLocation"]  # fmt: skip
        assert (4, False) == (bare["ruleIndex"], "properties" in bare)

    def test_problems_reading_a_file_at_their_place(self, tmp_path: Path) -> None:
        """A problem reading a file is said at file:line:col when the place is known."""
        path = write(tmp_path, "okrs.yaml", CLEAN.replace("target: 45", "targt: 45"))
        status, out, err = call("check", str(path))
        assert 2 == status
        assert (
            f"okrkit: {path}:9:79: $.objectives[0].key_results[0].targt: unknown field 'targt'"
            " (did you mean 'target'?)\n"
        ) == err
        assert "Not every file was checked: 1 of 1 file unreadable.\n" == out


class TestReadProblems:
    def test_placed(self) -> None:
        """Each problem of a file is placed at its line (and column) in it when known; one
        in another file keeps that file's name; an error of another kind is said as is."""
        from okrkit.cli._io import placed
        from okrkit.errors import Problem

        error = FormatError([
            Problem(message="a", path="$.x", line=3),
            Problem(message="b", path="$.y", line=4, column=2, file="other.yaml"),
            Problem(message="c", path="$.z"),
        ])  # fmt: skip
        said = placed(error, "okrs.yaml")
        assert (("$.x: a", "other.yaml:4:2: $.y: b", "$.z: c"), ("3", None, None)) == (
            said.problems,
            said.places,
        )
        err = io.StringIO()
        from okrkit.cli._io import complain

        complain(said, Streams(stderr=err))
        assert "okrkit: okrs.yaml:3: $.x: a\n" == err.getvalue().splitlines(keepends=True)[0]
        other = placed(OSError(5, "Input/output error"), "okrs.yaml")
        assert (("Input/output error",), (None,)) == (other.problems, other.places)

    def test_unreadable_stdin_in_sarif_has_no_artifact(self) -> None:
        """Standard input that cannot be read is a notification without a location."""
        status, out, _ = call(
            "check", "-", "--format", "sarif", stdin=b"okrkit: 1\nobjectives: [\n"
        )
        # The problem, and what standard input was read as.
        notes = json.loads(out)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        assert (2, [["level", "message"]] * 2) == (status, [sorted(note) for note in notes])

    def test_progress_cleared_before_a_complaint(self, tmp_path: Path) -> None:
        """On a terminal, the progress line is cleared before an unreadable file is named."""

        class Tty(io.StringIO):
            def isatty(self) -> bool:
                return True

        missing = str(tmp_path / "missing.yaml")
        err = Tty()
        run(["check", *[missing] * 10], Streams(stdout=io.StringIO(), stderr=err, environ={}))
        assert f"\r\x1b[Kokrkit: {missing}: No such file or directory\n" in err.getvalue()


class TestStandardInput:
    def test_a_document_that_does_not_read_says_what_it_was_read_as(self) -> None:
        """Standard input has no suffix: a problem reading it says the format it was read as
        and how to give another, rather than leaving a Markdown file's YAML error unexplained."""
        page = Path(__file__).parent.parent / "examples" / "handwritten.md"
        status, _, err = call("check", "-", stdin=page.read_bytes())
        assert 2 == status
        assert err.splitlines()[-1] == (
            "okrkit: <stdin>: read as YAML, as standard input is without --input-format"
            " (give --input-format markdown, csv, toml, json or yaml)"
        )
        assert 1 == call("check", "-", "--input-format", "markdown", "--at", "2026-08-01",
                         stdin=page.read_bytes())[0]  # fmt: skip


class TestGithub:
    def test_annotation_at_line_and_col(self, tmp_path: Path) -> None:
        """An annotation carries line= and col=, and the hint after the message."""
        path = write(tmp_path, "okrs.yaml", FLAWED)
        _, out, _ = call("check", str(path), "--select", "OKR201", "--format", "github")
        assert (
            f"::error file={path},line=14,col=5,title=OKR201 unmeasurable::"
            "objectives[0].key_results[3]: key result 'Improve CSAT' has no measurable target"
            "%0Ahint: say from what to what the metric moves, and set direction, start and target\n"
        ) == out


class TestJson:
    def test_findings_carry_their_location(self, tmp_path: Path) -> None:
        """Each finding has its file as named, line and column."""
        path = write(tmp_path, "okrs.yaml", FLAWED)
        (found,) = findings(str(path), "--select", "OKR201")
        assert (str(path), 14, 5) == (found["file"], found["line"], found["column"])


class TestSarif:
    def sarif(self, *argv: str, stdin: bytes = b"") -> tuple[int, dict[str, object]]:
        status, out, _ = call("check", *argv, "--format", "sarif", stdin=stdin)
        log = json.loads(out)
        SARIF.validate(log)
        return status, log

    def test_valid_against_the_schema_with_every_part(self) -> None:
        """The log validates against SARIF 2.1.0's schema: the tool and its rules, each result
        at its file, line, column and path, pointing at its rule."""
        status, log = self.sarif(ACME, "--at", "2026-08-31")
        (run_,) = log["runs"]  # type: ignore[index]
        driver = run_["tool"]["driver"]
        assert (0, "okrkit", okrkit.__version__) == (status, driver["name"], driver["version"])
        codes = [r.code for r in okrkit.rules.REGISTRY]
        assert codes == [rule["id"] for rule in driver["rules"]]
        stale = driver["rules"][codes.index("OKR602")]
        assert {"text": "check in weekly: a number nobody looks at does not move"} == stale["help"]
        assert {"level": "warning"} == stale["defaultConfiguration"]
        assert [{"executionSuccessful": True}] == run_["invocations"]
        first = run_["results"][0]
        assert driver["rules"][first["ruleIndex"]]["id"] == first["ruleId"] == "OKR602"
        (where,) = first["locations"]
        assert {
            "artifactLocation": {"uri": Path(ACME).as_uri()},  # absolute: a file URI
            "region": {"startLine": 90, "startColumn": 9},
        } == where["physicalLocation"]
        assert "objectives[1].key_results[2]" == where["logicalLocations"][0]["fullyQualifiedName"]

    def test_relative_uri_as_given(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A file named relative to the checkout keeps its relative URI, percent-encoded."""
        monkeypatch.chdir(tmp_path)
        write(tmp_path, "my okrs/q3.yaml", FLAWED)
        _, log = self.sarif("my okrs/q3.yaml", "--select", "OKR201")
        (result,) = log["runs"][0]["results"]  # type: ignore[index]
        place = result["locations"][0]["physicalLocation"]
        assert "my%20okrs/q3.yaml" == place["artifactLocation"]["uri"]
        assert ("error", "OKR201") == (result["level"], result["ruleId"])

    @settings(max_examples=15, deadline=None)
    @given(plan=plans(max_objectives=3), format=st.sampled_from(["json", "yaml", "csv"]))
    def test_one_result_per_finding(self, plan: Plan, format: str) -> None:
        """Law: the log is valid and holds one result per finding, in order, each at its level
        (info as note); standard input has no artifact, a finding without a line no region."""
        # Standard input holds one text: CSV without its files beside (lossy is what it reads).
        text = formats.dumps(plan, format, lossy=True).encode()  # type: ignore[arg-type]
        argv = ("-", "--input-format", format, "--at", "2026-08-01")
        found = findings(*argv, stdin=text)
        _, log = self.sarif(*argv, stdin=text)
        results = log["runs"][0]["results"]  # type: ignore[index]
        assert [(d["code"], {"info": "note"}.get(d["severity"], d["severity"]))  # type: ignore[arg-type]
                for d in found] == [(r["ruleId"], r["level"]) for r in results]  # fmt: skip
        assert all("physicalLocation" not in r["locations"][0] for r in results)

    def test_unreadable_files_are_notifications(self, tmp_path: Path) -> None:
        """A file that cannot be read is an error notification, and the run unsuccessful."""
        bad = write(tmp_path, "bad.yaml", "okrkit: 1\nobjectives: [\n")
        status, log = self.sarif(str(bad), str(tmp_path / "missing.yaml"))
        (invocation,) = log["runs"][0]["invocations"]  # type: ignore[index]
        notes = invocation["toolExecutionNotifications"]
        assert (2, False, 2) == (status, invocation["executionSuccessful"], len(notes))
        assert {"startLine": 3, "startColumn": 1} == notes[0]["locations"][0][
            "physicalLocation"]["region"]  # fmt: skip
        assert "No such file or directory" == notes[1]["message"]["text"]
        assert "region" not in notes[1]["locations"][0]["physicalLocation"]
        empty = tmp_path / "empty"
        empty.mkdir()
        _, log = self.sarif(str(empty))
        assert not log["runs"][0]["invocations"][0]["executionSuccessful"]  # type: ignore[index]


class TestFolders:
    def test_every_okr_file_honouring_gitignore(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A folder is searched as ruff searches one: hidden folders and what .gitignore files
        ignore (in the folder, below it, and above it up to the repository) are skipped, and
        files that do not say they hold OKRs (a README, a pyproject.toml) are left alone."""
        repo = tmp_path / "repo"
        (repo / ".git" / "info").mkdir(parents=True)
        write(repo, ".git/info/exclude", "*.local.yaml\n")
        write(repo, ".gitignore", "okrs/archive/\n")
        okrs = repo / "okrs"
        for name in ("q3.yaml", "b/team.json", "archive/old.yaml", ".hidden/x.yaml",
                     "b/sub/keep.yaml", "b/sub/skip.yaml", "mine.local.yaml"):  # fmt: skip
            text = CLEAN if name.endswith(".yaml") else formats.dumps(formats.loads(CLEAN, "yaml"))
            write(okrs, name, text)
        write(okrs, "b/.gitignore", "sub/*.yaml\n!sub/keep.yaml\n")
        write(okrs, "README.md", "# Our OKRs\n\n## Why\n\n1. Focus\n")
        write(okrs, "plan.md", "# Q3\n\n## Objective: Delight our customers every day\n\n1. x\n")
        write(okrs, "pyproject.toml", '[tool.okrkit]\nignore = ["OKR402"]\n')
        write(okrs, "okrkit.toml", 'ignore = ["OKR402"]\n')
        write(okrs, "mkdocs.yml", "site_name: OKRs\n")
        write(okrs, "export.csv", "name,value\na,1\n")
        write(okrs, "krs.csv", "objective.title,kr.title\nDelight,Raise NPS\n")
        monkeypatch.chdir(repo)
        from okrkit.cli._walk import okr_files

        assert ["okrs/b/sub/keep.yaml", "okrs/b/team.json", "okrs/krs.csv", "okrs/plan.md",
                "okrs/q3.yaml"] == okr_files("okrs").files  # fmt: skip
        assert ["okrs/b/sub/keep.yaml", "okrs/b/team.json"] == okr_files("okrs/b").files
        monkeypatch.chdir(okrs)
        # Above the folder, up to the repository's root, .gitignore files still count.
        assert "archive/old.yaml" not in okr_files(".").files
        assert [] == okr_files("archive").files  # an ignored folder named is searched, its own
        # rules apply: git ignores the folder, not the files in it

    def test_markdown_okrkit_wrote_and_people_labelled(self, tmp_path: Path) -> None:
        """A Markdown page okrkit wrote (its attribute blocks) says it holds OKRs, as does a
        labelled one; an anchor such as ``{#install}`` says nothing."""
        from okrkit.cli._walk import okr_files

        plan = formats.loads(CLEAN, "yaml")
        write(tmp_path, "written.md", formats.dumps(plan, "markdown", lossy=True))
        write(tmp_path, "labelled.md", "# Q3\n\n- **KR 1.2:** Raise NPS from 30 to 40\n")
        write(tmp_path, "docs.md", "## Install {#install}\n\n1. pip install okrkit\n")
        assert [str(tmp_path / "labelled.md"), str(tmp_path / "written.md")] == okr_files(
            str(tmp_path)
        ).files

    def test_a_page_that_reads_as_okrs_is_named_not_passed_over(self, tmp_path: Path) -> None:
        """A Markdown page that reads as OKRs without saying so is not checked (a changelog may
        read so too) but named, and the run does not say all checks passed."""
        from okrkit.cli._walk import okr_files

        goals = write(tmp_path, "goals.md", "## Grow\n\n- Raise NPS from 30 to 40\n"
                      "- Cut churn from 3% to 2%\n")  # fmt: skip
        write(tmp_path, "news.md", "## 1.2\n\n- Fixed a crash\n- [x] Launch the docs\n")
        write(tmp_path, "one.md", "## Grow\n\n- Raise NPS from 30 to 40\n")  # one is not OKRs
        write(tmp_path, "twice.md", "## A {#a}\n\n## B {#a}\n")  # does not read at all
        write(tmp_path, "notes.txt", "Objective: not a suffix okrkit reads\n")
        write(tmp_path, "q3.yaml", CLEAN)
        found = okr_files(str(tmp_path))
        assert ([str(tmp_path / "q3.yaml")], [str(goals)]) == (found.files, found.unsaid)
        status, out, err = call("check", str(tmp_path))
        assert 0 == status
        assert out.endswith("Not every file was checked: 1 file read as OKRs but not checked;"
                            " no findings in the others.\n")  # fmt: skip
        assert f"okrkit: note: {goals}: reads as OKRs but does not say so" in err
        _, out, _ = call("check", str(tmp_path), "--format", "json")
        assert 1 == json.loads(out)["summary"]["not_checked"]
        _, out, _ = call("check", str(tmp_path), "--format", "github")
        assert out.startswith(f"::notice file={goals}::reads as OKRs but does not say so")
        _, out, _ = call("check", str(tmp_path), "--format", "sarif")
        (note,) = json.loads(out)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        assert "note" == note["level"]
        assert call("check", str(goals))[1].endswith(" in 1 file.\n")  # named: checked

    def test_a_sheet_of_another_tools_columns_is_named_not_passed_over(
        self, tmp_path: Path
    ) -> None:
        """A CSV export whose header names objectives or key results in its own columns is
        not checked (okrkit cannot read it as it is) but named, with what to do; one with
        other columns is no OKR file at all."""
        from okrkit.cli._walk import okr_files

        sheet = write(tmp_path, "okrs.csv", "Objective,Key Result,Baseline,Owner\n"
                      "Grow,Raise NPS from 30 to 40,30,ana\n")  # fmt: skip
        write(tmp_path, "kr1.csv", "KR 1;Status\nShip it;done\n")  # named as well
        write(tmp_path, "people.csv", "name,email,objective_count\nana,a@x.org,3\n")
        write(tmp_path, "q3.yaml", CLEAN)
        found = okr_files(str(tmp_path))
        assert [str(tmp_path / "kr1.csv"), str(sheet)] == found.unsaid
        status, out, err = call("check", str(tmp_path))
        assert 0 == status
        assert "Not every file was checked: 2 files read as OKRs but not checked;" in out
        assert f"okrkit: note: {sheet}: names objectives or key results in its header" in err
        _, out, _ = call("check", str(tmp_path), "--format", "github")
        assert f"::notice file={sheet}::names objectives or key results" in out
        assert 2 == call("check", str(sheet))[0]  # named: checked, and what it lacks is said

    def test_what_says_okrs_and_what_does_not(self, tmp_path: Path) -> None:
        """Okrkit's own files beside a table, a pyproject.toml that depends on okrkit and an
        example in a code block say nothing of OKRs; a CSV whose header field is too long for
        the csv module is looked at without an error."""
        from okrkit.cli._walk import okr_files

        plan = formats.loads(CLEAN, "yaml")
        uptime = okrkit.Kpi(title="Uptime", direction="at_least", threshold=99)
        formats.dump(attrs.evolve(plan, kpis=[uptime]), tmp_path / "okrs.csv")
        write(tmp_path, "pyproject.toml", '[tool.poetry.dependencies]\nokrkit = "^1.0"\n')
        write(tmp_path, "README.md", "# Tool\n\n```markdown\n## Objective: Grow\n```\n\n"
              "    KR1: Raise NPS\n")  # fmt: skip
        write(tmp_path, "big.csv", "kr.target," + "x" * 200_000 + "\n")  # says so: checked
        assert [str(tmp_path / "big.csv"), str(tmp_path / "okrs.csv")] == okr_files(
            str(tmp_path)
        ).files

    def test_outside_a_repository_only_the_folders_own_ignores(self, tmp_path: Path) -> None:
        """Without a repository, .gitignore files above the folder do not apply."""
        write(tmp_path, ".gitignore", "*.yaml\n")
        write(tmp_path, "okrs/q3.yaml", CLEAN)
        from okrkit.cli._walk import okr_files

        assert [str(tmp_path / "okrs" / "q3.yaml")] == okr_files(str(tmp_path / "okrs")).files
        assert [] == okr_files(str(tmp_path)).files

    def test_one_summary_and_exit_2_for_what_cannot_be_read(self, tmp_path: Path) -> None:
        """Files and folders mix; several files give one summary; an OKR file that cannot be
        read is exit 2, as is a folder holding no OKR file."""
        write(tmp_path, "okrs/a.yaml", FLAWED)
        write(tmp_path, "okrs/b.yaml", CLEAN)
        write(tmp_path, "okrs/broken.yaml", "okrkit: 1\nobjectives: [\n")
        write(tmp_path, "docs/README.md", "# Docs\n")
        one = write(tmp_path, "one.yaml", CLEAN)
        status, out, err = call("check", str(one), str(tmp_path / "okrs"), "--select", "OKR201")
        assert 2 == status
        assert out.endswith("Found 1 error, 0 warnings, 0 info in 4 files, 1 unreadable.\n")
        assert err.startswith(f"okrkit: {tmp_path / 'okrs' / 'broken.yaml'}:3:1: $: invalid YAML")
        status, out, err = call("check", str(tmp_path / "docs"))
        assert (2, "Not every file was checked: 1 folder without OKR files.\n") == (status, out)
        assert f"okrkit: {tmp_path / 'docs'}: is a folder without OKR files" in err

    def test_a_file_named_and_found_is_checked_once(self, tmp_path: Path) -> None:
        """A file named and in a folder named is checked once; named twice, twice."""
        path = write(tmp_path, "okrs/a.yaml", FLAWED)
        _, out, _ = call("check", str(path), str(tmp_path / "okrs"), "--select", "OKR201")
        assert out.endswith("in 1 file.\n")
        _, out, _ = call("check", str(path), str(path), "--select", "OKR201")
        assert out.endswith("in 2 files.\n")

    def test_what_cannot_be_opened_is_checked_to_say_why(self, tmp_path: Path) -> None:
        """A FIFO or a link to nowhere in a folder is reported, never silently skipped."""
        os.mkfifo(tmp_path / "pipe.yaml")
        (tmp_path / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
        status, _, err = call("check", str(tmp_path))
        assert 2 == status
        gone, nowhere = tmp_path / "gone.yaml", tmp_path / "nowhere.yaml"
        assert f"okrkit: {gone}: a symbolic link to {str(nowhere)!r}, which does not exist" in err
        assert f"okrkit: {tmp_path / 'pipe.yaml'}: expected a regular file, got a FIFO" in err

    def test_a_folder_that_cannot_be_listed_holds_nothing(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A folder that cannot be listed (no permission, gone) is passed over."""
        from okrkit.cli._walk import okr_files

        write(tmp_path, "a/q3.yaml", CLEAN)
        write(tmp_path, "b/q3.yaml", CLEAN)
        scandir = os.scandir

        def refuse(path: Path) -> object:
            if Path(path).name == "b":
                raise PermissionError(13, "Permission denied")
            return scandir(path)

        monkeypatch.setattr(os, "scandir", refuse)
        assert [str(tmp_path / "a" / "q3.yaml")] == okr_files(str(tmp_path)).files

    def test_pathspec_only_when_a_folder_is_checked(self) -> None:
        """`import okrkit` and the command's import load no pathspec: a folder's check does."""
        code = (
            "import sys, io, okrkit, okrkit.cli; before = 'pathspec' in sys.modules; "
            "okrkit.cli.run(['check', 'examples'], okrkit.cli.Streams(stdout=io.StringIO(), "
            "stderr=io.StringIO())); print(before, 'pathspec' in sys.modules)"
        )
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=True, cwd=ROOT, env=env)  # fmt: skip
        assert "False True" == done.stdout.strip()


class TestAt:
    def test_today_is_a_deprecated_alias(self, tmp_path: Path) -> None:
        """`check --today` and `new --today` still work, saying once that --at replaces them."""
        path = write(tmp_path, "okrs.yaml", CLEAN)
        warning = (
            "okrkit: warning: --today is deprecated and will be removed in the next release: "
            "use --at\n"
        )
        assert (0, "All checks passed (1 file).\n", warning) == call(
            "check", str(path), "--today", "2026-07-01", "--today", "2026-07-02"
        )
        assert (0, warning) == call("new", "--today", "2026-11-22")[::2]
        assert "cycle: 2026-Q4" in call("new", "--at", "2026-11-22")[1]

    def test_today_is_hidden_and_not_with_at(self) -> None:
        """--today is not in the help, and with --at it is a usage error."""
        assert "--today" not in call("check", "--help")[1]
        assert "--at DATE" in call("check", "--help")[1]
        status, _, err = call("check", ACME, "--at", "2026-07-01", "--today", "2026-07-01")
        assert 2 == status
        assert "argument --today: not allowed with argument --at" in err

    @pytest.mark.parametrize("statement", ["", " ", "\t\n"])
    def test_parse_nothing_is_a_usage_error(self, statement: str) -> None:
        """`okrkit parse ""` is a usage error, exit 2."""
        status, out, err = call("parse", statement)
        assert (2, "") == (status, out)
        assert "argument STATEMENT: expected a statement to read" in err


def due_in(due: str) -> str:
    """A JSON document of one key result due at *due*."""
    key_result = {"title": "k", "due": due}
    return json.dumps({"okrkit": 1, "objectives": [{"title": "x", "key_results": [key_result]}]})


def problems(text: str, format: str = "yaml") -> list[str]:
    with pytest.raises(FormatError) as caught:
        formats.loads(text, format)  # type: ignore[arg-type]
    return list(caught.value.problems)


class TestHelpfulErrors:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (CLEAN.replace("target: 45", "targt: 45"),
             ("$.objectives[0].key_results[0].targt: unknown field 'targt'"
              " (did you mean 'target'?)")),
            (CLEAN.replace("owner: support", "Owner: support"),
             "$.objectives[0].Owner: unknown field 'Owner' (did you mean 'owner'?)"),
            (CLEAN.replace("owner: support", "flavour: support"),
             "$.objectives[0].flavour: unknown field 'flavour'"),
            ("okrkit: 1\nobjective: []\n",
             "$.objective: unknown field 'objective' (did you mean 'objectives'?)"),
        ],
    )  # fmt: skip
    def test_unknown_field_suggests_the_nearest(self, text: str, expected: str) -> None:
        """An unknown field names the nearest field of its own object, when one is near."""
        assert [expected] == problems(text)

    @given(
        kind=st.sampled_from([CheckIn, KeyResult, Objective, Kpi, PastScore, Plan]),
        name=st.from_regex(r"[a-z_]{1,12}", fullmatch=True),
    )
    def test_did_you_mean_names_a_field_of_that_object(self, kind: type, name: str) -> None:
        """Law: a suggestion is always a field of the object the unknown field is in."""
        from okrkit.formats._reading import _nearest

        said = _nearest(name, FIELDS[kind])
        if said:
            assert re.fullmatch(r" \(did you mean '(\w+)'\?\)", said)[1] in FIELDS[kind]  # type: ignore[index]

    @pytest.mark.parametrize(
        ("date", "why"),
        [("2026-02-30", "February 2026 has 28 days"), ("2028-02-30", "February 2028 has 29 days"),
         ("2026-13-01", "a month is 01 to 12"), ("2026-04-00", "the days start at 01"),
         ("0000-01-01", "the years start at 0001")],
    )  # fmt: skip
    def test_impossible_date_named_with_its_path_and_line(self, date: str, why: str) -> None:
        """An impossible date names its path and why; from a file, its line too."""
        text = checked_in(at=date)
        path = "$.objectives[0].key_results[3].check_ins[0].at"
        assert [f"{path}: impossible date {date!r}: {why}"] == problems(text)
        due = "$.objectives[0].key_results[0].due"
        assert [f"{due}: impossible date {date!r}: {why}"] == problems(due_in(date), "json")

    def test_impossible_date_in_a_file_at_its_line(self, tmp_path: Path) -> None:
        """From a file, the problem opens with file:line:col (YAML, JSON and TOML)."""
        path = write(tmp_path, "okrs.yaml", checked_in(at="2026-02-30"))
        with pytest.raises(FormatError) as caught:
            formats.load(path)
        where = "$.objectives[0].key_results[3].check_ins[0].at"
        assert str(caught.value).startswith(f"{path}:16:18: {where}: impossible date")
        toml = write(tmp_path, "okrs.toml", 'okrkit = 1\n[[objectives]]\ntitle = "x"\n'
                                            '[[objectives.key_results]]\ntitle = "k"\n'
                                            "due = 2026-02-30\n")  # fmt: skip
        with pytest.raises(FormatError) as caught:
            formats.load(toml)
        assert f"{toml}:6:7: $: invalid TOML: impossible date '2026-02-30'" == str(caught.value)

    @pytest.mark.parametrize(
        ("text", "format"),
        [
            ("okrkit: 1\nobjectives:\n- {title: x, key_results: [{title: k, due: DUE}]}\n",
             "yaml"),
            (due_in("DUE"), "json"),
            (('okrkit = 1\n[[objectives]]\ntitle = "x"\n[[objectives.key_results]]\n'
              'title = "k"\ndue = DUE\n'), "toml"),
            (due_in("2026-08-01 09:00:00"), "json"),
        ],
    )  # fmt: skip
    def test_naive_datetime_says_add_an_offset(self, text: str, format: str) -> None:
        """A date and time without a UTC offset is told how to add one, with no Python repr."""
        expected = (
            "$.objectives[0].key_results[0].due: expected a date and time with a UTC offset, got"
            " '2026-08-01T09:00:00': add one, e.g. 2026-08-01T09:00:00+00:00 (UTC) or"
            " 2026-08-01T09:00:00+02:00"
        )
        found = problems(text.replace("DUE", "2026-08-01T09:00:00"), format)
        assert [expected] == [p.replace("2026-08-01 09:00:00", "2026-08-01T09:00:00")
                              for p in found]  # fmt: skip
        assert "datetime.datetime" not in found[0]

    @pytest.mark.parametrize(
        ("moment", "said"),
        [("2026-02-30T09:00:00+00:00", "impossible date '2026-02-30': February 2026 has 28 days"),
         ("2026-08-01T25:00:00+00:00",
          "expected a real date and time, got '2026-08-01T25:00:00+00:00'")],
    )  # fmt: skip
    def test_impossible_datetime(self, moment: str, said: str) -> None:
        """A date and time on a day no calendar has names the day; a bad time says so."""
        assert [f"$.objectives[0].key_results[0].due: {said}"] == problems(due_in(moment), "json")

    def test_naive_lenient_datetime(self) -> None:
        """Read leniently, a naive date and time is told the same."""
        with pytest.raises(FormatError, match=r"add one, e.g. 2026-08-01T09:30:00\+00:00"):
            formats.loads(due_in("Aug 1 2026 9:30"), dates="lenient")

    @pytest.mark.parametrize(
        ("text", "format", "path"),
        [("", "yaml", "$"), ("  \n", "json", "$"), ("# nothing yet\n", "yaml", "$"),
         ("{}", "json", "$"), ("# nothing yet\n", "toml", "$"), ("\n\n", "markdown", "document"),
         ("", "csv", "table"), ("---\n", "yaml", "$")],
    )  # fmt: skip
    def test_an_empty_document_is_said_to_be_empty(self, text: str, format: str, path: str) -> None:
        """Blank text, or a document with nothing in it, says the document is empty."""
        (found,) = problems(text, format)
        assert found.startswith(f"{path}: the document is empty: expected ")

    @pytest.mark.parametrize(("value", "hint"), [(60, " (did you mean 0.6?)"),
                                                 (100, " (did you mean 1?)"),
                                                 (75.0, " (did you mean 0.75?)"),
                                                 (1.5, ""), (101, ""), (-3, "")])  # fmt: skip
    def test_confidence_as_a_percentage(self, value: float, hint: str) -> None:
        """A whole percentage for a confidence suggests the fraction, in a file and in code."""
        with pytest.raises(InvalidValueError) as caught:
            CheckIn(at=date(2026, 8, 1), value=1, confidence=value)
        assert str(caught.value).endswith(f"got {value!r}{hint}")
        text = checked_in(confidence=value)
        (found,) = problems(text)
        assert found.endswith(f"expected a number from 0 to 1, got {value!r}{hint}")
        assert str(caught.value) == str(pickle.loads(pickle.dumps(caught.value)))

    def test_load_errors_name_the_file(self, tmp_path: Path) -> None:
        """What okrkit.load raises names the file, for every kind of problem."""
        for name, text in (("a.yaml", ""), ("b.json", "{"), ("c.yaml", "okrkit: 2\n")):
            path = write(tmp_path, name, text)
            with pytest.raises(FormatError) as caught:
                okrkit.load(path)
            assert all(p.file == str(path) for p in caught.value.details)
            assert str(caught.value).startswith(str(path))

    def test_loads_file_is_checked(self) -> None:
        """loads(file=) takes a file's name; its problems and the plan's source say it."""
        plan = formats.loads(CLEAN, "yaml", file="in.yaml")
        assert "in.yaml" == formats.source(plan).file  # type: ignore[union-attr]
        with pytest.raises(TypeError, match="file: expected a file's name"):
            formats.loads(CLEAN, "yaml", file=3)  # type: ignore[arg-type]


class TestLevels:
    def test_known_whatever_the_case(self) -> None:
        """Level.known reads the usual levels in any case, and nothing else."""
        assert [Level.TEAM, Level.COMPANY, None, None] == [
            Level.known(x) for x in ("Team", "COMPANY", "squad", None)
        ]

    def test_rules_and_tree_compare_case_insensitively(self) -> None:
        """OKR402, OKR504 and OKR505 and the tree read `Team` as a team."""
        top = Objective(id="top", title="Become the tool finance teams cannot do without",
                        level="Company")  # fmt: skip
        team = Objective(id="t", title="Make every ledger sync boringly reliable", level="TEAM",
                         aligned_to="top")  # fmt: skip
        person = Objective(id="p", title="Grow as a leader of a reliable team", level="Individual")
        plan = Plan(objectives=[top, team, person])
        codes = [(d.code, d.id) for d in validate(plan, RuleConfig(select=["OKR402", "OKR5"]))]
        assert [("OKR505", "t"), ("OKR402", "p"), ("OKR504", "p")] == codes
        tree = okrkit.AlignmentTree.from_plan(plan)
        assert (("t",), ("t",), ("p",)) == (
            tree.by_level("team"),
            tree.by_level(Level.TEAM),
            tree.orphans(),
        )
        assert ("top",) == tree.by_level("company")

    def test_unknown_level_at_its_line(self, tmp_path: Path) -> None:
        """OKR107 names the nearest known level, at the level's own line."""
        path = write(tmp_path, "okrs.yaml", CLEAN.replace("level: company", "level: teem"))
        _, out, _ = call("check", str(path), "--select", "OKR107")
        assert out.startswith(
            f"{path}:6:3: OKR107 [warning] unknown level 'teem' (did you mean 'team'?)\n"
            "  hint: write 'team', or add the level to this rule's 'levels' option\n"
        )

    def test_levels_are_configurable(self) -> None:
        """The known levels are the rule's `levels` option; blank entries are ignored."""
        plan = Plan(objectives=[Objective(title="Open a store in every city", level="Division")])
        config = RuleConfig(select=["OKR107"], options={"OKR107": {"levels": "division, ,team"}})
        assert [] == list(validate(plan, config))
        assert 1 == len(validate(plan, RuleConfig(select=["OKR107"])))
