"""Ambities en behoeften, in the client's own words."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget

from krachtoverleg.core.models import Ambition, Need
from krachtoverleg.core.models.agenda import StageKey
from krachtoverleg.core.models.vocab import NeedKind
from krachtoverleg.tui.context import StageContext
from krachtoverleg.tui.dialogs.form import FormField
from krachtoverleg.tui.fit import KEY, TAG
from krachtoverleg.tui.stages.base import StagePane
from krachtoverleg.tui.widgets.record_table import Column, RecordTable


def _ambition_fields(ambition: Ambition | None, context: StageContext) -> list[FormField]:
    return [FormField("text", "Ambitie, in je eigen woorden", ambition.text if ambition else "")]


def _build_ambition(values: dict[str, Any], ambition: Ambition | None, context: StageContext) -> Ambition:
    return ambition.replace(text=values["text"]) if ambition else Ambition(values["text"])


def _need_fields(need: Need | None, context: StageContext) -> list[FormField]:
    return [
        FormField("text", "Behoefte, in je eigen woorden", need.text if need else ""),
        FormField("kind", "Soort behoefte (mag leeg)", need.kind.value if need and need.kind else None,
                  "select", [(k.label, k.value) for k in NeedKind]),
    ]


def _build_need(values: dict[str, Any], need: Need | None, context: StageContext) -> Need:
    return need.replace(**values) if need else Need(**values)


class AmbitionsPane(StagePane, Horizontal):
    KEY = StageKey.AMBITIES
    EXTRA_CLASSES = "side-by-side"
    def compose(self) -> ComposeResult:
        yield RecordTable("Ambities: waar droom je van?",
                          [Column("Ambitie", lambda a, c: a.text, KEY)],
                          lambda c: c.data.all(Ambition), _ambition_fields, _build_ambition,
                          lambda a, c: a.text, id="ambitions", item=("ambitie", False))
        yield RecordTable("Behoeften: wat heb je nodig?",
                          [Column("Behoefte", lambda n, c: n.text, KEY),
                           Column("Soort", lambda n, c: n.kind.label if n.kind else "-", TAG)],
                          lambda c: c.data.all(Need), _need_fields, _build_need,
                          lambda n, c: n.text, id="needs", item=("behoefte", False))

    def refresh_view(self, context: StageContext) -> None:
        for table in self.query(RecordTable):
            table.show(context)

    def focus_target(self) -> Widget | None:
        return self.query_one("#ambitions", RecordTable).table
