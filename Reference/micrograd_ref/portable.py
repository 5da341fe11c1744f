"""The correctly rounded functions of ``PortableMath`` (``Sources/Micrograd/Math/CorrectlyRounded``),
for the twins: each is the binary64 nearest to the exact value (mpmath at 320 bits, rounded once),
so it is what any correct implementation returns, on every platform. One source with the oracle
that checks the Swift functions (``Reference/portable_math_oracle.py``).

``exp``, ``log``, ``tanh``, ``pow`` (C Annex F special values), and ``sin``/``cos`` (the Swift side
defines those for |x| <= 2^20, the datasets' arguments); ``sqrt`` is ``math.sqrt`` (correctly
rounded everywhere already).
"""

import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import portable_math_oracle as _oracle  # noqa: E402

exp = _oracle.ref_exp
log = _oracle.ref_log
tanh = _oracle.ref_tanh
pow = _oracle.ref_pow  # noqa: A001 (the C name)
sin = _oracle.ref_sin
cos = _oracle.ref_cos
sqrt = math.sqrt
