import Testing
@testable import Micrograd

/// micrograd's own README example and tests, with the exact numbers torch gives for them
/// (the lecture prints them; they are also golden cases of the parity suite).
struct MicrogradExamplesTests {
    /// micrograd's README example, which is also its `test_more_ops`: returns `a`, `b` and `g`
    /// after `g.backward()`.
    static func readmeExample() -> (a: Value, b: Value, g: Value) {
        let a = Value(-4.0), b = Value(2.0)
        var c = a + b
        var d = a * b + b.pow(3)
        c += c + 1
        c += 1 + c + (-a)
        d += d * 2 + (b + a).relu()
        d += 3 * d + (b - a).relu()
        let e = c - d
        let f = e.pow(2)
        var g = f / 2.0
        g += 10.0 / f
        g.backward()
        return (a, b, g)
    }

    /// The README prints 4 decimals.
    @Test func readmeExample() {
        let (a, b, g) = Self.readmeExample()
        #expect((g.data * 1e4).rounded() == 247041)
        #expect((a.grad * 1e4).rounded() == 1388338)
        #expect((b.grad * 1e4).rounded() == 6455773)
    }

    /// micrograd's `test_sanity_check`: torch gives y = -20 and x.grad = 46.
    @Test func sanityCheck() {
        let x = Value(-4.0)
        let z = 2 * x + 2 + x
        let q = z.relu() + z * x
        let h = (z * z).relu()
        let y = h + q + q * x
        y.backward()
        #expect(y.data == -20.0)
        #expect(x.grad == 46.0)
    }

    /// micrograd's `test_more_ops`: torch gives g = 24.70408163265306 and the grads below.
    @Test func moreOps() {
        let (a, b, g) = Self.readmeExample()
        #expect(g.data == 24.70408163265306)
        #expect(a.grad == 138.83381924198252)
        #expect(b.grad == 645.5772594752186)
    }
}
