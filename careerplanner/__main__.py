"""Entry point: the GUI by default, the command-line interface for headless use."""

import sys

from careerplanner.cli import main

if __name__ == "__main__":
    # In a PyInstaller build, the resume parser's child process re-runs this executable;
    # freeze_support() turns such a start into the child instead of a second application.
    if getattr(sys, "frozen", False):
        import multiprocessing  # ~15 ms: only a frozen build needs it here

        multiprocessing.freeze_support()
    sys.exit(main())
