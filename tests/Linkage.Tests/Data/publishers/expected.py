#!/usr/bin/env python3
"""Compute expected.json from the publisher-shaped fixtures in this folder.

Written independently of the C# pipeline: standard library only, one small reader per
publisher shape, then one set of linkage rules applied to what the readers return.

    python3 expected.py            # rewrites expected.json next to this file
    python3 expected.py --check    # exits 1 if expected.json is out of date

The rules (see README.md for the reasoning and the places where a reading was a choice):
  * only the 57 OSCE participating States are kept; other countries, territories and regional
    aggregates are set aside;
  * measure: under-18 -> "children", all ages -> "victims"; adult-only rows and every other age
    band are set aside; a breakdown's published total (sex total, form-of-exploitation total =
    GLOTIP's Dimension "Total") is used and its parts are set aside, never added to it; where the
    total is absent and the parts are a complete partition (SDG FEMALE + MALE, both plain counts),
    the parts are summed and both rows are the figure's provenance;
  * other indicators (prosecuted, convicted, offences, formal contact) are set aside;
  * linkage from a citizenship breakdown: own citizens -> internal; any other country or group
    of countries -> international (summed); unknown / not stated -> unknown, and when the total
    is given, unknown = total - internal - international (the explicit "unknown" category and any
    victims the breakdown leaves unallocated both land there);
  * with no citizenship breakdown, one observation: linkage unknown = the total;
  * "<5" -> count null, flag c; no value -> count null, flag m unless it is flagged c;
    flags e p b are kept; SDG Nature E or M -> e; "1,250" -> 1250;
  * flags are written as the letters of {e, p, b, c, m} present, in that order.
"""
import csv
import io
import json
import os
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))

OSCE = set("""ALB AND ARM AUT AZE BEL BIH BGR BLR CAN CHE CYP CZE DEU DNK ESP EST FIN FRA GBR GEO
GRC HRV HUN IRL ISL ITA KAZ KGZ LIE LTU LUX LVA MCO MDA MKD MLT MNE MNG NLD NOR POL PRT ROU RUS
SMR SRB SVK SVN SWE TJK TKM TUR UKR USA UZB VAT""".split())
assert len(OSCE) == 57

# Eurostat geo codes: ISO 3166 alpha-2 except EL (Greece) and UK (United Kingdom).
EUROSTAT_GEO = {
    "AL": "ALB", "AD": "AND", "AM": "ARM", "AT": "AUT", "AZ": "AZE", "BE": "BEL", "BA": "BIH",
    "BG": "BGR", "BY": "BLR", "CA": "CAN", "CH": "CHE", "CY": "CYP", "CZ": "CZE", "DE": "DEU",
    "DK": "DNK", "ES": "ESP", "EE": "EST", "FI": "FIN", "FR": "FRA", "UK": "GBR", "GE": "GEO",
    "EL": "GRC", "HR": "HRV", "HU": "HUN", "IE": "IRL", "IS": "ISL", "IT": "ITA", "KZ": "KAZ",
    "KG": "KGZ", "LI": "LIE", "LT": "LTU", "LU": "LUX", "LV": "LVA", "MC": "MCO", "MD": "MDA",
    "MK": "MKD", "MT": "MLT", "ME": "MNE", "MN": "MNG", "NL": "NLD", "NO": "NOR", "PL": "POL",
    "PT": "PRT", "RO": "ROU", "RU": "RUS", "SM": "SMR", "RS": "SRB", "SK": "SVK", "SI": "SVN",
    "SE": "SWE", "TJ": "TJK", "TM": "TKM", "TR": "TUR", "UA": "UKR", "US": "USA", "UZ": "UZB",
    "VA": "VAT",
    "XK": "XKX",  # Kosovo (UNSCR 1244/99): published by Eurostat, not an OSCE participating State
}
# UN M49 numeric codes of the OSCE participating States (the SDG API writes them without zeros).
M49 = {
    8: "ALB", 20: "AND", 51: "ARM", 40: "AUT", 31: "AZE", 56: "BEL", 70: "BIH", 100: "BGR",
    112: "BLR", 124: "CAN", 756: "CHE", 196: "CYP", 203: "CZE", 276: "DEU", 208: "DNK", 724: "ESP",
    233: "EST", 246: "FIN", 250: "FRA", 826: "GBR", 268: "GEO", 300: "GRC", 191: "HRV", 348: "HUN",
    372: "IRL", 352: "ISL", 380: "ITA", 398: "KAZ", 417: "KGZ", 438: "LIE", 440: "LTU", 442: "LUX",
    428: "LVA", 492: "MCO", 498: "MDA", 807: "MKD", 470: "MLT", 499: "MNE", 496: "MNG", 528: "NLD",
    578: "NOR", 616: "POL", 620: "PRT", 642: "ROU", 643: "RUS", 674: "SMR", 688: "SRB", 703: "SVK",
    705: "SVN", 752: "SWE", 762: "TJK", 795: "TKM", 792: "TUR", 804: "UKR", 840: "USA", 860: "UZB",
    336: "VAT",
}
assert set(M49.values()) == OSCE

