"""Allegiance's graph layer: the data model, the stores, analytics and export.

``graph`` imports neither ``loaders`` nor ``ui``.
"""
