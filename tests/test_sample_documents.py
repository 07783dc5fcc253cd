"""The sample document corpus (samples/documents) and its generator (samples/make_documents.py).

The generator is run into temporary folders: its output must be deterministic and match the
committed ``truth.json``. Each PDF must open, have the stated page count, print the model and
every truth value on the stated page (text-layer PDFs), or carry no text at all (scanned ones).
The truth's ``expect`` marks are recomputed here from limits typed in by hand from the standard.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import time
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

import pdfplumber
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
DOCS = SAMPLES / "documents"
CATEGORIES = [
    "server",
    "storage",
    "desktop",
    "laptop",
    "monitor",
    "switch",
    "firewall",
    "cooling",
    "ups",
    "pdu",
    "generator",
    "cable",
    "motor",
    "compressor",
    "fan",
    "transformer",
    "pump",
]


def _load_generator() -> ModuleType:
    if str(SAMPLES) not in sys.path:  # the script imports its package, samples/documents_gen
        sys.path.insert(0, str(SAMPLES))
    spec = importlib.util.spec_from_file_location("make_documents", SAMPLES / "make_documents.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_documents"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, float]:
    """Run the generator twice into temporary folders; return both folders and the first run's time."""
    gen = _load_generator()
    first = tmp_path_factory.mktemp("docs_a")
    t0 = time.perf_counter()
    gen.generate(first)
    elapsed = time.perf_counter() - t0
    second = tmp_path_factory.mktemp("docs_b")
    gen.generate(second)
    return first, second, elapsed