# How GLOTIP names a State's own citizens in "by citizenship" rows: its name (UNODC's long form
# and the short form some States report), a demonym, or "Nationals".  Only the States that appear
# in the fixtures need listing; a State missing here makes the script stop rather than guess.
GLOTIP_OWN = {
    "AUT": {"Austria", "Austrian", "Austrians"},
    "SRB": {"Serbia", "Serbian", "Serbians"},
    "GBR": {"United Kingdom of Great Britain and Northern Ireland", "United Kingdom", "British"},
    "MDA": {"Republic of Moldova", "Moldova", "Moldavian", "Moldovan", "Moldovans"},
    "TUR": {"Türkiye", "Turkey", "Turkish", "Turks"},
}
GLOTIP_UNKNOWN = {"unknown", "(nationality not stated)", "not stated", ""}

FLAG_ORDER = "epbcm"


def canon(flags):
    return "".join(ch for ch in FLAG_ORDER if ch in flags)


def parse_count(text):
    """Return (count or None, flags) for a published count text."""
    t = text.strip()
    if t == "<5":
        return None, "c"
    if t in ("", ":"):
        return None, "m"
    return int(t.replace(",", "")), ""


# ------------------------------------------------------------------ facts
# A fact is one published number the rules keep:
#   (state, year, measure, role, category, count, flags, line)
# role is "total", "internal", "international" or "unknown".

class Sheet:
    def __init__(self, name):
        self.name = name
        self.facts = []
        self.data_rows = 0
        self.set_aside = defaultdict(int)
        self.extra = {}

    def aside(self, reason, n=1):
        self.set_aside[reason] += n


def read_text(path):
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    return raw.decode("utf-8")


# ------------------------------------------------------------------ Eurostat
EU_INTERNATIONAL = {"EU27_2020_FOR", "NEU27_2020_FOR", "EU28_FOR", "NEU28_FOR", "EFTA_FOR",
                    "FOR"}


def eurostat_fact(sheet, dims, year, count, flags, line):
    """dims: dict of lower-case dimension id -> code."""
    geo = dims["geo"]
    iso = EUROSTAT_GEO.get(geo)
    if iso is None:
        sheet.aside("regional aggregate (" + geo + ")")
        return
    if iso not in OSCE:
        sheet.aside("not an OSCE participating State (" + geo + ")")
        return
    if dims.get("unit", "NR") != "NR":
        sheet.aside("unit is not a count")
        return
    if dims.get("sex", "T") != "T":
        sheet.aside("sex part (total T is used)")
        return
    age = dims.get("age", "TOTAL")
    if age == "TOTAL":
        measure = "victims"
    elif age == "Y_LT18":
        measure = "children"
    else:
        sheet.aside("age band other than all ages / under 18 (" + age + ")")
        return
    cit = dims.get("citizen", "TOTAL")
    if cit == "TOTAL":
        role = "total"
    elif cit == "NAT":
        role = "internal"
    elif cit in EU_INTERNATIONAL:
        role = "international"
    elif cit == "UNK":
        role = "unknown"
    else:
        sheet.aside("citizenship code not mapped (" + cit + ")")
        return
    sheet.facts.append((iso, int(year), measure, role, cit, count, flags, line))


def eurostat_value(value, obs_flag, conf):
    flags = "".join(ch for ch in obs_flag if ch in "epb")
    confidential = "c" in obs_flag or conf.strip().upper() == "C"
    v = value.strip()
    if v in ("", ":"):
        return None, canon(flags + ("c" if confidential else "m"))
    return int(v), canon(flags + ("c" if confidential else ""))


