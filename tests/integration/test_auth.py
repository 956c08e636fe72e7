"""Access control of `assistant serve`: a real server with ASSISTANT_AUTH_TOKEN / ASSISTANT_AUTH_BASIC set.

Every route but ``/healthz`` (the API, the UI page, Gradio's own routes) needs a bearer token or basic
auth; the token never reaches the server's log. The pure checks (`authorized`, the bind warning) are
tested directly at the end.
"""

from __future__ import annotations

import base64
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr

from assistant.server.auth import authorized, exposure_warning, is_loopback
from assistant.settings import Settings
from tests.integration.test_api import ASSISTANT_BIN, QUESTION, openai_client, server_env, serving, user

TOKEN = "tok-3f9a1c-never-print-me"
BASIC_USER, BASIC_PASSWORD = "alice", "wonder-land-pass-77"


def basic(user_name: str, password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{user_name}:{password}".encode()).decode()}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# Routes of every kind: the API, the UI page, Gradio's config and its API info.
PROTECTED = ["/v1/models", "/v1/articles", "/", "/config", "/gradio_api/info"]


@pytest.fixture(scope="module")
def token_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    tmp = tmp_path_factory.mktemp("auth-token")
    # --verbose: the most the server ever logs, and still no token in it.
    with serving(tmp, server_env(tmp, ASSISTANT_AUTH_TOKEN=TOKEN), "--verbose") as (url, _proc, log):
        yield url, log


def test_health_is_open_and_everything_else_needs_credentials(token_server):
    url, _log = token_server
    assert httpx.get(f"{url}/healthz", timeout=30).status_code == 200
    for path in PROTECTED:
        r = httpx.get(url + path, timeout=30)
        assert r.status_code == 401, path
        assert r.headers["WWW-Authenticate"].startswith('Basic realm="assistant"'), path
        assert r.json()["error"]["type"] == "authentication_error"
    chat = httpx.post(f"{url}/v1/chat/completions", json={"messages": user(QUESTION)}, timeout=30)
    assert chat.status_code == 401
    upload = httpx.post(f"{url}/v1/ingest", files={"files": ("a.md", b"# A\n\nSome text here.")}, timeout=30)
    assert upload.status_code == 401


@pytest.mark.parametrize("headers", [
    bearer("wrong-token"),
    bearer(TOKEN[:-1]),
    bearer(TOKEN + "x"),
    {"Authorization": TOKEN},
    {"Authorization": f"Token {TOKEN}"},
    basic("anyone", "wrong"),
    {"Authorization": "Basic !!not-base64!!"},
    {"Authorization": "Basic " + base64.b64encode(TOKEN.encode()).decode()},  # no "user:" part
    {"X-Api-Key": TOKEN},
])
def test_wrong_credentials_are_401(token_server, headers):
    url, _log = token_server
    for path in ("/v1/models", "/"):
        assert httpx.get(url + path, headers=headers, timeout=30).status_code == 401


def test_the_token_as_bearer_or_as_a_basic_password_opens_api_and_ui(token_server):
    url, _log = token_server
    for headers in (bearer(TOKEN), basic("anyone", TOKEN), basic("", TOKEN)):
        for path in PROTECTED:
            assert httpx.get(url + path, headers=headers, timeout=30).status_code == 200, (path, headers)
    r = httpx.post(f"{url}/v1/chat/completions", json={"messages": user(QUESTION)}, headers=bearer(TOKEN), timeout=60)
    assert r.status_code == 200 and r.json()["choices"][0]["message"]["citations"]


def test_the_openai_client_uses_the_token_as_its_api_key(token_server):
    import openai

    url, _log = token_server
    reply = openai_client(url, key=TOKEN).chat.completions.create(model="assistant", messages=user(QUESTION))
    assert reply.choices[0].message.model_extra["citations"]
    with pytest.raises(openai.AuthenticationError):
        openai_client(url, key="not-the-token").chat.completions.create(model="assistant", messages=user(QUESTION))


def test_the_web_ui_answers_through_gradio_with_the_token(token_server):
    from gradio_client import Client

    url, _log = token_server
    client = Client(url + "/", headers=bearer(TOKEN), verbose=False)
    result = client.predict("Who is the EU Commissioner for Innovation and Research?", api_name="/ask")
    assert "Iliana Ivanova" in str(result)


def test_the_token_never_reaches_the_log(token_server):
    url, log = token_server
    # Every kind of request once more, right and wrong, so the log has had every chance to show it.
    httpx.get(f"{url}/v1/models", headers=bearer(TOKEN), timeout=30)
    httpx.get(f"{url}/v1/models", headers=bearer(TOKEN + "-wrong"), timeout=30)
    httpx.post(f"{url}/v1/chat/completions", json={"messages": user("")}, headers=bearer(TOKEN), timeout=30)
    text = log.read_text()
    assert "Serving the assistant" in text  # the log is the server's output
    assert TOKEN not in text and TOKEN[:12] not in text
    assert base64.b64encode(f"anyone:{TOKEN}".encode()).decode() not in text


def test_basic_credentials(tmp_path):
    env = server_env(tmp_path, ASSISTANT_AUTH_BASIC=f"{BASIC_USER}:{BASIC_PASSWORD}")
    with serving(tmp_path, env) as (url, _proc, log):
        assert httpx.get(f"{url}/healthz", timeout=30).status_code == 200
        for path in ("/v1/models", "/"):
            assert httpx.get(url + path, timeout=30).status_code == 401
            assert httpx.get(url + path, headers=basic(BASIC_USER, BASIC_PASSWORD), timeout=30).status_code == 200
            for headers in (basic(BASIC_USER, "wrong"), basic("bob", BASIC_PASSWORD), bearer(BASIC_PASSWORD),
                            bearer(f"{BASIC_USER}:{BASIC_PASSWORD}")):
                assert httpx.get(url + path, headers=headers, timeout=30).status_code == 401, (path, headers)
        httpx.get(f"{url}/v1/models", auth=(BASIC_USER, BASIC_PASSWORD), timeout=30).raise_for_status()
    assert BASIC_PASSWORD not in log.read_text()


@pytest.mark.browser
def test_a_browser_logs_in_and_the_ui_works(token_server):
    """Chromium with the login prompt's credentials: the page loads and Gradio's own requests pass too."""
    from playwright.sync_api import sync_playwright

    url, _log = token_server
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        try:
            context = browser.new_context(http_credentials={"username": "me", "password": TOKEN})
            page = context.new_page()
            failed: list[str] = []
            page.on("response", lambda r: failed.append(r.url) if r.status == 401 else None)
            assert page.goto(url + "/").status == 200
            page.locator("#question textarea").fill("Who is the EU Commissioner for Innovation and Research?")
            page.locator("#ask").click()  # Gradio's queue: a POST, then a server-sent event stream
            page.locator("#chat").get_by_text("Iliana Ivanova").first.wait_for(timeout=60_000)
            assert failed == []
        finally:
            browser.close()


def test_binding_beyond_loopback_without_auth_warns_loudly(tmp_path):
    # The port is held on loopback, so binding every interface fails after the warning: nothing is exposed.
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = subprocess.run([ASSISTANT_BIN, "serve", "--host", "0.0.0.0", "--port", str(port)],
                                env=server_env(tmp_path), capture_output=True, text=True, timeout=300)
    assert "WITHOUT AUTHENTICATION" in result.stderr and "ASSISTANT_AUTH_TOKEN" in result.stderr
    assert result.returncode != 0  # the port was taken


# --- the pure checks ---------------------------------------------------------------------------------


def header(user_name: str, password: str) -> str:
    return basic(user_name, password)["Authorization"]


def test_authorized_accepts_only_the_configured_secrets():
    assert authorized(f"Bearer {TOKEN}", TOKEN, "")
    assert authorized(f"bearer   {TOKEN}  ", TOKEN, "")
    assert authorized(header("x", TOKEN), TOKEN, "")
    assert not authorized(header("x", TOKEN), "", "x:other")
    assert authorized(header("u", "p:w"), "", "u:p:w")  # a password may contain ':'
    assert not authorized("Bearer ", "", "")  # nothing configured accepts nothing
    assert not authorized(header("", ""), "", "")
    assert not authorized(None, TOKEN, "u:p")
    assert not authorized("Bearer u:p", TOKEN, "u:p")
    assert not authorized("Basic " + base64.b64encode(b"\xff\xfe:x").decode(), TOKEN, "")


def test_the_bind_warning():
    open_settings = Settings(auth_token=SecretStr(""), auth_basic=SecretStr(""))
    for host in ("127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"):
        assert is_loopback(host) and exposure_warning(host, open_settings) is None, host
    for host in ("0.0.0.0", "::", "192.168.1.20", "example.org"):
        assert not is_loopback(host)
        warning = exposure_warning(host, open_settings)
        assert warning is not None and "WITHOUT AUTHENTICATION" in warning and "ASSISTANT_AUTH_TOKEN" in warning
    guarded = Settings(auth_token=SecretStr(TOKEN))
    warning = exposure_warning("0.0.0.0", guarded)
    assert warning is not None and "WITHOUT" not in warning and TOKEN not in warning
