"""The command line fails in Dutch, with its documented exit code, never with a traceback
(issue 10, findings 12 and 15)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.unit.cli_run import run


@pytest.fixture
def root(tmp_path, capsys, clock):
    folder = tmp_path / "d"
    assert run(capsys, clock, "--store", str(folder), "demo")[0] == 0
    return folder


@pytest.mark.parametrize(("argv", "dutch"), [
    (["minutes"], "dit ontbreekt nog"),
    (["actions", "--format", "xx"], "kennen we niet (kies uit"),
    (["cases", "--bogus"], "onbekend: --bogus"),
    (["actions", "-o"], "hier hoort een waarde achter"),
])
def test_argparse_speaks_dutch(capsys, clock, root, argv, dutch):
    code, _, err = run(capsys, clock, "--store", str(root), *argv)
    assert code == 2 and dutch in err
    assert "required" not in err and "invalid choice" not in err and "unrecognized" not in err


@pytest.mark.parametrize("command", [["backup"], ["demo"], ["restore", "LATEST"]])
def test_a_full_disk_is_a_dutch_message_and_exit_1(root, capsys, clock, monkeypatch, command):
    if command[0] == "restore":
        assert run(capsys, clock, "--store", str(root), "backup")[0] == 0
        from krachtoverleg.core.store.backup import list_backups

        command = ["restore", list_backups(root)[0].name]
    before = {p: p.read_bytes() for p in (root / "cases").iterdir()}

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("krachtoverleg.core.store.backup.write_atomic", full)
    monkeypatch.setattr("krachtoverleg.core.store.folder_store.write_atomic", full)
    code, _, err = run(capsys, clock, "--store", str(root), *command)
    assert code == 1 and "Traceback" not in err
    assert "schijf is vol" in err or "No space left on device" in err
    assert {p: p.read_bytes() for p in (root / "cases").iterdir()} == before


def test_a_reader_that_stops_early_gets_no_traceback(root):
    # `true` reads nothing and is gone long before the listing is written: the pipe is broken.
    listing = subprocess.run(
        f"{sys.executable} -m krachtoverleg --store {root} actions --format csv | true",
        shell=True, capture_output=True, text=True, check=False)
    assert "Traceback" not in listing.stderr and "BrokenPipe" not in listing.stderr, listing.stderr
    assert "Exception ignored" not in listing.stderr, listing.stderr


def test_three_demo_runs_at_once_on_a_new_folder_do_not_fail_on_the_folder(tmp_path):
    """Issue 10, finding 15: they raced to create the store folder ("File exists")."""
    folder = tmp_path / "nieuw"
    runs = [subprocess.Popen([sys.executable, "-m", "krachtoverleg", "--store", str(folder), "demo"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for process in runs:
        _, err = process.communicate(timeout=60)
        assert process.returncode in (0, 3), err  # 3: another run held the lock, a clear message
        assert "Traceback" not in err and "File exists" not in err


def test_a_path_instead_of_a_case_is_refused_for_what_it_is(root, capsys, clock):
    code, _, err = run(capsys, clock, "--store", str(root), "export-case", "../../etc/passwd")
    assert code == 2 and "geen casuscode of id" in err
