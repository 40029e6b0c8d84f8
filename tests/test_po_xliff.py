"""Tests of the per-unit loaders: gettext PO and XLIFF 1.2 / 2.0."""

from __future__ import annotations

import hashlib
import re
import time
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consistency.documents import load_document, load_source_document
from consistency.documents.po import load_po, load_po_source, mask_placeholders, po_locale
from consistency.documents.xliff import load_xliff, load_xliff_source
from consistency.errors import ConsistencyError, InputError, LocaleError
from consistency.extract import extract_claims
from consistency.model import Document

FIXTURES = Path(__file__).parent / "fixtures"
PO = FIXTURES / "po"
XLIFF = FIXTURES / "xliff"
PO_FILES = sorted(PO.glob("*.po"))
XLIFF_FILES = sorted(XLIFF.glob("harbour-*.xlf"))
UNIT_FILES = PO_FILES + XLIFF_FILES
HOSTILE_XLIFF = sorted(set(XLIFF.glob("*.xlf")) - set(XLIFF_FILES))

#: The first character of an escape (PO ``\\n``) or reference (XML ``&amp;``):
#: the block shows the decoded character there.
_DECODED_AT = {"\\", "&"}


def assert_spans(doc: Document) -> None:
    """Every block has the length of its span and shows the file's characters there."""
    for block in doc.blocks:
        raw = doc.text[block.start : block.end]
        assert 0 <= block.start <= block.end <= len(doc.text)
        assert len(block.text) == block.end - block.start, block
        for i, (shown, stored) in enumerate(zip(block.text, raw)):
            if shown == " " or shown == stored:
                continue
            assert stored in _DECODED_AT, (block.key, i, shown, stored, raw)


def squeeze(text: str) -> str:
    return "".join(text.split())


def by_key(doc: Document) -> dict[str, str]:
    return {block.key: block.text for block in doc.blocks}


#: msgids the loader reads as the translators' credits, not as text (consistency/documents/po.py)
_CREDIT_MSGIDS = ("translator-credits", "translator_credits")

# -- PO: what the target and source versions hold ---------------------------------


def test_po_target_blocks() -> None:
    doc = load_document(PO / "messages.de.po")
    assert doc.locale == "de"
    assert doc.text == (PO / "messages.de.po").read_text(encoding="utf-8")
    assert [block.key for block in doc.blocks] == [
        "Backups are kept for 30 days.",
        "report\x04Checked",
        "menu\x04Checked",
        "The lamp turns every 12 seconds and can be seen from 18 nautical miles away.",
        "%d file uses %s of the 2 GB quota.[0]",
        "%d file uses %s of the 2 GB quota.[1]",
        "Saved %(count)s snapshots at %H:%M on %-d %b, %e.",
        "{count} of {0} keepers, ${total} in %1$s, %.0f%% done",
        'Say "ahoy"\tthen wait 3 minutes.\n',
        "Fog horn range: 3 miles.",
    ]
    assert [block.index for block in doc.blocks] == list(range(len(doc.blocks)))
    assert {block.kind for block in doc.blocks} == {"msgstr"}
    texts = by_key(doc)
    assert texts["Backups are kept for 30 days."] == "Sicherungen werden 30 Tage lang aufbewahrt."
    assert texts["report\x04Checked"] == "Geprüft"
    assert texts["menu\x04Checked"] == "Ausgewählt"
    assert_spans(doc)


def test_po_span_is_the_string_content() -> None:
    doc = load_document(PO / "messages.de.po")
    block = doc.blocks[0]
    assert doc.text[block.start - 8 : block.start] == 'msgstr "'
    assert doc.text[block.end] == '"'
    assert doc.text[block.start : block.end] == block.text


def test_po_multiline_message_blanks_the_continuation_syntax() -> None:
    doc = load_document(PO / "messages.de.po")
    key = "The lamp turns every 12 seconds and can be seen from 18 nautical miles away."
    block = next(b for b in doc.blocks if b.key == key)
    raw = doc.text[block.start : block.end]
    assert raw == 'Die Lampe dreht sich alle 12 Sekunden und ist aus "\n"18 Seemeilen Entfernung zu sehen.'
    assert block.text == "Die Lampe dreht sich alle 12 Sekunden und ist aus    18 Seemeilen Entfernung zu sehen."
    source = next(b for b in load_source_document(PO / "messages.de.po").blocks if b.key == key)
    assert source.text == "The lamp turns every 12 seconds and can be seen    from 18 nautical miles away."


