"""The only package that speaks SQL. Two databases: the user's own data (precious, backed up)
and the market data (imported dataset versions, rebuildable from the files)."""
