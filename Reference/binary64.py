"""Rounding an exact binary number once to binary64 (round to nearest, ties to even), with
subnormals and overflow, by integer arithmetic: the one rounding every reference value of the
correctly rounded functions goes through."""

import math


def round_scaled(negative: bool, mantissa: int, exponent: int) -> float:
    """The binary64 nearest to (-1)^negative * mantissa * 2^exponent (mantissa >= 0 an int)."""
    if mantissa == 0:
        return -0.0 if negative else 0.0
    top = mantissa.bit_length() + exponent - 1          # the leading bit's weight 2^top
    lsb = max(top - 52, -1074)                          # weight of the result's last bit
    shift = lsb - exponent
    if shift <= 0:
        m = mantissa << -shift
    else:
        m = mantissa >> shift
        rest = mantissa - (m << shift)
        half = 1 << (shift - 1)
        if rest > half or (rest == half and m & 1):
            m += 1
    if m.bit_length() + lsb - 1 > 1023:
        value = math.inf
    else:
        value = math.ldexp(float(m), lsb)               # m < 2^54 and in range: exact
    return -value if negative else value


def round_mpf(v) -> float:
    """The binary64 nearest to the mpmath number v (finite)."""
    sign, man, exp, _ = v._mpf_
    return round_scaled(bool(sign), int(man), int(exp))


def hex_bits(x: float) -> str:
    """The 16 hex digits of x's bit pattern."""
    import struct
    return struct.pack(">d", x).hex()
