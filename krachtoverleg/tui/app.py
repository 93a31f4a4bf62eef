"""The application: it receives the store and the clock from the CLI and shows the screens."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path, PurePath
from typing import Any

from rich.text import Text
from textual import events
from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen

from krachtoverleg.core.clock import Clock
from krachtoverleg.core.errors import KrachtError
from krachtoverleg.core.models.agenda import AGENDA, StageKey, stage_number
from krachtoverleg.core.preferences import LAPTOP, PROJECTOR, Preferences
from krachtoverleg.core.rules.wording import count
from krachtoverleg.core.store.crashlog import write_crash_log
from krachtoverleg.core.store.engine import CaseStore, write_failed
from krachtoverleg.core.store.presence import HEARTBEAT_SECONDS, Presence, chair_is_gone
from krachtoverleg.tui.bindings import key_name
from krachtoverleg.tui.dialogs.confirm import ConfirmDialog
from krachtoverleg.tui.dialogs.form import FormDialog
from krachtoverleg.tui.dialogs.keys_help import KeyLine, KeysHelp
from krachtoverleg.tui.dialogs.palette import CommandsInOrder, DutchCommandPalette
from krachtoverleg.tui.dialogs.quit_anyway import QuitAnywayDialog
from krachtoverleg.tui.screens.base import DataScreen
from krachtoverleg.tui.services import ServicesApp
from krachtoverleg.tui.themes import NAMES as THEME_NAMES
from krachtoverleg.tui.themes import THEMES
from krachtoverleg.tui.unkept import Unkept


def _styles() -> list[str | PurePath]:
    """styles/ ships inside the wheel as krachtoverleg/styles; in a checkout it sits beside the package."""
    package = Path(__file__).resolve().parent.parent
    for folder in (package / "styles", package.parent / "styles"):
        if folder.is_dir():
            return sorted(folder.glob("*.tcss"))
    raise FileNotFoundError("styles/ is missing from the installation")


FOLLOW_SECONDS = 2  # how soon a read-only window shows what the other window saved
BACKUP_AFTER_SECONDS = 1.5  # the day's backup starts once the first screen is there
NOTICE_SECONDS = 0.4  # on a team store the server tells of every write: only memory is looked at
PRESENCE_SECONDS = 0.3  # how soon a mirror follows the chair's stage, row and blanking
MIRROR_KEYS = {"ctrl+q", "f3"}  # all a mirror answers to: stopping, light or dark
HANG_UP_GRACE_SECONDS = 5  # after a closed terminal is saved for, how long a normal stop may take


class KrachtApp(ServicesApp):
    TITLE = "krachtoverleg"
    CSS_PATH = _styles()
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = {CommandsInOrder}
    BINDINGS = [
        Binding("ctrl+q", "quit", "Stoppen", id="app.quit", priority=True, show=False),
        Binding("f1", "keys_help", "Hulp", id="app.help", key_display="F1"),
        Binding("f3", "switch_theme", "Licht of donker", id="app.theme", show=False),
        Binding("question_mark", "keys_help", "Alle toetsen", id="app.help_question", show=False),
    ]

    def __init__(self, store: CaseStore, clock: Clock, open_case: str | None = None, *,
                 hard_stop_after_hang_up: bool = False, preferences: Preferences | None = None,
                 mirror: bool = False, daily_backup: bool = False) -> None:
        super().__init__(store, clock, mirror)
        self.daily_backup = daily_backup  # the CLI's app makes the day's backup beside its first screen
        self._presence: Presence | None = None
        self._presence_written: datetime | None = None
        self._following = False
        self.preferences = preferences or Preferences(None)
        # The CLI's own process may end itself once a hang-up is saved (see _hang_up); an app
        # run inside a test process must not.
        self.hard_stop_after_hang_up = hard_stop_after_hang_up
        self.open_case = open_case
        self.quit_requested = False  # the app ends only when asked; anything else is a crash
        self._offered_writing = mirror  # a read-only window asks once to take over; a mirror never
        for theme in THEMES.values():
            self.register_theme(theme)
        self.theme = self.preferences.theme
        self._signals: list[int] = []

    def on_mount(self) -> None:
        from krachtoverleg.tui.navigation import open_todays_meeting
        from krachtoverleg.tui.screens.case_list import CaseListScreen

        self._watch_hangups()
        if self.store.restore_note:
            self.notify(self.store.restore_note, title="Terugzetting", severity="warning", timeout=15)
        if self.store.fixed_permissions:
            number = len(self.store.fixed_permissions)
            fixed = count(number, "bestand of map", "bestanden of mappen")
            self.notify(f"{fixed} {'was' if number == 1 else 'waren'} leesbaar voor "
                        "anderen op deze computer. Dat is hersteld: nu alleen voor jou.",
                        title="Beveiliging hersteld", severity="warning", timeout=15)
        self.store.forget_old_drafts(self.clock.now())
        if self.daily_backup and self.store.writable and not self.mirror:
            # After the first screen, never before it: at 5,000 cases it takes seconds, and a
            # thread started at once would still slow the first screen down.
            self.set_timer(BACKUP_AFTER_SECONDS, lambda: self.run_worker(
                self._daily_backup, thread=True, name="daily backup", exit_on_error=False))
        if self.store.writes_per_case:  # others write other cases, and report on this one
            self.set_interval(NOTICE_SECONDS, self.follow_other_window)
        elif not self.store.writable:
            self.set_interval(FOLLOW_SECONDS, self.follow_other_window)
        if self.mirror:
            from krachtoverleg.tui.screens.mirror_wait import MirrorWaitScreen

            self.show_names = False
            self.add_class("-mirror")  # styles hide the footer and key hints: the room has no keys
            self.push_screen(MirrorWaitScreen())
            self.set_interval(PRESENCE_SECONDS, self._follow_presenter)
            return
        if self.store.writable:
            self.set_interval(PRESENCE_SECONDS, self._publish_presence)
        self.push_screen(CaseListScreen(opened_on=self.open_case))
        if self.open_case:
            open_todays_meeting(self, self.open_case)

    def action_command_palette(self) -> None:
        """Textual's palette, in Dutch."""
        if self.use_command_palette and not any(isinstance(s, CommandPalette) for s in self.screen_stack):
            self.push_screen(DutchCommandPalette())

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette (Ctrl+P), all in Dutch: every key of this screen, shown in the footer or
        not, 'Ga naar …' for every stage of the meeting, the help screen and stopping. Textual's
        own English commands (theme, maximise, screenshot) are left out."""
        from krachtoverleg.tui.screens.meeting import MeetingScreen

        seen: set[str] = {"keys_help", "quit"}
        for key, active in screen.active_bindings.items():
            binding = active.binding
            # our own keys carry ids; Textual's widget keys (cursor moves, in English) stay out
            if binding.id is None or not binding.description or not active.enabled or binding.action in seen:
                continue
            seen.add(binding.action)

            def run(action: str = binding.action, node: Any = active.node) -> None:
                self.call_later(self.run_action, action, node)

            yield SystemCommand(binding.description, f"toets: {key_name(key)}", run)
        if isinstance(screen, MeetingScreen):
            for stage in AGENDA:
                def go(key: StageKey = stage.key, meeting: MeetingScreen = screen) -> None:
                    self.call_later(meeting.go_to, key)

                yield SystemCommand(f"Ga naar {stage.title} ({stage_number(stage.key)})", stage.prompt, go)
        yield SystemCommand("Alle toetsen", "toets: F1 of ?", self.action_keys_help)
        yield SystemCommand("Licht of donker scherm", "toets: F3; licht is voor de projector",
                            self.action_switch_theme)
        yield SystemCommand("Stoppen", "toets: Ctrl+Q; wat je typte blijft bewaard", self.action_quit)

    def action_switch_theme(self) -> None:
        """Light for the projector, dark for the laptop; remembered on this computer."""
        theme = LAPTOP if self.theme == PROJECTOR else PROJECTOR
        self.theme = theme
        remembered = self.preferences.choose_theme(theme)
        self.notify(f"Scherm: {THEME_NAMES[theme]}." + ("" if remembered else
                    " (Kon niet worden onthouden voor de volgende keer.)"), title="Thema", timeout=4)

    def action_keys_help(self) -> None:
        """Every key of the screen below, grouped by where it works."""
        if isinstance(self.screen, KeysHelp):
            return
        lines: list[KeyLine] = []
        seen: set[tuple[str, str]] = set()
        for key, active in self.screen.active_bindings.items():
            binding, node = active.binding, active.node
            if binding.id is None or not binding.description or not active.enabled:
                continue
            group = ("Altijd" if node is self
                     else "Dit scherm" if isinstance(node, Screen) else "Dit onderdeel")
            if (group, binding.action) in seen:
                continue
            seen.add((group, binding.action))
            keys = " of ".join(key_name(k) for k in binding.key.split(",")) if "," in binding.key \
                else key_name(key)
            lines.append(KeyLine(group, keys, binding.description))
        lines.append(KeyLine("Dit scherm", "Tab", "naar de volgende tabel (Shift+Tab: de vorige)"))
        order = {"Dit onderdeel": 0, "Dit scherm": 1, "Altijd": 2}
        lines.sort(key=lambda line: order[line.group])
        lines.append(KeyLine("Altijd", "Ctrl+P", "zoek een opdracht, zoals 'Ga naar Doelen'"))
        self.push_screen(KeysHelp("Alle toetsen", lines))

    async def on_event(self, event: events.Event) -> None:
        """A mirror takes no keys, clicks or pastes (only stopping and the theme): the room's
        screen follows the chair, nothing else."""
        if self.mirror and isinstance(event, events.Key | events.MouseEvent | events.Paste) and not (
                isinstance(event, events.Key) and event.key in MIRROR_KEYS):
            return
        await super().on_event(event)

    def _daily_backup(self) -> None:
        try:
            self.store.daily_backup(self.clock.now())
        except OSError as error:  # a full disk must not keep the team out of the meeting
            self.call_from_thread(self.notify, "Let op: de reservekopie van vandaag is niet gelukt "
                                  f"({error.strerror}). Maak ruimte vrij; alles wordt gewoon bewaard.",
                                  severity="warning", timeout=15)

    def _publish_presence(self) -> None:
        """Say where this (the chair's) window is, for a mirror; only when it changed."""
        from krachtoverleg.tui.dialogs.family_time import FamilyTimeScreen
        from krachtoverleg.tui.presenter import presence_of

        if self.quit_requested:
            return  # stopping: the mirror was told the chair has gone; never say otherwise after
        family = next((s for s in self.screen_stack if isinstance(s, FamilyTimeScreen)), None)
        now = self.clock.now()
        since = now - timedelta(seconds=family.elapsed()) if family else None
        presence = presence_of(self, since)
        written = self._presence_written
        beat = written is None or (now - written).total_seconds() >= HEARTBEAT_SECONDS
        if presence == self._presence and not beat:
            return
        try:
            self.store.write_presence(replace(presence, alive=now.isoformat(timespec="seconds")))
        except (OSError, KrachtError):
            return  # a full disk: the mirror stays where it was; the meeting goes on
        self._presence, self._presence_written = presence, now

    def _say_chair_gone(self) -> None:
        """Stopping: the mirror goes to its waiting screen at once, not after the heartbeat ages."""
        if self.mirror or not self.store.writable:
            return
        with contextlib.suppress(OSError, KrachtError):
            self.store.write_presence(Presence())

    async def _follow_presenter(self) -> None:
        from krachtoverleg.tui.presenter import follow

        if self._following:
            return
        self._following = True
        try:
            presence, now = self.store.read_presence(), self.clock.now()
            await follow(self, None if chair_is_gone(presence, now) else presence, now)
        finally:
            self._following = False

    def action_toggle_privacy(self) -> None:
        """Hiding names is at once; showing them asks first, and lasts until the app stops."""
        if self.mirror:
            return  # the projector never shows names
        if self.show_names:
            self._show_names(False)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._show_names(True)

        self.push_screen(ConfirmDialog(
            "Volledige namen tonen op het gedeelde scherm? Iedereen in de kamer kan ze dan lezen. "
            "Ze gaan weer uit met F9, en als het programma stopt.", yes="Ja, namen tonen"), answered)

    def _show_names(self, show: bool) -> None:
        self.show_names = show
        for screen in self.screen_stack:
            if isinstance(screen, DataScreen):
                self.call_later(screen.reload)
        self.notify("Let op: volledige namen staan nu op het scherm." if show else "Namen verborgen.",
                    severity="warning" if show else "information")

    def follow_other_window(self) -> None:
        """Read-only window: when the window that writes has saved, show it here too. Reading
        runs in this handler, start to end, so it can never interleave with anything else."""
        if self.store.writable and not self.store.writes_per_case:
            return  # this window writes now: nothing to follow
        if not self._offered_writing and not self.store.writes_per_case and self.store.lock_is_free():
            self._offer_writing()
        screen = self.screen
        if not isinstance(screen, DataScreen) or not screen.is_mounted:
            return  # a screen still being put up reads the store itself when it is (on_mount)
        marker = self.store.change_marker(screen.watched_case())
        if screen.shown_marker == marker:
            return
        try:
            self.store.refresh()
            screen.reload()
        except KrachtError as error:  # the team store is away: say so, and look again later
            self.notify(str(error), title="Niet bijgewerkt", severity="warning", timeout=8)
            return
        screen.shown_marker = marker

    def _offer_writing(self) -> None:
        """The window that wrote has gone: offer to go on here, once, instead of staying a
        window that silently can't save."""
        self._offered_writing = True

        def answered(yes: bool | None) -> None:
            if not yes:
                self.notify("Dit venster blijft alleen lezen. Start krachtoverleg opnieuw om te wijzigen.",
                            timeout=10)
                return
            try:
                became = self.store.become_writer()
            except OSError:
                became = False
            if not became:
                self.notify("Een ander venster is intussen begonnen met wijzigen; dit venster blijft "
                            "alleen lezen.", severity="warning", timeout=10)
                return
            self.store.refresh()
            for screen in self.screen_stack:
                if isinstance(screen, DataScreen):
                    screen.reload()
            self.notify("Dit venster kan nu wijzigen en opslaan.", title="Verder in dit venster")

        self.push_screen(ConfirmDialog(
            "Het andere venster is gesloten. Wil je in dit venster verder werken en wijzigen?",
            yes="Ja, hier verder"), answered)

    # -- nothing lost: quitting, a closed window, logging out, a crash ------------------------

    def save_unsaved(self) -> list[Unkept]:
        """Save what is on screen but not yet stored: the time of the current stage, text typed
        in a capture line and half-filled forms (they come back as drafts). Never raises: it runs
        on the way out. Returns, in Dutch, what typing could not be kept."""
        lost: list[Unkept] = []
        for screen in reversed(self.screen_stack):
            draft = screen.unsaved() if isinstance(screen, FormDialog) else None
            if draft is None or not self.store.writable:
                continue
            try:
                self.store.keep_draft(screen.case_id(), draft)
            except Exception as error:  # noqa: BLE001 - on the way out: the rest is still saved
                lost.append(Unkept(f"het half ingevulde formulier '{draft.title}'", reason(error)))
        for screen in reversed(self.screen_stack):
            if not isinstance(screen, DataScreen):
                continue
            try:
                lost.extend(screen.save_unsaved())
            except Exception as error:  # noqa: BLE001 - on the way out, one failing save must not stop the others
                lost.append(Unkept("wat op het scherm stond", reason(error)))
        return lost

    async def action_quit(self) -> None:
        """Ctrl+Q. Typing that cannot be kept (a full disk, a team store away) is never thrown
        away in silence: the app stays and says so, and stops only when told to anyway."""
        if isinstance(self.screen, QuitAnywayDialog):
            return  # already asked: the answer is j or n, not a second Ctrl+Q
        lost = self.save_unsaved()
        if lost:
            self.push_screen(QuitAnywayDialog(lost), self._quit_anyway)
            return
        self.quit_requested = True
        self._say_chair_gone()
        self.exit()

    def _quit_anyway(self, stop: bool | None) -> None:
        if not stop:
            return
        lost = self.save_unsaved()  # the disk may have room again by now
        self.quit_requested = True
        self._say_chair_gone()
        if not lost:
            self.exit()
            return
        self.exit(return_code=1, message=Text(
            "krachtoverleg is gestopt zoals gevraagd. Dit is niet bewaard: "
            + "; ".join(item.what for item in lost) + "."))

    def _watch_hangups(self) -> None:
        """Closing the terminal window sends SIGHUP, logging out SIGTERM: save, then stop."""
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGHUP, signal.SIGTERM):
            try:
                loop.add_signal_handler(signum, self._hang_up)
            except (NotImplementedError, RuntimeError, ValueError):
                return  # not on the main thread, or a platform without these signals
            self._signals.append(signum)

    def _hang_up(self) -> None:
        """Everything typed is saved first. Then the store is freed at once: with its terminal
        gone, Textual's shutdown can block for good writing to it (a large case still being
        drawn), and a process that holds the lock would keep every other window read-only. If
        the shutdown has not finished after a grace period, the process ends itself: by then
        nothing is left to save and nothing can be written (the store is closed)."""
        self.quit_requested = True
        self.save_unsaved()
        self._say_chair_gone()
        self._forget_signals()
        self.store.close()
        if self.hard_stop_after_hang_up:
            timer = threading.Timer(HANG_UP_GRACE_SECONDS, os._exit, args=(0,))
            timer.daemon = True
            timer.start()
        self.exit()

    def _forget_signals(self) -> None:
        loop = asyncio.get_running_loop()
        while self._signals:
            loop.remove_signal_handler(self._signals.pop())

    def on_unmount(self) -> None:
        self._forget_signals()

    def _handle_exception(self, error: Exception) -> None:
        """Textual's crash screen prints local variables, which hold client data. Instead: save
        what can be saved, write a crash log without client data, and say so in Dutch."""
        self.save_unsaved()
        try:
            log = write_crash_log(self.store.local_dir / "logs", error, self.clock.now())
            where = f"Een verslag voor de beheerder (zonder gegevens van cliënten) staat in {log}."
        except OSError:
            where = "Een verslag voor de beheerder kon niet worden geschreven."
        super()._handle_exception(error)
        self._exit_renderables[:] = [Text(
            "krachtoverleg is onverwacht gestopt. Alles wat al was opgeslagen is bewaard, ook "
            f"tekst die nog getypt werd.\n{where}\nStart het programma opnieuw om verder te gaan.")]


def reason(error: Exception) -> str:
    """Why a save on the way out failed, in Dutch (a store error says it already)."""
    if isinstance(error, KrachtError):
        return str(error)
    if isinstance(error, OSError):
        return write_failed(error)
    return "onverwachte fout"

