"""Unit tests for assistant.ingest.clean: boilerplate removal on the bundled and synthetic pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.ingest.clean import CleanedText, clean_text
from assistant.ingest.readers import read_document

ARTICLES = Path(__file__).resolve().parents[2] / "articles"

P1 = ("The central bank raised interest rates by half a percentage point on Tuesday, citing persistent inflation "
      "in housing and services, and signalled that further increases could follow later this year.")
P2 = ("Economists had expected a smaller move, but officials said the labour market remained unusually tight and "
      "that wage growth was still running well above the level consistent with the target.")
P3 = ("Markets reacted calmly to the decision, with the currency edging higher and government bond yields rising "
      "slightly as traders priced in another increase before the end of the summer.")


def paragraphs(cleaned: CleanedText) -> list[str]:
    return cleaned.text.split("\n\n") if cleaned.text else []


def clean_file(name: str) -> CleanedText:
    raw = read_document(ARTICLES / name, max_bytes=20_000_000)
    return clean_text(raw.text, title=raw.title, source=raw.source, date=raw.date)


# --- the bundled articles ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def alliance() -> CleanedText:
    return clean_file("us-japan-boost-ai-semiconductor-alliance.txt")


@pytest.fixture(scope="module")
def collaboration() -> CleanedText:
    return clean_file("japan-us-deeper-ai-semiconductor-collaboration.txt")


def test_alliance_title(alliance: CleanedText) -> None:
    assert alliance.title == "US and Japan Boost AI, Semiconductor Alliance; EU Eyes Reduction in China Dependence"
    # The headline is metadata, not the first paragraph of the body.
    assert not alliance.text.startswith("US and Japan Boost")


def test_alliance_keeps_article_body(alliance: CleanedText) -> None:
    assert alliance.text.startswith("Japan and the United States are poised to deepen ties")
    assert "April 10" in alliance.text
    assert "Iliana Ivanova" in alliance.text
    assert "These developments mark a significant shift" in alliance.text
    # The last real paragraph is the end of the body.
    assert paragraphs(alliance)[-1].startswith("These developments mark a significant shift")
    # Section headings inside the article stay, in place.
    paras = paragraphs(alliance)
    assert "Strengthening Bilateral High-Tech Ties" in paras
    assert paras.index("Strengthening Bilateral High-Tech Ties") < paras.index(
        "Expanding Collaborations Beyond Bilateral Borders")


@pytest.mark.parametrize(
    "junk",
    ["Yoga", "Pauline Jacobs", "pollution", "Pollution", "Paris", "LEAVE A REPLY", "Please enter your comment",
     "More from Author", "Read Now", "Photo: Microsoft Bing", "HomeIn-depth", "Most Popular",
     "Please enter your name here", "..."],
)
def test_alliance_drops_page_furniture(alliance: CleanedText, junk: str) -> None:
    assert junk not in alliance.text


def test_alliance_paragraphs_are_single_lines(alliance: CleanedText) -> None:
    for para in paragraphs(alliance):
        assert para == " ".join(para.split())


def test_collaboration_metadata_from_text(collaboration: CleanedText) -> None:
    assert collaboration.date == "2024-03-31"
    assert collaboration.source == "MENAFN"
    assert collaboration.text.startswith("Japan and the US are gearing up")
    assert "date 2024-03-31" not in collaboration.text
    assert "(MENAFN)" not in collaboration.text
    assert "Kishida" in collaboration.text
    # No headline on the page: a readable title comes from the first sentence.
    assert collaboration.title
    assert collaboration.title.startswith("Japan and the US are gearing up")
    assert len(collaboration.title) <= 101


def test_collaboration_keeps_all_paragraphs(collaboration: CleanedText) -> None:
    raw = (ARTICLES / "japan-us-deeper-ai-semiconductor-collaboration.txt").read_text(encoding="utf-8")
    raw_paragraphs = [" ".join(p.split()) for p in raw.split("\n") if p.strip()]
    assert len(paragraphs(collaboration)) == len(raw_paragraphs)
    for kept, original in zip(paragraphs(collaboration)[1:], raw_paragraphs[1:]):
        assert kept == original


# --- synthetic pages --------------------------------------------------------------------------------


def test_breadcrumb_dropped() -> None:
    cleaned = clean_text(f"Home > World > Asia\n\n{P1}\n\n{P2}")
    assert paragraphs(cleaned) == [P1, P2]
    assert "Home" not in cleaned.text


@pytest.mark.parametrize("crumb", ["Home » Business » Markets", "News / Economy / Rates", "Home > Markets"])
def test_other_breadcrumb_shapes_dropped(crumb: str) -> None:
    assert paragraphs(clean_text(f"{crumb}\n{P1}\n{P2}")) == [P1, P2]


@pytest.mark.parametrize("credit", ["Photo: Reuters", "Image credit: AFP/Getty Images", "(Photo: Jane Doe)",
                                    "Credits | Bloomberg", "Photo by: Jane Doe", "PHOTO – Kyodo"])
def test_photo_credit_dropped(credit: str) -> None:
    cleaned = clean_text(f"{P1}\n\n{credit}\n\n{P2}")
    assert paragraphs(cleaned) == [P1, P2]


def test_repeated_block_dropped() -> None:
    promo = "Subscribe to the daily briefing for the latest market news"
    cleaned = clean_text(f"{P1}\n\n{promo}\n\n{P2}\n\n{promo}")
    assert promo not in cleaned.text
    assert paragraphs(cleaned) == [P1, P2]


def test_short_repeated_block_is_not_a_duplicate() -> None:
    # Blocks of fewer than three words are too short to call repeats: here, a subheading used twice.
    sentence_a = "Officials spoke."
    cleaned = clean_text(f"{P1}\n\n{sentence_a}\n\n{P2}\n\n{sentence_a}\n\n{P3}")
    assert cleaned.text.count(sentence_a) == 2


def test_related_articles_section_dropped_prose_before_it_kept() -> None:
    page = "\n\n".join([
        P1, P2, "Related articles",
        "Stocks Fall as Investors Weigh Rate Outlook",
        "Oil Prices Climb on Supply Concerns",
        "Housing Market Cools in Major Cities",
    ])
    cleaned = clean_text(page)
    assert paragraphs(cleaned) == [P1, P2]
    for junk in ("Related", "Stocks Fall", "Oil Prices", "Housing Market"):
        assert junk not in cleaned.text


def test_full_prose_after_a_marker_is_kept() -> None:
    cleaned = clean_text(f"{P1}\n\nRead more\n\n{P2}\n\nLatest news\n\nShort teaser headline here\n\n{P3}")
    assert paragraphs(cleaned) == [P1, P2, P3]


def test_teaser_with_ellipsis_and_its_headline_dropped() -> None:
    teaser = "The increase in overall pollution that the planet has seen during..."
    cleaned = clean_text(f"{P1}\n\n{P2}\n\nA Weekend Trip Along the Coast\n\n{teaser}")
    assert paragraphs(cleaned) == [P1, P2]


def test_comment_form_dropped() -> None:
    page = f"{P1}\n\n{P2}\n\nLEAVE A REPLY\n\nPlease enter your comment!\nPlease enter your name here\nPost Comment"
    assert paragraphs(clean_text(page)) == [P1, P2]


def test_real_paragraphs_all_kept_in_order() -> None:
    cleaned = clean_text(f"Rates Rise Again\n\n{P1}\n\nWhat Comes Next\n\n{P2}\n\n{P3}")
    assert cleaned.title == "Rates Rise Again"
    assert paragraphs(cleaned) == [P1, "What Comes Next", P2, P3]


def test_short_sentences_in_the_body_are_kept() -> None:
    short = "He declined to comment."
    cleaned = clean_text(f"{P1}\n\n{short}\n\n{P2}")
    assert paragraphs(cleaned) == [P1, short, P2]


def test_whitespace_and_line_endings_normalised() -> None:
    p2_nbsp = P2.replace(" ", "\u00a0", 3)
    cleaned = clean_text("\ufeff" + P1 + "\r\n\r\n  " + p2_nbsp + "  \r" + P3)
    assert paragraphs(cleaned) == [P1, P2, P3]


def test_reader_title_is_not_repeated_in_body() -> None:
    cleaned = clean_text(f"Rates Rise Again\n\n{P1}\n\n{P2}", title="Rates rise again!")
    # The same headline (up to case and punctuation) is taken from the page and left out of the body.
    assert cleaned.title == "Rates Rise Again"
    assert paragraphs(cleaned) == [P1, P2]


def test_reader_title_wins_over_a_different_heading() -> None:
    cleaned = clean_text(f"Background\n\n{P1}", title="Rates Rise Again")
    assert cleaned.title == "Rates Rise Again"
    assert paragraphs(cleaned) == ["Background", P1]


def test_reader_metadata_wins_over_text_prefix() -> None:
    cleaned = clean_text(f"Published: 2024-01-02 (Wire) {P1}", source="Reader Source", date="2023-12-31")
    assert cleaned.date == "2023-12-31"
    assert cleaned.source == "Reader Source"
    assert cleaned.text == P1


def test_date_prefix_alone_on_its_line() -> None:
    cleaned = clean_text(f"Updated 2024-05-06\n{P1}\n{P2}")
    assert cleaned.date == "2024-05-06"
    assert cleaned.source is None
    assert paragraphs(cleaned) == [P1, P2]


def test_long_first_sentence_gives_a_short_title() -> None:
    cleaned = clean_text(P1)
    assert cleaned.title is not None
    assert len(cleaned.title) <= 101
    assert P1.startswith(cleaned.title.rstrip("…"))


def test_empty_input() -> None:
    cleaned = clean_text("  \n\n \t ")
    assert cleaned.text == ""
    assert cleaned.title is None


def test_prose_starting_with_credit_word_and_hyphen_is_kept() -> None:
    card = ("Credit-card spending in Japan rose 5 percent in March from a year earlier, the central bank said on "
            "Tuesday, as households spent more on travel, dining and electronics ahead of the holiday season.")
    photo = ("Photo-sharing app Instagram said on Tuesday it would expand its teen safety features to Japan and "
             "South Korea next month, following pressure from regulators in both countries.")
    assert paragraphs(clean_text(f"{card}\n\n{photo}")) == [card, photo]


@pytest.mark.parametrize("credit", ["Photo by Jane Doe/Reuters", "(Photo by Jane Doe)"])
def test_photo_by_credit_dropped(credit: str) -> None:
    assert paragraphs(clean_text(f"{P1}\n\n{credit}\n\n{P2}")) == [P1, P2]


# --- properties -------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_clean_text_never_raises(raw: str) -> None:
    cleaned = clean_text(raw)
    assert isinstance(cleaned.text, str)
    assert cleaned.title is None or isinstance(cleaned.title, str)
    # Output paragraphs are whitespace-normalised and non-empty.
    for para in paragraphs(cleaned):
        assert para and para == " ".join(para.split())
    if not raw.strip():
        assert cleaned.text == ""


LINE = st.sampled_from([P1, P2, P3, "Photo: Reuters", "Home > World > Asia", "Related articles", "Read Now",
                        "LEAVE A REPLY", "Some Headline Here", "A teaser that ends...", "Short line.", ""])


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, max_size=12))
def test_clean_text_only_keeps_input_lines(lines: list[str]) -> None:
    cleaned = clean_text("\n\n".join(lines))
    kept = paragraphs(cleaned)
    # Cleaning only removes whole blocks: the kept paragraphs are a subsequence of the input lines.
    remaining = iter(lines)
    assert all(any(p == line for line in remaining) for p in kept)
    for junk in ("Photo: Reuters", "Home > World > Asia", "A teaser that ends..."):
        assert junk not in kept
