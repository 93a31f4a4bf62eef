"""The meeting agenda, defined once. The meeting screen, the minutes and the tests all read it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Stage:
    key: str
    title: str
    prompt: str
    minutes: int
    records: str


AGENDA: tuple[Stage, ...] = (
    Stage("opening", "Opening",
          "Wie zijn er? Wat is de hulpvraag, in de woorden van de cliënt? Wat willen we vandaag bereiken?",
          3, "deelnemers, hulpvraag, doel van vandaag"),
    Stage("terugblik", "Terugblik",
          "Wat is er gebeurd sinds de vorige keer? Wat is gelukt?",
          5, "acties van het vorige overleg: gedaan, deels of niet, en waarom"),
    Stage("krachten", "Krachten",
          "Wat gaat goed? Ik ben ... Ik kan ... Ik heb ... Ik wil ...",
          6, "krachten per soort: ik ben, ik kan, ik heb, ik wil"),
    Stage("hulpbronnen", "Hulpbronnen",
          "Wat en wie is er al? Wat wordt gebruikt, en wat nog niet?",
          4, "hulpbronnen per groep en soort, in gebruik of nog niet"),
    Stage("netwerk", "Netwerk",
          "Wie staat om de cliënt heen? Wie helpt, en wie maakt het moeilijker?",
          5, "mensen, hun steun, de band en hun invloed"),
    Stage("ambities", "Ambities en behoeften",
          "Waar droomt de cliënt van? Wat heeft de cliënt nodig?",
          4, "ambities en behoeften, in de woorden van de cliënt"),
    Stage("doelen", "Doelen en stappen",
          "Wat wil de cliënt bereiken? Welke kleine stappen gaan daar naartoe?",
          6, "doelen met levensgebied, en kleine stappen per doel"),
    Stage("zelf_of_ik", "Zelf of ik?",
          "Kies per stap wie het doet: zelf, netwerk, samen of een professional.",
          5, "per stap: zelf, netwerk, samen of professional, met reden en terugvalplan"),
    Stage("acties", "Acties en afspraken",
          "Wie doet wat, wanneer is het klaar, en hoe weten we dat het gelukt is?",
          5, "acties, besluiten, evaluatiedatum en plan B"),
    Stage("afsluiting", "Afsluiting",
          "Wat spreken we af? Wanneer zien we elkaar weer?",
          2, "samenvatting, volgend overleg, verslag"),
)

STAGE_KEYS: tuple[str, ...] = tuple(stage.key for stage in AGENDA)
STAGES: dict[str, Stage] = {stage.key: stage for stage in AGENDA}


def default_timeboxes() -> dict[str, int]:
    return {stage.key: stage.minutes for stage in AGENDA}


def stage_index(key: str) -> int:
    return STAGE_KEYS.index(key)


def neighbour(key: str, step: int) -> str:
    """The stage `step` places away, held at the first and last stage."""
    index = min(max(stage_index(key) + step, 0), len(AGENDA) - 1)
    return STAGE_KEYS[index]
