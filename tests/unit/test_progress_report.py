"""The progress report (issue 13): six pictures with their numbers as text, a gap where nothing
was measured, the balance as each meeting left it, the CSP as strict as the minutes', and
hostile text drawn as characters, never run."""

from __future__ import annotations

from datetime import datetime

from krachtoverleg.core.export.formats import PROGRESS, ProgressInput
from krachtoverleg.core.models import Goal, Step, StepDecision, ZrmScore
from krachtoverleg.core.models.changes import Patch, Remove
from krachtoverleg.core.models.vocab import Capital, Carrier, Dimension
from krachtoverleg.core.rules.privacy import Names
from krachtoverleg.core.rules.trends import balance_series, capital_grid, carriers_by_domain, zrm_series

from .test_minutes import HOSTILE, _everything, _hostile, _tags

MOMENT = datetime(2027, 1, 11, 12, 0)


def _three(store, demo):
    """The demo's three meetings, with Huiselijke relaties not scored in meeting 2."""
    data = store.load(demo.id)
    second = next(m for m in data.meetings() if m.number == 2)
    skipped = next(s for s in data.all(ZrmScore)
                   if s.meeting_id == second.id and s.domain == "Huiselijke relaties")
    store.apply(demo.id, Remove(ZrmScore, skipped.id))
    return store.load(demo.id), second


def test_a_domain_not_scored_in_meeting_2_leaves_a_gap(store, demo):
    data, _ = _three(store, demo)
    relations = next(s for s in zrm_series(data) if s.name == "Huiselijke relaties")
    assert relations.points == [(1, 3), (2, None), (3, None)]
    money = next(s for s in zrm_series(data) if s.name == "Financiën")
    assert money.points == [(1, 2), (2, 3), (3, 3)] and money.target == 4


def test_each_meetings_balance_is_as_it_left_it(store, demo):
    data, _ = _three(store, demo)
    step = next(s for s in data.all(Step) if s.text.startswith("(Extra) werk"))
    store.apply(demo.id, Patch(Step, step.id, {"decision": StepDecision(Carrier.ZELF)}))  # in meeting 3
    data = store.load(demo.id)
    by_number = {m.number: b for m, b in balance_series(data)}
    assert (by_number[1].client_and_network, by_number[1].together, by_number[1].open) == (2, 1, 3)
    assert (by_number[2].client_and_network, by_number[2].open) == (3, 1)  # as meeting 2 closed
    assert (by_number[3].client_and_network, by_number[3].open) == (3, 0)  # now, in the open meeting


def test_who_carries_per_life_domain_and_the_capital_grid(store, demo):
    data = store.load(demo.id)
    money = carriers_by_domain(data)["Financiën"]
    assert (money.zelf, money.netwerk, money.professional, money.open) == (0, 1, 1, 1)
    goal = next(g for g in data.all(Goal) if g.life_domain == "Financiën")
    assert capital_grid(data)[(Capital.ECONOMIC, Dimension.COMPETENTIONEEL)].goals == 1
    assert capital_grid(data)[(Capital.SOCIAL, Dimension.SOCIAAL)].strengths == 2  # broer, buurvrouw
    assert capital_grid(data)[(Capital.SOCIETAL, Dimension.COMPETENTIONEEL)].total == 0  # forgotten
    assert goal.capital is Capital.ECONOMIC


def test_the_report_states_every_number_in_text_and_draws_it(store, demo):
    data, _ = _three(store, demo)
    text = PROGRESS.formats["md"].render(ProgressInput(data, Names()), MOMENT)
    assert "| Financiën | 2 | 3 | 3 | 4 |" in text
    assert "| Huiselijke relaties | 3 | - | - | - |" in text
    page = PROGRESS.formats["html"].render(ProgressInput(data, Names()), MOMENT)
    assert page.count("<svg") >= 6 and "doel 4" in page
    grid = page[page.index('aria-label="Kapitaal en dimensie"'):]
    assert ">niets</text>" in grid and ">3</text>" in grid  # economisch x kunnen: a kracht, a doel, an actie
    assert "Petra" not in page  # pseudonymised by default


def test_hostile_text_in_the_report_is_inert_and_the_policy_as_strict(store, demo):
    data, _ = _three(store, demo)
    data.records["changes"] = []  # the log is not shown in the report
    hostile = _everything(data, _hostile)
    page = PROGRESS.formats["html"].render(ProgressInput(hostile, Names(show_names=True)), MOMENT)
    found = _tags(page)
    assert "<script" not in page and "<img" not in page and "<style" in page  # only the page's own
    assert not [name for name, _ in found.attrs if name.startswith("on") or name in ("href", "src", "style")]
    assert "default-src 'none'" in page and "script-src 'none'" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # drawn as characters
    assert HOSTILE not in page


def test_the_overview_says_not_measured_rather_than_first_measurement(store, demo):
    from krachtoverleg.core.rules.trends import trend_lines

    lines = {line.what: line for line in trend_lines(store.load(demo.id))}
    assert lines["ZRM Huiselijke relaties"].course == "3 → 3 → -"
    assert lines["ZRM Huiselijke relaties"].change == "niet gemeten (vorige keer 3)"
    assert lines["ZRM Financiën"].course == "2 → 3 → 3 (doel 4)"
    assert lines["ZRM Financiën"].change == "→ gelijk"
