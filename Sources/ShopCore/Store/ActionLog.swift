import Foundation
import StorefrontAPI

/// The action log: one JSON line per action, secrets redacted, so that a session can be recorded and replayed.
///
/// Redaction happens twice: typed (`Action.redacted`: secret inputs, OTPs, OTP tokens) and then on the JSON
/// (any value under a secret-sounding key), so that a secret added later to a model is still not written.
public enum ActionLog {
    /// What replaces a secret.
    public static let mask = "[redacted]"

    /// Keys whose values are never written (compared without `_` and case).
    static let secretKeys: Set<String> = [
        "otp", "otptoken", "password", "newpassword", "oldpassword", "currentpassword", "accesstoken",
        "refreshtoken", "token", "authorization", "apikey", "clientauthtoken",
    ]

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// One line of JSON, without a newline, secrets redacted.
    public static func line(for action: Action) throws -> String {
        let data = try encoder.encode(action.redacted)
        let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        let scrubbed = scrub(object)
        let clean = try JSONSerialization.data(
            withJSONObject: scrubbed, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
        return String(decoding: clean, as: UTF8.self)
    }

    /// Reads a line back.
    public static func action(from line: String) throws -> Action {
        try JSONDecoder().decode(Action.self, from: Data(line.utf8))
    }

    /// Replays lines (intents and answers) through the reducer; effects are not run. Equal logs give equal states.
    public static func replay<Lines: Sequence<String>>(
        _ lines: Lines, from initial: State = State(), environment: ShopEnvironment
    ) throws -> State {
        var state = initial
        for line in lines where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            _ = Reducer.reduce(into: &state, action: try action(from: line), environment: environment)
        }
        return state
    }

    static func scrub(_ object: Any) -> Any {
        if let dictionary = object as? [String: Any] {
            var result: [String: Any] = [:]
            for (key, value) in dictionary {
                let normalized = key.replacingOccurrences(of: "_", with: "").lowercased()
                if secretKeys.contains(normalized), !(value is NSNull) {
                    result[key] = mask
                } else {
                    result[key] = scrub(value)
                }
            }
            return result
        }
        if let array = object as? [Any] { return array.map(scrub) }
        return object
    }
}

extension Action {
    /// The action with its secrets replaced: typed OTPs and passwords, OTP challenges.
    public var redacted: Action {
        switch self {
        case .edit(let field, .insert) where field.isSecret:
            .edit(field, .insert("•"))
        case .setField(let field, _) where field.isSecret:
            .setField(field, ActionLog.mask)
        case .session(.response(.otpSent(let challenge))):
            .session(.response(.otpSent(challenge.redacted)))
        case .account(.response(.resetOTPSent(let challenge))):
            .account(.response(.resetOTPSent(challenge.redacted)))
        default:
            self
        }
    }
}

extension OTPChallenge {
    var redacted: OTPChallenge {
        OTPChallenge(otpToken: ActionLog.mask, otpAction: otpAction, otp: otp == nil ? nil : ActionLog.mask)
    }
}
