/// Column labels as OpenSim writes them, mapped to the names the rest of nmm uses.
public enum OpenSimLabel {
    /// Maps an OpenSim 4 state path to a column name; other labels are returned unchanged.
    ///
    /// - `/jointset/hip_r/hip_flexion_r/value` → `hip_flexion_r` (a coordinate's value is named
    ///   after the coordinate, as in .mot files)
    /// - `/jointset/hip_r/hip_flexion_r/speed` → `hip_flexion_r_speed`
    /// - `/forceset/soleus_r/activation` → `soleus_r_activation` (any other state: its owner's
    ///   name, `_`, the state's name)
    public static func columnName(_ label: String) -> String {
        guard label.hasPrefix("/") else { return label }
        let parts = label.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count >= 2 else { return label }
        let owner = parts[parts.count - 2]
        let state = parts[parts.count - 1]
        return state == "value" ? String(owner) : "\(owner)_\(state)"
    }
}
