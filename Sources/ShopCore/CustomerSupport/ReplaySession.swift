import Foundation
import StorefrontAPI

/// A replay that moves one recorded intent at a time: the headless report runs it to its end, the TUI's replay
/// view steps it at a readable pace and draws ``store`` (the live state) between steps.
///
/// Each ``advance()`` applies the next intent to the recorded state (the pure reducer over the recorded lines up to
/// the following intent) and sends it to the live ``store``, then compares the two when the recorded app was not
/// waiting on an answer (see ``Replayer``). The session ends at the first difference, at a stop (a secret replay
/// can't fill in, a store that does not answer) or after the last intent; ``report`` says which.
///
/// ```swift
/// let session = ReplaySession(recording: recording, api: .live(client))
/// while await session.advance() { print(session.step, session.lastIntent ?? "") }
/// print(session.report.headline)
/// session.close()
/// ```
@MainActor
public final class ReplaySession {
    public let recording: Recording
    /// The live store the intents are sent to (its state is what a replay view draws).
    public let store: Store
    /// The recorded state after the intents applied so far (and their recorded answers).
    public private(set) var recorded = State()
    /// The report so far; final once ``isFinished``.
    public private(set) var report: ReplayReport
    /// Intents applied so far (1-based number of the last one).
    public private(set) var step = 0
    /// The last intent applied, described as in the report ("product.addToCart").
    public private(set) var lastIntent: String?
    /// True after the last intent, the first difference or a stop: ``advance()`` does nothing more.
    public private(set) var isFinished = false
    /// What replay is waiting for, when it waits on real time (the store's OTP cooldown); nil otherwise.
    public private(set) var waiting: String?
    /// Called when ``waiting`` changes (the replay view redraws its bar).
    public var onWaitChange: (() -> Void)?

    let clock = TestClock()
    let environment: ShopEnvironment
    let policy: ShopPolicy
    let options: Replayer.Options
    let entries: [Recording.Entry]
    private var index = 0
    private var lastCompared = 0
    /// The recording's starting cart was rebuilt on the live store (or there was none).
    private var prepared = false
    /// The last OTP request the live store refused for its cooldown (429), seen among its answers.
    private var refusedForCooldown = false
    /// The recorded store was refused an OTP for its cooldown too, at the intent applied last.
    private var recordedRefusedForCooldown = false

    public init(
        recording: Recording, api: ShopAPI, policy: ShopPolicy = ShopPolicy(),
        options: Replayer.Options = Replayer.Options()
    ) {
        self.recording = recording
        self.policy = policy
        self.options = options
        environment = ShopEnvironment(api: api, clock: clock, policy: policy)
        store = Store(environment: environment)
        entries = recording.entries
        report = ReplayReport(
            outcome: .same, intentsReplayed: 0, intentsRecorded: recording.intents.count, checkpointsCompared: 0,
            notes: [])
        // Answers before the first intent (none normally) only move the recorded state.
        applyRecordedAnswers()
        // A session restored signed in cannot be restored here: replay starts as a guest.
        let restoredSignedIn =
            recording.header.start?.signedIn == true
            || entries.contains { entry in
                if case .session(.response(.started(let claims))) = entry.action {
                    return claims.isLoggedIn && !claims.isAnonymous
                }
                return false
            }
        if restoredSignedIn {
            report.notes.append(
                "the customer's session started already signed in (restored); replay starts as a guest, "
                    + "so the state differs until the recording signs in")
        }
        if index >= entries.count { end() }
        store.observe { [weak self] action, _ in
            if case .session(.response(.otpRequestFailed(let error))) = action, error.status == 429 {
                self?.refusedForCooldown = true
            }
        }
    }

    /// Intents in the recording.
    public var totalSteps: Int { report.intentsRecorded }

    /// The next intent to apply, described as in the report; nil when finished.
    public var nextIntent: String? {
        isFinished || index >= entries.count ? nil : Replayer.summary(entries[index].action, in: recorded)
    }

    /// How the live state first differed from the recorded one, once it did.
    public var firstDifferences: [ReplayDifference]? {
        if case .different(_, _, let differences) = report.outcome { return differences }
        return nil
    }

