"""Versioned JSON of every record of one client: the AVG inzage and portability export, and the
import that reads it back. The round trip is lossless: export, import, export gives the same
`case` and `records`.

Format (version 1):
    {"format": "krachtoverleg-case", "version": 1, "exported_at": ISO-8601,
     "case": {...}, "records": {"meetings": [...], "strengths": [...], ...}}
Each record is the same object the store holds; dates are ISO-8601, vocabularies their ids."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from krachtoverleg.core.errors import InterchangeError, ValidationError
from krachtoverleg.core.models import CASE_RECORDS, Case
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.record import Record
from krachtoverleg.core.models.references import reference_problems

FORMAT = "krachtoverleg-case"
VERSION = 1
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


def parse_case(text: str) -> CaseData:
    """Read and fully check an export; raise InterchangeError naming the first problem."""
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
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InterchangeError("Dit is geen casusbestand van krachtoverleg.")
    version = document.get("version")
    if type(version) is not int or version != VERSION:  # not True, not 1.0: exactly 1
        raise InterchangeError(
            f"Versie {version!r} van het casusbestand kennen we niet (deze versie leest {VERSION}).")
    records = document.get("records")
    if not isinstance(records, dict):
        raise InterchangeError("Het casusbestand mist 'records'.")
    tables = {t.TABLE: t for t in CASE_RECORDS}
    unknown = sorted(set(records) - set(tables))
    if unknown:
        raise InterchangeError(f"Onbekende soort gegevens: {', '.join(unknown)}.")
    try:
        case = Case.from_dict(document.get("case"))
        grouped: dict[str, list[Record]] = {}
        for table, items in records.items():
            if not isinstance(items, list):
                raise ValidationError(f"{tables[table].LABEL}: verwacht een lijst.")
            grouped[table] = [tables[table].from_dict(item) for item in items]
    except ValidationError as error:
        raise InterchangeError(f"De inhoud klopt niet: {error}") from None
    data = CaseData(case, grouped)
    problems = reference_problems(data)
    if problems:
        raise InterchangeError(f"De inhoud klopt niet: {problems[0]}")
    return data
