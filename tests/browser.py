"""Browser-test helpers: the real app in a Streamlit server, driven by Debian's headless Chromium.

Not a conftest: a browser test module imports what it uses, e.g.

    from browser import browser, chromium, new_page, save_screenshot, streamlit_app, wait_for_app

(the fixtures must be imported by name into the test module for pytest to find them).

    base = streamlit_app(demo_db("sqlite"))      # session-scoped server per database URL
    page = new_page()                             # fresh context, 1440x900 unless told
    page.goto(base + "/agencies?from=2022-10-03&to=2023-06-09")
    wait_for_app(page)                            # connected, script finished, main block shown
    save_screenshot(page, "agencies")             # test-artifacts/screenshots/agencies.png

Playwright drives /usr/bin/chromium through `executable_path`: Playwright's own browser download
is never used. On a developer's clone a missing Chromium or Playwright skips these tests; under
CI=true it fails them (see conftest.need).
"""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Callable

import pytest

from conftest import need

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
SERVER_START_TIMEOUT_S = 60
FIRST_LOAD_TIMEOUT_MS = 60_000

# --- prerequisites ---------------------------------------------------------------------------


def need_chromium() -> None:
    """Skip (locally) or fail (under CI) unless Debian's Chromium and the playwright package are here."""
    need(CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK),
         f"Chromium not found at {CHROMIUM} (Debian: apt-get install --no-install-recommends chromium fonts-thai-tlwg)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        need(False, "the playwright package is not installed (pip install -e '.[test]')")


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Path of the Chromium binary, after checking it and Playwright are available."""
    need_chromium()
    return CHROMIUM


# --- the app server --------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class StreamlitServer:
    """`python -m streamlit run app.py` on a free local port, its output in a log file."""

    def __init__(self, database_url: str, config: str | None = None):
        self.port = _free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(tempfile.mkstemp(prefix="fondueboard-streamlit-", suffix=".log")[1])
        self._log = self.log_path.open("wb")
        env = {**os.environ, "DATABASE_URL": database_url, "PYTHONUNBUFFERED": "1"}
        if config:
            env["FONDUEBOARD_CONFIG"] = config
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py",
             "--server.port", str(self.port), "--server.address", "127.0.0.1",
             "--server.headless", "true", "--browser.gatherUsageStats", "false",
             # Others edit the sources while the suite runs: never rerun or prompt on a file change.
             "--server.fileWatcherType", "none", "--server.runOnSave", "false"],
            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT,
        )

    def output(self, last: int = 4000) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")[-last:]

    def wait_healthy(self, timeout_s: float = SERVER_START_TIMEOUT_S) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with code {self.proc.returncode}:\n{self.output()}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200 and resp.read().decode().strip() == "ok":
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)
        raise RuntimeError(f"streamlit did not answer /_stcore/health within {timeout_s:.0f} s:\n{self.output()}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self._log.close()
        self.log_path.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def streamlit_app() -> Callable[..., str]:
    """streamlit_app(database_url, fresh=False, config=None) -> base URL ("http://127.0.0.1:<port>", no slash).

    `config` is a settings file for the server (FONDUEBOARD_CONFIG). One server per database URL
    and settings file for the whole session; `fresh=True` starts a new one that no
    browser has talked to yet (for first-request behaviour). All are stopped at session end."""
    servers: dict[tuple, StreamlitServer] = {}
    extra: list[StreamlitServer] = []

    def start(database_url: str, fresh: bool = False, config: str | None = None) -> str:
        cached = None if fresh else servers.get((database_url, config))
        if cached and cached.proc.poll() is None:
            return cached.base_url
        server = StreamlitServer(database_url, config)
        try:
            server.wait_healthy()
        except RuntimeError as exc:
            server.stop()
            pytest.fail(str(exc), pytrace=False)
        if fresh:
            extra.append(server)
        else:
            servers[(database_url, config)] = server
        return server.base_url

    yield start
    for server in [*servers.values(), *extra]:
        server.stop()


# --- the browser -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser(chromium: Path):
    """One headless Chromium (a playwright Browser) for the session."""
    from playwright.sync_api import expect, sync_playwright

    # A Streamlit rerun after a click can take seconds on a busy machine: expect() waits up to
    # 20 s (Playwright's default is 5 s), as do locator actions (set per context in new_page).
    expect.set_options(timeout=20_000)
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS)
    except Exception:
        pw.stop()
        raise
    yield b
    b.close()
    pw.stop()


@pytest.fixture
def new_page(browser, request) -> Callable[..., "Page"]:  # noqa: F821
    """new_page(width=1440, height=900) -> a playwright Page in its own fresh browser context.

    Contexts are closed after the test; if the test failed, each page's last state is saved as
    test-artifacts/screenshots/FAILED-<test>-<n>.png."""
    pages = []
    failed_before = request.session.testsfailed

    def make(width: int = 1440, height: int = 900):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="th-TH",
                                      timezone_id="Asia/Bangkok")
        context.set_default_timeout(20_000)
        page = context.new_page()
        pages.append(page)
        return page

    yield make
    failed = request.session.testsfailed > failed_before
    for n, page in enumerate(pages):
        if failed:
            try:
                save_screenshot(page, f"FAILED-{_safe(request.node.name)}-{n}")
            except Exception:  # a broken page must not hide the test's own failure
                pass
        page.context.close()


# --- helpers ---------------------------------------------------------------------------------

_IDLE_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app
    && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stStatusWidget"]')
    && !!document.querySelector('[data-testid="stMain"]');
}"""


_CHARTS_DRAWN_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  if (!main || main.querySelector('[data-testid="stSkeleton"]')) return false;  // lazy chart code still loading
  const all = (sel) => [...main.querySelectorAll(sel)];
  return all('[data-testid="stPlotlyChart"]').every(c => c.querySelector('.main-svg'))
    && all('[data-testid="stDeckGlJsonChart"]').every(c => c.querySelector('canvas'));
}"""


def wait_for_app(page, timeout: float = FIRST_LOAD_TIMEOUT_MS, charts: bool = True, settle_ms: int = 150) -> None:
    """Wait until the app is connected, no script run is under way (status widget gone) and the
    main block is shown, and still so `settle_ms` later: a run that ends in st.rerun or
    st.switch_page goes idle for a moment before the next run starts. With `charts`, also wait
    until the charts are drawn (Streamlit loads the Plotly and deck.gl code lazily, after the
    run: skeletons first, then an SVG or a canvas).

    After a click, first wait for something the click must change (expect(...)), then call this:
    the script may not have started running yet at the moment of the click."""
    deadline = time.monotonic() + timeout / 1000

    def remaining_ms() -> float:
        return max(1000.0, (deadline - time.monotonic()) * 1000)

    while True:
        page.wait_for_function(_IDLE_JS, timeout=remaining_ms(), polling=50)
        page.wait_for_timeout(settle_ms)
        if page.evaluate(_IDLE_JS):
            break
        if time.monotonic() > deadline:
            raise TimeoutError(f"the Streamlit app did not settle within {timeout / 1000:.0f} s")
    if charts:
        page.wait_for_function(_CHARTS_DRAWN_JS, timeout=remaining_ms(), polling=100)


def save_screenshot(page, name: str, full_page: bool = False) -> Path:
    """Save the page as test-artifacts/screenshots/<name>.png (at the project root) and return the path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{_safe(name)}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("_") or "page"
