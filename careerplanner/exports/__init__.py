"""Exports of the user's data: Markdown, CSV, iCalendar, a PDF report, JSON Resume and the JSON
backup that restores everything exactly. No Qt; database access only through careerplanner.store.

Each writer builds the whole file in memory and replaces the target atomically (`write_file`), so
an interrupted export never leaves half a file where a good one was.
"""
