"""The user's own database (precious, backed up): schema, and one module per subject."""
