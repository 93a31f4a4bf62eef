"""The command line. It builds the store and the clock and hands them to the app or a command.

Exit codes: 0 done; 1 the store cannot be used; 2 bad input (unknown case, bad file or option);
3 the store is in use by another window (write commands only)."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from krachtoverleg import __version__
from krachtoverleg.core.clock import Clock, SystemClock
from krachtoverleg.core.errors import (
    InterchangeError,
    KrachtError,
    StoreBusy,
    StoreError,
    StoreReadOnly,
    UnknownCase,
    ValidationError,
)
from krachtoverleg.core.export.files import export_target
from krachtoverleg.core.export.formats import CLIENT_PLAN, MINUTES, PROGRESS, action_list_formats
from krachtoverleg.core.rules.action_list import STATUS_FILTERS
from krachtoverleg.core.rules.wording import count, day
from krachtoverleg.core.store.engine import CaseStore
from krachtoverleg.core.store.location import StoreLocation, location_from

if TYPE_CHECKING:
    from krachtoverleg.core.store.backup import BackupInfo

EXIT_STORE, EXIT_INPUT, EXIT_BUSY = 1, 2, 3


# argparse's own messages, in the Dutch of the rest of the command line.
_ARGPARSE_DUTCH = [
    (re.compile(r"the following arguments are required: (.*)"), r"dit ontbreekt nog: \1"),
    (re.compile(r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)"),
     r"\1: \2 kennen we niet (kies uit \3)"),
    (re.compile(r"argument (\S+): expected one argument"), r"\1: hier hoort een waarde achter"),
    (re.compile(r"argument (\S+): invalid (\S+) value: (.*)"), r"\1: \3 is geen geldige waarde"),
    (re.compile(r"unrecognized arguments: (.*)"), r"onbekend: \1"),
    (re.compile(r"argument (\S+): not allowed with argument (\S+)"), r"\1 kan niet samen met \2"),
]


def _in_dutch(message: str) -> str:
    for pattern, dutch in _ARGPARSE_DUTCH:
        if pattern.search(message):
            return pattern.sub(dutch, message)
    return message


# argparse's own headings, in Dutch (it asks gettext, which has no Dutch for them)
_HEADINGS = (("usage: ", "gebruik: "), ("positional arguments:", "argumenten:"), ("options:", "opties:"),
             ("show this help message and exit", "toon deze hulp en stop"),
             ("show program's version number and exit", "toon het versienummer en stop"))


def _headings_in_dutch(text: str) -> str:
    for english, dutch in _HEADINGS:
        text = text.replace(english, dutch)
    return text


class DutchParser(argparse.ArgumentParser):
    def format_usage(self) -> str:
        return _headings_in_dutch(super().format_usage())

    def format_help(self) -> str:
        return _headings_in_dutch(super().format_help())

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_INPUT, f"krachtoverleg: fout in de opdracht: {_in_dutch(message)}\n")


def _meeting_document(parser: argparse.ArgumentParser, formats: tuple[str, ...], default: str, names: str,
                      names_help: str) -> None:
    """The options of a document made from one meeting (the minutes, Mijn plan)."""
    parser.add_argument("case", metavar="CASUS")
    parser.add_argument("--meeting", metavar="N|latest", default="latest",
                        help="nummer van het overleg, of 'latest' (standaard: het laatste)")
    parser.add_argument("--format", choices=formats, help=f"standaard: volgens -o, anders {default}")
    parser.add_argument(names, action="store_true", help=names_help)
    parser.add_argument("-o", "--output", metavar="BESTAND", help="schrijf naar dit bestand")


def build_parser() -> argparse.ArgumentParser:
    parser = DutchParser(
        prog="krachtoverleg",
        description="Casusoverleg vanuit eigen kracht, op het gedeelde scherm.",
    )
    parser.add_argument("--store", metavar="MAP|URL",
                        help="map met de gegevens, of een teamopslag als postgresql://server/database "
                             "(standaard: $KRACHTOVERLEG_STORE of de gebruikersmap van dit systeem)")
    parser.add_argument("--demo", action="store_true",
                        help="open het programma op een verse tijdelijke kopie met het demo-gezin")
    parser.add_argument("--version", action="version", version=f"krachtoverleg {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="OPDRACHT", parser_class=DutchParser)
    commands.add_parser("demo", help="voeg het demo-gezin toe aan de gegevens")
    cases = commands.add_parser("cases", help="toon alle casussen")
    cases.add_argument("--format", choices=("table", "json"), default="table")
    meeting = commands.add_parser("meeting", help="open het overleg van een casus (vandaag)")
    meeting.add_argument("case", metavar="CASUS", help="casuscode (zoals K-001) of id")
    commands.add_parser("mirror", help="het scherm voor de projector: volgt het venster van de voorzitter, "
                        "alleen lezen, namen altijd uit")
    export = commands.add_parser("export-case",
                                 help="alle gegevens van één cliënt als JSON (inzage, AVG)")
    export.add_argument("case", metavar="CASUS")
    export.add_argument("-o", "--output", metavar="BESTAND", help="schrijf naar dit bestand")
    _meeting_document(commands.add_parser("minutes", help="het verslag van een overleg (Markdown of HTML)"),
                      MINUTES.keys(), "md", "--full-names",
                      "met volledige namen (vertrouwelijk); standaard rol of initialen")
    actions = commands.add_parser("actions", help="alle acties van alle casussen")
    actions.add_argument("--owner", metavar="NAAM", help="alleen de acties van deze persoon "
                         "(naam, rol of initialen)")
    actions.add_argument("--all", action="store_true", help="op een teamopslag: de acties van het hele "
                         "team (standaard: alleen de jouwe)")
    actions.add_argument("--case", metavar="CASUS", help="alleen deze casus")
    actions.add_argument("--status", choices=STATUS_FILTERS, default="open",
                         help="open (nog te doen, ook deels gedaan), done of all")
    actions.add_argument("--overdue", action="store_true", help="alleen acties die te laat zijn")
    actions.add_argument("--format", choices=action_list_formats().keys(),
                         help="standaard: volgens -o, anders table")
    actions.add_argument("--full-names", action="store_true",
                         help="met volledige namen (vertrouwelijk); standaard rol of initialen")
    actions.add_argument("-o", "--output", metavar="BESTAND", help="schrijf naar dit bestand")
    scores = commands.add_parser("scores", help="wat er gemeten is, overleg na overleg (ZRM, "
                                 "participatieladder, de eigen schaal van de cliënt)")
    scores.add_argument("case", metavar="CASUS")
    score = commands.add_parser("score", help="leg metingen vast in een overleg dat open is")
    score.add_argument("case", metavar="CASUS")
    score.add_argument("--meeting", metavar="N|latest", default="latest",
                       help="nummer van het overleg, of 'latest' (standaard: het laatste)")
    score.add_argument("--zrm", metavar="DOMEIN=NIVEAU", action="append", default=[],
                       help="een gekozen ZRM-domein en zijn niveau 1-5, zoals Financiën=3 (mag vaker)")
    score.add_argument("--ladder", metavar="TREDE", help="trede op de participatieladder, 1-6")
    score.add_argument("--scale", metavar="DOEL=WAARDE", action="append", default=[],
                       help="de eigen schaal van de cliënt: doel (nummer zoals in Doelen) en 0-10, "
                            "zoals 1=6 (mag vaker)")
    progress = commands.add_parser("progress", help="de voortgang van een casus over alle overleggen, "
                                   "met grafieken (Markdown of HTML)")
    progress.add_argument("case", metavar="CASUS")
    progress.add_argument("--format", choices=PROGRESS.keys(), help="standaard: volgens -o, anders md")
    progress.add_argument("--full-names", action="store_true",
                          help="met volledige namen (vertrouwelijk); standaard rol of initialen")
    progress.add_argument("-o", "--output", metavar="BESTAND", help="schrijf naar dit bestand")
    _meeting_document(commands.add_parser("client-plan", help="Mijn plan: één pagina voor de cliënt, in "
                                          "gewone taal"), CLIENT_PLAN.keys(), "html", "--with-name",
                      "met de naam van de cliënt erop (vraag het de cliënt); standaard zonder")
    commands.add_parser("check", help="controleer elk bestand; noemt elk probleem (code 1 als er een is)")
    commands.add_parser("backup", help="maak nu een reservekopie van alle gegevens")
    restore = commands.add_parser("restore", help="zonder naam: toon de reservekopieën; met naam: "
                                  "zet die terug (de huidige stand wordt eerst bewaard)")
    restore.add_argument("backup", metavar="RESERVEKOPIE", nargs="?")
    erase = commands.add_parser("erase", help="wis alle gegevens van één cliënt, ook uit de "
                                "reservekopieën (AVG); zonder --yes alleen tonen wat weg zou gaan")
    erase.add_argument("case", metavar="CASUS")
    erase.add_argument("--yes", action="store_true", help="echt wissen")
    team = commands.add_parser("team", help="de teamopslag inrichten (voor de beheerder; zie "
                               "docs/team-store.md)")
    steps = team.add_subparsers(dest="team_command", metavar="STAP", parser_class=DutchParser, required=True)
    steps.add_parser("setup", help="maak of werk de tabellen bij (als eigenaar van de database)")
    add_team = steps.add_parser("add", help="voeg een team toe")
    add_team.add_argument("name", metavar="TEAM")
    member = steps.add_parser("member", help="zet een bestaande database-login in een team")
    member.add_argument("login", metavar="LOGIN")
    member.add_argument("team", metavar="TEAM")
    member.add_argument("--name", required=True, metavar="NAAM",
                        help="de naam zoals die in het netwerk van de casussen staat (voor 'mijn acties')")
    steps.add_parser("whoami", help="met welke login en in welk team je werkt")
    migrate = commands.add_parser("migrate", help="kopieer alle casussen naar een andere opslag (map of "
                                  "teamopslag), met controle; de bron blijft zoals hij is")
    migrate.add_argument("--to", required=True, metavar="MAP|URL", help="waarheen")
    migrate.add_argument("--team", metavar="TEAM", help="bij een teamopslag: het team van de casussen")
    imp = commands.add_parser("import", help="voeg een casus toe uit een JSON-bestand")
    imp.add_argument("file", metavar="BESTAND")
    imp.add_argument("--replace", action="store_true", help="vervang een casus die er al is")
    return parser


def main(argv: Sequence[str] | None = None, clock: Clock | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    for number, text in enumerate(given, start=1):
        try:  # bytes that are no UTF-8 reach Python as lone surrogates: no message could echo them
            text.encode("utf-8")
        except UnicodeEncodeError:
            return _fail(f"Het {number}e woord van de opdracht bevat tekens die geen tekst zijn "
                         "(geen UTF-8). Typ het opnieuw.", EXIT_INPUT)
    args = build_parser().parse_args(given)
    clock = clock or SystemClock()
    if args.demo and args.command:
        return _fail("--demo kan niet samen met een opdracht.", EXIT_INPUT)
    try:
        if args.demo:
            return _run_demo_tui(clock)
        where = location_from(args.store)
        handler = COMMANDS.get(args.command or "", _tui)
        return handler(args, where, clock)
    except StoreBusy as error:
        return _fail(str(error), EXIT_BUSY)
    except (UnknownCase, InterchangeError, ValidationError) as error:
        return _fail(str(error), EXIT_INPUT)
    except (StoreError, KrachtError) as error:
        return _fail(str(error), EXIT_STORE)
    except BrokenPipeError:
        # The reader stopped early (`restore | head`): that is its choice, not an error here.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:  # a full disk, a read-only folder, a file that vanished
        reason = error.strerror or type(error).__name__
        place = f" ({error.filename})" if error.filename else ""
        return _fail(f"Een bestand kon niet worden gelezen of geschreven: {reason}{place}. "
                     "Wat al was opgeslagen is bewaard; los dit op en probeer het opnieuw.", EXIT_STORE)


def _fail(message: str, code: int) -> int:
    print(f"krachtoverleg: {message}", file=sys.stderr)
    return code


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _report_fixed(store: CaseStore) -> None:
    """What this start mended, said once."""
    if store.restore_note:
        _say(f"krachtoverleg: {store.restore_note}")
    for path in store.fixed_permissions:
        _say(f"krachtoverleg: {path} was leesbaar voor anderen; nu alleen voor jou.")


# -- commands ---------------------------------------------------------------------------


def _tui(args: argparse.Namespace, where: StoreLocation, clock: Clock) -> int:
    try:
        store = where.open(write=True, now=clock.now)
    except StoreBusy:
        return _launch_read_only(where, clock)
    except StoreReadOnly as error:
        return _launch_read_only(where, clock, reason=str(error))
    with store:
        _report_fixed(store)
        return _launch(store, clock)  # the app makes the day's backup beside its first screen


def _launch_read_only(where: StoreLocation, clock: Clock, case_id: str | None = None,
                      reason: str = "") -> int:
    """A second window on the same store, or a store on a read-only disk: it reads, follows any
    writer, and says why it can't write."""
    if reason:
        _say(f"krachtoverleg: {reason} Dit venster kan alleen lezen.")
    else:
        _say("krachtoverleg: de gegevens zijn al open in een ander venster; dit venster kan alleen lezen.")
    store = where.open(write=False)
    if reason:
        store.read_only_reason = "in deze map kan niet worden geschreven"
    return _launch(store, clock, case_id)


