"""The masker on the real decision documents: leak ≤ 1% of personal values (0 for bank accounts), ≥ 99%
of public facts kept verbatim, idempotent (figures written to test-artifacts/masking-real.txt)."""

from pathlib import Path

from sanxiang.lib.masking import STRICTEST, mask_text

from .real_eval import PERSONAL_LABELS, documents, evaluate_real

REPORT = Path(__file__).resolve().parents[3] / "test-artifacts" / "masking-real.txt"


def test_real_documents_leak_little_and_keep_public_facts():
    report = evaluate_real()
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(report.table() + "\n", encoding="utf-8")
    assert report.totals["person_name"] >= 80
    assert report.rate(("person_name",)) <= 0.01, report.examples.get("person_name")
    assert report.failures.get("bank_account", 0) == 0, report.examples.get("bank_account")
    keep = tuple(label for label in report.totals if label.startswith("keep_"))
    for label in keep:
        assert report.rate((label,)) <= 0.01, report.examples.get(label)
    assert set(PERSONAL_LABELS) <= set(report.totals)


def test_masking_a_real_document_twice_gives_the_same_text():
    for _, text in documents()[:6]:
        once = mask_text(text, policy=STRICTEST).text
        assert mask_text(once, policy=STRICTEST).text == once
