#!/usr/bin/env python3
"""Summarizes tui.py's JSON lines: cold/warm start, keys, bytes, clears, RSS, requests."""
import json
import re
import statistics
import sys


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def spread(values):
    values = [v for v in values if v is not None]
    if not values:
        return "n/a"
    return f"median {statistics.median(values):7.1f}  min {min(values):7.1f}  max {max(values):7.1f}  (n={len(values)})"


for path in sys.argv[1:]:
    runs = load(path)
    label = path.rsplit("/", 1)[-1].split(".")[0]
    print(f"[{label} start, {runs[0]['cols']}x{runs[0]['rows']} {runs[0]['term']}]")
    print(f"  first full frame ms   {spread([r['first_frame_ms'] for r in runs])}")
    print(f"  catalog shown ms      {spread([r['catalog_ms'] for r in runs])}")
    print(f"  startup bytes         {spread([r['startup_bytes'] for r in runs])}")
    print(f"  peak RSS MiB          {spread([r['peak_rss_kib'] and r['peak_rss_kib'] / 1024 for r in runs])}")
    print(f"  exit codes            {sorted(set(str(r['exit']) for r in runs))}")
    print(f"  clears after frame 1  {sum(r['clears_after_first_frame'] for r in runs)}")
    reqs = [re.sub(r"/[0-9A-Z]{26}\b|/[0-9A-Z]{8,}[0-9A-Z]*(?=/|\s|$)", "/{id}", r) for r in runs[-1]["requests"] or []]
    grouped = {}
    for r in reqs:
        grouped[r] = grouped.get(r, 0) + 1
    listed = ", ".join(f"{r}" + (f" x{n}" if n > 1 else "") for r, n in grouped.items())
    print(f"  requests (last run)   {len(reqs)}: {listed}")
    for run in runs:
        for name, ms in run.get("waits", {}).items():
            print(f"  {name:<21} {'n/a' if ms is None else f'{ms:.1f} ms after the last key'}")
        for name, k in run.get("keys", {}).items():
            print(f"  key '{name}' x{k['count']} (answered {k['answered']}):")
            if not k["answered"]:
                print("    no frame answered this key")
                continue
            print(
                f"    key to frame ms     p50 {k['frame_ms_p50']:.2f}  p99 {k['frame_ms_p99']:.2f}  max {k['frame_ms_max']:.2f}"
                f"  (end of output burst: p50 {k['burst_end_ms_p50']:.2f}  p99 {k['burst_end_ms_p99']:.2f})"
            )
            if "local_ms_p50" in k:
                print(
                    f"    in-app key->frame   p50 {k['local_ms_p50']:.2f}  p99 {k['local_ms_p99']:.2f}  max {k['local_ms_max']:.2f}"
                    f"  (render alone p50 {k['local_render_ms_p50']:.2f}  p99 {k['local_render_ms_p99']:.2f}; {k['local_frames']} frames)"
                )
            print(
                f"    bytes per key       p50 {k['bytes_p50']}  min {k['bytes_min']}  max {k['bytes_max']}"
                f"  (first frame only: p50 {k['first_frame_bytes_p50']}  max {k['first_frame_bytes_max']})"
            )
            print(f"    full clears         {k['clears']}")
