"""``streamlit run app.py`` on a free localhost port for the browser tests; always stopped.

Shared by the browser tests: start the server in its own process group, wait for its health
endpoint, and stop it (TERM, then KILL) whatever happens.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SERVER_START_S = 30.0


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def health_seconds(url: str, timeout: float = 5.0) -> float:
    """How long Streamlit's health endpoint takes to answer ``ok`` (raises if it does not)."""
    started = time.monotonic()
    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=timeout) as answer:
        if answer.status != 200:
            raise RuntimeError(f"health check answered {answer.status}")
    return time.monotonic() - started


def wait_healthy(url: str, process: subprocess.Popen[bytes], deadline: float) -> None:
    """Poll the health endpoint until it answers (or the server dies, or time runs out)."""
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early with code {process.returncode}")
        try:
            health_seconds(url, timeout=2)
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError, RuntimeError):
            time.sleep(0.3)
    raise TimeoutError(f"streamlit did not answer on {url} within {SERVER_START_S:.0f} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the server we started (its own process group, by id): TERM, then KILL if it lingers."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


@contextmanager
def streamlit_app(log_path: Path) -> Iterator[str]:
    """Run the app; yield its URL; the server is stopped on the way out, whatever happened."""
    port = free_port()
    with log_path.open("wb") as logfile:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none"],
            cwd=ROOT, stdout=logfile, stderr=subprocess.STDOUT, start_new_session=True,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url, process, time.monotonic() + SERVER_START_S)
            yield url
        finally:
            stop(process)
            log.info("streamlit log: %s", log_path)
