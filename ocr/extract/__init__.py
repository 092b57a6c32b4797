"""Reading a client from OCR'd pages: fields with confidence and provenance, BSN masking."""

from .bsn import mask_bsn
from .client import extract_client
from .model import AddressValue, ExtractedClient, FieldValue, PageParties
from .names import PersonName, parse_person
from .own import OwnBusiness

__all__ = [
    "AddressValue",
    "ExtractedClient",
    "FieldValue",
    "OwnBusiness",
    "PageParties",
    "PersonName",
    "extract_client",
    "mask_bsn",
    "parse_person",
]
