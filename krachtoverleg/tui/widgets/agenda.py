"""The agenda column: all ten stages, the current one marked by an arrow as well as colour."""

from __future__ import annotations

from textual.message import Message
from textual.widgets import Label, ListItem, ListView

from krachtoverleg.core.models.agenda import AGENDA, STAGE_KEYS, StageKey, stage_index, stage_number


class AgendaColumn(ListView):
    class StageChosen(Message):
        def __init__(self, key: StageKey) -> None:
            super().__init__()
            self.key = key

    def __init__(self) -> None:
        items = [ListItem(Label(self._text(stage_number(stage.key), stage.title, False)),
                          id=f"agenda-{stage.key}") for stage in AGENDA]
        super().__init__(*items, id="agenda")
        self.current = STAGE_KEYS[0]
        self.border_title = "Agenda"

    @staticmethod
    def _text(number: int, title: str, current: bool) -> str:
        return f"{'▶' if current else ' '}{number:>2} {title}"

    def show_current(self, key: StageKey) -> None:
        self.current = key
        for stage in AGENDA:
            item = self.query_one(f"#agenda-{stage.key}", ListItem)
            item.query_one(Label).update(self._text(stage_number(stage.key), stage.title, stage.key == key))
            item.set_class(stage.key == key, "current")
        self.index = stage_index(key)

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        event.stop()
        if event.item.id:
            self.post_message(self.StageChosen(StageKey(event.item.id.removeprefix("agenda-"))))
