"""The training runs of the parity suite; twin of ``NN/Training`` (``Training.run``).

``Reference/cases/models.json`` is a JSON array of specs (``ModelSpec`` in Swift)::

    {
      "name": "moons",
      "seed": 42,
      "dataset": {"kind": "moons", "count": 100, "noise": 0.1},
      "model": {"inputs": 2, "layers": [16, 16, 1], "activation": "relu",
                "outputActivation": "linear", "initializer": "micrograd"},
      "loss": {"kind": "maxMargin", "l2": 0.0001},
      "optimizer": {"kind": "sgd", "learningRate": 1.0, "learningRateDecay": 0.9,
                    "decaySteps": 100},
      "steps": 100
    }

- ``seed`` seeds one ``RNG``, which draws the data set first (moons, yinyang), then the model.
- ``dataset.kind``: ``lecture`` (4 fixed samples); ``moons`` (``count``, ``noise``); ``yinyang``
  (``count``; training uses the train split, the first 80%). Moons points are fed to the model
  as tensors (the demo's ``list(map(Value, xrow))``), the others as Python floats.
- ``model``: ``MLP(inputs, layers)``; ``activation`` for hidden layers and ``outputActivation``
  for the last (``relu``, ``tanh``, ``linear``); ``initializer``: ``micrograd``, ``lecture`` or
  ``eureka``.
- ``loss.kind``: ``squaredError`` (the lecture), ``maxMargin`` (moons demo, plus
  ``l2 * sum(p*p)``) or ``crossEntropy`` (Eureka: mean cross-entropy over the points).
- ``optimizer.kind``: ``sgd`` (``learningRate``, optionally
  ``learningRate - learningRateDecay * k / decaySteps`` at step ``k``) or ``adamw``
  (``learningRate``, ``beta1``, ``beta2``, ``epsilon``, ``weightDecay``).

Each step: forward every point and the loss, ``zero_grad`` (to ``None``), backward, record,
update. ``train`` returns plain floats, and which of ``tanh``, ``exp``, ``log``, ``sqrt`` the run
computed::

    {"losses": [...one per step...],
     "gradients": {"0": [...], "1": [...], "<last step>": [...]},   # every parameter, in order
     "final_parameters": [...],
     "transcendentals_used": ["exp", "log", "sqrt", "tanh"]}          # sorted; may be empty

``train(spec, "portable")`` takes those four functions' forward values correctly rounded instead
of torch, everything else unchanged (see ``transcendentals.py``): the engine's arithmetic.
"""

import json

import torch

from . import data, losses
from .nn import MLP
from .optim import SGD, AdamW
from .rng import RNG
from .transcendentals import Transcendentals


def load_specs(path):
    """The specs of a ``models.json`` file."""
    with open(path) as f:
        return json.load(f)


def make_objective(spec, rng, transcendentals):
    """The run's data and a function computing its loss (as the original script does)."""
    kind = spec["dataset"]["kind"]
    loss_kind = spec["loss"]["kind"]
    if kind == "lecture":
        inputs, labels = data.lecture()
    elif kind == "moons":
        inputs, labels = data.moons(rng, spec["dataset"].get("count", 100),
                                    spec["dataset"].get("noise", 0.1))
    elif kind == "yinyang":
        (inputs, labels), _, _ = data.yinyang(rng, spec["dataset"].get("count", 1000))
    else:
        raise ValueError(f"unknown data set {kind!r}")

    if loss_kind == "squaredError":
        def loss(model, parameters):
            predictions = [model(x)[0] for x in inputs]
            return losses.squared_error(predictions, labels)
    elif loss_kind == "maxMargin":
        alpha = spec["loss"].get("l2", 0.0)

        def loss(model, parameters):
            points = [[torch.tensor(v, dtype=torch.float64) for v in x] for x in inputs]
            scores = [model(x)[0] for x in points]
            return losses.max_margin(scores, labels) + losses.l2(parameters, alpha)
    elif loss_kind == "crossEntropy":
        def loss(model, parameters):
            total = torch.tensor(0.0, dtype=torch.float64)
            for x, y in zip(inputs, labels):
                total = total + losses.cross_entropy(model(x), y, transcendentals)
            return total * (1.0 / len(inputs))
    else:
        raise ValueError(f"unknown loss {loss_kind!r}")
    return loss


def make_optimizer(spec, parameters, transcendentals):
    if spec["kind"] == "sgd":
        rate = spec["learningRate"]
        decay = spec.get("learningRateDecay", 0.0)
        over = spec.get("decaySteps", 1)
        if decay == 0:
            return SGD(parameters, rate)
        return SGD(parameters, lambda k: rate - decay * k / over)
    if spec["kind"] == "adamw":
        return AdamW(parameters, spec["learningRate"], spec.get("beta1", 0.9),
                     spec.get("beta2", 0.999), spec.get("epsilon", 1e-8),
                     spec.get("weightDecay", 1e-2), transcendentals)
    raise ValueError(f"unknown optimizer {spec['kind']!r}")


def train(spec: dict, transcendentals: str = "torch") -> dict:
    """Runs one spec with ``tanh``, ``exp``, ``log`` and ``sqrt`` from ``transcendentals``
    (``"torch"`` or ``"portable"``); see the module docstring for the result."""
    functions = Transcendentals(transcendentals)
    rng = RNG(spec["seed"])
    loss_of = make_objective(spec, rng, functions)
    architecture = spec["model"]
    model = MLP(architecture["inputs"], architecture["layers"], architecture["activation"],
                architecture["outputActivation"], architecture["initializer"], rng, functions)
    parameters = model.parameters()
    optimizer = make_optimizer(spec["optimizer"], parameters, functions)
    steps = spec["steps"]
    recorded = {0, 1, steps - 1}
    result = {"losses": [], "gradients": {}, "final_parameters": []}
    for k in range(steps):
        loss = loss_of(model, parameters)
        model.zero_grad()
        loss.backward()
        result["losses"].append(loss.item())
        if k in recorded:
            result["gradients"][str(k)] = [p.grad.item() for p in parameters]
        optimizer.step()
    result["final_parameters"] = [p.item() for p in parameters]
    result["transcendentals_used"] = sorted(functions.used)
    return result
