"""Build-time SVG figures: accessibility, colours through CSS variables, data-driven drawings, PNG export."""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from handbook.figures import FIGURES, Figure, FigureError, css_block, drawing, for_print, render, svg
from handbook.figures.base import CHAR_EM, CHAR_EM_BOLD, Drawing, assemble
from handbook.figures.palette import TEXT_ON, TOKENS
from handbook.figures.png import to_png
from handbook.model import timed_steps

ROOT = Path(__file__).resolve().parents[1]
SVG_NS = "{http://www.w3.org/2000/svg}"
STYLE_VALUE = re.compile(r"^(none|var\(--manuel-fig-[\w-]+, #[0-9a-f]{6}\))$")


def front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1]), text


@pytest.fixture(scope="module")
def data() -> dict[str, dict]:
    """Data for the data figures, taken from the handbook's own files."""
    run_sheet = yaml.safe_load((ROOT / "data/deroule.yml").read_text(encoding="utf-8"))
    training = yaml.safe_load((ROOT / "data/formation.yml").read_text(encoding="utf-8"))
    sequences = {}
    for path in sorted(ROOT.glob("docs/jour-*/*.md")):
        meta, _ = front_matter(path)
        if meta and meta.get("id"):
            sequences[meta["id"]] = meta
    day = run_sheet["jours"][0]
    slots = [{"debut": slot["debut"], "fin": slot["fin"], "pause": bool(slot.get("pause")),
              "titre": sequences[slot["sequence"]]["title"] if slot.get("sequence") else slot["pause"]}
             for slot in day["creneaux"]]
    order = [slot["sequence"] for d in run_sheet["jours"] for slot in d["creneaux"] if slot.get("sequence")]
    _, sheet = front_matter(ROOT / "docs/outils/1-2-4-tous.md")
    return {
        "deroule-journee": {"jour": day["numero"], "creneaux": slots},
        "objectifs-sequences": {"objectives": training["objectifs"], "sequences": [
            {"id": s, "titre": sequences[s]["title"], "jour": sequences[s]["jour"],
             "objectifs": sequences[s].get("objectifs", [])} for s in order]},
        "plan-minute": {"titre": "1-2-4-tous",
                        "etapes": [{"minutes": s["minutes"], "label": s["text"]} for s in timed_steps(sheet)]},
    }


def parse(html: str) -> ET.Element:
    return ET.fromstring(html)


def test_enough_figures_each_placed_and_sourced():
    bibliography = {entry["cle"] for entry in
                    yaml.safe_load((ROOT / "data/bibliographie.yml").read_text(encoding="utf-8"))}
    assert len(FIGURES) >= 17
    for figure in FIGURES.values():
        assert figure.page and figure.heading, figure.id
        assert figure.source is None or figure.source in bibliography, figure.id
        for page in figure.page.split(", "):
            if "*" not in page:
                assert (ROOT / "docs" / page).exists(), (figure.id, page)


@pytest.mark.parametrize("figure_id", sorted(FIGURES))
def test_figure_is_accessible_xml(figure_id, data):
    root = parse(render(figure_id, data.get(figure_id)))
    assert root.tag == "figure" and root.get("class") == "manuel-figure"
    assert root.get("id") == f"fig-{figure_id}"
    graphic = root.find(f"{SVG_NS}svg")
    assert graphic is not None and graphic.get("role") == "img"
    labelled = graphic.get("aria-labelledby").split()
    assert len(labelled) == 2
    by_id = {element.get("id"): element for element in root.iter() if element.get("id")}
    title, desc = by_id[labelled[0]], by_id[labelled[1]]
    assert title.tag == f"{SVG_NS}title" and title.text.strip()
    assert desc.tag == f"{SVG_NS}desc" and len(desc.text.split()) >= 12
    assert root.find("figcaption").text.strip()
    texts = ["".join(element.itertext()).strip() for element in root.iter(f"{SVG_NS}text")]
    assert texts and all(texts)


@pytest.mark.parametrize("figure_id", sorted(FIGURES))
def test_colours_only_through_css_variables(figure_id, data):
    html = render(figure_id, data.get(figure_id))
    root = parse(html)
    for element in root.iter():
        for attribute in ("fill", "stroke", "color", "stop-color"):
            assert attribute not in element.attrib, (figure_id, element.tag, attribute)
        for declaration in filter(None, (element.get("style") or "").split(";")):
            name, _, value = declaration.partition(":")
            if name in ("fill", "stroke"):
                assert STYLE_VALUE.match(value), (figure_id, declaration)
    assert "<style" not in html
    without_vars = re.sub(r"var\(--manuel-fig-[\w-]+, #[0-9a-f]{6}\)", "", html)
    assert not re.search(r"#[0-9a-fA-F]{3,8}\b|rgb\(", without_vars), figure_id


