"""Print an index's state as JSON (run as a subprocess, so Chroma's in-process caches never go stale).

``python -m tests.reliability.inspect_index`` reads the index the ``ASSISTANT_*`` environment points at.
"""

from __future__ import annotations

import json
import sys


def main() -> int:
    from assistant.assistant import _catalog_path
    from assistant.catalog import Catalog
    from assistant.offline import ensure_offline
    from assistant.settings import load_settings
    from assistant.vectors import ChromaVectors

    ensure_offline()
    settings = load_settings()
    catalog = Catalog(_catalog_path(settings))
    vectors = ChromaVectors(settings.collection, path=settings.index_dir / "chroma", url=settings.chroma_url or None)
    with catalog.reading() as con:
        fts = con.execute("SELECT count(*) FROM chunks_fts").fetchone()[0]
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    state = {
        "articles": {a.article_id: a.content_hash for a in catalog.articles()},
        "chunks": sorted(catalog.chunk_ids()),
        "vectors": sorted(vectors.ids()),
        "vector_count": vectors.count(),
        "fts_rows": fts,
        "integrity": integrity,
    }
    json.dump(state, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
