/// The arm26 model (Holzbaur et al. 2005, adapted by the OpenSim team; OpenSim models collection, CC BY 3.0) as the
/// built-in simulator uses it: its six muscles with the generic parameters of arm26-lifting/S01/model.osim
/// (DeGrooteFregly2016Muscle, rigid tendon) and their paths as polynomials in the two coordinates.
public enum Arm26 {
    /// The two coordinates, in the order of every angle array: shoulder elevation, elbow flexion (rad).
    public static let coordinates = ["r_shoulder_elev", "r_elbow_flex"]

    /// The muscles that have surface EMG in arm26-lifting (the others are deep).
    public static let surfaceEMGMuscles = ["TRIlong", "TRIlat", "BIClong", "BICshort"]

    /// The six muscles with model.osim's generic parameters; tendons rigid, time constants 10 ms / 40 ms.
    public static let muscles: [DeGrooteFregly2016Muscle<Double>] = [
        muscle("TRIlong", 798.52, 0.134, 0.143, 0.20943951),
        muscle("TRIlat", 624.3, 0.1138, 0.098, 0.15707963),
        muscle("TRImed", 624.3, 0.1138, 0.0908, 0.15707963),
        muscle("BIClong", 624.3, 0.1157, 0.2723, 0),
        muscle("BICshort", 435.56, 0.1321, 0.1923, 0),
        muscle("BRA", 987.26, 0.0858, 0.0535, 0),
    ]

    private static func muscle(_ name: String, _ force: Double, _ fiber: Double, _ tendon: Double, _ pennation: Double) -> DeGrooteFregly2016Muscle<Double> {
        DeGrooteFregly2016Muscle(name: name, maxIsometricForce: force, optimalFiberLength: fiber, tendonSlackLength: tendon,
                                 pennationAngleAtOptimal: pennation, activationTimeConstant: 0.01, deactivationTimeConstant: 0.04,
                                 tendonStrainAtOneNormForce: 0.033, ignoreTendonCompliance: true)
    }

    /// The joint-angle box the paths were fitted on (rad), in the order of ``coordinates``; outside it the
    /// polynomials extrapolate. Every path spanning a coordinate was normalised on the same range.
    public static let validAngles: [ClosedRange<Double>] = coordinates.map { coordinate in
        let path = geometry.paths.first { $0.coordinates.contains(coordinate) }
        let j = path?.coordinates.firstIndex(of: coordinate) ?? 0
        return (path.map { $0.center[j] - $0.scale[j] } ?? 0)...(path.map { $0.center[j] + $0.scale[j] } ?? 0)
    }

    /// Musculotendon paths: ``PolynomialMusculotendonGeometry/fit(samples:degree:degrees:)`` of degree 5 on the
    /// MuscleAnalysis files of all ten arm26-lifting/S01 trials against their ik.mot angles (RMSE ≈ 0.15 mm, the
    /// level of ik.mot's 0.2° noise); `GeometryTests` refits and compares.
    public static let geometry = PolynomialMusculotendonGeometry(coordinates: coordinates, paths: [
        path("TRIlong", ["r_elbow_flex", "r_shoulder_elev"], center: [1.2018779878659749, 0.2403454218466957], scale: [0.9742122606504305, 0.19266842717820762], coefficients: [
                0.3139523357142825, 0.01978857584738396, 0.00717167855084414, -0.0019051338041938867,
                -1.6472819340648353e-06, -9.77420406227617e-05, 0.0022015955953483806, -1.1463150315316189e-05,
                2.0074618430093915e-06, -3.8234398445236535e-05, 0.00045908683399079145, 4.906804665472673e-06,
                2.336739119534078e-06, -8.235776353973578e-07, 1.9752042844571844e-06, -0.0012201904277400538,
                1.9001412287672945e-05, -4.441504550282297e-06, -2.623244668343954e-06, -2.3732191852875042e-07,
                5.839461731701934e-07,
            ]),
        path("TRIlat", ["r_elbow_flex"], center: [1.2018779878659749], scale: [0.9742122606504305], coefficients: [
                0.19393441445374718, 0.019787872622662867, -0.0019060721690210426, 0.0022045798077253128,
                0.00046528546012011683, -0.0012186901109036705,
            ]),
        path("TRImed", ["r_elbow_flex"], center: [1.2018779878659749], scale: [0.9742122606504305], coefficients: [
                0.181562217949896, 0.019787872571050375, -0.0019060721623800718, 0.0022045799022978865,
                0.0004652854558821006, -0.0012186901680381437,
            ]),
        path("BIClong", ["r_elbow_flex", "r_shoulder_elev"], center: [1.2018779878659749, 0.2403454218466957], scale: [0.9742122606504305, 0.19266842717820762], coefficients: [
                0.38580761687037074, -0.04261674737149213, -0.004038271713660401, -0.009028483457692459,
                -2.493343400473451e-07, 7.611341439990753e-05, 0.0038079021814920798, -3.874393722557997e-06,
                -4.769923611719263e-07, 1.8004215676553723e-05, 0.0012539339348882391, 4.465348958963023e-07,
                -1.2761078284927641e-07, 1.1661246091985653e-07, 1.7757462595768025e-06, 0.0003326718233958175,
                6.640660822343373e-06, 1.5955609890808928e-06, 4.299403921132365e-08, 1.0803614682971483e-08,
                1.9903717010539215e-07,
            ]),
        path("BICshort", ["r_elbow_flex", "r_shoulder_elev"], center: [1.2018779878659749, 0.2403454218466957], scale: [0.9742122606504305, 0.19266842717820762], coefficients: [
                0.30785485526932777, -0.04261585876803865, 0.0012594989935157982, -0.00902817956673757,
                -2.882484904542402e-07, 0.0010583143346855292, 0.0038062712742207754, -3.820562074607284e-06,
                1.2968065656574207e-07, -3.942913868539501e-05, 0.0012530650580827244, -5.899248103621129e-07,
                9.199813319908009e-07, 4.808022448416966e-07, -1.688850421785549e-05, 0.0003330035884444859,
                9.762863736612224e-06, 3.907754012359845e-06, -1.5815705150369905e-06, 5.252537274807107e-07,
                2.637132970323473e-06,
            ]),
        path("BRA", ["r_elbow_flex"], center: [1.2018779878659749], scale: [0.9742122606504305], coefficients: [
                0.13007737533676672, -0.01812187534966388, -0.006387622265404315, 0.0007628704184065267,
                0.0024680345326017037, -0.0006797527203390704,
            ]),
    ])

    private static func path(_ muscle: String, _ coordinates: [String], center: [Double], scale: [Double], coefficients: [Double]) -> MusclePathPolynomial {
        MusclePathPolynomial(muscle: muscle, coordinates: coordinates, center: center, scale: scale,
                             exponents: MusclePathPolynomial.terms(variables: coordinates.count, degree: 5), coefficients: coefficients)
    }
}
