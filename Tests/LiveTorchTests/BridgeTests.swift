import Foundation
import MicrogradTorch
import TestSupport
import Testing

/// A Python module written once per test process to a fresh temporary folder.
private enum SupportModule {
    static let name = "micrograd_bridge_test_support"

    static let folder: String = {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("micrograd-bridge-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try! source.write(to: folder.appendingPathComponent("\(name).py"), atomically: true, encoding: .utf8)
        return folder.path
    }()

    static let source = #"""
        import json, struct
        import torch


        def exp_bits(argument):
            x = float(argument)
            value = torch.tensor(x, dtype=torch.float64).exp().item()
            bits = struct.unpack("<Q", struct.pack("<d", value))[0]
            return json.dumps({"repr": repr(value), "hex": value.hex(), "bits": format(bits, "016x")})


        def tiny(argument):
            return str(torch.tensor(2.0, dtype=torch.float64).exp().item())


        def echo(argument):
            return argument


        def tagged(argument):
            task, index = (int(part) for part in argument.split(":"))
            total = torch.tensor(float(index), dtype=torch.float64).add(task * 1000).item()
            return f"{task}:{index}:{int(total)}"


        def inner_failure(argument):
            return {"key": 1}[argument]


        def fail(argument):
            inner_failure(argument)


        def not_a_string(argument):
            return 42
        """#

    static func call(_ bridge: PythonBridge, _ function: String, _ argument: String) throws(PythonError) -> String {
        try bridge.call(module: name, function: function, argument: argument, searchPath: folder)
    }
}

@Suite("Embedded CPython bridge")
struct BridgeTests {
    @Test("Python with the pinned torch is embedded from its venv: interpreter, libpython, sys.prefix", .liveTorch)
    func availability() throws {
        let bridge = try LiveSettings.reference().bridge
        print(
            """
            live torch: interpreter \(bridge.interpreterPath), torch \(bridge.torchVersion), \
            libpython \(bridge.installation.libraryPath), sys.prefix \(bridge.prefix)
            start-up: discovery \(bridge.startupTimings.discovery), interpreter \(bridge.startupTimings.interpreterStart), \
            import torch \(bridge.startupTimings.torchImport), total \(bridge.startupTimings.total)
            """)
        #expect(!bridge.torchVersion.isEmpty)
        // Discovery reads the package metadata (`2.15.0`), torch.__version__ may add a local label (`+cu132`).
        #expect(bridge.torchVersion.hasPrefix(bridge.installation.torchVersion))
        // The embedded interpreter is the venv's, not the base installation it was made from.
        #expect(try bridge.evaluate("__import__('sys').prefix") == bridge.installation.prefix)
        #expect(try bridge.evaluate("__import__('sys').executable") == bridge.installation.executable)
        #expect(try bridge.evaluate("__import__('torch').__file__").hasPrefix(bridge.installation.sitePackages))
    }

    @Test("torch's exp(1) crosses the bridge bit-exactly", .liveTorch)
    func expOfOne() throws {
        let bridge = try LiveSettings.reference().bridge
        let answer = try SupportModule.call(bridge, "exp_bits", "1.0")
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: String])
        let repr = try #require(fields["repr"])
        let hex = try #require(fields["hex"])
        let bitsText = try #require(fields["bits"])
        print("torch exp(1.0) = \(repr) = \(hex), bits \(bitsText)")
        let parsed = try #require(Double(repr))
        let fromHex = try #require(Double(hex))
        let bits = try #require(UInt64(bitsText, radix: 16))
        #expect(parsed.bitPattern == bits, "repr \(repr) parses to \(String(parsed.bitPattern, radix: 16)), torch's bits are \(bitsText)")
        #expect(fromHex.bitPattern == bits)
    }

    @Test("Strings round-trip unchanged, including non-ASCII text and NULs", .liveTorch)
    func stringsRoundTrip() throws {
        let bridge = try LiveSettings.reference().bridge
        for text in ["", "plain", "ünïcödé ∂x/∂y 🔥", "nul\u{0}inside", String(repeating: "{\"a\": [1, 2]}", count: 10_000)] {
            #expect(try SupportModule.call(bridge, "echo", text) == text)
        }
    }

    @Test("A Python exception becomes a PythonError carrying the traceback", .liveTorch)
    func pythonExceptionBecomesError() throws {
        let bridge = try LiveSettings.reference().bridge
        let error = try #require(throws: PythonError.self) { try SupportModule.call(bridge, "fail", "missing") }
        #expect(error.traceback.hasPrefix("Traceback (most recent call last):"))
        #expect(error.traceback.contains("in fail"))
        #expect(error.traceback.contains("in inner_failure"))
        #expect(error.traceback.contains("\(SupportModule.name).py"))
        #expect(error.summary == "KeyError: 'missing'")

        let missingModule = try #require(throws: PythonError.self) {
            try bridge.call(module: "no_such_module_anywhere", function: "f", argument: "", searchPath: nil)
        }
        #expect(missingModule.summary == "ModuleNotFoundError: No module named 'no_such_module_anywhere'")

        let wrongType = try #require(throws: PythonError.self) { try SupportModule.call(bridge, "not_a_string", "") }
        #expect(wrongType.summary.hasPrefix("TypeError: \(SupportModule.name).not_a_string returned int, expected str"))

        let syntax = try #require(throws: PythonError.self) { try bridge.run("def broken(:") }
        #expect(syntax.summary.hasPrefix("SyntaxError"))

        let exit = try #require(throws: PythonError.self) { try bridge.run("raise SystemExit(3)") }
        #expect(exit.summary == "SystemExit: 3")
        // The interpreter is still fine afterwards.
        #expect(try bridge.evaluate("6 * 7") == "42")
    }

    @Test("run and evaluate share a scratch namespace", .liveTorch)
    func runAndEvaluate() throws {
        let bridge = try LiveSettings.reference().bridge
        try bridge.run("import torch\nbridge_test_value = torch.tensor([1.5, 2.5], dtype=torch.float64).sum().item()")
        #expect(try bridge.evaluate("bridge_test_value") == "4.0")
    }

    @Test("8 concurrent tasks of 200 calls each all get their own correct answers", .liveTorch)
    func concurrentCalls() async throws {
        let bridge = try LiveSettings.reference().bridge
        let failures = await withTaskGroup(of: [String].self) { group in
            for task in 0..<8 {
                group.addTask {
                    var failures: [String] = []
                    for index in 0..<200 {
                        do throws(PythonError) {
                            let answer = try SupportModule.call(bridge, "tagged", "\(task):\(index)")
                            let expected = "\(task):\(index):\(task * 1000 + index)"
                            if answer != expected { failures.append("got \(answer), expected \(expected)") }
                        } catch {
                            failures.append(error.traceback)
                        }
                    }
                    return failures
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        let first = failures.first ?? ""
        #expect(failures.isEmpty, "\(failures.count) wrong answers, first: \(first)")
    }

    @Test("Round-trip timing of a tiny torch op (10,000 calls)", .liveTorch)
    func roundTripTiming() throws {
        let bridge = try LiveSettings.reference().bridge
        let clock = ContinuousClock()
        let calls = 10_000
        _ = try SupportModule.call(bridge, "tiny", "") // import the module outside the timing
        var last = ""
        let torchOp = try clock.measure {
            for _ in 0..<calls { last = try SupportModule.call(bridge, "tiny", "") }
        }
        let echo = try clock.measure {
            for _ in 0..<calls { last = try SupportModule.call(bridge, "echo", "x") }
        }
        #expect(last == "x")
        #expect(
            try SupportModule.call(bridge, "tiny", "")
                == bridge.evaluate("__import__('torch').tensor(2.0, dtype=__import__('torch').float64).exp().item()"))
        func microseconds(_ d: Duration) -> String {
            let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
            return String(format: "%.2f µs", seconds / Double(calls) * 1e6)
        }
        print("bridge round trip, mean of \(calls) calls: torch exp \(microseconds(torchOp)), echo \(microseconds(echo))")
        let startup = bridge.startupTimings
        print(
            "bridge start-up: total \(startup.total) (discovery \(startup.discovery), interpreter \(startup.interpreterStart), import torch \(startup.torchImport))"
        )
    }
}

@Suite("Python discovery")
struct DiscoveryTests {
    @Test("A bogus MICROGRAD_PYTHON gives a clear reason")
    func bogusInterpreter() throws {
        let result = PythonInstallation.discover(environment: ["MICROGRAD_PYTHON": "/nonexistent/python3"])
        let reason = try #require(result.failureReason)
        print("bogus MICROGRAD_PYTHON: \(reason)")
        #expect(reason == "interpreter /nonexistent/python3 not found (MICROGRAD_PYTHON=/nonexistent/python3)")

        let onPath = try #require(
            PythonInstallation.discover(environment: ["MICROGRAD_PYTHON": "no-such-python-anywhere", "PATH": "/nonexistent"]).failureReason)
        #expect(onPath == "interpreter no-such-python-anywhere not found on PATH (MICROGRAD_PYTHON=no-such-python-anywhere)")

        let folder = FileManager.default.temporaryDirectory.path
        let notAVenv = try #require(PythonInstallation.discover(environment: ["MICROGRAD_PYTHON": folder]).failureReason)
        #expect(notAVenv.hasPrefix("interpreter \(folder)/bin/python not found"))

        // Something that runs but is not Python.
        let notPython = try #require(PythonInstallation.discover(environment: ["MICROGRAD_PYTHON": "/bin/echo"]).failureReason)
        #expect(notPython.hasPrefix("interpreter /bin/echo did not answer the sysconfig query"))
    }

    @Test("A missing default venv names the command that creates it")
    func missingDefaultVenv() throws {
        let cache = "/nonexistent/micrograd-cache"
        let reason = try #require(PythonInstallation.discover(environment: ["MICROGRAD_CACHE": cache]).failureReason)
        print("missing venv: \(reason)")
        #expect(reason.hasPrefix("interpreter \(cache)/venv-"))
        #expect(reason.contains("/bin/python not found"))
        #expect(reason.contains("bash Scripts/ensure_venv.sh"))
    }

    @Test("The default venv is the one Scripts/ensure_venv.sh sets up and prints")
    func defaultPathMatchesScript() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("micrograd-cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        var environment = ProcessInfo.processInfo.environment
        environment["MICROGRAD_CACHE"] = cache
        environment["MICROGRAD_VENV"] = nil
        // The script prints the interpreter without installing once the venv is complete: fake one
        // where `--where` says it goes.
        let venv = try DiscoveryTests.runScript(["--where"], environment: environment)
        #expect(venv.hasPrefix("\(cache)/venv-"))
        try FileManager.default.createDirectory(atPath: "\(venv)/bin", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: "\(venv)/.complete", contents: nil)
        _ = FileManager.default.createFile(atPath: "\(venv)/bin/python", contents: nil)
        let printed = try DiscoveryTests.runScript([], environment: environment)
        #expect(printed == "\(venv)/bin/python")

        let computed = try PythonInstallation.interpreterPath(environment: ["MICROGRAD_CACHE": cache, "HOME": "/nonexistent"]).get()
        #expect(computed == printed)
        let chosen = try PythonInstallation.interpreterPath(environment: ["MICROGRAD_VENV": venv]).get()
        #expect(chosen == printed)
    }

    /// What `bash Scripts/ensure_venv.sh arguments…` prints, trimmed.
    static func runScript(_ arguments: [String], environment: [String: String]) throws -> String {
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/bin/bash")
        script.arguments = [PackageRoot.file("Scripts/ensure_venv.sh")] + arguments
        script.environment = environment
        let pipe = Pipe()
        script.standardOutput = pipe
        try script.run()
        let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        script.waitUntilExit()
        #expect(script.terminationStatus == 0, "ensure_venv.sh \(arguments.joined(separator: " "))")
        return printed.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("An interpreter without torch is reported with Python's own error", .liveTorch)
    func interpreterWithoutTorch() throws {
        let installation = try LiveSettings.reference().bridge.installation
        let venv = FileManager.default.temporaryDirectory.appendingPathComponent("micrograd-no-torch-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: venv) }
        let make = Process()
        make.executableURL = URL(fileURLWithPath: installation.interpreterPath)
        make.arguments = ["-m", "venv", "--without-pip", venv]
        try make.run()
        make.waitUntilExit()
        try #require(make.terminationStatus == 0)

        let reason = try #require(PythonInstallation.discover(environment: ["MICROGRAD_PYTHON": venv]).failureReason)
        print("venv without torch: \(reason)")
        #expect(reason == "ModuleNotFoundError: No module named 'torch' from interpreter \(venv)/bin/python")
    }

    @Test("A torch that differs from the pin is reported", .liveTorch)
    func torchDiffersFromPin() throws {
        let installation = try LiveSettings.reference().bridge.installation
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("micrograd-pin-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: "\(root)/Reference", withIntermediateDirectories: true)
        try "# pinned\ntorch==0.0.1  # too old\n".write(toFile: "\(root)/Reference/requirements.txt", atomically: true, encoding: .utf8)

        let reason = try #require(
            PythonInstallation.discover(
                environment: ["MICROGRAD_PYTHON": installation.interpreterPath], packageRoot: root
            ).failureReason)
        print("pin mismatch: \(reason)")
        #expect(
            reason
                == "torch version \(installation.torchVersion) from interpreter \(installation.interpreterPath) differs from the pin torch==0.0.1 in \(root)/Reference/requirements.txt"
        )
    }
}

extension Result where Failure == PythonUnavailable {
    fileprivate var failureReason: String? {
        if case .failure(let unavailable) = self { return unavailable.reason }
        return nil
    }
}
