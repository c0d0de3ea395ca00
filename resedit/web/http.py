"""The host's plain HTTP side, on the websocket port: the page, its script and style, nothing else.

The page holds none of the paper: it reads the key from the link's fragment (never sent in a
request, so never in a log or a proxy) and asks for the paper over the browser websocket, where
the key is checked first. Every response forbids loading anything from anywhere but this host.
"""
from __future__ import annotations

import re
from http import HTTPStatus
from importlib import resources

from websockets.datastructures import Headers
from websockets.http11 import Response

PASS = object()  # not ours: the terminal peers' websocket handshake goes on as before
STATIC = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}
WEB_SOCKET = "web"  # the browser protocol's path below the paper id
_HOST_HEADER = re.compile(r"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$")


def browser_url(link) -> str:
    """The page for a join link: http://HOST:PORT/PAPER/#role=...&key=... (the key in the fragment)."""
    return f"http://{link.uri.split('://', 1)[1]}/#role={link.role}&key={link.key}"


def _static(name: str) -> bytes:
    return resources.files("resedit.web").joinpath("static").joinpath(name).read_bytes()


def _policy(host_header: str) -> str:
    # 'self' covers ws: to the same host in current browsers; the explicit ws: source is for older Safari.
    sockets = f" ws://{host_header}" if _HOST_HEADER.match(host_header) else ""
    return ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            f"connect-src 'self'{sockets}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def _response(status: HTTPStatus, body: bytes, content_type: str, host_header: str) -> Response:
    headers = Headers()
    headers["Content-Type"] = content_type
    headers["Content-Length"] = str(len(body))
    headers["Content-Security-Policy"] = _policy(host_header)
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "no-referrer"
    headers["Cache-Control"] = "no-store"
    headers["Connection"] = "close"
    return Response(status.value, status.phrase, headers, body)


def route(host, connection, request):
    """For Host._check: a Response for a page request, None to accept the browser websocket, or PASS."""
    path = request.path.split("?", 1)[0]
    parts = [p for p in path.split("/") if p]
    upgrade = "websocket" in request.headers.get("Upgrade", "").lower()
    host_header = request.headers.get("Host", "")
    if upgrade:
        if parts == [host.paper_id, WEB_SOCKET]:
            origin = request.headers.get("Origin")
            if origin is not None and origin != f"http://{host_header}":
                return _response(HTTPStatus.FORBIDDEN, b"this page comes from another site\n",
                                 "text/plain; charset=utf-8", host_header)
            connection.resedit_web = True  # the key comes in the first message
            return None
        return PASS
    if parts == [host.paper_id]:
        return _response(HTTPStatus.OK, _static("index.html"), "text/html; charset=utf-8", host_header)
    if len(parts) == 2 and parts[0] == "static" and parts[1] in STATIC:
        return _response(HTTPStatus.OK, _static(parts[1]), STATIC[parts[1]], host_header)
    if parts == ["favicon.ico"]:
        return _response(HTTPStatus.NO_CONTENT, b"", "image/x-icon", host_header)
    if not parts:
        return _response(HTTPStatus.NOT_FOUND, b"resedit host: open the link the host printed\n",
                         "text/plain; charset=utf-8", host_header)
    return _response(HTTPStatus.NOT_FOUND, b"not here: open the link the host printed\n",
                     "text/plain; charset=utf-8", host_header)
