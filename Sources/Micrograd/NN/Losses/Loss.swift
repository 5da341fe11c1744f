/// The loss functions of the micrograd lecture, karpathy's moons demo and EurekaLabsAI's
/// micrograd, recorded operation for operation as their Python expressions run.
public enum Loss {}
