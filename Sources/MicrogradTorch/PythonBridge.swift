import Foundation

/// A Python exception, raised by code the bridge ran, with Python's formatted traceback.
public struct PythonError: Error, CustomStringConvertible {
    /// The text `traceback.format_exception` produced: `Traceback (most recent call last): …`
    /// ending in the `ExceptionType: message` line.
    public let traceback: String

    /// Wraps a traceback text.
    public init(traceback: String) { self.traceback = traceback }

    /// The last line of the traceback: `ExceptionType: message`.
    public var summary: String {
        traceback.split(separator: "\n").last.map(String.init) ?? traceback
    }

    /// The traceback.
    public var description: String { traceback }
}

/// An embedded CPython interpreter with torch imported, for checking the engine against PyTorch
/// from inside the Swift process.
///
/// libpython is loaded at run time with `dlopen`, so the package builds on machines without
/// Python; whether this machine can run live checks is answered by ``availability`` (with the
/// exact reason when it can't). The interpreter is started once per process, the first time
/// ``shared()`` or ``availability`` is used, and is never finalised.
///
/// Every call takes the GIL for its duration, so the bridge may be used from any number of
/// threads or tasks; Python itself runs one call at a time. Calls are synchronous and block the
/// calling thread.
public final class PythonBridge: Sendable {
    /// How long the start-up steps took.
    public struct StartupTimings: Sendable {
        /// Finding the interpreter and questioning it as a subprocess.
        public let discovery: Duration
        /// `dlopen`, `Py_InitializeEx` and installing the bridge's helpers.
        public let interpreterStart: Duration
        /// `import torch` inside the embedded interpreter.
        public let torchImport: Duration
        /// Everything, from the first request to a ready bridge.
        public let total: Duration
    }

    /// The interpreter this bridge embeds, as discovery found it.
    public let installation: PythonInstallation
    /// `torch.__version__` inside the embedded interpreter.
    public let torchVersion: String
    /// `sys.version` inside the embedded interpreter.
    public let pythonVersion: String
    /// `sys.prefix` inside the embedded interpreter (the venv folder for a venv).
    public let prefix: String
    /// How long start-up took.
    public let startupTimings: StartupTimings

    /// The path of the interpreter whose libpython and site-packages are embedded.
    public var interpreterPath: String { installation.interpreterPath }

    private let python: CPython
    private let callHelper: PythonObjectHandle
    private let runHelper: PythonObjectHandle
    private let evaluateHelper: PythonObjectHandle

    /// The process's bridge, or why live checks can't run here. Computed once (thread-safely)
    /// on first use, which starts Python and imports torch; the outcome, including a failure
    /// reason, is kept for the life of the process.
    public static var availability: Result<PythonBridge, PythonUnavailable> { started }

    /// The process's bridge, starting Python and importing torch on first use.
    /// - Throws: ``PythonUnavailable`` with the exact reason when that is impossible here.
    public static func shared() throws(PythonUnavailable) -> PythonBridge {
        try started.get()
    }

    private static let started: Result<PythonBridge, PythonUnavailable> = Result { () throws(PythonUnavailable) in try start() }

    private init(
        installation: PythonInstallation, python: CPython, helpers: [PythonObjectHandle],
        torchVersion: String, pythonVersion: String, prefix: String, timings: StartupTimings
    ) {
        self.installation = installation
        self.python = python
        (callHelper, runHelper, evaluateHelper) = (helpers[0], helpers[1], helpers[2])
        self.torchVersion = torchVersion
        self.pythonVersion = pythonVersion
        self.prefix = prefix
        self.startupTimings = timings
    }

    // MARK: - Calls

    /// Imports `module` and returns `module.function(argument)`, which must be a `str`.
    ///
    /// - Parameters:
    ///   - module: a module name, e.g. `torch_reference`; imported once and then cached by Python.
    ///   - function: a function in that module taking one `str` and returning a `str`.
    ///   - argument: the string passed (for the parity suite, a JSON document).
    ///   - searchPath: a folder put at the front of `sys.path` the first time it is seen (e.g.
    ///     the package's `Reference/` folder); nil (or empty) adds nothing.
    /// - Throws: ``PythonError`` with the traceback when the import or the call raises, or when
    ///   the result is not a `str`.
    public func call(module: String, function: String, argument: String, searchPath: String? = nil) throws(PythonError) -> String {
        try invoke(callHelper, [module, function, argument, searchPath ?? ""])
    }

