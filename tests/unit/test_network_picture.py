"""The network picture fits the space it is given (issue 11): no row wider than the picture, no
more rows than it has, '+N meer' when people do not fit, the legend always, ties told apart by
shape."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from krachtoverleg.core.models import Case, NetworkMember
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.vocab import Influence, Relation, Tie
from krachtoverleg.core.rules.privacy import Names
from krachtoverleg.tui.widgets.network_picture import TIE_SHAPES, first_to_show, network_picture


def case_with(members: list[NetworkMember]) -> CaseData:
    return CaseData(Case(code="K-001", label="Gezin V."), {"network": list(members)})


def people(count: int, relation: Relation = Relation.FAMILY, tie: Tie = Tie.NORMAL) -> list[NetworkMember]:
    return [NetworkMember(name=f"Persoon {n}", role=f"oom nummer {n}", relation=relation, tie=tie)
            for n in range(count)]


@settings(max_examples=40, deadline=None)
@given(width=st.integers(40, 200), height=st.integers(9, 60), family=st.integers(0, 30),
       professionals=st.integers(0, 30))
def test_the_picture_never_leaves_its_box(width, height, family, professionals):
    data = case_with(people(family) + people(professionals, Relation.PROFESSIONALS))
    lines = network_picture(data, Names(show_names=False), width, height).plain.split("\n")
    assert len(lines) <= max(height, 9)
    assert all(cell_len(line) <= max(width, 40) for line in lines)
    assert any("sterk" in line for line in lines), "the legend is always there"


def test_people_who_do_not_fit_are_counted():
    text = network_picture(case_with(people(12)), Names(show_names=False), 80, 10).plain
    assert "meer" in text and "FAMILIE (12)" in text


@pytest.mark.parametrize("height", [10, 40])
def test_a_larger_screen_shows_more_people(height):
    text = network_picture(case_with(people(8)), Names(show_names=False), 120, height).plain
    shown = sum(f"oom nummer {n}" in text for n in range(8))
    assert shown == 8 if height == 40 else shown < 8


def test_strong_normal_weak_and_stressful_ties_differ_in_shape():
    assert len(set(TIE_SHAPES.values())) == len(Tie)
    data = case_with(people(1, tie=Tie.STRONG) + people(1, Relation.FRIENDS, tie=Tie.NORMAL))
    text = network_picture(data, Names(show_names=False), 100, 20).plain
    assert "═══" in text and "───" in text


def test_the_legend_never_breaks_inside_an_item():
    from krachtoverleg.tui.widgets.network_picture import legend, legend_items

    items = [item.plain for item in legend_items()]
    for width in range(24, 140, 7):  # the longest item, "A advies en informatie", is 22
        lines = [line.plain for line in legend(width)]
        assert all(len(line) <= width for line in lines), width
        assert [piece for line in lines for piece in line.split("   ")] == items, width


@pytest.mark.parametrize("where", [0, 5, 11])
def test_who_makes_things_harder_is_never_the_one_left_out(where):
    """'+N meer' takes the neutral people first: the ex-partner who gives tension and hinders is
    the one the room must see (issue 20: a third family member pushed her out)."""
    family = people(12)
    family[where] = NetworkMember(name="Ex", role="ex-partner", relation=Relation.FAMILY, tie=Tie.STRESSFUL,
                                  influence=Influence.HINDERS)
    text = network_picture(case_with(family), Names(show_names=False), 80, 10).plain
    assert "meer" in text and "ex-partner" in text and "✖ remt" in text


def test_people_shown_keep_their_own_order():
    family = people(6)
    family[4] = NetworkMember(name="Ex", role="ex-partner", relation=Relation.FAMILY, tie=Tie.STRESSFUL)
    shown = first_to_show(family, 3)
    assert [m.role for m in shown] == ["oom nummer 0", "oom nummer 1", "ex-partner"]
