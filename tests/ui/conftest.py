from __future__ import annotations

import pytest

from krachtoverleg.tui.app import KrachtApp


@pytest.fixture
def app(store, demo, clock) -> KrachtApp:
    return KrachtApp(store=store, clock=clock)


def screen_text(app: KrachtApp) -> str:
    """Everything visible, as plain text (the SVG export keeps the glyphs)."""
    import html

    return html.unescape(app.export_screenshot()).replace("\xa0", " ")
