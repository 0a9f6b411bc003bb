"""Variables and macros for mkdocs-macros (declared in mkdocs.yml under ``modules``).

Authors use them in Markdown:

- ``{{ formation.titre }}`` and the other fields of data/formation.yml;
- ``{{ outil("world-cafe") }}``: link to a tool sheet;
- ``{{ sequence("j1-ouverture") }}``: link to a training sequence;
- ``{{ terme("communaute-de-pratique") }}``: glossary term with its definition in a tooltip;
- ``{{ cite("wenger-1998") }}``: citation linked to the bibliography.

An unknown identifier is a content error: the build fails with a French message.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from datetime import date

from jinja2 import StrictUndefined
from jinja2.ext import Extension

from . import schema
from .content import get_site, line_of, relative_link
from .schema import timed_steps
from .search import fold

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]


class FrenchUndefined(StrictUndefined):
    """Strict undefined whose message tells the author, in French, which name is wrong."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:  # type: ignore[override]
        name = self._undefined_name
        return f"la variable ou macro « {name} » n'existe pas (faute de frappe dans une macro {{{{ … }}}} ?)"


def date_fr(iso: str) -> str:
    """« 2026-01-14 » → « 14 janvier 2026 »."""
    value = date.fromisoformat(iso)
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def clock_fr(clock: str) -> str:
    """« 09:45 » → « 9 h 45 », « 10:00 » → « 10 h »."""
    hours, mins = clock.split(":")
    return f"{int(hours)}\u00a0h" + (f"\u00a0{mins}" if mins != "00" else "")


def duration_fr(total: int) -> str:
    """90 → « 1 h 30 », 45 → « 45 min », 60 → « 1 h »."""
    hours, mins = divmod(total, 60)
    if not hours:
        return f"{mins}\u00a0min"
    return f"{hours}\u00a0h" + (f"\u00a0{mins:02d}" if mins else "")


def mid_sentence(term: str) -> str:
    """« Communauté de pratique » → « communauté de pratique »; « World Café » and « CoP » stay as they are."""
    words = term.split()
    first = words[0]
    if first[:1].isupper() and first[1:] == first[1:].lower() and all(w == w.lower() for w in words[1:]):
        return first[0].lower() + term[1:]
    return term


