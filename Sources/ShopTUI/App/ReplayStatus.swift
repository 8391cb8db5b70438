import ShopCore

/// What a key means in the replay view (the only keys that work there: the shop's own keys do nothing).
public enum ReplayIntent: Sendable, Equatable {
    /// Space: pause or resume the replay.
    case togglePause
    /// n while paused: apply one more recorded intent.
    case nextStep
    case help
    case quit
    case redraw
}

/// Where a replay is, as the replay view shows it: the step, the intent just applied, playing or paused, and
/// the final report once it is over.
public struct ReplayStatus: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        case playing
        case paused
        /// Over: the last intent, the first difference or a stop (see the report).
        case finished(ReplayReport)
    }

    /// Intents applied so far.
    public var step: Int
    /// Intents in the recording.
    public var total: Int
    /// The intent just applied, described as in the headless report ("product.addToCart").
    public var intent: String?
    public var phase: Phase

    public init(step: Int, total: Int, intent: String?, phase: Phase) {
        self.step = step
        self.total = total
        self.intent = intent
        self.phase = phase
    }

    /// The status of `session`, playing or paused while it is not finished.
    @MainActor
    public init(_ session: ReplaySession, paused: Bool) {
        let phase: Phase = session.isFinished ? .finished(session.report) : (paused ? .paused : .playing)
        // While replay waits on the store (its OTP cooldown), the bar says so.
        let intent = session.waiting.map { "\(session.lastIntent ?? "") · waiting for \($0)" } ?? session.lastIntent
        self.init(step: session.step, total: session.totalSteps, intent: intent, phase: phase)
    }

    /// The report, once the replay is over.
    public var report: ReplayReport? {
        if case .finished(let report) = phase { return report }
        return nil
    }
}
