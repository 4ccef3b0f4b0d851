"""Allegiance test suite (a package, so conftest modules in subfolders get distinct names)."""
