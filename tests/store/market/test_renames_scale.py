"""Rename matching stays near-linear on a large update and finds exactly what the rule finds
(issue 16, class 12): the rule written out plainly below is the reference."""

from __future__ import annotations

import random
from collections import defaultdict

from careerplanner.core.skills import skill_key
from careerplanner.importers.datasets import ImportedDataset
from careerplanner.store.market.datasets import install_dataset
from careerplanner.store.market.renames import (
    MIN_SIMILARITY,
    MIN_TAKEOVER,
    _technologies,
    detect_renames,
    names_alike,
    vendor_variant,
)

COLUMNS = ("code", "example", "commodity_code", "commodity_title", "hot", "in_demand", "skill_key")


def reference_renames(db, old_id, new_id):
    """The rule of `store.market.renames`, compared pair by pair (quadratic, as it once ran)."""
    old_occ, old_names, old_commodities = _technologies(db, old_id)
    new_occ, new_names, new_commodities = _technologies(db, new_id)
    found = []
    for old_key in sorted(k for k in old_occ if k not in new_occ):
        name, codes = old_names[old_key], old_occ[old_key]
        best = None
        for new_key, new_codes in new_occ.items():
            taken = len((new_codes - old_occ.get(new_key, set())) & codes)
            if taken == 0 or taken / len(codes) < MIN_TAKEOVER:
                continue
            alike = names_alike(name, new_names[new_key])
            if alike >= MIN_SIMILARITY and (best is None or (taken, alike, new_key) > best):
                best = (taken, alike, new_key)
        if best is not None:
            found.append((old_key, best[2], best[0]))
            continue
        variants = [
            key
            for key, commodities in new_commodities.items()
            if commodities & old_commodities[old_key] and vendor_variant(name, new_names[key])
        ]
        if variants:
            found.append((old_key, max(variants, key=lambda k: (len(new_occ[k]), k)), 0))
    return found


def release(version: str, rows: list[tuple[str, str, int]]) -> ImportedDataset:
    table = [(c, e, m, "software", 0, None, skill_key("technology", e)) for c, e, m in rows]
    return ImportedDataset(
        kind="onet",
        name=f"O*NET {version}",
        version=version,
        source=version,
        sha256=version * 8,
        tables={"onet_tech_skill": (COLUMNS, table)},
    )


def two_releases(seed: int):
    """An old release, and an update that renames, drops, keeps and adds technologies, with
    many look-alike newcomers in every occupation (ties, near misses, vendor names)."""
    rng = random.Random(seed)
    codes = [f"15-{1000 + n}.00" for n in range(40)]
    words = ["Data", "Studio", "Server", "Cloud", "Pro", "Query", "Flow", "Base", "Script"]
    vendors = ["Acme", "Globex", "Initech"]
    old, new = [], []
    placed: dict[str, list[str]] = defaultdict(list)
    for n in range(300):
        name = f"{rng.choice(words)} {rng.choice(words)} {n}"
        where = rng.sample(codes, rng.randint(1, 6))
        commodity = 43230000 + rng.randint(0, 5)
        old += [(code, name, commodity) for code in where]
        fate = rng.random()
        if fate < 0.2:
            renamed = f"{rng.choice(vendors)} {name}"  # a vendor added: words contain
        elif fate < 0.35:
            renamed = name.replace(" ", "") + "s"  # spelled together: only similar
        elif fate < 0.45:
            continue  # dropped
        else:
            renamed = name
        kept = where if fate >= 0.35 or rng.random() < 0.7 else rng.sample(codes, len(where))
        new += [(code, renamed, commodity) for code in kept]
        placed[renamed] += kept
    for n in range(600):  # newcomers everywhere, some look-alikes of old names
        base = old[rng.randrange(len(old))][1]
        name = rng.choice([f"{base} {rng.choice(words)}", f"{rng.choice(words)} Tool {n}"])
        new += [(code, name, 43230000 + rng.randint(0, 5)) for code in rng.sample(codes, 3)]
    return release("1.0", sorted(set(old))), release("2.0", sorted(set(new)))


def test_the_fast_matching_finds_exactly_the_renames_of_the_rule(data_dir):
    for seed in range(3):
        db = data_dir.open_market_db()
        try:
            old, new = two_releases(seed)
            old_id = install_dataset(db, old).dataset.id
            new_id = install_dataset(db, new).dataset.id
            fast = [
                (r.old_key, r.new_key, r.occupations) for r in detect_renames(db, old_id, new_id)
            ]
            expected = reference_renames(db, old_id, new_id)
            assert fast == expected
            assert len(expected) > 50  # renames of every kind were there to find
        finally:
            db.execute("DELETE FROM onet_tech_skill")
            db.execute("DELETE FROM skill_alias")
            db.execute("DELETE FROM dataset")
            db.conn.commit()
            db.close()


def test_a_rename_in_letters_outside_latin1_is_found_as_the_rule_finds_it(data_dir):
    # The fast bound reads each name as Latin-1 bytes (other letters as "?"): it may only let
    # more pairs through to the full comparison, never fewer.
    db = data_dir.open_market_db()
    try:
        old = release("1.0", [("15-1000.00", "Ωμέγα Data Stüdio", 43230000)])
        newcomers = [("15-1000.00", f"Ωμέγα Tool {n}", 43230001) for n in range(30)]
        renamed = [("15-1000.00", "ΩμέγαDataStüdios", 43230000)]
        new = release("2.0", newcomers + renamed)
        old_id = install_dataset(db, old).dataset.id
        new_id = install_dataset(db, new).dataset.id
        found = [(r.old_name, r.new_name) for r in detect_renames(db, old_id, new_id)]
        assert found == [("Ωμέγα Data Stüdio", "ΩμέγαDataStüdios")]
        assert [(r[0], r[1]) for r in reference_renames(db, old_id, new_id)] == [
            (r.old_key, r.new_key) for r in detect_renames(db, old_id, new_id)
        ]
    finally:
        db.close()
