"""Every stage pane, found by importing each module of this package: a pane registers itself by
declaring its stage key, so adding a stage means adding one file. A test checks the result
against the agenda."""

from __future__ import annotations

import importlib
import pkgutil

import krachtoverleg.tui.stages as stages
from krachtoverleg.core.models.agenda import StageKey
from krachtoverleg.tui.stages.base import PANES, StagePane


def stage_panes() -> dict[StageKey, type[StagePane]]:
    for info in pkgutil.iter_modules(stages.__path__):
        importlib.import_module(f"{stages.__name__}.{info.name}")
    return dict(PANES)
