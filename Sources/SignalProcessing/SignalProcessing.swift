// SignalProcessing — see the module's files.
