import Foundation
import MicrogradParity

/// Why the live PyTorch checks can't run here, in words a person can act on.
public struct PythonUnavailable: Error, CustomStringConvertible, Equatable {
    /// The exact reason, e.g. `interpreter /x/bin/python not found (…)` or
    /// `ModuleNotFoundError: No module named 'torch' from interpreter /x/bin/python`.
    public let reason: String

    /// Wraps a reason.
    public init(reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }
}

/// A Python interpreter that has been found and questioned (as a subprocess), and that has a
/// loadable libpython and the pinned torch: everything needed to embed it.
///
/// Discovery never installs anything. The interpreter is taken from `MICROGRAD_PYTHON` (the path
/// of an interpreter, of a venv folder, or a command name looked up on `PATH`) or, by default,
/// is the reference venv that `Scripts/ensure_venv.sh` creates, at the folder the script prints
/// with `--where` (`MICROGRAD_VENV`, or a folder named after `Reference/requirements.txt` in the
/// cache folder; the script is where that rule is written).
public struct PythonInstallation: Sendable, Equatable {
    /// The interpreter that was questioned (absolute path).
    public let interpreterPath: String
    /// Its `sys.executable`; used as the embedded interpreter's program name so that a venv's
    /// `pyvenv.cfg` is found and `sys.prefix` is the venv.
    public let executable: String
    /// Its `sys.prefix` (the venv folder for a venv).
    public let prefix: String
    /// Its `sys.version`.
    public let pythonVersion: String
    /// Its `purelib` site-packages folder.
    public let sitePackages: String
    /// The shared libpython to `dlopen` (from sysconfig `LIBDIR` and `INSTSONAME`).
    public let libraryPath: String
    /// The installed torch version, e.g. `2.15.0+cu132`.
    public let torchVersion: String
    /// The `torch==` pin from `Reference/requirements.txt`, when that file was found.
    public let pinnedTorchVersion: String?

    /// The environment variable naming the interpreter (or venv folder) to use.
    public static let interpreterVariable = "MICROGRAD_PYTHON"

