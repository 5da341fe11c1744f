import Testing
import Micrograd

/// Values sent between tasks and threads in every way the Swift 6 compiler accepts.
///
/// A value sent to a task still refers to the tape it was recorded on, which the sending thread
/// keeps using for its next graphs; every access to a tape holds its lock, so both sides get
/// exact results. Each variant runs many times with chains long enough to overlap (a race used
/// to corrupt the tape in most runs); `.ci/run` runs these under ThreadSanitizer too.
struct ThreadingTests {
    static let runs = 100
    static let length = 1_000

    /// The chain `s = s * 1.0 + 0.0`, `length` times, then its backward pass: `(s.data, v.grad)`.
    static func chain(from v: Value) -> (Double, Double) {
        var s = v
        for _ in 0..<length { s = s * 1.0 + 0.0 }
        s.backward()
        return (s.data, v.grad)
    }

    /// The chain `w = w + 1.0` on fresh leaves, with its backward pass: `(w.data, x.grad)`.
    static func counter() -> (Double, Double) {
        let x = Value(3.0)
        var w = x * 1.0
        for _ in 0..<length { w = w + 1.0 }
        w.backward()
        return (w.data, x.grad)
    }

    static let expectedCounter = (3.0 + Double(length), 1.0)

    /// The program of the report: a value sent into a detached task while the sender records.
    @Test func detachedTaskWhileTheSenderRecords() async {
        for _ in 0..<Self.runs {
            let v = Value(1.0) * 2
            let task = Task.detached { Self.chain(from: v) }
            let mine = Self.counter()
            let theirs = await task.value
            #expect(theirs == (2.0, 1.0))
            #expect(mine == Self.expectedCounter)
        }
    }

    @Test func unstructuredTask() async {
        for _ in 0..<Self.runs {
            let v = Value(1.0) * 2
            let task = Task { Self.chain(from: v) }
            let mine = Self.counter()
            #expect(await task.value == (2.0, 1.0))
            #expect(mine == Self.expectedCounter)
        }
    }

    @Test func asyncLet() async {
        for _ in 0..<Self.runs {
            let v = Value(1.0) * 2
            async let theirs = Self.chain(from: v)
            let mine = Self.counter()
            #expect(await theirs == (2.0, 1.0))
            #expect(mine == Self.expectedCounter)
        }
    }

    @Test func taskGroupOfValuesFromOneTape() async {
        for _ in 0..<Self.runs / 10 {
            // Every child gets a value of the parent's tape, and the parent keeps recording.
            let results = await withTaskGroup(of: (Double, Double).self) { group in
                for k in 0..<4 {
                    let v = Value(Double(k)) * 2
                    group.addTask { Self.chain(from: v) }
                }
                var results: [(Double, Double)] = []
                for await result in group { results.append(result) }
                return results
            }
            let mine = Self.counter()
            #expect(results.map(\.0).sorted() == [0, 2, 4, 6])
            #expect(results.allSatisfy { $0.1 == 1 })
            #expect(mine == Self.expectedCounter)
        }
    }

    /// Records a chain on whichever thread of the concurrent pool runs it, and returns it.
    @concurrent static func recordedElsewhere() async -> Value {
        var s = Value(2.0) * 1.0
        for _ in 0..<length { s = s + 1.0 }
        return s
    }

    @Test func valueReturnedFromAnAsyncFunction() async {
        for _ in 0..<Self.runs {
            async let theirs = Self.recordedElsewhere()
            let mine = Self.counter()
            let s = await theirs
            // Used here, on the tape of the thread that recorded it, which may record again.
            let y = (s * 2).tanh()
            y.backward()
            #expect(s.data == 2.0 + Double(Self.length))
            #expect(y.data == 1.0)
            #expect(s.grad == 0.0)
            #expect(mine == Self.expectedCounter)
        }
    }

    @Test func backwardPassesOnOneTapeFromTwoTasks() async {
        for _ in 0..<Self.runs {
            let a = Value(1.5) * 1.0
            let task = Task.detached { () -> Double in
                for _ in 0..<20 { (a * a).backward() }
                return a.grad
            }
            let b = Value(0.5) * 1.0
            for _ in 0..<20 { (b * 4.0).backward() }
            #expect(await task.value == 20 * 3.0)
            #expect(b.grad == 20 * 4.0)
        }
    }

    @Test func modelSentToATask() async {
        var rng = RNG(seed: 7)
        let model = MLP(2, [8, 1], rng: &rng)
        let inputs = [[0.5, -1.0], [1.5, 2.0], [-0.25, 0.75]]
        // The same steps on this thread, for the expected numbers.
        var twinRNG = RNG(seed: 7)
        let twin = MLP(2, [8, 1], rng: &twinRNG)
        func train(_ model: MLP) -> [Double] {
            var losses: [Double] = []
            for _ in 0..<5 {
                let scores = inputs.map { model($0.map { Value($0) })[0] }
                let loss = Loss.maxMargin(scores: scores, labels: [1, -1, 1])
                model.zeroGrad()
                loss.backward()
                for p in model.parameters() { p.data -= 0.1 * p.grad }
                losses.append(loss.data)
            }
            return losses
        }
        let expected = train(twin)
        let task = Task.detached { train(model) }
        let mine = Self.counter()
        #expect(await task.value == expected)
        #expect(mine == Self.expectedCounter)
    }
}
