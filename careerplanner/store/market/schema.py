"""Schema of the market database: imported dataset versions, rebuildable from their files.

Migrations are append-only once released; each released version has a fixture database.

Every content table carries `dataset_id` (the `dataset` row it came from) and mirrors one source
file closely, so a version can be exported as a pack and imported elsewhere exactly:
`careerplanner.core.datasets.DATASET_TABLES` lists, per dataset kind, the tables and the columns
an importer fills (in order).
"""

from __future__ import annotations

from careerplanner.store.database import DatabaseSpec


def m001_initial(db):
    # Released: this DDL is frozen as shipped (tests/fixtures/market-v1.db holds the same text);
    # a change to the schema is a new migration, never an edit here.
    # One row per import. Exactly one row per kind is active at a time; earlier versions stay so
    # the user can switch back. sha256 makes re-importing the same file a no-op.
    db.execute(
        """CREATE TABLE dataset (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            version TEXT NOT NULL,
            source TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            licence TEXT NOT NULL DEFAULT '',
            attribution TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 0,
            notes TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute("CREATE UNIQUE INDEX dataset_one_active ON dataset(kind) WHERE active = 1")
    # What each import read: file name, the role recognised from its header, rows, layout notes.
    db.execute(
        """CREATE TABLE dataset_file (
            dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            file_name TEXT NOT NULL,
            rows INTEGER NOT NULL,
            layout TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (dataset_id, role)
        )"""
    )
    # Renamed skills: a user's data pointing at old_key is read as new_key.
    db.execute(
        """CREATE TABLE skill_alias (
            old_key TEXT PRIMARY KEY,
            new_key TEXT NOT NULL,
            old_name TEXT NOT NULL,
            new_name TEXT NOT NULL,
            dataset_id INTEGER REFERENCES dataset(id) ON DELETE SET NULL,
            reason TEXT NOT NULL DEFAULT ''
        )"""
    )

    # ------------------------------------------------------------------ O*NET ("onet")
    db.execute(
        """CREATE TABLE onet_occupation (
            dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE, code TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL,
            PRIMARY KEY (dataset_id, code)
        ) WITHOUT ROWID"""  # noqa: E501
    )
    db.execute(
        """CREATE TABLE onet_title (
            dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE, code TEXT NOT NULL, title TEXT NOT NULL, short_title TEXT,
            kind TEXT NOT NULL CHECK (kind IN ('alternate', 'reported')),
            sources TEXT, shown_in_my_next_move INTEGER
        )"""  # noqa: E501
    )
    db.execute("CREATE INDEX onet_title_by_dataset ON onet_title(dataset_id, code)")
    db.execute(
        """CREATE TABLE onet_tech_skill (
            dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE, code TEXT NOT NULL, example TEXT NOT NULL, commodity_code INTEGER NOT NULL,
            commodity_title TEXT NOT NULL, hot INTEGER NOT NULL,
            in_demand INTEGER,  -- NULL: the release predates the In Demand column (27.1)
            skill_key TEXT NOT NULL
        )"""  # noqa: E501
    )
    db.execute("CREATE INDEX onet_tech_by_code ON onet_tech_skill(dataset_id, code)")
    db.execute("CREATE INDEX onet_tech_by_key ON onet_tech_skill(dataset_id, skill_key)")
    db.execute(
        """CREATE TABLE onet_rating (
            dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE, code TEXT NOT NULL,
            domain TEXT NOT NULL CHECK (domain IN ('skill', 'knowledge')),
            element_id TEXT NOT NULL, element_name TEXT NOT NULL,
            scale TEXT NOT NULL, value REAL NOT NULL, n INTEGER, standard_error REAL,
            lower_ci REAL, upper_ci REAL, recommend_suppress INTEGER, not_relevant INTEGER,
            date TEXT NOT NULL, domain_source TEXT NOT NULL
        )"""  # noqa: E501
    )
    db.execute("CREATE INDEX onet_rating_by_code ON onet_rating(dataset_id, code)")
    db.execute(
        """CREATE TABLE onet_level_anchor (
            dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE, element_id TEXT NOT NULL, element_name TEXT NOT NULL, scale TEXT NOT NULL,
            anchor_value REAL NOT NULL, description TEXT NOT NULL
        )"""  # noqa: E501
    )
    db.execute(
        """CREATE TABLE onet_related (
            dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE, code TEXT NOT NULL, related_code TEXT NOT NULL, tier TEXT NOT NULL,
            rank INTEGER NOT NULL
        )"""  # noqa: E501
    )
    db.execute("CREATE INDEX onet_related_by_code ON onet_related(dataset_id, code)")
    db.execute(
        """CREATE TABLE onet_job_zone (
            dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE, code TEXT NOT NULL, job_zone INTEGER NOT NULL, date TEXT NOT NULL,
            domain_source TEXT NOT NULL, PRIMARY KEY (dataset_id, code)
        ) WITHOUT ROWID"""  # noqa: E501
    )
    # Occupations without Skills/Knowledge ratings borrow those of their closest related
    # occupation that has them; the app names the source occupation wherever it shows them.
    db.execute(
        """CREATE TABLE onet_rating_fallback (
            dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE, code TEXT NOT NULL, source_code TEXT NOT NULL,
            basis TEXT NOT NULL CHECK (basis IN ('related', 'soc_group')),
            PRIMARY KEY (dataset_id, code)
        ) WITHOUT ROWID"""  # noqa: E501
    )

    # ------------------------------------------------------------------ BLS OEWS ("wages")
    # One row per occupation and measure; `marker` keeps the BLS footnote symbol when the
    # figure is not a plain number (`*` not available, `#` above the top of the range, ...).
    db.execute(
        """CREATE TABLE wage_occupation (
            dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE, soc TEXT NOT NULL, title TEXT NOT NULL, o_group TEXT NOT NULL,
            annual_only INTEGER NOT NULL, hourly_only INTEGER NOT NULL,
            PRIMARY KEY (dataset_id, soc)
        ) WITHOUT ROWID"""  # noqa: E501
    )
    db.execute(
        """CREATE TABLE wage_figure (
            dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE, soc TEXT NOT NULL, measure TEXT NOT NULL, value REAL, marker TEXT,
            PRIMARY KEY (dataset_id, soc, measure)
        ) WITHOUT ROWID"""  # noqa: E501
    )

    # ------------------------------------------------------------------ ESCO ("esco")
    db.execute(
        """CREATE TABLE esco_skill (
            dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE, uri TEXT NOT NULL, preferred_label TEXT NOT NULL, alt_labels TEXT NOT NULL,
            skill_type TEXT NOT NULL, reuse_level TEXT NOT NULL,
            PRIMARY KEY (dataset_id, uri)
        ) WITHOUT ROWID"""  # noqa: E501
    )

    # ------------------------------------------------------------------ job postings ("postings")
    # The market figures computed from a postings file (core.market), one scope per role; the
    # role "" means all postings. Mirrors core.market.RoleFigures / SkillFigures / Pairing.
    db.execute(
        """CREATE TABLE posting_role (
            dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE, role TEXT NOT NULL, jobs INTEGER NOT NULL, jobs_with_salary INTEGER NOT NULL,
            pay_p10 REAL, pay_p25 REAL, pay_median REAL, pay_p75 REAL, pay_p90 REAL,
            seniority_json TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (dataset_id, role)
        ) WITHOUT ROWID"""  # noqa: E501
    )
    db.execute(
        """CREATE TABLE posting_skill (
            dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE, role TEXT NOT NULL, skill_key TEXT NOT NULL, skill_name TEXT NOT NULL,
            jobs INTEGER NOT NULL, jobs_with_skill INTEGER NOT NULL, demand_rate REAL NOT NULL,
            depth_median REAL NOT NULL, depth_mean REAL NOT NULL,
            depth_l0 INTEGER NOT NULL, depth_l1 INTEGER NOT NULL, depth_l2 INTEGER NOT NULL,
            depth_l3 INTEGER NOT NULL, depth_l4 INTEGER NOT NULL, depth_l5 INTEGER NOT NULL,
            salary_with_median REAL, salary_with_n INTEGER NOT NULL,
            salary_without_median REAL, salary_without_n INTEGER NOT NULL,
            raises_pay INTEGER NOT NULL,
            PRIMARY KEY (dataset_id, role, skill_key)
        ) WITHOUT ROWID"""  # noqa: E501
    )
    db.execute(
        """CREATE TABLE posting_pairing (
            dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE, role TEXT NOT NULL, skill_key TEXT NOT NULL, other_key TEXT NOT NULL,
            together INTEGER NOT NULL, share REAL NOT NULL, lift REAL NOT NULL,
            PRIMARY KEY (dataset_id, role, skill_key, other_key)
        ) WITHOUT ROWID"""  # noqa: E501
    )


def m002_skill_must_nice_seniority(db):
    # Per skill and scope: postings asking for it as a must and only as nice to have, and the
    # seniority of the postings asking for it (JSON [[seniority, postings], ...], most first).
    # NULL in versions imported before this migration: "not recorded", never zero.
    db.execute("ALTER TABLE posting_skill ADD COLUMN jobs_must INTEGER")
    db.execute("ALTER TABLE posting_skill ADD COLUMN jobs_nice INTEGER")
    db.execute("ALTER TABLE posting_skill ADD COLUMN seniority_json TEXT")


MARKET_DB = DatabaseSpec(
    label="market data",
    application_id=0x4350434D,
    name="careerplanner.market",
    steps=(m001_initial, m002_skill_must_nice_seniority),
)


def column_info(db, table: str) -> dict[str, tuple]:
    """Column name -> SQLite's `table_info` row (cid, name, type, notnull, default, pk) of one
    of the dataset tables, as this database defines it."""
    return {row[1]: tuple(row) for row in db.execute(f"PRAGMA table_info({table})").fetchall()}
