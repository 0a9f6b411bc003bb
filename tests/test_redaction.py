"""Writing rules that the build cannot see: one lexicon and one fictional cast (GUIDE-DE-REDACTION.md).

Plain pytest: reads docs/**/*.md and data/*.yml as text, imports nothing from handbook/. Each check is a
function that returns the problems found in one text, so that it can be tried on a small bad sample.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
FIRST_NAMES_FILE = Path(__file__).resolve().parent / "prenoms-courants.txt"
CAST_FILE = ROOT / "data" / "distribution.yml"

# --- Lexicon ------------------------------------------------------------------------------------------

# Discouraged form -> the form the handbook uses (GUIDE-DE-REDACTION.md, « Lexique commun »).
DISCOURAGED = [
    (re.compile(r"\bchats?\b", re.I), "« conversation écrite » (pas « chat »)"),
    (re.compile(r"\bpost-its?\b", re.I), "« notes repositionnables » (« post-it » est une marque)"),
    (re.compile(r"\btableaux? de papier\b|\bflip-?charts?\b|\bpaper[- ]boards?\b", re.I), "« paperboard »"),
    (re.compile(r"\bdebrief\w*|\bdébrief(?!ing)\w*", re.I), "« débriefing »"),
    (re.compile(r"\bretour en grand groupe\b", re.I), "« débriefing en grand groupe »"),
    (re.compile(r"\bcommunautés? de pratiques\b", re.I), "« communauté de pratique » (sans s)"),
    (re.compile(r"(?<!personne )(?<!personnes )\b(?:clients?|clientes?|consultants?|consultantes?)\b", re.I),
     "au codéveloppement, « la personne cliente » et « les personnes consultantes »"),
]
# Exact phrases where a discouraged word means something else: the trainer's job title in data/formation.yml.
ALLOWED_PHRASES = ["Une consultante ou un consultant, formatrice ou formateur"]
# Discouraged forms still present in the « Déroulé minuté » sections of docs/jour-1 and docs/jour-2, which
# are being restructured separately: (file, word) -> count. A stale entry fails test_pending_list_is_current.
PENDING_IN_TIMED_PLANS = {
    ("docs/jour-1/cloture.md", "post-it"): 1,
    ("docs/jour-1/ecosysteme.md", "post-it"): 1,
    ("docs/jour-1/ouverture.md", "post-it"): 1,
    ("docs/jour-1/partage-experiences.md", "cliente"): 1,
    ("docs/jour-1/partage-experiences.md", "consultante"): 1,
}


def lexicon_problems(text: str) -> list[tuple[int, str, str]]:
    """(line number, word found, form to use) for every discouraged form in ``text``."""
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        for phrase in ALLOWED_PHRASES:
            line = line.replace(phrase, "")
        for pattern, advice in DISCOURAGED:
            problems += [(number, m.group(0), advice) for m in pattern.finditer(line)]
    return problems


def content_files() -> list[Path]:
    return sorted(ROOT.glob("docs/**/*.md")) + sorted((ROOT / "data").glob("*.yml"))


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_lexicon_check_catches_each_discouraged_form():
    bad = ("Écrivez dans le chat.\nUn post-it par idée, au tableau de papier.\nPuis le debrief, le débrief.\n"
           "Retour en grand groupe.\nUne communauté de pratiques.\nLe client expose, les consultantes écoutent.\n")
    found = lexicon_problems(bad)
    assert [n for n, _, _ in found] == [1, 2, 2, 3, 3, 4, 5, 6, 6]
    good = ("Écrivez dans la conversation écrite, une note repositionnable au paperboard, puis le débriefing.\n"
            "Une communauté de pratique : la personne cliente expose, les personnes consultantes écoutent.\n"
            "Une consultante ou un consultant, formatrice ou formateur spécialiste.\n")
    assert lexicon_problems(good) == []


def test_docs_and_data_use_one_lexicon():
    problems = []
    for path in content_files():
        found = lexicon_problems(path.read_text(encoding="utf-8"))
        pending = Counter()
        for (name, word), count in PENDING_IN_TIMED_PLANS.items():
            if name == relative(path):
                pending[word] = count
        for number, word, advice in found:
            if pending[word.lower()] > 0:
                pending[word.lower()] -= 1
                continue
            problems.append(f"{relative(path)}:{number} : « {word} » → {advice}")
    assert not problems, "formes à remplacer :\n" + "\n".join(problems)


def test_pending_list_is_current():
    """Each pending entry still occurs: once the timed plans are fixed, the entry must be removed."""
    stale = []
    for (name, word), count in PENDING_IN_TIMED_PLANS.items():
        words = [w.lower() for _, w, _ in lexicon_problems((ROOT / name).read_text(encoding="utf-8"))]
        if words.count(word) < count:
            stale.append(f"{name} : « {word} » n'y figure plus, retirez-le de PENDING_IN_TIMED_PLANS")
    assert not stale, "\n".join(stale)


# --- Fictional cast -----------------------------------------------------------------------------------

ROLE_CLASSES = [
    # (pattern at the start of a role phrase, role class)
    (r"infirmi(?:ère|er) coordinat(?:rice|eur)", "soin"),
    (r"coordinat(?:rice|eur)", "coordination"),
    (r"(?:anime|coordonne)(?: depuis [^,]+?)? (?:une|un|la|le) (?:communauté|groupe|visio)", "coordination"),
    (r"direct(?:rice|eur) adjoint", "direction adjointe"),
    (r"direct(?:rice|eur)", "direction"),
    (r"responsable de secteur", "responsable de secteur"),
    (r"responsable qualité", "responsable qualité"),
    (r"responsable d", "responsable de service"),
    (r"personne accompagnée", "personne accompagnée"),
]


def role_class(phrase: str) -> str | None:
    for pattern, name in ROLE_CLASSES:
        if re.match(pattern, phrase):
            return name
    return None


def load_cast(text: str) -> dict[str, dict]:
    entries = yaml.safe_load(text)
    cast = {}
    for entry in entries:
        assert set(entry) == {"prenom", "role", "structure"}, entry
        assert entry["prenom"] not in cast, f"« {entry['prenom']} » figure deux fois dans la distribution"
        assert role_class(entry["role"]), f"{entry['prenom']} : rôle « {entry['role']} » non reconnu"
        assert "fictif" in entry["structure"] or "fictive" in entry["structure"], entry
        cast[entry["prenom"]] = entry
    return cast


def common_first_names() -> list[str]:
    lines = FIRST_NAMES_FILE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def author_surnames() -> set[str]:
    """Surnames of cited authors (« Henri, F. »): never read as a first name."""
    references = yaml.safe_load((ROOT / "data" / "bibliographie.yml").read_text(encoding="utf-8"))
    return {m.group(1) for r in references for m in re.finditer(r"([A-ZÉ][\w-]+),", r["auteurs"])}


def name_pattern(names) -> re.Pattern:
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    # A first name followed by a capitalised word is a real person's full name (« Pierre Lévy »): skipped.
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])(?!\s+[A-ZÉ][a-zé])")


def cast_problems(text: str, cast: dict[str, dict], first_names, excluded=frozenset()) -> list[str]:
    """Common first names missing from the cast, and cast members given another role than theirs."""
    problems = []
    names = [n for n in first_names if n not in excluded]
    for number, line in enumerate(text.splitlines(), 1):
        for match in name_pattern(names).finditer(line):
            name = match.group(1)
            if name not in cast:
                problems.append(f"{number} : « {name} » n'est pas dans data/distribution.yml")
                continue
            after = re.match(r"\**,?\s*(.{0,80})", line[match.end():]).group(1)
            found = role_class(after)
            expected = role_class(cast[name]["role"])
            if found and found != expected:
                problems.append(f"{number} : {name} est « {cast[name]['role']} » dans la distribution, "
                                f"mais ici « {after[:40]}… »")
    return problems


SAMPLE_CAST = """
- prenom: "Nadia"
  role: "responsable de secteur"
  structure: "association Les Coteaux (fictive)"
