"""The data sets, drawn from ``rng.RNG``; twin of ``Sources/Micrograd/Data``.

A data set is a pair ``(inputs, labels)``: a list of points (lists of floats) and their labels.
Generation uses the correctly rounded ``log``, ``sin``, ``cos`` and ``pow`` of ``portable.py``
(mpmath), as the Swift side uses ``PortableMath``'s: the data sets are the same on every platform.
"""

import math

from . import portable


def lecture():
    """The micrograd lecture's four samples and their ±1 targets."""
    return ([[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]],
            [1.0, -1.0, -1.0, 1.0])


def linspace(start, stop, count):
    """numpy's ``linspace``: ``i * ((stop - start) / (count - 1)) + start``, last point ``stop``."""
    if count <= 1:
        return [start] if count == 1 else []
    step = (stop - start) / (count - 1)
    points = [i * step + start for i in range(count)]
    points[-1] = stop
    return points


def moons(rng, count=100, noise=0.1):
    """sklearn's ``make_moons(count, noise=noise, shuffle=False)`` with Box–Muller noise from
    ``rng``, labels -1 (outer moon) and +1 (inner); see ``Moons.swift`` for the algorithm."""
    outer = count // 2
    inputs, labels = [], []
    for t in linspace(0.0, math.pi, outer):
        inputs.append([portable.cos(t), portable.sin(t)])
        labels.append(-1.0)
    for t in linspace(0.0, math.pi, count - outer):
        inputs.append([1 - portable.cos(t), 1 - portable.sin(t) - 0.5])
        labels.append(1.0)
    for point in inputs:
        u1 = 1 - rng.random()
        u2 = rng.random()
        radius = math.sqrt(-2 * portable.log(u1))
        theta = 2 * math.pi * u2
        point[0] += noise * (radius * portable.cos(theta))
        point[1] += noise * (radius * portable.sin(theta))
    return inputs, labels


def yinyang(rng, count=1000, r_small=0.1, r_big=0.5):
    """EurekaLabsAI/micrograd's ``gen_data_yinyang``: ``(train, validation, test)`` splits of
    80%, 10% and 10%, labels 0 (yin), 1 (yang), 2 (dots)."""

    def distance(dx, dy):
        """Eureka's ``(dx**2 + dy**2) ** 0.5``, with the correctly rounded ``pow``."""
        return portable.pow(portable.pow(dx, 2.0) + portable.pow(dy, 2.0), 0.5)

    def which_class(x, y):
        d_right = distance(x - 1.5 * r_big, y - r_big)
        d_left = distance(x - 0.5 * r_big, y - r_big)
        criterion1 = d_right <= r_small
        criterion2 = d_left > r_small and d_left <= 0.5 * r_big
        criterion3 = y > r_big and d_right > 0.5 * r_big
        is_yin = criterion1 or criterion2 or criterion3
        is_circles = d_right < r_small or d_left < r_small
        if is_circles:
            return 2
        return 0 if is_yin else 1

    def get_sample(goal_class):
        while True:
            x = rng.uniform(0, 2 * r_big)
            y = rng.uniform(0, 2 * r_big)
            if distance(x - r_big, y - r_big) > r_big:
                continue
            if which_class(x, y) == goal_class:
                return [(x / r_big - 1) * 2, (y / r_big - 1) * 2], goal_class

    points = [get_sample(i % 3) for i in range(count)]
    inputs = [p for p, _ in points]
    labels = [c for _, c in points]
    train_end, validation_end = int(0.8 * count), int(0.9 * count)
    return ((inputs[:train_end], labels[:train_end]),
            (inputs[train_end:validation_end], labels[train_end:validation_end]),
            (inputs[validation_end:], labels[validation_end:]))
