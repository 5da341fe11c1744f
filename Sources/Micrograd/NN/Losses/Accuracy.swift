extension Loss {
    /// The demo's accuracy: the fraction of points where `label > 0` and `score > 0` agree.
    public static func accuracy(scores: [Value], labels: [Double]) -> Double {
        precondition(scores.count == labels.count, "accuracy: \(scores.count) scores for \(labels.count) labels")
        let correct = zip(scores, labels).count { score, label in (label > 0) == (score.data > 0) }
        return Double(correct) / Double(scores.count)
    }
}
