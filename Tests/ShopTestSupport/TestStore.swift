import Foundation
import ShopCore
import StorefrontAPI
import Testing

/// A store for tests, exhaustive like TCA's: every state change must be asserted (`send`/`receive` closures),
/// every action an effect sends must be received, and no effect may still run at `finish()`.
///
/// Actions from effects queue up and are reduced only when `receive` asserts them, so tests are deterministic.
///
/// Waiting is driven by events, not by time: `receive`, `finish` and `advance` wait until an effect delivers an
/// action, ends, or starts sleeping on the test clock, and decide only when nothing else can happen. How fast the
/// machine is does not change the outcome; `safetyLimit` only stops a test whose effect never ends (a gate left
/// shut) from hanging the run.
@MainActor
public final class TestStore {
    public private(set) var state: State
    public let environment: ShopEnvironment
    private var runner: EffectRunner!
    private var received: [Action] = []
    /// Counts events (an action delivered, an effect ended, a sleep on the test clock began).
    private var events = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    /// How long a wait may last when effects neither answer, end nor sleep: a stuck test, not a slow machine.
    private let safetyLimit = Duration.seconds(120)

    public init(state: State = State(), environment: ShopEnvironment) {
        self.state = state
        self.environment = environment
        runner = EffectRunner(
            deliver: { [weak self] action in
                self?.received.append(action)
                self?.signal()
            },
            didFinish: { [weak self] in self?.signal() })
        if let clock = environment.clock as? TestClock {
            clock.onSleep { [weak self] in Task { @MainActor in self?.signal() } }
        }
    }

    private func signal() {
        events += 1
        let woken = waiters
        waiters = []
        for waiter in woken { waiter.resume() }
    }

    /// Waits for the next event after `seen` (returns at once if one already happened), or the deadline.
    private func nextEvent(after seen: Int, before deadline: ContinuousClock.Instant) async {
        guard events == seen else { return }
        let timer = Task { [weak self] in
            guard (try? await Task.sleep(until: deadline, clock: .continuous)) != nil else { return }
            self?.signal()
        }
        await withCheckedContinuation { waiters.append($0) }
        timer.cancel()
    }

    /// Sends an intent; `update` describes every change it makes to the state.
    public func send(
        _ action: Action, _ update: ((inout State) -> Void)? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) async {
        if !received.isEmpty {
            Issue.record(
                "Actions received but not asserted before sending \(action): \(received)",
                sourceLocation: sourceLocation)
        }
        reduce(action, update, sourceLocation: sourceLocation)
        await TestClock.settle()
    }

    /// Waits until an effect sends `expected`, checks it, and reduces it. Effects run concurrently, so actions
    /// that arrive in a different order than asserted are matched by value; each must still be asserted.
    public func receive(
        _ expected: Action, _ update: ((inout State) -> Void)? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) async {
        guard let action = await nextReceived(matching: expected) else {
            Issue.record(
                "Expected to receive \(expected), but it did not arrive. Received so far: \(received)",
                sourceLocation: sourceLocation)
            return
        }
        reduce(action, update, sourceLocation: sourceLocation)
        await TestClock.settle()
    }

    /// Asserts that effects have nothing more to say right now (an effect waiting on the clock may still run).
    public func expectNoReceived(sourceLocation: SourceLocation = #_sourceLocation) async {
        await TestClock.settle()
        if !received.isEmpty {
            Issue.record("Unexpected actions: \(received)", sourceLocation: sourceLocation)
            received.removeAll()
        }
    }

    /// Waits for the effects to end; fails on actions not asserted and on effects still running.
    public func finish(sourceLocation: SourceLocation = #_sourceLocation) async {
        let deadline = ContinuousClock.now.advanced(by: safetyLimit)
        while runner.isRunning && received.isEmpty && ContinuousClock.now < deadline {
            let seen = events
            if await allEffectsSleepOnTheTestClock() { break }
            await nextEvent(after: seen, before: deadline)
        }
        if !received.isEmpty {
            Issue.record("Actions received but not asserted: \(received)", sourceLocation: sourceLocation)
        }
        if runner.isRunning {
            Issue.record(
                "Effects still running at the end of the test: \(runner.runningIDs.map(\.name).sorted())",
                sourceLocation: sourceLocation)
            runner.cancelAll()
        }
    }

