"""The Python peers of ``MicrogradBenchmark --side-by-side`` (run by ``Scripts/bench.sh``).

The benchmark embeds CPython (``MicrogradTorch``'s bridge) and times these peers in the same
process as the engine, in alternating rounds, through three calls that take and return JSON
strings:

- ``setup({"implementation": name, "workload": {...}})`` builds a peer for one workload (the
  benchmark's ``PeerWorkload``: the run's spec from ``Reference/cases/models.json``, its points
  and labels, and the initial parameters in micrograd's order) and returns ``{"key": ...}``;
- ``run({"key": key, "steps": n})`` takes ``n`` training steps and returns
  ``{"seconds": [...], "losses": [...]}``: each step's time (``perf_counter``, the steps
  alone) and its loss before its update;
- ``drop({"key": key})`` frees the peer.

``python3 Benchmarks/peers.py rss WORKLOAD.json IMPLEMENTATION STEPS`` runs one peer alone in
its own process and prints its peak resident set size (for the benchmark's RSS column);
``python3 Benchmarks/peers.py graph NODES`` prints torch scalar's row of the random-graph table.

The implementations (each step: forward every point and the loss, zero the gradients,
backward, update; the learning rate of SGD step ``k`` is ``rate - decay * (k % steps) /
steps``):

- ``micrograd``: karpathy's micrograd as published on PyPI (0.1.0, unmodified). Its ``Value``
  has no ``tanh``, ``exp`` or ``log``: for the lecture and yin-yang they are added here as
  functions written the lecture's way (forward from ``math``, backward as the lecture's
  ``_backward``), and AdamW is written on plain floats as torch's formula reads;
- ``torch-scalar``: ``Reference/micrograd_ref``, the parity suite's twin (one 0-dim float64
  tensor per scalar, torch's own ``tanh``, ``exp``, ``log``); its data and initial weights are
  drawn again by the twin and checked against the benchmark's;
- ``torch-batched-1`` and ``torch-batched``: ``torch.nn.Linear`` layers in float64 on the whole
  batch, with 1 thread and with torch's default number of threads.
"""

import json
import math
import os
import resource
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(os.path.dirname(HERE), "Reference")

_peers = {}


# MARK: - micrograd


def _micrograd_functions(Value):
    """The lecture's ``tanh`` and ``exp`` and EurekaLabsAI's ``log`` for micrograd's ``Value``
    (micrograd 0.1.0 has only ``relu``), forward values from the C library as the engine's."""

    def tanh(x):
        t = math.tanh(x.data)
        out = Value(t, (x,), "tanh")

        def _backward():
            x.grad += (1 - t**2) * out.grad

        out._backward = _backward
        return out

    def exp(x):
        out = Value(math.exp(x.data), (x,), "exp")

        def _backward():
            x.grad += out.data * out.grad

        out._backward = _backward
        return out

    def log(x):
        out = Value(math.log(x.data), (x,), "log")

        def _backward():
            x.grad += (1 / x.data) * out.grad

        out._backward = _backward
        return out

    return tanh, exp, log


