"""Checks a .docx file before any library parses it, so hostile or broken files fail fast and clearly.

A .docx is a zip of XML parts. Everything here is bounded: the file size, the number of entries,
each entry's declared and actual uncompressed size (read in chunks and stopped at the cap, so a
zip bomb never inflates in memory), the compression ratio of large entries, and the nesting depth
of XML. Every XML part is streamed once through expat, building nothing, with the guards
defusedxml installs (and its exception types): any DOCTYPE is refused, so no entity expansion
(billion laughs), no external entities (XXE), no external DTD. Entry names that are
absolute or climb with `..` are refused. OLE compound files are recognised as what they are: a
password-protected (encrypted) Word document or an old .doc renamed .docx.

`check_docx(path)` returns a DocxScan with what the scan noticed (tracked changes) or raises
InputError(path, reason).
"""
from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from xml.parsers import expat

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from resedit.errors import InputError

# Documented limits (README, "Word documents"). A real working paper is well under 1 MB.
MAX_FILE_BYTES = 10 * 1024 * 1024  # the .docx file itself
MAX_ENTRIES = 2000  # zip entries
MAX_PART_BYTES = 32 * 1024 * 1024  # one uncompressed entry (document.xml of 5,000 clauses is ~3 MB)
MAX_PARAGRAPHS = 20_000  # in the main part: bounds the parse time (~1 ms a paragraph)
MAX_TOTAL_BYTES = 128 * 1024 * 1024  # all uncompressed entries together
MAX_RATIO = 200  # uncompressed / compressed, for entries larger than RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_XML_DEPTH = 256  # element nesting; libxml2's own default limit
CHUNK = 64 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")  # a local file header; an empty archive
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main}"  # expat's name form
PARAGRAPH = W_NS + "p"
TRACKED_TAGS = {W_NS + t: t for t in ("ins", "del", "moveFrom", "moveTo")}
FORMAT_CHANGE_TAGS = {W_NS + t for t in ("rPrChange", "pPrChange", "sectPrChange", "tblPrChange")}
MAIN_DOCUMENT_TYPE = "officeDocument"
# Parts whose nesting depth is bounded here (docx2python walks them recursively); the others are
# still checked for DOCTYPE and well-formedness, at C speed (python-docx's template carries 800 KB
# of styles).
DEEP_READ = {"word/footnotes.xml", "word/endnotes.xml", "word/comments.xml", "word/numbering.xml"}


@dataclass
class DocxScan:
    """What the scan learnt on the way: tracked changes in the main document part."""

    main_part: str = "word/document.xml"
    tracked: dict[str, int] = field(default_factory=dict)  # "ins" -> count ...
    format_changes: int = 0
    parts: set[str] = field(default_factory=set)  # every entry name in the zip


