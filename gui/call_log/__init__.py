"""The Gesprekken view: the call log as a list to work through."""

from .model import CallLog, CallRow, load
from .view import CallLogView

__all__ = ["CallLog", "CallLogView", "CallRow", "load"]