def _run_demo_tui(clock: Clock) -> int:
    from krachtoverleg.core.demo import add_demo

    folder = Path(tempfile.mkdtemp(prefix="krachtoverleg-demo-"))
    try:
        with StoreLocation(folder=folder / "store").open(write=True) as store:
            add_demo(store, clock.today())
            return _launch(store, clock)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _mirror(args: argparse.Namespace, where: StoreLocation, clock: Clock) -> int:
    """The projector's window: it follows the chair's window on the same store."""
    if where.folder is not None and not (where.folder / "cases").is_dir():
        raise ValidationError(f"In {where.folder} staan nog geen gegevens van krachtoverleg. Start eerst "
                              "het venster van de voorzitter (krachtoverleg meeting CASUS), met "
                              "dezelfde --store.")
    return _launch(where.open(write=False), clock, mirror=True)


def _launch(store: CaseStore, clock: Clock, case_id: str | None = None, mirror: bool = False) -> int:
    from krachtoverleg.core.preferences import Preferences, default_path
    from krachtoverleg.tui.app import (
        KrachtApp,  # Textual loads only when the screen is wanted
    )

    app = KrachtApp(store=store, clock=clock, open_case=case_id, hard_stop_after_hang_up=True,
                    preferences=Preferences.load(default_path()), mirror=mirror, daily_backup=True)
    app.run()
    if app.return_code:
        return 1  # a crash: the app has said so in Dutch and written its log
    if not app.quit_requested:
        return _stopped_unasked(store, clock)
    return 0


