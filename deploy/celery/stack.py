"""A throw-away local distributed stack: PostgreSQL, Redis and Celery workers on loopback ports.

Used by ``make run-distributed``, the distributed tests and ``bench/distributed.py``. Every server
is started in its own session and stopped by its PID (whole process group), also when starting a
later one fails; the data lives in a temporary folder removed afterwards. Production runs the same
worker command against managed Postgres / Redis instead (docs/scaling.md).

    python -m deploy.celery.stack [--workers N] -- PATH... [--warehouse FILE]   # ingest-distributed
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pipelines.distributed import BACKEND_ENV, BROKER_ENV, EXTRACT_QUEUE
from plumbing.tags import LOAD_QUEUE

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PG_BIN = Path(os.environ.get("COUNTYBUDGET_PG_BIN", "/usr/lib/postgresql/15/bin"))
PG_USER = "postgres"  # PostgreSQL refuses to run as root: the server runs as this account then


def missing_binaries() -> list[str]:
    """The server programs this stack needs that the machine lacks (the tests skip on them)."""
    wanted = [PG_BIN / "initdb", PG_BIN / "postgres"]
    absent = [str(path) for path in wanted if not os.access(path, os.X_OK)]
    return absent + ([] if shutil.which("redis-server") else ["redis-server"])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(ready: Callable[[], bool], what: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode} while starting")
        with contextlib.suppress(Exception):
            if ready():
                return
        time.sleep(0.2)
    raise RuntimeError(f"{what} not ready after {timeout:.0f} s")


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM, timeout: float = 20) -> None:
    """Stop a process started in its own session: its whole group, by PID, then SIGKILL if it lingers."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # children that outlived their leader
    process.wait()


