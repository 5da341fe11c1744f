"""The ``ops`` family: every operation alone and in small combinations, over edge inputs.

Each single-operation case comes twice: with the operation's node as the root (backward seeds
it with 1) and ``/scaled``, multiplied by a leaf ``w = -1.3`` first, so every backward formula
also runs with an incoming gradient that is not 1.
"""

import math

from program_builder import Program

INF, NAN = math.inf, math.nan
W = -1.3  # the scaling leaf of /scaled cases

# Inputs every unary operation sees.
COMMON_INPUTS = [
    ("normal", 0.7), ("normal_neg", -1.3), ("one", 1.0), ("minus_one", -1.0), ("third", 1 / 3),
    ("pi", math.pi), ("big", 37.5), ("small", 1e-5), ("tiny", 1e-300), ("neg_tiny", -1e-300),
    ("subnormal", 5e-324), ("neg_subnormal", -5e-324), ("min_normal", 2.2250738585072014e-308),
    ("huge", 1e300), ("neg_huge", -1e300), ("max", 1.7976931348623157e308),
    ("zero", 0.0), ("neg_zero", -0.0), ("inf", INF), ("neg_inf", -INF), ("nan", NAN),
]

# Inputs at each function's own edges: overflow, underflow, saturation, thresholds.
EXTRA_INPUTS = {
    "exp": [("ln_max", 709.782712893384), ("above_ln_max", 709.7827128933841), ("710", 710.0),
            ("1000", 1000.0), ("min_normal_result", -708.3964185322641), ("subnormal_result", -740.0),
            ("smallest_result", -745.1332191019411), ("underflow", -745.2), ("minus_1000", -1000.0),
            ("near_zero", 1e-17), ("half_ln2", 0.34657359027997264), ("minus_20", -20.0)],
    "log": [("one_plus_ulp", 1.0000000000000002), ("one_minus_ulp", 0.9999999999999999),
            ("near_one", 0.9999), ("two", 2.0), ("e", math.e), ("ten", 10.0), ("1e-200", 1e-200),
            ("negative", -2.0)],
    "tanh": [("1000", 1000.0), ("minus_1000", -1000.0), ("threshold", 18.714973875),
             ("above_threshold", 18.714973876), ("19", 19.0), ("minus_19", -19.0), ("20", 20.0),
             ("1e-10", 1e-10), ("minus_1e-10", -1e-10), ("atanh_half", 0.5493061443340549),
             ("0.625", 0.625), ("minus_2.5", -2.5)],
    "relu": [("just_below_zero", -1e-320)],
    "sigmoid": [("36.7", 36.7), ("40", 40.0), ("minus_40", -40.0), ("710", 710.0),
                ("minus_710", -710.0), ("745", 745.0), ("minus_745", -745.0), ("1000", 1000.0),
                ("minus_1000", -1000.0)],
    "neg": [],
}

# Operands of the binary operations: every ordered pair is a case.
BINARY_INPUTS = [
    ("a", 1.5), ("b", -2.25), ("c", 0.1), ("d", 3.0), ("zero", 0.0), ("neg_zero", -0.0),
    ("tiny", 1e-300), ("subnormal", 5e-324), ("huge", 1e300), ("inf", INF), ("neg_inf", -INF),
    ("nan", NAN),
]

POW_BASES = [
    ("2", 2.0), ("minus_2", -2.0), ("half", 0.5), ("minus_half", -0.5), ("3.7", 3.7),
    ("minus_3.7", -3.7), ("one", 1.0), ("minus_one", -1.0), ("zero", 0.0), ("neg_zero", -0.0),
    ("tiny", 1e-300), ("subnormal", 5e-324), ("huge", 1e300), ("neg_huge", -1e300),
    ("inf", INF), ("neg_inf", -INF), ("nan", NAN),
]

# The exponents torch special-cases (0, 1, 2, 3, -1, -2, 0.5, -0.5) and generic ones.
POW_EXPONENTS = [2.0, 3.0, -1.0, -2.0, 0.5, -0.5, 0.0, 1.0, 1.5, -1.5, 2.5, 0.3, 0.1, 4.0, -3.0,
                 7.0, 10.0, -10.0, 1e-5, INF, -INF, NAN]


def _single(name: str, build) -> list:
    """The bare and the /scaled case of a one-operation program; ``build(p)`` returns the node."""
    cases = []
    for scaled in (False, True):
        p = Program(name + ("/scaled" if scaled else ""))
        node = build(p)
        if scaled:
            p.mul(node, p.leaf(W))
        cases.append(p.case())
    return cases


