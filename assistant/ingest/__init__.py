"""Ingestion: read files, clean boilerplate, chunk with offsets, and commit to the store atomically."""
