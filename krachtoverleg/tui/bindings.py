"""Bindings shared by several screens, and how the meeting's keys are made."""

from textual.binding import Binding

# Each screen binds it itself, first in its list, so the footer shows it even at 80 columns. F9,
# not F4: F4 sits beside F5, which blanks the screen, and a slip must not show names.
PRIVACY_BINDING = Binding("f9", "app.toggle_privacy", "Namen", id="privacy", priority=True)


def stage_key(key: str, action: str, description: str, id: str, *, show: bool = True) -> Binding:
    """A key of the meeting, acted on the moment it arrives. As an ordinary binding it would wait
    until the key had travelled up from the focused table, and the letters typed right after it
    (the name in the dialog it opens) would reach the table first, be lost or start other keys.
    The owner's check_action switches it off while a text field has the keyboard."""
    return Binding(key, action, description, id=id, show=show, priority=True)
