"""Tests for the okrkit command: in-process through `run`, and as users run it (a subprocess)."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import okrkit
from okrkit import formats
from okrkit.cli import Streams, run
from okrkit.testing import plans

ROOT = Path(__file__).resolve().parent.parent
ACME = str(ROOT / "examples" / "acme-2026-q3.yaml")
FISCAL = str(ROOT / "examples" / "fiscal-fy2027.json")
CLEAN = """\
okrkit: 1
objectives:
- id: delight
  title: Delight the customers who rely on us every day
  owner: support
  level: company
  cycle: 2026-Q3
  key_results:
  - {id: nps, title: Raise NPS from 32 to 45, direction: increase, start: 32, target: 45,
     owner: ana}
  - {id: frt, title: Cut median first response time from 9h to 2h, direction: decrease, start: 9,
     target: 2, unit: h, owner: ana}
  - {id: churn, title: Reduce monthly churn from 3% to 2%, direction: decrease, start: 3, target: 2,
     unit: '%', owner: ana}
"""
# One key result with no measurable target: an error-severity finding (OKR201).
FLAWED = CLEAN + "  - {id: csat, title: Improve CSAT, owner: ana}\n"
BAD_TARGET = CLEAN.replace("target: 45", "target: 20")  # an increase whose target is below start


class Tty(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def call(*argv: str, stdin: bytes = b"", env: dict[str, str] | None = None,
         tty: bool = False) -> tuple[int, str, str]:  # fmt: skip
    out, err = (Tty(), Tty()) if tty else (io.StringIO(), io.StringIO())
    streams = Streams(stdin=io.BytesIO(stdin), stdout=out, stderr=err, environ=env or {})
    status = run(list(argv), streams)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    path = tmp_path / "okrs.yaml"
    path.write_text(CLEAN, encoding="utf-8")
    return path


@pytest.fixture
def flawed(tmp_path: Path) -> Path:
    path = tmp_path / "flawed.yaml"
    path.write_text(FLAWED, encoding="utf-8")
    return path


def shell(
    *argv: str, stdin: bytes = b"", cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "okrkit", *argv],
        input=stdin.decode(), capture_output=True, text=True, cwd=cwd, env=env, timeout=120,
        check=False,
    )  # fmt: skip


class TestCheck:
    def test_clean_file_exits_0(self, clean: Path) -> None:
        """A file with no findings: exit 0 and a summary line."""
        assert (0, "All checks passed (1 file).\n", "") == call(
            "check", str(clean), "--at", "2026-07-02"
        )

    def test_findings_exit_1_one_line_each(self, flawed: Path) -> None:
        """Error-severity findings exit 1; each is `file:line:col: CODE [severity] message`,
        its hint on the next line."""
        status, out, _ = call("check", str(flawed), "--at", "2026-08-31")
        lines = out.splitlines()
        assert 1 == status
        assert all(line.startswith((f"{flawed}:", "  hint: ")) for line in lines[:-1])
        assert (
            f"{flawed}:15:5: OKR201 [error] key result 'Improve CSAT' has no measurable target"
            in out
        )
        assert any(
            ": OKR602 [warning] key result" in line and "no check-in since" in line
            for line in lines
        )
        assert lines[-1].startswith("Found 1 error, ")

    def test_warnings_alone_exit_0(self) -> None:
        """Warnings are judgement calls: the example plan has some, and the check passes."""
        status, out, _ = call("check", ACME, "--at", "2026-08-31")
        assert 0 == status
        assert out.splitlines()[-1].startswith("Found 0 errors, ")

    def test_ignore_turns_findings_off(self, flawed: Path) -> None:
        """--ignore drops codes: the flawed plan's only error goes, and with it exit 1."""
        status, out, _ = call("check", str(flawed), "--at", "2026-08-31", "--ignore", "OKR201")
        assert 0 == status
        assert "OKR201" not in out

    def test_select_keeps_only_those(self) -> None:
        """--select keeps only the codes or prefixes named."""
        status, out, _ = call("check", ACME, "--at", "2026-08-31", "--select", "OKR6")
        assert 0 == status
        findings = [line for line in out.splitlines()[:-1] if not line.startswith("  hint: ")]
        assert {"OKR602"} == {line.split(": ")[1].split()[0] for line in findings}

    @pytest.mark.parametrize(("flag", "key"), [("--select", "select"), ("--ignore", "ignore")])
    def test_unknown_code_is_a_usage_error(self, flag: str, key: str) -> None:
        """A code no rule has is refused before any file is read: exit 2, one line, and no
        summary that would call the files unreadable."""
        status, out, err = call("check", ACME, ACME, flag, "NOPE1")
        assert (2, "") == (status, out)
        assert err.startswith(f"okrkit: --select/--ignore: {key}[0]: expected a rule code")
        assert 1 == err.count("\n")

    @pytest.mark.parametrize("selection", ["", " , ", ","])
    def test_empty_selection_is_refused(self, selection: str) -> None:
        """An empty --select (an unset CI variable) is a usage error, not every rule off."""
        status, out, err = call("check", ACME, "--select", selection)
        assert (2, "") == (status, out)
        assert "argument --select: expected at least one code or prefix" in err
        assert "All checks passed" not in out + err

    def test_json_parses_back(self) -> None:
        """--format json is one JSON document: every finding with its file, and a summary."""
        status, out, _ = call("check", ACME, "--at", "2026-08-31", "--format", "json")
        data = json.loads(out)
        assert 0 == status
        assert {
            "files": 1,
            "unreadable": 0,
            "not_checked": 0,
            "error": 0,
            "warning": 9,
            "info": 0,
        } == data["summary"]
        first = data["diagnostics"][0]
        assert {"file", "line", "column", "code", "name", "severity", "message", "path", "id",
                "hint"} == set(first)  # fmt: skip
        assert ACME == first["file"]
        assert (int, int) == (type(first["line"]), type(first["column"]))

    def test_github_annotations(self) -> None:
        """--format github prints workflow commands, escaped, info as notice."""
        _, out, _ = call("check", ACME, "--at", "2026-08-31", "--format", "github")
        lines = out.splitlines()
        assert all(
            line.startswith(("::error file=", "::warning file=", "::notice file="))
            for line in lines
        )
        assert any(",title=OKR602 " in line for line in lines)
        assert "%3A" not in ACME
        assert f"file={ACME}," in lines[0]

    def test_config_from_the_nearest_pyproject(self, tmp_path: Path) -> None:
        """[tool.okrkit] in the nearest pyproject.toml applies to the files below it."""
        (tmp_path / "pyproject.toml").write_text(
            '[tool.okrkit]\nignore = ["OKR2", "OKR6", "OKR3"]\n'
        )
        (tmp_path / "okrs").mkdir()
        plan = tmp_path / "okrs" / "acme.yaml"
        plan.write_bytes(Path(ACME).read_bytes())
        assert 0 == call("check", str(plan), "--at", "2026-08-31")[0]

    def test_config_option_and_bad_config(self, tmp_path: Path, flawed: Path) -> None:
        """--config names the file; a bad setting in it is exit 2 naming the file and key."""
        assert 1 == call("check", str(flawed), "--at", "2026-08-31")[0]
        good = tmp_path / "settings" / "okrkit.toml"
        good.parent.mkdir()
        good.write_text('ignore = ["OKR201"]\n')
        assert 0 == call("check", str(flawed), "--at", "2026-08-31", "--config", str(good))[0]
        bad = tmp_path / "bad" / "okrkit.toml"
        bad.parent.mkdir()
        bad.write_text('slect = ["OKR1"]\n')
        status, _, err = call("check", ACME, "--config", str(bad))
        assert 2 == status
        assert f"okrkit: {bad}: slect: expected one of 'select'" in err
        plan = bad.parent / "okrs.yaml"
        plan.write_text(CLEAN)
        status, _, err = call("check", str(plan))
        assert 2 == status
        assert err.startswith(f"okrkit: {plan}: configuration: slect: expected one of")

    def test_config_that_cannot_be_read_named_once(self, tmp_path: Path) -> None:
        """A --config file that is missing or not TOML is named once, before its problem."""
        missing = tmp_path / "nope.toml"
        status, _, err = call("check", ACME, "--config", str(missing))
        assert (2, f"okrkit: {missing}: cannot be read: No such file or directory\n") == (
            status,
            err,
        )
        broken = tmp_path / "okrkit.toml"
        broken.write_text("ignore = [\n")
        status, _, err = call("check", ACME, "--config", str(broken))
        assert 2 == status
        assert err.startswith(f"okrkit: {broken}: not valid TOML: ")
        assert 1 == err.count(str(broken))

    def test_stdin(self) -> None:
        """`-` reads standard input: YAML, or JSON when it starts with `{`."""
        assert 0 == call("check", "-", "--at", "2026-07-02", stdin=CLEAN.encode())[0]
        as_json = formats.dumps(formats.loads(CLEAN, "yaml"), "json").encode()
        assert 0 == call("check", "-", "--at", "2026-07-02", stdin=as_json)[0]
        assert (
            0
            == call("check", "-", "--input-format", "json", "--at", "2026-07-02", stdin=as_json)[0]
        )

    def test_one_bad_file_among_good_ones(self, clean: Path, tmp_path: Path) -> None:
        """An unreadable file is named with its problem; the others are still checked; exit 2."""
        missing = tmp_path / "missing.yaml"
        status, out, err = call("check", str(clean), str(missing), "--at", "2026-07-02")
        assert 2 == status
        assert f"okrkit: {missing}: No such file or directory\n" == err
        assert (
            "Not every file was checked: 1 of 2 files unreadable; no findings in the others.\n"
            == out
        )

    def test_progress_on_a_terminal_only(self, clean: Path) -> None:
        """Many files on a terminal show a progress line on stderr, cleared at the end."""
        paths = [str(clean)] * 10
        _, _, quiet = call("check", *paths, "--at", "2026-07-02")
        _, _, shown = call("check", *paths, "--at", "2026-07-02", tty=True)
        assert "" == quiet
        assert f"\rchecking 10/10 {clean}" in shown
        assert shown.endswith("\r\x1b[K")

    def test_colour(self, tmp_path: Path) -> None:
        """Colour on a terminal unless NO_COLOR is set; --color always/never decide alone."""
        argv = ("check", ACME, "--at", "2026-08-31")
        assert "\x1b[" in call(*argv, tty=True)[1]
        assert "\x1b[" not in call(*argv, tty=True, env={"NO_COLOR": "1"})[1]
        assert "\x1b[" not in call(*argv)[1]
        assert "\x1b[" in call("--color", "always", *argv)[1]
        assert "\x1b[" not in call("--color", "never", *argv, tty=True)[1]


