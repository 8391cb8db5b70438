import ShopCore
import StorefrontAPI
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
