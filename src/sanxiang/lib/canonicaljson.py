"""RFC 8785 JSON Canonicalization Scheme (JCS), the byte form that the publication log hashes.

A log leaf must hash the same everywhere: in this process, in ``sanxiang verify_publications``
years later, and in a citizen's browser that checks an inclusion proof against the entry
shown on the portal. JCS pins every choice a JSON serialiser normally makes:

* no whitespace;
* object members sorted by the UTF-16 code units of their names, not by code points and not
  by locale (RFC 8785 §3.2.3);
* strings escaped minimally: ``\\"``, ``\\\\``, ``\\b \\f \\n \\r \\t``, other controls as
  ``\\u00xx`` in lower-case hex, everything else (Chinese included) written as UTF-8
  (§3.2.2.2);
* numbers written exactly as ECMAScript's ``Number.prototype.toString`` writes an IEEE 754
  double (§3.2.2.3); NaN and the infinities are refused.

Python ints are written as integers only while they are exact doubles (|n| <= 2**53, the
I-JSON range, RFC 7493 §2.2). A larger int would reach a JavaScript verifier as a different
number, so it is refused: send such values (tax numbers, amounts in fen) as strings.

Only plain JSON data is accepted (dict with str keys, list, tuple, str, int, float, bool,
None). Dates, decimals and model instances must be turned into strings by the caller first,
so that what is hashed is exactly what is published.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from json.encoder import encode_basestring
from typing import Any

__all__ = ["MAX_SAFE_INTEGER", "canonicalize", "canonical_text", "es_number", "loads_strict"]

MAX_SAFE_INTEGER = 2**53

# The standard library's string encoder (C-accelerated) escapes exactly what JCS requires:
# ", \\ and U+0000..U+001F, with the short forms \b \f \n \r \t and lower-case \u00xx
# otherwise, and leaves everything else, U+007F and non-ASCII included, as is.
_encode_string = encode_basestring


def canonicalize(value: Any) -> bytes:
    """The RFC 8785 canonical UTF-8 bytes of ``value``.

    Raises ``TypeError`` for values that are not plain JSON data and ``ValueError`` for NaN,
    infinities, ints outside the I-JSON range and strings with lone surrogates.
    """
    text = canonical_text(value)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        # A lone surrogate cannot be written as UTF-8 and I-JSON forbids it (RFC 7493 §2.1).
        raise ValueError("string contains a lone surrogate, which JCS cannot represent") from exc


def canonical_text(value: Any) -> str:
    """The canonical form as text; ``canonicalize`` is this encoded as UTF-8."""
    parts: list[str] = []
    _write(value, parts)
    return "".join(parts)


def _utf16_key(item: tuple[str, Any]) -> bytes:
    # Big-endian UTF-16 bytes compare exactly like a sequence of UTF-16 code units, which is
    # the order RFC 8785 §3.2.3 prescribes (U+1F600 sorts before U+FB33, unlike code points).
    return item[0].encode("utf-16-be", "surrogatepass")


def _write(value: Any, parts: list[str]) -> None:
    if value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, str):
        parts.append(_encode_string(value))
    elif isinstance(value, int):
        parts.append(_integer(value))
    elif isinstance(value, float):
        parts.append(es_number(value))
    elif isinstance(value, Mapping):
        items = list(value.items())
        for key, _ in items:
            if not isinstance(key, str):
                raise TypeError(f"JSON object keys must be str, not {type(key).__name__}")
        items.sort(key=_utf16_key)
        parts.append("{")
        first = True
        for key, item in items:
            if not first:
                parts.append(",")
            first = False
            parts.append(_encode_string(key))
            parts.append(":")
            _write(item, parts)
        parts.append("}")
    elif isinstance(value, list | tuple):
        parts.append("[")
        for position, item in enumerate(value):
            if position:
                parts.append(",")
            _write(item, parts)
        parts.append("]")
    else:
        raise TypeError(f"{type(value).__name__} is not JSON data; convert it to a string first")


def _integer(value: int) -> str:
    if -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
        # Every int in this range is an exact double below 1e21, for which ECMAScript prints
        # the plain decimal digits.
        return str(value)
    raise ValueError(f"integer {value} is outside the I-JSON range ±2**53; publish it as a string")


def es_number(value: float) -> str:
    """``value`` as ECMAScript's Number::toString writes it (ECMA-262 §7.1.12.1, RFC 8785 §3.2.2.3).

    Python's ``repr`` already yields the shortest digit string that round-trips, which is the
    ``s`` of the ECMAScript algorithm; only the layout (where the point goes and when the
    exponent form starts) differs, and that is rebuilt here.
    """
    if not math.isfinite(value):
        raise ValueError("NaN and Infinity are not JSON numbers (RFC 8785 §3.2.2.3)")
    if value == 0:
        return "0"  # also for -0.0
    if value < 0:
        return "-" + es_number(-value)
    mantissa, _, exponent_text = repr(value).partition("e")
    integer_part, _, fraction = mantissa.partition(".")
    raw = (integer_part + fraction).lstrip("0")
    digits = raw.rstrip("0")
    # value == int(digits) * 10 ** (n - k), with k the number of digits (ECMA-262 notation).
    k = len(digits)
    n = k + (len(raw) - k) - len(fraction) + int(exponent_text or 0)
    if k <= n <= 21:
        return digits + "0" * (n - k)
    if 0 < n <= 21:
        return digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return "0." + "0" * (-n) + digits
    exponent = n - 1
    sign = "+" if exponent >= 0 else "-"
    head = digits if k == 1 else digits[0] + "." + digits[1:]
    return f"{head}e{sign}{abs(exponent)}"


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, item in pairs:
        if key in result:
            raise ValueError(f"duplicate object key {key!r} (I-JSON, RFC 7493 §2.3)")
        result[key] = item
    return result


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def loads_strict(text: str | bytes) -> Any:
    """Parse JSON the way a verifier must: duplicate keys and NaN/Infinity are errors.

    Python's own ``json.loads`` keeps the last of duplicate keys and accepts ``NaN``, so two
    parties could read different data out of the same published bytes.
    """
    return json.loads(text, object_pairs_hook=_reject_duplicates, parse_constant=_reject_constant)
