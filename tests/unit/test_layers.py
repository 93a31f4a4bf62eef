"""The core must work without Textual: the CLI's commands and other tools use it directly."""

import subprocess
import sys

CORE = [
    "krachtoverleg", "krachtoverleg.cli", "krachtoverleg.core.models", "krachtoverleg.core.store",
    "krachtoverleg.core.interchange", "krachtoverleg.core.demo", "krachtoverleg.core.meetings",
    "krachtoverleg.core.privacy", "krachtoverleg.core.instruments", "krachtoverleg.core.agenda",
    "krachtoverleg.core.references", "krachtoverleg.core.minutes", "krachtoverleg.core.html_document",
    "krachtoverleg.core.action_list", "krachtoverleg.core.action_formats", "krachtoverleg.core.overview",
    "krachtoverleg.core.exports", "krachtoverleg.core.markdown", "krachtoverleg.core.wording",
]


def test_the_core_and_cli_import_nothing_from_textual():
    code = "import importlib, sys\n" + "".join(f"importlib.import_module({m!r})\n" for m in CORE) + (
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(bad); sys.exit(1 if bad else 0)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_core_source_file_mentions_textual():
    from pathlib import Path

    import krachtoverleg.core as core

    offenders = [p.name for p in Path(core.__file__).parent.rglob("*.py")
                 if "import textual" in p.read_text() or "from textual" in p.read_text()]
    assert offenders == []


def test_heavy_export_libraries_load_only_when_an_export_runs():
    code = ("import sys, krachtoverleg.cli, krachtoverleg.core.minutes, krachtoverleg.core.action_formats\n"
            "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('markdown_it', 'icalendar'))\n"
            "print(heavy); sys.exit(1 if heavy else 0)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
