extension Value {
    /// Sets `values[i].data = newData(i)` for each `i` in order, as the `data` setter does one
    /// at a time (an optimizer's update of every parameter).
    static func updateData(of values: UnsafeBufferPointer<Value>, _ newData: (Int) -> Double) {
        for i in values.indices {
            let value = values[i]
            if value.isLeaf {
                Leaf.setData(value.leaf.state, newData(i))
            } else {
                let tape = value.tape, node = Int(value.index), newValue = newData(i)
                tape.withLock { tape.data[node] = newValue }
            }
        }
        Leaf.noteDataChanges()
    }
}