def _stopped_unasked(store: CaseStore, clock: Clock) -> int:
    """The screen closed although nobody asked it to: never pass that off as a normal end."""
    from krachtoverleg.core.store.crashlog import write_crash_log

    try:
        log = write_crash_log(store.local_dir / "logs", RuntimeError("stopped without a request"),
                              clock.now())
        report = f" Een verslag voor de beheerder staat in {log}."
    except OSError:
        report = ""
    _say("krachtoverleg is onverwacht gestopt. Alles wat al was opgeslagen is bewaard." + report +
         " Start het programma opnieuw om verder te gaan.")
    return 1


def _demo(args: argparse.Namespace, where: StoreLocation, clock: Clock) -> int:
    from krachtoverleg.core.demo import add_demo

    with where.open(write=True, now=clock.now) as store:
        _report_fixed(store)
        case = add_demo(store, clock.today())
    print(f"Demo-gezin toegevoegd als {case.code} ({case.label}).")
    return 0


def _cases(args: argparse.Namespace, where: StoreLocation, clock: Clock) -> int:
    store = where.open(write=False)
    today = clock.today()
    rows = []
    summary_dates = {}  # the table says dates as the screen does (dd-mm-jjjj); JSON keeps ISO
    for summary in store.cases():
        next_meeting = summary.next_meeting(today)
        summary_dates[summary.id] = next_meeting
        rows.append({
            "id": summary.id, "code": summary.code, "label": summary.label,
            "open_actions": summary.open_actions,
            "next_meeting": next_meeting.isoformat() if next_meeting else None,
            "damaged": summary.damaged or None,
        })
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("Nog geen casussen. Voeg het demo-gezin toe met: krachtoverleg demo")
        return 0
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table("Code", "Naam", "Open acties", "Volgend overleg", box=None)
    for row in rows:
        label = f"{row['label']}{' (beschadigd)' if row['damaged'] else ''}"
        # Text, not a string: a label is shown as typed, never read as Rich markup.
        next_meeting = summary_dates.get(str(row["id"]))
        table.add_row(str(row["code"]), Text(label), str(row["open_actions"]), day(next_meeting))
    Console().print(table)
    return 0


