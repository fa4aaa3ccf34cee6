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

    /// By default the recruitment exponent is fitted in both modes; turning it off survives a round trip; a model saved
    /// while it was automatic (no key: fitted in the kinematics-only mode only) decodes with that meaning and re-encodes
    /// without the key.
    @Test func recruitmentExponentIsFittedByDefaultAndOlderModelsKeepTheirMeaning() throws {
        var hybrid = NMMConfiguration()
        var kinematics = hybrid
        kinematics.inputs = .kinematics
        #expect(hybrid.fitsRecruitmentExponent && kinematics.fitsRecruitmentExponent)
        hybrid.fitsRecruitmentExponent = false
        for configuration in [hybrid, kinematics] {
            let decoded = try JSONDecoder().decode(NMMConfiguration.self, from: try JSONEncoder().encode(configuration))
            #expect(decoded == configuration && decoded.fitsRecruitmentExponent == configuration.fitsRecruitmentExponent)
        }
        for inputs in [NMMInputs.all, .kinematics] {
            var current = NMMConfiguration()
            current.inputs = inputs
            var object = try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(current)) as? [String: Any])
            #expect(object["recruitmentExponentFitted"] as? Bool == true)
            object.removeValue(forKey: "recruitmentExponentFitted")
            let older = try JSONDecoder().decode(NMMConfiguration.self, from: try JSONSerialization.data(withJSONObject: object))
            #expect(older.fitsRecruitmentExponent == (inputs == .kinematics))
            #expect(!String(decoding: try JSONEncoder().encode(older), as: UTF8.self).contains("recruitmentExponent"))
        }
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
