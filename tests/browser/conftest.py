"""Headless Chromium for the browser tests: one set of flags, and a minimal WebDriver client.

Chromium is driven through chromedriver's W3C WebDriver HTTP interface with the standard
library (urllib), so no Selenium is needed. Both are Debian packages (chromium,
chromium-driver); the tests are skipped, saying why, when either is absent.
"""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
# No sandbox (tests may run as root in a container), no GPU, nothing fetched in the background.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def chromium(tmp_path):
    """The command line that starts headless Chromium with its own profile."""
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium chromium-driver)")
    return [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'chromium'}"]


class Browser:
    """One WebDriver session: open a page, press keys, run a script."""

    def __init__(self, port: int, session: str):
        self.base = f"http://127.0.0.1:{port}/session/{session}"

    def _call(self, method: str, path: str, body=None):
        return _request(method, self.base + path, body)

    def open(self, url: str) -> None:
        self._call("POST", "/url", {"url": url})

    def press(self, key: str) -> None:
        """A key (a WebDriver key code such as "\\ue014", ArrowRight) pressed and released."""
        self._call("POST", "/actions", {"actions": [{"type": "key", "id": "keyboard", "actions": [
            {"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]}]})

    def run(self, script: str):
        return self._call("POST", "/execute/sync", {"script": script, "args": []})


def _request(method: str, url: str, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as reply:
        return json.loads(reply.read() or b"{}").get("value")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def browser(chromium):
    if CHROMEDRIVER is None:
        pytest.skip("chromedriver is not installed (apt-get install chromium-driver)")
    port = _free_port()
    driver = subprocess.Popen([CHROMEDRIVER, f"--port={port}"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):  # chromedriver listens within a second or so
            try:
                _request("GET", f"http://127.0.0.1:{port}/status")
                break
            except OSError:
                time.sleep(0.1)
        options = {"binary": chromium[0], "args": [*chromium[1:], "--window-size=1280,720"]}
        session = _request("POST", f"http://127.0.0.1:{port}/session", {"capabilities": {
            "alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": options}}})
        browser = Browser(port, session["sessionId"])
        yield browser
        _request("DELETE", browser.base)
    finally:
        driver.terminate()
        driver.wait(timeout=30)
