"""The web UI in a real browser: `assistant serve` as a process, driven through Debian's chromium.

The fast tests share one server with ``ASSISTANT_LLM=extractive``; the test marked ``model`` starts one
with the real local model, measures what a user sees (time to the first words of the answer and to the
final answer) and saves a screenshot to ``tests/artifacts/ui-answer.png``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import sqlite3
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.servers import free_port, running

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FINAL = re.compile(r"^(answered|refused|error)$")
XSS_ARTICLE = """# Zorblax festival <img src=x onerror="window.__xss=3"> news

The Zorblax lantern festival in Quellton drew twelve thousand visitors on Saturday.
The organisers painted <script>window.__xss=1</script> on the Zorblax festival poster as a joke about web pages.
A sign at the Zorblax festival gate read <img src=x onerror="window.__xss=2"> in large letters.
The Quellton mayor said the Zorblax festival will return next spring.
"""
UPLOAD_ARTICLE = """---
title: Glimmerwick opens a tidal power plant
source: Test Gazette
date: 2024-05-02
---

The harbour town of Glimmerwick opened a tidal power plant on Thursday. The plant's six turbines will
supply about four thousand homes, the town council said. Engineers from the Glimmerwick Polytechnic
designed the turbines over three years.
"""
UPLOAD_HTML = """<!doctype html><html><head><title>Pellbrook orchards report a record apple harvest</title>
<meta property="og:site_name" content="Valley Courier"></head><body><nav>Home | Farming</nav>
<article><h1>Pellbrook orchards report a record apple harvest</h1>
<p>Growers in Pellbrook picked nine hundred tonnes of apples this autumn, the most since records began.</p>
<p>The cooperative credits a mild spring and new frost fans for the harvest.</p></article>
<footer>Subscribe to the Valley Courier</footer></body></html>
"""


@dataclass
class Server:
    url: str
    index: Path
    articles: Path


@contextmanager
def _start(tmp: Path, llm: str) -> Iterator[Server]:
    articles = tmp / "articles"
    shutil.copytree(ROOT / "articles", articles)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update({"ASSISTANT_INDEX_DIR": str(tmp / "index"), "ASSISTANT_ARTICLES_DIR": str(articles),
                "ASSISTANT_LLM": llm})
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with running([sys.executable, "-m", "assistant", "serve", "--port", str(port)], f"{url}/healthz",
                 tmp / "serve.log", env=env, timeout=300):
        yield Server(url + "/", tmp / "index", articles)


@pytest.fixture(scope="module")
def extractive_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with _start(tmp_path_factory.mktemp("ui-extractive"), "extractive") as server:
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import expect, sync_playwright

    # Waiting bounds, not speed checks: generous, because the machine may be busy (2 shared cores).
    expect.set_options(timeout=30_000)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, extractive_server: Server, request: pytest.FixtureRequest) -> Iterator[Any]:
    failed_before = request.session.testsfailed
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(extractive_server.url)
    page.locator("#question textarea").wait_for()
    yield page
    if request.session.testsfailed > failed_before:  # keep what the page showed when the test failed
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"failed-{request.node.name}.png"), full_page=True)
    context.close()
    assert not errors, f"JavaScript errors in the page: {errors}"


def ask(page: Any, question: str, timeout: float = 60_000) -> Any:
    """Type a question, press Enter, and return the new turn once it is final."""
    from playwright.sync_api import expect

    before = page.locator("#chat .turn").count()
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
    turn = page.locator("#chat .turn").nth(before)
    expect(turn).to_have_attribute("data-state", FINAL, timeout=timeout)
    return turn


def words(text: str) -> str:
    return " ".join(text.split())


def article_texts(folder: Path) -> str:
    return words(" ".join(p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.is_file()))


def choose(page: Any, text: str, article_id: str) -> None:
    """Pick an article by clicking its row's cell holding ``text``; wait until the pick arrived."""
    from playwright.sync_api import expect

    page.locator("#articles-table [role=gridcell]", has_text=text).first.click()
    expect(page.locator("#article-choice input")).to_have_value(re.compile(article_id))


def open_chip(page: Any, turn: Any, n: int = 0) -> Any:
    """Click the turn's n-th citation chip; return the source entry it opened."""
    chip = turn.locator("a.chip").nth(n)
    target = chip.get_attribute("data-cite")
    chip.click()
    entry = page.locator(f"#chat [id='{target}']")
    from playwright.sync_api import expect

    expect(entry).to_have_class(re.compile(r"\bactive\b"))
    return entry


# --- extractive mode: fast ------------------------------------------------------------------------


