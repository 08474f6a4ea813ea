"""Everything PySide6: the main window (wiring only), views, Qt models, the worker adapter."""
