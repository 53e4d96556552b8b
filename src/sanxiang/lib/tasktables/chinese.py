"""Traditional characters: converted to simplified for reading only, the original text is kept.

The conversion is character for character (``hanziconv``'s table), so a position in the
converted text is the same position in the original and any piece read from the converted
text can be given back as written (:class:`Restorer`).
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["Restorer", "to_simplified"]


# Variant forms common in republished documents that the table lacks (爲 in "爲牽頭單位").
_VARIANTS = "爲为衆众綫线関关啓启菓果牀床竪竖"


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    from hanziconv.charmap import simplified_charmap, traditional_charmap

    table = {
        ord(trad): simp
        for trad, simp in zip(traditional_charmap, simplified_charmap, strict=True)
        if trad != simp
    }
    table.update({ord(trad): simp for trad, simp in zip(_VARIANTS[::2], _VARIANTS[1::2], strict=True)})
    return table


def to_simplified(text: str) -> str:
    """``text`` with traditional characters replaced by simplified ones (same length)."""
    return text.translate(_table())


class Restorer:
    """Gives back the original spelling of a piece of converted text."""

    def __init__(self, originals: list[str]) -> None:
        self.original = "\n".join(originals)
        self.simplified = to_simplified(self.original)
        self.changed = self.original != self.simplified

    def __call__(self, piece: str) -> str:
        if not self.changed or not piece:
            return piece
        at = self.simplified.find(piece)
        if at >= 0:
            return self.original[at : at + len(piece)]
        if "\n" in piece:
            return "\n".join(self(line) for line in piece.split("\n"))
        return piece
