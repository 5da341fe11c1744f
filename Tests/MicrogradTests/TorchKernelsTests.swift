import Micrograd
import TestSupport
import Testing

/// Each operation's forward and backward formulas against torch 2.15.0 (float64 CPU, 0-dim
/// tensors), bit for bit, at the inputs where a plausible alternative formula rounds
/// differently: every special exponent of `pow`, the C library's `exp` inside `sigmoid`, signed
/// zeros, infinities and NaN. Every expected value was printed by torch (any NaN matches any NaN).
struct TorchKernelsTests {
    enum Op: String, Sendable {
        case pow, sigmoid, relu, tanh, neg, addC, subC, rsubC, mulC, divC, rdivC, div
    }

    /// `y = op(x, k)` and torch's `y.backward(gradient: g)`: the result `y` and the gradients
    /// `dx`, `dk` (`k` is a Python scalar except for `div`, where it is a second tensor).
    struct Case: Sendable, CustomTestStringConvertible {
        let op: Op
        let x, k, g, y, dx: Double
        let dk: Double?
        let note: String

        init(_ op: Op, _ x: Double, _ k: Double, _ g: Double, _ y: Double, _ dx: Double, _ dk: Double? = nil, _ note: String) {
            (self.op, self.x, self.k, self.g, self.y, self.dx, self.dk, self.note) = (op, x, k, g, y, dx, dk, note)
        }

        init(_ op: Op, _ x: Double, _ k: Double, _ g: Double, _ y: Double, _ dx: Double, _ note: String) {
            self.init(op, x, k, g, y, dx, nil, note)
        }

        var testDescription: String { "\(op.rawValue)(\(x), \(k)) g=\(g): \(note)" }
    }

