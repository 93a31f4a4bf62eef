"""The minutes: golden files of the demo, both formats; hostile text stays inert."""

from __future__ import annotations

import dataclasses
import os
import re
from enum import Enum
from html.parser import HTMLParser
from pathlib import Path

import pytest

from krachtoverleg.core.export.files import render_minutes
from krachtoverleg.core.export.minutes import SECTIONS, choose_meeting
from krachtoverleg.core.models import Attendee, Case, Meeting, StepDecision
from krachtoverleg.core.models.agenda import AGENDA
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.record import Record
from krachtoverleg.core.rules.privacy import Names
from tests.conftest import MOMENT

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("KRACHTOVERLEG_UPDATE_GOLDEN") == "1"

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>[a](javascript:alert(3))|# h\n- l *J* &amp;'
SHORT_HOSTILE = '<script>x</script><b onclick=y>[a](javascript:z)|# *J*'  # for 60-character fields
# Fields that hold ids, codes or fixed choices, not free text.
NOT_FREE_TEXT = {"id", "code", "meeting_id", "goal_id", "step_id", "owner_id", "member_id", "domain",
                 "life_domain", "current_stage", "kind", "status", "carrier", "reason", "relation"}


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.write_text(text, "utf-8")
        if not UPDATE:
            pytest.fail(f"{name} was missing and has been written; check it and run again")
    assert text == path.read_text("utf-8"), f"{name} changed; if that is right: KRACHTOVERLEG_UPDATE_GOLDEN=1"


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("meeting", ["1", "latest"])
def test_demo_minutes_match_the_golden_files(store, demo, fmt, meeting):
    data = store.load(demo.id)
    text = render_minutes(data, choose_meeting(data, meeting), Names(), MOMENT, fmt)
    _golden(f"demo-minutes-{meeting}.{fmt}", text)


def test_every_agenda_stage_has_a_section_in_order(store, demo):
    assert list(SECTIONS) == [stage.key for stage in AGENDA]
    data = store.load(demo.id)
    text = render_minutes(data, choose_meeting(data, "1"), Names(), MOMENT, "md")
    positions = [text.index(f"## {n}. {stage.title}") for n, stage in enumerate(AGENDA, start=1)]
    assert positions == sorted(positions)
    tail = text[positions[-1]:]
    assert tail.index("## Besluitenlijst") < tail.index("## Actielijst") < tail.index("## Evaluatie")


def test_default_minutes_are_pseudonymised_and_full_names_are_a_choice(store, demo):
    data = store.load(demo.id)
    meeting = choose_meeting(data, "1")
    private = render_minutes(data, meeting, Names(show_names=True), MOMENT, "md")
    shared = render_minutes(data, meeting, Names(), MOMENT, "md")
    for name in ("Petra de Vries", "Kees de Vries", "Ayşe Yılmaz", "Sanne Bos", "Marco Jansen"):
        assert name not in shared
    assert "Petra de Vries" in private and "Ayşe Yılmaz" in private and "VERTROUWELIJK" in private
    assert "broer" in shared and "S.B." in shared


def _hostile(record: Record) -> Record:
    changes = {}
    for field in dataclasses.fields(record):  # type: ignore[arg-type]
        value = getattr(record, field.name)
        free_text = value and field.name not in NOT_FREE_TEXT
        if isinstance(value, str) and not isinstance(value, Enum) and free_text:
            changes[field.name] = HOSTILE if field.name not in ("label", "role") else SHORT_HOSTILE
        elif isinstance(value, list) and value and isinstance(value[0], Attendee):
            changes[field.name] = [_hostile(a) for a in value]
        elif isinstance(value, StepDecision):
            changes[field.name] = _hostile(value)
    return record.replace(**changes) if changes else record


def _everything(data: CaseData, change) -> CaseData:
    records = {table: [change(r) for r in items] for table, items in data.records.items()}
    return CaseData(change(data.case), records)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)


def _tags(text: str) -> _Tags:
    parser = _Tags()
    parser.feed(text)
    return parser


@pytest.mark.parametrize("names", [Names(), Names(show_names=True)], ids=["shared", "private"])
def test_hostile_text_in_every_field_is_inert(store, demo, names):
    plain = store.load(demo.id)
    hostile = _everything(plain, _hostile)
    assert hostile.case.hulpvraag == HOSTILE and hostile.all(Meeting)[0].chair == " ".join(HOSTILE.split())
    meeting = choose_meeting(hostile, "1")
    page = render_minutes(hostile, meeting, names, MOMENT, "html")
    found = _tags(page)
    allowed = {"html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "p", "ul", "ol",
               "li", "strong", "em", "table", "thead", "tbody", "tr", "th", "td", "br"}
    assert set(found.tags) <= allowed
    assert not [name for name, _ in found.attrs if name.startswith("on") or name in ("href", "src")]
    assert "<script" not in page and "<img" not in page

    # The structure is that of the same minutes with harmless text: nothing was added or broken.
    calm = _everything(plain, lambda r: r)
    calm_page = render_minutes(calm, choose_meeting(calm, "1"), names, MOMENT, "html")
    def skeleton(text: str) -> list[str]:  # multi-line text adds line breaks, nothing else
        return [tag for tag in _tags(text).tags if tag != "br"]

    assert skeleton(page) == skeleton(calm_page)

    markdown = render_minutes(hostile, meeting, names, MOMENT, "md")
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    calm_headings = [line for line in render_minutes(calm, choose_meeting(calm, "1"), names, MOMENT, "md")
                     .splitlines() if line.startswith("#")]
    assert len(headings) == len(calm_headings)
    for line in markdown.splitlines():
        if line.startswith("|"):  # every row of a table has as many columns as its header
            assert len(re.findall(r"(?<!\\)\|", line)) in {2, 3, 4, 5, 6, 7, 8}


def test_the_html_page_is_self_contained_with_a_strict_policy(store, demo):
    data = store.load(demo.id)
    page = render_minutes(data, choose_meeting(data, "latest"), Names(), MOMENT, "html")
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "script-src 'none'" in page and "@page { size: A4" in page
    assert "<script" not in page and "http://" not in page and "https://" not in page


def test_choosing_a_meeting(store, demo):
    data = store.load(demo.id)
    assert choose_meeting(data, "latest").number == 3
    assert choose_meeting(data, 1).number == 1
    with pytest.raises(Exception, match="geen overleg 9"):
        choose_meeting(data, "9")
    with pytest.raises(Exception, match="nummer"):
        choose_meeting(data, "gisteren")
    empty = CaseData(Case(code="K-002", label="Leeg"))
    with pytest.raises(Exception, match="nog geen overleg"):
        choose_meeting(empty, "latest")