    /// Moves the test clock, first letting every running effect reach it, then waking sleepers in order and
    /// letting each run on until it sleeps again or ends.
    public func advance(_ clock: TestClock, by duration: Duration) async {
        let target = clock.now.advanced(by: duration)
        await waitForEffectsToBlock(on: clock)
        while clock.resumeNext(through: target) {
            await waitForEffectsToBlock(on: clock)
        }
        clock.set(now: target)
    }

    /// True when nothing can happen until the test clock moves.
    private func allEffectsSleepOnTheTestClock() async -> Bool {
        guard let clock = environment.clock as? TestClock, runner.isRunning else { return false }
        guard clock.sleeperCount >= runner.runningCount else { return false }
        await TestClock.settle()
        return clock.sleeperCount >= runner.runningCount && runner.isRunning
    }

    /// Waits until every running effect sleeps on the clock (or has ended).
    private func waitForEffectsToBlock(on clock: TestClock) async {
        let deadline = ContinuousClock.now.advanced(by: safetyLimit)
        await TestClock.settle()
        while clock.sleeperCount < runner.runningCount && ContinuousClock.now < deadline {
            let seen = events
            await TestClock.settle()
            guard clock.sleeperCount < runner.runningCount else { break }
            await nextEvent(after: seen, before: deadline)
        }
    }

    /// The effects running now.
    public var runningEffects: Set<String> { Set(runner.runningIDs.map(\.name)) }

    /// The first received action equal to `expected`, waiting while effects may still send it; nil once every
    /// effect has ended or sleeps on the test clock without having sent it.
    private func nextReceived(matching expected: Action) async -> Action? {
        let deadline = ContinuousClock.now.advanced(by: safetyLimit)
        while true {
            let seen = events
            if let index = received.firstIndex(of: expected) { return received.remove(at: index) }
            if !runner.isRunning { return nil }
            if await allEffectsSleepOnTheTestClock() {
                if let index = received.firstIndex(of: expected) { return received.remove(at: index) }
                return nil
            }
            if ContinuousClock.now >= deadline { return nil }
            await nextEvent(after: seen, before: deadline)
        }
    }

    private func reduce(_ action: Action, _ update: ((inout State) -> Void)?, sourceLocation: SourceLocation) {
        var expected = state
        update?(&expected)
        let effect = Reducer.reduce(into: &state, action: action, environment: environment)
        runner.run(effect)
        if expected != state {
            let differences = StateDiff.lines(expected, state)
            let message =
                "State after \(action) differs from the expected (expected − / actual +):\n"
                + differences.joined(separator: "\n")
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }
}

/// Where two values differ, as `path: expected → actual` lines.
public enum StateDiff {
    public static func lines(_ expected: Any, _ actual: Any, path: String = "state") -> [String] {
        let left = String(reflecting: expected)
        let right = String(reflecting: actual)
        guard left != right else { return [] }
        let leftChildren = Array(Mirror(reflecting: expected).children)
        let rightChildren = Array(Mirror(reflecting: actual).children)
        if !leftChildren.isEmpty, leftChildren.count == rightChildren.count,
            Mirror(reflecting: expected).displayStyle != .collection
                || Mirror(reflecting: expected).displayStyle == nil
        {
            var result: [String] = []
            for (index, (l, r)) in zip(leftChildren, rightChildren).enumerated() {
                result += lines(l.value, r.value, path: path + "." + (l.label ?? "[\(index)]"))
            }
            if !result.isEmpty { return result }
        }
        return ["  \(path)\n    − \(left.prefix(600))\n    + \(right.prefix(600))"]
    }
}
