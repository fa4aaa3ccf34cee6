import Estimation

/// A cached result that is checked when read back: a cache entry comes from disk, and one whose checksum matches
/// can still hold arrays that disagree (a damaged or hand-made entry). ``ResultCache`` treats an entry that fails
/// its check as missing, so the result is computed again rather than trusted.
protocol CheckedArtifact {
    /// Throws when the artifact cannot be used as it is.
    func validate() throws
}

extension FitArtifact: CheckedArtifact {
    /// Every prediction's arrays agree with its muscles, coordinates and times and hold finite numbers, and the
    /// saved model (if any) is one nmm can run.
    func validate() throws {
        for prediction in predictions { try prediction.validate(source: "the cached \(method) fit") }
        try model?.validate()
    }
}
