"""Run the command line in-process, as a terminal user would: exit code, stdout, stderr."""

from __future__ import annotations

from krachtoverleg.cli import main


def run(capsys, clock, *argv):
    try:
        code = main(list(argv), clock=clock)
    except SystemExit as stop:  # argparse refuses a bad option itself, with exit code 2
        code = stop.code
    out, err = capsys.readouterr()
    return code, out, err
