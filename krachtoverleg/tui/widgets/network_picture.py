"""The network as a picture that reads across the room and fills the space it is given.

The client sits in the middle; family and friends above, neighbours and professionals below, each
person with a line to the middle whose shape says the tie: ═ strong, ─ normal, ┄ weak, ≈ stressful
(shape, not colour, so it reads from three metres and in black and white). Hindering influence
is a sign and a word. People who do not fit are counted ("+2 meer"), never cut off, and the
legend is always there. Every row is exactly as wide as the picture, so labels never collide."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.text import Text

from krachtoverleg.core.models import NetworkMember
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.vocab import Influence, Relation, Support, Tie
from krachtoverleg.core.rules.household import household_names
from krachtoverleg.core.rules.privacy import Names
from krachtoverleg.tui import ink

TIE_SHAPES = {Tie.STRONG: "═", Tie.NORMAL: "─", Tie.WEAK: "┄", Tie.STRESSFUL: "≈"}
TIE_STYLES = {Tie.STRONG: "bold", Tie.NORMAL: "", Tie.WEAK: "", Tie.STRESSFUL: f"bold {ink.DANGER}"}
INFLUENCE = {Influence.HELPS: ("+", f"bold {ink.CLIENT}"), Influence.NEUTRAL: ("", ""),
             Influence.HINDERS: ("✖ remt", f"bold {ink.DANGER}")}
QUADRANTS = ((Relation.FAMILY, Relation.FRIENDS), (Relation.NEIGHBOURS, Relation.PROFESSIONALS))
LINE_MIN = 3  # a line reaches from the person to the middle: on a wide screen it is long


def legend_items() -> list[Text]:
    items = []
    for tie in Tie:
        item = Text(TIE_SHAPES[tie] * 2, style=TIE_STYLES[tie])
        item.append(f" {tie.label}")
        items.append(item)
    items += [Text("+ helpt"), Text("✖ remt")]
    items += [Text(f"{s.value} {s.label}") for s in Support]
    return items


def legend(width: int) -> list[Text]:
    """The legend in lines of at most `width`, never breaking inside an item ("P praktisch")."""
    lines: list[Text] = []
    line = Text()
    for item in legend_items():
        if line.cell_len and line.cell_len + 3 + item.cell_len > width:
            lines.append(line)
            line = Text()
        if line.cell_len:
            line.append("   ")
        line.append_text(item)
    lines.append(line)
    return lines


def _fit(text: str, width: int) -> str:
    """Cut to the width with an ellipsis; never wider than the cell it goes into."""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(0, width - 1)) + "…"


def _person(member: NetworkMember, names: Names, width: int, left: bool) -> Text:
    """One person and their line to the middle, exactly `width` cells wide."""
    sign, sign_style = INFLUENCE[member.influence]
    support = " ".join(str(s) for s in member.support)
    extra = " ".join(part for part in (support, sign) if part)
    room = width - LINE_MIN - 1
    who = _fit(names.member(member), max(4, room - (cell_len(extra) + 1 if extra else 0)))
    label = Text(who, style="bold")
    if support:
        label.append(f" {support}")
    if sign and cell_len(label.plain) + 1 + cell_len(sign) <= room:
        label.append(f" {sign}", style=sign_style)
    length = max(LINE_MIN, width - cell_len(label.plain) - 1)
    line = Text(TIE_SHAPES[member.tie] * length, style=TIE_STYLES[member.tie])
    row = Text.assemble(label, " ", line) if left else Text.assemble(line, " ", label)
    row.truncate(width)
    return _pad(row, width, left)


def _pad(text: Text, width: int, right_align: bool) -> Text:
    gap = max(0, width - cell_len(text.plain))
    return Text.assemble(" " * gap, text) if right_align else Text.assemble(text, " " * gap)


def _group_rows(relation: Relation, members: list[NetworkMember], names: Names, width: int,
                rows: int, left: bool, box_below: bool = True) -> list[Text]:
    """The group's heading and its people in `rows` rows; '+N meer' when they do not fit."""
    people = [m for m in members if m.relation is relation]
    heading = _pad(Text(_fit(f"{relation.label.upper()} ({len(people)})", width), style="bold underline"),
                   width, left)
    lines = [heading]
    room = max(0, rows - 1)
    if not people:
        lines.append(_pad(Text("(niemand)"), width, left))
    elif len(people) <= room:
        # a large screen spreads them evenly over the group's rows: the picture fills its space
        slots = [room * n // len(people) + (room // len(people) - 1) // 2 for n in range(len(people))]
        body = [_pad(Text(""), width, left)] * room
        for slot, member in zip(slots, people, strict=True):
            body[slot] = _person(member, names, width, left)
        # spread out, each line meets a stem that runs on to the middle, where the client is
        stem = range(min(slots) + 1, room) if box_below else range(max(slots))
        for row in stem:
            if row not in slots:
                body[row] = _stem(width, left)
        lines += body
    else:
        shown = max(0, room - 1)
        lines += [_person(member, names, width, left) for member in first_to_show(people, shown)]
        more = f"+{len(people) - shown} meer (zie de tabel)"
        if cell_len(more) > width:
            more = f"+{len(people) - shown} meer"
        lines.append(_pad(Text(_fit(more, width), style="bold"), width, left))
    lines = lines[:max(rows, 1)]
    return lines + [_pad(Text(""), width, left)] * (rows - len(lines))


def _stem(width: int, left: bool) -> Text:
    """A row with only the stem, at the side's inner edge (next to the middle)."""
    return Text(" " * (width - 1) + "│") if left else Text("│" + " " * (width - 1))


def _weight(member: NetworkMember) -> int:
    """Who the room must see first when a group does not fit: who makes things harder or gives
    tension, then who helps or is close, then the rest."""
    if member.influence is Influence.HINDERS or member.tie is Tie.STRESSFUL:
        return 0
    if member.influence is Influence.HELPS or member.tie is Tie.STRONG:
        return 1
    return 2


def first_to_show(people: list[NetworkMember], room: int) -> list[NetworkMember]:
    """The `room` people to draw, in the group's own order; "+N meer" takes the neutral ones."""
    chosen = {id(member) for member in sorted(people, key=_weight)[:room]}
    return [member for member in people if id(member) in chosen]


SIDE_MIN = 10  # each side of the middle box keeps room for a person and a line


def network_picture(data: CaseData, names: Names, width: int = 100, height: int = 14) -> Text:
    """The picture in exactly `width` columns and at most `height` rows, the legend included."""
    members = data.all(NetworkMember)
    legend_lines = legend(max(20, width))
    client = _fit(names.client(data.case), max(6, width // 3))
    # the household sits with the client in the middle, as the people the picture is about
    others = household_names(data.case.household, names, leave_out=data.case.client_name)
    family = _fit(" · ".join(others), max(6, width - 2 * SIDE_MIN - 4))
    middle = max(cell_len(client) + 4, cell_len(family) + 4, 12)
    side = max(SIDE_MIN, (width - middle) // 2)
    body = max(5, height - len(legend_lines))
    box_rows = (4 if family else 3) if body >= 12 else 1  # a small screen gives its rows to people
    half = (body - box_rows) // 2
    rows: list[Text] = []
    for number, (left_group, right_group) in enumerate(QUADRANTS):
        left = _group_rows(left_group, members, names, side, half, left=True, box_below=number == 0)
        right = _group_rows(right_group, members, names, side, half, left=False, box_below=number == 0)
        if number == 1:
            rows += _client_box(client, family, side, middle, box_rows)
        rows += [Text.assemble(a, " " * middle, b) for a, b in zip(left, right, strict=True)]
    picture = Text("\n").join([*rows, *legend_lines])
    picture.no_wrap = True
    return picture


def _client_box(client: str, family: str, side: int, middle: int, rows: int) -> list[Text]:
    inner = middle - 2
    if rows == 1:  # no room for a box: the household beside the client when it fits
        both = f"{client} · {family}" if family else client
        label = both if cell_len(both) <= inner else client
        return [Text.assemble(" " * side, "┃", Text(label.center(inner), style="bold reverse"), "┃")]
    top = "┏" + "━" * inner + "┓"
    inside = [Text.assemble(" " * side, "┃", Text(client.center(inner), style="bold"), "┃")]
    if rows == 4:
        inside.append(Text.assemble(" " * side, "┃", Text(family.center(inner)), "┃"))
    return [Text.assemble(" " * side, top), *inside, Text.assemble(" " * side, "┗" + "━" * inner + "┛")]

