"""Mijn plan (issue 14): the client's own copy, one A4 page in plain Dutch, friendly dates, no
'te laat', no scores, no notes about other people, names by role; the client's own name only
when asked; hostile text inert; the same CSP as the minutes."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime, timedelta

import pytest

from krachtoverleg.core.export.client_plan import (
    MOST_GOALS,
    MOST_STEPS,
    PlanInput,
    client_plan_markdown,
    next_steps,
)
from krachtoverleg.core.export.formats import CLIENT_PLAN
from krachtoverleg.core.models import Action, Goal, NetworkMember, Strength
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.vocab import OwnerKind, StrengthKind
from krachtoverleg.core.rules.wording import friendly_day
from tests.unit.cli_run import run

from .test_minutes import HOSTILE, _everything, _hostile, _tags

MADE = datetime(2026, 11, 23, 11, 0)
TODAY = MADE.date()


def _plan(data: CaseData, with_name: bool = False) -> PlanInput:
    return PlanInput(data, data.meetings()[-1], TODAY, with_name)


def test_dates_are_said_as_people_say_them():
    assert friendly_day(date(2026, 12, 11), TODAY) == "vrijdag 11 december"
    assert friendly_day(date(2027, 1, 4), TODAY) == "maandag 4 januari 2027"


def test_the_plan_speaks_to_the_client_and_leaves_out_the_professionals_file(store, demo):
    data = store.load(demo.id)
    text = client_plan_markdown(_plan(data), MADE)
    assert "## Waar ik goed in ben" in text and "**Ik kan** goed koken voor weinig geld" in text
    assert "| Lijst maken van alle vaste lasten | mijn broer | zo snel als het lukt |" in text  # was due
    assert "te laat" not in text and "⚠" not in text
    for jargon in ("ZRM", "ladder", "trede", "zelfredzaam", "casus", "Financiën 3", "kapitaal"):
        assert jargon not in text
    for note in ("alimentatie", "Twee van de vijf", "Helpt met de papieren en opent"):
        assert note not in text  # notes about others and the team's remarks stay in the file
    for name in ("Petra", "Vries", "Kees", "Ayşe", "Marco", "Truus", "Sanne"):
        assert name not in text
    assert "ex-partner" not in text  # someone who makes things harder is not 'who to call'
    assert "Dit doe ik weer zelf: Schuldeisers bellen" in text  # the professional's hand-back


def test_the_clients_name_only_when_asked(store, demo):
    data = store.load(demo.id)
    assert "Petra de Vries" in client_plan_markdown(_plan(data, with_name=True), MADE)
    assert "Petra" not in client_plan_markdown(_plan(data), MADE)


def _long(store, demo) -> CaseData:
    """Thirty of everything: more than one page holds."""
    meeting = store.load(demo.id).meetings()[-1]
    for n in range(30):
        store.save(demo.id, Strength(StrengthKind.IK_KAN, f"iets goed kunnen nummer {n}"))
        store.save(demo.id, Action(meeting.id, f"Een stap met een lange naam, nummer {n} van de dertig",
                                   OwnerKind.CLIENT, TODAY + timedelta(days=n)))
        store.save(demo.id, Goal(f"Doel nummer {n}", position=10 + n))
        store.save(demo.id, NetworkMember(f"Persoon {n}", f"vriend {n}", "friends"))
    return store.load(demo.id)


def test_a_long_plan_stays_one_page_and_says_what_is_left_off(store, demo):
    data = _long(store, demo)
    text = client_plan_markdown(_plan(data), MADE)
    steps = next_steps(data, TODAY)
    assert f"En nog {len(steps) - MOST_STEPS} stappen" in text
    assert f"En nog {32 - MOST_GOALS} doelen" in text  # the demo's two and thirty more
    table_rows = [line for line in text.splitlines() if line.startswith("| ") and "Wanneer" not in line]
    assert len(table_rows) == MOST_STEPS
    assert len(text.splitlines()) <= 60  # the line budget of one A4 page
    assert len(text) <= 6000  # thirty strengths of 'ik kan' fit on one line each kind, not thirty


@pytest.mark.skipif(shutil.which("chromium") is None, reason="headless Chromium is not installed")
@pytest.mark.parametrize("long", [False, True], ids=["demo", "thirty-of-everything"])
def test_the_html_prints_on_one_a4_page(store, demo, tmp_path, long):
    data = _long(store, demo) if long else store.load(demo.id)
    page = tmp_path / "plan.html"
    page.write_text(CLIENT_PLAN.formats["html"].render(_plan(data, with_name=True), MADE), "utf-8")
    pdf = tmp_path / "plan.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={pdf}",
                    page.as_uri()], check=True, capture_output=True, timeout=120)
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf.read_bytes())) == 1


def test_hostile_text_in_the_plan_stays_inert(store, demo):
    data = _everything(store.load(demo.id), _hostile)
    page = CLIENT_PLAN.formats["html"].render(_plan(data, with_name=True), MADE)
    found = _tags(page)
    assert "<script" not in page and "<img" not in page
    assert not [name for name, _ in found.attrs if name.startswith("on") or name in ("href", "src", "style")]
    assert "default-src 'none'" in page and "script-src 'none'" in page
    assert HOSTILE not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_calendar_holds_only_the_clients_own_steps_with_a_kind_reminder(store, demo):
    from icalendar import Calendar

    data = store.load(demo.id)
    ics = CLIENT_PLAN.formats["ics"].render(_plan(data), MADE)
    events = Calendar.from_ical(ics).walk("VEVENT")
    assert [str(e.get("summary")) for e in events] == [
        "Dit doe ik weer zelf: Schuldeisers bellen voor een betalingsregeling"]
    alarm = events[0].walk("VALARM")[0]
    assert "Je hoeft het niet alleen te doen" in str(alarm.get("description"))
    assert "te laat" not in ics


def test_the_command_line_writes_the_plan_and_refuses_bad_input(tmp_path, capsys, clock):
    root = tmp_path / "s"
    assert run(capsys, clock, "--store", str(root), "demo")[0] == 0
    target = tmp_path / "mijn-plan.html"
    code, _, err = run(capsys, clock, "--store", str(root), "client-plan", "K-001", "-o", str(target))
    assert code == 0 and str(target) in err and "Mijn plan" in target.read_text("utf-8")
    for argv in (["client-plan", "K-404"], ["client-plan", "K-001", "--format", "pdf"],
                 ["client-plan", "K-001", "--meeting", "9"],
                 ["client-plan", "K-001", "-o", str(tmp_path / "nope" / "p.html")]):
        code, _, err = run(capsys, clock, "--store", str(root), *argv)
        assert code == 2 and err.strip() and "Traceback" not in err, argv