def test_po_multiline_message_starting_with_empty_string() -> None:
    text = 'msgid "a"\nmsgstr ""\n"First line, "\n"second line."\n'
    doc = load_po("x.de.po", text=text)
    (block,) = doc.blocks
    assert text[block.start : block.start + 5] == "First"
    assert text[block.end :] == '"\n'
    assert block.text == "First line,    second line."


def test_po_crlf_line_endings() -> None:
    doc = load_document(PO / "crlf.de.po")
    (block,) = doc.blocks
    assert block.key == "Signal every 15 minutes"
    assert doc.text[block.start : block.end] == 'Signal alle "\r\n"15 Minuten'
    assert block.text == "Signal alle     15 Minuten"
    assert_spans(doc)


def test_po_byte_order_mark_counts_in_offsets() -> None:
    doc = load_document(PO / "bom.de.po")
    assert doc.text.startswith("\ufeff")
    (block,) = doc.blocks
    assert doc.text[block.start : block.end] == "Gezeiten: 4 Meter"
    assert block.key == "Tide: 4 metres"


def test_po_escapes_keep_the_length() -> None:
    doc = load_document(PO / "messages.de.po")
    block = next(b for b in doc.blocks if b.key.startswith("Say"))
    assert doc.text[block.start : block.end] == "Sag „ahoi“\\tund warte 3 Minuten.\\n"
    assert block.text == "Sag „ahoi“\t und warte 3 Minuten.\n "
    source = next(b for b in load_source_document(PO / "messages.de.po").blocks if b.key.startswith("Say"))
    assert source.text == 'Say " ahoy" \t then wait 3 minutes.\n '
    assert_spans(doc)


def test_po_skips_header_fuzzy_untranslated_obsolete_and_credits() -> None:
    doc = load_document(PO / "messages.de.po")
    keys = " ".join(block.key for block in doc.blocks)
    texts = " ".join(block.text for block in doc.blocks)
    assert "Project-Id-Version" not in texts  # header
    assert "41 metres" not in keys and "14 Meter" not in texts  # fuzzy
    assert "ship" not in keys  # fuzzy plural
    assert "217 steps" not in keys  # untranslated
    assert "gull" not in keys  # one plural form untranslated
    assert "old lamp" not in keys and "Veraltet" not in texts  # obsolete
    assert "translator-credits" not in keys and "Erika" not in texts


def test_po_plural_forms_are_keyed() -> None:
    target = by_key(load_document(PO / "messages.de.po"))
    source = by_key(load_source_document(PO / "messages.de.po"))
    key = "%d file uses %s of the 2 GB quota."
    assert target[key + "[0]"] == "   Datei belegt    des Kontingents von 2 GB."
    assert target[key + "[1]"] == "   Dateien belegen    des Kontingents von 2 GB."
    assert source[key + "[0]"] == "   file uses    of the 2 GB quota."
    assert source[key + "[1]"] == "   files use    of the 2 GB quota."


def test_po_single_plural_form_is_compared_with_msgid_plural() -> None:
    target = load_document(PO / "ja.po")
    source = load_source_document(PO / "ja.po")
    assert target.locale == "ja"  # no Language header: from the file name
    assert [b.key for b in target.blocks] == [b.key for b in source.blocks]
    assert target.blocks[0].key == "One beacon was repaired.[0]"
    assert target.blocks[0].text == "   基の灯台を修理しました。"
    assert source.blocks[0].text == "   beacons were repaired."


def test_po_msgctxt_in_key() -> None:
    keys = [b.key for b in load_document(PO / "messages.de.po").blocks]
    assert "report\x04Checked" in keys and "menu\x04Checked" in keys
    assert "Checked" not in keys


