"""CLI commands, one module per area; each registers on `warta.commands.app.app`, which `warta.cli` runs."""
