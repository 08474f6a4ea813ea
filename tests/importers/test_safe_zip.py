"""SafeZip refuses every dangerous zip with its own sentence, before anything is read out."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from careerplanner.errors import UserError
from careerplanner.importers.safe_zip import SafeZip, check_member_name
from tests.conftest import onet_release


def write_zip(path: Path, members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def patch_sizes(data: bytes, new_size: int) -> bytes:
    """Rewrite the declared uncompressed size of the (only) member in both headers."""
    data = bytearray(data)
    local = data.find(b"PK\x03\x04")
    struct.pack_into("<L", data, local + 22, new_size)
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<L", data, central + 24, new_size)
    return bytes(data)


def set_encrypted_flag(data: bytes) -> bytes:
    data = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        (flags,) = struct.unpack_from("<H", data, at + offset)
        struct.pack_into("<H", data, at + offset, flags | 0x1)
    return bytes(data)


def refusal(path: Path) -> str:
    with pytest.raises(UserError) as error, SafeZip.open(path) as archive:
        for name in archive.names():
            archive.read(name)
    return str(error.value)


def test_reads_the_real_onet_zip():
    path = onet_release("29.3")
    reference = zipfile.ZipFile(path)
    with SafeZip.open(path) as archive:
        names = archive.names()
        assert "db_29_3_text/Technology Skills.txt" in names
        assert "db_29_3_text/" not in names  # folders are left out
        for name in names:
            assert archive.read(name) == reference.read(name)


def test_not_a_zip(tmp_path):
    path = tmp_path / "release.zip"
    path.write_text("O*NET-SOC Code\tTitle\n", encoding="utf-8")
    assert refusal(path) == "release.zip is not a zip file."


def test_empty_file(tmp_path):
    path = tmp_path / "empty.zip"
    path.write_bytes(b"")
    assert refusal(path) == "empty.zip is empty, not a zip file."


def test_truncated_zip(tmp_path):
    whole = write_zip(tmp_path / "whole.zip", {"a.txt": b"x" * 5000}).read_bytes()
    path = tmp_path / "cut.zip"
    path.write_bytes(whole[: len(whole) // 2])
    assert "cut.zip is a truncated or damaged zip file" in refusal(path)


def test_truncated_member_data(tmp_path):
    # The central directory survives but points past the data: cut from the middle.
    data = write_zip(tmp_path / "whole.zip", {"a.txt": bytes(range(256)) * 400}).read_bytes()
    central = data.find(b"PK\x01\x02")
    cut = data[:200] + data[central:]
    # Offsets in the end record now point to the wrong place, so zipfile itself may refuse it.
    path = tmp_path / "cut.zip"
    path.write_bytes(cut)
    message = refusal(path)
    assert "cut.zip" in message
    assert "truncated" in message or "damaged" in message


@pytest.mark.parametrize(
    "name",
    [
        "../evil.txt",
        "data/../../evil.txt",
        "/etc/passwd",
        "C:\\Windows\\evil.txt",
        "C:/x",
        "\\\\server\\share",
    ],
)
def test_zip_slip_names_are_refused(tmp_path, name):
    path = write_zip(tmp_path / "slip.zip", {"ok.txt": b"fine", name: b"evil"})
    message = refusal(path)
    assert message.startswith(f"slip.zip contains an unsafe file name “{name}”")
    assert "nothing was written" in message


def test_safe_names_pass():
    for name in ("a.txt", "db_29_3_text/Skills.txt", "dir/sub/x..y.txt"):
        check_member_name(name, "a.zip")


def test_zip_bomb_by_ratio(tmp_path):
    path = write_zip(tmp_path / "bomb.zip", {"zeros.txt": b"\0" * (4 << 20)})
    message = refusal(path)
    assert message.startswith("bomb.zip looks like a zip bomb: “zeros.txt” would expand")


def test_total_size_limit(tmp_path):
    path = write_zip(tmp_path / "big.zip", {"a.txt": b"a" * 1000, "b.txt": b"b" * 1000})
    with pytest.raises(UserError, match=r"big.zip would unpack to .* it was not opened"):
        SafeZip.open(path, max_total_bytes=1500)


def test_lying_size_header_smaller_than_the_data(tmp_path):
    # A bomb that hides behind a small declared size: the cap stops decompression at once.
    original = write_zip(tmp_path / "x.zip", {"a.txt": b"\0" * (4 << 20)}).read_bytes()
    path = tmp_path / "liar.zip"
    path.write_bytes(patch_sizes(original, 1000))
    message = refusal(path)
    assert message.startswith("liar.zip: “a.txt” lies about its size (it declares 1,000 bytes")


def test_lying_size_header_larger_than_the_data(tmp_path):
    original = write_zip(tmp_path / "x.zip", {"a.txt": b"hello " * 100}).read_bytes()
    path = tmp_path / "liar.zip"
    path.write_bytes(patch_sizes(original, 5000))
    assert "“a.txt” lies about its size" in refusal(path)


def test_encrypted_member(tmp_path):
    original = write_zip(tmp_path / "x.zip", {"secret.txt": b"data" * 10}).read_bytes()
    path = tmp_path / "locked.zip"
    path.write_bytes(set_encrypted_flag(original))
    assert refusal(path).startswith("locked.zip is password-protected (“secret.txt” is encrypted)")


def test_checksum_mismatch(tmp_path):
    original = write_zip(tmp_path / "x.zip", {"a.txt": b"A" * 100}, zipfile.ZIP_STORED).read_bytes()
    damaged = bytearray(original)
    at = damaged.find(b"A" * 100)
    damaged[at + 50] = ord("B")
    path = tmp_path / "damaged.zip"
    path.write_bytes(bytes(damaged))
    assert refusal(path) == (
        "damaged.zip: “a.txt” is damaged (its checksum does not match); "
        "download or copy the zip again."
    )


def test_unsupported_compression(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("a.txt", b"x" * 100)
    path = tmp_path / "bz.zip"
    path.write_bytes(buffer.getvalue())
    assert "uses a compression method Career Planner can't read" in refusal(path)


def test_each_refusal_has_its_own_sentence(tmp_path):
    """Distinct problems must not collapse into one generic message."""
    messages = set()
    messages.add(refusal(write_zip(tmp_path / "a.zip", {"../x": b"1"})).split(":")[0].split("“")[0])
    messages.add(refusal(write_zip(tmp_path / "b.zip", {"z": b"\0" * (4 << 20)})).split("“")[0])
    locked = tmp_path / "c.zip"
    locked.write_bytes(set_encrypted_flag(write_zip(tmp_path / "c0.zip", {"s": b"d"}).read_bytes()))
    messages.add(refusal(locked).split("(")[0])
    not_zip = tmp_path / "d.zip"
    not_zip.write_text("hello")
    messages.add(refusal(not_zip))
    assert len(messages) == 4
