import json
import os
import stat

import pytest

from krachtoverleg.core.errors import (
    StoreBusy,
    StoreError,
    UnknownCase,
    ValidationError,
)
from krachtoverleg.core.models import Action, Case, Meeting, Strength
from krachtoverleg.core.models.agenda import StageKey
from krachtoverleg.core.models.changes import Patch, Put, Remove, edit
from krachtoverleg.core.models.vocab import ActionStatus, StrengthKind
from krachtoverleg.core.rules.meetings import meeting_for_today
from krachtoverleg.core.store import schema
from krachtoverleg.core.store.folder_store import CASES, INDEX, FolderStore


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_saved_record_is_on_disk_at_once_for_another_reader(store, store_dir, demo):
    store.save(demo.id, Strength(StrengthKind.IK_KAN, "goed koken"))
    reader = FolderStore.open(store_dir, write=False)
    texts = [s.text for s in reader.load(demo.id).all(Strength)]
    assert "goed koken" in texts


def test_update_and_delete(store, demo):
    strength = Strength(StrengthKind.IK_KAN, "koken")
    store.save(demo.id, strength)
    store.save(demo.id, strength.replace(text="heel goed koken", dimension="competentioneel"))
    store.save(demo.id, strength.replace(text="koken", dimension=None))
    saved = store.load(demo.id).get(Strength, strength.id)
    assert saved.text == "koken" and saved.dimension is None
    store.delete(demo.id, Strength, strength.id)
    assert store.load(demo.id).get(Strength, strength.id) is None


def test_folder_is_0700_and_files_0600_even_with_umask_022(tmp_path, clock):
    old = os.umask(0o022)
    try:
        root = tmp_path / "private"
        with FolderStore.open(root, write=True) as store:
            from krachtoverleg.core.demo import add_demo
            add_demo(store, clock.today())
        assert mode(root) == 0o700 and mode(root / CASES) == 0o700
        files = [p for p in root.rglob("*") if p.is_file()]
        assert len(files) >= 3
        assert all(mode(p) == 0o600 for p in files), {p.name: oct(mode(p)) for p in files}
    finally:
        os.umask(old)


def test_wider_permissions_are_narrowed_and_reported(store_dir, store, demo):
    """The case files are made private by the open's one look at each (not a second stat);
    everything else by the walk over the folders. A reader changes nothing."""
    store.close()
    shard = next((store_dir / INDEX).glob("*.json"))
    case_file = store_dir / CASES / f"{demo.id}.json"
    stray = store_dir / CASES / "notes.txt"  # not named like a case: the walk's
    stray.write_text("x")
    for path, wide in ((store_dir, 0o755), (shard, 0o644), (case_file, 0o644), (stray, 0o664)):
        os.chmod(path, wide)
    FolderStore.open(store_dir, write=False).close()
    assert mode(case_file) == 0o644
    with FolderStore.open(store_dir, write=True) as again:
        assert sorted(p.name for p in again.fixed_permissions) == sorted(
            [store_dir.name, shard.name, case_file.name, stray.name])
    assert mode(store_dir) == 0o700 and mode(shard) == 0o600
    assert mode(case_file) == 0o600 and mode(stray) == 0o600


def test_leftover_temp_files_are_removed_at_start(store_dir, store, demo):
    store.close()
    leftover = store_dir / CASES / f".{demo.id}.json.123.abcd.tmp"
    leftover.write_text("{half")
    with FolderStore.open(store_dir, write=True):
        assert not leftover.exists()


def test_one_writer_at_a_time_but_readers_still_work(store_dir, store, demo):
    with pytest.raises(StoreBusy, match="ander venster"):
        FolderStore.open(store_dir, write=True)
    reader = FolderStore.open(store_dir, write=False)
    assert [s.code for s in reader.cases()] == ["K-001"]
    with pytest.raises(StoreError, match="lezen"):
        reader.save(demo.id, Strength(StrengthKind.IK_BEN, "moedig"))