def read_eurostat_sdmx_csv(path):
    sheet = Sheet(os.path.basename(path))
    rows = list(csv.reader(io.StringIO(read_text(path))))
    header = rows[0]
    assert header[0] == "DATAFLOW" and header[1] == "LAST UPDATE", header
    ti = header.index("TIME_PERIOD")
    dim_ids = header[2:ti]
    col = {h: i for i, h in enumerate(header)}
    for n, r in enumerate(rows[1:], start=2):
        if not r:
            continue
        sheet.data_rows += 1
        dims = dict(zip(dim_ids, r[2:ti]))
        count, flags = eurostat_value(r[col["OBS_VALUE"]], r[col["OBS_FLAG"]],
                                      r[col["CONF_STATUS"]] if "CONF_STATUS" in col else "")
        eurostat_fact(sheet, dims, r[ti], count, flags, n)
    return sheet


def read_eurostat_tsv(path):
    sheet = Sheet(os.path.basename(path))
    lines = read_text(path).split("\n")
    head = lines[0].split("\t")
    first = head[0]
    sep = "\\TIME_PERIOD" if first.endswith("\\TIME_PERIOD") else "\\time"
    assert first.endswith(sep), first
    dim_ids = first[: -len(sep)].split(",")
    years = [h.strip() for h in head[1:]]
    cells = 0
    aside_lines = 0
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        sheet.data_rows += 1
        parts = line.split("\t")
        dims = dict(zip(dim_ids, parts[0].split(",")))
        before = sum(sheet.set_aside.values())
        for year, raw in zip(years, parts[1:]):
            cells += 1
            value, _, flagpart = raw.partition(" ")
            obs_flag, _, conf = flagpart.partition("@")
            count, flags = eurostat_value(value, obs_flag.strip(), conf)
            eurostat_fact(sheet, dims, year, count, flags, n)
        if sum(sheet.set_aside.values()) > before:
            aside_lines += 1
    sheet.extra = {"data_cells": cells, "set_aside_cells": sum(sheet.set_aside.values()),
                   "set_aside_lines": aside_lines}
    return sheet


# ------------------------------------------------------------------ UN SDG API
# (file, line) -> the other lines of a figure summed from a breakdown's parts
SUMMED = {}


def read_sdg_csv(path):
    sheet = Sheet(os.path.basename(path))
    parts = defaultdict(list)
    rows = list(csv.reader(io.StringIO(read_text(path), newline="")))
    header = [h.strip() for h in rows[0]]
    # The API's Series/DataCSV writes dimension and attribute columns in brackets ("[Age]");
    # the data portal's download does not.  Accept either.
    col = {h.strip("[]"): i for i, h in enumerate(header)}
    for n, r in enumerate(rows[1:], start=2):
        if not r or all(not x for x in r):
            continue
        sheet.data_rows += 1
        if r[col["SeriesCode"]] != "VC_HTF_DETV":
            sheet.aside("other series")
            continue
        code = int(r[col["GeoAreaCode"]])
        iso = M49.get(code)
        if iso is None:
            sheet.aside("not an OSCE participating State or a regional aggregate (M49 %d)" % code)
            continue
        age = r[col["Age"]]
        if r[col["Sex"]] != "BOTHSEX":
            # held: used only if this area, year, age and nature has no BOTHSEX row
            parts[(code, r[col["TimePeriod"]], age, r[col["Nature"]])].append((r, n))
            continue
        if age == "ALLAGE":
            measure = "victims"
        elif age == "<18Y":
            measure = "children"
        else:
            sheet.aside("age band other than all ages / under 18 (" + age + ")")
            continue
        count, flags = parse_count(r[col["Value"]])
        if r[col["Nature"]] in ("E", "M"):
            flags += "e"
        sheet.facts.append((iso, int(float(r[col["TimePeriod"]])), measure, "total", "", count,
                            canon(flags), n))
    for (code, year, age, nature), held in parts.items():
        has_total = any(f[0] == M49[code] and f[1] == int(float(year)) and f[7] in totals_lines(sheet, code, year, age, nature, col, rows)
                        for f in sheet.facts)
        sexes = sorted(r[col["Sex"]] for r, _ in held)
        values = [parse_count(r[col["Value"]]) for r, _ in held]
        if (has_total or sexes != ["FEMALE", "MALE"] or age not in ("ALLAGE", "<18Y")
                or any(c is None or f for c, f in values)):
            for _ in held:
                sheet.aside("sex part (BOTHSEX is used)" if has_total else "sex part, no BOTHSEX and no complete partition")
            continue
        lines = sorted(n for _, n in held)
        SUMMED[(sheet.name, lines[0])] = lines[1:]
        flags = "e" if nature in ("E", "M") else ""
        sheet.facts.append((M49[code], int(float(year)), "victims" if age == "ALLAGE" else "children", "total", "",
                            sum(c for c, _ in values), canon(flags), lines[0]))
    return sheet


