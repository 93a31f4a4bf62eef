"""Writing an export (minutes, action list, case file) to disk: checked first, written whole,
readable by the user only (0600), whatever the umask."""

from __future__ import annotations

import errno
from datetime import date, datetime
from pathlib import Path

from krachtoverleg.core.errors import ValidationError
from krachtoverleg.core.export.formats import MINUTES, MinutesText
from krachtoverleg.core.models import Meeting
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.rules.privacy import Names
from krachtoverleg.core.store.atomic import write_atomic


def export_target(path: str | Path, store_root: Path | None = None) -> Path:
    """The file to write, refused with a Dutch message when it cannot be one: an empty name, a
    folder, a missing folder, something that is not an ordinary file (a pipe, a device), or a
    place inside the store, whose own files an export must never replace."""
    if str(path).strip() == "":
        raise ValidationError("Bestand: vul een naam in.")
    target = Path(path).expanduser()
    try:
        return _checked_target(target, store_root)
    except OSError as error:  # a name too long for the disk, a folder without permission
        reason = "de naam is te lang" if error.errno == errno.ENAMETOOLONG else error.strerror
        raise ValidationError(f"Kan niet schrijven naar {str(target)[:80]}…: {reason}.") from None


def _checked_target(target: Path, store_root: Path | None) -> Path:
    if target.is_dir():
        raise ValidationError(f"Kan niet schrijven naar {target}: dat is een map.")
    if not target.parent.is_dir():
        raise ValidationError(f"Kan niet schrijven naar {target}: de map {target.parent} bestaat niet.")
    if target.exists() and not target.is_file():
        raise ValidationError(f"Kan niet schrijven naar {target}: dat is geen gewoon bestand.")
    if store_root is not None and target.resolve().is_relative_to(store_root.expanduser().resolve()):
        raise ValidationError(f"Kan niet schrijven naar {target}: dat is de map met de gegevens van "
                              "krachtoverleg zelf. Kies een andere map.")
    return target


def write_export(path: str | Path, text: str, store_root: Path | None = None) -> Path:
    target = export_target(path, store_root)
    try:
        write_atomic(target, text.encode("utf-8"))
    except OSError as error:
        raise ValidationError(f"Kan niet schrijven naar {target}: {error.strerror}.") from None
    return target


def render_minutes(data: CaseData, meeting: Meeting, names: Names, made_at: datetime,
                   fmt: str) -> str:
    from krachtoverleg.core.export.minutes import minutes_markdown
    from krachtoverleg.core.rules.frozen import as_minuted

    chosen = MINUTES.get(fmt)
    if chosen is None:
        raise ValidationError(f"Vorm '{fmt}' kennen we niet (kies {' of '.join(MINUTES.keys())}).")
    data = as_minuted(data, meeting)  # a closed meeting: the case as it stood when it closed
    meeting = data.get(Meeting, meeting.id) or meeting
    title = f"Verslag {data.case.code}, overleg {meeting.number}, {meeting.date.strftime('%d-%m-%Y')}"
    return chosen.render(MinutesText(minutes_markdown(data, meeting, names, made_at), title), made_at)


def minutes_filename(data: CaseData, meeting: Meeting, fmt: str, full_names: bool) -> str:
    private = "-met-namen" if full_names else ""
    return f"verslag-{data.case.code}-overleg-{meeting.number}-{meeting.date.isoformat()}{private}.{fmt}"


def progress_filename(data: CaseData, day: date, fmt: str, full_names: bool) -> str:
    private = "-met-namen" if full_names else ""
    return f"voortgang-{data.case.code}-{day.isoformat()}{private}.{fmt}"


def client_plan_filename(data: CaseData, meeting: Meeting, fmt: str) -> str:
    return f"mijn-plan-{data.case.code}-{meeting.date.isoformat()}.{fmt}"


def render_client_plan(data: CaseData, meeting: Meeting, today: date, made_at: datetime, fmt: str,
                       with_name: bool) -> str:
    """Mijn plan from this meeting: a closed one as it stood when it closed, like its minutes."""
    from krachtoverleg.core.export.client_plan import PlanInput
    from krachtoverleg.core.export.formats import CLIENT_PLAN
    from krachtoverleg.core.rules.frozen import as_minuted

    chosen = CLIENT_PLAN.get(fmt)
    if chosen is None:
        raise ValidationError(f"Vorm '{fmt}' kennen we niet (kies {' of '.join(CLIENT_PLAN.keys())}).")
    data = as_minuted(data, meeting)
    meeting = data.get(Meeting, meeting.id) or meeting
    return chosen.render(PlanInput(data, meeting, today, with_name), made_at)
