/// The muscles whose EMG is an input of a fit: those the request names, each checked against the fit's muscle system
/// with a message that tells a muscle the model lacks from one that does not cross the chosen coordinates; or, when the
/// request names none and the method reads measured EMG, every muscle of the system with an EMG channel in the first
/// training trial (none, for a method that can do without).
struct MeasuredMuscleChoice {
    let request: FitRequest
    let subject: SubjectData

    func resolve(progress: (String) -> Void) throws -> [String] {
        let inSystem = Set(subject.system.muscleNames)
        let coordinates = request.coordinates.joined(separator: ", ")
        for muscle in request.measured where !inSystem.contains(muscle) {
            guard subject.model.muscle(muscle) != nil else {
                throw EstimationError("measured muscle '\(muscle)' is not in the model \(subject.model.name) (its muscles include \(subject.model.muscles.prefix(8).map(\.name).joined(separator: ", "))…)")
            }
            throw EstimationError("measured muscle '\(muscle)' is in the model but does not cross \(coordinates) (no moment arm above 1 mm in the MuscleAnalysis files): leave it out of the measured muscles or fit a coordinate it crosses")
        }
        guard request.measured.isEmpty, request.method.readsMeasuredEMG else { return request.measured }
        let channels = Set(request.train.first.flatMap { subject.trials[$0]?.emg.keys }.map(Array.init) ?? [])
        let recorded = subject.model.muscles.map(\.name).filter { channels.contains(request.emgChannels[$0] ?? $0) }
        let measured = recorded.filter(inSystem.contains)
        guard !measured.isEmpty else {
            guard type(of: request.method).capabilities.needsMeasuredMuscles else { return [] }
            throw EstimationError("--method \(request.method.id) needs measured muscles: no muscle crossing \(coordinates) has an EMG channel "
                + "(channels: \(channels.sorted().joined(separator: ", "))); map channels to muscles with --emg-map muscle=channel,… or name them with --measured")
        }
        let outside = recorded.filter { !inSystem.contains($0) }
        progress("measured muscles (those with EMG that cross \(coordinates)): \(measured.joined(separator: ", "))"
            + (outside.isEmpty ? "" : "; not crossing them, so left out: \(outside.joined(separator: ", "))"))
        return measured
    }
}
