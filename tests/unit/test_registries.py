"""Every registry is built from declarations and checked against the one definition it serves:
the agenda for panes and minutes sections, the formats for the CLI and the minutes dialog."""

from __future__ import annotations

import argparse

from krachtoverleg.core.export.formats import CLIENT_PLAN, MINUTES, PROGRESS, action_list_formats
from krachtoverleg.core.export.minutes import SECTIONS
from krachtoverleg.core.models.agenda import AGENDA, STAGE_KEYS, StageKey


def test_every_stage_of_the_agenda_has_one_minutes_section_and_no_section_is_extra():
    assert set(SECTIONS) == set(STAGE_KEYS)
    assert all(isinstance(key, StageKey) for key in SECTIONS)


def test_every_stage_has_one_pane_whose_id_comes_from_its_key():
    from krachtoverleg.tui.stages.base import pane_id
    from krachtoverleg.tui.stages.registry import stage_panes

    panes = stage_panes()
    assert set(panes) == set(STAGE_KEYS), "a stage without a pane, or a pane for no stage"
    for key, pane in panes.items():
        assert pane.KEY is key
        assert pane_id(key) == f"pane-{key.value}"


def test_the_agenda_spells_each_stage_once():
    assert len(STAGE_KEYS) == len(set(STAGE_KEYS)) == len(StageKey) == len(AGENDA)


def test_the_cli_offers_exactly_the_registered_formats():
    from krachtoverleg.cli import build_parser

    parser = build_parser()
    subcommands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    minutes = subcommands.choices["minutes"]
    actions = subcommands.choices["actions"]
    def formats(command: argparse.ArgumentParser) -> tuple[str, ...]:
        return tuple(next(a for a in command._actions if a.dest == "format").choices or ())

    assert formats(minutes) == MINUTES.keys()
    assert formats(actions) == action_list_formats().keys()
    assert formats(subcommands.choices["progress"]) == PROGRESS.keys()
    assert formats(subcommands.choices["client-plan"]) == CLIENT_PLAN.keys()


def test_the_export_dialogs_offer_exactly_the_registered_formats():
    from krachtoverleg.tui.dialogs.export import client_plan_dialog, minutes_dialog, progress_dialog

    for dialog, registry in ((minutes_dialog, MINUTES), (progress_dialog, PROGRESS),
                             (client_plan_dialog, CLIENT_PLAN)):
        field = next(f for f in dialog().fields if f.name == "fmt")
        assert [key for _, key in field.options] == list(registry.keys())


def test_declaring_a_format_twice_is_refused():
    import pytest

    with pytest.raises(ValueError, match="twice"):
        MINUTES.register("md", "nog eens")(lambda minutes, made_at: "")


def test_the_package_keeps_type_ignores_rare_and_explained():
    """At most five, each only where a third-party type is wrong, with the reason on the line."""
    from pathlib import Path

    import krachtoverleg

    lines = [line for path in Path(krachtoverleg.__file__).parent.rglob("*.py")
             for line in path.read_text().splitlines() if "type: ignore" in line]
    assert len(lines) <= 5, lines
    assert all(line.split("type: ignore", 1)[1].count("#") >= 1 for line in lines), lines


def test_pane_ids_are_derived_from_the_stage_key_in_one_place():
    """No pane, screen or style names a pane by a hand-written id: pane_id() makes them all."""
    from pathlib import Path

    import krachtoverleg

    root = Path(krachtoverleg.__file__).parent
    hand_written = [str(path.relative_to(root)) for path in (root / "tui").rglob("*.py")
                    if path.name != "base.py" and '"pane-' in path.read_text()]
    assert hand_written == []
