"""Remove the RULES.md certainty marks (✅ confirmed, 🟡 partly, ❓ unconfirmed) from text shown to users.

The marks are emoji: without an emoji font (the offline machines the product runs on) they render as
empty boxes, and they are the editors' verification notes, not part of what a rule says. Text shown to
clerks keeps the rule and its source; how sure the editors are lives in a separate ``certainty`` field.
"""

import re

__all__ = ["MARKS", "without_marks"]

MARKS = "\u2705\U0001f7e1\u2753"  # ✅ 🟡 ❓

_BRACKETED = re.compile(f"[（(]\\s*[{MARKS}]\\s*[）)]")
_MARK = re.compile(f"\\s*[{MARKS}]\ufe0f?")
_TRAILING = re.compile("[，,；;、\\s]+$")


def without_marks(text: str) -> str:
    """``text`` without certainty marks: "上限为法定✅，阶次为示例❓" becomes "上限为法定，阶次为示例"."""
    if not any(mark in text for mark in MARKS):
        return text
    plain = _MARK.sub("", _BRACKETED.sub("", text))
    return _TRAILING.sub("", plain)
