"""The shared extraction vocabulary survives a trip between processes."""

import pickle

from extract.model import QuarantineError, ReasonClass


def test_quarantine_error_pickles_with_reason_and_message() -> None:
    error = QuarantineError(ReasonClass.ENCRYPTED, "加密文件.pdf: the PDF is encrypted")
    copy = pickle.loads(pickle.dumps(error))
    assert copy.reason is ReasonClass.ENCRYPTED
    assert copy.message == "加密文件.pdf: the PDF is encrypted"
    assert str(copy) == "encrypted: 加密文件.pdf: the PDF is encrypted"
