#if canImport(_Differentiation)
import _Differentiation
import Testing
@testable import Micrograd
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gradients against the Swift compiler's own reverse-mode derivatives of the same functions
/// on plain `Double`s: an independent implementation of the chain rule.
struct CompilerDerivativeTests {
    @differentiable(reverse)
    static func relu(_ x: Double) -> Double {
        if x < 0 { return 0 }
        return x
    }

    @differentiable(reverse)
    static func readmeExample(_ a: Double, _ b: Double) -> Double {
        var c = a + b
        var d = a * b + b * b * b
        c = c + c + 1
        c = c + 1 + c + (-a)
        d = d + d * 2 + relu(b + a)
        d = d + 3 * d + relu(b - a)
        let e = c - d
        let f = e * e
        var g = f / 2.0
        g = g + 10.0 / f
        return g
    }

    @differentiable(reverse)
    static func neuron(_ x1: Double, _ w1: Double, _ x2: Double, _ w2: Double) -> Double {
        let n = x1 * w1 + x2 * w2 + 6.8813735870195432
        let e = exp(2 * n)
        return (e - 1) / (e + 1)
    }

    @differentiable(reverse)
    static func mixed(_ x: Double, _ y: Double) -> Double {
        let s = 1 / (1 + exp(-x * y))
        return log(s + x * x) * tanh(y - x) + exp(x / 4)
    }

    static func expectClose(_ a: Double, _ b: Double) {
        #expect(abs(a - b) <= 1e-12 * max(1, abs(a), abs(b)), "\(a) vs \(b)")
    }

    @Test func readmeExampleGradients() {
        let (da, db) = gradient(at: -4.0, 2.0, of: Self.readmeExample)
        let (a, b, _) = MicrogradExamplesTests.readmeExample()
        Self.expectClose(a.grad, da)
        Self.expectClose(b.grad, db)
    }

    @Test func lectureNeuronWithTanhFromExp() {
        let (dx1, dw1) = gradient(at: 2.0, -3.0) { x1, w1 in Self.neuron(x1, w1, 0.0, 1.0) }
        let (dx2, dw2) = gradient(at: 0.0, 1.0) { x2, w2 in Self.neuron(2.0, -3.0, x2, w2) }
        let x1 = Value(2.0), w1 = Value(-3.0), x2 = Value(0.0), w2 = Value(1.0)
        let n = x1 * w1 + x2 * w2 + 6.8813735870195432
        let e = (2 * n).exp()
        let o = (e - 1) / (e + 1)
        o.backward()
        Self.expectClose(x1.grad, dx1)
        Self.expectClose(w1.grad, dw1)
        Self.expectClose(x2.grad, dx2)
        Self.expectClose(w2.grad, dw2)
    }

    @Test func mixedFunctions() {
        var rng = RNG(seed: 99)
        for _ in 0..<100 {
            let x0 = rng.uniform(0.2, 2), y0 = rng.uniform(-2, 2)
            let (dx, dy) = gradient(at: x0, y0, of: Self.mixed)
            let x = Value(x0), y = Value(y0)
            let s = (x * y).sigmoid()
            let out = (s + x * x).log() * (y - x).tanh() + (x / 4).exp()
            out.backward()
            Self.expectClose(x.grad, dx)
            Self.expectClose(y.grad, dy)
        }
    }
}
#endif
