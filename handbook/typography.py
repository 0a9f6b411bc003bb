"""Text helpers shared by the content model, the pages and the exports: French typography (non-breaking spaces,
typographic apostrophe), accent folding, and inline Markdown reduced to the text a reader sees."""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})
_MARKS = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower-case text without diacritics (œ → oe), apostrophes as typed on a keyboard: « Coopération » →
    « cooperation », « L’atelier » → « l'atelier »."""
    return _MARKS.sub("", unicodedata.normalize("NFKD", text.translate(_LIGATURES))).lower().replace("\u2019", "'")


def plain_text(markdown: str) -> str:
    """Inline Markdown and macro calls as the text a reader sees: a term or a link keeps its text, emphasis, code
    ticks and quote marks go, white space is single."""
    text = re.sub(r'\{\{\s*terme\(\s*"[^"]*"\s*,\s*"([^"]*)"\s*\)\s*\}\}', r"\1", markdown)
    text = re.sub(r'\{\{\s*(?:outil|sequence|terme)\(\s*"([^"]*)"\s*\)\s*\}\}', r"\1", text)
    text = re.sub(r"\{\{.*?\}\}|<!--.*?-->", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\*\*(.+?)\*\*|__(.+?)__|\*(.+?)\*|(?<!\w)_(.+?)_(?!\w)",
                  lambda m: next(g for g in m.groups() if g is not None), text)
    text = re.sub(r"^\s*>\s?", "", text.replace("`", ""), flags=re.M)
    return re.sub(r"\s+", " ", text).strip()

_BEFORE = re.compile(r"(?<=\S) ([:;!?»])")


def french_spaces(text: str) -> str:
    """Non-breaking spaces before : ; ! ? » and after « (generated text and tables of contents lose them)."""
    return _BEFORE.sub("\u00a0\\1", text).replace("« ", "«\u00a0")


_MD_BEFORE = re.compile(r"(?<=[^\s|]) ([:;!?](?=\s|$|[”\")*_])|»)")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def french_spaces_markdown(markdown: str) -> str:
    """Apply ``french_spaces`` to the prose of a Markdown text (code blocks and inline code left alone),
    so that authors may type ordinary spaces before : ; ! ? and inside « »."""
    if "`" not in markdown and "~~~" not in markdown:  # no code: the whole text at once
        return _MD_BEFORE.sub("\u00a0\\1", markdown).replace("« ", "«\u00a0")
    out, fence = [], None
    for line in markdown.split("\n"):
        match = _FENCE.match(line)
        if match:
            fence = None if fence and line.strip().startswith(fence) else (fence or match.group(1))
            out.append(line)
            continue
        if fence:
            out.append(line)
            continue
        parts = re.split(r"(`[^`]*`)", line)
        parts = [p if p.startswith("`") else _MD_BEFORE.sub("\u00a0\\1", p).replace("« ", "«\u00a0")
                 for p in parts]
        out.append("".join(parts))
    return "\n".join(out)


#: A straight apostrophe between two letters (« l'atelier », « aujourd'hui »), also as HTML escapes it.
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])(?:'|&#39;|&#x27;)(?=[^\W_])")
#: In an HTML text, one pass: an element whose text is code (kept whole), another tag, or an apostrophe to typeset.
#: (The leading look-ahead lets the engine skip every other character at once: a third faster on a page.)
_HTML_TOKEN = re.compile(r"(?=[<'&])(?:<(code|pre|kbd|samp|script|style|textarea)\b[^>]*>.*?</\1\s*>|<[^>]*>"
                         r"|(?<=[^\W\d_])(?:'|&#39;|&#x27;)(?=[^\W_]))", re.S | re.I)
#: Attributes a reader sees or hears (tooltips, text alternatives, labels): typeset like the text.
_SHOWN_ATTRIBUTE = re.compile(r'(\s(?:title|alt|aria-label|placeholder)=")([^"]*)(")')


def apostrophes(text: str) -> str:
    """« l'atelier » → « l’atelier » in plain text (authors type the straight apostrophe of their keyboard)."""
    return _APOSTROPHE.sub("\u2019", text)


def typeset(text: str) -> str:
    """French typography of a plain text (a title): non-breaking spaces and typographic apostrophes."""
    return apostrophes(french_spaces(text))


def _typeset_token(match: re.Match) -> str:
    token = match.group(0)
    if token[0] != "<":
        return "\u2019"
    if match.group(1) is None and "=\"" in token:  # a tag: only the attributes a reader perceives
        return _SHOWN_ATTRIBUTE.sub(lambda m: m.group(1) + apostrophes(m.group(2)) + m.group(3), token)
    return token


def html_apostrophes(html: str) -> str:
    """``apostrophes`` on the text of an HTML fragment and on the attributes a reader sees (title, alt, aria-label,
    placeholder); never in addresses, other attributes or code."""
    return _HTML_TOKEN.sub(_typeset_token, html)
