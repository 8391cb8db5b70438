import Foundation

/// Everything effects may touch, injected: the API, a clock, ids.
public struct ShopEnvironment: Sendable {
    public var api: any ShopAPI
    public var clock: any Clock<Duration>
    public var uuid: @Sendable () -> UUID

    public init(
        api: any ShopAPI, clock: any Clock<Duration> = ContinuousClock(),
        uuid: @escaping @Sendable () -> UUID = UUID.init
    ) {
        self.api = api
        self.clock = clock
        self.uuid = uuid
    }
}
