#!/usr/bin/env python3
"""Bytes on the wire, ours beside htop and tig, in one run (issue #18).

Each program runs in tmux at 80x24 under script(1), which records every byte it writes to its terminal; a key is
sent with tmux send-keys and the bytes written until 300 ms of silence are that key's cost. Under TERM
tmux-256color and xterm-256color: the list step (Down), page down (PageDown) and opening the cart (ours: `c` with
one item in the cart; htop: `h`, its help screen; tig: Enter, a commit's diff), each the median over its presses.
"ours (curses)" is the same binary with STOREFRONT_ESCAPES=curses: every frame through curses' doupdate, as before
the frame encoder.
"""

import argparse
import os
import shlex
import signal
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


class Pane:
    def __init__(self, command, env, cwd, raw):
        self.sock = f"sf-peers-{os.getpid()}-{time.monotonic_ns() % 1000000}"
        self.raw = raw
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in sorted(env.items()))
        inner = f"cd {shlex.quote(cwd)} && env {exports} script -q -f -c {shlex.quote(command)} {shlex.quote(raw)}"
        self.tmux("new-session", "-d", "-x", "80", "-y", "24", inner, ";", "set", "-g", "status", "off")

    def tmux(self, *args):
        return subprocess.run(
            ["tmux", "-L", self.sock, "-f", "/dev/null", *args], capture_output=True, text=True, check=False
        ).stdout

    def size(self):
        try:
            return os.path.getsize(self.raw)
        except OSError:
            return 0

    def screen(self):
        return self.tmux("capture-pane", "-p")

    def wait_for(self, text, timeout=30.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if text in self.screen():
                return True
            time.sleep(0.1)
        return False

    def settle(self, quiet=0.3, limit=5.0):
        end = time.monotonic() + limit
        last, since = self.size(), time.monotonic()
        while time.monotonic() < end:
            time.sleep(0.05)
            now = self.size()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                break
        return last

    def key(self, name):
        before = self.settle()
        self.tmux("send-keys", name)
        return self.settle() - before

    def stop(self):
        # script(1) outlives the tmux server (it keeps the program's terminal open), and with it the program: hang
        # up the pane's processes first, as a closed terminal would, so that no run is left behind.
        pane = self.tmux("display-message", "-p", "#{pane_pid}").strip()
        for pid in descendants(int(pane)) if pane.isdigit() else []:
            try:
                os.kill(pid, signal.SIGHUP)
            except ProcessLookupError:
                pass
        self.tmux("kill-server")


def descendants(pid):
    """`pid` and every process below it."""
    found = [pid]
    for child in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split():
        found += descendants(int(child))
    return found


def run_app(name, command, env, cwd, ready, opener, steps, pages, opens, prepare=None):
    work = tempfile.mkdtemp(prefix="sf-peers-")
    pane = Pane(command, env | {"HOME": work, "XDG_DATA_HOME": f"{work}/data", "XDG_STATE_HOME": f"{work}/state",
                                "XDG_CACHE_HOME": f"{work}/cache"}, cwd, f"{work}/raw")
    try:
        if not pane.wait_for(ready):
            print(f"  {name}: never showed {ready!r}", file=sys.stderr)
            return None
        pane.settle(quiet=0.8)
        out = {"step": [pane.key("Down") for _ in range(steps)]}
        out["page"] = [pane.key("NPage") for _ in range(pages)]
        if prepare:
            prepare(pane)
        opened = []
        for _ in range(opens):
            opened.append(pane.key(opener[0]))
            pane.key(opener[1])
        out["open"] = opened
        return out
    finally:
        pane.stop()
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--pages", type=int, default=3)
    ap.add_argument("--opens", type=int, default=3)
    ap.add_argument("--repo", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    a = ap.parse_args()

    def add_item(pane):
        # Back to the top of the list, open the first product, add it, back to the catalog.
        pane.key("Home")
        pane.key("Enter")
        pane.wait_for("add to cart", 15)
        pane.key("Enter")
        pane.wait_for("item", 15)
        pane.key("Escape")
        pane.settle(quiet=0.5)

    base = {"LANG": "C.UTF-8", "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    rows = []
    for term in ["tmux-256color", "xterm-256color"]:
        env = base | {"TERM": term}
        apps = [
            ("ours (curses)", f"{a.bin}", env | {"STOREFRONT_ESCAPES": "curses"}, "₹", ("c", "Escape"), add_item),
            ("ours", f"{a.bin}", env, "₹", ("c", "Escape"), add_item),
            ("htop", "htop -d 600", env, "PID", ("h", "h"), None),
            ("tig", "tig", env, "[main]", ("Enter", "q"), None),
        ]
        results = {}
        for name, cmd, e, ready, opener, prepare in apps:
            if shutil.which(cmd.split()[0]) is None and not os.path.exists(cmd.split()[0]):
                print(f"  {name}: not installed", file=sys.stderr)
                continue
            cwd = a.repo
            results[name] = run_app(name, cmd, e, cwd, ready, opener, a.steps, a.pages, a.opens, prepare)
        rows.append((term, results))

    names = ["ours (curses)", "ours", "htop", "tig"]
    print("bytes per action, median (min-max) over the presses; 80x24 in tmux, script(1)")
    print(f"| action | TERM | {' | '.join(names)} | ours / better peer |")
    print("| --- | --- | " + " | ".join("---:" for _ in names) + " | ---: |")
    for action, label in [("step", f"list step (Down x{a.steps})"), ("page", f"page down (x{a.pages})"),
                          ("open", f"open the cart / help / diff (x{a.opens})")]:
        for term, results in rows:
            cells = []
            med = {}
            for n in names:
                r = results.get(n)
                if not r or not r[action]:
                    cells.append("n/a")
                    continue
                v = r[action]
                med[n] = statistics.median(v)
                cells.append(f"{med[n]:.0f} ({min(v)}-{max(v)})")
            peers = [med[p] for p in ("htop", "tig") if p in med]
            ratio = f"{med['ours'] / min(peers):.2f}" if "ours" in med and peers and min(peers) > 0 else "n/a"
            print(f"| {label} | {term} | {' | '.join(cells)} | {ratio} |")


if __name__ == "__main__":
    main()