def test_cases_resolve_by_code_or_id(store, demo):
    assert store.resolve("k-001").id == demo.id
    assert store.resolve(demo.id).code == "K-001"
    with pytest.raises(UnknownCase):
        store.resolve("K-404")


def test_duplicate_codes_are_refused(store, demo):
    with pytest.raises(ValidationError, match="al een casus"):
        store.create_case(Case(code="K-001", label="Ander"))
    assert store.next_code() == "K-002"


def test_the_index_follows_open_actions_and_planned_meetings(store, demo, clock):
    summary = store.resolve("K-001")
    assert summary.open_actions == 2  # one not started, one partly done: both still to do
    assert summary.next_meeting(clock.today()) == clock.today()
    for action in [a for a in store.load(demo.id).all(Action) if a.is_open]:
        store.save(demo.id, action.replace(status=ActionStatus.DONE))
    assert store.resolve("K-001").open_actions == 0


def test_a_save_that_changes_nothing_in_the_list_leaves_the_index_alone(store, store_dir, demo):
    def index_state():
        return {p.name: p.stat().st_mtime_ns for p in (store_dir / INDEX).glob("*")}

    before = index_state()
    store.save(demo.id, Strength(StrengthKind.IK_BEN, "geduldig"))
    assert index_state() == before


def test_a_missing_or_stale_index_is_rebuilt_from_the_case_files(store_dir, store, demo):
    store.close()
    for shard in (store_dir / INDEX).glob("*"):
        shard.unlink()
    with FolderStore.open(store_dir, write=True) as again:
        assert [s.code for s in again.cases()] == ["K-001"]
        assert list((store_dir / INDEX).glob("*.json"))


def test_a_damaged_case_file_is_named_and_never_overwritten(store_dir, store, demo):
    store.close()
    path = store_dir / CASES / f"{demo.id}.json"
    path.write_text('{"case": {"1": ')
    with FolderStore.open(store_dir, write=True) as again:
        assert again.cases()[0].damaged
        with pytest.raises(StoreError, match="beschadigd"):
            again.load(demo.id)
        with pytest.raises(StoreError):
            again.save(demo.id, Strength(StrengthKind.IK_BEN, "moedig"))
    assert path.read_text() == '{"case": {"1": '


def test_meeting_for_today_reuses_the_open_one_or_starts_a_new_one(store, demo, clock):
    today = clock.today()
    assert meeting_for_today(store, demo.id, today).number == 3
    from datetime import timedelta
    later = meeting_for_today(store, demo.id, today + timedelta(days=14))
    assert later.number == 4 and [a.name for a in later.attendees][:1] == ["Petra de Vries"]
    assert len(store.load(demo.id).all(Meeting)) == 4


def test_older_schema_versions_are_upgraded_and_written_back(store_dir, store, demo, monkeypatch):
    path = store_dir / CASES / f"{demo.id}.json"
    raw = json.loads(path.read_text())
    for doc in raw["strengths"].values():  # pretend today's version called the text "label"
        doc["label"] = doc.pop("text")
    path.write_text(json.dumps(raw))

    def rename_label_to_text(data):
        for doc in data["strengths"].values():
            doc["text"] = doc.pop("label")
        return data

    now = schema.SCHEMA_VERSION
    monkeypatch.setattr(schema, "SCHEMA_VERSION", now + 1)
    monkeypatch.setitem(schema.MIGRATIONS, now, rename_label_to_text)
    monkeypatch.setattr("krachtoverleg.core.store.folder_store.SCHEMA_VERSION", now + 1)
    data = store.load(demo.id)
    assert "een doorzetter" in [s.text for s in data.all(Strength)]
    store.save(demo.id, Strength(StrengthKind.IK_BEN, "moedig"))
    written = json.loads(path.read_text())
    assert written["_meta"]["1"]["schema"] == now + 1
    assert all("text" in doc for doc in written["strengths"].values())


