"""No command may destroy or misroute a client's data (issue 10, findings 8, 9 and 10)."""

from __future__ import annotations

import json
import os

import pytest

from krachtoverleg.core.store.folder_store import FolderStore
from tests.unit.cli_run import run


@pytest.fixture
def two(tmp_path, capsys, clock):
    folder = tmp_path / "store"
    for _ in range(2):
        assert run(capsys, clock, "--store", str(folder), "demo")[0] == 0
    return folder


def exported(capsys, clock, root, code) -> dict:
    status, out, _ = run(capsys, clock, "--store", str(root), "export-case", code)
    assert status == 0
    return json.loads(out)


def test_an_import_with_another_cases_id_replaces_nothing(two, tmp_path, capsys, clock):
    first, second = exported(capsys, clock, two, "K-001"), exported(capsys, clock, two, "K-002")
    first["case"]["id"] = second["case"]["id"]  # K-001's data under K-002's id
    source = tmp_path / "mixed.json"
    source.write_text(json.dumps(first))
    before = {p: p.read_bytes() for p in (two / "cases").iterdir()}
    code, _, err = run(capsys, clock, "--store", str(two), "import", str(source), "--replace")
    assert code == 2 and "twee verschillende cliënten" in err
    assert {p: p.read_bytes() for p in (two / "cases").iterdir()} == before
    assert [c.code for c in FolderStore.open(two, write=False).cases()] == ["K-001", "K-002"]


def test_a_case_id_that_looks_like_a_code_is_refused(two, tmp_path, capsys, clock):
    data = exported(capsys, clock, two, "K-001")
    data["case"]["id"], data["case"]["code"] = "K-002", "K-900"
    source = tmp_path / "hijack.json"
    source.write_text(json.dumps(data))
    code, _, err = run(capsys, clock, "--store", str(two), "import", str(source))
    assert code == 2 and "id klopt niet" in err
    status, out, _ = run(capsys, clock, "--store", str(two), "export-case", "K-002")
    assert status == 0 and json.loads(out)["case"]["code"] == "K-002"


@pytest.mark.parametrize("inside", ["cases/{id}.json", "settings.json", "index/00.json", "nieuw.md"])
def test_an_export_into_the_store_itself_is_refused(two, capsys, clock, inside):
    case_id = FolderStore.open(two, write=False).resolve("K-001").id
    target = two / inside.format(id=case_id)
    before = target.read_bytes() if target.exists() else None
    code, out, err = run(capsys, clock, "--store", str(two), "minutes", "K-001", "-o", str(target))
    assert code == 2 and "krachtoverleg zelf" in err and out == ""
    assert (target.read_bytes() if target.exists() else None) == before


def test_an_empty_output_name_is_refused_not_printed(two, capsys, clock):
    code, out, err = run(capsys, clock, "--store", str(two), "actions", "-o", "")
    assert code == 2 and "vul een naam in" in err and out == ""


def test_an_output_onto_a_pipe_is_refused(two, tmp_path, capsys, clock):
    pipe = tmp_path / "pijp"
    os.mkfifo(pipe)
    code, _, err = run(capsys, clock, "--store", str(two), "export-case", "K-001", "-o", str(pipe))
    assert code == 2 and "geen gewoon bestand" in err
    assert not pipe.is_file()
