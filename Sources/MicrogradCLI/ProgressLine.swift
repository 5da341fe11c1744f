#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Micrograd

/// A training run's progress on standard output: one line redrawn in place on a terminal (at
/// most 20 times a second, and at the last step), one line per step when piped.
struct ProgressLine {
    let total: Int
    let inPlace: Bool
    private let clock = ContinuousClock()
    private let began: ContinuousClock.Instant
    private var lastDrawn: ContinuousClock.Instant?

    init(total: Int, inPlace: Bool = isatty(STDOUT_FILENO) == 1) {
        self.total = total
        self.inPlace = inPlace
        began = clock.now
    }

    /// Seconds since the run began.
    var elapsed: Double { Self.seconds(clock.now - began) }

    /// Shows step `step` (from 0) of the run.
    mutating func show(_ step: TrainingStep) {
        let now = clock.now
        let last = step.step == total - 1
        if inPlace, !last, let lastDrawn, now - lastDrawn < .milliseconds(50) { return }
        lastDrawn = now
        let line = Self.text(step, total: total, elapsed: Self.seconds(now - began))
        if inPlace {
            print("\r\u{1B}[2K\(line)", terminator: last ? "\n" : "")
            fflush(nil) // every output stream: Swift 6 forbids naming the global `stdout`
        } else {
            print(line)
        }
    }

    /// `step  37/100  loss 0.248113  accuracy  93.0%  elapsed 0.4 s  84.1 steps/s`.
    static func text(_ step: TrainingStep, total: Int, elapsed: Double) -> String {
        let width = String(total).count
        let number = String(repeating: " ", count: max(0, width - String(step.step + 1).count)) + String(step.step + 1)
        let rate = elapsed > 0 ? Double(step.step + 1) / elapsed : 0
        return "step \(number)/\(total)  loss \(Format.fixed(step.loss, 6))  accuracy \(Format.fixed(100 * step.accuracy, 1, width: 5))%"
            + "  elapsed \(Format.fixed(elapsed, 1)) s  \(Format.fixed(rate, 1)) steps/s"
    }

    static func seconds(_ duration: Duration) -> Double {
        let (whole, fraction) = duration.components
        return Double(whole) + Double(fraction) * 1e-18
    }
}

/// Fixed-point numbers for the terminal.
enum Format {
    /// `x` with `decimals` digits after the point (C's `%.*f`), right-aligned in `width`.
    static func fixed(_ x: Double, _ decimals: Int, width: Int = 0) -> String {
        let text = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buffer in
            let count = withVaList([Int32(width), Int32(decimals), x]) { vsnprintf(buffer.baseAddress!, buffer.count, "%*.*f", $0) }
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: Int(count)), as: UTF8.self)
        }
        return text
    }
}
