import Foundation
import Micrograd
import Testing
@testable import MicrogradCLI

/// `micrograd graph EXPR` records Python's expressions as micrograd would.
struct ExpressionTests {
    static func leaves(_ values: [String: Double]) -> [String: Value] {
        values.mapValues { Value($0) }
    }

    @Test("The lecture's expression: (a*b + c).tanh() with a=2, b=-3, c=10, and its gradients")
    func lecture() throws {
        let leaves = Self.leaves(["a": 2, "b": -3, "c": 10])
        let root = try Expression.record("(a*b + c).tanh()", leaves: leaves)
        root.backward()
        let t = Foundation.tanh(4.0)
        #expect(abs(root.data - t) < 1e-15)
        let local = 1 - t * t
        #expect(abs(leaves["a"]!.grad - local * -3) < 1e-15)
        #expect(abs(leaves["b"]!.grad - local * 2) < 1e-15)
        #expect(abs(leaves["c"]!.grad - local) < 1e-15)
    }

    /// Expressions and their values at a = 2, b = -3, c = 10, worked out by hand.
    static let precedenceCases: [(String, Double)] = [
        ("a + b * c", -28),
        ("a - b - c", -5),
        ("a / b / c", -1.0 / 15),
        ("-a**2", -4),
        ("(-a)**2", 4),
        ("a**-1", 0.5),
        ("2*a + 1.5e1", 19),
        ("a.pow(3) - c.relu()", -2),
        ("(a - a).exp() * c.log().exp()", 10),
    ]

    @Test("Precedence and associativity as in Python", arguments: precedenceCases)
    func precedence(text: String, expected: Double) throws {
        let value = try Expression.record(text, leaves: Self.leaves(["a": 2, "b": -3, "c": 10]))
        #expect(abs(value.data - expected) <= 1e-12 * max(1, abs(expected)), "\(text) = \(value.data)")
    }

    @Test(
        "Errors name the column and the fix",
        arguments: [
            ("a * d", "column 5: d has no value: add d=NUMBER"),
            ("a +", "ends where a number"),
            ("(a", "expected )"),
            ("a.cosh()", "unknown method .cosh()"),
            ("a ** a", "the exponent of ** must be a number"),
            ("a $ b", "unexpected \"$\""),
        ])
    func errors(text: String, message: String) {
        #expect {
            _ = try Expression.record(text, leaves: Self.leaves(["a": 2, "b": 3]))
        } throws: { error in
            "\(error)".contains(message)
        }
    }
}