    /// The package root (the folder holding `Package.swift`), found from this source file's
    /// `#filePath`; nil when the sources are no longer where they were compiled.
    public static let packageRoot: String? = findPackageRoot(from: #filePath)

    /// The package's `Reference/` folder (the Python reference code, for `searchPath` of
    /// ``PythonBridge/call(module:function:argument:searchPath:)``); nil without a package root.
    public static var referenceFolder: String? { packageRoot.map { "\($0)/Reference" } }

    /// Finds and questions the interpreter without installing anything.
    ///
    /// - Parameters:
    ///   - environment: the variables to honour (`MICROGRAD_PYTHON`, `MICROGRAD_VENV`,
    ///     `MICROGRAD_CACHE`, `XDG_CACHE_HOME`, `HOME`, `PATH`); a parameter so that tests can
    ///     try other settings without touching the process environment.
    ///   - packageRoot: the folder holding `Package.swift` and `Reference/requirements.txt`.
    /// - Returns: the installation, or the exact reason it can't be used.
    public static func discover(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        packageRoot: String? = PythonInstallation.packageRoot
    ) -> Result<PythonInstallation, PythonUnavailable> {
        Result { () throws(PythonUnavailable) in try discoverOrThrow(environment: environment, packageRoot: packageRoot) }
    }

    /// The interpreter path discovery would question (the first step of `discover`), or why
    /// there is none.
    public static func interpreterPath(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        packageRoot: String? = PythonInstallation.packageRoot
    ) -> Result<String, PythonUnavailable> {
        Result { () throws(PythonUnavailable) in try locateInterpreter(environment: environment, packageRoot: packageRoot) }
    }

    // MARK: - Steps

    private static func discoverOrThrow(environment: [String: String], packageRoot: String?) throws(PythonUnavailable) -> PythonInstallation
    {
        let interpreter = try locateInterpreter(environment: environment, packageRoot: packageRoot)
        let answer = try query(interpreter)

        let library = try locateLibrary(answer, interpreter: interpreter)

        if let error = answer.torch_error {
            throw PythonUnavailable(reason: "\(error) from interpreter \(interpreter)")
        }
        guard let torch = answer.torch_version else {
            throw PythonUnavailable(reason: "interpreter \(interpreter) reported no torch version")
        }
        let requirements = packageRoot.map { "\($0)/Reference/requirements.txt" }
        var pin: String? = nil
        if let requirements, let text = try? String(contentsOfFile: requirements, encoding: .utf8) {
            pin = torchPin(in: text)
            if let pin, !versionMatches(installed: torch, pin: pin) {
                throw PythonUnavailable(
                    reason: "torch version \(torch) from interpreter \(interpreter) differs from the pin torch==\(pin) in \(requirements)")
            }
        }
        return PythonInstallation(
            interpreterPath: interpreter, executable: answer.executable, prefix: answer.prefix,
            pythonVersion: answer.version, sitePackages: answer.site_packages, libraryPath: library,
            torchVersion: torch, pinnedTorchVersion: pin)
    }

    private static func locateInterpreter(environment: [String: String], packageRoot: String?) throws(PythonUnavailable) -> String {
        let files = FileManager.default
        func value(_ name: String) -> String? {
            guard let v = environment[name], !v.isEmpty else { return nil } // like bash ${name:-…}
            return v
        }

        if let requested = value(interpreterVariable) {
            let origin = "\(interpreterVariable)=\(requested)"
            var path: String
            if !requested.contains("/") {
                let searchPath = (value("PATH") ?? "/usr/bin:/bin").split(separator: ":")
                guard let found = searchPath.map({ "\($0)/\(requested)" }).first(where: { files.isExecutableFile(atPath: $0) }) else {
                    throw PythonUnavailable(reason: "interpreter \(requested) not found on PATH (\(origin))")
                }
                path = found
            } else {
                path = absolute(requested)
            }
            var isDirectory: ObjCBool = false
            if files.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                path += "/bin/python" // a venv folder
            }
            guard files.fileExists(atPath: path) else {
                throw PythonUnavailable(reason: "interpreter \(path) not found (\(origin))")
            }
            guard files.isExecutableFile(atPath: path) else {
                throw PythonUnavailable(reason: "interpreter \(path) is not executable (\(origin))")
            }
            return path
        }

        guard let packageRoot else {
            throw PythonUnavailable(
                reason:
                    "cannot find the package root (the folder with Package.swift) from \(#filePath), so the reference venv is unknown; set \(interpreterVariable) to an interpreter with torch"
            )
        }
        let venv = try referenceVenv(environment: environment, packageRoot: packageRoot)
        let python = "\(venv)/bin/python"
        let create = "create it with `bash Scripts/ensure_venv.sh` in \(packageRoot), or set \(interpreterVariable)"
        guard files.fileExists(atPath: python) else {
            throw PythonUnavailable(reason: "interpreter \(python) not found: the reference venv has not been set up; \(create)")
        }
        guard files.fileExists(atPath: "\(venv)/.complete") else {
            throw PythonUnavailable(
                reason: "the reference venv \(venv) is incomplete (no .complete marker; an interrupted set-up?); re-\(create)")
        }
        return python
    }

