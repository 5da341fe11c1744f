/// The identity of a node: equal for two ``Value``s exactly when they refer to the same node.
public struct NodeID: Hashable, Sendable {
    let owner: ObjectIdentifier
    let index: Int32
}