class _Watcher:
    """Streams one XML part through expat, building nothing: refuses what defusedxml refuses
    (any DOCTYPE, entity declaration or external reference), bounds the nesting depth, and for the
    main part counts tracked-change elements."""

    def __init__(self, count_changes: bool, watch_elements: bool = True):
        self.depth = 0
        self.tracked: dict[str, int] = {}
        self.paragraphs = 0
        self.format_changes = 0
        self.relationships: list[tuple[str, str]] = []  # (Type, Target) of _rels/.rels
        parser = expat.ParserCreate(namespace_separator="}")
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = self._doctype
        parser.EntityDeclHandler = self._entity
        parser.UnparsedEntityDeclHandler = self._unparsed
        parser.ExternalEntityRefHandler = self._external
        if watch_elements:  # per-element Python callbacks; other parts parse at C speed
            parser.StartElementHandler = self._start_counting if count_changes else self._start
            parser.EndElementHandler = self._end
        self.parser = parser

    def feed(self, chunk: bytes) -> None:
        self.parser.Parse(chunk, False)

    def close(self) -> None:
        self.parser.Parse(b"", True)

    def _doctype(self, name, sysid, pubid, has_internal_subset):
        raise DTDForbidden(name, sysid, pubid)

    def _entity(self, name, is_parameter, value, base, sysid, pubid, notation):
        raise EntitiesForbidden(name, value, base, sysid, pubid, notation)

    def _unparsed(self, name, base, sysid, pubid, notation):
        raise EntitiesForbidden(name, None, base, sysid, pubid, notation)

    def _external(self, context, base, sysid, pubid):
        raise ExternalReferenceForbidden(context, base, sysid, pubid)

    def _start(self, name, attrs):
        self.depth += 1
        if self.depth > MAX_XML_DEPTH:
            raise _Refused(f"XML nested deeper than {MAX_XML_DEPTH} levels")
        if name.endswith("}Relationship"):
            self.relationships.append((attrs.get("Type", ""), attrs.get("Target", "")))

    def _start_counting(self, name, attrs):
        self._start(name, attrs)
        if name == PARAGRAPH:
            self.paragraphs += 1
            if self.paragraphs > MAX_PARAGRAPHS:
                raise _Refused(f"more than {MAX_PARAGRAPHS:,} paragraphs; a working paper has a "
                               "few hundred at most")
        if name in TRACKED_TAGS:
            kind = TRACKED_TAGS[name]
            self.tracked[kind] = self.tracked.get(kind, 0) + 1
        elif name in FORMAT_CHANGE_TAGS:
            self.format_changes += 1

    def _end(self, name):
        self.depth -= 1


class _Refused(Exception):
    pass


def sniff(path: Path, head: bytes) -> None:
    """Refuse what is plainly not a .docx, naming what it is when the magic bytes say so."""
    if not head:
        raise InputError(path, "the file is empty (0 bytes)")
    if head.startswith(OLE_MAGIC):
        if _is_encrypted_ole(path):
            raise InputError(path, "the document is password-protected (encrypted); remove the "
                                   "password in Word (File > Info > Protect Document) and save it again")
        raise InputError(path, "this is an old Word 97-2003 document (.doc) named .docx; open it in "
                               "Word or LibreOffice and save it as .docx")
    if head.startswith(b"{\\rtf"):
        raise InputError(path, "this is an RTF file named .docx; save it as .docx")
    if not head.startswith(ZIP_MAGICS):
        raise InputError(path, "not a Word document: a .docx is a zip archive and this file is not one")


def _is_encrypted_ole(path: Path) -> bool:
    """An encrypted OOXML file is an OLE compound file holding an 'EncryptedPackage' stream."""
    marker = "EncryptedPackage".encode("utf-16-le")
    with path.open("rb") as handle:
        data = handle.read(min(MAX_FILE_BYTES, 4 * 1024 * 1024))
    return marker in data


def _safe_name(name: str) -> bool:
    if not name or "\x00" in name:
        return False
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return False
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return ".." not in parts


