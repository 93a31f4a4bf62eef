"""The two tags a strength, goal or action can carry, asked the same way in every form: which
form of capital it builds on and which dimension it is about. Both may stay empty; the progress
report's capital grid counts what is tagged."""

from __future__ import annotations

from krachtoverleg.core.models.vocab import Capital, Dimension
from krachtoverleg.tui.dialogs.form import FormField


def capital_field(value: Capital | None) -> FormField:
    return FormField("capital", "Waar zit de kracht: in jezelf, in mensen, in meedoen of in geld? (mag leeg)",
                     value.value if value else None, "select", [(c.label, c.value) for c in Capital])


def dimension_field(value: Dimension | None) -> FormField:
    return FormField("dimension", "Gaat het om kunnen, om mensen om je heen of om willen? (mag leeg)",
                     value.value if value else None, "select", [(d.label, d.value) for d in Dimension])
