import unittest

from shop.cart import total


class TotalTest(unittest.TestCase):
    def test_sum(self):
        self.assertEqual(total([1, 2]), 3)

    def test_discount(self):
        self.assertEqual(total([100], 10), 90)


if __name__ == "__main__":
    unittest.main()
