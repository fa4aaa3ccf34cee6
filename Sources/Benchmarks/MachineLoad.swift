import Foundation

/// The machine's 1-minute load average, recorded beside every benchmark figure (other processes compete for cores).
public func machineLoadAverage() -> Double {
    var load = [Double](repeating: 0, count: 3)
    getloadavg(&load, 3)
    return load[0]
}
