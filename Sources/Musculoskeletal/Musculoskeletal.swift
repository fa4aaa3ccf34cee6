// Musculoskeletal — see the module's files.
