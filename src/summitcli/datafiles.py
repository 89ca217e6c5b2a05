"""The YAML data files in ``summitcli/data`` (lexicons users can edit), loaded once each.

Uses libyaml's safe loader when PyYAML was built with it (several times faster
than the pure-Python one); both construct only plain data.
"""
from __future__ import annotations

from functools import cache
from importlib.resources import files


def safe_loader():
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load_data(name: str):
    """Parsed contents of ``summitcli/data/<name>`` (cached for the process)."""
    import yaml

    text = (files("summitcli") / "data" / name).read_text("utf-8")
    return yaml.load(text, Loader=safe_loader())  # noqa: S506 - a safe loader
