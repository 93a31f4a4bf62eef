"""`krachtoverleg check`: read every file of the store and name each problem.

A case file must be JSON, carry a schema version this program knows, hold records that pass
validation, and refer only to records that exist. Index shards and the settings file must be
JSON (a damaged one is rebuilt or falls back to defaults, but it is still worth knowing).
Folders must be 0700 and files 0600. Checking reads only: nothing is repaired or rewritten."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from krachtoverleg.core.errors import KrachtError, ValidationError
from krachtoverleg.core.models.references import reference_problems
from krachtoverleg.core.store import staged_restore
from krachtoverleg.core.store.atomic import (
    DIR_MODE,
    FILE_MODE,
    leftover_temp_files,
    linked_store_folders,
    store_tree,
)
from krachtoverleg.core.store.case_document import records_from_raw
from krachtoverleg.core.store.drafts import DRAFTS, NO_CASE
from krachtoverleg.core.store.engine import CaseStore
from krachtoverleg.core.store.folder_store import OWN_FOLDERS, is_case_file
from krachtoverleg.core.store.safe_read import read_capped, read_json
from krachtoverleg.core.store.storage import decode


@dataclass
class FileReport:
    path: Path
    what: str  # "K-001 (Gezin V.)" for a case that could be read this far, else the file name
    problems: list[str] = field(default_factory=list)
    code: str = ""  # the case code, when the file could be read

    @property
    def ok(self) -> bool:
        return not self.problems


def check_case_file(path: Path, known_as: str = "") -> FileReport:
    """`known_as` names the case from the index, for when its own file cannot be read."""
    from krachtoverleg.core.store.schema import upgrade

    report = FileReport(path, f"{known_as}, bestand {path.name}" if known_as else path.name)
    try:
        raw = decode(read_capped(path), f"Casusbestand {path.name}")
        if not isinstance(raw, dict):
            raise ValidationError("het bestand heeft een onbekende vorm")
        raw, _ = upgrade(raw)
        data = records_from_raw(raw)
    except OSError as error:
        report.problems.append(f"kan niet gelezen worden: {error.strerror}")
        return report
    except RecursionError:
        report.problems.append("is te diep genest; het bestand is beschadigd")
        return report
    except (KrachtError, KeyError, TypeError, ValueError, AttributeError) as error:
        report.problems.append(str(error) or type(error).__name__)
        return report
    report.what, report.code = f"{data.case.code} ({data.case.label})", data.case.code
    if data.case.id != path.stem:
        report.problems.append(f"de bestandsnaam past niet bij het id van de casus ({data.case.id})")
    from krachtoverleg.core.rules.frozen import snapshot_problems

    report.problems += reference_problems(data) + snapshot_problems(data)
    return report


def _check_json(path: Path, what: str, shard: bool = False) -> FileReport:
    report = FileReport(path, what)
    try:
        data = read_json(path)
    except OSError as error:
        report.problems.append(f"kan niet gelezen worden: {error.strerror}; wordt overgeslagen")
        return report
    except ValueError:
        report.problems.append("is beschadigd (geen geldige JSON); wordt bij de volgende start hersteld")
        return report
    if shard and not (isinstance(data, dict) and isinstance(data.get("cases"), dict)):
        report.problems.append("heeft een onbekende vorm; wordt bij de volgende start opnieuw gemaakt")
    return report


def _permissions(root: Path) -> list[FileReport]:
    """Folders and regular files only; a link elsewhere is not the store's to judge (nor to
    change), except a store folder that is one."""
    reports = []
    linked = set(linked_store_folders(root, OWN_FOLDERS))
    for path in store_tree(root, OWN_FOLDERS):
        try:
            info = path.stat() if str(path) in linked else path.lstat()
        except OSError:
            continue
        if not (stat.S_ISDIR(info.st_mode) or stat.S_ISREG(info.st_mode)):
            continue
        wanted = DIR_MODE if stat.S_ISDIR(info.st_mode) else FILE_MODE
        mode = stat.S_IMODE(info.st_mode)
        if mode & ~wanted:
            reports.append(FileReport(path, str(path.relative_to(root)) or ".", [
                f"is leesbaar voor anderen ({oct(mode)}); wordt bij de volgende start {oct(wanted)}"]))
    return reports


@dataclass
class StoreCheck:
    cases: list[FileReport]
    others: list[FileReport]  # only those with a problem

    @property
    def reports(self) -> list[FileReport]:
        return self.cases + self.others

    @property
    def problems(self) -> int:
        return sum(len(report.problems) for report in self.reports)


def _index_names(root: Path) -> dict[str, str]:
    names: dict[str, str] = {}
    for shard in (root / "index").glob("*.json"):
        try:
            entries = read_json(shard)["cases"]
            names.update({key: f"{value['code']} ({value['label']})" for key, value in entries.items()})
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            continue
    return names


def check_store(root: Path) -> StoreCheck:
    """A report per case file, plus one for every other file with a problem."""
    if not root.is_dir():
        return StoreCheck([], [FileReport(root, str(root), ["deze map bestaat niet"])])
    known = _index_names(root)
    paths = sorted((root / "cases").glob("*.json"))
    cases = [check_case_file(path, known.get(path.stem, "")) for path in paths if is_case_file(path)]
    others = [FileReport(path, f"cases/{path.name}", ["hoort niet bij krachtoverleg (geen casusbestand); "
                                                      "wordt overgeslagen en nooit gewijzigd"])
              for path in paths if not is_case_file(path)]
    others += _same_codes(cases)
    shards = sorted((root / "index").glob("*.json"))
    for path, what in [*((shard, f"index/{shard.name}") for shard in shards),
                       (root / "settings.json", "settings.json")]:
        if os.path.lexists(path):  # a dangling link, too: named, not passed over
            report = _check_json(path, what, shard=path in shards)
            if not report.ok:
                others.append(report)
    indexed, on_disk = set(known), {path.stem for path in paths if is_case_file(path)}
    if indexed != on_disk:
        others.append(FileReport(root / "index", "index", [
            f"klopt niet met de casusbestanden ({len(indexed ^ on_disk)} verschil); wordt bij de "
            "volgende start opnieuw gemaakt"]))
    others += _drafts(root, on_disk) + _backups(root) + _presence(root, on_disk)
    if staged_restore.pending(root):  # a window holds the store while it restores
        others.append(FileReport(root / staged_restore.RESTORING, staged_restore.RESTORING, [
            "een terugzetting is bezig; controleer opnieuw als die klaar is"]))
    others += _action_index(root, [path for path in paths if is_case_file(path)])
    return StoreCheck(cases, others + _leftovers(root) + _permissions(root))


def _action_index(root: Path, paths: list[Path]) -> list[FileReport]:
    """The action index against the case files: an entry made from the case file as it is now
    must say what that file says (an entry behind its file is normal: it is made again when a
    list is read)."""
    import sqlite3

    from krachtoverleg.core.rules.action_list import case_actions_of
    from krachtoverleg.core.store.action_index import ActionQuery
    from krachtoverleg.core.store.folder_action_index import ActionIndexFile, marker
    from krachtoverleg.core.store.schema import upgrade

    index = ActionIndexFile(root)
    if not index.path.exists():
        return []
    try:
        made_from = index.made_from()
        current = {path.stem for path in paths if made_from.get(path.stem) == marker(path)}
        stored = index.read(current, ActionQuery())
    except (OSError, sqlite3.DatabaseError):
        return [FileReport(index.path, "actie-index", [
            "is beschadigd; wordt bij de volgende actielijst opnieuw gemaakt"])]
    wrong = 0
    for path in paths:
        if path.stem not in stored:
            continue
        try:
            raw = decode(read_capped(path), path.name)
            if stored[path.stem].to_json() != case_actions_of(records_from_raw(upgrade(raw)[0])).to_json():
                wrong += 1
        except (OSError, KrachtError, KeyError, TypeError, ValueError, AttributeError, RecursionError):
            continue  # a damaged case file is named above
    if not wrong:
        return []
    return [FileReport(index.path, "actie-index", [
        f"klopt niet met de casusbestanden ({wrong} {'casus' if wrong == 1 else 'casussen'}); wordt bij "
        "de volgende actielijst opnieuw gemaakt"])]


def check_cases(store: CaseStore) -> StoreCheck:
    """A team store: every case it shows this login, read and checked like a case file."""
    from krachtoverleg.core.rules.frozen import snapshot_problems

    reports = []
    for summary in store.cases():
        report = FileReport(Path(summary.id), f"{summary.code} ({summary.label})", code=summary.code)
        try:
            data = store.load(summary.id)
            report.problems += reference_problems(data) + snapshot_problems(data)
        except KrachtError as error:
            report.problems.append(str(error))
        reports.append(report)
    return StoreCheck(reports, [])


def _drafts(root: Path, case_ids: set[str]) -> list[FileReport]:
    """Half-filled forms: one file per case. Damaged or foreign files are skipped by the app."""
    reports = []
    for path in sorted((root / DRAFTS).glob("*.json")) if (root / DRAFTS).is_dir() else []:
        what = f"{DRAFTS}/{path.name}"
        if path.stem != NO_CASE and not is_case_file(path):
            reports.append(FileReport(path, what, ["hoort niet bij krachtoverleg; wordt overgeslagen "
                                                   "en nooit gewijzigd"]))
            continue
        report = FileReport(path, what)
        try:
            data = read_json(path)
            shaped = isinstance(data, dict) and isinstance(data.get("drafts"), dict)
        except (OSError, ValueError, UnicodeDecodeError, RecursionError):
            shaped = False
        if not shaped:
            report.problems.append("is beschadigd; de half ingevulde formulieren erin worden "
                                   "overgeslagen")
        elif path.stem != NO_CASE and path.stem not in case_ids:
            report.problems.append("hoort bij een casus die er niet meer is")
        if not report.ok:
            reports.append(report)
    return reports


def _same_codes(cases: list[FileReport]) -> list[FileReport]:
    """Two case files with one code: a lookup by code would be ambiguous."""
    by_code: dict[str, list[FileReport]] = {}
    for report in cases:
        if report.code:
            by_code.setdefault(report.code, []).append(report)
    return [FileReport(reports[0].path, code, [f"deze code staat in {len(reports)} casusbestanden: "
                                               + ", ".join(r.path.name for r in reports)])
            for code, reports in by_code.items() if len(reports) > 1]


def _presence(root: Path, case_ids: set[str]) -> list[FileReport]:
    """The mirror's file names a case by id only; one that is gone (erased) is a trace."""
    from krachtoverleg.core.store.presence import FILE, read_presence

    presence = read_presence(root)
    if presence is None or presence.case_id is None or presence.case_id in case_ids:
        return []
    return [FileReport(root / FILE, FILE, ["verwijst naar een casus die er niet meer is; wordt leeg "
                                           "gemaakt zodra de voorzitter een casus opent"])]


def _backups(root: Path) -> list[FileReport]:
    """A backup that cannot be read (or a pipe, a folder named like one) is named: a restore
    from it is refused, and erasing a client waits until it is removed by hand."""
    from krachtoverleg.core.store.backup import list_backups

    return [FileReport(info.path, f"backups/{info.name}", [f"{info.problem}; verwijder of vervang hem"])
            for info in list_backups(root) if info.problem]


def _leftovers(root: Path) -> list[FileReport]:
    """Half-written copies a killed writer left: they may hold a whole client (a backup's holds
    every case), so they are named until the next writer removes them."""
    return [FileReport(path, str(path.relative_to(root)), [
                "is een halve kopie van een onderbroken schrijfactie (er kan cliëntinformatie in "
                "staan); wordt opgeruimd zodra krachtoverleg weer iets opslaat"])
            for folder in (root, root / "cases", root / "index", root / "backups", root / DRAFTS)
            for path in leftover_temp_files(folder)]
