import json
import os
import stat

import pytest

from krachtoverleg import __version__
from krachtoverleg.cli import main
from krachtoverleg.core.store.folder_store import FolderStore


def run(capsys, clock, *argv):
    code = main(list(argv), clock=clock)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_dir(tmp_path, capsys, clock):
    root = tmp_path / "d"
    assert run(capsys, clock, "--store", str(root), "demo")[0] == 0
    return root


def test_demo_then_cases_json_lists_the_demo_case(demo_dir, capsys, clock):
    code, out, _ = run(capsys, clock, "--store", str(demo_dir), "cases", "--format", "json")
    assert code == 0
    cases = json.loads(out)
    assert cases[0]["code"] == "K-001" and cases[0]["label"] == "Gezin V." and cases[0]["id"]
    assert cases[0]["next_meeting"] == "2026-11-23" and cases[0]["open_actions"] == 2
    assert "Petra" not in out


def test_cases_table(demo_dir, capsys, clock):
    code, out, _ = run(capsys, clock, "--store", str(demo_dir), "cases")
    assert code == 0 and "K-001" in out and "Gezin V." in out
    assert "23-11-2026" in out and "2026-11-23" not in out  # dates as the screen says them


def test_help_and_usage_are_in_dutch(demo_dir, capsys, clock):
    with pytest.raises(SystemExit) as stop:
        main(["--help"], clock=clock)
    out = capsys.readouterr().out
    assert stop.value.code == 0 and out.startswith("gebruik: krachtoverleg") and "opties:" in out
    assert "usage" not in out and "options:" not in out and "positional" not in out
    with pytest.raises(SystemExit) as stop:
        main(["--store", str(demo_dir), "score"], clock=clock)
    err = capsys.readouterr().err
    assert stop.value.code == 2 and err.startswith("gebruik: krachtoverleg score") and "usage" not in err


def test_the_store_can_come_from_the_environment(demo_dir, capsys, clock, monkeypatch):
    monkeypatch.setenv("KRACHTOVERLEG_STORE", str(demo_dir))
    code, out, _ = run(capsys, clock, "cases", "--format", "json")
    assert code == 0 and json.loads(out)[0]["code"] == "K-001"


def test_export_case_to_a_private_file(demo_dir, tmp_path, capsys, clock):
    target = tmp_path / "inzage.json"
    code, _, err = run(capsys, clock, "--store", str(demo_dir), "export-case", "K-001", "-o", str(target))
    assert code == 0 and "inzage.json" in err
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert json.loads(target.read_text())["case"]["code"] == "K-001"


def test_import_refuses_an_existing_case_unless_replace(demo_dir, tmp_path, capsys, clock):
    target = tmp_path / "k.json"
    run(capsys, clock, "--store", str(demo_dir), "export-case", "K-001", "-o", str(target))
    code, _, err = run(capsys, clock, "--store", str(demo_dir), "import", str(target))
    assert code == 2 and "--replace" in err
    document = json.loads(target.read_text())
    document["case"]["hulpvraag"] = "Nieuwe hulpvraag"
    target.write_text(json.dumps(document))
    code, out, _ = run(capsys, clock, "--store", str(demo_dir), "import", str(target), "--replace")
    assert code == 0 and "vervangen" in out
    assert FolderStore.open(demo_dir, write=False).load_by_code("K-001").case.hulpvraag == "Nieuwe hulpvraag"
    fresh = tmp_path / "fresh"
    code, out, _ = run(capsys, clock, "--store", str(fresh), "import", str(target))
    assert code == 0 and "toegevoegd" in out


@pytest.mark.parametrize("content", ["{broken", '{"format": "krachtoverleg-case", "version": 9}',
                                     '{"format": "krachtoverleg-case", "version": 1, "case": {}, '
                                     '"records": {}}'])
def test_a_bad_import_exits_2_and_leaves_the_store_untouched(demo_dir, tmp_path, capsys, clock, content):
    before = {p: p.read_bytes() for p in demo_dir.rglob("*.json")}
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    code, _, err = run(capsys, clock, "--store", str(demo_dir), "import", str(bad))
    assert code == 2 and err.startswith("krachtoverleg: ")
    assert {p: p.read_bytes() for p in demo_dir.rglob("*.json")} == before


def test_unknown_case_and_missing_file_exit_2(demo_dir, capsys, clock):
    assert run(capsys, clock, "--store", str(demo_dir), "export-case", "K-404")[0] == 2
    assert run(capsys, clock, "--store", str(demo_dir), "import", "/nowhere/x.json")[0] == 2


def test_bad_options_exit_2(capsys, clock):
    with pytest.raises(SystemExit) as exit_info:
        main(["cases", "--format", "xml"], clock=clock)
    assert exit_info.value.code == 2
    assert "fout in de opdracht" in capsys.readouterr().err


def test_a_writing_command_while_the_store_is_open_elsewhere_exits_3(demo_dir, capsys, clock, tmp_path):
    with FolderStore.open(demo_dir, write=True):
        code, _, err = run(capsys, clock, "--store", str(demo_dir), "demo")
        assert code == 3 and "ander venster" in err
        assert run(capsys, clock, "--store", str(demo_dir), "cases")[0] == 0  # reading still works


def test_version(capsys, clock):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"], clock=clock)
    assert exit_info.value.code == 0 and __version__ in capsys.readouterr().out
