"""Bindings shared by several screens."""

from textual.binding import Binding

# Each screen binds F4 itself, first in its list, so the footer shows it even at 80 columns.
PRIVACY_BINDING = Binding("f4", "app.toggle_privacy", "Namen", id="privacy", priority=True)
