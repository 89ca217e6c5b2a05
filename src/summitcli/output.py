"""The one place that knows about stdout, stderr, terminals and colour.

Data goes to stdout; messages (warnings, errors, progress) go to stderr.
Colour only when stdout is a terminal and ``NO_COLOR`` is not set. Consoles
never interpret markup or emoji codes: article text is shown literally.
"""
from __future__ import annotations

import json
import os
import re
import sys
from enum import Enum
from typing import Iterable


class Format(str, Enum):
    """Output formats, one renderer each."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"


def pick_format(as_json: bool, as_jsonl: bool) -> Format:
    if as_json and as_jsonl:
        from summitcli.errors import InputError

        raise InputError("--json and --jsonl cannot be used together")
    if as_json:
        return Format.JSON
    return Format.JSONL if as_jsonl else Format.TABLE


def colour_wanted(stream) -> bool:
    if os.environ.get("NO_COLOR", "") != "":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Output:
    """Stdout data and stderr messages for one run."""

    def __init__(self, stdout=None, stderr=None):
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self._console = None
        self._err_console = None

    @property
    def console(self):
        """A rich console on stdout (created lazily: rich is not imported for JSON output)."""
        if self._console is None:
            self._console = _make_console(self.stdout)
        return self._console

    @property
    def err_console(self):
        if self._err_console is None:
            self._err_console = _make_console(self.stderr)
        return self._err_console

    def stderr_is_terminal(self) -> bool:
        try:
            return self.stderr.isatty()
        except (AttributeError, ValueError):
            return False

    def json(self, document) -> None:
        """One JSON document on stdout: indented for a person, compact (and fast) for a pipe."""
        indent = 2 if _isatty(self.stdout) else None
        from summitcli.gcpause import paused_gc

        with paused_gc():  # collections during a 100 MB encoding cost as much as the encoding
            # encode(), not iterencode(): only the one-shot path uses the C encoder
            text = self._encoder(indent).encode(document)
        self._write(text)
        self.stdout.write("\n")  # not text + "\n": a second copy of 100+ MB
        self.stdout.flush()

    def jsonl(self, records: Iterable[dict]) -> None:
        """One JSON object a line on stdout."""
        encoder = self._encoder(None)
        for record in records:
            self.stdout.write(self._fix(encoder.encode(record)))
            self.stdout.write("\n")
        self.stdout.flush()

    def _write(self, text: str) -> None:
        """``stdout.write(self._fix(text))``, with large UTF-8 text encoded here in one go:
        a string with no lone surrogate encodes strictly, which spares ``_fix`` its scan."""
        buffer = getattr(self.stdout, "buffer", None)
        encoding = (getattr(self.stdout, "encoding", None) or "").lower().replace("-", "")
        if (len(text) < 1 << 20 or buffer is None or encoding != "utf8" or os.linesep != "\n"
                or text.isascii()):
            self.stdout.write(self._fix(text))
            return
        if "\u2028" in text or "\u2029" in text or "\x85" in text:
            text = text.translate(_LINE_BREAKS)
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            data = _SURROGATE.sub("\ufffd", text).encode("utf-8")
        self.stdout.flush()
        buffer.write(data)

    def _ascii_only(self) -> bool:
        return "utf" not in (getattr(self.stdout, "encoding", None) or "utf-8").lower()

    def _encoder(self, indent: int | None) -> json.JSONEncoder:
        return json.JSONEncoder(ensure_ascii=self._ascii_only(), indent=indent)

    def _fix(self, text: str) -> str:
        """JSON text that the stream can encode and that no line splitter can break.

        Non-ASCII stays readable on a UTF-8 stream (escaped otherwise); U+2028,
        U+2029 and U+0085, which ``str.splitlines`` and some JSON readers treat
        as line ends, are always escaped; lone surrogates become U+FFFD.
        """
        if text.isascii():
            return text
        if "\u2028" in text or "\u2029" in text or "\x85" in text:
            text = text.translate(_LINE_BREAKS)
        return _SURROGATE.sub("\ufffd", text)

    def warn(self, message: str) -> None:
        self._message("warning", message, "yellow")

    def error(self, message: str) -> None:
        self._message("error", message, "red")

    def info(self, message: str) -> None:
        from summitcli.render.safe import clean

        self.stderr.write(clean(message) + "\n")
        self.stderr.flush()

    def _message(self, label: str, message: str, colour: str) -> None:
        from summitcli.render.safe import clean

        text = " ".join(clean(message).split("\n"))
        if colour_wanted(self.stderr):
            self.stderr.write(f"\x1b[{'33' if colour == 'yellow' else '31'}m{label}:\x1b[0m {text}\n")
        else:
            self.stderr.write(f"{label}: {text}\n")
        self.stderr.flush()


_LINE_BREAKS = {0x2028: "\\u2028", 0x2029: "\\u2029", 0x85: "\\u0085"}
_SURROGATE = re.compile("[\ud800-\udfff]")


def _make_console(stream):
    from rich.console import Console

    class QuietPipeConsole(Console):
        def on_broken_pipe(self) -> None:
            """The reader went away (``| head``): stop writing, exit 0 like the JSON path.

            Rich's default exits with 1, which scripts would read as a failure.
            """
            self.quiet = True
            raise BrokenPipeError

    _tolerate_encoding(stream)
    colour = colour_wanted(stream)
    return QuietPipeConsole(
        file=stream,
        no_color=not colour,
        force_terminal=colour or None,
        color_system="auto" if colour else None,
        markup=False,
        emoji=False,
        highlight=False,
    )


def _tolerate_encoding(stream) -> None:
    """On a stream that cannot encode all of Unicode (``PYTHONIOENCODING=ascii``, a legacy
    code page), show unencodable characters as ``?`` instead of failing mid-table."""
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower()
    if "utf" in encoding or not hasattr(stream, "reconfigure"):
        return
    try:
        stream.reconfigure(errors="replace")
    except (AttributeError, ValueError, OSError):
        pass
