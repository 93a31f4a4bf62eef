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
    MOST_PEOPLE,
    MOST_STEPS,
    PlanInput,
    client_plan_markdown,
    helpers,
    next_steps,
    short,
)
from krachtoverleg.core.export.files import render_client_plan
from krachtoverleg.core.export.formats import CLIENT_PLAN
from krachtoverleg.core.models import Action, Goal, Meeting, NetworkMember, Step, Strength
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.changes import Patch
from krachtoverleg.core.models.vocab import OwnerKind, StrengthKind
from krachtoverleg.core.rules.frozen import close
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
    """Thirty of everything, each text long, and a long plan B: more than one page holds."""
    meeting = store.load(demo.id).meetings()[-1]
    words = " en nog veel meer woorden" * 6
    for n in range(30):
        store.save(demo.id, Strength(StrengthKind.IK_KAN, f"iets goed kunnen nummer {n}{words}"))
        what = f"Een stap met een lange naam, nummer {n} van de dertig{words}"
        store.save(demo.id, Action(meeting.id, what, OwnerKind.CLIENT, TODAY + timedelta(days=n)))
        goal = Goal(f"Doel nummer {n}{words}", position=10 + n)
        store.save(demo.id, goal)
        for s in range(3):
            store.save(demo.id, Step(goal.id, f"Stap {s} van doel {n}{words}", position=s))
        store.save(demo.id, NetworkMember(f"Persoon {n}", f"vriend {n} die veel doet", "friends",
                                          organisation="Vereniging voor buren en vrienden"))
    store.apply(demo.id, Patch(Meeting, meeting.id, {
        "plan_b": "Als het niet lukt " * 40, "next_meeting": TODAY + timedelta(days=28),
        "evaluation_date": TODAY + timedelta(days=21)}))
    return store.load(demo.id)


def test_a_long_plan_stays_one_page_and_says_what_is_left_off(store, demo):
    data = _long(store, demo)
    text = client_plan_markdown(_plan(data), MADE)
    steps = next_steps(data, TODAY)
    assert f"En nog {len(steps) - MOST_STEPS} stappen" in text
    assert f"En nog {32 - MOST_GOALS} doelen: die staan" in text  # the demo's two and thirty more
    table_rows = [line for line in text.splitlines() if line.startswith("| ") and "Wanneer" not in line]
    assert len(table_rows) == MOST_STEPS
    assert len(text.splitlines()) <= 60  # the line budget of one A4 page
    assert len(text) <= 4000  # long texts are cut at a word, with '…'
    assert "…" in text and "En nog 1 mensen" not in text


def test_one_left_off_is_said_in_the_singular(store, demo):
    data = store.load(demo.id)
    for n in range(MOST_PEOPLE + 1 - len(helpers(data))):
        store.save(demo.id, NetworkMember(f"Persoon {n}", f"vriend {n}", "friends"))
    text = client_plan_markdown(_plan(store.load(demo.id)), MADE)
    assert "En nog iemand uit mijn netwerk." in text


def test_a_long_text_is_cut_after_a_whole_word():
    assert short("kort") == "kort"
    cut = short("de post openen " * 20, 30)
    assert len(cut) <= 30 and cut.endswith("…") and cut[:-1].split()[-1] in ("de", "post", "openen")


@pytest.mark.skipif(shutil.which("chromium") is None, reason="headless Chromium is not installed")
@pytest.mark.parametrize("long", [False, True], ids=["demo", "thirty-of-everything"])
def test_the_html_prints_on_one_a4_page(store, demo, tmp_path, long):
    """Made after the meeting closed, as at the end of a meeting: from the closed meeting's
    snapshot, like its minutes."""
    data = _long(store, demo) if long else store.load(demo.id)
    meeting = data.meetings()[-1]
    store.apply(demo.id, *close(data, meeting, MADE))
    data = store.load(demo.id)
    page = tmp_path / "plan.html"
    closed = data.get(Meeting, meeting.id)
    page.write_text(render_client_plan(data, closed, TODAY, MADE, "html", with_name=True), "utf-8")
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


def test_strengths_cut_for_the_page_are_counted(store, demo):
    """Whole strengths only, and every one left off counted: none hidden in a cut."""
    for n in range(3):
        store.save(demo.id, Strength(StrengthKind.IK_BEN, f"iemand die veel geduld heeft met anderen {n}"))
    data = store.load(demo.id)
    text = client_plan_markdown(_plan(data), MADE)
    line = next(line for line in text.splitlines() if line.startswith("- **Ik ben**"))
    shown = line.removeprefix("- **Ik ben** ").split(" en nog ")[0].split(", ")
    total = sum(s.kind is StrengthKind.IK_BEN for s in data.all(Strength))
    assert f"en nog {total - len(shown)}" in line and "…" not in line
