"""A QR code of a browser link for the terminal, so a phone in the room can join by its camera."""
from __future__ import annotations

import io


def qr_text(url: str, encoding: str | None) -> str | None:
    """The QR code in half-block characters (black on the terminal's background, inverted by a
    light border so phones read it on dark and light themes); None where the terminal cannot show
    those characters (then the printed link is the fallback)."""
    import segno

    try:
        "█▀▄".encode(encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return None
    out = io.StringIO()
    segno.make(url, error="l").terminal(out=out, compact=True, border=2)
    return out.getvalue().rstrip("\n")
