"""COV002 and the reading of passages a translation copies from the reference (consistency.match.passages).

A sentence a translation keeps in the reference's language is reported, and its figures are read
with the reference's number conventions: ``1,500`` in an English sentence of the German version is
fifteen hundred. Shared names, titles, code, quotations kept beside their translation, a passage
every translation keeps and a quotation in a third language are no copies.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.documents.text import parse_text
from consistency.engine.registry import load_rules
from consistency.match.analysis import analyse
from consistency.match.passages import sentence_spans, shared_passages, words_key
from consistency.model import Document

RULES = {r.id: r for r in load_rules()}

# our own article, long enough that each version's vocabulary says which language it writes
EN = [
    "The harbour authority approved a new container terminal on Tuesday.",
    "The terminal will cost 420 million euros and open in the spring of 2027.",
    "It is expected to handle twice as many ships as the old quay, the authority said.",
    "Local fishermen fear that the dredging will drive the fish from the bay.",
    "The mayor promised that the town would pay for a study of the water before any work starts.",
    "Construction companies from three countries have already shown an interest in the project.",
    "The plant next to the terminal will employ 1,500 people when it is finished.",
    "A railway line of 12 kilometres will link the quay with the motorway.",
    "Critics say the money would be better spent on the hospital and the schools of the region.",
    "The authority will publish the tender in the official journal next month.",
]
DE = [
    "Die Hafenbehörde hat am Dienstag ein neues Containerterminal genehmigt.",
    "Das Terminal wird 420 Millionen Euro kosten und im Frühjahr 2027 eröffnet.",
    "Es soll doppelt so viele Schiffe abfertigen wie der alte Kai, teilte die Behörde mit.",
    "Die örtlichen Fischer befürchten, dass die Ausbaggerung die Fische aus der Bucht vertreibt.",
    "Der Bürgermeister versprach, dass die Stadt vor Beginn der Arbeiten eine Studie des Wassers bezahlt.",
    "Baufirmen aus drei Ländern haben bereits Interesse an dem Projekt gezeigt.",
    "Das Werk neben dem Terminal wird nach der Fertigstellung 1.500 Menschen beschäftigen.",
    "Eine 12 Kilometer lange Bahnlinie wird den Kai mit der Autobahn verbinden.",
    "Kritiker sagen, das Geld wäre im Krankenhaus und in den Schulen der Region besser angelegt.",
    "Die Behörde wird die Ausschreibung im nächsten Monat im Amtsblatt veröffentlichen.",
]
FR = [
    "L'autorité portuaire a approuvé mardi un nouveau terminal à conteneurs.",
    "Le terminal coûtera 420 millions d'euros et ouvrira au printemps 2027.",
    "Il devrait accueillir deux fois plus de navires que l'ancien quai, a indiqué l'autorité.",
    "Les pêcheurs locaux craignent que le dragage ne chasse les poissons de la baie.",
    "Le maire a promis que la ville paierait une étude de l'eau avant le début des travaux.",
    "Des entreprises de construction de trois pays se sont déjà montrées intéressées par le projet.",
    "L'usine voisine du terminal emploiera 1 500 personnes une fois achevée.",
    "Une ligne ferroviaire de 12 kilomètres reliera le quai à l'autoroute.",
    "Les critiques estiment que l'argent serait mieux dépensé pour l'hôpital et les écoles de la région.",
    "L'autorité publiera l'appel d'offres au journal officiel le mois prochain.",
]


def bundle(**versions: list[str]):
    docs = []
    for loc, paragraphs in versions.items():
        text = "\n\n".join(paragraphs) + "\n"
        docs.append(Document(path=f"article.{loc}.txt", locale=loc, text=text, blocks=tuple(parse_text(text))))
    return analyse("article", docs)


def findings(an, *ids: str) -> list:
    return [f for rid in ids for f in RULES[rid].load_check()(an, RULES[rid])]


def with_sentence(paragraphs: list[str], i: int, sentence: str) -> list[str]:
    return paragraphs[:i] + [sentence] + paragraphs[i + 1:]


def test_a_translation_without_copies_has_no_finding():
    assert findings(bundle(en=EN, de=DE, fr=FR), "COV002") == []


def test_a_paragraph_left_in_english_is_reported_with_both_sides():
    an = bundle(en=EN, de=with_sentence(DE, 3, EN[3]), fr=FR)
    [f] = findings(an, "COV002")
    assert f.rule == "COV002" and f.level == "warning"
    deviant, reference = f.locations
    assert (deviant.locale, deviant.role, deviant.text) == ("de", "deviant", EN[3])
    assert (reference.locale, reference.role, reference.text) == ("en", "reference", EN[3])
    assert f.message == f"de keeps en text untranslated: {EN[3][:57].rstrip()}…"


def test_the_figures_of_an_english_sentence_are_read_the_english_way():
    """Read with German conventions, 1,500 would be one and a half: a QTY001 on the wrong count."""
    an = bundle(en=EN, de=with_sentence(DE, 6, EN[6]))
    assert [f.rule for f in findings(an, "QTY001", "QTY002", "COV002")] == ["COV002"]
    assert [float(c.low) for c in an.claims[1][6] if c.low is not None] == [1500]


def test_an_english_sentence_inside_a_german_paragraph_is_read_the_english_way():
    mixed = DE[6] + " " + EN[7]  # the translator kept the next sentence in English
    an = bundle(en=EN[:6] + [EN[6] + " " + EN[7]], de=DE[:6] + [mixed])
    [f] = findings(an, "COV002")
    assert f.locations[0].text == EN[7]
    values = sorted(float(c.low) for c in an.claims[1][6] if c.low is not None)
    assert values == [12, 1500]  # 1.500 the German way, 12 kilometres in the English sentence


def test_a_near_copy_with_a_word_changed_is_reported():
    near = EN[4].replace("promised", "promisd")
    an = bundle(en=EN, de=with_sentence(DE, 4, near), fr=FR)
    [f] = findings(an, "COV002")
    assert f.locations[0].text == near


def test_an_original_quotation_kept_beside_its_translation_is_not_reported():
    quoted = 'Der Bürgermeister sagte: "We will pay for the study before any work starts." Er versprach es.'
    en = with_sentence(EN, 4, 'The mayor said: "We will pay for the study before any work starts." He promised it.')
    assert findings(bundle(en=en, de=with_sentence(DE, 4, quoted)), "COV002") == []


def test_a_quotation_with_its_short_attribution_left_in_english_is_reported():
    said = '"We will pay for the study before any work starts," the mayor said.'
    an = bundle(en=with_sentence(EN, 4, said), de=with_sentence(DE, 4, said))
    [f] = findings(an, "COV002")
    assert f.locations[0].text == "We will pay for the study before any work starts,"


def test_a_translated_sentence_around_a_kept_english_title_is_no_near_copy():
    en = with_sentence(EN, 9, 'Anna Berg, a researcher at the Harbour Research Institute, is the author of '
                              '"The Quiet Harbour: Ten Years of Tides and Trade on the North Sea Coast."')
    de = with_sentence(DE, 9, "Anna Berg, eine Forscherin am Harbour Research Institute, ist die Autorin von "
                              "„The Quiet Harbour: Ten Years of Tides and Trade on the North Sea Coast.“")
    assert findings(bundle(en=en, de=de), "COV002") == []


def test_names_titles_and_code_are_no_copies():
    for shared in ("Harbour Authority Container Terminal Project Board", "systemctl reload-or-try-restart nginx",
                   "AAC Audio @ 128kbit, h264 Video @ CRF 23:"):
        an = bundle(en=with_sentence(EN, 0, shared), de=with_sentence(DE, 0, shared))
        assert findings(an, "COV002") == [], shared


def test_a_quotation_in_a_third_language_that_both_keep_is_not_reported():
    motto = "Il faut bien le faire."
    an = bundle(en=with_sentence(EN, 8, motto), de=with_sentence(DE, 8, motto))
    assert findings(an, "COV002") == []


def test_a_german_sentence_the_english_reference_quotes_is_read_the_german_way():
    """The reference holds a sentence in the translation's language (the English article quotes a
    German statement as it was said): both versions read it with German conventions, and nobody
    is reported, since the German version writes its own language."""
    statement = "Wir haben 1.500 neue Stellen geschaffen, sagte der Bürgermeister."
    an = bundle(en=with_sentence(EN, 8, statement), de=with_sentence(DE, 8, statement))
    [shared] = an.shared
    assert shared.language == "version"
    assert [float(c.low) for c in an.claims[0][8] if c.low is not None] == [1500]  # not 1.5 the English way
    assert findings(an, "COV002", "QTY001", "QTY002") == []


def test_a_sentence_every_translation_keeps_is_not_reported():
    an = bundle(en=EN, de=with_sentence(DE, 5, EN[5]), fr=with_sentence(FR, 5, EN[5]))
    assert findings(an, "COV002") == []


def test_a_sentence_one_of_two_translations_keeps_is_reported():
    an = bundle(en=EN, de=with_sentence(DE, 5, EN[5]), fr=FR)
    assert [f.locations[0].locale for f in findings(an, "COV002")] == ["de"]


def test_a_regional_variant_of_the_reference_language_copies_nothing():
    an = bundle(en=EN, **{"en-GB": [p.replace("harbour", "harbor") for p in EN]})
    assert an.shared == [] and findings(an, "COV002") == []


def test_the_declared_source_is_the_reference():
    docs = [Document(path=f"a.{loc}.txt", locale=loc, text=t, blocks=tuple(parse_text(t)))
            for loc, t in (("de", "\n\n".join(with_sentence(DE, 2, EN[2])) + "\n"),
                           ("en", "\n\n".join(EN) + "\n"))]
    an = analyse("a", docs, source="en")
    [f] = findings(an, "COV002")
    assert f.locations[0].locale == "de"


def test_min_words_raises_the_threshold():
    from dataclasses import replace

    rule = replace(RULES["COV002"], options={"min_words": 30})
    an = bundle(en=EN, de=with_sentence(DE, 3, EN[3]))
    assert list(rule.load_check()(an, rule)) == []


# --- laws ----------------------------------------------------------------------------------------

_PROSE = st.lists(st.sampled_from(EN + DE + FR), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(_PROSE)
def test_a_version_compared_with_itself_in_its_own_language_copies_nothing(paragraphs):
    an = bundle(en=paragraphs, **{"en-US": paragraphs})
    assert an.shared == []


@settings(max_examples=60, deadline=None)
@given(st.integers(0, len(EN) - 1))
def test_any_english_paragraph_kept_in_the_german_version_is_reported(i):
    an = bundle(en=EN, de=with_sentence(DE, i, EN[i]), fr=FR)
    found = findings(an, "COV002")
    assert [(f.locations[0].locale, f.locations[0].text) for f in found] == [("de", EN[i])]


def test_the_sentence_patterns_white_space_is_the_regex_modules_on_every_code_point():
    import re

    import regex

    from consistency.match.passages import _SPACE

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert re.findall(f"[{_SPACE}]", every) == regex.findall(r"\s", every)


_SENTENCE_ALPHABET = st.one_of(st.characters(), st.sampled_from(list(' .!?…。！？\n"“”„«»「」『』\u3000\u2028\x1c\x1f') + ["a", "B"]))


@given(st.text(_SENTENCE_ALPHABET, max_size=80))
def test_sentences_are_those_the_regex_module_finds(text):
    """The sentence pattern runs in the standard library (twice as fast); its sentences are those of
    the same pattern in the regex module."""
    import regex

    from consistency.match import passages

    before = regex.compile(r"""[^\n"“”„‟«»‹›「」『』]+?(?:[.!?…。！？]+(?=\s|$)|(?=[\n"“”„‟«»‹›「」『』])|$)""")
    assert [m.span() for m in passages._SENTENCE.finditer(text)] == [m.span() for m in before.finditer(text)]


@given(st.text(st.one_of(st.characters(), st.sampled_from(list("aZ09 ²٣\u0301é"))), max_size=60))
def test_the_words_with_a_letter_are_those_a_letter_search_finds(text):
    """An ASCII word is asked whether it is all digits instead of searched for a letter: the same words."""
    import regex

    from consistency.match import passages

    letter = regex.compile(r"\p{L}")
    assert passages._words(text) == [w for w in passages._WORD.findall(text.casefold()) if letter.search(w)]


@given(st.text(max_size=200))
def test_sentences_are_spans_of_the_text_without_surrounding_spaces(text):
    spans = sentence_spans(text)
    assert all(0 <= s < e <= len(text) and not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)
    assert all(e1 <= s2 for (_s1, e1), (s2, _e2) in zip(spans, spans[1:]))
    words_key(text)  # never raises
    shared_passages([Document("a", "en", text, ()), Document("b", "de", text, ())], reference=0)
