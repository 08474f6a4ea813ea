"""Writing an export file safely: whole or not at all."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from careerplanner.errors import UserError

# What `write_file` writes: bytes, or pieces of bytes written one after the other (a large
# document assembled from parts is then never copied into one buffer first).
Content = bytes | Sequence[bytes | memoryview]


def write_file(
    path: Path, data: Content, before_replace: Callable[[int], None] | None = None
) -> Path:
    """Write `data` to `path` through a temporary file in the same folder and an atomic rename.
    `before_replace` is called with the new file's descriptor, once its data is on disk and
    before it takes the name (to note which file it is, say: `os.fstat`)."""
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
            for piece in _pieces(data):
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
            if before_replace is not None:
                before_replace(handle.fileno())
        os.replace(temp_name, path)
    except OSError as error:
        Path(temp_name).unlink(missing_ok=True)
        if error.errno == 28:  # ENOSPC
            raise UserError(f"Not enough disk space to write {path}.") from error
        raise UserError(f"Can't write {path} ({error.strerror}).") from error
    return path


def _pieces(data: Content) -> Sequence[bytes | memoryview]:
    return [data] if isinstance(data, bytes | bytearray | memoryview) else data


def _write_in_place(path: Path, data: Content) -> Path:
    """A device or a pipe (`-o /dev/stdout`, `/dev/full`): written to, never replaced by a new
    file renamed over it. The open does not wait for a pipe's reader."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        try:
            for piece in _pieces(data):
                view = memoryview(piece)
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