def _meeting(args: argparse.Namespace, where: StoreLocation, clock: Clock) -> int:
    from krachtoverleg.core.rules.meetings import meeting_for_today

    try:
        store = where.open(write=True, now=clock.now)
    except StoreBusy:
        return _launch_read_only(where, clock, where.open(write=False).resolve(args.case).id)
    except StoreReadOnly as error:
        return _launch_read_only(where, clock, where.open(write=False).resolve(args.case).id,
                                 reason=str(error))
    with store:
        _report_fixed(store)
        summary = store.resolve(args.case)
        meeting_for_today(store, summary.id, clock.today())
        return _launch(store, clock, summary.id)


def _write_or_print(text: str, output: str | None, what: str, store_folder: Path | None) -> None:
    """To the file named (0600, checked before writing), or to standard output."""
    from krachtoverleg.core.export.files import write_export

    if output is not None:
        target = write_export(output, text, store_folder)
        _say(f"{what} staat in {target} (alleen leesbaar voor jou).")
    else:
        sys.stdout.write(text)


def _export_case(args: argparse.Namespace, where: StoreLocation, clock: Clock) -> int:
    from krachtoverleg.core.export.interchange import dumps, export_case

    store = where.open(write=False)
    data = store.load_by_code(args.case)
    if args.output is not None:
        export_target(args.output, where.folder)
    _write_or_print(dumps(export_case(data, clock.now())), args.output,
                    f"Het bestand met alle gegevens van {data.case.code}", where.folder)
    return 0


