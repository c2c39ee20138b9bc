"""JupyterLab smoke test: a real Jupyter server on loopback lists the notebooks and runs a cell
that imports the toolkit in a kernel it starts."""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOKEN = uuid.uuid4().hex


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _request(url: str, method: str = "GET", body: dict[str, object] | None = None) -> object:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        url, data=data, method=method, headers={"Authorization": f"token {TOKEN}"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        text = response.read().decode()
    return json.loads(text) if text else None


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    runtime = tmp_path_factory.mktemp("jupyter-runtime")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter_server",
            f"--ServerApp.port={port}",
            "--ServerApp.ip=127.0.0.1",
            f"--IdentityProvider.token={TOKEN}",
            f"--ServerApp.root_dir={ROOT / 'notebooks'}",
            "--ServerApp.open_browser=False",
            f"--ServerApp.runtime_dir={runtime}",
            "--no-browser",
            "--allow-root",
            "--LabApp.extension_manager=readonly",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            _request(f"{base}/api/status")
            break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("the Jupyter server did not start within 60 s")
    yield base
    process.terminate()
    process.wait(timeout=30)


@pytest.mark.slow
def test_server_lists_the_report_notebooks(server: str) -> None:
    listing = _request(f"{server}/api/contents/")
    assert isinstance(listing, dict)
    names = {item["name"] for item in listing["content"]}
    assert {"outlet_report.ipynb", "comparative_report.ipynb"} <= names


async def _execute(ws_url: str, code: str) -> str:
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    connection = await websocket_connect(
        HTTPRequest(ws_url, headers={"Authorization": f"token {TOKEN}"})
    )
    msg_id = uuid.uuid4().hex
    message = {
        "header": {
            "msg_id": msg_id,
            "username": "test",
            "session": uuid.uuid4().hex,
            "msg_type": "execute_request",
            "version": "5.3",
        },
        "parent_header": {},
        "metadata": {},
        "content": {"code": code, "silent": False},
        "channel": "shell",
    }
    await connection.write_message(json.dumps(message))
    printed = ""
    while True:
        raw = await asyncio.wait_for(connection.read_message(), timeout=60)
        assert isinstance(raw, str)
        reply = json.loads(raw)
        if reply.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        if reply["msg_type"] == "stream":
            printed += reply["content"]["text"]
        if reply["msg_type"] == "error":
            raise AssertionError(reply["content"]["evalue"])
        if reply["msg_type"] == "status" and reply["content"]["execution_state"] == "idle":
            connection.close()
            return printed


@pytest.mark.slow
def test_a_kernel_started_by_the_server_imports_the_toolkit(server: str) -> None:
    kernel = _request(f"{server}/api/kernels", method="POST", body={"name": "python3"})
    assert isinstance(kernel, dict)
    try:
        ws_url = server.replace("http", "ws") + f"/api/kernels/{kernel['id']}/channels"
        code = "import toolkit; print(toolkit.__version__, len(toolkit.load_corpus().articles))"
        printed = asyncio.run(_execute(ws_url, code))
        import toolkit

        assert printed.strip() == f"{toolkit.__version__} 5"
    finally:
        _request(f"{server}/api/kernels/{kernel['id']}", method="DELETE")