def test_po_locales() -> None:
    assert load_document(PO / "catalogue.po").locale == "fr-CA"  # header Language
    assert load_document(PO / "catalogue.po", locale="fr").locale == "fr"  # explicit wins
    assert load_source_document(PO / "catalogue.po").locale == "en-GB"  # X-Source-Language
    assert load_source_document(PO / "messages.de.po").locale == "en"  # default
    assert load_source_document(PO / "messages.de.po", locale="en-US").locale == "en-US"
    assert po_locale("Language: sr@latin\n") == "sr-Latn"
    assert po_locale("Language: \n") is None


def test_po_header_language_beats_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "de.po"
    path.write_text('msgid ""\nmsgstr "Language: it\\n"\n\nmsgid "a"\nmsgstr "b"\n', encoding="utf-8")
    assert load_document(path).locale == "it"


def test_po_without_any_locale(tmp_path: Path) -> None:
    path = tmp_path / "messages.po"
    path.write_text('msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    with pytest.raises(LocaleError, match="--locale"):
        load_document(path)
    assert load_document(path, locale="de").locale == "de"


@pytest.mark.parametrize("path", PO_FILES + XLIFF_FILES, ids=lambda p: p.name)
def test_source_keys_equal_target_keys(path: Path) -> None:
    target = load_document(path)
    source = load_source_document(path)
    assert target.blocks
    assert [b.key for b in source.blocks] == [b.key for b in target.blocks]
    assert source.text == target.text
    assert_spans(source)
    assert_spans(target)


def test_source_spans_point_at_msgid() -> None:
    doc = load_source_document(PO / "messages.de.po")
    block = doc.blocks[0]
    assert doc.text[block.start - 7 : block.start] == 'msgid "'
    assert block.text == "Backups are kept for 30 days."


def test_po_placeholders_are_masked() -> None:
    doc = load_document(PO / "messages.de.po")
    texts = by_key(doc)
    saved = texts["Saved %(count)s snapshots at %H:%M on %-d %b, %e."]
    assert saved == "          Schnappschüsse um   :   am    .    gespeichert,   ."
    brace = texts["{count} of {0} keepers, ${total} in %1$s, %.0f%% done"]
    assert brace == "        von     Wärtern,          in     ,     %  fertig"  # %% keeps one %
    for document in (doc, load_source_document(PO / "messages.de.po")):
        for block in document.blocks:
            assert "{" not in block.text and "$" not in block.text
            assert not re.search(r"%[^ ]", block.text), block.text
            for claim in extract_claims(block.text, document.locale):
                assert "%" not in claim.text and "{" not in claim.text, (block.key, claim)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("%d files", "   files"),
        ("%5.2f GB", "      GB"),
        ("%(n)s items", "      items"),
        ("%1$s of %2$d", "     of     "),
        ("{count} and {0}", "        and    "),
        ("${total} left", "         left"),
        ("%H:%M %p", "  :     "),
        ("%-d. %B %Y", "   .      "),
        ("%Hh%M", "  h  "),
        ("%e %b", "     "),
        ("%{count} Ruby", "         Ruby"),
        ("line\n%d more", "line\n   more"),
        ("50% off", "50% off"),
        ("100%ige Tochter", "100%ige Tochter"),
        ("%50 indirim", "%50 indirim"),  # Turkish puts the percent sign first
        ("5%% done", "5%  done"),
        ("see https://example.org/a?b=1 now", "see                           now"),
    ],
)
def test_mask_placeholders(message: str, expected: str) -> None:
    assert mask_placeholders(list(message)) == expected


def test_po_placeholder_after_an_escape() -> None:
    doc = load_po("x.de.po", text='msgid "Done:\\n%d files"\nmsgstr "Fertig:\\n%d Dateien"\n')
    assert doc.blocks[0].text == "Fertig:\n    Dateien"
    assert extract_claims(doc.blocks[0].text, "de") == []


def test_qt_placeholders_only_in_qt_entries() -> None:
    text = (
        'msgid "a"\nmsgstr "%1 Dateien, %50"\n\n'
        '#, qt-format\nmsgid "b"\nmsgstr "%1 Dateien, %2 GB"\n'
    )
    blocks = load_po("x.de.po", text=text).blocks
    assert blocks[0].text == "%1 Dateien, %50"
    assert blocks[1].text == "   Dateien,    GB"