def _format(args: argparse.Namespace, known: tuple[str, ...], default: str) -> str:
    """The format asked for; without --format, the one the file's name says (verslag.html), else
    the default. A --format that contradicts the file's name is refused: never Markdown in a
    file called .html."""
    suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
    named = suffix if suffix in known else None
    if args.format is None:
        return named or default
    if named is not None and named != args.format:
        raise ValidationError(f"--format {args.format} past niet bij het bestand {args.output} (.{named}). "
                              f"Laat --format weg, of kies een naam die eindigt op .{args.format}.")
    return str(args.format)


def _minutes(args: argparse.Namespace, where: StoreLocation, clock: Clock) -> int:
    from krachtoverleg.core.export.files import render_minutes
    from krachtoverleg.core.export.minutes import choose_meeting
    from krachtoverleg.core.rules.privacy import Names

    if args.output is not None:
        export_target(args.output, where.folder)  # a bad path is refused before any work
    store = where.open(write=False)
    data = store.load_by_code(args.case)
    meeting = choose_meeting(data, args.meeting)
    fmt = _format(args, MINUTES.keys(), "md")
    text = render_minutes(data, meeting, Names(show_names=args.full_names), clock.now(), fmt)
    _write_or_print(text, args.output, f"Het verslag van {data.case.code}, overleg {meeting.number},",
                    where.folder)
    return 0


