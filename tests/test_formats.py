"""okrkit.formats: the document schema, JSON, YAML and TOML, limits and safety, the schema."""
# ruff: noqa: ISC004 - the tables of expected messages wrap long messages across lines

from __future__ import annotations

import copy
import gc
import json
import os
import pickle
import threading
import tomllib
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import okrkit
from _documents import paths as documents_paths
from okrkit import _tomlread, formats
from okrkit._gc import paused
from okrkit.cycles import Cycle
from okrkit.errors import (
    FormatError,
    InvalidTypeError,
    InvalidValueError,
    OKRWarning,
    safe_repr,
)
from okrkit.formats import _document, _json, _reading
from okrkit.model import CheckIn, Direction, Indicator, KeyResult, Kpi, Objective, PastScore, Plan
from okrkit.testing import key_results, plans

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
LOSSLESS = ("json", "yaml", "toml")


def golden_plan() -> Plan:
    """A small plan with every field and every kind of value the schema holds."""
    q3 = Cycle.parse("2026-Q3")
    fy = Cycle.parse("FY2027-Q2", fiscal_year_start=2)
    odd = Cycle.parse("FY2027", fiscal_year_start=7, fiscal_year_named_by="start")
    ist = timezone(timedelta(hours=5, minutes=30))
    churn = KeyResult(
        id="churn",
        title="Reduce monthly churn from 5% to 4%",
        direction=Direction.DECREASE,
        start=5.0,
        target=4.0,
        unit="%",
        owner="growth",
        indicator=Indicator.LAGGING,
        check_ins=[
            CheckIn(at=date(2026, 7, 6), value=4.9, confidence=0.5),
            CheckIn(
                at=datetime(2026, 7, 20, 9, 30, tzinfo=ist),
                value=Decimal("4.70"),
                confidence=Decimal("0.6"),
                note='Win-back emails "v2" live',
                author="ana",
            ),
        ],
    )
    arr = KeyResult(
        title="Grow ARR to €1.2M",
        direction="increase",
        start=Decimal("950000.00"),
        target=Decimal("1200000.00"),
        unit="€",
        weight=2,
        due=date(2026, 9, 15),
        ignore=["OKR203"],
    )
    latency = KeyResult(
        title="Keep p95 latency within 180–220 ms",
        direction="within",
        target=(180, 220),
        unit="ms",
        weight=0.5,
    )
    launch = KeyResult(title="Ship the self-serve onboarding", direction="milestone").check_in(
        1, at=datetime(2026, 8, 3, 17, 0, tzinfo=UTC)
    )
    vague = KeyResult(title="Make onboarding feel effortless")
    company = Objective(
        id="retain",
        title="Win back customers who drifted away",
        description="Churn rose after the price change.\nWe want them back.",
        owner="growth",
        cycle=q3,
        commitment="committed",
        level="company",
        key_results=[churn, arr],
    )
    team = Objective(
        title="Make the product fast and easy to start",
        owner="platform",
        cycle=fy,
        level="team",
        aligned_to="churn",
        weight=Decimal("1.5"),
        key_results=[latency, launch, vague],
    )
    finance = Objective(title="Close the books faster", cycle=odd, ignore=["OKR101"])
    uptime = Kpi(
        title="Uptime",
        direction="at_least",
        threshold=99.9,
        unit="%",
        owner="platform",
        check_ins=[CheckIn(at=date(2026, 7, 31), value=99.95)],
    )
    history = [
        PastScore(owner="growth", cycle=Cycle.parse("2026-Q2"), score=0.62, objective="retain"),
        PastScore(owner="platform", cycle=fy.previous(), score=1, commitment="committed"),
    ]
    return Plan(objectives=[company, team, finance], kpis=[uptime], history=history)


