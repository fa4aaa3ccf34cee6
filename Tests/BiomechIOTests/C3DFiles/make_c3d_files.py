#!/usr/bin/env python3
"""Write the small C3D files of nmm's C3D reader tests and their reference values.

Run from this folder:  python3 make_c3d_files.py   (needs numpy and ezc3d from PyPI)

Files (all committed beside this script):
- ezc3d-intel-float.c3d: written by ezc3d itself (Intel, float storage), three EMG-like channels at
  2000 Hz with non-unit ANALOG:SCALE, GEN_SCALE and OFFSET, and two EVENT-group events.
- intel-int.c3d, dec-int.c3d: 16-bit integer storage (positive POINT:SCALE), laid out by hand from
  the C3D specification, Intel and DEC processor types, two points and header events.
- dec-float.c3d: float storage in DEC (VAX F_floating) format, laid out by hand.
- mips-float.c3d: big-endian (MIPS) float storage; ezc3d cannot read MIPS files, so its reference is
  the values this script laid out.
- reference.json: per file, ezc3d's reading (analog rate, labels, every analog sample as
  data["data"]["analogs"][0, channel, sample], events), or for MIPS the known values.
"""
import json
import struct
from pathlib import Path

import numpy as np
import ezc3d

HERE = Path(__file__).resolve().parent
BLOCK = 512


def dec_float(value: float) -> bytes:
    """A float in VAX F_floating: the IEEE bits of 4 × value, as two little-endian words swapped."""
    if value == 0:
        return b"\0\0\0\0"
    bits = struct.unpack("<I", struct.pack("<f", value * 4))[0]
    return struct.pack("<HH", bits >> 16, bits & 0xFFFF)


class Layout:
    """Integers and floats in one processor's format."""

    def __init__(self, processor: str):
        self.processor = processor
        self.code = {"intel": 84, "dec": 85, "mips": 86}[processor]
        self.endian = ">" if processor == "mips" else "<"

    def i16(self, v): return struct.pack(self.endian + "h", v)
    def u16(self, v): return struct.pack(self.endian + "H", v)
    def i8(self, v): return struct.pack("b", v)
    def f32(self, v): return dec_float(v) if self.processor == "dec" else struct.pack(self.endian + "f", v)


def parameter_section(layout: Layout, groups) -> bytes:
    """groups: [(id, name, [(param name, type, dims, values)])]; values flattened (strings padded)."""
    records = []
    for gid, gname, params in groups:
        body = bytes([0])  # description length
        records.append((len(gname), -gid, gname, body))
        for pname, ptype, dims, values in params:
            data = b""
            if ptype == -1:
                data = b"".join(v.ljust(dims[0]).encode("latin-1") for v in values)
            elif ptype == 1:
                data = b"".join(layout.i8(v) for v in values)
            elif ptype == 2:
                data = b"".join(layout.i16(v) for v in values)
            else:
                data = b"".join(layout.f32(v) for v in values)
            body = layout.i8(ptype) + bytes([len(dims)]) + bytes(dims) + data + bytes([0])
            records.append((len(pname), gid, pname, body))
    out = bytearray([1, 0x50, 0, layout.code])
    for i, (n, gid, name, body) in enumerate(records):
        last = i == len(records) - 1
        out += layout.i8(n) + layout.i8(gid) + name.encode()
        out += layout.i16(0 if last else 2 + len(body)) + body
    out += b"\0" * (-len(out) % BLOCK)
    out[2] = len(out) // BLOCK
    return bytes(out)


def write_c3d(path: Path, processor: str, floats: bool, analogs: np.ndarray, point_rate: int, samples: int,
              labels, scales, offsets, gen_scale: float, points: int, header_events=()):
    """analogs: raw stored values [channel, sample] (already integers for integer storage)."""
    layout = Layout(processor)
    channels, total = analogs.shape
    frames = total // samples
    point_scale = -0.1 if floats else 0.1
    params = [
        (1, "POINT", [("USED", 2, [], [points]), ("SCALE", 4, [], [point_scale]), ("RATE", 4, [], [float(point_rate)]),
                      ("FRAMES", 2, [], [frames]), ("DATA_START", 2, [], [0]),
                      ("LABELS", -1, [4, points], [f"M{i}" for i in range(points)])]),
        (2, "ANALOG", [("USED", 2, [], [channels]), ("RATE", 4, [], [float(point_rate * samples)]),
                       ("GEN_SCALE", 4, [], [gen_scale]), ("SCALE", 4, [channels], scales),
                       ("OFFSET", 2, [channels], offsets), ("LABELS", -1, [10, channels], labels),
                       ("UNITS", -1, [2, channels], ["mV"] * channels)]),
    ]
    section = parameter_section(layout, params)
    data_block = 2 + len(section) // BLOCK
    # DATA_START's value: patch it now that the section's size is known
    section = parameter_section(layout, [(1, "POINT", [p if p[0] != "DATA_START" else ("DATA_START", 2, [], [data_block])
                                                       for p in params[0][2]]), params[1]])
    header = bytearray(BLOCK)
    header[0:2] = bytes([2, 0x50])
    header[2:4] = layout.u16(points)
    header[4:6] = layout.u16(channels * samples)
    header[6:8] = layout.u16(1)
    header[8:10] = layout.u16(frames)
    header[12:16] = layout.f32(point_scale)
    header[16:18] = layout.u16(data_block)
    header[18:20] = layout.u16(samples)
    header[20:24] = layout.f32(float(point_rate))
    header[298:300] = layout.u16(12345)
    header[300:302] = layout.u16(len(header_events))
    for i, (label, time) in enumerate(header_events):
        header[304 + 4 * i:308 + 4 * i] = layout.f32(time)
        header[396 + 4 * i:400 + 4 * i] = label.ljust(4).encode()
    word = layout.f32 if floats else (lambda v: layout.i16(int(v)))
    data = bytearray()
    for f in range(frames):
        for p in range(points):
            data += word(10.0 * p) + word(20.0) + word(30.0) + word(0.0)
        for s in range(samples):
            for c in range(channels):
                data += word(analogs[c, f * samples + s])
    data += b"\0" * (-len(data) % BLOCK)
    path.write_bytes(bytes(header) + section + bytes(data))


