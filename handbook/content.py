"""Load and validate the handbook's content: data files and pages' front matter.

A ``Site`` is built once per MkDocs build (``get_site``) and shared by the macros
and the hooks; the tests build it the same way (``load_site``).
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from .errors import ErrorCollector
from .typography import french_spaces
from .schema import (
    METHODS,
    CaseStudy,
    GlossaryTerm,
    RunSheet,
    Slot,
    Page,
    Reference,
    Sequence,
    Tool,
    Training,
    french_errors,
    page_type_for,
    STEP,
    run_sheet_problems,
    section_body,
    timed_steps,
)

#: libyaml's loader when available (much faster), the pure-Python one otherwise.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str):
    return yaml.load(text, Loader=YAML_LOADER)


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)

DATA_FILES = {
    "training": "formation.yml",
    "references": "bibliographie.yml",
    "glossary": "glossaire.yml",
    "run_sheet": "deroule.yml",
}


@dataclass
class PageRecord:
    """A Markdown page with its type and validated front matter."""

    src_uri: str
    kind: type[Page]
    meta: Page | None
    raw: dict[str, Any]
    body: str = ""
    #: Line number of the body's first line in the file.
    body_line: int = 1

    @property
    def title(self) -> str:
        return str(self.raw.get("title") or self.src_uri)


@dataclass
class Site:
    project_dir: Path
    docs_dir: Path
    errors: ErrorCollector = field(default_factory=ErrorCollector)
    training: Training | None = None
    run_sheet: RunSheet | None = None
    references: dict[str, Reference] = field(default_factory=dict)
    glossary: dict[str, GlossaryTerm] = field(default_factory=dict)
    pages: dict[str, PageRecord] = field(default_factory=dict)
    #: Number of errors found in the data files (pages cannot be rendered without valid data).
    data_errors: int = 0
    _links: dict[str, set[str]] = field(default_factory=dict, repr=False)
    _usage: dict[str, list[PageRecord]] | None = field(default=None, repr=False)
    _tools: dict[str, PageRecord] | None = field(default=None, repr=False)

    # -- lookups ---------------------------------------------------------
    def of_kind(self, kind: type[Page]) -> list[PageRecord]:
        return [p for p in self.pages.values() if p.kind is kind]

    @property
    def tools(self) -> dict[str, PageRecord]:
        if self._tools is None:
            self._tools = {Path(p.src_uri).stem: p for p in self.of_kind(Tool)}
        return self._tools

    @property
    def sequences(self) -> dict[str, PageRecord]:
        return {str(p.raw.get("id")): p for p in self.of_kind(Sequence) if p.raw.get("id")}

    def slot_of(self, sequence_id: str) -> tuple[int, Slot] | None:
        """(day number, slot) of a sequence in the run-sheet."""
        for day in self.run_sheet.jours if self.run_sheet else []:
            for slot in day.creneaux:
                if slot.sequence == sequence_id:
                    return day.numero, slot
        return None

    def sequences_for(self, field_name: str, value: str) -> list[PageRecord]:
        """Sequences whose front matter list ``field_name`` contains ``value``, in run-sheet order."""
        order = [s.sequence for d in (self.run_sheet.jours if self.run_sheet else []) for s in d.creneaux]
        found = [r for r in self.of_kind(Sequence) if r.meta and value in getattr(r.meta, field_name)]
        return sorted(found, key=lambda r: order.index(r.meta.id) if r.meta.id in order else len(order))

    def links_of(self, record: PageRecord) -> set[str]:
        """Pages (relative to docs/) that a page's Markdown links to; computed once per page."""
        if record.src_uri not in self._links:
            self._links[record.src_uri] = {
                posixpath.normpath(posixpath.join(posixpath.dirname(record.src_uri), link))
                for link in re.findall(r"\]\(([^)\s#]+\.md)(?:#[^)]*)?\)", record.body)
            }
        return self._links[record.src_uri]

    def linking_pages(self, target: str, kind: type[Page] | None = None) -> list[PageRecord]:
        """Pages whose Markdown links to ``target`` (a path relative to docs/), in run-sheet order for sequences."""
        found = [
            record for record in self.pages.values()
            if record.src_uri != target and (kind is None or record.kind is kind) and target in self.links_of(record)
        ]
        order = [s.sequence for d in (self.run_sheet.jours if self.run_sheet else []) for s in d.creneaux]
        rank = {ident: i for i, ident in enumerate(order)}
        return sorted(found, key=lambda r: (rank.get(str(r.raw.get("id")), len(order)), r.src_uri))

    def term_usage(self) -> dict[str, list[PageRecord]]:
        """Glossary id → pages that mark the term with {{ terme("…") }} (computed once)."""
        if self._usage is not None:
            return self._usage
        usage: dict[str, list[PageRecord]] = {ident: [] for ident in self.glossary}
        for record in sorted(self.pages.values(), key=lambda r: r.src_uri):
            for ident in dict.fromkeys(re.findall(r"terme\(\s*[\"']([^\"']+)[\"']", record.body)):
                if ident in usage:
                    usage[ident].append(record)
        self._usage = usage
        return usage

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.project_dir).as_posix()
        except ValueError:
            return path.as_posix()

    def doc_path(self, src_uri: str) -> str:
        return self.rel(self.docs_dir / src_uri)


