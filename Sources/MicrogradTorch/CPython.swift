#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `PyObject *`. Python objects are only ever touched while the GIL is held.
typealias PyObjectPointer = OpaquePointer

/// A strong reference to a Python object that the bridge keeps for the life of the process.
///
/// `@unchecked Sendable` because the pointer is immutable, the object is never released (so it
/// can't dangle) and it is only dereferenced inside `PythonBridge.withGIL`.
struct PythonObjectHandle: @unchecked Sendable {
    let pointer: PyObjectPointer
}

/// The few CPython C-API entry points the bridge uses, bound with `dlsym` from a libpython
/// loaded at run time, so building the package needs no Python headers or link flags.
///
/// `@unchecked Sendable` because it only holds immutable C function pointers into a library
/// that is never unloaded; calling them is safe from any thread as long as the CPython rules
/// (hold the GIL) are followed, which `PythonBridge` enforces.
struct CPython: @unchecked Sendable {
    /// `Py_file_input`: the start symbol for a sequence of statements.
    static let fileInput: Int32 = 257

    let libraryPath: String

    let Py_DecodeLocale: @convention(c) (UnsafePointer<CChar>?, UnsafeMutablePointer<Int>?) -> UnsafeMutableRawPointer?
    let Py_SetProgramName: @convention(c) (UnsafeRawPointer?) -> Void
    let Py_InitializeEx: @convention(c) (Int32) -> Void
    let Py_IsInitialized: @convention(c) () -> Int32
    let PyEval_SaveThread: @convention(c) () -> OpaquePointer?
    let PyGILState_Ensure: @convention(c) () -> Int32
    let PyGILState_Release: @convention(c) (Int32) -> Void
    let PyRun_StringFlags:
        @convention(c) (UnsafePointer<CChar>?, Int32, PyObjectPointer?, PyObjectPointer?, UnsafeMutableRawPointer?) -> PyObjectPointer?
    let PyImport_AddModule: @convention(c) (UnsafePointer<CChar>?) -> PyObjectPointer?
    let PyModule_GetDict: @convention(c) (PyObjectPointer?) -> PyObjectPointer?
    let PyDict_GetItemString: @convention(c) (PyObjectPointer?, UnsafePointer<CChar>?) -> PyObjectPointer?
    let PyTuple_New: @convention(c) (Int) -> PyObjectPointer?
    let PyTuple_SetItem: @convention(c) (PyObjectPointer?, Int, PyObjectPointer?) -> Int32
    let PyObject_CallObject: @convention(c) (PyObjectPointer?, PyObjectPointer?) -> PyObjectPointer?
    let PyUnicode_FromStringAndSize: @convention(c) (UnsafePointer<CChar>?, Int) -> PyObjectPointer?
    let PyUnicode_AsUTF8AndSize: @convention(c) (PyObjectPointer?, UnsafeMutablePointer<Int>?) -> UnsafePointer<CChar>?
    let Py_IncRef: @convention(c) (PyObjectPointer?) -> Void
    let Py_DecRef: @convention(c) (PyObjectPointer?) -> Void
    let PyErr_Print: @convention(c) () -> Void

    /// Loads libpython from `path` (`RTLD_NOW | RTLD_GLOBAL`: C extensions such as torch's
    /// resolve the C-API symbols from the global namespace) and binds the entry points.
    init(libraryPath path: String) throws(PythonUnavailable) {
        guard let handle = dlopen(path, RTLD_NOW | RTLD_GLOBAL) else {
            let detail = dlerror().map { String(cString: $0) } ?? "unknown dlopen error"
            throw PythonUnavailable(reason: "could not load library at path \(path): \(detail)")
        }
        // The handle is deliberately never closed: the interpreter lives until the process exits.
        func bind<F>(_ name: String, as type: F.Type = F.self) throws(PythonUnavailable) -> F {
            guard let symbol = dlsym(handle, name) else {
                throw PythonUnavailable(reason: "library \(path) has no symbol \(name) (unsupported Python version?)")
            }
            return unsafeBitCast(symbol, to: F.self)
        }
        libraryPath = path
        Py_DecodeLocale = try bind("Py_DecodeLocale")
        Py_SetProgramName = try bind("Py_SetProgramName")
        Py_InitializeEx = try bind("Py_InitializeEx")
        Py_IsInitialized = try bind("Py_IsInitialized")
        PyEval_SaveThread = try bind("PyEval_SaveThread")
        PyGILState_Ensure = try bind("PyGILState_Ensure")
        PyGILState_Release = try bind("PyGILState_Release")
        PyRun_StringFlags = try bind("PyRun_StringFlags")
        PyImport_AddModule = try bind("PyImport_AddModule")
        PyModule_GetDict = try bind("PyModule_GetDict")
        PyDict_GetItemString = try bind("PyDict_GetItemString")
        PyTuple_New = try bind("PyTuple_New")
        PyTuple_SetItem = try bind("PyTuple_SetItem")
        PyObject_CallObject = try bind("PyObject_CallObject")
        PyUnicode_FromStringAndSize = try bind("PyUnicode_FromStringAndSize")
        PyUnicode_AsUTF8AndSize = try bind("PyUnicode_AsUTF8AndSize")
        Py_IncRef = try bind("Py_IncRef")
        Py_DecRef = try bind("Py_DecRef")
        PyErr_Print = try bind("PyErr_Print")
    }

    /// A new reference to a Python `str` holding `text` (embedded NULs survive), or nil with a
    /// Python exception set.
    func makeString(_ text: String) -> PyObjectPointer? {
        var text = text
        return text.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { PyUnicode_FromStringAndSize($0.baseAddress, $0.count) }
        }
    }
}
