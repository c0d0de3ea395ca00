"""Hostile and broken .docx files: a clear InputError, with bounded work and memory, before parsing."""
from __future__ import annotations

import io
import struct
import time
import tracemalloc
import zipfile
from contextlib import contextmanager

import docx
import pytest
from docx_build import add_word_numbering, build, number

from resedit.errors import InputError
from resedit.formats import read_paper
from resedit.formats.docx_safety import MAX_FILE_BYTES, MAX_TOTAL_BYTES


@pytest.fixture(scope="module")
def good_docx(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("good") / "good.docx"
    build(path)
    return path.read_bytes()


def rezip(good: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None,
          stored: bool = False) -> bytes:
    """The good document with some parts replaced or added."""
    replace, add = replace or {}, add or {}
    out = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(out, "w", method) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
        for name, data in add.items():
            dst.writestr(name, data)
    return out.getvalue()


@contextmanager
def counting_inflated_bytes():
    """How many bytes any reader inflates from zip entries meanwhile: the work a bomb costs."""
    count = [0]
    read, read1 = zipfile.ZipExtFile.read, zipfile.ZipExtFile.read1

    def counted(method):
        def wrapper(self, *args, **kwargs):
            data = method(self, *args, **kwargs)
            count[0] += len(data)
            return data
        return wrapper

    zipfile.ZipExtFile.read, zipfile.ZipExtFile.read1 = counted(read), counted(read1)
    try:
        yield count
    finally:
        zipfile.ZipExtFile.read, zipfile.ZipExtFile.read1 = read, read1


def refused(tmp_path, data: bytes, *reason: str, name: str = "paper.docx") -> InputError:
    path = tmp_path / name
    path.write_bytes(data)
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as caught, counting_inflated_bytes() as inflated:
            read_paper(path)
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    # Bounded work instead of a clock: the safety scan stops inflating at its caps.
    assert inflated[0] <= MAX_TOTAL_BYTES, f"{inflated[0] / 1e6:.0f} MB inflated"
    assert peak < 64 * 1024 * 1024, f"peak Python memory {peak / 1e6:.0f} MB"
    message = str(caught.value)
    assert str(path) in message
    for words in reason:
        assert words in message, message
    return caught.value


def test_not_a_zip(tmp_path):
    refused(tmp_path, b"Recalling its resolution 27/2,\n1. Urges ...\n", "not a Word document",
            "not a zip archive" if False else "zip archive")


def test_empty_file(tmp_path):
    refused(tmp_path, b"", "empty")


def test_truncated_zip(tmp_path, good_docx):
    refused(tmp_path, good_docx[: len(good_docx) * 6 // 10], "damaged")


def test_zip_bomb_declared_size(tmp_path, good_docx):
    bomb = rezip(good_docx, add={"word/media/bomb.bin": b"\0" * (40 * 1024 * 1024)})
    assert len(bomb) < 200_000
    refused(tmp_path, bomb, "zip bomb", "word/media/bomb.bin")


def test_zip_bomb_ratio(tmp_path, good_docx):
    refused(tmp_path, rezip(good_docx, add={"word/media/zeros.bin": b"\0" * (6 * 1024 * 1024)}),
            "zip bomb", ":1")


def _patch_sizes(data: bytes, name: str, size: int) -> bytes:
    """Make the zip lie about one entry's uncompressed size, in the local and central headers."""
    buf = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
    struct.pack_into("<I", buf, info.header_offset + 22, size)
    eocd = buf.rfind(b"PK\x05\x06")
    offset = struct.unpack_from("<I", buf, eocd + 16)[0]
    while buf[offset:offset + 4] == b"PK\x01\x02":
        n, m, k = struct.unpack_from("<HHH", buf, offset + 28)
        if bytes(buf[offset + 46: offset + 46 + n]).decode() == name:
            struct.pack_into("<I", buf, offset + 24, size)
        offset += 46 + n + m + k
    return bytes(buf)


def test_zip_bomb_that_lies_about_its_size(tmp_path, good_docx):
    bomb = rezip(good_docx, add={"word/media/liar.bin": b"\0" * (3 * 1024 * 1024)})
    refused(tmp_path, _patch_sizes(bomb, "word/media/liar.bin", 1000), "word/media/liar.bin")


def _document_xml(good: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        return archive.read("word/document.xml")


def _with_doctype(xml: bytes, doctype: str) -> bytes:
    declaration, rest = xml.split(b"?>", 1)
    return declaration + b"?>" + doctype.encode() + rest


BILLION_LAUGHS = ('<!DOCTYPE w:document [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                            for i in range(1, 10)) + "]>")


def test_billion_laughs(tmp_path, good_docx):
    xml = _with_doctype(_document_xml(good_docx), BILLION_LAUGHS)
    xml = xml.replace(b"Recalling", b"&lol9;", 1)
    refused(tmp_path, rezip(good_docx, {"word/document.xml": xml}), "DOCTYPE", "word/document.xml")


def test_external_entity_in_the_document(tmp_path, good_docx):
    xml = _with_doctype(_document_xml(good_docx),
                        '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
    xml = xml.replace(b"Recalling", b"&xxe;", 1)
    error = refused(tmp_path, rezip(good_docx, {"word/document.xml": xml}), "DOCTYPE")
    assert "root:" not in str(error)


def test_external_dtd_in_another_part(tmp_path, good_docx):
    with zipfile.ZipFile(io.BytesIO(good_docx)) as archive:
        styles = archive.read("word/styles.xml")
    styles = _with_doctype(styles, '<!DOCTYPE w:styles SYSTEM "http://127.0.0.1:9/evil.dtd">')
    refused(tmp_path, rezip(good_docx, {"word/styles.xml": styles}), "DOCTYPE", "word/styles.xml")


def test_entity_in_content_types(tmp_path, good_docx):
    with zipfile.ZipFile(io.BytesIO(good_docx)) as archive:
        types = archive.read("[Content_Types].xml")
    types = _with_doctype(types, '<!DOCTYPE Types [<!ENTITY a "aaaaaaaaaa">]>')
    refused(tmp_path, rezip(good_docx, {"[Content_Types].xml": types}), "DOCTYPE")


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


def test_password_protected(tmp_path):
    # An encrypted .docx is an OLE compound file with an EncryptedPackage stream.
    data = OLE + "EncryptionInfo".encode("utf-16-le") + b"\0" * 50 + \
        "EncryptedPackage".encode("utf-16-le") + b"\0" * 4096
    refused(tmp_path, data, "password-protected")


def test_old_doc_renamed_docx(tmp_path):
    data = OLE + "WordDocument".encode("utf-16-le") + b"\0" * 4096
    refused(tmp_path, data, ".doc", "save it as .docx")


def test_empty_document(tmp_path):
    docx.Document().save(tmp_path / "blank.docx")
    refused(tmp_path, (tmp_path / "blank.docx").read_bytes(), "empty")


def test_fifty_megabyte_document(tmp_path, good_docx):
    big = rezip(good_docx, add={"word/media/image1.png": b"\x89PNG" + bytes(range(256)) * (50 * 4096)},
                stored=True)
    assert len(big) > 50 * 1024 * 1024 > MAX_FILE_BYTES
    refused(tmp_path, big, "50.", "MB")


@pytest.mark.parametrize("name", ["/etc/evil.xml", "../../evil.xml", "word/../../evil.xml",
                                  "C:\\evil.xml", "..\\evil.xml"])
def test_entry_names_that_escape(tmp_path, good_docx, name):
    refused(tmp_path, rezip(good_docx, add={name: b"<x/>"}), "unsafe name")


def test_duplicate_entries(tmp_path, good_docx):
    with pytest.warns(UserWarning):  # zipfile itself warns when writing a duplicate name
        data = rezip(good_docx, add={"word/document.xml": b"<x/>"})
    refused(tmp_path, data, "twice")


def test_deeply_nested_xml(tmp_path, good_docx):
    xml = _document_xml(good_docx)
    deep = b"<w:sdt>" * 5000 + b"</w:sdt>" * 5000
    xml = xml.replace(b"</w:body>", deep + b"</w:body>")
    refused(tmp_path, rezip(good_docx, {"word/document.xml": xml}), "nested deeper")


def test_malformed_xml(tmp_path, good_docx):
    xml = _document_xml(good_docx).replace(b"</w:body>", b"<w:p></w:body>")
    refused(tmp_path, rezip(good_docx, {"word/document.xml": xml}), "damaged", "well-formed")


def test_a_spreadsheet_named_docx(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types/>')
        archive.writestr("_rels/.rels", b'<?xml version="1.0"?><Relationships xmlns="http://schemas'
                         b'.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" '
                         b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                         b'officeDocument" Target="xl/workbook.xml"/></Relationships>')
        archive.writestr("xl/workbook.xml", b"<workbook/>")
    refused(tmp_path, out.getvalue(), "not a Word document")


def long_docx(path, preambular: int, operative: int) -> None:
    """`preambular` preambular paragraphs and `operative` numbered operative paragraphs with 4
    sub-clauses each."""
    from copy import deepcopy

    document = docx.Document()
    document.add_paragraph("The Commission on Crime Prevention and Criminal Justice,")
    num_id = add_word_numbering(document)
    preamble = document.add_paragraph("Recalling its resolution 0/1,")
    first = document.add_paragraph("Requests the Office to act on:")
    number(first, num_id, 0)
    sub = document.add_paragraph("matter;")
    number(sub, num_id, 1)
    body = preamble._p.getparent()
    anchor = body.index(preamble._p)
    t = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"

    def copy(template, text):  # copying an element is much faster than add_paragraph
        p = deepcopy(template._p)
        p.find(f".//{t}").text = text
        return p

    paragraphs = [copy(preamble, f"Recalling its resolution {i}/1,") for i in range(1, preambular)]
    for i in range(operative):
        paragraphs.append(copy(first, f"Requests the Office to act on matter {i}:"))
        paragraphs += [copy(sub, f"Part {j} of matter {i};") for j in range(4)]
    for offset, p in enumerate(paragraphs, start=1):
        body.insert(anchor + offset, p)
    for template in (first, sub):
        body.remove(template._p)
    document.save(path)


def test_five_thousand_clauses_read_in_time_proportional_to_their_number(tmp_path):
    """1,000 preambular and 800 operative paragraphs with 4 sub-clauses each, read right, and in
    a time per clause within 3x of a paper a tenth as long (measured in the same run: a reader
    that went quadratic would take ~10x)."""
    long_docx(tmp_path / "long.docx", 1000, 800)
    long_docx(tmp_path / "short.docx", 100, 80)
    paper = read_paper(tmp_path / "long.docx")
    assert len(paper.preamble) == 1000 and len(paper.operative) == 800
    assert sum(1 for _ in paper.clauses()) == 5000
    assert paper.operative[-1].label == "800"
    assert [c.label for c in paper.operative[-1].children] == ["a", "b", "c", "d"]

    def seconds(path) -> float:
        best = float("inf")
        for _ in range(2):
            start = time.process_time()
            read_paper(path)
            best = min(best, time.process_time() - start)
        return best

    short, long = seconds(tmp_path / "short.docx"), seconds(tmp_path / "long.docx")
    per_clause = (long / 5000) / (short / 500)
    print(f"5,000 clauses read in {long:.2f} s, 500 in {short:.2f} s: {per_clause:.2f}x per clause")
    assert per_clause < 3


def test_deeply_nested_styles(tmp_path, good_docx):
    with zipfile.ZipFile(io.BytesIO(good_docx)) as archive:
        styles = archive.read("word/styles.xml")
    styles = styles.replace(b"</w:styles>", b"<w:x>" * 100000 + b"</w:x>" * 100000 + b"</w:styles>")
    refused(tmp_path, rezip(good_docx, {"word/styles.xml": styles}), "damaged")


def test_too_many_paragraphs(tmp_path, good_docx):
    xml = _document_xml(good_docx)
    many = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 25_000
    xml = xml.replace(b"</w:body>", many + b"</w:body>")
    refused(tmp_path, rezip(good_docx, {"word/document.xml": xml}), "more than 20,000 paragraphs")


def test_a_letter_is_not_a_paper(tmp_path):
    document = docx.Document()
    document.add_paragraph("Dear Chair")
    document.add_paragraph("please find our paper attached")
    document.save(tmp_path / "letter.docx")
    refused(tmp_path, (tmp_path / "letter.docx").read_bytes(), "no recognisable clauses")
