"""PDFs that open without a password but forbid text extraction (an owner password with the
"copy" permission cleared). Viewers honour the flag by refusing to copy; government offices set it
on disclosures that are public by law. pdfium reads their text regardless, but camelot's parser
(playa) refuses the file, so camelot is given a decrypted copy of the same pages. A file that needs
a user password never gets here: preflight quarantines it as ``encrypted``.
"""

from __future__ import annotations

import io

import pypdf


def unlocked(data: bytes) -> bytes | None:
    """The document without its encryption when it is encrypted with an empty user password;
    None when it is not encrypted (nothing to do) or needs a password (not ours to open)."""
    reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    if not reader.is_encrypted or not reader.decrypt(""):
        return None
    out = io.BytesIO()
    pypdf.PdfWriter(clone_from=reader).write(out)
    return out.getvalue()
