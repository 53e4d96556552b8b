"""Black-box scorer for masking evaluation set 22.

Runs `python -m sanxiang mask --jsonl` of --repo (cwd=repo, PYTHONPATH=repo/src) on corpus.jsonl,
then once more on its own output, and reports. Never asserts; exits 0.

Definitions
- Alignment: difflib.SequenceMatcher(autojunk=False) between the input text and the masked text; an
  input character "survives in place" when it lies in a matching block.
- LEAK of a personal value: (a) its normalised core (NFKC, letters/digits only, upper case; for mobiles
  the last 11 digits) of >= 7 characters appears anywhere in the normalised output, or (b) at least half
  of its SECRET characters survive in place. Secret characters per type:
  id18 / taxpayer_no_person: the 8 birth-date digits (7th-14th); id15: the 6 birth-date digits;
  mobile: the 4 middle digits (4th-7th of the 11); landline: the subscriber number minus its last 4
  digits (area code, +86 and extension excluded); bank_card / bank_account: all digits but the first 6
  and last 4; passport / permits: all but the first 2 and last 2 characters; email: the local part
  except its first character; home_address: everything after the first 区/县; name: every character
  except the surname (first character, or the first two for a compound surname), spaces, dots and
  brackets (names are checked in place only, because a shop may carry its owner's name).
- KEEP of a public value: every character of it survives in place (so it is verbatim at its place).
- Already-masked value unchanged: same test as KEEP.
- Idempotence: mask(mask(x)) == mask(x), per document.
"""

from __future__ import annotations

import argparse
import collections
import difflib
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "慕容", "东方", "皇甫", "令狐", "端木", "尉迟", "公孙", "夏侯"]


def run_masker(repo: str, python: str, docs: list[dict]) -> tuple[dict[str, str], str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(repo) / "src")
    inp = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    try:
        p = subprocess.run(
            [python, "-m", "sanxiang", "mask", "--jsonl"],
            input=inp,
            capture_output=True,
            text=True,
            cwd=repo,
            env=env,
            timeout=3600,
        )
    except Exception as e:  # noqa: BLE001
        return {}, f"masker failed to run: {e!r}"
    out: dict[str, str] = {}
    for line in p.stdout.splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            o = json.loads(line)
            out[o["id"]] = o["text"]
        except Exception:  # noqa: BLE001, S112
            continue
    err = "" if p.returncode == 0 else f"masker exit code {p.returncode}: {p.stderr[-2000:]}"
    return out, err


