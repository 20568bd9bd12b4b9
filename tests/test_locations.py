"""Where things are in a file: problems and findings at file:line:col (`okrkit._sources`)."""

from __future__ import annotations

import gc
import json
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import okrkit
from okrkit import formats
from okrkit._sources import Location, Source, parent_path, remember, source_of
from okrkit.errors import FormatError, InvalidTypeError, InvalidValueError
from okrkit.formats import _locate
from okrkit.rules import Diagnostic
from okrkit.testing import plans

EXAMPLES = Path(__file__).parent.parent / "examples"
LOCATED = ("json", "yaml", "toml")


def _places(plan: okrkit.Plan) -> list[str]:
    """Every objective's, key result's and check-in's path, in document order."""
    found = []
    for i, obj in enumerate(plan.objectives):
        found.append(f"objectives[{i}]")
        for j, kr in enumerate(obj.key_results):
            found.append(f"objectives[{i}].key_results[{j}]")
            found += [f"objectives[{i}].key_results[{j}].check_ins[{k}]" for k in
                      range(len(kr.check_ins))]  # fmt: skip
    found += [f"kpis[{i}]" for i in range(len(plan.kpis))]
    return found


class TestPositions:
    @pytest.mark.parametrize("format", LOCATED)
    @given(plan=plans(max_objectives=4))
    def test_places_tile_the_document_in_order(self, format: str, plan: okrkit.Plan) -> None:
        """Each object is at its own place, later in the text than the one before it, and
        each key result's title is on the line its `title` field is located at."""
        text = formats.dumps(plan, format)  # type: ignore[arg-type]
        source = formats.source(formats.loads(text, format))  # type: ignore[arg-type]
        assert source is not None
        positions = source.positions()
        assert set(_places(plan)) <= set(positions)
        assert len(positions) >= len(_places(plan))
        places = [positions[p] for p in _places(plan)]
        assert places == sorted(places)
        assert len(set(places)) == len(places)
        lines = text.split("\n")  # a line is what ends at "\n", as editors count them
        for i, obj in enumerate(plan.objectives):
            for j, _ in enumerate(obj.key_results):
                where = source.locate(f"objectives[{i}].key_results[{j}].title")
                assert where is not None
                assert "title" in lines[where.line - 1]

    @given(data=st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
        max_leaves=30,
    ))  # fmt: skip
    def test_json_every_value_is_placed(self, data: object) -> None:
        """In any JSON text, compact or indented, every value is placed where it starts."""
        for indent in (None, 2):
            text = json.dumps(data, indent=indent)
            positions = _locate.json_positions(text)
            assert positions[""] == (1, 1)
            stack: list[tuple[object, str, bool]] = [(data, "", False)]
            lines = text.split("\n")
            while stack:
                value, path, field = stack.pop()
                line, column = positions[path]
                if field:  # at its key
                    assert lines[line - 1][column - 1] == '"'
                elif isinstance(value, dict | list) and value:
                    assert lines[line - 1][column - 1] in "{["
                if isinstance(value, dict):
                    stack += [(v, _locate.field_path(path, k), True) for k, v in value.items()]
                elif isinstance(value, list):
                    stack += [(v, f"{path}[{i}]", False) for i, v in enumerate(value)]

    def test_toml_places_headers_keys_and_inline_items(self) -> None:
        text = (
            'okrkit = 1\n\n[[objectives]]\ntitle = "a"\n\n[[objectives.key_results]]\n'
            'title = "k"\ncheck_ins = [\n  { at = 2026-07-01, value = 3 },\n'
            '  { at = 2026-07-08, value = 4, note = "x = [1, {2}]" },\n]\n\n'
            '[[objectives]]\n"title" = """two\nlines"""\ncycle = { label = "FY2027-Q1",'
            " fiscal_year_start = 2 }\n\n[[objectives.key_results]]\ntitle = 'k2'\n"
            "[objectives.extra]\nx = { y = { z = 1 } }\n"
        )
        positions = _locate.toml_positions(text)
        assert (3, 1) == positions["objectives[0]"]
        assert (7, 1) == positions["objectives[0].key_results[0].title"]
        assert (9, 3) == positions["objectives[0].key_results[0].check_ins[0]"]
        assert (10, 5) == positions["objectives[0].key_results[0].check_ins[1].at"]
        assert (10, 33) == positions["objectives[0].key_results[0].check_ins[1].note"]
        assert (13, 1) == positions["objectives[1]"]
        assert (14, 1) == positions["objectives[1].title"]
        assert (16, 1) == positions["objectives[1].cycle"]  # after a string of two lines
        assert (16, 32) == positions["objectives[1].cycle.fiscal_year_start"]
        assert (18, 1) == positions["objectives[1].key_results[0]"]
        assert (19, 1) == positions["objectives[1].key_results[0].title"]
        assert (20, 1) == positions["objectives[1].extra"]  # a table of the latest objective
        assert (21, 13) == positions["objectives[1].extra.x.y.z"]
        assert ["a.b", "c"] == _locate._key_parts('"a.b".c')
        assert ["\\U0001F600"] == _locate._key_parts('"\\U0001F600"')

    def test_yaml_places_merged_fields_where_written(self) -> None:
        text = "okrkit: 1\nobjectives:\n- &base\n  title: a\n  owner: x\n- <<: *base\n  title: b\n"
        positions = _locate.yaml_positions(text)
        assert (7, 3) == positions["objectives[1].title"]  # its own, not the merged one
        assert (5, 3) == positions["objectives[1].owner"]  # merged: where it is written
        assert {} == _locate.yaml_positions("[" * 5000 + "]" * 5000)  # too deep to compose
        listed = "a: &a {x: 1}\nb: &b {y: 2, <<: *a}\nc:\n  <<: [*a, *b]\n  z: 3\n  [1]: 4\n"
        positions = _locate.yaml_positions(listed)
        assert (1, 8) == positions["c.x"]  # merged from the first of a list of merges
        assert (2, 8) == positions["c.y"]
        assert (5, 3) == positions["c.z"]


