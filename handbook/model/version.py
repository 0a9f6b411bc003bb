"""The version of the content: the day of its last change, from git (``git log -1 -- docs data``), or outside a git
checkout the newest modification time of the files of docs/ and data/. The programme page (« mise à jour le ») and
the booklet covers show it; ``Site.content_date`` computes it once per build."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

#: Folders whose changes make a new version of the content.
CONTENT_FOLDERS = ("docs", "data")


def content_date(project_dir: Path) -> dt.date:
    """Day of the last change of the content."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%cs", "--", *CONTENT_FOLDERS], cwd=project_dir,
                                capture_output=True, text=True, timeout=20, check=False)
        if result.returncode == 0 and result.stdout.strip():
            return dt.date.fromisoformat(result.stdout.strip())
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    return newest_file_date(project_dir)


def newest_file_date(project_dir: Path) -> dt.date:
    """Day of the newest file of docs/ and data/ (the build day if there is none)."""
    times = [path.stat().st_mtime for folder in CONTENT_FOLDERS for path in (project_dir / folder).rglob("*")
             if path.is_file()]
    return dt.date.fromtimestamp(max(times)) if times else dt.date.today()
