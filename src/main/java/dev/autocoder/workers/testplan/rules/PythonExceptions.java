package dev.autocoder.workers.testplan.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Python's built-in exceptions with their base class (the standard library's "Exception hierarchy"), the old names
 * that are aliases of another ({@code IOError}, {@code socket.error}: {@code OSError}), and the standard library's
 * and requests' exceptions a handler most often names. What {@link ExceptionTypes} walks for a Python file, where
 * the JDK's hierarchy does not apply ({@code AssertionError} is an {@code Exception} there).
 */
final class PythonExceptions {

    /** Name as written (qualified for a module's own) to the name of its base class; BaseException has none. */
    private static final Map<String, String> BASES = new HashMap<>();
    /** Names that are another's alias since Python 3.3 (PEP 3151) or 3.10/3.11 (the timeouts). */
    private static final Map<String, String> ALIASES = Map.of("IOError", "OSError", "EnvironmentError", "OSError",
            "WindowsError", "OSError", "socket.error", "OSError", "select.error", "OSError",
            "socket.timeout", "TimeoutError", "asyncio.TimeoutError", "TimeoutError",
            "concurrent.futures.TimeoutError", "TimeoutError");

    static {
        bases("BaseException", "Exception", "GeneratorExit", "KeyboardInterrupt", "SystemExit", "BaseExceptionGroup",
                "asyncio.CancelledError");
        bases("Exception", "ArithmeticError", "AssertionError", "AttributeError", "BufferError", "EOFError",
                "ImportError", "LookupError", "MemoryError", "NameError", "OSError", "ReferenceError", "RuntimeError",
                "StopAsyncIteration", "StopIteration", "SyntaxError", "SystemError", "TypeError", "ValueError", "Warning",
                "ExceptionGroup", "subprocess.SubprocessError", "sqlite3.Error", "http.client.HTTPException",
                "pickle.PickleError", "struct.error", "zlib.error", "configparser.Error", "asyncio.InvalidStateError");
        bases("ArithmeticError", "FloatingPointError", "OverflowError", "ZeroDivisionError");
        bases("ImportError", "ModuleNotFoundError");
        bases("LookupError", "IndexError", "KeyError");
        bases("NameError", "UnboundLocalError");
        bases("OSError", "BlockingIOError", "ChildProcessError", "ConnectionError", "FileExistsError",
                "FileNotFoundError", "InterruptedError", "IsADirectoryError", "NotADirectoryError", "PermissionError",
                "ProcessLookupError", "TimeoutError", "socket.gaierror", "socket.herror", "ssl.SSLError", "shutil.Error",
                "urllib.error.URLError", "requests.RequestException", "requests.exceptions.RequestException");
        bases("ConnectionError", "BrokenPipeError", "ConnectionAbortedError", "ConnectionRefusedError",
                "ConnectionResetError");
        bases("RuntimeError", "NotImplementedError", "RecursionError");
        bases("SyntaxError", "IndentationError");
        bases("IndentationError", "TabError");
        bases("ValueError", "UnicodeError", "json.JSONDecodeError", "binascii.Error");
        bases("UnicodeError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeTranslateError");
        bases("subprocess.SubprocessError", "subprocess.CalledProcessError", "subprocess.TimeoutExpired");
        bases("pickle.PickleError", "pickle.PicklingError", "pickle.UnpicklingError");
        bases("urllib.error.URLError", "urllib.error.HTTPError");
        for (String requests : List.of("ConnectionError", "HTTPError", "Timeout", "TooManyRedirects", "InvalidURL")) {
            BASES.put("requests." + requests, "requests.RequestException");
            BASES.put("requests.exceptions." + requests, "requests.RequestException");
        }
        BASES.put("BaseException", null);
    }

    private PythonExceptions() {
    }

    private static void bases(String base, String... subclasses) {
        for (String subclass : subclasses) {
            BASES.put(subclass, base);
        }
    }

    /**
     * The name the type is known by: an alias's own ({@code socket.error} is {@code OSError}), a built-in's without
     * its module (the model writes a base class as {@code builtins.ValueError}), else as written.
     */
    static String canonical(String written) {
        String name = written.startsWith("builtins.") ? written.substring("builtins.".length()) : written;
        return ALIASES.getOrDefault(name, name);
    }

    /** Whether the hierarchy knows the name (as written, after {@link #canonical}). */
    static boolean known(String name) {
        return BASES.containsKey(canonical(name));
    }

    /** The base class of a known name; empty for BaseException and for a name the hierarchy does not know. */
    static Optional<String> base(String name) {
        return Optional.ofNullable(BASES.get(canonical(name)));
    }
}
