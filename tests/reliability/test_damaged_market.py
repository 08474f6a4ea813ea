"""Issue 16, class 9: a damaged market.db (inside the file or in its header) is caught at start
and offered a rebuild from the bundled datasets; the user's own data is not touched."""

from __future__ import annotations

import os
import random

import pytest

from tests.reliability.conftest import copy_home, run_cli, user_state


def damage_inside(path):
    """Garbage over a run of pages in the middle of the file, header intact."""
    size = path.stat().st_size
    data = bytearray(path.read_bytes())
    start = (size // 2) // 4096 * 4096
    data[start : start + 8 * 4096] = random.Random(16).randbytes(8 * 4096)
    path.write_bytes(bytes(data))


def damage_header(path):
    data = bytearray(path.read_bytes())
    data[:100] = b"\x00" * 100
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [damage_inside, damage_header])
def test_a_damaged_market_db_is_offered_a_rebuild_and_the_rebuild_works(
    dataset_home, tmp_path, damage
):
    home = copy_home(dataset_home, tmp_path / "home")
    market = home / "market.db"
    for suffix in ("-wal", "-shm"):
        assert not os.path.exists(f"{market}{suffix}")
    damage(market)
    mine = user_state(home / "user.db")

    for command in (("gap", "Software Developers"), ("dataset", "list")):
        refused = run_cli(home, *command)
        assert refused.returncode == 1, refused.stderr
        said = refused.stderr.strip()
        assert "\n" not in said and "Traceback" not in said
        assert said.startswith(f"The market data in {market} is damaged (")
        assert said.endswith("Choose Rebuild, or run `careerplanner data rebuild-market`.")

    rebuilt = run_cli(home, "data", "rebuild-market", timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert rebuilt.stdout.startswith("Rebuilt the market data with O*NET")
    kept = [p for p in (home / "damaged").glob("market.db.*") if not p.name.endswith("wal")]
    assert len([p for p in kept if not p.name.endswith("shm")]) == 1  # the damaged file is kept
    gap = run_cli(home, "gap", "Software Developers")
    assert gap.returncode == 0, gap.stderr
    assert user_state(home / "user.db") == mine


def test_the_window_start_reports_a_damaged_market_db_in_one_sentence(dataset_home, tmp_path):
    home = copy_home(dataset_home, tmp_path / "home")
    damage_inside(home / "market.db")
    smoke = run_cli(home, "--smoke")
    assert smoke.returncode == 1
    assert "Traceback" not in smoke.stderr
    assert "careerplanner data rebuild-market" in smoke.stderr


def test_damage_that_keeps_the_size_and_the_time_is_still_caught(dataset_home, tmp_path):
    """The start check skips a file it found healthy before; a write that keeps the size, with
    the modification time put back afterwards, must not pass as that same file."""
    home = copy_home(dataset_home, tmp_path / "home")
    market = home / "market.db"
    first = run_cli(home, "dataset", "list")  # checked healthy, and the check remembered
    assert first.returncode == 0, first.stderr
    assert (home / "market.db.checked").exists()
    before = market.stat()
    damage_inside(market)
    os.utime(market, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (market.stat().st_size, market.stat().st_mtime_ns) == (
        before.st_size,
        before.st_mtime_ns,
    )
    refused = run_cli(home, "dataset", "list")
    assert refused.returncode == 1
    assert refused.stderr.strip().startswith(f"The market data in {market} is damaged (")