def totals_lines(sheet, code, year, age, nature, col, rows):
    """Lines of the BOTHSEX rows of one SDG area, year, age and nature."""
    return {n for n, r in enumerate(rows[1:], start=2)
            if r and r[col["GeoAreaCode"]] == str(code) and r[col["TimePeriod"]] == year and r[col["Age"]] == age
            and r[col["Nature"]] == nature and r[col["Sex"]] == "BOTHSEX"}


# ------------------------------------------------------------------ UNODC GLOTIP
def read_glotip_csv(path):
    sheet = Sheet(os.path.basename(path))
    rows = list(csv.reader(io.StringIO(read_text(path), newline="")))
    hi = next(i for i, r in enumerate(rows) if r and r[0] == "Iso3_code")
    header = rows[hi]
    col = {h: i for i, h in enumerate(header)}
    sheet.extra = {"preamble_rows": hi}
    for n, r in enumerate(rows[hi + 1:], start=hi + 2):
        if not r or all(not x for x in r):
            continue
        sheet.data_rows += 1
        get = lambda name: r[col[name]].strip()
        iso = get("Iso3_code")
        if iso not in OSCE:
            sheet.aside("not an OSCE participating State (" + (iso or get("Country")) + ")")
            continue
        if get("Indicator") != "Detected trafficking victims":
            sheet.aside("other indicator (" + get("Indicator") + ")")
            continue
        dim, cat, sex, age = get("Dimension"), get("Category"), get("Sex"), get("Age")
        count, flags = parse_count(get("txtVALUE"))
        year = int(get("Year"))
        if dim == "Total" and cat == "Total":
            if sex != "Total":
                sheet.aside("sex part (Total is used)")
                continue
            if age == "Total":
                measure = "victims"
            elif age == "0 to 17 years":
                measure = "children"
            else:
                sheet.aside("age band other than all ages / under 18 (" + age + ")")
                continue
            sheet.facts.append((iso, year, measure, "total", "", count, flags, n))
        elif dim == "by citizenship":
            if sex != "Total" or age != "Total":
                sheet.aside("citizenship row below a sex/age part")
                continue
            own = GLOTIP_OWN[iso] | {"Nationals"}
            if cat in own:
                role = "internal"
            elif cat.lower() in GLOTIP_UNKNOWN:
                role = "unknown"
            else:
                role = "international"
            sheet.facts.append((iso, year, "victims", role, cat, count, flags, n))
        elif dim == "by form of exploitation":
            sheet.aside("form-of-exploitation part (Dimension Total is used)")
        else:
            sheet.aside("other dimension (" + dim + ")")
    return sheet


# ------------------------------------------------------------------ linkage rules
def sum_facts(facts):
    """Sum of the facts' counts (None if any is withheld/missing) and the union of their flags."""
    flags = canon("".join(f[6] for f in facts))
    if any(f[5] is None for f in facts):
        return None, flags
    return sum(f[5] for f in facts), flags


