"""Bad import files are refused with exit code 2 and a Dutch message, never a traceback, and the
store is untouched (issue 10, finding 13)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.cli_run import run


@pytest.fixture
def demo_dir(tmp_path, capsys, clock):
    folder = tmp_path / "store"
    assert run(capsys, clock, "--store", str(folder), "demo")[0] == 0
    return folder


@pytest.fixture
def exported(demo_dir, capsys, clock) -> dict:
    code, out, _ = run(capsys, clock, "--store", str(demo_dir), "export-case", "K-001")
    assert code == 0
    document = json.loads(out)
    document["case"]["code"] = "K-900"  # a new client, so a good file would be added
    document["case"]["id"] = "a" * 32
    return document


def strength_with(document: dict, **fields) -> str:
    strengths = document["records"]["strengths"]
    strengths[0] = {**strengths[0], **fields}
    return json.dumps(document)


BAD = {
    "id that is a list": lambda d: strength_with(d, id=["x"]),
    "id that is an object": lambda d: strength_with(d, id={"x": 1}),
    "id that is null": lambda d: strength_with(d, id=None),
    "id that is a number": lambda d: strength_with(d, id=7),
    "id of a megabyte": lambda d: strength_with(d, id="x" * 1_000_000),
    "id with a control character": lambda d: strength_with(d, id="ab\u0007c"),
    "reference that is a list": lambda d: strength_with(d, meeting_id=["x"]),
    "lone surrogate": lambda d: strength_with(d, text="\ud800"),
    "version true": lambda d: json.dumps({**d, "version": True}),
    "a number of 5,000 digits": lambda d: json.dumps(d)[:-1] + ', "x": ' + "9" * 5000 + "}",
    "deep nesting": lambda d: "[" * 100_000 + "]" * 100_000,
    "duplicate keys": lambda d: json.dumps(d)[:-1] + ', "format": "krachtoverleg-case"}',
    "case id of 60 emoji": lambda d: json.dumps({**d, "case": {**d["case"], "id": "😀" * 60}}),
}


@pytest.mark.parametrize("make", BAD.values(), ids=BAD.keys())
def test_a_bad_import_file_is_refused_with_exit_2(demo_dir, tmp_path, capsys, clock, exported, make):
    before = {p: p.read_bytes() for p in demo_dir.rglob("*.json")}
    source = tmp_path / "bad.json"
    source.write_text(make(exported), "utf-8", errors="surrogatepass")
    code, _, err = run(capsys, clock, "--store", str(demo_dir), "import", str(source))
    assert code == 2, err
    assert "Traceback" not in err and err.startswith("krachtoverleg: ")
    assert {p: p.read_bytes() for p in demo_dir.rglob("*.json")} == before


def test_the_good_file_itself_is_accepted(demo_dir, tmp_path, capsys, clock, exported):
    source = tmp_path / "good.json"
    source.write_text(json.dumps(exported))
    assert run(capsys, clock, "--store", str(demo_dir), "import", str(source))[0] == 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                          lambda inner: st.lists(inner, max_size=3)
                          | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8),
       field=st.sampled_from(["id", "text", "kind", "meeting_id", "named_by", "dimension"]))
def test_any_value_in_any_field_never_gives_a_traceback(demo_dir, tmp_path, capsys, clock, exported,
                                                        value, field):
    source = tmp_path / "fuzz.json"
    source.write_text(strength_with(json.loads(json.dumps(exported)), **{field: value}), "utf-8",
                      errors="surrogatepass")
    code, _, err = run(capsys, clock, "--store", str(demo_dir), "import", str(source), "--replace")
    assert code in (0, 2) and "Traceback" not in err


def test_tabs_and_new_lines_in_one_line_fields_are_reported_on_import(demo_dir, tmp_path, capsys, clock,
                                                                     exported):
    """Issue 10, finding 17: a one-line field cannot hold them; the import says it changed them."""
    exported["case"]["label"] = "Gezin\tV."
    exported["case"]["hulpvraag"] = "Eerste regel\r\nTweede regel"  # several lines: kept, not reported
    source = tmp_path / "from-windows.json"
    source.write_text(strength_with(exported, text="kan goed\nkoken"), "utf-8")
    code, out, err = run(capsys, clock, "--store", str(demo_dir), "import", str(source))
    assert code == 0, err
    assert "2 velden van één regel" in out
    assert "Casus: naam op het scherm" in out and "Kracht: tekst" in out and "hulpvraag" not in out
    code, out, _ = run(capsys, clock, "--store", str(demo_dir), "export-case", "K-900")
    document = json.loads(out)
    assert document["case"]["label"] == "Gezin V."
    assert document["case"]["hulpvraag"] == "Eerste regel\nTweede regel"
