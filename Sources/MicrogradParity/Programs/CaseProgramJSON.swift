import Micrograd

extension CaseProgram: Codable {
    /// Decodes a case from its JSON object (see ``CaseProgram`` for the format), strictly:
    /// unknown keys, non-canonical floats and out-of-range operands are errors naming the
    /// field (``FieldError``).
    public init(from decoder: any Decoder) throws {
        let members = try decoder.members(["name", "steps"])
        let name = try members.value("name", as: String.self)
        var list = try members.nestedUnkeyedContainer(forKey: MemberKey("steps"))
        var steps: [ProgramStep] = []
        while !list.isAtEnd { steps.append(try list.decode(DecodedStep.self).step) }
        do {
            try self.init(name: name, steps: steps)
        } catch {
            throw error.inside(decoder.codingPath)
        }
    }

    /// Encodes the case as case files hold it.
    public func encode(to encoder: any Encoder) throws {
        var members = encoder.container(keyedBy: MemberKey.self)
        try members.encode(name, forKey: MemberKey("name"))
        var list = members.nestedUnkeyedContainer(forKey: MemberKey("steps"))
        for step in steps { try list.encode(EncodedStep(step: step)) }
    }
}

/// One step of a case, as JSON.
private struct DecodedStep: Decodable {
    let step: ProgramStep

    init(from decoder: any Decoder) throws {
        let members = try decoder.container(keyedBy: MemberKey.self)
        let opName = try members.value("op", as: String.self)
        guard let op = Op.programNames.first(where: { $0.value == opName })?.key else {
            throw FieldError(at: decoder.codingPath + [MemberKey("op")], reason: "unknown op \"\(opName)\"")
        }
        if op == .leaf {
            _ = try decoder.members(["op", "value"])
            step = .leaf(try members.hexFloat("value"))
            return
        }
        func operands(_ count: Int) throws -> [Int] {
            let args = try members.value("args", as: [Int].self)
            guard args.count == count else {
                throw FieldError(
                    at: decoder.codingPath + [MemberKey("args")],
                    reason: "\(opName) takes \(count) operand(s) here, found \(args.count)")
            }
            return args
        }
        if op == .pow {
            _ = try decoder.members(["op", "args", "exponent"])
            step = .pow(try operands(1)[0], exponent: try members.hexFloat("exponent"))
            return
        }
        if members.contains(MemberKey("const")) || op == .rdiv {
            _ = try decoder.members(["op", "args", "const", "constFirst"])
            let x = try operands(1)[0], c = try members.hexFloat("const")
            step = try members.value("constFirst", as: Bool.self) ? .constantLeft(op, c, x) : .constantRight(op, x, c)
            return
        }
        _ = try decoder.members(["op", "args"])
        if ProgramStep.unaryOps.contains(op) {
            step = .unary(op, try operands(1)[0])
        } else {
            let xy = try operands(2)
            step = .binary(op, xy[0], xy[1])
        }
    }
}

/// One step of a case, as JSON.
private struct EncodedStep: Encodable {
    let step: ProgramStep

    func encode(to encoder: any Encoder) throws {
        var members = encoder.container(keyedBy: MemberKey.self)
        try members.encode(step.op.name, forKey: MemberKey("op"))
        switch step {
        case .leaf(let x):
            try members.encode(HexFloat.format(x), forKey: MemberKey("value"))
            return
        case .unary, .binary:
            break
        case .constantRight(_, _, let c), .constantLeft(_, let c, _):
            let first: Bool = if case .constantLeft = step { true } else { false }
            try members.encode(HexFloat.format(c), forKey: MemberKey("const"))
            try members.encode(first, forKey: MemberKey("constFirst"))
        case .pow(_, let e):
            try members.encode(HexFloat.format(e), forKey: MemberKey("exponent"))
        }
        try members.encode(step.operands, forKey: MemberKey("args"))
    }
}
