/// The forward pass of a dense layer for one sample: every neuron's weighted sum, computed
/// for several neurons at once.
///
/// Each SIMD lane is one neuron and adds its terms in micrograd's order,
/// `((b + w0*x0) + w1*x1) + ...`, with the product and the sum each rounded once — exactly
/// the scalar arithmetic, only several neurons side by side.
@usableFromInline
enum DenseKernel {
    /// The number of lanes a layer of `neurons` neurons is computed on: eight at a time, and
    /// the rest two at a time (a layer's last lane may be padding).
    static func lanes(neurons: Int) -> Int {
        neurons / 8 * 8 + (neurons % 8 + 1) / 2 * 2
    }

    /// Writes `lanes` sums to `sums`: `columns` holds the weights input by input (`lanes` per
    /// row) followed by the biases; `x` holds the `fanIn` inputs.
    @inlinable
    static func sums(
        columns: UnsafePointer<Double>, lanes: Int, fanIn: Int, x: UnsafePointer<Double>,
        into sums: UnsafeMutablePointer<Double>
    ) {
        var j = 0
        while j + 8 <= lanes {
            chunk(SIMD8<Double>.self, columns + j, lanes: lanes, fanIn: fanIn, x: x, into: sums + j)
            j += 8
        }
        while j < lanes {
            chunk(SIMD2<Double>.self, columns + j, lanes: lanes, fanIn: fanIn, x: x, into: sums + j)
            j += 2
        }
    }

    /// The sums of the `Lanes.scalarCount` neurons whose weights start at `column`.
    @inlinable @inline(__always)
    static func chunk<Lanes: SIMD>(
        _: Lanes.Type, _ column: UnsafePointer<Double>, lanes: Int, fanIn: Int, x: UnsafePointer<Double>,
        into sums: UnsafeMutablePointer<Double>
    ) where Lanes.Scalar == Double {
        var total = UnsafeRawPointer(column + fanIn &* lanes).loadUnaligned(as: Lanes.self)
        var w = column
        for k in 0..<fanIn {
            total = total + UnsafeRawPointer(w).loadUnaligned(as: Lanes.self) * Lanes(repeating: x[k])
            w += lanes
        }
        UnsafeMutableRawPointer(sums).storeBytes(of: total, as: Lanes.self)
    }

    /// Writes `activation(sums[j])` for `count` neurons to `outputs` (the sums themselves for
    /// no activation).
    @inlinable
    static func activate(
        _ activation: Op?, _ sums: UnsafePointer<Double>, into outputs: UnsafeMutablePointer<Double>, count: Int
    ) {
        switch activation {
        case nil: outputs.update(from: sums, count: count)
        case .relu?: for j in 0..<count { outputs[j] = TorchKernels.relu(sums[j]) }
        case .tanh?: for j in 0..<count { outputs[j] = TorchMath.tanh(sums[j]) }
        case let other?: preconditionFailure("activate: \(other) is not an activation")
        }
    }
}
