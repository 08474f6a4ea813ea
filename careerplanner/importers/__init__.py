"""Files → core objects: resumes (`resume/`) and market datasets (`datasets/`).

No database writes here; a store function writes what an importer returns.
"""
