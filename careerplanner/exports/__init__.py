"""Exports of the user's data: Markdown, CSV, iCalendar, a PDF report, JSON Resume and the JSON
backup format that restores everything exactly. No Qt and no database: each turns core objects
or plain data into bytes (the services read the database and call them).

Each writer builds the whole file in memory and replaces the target atomically (`write_file`), so
an interrupted export never leaves half a file where a good one was.
"""
