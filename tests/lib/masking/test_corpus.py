"""Leak and wrong-mask rates of the masker on the generated corpus (written to test-artifacts/)."""

from pathlib import Path

from .corpus.evaluate import evaluate
from .corpus.generate import KINDS, SUBJECTS, generate

REPORT = Path(__file__).resolve().parents[3] / "test-artifacts" / "masking-report.txt"
ZERO_LEAK = ("id_number", "phone", "bank_account")
NAMES = ("person_name", "representative_name", "third_party_name", "official_name")
MAX_NAME_LEAK_RATE = 0.03
MAX_WRONG_MASK_RATE = 0.01


def test_it_generates_a_reproducible_corpus_of_every_kind():
    docs = generate()
    assert len(docs) >= 300
    assert {d.kind for d in docs} == set(KINDS) and {d.subject_type for d in docs} == set(SUBJECTS)
    assert [d.text for d in generate(count=20)] == [d.text for d in docs[:20]]
    for doc in docs[:50]:
        for start, end, _ in doc.truth:
            assert doc.text[start:end].strip()


def test_it_leaks_no_id_phone_or_bank_number_and_few_names():
    report = evaluate(generate())
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(report.table() + "\n", encoding="utf-8")
    print("\n" + report.table())
    for label in ZERO_LEAK:
        assert report.totals[label] > 50
        assert report.failures.get(label, 0) == 0, report.examples.get(label)
    name_total = sum(report.totals[label] for label in NAMES)
    name_leaks = sum(report.failures.get(label, 0) for label in NAMES)
    assert name_leaks / name_total < MAX_NAME_LEAK_RATE
    keep_total = sum(report.totals.get(label, 0) for label in KEEP_LABELS)
    wrong = sum(report.failures.get(label, 0) for label in KEEP_LABELS)
    assert wrong / keep_total < MAX_WRONG_MASK_RATE, report.examples
    assert report.unattributed_masks / report.masks < MAX_WRONG_MASK_RATE


KEEP_LABELS = (
    "org_name",
    "shop_name",
    "uscc",
    "public_phone",
    "doc_number",
    "law_citation",
    "amount",
    "date",
    "business_address",
    "invoice_number",
)
