"""Undoable card edits: each command writes through the card, which saves off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


class SetField(QUndoCommand):
    """Set one field of one client; undo writes the old value back."""

    def __init__(
        self,
        write: Callable[[int, str, str | None], None],
        client_id: int,
        key: str,
        old: str | None,
        new: str | None,
        label: str,
    ) -> None:
        super().__init__(label)
        self.write, self.client_id, self.key, self.old, self.new = write, client_id, key, old, new

    def redo(self) -> None:
        self.write(self.client_id, self.key, self.new)

    def undo(self) -> None:
        self.write(self.client_id, self.key, self.old)


class AddRemove(QUndoCommand):
    """Add a phone number or e-mail address; undo removes it (and the other way round)."""

    def __init__(self, do: Callable[[], None], undo: Callable[[], None], label: str) -> None:
        super().__init__(label)
        self._do, self._undo = do, undo

    def redo(self) -> None:
        self._do()

    def undo(self) -> None:
        self._undo()
