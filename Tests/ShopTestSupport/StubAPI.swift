import ShopCore
import StorefrontAPI
import Synchronization
import Testing

extension ShopAPI {
    /// Every call records an issue and fails: a reducer that calls what the test did not set is caught.
    /// No token is stored (`peekSession` answers nil: that is a fact of the test, not a request).
    public static var unimplemented: ShopAPI { ShopAPI(Unimplemented()) }

    /// Every call fails as a network that is down would (`.network`), recording nothing: for screen tests whose
    /// keys start requests they do not look at (the footer's every hint, random keys).
    public static var offline: ShopAPI { ShopAPI(Offline()) }

    private struct Offline: Builder {
        func endpoint<Input, Output>(_ name: String, _: KeyPath<ShopAPI, Endpoint<Input, Output>> & Sendable)
            -> Endpoint<Input, Output>
        {
            { (_: Input) async throws(APIError) -> Output in throw APIError.network("offline in tests") }
        }
    }

    private struct Unimplemented: Builder {
        func endpoint<Input, Output>(_ name: String, _: KeyPath<ShopAPI, Endpoint<Input, Output>> & Sendable)
            -> Endpoint<Input, Output>
        {
            unexpected(name)
        }
    }
}

/// An endpoint the test does not expect to be called: a call records an issue and fails.
public func unexpected<Input, Output>(_ name: String) -> ShopAPI.Endpoint<Input, Output> {
    { (_: Input) async throws(APIError) -> Output in
        Issue.record("Unexpected API call: \(name)")
        throw APIError.network("unexpected call \(name)")
    }
}

/// The storefront of the unit tests: a ``ShopAPI`` that starts ``ShopAPI/unimplemented``, answers what each
/// test sets (`StubAPI { $0.userCart = { _ in cart } }`, changed mid-test with `set`), and records every call.
public final class StubAPI: Sendable {
    private let answers: Mutex<ShopAPI>
    private let log = Mutex<[String]>([])

    public init(_ configure: (inout ShopAPI) -> Void = { _ in }) {
        var answers = ShopAPI.unimplemented
        configure(&answers)
        self.answers = Mutex(answers)
    }

    /// Changes answers mid-test (the network goes down...).
    public func set(_ change: (inout ShopAPI) -> Void) {
        answers.withLock { change(&$0) }
    }

    /// The calls made so far, as `name(arguments)`.
    public var calls: [String] { log.withLock { $0 } }

    public func count(_ name: String) -> Int { calls.filter { $0.hasPrefix(name + "(") }.count }

    /// What the store is given: each call is recorded, then answered by what the test set at that moment.
    public var api: ShopAPI {
        var api = ShopAPI(Recording(stub: self))
        api.peekSession = { [self] in await answers.withLock { $0.peekSession }() }
        return api
    }

    private struct Recording: ShopAPI.Builder {
        let stub: StubAPI

        func endpoint<Input, Output>(
            _ name: String, _ keyPath: KeyPath<ShopAPI, ShopAPI.Endpoint<Input, Output>> & Sendable
        ) -> ShopAPI.Endpoint<Input, Output> {
            { [stub] (input: Input) async throws(APIError) -> Output in
                stub.log.withLock { $0.append("\(name)(\(input))") }
                let answer = stub.answers.withLock { $0[keyPath: keyPath] }
                return try await answer(input)
            }
        }
    }
}

extension ShopEnvironment {
    /// An environment whose API is `stub`'s.
    public init(
        api stub: StubAPI, clock: any Clock<Duration> = ContinuousClock(), policy: ShopPolicy = ShopPolicy(),
        catalogCache: (any CatalogCache)? = nil
    ) {
        self.init(api: stub.api, clock: clock, policy: policy, catalogCache: catalogCache)
    }
}

/// Holds calls until opened: a request "in flight" for as long as a test needs.
public final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    public init() {}

    public func wait() async {
        await withCheckedContinuation { continuation in
            let resume = state.withLock { state -> Bool in
                if state.open { return true }
                state.waiters.append(continuation)
                return false
            }
            if resume { continuation.resume() }
        }
    }

    public func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.open = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
