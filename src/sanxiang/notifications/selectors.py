"""Placeholder until notifications land (issue 2 §7)."""


def unread_count(user) -> int:  # pragma: no cover - replaced
    return 0


def inbox_list(user) -> list:  # pragma: no cover - replaced
    return []
