"""The small things of issue 20: every key in a closed meeting explains itself, and the palette
lists the stages in the order of the agenda."""

from __future__ import annotations

from textual.command import CommandList

from krachtoverleg.core.models.agenda import AGENDA, StageKey, stage_index, stage_number

from .test_stages import go_to


async def test_g_and_h_in_a_closed_meeting_say_why_they_do_nothing(app, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(pilot, StageKey.AFSLUITING)
        await pilot.press("c", "j")
        await pilot.pause()
        for stage, key in ((StageKey.OPENING, "h"), (StageKey.OPENING, "g"), (StageKey.TERUGBLIK, "g")):
            app.clear_notifications()
            app.screen._last_notice = ""  # each key's own notice, not one merged with the last
            await app.screen.go_to(stage)
            await pilot.press(key)
            await pilot.pause()
            said = [str(n.message) for n in app._notifications]
            assert any("gesloten" in message for message in said), (stage, key, said)


async def test_the_palette_lists_the_stages_in_agenda_order(app, demo):
    async with app.run_test(size=(120, 36)) as pilot:
        await go_to(pilot, StageKey.KRACHTEN)
        await pilot.press("escape", "ctrl+p")
        await pilot.pause(0.5)
        options = app.screen.query_one(CommandList).options
        titles = [str(option.prompt).split("\n")[0] for option in options]
        stages = [title for title in titles if title.startswith("Ga naar")]
        wanted = [f"Ga naar {stage.title} ({stage_number(stage.key)})" for stage in AGENDA]
        assert [next(t for t in stages if t.startswith(w)) for w in wanted] == stages[:len(wanted)], titles
        assert stage_index(StageKey.AFSLUITING) == len(wanted) - 1
