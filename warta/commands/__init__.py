"""CLI commands, one module per area; each registers on `warta.cli.app`."""
