"""The loaded content of the handbook (``Site``): data files and pages with their validated front matter.

The plugin loads it once per build (``load_site``) and hands it to the macros, the page checks and the exports; the
tests load it the same way.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from ..typography import french_spaces
from .data import (GlossaryTerm, Material, Reference, RunSheet, Scale, Session, SessionSettings, Slot, Training,
                   run_sheet_problems)
from .criteria import CRITERIA_FILE, ObjectiveCriteria
from .errors import ErrorCollector
from .pages import HANDOUT_FOLDERS, STRUCTURED_STEPS, Page, Sequence, Tool, page_type_for
from .steps import Step, StepProblem, parse_steps
from .validation import field_line, french_errors
from .version import content_date

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
    "materials": "materiel.yml",
    "session": "session.yml",
    "scales": "echelles.yml",
    "criteria": CRITERIA_FILE,
    "sessions": "sessions.yml",
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


@dataclass(repr=False)
class Site:
    project_dir: Path
    docs_dir: Path
    errors: ErrorCollector = field(default_factory=ErrorCollector)
    training: Training | None = None
    run_sheet: RunSheet | None = None
    references: dict[str, Reference] = field(default_factory=dict)
    glossary: dict[str, GlossaryTerm] = field(default_factory=dict)
    pages: dict[str, PageRecord] = field(default_factory=dict)
    materials: dict[str, Material] = field(default_factory=dict)
    session: SessionSettings | None = None
    scales: dict[str, Scale] = field(default_factory=dict)
    criteria: list[ObjectiveCriteria] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    #: Number of errors found in the data files (pages cannot be rendered without valid data).
    data_errors: int = 0
    _links: dict[str, set[str]] = field(default_factory=dict, repr=False)
    _usage: dict[str, list[PageRecord]] | None = field(default=None, repr=False)
    _tools: dict[str, PageRecord] | None = field(default=None, repr=False)
    _steps: dict[str, tuple[list[Step], list[StepProblem]]] = field(default_factory=dict, repr=False)
    _content_date: date | None = field(default=None, repr=False)

    @property
    def content_date(self) -> date:
        """Day of the content's last change (git, else newest file of docs/ and data/), computed once per build."""
        if self._content_date is None:
            self._content_date = content_date(self.project_dir)
        return self._content_date

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

    def steps_of(self, record: PageRecord) -> list[Step]:
        """The structured timed steps of a sequence or a meeting plan (parsed once)."""
        return self.parsed_steps(record)[0]

    def parsed_steps(self, record: PageRecord) -> tuple[list[Step], list[StepProblem]]:
        if record.src_uri not in self._steps:
            self._steps[record.src_uri] = parse_steps(record.body, record.body_line)
        return self._steps[record.src_uri]

    def handout(self, target: str) -> PageRecord | None:
        """The page a step hands out (``modeles/…``, ``cas/…``, ``supports/…``), or None if there is none."""
        record = self.pages.get(f"{target}.md")
        if record is None or record.kind is not HANDOUT_FOLDERS.get(target.split("/")[0]):
            return None
        return record

    def run_order(self) -> list[tuple[int, Slot, PageRecord]]:
        """(day, slot, sequence) of every sequence slot of the run sheet, in the order the days run them."""
        sequences = self.sequences
        return [(day.numero, slot, sequences[slot.sequence]) for day in (self.run_sheet.jours if self.run_sheet else [])
                for slot in day.creneaux if slot.sequence in sequences]

    def step_uses(self, target: str) -> list[tuple[PageRecord, Step]]:
        """(page, step) of every step that runs the tool ``target`` (a slug) or hands out the document ``target``
        (``modeles/…``, ``cas/…``, ``supports/…``): sequences in run-sheet order, then meeting plans."""
        found = []
        ordered = [record for _, _, record in self.run_order()]
        ordered += sorted((r for r in self.pages.values() if r.kind in STRUCTURED_STEPS and r not in ordered
                           and r.kind is not Sequence), key=lambda r: r.src_uri)
        for record in ordered:
            if record.meta is None:  # invalid front matter, already reported
                continue
            for step in self.steps_of(record):
                if step.tool == target or any(use.target == target for use in step.documents):
                    found.append((record, step))
        return found

    def training_version(self, step: Step):
        """The sheet's « version formation » (``TrainingVersion``) when ``step`` runs it: the tool below its sheet's
        minimum, without a « version courte » of its own, for at least the minutes of the sheet's short version."""
        tool = self.tools.get(step.tool or "")
        if tool is None or tool.meta is None or step.short_version or step.minutes >= tool.meta.duree.min:
            return None
        version = tool.meta.version_formation
        return version if version is not None and step.minutes >= version.minutes else None

    def objective_labels(self) -> dict[str, str]:
        return {o.id: o.libelle for o in self.training.objectifs} if self.training else {}

    def line_labels(self) -> dict[str, str]:
        return {line.id: line.libelle for line in self.training.lines()} if self.training else {}

    def day_slots(self, number: int):
        """(slot, sequence record or None) of each slot of day ``number``, in order; nothing for an unknown day."""
        day = next((d for d in self.run_sheet.jours if d.numero == number), None) if self.run_sheet else None
        for slot in day.creneaux if day else []:
            yield slot, (self.sequences.get(slot.sequence) if slot.sequence else None)

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

    def __repr__(self) -> str:
        return f"Site({self.docs_dir}, {len(self.pages)} pages)"

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


