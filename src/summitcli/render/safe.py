"""Make untrusted article text inert for a terminal.

Article text must never inject Rich markup or terminal escape sequences.
Rich markup is avoided by always wrapping user text in ``rich.text.Text``
(never passing it through markup parsing); control characters (ESC, BEL,
backspace, carriage return, C1 controls, bidi overrides) are replaced by
visible stand-ins here.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # rich is imported only when a table is drawn, not for one error line
    from rich.text import Text

# C0 controls except \n and \t, DEL, C1 controls, bidi embedding/override/isolate marks,
# and lone surrogates (from undecodable file names), which no terminal can encode.
# Each is replaced by exactly one character, so offsets into the text stay valid.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _stand_in(match: re.Match[str]) -> str:
    ch = match.group(0)
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # visible control picture: ␛ ␈ ␍ ...
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def clean(value: object) -> str:
    """Return ``value`` as a string with every terminal control made visible and inert."""
    return _CONTROL.sub(_stand_in, "" if value is None else str(value))


def safe_text(value: object, style: str = "") -> Text:
    """A rich ``Text`` holding ``value`` literally: no markup, no emoji codes, no escapes."""
    from rich.text import Text

    return Text(clean(value), style=style)
