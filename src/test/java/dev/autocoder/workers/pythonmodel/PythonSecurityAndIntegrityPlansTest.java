package dev.autocoder.workers.pythonmodel;

import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.testplan.TestPlanHarness;
import dev.autocoder.workers.testplan.plan.IntegrationPoint;
import dev.autocoder.workers.testplan.plan.TestSpecification;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security and data-integrity perspectives on a Python repository with planted unsafe calls and writes, each
 * next to its safe variant: every planted case is found with its rule and severity, no safe variant is, and the
 * pytest files they write compile and are collected by pytest.
 */
class PythonSecurityAndIntegrityPlansTest {

    static final String STORE = """
            import hashlib
            import os
            import pickle
            import shlex
            import sqlite3
            import subprocess
            import tempfile
            import xml.etree.ElementTree as ET

            import requests
            import yaml

            BASE = "/srv/data"
            KINDS = {"plain": "'v'", "materialized": "'m'"}


            def run_report(name: str):
                return subprocess.run("report --name " + name, shell=True)


            def run_report_safely(name: str):
                return subprocess.run(["report", "--name", name], check=True)


            def shell_out(command: str):
                return os.system(command)


            def calculate(expression: str):
                return eval(expression)


            def find_user(conn, name: str):
                return conn.execute(f"SELECT * FROM users WHERE name = '{name}'").fetchall()


            def find_user_safely(conn: sqlite3.Connection, name: str):
                return conn.execute("SELECT * FROM users WHERE name = ?", (name,)).fetchall()


            def find_by_percent(path: str, name: str):
                conn = sqlite3.connect(path)
                query = "SELECT * FROM users WHERE name = '%s'" % name
                return conn.execute(query).fetchall()


            def find_in_postgres(cursor, name: str):
                cursor.execute("SELECT * FROM users WHERE name = %s", (name,))
                return cursor.fetchall()


            def find_by_kind(conn, kinds):
                # the input only chooses entries of a table of constants: none of its text reaches the SQL
                chosen = [KINDS[k] for k in kinds]
                return conn.execute("SELECT * FROM views WHERE kind IN (%s)" % ", ".join(chosen)).fetchall()


            def page(conn, offset: str):
                return conn.execute("SELECT * FROM users LIMIT 10 OFFSET %d" % int(offset)).fetchall()


            def describe_table(conn, ops, table: str):
                # Django's introspection: the table name goes in through the backend's quote_name
                return conn.execute("SELECT * FROM %s LIMIT 1" % ops.quote_name(table)).fetchall()


            def list_folder(folder: str):
                return os.system("ls -l " + shlex.quote(folder))


            def load_session(blob: bytes):
                return pickle.loads(blob)


            class MemoryCache:
                def get(self, key: str):
                    # Django's local-memory cache: the key only chooses the entry, the bytes are the cache's own
                    pickled = self._entries[key]
                    return pickle.loads(pickled)


            def load_payload(blob: bytes, *, allow_pickle: bool = False):
                if not allow_pickle:
                    raise RuntimeError("pickle is off")
                return pickle.loads(blob)


            def load_cached(blob: bytes, trusted=False):
                if blob and trusted:
                    return pickle.loads(blob)
                return None


            def load_any(blob: bytes, allow_pickle=True):
                if not allow_pickle:
                    raise RuntimeError("pickle is off")
                return pickle.loads(blob)


            def load_doctree(docname: str):
                # sphinx's pickled doctrees: the input names the file, its bytes are what the build wrote there
                with open(os.path.join(BASE, docname + ".doctree"), "rb") as f:
                    return pickle.load(f)


            def read_default_config():
                with open(os.path.join(BASE, "config.yml")) as f:
                    return yaml.load(f, Loader=yaml.FullLoader)


            def read_config_safely(path: str):
                with open(path) as f:
                    return yaml.safe_load(f)


            def read_config_with_loader(path: str):
                with open(path) as f:
                    return yaml.load(f, Loader=yaml.SafeLoader)


            def read_file(name: str):
                with open(os.path.join(BASE, name)) as f:
                    return f.read()


            class Routes:
                def get(self, path: str):
                    return lambda function: function


            app = Routes()


            @app.get("/files/<name>")
            def download_file(name: str):
                with open(os.path.join(BASE, name), "rb") as f:
                    return f.read()


            def parse_feed(document: str):
                return ET.fromstring(document)


            def fetch_profile(user: str):
                return requests.get(f"https://api.example.org/users/{user}", timeout=5)


            def download(url: str):
                return requests.get(url, verify=False)


            def download_safely(url: str):
                return requests.get(url, timeout=10)


            def scratch_file():
                return tempfile.mktemp()


            def fingerprint(data: bytes):
                return hashlib.md5(data).hexdigest()


            def hash_password(password: str):
                return hashlib.sha1(password.encode()).hexdigest()


            # aiohttp's _ws_connect(.., auth, ..) hashes only the WebSocket key: its other parameters say nothing
            def handshake_digest(key: str, auth: str):
                return hashlib.sha1(key.encode()).hexdigest()


            def run_template(source: str):
                code = compile(source, "<template>", "exec")
                exec(code, {})


            def checksum(data: bytes):
                return hashlib.md5(data, usedforsecurity=False).hexdigest()
            """;