def test_po_suppression_comment() -> None:
    doc = load_document(PO / "messages.de.po")
    fog = next(b for b in doc.blocks if b.key.startswith("Fog"))
    assert fog.suppressed == {"QTY001", "QTY002"}
    assert all(not b.suppressed for b in doc.blocks if b is not fog)
    source = next(b for b in load_source_document(PO / "messages.de.po").blocks if b.key.startswith("Fog"))
    assert source.suppressed == {"QTY001", "QTY002"}
    whole = load_po("x.de.po", text='# claim-consistency: disable-file=DAT001\nmsgid "a"\nmsgstr "b"\n')
    assert whole.blocks[0].suppressed == {"DAT001"}


@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: p.name)
def test_po_agrees_with_polib(path: Path) -> None:
    """polib is the oracle: same translated entries, keys and decoded strings."""
    catalogue = polib.pofile(str(path))
    expected_target: dict[str, str] = {}
    expected_source: dict[str, str] = {}
    for entry in catalogue:
        if not entry.translated() or entry.msgid in ("", *_CREDIT_MSGIDS):
            continue
        key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if entry.msgid_plural:
            forms = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
            for i, form in enumerate(forms):
                expected_target[f"{key}[{i}]"] = form
                expected_source[f"{key}[{i}]"] = entry.msgid if i == 0 and len(forms) > 1 else entry.msgid_plural
        else:
            expected_target[key] = entry.msgstr
            expected_source[key] = entry.msgid
    for doc, expected in ((load_document(path), expected_target), (load_source_document(path), expected_source)):
        assert [b.key for b in doc.blocks] == list(expected)
        for block in doc.blocks:
            if not re.search(r"[%{$]", expected[block.key]):
                assert squeeze(block.text) == squeeze(expected[block.key]), block.key


# Messages without placeholders, URLs or U+FEFF (a message starting with one
# has it blanked, like a byte order mark), so the block shows all their text.
_PO_TEXT = st.text(
    alphabet=st.sampled_from(list('ab Zä日€"\\\n\t.,:;!?-0123456789'))
    | st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
    min_size=1,
    max_size=120,
).filter(lambda s: s.strip() and "\ufeff" not in s and not re.search(r"[%{$@]|https?:|www\.", s))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_PO_TEXT.filter(lambda s: s not in _CREDIT_MSGIDS), _PO_TEXT),
                min_size=1, max_size=5, unique_by=lambda t: t[0]))
def test_po_roundtrip_through_polib(tmp_path_factory: pytest.TempPathFactory, pairs: list[tuple[str, str]]) -> None:
    """Catalogues written by polib (long lines wrapped, escapes) load with exact spans."""
    catalogue = polib.POFile(wrapwidth=30)
    catalogue.metadata = {"Language": "de", "Content-Type": "text/plain; charset=UTF-8"}
    for msgid, msgstr in pairs:
        catalogue.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    path = tmp_path_factory.mktemp("po") / "roundtrip.po"
    path.write_text(str(catalogue), encoding="utf-8")
    target, source = load_document(path), load_source_document(path)
    assert [b.key for b in target.blocks] == [msgid for msgid, _ in pairs]
    assert [b.key for b in source.blocks] == [msgid for msgid, _ in pairs]
    for block, (_msgid, msgstr) in zip(target.blocks, pairs):
        assert squeeze(block.text) == squeeze(msgstr)
    for block, (msgid, _msgstr) in zip(source.blocks, pairs):
        assert squeeze(block.text) == squeeze(msgid)
    assert_spans(target)
    assert_spans(source)


