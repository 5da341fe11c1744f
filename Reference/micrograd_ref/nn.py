"""``Neuron``, ``Layer`` and ``MLP`` over 0-dim float64 tensors; twin of ``Sources/Micrograd/NN``.

Parameters are leaf tensors with ``requires_grad``. A neuron computes
``act = b; act = act + w0 * x0; act = act + w1 * x1; ...`` (micrograd's
``sum((wi*xi for ...), self.b)``), then its activation. A float input makes ``w * x`` a tensor
times a Python float, as ``Value * Double`` in Swift. ``tanh`` comes from the run's
``Transcendentals`` (torch's or correctly rounded, see ``transcendentals.py``).
"""

import torch

from . import portable
from .transcendentals import Transcendentals


def activation_function(name: str, transcendentals: Transcendentals):
    """The activation ``relu``, ``tanh`` or ``linear``."""
    if name == "relu":
        return torch.relu
    if name == "tanh":
        return transcendentals.tanh
    if name == "linear":
        return lambda x: x
    raise ValueError(f"unknown activation {name!r}")


def parameter(data: float) -> torch.Tensor:
    return torch.tensor(data, dtype=torch.float64, requires_grad=True)


def draw(initializer: str, inputs: int, rng):
    """The initial ``(weights, bias)`` of a neuron (``Initializer.swift``)."""
    if initializer == "micrograd":
        return [rng.uniform(-1, 1) for _ in range(inputs)], 0.0
    if initializer == "lecture":
        weights = [rng.uniform(-1, 1) for _ in range(inputs)]
        return weights, rng.uniform(-1, 1)
    if initializer == "eureka":
        scale = portable.pow(float(inputs), -0.5)  # Eureka's inputs**-0.5, correctly rounded
        return [rng.uniform(-1, 1) * scale for _ in range(inputs)], 0.0
    raise ValueError(f"unknown initializer {initializer!r}")


class Neuron:
    def __init__(self, inputs, activation, initializer, rng, transcendentals):
        weights, bias = draw(initializer, inputs, rng)
        self.w = [parameter(w) for w in weights]
        self.b = parameter(bias)
        self.activation = activation_function(activation, transcendentals)

    def __call__(self, x):
        act = self.b
        for wi, xi in zip(self.w, x):
            act = act + wi * xi
        return self.activation(act)

    def parameters(self):
        return self.w + [self.b]


class Layer:
    def __init__(self, inputs, outputs, activation, initializer, rng, transcendentals):
        self.neurons = [Neuron(inputs, activation, initializer, rng, transcendentals) for _ in range(outputs)]

    def __call__(self, x):
        return [n(x) for n in self.neurons]

    def parameters(self):
        return [p for n in self.neurons for p in n.parameters()]


class MLP:
    def __init__(self, inputs, outputs, activation="relu", output_activation="linear",
                 initializer="micrograd", rng=None, transcendentals=None):
        transcendentals = transcendentals or Transcendentals("torch")
        sizes = [inputs] + list(outputs)
        self.layers = [
            Layer(sizes[i], sizes[i + 1],
                  output_activation if i == len(outputs) - 1 else activation, initializer, rng,
                  transcendentals)
            for i in range(len(outputs))
        ]

    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        return x

    def parameters(self):
        return [p for layer in self.layers for p in layer.parameters()]

    def zero_grad(self):
        """torch's ``zero_grad()``: gradients set to ``None``."""
        for p in self.parameters():
            p.grad = None
