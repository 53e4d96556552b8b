"""Recomputing a published draw from published data only (``sanxiang verify_draw``, the portal page).

``check_published_draw`` is pure (it reads only ``sanxiang.lib``): given the commitment record's
leaf data, the result record's leaf data, the published snapshot rows and the log's verifier key,
it checks every link — the rows hash to the committed snapshot hash, the revealed secret hashes to
the committed secret hash, the result names the commitment, the checkpoint is signed by the log
and covers a leaf after the commitment, and recomputing ``lib.draw.select`` gives the published
list. ``verify_draw`` gathers those inputs from the log for a draw id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sanxiang.lib import draw as drawlib
from sanxiang.lib import merkle, signednote


@dataclass
class DrawVerification:
    draw: int | None = None
    steps: list[tuple[str, bool]] = field(default_factory=list)
    recomputed: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.steps) and all(passed for _label, passed in self.steps)

    def check(self, label: str, passed: bool) -> bool:
        self.steps.append((label, passed))
        return passed


def check_published_draw(
    *,
    commitment_leaf: bytes,
    commitment_index: int,
    result_leaf: bytes,
    rows: list[dict[str, Any]],
    verifier_key: str,
) -> DrawVerification:
    """Check a draw from its two published log records and its published rows (see module doc)."""
    report = DrawVerification()
    try:
        commitment = merkle.parse_leaf(commitment_leaf)
        result = merkle.parse_leaf(result_leaf)
    except ValueError:
        report.check("承诺记录与结果记录格式正确", False)
        return report
    if not report.check(
        "承诺记录与结果记录格式正确",
        commitment.record_kind == "inspections.draw_commitment"
        and result.record_kind == "inspections.draw_result",
    ):
        return report
    committed: dict[str, Any] = commitment.body or {}
    revealed: dict[str, Any] = result.body or {}
    inputs = committed.get("inputs", {})
    report.draw = committed.get("draw")
    report.published = [item["key"] for item in revealed.get("selected", [])]
    report.check(
        "结果记录指向该承诺记录",
        revealed.get("draw") == committed.get("draw")
        and revealed.get("commitment", {}).get("index") == commitment_index
        and revealed.get("commitment", {}).get("leaf_hash") == merkle.leaf_hash(commitment_leaf).hex(),
    )
    try:
        report.check("名录库快照与承诺的哈希一致", drawlib.snapshot_hash(rows) == inputs.get("snapshot_hash"))
    except drawlib.DrawError:
        report.check("名录库快照与承诺的哈希一致", False)
    try:
        secret_ok = drawlib.secret_hash(str(revealed.get("secret", ""))) == inputs.get("secret_hash")
    except drawlib.DrawError:
        secret_ok = False
    report.check("公布的秘密值与承诺的哈希一致", secret_ok)
    checkpoint = revealed.get("checkpoint", {})
    try:
        body = signednote.verify_note(str(checkpoint.get("note", "")).encode("utf-8"), [verifier_key])
        parsed = signednote.parse_checkpoint(body)
        signed = parsed.size == checkpoint.get("size") and parsed.root_hash.hex() == checkpoint.get("root")
    except (signednote.NoteError, ValueError):
        signed = False
    report.check("检查点由发布日志签名", signed)
    report.check(
        "检查点晚于承诺记录",
        isinstance(checkpoint.get("size"), int) and checkpoint["size"] >= commitment_index + 2,
    )
    if not report.ok:
        return report
    spec = drawlib.DrawSpec(
        snapshot_hash=inputs["snapshot_hash"],
        filters=inputs.get("filters") or {},
        count=inputs.get("count"),
        ratio=inputs.get("ratio"),
        weights=inputs.get("weights") or [],
        algorithm=inputs.get("algorithm", ""),
    )
    seed = drawlib.derive_seed(
        secret_hex=revealed["secret"],
        commitment_hash=merkle.leaf_hash(commitment_leaf).hex(),
        checkpoint_size=checkpoint["size"],
        checkpoint_root=checkpoint["root"],
        algorithm=spec.algorithm,
    )
    try:
        recomputed = drawlib.select(rows, spec, seed)
    except drawlib.DrawError:
        report.check("按公布的输入重新抽取", False)
        return report
    report.recomputed = list(recomputed.keys)
    report.check("重新抽取的名单与公布的名单一致", report.recomputed == report.published)
    return report
