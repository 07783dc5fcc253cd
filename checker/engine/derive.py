"""Derived quantities, computed on whole columns with the calculators (one code path for any
number of rows). A value the documents declare is kept; where it disagrees with the value
computed from its inputs, the field gets an issue (manual_review) naming both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import cast

import numpy as np
import numpy.typing as npt
import pandas as pd

from checker.catalog.clauses import Catalog
from checker.catalog.fields import pah_field
from checker.engine import formulas as calc
from checker.engine.frame import HI, ISSUE, LO, ND, NOTE, RL
from checker.engine.grade_frame import grade_inputs, work_out_grades
from checker.engine.refrigerants import odp_of

GAP = "__gap"
NOISE_DIRECTIONS = ("noise_front", "noise_back", "noise_left", "noise_right")

Floats = npt.NDArray[np.float64]


Derive = Callable[[pd.DataFrame, Catalog, date], None]
Inputs = Callable[[Catalog], list[str]]


@dataclass(frozen=True)
class Derivation:
    """One derived field: the fields it is computed from (its evidence is theirs) and how."""

    name: str
    inputs: Inputs
    compute: Derive


DERIVATIONS: dict[str, Derivation] = {}  # in the order they run (a PAH sum before the grades, and so on)


def derivation(name: str, inputs: list[str] | Inputs) -> Callable[[Derive], Derive]:
    """Register ``compute`` as the way to derive ``name`` from ``inputs`` (a list, or a function of the
    catalog for input lists the catalog defines: the 15 PAHs, the grade tables' measurements)."""
    listed = inputs if callable(inputs) else (lambda _catalog, fixed=tuple(inputs): list(fixed))

    def register(compute: Derive) -> Derive:
        DERIVATIONS[name] = Derivation(name, listed, compute)
        return compute
    return register


def derived_inputs(catalog: Catalog) -> dict[str, list[str]]:
    """Which fields each derived field is computed from (its evidence is theirs)."""
    return {name: item.inputs(catalog) for name, item in DERIVATIONS.items()}


def column(frame: pd.DataFrame, name: str) -> Floats:
    """A float column, all NaN when absent; a value with an issue counts as absent."""
    if name not in frame:
        return np.full(len(frame), np.nan)
    values = frame[name].to_numpy(dtype=float, na_value=np.nan)
    if name + ISSUE in frame:
        values = np.where(frame[name + ISSUE].isna().to_numpy(), values, np.nan)
    return values


def text_column(frame: pd.DataFrame, name: str, default: str = "") -> pd.Series:
    """A text column with a default for absent values."""
    if name not in frame:
        return pd.Series([default] * len(frame), index=frame.index, dtype=object)
    return frame[name].astype(object).where(frame[name].notna(), default)


def merge(frame: pd.DataFrame, name: str, computed: Floats, tolerance: float) -> None:
    """Fill ``name`` from ``computed`` where undeclared; flag a declared value that disagrees."""
    if name not in frame and np.isnan(computed).all():
        return  # nothing declared, nothing computed: an absent column reads as all-missing everywhere
    declared = column(frame, name) if name in frame else np.full(len(frame), np.nan)
    has_issue = frame[name + ISSUE].notna().to_numpy() if name + ISSUE in frame else np.zeros(len(frame), bool)
    both = ~np.isnan(declared) & ~np.isnan(computed)
    with np.errstate(divide="ignore", invalid="ignore"):
        differs = both & (np.abs(declared - computed) > tolerance * np.maximum(np.abs(computed), 1e-12))
    fill = np.isnan(declared) & ~np.isnan(computed) & ~has_issue
    frame[name] = np.where(fill, computed, declared)
    if differs.any():
        issues = frame[name + ISSUE] if name + ISSUE in frame else pd.Series([None] * len(frame), dtype=object)
        text = [f"declared {d:.6g} differs from {c:.6g} computed from its inputs" for d, c in
                zip(declared[differs], computed[differs], strict=True)]
        issues = issues.astype(object)
        issues.iloc[np.flatnonzero(differs)] = text
        frame[name + ISSUE] = issues.to_numpy()


def set_text(frame: pd.DataFrame, name: str, mask: npt.NDArray[np.bool_], texts: list[str] | str) -> None:
    """Write text into a side column (NOTE, GAP, ISSUE) on the rows of ``mask``."""
    if not mask.any():
        return
    current = frame[name] if name in frame else pd.Series([None] * len(frame), index=frame.index, dtype=object)
    current = current.astype(object).copy()
    current.iloc[np.flatnonzero(mask)] = texts if isinstance(texts, list) else [texts] * int(mask.sum())
    frame[name] = current.to_numpy()


def derive_all(frame: pd.DataFrame, catalog: Catalog, as_of: date | None = None) -> pd.DataFrame:
    """Add every derived quantity the clauses read; returns the same frame, extended.

    ``as_of`` picks the edition of a grade table in force (default today).
    """
    apply_category_defaults(frame, catalog)
    when = as_of or date.today()
    for item in DERIVATIONS.values():
        item.compute(frame, catalog, when)
        _defragment(frame)
    for name in DERIVATIONS:
        _implausible_derived(frame, catalog, name)
        _unusable_inputs(frame, catalog, name)
        _defragment(frame)
    return frame


_MAX_BLOCKS = 48  # pandas warns (and slows) past 100 column blocks; each new column is a block of its own


def _defragment(frame: pd.DataFrame) -> None:
    """Join ``frame``'s columns into one block per dtype, in place, once derived columns have piled up: the
    frame is extended in place (the caller holds it), so ``frame.copy()`` would not do."""
    if frame._mgr.nblocks > _MAX_BLOCKS:
        frame._consolidate_inplace()


def _tolerance(catalog: Catalog) -> float:
    return catalog.constant("derived_agreement_tolerance")


def _share(name: str, part: str, whole: str) -> None:
    """A share in percent of two masses (recyclability, recycled plastic)."""
    @derivation(name, [part, whole])
    def compute(frame: pd.DataFrame, catalog: Catalog, _as_of: date) -> None:
        merge(frame, name, np.asarray(calc.share_percent(column(frame, part), column(frame, whole))),
              _tolerance(catalog))


_share("recyclability", "recyclable_mass", "product_mass")
_share("recycled_plastic_share", "recycled_plastic_mass", "plastic_mass")


def _implausible_derived(frame: pd.DataFrame, catalog: Catalog, name: str) -> None:
    """A derived value (or interval) outside the field's plausible range is junk, as a declared one is:
    0 g/kWh from 0 L/h, 200 % from 2000 g recyclable of 1000 g, TEER from a 0 W load point."""
    spec = catalog.fields[name]
    if not spec.range or (name not in frame and name + LO not in frame):
        return  # neither a value nor an interval (a partial sum, a density range) to check
    low, high = spec.range
    values = column(frame, name)
    lo = frame[name + LO].to_numpy(float) if name + LO in frame else np.full(len(frame), np.nan)
    hi = frame[name + HI].to_numpy(float) if name + HI in frame else np.full(len(frame), np.nan)
    with np.errstate(invalid="ignore"):
        bad_value = ~np.isnan(values) & ((values < low) | (values > high))
        bad_interval = np.isnan(values) & ~np.isnan(lo) & ((hi < low) | (lo > high))
    bad = bad_value | bad_interval
    if not bad.any():
        return
    shown = np.where(bad_value, values, lo)
    set_text(frame, name + ISSUE, bad, [f"implausible value {v:.6g} {spec.unit} computed from its inputs: outside "
                                        f"{low:g}–{high:g} {spec.unit}".replace("  ", " ") for v in shown[bad]])
    if name in frame:
        frame[name] = np.where(bad, np.nan, frame[name].to_numpy(float))
    for side in (LO, HI):
        if name + side in frame:
            frame[name + side] = np.where(bad, np.nan, frame[name + side].to_numpy(float))


def _unusable_inputs(frame: pd.DataFrame, catalog: Catalog, name: str) -> None:
    """A derived value that could not be computed because an input is unusable (junk, a conflict, a bound
    or a non-detect where none counts) is manual_review naming that input, not missing evidence."""
    if name not in frame and not any(source in frame for source in derived_inputs(catalog)[name]):
        return
    undecided = np.isnan(column(frame, name))
    if name + ISSUE in frame:
        undecided &= frame[name + ISSUE].isna().to_numpy()
    if name + LO in frame:
        undecided &= np.isnan(frame[name + LO].to_numpy(float))
    if not undecided.any():
        return
    reasons = np.full(len(frame), None, dtype=object)
    for source in derived_inputs(catalog)[name]:
        label = catalog.fields[source].label_en
        if source + ISSUE in frame:
            issue = frame[source + ISSUE].to_numpy(object)
            take = undecided & pd.notna(issue) & pd.isna(reasons)
            reasons[take] = [f"cannot be computed: {label}: {text}" for text in issue[take]]
        if source + LO in frame and catalog.fields[source].kind == "quantity":
            bounded = undecided & np.isnan(column(frame, source)) & ~np.isnan(frame[source + LO].to_numpy(float))
            notes = text_column(frame, source + NOTE).to_numpy(object)
            take = bounded & pd.isna(reasons)
            reasons[take] = [f"cannot be computed: {label} {text or 'is known only as a range'}"
                             for text in notes[take]]
    found = pd.notna(reasons)
    if found.any():
        set_text(frame, name + ISSUE, found, list(reasons[found]))


def apply_category_defaults(frame: pd.DataFrame, catalog: Catalog) -> None:
    """Values a category implies where the record is silent (a laptop and a UPS hold batteries)."""
    for category, values in catalog.category_defaults.items():
        rows = (frame["category"] == category).to_numpy()
        if not rows.any():
            continue
        for name, value in values.items():
            default = float(value) if catalog.fields[name].kind in ("flag", "quantity") else value
            current = frame[name] if name in frame else pd.Series([np.nan] * len(frame), index=frame.index)
            frame[name] = current.where(~(rows & current.isna().to_numpy()), default)


def _pah_fields(catalog: Catalog) -> list[str]:
    return catalog.pah_fields


@derivation("pah15_sum", _pah_fields)
def _pahs(frame: pd.DataFrame, catalog: Catalog, _as_of: date) -> None:
    names, tolerance = _pah_fields(catalog), _tolerance(catalog)
    if not any(name in frame for name in names):
        return
    values = np.column_stack([column(frame, name) for name in names])
    nd = np.column_stack([frame[n + ND].to_numpy(bool) if n + ND in frame else np.zeros(len(frame), bool)
                          for n in names])
    total, reported, non_detects = calc.pah_sum(values, nd)
    complete = reported == len(names)
    _sum_below_its_parts(frame, np.where(~complete & (reported > 0), total, np.nan), reported, tolerance)
    undeclared = np.isnan(column(frame, "pah15_sum")) if "pah15_sum" in frame else np.ones(len(frame), bool)
    merge(frame, "pah15_sum", np.where(complete, total, np.nan), tolerance)
    partial = (reported > 0) & ~complete & np.isnan(column(frame, "pah15_sum"))
    frame["pah15_sum" + LO] = np.where(partial, total, np.nan)
    frame["pah15_sum" + HI] = np.where(partial, np.inf, np.nan)
    set_text(frame, "pah15_sum" + GAP, partial, [f"only {r} of {len(names)} Appendix A PAHs reported"
                                                  for r in reported[partial]])
    noted = (non_detects > 0) & (reported > 0)
    set_text(frame, "pah15_sum" + NOTE, noted, [f"{k} of {r} PAHs not detected, counted as 0"
                                                 for k, r in zip(non_detects[noted], reported[noted], strict=True)])
    limits = np.column_stack([frame[n + RL].to_numpy(float) if n + RL in frame else np.full(len(frame), np.nan)
                              for n in names])
    _up_to_reporting_limits(frame, complete & undeclared, total, np.nansum(np.where(nd, limits, 0.0), axis=1))


def _up_to_reporting_limits(frame: pd.DataFrame, computed: npt.NDArray[np.bool_], total: Floats,
                            spread: Floats) -> None:
    """The computed sum of the 15 PAHs (``computed`` rows) whose non-detects were printed with their reporting limits
    ("< 5"): known only as between the detected ones' ``total`` and that plus the limits (``spread``); 15 × "< 5" is
    somewhere from 0 to 75 mg/kg, no pass of ≤ 50."""
    spread_out = computed & (spread > 0) & ~np.isnan(column(frame, "pah15_sum"))
    if "pah15_sum" + ISSUE in frame:
        spread_out &= frame["pah15_sum" + ISSUE].isna().to_numpy()
    if not spread_out.any():
        return
    frame["pah15_sum"] = np.where(spread_out, np.nan, column(frame, "pah15_sum"))
    frame["pah15_sum" + LO] = np.where(spread_out, total, frame["pah15_sum" + LO].to_numpy(float))
    frame["pah15_sum" + HI] = np.where(spread_out, total + spread, frame["pah15_sum" + HI].to_numpy(float))
    set_text(frame, "pah15_sum" + NOTE, spread_out,
             [f"between {t:.6g} and {t + s:.6g}: the non-detects counted from 0 up to their reporting limits"
              for t, s in zip(total[spread_out], spread[spread_out], strict=True)])


def _sum_below_its_parts(frame: pd.DataFrame, partial: Floats, reported: npt.NDArray[np.int64],
                         tolerance: float) -> None:
    """A declared sum of the 15 PAHs below what the PAHs printed beside it add to, where not all 15 are (all 15:
    :func:`merge` compares): the declared sum is not the product's (a part's, or miscounted), for a person."""
    if "pah15_sum" not in frame:
        return
    declared = column(frame, "pah15_sum")
    free = frame["pah15_sum" + ISSUE].isna().to_numpy() if "pah15_sum" + ISSUE in frame else np.ones(len(frame), bool)
    with np.errstate(invalid="ignore"):
        below = free & ~np.isnan(declared) & (partial - declared > tolerance * np.maximum(np.abs(partial), 1e-12))
    set_text(frame, "pah15_sum" + ISSUE, below,
             [f"declared {d:.6g} is below {p:.6g}, what {r} of the PAHs printed add to" for d, p, r in
              zip(declared[below], partial[below], reported[below], strict=True)])


@derivation("bap", [pah_field("benzo_a_pyrene")])
def _bap_from_table(frame: pd.DataFrame, catalog: Catalog, _as_of: date) -> None:
    """Benzo[a]pyrene (Table 3 row 3) is also one of the 15: use its table value when undeclared."""
    if not any(name in frame for name in _pah_fields(catalog)):
        return
    source, tolerance = pah_field("benzo_a_pyrene"), _tolerance(catalog)
    undeclared = np.isnan(column(frame, "bap"))
    merge(frame, "bap", column(frame, source), tolerance)
    source_nd = frame[source + ND].to_numpy(bool) if source + ND in frame else np.zeros(len(frame), bool)
    own_nd = frame["bap" + ND].to_numpy(bool) if "bap" + ND in frame else np.zeros(len(frame), bool)
    frame["bap" + ND] = own_nd | (undeclared & source_nd)


@derivation("teer", ["max_throughput", "power_u1", "power_u2", "power_u3", "device_class"])
def _teer(frame: pd.DataFrame, catalog: Catalog, _as_of: date) -> None:
    if "device_class" not in frame:
        return
    classes = text_column(frame, "device_class")
    # pandas-stubs types to_numpy(float) as floating[Any]; the arrays are float64
    weights = cast(list[Floats], [classes.map({k: v.weights[i] for k, v in catalog.device_classes.items()})
                                  .to_numpy(float) for i in range(3)])
    computed = calc.teer(column(frame, "max_throughput"), column(frame, "power_u1"), column(frame, "power_u2"),
                         column(frame, "power_u3"), (weights[0], weights[1], weights[2]))
    merge(frame, "teer", np.asarray(computed, dtype=float), _tolerance(catalog))


@derivation("volume", ["length", "height", "depth"])
def _volume(frame: pd.DataFrame, catalog: Catalog, _as_of: date) -> None:
    merge(frame, "volume", np.asarray(calc.chassis_volume_dm3(column(frame, "length"), column(frame, "height"),
                                                              column(frame, "depth"))), _tolerance(catalog))


@derivation("power_per_throughput", ["fw_power", "fw_throughput"])
def _power_per_throughput(frame: pd.DataFrame, catalog: Catalog, _as_of: date) -> None:
    """Table 5's W/Gbps: the power at full throughput over the throughput. A power known only as a range (a
    maximum power, at least the power at full throughput) gives the W/Gbps as that range over the throughput."""
    throughput = column(frame, "fw_throughput")
    merge(frame, "power_per_throughput",
          np.asarray(calc.power_per_throughput(column(frame, "fw_power"), throughput)), _tolerance(catalog))
    if "fw_power" + LO not in frame:
        return
    lo, hi = frame["fw_power" + LO].to_numpy(float), frame["fw_power" + HI].to_numpy(float)
    ranged = np.isnan(column(frame, "power_per_throughput")) & ~np.isnan(hi) & (throughput > 0)
    if "power_per_throughput" + ISSUE in frame:
        ranged &= frame["power_per_throughput" + ISSUE].isna().to_numpy()
    if not ranged.any():
        return
    with np.errstate(divide="ignore", invalid="ignore"):
        low = np.where(ranged, np.maximum(np.nan_to_num(lo, nan=0.0, neginf=0.0), 0.0) / throughput, np.nan)
        high = np.where(ranged, hi / throughput, np.nan)
    frame["power_per_throughput" + LO], frame["power_per_throughput" + HI] = low, high
    notes = text_column(frame, "fw_power" + NOTE).to_numpy(object)
    set_text(frame, "power_per_throughput" + NOTE, ranged,
             [f"from a power {note or 'known only as a range'}" for note in notes[ranged]])


@derivation("outlet_power", ["pdu_power", "outlet_count"])
def _outlet_power(frame: pd.DataFrame, catalog: Catalog, _as_of: date) -> None:
    merge(frame, "outlet_power",
          np.asarray(calc.outlet_power(column(frame, "pdu_power"), column(frame, "outlet_count"))),
          _tolerance(catalog))


@derivation("noise_max", [*NOISE_DIRECTIONS, "noise_1m"])
def _noise_max(frame: pd.DataFrame, _catalog: Catalog, _as_of: date) -> None:
    """Appendix H: the loudest of the four directions. A direction known only as an interval or a bound
    counts with its ends, so the maximum is an interval too; a missing direction leaves it open above.
    One figure at 1 m with no direction is not the maximum but a floor under it: above the limit it fails,
    else a person must see the four readings."""
    _single_figure(frame)
    if not any(name in frame for name in NOISE_DIRECTIONS):
        return
    points = np.column_stack([column(frame, name) for name in NOISE_DIRECTIONS])
    lows, highs = points.copy(), points.copy()
    for i, name in enumerate(NOISE_DIRECTIONS):
        if name + LO in frame:
            ranged = np.isnan(points[:, i])
            lows[:, i] = np.where(ranged, frame[name + LO].to_numpy(float), lows[:, i])
            highs[:, i] = np.where(ranged, frame[name + HI].to_numpy(float), highs[:, i])
    highest, measured = calc.max_reading(points)
    low, present = calc.max_reading(lows)
    high, _ = calc.max_reading(highs)
    complete = present == len(NOISE_DIRECTIONS)
    merge(frame, "noise_max", np.where(complete & (measured == present), highest, np.nan), 0.0)
    undecided = np.isnan(column(frame, "noise_max"))
    for name in NOISE_DIRECTIONS:  # an unusable direction (ND, junk, a conflict) is for a person, not a gap
        if name + ISSUE in frame:
            undecided &= frame[name + ISSUE].isna().to_numpy()
    partial = (present > 0) & ~complete & undecided
    ranged = complete & (measured < present) & undecided
    # a direction printed as a bound ("≤ 110 dB(A)") leaves the maximum a bound as printed: the engine then
    # treats a bound equal to the limit as a restated limit, as it does for a clause's own value
    printed = np.isneginf(lows).any(axis=1)
    given = {side: frame["noise_max" + side].to_numpy(float) if "noise_max" + side in frame
             else np.full(len(frame), np.nan) for side in (LO, HI)}  # a maximum's own bound ("≤105"), kept
    frame["noise_max" + LO] = np.where(partial | ranged, np.where(printed, -np.inf, low), given[LO])
    frame["noise_max" + HI] = np.where(partial, np.inf, np.where(ranged, high, given[HI]))
    set_text(frame, "noise_max" + GAP, partial,
             [f"only {p} of the 4 Appendix H directions measured" for p in present[partial]])


def _single_figure(frame: pd.DataFrame) -> None:
    """Rows with one sound pressure at 1 m, no direction and no maximum: the maximum of the four directions is at
    least that figure: it fails a limit the figure is above; else a person asks for the four readings (the figure
    shown is the one printed)."""
    if "noise_1m" not in frame:
        return
    single = column(frame, "noise_1m")
    none = np.ones(len(frame), bool)
    for name in [*NOISE_DIRECTIONS, "noise_max"]:
        if name in frame:
            none &= np.isnan(column(frame, name))
        if name + LO in frame:
            none &= np.isnan(frame[name + LO].to_numpy(float))
    rows = none & ~np.isnan(single)
    if not rows.any():
        return
    for side, ends in ((LO, single), (HI, np.full(len(frame), np.inf))):
        name = "noise_max" + side
        known = frame[name].to_numpy(float) if name in frame else np.full(len(frame), np.nan)
        frame[name] = np.where(rows, ends, known)
    set_text(frame, "noise_max" + NOTE, rows, [
        f"one sound pressure at 1 m is printed ({v:g} dB(A)) without its direction; Appendix H takes the loudest "
        "of four directions (front, back, left, right): ask for the four readings" for v in single[rows]])


def _densities(frame: pd.DataFrame, catalog: Catalog) -> tuple[Floats, Floats, list[str]]:
    """Per row the fuel density range (kg/L) that turns L/h into g/kWh: diesel or petrol by ``fuel_type``
    ("柴油和汽油发电机"); unknown, the range covering both, so a verdict stands only where it holds over it."""
    const = catalog.constant
    ranges = {"diesel": (const("diesel_density_min"), const("diesel_density_max"), "diesel"),
              "petrol": (const("petrol_density_min"), const("petrol_density_max"), "petrol")}
    unknown = (min(r[0] for r in ranges.values()), max(r[1] for r in ranges.values()), "diesel or petrol (not stated)")
    kinds = text_column(frame, "fuel_type").map(lambda kind: ranges.get(str(kind), unknown))
    low = np.array([kind[0] for kind in kinds], dtype=float)
    high = np.array([kind[1] for kind in kinds], dtype=float)
    return low, high, [kind[2] for kind in kinds]


@derivation("fuel_rate", ["fuel_flow_100", "rated_power", "fuel_type"])
def _fuel_rate(frame: pd.DataFrame, catalog: Catalog, _as_of: date) -> None:
    flow, power = column(frame, "fuel_flow_100"), column(frame, "rated_power")
    if np.isnan(flow).all():
        return
    density_low, density_high, fuels = _densities(frame, catalog)
    low = np.asarray(calc.fuel_rate_g_per_kwh(flow, power, density_low))
    high = np.asarray(calc.fuel_rate_g_per_kwh(flow, power, density_high))
    declared = column(frame, "fuel_rate")
    missing = np.full(len(frame), np.nan)
    printed_low = frame["fuel_rate" + LO].to_numpy(float) if "fuel_rate" + LO in frame else missing
    printed_high = frame["fuel_rate" + HI].to_numpy(float) if "fuel_rate" + HI in frame else missing
    ranged = np.isnan(declared) & ~np.isnan(printed_low)  # declared as an interval or a bound
    declared_low, declared_high = np.where(ranged, printed_low, declared), np.where(ranged, printed_high, declared)
    tolerance = catalog.constant("derived_agreement_tolerance")
    with np.errstate(invalid="ignore"):  # a declared interval is checked like a point: it must meet the range
        outside = ~np.isnan(declared_low) & ~np.isnan(low) & (
            (declared_high < low * (1 - tolerance)) | (declared_low > high * (1 + tolerance)))
    rows = np.flatnonzero(outside)
    shown = [f"{declared[i]:.1f}" if not ranged[i] else f"{declared_low[i]:.1f}–{declared_high[i]:.1f}" for i in rows]
    set_text(frame, "fuel_rate" + ISSUE, outside, [
        f"declared {text} g/kWh disagrees with {flow[i]:g} L/h at {power[i]:g} kW ({low[i]:.1f}–"
        f"{high[i]:.1f} g/kWh over the {fuels[i]} density range)" for text, i in zip(shown, rows, strict=True)])
    use = ~np.isnan(low) & np.isnan(declared) & ~ranged
    if "fuel_rate" + ISSUE in frame:
        use &= frame["fuel_rate" + ISSUE].isna().to_numpy()
    keep = ranged & ~outside  # a declared interval that agrees stays as declared
    frame["fuel_rate" + LO] = np.where(use, low, np.where(keep, printed_low, np.nan))
    frame["fuel_rate" + HI] = np.where(use, high, np.where(keep, printed_high, np.nan))
    set_text(frame, "fuel_rate" + NOTE, use, [
        f"from {flow[i]:g} L/h at {power[i]:g} kW over {fuels[i]} density {density_low[i]:g}–{density_high[i]:g} "
        f"kg/L: {low[i]:.1f}–{high[i]:.1f} g/kWh" for i in np.flatnonzero(use)])


@derivation("annual_energy_tce", ["annual_electricity"])
def _annual_energy_tce(frame: pd.DataFrame, catalog: Catalog, _as_of: date) -> None:
    merge(frame, "annual_energy_tce", np.asarray(calc.annual_energy_tce(
        column(frame, "annual_electricity"), catalog.constant("electricity_kgce_per_kwh"))), _tolerance(catalog))


@derivation("odp", ["refrigerant"])
def _odp(frame: pd.DataFrame, catalog: Catalog, _as_of: date) -> None:
    """The ODP of the refrigerant named (checker.engine.refrigerants): filled where undeclared, a declared one that
    disagrees flagged; several refrigerants that disagree, or a low-confidence value, an issue for a person."""
    if "refrigerant" not in frame:
        return
    names = text_column(frame, "refrigerant")
    findings = {text: odp_of(str(text), catalog) for text in names.dropna().unique()}
    found = [findings.get(text) if isinstance(text, str) else None for text in names]
    looked_up = np.array([np.nan if f is None or f.odp is None else f.odp for f in found], dtype=float)
    merge(frame, "odp", looked_up, _tolerance(catalog))
    free = frame["odp" + ISSUE].isna().to_numpy() if "odp" + ISSUE in frame else np.ones(len(frame), bool)
    issues = [f.issue if f is not None else None for f in found]
    notes = [f.note if f is not None else "" for f in found]
    issue = np.array([text is not None for text in issues], dtype=bool) & free
    set_text(frame, "odp" + ISSUE, issue, [str(issues[i]) for i in np.flatnonzero(issue)])
    noted = np.array([bool(text) for text in notes], dtype=bool)
    set_text(frame, "odp" + NOTE, noted, [notes[i] for i in np.flatnonzero(noted)])


@derivation("renewable_share_increase", ["renewable_share", "previous_renewable_share"])
def _renewable_increase(frame: pd.DataFrame, catalog: Catalog, _as_of: date) -> None:
    """5.2 逐年增加: percentage points over the previous period."""
    if "previous_renewable_share" not in frame:
        return
    share, previous = column(frame, "renewable_share"), column(frame, "previous_renewable_share")
    merge(frame, "renewable_share_increase", share - previous, _tolerance(catalog))
    both = ~np.isnan(share) & ~np.isnan(previous)
    set_text(frame, "renewable_share_increase" + NOTE, both,
             [f"{s:.4g} % this period against {p:.4g} % the previous"
              for s, p in zip(share[both], previous[both], strict=True)])


@derivation("energy_grade", lambda _catalog: grade_inputs())
def _energy_grades(frame: pd.DataFrame, catalog: Catalog, as_of: date) -> None:
    """Energy grades worked out from measurements with the edition of ``catalogs/grades`` in force on ``as_of``:
    an undeclared grade is filled, a declared one that disagrees is flagged naming both (see grade_frame)."""
    work_out_grades(frame, catalog, as_of)
