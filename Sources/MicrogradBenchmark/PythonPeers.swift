import Foundation
import MicrogradTorch

/// The Python peers of `Benchmarks/peers.py`, run in this process through the embedded
/// interpreter (``MicrogradTorch/PythonBridge``, the reference venv's Python and torch).
struct PythonPeers {
    let bridge: PythonBridge
    /// The folder of `peers.py`.
    let searchPath: String

    /// The peer's answer to `run`: each step's time (`perf_counter`) and loss.
    struct Run: Decodable {
        let seconds: [Double]
        let losses: [Double]
    }

    private struct Setup: Decodable {
        let key: String
        let threads: Int
    }

    /// Builds `implementation` for `workload`; returns its key and how many threads it uses.
    func setup(_ implementation: String, _ workload: PeerWorkload) throws -> (key: String, threads: Int) {
        struct Request: Encodable {
            let implementation: String
            let workload: PeerWorkload
        }
        let answer: Setup = try call("setup", Request(implementation: implementation, workload: workload))
        return (answer.key, answer.threads)
    }

    /// Takes `steps` steps of peer `key`, timed in Python.
    func run(_ key: String, steps: Int) throws -> Run {
        struct Request: Encodable {
            let key: String
            let steps: Int
        }
        return try call("run", Request(key: key, steps: steps))
    }

    /// Frees peer `key`.
    func drop(_ key: String) throws {
        struct Request: Encodable { let key: String }
        struct Nothing: Decodable {}
        let _: Nothing = try call("drop", Request(key: key))
    }

    private func call<Request: Encodable, Answer: Decodable>(_ function: String, _ request: Request) throws -> Answer {
        let argument = String(decoding: try JSONEncoder().encode(request), as: UTF8.self)
        let answer = try bridge.call(module: "peers", function: function, argument: argument, searchPath: searchPath)
        return try JSONDecoder().decode(Answer.self, from: Data(answer.utf8))
    }
}