    static let cases: [Case] = [
        Case(.pow, .nan, 0.0, .nan, 1, 0.0, "e == 0 fills 1; its gradient is 0 even for NaN"),
        Case(.pow, .infinity, 0.0, 1, 1, 0.0, "e == 0 fills 1"),
        Case(.pow, -0.0, 1, 1, -0.0, 1, "e == 1 copies x; the gradient is g * (1 * x^0)"),
        Case(.pow, .nan, 1, 2, .nan, 2, "e == 1: x^0 = 1 even for NaN"),
        Case(.pow, -0x1.d443da0d55cbdp+1, 2, 1, 0x1.ac44139e4f336p+3, -0x1.d443da0d55cbdp+2, "e == 2 is x * x (C pow is 1 ulp off)"),
        Case(.pow, 36.8, 3, 1, 0x1.855810624dd2dp+15, 0x1.fbd70a3d70a3cp+11, "e == 3 is x * x * x"),
        Case(.pow, -0.0, 3, 1, -0.0, 0.0, "e == 3 keeps the sign of zero"),
        Case(.pow, 0x1.f3fad6cef3cf2p+0, -1, 1, 0x1.062791e5967b2p-1, -0x1.0c7504bfb71ddp-2, "e == -1 is 1 / x; gradient via 1 / (x * x)"),
        Case(.pow, -0.0, -1, 1, -.infinity, -.infinity, "1 / -0 = -inf"),
        Case(.pow, 745.2, -2, 1, 0x1.e362d9826b4f6p-20, -0x1.4c1dfd76e00efp-28, "e == -2 is 1 / (x * x)"),
        Case(.pow, 0x1.6c2d4256ffcc3p+531, -2, 1, 0.0, -0.0, "x * x overflows, so 0 (C pow: subnormal)"),
        Case(.pow, -0.0, -2, 1, .infinity, .infinity, "1 / (x * x) at -0"),
        Case(.pow, 2, -0.5, 1, 0x1.6a09e667f3bccp-1, -0x1.6a09e667f3bcdp-3, "e == -0.5 is 1 / sqrt(x)"),
        Case(.pow, -0.0, -0.5, 1, -.infinity, -.infinity, "1 / sqrt(-0) = -inf"),
        Case(.pow, -.infinity, -0.5, 1, .nan, -0.0, "sqrt(-inf) is NaN (C pow: 0)"),
        Case(
            .pow, 0x1.f7f61e79048b4p+0, 0.5, 1, 0x1.672f7367e94f9p+0, 0x1.6cea26de2b7a1p-2, "e == 0.5 is MKL's sqrt, 1 ulp above the root"),
        Case(.pow, 0x1.b35440dc852cfp+1, 0.5, 1, 0x1.d81c56656e5fdp+0, 0x1.15a13af07b6fdp-2, "MKL's sqrt, 1 ulp below the root"),
        Case(.pow, 0x1.8e94652583a50p-2, 0.5, -3, 0x1.3f6e6dbf67910p-1, -0x1.33bf327d0886ep+1, "MKL's sqrt, 1 ulp below the root"),
        Case(.pow, 0x1.5d2fa1347667ep-63, 0.5, 1, 0x1.a6d3e3cced48bp-32, 0x1.35fd394b479adp+30, "MKL's sqrt, small x"),
        Case(.pow, 0x1.8000000000000p+1023, 0.5, 1, 0x1.bb67ae8584caap+511, 0x1.279a74590331dp-513, "x >= 2^1021: MKL's exact-root path"),
        Case(.pow, 0x0.0000000000001p-1022, 0.5, 1, 0x1p-537, 0x1p+536, "subnormal x: exact-root path; gradient 0.5 * x^-0.5"),
        Case(.pow, 0.0, 0.5, 1, 0.0, .infinity, "gradient 0.5 * (1 / sqrt(0)) = inf"),
        Case(.pow, -0.0, 0.5, 1, -0.0, -.infinity, "sqrt(-0) = -0 (C pow: +0)"),
        Case(.pow, -.infinity, 0.5, 1, .nan, .nan, "sqrt(-inf) is NaN (C pow: inf)"),
        Case(.pow, -4, 0.5, 1, .nan, .nan, "negative base: NaN"),
        Case(.pow, .infinity, 0.5, 1, .infinity, 0.0, "sqrt(inf) = inf"),
        Case(.pow, 0x1.622cf29f4929ep+0, 1.5, 1, 0x1.a096d1283e009p+0, 0x1.c3ab557e50fa1p+0, "gradient 1.5 * MKL sqrt(x)"),
        Case(.pow, 0x1.6e924a31cf03bp+417, 1.5, 1, 0x1.362c19c67c82ep+626, 0x1.44eb59b82cc41p+209, "gradient 1.5 * MKL sqrt(x)"),
        Case(.pow, -4, 1.5, 1, .nan, .nan, "negative base, fractional exponent: NaN"),
        Case(.pow, 0x1.045f2286f8f66p+0, 4, 1, 0x1.11f08451bce46p+0, 0x1.0d57106d5d298p+2, "C pow forward; gradient 4 * (x * x * x)"),
        Case(.pow, 0x1.6f0204fd48c5dp+5, 4, 0.25, 0x1.0e58db52b6d53p+22, 0x1.7926e14d5d679p+16, "C pow forward; gradient 4 * (x * x * x)"),
        Case(.pow, -2.5, 7, 1, -0x1.312d000000000p+9, 0x1.ab3f000000000p+10, "C pow"),
        Case(.pow, -8, 0x1.5555555555555p-2, 1, .nan, .nan, "negative base, fractional exponent: NaN"),
        Case(.pow, 3, 2.5, 1, 0x1.f2d4a45635640p+3, 0x1.9fb1339d2c7e0p+3, "C pow; gradient 2.5 * pow(x, 1.5)"),
        Case(.pow, 0.0, -3, 1, .infinity, -.infinity, "0^-3 = inf"),
        Case(.pow, -0.0, -3, 1, -.infinity, -.infinity, "(-0)^-3 = -inf"),
        Case(.pow, -1.5, -1.5, 1, .nan, .nan, "negative base: NaN"),
        Case(.sigmoid, -0x1.67df4cbdcfbeap+4, 0.0, 1, 0x1.7708d0f1cbba5p-33, 0x1.7708d0f0b904ep-33, "SLEEF's exp would round differently"),
        Case(.sigmoid, 0.0, 0.0, 1, 0.5, 0.25, ""),
        Case(.sigmoid, -0.0, 0.0, 3, 0.5, 0.75, ""),
        Case(.sigmoid, 40, 0.0, 1, 1, 0.0, "y rounds to 1, so the gradient is 0"),
        Case(.sigmoid, 800, 0.0, 1, 1, 0.0, ""),
        Case(.sigmoid, -709.7, 0.0, 1, 0x0.4584ca6a179a6p-1022, 0x0.4584ca6a179a6p-1022, "subnormal y"),
        Case(.sigmoid, -800, 0.0, 1, 0.0, 0.0, "exp(800) = inf, y = 0"),
        Case(.sigmoid, .infinity, 0.0, 1, 1, 0.0, ""),
        Case(.sigmoid, -.infinity, 0.0, 1, 0.0, 0.0, ""),
        Case(.sigmoid, .nan, 0.0, 1, .nan, .nan, ""),
        Case(.sigmoid, 1.5, 0.0, 0x1.59bdb78f96ee0p-3, 0x1.a2991f2a97914p-1, 0x1.9c87483b5dcf3p-6, "gradient (g * (1 - y)) * y"),
        Case(.relu, -0.0, 0.0, 1, -0.0, 0.0, "-0 passes; the gradient is 0 where y <= 0"),
        Case(.relu, .nan, 0.0, 1, .nan, 1, "NaN passes with its gradient"),
        Case(.relu, -2, 0.0, .nan, 0.0, 0.0, "the gradient is 0 even for NaN g"),
        Case(.tanh, -0.0, 0.0, 1, -0.0, 1, "gradient g * fma(-y, y, 1)"),
        Case(.tanh, 20, 0.0, 1, 1, 0.0, "y = 1, gradient 0"),
        Case(.neg, 0.0, 0.0, 1, -0.0, -1, ""),
        Case(.neg, .nan, 0.0, -0.0, .nan, 0.0, ""),
        Case(.addC, -0.0, -0.0, 1, -0.0, 1, "-0 + -0 = -0"),
        Case(.addC, -0.0, 0.0, 1, 0.0, 1, ""),
        Case(.subC, 0.0, 0.0, 1, 0.0, 1, "0 - 0 = +0"),
        Case(.subC, -0.0, 0.0, -0.0, -0.0, -0.0, ""),
        Case(.rsubC, 0.0, 0.0, 1, 0.0, -1, "c - x, gradient -g"),
        Case(.rsubC, 0.0, -0.0, 0.0, -0.0, -0.0, "-0 - 0 = -0; gradient -g"),
        Case(.rsubC, .infinity, .infinity, 1, .nan, -1, ""),
        Case(.mulC, -0.0, 5, 1, -0.0, 5, ""),
        Case(.mulC, 3, .infinity, 0.0, .infinity, .nan, "gradient 0 * inf = NaN"),
        Case(.divC, 5, 3, 1, 0x1.aaaaaaaaaaaabp+0, 0x1.5555555555555p-2, "a true division (x * (1/3) would round down)"),
        Case(.divC, 1, -0.0, 1, -.infinity, -.infinity, ""),
        Case(.rdivC, 3, 5, 1, 0x1.aaaaaaaaaaaaap+0, -0x1.1c71c71c71c72p-1, "c / x is reciprocal(x) * c"),
        Case(.rdivC, -0.0, 2, 1, -.infinity, -.infinity, ""),
        Case(.rdivC, 0.0, 0.0, 1, .nan, .nan, "reciprocal(0) * 0 = NaN"),
        Case(.div, 5, 3, 1, 0x1.aaaaaaaaaaaabp+0, 0x1.5555555555555p-2, -0x1.1c71c71c71c72p-1, "divisor gradient -g * ((a / b) / b)"),
        Case(.div, 1, 0.0, 1, .infinity, .infinity, -.infinity, ""),
        Case(.div, 0x1.6c2d4256ffcc3p+531, 0x1.749999999999ap-500, 1, .infinity, 0x1.5fc6d616cf7e4p+499, -.infinity, "overflow"),
    ]

