"""OCR of scanned pages: pypdfium2 renders the page; RapidOCR reads it, Tesseract as fallback.

RapidOCR (``rapidocr`` 3.x, PP-OCRv6 detection and recognition) is used when it is installed: its
models ship inside the wheel and are given by path, so nothing is ever downloaded (a missing model
file is an error, never a fetch). It runs on OpenVINO when that is installed (it reads the same
onnx files), else on onnxruntime; a backend that cannot load the models is found when the engine
starts and the next one is used. One thread, the page rendered at 200 dpi, the detector limited
to 1280 px on the long side (1152 saves 0.1 s a page but lost verdicts in ``bench_reader``). The
recogniser, four fifths of the time, costs in proportion to the width of every text line scaled
to 48 px high. On OpenVINO a page costs about 0.7 s of CPU (onnxruntime: 1.2 s), 2.1 s on the
two dense real scans (3.4 s), in ``bench/bench_ocr.py`` on an AMD EPYC with AVX-512 BF16, medians
of three runs. The saving is OpenVINO's bf16 arithmetic, its default on a CPU with native bf16
(AVX-512 BF16 or AMX): forced to f32 it costs what onnxruntime does, so a CPU without bf16 reads
at about onnxruntime's speed. bf16 reads a little differently (on two 200-document
``bench_reader`` seeds, 3 verdict misses against onnxruntime's 4, one field each, no false
pass; "throughputt" once, "削減" right where onnxruntime read "削减"). Batches of 3 lines:
each new input width costs OpenVINO about 10 ms of preparation and a batch of 6 pads its shorter
lines to the longest (batch 3 saves 10 % of the page); one line at a time, widths padded to a
multiple of 64 px, saved another 0.1 s but lost verdicts. onnxruntime keeps its memory arena on:
the recogniser's input changes width with every batch, and without the arena each run allocates
afresh (about 12 % of the CPU). RapidOCR's text boxes become glyphs with the box score as
confidence; it is confident even when wrong, so its numbers go through the same plausibility
checks and doubt as any other reading.

Tesseract (the fallback) sees the page at 300 dpi after its ruled lines are removed
(:mod:`checker.inputs.documents.ruled_lines`); it is called through subprocess (TSV output, eng+chi_sim when
installed) with a timeout and ``OMP_THREAD_LIMIT=1``. Either way the words become
:class:`~checker.inputs.documents.text.Row` objects marked ``ocr=True``.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import logging
import os
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from checker.inputs.documents.text import Glyph, Row, rows_from_glyphs

log = logging.getLogger(__name__)

# Tesseract page segmentation: 6 = one uniform block of text. With the rules removed it keeps a
# table row on one line (3, automatic, split "1级 | 1级 | 合格" into fragments on the sample scans).
_PAGE_SEGMENTATION = "6"

_RAPID_DPI = 200
_RAPID_DETECT_SIDE = 1280
_RAPID_REC_BATCH = 3
# One thread each; onnxruntime's memory arena on (see the module docstring).
_RAPID_BACKEND: dict[str, dict[str, Any]] = {
    "openvino": {"EngineConfig.openvino.inference_num_threads": 1},
    "onnxruntime": {"EngineConfig.onnxruntime.intra_op_num_threads": 1,
                    "EngineConfig.onnxruntime.inter_op_num_threads": 1,
                    "EngineConfig.onnxruntime.enable_cpu_mem_arena": True}}
_RAPID_MODELS = {"Det.model_path": "PP-OCRv6_det_small.onnx", "Rec.model_path": "PP-OCRv6_rec_small.onnx",
                 "Cls.model_path": "ch_ppocr_mobile_v2.0_cls_mobile.onnx"}

MISSING_MESSAGE = ("scanned PDF needs OCR: neither RapidOCR (pip install rapidocr onnxruntime) nor Tesseract "
                   "(apt-get install tesseract-ocr tesseract-ocr-chi-sim) is installed")


def ocr_available() -> bool:
    """True when a scanned page can be read: RapidOCR (the first choice) or Tesseract is installed."""
    return rapid_engine() is not None or tesseract_path() is not None


@lru_cache(maxsize=1)
def tesseract_path() -> str | None:
    """Path of the tesseract binary, or None when it is not installed."""
    return shutil.which("tesseract")


@lru_cache(maxsize=1)
def languages() -> str:
    """The tesseract language string: eng plus chi_sim when that model is installed."""
    exe = tesseract_path()
    if exe is None:
        return "eng"
    try:
        done = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "eng"
    installed = set(done.stdout.split())
    return "eng+chi_sim" if "chi_sim" in installed else "eng"


@lru_cache(maxsize=1)
def rapid_engine() -> Any | None:
    """The RapidOCR engine on the models inside its wheel, or None when it is not installed: on
    OpenVINO when that is installed and starts, else on onnxruntime."""
    try:
        import rapidocr
    except ImportError:
        return None
    models = Path(rapidocr.__file__).parent / "models"
    for backend in rapid_backends():
        params = rapid_params(models, backend)
        if params is None:
            return None
        try:
            engine = _started(rapidocr.RapidOCR(params=params))
            _KEPT.append(engine)
            return engine
        except Exception:  # a broken install falls back to the next backend, then to Tesseract
            log.warning("RapidOCR could not start on %s", backend, exc_info=True)
    return None


# Every engine started, kept for the life of the process. OpenVINO's CPU plugin gives the thread that compiles a
# model an alternate signal stack of its own and puts the previous one back when the model goes; the detector's
# and the recogniser's models dropped in another order than they were made leave a freed stack in place, and the
# next signal (the document time limit's SIGALRM) crashes the process. In use there is one engine a process; a
# test that builds one afresh must not drop the one before.
_KEPT: list[Any] = []


def rapid_backends() -> list[str]:
    """The inference backends installed for RapidOCR, the faster first."""
    return [name for name in ("openvino", "onnxruntime") if importlib.util.find_spec(name) is not None]


def _started(engine: Any) -> Any:
    """``engine`` with its detector and recogniser loaded (RapidOCR loads them on first use), so a
    backend that cannot run them fails here rather than on the first page. RapidOCR keeps the steps
    chosen by a call for the calls after it: :func:`rapid_rows` names them every time. Its word boxes are
    mapped onto the page by :class:`~checker.inputs.documents.rapid_boxes.WordBoxes`."""
    import numpy as np

    from checker.inputs.documents.rapid_boxes import WordBoxes

    engine.cal_rec_boxes = WordBoxes()
    blank = np.full((48, 96, 3), 255, dtype=np.uint8)
    engine(blank, use_det=True, use_cls=False, use_rec=False)
    engine(blank, use_det=False, use_cls=False, use_rec=True)
    return engine


def rapid_params(models: Path, backend: str = "openvino") -> dict[str, Any] | None:
    """RapidOCR's settings: the models in ``models`` (None when one is missing), the ``backend``
    (``openvino`` or ``onnxruntime``) on one thread, no angle classifier (pages are rendered
    upright), the detector's limit, the recogniser's batch."""
    from rapidocr import EngineType

    params: dict[str, Any] = {name: str(models / file) for name, file in _RAPID_MODELS.items()}
    if not all(Path(path).is_file() for path in params.values()):
        log.warning("RapidOCR installed without its models in %s: using Tesseract", models)
        return None
    engine_type = EngineType(backend)
    return params | _RAPID_BACKEND[backend] | {
        "Global.log_level": "error", "Global.use_cls": False, "Det.limit_type": "max",
        "Det.limit_side_len": _RAPID_DETECT_SIDE, "Rec.rec_batch_num": _RAPID_REC_BATCH,
        "Det.engine_type": engine_type, "Rec.engine_type": engine_type, "Cls.engine_type": engine_type}


def rapid_rows(document: pdfium.PdfDocument, index: int, engine: Any) -> list[Row]:
    """Read page ``index`` with RapidOCR into rows.

    The glyphs are RapidOCR's word boxes (a character for CJK, a word otherwise) with their
    scores as confidence, so a table's serial number and label fall in separate cells; words of
    one text line keep the spaces RapidOCR read between them.
    """
    import numpy as np

    page = document[index]
    try:
        image = page.render(scale=_RAPID_DPI / 72.0, grayscale=True).to_pil().convert("RGB")
    finally:
        page.close()
    # the steps are named on every call: RapidOCR keeps the last call's choice (see _started)
    result = engine(np.asarray(image), use_det=True, use_cls=False, use_rec=True, return_word_box=True)
    glyphs: list[Glyph] = []
    for line, words in zip(result.txts or (), result.word_results or (), strict=False):
        at = 0
        for text, score, box in words:
            found = str(line).find(str(text), at)
            spaced = found > 0 and str(line)[found - 1].isspace()
            at = found + len(str(text)) if found >= 0 else at
            xs = [float(point[0]) for point in box]
            ys = [float(point[1]) for point in box]
            glyphs.append(Glyph(str(text), min(xs), max(xs), min(ys), max(ys), space_before=spaced,
                                confidence=float(score) * 100.0))
    return rows_from_glyphs(glyphs, index + 1, ocr=True, cell_gap=1.6)


def ocr_page(document: pdfium.PdfDocument, index: int, *, dpi: int = 300, timeout: float = 120.0) -> list[Row]:
    """Read page ``index`` (0-based) into rows: RapidOCR when installed, else tesseract at ``dpi``.

    Raises RuntimeError when neither can read the page (tesseract missing, failing or timing out).
    """
    engine = rapid_engine()
    if engine is not None:
        try:
            return rapid_rows(document, index, engine)
        except Exception as exc:  # noqa: BLE001 - fall back to tesseract on a page RapidOCR cannot read
            log.warning("RapidOCR failed on page %d (%s): trying Tesseract", index + 1, type(exc).__name__)
    return tesseract_rows(document, index, dpi=dpi, timeout=timeout)


def tesseract_rows(document: pdfium.PdfDocument, index: int, *, dpi: int = 300, timeout: float = 120.0) -> list[Row]:
    """Render page ``index`` (0-based) at ``dpi`` and read it with tesseract into rows.

    Raises RuntimeError when tesseract is missing, fails or times out.
    """
    exe = tesseract_path()
    if exe is None:
        raise RuntimeError(MISSING_MESSAGE)
    page = document[index]
    try:
        bitmap = page.render(scale=dpi / 72.0, grayscale=True)
        from checker.inputs.documents.ruled_lines import remove_rules  # here: only a scan needs Pillow

        image = remove_rules(bitmap.to_pil(), dpi)
    finally:
        page.close()
    with tempfile.TemporaryDirectory(prefix="gdc-ocr-") as tmp:
        png = Path(tmp) / "page.png"
        image.save(png)
        try:
            done = subprocess.run([exe, str(png), "stdout", "-l", languages(), "--psm", _PAGE_SEGMENTATION, "tsv"],
                                  capture_output=True, text=True, timeout=timeout, check=False,
                                  env={**os.environ, "OMP_THREAD_LIMIT": "1"})  # one thread: half the CPU
        except subprocess.TimeoutExpired as exc:
            raise RuntimeError(f"tesseract timed out after {timeout:.0f} s on page {index + 1}") from exc
    if done.returncode != 0:
        raise RuntimeError(f"tesseract failed on page {index + 1}: {done.stderr.strip()[:200]}")
    return rows_from_tsv(done.stdout, index + 1)


def rows_from_tsv(tsv: str, page: int) -> list[Row]:
    """Turn tesseract TSV output into rows: the words of one tesseract line form one row (a
    skewed scan keeps its lines), split into cells where the gap between words is wide."""
    lines: dict[tuple[str, str, str], list[Glyph]] = {}
    reader = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    for rec in reader:
        text = (rec.get("text") or "").strip()
        if not text or rec.get("level") != "5":
            continue
        try:
            left, top = float(rec["left"]), float(rec["top"])
            width, height = float(rec["width"]), float(rec["height"])
            confidence = float(rec.get("conf") or 0.0)
        except (KeyError, TypeError, ValueError):
            continue
        key = (rec.get("block_num") or "", rec.get("par_num") or "", rec.get("line_num") or "")
        lines.setdefault(key, []).append(Glyph(text, left, left + width, top, top + height, confidence=confidence))
    glyphs: list[Glyph] = []
    for words in lines.values():
        tops = sorted(g.top for g in words)
        bottoms = sorted(g.bottom for g in words)
        top, bottom = tops[len(tops) // 2], bottoms[len(bottoms) // 2]
        glyphs.extend(Glyph(g.text, g.x0, g.x1, top, bottom, confidence=g.confidence) for g in words)
    return rows_from_glyphs(glyphs, page, ocr=True, cell_gap=1.6)