def norm(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", s).upper() if c.isalnum())


def alnum_positions(v: str) -> list[int]:
    return [i for i, c in enumerate(v) if unicodedata.normalize("NFKC", c).isalnum()]


def secret_offsets(sp: dict) -> list[int]:
    """Offsets (relative to span start) of the secret characters of a personal value."""
    v, t = sp["value"], sp["type"]
    pos = alnum_positions(v)
    if t in ("id18", "taxpayer_no_person"):
        return pos[6:14]
    if t == "id15":
        return pos[6:12]
    if t == "mobile":
        core = pos[-11:]
        return core[3:7]
    if t == "landline":
        cut = v.index("转") if "转" in v else len(v)
        dp = [i for i in pos if i < cut]
        nd = norm(v[:cut])
        area = 0
        if nd.startswith("0"):
            area = 3 if nd[:2] == "01" or nd[:2] == "02" else 4
        sub = dp[area:][: (8 if area == 3 else 7)]
        return sub[:-4] if len(sub) > 4 else sub
    if t in ("bank_card", "bank_account"):
        return pos[6:-4]
    if t in ("passport", "hk_macao_permit", "taiwan_permit"):
        return pos[2:-2] if len(pos) > 4 else pos
    if t == "email":
        at = max(v.find("@"), v.find("＠"))
        return [i for i in range(1, at) if v[i].strip()]
    if t == "home_address":
        k = min([i for i in (v.find("区"), v.find("县")) if i >= 0] or [0])
        return [i for i in range(k + 1, len(v)) if v[i].strip()]
    if t == "name":
        chars = [i for i, c in enumerate(v) if c.strip() and c not in "·•．・（）()"]
        if not chars:
            return []
        plain = "".join(v[i] for i in chars)
        skip = 2 if plain[:2] in COMPOUND else 1
        return chars[skip:]
    return pos


def survive_map(a: str, b: str) -> tuple[list[bool], list[tuple[int, int, int]]]:
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    kept = [False] * len(a)
    blocks = sm.get_matching_blocks()
    for i, _j, n in blocks:
        for k in range(i, i + n):
            kept[k] = True
    return kept, blocks


def map_pos(blocks: list[tuple[int, int, int]], i: int) -> int:
    best = 0
    for a, b, n in blocks:
        if a <= i:
            best = b + min(i - a, n)
    return best


def pct(a: int, b: int) -> str:
    return f"{(100.0 * a / b):6.2f}% ({a}/{b})" if b else "   n/a"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", required=True)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--examples", type=int, default=10)
    ap.add_argument("--corpus", default=str(HERE / "corpus.jsonl"))
    args = ap.parse_args()

    docs = [json.loads(x) for x in Path(args.corpus).read_text(encoding="utf-8").splitlines() if x.strip()]
    try:
        commit = subprocess.run(
            ["git", "-C", args.repo, "rev-parse", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
    except Exception:  # noqa: BLE001
        commit = "?"
    print(f"set: masking22   corpus: {len(docs)} documents   repo: {args.repo}   commit: {commit}")

    out1, err1 = run_masker(args.repo, args.python, docs)
    if err1:
        print("WARNING:", err1)
    docs2 = [{"id": d["id"], "text": out1[d["id"]]} for d in docs if d["id"] in out1]
    out2, err2 = run_masker(args.repo, args.python, docs2)
    if err2:
        print("WARNING (second run):", err2)
    missing = [d["id"] for d in docs if d["id"] not in out1]
    if missing:
        print(
            f"WARNING: {len(missing)} documents missing from masker output (counted as unmasked): {missing[:5]}"
        )

    leak_t: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    keep_t: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    leak_tag: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    keep_tag: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    leak_cat: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    keep_cat: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    leak_lay: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    masked_t: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    fails: list[tuple[str, str, str, str, str]] = []
    idem_ok = 0
    for d in docs:
        text = d["text"]
        out = out1.get(d["id"], text)
        if out2.get(d["id"]) == out:
            idem_ok += 1
        kept, blocks = survive_map(text, out)
        nout = norm(out)
        for sp in d["spans"]:
            s, e, v = sp["start"], sp["end"], sp["value"]
            tags = sp.get("tags", [])
            if sp["kind"] == "personal":
                sec = secret_offsets(sp)
                nv = norm(v)
                if sp["type"] == "mobile":
                    nv = nv[-11:]
                anywhere = sp["type"] != "name" and len(nv) >= 7 and nv in nout
                n_kept = sum(1 for o in sec if kept[s + o])
                inplace = bool(sec) and 2 * n_kept >= len(sec)
                bad = anywhere or inplace
                for dct, key in ((leak_t, sp["type"]), (leak_cat, d["category"]), (leak_lay, d["layout"])):
                    dct[key][0] += bad
                    dct[key][1] += 1
                leak_t["__all__"][0] += bad
                leak_t["__all__"][1] += 1
                for tg in tags:
                    leak_tag[tg][0] += bad
                    leak_tag[tg][1] += 1
                if bad:
                    fails.append(("LEAK", sp["type"], d["id"], v, ctx(text, out, blocks, s, e)))
            else:
                ok = all(kept[s:e]) and v in out
                dct2 = keep_t if sp["kind"] == "public" else masked_t
                dct2[sp["type"]][0] += ok
                dct2[sp["type"]][1] += 1
                dct2["__all__"][0] += ok
                dct2["__all__"][1] += 1
                if sp["kind"] == "public":
                    keep_cat[d["category"]][0] += ok
                    keep_cat[d["category"]][1] += 1
                    pol = "published_by_policy" in tags
                    k2 = "__policy__" if pol else "__nonpolicy__"
                    keep_t[k2][0] += ok
                    keep_t[k2][1] += 1
                    for tg in tags:
                        keep_tag[tg][0] += ok
                        keep_tag[tg][1] += 1
                if not ok:
                    lab = "DROP" if sp["kind"] == "public" else "ALTERED-MASKED"
                    fails.append((lab, sp["type"], d["id"], v, ctx(text, out, blocks, s, e)))

    def show(title: str, dct: dict, inverse: bool = False) -> None:
        print(f"\n== {title}")
        for k in sorted(dct, key=lambda x: (x.startswith("__"), x)):
            a, n = dct[k]
            print(f"  {k:34s} {pct(a, n)}")

    la, ln = leak_t["__all__"]
    ka, kn = keep_t["__all__"]
    ma, mn = masked_t["__all__"]
    print("\n== HEADLINE")
    print(f"  personal values leaked        {pct(la, ln)}")
    print(f"  public values kept            {pct(ka, kn)}")
    print(f"    of which not policy-based   {pct(*keep_t['__nonpolicy__'])}")
    print(f"    published_by_policy kept    {pct(*keep_t['__policy__'])}")
    print(f"  already-masked unchanged      {pct(ma, mn)}")
    print(f"  idempotent documents          {pct(idem_ok, len(docs))}")
    show("LEAK per personal type (leaked/total)", {k: v for k, v in leak_t.items() if k != "__all__"})
    show("KEEP per public type (kept/total)", {k: v for k, v in keep_t.items() if not k.startswith("__")})
    show("ALREADY-MASKED unchanged per type", {k: v for k, v in masked_t.items() if k != "__all__"})
    show("LEAK per tag", leak_tag)
    show("KEEP per tag (public values)", keep_tag)
    show("LEAK per category", leak_cat)
    show("KEEP per category", keep_cat)
    show("LEAK per layout", leak_lay)

    print(f"\n== EXAMPLES (first {args.examples} per failure class, {len(fails)} failures in all)")
    by: dict[str, list] = collections.defaultdict(list)
    for f in fails:
        by[f[0] + ":" + f[1]].append(f)
    shown = 0
    for key in sorted(by):
        for lab, typ, did, v, c in by[key][: max(1, args.examples // max(1, len(by)) + 1)]:
            if shown >= args.examples:
                break
            print(f"- [{lab} {typ}] {did} value={v!r}\n    {c}")
            shown += 1
    sys.exit(0)


def ctx(text: str, out: str, blocks: list, s: int, e: int) -> str:
    a = text[max(0, s - 25) : e + 25].replace("\n", "⏎")
    os_, oe = map_pos(blocks, max(0, s - 25)), map_pos(blocks, e + 25)
    b = out[os_ : max(oe, os_ + 1)].replace("\n", "⏎")
    return f"in : {a}\n    out: {b}"


if __name__ == "__main__":
    main()
