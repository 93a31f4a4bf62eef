"""Every export format, declared once where it is written. The CLI's --format choices, the
minutes dialog's options and the tests all read these two registries.

A format registers itself with a decorator on its render function; adding one means writing
that function and nothing else."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from krachtoverleg.core.export.client_plan import PlanInput
    from krachtoverleg.core.models.casedata import CaseData
    from krachtoverleg.core.rules.action_list import ActionList
    from krachtoverleg.core.rules.privacy import Names

S = TypeVar("S")  # what a format renders from


@dataclass(frozen=True)
class ExportFormat(Generic[S]):
    key: str  # what --format takes, and the file's suffix
    label: str  # in Dutch, for the screen
    render: Callable[[S, datetime], str]


class Registry(Generic[S]):
    def __init__(self, what: str) -> None:
        self.what = what
        self.formats: dict[str, ExportFormat[S]] = {}

    def register(self, key: str, label: str) -> Callable[[Callable[[S, datetime], str]],
                                                          Callable[[S, datetime], str]]:
        def declare(render: Callable[[S, datetime], str]) -> Callable[[S, datetime], str]:
            if key in self.formats:
                raise ValueError(f"{self.what}: format {key} is declared twice")
            self.formats[key] = ExportFormat(key, label, render)
            return render
        return declare

    def keys(self) -> tuple[str, ...]:
        return tuple(self.formats)

    def get(self, key: str) -> ExportFormat[S] | None:
        return self.formats.get(key)


@dataclass(frozen=True)
class MinutesText:
    """The minutes as Markdown, and the title an HTML page gets."""

    markdown: str
    title: str


@dataclass(frozen=True)
class ProgressInput:
    """A case and how to name its people, for the progress report."""

    data: CaseData
    names: Names


MINUTES: Registry[MinutesText] = Registry("verslag")
CLIENT_PLAN: Registry[PlanInput] = Registry("mijn plan")
PROGRESS: Registry[ProgressInput] = Registry("voortgang")
ACTION_LISTS: Registry[ActionList] = Registry("actielijst")


@MINUTES.register("md", "tekst voor in een mail (Markdown, .md)")
def minutes_markdown_file(minutes: MinutesText, made_at: datetime) -> str:
    return minutes.markdown


@MINUTES.register("html", "pagina om te openen en te printen (HTML, .html)")
def minutes_html_file(minutes: MinutesText, made_at: datetime) -> str:
    from krachtoverleg.core.export.html_document import (
        html_document,  # markdown-it loads only here
    )

    return html_document(minutes.markdown, minutes.title)


@PROGRESS.register("md", "tekst voor in een mail (Markdown, .md)")
def progress_markdown_file(progress: ProgressInput, made_at: datetime) -> str:
    from krachtoverleg.core.export.progress_report import progress_markdown

    return progress_markdown(progress.data, progress.names, made_at)


@PROGRESS.register("html", "pagina met de grafieken, om te openen en te printen (HTML, .html)")
def progress_html_file(progress: ProgressInput, made_at: datetime) -> str:
    from krachtoverleg.core.export.progress_report import progress_html

    return progress_html(progress.data, progress.names, made_at)


@CLIENT_PLAN.register("md", "tekst (Markdown, .md)")
def client_plan_markdown_file(plan: PlanInput, made_at: datetime) -> str:
    from krachtoverleg.core.export.client_plan import client_plan_markdown

    return client_plan_markdown(plan, made_at)


@CLIENT_PLAN.register("html", "één pagina om te printen en mee te geven (HTML, .html)")
def client_plan_html_file(plan: PlanInput, made_at: datetime) -> str:
    from krachtoverleg.core.export.client_plan import client_plan_markdown
    from krachtoverleg.core.export.html_document import ONE_PAGE_STYLE, html_document

    return html_document(client_plan_markdown(plan, made_at), "Mijn plan", ONE_PAGE_STYLE)


@CLIENT_PLAN.register("ics", "mijn stappen in de agenda, met een herinnering (.ics)")
def client_plan_calendar_file(plan: PlanInput, made_at: datetime) -> str:
    from krachtoverleg.core.export.client_plan import client_plan_ics

    return client_plan_ics(plan, made_at)


def action_list_formats() -> Registry[ActionList]:
    """The action-list formats; they register when their module loads (it is light: icalendar
    and rich load only while a list is written)."""
    import krachtoverleg.core.export.action_formats  # noqa: F401

    return ACTION_LISTS
