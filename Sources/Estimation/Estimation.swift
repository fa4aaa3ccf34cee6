// Estimation — see the module's files.
