import ShopCore

/// The replay view (`storefront replay FILE`): the shop's own screens draw the replayed state, under a replay
/// bar that says which recorded intent was just applied. Only the replay keys work (pause, next step, help,
/// quit); the shop's keys do nothing, so nothing but the recording drives the store. One key table resolves the
/// keys, writes the footer and the `?` help. When the replay is over the summary shows on the notice line, and
/// a difference or a stop also in a box over the screen, in the headless report's words.
///
/// ```swift
/// let app = ReplayApp(shop: ShopApp(store: session.store, storeName: "Sandbox store"),
///                     status: ReplayStatus(session, paused: false))
/// app.onIntent = { intent in /* pause, next step */ }
/// ```
@MainActor
public final class ReplayApp: TerminalProgram {
    /// Draws the replayed state (its keys are never used here).
    public let shop: ShopApp
    /// Where the replay is; setting it redraws.
    public var status: ReplayStatus {
        didSet { runner?.requestRender() }
    }
    /// Pause and next step go to whoever plays the replay.
    public var onIntent: ((ReplayIntent) -> Void)?
    /// The `?` help, while it is open.
    public private(set) var help: HelpState?
    public var showingHelp: Bool { help != nil }
    /// What the last frame of the help drew (scrolling stays within it).
    private var helpPage = HelpPage(rows: 1, lines: 0)
    private weak var runner: TerminalRunner?

    public init(shop: ShopApp, status: ReplayStatus) {
        self.shop = shop
        self.status = status
    }

    /// Redraws through `runner` when the replay or the store moves.
    public func attach(_ runner: TerminalRunner) {
        self.runner = runner
        shop.attach(runner)
    }

    public var isAnimating: Bool { shop.isAnimating }
    public var waits: Int { shop.waits }

    // MARK: Keys

    /// The replay keys: what `handle` resolves, the footer shows and `?` lists.
    public var keyTable: KeyTable<ReplayIntent> { KeyTable(Self.keys(status)) }

    static func keys(_ status: ReplayStatus) -> [KeyBinding<ReplayIntent>] {
        var keys: [KeyBinding<ReplayIntent>] = []
        switch status.phase {
        case .playing:
            keys.append(binding([.char(" ")], "pause", "Pause the replay", priority: 50, .togglePause))
        case .paused:
            keys.append(binding([.char(" ")], "resume", "Resume the replay", priority: 50, .togglePause))
            keys.append(binding([.char("n")], "next step", "Apply the next recorded intent", priority: 45, .nextStep))
        case .finished:
            break
        }
        keys.append(binding([.char("?")], "help", "Show all keys", priority: 55, .help))
        keys.append(binding([.function(1)], "help", "Show all keys", footer: false, .help))
        keys.append(binding([.char("q")], "quit", "Quit the replay", priority: 60, .quit))
        keys.append(binding([.ctrl("c")], "quit", "Quit the replay", footer: false, .quit))
        keys.append(binding([.ctrl("l")], "redraw", "Redraw the screen", footer: false, .redraw))
        return keys
    }

    private static func binding(
        _ keys: [Key], _ label: String, _ help: String, footer: Bool = true, priority: Int? = nil,
        _ intent: ReplayIntent
    ) -> KeyBinding<ReplayIntent> {
        KeyBinding(keys: keys, label: label, help: help, inFooter: footer, priority: priority, intent: intent)
    }

    public func handle(_ key: Key) -> ProgramCommand {
        if help != nil { return HelpKeys.handle(key, &help, page: helpPage) }
        guard let intent = keyTable.intent(for: key) else { return .continue }
        switch intent {
        case .help: help = HelpState()
        case .quit: return .quit
        case .redraw: return .redrawAll
        case .togglePause, .nextStep: onIntent?(intent)
        }
        return .continue
    }

    // MARK: Drawing

    public func render(into buffer: inout CellBuffer, theme: Theme) -> CursorPlacement? {
        // The shop draws one row shorter, under the replay bar; its footer row gets the replay keys.
        var shopFrame = CellBuffer(width: buffer.width, height: buffer.height - 1)
        _ = shop.render(into: &shopFrame, theme: theme)
        buffer.paste(rowsOf: shopFrame, at: 1)
        drawBar(into: &buffer, theme: theme)
        let table = keyTable
        if let report = status.report {
            Notice(report.isSame ? .success : .error, report.headline).draw(
                into: &buffer, row: buffer.height - 2, theme: theme)
            if !report.isSame { drawReport(report, into: &buffer, theme: theme) }
        }
        FooterBar.draw(into: &buffer, row: buffer.height - 1, table: table, theme: theme)
        if let help {
            helpPage = HelpOverlay.draw(into: &buffer, table: table, state: help, theme: theme).page
        }
        if theme.glyphs.isASCII { ShopChrome.foldToASCII(&buffer) }
        return nil
    }

    /// "REPLAY step 12/40 · product.addToCart" on the left; playing, paused or the outcome on the right.
    private func drawBar(into buffer: inout CellBuffer, theme: Theme) {
        let style = Style.role(.accent).reverse
        buffer.fill(Rect(row: 0, col: 0, width: buffer.width, height: 1), style: style)
        let right: String
        switch status.phase {
        case .playing: right = "playing"
        case .paused: right = "paused"
        case .finished(let report):
            switch report.outcome {
            case .same: right = "same state"
            case .different: right = "differs"
            case .stopped: right = "stopped"
            }
        }
        let rightWidth = min(DisplayWidth.of(right), buffer.width / 3)
        buffer.writeRight(
            right, row: 0, endCol: buffer.width - 1, style: style.bold, maxWidth: rightWidth,
            ellipsis: theme.glyphs.ellipsis)
        var title = "REPLAY step \(status.step)/\(status.total)"
        if let intent = status.intent { title += " \(theme.glyphs.separator) \(intent)" }
        buffer.write(
            title, row: 0, col: 1, style: style.bold, maxWidth: buffer.width - rightWidth - 4,
            ellipsis: theme.glyphs.ellipsis)
    }

    /// The first difference (or why replay stopped) in a box over the screen, with the report's notes.
    private func drawReport(_ report: ReplayReport, into buffer: inout CellBuffer, theme: Theme) {
        let title: String
        if case .stopped(let intent, _, _) = report.outcome {
            title = "Replay stopped at step \(intent)"
        } else if case .different(let intent, _, _) = report.outcome {
            title = "First difference at step \(intent)"
        } else {
            return
        }
        let contentWidth = max(10, min(72, buffer.width - 6))
        var lines = Draw.wrap(report.headline, width: contentWidth)
        for note in report.notes {
            lines.append("")
            lines += Draw.wrap("note: " + note, width: contentWidth)
        }
        // The bar above and the summary and the keys below stay visible.
        let maxLines = max(1, buffer.height - 6)
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] = theme.glyphs.ellipsis
        }
        let inner = Modal.draw(
            into: &buffer, title: title, contentWidth: contentWidth, contentHeight: lines.count, theme: theme)
        for (i, line) in lines.enumerated() where inner.row + i < inner.bottom {
            buffer.write(line, row: inner.row + i, col: inner.col, style: .role(.error), maxWidth: inner.width)
        }
    }
}
