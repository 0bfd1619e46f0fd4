"""Scanned copies of generated disclosures (form b): every page one image, no text layer.

A county office prints its disclosure, stamps it and feeds it to a scanner, so the PDF it publishes
holds one JPEG per page: grey paper, a slight skew, soft focus, JPEG noise and now and then a red
seal over a table. ``scan_pdf`` does that to a generated text PDF, deterministically from a seed,
and ``scan_corpus`` writes the scanned copies with the same truth (new file name and hash), plus
what was done to each page (``scans/*.json``: dpi, angle, stamp) to measure the reader against.

``python -m samplegen.scan CORPUS OUTDIR [--limit N] [--seed S]``; ``--fixture`` rewrites
``tests/fixtures/scanned`` from ``tests/fixtures/samples``.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import random
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from extract.inventory import sha256_of
from samplegen.render import FONT_PATH
from samplegen.truth import truth_name, write_truth

DPIS = (150, 200, 240, 300)  # what county offices' scanners are set to
MAX_ANGLE = 1.5  # degrees either way: a sheet fed slightly askew
STAMP_SHARE = 0.35  # share of table pages that get a red seal over the table
STAMP_RED = (205, 35, 45)
FIXTURE_DIR = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "scanned"
FIXTURE_FILE = "pdfs/白石县/中共白石县委组织部/2024-budget.pdf"
FIXTURE_PAGES = (1, 4, 10, 13, 14)
FIXTURE_SEED = 2024
# The form (b) demo corpus (``make-samples --form-b``, ``make run``): a budget with performance
# targets and a planted narrative_parts, and final accounts with a planted summary_balance; 33 pages.
FORM_B = "form_b"
FORM_B_DOCUMENTS = ("pdfs/白石县/白石县人民医院/2023-budget.pdf", "pdfs/白石县/白石县财政局/2024-final.pdf")
_FIXED_DATE = time.gmtime(1704067200)  # 2024-01-01: PDFs byte-identical per seed


@dataclass(frozen=True)
class PageScan:
    """What was done to one page (for measuring deskew and stamp suppression)."""

    page: int
    dpi: int
    angle: float  # degrees, counter-clockwise, as PIL's rotate
    paper: int  # grey level of the paper (0..255)
    blur: float  # Gaussian radius in pixels
    quality: int  # JPEG quality
    stamp: tuple[int, int, int] | None  # (x, y, radius) in pixels of the unrotated page, or None


def _paper(gray: np.ndarray, level: int, rng: np.random.Generator) -> np.ndarray:
    """Ink multiplied onto grey paper that darkens a little towards one side (uneven lighting)."""
    height, width = gray.shape
    ramp = (
        np.linspace(0.0, 1.0, width, dtype=np.float32)[None, :]
        * np.linspace(0.4, 1.0, height, dtype=np.float32)[:, None]
    )
    paper = level - 14.0 * ramp * float(rng.uniform(0.5, 1.0))
    return gray.astype(np.float32) / 255.0 * paper


def _stamp(size: int, name: str) -> np.ndarray:
    """A round official seal as an ink mask (0..1): ring, star, the unit's name around the top."""
    image = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(image)
    ring = max(2, size // 40)
    draw.ellipse((ring, ring, size - ring, size - ring), outline=255, width=ring)
    centre, radius = size / 2, size * 0.16
    star = [
        (
            centre + (radius if k % 2 == 0 else radius * 0.4) * math.sin(k * math.pi / 5),
            centre - (radius if k % 2 == 0 else radius * 0.4) * math.cos(k * math.pi / 5),
        )
        for k in range(10)
    ]
    draw.polygon(star, fill=255)
    font = ImageFont.truetype(str(FONT_PATH), max(8, size // 9))
    chars = list(name[:14])
    spread = 240.0  # degrees of the ring the name covers
    for k, char in enumerate(chars):
        angle = -spread / 2 + spread * (k + 0.5) / len(chars)
        glyph = Image.new("L", (size // 8, size // 8), 0)
        ImageDraw.Draw(glyph).text((0, 0), char, fill=255, font=font)
        glyph = glyph.rotate(-angle, resample=Image.Resampling.BICUBIC, expand=True)
        at = math.radians(angle)
        x = centre + size * 0.34 * math.sin(at) - glyph.width / 2
        y = centre - size * 0.34 * math.cos(at) - glyph.height / 2
        image.paste(255, (int(x), int(y)), glyph)
    return np.asarray(image, dtype=np.float32) / 255.0


def scan_page(image: Image.Image, scan: PageScan, stamp_name: str, seed: str) -> Image.Image:
    """One rendered page (greyscale, white paper) as the scanner returns it (before JPEG)."""
    rng = np.random.default_rng(list(seed.encode()))
    page = _paper(np.asarray(image.convert("L")), scan.paper, rng)
    page += rng.normal(0.0, 3.0, page.shape).astype(np.float32)  # sensor noise
    pixels = page[:, :, None]
    if scan.stamp is not None:
        x, y, radius = scan.stamp
        mask = _stamp(2 * radius, stamp_name)
        mask *= 0.85  # stamp ink is never solid
        pixels = np.repeat(pixels, 3, axis=2)
        region = pixels[y - radius : y + radius, x - radius : x + radius]
        tint = np.array(STAMP_RED, dtype=np.float32) / 255.0
        region *= 1.0 - mask[:, :, None] * (1.0 - tint)  # ink multiplies: black text stays black
    out = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8).squeeze())
    fill = (scan.paper,) * 3 if out.mode == "RGB" else scan.paper
    out = out.rotate(scan.angle, resample=Image.Resampling.BICUBIC, fillcolor=fill)
    return out.filter(ImageFilter.GaussianBlur(scan.blur))


def plan_scans(
    pages: int, table_pages: set[int], sizes: list[tuple[float, float]], seed: str, dpi: int | None = None
) -> list[PageScan]:
    """Per page: the document's dpi (drawn unless given), and each page's skew, paper, blur,
    quality and stamp."""
    rng = random.Random(seed)
    drawn = rng.choice(DPIS)
    dpi = dpi or drawn
    scans = []
    for number in range(1, pages + 1):
        width, height = (round(v * dpi / 72) for v in sizes[number - 1])
        stamp = None
        if number in table_pages and rng.random() < STAMP_SHARE:
            radius = round(0.7 * dpi)  # a 36 mm seal
            x = rng.randint(int(width * 0.3), int(width * 0.7))
            y = rng.randint(int(height * 0.3), int(height * 0.7))
            stamp = (x, y, radius)
        scans.append(
            PageScan(
                page=number,
                dpi=dpi,
                angle=round(rng.uniform(-MAX_ANGLE, MAX_ANGLE), 2),
                paper=rng.randint(215, 238),
                blur=round(rng.uniform(0.3, 0.8) * dpi / 200, 2),
                quality=rng.randint(55, 80),
                stamp=stamp,
            )
        )
    return scans


def scan_pdf(
    source: Path,
    target: Path,
    seed: str,
    stamp_name: str,
    table_pages: set[int],
    pages: list[int] | None = None,
    dpi: int | None = None,
) -> list[PageScan]:
    """Write ``target``: the (selected) pages of ``source`` as scanned images, one JPEG per page."""
    document = pdfium.PdfDocument(str(source))
    try:
        numbers = pages or list(range(1, len(document) + 1))
        sizes = [document[n - 1].get_size() for n in numbers]
        kept = {i + 1 for i, n in enumerate(numbers) if n in table_pages}
        scans = plan_scans(len(numbers), kept, sizes, seed, dpi)
        images = []
        for number, scan in zip(numbers, scans, strict=True):
            rendered = document[number - 1].render(scale=scan.dpi / 72, grayscale=True).to_pil()
            scanned = scan_page(rendered, scan, stamp_name, f"{seed}:{number}")
            buffer = io.BytesIO()  # JPEG at this page's quality, then embedded as it is
            scanned.save(buffer, format="JPEG", quality=scan.quality)
            images.append(Image.open(io.BytesIO(buffer.getvalue())))
    finally:
        document.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    images[0].save(
        target,
        format="PDF",
        save_all=True,
        append_images=images[1:],
        resolution=float(scans[0].dpi),
        quality=max(s.quality for s in scans),
        creationDate=_FIXED_DATE,
        modDate=_FIXED_DATE,
        producer="samplegen.scan",
    )
    return scans


def scanned_truth(truth: dict, relative: str, path: Path, pages: list[int] | None = None) -> dict:
    """The truth of the scanned copy: same figures, new file and hash; page numbers follow ``pages``."""
    scanned = dict(truth, file=relative, sha256=sha256_of(path))
    if pages:
        renumber = {old: new for new, old in enumerate(pages, start=1)}
        for key in ("lines", "narrative", "targets"):
            scanned[key] = [dict(r, page=renumber[r["page"]]) for r in truth[key] if r["page"] in renumber]
        scanned["pages"] = len(pages)
    return scanned


def scan_document(
    corpus: Path, truth: dict, outdir: Path, seed: int, pages: list[int] | None = None, dpi: int | None = None
) -> tuple[dict, list[PageScan]]:
    """Scan one document of a generated corpus into ``outdir`` (pdfs/, truth/, scans/)."""
    relative = truth["file"]
    table_pages = {line["page"] for line in truth["lines"]}
    name = truth["department"] or "财政局"
    scans = scan_pdf(
        corpus / relative, outdir / relative, f"{seed}:{relative}", name, table_pages, pages, dpi
    )
    scanned = scanned_truth(truth, relative, outdir / relative, pages)
    write_truth(outdir / "truth", scanned)
    file = outdir / "scans" / truth_name(relative)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(json.dumps([asdict(s) for s in scans]) + "\n", encoding="utf-8")
    return scanned, scans


def scan_corpus(corpus: Path, outdir: Path, limit: int | None = None, seed: int = 2024) -> list[dict]:
    """Scanned copies of the corpus's loaded documents: all, or ``limit`` of them spread evenly
    over the file names (so a few cover several departments, years and both phases)."""
    truths = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((corpus / "truth").glob("*.json"))]
    loaded = sorted((t for t in truths if t["expected_status"] == "loaded"), key=lambda t: t["file"])
    if limit:
        loaded = loaded[:: max(1, len(loaded) // limit)][:limit]
    return [scan_document(corpus, truth, outdir, seed)[0] for truth in loaded]


def scan_form_b(corpus: Path, seed: int = 2024) -> list[dict]:
    """The form (b) demo corpus: ``FORM_B_DOCUMENTS`` of a generated corpus scanned into
    ``corpus / FORM_B`` (replacing it). A corpus of its own, as form (a)'s: a scan has its text
    twin's county, department, year and phase, and one warehouse keeps one document of each."""
    outdir = Path(corpus) / FORM_B
    shutil.rmtree(outdir, ignore_errors=True)
    truths = []
    for relative in FORM_B_DOCUMENTS:
        truth = json.loads((Path(corpus) / "truth" / truth_name(relative)).read_text(encoding="utf-8"))
        truths.append(scan_document(Path(corpus), truth, outdir, seed)[0])
    return truths


def write_fixture(target: Path = FIXTURE_DIR) -> None:
    """``tests/fixtures/scanned``: five pages of a committed sample (cover, narrative, the summary
    table, 财政拨款收支总表 and its continuation) scanned at 200 dpi."""
    samples = FIXTURE_DIR.parent / "samples"
    truth = json.loads((samples / "truth" / truth_name(FIXTURE_FILE)).read_text(encoding="utf-8"))
    shutil.rmtree(target, ignore_errors=True)
    scan_document(samples, truth, target, FIXTURE_SEED, list(FIXTURE_PAGES), dpi=200)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path, nargs="?", help="a make-samples folder (pdfs/, truth/)")
    parser.add_argument("outdir", type=Path, nargs="?")
    parser.add_argument("--fixture", action="store_true", help="rewrite tests/fixtures/scanned")
    parser.add_argument("--limit", type=int, default=None, help="scan N documents spread over the corpus")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    if args.fixture:
        write_fixture()
        return
    if args.corpus is None or args.outdir is None:
        parser.error("CORPUS and OUTDIR are required")
    done = scan_corpus(args.corpus, args.outdir, args.limit, args.seed)
    print(f"scanned {len(done)} documents into {args.outdir}")


if __name__ == "__main__":
    main()
