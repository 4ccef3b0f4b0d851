"""Readers and spaCy extraction: source files in, typed claims out."""