def test_a_file_from_a_newer_version_is_refused(store_dir, store, demo):
    path = store_dir / CASES / f"{demo.id}.json"
    raw = json.loads(path.read_text())
    raw["_meta"]["1"]["schema"] = 99
    path.write_text(json.dumps(raw))
    with pytest.raises(StoreError, match="nieuwere versie"):
        store.load(demo.id)


def test_a_failed_change_writes_nothing(store, store_dir, demo):
    path = store_dir / CASES / f"{demo.id}.json"
    before = path.read_bytes()
    fine = Put(Strength(kind=StrengthKind.IK_BEN, text="half"))
    with pytest.raises(StoreError, match="bestaat niet meer"):
        store.apply(demo.id, fine, Patch(Strength, "no-such-id", {"text": "x"}))
    with pytest.raises(ValidationError):
        store.apply(demo.id, fine, Patch(Meeting, store.load(demo.id).meetings()[0].id, {"number": -1}))
    assert path.read_bytes() == before


def test_names_are_shown_at_start_only_when_the_team_wrote_so_in_the_settings_file(store_dir, store):
    assert store.settings.names_at_start is False
    settings = store_dir / "settings.json"
    settings.write_text('{"privacy": false}')  # what an older version remembered after F4
    assert FolderStore.open(store_dir, write=False).settings.names_at_start is False
    settings.write_text('{"names_at_start": "ja"}')  # only a plain true counts
    assert FolderStore.open(store_dir, write=False).settings.names_at_start is False
    settings.write_text('{"names_at_start": true}')
    assert FolderStore.open(store_dir, write=False).settings.names_at_start is True


def test_a_form_saved_from_an_older_copy_changes_only_what_the_user_changed(store, demo):
    """The stale-copy bug: the time and stage saved while a form was open must survive it."""
    stale = store.load(demo.id).meetings()[-1]
    store.apply(demo.id, Patch(Meeting, stale.id, {"stage_seconds": {"opening": 20},
                                                   "current_stage": StageKey.AFSLUITING}))
    applied = store.apply(demo.id, edit(stale, stale.replace(summary="Goed overleg.")))
    stored = store.load(demo.id).get(Meeting, stale.id)
    assert stored is not None and applied.written == [stored]
    assert stored.summary == "Goed overleg."
    assert stored.stage_seconds == {"opening": 20}
    assert stored.current_stage is StageKey.AFSLUITING


def test_apply_hands_back_what_it_wrote_and_what_it_removed(store, demo):
    strength = Strength(StrengthKind.IK_KAN, "fietsen")
    applied = store.apply(demo.id, Put(strength), Patch(Strength, strength.id, {"text": "hard fietsen"}))
    assert [s.text for s in applied.written] == ["fietsen", "hard fietsen"]
    applied = store.apply(demo.id, Remove(Strength, strength.id))
    assert applied.removed == [(Strength, strength.id)]
    assert store.load(demo.id).get(Strength, strength.id) is None


def test_case_files_are_written_compactly(store, store_dir, demo):
    store.save(demo.id, Strength(StrengthKind.IK_KAN, "koken"))
    assert b"\n" not in (store_dir / CASES / f"{demo.id}.json").read_bytes().strip()


def test_a_chair_whose_heartbeat_stopped_is_gone():
    from datetime import datetime, timedelta

    from krachtoverleg.core.store.presence import GONE_SECONDS, Presence, chair_is_gone

    now = datetime(2026, 11, 23, 10, 0)
    assert chair_is_gone(None, now)
    assert not chair_is_gone(Presence(case_id="c", alive=now.isoformat()), now)
    stale = now - timedelta(seconds=GONE_SECONDS + 1)
    assert chair_is_gone(Presence(case_id="c", alive=stale.isoformat()), now)
    assert chair_is_gone(Presence(case_id="c", alive="not a time"), now)
