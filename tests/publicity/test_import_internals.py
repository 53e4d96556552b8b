"""Helpers of the bulk import path: instance builder, row cache, paused collector."""

from __future__ import annotations

import datetime
import gc

from sanxiang.kernel.bulk import ModelBuilder
from sanxiang.publicity import imports
from sanxiang.publicity.masking import PolicyTable
from sanxiang.publicity.models import Entry, EntryStatus


def test_it_builds_an_entry_as_the_keyword_constructor_does(officer, org, penalty_item):
    values = {
        "source_key": "k-1",
        "status": EntryStatus.DRAFT,
        "subject_type": "organisation",
        "party_name": "顺达商贸有限公司",
        "document_number": "宝金税稽罚〔2026〕1号",
        "event_date": datetime.date(2026, 2, 10),
        "credit_class": "",
        "is_minor": False,
    }
    related = {"item": penalty_item, "authority": org.district_a, "department": None, "created_by": officer}
    built = ModelBuilder(Entry)(values, **related)
    expected = Entry(**values, **related)
    for field in Entry._meta.concrete_fields:
        assert getattr(built, field.attname) == getattr(expected, field.attname), field.name
    assert built.item is penalty_item and built.authority is org.district_a and built.created_by is officer
    assert built._state.adding and built.pk is None
    assert built.__dict__.keys() - {"_prefetched_objects_cache"} == expected.__dict__.keys()
    assert built._state.fields_cache.keys() == {
        "item",
        "authority",
        "department",
        "created_by",
    }


def test_it_builds_through_the_constructor_while_an_init_signal_listens(officer, org, penalty_item):
    from django.db.models.signals import post_init

    seen = []

    def listener(sender, instance, **kwargs):
        seen.append(instance)

    post_init.connect(listener, sender=Entry)
    try:
        built = ModelBuilder(Entry)({"source_key": "k-2"}, item=penalty_item)
    finally:
        post_init.disconnect(listener, sender=Entry)
    assert seen == [built] and built.item is penalty_item
    assert ModelBuilder(Entry)({"source_key": "k-3"}, item=penalty_item) not in seen


def test_it_builds_each_policy_row_once_with_the_tables_result(db):
    table = PolicyTable()
    first = table.row("penalty_decision", "organisation", lifted=[])
    assert table.row("penalty_decision", "organisation", lifted=()) is first
    assert first == PolicyTable().row("penalty_decision", "organisation")
    assert table.row("penalty_decision", "organisation", minor=True) == PolicyTable().row(
        "penalty_decision", "organisation", minor=True
    )


def test_it_pauses_the_collector_during_a_batch_and_restores_it():
    assert gc.isenabled()
    with imports._collector_paused():
        assert not gc.isenabled()
        with imports._collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with imports._collector_paused():
            pass
        assert not gc.isenabled()  # paused by the caller: left paused
    finally:
        gc.enable()
