"""Columns share the width without clipping (issue 11): the least important fold first, a key
column never folds, a column is never narrower than its title, and wrapped text fits."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from krachtoverleg.tui.fit import DATE, KEY, Fit, natural_width, plan_widths, wrap

WHO = Fit(min_width=20, priority=0)
WHY = Fit(min_width=16, priority=2)
BACK = Fit(min_width=16, priority=3)


def test_a_wide_screen_shows_every_column_on_one_line():
    natural = [50, 30, 20, 60]
    assert plan_widths([KEY, WHO, WHY, BACK], natural, 200) == natural


def test_a_narrow_screen_folds_the_least_important_column_first():
    widths = plan_widths([KEY, WHO, WHY, BACK], [50, 30, 20, 60], 78)
    assert widths[3] is None  # "Terug naar cliënt" folds first
    assert widths[0] is not None and widths[1] is not None  # the step and who does it: always
    assert sum(w + 2 for w in widths if w is not None) <= 78


def test_the_columns_that_never_fold_stay_even_when_too_wide():
    widths = plan_widths([KEY, WHO], [80, 80], 40)
    assert all(width is not None and width >= 3 for width in widths)


def test_a_column_is_never_narrower_than_its_title():
    widths = plan_widths([KEY, Fit(min_width=4, priority=1)], [40, 4], 60, titles=[4, 12])
    assert widths[1] is not None and widths[1] >= 12


def test_a_date_is_never_broken():
    widths = plan_widths([KEY, DATE], [40, 10], 40)
    assert widths[1] in (None, 10)


@given(natural=st.lists(st.integers(1, 120), min_size=1, max_size=6),
       available=st.integers(20, 240), priorities=st.lists(st.integers(0, 4), min_size=6, max_size=6))
def test_the_plan_never_asks_for_more_than_the_width_unless_nothing_can_fold(natural, available, priorities):
    fits = [Fit(min_width=8, priority=p) for p in priorities[:len(natural)]]
    widths = plan_widths(fits, natural, available)
    shown = [w for w in widths if w is not None]
    assert shown, "something is always shown"
    foldable_left = any(w is not None and f.priority > 0 for w, f in zip(widths, fits, strict=True))
    if sum(w + 2 for w in shown) > available:
        assert not foldable_left or len(shown) == 1
    for width, want in zip(widths, natural, strict=True):
        assert width is None or width <= max(want, 8)


@given(text=st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=200),
       width=st.integers(4, 60))
def test_wrapped_lines_fit_their_column(text, width):
    lines = wrap(text, width, max_lines=100)
    assert all(cell_len(line) <= width for line in lines)


def test_wrapping_breaks_between_words_and_marks_what_is_left_out():
    assert wrap("Schuldeisers bellen voor een betalingsregeling", 20, 6) == [
        "Schuldeisers bellen", "voor een", "betalingsregeling"]
    assert wrap("een twee drie vier vijf zes", 5, 2)[-1].endswith("…")
    assert natural_width("Wie", ["broer", "schuldhulpverlener"]) == 18


def test_a_wrapped_numbered_line_keeps_its_number_in_the_margin():
    assert wrap("2. Naar de sociale dienst voor bijzondere bijstand", 30, 3) == [
        "2. Naar de sociale dienst voor", "   bijzondere bijstand"]
    assert wrap("░ professional: schuldhulpverlener", 20, 3) == ["░ professional:", "  schuldhulpverlener"]
    assert wrap("Gewoon tekst die lang is", 15, 3) == ["Gewoon tekst", "die lang is"]  # no marker


@given(st.text(alphabet="12. abcdé•░", max_size=60), st.integers(1, 40), st.integers(1, 4))
def test_hanging_lines_never_grow_past_the_width(value, width, lines):
    wrapped = wrap(value, width, lines)
    assert len(wrapped) <= lines
    assert all(cell_len(line) <= width for line in wrapped)