def _yaml_problem(error: yaml.YAMLError) -> tuple[str, int | None]:
    """The problem PyYAML reports and its line (1-based) in the YAML text."""
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 if mark is not None else None
    return getattr(error, "problem", None) or str(error), line


def read_yaml(site: Site, path: Path) -> Any:
    if not path.is_file():
        site.errors.report("fichier-absent", site.rel(path))
        return None
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        problem, line = _yaml_problem(error)
        site.errors.report("yaml", site.rel(path), line=line, prefix="", problem=problem)
        return None


def split_front_matter(text: str) -> tuple[str | None, str]:
    """Return (front matter text or None, body)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text
    return match.group(1) or "", text[match.end():]


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
    """``data`` validated against ``model``; each problem reported at the line of its field in ``path``."""
    try:
        if isinstance(model, TypeAdapter):
            return model.validate_python(data, context=context)
        return model.model_validate(data, context=context)
    except ValidationError as error:
        try:
            text = (site.project_dir / path).read_text(encoding="utf-8")
        except OSError:
            text = ""
        for loc, message, fix in french_errors(error):
            site.errors.report("schema", path, line=field_line(text, loc) if loc else None, detail=message, fix=fix)
        return None


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------


def _load(site: Site, data_dir: Path, key: str, model, context: dict | None = None) -> tuple[Any, str]:
    """A data file (``DATA_FILES[key]``) validated against ``model`` (a model, or ``list[model]``), and its path.
    None when the file is missing, unreadable or invalid (already reported)."""
    path = site.rel(data_dir / DATA_FILES[key])
    raw = read_yaml(site, data_dir / DATA_FILES[key])
    if raw is None:
        return None, path
    adapter = model if isinstance(model, type) and issubclass(model, BaseModel) else TypeAdapter(model)
    return _validate(site, path, adapter, raw, context or {}), path


def _by_id(site: Site, loaded: tuple[Any, str], ident: str, duplicate: str = "cle-en-double") -> dict:
    """Items of a loaded list file (``_load``) by their identifier (field ``ident``); a repeated one is an error."""
    items, path = loaded
    found: dict = {}
    for item in items or []:
        key = getattr(item, ident)
        if key in found:
            site.errors.report(duplicate, path, ident=key)
        found[key] = item
    return found


def load_data(site: Site, data_dir: Path) -> None:
    site.training, _ = _load(site, data_dir, "training", Training)
    site.run_sheet, path = _load(site, data_dir, "run_sheet", RunSheet)
    for problem in run_sheet_problems(site.run_sheet) if site.run_sheet else []:
        site.errors.report("deroule", path, problem=problem)
    site.materials = _by_id(site, _load(site, data_dir, "materials", list[Material]), "id")
    site.scales = _by_id(site, _load(site, data_dir, "scales", list[Scale]), "id")
    site.session, _ = _load(site, data_dir, "session", SessionSettings)
    site.criteria = _load(site, data_dir, "criteria", list[ObjectiveCriteria])[0] or []
    site.sessions = _load(site, data_dir, "sessions", list[Session])[0] or []
    site.references = _by_id(site, _load(site, data_dir, "references", list[Reference]), "cle")

    terms, path = _load(site, data_dir, "glossary", list[GlossaryTerm], {"references": set(site.references)})
    for term in terms or []:
        term.terme, term.definition = french_spaces(term.terme), french_spaces(term.definition)
    site.glossary = _by_id(site, (terms, path), "id", duplicate="terme-en-double")
    for term in site.glossary.values():
        for other in term.lies:
            if other not in site.glossary:
                site.errors.report("terme-lie-inconnu", path, term=term.id, other=other)


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
            site.errors.report("entete-absent", path, line=1)
        else:
            try:
                data = load_yaml(front) or {}
            except yaml.YAMLError as error:
                problem, line = _yaml_problem(error)
                site.errors.report("yaml", path, line=(line + 1) if line else None, prefix="en-tête : ", problem=problem)
                data = None
            if data is not None and not isinstance(data, dict):
                site.errors.report("entete-forme", path, line=2)
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
            site.errors.report("id-sequence-en-double", site.doc_path(record.src_uri), ident=ident, other=seen[ident])
        seen[ident] = record.src_uri


def read_site(project_dir: Path, docs_dir: Path) -> Site:
    """The data files and pages, each validated on its own (the checks across them are in ``checks``)."""
    site = Site(project_dir=project_dir, docs_dir=docs_dir)
    load_data(site, project_dir / "data")
    site.data_errors = len(site.errors)
    load_pages(site)
    return site
