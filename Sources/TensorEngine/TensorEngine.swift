// TensorEngine — see the module's files.
