"""Co-drafting: one paper shared by several laptops through pycrdt (Yjs) over websockets.

Layers inside this package (nothing here imports textual):
offsets (code points -> UTF-8 bytes), order (fractional order keys), schema (WorkingPaper <->
CRDT), document (SharedDocument: the editor's document interface on the CRDT), store (durable
SQLite copy), link/roles (join links, per-role keys, versions), protocol (wire messages), host
(the server), client (a peer that keeps editing offline and merges on reconnect).
"""
