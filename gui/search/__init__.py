"""The search side of the window: the result model, its delegate and the list view."""

from .delegate import ResultDelegate
from .model import ResultModel, by_name, snippet_parts
from .view import ResultList

__all__ = ["ResultDelegate", "ResultList", "ResultModel", "by_name", "snippet_parts"]
