// Charts — see the module's files.
