"""The client card: fields grouped as a Dutch office thinks, contact, notes, documents."""

from .card import ClientCard

__all__ = ["ClientCard"]
