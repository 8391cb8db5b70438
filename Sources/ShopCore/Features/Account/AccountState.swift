import StorefrontAPI

/// A row of the notification preferences screen.
public enum NotificationTopic: String, Codable, Sendable, Hashable, CaseIterable {
    case transactional, promotional, newsletter
}

public enum NotificationMedium: String, Codable, Sendable, Hashable, CaseIterable {
    case email, sms, whatsapp
}

public struct AccountState: Equatable, Sendable {
    public var preferences: NotificationPreferences?
    /// False when the server has none yet (GET answered 404): saving creates them.
    public var preferencesStored = true
    /// Cursor over topic × medium (row-major).
    public var preferenceIndex = 0
    /// The deactivate confirmation is showing.
    public var confirmingDeactivation = false
    /// The log-out confirmation is showing.
    public var confirmingLogout = false
    /// The forgot-password challenge being answered.
    public var resetChallenge: OTPChallenge?
    /// The customer's loyalty points as the store last told them (read on opening Account or Coupons); nil for a
    /// guest, before the answer, or when the store would not tell.
    public var loyalty: LoyaltyDetails?

    public init() {}

    public func isEnabled(_ topic: NotificationTopic, _ medium: NotificationMedium) -> Bool {
        guard let channels = preferences?.channels(topic) else { return false }
        return channels.value(medium)
    }
}

extension NotificationPreferences {
    func channels(_ topic: NotificationTopic) -> NotificationChannels? {
        switch topic {
        case .transactional: transactional
        case .promotional: promotional
        case .newsletter: newsletter
        }
    }

    mutating func setChannels(_ topic: NotificationTopic, _ channels: NotificationChannels) {
        switch topic {
        case .transactional: transactional = channels
        case .promotional: promotional = channels
        case .newsletter: newsletter = channels
        }
    }
}

extension NotificationChannels {
    func value(_ medium: NotificationMedium) -> Bool {
        switch medium {
        case .email: email
        case .sms: sms
        case .whatsapp: whatsapp
        }
    }

    mutating func toggle(_ medium: NotificationMedium) {
        switch medium {
        case .email: email.toggle()
        case .sms: sms.toggle()
        case .whatsapp: whatsapp.toggle()
        }
    }
}
