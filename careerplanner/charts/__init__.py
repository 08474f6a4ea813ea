"""matplotlib Figure builders, one family: `draw_x(fig, data, theme)` (keyword options after
those three). Never pyplot, never Qt.

`fig` is a Figure (a screen's canvas) or a SubFigure (a place on a PDF report page); the
builder clears it and draws its own Axes. Modules by subject: `gap`, `market`, `profile`,
`progress`, `roadmap`. The GUI draws with a theme taken from its palette, the report with
`theme.PRINT`. Importing this package does not import matplotlib (builders only receive a
Figure and import matplotlib's helpers when they draw), so start-up stays fast.
"""
