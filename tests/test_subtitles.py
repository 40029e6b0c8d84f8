"""Subtitles: SubRip and WebVTT, cue by cue (consistency/documents/subtitles.py).  The lines are
this project's own."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.cli import main
from consistency.documents import load_document
from consistency.errors import InputError

SRT_EN = """1
00:00:01,000 --> 00:00:03,500
<i>The bridge is 5 km long.</i>

2
00:00:04,000 --> 00:00:06,000
{\\an8}It cost 3 million euros.
It opened in 2019.
"""

VTT_DE = """WEBVTT - Brücke

STYLE
::cue { color: yellow }

NOTE translated by hand, 12 cues

00:01.000 --> 00:03.500 align:start
<v Anna>Die Brücke ist 5 km lang.</v>

intro
00:00:04.000 --> 00:00:06.000
Sie kostete 4 Millionen&nbsp;Euro.
Eröffnet wurde sie 2019.
"""


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return str(path)


def test_a_srt_cue_is_a_block_keyed_by_its_timing(tmp_path):
    doc = load_document(write(tmp_path / "film.en.srt", SRT_EN))
    assert doc.locale == "en"
    assert [b.key for b in doc.blocks] == ["00:00:01.000 --> 00:00:03.500", "00:00:04.000 --> 00:00:06.000"]
    assert [" ".join(b.text.split()) for b in doc.blocks] == [
        "The bridge is 5 km long.", "It cost 3 million euros. It opened in 2019."]
    for block in doc.blocks:  # offsets point into the file: the text is the file's, markup blanked
        raw = doc.text[block.start:block.end]
        assert len(block.text) == len(raw)
        assert all(c == r or c == " " for c, r in zip(block.text, raw))


def test_a_vtt_file_skips_its_header_notes_and_styles_and_decodes_references(tmp_path):
    doc = load_document(write(tmp_path / "de" / "film.vtt", VTT_DE))
    assert doc.locale == "de"
    assert [b.key for b in doc.blocks] == ["00:00:01.000 --> 00:00:03.500", "00:00:04.000 --> 00:00:06.000"]
    assert [" ".join(b.text.split()) for b in doc.blocks] == [
        "Die Brücke ist 5 km lang.", "Sie kostete 4 Millionen Euro. Eröffnet wurde sie 2019."]
    assert "Millionen\u00a0     Euro" in doc.blocks[1].text  # &nbsp; decoded where it stands


def test_a_vtt_header_may_name_the_language(tmp_path):
    doc = load_document(write(tmp_path / "film.vtt", "WEBVTT\nLanguage: ja\n\n00:01.000 --> 00:02.000\n5キロ\n"))
    assert doc.locale == "ja"


def test_not_a_webvtt_file_is_a_one_line_error(tmp_path):
    with pytest.raises(InputError, match="not a WebVTT file"):
        load_document(write(tmp_path / "film.de.vtt", "00:01.000 --> 00:02.000\nHallo\n"))


def test_windows_line_ends(tmp_path):
    doc = load_document(write(tmp_path / "film.de.srt", SRT_EN.replace("\n", "\r\n")))
    assert [b.key for b in doc.blocks][1] == "00:00:04.000 --> 00:00:06.000"
    assert "\r" not in doc.blocks[0].text


def test_cue_by_cue_a_changed_figure_is_found_where_it_stands(tmp_path, capsys):
    en = write(tmp_path / "film.en.srt", SRT_EN)
    de = write(tmp_path / "film.de.vtt", VTT_DE)
    code = main(["check", en, de, "--source", "en", "--format", "json", "--no-history"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [(f["rule"], f["locations"][0]["line"]) for f in data["findings"] if f["rule"].startswith("QTY")] == \
        [("QTY001", 13)]


def test_re_timed_versions_are_aligned_like_prose(tmp_path, capsys):
    # the German cues were re-timed and the second one split in two: no timing is shared,
    # each line still pairs with the English shown at the same time
    de = ("1\n00:00:01,200 --> 00:00:03,300\nDie Brücke ist 5 km lang.\n\n"
          "2\n00:00:03,600 --> 00:00:05,000\nSie kostete 3 Millionen Euro.\n\n"
          "3\n00:00:05,000 --> 00:00:06,300\nEröffnet 2019.\n")
    en = write(tmp_path / "film.en.srt", SRT_EN)
    code = main(["check", en, write(tmp_path / "film.de.srt", de), "--source", "en", "--format", "json",
                 "--no-history", "--select", "QTY,DAT"])
    assert json.loads(capsys.readouterr().out)["findings"] == [] and code == 0
    # and a changed figure in a split cue is found against the English cue it belongs to
    main(["check", en, write(tmp_path / "film.de.srt", de.replace("2019", "2018")), "--source", "en",
          "--format", "json", "--no-history", "--select", "QTY,DAT"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["rule"], f["locations"][0]["line"], f["locations"][1]["line"]) for f in findings] == [("DAT001", 11, 8)]


timing = st.tuples(st.integers(0, 5), st.integers(0, 59), st.integers(0, 59), st.integers(0, 999))
line = st.text(alphabet="abc XYZ 0123456789.,<>/i&;", min_size=1, max_size=30).filter(lambda s: s.strip())


@settings(max_examples=40, deadline=None)
@given(cues=st.lists(st.tuples(timing, st.lists(line, min_size=1, max_size=3)), min_size=1, max_size=5),
       vtt=st.booleans())
def test_every_cue_with_text_is_one_block_whose_digits_are_the_cues(tmp_path_factory, cues, vtt):
    parts = ["WEBVTT\n"] if vtt else []
    for number, ((h, m, s, ms), lines) in enumerate(cues, 1):
        stamp = f"{h:02d}:{m:02d}:{s:02d}{'.' if vtt else ','}{ms:03d}"
        parts.append(("" if vtt else f"{number}\n") + f"{stamp} --> {stamp}\n" + "\n".join(lines) + "\n")
    text = "\n".join(parts)
    path = tmp_path_factory.mktemp("cues") / ("film.de." + ("vtt" if vtt else "srt"))
    doc = load_document(write(path, text))
    assert len(doc.blocks) <= len(cues)
    for block in doc.blocks:
        assert len(block.text) == block.end - block.start
        raw = doc.text[block.start:block.end]
        assert [c for c in block.text if c.isdigit()] == [c for c in raw if c.isdigit()] or "<" in raw or "&" in raw