BAD_FILES = [
    ("bad.json", b'{"okrkit": 1, "objectives": [', "bad.json: "),
    ("bad.yaml", b"okrkit: 1\nobjectives: [\n", "bad.yaml: "),
    ("bad.toml", b"okrkit = \n", "bad.toml: "),
    ("bad.md", b"\xff\xfe not text", "bad.md: $: expected UTF-8 text, got the byte 0xff"),
    ("bad.csv", b"nothing,useful\n1,2\n", "bad.csv: "),
    ("wrong.yaml", b"okrkit: 2\n", "wrong.yaml: $.okrkit: "),
    ("weight.json", b'{"okrkit": 1, "objectives": [{"title": "x", "weight": "heavy"}]}',
     "weight.json: $.objectives[0].weight: expected a number"),
    ("notes.txt", b"hello", "notes.txt: unknown file type '.txt'"),
    ("loop.yaml", b"okrkit: 1\nobjectives:\n- {id: a, title: A, aligned_to: a}\n", None),
]  # fmt: skip


ACME_RULES = """\
from okrkit.rules import REGISTRY

RULES = REGISTRY.copy()


@RULES.rule("ACME001", name="team-owner", severity="error", options={"prefix": "team-"})
def team_owner(plan, context):
    \"\"\"Objectives are owned by a team.\"\"\"
    for site in context.objectives():
        owner = site.objective.owner
        if owner and not owner.startswith(context.options["prefix"]):
            yield site.flag(f"owner {owner!r} is not a team")


@RULES.rule("ACME002", name="fragile", severity="info")
def fragile(plan, context):
    for site in context.objectives():
        if "explode" in site.objective.title:
            1 / 0
    return iter(())
"""


