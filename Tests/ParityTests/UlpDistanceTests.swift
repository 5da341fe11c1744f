import MicrogradParity
import Testing

struct UlpDistanceTests {
    @Test func neighboursAreOneApart() {
        #expect(UlpDistance(1.0, 1.0.nextUp) == UlpDistance(steps: 1))
        #expect(UlpDistance(1.0.nextDown, 1.0.nextUp) == UlpDistance(steps: 2))
        #expect(UlpDistance(-2.5, -2.5.nextUp) == UlpDistance(steps: 1))
        #expect(UlpDistance(.greatestFiniteMagnitude, .infinity) == UlpDistance(steps: 1))
        #expect(UlpDistance(0, .leastNonzeroMagnitude) == UlpDistance(steps: 1))
    }

    @Test func signedZerosAreDistinct() {
        #expect(UlpDistance(0.0, -0.0) == UlpDistance(steps: 1))
        #expect(UlpDistance(-.leastNonzeroMagnitude, .leastNonzeroMagnitude) == UlpDistance(steps: 3))
        #expect(UlpDistance(-0.0, -0.0) == .zero)
    }

    @Test func nanEqualsNaNOnly() {
        #expect(UlpDistance(.nan, -.nan) == .zero)
        #expect(UlpDistance(.nan, .signalingNaN) == .zero)
        #expect(UlpDistance(.nan, 1).isInfinite)
        #expect(UlpDistance(.infinity, .nan).isInfinite)
        #expect(UlpDistance(-.infinity, .infinity) > UlpDistance(-.greatestFiniteMagnitude, .greatestFiniteMagnitude))
        #expect(!UlpDistance(-.infinity, .infinity).isInfinite)
    }

    @Test func isSymmetric() {
        for (a, b) in [(1.0, 3.0), (-1.0, 2.0), (-0.0, .leastNonzeroMagnitude), (-.infinity, 0.0)] {
            #expect(UlpDistance(a, b) == UlpDistance(b, a))
        }
    }
}
