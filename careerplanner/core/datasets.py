"""The market dataset contract: the tables each kind of dataset fills, and the pack manifest name.

One declaration that the store (schema checks, install, pack export) and the importers (the rows
they build) both read, so a column is named once. Standard library only.
"""

from __future__ import annotations

PACK_MANIFEST = "manifest.json"
"""The member of a skill-demand pack (a zip) that describes it."""

# Per dataset kind: table -> the columns an importer provides, in the order of its row tuples
# (`dataset_id` is added by the store).
DATASET_TABLES: dict[str, dict[str, tuple[str, ...]]] = {
    "onet": {
        "onet_occupation": ("code", "title", "description"),
        "onet_title": (
            "code",
            "title",
            "short_title",
            "kind",
            "sources",
            "shown_in_my_next_move",
        ),
        "onet_tech_skill": (
            "code",
            "example",
            "commodity_code",
            "commodity_title",
            "hot",
            "in_demand",
            "skill_key",
        ),
        "onet_rating": (
            "code",
            "domain",
            "element_id",
            "element_name",
            "scale",
            "value",
            "n",
            "standard_error",
            "lower_ci",
            "upper_ci",
            "recommend_suppress",
            "not_relevant",
            "date",
            "domain_source",
        ),
        "onet_level_anchor": ("element_id", "element_name", "scale", "anchor_value", "description"),
        "onet_related": ("code", "related_code", "tier", "rank"),
        "onet_job_zone": ("code", "job_zone", "date", "domain_source"),
        "onet_rating_fallback": ("code", "source_code", "basis"),
    },
    "wages": {
        "wage_occupation": ("soc", "title", "o_group", "annual_only", "hourly_only"),
        "wage_figure": ("soc", "measure", "value", "marker"),
    },
    "postings": {
        "posting_role": (
            "role",
            "jobs",
            "jobs_with_salary",
            "pay_p10",
            "pay_p25",
            "pay_median",
            "pay_p75",
            "pay_p90",
            "seniority_json",
        ),
        "posting_skill": (
            "role",
            "skill_key",
            "skill_name",
            "jobs",
            "jobs_with_skill",
            "demand_rate",
            "depth_median",
            "depth_mean",
            "depth_l0",
            "depth_l1",
            "depth_l2",
            "depth_l3",
            "depth_l4",
            "depth_l5",
            "salary_with_median",
            "salary_with_n",
            "salary_without_median",
            "salary_without_n",
            "raises_pay",
            # Added by market migration m002; NULL in versions imported before it.
            "jobs_must",
            "jobs_nice",
            "seniority_json",
        ),
        "posting_pairing": ("role", "skill_key", "other_key", "together", "share", "lift"),
    },
    "esco": {
        "esco_skill": ("uri", "preferred_label", "alt_labels", "skill_type", "reuse_level"),
    },
}
