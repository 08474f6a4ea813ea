"""Entry point: the GUI by default, the command-line interface for headless use."""

import sys

from careerplanner.cli import main

if __name__ == "__main__":
    sys.exit(main())
