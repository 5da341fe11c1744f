// placeholder: ParityTests is being written
