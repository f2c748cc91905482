"""evidence services."""
