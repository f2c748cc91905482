"""casedesk-cli subcommands, one module per topic (discovered by app.cli)."""
