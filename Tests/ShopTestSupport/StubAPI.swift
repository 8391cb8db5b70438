import ShopCore
import StorefrontAPI
import Synchronization

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
