"""Word boxes of a RapidOCR page, mapped back onto the page at a tenth of RapidOCR's cost.

RapidOCR (``return_word_box=True``) places each word of a text line in the line's upright crop, then maps
every corner back onto the page one point at a time (a numpy array and a matrix product per corner, a
deep copy of every box list, a corner-ordering pass per word): about 0.1 s of CPU on a dense page of 60
lines and a thousand characters, a twentieth of the page. :class:`WordBoxes` does the same mapping with
one matrix product per line and plain list copies. The reader only takes each word's extent (the
smallest and largest x and y of its corners), so the corners are not put in RapidOCR's order. That ordering
can drop a corner of a narrow, skewed word box (two corners on one side of the box's centre), which
narrows RapidOCR's extent of it; here every corner counts. On the scanned samples and real scans the
extents are RapidOCR's own, word for word (``tests/inputs/documents/test_rapid_boxes.py``).
"""

from __future__ import annotations

import math
from typing import Any

import cv2
import numpy as np
from rapidocr.cal_rec_boxes.main import CalRecBoxes, Direction


class WordBoxes(CalRecBoxes):  # type: ignore[misc]
    """RapidOCR's word-box step with the per-corner work done per line."""

    def __call__(self, imgs: list[np.ndarray], dt_boxes: np.ndarray, rec_res: Any,
                 return_single_char_box: bool = False) -> Any:
        """Set ``rec_res.word_results`` to each line's (words, scores, corner lists), as RapidOCR does."""
        word_results = []
        for index, (img, box) in enumerate(zip(imgs, dt_boxes, strict=False)):
            if rec_res.txts is None or img.size == 0 or rec_res.word_results is None:
                continue
            height, width = img.shape[:2]
            crop = np.array([[0, 0], [width, 0], [width, height], [0, height]])
            words, boxes, scores = self.cal_ocr_word_box(rec_res.txts[index], crop, rec_res.word_results[index],
                                                         return_single_char_box)
            apart = self.adjust_box_overlap([[list(point) for point in corners] for corners in boxes])
            on_page = self.reverse_rotate_crop_image(np.array(box, copy=True), apart, self.get_box_direction(box))
            word_results.append(list(zip(words, scores, on_page, strict=False)))
        rec_res.word_results = tuple(word_results)
        return rec_res

    def reverse_rotate_crop_image(self, bbox_points: np.ndarray, word_points_list: list[list[list[float]]],
                                  direction: Direction) -> list[list[list[int]]]:
        """The words' corners on the page: the inverse of the crop's perspective transform, all corners at once."""
        if not word_points_list:
            return []
        left = int(np.min(bbox_points[:, 0]))
        top = int(np.min(bbox_points[:, 1]))
        bbox_points[:, 0] -= left
        bbox_points[:, 1] -= top
        crop_width = int(np.linalg.norm(bbox_points[0] - bbox_points[1]))
        crop_height = int(np.linalg.norm(bbox_points[0] - bbox_points[3]))
        upright = np.array([[0, 0], [crop_width, 0], [crop_width, crop_height], [0, crop_height]], dtype=np.float32)
        _, inverse = cv2.invert(cv2.getPerspectiveTransform(bbox_points, upright))
        points = np.array(word_points_list, dtype=np.float64).reshape(-1, 2)
        if direction == Direction.VERTICAL:
            angle = math.radians(-90)
            x, y = points[:, 0].copy(), points[:, 1].copy()
            points[:, 0] = x * math.cos(angle) + y * math.sin(angle) + crop_width
            points[:, 1] = y * math.cos(angle) - x * math.sin(angle)
        mapped = np.column_stack([points, np.ones(len(points))]) @ inverse.T
        page = mapped[:, :2] / mapped[:, 2:3] + np.array([left, top])
        return page.astype(np.int64).reshape(len(word_points_list), -1, 2).tolist()
