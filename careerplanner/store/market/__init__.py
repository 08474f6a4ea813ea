"""The market database (imported dataset versions, rebuildable from their files): schema, and
one module per subject."""
