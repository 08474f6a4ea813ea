"""An O*NET import streams its rows into one transaction (issue 17: memory flat in the size of
the release) and is still all or nothing: a bad cell in the last file, a cancel part way or a
re-import of the same content leaves the market database as it was."""

from __future__ import annotations

import pytest

from careerplanner.core.progress import CancelToken
from careerplanner.errors import Cancelled, UserError
from careerplanner.importers.datasets.onet import read_onet_release
from careerplanner.services.onet_install import install_onet_release
from careerplanner.store.market.datasets import active_dataset, list_datasets, read_dataset_tables
from tests.importers.datasets.onet_slices import database_fingerprint, file_bytes, make_release


@pytest.fixture
def market(data_dir):
    db = data_dir.open_market_db()
    yield db
    db.close()


def test_rows_are_written_while_later_files_are_still_unread(market, tmp_path):
    release = make_release(tmp_path / "29.2", "29.2")
    written = {}

    def progress(done, total, message):
        # Asked on the installing connection, inside its transaction, as each file begins.
        count = market.execute("SELECT count(*) FROM onet_occupation").fetchone()[0]
        written.setdefault(message, count)

    result = install_onet_release(market, release, progress)
    assert written["Importing Occupation Data.txt"] == 0  # said before the first file's rows
    assert written["Importing Job Zones.txt"] > 0  # the occupations were in before the last file
    assert result.dataset.active
    # The same rows, in the same order, as a release read whole.
    whole = read_onet_release(release)
    stored = read_dataset_tables(market, result.dataset.id)
    assert set(stored) == {table for table, (_, rows) in whole.tables.items() if rows}
    for table, (columns, rows) in stored.items():
        assert whole.tables[table] == (columns, rows), table
    assert result.rows == whole.row_count()


def test_a_bad_cell_in_the_last_file_rolls_back_what_was_written(market, data_dir, tmp_path):
    install_onet_release(market, make_release(tmp_path / "29.2", "29.2"))
    market.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = database_fingerprint(data_dir.market_db_path)
    newer = make_release(tmp_path / "29.3", "29.3")
    zones = newer / "Job Zones.txt"
    lines = zones.read_bytes().split(b"\n")
    fields = lines[-2].split(b"\t")
    fields[1] = b"9"  # a job zone runs from 1 to 5
    lines[-2] = b"\t".join(fields)
    zones.write_bytes(b"\n".join(lines))
    with pytest.raises(UserError, match=r"Job Zones\.txt, line \d+, column “Job Zone”"):
        install_onet_release(market, newer)
    assert database_fingerprint(data_dir.market_db_path) == before
    assert [d.version for d in list_datasets(market)] == ["29.2"]
    assert active_dataset(market, "onet").version == "29.2"


def test_a_cancel_part_way_rolls_back(market, data_dir, tmp_path):
    before = database_fingerprint(data_dir.market_db_path)
    token = CancelToken()

    def progress(done, total, message):
        if message == "Importing Technology Skills.txt":
            token.cancel()

    with pytest.raises(Cancelled):
        install_onet_release(market, make_release(tmp_path / "29.2", "29.2"), progress, token)
    assert database_fingerprint(data_dir.market_db_path) == before
    assert list_datasets(market) == []


def test_the_same_release_again_is_known_before_a_row_is_read(market, data_dir, tmp_path):
    release = make_release(tmp_path / "29.2", "29.2")
    first = install_onet_release(market, release)
    market.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = file_bytes(data_dir.market_db_path)
    said = []
    again = install_onet_release(market, release, lambda done, total, message: said.append(message))
    assert again.already_installed and again.dataset.id == first.dataset.id
    assert said == []
    assert file_bytes(data_dir.market_db_path) == before
