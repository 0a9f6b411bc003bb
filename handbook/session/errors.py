"""The one error type of the session documents: every problem is reported in French, then nothing is written."""

from __future__ import annotations


class SessionError(Exception):
    """One or more problems, each a full French sentence that names the place and the fix."""

    def __init__(self, problems: list[str] | str):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))
