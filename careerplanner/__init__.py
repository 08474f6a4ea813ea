"""Career Planner: an offline desktop application that measures your skill depth against the
market and keeps your learning roadmap. Nothing leaves the machine."""

__version__ = "0.1.0"