def typed(value: object) -> object:
    """*value* with each number tagged with its type, so equality also checks types."""
    if isinstance(value, dict):
        return {k: typed(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [typed(v) for v in value]
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return (type(value).__name__, str(value))
    return value


def fields(plan: Plan) -> object:
    """Every value in *plan*, numbers tagged with their types and datetimes with their offsets."""

    def walk(value: object) -> object:
        if attrs.has(type(value)):
            return {
                f.name: walk(getattr(value, f.name)) for f in attrs.fields(type(value)) if f.init
            }
        if isinstance(value, tuple):
            return [walk(v) for v in value]
        if isinstance(value, datetime):
            return ("datetime", value.isoformat())
        if isinstance(value, Cycle):
            return repr(value)
        return typed(value)

    return walk(plan)


# The converter ----------------------------------------------------------------------------------


class TestToDict:
    @given(plans())
    def test_round_trip(self, plan: Plan) -> None:
        """from_dict(to_dict(p)) == p, and every number keeps its type."""
        again = formats.from_dict(formats.to_dict(plan))
        assert plan == again
        assert fields(plan) == fields(again)

    @given(plans())
    def test_is_json_data(self, plan: Plan) -> None:
        """to_dict gives plain JSON data: json.loads(json.dumps(d)) == d."""
        data = formats.to_dict(plan)
        assert typed(data) == typed(json.loads(json.dumps(data)))

    @given(plans())
    def test_validates_against_the_schema(self, plan: Plan) -> None:
        """Every generated document is valid under the JSON Schema."""
        jsonschema.Draft202012Validator(formats.json_schema()).validate(formats.to_dict(plan))

    def test_defaults_omitted(self) -> None:
        """Ids equal to the title's slug, weight 1, aspirational, milestone 0..1 are left out."""
        kr = KeyResult(title="Ship it", direction="milestone")
        plan = Plan(objectives=[Objective(title="Go", key_results=[kr])])
        expected = {
            "okrkit": 1,
            "objectives": [
                {"title": "Go", "key_results": [{"title": "Ship it", "direction": "milestone"}]}
            ],
        }
        assert expected == formats.to_dict(plan)

    def test_numbers_keep_their_type(self) -> None:
        """An int stays an int, a float a float, a Decimal a string of its digits."""
        kr = KeyResult(title="x", direction="increase", start=1, target=Decimal("2.50"), weight=0.5)
        data = formats.to_dict(Plan(objectives=[Objective(title="o", key_results=[kr])]))
        written = data["objectives"][0]["key_results"][0]
        assert (1, "2.50", 0.5) == (written["start"], written["target"], written["weight"])

    def test_fiscal_settings_at_the_root(self) -> None:
        """The fiscal settings most cycles share go to the root; other cycles say their own."""
        data = formats.to_dict(golden_plan())
        assert 2 == data["fiscal_year_start"]
        assert "FY2027-Q2" == data["objectives"][1]["cycle"]
        expected = {"label": "FY2027", "fiscal_year_start": 7, "fiscal_year_named_by": "start"}
        assert expected == data["objectives"][2]["cycle"]

    def test_not_a_plan(self) -> None:
        """to_dict of something else is an okrkit type error."""
        with pytest.raises(InvalidTypeError, match="expected a Plan"):
            formats.to_dict({"objectives": []})  # type: ignore[arg-type]


class TestRoundTrips:
    @pytest.mark.parametrize("format", LOSSLESS)
    @given(plan=plans())
    def test_lossless(self, format: formats.FormatName, plan: Plan) -> None:
        """loads(dumps(p, f), f) == p, with every type and offset kept, and the text is stable."""
        text = formats.dumps(plan, format)
        again = formats.loads(text, format)
        assert plan == again
        assert fields(plan) == fields(again)
        assert text == formats.dumps(again, format)

    @pytest.mark.parametrize("format", LOSSLESS)
    def test_golden_plan(self, format: formats.FormatName) -> None:
        """The golden plan, with every kind of field, comes back equal with equal types."""
        plan = golden_plan()
        again = formats.loads(formats.dumps(plan, format), format)
        assert fields(plan) == fields(again)

    @pytest.mark.parametrize("format", LOSSLESS)
    def test_datetime_offsets_kept(self, format: formats.FormatName) -> None:
        """A datetime comes back with the same UTC offset, not only the same instant."""
        at = datetime(2026, 7, 1, 23, 30, tzinfo=timezone(timedelta(hours=-8)))
        kr = KeyResult(title="x").check_in(1, at=at)
        plan = Plan(objectives=[Objective(title="o", key_results=[kr])])
        again = formats.loads(formats.dumps(plan, format), format)
        assert at.utcoffset() == again.objectives[0].key_results[0].check_ins[0].at.utcoffset()

    @pytest.mark.parametrize("format", ["yaml", "toml"])
    def test_odd_offsets_as_strings(self, format: formats.FormatName) -> None:
        """An offset with seconds, which YAML and TOML timestamps cannot hold, goes as a string."""
        at = datetime(2026, 7, 1, 9, tzinfo=timezone(timedelta(hours=1, seconds=30)))
        kr = KeyResult(title="x").check_in(1, at=at)
        plan = Plan(objectives=[Objective(title="o", key_results=[kr])])
        again = formats.loads(formats.dumps(plan, format), format)
        assert at.utcoffset() == again.objectives[0].key_results[0].check_ins[0].at.utcoffset()


class TestGolden:
    @pytest.mark.parametrize(
        ("name", "format"),
        [
            ("plan.json", "json"),
            ("plan.yaml", "yaml"),
            ("plan.toml", "toml"),
            ("plan.csv", "csv"),
            ("plan.md", "markdown"),
        ],
    )
    def test_wire_format(self, name: str, format: formats.FormatName) -> None:
        """The golden plan is written byte for byte as the golden file."""
        expected = (DATA / "golden" / name).read_bytes().decode("utf-8")
        assert expected == formats.dumps(golden_plan(), format, lossy=True)

    def test_check_ins_file(self) -> None:
        """The check-in history file is written byte for byte as its golden file."""
        expected = (DATA / "golden" / "plan-check-ins.csv").read_bytes().decode("utf-8")
        assert expected == formats.dumps_check_ins(golden_plan())

    @pytest.mark.parametrize("name", ["plan.json", "plan.yaml", "plan.toml"])
    def test_golden_files_load(self, name: str) -> None:
        """Each lossless golden file loads into the golden plan."""
        assert fields(golden_plan()) == fields(formats.load(DATA / "golden" / name))


# Files and options ------------------------------------------------------------------------------


class TestFiles:
    @pytest.mark.parametrize(
        "suffix", [".json", ".yaml", ".yml", ".toml", ".JSON", ".md", ".markdown", ".csv"]
    )
    def test_suffix_picks_format(self, tmp_path: Path, suffix: str) -> None:
        """dump then load by suffix gives the plan back (as far as the format holds it)."""
        plan = Plan(objectives=[Objective(title="Grow", owner="growth")])
        path = tmp_path / f"okrs{suffix}"
        formats.dump(plan, path)
        assert plan == formats.load(path)

    def test_format_overrides_suffix(self, tmp_path: Path) -> None:
        """format= reads a file whatever its name."""
        path = tmp_path / "okrs.txt"
        formats.dump(Plan(), path, format="yaml")
        assert "okrkit: 1\n" == path.read_text(encoding="utf-8")
        assert Plan() == formats.load(path, format="yaml")

    def test_unknown_suffix(self, tmp_path: Path) -> None:
        """A suffix okrkit does not know is an okrkit error naming the known ones."""
        with pytest.raises(InvalidValueError, match=r"a file ending in \.json, \.yaml"):
            formats.load(tmp_path / "okrs.txt")

    def test_size_limit_from_the_file(self, tmp_path: Path) -> None:
        """A file over max_size is refused before it is read."""
        path = tmp_path / "okrs.json"
        formats.dump(golden_plan(), path)
        with pytest.raises(FormatError, match="over the limit of 100"):
            formats.load(path, max_size=100)

    def test_check_ins_file(self, tmp_path: Path) -> None:
        """load reads a CSV table with its check-in history file."""
        plan = golden_plan()
        table, history = tmp_path / "krs.csv", tmp_path / "check-ins.csv"
        formats.dump(plan, table)
        history.write_text(formats.dumps_check_ins(plan), encoding="utf-8")
        again = formats.load(table, check_ins=history)
        # CSV reads numbers with a point as Decimals (exactly as written).
        expected = [(c.at, str(c.value), c.note) for c in plan.key_result("churn").check_ins]
        assert expected == [
            (c.at, str(c.value), c.note) for c in again.key_result("churn").check_ins
        ]

    def test_dump_of_a_lone_surrogate_keeps_the_old_file(self, tmp_path: Path) -> None:
        """A plan UTF-8 cannot encode is refused, and the old file stays whole."""
        kr = KeyResult(title="k")
        # The types refuse a lone surrogate; a plan can still come to hold one (an older
        # loader, a caller going round the validators), and dump must not lose the file then.
        object.__setattr__(kr, "unit", "\ud800")
        plan = Plan(objectives=[Objective(title="t", key_results=[kr])])
        for suffix in (".json", ".toml", ".csv"):
            path = tmp_path / f"okrs{suffix}"
            path.write_bytes(b"old content")
            with pytest.raises(okrkit.OKRError):
                formats.dump(plan, path)
            assert b"old content" == path.read_bytes()
        assert ["okrs.csv", "okrs.json", "okrs.toml"] == sorted(os.listdir(tmp_path))

    def test_dump_keeps_the_mode_and_follows_links(self, tmp_path: Path) -> None:
        """dump replaces the file a link points to, and that file keeps its permissions."""
        real = tmp_path / "real.json"
        real.write_text("{}", encoding="utf-8")
        real.chmod(0o640)
        (tmp_path / "okrs.json").symlink_to(real)
        formats.dump(Plan(), tmp_path / "okrs.json")
        assert Plan() == formats.load(real)
        assert 0o640 == real.stat().st_mode & 0o777
        assert (tmp_path / "okrs.json").is_symlink()

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
    def test_load_refuses_a_device(self, tmp_path: Path) -> None:
        """/dev/zero, or a link to it, is refused at once: no endless read, no MemoryError."""
        link = tmp_path / "okrs.json"
        link.symlink_to("/dev/zero")
        for path in (Path("/dev/zero"), link):
            with pytest.raises(okrkit.FileError, match="got a character device"):
                formats.load(path, format="json", max_size=None)

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
    def test_load_refuses_a_fifo(self, tmp_path: Path) -> None:
        """A FIFO is refused at once, not waited on."""
        os.mkfifo(tmp_path / "okrs.yaml")
        with pytest.raises(
            okrkit.FileError, match=r"okrs\.yaml: expected a regular file, got a FIFO"
        ):
            formats.load(tmp_path / "okrs.yaml")

    def test_load_file_errors(self, tmp_path: Path) -> None:
        """A missing file, a folder, a missing check-in file: okrkit errors naming the file."""
        with pytest.raises(okrkit.MissingFileError, match=r"nope\.json: No such file"):
            formats.load(tmp_path / "nope.json")
        (tmp_path / "dir.json").mkdir()
        with pytest.raises(okrkit.DirectoryError, match="got a directory"):
            formats.load(tmp_path / "dir.json")
        formats.dump(Plan(), tmp_path / "krs.csv")
        with pytest.raises(FileNotFoundError, match=r"history\.csv: No such file"):
            formats.load(tmp_path / "krs.csv", check_ins=tmp_path / "history.csv")

    @pytest.mark.skipif(
        os.name == "posix" and os.geteuid() == 0, reason="run as root, who may read any file"
    )
    def test_load_unreadable(self, tmp_path: Path) -> None:
        """A file okrkit may not read is a FilePermissionError (a PermissionError)."""
        path = tmp_path / "okrs.json"
        path.write_text("{}", encoding="utf-8")
        path.chmod(0)
        with pytest.raises(okrkit.FilePermissionError):
            formats.load(path)


class TestOptions:
    def test_unknown_format(self) -> None:
        """An unknown format name is an okrkit error listing the known ones."""
        with pytest.raises(InvalidValueError, match="one of 'json', 'yaml', 'toml'"):
            formats.loads("{}", "xml")  # type: ignore[arg-type]
        with pytest.raises(InvalidValueError, match="one of 'json'"):
            formats.dumps(Plan(), "xml")  # type: ignore[arg-type]

    def test_dumps_not_a_plan(self) -> None:
        """dumps and dumps_check_ins of something else are okrkit type errors."""
        with pytest.raises(InvalidTypeError):
            formats.dumps([], "json")  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError):
            formats.dumps_check_ins([])  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("option", "value"),
        [
            ("unknown", "keep"),
            ("dates", "fuzzy"),
            ("max_depth", 0),
            ("max_size", "big"),
        ],
    )
    def test_bad_options(self, option: str, value: object) -> None:
        """A bad option is an okrkit error naming it."""
        with pytest.raises(InvalidValueError, match=option):
            formats.loads('{"okrkit": 1}', **{option: value})  # type: ignore[arg-type]

    def test_text_must_be_text(self) -> None:
        """loads of a number is an okrkit type error."""
        with pytest.raises(InvalidTypeError, match="a str or bytes document"):
            formats.loads(42)  # type: ignore[arg-type]

    def test_check_ins_only_with_csv(self) -> None:
        """A check-in file goes with CSV only."""
        with pytest.raises(InvalidValueError, match="CSV only"):
            formats.loads('{"okrkit": 1}', "json", check_ins="kr_id,at,value\n")

    def test_bytes_and_bom(self) -> None:
        """Bytes are read as UTF-8, with or without a byte order mark."""
        text = '{"okrkit": 1, "objectives": [{"title": "Café"}]}'
        for raw in (text.encode(), b"\xef\xbb\xbf" + text.encode()):
            assert "Café" == formats.loads(raw).objectives[0].title

    @pytest.mark.parametrize("unknown", ["warn", "ignore"])
    def test_unknown_fields_kept_out(self, unknown: Any) -> None:
        """unknown='warn' or 'ignore' reads a document with fields okrkit does not know."""
        doc = '{"okrkit": 1, "x-app": {"theme": "dark"}, "objectives": [{"title": "G", "e": 1}]}'
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            plan = formats.loads(doc, unknown=unknown)
        assert "G" == plan.objectives[0].title
        messages = [str(w.message) for w in caught if issubclass(w.category, OKRWarning)]
        expected = (
            ["unknown fields ignored: $.x-app, $.objectives[0].e"] if unknown == "warn" else []
        )
        assert expected == messages

    def test_lenient_dates(self) -> None:
        """dates='lenient' reads dates python-dateutil understands; strict refuses them."""
        doc = {
            "okrkit": 1,
            "objectives": [
                {
                    "title": "G",
                    "key_results": [
                        {
                            "title": "k",
                            "due": "15 Sep 2026",
                            "check_ins": [{"at": "2026/08/01 10:00 +0200", "value": 1}],
                        }
                    ],
                }
            ],
        }
        with pytest.raises(FormatError) as error:
            formats.from_dict(doc)
        assert 2 == len(error.value.problems)
        kr = formats.from_dict(doc, dates="lenient").objectives[0].key_results[0]
        assert date(2026, 9, 15) == kr.due
        assert timedelta(hours=2) == kr.check_ins[0].at.utcoffset()

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("next tuesday-ish", "a date or a date and time with an offset"),
            ("2026-08-01 10:00", "a UTC offset, got '2026-08-01T10:00:00': add one, e.g."),
        ],
    )
    def test_lenient_dates_still_checked(self, text: str, expected: str) -> None:
        """Lenient reading still refuses nonsense and naive times."""
        doc = {
            "okrkit": 1,
            "kpis": [
                {
                    "title": "u",
                    "direction": "at_least",
                    "threshold": 1,
                    "check_ins": [{"at": text, "value": 1}],
                }
            ],
        }
        with pytest.raises(FormatError, match=expected):
            formats.from_dict(doc, dates="lenient")

    def test_no_depth_limit(self) -> None:
        """max_depth=None lifts the nesting limit on skipped fields."""
        deep: object = 1
        for _ in range(100):
            deep = [deep]
        plan = formats.from_dict({"okrkit": 1, "x": deep}, unknown="ignore", max_depth=None)
        assert Plan() == plan