    static final String LEDGER = """
            import json
            import os
            import sqlite3
            from dataclasses import dataclass
            from datetime import datetime, timezone


            @dataclass
            class Entry:
                account: str
                amount: float


            def save_report(path: str, report: dict):
                with open(path, "w") as f:
                    json.dump(report, f)


            def save_report_atomically(path: str, text: str):
                temporary = path + ".tmp"
                with open(temporary, "w") as f:
                    f.write(text)
                os.replace(temporary, path)


            def run_quietly(run):
                with open(os.devnull, "w") as sink:
                    run(sink)


            def transfer(conn: sqlite3.Connection, source: str, target: str, amount: float):
                conn.execute("UPDATE accounts SET balance = balance - ? WHERE id = ?", (amount, source))
                conn.execute("UPDATE accounts SET balance = balance + ? WHERE id = ?", (amount, target))


            def transfer_safely(conn: sqlite3.Connection, source: str, target: str, cents: int):
                with conn:
                    conn.execute("UPDATE accounts SET cents = cents - ? WHERE id = ?", (cents, source))
                    conn.execute("UPDATE accounts SET cents = cents + ? WHERE id = ?", (cents, target))


            def append_names(conn: sqlite3.Connection, names):
                # one write, tried again once (coverage.py's SqliteDb.executemany)
                try:
                    return conn.executemany("INSERT INTO events(name) VALUES (?)", names)
                except sqlite3.OperationalError:
                    return conn.executemany("INSERT INTO events(name) VALUES (?)", names)


            def record_event(path: str, name: str):
                conn = sqlite3.connect(path)
                conn.execute("INSERT INTO events(name, at) VALUES (?, ?)", (name, datetime.now()))
                conn.close()


            def record_event_safely(path: str, name: str):
                conn = sqlite3.connect(path)
                try:
                    conn.execute("INSERT INTO events(name, at) VALUES (?, ?)", (name, datetime.now(timezone.utc)))
                    conn.commit()
                finally:
                    conn.close()
            """;

    @TempDir
    Path temp;

    Path repo;
    Path out;
    TestPlanHarness harness;

