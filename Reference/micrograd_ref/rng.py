"""The seeded xorshift* RNG of EurekaLabsAI/micrograd's ``utils.py``; twin of ``RNG.swift``.

    state ^= state >> 12; state ^= state << 25; state ^= state >> 27   (mod 2**64)
    next_u64() = state * 0x2545F4914F6CDD1D (mod 2**64); next_u32() = its top 32 bits
    random() = (next_u32() >> 8) / 16777216.0   (24 random bits, as Eureka draws them)
    uniform(a, b) = a + (b - a) * random()
"""

MASK64 = 0xFFFFFFFFFFFFFFFF


class RNG:
    def __init__(self, seed: int):
        self.state = seed & MASK64

    def next_u64(self) -> int:
        self.state ^= self.state >> 12
        self.state ^= (self.state << 25) & MASK64
        self.state ^= self.state >> 27
        return (self.state * 0x2545F4914F6CDD1D) & MASK64

    def next_u32(self) -> int:
        return self.next_u64() >> 32

    def random(self) -> float:
        return (self.next_u32() >> 8) / 16777216.0

    def uniform(self, a: float = 0.0, b: float = 1.0) -> float:
        return a + (b - a) * self.random()


def first_u64(seed: int, count: int) -> list:
    """The first ``count`` outputs of ``RNG(seed).next_u64()``."""
    rng = RNG(seed)
    return [rng.next_u64() for _ in range(count)]