def test_chips_open_the_cited_passage_with_the_quote_highlighted(page, extractive_server):
    from playwright.sync_api import expect

    turn = ask(page, "Who is the EU Commissioner for Innovation and Research?")
    expect(turn).to_have_attribute("data-state", "answered")
    expect(turn.locator(".answer")).to_contain_text("Iliana Ivanova")
    assert turn.locator("a.chip").count() >= 1
    # Nothing is open until a chip is clicked.
    assert page.locator("#chat details.source[open]").count() == 0
    entry = open_chip(page, turn)
    mark = entry.locator("mark")
    expect(mark).to_be_visible()
    expect(entry.locator(".title")).to_be_visible()
    quote = words(mark.inner_text())
    assert len(quote) > 20 and quote in article_texts(extractive_server.articles)
    # The whole passage around the quote is shown, and it contains the quote.
    assert quote in words(entry.locator(".passage").inner_text())
    expect(entry.locator(".title")).to_contain_text("US and Japan Boost AI")


def test_refusals_and_errors_look_different_and_new_conversation_clears(page):
    from playwright.sync_api import expect

    # Asked first: later in a conversation, a question this short is read as a follow-up (see chat.py).
    refused = ask(page, "What is the capital of France?")
    expect(refused).to_have_attribute("data-state", "refused")
    expect(refused.locator(".badge")).to_have_text(re.compile("not in the articles", re.I))
    expect(refused.locator("a.chip")).to_have_count(0)
    expect(page.locator("#chat .source-group.current")).to_contain_text("No passage of the articles supports")
    answered = ask(page, "When will Kishida meet Biden?")
    expect(answered).to_have_attribute("data-state", "answered")
    expect(answered.locator(".badge")).to_have_count(0)
    # Styled apart: the refusal has a coloured bar and background, an answer neither.
    style = "e => [getComputedStyle(e).borderLeftWidth, getComputedStyle(e).backgroundColor]"
    refused_style = refused.locator(".refusal").evaluate(style)
    answer_style = answered.locator(".answer").evaluate(style)
    assert refused_style[0] == "4px" and answer_style[0] == "0px" and refused_style[1] != answer_style[1]

    error = ask(page, "   ")  # an empty question is the SDK's AssistantError: one line in the page
    expect(error).to_have_attribute("data-state", "error")
    message = error.locator(".error").inner_text()
    assert "question is empty" in message and "\n" not in message.strip() and "Traceback" not in message

    # A chip of an earlier answer brings that answer's sources back into the panel.
    entry = open_chip(page, answered)
    expect(entry).to_be_visible()
    expect(page.locator("#chat .source-group.current")).to_contain_text("When will Kishida meet Biden?")

    page.locator("#new-conversation").click()
    expect(page.locator("#chat .turn")).to_have_count(0)
    expect(page.locator("#chat .intro")).to_be_visible()
    # The new conversation has no history: the short question is not joined to "Kishida Biden" again.
    again = ask(page, "What is the capital of France?")
    expect(page.locator("#chat .turn")).to_have_count(1)
    expect(again).to_have_attribute("data-state", "refused")


def test_follow_up_questions_use_the_conversation(page):
    from playwright.sync_api import expect

    ask(page, "Who is the EU Commissioner for Innovation and Research?")
    follow_up = ask(page, "Which newspaper did she speak to?")
    expect(page.locator("#chat .turn")).to_have_count(2)
    expect(follow_up.locator(".answer")).to_contain_text("Business Daily")


