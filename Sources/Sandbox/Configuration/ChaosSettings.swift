import Foundation

/// Fault injection for tests and demos: `latency=MS,errors=RATE,malformed=RATE,drop=RATE,hold=METHOD:PATH`.
public struct ChaosSettings: Sendable, Equatable {
    /// Added to every response, in milliseconds.
    public var latencyMs: Int
    /// Share of requests answered with a 5xx error envelope (0...1).
    public var errorRate: Double
    /// Share of requests answered 200 with a body that is not valid JSON (0...1).
    public var malformedRate: Double
    /// Share of requests whose connection is closed without an answer (0...1).
    public var dropRate: Double
    /// Requests held without an answer until the server stops: a request "inside the server" for as long as a
    /// test needs (kill the server while an order is being placed). The method and the path's end, e.g.
    /// `POST /orders`; each held request says so on standard error.
    public var hold: Hold?

    public struct Hold: Sendable, Equatable {
        public var method: String
        public var pathSuffix: String

        func matches(method: String, path: String) -> Bool {
            method == self.method && path.hasSuffix(pathSuffix)
        }
    }

    public static let off = ChaosSettings(latencyMs: 0, errorRate: 0, malformedRate: 0, dropRate: 0)

    public init(latencyMs: Int, errorRate: Double, malformedRate: Double, dropRate: Double, hold: Hold? = nil) {
        self.latencyMs = latencyMs
        self.errorRate = errorRate
        self.malformedRate = malformedRate
        self.dropRate = dropRate
        self.hold = hold
    }

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// Parses `latency=MS,errors=RATE,malformed=RATE,drop=RATE`; every key is optional, "off" or "" is no chaos.
    public init(parsing spec: String) throws {
        self = .off
        let trimmed = spec.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed == "off" { return }
        for part in trimmed.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { throw ParseError(description: "expected key=value, got '\(part)'") }
            let key = pair[0]
            let value = pair[1]
            switch key {
            case "latency":
                guard let ms = Int(value), ms >= 0 else {
                    throw ParseError(description: "latency must be a whole number of milliseconds ≥ 0")
                }
                latencyMs = ms
            case "errors", "malformed", "drop":
                guard let rate = Double(value), rate >= 0, rate <= 1 else {
                    throw ParseError(description: "\(key) must be a rate between 0 and 1")
                }
                if key == "errors" {
                    errorRate = rate
                } else if key == "malformed" {
                    malformedRate = rate
                } else {
                    dropRate = rate
                }
            case "hold":
                let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty, parts[1].hasPrefix("/") else {
                    throw ParseError(description: "hold must be METHOD:PATH, e.g. hold=POST:/orders")
                }
                hold = Hold(method: parts[0].uppercased(), pathSuffix: parts[1])
            default:
                throw ParseError(description: "unknown chaos key '\(key)' (latency, errors, malformed, drop, hold)")
            }
        }
    }

    public var isOff: Bool { self == .off }
}
