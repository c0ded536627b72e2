"""Terminal safety: C0 and C1 control characters (ESC, CSI, OSC, NUL, BEL, ...) written as visible escapes, so
that text from an article or a file name can never move the cursor, recolour, clear the screen or retitle the
window of the terminal it is shown on."""

from __future__ import annotations

_ESCAPES = {codepoint: f"\\x{codepoint:02x}" for codepoint in (*range(0x20), *range(0x7F, 0xA0))}
_ESCAPES.update({ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t", 0x2028: "\\u2028", 0x2029: "\\u2029"})


def escape_controls(text: str) -> str:
    """Every control character as a visible escape (`\\x1b`, `\\n`, `\\x9b`): one line, nothing a terminal acts on."""
    return str(text).translate(_ESCAPES)
