extension Loss {
    /// The lecture's loss, `sum((yout - ygt)**2 for ygt, yout in zip(ys, ypred))`: a sum (from
    /// Python's 0) of `(prediction - target).pow(2)`, each term created just before it is added.
    public static func squaredError(predictions: [Value], targets: [Double]) -> Value {
        precondition(
            predictions.count == targets.count,
            "squaredError: \(predictions.count) predictions for \(targets.count) targets")
        return Value.sum(zip(predictions, targets).lazy.map { prediction, target in (prediction - target).pow(2) })
    }
}
