"""Compare the output of two builds of the handbook, page by page: HTML text, search index and PDF text.

    python scripts/compare_builds.py REF            # builds REF (a git commit) and the working tree, both editions
    python scripts/compare_builds.py --dirs A B     # compares two site folders already built

Prints each difference (file and first differing lines) and exits with 1 if there is any.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EDITIONS = {"site": "mkdocs.yml", "site-formateur": "mkdocs-formateur.yml"}
#: Generated files whose bytes legitimately differ between two builds (dates, archives).
SKIP = re.compile(r"(^|/)(sitemap\.xml(\.gz)?|.*\.zip|.*\.docx|.*\.pptx)$")
#: The publication stamp of each build (the service worker compares it to replace an offline copy): never the same.
STAMP = re.compile(r'("version": ")\d{14}(")')


def build(project: Path, out: Path) -> None:
    """Both editions of ``project`` with their exports, its own code first on the import path."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", MANUEL_EXPORTS="1", PYTHONPATH=str(project))
    for folder, config in EDITIONS.items():
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--clean", "-f", config, "-d", str(out / folder)],
                       cwd=project, env=env, check=True)


def text_of(path: Path) -> list[str]:
    """Comparable lines of a built file."""
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        return [line for page in PdfReader(path).pages for line in (page.extract_text() or "").splitlines()]
    if path.name == "search_index.json":
        docs = json.loads(path.read_text(encoding="utf-8"))["docs"]
        return [json.dumps(doc, ensure_ascii=False, sort_keys=True) for doc in docs]
    if path.suffix in (".html", ".js", ".css", ".json", ".xml", ".svg", ".txt"):
        return STAMP.sub(r"\1…\2", path.read_text(encoding="utf-8")).splitlines()
    return [path.read_bytes().hex()[:64], str(path.stat().st_size)]


def compare(a: Path, b: Path) -> list[str]:
    problems = []
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    for name in sorted(files_a - files_b):
        problems.append(f"seulement dans {a} : {name}")
    for name in sorted(files_b - files_a):
        problems.append(f"seulement dans {b} : {name}")
    for name in sorted(files_a & files_b):
        if SKIP.search(name):
            continue
        old, new = text_of(a / name), text_of(b / name)
        if old != new:
            diff = list(difflib.unified_diff(old, new, lineterm="", n=0))[2:8]
            problems.append(f"différence dans {name} :\n    " + "\n    ".join(line[:200] for line in diff))
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ref", nargs="?")
    parser.add_argument("--dirs", nargs=2, type=Path)
    args = parser.parse_args()
    if args.dirs:
        problems = compare(*args.dirs)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            subprocess.run(["git", "worktree", "add", "--detach", str(tmp / "avant"), args.ref], cwd=ROOT, check=True)
            try:
                build(tmp / "avant", tmp / "sortie-avant")
                build(ROOT, tmp / "sortie-apres")
                problems = [p for folder in EDITIONS for p in compare(tmp / "sortie-avant" / folder,
                                                                        tmp / "sortie-apres" / folder)]
            finally:
                subprocess.run(["git", "worktree", "remove", "--force", str(tmp / "avant")], cwd=ROOT, check=True)
    print("\n".join(problems) or "Aucune différence.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
