"""Automatic fixes (placeholder, filled below)."""
