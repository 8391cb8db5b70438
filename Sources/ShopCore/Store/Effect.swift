/// Work a reducer asks for: run outside the reducer, feeding its results back as actions (Bubble Tea's commands).
public struct Effect: Sendable {
    public typealias Send = @Sendable (Action) async -> Void

    enum Operation: Sendable {
        case run(id: EffectID?, work: @Sendable (Send) async -> Void)
        case cancel(EffectID)
    }

    let operations: [Operation]

    public static let none = Effect(operations: [])

    /// Runs `work`; with an `id`, a newer effect of the same id cancels the older one.
    public static func run(id: EffectID? = nil, _ work: @escaping @Sendable (Send) async -> Void) -> Effect {
        Effect(operations: [.run(id: id, work: work)])
    }

    public static func cancel(_ id: EffectID) -> Effect {
        Effect(operations: [.cancel(id)])
    }

    public static func merge(_ effects: Effect...) -> Effect {
        Effect(operations: effects.flatMap(\.operations))
    }

    public var isNone: Bool { operations.isEmpty }
}

/// Names an effect so that it can be cancelled or replaced.
public struct EffectID: Hashable, Sendable, CustomStringConvertible {
    public let name: String

    public init(_ name: String) {
        self.name = name
    }

    public var description: String { name }
}
