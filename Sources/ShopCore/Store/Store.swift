/// Where an action comes from: the user (an intent) or an effect's answer. Each action says by its type
/// (``Action/origin``).
public enum ActionOrigin: String, Codable, Sendable, Hashable {
    case intent, answer
}

/// Runs the reducer and its effects on the main actor; the front end reads `state` and calls `send`.
@MainActor
public final class Store {
    public private(set) var state: State
    let environment: ShopEnvironment
    private var runner: EffectRunner!
    /// Called after every action that went through the reducer, after the observers (the front end redraws).
    public var onChange: (() -> Void)?
    /// Told of every action once the reducer has run, in the order they were added (recordings, the replay bar).
    private var observers: [(observation: Observation, observe: (Action, ActionOrigin) -> Void)] = []
    private var nextObservation = 0

    public init(initialState: State = State(), environment: ShopEnvironment) {
        state = initialState
        self.environment = environment
        runner = EffectRunner { [weak self] action in self?.receive(action) }
    }

    /// An intent from the front end.
    public func send(_ action: Action) {
        receive(action)
    }

    private func receive(_ action: Action) {
        let effect = Reducer.reduce(into: &state, action: action, environment: environment)
        runner.run(effect)
        for observer in observers { observer.observe(action, action.origin) }
        onChange?()
    }

    /// One observer of the store, for ``stopObserving(_:)``.
    public struct Observation: Hashable, Sendable {
        let id: Int
    }

    /// Tells `observer` of every action from now on, with where it came from: `send` (an intent) or an effect
    /// (an answer). Observers are told after the reducer has run (``state`` is the new one), before ``onChange``.
    @discardableResult
    public func observe(_ observer: @escaping (Action, ActionOrigin) -> Void) -> Observation {
        nextObservation += 1
        let observation = Observation(id: nextObservation)
        observers.append((observation, observer))
        return observation
    }

    /// Tells that observer nothing more.
    public func stopObserving(_ observation: Observation) {
        observers.removeAll { $0.observation == observation }
    }

    /// The time on the environment's clock (``ShopEnvironment/now``): what stamps keys.
    public var now: Duration { environment.now }

    /// True while any effect is running (the spinner); `state.isBusy` says what for.
    public var hasRunningEffects: Bool { runner.isRunning }

    /// Cancels every running effect (quit).
    public func cancelAll() {
        runner.cancelAll()
    }

    /// How many effects are running (including those waiting on the clock).
    public var runningEffectCount: Int { runner.runningCount }

    /// Waits until every running effect has finished or is asleep on `clock` (replay: nothing more happens
    /// until the clock is moved). Gives up after `limit` of real time; returns false then. Replay passes its own
    /// limit; the default is only a safety net for tests, long because in the full suite the main actor is shared
    /// with every other suite's work (a minute was seen to run out under load).
    @discardableResult
    public func settle(sleepingOn clock: TestClock, limit: Duration = .seconds(300)) async -> Bool {
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
