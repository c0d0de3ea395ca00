"""Join links, per-role keys and version pinning.

A link reads `resedit://HOST:PORT/PAPER-ID?role=edit&key=KEY`. Each role has its own key,
derived from the paper's secret (HMAC-SHA256), so a dais link cannot be edited into an editor
link. The key travels in a request header, never in the URL path, and the websockets loggers
we hand to the library redact that header: the secret never reaches a log.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass, field
from urllib.parse import parse_qs, quote, unquote, urlsplit

import pycrdt

from resedit.errors import ResEditError

ENGINE = f"pycrdt {pycrdt.__version__}"
ROLE_NAMES = {"edit": "co-sponsors (edit)", "sign": "signatories (sign only)", "read": "the dais (read and comment)"}
KEY_HEADER = "X-Resedit-Key"
ENGINE_HEADER = "X-Resedit-Engine"
FORMAT_HEADER = "X-Resedit-Format"
NAME_HEADER = "X-Resedit-Name"


class LinkError(ResEditError):
    """A join link that cannot be used (malformed, refused, or another version)."""


def check_engine(engine: str, format_version: int, where: str) -> None:
    from resedit.collab.schema import FORMAT_VERSION

    if engine != ENGINE or format_version != FORMAT_VERSION:
        raise LinkError(
            f"{where} uses sync engine {engine or 'unknown'} and paper format {format_version}; this "
            f"resedit uses {ENGINE} and format {FORMAT_VERSION}. Everyone sharing a paper needs the "
            "same resedit release: install the host's version (or host from a copy made with yours).")


@dataclass(frozen=True)
class Link:
    host: str
    port: int
    paper_id: str
    role: str
    key: str = field(repr=False)  # a printed Link never shows it; str() gives the full link

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"resedit://{host}:{self.port}/{self.paper_id}?role={self.role}&key={self.key}"

    @property
    def uri(self) -> str:
        """The websocket address: no key in it."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"ws://{host}:{self.port}/{self.paper_id}"

    def redacted(self) -> str:
        return str(self).replace(self.key, "…")


def parse_link(text: str) -> Link:
    parts = urlsplit(text.strip())
    query = parse_qs(parts.query)
    paper_id = parts.path.strip("/")
    try:
        port = parts.port
    except ValueError:
        port = None
    if parts.scheme != "resedit" or not parts.hostname or not port or not paper_id:
        raise LinkError("not a resedit join link (expected resedit://HOST:PORT/PAPER?role=...&key=...)")
    role = (query.get("role") or [""])[0]
    key = (query.get("key") or [""])[0]
    if role not in ROLE_NAMES or not key:
        raise LinkError("the join link lacks its role or key: copy the whole link the host printed")
    return Link(parts.hostname, port, paper_id, role, key)


def new_secret() -> str:
    return secrets.token_urlsafe(24)


def new_paper_id() -> str:
    return secrets.token_hex(6)


def key_for(secret: str, paper_id: str, role: str) -> str:
    digest = hmac.new(secret.encode(), f"{paper_id}:{role}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:18]).decode().rstrip("=")


def role_for(secret: str, paper_id: str, key: str | None) -> str | None:
    """The role a key grants, or None (compared in constant time)."""
    if not key:
        return None
    found = None
    for role in ROLE_NAMES:
        if hmac.compare_digest(key_for(secret, paper_id, role).encode(), key.encode()):
            found = role
    return found


def encode_name(name: str) -> str:
    return quote(name, safe="")


def decode_name(value: str | None) -> str:
    name = unquote(value or "").strip()
    return "".join(ch for ch in name if ch.isprintable())[:60] or "anonymous"


class _RedactKey(logging.Filter):
    """websockets logs request and response headers at DEBUG: hide the key header's value."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 2 and str(args[0]).lower() == KEY_HEADER.lower():
            record.args = (args[0], "[redacted]")
        return True


def wire_logger(name: str) -> logging.Logger:
    """The logger handed to websockets for our connections (redacts the key header)."""
    logger = logging.getLogger(f"resedit.collab.wire.{name}")
    if not any(isinstance(f, _RedactKey) for f in logger.filters):
        logger.addFilter(_RedactKey())
    return logger
