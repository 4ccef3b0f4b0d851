"""Page templates for snapshot export (package so the wheel ships them)."""
