"""The network as a picture that reads across the room: the client in the centre, people to
the left and right by relation group, the tie drawn in the line itself, and hindering
influence marked with a sign and a word as well as colour."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from krachtoverleg.core.models import NetworkMember
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.vocab import Influence, Relation, Tie
from krachtoverleg.core.rules.privacy import Names

LINES = {Tie.STRONG: "━━━━", Tie.NORMAL: "────", Tie.WEAK: "┄┄┄┄", Tie.STRESSFUL: "≈≈≈≈"}
INFLUENCE = {Influence.HELPS: ("+", "bold green"), Influence.NEUTRAL: ("", ""),
             Influence.HINDERS: ("✖ remt", "bold red")}
LEGEND = Text("━ sterk  ─ gewoon  ┄ zwak  ≈ geeft spanning   + helpt  ✖ remt   "
              "P praktisch  G gezelschap  A advies  E emotioneel", style="dim")
LEFT = (Relation.FAMILY, Relation.NEIGHBOURS)
RIGHT = (Relation.FRIENDS, Relation.PROFESSIONALS)


def _person(member: NetworkMember, names: Names, left: bool) -> Text:
    sign, style = INFLUENCE[member.influence]
    who = names.member(member)
    support = " ".join(str(s) for s in member.support)
    label = Text(who, style="bold")
    if support:
        label.append(f" {support}", style="")
    if sign:
        label.append(f" {sign}", style=style)
    line = Text(LINES[member.tie], style="red" if member.tie is Tie.STRESSFUL else "")
    return Text.assemble(label, " ", line) if left else Text.assemble(line, " ", label)


def _side(groups: tuple[Relation, ...], members: list[NetworkMember], names: Names, left: bool) -> Group:
    parts: list[RenderableType] = []
    for relation in groups:
        people = [m for m in members if m.relation is relation]
        parts.append(Text(relation.label.upper(), style="underline", justify="right" if left else "left"))
        for member in people:
            text = _person(member, names, left)
            text.justify = "right" if left else "left"
            parts.append(text)
        if not people:
            parts.append(Text("(niemand)", style="dim", justify="right" if left else "left"))
        parts.append(Text(""))
    return Group(*parts)


def _stacked(members: list[NetworkMember], names: Names, centre: Panel) -> RenderableType:
    """For narrow screens: the client on top, each group below with its lines."""
    parts: list[RenderableType] = [centre]
    for relation in Relation:
        people = [m for m in members if m.relation is relation]
        parts.append(Text(relation.label.upper(), style="underline"))
        parts += [Text.assemble("  ", _person(m, names, left=False)) for m in people]
        if not people:
            parts.append(Text("  (niemand)", style="dim"))
    return Group(*parts)


def network_picture(data: CaseData, names: Names, width: int = 100) -> RenderableType:
    members = data.all(NetworkMember)
    if width < 70:
        centre = Panel(Text(names.client(data.case), justify="center", style="bold"),
                       border_style="bold", expand=False)
        return Group(_stacked(members, names, centre), LEGEND)
    grid = Table.grid(expand=True, padding=(0, 0))
    grid.add_column(ratio=5)
    grid.add_column(ratio=2, vertical="middle")
    grid.add_column(ratio=5)
    centre = Panel(Text(names.client(data.case), justify="center", style="bold"), border_style="bold")
    grid.add_row(_side(LEFT, members, names, True), centre, _side(RIGHT, members, names, False))
    return Group(grid, LEGEND)
