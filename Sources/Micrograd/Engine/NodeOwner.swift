/// What a ``Value`` refers to: a tape (`Value.index` is its node) or a leaf.
///
/// Both keep their node values behind `data` — a tape's array, a leaf's own slot — so reading
/// `Value.data` is one load either way.
@usableFromInline
class NodeOwner {
    @exclusivity(unchecked) @usableFromInline final var data: UnsafeMutablePointer<Double>

    @usableFromInline init(data: UnsafeMutablePointer<Double>) {
        self.data = data
    }
}
