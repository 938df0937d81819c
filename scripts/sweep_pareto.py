"""The Pareto front of points that minimize two objectives (plot_sweep.py).

A point dominates another when it is no worse in both objectives and better
in at least one. The front is every point that no other point dominates, so
two identical points are both on it (neither is better), while of two points
with the same x only the lower y can be (and likewise for the same y).
"""


def pareto_front(points):
    """Indices of the non-dominated points of `points` (pairs (x, y), both
    minimized), ordered by x and then y: the order to connect them in."""
    order = sorted(range(len(points)), key=lambda i: (points[i][0], points[i][1]))
    front = []
    for i in order:
        x, y = points[i]
        if not front:
            front.append(i)
            continue
        # Sorted by x, every earlier point has x no larger: this one survives
        # only with a strictly lower y than all of them, or as an exact copy
        # of the last survivor (whose y is the lowest so far).
        last_x, last_y = points[front[-1]]
        if y < last_y or (x, y) == (last_x, last_y):
            front.append(i)
    return front