def _actions(args: argparse.Namespace, where: StoreLocation, clock: Clock) -> int:
    from krachtoverleg.core.export import action_formats as formats
    from krachtoverleg.core.rules.action_list import ActionFilter, collect
    from krachtoverleg.core.rules.privacy import Names

    if args.output is not None:
        export_target(args.output, where.folder)
    if args.owner is not None and not args.owner.strip():
        raise ValidationError("--owner: vul een naam, rol of initialen in.")
    store = where.open(write=False)
    case_id = store.resolve(args.case).id if args.case else None
    if store.me and args.owner is None and not args.all and case_id is None:
        args.owner = store.me  # a professional's own list first, on a team store
    today = clock.today()
    wanted = ActionFilter(args.owner, case_id, args.status, args.overdue)
    everything = collect(store, Names(show_names=args.full_names), today,
                         [case_id] if case_id else None, wanted)
    for problem in everything.problems:
        _say(f"krachtoverleg: overgeslagen: {problem}")
    actions = everything.filtered(wanted)
    if store.me and args.owner == store.me and not args.all:
        _say(f"krachtoverleg: de acties van {store.me}; die van het hele team: --all" if actions.rows else
             f"krachtoverleg: er staan geen acties op naam van {store.me}; die van het hele team: --all")
    args.format = _format(args, action_list_formats().keys(), "table")
    if args.format == "table" and args.output is None:
        from rich.console import Console

        for line in formats.table_lines(actions, Console()):
            sys.stdout.write(line + "\n")
        return 0
    text = action_list_formats().formats[args.format].render(actions, clock.now())
    _write_or_print(text, args.output, "De actielijst", where.folder)
    return 0


def _scores(args: argparse.Namespace, where: StoreLocation, clock: Clock) -> int:
    from krachtoverleg.core.rules.progress import summary_lines

    data = where.open(write=False).load_by_code(args.case)
    if not data.meetings():
        raise ValidationError(f"Casus {data.case.code} heeft nog geen overleg.")
    for meeting in data.meetings():
        print(f"Overleg {meeting.number} ({meeting.date:%d-%m-%Y})")
        for line in summary_lines(data, meeting):
            print(f"  {line}")
    return 0


def _score(args: argparse.Namespace, where: StoreLocation, clock: Clock) -> int:
    from krachtoverleg.core.export.minutes import choose_meeting
    from krachtoverleg.core.models import LadderScore
    from krachtoverleg.core.rules.editing import refusal
    from krachtoverleg.core.rules.progress import parse_scores, score_changes, summary_lines

    if not (args.zrm or args.ladder is not None or args.scale):
        raise ValidationError("Geef iets om vast te leggen: --zrm, --ladder of --scale.")
    with where.open(write=True, now=clock.now) as store:
        data = store.load_by_code(args.case)
        meeting = choose_meeting(data, args.meeting)
        levels, rung, values = parse_scores(data, args.zrm, args.ladder, args.scale)
        if args.ladder is None:  # not given: the rung already there stays, it is not removed
            rung = next((s.rung for s in data.all(LadderScore) if s.meeting_id == meeting.id), None)
        changes = score_changes(data, meeting, levels, rung, values)
        reason = refusal(meeting, store.writable, changes)
        if reason is not None:
            raise ValidationError(reason)
        store.apply(data.case.id, *changes)
        saved = store.load(data.case.id)
        print(f"Vastgelegd in overleg {meeting.number} van {data.case.code}:")
        for line in summary_lines(saved, meeting):
            print(f"  {line}")
    return 0


def _progress(args: argparse.Namespace, where: StoreLocation, clock: Clock) -> int:
    from krachtoverleg.core.export.formats import ProgressInput
    from krachtoverleg.core.rules.privacy import Names

    if args.output is not None:
        export_target(args.output, where.folder)
    data = where.open(write=False).load_by_code(args.case)
    chosen = PROGRESS.formats[_format(args, PROGRESS.keys(), "md")]
    text = chosen.render(ProgressInput(data, Names(show_names=args.full_names)), clock.now())
    _write_or_print(text, args.output, f"De voortgang van {data.case.code}", where.folder)
    return 0


