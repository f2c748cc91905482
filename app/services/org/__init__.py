"""org services."""
