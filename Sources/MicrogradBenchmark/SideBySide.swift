import Foundation
import Micrograd
import MicrogradTorch

/// `--side-by-side`: the engine (in the `Loss` form and the plain-operator form), the
/// hand-written loop, karpathy's micrograd, torch with one 0-dim tensor per scalar and torch
/// batched (1 thread and the default), on the same data and initial parameters, timed in
/// alternating rounds in this one process (the Python peers through the embedded interpreter).
/// `Scripts/bench.sh` runs it; see there for the options.
enum SideBySide {
    struct Options {
        var workloads = ["moons", "yinyang", "lecture"]
        /// Steps per round of the fast implementations (the lecture's, ten times as many).
        var steps = 100
        var rounds = 31
        /// Rounds the slow peers (micrograd, torch scalar) take part in, from the first.
        var slowRounds = 5
        /// The Python peers to run (`--peers a,b`; `--no-peers` for none).
        var peers = Contender.Kind.allCases.filter(\.isPeer)
        /// Only this implementation, for its peak RSS (`--only`).
        var only: Contender.Kind?
        /// Peak RSS measured in processes of their own (`--rss FILE`).
        var rss: [String: String] = [:]
        /// Print this workload's JSON for the peers (`--workload-json`) and stop.
        var workloadJSON: String?
        var graphs = false
        var graphNodes = 1_000_000

        init(_ arguments: [String]) {
            var rest = arguments[...]
            func value() -> String {
                guard let v = rest.popFirst() else { fatalError("--side-by-side: a value is missing after the last option") }
                return v
            }
            while let option = rest.popFirst() {
                switch option {
                case "--side-by-side": continue
                case "--workloads": workloads = value().split(separator: ",").map(String.init)
                case "--steps": steps = Int(value()) ?? steps
                case "--rounds": rounds = Int(value()) ?? rounds
                case "--slow-rounds": slowRounds = Int(value()) ?? slowRounds
                case "--no-peers": peers = []
                case "--peers":
                    peers = value().split(separator: ",").map {
                        guard let kind = Contender.Kind(rawValue: String($0)), kind.isPeer else {
                            fatalError("--peers: unknown peer \($0)")
                        }
                        return kind
                    }
                case "--only":
                    let name = value()
                    guard let kind = Contender.Kind(rawValue: name) else { fatalError("--only: unknown implementation \(name)") }
                    only = kind
                case "--rss": rss = SideBySide.readRSS(value())
                case "--workload-json": workloadJSON = value()
                case "--graphs": graphs = true
                case "--graph-nodes": graphNodes = Int(value()) ?? graphNodes
                default: fatalError("--side-by-side: unknown option \(option)")
                }
            }
        }
    }