def define_env(env) -> None:
    site = get_site(env.conf)

    def current() -> str:
        return env.page.file.src_uri

    def link_to(target: str) -> str:
        return relative_link(current(), target)

    def report(kind: str, ident: str, known: list[str]) -> str:
        src = current()
        line = line_of(site.docs_dir / src, r"[\"']" + re.escape(ident) + r"[\"']")
        choices = ", ".join(sorted(known)[:60]) + (" …" if len(known) > 60 else "")
        site.errors.add(site.doc_path(src), f"{kind} « {ident} »", line=line,
                        fix=f"identifiants possibles : {choices or 'aucun pour l’instant'}")
        return f"**[{kind} : {ident}]**"

    env.variables["formation"] = site.training
    env.variables["bibliographie"] = site.references
    env.variables["glossaire"] = dict(sorted(site.glossary.items(), key=lambda item: fold(item[1].terme)))
    env.filter(date_fr)

    def page_link(unknown: str, registry: dict, ident: str, texte: str | None) -> str:
        if ident not in registry:
            return report(unknown, ident, list(registry))
        return f"[{texte or registry[ident].title}]({link_to(registry[ident].src_uri)})"

    @env.macro
    def outil(slug: str, texte: str | None = None) -> str:
        """Link to a tool sheet."""
        return page_link("outil inconnu", site.tools, slug, texte)

    @env.macro
    def sequence(ident: str, texte: str | None = None) -> str:
        """Link to a training sequence."""
        return page_link("séquence inconnue", site.sequences, ident, texte)

    @env.macro
    def terme(ident: str, texte: str | None = None) -> str:
        """A glossary term linked to the glossary (the hook adds its definition as a tooltip, see
        ``term_tooltips``)."""
        if ident not in site.glossary:
            return report("terme du glossaire inconnu", ident, list(site.glossary))
        entry = site.glossary[ident]
        if texte is None:
            texte = mid_sentence(entry.terme)
        return f'[{texte or entry.terme}]({link_to("glossaire.md")}#{entry.id}){{ .terme }}'

    @env.macro
    def cite(key: str, page: str | None = None) -> str:
        """Author-year citation linked to the bibliography entry."""
        if key not in site.references:
            return report("référence bibliographique inconnue", key, list(site.references))
        ref = site.references[key]
        label = f"{ref.court}, {ref.annee}"
        if page:
            label += f", {page}"
        return f"([{label}]({link_to('bibliographie.md')}#{ref.cle}))"

    @env.macro
    def pages_du_type(key: str) -> list[dict]:
        """Pages of one type (sequence, outil, chapitre, cas, modele), sorted for listing."""
        kinds = {kind.KEY: kind for kind in schema.PAGE_TYPES}
        if key not in kinds:
            report("type de page inconnu", key, list(kinds))
            return []
        records = [r for r in site.of_kind(kinds[key]) if r.meta is not None]  # invalid ones are reported
        records.sort(key=lambda r: (r.raw.get("ordre", 0), str(r.raw.get("id", "")), fold(r.title)))
        return [
            {"titre": r.title, "description": r.raw.get("description", ""), "lien": link_to(r.src_uri),
             "meta": r.meta}
            for r in records
        ]

    @env.macro
    def lien(page: str) -> str:
        """Relative link from the current page to a page given relative to docs/."""
        return link_to(page)

    def objective_labels() -> dict[str, str]:
        return {o.id: o.libelle for o in site.training.objectifs} if site.training else {}

    def line_labels() -> dict[str, str]:
        return {line.id: line.libelle for line in site.training.lines()} if site.training else {}

    @env.macro
    def entete_sequence() -> str:
        """Schedule, duration, training objectives and programme lines of the current sequence."""
        ident = str(env.page.meta.get("id", ""))
        record = site.sequences.get(ident)
        placed = site.slot_of(ident)
        if record is None or record.meta is None or placed is None:
            return report("séquence sans créneau dans le déroulé", ident or current(), list(site.sequences))
        day, slot = placed
        objectives = objective_labels()
        lines = line_labels()
        parts = [
            '<div class="manuel-repere" markdown>',
            f"**Jour {day}** · {clock_fr(slot.debut)} – {clock_fr(slot.fin)} · "
            f"durée\u00a0: {duration_fr(slot.duration)} · [déroulé de la journée]({link_to(f'jour-{day}/index.md')})",
            "",
            "**Objectifs de la formation visés**",
            "",
        ]
        parts += [f"- {o} · {objectives.get(o, o)}" for o in record.meta.objectifs]
        if record.meta.lignes:
            parts += ["", "**Lignes du programme traitées**", ""]
            parts += [f"- {lines.get(line, line)} <span class=\"manuel-id\">{line}</span>" for line in record.meta.lignes]
        parts += ["", "</div>"]
        return "\n".join(parts)

    @env.macro
    def deroule(day_number: int) -> str:
        """The run-sheet of one day as a table: time, sequence, objectives, methods, tools, duration."""
        if site.run_sheet is None:
            return ""
        day = next((d for d in site.run_sheet.jours if d.numero == day_number), None)
        if day is None:
            return report("jour inconnu dans le déroulé", str(day_number), ["1", "2"])
        objectives = objective_labels()
        rows = ["| Horaire | Séquence | Objectifs | Modalités | Outils | Durée |",
                "|---|---|---|---|---|---|"]
        sequences = site.sequences
        for slot in day.creneaux:
            hours = f"{clock_fr(slot.debut)} – {clock_fr(slot.fin)}"
            if slot.pause:
                rows.append(f"| {hours} | *{slot.pause}* | | | | {duration_fr(slot.duration)} |")
                continue
            record = sequences.get(slot.sequence)
            if record is None or record.meta is None:
                continue  # reported by the run-sheet check
            methods = []
            for step in timed_steps(record.body):
                if step["method"] and step["method"] not in methods:
                    methods.append(step["method"])
            goals = ", ".join(f'[{o}]({link_to("formation.md")}#objectifs "{objectives.get(o, o)}")'
                              for o in record.meta.objectifs)
            tools = ", ".join(outil(t) for t in record.meta.outils) or "·"
            rows.append(f"| {hours} | [{record.title}]({link_to(record.src_uri)}) | {goals} | "
                        f"{', '.join(methods)} | {tools} | {duration_fr(slot.duration)} |")
        training = sum(slot.duration for slot in day.creneaux if slot.sequence)
        rows.append(f"| | **Total de formation** | | | | **{duration_fr(training)}** |")
        live = [{"debut": slot.debut, "fin": slot.fin, "sequence": slot.sequence or "",
                 "titre": sequences[slot.sequence].title if slot.sequence in sequences else slot.pause}
                for slot in day.creneaux]
        return today_block(live) + "\n\n" + "\n".join(rows)

    @env.macro
    def couverture() -> str:
        """Which sequences serve each training objective and treat each programme line."""
        if site.training is None:
            return ""
        def links(records):
            return ", ".join(f"[{r.title}]({link_to(r.src_uri)}) (jour {r.meta.jour})" for r in records)
        rows = ["| Objectif | Séquences qui le servent |", "|---|---|"]
        for o in site.training.objectifs:
            rows.append(f"| **{o.id}**. {o.libelle} | {links(site.sequences_for('objectifs', o.id))} |")
        rows += ["", "| Ligne du programme | Séquences qui la traitent |", "|---|---|"]
        for line in site.training.lines():
            rows.append(f"| {line.libelle} <span class=\"manuel-id\">{line.id}</span> | "
                        f"{links(site.sequences_for('lignes', line.id))} |")
        return "\n".join(rows)

    @env.macro
    def catalogue() -> str:
        """The toolbox catalogue: filter form (shown by JavaScript) and one list item per tool sheet."""
        tools = sorted((r for r in site.tools.values() if r.meta is not None), key=lambda r: fold(r.title))
        return catalogue_markdown(tools, link_to)

    @env.macro
    def renvois_du_terme(ident: str) -> str:
        """Sources, pages that mark the term with {{ terme("…") }} and related terms of a glossary entry: HTML
        paragraphs, whose links are valid by construction (keys, pages and terms come from the checked content), so
        that the Markdown conversion has nothing to parse in them."""
        if ident not in site.glossary:
            return report("terme du glossaire inconnu", ident, list(site.glossary))
        term = site.glossary[ident]
        files = env.variables["files"]

        def url(target: str) -> str | None:
            file = files.get_file_from_path(target)
            return None if file is None or file.inclusion.is_excluded() else file.url_relative_to(env.page.file)

        bibliography = url("bibliographie.md")
        rows = [("Sources" if len(term.sources) > 1 else "Source",
                 [(f"{site.references[k].court}, {site.references[k].annee}", f"{bibliography}#{k}")
                  for k in term.sources]),
                ("Employé dans", [(r.title, href) for r in site.term_usage().get(ident, [])
                                  if (href := url(r.src_uri)) is not None]),
                ("Voir aussi", [(site.glossary[other].terme, f"#{other}") for other in term.lies])]
        return "\n".join(
            f"<p><strong>{label}</strong>\u00a0: " + ", ".join(
                f'<a href="{html.escape(href)}">{html.escape(text, quote=False)}</a>' for text, href in links) + "</p>"
            for label, links in rows if links)

    def day_sequences(day_number: int):
        day = next((d for d in site.run_sheet.jours if d.numero == day_number), None) if site.run_sheet else None
        for slot in day.creneaux if day else []:
            record = site.sequences.get(slot.sequence) if slot.sequence else None
            yield slot, record

    @env.macro
    def deroule_detaille(day_number: int) -> str:
        """Trainer's run-sheet: every step of every sequence with its clock time."""
        out = []
        for slot, record in day_sequences(day_number):
            if record is None or record.meta is None:
                if slot.pause:
                    out += [f"**{clock_fr(slot.debut)} – {clock_fr(slot.fin)} · {slot.pause}**", ""]
                continue
            out += [f"### {clock_fr(slot.debut)} – {clock_fr(slot.fin)} · {record.title}", "",
                    f"[Ouvrir la séquence]({link_to(record.src_uri)}) · {duration_fr(slot.duration)}", "",
                    "| Début | Durée | Modalité | Étape |", "|---|---|---|---|"]
            start = schema.minutes(slot.debut)
            for step in timed_steps(record.body):
                clock = f"{start // 60:02d}:{start % 60:02d}"
                text = step["text"].replace("|", "/")
                out.append(f"| {clock_fr(clock)} | {duration_fr(step['minutes'])} | {step['method'] or ''} | {text} |")
                start += step["minutes"]
            out.append("")
        return "\n".join(out)

    @env.macro
    def materiel_du_jour(day_number: int) -> str:
        """Material of the tools used by each sequence of a day (checklist)."""
        out = []
        for slot, record in day_sequences(day_number):
            if record is None or record.meta is None or not record.meta.outils:
                continue
            out += [f"**{clock_fr(slot.debut)} · {record.title}**", ""]
            for slug in record.meta.outils:
                tool = site.tools[slug]
                for item in tool.meta.materiel:
                    out.append(f"- ☐ {item.rstrip('.')} ({outil(slug)})")
            out.append("")
        return "\n".join(out)

    @env.macro
    def liste_impressions() -> str:
        """What to print: templates, then the tool sheets and cases used during the two days."""
        out = ["| Document | Pour | Quand |", "|---|---|---|"]
        for record in sorted(site.of_kind(schema.Template), key=lambda r: fold(r.title)):
            uses = site.linking_pages(record.src_uri, schema.Sequence)
            when = ", ".join(f"jour {u.meta.jour} · {u.title}" for u in uses if u.meta) or "après la formation"
            out.append(f"| Modèle · [{record.title}]({link_to(record.src_uri)}) | un exemplaire par personne | {when} |")
        for record in sorted(site.of_kind(schema.CaseStudy), key=lambda r: fold(r.title)):
            uses = site.linking_pages(record.src_uri, schema.Sequence)
            when = ", ".join(f"jour {u.meta.jour} · {u.title}" for u in uses if u.meta)
            out.append(f"| Étude de cas · [{record.title}]({link_to(record.src_uri)}) | un exemplaire par petit groupe | {when} |")
        for slug, record in sorted(site.tools.items(), key=lambda item: fold(item[1].title)):
            uses = site.sequences_for("outils", slug)
            if uses:
                when = ", ".join(f"jour {u.meta.jour} · {u.title}" for u in uses)
                out.append(f"| Fiche outil · [{record.title}]({link_to(record.src_uri)}) | un exemplaire par personne | {when} |")
        return "\n".join(out)

    @env.macro
    def telechargements() -> str:
        """Table of the downloadable files of this edition; sizes are written once the files exist."""
        from . import exports

        edition = env.conf["extra"].get("edition", "participant")
        here = posixpath.dirname(current()) or "."

        def row(label: str, path: str, kind: str) -> str:
            href = posixpath.relpath(path, here)
            return (f'<tr><td><a href="{href}">{label}</a></td><td>{kind}</td>'
                    f'<td><span class="manuel-taille" data-fichier="{path}">à générer</span></td></tr>')

        rows = [row(exports.BOOKLET_TITLES[edition] + " (toutes les pages du manuel)",
                    f"{exports.DOWNLOADS}/{exports.BOOKLETS[edition]}", "PDF, A4")]
        if edition == "participant":
            rows.append(row("Le manuel hors ligne (à décompresser, puis ouvrir index.html)",
                            f"{exports.DOWNLOADS}/{exports.ZIP_NAME}", "ZIP"))
            for record in sorted(site.of_kind(schema.Template), key=lambda r: fold(r.title)):
                slug = posixpath.basename(record.src_uri)[:-3]
                rows.append(row(f"Modèle · {record.title}", exports.template_pdf(slug), "PDF à imprimer"))
                rows.append(row(f"Modèle · {record.title}", exports.template_docx(slug), "DOCX modifiable"))
            for slug, record in sorted(site.tools.items(), key=lambda item: fold(item[1].title)):
                rows.append(row(f"Fiche outil · {record.title}", exports.tool_pdf(slug), "PDF, A4"))
        head = "<thead><tr><th>Document</th><th>Format</th><th>Taille</th></tr></thead>"
        return f'<table class="manuel-fichiers">{head}<tbody>{"".join(rows)}</tbody></table>'

    @env.macro
    def modele_de_contenu() -> str:
        """Reference of the content model, generated from the schema."""
        from .reference import content_model_markdown

        return content_model_markdown()




