"""Hulpbronnen: what and who is there, by group and type; in use, or there but not used yet."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget

from krachtoverleg.core.models import Resource
from krachtoverleg.core.models.agenda import StageKey
from krachtoverleg.core.models.vocab import ResourceGroup, ResourceType, SocialQuality
from krachtoverleg.tui.context import StageContext
from krachtoverleg.tui.dialogs.form import FormField
from krachtoverleg.tui.fit import KEY, Fit
from krachtoverleg.tui.format import require
from krachtoverleg.tui.stages.base import StagePane
from krachtoverleg.tui.widgets.record_table import Column, RecordTable


def _fields(resource: Resource | None, context: StageContext) -> list[FormField]:
    return [
        FormField("text", "Hulpbron", resource.text if resource else ""),
        FormField("group", "Groep", resource.group.value if resource else None, "select",
                  [(g.label, g.value) for g in ResourceGroup]),
        FormField("type", "Soort", resource.type.value if resource else None, "select",
                  [(t.label, t.value) for t in ResourceType]),
        FormField("in_use", "Wordt al gebruikt", resource.in_use if resource else True, "check"),
        FormField("quality", "Waar helpt het bij: zekerheid, samenhang, eigen kracht of meedoen? (mag leeg)",
                  resource.quality.value if resource and resource.quality else None, "select",
                  [(q.label, q.value) for q in SocialQuality]),
    ]


def _build(values: dict[str, Any], resource: Resource | None, context: StageContext) -> Resource:
    fields = {"text": values["text"], "group": require(values["group"], "Groep"),
                  "type": require(values["type"], "Soort"), "in_use": values["in_use"],
                  "quality": values["quality"]}
    return resource.replace(**fields) if resource else Resource(**fields)


class ResourcesPane(StagePane, Vertical):
    KEY = StageKey.HULPBRONNEN
    def compose(self) -> ComposeResult:
        yield RecordTable(
            "Hulpbronnen",
            [Column("Hulpbron", lambda r, c: r.text, KEY),
             Column("Groep", lambda r, c: r.group.label, Fit(min_width=10, priority=2)),
             Column("Soort", lambda r, c: r.type.label, Fit(min_width=10, priority=3)),
             Column("Gebruik", lambda r, c: "✓ in gebruik" if r.in_use else "○ nog niet gebruikt",
                    Fit(min_width=10, priority=1, max_lines=2))],
            lambda c: c.data.all(Resource), _fields, _build, lambda r, c: r.text, id="resources",
            item=("hulpbron", False))

    def refresh_view(self, context: StageContext) -> None:
        self.query_one(RecordTable).show(context)

    def focus_target(self) -> Widget | None:
        return self.query_one(RecordTable).table
