import Testing
@testable import Micrograd

/// When a thread's tape is emptied for the next graph, the leaves only it still held are
/// reused by the thread's next `Value(_:)`s, as new ones; leaves anything else refers to are
/// left alone. Each test runs on a thread of its own (see `onOwnThread`).
struct SpareLeavesTests {
    /// Records `leaves` on this thread's tape and runs backward.
    static func use(_ leaves: [Value]) {
        let total = leaves.dropFirst().reduce(leaves[0] * 1) { $0 + $1 }
        total.backward()
    }

    /// Starts a new graph on this thread's tape, which empties it (nothing refers to it).
    static func startOver() {
        _ = Value(0.5) * 2
    }

    @Test func sparedLeafComesBackAsANewOne() {
        let (spared, fresh) = onOwnThread { () -> (Bool, (data: Double, grad: Double, label: String, op: Op)?) in
            weak var old: Leaf?
            do {
                let x = Value(1.5, label: "x")
                old = x.leaf
                Self.use([x])
            }
            Self.startOver()
            let spared = old != nil // spared, not freed
            let fresh = (0..<3).map { _ in Value(-2.0) }.first { $0.leaf === old }
            return (spared, fresh.map { ($0.data, $0.grad, $0.label, $0.op) })
        }
        #expect(spared)
        #expect(fresh != nil)
        #expect(fresh?.data == -2.0 && fresh?.grad == 0 && fresh?.label == "")
        #expect(fresh?.op == .leaf)
    }

    @Test func leafStillReferencedIsNotSpared() {
        let (reused, kept) = onOwnThread { () -> (Bool, (data: Double, grad: Double, label: String)) in
            let kept = Value(3.0, label: "kept")
            Self.use([kept, Value(4.0)])
            Self.startOver()
            let later = (0..<4).map { _ in Value(7.0) }
            return (later.contains { $0.leaf === kept.leaf }, (kept.data, kept.grad, kept.label))
        }
        #expect(!reused)
        #expect(kept.data == 3.0 && kept.grad == 1 && kept.label == "kept")
    }

    @Test func graphFreedOnAnotherThreadFreesItsLeaves() {
        final class Box { var value: Value?; weak var leaf: Leaf? }
        // A graph made on a thread that then exits: only `box` keeps it.
        let box = onOwnThread { () -> Box in
            let box = Box()
            let x = Value(3.0)
            box.leaf = x.leaf
            box.value = x * 2
            return box
        }
        #expect(box.value?.data == 6.0 && box.leaf != nil)
        box.value = nil
        #expect(box.leaf == nil)
    }
}