class MicrogradPeer:
    def __init__(self, workload):
        path = workload.get("microgradPath") or ""
        if path and path not in sys.path:
            sys.path.insert(0, path)
        from micrograd import nn
        from micrograd.engine import Value

        tanh, exp, log = _micrograd_functions(Value)
        self.Value, self.exp, self.log = Value, exp, log
        self.workload, self.spec = workload, workload["spec"]
        m = self.spec["model"]
        sizes = [m["inputs"]] + m["layers"]
        hidden, output = m["activation"], m["outputActivation"]
        if hidden == "relu" and output == "linear":
            self.model = nn.MLP(sizes[0], sizes[1:])  # karpathy's own MLP
        else:
            activations = {"relu": lambda v: v.relu(), "tanh": tanh, "linear": lambda v: v}

            class Neuron(nn.Neuron):
                def __init__(self, nin, activation):
                    super().__init__(nin)
                    self.activation = activations[activation]

                def __call__(self, x):
                    return self.activation(sum((wi * xi for wi, xi in zip(self.w, x)), self.b))

            class Layer(nn.Layer):
                def __init__(self, nin, nout, activation):
                    self.neurons = [Neuron(nin, activation) for _ in range(nout)]

            self.model = nn.MLP(sizes[0], sizes[1:])
            self.model.layers = [
                Layer(sizes[i], sizes[i + 1], output if i == len(sizes) - 2 else hidden) for i in range(len(sizes) - 1)
            ]
        self.parameters = self.model.parameters()
        if len(self.parameters) != len(workload["parameters"]):
            raise ValueError(f"micrograd MLP has {len(self.parameters)} parameters, the workload {len(workload['parameters'])}")
        for p, value in zip(self.parameters, workload["parameters"]):
            p.data = value
        self.step_count = 0
        self.moments = [(0.0, 0.0) for _ in self.parameters]

    def output(self, x):
        out = self.model(x)
        return out if isinstance(out, list) else [out]

    def loss(self):
        w, Value = self.workload, self.Value
        kind = self.spec["loss"]["kind"]
        if kind == "maxMargin":  # karpathy's demo.ipynb
            inputs = [list(map(Value, xrow)) for xrow in w["points"]]
            scores = [self.output(x)[0] for x in inputs]
            losses = [(1 + -yi * scorei).relu() for yi, scorei in zip(w["targets"], scores)]
            data_loss = sum(losses) * (1.0 / len(losses))
            alpha = self.spec["loss"].get("l2", 0.0)
            return data_loss + alpha * sum((p * p for p in self.parameters))
        if kind == "squaredError":  # the lecture
            ypred = [self.output(x)[0] for x in w["points"]]
            return sum((yout - ygt) ** 2 for ygt, yout in zip(w["targets"], ypred))
        if kind == "crossEntropy":  # EurekaLabsAI's loss_fun, only the target's probability
            total = Value(0.0)
            for x, y in zip(w["points"], w["classes"]):
                ex = [self.exp(v) for v in self.output(x)]
                denom = sum(ex)
                total = total + -self.log(ex[y] / denom)
            return total * (1.0 / len(w["points"]))
        raise ValueError(f"unknown loss {kind!r}")

    def update(self):
        o = self.spec["optimizer"]
        k = self.step_count
        if o["kind"] == "sgd":
            lr = _learning_rate(o, k)
            for p in self.parameters:
                p.data -= lr * p.grad
        else:  # torch's AdamW formula on floats
            lr, b1, b2, eps, wd = o["learningRate"], o["beta1"], o["beta2"], o["epsilon"], o["weightDecay"]
            t = k + 1
            step_size = lr / (1 - b1**t)
            correction = (1 - b2**t) ** 0.5
            for i, p in enumerate(self.parameters):
                m, v = self.moments[i]
                g = p.grad
                m = m + (1 - b1) * (g - m)
                v = v * b2 + (1 - b2) * g * g
                self.moments[i] = (m, v)
                p.data = p.data * (1 - lr * wd)
                p.data = p.data + (-step_size * m) / (math.sqrt(v) / correction + eps)
        self.step_count += 1

    def step(self):
        loss = self.loss()
        self.model.zero_grad()
        loss.backward()
        self.update()
        return loss.data


# MARK: - torch, one 0-dim tensor per scalar


class TorchScalarPeer:
    def __init__(self, workload):
        if REFERENCE not in sys.path:
            sys.path.insert(0, REFERENCE)
        from micrograd_ref import models, optim
        from micrograd_ref.nn import MLP
        from micrograd_ref.rng import RNG
        from micrograd_ref.transcendentals import Transcendentals

        spec = workload["spec"]
        functions = Transcendentals("torch")
        rng = RNG(spec["seed"])
        self.loss_of = models.make_objective(spec, rng, functions)
        m = spec["model"]
        self.model = MLP(m["inputs"], m["layers"], m["activation"], m["outputActivation"], m["initializer"], rng,
                         functions)
        self.parameters = self.model.parameters()
        drawn = [p.item() for p in self.parameters]
        if drawn != workload["parameters"]:
            raise AssertionError(f"{workload['name']}: the twin drew other initial parameters than the benchmark")
        _check_twin_data(workload)
        o = spec["optimizer"]
        if o["kind"] == "sgd":
            self.optimizer = optim.SGD(self.parameters, lambda k: _learning_rate(o, k))
        else:
            self.optimizer = models.make_optimizer(o, self.parameters, functions)

    def step(self):
        loss = self.loss_of(self.model, self.parameters)
        self.model.zero_grad()
        loss.backward()
        self.optimizer.step()
        return loss.item()


