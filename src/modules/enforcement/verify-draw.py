#!/usr/bin/env python3
"""Re-runs a published "双随机" draw (algorithm bizenv-draw-v1) from its public seed and snapshot.

Usage: python3 verify-draw.py SNAPSHOT.json SEED [COMMITMENT SNAPSHOT_HASH]
The platform publishes, without login: the plan with its commitment, snapshot hash, seed and visits
at /api/v1/enforcement/public/plans/ID, the snapshot at /api/v1/enforcement/public/plans/ID/snapshot
and this script at /api/v1/enforcement/public/verify-draw.py.
Prints the visits as JSON lines: enterprise id, grade, items, officer ids.
Needs only the Python standard library, so anyone can check the office's draw.
"""
import hashlib, hmac, json, math, sys

def stream(seed, label):
    key, counter = bytes.fromhex(seed), 0
    while True:
        block = hmac.new(key, f"{label}:{counter}".encode(), hashlib.sha256).digest()
        counter += 1
        for k in range(0, 32, 4):
            yield int.from_bytes(block[k:k + 4], "big")

def uniform(s, n):
    limit = (2**32 // n) * n
    while True:
        x = next(s)
        if x < limit:
            return x % n

def draw(seed, snap):
    by_grade = {}
    for eid, g in zip(snap["enterpriseIds"], snap["grades"]):
        by_grade.setdefault(g, []).append(eid)
    drawn = []
    for grade in "ABCD":
        quota = next((q for q in snap["quotas"] if q["grade"] == grade), None)
        if quota is None:
            continue
        pool = list(by_grade.get(grade, []))
        k = quota["count"] if quota.get("count") is not None else math.ceil(quota.get("ratio", 0) * len(pool) - 1e-9)
        if k > len(pool):
            sys.exit(f"pool of grade {grade} ({len(pool)}) is smaller than the sample ({k})")
        s = stream(seed, f"sample:{grade}")
        for i in range(k):
            j = i + uniform(s, len(pool) - i)
            pool[i], pool[j] = pool[j], pool[i]
            drawn.append((pool[i], grade))
    recused = {}
    for unit, eid in snap["recusals"]:
        recused.setdefault(eid, set()).add(unit)
    last = {eid: set(ids) for eid, ids in snap["lastInspectors"]}
    recognised = {eid: set(items) for eid, items in snap["recognised"]}
    officers, need = snap["officers"], snap["officersPerVisit"]
    s = stream(seed, "officers")
    for eid, grade in drawn:
        ok = lambda o: o["unitId"] not in recused.get(eid, ()) and o["id"] not in last.get(eid, ())
        chosen, tries = [], 0
        while tries < 64 and len(chosen) < need and officers:
            o = officers[uniform(s, len(officers))]
            tries += 1
            if ok(o) and o["id"] not in chosen:
                chosen.append(o["id"])
        while len(chosen) < need:
            rest = [o for o in officers if ok(o) and o["id"] not in chosen]
            if not rest:
                sys.exit(f"not enough eligible officers for enterprise {eid}")
            chosen.append(rest[uniform(s, len(rest))]["id"])
        items = [c for c in snap["items"] if c not in recognised.get(eid, ())]
        yield {"enterpriseId": eid, "grade": grade, "items": items, "officerIds": chosen}

if __name__ == "__main__":
    path, seed = sys.argv[1], sys.argv[2]
    text = open(path, encoding="utf-8").read()
    if len(sys.argv) > 4:
        assert hashlib.sha256(seed.encode()).hexdigest() == sys.argv[3], "the seed does not match the commitment"
        assert hashlib.sha256(text.encode()).hexdigest() == sys.argv[4], "the snapshot does not match its hash"
    for visit in draw(seed, json.loads(text)):
        print(json.dumps(visit, separators=(",", ":")))
