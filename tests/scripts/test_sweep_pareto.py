#!/usr/bin/python3
"""scripts/sweep_pareto.py's pareto_front (tests/scripts: scripts.sweep_pareto).

Fronts worked out by hand (both objectives minimized), then random points
with many ties checked against the definition itself, pair by pair.
"""
import random
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from sweep_pareto import pareto_front  # noqa: E402


def dominates(a, b):
    return a[0] <= b[0] and a[1] <= b[1] and (a[0] < b[0] or a[1] < b[1])


class ParetoFrontTest(unittest.TestCase):
    def test_empty_and_single(self):
        self.assertEqual(pareto_front([]), [])
        self.assertEqual(pareto_front([(3.0, 4.0)]), [0])

    def test_trade_off(self):
        # (3,4) is beaten by (2,3) and (5,5) by everything to its left; the
        # other four each win on one axis against every other.
        points = [(1, 5), (2, 3), (3, 4), (4, 1), (5, 5), (2.5, 2)]
        self.assertEqual(pareto_front(points), [0, 1, 5, 3])

    def test_one_point_best_in_both(self):
        points = [(2, 2), (1, 1), (3, 1.5), (1.5, 9)]
        self.assertEqual(pareto_front(points), [1])

    def test_same_x_keeps_only_the_lower_y(self):
        # (1,2) beats (1,3): equal latency, less energy.
        self.assertEqual(pareto_front([(1, 3), (1, 2), (2, 1)]), [1, 2])

    def test_same_y_keeps_only_the_lower_x(self):
        # (1,2) beats (3,2): equal energy, faster.
        self.assertEqual(pareto_front([(1, 2), (3, 2), (0, 5)]), [2, 0])

    def test_duplicates_on_the_front_are_all_kept(self):
        # Neither copy of (2,2) is better than the other; ordered by x, then
        # y, then input order.
        points = [(2, 2), (1, 3), (2, 2), (3, 1), (3, 3)]
        self.assertEqual(pareto_front(points), [1, 0, 2, 3])
        self.assertEqual(pareto_front([(1, 1), (1, 1), (1, 1)]), [0, 1, 2])

    def test_dominated_duplicates_are_all_dropped(self):
        self.assertEqual(pareto_front([(2, 2), (1, 1), (2, 2)]), [1])

    def test_input_order_does_not_matter(self):
        points = [(4, 1), (1, 5), (2.5, 2), (5, 5), (2, 3), (3, 4)]
        self.assertEqual([points[i] for i in pareto_front(points)], [(1, 5), (2, 3), (2.5, 2), (4, 1)])

    def test_against_the_definition(self):
        rng = random.Random(8)
        for trial in range(300):
            # small integer ranges: many equal x, equal y and duplicate points
            points = [(rng.randint(0, 6), rng.randint(0, 6)) for _ in range(rng.randint(1, 25))]
            expected = {i for i, p in enumerate(points) if not any(dominates(q, p) for q in points)}
            front = pareto_front(points)
            self.assertEqual(set(front), expected, f"trial {trial}: {points}")
            self.assertEqual(len(front), len(expected), f"trial {trial}: an index twice")
            ordered = [points[i] for i in front]
            self.assertEqual(ordered, sorted(ordered), f"trial {trial}: not ordered by x then y")


if __name__ == "__main__":
    unittest.main()
