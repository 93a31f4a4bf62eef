"""What was typed into a save that the team store could not take, kept on this laptop.

When the server cannot be reached, a save stores nothing. The text stays where it was typed
(the line, the form), and a local draft keeps it too, so closing the window or a crash does not
lose it. A later save of the same text drops that draft again; until then it is named when the
case is opened, like a half-filled form."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime

from krachtoverleg.core.models.changes import Change, Patch, Put
from krachtoverleg.core.store.drafts import Draft

PREFIX = "niet-opgeslagen:"
UNREACHABLE = "Niet opgeslagen: de teamopslag was niet bereikbaar"
DAMAGED = "Niet opgeslagen: het casusbestand was beschadigd"
TYPED = frozenset({"text", "what", "note", "name", "plan", "check", "plan_b", "hulpvraag", "drafts"})


def typed_texts(changes: Iterable[Change]) -> list[str]:
    """The texts a person typed in these changes (not ids, kinds or dates)."""
    texts: list[str] = []
    for change in changes:
        if isinstance(change, Put):
            values = change.record.to_dict()
        elif isinstance(change, Patch):
            values = dict(change.fields)
        else:
            continue
        for name, value in values.items():
            if name == "id" or name.endswith("_id"):
                continue
            # a meeting's typed lines are kept per stage: {stage: text}
            candidates = list(value.values()) if isinstance(value, dict) else [value]
            for text in candidates:
                if isinstance(text, str) and text.strip() and (name in TYPED or " " in text.strip()):
                    texts.append(text.strip())
    return texts


def key_of(text: str) -> str:
    return PREFIX + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def unsaved_drafts(changes: Iterable[Change], now: datetime, title: str = UNREACHABLE) -> list[Draft]:
    return [Draft(key_of(text), title, {"text": text}, {"text": "Getypt"}, now)
            for text in typed_texts(changes)]


def is_unsaved(draft: Draft) -> bool:
    return draft.key.startswith(PREFIX)


def saved_keys(changes: Iterable[Change]) -> list[str]:
    """The drafts a successful save makes unneeded: the same text is stored now."""
    return [key_of(text) for text in typed_texts(changes)]
