"""Browser fixtures for the explorer: Debian chromium via Playwright, and a real
``streamlit run ui/app.py`` on a free port against an embedded store built from test data.

Locally the tests skip when chromium or Playwright is missing; under ``CI=true`` they fail.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from graph.embedded_store import EmbeddedStore
from tests.factories import sample_batch
from tests.hostile_data import hostile_batch

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
APP = Path(__file__).resolve().parents[2] / "ui" / "app.py"
STARTUP_TIMEOUT_S = 90


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _need(reason: str) -> None:
    if _in_ci():
        pytest.fail(f"CI=true but the browser tests cannot run: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def app_browser() -> Iterator[Any]:
    """A headless Debian chromium driven by Playwright."""
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        _need(f"{CHROMIUM} not found (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need("playwright is not installed (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class ServedApp:
    url: str
    store_file: Path
    log: Path


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"streamlit did not answer in {STARTUP_TIMEOUT_S} s:\n"
                       f"{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def served_app(tmp_path_factory: pytest.TempPathFactory, app_browser: Any) -> Iterator[ServedApp]:
    """The explorer served by a real Streamlit server on the sample batch plus hostile data."""
    root = tmp_path_factory.mktemp("served-app")
    store_file = root / "graph.json"
    store = EmbeddedStore.open(store_file)
    store.load(sample_batch())
    store.load(hostile_batch())
    store.close()
    port = free_port()
    log = root / "streamlit.log"
    env = {**os.environ, "ALLEGIANCE_STORE": "embedded",
           "ALLEGIANCE_EMBEDDED_PATH": str(store_file)}
    env.pop("NEO4J_URI", None)
    command = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--browser.gatherUsageStats", "false", "--client.toolbarMode", "viewer",
               "--server.fileWatcherType", "none"]
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process, log)
        yield ServedApp(url=url, store_file=store_file, log=log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
