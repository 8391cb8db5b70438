import ShopCore

/// Plays a ``ReplaySession`` in a ``ReplayApp`` at a readable pace: one recorded intent every `stepDelay`,
/// paused and resumed with space, one step at a time with n while paused. It stops by itself at the end, the
/// first difference or a stop (the view then shows the summary); `stop()` ends it early (quit).
@MainActor
public final class ReplayPlayer {
    public let session: ReplaySession
    public let app: ReplayApp
    /// Time between two intents while playing.
    public let stepDelay: Duration
    public private(set) var isPaused: Bool
    /// An intent is being applied (its answers awaited).
    private var stepping = false
    private var task: Task<Void, Never>?
    private var resumed: CheckedContinuation<Void, Never>?

    public init(session: ReplaySession, app: ReplayApp, stepDelay: Duration, startPaused: Bool = false) {
        self.session = session
        self.app = app
        self.stepDelay = stepDelay
        isPaused = startPaused
        app.onIntent = { [weak self] intent in self?.perform(intent) }
        // The bar names the intent as soon as it is sent, not only once its answers are in.
        session.store.observe { [weak self] _, _ in self?.update() }
        session.onWaitChange = { [weak self] in self?.update() }
        update()
    }

    /// Starts playing (or waits for space / n when it starts paused).
    public func start() {
        guard task == nil else { return }
        task = Task { [weak self] in await self?.play() }
    }

    /// Ends the replay early and stops the live store's effects.
    public func stop() {
        task?.cancel()
        task = nil
        wake()
        session.close()
    }

    private func play() async {
        while !session.isFinished, !Task.isCancelled {
            if isPaused {
                await withCheckedContinuation { resumed = $0 }
                continue
            }
            try? await Task.sleep(for: stepDelay)
            guard !isPaused, !stepping, !Task.isCancelled else { continue }
            await step()
        }
    }

    private func step() async {
        guard !stepping, !session.isFinished else { return }
        stepping = true
        await session.advance()
        stepping = false
        update()
    }

    func perform(_ intent: ReplayIntent) {
        guard !session.isFinished else { return }
        switch intent {
        case .togglePause:
            isPaused.toggle()
            if !isPaused { wake() }
            update()
        case .nextStep:
            guard isPaused, !stepping else { return }
            Task { await step() }
        case .help, .quit, .redraw:
            break
        }
    }

    private func wake() {
        resumed?.resume()
        resumed = nil
    }

    private func update() {
        let status = ReplayStatus(session, paused: isPaused)
        if status != app.status { app.status = status }
    }
}