# -- PO: errors --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ('msgid "a\nmsgstr "b"\n', 1, "unterminated string"),
        ('msgid "a"\nmsgstr "b\\"\n', 2, "unterminated string"),
        ('msgid "a"\nmsgstrr "b"\n', 2, "unexpected 'msgstrr'"),
        ('msgid "a"\nmsgstr "b"\ngarbage here\n', 3, "unexpected 'garbage'"),
        ('"orphan"\nmsgid "a"\nmsgstr "b"\n', 1, "string without a keyword"),
        ('msgid "a"\nmsgstr "b" trailing\n', 2, "after a string"),
        ('msgid a\nmsgstr "b"\n', 1, "must be followed by a quoted string"),
        ('msgstr "b"\n', 1, "without a msgid"),
        ('msgid "a"\n\nmsgid "b"\nmsgstr "c"\n', 3, "msgid after a msgid"),
        ('msgid "a"\n', 1, "entry without msgstr"),
        ('msgctxt "c"\n', 1, "msgctxt without msgid"),
        ('msgid "a"\nmsgid_plural "as"\nmsgstr[1] "x"\n', 3, "out of order"),
        ('msgid "a"\nmsgstr[0] "x"\n', 2, "without msgid_plural"),
        ('msgid "a"\nmsgid_plural "as"\nmsgstr "x"\n', 3, "not msgstr"),
        ('msgid[0] "a"\nmsgstr "x"\n', 1, "cannot take an index"),
    ],
)
def test_malformed_po(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    path = tmp_path / "bad.de.po"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_document(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}:{line}: malformed PO: "), message
    assert fragment in message
    assert isinstance(caught.value, OSError) and isinstance(caught.value, ConsistencyError)
    with pytest.raises(InputError):
        load_source_document(path)


def test_unreadable_unit_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_document(tmp_path / "missing.de.po")
    latin1 = tmp_path / "latin1.de.po"
    latin1.write_bytes('msgid "a"\nmsgstr "Gr\xfc\xdfe"\n'.encode("latin-1"))
    with pytest.raises(InputError, match="not valid UTF-8"):
        load_document(latin1)
    with pytest.raises(InputError, match="not valid UTF-8"):
        load_source_document(latin1)


def test_source_document_of_other_formats() -> None:
    with pytest.raises(InputError, match="only PO, XLIFF and Qt Linguist"):
        load_source_document("article.de.md")


def test_dispatch_by_extension(tmp_path: Path) -> None:
    pot = tmp_path / "app.pot"
    pot.write_text('msgid "Hello 2 times"\nmsgstr ""\n', encoding="utf-8")
    assert load_document(pot, locale="en").blocks == ()
    xliff = tmp_path / "harbour.XLIFF"
    xliff.write_text((XLIFF / "harbour-2.0.xlf").read_text(encoding="utf-8"), encoding="utf-8")
    assert load_document(xliff).locale == "fr"
    assert load_document(xliff) == load_xliff(xliff)
    assert load_document(PO / "quota.de.po") == load_po(PO / "quota.de.po")
    assert load_source_document(PO / "quota.de.po") == load_po_source(PO / "quota.de.po")


def test_text_argument_is_used_instead_of_the_file() -> None:
    doc = load_document("nowhere/app.de.po", text='msgid "a"\nmsgstr "b"\n')
    assert doc.locale == "de" and doc.blocks[0].text == "b"


# -- XLIFF ----------------------------------------------------------------------------


def test_xliff_12_target() -> None:
    doc = load_document(XLIFF / "harbour-1.2.xlf")
    assert doc.locale == "de-DE"
    texts = by_key(doc)
    assert list(texts) == ["harbour.html#intro", "harbour.html#fee", "harbour.html#hours", "harbour.html#cdata"]
    assert squeeze(texts["harbour.html#intro"]) == squeeze("Der Hafen hat 12 Liegeplätze für Boote bis 30\xa0m.")
    # inline tags blanked; <bpt>/<ept> native code blanked with its content
    assert squeeze(texts["harbour.html#fee"]) == squeeze("Das Anlegen kostet 25 Euro pro Nacht.")
    assert "b" not in texts["harbour.html#fee"].replace("Anlegen", "")
    # predefined entities decoded in place, placeholders blanked
    hours = texts["harbour.html#hours"]
    assert squeeze(hours) == squeeze('Geöffnet von bis & an "Feiertagen"')
    assert "&    " in hours and '"     Feiertagen"     ' in hours
    block = next(b for b in doc.blocks if b.key == "harbour.html#hours")
    assert doc.text[block.end - 6 : block.end] == "&quot;"  # the span ends after the reference
    # CDATA is text: its markers are blanked, its content is kept verbatim
    assert texts["harbour.html#cdata"] == "Tiefe <mindestens> 3 m"
    assert {b.kind for b in doc.blocks} == {"target"}
    assert_spans(doc)


def test_xliff_12_source() -> None:
    doc = load_source_document(XLIFF / "harbour-1.2.xlf")
    assert doc.locale == "en-US"
    texts = by_key(doc)
    assert squeeze(texts["harbour.html#intro"]) == squeeze("The harbour has 12 berths for boats up to 30\xa0m.")
    assert squeeze(texts["harbour.html#fee"]) == squeeze("Mooring costs 25 euros a night.")  # not <alt-trans>
    assert {b.kind for b in doc.blocks} == {"source"}


def test_xliff_12_skips_untranslated_units() -> None:
    keys = [b.key for b in load_document(XLIFF / "harbour-1.2.xlf").blocks]
    for skipped in ("new", "missing", "logo", "empty"):
        assert f"harbour.html#{skipped}" not in keys


def test_xliff_span_excludes_markup_and_whitespace() -> None:
    doc = load_document(XLIFF / "harbour-1.2.xlf")
    block = doc.blocks[0]
    assert doc.text[block.start : block.start + 9] == "Der Hafen"
    assert doc.text[block.end : block.end + 9] == "</target>"
    cdata = doc.blocks[-1]
    assert doc.text[cdata.start - 9 : cdata.start] == "<![CDATA["


def test_xliff_20() -> None:
    target = load_document(XLIFF / "harbour-2.0.xlf")
    source = load_source_document(XLIFF / "harbour-2.0.xlf")
    assert (target.locale, source.locale) == ("fr", "en")
    assert [b.key for b in target.blocks] == ["faq#depth#0", "faq#depth#1", "faq#café"]  # not brand, todo
    texts = by_key(target)
    assert squeeze(texts["faq#depth#0"]) == squeeze("Le chenal a une profondeur de 7 m.")
    assert squeeze(texts["faq#depth#1"]) == squeeze("La marée monte de 4 m.")
    assert squeeze(texts["faq#café"]) == squeeze("Le café accueille 40 clients — 5 € le café.")
    assert squeeze(by_key(source)["faq#café"]) == squeeze("The café seats 40 guests — €5 a coffee.")
    assert "<" not in "".join(texts.values()) and "id=" not in "".join(texts.values())
    block = target.blocks[-1]  # after non-ASCII text: byte offsets were converted
    assert target.text[block.start : block.start + 17] == "Le café accueille"


def test_xliff_suppression_comment() -> None:
    doc = load_document(XLIFF / "harbour-1.2.xlf")
    assert by_key(doc) and {b.key: b.suppressed for b in doc.blocks}["harbour.html#cdata"] == {"QTY002"}
    assert all(not b.suppressed for b in doc.blocks if b.key != "harbour.html#cdata")


def test_xliff_byte_order_mark_and_astral_characters(tmp_path: Path) -> None:
    path = tmp_path / "emoji.xlf"
    text = (
        '\ufeff<?xml version="1.0" encoding="ISO-8859-1"?>\n'
        '<xliff version="2.0" srcLang="en" trgLang="ja"><file id="f">'
        '<unit id="u"><segment><source>🐳 2 whales</source>'
        "<target>🐳🐳 クジラ2頭 &#x1F433;</target></segment></unit></file></xliff>"
    )
    path.write_text(text, encoding="utf-8")
    doc = load_document(path)
    (block,) = doc.blocks
    assert doc.text[block.start : block.end] == "🐳🐳 クジラ2頭 &#x1F433;"
    assert block.text == "🐳🐳 クジラ2頭 🐳" + " " * 8
    assert_spans(doc)


@pytest.mark.parametrize("path", HOSTILE_XLIFF, ids=lambda p: p.name)
def test_xliff_with_dtd_is_rejected_quickly(path: Path) -> None:
    started = time.perf_counter()
    with pytest.raises(InputError, match="DTDs and entities are not allowed") as caught:
        load_document(path)
    assert time.perf_counter() - started < 1.0
    assert str(caught.value).startswith(f"{path}:2: ")
    with pytest.raises(InputError, match="DTDs and entities are not allowed"):
        load_source_document(path)


def test_hostile_fixtures_present() -> None:
    assert {p.name for p in HOSTILE_XLIFF} == {"billion-laughs.xlf", "external-dtd.xlf", "external-entity.xlf"}


_HEAD = '<xliff version="1.2"><file original="f" source-language="en" target-language="de"><body>\n'
_TAIL = "</body></file></xliff>"


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (_HEAD + '<trans-unit id="1"><source>a</source><target>b</target>\n' + _TAIL, 3, "mismatched tag"),
        (_HEAD + '<trans-unit id="1"><source>5&nbsp;GB</source><target>b</target></trans-unit>\n' + _TAIL, 2,
         "undefined entity"),
        (_HEAD + "<trans-unit id='1'><source>a < b</source></trans-unit>" + _TAIL, 2, "not well-formed"),
        (_HEAD, 2, "no element found"),
        ("", 1, "no element found"),
        ('<?xml version="1.0"?>\n<html><body>5 GB</body></html>', 2, "not an XLIFF file"),
    ],
)
def test_malformed_xliff(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    path = tmp_path / "bad.xlf"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_document(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}:{line}: "), message
    assert fragment in message


def test_xliff_locale_from_file_name(tmp_path: Path) -> None:
    path = tmp_path / "strings.it.xlf"
    path.write_text(
        '<xliff version="1.2"><file original="f"><body><trans-unit id="1">'
        "<source>3 boats</source><target>3 barche</target></trans-unit></body></file></xliff>",
        encoding="utf-8",
    )
    assert load_document(path).locale == "it"
    assert load_source_document(path).locale == "en"
    assert load_xliff_source(path, locale="en-GB").locale == "en-GB"


_XML_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
    | st.sampled_from(list("&<>\"' 5GB€🐳")),
    min_size=1,
    max_size=80,
).filter(lambda s: s.strip() and "\ufeff" not in s and not re.search(r"[%{$@]|https?:|www\.", s))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_XML_TEXT, _XML_TEXT), min_size=1, max_size=4))
def test_xliff_roundtrip(tmp_path_factory: pytest.TempPathFactory, pairs: list[tuple[str, str]]) -> None:
    units = "".join(
        f'<unit id="u{i}"><segment><source>{xml_escape(s)}</source>'
        f"<target>{xml_escape(t, {chr(34): '&quot;', chr(39): '&#39;'})}</target></segment></unit>\n"
        for i, (s, t) in enumerate(pairs)
    )
    text = f'<xliff version="2.0" srcLang="en" trgLang="de"><file id="f">\n{units}</file></xliff>'
    path = tmp_path_factory.mktemp("xlf") / "roundtrip.xlf"
    path.write_text(text, encoding="utf-8")
    target, source = load_document(path), load_source_document(path)
    kept = [(i, s, t) for i, (s, t) in enumerate(pairs)]
    assert [b.key for b in target.blocks] == [f"f#u{i}" for i, _, _ in kept]
    for block, (_, _s, t) in zip(target.blocks, kept):
        assert squeeze(block.text) == squeeze(t)
    for block, (_, s, _t) in zip(source.blocks, kept):
        assert squeeze(block.text) == squeeze(s)
    assert_spans(target)
    assert_spans(source)


