"""A disclosure whose PDF forbids text extraction with an owner password (it opens without a
password, viewers only refuse copying): common for government PDFs, and a public disclosure all
the same. It is read exactly as the unrestricted file; a file that needs a user password is still
quarantined as encrypted."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from extract.document import extract_document
from extract.limits import Limits
from extract.model import QuarantineError, ReasonClass
from extract.preflight import preflight
from extract.settings import ExtractSettings

SOURCE = Path(__file__).resolve().parent / "fixtures/samples/pdfs/白石县/中共白石县委组织部/2024-final.pdf"
NO_EXTRACTION = 0b0100  # print only: no copying, no text extraction (bit 5 clear)


def restricted(out: Path, algorithm: str, user_password: str = "") -> Path:
    writer = pypdf.PdfWriter(clone_from=SOURCE)
    writer.encrypt(
        user_password=user_password,
        owner_password="owner-secret",
        permissions_flag=NO_EXTRACTION,
        algorithm=algorithm,
    )
    writer.write(out)
    return out


def _readings(path: Path) -> tuple:
    document = extract_document(path, ExtractSettings())
    return (
        document.identity,
        [(x.table_type, x.code, x.item, x.measure, x.amount_yuan, x.page) for x in document.lines],
        [(m.metric, m.amount_yuan, m.page) for m in document.narrative],
    )


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_a_copy_protected_disclosure_is_read_like_the_open_one(algorithm: str, tmp_path: Path) -> None:
    path = restricted(tmp_path / "restricted.pdf", algorithm)
    reader = pypdf.PdfReader(path)
    assert reader.is_encrypted and reader.decrypt("")  # opens without a password
    preflight(path, Limits())  # not quarantined
    expected = _readings(SOURCE)
    assert len(expected[1]) > 100
    assert _readings(path) == expected


def test_a_file_that_needs_a_password_is_quarantined_as_encrypted(tmp_path: Path) -> None:
    path = restricted(tmp_path / "locked.pdf", "AES-128", user_password="user-secret")
    with pytest.raises(QuarantineError) as raised:
        preflight(path, Limits())
    assert raised.value.reason == ReasonClass.ENCRYPTED
    assert str(raised.value) == "encrypted: locked.pdf: encrypted, needs a password"
