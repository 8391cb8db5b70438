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

    public init(initialState: State = State(), environment: ShopEnvironment) {
        state = initialState
        self.environment = environment
        runner = EffectRunner { [weak self] action in self?.send(action) }
    }

    public func send(_ action: Action) {
        onAction?(action)
        let effect = Reducer.reduce(into: &state, action: action, environment: environment)
        runner.run(effect)
        onChange?()
    }

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

    /// Waits until no effect is running (tests, orderly shutdown). Effects waiting on a clock keep this waiting.
    public func finish() async {
        await runner.waitForAll()
    }
}
