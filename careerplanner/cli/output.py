"""Printing results for people (plain text) or for scripts (`--json`)."""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

# Control characters a terminal acts on (ESC starts colour, cursor and title sequences; C1 codes
# such as U+009B do the same on some terminals): text from files (a dataset's names, a resume's
# lines, a file name) is printed with them made visible, never obeyed. Tab, newline and carriage
# return stay (the progress line rewrites itself with a carriage return).
_SHOWN = {c: f"\\x{c:02x}" for c in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]}
for _kept in (0x09, 0x0A, 0x0D):
    del _SHOWN[_kept]


def without_controls(text: str) -> str:
    """`text` with terminal control characters written as visible escapes (\\x1b)."""
    return text.translate(_SHOWN)


class ControlFreeStream:
    """A text stream that writes `without_controls(text)` to the stream it wraps."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(without_controls(text))
        return len(text)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def guard_terminal():
    """Route stdout and stderr through `ControlFreeStream`; returns the function that puts the
    original streams back (the command line calls it when its command is done)."""
    originals = {name: getattr(sys, name) for name in ("stdout", "stderr")}
    for name, stream in originals.items():
        if stream is not None and not isinstance(stream, ControlFreeStream):
            setattr(sys, name, ControlFreeStream(stream))

    def restore() -> None:
        for name, stream in originals.items():
            setattr(sys, name, stream)

    return restore


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
