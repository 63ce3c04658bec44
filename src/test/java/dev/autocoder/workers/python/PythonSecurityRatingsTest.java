package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.analysis.secrets.SecretScanner;
import dev.autocoder.workers.analysis.security.SecurityPerspective;
import dev.autocoder.workers.pythonmodel.PythonModelProvider;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ruff's S608 reads SQL words in a string built from values: on SQLAlchemy's dialects 21 high findings led the
 * security row, nearly all a quoted identifier ({@code "SELECT gen_id(%s, 1)" % preparer.format_sequence(seq)}), a
 * table name chosen between constants, or an error message naming a table. The Python model says what goes into
 * each text: only a parameter of the function, unquoted, keeps high.
 */
class PythonSecurityRatingsTest {

    @TempDir
    Path root;

    @Test
    void sqlTextIsRatedByWhatGoesIntoIt() {
        TestSnapshots.write(root, "store.py", """
                KINDS = {"plain": "v", "materialized": "m"}


                def by_name(conn, name):
                    return conn.execute("SELECT id FROM users WHERE name = '%s'" % name)


                def view_names(conn, include):
                    kinds = [KINDS[i] for i in include]
                    return conn.execute("SELECT relname FROM pg_class WHERE relkind IN (%s)"
                                        % ", ".join("'%s'" % k for k in kinds))


                def table_names(conn, temporary):
                    master = "sqlite_temp_master" if temporary else "sqlite_master"
                    return conn.execute("SELECT name FROM %s WHERE type = 'table'" % master)


                def next_value(conn, preparer, seq):
                    return conn.execute("SELECT nextval(%s) FROM dual" % preparer.quote_identifier(seq))


                def delete(table, key):
                    if key is None:
                        raise ValueError("Can't DELETE FROM table %s using NULL for the key" % table)


                class Counter:
                    def count(self):
                        return self.conn.execute("SELECT count(*) FROM %s" % self.table)


                def insert(conn, rows):
                    conn.executemany("insert into arc " +
                                     "(file_id, tono) values (?, ?)", rows)


                class Cache:
                    def get_many(self, connection, keys):
                        quote_name = connection.ops.quote_name
                        table = quote_name(self._table)
                        return connection.execute("SELECT %s FROM %s WHERE %s IN (%s)" % (
                            quote_name("value"), table, quote_name("cache_key"), ", ".join(["%s"] * len(keys))), keys)


                def tables(conn, schema):
                    return conn.execute('SELECT name FROM "%s".sqlite_master WHERE type=?' % schema, ("table",))


                def isolation_level(dbapi_connection):
                    cursor = dbapi_connection.cursor()
                    cursor.execute("SELECT name FROM sys.system_views")
                    row = cursor.fetchone()
                    view_name = "sys.{}".format(row[0])
                    return cursor.execute("SELECT transaction_isolation_level FROM {} WHERE session_id = @@SPID".format(view_name))


                def remake(conn, quote_name, model):
                    mapping = {f.column: quote_name(f.column) for f in model.fields}
                    return conn.execute("INSERT INTO %s SELECT %s FROM %s" % (
                        quote_name(model.table), ", ".join(mapping.values()), quote_name(model.old_table)))


                def columns(conn, quote_name, model):
                    mapping = {f.column: quote_name(f.column) for f in model.fields}
                    return conn.execute("SELECT %s FROM t" % ", ".join(mapping))
                """);

        PerspectiveResult security = withModel().analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(security.findings()).filteredOn(f -> f.rule().equals("S608"))
                .extracting(f -> f.line() + " " + f.severity() + " " + f.message().replaceFirst("^[^(]*\\(", "("))
                .containsExactlyInAnyOrder(
                        "5 HIGH (parameter `name` of the function goes into the text unquoted)",
                        "10 LOW (built from constants only: nothing from outside goes in)",
                        "16 LOW (built from constants only: nothing from outside goes in)",
                        "20 LOW (`seq` goes into the text only quoted or escaped)",
                        "25 INFO (the text of an exception or log message, not a query)",
                        "30 MEDIUM (no parameter of the function goes into the text: check where its values come from)",
                        // coverage.py wraps its long queries: nothing goes in
                        "34 LOW (built from constants only: nothing from outside goes in)",
                        // Django's database cache quotes the table and column names it puts in
                        "42 LOW (only quoted or escaped values, numbers and constants go into the text)",
                        // peewee's schema name: an identifier, which no bound parameter can carry
                        "47 MEDIUM (`schema` of the function goes into the text between identifier quotes, as a table "
                                + "or schema name, which no bound parameter can carry: callers must pass trusted names, "
                                + "since one holding the quote character breaks out)",
                        // SQLAlchemy's MSSQL dialect: a view name the server answered through the connection it was given
                        "55 MEDIUM (no parameter of the function goes into the text: check where its values come from)",
                        // Django's SQLite schema editor: a dict keyed by column names, its values quoted; .values()
                        // puts no key in, iterating the dict puts the keys in unquoted
                        "60 LOW (`model` goes into the text only quoted or escaped)",
                        "66 HIGH (parameter `model` of the function goes into the text unquoted)");
        assertThat(security.metrics()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("python_sql_texts_constant");
            assertThat(m.value()).isEqualTo(3.0);
        });
    }

    /**
     * werkzeug's dev server tells the user it runs on all addresses: it compares the host, binding is elsewhere.
     * aiohttp names a site {@code str(URL.build(host=host, ..))} and uvicorn logs "running on" with the address a
     * missing host stands for: shown, not bound. An address a local holds that also reaches a bind stays reported.
     */
    @Test
    void anAllInterfacesAddressOnlyComparedOrShownIsNoBinding() {
        TestSnapshots.write(root, "serve.py", """
                import logging
                from yarl import URL

                log = logging.getLogger(__name__)


                def describe(host):
                    if host in {"0.0.0.0", "::"}:
                        return "all addresses"
                    return host


                def listen(server):
                    server.bind(("0.0.0.0", 8080))


                def name(configured, port):
                    host = "0.0.0.0" if configured is None else configured
                    return str(URL.build(scheme="http", host=host, port=port))


                def announce(configured, port):
                    host = "0.0.0.0" if configured is None else configured
                    if ":" in host:
                        host = f"[{host}]"
                    log.info("running on http://%s:%d", host, port)


                def serve(server, configured, port):
                    host = "0.0.0.0" if configured is None else configured
                    log.info("running on %s", host)
                    server.bind((host, port))
                """);

        PerspectiveResult security = withModel().analyze(TestSnapshots.context(TestSnapshots.of(root)));

        String shown = " INFO Possible binding to all interfaces (the address is only compared with or shown (logged, "
                + "put into text), not bound to)";
        assertThat(security.findings()).filteredOn(f -> f.rule().equals("S104"))
                .extracting(f -> f.line() + " " + f.severity() + " " + f.message())
                .containsExactlyInAnyOrder("8" + shown, "18" + shown, "23" + shown,
                        "14 " + RuffRules.shipped().severityOf("S104") + " Possible binding to all interfaces",
                        "30 " + RuffRules.shipped().severityOf("S104") + " Possible binding to all interfaces");
    }

    /**
     * Django's version helper runs {@code subprocess.run(['git', 'log', ...], shell=True)}: constants only, nothing
     * to inject, but on POSIX the shell runs {@code git} alone and takes the other items as its own arguments. Medium,
     * saying so; a command built from values stays high, a constant string stays low (ruff: "seems safe").
     */
    @Test
    void aShellGivenAListOfConstantsInjectsNothingButRunsOnlyItsFirstItem() {
        TestSnapshots.write(root, "version.py", """
                import subprocess


                def changeset(repo_dir, ref):
                    log = subprocess.run(
                        ['git', 'log', '--pretty=format:%ct', '-1', 'HEAD'],
                        stdout=subprocess.PIPE, shell=True, cwd=repo_dir,
                    )
                    subprocess.run("git log -1 " + ref, shell=True)
                    subprocess.run("git status", shell=True)
                    return log.stdout
                """);

        PerspectiveResult security = withModel().analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(security.findings()).filteredOn(f -> f.rule().equals("S602"))
                .extracting(f -> f.line() + " " + f.severity() + " " + f.message())
                .containsExactlyInAnyOrder(
                        "5 MEDIUM `subprocess` call with `shell=True` identified, security issue (the command is "
                                + "constants only, so nothing is injected, but with shell=True a list runs its first "
                                + "item alone on POSIX: the others become the shell's own arguments, not the command's)",
                        "9 HIGH `subprocess` call with `shell=True` identified, security issue",
                        "10 LOW `subprocess` call with `shell=True` seems safe, but may be changed in the future; "
                                + "consider rewriting without `shell`");
    }

    /**
     * Prompt_toolkit's {@code run_system_command(self, command)} hands its parameter to {@code Popen(command,
     * shell=True)} as it came: the function runs its callers' command, nothing is built into it there (CodeQL's
     * py/shell-command-constructed-from-input holds the same). Medium, saying so; a command the function builds from
     * its parameter, or a parameter it binds again first, stays high.
     */
    @Test
    void aShellCommandThatIsTheFunctionsParameterAsItCameIsMedium() {
        TestSnapshots.write(root, "terminal.py", """
                import os
                import subprocess


                def run_system_command(command):
                    def run_command():
                        subprocess.Popen(command, shell=True).wait()
                    run_command()


                def system(command):
                    return os.system(command)


                def quiet(command):
                    command = command + " > /dev/null"
                    return os.system(command)


                def page(path):
                    return os.system("less " + path)
                """);

        PerspectiveResult security = withModel().analyze(TestSnapshots.context(TestSnapshots.of(root)));

        String reason = " (the command is the function's own parameter, run as it came: nothing is built into it here, "
                + "so the function runs the shell command its callers give, and whether text from outside reaches it is "
                + "theirs to check)";
        assertThat(security.findings()).filteredOn(f -> f.rule().equals("S602") || f.rule().equals("S605"))
                .extracting(f -> f.line() + " " + f.severity() + " " + f.message())
                .containsExactlyInAnyOrder(
                        "7 MEDIUM `subprocess` call with `shell=True` identified, security issue" + reason,
                        "12 MEDIUM Starting a process with a shell, possible injection detected" + reason,
                        "17 HIGH Starting a process with a shell, possible injection detected",
                        "21 HIGH Starting a process with a shell, possible injection detected");
    }

    /**
     * Sphinx's security row led with two high {@code S113}: its {@code requests.get(url, **kwargs)} wrapper passes on
     * whatever its callers give, a timeout among them. Such a call is medium, saying the callers give the timeout;
     * a call with keyword arguments of its own making, or another function's, stays high.
     */
    @Test
    void aRequestPassingOnItsCallersKeywordArgumentsLeavesTheTimeoutToThem() {
        TestSnapshots.write(root, "fetch.py", """
                import requests


                def get(url, **kwargs):
                    kwargs.setdefault("headers", {})
                    return requests.get(url, **kwargs)


                def head(url, **options):
                    extra = dict(options)
                    return requests.head(url, **extra)


                def post(url, data):
                    return requests.post(url, data=data, **DEFAULTS)


                DEFAULTS = {"verify": True}
                """);

        PerspectiveResult security = withModel().analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(security.findings()).filteredOn(f -> f.rule().equals("S113"))
                .extracting(f -> f.line() + " " + f.severity() + " " + f.message().contains("the callers' to give"))
                .containsExactlyInAnyOrder("6 MEDIUM true", "11 HIGH false", "15 HIGH false");
    }

    /**
     * Starlette's {@code md5_hexdigest(data, *, usedforsecurity=True)} passes its parameter on to {@code hashlib.md5}:
     * two medium {@code S324} were second on its first screen, though its callers say what each digest is for. Such a
     * call is low, saying so; an MD5 with the flag fixed or missing keeps its severity.
     */
    @Test
    void aHashPassingOnItsCallersPurposeLeavesItToThem() {
        TestSnapshots.write(root, "digest.py", """
                import hashlib


                def md5_hexdigest(data, *, usedforsecurity=True):
                    return hashlib.md5(data, usedforsecurity=usedforsecurity).hexdigest()


                def token(data):
                    secure = True
                    return hashlib.md5(data, usedforsecurity=secure).hexdigest()


                def checksum(data):
                    return hashlib.md5(data).hexdigest()
                """);

        PerspectiveResult security = withModel().analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(security.findings()).filteredOn(f -> f.rule().equals("S324"))
                .extracting(f -> f.line() + " " + f.severity() + " " + f.message().contains("the callers say whether"))
                .containsExactlyInAnyOrder("5 LOW true", "10 MEDIUM false", "14 MEDIUM false");
    }

    /**
     * Lark makes its grammar cache key with {@code hashlib.md5(.., usedforsecurity=False)} on Python 3.9 and later and
     * with {@code hashlib.md5(..)} before (a medium {@code S324} on its first screen); sphinx tries the call and, where
     * a FIPS build refuses it, retries with the flag. The branch without the flag is the fallback of a digest the code
     * says protects nothing: low, saying so. An MD5 whose other branch makes a SHA-1 with the flag, and one beside a
     * flagged MD5 in the same branch, keep their severity.
     */
    @Test
    void aHashWhoseOtherBranchSaysItProtectsNothingIsLow() {
        TestSnapshots.write(root, "cache.py", """
                import hashlib
                import sys


                def cache_key(text):
                    if sys.version_info >= (3, 9):
                        return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()
                    else:
                        return hashlib.md5(text.encode()).hexdigest()


                def md5(data=b""):
                    try:
                        return hashlib.md5(data)
                    except ValueError:
                        return hashlib.md5(data, usedforsecurity=False)


                def fingerprint(data):
                    if sys.version_info >= (3, 9):
                        return hashlib.sha1(data, usedforsecurity=False).hexdigest()
                    return hashlib.md5(data).hexdigest()


                def both(data):
                    hashlib.md5(data, usedforsecurity=False)
                    return hashlib.md5(data).hexdigest()
                """);

        PerspectiveResult security = withModel().analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(security.findings()).filteredOn(f -> f.rule().equals("S324"))
                .extracting(f -> f.line() + " " + f.severity() + " " + f.message().contains("this is the fallback where"))
                .containsExactlyInAnyOrder("9 LOW true", "14 LOW true", "22 MEDIUM false", "27 MEDIUM false");
    }

    /**
     * RFC 6455 fixes SHA-1 for the Sec-WebSocket-Accept value, the client's key hashed with the protocol's GUID: two
     * medium {@code S324} led aiohttp's security row. Low, saying so, where the GUID is written in the call (tornado's
     * {@code sha1.update(b"258EAFA5-..")}), bound in the module (websockets' {@code GUID}) or imported from the
     * module binding it through another that imports it in turn (aiohttp's {@code WS_KEY}); a SHA-1 of a password
     * with an imported salt keeps its severity.
     */
    @Test
    void theDigestTheWebSocketProtocolFixesIsLow() {
        TestSnapshots.write(root, "ws/__init__.py", "");
        TestSnapshots.write(root, "ws/frames.py", """
                from typing import Final

                WS_KEY: Final[bytes] = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
                SALT = b"pepper"
                """);
        TestSnapshots.write(root, "ws/http.py", """
                from .frames import WS_KEY as WS_KEY
                """);
        TestSnapshots.write(root, "ws/client.py", """
                import base64
                import hashlib

                from .frames import SALT
                from .http import WS_KEY


                def accepted(sec_key, header):
                    return header == base64.b64encode(hashlib.sha1(sec_key + WS_KEY).digest()).decode()


                def stored(password):
                    return hashlib.sha1(password + SALT).hexdigest()
                """);
        TestSnapshots.write(root, "ws/server.py", """
                import base64
                import hashlib

                GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


                def accept_key(key):
                    return base64.b64encode(hashlib.sha1((key + GUID).encode()).digest()).decode()


                def compute_accept_value(key):
                    sha1 = hashlib.sha1()
                    sha1.update(key)
                    sha1.update(b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                    return base64.b64encode(sha1.digest())
                """);

        PerspectiveResult security = withModel().analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(security.findings()).filteredOn(f -> f.rule().equals("S324"))
                .extracting(f -> f.file() + ":" + f.line() + " " + f.severity() + " "
                        + f.message().contains("RFC 6455's Sec-WebSocket-Accept"))
                .containsExactlyInAnyOrder("ws/client.py:9 LOW true", "ws/client.py:13 MEDIUM false",
                        "ws/server.py:8 LOW true", "ws/server.py:12 LOW true");
    }

    /**
     * Ruff's Django rules match a method name: anyio's typed attributes ({@code self.extra(TLSAttribute.tls_version)})
     * were a medium "Use of Django `extra`" in a repository without Django: info there, saying so, and the table's
     * severity where a file of the repository imports Django. An {@code eval} of one string constant (pydantic's
     * {@code eval('__IPYTHON__')}) is low; one of a parameter keeps the table's severity.
     */
    @Test
    void djangosRulesOutsideDjangoAreInfoAndAConstantEvalIsLow() {
        String stream = """
                def tls_version(stream):
                    return stream.extra("tls_version")


                def in_ipython():
                    try:
                        eval("__IPYTHON__")
                    except NameError:
                        return False
                    return True


                def calculate(expression):
                    return eval(expression)
                """;
        TestSnapshots.write(root, "plain/streams.py", stream);
        TestSnapshots.write(root, "site/streams.py", stream);
        TestSnapshots.write(root, "site/models.py", "from django.db import models\n");
        SecurityPerspective perspective = withModel();

        PerspectiveResult plain = perspective.analyze(TestSnapshots.context(TestSnapshots.of(root.resolve("plain"))));
        PerspectiveResult site = perspective.analyze(TestSnapshots.context(TestSnapshots.of(root.resolve("site"))));

        String django = RuffRules.shipped().severityOf("S610").name();
        String eval = RuffRules.shipped().severityOf("S307").name();
        assertThat(plain.findings()).filteredOn(f -> f.rule().equals("S610") || f.rule().equals("S307"))
                .extracting(f -> f.rule() + ":" + f.line() + " " + f.severity() + " "
                        + (f.message().contains("imports Django") || f.message().contains("one string constant")))
                .containsExactlyInAnyOrder("S610:2 INFO true", "S307:7 LOW true", "S307:14 " + eval + " false");
        assertThat(site.findings()).filteredOn(f -> f.rule().equals("S610"))
                .extracting(f -> f.line() + " " + f.severity() + " " + f.message().contains("imports Django"))
                .containsExactly("2 " + django + " false");
    }

    /**
     * Pydantic's {@code load_str_bytes(.., allow_pickle=False)} refuses pickle unless its caller opts in ({@code if not
     * allow_pickle: raise ..} before {@code pickle.loads}): a step lower, saying so. With the flag on by default, or
     * no such test, the table's severity.
     */
    @Test
    void aCallThatRunsOnlyWhenTheCallerOptsInIsAStepLower() {
        TestSnapshots.write(root, "parse.py", """
                import pickle


                def load(b, *, allow_pickle=False):
                    if not allow_pickle:
                        raise RuntimeError("pickle is off")
                    return pickle.loads(b)


                def load_any(b, allow_pickle=True):
                    if not allow_pickle:
                        raise RuntimeError("pickle is off")
                    return pickle.loads(b)
                """);

        PerspectiveResult security = withModel().analyze(TestSnapshots.context(TestSnapshots.of(root)));

        Severity table = RuffRules.shipped().severityOf("S301");
        assertThat(security.findings()).filteredOn(f -> f.rule().equals("S301"))
                .extracting(f -> f.line() + " " + f.severity() + " " + f.message().contains("an explicit opt-in"))
                .containsExactlyInAnyOrder("7 " + table.oneStepLower() + " true", "13 " + table + " false");
    }

    /** Celery checks that an exception can be pickled by loading what it just dumped: no outside bytes, info. */
    @Test
    void aPickleRoundTripOfALiveObjectLoadsNoOutsideBytes() {
        TestSnapshots.write(root, "serialization.py", """
                import pickle


                def picklable(exc):
                    return pickle.loads(pickle.dumps(exc)) is not None


                def load(blob):
                    return pickle.loads(blob)
                """);

        PerspectiveResult security = withModel().analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(security.findings()).filteredOn(f -> f.rule().equals("S301"))
                .extracting(f -> f.line() + " " + f.severity() + " " + f.message().contains("no outside bytes"))
                .containsExactlyInAnyOrder("5 INFO true", "9 " + RuffRules.shipped().severityOf("S301") + " false");
    }

    /**
     * pymysql encrypts a password with RSA-OAEP and SHA-1, as MySQL's caching_sha2_password fixes: two medium
     * {@code S303} were second on its first screen. OAEP and its MGF1 need no collision resistance: low, saying so;
     * a SHA-1 digest of data keeps the table's severity.
     */
    @Test
    void aSha1InOaepPaddingIsLow() {
        TestSnapshots.write(root, "auth.py", """
                from cryptography.hazmat.primitives import hashes
                from cryptography.hazmat.primitives.asymmetric import padding


                def encrypt(key, message):
                    return key.encrypt(
                        message,
                        padding.OAEP(
                            mgf=padding.MGF1(algorithm=hashes.SHA1()),
                            algorithm=hashes.SHA1(),
                            label=None,
                        ),
                    )


                def fingerprint(data):
                    digest = hashes.Hash(hashes.SHA1())
                    digest.update(data)
                    return digest.finalize()
                """);

        PerspectiveResult security = withModel().analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(security.findings()).filteredOn(f -> f.rule().equals("S303"))
                .extracting(f -> f.line() + " " + f.severity() + " " + f.message().contains("needs no collision resistance"))
                .containsExactlyInAnyOrder("9 LOW true", "10 LOW true",
                        "17 " + RuffRules.shipped().severityOf("S303") + " false");
    }

    /**
     * httpx's and requests' digest-auth client nonce: {@code s += os.urandom(8)}, then {@code hashlib.sha1(s)}, a
     * medium {@code S324} second on httpx's first screen. The digest is as unpredictable as the random bytes in it,
     * and no collision resistance is relied on: low, saying so; a digest of data alone keeps the table's severity.
     */
    @Test
    void aDigestOfRandomBytesIsLow() {
        TestSnapshots.write(root, "auth.py", """
                import hashlib
                import os
                import time
                from hashlib import md5


                def client_nonce(count, nonce):
                    s = str(count).encode()
                    s += nonce
                    s += time.ctime().encode()
                    s += os.urandom(8)
                    return hashlib.sha1(s).hexdigest()[:16].encode()


                def token():
                    return hashlib.md5(os.urandom(16)).hexdigest()


                def fingerprint(data):
                    return hashlib.sha1(data).hexdigest()


                def session_id():
                    return md5(os.urandom(16)).hexdigest()
                """);

        PerspectiveResult security = withModel().analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(security.findings()).filteredOn(f -> f.rule().equals("S324"))
                .extracting(f -> f.line() + " " + f.severity() + " " + f.message().contains("random bytes go into the digest"))
                .containsExactlyInAnyOrder("12 LOW true", "16 LOW true",
                        "20 " + RuffRules.shipped().severityOf("S324") + " false", "24 LOW true");
    }

    /**
     * pygments ends its builtins modules with {@code if __name__ == "__main__":} scripts that download the tables
     * they hold ({@code urlopen}, {@code tarfile.extractall}): code a developer runs, not the package's users. A
     * report there is a step lower than the table; the same call outside the block, or in a package's
     * {@code __main__.py} (the command users run), keeps the table's severity.
     */
    @Test
    void aReportInAScriptBlockIsAStepLower() {
        String script = """
                import sys
                import urllib.request


                def fetch(url):
                    return urllib.request.urlopen(url).read()


                if __name__ == "__main__":
                    data = urllib.request.urlopen(sys.argv[1]).read()
                """;
        TestSnapshots.write(root, "lexers/builtins.py", script);
        TestSnapshots.write(root, "lexers/__main__.py", script);

        PerspectiveResult security = withModel().analyze(TestSnapshots.context(TestSnapshots.of(root)));

        String table = RuffRules.shipped().severityOf("S310").name();
        assertThat(RuffRules.shipped().severityOf("S310")).isEqualTo(Severity.MEDIUM);
        assertThat(security.findings()).filteredOn(f -> f.rule().equals("S310"))
                .extracting(f -> f.file() + ":" + f.line() + " " + f.severity() + " " + f.message().contains("run as a script"))
                .containsExactlyInAnyOrder("lexers/builtins.py:6 " + table + " false", "lexers/builtins.py:10 LOW true",
                        "lexers/__main__.py:6 " + table + " false", "lexers/__main__.py:10 " + table + " false");
    }

    @Test
    void withoutTheModelEveryReportKeepsTheTablesSeverity() {
        TestSnapshots.write(root, "names.py", """
                def table_names(conn, temporary):
                    master = "sqlite_temp_master" if temporary else "sqlite_master"
                    return conn.execute("SELECT name FROM %s WHERE type = 'table'" % master)
                """);

        PerspectiveResult security = new SecurityPerspective(new PmdEngine(PmdRulesets.curated(), 1), new SecretScanner(),
                new RuffEngine(RuffCli.path(), Duration.ofSeconds(60))).analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(security.findings()).filteredOn(f -> f.rule().equals("S608"))
                .extracting(f -> f.severity() + " " + f.message())
                .containsExactly("HIGH Possible SQL injection vector through string-based query construction");
    }

    /**
     * oauthlib quotes RFC 6749's token responses in its docstrings ({@code "access_token":"2YotnFZFEjr1zCsicMWpAA"}):
     * six generic secret assignments led its security row at medium. In a docstring such a value is low, still
     * counted; the same value assigned in code keeps medium.
     */
    @Test
    void aSecretLikeValueInADocstringIsLow() {
        TestSnapshots.write(root, "tokens.py", """
                \"\"\"Token responses, for example::

                    {"access_token": "2YotnFZFEjr1zCsicMWpAA", "token_type": "example"}
                \"\"\"

                SERVICE_TOKEN = "tGzv3JOkF0XG5Qx2TlKWIA"


                def parse(body):
                    \"\"\"Reads a response like {'refresh_token': 'tGzv3JOkF0XG5Qx2TlKWIA'}.\"\"\"
                    return body
                """);

        PerspectiveResult security = withModel().analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(security.findings()).filteredOn(f -> f.rule().equals("generic-secret-assignment"))
                .extracting(f -> f.line() + " " + f.severity() + " " + f.message().contains("in a docstring"))
                .containsExactlyInAnyOrder("3 LOW true", "6 MEDIUM false", "10 LOW true");
        assertThat(security.metrics()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("secrets_found");
            assertThat(m.value()).isEqualTo(3.0);
        });
    }

    /** The security perspective with ruff and the Python model, as the application wires it. */
    private static SecurityPerspective withModel() {
        return new SecurityPerspective(new PmdEngine(PmdRulesets.curated(), 1), new SecretScanner(),
                new RuffEngine(RuffCli.path(), Duration.ofSeconds(60)), new PythonModelProvider("python3", Duration.ofSeconds(10)));
    }
}
