import Foundation
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopCore

@MainActor @Suite struct StoreTests {
    @Test func aNewerEffectOfTheSameIDCancelsTheOlderAndItsAnswerIsDropped() async {
        let slow = Gate()
        let api = StubAPI {
            $0.product = { id in
                if id == "a" { await slow.wait() }
                return Fixtures.product(id)
            }
        }
        let store = Store(environment: ShopEnvironment(api: api, clock: TestClock()))
        var seen: [Action] = []
        store.observe { action, _ in seen.append(action) }
        var changes = 0
        store.onChange = { changes += 1 }
        store.send(.product(.view(.open(id: "a"))))
        store.send(.product(.view(.open(id: "b"))))
        slow.open()
        await store.finish()
        #expect(store.state.product.product?.id == "b")
        #expect(!seen.contains(.product(.response(.loaded(Fixtures.product("a"), variants: [])))))
        #expect(seen.contains(.product(.response(.loaded(Fixtures.product("b"), variants: [])))))
        #expect(changes == seen.count)
        #expect(!store.hasRunningEffects)
    }

    @Test func aStoreThatGoesAwayCancelsItsEffects() async {
        let clock = TestClock()
        var state = awaitingState()
        state.payment.phase = .stopped
        var store: Store? = Store(initialState: state, environment: ShopEnvironment(api: StubAPI(), clock: clock))
        store?.send(.payment(.view(.checkAgain)))
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        while clock.sleeperCount == 0 && ContinuousClock.now < deadline { await Task.yield() }
        #expect(clock.sleeperCount == 1)
        store = nil
        while clock.sleeperCount > 0 && ContinuousClock.now < deadline { await Task.yield() }
        #expect(clock.sleeperCount == 0)
    }

    @Test func observersAreToldInTheOrderTheyWereAddedUntilTheyStop() {
        let store = Store(environment: ShopEnvironment(api: StubAPI(), clock: TestClock()))
        var observed: [Action] = []
        var lines: [String] = []
        store.observe { action, origin in
            #expect(origin == .intent)
            observed.append(action)
        }
        let log = store.observe { action, _ in
            #expect(observed.last == action, "told after the observer added before it")
            lines.append(try! ActionLog.line(for: action))
        }
        store.send(.setField(.password, "hunter22"))
        store.send(.dismissNotice)
        store.stopObserving(log)
        store.send(.setField(.password, "hunter23"))
        #expect(observed == [.setField(.password, "hunter22"), .dismissNotice, .setField(.password, "hunter23")])
        #expect(lines == [#"{"setField":{"_0":"password","_1":"[redacted]"}}"#, #"{"dismissNotice":{}}"#])
    }

    @Test func cancelAllStopsEverything() async {
        let clock = TestClock()
        var state = awaitingState()
        state.payment.phase = .stopped
        let store = Store(initialState: state, environment: ShopEnvironment(api: StubAPI(), clock: clock))
        store.send(.payment(.view(.checkAgain)))
        #expect(store.hasRunningEffects)
        store.cancelAll()
        #expect(!store.hasRunningEffects)
        await clock.advance(by: .seconds(30))
        await store.finish()
        #expect(store.state.payment.polls == 0)
    }

    @Test func theTestClockSleepsUntilAdvancedAndCancellationWakesWithAnError() async throws {
        let clock = TestClock()
        let woke = Task { try await clock.sleep(for: .seconds(5)) }
        let cancelled = Task { try await clock.sleep(for: .seconds(5)) }
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        while clock.sleeperCount < 2 && ContinuousClock.now < deadline { await Task.yield() }
        #expect(clock.sleeperCount == 2)
        cancelled.cancel()
        await #expect(throws: CancellationError.self) { try await cancelled.value }
        await clock.advance(by: .seconds(4))
        #expect(clock.sleeperCount == 1)
        #expect(clock.now.offset == .seconds(4))
        await clock.advance(by: .seconds(1))
        try await woke.value
        #expect(clock.now.offset == .seconds(5))
        // A deadline in the past does not wait.
        try await clock.sleep(until: clock.now, tolerance: nil)
    }
}

/// The test store itself must fail tests that leave things unasserted.
@MainActor @Suite struct TestStoreTests {
    @Test func anUnassertedStateChangeFails() async {
        var state = State()
        state.notice = Notice(.info, "hi")
        let store = makeStore(StubAPI(), state: state)
        await withKnownIssue {
            await store.send(.dismissNotice)
        }
    }

    @Test func anUnassertedReceivedActionFails() async {
        let api = StubAPI { $0.session = { _ throws(APIError) in throw .timeout } }
        let store = makeStore(api)
        await store.send(.appStarted) {
            $0.session = .starting
            $0.inFlight = [.session]
        }
        await withKnownIssue {
            await store.finish()
        }
    }

    @Test func anAPICallTheTestDidNotSetFails() async throws {
        let api = StubAPI { $0.user = { _ in Fixtures.asha } }
        #expect(try await api.api.user() == Fixtures.asha)
        await withKnownIssue {
            _ = try? await api.api.session()
        }
        #expect(api.calls == ["user(())", "session(())"])
    }

    @Test func anEffectStillRunningAtTheEndFails() async {
        var state = guestState()
        state.route = [.catalog, .otp]
        let store = makeStore(StubAPI(), state: state)
        await store.send(.session(.response(.otpSent(Fixtures.challenge)))) {
            $0.auth.challenge = Fixtures.challenge
            $0.auth.triesLeft = 3
            $0.auth.resendCooldown = 2
        }
        #expect(store.runningEffects == ["auth.cooldown"])
        await withKnownIssue {
            await store.finish()
        }
    }

    /// On a loaded machine an answer can take seconds; the store waits for the effect, not for a fixed time (CI
    /// failed 18 tests when `receive` gave up after 3 s while the main actor was busy with other suites). The gate
    /// opens from another thread after 4 s of real time, longer than the old limit; nothing asserts a duration.
    @Test func receiveWaitsForAnEffectHoweverLongItRuns() async {
        let gate = Gate()
        let one = [Fixtures.catalogItem("p1")]
        let api = StubAPI {
            $0.wishlist = { _ in
                await gate.wait()
                return one
            }
        }
        let store = makeStore(api, state: memberState())
        await store.send(.navigate(.wishlist)) {
            $0.route = [.catalog, .wishlist]
            $0.inFlight = [.wishlist]
        }
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 4)
            gate.open()
        }
        await store.receive(.wishlist(.response(.loaded(one)))) {
            $0.wishlist.items = one
            $0.wishlist.isLoaded = true
            $0.inFlight = []
        }
        await store.finish()
    }

    @Test func aWrongReceivedActionFails() async {
        let api = StubAPI { $0.session = { _ throws(APIError) in throw .timeout } }
        let store = makeStore(api)
        await store.send(.appStarted) {
            $0.session = .starting
            $0.inFlight = [.session]
        }
        await withKnownIssue {
            await store.receive(.session(.response(.started(Fixtures.guest))))
        }
        await store.receive(.session(.response(.startFailed(.timeout)))) {
            $0.session = .failed(.timeout)
            $0.inFlight = []
            $0.notice = Notice(.error, APIError.timeout.message)
        }
        await store.finish()
    }
}