class TestProblems:
    @pytest.mark.parametrize(
        ("text", "format", "line", "column"),
        [
            ('{"okrkit": 1,\n "objectives": [{"title": "o",\n  "weight": "heavy"}]}', "json", 3, 3),
            ("okrkit: 1\nobjectives:\n- title: o\n  weight: heavy\n", "yaml", 4, 3),
            ('okrkit = 1\n[[objectives]]\ntitle = "o"\nweight = "heavy"\n', "toml", 4, 1),
        ],
    )
    def test_a_bad_field_is_at_its_line(
        self, tmp_path: Path, text: str, format: str, line: int, column: int
    ) -> None:
        """A problem has its field's line and column; from a file, its str opens with them."""
        with pytest.raises(FormatError) as caught:
            formats.loads(text, format)  # type: ignore[arg-type]
        (problem,) = caught.value.details
        assert (line, column, None) == (problem.line, problem.column, problem.file)
        path = tmp_path / f"okrs.{format}"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(FormatError) as caught:
            okrkit.load(path)
        (problem,) = caught.value.details
        assert str(problem).startswith(f"{path}:{line}:{column}: $.objectives[0].weight: expected")

    def test_a_missing_field_is_at_its_object(self) -> None:
        with pytest.raises(FormatError) as caught:
            formats.loads("okrkit: 1\nobjectives:\n- owner: x\n", "yaml")
        (problem,) = caught.value.details
        assert (3, 3) == (problem.line, problem.column)

    def test_load_names_the_file_of_every_problem(self, tmp_path: Path) -> None:
        path = tmp_path / "okrs.json"
        path.write_text("{", encoding="utf-8")
        with pytest.raises(FormatError) as caught:
            okrkit.load(path)
        assert [str(path)] == [p.file for p in caught.value.details]
        path.write_bytes(b"\xff")
        with pytest.raises(FormatError) as caught:
            okrkit.load(path)
        assert str(caught.value).startswith(f"{path}: $: expected UTF-8 text")