    @BeforeEach
    void createRepository() throws Exception {
        repo = temp.resolve("repo");
        Files.createDirectories(repo.resolve("vault"));
        Files.writeString(repo.resolve("vault/__init__.py"), "");
        Files.writeString(repo.resolve("vault/store.py"), STORE);
        Files.writeString(repo.resolve("vault/ledger.py"), LEDGER);
        Files.createDirectories(repo.resolve("tests/integration"));
        Files.writeString(repo.resolve("tests/test_store.py"), """
                from vault.store import checksum, run_report_safely


                def test_checksum():
                    assert checksum(b"a")


                class TestReport:
                    def test_runs(self):
                        assert run_report_safely


                class Helper:
                    def test_not_collected(self):
                        pass
                """);
        Files.writeString(repo.resolve("tests/integration/test_ledger_db.py"), """
                import sqlite3


                def test_transfer_in_a_real_database():
                    conn = sqlite3.connect(":memory:")
                    conn.execute("CREATE TABLE accounts(id TEXT, balance REAL)")
                """);
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("vault").setAuthor("a", "a@example.org").setCommitter("a", "a@example.org").call();
        }
        out = temp.resolve("plans");
        harness = new TestPlanHarness(repo, temp.resolve("store"), out);
    }

    @Test
    void securityFindsEachPlantedPythonSinkWithItsRuleAndSeverityAndNoSafeVariant() throws Exception {
        PerspectiveResult security = harness.run(harness.perspective("security"));
        assertThat(security.status()).isEqualTo(Status.OK);
        List<String> found = security.findings().stream().map(PythonSecurityAndIntegrityPlansTest::describe).toList();
        assertThat(found).containsExactlyInAnyOrder(
                "untrusted-input-to-command high run_report",
                // the command its callers give, run as it came: nothing is built into it here
                "untrusted-input-to-command medium shell_out",
                "untrusted-input-to-code high calculate",
                "untrusted-input-to-sql high find_user",
                "untrusted-input-to-sql high find_by_percent",
                "untrusted-input-to-deserialization high load_session",
                "untrusted-input-to-deserialization medium load_payload",
                "untrusted-input-to-deserialization medium load_cached",
                "untrusted-input-to-deserialization high load_any",
                "untrusted-input-to-deserialization medium load_doctree",
                "unsafe-yaml-load high read_default_config",
                "untrusted-input-to-path medium read_file",
                "untrusted-input-to-path high download_file",
                "untrusted-input-to-path medium load_doctree",
                "untrusted-input-to-xml medium parse_feed",
                "untrusted-input-to-url high fetch_profile",
                "tls-verification-disabled high download",
                "http-without-timeout high download",
                "insecure-temp-file medium scratch_file",
                "weak-hash low fingerprint",
                "weak-hash medium hash_password",
                "weak-hash low handshake_digest");
        // pydantic's load_str_bytes(.., allow_pickle=False): the caller opts in, and the finding says how
        assertThat(security.findings()).filteredOn(f -> f.message().contains(".load_payload("))
                .extracting(Finding::message).singleElement().asString()
                .endsWith("(only when the caller passes allow_pickle=True; it defaults to False)");
        // a name of the file unpickled is medium, saying so (the path it joins is its own finding)
        assertThat(security.findings()).filteredOn(f -> f.message().contains("load_doctree(docname)")
                        && f.rule().equals("untrusted-input-to-deserialization"))
                .extracting(Finding::message).singleElement().asString()
                .contains("parameter 'docname' names the file pickle.load deserializes, which runs code if someone else "
                        + "could write that file");
        assertThat(security.findings()).filteredOn(f -> f.rule().equals("untrusted-input-to-sql"))
                .extracting(Finding::message).anySatisfy(m -> assertThat(m).contains("parameter 'name'", "(`%` formatting)"));
        // how an argument is built, in Python's words (flask read "is joined into the path open opens (join)")
        assertThat(security.findings()).extracting(Finding::message)
                .noneMatch(m -> m.matches(".*\\((join|percent|fstring|concat|format|div)\\).*"));
        // a library function's name is the calling code's to choose; a web route's comes from the request
        assertThat(security.findings()).filteredOn(f -> f.rule().equals("untrusted-input-to-path"))
                .extracting(Finding::message).filteredOn(m -> m.contains("parameter 'name'")).hasSize(2)
                .allSatisfy(m -> assertThat(m).contains("is joined into the path that open opens (`os.path.join`)"))
                .filteredOn(m -> m.contains("the caller chooses the name")).singleElement().asString().contains("read_file(name)");

        List<TestSpecification> specs = TestPlanHarness.analysis(security).testSpecifications();
        assertThat(specs).filteredOn(s -> s.methodUnderTest().equals("run_report(name)"))
                .singleElement().satisfies(s -> assertThat(s.inputs()).contains("\"; rm -rf /\"", "\"$(id)\""));
        assertThat(specs).extracting(TestSpecification::methodUnderTest).contains("download(url)", "scratch_file()");
        assertPytestAccepts(out.resolve("security"), specs.size());
    }

    /**
     * Prompt_toolkit's {@code run_system_command(self, command)} runs its callers' command through the shell, from a
     * function nested in it: nothing is built into the command there, so the flow is medium, says so, and plans no
     * test feeding it hostile commands (its purpose is to run them); so do hypothesis' {@code
     * source_exec_as_module(source)} and Django's shell command ({@code exec(options['command'], globals())}) with the
     * code they execute. A function that runs the code of a file its input names (pygments' formatter plugins) is
     * medium too, saying so. Twisted's {@code sh(command)}, which appends a redirection to the command first, builds one
     * and stays high, as do a click command running its argument and an {@code eval} (a caller may take {@code
     * calculate(expression)} for a calculator).
     */
    @Test
    void aShellCommandOrCodeItsCallersGiveRunAsItCameIsMediumWithNoHostileInputTest(@TempDir Path shell) throws Exception {
        TestPlanHarness tool = TestPlanHarness.onCommit(shell, Map.of("term/__init__.py", "", "term/app.py", """
                import os
                from subprocess import Popen

                import click


                class Application:
                    def run_system_command(self, command, wait_for_enter=True):
                        def run_command():
                            p = Popen(command, shell=True)
                            p.wait()
                        run_command()


                def sh(command, null=True):
                    if null:
                        command = "%s > /dev/null" % (command,)
                    return os.system(command)


                @click.command()
                @click.argument("cmd")
                def run(cmd):
                    os.system(cmd)


                def source_exec_as_module(source):
                    namespace = {}
                    exec(source, namespace)
                    return namespace


                class Command:
                    def handle(self, **options):
                        exec(options["command"], globals())


                def calculate(expression):
                    return eval(expression)


                def load_formatter_from_file(filename):
                    namespace = {}
                    with open(filename, "rb") as f:
                        exec(f.read(), namespace)
                    return namespace
                """));

        PerspectiveResult security = tool.run(tool.perspective("security"));

        assertThat(security.findings()).extracting(PythonSecurityAndIntegrityPlansTest::describe).containsExactlyInAnyOrder(
                "untrusted-input-to-command medium Application.run_system_command",
                "untrusted-input-to-command high app.sh", "untrusted-input-to-command high app.run",
                "untrusted-input-to-code medium app.source_exec_as_module", "untrusted-input-to-code medium Command.handle",
                "untrusted-input-to-code high app.calculate", "untrusted-input-to-code medium app.load_formatter_from_file");
        assertThat(security.findings()).filteredOn(f -> f.rule().equals("untrusted-input-to-command")
                        && f.severity() == Severity.MEDIUM).extracting(Finding::message)
                .singleElement().asString().contains("parameter 'command' is the command it runs through the shell "
                        + "(shell=True): Popen(command, shell=True) (the function runs the command its callers give, as "
                        + "it came: nothing is built into it here");
        assertThat(TestPlanHarness.analysis(security).testSpecifications())
                .extracting(TestSpecification::methodUnderTest)
                .containsExactlyInAnyOrder("sh(command, null)", "run(cmd)", "calculate(expression)",
                        "load_formatter_from_file(filename)");
        // pygments' plugin loader: the input names the file of code it runs, by design
        assertThat(security.findings()).filteredOn(f -> f.message().contains("load_formatter_from_file(filename)"))
                .extracting(Finding::message).singleElement().asString().contains("parameter 'filename' names the file "
                        + "whose Python code exec runs, which runs code if someone else could write that file");
        assertThat(security.findings()).filteredOn(f -> f.message().contains("handle(**options)")).extracting(Finding::message)
                .singleElement().asString().contains("parameter 'options' evaluates it as Python code: "
                        + "exec(options[\"command\"], globals()) (the function runs the code its callers give, as it came");
    }

    /**
     * Path traversal needs a name that can climb out of a folder. A parameter that only makes the folder the rest is
     * in (tornado's {@code load_translations(directory)} joining it with the names {@code os.listdir} gives) is the
     * caller's choice of place, no flow; where a name goes in past it, the finding names the parameter that makes the
     * name (docutils' {@code copy_file(name, source_dir, dest_dir)}: {@code name}, not {@code source_dir}; boto3's
     * {@code generate_docs(root_dir, session)}: {@code session}, whose services name the files), and a parameter
     * rebound to a path joined from it (flask's {@code filename = os.path.join(self.root_path, filename)}) is that
     * name.
     */
    @Test
    void aParameterThatOnlyMakesTheFolderIsNoPathFlowAndTheFlowNamesTheParameterPastIt(@TempDir Path paths)
            throws Exception {
        TestPlanHarness tool = TestPlanHarness.onCommit(paths, Map.of("files/__init__.py", "", "files/copy.py", """
                import os
                from pathlib import Path


                def load_translations(directory):
                    for entry in os.listdir(directory):
                        full_path = os.path.join(directory, entry)
                        with open(full_path, "rb") as f:
                            f.read()


                def read_all(folder):
                    for entry in os.listdir(folder):
                        with open(Path(folder) / entry, "rb") as f:
                            yield f.read()


                def generate_docs(root_dir, session):
                    docs = os.path.join(root_dir, "reference", "services")
                    for service_name in session.get_available_services():
                        with open(os.path.join(docs, service_name + ".rst"), "w") as f:
                            f.write(service_name)


                def copy_file(name, source_dir, dest_dir):
                    source = os.path.join(source_dir, name)
                    dest = os.path.join(dest_dir, name)
                    with open(source, "rb") as src, open(dest, "wb") as dst:
                        dst.write(src.read())


                class Config:
                    def from_pyfile(self, filename):
                        filename = os.path.join(self.root_path, filename)
                        with open(filename, mode="rb") as f:
                            return f.read()
                """));

        PerspectiveResult security = tool.run(tool.perspective("security"));

        assertThat(security.findings()).filteredOn(f -> f.rule().equals("untrusted-input-to-path"))
                .extracting(Finding::message).map(m -> m.substring(0, m.indexOf(" is joined"))).containsExactlyInAnyOrder(
                        "copy.copy_file(name, source_dir, dest_dir): parameter 'name'",
                        "copy.copy_file(name, source_dir, dest_dir): parameter 'name'",
                        "copy.generate_docs(root_dir, session): parameter 'session'",
                        "Config.from_pyfile(filename): parameter 'filename'");
    }

    /**
     * A weak digest the model knows protects nothing is low in the test plan as in the security row, saying why:
     * httpx's digest-auth client nonce, SHA-1 of random bytes (the plan had it medium for the word "nonce" in its
     * name while the security row's S324 was low). A password's digest stays medium.
     */
    @Test
    void aDigestOfRandomBytesIsALowWeakHashSayingWhy(@TempDir Path digests) throws Exception {
        TestPlanHarness tool = TestPlanHarness.onCommit(digests, Map.of("auth/__init__.py", "", "auth/digest.py", """
                import hashlib
                import os
                import time


                class DigestAuth:
                    def _get_client_nonce(self, nonce_count, nonce):
                        s = str(nonce_count).encode()
                        s += nonce
                        s += time.ctime().encode()
                        s += os.urandom(8)
                        return hashlib.sha1(s).hexdigest()[:16].encode()

                    def _hash_password(self, password):
                        return hashlib.sha1(password.encode()).hexdigest()
                """));

        PerspectiveResult security = tool.run(tool.perspective("security"));

        assertThat(security.findings()).extracting(PythonSecurityAndIntegrityPlansTest::describe).containsExactlyInAnyOrder(
                "weak-hash low DigestAuth._get_client_nonce", "weak-hash medium DigestAuth._hash_password");
        assertThat(security.findings()).filteredOn(f -> f.severity() == Severity.LOW).extracting(Finding::message)
                .singleElement().asString().endsWith("hashlib.sha1(s) (random bytes go into the digest (a nonce, an "
                        + "identifier): it is as unpredictable as they are, and no collision resistance is relied on)");
    }

    /**
     * Jinja2's bytecode cache unpickles a file its caller opened ({@code load_bytecode(self, f: t.BinaryIO)} /
     * {@code pickle.load(f)}): medium, as an input that names the file is, saying so (the security row's S301 there
     * is medium too); bytes handed in (Django's {@code PickleSerializer.loads(data)}) stay high.
     */
    @Test
    void anOpenFileParameterDeserializedIsMediumBytesHandedInHigh(@TempDir Path cache) throws Exception {
        TestPlanHarness tool = TestPlanHarness.onCommit(cache, Map.of("cache/__init__.py", "", "cache/bucket.py", """
                import marshal
                import pickle
                import typing as t


                class Bucket:
                    def load_bytecode(self, f: t.BinaryIO) -> None:
                        self.checksum = pickle.load(f)
                        self.code = marshal.load(f)


                class PickleSerializer:
                    def loads(self, data):
                        return pickle.loads(data)
                """));

        PerspectiveResult security = tool.run(tool.perspective("security"));

        assertThat(security.findings()).extracting(PythonSecurityAndIntegrityPlansTest::describe).containsExactlyInAnyOrder(
                "untrusted-input-to-deserialization medium Bucket.load_bytecode",
                "untrusted-input-to-deserialization medium Bucket.load_bytecode",
                "untrusted-input-to-deserialization high PickleSerializer.loads");
        assertThat(security.findings()).filteredOn(f -> f.severity() == Severity.MEDIUM).extracting(Finding::message)
                .contains("Bucket.load_bytecode(f): parameter 'f' is the open file pickle.load deserializes, which runs "
                        + "code if someone else could write that file: pickle.load(f)");
    }

    /**
     * Tabulate's {@code _main} reads its options with getopt and writes the table to the {@code -o} file in place:
     * the user named that file, as a shell's {@code >} does, so a partial file after a crash is low. A function
     * reading no command line keeps medium.
     */
    @Test
    void aFileNamedOnTheCommandLineWrittenInPlaceIsLow(@TempDir Path cli) throws Exception {
        TestPlanHarness tool = TestPlanHarness.onCommit(cli, Map.of("tool/__init__.py", "", "tool/cli.py", """
                import argparse
                import getopt
                import sys


                def main():
                    opts, args = getopt.getopt(sys.argv[1:], "o:")
                    outfile = dict(opts).get("-o", "table.txt")
                    with open(outfile, "w") as out:
                        out.write(" ".join(args))


                def convert(argv=None):
                    parser = argparse.ArgumentParser()
                    parser.add_argument("--output")
                    options = parser.parse_args(argv)
                    with open(options.output, "w") as out:
                        out.write("converted")


                def save(path, text):
                    with open(path, "w") as out:
                        out.write(text)
                """));

        PerspectiveResult integrity = tool.run(tool.perspective("data-integrity"));

        assertThat(integrity.findings()).filteredOn(f -> f.rule().equals("non-atomic-file-write"))
                .extracting(PythonSecurityAndIntegrityPlansTest::describe)
                .containsExactlyInAnyOrder("non-atomic-file-write low cli.main", "non-atomic-file-write low cli.convert",
                        "non-atomic-file-write medium cli.save");
        assertThat(integrity.findings()).filteredOn(f -> f.severity() == Severity.LOW).extracting(Finding::message)
                .allSatisfy(m -> assertThat(m).endsWith("; low: the function reads its command line, so the file is "
                        + "one the user named there, written as a shell's `>` writes it"));
    }

    @Test
    void dataIntegrityFindsPythonWritesWithoutAtomicReplaceOrCommitAndFloatMoney() throws Exception {
        PerspectiveResult integrity = harness.run(harness.perspective("data-integrity"));
        assertThat(integrity.status()).isEqualTo(Status.OK);
        List<String> found = integrity.findings().stream().map(PythonSecurityAndIntegrityPlansTest::describe).toList();
        assertThat(found).containsExactlyInAnyOrder(
                "float-for-money medium Entry.amount",
                "non-atomic-file-write medium save_report",
                "float-for-money medium transfer",
                "writes-without-transaction high transfer",
                "uncommitted-write high record_event",
                "naive-datetime medium record_event");
        assertThat(integrity.metrics()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("writing_methods");
            assertThat(m.value()).isEqualTo(7.0);
        });
        // the metric keeps its name; the summary says what a Python developer says (it said "6 methods write")
        assertThat(integrity.summary()).startsWith("7 functions write persistent state (");

        List<TestSpecification> specs = TestPlanHarness.analysis(integrity).testSpecifications();
        assertThat(specs).extracting(s -> s.methodUnderTest() + " " + s.testName()).contains(
                "save_report(path, report) test_save_report_writes_complete_file",
                "save_report(path, report) test_save_report_serialization_round_trip",
                "transfer(conn, source, target, amount) test_transfer_writes_all_or_nothing");
        assertThat(specs).allSatisfy(s -> assertThat(s.given()).doesNotContain("@TempDir"));
        assertPytestAccepts(out.resolve("data-integrity"), specs.size());
    }

    /** Celery checks that an exception can be pickled by loading what it just dumped: no outside bytes, no flow. */
    @Test
    void aPickleRoundTripOfALiveObjectIsNoDeserializationOfInput() throws Exception {
        TestPlanHarness roundTrip = TestPlanHarness.onCommit(temp.resolve("round-trip"), Map.of("vault/__init__.py", "",
                "vault/serialization.py", """
                        import pickle


                        def picklable(exc):
                            return pickle.loads(pickle.dumps(exc)) is not None


                        def load(blob):
                            return pickle.loads(blob)
                        """));

        PerspectiveResult security = roundTrip.run(roundTrip.perspective("security"));

        assertThat(security.findings()).extracting(PythonSecurityAndIntegrityPlansTest::describe)
                .containsExactly("untrusted-input-to-deserialization high serialization.load");
    }

    /**
     * PyJWT's JWKS client fetched its keys with {@code urllib.request.urlopen(self.uri)}: urlopen's default timeout
     * is the socket module's, none unless the program sets one, so a server that never answers hangs it.
     */
    @Test
    void urlopenWithoutATimeoutWaitsForever() throws Exception {
        TestPlanHarness fetching = TestPlanHarness.onCommit(temp.resolve("fetching"), Map.of("vault/__init__.py", "",
                "vault/keys.py", """
                        import urllib.request


                        def fetch(uri):
                            with urllib.request.urlopen(uri) as response:
                                return response.read()


                        def fetch_bounded(uri):
                            with urllib.request.urlopen(uri, timeout=30) as response:
                                return response.read()


                        def fetch_within(uri, data, seconds):
                            with urllib.request.urlopen(uri, data, seconds) as response:
                                return response.read()
                        """));

        PerspectiveResult security = fetching.run(fetching.perspective("security"));

        assertThat(security.findings()).extracting(PythonSecurityAndIntegrityPlansTest::describe)
                .containsExactly("http-without-timeout high keys.fetch");
    }

    @Test
    void testPyramidCountsPytestFunctionsAndTestClassMethodsByLayer() throws Exception {
        PerspectiveResult pyramid = harness.run(harness.perspective("test-pyramid"));
        assertThat(pyramid.status()).isEqualTo(Status.OK);
        assertThat(pyramid.findings()).extracting(Finding::rule).doesNotContain("no-tests");
        assertThat(pyramid.metrics()).extracting(m -> m.name() + "=" + (int) m.value())
                .contains("unit_tests=2", "integration_tests=1", "end_to_end_tests=0");
    }

    @Test
    void aPythonRepositoryWithoutTestsIsToldInPytestsWords() throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            git.rm().addFilepattern("tests").call();
            git.commit().setMessage("no tests").setAuthor("a", "a@example.org").setCommitter("a", "a@example.org").call();
        }
        TestPlanHarness withoutTests = new TestPlanHarness(repo, temp.resolve("store2"), temp.resolve("plans2"));
        PerspectiveResult pyramid = withoutTests.run(withoutTests.perspective("test-pyramid"));

        // it said "no @Test methods" to a Python project
        assertThat(pyramid.findings()).extracting(Finding::message)
                .containsExactly("The repository has no tests at all (no pytest test functions or test methods of Test classes).");
        assertThat(pyramid.recommendations()).containsExactly(
                "Start with unit tests for the modules in scope; see the edge-cases and failure-modes plans.");
    }

    @Test
    void pythonStrategiesNamePytestToolsNotJavaOnes() throws Exception {
        PerspectiveResult integration = harness.run(harness.perspective("integration-points"));
        PerspectiveResult mocking = harness.run(harness.perspective("mocking-strategy"));
        List<String> texts = Stream.concat(
                TestPlanHarness.analysis(integration).integrationPoints().stream().map(IntegrationPoint::testStrategy),
                Stream.concat(mocking.findings().stream().map(Finding::message),
                        TestPlanHarness.analysis(mocking).testSpecifications().stream().map(TestSpecification::given))).toList();
        assertThat(texts).isNotEmpty().noneSatisfy(t -> assertThat(t).containsAnyOf("Mockito", "WireMock", "Testcontainers",
                "JUnit", "@TempDir", "java.time.Clock", "JDK HttpServer"));
        assertThat(String.join("\n", texts)).contains("tmp_path", "responses", "monkeypatch", "sqlite3 \":memory:\"");
        // a Python test patches a module's collaborator: a note for the test's author, not a defect of the code
        assertThat(mocking.findings()).filteredOn(f -> f.rule().equals("hard-wired-collaborator")).isNotEmpty()
                .allSatisfy(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.message()).contains("a test patches it").doesNotContain("cannot replace");
                });
    }

    /** "rule severity function" (or "Class.field"), the module prefix of a function left out. */
    private static String describe(Finding f) {
        String where = f.message().split("[(: ]", 2)[0];
        String name = where.startsWith("store.") || where.startsWith("ledger.") ? where.substring(where.indexOf('.') + 1) : where;
        return f.rule() + " " + f.severity().name().toLowerCase() + " " + name;
    }

    private static void assertPytestAccepts(Path folder, int planned) throws Exception {
        List<Path> written;
        try (Stream<Path> files = Files.walk(folder)) {
            written = files.filter(f -> f.toString().endsWith(".py")).sorted().toList();
        }
        assertThat(written).isNotEmpty();
        for (Path file : written) {
            assertThat(run(folder, "python3", "-m", "py_compile", file.toString())).as(file.toString()).startsWith("exit 0");
        }
        String collected = run(folder, "python3", "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", ".");
        assertThat(collected).startsWith("exit 0");
        assertThat(collected.lines().filter(l -> l.contains("::")).count()).as(collected).isGreaterThanOrEqualTo(planned);
    }

    private static String run(Path folder, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return "exit " + process.exitValue() + "\n" + output;
    }
}
