/// The colours of the pictures: strong ones for lines and points, each with a light tint for
/// regions (blue, red, green, then purple and orange).
enum Palette {
    static let strong = ["#2f5fa7", "#c8372d", "#2e8b47", "#7b4fa6", "#d9822b"]
    static let tint = ["#c9d8ef", "#f4cbc6", "#cbe8d2", "#ded0ec", "#f6dcc0"]

    static func strong(_ index: Int) -> String { strong[index % strong.count] }
    static func tint(_ index: Int) -> String { tint[index % tint.count] }
}
