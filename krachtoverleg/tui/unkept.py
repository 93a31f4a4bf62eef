"""Typing that could not be kept on the way out: what it was, and why (the store's own words)."""

from __future__ import annotations

from typing import NamedTuple


class Unkept(NamedTuple):
    what: str  # "de getypte tekst bij 3 Krachten"
    reason: str  # "Niet opgeslagen: de schijf is vol. Maak ruimte vrij ..."


def why(reason: str) -> str:
    """The store says "Niet opgeslagen: ..."; the dialog says that already."""
    prefix = "Niet opgeslagen: "
    text = reason[len(prefix):] if reason.startswith(prefix) else reason
    return text[:1].upper() + text[1:]
