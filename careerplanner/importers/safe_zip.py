"""Reading zip files a user hands us, refusing the dangerous ones before anything is written.

Nothing is ever extracted to disk: members are read into memory through `SafeZip.read`, which
decompresses with a hard cap, so a lying size header cannot make it produce more than it declared.

Each refusal has its own sentence:
- not a zip at all;
- truncated (the table of contents at the end is missing) or otherwise damaged;
- password-protected (encrypted) members;
- unsafe member names (zip slip): `../x`, `/abs`, `C:\\x`, `\\\\server\\share`;
- zip bombs: a member that expands more than `MAX_RATIO` times, or a total over `max_total_bytes`;
- lying size headers: a member whose data does not match the size it declares;
- a checksum mismatch (damaged data).

    with SafeZip.open(path) as archive:      # the whole table of contents is checked here
        for name in archive.names(): ...
        data = archive.read(name)            # size, ratio and CRC checked while reading
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from careerplanner.errors import UserError

MAX_RATIO = 1000
"""A member expanding more than this many times is treated as a zip bomb."""

RATIO_FLOOR_BYTES = 1 << 20
"""Small members may compress extremely well (a file of spaces); only judge ratios above 1 MiB."""

DEFAULT_MAX_TOTAL = 2 << 30
"""Two GiB unpacked: far above any real dataset or data export."""

_LOCAL_HEADER = struct.Struct("<4s5H3L2H")
_DRIVE = re.compile(r"^[A-Za-z]:")


class SafeZip:
    """A checked, read-only view of a zip file. Use `SafeZip.open(path)` (a context manager)."""

    def __init__(self, path: Path, archive: zipfile.ZipFile, max_total_bytes: int) -> None:
        self.path = path
        self._zip = archive
        self._infos = {info.filename: info for info in archive.infolist()}
        self._check_members(max_total_bytes)

    # ------------------------------------------------------------------ opening and checks

    @classmethod
    def open(cls, path: str | Path, *, max_total_bytes: int = DEFAULT_MAX_TOTAL) -> SafeZip:
        """Open and check `path`; raise UserError with a specific sentence when it is unsafe."""
        path = Path(path)
        name = path.name
        try:
            with open(path, "rb") as handle:
                head = handle.read(4)
        except OSError as error:
            raise UserError(f"Can't read {path} ({error.strerror}).") from error
        if not head:
            raise UserError(f"{name} is empty, not a zip file.")
        try:
            archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile as error:
            if head.startswith(b"PK"):
                raise UserError(
                    f"{name} is a truncated or damaged zip file (its table of contents is "
                    "missing); download or copy it again."
                ) from error
            raise UserError(f"{name} is not a zip file.") from error
        except (OSError, EOFError, ValueError) as error:
            raise UserError(f"{name} is a damaged zip file ({error}).") from error
        try:
            return cls(path, archive, max_total_bytes)
        except BaseException:
            archive.close()
            raise

    def _check_members(self, max_total_bytes: int) -> None:
        name = self.path.name
        total = 0
        seen: set[str] = set()
        for info in self._zip.infolist():  # `_infos` keeps only the last of two equal names
            if info.filename in seen:
                raise UserError(
                    f"{name} holds two files named “{info.filename}”, so which one is meant is "
                    "ambiguous; the zip was refused and nothing was written."
                )
            seen.add(info.filename)
        for info in self._infos.values():
            check_member_name(info.filename, name)
            if info.flag_bits & 0x1:
                raise UserError(
                    f"{name} is password-protected (“{info.filename}” is encrypted); "
                    "Career Planner can only read unencrypted zip files."
                )
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise UserError(
                    f"{name}: “{info.filename}” uses a compression method Career Planner can't "
                    "read; re-create the zip with ordinary (deflate) compression."
                )
            if info.file_size > RATIO_FLOOR_BYTES and (
                info.compress_size == 0 or info.file_size / info.compress_size > MAX_RATIO
            ):
                raise UserError(
                    f"{name} looks like a zip bomb: “{info.filename}” would expand "
                    f"{info.file_size:,} bytes from {info.compress_size:,}; it was not opened."
                )
            total += info.file_size
        if total > max_total_bytes:
            raise UserError(
                f"{name} would unpack to {total / 1e9:.1f} GB, far more than any dataset; "
                "it was not opened."
            )

    # ------------------------------------------------------------------ access

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def names(self) -> list[str]:
        """Member file names (folders left out), in the archive's order."""
        return [n for n, info in self._infos.items() if not info.is_dir()]

    def size(self, name: str) -> int:
        """The declared uncompressed size of `name`."""
        return self._infos[name].file_size

    def read(self, name: str) -> bytes:
        """The bytes of member `name`, decompressed under a cap and checked against its CRC."""
        info = self._infos.get(name)
        if info is None:
            raise UserError(f"{self.path.name} has no file “{name}”.")
        raw = self._raw_member(info)
        data = raw if info.compress_type == zipfile.ZIP_STORED else self._inflate(info, raw)
        if len(data) != info.file_size:
            raise UserError(
                f"{self.path.name}: “{name}” lies about its size (it declares "
                f"{info.file_size:,} bytes but holds {len(data):,}); the file was refused."
            )
        if zlib.crc32(data) != info.CRC:
            raise UserError(
                f"{self.path.name}: “{name}” is damaged (its checksum does not match); "
                "download or copy the zip again."
            )
        return data

    def _raw_member(self, info: zipfile.ZipInfo) -> bytes:
        handle = self._zip.fp
        if handle is None:  # pragma: no cover - closed archive
            raise ValueError("the zip file is closed")
        header = b""
        if info.header_offset >= 0:
            handle.seek(info.header_offset)
            header = handle.read(_LOCAL_HEADER.size)
        if len(header) != _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
            raise UserError(
                f"{self.path.name}: “{info.filename}” is damaged or the zip is truncated "
                "(its local header is missing)."
            )
        fields = _LOCAL_HEADER.unpack(header)
        name_length, extra_length = fields[-2], fields[-1]
        handle.seek(name_length + extra_length, 1)
        raw = handle.read(info.compress_size)
        if len(raw) != info.compress_size:
            raise UserError(
                f"{self.path.name} is truncated: “{info.filename}” is cut short; "
                "download or copy it again."
            )
        return raw

    def _inflate(self, info: zipfile.ZipInfo, raw: bytes) -> bytes:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        try:
            # One byte more than declared is enough to catch a lying header without a blow-up.
            data = inflater.decompress(raw, info.file_size + 1)
        except zlib.error as error:
            raise UserError(
                f"{self.path.name}: “{info.filename}” is damaged (its compressed data is "
                "invalid); download or copy the zip again."
            ) from error
        if len(data) > info.file_size:
            raise UserError(
                f"{self.path.name}: “{info.filename}” lies about its size (it declares "
                f"{info.file_size:,} bytes but holds more); the file was refused."
            )
        if not inflater.eof:
            raise UserError(
                f"{self.path.name}: “{info.filename}” lies about its size or is truncated (it "
                f"declares {info.file_size:,} bytes but its data ends early or runs on)."
            )
        return data


def check_member_name(member: str, archive_name: str) -> None:
    """Refuse names that would escape the folder they are unpacked into (zip slip)."""
    unsafe = (
        member.startswith(("/", "\\"))
        or _DRIVE.match(member) is not None
        or "\x00" in member
        or ".." in PurePosixPath(member.replace("\\", "/")).parts
    )
    if unsafe:
        raise UserError(
            f"{archive_name} contains an unsafe file name “{member}” that points outside its "
            "folder; the zip was refused and nothing was written."
        )


def is_zip(path: str | Path) -> bool:
    """True when `path` starts like a zip file (used to recognise inputs, not to trust them)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(4) in (b"PK\x03\x04", b"PK\x05\x06")
    except OSError:
        return False