@pytest.mark.parametrize("figure_id", sorted(FIGURES))
def test_text_stays_inside_the_drawing(figure_id, data):
    """Estimated text extents stay inside the viewBox (catches labels pushed off the picture)."""
    root = parse(render(figure_id, data.get(figure_id)))
    graphic = root.find(f"{SVG_NS}svg")
    width, height = (float(v) for v in graphic.get("viewBox").split()[2:])
    for element in graphic.iter(f"{SVG_NS}text"):
        if any(parent for parent in graphic.iter(f"{SVG_NS}g") if element in list(parent)):
            continue  # rotated axis labels
        size = float(element.get("font-size"))
        em = CHAR_EM_BOLD if element.get("font-weight") == "bold" else CHAR_EM
        lines = [span for span in element.iter(f"{SVG_NS}tspan")] or [element]
        for line in lines:
            x, y = float(line.get("x")), float(line.get("y"))
            extent = len("".join(line.itertext())) * size * em
            anchor = element.get("text-anchor", "start")
            left = {"start": x, "middle": x - extent / 2, "end": x - extent}[anchor]
            assert left >= -4 and left + extent <= width + 4, (figure_id, "".join(line.itertext()))
            assert size * 0.7 <= y <= height + 1, (figure_id, "".join(line.itertext()))


def test_ids_unique_with_prefixes(data):
    page = "<div>" + "".join(
        render(figure_id, data.get(figure_id), prefix=prefix)
        for figure_id in FIGURES for prefix in ("", "livret-")) + "</div>"
    ids = [element.get("id") for element in parse(page).iter() if element.get("id")]
    assert len(ids) == len(set(ids)) == 3 * 2 * len(FIGURES)


def test_timeline_follows_the_run_sheet(data):
    before = render("deroule-journee", data["deroule-journee"])
    changed = {**data["deroule-journee"], "creneaux": [dict(slot) for slot in data["deroule-journee"]["creneaux"]]}
    changed["creneaux"][0]["titre"] = "Accueil autour d'un café"
    changed["creneaux"][0]["fin"] = "09:30"
    changed["creneaux"][1]["debut"] = "09:30"
    after = render("deroule-journee", changed)
    assert after != before
    assert "Accueil autour d’un café" in after and "de 9\u00a0h à 9\u00a0h\u00a030" in after
    for slot in data["deroule-journee"]["creneaux"]:
        assert slot["titre"].replace("'", "’") in before


def test_matrix_follows_objectives(data):
    matrix = data["objectifs-sequences"]
    before = drawing("objectifs-sequences", matrix)
    changed = {**matrix, "sequences": [{**s, "objectifs": ["O1"]} for s in matrix["sequences"]]}
    after = drawing("objectifs-sequences", changed)
    assert after.body != before.body
    assert "n'est travaillé par aucune séquence" in after.description
    assert after.body.count("<circle") == before.body.count("<circle")
    with pytest.raises(FigureError, match="objectif inconnu"):
        drawing("objectifs-sequences", {**matrix, "sequences": [{**matrix["sequences"][0], "objectifs": ["O9"]}]})


def test_plan_and_circles_follow_data(data):
    plan = data["plan-minute"]
    longer = {**plan, "etapes": plan["etapes"] + [{"minutes": 10, "label": "Tour de parole final"}]}
    assert "Tour de parole final" in drawing("plan-minute", longer).body
    assert "4 étapes" in drawing("plan-minute", {**plan, "etapes": plan["etapes"][:4]}).description
    names = [{"nom": f"Cercle {n}"} for n in "ABC"]
    circles = drawing("cercles-participation", {"cercles": names})
    assert "Cercle B" in circles.body and "3 cercles" in circles.description
    assert "Noyau" not in circles.body


def test_missing_or_empty_text_raises():
    with pytest.raises(FigureError, match="titre"):
        Figure("essai", "  ", "Légende", lambda data: Drawing("", 10, 10, "Description"))
    with pytest.raises(FigureError, match="titre vide"):
        render("plan-minute", {"titre": "", "etapes": [{"minutes": 5, "label": "Étape"}]})
    with pytest.raises(FigureError, match="données"):
        render("deroule-journee")
    figure = Figure("essai", "Titre", "Légende", lambda data: Drawing("", 10, 10, ""))
    with pytest.raises(FigureError, match="texte alternatif"):
        assemble(figure, figure.draw({}))
    with pytest.raises(FigureError, match="inconnue"):
        render("figure-absente")


def test_stylesheet_carries_the_palette():
    stylesheet = (ROOT / "docs/assets/stylesheets/manuel.css").read_text(encoding="utf-8")
    assert css_block() in stylesheet


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("scheme", [0, 1], ids=["clair", "sombre"])
def test_text_contrast_is_aa(scheme):
    for text, background in TEXT_ON:
        lighter, darker = sorted((_luminance(TOKENS[text][scheme]), _luminance(TOKENS[background][scheme])),
                                 reverse=True)
        assert (lighter + 0.05) / (darker + 0.05) >= 4.5, (text, background, scheme)


@pytest.mark.parametrize("figure_id", ["deroule-journee", "trois-horizons", "tours-world-cafe"])
def test_png_export(figure_id, data):
    png = to_png(svg(figure_id, data.get(figure_id)), 800)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width == 800 and height > 100


def test_print_version_has_plain_colours(data):
    html = for_print(render("grille-pouvoir-interet") + "<p style=\"color: var(--md-x, #123456)\">")
    assert "var(--manuel-fig-" not in html and "fill:#fde2d2" in html
    assert "var(--md-x, #123456)" in html
