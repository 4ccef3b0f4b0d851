"""``allegiance ui``: start the explorer (a headless Streamlit server) on the configured store."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from graph.errors import InputError
from ui.cli import app
from ui.filter_options import StoreKind

APP_SCRIPT = Path(__file__).resolve().parent.parent / "app.py"


def port_is_free(port: int, address: str = "127.0.0.1") -> bool:
    """True when nothing listens on ``address:port``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((address, port)) != 0


def streamlit_command(port: int, address: str) -> list[str]:
    """The ``streamlit run`` command line for the explorer, headless and without telemetry."""
    return [
        sys.executable, "-m", "streamlit", "run", str(APP_SCRIPT),
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", address,
        "--browser.gatherUsageStats", "false",
        "--client.toolbarMode", "viewer",
    ]


@app.command("ui")
def ui_command(
    port: Annotated[int, typer.Option("--port", "-p", min=1, max=65535,
                                      help="Port to serve on.")] = 8501,
    store: Annotated[
        StoreKind | None,
        typer.Option("--store", help="Store to explore [default: from settings]",
                     show_default=False),
    ] = None,
    address: Annotated[str, typer.Option(
        "--address", help="Interface to listen on (0.0.0.0 inside containers).")] = "localhost",
) -> None:
    """Open the explorer at http://localhost:PORT (a headless Streamlit server; Ctrl-C stops it)."""
    probe = "127.0.0.1" if address in ("localhost", "0.0.0.0") else address
    if not port_is_free(port, probe):
        raise InputError(f"port {port} is already in use",
                         hint="stop the other server or pick another port with --port")
    env = dict(os.environ)
    if store is not None:
        env["ALLEGIANCE_STORE"] = store.value
    Console().print(f"Allegiance explorer: [bold]http://localhost:{port}[/] (Ctrl-C to stop)",
                    highlight=False)
    completed = subprocess.run(streamlit_command(port, address), env=env, check=False)
    if completed.returncode not in (0, -2, 130):
        raise typer.Exit(code=completed.returncode)
