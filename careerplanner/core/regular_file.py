"""Reading only regular files, with the size cap enforced while reading.

A resume or a dataset named by the user may be a symlink to /dev/zero (its size reads 0 and it
never ends), a FIFO (an open or a read that waits forever) or a device. The size a stat reports
is only true for a regular file, so the kind is checked on the open descriptor (no race with a
swap of the name), the open does not wait on a FIFO (O_NONBLOCK), and the read stops one byte past
the cap whatever the size said.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from careerplanner.errors import UserError

_CHUNK = 1024 * 1024
_KINDS = (
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a disk device"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
)


def not_regular_sentence(path: Path, mode: int) -> str:
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    return (
        f"{Path(path).name} is {kind}, not a regular file, so it was not read; choose the file "
        "itself (a symbolic link is fine when it points to a regular file)."
    )


def require_regular(path: Path) -> os.stat_result:
    """The file's stat, following symbolic links; a UserError unless it is a regular file."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise UserError(f"{path} does not exist.") from None
    except PermissionError:
        raise UserError(f"Can't read {path}; check its permissions.") from None
    if stat.S_ISDIR(info.st_mode):
        raise UserError(f"{path} is a folder, not a file.")
    if not stat.S_ISREG(info.st_mode):
        raise UserError(not_regular_sentence(path, info.st_mode))
    return info


def require_regular_tree(folder: Path) -> None:
    """Every file below `folder` is a regular file (links followed); folders are not followed
    through links, so a link loop cannot trap the walk."""
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root) / name
            try:
                mode = os.stat(path).st_mode
            except OSError:
                continue  # a dangling link: the readers skip what they cannot open
            if not stat.S_ISREG(mode):
                raise UserError(
                    f"{Path(folder).name} holds {path.relative_to(folder)}, which is "
                    + not_regular_sentence(path, mode).split(" is ", 1)[1]
                )


def read_capped(path: Path, limit: int, too_large: str) -> bytes:
    """The bytes of the regular file `path`, or UserError `too_large` once more than `limit`
    bytes come out of it (however small its stat said it was)."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise UserError(f"{path} does not exist.") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a folder, not a file.") from None
    except PermissionError:
        raise UserError(f"Can't read {path}; check its permissions.") from None
    with os.fdopen(fd, "rb", buffering=0) as handle:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise UserError(f"{path} is a folder, not a file.")
        if not stat.S_ISREG(mode):
            raise UserError(not_regular_sentence(path, mode))
        chunks, total = [], 0
        while chunk := handle.read(min(_CHUNK, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise UserError(too_large)
    return b"".join(chunks)
