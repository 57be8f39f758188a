"""serve: the REST API and the web explorer."""
from __future__ import annotations

import typer

from warta.commands.app import app


@app.command()
def serve(db: str | None = typer.Option(None, "--db", help="database URL (default WARTA_DB or sqlite:///warta.db)"),
          host: str = typer.Option("127.0.0.1", "--host"), port: int = typer.Option(8000, "--port"),
          workers: int = typer.Option(1, "--workers", min=1, max=64,
                                      help="worker processes (one per core serves reads in parallel)")) -> None:
    """Serve the API (/api, OpenAPI at /docs) and the explorer (/) on HOST:PORT."""
    import os

    import uvicorn

    from warta.api.app import create_app
    from warta.settings import Settings
    typer.echo(f"warta: explorer at http://{host}:{port}/  (API docs at http://{host}:{port}/docs)", err=True)
    if workers == 1:
        uvicorn.run(create_app(Settings.from_env(db_url=db)), host=host, port=port, log_level="warning")
        return
    if db:
        os.environ["WARTA_DB"] = db          # each worker builds its app from the environment
    uvicorn.run("warta.api.app:create_app", factory=True, host=host, port=port, workers=workers, log_level="warning")