class TestFindings:
    def test_validate_puts_findings_at_their_lines(self) -> None:
        """A finding on a key result is at the key result's own line, in the file it came from."""
        path = EXAMPLES / "acme-2026-q3.yaml"
        plan = okrkit.load(path)
        report = okrkit.validate(plan)
        lines = path.read_text(encoding="utf-8").splitlines()
        assert len(report) > 0
        for d in report:
            assert (str(path), True) == (d.file, d.line is not None)
            assert d.location is not None
            if d.path.endswith("]") and ".key_results[" in d.path:
                # The key result's own line: the list item that opens it, with its id.
                assert d.line is not None
                assert lines[d.line - 1].lstrip().startswith("- ")
                assert f"id: {d.id}" in lines[d.line - 1]
            assert str(d).startswith(f"{path}:{d.line}:{d.column}: {d.code} ")

    @pytest.mark.parametrize("unknown", ["ignore", "warn"])
    def test_places_are_found_with_the_options_of_the_load(self, unknown: str) -> None:
        """A Markdown plan read with unknown attributes skipped is placed without failing, and
        without warning about them again (the second pass reads as the load did)."""
        # (each key result timid, OKR301: a finding on each line)
        page = "## Grow\n\n- Raise NPS from 30 to 31 {foo=1}\n- Cut churn from 5% to 4.9%\n"
        with warnings.catch_warnings(record=True) as said:
            warnings.simplefilter("always")
            plan = formats.loads(page, "markdown", unknown=unknown)  # type: ignore[arg-type]
            loaded = len(said)
            report = okrkit.validate(plan)
        assert loaded == len(said)
        assert {3, 4} <= {d.line for d in report}

    def test_a_plan_made_from_a_read_one_has_no_place(self) -> None:
        plan = okrkit.load(EXAMPLES / "acme-2026-q3.yaml")
        made = okrkit.Plan(objectives=plan.objectives, kpis=plan.kpis, history=plan.history)
        assert plan == made
        assert formats.source(made) is None
        assert all(d.location is None for d in okrkit.validate(made))

    def test_a_source_goes_with_its_plan(self) -> None:
        plan = okrkit.Plan()
        source = Source("x", "json", lambda text: {"": (1, 1)})
        remember(plan, source)
        assert source_of(plan) is source
        key = id(plan)
        del plan
        gc.collect()
        assert all(k != key or v is not source for k, v in vars_of_sources().items())

    def test_location_fields_are_checked(self) -> None:
        base = {"code": "OKR101", "name": "n", "severity": "info", "message": "m", "path": ""}
        with pytest.raises(InvalidValueError):
            Diagnostic(**base, line=0)
        with pytest.raises(InvalidTypeError):
            Diagnostic(**base, column=True)
        d = Diagnostic(**base, line=3, column=1)
        assert "line 3, column 1: OKR101 [info] m" == str(d)
        assert d is d.located(None)


def vars_of_sources() -> dict[int, Source]:
    from okrkit import _sources

    return dict(_sources._SOURCES)


class TestSource:
    def test_nearest_holder(self) -> None:
        source = Source("", "json", lambda text: {"a": (1, 2), "a.b[0]": (3, 4)}, "f.json")
        assert Location(3, 4, "f.json") == source.locate("$.a.b[0].c.d")
        assert Location(1, 2, "f.json") == source.locate("a.b")
        assert source.locate("z") is None
        assert source.positions() is source.positions()  # found once
        named = source.with_file("g.json")
        assert (Location(1, 2, "g.json"), "g.json") == (named.locate("a"), named.file)
        assert "Source(format='json', file='f.json', 0 characters)" == repr(source)
        assert "a" == parent_path("a.b") == parent_path("a[3]")
