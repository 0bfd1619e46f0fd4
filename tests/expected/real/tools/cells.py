"""Build a hand-checked expected file from pdftotext word boxes, independently of the project's reader.

Usage (from the repo root): ``.venv/bin/python tests/expected/real/tools/cells.py NAME [--write]`` where NAME is
a key of ``specs.SPECS`` (the expected file's stem). It prints every line for review against page renders
(``pdftoppm -r 100 -f N -l N``) and, with ``--write``, writes ``tests/expected/real/NAME.json``.

A spec gives, per table page, the x-ranges of the label, code and amount columns ("sides"); amounts are
grouped into rows by y and labels attach to the nearest row (wrapped labels join). Only ``normalise_label``
is taken from the project, because the contract defines items by it. Needs poppler-utils (pdftotext).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal
from html import unescape
from pathlib import Path

REPO = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from specs import SPECS  # noqa: E402

from extract.text import normalise_label  # noqa: E402

CORPUS = REPO.parent / "shared" / "real-pdfs" / "corpus"
OUT = Path(__file__).resolve().parents[1]
FACTOR = {"万元": Decimal(10000), "千元": Decimal(1000), "元": Decimal(1)}
AMOUNT = re.compile(r"^\(?-?[\d,]+(\.\d+)?\)?$")
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
NOT_REPORTED = ("-", "—", "/", "－")
HEADER_WORDS = ("注", "表", "部门名称", "项目", "收入", "支出", "预算单位")

Word = tuple[float, float, float, float, str]


def words(pdf: Path, page: int) -> list[Word]:
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [(float(a), float(b), float(c), float(d), unescape(t)) for a, b, c, d, t in WORD.findall(out)]


def to_yuan(text: str, unit: str) -> str:
    digits = text.replace(",", "")
    negative = digits.startswith(("(", "-"))
    value = Decimal(digits.strip("()-")) * FACTOR[unit]
    return str((-value if negative else value).quantize(Decimal("0.01")))


def _inside(word: Word, span: tuple[float, float]) -> bool:
    return span[0] <= (word[0] + word[2]) / 2 <= span[1]


def _mid(word: Word) -> float:
    return (word[1] + word[3]) / 2


def _attach(ws: list[Word], span, key: str, rows: list[dict], page: int, tol: float) -> None:
    """Group the words of one column into text lines and give each line to the nearest amount row."""
    lines: list[tuple[float, list[Word]]] = []
    chosen = [w for w in ws if _inside(w, span) and (key == "code" or not AMOUNT.match(w[4]))]
    for w in sorted(chosen, key=lambda w: (_mid(w), w[0])):
        if lines and abs(lines[-1][0] - _mid(w)) < 3:
            lines[-1][1].append(w)
        else:
            lines.append((_mid(w), [w]))
    for y, line in lines:
        text = "".join(w[4] for w in sorted(line))
        best = min(rows, key=lambda r: abs(r["y"] - y)) if rows else None
        if best is not None and abs(best["y"] - y) <= tol:
            best[key].append((y, text))
        elif len(text) > 1 and not text.startswith(HEADER_WORDS):
            print(f"  -- p{page} unattached {key} line y{y:.0f}: {text}")


def read_side(
    ws: list[Word], side: dict, unit: str, page: int, tol: float, ytop: float, ybot: float
) -> list[dict]:
    """One side of a table page: amounts in the measure columns, rows by y, labels and codes by nearest y."""
    ytop, ybot = side.get("ytop", ytop), side.get("ybot", ybot)
    ws = [w for w in ws if ytop <= _mid(w) <= ybot]
    amounts = []
    for w in ws:
        for measure, lo, hi in side["cols"]:
            if not _inside(w, (lo, hi)) or w[4] in NOT_REPORTED:
                continue
            if AMOUNT.match(w[4]) and re.search(r"\.\d\d\)?$", w[4]):
                amounts.append((_mid(w), measure, w[4]))
            elif re.search(r"\d", w[4]):
                print(f"  ?? p{page} not an amount in {measure}: {w[4]!r}")
    rows: list[dict] = []
    for y, measure, text in sorted(amounts):
        if rows and abs(rows[-1]["y"] - y) < 3:
            rows[-1]["cells"].append((measure, text))
        else:
            rows.append({"y": y, "cells": [(measure, text)], "label": [], "code": []})
    _attach(ws, side["label"], "label", rows, page, tol)
    for span in side.get("code", []):
        _attach(ws, span, "code", rows, page, tol)
    out = []
    for row in rows:
        item = normalise_label("".join(t for _, t in sorted(row["label"])))
        item = side.get("rename", {}).get(item, item)
        code = "".join(t for _, t in row["code"]) or None
        code = side.get("recode", {}).get(code, code)
        if code is not None and not code.isdigit():
            print(f"  ?? p{page} odd code {code!r} for {item}")
        for measure, text in row["cells"]:
            out.append(
                {
                    "table_type": None,
                    "code": code,
                    "item": item,
                    "measure": measure,
                    "amount_yuan": to_yuan(text, unit),
                    "page": page,
                }
            )
    return out


def build(spec: dict) -> dict:
    pdf = CORPUS / spec["file"]
    lines, tables = [], []
    for table in spec["tables"]:
        pages = {p["page"] for p in table.get("pagespecs", [])} | {m[4] for m in table.get("manual", [])}
        tables.append(
            {
                "table_type": table["table_type"],
                "pages": table.get("pages", sorted(pages)),
                "unit": table["unit"],
                "empty": table.get("empty", False),
            }
        )
        for code, item, measure, text, page in table.get("manual", []):
            amount = to_yuan(text, table["unit"])
            lines.append(
                {
                    "table_type": table["table_type"],
                    "code": code,
                    "item": item,
                    "measure": measure,
                    "amount_yuan": amount,
                    "page": page,
                }
            )
        for ps in table.get("pagespecs", []):
            ws = words(pdf, ps["page"])
            for side in ps["sides"]:
                found = read_side(
                    ws,
                    side,
                    table["unit"],
                    ps["page"],
                    ps.get("tol", 9.0),
                    ps.get("ytop", 0),
                    ps.get("ybot", 1e4),
                )
                for line in found:
                    line["table_type"] = table["table_type"]
                lines.extend(found)
    keys = (
        "file",
        "checked",
        "county",
        "department",
        "fiscal_year",
        "phase",
        "budget_unit",
        "title",
        "notes",
    )
    doc = {k: spec[k] for k in keys if k in spec}
    doc["tables"] = tables
    doc["lines"] = lines
    return doc


def dumps(doc: dict) -> str:
    """One table or line per row, like tests/expected/putuo-shehui-gongzuobu-2024-final.json."""
    parts = ["{"]
    parts += [
        f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},"
        for k, v in doc.items()
        if k not in ("tables", "lines")
    ]
    parts.append(' "tables": [')
    parts.append(",\n".join("  " + json.dumps(t, ensure_ascii=False) for t in doc["tables"]))
    parts.append(" ],")
    parts.append(' "lines": [')
    parts.append(",\n".join("  " + json.dumps(t, ensure_ascii=False) for t in doc["lines"]))
    parts.append(" ]")
    parts.append("}")
    return "\n".join(parts) + "\n"


def main(argv: list[str]) -> None:
    name = argv[0]
    doc = build(SPECS[name])
    for ln in doc["lines"]:
        print(
            f"{ln['table_type'][:8]:8} p{ln['page']:<3} {ln['code'] or '':8} {ln['item'][:30]:30} "
            f"{ln['measure']:20} {ln['amount_yuan']:>16}"
        )
    print(len(doc["lines"]), "lines")
    if "--write" in argv:
        (OUT / f"{name}.json").write_text(dumps(doc), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
