/// Runs the reducer and its effects on the main actor; the front end reads `state` and calls `send`.
@MainActor
public final class Store {
    public private(set) var state: State
    let environment: ShopEnvironment
    private var running: [EffectID: Task<Void, Never>] = [:]
    private var anonymousTasks: [Int: Task<Void, Never>] = [:]
    private var nextTaskKey = 0
    /// Called after every action that went through the reducer (the front end redraws).
    public var onChange: (() -> Void)?
    /// Called with every action (the action log, recordings).
    public var onAction: ((Action) -> Void)?

    public init(initialState: State = State(), environment: ShopEnvironment) {
        state = initialState
        self.environment = environment
    }

    public func send(_ action: Action) {
        onAction?(action)
        let effect = Reducer.reduce(into: &state, action: action, environment: environment)
        run(effect)
        onChange?()
    }

    /// True while any effect is running (the spinner).
    public var hasRunningEffects: Bool { !running.isEmpty || !anonymousTasks.isEmpty }

    private func run(_ effect: Effect) {
        for operation in effect.operations {
            switch operation {
            case .cancel(let id):
                running.removeValue(forKey: id)?.cancel()
            case .run(let id, let work):
                let send: Effect.Send = { [weak self] action in
                    await MainActor.run {
                        guard !Task.isCancelled else { return }
                        self?.send(action)
                    }
                }
                if let id {
                    running.removeValue(forKey: id)?.cancel()
                    let task = Task { [weak self] in
                        await work(send)
                        await MainActor.run { self?.finished(id: id) }
                    }
                    running[id] = task
                } else {
                    nextTaskKey += 1
                    let key = nextTaskKey
                    anonymousTasks[key] = Task { [weak self] in
                        await work(send)
                        await MainActor.run { _ = self?.anonymousTasks.removeValue(forKey: key) }
                    }
                }
            }
        }
    }

    private func finished(id: EffectID) {
        // Only forget the task if it is still the one registered under this id.
        if let task = running[id], task.isCancelled == false {
            running.removeValue(forKey: id)
        }
    }

    /// Cancels every running effect (quit).
    public func cancelAll() {
        running.values.forEach { $0.cancel() }
        anonymousTasks.values.forEach { $0.cancel() }
        running.removeAll()
        anonymousTasks.removeAll()
    }
}
