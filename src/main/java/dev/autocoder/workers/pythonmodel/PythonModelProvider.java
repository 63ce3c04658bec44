package dev.autocoder.workers.pythonmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.analysis.cache.AnalysisCaches;
import dev.autocoder.workers.analysis.cache.DiskCache;
import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.javamodel.FileModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The test planner's model of a snapshot's Python files, built by Python's own {@code ast} module in a helper
 * process ({@code autocoder.python.interpreter}, default {@code python3}). Each content is modelled once: models are
 * cached by git blob id (with the module name, which depends on the folders around the file); files not yet cached
 * go to the helper in batches, one process per batch. The models of the tree just modelled, at its current and its
 * previous snapshot, are always kept; those of the trees modelled before it (a fleet's other targets) too, most
 * recent first, as long as the cache holds no more than {@value #MAX_CACHED} models, so the workers' passes over
 * several targets do not evict each other's models and run Python again.
 * <p>
 * A syntax error, a file nested too deeply or one that takes longer than the per-file budget
 * ({@code autocoder.analysis.file-time-budget}) becomes that file's parse error. When the interpreter cannot be
 * started every Python file says so, with how to install it; that answer is not cached, so installing Python is
 * enough.
 */
@Component
public class PythonModelProvider {

    private static final Logger log = LoggerFactory.getLogger(PythonModelProvider.class);
    static final int MAX_CACHED = 50_000;
    private static final int BATCH_FILES = 200;
    private static final long BATCH_BYTES = 8L * 1024 * 1024;

    private final PythonModelRunner runner;
    /** The helper's answers of an earlier run of the application, by cache key; null without a disk cache. */
    private final DiskCache<JsonNode> disk;
    private final Map<String, Modelled> byKey = new ConcurrentHashMap<>();
    /** The cache keys of each tree's current and previous snapshot, least recently modelled first; guarded by itself. */
    private final Map<Path, TreeKeys> keysByTree = new LinkedHashMap<>(16, 0.75f, true);

    @Autowired
    public PythonModelProvider(AutocoderProperties properties, @Qualifier(AutocoderJson.MAPPER) ObjectMapper json) {
        this(new PythonModelRunner(properties.getPython().getInterpreter(), properties.getAnalysis().getFileTimeBudget(), json),
                AnalysisCaches.folder(properties, "python-model"));
    }

    /** Without Spring (the tests): a mapper made like the application's, no disk cache. */
    public PythonModelProvider(String interpreter, Duration fileBudget) {
        this(interpreter, fileBudget, null);
    }

    /** With the helper's answers also kept in the disk cache in {@code diskCache} (none when null). */
    public PythonModelProvider(String interpreter, Duration fileBudget, Path diskCache) {
        this(new PythonModelRunner(interpreter, fileBudget, AutocoderJson.newObjectMapper()), diskCache);
    }

    private PythonModelProvider(PythonModelRunner runner, Path diskCache) {
        this.runner = runner;
        // the helper's own bytes and the interpreter stamp its answers: a new helper or interpreter models again
        this.disk = diskCache == null ? null : DiskCache.open(diskCache, Map.of("helper", runner.scriptFingerprint(),
                "interpreter", runner.interpreter(), "code", DiskCache.codeFingerprint(PythonModelRunner.class)), JsonNode.class);
    }

    /**
     * One Python file as modelled: the planner's model, the file's dotted module name, its imports, the line
     * spans of its functions that only the loop iteration defining them calls, the line spans of its
     * {@code @typing.overload} declarations, which the model leaves out, and the lines of its bare {@code raise}
     * statements that re-raise a calling handler's exception, its lambdas passed in a loop, the line spans of its
     * tables of constants written out, its strings built with SQL words in them, the lines of its {@code __init__}
     * returns of a method's None, the line where it first binds each module-level name, its {@code __all__}, its
     * {@link Site sites} of each kind: the regions only Python 2 runs, its reads of a local a loop binds only further
     * down, its container defaults a function only reads, ..., its calls written as parameter defaults with its
     * factories of unchanging instances, and its names for RFC 6455's GUID with the names it imports into a digest's
     * input (all empty when the file could not be modelled).
     */
    public record Modelled(FileModel model, String module, List<PythonImport> imports, List<Lines> iterationLocalFunctions,
                           List<Lines> overloadStubs, List<Integer> handlerReraises, LoopLambdas loopLambdas,
                           List<Lines> literalTables, List<SqlText> sqlTexts, List<Integer> initReturnsNone,
                           Map<String, Integer> bindings, List<String> exports, Map<Site, List<Region>> sites,
                           Defaults defaults, WebSocketGuids webSocketGuids) {

        Modelled(FileModel model, String module, List<PythonImport> imports) {
            this(model, module, imports, List.of(), List.of(), List.of(), LoopLambdas.NONE, List.of(), List.of(),
                    List.of(), Map.of(), List.of(), Map.of(), Defaults.NONE, WebSocketGuids.NONE);
        }

        /** Whether line {@code row}, column {@code column} (from 1, as ruff counts) lies in a site of that kind. */
        public boolean isAt(Site site, int row, int column) {
            return sites.getOrDefault(site, List.of()).stream().anyMatch(r -> r.contains(row, column - 1));
        }

        /**
         * Whether line {@code line} is a {@code return self.method(..)} in an {@code __init__} whose method never
         * returns a value, or a return of what a base's {@code __init__} gives: no TypeError, only misleading code.
         */
        public boolean returnsNoneFromInit(int line) {
            return initReturnsNone.contains(line);
        }

        /**
         * The string built with SQL words in it that starts at line {@code row}, column {@code column} (from 1, as
         * ruff counts), or else the first one on that line.
         */
        public Optional<SqlText> sqlTextAt(int row, int column) {
            return sqlTexts.stream().filter(t -> t.line() == row && t.column() == column - 1).findFirst()
                    .or(() -> sqlTexts.stream().filter(t -> t.line() == row).findFirst());
        }

        /** The files by repository path, in the given order. */
        public static Map<String, Modelled> byPath(List<Modelled> files) {
            Map<String, Modelled> byPath = new LinkedHashMap<>();
            files.forEach(f -> byPath.put(f.model().path(), f));
            return byPath;
        }

        /** Whether {@code line} lies in a function that only the loop iteration defining it calls. */
        public boolean inIterationLocalFunction(int line) {
            return iterationLocalFunctions.stream().anyMatch(l -> l.first() <= line && line <= l.last());
        }

        /**
         * Whether the bare {@code raise} at {@code line} is outside any except clause of a function the module calls
         * only from inside except clauses: it re-raises the calling handler's exception (flask's
         * {@code handle_user_exception}).
         */
        public boolean reraisesForHandler(int line) {
            return handlerReraises.contains(line);
        }

        /** Whether lines {@code first..last} overlap an {@code @typing.overload} declaration. */
        public boolean overlapsOverloadStub(int first, int last) {
            return overloadStubs.stream().anyMatch(l -> l.first() <= last && first <= l.last());
        }

        /**
         * Whether lines {@code first..last} lie in one table of constants written out (a dict, list, tuple or set of
         * literals assigned to a name; tables apart only by blank or comment lines count as one).
         */
        public boolean withinLiteralTable(int first, int last) {
            return literalTables.stream().anyMatch(l -> l.first() <= first && last <= l.last());
        }
    }

    /**
     * The lambdas a file writes in a loop, and the functions it defines there, that go only to calls of named functions
     * or methods, and what each of its module functions and methods does with its parameters: a lambda passed to a
     * parameter it only calls runs before the loop moves on, so it sees the iteration's own loop variables
     * (paramiko's {@code retry_on_signal(lambda: sock.connect(addr))}).
     *
     * @param passed           each lambda's or function's lines, the callee's qualified name and the argument's
     *                         position or keyword, one per call it goes to
     * @param calledParameters by module function name or {@code Class.method}, its parameters
     */
    public record LoopLambdas(List<PassedLambda> passed, Map<String, CalledParameters> calledParameters) {

        static final LoopLambdas NONE = new LoopLambdas(List.of(), Map.of());

        /**
         * A lambda or function on lines {@code first..last}, passed as argument {@code position} (from 0; -1 for a
         * keyword) or as {@code keyword} ("" for a position) to {@code callee}; {@code kept} when the call is one
         * that keeps functions for later (a thread's target, a registry, a container) or what it gives is stored
         * beyond a local of the iteration.
         */
        public record PassedLambda(int first, int last, String callee, int position, String keyword, boolean kept) {
        }

        /**
         * @param positional the parameters a call's positions go to, in order (after a method's self or cls)
         * @param called     the parameters the function only calls
         * @param handed     the parameters it calls or passes on to calls that neither keep them nor give something kept
         */
        public record CalledParameters(List<String> positional, Set<String> called, Set<String> handed) {
        }

        /** What a function does with the parameter a lambda goes to. */
        public enum ParameterUse {
            /** Only calls it: the lambda runs while the call lasts. */
            CALLED,
            /** Calls it or passes it on to calls that keep nothing the model sees. */
            HANDED,
            /** Stores, returns or captures it, or hands it to a call that keeps it. */
            KEPT
        }

        static LoopLambdas of(JsonNode passed, JsonNode called) {
            List<PassedLambda> lambdas = new ArrayList<>();
            passed.forEach(l -> lambdas.add(new PassedLambda(l.path(0).asInt(), l.path(1).asInt(), l.path(2).asText(),
                    l.path(3).asInt(), l.path(4).asText(), l.path(5).asBoolean())));
            Map<String, CalledParameters> parameters = new HashMap<>();
            called.fields().forEachRemaining(e -> parameters.put(e.getKey(), new CalledParameters(
                    texts(e.getValue().path("positional")), Set.copyOf(texts(e.getValue().path("called"))),
                    Set.copyOf(texts(e.getValue().path("handed"))))));
            return lambdas.isEmpty() && parameters.isEmpty() ? NONE : new LoopLambdas(List.copyOf(lambdas), Map.copyOf(parameters));
        }

        /** Each call the innermost lambda or function passed in a loop that spans {@code line} goes to; empty for none. */
        public List<PassedLambda> passedAt(int line) {
            List<PassedLambda> spanning = passed.stream().filter(l -> l.first() <= line && line <= l.last()).toList();
            return spanning.stream().min(Comparator.comparingInt(l -> l.last() - l.first()))
                    .map(innermost -> spanning.stream().filter(l -> l.first() == innermost.first()
                            && l.last() == innermost.last()).toList())
                    .orElse(List.of());
        }

        /**
         * What {@code function} (a module function, or {@code Class.method}) does with the parameter the lambda goes
         * to; empty when this file defines no such function with parameters (or it is a generator).
         */
        public Optional<ParameterUse> use(String function, PassedLambda lambda) {
            CalledParameters parameters = calledParameters.get(function);
            if (parameters == null) {
                return Optional.empty();
            }
            String name = !lambda.keyword().isEmpty() ? lambda.keyword()
                    : lambda.position() >= 0 && lambda.position() < parameters.positional().size()
                    ? parameters.positional().get(lambda.position()) : null;
            return Optional.of(name == null ? ParameterUse.KEPT : parameters.called().contains(name) ? ParameterUse.CALLED
                    : parameters.handed().contains(name) ? ParameterUse.HANDED : ParameterUse.KEPT);
        }
    }

    /**
     * A string built with SQL words in it ({@code "SELECT %s" % x}, {@code f"..{x}"}, {@code "..".format(x)},
     * {@code "SELECT " + x}) at line {@code line}, column {@code column} (from 0), and what goes into it.
     *
     * @param parameters the function's parameters whose text reaches it (for {@link Source#PARAMETER} and
     *                   {@link Source#QUOTED})
     */
    public record SqlText(int line, int column, Source source, List<String> parameters) {

        /** What the values put into the text come from, as the model's walk of the function sees it. */
        public enum Source {
            /** A parameter of the function, neither quoted nor escaped on the way. */
            PARAMETER,
            /**
             * Parameters of the function, each between identifier quotes in the text as a table or schema name
             * ({@code 'SELECT name FROM "%s".sqlite_master' % schema}), neither escaped on the way.
             */
            IDENTIFIER,
            /** Parameters only through a function named for quoting or escaping ({@code quote_identifier}). */
            QUOTED,
            /** Constants only: literals, names only ever bound to them, entries of tables of them. */
            CONSTANT,
            /** It is the text of an exception, warning or log message: no query. */
            MESSAGE,
            /** Values of the program that are no parameter of the function (attributes, other calls' results). */
            OTHER
        }

        static List<SqlText> of(JsonNode texts) {
            List<SqlText> out = new ArrayList<>();
            texts.forEach(t -> out.add(new SqlText(t.path(0).asInt(), t.path(1).asInt(),
                    Source.valueOf(t.path(2).asText().toUpperCase(Locale.ROOT)), texts(t.path(3)))));
            return List.copyOf(out);
        }
    }

    /**
     * The calls a file writes as parameter defaults, each with what it calls, and the names of the file's classes no
     * method of which changes an instance once made, and of its functions that return one (fastapi's
     * {@code Default(value)} / {@code return DefaultPlaceholder(value)}).
     */
    public record Defaults(List<Call> calls, List<String> frozenFactories) {

        static final Defaults NONE = new Defaults(List.of(), List.of());

        /** A default's call at line {@code line}, column {@code column} (from 0), of {@code callee} (qualified). */
        public record Call(int line, int column, String callee) {
        }

        /** The default's call at line {@code row}, column {@code column} (from 1, as ruff counts). */
        public Optional<Call> at(int row, int column) {
            return calls.stream().filter(c -> c.line() == row && c.column() == column - 1).findFirst();
        }

        static Defaults of(JsonNode calls, JsonNode frozenFactories) {
            List<Call> out = new ArrayList<>();
            calls.forEach(c -> out.add(new Call(c.path(0).asInt(), c.path(1).asInt(), c.path(2).asText())));
            return new Defaults(List.copyOf(out), texts(frozenFactories));
        }
    }

    /**
     * The module-level names a file binds to RFC 6455's GUID (aiohttp's {@code WS_KEY}), and the names it imports into
     * the input of a hashlib call (aiohttp's {@code hashlib.sha1(sec_key + WS_KEY)}, {@code WS_KEY} from
     * {@code aiohttp.http}): whether that digest is a Sec-WebSocket-Accept value is for the module it comes from to say.
     */
    public record WebSocketGuids(List<String> names, List<DigestInput> digestInputs) {

        static final WebSocketGuids NONE = new WebSocketGuids(List.of(), List.of());

        /** A name, qualified, read in the input of a hashlib call on lines {@code line..endLine}. */
        public record DigestInput(int line, int endLine, String name) {
        }

        static WebSocketGuids of(JsonNode names, JsonNode inputs) {
            List<DigestInput> out = new ArrayList<>();
            inputs.forEach(i -> out.add(new DigestInput(i.path(0).asInt(), i.path(1).asInt(), i.path(2).asText())));
            return new WebSocketGuids(texts(names), List.copyOf(out));
        }
    }

    /** From line {@code line}, column {@code column} (from 0) to just before {@code endColumn} of {@code endLine}. */
    public record Region(int line, int column, int endLine, int endColumn) {

        boolean contains(int row, int col) {
            boolean fromStart = row > line || row == line && col >= column;
            boolean beforeEnd = row < endLine || row == endLine && col < endColumn;
            return fromStart && beforeEnd;
        }

        static List<Region> of(JsonNode regions) {
            List<Region> out = new ArrayList<>();
            regions.forEach(r -> out.add(new Region(r.path(0).asInt(), r.path(1).asInt(), r.path(2).asInt(), r.path(3).asInt())));
            return List.copyOf(out);
        }
    }

    /**
     * The kinds of places in a file where the model knows something a ruff report does not, each under its name in
     * the model's {@code "sites"}.
     */
    public enum Site {
        /**
         * A {@code for} loop's variable that rebinds a name its iterable reads where that does no harm: the iterable
         * is evaluated once, nothing reads the name after the loop, no enclosing loop evaluates the iterable again
         * with it (or the iterable only names a comprehension's own variable).
         */
        REBOUND_ITERABLE("rebound_iterables"),
        /**
         * An {@code __all__} joined from names, lists and tuples with {@code +}, or taken from {@code dir(..)},
         * {@code list(..)} or {@code sorted(..)}: a list when the module runs.
         */
        CONCATENATED_ALL("concatenated_all"),
        /** A call with {@code shell=True} whose command is a list of string constants. */
        CONSTANT_SHELL_LIST("constant_shell_lists"),
        /**
         * A call running through a shell the command its function was given, as it came ({@code Popen(command,
         * shell=True)} in {@code run_system_command(self, command)}): nothing is built into the command there.
         */
        WHOLE_PARAMETER_COMMAND("whole_parameter_commands"),
        /** A call passing on its function's own keyword arguments ({@code requests.get(url, **kwargs)}). */
        FORWARDED_KEYWORDS("forwarded_keywords"),
        /** An {@code eval}/{@code exec} of one string constant ({@code eval('__IPYTHON__')}). */
        CONSTANT_EVAL("constant_evals"),
        /**
         * A call that runs only when its function's caller opted in: a parameter defaulting to False and named for a
         * permission is true there ({@code if not allow_pickle: raise ..} before it).
         */
        OPTED_IN("opted_in_calls"),
        /** A hash call passing on its function's own parameter as {@code usedforsecurity=}. */
        FORWARDED_HASH_PURPOSE("forwarded_hash_purposes"),
        /**
         * A hashlib call without {@code usedforsecurity=} in one branch of an if or try whose other branch makes the
         * same call with {@code usedforsecurity=False}: the fallback for a Python or OpenSSL without the argument.
         */
        FALLBACK_HASH("fallback_hashes"),
        /**
         * A hashlib call whose input holds RFC 6455's GUID, written there or a name its module binds to it: a
         * Sec-WebSocket-Accept value.
         */
        WEBSOCKET_ACCEPT_DIGEST("websocket_accept_digests"),
        /** A load of what the same module's dumps of a live object gives ({@code pickle.loads(pickle.dumps(exc))}). */
        SERIALIZATION_ROUND_TRIP("serialization_round_trips"),
        /** A SHA-1 handed to RSA's OAEP padding or its MGF1 ({@code padding.MGF1(algorithm=hashes.SHA1())}). */
        PADDING_HASH("padding_hashes"),
        /** An MD5 or SHA-1 digest of a value random bytes go into ({@code s += os.urandom(8)}; {@code hashlib.sha1(s)}). */
        RANDOM_INPUT_HASH("random_input_hashes"),
        /**
         * An imported name a type comment uses ({@code # type: Optional[Dict[str, Any]]}): type checkers read it,
         * ruff does not.
         */
        TYPE_COMMENT_IMPORT("type_comment_imports"),
        /** The def line of a function whose McCabe complexity lies mostly in the functions it defines. */
        COMPLEXITY_MOSTLY_NESTED("complexity_mostly_nested"),
        /**
         * The body of a module's {@code if __name__ == "__main__":} block, the module not a package's
         * {@code __main__.py}: it runs only when the file is run as a script.
         */
        SCRIPT_BLOCK("script_blocks"),
        /** The docstring of the module, a class or a function: documentation, its values examples. */
        DOCSTRING("docstrings"),
        /** A line with directional marks only, no embedding, override or isolate that could reorder the code. */
        BIDI_MARKS_ONLY("bidi_marks_only"),
        /**
         * A read of a local that the enclosing loop binds only further down, with no binding before the loop: the
         * previous iteration's value.
         */
        LOOP_CARRIED_READ("loop_carried_reads"),
        /**
         * An annotation Python never evaluates: a variable's inside a function body, any under {@code from __future__
         * import annotations}, a string annotation's text. A name there that nothing binds raises no NameError.
         */
        UNEVALUATED_ANNOTATION("unevaluated_annotations"),
        /**
         * A class declaring a zope.interface interface (deriving from {@code zope.interface.Interface}): its methods
         * are written without {@code self}.
         */
        INTERFACE_DECLARATION("interface_declarations"),
        /**
         * A branch a Python-version test sends only Python 2 to ({@code str if PY3 else unicode}), or a method only
         * Python 2 calls ({@code __unicode__}).
         */
        PYTHON2_ONLY("python2_only"),
        /**
         * An all-interfaces address nothing binds to: one a comparison tests against ({@code host in {"0.0.0.0",
         * "::"}}), or one a local holds that its function only compares, logs or puts into text.
         */
        UNBOUND_ADDRESS("unbound_addresses"),
        /**
         * A parameter default making a new container (B006) that its function only reads: iterates, tests, indexes,
         * hands to a built-in that keeps nothing.
         */
        READ_DEFAULT("read_defaults"),
        /**
         * A call written as a parameter default (B008) whose parameter the function never uses (an abstract method, a
         * stub) or only tests and reads attributes of, none called, kept or handed on.
         */
        INSPECTED_DEFAULT("inspected_defaults"),
        /** A call written as the default of a private parameter ({@code _name}): made once, on purpose, to share. */
        PRIVATE_DEFAULT("private_defaults"),
        /**
         * The whole of a module that binds names through {@code globals()} without writing them out ({@code
         * globals()[name] = ..}, {@code g.update(..)}, {@code patcher.inject(.., globals(), ..)}): a name ruff finds
         * unbound there may be bound.
         */
        GLOBALS_WRITTEN("globals_written"),
        /** A parameter default making a new container (B006) that its function hands to another call, and no worse. */
        PASSED_DEFAULT("passed_defaults"),
        /**
         * A parameter default making a new container (B006) that its method stores in an attribute of the instance
         * its class only reads ({@code self._comps = comps}).
         */
        STORED_DEFAULT("stored_defaults"),
        /**
         * A parameter default making a new container (B006) for a private parameter (one leading {@code _}) that its
         * function changes: its memory across calls ({@code def _normalize_cached(filename, _cache={})}).
         */
        MEMO_DEFAULT("memo_defaults");

        private final String key;

        Site(String key) {
            this.key = key;
        }

        static Map<Site, List<Region>> of(JsonNode sites) {
            Map<Site, List<Region>> out = new EnumMap<>(Site.class);
            for (Site site : values()) {
                List<Region> regions = Region.of(sites.path(site.key));
                if (!regions.isEmpty()) {
                    out.put(site, regions);
                }
            }
            return out.isEmpty() ? Map.of() : Collections.unmodifiableMap(out);
        }
    }

    /** Lines {@code first} to {@code last} of a file, both included. */
    public record Lines(int first, int last) {

        static List<Lines> of(JsonNode spans) {
            List<Lines> out = new ArrayList<>();
            spans.forEach(span -> out.add(new Lines(span.path(0).asInt(), span.path(1).asInt())));
            return List.copyOf(out);
        }
    }

    /** The model of every Python file of the snapshot, in the snapshot's order. */
    public List<FileModel> model(Snapshot snapshot) {
        return modelled(snapshot).stream().map(Modelled::model).toList();
    }

    /** Every Python file of the snapshot with its module name and imports, in the snapshot's order. */
    public List<Modelled> modelled(Snapshot snapshot) {
        List<SourceFile> files = snapshot.files(Language.PYTHON);
        if (files.isEmpty()) {
            return List.of();
        }
        Set<String> paths = snapshot.files().stream().map(SourceFile::path).collect(Collectors.toSet());
        Map<String, Modelled> models = new LinkedHashMap<>();
        List<Missing> missing = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (SourceFile file : files) {
            String module = PythonModules.moduleName(file.path(), paths);
            String key = key(file.contentHash(), module);
            keys.add(key);
            models.put(file.path(), null);
            if (!file.isAnalyzableText()) {
                models.put(file.path(), new Modelled(PythonModelMapper.failed(file.path(), file.contentHash(),
                        file.binary() ? "binary file" : "larger than autocoder.analysis.max-file-size",
                        PythonModules.isTestPath(file.path())), module, List.of()));
                continue;
            }
            Modelled cached = byKey.get(key);
            if (cached != null) {
                models.put(file.path(), atPath(cached, file.path()));
                continue;
            }
            missing.add(new Missing(file, module, key));
        }
        if (disk != null) {
            disk.retainForTree(snapshot.root(), keys);
            missing.removeIf(m -> {
                JsonNode answer = disk.read(m.key());
                if (answer != null) {
                    models.put(m.file().path(), modelled(m.file().path(), m.module(), m.file().contentHash(), answer));
                }
                return answer != null;
            });
        }
        // the texts of one batch at a time: a first pass over a large tree would otherwise hold every text at once
        for (List<Missing> batch : batches(missing)) {
            List<PythonModelRunner.Source> sources = new ArrayList<>();
            Map<String, String> hashes = new HashMap<>();
            for (Missing m : batch) {
                try {
                    sources.add(new PythonModelRunner.Source(m.file().path(), m.module(),
                            PythonModules.isPackageInit(m.file().path()), snapshot.read(m.file())));
                    hashes.put(m.file().path(), m.file().contentHash());
                } catch (IOException e) {
                    models.put(m.file().path(), new Modelled(PythonModelMapper.failed(m.file().path(), m.file().contentHash(),
                            "unreadable: " + e.getClass().getSimpleName(), PythonModules.isTestPath(m.file().path())),
                            m.module(), List.of()));
                }
            }
            if (!sources.isEmpty()) {
                modelled(sources, hashes, disk).forEach(models::put);
            }
        }
        keepInMemory(snapshot.root(), keys);
        return List.copyOf(models.values());
    }

    /** A file not modelled yet, with its module name and cache key. */
    private record Missing(SourceFile file, String module, String key) {
    }

    /** Models one text known by its blob id (a file at an earlier commit), through the same cache. */
    public FileModel parse(String path, String blobId, String text, String module) {
        Modelled cached = byKey.get(key(blobId, module));
        if (cached != null) {
            return atPath(cached, path).model();
        }
        // an earlier commit's content: not kept on disk, where only the current snapshot's answers stay
        return modelled(List.of(new PythonModelRunner.Source(path, module, PythonModules.isPackageInit(path), text)),
                Map.of(path, blobId), null).get(path).model();
    }

    /** Models a batch; each answer is also written to {@code onDisk} when it is not null. */
    private Map<String, Modelled> modelled(List<PythonModelRunner.Source> batch, Map<String, String> hashes,
                                           DiskCache<JsonNode> onDisk) {
        Map<String, PythonModelRunner.Source> byPath = new HashMap<>();
        batch.forEach(source -> byPath.put(source.path(), source));
        Map<String, Modelled> out = new LinkedHashMap<>();
        Optional<String> failure = runner.run(batch, json -> {
            PythonModelRunner.Source source = byPath.get(json.path("path").asText());
            if (source != null) {
                String hash = hashes.get(source.path());
                out.put(source.path(), modelled(source.path(), source.module(), hash, json));
                if (onDisk != null) {
                    onDisk.write(key(hash, source.module()), json);
                }
            }
        });
        failure.ifPresent(why -> log.warn("Python model of {} file(s) not built: {}", batch.size(), why));
        for (PythonModelRunner.Source source : batch) {
            if (out.containsKey(source.path())) {
                continue;
            }
            String why = failure.orElse("the Python model helper gave no answer for it");
            out.put(source.path(), new Modelled(PythonModelMapper.failed(source.path(), hashes.get(source.path()), why,
                    PythonModules.isTestPath(source.path())), source.module(), List.of()));
            if (!why.startsWith("skipped:")) { // a missing interpreter is not a property of the content: try again next time
                putBounded(key(hashes.get(source.path()), source.module()), out.get(source.path()));
            }
        }
        return out;
    }

    /** One file's model as the helper answered it, cached by its content. */
    private Modelled modelled(String path, String module, String hash, JsonNode json) {
        Modelled model;
        try {
            FileModel file = PythonModelMapper.file(path, hash, json);
            model = file.parsed() ? new Modelled(file, module, PythonImport.of(json.path("imports")),
                    Lines.of(json.path("iteration_local_functions")), Lines.of(json.path("overload_stubs")),
                    lineNumbers(json.path("handler_reraises")),
                    LoopLambdas.of(json.path("loop_lambdas"), json.path("called_parameters")),
                    Lines.of(json.path("literal_tables")),
                    SqlText.of(json.path("sql_texts")), lineNumbers(json.path("init_returns_none")),
                    bindings(json.path("bindings")), texts(json.path("all")), Site.of(json.path("sites")),
                    Defaults.of(json.path("default_calls"), json.path("frozen_factories")),
                    WebSocketGuids.of(json.path("websocket_guids"), json.path("digest_imports")))
                    : new Modelled(file, module, List.of());
        } catch (RuntimeException e) {
            model = new Modelled(PythonModelMapper.failed(path, hash, "model not readable: "
                    + e.getClass().getSimpleName(), PythonModules.isTestPath(path)), module, List.of());
        }
        putBounded(key(hash, module), model);
        return model;
    }

    private static Map<String, Integer> bindings(JsonNode lines) {
        Map<String, Integer> out = new HashMap<>();
        lines.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asInt()));
        return Map.copyOf(out);
    }

    /** The strings of a JSON array; empty for null or a missing field. */
    public static List<String> texts(JsonNode texts) {
        List<String> out = new ArrayList<>();
        texts.forEach(t -> out.add(t.asText()));
        return List.copyOf(out);
    }

    private static List<Integer> lineNumbers(JsonNode lines) {
        List<Integer> out = new ArrayList<>();
        lines.forEach(line -> out.add(line.asInt()));
        return List.copyOf(out);
    }

    private void putBounded(String key, Modelled model) {
        if (byKey.size() >= MAX_CACHED) {
            byKey.clear(); // far beyond any snapshot: start over rather than grow without bound
        }
        byKey.put(key, model);
    }

    /** Batches of at most {@value #BATCH_FILES} files and {@value #BATCH_BYTES} bytes (one file may be larger). */
    private static List<List<Missing>> batches(List<Missing> files) {
        List<List<Missing>> batches = new ArrayList<>();
        List<Missing> current = new ArrayList<>();
        long bytes = 0;
        for (Missing file : files) {
            if (!current.isEmpty() && (current.size() >= BATCH_FILES || bytes + file.file().size() > BATCH_BYTES)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(file);
            bytes += file.file().size();
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private static String key(String blobId, String module) {
        return module + ":" + blobId;
    }

    private static Modelled atPath(Modelled modelled, String path) {
        FileModel model = modelled.model();
        if (model.path().equals(path)) {
            return modelled;
        }
        return new Modelled(new FileModel(path, model.contentHash(), model.packageName(), model.imports(), model.types(),
                model.parseError(), model.test() || PythonModules.isTestPath(path)), modelled.module(), modelled.imports(),
                modelled.iterationLocalFunctions(), modelled.overloadStubs(),
                modelled.handlerReraises(), modelled.loopLambdas(), modelled.literalTables(), modelled.sqlTexts(),
                modelled.initReturnsNone(), modelled.bindings(), modelled.exports(), modelled.sites(), modelled.defaults(),
                modelled.webSocketGuids());
    }

    /** Keeps this tree's models, and the other trees' most recent first while they fit. */
    private void keepInMemory(Path root, Set<String> current) {
        synchronized (keysByTree) {
            TreeKeys before = keysByTree.get(root);
            keysByTree.put(root, before == null ? new TreeKeys(Set.copyOf(current), Set.of()) : before.next(current));
            List<Map.Entry<Path, TreeKeys>> newestFirst = new ArrayList<>(keysByTree.entrySet());
            Collections.reverse(newestFirst);
            Set<String> kept = new HashSet<>();
            for (Map.Entry<Path, TreeKeys> tree : newestFirst) {
                Set<String> keys = tree.getValue().all();
                if (!kept.isEmpty() && kept.size() + keys.size() > MAX_CACHED) {
                    keysByTree.remove(tree.getKey());
                    continue;
                }
                kept.addAll(keys);
            }
            byKey.keySet().retainAll(kept);
        }
    }

    /** A tree's cache keys at its current snapshot and at the one before (another worker may still read that). */
    private record TreeKeys(Set<String> current, Set<String> previous) {

        TreeKeys next(Set<String> now) {
            return now.equals(current) ? this : new TreeKeys(Set.copyOf(now), current);
        }

        Set<String> all() {
            Set<String> all = new HashSet<>(current);
            all.addAll(previous);
            return all;
        }
    }
}
