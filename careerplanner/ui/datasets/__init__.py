"""The Datasets screen."""
