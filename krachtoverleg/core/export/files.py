"""Writing an export (minutes, action list, case file) to disk: checked first, written whole,
readable by the user only (0600), whatever the umask."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from krachtoverleg.core.errors import ValidationError
from krachtoverleg.core.export.formats import MINUTES, MinutesText
from krachtoverleg.core.models import Meeting
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.rules.privacy import Names
from krachtoverleg.core.store.atomic import write_atomic


def export_target(path: str | Path) -> Path:
    """The file to write, refused with a Dutch message when it cannot be one."""
    target = Path(path).expanduser()
    if str(path).strip() == "":
        raise ValidationError("Bestand: vul een naam in.")
    if target.is_dir():
        raise ValidationError(f"Kan niet schrijven naar {target}: dat is een map.")
    if not target.parent.is_dir():
        raise ValidationError(f"Kan niet schrijven naar {target}: de map {target.parent} bestaat niet.")
    return target


def write_export(path: str | Path, text: str) -> Path:
    target = export_target(path)
    try:
        write_atomic(target, text.encode("utf-8"))
    except OSError as error:
        raise ValidationError(f"Kan niet schrijven naar {target}: {error.strerror}.") from None
    return target


def render_minutes(data: CaseData, meeting: Meeting, names: Names, made_at: datetime,
                   fmt: str) -> str:
    from krachtoverleg.core.export.minutes import minutes_markdown

    chosen = MINUTES.get(fmt)
    if chosen is None:
        raise ValidationError(f"Vorm '{fmt}' kennen we niet (kies {' of '.join(MINUTES.keys())}).")
    title = f"Verslag {data.case.code}, overleg {meeting.number}, {meeting.date.strftime('%d-%m-%Y')}"
    return chosen.render(MinutesText(minutes_markdown(data, meeting, names, made_at), title), made_at)


def minutes_filename(data: CaseData, meeting: Meeting, fmt: str, full_names: bool) -> str:
    private = "-met-namen" if full_names else ""
    return f"verslag-{data.case.code}-overleg-{meeting.number}-{meeting.date.isoformat()}{private}.{fmt}"
