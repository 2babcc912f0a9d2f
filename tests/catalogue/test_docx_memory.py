"""A tender-outline download leaves no python-docx document behind for a later full collection
(catalogue.docx.freed_when_done): its native memory is given back when the file is sent."""

import gc

import pytest
from docx.document import Document
from docx.opc.package import OpcPackage

pytestmark = pytest.mark.django_db


def documents_alive():
    # type(), not isinstance(): that would evaluate lazy objects (a request's CSP nonce).
    return [obj for obj in gc.get_objects() if issubclass(type(obj), Document | OpcPackage)]


@pytest.mark.parametrize(
    "language, address",
    [("cs", "zadavaci-dokumentace/"), ("en", "tender-outline/?population=23000")],
)
def test_a_downloaded_outline_is_freed_at_once(client, guide, language, address):
    gc.collect()
    # A long-lived worker runs a full collection rarely: none may run during the downloads.
    gc.disable()
    try:
        for _ in range(3):
            response = client.get(guide[language].url + address)
            assert response.status_code == 200
            assert response.content.startswith(b"PK")  # a Word document is a zip
            assert documents_alive() == []
    finally:
        gc.enable()
