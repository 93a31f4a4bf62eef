"""The minutes dialog: which format, with or without full names, and into which folder. It
answers with the choice; the Afsluiting stage writes the file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from krachtoverleg.core.errors import ValidationError
from krachtoverleg.core.export.formats import MINUTES
from krachtoverleg.tui.dialogs.form import FormDialog, FormField


@dataclass(frozen=True)
class MinutesChoice:
    fmt: str
    full_names: bool
    folder: Path


def _build(values: dict[str, Any]) -> MinutesChoice:
    fmt = values["fmt"]
    if MINUTES.get(fmt) is None:
        raise ValidationError("Vorm: kies een pagina om te printen of tekst voor een mail.")
    typed = str(values["folder"] or "").strip()
    if not typed:
        raise ValidationError("Map: vul een map in.")
    folder = Path(typed).expanduser()
    if not folder.is_dir():
        raise ValidationError(f"Map: {folder} bestaat niet.")
    return MinutesChoice(fmt, bool(values["full_names"]), folder)


def minutes_dialog(folder: Path | None = None) -> FormDialog[MinutesChoice]:
    fields = [
        FormField("fmt", "Vorm", "html", "select", [(f.label, f.key) for f in MINUTES.formats.values()]),
        FormField("full_names", "Met volledige namen (vertrouwelijk)", False, "check"),
        FormField("folder", "Map waarin het verslag komt", str(folder or Path.home())),
    ]
    return FormDialog("Verslag maken", fields, _build, keeps_drafts=False)  # no client text
