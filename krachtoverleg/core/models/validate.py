"""Small checks shared by every record. Each raises ValidationError with a Dutch message."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from enum import Enum
from typing import Literal, TypeVar, overload

from krachtoverleg.core.errors import ValidationError

SHORT_TEXT = 300
LONG_TEXT = 4000

E = TypeVar("E", bound=Enum)

# Control characters garble the screen and the minutes; newlines and tabs are allowed in long text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")  # and lone surrogates


def clean_text(value: object, label: str, *, required: bool = True, limit: int = SHORT_TEXT,
               multiline: bool = False, verbatim: bool = False) -> str:
    """Checked, normalised text. `verbatim` keeps the spaces around it: half-typed text (a
    draft) ends where the typing stopped, often after a space before the next word."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(f"{label}: dit moet tekst zijn.")
    # Windows line endings (a copy from Word or Outlook, an export made on Windows) are ordinary
    # new lines here, not characters to refuse.
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    text = text if verbatim else text.strip()
    if not multiline and ("\n" in text or "\r" in text or "\t" in text):
        text = " ".join(text.split())
    if _CONTROL.search(text):
        raise ValidationError(f"{label}: de tekst bevat tekens die niet zijn toegestaan.")
    if required and not text:
        raise ValidationError(f"{label}: vul dit in, het mag niet leeg zijn.")
    if len(text) > limit:
        raise ValidationError(f"{label}: de tekst is te lang ({len(text)} tekens, hoogstens {limit}).")
    return text


FIRST_YEAR, LAST_YEAR = 1900, 2199  # a plan's dates; beyond them a year was mistyped


@overload
def to_date(value: object, label: str, *, required: Literal[True] = True) -> date: ...


@overload
def to_date(value: object, label: str, *, required: Literal[False]) -> date | None: ...


def to_date(value: object, label: str, *, required: bool = True) -> date | None:
    if value is None or value == "":
        if required:
            raise ValidationError(f"{label}: vul een datum in.")
        return None
    return _in_range(_parse_date(value, label), label)


def _parse_date(value: object, label: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
        parsed = parse_dutch_date(value)
        if parsed is not None:
            return parsed
        raise ValidationError(f"{label}: '{value}' is geen bestaande datum (schrijf dd-mm-jjjj).")
    raise ValidationError(f"{label}: dit is geen datum.")


def _in_range(day: date, label: str) -> date:
    """A date every export can show (an agenda file cannot hold the year 9999 plus a day)."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValidationError(f"{label}: {day:%d-%m-%Y} ligt niet tussen {FIRST_YEAR} en {LAST_YEAR}; "
                              "klopt het jaartal?")
    return day


_DUTCH_DATE = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")


def parse_dutch_date(value: str) -> date | None:
    """Read 'dd-mm-jjjj' as typed on screen; None when it is not that shape or not a real day."""
    match = _DUTCH_DATE.match(value)
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


@overload
def to_enum(cls: type[E], value: object, label: str, *, required: Literal[True] = True) -> E: ...


@overload
def to_enum(cls: type[E], value: object, label: str, *, required: Literal[False]) -> E | None: ...


def to_enum(cls: type[E], value: object, label: str, *, required: bool = True) -> E | None:
    if value is None or value == "":
        if required:
            raise ValidationError(f"{label}: kies een waarde.")
        return None
    if isinstance(value, cls):
        return value
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(str(member.value) for member in cls)
        raise ValidationError(f"{label}: '{value}' kennen we niet (kies uit: {allowed}).") from None


def to_int(value: object, label: str, lowest: int, highest: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            value = int(str(value).strip())
        except ValueError:
            raise ValidationError(f"{label}: vul een heel getal in.") from None
    if not lowest <= value <= highest:
        raise ValidationError(f"{label}: kies een getal van {lowest} tot en met {highest}.")
    return value


def to_bool(value: object, label: str) -> bool:
    if isinstance(value, bool):
        return value
    raise ValidationError(f"{label}: kies ja of nee.")


_CASE_CODE = re.compile(r"^[A-Z]{1,4}-\d{1,6}$")


def case_code(value: object) -> str:
    text = clean_text(value, "Casuscode", limit=12).upper()
    if not _CASE_CODE.match(text):
        raise ValidationError(f"Casuscode: '{text}' past niet; gebruik letters, een streepje en "
                              "cijfers, zoals K-001.")
    return text


_CASE_ID = re.compile(r"^[a-z0-9]{8,64}$")


def case_id(value: object) -> str:
    """A case id is also a file name, and must never look like a case code (those have a dash):
    8 to 64 lowercase letters and digits. Ids made here are 32 hexadecimal digits."""
    if not isinstance(value, str) or not _CASE_ID.match(value):
        raise ValidationError("Casus: het id klopt niet (8 tot 64 kleine letters en cijfers).")
    return value


_SHORT_NUMBER = re.compile(r"-?[0-9]{1,6}")  # ASCII digits only: int() also takes '١' and '٣'


def short_number(text: str, problem: str) -> int:
    """A number typed on the command line, checked as a short decimal string before it is
    converted: thousands of digits would otherwise stop Python's int() with a traceback."""
    if not _SHORT_NUMBER.fullmatch(text):
        raise ValidationError(problem)
    return int(text)

