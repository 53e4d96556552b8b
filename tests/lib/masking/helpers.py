"""What the masker's unit tests share."""

from sanxiang.lib.masking import mask_text


def hidden(text: str, *secrets: str) -> str:
    """Mask ``text`` with the strictest policy, check that no ``secret`` is left in it and that masking
    the result again changes nothing; return the masked text."""
    masked = mask_text(text).text
    for secret in secrets:
        assert secret not in masked, (secret, masked)
    assert mask_text(masked).text == masked, masked
    return masked
