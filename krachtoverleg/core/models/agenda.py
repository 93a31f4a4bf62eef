"""The meeting agenda, defined once. The meeting screen, the minutes and the tests all read it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class StageKey(StrEnum):
    """The one spelling of every stage. Stored in meetings (current stage, timeboxes, drafts),
    declared by each stage pane and each minutes section."""

    OPENING = "opening"
    TERUGBLIK = "terugblik"
    KRACHTEN = "krachten"
    HULPBRONNEN = "hulpbronnen"
    NETWERK = "netwerk"
    AMBITIES = "ambities"
    DOELEN = "doelen"
    ZELF_OF_IK = "zelf_of_ik"
    ACTIES = "acties"
    AFSLUITING = "afsluiting"


@dataclass(frozen=True)
class Stage:
    key: StageKey
    title: str
    prompt: str
    minutes: int
    records: str


AGENDA: tuple[Stage, ...] = (
    Stage(StageKey.OPENING, "Opening",
          "Wie zijn er? Wat is je hulpvraag, in je eigen woorden? Wat willen we vandaag bereiken?",
          3, "deelnemers, hulpvraag, doel van vandaag"),
    Stage(StageKey.TERUGBLIK, "Terugblik",
          "Wat is er gebeurd sinds de vorige keer? Wat is gelukt?",
          5, "acties van het vorige overleg: gedaan, deels of niet, en waarom"),
    Stage(StageKey.KRACHTEN, "Krachten",
          "Wat gaat goed? Ik ben ... Ik kan ... Ik heb ... Ik wil ...",
          6, "krachten per soort: ik ben, ik kan, ik heb, ik wil"),
    Stage(StageKey.HULPBRONNEN, "Hulpbronnen",
          "Wat en wie is er al? Wat wordt gebruikt, en wat nog niet?",
          4, "hulpbronnen per groep en soort, in gebruik of nog niet"),
    Stage(StageKey.NETWERK, "Netwerk",
          "Wie staan er om je heen? Wie helpt, en wie maakt het moeilijker?",
          5, "mensen, hun steun, de band en hun invloed"),
    Stage(StageKey.AMBITIES, "Ambities en behoeften",
          "Waar droom je van? Wat is haalbaar? Wat is hiervoor nodig?",
          4, "ambities en behoeften, in de woorden van de cliënt"),
    Stage(StageKey.DOELEN, "Doelen en stappen",
          "Wat wil je bereiken? Welke kleine stappen gaan daar naartoe?",
          6, "doelen met levensgebied, en kleine stappen per doel"),
    # The method's question, "moet ik dit doen, of kan de cliënt dit zelf?", is the stage's
    # subtitle (a professional asks it of themselves); the room reads who does what.
    Stage(StageKey.ZELF_OF_IK, "Wie doet wat?",
          "Kies per stap wie het doet: jij zelf, iemand uit je netwerk, samen of een professional.",
          5, "per stap: zelf, netwerk, samen of professional, met reden en teruggaveplan"),
    Stage(StageKey.ACTIES, "Acties en afspraken",
          "Wat spreken we af, vóór wanneer, en hoe weten we dat het gelukt is?",
          5, "acties, besluiten, evaluatiedatum en plan B"),
    Stage(StageKey.AFSLUITING, "Afsluiting",
          "Wat spreken we af? Wanneer zien we elkaar weer?",
          2, "samenvatting, volgend overleg, verslag"),
)

STAGE_KEYS: tuple[StageKey, ...] = tuple(stage.key for stage in AGENDA)
STAGES: dict[StageKey, Stage] = {stage.key: stage for stage in AGENDA}

# The stage whose capture line keeps a draft of text typed but not yet submitted.
CAPTURE_STAGE = StageKey.KRACHTEN


def default_timeboxes() -> dict[str, int]:
    return {stage.key: stage.minutes for stage in AGENDA}


def stage_index(key: str) -> int:
    return STAGE_KEYS.index(StageKey(key))


def stage_number(key: str) -> int:
    """How people count the stages, on screen and in the minutes alike: 1 to 10."""
    return stage_index(key) + 1


def stage_named(key: str) -> str:
    """A stage as messages name it: "10 Afsluiting", its number counted from the agenda."""
    return f"{stage_number(key)} {STAGES[StageKey(key)].title}"


def neighbour(key: str, step: int) -> StageKey:
    """The stage `step` places away, held at the first and last stage."""
    index = min(max(stage_index(key) + step, 0), len(AGENDA) - 1)
    return STAGE_KEYS[index]
