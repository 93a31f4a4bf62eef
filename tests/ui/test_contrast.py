"""The projector theme read from the back of a room on a washed-out beamer (issue 20): every text
colour at least 4.5:1 on the background it is drawn on, and the chosen row at least 7:1, both
its text and the row against the page (a light-blue row on white was 1.8:1). Computed from the
theme's own colours with WCAG's formula, so a change of colour that breaks it fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.color import Color

from krachtoverleg.tui import ink
from krachtoverleg.tui.themes import PROJECTOR_THEME

STYLES = Path(__file__).resolve().parents[2] / "styles"
COLOURS = PROJECTOR_THEME.to_color_system().generate()


def colour(name: str) -> Color:
    return Color.parse(COLOURS.get(name, name))


def luminance(value: Color) -> float:
    """WCAG 2's relative luminance."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(value.r) + 0.7152 * linear(value.g) + 0.0722 * linear(value.b)


def contrast(text: str, background: str) -> float:
    """WCAG 2 contrast ratio; a see-through colour is first laid over its background (the page)."""
    page = colour("background")
    under = colour(background)
    under = page + under if under.a < 1 else under
    over = colour(text)
    over = under + over if over.a < 1 else over
    lighter, darker = sorted((luminance(over), luminance(under)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


TEXT_PAIRS = [  # (text, background): every pair the projector theme draws text with
    ("foreground", "background"), ("foreground", "panel"), ("foreground", "footer-background"),
    ("text-muted", "background"), ("text-muted", "panel"), ("accent", "background"),
    ("footer-key-foreground", "footer-background"), ("footer-description-foreground", "footer-background"),
    ("background", "accent"),  # the current stage in the agenda
    ("warning", "background"), ("error", "background"), ("success", "background"),
    ("#ffffff", "warning"), ("#ffffff", "error"),  # the status line's warnings and errors
    ("#ffffff", "primary-darken-2"),  # the top bar
    *((colour_, "background") for colour_ in ink.ALL),
]


@pytest.mark.parametrize(("text", "background"), TEXT_PAIRS)
def test_text_is_at_least_4_5_to_1(text, background):
    assert contrast(text, background) >= 4.5, f"{text} on {background}: {contrast(text, background):.2f}"


@pytest.mark.parametrize("state", ["block-cursor", "block-cursor-blurred"])
def test_the_chosen_row_is_at_least_7_to_1(state):
    row, text = f"{state}-background", f"{state}-foreground"
    assert contrast(text, row) >= 7, f"text on the chosen row: {contrast(text, row):.2f}"
    assert contrast(row, "background") >= 7, f"the chosen row on the page: {contrast(row, 'background'):.2f}"


def test_the_stylesheets_draw_no_colour_the_test_does_not_know():
    """A fixed colour in a stylesheet is one of the pairs above, or it escapes this test."""
    known = {"#ffffff"}
    for sheet in STYLES.glob("*.tcss"):
        found = set(re.findall(r"#[0-9a-fA-F]{6}\b", sheet.read_text("utf-8")))
        assert found <= known, f"{sheet.name}: {found - known}"
