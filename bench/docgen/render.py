"""Production paths: reportlab, HTML printed by headless Chromium, and a scanned (degraded) copy."""

from __future__ import annotations

import html
import io
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

from docgen.layouts import Doc

CHROMIUM = "/usr/bin/chromium"
_CJK = "STSong-Light"


def chromium_available() -> bool:
    """True when the headless browser used to print HTML is installed."""
    return Path(CHROMIUM).exists() or shutil.which("chromium") is not None


def reportlab_pdf(doc: Doc, path: Path, rng: random.Random) -> None:
    """Print ``doc`` with reportlab platypus (tables with a grid or horizontal rules only)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont(_CJK))
    size = rng.choice([8.5, 9.5, 10.5])
    body = ParagraphStyle("b", fontName=_CJK, fontSize=size, leading=size * 1.4)
    title = ParagraphStyle("t", fontName=_CJK, fontSize=16, leading=22, alignment=1)
    rules_only = rng.random() < 0.4
    story: list = []
    for block in doc.blocks:
        kind = block[0]
        if kind == "title":
            story += [Paragraph(html.escape(block[1]), title), Spacer(1, 10)]
        elif kind == "para":
            story += [Paragraph(html.escape(block[1]), body), Spacer(1, 6)]
        elif kind == "page":
            story.append(PageBreak())
        elif kind == "kv":
            sep = rng.choice([": ", "：", " : "])
            story += [Paragraph(html.escape(f"{k}{sep}{v}"), body) for k, v in block[1]] + [Spacer(1, 6)]
        elif kind in ("table", "kvtable"):
            data = [list(r) for r in block[1]] if kind == "kvtable" else [block[1]] + block[2]
            cells = [[Paragraph(html.escape(str(c)), body) for c in row] for row in data]
            table = Table(cells, repeatRows=0 if kind == "kvtable" else 1)
            style = [("FONTNAME", (0, 0), (-1, -1), _CJK), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
            if rules_only:
                style += [
                    ("LINEABOVE", (0, 0), (-1, 0), 1, colors.black),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
                    ("LINEBELOW", (0, -1), (-1, -1), 1, colors.black),
                ]
            else:
                style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
            table.setStyle(TableStyle(style))
            story += [table, Spacer(1, 10)]

    def running(canvas, _doc) -> None:
        canvas.saveState()
        canvas.setFont(_CJK, 7.5)
        canvas.drawString(40, pagesize[1] - 28, doc.running)
        canvas.drawRightString(
            pagesize[0] - 40,
            24,
            f"{'第' if doc.lang == 'zh' else 'Page '}{canvas.getPageNumber()}" + ("页" if doc.lang == "zh" else ""),
        )
        canvas.restoreState()

    pagesize = rng.choice([A4, LETTER])
    SimpleDocTemplate(str(path), pagesize=pagesize, topMargin=50, bottomMargin=45).build(
        story, onFirstPage=running, onLaterPages=running
    )


def _html(doc: Doc, rng: random.Random) -> str:
    font = rng.choice(["Noto Sans CJK SC", "Noto Serif CJK SC"])
    columns = "column-count: 2; column-gap: 24px;" if doc.family == "brochure" and rng.random() < 0.5 else ""
    parts = [
        f"<html><head><meta charset='utf-8'><style>body{{font-family:'{font}';font-size:{rng.choice([11, 12, 13])}px}}"
        "table{border-collapse:collapse;margin:8px 0} td,th{padding:3px 8px;text-align:left}"
        + ("td,th{border:1px solid #444}" if rng.random() < 0.6 else "tr{border-bottom:1px solid #888}")
        + f".flow{{{columns}}} .run{{color:#555;font-size:9px}}</style></head><body>",
        f"<div class='run'>{html.escape(doc.running)}</div>",
    ]
    for block in doc.blocks:
        kind = block[0]
        if kind == "title":
            parts.append(f"<h2>{html.escape(block[1])}</h2>")
        elif kind == "para":
            parts.append(f"<div class='flow'><p>{html.escape(block[1])}</p></div>")
        elif kind == "page":
            parts.append(
                f"<div style='page-break-after:always'></div><div class='run'>{html.escape(doc.running)}</div>"
            )
        elif kind == "kv":
            sep = rng.choice([": ", "："])
            parts += [f"<div>{html.escape(k)}{sep}{html.escape(v)}</div>" for k, v in block[1]]
        elif kind == "kvtable":
            parts.append(
                "<table>"
                + "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in block[1])
                + "</table>"
            )
        elif kind == "table":
            head = "".join(f"<th>{html.escape(c)}</th>" for c in block[1])
            body = "".join(
                "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in block[2]
            )
            parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    return "".join(parts) + "</body></html>"


def chromium_pdf(doc: Doc, path: Path, rng: random.Random) -> None:
    """Print ``doc`` as HTML through headless Chromium (embedded CJK fonts, as web-made sheets are)."""
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "doc.html"
        page.write_text(_html(doc, rng), encoding="utf-8")
        subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--user-data-dir={tmp}/profile",
                f"--print-to-pdf={path}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def scan(path: Path, rng: random.Random) -> None:
    """Replace ``path`` by a scanned copy: every page rasterised, tilted, blurred, noised, JPEG-compressed."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    document = pdfium.PdfDocument(str(path))
    dpi = rng.choice([150, 200, 300])
    images = []
    for page in document:
        image = page.render(scale=dpi / 72).to_pil().convert("L")
        image = image.rotate(rng.uniform(-0.8, 0.8), expand=False, fillcolor=255, resample=Image.BICUBIC)
        image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.2, 0.9)))
        noise = Image.effect_noise(image.size, rng.uniform(4, 14))
        image = Image.blend(image, noise, 0.06)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=rng.choice([45, 60, 75]))
        images.append(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))
    document.close()
    images[0].save(path, "PDF", resolution=float(dpi), save_all=True, append_images=images[1:])


def turn(path: Path, rng: random.Random) -> int:
    """Store every page of ``path`` turned by one /Rotate (90, 180 or 270 degrees, drawn from ``rng``) with
    its content drawn turned back, so a viewer shows the same pages (a landscape table stored on a
    portrait page, a scan stored sideways). Returns the rotation."""
    import pypdfium2 as pdfium

    rotation = rng.choice([90, 180, 270])
    source = pdfium.PdfDocument(str(path))
    turned = pdfium.PdfDocument.new()
    for index in range(len(source)):
        width, height = source[index].get_size()
        placed = source.page_as_xobject(index, turned).as_pageobject()
        # shown (X, Y) = the original page; stored (x, y) turned back so /Rotate (clockwise) shows it upright
        a, b, c, d, e, f, size = {90: (0, 1, -1, 0, height, 0, (height, width)),
                                  180: (-1, 0, 0, -1, width, height, (width, height)),
                                  270: (0, -1, 1, 0, 0, width, (height, width))}[rotation]
        placed.transform(pdfium.PdfMatrix(a, b, c, d, e, f))
        page = turned.new_page(*size)
        page.insert_obj(placed)
        page.gen_content()
        page.set_rotation(rotation)
    source.close()
    turned.save(str(path))
    turned.close()
    return rotation
