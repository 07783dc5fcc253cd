"""Interface strings in Chinese and English, kept as data (one entry per key, both languages).

``t(key, lang)`` looks a string up; a missing key falls back to the key itself so a typo shows on
screen instead of crashing the page. Status and verdict labels reuse :mod:`checker.report`'s Chinese.
"""

from __future__ import annotations

from typing import Literal

from checker.report import STATUS_ZH, VERDICT_ZH

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
LANG_NAMES: dict[str, str] = {"zh": "中文", "en": "English"}

STRINGS: dict[str, dict[str, str]] = {
    "app_title": {"zh": "绿色数据中心政府采购需求标准 符合性检查", "en": "Green data-centre procurement checker"},
    "app_caption": {"zh": "《绿色数据中心政府采购需求标准（试行）》逐条核查，证据可见",
                    "en": "Clause by clause against 《绿色数据中心政府采购需求标准（试行）》, "
                          "with the evidence on screen"},
    "language": {"zh": "语言", "en": "Language"},
    "page": {"zh": "页面", "en": "Page"},
    "as_of": {"zh": "评价日期（限值以该日为准）", "en": "As-of date (limits in force on that day)"},
    # pages
    "page_check": {"zh": "产品检查", "en": "Check a product"},
    "page_calc": {"zh": "计算器", "en": "Calculators"},
    "page_batch": {"zh": "批量审核", "en": "Batch audit"},
    "page_catalog": {"zh": "条款目录", "en": "Clause catalog"},
    "page_dc": {"zh": "数据中心评价", "en": "Data centre"},
    # inputs
    "input_source": {"zh": "输入方式", "en": "Input"},
    "src_upload": {"zh": "上传文件", "en": "Upload files"},
    "src_sample": {"zh": "示例文件", "en": "Sample file"},
    "src_form": {"zh": "填写表单", "en": "Fill a form"},
    "upload_check": {"zh": "上传同一产品的 PDF（规格书、检测报告）或记录文件（JSON/YAML）",
                     "en": "Upload the PDFs of one product (data sheet, test report) or a record file (JSON/YAML)"},
    "upload_batch": {"zh": "上传产品目录（CSV/XLSX/Parquet）、多个 PDF 或记录文件",
                     "en": "Upload a catalog (CSV/XLSX/Parquet), many PDFs or record files"},
    "upload_dc": {"zh": "上传 T/CA305 数据中心记录（YAML/JSON）",
                  "en": "Upload a T/CA305 data-centre record (YAML/JSON)"},
    "sample_pick": {"zh": "选择示例文件", "en": "Pick a sample"},
    "category": {"zh": "产品类别", "en": "Category"},
    "category_auto": {"zh": "自动识别", "en": "detect"},
    "category_all": {"zh": "全部", "en": "all"},
    "nothing_yet": {"zh": "请上传文件或选择示例。", "en": "Upload files or pick a sample."},
    "form_submit": {"zh": "检查", "en": "Check"},
    "form_hint": {"zh": "只填写已知的数值；空白项视为缺少证据。",
                  "en": "Fill in only what you know; a blank field counts as missing evidence."},
    "form_more": {"zh": "更多字段", "en": "More fields"},
    "yes": {"zh": "是", "en": "yes"},
    "no": {"zh": "否", "en": "no"},
    "blank": {"zh": "（未填）", "en": "(blank)"},
    # results
    "verdict": {"zh": "结论", "en": "Verdict"},
    "product": {"zh": "产品", "en": "Product"},
    "sources": {"zh": "来源文件", "en": "Sources"},
    "clauses": {"zh": "条款", "en": "Clauses"},
    "col_id": {"zh": "条款号", "en": "Clause"},
    "col_title": {"zh": "名称", "en": "Title"},
    "col_status": {"zh": "判定", "en": "Status"},
    "col_value": {"zh": "实测/声明值", "en": "Value"},
    "col_limit": {"zh": "限值", "en": "Limit"},
    "col_margin": {"zh": "裕量", "en": "Margin"},
    "col_note": {"zh": "说明", "en": "Note"},
    "col_section": {"zh": "章节", "en": "Section"},
    "col_requirement": {"zh": "要求（原文）", "en": "Requirement (Chinese text)"},
    "col_verification": {"zh": "合规性验证方式", "en": "Verification"},
    "col_categories": {"zh": "适用类别", "en": "Categories"},
    "col_kind": {"zh": "类型", "en": "Kind"},
    "evidence": {"zh": "证据", "en": "Evidence"},
    "evidence_pick": {"zh": "查看条款证据", "en": "Show the evidence of clause"},
    "evidence_none": {"zh": "该条款没有读取到的证据。", "en": "No evidence was read for this clause."},
    "evidence_page": {"zh": "第 {page} 页", "en": "page {page}"},
    "evidence_no_image": {"zh": "无法显示该页（非上传的 PDF 或页码无效）。",
                          "en": "No page image (not an uploaded PDF, or no such page)."},
    "evidence_ocr": {"zh": "（OCR 识别）", "en": "(read by OCR)"},
    "todo": {"zh": "采购人待办：需人工审核的条款", "en": "Buyer's to-do: clauses for manual review"},
    "todo_none": {"zh": "无需人工审核的条款。", "en": "Nothing left for manual review."},
    "errors": {"zh": "无法使用的输入", "en": "Inputs that could not be used"},
    "no_products": {"zh": "没有可评价的产品。", "en": "No product could be evaluated."},
    "download_xlsx": {"zh": "下载 Excel", "en": "Download Excel"},
    "download_json": {"zh": "下载 JSON", "en": "Download JSON"},
    "download_html": {"zh": "下载可打印 HTML 报告", "en": "Download printable HTML"},
    # batch
    "run_progress": {"zh": "正在处理 {done}/{total}：{name}", "en": "Processing {done}/{total}: {name}"},
    "summary": {"zh": "汇总", "en": "Summary"},
    "products_total": {"zh": "产品数", "en": "Products"},
    "pass_rate_chart": {"zh": "各条款通过率（适用产品中，%）",
                        "en": "Pass rate per clause (% of products it applies to)"},
    "most_failing": {"zh": "不符合条款最多的产品", "en": "Products failing most clauses"},
    "table": {"zh": "结果表", "en": "Results table"},
    "filter_verdict": {"zh": "按结论筛选", "en": "Filter by verdict"},
    "filter_category": {"zh": "按类别筛选", "en": "Filter by category"},
    "filter_text": {"zh": "按产品号搜索", "en": "Search product id"},
    "failed_count": {"zh": "不符合条款数", "en": "Clauses failed"},
    "failed_clauses": {"zh": "不符合条款", "en": "Failed clauses"},
    "detail_pick": {"zh": "查看单个产品", "en": "Show one product"},
    # catalog
    "search": {"zh": "搜索", "en": "Search"},
    "band_tables": {"zh": "分档表", "en": "Band tables"},
    "device_classes": {"zh": "附录 E 设备类别", "en": "Appendix E device classes"},
    "schedule": {"zh": "按日期", "en": "by date"},
    "band_limit": {"zh": "按 {table} 分档", "en": "by band: {table}"},
    "document_clause": {"zh": "文件审核", "en": "document"},
    "numeric_clause": {"zh": "数值", "en": "numeric"},
    # calculators
    "calc_teer": {"zh": "TEER 交换机能效比", "en": "TEER (switches)"},
    "calc_plastic": {"zh": "再生塑料比例（附录 D）", "en": "Recycled plastic (Appendix D)"},
    "calc_recyc": {"zh": "可再生利用率（附录 C）", "en": "Recyclability (Appendix C)"},
    "calc_firewall": {"zh": "防火墙分档", "en": "Firewall tier"},
    "calc_generator": {"zh": "发电机分档与噪声", "en": "Generator band and noise"},
    "calc_pah": {"zh": "PAH 总和（附录 A）", "en": "PAH sum (Appendix A)"},
    "calc_hint": {"zh": "数值可带单位，如 “26 Gbps”、“17.3 in”；不带单位时按括号内单位。",
                  "en": "Values may carry a unit ('26 Gbps', '17.3 in'); a bare number is in the unit shown."},
    "device_class": {"zh": "设备类别", "en": "Device class"},
    "throughput_td": {"zh": "最大吞吐量 Td（Mbps）", "en": "Maximum throughput Td (Mbps)"},
    "power_u": {"zh": "负载 {load:g}% 时功率 P{n}（W）", "en": "Power P{n} at {load:g} % load (W)"},
    "teer_value": {"zh": "TEER（Mbps/W）", "en": "TEER (Mbps/W)"},
    "weights": {"zh": "权重", "en": "weights"},
    "parts_table": {"zh": "零部件表（勾选附录 D 第 2 条排除项：印刷电路板、元器件、标签、电线电缆、转轮铰链等）",
                    "en": "Parts (tick the Appendix D item 2 exclusions: PCBs, components, labels, cables, "
                          "castors and hinges ...)"},
    "col_part": {"zh": "部件", "en": "Part"},
    "col_plastic_g": {"zh": "塑料质量（g）", "en": "Plastic mass (g)"},
    "col_recycled_g": {"zh": "其中再生/生物基塑料（g）", "en": "of which recycled / bio-based (g)"},
    "col_excluded": {"zh": "附录 D 排除", "en": "Appendix D exclusion"},
    "col_material": {"zh": "材质", "en": "Material"},
    "col_mass_g": {"zh": "质量（g）", "en": "Mass (g)"},
    "col_rate": {"zh": "可再生利用率（%）", "en": "Recyclability rate (%)"},
    "col_recyclable_g": {"zh": "材质可再生利用质量（g）", "en": "Recyclable mass (g)"},
    "plastic_total": {"zh": "计入的塑料总质量 m_v（g）", "en": "Plastic counted m_v (g)"},
    "recycled_total": {"zh": "再生/生物基塑料 Σm_rmi（g）", "en": "Recycled / bio-based Σm_rmi (g)"},
    "share": {"zh": "比例 R_rm（%）", "en": "Share R_rm (%)"},
    "product_mass": {"zh": "整机质量（g）", "en": "Product mass (g)"},
    "product_kind": {"zh": "产品", "en": "Product"},
    "recyc_rate": {"zh": "整机可再生利用率（%）", "en": "Recyclability (%)"},
    "fw_throughput": {"zh": "IPv4 64 字节吞吐量（Gbps）", "en": "IPv4 64-byte throughput (Gbps)"},
    "fw_power": {"zh": "最大吞吐量时功耗（W）", "en": "Power at maximum throughput (W)"},
    "length": {"zh": "长（mm，不含挂耳）", "en": "Length (mm, without ears)"},
    "height": {"zh": "高（mm）", "en": "Height (mm)"},
    "depth": {"zh": "深（mm）", "en": "Depth (mm)"},
    "tier": {"zh": "档位", "en": "Tier"},
    "volume": {"zh": "体积（dm³）", "en": "Volume (dm³)"},
    "w_per_gbps": {"zh": "功耗/吞吐量（W/Gbps）", "en": "Power / throughput (W/Gbps)"},
    "rated_power": {"zh": "额定功率（kW）", "en": "Rated power (kW)"},
    "fuel_rate": {"zh": "燃油消耗率（g/kWh，可空）", "en": "Fuel consumption rate (g/kWh, optional)"},
    "fuel_flow": {"zh": "100% 负载燃油流量（L/h，可空）", "en": "Fuel flow at 100 % load (L/h, optional)"},
    "noise_dir": {"zh": "{side} 1 m 噪声（dB(A)）", "en": "Noise {side} at 1 m (dB(A))"},
    "band": {"zh": "功率段", "en": "Band"},
    "band_none": {"zh": "不在任何档位内", "en": "outside every band"},
    "pah_table": {"zh": "15 项多环芳烃含量（mg/kg，未检出填 ND）",
                  "en": "The 15 PAHs (mg/kg; ND for not detected)"},
    "col_compound": {"zh": "物质", "en": "Compound"},
    "col_cas": {"zh": "CAS 号", "en": "CAS"},
    "col_value_mgkg": {"zh": "含量（mg/kg）", "en": "Content (mg/kg)"},
    "calc_error": {"zh": "无法计算：{error}", "en": "Cannot compute: {error}"},
    # data centre
    "dc_grade": {"zh": "等级", "en": "Grade"},
    "dc_summary": {"zh": "关键数据", "en": "Key figures"},
    "dc_constraints": {"zh": "基本要求与约束", "en": "Requirements and constraints"},
    "dc_scores": {"zh": "评分", "en": "Scores"},
    "dc_emissions": {"zh": "排放（tCO2）", "en": "Emissions (tCO2)"},
    "dc_offsets": {"zh": "抵消", "en": "Offsets"},
    "dc_whatif": {"zh": "假设分析：升到下一等级需要什么", "en": "What-if: what lifts it to the next grade"},
    "dc_flags": {"zh": "提示", "en": "Flags"},
    "dc_error": {"zh": "记录无法使用：{error}", "en": "Unusable record: {error}"},
}

