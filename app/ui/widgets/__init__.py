"""Small widgets and display helpers shared by the views."""
