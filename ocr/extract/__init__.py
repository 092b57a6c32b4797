"""Reading a client from OCR'd pages: fields with confidence and provenance, BSN masking."""

from .bsn import mask_bsn
from .client import extract_client
from .model import AddressValue, ExtractedClient, FieldValue
from .names import PersonName, parse_person

__all__ = [
    "AddressValue",
    "ExtractedClient",
    "FieldValue",
    "PersonName",
    "extract_client",
    "mask_bsn",
    "parse_person",
]
