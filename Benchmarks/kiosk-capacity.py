#!/usr/bin/env python3
"""N concurrent SSH kiosk visitors through the real sshd on loopback, each in its own pty (`ssh -tt`).

Each visitor connects (starts spread by --stagger seconds, as visitors arrive), waits for the shop's first frame
(the catalog's footer), then browses and adds to the cart by keys: j, j, Enter (product page), Enter (add).
Recorded: first-frame time (connect to footer on screen, through ssh), key-to-frame time (key written to the
first byte of the frame it causes), per-session RSS and PSS (kiosk-session processes, read while all are open),
the total PSS of the sessions, their sshd processes and the sandbox, CPU (machine busy share over the run and CPU
seconds of the session processes), and errors (no first frame, no cart line, ssh ended early). One JSON object.
"""

import argparse
import fcntl
import json
import os
import resource
import pty
import select
import struct
import subprocess
import termios
import time


def pct(values, p):
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))]


def pids_matching(text):
    out = subprocess.run(["pgrep", "-f", text], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def proc_field(pid, name, field):
    try:
        with open(f"/proc/{pid}/{name}") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def cpu_seconds(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return None


def tree_cpu_seconds(pid):
    """A process's CPU seconds with those of its children it has reaped (cutime, cstime)."""
    if not pid:
        return 0.0
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return 0.0


def machine_busy():
    with open("/proc/stat") as f:
        parts = [int(x) for x in f.readline().split()[1:]]
    idle = parts[3] + parts[4]
    return sum(parts), idle


class Visitor:
    def __init__(self, index, argv):
        self.index = index
        self.argv = argv
        self.buffer = b""
        self.first_frame = None
        self.added = None
        self.key_times = []
        self.pending_key = None
        self.keys = [b"j", b"j", b"\r", b"\r"]
        self.error = None
        self.done = False

    def start(self, cols, rows):
        self.t0 = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                devnull = os.open("/dev/null", os.O_WRONLY)
                os.dup2(devnull, 2)
                env = dict(os.environ, TERM="xterm-256color")
                os.execvpe(self.argv[0], self.argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--keys", required=True, help="folder of visitor keys key-0 … key-N")
    ap.add_argument("--kiosk-dir", required=True)
    ap.add_argument("--sandbox-pid", type=int, required=True)
    ap.add_argument("--stagger", type=float, default=0.02)
    ap.add_argument("--deadline", type=float, default=120.0)
    ap.add_argument("--sshd-pid", type=int, default=0)
    ap.add_argument("--frame-marker", default="₹")
    ap.add_argument("--added-marker", default="item")
    args = ap.parse_args()

    visitors = []
    for i in range(args.n):
        argv = ["ssh", "-tt", "-F", "/dev/null", "-p", str(args.port), "-i", f"{args.keys}/key-{i}",
                "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "root@127.0.0.1"]
        visitors.append(Visitor(i, argv))

    total0, idle0 = machine_busy()
    sandbox_cpu0 = cpu_seconds(args.sandbox_pid) or 0.0
    sshd_cpu0 = tree_cpu_seconds(args.sshd_pid)
    clients0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall0 = time.perf_counter()
    started = 0
    next_start = time.perf_counter()
    by_fd = {}
    memory = None
    session_cpu = {}
    deadline = time.perf_counter() + args.deadline + args.n * args.stagger
    frame_marker = args.frame_marker.encode("utf-8")
    added_marker = args.added_marker.encode()
    while time.perf_counter() < deadline:
        now = time.perf_counter()
        while started < len(visitors) and now >= next_start:
            v = visitors[started]
            v.start(80, 24)
            by_fd[v.fd] = v
            started += 1
            next_start += args.stagger
        open_fds = [v.fd for v in visitors[:started] if not v.done]
        if not open_fds and started == len(visitors):
            break
        ready, _, _ = select.select(open_fds, [], [], 0.01)
        now = time.perf_counter()
        for fd in ready:
            v = by_fd[fd]
            try:
                data = os.read(fd, 65536)
            except OSError:
                data = b""
            if not data:
                v.done = True
                if v.added is None:
                    v.error = "ssh ended before the cart line"
                continue
            v.buffer = (v.buffer + data)[-8192:]
            if v.pending_key is not None:
                v.key_times.append(now - v.pending_key)
                v.pending_key = None
            if v.first_frame is None and frame_marker in v.buffer:
                v.first_frame = now - v.t0
                v.buffer = b""
                v.next_key_at = now + 0.2
            if v.first_frame is not None and v.added is None and added_marker in v.buffer:
                v.added = now
        # Keys: one at a time, each after the previous one's frame (and a short pause, as a person would).
        for v in visitors[:started]:
            if v.done or v.first_frame is None or v.pending_key is not None or not v.keys:
                continue
            if now >= v.next_key_at:
                key = v.keys.pop(0)
                v.pending_key = time.perf_counter()
                os.write(v.fd, key)
                v.next_key_at = v.pending_key + 0.3
        # Everyone has added (or given up): read memory while every session is still open, then quit all.
        if started == len(visitors) and all(v.added is not None or v.done for v in visitors):
            if memory is None:
                time.sleep(0.5)
                sessions = pids_matching(f"kiosk-session --config {args.kiosk_dir}/")
                sshd = pids_matching("sshd: root")
                rss = [proc_field(p, "status", "VmRSS") for p in sessions]
                pss = [proc_field(p, "smaps_rollup", "Pss") for p in sessions]
                sshd_pss = [proc_field(p, "smaps_rollup", "Pss") for p in sshd]
                sandbox_pss = proc_field(args.sandbox_pid, "smaps_rollup", "Pss") or 0
                for p in sessions:
                    session_cpu[p] = cpu_seconds(p)
                memory = {
                    "sessions_seen": len(sessions),
                    "rss_kib_p50": pct([x for x in rss if x], 50),
                    "rss_kib_max": max([x for x in rss if x], default=None),
                    "pss_kib_p50": pct([x for x in pss if x], 50),
                    "total_pss_mib": round((sum(x for x in pss if x) + sum(x for x in sshd_pss if x)
                                            + sandbox_pss) / 1024.0, 1),
                    "sessions_pss_mib": round(sum(x for x in pss if x) / 1024.0, 1),
                    "sshd_pss_mib": round(sum(x for x in sshd_pss if x) / 1024.0, 1),
                    "sandbox_pss_mib": round(sandbox_pss / 1024.0, 1),
                }
                for v in visitors:
                    if not v.done:
                        os.write(v.fd, b"q")
            break
    wall = time.perf_counter() - wall0
    total1, idle1 = machine_busy()
    for v in visitors[:started]:
        if v.error is None and v.first_frame is None:
            v.error = "no first frame"
        elif v.error is None and v.added is None:
            v.error = "no cart line"
    # Let the sessions end, then reap the clients.
    end = time.perf_counter() + 30
    for v in visitors[:started]:
        while time.perf_counter() < end:
            pid, _ = os.waitpid(v.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.05)
        else:
            try:
                os.kill(v.pid, 9)
                os.waitpid(v.pid, 0)
            except OSError:
                pass
        try:
            os.close(v.fd)
        except OSError:
            pass
    # Where the CPU went: the visitors' ssh clients (this script's children), sshd (the listener and, once reaped,
    # every connection's sshd with its kiosk-session and key helper), the sandbox. Read after the sessions ended.
    time.sleep(3)
    clients1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_split = {
        "ssh_clients_s": round((clients1.ru_utime + clients1.ru_stime) - (clients0.ru_utime + clients0.ru_stime), 1),
        "sshd_with_sessions_s": round(tree_cpu_seconds(args.sshd_pid) - sshd_cpu0, 1) if args.sshd_pid else None,
        "sessions_s": round(sum(c for c in session_cpu.values() if c is not None), 1),
        "sandbox_s": round((cpu_seconds(args.sandbox_pid) or 0.0) - sandbox_cpu0, 1),
    }
    first = [v.first_frame for v in visitors if v.first_frame is not None]
    keys = [t for v in visitors for t in v.key_times]
    busy = (total1 - total0) - (idle1 - idle0)
    errors = {}
    for v in visitors:
        if v.error:
            errors[v.error] = errors.get(v.error, 0) + 1
    print(json.dumps({
        "n": args.n,
        "stagger_s": args.stagger,
        "wall_s": round(wall, 1),
        "first_frame_ms_p50": round(1000 * pct(first, 50), 1) if first else None,
        "first_frame_ms_p99": round(1000 * pct(first, 99), 1) if first else None,
        "key_to_frame_ms_p50": round(1000 * pct(keys, 50), 1) if keys else None,
        "key_to_frame_ms_p99": round(1000 * pct(keys, 99), 1) if keys else None,
        "keys_measured": len(keys),
        "machine_busy_pct": round(100.0 * busy / max(1, total1 - total0), 1),
        "session_cpu_s_p50": pct([c for c in session_cpu.values() if c is not None], 50),
        "cpu_split": cpu_split,
        "memory": memory,
        "errors": errors,
    }))


if __name__ == "__main__":
    main()
