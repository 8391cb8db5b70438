/// Runs effects as tasks and delivers their actions on the main actor; shared by `Store` and test stores.
///
/// An effect with an id replaces (cancels) the running one of the same id; a cancelled effect's actions are
/// dropped, so an answer that a newer intent replaced never reaches the reducer. Finished tasks are forgotten,
/// so nothing leaks.
@MainActor
public final class EffectRunner {
    private struct Entry {
        var token: Int
        var id: EffectID?
        var task: Task<Void, Never>
    }

    private var entries: [Int: Entry] = [:]
    private var nextToken = 0
    private let deliver: @MainActor (Action) -> Void
    private let didFinish: @MainActor () -> Void

    /// `deliver` receives every action an effect sends (unless the effect was cancelled first); `didFinish` is
    /// told each time an effect ends after its last action was delivered (a test store waits on it).
    public init(deliver: @escaping @MainActor (Action) -> Void, didFinish: @escaping @MainActor () -> Void = {}) {
        self.deliver = deliver
        self.didFinish = didFinish
    }

    /// A runner that goes away takes its effects with it.
    isolated deinit {
        for entry in entries.values { entry.task.cancel() }
    }

    /// True while any effect is running.
    public var isRunning: Bool { !entries.isEmpty }

    /// How many effects are running.
    public var runningCount: Int { entries.count }

    /// The ids of the running named effects.
    public var runningIDs: Set<EffectID> { Set(entries.values.compactMap(\.id)) }

    public func run(_ effect: Effect) {
        for operation in effect.operations {
            switch operation {
            case .cancel(let id):
                cancel(id)
            case .run(let id, let work):
                if let id { cancel(id) }
                nextToken += 1
                let token = nextToken
                let send: Effect.Send = { [weak self] action in
                    await MainActor.run {
                        guard !Task.isCancelled, let self, self.entries[token] != nil else { return }
                        self.deliver(action)
                    }
                }
                // Detached: the work starts on the cooperative pool at once, not after the main actor's turn (which
                // may go on to draw a frame first: the catalog's requests left ~1.5 ms later at start, #18).
                let task = Task.detached { [weak self] in
                    await work(send)
                    await MainActor.run { self?.finished(token) }
                }
                entries[token] = Entry(token: token, id: id, task: task)
            }
        }
    }

    public func cancel(_ id: EffectID) {
        for (token, entry) in entries where entry.id == id {
            entry.task.cancel()
            entries.removeValue(forKey: token)
        }
    }

    public func cancelAll() {
        for entry in entries.values { entry.task.cancel() }
        entries.removeAll()
    }

    /// Waits until every effect running now, and every effect they start meanwhile, has finished.
    public func waitForAll() async {
        while let entry = entries.values.first {
            await entry.task.value
            entries.removeValue(forKey: entry.token)
        }
    }

    private func finished(_ token: Int) {
        entries.removeValue(forKey: token)
        didFinish()
    }
}
