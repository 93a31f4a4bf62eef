"""Arbitrary text survives the store and the interchange format unchanged."""

from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from krachtoverleg.core.export.interchange import dumps, export_case, parse_case
from krachtoverleg.core.models import Case, NetworkMember, Strength
from krachtoverleg.core.models.vocab import Relation, StrengthKind
from krachtoverleg.core.store.folder_store import FolderStore

# Printable text of any script (emoji, right-to-left, combining marks), as people type it.
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=200).filter(
    lambda text: text.strip())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TEXT, min_size=1, max_size=5), name=TEXT)
def test_any_text_round_trips_through_store_and_interchange(tmp_path_factory, texts, name):
    root = tmp_path_factory.mktemp("store")
    with FolderStore.open(root, write=True) as store:
        case = store.create_case(Case(code="K-001", label="Test", client_name=name))
        store.save(case.id, *[Strength(StrengthKind.IK_KAN, text) for text in texts],
                   NetworkMember(name, "buur", Relation.NEIGHBOURS))
        data = store.load(case.id)
    saved = [s.text for s in data.all(Strength)]
    assert saved == [Strength(StrengthKind.IK_KAN, text).text for text in texts]
    document = export_case(data, datetime(2026, 11, 23))
    assert export_case(parse_case(dumps(document)), datetime(2026, 11, 23)) == document
