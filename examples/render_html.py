"""Write the HTML view of an article: every extraction highlighted, the records beside it.

    python examples/render_html.py [ARTICLE.txt] [OUT.html]

The same as ``lmcoop render ARTICLE.txt > OUT.html``. Open the page in any browser; it is one
self-contained file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import lmcoop
from lmcoop.render import render_page


def main(article_path: Path, out_path: Path) -> None:
    text = article_path.read_text(encoding="utf-8")
    article = lmcoop.parse(text)
    out_path.write_text(render_page([(text, article)], title=article.title or "lmcoop"), encoding="utf-8")
    print(f"wrote {out_path} ({out_path.stat().st_size} bytes): open it in a browser")


if __name__ == "__main__":
    here = Path(__file__).with_name("sample_article.txt")
    main(
        Path(sys.argv[1]) if len(sys.argv) > 1 else here,
        Path(sys.argv[2]) if len(sys.argv) > 2 else Path("sample_article.html"),
    )
