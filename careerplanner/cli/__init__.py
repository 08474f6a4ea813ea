"""The command line: `careerplanner` opens the window; subcommands work headless.

Every command exits 0 on success; on failure it prints one plain sentence on stderr and exits
non-zero. `--debug` adds the traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from collections.abc import Iterable, Sequence

from careerplanner import __version__
from careerplanner.cli.library_warnings import route_library_warnings
from careerplanner.cli.output import guard_terminal
from careerplanner.core.collector import paused_collector
from careerplanner.errors import Cancelled, UserError, sentence_for_system_error
from careerplanner.paths import user_data_dir
from careerplanner.safety import install_network_guard
from careerplanner.store.app_lock import refuse_if_app_running
from careerplanner.store.recovery import start_quick_check
from careerplanner.store.user.changes import add_listener

# Each command's module, with its `register(subparsers)`. Only the named command's module is
# loaded (help loads them all), so a window start and `--version` load none of them.
COMMAND_MODULES = {
    "dataset": "careerplanner.cli.dataset_cmd",
    "resume": "careerplanner.cli.resume_cmd",
    "gap": "careerplanner.cli.gap_cmd",
    "roadmap": "careerplanner.cli.roadmap_cmd",
    "data": "careerplanner.cli.data_cmd",
    "ads": "careerplanner.cli.ads_cmd",
    "market": "careerplanner.cli.market_cmd",
}
HELP_OPTIONS = ("-h", "--help")
PDF_READING_COMMANDS = frozenset({"resume", "ads"})  # their files may be PDFs


def build_parser(commands: Iterable[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    """The parser, with the subcommands `commands` (names of COMMAND_MODULES) registered."""
    parser = argparse.ArgumentParser(
        prog="careerplanner",
        description="Offline career planner. With no command, opens the application window.",
    )
    parser.add_argument("--version", action="version", version=f"careerplanner {__version__}")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="start the GUI, load the store, show the main window, print what was loaded, exit",
    )
    parser.add_argument(
        "--all-screens",
        action="store_true",
        help="with --smoke: also draw every screen once",
    )
    parser.add_argument(
        "--size",
        metavar="WxH",
        help="open the window at this size, e.g. 1024x640 (with --smoke: check that size)",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help="show tracebacks on failure, and library warnings (always in the log file)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in commands:
        # Loaded here, not at the top: a command module brings in its services (start-up).
        importlib.import_module(COMMAND_MODULES[name]).register(subparsers)
    return parser


# Headless actions that only read; every other action changes data and must not run beside an
# open window (one writer at a time).
READ_ONLY_ACTIONS = {
    ("dataset", "list"),
    ("dataset", "diff"),
    ("dataset", "export"),
    ("resume", "parse"),
    ("ads", "parse"),
    ("ads", "list"),
    ("ads", "show"),
    ("ads", "summary"),
    ("ads", "export"),
    ("resume", "skills"),
    ("roadmap", "list"),
    ("roadmap", "export"),
    ("roadmap", "due"),
    ("roadmap", "levels"),
    ("data", "check"),
    ("data", "backup"),
    ("market", "skill"),
    ("market", "role"),
}


def _writes(args: argparse.Namespace) -> bool:
    if args.command == "gap":
        return bool(getattr(args, "set_level", None))
    action = next(
        (value for name, value in vars(args).items() if name.endswith(("_command", "_action"))),
        None,
    )
    if args.command == "roadmap" and action == "evidence":
        return args.evidence_action != "list"
    return (args.command, action) not in READ_ONLY_ACTIONS


def _commands_needed(argv: Sequence[str]) -> Iterable[str]:
    """The commands to register for `argv`: none for a window start (options only), which keeps
    ~15 ms off every start; the named one; or all of them for the main help, or for a word that
    names no command (argparse then lists the commands it knows)."""
    for arg in argv:
        if arg in HELP_OPTIONS:
            return COMMAND_MODULES
        if not arg.startswith("-"):  # the main options take no value: the first word is the command
            return (arg,) if arg in COMMAND_MODULES else COMMAND_MODULES
    return ()


def _refresh_plain_copy(user_db, at_once: bool = False) -> None:
    # Start-up: the plain copy's writer (json, the backup format, ~25 ms of imports) loads at
    # the first change of the user's data, not with the window or with a read-only command.
    from careerplanner.services.plain_copy import note_change

    note_change(user_db, at_once)  # written once per action, on the copy's own thread


def _refresh_plain_copy_at_once(user_db) -> None:
    """A command's change: its copy is written while the command goes on (no pause to wait
    for more clicks), and the command waits for it before it exits."""
    _refresh_plain_copy(user_db, at_once=True)


def _flush_plain_copy() -> None:
    """Before exiting: write the copy the last action left pending (if anything changed)."""
    plain_copy = sys.modules.get("careerplanner.services.plain_copy")
    if plain_copy is not None:
        plain_copy.flush_plain_copy()


def _sentence_for_input(error: BaseException) -> str | None:
    """Sentences for values a user can type or a file can hold that no reader rejected first."""
    if isinstance(error, OverflowError) and "SQLite INTEGER" in str(error):
        return (
            "A number given is too large to be an id or a count here (the largest is "
            "9223372036854775807); nothing was changed."
        )
    return None


def _data_folder():
    """The data folder, for telling a full disk in an error; None when it cannot be known."""
    try:
        return user_data_dir()
    except Exception:  # only a hint for the sentence: never fail the report itself
        return None


def _pdf_named(argv: Sequence[str]) -> str | None:
    """The first PDF file a command that reads resumes or job ads was given on the line."""
    if not argv or argv[0] not in PDF_READING_COMMANDS:
        return None
    return next((arg for arg in argv[1:] if arg.casefold().endswith(".pdf")), None)


def main(argv: Sequence[str] | None = None) -> int:
    install_network_guard()
    unguard_terminal = guard_terminal()  # escape sequences in data are shown, never obeyed
    argv = sys.argv[1:] if argv is None else list(argv)
    pdf = _pdf_named(argv)
    if pdf is not None:
        # Before anything heavy is loaded: the PDF reader starts, and reads the file, while the
        # rest loads.
        from careerplanner.importers.resume.pdf_reader import start_worker_early

        start_worker_early(pdf)
    # As in app.run_gui: loading a command's modules makes tens of thousands of long-lived
    # objects and next to no garbage, which the cycle collector would traverse again and again
    # while they pile up.
    with paused_collector():
        parser = build_parser(_commands_needed(argv))
    args = parser.parse_args(argv)
    route_library_warnings(debug=args.debug)
    # Both front ends start here: every change of the user's data rewrites its plain copy.
    add_listener(_refresh_plain_copy if args.command is None else _refresh_plain_copy_at_once)
    try:
        if args.command is None:
            # The window's first step, checking the user's data (10-15 ms on a large file),
            # runs while Qt and the screens load.
            start_quick_check(user_data_dir() / "user.db")
            with paused_collector():  # Qt's and the screens' modules: as the commands' above
                from careerplanner.app import run_gui  # the GUI and Qt: no command needs them

            return run_gui(smoke=args.smoke, all_screens=args.all_screens, size=args.size)
        if _writes(args):
            refuse_if_app_running(user_data_dir())
        return int(args.handler(args) or 0)
    except Cancelled as error:
        print(str(error), file=sys.stderr)
        return 130
    except UserError as error:
        if args.debug:
            traceback.print_exc()
        print(str(error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted; nothing was changed.", file=sys.stderr)
        return 130
    except Exception as error:  # a disk problem, or a bug: say so plainly
        if args.debug:
            traceback.print_exc()
        sentence = sentence_for_system_error(error, _data_folder()) or _sentence_for_input(error)
        if sentence:
            print(sentence, file=sys.stderr)
            return 1
        print(
            f"Something went wrong ({type(error).__name__}: {error}). "
            "Run again with --debug for details.",
            file=sys.stderr,
        )
        return 2
    finally:
        _flush_plain_copy()
        unguard_terminal()
