import ShopCore

extension Replayer.Options {
    /// Replay's options for tests: the same, but a store's answer may take up to 300 s of real time per step
    /// instead of 60. In the full suite every store shares the main actor with the heavy suites, and a minute was
    /// seen to run out on a loaded machine; this is a safety net, not a measurement.
    static var patient: Self {
        var options = Self()
        options.settleLimit = .seconds(300)
        return options
    }
}
