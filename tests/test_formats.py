"""French clock times and durations: the build (handbook/formats.py) and the scripts (manuel.js) give the same text,
checked on one shared set of examples (tests/fixtures/formats-horaires.json)."""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES, ROOT
from handbook.formats import clock_fr, duration_fr

EXAMPLES = json.loads((FIXTURES / "formats-horaires.json").read_text(encoding="utf-8"))
BASE = ROOT / "docs" / "assets" / "javascripts" / "manuel.js"


def _nbsp(text: str) -> str:
    return text.replace("~", "\u00a0")


@pytest.mark.parametrize("clock, expected", EXAMPLES["heures"])
def test_build_clock(clock, expected):
    assert clock_fr(clock) == _nbsp(expected)


@pytest.mark.parametrize("minutes, expected", EXAMPLES["durees"])
def test_build_duration(minutes, expected):
    assert duration_fr(minutes) == _nbsp(expected)


@pytest.mark.browser
def test_scripts_format_like_the_build(page, tmp_path):
    (tmp_path / "page.html").write_text(
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Essai</title></head><body>'
        f'<script src="{BASE.as_uri()}"></script></body></html>', encoding="utf-8")
    page.goto((tmp_path / "page.html").as_uri())
    clocks = page.evaluate("cases => cases.map(c => [Manuel.clock(c[0]), Manuel.clock(Manuel.toMinutes(c[0]))])",
                           EXAMPLES["heures"])
    assert clocks == [[_nbsp(e), _nbsp(e)] for _, e in EXAMPLES["heures"]]
    durations = page.evaluate("cases => cases.map(c => Manuel.duration(c[0]))", EXAMPLES["durees"])
    assert durations == [_nbsp(e) for _, e in EXAMPLES["durees"]]
    # Signed durations (ahead of or behind the run sheet) keep the same format.
    assert page.evaluate("Manuel.duration(-65)") == "-1\u00a0h\u00a005"
