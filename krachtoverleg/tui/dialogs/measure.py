"""The two measuring forms (Terugblik and the case overview). They return what to save; the
caller saves.

`measure_dialog` (m): a level for each chosen ZRM domain, the rung of the participatieladder and
the client's own 0-10 per goal, each field saying last time's value. `domains_dialog` (k): which
ZRM domains matter for this case, and where the team wants each to go."""

from __future__ import annotations

from typing import Any

from krachtoverleg.core.models import Case, Meeting
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.changes import Change
from krachtoverleg.core.models.instruments import LADDER_RUNGS, ZRM_DOMAINS, ZRM_LEVELS
from krachtoverleg.core.rules.progress import (
    Measure,
    ladder_measure,
    scale_measures,
    score_changes,
    suggested_domains,
    zrm_measures,
)
from krachtoverleg.tui.dialogs.form import FormDialog, FormField

LEVELS = [(f"{n} {label}", str(n)) for n, label in ZRM_LEVELS.items()]
RUNGS = [(f"{n} {label}", str(n)) for n, label in LADDER_RUNGS.items()]
SCALE = [(f"{n}{' nog niets' if n == 0 else ' bereikt' if n == 10 else ''}", str(n)) for n in range(11)]
DIGIT = "(typ een cijfer · spatie = lijst · leeg = niet gemeten)"
NOT_CHOSEN, CHOSEN = "niet", "ja"
CHOICES = [("niet gekozen", NOT_CHOSEN), ("gekozen, zonder doelniveau", CHOSEN),
           *((f"gekozen, doel: {n} {label}", str(n)) for n, label in ZRM_LEVELS.items())]


def _last_time(measure: Measure) -> str:
    if measure.previous is None:
        return "eerste meting"
    return f"vorige keer {measure.previous}, in overleg {measure.previous_meeting}"


def _target(measure: Measure) -> str:
    return f"; doel {measure.target}" if measure.target else ""


def _value(number: str | None) -> int | None:
    return int(number) if number not in (None, "") else None


def measure_dialog(data: CaseData, meeting: Meeting) -> FormDialog[list[Change]]:
    zrm = zrm_measures(data, meeting)
    ladder = ladder_measure(data, meeting)
    scales = scale_measures(data, meeting)
    fields = [FormField(f"zrm_{n}", f"ZRM {m.what} ({_last_time(m)}{_target(m)})",
                        str(m.now) if m.now is not None else None, "select", LEVELS, placeholder=DIGIT)
              for n, m in enumerate(zrm)]
    fields.append(FormField("ladder", f"Participatieladder ({_last_time(ladder)})",
                            str(ladder.now) if ladder.now is not None else None, "select", RUNGS,
                            placeholder=DIGIT))
    fields += [FormField(f"scale_{n}", f"Hoe dicht ben je bij '{m.what}'? 0 = nog niets, "
                         f"10 = bereikt ({_last_time(m)})", str(m.now) if m.now is not None else None,
                         "select", SCALE, placeholder=DIGIT)
               for n, m in enumerate(scales)]

    def build(values: dict[str, Any]) -> list[Change]:
        return score_changes(
            data, meeting,
            {m.what: _value(values[f"zrm_{n}"]) for n, m in enumerate(zrm)},
            _value(values["ladder"]),
            {m.key: _value(values[f"scale_{n}"]) for n, m in enumerate(scales)})

    return FormDialog("Meten: waar staan we nu?", fields, build)


def domains_dialog(data: CaseData) -> FormDialog[Case]:
    case = data.case
    suggested = [] if case.zrm_domains else suggested_domains(data)

    def current(domain: str) -> str:
        if domain in case.zrm_targets:
            return str(case.zrm_targets[domain])
        return CHOSEN if domain in case.zrm_domains or domain in suggested else NOT_CHOSEN

    fields = [FormField(f"domain_{n}", domain + (" (voorgesteld)" if domain in suggested else ""),
                        current(domain), "select", CHOICES) for n, domain in enumerate(ZRM_DOMAINS)]

    def build(values: dict[str, Any]) -> Case:
        chosen = [d for n, d in enumerate(ZRM_DOMAINS) if values[f"domain_{n}"] not in (None, NOT_CHOSEN)]
        targets = {d: int(values[f"domain_{n}"]) for n, d in enumerate(ZRM_DOMAINS)
                   if values[f"domain_{n}"] not in (None, NOT_CHOSEN, CHOSEN)}
        return case.replace(zrm_domains=chosen, zrm_targets=targets)

    return FormDialog("Welke ZRM-domeinen passen bij de hulpvraag?", fields, build)