# --------------------------------------------------------------------------
# YAML helpers
# --------------------------------------------------------------------------


def _yaml_error_message(error: yaml.YAMLError) -> tuple[str, int | None]:
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 if mark is not None else None
    problem = getattr(error, "problem", None) or str(error)
    return (
        f"YAML mal formé ({problem}) ; vérifiez l'indentation, les deux-points et les guillemets",
        line,
    )


def read_yaml(site: Site, path: Path) -> Any:
    if not path.is_file():
        site.errors.add(site.rel(path), "fichier de données introuvable")
        return None
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        message, line = _yaml_error_message(error)
        site.errors.add(site.rel(path), message, line=line)
        return None


def split_front_matter(text: str) -> tuple[str | None, str]:
    """Return (front matter text or None, body)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text
    return match.group(1) or "", text[match.end():]


@functools.lru_cache(maxsize=4096)
def relative_link(from_page: str, target: str) -> str:
    """Link from one page to another, both given relative to docs/ (works over http:// and file://)."""
    return posixpath.relpath("/" + target, "/" + posixpath.dirname(from_page))  # rooted: no lookup of the cwd


def insert_after_title(page_html: str, block: str) -> str:
    """Insert an HTML ``block`` right after the level-1 heading of a page's HTML (or at the top)."""
    end = page_html.find("</h1>")
    end = end + len("</h1>") if end >= 0 else 0
    return page_html[:end] + "\n" + block + "\n" + page_html[end:]


def line_of(path: Path, pattern: str) -> int | None:
    """First line of a file that matches a regular expression (for error messages)."""
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(pattern, line):
                return number
    except OSError:
        pass
    return None


def _validate(site: Site, path: str, model: type[BaseModel] | TypeAdapter, data: Any, context: dict) -> Any:
    try:
        if isinstance(model, TypeAdapter):
            return model.validate_python(data, context=context)
        return model.model_validate(data, context=context)
    except ValidationError as error:
        for message in french_errors(error):
            site.errors.add(path, message)
        return None


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------


def load_data(site: Site, data_dir: Path) -> None:
    raw = read_yaml(site, data_dir / DATA_FILES["training"])
    if raw is not None:
        site.training = _validate(site, site.rel(data_dir / DATA_FILES["training"]), Training, raw, {})

    raw = read_yaml(site, data_dir / DATA_FILES["run_sheet"])
    if raw is not None:
        path = site.rel(data_dir / DATA_FILES["run_sheet"])
        site.run_sheet = _validate(site, path, RunSheet, raw, {})
        for problem in run_sheet_problems(site.run_sheet) if site.run_sheet else []:
            site.errors.add(path, problem, fix="corrigez les heures de début et de fin des créneaux")

    raw = read_yaml(site, data_dir / DATA_FILES["references"])
    if raw is not None:
        refs = _validate(site, site.rel(data_dir / DATA_FILES["references"]), TypeAdapter(list[Reference]), raw, {})
        for ref in refs or []:
            if ref.cle in site.references:
                site.errors.add(site.rel(data_dir / DATA_FILES["references"]), f"la clé « {ref.cle} » est définie deux fois")
            site.references[ref.cle] = ref

    raw = read_yaml(site, data_dir / DATA_FILES["glossary"])
    if raw is not None:
        path = site.rel(data_dir / DATA_FILES["glossary"])
        terms = _validate(site, path, TypeAdapter(list[GlossaryTerm]), raw, {"references": set(site.references)})
        for term in terms or []:
            term.terme, term.definition = french_spaces(term.terme), french_spaces(term.definition)
            if term.id in site.glossary:
                site.errors.add(path, f"le terme « {term.id} » est défini deux fois")
            site.glossary[term.id] = term
        for term in site.glossary.values():
            for other in term.lies:
                if other not in site.glossary:
                    site.errors.add(path, f"le terme « {term.id} » cite dans « lies » un terme inconnu « {other} »",
                                    fix="utilisez un identifiant (champ id) d'un terme de data/glossaire.yml")


def load_pages(site: Site) -> None:
    raws: dict[str, tuple[type[Page], dict, str, int]] = {}
    for file in sorted(site.docs_dir.rglob("*.md")):
        src_uri = file.relative_to(site.docs_dir).as_posix()
        path = site.doc_path(src_uri)
        kind = page_type_for(src_uri)
        text = file.read_text(encoding="utf-8")
        front, body = split_front_matter(text)
        body_line = text[: len(text) - len(body)].count("\n") + 1
        data: Any = {}
        if front is None:
            site.errors.add(path, "l'en-tête YAML (front matter, entre deux lignes « --- ») est absent", line=1,
                            fix="commencez le fichier par « --- », les champs title et description, puis « --- »")
        else:
            try:
                data = load_yaml(front) or {}
            except yaml.YAMLError as error:
                message, line = _yaml_error_message(error)
                site.errors.add(path, "en-tête : " + message, line=(line + 1) if line else None)
                data = None
            if data is not None and not isinstance(data, dict):
                site.errors.add(path, "l'en-tête YAML doit être une liste de champs « clé : valeur »", line=2)
                data = None
        raws[src_uri] = (kind, data if isinstance(data, dict) else {}, body, body_line)
        if data is None:
            site.pages[src_uri] = PageRecord(src_uri, kind, None, {}, body, body_line)

    training = site.training
    context = {
        "objectives": {o.id for o in training.objectifs} if training else None,
        "lines": {line.id for line in training.lines()} if training else None,
        "tools": {Path(uri).stem for uri, (kind, *_) in raws.items() if kind is Tool},
    }
    for src_uri, (kind, data, body, body_line) in raws.items():
        if src_uri in site.pages:  # unreadable front matter, already reported
            continue
        meta = _validate(site, site.doc_path(src_uri), kind, data, context)
        if meta is not None:  # authors may type ordinary spaces: French typography is applied here
            meta.title, meta.description = french_spaces(meta.title), french_spaces(meta.description)
            data = {**data, "title": meta.title, "description": meta.description}
        site.pages[src_uri] = PageRecord(src_uri, kind, meta, data, body, body_line)

    seen: dict[str, str] = {}
    for record in site.of_kind(Sequence):
        ident = str(record.raw.get("id"))
        if ident in seen:
            site.errors.add(site.doc_path(record.src_uri), f"l'identifiant de séquence « {ident} » est déjà utilisé par « {seen[ident]} »")
        seen[ident] = record.src_uri


def check_steps(site: Site) -> None:
    """Timed steps (well written, adding up to the slot of a sequence or inside the announced duration of a tool) and
    the schedule header of each sequence."""
    labels = list(METHODS.values())
    for record in site.pages.values():
        if record.meta is None or record.kind not in (Sequence, Tool):
            continue
        path = site.doc_path(record.src_uri)
        body, start = section_body(record.body, "Déroulé minuté")
        line = record.body_line + start - 1 if start else None
        for offset, text in enumerate(body.splitlines(), start=start + 1):
            if re.match(r"^\d+\.\s", text.strip()) and not STEP.match(text.strip()):
                site.errors.add(path, f"étape du déroulé minuté mal écrite : « {text.strip()[:50]} »",
                                line=record.body_line + offset - 1,
                                fix="écrivez-la ainsi : « 1. **10 min** · consigne »" + (
                                    " (avec la modalité : « · Apport · »)" if record.kind is Sequence else ""))
        if record.kind is Sequence and "entete_sequence()" not in record.body:
            site.errors.add(path, "l'en-tête de la séquence (horaire, objectifs, lignes du programme) manque",
                            fix="écrivez {{ entete_sequence() }} sous le titre de la page")
        steps = timed_steps(record.body)
        if not steps:
            if start:
                site.errors.add(path, "le déroulé minuté ne contient aucune étape au format attendu", line=line,
                                fix="écrivez chaque étape ainsi : « 1. **10 min** · Apport · consigne »")
            continue
        total = sum(step["minutes"] for step in steps)
        if record.kind is Sequence:
            for step in steps:
                if step["method"] not in labels:
                    site.errors.add(path, f"étape sans modalité reconnue : « {step['text'][:40]}… »", line=line,
                                    fix="commencez l'étape par une modalité : " + ", ".join(labels))
            placed = site.slot_of(record.meta.id)
            if placed and total != placed[1].duration:
                site.errors.add(path, f"les étapes du déroulé minuté font {total} min, mais le créneau de la "
                                      f"séquence ({placed[1].debut}–{placed[1].fin}) dure {placed[1].duration} min",
                                line=line, fix="ajustez les durées des étapes ou le créneau dans data/deroule.yml")
        else:
            if not record.meta.duree.min <= total <= record.meta.duree.max:
                site.errors.add(path, f"les étapes du déroulé minuté font {total} min, hors de la durée annoncée "
                                      f"({record.meta.duree.min} à {record.meta.duree.max} min)",
                                line=line, fix="ajustez les étapes ou le champ « duree »")


def check_run_sheet(site: Site) -> None:
    """Sequences of the run-sheet exist, sit on their day, and cover every line and objective."""
    if site.run_sheet is None or site.training is None:
        return
    path = site.rel(site.project_dir / "data" / DATA_FILES["run_sheet"])
    sequences = site.sequences
    placed: dict[str, int] = {}
    for day in site.run_sheet.jours:
        for slot in day.creneaux:
            if not slot.sequence:
                continue
            if slot.sequence in placed:
                site.errors.add(path, f"la séquence « {slot.sequence} » figure deux fois dans le déroulé")
            placed[slot.sequence] = day.numero
            record = sequences.get(slot.sequence)
            if record is None:
                site.errors.add(path, f"le créneau {slot.debut}–{slot.fin} du jour {day.numero} cite la séquence "
                                      f"« {slot.sequence} », qui n'existe pas",
                                fix=f"créez la page docs/jour-{day.numero}/… avec « id: {slot.sequence} »")
            elif record.meta and record.meta.jour != day.numero:
                site.errors.add(path, f"la séquence « {slot.sequence} » est placée au jour {day.numero}, "
                                      f"mais sa page indique « jour: {record.meta.jour} »")
    for ident, record in sequences.items():
        if ident not in placed:
            site.errors.add(site.doc_path(record.src_uri), f"la séquence « {ident} » n'a pas de créneau dans le "
                                                           "déroulé", fix=f"ajoutez-la à {path}")
    day_of_line = {line.id: day.numero for day in site.training.jours for b in day.blocs for line in b.lignes}
    for record in site.of_kind(Sequence):
        for line_id in record.meta.lignes if record.meta else []:
            if day_of_line.get(line_id) not in (None, record.meta.jour):
                site.errors.add(site.doc_path(record.src_uri), f"la ligne du programme {line_id} relève du jour "
                                                               f"{day_of_line[line_id]}, pas du jour {record.meta.jour}")
    for line in site.training.lines():
        if not site.sequences_for("lignes", line.id):
            site.errors.add(path, f"la ligne du programme {line.id} (« {line.libelle} ») n'est traitée par aucune "
                                  "séquence", fix="ajoutez son identifiant au champ « lignes » d'une séquence")
    for objective in site.training.objectifs:
        if not site.sequences_for("objectifs", objective.id):
            site.errors.add(path, f"l'objectif {objective.id} (« {objective.libelle} ») n'est servi par aucune "
                                  "séquence", fix="ajoutez son identifiant au champ « objectifs » d'une séquence")


def check_cases(site: Site) -> None:
    """Every case study is used by at least one sequence (a sequence links to it)."""
    for record in site.of_kind(CaseStudy):
        if not site.linking_pages(record.src_uri, Sequence):
            site.errors.add(site.doc_path(record.src_uri), "cette étude de cas n'est utilisée par aucune séquence",
                            fix="ajoutez un lien vers elle dans l'activité d'une séquence de docs/jour-1 ou docs/jour-2")


def load_site(project_dir: Path, docs_dir: Path) -> Site:
    site = Site(project_dir=project_dir, docs_dir=docs_dir)
    load_data(site, project_dir / "data")
    site.data_errors = len(site.errors)
    load_pages(site)
    check_run_sheet(site)
    check_steps(site)
    check_cases(site)
    return site


_CURRENT: list = [None, None]  # [config, site]: the config object is kept so its identity stays unique


def get_site(config) -> Site:
    """The Site of the MkDocs build running with ``config`` (loaded once per build)."""
    if _CURRENT[0] is not config:
        project_dir = Path(config["config_file_path"]).resolve().parent
        _CURRENT[:] = [config, load_site(project_dir, Path(config["docs_dir"]).resolve())]
    return _CURRENT[1]


def forget(config) -> None:
    """Drop the cached Site once its build is over."""
    if _CURRENT[0] is config:
        _CURRENT[:] = [None, None]
