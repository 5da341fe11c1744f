import Testing
@testable import Micrograd

/// Nothing in recording, backward, export or deallocation recurses.
struct DeepGraphTests {
    @Test func millionDeepChain() {
        let x = Value(1.0)
        var y = x
        for _ in 0..<1_000_000 { y = y * 1.0 + 0.0 }
        y.backward()
        #expect(y.data == 1)
        #expect(x.grad == 1)
    }

    @Test func tenMillionNodes() {
        let x = Value(0.5)
        var y = x
        for _ in 0..<5_000_000 { y = -(-y) }
        y.backward()
        #expect(y.data == 0.5)
        #expect(x.grad == 1)
    }

    @Test func tapeIsReusedOnceItsValuesAreGone() {
        func build() -> Int {
            let a = Value(2.0)
            var y = a
            for _ in 0..<1000 { y = y * 1.0 }
            y.backward()
            return (y.owner as! Tape).count
        }
        let (first, second) = onOwnThread { (build(), build()) }
        #expect(first == second)
    }
}
