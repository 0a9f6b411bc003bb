"""Benchmark of the handbook build (make bench): figures are printed, not asserted.

- time of the HTML build, next to the same docs/ built with plain Material (no hooks, no macros), and the same
  comparison in instructions executed (valgrind), which the load of the machine does not change;
- time of the full build with the exports (PDF, DOCX, zip) for both editions, built at the same time as make build
  does;
- size of every PDF, of the zip, of the home page and of our own CSS/JS.
"""

from __future__ import annotations

import compileall
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--clean"]
#: Pairs of builds (ours, plain Material) for the time ratio.
RUNS = 10
#: The same configuration (theme, Markdown extensions, Material's plugins) without our hooks and macros.
PLAIN = """INHERIT: {config}
docs_dir: {docs}
site_dir: {site}
strict: false
hooks: []
watch: []
theme:
  custom_dir: {overrides}
plugins:
  - search
  - tags
  - offline
"""


def timed(command: list[str], env: dict | None = None, cwd: Path = ROOT) -> float:
    start = time.monotonic()
    subprocess.run(command, cwd=cwd, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
                   check=True, capture_output=True)
    return time.monotonic() - start


def instructions(builds: list[tuple[list[str], dict]]) -> list[int] | None:
    """Instructions executed by each build (valgrind's cachegrind, the builds side by side): unlike a time, the count
    is the same from one run to the next, whatever else the machine is doing. None without valgrind."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("valgrind absent : le rapport en instructions n'est pas mesuré (paquet Debian valgrind).")
        return None
    processes = [subprocess.Popen([valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                                   *command], cwd=ROOT, text=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}) for command, env in builds]
    counts = []
    for process in processes:
        _, errors = process.communicate()
        found = re.search(r"I\s+refs:\s+([\d,]+)", errors)
        if process.returncode != 0 or found is None:
            print("valgrind : échec de la mesure en instructions\n" + errors[-2000:])
            return None
        counts.append(int(found.group(1).replace(",", "")))
    return counts


def decimal(value: float) -> str:
    """« 1,44 »: two decimals, French decimal comma."""
    return f"{value:.2f}".replace(".", ",")


def seconds(milliseconds: float) -> str:
    return f"{milliseconds / 1000:.1f} s".replace(".", ",")


def kb(size: int) -> str:
    return f"{size / 1024:,.1f} Ko".replace(",", " ").replace(".", ",")


def pages(pdf: Path) -> str:
    """« , 52 pages » for a PDF, nothing for another file."""
    if pdf.suffix != ".pdf":
        return ""
    from pypdf import PdfReader

    return f", {len(PdfReader(pdf).pages)} pages"


def figures_weight(site: Path) -> int:
    """What the figures add to the HTML pages: their inline SVG, gzip-compressed page by page."""
    import gzip

    figure = re.compile(r'<figure class="manuel-figure".*?</figure>', re.S)
    return sum(len(gzip.compress("".join(figure.findall(page.read_text(encoding="utf-8"))).encode(), 6))
               for page in site.rglob("*.html") if 'class="manuel-figure"' in page.read_text(encoding="utf-8"))


LIGHTHOUSE = ROOT / ".outils" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_PAGES = ["index.html", "jour-1/ecosysteme.html", "outils/world-cafe.html", "outils/index.html"]
CHROMIUM_FLAGS = ("--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking "
                  "--disable-component-update --disable-sync")


COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


def loopback_server(site: Path):
    """Local static server that compresses text files with gzip when the browser asks, as static hosts do."""
    import functools
    import gzip
    import http.server
    import threading

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if (path.suffix not in COMPRESSED or not path.is_file()
                    or "gzip" not in self.headers.get("Accept-Encoding", "")):
                return super().do_GET()
            body = gzip.compress(path.read_bytes(), compresslevel=6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            self.wfile.write(body)

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def lighthouse(site: Path) -> None:
    """Lighthouse, mobile preset, on a loopback server (goals: 95 / 100 / 100 / 100)."""
    import json

    if not LIGHTHOUSE.exists():
        print("Lighthouse absent : make bench l'installe (npm lighthouse dans .outils/lighthouse/).")
        return
    httpd = loopback_server(site)
    print("\nLighthouse, préréglage mobile, serveur local avec compression gzip (objectifs : performance ≥ 95, "
          "accessibilité, bonnes pratiques et SEO à 100) :")
    try:
        for page in LIGHTHOUSE_PAGES:
            report = Path(tempfile.mkdtemp()) / "lh.json"
            subprocess.run([str(LIGHTHOUSE), f"http://127.0.0.1:{httpd.server_address[1]}/{page}", "--quiet",
                            "--output=json", f"--output-path={report}", f"--chrome-flags={CHROMIUM_FLAGS}",
                            "--only-categories=performance,accessibility,best-practices,seo"],
                           env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, capture_output=True, check=False)
            if not report.exists():
                print(f"  {page} : échec de Lighthouse")
                continue
            result = json.loads(report.read_text())
            shutil.rmtree(report.parent, ignore_errors=True)
            scores = {k: round(v["score"] * 100) for k, v in result["categories"].items()}
            audits = result["audits"]
            value = {key: audits[key]["numericValue"] for key in ("first-contentful-paint",
                     "largest-contentful-paint", "cumulative-layout-shift", "total-blocking-time")}
            print(f"  {page} : performance {scores['performance']}, accessibilité {scores['accessibility']}, "
                  f"bonnes pratiques {scores['best-practices']}, SEO {scores['seo']} "
                  f"(premier affichage {seconds(value['first-contentful-paint'])}, plus grand élément "
                  f"{seconds(value['largest-contentful-paint'])}, décalage cumulé "
                  f"{str(round(value['cumulative-layout-shift'], 2)).replace('.', ',')}, "
                  f"blocage {value['total-blocking-time']:.0f} ms)")
            if page == "index.html":
                weight = audits["total-byte-weight"]["numericValue"]
                print(f"    page d'accueil, première visite, poids transféré avec tout ce qu'elle charge (index de "
                      f"recherche compris ; objectif < 150 Kio) : {kb(int(weight))}")
    finally:
        httpd.shutdown()


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-manuel-"))
    try:
        plain_config = work / "plain.yml"
        plain_config.write_text(PLAIN.format(config=ROOT / "mkdocs.yml", docs=ROOT / "docs", site=work / "plain",
                                             overrides=ROOT / "overrides"), encoding="utf-8")
        # Our package compiled to bytecode, as pip does for Material and the other installed packages (without it,
        # PYTHONDONTWRITEBYTECODE=1 makes every build compile our modules again).
        compileall.compile_dir(ROOT / "handbook", quiet=1)
        # Pairs of builds, one right after the other (each first in turn): this machine's speed changes from one
        # second to the next, and both builds of a pair run at about the same speed. The ratio is the median of the
        # ratios of the pairs.
        def build_ours() -> float:
            return timed(MKDOCS + ["--site-dir", str(work / "html")], {"MANUEL_EXPORTS": "false"})

        def build_plain() -> float:
            return timed(MKDOCS + ["-f", str(plain_config)], cwd=ROOT)

        def pair(ours_first: bool) -> tuple[float, float]:
            """(our build, plain Material build), in seconds."""
            if ours_first:
                ours = build_ours()
                return ours, build_plain()
            plain = build_plain()
            return build_ours(), plain

        runs = [pair(ours_first=i % 2 == 0) for i in range(RUNS)]
        ratios = sorted(ours / plain for ours, plain in runs)
        print(f"Construction HTML du manuel (médiane de {RUNS}) : {decimal(statistics.median(o for o, _ in runs))} s "
              f"(meilleure : {decimal(min(o for o, _ in runs))} s)")
        print(f"Même docs/ avec Material seul (mêmes extensions, sans nos hooks ni macros) : "
              f"{decimal(statistics.median(p for _, p in runs))} s (meilleure : {decimal(min(p for _, p in runs))} s)")
        print(f"Rapport (objectif ≤ 1,4), médiane des {RUNS} paires : {decimal(statistics.median(ratios))} "
              f"(de {decimal(ratios[0])} à {decimal(ratios[-1])}) ; rapport des meilleurs temps : "
              f"{decimal(min(o for o, _ in runs) / min(p for _, p in runs))}")

        counts = instructions([(MKDOCS + ["--site-dir", str(work / "html")], {"MANUEL_EXPORTS": "false"}),
                               (MKDOCS + ["-f", str(plain_config), "--site-dir", str(work / "plain-vg")], {})])
        if counts:
            print(f"Rapport en instructions exécutées (valgrind ; ne dépend pas de la charge de la machine) : "
                  f"{decimal(counts[0] / counts[1])} ({decimal(counts[0] / 1e9)} et {decimal(counts[1] / 1e9)} "
                  "milliards)")

        # The PDF cache starts empty (a new machine, or content changed everywhere); the second time, nothing
        # changed and every PDF comes from the cache. Both editions build at the same time, as make build does.
        def full_build(cache: Path) -> tuple[float, float, float]:
            """(wall time of the whole, participant edition, trainer edition), in seconds."""
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MANUEL_EXPORTS": "true", "MANUEL_CACHE": str(cache)}
            start = time.monotonic()
            logs = [work / "participant.log", work / "formateur.log"]
            outputs = [log.open("w", encoding="utf-8") for log in logs]
            builds = [subprocess.Popen(MKDOCS + arguments, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=output)
                      for arguments, output in zip((["--site-dir", str(work / "site")],
                                                    ["-f", "mkdocs-formateur.yml", "--site-dir",
                                                     str(work / "site-formateur")]), outputs)]
            ends: list[float | None] = [None, None]
            while None in ends:
                for index, build in enumerate(builds):
                    if ends[index] is None and build.poll() is not None:
                        ends[index] = time.monotonic() - start
                        if build.returncode != 0:
                            raise SystemExit("La construction complète a échoué :\n" + logs[index].read_text()[-3000:])
                time.sleep(0.05)
            for output in outputs:
                output.close()
            return max(ends), ends[0], ends[1]

        cold, warm = full_build(work / "cache"), full_build(work / "cache")
        for label, (whole, participant, trainer) in (("cache vide", cold),
                                                     ("rien de changé, PDF repris du cache", warm)):
            print(f"Construction complète (make build : deux éditions en même temps, avec exports), {label} "
                  f"(objectif < 60 s) : {decimal(whole)} s (participante finie à {decimal(participant)} s, "
                  f"formation à {decimal(trainer)} s)")

        print("\nFichiers produits (PDF : nombre de pages) :")
        for folder in (work / "site", work / "site-formateur"):
            for path in sorted((folder / "telechargements").rglob("*")):
                if path.is_file():
                    print(f"  {path.relative_to(folder)} : {kb(path.stat().st_size)}{pages(path)}")
        print(f"Figures des pages (SVG dans le HTML, gzip, objectif ≤ 60 Ko au total) : "
              f"{kb(figures_weight(work / 'site'))}")

        site = work / "site"
        home = site / "index.html"
        sources = ROOT / "docs" / "assets"
        own = [site / "assets" / path.relative_to(sources) for folder in ("stylesheets", "javascripts")
               for path in sorted((sources / folder).glob("*")) if path.is_file()]
        print(f"\nPage d'accueil (HTML seul)            : {kb(home.stat().st_size)}")
        lighthouse(site)
        print(f"CSS et JS propres au manuel (objectif < 40 Ko) : {kb(sum(p.stat().st_size for p in own))}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
