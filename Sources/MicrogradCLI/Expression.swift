import Foundation
import Micrograd

/// An expression given on the command line, such as `(a*b + c).tanh()`, recorded as `Value`s.
///
/// Python's syntax for micrograd: numbers, names (each bound to a leaf), `+ - * /`, unary `-`,
/// `**` with a number exponent, parentheses, and the methods `.tanh() .exp() .log() .relu()
/// .sigmoid() .pow(NUMBER)`. `**` binds tighter than unary minus (`-a**2` is `-(a**2)`).
struct Expression {
    /// A syntax error or an unbound name, with where it is.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The result: a recorded value, or a plain number when no name was involved.
    private enum Term {
        case value(Value)
        case number(Double)
    }

    private let characters: [Character]
    private var position = 0
    private let leaves: [String: Value]

    /// Records `text` with `leaves` for its names; the root is returned.
    static func record(_ text: String, leaves: [String: Value]) throws(Failure) -> Value {
        var parser = Expression(characters: Array(text), leaves: leaves)
        let term = try parser.sum()
        parser.skipSpaces()
        guard parser.position == parser.characters.count else {
            throw parser.failure("unexpected \"\(parser.characters[parser.position])\"")
        }
        switch term {
        case .value(let value): return value
        case .number(let number): return Value(number)
        }
    }

    private init(characters: [Character], leaves: [String: Value]) {
        self.characters = characters
        self.leaves = leaves
    }

    // sum := product (('+' | '-') product)*
    private mutating func sum() throws(Failure) -> Term {
        var left = try product()
        while let op = take(["+", "-"]) {
            let right = try product()
            left = op == "+" ? Expression.combine(left, right, +, +, +, +) : Expression.combine(left, right, -, -, -, -)
        }
        return left
    }

    // product := unary (('*' | '/') unary)*
    private mutating func product() throws(Failure) -> Term {
        var left = try unary()
        while let op = take(["*", "/"], unlessFollowedBy: "*") {
            let right = try unary()
            left = op == "*" ? Expression.combine(left, right, *, *, *, *) : Expression.combine(left, right, /, /, /, /)
        }
        return left
    }

    // unary := '-' unary | power
    private mutating func unary() throws(Failure) -> Term {
        if take(["-"]) != nil {
            switch try unary() {
            case .value(let value): return .value(-value)
            case .number(let number): return .number(-number)
            }
        }
        return try power()
    }

    // power := postfix ('**' unary)?   (the exponent must be a number)
    private mutating func power() throws(Failure) -> Term {
        let base = try postfix()
        skipSpaces()
        guard position + 1 < characters.count, characters[position] == "*", characters[position + 1] == "*" else { return base }
        position += 2
        let start = position
        guard case .number(let exponent) = try unary() else {
            throw failure("the exponent of ** must be a number (micrograd's pow takes an int or a float)", at: start)
        }
        switch base {
        case .value(let value): return .value(value.pow(exponent))
        case .number(let number): return .number(Expression.pythonPower(number, exponent))
        }
    }

    // postfix := primary ('.' NAME '(' NUMBER? ')')*
    private mutating func postfix() throws(Failure) -> Term {
        var term = try primary()
        while take(["."]) != nil {
            let start = position
            let method = identifier()
            guard take(["("]) != nil else { throw failure("expected ( after .\(method)") }
            let value: Value
            switch term {
            case .value(let v): value = v
            case .number(let n): value = Value(n)
            }
            switch method {
            case "tanh": term = .value(value.tanh())
            case "exp": term = .value(value.exp())
            case "log": term = .value(value.log())
            case "relu": term = .value(value.relu())
            case "sigmoid": term = .value(value.sigmoid())
            case "pow":
                let exponentStart = position
                guard case .number(let exponent) = try sum() else {
                    throw failure("the argument of .pow must be a number", at: exponentStart)
                }
                term = .value(value.pow(exponent))
            default:
                throw failure("unknown method .\(method)() (have .tanh() .exp() .log() .relu() .sigmoid() .pow(n))", at: start)
            }
            guard take([")"]) != nil else { throw failure("expected ) to close .\(method)(") }
        }
        return term
    }

    // primary := NUMBER | NAME | '(' sum ')'
    private mutating func primary() throws(Failure) -> Term {
        skipSpaces()
        guard position < characters.count else { throw failure("the expression ends where a number, a name or ( was expected") }
        let character = characters[position]
        if character == "(" {
            position += 1
            let inner = try sum()
            guard take([")"]) != nil else { throw failure("expected )") }
            return inner
        }
        if character.isNumber || character == "." {
            let start = position
            while position < characters.count, characters[position].isNumber || characters[position] == "." { position += 1 }
            if position < characters.count, characters[position] == "e" || characters[position] == "E" {
                position += 1
                if position < characters.count, characters[position] == "-" || characters[position] == "+" { position += 1 }
                while position < characters.count, characters[position].isNumber { position += 1 }
            }
            guard let number = Double(String(characters[start..<position])) else {
                throw failure("\"\(String(characters[start..<position]))\" is not a number", at: start)
            }
            return .number(number)
        }
        if character.isLetter || character == "_" {
            let start = position
            let name = identifier()
            guard let leaf = leaves[name] else { throw failure("\(name) has no value: add \(name)=NUMBER", at: start) }
            return .value(leaf)
        }
        throw failure("unexpected \"\(character)\"")
    }

    private mutating func identifier() -> String {
        skipSpaces()
        let start = position
        while position < characters.count,
            characters[position].isLetter || characters[position] == "_"
                || (position > start && characters[position].isNumber)
        { position += 1 }
        return String(characters[start..<position])
    }

    /// The next non-space character if it is one of `options` (and not followed by `next`).
    private mutating func take(_ options: [Character], unlessFollowedBy next: Character? = nil) -> Character? {
        skipSpaces()
        guard position < characters.count, options.contains(characters[position]) else { return nil }
        if let next, position + 1 < characters.count, characters[position + 1] == next { return nil }
        position += 1
        return characters[position - 1]
    }

    private mutating func skipSpaces() {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    private func failure(_ reason: String, at index: Int? = nil) -> Failure {
        let column = (index ?? position) + 1
        return Failure(description: "in the expression, at column \(column): \(reason)")
    }

    /// `a op b` for each mix of recorded values and plain numbers, as micrograd records it
    /// (a number on either side of a `Value` stays a number: `Value * Double`).
    private static func combine(
        _ a: Term, _ b: Term, _ vv: (Value, Value) -> Value, _ vn: (Value, Double) -> Value,
        _ nv: (Double, Value) -> Value, _ nn: (Double, Double) -> Double
    ) -> Term {
        switch (a, b) {
        case (.value(let x), .value(let y)): .value(vv(x, y))
        case (.value(let x), .number(let y)): .value(vn(x, y))
        case (.number(let x), .value(let y)): .value(nv(x, y))
        case (.number(let x), .number(let y)): .number(nn(x, y))
        }
    }

    /// `a ** b` of two plain numbers, with the engine's correctly rounded `pow` (Python's
    /// `**` is the C library's, which agrees but for its rare misrounded inputs).
    private static func pythonPower(_ a: Double, _ b: Double) -> Double {
        PortableMath.pow(a, b)
    }
}
