"""Jinja as mkdocs-macros runs it: French messages for undefined names, and the text Jinja need not read set aside."""

from __future__ import annotations

import re

from jinja2 import StrictUndefined
from jinja2.ext import Extension


class FrenchUndefined(StrictUndefined):
    """Strict undefined whose message tells the author, in French, which name is wrong."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:  # type: ignore[override]
        name = self._undefined_name
        return f"la variable ou macro « {name} » n'existe pas (faute de frappe dans une macro {{{{ … }}}} ?)"


def on_pre_page_macros(env) -> None:
    """The Jinja environment exists only now: make undefined names fail in French. Then spare Jinja what it need not
    read (see PlainText); a page whose only macros are LITERAL_MACROS with literal arguments (most pages) is complete
    once they are expanded, and skips Jinja altogether."""
    env.env.undefined = FrenchUndefined
    env.env.optimized = False  # each page is compiled once: constant folding costs more than it saves
    if PlainText.identifier not in env.env.extensions:
        env.env.add_extension(PlainText)
    extension = env.env.extensions[PlainText.identifier]
    extension.aside.clear()
    if env.page.meta.get("render_macros") is False:  # the author's choice: the page is left as written
        return
    env.markdown = extension.preprocess(env.markdown, None)
    starts = (env.env.variable_start_string, env.env.block_start_string, env.env.comment_start_string)
    title = env.page.title if isinstance(env.page.title, str) else ""  # mkdocs-macros renders it too
    if not any(start in text for text in (env.markdown, title) for start in starts):
        env.markdown = extension.restore(env.markdown)
        env.page.meta["render_macros"] = False  # mkdocs-macros' own switch: nothing is left for Jinja to do


def on_post_page_macros(env) -> None:
    """Put back the text that Jinja did not need to read (see PlainText), in the page and in its title."""
    extension = env.env.extensions[PlainText.identifier]
    env.markdown = extension.restore(env.markdown)
    title = env.page.title
    if isinstance(title, str) and PlainText.MARK in title:  # assigned only if needed: MkDocs keeps any title set here
        env.page.title = extension.restore(title)


#: Macros whose result depends only on their literal arguments and on the current page: links, and the header of a
#: sequence (computed from its front matter).
LITERAL_MACROS = frozenset({"outil", "sequence", "terme", "cite", "lien", "entete_sequence"})


class PlainText(Extension):
    """Hand Jinja only the parts of a page that need it.

    Most of a page is plain text and calls such as ``{{ outil("world-cafe") }}``, whose result depends only on their
    literal arguments and on the current page (mkdocs-macros compiles each page right before rendering it). Jinja reads
    long plain text slowly and generates code for each call. So, before Jinja reads a page (``preprocess``), these
    calls are expanded, and each long run of plain text and expanded calls is set aside and replaced by a short marker;
    ``on_post_page_macros`` puts the text back after rendering. ``on_pre_page_macros`` does this before mkdocs-macros
    hands the page to Jinja, so that a page left with no Jinja syntax skips Jinja (``preprocess`` then leaves the
    marked page alone). The output is the same:

    - a marker keeps the line breaks of what it replaces, so error messages keep their line numbers, and the
      surrounding whitespace stays in Jinja's hands (``{%- -%}`` still trims it);
    - a marker inside a loop is put back as many times as the loop writes it;
    - ``{% raw %}`` blocks and comments are left alone, and so is any other call (a variable argument, a filter, a
      name that a ``{% for %}`` or ``{% set %}`` binds, a call that fails), which Jinja renders or reports as usual;
    - only pages are concerned, not the templates that Jinja loads and caches (``{% include %}``).
    """

    MARK = "\x1a"
    MIN_LENGTH = 40
    _TAG = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}"  # raw block
                      r"|\{\{(?:[^\"'}]|\"[^\"]*\"|'[^']*'|\}(?!\}))*\}\}"  # expression, strings may hold }}
                      r"|\{%(?:[^\"'%]|\"[^\"]*\"|'[^']*'|%(?!\}))*%\}"  # statement
                      r"|\{#.*?#\}", re.S)  # comment
    _BLOCK = re.compile(r"\{%(.*?)%\}", re.S)
    _NAME = re.compile(r"[A-Za-z_]\w*")
    _CALL = re.compile(r"\{\{\s*([A-Za-z_]\w*)\s*\(((?:[^()\"'\\]|\"[^\"\\]*\"|'[^'\\]*')*)\)\s*\}\}", re.S)
    _ARG = re.compile(r"\s*(?:([A-Za-z_]\w*)\s*=\s*)?(?:\"([^\"\\]*)\"|'([^'\\]*)')\s*(?:,|\Z)")
    _MARKER = re.compile(MARK + r"(\d+)\n*" + MARK)

    def __init__(self, environment) -> None:
        super().__init__(environment)
        self.aside: list[str] = []

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if name is not None or self.MARK in source:
            return source
        bound = {word for tag in self._BLOCK.findall(source) for word in self._NAME.findall(tag)}
        parts: list[str] = []
        pieces: list[str] = []  # text of the current run: plain text and expanded calls
        start = cursor = 0
        for tag in self._TAG.finditer(source):
            pieces.append(source[cursor:tag.start()])
            cursor = tag.end()
            text = self._expand(tag.group(), bound)
            if text is not None:
                pieces.append(text)
                continue
            parts += [self._set_aside(source[start:tag.start()], pieces), tag.group()]
            pieces, start = [], tag.end()
        pieces.append(source[cursor:])
        parts.append(self._set_aside(source[start:], pieces))
        return "".join(parts)

    def _expand(self, tag: str, bound: set[str]) -> str | None:
        """Text of one of the LITERAL_MACROS called with literal strings, e.g. « {{ terme("noyau", texte="noyaux") }} »,
        else None."""
        call = self._CALL.fullmatch(tag)
        if not call or call.group(1) not in LITERAL_MACROS or call.group(1) in bound:
            return None
        args, kwargs, text, position = [], {}, call.group(2), 0
        while text[position:].strip():
            arg = self._ARG.match(text, position)
            if not arg or (kwargs and not arg.group(1)):
                return None
            value = arg.group(2) if arg.group(2) is not None else arg.group(3)
            if arg.group(1):
                kwargs[arg.group(1)] = value
            else:
                args.append(value)
            position = arg.end()
        macro = self.environment.globals.get(call.group(1))
        try:
            result = macro(*args, **kwargs) if callable(macro) else None
        except Exception:  # wrong arguments: Jinja renders the call and reports the error with its line
            return None
        return result if isinstance(result, str) else None

    def _set_aside(self, source: str, pieces: list[str]) -> str:
        """Marker for a run of ``source`` whose text is ``pieces``; the run itself when it is short and plain."""
        text = "".join(pieces)
        if len(pieces) == 1 and len(text.strip()) < self.MIN_LENGTH:
            return source
        start, end = len(source) - len(source.lstrip()), len(source.rstrip())
        self.aside.append(text[start:len(text) - (len(source) - end)])
        lines = "\n" * source.count("\n", start, end)
        return f"{source[:start]}{self.MARK}{len(self.aside) - 1}{lines}{self.MARK}{source[end:]}"

    def restore(self, text: str) -> str:
        return self._MARKER.sub(lambda marker: self.aside[int(marker.group(1))], text) if self.MARK in text else text
