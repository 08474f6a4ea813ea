"""Widgets and plumbing every screen uses: the worker, table models, chart panel, dialogs and
appearance."""
