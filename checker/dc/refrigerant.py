"""Scope-1 refrigerant leaks (T/CA305 3.4: 制冷设备冷媒泄露排放): tCO2e = mass × GWP.

GWPs come from ``catalogs/tca305.yaml`` (``refrigerants``) unless the record declares its own.
"""

from __future__ import annotations

from typing import Any

from checker.dc.catalog import Bound, Coefficient, Tca305Catalog, load_tca305
from checker.dc.record import DataCentreRecord, RefrigerantLeak


def leak_gwp(leak: RefrigerantLeak, catalog: Tca305Catalog) -> Coefficient | None:
    """The catalog GWP of a leak's refrigerant; None when the record declares its own."""
    return None if leak.gwp is not None else catalog.refrigerants.gwp(leak.refrigerant)


def leak_rows(record: DataCentreRecord, bound: Bound = "value",
              catalog: Tca305Catalog | None = None) -> list[dict[str, Any]]:
    """One row per leak: refrigerant, kg, GWP (at ``bound``), its confidence and source, tCO2e."""
    catalog = catalog or load_tca305()
    rows = []
    for leak in record.refrigerant_leak:
        coef = leak_gwp(leak, catalog)
        gwp = leak.gwp if coef is None else coef.in_unit("kgCO2/kg", bound)
        assert gwp is not None
        rows.append({
            "refrigerant": leak.refrigerant, "mass_kg": leak.mass, "gwp": gwp,
            "confidence": coef.confidence if coef else "declared",
            "source": coef.source if coef else "declared in the record",
            "tco2e": leak.mass * gwp / 1000.0, "evidence": leak.evidence,
        })
    return rows


def gwp_coefficients(record: DataCentreRecord, catalog: Tca305Catalog | None = None) -> dict[str, Coefficient]:
    """The catalog GWPs the record's leaks use (non-zero masses), keyed ``gwp_<refrigerant>``."""
    catalog = catalog or load_tca305()
    used = {}
    for leak in record.refrigerant_leak:
        coef = leak_gwp(leak, catalog)
        if coef is not None and leak.mass:
            used[f"gwp_{leak.refrigerant}"] = coef
    return used
