#!/usr/bin/env python3
"""Compute expected.json from the fixtures in this folder.

The label tables below are the fixture author's own reading of each file
(what a human statistician means by each header / label).  They were written
without looking at the pipeline's word lists.

Rules applied
-------------
* Long / SDMX files: observations are grouped per state x year x measure.
  - A total given beside categories -> the categories as given, plus
    unknown = total - (sum of the categories given).
  - A total given alone -> a single observation unknown = total.
  - The total itself is not an output observation.
* SDMX: count = OBS_VALUE * 10**UNIT_MULT; OBS_STATUS A -> '' , E -> 'e',
  P -> 'p'; a derived unknown has no flag (all totals here are status A).
* Records: one row = one child; citizenship == country of exploitation ->
  internal, different -> international, either missing -> unknown; counted
  per reporting state x calendar year of the identification date;
  measure = children.  Only non-empty combinations are output.

Usage:  python3 expected.py            (writes expected.json)
        python3 expected.py --check    (fails if expected.json is stale)
"""
import csv
import io
import json
import os
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ORDER = {"internal": 0, "international": 1, "not_trafficked": 2, "unknown": 3}
TOTAL = "total"

I, X, N, U = "internal", "international", "not_trafficked", "unknown"


def read_rows(name, delimiter):
    raw = open(os.path.join(HERE, name), "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    header, body = rows[0], [r for r in rows[1:] if any(c.strip() for c in r)]
    return header, [dict(zip(header, r)) for r in body]


def fold(groups):
    """groups: {(state, year, measure): [(linkage_or_total, count, flag)]}"""
    out = []
    for (state, year, measure), items in groups.items():
        cats, total = {}, None
        for link, count, flag in items:
            if link == TOTAL:
                assert total is None, (state, year, measure, "two totals")
                total = count
            else:
                assert link not in cats, (state, year, measure, link, "duplicate")
                cats[link] = (count, flag)
        if total is not None:
            assert U not in cats, (state, year, measure, "total and unknown both given")
            rest = total - sum(c for c, _ in cats.values())
            assert rest > 0, (state, year, measure, "residual must be positive", rest)
            cats[U] = (rest, "")
        for link, (count, flag) in cats.items():
            out.append({"state": state, "year": year, "measure": measure,
                        "linkage": link, "count": count, "flag": flag})
    out.sort(key=lambda o: (o["state"], o["year"], o["measure"], ORDER[o["linkage"]]))
    return out


# ---------------------------------------------------------------- long files
LONG = {
    "long-en.csv": dict(
        delimiter=",",
        state="Reporting State (ISO 3166 alpha-3 code)",
        states=None,  # already ISO alpha-3
        year="Reference year",
        link="Link with trafficking in human beings",
        count="Number recorded",
        measure_col="Statistical measure",
        measures={"Child victims identified": "children",
                  "Investigations of child sexual abuse material opened": "investigations"},
        labels={
            "Trafficked within the country only": I,
            "Trafficked across an international border": X,
            "Not connected with trafficking in persons": N,
            "Not recorded": U,
            "Internal trafficking": I,
            "International trafficking": X,
            "No link to trafficking found": N,
            "Domestic trafficking": I,
            "Cross-border trafficking": X,
            "Examined, not trafficked": N,
            "Trafficking status not known": U,
            "Domestic (within-country) trafficking": I,
            "Transnational trafficking": X,
            "Unknown / not recorded": U,
            "Total, all categories": TOTAL,
        }),
    "long-fr.csv": dict(
        delimiter=";",
        state="Pays déclarant",
        states={"France": "FRA", "Belgique": "BEL", "Suisse": "CHE",
                "Luxembourg": "LUX", "Monaco": "MCO"},
        year="Année de référence",
        link="Type de lien avec la traite des êtres humains",
        count="Nombre d'enfants victimes identifiés",
        measure_fixed="children",
        labels={
            "Traite interne, à l'intérieur du territoire national": I,
            "Traite internationale (passage d'une frontière)": X,
            "Sans lien avec la traite des êtres humains": N,
            "Non renseigné": U,
            "Victimes de traite interne": I,
            "Victimes de traite transfrontalière": X,
            "Aucun lien avec la traite": N,
            "Traite à l'intérieur du pays": I,
            "Traite transnationale": X,
            "Non liés à la traite des personnes": N,
            "Lien inconnu": U,
            "Ensemble (toutes catégories)": TOTAL,
        }),
    "long-de.csv": dict(
        delimiter=";",
        state="Berichtsstaat",
        states={"Deutschland": "DEU", "Österreich": "AUT", "Schweiz": "CHE",
                "Liechtenstein": "LIE"},
        year="Berichtsjahr",
        link="Art der Verbindung zum Menschenhandel",
        count="Anzahl (Personen bzw. Verfahren)",
        measure_col="Erhebungsmerkmal",
        measures={"Als Opfer identifizierte Kinder": "children",
                  "Eingeleitete Ermittlungsverfahren": "investigations"},
        labels={
            "Menschenhandel nur innerhalb des Landes": I,
            "Grenzüberschreitender Menschenhandel": X,
            "Kein Zusammenhang mit Menschenhandel": N,
            "Nicht bekannt": U,
            "Inländischer Menschenhandel": I,
            "Menschenhandel über die Staatsgrenze hinweg": X,
            "Ohne Zusammenhang mit Menschenhandel": N,
            "Unbekannt / nicht erfasst": U,
            "Innerstaatlicher Menschenhandel": I,
            "Internationaler Menschenhandel": X,
            "Stehen nicht im Zusammenhang mit Menschenhandel": N,
            "Keine Angabe": U,
            "Insgesamt": TOTAL,
        }),
    "long-it.csv": dict(
        delimiter=";",
        state="Paese dichiarante",
        states={"Italia": "ITA", "San Marino": "SMR", "Svizzera": "CHE", "Malta": "MLT"},
        year="Anno di riferimento",
        link="Tipo di collegamento con la tratta di esseri umani",
        count="Numero di indagini avviate",
        measure_fixed="investigations",
        labels={
            "Tratta interna (all'interno del territorio nazionale)": I,
            "Tratta internazionale": X,
            "Non collegato alla tratta di esseri umani": N,
            "Dato non disponibile": U,
            "Tratta all'interno del paese": I,
            "Tratta transnazionale": X,
            "Nessun collegamento con la tratta": N,
            "Tratta interna": I,
            "Tratta transfrontaliera": X,
            "Indagini non collegate alla tratta": N,
            "Sconosciuto": U,
            "Minori trafficati solo all'interno del paese": I,
            "Minori trafficati attraverso una frontiera": X,
            "Non collegati alla tratta": N,
            "Non rilevato": U,
            "Totale complessivo": TOTAL,
        }),
    "long-ru.csv": dict(
        delimiter=";",
        state="Государство-участник",
        states={"Российская Федерация": "RUS", "Казахстан": "KAZ", "Кыргызстан": "KGZ",
                "Беларусь": "BLR", "Узбекистан": "UZB", "Армения": "ARM"},
        year="Отчётный год",
        link="Характер связи с торговлей людьми",
        count="Количество (человек / уголовных дел)",
        measure_col="Показатель",
        measures={"Число выявленных детей, ставших жертвами": "children",
                  "Число возбуждённых уголовных дел (расследований)": "investigations"},
        labels={
            "Внутренняя торговля людьми (в пределах страны)": I,
            "Международная торговля людьми": X,
            "Не связано с торговлей людьми": N,
            "Сведения отсутствуют": U,
            "Торговля людьми внутри страны": I,
            "Трансграничная торговля людьми": X,
            "Не связаны с торговлей людьми": N,
            "Неизвестно": U,
            "Внутренняя (в пределах государства)": I,
            "Международная (с пересечением государственной границы)": X,
            "Не связанные с торговлей людьми": N,
            "Внутренняя торговля": I,
            "Международная торговля": X,
            "Без связи с торговлей людьми": N,
            "Данные не учитывались": U,
            "Всего": TOTAL,
        }),
    "long-es.csv": dict(
        delimiter=";",
        state="País informante",
        states={"España": "ESP", "Andorra": "AND", "Portugal": "PRT",
                "Estados Unidos": "USA"},
        year="Año de referencia",
        link="Tipo de vínculo con la trata de personas",
        count="Número de personas o de casos",
        measure_col="Indicador estadístico",
        measures={"Niños y niñas identificados como víctimas": "children",
                  "Investigaciones abiertas por material de abuso sexual infantil": "investigations"},
        labels={
            "Trata interna (dentro del territorio nacional)": I,
            "Trata internacional": X,
            "Sin relación con la trata de seres humanos": N,
            "No consta": U,
            "Trata transfronteriza": X,
            "No vinculados a la trata": N,
            "Trata en el interior del país": I,
            "Trata transnacional": X,
            "Sin relación con la trata": N,
            "Información no disponible": U,
            "Trata interna": I,
            "Trata a través de fronteras internacionales": X,
            "Sin vínculo con la trata de personas": N,
            "Sin información": U,
            "Total general": TOTAL,
        }),
    "labels-mixed.csv": dict(
        delimiter=",",
        state="Country",
        states=None,
        year="Reference year",
        link="Kind of link with trafficking",
        count="Number of child victims",
        measure_fixed="children",
        labels={
            # typos (one letter)
            "Internal traficking": I,
            "not connectd with trafficking in persons": N,
            "trate interne": I,
            "sans lien avec la trate": N,
            "Traite internationnale": X,
            "Menschenhandel innerhalb des Lands": I,
            "kein Zusammenhang mit Menschenhandl": N,
            "UNBEKANT": U,
            "tratta internaziomale": X,
            "non colegato alla tratta": N,
            "trata interma": I,
            "desconocdo": U,
            "sin relacion con la trata": N,  # accent dropped
            # ALL CAPS
            "INTERNATIONAL TRAFFICKING": X,
            "NOT CONNECTED WITH TRAFFICKING": N,
            "UNKNOWN": U,
            "TRAITE INTERNATIONALE": X,
            "NON RENSEIGNÉ": U,
            "SANS LIEN AVEC LA TRAITE": N,
            "GRENZÜBERSCHREITENDER MENSCHENHANDEL": X,
            "INLÄNDISCHER MENSCHENHANDEL": I,
            "TRATTA INTERNA": I,
            "TRATA INTERNACIONAL": X,
            "TOTAL": TOTAL,
            "VSEGO": TOTAL,
            # abbreviations
            "n/k": U,
            "dom. trafficking": I,
            "Int'l trafficking": X,
            "n.d.": U,
            "k.A.": U,
            "N.D.": U,
            "THB - domestic": I,
            "THB - cross-border": X,
            "not THB-related": N,
            # transliterated Russian
            "vnutrennyaya torgovlya lyudmi": I,
            "mezhdunarodnaya torgovlya lyudmi": X,
            "ne svyazano s torgovley lyudmi": N,
            "neizvestno": U,
            "torgovlya lyudmi vnutri strany": I,
            "transgranichnaya torgovlya lyudmi": X,
            "ne svyazany s torgovlei lyudmi": N,
            # reordered words
            "traite, interne": I,
            "Menschenhandel, grenzüberschreitend": X,
            "mit Menschenhandel kein Zusammenhang": N,
            "trafficking, internal": I,
            "across borders, trafficked": X,
            "trafficking in persons - not connected with": N,
            "not known": U,
        }),
}


def long_file(name, cfg):
    _, rows = read_rows(name, cfg["delimiter"])
    groups = defaultdict(list)
    for r in rows:
        st = r[cfg["state"]].strip()
        st = cfg["states"][st] if cfg["states"] else st
        year = int(r[cfg["year"]])
        if "measure_fixed" in cfg:
            measure = cfg["measure_fixed"]
        else:
            measure = cfg["measures"][r[cfg["measure_col"]].strip()]
        link = cfg["labels"][r[cfg["link"]].strip()]
        groups[(st, year, measure)].append((link, int(r[cfg["count"]]), ""))
    return fold(groups)


# ---------------------------------------------------------------- SDMX files
SDMX_LINK = {"INTERNAL": I, "INTERNATIONAL": X, "NOT_TRAFFICKED": N, "_U": U, "_T": TOTAL}
SDMX_MEASURE = {"CHILDREN": "children", "INVESTIGATIONS": "investigations"}
SDMX_STATUS = {"A": "", "": "", "E": "e", "P": "p"}


def sdmx_file(name, link_dim):
    _, rows = read_rows(name, ",")
    groups = defaultdict(list)
    for r in rows:
        if "ACTION" in r:
            assert r["ACTION"] == "I"
        count = int(r["OBS_VALUE"]) * 10 ** int(r.get("UNIT_MULT") or 0)
        link = SDMX_LINK[r[link_dim]]
        flag = SDMX_STATUS[r.get("OBS_STATUS", "")]
        if link == TOTAL:
            assert flag == ""
        groups[(r["REF_AREA"], int(r["TIME_PERIOD"]), SDMX_MEASURE[r["MEASURE"]])].append(
            (link, count, flag))
    return fold(groups)


# ---------------------------------------------------------------- records
COUNTRY = {"poland": "PL", "germany": "DE", "netherlands": "NL", "romania": "RO",
           "ukraine": "UA", "moldova": "MD", "bulgaria": "BG", "czechia": "CZ"}
MISSING = {"", "unknown", "not known"}


def country(v):
    v = v.strip()
    if v.lower() in MISSING:
        return None
    if len(v) == 2 and v.isupper():
        return v
    return COUNTRY[v.lower()]


def year_of(d):
    d = d.strip()
    if "." in d:                    # dd.mm.yyyy
        return int(d.split(".")[2])
    return int(d.split("-")[0])     # yyyy-mm-dd


def records_file(name):
    _, rows = read_rows(name, ",")
    counts = defaultdict(int)
    for r in rows:
        a, b = country(r["Citizenship of the child"]), country(r["Country of exploitation"])
        link = U if a is None or b is None else (I if a == b else X)
        counts[(r["Reporting State"], year_of(r["Date of identification"]), link)] += 1
    out = [{"state": s, "year": y, "measure": "children", "linkage": l, "count": c, "flag": ""}
           for (s, y, l), c in counts.items()]
    out.sort(key=lambda o: (o["state"], o["year"], ORDER[o["linkage"]]))
    return out


def main():
    result = {}
    for name, cfg in LONG.items():
        result[name] = long_file(name, cfg)
    result["sdmx-custom-dim.csv"] = sdmx_file("sdmx-custom-dim.csv", "TRAFF_LINK")
    result["sdmx-v2-unitmult.csv"] = sdmx_file("sdmx-v2-unitmult.csv", "P23_TYPE")
    result["records-extra-cols.csv"] = records_file("records-extra-cols.csv")
    text = json.dumps(result, ensure_ascii=False, indent=1) + "\n"
    path = os.path.join(HERE, "expected.json")
    if "--check" in sys.argv:
        if open(path, encoding="utf-8").read() != text:
            sys.exit("expected.json is stale; run python3 expected.py")
        print("expected.json up to date")
        return
    open(path, "w", encoding="utf-8").write(text)
    for name, obs in result.items():
        print(f"{name}: {len(obs)} observations")


if __name__ == "__main__":
    main()
