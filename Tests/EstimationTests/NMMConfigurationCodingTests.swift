import Foundation
import Testing
@testable import Estimation

/// A setting added after models were saved decodes, when absent, to what those models did, and is then not written
/// back, so an older model re-encodes to the description its weights' digest was taken of.
@Suite struct NMMConfigurationCodingTests {
    @Test func hiddenMuscleParametersAbsentMeansFittedAndStaysAbsent() throws {
        let current = try JSONEncoder().encode(NMMConfiguration())
        #expect(String(decoding: current, as: UTF8.self).contains("\"hiddenMuscleParameters\":false"))
        var object = try #require(try JSONSerialization.jsonObject(with: current) as? [String: Any])
        object.removeValue(forKey: "hiddenMuscleParameters")
        let older = try JSONDecoder().decode(NMMConfiguration.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(older.fitsHiddenMuscleParameters, "a model saved before the setting fitted its hidden muscles' parameters")
        #expect(!String(decoding: try JSONEncoder().encode(older), as: UTF8.self).contains("hiddenMuscleParameters"))
        #expect(!NMMConfiguration().fitsHiddenMuscleParameters)
    }

    /// New fits read the EMG; a model saved before the setting existed (no `emgInput`) did not, and re-encodes without it.
    @Test func readingEMGIsOnByDefaultAndOffInOlderModels() throws {
        let current = try JSONEncoder().encode(NMMConfiguration())
        #expect(String(decoding: current, as: UTF8.self).contains("\"emgInput\":true"))
        let decoded = try JSONDecoder().decode(NMMConfiguration.self, from: current)
        #expect(decoded.readsEMG && decoded == NMMConfiguration())
        var object = try #require(try JSONSerialization.jsonObject(with: current) as? [String: Any])
        object.removeValue(forKey: "emgInput")
        let older = try JSONDecoder().decode(NMMConfiguration.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(!older.readsEMG)
        #expect(!String(decoding: try JSONEncoder().encode(older), as: UTF8.self).contains("emgInput"))
    }

    /// By default (automatic) the recruitment exponent is fitted in the kinematics-only mode and not in the hybrid one;
    /// an explicit choice overrides either and survives a round trip; the automatic setting is not written, so a model
    /// saved before the setting existed (no key) re-encodes without it.
    @Test func recruitmentExponentIsAutomaticByInputsAndExplicitChoicesRoundTrip() throws {
        var hybrid = NMMConfiguration()
        #expect(hybrid.recruitmentExponentFitted == nil && !hybrid.fitsRecruitmentExponent)
        var kinematics = hybrid
        kinematics.inputs = .kinematics
        #expect(kinematics.fitsRecruitmentExponent)
        kinematics.recruitmentExponentFitted = false
        hybrid.recruitmentExponentFitted = true
        #expect(!kinematics.fitsRecruitmentExponent && hybrid.fitsRecruitmentExponent)
        for configuration in [hybrid, kinematics] {
            let decoded = try JSONDecoder().decode(NMMConfiguration.self, from: try JSONEncoder().encode(configuration))
            #expect(decoded == configuration && decoded.fitsRecruitmentExponent == configuration.fitsRecruitmentExponent)
        }
        var object = try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(hybrid)) as? [String: Any])
        object.removeValue(forKey: "recruitmentExponentFitted")
        let older = try JSONDecoder().decode(NMMConfiguration.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(older.recruitmentExponentFitted == nil && !older.fitsRecruitmentExponent)
        #expect(!String(decoding: try JSONEncoder().encode(older), as: UTF8.self).contains("recruitmentExponent"))
    }

    /// EMG gains are off, and neither they nor their prior's weight is written, by default (so earlier models' digests
    /// hold); set, both survive a round trip.
    @Test func emgGainsAreOffAndUnwrittenByDefault() throws {
        let text = String(decoding: try JSONEncoder().encode(NMMConfiguration()), as: UTF8.self)
        #expect(!NMMConfiguration().fitsEMGGains && !text.contains("emgGain"))
        var fitting = NMMConfiguration()
        fitting.fitsEMGGains = true
        fitting.emgGainPriorWeight = 0.02
        let decoded = try JSONDecoder().decode(NMMConfiguration.self, from: try JSONEncoder().encode(fitting))
        #expect(decoded.fitsEMGGains && decoded.emgGainPriorWeight == 0.02 && decoded == fitting)
    }

    /// New configurations read peak-normalised EMG at static optimisation's level; a model saved before the setting
    /// read every channel at face value and re-encodes without it.
    @Test func emgScaleAbsentMeansFaceValueAndStaysAbsent() throws {
        let current = try JSONEncoder().encode(NMMConfiguration())
        #expect(String(decoding: current, as: UTF8.self).contains("\"emgScaleSetting\":\"automatic\""))
        #expect(NMMConfiguration().emgScale == .automatic)
        var object = try #require(try JSONSerialization.jsonObject(with: current) as? [String: Any])
        object.removeValue(forKey: "emgScaleSetting")
        let older = try JSONDecoder().decode(NMMConfiguration.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(older.emgScale == .faceValue)
        #expect(!String(decoding: try JSONEncoder().encode(older), as: UTF8.self).contains("emgScale"))
    }
}