# -- both formats --------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(PO.glob("*")) + sorted(XLIFF.glob("*")), ids=lambda p: p.name)
def test_files_are_not_modified(path: Path) -> None:
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    for loader in (load_document, load_source_document):
        try:
            loader(path)
        except InputError:
            pass
    after = (path.read_bytes(), path.stat().st_mtime_ns)
    assert hashlib.sha256(before[0]).digest() == hashlib.sha256(after[0]).digest()
    assert before[1] == after[1]


#: The finding categories these fixtures are written to exercise (name and
#: quote rules have fixtures of their own).
_FIGURES = frozenset({"quantity", "date", "coverage"})


def _findings(documents: list[Document]) -> list:
    from consistency.match.analysis import analyse
    from consistency.engine.registry import load_rules

    analysis = analyse("bundle", documents)
    findings = []
    for rule in load_rules().select((), (), {}):
        if rule.kind != "unused-suppression":
            findings += list(rule.load_check()(analysis, rule))
    return findings


def test_end_to_end_po_quantity_mismatch() -> None:
    path = PO / "quota.de.po"
    source, target = load_source_document(path), load_document(path)
    findings = [f for f in _findings([source, target]) if f.category in _FIGURES]
    assert [f.rule for f in findings] == ["QTY001"]
    (finding,) = findings
    texts = {loc.locale: loc.text for loc in finding.locations}
    assert texts == {"en": "5 GB", "de": "50 GB"}
    for location in finding.locations:
        doc = source if location.locale == "en" else target
        assert doc.text[location.start : location.end] == location.text


