"""Instrument scales. Only the names of the ZRM domains and levels are used; the ZRM's per-cell
scoring criteria are copyrighted and deliberately absent."""

from __future__ import annotations

ZRM_DOMAINS: tuple[str, ...] = (
    "Financiën",
    "Werk & opleiding",
    "Tijdsbesteding",
    "Huisvesting",
    "Huiselijke relaties",
    "Geestelijke gezondheid",
    "Lichamelijke gezondheid",
    "Middelengebruik",
    "Basale ADL",
    "Instrumentele ADL",
    "Sociaal netwerk",
    "Maatschappelijke participatie",
    "Justitie",
)

ZRM_LEVELS: dict[int, str] = {
    1: "acute problematiek",
    2: "niet zelfredzaam",
    3: "beperkt zelfredzaam",
    4: "voldoende zelfredzaam",
    5: "volledig zelfredzaam",
}

LADDER_RUNGS: dict[int, str] = {
    1: "geïsoleerd",
    2: "sociale contacten buiten de deur",
    3: "deelname aan georganiseerde activiteiten",
    4: "onbetaald werk",
    5: "betaald werk met ondersteuning",
    6: "betaald werk",
}

# Goals name the part of life they are about; the ZRM domains are the shared language for that.
LIFE_DOMAINS = ZRM_DOMAINS
