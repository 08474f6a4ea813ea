"""matplotlib Figure builders: `draw_x(fig, data, theme)`. Never pyplot, never Qt.

The GUI embeds the figures in a canvas and the PDF report draws the same figures; importing this
package does not import matplotlib (the builders only receive a Figure), so start-up stays fast.
"""
