/// The engine's fast path: what makes recording and backpropagating a model fast, without
/// changing one bit of a value or a gradient.
///
/// `Engine/` is micrograd's idea — `Value`, each operation with its chain rule, the reverse
/// sweep over the tape. This folder is the speed, and the engine reaches it at named points
/// only:
///
/// - **Fused layers** (`FusedLayer`): ``Layer`` and ``MLP`` hand their neurons to
///   `FusedLayer.apply(_:to:)`, which records what calling each neuron on the inputs, layer after
///   layer, records — each neuron's weighted sum and activation — a whole layer per call, with
///   the sums computed several neurons at a time (`DenseKernel`) from a per-tape copy of the
///   parameters (`ParameterNodes`).
/// - **Dense blocks** (`DenseBlock`): where an ordinary training step allows it, a fused
///   layer's backward pass runs a layer at a time over contiguous rows of weights; the sweep
///   hands such a block over at one point (`Tape.sweepBlock(_:)`).
/// - **The max-margin loss** (`Value.maxMarginLoss`): ``Loss/maxMargin(scores:labels:)``'s
///   nodes recorded in one call, without a `Value` per node.
/// - **Memory**: input leaves an emptied tape spares for the thread's next `Value(_:)`s
///   (`SpareLeaves`), and objects a tape keeps alive with one retain each (`RetainedObjects`).
///
/// Each is proved to give the same bits as the plain engine: `DenseLayerTests` compares fused
/// layers and dense blocks with calling the neurons one by one, on the fast path and on every
/// case that falls back from it; `NNLossTests` compares the max-margin loss with the demo's
/// expression written with the operators; `SpareLeavesTests` checks spared leaves; and the
/// parity suite (`ModelParityTests`) holds whole training runs to torch's goldens.
struct FastPath {
    /// The dense blocks recorded on the tape, in creation order.
    var blocks: [DenseBlock] = []
    /// The fused layers whose parameters the tape recorded together: each keeps its leaves alive.
    var heldLayers = RetainedObjects<FusedLayer>()
    /// Working memory for a fused layer's forward or backward pass.
    private(set) var scratch = UnsafeMutablePointer<Double>.allocate(capacity: 0)
    private var scratchCapacity = 0

    /// Working memory for `count` numbers; its contents are not kept between calls. It stays in
    /// place until the next call.
    mutating func scratch(count: Int) -> UnsafeMutablePointer<Double> {
        if count > scratchCapacity {
            scratch.deallocate()
            scratch = .allocate(capacity: count)
            scratchCapacity = count
        }
        return scratch
    }

    /// Forgets the tape's blocks and releases its layers, as the tape is emptied.
    mutating func reset() {
        blocks.removeAll(keepingCapacity: true)
        heldLayers.removeAll { $0.release() }
    }

    /// Releases everything and frees the working memory, as the tape is freed.
    mutating func deallocate() {
        heldLayers.deallocate()
        scratch.deallocate()
    }
}
