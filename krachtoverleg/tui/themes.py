"""The two looks. The projector theme is light with near-black text: a beamer washes out dark
backgrounds, dim greys and thin colour differences. Meaning never rests on colour alone (signs
and words carry it); these themes only make it easier to see."""

from __future__ import annotations

from textual.theme import Theme

from krachtoverleg.core.preferences import LAPTOP, PROJECTOR

PROJECTOR_THEME = Theme(
    name=PROJECTOR,
    primary="#0b3d91",  # dark blue: the top bar and selections, white text on it
    secondary="#004d40",
    accent="#b34700",  # dark orange: the current stage, the question
    warning="#8a5a00",
    error="#b00020",
    success="#1b5e20",
    foreground="#000000",
    background="#ffffff",
    surface="#ffffff",
    panel="#e6e6e6",
    boost="#ececec",
    dark=False,
    # Contrast is held by a test (tests/ui/test_contrast.py): text at least 4.5:1, the chosen
    # row at least 7:1, also against the page, so a washed-out beamer still shows where it is.
    variables={
        "text-muted": "#262626",  # hints stay readable from the back of the room
        "text-disabled": "#3a3a3a",
        "footer-key-foreground": "#8f3900",  # 6.1:1 on the footer's grey (#b34700 was 4.4:1)
        "footer-description-foreground": "#000000",
        "block-cursor-foreground": "#ffffff",
        "block-cursor-text-style": "bold",
        # a chosen row in a list without the keyboard: dark grey, not light blue on white (1.8:1)
        "block-cursor-blurred-background": "#4a4a4a",
        "block-cursor-blurred-foreground": "#ffffff",
        "block-cursor-blurred-text-style": "none",
        "input-cursor-text-style": "reverse",
        "border-blurred": "#555555",
    },
)

LAPTOP_THEME = Theme(
    name=LAPTOP,
    primary="#3d8bfd",
    secondary="#26a69a",
    accent="#ffa62b",
    warning="#ffc107",
    error="#ff5252",
    success="#66bb6a",
    foreground="#f0f0f0",
    background="#121212",
    surface="#1e1e1e",
    panel="#2a2a2a",
    dark=True,
    variables={"text-muted": "#c8c8c8", "text-disabled": "#a0a0a0"},
)

THEMES = {PROJECTOR: PROJECTOR_THEME, LAPTOP: LAPTOP_THEME}
NAMES = {PROJECTOR: "licht (projector)", LAPTOP: "donker (laptop)"}
