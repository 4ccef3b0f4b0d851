"""A held-out evaluation set: reports written after the extractor, never used to tune it."""
