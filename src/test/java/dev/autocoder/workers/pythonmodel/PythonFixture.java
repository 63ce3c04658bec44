package dev.autocoder.workers.pythonmodel;

import org.eclipse.jgit.api.Git;

import java.nio.file.Files;
import java.nio.file.Path;

/** A small Python repository with planted issues, committed with JGit, as a user's repository would be. */
final class PythonFixture {

    static final String ORDERS = """
            import os
            import random
            import sqlite3
            import subprocess
            import threading
            import time
            from typing import Optional

            import requests

            from .errors import OrderError


            def total(prices: list[int], discount: int = 0, note=None) -> int:
                if discount > 50:
                    raise ValueError("discount too large")
                if len(prices) == 0:
                    return None
                result = 0
                for price in prices:
                    if price < 0:
                        raise OrderError("negative price")
                    result += price
                return result - discount


            def add_item(item, items=[]):
                items.append(item)
                return items


            def fetch_rate(currency: str) -> Optional[float]:
                try:
                    answer = requests.get("https://rates.example.org/" + currency)
                    return answer.json()["rate"]
                except:
                    pass


            def archive(name: str, retries=3):
                subprocess.run("tar czf " + name + ".tgz " + name, shell=True)
                stamp = time.time()
                token = random.random()
                home = os.environ["HOME"]
                worker = threading.Thread(target=print)
                return stamp, token, home, worker


            def count_orders(path: str) -> int:
                conn = sqlite3.connect(path)
                try:
                    cursor = conn.execute("select count(*) from orders")
                    return cursor.fetchone()[0]
                except sqlite3.Error as e:
                    raise OrderError("cannot count")
                finally:
                    conn.close()
            """;

    static final String CART = """
            import requests


            class Cart:
                def __init__(self, owner: str):
                    self.owner = owner
                    self.session = requests.Session()

                def checkout(self, amount: float, *extras, **options):
                    if amount <= 0:
                        raise ValueError("amount must be positive")
                    return self.session.post("https://pay.example.org", json={"amount": amount})

                def _secret(self):
                    return 1
            """;

    static final String ERRORS = """
            class OrderError(Exception):
                pass
            """;

    static final String TEST_ORDERS = """
            from shop.orders import total


            def test_total():
                assert total([1, 2]) == 3
            """;

    private PythonFixture() {
    }

    static Path create(Path repo) throws Exception {
        Files.createDirectories(repo.resolve("shop"));
        Files.createDirectories(repo.resolve("tests"));
        Files.writeString(repo.resolve("shop/__init__.py"), "");
        Files.writeString(repo.resolve("shop/orders.py"), ORDERS);
        Files.writeString(repo.resolve("shop/cart.py"), CART);
        Files.writeString(repo.resolve("shop/errors.py"), ERRORS);
        Files.writeString(repo.resolve("shop/broken.py"), "def broken(:\n    pass\n");
        Files.writeString(repo.resolve("tests/test_orders.py"), TEST_ORDERS);
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("shop").setAuthor("a", "a@example.org").setCommitter("a", "a@example.org").call();
        }
        return repo;
    }
}
