import Testing
@testable import Micrograd

/// NaN, ±inf and ±0 flow as in torch.
struct SpecialValuesTests {
    @Test func logOfZero() {
        let x = Value(0.0)
        let y = x.log()
        y.backward()
        #expect(y.data == -.infinity)
        #expect(x.grad == .infinity)
    }

    @Test func negativeBaseFractionalPower() {
        let x = Value(-8.0)
        let y = x.pow(1.0 / 3.0)
        y.backward()
        #expect(y.data.isNaN)
        #expect(x.grad.isNaN)
    }

    @Test func reciprocalOfZero() {
        let x = Value(0.0)
        let y = x.pow(-1)
        y.backward()
        #expect(y.data == .infinity)
        #expect(x.grad == -.infinity)
    }

    @Test func reluPassesNaNAndNegativeZero() {
        let n = Value(.nan)
        let r = n.relu()
        r.backward()
        #expect(r.data.isNaN)
        #expect(n.grad == 1)
        let z = Value(-0.0)
        let rz = z.relu()
        rz.backward()
        #expect(rz.data.bitPattern == (-0.0).bitPattern)
        #expect(z.grad == 0)
    }

    @Test func divisionByZero() {
        let a = Value(1.0), b = Value(0.0)
        let q = a / b
        q.backward()
        #expect(q.data == .infinity)
        #expect(a.grad == .infinity)
        #expect(b.grad == -.infinity)
    }

    @Test func tanhSaturates() {
        let x = Value(1000.0)
        let y = x.tanh()
        y.backward()
        #expect(y.data == 1)
        #expect(x.grad == 0)
    }
}
