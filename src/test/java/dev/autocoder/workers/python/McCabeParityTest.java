package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.pythonmodel.PythonModelProvider;
import dev.autocoder.workers.repository.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Python model's complexity of every function and method is the McCabe complexity ruff's C901 reports for it, so
 * a function reads "complexity 17" in the test plans and hotspots where the analysis row says "`register` is too
 * complex (17 > 10)". (PMD's count for Java adds boolean operators and conditional expressions; McCabe does not.)
 */
class McCabeParityTest {

    @TempDir
    Path root;

    @Test
    void everyFunctionsComplexityIsTheOneRuffsC901Reports() {
        String ruff = RuffCli.path();
        PlantedPython.write(root);
        TestSnapshots.write(root, "app/flow.py", """
                import asyncio


                def conditions(a, b, c):
                    if a and b or c:
                        return [x for x in a if x] if b else None
                    elif b:
                        assert c
                    else:
                        if c:
                            pass
                    return lambda q: q if q else 0


                async def waits(a, b, c):
                    async with c:
                        if a:
                            pass
                    async for x in a:
                        pass
                    while b:
                        pass
                    else:
                        pass


                def tries(a, b):
                    try:
                        pass
                    except ValueError:
                        if a:
                            pass
                    except TypeError:
                        pass
                    else:
                        pass
                    finally:
                        for i in b:
                            pass


                def grouped():
                    try:
                        pass
                    except* ValueError:
                        pass


                def encloses(a):
                    def inner():
                        if a:
                            pass

                    class Local:
                        def local_method(self):
                            while True:
                                pass

                    return inner, Local


                class Matcher:
                    def cases(self, x):
                        match x:
                            case 1:
                                if x:
                                    pass
                            case [a, b] if a:
                                pass
                            case _:
                                pass

                    def guarded_last(self, x):
                        match x:
                            case 1:
                                pass
                            case _ if x:
                                pass

                    @staticmethod
                    def alternatives(x):
                        match x:
                            case 1 | 2:
                                pass
                            case (3 | _) as rest:
                                pass
                """);
        Snapshot snapshot = TestSnapshots.of(root);

        Map<String, Integer> ruffs = new TreeMap<>();
        for (FunctionComplexity f : new RuffEngine(ruff, Duration.ofSeconds(60)).analyze(snapshot).complexities()) {
            ruffs.put(f.path() + " " + f.name(), f.complexity());
        }
        Map<String, Integer> models = new TreeMap<>();
        for (FileModel file : new PythonModelProvider("python3", Duration.ofSeconds(10)).model(snapshot)) {
            file.types().forEach(type -> type.methods().forEach(
                    (MethodModel m) -> models.put(file.path() + " " + m.name(), m.cyclomatic())));
        }

        assertThat(models).hasSizeGreaterThan(10).containsEntry("app/flow.py conditions", 4)
                .containsEntry("app/flow.py cases", 4).containsEntry("app/flow.py tries", 6);
        // ruff also reports the functions nested in others, which the model counts in the function around them
        assertThat(ruffs).containsAllEntriesOf(models);
    }
}
