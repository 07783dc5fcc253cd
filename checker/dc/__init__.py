"""Data-centre level checks: section-5 operation figures of the procurement standard and the
T/CA305-2023 zero-carbon grading (constraints, 附表E emissions, 附表F offsets, 附表G scores,
grade, what-if)."""

from checker.dc.energy import annual_energy_tce, emissions, section5_fact_models, section5_facts
from checker.dc.grading import Assessment, evaluate
from checker.dc.record import DataCentreRecord, DataCentreRecordError, load_record, parse_record
from checker.dc.report import build_report, grade_datacentre
from checker.dc.whatif import offset_needed, pue_needed, what_if

__all__ = [
    "Assessment", "DataCentreRecord", "DataCentreRecordError", "annual_energy_tce", "build_report", "emissions",
    "evaluate", "grade_datacentre", "load_record", "offset_needed", "parse_record", "pue_needed",
    "section5_fact_models", "section5_facts", "what_if",
]
