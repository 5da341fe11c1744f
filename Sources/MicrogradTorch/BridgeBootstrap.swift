/// Python code run once in the embedded interpreter (in a module named `_micrograd_bridge`).
///
/// Each helper takes and returns `str` and never raises: it returns `"0" + result` on success
/// and `"1" + traceback` on failure, so the Swift side needs only string conversions.
let bridgeBootstrap = #"""
    import importlib, json, sys, threading, time, traceback

    _path_lock = threading.Lock()
    _added_paths = set()
    _scratch = {"__name__": "__micrograd__"}


    def _failure(error):
        tb = error.__traceback__
        if tb is not None and tb.tb_next is not None:
            tb = tb.tb_next  # drop the helper's own frame
        return "1" + "".join(traceback.format_exception(type(error), error, tb))


    def _success(value, what):
        if not isinstance(value, str):
            raise TypeError(f"{what} returned {type(value).__name__}, expected str")
        value.encode("utf-8")  # lone surrogates can't cross into Swift
        return "0" + value


    def call(module, function, argument, search_path):
        try:
            if search_path and search_path not in _added_paths:
                with _path_lock:
                    if search_path not in _added_paths:
                        if search_path not in sys.path:
                            sys.path.insert(0, search_path)
                        importlib.invalidate_caches()
                        _added_paths.add(search_path)
            target = getattr(importlib.import_module(module), function)
            return _success(target(argument), f"{module}.{function}")
        except BaseException as error:
            return _failure(error)


    def run(code):
        try:
            exec(compile(code, "<micrograd run>", "exec"), _scratch)
            return "0"
        except BaseException as error:
            return _failure(error)


    def evaluate(expression):
        try:
            return _success(str(eval(compile(expression, "<micrograd evaluate>", "eval"), _scratch)), "str()")
        except BaseException as error:
            return _failure(error)


    def startup():
        try:
            report = dict(prefix=sys.prefix, executable=sys.executable, version=sys.version,
                          torch_version=None, torch_error=None, torch_import_seconds=None)
            began = time.perf_counter()
            try:
                import warnings
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # "Failed to initialize NumPy": numpy is not needed
                    import torch
                report["torch_version"] = torch.__version__
            except BaseException as error:
                report["torch_error"] = "".join(traceback.format_exception(type(error), error, error.__traceback__))
            report["torch_import_seconds"] = time.perf_counter() - began
            return "0" + json.dumps(report)
        except BaseException as error:
            return _failure(error)
    """#
