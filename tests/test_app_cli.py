"""``allegiance ui``: the Streamlit command it runs, the store it passes, a busy port."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path
from typing import Any

import pytest

from ui.cli import main
from ui.commands import ui as ui_command


class FakeRun:
    def __init__(self) -> None:
        self.calls: list[tuple[list[str], dict[str, str]]] = []

    def __call__(self, command: list[str], *, env: dict[str, str], check: bool
                 ) -> subprocess.CompletedProcess[bytes]:
        self.calls.append((command, env))
        return subprocess.CompletedProcess(command, 0)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_ui_runs_the_app_headless_and_prints_the_url(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    fake = FakeRun()
    monkeypatch.setattr(ui_command.subprocess, "run", fake)
    port = free_port()
    assert main(["ui", "--port", str(port), "--store", "embedded"]) == 0
    (command, env), = fake.calls
    assert Path(command[command.index("run") + 1]) == ui_command.APP_SCRIPT
    assert command[command.index("--server.port") + 1] == str(port)
    assert command[command.index("--server.headless") + 1] == "true"
    assert env["ALLEGIANCE_STORE"] == "embedded"
    assert f"http://localhost:{port}" in capsys.readouterr().out


def test_ui_refuses_a_busy_port(monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    fake = FakeRun()
    monkeypatch.setattr(ui_command.subprocess, "run", fake)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code = main(["ui", "--port", str(port)])
    assert code != 0 and not fake.calls
    assert "already in use" in capsys.readouterr().err


def test_app_script_exists_and_names_every_page() -> None:
    text: Any = ui_command.APP_SCRIPT.read_text()
    for page in ("network.py", "search.py", "console.py"):
        assert page in text