@pytest.fixture
def acme_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A module of custom rules where Python finds modules (as if installed, or on
    PYTHONPATH), named for this test alone; the current directory is the test's own."""
    name = f"acme_rules_{tmp_path.name.replace('-', '_')}"
    site = tmp_path / "site"
    site.mkdir()
    (site / f"{name}.py").write_text(ACME_RULES, encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.chdir(tmp_path)
    yield name
    sys.modules.pop(name, None)


def loaded(path: Path) -> str:
    """The name okrkit gives the module it loads from the .py file at *path*."""
    digest = hashlib.sha256(os.path.realpath(path).encode()).hexdigest()[:12]
    return f"okrkit_rules_{digest}"


class TestCustomRules:
    """``--rules MODULE:NAME``: check and report run a registry of custom rules."""

    def test_check_runs_them_configured(self, clean: Path, acme_rules: str) -> None:
        """The registry's rules run, its codes may be selected and configured (in the
        nearest pyproject.toml too), and they fail the check at their severity."""
        rules = f"{acme_rules}:RULES"
        status, out, err = call("check", str(clean), "--rules", rules, "--select", "ACME001")
        assert (1, "") == (status, err)
        assert f"{clean}:3:3: ACME001 [error] owner 'support' is not a team" in out
        (clean.parent / "pyproject.toml").write_text(
            '[tool.okrkit]\nselect = ["ACME001"]\n[tool.okrkit.options.ACME001]\nprefix = "sup"\n'
        )
        assert (0, "All checks passed (1 file).\n", "") == call(
            "check", str(clean), "--rules", rules
        )
        # Without --rules, the built-in rules know no ACME codes: the configuration is
        # refused, with a word on how to run them.
        status, _, err = call("check", str(clean))
        assert 2 == status
        assert (
            f"okrkit: {clean}: configuration: tool.okrkit.select[0]: expected a rule code or"
            " prefix of a registered rule, got 'ACME001'\n"
            f"okrkit: {clean}: (rules of your own run with --rules MODULE:NAME)\n"
        ) == err

    def test_report_runs_them(self, clean: Path, acme_rules: str, tmp_path: Path) -> None:
        """A report lists the custom rules' findings with the built-in ones', and is never
        written over the file of rules it ran."""
        status, out, _ = call("report", str(clean), "--rules", f"{acme_rules}:RULES",
                              "--format", "json", "--at", "2026-07-02")  # fmt: skip
        assert 0 == status
        assert "ACME001" in {d["code"] for d in json.loads(out)["diagnostics"]}
        module = tmp_path / "site" / f"{acme_rules}.py"
        for spec in (f"{acme_rules}:RULES", f"{module}:RULES"):
            status, _, err = call("report", str(clean), "--rules", spec, "-o", str(module))
            assert 2 == status
            assert "refusing to write over it" in err
        assert ACME_RULES == module.read_text(encoding="utf-8")

    def test_a_failing_rule_is_named(self, clean: Path, acme_rules: str) -> None:
        """A custom rule that fails is exit 2 naming the file and the rule, no traceback."""
        clean.write_text(CLEAN.replace("title: Delight", "title: explode"), encoding="utf-8")
        status, _, err = call("check", str(clean), "--rules", f"{acme_rules}:RULES")
        assert 2 == status
        assert f"okrkit: {clean}: rule ACME002 failed: ZeroDivisionError: " in err
        assert "Traceback" not in err

    @pytest.mark.parametrize(
        ("spec", "expected"),
        [
            ("acme-rules:RULES",
             ("--rules: expected MODULE:NAME, an installed module (or a .py file) and the"
              " RuleRegistry in it, such as acme_rules:RULES, got 'acme-rules:RULES'")),
            ("rules/x.txt:RULES", "--rules: expected MODULE:NAME"),
            ("{module}.py:1", "--rules: expected MODULE:NAME"),
            ("nowhere/rules.py:RULES",
             "--rules: importing 'nowhere/rules.py' failed: MissingFileError: "),
            ("{module}", "--rules: expected MODULE:NAME"),
            ("{module}:", "--rules: expected MODULE:NAME"),
            (":", "--rules: expected MODULE:NAME"),
            ("okrkit_no_such_module_here:RULES",
             "--rules: importing 'okrkit_no_such_module_here' failed: ModuleNotFoundError: "),
            ("{module}:team_owner", "--rules: expected a RuleRegistry named 'team_owner'"),
            ("{module}:NOPE", "--rules: expected a RuleRegistry named 'NOPE' in 'acme_rules_"),
            ("site/{module}.py:NOPE",
             "--rules: expected a RuleRegistry named 'NOPE' in 'site/acme_rules_"),
            ("site:RULES", "--rules: expected a RuleRegistry named 'RULES' in 'site', got None"),
        ],
    )  # fmt: skip
    def test_a_bad_module_is_exit_2(
        self, clean: Path, acme_rules: str, spec: str, expected: str
    ) -> None:
        """What --rules cannot use is a usage error before any file is read."""
        status, out, err = call("check", str(clean), "--rules", spec.format(module=acme_rules))
        assert (2, "") == (status, out)
        assert err.startswith(f"okrkit: {expected}")

    def test_a_file(self, clean: Path, acme_rules: str, tmp_path: Path) -> None:
        """A .py file is loaded as a module of its own, wherever it is, once per process."""
        elsewhere = tmp_path / "rules" / "mine.PY"
        elsewhere.parent.mkdir()
        elsewhere.write_text(ACME_RULES + "LOADS = globals().get('LOADS', 0) + 1\n")
        for spec in (f"site/{acme_rules}.py:RULES", f"{elsewhere}:RULES", f"{elsewhere}:RULES"):
            status, out, _ = call("check", str(clean), "--rules", spec, "--select", "ACME001")
            assert 1 == status
            assert "ACME001 [error] owner 'support' is not a team" in out
        assert 1 == sys.modules.pop(loaded(elsewhere)).LOADS
        sys.modules.pop(loaded(tmp_path / "site" / f"{acme_rules}.py"))

    @pytest.mark.parametrize(
        ("source", "expected"),
        [
            ("import okrkit\nraise SystemError('half')\n", "SystemError: half"),
            (("class Mute(Exception):\n    def __str__(self):\n        raise RuntimeError\n"
             "raise Mute\n"), "Mute: (its message could not be shown)"),
            ("import sys\nsys.exit(3)\n", "SystemExit: 3"),
            ("raise ValueError('x' * 100_000)\n", "ValueError: " + "x" * 500 + "... (99,500 more"
             " characters)"),
            ("def broken(:\n", "SyntaxError: "),
        ],
    )  # fmt: skip
    def test_a_module_that_raises(
        self, tmp_path: Path, clean: Path, monkeypatch: pytest.MonkeyPatch,
        source: str, expected: str,
    ) -> None:  # fmt: skip
        """A module whose loading raises (or exits) is exit 2 with one line saying what it
        raised, however long or unprintable, and is not left half-made among the modules."""
        module = tmp_path / "broken.py"
        module.write_text(source)
        monkeypatch.chdir(tmp_path)
        status, out, err = call("check", str(clean), "--rules", "broken.py:RULES")
        assert (2, "") == (status, out)
        assert err.startswith(f"okrkit: --rules: importing 'broken.py' failed: {expected}")
        assert 1 == err.count("\n")
        assert loaded(module) not in sys.modules

    def test_not_a_regular_file(self, tmp_path: Path, clean: Path) -> None:
        """A rules "file" that is a FIFO or a device is refused at once, as any input is."""
        fifo = tmp_path / "fifo.py"
        os.mkfifo(fifo)
        status, _, err = call("check", str(clean), "--rules", f"{fifo}:RULES")
        assert 2 == status
        assert "failed: FileError: " in err
        zero = tmp_path / "zero.py"
        zero.symlink_to("/dev/zero")
        status, _, err = call("check", str(clean), "--rules", f"{zero}:RULES")
        assert 2 == status
        assert "failed: FileError: " in err

    def test_what_a_module_prints_stays_out_of_the_output(
        self, clean: Path, tmp_path: Path
    ) -> None:
        """What a module or its rules print goes to standard error: the JSON stays JSON."""
        module = tmp_path / "chatty.py"
        module.write_text(
            "from okrkit.rules import RuleRegistry\nprint('loading')\nRULES = RuleRegistry()\n"
            "@RULES.rule('CH001', name='chatty', severity='info')\n"
            "def chatty(plan, context):\n    print('running')\n    return []\n"
        )
        for command in (["check", "--format", "json"], ["report", "--format", "json"]):
            status, out, err = call(*command, str(clean), "--rules", f"{module}:RULES")
            assert 0 == status
            json.loads(out)
            assert "running" in err
        sys.modules.pop(loaded(module))

    def test_a_rule_that_exits_or_is_interrupted(self, tmp_path: Path, clean: Path) -> None:
        """A rule calling sys.exit is a rule failing (exit 2, named); Ctrl-C is one line and
        status 130, no traceback."""
        module = tmp_path / "stops.py"
        module.write_text(
            "import sys\nfrom okrkit.rules import RuleRegistry\nRULES = RuleRegistry()\n"
            "@RULES.rule('ST001', name='exits', severity='info')\n"
            "def exits(plan, context):\n    sys.exit(4)\n"
            "STOP = RuleRegistry()\n"
            "@STOP.rule('ST002', name='interrupted', severity='info')\n"
            "def interrupted(plan, context):\n    raise KeyboardInterrupt\n"
        )
        status, _, err = call("check", str(clean), "--rules", f"{module}:RULES")
        assert (2, f"okrkit: {clean}: rule ST001 failed: SystemExit: 4\n") == (status, err)
        assert (130, "", "okrkit: interrupted\n") == call(
            "check", str(clean), "--rules", f"{module}:STOP"
        )
        sys.modules.pop(loaded(module))

    def test_from_the_shell(
        self, clean: Path, acme_rules: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The installed command finds a module on PYTHONPATH."""
        path = os.pathsep.join([str(tmp_path / "site"), os.environ.get("PYTHONPATH", "")])
        monkeypatch.setenv("PYTHONPATH", path)
        done = shell("check", str(clean), "--rules", f"{acme_rules}:RULES", "--select", "ACME",
                     cwd=ROOT)  # fmt: skip
        assert 1 == done.returncode, done.stderr
        assert "ACME001 [error] owner 'support' is not a team" in done.stdout


class TestBadInput:
    @pytest.mark.parametrize(
        ("name", "content", "expected"), BAD_FILES, ids=[b[0] for b in BAD_FILES]
    )
    @pytest.mark.parametrize("command", ["score", "tree", "report", "convert"])
    def test_one_line_no_traceback_exit_2(
        self, tmp_path: Path, command: str, name: str, content: bytes, expected: str | None
    ) -> None:
        """Every command meets a bad file with `okrkit: <file>: <problem>` lines and exit 2."""
        path = tmp_path / name
        path.write_bytes(content)
        argv = [command, str(path)] + ([str(tmp_path / "out.json")] if command == "convert" else [])
        status, _, err = call(*argv)
        if expected is None:  # a loop is drawn and scored, with a warning
            assert 0 == status
            if command in ("score", "tree"):
                assert "warning: alignment loop" in err
            return
        assert 2 == status
        # Each problem at its place in the file when known: okrkit: bad.json:1:30: ...
        lines = [re.sub(r"^(okrkit: [^:]*)(?::\d+){1,2}:", r"\1:", x) for x in err.splitlines()]
        assert lines[0].startswith(f"okrkit: {tmp_path / expected}")
        assert "Traceback" not in err
        assert all(line.startswith(f"okrkit: {path}: ") for line in lines)

    def test_directory(self, tmp_path: Path) -> None:
        """A directory is not a file: exit 2 naming it."""
        folder = tmp_path / "okrs.yaml"
        folder.mkdir()
        status, _, err = call("score", str(folder))
        assert 2 == status
        assert err.startswith(f"okrkit: {folder}: ")

    def test_usage_errors(self) -> None:
        """Unknown commands, options and bad dates are usage errors: exit 2 and a usage line."""
        for argv in (["frobnicate"], ["score"], ["score", ACME, "--at", "soon"], []):
            status, _, err = call(*argv)
            assert 2 == status
            assert err.startswith("usage: okrkit")

    @pytest.mark.parametrize(
        ("argv", "label"),
        [
            (["check", ACME], ACME),
            (["check", ACME, ACME], "okrkit"),  # which of several files is not known
            (["check", "-"], "<stdin>"),
            (["score", ACME], ACME),
            (["tree", ACME], ACME),
            (["report", ACME], ACME),
            (["convert", ACME, "-", "--to", "json"], ACME),
            (["convert", "-", "-", "--to", "json"], "<stdin>"),
        ],
    )
    def test_unattributed_errors_name_the_input(self, argv: list[str], label: str) -> None:
        """An error no command attributed names the file the command reads (SRC for convert);
        an OSError that names no file is standard output's (a failing or full disk), since
        the commands attribute what reading and writing files raises."""

        class Unwritable(io.StringIO):
            """Standard output that fails: the error comes after the input was read."""

            error: Exception

            def write(self, text: str) -> int:
                raise self.error

        for error, subject in [
            (OSError(errno.EIO, "Input/output error"), "<stdout>"),
            (okrkit.errors.OKRError("Input/output error"), label),
        ]:
            err, out = io.StringIO(), Unwritable()
            out.error = error
            stdin = io.BytesIO(Path(ACME).read_bytes())
            status = run(argv, Streams(stdin=stdin, stdout=out, stderr=err, environ={}))
            assert (2, f"okrkit: {subject}: Input/output error\n") == (status, err.getvalue())

    def test_unwritable_output(self, tmp_path: Path) -> None:
        """An output that cannot be written names the file."""
        target = tmp_path / "nowhere" / "report.md"
        status, _, err = call("report", ACME, "-o", str(target))
        assert (2, f"okrkit: {target}: No such file or directory\n") == (status, err)


# What a terminal or a CI log acts on instead of showing (see okrkit._escape).
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
ATTACKS = [
    "\n::error file=x.py,line=1::injected",
    "\x1b]0;window title\x07\x1b[2J\x1b[31m",
    "\u202eevil\u2066\u2028\x85\x9b31m\r\t",
]


def hostile_plan(text: str) -> bytes:
    """A plan whose every text field is *text* (ids cannot hold C0, so theirs are fixed)."""
    kr = okrkit.KeyResult(
        id="kr\u202e", title=text, owner=text, unit=text, direction="increase", start=0, target=4
    )
    child = okrkit.Objective(id="child\x9b", title=text, owner=text, aligned_to="kr\u202e")
    plan = okrkit.Plan(objectives=[okrkit.Objective(id="o", title=text, key_results=[kr]), child])
    return formats.dumps(plan, "json").encode()


class TestControlCharacters:
    @settings(max_examples=25, deadline=None)
    @given(st.text(min_size=1).filter(lambda s: bool(s.strip())))
    @example(" ".join(ATTACKS))
    def test_text_outputs_show_them_escaped(self, text: str) -> None:
        """Whatever the plan's text, tree, score and check print no control character, and as
        many lines as for plain text: one per objective, key result or finding."""
        plain = hostile_plan("Plain words")
        for argv in (
            ["tree"],
            ["score"],
            ["check", "--format", "text"],
            ["check", "--format", "github"],
        ):
            command = [argv[0], "-", "--input-format", "json", *argv[1:]]
            _, out, err = call(*command, stdin=hostile_plan(text))
            lines = out.split("\n")
            assert "" == lines.pop()
            assert [] == [line for line in [*lines, *err.splitlines()] if CONTROL.search(line)]
            if argv[0] != "check":
                _, expected, _ = call(*command, stdin=plain)
                assert expected.count("\n") == len(lines)
        _, out, _ = call("check", "-", "--format", "json", stdin=hostile_plan(text))
        findings = len(json.loads(out)["diagnostics"])
        _, out, _ = call("check", "-", "--format", "github", stdin=hostile_plan(text))
        assert findings == out.count("\n")

    def test_examples(self) -> None:
        """A title cannot start a workflow command, set the window title or clear the screen."""
        _, out, _ = call("tree", "-", stdin=hostile_plan(" ".join(ATTACKS)))
        assert "\\n::error file=x.py,line=1::injected \\x1b]0;window title\\x07" in out
        assert "child\\x9b" in out
        assert "(via kr\\u202e)" in out
        _, out, _ = call("score", "-", stdin=hostile_plan("x\x1b[2J"))
        assert "0 x\\x1b[2J" in out  # the value, with its unit
        for argv in (["--objective"], []):
            _, out, _ = call("parse", *argv, "Reduce \x1b[2J\u202e churn \x9b from 5% to 4%")
            assert [] == [line for line in out.splitlines() if CONTROL.search(line)]

    def test_error_messages(self, tmp_path: Path) -> None:
        """A file name or a problem quoting the input shows its control characters escaped."""
        status, _, err = call("check", str(tmp_path / "x\x1b[2J\u202e.yaml"))
        assert 2 == status
        assert f"okrkit: {tmp_path}/x\\x1b[2J\\u202e.yaml: " in err
        assert CONTROL.search(err.removesuffix("\n")) is None


def chain(n: int) -> bytes:
    """A plan of *n* objectives, each aligned to the one before, as JSON."""
    kr = {"title": "Raise it", "direction": "increase", "start": 0, "target": 10}
    objectives = [
        {"id": f"o{i}", "title": f"Objective {i}", "key_results": [{**kr, "id": f"k{i}"}]}
        | ({"aligned_to": f"o{i - 1}"} if i else {})
        for i in range(n)
    ]
    return json.dumps({"okrkit": 1, "objectives": objectives}).encode()


class TestLinearOutput:
    @pytest.mark.parametrize("command", ["tree", "score"])
    def test_chain_output_grows_linearly(self, command: str) -> None:
        """A chain 8 times as long prints at most about 8 times as much."""
        size = [len(call(command, "-", stdin=chain(n))[1]) for n in (40, 320)]
        assert size[1] <= 8 * 1.2 * size[0]

    def test_depth_past_the_indentation_is_written(self) -> None:
        """Six levels are drawn; deeper, the depth is written, in tree and in score."""
        _, out, _ = call("tree", "-", stdin=chain(9))
        lines = out.splitlines()
        assert lines[6].startswith(" " * 20 + "└── o6  ")
        assert lines[7].startswith(" " * 20 + "(depth 7) └── o7  ")
        _, out, _ = call("score", "-", stdin=chain(9))
        assert "            (depth 8) o8" in out
        assert "            (depth 8)   - k8" in out


class TestOutput:
    def test_a_full_disk_found_at_the_end_is_said(self) -> None:
        """Output buffered until the end fails when it is flushed: said the same way."""

        class Full(io.StringIO):
            def flush(self) -> None:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        err = io.StringIO()
        streams = Streams(stdin=io.BytesIO(), stdout=Full(), stderr=err, environ={})
        assert 2 == run(["score", ACME, "--at", "2026-08-31"], streams)
        assert f"okrkit: <stdout>: {os.strerror(errno.ENOSPC)}\n" == err.getvalue()


class TestScore:
    def test_unmeasurable_key_results_are_named(self, tmp_path: Path) -> None:
        """A key result with no direction or target has no score, and its objective's score
        stands on the others alone: said on standard error, with the ids (a row of dashes
        alone hid that the objective's 0.50 leaves one key result out)."""
        path = tmp_path / "okrs.yaml"
        path.write_text(
            "okrkit: 1\nobjectives:\n- id: o1\n  title: Make onboarding delightful\n"
            "  key_results:\n  - {id: k1, title: Raise activation, start: 20, target: 40,\n"
            "     direction: increase}\n  - {id: k2, title: Improve onboarding NPS}\n"
            "  - {id: k3, title: Delight admins}\n",
            encoding="utf-8",
        )
        status, out, err = call("score", str(path))
        assert 0 == status
        assert ["-", "k2", "–", "–", "–", "–"] == out.splitlines()[4].split()[:6]
        assert (
            f"okrkit: note: {path}: no key result has a check-in, so each is scored at its"
            " start (record progress in its check_ins)\n"
            f"okrkit: note: {path}: 2 key results with no direction or target, not counted in"
            " their objective's score: 'k2' (of 'o1'), 'k3' (of 'o1') ('okrkit check' says where;"
            " '--read-statements' reads them from statements that say them)\n"
        ) == err
        path.write_text(
            path.read_text(encoding="utf-8").rsplit("  - {id: k3", 1)[0], encoding="utf-8"
        )
        _, _, err = call("tree", str(path))
        assert err.endswith(
            "1 key result with no direction or target, not counted in its objective's score:"
            " 'k2' (of 'o1') ('okrkit check' says where; '--read-statements' reads them from"
            " statements that say them)\n"
        )
        _, _, err = call("score", ACME, "--at", "2026-08-31")
        assert "" == err  # every key result of the example is measurable

    def test_every_key_result_left_out_is_named(self, tmp_path: Path) -> None:
        """A key result with a direction and a target but no start is not scored either: the
        note names it too, by what it lacks (a hostile trial found its objective's score
        standing on another key result alone without a word, and through --read-statements
        a note that went quiet as the statement filled the direction)."""
        path = tmp_path / "okrs.yaml"
        path.write_text(
            "okrkit: 1\nobjectives:\n- id: o1\n  title: Make onboarding delightful\n"
            "  key_results:\n  - {id: nps, title: Raise NPS to 45, direction: increase,"
            " target: 45}\n  - {id: arr, title: Grow ARR, start: 10, target: 20,"
            " direction: increase}\n  - {id: k3, title: Delight admins}\n"
            "- id: o2\n  title: Keep customers\n  key_results:\n"
            "  - {id: churn, title: Cut churn to 2%, direction: decrease, target: 2}\n"
            "- id: o3\n  title: Keep revenue\n  key_results:\n"
            "  - {id: nrr, title: Hold NRR at 110%, direction: increase, target: 110}\n",
            encoding="utf-8",
        )
        _, _, err = call("score", str(path))
        assert err == (
            f"okrkit: note: {path}: no key result has a check-in, so each is scored at its"
            " start (record progress in its check_ins)\n"
            f"okrkit: note: {path}: 1 key result with no direction or target, not counted in"
            " its objective's score: 'k3' (of 'o1') ('okrkit check' says where; '--read-statements'"
            " reads them from statements that say them)\n"
            f"okrkit: note: {path}: 1 key result with no start to measure progress from, not"
            " counted in its objective's score: 'nps' (of 'o1') ('okrkit check' says where)\n"
            # (an objective whose every key result is left out has no score to leave it out of)
            f"okrkit: note: {path}: 2 key results with no start to measure progress from, so"
            " their objectives have no score: 'churn' (of 'o2'), 'nrr' (of 'o3')"
            " ('okrkit check' says where)\n"
        )
        assert err == call("tree", str(path))[2]
        # Reading the statements gives no start where they name none: still named.
        _, _, read = call("score", str(path), "--read-statements")
        assert (
            "no start to measure progress from, not counted in its objective's score: 'nps'" in read
        )
        assert "'--read-statements' reads" not in read  # (said only to one who has not)
        # Quiet: no notes (a warning would still be said).
        assert ("", "") == (
            call("score", str(path), "-q")[2],
            call("tree", str(path), "--quiet")[2],
        )

    def test_a_start_and_target_no_float_tells_apart_are_said(self) -> None:
        """Decimals a float cannot tell apart (given through the API) are no score either."""
        import argparse
        from decimal import Decimal

        from okrkit import KeyResult, Objective, Plan
        from okrkit.cli._show import _warn_about
        from okrkit.scorecards import scorecard

        kr = KeyResult(
            id="k",
            title="Grow x",
            direction="increase",
            start=Decimal("1.00000000000000001"),
            target=Decimal("1.00000000000000002"),
        )
        card = scorecard(Plan(objectives=[Objective(id="o", title="T", key_results=[kr])]))
        err = io.StringIO()
        streams = Streams(stdin=io.BytesIO(), stdout=io.StringIO(), stderr=err, environ={})
        _warn_about(argparse.Namespace(path="p.yaml", quiet=False), card, streams)
        assert err.getvalue() == (
            "okrkit: note: p.yaml: 1 key result whose start and target can't be told apart, so"
            " its objective has no score: 'k' (of 'o') ('okrkit check' says where)\n"
        )

    def test_quiet_keeps_warnings(self) -> None:
        """-q silences the notes, not a warning about the alignment the scores stand on."""
        plan = (
            "okrkit: 1\nobjectives:\n- id: o\n  title: T\n  aligned_to: nowhere\n"
            "  key_results:\n  - {id: k, title: Delight admins}\n"
        )
        _, _, err = call("score", "-", "-q", stdin=plan.encode())
        assert err.startswith("okrkit: <stdin>: warning: ")
        assert "note" not in err

    def test_ids_are_quoted_and_what_hides_is_shown(self) -> None:
        """An id holding the note's own words, or a character a terminal shows as nothing,
        cannot pass for another key result (a second trial's finds)."""
        plan = json.dumps(
            {
                "okrkit": 1,
                "objectives": [
                    {
                        "id": "o",
                        "title": "T",
                        "key_results": [
                            {"id": "nps\u200b", "title": "Delight admins"},
                            {"id": "x (of y), z", "title": "Delight users"},
                        ],
                    }
                ],
            }
        )
        _, _, err = call("score", "-", stdin=plan.encode())
        assert "'nps\\u200b' (of 'o'), 'x (of y), z' (of 'o')" in err

    def test_a_note_names_ten_and_counts_the_rest(self) -> None:
        """Thousands of unmeasurable key results make one short line, not one of 100 KB."""
        krs = ",".join(f'{{"id": "k{i}", "title": "Delight admins"}}' for i in range(2500))
        plan = (
            f'{{"okrkit": 1, "objectives": [{{"id": "o", "title": "T", "key_results": [{krs}]}}]}}'
        )
        _, _, err = call("score", "-", stdin=plan.encode())
        assert err == (
            "okrkit: note: <stdin>: 2,500 key results with no direction or target, so their"
            " objective has no score: "
            + ", ".join(f"'k{i}' (of 'o')" for i in range(10))
            + ", and 2,490 more ('okrkit check' says where; '--read-statements' reads them from"
            " statements that say them)\n"
        )

    def test_an_objective_scored_from_its_children_names_none(self) -> None:
        """With --roll-up children, an objective with a scored child takes its score from
        its children alone: none of its key results counts, so none is singled out; one
        with no scored child falls back to its key results, and is noted."""
        plan = (
            "okrkit: 1\nobjectives:\n- id: top\n  title: Top\n  key_results:\n"
            "  - {id: t1, title: Delight admins}\n"
            "  - {id: t2, title: Grow ARR, start: 1, target: 2, direction: increase}\n"
            "- id: child\n  title: Child\n  aligned_to: top\n  key_results:\n"
            "  - {id: c1, title: Grow NPS, start: 1, target: 2, direction: increase}\n"
            "  - {id: c2, title: Delight users}\n"
        )
        _, _, err = call("score", "-", "--roll-up", "children", stdin=plan.encode())
        assert err == (
            "okrkit: note: <stdin>: no key result has a check-in, so each is scored at its"
            " start (record progress in its check_ins)\n"
            "okrkit: note: <stdin>: 1 key result with no direction or target, not counted in"
            " its objective's score: 'c2' (of 'child') ('okrkit check' says where;"
            " '--read-statements' reads them from statements that say them)\n"
        )
        _, _, err = call("score", "-", stdin=plan.encode())
        assert "2 key results with no direction or target" in err
        assert "'t1' (of 'top'), 'c2' (of 'child')" in err

    def test_table(self) -> None:
        """One row per objective and key result, with value, progress, score, grade, status
        and title."""
        status, out, _ = call("score", ACME, "--at", "2026-08-31")
        lines = out.splitlines()
        assert 0 == status
        assert "Scores as of 2026-08-31, policy linear, roll-up key_results" == lines[0]
        assert lines[1].split() == ["value", "progress", "score", "grade", "status", "title"]
        assert 2 + 6 + 20 == len(lines)
        arr = ["Grow", "ARR", "from", "$8.2M", "to", "$10M"]
        assert ["-", "arr", "$9,120,000", "51%", "0.51", "projected", "missed", "(red)", "at",
                "risk", *arr] == lines[3].split()  # fmt: skip
        assert lines[2].endswith(
            "  Become the analytics tool mid-market finance teams can't do without"
        )
        # Once the quarter has ended, the grade is the grade.
        _, out, _ = call("score", ACME, "--at", "2026-10-01")
        assert ["-", "arr", "$9,120,000", "51%", "0.51", "missed", "(red)", "closed", *arr] == (
            out.splitlines()[3].split()
        )
        # Before it starts, nothing is scored, and the check-ins made since are left out,
        # which is said (a note dated later than meant would hide progress without a word).
        _, out, err = call("score", ACME, "--at", "2026-06-30")
        assert ["-", "arr", "$8,200,000", "0%", "not", "started", "–", "not", "started",
                *arr] == out.splitlines()[3].split()  # fmt: skip
        assert f"okrkit: note: {ACME}: 44 check-ins made after 2026-06-30 left out\n" == err
        # (on its first day, scored at the starts, with check-ins to come: not "none at all")
        _, _, err = call("score", ACME, "--at", "2026-07-01")
        assert f"okrkit: note: {ACME}: 44 check-ins made after 2026-07-01 left out\n" == err

    def test_policy_and_date(self) -> None:
        """--policy google rounds to tenths; --at earlier sees fewer check-ins."""
        _, out, _ = call("score", ACME, "--at", "2026-08-31", "--policy", "google")
        assert "0.50" in out.splitlines()[3]
        _, out, _ = call("score", ACME, "--at", "2026-07-01")
        assert ["-", "arr", "$8,200,000", "0%", "0.00"] == out.splitlines()[3].split()[:5]

    def test_grade_coloured(self) -> None:
        """With colour, the grade cell carries the grade's colour."""
        _, out, _ = call("--color", "always", "score", ACME, "--at", "2026-08-31")
        assert "\x1b[31mprojected missed (red)" in out

    def test_broken_alignment_is_reported_not_fatal(self, tmp_path: Path) -> None:
        """Scores still come out flat; the problem goes to stderr."""
        path = tmp_path / "loop.yaml"
        path.write_text("okrkit: 1\nobjectives:\n- {id: a, title: A, aligned_to: a}\n")
        status, out, err = call("score", str(path))
        assert 0 == status
        assert "a" in out
        assert "alignment loop" in err


class TestTree:
    def test_drawing(self) -> None:
        """The tree with box-drawing branches, scores, grades, statuses and what a child is via."""
        status, out, _ = call("tree", ACME, "--at", "2026-08-31")
        assert 0 == status
        assert [
            "grow-revenue  0.60 projected missed (red), at risk",
            "├── sales-pipeline  0.61 projected delivered (green), stale (via arr)",
            "│   └── mid-market  0.73 projected delivered (green), on track",
            "└── product-reliable  0.64 projected delivered (green), stale (via churn)",
            (
                "    ├── platform-fast  0.84 projected delivered (green), on track"
                " (via close-day-latency)"
            ),
            "    └── integrations-solid  0.16 projected missed (red), stale (via sync-errors)",
        ] == [line.rsplit("  ", 1)[0] for line in out.splitlines()]

    @settings(max_examples=20, deadline=None)
    @given(plans(max_objectives=8))
    def test_one_line_per_objective(self, plan: okrkit.Plan) -> None:
        """Any plan draws one line per objective, with the objective's id."""
        status, out, _ = call(
            "tree", "-", "--input-format", "json", stdin=formats.dumps(plan, "json").encode()
        )
        assert 0 == status
        assert len(plan.objectives) == len(out.splitlines())


class TestReport:
    @pytest.mark.parametrize("fmt", ["md", "html", "json"])
    def test_formats_to_file_and_stdout(self, fmt: str, tmp_path: Path) -> None:
        """Each format goes to stdout, or to -o FILE with the same text."""
        status, out, _ = call("report", ACME, "--format", fmt, "--at", "2026-08-31")
        assert 0 == status
        assert out
        target = tmp_path / f"report.{fmt}"
        assert (0, "") == call(
            "report", ACME, "--format", fmt, "--at", "2026-08-31", "-o", str(target)
        )[:2]
        assert out == target.read_text(encoding="utf-8")

    def test_json_has_diagnostics(self) -> None:
        """The JSON report carries the rules' findings as of the date."""
        _, out, _ = call("report", ACME, "--format", "json", "--at", "2026-08-31")
        data = json.loads(out)
        assert {"error": 0, "warning": 9, "info": 0} == data["summary"]["diagnostics"]
        assert 6 == len(data["objectives"])

    def test_fiscal_example(self) -> None:
        """The fiscal-year example reports too."""
        status, out, _ = call("report", FISCAL, "--format", "md", "--at", "2026-08-31")
        assert 0 == status
        assert "FY2027" in out


class TestConvert:
    @settings(max_examples=20, deadline=None)
    @given(plans(max_objectives=4))
    def test_round_trip_through_files(self, plan: okrkit.Plan) -> None:
        """JSON -> YAML -> TOML -> JSON through the command loses nothing."""
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            a, b, c, d = (Path(folder) / name for name in ("a.json", "b.yaml", "c.toml", "d.json"))
            formats.dump(plan, a)
            for src, dst in ((a, b), (b, c), (c, d)):
                assert (0, "", "") == call("convert", str(src), str(dst))
            assert plan == formats.load(d)

    def test_stdout_needs_a_format(self) -> None:
        """`-` as DST writes to stdout with --to; without it, a one-line error."""
        status, out, _ = call("convert", ACME, "-", "--to", "json")
        assert 0 == status
        assert json.loads(out)["okrkit"] == 1
        status, _, err = call("convert", ACME, "-")
        assert (2, "okrkit: -: writing to standard output needs --to FORMAT\n") == (status, err)

    def test_unknown_destination_suffix(self, tmp_path: Path) -> None:
        """A destination suffix okrkit does not know is named."""
        status, _, err = call("convert", ACME, str(tmp_path / "okrs.docx"))
        assert 2 == status
        assert "unknown file type '.docx'" in err


class TestSchemaParseNew:
    def test_schema(self, tmp_path: Path) -> None:
        """`schema` prints the JSON Schema, or writes it with -o."""
        status, out, _ = call("schema")
        assert 0 == status
        assert formats.json_schema() == json.loads(out)
        assert 0 == call("schema", "-o", str(tmp_path / "s.json"))[0]
        assert json.loads(out) == json.loads((tmp_path / "s.json").read_text())

    def test_parse_text_and_json(self) -> None:
        """`parse` shows what okrkit reads, in words or as JSON."""
        expected = (
            "direction: increase\nform: target\nvalue: 50.0\nstart: 32.0\nmetric: NPS\n"
            "deadline: by Q3\nmeasurable: yes\n"
        )
        assert (0, expected, "") == call("parse", "Increase NPS from 32 to 50 by Q3")
        data = json.loads(call("parse", "Reduce churn by 8%", "--format", "json")[1])
        assert ("decrease", "change", 8.0, True) == (
            data["direction"],
            data["form"],
            data["value"],
            data["relative"],
        )
        assert (0, "numeric: no\noutput: yes\nwords: 5\n", "") == call(
            "parse", "--objective", "Launch the new mobile app"
        )
        assert "ambiguities" in call("parse", "Improve X% of things", "--format", "json")[1]

    @pytest.mark.parametrize(
        ("statement", "said"),
        [
            ("Hire 10 engineers", True),
            ("Close $1.2M in new ARR", True),
            ("Increase NPS from 32 to 50", False),  # a start of its own
            ("Reach NPS 50", False),  # a level, whose start is today's
            ("Reduce churn by 8%", False),
            ("Launch the new app", False),
        ],
    )
    def test_parse_says_a_count_starts_at_none(self, statement: str, said: bool) -> None:
        """A count made in the cycle starts at 0 as a key result, which the reading leaves
        out: `parse` says so (a trial's newcomer saw no start, then an import's 0)."""
        status, out, _ = call("parse", statement)
        assert status == 0
        assert ("start as a key result: 0" in out) is said
        if said:
            assert okrkit.text.to_key_result(statement).start == 0

    @pytest.mark.parametrize(("fmt", "name"), [("yaml", "yaml"), ("json", "json")])
    def test_new_is_a_clean_plan_for_the_quarter(self, fmt: str, name: str, tmp_path: Path) -> None:
        """`new` writes a plan for the quarter of --today that `check` passes."""
        status, out, _ = call("new", "--format", fmt, "--at", "2026-11-22")
        plan = formats.loads(out, name)  # type: ignore[arg-type]
        assert 0 == status
        assert [okrkit.Cycle.parse("2026-Q4")] == [o.cycle for o in plan.objectives]
        target = tmp_path / f"okrs.{name}"
        assert (0, "") == call("new", "--format", fmt, "--at", "2026-11-22", "-o", str(target))[:2]
        assert (0, "All checks passed (1 file).\n", "") == call(
            "check", str(target), "--at", "2026-10-02"
        )

    @pytest.mark.parametrize("suffix", [".md", ".toml", ".yml", ".json"])
    def test_new_writes_a_file_in_its_suffix_s_format(self, suffix: str, tmp_path: Path) -> None:
        """A file's template is in the format its name says (a trial's `new -o plan.md` wrote
        YAML there, which okrkit then refused); another --format than the name's is refused."""
        target = tmp_path / f"okrs{suffix}"
        assert (0, "", "") == call("new", "--at", "2026-11-22", "-o", str(target))
        loaded = formats.load(target)
        assert [okrkit.Cycle.parse("2026-Q4")] == [o.cycle for o in loaded.objectives]
        other = "yaml" if suffix == ".json" else "json"
        status, _, err = call("new", "--format", other, "-o", str(tmp_path / f"x{suffix}"))
        assert status == 2
        assert f"ending as {other} does" in err
        assert not (tmp_path / f"x{suffix}").exists()

    def test_new_defaults_to_this_quarter(self) -> None:
        """Without --today, `new` uses the real today's quarter."""
        plan = formats.loads(call("new")[1], "yaml")
        assert okrkit.Cycle.containing(date.today()) == plan.objectives[0].cycle


class TestHelpAndVersion:
    def test_version(self) -> None:
        """--version prints the package version and exits 0."""
        assert (0, f"okrkit {okrkit.__version__}\n", "") == call("--version")

    @pytest.mark.parametrize(
        "command", ["check", "score", "tree", "report", "convert", "schema", "parse", "new"]
    )
    def test_help_with_examples(self, command: str) -> None:
        """Every subcommand's --help has a description and examples."""
        status, out, _ = call(command, "--help")
        assert 0 == status
        assert f"usage: okrkit {command}" in out
        assert "examples:\n  okrkit " in out
        # as a terminal shows it: no reST literal marks, no docstring indentation (a
        # newcomer's trial found ``--lossy`` and an indented paragraph in convert's)
        assert "``" not in out
        description = out.split("\n\n")[1]
        assert not description.startswith(" ")

    def test_the_command_list_says_each_command_in_one_line(self) -> None:
        _, out, _ = call("--help")
        assert "``" not in out
        assert "What DST's format cannot hold" not in out  # convert's second paragraph


class TestSubprocess:
    def test_exit_statuses(self, clean: Path, flawed: Path, tmp_path: Path) -> None:
        """As users run it: 0 clean, 1 findings, 2 unreadable input or usage, no traceback."""
        assert 0 == shell("check", str(clean), "--at", "2026-07-02").returncode
        findings = shell("check", str(flawed), "--at", "2026-08-31")
        assert 1 == findings.returncode
        assert "OKR201" in findings.stdout
        missing = shell("check", str(tmp_path / "missing.json"))
        assert (2, f"okrkit: {tmp_path / 'missing.json'}: No such file or directory\n") == (
            missing.returncode, missing.stderr)  # fmt: skip
        assert 2 == shell("check").returncode
        bad = tmp_path / "bad.json"
        bad.write_text("{")
        result = shell("score", str(bad))
        assert 2 == result.returncode
        assert "Traceback" not in result.stderr

    def test_stdin_and_version(self) -> None:
        """`-` reads the pipe; --version answers."""
        acme = Path(ACME).read_bytes()
        assert 0 == shell("check", "-", "--at", "2026-08-31", stdin=acme).returncode
        assert 1 == shell("check", "-", "--at", "2026-08-31", stdin=FLAWED.encode()).returncode
        assert 2 == shell("check", "-", stdin=BAD_TARGET.encode()).returncode
        assert f"okrkit {okrkit.__version__}\n" == shell("--version").stdout

    def test_quick_start_command(self, tmp_path: Path) -> None:
        """The README's Quick start report runs on the example and exits 0."""
        result = shell("report", ACME, "--format", "md", cwd=tmp_path)
        assert (0, "") == (result.returncode, result.stderr)
        assert result.stdout.startswith("# OKR report, as of ")

    def test_main_entry_point(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`okrkit.__main__.main` runs the command on sys.argv and returns the status."""
        from okrkit.__main__ import main

        monkeypatch.setattr(sys, "argv", ["okrkit", "parse", "Ship the beta"])
        assert 0 == main()
        assert "output: yes" in capsys.readouterr().out


class TestStdinByteOrderMark:
    def test_json_with_bom_is_json(self) -> None:
        """JSON on standard input is read as JSON even after a byte order mark."""
        doc = b'\xef\xbb\xbf{"okrkit": 1, "objectives": [{"title": "a", "weight": 1e5}]}'
        status, out, _ = call("convert", "-", "-", "--to", "json", stdin=doc)
        assert (0, 100000.0) == (status, json.loads(out)["objectives"][0]["weight"])


# A key result whose unit is a lone surrogate: JSON can say it, UTF-8 cannot encode it.
SURROGATE_UNIT = (
    b'{"okrkit":1,"objectives":[{"title":"t","key_results":[{"title":"k","unit":"\\ud800"}]}]}'
)
NOT_ROOT = pytest.mark.skipif(
    os.name == "posix" and os.geteuid() == 0,
    reason="run as root, who may read and write any file whatever its permission bits",
)


def temporaries(folder: Path) -> list[str]:
    """The temporary files a write left in *folder*."""
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


class TestWritesLoseNothing:
    @pytest.mark.parametrize("suffix", [".json", ".toml", ".csv"])
    def test_convert_that_cannot_be_written_keeps_the_files(
        self, tmp_path: Path, suffix: str
    ) -> None:
        """A key result whose unit UTF-8 cannot encode: one line, exit 2, no file changed.

        In place (JSON to itself) as to an existing file; whether the reader or the writer
        refuses the lone surrogate, SRC and DST stay byte for byte as they were.
        """
        src, dst = tmp_path / "okrs.json", tmp_path / f"okrs{suffix}"
        src.write_bytes(SURROGATE_UNIT)
        if dst != src:
            dst.write_bytes(b"old")
        status, out, err = call("convert", str(src), str(dst))
        assert (2, "", 1) == (status, out, len(err.splitlines()))
        assert err.startswith((f"okrkit: {src}:1:68: ", f"okrkit: {dst}: "))
        assert "surrogate" in err
        assert SURROGATE_UNIT == src.read_bytes()
        assert (SURROGATE_UNIT if dst == src else b"old") == dst.read_bytes()
        assert [] == temporaries(tmp_path)

    def test_convert_in_place_normalises(self, tmp_path: Path) -> None:
        """`convert SRC SRC` still rewrites a file in okrkit's own layout."""
        src = tmp_path / "okrs.json"
        src.write_text('{"okrkit": 1, "objectives": [{"title": "Grow", "weight": 1}]}')
        assert (0, "", "") == call("convert", str(src), str(src))
        assert okrkit.Plan(objectives=[okrkit.Objective(title="Grow")]) == formats.load(src)
        assert '{\n  "okrkit": 1,' == src.read_text()[:16]

    @pytest.mark.parametrize("step", ["write", "fsync", "replace"])
    def test_convert_in_place_failing_midway(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
    ) -> None:
        """A disk failing at any step of an in-place convert leaves SRC as it was."""
        src = tmp_path / "okrs.yaml"
        src.write_text(CLEAN, encoding="utf-8")

        def fail(*_: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, step, fail)
        status, _, err = call("convert", str(src), str(src))
        assert (2, f"okrkit: {src}: No space left on device\n") == (status, err)
        assert (CLEAN, []) == (src.read_text(encoding="utf-8"), temporaries(tmp_path))

    def test_new_refuses_an_existing_file(self, tmp_path: Path) -> None:
        """`new -o FILE` keeps an existing FILE unless --force, saying how to overwrite it."""
        target = tmp_path / "okrs.yaml"
        target.write_text("mine", encoding="utf-8")
        status, _, err = call("new", "-o", str(target))
        expected = f"okrkit: {target}: already exists: pass --force to overwrite it\n"
        assert (2, expected, "mine") == (status, err, target.read_text(encoding="utf-8"))
        assert (0, "") == call("new", "-o", str(target), "--force")[:2]
        assert target.read_text(encoding="utf-8").startswith("okrkit: 1\n")

    @pytest.mark.parametrize("force", [[], ["--force"]])
    def test_new_into_a_folder(self, tmp_path: Path, force: list[str]) -> None:
        """`new -o DIR` says DIR is a folder, at once, with --force or without."""
        status, out, err = call("new", "-o", str(tmp_path), *force)
        expected = f"okrkit: {tmp_path}: is a directory: expected a file to write the template to\n"
        assert (2, "", expected) == (status, out, err)
        assert [] == os.listdir(tmp_path)

    def test_new_counts_a_dangling_link_as_existing(self, tmp_path: Path) -> None:
        """A link to nowhere is something there too: `new` leaves it for --force."""
        link = tmp_path / "okrs.yaml"
        link.symlink_to(tmp_path / "elsewhere.yaml")
        assert 2 == call("new", "-o", str(link))[0]
        assert not (tmp_path / "elsewhere.yaml").exists()

    def test_report_refuses_to_overwrite_its_plan(
        self, clean: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """`report -o` onto the plan it reads, by any name, is refused and the plan kept."""
        monkeypatch.chdir(clean.parent)
        link = clean.parent / "link.yaml"
        link.symlink_to(clean)
        for output in (str(clean), "./okrs.yaml", str(link)):
            status, _, err = call("report", "okrs.yaml", "-o", output)
            expected = (
                f"okrkit: {output}: is the input okrs.yaml: refusing to write over it "
                "(choose another -o)\n"
            )
            assert (2, expected) == (status, err)
        assert CLEAN == clean.read_text(encoding="utf-8")

    def test_report_refuses_to_overwrite_its_config(self, clean: Path) -> None:
        """`report -o` onto its --config file is refused; a new file is written."""
        config = clean.parent / "okrkit.toml"
        config.write_text("ignore = []\n", encoding="utf-8")
        status, _, err = call("report", str(clean), "--config", str(config), "-o", str(config))
        assert 2 == status
        assert f"is the input {config}: refusing" in err
        assert "ignore = []\n" == config.read_text(encoding="utf-8")
        report = clean.parent / "report.md"
        assert 0 == call("report", str(clean), "--config", str(config), "-o", str(report))[0]
        assert report.read_text(encoding="utf-8").startswith("# OKR report")

    @pytest.mark.parametrize("name", ["okrkit.toml", "pyproject.toml"])
    def test_report_refuses_to_overwrite_the_config_it_found(
        self, clean: Path, monkeypatch: pytest.MonkeyPatch, name: str
    ) -> None:
        """`report -o` onto the configuration it found beside the plan is refused too."""
        monkeypatch.chdir(clean.parent)
        config = clean.parent / name
        text = "ignore = []\n" if name == "okrkit.toml" else "[tool.okrkit]\nignore = []\n"
        config.write_text(text, encoding="utf-8")
        status, _, err = call("report", "okrs.yaml", "-o", name)
        expected = f"okrkit: {name}: is the input {config}: refusing to write over it"
        assert (2, expected) == (status, err.split(" (")[0])
        assert text == config.read_text(encoding="utf-8")

    @pytest.mark.parametrize(("name", "to"), [("okrs.yaml", "csv"), ("okrs.yaml", "json")])
    def test_convert_in_place_to_another_format_is_refused(
        self, tmp_path: Path, name: str, to: str
    ) -> None:
        """`convert SRC SRC --to FMT` in another format than SRC's replaces the plan: refused."""
        src = tmp_path / name
        src.write_text(CLEAN, encoding="utf-8")
        status, out, err = call("convert", str(src), str(src), "--to", to)
        expected = (
            f"okrkit: {src}: is the input, a yaml file: writing it as {to} would replace the "
            "plan (write to another file)\n"
        )
        assert (2, "", expected) == (status, out, err)
        assert CLEAN == src.read_text(encoding="utf-8")

    def test_convert_in_place_in_its_own_format_is_allowed(self, clean: Path) -> None:
        """`--to` naming SRC's own format (or `--from` saying it) is normalising, as before."""
        assert (0, "", "") == call("convert", str(clean), str(clean), "--to", "yaml")
        assert (0, "", "") == call(
            "convert", str(clean), str(clean), "--to", "yaml", "--input-format", "yaml"
        )
        assert ["delight"] == [o.id for o in formats.load(clean).objectives]

    def test_report_from_stdin_to_a_file(self, tmp_path: Path) -> None:
        """Standard input is no file to protect: the report goes where -o says."""
        target = tmp_path / "report.md"
        assert 0 == call("report", "-", "-o", str(target), stdin=CLEAN.encode())[0]
        assert target.read_text(encoding="utf-8").startswith("# OKR report")


# What a refused FIFO or device adds, for whoever meant standard input (/dev/stdin).
HINT = " (to read standard input, give '-')\n"


class TestBoundedReads:
    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
    @pytest.mark.parametrize("command", ["check", "score", "convert"])
    def test_dev_zero(self, command: str, tmp_path: Path) -> None:
        """An endless device is refused at once with one line, exit 2."""
        argv = [command, "/dev/zero", "--input-format", "json"]
        if command == "convert":
            argv.insert(2, str(tmp_path / "out.json"))
        status, _, err = call(*argv)
        expected = "okrkit: /dev/zero: expected a regular file, got a character device" + HINT
        assert (2, expected) == (status, err)

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
    def test_config_dev_zero(self, clean: Path) -> None:
        """`--config /dev/zero` is refused at once too, naming it once."""
        expected = (
            "okrkit: /dev/zero: cannot be read: expected a regular file, got a character device\n"
        )
        assert (2, expected) == call("check", str(clean), "--config", "/dev/zero")[::2]

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
    def test_link_to_dev_zero(self, tmp_path: Path) -> None:
        """A link is judged by what it points to, and named as given."""
        link = tmp_path / "okrs.json"
        link.symlink_to("/dev/zero")
        expected = f"okrkit: {link}: expected a regular file, got a character device" + HINT
        assert (2, expected) == call("check", str(link))[::2]

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
    def test_fifo(self, tmp_path: Path) -> None:
        """A FIFO is refused at once, not waited on."""
        fifo = tmp_path / "okrs.yaml"
        os.mkfifo(fifo)
        expected = f"okrkit: {fifo}: expected a regular file, got a FIFO (named pipe)" + HINT
        assert (2, expected) == call("check", str(fifo))[::2]

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
    def test_fifo_in_a_folder(self, tmp_path: Path) -> None:
        """A FIFO found in a folder is unreadable (exit 2) without the standard input hint:
        the user never named it, so never meant to read from it."""
        (tmp_path / "okrs.yaml").write_text(CLEAN, encoding="utf-8")
        os.mkfifo(tmp_path / "pipe.yaml")
        status, _, err = call("check", str(tmp_path))
        expected = (
            f"okrkit: {tmp_path / 'pipe.yaml'}: expected a regular file, got a FIFO (named pipe)\n"
        )
        assert (2, expected) == (status, err)

    def test_dangling_link(self, tmp_path: Path) -> None:
        """A link to nowhere says where it points, found in a folder or named."""
        (tmp_path / "okrs.yaml").write_text(CLEAN, encoding="utf-8")
        link = tmp_path / "old.yaml"
        link.symlink_to("gone/okrs.yaml")
        expected = f"okrkit: {link}: a symbolic link to 'gone/okrs.yaml', which does not exist\n"
        assert (2, expected) == call("check", str(tmp_path))[::2]
        assert (2, expected) == call("check", str(link))[::2]

    def test_directory_and_missing(self, tmp_path: Path) -> None:
        """A folder without OKR files and a missing file each get their one line."""
        (tmp_path / "dir.yaml").mkdir()
        status, _, err = call("check", str(tmp_path / "dir.yaml"), str(tmp_path / "no.yaml"))
        assert 2 == status
        assert [
            (
                f"okrkit: {tmp_path / 'dir.yaml'}: is a folder without OKR files (see 'okrkit"
                " check --help')"
            ),
            f"okrkit: {tmp_path / 'no.yaml'}: No such file or directory",
        ] == err.splitlines()
        # The other commands read one plan: a folder is told where to go.
        hint = "this command reads one plan file; 'okrkit check' reads folders"
        assert (
            2,
            f"okrkit: {tmp_path / 'dir.yaml'}: expected a regular file, got a directory ({hint})\n",
        ) == (call("score", str(tmp_path / "dir.yaml"))[::2])

    @NOT_ROOT
    def test_unreadable(self, tmp_path: Path) -> None:
        """A file okrkit may not read is named, with the system's words."""
        path = tmp_path / "okrs.yaml"
        path.write_text(CLEAN, encoding="utf-8")
        path.chmod(0)
        assert (2, f"okrkit: {path}: Permission denied\n") == call("check", str(path))[::2]

    def test_stdin_over_the_limit(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Standard input is bounded by formats.DEFAULT_MAX_SIZE, as files are."""
        monkeypatch.setattr(formats, "DEFAULT_MAX_SIZE", len(CLEAN) - 1)
        status, _, err = call("check", "-", stdin=CLEAN.encode())
        limit = len(CLEAN) - 1
        expected = (
            f"okrkit: <stdin>: $: document of more than {limit} bytes is over the limit of "
            f"{limit} bytes\n"
        )
        assert (2, expected) == (status, err)

    def test_endless_stdin_is_not_read_to_the_end(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """An endless stdin is refused having read one byte past the limit."""

        class Endless(io.RawIOBase):
            given = 0

            def readable(self) -> bool:
                return True

            def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
                buffer[:] = b" " * len(buffer)
                Endless.given += len(buffer)
                return len(buffer)

        monkeypatch.setattr(formats, "DEFAULT_MAX_SIZE", 1000)
        err = io.StringIO()
        streams = Streams(stdin=Endless(), stdout=io.StringIO(), stderr=err, environ={})  # type: ignore[arg-type]
        assert 2 == run(["check", "-"], streams)
        assert (1001, "over the limit of 1000 bytes\n") == (Endless.given, err.getvalue()[-29:])

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
    def test_dev_zero_as_users_run_it(self) -> None:
        """`okrkit check /dev/zero` ends at once with one line: no hang, no MemoryError."""
        result = shell("check", "/dev/zero")
        expected = "okrkit: /dev/zero: expected a regular file, got a character device" + HINT
        assert (2, expected) == (result.returncode, result.stderr)


def test_parse_json_is_json_whatever_the_number() -> None:
    """`okrkit parse --format json` of a figure no float holds writes null, not `Infinity`
    (which is no JSON), and says why in the ambiguities."""

    def refuse(name: str) -> None:
        raise AssertionError(f"{name} is not JSON")

    status, out, _ = call("parse", "--format", "json", "Reach 1e309 users")
    assert status == 0
    parsed = json.loads(out, parse_constant=refuse)
    assert parsed["value"] is None
    assert any("too large or too small" in a for a in parsed["ambiguities"])


class TestInternalErrors:
    """A bug in okrkit is one line and status 70, never a traceback (OKRKIT_DEBUG=1 shows it)."""

    def test_a_bug_is_one_line(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def broken(*args: object, **kwargs: object) -> None:
            raise ZeroDivisionError("division by zero\x1b[31m")

        monkeypatch.setattr("okrkit.text.parse_key_result", broken)
        status, _, err = call("parse", "Grow NPS from 30 to 40")
        assert status == 70
        assert "Traceback" not in err
        assert "\x1b" not in err
        assert err.startswith("okrkit: internal error, a bug in okrkit: ZeroDivisionError: ")
        assert err.count("\n") == 1
        with pytest.raises(ZeroDivisionError):
            call("parse", "Grow NPS from 30 to 40", env={"OKRKIT_DEBUG": "1"})


SENTENCES = """\
okrkit: 1
objectives:
- id: keep
  title: Keep our customers for years to come
  owner: cx
  key_results:
  - {id: churn, title: Reduce churn from 5% to 4%}  # a sentence alone
  - {id: nps, title: Increase NPS from 32 to 50, direction: increase, start: 40, target: 50}
  - {id: onboarding, title: Improve onboarding}
"""


class TestReadStatements:
    """``--read-statements``: key results written as sentences alone get the fields their
    statements say, on every command that reads a plan."""

    @pytest.fixture
    def sentences(self, tmp_path: Path) -> Path:
        path = tmp_path / "okrs.yaml"
        path.write_text(SENTENCES, encoding="utf-8")
        return path

    def test_check_judges_the_fields_read_at_their_lines(self, sentences: Path) -> None:
        code, out, _ = call("check", str(sentences), "--select", "OKR201,OKR202")
        assert code == 1
        assert "okrs.yaml:7:5: OKR201" in out
        assert "has no target in its fields" in out
        code, out, _ = call(
            "check", str(sentences), "--select", "OKR201,OKR202", "--read-statements"
        )
        # the churn key result is filled; the typed start of NPS wins (and OKR202 says its
        # statement disagrees); "Improve onboarding" says no target, still at its line
        assert "okrs.yaml:7:5" not in out
        assert "okrs.yaml:8:5: OKR202" in out
        assert "okrs.yaml:9:5: OKR201 [error] key result 'Improve onboarding'" in out
        assert code == 1

    def test_convert_writes_the_fields(self, sentences: Path, tmp_path: Path) -> None:
        out = tmp_path / "filled.json"
        assert call("convert", str(sentences), str(out), "--read-statements")[0] == 0
        churn, nps, onboarding = (kr for _, kr in okrkit.load(out).key_results())
        assert (churn.direction.value, churn.start, churn.target, churn.unit) == (
            "decrease",
            5.0,
            4.0,
            "%",
        )
        assert (nps.start, nps.target) == (40, 50)
        assert (onboarding.direction.value, onboarding.target) == ("increase", None)
        # without the option, the file's fields as they are
        assert call("convert", str(sentences), str(out))[0] == 0
        assert next(okrkit.load(out).key_results())[1].direction is None

    def test_score_tree_and_report(self, sentences: Path) -> None:
        for command in ("score", "tree", "report"):
            code, out, err = call(
                command, str(sentences), "--read-statements", "--at", "2026-10-01"
            )
            assert code == 0, err
        code, out, _ = call("score", str(sentences), "--read-statements", "--at", "2026-10-01")
        assert "5 %" in out  # churn's start, read from its statement

    def test_a_baseline_column(self, tmp_path: Path) -> None:
        """A sheet's typed start is the one its statement's change applies to."""
        sheet = tmp_path / "okrs.csv"
        sheet.write_text(
            "objective.title,kr.title,kr.start\n"
            "Keep customers for years,Cut support tickets by 20%,340\n"
            "Keep customers for years,Increase NPS to 50,60\n",  # typed start above it
            encoding="utf-8",
        )
        code, out, _ = call("convert", str(sheet), "-", "--to", "json", "--read-statements")
        assert code == 0
        tickets, nps = json.loads(out)["objectives"][0]["key_results"]
        assert (tickets["direction"], tickets["start"], tickets["target"]) == (
            "decrease",
            340,
            272.0,
        )
        # the statement's increase and the typed start read as a decrease, as to_key_result
        # makes it (OKR202 then says the statement and the fields disagree)
        assert (nps["direction"], nps["start"], nps["target"]) == ("decrease", 60, 50.0)

    def test_stdin(self) -> None:
        code, out, _ = call(
            "convert", "-", "-", "--to", "json", "--read-statements", stdin=SENTENCES.encode()
        )
        assert code == 0
        assert json.loads(out)["objectives"][0]["key_results"][0]["target"] == 4.0
