"""The float arithmetic scoring and the rules share: checked floats, exact scaling, fits.

Scores are computed in floats.  These helpers keep that arithmetic exact where it can be
(scaling by powers of two) and total where it cannot (no OverflowError escapes).
"""

from __future__ import annotations

import math
import struct
from collections.abc import Sequence

from okrkit import _validators as v

__all__ = [
    "SNAP",
    "finite",
    "least_squares",
    "ordered",
    "scaled",
    "snapped",
    "to_float",
    "unordered",
]

SNAP = 1e10
"""Progress is kept to ten decimal places (`snapped`): one over this."""


def snapped(p: float) -> float:
    """Progress *p* to ten decimal places, as the numbers written would give it.

    A float is not the decimal it was written as (109.6 is 109.599999999999994...), so
    ``(109.6 - 104) / (112 - 104)`` is 0.6999999999999993, not the 0.7 a person works out,
    and a threshold of 0.7 would miss it.  Ten places keep every progress a plan can mean and
    drop that noise wherever it is smaller (numbers of a few digits, a target not within a
    hair of the start).  Beyond a million (a value far past its target) *p* is kept whole.

    >>> snapped((109.6 - 104) / (112 - 104)), snapped((5.2 - 8.7) / (8.8 - 8.7)), snapped(2 / 3)
    (0.7, -35.0, 0.6666666667)
    """
    return round(p * SNAP) / SNAP if -1e6 < p < 1e6 else p


def to_float(path: str, value: object) -> float:
    """*value* (an int, float or Decimal) as a finite float; an okrkit error if it is not one.

    `check_number` refuses numbers beyond the float range, so the conversion cannot overflow.
    """
    # The common case first: a finite float is itself (x - x is 0.0 for finite x, else NaN).
    if type(value) is float and value - value == 0.0:
        return value
    return float(v.check_number(path, value))


def finite(value: float | None) -> float | None:
    """*value* as JSON can hold it: an infinite or NaN one (an uncapped policy's score, a
    trend beyond the float range) as None."""
    return value if value is not None and math.isfinite(value) else None


def scaled(numbers: Sequence[float]) -> tuple[list[float], int]:
    """*numbers* divided by a power of two (exact) so the largest lies in [0.5, 1), and it."""
    exponent = math.frexp(max(map(abs, numbers)))[1]
    return [math.ldexp(x, -exponent) for x in numbers], exponent


def _unscaled(x: float, exponent: int) -> float:
    """*x* times 2 ** *exponent*, infinite (not an OverflowError) beyond the float range."""
    try:
        return math.ldexp(x, exponent)
    except OverflowError:
        return math.copysign(math.inf, x)


def ordered(x: float) -> int:
    """An integer that sorts as *x* does among floats (so bisection takes 64 steps at most)."""
    bits: int = struct.unpack("<q", struct.pack("<d", x))[0]
    return bits if bits >= 0 else -(bits & 0x7FFF_FFFF_FFFF_FFFF)


def unordered(key: int) -> float:
    """The float whose `ordered` key is *key*."""
    magnitude: float = struct.unpack("<d", struct.pack("<q", abs(key)))[0]
    return magnitude if key >= 0 else -magnitude


def least_squares(points: Sequence[tuple[float, float]], at: float) -> tuple[float, float] | None:
    """The least-squares line through *points* ``(time, value)``: its value at *at*, and its slope.

    None when there is no line: fewer than two points, or all at one time.  The values are
    scaled by a power of two first (exact), so sums of huge values cannot overflow, and the
    sums are exact (`math.fsum`); a result beyond the float range is infinite.

    >>> least_squares([(0.0, 1.0), (1.0, 3.0), (2.0, 5.0)], at=4.0)
    (9.0, 2.0)
    """
    n = len(points)
    if n < 2:
        return None
    times, values = [t for t, _ in points], [y for _, y in points]
    ys, exponent = scaled(values) if any(values) else (values, 0)
    t_mean, y_mean = math.fsum(times) / n, math.fsum(ys) / n
    dts = [t - t_mean for t in times]
    sxx = math.fsum(d * d for d in dts)
    if sxx == 0:
        return None
    slope = math.fsum(d * (y - y_mean) for d, y in zip(dts, ys, strict=True)) / sxx
    end = y_mean + slope * (at - t_mean)
    return _unscaled(end, exponent), _unscaled(slope, exponent)