- prenom: "Claire"
  role: "coordinatrice régionale"
  structure: "union territoriale (fictive)"
"""


def test_cast_check_catches_unknown_names_and_changed_roles():
    cast = load_cast(SAMPLE_CAST)
    bad = ("Nadia, coordinatrice régionale, anime la séance.\nClaire anime une communauté de directions.\n"
           "Martine, directrice, prend la parole.\n**Nadia**, directrice d'une association.\n")
    problems = cast_problems(bad, cast, ["Nadia", "Claire", "Martine"])
    assert [p.split(" ")[0] for p in problems] == ["1", "3", "4"]
    good = "Nadia, responsable de secteur, raconte. Claire, coordinatrice régionale, anime. Pierre Lévy écrit."
    assert cast_problems(good, cast, ["Nadia", "Claire", "Pierre"]) == []


def test_cast_file_is_well_formed():
    with pytest.raises(AssertionError):
        load_cast(SAMPLE_CAST + SAMPLE_CAST)
    assert len(load_cast(CAST_FILE.read_text(encoding="utf-8"))) >= 20


def test_every_fictional_person_is_one_person_with_one_role():
    cast = load_cast(CAST_FILE.read_text(encoding="utf-8"))
    first_names, excluded = common_first_names(), author_surnames()
    problems = []
    for path in content_files():
        if path in (CAST_FILE, ROOT / "data" / "bibliographie.yml"):
            continue
        for problem in cast_problems(path.read_text(encoding="utf-8"), cast, first_names, excluded):
            problems.append(f"{relative(path)}:{problem}")
    assert not problems, "distribution à corriger :\n" + "\n".join(problems)


def test_every_cast_member_appears_in_the_handbook():
    cast = load_cast(CAST_FILE.read_text(encoding="utf-8"))
    corpus = "\n".join(p.read_text(encoding="utf-8") for p in ROOT.glob("docs/**/*.md")).replace("\u00a0", " ")
    unused = [name for name in cast if not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", corpus)]
    assert not unused, f"personnages absents du manuel, à retirer de data/distribution.yml : {unused}"