# Bad documents ------------------------------------------------------------------------------

_NUMBER = "a number (or a decimal string such as '12.50')"
BAD: list[tuple[str, str, list[str]]] = [
    ("not json", "json", ["$: invalid JSON at line 1, column 1: Expecting value"]),
    ("[1, 2]", "json", ["$: expected an object (a mapping) at the root, got [1, 2]"]),
    ("{}", "json", ["$: the document is empty: expected `okrkit: 1` and a list of objectives"]),
    ("", "json", ["$: the document is empty: expected `okrkit: 1` and a list of objectives"]),
    (
        "# a comment",
        "yaml",
        ["$: the document is empty: expected `okrkit: 1` and a list of objectives"],
    ),
    ('{"okrkit": 2}', "json", ["$.okrkit: expected a supported schema version (1), got 2"]),
    ('{"okrkit": "1"}', "json", ["$.okrkit: expected a supported schema version (1), got '1'"]),
    (
        '{"okrkit": 1, "objective": []}',
        "json",
        ["$.objective: unknown field 'objective' (did you mean 'objectives'?)"],
    ),
    (  # an id where no id belongs is an unknown field, never an id another place then repeats
        '{"okrkit": 1, "objectives": [{"title": "o", "key_results": [{"id": "k", "title": "k",'
        ' "check_ins": [{"at": "2026-07-01", "value": 1, "id": "k"}]}]}]}',
        "json",
        ["$.objectives[0].key_results[0].check_ins[0].id: unknown field 'id'"],
    ),
    (
        '{"okrkit": 1, "objectives": {}}',
        "json",
        ["$.objectives: expected a list of objectives, got {}"],
    ),
    (
        '{"okrkit": 1, "objectives": [{}]}',
        "json",
        ["$.objectives[0].title: missing required field"],
    ),
    (
        '{"okrkit": 1, "objectives": [{"title": "  "}]}',
        "json",
        ["$.objectives[0].title: expected a non-empty string, got '  '"],
    ),
    (
        '{"okrkit": 1, "objectives": [{"title": "o", "key_results": [{"title": "k",'
        ' "direction": "increase", "start": 10, "target": "ten"}]}]}',
        "json",
        [f"$.objectives[0].key_results[0].target: expected {_NUMBER}, got 'ten'"],
    ),
    (
        '{"okrkit": 1, "objectives": [{"title": "o", "key_results": [{"title": "k",'
        ' "direction": "increase", "start": 10, "target": 5}]}]}',
        "json",
        [
            "$.objectives[0].key_results[0].target: expected a number above start 10 for"
            " 'increase', got 5"
        ],
    ),
    (
        '{"okrkit": 1, "objectives": [{"title": "o", "key_results": [{"title": "k",'
        ' "direction": "upward"}]}]}',
        "json",
        [
            "$.objectives[0].key_results[0].direction: expected one of 'increase', 'decrease',"
            " 'at_least', 'at_most', 'within', 'milestone', got 'upward'"
        ],
    ),
    (
        '{"okrkit": 1, "objectives": [{"title": "o", "key_results": [{"title": "k",'
        ' "target": NaN}]}]}',
        "json",
        [
            "$.objectives[0].key_results[0].target: expected a finite number (not NaN or"
            " infinity), got nan"
        ],
    ),
    (
        '{"okrkit": 1, "objectives": [{"title": "o", "weight": 1e999}]}',
        "json",
        ["$.objectives[0].weight: expected a finite number (not NaN or infinity), got inf"],
    ),
    (
        '{"okrkit": 1, "objectives": [{"title": "o", "weight": 0}]}',
        "json",
        ["$.objectives[0].weight: expected a number above 0, got 0"],
    ),
    (
        '{"okrkit": 1, "objectives": [{"title": "o", "key_results": [{"title": "k",'
        ' "check_ins": [{"at": "2026-07-01", "value": 1, "confidence": 1.5},'
        ' {"at": "2026-07-01T09:00:00", "value": 2}, {"value": true}]}]}]}',
        "json",
        [
            "$.objectives[0].key_results[0].check_ins[0].confidence: expected a number from 0"
            " to 1, got 1.5",
            "$.objectives[0].key_results[0].check_ins[1].at: expected a date and time with a UTC"
            " offset, got '2026-07-01T09:00:00': add one, e.g. 2026-07-01T09:00:00+00:00 (UTC) or"
            " 2026-07-01T09:00:00+02:00",
            "$.objectives[0].key_results[0].check_ins[2].at: missing required field",
            f"$.objectives[0].key_results[0].check_ins[2].value: expected {_NUMBER}, got True",
        ],
    ),
    (
        '{"okrkit": 1, "objectives": [{"title": "o", "cycle": "2026-Q5"}]}',
        "json",
        [
            "$.objectives[0].cycle: expected a quarter from Q1 to Q4 in a cycle label: a year 2026,"
            " half 2026-H1, quarter 2026-Q3, month 2026-07, ISO week 2026-W31, fiscal year FY2027,"
            " fiscal half FY2027-H1, fiscal quarter FY2027-Q2 or custom span"
            " 2026-07-01..2026-09-15, got '2026-Q5'"
        ],
    ),
    (
        '{"okrkit": 1, "objectives": [{"title": "o", "cycle": {"label": "FY2027",'
        ' "fiscal_year_start": 13}}]}',
        "json",
        ["$.objectives[0].cycle.fiscal_year_start: expected a month number 1..12, got 13"],
    ),
    (
        '{"okrkit": 1, "fiscal_year_start": 0, "fiscal_year_named_by": "middle"}',
        "json",
        [
            "$.fiscal_year_start: expected a month number 1..12, got 0",
            "$.fiscal_year_named_by: expected 'end' or 'start', got 'middle'",
        ],
    ),
    (
        '{"okrkit": 1, "objectives": [{"id": "a", "title": "o", "key_results":'
        ' [{"id": "a", "title": "k"}]}, {"id": "a", "title": "p"}]}',
        "json",
        [
            "$.objectives[0].key_results[0].id: duplicate id 'a', also at $.objectives[0].id",
            "$.objectives[1].id: duplicate id 'a', also at $.objectives[0].id",
        ],
    ),
    (
        '{"okrkit": 1, "kpis": [{"title": "Uptime", "direction": "increase", "threshold": 1},'
        ' {"title": "Uptime", "direction": "at_least", "threshold": [1, 2, 3]}]}',
        "json",
        [
            "$.kpis[0].direction: expected one of 'at_least', 'at_most', 'within' for a KPI, got"
            " 'increase'",
            "$.kpis[1].title: duplicate id 'uptime', also at $.kpis[0].title",
            "$.kpis[1].threshold: expected a number, or a [low, high] band of two numbers, got"
            " [1, 2, 3]",
        ],
    ),
    (
        '{"okrkit": 1, "history": [{"owner": "g", "cycle": "2026-Q2", "score": 11}, 5]}',
        "json",
        [
            "$.history[0].score: expected a number from 0 to 10, got 11",
            "$.history[1]: expected a past score object, got 5",
        ],
    ),
    (
        "okrkit: 1\nobjectives: [\n",
        "yaml",
        [
            "$: invalid YAML at line 3, column 1: expected the node content, but found"
            " '<stream end>'"
        ],
    ),
    (
        "okrkit: 1\nobjectives:\n- &a {title: x}\n- *a\n",
        "yaml",
        [
            "$: invalid YAML at line 4, column 3: aliases (*name) are not allowed in okrkit"
            " documents"
        ],
    ),
    (
        "okrkit: 1\nobjectives: !!python/object:os.system {}\n",
        "yaml",
        [
            "$: invalid YAML at line 2, column 13: could not determine a constructor for the tag"
            " 'tag:yaml.org,2002:python/object:os.system'"
        ],
    ),
    ("okrkit = 1\nobjectives = [", "toml", ["$: invalid TOML: Invalid value (at end of document)"]),
    (
        'okrkit = 1\n[[objectives]]\ntitle = "o"\n[[objectives.key_results]]\ntitle = "k"\n'
        "due = 2026-07-01T09:00:00\n",
        "toml",
        [
            "$.objectives[0].key_results[0].due: expected a date and time with a UTC offset, got"
            " '2026-07-01T09:00:00': add one, e.g. 2026-07-01T09:00:00+00:00 (UTC) or"
            " 2026-07-01T09:00:00+02:00"
        ],
    ),
    (
        '{"okrkit": 1, "objectives": [{"title": "o", "key_results": [{"title": "k",'
        ' "due": "2026-07-01T00:00:00+23:59:60"}]}]}',
        "json",
        [
            "$.objectives[0].key_results[0].due: expected a real date and time,"
            " got '2026-07-01T00:00:00+23:59:60'"
        ],
    ),
    # Integers too long for repr(): their messages show their length instead.
    (
        "okrkit: 0x" + "f" * 5000,
        "yaml",
        ["$.okrkit: expected a supported schema version (1), got an integer of 6,021 digits"],
    ),
    (
        "okrkit = 0o" + "7" * 6000,
        "toml",
        ["$.okrkit: expected a supported schema version (1), got an integer of 5,419 digits"],
    ),
    (
        "okrkit = 0b1" + "0" * 19_999,
        "toml",
        ["$.okrkit: expected a supported schema version (1), got an integer of 6,021 digits"],
    ),
    (
        "okrkit: 1\nobjectives:\n- title: o\n  weight: 0x" + "f" * 5000,
        "yaml",
        [
            "$.objectives[0].weight: expected a number within ±1.798e+308,"
            " got an integer of 6,021 digits"
        ],
    ),
    (  # YAML 1.1 reads 59:59:...:59 as a base-60 integer
        "okrkit: 1\nobjectives:\n- title: o\n  owner: " + ":".join(["59"] * 3000),
        "yaml",
        ["$.objectives[0].owner: expected a string, got an integer of 5,335 digits"],
    ),
]


