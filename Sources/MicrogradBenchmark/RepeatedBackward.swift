import Foundation
import Micrograd

/// `--backward`: a second backward pass over a 10,000,000-node graph should cost what the
/// first does, in time and in memory.
func repeatedBackward() {
    let x = Value(0.5)
    var y = x
    for _ in 0..<5_000_000 { y = -(-y) }
    let built = peakResidentKilobytes()
    var seconds: [Double] = []
    var peaks: [Int] = []
    for _ in 0..<3 {
        seconds.append(time(steps: 1) { _ in y.backward() })
        peaks.append(peakResidentKilobytes())
    }
    precondition(x.grad == 3, "three backward passes give x.grad 3, got \(x.grad)")
    print("10,000,000-node graph: peak RSS after recording \(built) kB")
    for (k, (s, peak)) in zip(seconds, peaks).enumerated() {
        print("  backward pass \(k + 1): \(format(s, 3, width: 6)) s, peak RSS \(peak) kB")
    }
}

/// The process's peak resident set size in kB (`getrusage`; Darwin reports bytes).
func peakResidentKilobytes() -> Int {
    var usage = rusage()
    #if canImport(Darwin)
    getrusage(RUSAGE_SELF, &usage)
    return Int(usage.ru_maxrss) / 1024
    #else
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss)
    #endif
}
