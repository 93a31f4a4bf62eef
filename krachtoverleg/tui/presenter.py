"""The presenter mirror. The chair's window says where it is (`presence_of`: meeting, stage, the
list and row chosen, blanked, the family's own time); a second window on the projector, started
with `krachtoverleg mirror`, follows it (`follow`): read-only, names always hidden (so nothing
kept off the screen shows), no case list, no keys but stopping and the theme."""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import Any

from textual.app import App
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import DataTable, OptionList
from textual.widgets.option_list import OptionDoesNotExist

from krachtoverleg.core.models.agenda import StageKey
from krachtoverleg.core.store.presence import Presence, family_seconds
from krachtoverleg.tui.dialogs.blank import BlankScreen
from krachtoverleg.tui.dialogs.family_time import FamilyTimeScreen
from krachtoverleg.tui.screens.meeting import MeetingScreen
from krachtoverleg.tui.widgets.sync import cursor_key


def _meeting_screen(app: App[Any]) -> MeetingScreen | None:
    return next((s for s in reversed(app.screen_stack) if isinstance(s, MeetingScreen)), None)


def _chosen(app: App[Any]) -> tuple[str | None, str | None]:
    """The list the chair is in (its nearest id) and the row chosen there."""
    focused = app.focused
    key: str | None = None
    if isinstance(focused, DataTable):
        key = cursor_key(focused)
    elif isinstance(focused, OptionList) and focused.highlighted_option is not None:
        key = focused.highlighted_option.id
    node: DOMNode | None = focused
    while node is not None and not node.id:
        node = node.parent
    return (node.id if node is not None else None), key


def presence_of(app: App[Any], family_since: datetime | None) -> Presence:
    meeting = _meeting_screen(app)
    if meeting is None or meeting.meeting is None:
        return Presence()
    focus, selected = _chosen(app)
    return Presence(case_id=meeting.case_id, meeting_id=meeting.meeting_id, stage=str(meeting.current),
                    focus=focus, selected=selected,
                    blanked=any(isinstance(s, BlankScreen) for s in app.screen_stack),
                    family_since=family_since.isoformat() if family_since else None,
                    entered=meeting.entered.isoformat() if meeting.entered else None)


def _select(screen: MeetingScreen, focus: str | None, selected: str | None) -> None:
    """Show the chair's chosen row, if the mirror has it (a hidden record it has not)."""
    if not focus or not selected:
        return
    found = screen.query(f"#{focus}")
    if not found:
        return
    holder = found.first()
    lists = [holder] if isinstance(holder, DataTable | OptionList) else list(holder.query(DataTable)) + list(
        holder.query(OptionList))
    for view in lists:
        if isinstance(view, DataTable) and selected in view.rows:  # else: a record not shown here
            view.move_cursor(row=view.get_row_index(selected))
            return
        if isinstance(view, OptionList):
            try:
                view.highlighted = view.get_option_index(selected)
            except OptionDoesNotExist:
                continue
            return


async def follow(app: App[Any], presence: Presence | None, now: datetime) -> None:
    """Bring the mirror to where the chair is: the meeting and stage, the row, blanking and the
    family's own time. Only what differs is changed."""
    top = app.screen
    # the overlays first go, so the meeting below can be changed
    if isinstance(top, BlankScreen | FamilyTimeScreen):
        keep_blank = presence is not None and presence.blanked and isinstance(top, BlankScreen)
        keep_family = presence is not None and presence.family_since and isinstance(top, FamilyTimeScreen)
        if not (keep_blank or keep_family):
            app.pop_screen()
            top = app.screen
        else:
            return
    if presence is None or presence.meeting_id is None or presence.case_id is None:
        while len(app.screen_stack) > 2:  # back to the waiting screen
            app.pop_screen()
        return
    meeting = _meeting_screen(app)
    if meeting is None or meeting.meeting_id != presence.meeting_id:
        while len(app.screen_stack) > 2:
            app.pop_screen()
        await app.push_screen(MeetingScreen(presence.case_id, presence.meeting_id))
        return  # the next look goes on from here, once the meeting is on screen
    if not meeting.is_mounted:
        return
    if presence.stage and presence.stage != str(meeting.current) and presence.stage in set(StageKey):
        await meeting.go_to(StageKey(presence.stage), remember=False)
    _select(meeting, presence.focus, presence.selected)
    if presence.entered:  # the stage's clock as the chair's, also after the chair restarted
        with contextlib.suppress(ValueError):
            meeting.entered = datetime.fromisoformat(presence.entered)
    if presence.blanked:
        await app.push_screen(BlankScreen())
    elif presence.family_since:
        screen: Screen[Any] = FamilyTimeScreen(already=family_seconds(presence, now))
        await app.push_screen(screen)