SECTION_TITLES: dict[str, dict[str, str]] = {
    "4": {"zh": "4 基本要求", "en": "4 Basic requirements"},
    "5": {"zh": "5 运维服务要求", "en": "5 Operation and maintenance"},
    "6.1": {"zh": "6.1 通用要求", "en": "6.1 General requirements"},
    "6.2.1": {"zh": "6.2.1 服务器及存储设备（表 2）", "en": "6.2.1 Servers and storage (Table 2)"},
    "6.2.2": {"zh": "6.2.2 微型计算机及显示器（表 3）", "en": "6.2.2 PCs and displays (Table 3)"},
    "6.2.3": {"zh": "6.2.3 以太网交换机（表 4）", "en": "6.2.3 Ethernet switches (Table 4)"},
    "6.2.4": {"zh": "6.2.4 网络防火墙（表 5）", "en": "6.2.4 Network firewalls (Table 5)"},
    "6.3.1": {"zh": "6.3.1 冷却系统", "en": "6.3.1 Cooling"},
    "6.3.2": {"zh": "6.3.2 不间断电源", "en": "6.3.2 UPS"},
    "6.3.3": {"zh": "6.3.3 电机、变压器、泵、风机、压缩机",
              "en": "6.3.3 Motors, transformers, pumps, fans, compressors"},
    "6.3.4": {"zh": "6.3.4 电源分配单元（PDU）", "en": "6.3.4 Power distribution units (PDU)"},
    "6.3.5": {"zh": "6.3.5 柴油和汽油发电机（表 6）", "en": "6.3.5 Diesel and petrol generators (Table 6)"},
    "6.3.6": {"zh": "6.3.6 配电线路电缆（表 7）", "en": "6.3.6 Distribution cables (Table 7)"},
}