def test_articles_tab_lists_uploads_reingests_and_deletes(page, extractive_server, tmp_path):
    from playwright.sync_api import expect

    page.get_by_role("tab", name="Articles").click()
    table = page.locator("#articles-table")
    expect(table).to_contain_text("US and Japan Boost AI")
    expect(table).to_contain_text("MENAFN")
    rows = table.locator("[role=grid]")  # aria-rowcount counts the header row too
    expect(rows).to_have_attribute("aria-rowcount", "3")

    # Two files at once, of two formats.
    md, page_html = tmp_path / "glimmerwick-tidal.md", tmp_path / "orchard-report.html"
    md.write_text(UPLOAD_ARTICLE, encoding="utf-8")
    page_html.write_text(UPLOAD_HTML, encoding="utf-8")
    page.locator("#upload input[type=file]").set_input_files([str(md), str(page_html)])
    expect(page.locator("#upload")).to_contain_text("orchard-report")
    page.locator("#add-articles").click()
    status = page.locator("#articles-status")
    expect(status).to_contain_text("2 added", timeout=60_000)
    expect(table).to_contain_text("Glimmerwick opens a tidal power plant")
    expect(table).to_contain_text("Pellbrook orchards report a record apple harvest")
    expect(rows).to_have_attribute("aria-rowcount", "5")
    stored = extractive_server.index / "uploads" / "glimmerwick-tidal.md"
    assert stored.is_file() and (extractive_server.index / "uploads" / "orchard-report.html").is_file()

    # It answers from the new article straight away.
    page.get_by_role("tab", name="Chat").click()
    turn = ask(page, "How many homes will the Glimmerwick tidal plant supply?")
    expect(turn.locator(".answer")).to_contain_text("four thousand homes")
    page.get_by_role("tab", name="Articles").click()

    # Pick a row by clicking it; re-ingesting re-reads its file: unchanged, then changed on disk.
    choose(page, "Glimmerwick opens a tidal power plant", "glimmerwick")
    page.locator("#reingest").click()
    expect(status).to_contain_text("unchanged")
    stored.write_text(UPLOAD_ARTICLE.replace("opens a tidal", "switches on its tidal"), encoding="utf-8")
    choose(page, "Test Gazette", "glimmerwick")  # another cell of the row: a click that surely selects
    page.locator("#reingest").click()
    expect(status).to_contain_text("updated", timeout=60_000)  # a changed file is embedded again: seconds on 2 busy cores
    expect(table).to_contain_text("Glimmerwick switches on its tidal power plant")
    expect(rows).to_have_attribute("aria-rowcount", "5")

    # A file that is not an article is an error line in the page, and nothing changes. (The browser
    # already refuses other file types; the server checks again, for clients that are not this page.)
    bad = tmp_path / "garbage.txt"
    bad.write_bytes(bytes(range(256)) * 8)
    page.locator("#upload input[type=file]").set_input_files(str(bad))
    expect(page.locator("#upload")).to_contain_text("garbage.txt")
    page.locator("#add-articles").click()
    expect(status.locator(".error")).to_contain_text("garbage.txt")
    assert "\n" not in status.inner_text().strip() and "Traceback" not in status.inner_text()
    expect(rows).to_have_attribute("aria-rowcount", "5")
    assert not (extractive_server.index / "uploads" / "garbage.txt").exists()

    for title, article_id in (("Glimmerwick switches on", "glimmerwick"), ("Pellbrook orchards", "orchard-report")):
        choose(page, title, article_id)
        page.locator("#delete").click()
        expect(status).to_contain_text("Deleted", timeout=60_000)
        expect(table).not_to_contain_text(title)
    expect(rows).to_have_attribute("aria-rowcount", "3")
    assert not stored.exists()


def test_thumbs_up_is_stored_and_exported(page, extractive_server):
    from playwright.sync_api import expect

    ask(page, "When will Kishida meet Biden?")
    page.locator("#feedback-comment textarea").fill("Right date — merci")
    page.locator("#thumbs-up").click()
    expect(page.locator("#feedback-status")).to_contain_text("saved")
    with sqlite3.connect(extractive_server.index / "feedback.sqlite") as con:
        rows = con.execute("SELECT question, rating, comment, answer_text FROM feedback").fetchall()
    assert ("When will Kishida meet Biden?", 1, "Right date — merci") in [r[:3] for r in rows]
    assert any("April 10" in r[3] for r in rows)

    page.get_by_role("tab", name="Feedback").click()
    page.locator("#export-feedback").click()
    expect(page.locator("#export-status")).to_contain_text("exported")
    links = page.locator("#feedback-files a[href]")
    expect(links).to_have_count(2)
    downloads = {}
    for href in [links.nth(i).get_attribute("href") for i in range(2)]:
        response = page.request.get(href)
        assert response.ok
        downloads[href.rsplit(".", 1)[-1]] = response.text()
    records = [json.loads(line) for line in downloads["jsonl"].splitlines()]
    assert any(r["comment"] == "Right date — merci" and r["rating"] == 1 for r in records)
    rows = list(csv.DictReader(io.StringIO(downloads["csv"])))
    assert [r["comment"] for r in rows] == [r["comment"] for r in records]


