import BiomechIO
import Estimation
import SignalProcessing

/// `process emg`: raw EMG to normalised envelopes, the classical chain.
struct ProcessEMGCommand: NotebookCommand {
    static let name = "process emg"
    static let summary = "Turn raw EMG into normalised envelopes: band-pass, rectify, low-pass, resample, normalise."
    static let discussion = """
        Processes every trial's raw EMG (emg_raw.sto, or a C3D file's analog channels named by the subject's \
        manifest) the classical way: a zero-phase Butterworth band-pass \
        (removes movement artefact and noise), full-wave rectification, a zero-phase low-pass (the linear \
        envelope), an optional electromechanical delay, resampling onto the kinematics' time base, and \
        normalisation by one value per channel for the whole subject (its peak over all trials, given MVC \
        values, or the largest envelope value of MVC recordings named by `mvc_from:`) so trials stay comparable. \
        Gives the subject with these envelopes as its EMG — what fits of that subject then use — and a table of \
        the normalisation values and, where the subject folder has processed EMG (emg.sto), the correlation \
        with it.
        """
    static let parameters: [ParameterSpec] = [
        .argument("subject", .kind(SubjectValue.kind), help: "The subject whose raw EMG is processed."),
        .option("bandpass", .list(.number), default: "[20, 450] Hz", help: "Band-pass cut-offs [low, high] in Hz."),
        .option("lowpass", .number, default: "6 Hz", help: "Cut-off of the envelope's low-pass, in Hz."),
        .option("delay", .number, default: "0 s", help: "Electromechanical delay in seconds."),
        .option("mvc", .list(.number), default: "peak over all trials", help: "One MVC envelope value per channel, in the raw signal's units."),
        .option("mvc_from", .list(.text), default: "none", help: "Raw EMG recordings of maximum voluntary contractions (.c3d, .sto, .csv), relative to the notebook."),
    ]
    static let examples = ["env = process emg data bandpass: [20, 450] lowpass: 6", #"env = process emg data mvc_from: ["mvc/quadriceps.c3d", "mvc/calf.c3d"]"#]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        guard var value = invocation.object("subject", as: SubjectValue.self) else { return CommandResult() }
        let band = invocation.numbers("bandpass") ?? [20, 450]
        guard band.count == 2, band[0] > 0, band[1] > band[0] else {
            throw invocation.error("write the band as [low, high] in Hz with 0 < low < high", at: "bandpass")
        }
        let lowpass = invocation.number("lowpass") ?? 6
        guard lowpass > 0 else { throw invocation.error("the cut-off must be more than 0 Hz", at: "lowpass") }
        let delay = invocation.number("delay") ?? 0
        guard delay >= 0, delay < 1 else { throw invocation.error("the delay is between 0 and 1 s", at: "delay") }
        let trials = value.subject.trials
        let raws = try trials.map { trial -> TimeSeries in
            guard let raw = trial.rawEMG else { throw invocation.error("trial \(trial.name) has no raw EMG (emg_raw.sto)", at: "subject") }
            return raw
        }
        let channels = raws.first?.labels ?? []
        var normalization = Normalization.peak
        if let mvc = invocation.numbers("mvc") {
            guard mvc.count == channels.count else {
                throw invocation.error("give one MVC value per channel (\(channels.joined(separator: ", "))), not \(mvc.count)", at: "mvc")
            }
            normalization = .maximumVoluntaryContraction(Dictionary(uniqueKeysWithValues: zip(channels, mvc)))
        }
        var pipeline = EMGPipeline(bandPass: .bandPass(low: band[0], high: band[1]), envelope: LinearEnvelope(cutoff: lowpass),
                                   electromechanicalDelay: delay, normalization: normalization)
        if let files = invocation.words("mvc_from") {
            if invocation.has("mvc") { throw invocation.error("give MVC values or MVC recordings, not both", at: "mvc_from") }
            let recordings = try files.map { file in
                try context.recordInput(file, for: invocation, argument: "mvc_from")
                return try LoadOpenSimCommand.reading(invocation, argument: "mvc_from") { try TableFile.read(context.resolve(file, for: invocation, argument: "mvc_from").path) }
            }
            do {
                pipeline.normalization = .maximumVoluntaryContraction(try pipeline.maximumEnvelopes(of: recordings))
            } catch let error as SignalProcessingError {
                throw invocation.error("cannot process the MVC recordings: \(error)", at: "mvc_from")
            }
        }
        let result: EMGPipeline.Result
        do {
            result = try pipeline.process(raws, onto: trials.map(\.time))
        } catch let error as SignalProcessingError {
            throw invocation.error("cannot process the EMG: \(error)")
        }
        var rows: [[DataTable.Cell]] = []
        for channel in channels {
            var processed: [Double] = [], recorded: [Double] = []
            for (trial, envelope) in zip(trials, result.envelopes) {
                guard let stored = trial.emg?.column(channel), let mine = envelope.column(channel), stored.count == mine.count else { continue }
                processed += mine
                recorded += stored
            }
            let r: DataTable.Cell = recorded.isEmpty ? .empty : .number(SignalMetrics(predicted: processed, reference: recorded).r)
            rows.append([.text(channel), .number(result.normalizers[channel] ?? .nan), r])
        }
        for index in value.subject.trials.indices { value.subject.trials[index].emg = result.envelopes[index] }
        let table = DataTable(title: "EMG processing", columns: ["channel", "normalisation value", "r with emg.sto"], rows: rows)
        return CommandResult(value: .object(value), outputs: [.table(table)])
    }
}
