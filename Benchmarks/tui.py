#!/usr/bin/env python3
"""Drives the storefront TUI through a real pseudo-terminal and measures what a user feels.

One run: start the app in an 80x24 pty (TERM=xterm-256color), timestamp every byte it writes, find the first full
frame and the catalog, then press keys one at a time (waiting for the screen to settle between them) and record,
per key, the time from writing the key to the end of the frame it causes and the bytes written. Reads the app's
peak RSS from /proc before quitting. Prints one JSON object.

The clock starts just before fork(); "first frame" is when the first frame's footer (--frame-marker) has arrived,
"catalog" when --catalog-marker has. Key timings include the pty round trip and this script's scheduling (an upper
bound of the app's own time), which on a loaded machine is the noisy part: see BENCHMARKS.md.
"""

import argparse
import fcntl
import json
import re
import os
import pty
import select
import signal
import struct
import sys
import termios
import time

CLEARS = [b"\x1b[2J", b"\x1b[3J"]


class App:
    def __init__(self, argv, env, cols, rows, stderr_path):
        self.log = []  # (time, bytes)
        self.t0 = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                err = os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                os.dup2(err, 2)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def now(self):
        return time.perf_counter() - self.t0

    def read(self, timeout):
        """Reads what is available within `timeout` seconds; returns the bytes (b"" on timeout)."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return b""
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            raise EOFError
        if not data:
            raise EOFError
        self.log.append((self.now(), data))
        return data

    def output(self):
        return b"".join(d for _, d in self.log)

    def wait_for(self, marker, timeout):
        """Time (since start) at which `marker` had fully arrived in the output, or None."""
        deadline = self.now() + timeout
        seen = self.output()
        while marker not in seen:
            if self.now() > deadline:
                return None
            seen += self.read(deadline - self.now())
        # The chunk that completed the marker.
        total = b""
        for t, d in self.log:
            total += d
            if marker in total:
                return t
        return None

    def wait_for_after(self, marker, since, timeout):
        """Time at which `marker` arrived in output written after `since`, or None."""
        deadline = self.now() + timeout
        while True:
            seen = b"".join(d for t, d in self.log if t >= since)
            if marker in seen:
                total = b""
                for t, d in self.log:
                    if t < since:
                        continue
                    total += d
                    if marker in total:
                        return t
            if self.now() > deadline:
                return None
            self.read(deadline - self.now())

    def settle(self, quiet, limit=10.0):
        """Reads until nothing came for `quiet` seconds; returns the bytes read."""
        got = b""
        end = self.now() + limit
        while self.now() < end:
            data = self.read(quiet)
            if not data:
                break
            got += data
        return got

    def key(self, data, quiet):
        """Writes `data`; returns (first byte s, frame end s, bytes) of the answer (None times if no answer)."""
        start_index = len(self.log)
        sent = self.now()
        self.last_key = sent
        os.write(self.fd, data)
        got = self.settle(quiet)
        chunks = self.log[start_index:]
        if not chunks:
            return None, None, 0, b"", 0
        return chunks[0][0] - sent, chunks[-1][0] - sent, len(got), got, len(chunks[0][1])

    def peak_rss_kib(self):
        try:
            with open(f"/proc/{self.pid}/status") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
            return int(fields["VmHWM"].split()[0]), int(fields["VmRSS"].split()[0])
        except OSError:
            return None, None

    def quit(self, data, timeout=10.0):
        try:
            os.write(self.fd, data)
            end = self.now() + timeout
            while self.now() < end:
                self.read(0.1)
                pid, status = os.waitpid(self.pid, os.WNOHANG)
                if pid:
                    return os.waitstatus_to_exitcode(status)
        except EOFError:
            _, status = os.waitpid(self.pid, 0)
            return os.waitstatus_to_exitcode(status)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        return None


def frame_lines(path):
    try:
        with open(path) as f:
            return [line for line in f.read().splitlines() if line.strip()]
    except OSError:
        return []


def unescape(text):
    return text.encode().decode("unicode_escape").encode("latin-1")


def percentile(values, p):
    if not values:
        return None
    s = sorted(values)
    k = min(len(s) - 1, max(0, int(round(p / 100 * (len(s) - 1)))))
    return s[k]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--arg", action="append", default=[], help="extra argument for the app")
    ap.add_argument("--home", required=True, help="directory for XDG_DATA_HOME/XDG_STATE_HOME")
    ap.add_argument("--cols", type=int, default=80)
    ap.add_argument("--rows", type=int, default=24)
    ap.add_argument("--term", default="xterm-256color")
    ap.add_argument("--frame-marker", default="quit", help="text that ends the first full frame (the footer)")
    ap.add_argument("--catalog-marker", default="₹")
    ap.add_argument(
        "--step",
        action="append",
        default=[],
        help="in order: key|NAME|BYTES|COUNT (measured) or press|BYTES|MARKER (setup); BYTES in python escapes",
    )
    ap.add_argument("--quiet-ms", type=float, default=150, help="a frame has ended after this long with no output")
    ap.add_argument("--quit", default="q")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--detail", action="store_true", help="print every key's numbers")
    ap.add_argument("--raw", help="write the whole output stream here")
    a = ap.parse_args()

    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": a.home,
        "TERM": a.term,
        "LANG": "C.UTF-8",
        "XDG_DATA_HOME": os.path.join(a.home, "data"),
        "XDG_STATE_HOME": os.path.join(a.home, "state"),
    }
    frame_log = os.path.join(a.home, "frames.log")
    env["STOREFRONT_FRAME_LOG"] = frame_log
    stderr_path = os.path.join(a.home, "stderr.log")
    log_path = os.path.join(a.home, "requests.log")
    for path in (log_path, frame_log):
        if os.path.exists(path):
            os.remove(path)
    app = App([a.bin, "--log", log_path] + a.arg, env, a.cols, a.rows, stderr_path)
    result = {"cols": a.cols, "rows": a.rows, "term": a.term}
    quiet = a.quiet_ms / 1000
    try:
        t_first_byte = None
        while not app.log and app.now() < a.timeout:
            app.read(a.timeout)
        t_first_byte = app.log[0][0] if app.log else None
        t_frame = app.wait_for(a.frame_marker.encode(), a.timeout)
        t_catalog = app.wait_for(a.catalog_marker.encode(), a.timeout)
        app.settle(0.5)
        startup = app.output()
        result.update(
            first_byte_ms=t_first_byte and t_first_byte * 1000,
            first_frame_ms=t_frame and t_frame * 1000,
            catalog_ms=t_catalog and t_catalog * 1000,
            startup_bytes=len(startup),
        )
        keys = {}
        all_rows, local_rows = {}, {}
        for spec in a.step:
            kind, rest = spec.split("|", 1)
            if kind == "press":
                # press|BYTES|MARKER: not measured; waits for MARKER in what follows, then for quiet.
                data, marker = rest.split("|", 1)
                mark = len(app.output())
                app.settle(quiet)
                mark = len(app.output())
                os.write(app.fd, unescape(data))
                deadline = app.now() + 15
                while marker.encode() not in app.output()[mark:] and app.now() < deadline:
                    app.read(deadline - app.now())
                if marker.encode() not in app.output()[mark:]:
                    result.setdefault("missing", []).append(marker)
                app.settle(0.3)
                continue
            if kind == "send":
                # send|BYTES: not measured, no marker; the screen settles after it.
                os.write(app.fd, unescape(rest))
                app.settle(0.3)
                continue
            if kind == "wait":
                # wait|NAME|MARKER: time from the last measured key until MARKER arrives (e.g. search results).
                name, marker = rest.split("|", 1)
                got = app.wait_for_after(marker.encode(), app.last_key, 60)
                result.setdefault("waits", {})[name] = got and (got - app.last_key) * 1000
                app.settle(0.3)
                continue
            # key|NAME|BYTES|COUNT: measured, one key at a time.
            name, data, count = rest.split("|")
            data = unescape(data)
            # A name used again adds to its rows (e.g. open-cart, back, open-cart...).
            rows = all_rows.setdefault(name, [])
            all_local = local_rows.setdefault(name, [])
            before = frame_lines(frame_log)
            for _ in range(int(count)):
                stray = app.settle(quiet)  # late frames (answers from the network) are not the next key's
                first, end, n, got, first_chunk = app.key(data, quiet)
                rows.append(
                    {
                        "first_ms": first and first * 1000,
                        "frame_ms": end and end * 1000,
                        "bytes": n,
                        "first_frame_bytes": first_chunk,
                        "clears": sum(got.count(c) for c in CLEARS),
                        "stray_bytes": len(stray),
                    }
                )
            app.settle(quiet)
            all_local += [[int(x) for x in line.split()] for line in frame_lines(frame_log)[len(before) :]]
            local = all_local
            frames = [r["first_ms"] for r in rows if r["first_ms"] is not None]
            ends = [r["frame_ms"] for r in rows if r["frame_ms"] is not None]
            sizes = [r["bytes"] for r in rows]
            firsts = [r["first_frame_bytes"] for r in rows]
            keys[name] = {
                "count": len(rows),
                "answered": len(frames),
                "frame_ms_p50": percentile(frames, 50),
                "frame_ms_p99": percentile(frames, 99),
                "frame_ms_max": max(frames) if frames else None,
                "burst_end_ms_p50": percentile(ends, 50),
                "burst_end_ms_p99": percentile(ends, 99),
                "bytes_p50": percentile(sizes, 50),
                "bytes_max": max(sizes) if sizes else None,
                "bytes_min": min(sizes) if sizes else None,
                "bytes_total": sum(sizes),
                "first_frame_bytes_p50": percentile(firsts, 50),
                "first_frame_bytes_max": max(firsts) if firsts else None,
                "clears": sum(r["clears"] for r in rows),
            }
            if local:
                # The app's own time (STOREFRONT_FRAME_LOG): input read -> frame written, and render alone.
                keys[name].update(
                    local_frames=len(local),
                    local_ms_p50=percentile([l[0] / 1000 for l in local], 50),
                    local_ms_p99=percentile([l[0] / 1000 for l in local], 99),
                    local_ms_max=max(l[0] / 1000 for l in local),
                    local_render_ms_p50=percentile([l[3] / 1000 for l in local], 50),
                    local_render_ms_p99=percentile([l[3] / 1000 for l in local], 99),
                )
            if a.detail:
                keys[name]["rows"] = rows
        result["keys"] = keys
        app.settle(quiet)
        hwm, rss = app.peak_rss_kib()
        result.update(peak_rss_kib=hwm, rss_kib=rss)
        # Full clears after the first one (the first frame may clear once); keys named "repaint" ask for one.
        first = min([i for i in (startup.find(c) for c in CLEARS) if i >= 0], default=-1)
        rest = startup[first + 1 :] if first >= 0 else startup
        result["clears_after_first_frame"] = sum(rest.count(c) for c in CLEARS) + sum(
            k["clears"] for n, k in keys.items() if not n.startswith("repaint")
        )
        result["exit"] = app.quit(a.quit.encode())
    except EOFError:
        result["exit"] = "eof"
    if a.raw:
        with open(a.raw, "wb") as f:
            f.write(app.output())
    try:
        with open(log_path, errors="replace") as f:
            lines = f.read().splitlines()
        pattern = re.compile(r"\b(GET|POST|PUT|DELETE|PATCH) (/\S*) (\d{3}|-) \d+ms")
        found = [m.group(1) + " " + m.group(2) + " " + m.group(3) for m in map(pattern.search, lines) if m]
        result["requests"] = found
    except OSError:
        result["requests"] = None
    print(json.dumps(result))


if __name__ == "__main__":
    main()