def observations(sheet):
    groups = defaultdict(list)
    for f in sheet.facts:
        groups[(f[0], f[1], f[2])].append(f)
    obs, prov = [], {}
    for (state, year, measure), facts in sorted(groups.items()):
        totals = [f for f in facts if f[3] == "total"]
        parts = {role: [f for f in facts if f[3] == role] for role in ("internal", "international", "unknown")}
        if len(totals) > 1:
            raise SystemExit("%s: two totals for %s %s %s" % (sheet.name, state, year, measure))
        total = totals[0] if totals else None

        def emit(linkage, count, flags, lines, note):
            obs.append({"state": state, "year": year, "measure": measure, "linkage": linkage,
                        "count": count, "flag": canon(flags)})
            lines = list(lines) + [x for line in lines for x in SUMMED.get((sheet.name, line), [])]
            prov["%s %d %s %s" % (state, year, measure, linkage)] = {"lines": sorted(lines), "how": note}

        if not any(parts.values()):
            emit("unknown", total[5], total[6], [total[7]], "no citizenship breakdown: the total")
            continue
        internal, fi = sum_facts(parts["internal"])
        international, fx = sum_facts(parts["international"])
        emit("internal", internal, fi, [f[7] for f in parts["internal"]], "sum of own-citizen rows")
        emit("international", international, fx, [f[7] for f in parts["international"]],
             "sum of other-country rows")
        used = parts["internal"] + parts["international"]
        if total is not None and total[5] is not None:
            lines = [total[7]] + [f[7] for f in used + parts["unknown"]]
            if internal is None or international is None:
                emit("unknown", None, total[6] + fi + fx, lines,
                     "total - internal - international, not derivable (a part is withheld/missing)")
            else:
                residual = total[5] - internal - international
                if residual < 0:
                    raise SystemExit("%s: parts exceed the total for %s %s %s" % (sheet.name, state, year, measure))
                emit("unknown", residual, total[6] + fi + fx, lines, "total - internal - international")
        else:
            u, fu = sum_facts(parts["unknown"]) if parts["unknown"] else (None, total[6] if total else "m")
            emit("unknown", u, fu, [f[7] for f in parts["unknown"]] + ([total[7]] if total else []),
                 "total not given: the explicit unknown category only")
    return obs, prov


READERS = [
    ("eurostat-crim_thb_vctz.sdmx.csv", read_eurostat_sdmx_csv),
    ("eurostat-crim_thb_vctz.tsv", read_eurostat_tsv),
    ("eurostat-crim_thb_vctz.2025.sdmx.csv", read_eurostat_sdmx_csv),
    ("eurostat-crim_thb_vctz.2025.tsv", read_eurostat_tsv),
    ("un-sdg-api-vc_htf_detv.csv", read_sdg_csv),
    ("glotip-2023-preamble.csv", read_glotip_csv),
]


def build():
    out = {"rules": "see expected.py docstring and README.md", "files": {}}
    for name, reader in READERS:
        sheet = reader(os.path.join(HERE, name))
        obs, prov = observations(sheet)
        used_lines = sorted({f[7] for f in sheet.facts} | {x for f in sheet.facts for x in SUMMED.get((name, f[7]), [])})
        entry = {
            "data_rows": sheet.data_rows,
            "set_aside_rows": sum(sheet.set_aside.values()),
            "set_aside_by_reason": dict(sorted(sheet.set_aside.items())),
            "observations": obs,
            "provenance": prov,
        }
        if reader is read_eurostat_tsv:
            # a TSV line holds one series; count lines and cells separately
            entry["data_rows"] = sheet.data_rows
            entry["set_aside_rows"] = sheet.extra["set_aside_lines"]
            entry["data_cells"] = sheet.extra["data_cells"]
            entry["set_aside_cells"] = sheet.extra["set_aside_cells"]
            entry["set_aside_by_reason_cells"] = entry.pop("set_aside_by_reason")
        else:
            assert sheet.data_rows == len(used_lines) + entry["set_aside_rows"], name
        entry.update({k: v for k, v in sheet.extra.items() if k == "preamble_rows"})
        out["files"][name] = entry
    # The four Eurostat files carry the same data and must give the same observations.
    eu = [out["files"][n]["observations"] for n, _ in READERS[:4]]
    assert all(o == eu[0] for o in eu), "Eurostat shapes disagree"
    return out


def main():
    text = json.dumps(build(), ensure_ascii=False, indent=1) + "\n"
    target = os.path.join(HERE, "expected.json")
    if "--check" in sys.argv:
        with open(target, encoding="utf-8") as f:
            if f.read() != text:
                print("expected.json is out of date; run python3 expected.py")
                sys.exit(1)
        print("expected.json is up to date")
        return
    with open(target, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("wrote", target)


if __name__ == "__main__":
    main()