    @Test(arguments: cases)
    func matchesTorch(_ c: Case) {
        let x = Value(c.x), k = Value(c.k)
        let y: Value =
            switch c.op {
            case .pow: x.pow(c.k)
            case .sigmoid: x.sigmoid()
            case .relu: x.relu()
            case .tanh: x.tanh()
            case .neg: -x
            case .addC: x + c.k
            case .subC: x - c.k
            case .rsubC: c.k - x
            case .mulC: x * c.k
            case .divC: x / c.k
            case .rdivC: c.k / x
            case .div: x / k
            }
        // backward() seeds 1, so the product node hands `1 * g`, exactly `g`, to `y`.
        (y * c.g).backward()
        // Only the documented deviations (MKL's sqrt behind pow 0.5 and 1.5) may differ.
        let exponent = c.op == .pow ? c.k : nil
        let valueBudget = c.op == .pow ? TorchDeviation.budget(.pow, exponent: exponent, .forward) : 0
        let gradBudget = c.op == .pow ? TorchDeviation.budget(.pow, exponent: exponent, .backward) : 0
        expectWithin(valueBudget, ulpsOf: c.y, y.data, "y")
        expectWithin(gradBudget, ulpsOf: c.dx, x.grad, "dx")
        if let dk = c.dk {
            expectIdentical(k.grad, dk, "dk")
        }
    }
}
