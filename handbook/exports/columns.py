"""Column widths of the printed tables, computed once from their text instead of by WeasyPrint.

WeasyPrint's automatic table layout measures every word of every cell at every page break: in the trainer's
booklet (over 300 tables) it was a third of the layout time. Here each table gets a ``<colgroup>`` whose widths
follow the same rule as the automatic layout (columns share the line in proportion to their longest cell, and none is
narrower than its longest word), and the print style sheet lays such tables out as fixed (``table.colonnes``).
"""

from __future__ import annotations

import re

#: Characters of body text that fit on the width of a printed table (about 9 pt type on an A4 text block).
LINE = 100
#: Where a line may break: ordinary spaces only (« 1 h 30 » and « 16 feutres » hold non-breaking spaces).
_BREAKS = re.compile(r"[ \t\n]+")
#: A cell longer than this counts as this long: long cells wrap, they do not take the whole table.
LONGEST = 3 * LINE


def _cells(row) -> list:
    return row.find_all(["td", "th"], recursive=False)


def widths(texts: list[list[str]]) -> list[float] | None:
    """Percent widths of the columns of a table given as rows of cell texts; None if the rows are ragged."""
    count = len(texts[0]) if texts else 0
    if not count or any(len(row) != count for row in texts):
        return None
    longest = [max(min(len(row[j]), LONGEST) for row in texts) or 1 for j in range(count)]
    # The longest unbreakable run of a column, plus room for the cell's padding.
    words = [max((len(word) for row in texts for word in _BREAKS.split(row[j])), default=1) + 3 for j in range(count)]
    # A column left empty under its header is there to be written in: it gets at least an even share of the line.
    blank = [all(not row[j] for row in texts[1:]) and len(texts) > 1 for j in range(count)]
    share = [max(long, word, LINE // count if empty else 0) for long, word, empty in zip(longest, words, blank)]
    total = sum(share)
    # Give every column at least its longest word (as a share of a line), then share out the rest.
    floor = [min(word / LINE, 1 / count) for word in words]
    percent = [max(s / total, f) for s, f in zip(share, floor)]
    scale = sum(percent)
    return [round(100 * p / scale, 1) for p in percent]


def set_column_widths(article) -> None:
    """Give each table of ``article`` without merged cells a colgroup of computed widths."""
    from bs4 import BeautifulSoup

    for table in article.find_all("table"):
        if table.find("colgroup") or table.find(attrs={"colspan": True}) or table.find(attrs={"rowspan": True}):
            continue
        rows = [[cell.get_text(" ", strip=True) for cell in _cells(row)] for row in table.find_all("tr")]
        percent = widths([row for row in rows if row])
        if percent is None:
            continue
        cols = "".join(f'<col style="width: {value}%">' for value in percent)
        table.insert(0, BeautifulSoup(f"<colgroup>{cols}</colgroup>", "html.parser").colgroup)
        table["class"] = table.get("class", []) + ["colonnes"]
