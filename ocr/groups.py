"""Things joined into groups (union-find): small print into clusters, lines into a page's
blocks and columns, a cabinet's folders into clients."""

from __future__ import annotations


class Groups:
    """n things, each its own group until joined."""

    def __init__(self, n: int) -> None:
        self._parent = list(range(n))

    def find(self, i: int) -> int:
        """The group of i (one of its members stands for the group)."""
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        """b's group joins a's."""
        self._parent[self.find(b)] = self.find(a)
