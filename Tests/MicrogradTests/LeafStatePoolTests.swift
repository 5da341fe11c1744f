#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import Micrograd

/// A freed leaf's state is reused by the next leaf its thread creates, whichever thread
/// created it, and nothing is lost when a thread exits.
struct LeafStatePoolTests {
    /// The address of a leaf's state.
    func stateAddress(_ value: Value) -> UnsafeMutableRawPointer {
        UnsafeMutableRawPointer(value.leaf.state)
    }

    @Test func freedStateIsReusedWithFreshNumbers() {
        var first: Value? = Value(1.5)
        first!.backward()
        let address = stateAddress(first!)
        first = nil
        let second = Value(-2.0)
        #expect(stateAddress(second) == address)
        #expect(second.data == -2.0 && second.grad == 0)
    }

    @Test func leafMadeOnAnExitedThreadGivesItsStateToTheThreadFreeingIt() {
        final class Box { var value: Value? }
        let box = Box()
        _ = Value(1.0) * 2  // this thread's holder, which keeps the states freed here
        // A leaf and a graph made on a thread that then exits: its holder and pool go with it,
        // the graph stays alive through `box`.
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { context in
            Unmanaged<Box>.fromOpaque(context!).takeUnretainedValue().value = Value(3.0) * 2
            return nil
        }, Unmanaged.passUnretained(box).toOpaque())
        #expect(started == 0)
        pthread_join(thread, nil)
        let address = box.value!.children.withUnsafeBufferPointer { stateAddress($0[0]) }
        #expect(box.value!.data == 6.0)
        box.value = nil  // frees the graph, and with it the leaf, on this thread
        #expect(stateAddress(Value(4.0)) == address)
    }
}