def ezc3d_reading(path: Path) -> dict:
    c = ezc3d.c3d(str(path))
    a = c["data"]["analogs"]
    events = []
    if "EVENT" in c["parameters"] and "TIMES" in c["parameters"]["EVENT"]:
        times = np.array(c["parameters"]["EVENT"]["TIMES"]["value"])
        labels = c["parameters"]["EVENT"]["LABELS"]["value"]
        events = [{"label": labels[i], "time": float(times[0, i] * 60 + times[1, i])} for i in range(times.shape[1])]
    return {"analog_rate": float(c["parameters"]["ANALOG"]["RATE"]["value"][0]),
            "analog_labels": [l.strip() for l in c["parameters"]["ANALOG"]["LABELS"]["value"]],
            "analogs": a[0].tolist(), "events": events}


def main():
    rng = np.random.default_rng(14)
    reference = {}

    # 1. ezc3d writes: float storage, Intel
    c = ezc3d.c3d()
    c["parameters"]["POINT"]["RATE"]["value"] = [100]
    c["parameters"]["POINT"]["LABELS"]["value"] = ("m1",)
    c["parameters"]["ANALOG"]["RATE"]["value"] = [2000]
    c["parameters"]["ANALOG"]["LABELS"]["value"] = ("EMG_BIC", "EMG_TRI", "EMG_BRA")
    t = np.arange(2000 // 100 * 10) / 2000.0
    c["data"]["points"] = rng.normal(size=(4, 1, 10))
    c["data"]["analogs"] = np.stack([np.sin(2 * np.pi * 50 * t), 0.5 * np.cos(2 * np.pi * 80 * t), 1e-3 + t]).reshape(1, 3, -1)
    c.add_parameter("ANALOG", "GEN_SCALE", [0.5])
    c.add_parameter("ANALOG", "OFFSET", [3, 0, 7])
    c.add_parameter("ANALOG", "SCALE", [0.25, 2.0, 1.0])
    c.add_event(time=[0, 0.031], context="Left", label="Foot Strike")
    c.add_event(time=[0, 0.072], context="Right", label="Foot Off")
    c.write(str(HERE / "ezc3d-intel-float.c3d"))
    reference["ezc3d-intel-float.c3d"] = ezc3d_reading(HERE / "ezc3d-intel-float.c3d")

    # 2-4. by hand: integer storage (Intel, DEC) and DEC floats
    labels = ["EMG_SOL", "EMG TA", "FP1 Fz"]
    raw_int = rng.integers(-3000, 3000, size=(3, 5 * 8)).astype(float)
    raw_float = rng.normal(size=(3, 5 * 8)).astype(np.float32).astype(float) * 100
    common = dict(point_rate=250, samples=8, labels=labels, scales=[0.001, 0.0025, -0.5], gen_scale=2.0,
                  header_events=[("HS1", 0.004), ("TO1", 0.012)])
    write_c3d(HERE / "intel-int.c3d", "intel", False, raw_int, offsets=[2, 0, 11], points=2, **common)
    write_c3d(HERE / "dec-int.c3d", "dec", False, raw_int, offsets=[2, 0, 11], points=2, **common)
    write_c3d(HERE / "dec-float.c3d", "dec", True, raw_float, offsets=[0, 5, 0], points=1, **common)
    for name in ["intel-int.c3d", "dec-int.c3d", "dec-float.c3d"]:
        reference[name] = ezc3d_reading(HERE / name)
    # ezc3d reads header events only into its header; nmm reads them too: record the written ones
    for name in ["intel-int.c3d", "dec-int.c3d", "dec-float.c3d"]:
        reference[name]["events"] = [{"label": l, "time": t} for l, t in common["header_events"]]

    # 5. MIPS: ezc3d refuses it; the reference is the layout's own values
    offsets = [1, 0, 0]
    write_c3d(HERE / "mips-float.c3d", "mips", True, raw_float, offsets=offsets, points=1, **common)
    known = [[float((np.float32(raw_float[c, s]) - np.float32(offsets[c]))) * float(np.float32(common["scales"][c])) * 2.0
              for s in range(raw_float.shape[1])] for c in range(3)]
    reference["mips-float.c3d"] = {"analog_rate": 2000.0, "analog_labels": labels, "analogs": known,
                                   "events": [{"label": l, "time": t} for l, t in common["header_events"]]}
    # the hand-made files agree with ezc3d on the values they were made from
    dec = np.array(reference["dec-float.c3d"]["analogs"])
    expected = np.array([[(np.float32(raw_float[c, s]) - [0, 5, 0][c]) * np.float32(common["scales"][c]) * 2.0
                          for s in range(raw_float.shape[1])] for c in range(3)])
    assert np.allclose(dec, expected, rtol=1e-6), "ezc3d reads the DEC file differently from what was written"
    (HERE / "reference.json").write_text(json.dumps(reference, indent=1) + "\n")


if __name__ == "__main__":
    main()