class TestBadDocuments:
    @pytest.mark.parametrize(("text", "format", "problems"), BAD)
    def test_message(self, text: str, format: formats.FormatName, problems: list[str]) -> None:
        """Each bad document raises a FormatError listing exactly these problems."""
        with pytest.raises(FormatError) as error:
            formats.loads(text, format)
        assert problems == list(error.value.problems)

    def test_problems_keep_their_fields(self) -> None:
        """Each problem keeps its path, the value seen, what was expected, and its line if any."""
        with pytest.raises(FormatError) as error:
            formats.loads('{"okrkit": 1, "objectives": [{"title": "o", "weight": "heavy"}]}')
        (problem,) = error.value.details
        assert ("$.objectives[0].weight", "heavy", _NUMBER, 1, 45) == (
            problem.path,
            problem.value,
            problem.expected,
            problem.line,
            problem.column,
        )
        with pytest.raises(FormatError) as error:
            formats.loads('{\n  "okrkit": 1,\n}')
        (problem,) = error.value.details
        assert ("$", 3, 1) == (problem.path, problem.line, problem.column)

    def test_pickled_with_details(self) -> None:
        """A FormatError sent to another process keeps each problem's fields."""
        with pytest.raises(FormatError) as error:
            formats.loads('{"okrkit": 1, "objectives": [{"title": "o", "weight": "heavy"}]}')
        again = pickle.loads(pickle.dumps(error.value))
        assert (error.value.problems, error.value.details) == (again.problems, again.details)
        assert ["heavy"] == [problem.value for problem in again.details]

    def test_format_error_is_value_error(self) -> None:
        """A FormatError is an OKRError and a ValueError."""
        with pytest.raises(ValueError, match="invalid JSON"):
            formats.loads("{")
        assert issubclass(FormatError, okrkit.OKRError)

    def test_every_problem_listed(self) -> None:
        """Problems in many objectives are all reported at once, in document order."""
        doc = {"okrkit": 1, "objectives": [{"title": i, "weight": "x"} for i in range(3)]}
        with pytest.raises(FormatError) as error:
            formats.from_dict(doc)
        assert 6 == len(error.value.problems)
        assert error.value.problems[0].startswith("$.objectives[0].title: expected a string")

    def test_not_utf8(self) -> None:
        """Bytes that are not UTF-8 are a FormatError naming the byte, not a UnicodeDecodeError."""
        with pytest.raises(FormatError, match="expected UTF-8 text, got the byte 0xff at 14"):
            formats.loads(b'{"okrkit": 1, \xff}')

    @pytest.mark.parametrize("format", LOSSLESS)
    def test_huge_integer(self, format: formats.FormatName) -> None:
        """An integer too long for Python to read is a FormatError."""
        digits = "9" * 5000
        text = {"json": '{"okrkit": %s}', "yaml": "okrkit: %s", "toml": "okrkit = %s"}[format]
        with pytest.raises(FormatError, match="invalid"):
            formats.loads(text % digits, format)

    @pytest.mark.parametrize("format", ["json", "yaml"])
    def test_deep_nesting_in_the_parser(self, format: formats.FormatName) -> None:
        """A list nested 10,000 deep is a FormatError, not a RecursionError."""
        text = "[" * 10_000 + "]" * 10_000
        with pytest.raises(FormatError, match=r"nested too deeply|invalid"):
            formats.loads(text, format)

    def test_deep_nesting_in_a_skipped_field(self) -> None:
        """A value nested deeper than max_depth where it is skipped or wrong is reported."""
        deep: object = 1
        for _ in range(70):
            deep = [deep]
        doc = {"okrkit": 1, "objectives": [{"title": "o", "owner": deep}], "x": deep}
        with pytest.raises(FormatError) as error:
            formats.from_dict(doc, unknown="ignore")
        assert [
            "$.objectives[0].owner: expected a string, got [[[[...]]]]",
            "$.objectives[0].owner: nested deeper than the limit of 64 levels",
            "$.x: nested deeper than the limit of 64 levels",
        ] == sorted(error.value.problems)

    def test_size_limit(self) -> None:
        """A document over max_size is refused before it is parsed."""
        with pytest.raises(FormatError, match="document of 14 characters is over the limit of 10"):
            formats.loads('{"okrkit": 1} ', max_size=10)
        with pytest.raises(FormatError, match="over the limit"):
            formats.loads(b'{"okrkit": 1} ', max_size=10)

    def test_long_values_shortened(self) -> None:
        """A 10,000-character wrong value is shown shortened in the message."""
        doc = {"okrkit": 1, "objectives": [{"title": "o", "weight": "x" * 10_000}]}
        with pytest.raises(FormatError) as error:
            formats.from_dict(doc)
        assert len(error.value.problems[0]) < 200

    def test_non_string_keys(self) -> None:
        """A YAML mapping with a number as a key names it as an unknown field."""
        with pytest.raises(FormatError) as error:
            formats.loads("okrkit: 1\n3: x\n", "yaml")
        assert ["$[3]: unknown field"] == list(error.value.problems)

    @pytest.mark.parametrize("format", LOSSLESS)
    def test_long_unknown_key_shortened(self, format: formats.FormatName) -> None:
        """An unknown key of 100,000 characters is named shortened, head and tail."""
        key = "k" * 100_000
        text = {
            "json": f'{{"okrkit": 1, "{key}": 1}}',
            "yaml": f"okrkit: 1\n? {key}\n: 1\n",
            "toml": f"okrkit = 1\n{key} = 1\n",
        }[format]
        with pytest.raises(FormatError) as error:
            formats.loads(text, format)
        assert [f"$[{safe_repr(key)}]: unknown field"] == list(error.value.problems)
        assert len(error.value.problems[0]) < 100

    def test_pickle_is_not_read(self) -> None:
        """No format reads pickles or Python objects: a YAML python tag is refused."""
        with pytest.raises(FormatError, match="could not determine a constructor"):
            formats.loads("!!python/name:os.system\n", "yaml")