@pytest.fixture(scope="session")
def truth() -> dict[str, Any]:
    """The committed truth.json."""
    return json.loads((DOCS / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def page_texts(truth: dict[str, Any]) -> dict[str, list[str]]:
    """Text of every page of every committed PDF, NFKC-normalised, whitespace removed."""
    out: dict[str, list[str]] = {}
    for name in truth:
        with pdfplumber.open(DOCS / name) as pdf:
            out[name] = [_squash(p.extract_text() or "") for p in pdf.pages]
    return out


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


# ---- the generator -------------------------------------------------------------------------


@pytest.mark.slow
def test_generator_is_fast_and_deterministic(generated: tuple[Path, Path, float]) -> None:
    first, second, elapsed = generated
    assert elapsed < 60
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


@pytest.mark.slow
def test_committed_truth_is_up_to_date(generated: tuple[Path, Path, float], truth: dict[str, Any]) -> None:
    fresh = json.loads((generated[0] / "truth.json").read_text(encoding="utf-8"))
    assert fresh == truth, "samples/documents is stale: run python samples/make_documents.py"
    assert sorted(p.name for p in DOCS.glob("*.pdf")) == sorted(truth)


# ---- the corpus ----------------------------------------------------------------------------


def test_corpus_coverage(truth: dict[str, Any]) -> None:
    assert 55 <= len(truth) <= 70
    assert sum((DOCS / n).stat().st_size for n in truth) < 15e6
    for cat in CATEGORIES:
        docs = [e for e in truth.values() if e["category"] == cat]
        assert len({e["layout"] for e in docs}) >= 3, cat
        assert {e["language"] for e in docs} == {"zh", "en"}, cat
    assert {e["expected_verdict"] for e in truth.values()} == {"fail", "incomplete"}
    assert max(e["pages"] for e in truth.values()) >= 20
    assert {e["language"] for e in truth.values() if e["scanned"]} == {"zh", "en"}
    layouts = {e["layout"] for e in truth.values()}
    assert {"datasheet_en", "report_zh"} <= layouts and layouts & {"columns_en", "columns_zh"}
    raws = [f["raw"] for e in truth.values() for f in e["fields"].values() if isinstance(f["raw"], str)]
    assert any("％" in r or "９" in r for r in raws), "full-width digits"
    assert any(re.fullmatch(r"\d+,\d kg/kWh|\d+,\d+ dB\(A\)|0,\d+ kg/kWh|\d{2,3},\d", r) for r in raws), "decimal comma"
    assert any(
        re.fullmatch(r"0\.9\d\d", r)
        for e in truth.values()
        for k, f in e["fields"].items()
        if k.startswith("psu_efficiency")
        for r in [f["raw"]]
    ), "fraction"
    assert any(re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)? ?\w*", r) for r in raws), "thousands separator"


def test_units_are_canonical(truth: dict[str, Any]) -> None:
    spec = yaml.safe_load((ROOT / "catalogs" / "fields.yaml").read_text(encoding="utf-8"))["fields"]
    for name, e in truth.items():
        assert e["category"] in CATEGORIES
        for fid, f in e["fields"].items():
            if fid.startswith("pah_"):
                assert f["unit"] == "mg/kg"
                continue
            s = spec[fid]
            assert f["unit"] == (s.get("unit") if s["kind"] == "quantity" else None), (name, fid)
            value = f["value"]
            if s["kind"] == "quantity" and isinstance(value, int | float) and not isinstance(value, bool):
                lo, hi = s["range"]
                # float(): PyYAML reads exponents without a sign (1.0e9) as strings
                assert float(lo) <= value <= float(hi), (name, fid, value)


# ---- the PDFs ------------------------------------------------------------------------------


def test_pdfs_open_with_stated_page_count(truth: dict[str, Any]) -> None:
    for name, e in truth.items():
        with pdfplumber.open(DOCS / name) as pdf:
            assert len(pdf.pages) == e["pages"], name


@pytest.mark.slow
def test_text_layer_holds_model_and_values_on_stated_page(
    truth: dict[str, Any], page_texts: dict[str, list[str]]
) -> None:
    for name, e in truth.items():
        if e["scanned"]:
            continue
        texts = page_texts[name]
        assert _squash(e["model"]) in texts[e["fields"]["model"]["page"] - 1], name
        for fid, f in e["fields"].items():
            assert 1 <= f["page"] <= e["pages"]
            assert _squash(str(f["raw"])) in texts[f["page"] - 1], (name, fid, f["raw"])


def test_scanned_pdfs_have_no_text_layer(truth: dict[str, Any]) -> None:
    scanned = [n for n, e in truth.items() if e["scanned"]]
    assert scanned
    for name in scanned:
        with pdfplumber.open(DOCS / name) as pdf:
            for page in pdf.pages:
                assert not page.chars, name
                assert page.images, name


# ---- the expectations, recomputed by hand --------------------------------------------------

# (op, limit) per field; category-specific tables first. From the standard's tables 2-7 and 6.1.
SERVER: dict[str, tuple[str, float]] = {
    "recyclability": (">=", 80),
    "psu_efficiency_20": (">=", 90),
    "psu_efficiency_50": (">=", 94),
    "psu_efficiency_100": (">=", 91),
    "psu_power_factor_20": (">=", 0.95),
    "psu_power_factor_50": (">=", 0.95),
    "psu_power_factor_100": (">=", 0.95),
}
PC: dict[str, tuple[str, float]] = {
    "recyclability": (">=", 80),
    "recycled_plastic_share": (">=", 2),
    "bap": ("<=", 20),
    "pah15_sum": ("<=", 50),
    "energy_grade": ("<=", 2),
    "backlight_hg": ("<", 3),
}
LIMITS: dict[str, dict[str, tuple[str, float]]] = {
    "server": SERVER,
    "storage": SERVER,
    "desktop": {**PC, "noise_idle": ("<=", 40), "noise_work": ("<=", 45)},
    "laptop": {**PC, "noise_idle": ("<=", 35), "noise_work": ("<=", 40)},
    "monitor": PC,
    "firewall": {
        "psu_efficiency_20": (">=", 85),
        "psu_efficiency_50": (">=", 89),
        "psu_efficiency_100": (">=", 85),
        "psu_power_factor_50": (">=", 0.90),
    },
    "cooling": {"energy_grade": ("<=", 1), "odp": ("==", 0)},
    "ups": {"energy_grade": ("<=", 1)},
    "motor": {"energy_grade": ("<=", 1)},
    "compressor": {"energy_grade": ("<=", 1)},
    "fan": {"energy_grade": ("<=", 2)},
    "transformer": {"energy_grade": ("<=", 1)},
    "pump": {"energy_grade": ("<=", 1)},
    "pdu": {"outlet_power": ("<=", 0.5)},
    "cable": {"cable_fluorine": ("<=", 0.1), "smoke_transmittance": (">=", 60)},
}
COMMON: dict[str, tuple[str, float]] = {
    "pb": ("<=", 1000),
    "hg": ("<=", 1000),
    "cd": ("<=", 100),
    "cr6": ("<=", 1000),
    "battery_hg": ("<=", 1),
    "battery_cd": ("<=", 20),
    "battery_pb": ("<=", 40),
}


def _limit(entry: dict[str, Any], fid: str) -> tuple[str, float] | None:
    cat, fields = entry["category"], entry["fields"]
    if fid in COMMON:
        return COMMON[fid]
    if cat == "switch":
        single = fields["psu_type"]["value"] == "single"
        table = {
            "psu_efficiency_20": 88 if single else 85,
            "psu_efficiency_50": 92 if single else 89,
            "psu_efficiency_100": 88 if single else 85,
            "psu_power_factor_50": 0.90,
        }
        if fid in table:
            return ">=", table[fid]
    if fid == "noise_lwad":
        dep = fields.get("deployment", {}).get("value")
        return "<=", 8.1 if dep == "unattended" or fields[fid]["value"] > 8.1 else 7.6
    if cat == "generator" and fid == "fuel_rate":
        p = fields["rated_power"]["value"]
        bands = [(120, None), (250, 243), (600, 234), (1250, 225), (float("inf"), 216)]
        lim = next(lim for top, lim in bands if p <= top)
        return None if lim is None else ("<=", lim)
    if cat == "generator" and fid == "noise_max":
        return "<=", 105 if fields["rated_power"]["value"] <= 250 else 110
    return LIMITS.get(cat, {}).get(fid)


def _holds(op: str, x: float, lim: float) -> bool:
    return {">=": x >= lim, "<=": x <= lim, "<": x < lim, "==": x == lim}[op]


def test_per_field_expectations(truth: dict[str, Any]) -> None:
    checked = 0
    for name, e in truth.items():
        for fid, f in e["fields"].items():
            lim = _limit(e, fid)
            if lim is None or fid.startswith("pah_"):
                assert "expect" not in f or fid.startswith("pah_"), (name, fid)
                continue
            value = f["value"]
            x = 0.0 if isinstance(value, str) and (value == "ND" or value.startswith("<")) else float(value)
            assert f["expect"] == ("pass" if _holds(lim[0], x, lim[1]) else "fail"), (name, fid, value, lim)
            checked += 1
    assert checked > 200


def test_derived_values(truth: dict[str, Any]) -> None:
    for name, e in truth.items():
        f = {k: v["value"] for k, v in e["fields"].items()}
        d = e["derived"]
        if "teer" in d:
            pw = 0.1 * f["power_u1"] + 0.8 * f["power_u2"] + 0.1 * f["power_u3"]
            teer = f["max_throughput"] / pw
            assert d["teer"]["value"] == pytest.approx(teer, abs=0.1), name
            assert d["teer"]["expect"] == ("pass" if teer >= 300 else "fail"), name
        if "volume" in d:
            t = f["fw_throughput"]
            tiers = [(40, 36, 5), (30, 18, 6), (20, 18, 16), (10, 12, 23), (1, 12, 25), (-1, 10, 65)]
            vlim, wlim = next((v, w) for above, v, w in tiers if t > above)
            vol = f["length"] * f["height"] * f["depth"] / 1e6
            assert d["volume"]["value"] == pytest.approx(vol, abs=0.02), name
            assert d["volume"]["expect"] == ("pass" if vol <= vlim else "fail"), name
            ppt = f["fw_power"] / t
            assert d["power_per_throughput"]["expect"] == ("pass" if ppt <= wlim else "fail"), name
        if "outlet_power" in d:
            per = f["pdu_power"] / f["outlet_count"]
            assert d["outlet_power"]["value"] == pytest.approx(per, abs=1e-3)
            assert d["outlet_power"]["expect"] == ("pass" if per <= 0.5 else "fail"), name
        if "noise_max" in d:
            m = max(f["noise_front"], f["noise_back"], f["noise_left"], f["noise_right"])
            assert d["noise_max"]["value"] == m
        if "fuel_rate" in d:
            lo, hi = (f["fuel_flow_100"] * rho * 1000 / f["rated_power"] for rho in (0.82, 0.86))
            assert d["fuel_rate"]["low"] == pytest.approx(lo, abs=0.1)
            assert d["fuel_rate"]["high"] == pytest.approx(hi, abs=0.1)
        if "pah15_sum" in d:
            pahs = [v for k, v in f.items() if k.startswith("pah_")]
            assert len(pahs) == 15
            total = sum(0.0 if isinstance(v, str) else v for v in pahs)
            assert d["pah15_sum"]["value"] == pytest.approx(total, abs=0.01)


def test_expected_verdicts(truth: dict[str, Any]) -> None:
    for name, e in truth.items():
        fails = [f for f in e["fields"].values() if f.get("expect") == "fail"]
        fails += [d for d in e["derived"].values() if d["expect"] == "fail"]
        assert e["expected_verdict"] == ("fail" if fails else "incomplete"), name
        assert sorted({x["clause"] for x in fails}) == e["failing_clauses"], name
