"""The real handbook: strict build, programme pages, content model, offline assets, search index."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from handbook import model as schema
from handbook.render.search import FOLDED_FIELD, fold

ROOT = Path(__file__).resolve().parents[1]


def norm(value: str) -> str:
    """Spaces normalised (non-breaking ones included), none before . , or ) nor after (; apostrophes straight (the
    build typesets them, the sources type them straight)."""
    value = re.sub(r"\s+", " ", value.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2019", "'")).strip()
    return re.sub(r"\( ", "(", re.sub(r" ([.,)])", r"\1", value))


def text_of(soup) -> str:
    """Visible text of the page's main content, normalised like ``norm``."""
    main = soup.select_one("article.md-content__inner") or soup
    return norm(main.get_text(" "))


# --------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------


def test_strict_build_passes(build):
    assert build.returncode == 0, build.stdout + build.stderr
    assert "Erreur de contenu" not in build.stdout + build.stderr


def test_content_model_has_no_error(content_site):
    assert not content_site.errors.errors, "\n".join(e.render() for e in content_site.errors.errors)


def test_pages_are_french(html_pages, soup):
    for rel in html_pages:
        assert soup(rel).html.get("lang") == "fr", rel


# --------------------------------------------------------------------------
# The programme sheet on the home and programme pages
# --------------------------------------------------------------------------


def programme_items(training) -> list[str]:
    items = [training.titre, training.prerequis, training.evaluation, training.intervenants,
             training.public, training.methodes.presentation]
    items += training.description
    items += [f.libelle for f in training.finalites_communautes]
    items += [o.libelle for o in training.objectifs]
    for day in training.jours:
        for block in day.blocs:
            items.append(block.titre)
            items += [line.libelle for line in block.lignes]
    items += [f"{m.nom} : {m.contenu}" for m in training.methodes.modalites]
    items += [r.libelle for r in training.ressources]
    items += [i.texte for i in training.informations.values()]
    return items


def test_programme_page_shows_every_element_of_the_sheet(content_site, soup):
    text = text_of(soup("formation.html"))
    missing = [item for item in programme_items(content_site.training) if norm(item) not in text]
    assert not missing, f"absents de la page « La formation » : {missing}"


def test_programme_sheet_data_holds_the_programme(content_site):
    """The data file holds the programme sheet's own content (spot checks on each part)."""
    t = content_site.training
    assert t.titre == "Animer dans la durée une communauté apprenante"
    assert len(t.objectifs) == 5 and len(t.finalites_communautes) == 5
    assert [len([line for b in d.blocs for line in b.lignes]) for d in t.jours] == [4, 5]
    assert "Construire une feuille de route partagée" in [o.libelle for o in t.objectifs]
    assert content_site.sessions[0].dates == "14 et 15 janvier 2026" and content_site.sessions[0].lieu == "Paris"
    assert [m.nom for m in t.methodes.modalites] == ["Apports théoriques", "Exemples", "Ateliers pratiques"]



def test_training_length_comes_from_the_timed_plan(content_site, soup):
    """« 2 jours, soit 14 heures »: the days of the run sheet and the sum of its sequences, never typed by hand."""
    sheet = content_site.run_sheet
    assert sheet.training_minutes == sum(s.minutes for _, _, record in content_site.run_order()
                                         for s in schema.timed_steps(record.body)) == 14 * 60
    text = text_of(soup("formation.html"))
    assert norm("2 jours, soit 14 heures de formation") in text
    assert "duree" not in content_site.training.model_dump(), "la durée ne doit plus être écrite à la main"


def test_programme_page_carries_public_information_items(soup):
    """Qualiopi indicator 1: every public-information item has its line in the summary table."""
    rows = {norm(tr.find("td").get_text()): norm(tr.find_all("td")[1].get_text())
            for tr in soup("formation.html").select("table tbody tr")}
    for label in ["Prérequis", "Objectifs", "Durée", "Modalités d'accès", "Délais d'accès", "Tarif", "Contacts",
                  "Méthodes mobilisées", "Modalités d'évaluation",
                  "Accessibilité aux personnes en situation de handicap"]:
        assert rows.get(label), f"information publique absente : {label}"
    assert "mise à jour le" in text_of(soup("formation.html"))


def test_home_page_shows_the_programme(content_site, soup):
    text = text_of(soup("index.html"))
    t = content_site.training
    expected = [t.titre, t.prerequis, t.public] + t.description + [o.libelle for o in t.objectifs]
    expected += [f.libelle for f in t.finalites_communautes]
    missing = [item for item in expected if norm(item) not in text]
    assert not missing, f"absents de l'accueil : {missing}"


def test_no_programme_text_is_duplicated_by_hand():
    """Programme wording lives in data/formation.yml only, never typed again in the pages."""
    import yaml

    data = yaml.safe_load((ROOT / "data" / "formation.yml").read_text(encoding="utf-8"))
    phrases = [o["libelle"] for o in data["objectifs"]] + data["description"]
    for page in (ROOT / "docs").rglob("*.md"):
        source = norm(page.read_text(encoding="utf-8"))
        for phrase in phrases:
            assert norm(phrase) not in source, f"{page.relative_to(ROOT)} recopie « {phrase[:50]}… »"


# --------------------------------------------------------------------------
# Content model
# --------------------------------------------------------------------------


from handbook.model.trainer import HIDDEN_SECTIONS  # noqa: E402


def _records_by_kind(content_site):
    """Pages of each type that has required sections, as the participant edition publishes them."""
    return {kind: [r for r in content_site.of_kind(kind) if not getattr(r.meta, "formateur", False)]
            for kind in schema.PAGE_TYPES if kind.SECTIONS}


def test_every_page_of_each_type_has_its_required_sections(content_site, soup):
    checked = 0
    for kind, records in _records_by_kind(content_site).items():
        for record in records:
            html = soup(record.src_uri.replace(".md", ".html"))
            titles = {norm(h.get_text()).rstrip("#").strip() for h in html.select("article h2")}
            hidden = HIDDEN_SECTIONS.get(kind.KEY, ())  # trainer-only sections leave the participant edition
            missing = [s for s in kind.SECTIONS if s not in titles and s not in hidden]
            assert not missing, f"{record.src_uri} ({kind.LABEL}) : sections absentes {missing}"
            checked += 1
    assert checked >= 1


def test_each_folder_has_its_page_type():
    assert schema.page_type_for("outils/world-cafe.md") is schema.Tool
    assert schema.page_type_for("jour-2/charte.md") is schema.Sequence
    assert schema.page_type_for("guide/agir-ensemble.md") is schema.Chapter
    assert schema.page_type_for("cas/x.md") is schema.CaseStudy
    assert schema.page_type_for("modeles/charte.md") is schema.Template
    assert schema.page_type_for("outils/index.md") is schema.Page
    assert schema.page_type_for("formation.md") is schema.Page


# --------------------------------------------------------------------------
# Offline and private: nothing is fetched from another host
# --------------------------------------------------------------------------

_REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)
_CSS_URL = re.compile(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", re.I)


def test_no_page_references_a_non_local_url(html_pages, soup):
    offenders = []
    for rel in html_pages:
        for tag in soup(rel).find_all(True):
            for attr in ("src", "href", "srcset", "data-src", "poster", "action"):
                value = tag.get(attr)
                if value and _REMOTE.match(value.strip()):
                    offenders.append(f"{rel}: <{tag.name} {attr}={value}>")
    assert not offenders, "\n".join(offenders[:20])


def test_no_asset_loads_a_non_local_url(site_dir):
    offenders = []
    for css in site_dir.rglob("*.css"):
        for url in _CSS_URL.findall(css.read_text(encoding="utf-8", errors="ignore")):
            offenders.append(f"{css.relative_to(site_dir)}: {url}")
        if "@import" in css.read_text(encoding="utf-8", errors="ignore").replace("@import url(data:", ""):
            offenders.append(f"{css.relative_to(site_dir)}: @import")
    assert not offenders, "\n".join(offenders)


def test_offline_shim_is_shipped_locally(site_dir, soup):
    assert (site_dir / "assets" / "vendor" / "iframe-worker" / "shim.js").is_file()
    scripts = [s.get("src", "") for s in soup("index.html").find_all("script")]
    assert any("assets/vendor/iframe-worker/shim.js" in s for s in scripts)
    assert not any("unpkg" in s for s in scripts)
    assert (site_dir / "search" / "search_index.js").is_file(), "index de recherche pour file:// absent"


def test_links_work_from_the_file_system(soup):
    """use_directory_urls is off: links point to .html files, as needed from file://."""
    hrefs = [a.get("href", "") for a in soup("index.html").select("nav a[href]")]
    internal = [h.split("#")[0] for h in hrefs if h and not h.startswith("#")]
    assert len(internal) > 50
    assert all(h.endswith(".html") for h in internal), [h for h in internal if not h.endswith(".html")][:5]


# --------------------------------------------------------------------------
# Search in French
# --------------------------------------------------------------------------


def test_search_index_contains_accent_folded_text(site_dir):
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert FOLDED_FIELD in index["config"]["fields"]
    assert "’" in index["config"]["separator"] and "'" in index["config"]["separator"]
    assert "stemmer" not in index["config"]["pipeline"]
    folded = [d for d in index["docs"] if FOLDED_FIELD in d]
    assert folded, "aucune entrée n'a de texte sans accents"
    entry = next(d for d in folded if "coopération" in d["text"].lower())
    assert "cooperation" in entry[FOLDED_FIELD]
    assert "é" not in entry[FOLDED_FIELD]
    # Light index: the extra field only holds forms the title and text do not already contain.
    words = set(re.findall(r"\w+", re.sub(r"<[^>]+>", " ", f"{entry['title']} {entry['text']}").lower()))
    assert not words & set(entry[FOLDED_FIELD].split())
    # Interface blocks (room-mode buttons, live run-sheet form) are not content: searching finds no button.
    texts = " ".join(d["text"] for d in index["docs"])
    assert "Vue présentatrice" not in texts and "Séquence en cours en salle" not in texts


@pytest.mark.parametrize("raw, expected", [
    ("Coopération", "cooperation"), ("Écosystème", "ecosysteme"), ("cœur", "coeur"), ("Ça", "ca"),
])
def test_fold(raw, expected):
    assert fold(raw) == expected


def test_apostrophes_typeset_in_text_never_in_code_nor_addresses():
    from handbook.typography import html_apostrophes

    html = ('<p title="l\'outil">L\'atelier d&#39;aujourd\'hui, <a href="../l\'x.html">qu\'il</a> '
            "<code>x = 'a'</code></p><pre><code>it's</code></pre><script>var s = 'l'x';</script>")
    assert html_apostrophes(html) == (
        '<p title="l’outil">L’atelier d’aujourd’hui, <a href="../l\'x.html">qu’il</a> '
        "<code>x = 'a'</code></p><pre><code>it's</code></pre><script>var s = 'l'x';</script>")


def test_built_pages_use_the_typographic_apostrophe(site_dir, trainer_site_dir):
    """Authors type the keyboard's apostrophe; the reader sees « ’ » everywhere in the text (code aside)."""
    straight = re.compile(r"[^\W\d_]'[^\W_]")
    found = []
    for folder in (site_dir, trainer_site_dir):
        for path in sorted(folder.rglob("*.html")):
            page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for node in page.select("code, pre, script, style, kbd, samp, textarea"):
                node.decompose()
            if match := straight.search(page.get_text(" ")):
                found.append(f"{path.relative_to(folder)} : « {match.group(0)} »")
    assert not found, found[:10]


# --------------------------------------------------------------------------
# Run-sheets and sequences
# --------------------------------------------------------------------------


def test_day_pages_render_the_run_sheet(content_site, soup):
    from handbook.formats import clock_fr

    for day in content_site.run_sheet.jours:
        page = soup(f"jour-{day.numero}/index.html")
        table = page.select_one("article table")
        assert table is not None, f"jour {day.numero} : pas de tableau de déroulé"
        headers = [norm(th.get_text()) for th in table.select("thead th")]
        assert headers == ["Horaire", "Séquence", "Objectifs", "Modalités", "Outils", "Durée"]
        text = norm(table.get_text(" "))
        for slot in day.creneaux:
            assert norm(clock_fr(slot.debut)) in text and norm(clock_fr(slot.fin)) in text
            if slot.sequence:
                record = content_site.sequences[slot.sequence]
                link = table.find("a", string=lambda s: s and norm(s) == norm(record.title))
                assert link is not None, f"séquence {slot.sequence} absente du déroulé"
                assert link["href"].endswith(record.src_uri.split("/")[-1].replace(".md", ".html"))
            else:
                assert slot.pause in text
        assert "Total de formation 7 h" in text


def test_run_sheets_hold_seven_hours_a_day(content_site):
    for day in content_site.run_sheet.jours:
        assert sum(slot.duration for slot in day.creneaux if slot.sequence) == 7 * 60


def test_every_line_and_objective_is_covered(content_site, soup):
    text = text_of(soup("formation.html"))
    for line in content_site.training.lines():
        assert content_site.sequences_for("lignes", line.id), line.id
    for objective in content_site.training.objectifs:
        records = content_site.sequences_for("objectifs", objective.id)
        assert records, objective.id
        assert all(norm(r.title) in text for r in records)


def test_sequence_pages_show_schedule_and_steps_add_up(content_site, soup):
    from handbook.formats import clock_fr
    from handbook.model import timed_steps

    for ident, record in content_site.sequences.items():
        day, slot = content_site.slot_of(ident)
        header = soup(record.src_uri.replace(".md", ".html")).select_one(".manuel-repere")
        assert header is not None, f"{record.src_uri} : en-tête de séquence absent"
        assert norm(f"Jour {day}") in norm(header.get_text(" "))
        assert norm(clock_fr(slot.debut)) in norm(header.get_text(" "))
        assert sum(s.minutes for s in timed_steps(record.body)) == slot.duration
