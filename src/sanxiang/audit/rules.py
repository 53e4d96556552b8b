"""Masking of personal data in audit snapshots (pure, no Django).

The audit trail can never be deleted, so it must not become a second, undeletable copy of ID
numbers, phone numbers and bank cards (个人信息保护法第十九条: keep personal information no longer
than needed). Every personal value in ``before``/``after``/``data`` is replaced by
``{"masked": "110101********1234", "hmac": HMAC-SM3(pepper, value)}``: readable enough for an
auditor, and matchable by someone who holds the pepper (kept outside the database), while the
database alone cannot be brute-forced cheaply over the small space of ID numbers.

A value is personal when its key names personal data (``PERSONAL_KEYS``, or a key ending in
``_`` + one of them, e.g. ``contact_phone``) or when a string contains an 18/15-digit 居民身份证号
with a valid check digit, birth date and region, an 11-digit mobile number or a Luhn-valid
16–19-digit bank card number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from stdnum import luhn

from sanxiang.lib.hashchain import hmac_sm3_hex
from sanxiang.lib.idnumbers import InvalidIdNumber, mask_id_number, mask_name, mask_phone, validate_id_number

__all__ = ["PERSONAL_KEYS", "PUBLIC_KEYS", "is_masked", "mask_snapshot", "mask_text"]

# Keys (lower case) whose values are always personal. Suffix matching covers "applicant_phone",
# "owner_id_number" … Plain "name" is deliberately absent: most names in snapshots are those of
# authorities, categories or organisations, which are public; natural persons' names use one of
# the specific keys below.
PERSONAL_KEYS: frozenset[str] = frozenset(
    {
        "id_number",
        "id_card",
        "id_card_number",
        "identity_number",
        "passport_number",
        "phone",
        "mobile",
        "telephone",
        "tel",
        "bank_account",
        "bank_card",
        "card_number",
        "email",
        "address",
        "home_address",
        "full_name",
        "person_name",
        "natural_person_name",
        "contact_name",
        "contact_person",
        "legal_representative",
        "legal_representative_name",
        "real_name",
        "party_name",
    }
)
# Keys that end like a personal key but name public or technical data.
PUBLIC_KEYS: frozenset[str] = frozenset(
    {"public_phone", "public_email", "public_address", "office_address", "ip_address", "source_address"}
)
# Keys whose values are identifiers this platform generates (random hex keys, digests): they are
# never scanned, since a random hex run can look like a mobile number ("…-a13912345678b…").
_TECHNICAL_SUFFIXES: tuple[str, ...] = ("source_key", "_hash", "_digest", "_uuid", "public_id", "key_id")
_NAME_KEYS = frozenset(
    {
        "full_name",
        "person_name",
        "natural_person_name",
        "contact_name",
        "contact_person",
        "legal_representative",
        "legal_representative_name",
        "real_name",
        "party_name",
    }
)

_ID18 = re.compile(r"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")
_ID15 = re.compile(r"(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])")
# Digits glued to Latin letters are part of a code (a SHA-256 in hex, a credit code), not a number.
_MOBILE = re.compile(r"(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])")
_CARD = re.compile(r"(?<![0-9A-Za-z])\d{16,19}(?![0-9A-Za-z])")


def is_masked(value: Any) -> bool:
    return isinstance(value, Mapping) and set(value) == {"masked", "hmac"}


# Personal keys longest first: a key ending in two of them ("owner_id_card_number" ends in both
# "_id_card_number" and "_card_number") is named by the more specific one, whatever the set order.
_SUFFIXES = tuple(("_" + k, k) for k in sorted(PERSONAL_KEYS, key=lambda k: (-len(k), k)))
# Snapshot keys are a small vocabulary (field names) seen again and again: each is classified once.
_KEY_CACHE: dict[str, str | None] = {}
_KEY_CACHE_LIMIT = 4096


def personal_key(key: str) -> str | None:
    try:
        return _KEY_CACHE[key]
    except KeyError:
        pass
    found = _classify_key(key)
    if len(_KEY_CACHE) < _KEY_CACHE_LIMIT:  # bounded: keys could come from user data
        _KEY_CACHE[key] = found
    return found


def _classify_key(key: str) -> str | None:
    key = key.lower()
    if key in PUBLIC_KEYS:
        return None
    if key in PERSONAL_KEYS:
        return key
    for suffix, personal in _SUFFIXES:
        if key.endswith(suffix):
            return personal
    return None


def _valid_id(candidate: str) -> bool:
    try:
        validate_id_number(candidate)
    except InvalidIdNumber:
        return False
    return True


def _mask_card(number: str) -> str:
    return "*" * (len(number) - 4) + number[-4:]


# Every pattern above needs at least 11 digits in a row: a text without such a run is returned
# at once (most snapshot strings: labels, codes, document numbers).
_LONG_DIGITS = re.compile(r"\d{11}")


def mask_text(text: str) -> str:
    """``text`` with every ID number, mobile number and bank card in it masked in place."""
    if _LONG_DIGITS.search(text) is None:
        return text
    text = _ID18.sub(lambda m: mask_id_number(m[0]) if _valid_id(m[0]) else m[0], text)
    text = _ID15.sub(lambda m: mask_id_number(m[0]) if _valid_id(m[0]) else m[0], text)
    text = _CARD.sub(lambda m: _mask_card(m[0]) if luhn.is_valid(m[0]) else m[0], text)
    return _MOBILE.sub(lambda m: mask_phone(m[0]), text)


def _mask_by_key(key: str, text: str) -> str:
    if key in _NAME_KEYS:
        return mask_name(text)
    if key in {"phone", "mobile", "telephone", "tel"}:
        return mask_phone(text) or "*" * len(text)
    if key == "email" and "@" in text:
        local, _, domain = text.partition("@")
        return (local[:1] + "***@" + domain) if local else "***@" + domain
    if key in {"id_number", "id_card", "id_card_number", "identity_number", "passport_number"}:
        return mask_id_number(text)
    if key in {"bank_account", "bank_card", "card_number"}:
        return _mask_card(text) if len(text) > 4 else "*" * len(text)
    if key in {"address", "home_address"}:
        keep = min(6, len(text) // 3)
        return text[:keep] + "*" * 4
    inline = mask_text(text)
    if inline != text:
        return inline
    return "*" * max(len(text) - 4, 0) + text[-4:] if len(text) > 4 else "*" * len(text)


def mask_snapshot(value: Any, pepper: Callable[[], bytes], *, _key: str | None = None) -> Any:
    """A copy of ``value`` (plain JSON data) with personal values replaced by masked pairs.

    ``pepper`` is called only when something personal is found, so snapshots without personal
    data never touch the key file.
    """
    if type(value) is str:  # the common case first; the same outcome as the general path below
        if not value:
            return value
        if _key is not None:
            return {
                "masked": _mask_by_key(_key, value),
                "hmac": hmac_sm3_hex(pepper(), value.encode("utf-8")),
            }
        masked = mask_text(value)
        if masked != value:
            return {"masked": masked, "hmac": hmac_sm3_hex(pepper(), value.encode("utf-8"))}
        return value
    if isinstance(value, Mapping):
        if len(value) == 2 and is_masked(value):
            return value
        out: dict[str, Any] = {}
        for key, item in value.items():
            if str(key).lower().endswith(_TECHNICAL_SUFFIXES):
                out[key] = item
                continue
            personal = personal_key(str(key))
            out[key] = mask_snapshot(item, pepper, _key=personal or _key)
        return out
    if isinstance(value, list):
        return [mask_snapshot(item, pepper, _key=_key) for item in value]
    if value is None or isinstance(value, bool) or value == "":
        return value
    if _key is not None:
        text = str(value)
        return {"masked": _mask_by_key(_key, text), "hmac": hmac_sm3_hex(pepper(), text.encode("utf-8"))}
    if isinstance(value, str):
        masked = mask_text(value)
        if masked != value:
            return {"masked": masked, "hmac": hmac_sm3_hex(pepper(), value.encode("utf-8"))}
    return value
