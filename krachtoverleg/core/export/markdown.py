"""Markdown that user text cannot break out of.

Every piece of text a person typed goes through `inline` (a phrase inside a line), `block` (a
paragraph that may hold several lines) or `cell` (one table cell) before it is put into Markdown.
The escaping is minimal, so the mailed `.md` stays readable: only characters that can start
markup anywhere are always escaped, and characters that only matter at the start of a line
(list markers, numbered lists, setext underlines) are escaped only there."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# Characters that can start inline markup anywhere in a line, or a heading/quote at line start.
_ALWAYS = re.compile(r"([\\`*_\[\]<>#|~])")
# An entity such as &amp; or &#60; would be decoded; an ampersand before one is escaped.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# At the start of a line: bullet markers, setext underlines, and '12.' or '3)' numbered lists.
_LINE_START = re.compile(r"^([-+=])|^(\d+)([.)])")


def _escape(text: str) -> str:
    """One line: runs of spaces and tabs become one space (no code blocks, no hard breaks), and
    what could start markup anywhere is escaped."""
    text = " ".join(text.split())
    return _ENTITY.sub(r"\\&", _ALWAYS.sub(r"\\\1", text))


def _line(text: str) -> str:
    text = _escape(text)
    return _LINE_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}",
                           text)


def inline(text: str) -> str:
    """User text inside one line of Markdown: newlines become spaces."""
    return _line(text.replace("\r", "\n").replace("\n", " "))


def block(text: str) -> str:
    """User text as a paragraph: its own lines stay lines (hard breaks), blank lines collapse,
    so the text can never end the list or section it stands in."""
    lines = [_line(part) for part in text.replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    return "\\\n".join(lines)


def cell(text: str) -> str:
    """User text in a table cell: one line, pipes escaped, never empty (an empty cell reads as
    a mistake in a printed table). A cell holds inline content only, so list markers at its
    start need no escape."""
    return _escape(text) or "-"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A pipe table. Cells must already be escaped with `cell` (headers are ours)."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def bullets(items: Iterable[str]) -> str:
    """A bullet list. Items must already be escaped."""
    return "\n".join(f"- {item}" for item in items)
