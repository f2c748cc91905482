"""Developer tools (run from the repository root); ``tools.i18n_build`` backs update_translations."""