def test_end_to_end_units_align_by_key() -> None:
    from consistency.match.analysis import analyse

    path = PO / "messages.de.po"
    analysis = analyse("bundle", [load_source_document(path), load_document(path)])
    assert len(analysis.groups) == len(load_document(path).blocks)
    assert all(len(a) == 1 and len(b) == 1 for a, b in analysis.groups)


@pytest.mark.parametrize("path", [PO / "ja.po", PO / "catalogue.po", *XLIFF_FILES], ids=lambda p: p.name)
def test_end_to_end_consistent_files_have_no_findings(path: Path) -> None:
    findings = _findings([load_source_document(path), load_document(path)])
    assert [f for f in findings if f.category in _FIGURES] == []


# -- the shared corpus (skipped when absent) -----------------------------------------


@pytest.mark.parametrize("lang", ["ja", "de", "fr"])
def test_gnome_weather_po(corpus: Path, lang: str) -> None:
    path = corpus / "gnome-weather-po" / f"{lang}.po"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    target, source = load_document(path), load_source_document(path)
    assert target.locale == lang
    assert len(target.blocks) > 20
    assert [b.key for b in source.blocks] == [b.key for b in target.blocks]
    for doc in (target, source):
        assert_spans(doc)
        for block in doc.blocks:
            for claim in extract_claims(block.text, doc.locale):
                assert "%" not in claim.text and "{" not in claim.text, (block.key, claim)
    polib_keys = []
    for entry in polib.pofile(str(path)):
        if not entry.translated() or entry.msgid in ("", *_CREDIT_MSGIDS):
            continue
        key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        polib_keys += [f"{key}[{i}]" for i in sorted(entry.msgstr_plural)] if entry.msgid_plural else [key]
    assert [b.key for b in target.blocks] == polib_keys


