import Synchronization

/// A clock that only moves when told: debounces, OTP cooldowns and payment polling are tested without waiting.
public final class TestClock: Clock, Sendable {
    public struct Instant: InstantProtocol, Sendable, Hashable, Comparable {
        public var offset: Duration

        public init(offset: Duration = .zero) {
            self.offset = offset
        }

        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        public func duration(to other: Instant) -> Duration { other.offset - offset }
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private struct Sleeper {
        var id: Int
        var deadline: Instant
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct Shared {
        var now = Instant()
        var nextID = 0
        var sleepers: [Sleeper] = []
        /// Sleeps cancelled before they were registered.
        var cancelled: Set<Int> = []
    }

    private let shared = Mutex(Shared())
    private let sleepObservers = Mutex<[@Sendable () -> Void]>([])

    public init() {}

    public var now: Instant { shared.withLock { $0.now } }
    public var minimumResolution: Duration { .zero }

    /// Calls `observer` (on whatever thread sleeps) each time a sleep starts waiting on this clock, so that a
    /// test store can wait for its effects to reach the clock instead of polling.
    public func onSleep(_ observer: @escaping @Sendable () -> Void) {
        sleepObservers.withLock { $0.append(observer) }
    }

    /// How many sleeps are waiting on this clock.
    public var sleeperCount: Int { shared.withLock { $0.sleepers.count } }

    public func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        let id = shared.withLock { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome = shared.withLock { state -> Bool? in
                    if state.cancelled.remove(id) != nil { return false }
                    if deadline <= state.now { return true }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return nil
                }
                switch outcome {
                case true?: continuation.resume()
                case false?: continuation.resume(throwing: CancellationError())
                case nil: for observer in sleepObservers.withLock({ $0 }) { observer() }
                }
            }
        } onCancel: {
            let sleeper = shared.withLock { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else {
                    state.cancelled.insert(id)
                    return nil
                }
                return state.sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward, waking each sleeper whose deadline passes, in order, and letting it run on.
    ///
    /// With a store, prefer a test store's `advance`, which also waits for its effects to reach the clock.
    public func advance(by duration: Duration) async {
        await Self.settle()
        let target = now.advanced(by: duration)
        while resumeNext(through: target) {
            await Self.settle()
        }
        set(now: target)
    }

    /// Wakes the earliest sleeper due by `target` (time moves to its deadline); false when none is due.
    public func resumeNext(through target: Instant) -> Bool {
        let due = shared.withLock { state -> Sleeper? in
            guard
                let index = state.sleepers.indices.min(by: {
                    state.sleepers[$0].deadline < state.sleepers[$1].deadline
                }),
                state.sleepers[index].deadline <= target
            else { return nil }
            let sleeper = state.sleepers.remove(at: index)
            state.now = max(state.now, sleeper.deadline)
            return sleeper
        }
        guard let due else { return false }
        due.continuation.resume()
        return true
    }

    /// Moves time to `instant` (never backwards) without waking anyone early.
    public func set(now instant: Instant) {
        shared.withLock { $0.now = max($0.now, instant) }
    }

    /// Lets other tasks run until they block again.
    public static func settle() async {
        for _ in 0..<50 { await Task.yield() }
    }
}
