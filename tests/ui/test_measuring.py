"""Measuring in Terugblik by keyboard (issue 13): choose the ZRM domains (k), score two domains,
the rung and the client's own scale (m), and see the change since last time at once."""

from __future__ import annotations

from krachtoverleg.core.models import GoalScale, LadderScore, ZrmScore
from krachtoverleg.tui.dialogs.form import FormDialog

from .conftest import screen_text
from .test_layout import plain
from .test_stages import fill, go_to, stored


async def test_two_domains_a_rung_and_the_clients_scale_with_the_change(app, store_dir, demo):
    async with app.run_test(size=(120, 36)) as pilot:
        await go_to(pilot, "terugblik")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "vorige keer 3, in overleg 2; doel 4" in screen_text(app)  # Financiën, last time
        await fill(pilot, zrm_0="4", zrm_2="3", ladder="3", scale_0="6")
        data = stored(store_dir, demo)
        today = data.meetings()[-1]
        assert {(s.domain, s.level) for s in data.all(ZrmScore) if s.meeting_id == today.id} == {
            ("Financiën", 4), ("Geestelijke gezondheid", 3)}
        assert [s.rung for s in data.all(LadderScore) if s.meeting_id == today.id] == [3]
        assert [s.value for s in data.all(GoalScale) if s.meeting_id == today.id] == [6]
        shown = plain(app)
        assert "Financiën: 4 (↑ beter, +1 sinds overleg 2; doel 4)" in shown
        assert "Geestelijke gezondheid: 3 (→ gelijk sinds" in shown  # the line may wrap after it


async def test_the_domains_are_chosen_with_a_target(app, store_dir, demo):
    async with app.run_test(size=(120, 36)) as pilot:
        await go_to(pilot, "terugblik")
        await pilot.press("k")
        await pilot.pause()
        # 3: Huisvesting, chosen with target 3; 4: Huiselijke relaties, no longer chosen
        await fill(pilot, domain_3="3", domain_4="niet")
        case = stored(store_dir, demo).case
        assert case.zrm_domains == ["Financiën", "Huisvesting", "Geestelijke gezondheid"]
        assert case.zrm_targets == {"Financiën": 4, "Huisvesting": 3}


async def test_a_strength_and_an_action_are_tagged_with_a_capital_and_a_dimension(app, store_dir, demo):
    from krachtoverleg.core.models.vocab import Capital, Dimension
    from krachtoverleg.core.rules.trends import capital_grid

    async with app.run_test(size=(120, 36)) as pilot:
        await go_to(pilot, "krachten")
        await pilot.press("escape", "down", "e")  # the first strength of 'ik ben'
        await pilot.pause()
        await fill(pilot, capital="psychological", dimension="motivationeel")
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown", "pagedown", "pagedown", "a")
        await pilot.pause()
        await fill(pilot, what="Sport kiezen voor de zoon", owner="client", capital="social",
                   dimension="sociaal")
        grid = capital_grid(stored(store_dir, demo))
        assert grid[(Capital.PSYCHOLOGICAL, Dimension.MOTIVATIONEEL)].strengths == 1
        assert grid[(Capital.SOCIAL, Dimension.SOCIAAL)].actions == 1


async def test_a_number_list_takes_digits_and_ignores_letters(app, store_dir, demo):
    async with app.run_test(size=(120, 36)) as pilot:
        await go_to(pilot, "terugblik")
        await pilot.press("m")
        await pilot.pause()
        ladder = app.screen.query_one("#field-ladder")
        assert ladder.value == "3"  # the demo measured rung 3 today
        ladder.focus()
        await pilot.press("e", "a")  # letters in the words of the rungs: nothing is picked
        await pilot.pause()
        assert ladder.value == "3"
        await pilot.press("4")
        await pilot.pause()
        assert ladder.value == "4"


async def test_the_overview_shows_the_pictures_and_scores_an_open_meeting(app, store_dir, demo):
    from krachtoverleg.tui.screens.case_overview import CaseOverviewScreen
    from krachtoverleg.tui.screens.progress_pictures import ProgressPicturesScreen

    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("o", "g")
        await pilot.pause()
        assert isinstance(app.screen, ProgressPicturesScreen)
        shown = plain(app)
        assert "Financiën · doel 4" in shown and "3 ↑ beter, +1" in shown  # ZRM, the change in words
        assert "2 / 1 / 1 / 3" in shown  # meeting 1's balance: client and network, together, pro, open
        assert "niets" in shown  # a forgotten corner of the capital grid
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CaseOverviewScreen)
        await pilot.press("m")  # the cursor is on meeting 1: closed, its scores stay as they were
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog) and "gesloten" in plain(app)
        await pilot.press("down", "down", "m")  # meeting 3, open today
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await fill(pilot, zrm_1="2", ladder="3")
        assert isinstance(app.screen, CaseOverviewScreen)
        data = stored(store_dir, demo)
        today = data.meetings()[-1]
        assert {(s.domain, s.level) for s in data.all(ZrmScore) if s.meeting_id == today.id} == {
            ("Financiën", 3), ("Huiselijke relaties", 2)}
        assert "↓ minder, -1" in plain(app)  # Huiselijke relaties, in the overview's table at once
        await pilot.press("g")
        await pilot.pause()
        assert "2 ↓ minder, -1" in plain(app)  # the pictures show today's score too


async def test_keys_in_a_burst_each_scroll_the_pictures(app, demo):
    """Found by a new user in tmux: six ↓ in one burst moved the view one line (each key
    restarted the scroll's animation)."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o", "g")
        await pilot.pause()
        view = app.screen.query_one("#pictures")
        await pilot.press(*["down"] * 6)
        await pilot.pause()
        assert view.scroll_y == 6
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert view.scroll_y == 6 + 2 * (view.size.height - 2)
        await pilot.press("home")
        await pilot.pause()
        assert view.scroll_y == 0
