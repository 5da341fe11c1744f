import Micrograd
import MicrogradParity
import MicrogradTorch
import Testing

/// The lecture's neuron, `o = tanh(x1*w1 + x2*w2 + b)`, which the lecture itself checks against
/// torch: the engine prints torch's hex digits exactly, with torch's kernels and with the default
/// math (MKL's `tanh` is correctly rounded on this input; the C library's was an ulp off, and
/// then three of the gradients were 3 ulp off).
struct LectureNeuronTests {
    /// `o` and the gradients of `x1`, `w1`, `x2`, `w2`, `b`, in hex (``HexFloat``: `float.hex()`
    /// without trailing zeros).
    static func engine() -> [String] {
        let x1 = Value(2.0), x2 = Value(0.0), w1 = Value(-3.0), w2 = Value(1.0), b = Value(6.8813735870195432)
        let o = (x1 * w1 + x2 * w2 + b).tanh()
        o.backward()
        return [o.data, x1.grad, w1.grad, x2.grad, w2.grad, b.grad].map(HexFloat.format)
    }

    static let torchCode = """
        import torch
        def _lecture_neuron():
            t = lambda v: torch.tensor(v, dtype=torch.float64, requires_grad=True)
            x1, x2, w1, w2, b = t(2.0), t(0.0), t(-3.0), t(1.0), t(6.8813735870195432)
            o = (x1 * w1 + x2 * w2 + b).tanh()
            o.backward()
            return " ".join(v.item().hex() for v in [o, x1.grad, w1.grad, x2.grad, w2.grad, b.grad])
        """

    @Test("The lecture's neuron: torch's hex digits exactly, with torch's kernels and with the default math")
    func neuronMatchesTorchInHex() throws {
        guard let kernels = LiveSettings.torchKernels(), let bridge = try? PythonBridge.shared() else { return }
        try bridge.run(LectureNeuronTests.torchCode)
        let torch = try bridge.evaluate("_lecture_neuron()").split(separator: " ").map { text in
            try #require(Double(String(text)).map(HexFloat.format), "torch's float.hex() text \(text)")
        }
        let withKernels = MathLibrary.using(kernels.math) { LectureNeuronTests.engine() }
        let withDefault = LectureNeuronTests.engine()
        printLive("lecture neuron, o x1.grad w1.grad x2.grad w2.grad b.grad:")
        printLive("  torch                  \(torch.joined(separator: " "))")
        printLive("  engine, torch kernels  \(withKernels.joined(separator: " "))")
        printLive("  engine, default math   \(withDefault.joined(separator: " "))")
        #expect(withKernels == torch)
        #expect(withDefault == torch)
    }
}