def _client_plan(args: argparse.Namespace, where: StoreLocation, clock: Clock) -> int:
    from krachtoverleg.core.export.files import render_client_plan
    from krachtoverleg.core.export.minutes import choose_meeting

    if args.output is not None:
        export_target(args.output, where.folder)
    data = where.open(write=False).load_by_code(args.case)
    meeting = choose_meeting(data, args.meeting)
    fmt = _format(args, CLIENT_PLAN.keys(), "html")
    text = render_client_plan(data, meeting, clock.today(), clock.now(), fmt, args.with_name)
    _write_or_print(text, args.output, f"Mijn plan van {data.case.code}, overleg {meeting.number},",
                    where.folder)
    return 0


def _check(args: argparse.Namespace, where: StoreLocation, clock: Clock) -> int:
    from krachtoverleg.core.store.check import check_cases, check_store

    if where.folder is None:
        with where.open(write=False) as store:
            result = check_cases(store)
    else:
        from krachtoverleg.core.store import staged_restore
        from krachtoverleg.core.store.folder_store import FolderStore

        if staged_restore.pending(where.folder):  # a killed restore: finished or undone first
            _report_fixed(FolderStore.open(where.folder, write=False))
        result = check_store(where.folder)
    for report in result.reports:
        if report.ok:
            print(f"✓ {report.what}")
        for problem in report.problems:
            print(f"✗ {report.what}: {problem}")
    if result.problems:
        print(f"{count(result.problems, 'probleem', 'problemen')} gevonden "
              f"({count(len(result.cases), 'casus', 'casussen')} gecontroleerd). "
              "Een beschadigd bestand wordt nooit overschreven; zet het terug met "
              "'krachtoverleg restore'.")
        return EXIT_STORE
    checked = count(len(result.cases), "casus", "casussen")
    print(f"Alles in orde: {checked} gecontroleerd in {where.describe()}.")
    return 0


def _folder_only(where: StoreLocation, command: str) -> Path:
    """backup and restore work on a folder; a team store's backups are the server's."""
    if where.folder is None:
        raise ValidationError(f"'{command}' is voor gegevens in een map. Van een teamopslag maakt de "
                              "server de reservekopieën (pg_dump of de back-up van de gemeente); vraag "
                              "de beheerder.")
    return where.folder


def _backup(args: argparse.Namespace, where: StoreLocation, clock: Clock) -> int:
    from krachtoverleg.core.store.backup import make_backup, read_backup
    from krachtoverleg.core.store.folder_store import FolderStore

    with FolderStore.open(_folder_only(where, "backup"), write=True, now=clock.now) as store:
        _report_fixed(store)
        info = read_backup(make_backup(store, clock.now()))
    print(f"Reservekopie gemaakt: {info.path} ({_holding(info)}).")
    return 0


def _holding(info: BackupInfo) -> str:
    return f"{count(len(info.cases), 'casus', 'casussen')}: {', '.join(str(c) for c in info.cases) or '-'}"


def _restore(args: argparse.Namespace, where: StoreLocation, clock: Clock) -> int:
    from krachtoverleg.core.store.backup import list_backups, restore_backup
    from krachtoverleg.core.store.folder_store import FolderStore

    folder = _folder_only(where, "restore")
    if not args.backup:
        backups = list_backups(folder)
        if not backups:
            print("Er zijn nog geen reservekopieën. Maak er een met 'krachtoverleg backup'.")
            return 0
        print("Reservekopieën (de nieuwste eerst). Terugzetten: krachtoverleg restore NAAM")
        for info in backups:
            made = info.made.strftime("%d-%m-%Y %H:%M") if info.made else "?"
            print(f"  {info.name}  {made}  {info.problem or _holding(info)}")
        return 0
    with FolderStore.open(folder, write=True, now=clock.now) as store:
        _report_fixed(store)
        info, safety = restore_backup(store, args.backup, clock.now())
    print(f"Teruggezet: {info.name} ({_holding(info)}).")
    print(f"De stand van vlak daarvoor staat in {safety.name}; terug naar die stand: "
          f"krachtoverleg restore {safety.name}")
    return 0