_PO_PIECES = st.sampled_from(
    ['msgid "', 'msgstr "', "msgctxt ", "msgid_plural ", "msgstr[0] ", "msgstr[1] ", '"', "\\", "\\n",
     "\n", "\r\n", "#, fuzzy\n", "#~ ", "# ", "5 GB", "%d", " ", "ä", "x"]
)
_XML_PIECES = st.sampled_from(
    ['<xliff version="1.2">', '<xliff version="2.0" trgLang="de">', '<file original="f">', '<file id="f">',
     "<body>", '<trans-unit id="1">', '<unit id="u">', "<segment>", "<source>", "<target>", "</source>",
     "</target>", "</segment>", "</unit>", "</trans-unit>", "</body>", "</file>", "</xliff>", '<g id="1">',
     "</g>", "<x/>", "&amp;", "&#160;", "&bad;", "<!-- c -->", "<![CDATA[<]]>", "5 GB", "€", "\n", "<", "&"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PO_PIECES | _XML_PIECES, max_size=40).map("".join), st.sampled_from(["x.de.po", "x.de.xlf"]))
def test_any_input_loads_or_raises_input_error(text: str, name: str) -> None:
    """Garbage never crashes a loader: a valid document or a one-line InputError."""
    for loader in (load_document, load_source_document):
        try:
            doc = loader(name, text=text)
        except InputError as error:
            assert "\n" not in str(error) and str(error).startswith(f"{name}:")
        else:
            assert_spans(doc)
