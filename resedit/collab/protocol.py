"""Wire messages: the Yjs sync protocol (pycrdt) plus resedit's own control messages.

Control messages are one byte (CONTROL, outside the Yjs message types) then UTF-8 JSON:
welcome, ack {n}, peers [...], presence {clause, offset}, sign {state}, sign-refused {state, reason}
(the host did not apply a signature: the paper is unchanged), comment {...}, refused.
"""
from __future__ import annotations

import json

from pycrdt import YMessageType, YSyncMessageType, create_update_message, read_message

CONTROL = 100
EMPTY_UPDATE = b"\x00\x00"
CLOSE_REFUSED = 4403  # a read or sign peer sent a raw update: it is cut off and must reload
CLOSE_BAD = 4400  # a message that is not a valid update
MAX_MESSAGE = 64 * 2**20  # a large first sync must not exceed it (websockets defaults to 1 MiB)


def control(payload: dict) -> bytes:
    return bytes([CONTROL]) + json.dumps(payload, ensure_ascii=False).encode("utf-8")


def read_control(message: bytes) -> dict:
    data = json.loads(message[1:].decode("utf-8"))
    if not isinstance(data, dict):
        raise ValueError("control message is not an object")
    return data


def kind(message: bytes) -> str:
    """sync-step1 | sync-step2 | sync-update | awareness | control | unknown."""
    if len(message) >= 2 and message[0] == YMessageType.SYNC:
        return {YSyncMessageType.SYNC_STEP1: "sync-step1", YSyncMessageType.SYNC_STEP2: "sync-step2",
                YSyncMessageType.SYNC_UPDATE: "sync-update"}.get(message[1], "unknown")
    if message and message[0] == YMessageType.AWARENESS:
        return "awareness"
    if message and message[0] == CONTROL:
        return "control"
    return "unknown"


def update_of(message: bytes) -> bytes:
    """The update carried by a sync-step2 or sync-update message."""
    return read_message(message[2:])


__all__ = ["control", "read_control", "kind", "update_of", "create_update_message"]
