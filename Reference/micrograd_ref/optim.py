"""The optimizers; twin of ``NN/Optimizers``."""

import torch


class SGD:
    """``p -= lr(k) * p.grad`` under ``no_grad`` (one multiply, one subtract)."""

    def __init__(self, parameters, learning_rate):
        self.parameters = parameters
        self.learning_rate = learning_rate if callable(learning_rate) else (lambda k: learning_rate)
        self.step_count = 0

    def step(self):
        lr = self.learning_rate(self.step_count)
        with torch.no_grad():
            for p in self.parameters:
                p -= lr * p.grad
        self.step_count += 1


class AdamW:
    """The real ``torch.optim.AdamW`` (default implementation: single-tensor on the CPU), its
    square roots (``exp_avg_sq.sqrt()``) taken from the run's ``Transcendentals``: torch's own,
    or ``math.sqrt`` (see ``transcendentals.py``). Every other operation is torch's."""

    def __init__(self, parameters, learning_rate, beta1, beta2, epsilon, weight_decay, transcendentals):
        self.optimizer = torch.optim.AdamW(parameters, lr=learning_rate, betas=(beta1, beta2), eps=epsilon,
                                           weight_decay=weight_decay)
        self.transcendentals = transcendentals

    def step(self):
        with self.transcendentals.sqrt_scope():
            self.optimizer.step()
