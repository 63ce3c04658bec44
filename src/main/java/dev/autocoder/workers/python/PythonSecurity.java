package dev.autocoder.workers.python;

import dev.autocoder.workers.pythonmodel.PythonImport;
import dev.autocoder.workers.pythonmodel.PythonModelProvider.Modelled;
import dev.autocoder.workers.pythonmodel.PythonModelProvider.Site;
import dev.autocoder.workers.pythonmodel.PythonModelProvider.SqlText;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.row.Severity;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Ruff's security ({@code S}) rules as the security row reports them, with each {@code S608} (SQL text built from
 * strings) rated by what the Python model sees going into the text: a parameter of the function, unquoted, keeps
 * the table's high (the injection Bandit means); parameters each between identifier quotes as a table or schema
 * name (peewee's {@code 'SELECT name FROM "%s".sqlite_master' % schema}), medium, since no bound parameter can carry
 * one; values of the program that are no parameter, medium; parameters
 * only quoted or escaped on the way, or constants only, low; the text of an exception or log message, which is no
 * query at all, info. Ruff reads the SQL words alone (a dialect's {@code "SELECT gen_id(%s, 1)" %
 * preparer.format_sequence(seq)}, an error message naming a table). An {@code S104} (binding to all interfaces) on an
 * address a comparison tests against (werkzeug's {@code if self.host in {"0.0.0.0", "::"}:}) or that is only shown
 * (aiohttp's site name, uvicorn's "running on" log line) is info, an
 * {@code S602} (shell=True) whose command is a list of constants medium: no injection, but a list the shell
 * runs only the first item of (Django's {@code subprocess.run(['git', 'log', ...], shell=True)}), an {@code S602},
 * {@code S604} or {@code S605} whose command is its function's parameter as it came medium: the function runs its
 * callers' command (prompt_toolkit's {@code run_system_command(self, command)}), an {@code S113}
 * (a request without a timeout) that passes on its function's own {@code **kwargs} medium: the callers give the
 * timeout (sphinx's {@code requests.get(url, **kwargs)} wrapper), an {@code S324} (MD5/SHA-1) that passes on its
 * function's own parameter as {@code usedforsecurity=} low: the callers say what the digest is for (starlette's
 * {@code md5_hexdigest(data, *, usedforsecurity=True)} wrapper), that is the fallback of a branch making the same
 * digest with {@code usedforsecurity=False} (lark's Python 3.8 branch, sphinx's retry) or that makes RFC 6455's
 * Sec-WebSocket-Accept value
 * (the protocol fixes SHA-1: aiohttp, tornado, websockets) low, an {@code S307}/{@code S102} ({@code eval}/{@code
 * exec}) of one string constant low (pydantic's {@code eval('__IPYTHON__')}), Django's {@code S610}/{@code S611}
 * ({@code .extra(..)}, {@code RawSQL}) info in a repository no file of which imports Django (ruff matches the method
 * name alone: anyio's typed attributes, {@code self.extra(TLSAttribute.tls_version)}), an {@code S301} (pickle)
 * loading what its own {@code dumps} just made info (celery's check that an exception can be pickled); any report
 * inside a module's {@code if __name__ == "__main__":} block (not a package's {@code __main__.py}) a step lower than
 * the table, since it runs only when a developer runs the file as a script (pygments' regeneration scripts), and any
 * inside a call that runs only when the caller passes a permission flag defaulting to False (pydantic's
 * {@code allow_pickle}) a step lower too. Each rated finding says why; without the model, every report keeps the
 * table's severity.
 */
public final class PythonSecurity {

    private static final String SQL_BUILT_FROM_STRINGS = "S608";

    /** Django's own rules: ruff reports any method named {@code extra} and any {@code RawSQL}. */
    private static final Set<String> DJANGO_RULES = Set.of("S610", "S611");

    private static final RuffFindings.Rated NO_DJANGO = new RuffFindings.Rated(Severity.INFO,
            "no file of the repository imports Django: the call is another library's, not Django's query API");

    private static final String INSECURE_HASH = "S324";

    private static final RuffFindings.Rated WEBSOCKET_ACCEPT = digest(DigestPurpose.WEBSOCKET);

    private static final RuffFindings.Rated EVALUATES_A_CONSTANT = new RuffFindings.Rated(Severity.LOW,
            "the code evaluated is one string constant: nothing from outside goes in");

    /**
     * The shell runs the function's own parameter as it came: nothing is built into the command here, so an injection
     * would be where a caller builds one (CodeQL's py/shell-command-constructed-from-input reports only commands built
     * from a library's input, likewise).
     */
    private static final RuffFindings.Rated RUNS_ITS_CALLERS_COMMAND = new RuffFindings.Rated(Severity.MEDIUM,
            "the command is the function's own parameter, run as it came: nothing is built into it here, so the "
                    + "function runs the shell command its callers give, and whether text from outside reaches it is "
                    + "theirs to check");

    private static RuffFindings.Rated digest(DigestPurpose purpose) {
        return new RuffFindings.Rated(Severity.LOW, purpose.reason());
    }

    /** A rating a report of ruff's code gets where it lies in a site of the model's. */
    private record SiteRating(String code, Site site, RuffFindings.Rated rated) {
    }

    /**
     * S104 binding to all interfaces, S602 shell=True, S113 a request without a timeout, S324 and S303 an insecure
     * hash, S307 eval, S102 exec, S301 a pickle load.
     */
    private static final List<SiteRating> SITE_RATINGS = List.of(
            new SiteRating("S307", Site.CONSTANT_EVAL, EVALUATES_A_CONSTANT),
            new SiteRating("S102", Site.CONSTANT_EVAL, EVALUATES_A_CONSTANT),
            new SiteRating("S113", Site.FORWARDED_KEYWORDS, new RuffFindings.Rated(Severity.MEDIUM,
                    "the call passes on its function's own keyword arguments: the timeout is the callers' to give, "
                            + "and one that gives none waits forever")),
            new SiteRating(INSECURE_HASH, Site.FORWARDED_HASH_PURPOSE, digest(DigestPurpose.FORWARDED)),
            new SiteRating(INSECURE_HASH, Site.FALLBACK_HASH, digest(DigestPurpose.FALLBACK)),
            new SiteRating(INSECURE_HASH, Site.RANDOM_INPUT_HASH, digest(DigestPurpose.RANDOM)),
            new SiteRating("S303", Site.PADDING_HASH, new RuffFindings.Rated(Severity.LOW,
                    "SHA-1 in RSA's OAEP padding or its MGF1 needs no collision resistance: OAEP with SHA-1 stays "
                            + "secure, and protocols fix it (MySQL's caching_sha2_password)")),
            new SiteRating("S301", Site.SERIALIZATION_ROUND_TRIP, new RuffFindings.Rated(Severity.INFO,
                    "it loads what the program just serialized from a live object: no outside bytes")),
            new SiteRating("S104", Site.UNBOUND_ADDRESS, new RuffFindings.Rated(Severity.INFO,
                    "the address is only compared with or shown (logged, put into text), not bound to")),
            new SiteRating("S602", Site.CONSTANT_SHELL_LIST, new RuffFindings.Rated(Severity.MEDIUM,
                    "the command is constants only, so nothing is injected, but with shell=True a list runs its first "
                            + "item alone on POSIX: the others become the shell's own arguments, not the command's")),
            new SiteRating("S602", Site.WHOLE_PARAMETER_COMMAND, RUNS_ITS_CALLERS_COMMAND),
            new SiteRating("S604", Site.WHOLE_PARAMETER_COMMAND, RUNS_ITS_CALLERS_COMMAND),
            new SiteRating("S605", Site.WHOLE_PARAMETER_COMMAND, RUNS_ITS_CALLERS_COMMAND));

    private final RuffFindings findings;
    private final Map<SqlText.Source, Integer> sqlTexts;

    private PythonSecurity(RuffFindings findings, Map<SqlText.Source, Integer> sqlTexts) {
        this.findings = findings;
        this.sqlTexts = sqlTexts;
    }

    /** The security violations ruff reported, rated by the model where it knows more, asked for only when there is one. */
    public static PythonSecurity of(PythonLint lint, Snapshot snapshot, Supplier<List<Modelled>> model) {
        List<RuffViolation> violations = lint.violationsFor(RuffRules.ReportingPerspective.SECURITY);
        Map<RuffViolation, RuffFindings.Rated> rated = new HashMap<>();
        Map<SqlText.Source, Integer> sources = new EnumMap<>(SqlText.Source.class);
        Map<String, Modelled> byPath = violations.isEmpty() ? Map.of() : Modelled.byPath(model.get());
        // Django's rules mean Django's API only where the repository uses Django (without the model: not known)
        boolean djangoApi = byPath.isEmpty() || violations.stream().noneMatch(v -> DJANGO_RULES.contains(v.code()))
                || importsDjango(byPath.values());
        Set<String> webSocketGuids = violations.stream().anyMatch(v -> v.code().equals(INSECURE_HASH))
                ? webSocketGuids(byPath.values()) : Set.of();
        for (RuffViolation v : violations) {
            Modelled file = byPath.get(v.path());
            Optional<SiteRating> siteRating = file == null ? Optional.empty() : SITE_RATINGS.stream()
                    .filter(r -> r.code().equals(v.code())
                            && file.isAt(r.site(), v.diagnostic().row(), v.diagnostic().column()))
                    .findFirst();
            if (siteRating.isPresent()) {
                rated.put(v, siteRating.get().rated());
                continue;
            }
            if (v.code().equals(INSECURE_HASH) && file != null && webSocketAccept(file, v, webSocketGuids)) {
                rated.put(v, WEBSOCKET_ACCEPT);
                continue;
            }
            if (DJANGO_RULES.contains(v.code()) && !djangoApi) {
                rated.put(v, NO_DJANGO);
                continue;
            }
            if (file != null && file.isAt(Site.SCRIPT_BLOCK, v.diagnostic().row(), v.diagnostic().column())) {
                rated.put(v, stepLower(RuffFindings.tableSeverity(v), "in the module's `if __name__ == \"__main__\":` "
                        + "block: it runs only when the file is run as a script, not when the package is imported"));
                continue;
            }
            if (file != null && file.isAt(Site.OPTED_IN, v.diagnostic().row(), v.diagnostic().column())) {
                rated.put(v, stepLower(RuffFindings.tableSeverity(v), "it runs only when the caller passes a flag of "
                        + "the function that defaults to False: an explicit opt-in"));
                continue;
            }
            if (!v.code().equals(SQL_BUILT_FROM_STRINGS)) {
                continue;
            }
            Optional<SqlText> text = Optional.ofNullable(byPath.get(v.path()))
                    .flatMap(m -> m.sqlTextAt(v.diagnostic().row(), v.diagnostic().column()));
            text.ifPresent(t -> {
                sources.merge(t.source(), 1, Integer::sum);
                rated.put(v, rating(t));
            });
        }
        return new PythonSecurity(RuffFindings.of(violations, snapshot::scopeOf, rated), Map.copyOf(sources));
    }

    /**
     * Whether the hash ruff reports makes a Sec-WebSocket-Accept value: its input holds RFC 6455's GUID, written in the
     * file or bound there, or a name of {@code guids} imported into it.
     */
    private static boolean webSocketAccept(Modelled file, RuffViolation v, Set<String> guids) {
        int row = v.diagnostic().row();
        return file.isAt(Site.WEBSOCKET_ACCEPT_DIGEST, row, v.diagnostic().column())
                || file.webSocketGuids().digestInputs().stream()
                .anyMatch(i -> i.line() <= row && row <= i.endLine() && guids.contains(i.name()));
    }

    /**
     * The qualified names bound to RFC 6455's GUID in the project: where a module binds one, and where another imports
     * it in turn under a name (aiohttp's {@code WS_KEY}, bound in {@code aiohttp.http_websocket}, imported by
     * {@code aiohttp.http}, read by {@code aiohttp.client} from there).
     */
    private static Set<String> webSocketGuids(Collection<Modelled> files) {
        Set<String> guids = new HashSet<>();
        files.forEach(f -> f.webSocketGuids().names().forEach(n -> guids.add(f.module() + "." + n)));
        for (boolean grew = !guids.isEmpty(); grew; ) {
            grew = false;
            for (Modelled f : files) {
                for (PythonImport i : f.imports()) {
                    grew |= i.name() != null && guids.contains(i.qualified()) && guids.add(f.module() + "." + i.binding());
                }
            }
        }
        return guids;
    }

    private static boolean importsDjango(Collection<Modelled> files) {
        return files.stream().flatMap(f -> f.imports().stream())
                .anyMatch(i -> i.module().equals("django") || i.module().startsWith("django."));
    }

    /**
     * A step lower than the table: code that runs only when a developer runs the module as a script (pygments'
     * {@code urlopen} of the Unicode tables in its regeneration scripts), not when the package is imported, or only
     * when the caller opts in (pydantic's {@code allow_pickle=False} parameter before its {@code pickle.loads}).
     */
    private static RuffFindings.Rated stepLower(Severity table, String why) {
        return new RuffFindings.Rated(table.oneStepLower(), why);
    }

    private static RuffFindings.Rated rating(SqlText text) {
        String parameters = "`" + String.join("`, `", text.parameters()) + "`";
        return switch (text.source()) {
            case PARAMETER -> new RuffFindings.Rated(Severity.HIGH, (text.parameters().size() == 1 ? "parameter " : "parameters ")
                    + parameters + " of the function " + (text.parameters().size() == 1 ? "goes" : "go") + " into the text unquoted");
            case IDENTIFIER -> new RuffFindings.Rated(Severity.MEDIUM, parameters + " of the function "
                    + (text.parameters().size() == 1 ? "goes" : "go") + " into the text between identifier quotes, as a "
                    + "table or schema name, which no bound parameter can carry: callers must pass trusted names, since "
                    + "one holding the quote character breaks out");
            case OTHER -> new RuffFindings.Rated(Severity.MEDIUM,
                    "no parameter of the function goes into the text: check where its values come from");
            case QUOTED -> new RuffFindings.Rated(Severity.LOW, text.parameters().isEmpty()
                    ? "only quoted or escaped values, numbers and constants go into the text"
                    : parameters + " " + (text.parameters().size() == 1 ? "goes" : "go") + " into the text only quoted or escaped");
            case CONSTANT -> new RuffFindings.Rated(Severity.LOW, "built from constants only: nothing from outside goes in");
            case MESSAGE -> new RuffFindings.Rated(Severity.INFO, "the text of an exception or log message, not a query");
        };
    }

    public RuffFindings findings() {
        return findings;
    }

    /** How many of ruff's S608 reports the model saw built from each kind of value, by kind. */
    public Map<SqlText.Source, Integer> sqlTexts() {
        return sqlTexts;
    }
}
