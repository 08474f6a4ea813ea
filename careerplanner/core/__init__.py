"""The domain: levels, skills, profiles, gap maths, roadmap rules. Standard library only."""