# Fuzzing --------------------------------------------------------------------------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
_replacements = st.one_of(
    _json_values,
    st.just(10**400),
    st.just(-(10**300)),
    st.just(1e308),
    st.just(float("nan")),
    st.just("x" * 10_000),
    st.just("2026-02-30"),
    st.just("2026-07-01T25:00:00+00:00"),
    # Built afresh each time: the mutations below change documents in place, and a shared
    # object changed by one example would make the next one draw differently.
    st.builds(lambda: {"label": "FY2027", "fiscal_year_start": [1]}),
    st.just(Decimal("NaN")),
    st.just(Decimal("1e999")),
)


def _nested(depth: int) -> object:
    value: object = []
    for _ in range(depth):
        value = [value]
    return value


@st.composite
def mutated_documents(draw: st.DrawFn) -> object:
    """A valid document with a few fields dropped, replaced, nested or duplicated."""
    doc: Any = json.loads(json.dumps(formats.to_dict(draw(plans(max_objectives=4)))))
    for _ in range(draw(st.integers(1, 4))):
        paths = documents_paths(doc)
        where = draw(st.sampled_from(paths))
        if not where:
            continue
        parent = doc
        for key in where[:-1]:
            parent = parent[key]
        key = where[-1]
        action = draw(st.sampled_from(["drop", "replace", "nest", "duplicate"]))
        if action == "drop":
            del parent[key]
        elif action == "replace":
            parent[key] = draw(_replacements)
        elif action == "nest":
            # 10,000 deep is tested on its own: hypothesis cannot print such an example.
            parent[key] = _nested(draw(st.sampled_from([5, 100, 500])))
        elif isinstance(parent, list):
            parent.append(parent[key])
        else:
            parent[f"{key}_copy"] = parent[key]
    return doc


def _accepts(run: Any) -> None:
    try:
        plan = run()
    except FormatError:
        return
    assert isinstance(plan, Plan)


class TestFuzz:
    @settings(max_examples=max(settings.default.max_examples, 40) * 5)
    @given(st.one_of(_json_values, mutated_documents()))
    def test_only_success_or_format_error(self, doc: object) -> None:
        """Any JSON value or mutated document loads, or raises FormatError; nothing else."""
        _accepts(lambda: formats.from_dict(doc))
        try:
            text = json.dumps(doc, default=str)
        except (ValueError, RecursionError):
            return
        _accepts(lambda: formats.loads(text, max_depth=None))

    @given(st.text(max_size=200), st.sampled_from(formats.FORMATS))
    def test_any_text(self, text: str, format: formats.FormatName) -> None:
        """Any text in any format loads or raises FormatError."""
        _accepts(lambda: formats.loads(text, format))

    @given(st.binary(max_size=100), st.sampled_from(formats.FORMATS))
    def test_any_bytes(self, data: bytes, format: formats.FormatName) -> None:
        """Any bytes in any format load or raise FormatError."""
        _accepts(lambda: formats.loads(data, format))


class TestFastPath:
    @given(key_results(max_check_ins=6))
    def test_same_as_the_constructor(self, kr: KeyResult) -> None:
        """The hand-written reader of key results builds what the constructor builds."""
        # The objective's id is given, so that no key result's id derived from its title
        # ("O" -> "o") collides with it and is renamed.
        holder = Objective(id="holder.0", title="o", key_results=[kr])
        doc = {
            "okrkit": 1,
            "objectives": [
                {
                    "id": "holder.0",
                    "title": "o",
                    "key_results": [
                        formats.to_dict(Plan(objectives=[holder]))["objectives"][0]["key_results"][
                            0
                        ]
                    ],
                }
            ],
        }
        read = formats.from_dict(doc).objectives[0].key_results[0]
        assert fields(kr) == fields(read)
        assert fields(
            KeyResult(**{f.name: getattr(read, f.name) for f in attrs.fields(KeyResult)})
        ) == fields(read)

    @given(mutated_documents())
    def test_fast_values_are_valid(self, doc: object) -> None:
        """Every key result and check-in read passes its constructor's checks unchanged."""
        try:
            plan = formats.from_dict(doc)
        except FormatError:
            return
        for _, kr in plan.key_results():
            rebuilt = KeyResult(**{f.name: getattr(kr, f.name) for f in attrs.fields(KeyResult)})
            assert fields(rebuilt) == fields(kr)
            for c in kr.check_ins:
                again = CheckIn(
                    at=c.at, value=c.value, confidence=c.confidence, note=c.note, author=c.author
                )
                assert fields(again) == fields(c)


# Values no well-behaved writer makes: each field of a key result or check-in may get one.
_HOSTILE = st.one_of(
    st.sampled_from(
        [
            "\ud800",
            "a\udfff",
            "\x00",
            "a\x1fb",
            "\u202e",
            "\u200f ltr",
            "",
            " ",
            "\t\n",
            "x" * 300,
            "increase",
            "milestone",
            "leading",
            "2026-07-01",
            "2026-07-01T09:30:00+02:00",
            "12.50",
            "1E-400",
            "1e999",
            "NaN",
            True,
            False,
            None,
            0,
            1,
            -1,
            10**400,
            2**1024,
            1e308,
            5e-324,
            -0.0,
            float("nan"),
            float("inf"),
            [1, 2],
            [],
            {},
        ]
    ),
    st.integers(),
    st.floats(),
    st.text(max_size=4),
)


@st.composite
def hostile_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid document whose key results and check-ins get a few hostile field values."""
    doc: Any = json.loads(json.dumps(formats.to_dict(draw(plans(max_objectives=3)))))
    krs = [kr for o in doc.get("objectives", []) for kr in o.get("key_results", [])]
    if not krs:
        kr = {"title": "k", "check_ins": [{"at": "2026-07-01", "value": 1, "confidence": 0.5}]}
        doc.setdefault("objectives", []).append({"title": "o", "key_results": [kr]})
        krs = [kr]
    for _ in range(draw(st.integers(1, 4))):
        kr = draw(st.sampled_from(krs))
        item = draw(st.sampled_from([kr, *kr.get("check_ins", [])]))
        kind = KeyResult if item is kr else CheckIn
        field = draw(st.sampled_from(sorted(_document.FIELDS[kind] - {"check_ins"})))
        item[field] = draw(_HOSTILE)
    return doc


def _read(doc: object, *, fast: bool) -> object:
    """What reading *doc* gives: the plan's fields, or the problems of its FormatError."""
    _reading._FAST_PATHS = fast
    try:
        return ("plan", fields(formats.from_dict(copy.deepcopy(doc))))
    except FormatError as error:
        return ("problems", error.problems)
    finally:
        _reading._FAST_PATHS = True