def unary_cases() -> list:
    cases = []
    for op, extras in EXTRA_INPUTS.items():
        for label, x in COMMON_INPUTS + extras:
            cases += _single(f"unary/{op}/{label}", lambda p: p.unary(op, p.leaf(x)))
    return cases


def binary_cases() -> list:
    cases = []
    for op in ("add", "sub", "mul", "div"):
        for xl, x in BINARY_INPUTS:
            for yl, y in BINARY_INPUTS:
                cases += _single(f"binary/{op}/{xl}_{yl}", lambda p: p.binary(op, p.leaf(x), p.leaf(y)))
                cases += _single(f"const_right/{op}/{xl}_{yl}", lambda p: p.const(op, y, p.leaf(x), False))
        const_first_op = "rdiv" if op == "div" else op
        for cl, c in BINARY_INPUTS:
            for xl, x in BINARY_INPUTS:
                cases += _single(f"const_left/{const_first_op}/{cl}_{xl}",
                                 lambda p: p.const(const_first_op, c, p.leaf(x), True))
    return cases


def pow_cases() -> list:
    cases = []
    for bl, base in POW_BASES:
        for e in POW_EXPONENTS:
            cases += _single(f"pow/{bl}/{e!r}", lambda p: p.pow(p.leaf(base), e))
    return cases


def reuse_cases() -> list:
    cases = []
    for label, x in [("normal", 0.7), ("neg", -1.3), ("zero", 0.0), ("neg_zero", -0.0),
                     ("huge", 1e300), ("inf", INF), ("nan", NAN)]:
        for op in ("add", "sub", "mul", "div"):
            cases += _single(f"reuse/x_{op}_x/{label}", lambda p: p.binary(op, *[p.leaf(x)] * 2))
            cases += _single(f"reuse/y_{op}_y/{label}",
                             lambda p: p.binary(op, *[p.unary("tanh", p.leaf(x))] * 2))
    cases.append(_fan_out("reuse/fan_out_10/computed", leaf_only=False))
    cases.append(_fan_out("reuse/fan_out_10/leaf", leaf_only=True))
    cases.append(_accumulation_order())
    return cases


def _fan_out(name: str, leaf_only: bool) -> dict:
    """One node with ten consumers of different kinds, all summed into the root."""
    p = Program(name)
    x = p.leaf(0.37)
    y = x if leaf_only else p.const("mul", 1.3, x, False)
    consumers = [
        p.unary("tanh", y), p.mul(y, y), p.unary("exp", y), p.const("add", 1.0, y, False),
        p.unary("neg", y), p.unary("relu", y), p.unary("sigmoid", y), p.const("div", 3.0, y, False),
        p.const("rdiv", 2.0, y, True), p.pow(y, 3.0),
    ]
    total = consumers[0]
    for node in consumers[1:]:
        total = p.add(total, node)
    return p.case()


def _accumulation_order() -> dict:
    """Ten gradients of very different sizes accumulated into one leaf: the sum's rounding
    depends on the order of accumulation."""
    p = Program("reuse/accumulation_order")
    x = p.leaf(0.1)
    scales = [1e16, 1.0, -1e16, 3.0, 1e-3, 7e15, -7e15, 0.1, 1e-17, 2.5]
    total = p.const("mul", scales[0], x, False)
    for k in scales[1:]:
        total = p.add(total, p.const("mul", k, x, False))
    return p.case()


def diamond_cases() -> list:
    cases = []
    p = Program("diamond/single")
    a = p.leaf(0.8)
    p.mul(p.unary("tanh", a), p.unary("exp", a))
    cases.append(p.case())

    p = Program("diamond/nested_50")
    x = p.leaf(0.3)
    for _ in range(50):
        x = p.add(p.unary("sigmoid", x), p.mul(p.unary("tanh", x), x))
    cases.append(p.case())

    p = Program("diamond/wide")
    a, b = p.leaf(1.1), p.leaf(-0.4)
    left, right = p.mul(a, b), p.sub(a, b)
    p.div(p.add(p.unary("tanh", left), p.unary("exp", right)), p.mul(left, right))
    cases.append(p.case())
    return cases


