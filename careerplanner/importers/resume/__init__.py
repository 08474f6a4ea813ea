"""Resume files → text, sections, dated positions and skills with depth (nothing is stored).

Entry point: `careerplanner.importers.resume.parse.parse_resume(path, finder, ...)`.
"""