def _json_depth(value: object) -> int:
    """How many lists and objects *value* nests, iteratively."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            stack.extend(
                (v, depth + 1) for v in (item.values() if isinstance(item, dict) else item)
            )
    return deepest


# Strings that look like structure to a scan that does not know strings.
_TRICKY = st.text(alphabet="[]{}\"\\',.=#\n\tab", max_size=6)
_nested_values = st.recursive(
    st.none() | st.integers() | _TRICKY,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TRICKY, inner, max_size=3),
    max_leaves=30,
)
_HEADER_KEYS = st.lists(
    st.sampled_from(["a", "b-c", '"x.y"', "'p.q'", '"[1]"', " a ", '"#"']), min_size=1, max_size=9
)


class TestPreScan:
    """Documents nested too deeply, or with keys of too many parts, are refused before parsing."""

    @settings(max_examples=max(settings.default.max_examples, 40) * 3)
    @given(_nested_values, st.integers(1, 6))
    def test_json_depth_exact(self, value: object, limit: int) -> None:
        """JSON text is refused exactly when it nests more lists and objects than the limit."""
        text = json.dumps(value)
        if _json_depth(value) > limit:
            with pytest.raises(FormatError, match=r"nested deeper than the limit of \d+ levels"):
                _json.check_depth(text, limit)
        else:
            _json.check_depth(text, limit)

    @given(_HEADER_KEYS, st.integers(1, 6), st.sampled_from(["{} = 1", "[{}]", "[[{}]]"]))
    def test_toml_key_parts_exact(self, parts: list[str], limit: int, shape: str) -> None:
        """A TOML key or header is refused exactly when it has more parts than the limit."""
        text = 'title = "a.b.c" # x.y.z\n' + shape.format(".".join(parts)) + "\n"
        if len(parts) > limit:
            with pytest.raises(FormatError, match=r"at line 2, column \d+: a key of more parts"):
                _tomlread.check_shape(text, limit)
        else:
            _tomlread.check_shape(text, limit)
            tomllib.loads(text)  # and the text is TOML

    @given(plans(max_objectives=4), st.sampled_from(LOSSLESS))
    def test_every_written_document_passes(self, plan: Plan, format: formats.FormatName) -> None:
        """Every document okrkit writes passes the pre-scan, even at the depth it needs (7)."""
        text = formats.dumps(plan, format)
        assert plan == formats.loads(text, format, max_depth=7)
        _json.check_depth(formats.dumps(plan, "json"), 7)
        _tomlread.check_shape(formats.dumps(plan, "toml"), 7)

    @pytest.mark.parametrize(
        ("text", "format", "problem"),
        [
            ("a" + ".a" * 500_000 + " = 1\n", "toml", "a key of more parts than the limit of 64"),
            ("[" + "a." * 500_000 + "a]\n", "toml", "a key of more parts than the limit of 64"),
            ("[[" + "a." * 500_000 + "a]]\n", "toml", "a key of more parts than the limit of 64"),
            ("x = " + "[" * 1_000_000, "toml", "nested deeper than the limit of 64 levels"),
            ("x = " + "{y = " * 200_000, "toml", "nested deeper than the limit of 64 levels"),
            ("[" * 1_000_000, "json", "nested deeper than the limit of 64 levels"),
            ('{"a": ' * 200_000, "json", "nested deeper than the limit of 64 levels"),
            ("[" * 1_000_000, "yaml", "nested deeper than the limit of 64 levels"),
            ("- " * 500_000 + "x", "yaml", "nested deeper than the limit of 64 levels"),
            ("a:\n" + "".join(" " * i + "a:\n" for i in range(1, 1500)), "yaml", "nested deeper"),
        ],
    )
    def test_a_megabyte_of_hostile_text(
        self, text: str, format: formats.FormatName, problem: str
    ) -> None:
        """A megabyte of deep nesting or dotted keys is refused (by a linear scan, not a parser)."""
        with pytest.raises(FormatError, match=problem):
            formats.loads(text, format)

    @pytest.mark.parametrize("format", LOSSLESS)
    def test_no_limit_leaves_it_to_the_parser(self, format: formats.FormatName) -> None:
        """With max_depth=None nothing is pre-scanned; a parser's own failure is a FormatError."""
        with pytest.raises(FormatError, match="invalid"):
            formats.loads(
                "x = " + "[" * 100_000 if format == "toml" else "[" * 100_000,
                format,
                max_depth=None,
            )

    def test_unbalanced_brackets_left_to_the_parser(self) -> None:
        """Brackets that close before they open never nest deep, though the estimate is high."""
        text = "]" * 100 + "[" * 100
        assert _json._estimate(text, 64) > 64
        _json.check_depth(text, 64)
        with pytest.raises(FormatError, match="invalid JSON at line 1, column 1"):
            formats.loads(text)

    def test_estimate_is_cheap_for_large_documents(self) -> None:
        """A large valid document is passed by the estimate alone: no scan in Python."""
        plan = Plan(objectives=[Objective(title=f"o{i}") for i in range(100)])
        text = formats.dumps(plan, "json")
        assert 7 >= _json._estimate(text, 64)


class TestMergeKeys:
    """YAML merge keys: aliases after <<, and only there, with the expansion bounded."""

    def test_merged_plan_equals_the_expanded_one(self) -> None:
        """A document with anchors and merge keys loads to the plan written out in full."""
        merged = (
            "okrkit: 1\n"
            "objectives:\n"
            "- &growth\n"
            "  title: Grow\n"
            "  owner: growth\n"
            "  cycle: 2026-Q3\n"
            "  key_results:\n"
            "  - &kr {title: Raise NPS, direction: increase, start: 32, target: 50, unit: pts}\n"
            "- <<: *growth\n"
            "  title: Retain\n"
            "  key_results:\n"
            "  - <<: [*kr]\n"
            "    title: Cut churn\n"
            "- <<: [{commitment: committed}, *growth]\n"
            "  title: Hire\n"
            "  key_results: []\n"
        )
        expanded = (
            "okrkit: 1\n"
            "objectives:\n"
            "- {title: Grow, owner: growth, cycle: 2026-Q3, key_results: [\n"
            "   {title: Raise NPS, direction: increase, start: 32, target: 50, unit: pts}]}\n"
            "- {title: Retain, owner: growth, cycle: 2026-Q3, key_results: [\n"
            "   {title: Cut churn, direction: increase, start: 32, target: 50, unit: pts}]}\n"
            "- {title: Hire, owner: growth, cycle: 2026-Q3, commitment: committed}\n"
        )
        assert formats.loads(expanded, "yaml") == formats.loads(merged, "yaml")

    @pytest.mark.parametrize(
        "text",
        [
            "okrkit: 1\nobjectives:\n- &a {title: x}\n- *a\n",
            "okrkit: 1\nobjectives:\n- &a {title: x}\n- {title: y, owner: *a}\n",
            "okrkit: 1\nobjectives:\n- &a {title: x}\n- <<: {title: *a}\n",
            "okrkit: 1\nobjectives:\n- &a {title: x}\n- <<: [[*a]]\n",
        ],
    )
    def test_aliases_elsewhere_refused(self, text: str) -> None:
        """An alias anywhere but after << (or in the list after it) is refused, as before."""
        with pytest.raises(FormatError, match=r"aliases \(\*name\) are not allowed"):
            formats.loads(text, "yaml")

    def test_nested_merge_bomb(self) -> None:
        """Merges of merges that would make 10**9 entries are refused after a few hundred."""
        lines = ["a0: &a0 {" + ", ".join(f"k{i}: 1" for i in range(10)) + "}"]
        lines += [f"a{n}: &a{n} {{<<: [{', '.join([f'*a{n - 1}'] * 10)}]}}" for n in range(1, 10)]
        with pytest.raises(FormatError, match=r"merge keys \(<<\) expand to more than"):
            formats.loads("\n".join(lines), "yaml")

    def test_many_merges_of_one_large_mapping(self) -> None:
        """One large mapping merged into many places is bounded by the document's length."""
        big = "{" + ", ".join(f"k{i}: 1" for i in range(2000)) + "}"
        text = f"a: &a {big}\nb:\n" + "- <<: *a\n" * 2000
        with pytest.raises(FormatError, match=r"expand to more than"):
            formats.loads(text, "yaml")

    @pytest.mark.parametrize(
        ("text", "problem"),
        [
            ("a: &a 1\nb: {<<: *a}\n", "expected a mapping or list of mappings for merging"),
            ("a: &a {x: 1}\nb: {<<: [*a, 1]}\n", "expected a mapping for merging"),
            ("? [a, b]\n: 1\n", "found unhashable key"),
        ],
    )
    def test_what_pyyaml_refuses_still_refused(self, text: str, problem: str) -> None:
        """Merging a scalar, or a list as a key, is refused as PyYAML refuses it."""
        with pytest.raises(FormatError, match=problem):
            formats.loads(text, "yaml")

    def test_duplicate_keys_beside_merges(self) -> None:
        """A key given twice is refused; a key that overrides a merged one is not a duplicate."""
        with pytest.raises(FormatError, match="duplicate key '<<'"):
            formats.loads("okrkit: 1\n<<: {a: 1}\n<<: {b: 1}\n", "yaml")
        text = "okrkit: 1\nobjectives:\n- &o {title: a, owner: x}\n- {<<: *o, title: b}\n"
        assert ["a", "b"] == [o.title for o in formats.loads(text, "yaml").objectives]


