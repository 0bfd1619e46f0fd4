"""The real dagster-webserver serves the code location: asset graph, checks, schedule and sensor."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
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


SEED = (
    REPO
    / "tests"
    / "fixtures"
    / "samples"
    / "pdfs"
    / "通城县"
    / "通城县科学技术和经济信息化局"
    / "2024-budget.pdf"
)
CHECK_QUERY = """query ($name: String!) {
  assetCheckExecutions(assetKey: {path: ["published_warehouse"]}, checkName: $name, limit: 1) {
    status evaluation { success severity metadataEntries { label ... on TextMetadataEntry { text } } } }
}"""


@dataclass
class Server:
    base: str
    process: subprocess.Popen


@pytest.fixture
def webserver(tmp_path: Path) -> Iterator[Server]:
    """The seed document ingested into a fresh instance, then the webserver on that instance, started in
    its own session with default signal handling (the test stops it with SIGTERM)."""
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copyfile(REPO / "dagster.yaml", home / "dagster.yaml")
    warehouse = tmp_path / "w.duckdb"
    env = os.environ | {"DAGSTER_HOME": str(home), "WAREHOUSE_PATH": str(warehouse)}
    ingest = [sys.executable, "-m", "countybudget.cli", "ingest", str(SEED), "--warehouse", str(warehouse)]
    done = subprocess.run(ingest, cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    port = free_port()
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
        yield Server(base, process)
    finally:
        if process.poll() is None:  # only when the test failed before stopping it
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)
        log.close()


def test_webserver_serves_graph_checks_schedule_and_sensor(webserver: Server) -> None:
    data = get_json(f"{webserver.base}/graphql", {"query": QUERY})["data"]
    nodes = {"/".join(n["assetKey"]["path"]): n for n in data["assetNodes"]}
    upstream = {key: [d["path"][0] for d in n["dependencyKeys"]] for key, n in nodes.items()}
    assert upstream == {
        "source_documents": [],
        "extracted_documents": ["source_documents"],
        "normalised_lines": ["extracted_documents"],
        "warehouse_documents": ["normalised_lines"],
        "published_warehouse": ["warehouse_documents"],
        "analyst_report": ["published_warehouse"],
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

    # The seed's 13.19% contradiction: a failed ERROR check whose metadata carries the figures.
    payload = {"query": CHECK_QUERY, "variables": {"name": "narrative_percentage"}}
    [execution] = get_json(f"{webserver.base}/graphql", payload)["data"]["assetCheckExecutions"]
    evaluation = execution["evaluation"]
    assert (execution["status"], evaluation["success"], evaluation["severity"]) == ("FAILED", False, "ERROR")
    texts = {e["label"]: e.get("text") for e in evaluation["metadataEntries"]}
    assert (texts["expected_yuan"], texts["actual_yuan"], texts["difference_yuan"]) == (
        "437600.00",
        "2365402.27",
        "1927802.27",
    )

    os.killpg(webserver.process.pid, signal.SIGTERM)  # default signal handling: SIGTERM alone stops it
    assert webserver.process.wait(timeout=30) is not None
    with pytest.raises(OSError):
        get_json(f"{webserver.base}/server_info")
