"""Pure rules of the public portal: the search tokenizer, the log leaf documents and the last check
before anything is published (no Django imports).

Search. SQLite FTS5's trigram tokenizer and pg_trgm need three characters, but Chinese words are
mostly two (税务, 罚款, 张某). The index therefore stores, for every run of Chinese characters, its
overlapping character bigrams followed by the run's last character on its own ("行政处罚" →
"行政 政处 处罚 罚"), and every run of letters or digits as one lower-case word. Both databases then
tokenise that text on spaces (FTS5 ``unicode61``, PostgreSQL ``simple``). A query is cut the same
way and each of its runs becomes a phrase of consecutive tokens, which matches exactly where the
run occurs as a substring; a one-character run becomes a prefix query.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sanxiang.lib.masking import FieldType, find_personal_data

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD_RUN = re.compile(r"[0-9A-Za-z]+")
_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[0-9A-Za-z]+")
MAX_QUERY_RUNS = 8
MAX_QUERY_LENGTH = 60


def run_tokens(run: str) -> list[str]:
    """The index tokens of one run: bigrams and the last character for Chinese, the word otherwise."""
    if _WORD_RUN.fullmatch(run):
        return [run.lower()]
    tokens = [run[i : i + 2] for i in range(len(run) - 1)]
    tokens.append(run[-1])
    return tokens


def index_text(parts: Iterable[str]) -> str:
    """The space-separated token text stored in the search index for ``parts`` (already masked)."""
    tokens: list[str] = []
    for part in parts:
        for match in _RUN.finditer(part or ""):
            tokens.extend(run_tokens(match.group()))
    return " ".join(tokens)


@dataclass(frozen=True)
class QueryRun:
    """One run of the query: a phrase of index tokens, or a one-character prefix."""

    tokens: tuple[str, ...]
    prefix: bool = False


def parse_query(query: str) -> list[QueryRun]:
    """The runs of a search query; every run must match (AND). Empty when nothing is searchable."""
    runs: list[QueryRun] = []
    for match in _RUN.finditer((query or "")[:MAX_QUERY_LENGTH]):
        run = match.group()
        if _CJK_RUN.fullmatch(run) and len(run) == 1:
            runs.append(QueryRun((run,), prefix=True))
        elif _CJK_RUN.fullmatch(run):
            runs.append(QueryRun(tuple(run[i : i + 2] for i in range(len(run) - 1))))
        else:
            runs.append(QueryRun((run.lower(),)))
        if len(runs) == MAX_QUERY_RUNS:
            break
    return runs


def fts5_match(runs: Sequence[QueryRun]) -> str:
    """An FTS5 MATCH expression for ``runs``; tokens contain only letters, digits and CJK."""
    parts = []
    for run in runs:
        phrase = '"' + " ".join(run.tokens) + '"'
        parts.append(phrase + "*" if run.prefix else phrase)
    return " AND ".join(parts)


def pg_tsquery(runs: Sequence[QueryRun]) -> str:
    """A PostgreSQL ``to_tsquery('simple', …)`` text for ``runs``: the plain AND of their tokens.

    It has no positions (``<->``), so a GIN index answers it without reading any row; it finds
    candidates, and ``like_patterns`` confirms the exact phrases on them.
    """
    parts: list[str] = []
    for run in runs:
        for token in run.tokens:
            part = f"'{token}':*" if run.prefix else f"'{token}'"
            if part not in parts:
                parts.append(part)
    return " & ".join(parts)


def like_patterns(runs: Sequence[QueryRun]) -> list[str]:
    """One LIKE pattern per run over the index text padded with a space at both ends.

    The index text is tokens separated by single spaces, so a run occurs exactly where its tokens
    stand side by side between spaces (a prefix run: where a token starts with its character).
    Tokens hold only letters, digits and CJK characters, never a LIKE wildcard.
    """
    return [f"% {run.tokens[0]}%" if run.prefix else "% " + " ".join(run.tokens) + " %" for run in runs]


# ----------------------------------------------------------------------------- defence in depth

# What must never reach the public in clear, whatever a category's policy says about names.
FORBIDDEN_IN_CLEAR = frozenset({FieldType.ID_NUMBER, FieldType.PHONE, FieldType.BANK_ACCOUNT})


def personal_data_in_clear(texts: Iterable[str], *, public_phones: Iterable[str] = ()) -> list[str]:
    """The kinds of personal data found in clear in ``texts`` (ID numbers, mobile phones, bank cards).

    The publicity back office masks before it publishes; this is the portal's own second look, so
    that a masking bug or a lifted mask cannot put an ID number on the public site unnoticed.
    A partly masked value (110101********1234) is not a finding: the masker skips starred numbers.
    The named-entity model stays off: it only adds names, never one of these numbers, and the look is
    taken on every publication (the demo's 2,000 publications spent a second in it).
    """
    phones = tuple(public_phones)
    found: set[str] = set()
    for text in texts:
        if not text:
            continue
        for finding in find_personal_data(text, public_phones=phones, model="off"):
            if finding.field_type in FORBIDDEN_IN_CLEAR:
                found.add(finding.field_type.value)
    return sorted(found)
