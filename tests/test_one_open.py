"""Each PDF is opened once per extraction, hashed once, and read with the configured settings.

Opens are counted with an audit hook (``open`` events of Python's ``open``/``os.open``, filtered to
the document's path) plus a spy on ``pypdfium2.PdfDocument``, whose C code opens a path without an
audit event: given a path it would be an open the hook cannot see, so it must only get bytes.
Camelot 2.0 needs a path (its parser, playa, opens one per ``read_pdf``): it reads the handle's one
temporary copy of the bytes, never the document's path.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pypdfium2
import pytest

import extract.grid
import extract.handle
import extract.inventory
from extract.document import extract_document
from extract.handle import PdfHandle
from extract.isolation import extract_many, preflight_and_extract
from extract.limits import Limits
from extract.settings import ExtractSettings

SAMPLE = (
    Path(__file__).parent
    / "fixtures"
    / "samples"
    / "pdfs"
    / "白石县"
    / "中共白石县委组织部"
    / "2024-budget.pdf"
)
# Printed by LibreOffice without vertical rules: its tables are read by the text-alignment flavour.
UNRULED = (
    Path(__file__).parent / "fixtures" / "libreoffice" / "pdfs" / "白石县" / "白石县教育局" / "2024-final.pdf"
)
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "real-pdfs" / "corpus"
# A real district 部门预算 with pages that mention 绩效目标 (the target reader's camelot call).
REAL = CORPUS / "shanghai-putuo" / "1769321433314-826553525.pdf"

_opened: list[str] | None = None  # the paths opened while counting (audit hooks cannot be removed)


def _audit(event: str, args: tuple) -> None:
    if _opened is not None and event == "open" and isinstance(args[0], str | bytes | Path):
        _opened.append(str(args[0]))


sys.addaudithook(_audit)


@contextmanager
def counted_opens(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list]]:
    """Paths opened from Python, and what pypdfium2.PdfDocument was given, while the block runs."""
    global _opened
    seen: dict[str, list] = {"opened": [], "pdfium_inputs": []}
    real = pypdfium2.PdfDocument

    def spy(source, *args, **kwargs):
        seen["pdfium_inputs"].append(type(source).__name__)
        return real(source, *args, **kwargs)

    monkeypatch.setattr(pypdfium2, "PdfDocument", spy)
    _opened = seen["opened"]
    try:
        yield seen
    finally:
        _opened = None


def _opens_of(path: Path, opened: list[str]) -> int:
    return sum(1 for name in opened if Path(name).resolve() == path.resolve())


def _one_open(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[str], object]:
    import camelot  # noqa: F401 - imported before counting: module files are not the document

    calls: list[str] = []
    real = extract.grid.camelot_tables

    def spy(source, pages, flavor, **options):
        calls.append(flavor)
        return real(source, pages, flavor, **options)

    monkeypatch.setattr(extract.grid, "camelot_tables", spy)
    with counted_opens(monkeypatch) as seen:
        document = preflight_and_extract(path, Limits(), sha256="0" * 64)
    assert seen["pdfium_inputs"] == ["bytes"]  # one pdfium document, from memory
    return _opens_of(path, seen["opened"]), calls, document


@pytest.mark.parametrize(
    ("path", "camelot_calls", "counts"),
    [
        (SAMPLE, ["lattice", "lattice"], (9, 355, 18)),  # the tables, then the performance targets
        (UNRULED, ["lattice", "network"], (9, 206, 0)),  # no ruled grid: the text-alignment flavour
    ],
    ids=["reportlab", "libreoffice-unruled"],
)
def test_a_generated_sample_is_opened_once(
    path: Path, camelot_calls: list[str], counts: tuple[int, int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    opens, calls, document = _one_open(path, monkeypatch)
    assert opens == 1
    assert calls == camelot_calls
    assert (len(document.tables), len(document.lines), len(document.targets)) == counts


def test_a_real_disclosure_is_opened_once(monkeypatch: pytest.MonkeyPatch) -> None:
    if not REAL.is_file():
        pytest.skip(f"real PDF not available at {REAL} (shared folder missing)")
    opens, calls, document = _one_open(REAL, monkeypatch)
    assert opens == 1
    assert calls == ["lattice", "lattice"]
    assert (len(document.tables), len(document.lines)) == (9, 176)


def test_camelot_reads_one_temporary_copy_removed_on_close() -> None:
    with PdfHandle(SAMPLE) as handle:
        copy = Path(handle.camelot_path())
        assert handle.camelot_path() == str(copy)
        assert copy != SAMPLE and copy.read_bytes() == SAMPLE.read_bytes()
    assert not copy.exists()


def test_extract_many_hashes_each_file_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The parent hashes each distinct file once (none when the caller knows the hashes) and hands
    the hash to the worker, whose handle does not hash again."""
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(SAMPLE.read_bytes())
    hashed: list[Path] = []
    real = extract.inventory.sha256_of
    monkeypatch.setattr(extract.inventory, "sha256_of", lambda path: hashed.append(path) or real(path))
    outcomes = extract_many([SAMPLE, copy, SAMPLE], Limits(), workers=1, work=opened_nothing)
    assert hashed == [SAMPLE, copy]
    assert outcomes[SAMPLE] == "worked" and outcomes[copy].reason.value == "duplicate"
    hashed.clear()
    outcomes = extract_many(
        [SAMPLE], Limits(), workers=1, work=opened_nothing, sha256s={SAMPLE: real(SAMPLE)}
    )
    assert hashed == [] and outcomes[SAMPLE] == "worked"


