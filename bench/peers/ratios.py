"""Sectar-over-peer ratios, round by round, from the lines of `run.sh compare` (a Markdown table).

    python3 ratios.py FILE.jsonl

A sectar line and a peer line pair up when they share the round and the measurement (bench and preset
for the networks, scene for the physics). A ratio is sectar's median over the peer's: for times (ms,
us) below 1 means sectar is faster, for steps per second above 1 does. Each cell lists the rounds in
order, then their median; the load column is the range of the 1-minute load averages on the lines of that row.
Standard library only.
"""
import json
import statistics
import sys

PEERS = ("pytorch", "box2d")


def key(line):
    """What a line measures, or None for lines that are no measurement of a compared pair."""
    if line["bench"] == "box2d_scene":
        return ("box2d_scene", line["scene"])
    if "preset" in line and line["bench"] in ("vae_train_step", "plan_call", "ppo_update", "policy_forward_b1"):
        return (line["bench"], line["preset"])
    return None


def variant(line):
    """Which of the two sides a line is, and how it ran: sectar's broad phase, the peer's threads."""
    impl = line["impl"]
    if impl == "sectar":
        return "sectar" + (" " + line["broadphase"] if "broadphase" in line else "")
    if impl.startswith("pytorch"):
        return f"{impl} {line['threads']} thread{'s' if line['threads'] > 1 else ''}"
    return impl


def die(message):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(2)


def read(path):
    lines = []
    try:
        with open(path, encoding="utf-8") as f:
            for number, text in enumerate(f, 1):
                if text.strip():
                    lines.append(json.loads(text))
    except OSError as e:
        die(f"cannot read {path}: {e.strerror}")
    except json.JSONDecodeError as e:
        die(f"{path} line {number} is not a JSON line ({e.msg}); expected the output of bench/peers/run.sh compare")
    if not lines or lines[0].get("bench") != "machine":
        die(f"{path} does not start with run.sh compare's machine line")
    return lines[0], [l for l in lines[1:] if key(l) is not None]


def table(lines):
    # medians[(key, variant)][round] = (median, unit, load1)
    medians = {}
    for l in lines:
        medians.setdefault((key(l), variant(l)), {})[l["round"]] = (l["median"], l["unit"], l["load1"])
    rounds = sorted({l["round"] for l in lines})
    keys = list(dict.fromkeys(key(l) for l in lines))
    rows = ["| measurement | unit | sectar | sectar by round | peer | peer by round | sectar / peer by round | median ratio | load1 |",
            "|---|---|---|---|---|---|---|---|---|"]
    for k in keys:
        ours = [v for (kk, v) in medians if kk == k and v.startswith("sectar")]
        peers = [v for (kk, v) in medians if kk == k and v.startswith(PEERS)]
        for o in ours:
            for p in peers:
                a, b = medians[(k, o)], medians[(k, p)]
                both = [r for r in rounds if r in a and r in b]
                if not both:
                    continue
                unit = a[both[0]][1]
                loads = [a[r][2] for r in both] + [b[r][2] for r in both]
                ratios = [a[r][0] / b[r][0] for r in both]
                rows.append("| {} {} | {} | {} | {} | {} | {} | {} | {:.2f} | {:.1f}-{:.1f} |".format(
                    k[0], k[1], unit, o, fmt(a[r][0] for r in both), p, fmt(b[r][0] for r in both),
                    ", ".join(f"{x:.2f}" for x in ratios), statistics.median(ratios), min(loads), max(loads)))
    return "\n".join(rows)


def fmt(values):
    return ", ".join(f"{v:.0f}" if v >= 100 else f"{v:.3g}" for v in values)


def main(argv):
    if len(argv) != 1:
        die("expected one argument, the output of bench/peers/run.sh compare: python3 ratios.py FILE.jsonl")
    machine, lines = read(argv[0])
    print(f"{machine['date']}, {machine['cpu']}, {machine['cores']} cores, commit {machine['commit']}, "
          f"{machine['java']}, torch {machine['torch']}, Box2D {machine['box2d_package']}\n")
    print(table(lines))


if __name__ == "__main__":
    main(sys.argv[1:])
