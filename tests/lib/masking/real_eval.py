"""Leak and keep of the masker on the real decision documents (../shared/real/), labelled by reading them.

Personal values: the natural persons' names the bureaus left in clear (third parties, representatives,
a natural-person party), and the bank account numbers. Public facts: every USCC / taxpayer number,
document number, law citation, amount, date, invoice code and number, and company name in the texts,
found by pattern (they must stay verbatim).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sanxiang.lib.decisiondocs import UnreadableDocument, parse_document
from sanxiang.lib.masking import STRICTEST, mask_text
from tests.shared import REAL_DECISIONS

# Names read in the files (each is masked wherever it stands alone in its file).
PERSON_NAMES = {
    "15e48052d2422ea42494.doc": ("张忠", "阮新航", "王峰", "桑兰英"),
    "4060a17dd4a3fa1c78ad.docx": ("张治淇", "肖双喜", "买买提吐尔逊·布拉丁"),
    "ae03e7931046b2a89bb9.docx": ("张治淇", "肖双喜", "买买提吐尔逊·布拉丁"),
    "5fa3c64462e529c1942f.doc": ("李振武",),
    "8f27b09bf75d8da0a6b9.doc": ("李振武",),
    "906deae7e5864ff1aa6e.doc": ("温作潘", "郑光表", "王小映", "林邦德", "毛笑翠", "徐上雨"),
    "bc6104f8d4fa8f7bf182.doc": ("温作潘", "郑光表", "王小映", "林邦德", "毛笑翠", "徐上雨"),
    "9ea878bf490799729d68.doc": ("蔡海振", "颜志君", "韩羽", "李光健", "覃崭联"),
    "ee5fc3cec3c5060202d9.doc": ("蔡海振", "颜志君", "韩羽", "李光健", "覃崭联"),
    "b015b1152c99f461b89e.pdf": ("廖礼平", "马国平", "苏玉强", "杨文兵", "杨才小", "苏洪源"),
    "e348872e599e696da7f8.doc": ("蒋金明",),
}
BANK = re.compile(r"(?:(?<=支行)|(?<=银行)|(?<=账号：)|(?<=号码为))\d{8,19}(?=\*{4}|，)")
PUBLIC = {
    "code": re.compile(
        r"(?<![0-9A-Z行为])(?:[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}|\d{6}[0-9A-Z]{9})(?![0-9A-Z])"
    ),
    "doc_number": re.compile(r"[\u4e00-\u9fff]{1,16}〔\d{4}〕\d*号"),
    "law": re.compile(r"《[^》\n]{2,60}》"),
    "amount": re.compile(r"-?\d[\d,]*(?:\.\d+)?(?:万)?元"),
    "date": re.compile(r"\d{4}年\d{1,2}月(?:\d{1,2}日)?"),
    "invoice": re.compile(r"(?<=发票代码|发票号码)[：:]?\d{8,20}"),
    "company": re.compile(
        r"(?<=[，、：:（(\n])[\u4e00-\u9fff（）]{4,30}?(?:有限责任公司|有限公司|分公司|商行|厂)"
    ),
}


@dataclass
class RealReport:
    totals: dict[str, int] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)
    examples: dict[str, list[str]] = field(default_factory=dict)
    chars: int = 0

    def count(self, label: str, failed: bool, example: str) -> None:
        self.totals[label] = self.totals.get(label, 0) + 1
        if failed:
            self.failures[label] = self.failures.get(label, 0) + 1
            self.examples.setdefault(label, []).append(example)

    def rate(self, labels: tuple[str, ...]) -> float:
        total = sum(self.totals.get(label, 0) for label in labels)
        return sum(self.failures.get(label, 0) for label in labels) / total if total else 0.0

    def table(self) -> str:
        lines = [f"{'type':<16}{'items':>7}{'failed':>8}{'rate':>9}", "-" * 40]
        for label in sorted(self.totals):
            failed = self.failures.get(label, 0)
            lines.append(f"{label:<16}{self.totals[label]:>7}{failed:>8}{failed / self.totals[label]:>9.2%}")
        return "\n".join(lines)


PERSONAL_LABELS = ("person_name", "bank_account")


def documents() -> list[tuple[str, str]]:
    out = []
    for path in sorted((REAL_DECISIONS / "attachments").iterdir()):
        try:
            out.append((path.name, parse_document(path.name, path.read_bytes()).text))
        except UnreadableDocument:
            continue
    return out


def evaluate_real(model: str = "gated") -> RealReport:
    report = RealReport()
    for name, text in documents():
        result = mask_text(text, policy=STRICTEST, model=model)
        report.chars += len(text)
        covered = bytearray(len(text))
        for span in result.spans:
            covered[span.start : span.end] = b"\x01" * (span.end - span.start)
        for person in PERSON_NAMES.get(name, ()):
            for m in re.finditer(re.escape(person), text):
                context = text[max(0, m.start() - 10) : m.end() + 10].replace("\n", "⏎")
                leaked = covered[m.start() : m.end()].count(1) < m.end() - m.start()
                report.count("person_name", leaked, f"{name}: {context}")
        for m in BANK.finditer(text):
            leaked = covered[m.start() : m.end()].count(1) < m.end() - m.start()
            report.count("bank_account", leaked, f"{name}: {m.group()}")
        people = PERSON_NAMES.get(name, ())
        for label, pattern in PUBLIC.items():
            for m in pattern.finditer(text):
                if label == "company" and (any(p in m.group() for p in people) or "你" in m.group()):
                    continue  # the crude company pattern ran over a sentence naming a person
                touched = covered[m.start() : m.end()].count(1) > 0
                context = text[max(0, m.start() - 10) : m.end() + 10].replace("\n", "⏎")
                report.count(f"keep_{label}", touched, f"{name}: {m.group()!r} in …{context}…")
    return report
