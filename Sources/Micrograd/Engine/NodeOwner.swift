/// What a ``Value`` refers to: a tape (`Value.index` is its node) or a leaf.
///
/// Both keep their node values behind `data` — a tape's array, a leaf's own slot — so reading
/// `Value.data` is one load either way. (Reading different stored properties of the two
/// subclasses in the two arms of one branch also trips an LLVM miscompilation in Swift 6.3's
/// optimiser; keeping the hot fields here avoids it.)
@usableFromInline
class NodeOwner {
    @exclusivity(unchecked) @usableFromInline final var data: UnsafeMutablePointer<Double>

    @usableFromInline init(data: UnsafeMutablePointer<Double>) {
        self.data = data
    }
}
