/// Prints report text with every line prefixed `PARITY `, the prefix the CI gate (`.ci/run`)
/// keeps from the test log.
func printParity(_ text: String) {
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        print("PARITY \(line)")
    }
}