def _check_entries(path: Path, archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise InputError(path, f"the zip holds {len(infos)} entries (limit {MAX_ENTRIES}); not a normal Word document")
    seen: set[str] = set()
    declared_total = 0
    for info in infos:
        if not _safe_name(info.filename):
            raise InputError(path, f"the zip holds an entry with an unsafe name ({info.filename!r}: "
                                   "absolute or climbing out with '..'); refused")
        if info.filename in seen:
            raise InputError(path, f"the zip holds the entry {info.filename!r} twice; refused")
        seen.add(info.filename)
        if info.flag_bits & 0x1:
            raise InputError(path, f"the zip entry {info.filename!r} is encrypted; remove the password and save again")
        if info.file_size > MAX_PART_BYTES:
            raise InputError(path, f"the zip entry {info.filename!r} declares {info.file_size:,} bytes "
                                   f"uncompressed (limit {MAX_PART_BYTES:,}); refused as a possible zip bomb")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise InputError(path, f"the zip entry {info.filename!r} compresses {ratio}:1 "
                                   f"(limit {MAX_RATIO}:1); refused as a possible zip bomb")
        declared_total += info.file_size
    if declared_total > MAX_TOTAL_BYTES:
        raise InputError(path, f"the zip declares {declared_total:,} bytes uncompressed (limit "
                               f"{MAX_TOTAL_BYTES:,}); refused as a possible zip bomb")
    if "[Content_Types].xml" not in seen:
        raise InputError(path, "not a Word document: the zip has no [Content_Types].xml")
    return infos


def _read_entry(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, parser=None) -> int:
    """Inflate one entry chunk by chunk, feeding XML to `parser`; stop at the caps. Returns its size."""
    size = 0
    limit = min(info.file_size, MAX_PART_BYTES)
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:  # more than it declared (a lying header) or more than the cap
                raise InputError(path, f"the zip entry {info.filename!r} inflates beyond "
                                       f"{limit:,} bytes; refused as a possible zip bomb")
            if parser is not None:
                parser.feed(chunk)
    if parser is not None:
        parser.close()
    return size


def _walked(name: str, main: str) -> bool:
    return name == main or name in DEEP_READ or name.startswith(("word/header", "word/footer"))


def _main_part(watcher: _Watcher) -> str | None:
    for rel_type, target in watcher.relationships:
        if rel_type.endswith("/" + MAIN_DOCUMENT_TYPE):
            return target.lstrip("/")
    return None


def check_docx(path: str | Path) -> DocxScan:
    """Refuse a hostile or broken .docx with an InputError saying why; otherwise report the scan."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise InputError(path, f"cannot read the file ({exc.strerror or exc})") from exc
    sniff(path, head)
    if size > MAX_FILE_BYTES:
        raise InputError(path, f"the file is {size / 1024 / 1024:.1f} MB; resedit reads Word documents "
                               f"up to {MAX_FILE_BYTES // 1024 // 1024} MB (a working paper is usually "
                               "well under 1 MB: remove large images)")
    scan = DocxScan()
    try:
        with zipfile.ZipFile(path) as archive:
            infos = _check_entries(path, archive)
            rels = archive.getinfo("_rels/.rels") if "_rels/.rels" in archive.namelist() else None
            root_watcher = _Watcher(count_changes=False)
            if rels is not None:
                _read_entry(path, archive, rels, root_watcher)
            main = _main_part(root_watcher) or "word/document.xml"
            names = {i.filename for i in infos}
            if main not in names:
                raise InputError(path, "not a Word document: the zip has no main document part "
                                       "(word/document.xml)")
            if not main.startswith("word/"):
                raise InputError(path, f"not a Word document: its main part is {main} "
                                       "(a spreadsheet or presentation?)")
            scan.main_part, scan.parts = main, names
            total = 0
            for info in infos:
                if info is rels or info.is_dir():
                    continue
                is_xml = info.filename.endswith((".xml", ".rels"))
                watcher = _Watcher(count_changes=info.filename == main,
                                   watch_elements=_walked(info.filename, main))
                try:
                    total += _read_entry(path, archive, info, watcher if is_xml else None)
                except DefusedXmlException as exc:
                    raise InputError(path, f"refused: the part {info.filename} declares a DOCTYPE "
                                           "(entity expansion or external entities); resedit "
                                           "never reads those") from exc
                except expat.ExpatError as exc:
                    raise InputError(path, f"the document is damaged: {info.filename} is not "
                                           f"well-formed XML ({exc})") from exc
                if total > MAX_TOTAL_BYTES:
                    raise InputError(path, f"the zip inflates beyond {MAX_TOTAL_BYTES:,} bytes; "
                                           "refused as a possible zip bomb")
                if info.filename == main:
                    scan.tracked, scan.format_changes = watcher.tracked, watcher.format_changes
    except InputError:
        raise
    except _Refused as exc:
        raise InputError(path, f"refused: {exc}") from exc
    except DefusedXmlException as exc:
        raise InputError(path, "refused: an XML part declares a DOCTYPE (entity expansion or "
                               "external entities); resedit never reads those") from exc
    except expat.ExpatError as exc:
        raise InputError(path, f"the document is damaged: malformed XML ({exc})") from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error, NotImplementedError,
            ValueError, OSError) as exc:
        raise InputError(path, f"the document is damaged (truncated or corrupt zip: {exc})") from exc
    return scan


