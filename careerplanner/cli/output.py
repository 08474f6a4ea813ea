"""Printing results for people (plain text) or for scripts (`--json`)."""

from __future__ import annotations

import json
import sys
from typing import Any


def add_json_flag(parser) -> None:
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")


def emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def print_progress(done: int, total: int, message: str) -> None:
    """A progress callback for the command line: one updating line on stderr when interactive."""
    if not sys.stderr.isatty():
        return
    share = f"{100 * done // total:3d}%" if total else "    "
    sys.stderr.write(f"\r{share} {message[:70]:<70}")
    if total and done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()