class TestParserProblemsInTheDocumentsTerms:
    @pytest.mark.parametrize(
        ("text", "format", "problem"),
        [
            (
                '{"okrkit": 1, "objectives": [{"title": "a", "weight": ' + "9" * 5000 + "}]}",
                "json",
                "$: invalid JSON: an integer of 5,000 digits, more than the 4,300 that can be read",
            ),
            (
                "okrkit: 1\nobjectives:\n- title: a\n  weight: " + "9" * 5000 + "\n",
                "yaml",
                "$: invalid YAML: an integer of 5,000 digits, more than the 4,300 that can be read",
            ),
            (
                'okrkit = 1\n[[objectives]]\ntitle = "a"\nweight = ' + "9" * 5000 + "\n",
                "toml",
                "$: invalid TOML: an integer of 5,000 digits, more than the 4,300 that can be read",
            ),
            (
                "okrkit: 1\nobjectives:\n- title: a\n  weight: 1:" + "59:" * 200 + "1.5\n",
                "yaml",
                "$: invalid YAML: a number too large to read",
            ),
            (
                "okrkit: 1\nas_of: 2026-07-01T00:00:00+25:00\nobjectives:\n- title: a\n",
                "yaml",
                "$: invalid YAML: a UTC offset of 24 hours or more",
            ),
            (
                "x = " + "[" * 100_000 + "]" * 100_000,
                "toml",
                "$: invalid TOML: nested too deeply to read",
            ),
        ],
        ids=["json-digits", "yaml-digits", "toml-digits", "yaml-sexagesimal-float", "yaml-offset",
             "toml-deep-unbounded"],
    )  # fmt: skip
    def test_said_without_python(self, text: str, format: formats.FormatName, problem: str) -> None:
        """A parser's own ValueError or OverflowError is a FormatError said in the document's terms.

        (The sexagesimal float was a bare OverflowError; the rest spoke of Python's
        sys.set_int_max_str_digits and timedelta.)
        """
        depth = None if format == "toml" and text.startswith("x") else formats.DEFAULT_MAX_DEPTH
        with pytest.raises(FormatError) as caught:
            formats.loads(text, format, max_depth=depth)
        assert (problem,) == caught.value.problems

    @pytest.mark.parametrize("key", ["\ud800", "x\x1b[2Jy", "a.b", "", "two words", "\u202e"])
    @pytest.mark.parametrize("format", ["json", "yaml"])
    def test_unknown_key_shown_quoted_unless_plain(self, key: str, format: str) -> None:
        """An unknown key that is not a plain name is shown by its repr: the message stays text
        any stream can hold, one line, and its path unambiguous."""
        doc = {"okrkit": 1, "objectives": [{"title": "a", key: 1}]}
        text = (
            json.dumps(doc) if format == "json" else json.dumps(doc).replace('"okrkit"', "okrkit")
        )
        with pytest.raises(FormatError) as caught:
            formats.loads(text, format)  # type: ignore[arg-type]
        assert (f"$.objectives[0][{key!r}]: unknown field",) == caught.value.problems
        str(caught.value).encode("utf-8")  # and it can be written anywhere

    def test_plain_unknown_key_shown_bare(self) -> None:
        """A plain unknown name reads as part of the path, as before."""
        with pytest.raises(FormatError) as caught:
            formats.loads('{"okrkit": 1, "objectives": [{"title": "a", "colour_2": 1}]}')
        assert ("$.objectives[0].colour_2: unknown field 'colour_2'",) == caught.value.problems


class TestOffsets:
    @given(
        st.timedeltas(
            min_value=-timedelta(hours=24) + timedelta(microseconds=1),
            max_value=timedelta(hours=24) - timedelta(microseconds=1),
        ),
        st.sampled_from(LOSSLESS),
    )
    def test_any_offset_round_trips_exactly(
        self, offset: timedelta, format: formats.FormatName
    ) -> None:
        """A datetime with any offset Python allows, to the microsecond, comes back exactly."""
        at = datetime(2026, 7, 1, 9, 30, tzinfo=timezone(offset))
        kr = KeyResult(title="k").check_in(1, at=at)
        plan = Plan(objectives=[Objective(title="o", key_results=[kr], weight=1)])
        again = formats.loads(formats.dumps(plan, format), format)
        assert fields(plan) == fields(again)
        assert at.utcoffset() == again.key_result("k").check_ins[0].at.utcoffset()

    def test_microsecond_offset(self) -> None:
        """An offset of one microsecond is not read as UTC (Python's fromisoformat would)."""
        doc = '{"okrkit": 1, "objectives": [{"title": "o", "key_results": [{"title": "k",'
        doc += ' "due": "2026-07-01T00:00:00+00:00:00.000001"}]}]}'
        due = formats.loads(doc).key_result("k").due
        assert timedelta(microseconds=1) == due.utcoffset()  # type: ignore[union-attr]

    def test_lenient_offset_of_a_day(self) -> None:
        """dates='lenient' refuses an offset of 24 hours or more with the field's path."""
        doc = {
            "okrkit": 1,
            "objectives": [
                {"title": "o", "key_results": [{"title": "k", "due": "2026-07-01 00:00 +25:00"}]}
            ],
        }
        with pytest.raises(FormatError) as error:
            formats.from_dict(doc, dates="lenient")
        assert (
            "$.objectives[0].key_results[0].due: expected a date and time with an offset under"
            " 24 hours, got '2026-07-01 00:00 +25:00'",
        ) == error.value.problems


class TestOneSetOfRules:
    """The readers' fast paths and the careful path take exactly the same values."""

    @settings(max_examples=max(settings.default.max_examples, 40) * 5)
    @given(hostile_documents())
    def test_fast_and_careful_paths_agree(self, doc: dict[str, Any]) -> None:
        """Any document reads to the same plan, or the same problems, with or without them."""
        assert _read(doc, fast=False) == _read(doc, fast=True)

    @pytest.mark.parametrize(
        ("changes", "problem"),
        [
            (
                {"unit": "\ud800"},
                "$.objectives[0].key_results[0].unit: expected text without lone surrogates"
                " (\\ud800..\\udfff), got '\\ud800'",
            ),
            (
                {"title": "a\udfff"},
                "$.objectives[0].key_results[0].title: expected text without lone surrogates"
                " (\\ud800..\\udfff), got 'a\\udfff'",
            ),
            (
                {"weight": True},
                "$.objectives[0].key_results[0].weight: expected a number (or a decimal string"
                " such as '12.50'), got True",
            ),
            (
                {"weight": "1E-400"},
                "$.objectives[0].key_results[0].weight: expected a number above 0 as a float,"
                " as scores are computed (it is 0.0), got Decimal('1E-400')",
            ),
            (
                {"start": "1e999"},
                "$.objectives[0].key_results[0].start: expected a number within ±1.798e+308,"
                " got Decimal('1E+999')",
            ),
            # A target above start exactly, but not as a float, is taken on either path
            # (scoring leaves it out); one not above start is refused on either.
            (
                {"direction": "milestone", "start": 1, "target": 1},
                "$.objectives[0].key_results[0].target: expected a number above start 1 for"
                " 'milestone', got 1",
            ),
            (
                {"direction": "decrease", "start": 1, "target": 2},
                "$.objectives[0].key_results[0].target: expected a number below start 1 for"
                " 'decrease', got 2",
            ),
        ],
    )
    def test_refused_on_the_fast_path(self, changes: dict[str, object], problem: str) -> None:
        """Values the fast path once let through are refused as the careful path refuses them."""
        kr = {"title": "NPS", "direction": "increase", "start": 1, "target": 2, **changes}
        doc = {"okrkit": 1, "objectives": [{"title": "o", "key_results": [kr]}]}
        for fast in (True, False):
            assert ("problems", (problem,)) == _read(doc, fast=fast)

    def test_check_in_note_and_author(self) -> None:
        """A check-in's note or author with a lone surrogate is refused on every path."""
        check_in = {"at": "2026-07-01", "value": 1, "note": "\udc80", "author": "\ud800"}
        doc = {
            "okrkit": 1,
            "objectives": [
                {"title": "o", "key_results": [{"title": "k", "check_ins": [check_in]}]}
            ],
        }
        where = "$.objectives[0].key_results[0].check_ins[0]"
        expected = "text without lone surrogates (\\ud800..\\udfff)"
        assert (
            "problems",
            (
                f"{where}.note: expected {expected}, got '\\udc80'",
                f"{where}.author: expected {expected}, got '\\ud800'",
            ),
        ) == _read(doc, fast=True)


