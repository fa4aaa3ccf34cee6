// BiomechIO — see the module's files.
