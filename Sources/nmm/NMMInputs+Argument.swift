import ArgumentParser
import Estimation

/// `--inputs all|kinematics` on the command line (`nmm predict`).
extension NMMInputs: ExpressibleByArgument {}
