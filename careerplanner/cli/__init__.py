"""The command line: `careerplanner` opens the window; subcommands work headless.

Every command exits 0 on success; on failure it prints one plain sentence on stderr and exits
non-zero. `--debug` adds the traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from careerplanner import __version__
from careerplanner.errors import Cancelled, UserError, sentence_for_system_error

# Each module has `register(subparsers)`; it imports its heavy parts inside the handler so that
# starting the GUI does not pay for the command line.
COMMAND_MODULES = (
    "careerplanner.cli.dataset_cmd",
    "careerplanner.cli.resume_cmd",
    "careerplanner.cli.gap_cmd",
    "careerplanner.cli.roadmap_cmd",
    "careerplanner.cli.data_cmd",
)


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
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
    parser.add_argument("--debug", action="store_true", help="show tracebacks on failure")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    if not with_commands:
        return parser
    import importlib

    for module_name in COMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        module.register(subparsers)
    return parser


# Headless actions that only read; every other action changes data and must not run beside an
# open window (one writer at a time).
READ_ONLY_ACTIONS = {
    ("dataset", "list"),
    ("dataset", "diff"),
    ("dataset", "export"),
    ("resume", "parse"),
    ("resume", "skills"),
    ("roadmap", "list"),
    ("roadmap", "export"),
    ("roadmap", "due"),
    ("roadmap", "levels"),
    ("data", "check"),
    ("data", "backup"),
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


def _print_traceback() -> None:
    import traceback  # only for --debug: ~5 ms that every start would pay

    traceback.print_exc()


def _may_name_a_command(argv: Sequence[str]) -> bool:
    """False for a plain window start (options only): the command modules are not loaded then,
    which keeps ~15 ms off every start. Help lists the commands, so it loads them."""
    return any(not arg.startswith("-") or arg in ("-h", "--help") for arg in argv)


def main(argv: Sequence[str] | None = None) -> int:
    from careerplanner.safety import install_network_guard

    install_network_guard()
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(with_commands=_may_name_a_command(argv))
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from careerplanner.app import run_gui

            return run_gui(smoke=args.smoke, all_screens=args.all_screens)
        if _writes(args):
            from careerplanner.paths import user_data_dir
            from careerplanner.store.app_lock import refuse_if_app_running

            refuse_if_app_running(user_data_dir())
        return int(args.handler(args) or 0)
    except Cancelled as error:
        print(str(error), file=sys.stderr)
        return 130
    except UserError as error:
        if args.debug:
            _print_traceback()
        print(str(error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted; nothing was changed.", file=sys.stderr)
        return 130
    except Exception as error:  # a disk problem, or a bug: say so plainly
        if args.debug:
            _print_traceback()
        sentence = sentence_for_system_error(error)
        if sentence:
            print(sentence, file=sys.stderr)
            return 1
        print(
            f"Something went wrong ({type(error).__name__}: {error}). "
            "Run again with --debug for details.",
            file=sys.stderr,
        )
        return 2