def chain_cases() -> list:
    """A 2,000-deep chain reusing two leaves at every layer, and a plain one."""
    p = Program("chain/depth_2000")
    x, w, b = p.leaf(0.5), p.leaf(0.9), p.leaf(0.1)
    layer = [lambda v: p.mul(v, w), lambda v: p.add(v, b), lambda v: p.unary("tanh", v),
             lambda v: p.const("mul", 1.7, v, True), lambda v: p.unary("sigmoid", v)]
    for i in range(2000):
        x = layer[i % len(layer)](x)
    cases = [p.case()]

    p = Program("chain/add_const_2000")
    x = p.leaf(1e-3)
    for _ in range(2000):
        x = p.const("add", 0.1, x, False)
    cases.append(p.case())
    return cases


def combination_cases() -> list:
    cases = []
    for label, v in [("normal", 0.7), ("large", 40.0), ("very_large", 800.0), ("neg", -30.0)]:
        p = Program(f"combo/softplus/{label}")
        p.unary("log", p.const("add", 1.0, p.unary("exp", p.leaf(v)), True))
        cases.append(p.case())

        p = Program(f"combo/tanh_via_exp/{label}")
        e = p.unary("exp", p.const("mul", 2.0, p.leaf(v), True))
        p.div(p.const("sub", 1.0, e, False), p.const("add", 1.0, e, False))
        cases.append(p.case())

        p = Program(f"combo/log_sigmoid/{label}")
        p.unary("log", p.unary("sigmoid", p.leaf(v)))
        cases.append(p.case())

    # The lecture's neuron: o = tanh(x1*w1 + x2*w2 + b).
    p = Program("combo/lecture_neuron")
    x1, x2, w1, w2 = p.leaf(2.0), p.leaf(0.0), p.leaf(-3.0), p.leaf(1.0)
    b = p.leaf(6.8813735870195432)
    p.unary("tanh", p.add(p.add(p.mul(x1, w1), p.mul(x2, w2)), b))
    cases.append(p.case())

    p = Program("combo/squared_error")
    loss = None
    for y, target in [(0.3, 1.0), (-0.8, -1.0), (0.95, -1.0), (0.1, 1.0)]:
        term = p.pow(p.sub(p.leaf(y), p.leaf(target)), 2.0)
        loss = term if loss is None else p.add(loss, term)
    cases.append(p.case())
    return cases


def micrograd_cases() -> list:
    """micrograd's README example and tests, in micrograd's operator order (its ``+=`` builds
    ``c + (c + 1)``) and, for test_more_ops, also in the order of its torch twin."""
    cases = []
    for name, torch_order in [("micrograd/readme", False), ("micrograd/test_more_ops/torch_order", True)]:
        p = Program(name)
        a, b = p.leaf(-4.0), p.leaf(2.0)
        c = p.add(a, b)
        d = p.add(p.mul(a, b), p.pow(b, 3.0))
        if torch_order:  # c = c + c + 1; c = c + 1 + c + (-a); d = d + d * 2 + ...; d = d + 3 * d + ...
            c = p.const("add", 1.0, p.add(c, c), False)
            c = p.add(p.add(p.const("add", 1.0, c, False), c), p.unary("neg", a))
            d = p.add(p.add(d, p.const("mul", 2.0, d, False)), p.unary("relu", p.add(b, a)))
            d = p.add(p.add(d, p.const("mul", 3.0, d, True)), p.unary("relu", p.sub(b, a)))
        else:  # c += c + 1; c += 1 + c + (-a); d += d * 2 + ...; d += 3 * d + ...
            c = p.add(c, p.const("add", 1.0, c, False))
            c = p.add(c, p.add(p.const("add", 1.0, c, True), p.unary("neg", a)))
            d = p.add(d, p.add(p.const("mul", 2.0, d, False), p.unary("relu", p.add(b, a))))
            d = p.add(d, p.add(p.const("mul", 3.0, d, True), p.unary("relu", p.sub(b, a))))
        f = p.pow(p.sub(c, d), 2.0)
        p.add(p.const("div", 2.0, f, False), p.const("rdiv", 10.0, f, True))
        cases.append(p.case())

    p = Program("micrograd/test_sanity_check")
    x = p.leaf(-4.0)
    z = p.add(p.const("add", 2.0, p.const("mul", 2.0, x, True), False), x)
    q = p.add(p.unary("relu", z), p.mul(z, x))
    h = p.unary("relu", p.mul(z, z))
    p.add(p.add(h, q), p.mul(q, x))
    cases.append(p.case())
    return cases


def ops_cases() -> list:
    return (unary_cases() + binary_cases() + pow_cases() + reuse_cases() + diamond_cases()
            + chain_cases() + combination_cases() + micrograd_cases())