def test_article_markup_is_shown_as_text_and_never_runs(page, extractive_server, tmp_path):
    from playwright.sync_api import expect

    hostile = tmp_path / "zorblax-festival.md"
    hostile.write_text(XSS_ARTICLE, encoding="utf-8")
    page.get_by_role("tab", name="Articles").click()
    page.locator("#upload input[type=file]").set_input_files(str(hostile))
    # The stem only: Gradio shows a file's name as two spans (stem, extension), whose text may come apart.
    expect(page.locator("#upload")).to_contain_text("zorblax-festival")
    page.locator("#add-articles").click()
    expect(page.locator("#articles-status")).to_contain_text("1 added", timeout=60_000)
    expect(page.locator("#articles-table")).to_contain_text('Zorblax festival <img src=x onerror="window.__xss=3"> news')

    page.get_by_role("tab", name="Chat").click()
    poster = ask(page, "What did the organisers paint on the Zorblax festival poster?")
    sign = ask(page, "What did the sign at the Zorblax festival gate read?")
    for turn in (poster, sign):
        open_chip(page, turn)
    transcript = page.locator("#chat").inner_text()
    assert "<script>window.__xss=1</script>" in transcript
    assert '<img src=x onerror="window.__xss=2">' in transcript
    assert 'Zorblax festival <img src=x onerror="window.__xss=3"> news' in transcript  # the title, in the sources
    # The literal text is there, and it is text: no element was made from it anywhere in the page.
    assert page.locator("#chat script, #chat img, #articles-table img").count() == 0
    page.wait_for_timeout(500)  # an image error handler would have fired by now
    assert page.evaluate("typeof window.__xss") == "undefined"
    # Leave the index as the other tests expect it.
    page.get_by_role("tab", name="Articles").click()
    choose(page, "Zorblax", "zorblax")
    page.locator("#delete").click()
    expect(page.locator("#articles-status")).to_contain_text("Deleted", timeout=60_000)


# --- the real local model ---------------------------------------------------------------------------


def timed_ask(page: Any, question: str) -> tuple[Any, float, float]:
    """Ask; return the turn, and the seconds until its first words are on screen and until it is final."""
    from playwright.sync_api import expect

    n = page.locator("#chat .turn").count()
    box = page.locator("#question textarea")
    box.fill(question)
    started = time.perf_counter()
    box.press("Enter")
    # The first words as the user sees them: the new turn's text is no longer empty.
    page.wait_for_function(
        "n => { const t = document.querySelectorAll('#chat .turn')[n]?.querySelector('.text');"
        " return t !== null && t !== undefined && t.textContent.trim().length > 0; }",
        arg=n, timeout=300_000, polling="raf")
    first_words = time.perf_counter() - started
    # Seen, not merely present: the streamed text is the topmost element where it is drawn.
    on_top = page.evaluate(
        "n => { const turn = document.querySelectorAll('#chat .turn')[n]; const r = turn.querySelector('.text')"
        ".getBoundingClientRect(); const hit = document.elementFromPoint(r.left + 4, r.top + r.height / 2);"
        " return hit !== null && turn.contains(hit); }", n)
    assert on_top
    if n == 0:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "ui-streaming.png"))
    turn = page.locator("#chat .turn").nth(n)
    expect(turn).to_have_attribute("data-state", FINAL, timeout=300_000)
    total = time.perf_counter() - started
    server_side = turn.locator(".note").inner_text()  # the SDK's own timings, shown under the answer
    print(f"\nUI, local model, {question!r}: first words after {first_words:.2f} s, final answer after"
          f" {total:.2f} s (server: {server_side})")
    return turn, first_words, total


@pytest.mark.model
def test_a_streamed_answer_from_the_local_model_with_its_citations(browser, tmp_path_factory):
    from playwright.sync_api import expect

    with _start(tmp_path_factory.mktemp("ui-local"), "local") as server:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.goto(server.url)
        # The first question after start-up (the model's weights are still paging in), then a warm one.
        turn, _, _ = timed_ask(page, "Which companies could join the AI research framework?")
        expect(turn).to_have_attribute("data-state", "answered")
        answer = turn.locator(".answer").inner_text().lower()
        assert all(name in answer for name in ("nvidia", "arm", "amazon")), answer
        entry = open_chip(page, turn)
        mark = entry.locator("mark")
        expect(mark).to_be_visible()
        expect(entry.locator(".title")).to_be_visible()
        assert words(mark.inner_text()) in article_texts(server.articles)
        page.screenshot(path=str(ARTIFACTS / "ui-answer.png"), full_page=True)

        warm, _, _ = timed_ask(page, "When will Kishida meet Biden?")
        expect(warm.locator(".answer")).to_contain_text("April 10")
        context.close()


def test_a_refusal_shows_the_closest_passage_it_quotes(page):
    from playwright.sync_api import expect

    refused = ask(page, "In which US city will Kishida and Biden hold their meeting?")
    expect(refused).to_have_attribute("data-state", "refused")
    expect(refused.locator(".badge")).to_have_count(1)
    expect(refused.locator(".text")).to_contain_text("The closest they come")
    expect(refused.locator("a.chip")).to_have_count(1)
    entry = open_chip(page, refused)
    expect(entry).to_be_visible()
    expect(entry).to_contain_text("in the United States")
