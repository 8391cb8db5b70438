import Foundation
import ShopCore
import StorefrontAPI
import Testing

/// A store for tests, exhaustive like TCA's: every state change must be asserted (`send`/`receive` closures),
/// every action an effect sends must be received, and no effect may still run at `finish()`.
///
/// Actions from effects queue up and are reduced only when `receive` asserts them, so tests are deterministic.
@MainActor
public final class TestStore {
    public private(set) var state: State
    public let environment: ShopEnvironment
    private var runner: EffectRunner!
    private var received: [Action] = []

    public init(state: State = State(), environment: ShopEnvironment) {
        self.state = state
        self.environment = environment
        runner = EffectRunner { [weak self] action in self?.received.append(action) }
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
        let deadline = ContinuousClock.now.advanced(by: .seconds(1))
        while runner.isRunning && received.isEmpty && ContinuousClock.now < deadline {
            if await allEffectsSleepOnTheTestClock() { break }
            await Task.yield()
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

    /// Waits (a bounded while) until every running effect sleeps on the clock.
    private func waitForEffectsToBlock(on clock: TestClock) async {
        let deadline = ContinuousClock.now.advanced(by: .seconds(2))
        await TestClock.settle()
        while clock.sleeperCount < runner.runningCount && ContinuousClock.now < deadline {
            await Task.yield()
        }
    }

    /// The effects running now.
    public var runningEffects: Set<String> { Set(runner.runningIDs.map(\.name)) }

    private func nextReceived(matching expected: Action) async -> Action? {
        let deadline = ContinuousClock.now.advanced(by: .seconds(3))
        while ContinuousClock.now < deadline {
            if let index = received.firstIndex(of: expected) { return received.remove(at: index) }
            let sleeping = await allEffectsSleepOnTheTestClock()
            if !runner.isRunning || sleeping {
                await TestClock.settle()
                if let index = received.firstIndex(of: expected) { return received.remove(at: index) }
                let stillSleeping = await allEffectsSleepOnTheTestClock()
                if !runner.isRunning || stillSleeping { return nil }
            }
            await Task.yield()
        }
        return nil
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
