"""Bad input gets a clear Dutch message, and nothing is stored half."""

from __future__ import annotations

import pytest

from krachtoverleg.core.errors import ValidationError
from krachtoverleg.core.models import Action, Strength
from krachtoverleg.core.models.vocab import OwnerKind

TOO_LONG = "x" * 10_000


@pytest.mark.parametrize("text, message", [
    ("", "mag niet leeg"),
    ("   ", "mag niet leeg"),
    (TOO_LONG, "te lang"),
    ("bel\x07de bank", "niet zijn toegestaan"),
    ("\x1b[31mrood", "niet zijn toegestaan"),
])
def test_bad_text_is_refused_with_a_dutch_message(text, message):
    with pytest.raises(ValidationError, match=message):
        Strength(kind="ik_kan", text=text)


@pytest.mark.parametrize("text", ["😀 koken met de kinderen 🍲", "أستطيع الطبخ", "אני יכולה לבשל",
                                  "Ayşe İçli ğüş", "e\u0301én"])
def test_emoji_right_to_left_and_combining_text_is_kept(text):
    import unicodedata

    assert Strength(kind="ik_kan", text=text).text == unicodedata.normalize("NFC", text)


@pytest.mark.parametrize("value", ["31-02-2026", "2026-13-01", "gisteren", "00-00-0000", "29-02-2027"])
def test_impossible_dates_are_refused(value):
    with pytest.raises(ValidationError, match="geen bestaande datum"):
        Action(meeting_id="m", what="bellen", owner_kind=OwnerKind.CLIENT, due=value)
