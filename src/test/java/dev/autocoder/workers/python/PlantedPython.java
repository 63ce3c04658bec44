package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.TestSnapshots;

import java.nio.file.Path;

/** A small Python repository with planted problems, each one a rule ruff reports. */
final class PlantedPython {

    private PlantedPython() {
    }

    static void write(Path root) {
        TestSnapshots.write(root, "app/__init__.py", "");
        TestSnapshots.write(root, "app/store.py", """
                import json
                import os


                def remember(item, seen=[]):
                    seen.append(item)
                    return seen


                def load(path):
                    try:
                        with open(path) as handle:
                            return json.load(handle)
                    except:
                        return None
                """);
        TestSnapshots.write(root, "app/net.py", """
                import subprocess

                import requests


                def fetch(url):
                    return requests.get(url).text


                def run(command):
                    return subprocess.run(command, shell=True, check=False)


                def squares(values):
                    result = []
                    for value in values:
                        if value > 0:
                            result.append(value * value)
                    return result
                """);
        StringBuilder branches = new StringBuilder("def classify(x):\n");
        for (int i = 0; i < 12; i++) {
            branches.append("    if x == ").append(i).append(":\n        return ").append(i).append('\n');
        }
        branches.append("    return -1\n");
        TestSnapshots.write(root, "app/rules.py", branches.toString());
        TestSnapshots.write(root, "tests/test_store.py", """
                from app.store import remember


                def test_remember(seen=[]):
                    assert remember(1) == [1]
                """);
    }
}