def _check_twin_data(workload):
    """The twin's data set for the workload's spec is the benchmark's, bit for bit."""
    from micrograd_ref import data
    from micrograd_ref.rng import RNG

    spec = workload["spec"]
    kind = spec["dataset"]["kind"]
    rng = RNG(spec["seed"])
    if kind == "lecture":
        points, labels = data.lecture()
    elif kind == "moons":
        points, labels = data.moons(rng, spec["dataset"].get("count", 100), spec["dataset"].get("noise", 0.1))
    else:
        (points, labels), _, _ = data.yinyang(rng, spec["dataset"].get("count", 1000))
    expected = workload["targets"] if workload.get("targets") is not None else workload["classes"]
    if points != workload["points"] or labels != expected:
        raise AssertionError(f"{workload['name']}: the twin's data set differs from the benchmark's")


# MARK: - torch, batched


class TorchBatchedPeer:
    def __init__(self, workload, threads):
        import torch

        self.torch, self.workload, self.spec = torch, workload, workload["spec"]
        self.threads = threads if threads is not None else torch.get_num_threads()
        m = self.spec["model"]
        sizes = [m["inputs"]] + m["layers"]
        flat = iter(workload["parameters"])
        self.layers = []
        for i in range(len(sizes) - 1):
            layer = torch.nn.Linear(sizes[i], sizes[i + 1], dtype=torch.float64)
            with torch.no_grad():
                for j in range(sizes[i + 1]):  # micrograd's order: a neuron's weights, then its bias
                    for k in range(sizes[i]):
                        layer.weight[j, k] = next(flat)
                    layer.bias[j] = next(flat)
            self.layers.append(layer)
        self.parameters = [p for layer in self.layers for p in (layer.weight, layer.bias)]
        self.activations = [m["activation"]] * (len(self.layers) - 1) + [m["outputActivation"]]
        self.x = torch.tensor(workload["points"], dtype=torch.float64)
        if workload.get("targets") is not None:
            self.y = torch.tensor(workload["targets"], dtype=torch.float64)
        else:
            self.y = torch.tensor(workload["classes"], dtype=torch.long)
        o = self.spec["optimizer"]
        self.adamw = None
        if o["kind"] == "adamw":
            self.adamw = torch.optim.AdamW(self.parameters, lr=o["learningRate"], betas=(o["beta1"], o["beta2"]),
                                           eps=o["epsilon"], weight_decay=o["weightDecay"])
        self.step_count = 0

    def loss(self):
        torch = self.torch
        h = self.x
        for layer, activation in zip(self.layers, self.activations):
            h = layer(h)
            if activation == "relu":
                h = torch.relu(h)
            elif activation == "tanh":
                h = torch.tanh(h)
        n = h.shape[0]
        kind = self.spec["loss"]["kind"]
        if kind == "maxMargin":
            losses = torch.relu(1 + -self.y * h[:, 0])
            alpha = self.spec["loss"].get("l2", 0.0)
            return losses.sum() * (1.0 / n) + alpha * sum((p * p).sum() for p in self.parameters)
        if kind == "squaredError":
            return ((h[:, 0] - self.y) ** 2).sum()
        ex = h.exp()
        picked = ex[torch.arange(n), self.y]
        return (-(picked / ex.sum(dim=1)).log()).sum() * (1.0 / n)

    def step(self):
        loss = self.loss()
        for p in self.parameters:
            p.grad = None
        loss.backward()
        if self.adamw is not None:
            self.adamw.step()
        else:
            lr = _learning_rate(self.spec["optimizer"], self.step_count)
            with self.torch.no_grad():
                for p in self.parameters:
                    p -= lr * p.grad
        self.step_count += 1
        return loss.item()

    def run(self, steps):
        self.torch.set_num_threads(self.threads)
        return _run(self, steps)


# MARK: - the calls


def _learning_rate(optimizer, k):
    """The benchmark's SGD schedule: the spec's linear decay, restarted every ``decaySteps``."""
    rate, decay, over = optimizer["learningRate"], optimizer.get("learningRateDecay") or 0.0, optimizer.get("decaySteps") or 1
    return rate - decay * (k % over) / over


