"""The Profile screen."""