STATUS_EN: dict[str, str] = {"pass": "pass", "fail": "fail", "not_applicable": "not applicable",
                             "missing_evidence": "missing evidence", "manual_review": "manual review"}
VERDICT_EN: dict[str, str] = {"pass": "pass", "fail": "fail", "incomplete": "incomplete"}
NOISE_LABELS: dict[str, dict[str, str]] = {
    "zh": {"front": "前", "back": "后", "left": "左", "right": "右"},
    "en": {"front": "front", "back": "back", "left": "left", "right": "right"},
}
VERDICT_ICONS: dict[str, str] = {"pass": "green", "fail": "red", "incomplete": "orange"}


def t(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang`` (zh or en), formatted with ``values``; the key itself if unknown."""
    entry = STRINGS.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


def status_label(status: str, lang: str) -> str:
    """A clause status for people (符合 / pass ...)."""
    return (STATUS_ZH if lang == "zh" else STATUS_EN).get(status, status)


def verdict_label(verdict: str, lang: str) -> str:
    """A product verdict for people (不符合 / fail ...)."""
    return (VERDICT_ZH if lang == "zh" else VERDICT_EN).get(verdict, verdict)


def section_key(section: str) -> str:
    """The heading a clause section belongs under: the longest key of SECTION_TITLES that prefixes it."""
    best = section.split(".")[0]
    for key in SECTION_TITLES:
        if (section == key or section.startswith(key + ".")) and len(key) > len(best):
            best = key
    return best


def section_title(key: str, lang: str) -> str:
    """The heading of a section key (the key itself if unknown)."""
    entry = SECTION_TITLES.get(key)
    return entry.get(lang, entry["en"]) if entry else key
