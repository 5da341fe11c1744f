"""The Python/PyTorch twin of the Swift engine's neural-network layer.

Every module here mirrors a Swift file of ``Sources/Micrograd`` operation for operation, with
0-dim float64 tensors standing for ``Value``s, so that training runs agree bit for bit:

- ``rng``: the xorshift* RNG (``Random/RNG.swift``);
- ``data``: the lecture, moons and yin-yang data sets (``Data/``);
- ``nn``: ``Neuron``, ``Layer``, ``MLP`` and the initializers (``NN/``);
- ``losses``: squared error, max-margin + L2, cross-entropy (``NN/Losses/``);
- ``optim``: SGD and ``torch.optim.AdamW`` (``NN/Optimizers/``);
- ``transcendentals``: ``tanh``, ``exp``, ``log``, ``sqrt`` from torch or correctly rounded
  (``Math/TorchMath.swift``);
- ``portable``: the correctly rounded functions (mpmath), the engine's ``PortableMath``;
- ``models``: the training runs of ``Reference/cases/models.json`` (``NN/Training/``).

Needs Python 3, torch and mpmath.
"""

import warnings

# torch warns when numpy is missing; nothing here uses numpy.
warnings.filterwarnings("ignore", message="Failed to initialize NumPy")
