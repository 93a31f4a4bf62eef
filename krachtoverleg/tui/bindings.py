"""Bindings shared by several screens, and how the meeting's keys are made."""

from textual.binding import Binding

# Names the keyboard uses, for the footer and the help screen.
KEY_NAMES = {"pagedown": "PgDn", "pageup": "PgUp", "delete": "Del", "escape": "Esc", "enter": "Enter",
             "ctrl+q": "Ctrl+Q", "ctrl+s": "Ctrl+S", "ctrl+p": "Ctrl+P", "plus": "+", "minus": "-",
             "full_stop": ".", "question_mark": "?", "left": "←", "right": "→", "up": "↑", "down": "↓",
             "tab": "Tab", "shift+tab": "Shift+Tab", "space": "Spatie", "slash": "/"}


def key_name(key: str) -> str:
    """'pagedown' as 'PgDn', 'f9' as 'F9'; a letter as itself."""
    if key in KEY_NAMES:
        return KEY_NAMES[key]
    if len(key) > 1 and key[0] == "f" and key[1:].isdigit():
        return key.upper()
    return key


# Each screen binds it itself. The top bar always says "F9 · namen verborgen", so the footer
# leaves it out and keeps its room for the stage's keys. F9, not F4: F4 sits beside F5, which
# blanks the screen, and a slip must not show names.
PRIVACY_BINDING = Binding("f9", "app.toggle_privacy", "Namen tonen of verbergen", id="privacy",
                          priority=True, show=False)


def stage_key(key: str, action: str, description: str, id: str, *, show: bool = True) -> Binding:
    """A key of the meeting, acted on the moment it arrives. As an ordinary binding it would wait
    until the key had travelled up from the focused table, and the letters typed right after it
    (the name in the dialog it opens) would reach the table first, be lost or start other keys.
    The owner's check_action switches it off while a text field has the keyboard."""
    return Binding(key, action, description, id=id, show=show, priority=True, key_display=key_name(key))