def today_block(slots: list[dict]) -> str:
    """« Aujourd'hui » form of a day's run-sheet, rendered at build time so that nothing moves when projection.js
    wires it (highlight of the row planned at a given time, lead or delay); hidden without JavaScript (CSS),
    left out of the search index and of the printed documents."""
    options = "".join(f'<option value="{i}">{html.escape(slot["titre"])}</option>'
                      for i, slot in enumerate(slots) if slot["sequence"])
    return ('<div class="manuel-aujourdhui" data-search-exclude data-creneaux="'
            + html.escape(json.dumps(slots, ensure_ascii=False), quote=True) + '">'
            '<h2 id="aujourdhui">Aujourd\'hui</h2><form class="manuel-aujourdhui__form">'
            '<p><label for="aujourdhui-heure">Heure</label> <input id="aujourdhui-heure" type="time" step="60"> '
            '<button type="button" class="md-button">Maintenant</button></p>'
            '<p><label for="aujourdhui-sequence">Séquence en cours en salle</label> <select id="aujourdhui-sequence">'
            f'<option value="">Je ne précise pas</option>{options}</select></p></form>'
            '<p class="manuel-aujourdhui__etat" role="status" aria-live="polite">Choisissez une heure.</p></div>')


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


# --------------------------------------------------------------------------
# Toolbox: catalogue and the summary block of each sheet
# --------------------------------------------------------------------------

