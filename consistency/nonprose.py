"""What is never prose: the one list of text that states no claim, whatever the language.

Two readers use it, each blanking matches with spaces so that every offset stays valid:

- the **loaders** (:mod:`consistency.documents.masking`): :data:`NON_PROSE` (URLs, e-mail
  addresses, template and printf placeholders) in every format; catalogues (PO) add
  :data:`CATALOGUE_PLACEHOLDERS` (strftime, Ruby ``%{name}``, ``%%``) and, in entries flagged
  ``qt-format``, :data:`QT_PLACEHOLDER`;
- the **figure extractor** (:mod:`consistency.extract.figures`), which also reads text that no
  loader prepared (``extract_claims``): :data:`FIGURE_NOISE_BY_CHAR` (URLs, addresses, code
  spans, placeholders, printf), each family tried only where its trigger character occurs, and
  :data:`FIGURE_NOISE_DIGITS` (IP addresses, version strings, phone numbers, clock times, scores).

Placeholders compared across versions (PLH001) are another matter: their syntaxes are data,
``consistency/locale/data/placeholders.toml``.
"""

from __future__ import annotations

import re

import regex

__all__ = [
    "CATALOGUE_PLACEHOLDERS",
    "FIGURE_NOISE_BY_CHAR",
    "FIGURE_NOISE_DIGITS",
    "NON_PROSE",
    "NON_PROSE_NEEDS",
    "QT_PLACEHOLDER",
    "URL_TRAILER",
]

# --------------------------------------------------------------------------- for the loaders

_URL = r"(?:(?:https?|ftp)://|www\.)[!#-;=?-~]+"
_EMAIL = r"(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
_PLACEHOLDER = (
    r"\{\{.*?\}\}"  # {{host}}, {{[a|address]}}, {{< shortcode >}}
    r"|\{%.*?%\}"  # {% template tag %}
    r"|\$\{[^{}\n]*\}"  # ${name}
    r"|\{[A-Za-z_][\w.:-]*\}|\{[0-9]+\}"  # {name}, {0}
    r"|\{[#.][A-Za-z][^{}\n]*\}"  # {#anchor .class}
    r"|(?<![A-Za-z0-9_%])%(?:[0-9]+\$|\([^)\s]{1,40}\))?[-+#0]*[0-9]*(?:\.[0-9]+)?"
    r"(?:hh|h|ll|l|L|q|j|z|t)?[sdifuxXoeEgGcr@](?![A-Za-z0-9_])"  # %d, %5.2f, %(n)s, %1$s, %ld; %1$sと
)
#: What is never prose, whatever the file format.
NON_PROSE = re.compile(f"{_URL}|{_EMAIL}|{_PLACEHOLDER}")
#: What every match of :data:`NON_PROSE` holds one of (a URL's scheme or www., an e-mail's @, a
#: placeholder's brace or percent sign): a passage without any (most paragraphs) is not searched
NON_PROSE_NEEDS = ("://", "www.", "@", "{", "%")

URL_TRAILER = ".,;:!?)]}'\"*_"

#: Placeholders that :data:`NON_PROSE` leaves:
#: strftime directives (``%H``, ``%-d``, ``%Ey``), Ruby ``%{name}``, Apple ``%#@name@`` and the
#: second ``%`` of a literal ``%%``.  A directive right after a digit is not
#: one (``50%off``, ``100%ige``), but one after a letter is (``%Hh%M``).
CATALOGUE_PLACEHOLDERS = re.compile(
    r"%\{[^{}\n]*\}"
    r"|%#@[A-Za-z_][\w]{0,40}@"  # Apple's .stringsdict variables: %#@files@
    r"|(?<![0-9%])%[-_0^#]?[EO]?[aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYzZ]"
    r"|(?<=%)%"
)
#: Qt and KDE ``%1`` placeholders, blanked only in entries flagged as such
#: (Turkish writes percentages as ``%50``).
QT_PLACEHOLDER = re.compile(r"%L?[1-9][0-9]?(?![0-9])")


# --------------------------------------------------------------------------- for the figure extractor

# Never prose: each match is blanked out (same length) before numbers are read.
# Split by the character each family needs, so that most paragraphs run only
# the digit patterns (a single alternation with an e-mail branch tried at
# every word start cost a third of extraction time).
FIGURE_NOISE_BY_CHAR = (
    ("://", regex.compile(r"(?:https?|ftp)://[^\s<>\"'`]+")),
    ("www.", regex.compile(r"www\.[^\s<>\"'`]+")),
    ("@", regex.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)+")),
    ("`", regex.compile(r"`[^`\n]*`")),
    ("{", regex.compile(
        r"\{\{[^{}\n]*\}\}"                          # {{placeholder}}
        r"|\$?\{[A-Za-z_][\w.]*(?:[:!][^{}\n]*)?\}"     # {name}, ${name}, {n:>3}
        r"|\{\d+\}"                                  # {0}
    )),
    ("%", regex.compile(
        r"%(?:\d+\$)?(?:\([^)\s]+\))?[-+#0]*\d*(?:\.\d+)?[sdifgeuxXc](?![A-Za-z])"  # printf (%1$sと), not "100%ige"
    )),
)
# Every branch starts at a digit, a "v", a "+" or a "(": the lookahead says so first, which lets the
# engine reject every other position at once (a search over the news sentences that hold a digit took
# 15x as long without it).
FIGURE_NOISE_DIGITS = regex.compile(
    r"""(?=[\dvV+(])(?:
      (?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d.])  # IPv4
    | \b[vV]?(?!\d{1,3}(?:\.\d{3})+(?![.\d]))\d+\.\d+\.\d+(?:[.-]\w+)*  # versions 1.2.3, not 1.000.000
    | \b[vV]\d+(?:\.\d+)+\b                   # v1.2
    | (?<![\w+])\+\d{1,3}[ \-.]?\(?\d{1,4}\)?(?:[ \-.]\d{2,4}){2,}  # +49 30 1234 5678
    | (?<![\w])\(\d{3}\)[ ]?\d{3}-\d{4}       # (555) 123-4567
    | (?<![\w-])\d{2,5}-\d{3,4}-\d{4}(?![\w-]) # 03-1234-5678, 555-123-4567
    | (?<![\d.,]|\d[ \u00a0])0\d{2,4}(?:[ \u00a0/-]\d{2,8}){1,3}(?![\d]|[.,]\d) # 0800 555 111, not 1 000 000; a comma after it ends it
    | (?<![\d.,])\d{2,8}(?:[ \u00a0]\d{2,8}){0,2}[ \u00a0]0\d{3,4}(?![\d]|[.,]\d) # 111 555 0800 as right-to-left text shows it
    | (?<![\d.,]|\d\W)0\d{2,}(?!\d|\W\d) # 0100, 007: no quantity has a leading zero (not a group: 5⹁000)
    | (?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d:[0-5]\d(?![\d:]) # 10:30:15
    | (?<![\d:.,])\d{1,3}:\d{1,3}(?![\d:]) # scores, ratios and times: 38:17, 3:1, 10:30
    | (?<![\d.,])\d+(?:[-‐‑–]\d+){2,}(?![\d.,]) # records and scores: 13-21-3, 5-0-0
    )""",
    regex.VERBOSE,
)
