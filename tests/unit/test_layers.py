"""The core must work without Textual: the CLI's commands and other tools use it directly."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import krachtoverleg.core as core


def core_modules() -> list[str]:
    """Every module under krachtoverleg/core, found by walking the package, not listed by hand."""
    return ["krachtoverleg", "krachtoverleg.cli", "krachtoverleg.core"] + [
        info.name for info in pkgutil.walk_packages(core.__path__, "krachtoverleg.core.")]


def test_every_room_of_the_core_is_walked():
    rooms = {name.split(".")[2] for name in core_modules() if name.count(".") >= 3}
    assert {"models", "rules", "store", "export"} <= rooms


def test_the_core_and_cli_import_nothing_from_textual():
    modules = core_modules()
    assert len(modules) > 30
    code = "import importlib, sys\n" + "".join(f"importlib.import_module({m!r})\n" for m in modules) + (
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(bad); sys.exit(1 if bad else 0)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_core_source_file_mentions_textual():
    offenders = [p.name for p in Path(core.__file__).parent.rglob("*.py")
                 if "import textual" in p.read_text() or "from textual" in p.read_text()]
    assert offenders == []


def test_heavy_export_libraries_load_only_when_an_export_runs():
    code = ("import sys, krachtoverleg.cli, krachtoverleg.core.export.minutes, "
            "krachtoverleg.core.export.action_formats, krachtoverleg.core.export.files\n"
            "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('markdown_it', 'icalendar'))\n"
            "print(heavy); sys.exit(1 if heavy else 0)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