    /// Applies the next intent. Returns true while more intents remain (false once ``isFinished``).
    @discardableResult
    public func advance() async -> Bool {
        guard !isFinished else { return false }
        if !prepared {
            prepared = true
            if let reason = await rebuildStart() {
                report.outcome = .stopped(intent: 1, summary: "the recording's starting cart", reason: reason)
                isFinished = true
                return false
            }
        }
        let intent = entries[index].action
        step += 1
        let number = step
        // Enter is named by what it did on the screen it was pressed on (as the README names intents).
        let effective = intent == .select ? Reducer.selectAction(recorded) ?? intent : intent
        let summary = Replayer.summary(effective)
        lastIntent = summary
        _ = Reducer.reduce(into: &recorded, action: intent, environment: environment)
        index += 1
        applyRecordedAnswers()
        func stop(_ reason: String) -> Bool {
            report.outcome = .stopped(intent: number, summary: summary, reason: reason)
            isFinished = true
            return false
        }

        // Secrets are never recorded: fill in what the live store offers, or stop.
        switch effective {
        case .session(.view(.submitOTP)):
            guard let otp = store.state.auth.sandboxOTP else {
                return stop(
                    "the recording submits an OTP, which recordings never keep, and this store does not reveal "
                        + "OTPs (only the sandbox does, in debug mode); replay can't sign in here")
            }
            store.send(.setField(.otp, otp))
            let note = "OTPs were replaced by the live sandbox OTP"
            if !report.notes.contains(note) { report.notes.append(note) }
        case .session(.view(.loginWithPassword)), .account(.view(.changePassword)), .account(.view(.submitReset)):
            return stop("the recording uses a password, which recordings never keep; replay can't go on")
        default:
            break
        }

        refusedForCooldown = false
        store.send(intent)
        report.intentsReplayed = number
        let unanswered = "the store did not answer within \(options.settleLimit)"
        guard await store.settle(sleepingOn: clock, limit: options.settleLimit) else { return stop(unanswered) }
        if refusedForCooldown, !recordedRefusedForCooldown,
            let stopReason = await waitOutCooldown(effective, number: number, summary: summary)
        {
            return stop(stopReason)
        }
        // Short timers (the search debounce) fire as if the customer paused.
        let pause = clock.now.advanced(by: policy.searchDebounce)
        while clock.resumeNext(through: pause) {
            guard await store.settle(sleepingOn: clock, limit: options.settleLimit) else { return stop(unanswered) }
        }
        clock.set(now: pause)

        if Replayer.isQuiet(recorded) {
            report.checkpointsCompared += 1
            lastCompared = number
            let want = ReplayFingerprint(recorded)
            var got = ReplayFingerprint(store.state)
            var steps = 0
            // Longer timers (payment polling, OTP cooldown) run only to catch up with the recording.
            while got != want, steps < options.maxClockSteps,
                clock.resumeNext(through: clock.now.advanced(by: .seconds(3600)))
            {
                steps += 1
                guard await store.settle(sleepingOn: clock, limit: options.settleLimit) else {
                    return stop(unanswered)
                }
                got = ReplayFingerprint(store.state)
            }
            if got != want {
                report.outcome = .different(intent: number, summary: summary, differences: want.differences(to: got))
                let message = store.state.auth.message ?? store.state.notice?.text
                if message != recorded.auth.message ?? recorded.notice?.text { report.replayedMessage = message }
                isFinished = true
                return false
            }
        }
        if index >= entries.count {
            end()
            return false
        }
        return true
    }

    /// Applies every remaining intent; the final report.
    public func runToEnd() async -> ReplayReport {
        while await advance() {}
        return report
    }

    /// Stops the live store's effects (the session is over, or the replay view quit early).
    public func close() {
        store.cancelAll()
    }

    /// Rebuilds the cart the recording started with on the live store (its session is new): nil when done (or
    /// there was none), else why replay cannot start.
    private func rebuildStart() async -> String? {
        guard let start = recording.header.start else {
            report.notes.append(
                "the recording does not say what the cart held when it started (an older recording, or the store "
                    + "could not be read then); "
                    + "replay starts from an empty cart")
            return nil
        }
        guard var snapshot = start.cart, !snapshot.lines.isEmpty else { return nil }
        if start.signedIn {
            // Replay starts as a guest (noted above): a guest has no points or credit to redeem.
            snapshot.loyaltyPointsRedeemed = 0
            snapshot.creditBalanceUsed = .zero
        }
        do {
            let rebuilt = try await CartImport.run(snapshot, api: environment.api, replace: true)
            report.notes.append(
                "the customer's cart already held \(snapshot.lines.count) line(s) when recording started; "
                    + "replay rebuilt it first"
                    + (rebuilt.isIdentical ? "" : " (the store prices it differently now)"))
            return nil
        } catch {
            let reason = (error as? LocalizedError)?.errorDescription ?? "\(error)"
            return "could not rebuild the cart the recording started with: \(reason)"
        }
    }

    /// The live store refused the OTP the recording asked for because one went to the same phone or email
    /// moments before (a shared store: the customer's own, or an earlier replay). Waits on real time, in
    /// steps, asking again after each, and says so in the notes; nil when the OTP was sent, else why not.
    private func waitOutCooldown(_ intent: Action, number: Int, summary: String) async -> String? {
        let started = ContinuousClock.now
        waiting = "the store's OTP cooldown (an OTP went to this number moments ago); asking again shortly"
        onWaitChange?()
        defer {
            waiting = nil
            onWaitChange?()
        }
        while refusedForCooldown {
            let waited = ContinuousClock.now - started
            guard waited < options.otpCooldownLimit else {
                return "the store kept refusing a new OTP for its cooldown after \(waited.components.seconds) s"
            }
            await options.wait(options.otpCooldownStep)
            guard !Task.isCancelled else { return "replay was stopped" }
            refusedForCooldown = false
            store.send(intent)
            guard await store.settle(sleepingOn: clock, limit: options.settleLimit) else {
                return "the store did not answer within \(options.settleLimit)"
            }
        }
        report.notes.append(
            "intent #\(number) (\(summary)): the store refused a new OTP for its cooldown (one went to this "
                + "number moments before); replay waited \((ContinuousClock.now - started).components.seconds) s and asked again"
        )
        return nil
    }

    /// Recorded answers up to the next intent move only the recorded state.
    private func applyRecordedAnswers() {
        recordedRefusedForCooldown = false
        while index < entries.count, entries[index].origin == .answer {
            if case .session(.response(.otpRequestFailed(let error))) = entries[index].action, error.status == 429 {
                recordedRefusedForCooldown = true
            }
            _ = Reducer.reduce(into: &recorded, action: entries[index].action, environment: environment)
            index += 1
        }
    }

    private func end() {
        isFinished = true
        if lastCompared < step {
            report.notes.append(
                "intents #\(lastCompared + 1)–#\(step) were not compared: the recording ends while the app was "
                    + "still waiting on the store")
        }
    }
}
