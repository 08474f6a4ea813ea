"""Schema of the user's own database: profile, resume imports, skill levels, overrides, history,
target roles and the learning roadmap (goals, steps, notes, evidence, progress history).

Migrations are append-only: once a version has been released, never edit a migration; add one.
A released migration is literal SQL text, never a call to code that may change later. Each
released schema version has a fixture database under tests/fixtures/ (tests/store/
test_migrations.py checks that this code creates exactly the schema of the fixture).
"""

from __future__ import annotations

from careerplanner.store.database import DatabaseSpec

ROADMAP_TABLES = (
    "roadmap_goal",
    "roadmap_step",
    "roadmap_note",
    "evidence",
    "progress_history",
)

# Version 1 as released (tests/fixtures/user-v1.db), statement for statement.
_M001_STATEMENTS = (
    """CREATE TABLE profile (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL DEFAULT '',
            headline TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        )""",
    """CREATE TABLE resume_import (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            file_name TEXT NOT NULL,
            format TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            parsed_json TEXT NOT NULL
        )""",
    # One row per skill the user has; the inferred level comes from the newest resume, the
    # override (when set) is the user's word and wins.
    """CREATE TABLE user_skill (
            skill_key TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            inferred_level INTEGER NOT NULL CHECK (inferred_level BETWEEN 0 AND 5),
            evidence_json TEXT NOT NULL DEFAULT '[]',
            in_taxonomy INTEGER NOT NULL DEFAULT 1,
            resume_import_id INTEGER REFERENCES resume_import(id),
            override_level INTEGER CHECK (override_level BETWEEN 0 AND 5),
            override_reason TEXT,
            updated_at TEXT NOT NULL
        )""",
    """CREATE TABLE skill_history (
            id INTEGER PRIMARY KEY,
            skill_key TEXT NOT NULL,
            at TEXT NOT NULL,
            level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 5),
            source TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        )""",
    "CREATE INDEX skill_history_by_skill ON skill_history(skill_key, at)",
    """CREATE TABLE target_role (
            role_code TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            added_at TEXT NOT NULL
        )""",
    # The roadmap names skills by their stable key and keeps the display name itself, with no
    # foreign key into user_skill: a resume re-import or a dataset update never cascades into it.
    """CREATE TABLE roadmap_goal (
        id INTEGER PRIMARY KEY,
        skill_key TEXT NOT NULL,
        skill_name TEXT NOT NULL,
        start_level INTEGER NOT NULL CHECK (start_level BETWEEN 0 AND 5),
        target_level INTEGER NOT NULL CHECK (target_level BETWEEN 0 AND 5),
        target_date TEXT,
        started_on TEXT,
        review_count INTEGER NOT NULL DEFAULT 0 CHECK (review_count >= 0),
        last_review TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX roadmap_goal_by_skill ON roadmap_goal(skill_key)",
    """CREATE TABLE roadmap_step (
        id INTEGER PRIMARY KEY,
        goal_id INTEGER NOT NULL REFERENCES roadmap_goal(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL,
        to_level INTEGER NOT NULL CHECK (to_level BETWEEN 1 AND 5),
        state TEXT NOT NULL DEFAULT 'pending'
            CHECK (state IN ('pending', 'learning', 'done', 'skipped')),
        due_date TEXT,
        note TEXT NOT NULL DEFAULT '',
        suggested INTEGER NOT NULL DEFAULT 0 CHECK (suggested IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX roadmap_step_by_goal ON roadmap_step(goal_id, position)",
    """CREATE TABLE roadmap_note (
        id INTEGER PRIMARY KEY,
        goal_id INTEGER NOT NULL REFERENCES roadmap_goal(id) ON DELETE CASCADE,
        step_id INTEGER REFERENCES roadmap_step(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX roadmap_note_by_goal ON roadmap_note(goal_id)",
    """CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        skill_key TEXT NOT NULL,
        skill_name TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        kind TEXT NOT NULL CHECK (kind IN ('link', 'file', 'note')),
        title TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        path TEXT NOT NULL DEFAULT '',
        sha256 TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        CHECK (kind != 'link' OR url != ''),
        CHECK (kind != 'file' OR (path != '' AND length(sha256) = 64)),
        CHECK (kind != 'note' OR text != '')
    )""",
    "CREATE INDEX evidence_by_skill ON evidence(skill_key, level)",
    # Append-only: one row each time a skill's counted level or a target role's fit changes.
    """CREATE TABLE progress_history (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('skill', 'fit')),
        subject_key TEXT NOT NULL,
        subject_name TEXT NOT NULL,
        value REAL NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        CHECK (kind != 'skill' OR value BETWEEN 0 AND 5),
        CHECK (kind != 'fit' OR value BETWEEN 0 AND 1)
    )""",
    "CREATE INDEX progress_history_by_subject ON progress_history(kind, subject_key, at)",
)


def m001_initial(db):
    for statement in _M001_STATEMENTS:
        db.execute(statement)


# Version 2: the user's corrections to the skill reader. A skill the user added is a user_skill
# row with `added_reason` set (its level is an override, so a re-import keeps it); a skill the
# user marked "not a skill" is a skill_rejection row, and a re-import never brings it back.
_M002_STATEMENTS = (
    "ALTER TABLE user_skill ADD COLUMN added_reason TEXT",
    """CREATE TABLE skill_rejection (
        skill_key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        reason TEXT NOT NULL,
        rejected_at TEXT NOT NULL
    )""",
)


def m002_skill_corrections(db):
    for statement in _M002_STATEMENTS:
        db.execute(statement)


# Version 3: the user's job ads (issue 14). The reader's requirements (`job_ad_requirement`) are
# replaced whenever the ad is read again; the user's fixes (`job_ad_fix`) are kept apart and put
# on top of every reading. `sha256` is of the ad's text with white space collapsed: the same ad
# added twice is one ad. Every status change is a `job_ad_status` row (the tracker's dates).
# `revision` counts the changes of an ad's requirements and fixes; with AUTOINCREMENT ids (never
# reused) the ads' count, the id sequence and the revisions' sum change with every such change,
# so a reader can keep the collection's requirements until they do.
_M003_STATEMENTS = (
    """CREATE TABLE job_ad (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        sha256 TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        company TEXT NOT NULL DEFAULT '',
        location TEXT NOT NULL DEFAULT '',
        link TEXT NOT NULL DEFAULT '',
        salary_text TEXT NOT NULL DEFAULT '',
        salary_annual REAL CHECK (salary_annual IS NULL OR salary_annual > 0),
        salary_currency TEXT NOT NULL DEFAULT '',
        salary_period TEXT NOT NULL DEFAULT '',
        seen_on TEXT,
        source_name TEXT NOT NULL DEFAULT '',
        source_format TEXT NOT NULL,
        text TEXT NOT NULL CHECK (text != ''),
        status TEXT NOT NULL DEFAULT 'saved' CHECK (status IN
            ('saved', 'applied', 'interviewing', 'offer', 'rejected', 'withdrawn')),
        read_with TEXT NOT NULL DEFAULT '',
        notes_json TEXT NOT NULL DEFAULT '[]',
        revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),
        added_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE job_ad_requirement (
        ad_id INTEGER NOT NULL REFERENCES job_ad(id) ON DELETE CASCADE,
        skill_key TEXT NOT NULL,
        skill_name TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 5),
        required TEXT NOT NULL CHECK (required IN ('must', 'nice')),
        aliases_json TEXT NOT NULL DEFAULT '[]',
        evidence_json TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (ad_id, skill_key)
    )""",
    """CREATE TABLE job_ad_fix (
        ad_id INTEGER NOT NULL REFERENCES job_ad(id) ON DELETE CASCADE,
        skill_key TEXT NOT NULL,
        skill_name TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('remove', 'add', 'set')),
        level INTEGER CHECK (level BETWEEN 0 AND 5),
        required TEXT CHECK (required IN ('must', 'nice')),
        fixed_at TEXT NOT NULL,
        PRIMARY KEY (ad_id, skill_key),
        CHECK (action = 'remove' OR level IS NOT NULL)
    )""",
    """CREATE TABLE job_ad_status (
        id INTEGER PRIMARY KEY,
        ad_id INTEGER NOT NULL REFERENCES job_ad(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN
            ('saved', 'applied', 'interviewing', 'offer', 'rejected', 'withdrawn')),
        at TEXT NOT NULL
    )""",
    "CREATE INDEX job_ad_status_by_ad ON job_ad_status(ad_id, at)",
    """CREATE TABLE job_ad_tag (
        ad_id INTEGER NOT NULL REFERENCES job_ad(id) ON DELETE CASCADE,
        tag TEXT NOT NULL CHECK (tag != ''),
        PRIMARY KEY (ad_id, tag)
    )""",
    "CREATE INDEX job_ad_tag_by_tag ON job_ad_tag(tag, ad_id)",
)


def m003_job_ads(db):
    for statement in _M003_STATEMENTS:
        db.execute(statement)


# Version 4: which tables changed since the plain copy was written (issue 17). Each user table's
# triggers put a new random token in `rewritten` when a row changes or goes (or comes in below the
# last one), and in `appended` when a row is added after the last one (a table keyed by `id`):
# the plain copy's writer (`careerplanner.services.plain_copy`) reuses the part of the previous
# copy a table had when its tokens are the ones it wrote it with. Bookkeeping, not user data: the
# JSON backup leaves it out (`store.user.rows`). A table added later gets its row and triggers in
# its own migration; one without them is simply written whole every time.
_M004_STATEMENTS = (
    """CREATE TABLE copy_change (
        table_name TEXT PRIMARY KEY,
        rewritten INTEGER NOT NULL DEFAULT 0,
        appended INTEGER NOT NULL DEFAULT 0
    )""",
    "INSERT INTO copy_change (table_name) VALUES "
    "('evidence'), ('job_ad'), ('job_ad_fix'), ('job_ad_requirement'), "
    "('job_ad_status'), ('job_ad_tag'), ('profile'), ('progress_history'), "
    "('resume_import'), ('roadmap_goal'), ('roadmap_note'), "
    "('roadmap_step'), ('skill_history'), ('skill_rejection'), "
    "('target_role'), ('user_skill')",
    """CREATE TRIGGER copy_change_evidence_insert AFTER INSERT ON evidence BEGIN
        UPDATE copy_change SET appended = random()
            WHERE table_name = 'evidence' AND NEW.id = (SELECT max(id) FROM evidence);
        UPDATE copy_change SET rewritten = random()
            WHERE table_name = 'evidence' AND NEW.id < (SELECT max(id) FROM evidence);
    END""",
    """CREATE TRIGGER copy_change_evidence_update AFTER UPDATE ON evidence BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'evidence';
    END""",
    """CREATE TRIGGER copy_change_evidence_delete AFTER DELETE ON evidence BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'evidence';
    END""",
    """CREATE TRIGGER copy_change_job_ad_insert AFTER INSERT ON job_ad BEGIN
        UPDATE copy_change SET appended = random()
            WHERE table_name = 'job_ad' AND NEW.id = (SELECT max(id) FROM job_ad);
        UPDATE copy_change SET rewritten = random()
            WHERE table_name = 'job_ad' AND NEW.id < (SELECT max(id) FROM job_ad);
    END""",
    """CREATE TRIGGER copy_change_job_ad_update AFTER UPDATE ON job_ad BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'job_ad';
    END""",
    """CREATE TRIGGER copy_change_job_ad_delete AFTER DELETE ON job_ad BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'job_ad';
    END""",
    """CREATE TRIGGER copy_change_job_ad_fix_insert AFTER INSERT ON job_ad_fix BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'job_ad_fix';
    END""",
    """CREATE TRIGGER copy_change_job_ad_fix_update AFTER UPDATE ON job_ad_fix BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'job_ad_fix';
    END""",
    """CREATE TRIGGER copy_change_job_ad_fix_delete AFTER DELETE ON job_ad_fix BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'job_ad_fix';
    END""",
    """CREATE TRIGGER copy_change_job_ad_requirement_insert AFTER INSERT ON job_ad_requirement BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'job_ad_requirement';
    END""",
    """CREATE TRIGGER copy_change_job_ad_requirement_update AFTER UPDATE ON job_ad_requirement BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'job_ad_requirement';
    END""",
    """CREATE TRIGGER copy_change_job_ad_requirement_delete AFTER DELETE ON job_ad_requirement BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'job_ad_requirement';
    END""",
    """CREATE TRIGGER copy_change_job_ad_status_insert AFTER INSERT ON job_ad_status BEGIN
        UPDATE copy_change SET appended = random()
            WHERE table_name = 'job_ad_status' AND NEW.id = (SELECT max(id) FROM job_ad_status);
        UPDATE copy_change SET rewritten = random()
            WHERE table_name = 'job_ad_status' AND NEW.id < (SELECT max(id) FROM job_ad_status);
    END""",
    """CREATE TRIGGER copy_change_job_ad_status_update AFTER UPDATE ON job_ad_status BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'job_ad_status';
    END""",
    """CREATE TRIGGER copy_change_job_ad_status_delete AFTER DELETE ON job_ad_status BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'job_ad_status';
    END""",
    """CREATE TRIGGER copy_change_job_ad_tag_insert AFTER INSERT ON job_ad_tag BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'job_ad_tag';
    END""",
    """CREATE TRIGGER copy_change_job_ad_tag_update AFTER UPDATE ON job_ad_tag BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'job_ad_tag';
    END""",
    """CREATE TRIGGER copy_change_job_ad_tag_delete AFTER DELETE ON job_ad_tag BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'job_ad_tag';
    END""",
    """CREATE TRIGGER copy_change_profile_insert AFTER INSERT ON profile BEGIN
        UPDATE copy_change SET appended = random()
            WHERE table_name = 'profile' AND NEW.id = (SELECT max(id) FROM profile);
        UPDATE copy_change SET rewritten = random()
            WHERE table_name = 'profile' AND NEW.id < (SELECT max(id) FROM profile);
    END""",
    """CREATE TRIGGER copy_change_profile_update AFTER UPDATE ON profile BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'profile';
    END""",
    """CREATE TRIGGER copy_change_profile_delete AFTER DELETE ON profile BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'profile';
    END""",
    """CREATE TRIGGER copy_change_progress_history_insert AFTER INSERT ON progress_history BEGIN
        UPDATE copy_change SET appended = random()
            WHERE table_name = 'progress_history'
                AND NEW.id = (SELECT max(id) FROM progress_history);
        UPDATE copy_change SET rewritten = random()
            WHERE table_name = 'progress_history'
                AND NEW.id < (SELECT max(id) FROM progress_history);
    END""",
    """CREATE TRIGGER copy_change_progress_history_update AFTER UPDATE ON progress_history BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'progress_history';
    END""",
    """CREATE TRIGGER copy_change_progress_history_delete AFTER DELETE ON progress_history BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'progress_history';
    END""",
    """CREATE TRIGGER copy_change_resume_import_insert AFTER INSERT ON resume_import BEGIN
        UPDATE copy_change SET appended = random()
            WHERE table_name = 'resume_import' AND NEW.id = (SELECT max(id) FROM resume_import);
        UPDATE copy_change SET rewritten = random()
            WHERE table_name = 'resume_import' AND NEW.id < (SELECT max(id) FROM resume_import);
    END""",
    """CREATE TRIGGER copy_change_resume_import_update AFTER UPDATE ON resume_import BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'resume_import';
    END""",
    """CREATE TRIGGER copy_change_resume_import_delete AFTER DELETE ON resume_import BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'resume_import';
    END""",
    """CREATE TRIGGER copy_change_roadmap_goal_insert AFTER INSERT ON roadmap_goal BEGIN
        UPDATE copy_change SET appended = random()
            WHERE table_name = 'roadmap_goal' AND NEW.id = (SELECT max(id) FROM roadmap_goal);
        UPDATE copy_change SET rewritten = random()
            WHERE table_name = 'roadmap_goal' AND NEW.id < (SELECT max(id) FROM roadmap_goal);
    END""",
    """CREATE TRIGGER copy_change_roadmap_goal_update AFTER UPDATE ON roadmap_goal BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'roadmap_goal';
    END""",
    """CREATE TRIGGER copy_change_roadmap_goal_delete AFTER DELETE ON roadmap_goal BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'roadmap_goal';
    END""",
    """CREATE TRIGGER copy_change_roadmap_note_insert AFTER INSERT ON roadmap_note BEGIN
        UPDATE copy_change SET appended = random()
            WHERE table_name = 'roadmap_note' AND NEW.id = (SELECT max(id) FROM roadmap_note);
        UPDATE copy_change SET rewritten = random()
            WHERE table_name = 'roadmap_note' AND NEW.id < (SELECT max(id) FROM roadmap_note);
    END""",
    """CREATE TRIGGER copy_change_roadmap_note_update AFTER UPDATE ON roadmap_note BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'roadmap_note';
    END""",
    """CREATE TRIGGER copy_change_roadmap_note_delete AFTER DELETE ON roadmap_note BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'roadmap_note';
    END""",
    """CREATE TRIGGER copy_change_roadmap_step_insert AFTER INSERT ON roadmap_step BEGIN
        UPDATE copy_change SET appended = random()
            WHERE table_name = 'roadmap_step' AND NEW.id = (SELECT max(id) FROM roadmap_step);
        UPDATE copy_change SET rewritten = random()
            WHERE table_name = 'roadmap_step' AND NEW.id < (SELECT max(id) FROM roadmap_step);
    END""",
    """CREATE TRIGGER copy_change_roadmap_step_update AFTER UPDATE ON roadmap_step BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'roadmap_step';
    END""",
    """CREATE TRIGGER copy_change_roadmap_step_delete AFTER DELETE ON roadmap_step BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'roadmap_step';
    END""",
    """CREATE TRIGGER copy_change_skill_history_insert AFTER INSERT ON skill_history BEGIN
        UPDATE copy_change SET appended = random()
            WHERE table_name = 'skill_history' AND NEW.id = (SELECT max(id) FROM skill_history);
        UPDATE copy_change SET rewritten = random()
            WHERE table_name = 'skill_history' AND NEW.id < (SELECT max(id) FROM skill_history);
    END""",
    """CREATE TRIGGER copy_change_skill_history_update AFTER UPDATE ON skill_history BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'skill_history';
    END""",
    """CREATE TRIGGER copy_change_skill_history_delete AFTER DELETE ON skill_history BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'skill_history';
    END""",
    """CREATE TRIGGER copy_change_skill_rejection_insert AFTER INSERT ON skill_rejection BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'skill_rejection';
    END""",
    """CREATE TRIGGER copy_change_skill_rejection_update AFTER UPDATE ON skill_rejection BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'skill_rejection';
    END""",
    """CREATE TRIGGER copy_change_skill_rejection_delete AFTER DELETE ON skill_rejection BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'skill_rejection';
    END""",
    """CREATE TRIGGER copy_change_target_role_insert AFTER INSERT ON target_role BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'target_role';
    END""",
    """CREATE TRIGGER copy_change_target_role_update AFTER UPDATE ON target_role BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'target_role';
    END""",
    """CREATE TRIGGER copy_change_target_role_delete AFTER DELETE ON target_role BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'target_role';
    END""",
    """CREATE TRIGGER copy_change_user_skill_insert AFTER INSERT ON user_skill BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'user_skill';
    END""",
    """CREATE TRIGGER copy_change_user_skill_update AFTER UPDATE ON user_skill BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'user_skill';
    END""",
    """CREATE TRIGGER copy_change_user_skill_delete AFTER DELETE ON user_skill BEGIN
        UPDATE copy_change SET rewritten = random() WHERE table_name = 'user_skill';
    END""",
)


def m004_copy_changes(db):
    for statement in _M004_STATEMENTS:
        db.execute(statement)


USER_DB = DatabaseSpec(
    label="your data",
    application_id=0x43505553,
    name="careerplanner.user",
    steps=(m001_initial, m002_skill_corrections, m003_job_ads, m004_copy_changes),
)
