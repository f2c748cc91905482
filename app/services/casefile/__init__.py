"""casefile services."""