SEMICOLON = "\u00a0; "
DURATION_CHOICES = (10, 15, 20, 30, 45, 60, 90, 120, 180)


def _checkboxes(name: str, legend: str, labels: dict[str, str]) -> str:
    items = "".join(
        f'<label><input type="checkbox" name="{name}" value="{value}"> {label}</label>'
        for value, label in labels.items()
    )
    return f'<fieldset><legend>{legend}</legend><div class="manuel-choix">{items}</div></fieldset>'


def catalogue_markdown(tools, link_to) -> str:
    """Markdown + HTML of the catalogue; without JavaScript the form is hidden (CSS) and the full list shows."""
    durations = "".join(f'<option value="{d}">{duration_fr(d)}</option>' for d in DURATION_CHOICES)
    levels = "".join(f'<option value="{k}">{v}</option>' for k, v in schema.LEVELS.items())
    form = (
        '<form class="manuel-filtres" aria-label="Filtrer les fiches outils">'
        + _checkboxes("finalites", "Finalité (au moins une)", schema.PURPOSES)
        + _checkboxes("formats", "Format (au moins un)", schema.FORMATS)
        + '<div class="manuel-champs">'
        + f'<p><label for="filtre-duree">Temps disponible</label><select id="filtre-duree" name="duree">'
          f'<option value="">Peu importe</option>{durations}</select></p>'
        + '<p><label for="filtre-groupe">Nombre de personnes</label>'
          '<input id="filtre-groupe" name="groupe" type="number" min="1" max="500" inputmode="numeric"></p>'
        + f'<p><label for="filtre-niveau">Niveau d\'animation</label><select id="filtre-niveau" name="niveau">'
          f'<option value="">Tous les niveaux</option>{levels}</select></p>'
        + "</div>"
        + '<p><button type="reset" class="md-button">Réinitialiser les filtres</button></p>'
        + "</form>"
    )
    lines = [form, "", f'<p class="manuel-compte" role="status" aria-live="polite">{len(tools)} fiches</p>', "",
             '<div class="manuel-catalogue" markdown>', ""]
    for record in tools:
        meta = record.meta
        formats = ", ".join(schema.FORMATS[f].lower() for f in meta.formats)
        purposes = ", ".join(schema.PURPOSES[p] for p in meta.finalites)
        lines += [
            f"- **[{record.title}]({link_to(record.src_uri)})** · {meta.description}  ",
            f"  {meta.duree.min} à {meta.duree.max}\u00a0min · {meta.groupe.min} à {meta.groupe.max} personnes · "
            f"{formats} · {schema.LEVELS[meta.niveau].lower()}  ",
            f"  *{purposes}*",
            f'  {{ .manuel-carte data-finalites="{" ".join(meta.finalites)}" data-formats="{" ".join(meta.formats)}" '
            f'data-duree-min="{meta.duree.min}" data-groupe-min="{meta.groupe.min}" '
            f'data-groupe-max="{meta.groupe.max}" data-niveau="{meta.niveau}" }}',
        ]
    lines += ["", "</div>", "",
              '<p class="manuel-aucun" hidden>Aucune fiche ne correspond à ces critères. Élargissez un filtre '
              "ou réinitialisez-les.</p>"]
    return "\n".join(lines)


