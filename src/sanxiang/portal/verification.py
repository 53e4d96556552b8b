"""Re-checking the publication log from scratch (``sanxiang verify_publications``).

Nothing stored is trusted: the tree is rebuilt from the leaf rows alone and compared with every
signed checkpoint and with the checkpoint file in the key directory; every cached subtree hash is
compared with the rebuilt one; and every leaf whose salt still exists is rebuilt from the entry's
archived version (and, for the current version, from the ``PublicEntry`` row the public sees),
so a change to a published entry, a leaf, a cached node or a checkpoint, or a removed record,
is reported. The first problem found is named; the check goes on to count the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sanxiang.lib import merkle, signednote

from . import publog
from .choices import EntryEvent
from .models import LogCheckpoint, LogLeaf, LogNode, PublicEntry, PublicEntryVersion


@dataclass
class VerificationReport:
    size: int = 0
    checkpoints: int = 0
    entries_checked: int = 0
    records: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_publications() -> VerificationReport:
    publog.log_flush()  # inside a checkpoint batch: its leaves so far are part of the log
    report = VerificationReport()
    problems = report.problems
    store = merkle.InMemoryTreeStore()
    expected = 0
    leaf_rows: dict[int, tuple[str, str, int, int, int | None, str]] = {}
    for index, hashed, event, entry_id, version, target, document in (
        LogLeaf.objects.order_by("index")
        .values_list("index", "leaf_hash", "event", "entry_id", "version", "target_index", "document")
        .iterator(chunk_size=5000)
    ):
        if index != expected:
            problems.append(f"log record #{expected} is missing (next record is #{index})")
            expected = index
        try:
            raw = bytes.fromhex(hashed)
            store.append_leaf_hash(raw)
        except ValueError:
            problems.append(f"log record #{index} has a malformed hash")
            store.append_leaf_hash(bytes(32))
        if event == EntryEvent.WITHDRAWN and merkle.leaf_hash(document.encode("utf-8")).hex() != hashed:
            problems.append(f"log record #{index} (withdrawal) does not match its leaf data")
        if event == EntryEvent.RECORD:
            report.records += 1
            if merkle.leaf_hash(document.encode("utf-8")).hex() != hashed:
                problems.append(f"log record #{index} (record) does not match its leaf data")
        leaf_rows[index] = (hashed, event, entry_id, version, target, document)
        expected += 1
    report.size = store.size()

    _check_checkpoints(store, report)
    _check_nodes(store, report)
    _check_entries(leaf_rows, report)
    return report


def _check_checkpoints(store: merkle.InMemoryTreeStore, report: VerificationReport) -> None:
    problems = report.problems
    try:
        verifier = publog.signer().verifier()
    except signednote.NoteError as exc:
        problems.append(f"the log key cannot be read: {exc}")
        return
    for checkpoint in LogCheckpoint.objects.order_by("size").iterator():
        report.checkpoints += 1
        try:
            body = signednote.verify_note(checkpoint.note, [verifier])
            parsed = signednote.parse_checkpoint(body)
        except signednote.NoteError as exc:
            problems.append(f"checkpoint at size {checkpoint.size} has a bad signature: {exc}")
            continue
        if parsed.size != checkpoint.size or parsed.root_hash.hex() != checkpoint.root_hash:
            problems.append(f"checkpoint row at size {checkpoint.size} differs from its signed note")
        if parsed.size > store.size():
            problems.append(f"checkpoint at size {parsed.size} is beyond the log ({store.size()} records)")
            continue
        if merkle.root_hash(store, parsed.size) != parsed.root_hash:
            problems.append(f"the log rebuilt to size {parsed.size} does not match its signed checkpoint")
    path = publog.key_dir() / publog.CHECKPOINT_FILE
    if path.exists():
        for number, line in enumerate(path.read_text(encoding="ascii").splitlines(), start=1):
            size_text, _, root_hex = line.partition(" ")
            size = int(size_text)
            if size > store.size():
                problems.append(
                    f"checkpoint file line {number}: size {size} is beyond the log ({store.size()} records)"
                )
            elif merkle.root_hash(store, size).hex() != root_hex:
                problems.append(
                    f"checkpoint file line {number}: the log rebuilt to size {size} does not match"
                )


def _check_nodes(store: merkle.InMemoryTreeStore, report: VerificationReport) -> None:
    for level, index, hashed in LogNode.objects.values_list("level", "index", "node_hash").iterator(
        chunk_size=5000
    ):
        start, end = index << level, (index + 1) << level
        rebuilt = store.subtree_hash(start, end) if end <= store.size() else None
        if rebuilt is None or rebuilt.hex() != hashed:
            report.problems.append(f"cached subtree {level}/{index} does not match the rebuilt log")
            return


def _check_entries(leaf_rows: dict[int, tuple], report: VerificationReport) -> None:
    problems = report.problems
    entries = {
        entry.pk: entry for entry in PublicEntry.objects.select_related("authority").iterator(chunk_size=2000)
    }
    logged: set[int] = set()
    checked: set[int] = set()
    for version in (
        PublicEntryVersion.objects.exclude(leaf_index=None).order_by("leaf_index").iterator(chunk_size=5000)
    ):
        assert version.leaf_index is not None  # excluded by the query
        row = leaf_rows.get(version.leaf_index)
        if row is None:
            problems.append(
                f"entry version {version.entry_id}/v{version.version} names missing record #{version.leaf_index}"
            )
            continue
        hashed, event, entry_id, number, target, _document = row
        logged.add(version.leaf_index)
        if entry_id != version.entry_id or number != version.version or event != version.event:
            problems.append(
                f"log record #{version.leaf_index} does not belong to entry version {version.entry_id}/v{version.version}"
            )
            continue
        if event == EntryEvent.WITHDRAWN or not version.salt:
            continue
        target_hash = leaf_rows[target][0] if target is not None and target in leaf_rows else None
        data = _leaf_data(version.content, version.salt, target, target_hash)
        if data is None or merkle.leaf_hash(data).hex() != hashed:
            problems.append(
                f"log record #{version.leaf_index}: archived entry {version.entry_id} v{version.version} was changed"
            )
            continue
        entry = entries.get(version.entry_id)
        if entry is not None and entry.leaf_index == version.leaf_index:
            report.entries_checked += 1
            checked.add(entry.pk)
            current = _leaf_data(entry.content(), entry.salt, target, target_hash)
            if current is None or merkle.leaf_hash(current).hex() != hashed:
                problems.append(
                    f"published entry {entry.source_key} (record #{version.leaf_index}) was changed"
                )
    for index, row in leaf_rows.items():
        if index not in logged and row[1] != EntryEvent.RECORD:  # a record belongs to no entry version
            problems.append(f"log record #{index} has no entry version")
            break
    for entry in entries.values():
        if entry.status in ("live", "corrected") and entry.pk not in checked:
            problems.append(f"published entry {entry.source_key} does not match a publication in the log")
            break


def _leaf_data(content: dict, salt: str, target: int | None, target_hash: str | None) -> bytes | None:
    try:
        return publog.leaf_data_for_version(
            content=content, salt=salt, target_index=target, target_hash=target_hash
        )
    except (ValueError, TypeError):
        return None