def _erase(args: argparse.Namespace, where: StoreLocation, clock: Clock) -> int:
    from krachtoverleg.core.store.erasure import erase, plan_erasure

    with where.open(write=True, now=clock.now) as store:
        plan = plan_erasure(store, args.case)
        if not args.yes:
            print("Dit zou worden gewist (er is nog niets gewist):")
            print("\n".join(plan.describe()))
            where_part = f" --store '{args.store}'" if args.store else ""
            print(f"Echt wissen: krachtoverleg{where_part} erase {plan.case.code} --yes")
            return 0
        changed = erase(store, plan)
    backups = count(len(changed), "reservekopie", "reservekopieën")
    print(f"Casus {plan.case.code} is gewist, ook uit {backups}.")
    return 0


def _import(args: argparse.Namespace, where: StoreLocation, clock: Clock) -> int:
    from krachtoverleg.core.export.interchange import read_case
    from krachtoverleg.core.store.safe_read import read_capped

    source = Path(args.file).expanduser()
    try:  # only a regular file, up to the size of the largest case: never /dev/zero or a pipe
        text = read_capped(source).decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "geen tekstbestand"
        raise InterchangeError(f"Kan {source} niet lezen: {reason}.") from None
    imported = read_case(text)  # fully checked before the store is touched
    data = imported.data
    with where.open(write=True, now=clock.now) as store:
        existing = [s for s in store.cases() if s.id == data.case.id or s.code == data.case.code]
        if existing and not args.replace:
            raise ValidationError(
                f"Casus {data.case.code} bestaat al. Gebruik --replace om hem te vervangen.")
        if existing:
            store.replace_case(data)
            print(f"Casus {data.case.code} is vervangen.")
        else:
            store.create_case(data.case, [r for records in data.records.values() for r in records])
            print(f"Casus {data.case.code} is toegevoegd.")
    for note in imported.notes():
        print(note)
    return 0


def _migrate(args: argparse.Namespace, where: StoreLocation, clock: Clock) -> int:
    from dataclasses import replace

    from krachtoverleg.core.store.location import parse_location
    from krachtoverleg.core.store.migrate import migrate

    target = parse_location(args.to)
    if args.team and not target.is_team:
        raise ValidationError("--team hoort bij een teamopslag (--to postgresql://…).")
    target = replace(target, team=args.team)
    if target == where:
        raise ValidationError("--to is dezelfde opslag als de bron.")
    with where.open(write=False) as source, target.open(write=True, now=clock.now) as destination:
        moved = migrate(source, destination)
    for item in moved:
        print(item.line())
    failed = [item for item in moved if not item.ok]
    done = count(len(moved) - len(failed), "casus", "casussen")
    print(f"{done} staan in {target.describe()}; de bron is niet veranderd.")
    if failed:
        _say(f"krachtoverleg: {count(len(failed), 'casus', 'casussen')} niet gekopieerd; zie hierboven.")
        return EXIT_STORE
    return 0


def _team(args: argparse.Namespace, where: StoreLocation, clock: Clock) -> int:
    if where.url is None:
        raise ValidationError("'team' is voor een teamopslag: geef --store postgresql://server/database.")
    from krachtoverleg.core.store import team_admin

    for line in team_admin.run(where.url, args.team_command, vars(args)):
        print(line)
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, StoreLocation, Clock], int]] = {
    "demo": _demo,
    "cases": _cases,
    "meeting": _meeting,
    "mirror": _mirror,
    "export-case": _export_case,
    "minutes": _minutes,
    "check": _check,
    "backup": _backup,
    "restore": _restore,
    "erase": _erase,
    "actions": _actions,
    "scores": _scores,
    "progress": _progress,
    "client-plan": _client_plan,
    "score": _score,
    "import": _import,
    "team": _team,
    "migrate": _migrate,
}
