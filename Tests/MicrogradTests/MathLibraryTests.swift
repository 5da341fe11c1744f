import Foundation
import Micrograd
import Testing

/// The math library seam: the engine computes with the library chosen for its thread (a scope)
/// or for the process, and with the default otherwise. Serialized: one test changes the
/// process-wide choice (to a library computing the default's numbers, so that tests running
/// alongside are not affected).
@Suite(.serialized)
struct MathLibraryTests {
    /// The default's functions, with `exp`, `log`, `tanh`, `sqrt`, `pow` and the scalar `exp`
    /// one ulp up.
    static let oneUlpUp: MathLibrary = {
        let d = MathLibrary.default
        return MathLibrary(
            name: "one ulp up", exp: { d.exp($0).nextUp }, log: { d.log($0).nextUp },
            tanh: { d.tanh($0).nextUp }, sqrt: { d.sqrt($0).nextUp },
            pow: { d.pow($0, $1).nextUp }, scalarExp: { d.scalarExp($0).nextUp })
    }()

    /// Every engine function that goes through the seam, on `x`.
    static func results(_ x: Double) -> [Double] {
        let v = Value(x)
        return [v.exp().data, v.log().data, v.tanh().data, v.pow(0.5).data, v.pow(0.7).data, v.sigmoid().data]
    }

    @Test func withoutAChoiceTheEngineUsesTheDefault() {
        #expect(MathLibrary.default.description == "math: PortableMath (correctly rounded exp, log, tanh, pow; sqrt)")
        #expect(MathLibrary.default === MathLibrary.portable)
        #expect(MathLibrary.default === MathLibrary.default)
        #expect(MathLibrary.processWide === MathLibrary.default)
        #expect(MathLibrary.current === MathLibrary.default)
        #expect(MathLibrary.results(0.75) == MathLibraryTests.results(0.75))
    }

    @Test func aScopeAppliesToItsThreadOnly() throws {
        let x = 0.8125
        let plain = MathLibraryTests.results(x)
        let expected = plain.enumerated().map { i, y in i == 5 ? 1 / (1 + MathLibrary.default.exp(-x).nextUp) : y.nextUp }
        let scoped = MathLibrary.using(MathLibraryTests.oneUlpUp) {
            #expect(MathLibrary.current === MathLibraryTests.oneUlpUp)
            // Another thread, meanwhile, computes with the process-wide choice.
            let other = OtherThread.run { (MathLibrary.current.name, MathLibraryTests.results(x)) }
            #expect(other.0 == MathLibrary.processWide.name)
            #expect(other.1.map(\.bitPattern) == plain.map(\.bitPattern))
            // Scopes nest.
            let inner = MathLibrary.using(.default) { MathLibraryTests.results(x) }
            #expect(inner.map(\.bitPattern) == plain.map(\.bitPattern))
            return MathLibraryTests.results(x)
        }
        #expect(scoped.map(\.bitPattern) == expected.map(\.bitPattern))
        #expect(MathLibraryTests.results(x).map(\.bitPattern) == plain.map(\.bitPattern), "the scope ended")
        #expect(MathLibrary.current === MathLibrary.processWide)
    }

    @Test func theProcessWideChoiceAppliesToEveryThread() {
        let d = MathLibrary.default
        let copy = MathLibrary(
            name: "a copy of the default", exp: d.exp, log: d.log, tanh: d.tanh, sqrt: d.sqrt,
            pow: d.pow, scalarExp: d.scalarExp)
        MathLibrary.setProcessWide(copy)
        defer { MathLibrary.setProcessWide(.default) }
        #expect(MathLibrary.processWide === copy)
        #expect(MathLibrary.current === copy)
        #expect(OtherThread.run { MathLibrary.current.name } == copy.name)
        #expect(MathLibrary.using(MathLibraryTests.oneUlpUp) { MathLibrary.current.name } == "one ulp up", "a scope wins")
        #expect(MathLibrary.results(0.5) == MathLibraryTests.results(0.5))
        MathLibrary.setProcessWide(.default)
        #expect(MathLibrary.processWide === MathLibrary.default)
        #expect(OtherThread.run { MathLibrary.current === MathLibrary.default })
    }
}

extension MathLibrary {
    /// The seam's functions called directly, for comparison with the engine's results.
    fileprivate static func results(_ x: Double) -> [Double] {
        let m = current
        return [m.exp(x), m.log(x), m.tanh(x), m.sqrt(x), m.pow(x, 0.7), 1 / (1 + m.scalarExp(-x))]
    }
}

/// Runs a closure on a new thread and waits for its result.
enum OtherThread {
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: T?
        let thread = Thread {
            result = body()
            done.signal()
        }
        thread.start()
        done.wait()
        return result!
    }
}
