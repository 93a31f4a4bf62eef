"""The export dialogs (minutes, progress): which format, with or without full names, and into
which folder. They answer with the choice; the screen that asked writes the file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.dom import DOMNode

from krachtoverleg.core.errors import KrachtError, ValidationError
from krachtoverleg.core.export.files import write_export
from krachtoverleg.core.export.formats import CLIENT_PLAN, MINUTES, PROGRESS, Registry
from krachtoverleg.core.rules.privacy import Names
from krachtoverleg.tui.dialogs.form import FormDialog, FormField
from krachtoverleg.tui.services import services


@dataclass(frozen=True)
class MinutesChoice:
    fmt: str
    full_names: bool
    folder: Path


def _build(values: dict[str, Any], formats: Registry[Any]) -> MinutesChoice:
    fmt = values["fmt"]
    if formats.get(fmt) is None:
        raise ValidationError("Vorm: kies een pagina om te printen of tekst voor een mail.")
    typed = str(values["folder"] or "").strip()
    if not typed:
        raise ValidationError("Map: vul een map in.")
    folder = Path(typed).expanduser()
    if not folder.is_dir():
        raise ValidationError(f"Map: {folder} bestaat niet.")
    return MinutesChoice(fmt, bool(values["full_names"]), folder)


FULL_NAMES = "Met volledige namen (vertrouwelijk)"


def export_dialog(title: str, what: str, formats: Registry[Any], folder: Path | None = None,
                  fmt: str = "html", names: str = FULL_NAMES) -> FormDialog[MinutesChoice]:
    fields = [
        FormField("fmt", "Vorm", fmt if formats.get(fmt) else "html", "select",
                  [(f.label, f.key) for f in formats.formats.values()]),
        FormField("full_names", names, False, "check"),
        FormField("folder", f"Map waarin {what} komt", str(folder or Path.home()), proposed=True),
    ]
    return FormDialog(title, fields, lambda values: _build(values, formats),
                      keeps_drafts=False)  # no client text


def minutes_dialog(last: tuple[Path, str] | None = None) -> FormDialog[MinutesChoice]:
    """`last`: the folder and format chosen the previous time in this session."""
    return export_dialog("Verslag maken", "het verslag", MINUTES, *(last or (None, "html")))


def progress_dialog(last: tuple[Path, str] | None = None) -> FormDialog[MinutesChoice]:
    return export_dialog("Voortgang opslaan", "de voortgang", PROGRESS, *(last or (None, "html")))


def client_plan_dialog(last: tuple[Path, str] | None = None) -> FormDialog[MinutesChoice]:
    folder, fmt = last or (None, "html")
    return export_dialog("Mijn plan: één pagina voor de cliënt", "het plan", CLIENT_PLAN, folder, fmt,
                         names="Met de naam van de cliënt erop (vraag het de cliënt)")


def save_export(node: DOMNode, choice: MinutesChoice, render: Callable[[Names], str], filename: str,
                what: str, titles: tuple[str, str]) -> None:
    """Write the chosen export into the chosen folder, remember folder and format for next time,
    and say where it went, or why it could not be written. `titles`: (done, failed)."""
    app = services(node)
    app.last_export = (choice.folder, choice.fmt)
    try:
        target = write_export(choice.folder / filename, render(Names(show_names=choice.full_names)),
                              app.store.local_dir)
    except KrachtError as error:
        app.notify(str(error), title=titles[1], severity="error", timeout=10)
        return
    private = " Let op: met volledige namen." if choice.full_names else ""
    app.notify(f"{what} staat in {target} (alleen leesbaar voor jou).{private}", title=titles[0], timeout=15)
