// Notebook — see the module's files.
