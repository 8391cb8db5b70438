#!/usr/bin/env python3
"""The catalog sooner (issue #18): time from fork to the first frame and to the catalog, ours beside tig and htop.

Every program is forked in an 80x24 pty (TERM=xterm-256color, tui.py's App) and every byte it writes is
timestamped. "First frame" is when the full first frame has arrived: ours, the footer (`quit`); tig, its status
line (`[main]`, the whole log view comes in one write); htop, its function bar (`Quit`, the last thing it draws).
"Catalog shown" is ours only: the first `₹`. The rounds are interleaved (each round runs every row once) so that a
change in the machine's load touches every row alike; each cell is the median over the rounds, with every round's
value in brackets.

Rows for ours:
- warm: the same home every round (database, token and the saved catalog page of the run before);
- warm, no saved page: a home with database and token, its cache folder removed before each run (as before the
  saved page existed);
- cold: a new home every round (the sandbox database is created and seeded; no token; nothing saved).
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tui import App  # noqa: E402


def run(argv, home, cwd, markers, quit_key=b"q", timeout=30.0):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home,
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "XDG_DATA_HOME": os.path.join(home, "data"),
        "XDG_STATE_HOME": os.path.join(home, "state"),
        "XDG_CONFIG_HOME": os.path.join(home, "config"),
    }
    old = os.getcwd()
    os.chdir(cwd)
    try:
        app = App(argv, env, 80, 24, os.path.join(home, "stderr.log"))
    finally:
        os.chdir(old)
    times = {}
    try:
        for name, marker in markers:
            t = app.wait_for(marker.encode(), timeout)
            times[name] = t and t * 1000
        app.settle(0.5)  # the store's answer (and the saved page written) before quitting
        app.quit(quit_key)
    except EOFError:
        pass
    return times


def cell(values):
    got = [v for v in values if v is not None]
    if not got:
        return "n/a"
    return f"**{statistics.median(got):.0f} ms** [{', '.join(f'{v:.0f}' for v in values if v is not None)}]"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--before", help="another build of ours, run as cold and warm rows beside (optional)")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--repo", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    a = ap.parse_args()

    work = tempfile.mkdtemp(prefix="sf-catalog-time-")
    ours = [("first frame", "quit"), ("catalog", "₹")]
    rows = {}  # name -> {"first frame": [...], "catalog": [...]}

    def record(name, times):
        for key in ("first frame", "catalog"):
            rows.setdefault(name, {}).setdefault(key, []).append(times.get(key))

    binaries = [("ours", a.bin)] + ([("before", a.before)] if a.before else [])
    warm_homes = {}
    for label, binary in binaries:
        for kind in ("warm", "nocache"):
            home = os.path.join(work, f"{label}-{kind}")
            os.makedirs(home)
            run([binary], home, home, ours)  # creates and seeds the database, stores a token, saves the page
            warm_homes[(label, kind)] = home
    peers = []
    if shutil.which("tig"):
        peers.append(("tig, 50 commits (full frame)", ["tig", "-n", "50"], "[main]"))
    if shutil.which("htop"):
        peers.append(("htop (full frame)", ["htop", "-d", "600"], "Quit"))
    peer_home = os.path.join(work, "peers")
    os.makedirs(peer_home)
    for i in range(a.rounds):
        for name, argv, marker in peers:
            record(name, run([shutil.which(argv[0])] + argv[1:], peer_home, a.repo, [("first frame", marker)]))
        for label, binary in binaries:
            prefix = "ours" if label == "ours" else f"before ({os.path.basename(binary)})"
            record(f"{prefix}, warm", run([binary], warm_homes[(label, "warm")], work, ours))
            nocache = warm_homes[(label, "nocache")]
            shutil.rmtree(os.path.join(nocache, ".cache"), ignore_errors=True)
            record(f"{prefix}, warm, no saved page", run([binary], nocache, work, ours))
            cold = os.path.join(work, f"{label}-cold-{i}")
            os.makedirs(cold)
            record(f"{prefix}, cold (new home)", run([binary], cold, work, ours))
    shutil.rmtree(work, ignore_errors=True)

    print(f"fork to the first frame and to the catalog, 80x24 pty, median of {a.rounds} interleaved rounds [each]")
    print("| | first frame | catalog shown (first ₹) |")
    print("| --- | ---: | ---: |")
    order = [n for n in rows if not n.startswith(("tig", "htop"))] + [n for n in rows if n.startswith(("tig", "htop"))]
    for name in order:
        r = rows[name]
        catalog = cell(r["catalog"]) if any(v is not None for v in r["catalog"]) else ""
        print(f"| {name} | {cell(r['first frame'])} | {catalog} |")

    def median(name, key):
        got = [v for v in rows.get(name, {}).get(key, []) if v is not None]
        return statistics.median(got) if got else None

    tig = median("tig, 50 commits (full frame)", "first frame")
    warm = median("ours, warm", "catalog")
    cold = median("ours, cold (new home)", "catalog")
    if tig and warm and cold:
        print(
            f"goal: warm catalog <= tig's full frame: {warm:.0f} / {tig:.0f} ms = {warm / tig:.2f} "
            f"({'met' if warm <= tig else 'not met'}); cold catalog <= 2x tig's: {cold:.0f} / {tig:.0f} ms = "
            f"{cold / tig:.2f}x tig ({'met' if cold <= 2 * tig else 'not met'})"
        )


if __name__ == "__main__":
    main()
