#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import Micrograd

/// When a thread's tape is emptied for the next graph, the leaves only it still held are
/// reused by the thread's next `Value(_:)`s, as new ones; leaves anything else refers to are
/// left alone.
struct SpareLeavesTests {
    /// Records `leaves` on this thread's tape and runs backward.
    func use(_ leaves: [Value]) {
        let total = leaves.dropFirst().reduce(leaves[0] * 1) { $0 + $1 }
        total.backward()
    }

    /// Starts a new graph on this thread's tape, which empties it (nothing refers to it).
    func startOver() {
        _ = Value(0.5) * 2
    }

    @Test func sparedLeafComesBackAsANewOne() {
        weak var old: Leaf?
        do {
            let x = Value(1.5, label: "x")
            old = x.leaf
            use([x])
        }
        startOver()
        #expect(old != nil)  // spared, not freed
        let fresh = (0..<3).map { _ in Value(-2.0) }.first { $0.leaf === old }
        #expect(fresh != nil)
        #expect(fresh?.data == -2.0 && fresh?.grad == 0 && fresh?.label == "")
        #expect(fresh?.op == .leaf)
    }

    @Test func leafStillReferencedIsNotSpared() {
        let kept = Value(3.0, label: "kept")
        use([kept, Value(4.0)])
        startOver()
        let later = (0..<4).map { _ in Value(7.0) }
        #expect(later.allSatisfy { $0.leaf !== kept.leaf })
        #expect(kept.data == 3.0 && kept.grad == 1 && kept.label == "kept")
    }

    @Test func graphFreedOnAnotherThreadFreesItsLeaves() {
        final class Box { var value: Value?; weak var leaf: Leaf? }
        let box = Box()
        // A graph made on a thread that then exits: only `box` keeps it.
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { context in
            let box = Unmanaged<Box>.fromOpaque(context!).takeUnretainedValue()
            let x = Value(3.0)
            box.leaf = x.leaf
            box.value = x * 2
            return nil
        }, Unmanaged.passUnretained(box).toOpaque())
        #expect(started == 0)
        pthread_join(thread, nil)
        #expect(box.value?.data == 6.0 && box.leaf != nil)
        box.value = nil
        #expect(box.leaf == nil)
    }
}