def descendants(pid: int) -> list[int]:
    """Child processes of ``pid``, recursively (Linux /proc)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            for child in map(int, (task / "children").read_text().split()):
                found += [child, *descendants(child)]
    return found


class LocalStack:
    """Postgres + Redis + a Dagster home on them; workers started with ``start_worker``."""

    def __init__(self, root: Path | None = None, log_level: str = "WARNING") -> None:
        self.log_level = log_level  # of the workers; INFO logs every task received and succeeded
        self.owns_root = root is None  # a folder it made is removed on close; a given one is kept (logs)
        self.root = Path(root or tempfile.mkdtemp(prefix="countybudget-stack-"))
        self.processes: list[tuple[subprocess.Popen, int]] = []
        self.workers: dict[str, subprocess.Popen] = {}
        self.env: dict[str, str] = {}
        self.logs = self.root / "logs"

    def __enter__(self) -> LocalStack:
        try:
            self.logs.mkdir(parents=True, exist_ok=True)
            pg_url = self.start_postgres()
            redis_url = self.start_redis()
            home = self.root / "dagster_home"
            home.mkdir(exist_ok=True)
            shutil.copyfile(HERE / "dagster.yaml", home / "dagster.yaml")
            self.env = {
                "DAGSTER_HOME": str(home),
                "DAGSTER_PG_URL": pg_url,
                BROKER_ENV: f"{redis_url}/0",
                BACKEND_ENV: f"{redis_url}/1",
            }
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def spawn(
        self, argv: list[str], name: str, stop_signal: int = signal.SIGTERM, **kwargs
    ) -> subprocess.Popen:
        log = (self.logs / f"{name}.log").open("ab")
        process = subprocess.Popen(
            argv, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, **kwargs
        )
        self.processes.append((process, stop_signal))
        return process

    def start_postgres(self) -> str:
        """initdb in a fresh folder and a server on a free loopback port; returns the database URL."""
        import psycopg2

        data = Path(tempfile.mkdtemp(prefix="countybudget-pg-"))  # outside root: the server's own
        self.pg_data = data
        user = PG_USER if os.geteuid() == 0 else None
        if user:
            account = pwd.getpwnam(user)
            os.chown(data, account.pw_uid, account.pw_gid)
        subprocess.run(
            [str(PG_BIN / "initdb"), "-D", str(data / "db"), "-U", "dagster", "-A", "trust", "--no-sync", "-E", "UTF8", "--no-locale"],
            user=user, check=True, capture_output=True,
        )  # fmt: skip
        port = free_port()
        settings = ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
        server = self.spawn(
            [str(PG_BIN / "postgres"), "-D", str(data / "db"), "-p", str(port), "-h", "127.0.0.1", "-k", str(data), *settings],
            "postgres", signal.SIGINT, user=user,
        )  # fmt: skip

        def connect(database: str):
            return psycopg2.connect(host="127.0.0.1", port=port, user="dagster", dbname=database)

        wait_for(lambda: bool(connect("postgres").close() or True), "postgres", server)
        admin = connect("postgres")
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute("CREATE DATABASE dagster")
        admin.close()
        return f"postgresql+psycopg2://dagster@127.0.0.1:{port}/dagster"

    def start_redis(self) -> str:
        import redis

        port = free_port()
        server = self.spawn(
            ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(self.root)],
            "redis",
        )  # fmt: skip
        wait_for(lambda: bool(redis.Redis(port=port).ping()), "redis", server)
        return f"redis://127.0.0.1:{port}"

    def start_worker(self, name: str, queues: tuple[str, ...] = (EXTRACT_QUEUE,)) -> subprocess.Popen:
        """A Celery worker (one step at a time) taking steps from ``queues``; waits until it answers."""
        from celery import Celery

        argv = [sys.executable, "-m", "celery", "-A", "pipelines.celery_app", "worker", "-Q", ",".join(queues),
                "-c", "1", "-n", f"{name}@%h", "--prefetch-multiplier=1", "--without-gossip",
                "--without-mingle", "-l", self.log_level]  # fmt: skip
        process = self.spawn(argv, name, cwd=REPO, env=self.environment())
        self.workers[name] = process
        app = Celery(broker=self.env[BROKER_ENV])
        try:

            def pong() -> bool:
                return any(
                    key.startswith(f"{name}@") for reply in app.control.ping(timeout=0.5) for key in reply
                )

            wait_for(pong, name, process)
        finally:
            app.close()
        return process

    def start_workers(self, count: int) -> None:
        """``count`` workers on the extraction queue; the first also takes the single-writer load queue."""
        for index in range(count):
            self.start_worker(
                f"worker{index + 1}", (EXTRACT_QUEUE, LOAD_QUEUE) if index == 0 else (EXTRACT_QUEUE,)
            )

    def environment(self) -> dict[str, str]:
        path = os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
        return os.environ | self.env | {"PYTHONPATH": path}

    def close(self) -> None:
        """Stop everything this stack started, newest first, and remove its folders."""
        while self.processes:
            process, sig = self.processes.pop()
            stop(process, sig)
        self.workers.clear()
        if getattr(self, "pg_data", None):
            shutil.rmtree(self.pg_data, ignore_errors=True)
        if self.owns_root:
            shutil.rmtree(self.root, ignore_errors=True)


def main(argv: list[str]) -> int:
    """``--workers N -- ingest-distributed arguments``: start the stack, ingest, stop it."""
    workers = 2
    if argv[:1] == ["--workers"]:
        workers, argv = int(argv[1]), argv[2:]
    argv = argv[1:] if argv[:1] == ["--"] else argv
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the servers on `kill` too
    root = Path(tempfile.mkdtemp(prefix="countybudget-stack-"))
    try:
        with LocalStack(root) as stack:
            stack.start_workers(workers)
            print(f"stack: postgres, redis, {workers} celery workers (logs in {stack.logs})", flush=True)
            cli = [
                sys.executable,
                "-m",
                "countybudget.cli",
                "ingest-distributed",
                *argv,
                "--runs",
                str(workers),
            ]
            code = subprocess.run(cli, env=stack.environment()).returncode
            if code != 0:
                for log in sorted(stack.logs.glob("worker*.log")):
                    print(f"--- {log.name}\n{log.read_text(errors='replace')[-3000:]}", file=sys.stderr)
            return code
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
