"""summit: compare how news outlets quote the same event."""

__version__ = "0.1.0"
