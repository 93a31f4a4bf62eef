"""User text in Markdown shows exactly as typed and cannot change the structure around it."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from krachtoverleg.core.export import markdown as md
from krachtoverleg.core.export.html_document import render_body

# What the model lets through: any text without control characters (newlines and tabs allowed).
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"),
                                      blacklist_characters="\u2028\u2029\x85")
               | st.sampled_from("\n\t*_#|[]()<>`\\&;!-+=.1234567890~ :/"), max_size=60)


def _visible(rendered: str) -> str:
    """The text a reader sees: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()


@settings(max_examples=300)
@given(TEXT)
def test_inline_text_renders_as_typed(text):
    rendered = render_body(md.inline(text))
    assert _visible(rendered) == " ".join(text.split())
    assert rendered.count("<p>") <= 1 and "<h" not in rendered and "<li" not in rendered


@settings(max_examples=300)
@given(TEXT)
def test_a_bullet_of_user_text_stays_one_bullet(text):
    rendered = render_body(md.bullets([md.inline(text) or "leeg"]) + "\n\nna de lijst")
    assert rendered.count("<li>") == 1 and "<ol" not in rendered and "<h" not in rendered
    assert rendered.rstrip().endswith("<p>na de lijst</p>")


@settings(max_examples=300)
@given(TEXT)
def test_a_block_keeps_its_lines_and_never_ends_its_list(text):
    rendered = render_body(md.bullets([md.block(text) or "leeg"]) + "\n\nna de lijst")
    assert rendered.count("<li>") == 1 and "<h" not in rendered and "<pre" not in rendered
    lines = [" ".join(line.split()) for line in text.replace("\r", "\n").split("\n")]
    expected = "\n".join(line for line in lines if line) or "leeg"
    item = rendered[rendered.index("<li>"):rendered.index("</li>")]
    assert _visible(item.replace("<br />\n", "\n")) == expected


@settings(max_examples=300)
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_table_cells_keep_their_columns(cells):
    rendered = render_body(md.table([f"k{i}" for i in range(len(cells))], [[md.cell(c) for c in cells]]))
    body = rendered[rendered.index("<tbody>"):]
    found = re.findall(r"<td>(.*?)</td>", body, re.S)
    assert len(found) == len(cells)
    for shown, typed in zip(found, cells, strict=False):
        assert html.unescape(re.sub(r"<[^>]+>", "", shown)) == (" ".join(typed.split()) or "-")


def test_the_examples_from_the_issue():
    assert _visible(render_body(md.inline("*Jan* | # x"))) == "*Jan* | # x"
    row = render_body(md.table(["Naam", "Rol"], [[md.cell("*Jan* | # x"), "broer"]]))
    assert row.count("<td>") == 2
    assert "- list" in _visible(render_body(md.inline("- list")))
    assert "&amp;copy;" in render_body(md.inline("&copy;"))