def test_the_worker_uses_the_hash_it_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    computed: list[bytes] = []
    monkeypatch.setattr(extract.handle, "hashlib", SimpleNamespace(sha256=computed.append))
    with PdfHandle(SAMPLE, sha256="ab" * 32) as handle:
        assert handle.sha256 == "ab" * 32
    preflight_and_extract(SAMPLE, Limits(), ExtractSettings(run_narrative=False), sha256="ab" * 32)
    assert computed == []


def opened_nothing(path: Path, limits: Limits) -> str:
    """A worker job that reads nothing (module level: the worker imports it by name)."""
    return "worked"


def test_settings_from_config_reach_every_camelot_call(monkeypatch: pytest.MonkeyPatch) -> None:
    """A line_scale given in the extraction resource's config (over the environment's) is what every
    lattice call of a real extract_document run gets, the performance-target call included."""
    import camelot

    from assets.resources import ExtractionResource

    monkeypatch.setenv("COUNTYBUDGET_LINE_SCALE", "25")
    monkeypatch.setenv("COUNTYBUDGET_UNRULED_FLAVOR", "none")
    settings = ExtractionResource(settings={"line_scale": 40}).extract_settings()
    assert (settings.line_scale, settings.unruled_flavor) == (40, "none")
    calls: list[dict] = []
    real = camelot.read_pdf

    def spy(source, **options):
        calls.append(options)
        return real(source, **options)

    monkeypatch.setattr(camelot, "read_pdf", spy)
    extract_document(SAMPLE, settings)
    assert [(call["flavor"], call["line_scale"], call["engine"]) for call in calls] == [
        ("lattice", 40, "vector"),
        ("lattice", 40, "vector"),
    ]
    assert [call.get("split_text") for call in calls] == [True, None]  # targets read cells whole


def test_settings_from_the_environment_and_their_errors() -> None:
    environ = {"COUNTYBUDGET_LINE_SCALE": "30", "COUNTYBUDGET_RUN_NARRATIVE": "off"}
    settings = ExtractSettings.from_env(environ, {"camelot_engine": "pdfium"})
    assert (settings.line_scale, settings.run_narrative, settings.camelot_engine) == (30, False, "pdfium")
    with pytest.raises(ValueError, match=r"unknown extraction setting\(s\) \['line_scal'\]"):
        ExtractSettings.from_env({}, {"line_scal": 3})
    with pytest.raises(ValueError, match="setting line_scale='wide' is not a number"):
        ExtractSettings.from_env({"COUNTYBUDGET_LINE_SCALE": "wide"})
    with pytest.raises(ValueError, match="setting split_text='maybe' is not a boolean"):
        ExtractSettings.from_env({"COUNTYBUDGET_SPLIT_TEXT": "maybe"})