    /// The reference venv's folder, as `Scripts/ensure_venv.sh --where` prints it for
    /// `environment` (the script is the one statement of the rule; nothing is created).
    private static func referenceVenv(environment: [String: String], packageRoot: String) throws(PythonUnavailable) -> String {
        let script = "\(packageRoot)/Scripts/ensure_venv.sh"
        var variables = environment
        if variables["HOME", default: ""].isEmpty { variables["HOME"] = NSHomeDirectory() }
        if variables["PATH", default: ""].isEmpty { variables["PATH"] = "/usr/bin:/bin" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script, "--where"]
        process.environment = variables
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw PythonUnavailable(
                reason:
                    "cannot run /bin/bash \(script) --where to find the reference venv: \(error.localizedDescription); set \(interpreterVariable) to an interpreter with torch"
            )
        }
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let venv = String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationReason == .exit, process.terminationStatus == 0, !venv.isEmpty else {
            let reason = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw PythonUnavailable(
                reason:
                    "\(script) --where did not print the reference venv (exit status \(process.terminationStatus))\(reason.isEmpty ? "" : ": \(reason)"); set \(interpreterVariable) to an interpreter with torch"
            )
        }
        return venv
    }

    /// What the interpreter says about itself (the JSON printed by `queryScript`).
    private struct Answer: Decodable {
        var libdir: String?
        var instsoname: String?
        var ldlibrary: String?
        var framework_prefix: String?
        var enable_shared: Int?
        var prefix: String
        var executable: String
        var version: String
        var site_packages: String
        var torch_version: String?
        var torch_error: String?
    }

    private static let answerMarker = "@@micrograd-python-query@@"

    /// Reads the interpreter's facts without importing torch (only its metadata), so it is fast;
    /// when torch is missing it does `import torch` to get Python's own error text.
    private static let queryScript = """
        import json, sys, sysconfig, traceback, importlib.util
        v = sysconfig.get_config_vars()
        def text(name):
            value = v.get(name)
            return None if value is None else str(value)
        info = dict(libdir=text("LIBDIR"), instsoname=text("INSTSONAME"), ldlibrary=text("LDLIBRARY"),
                    framework_prefix=text("PYTHONFRAMEWORKPREFIX"), enable_shared=v.get("Py_ENABLE_SHARED"),
                    prefix=sys.prefix, executable=sys.executable, version=sys.version,
                    site_packages=sysconfig.get_paths()["purelib"], torch_version=None, torch_error=None)
        try:
            if importlib.util.find_spec("torch") is None:
                import torch  # raises Python's own ModuleNotFoundError
            try:
                from importlib.metadata import version
                info["torch_version"] = version("torch")
            except Exception:
                import torch
                info["torch_version"] = torch.__version__
        except BaseException as e:
            info["torch_error"] = "".join(traceback.format_exception_only(type(e), e)).strip()
        marker = "\(answerMarker.prefix(12))" + "\(answerMarker.dropFirst(12))"  # not literally in this script
        sys.stdout.write("\\n" + marker + json.dumps(info) + "\\n")
        sys.stdout.flush()
        """

    private static func query(_ interpreter: String) throws(PythonUnavailable) -> Answer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = ["-c", queryScript]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe // one pipe, read to the end: no deadlock on a full stderr
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw PythonUnavailable(reason: "interpreter \(interpreter) could not be started: \(error.localizedDescription)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        guard process.terminationReason == .exit, process.terminationStatus == 0,
            let range = output.range(of: answerMarker, options: .backwards)
        else {
            let tail = output.split(separator: "\n").suffix(5).joined(separator: "\n")
            throw PythonUnavailable(
                reason:
                    "interpreter \(interpreter) did not answer the sysconfig query (exit status \(process.terminationStatus))\(tail.isEmpty ? "" : ":\n\(tail)")"
            )
        }
        let json = output[range.upperBound...].prefix { $0 != "\n" }
        do {
            return try JSONDecoder().decode(Answer.self, from: Data(json.utf8))
        } catch {
            throw PythonUnavailable(reason: "interpreter \(interpreter) gave an unreadable answer to the sysconfig query: \(json)")
        }
    }

    private static func locateLibrary(_ answer: Answer, interpreter: String) throws(PythonUnavailable) -> String {
        var candidates: [String] = []
        if let libdir = answer.libdir {
            for name in [answer.instsoname, answer.ldlibrary].compactMap({ $0 }) where !name.isEmpty {
                candidates.append("\(libdir)/\(name)")
            }
        }
        if let framework = answer.framework_prefix, !framework.isEmpty, let name = answer.instsoname, !name.isEmpty {
            candidates.append("\(framework)/\(name)") // macOS framework builds
        }
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) { return found }
        let path = candidates.first ?? "\(answer.libdir ?? "?")/\(answer.instsoname ?? "?")"
        let shared = answer.enable_shared == 0 ? "; this Python was built without a shared libpython (Py_ENABLE_SHARED=0)" : ""
        throw PythonUnavailable(
            reason: "library not found at path \(path) (sysconfig LIBDIR/INSTSONAME of interpreter \(interpreter))\(shared)")
    }

    // MARK: - Helpers

    /// The version in a `torch==X` line of a requirements file.
    static func torchPin(in requirements: String) -> String? {
        for rawLine in requirements.split(whereSeparator: \.isNewline) {
            let line = rawLine.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
            guard line.lowercased().hasPrefix("torch"), let range = line.range(of: "==") else { continue }
            guard line[..<range.lowerBound].trimmingCharacters(in: .whitespaces).lowercased() == "torch" else { continue }
            let version = line[range.upperBound...].prefix { !$0.isWhitespace && $0 != ";" }
            if !version.isEmpty { return String(version) }
        }
        return nil
    }

    /// Whether an installed version satisfies a `==` pin; a pin without a local label
    /// (`2.15.0`) accepts any build of that release (`2.15.0+cu132`, `2.15.0+cpu`).
    static func versionMatches(installed: String, pin: String) -> Bool {
        if pin.contains("+") { return installed == pin }
        return installed.split(separator: "+", maxSplits: 1).first.map(String.init) == pin
    }

    private static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
            .path
    }

    private static func findPackageRoot(from file: String) -> String? {
        var folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        while folder.path != "/" && !folder.path.isEmpty {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder.path
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}