def _make(implementation, workload):
    if implementation == "micrograd":
        return MicrogradPeer(workload)
    if implementation == "torch-scalar":
        return TorchScalarPeer(workload)
    if implementation == "torch-batched-1":
        return TorchBatchedPeer(workload, 1)
    if implementation == "torch-batched":
        return TorchBatchedPeer(workload, None)
    raise ValueError(f"unknown implementation {implementation!r}")


def _run(peer, steps):
    losses, seconds = [], []
    began = time.perf_counter()
    for _ in range(steps):
        losses.append(peer.step())
        now = time.perf_counter()
        seconds.append(now - began)
        began = now
    return {"seconds": seconds, "losses": losses}


def setup(argument):
    request = json.loads(argument)
    key = f"{request['implementation']}/{request['workload']['name']}"
    peer = _make(request["implementation"], request["workload"])
    _peers[key] = peer
    threads = getattr(peer, "threads", 1)
    return json.dumps({"key": key, "threads": threads})


def run(argument):
    request = json.loads(argument)
    peer = _peers[request["key"]]
    result = peer.run(request["steps"]) if hasattr(peer, "run") else _run(peer, request["steps"])
    return json.dumps(result)


def drop(argument):
    _peers.pop(json.loads(argument)["key"], None)
    return "{}"


def _resident_kilobytes():
    """``VmRSS`` of ``/proc/self/status``; 0 where there is none (macOS)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _peak_kilobytes():
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def random_graph_row(nodes):
    """The random graph of ``MicrogradBenchmark --side-by-side --graphs`` (``LargeGraphs.swift``:
    the same draws from the same ``RNG``) on 0-dim float64 torch tensors, once: a Markdown row
    of the seconds and nodes per second forward (building) and backward."""
    import warnings

    warnings.filterwarnings("ignore", message="Failed to initialize NumPy")
    import torch

    if REFERENCE not in sys.path:
        sys.path.insert(0, REFERENCE)
    from micrograd_ref.rng import RNG

    leaf_count, window = 1000, 1000
    rng = RNG(1)
    leaves = [torch.tensor(rng.uniform(-1, 1), dtype=torch.float64, requires_grad=True) for _ in range(leaf_count)]
    operations, recorded = [], leaf_count
    while recorded < nodes:
        i = leaf_count + len(operations)
        op = rng.next_u64() % (4 if nodes - recorded >= 2 else 3)
        operations.append((op, i - 1 - rng.next_u64() % min(window, i)))
        recorded += 2 if op == 3 else 1
    graph = list(leaves)
    began = time.perf_counter()
    for op, other in operations:
        a, b = graph[-1], graph[other]
        if op == 0:
            graph.append(a + b)
        elif op == 1:
            graph.append(a - b)
        elif op == 2:
            graph.append(torch.tanh(a))
        else:
            graph.append(torch.tanh(a * b))
    built = time.perf_counter()
    graph[-1].backward()
    done = time.perf_counter()
    forward, backward = built - began, done - built
    return (f"| torch, one 0-dim float64 tensor per scalar (1 build) | {forward:.3f} s, {recorded / forward / 1e6:.2f} M nodes/s "
            f"| {backward:.3f} s, {recorded / backward / 1e6:.2f} M nodes/s |")


def main(arguments):
    if len(arguments) == 2 and arguments[0] == "graph":
        print(random_graph_row(int(arguments[1])))
        return
    if len(arguments) != 4 or arguments[0] != "rss":
        sys.exit("usage: peers.py rss WORKLOAD.json IMPLEMENTATION STEPS | peers.py graph NODES")
    _, path, implementation, steps = arguments
    with open(path) as f:
        workload = json.load(f)
    workload["microgradPath"] = os.environ.get("MICROGRAD_BENCH_MICROGRAD", "")
    if implementation != "micrograd":
        import warnings

        warnings.filterwarnings("ignore", message="Failed to initialize NumPy")  # numpy is not needed
        import torch  # noqa: F401  (imported before the baseline, as the other peers need it)
    baseline = _resident_kilobytes()
    peer = _make(implementation, workload)
    result = peer.run(int(steps)) if hasattr(peer, "run") else _run(peer, int(steps))
    print(json.dumps({"peakKB": _peak_kilobytes(), "baselineKB": baseline, "steps": len(result["losses"])}))


if __name__ == "__main__":
    main(sys.argv[1:])
