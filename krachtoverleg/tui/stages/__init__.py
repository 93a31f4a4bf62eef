"""One pane per agenda stage, keyed by the stage key of the agenda."""

from krachtoverleg.tui.stages.actions import ActionsPane
from krachtoverleg.tui.stages.ambitions import AmbitionsPane
from krachtoverleg.tui.stages.closing import ClosingPane
from krachtoverleg.tui.stages.goals import GoalsPane
from krachtoverleg.tui.stages.network import NetworkPane
from krachtoverleg.tui.stages.opening import OpeningPane
from krachtoverleg.tui.stages.resources import ResourcesPane
from krachtoverleg.tui.stages.review import ReviewPane
from krachtoverleg.tui.stages.self_or_me import SelfOrMePane
from krachtoverleg.tui.stages.strengths import StrengthBoard

PANES = {
    "opening": OpeningPane,
    "terugblik": ReviewPane,
    "krachten": StrengthBoard,
    "hulpbronnen": ResourcesPane,
    "netwerk": NetworkPane,
    "ambities": AmbitionsPane,
    "doelen": GoalsPane,
    "zelf_of_ik": SelfOrMePane,
    "acties": ActionsPane,
    "afsluiting": ClosingPane,
}