class TestGcPause:
    """okrkit._gc.paused, as `loads` uses it."""

    @pytest.fixture
    def large(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Every document counts as large, so that each load pauses the collector."""
        monkeypatch.setattr(formats, "_LARGE", 0)

    @pytest.fixture
    def seen(self, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
        """Whether the collector ran, each time `loads` built a plan."""
        seen: list[bool] = []

        def spy(data: object, options: Any) -> Plan:
            seen.append(gc.isenabled())
            return _reading.structure(data, options)

        monkeypatch.setattr(formats, "structure", spy)
        return seen

    @pytest.mark.usefixtures("large")
    def test_paused_while_reading(self, seen: list[bool]) -> None:
        """A large document is read with the collector paused, and resumed after."""
        assert gc.isenabled()
        formats.loads('{"okrkit": 1}')
        assert [False] == seen
        assert gc.isenabled()

    def test_small_documents_leave_it_alone(self, seen: list[bool]) -> None:
        """A small document is read with the collector running."""
        formats.loads('{"okrkit": 1}')
        assert [True] == seen

    @pytest.mark.usefixtures("large")
    @pytest.mark.parametrize(
        ("text", "format"),
        [
            ('{"okrkit": 1, "objectives": [{"title": ""}]}', "json"),
            ('{"okrkit": 1, "okrkit": 1}', "json"),
            ("x,y\n1,2\n", "csv"),
            ("## G\nWeight: heavy\n", "markdown"),
        ],
    )
    def test_resumed_after_an_error(self, text: str, format: formats.FormatName) -> None:
        """The collector runs again after a large document that fails to load."""
        with pytest.raises(FormatError):
            formats.loads(text, format)
        assert gc.isenabled()

    @pytest.mark.usefixtures("large")
    def test_left_off_when_it_was_off(self) -> None:
        """A collector the caller paused stays paused after a load."""
        gc.disable()
        try:
            formats.loads('{"okrkit": 1}')
            assert not gc.isenabled()
        finally:
            gc.enable()

    def test_nested_pauses(self) -> None:
        """Overlapping pauses (reads in several threads) resume the collector at the last end."""
        with paused():
            with paused():
                assert not gc.isenabled()
            assert not gc.isenabled()
        assert gc.isenabled()

    @staticmethod
    def _fork_reports(child: Callable[[], bool]) -> bool:
        """What *child* returns, run in a forked child process."""
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child reports through the pipe, and only that
            try:
                os.write(write, b"1" if child() else b"0")
            finally:
                os._exit(0)
        os.close(write)
        os.waitpid(pid, 0)
        answer = os.read(read, 1)
        os.close(read)
        return answer == b"1"

    @pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
    def test_fork_while_another_thread_pauses(self) -> None:
        """A child forked while another thread holds a pause runs its collector: that
        thread is not there to resume it."""
        holding, done = threading.Event(), threading.Event()

        def hold() -> None:
            with paused():
                holding.set()
                done.wait(10)

        thread = threading.Thread(target=hold)
        thread.start()
        holding.wait(10)
        try:
            assert not gc.isenabled()
            assert self._fork_reports(gc.isenabled)
        finally:
            done.set()
            thread.join()
        assert gc.isenabled()

    @pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
    def test_fork_drops_another_threads_pause_cleanly(self) -> None:
        """In a child, a pause another thread began ends without error, the collector on."""

        def pausing() -> Iterator[None]:
            with paused():
                yield

        held = pausing()
        thread = threading.Thread(target=next, args=(held,))
        thread.start()
        thread.join()  # the pause stays held, by a thread that is gone

        def child() -> bool:
            dropped = gc.isenabled()
            held.close()
            return dropped and gc.isenabled()

        try:
            assert not gc.isenabled()
            assert self._fork_reports(child)
        finally:
            held.close()
        assert gc.isenabled()

    @pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
    def test_fork_inside_a_pause(self) -> None:
        """A child forked inside its own pause keeps it to the pause's end, then collects."""
        read, write = os.pipe()
        pause = paused()
        pause.__enter__()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child reports through the pipe, and only that
            try:
                inside = gc.isenabled()
                pause.__exit__(None, None, None)
                os.write(write, b"%d%d" % (inside, gc.isenabled()))
            finally:
                os._exit(0)
        pause.__exit__(None, None, None)
        os.close(write)
        os.waitpid(pid, 0)
        assert b"01" == os.read(read, 2)
        os.close(read)
        assert gc.isenabled()

    def test_threads(self) -> None:
        """Reads in many threads at once leave the collector running when all have ended."""
        text = formats.dumps(golden_plan(), "json")

        def read() -> Plan:
            with paused():
                return formats.loads(text)

        with ThreadPoolExecutor(4) as pool:
            plans = list(pool.map(lambda _: read(), range(40)))
        assert all(golden_plan() == plan for plan in plans)
        assert gc.isenabled()


# The schema -------------------------------------------------------------------------------------


class TestJsonSchema:
    def test_is_a_valid_schema(self) -> None:
        """The schema is itself valid under draft 2020-12."""
        jsonschema.Draft202012Validator.check_schema(formats.json_schema())

    def test_covers_every_field(self) -> None:
        """Every constructor field of every type is in the schema."""
        schema = formats.json_schema()
        for kind in (CheckIn, KeyResult, Objective, Kpi, PastScore):
            expected = {f.name for f in attrs.fields(kind) if f.init}
            assert expected == set(schema["$defs"][kind.__name__]["properties"])

    def test_examples_validate(self) -> None:
        """The shipped example files validate against the schema."""
        import yaml

        validator = jsonschema.Draft202012Validator(formats.json_schema())
        validator.validate(json.loads((ROOT / "examples" / "fiscal-fy2027.json").read_text()))
        text = (ROOT / "examples" / "acme-2026-q3.yaml").read_text(encoding="utf-8")
        data = formats.to_dict(formats.loads(text, "yaml"))
        validator.validate(data)
        assert isinstance(yaml.safe_load(text), dict)

    def test_rejects_bad_documents(self) -> None:
        """The schema refuses what the loaders refuse: unknown fields, a wrong version."""
        validator = jsonschema.Draft202012Validator(formats.json_schema())
        assert not validator.is_valid({"okrkit": 2})
        assert not validator.is_valid({"okrkit": 1, "objectives": [{"title": "o", "x": 1}]})
        assert not validator.is_valid({"okrkit": 1, "objectives": [{"title": "o", "weight": "x"}]})


class TestExamples:
    def test_acme_loads(self) -> None:
        """The README's example loads cleanly, with departments and teams aligned."""
        plan = formats.load(ROOT / "examples" / "acme-2026-q3.yaml")
        assert len(plan.objectives) >= 6
        assert any(o.aligned_to for o in plan.objectives)
        assert plan.kpis
        assert plan.history

    def test_fiscal_loads(self) -> None:
        """The fiscal example reads its FY labels with a February fiscal year."""
        plan = formats.load(ROOT / "examples" / "fiscal-fy2027.json")
        cycles = {o.cycle for o in plan.objectives}
        assert {2} == {c.fiscal_year_start for c in cycles if c is not None}
        assert date(2026, 2, 1) == min(c.start for c in cycles if c is not None)


class TestLightImport:
    def test_no_yaml_at_import(self) -> None:
        """Importing okrkit.formats does not import PyYAML, jsonschema or hypothesis."""
        import subprocess
        import sys

        code = (
            "import sys, okrkit.formats; "
            "print(sorted(m for m in ('yaml', 'jsonschema', 'hypothesis') if m in sys.modules))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "[]" == out.stdout.strip()


class TestSaysOkrs:
    @given(
        st.lists(st.sampled_from(["kr.title", ",", '"', "\r", "\n", "\x00", "x"]) | st.text()).map(
            "".join
        ),
        st.sampled_from(formats.FORMATS),
    )
    def test_any_text(self, text: str, format: formats.FormatName) -> None:
        """Any text gives a bool, never an exception (line ends, quotes and NULs anywhere),
        and what says it holds OKRs is not also said to read as OKRs without saying so."""
        assert isinstance(formats.says_okrs(text, format), bool)
        assert isinstance(formats.reads_as_okrs(text, format), bool)
        if format == "csv" and formats.says_okrs(text, format):
            assert not formats.reads_as_okrs(text, format)  # okrkit's columns name no OKRs

    @pytest.mark.parametrize(
        ("header", "names"),
        [
            ("Objective,Key Result,Owner", True),
            ("Team;OKR;Status", True),  # a spreadsheet's semicolons
            ("Key_Results\tOwner", True),
            ("KR 1,KR 2", True),
            ("objective.title,kr.title", False),  # okrkit's own: it says so instead
            ("name,email,objective_count", False),
            ("Krona,Amount", False),
        ],
    )
    def test_a_sheet_that_names_okrs(self, header: str, names: bool) -> None:
        """A CSV header naming objectives or key results in its own columns reads as OKRs."""
        assert names == formats.reads_as_okrs(header + "\n1,2\n", "csv")

    @pytest.mark.parametrize(("text", "says"), [("kr.title\rx", True), ("a\rkr.title", False)])
    def test_csv_first_line(self, text: str, says: bool) -> None:
        """A CSV header ends at a CR too, as the csv module reads it."""
        assert says == formats.says_okrs(text, "csv")

    def test_not_text(self) -> None:
        """Bytes or None are an InvalidTypeError naming the argument."""
        with pytest.raises(InvalidTypeError, match="text"):
            formats.says_okrs(b"okrkit: 1", "yaml")  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError, match="text"):
            formats.reads_as_okrs(None, "csv")  # type: ignore[arg-type]
