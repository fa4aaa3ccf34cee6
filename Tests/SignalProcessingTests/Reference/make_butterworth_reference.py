#!/usr/bin/env python3
"""Generate scipy reference vectors for nmm's zero-phase Butterworth filters.

Run from this folder:  python3 make_butterworth_reference.py
Writes butterworth_reference.json (committed) beside this script.

For each case the file holds the design (order, band, cutoffs, sample rate),
scipy's butter() coefficients in 'ba' and 'sos' form, and the output of
filtfilt(b, a, x) and sosfiltfilt(sos, x) with their defaults (padtype='odd',
padlen = 3 * max(len(a), len(b)), lfilter_zi / sosfilt_zi initial conditions)
applied to a deterministic test signal (one per sample rate, stored once).

`ba_vs_sos` is max|filtfilt - sosfiltfilt| / max|sosfiltfilt|: where it is
large the 'ba' form itself has lost precision (high order, cutoff far below
Nyquist) and only the sosfiltfilt output is a trustworthy reference.
"""
import json
import sys
from pathlib import Path

import numpy as np
import scipy
from scipy import signal

LENGTH = 200


def test_signal(fs: float, seed: int) -> np.ndarray:
    """A DC offset, a slow trend, sines spanning the band and white noise."""
    rng = np.random.default_rng(seed)
    t = np.arange(LENGTH) / fs
    nyquist = fs / 2
    x = 1.7 + 0.8 * t * fs / LENGTH
    for fraction, amplitude in [(0.004, 1.0), (0.03, 0.6), (0.12, 0.4), (0.5, 0.3), (0.85, 0.2)]:
        x = x + amplitude * np.sin(2 * np.pi * fraction * nyquist * t + fraction * 7)
    x = x + 0.25 * rng.standard_normal(LENGTH)
    return np.round(x, 12)


CASES = [
    # (order, btype, cutoffs in Hz, fs in Hz)
    (2, "lowpass", 6.0, 100.0),
    (4, "lowpass", 6.0, 100.0),
    (6, "lowpass", 6.0, 100.0),
    (3, "lowpass", 15.0, 100.0),
    (4, "lowpass", 10.0, 100.0),
    (2, "highpass", 1.0, 100.0),
    (4, "highpass", 5.0, 100.0),
    (2, "bandpass", [1.0, 10.0], 100.0),
    (4, "bandpass", [2.0, 20.0], 100.0),
    (2, "lowpass", 6.0, 1000.0),
    (4, "lowpass", 6.0, 1000.0),
    (6, "lowpass", 6.0, 1000.0),
    (5, "lowpass", 50.0, 1000.0),
    (2, "highpass", 20.0, 1000.0),
    (4, "highpass", 20.0, 1000.0),
    (6, "highpass", 20.0, 1000.0),
    (1, "highpass", 10.0, 1000.0),
    (2, "bandpass", [20.0, 450.0], 1000.0),
    (4, "bandpass", [20.0, 450.0], 1000.0),
    (6, "bandpass", [20.0, 450.0], 1000.0),
    (3, "bandpass", [30.0, 300.0], 1000.0),
    (4, "lowpass", 10.0, 2000.0),
    (4, "bandpass", [20.0, 450.0], 2000.0),
    (6, "highpass", 30.0, 2000.0),
    # Ill-conditioned in 'ba' form: narrow bands far below Nyquist.
    (6, "bandpass", [1.0, 3.0], 1000.0),
    (8, "lowpass", 2.0, 2000.0),
]

RATES = sorted({case[3] for case in CASES})


def max_relative(a: np.ndarray, reference: np.ndarray) -> float:
    return float(np.max(np.abs(a - reference)) / np.max(np.abs(reference)))


def main() -> None:
    signals = {fs: test_signal(fs, seed=int(fs)) for fs in RATES}
    cases = []
    for order, btype, cutoff, fs in CASES:
        x = signals[fs]
        b, a = signal.butter(order, cutoff, btype=btype, fs=fs)
        sos = signal.butter(order, cutoff, btype=btype, fs=fs, output="sos")
        y_ba = signal.filtfilt(b, a, x)
        y_sos = signal.sosfiltfilt(sos, x)
        cutoffs = cutoff if isinstance(cutoff, list) else [cutoff]
        cases.append({
            "order": order,
            "btype": btype,
            "cutoffs": cutoffs,
            "fs": fs,
            "padlen": 3 * max(len(a), len(b)),
            "b": b.tolist(),
            "a": a.tolist(),
            "sos": sos.tolist(),
            "filtfilt": y_ba.tolist(),
            "sosfiltfilt": y_sos.tolist(),
            "ba_vs_sos": max_relative(y_ba, y_sos),
        })
        print(f"{btype:8s} order {order} {cutoffs} Hz at {fs:g} Hz: ba vs sos {cases[-1]['ba_vs_sos']:.2e}",
              file=sys.stderr)
    out = {
        "generator": "make_butterworth_reference.py",
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "signals": {f"{fs:g}": signals[fs].tolist() for fs in RATES},
        "cases": cases,
    }
    path = Path(__file__).with_name("butterworth_reference.json")
    path.write_text(json.dumps(out, separators=(",", ":")) + "\n")
    print(f"wrote {path} ({path.stat().st_size} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
