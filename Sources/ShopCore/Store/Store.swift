/// Where an action came from: the front end (`Store.send`) or an effect's answer.
public enum ActionOrigin: String, Codable, Sendable, Hashable {
    case intent, answer
}

/// Runs the reducer and its effects on the main actor; the front end reads `state` and calls `send`.
@MainActor
public final class Store {
    public private(set) var state: State
    let environment: ShopEnvironment
    private var runner: EffectRunner!
    /// Called after every action that went through the reducer (the front end redraws).
    public var onChange: (() -> Void)?
    /// Called with every action (the action log, recordings).
    public var onAction: ((Action) -> Void)?
    /// Called with every action and where it came from: `send` (an intent) or an effect (an answer).
    public var onOriginAction: ((Action, ActionOrigin) -> Void)?

    public init(initialState: State = State(), environment: ShopEnvironment) {
        state = initialState
        self.environment = environment
        runner = EffectRunner { [weak self] action in self?.receive(action, origin: .answer) }
    }

    /// An intent from the front end.
    public func send(_ action: Action) {
        receive(action, origin: .intent)
    }

    private func receive(_ action: Action, origin: ActionOrigin) {
        onAction?(action)
        onOriginAction?(action, origin)
        let effect = Reducer.reduce(into: &state, action: action, environment: environment)
        runner.run(effect)
        onChange?()
    }

    /// The time on the environment's clock (``ShopEnvironment/now``): what stamps keys.
    public var now: Duration { environment.now }

    /// True while any effect is running (the spinner); `state.isBusy` says what for.
    public var hasRunningEffects: Bool { runner.isRunning }

    /// Cancels every running effect (quit).
    public func cancelAll() {
        runner.cancelAll()
    }

    /// Records the session: every action, as one redacted JSON line (``ActionLog``), is given to `write`
    /// (after any `onAction` already set). Replay the lines with `ActionLog.replay`.
    public func record(_ write: @escaping (String) -> Void) {
        let previous = onAction
        onAction = { action in
            previous?(action)
            if let line = try? ActionLog.line(for: action) { write(line) }
        }
    }

    /// How many effects are running (including those waiting on the clock).
    public var runningEffectCount: Int { runner.runningCount }

    /// Waits until every running effect has finished or is asleep on `clock` (replay: nothing more happens
    /// until the clock is moved). Gives up after `limit` of real time; returns false then.
    @discardableResult
    public func settle(sleepingOn clock: TestClock, limit: Duration = .seconds(60)) async -> Bool {
        let deadline = ContinuousClock.now.advanced(by: limit)
        var quietRounds = 0
        while ContinuousClock.now < deadline {
            if runner.runningCount <= clock.sleeperCount {
                // Seen quiet twice in a row, with other tasks given their turn in between.
                quietRounds += 1
                if quietRounds >= 3 { return true }
                for _ in 0..<20 { await Task.yield() }
            } else {
                quietRounds = 0
                try? await Task.sleep(for: .milliseconds(1))
            }
        }
        return false
    }

    /// Waits until no effect is running (tests, orderly shutdown). Effects waiting on a clock keep this waiting.
    public func finish() async {
        await runner.waitForAll()
    }
}
