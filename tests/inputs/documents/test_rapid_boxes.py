"""RapidOCR's word boxes mapped onto the page by :class:`WordBoxes`: the extents RapidOCR's own code gives."""

from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest

pytest.importorskip("rapidocr")

from rapidocr.cal_rec_boxes.main import CalRecBoxes, Direction

from checker.inputs.documents import ocr
from checker.inputs.documents.rapid_boxes import WordBoxes

SAMPLES = Path(__file__).resolve().parents[3] / "samples" / "documents"


def _extents(corners: list[list[float]]) -> tuple[float, float, float, float]:
    xs = [point[0] for point in corners]
    ys = [point[1] for point in corners]
    return min(xs), max(xs), min(ys), max(ys)


def _line(rng: np.random.Generator, direction: Direction) -> tuple[np.ndarray, list[list[list[float]]]]:
    """A text line's box on the page (a slightly skewed quadrilateral) and word boxes inside its crop."""
    left, top = rng.uniform(0, 1500, 2)
    width, height = (rng.uniform(40, 900), rng.uniform(20, 60))
    if direction == Direction.VERTICAL:
        width, height = height, width * 2
    skew = rng.uniform(-4, 4, (4, 2))
    box = np.array([[left, top], [left + width, top], [left + width, top + height], [left, top + height]]) + skew
    crop_w, crop_h = (height, width) if direction == Direction.VERTICAL else (width, height)
    cuts = np.sort(rng.uniform(0, crop_w, 2 * int(rng.integers(1, 6))))
    words = [[[float(a), 0.0], [float(b), 0.0], [float(b), float(crop_h)], [float(a), float(crop_h)]]
             for a, b in zip(cuts[::2], cuts[1::2], strict=True)]
    return box.astype(np.float32), words


@pytest.mark.parametrize("direction", [Direction.HORIZONTAL, Direction.VERTICAL])
@pytest.mark.parametrize("seed", range(40))
def test_corners_land_where_rapidocr_puts_them(seed: int, direction: Direction, monkeypatch: pytest.MonkeyPatch
                                              ) -> None:
    """Every corner where RapidOCR maps it; RapidOCR's corner ordering, which can drop a corner of a narrow
    skewed box and so narrow its extent, is not applied: the extent holds RapidOCR's."""
    box, words = _line(np.random.default_rng(seed), direction)
    ordered = CalRecBoxes().reverse_rotate_crop_image(box.copy(), copy.deepcopy(words), direction)
    monkeypatch.setattr(CalRecBoxes, "order_points", staticmethod(lambda corners: corners))
    theirs = CalRecBoxes().reverse_rotate_crop_image(box.copy(), copy.deepcopy(words), direction)
    ours = WordBoxes().reverse_rotate_crop_image(box.copy(), copy.deepcopy(words), direction)
    assert [_extents(c) for c in ours] == [_extents(c) for c in theirs]
    for mine, rapid in zip(ours, ordered, strict=True):
        (x0, x1, y0, y1), (rx0, rx1, ry0, ry1) = _extents(mine), _extents(rapid)
        assert x0 <= rx0 and x1 >= rx1 and y0 <= ry0 and y1 >= ry1


def test_no_words_no_boxes() -> None:
    box, _ = _line(np.random.default_rng(1), Direction.HORIZONTAL)
    assert WordBoxes().reverse_rotate_crop_image(box, [], Direction.HORIZONTAL) == []


def test_a_scanned_page_reads_the_same_words_in_the_same_places() -> None:
    engine = ocr.rapid_engine()
    assert engine is not None and isinstance(engine.cal_rec_boxes, WordBoxes)
    document = pdfium.PdfDocument(str(SAMPLES / "pdu-rp36-kv-scan.pdf"))
    try:
        image = np.asarray(document[0].render(scale=200 / 72, grayscale=True).to_pil().convert("RGB"))
    finally:
        document.close()
    read = {}
    for name, boxes in (("ours", WordBoxes()), ("theirs", CalRecBoxes())):
        engine.cal_rec_boxes = boxes
        try:
            result = engine(image, use_det=True, use_cls=False, use_rec=True, return_word_box=True)
        finally:
            engine.cal_rec_boxes = WordBoxes()
        read[name] = [[(text, _extents(corners)) for text, _, corners in line] for line in result.word_results]
    assert sum(len(line) for line in read["ours"]) > 50
    assert read["ours"] == read["theirs"]
