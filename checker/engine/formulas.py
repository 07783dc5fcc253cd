"""The calculators the standard defines. Pure functions: each takes scalars or numpy arrays alike.

Constants (weights, densities, coefficients) are passed in by the caller from ``catalogs/``;
no limit or coefficient of the standard is written here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import numpy.typing as npt

from checker.catalog.clauses import BandTable, Catalog, Schedule

ArrayLike = float | npt.NDArray[np.float64]


def teer(max_throughput_mbps: ArrayLike, p_u1: ArrayLike, p_u2: ArrayLike, p_u3: ArrayLike,
         weights: tuple[ArrayLike, ArrayLike, ArrayLike]) -> ArrayLike:
    """Appendix E: TEER = Td / Pw, with Pw = a·Pu1 + b·Pu2 + c·Pu3 (Mbps/W).

    Td is the maximum throughput in Mbps; Pu1..Pu3 the power in W at the device class's load
    levels u1, u2, u3 (0 %; 10 % or 30 %; 100 %); (a, b, c) the class weights (a + b + c = 1).
    """
    a, b, c = weights
    weighted_power = a * np.asarray(p_u1) + b * np.asarray(p_u2) + c * np.asarray(p_u3)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(weighted_power > 0, np.asarray(max_throughput_mbps) / weighted_power, np.nan)


def recycled_plastic_share(recycled_masses: Sequence[float], plastic_mass: float) -> float:
    """Appendix D: R_rm = Σ m_rmi / m_v × 100 % (masses after the item-2 exclusions).

    ``recycled_masses`` are the masses of each post-consumer recycled or bio-based plastic;
    ``plastic_mass`` is the product's total plastic mass m_v. Raises ValueError when m_v ≤ 0.
    """
    if plastic_mass <= 0:
        raise ValueError("total plastic mass must be positive")
    return float(sum(recycled_masses)) / plastic_mass * 100.0


def share_percent(part: ArrayLike, whole: ArrayLike) -> ArrayLike:
    """part / whole × 100 %, NaN where whole ≤ 0 (column form of Appendix C and D ratios)."""
    whole_arr = np.asarray(whole, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(whole_arr > 0, np.asarray(part, dtype=float) / whole_arr * 100.0, np.nan)


def recyclability_rate(recyclable_masses_g: Sequence[float], product_mass_g: float) -> float:
    """Appendix C: 整机可再生利用率 = Σ 材质可再生利用质量 / 整机质量 × 100 %.

    Each material's recyclable mass is its mass × its recyclability rate (the table's last
    column). Raises ValueError when the product mass is not positive or below the sum.
    """
    if product_mass_g <= 0:
        raise ValueError("product mass must be positive")
    total = float(sum(recyclable_masses_g))
    if total > product_mass_g * (1 + 1e-9):
        raise ValueError("recyclable mass exceeds the product mass")
    return total / product_mass_g * 100.0


def chassis_volume_dm3(length_mm: ArrayLike, height_mm: ArrayLike, depth_mm: ArrayLike) -> ArrayLike:
    """Table 5 note 1: volume = L × H × D (without rack ears or cable guides), mm³ → dm³ (÷ 10⁶)."""
    return np.asarray(length_mm) * np.asarray(height_mm) * np.asarray(depth_mm) / 1.0e6


def power_per_throughput(power_w: ArrayLike, throughput_gbps: ArrayLike) -> ArrayLike:
    """Table 5: W/Gbps = power at maximum throughput / IPv4 64-byte throughput T (Appendix F)."""
    throughput = np.asarray(throughput_gbps, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(throughput > 0, np.asarray(power_w, dtype=float) / throughput, np.nan)


def band_limits(table: BandTable, value: float) -> tuple[str, dict[str, float | None]] | None:
    """The band of ``table`` holding ``value`` (in the table's unit): its label and its limits."""
    band = table.band_for(value)
    return (band.label, dict(band.limits)) if band else None


def band_index(table: BandTable, values: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """Column form of :func:`band_limits`: index of each value's band, −1 outside all, −2 if NaN."""
    index = np.full(values.shape, -1, dtype=np.int64)
    for number, band in enumerate(table.bands):
        inside = np.ones(values.shape, dtype=bool)
        if band.above is not None:
            inside &= values > band.above
        if band.up_to is not None:
            inside &= values <= band.up_to
        index = np.where((index == -1) & inside, number, index)
    return np.where(np.isnan(values), -2, index)


def max_reading(readings: npt.NDArray[np.float64]) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]:
    """Appendix H: the maximum of the four readings (front, back, left, right) per row.

    ``readings`` has one column per direction. Returns (max of those present, count present).
    """
    present = (~np.isnan(readings)).sum(axis=1)
    with np.errstate(invalid="ignore"):
        highest = np.where(present > 0, np.nanmax(np.where(np.isnan(readings), -np.inf, readings), axis=1),
                           np.nan)
    return highest, present


def fuel_rate_g_per_kwh(flow_l_per_h: ArrayLike, rated_power_kw: ArrayLike,
                        density_kg_per_l: ArrayLike) -> ArrayLike:
    """Fuel consumption rate at rated power: flow (L/h) × density (kg/L) × 1000 / P (kW) in g/kWh."""
    power = np.asarray(rated_power_kw, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(power > 0, np.asarray(flow_l_per_h) * np.asarray(density_kg_per_l) * 1000.0 / power,
                        np.nan)


def pah_sum(values: npt.NDArray[np.float64], non_detect: npt.NDArray[np.bool_]) -> tuple[
        npt.NDArray[np.float64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Table 3 row 3: the sum of the 15 Appendix A PAHs (mg/kg); non-detects count 0.

    ``values`` and ``non_detect`` have one column per compound. Returns (sum of those reported,
    number reported, number of non-detects) per row.
    """
    counted = np.where(non_detect, 0.0, values)
    reported = (~np.isnan(values) | non_detect).sum(axis=1)
    total = np.nansum(counted, axis=1)
    return total, reported, non_detect.sum(axis=1)


def outlet_power(pdu_power_w: ArrayLike, outlet_count: ArrayLike) -> ArrayLike:
    """6.3.4: power per available outlet = the PDU's own consumption (W) / number of outlets."""
    count = np.asarray(outlet_count, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(count > 0, np.asarray(pdu_power_w, dtype=float) / count, np.nan)


def annual_energy_tce(electricity_kwh: ArrayLike, kgce_per_kwh: float,
                      other_kgce: ArrayLike = 0.0) -> ArrayLike:
    """5.6: annual energy (tce) = electricity (kWh) × 当量值 (kgce/kWh) / 1000 + other carriers (kgce) / 1000."""
    return (np.asarray(electricity_kwh, dtype=float) * kgce_per_kwh + np.asarray(other_kgce)) / 1000.0


def schedule_limit(schedule: Schedule, on: date) -> float | None:
    """The limit a schedule (PUE by date, renewable share by year) sets on a given day."""
    return schedule.limit_on(on)


def renewable_share_required(catalog: Catalog, year: int) -> float | None:
    """Table 1: the minimum renewable share (%) required in ``year`` (None before 2023)."""
    schedule = catalog.clause("5.2/renewable-share").schedule
    assert schedule is not None
    return schedule.limit_on(date(year, 12, 31))


def pue_limit(catalog: Catalog, on: date) -> float | None:
    """5.1: the PUE limit in force on ``on`` (None before 2023-06-01)."""
    schedule = catalog.clause("5.1/pue").schedule
    assert schedule is not None
    return schedule.limit_on(on)