    static func run(_ arguments: [String]) throws {
        let options = Options(arguments)
        guard let root = PythonInstallation.packageRoot else { fatalError("cannot find the package root") }
        if options.graphs { return LargeGraphs.run(nodes: options.graphNodes) }
        let micrograd = ProcessInfo.processInfo.environment["MICROGRAD_BENCH_MICROGRAD"] ?? ""
        if let name = options.workloadJSON {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let workload = Workload(named: name, packageRoot: root).peerWorkload(microgradPath: micrograd)
            print(String(decoding: try! encoder.encode(workload), as: UTF8.self))
            return
        }
        if let only = options.only {
            let workload = Workload(named: options.workloads[0], packageRoot: root)
            let baseline = residentKilobytes()
            let contender = swiftContender(only, workload)
            var losses: [Double] = []
            for _ in 0..<options.rounds { _ = try contender.run(options.steps, &losses) }
            print(#"{"peakKB": \#(peakResidentKilobytes()), "baselineKB": \#(baseline), "steps": \#(losses.count)}"#)
            return
        }
        var peers: PythonPeers?
        var peerProblem = "not run (--no-peers)"
        if !options.peers.isEmpty {
            do {
                peers = PythonPeers(bridge: try PythonBridge.shared(), searchPath: "\(root)/Benchmarks")
            } catch {
                peerProblem = "not run: \(error)"
            }
        }
        print(machineDescription(peers))
        for name in options.workloads {
            let workload = Workload(named: name, packageRoot: root)
            var contenders = Contender.Kind.allCases.filter { !$0.isPeer }.map { swiftContender($0, workload) }
            var skipped: [(Contender.Kind, String)] = []
            for kind in Contender.Kind.allCases where kind.isPeer {
                guard options.peers.contains(kind) else {
                    skipped.append((kind, "not run (not in --peers)"))
                    continue
                }
                guard let peers else {
                    skipped.append((kind, peerProblem))
                    continue
                }
                do {
                    contenders.append(try peerContender(kind, workload, micrograd: micrograd, peers))
                } catch {
                    skipped.append((kind, "not run: \(error)"))
                }
            }
            do { try measure(contenders, workload: workload, options: options) } catch {
                fatalError("\(workload.name): \(error)")
            }
            print(table(contenders, skipped: skipped, workload: workload, options: options))
            for contender in contenders where contender.kind.isPeer {
                try? peers?.drop("\(contender.kind.rawValue)/\(workload.name)")
            }
        }
    }

    static func swiftContender(_ kind: Contender.Kind, _ workload: Workload) -> Contender {
        switch kind {
        case .engineAPI: return Contender(kind, label: "this engine, `Loss` API", step: workload.engineStep(.api))
        case .enginePlain: return Contender(kind, label: "this engine, plain operators", step: workload.engineStep(.plain))
        case .handWritten:
            guard workload.spec.loss.kind == .maxMargin else {
                let hand = HandWrittenMLP(workload)
                return Contender(kind, label: "hand-written loop (scalar)", step: hand.step)
            }
            let hand = HandWrittenMoons(
                sizes: [workload.spec.model.inputs] + workload.spec.model.layers,
                parameters: workload.makeModel().parameters().map(\.data), samples: workload.points.count)
            var k = 0
            let points = workload.points, targets = workload.targets!, alpha = workload.spec.loss.l2 ?? 0
            return Contender(kind, label: "hand-written loop (SIMD)") {
                defer { k += 1 }
                return hand.step(x: points, y: targets, learningRate: workload.learningRate(k), alpha: alpha)
            }
        default: fatalError("\(kind) is a Python peer")
        }
    }

    static func peerContender(
        _ kind: Contender.Kind, _ workload: Workload, micrograd: String, _ peers: PythonPeers
    ) throws -> Contender {
        let (key, threads) = try peers.setup(kind.rawValue, workload.peerWorkload(microgradPath: micrograd))
        let label =
            switch kind {
            case .micrograd: "karpathy's micrograd 0.1.0 (CPython)"
            case .torchScalar: "torch, one 0-dim float64 tensor per scalar"
            case .torchBatched1: "torch batched (`nn.Linear`, float64), 1 thread"
            default: "torch batched (`nn.Linear`, float64), \(threads) threads"
            }
        return Contender(kind, label: label) { n, losses in
            let answer = try peers.run(key, steps: n)
            losses += answer.losses
            return answer.seconds
        }
    }

    /// The longest a peer's round should take.
    static let peerRoundSeconds = 0.4

    /// Warms every contender up, then times them in alternating rounds, each round in another
    /// order (rotated), the slow peers in the first `slowRounds` rounds only.
    static func measure(_ contenders: [Contender], workload: Workload, options: Options) throws {
        let steps = workload.name == "lecture" ? options.steps * 10 : options.steps
        for contender in contenders {
            let warmup = contender.kind.isSlow ? 1 : min(10, steps)
            let seconds = try contender.run(warmup, &contender.losses).reduce(0, +)
            // A peer takes as many of the `steps` as fit in about `peerRoundSeconds` (at
            // least 1; the table says how many).
            contender.stepsPerRound =
                contender.kind.isPeer
                ? max(1, min(steps, Int(peerRoundSeconds / (seconds / Double(warmup))))) : steps
        }
        // The Swift implementations run back to back (so the rounds' ratios between them,
        // the targets, compare stretches of time a few milliseconds apart), then the peers.
        let swift = contenders.filter { !$0.kind.isPeer }, peers = contenders.filter(\.kind.isPeer)
        func rotated(_ block: [Contender], by round: Int) -> [Contender] {
            block.indices.map { block[($0 + round) % block.count] }
        }
        for round in 0..<options.rounds {
            for contender in rotated(swift, by: round) + (peers.isEmpty ? [] : rotated(peers, by: round)) {
                guard !contender.kind.isSlow || round < options.slowRounds else {
                    contender.perStep.append(nil)
                    continue
                }
                contender.perStep.append(median(try contender.run(contender.stepsPerRound, &contender.losses)))
            }
        }
    }

    static func table(
        _ contenders: [Contender], skipped: [(Contender.Kind, String)], workload: Workload, options: Options
    ) -> String {
        let nodes = workload.graphNodes
        let spec = workload.spec
        let reference = contenders.first { $0.kind == .engineAPI }!
        func find(_ kind: Contender.Kind) -> Contender? { contenders.first { $0.kind == kind } }
        let layers = ([spec.model.inputs] + spec.model.layers).map(String.init).joined(separator: "-")
        var lines = [
            "",
            "### \(workload.name): MLP \(layers) (\(spec.model.activation.rawValue)), \(workload.points.count) points, "
                + "\(spec.loss.kind.rawValue)\(spec.loss.l2.map { " + \($0) L2" } ?? ""), \(spec.optimizer.kind.rawValue); "
                + "\(nodes) graph nodes per step",
            "",
            "| implementation | steps timed | µs/step min | µs/step median | M nodes/s | peak RSS (over start) "
                + "| × micrograd | × torch batched 1 thread | × hand-written | loss trajectory vs the engine (`Loss` API) |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for kind in Contender.Kind.allCases {
            if let (_, reason) = skipped.first(where: { $0.0 == kind }) {
                lines.append("| \(kind.rawValue) | \(reason) | | | | | | | | |")
                continue
            }
            guard let c = find(kind), let med = c.medianTime, let min = c.minimum else { continue }
            let rounds = c.timed.count
            let stepsTimed = "\(rounds) × \(c.stepsPerRound)" + (c.kind.isSlow ? " (slow: first rounds only)" : "")
            func ratio(_ other: Contender.Kind) -> String {
                guard other != kind, let o = find(other), let r = c.ratio(to: o) else { return "" }
                return formatRatio(r)
            }
            lines.append(
                "| \(c.label) | \(stepsTimed) | \(formatMicros(min)) | \(formatMicros(med)) "
                    + "| \(format(Double(nodes) / med / 1e6, 2, width: 0)) | \(options.rss["\(workload.name)/\(kind.rawValue)"] ?? "") "
                    + "| \(ratio(.micrograd)) | \(ratio(.torchBatched1)) | \(ratio(.handWritten)) "
                    + "| \(kind == .engineAPI ? "reference" : agreement(c.losses, reference.losses, over: spec.steps)) |")
        }
        if let api = find(.engineAPI), let plain = find(.enginePlain), let hand = find(.handWritten) {
            func target(_ name: String, _ a: Contender, _ b: Contender, _ limit: Double) -> String {
                let r = a.ratio(to: b)!, rounds = a.roundRatios(to: b), best = a.minimum! / b.minimum!
                return "\(name) \(format(r, 2, width: 0))× (rounds \(format(rounds.min()!, 2, width: 0))–"
                    + "\(format(rounds.max()!, 2, width: 0))×, minimums \(format(best, 2, width: 0))×; "
                    + "≤ \(format(limit, 1, width: 0))×: \(r <= limit ? "met" : "**missed**"))"
            }
            lines.append("")
            lines.append(
                "Targets, medians of the rounds' ratios (met or missed by those): "
                    + [
                        target("`Loss` API ÷ hand-written", api, hand, 4), target("plain ÷ hand-written", plain, hand, 4),
                        target("plain ÷ `Loss` API", plain, api, 1.2),
                    ].joined(separator: ", ") + ".")
        }
        return lines.joined(separator: "\n")
    }

    /// How `losses` agrees with the reference trajectory: bit for bit over every step both
    /// took, or the first step that differs and the largest relative difference over the
    /// first `window` steps (the run's length in the parity suite: over thousands of steps,
    /// rounding differences grow as training amplifies them).
    static func agreement(_ losses: [Double], _ reference: [Double], over window: Int) -> String {
        let n = Swift.min(losses.count, reference.count)
        guard n > 0 else { return "no steps" }
        guard let first = (0..<n).first(where: { losses[$0].bitPattern != reference[$0].bitPattern }) else {
            return "bit-identical, \(n) steps"
        }
        func relative(_ k: Int) -> Double { abs(losses[k] - reference[k]) / abs(reference[k]) }
        let compared = Swift.min(n, window)
        let worst = first < compared ? (first..<compared).map(relative).max()! : relative(first)
        return "differs from step \(first) (rel. \(String(format: "%.1e", relative(first)))); "
            + "worst rel. \(String(format: "%.1e", worst)) over steps 0–\(Swift.max(compared, first + 1) - 1)"
    }

    static func formatMicros(_ seconds: Double) -> String {
        let micros = seconds * 1e6
        if micros >= 100_000 { return String(format: "%.0f", micros).groupedThousands }
        if micros >= 100 { return String(format: "%.0f", micros) }
        return String(format: "%.2f", micros)
    }

    static func formatRatio(_ r: Double) -> String {
        if r >= 100 { return String(format: "%.0f", r).groupedThousands + "×" }
        if r >= 0.1 { return String(format: "%.2f×", r) }
        return "1/" + String(format: "%.0f", 1 / r).groupedThousands
    }

    /// `workload/implementation → "123,456 kB (+7,890)"` from `bench.sh`'s RSS file: lines of
    /// `workload implementation peakKB baselineKB`.
    static func readRSS(_ path: String) -> [String: String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fatalError("cannot read \(path)") }
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 4, let peak = Int(fields[2]), let baseline = Int(fields[3]) else { continue }
            result["\(fields[0])/\(fields[1])"] =
                "\(String(peak).groupedThousands) kB (+\(String(peak - baseline).groupedThousands))"
        }
        return result
    }

    static func machineDescription(_ peers: PythonPeers?) -> String {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model =
            cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        var name = utsname()
        uname(&name)
        let machine = withUnsafeBytes(of: &name.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let python = peers.map { "; Python \($0.bridge.pythonVersion.prefix { $0 != " " }), torch \($0.bridge.torchVersion)" } ?? ""
        return "Machine: \(model), \(ProcessInfo.processInfo.activeProcessorCount) cores (\(machine))\(python)."
    }
}

extension String {
    /// Digits grouped by thousands with commas ("1234567" → "1,234,567").
    var groupedThousands: String {
        let (sign, digits) = hasPrefix("-") ? ("-", String(dropFirst())) : ("", self)
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return sign + String(out.reversed())
    }
}
