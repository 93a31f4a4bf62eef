"""A store written by schema 1 (kept in tests/fixtures, made by the version before issue 12)
opens, upgrades on the next save and loses nothing: every field of every record in its export
is still there with the same value."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

from krachtoverleg.core.export.files import render_minutes
from krachtoverleg.core.export.interchange import export_case
from krachtoverleg.core.models import Meeting, Snapshot, Strength
from krachtoverleg.core.models.vocab import MeetingStatus, StrengthKind
from krachtoverleg.core.rules.privacy import Names
from krachtoverleg.core.store.folder_store import CASES, FolderStore

FIXTURES = Path(__file__).parent.parent / "fixtures"
V1_CASE = "12b3d6f8b3544e3a9c8713e31c4c2d91"
MOMENT = datetime(2026, 12, 1, 9, 0)


def _v1_store(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    shutil.copytree(FIXTURES / "v1_store", root)
    return root


def _kept(old: object, new: object) -> bool:
    """Every old field, also inside nested records, is in the new one with the same value."""
    if isinstance(old, dict):
        return isinstance(new, dict) and all(key in new and _kept(old[key], new[key]) for key in old)
    if isinstance(old, list):
        return isinstance(new, list) and len(old) == len(new) and all(map(_kept, old, new))
    return old == new


def _same_old_fields(old: dict, new: dict) -> None:
    assert _kept(old["case"], new["case"])
    for table, records in old["records"].items():
        upgraded = {r["id"]: r for r in new["records"][table]}
        assert len(upgraded) == len(records), table
        for record in records:
            kept = upgraded[record["id"]]
            assert _kept(record, kept), (table, record["id"])


def test_the_fixture_is_schema_1():
    raw = json.loads((FIXTURES / "v1_store" / CASES / f"{V1_CASE}.json").read_text("utf-8"))
    assert raw["_meta"]["1"]["schema"] == 1 and "snapshots" not in raw


def test_a_schema_1_store_upgrades_on_the_next_save_and_loses_nothing(tmp_path):
    root = _v1_store(tmp_path)
    old = json.loads((FIXTURES / "v1_export.json").read_text("utf-8"))
    with FolderStore.open(root, write=True) as store:
        _same_old_fields(old, export_case(store.load(V1_CASE), MOMENT))
        store.save(V1_CASE, Strength(StrengthKind.IK_KAN, "goed luisteren"))
        written = json.loads((root / CASES / f"{V1_CASE}.json").read_text("utf-8"))
        assert written["_meta"]["1"]["schema"] == 3
        after = export_case(store.load(V1_CASE), MOMENT)
    _same_old_fields(old, {**after, "records": {
        **after["records"], "strengths": [s for s in after["records"]["strengths"]
                                          if s["text"] != "goed luisteren"]}})


def test_a_meeting_closed_before_the_upgrade_keeps_its_minutes_from_then_on(tmp_path):
    root = _v1_store(tmp_path)
    with FolderStore.open(root, write=True) as store:
        data = store.load(V1_CASE)
        closed = next(m for m in data.all(Meeting) if m.status is MeetingStatus.CLOSED)
        assert [s.meeting_id for s in data.all(Snapshot)] == [closed.id]
        before = render_minutes(data, closed, Names(), MOMENT, "md")
        strengths = [s.id for s in data.all(Strength)]
        store.delete(V1_CASE, Strength, *strengths)  # a later change to the case
        store.save(V1_CASE, Strength(StrengthKind.IK_BEN, "nieuw sinds toen"))
        later = store.load(V1_CASE)
        assert render_minutes(later, closed, Names(), MOMENT, "md") == before


def test_schema_3_makes_the_domains_scored_before_the_cases_choice(tmp_path):
    """Before schema 3 a case had no chosen ZRM domains; the form now offers only chosen ones,
    so the domains scored before become the choice and nothing measured drops out."""
    from krachtoverleg.core.models import ZrmScore
    from krachtoverleg.core.rules.progress import zrm_measures

    root = _v1_store(tmp_path)
    with FolderStore.open(root, write=True) as store:
        data = store.load(V1_CASE)
        scored = list(dict.fromkeys(s.domain for s in data.all(ZrmScore)))
        assert scored and data.case.zrm_domains == scored
        latest = data.meetings()[-1]
        assert {m.what for m in zrm_measures(data, latest)} >= set(scored)
