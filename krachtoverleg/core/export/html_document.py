"""Minutes as one self-contained HTML file, rendered from the same Markdown.

markdown-it-py runs with raw HTML switched off and no linkify, so text a user typed can only
ever become text; its link validation refuses `javascript:`, `vbscript:`, `file:` and `data:`
targets on top of that. The page has no script, and a Content-Security-Policy that allows
nothing but its own stylesheet (named by hash), so even an injected tag could not load or run
anything. The stylesheet prints on A4."""

from __future__ import annotations

import base64
import hashlib
import html

STYLE = """
:root { color-scheme: light; }
body { font: 11pt/1.45 "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #111;
       background: #fff; max-width: 52rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .8rem; border-bottom: 3px solid #1d3b6a; padding-bottom: .3rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .5rem; color: #1d3b6a; border-bottom: 1px solid #bbb; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; font-size: 10pt; }
th, td { border: 1px solid #888; padding: .25rem .45rem; text-align: left; vertical-align: top;
         overflow-wrap: break-word; hyphens: auto; }
th { background: #e8edf5; }
ul, ol { margin: .3rem 0 .6rem; padding-left: 1.4rem; }
p { margin: .4rem 0; }
.chart { margin: .4rem 0; } .chart svg { max-width: 100%; height: auto; display: block; }
em { color: #444; }
@page { size: A4; margin: 18mm 16mm 20mm; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 10pt; }
  h1, h2 { break-after: avoid; }
  tr, li { break-inside: avoid; }
  thead { display: table-header-group; }
  th { background: #e8edf5 !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
""".strip()


# Mijn plan must stay one A4 sheet: headings closer to their text, in print too
ONE_PAGE_STYLE = STYLE + """
h1 { font-size: 1.4rem; margin-bottom: .4rem; }
h2 { margin: .9rem 0 .3rem; font-size: 1.1rem; }
table { margin: .3rem 0 .4rem; }
@page { margin: 14mm 14mm 14mm; }
""".rstrip()


def _csp(style: str) -> str:
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
    return ("default-src 'none'; "
            f"style-src 'sha256-{digest}'; "
            "img-src 'none'; script-src 'none'; object-src 'none'; "
            "base-uri 'none'; form-action 'none'")


def render_body(markdown_text: str) -> str:
    from markdown_it import MarkdownIt  # lazy: only exports need it

    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.enable("table")
    body: str = parser.render(markdown_text)
    return body


def html_document(markdown_text: str, title: str, style: str = STYLE) -> str:
    return html_page(render_body(markdown_text), title, style)


def html_page(body: str, title: str, style: str = STYLE) -> str:
    """The page around a body that was made safe already (rendered Markdown, escaped SVG)."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_csp(style)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>{style}</style>\n"
        "</head>\n<body>\n<main>\n"
        f"{body}"
        "</main>\n</body>\n</html>\n"
    )
