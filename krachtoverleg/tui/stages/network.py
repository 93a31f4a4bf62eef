"""Netwerk: the people around the client, as a picture and as a table to edit."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from krachtoverleg.core.models import NetworkMember
from krachtoverleg.core.models.agenda import StageKey
from krachtoverleg.core.models.vocab import Influence, Relation, Support, Tie
from krachtoverleg.tui.context import StageContext
from krachtoverleg.tui.dialogs.form import FormField
from krachtoverleg.tui.fit import KEY, Fit
from krachtoverleg.tui.format import require
from krachtoverleg.tui.stages.base import StagePane
from krachtoverleg.tui.widgets.network_picture import network_picture
from krachtoverleg.tui.widgets.record_table import Column, RecordTable


def _fields(member: NetworkMember | None, context: StageContext) -> list[FormField]:
    fields = [
        FormField("name", "Naam" + (" (verborgen: namen staan uit)" if context.privacy else ""),
                  member.name if member else "", secret=context.privacy),
        FormField("role", "Rol, zoals het scherm die toont (broer, buurvrouw, juf)",
                  member.role if member else ""),
        FormField("relation", "Relatie", member.relation.value if member else None, "select",
                  [(r.label, r.value) for r in Relation]),
    ]
    fields += [FormField(f"support_{s.value}", f"Steun: {s.value} = {s.label}",
                         bool(member and s in member.support), "check") for s in Support]
    fields += [
        FormField("tie", "Band", (member.tie if member else Tie.NORMAL).value, "select",
                  [(t.label, t.value) for t in Tie]),
        FormField("influence", "Invloed", (member.influence if member else Influence.NEUTRAL).value,
                  "select", [(i.label, i.value) for i in Influence]),
        FormField("contribution", "Wat kan deze persoon doen?", member.contribution if member else ""),
        FormField("organisation", "Organisatie (voor professionals)", member.organisation if member else ""),
    ]
    return fields


def _build(values: dict[str, Any], member: NetworkMember | None, context: StageContext) -> NetworkMember:
    fields = {
        "name": values["name"], "role": values["role"], "relation": require(values["relation"], "Relatie"),
        "support": [s for s in Support if values[f"support_{s.value}"]],
        "tie": values["tie"] or Tie.NORMAL, "influence": values["influence"] or Influence.NEUTRAL,
        "contribution": values["contribution"], "organisation": values["organisation"]}
    return member.replace(**fields) if member else NetworkMember(**fields, added_in_id=context.meeting.id)


def _influence(member: NetworkMember) -> str:
    return ("✖ " if member.influence is Influence.HINDERS else "") + member.influence.label


class NetworkPane(StagePane, Vertical):
    KEY = StageKey.NETWERK
    def compose(self) -> ComposeResult:
        yield Static("", id="network-picture")
        yield RecordTable(
            "Mensen",
            [Column("Wie", lambda m, c: c.names.member(m) + ("  ✚ nieuw" if m.added_in_id == c.meeting.id
                                                                else ""), KEY),
             Column("Relatie", lambda m, c: m.relation.label, Fit(min_width=10, priority=3)),
             Column("Steun", lambda m, c: " ".join(str(s) for s in m.support) or "-",
                    Fit(min_width=5, priority=2)),
             Column("Band", lambda m, c: m.tie.label, Fit(min_width=8, priority=1)),
             Column("Invloed", lambda m, c: _influence(m), Fit(min_width=8, priority=1)),
             Column("Toelichting", lambda m, c: m.contribution or "-",
                    Fit(min_width=14, priority=4, grow=2))],
            lambda c: c.data.all(NetworkMember), _fields, _build, lambda m, c: c.names.member(m),
            id="network-table", item=("persoon in het netwerk", False))

    def refresh_view(self, context: StageContext) -> None:
        self._draw()
        self.query_one(RecordTable).show(context)

    def _draw(self) -> None:
        if self.context is not None:
            box = self.query_one("#network-picture", Static)
            width, height = box.content_size.width or self.size.width or 100, box.content_size.height or 14
            box.update(network_picture(self.context.data, self.context.names, width, height))

    def on_resize(self) -> None:
        self.call_after_refresh(self._draw)  # after layout: the picture knows its own size then

    def focus_target(self) -> Widget | None:
        return self.query_one(RecordTable).table
