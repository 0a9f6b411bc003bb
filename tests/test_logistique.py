"""The logistics come from what the days run (the structured steps), never from what pages mention: « used in »
lines, material and copies for the session, the conducteur and the print pack of each day."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from handbook.typography import apostrophes
from handbook import downloads
from handbook.model import HANDOUT_FOLDERS, MeetingPlan, Sequence, Worksheet
from handbook.model.logistics import handed_out, material_for_day, prints_for_day


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _days(site) -> list[int]:
    return [day.numero for day in site.run_sheet.jours]


def test_every_step_of_the_days_is_structured(content_site):
    for _, _, record in content_site.run_order():
        steps = content_site.steps_of(record)
        assert steps, record.src_uri
        for step in steps:
            assert step.configuration, f"{record.src_uri}, étape {step.number} : configuration absente"
            assert step.production, f"{record.src_uri}, étape {step.number} : production absente"


def test_used_in_the_training_lines_are_backed_by_a_step(content_site, site_dir):
    """Each tool sheet lists exactly the sequences whose steps run it."""
    checked = 0
    for slug, record in content_site.tools.items():
        page = _soup(site_dir / "outils" / f"{slug}.html")
        summary = page.select_one(".manuel-repere")
        listed = set()
        title = next((p for p in summary.find_all("p") if "Utilisé dans la formation" in p.get_text()), None)
        assert title is not None, slug
        items = title.find_next_sibling("ul")
        if items is not None:
            listed = {a["href"].rsplit("/", 1)[-1] for a in items.select("a")}
        expected = {page.src_uri.rsplit("/", 1)[-1].replace(".md", ".html")
                    for page, _ in content_site.step_uses(slug) if page.kind is Sequence}
        assert listed == expected, f"{slug} : la fiche annonce {sorted(listed)}, les étapes font {sorted(expected)}"
        checked += bool(expected)
    assert checked >= 10, "la formation fait vivre au moins dix fiches"


def test_meeting_plans_are_named_on_the_sheets_they_use(content_site, site_dir):
    plans = content_site.of_kind(MeetingPlan)
    assert len(plans) == 6
    for plan in plans:
        for step in content_site.steps_of(plan):
            if step.tool:
                text = _soup(site_dir / "outils" / f"{step.tool}.html").select_one(".manuel-repere").get_text(" ")
                text, title = (t.replace("\u00a0", " ") for t in (text, plan.title))
                assert "Dans les trames de rencontre" in text and title in text, (plan.src_uri, step.tool)


def test_every_handed_out_document_exists_and_says_where_it_serves(content_site, site_dir):
    targets = handed_out(content_site)
    assert len(targets) >= 15
    for target in targets:
        record = content_site.handout(target)
        assert record is not None, target
        if getattr(record.meta, "formateur", False):
            assert not (site_dir / f"{target}.html").exists(), f"{target} : support réservé publié côté participant"
            continue
        text = _soup(site_dir / f"{target}.html").select_one("article").get_text(" ")
        assert "Jour " in text and "étape " in text, f"{target} : la page ne dit pas à quelle étape elle sert"


def test_quantities_follow_the_number_of_participants(content_site):
    for day in _days(content_site):
        small = {need.material.id: need.quantity for need in material_for_day(content_site, day, participants=8)}
        large = {need.material.id: need.quantity for need in material_for_day(content_site, day, participants=24)}
        assert small.keys() == large.keys() and small
        assert any(large[k] > small[k] for k in small), f"jour {day} : les quantités ne suivent pas l'effectif"
        copies_small = {job.page.src_uri: job.copies for job in prints_for_day(content_site, day, participants=8)}
        copies_large = {job.page.src_uri: job.copies for job in prints_for_day(content_site, day, participants=24)}
        assert all(copies_large[k] >= copies_small[k] for k in copies_small)
        assert any(copies_large[k] > copies_small[k] for k in copies_small), f"jour {day} : exemplaires figés"


def test_trainer_pages_show_the_quantities_of_the_session(content_site, trainer_site_dir):
    people = content_site.session.participants
    materiel = _soup(trainer_site_dir / "formateur" / "materiel.html").get_text(" ")
    for day in _days(content_site):
        for need in material_for_day(content_site, day):
            assert need.material.count(need.quantity) in materiel, need.material.id
    impressions = _soup(trainer_site_dir / "formateur" / "impressions.html")
    rows = {row.select("td")[1].get_text(" ", strip=True): int(row.select("td")[2].get_text(strip=True))
            for row in impressions.select("article table tbody tr")}
    for day in _days(content_site):
        for job in prints_for_day(content_site, day):
            assert job.copies >= (people if any(u.use.per == "par personne" for u in job.uses) else 1)
            assert apostrophes(job.page.title) in rows
    assert str(people) in impressions.get_text(" ")


def test_impressions_list_only_what_steps_hand_out(content_site, trainer_site_dir):
    impressions = _soup(trainer_site_dir / "formateur" / "impressions.html").select_one("article")
    linked = {a["href"].split("#")[0] for a in impressions.select("table a")}
    folders = tuple(f"../{folder}/" for folder in HANDOUT_FOLDERS)
    listed = {href[3:-5] for href in linked if href.startswith(folders)}
    assert listed and listed <= handed_out(content_site)


@pytest.mark.parametrize("day", [1, 2])
def test_conducteur_of_each_day(content_site, trainer_site_dir, day):
    page = _soup(trainer_site_dir / "formateur" / f"conducteur-jour-{day}.html")
    table = page.select_one(".manuel-conducteur table")
    steps = sum(len(content_site.steps_of(r)) for d, _, r in content_site.run_order() if d == day)
    assert len(table.select("tbody tr:not(.manuel-conducteur-sequence):not(.manuel-conducteur-pause)")) == steps
    assert "Version courte" in table.get_text(" "), "les versions courtes sont signalées au formateur"
    shortened = [step for d, _, r in content_site.run_order() if d == day for step in content_site.steps_of(r)
                 if content_site.training_version(step)]
    assert ("Version formation de la fiche" in table.get_text(" ")) == bool(shortened), \
        "une étape qui fait vivre la version formation d'une fiche le dit au formateur"
    pdf = PdfReader(trainer_site_dir / downloads.day_file("conducteur", day))
    assert 1 <= len(pdf.pages) <= 3, "le conducteur tient en trois pages paysage au plus"
    box = pdf.pages[0].mediabox
    assert float(box.width) > float(box.height), "le conducteur est en paysage"


def test_a_tool_run_below_its_minimum_is_a_short_version_of_the_step_or_of_the_sheet(content_site, site_dir):
    """Every in-training run below a sheet's minimum says why: the step's « version courte », or the sheet's own
    « version formation », shown on the sheet and in its « Utilisé dans la formation » line."""
    below = [(r, step) for _, _, r in content_site.run_order() for step in content_site.steps_of(r)
             if step.tool in content_site.tools and step.minutes < content_site.tools[step.tool].meta.duree.min]
    assert below and all(step.short_version or content_site.training_version(step) for _, step in below)
    by_sheet = [(r, step) for r, step in below if content_site.training_version(step)]
    assert by_sheet, "au moins une fiche donne sa version formation (photolangage)"
    for record, step in by_sheet:
        text = _soup(site_dir / "outils" / f"{step.tool}.html").select_one(".manuel-repere").get_text(" ")
        assert "Version formation" in text and "version formation)" in text
        sequence = _soup(site_dir / (record.src_uri[:-3] + ".html")).get_text(" ")
        assert "dans la version formation de sa fiche" in sequence


@pytest.mark.parametrize("day", [1, 2])
def test_print_pack_of_each_day(content_site, trainer_site_dir, day):
    pdf = PdfReader(trainer_site_dir / downloads.day_file("carnet", day))
    cover = pdf.pages[0].extract_text()
    assert f"Carnet d'impression du jour {day}" in cover.replace("’", "'")
    jobs = prints_for_day(content_site, day)
    squashed = re.sub(r"\s+", " ", cover)
    for job in jobs:
        assert str(job.copies) in squashed
    assert len(pdf.pages) > len(jobs), "chaque document suit la couverture"


def test_participant_edition_has_no_trainer_worksheet(content_site, site_dir):
    secret = [r for r in content_site.of_kind(Worksheet) if r.meta and r.meta.formateur]
    assert secret, "les cartes de rôle de la simulation sont réservées à l'édition formation"
    index = (site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    for record in secret:
        assert not (site_dir / record.src_uri.replace(".md", ".html")).exists()
        assert record.title not in index
        slug = record.src_uri.rsplit("/", 1)[-1][:-3]
        assert not (site_dir / downloads.page_file("supports", slug)).exists()


@pytest.mark.parametrize("slug", ["questionnaire-de-satisfaction", "questionnaire-a-trois-mois"])
def test_evaluation_forms_are_printable_and_editable(trainer_site_dir, site_dir, slug):
    for edition in (site_dir, trainer_site_dir):
        assert (edition / downloads.page_file("supports", slug)).is_file(), slug
        assert (edition / downloads.page_file("supports", slug, "docx")).is_file(), slug
