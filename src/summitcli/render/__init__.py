"""Renderers: terminal tables (rich) and machine formats (json, jsonl)."""
