// placeholder: MicrogradParity is being written
