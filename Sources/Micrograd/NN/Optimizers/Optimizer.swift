/// Updates parameters from their gradients, one step at a time.
public protocol Optimizer {
    /// The values it updates, in the model's ``Module/parameters()`` order.
    var parameters: [Value] { get }
    /// Applies one update to every parameter's `data`, from its current `grad`.
    mutating func step()
}
