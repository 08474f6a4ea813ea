"""The Gap screen."""