    /// Executes Python statements in the bridge's scratch namespace (shared by all ``run(_:)``
    /// and ``evaluate(_:)`` calls, so names defined here stay defined).
    /// - Throws: ``PythonError`` with the traceback when the code raises.
    public func run(_ code: String) throws(PythonError) {
        _ = try invoke(runHelper, [code])
    }

    /// Evaluates a Python expression in the scratch namespace and returns `str()` of its value.
    /// - Throws: ``PythonError`` with the traceback when the expression raises.
    public func evaluate(_ expression: String) throws(PythonError) -> String {
        try invoke(evaluateHelper, [expression])
    }

    /// Runs `body` holding the GIL (`PyGILState_Ensure`/`PyGILState_Release`), from any thread.
    /// Every use of the C API after `Py_InitializeEx` goes through here; CPython objects must
    /// not escape `body`.
    private static func withGIL<T, E: Error>(_ python: CPython, _ body: () throws(E) -> T) throws(E) -> T {
        let state = python.PyGILState_Ensure()
        defer { python.PyGILState_Release(state) }
        return try body()
    }

    /// Calls a helper from the bootstrap code with string arguments. Helpers never raise: they
    /// return `"0" + result` or `"1" + traceback`.
    private func invoke(_ helper: PythonObjectHandle, _ arguments: [String]) throws(PythonError) -> String {
        try Self.invoke(python, helper, arguments)
    }

    private static func invoke(_ python: CPython, _ helper: PythonObjectHandle, _ arguments: [String]) throws(PythonError) -> String {
        try withGIL(python) { () throws(PythonError) -> String in
            guard let tuple = python.PyTuple_New(arguments.count) else { throw internalFailure(python, "PyTuple_New") }
            defer { python.Py_DecRef(tuple) }
            for (index, argument) in arguments.enumerated() {
                guard let string = python.makeString(argument) else { throw internalFailure(python, "PyUnicode_FromStringAndSize") }
                _ = python.PyTuple_SetItem(tuple, index, string) // steals `string`
            }
            guard let result = python.PyObject_CallObject(helper.pointer, tuple) else {
                throw internalFailure(python, "calling a bridge helper")
            }
            defer { python.Py_DecRef(result) }
            var size = 0
            guard let utf8 = python.PyUnicode_AsUTF8AndSize(result, &size), size >= 1 else {
                throw internalFailure(python, "PyUnicode_AsUTF8AndSize")
            }
            // `utf8` points into `result`, which is alive until the deferred Py_DecRef.
            let text = utf8.withMemoryRebound(to: UInt8.self, capacity: size) {
                String(decoding: UnsafeBufferPointer(start: $0 + 1, count: size - 1), as: UTF8.self)
            }
            if utf8.pointee == UInt8(ascii: "0") { return text }
            throw PythonError(traceback: text)
        }
    }

    /// For C-API failures outside the helpers' own error handling (which only memory exhaustion
    /// can cause): prints and clears the pending Python error.
    private static func internalFailure(_ python: CPython, _ step: String) -> PythonError {
        python.PyErr_Print()
        return PythonError(traceback: "MicrogradTorch internal error: \(step) failed (the Python traceback was printed to stderr)")
    }

    // MARK: - Start-up

    private struct StartupReport: Decodable {
        var prefix: String
        var executable: String
        var version: String
        var torch_version: String?
        var torch_error: String?
        var torch_import_seconds: Double?
    }

