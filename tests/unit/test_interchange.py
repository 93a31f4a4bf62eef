import json

import pytest

from krachtoverleg.core.errors import InterchangeError
from krachtoverleg.core.export.interchange import dumps, export_case, parse_case
from krachtoverleg.core.store.folder_store import FolderStore


def test_export_import_export_is_lossless(store, demo, clock, tmp_path):
    first = export_case(store.load(demo.id), clock.now())
    data = parse_case(dumps(first))
    with FolderStore.open(tmp_path / "other", write=True) as other:
        other.create_case(data.case, [r for records in data.records.values() for r in records])
        second = export_case(other.load(demo.id), clock.now())
    assert second == first


def test_the_export_holds_every_record_type(store, demo, clock):
    document = export_case(store.load(demo.id), clock.now())
    assert document["format"] == "krachtoverleg-case" and document["version"] == 3
    assert document["case"]["client_name"] == "Petra de Vries"
    assert all(document["records"][table] for table in (
        "meetings", "strengths", "resources", "network", "ambitions", "needs", "goals", "steps",
        "actions", "decisions", "zrm_scores", "ladder_scores", "goal_scales", "snapshots"))
    assert document["case"]["zrm_domains"] == ["Financiën", "Huiselijke relaties", "Geestelijke gezondheid"]
    assert document["case"]["zrm_targets"] == {"Financiën": 4}


@pytest.mark.parametrize("change, message", [
    (lambda d: "{not json", "geen geldige JSON"),
    (lambda d: json.dumps({**d, "version": 7}), "Versie 7"),
    (lambda d: json.dumps({**d, "format": "iets"}), "geen casusbestand"),
    (lambda d: json.dumps({**d, "case": {**d["case"], "code": "???"}}), "Casuscode"),
    (lambda d: json.dumps({**d, "records": {**d["records"], "pets": []}}), "Onbekende soort"),
    (lambda d: json.dumps({**d, "records": {**d["records"], "strengths": [{"kind": "ik_ben"}]}}),
     "ontbreekt"),
    (lambda d: json.dumps({**d, "records": {**d["records"], "steps": [
        {**d["records"]["steps"][0], "goal_id": "nowhere"}]}}), "verwijst"),
    (lambda d: json.dumps({**d, "records": {**d["records"], "meetings": [
        {**d["records"]["meetings"][0], "date": "2026-13-01"}]}}), "geen bestaande datum"),
    (lambda d: json.dumps({**d, "records": {**d["records"], "goal_scales": [
        {**d["records"]["goal_scales"][0], "value": 12}]}}), "0 tot 10"),
    (lambda d: json.dumps({**d, "records": {**d["records"], "goal_scales": [
        {**d["records"]["goal_scales"][0], "goal_id": "nowhere"}]}}), "verwijst"),
    (lambda d: json.dumps({**d, "case": {**d["case"], "zrm_domains": ["Sterrenkunde"]}}), "kennen we niet"),
])
def test_bad_files_are_refused_with_a_clear_message(store, demo, clock, change, message):
    document = export_case(store.load(demo.id), clock.now())
    with pytest.raises(InterchangeError, match=message):
        parse_case(change(document))
