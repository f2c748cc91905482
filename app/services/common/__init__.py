"""common services."""
