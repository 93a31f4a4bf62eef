"""Versioned JSON of every record of one client: the AVG inzage and portability export, and the
import that reads it back. The round trip is lossless: export, import, export gives the same
`case` and `records`.

Format (version 1):
    {"format": "krachtoverleg-case", "version": 1, "exported_at": ISO-8601,
     "case": {...}, "records": {"meetings": [...], "strengths": [...], ...}}
Each record is the same object the store holds; dates are ISO-8601, vocabularies their ids."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from krachtoverleg.core.errors import InterchangeError, ValidationError
from krachtoverleg.core.models import CASE_RECORDS, Case, ZrmScore
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.record import Record
from krachtoverleg.core.models.references import reference_problems
from krachtoverleg.core.store.safe_read import shallow, writable_text

FORMAT = "krachtoverleg-case"
VERSION = 3  # 2 adds the snapshots of closed meetings and the change log; 3 the chosen ZRM
# domains, 'niet op het scherm' and the family's own plan
READS = (1, 2, 3)  # an older file lacks them; its records take the new fields' defaults
MAX_SIZE = 50_000_000  # characters; the largest real case is far below this


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    twice = sorted({key for key in keys if keys.count(key) > 1})
    if twice:
        raise ValueError(f"het veld {', '.join(twice)} staat er twee keer in")
    return dict(pairs)


def export_case(data: CaseData, exported_at: datetime) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": exported_at.isoformat(timespec="seconds"),
        "case": data.case.to_dict(),
        "records": {t.TABLE: [r.to_dict() for r in data.all(t)] for t in CASE_RECORDS},
    }


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class Imported:
    data: CaseData
    folded: list[str]  # "Kracht: tekst" for each one-line field whose tabs or new lines became spaces

    def notes(self) -> list[str]:
        if not self.folded:
            return []
        more = len(self.folded) - 5
        shown = ", ".join(self.folded[:5]) + (f" en {more} meer" if more > 0 else "")
        fields = ("1 veld van één regel bevatte" if len(self.folded) == 1
                  else f"{len(self.folded)} velden van één regel bevatten")
        return [f"Let op: {fields} tabs of regeleinden; die zijn vervangen "
                f"door spaties ({shown})."]


def parse_case(text: str) -> CaseData:
    """Read and fully check an export; raise InterchangeError naming the first problem."""
    return read_case(text).data


def read_case(text: str) -> Imported:
    """As parse_case, and say what was changed on the way in."""
    if len(text) > MAX_SIZE:
        raise InterchangeError(
            f"Het bestand is te groot voor één casus (meer dan {MAX_SIZE // 1_000_000} MB).")
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as error:
        raise InterchangeError(f"Het bestand is geen geldige JSON (regel {error.lineno}).") from None
    except RecursionError:
        raise InterchangeError("Het bestand is te diep genest om een casusbestand te zijn.") from None
    except ValueError as error:  # a duplicate key, or a number of thousands of digits
        raise InterchangeError(f"Het bestand klopt niet: {error}") from None
    if not shallow(document):
        raise InterchangeError("Het bestand is te diep genest om een casusbestand te zijn.")
    if "\\u" in text and not writable_text(document):
        raise InterchangeError("Het bestand bevat een teken dat niet bestaat (een halve surrogate).")
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InterchangeError("Dit is geen casusbestand van krachtoverleg.")
    version = document.get("version")
    if type(version) is not int or version not in READS:  # not True, not 1.0: exactly a number
        raise InterchangeError(
            f"Versie {version!r} van het casusbestand kennen we niet "
            f"(deze versie leest {' en '.join(map(str, READS))}).")
    records = document.get("records")
    if not isinstance(records, dict):
        raise InterchangeError("Het casusbestand mist 'records'.")
    tables = {t.TABLE: t for t in CASE_RECORDS}
    unknown = sorted(set(records) - set(tables))
    if unknown:
        raise InterchangeError(f"Onbekende soort gegevens: {', '.join(unknown)}.")
    folded: list[str] = []
    try:
        case = Case.from_dict(document.get("case"))
        folded += _folded(Case.LABEL, document.get("case"), case.to_dict())
        grouped: dict[str, list[Record]] = {}
        for table, items in records.items():
            if not isinstance(items, list):
                raise ValidationError(f"{tables[table].LABEL}: verwacht een lijst.")
            grouped[table] = [tables[table].from_dict(item) for item in items]
            for item, record in zip(items, grouped[table], strict=True):
                folded += _folded(tables[table].LABEL, item, record.to_dict())
    except ValidationError as error:
        raise InterchangeError(f"De inhoud klopt niet: {error}") from None
    if version < 3 and not case.zrm_domains:  # as the store's schema 3 upgrade does
        scored = list(dict.fromkeys(s.domain for s in grouped.get(ZrmScore.TABLE, [])
                                    if isinstance(s, ZrmScore)))
        case = case.replace(zrm_domains=scored) if scored else case
    data = CaseData(case, grouped)
    from krachtoverleg.core.rules.frozen import snapshot_problems

    problems = reference_problems(data) + snapshot_problems(data)
    if problems:
        raise InterchangeError(f"De inhoud klopt niet: {problems[0]}")
    return Imported(data, folded)


# The words the screen uses for the fields that hold one line of text.
_FIELD_WORDS = {
    "chair": "voorzitter", "client_name": "naam cliënt", "code": "code", "contribution": "bijdrage",
    "label": "naam op het scherm", "minute_taker": "notulist", "name": "naam", "organisation":
    "organisatie", "purpose": "doel", "role": "rol", "text": "tekst", "title": "titel", "what": "wat",
    "reason_text": "waarom", "hand_back_plan": "terug naar cliënt",
}


def _folded(label: str, given: Any, kept: Any) -> list[str]:
    """Where a text in the file held tabs or new lines that a one-line field made spaces."""
    if isinstance(given, dict) and isinstance(kept, dict):
        return [found for key in given.keys() & kept.keys()
                for found in _folded(f"{label}: {_FIELD_WORDS.get(key, key)}", given[key], kept[key])]
    if isinstance(given, list) and isinstance(kept, list):
        return [found for one, other in zip(given, kept, strict=False)
                for found in _folded(label, one, other)]
    if isinstance(given, str) and isinstance(kept, str):
        plain = given.replace("\r\n", "\n").replace("\r", "\n").strip()
        if ("\t" in plain or "\n" in plain) and not ("\t" in kept or "\n" in kept):
            return [label]
    return []
