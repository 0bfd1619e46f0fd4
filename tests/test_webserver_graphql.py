"""The real dagster-webserver serves the code location: asset graph, checks, schedule and sensor."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from checks.names import ALL_CHECKS

REPO = Path(__file__).resolve().parents[1]
WEBSERVER = REPO / ".venv" / "bin" / "dagster-webserver"
QUERY = """{
  assetNodes { assetKey { path } dependencyKeys { path } partitionDefinition { name type }
               assetChecksOrError { ... on AssetChecks { checks { name blocking } } } }
  workspaceOrError { ... on Workspace { locationEntries { name locationOrLoadError {
    ... on RepositoryLocation { repositories { name
        schedules { name cronSchedule executionTimezone } sensors { name } } }
    ... on PythonError { message } } } } }
}"""

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_json(url: str, payload: dict | None = None) -> dict:
    data = None if payload is None else json.dumps(payload).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture
def webserver(tmp_path: Path) -> Iterator[str]:
    """Started in its own session so killing the process group stops it (it ignores a plain SIGTERM under &)."""
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copyfile(REPO / "dagster.yaml", home / "dagster.yaml")
    port = free_port()
    env = os.environ | {"DAGSTER_HOME": str(home), "WAREHOUSE_PATH": str(tmp_path / "w.duckdb")}
    log = (tmp_path / "webserver.log").open("w")
    process = subprocess.Popen(
        [str(WEBSERVER), "-h", "127.0.0.1", "-p", str(port), "-m", "pipelines.definitions"],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, (tmp_path / "webserver.log").read_text()
            try:
                assert get_json(f"{base}/server_info")["dagster_version"] == "1.13.27"
                break
            except OSError:
                assert time.monotonic() < deadline, "webserver did not answer /server_info within 120 s"
                time.sleep(0.5)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)
        log.close()


def test_webserver_serves_graph_checks_schedule_and_sensor(webserver: str) -> None:
    data = get_json(f"{webserver}/graphql", {"query": QUERY})["data"]
    nodes = {"/".join(n["assetKey"]["path"]): n for n in data["assetNodes"]}
    upstream = {key: [d["path"][0] for d in n["dependencyKeys"]] for key, n in nodes.items()}
    assert upstream == {
        "source_documents": [],
        "extracted_documents": ["source_documents"],
        "normalised_lines": ["extracted_documents"],
        "warehouse_documents": ["normalised_lines"],
        "published_warehouse": ["warehouse_documents"],
    }
    partitioned = {key for key, n in nodes.items() if n["partitionDefinition"]}
    assert partitioned == {
        "source_documents",
        "extracted_documents",
        "normalised_lines",
        "warehouse_documents",
    }
    assert {n["partitionDefinition"]["name"] for key, n in nodes.items() if key in partitioned} == {
        "documents"
    }
    checks = nodes["published_warehouse"]["assetChecksOrError"]["checks"]
    assert {c["name"] for c in checks} == {*ALL_CHECKS, "quarantine_check"}
    assert not any(c["blocking"] for c in checks)

    [location] = data["workspaceOrError"]["locationEntries"]
    [repository] = location["locationOrLoadError"]["repositories"]
    assert repository["schedules"] == [
        {"name": "nightly_schedule", "cronSchedule": "0 2 * * *", "executionTimezone": "Asia/Shanghai"}
    ]
    assert repository["sensors"] == [{"name": "inbox_sensor"}]