def tool_summary(site, record, url_to) -> str:
    """Summary block of a tool sheet (HTML, added under the title after the Markdown conversion): metadata, where the
    training uses it, sheets it chains with. ``url_to`` gives the URL of a page (path relative to docs/)."""
    meta = record.meta
    slug = record.src_uri.rsplit("/", 1)[-1][:-3]

    def text(value: str) -> str:
        return html.escape(value, quote=False)

    def link(page) -> str:
        return f'<a href="{html.escape(url_to(page.src_uri))}">{text(page.title)}</a>'

    rows = [
        '<div class="manuel-repere">',
        f"<p><strong>Durée</strong>\u00a0: {meta.duree.min} à {meta.duree.max}\u00a0min · "
        f"<strong>Groupe</strong>\u00a0: {meta.groupe.min} à {meta.groupe.max} personnes · "
        f"<strong>Formats</strong>\u00a0: {', '.join(schema.FORMATS[f].lower() for f in meta.formats)} · "
        f"<strong>Niveau</strong>\u00a0: {schema.LEVELS[meta.niveau].lower()}</p>",
        f"<p><strong>Finalités</strong>\u00a0: {text(', '.join(schema.PURPOSES[p] for p in meta.finalites))}</p>",
        f"<p><strong>Matériel</strong>\u00a0: "
        f"{text(SEMICOLON.join(mid_sentence(m.rstrip('.')) for m in meta.materiel))}.</p>",
    ]
    uses = [r for r in site.sequences_for("outils", slug)]
    if uses:
        rows += ["<p><strong>Utilisé dans la formation</strong>\u00a0:</p>", "<ul>"]
        for use in uses:
            day, slot = site.slot_of(use.meta.id) or (use.meta.jour, None)
            when = f" ({clock_fr(slot.debut)})" if slot else ""
            rows.append(f"<li>Jour {day} · séquence {link(use)}{when}</li>")
        rows.append("</ul>")
    else:
        rows.append("<p><strong>Utilisé dans la formation</strong>\u00a0: pas pendant les deux jours\u00a0; l'outil "
                    "sert dans la vie de votre communauté.</p>")
    chained = [site.tools[s] for s in meta.associes if s in site.tools]
    if chained:
        rows.append("<p><strong>S'enchaîne bien avec</strong>\u00a0: " + ", ".join(map(link, chained)) + ".</p>")
    rows.append("</div>")
    return "\n".join(rows)
