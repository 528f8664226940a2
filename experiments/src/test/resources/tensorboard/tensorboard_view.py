"""What TensorBoard's own reader makes of event files, as JSON for the Java test that compares it
with metrics.csv.

usage: python tensorboard_view.py OUT.json LOGDIR...

For each LOGDIR, TensorBoard's EventMultiplexer (one EventAccumulator per run folder, restarts purged
at SessionLog START markers) gives every run's scalars as [step, wall_time, value]. Every event file
is also checked byte for byte: each record re-encoded by TensorBoard's Event proto and framed again by
its RecordWriter (masked CRC-32C) must give the file's bytes back.
"""
import io
import json
import os
import struct
import sys

from tensorboard.backend.event_processing import event_accumulator, event_multiplexer
from tensorboard.compat.proto import event_pb2
from tensorboard.summary.writer.record_writer import RecordWriter


def records(data):
    """The record payloads of a file's bytes (lengths only; the CRCs are checked by comparison)."""
    at = 0
    while at + 12 <= len(data):
        (length,) = struct.unpack_from("<Q", data, at)
        if at + 12 + length + 4 > len(data):
            break
        yield data[at + 12:at + 12 + length]
        at += 12 + length + 4


def reframed_equal(path):
    with open(path, "rb") as f:
        data = f.read()
    out = io.BytesIO()
    writer = RecordWriter(out)
    for payload in records(data):
        writer.write(event_pb2.Event.FromString(payload).SerializeToString())
    return out.getvalue() == data


def view(logdir):
    mux = event_multiplexer.EventMultiplexer(size_guidance={event_accumulator.SCALARS: 0})
    mux.AddRunsFromDirectory(logdir)
    mux.Reload()
    runs = {}
    for run, tags in mux.Runs().items():
        runs[run] = {
            "first_event": mux.FirstEventTimestamp(run),
            "scalars": {tag: [[e.step, e.wall_time, e.value] for e in mux.Scalars(run, tag)] for tag in tags["scalars"]},
        }
    files = {}
    for folder, _, names in os.walk(logdir):
        for name in names:
            if name.startswith("events.out.tfevents."):
                path = os.path.join(folder, name)
                files[os.path.relpath(path, logdir)] = reframed_equal(path)
    return {"runs": runs, "files_reframed_equal": files}


if __name__ == "__main__":
    result = {logdir: view(logdir) for logdir in sys.argv[2:]}
    with open(sys.argv[1], "w") as f:
        json.dump(result, f)
