"""Control characters made visible before user text reaches a terminal.

A client name or a note may hold ANSI escapes (``\\x1b[2J`` clears the screen, others retitle
the window or fake earlier output), a carriage return that overwrites the start of the line, or
a bidirectional override that shows text in another order than it is. Printed raw, those act on
the consultant's terminal; shown as ``\\x1b``, ``\\r``, ``\\u202e`` they are just odd text. Line
breaks and tabs are layout and stay.
"""
from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional embeddings,
# overrides and isolates (U+202A-U+202E, U+2066-U+2069).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text) -> str:
    """``text`` as a string with every control character but tab and newline escaped."""
    return _CONTROL.sub(_escape, str(text))
