"""The Roadmap screen."""
