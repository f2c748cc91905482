"""training services."""
