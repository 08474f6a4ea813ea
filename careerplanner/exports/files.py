"""Writing an export file safely: whole or not at all."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from careerplanner.errors import UserError


def write_file(path: Path, data: bytes) -> Path:
    """Write `data` to `path` through a temporary file in the same folder and an atomic rename."""
    path = Path(path).expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(f"Can't write {path}: the folder {folder} does not exist.")
    if path.is_dir():
        raise UserError(f"Can't write {path}: it is a folder; choose a file name to write.")
    if path.exists() and not path.is_file():
        return _write_in_place(path, data)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=folder)
    except PermissionError:
        raise UserError(f"Can't write to {folder}; check its permissions.") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except OSError as error:
        Path(temp_name).unlink(missing_ok=True)
        if error.errno == 28:  # ENOSPC
            raise UserError(f"Not enough disk space to write {path}.") from error
        raise UserError(f"Can't write {path} ({error.strerror}).") from error
    return path


def _write_in_place(path: Path, data: bytes) -> Path:
    """A device or a pipe (`-o /dev/stdout`, `/dev/full`): written to, never replaced by a new
    file renamed over it. The open does not wait for a pipe's reader."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise UserError(f"Not enough space to write {path}.") from error
        if error.errno == errno.ENXIO:
            raise UserError(
                f"{path} is a pipe that nothing reads from; nothing was written."
            ) from error
        raise UserError(f"Can't write {path} ({error.strerror}).") from error
    return path
