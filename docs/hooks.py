"""mkdocs hook: replace markers in the pages with text generated from the code.

``<!-- lmcoop:schema -->`` becomes the JSON Schema that ``lmcoop schema`` prints, and
``<!-- lmcoop:help COMMAND -->`` the ``--help`` of that command, so the docs cannot drift.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
from typing import Any

_MARKER = re.compile(r"<!-- lmcoop:(schema|help(?: (\w+))?) -->")


def on_page_markdown(markdown: str, **_: Any) -> str:
    """Fill in every marker on the page."""
    return _MARKER.sub(_expand, markdown)


def _expand(match: re.Match[str]) -> str:
    if match.group(1) == "schema":
        from lmcoop import Article

        return "```json\n" + json.dumps(Article.model_json_schema(), indent=2) + "\n```"
    return "```text\n" + _help(match.group(2)) + "```"


def _help(command: str | None) -> str:
    from lmcoop.cli import main

    out = io.StringIO()
    os.environ["COLUMNS"] = "100"  # argparse wraps to the terminal; fix it so the page is stable
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        main([command, "--help"] if command else ["--help"])
    return out.getvalue()
