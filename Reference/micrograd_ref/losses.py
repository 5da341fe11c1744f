"""The losses, written as the original scripts write them; twin of ``NN/Losses``.

Python's ``sum`` starts from the integer 0, so its first node is ``t0 + 0`` (``__radd__``).
"""


def squared_error(predictions, targets):
    """The lecture: ``sum((yout - ygt)**2 for ygt, yout in zip(ys, ypred))``."""
    return sum((yout - ygt)**2 for ygt, yout in zip(targets, predictions))


def max_margin(scores, labels):
    """karpathy's moons demo: the SVM max-margin data loss for ±1 labels."""
    losses = [(1 + -yi * scorei).relu() for yi, scorei in zip(labels, scores)]
    return sum(losses) * (1.0 / len(losses))


def l2(parameters, alpha):
    """The demo's ``alpha * sum((p*p for p in model.parameters()))``."""
    return alpha * sum((p * p for p in parameters))


def accuracy(scores, labels):
    """The demo's accuracy: how often ``label > 0`` and ``score > 0`` agree."""
    hits = [(yi > 0) == (scorei.item() > 0) for yi, scorei in zip(labels, scores)]
    return sum(hits) / len(hits)


def cross_entropy(logits, target, transcendentals):
    """EurekaLabsAI/micrograd's ``cross_entropy`` (no max subtraction); only the target's
    probability is computed, the others do not reach the loss. ``exp`` and ``log`` come from
    ``transcendentals`` (see ``transcendentals.py``)."""
    ex = [transcendentals.exp(x) for x in logits]
    denom = sum(ex)
    return -transcendentals.log(ex[target] / denom)