    private static func start() throws(PythonUnavailable) -> PythonBridge {
        let clock = ContinuousClock()
        let began = clock.now
        let installation = try PythonInstallation.discover().get()
        let discovered = clock.now

        let python = try CPython(libraryPath: installation.libraryPath)
        if python.Py_IsInitialized() == 0 {
            // The program name decides where Python looks for its prefix: the venv's own
            // interpreter finds `pyvenv.cfg`, so `sys.prefix` becomes the venv and its
            // site-packages are used. The string must stay alive, so it is never freed.
            guard let programName = python.Py_DecodeLocale(installation.executable, nil) else {
                throw PythonUnavailable(reason: "Py_DecodeLocale could not decode \(installation.executable)")
            }
            python.Py_SetProgramName(programName)
            python.Py_InitializeEx(0) // 0: leave signal handlers to the host process
            _ = python.PyEval_SaveThread() // release the GIL; calls take it with PyGILState_Ensure
        }

        let helpers = try installHelpers(python)
        let installed = clock.now
        let startup: String
        do {
            startup = try invoke(python, helpers[3], [])
        } catch {
            throw PythonUnavailable(
                reason: "the embedded interpreter from \(installation.libraryPath) failed to start up:\n\(error.traceback)")
        }
        let report: StartupReport
        do {
            report = try JSONDecoder().decode(StartupReport.self, from: Data(startup.utf8))
        } catch {
            throw PythonUnavailable(reason: "unreadable start-up report from the embedded interpreter: \(startup)")
        }
        let expected = URL(fileURLWithPath: installation.prefix).resolvingSymlinksInPath().path
        let actual = URL(fileURLWithPath: report.prefix).resolvingSymlinksInPath().path
        guard expected == actual else {
            throw PythonUnavailable(
                reason:
                    "the embedded interpreter's sys.prefix is \(report.prefix), not \(installation.prefix) as for interpreter \(installation.interpreterPath)"
            )
        }
        if let error = report.torch_error {
            throw PythonUnavailable(
                reason: "import torch failed in the interpreter embedded from \(installation.interpreterPath):\n\(error)")
        }
        guard let torch = report.torch_version else {
            throw PythonUnavailable(reason: "the embedded interpreter reported no torch version")
        }
        if let pin = installation.pinnedTorchVersion, !PythonInstallation.versionMatches(installed: torch, pin: pin) {
            throw PythonUnavailable(
                reason: "torch version \(torch) imported in the embedded interpreter differs from the pin torch==\(pin)")
        }
        let finished = clock.now
        let timings = StartupTimings(
            discovery: discovered - began, interpreterStart: installed - discovered,
            torchImport: .seconds(report.torch_import_seconds ?? 0), total: finished - began)
        return PythonBridge(
            installation: installation, python: python, helpers: Array(helpers[0..<3]),
            torchVersion: torch, pythonVersion: report.version, prefix: report.prefix, timings: timings)
    }

    /// Runs `bridgeBootstrap` in a fresh module `_micrograd_bridge` and returns owned references
    /// to its helpers `call`, `run`, `evaluate` and `startup`, in that order.
    private static func installHelpers(_ python: CPython) throws(PythonUnavailable) -> [PythonObjectHandle] {
        try withGIL(python) { () throws(PythonUnavailable) -> [PythonObjectHandle] in
            guard let module = python.PyImport_AddModule("_micrograd_bridge"), // borrowed
                let namespace = python.PyModule_GetDict(module) // borrowed
            else {
                python.PyErr_Print()
                throw PythonUnavailable(reason: "could not create the bridge module in the embedded interpreter")
            }
            guard let result = python.PyRun_StringFlags(bridgeBootstrap, CPython.fileInput, namespace, namespace, nil) else {
                python.PyErr_Print()
                throw PythonUnavailable(
                    reason: "the bridge's bootstrap code failed in the embedded interpreter (traceback printed to stderr)")
            }
            python.Py_DecRef(result)
            var helpers: [PythonObjectHandle] = []
            for name in ["call", "run", "evaluate", "startup"] {
                guard let function = python.PyDict_GetItemString(namespace, name) else { // borrowed
                    throw PythonUnavailable(reason: "the bridge's bootstrap code did not define \(name)")
                }
                python.Py_IncRef(function) // kept for the life of the process
                helpers.append(PythonObjectHandle(pointer: function))
            }
            return helpers
        }
    }
}
