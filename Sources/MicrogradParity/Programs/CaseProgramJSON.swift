import Micrograd

extension CaseProgram {
    /// Decodes a case from its JSON object (see ``CaseProgram`` for the format), strictly:
    /// unknown keys, non-canonical floats and out-of-range operands are errors.
    public init(json: JSONValue) throws(FieldError) {
        let fields = try JSONFields(json)
        try fields.requireKeys(["name", "steps"])
        let name = try fields.string("name")
        var steps: [ProgramStep] = []
        for (index, step) in try fields.array("steps").enumerated() {
            do {
                steps.append(try CaseProgram.decodeStep(step))
            } catch {
                throw error.inside("steps[\(index)]")
            }
        }
        try self.init(name: name, steps: steps)
    }

    /// The case as a JSON object, as the case files hold it.
    public var json: JSONValue {
        .object(["name": .string(name), "steps": .array(steps.map(CaseProgram.encodeStep))])
    }

    /// The sha256 of the case's canonical JSON (see ``CanonicalJSON``); goldens record it to
    /// tell whether the case changed after they were generated.
    public var sha256: String { SHA256.hexDigest(CanonicalJSON.bytes(of: json)) }

    static func decodeStep(_ json: JSONValue) throws(FieldError) -> ProgramStep {
        let fields = try JSONFields(json)
        let opName = try fields.string("op")
        guard let op = Op.programNames.first(where: { $0.value == opName })?.key else {
            throw FieldError(field: "op", reason: "unknown op \"\(opName)\"")
        }
        if op == .leaf {
            try fields.requireKeys(["op", "value"])
            return .leaf(try fields.hexFloat("value"))
        }
        let args = try fields.array("args").enumerated().map { (i, arg) throws(FieldError) -> Int in
            guard let index = arg.int else { throw FieldError(field: "args[\(i)]", reason: "expected a step index") }
            return index
        }
        func operands(_ count: Int) throws(FieldError) -> [Int] {
            guard args.count == count else { throw FieldError(field: "args", reason: "\(opName) takes \(count) operand(s) here, found \(args.count)") }
            return args
        }
        if op == .pow {
            try fields.requireKeys(["op", "args", "exponent"])
            return .pow(try operands(1)[0], exponent: try fields.hexFloat("exponent"))
        }
        if fields.members["const"] != nil || op == .rdiv {
            try fields.requireKeys(["op", "args", "const", "constFirst"])
            let x = try operands(1)[0], c = try fields.hexFloat("const")
            return try fields.bool("constFirst") ? .constantLeft(op, c, x) : .constantRight(op, x, c)
        }
        try fields.requireKeys(["op", "args"])
        if ProgramStep.unaryOps.contains(op) { return .unary(op, try operands(1)[0]) }
        let xy = try operands(2)
        return .binary(op, xy[0], xy[1])
    }

    static func encodeStep(_ step: ProgramStep) -> JSONValue {
        let op = JSONValue.string(step.op.name)
        let args = JSONValue.array(step.operands.map { .number(String($0)) })
        switch step {
        case .leaf(let x):
            return .object(["op": op, "value": .string(HexFloat.format(x))])
        case .unary, .binary:
            return .object(["op": op, "args": args])
        case .constantRight(_, _, let c), .constantLeft(_, let c, _):
            let first: Bool = if case .constantLeft = step { true } else { false }
            return .object(["op": op, "args": args, "const": .string(HexFloat.format(c)), "constFirst": .bool(first)])
        case .pow(_, let e):
            return .object(["op": op, "args": args, "exponent": .string(HexFloat.format(e))])
        }
    }
}
