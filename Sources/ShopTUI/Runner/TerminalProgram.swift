/// What a key handler asks the runner to do next.
public enum ProgramCommand: Sendable, Hashable {
    case `continue`
    case quit
    /// Copy text to the clipboard (OSC 52, when supported), then continue.
    case copy(String)
    /// Repaint the whole screen (the user pressed ctrl-l, or the screen got garbled).
    case redrawAll
}

/// A full-screen program driven by `TerminalRunner`.
@MainActor
public protocol TerminalProgram: AnyObject {
    /// Draws the current state into `buffer` (already blank, terminal-sized). Returns where to park the
    /// cursor (the selection or the text-field caret), or nil to hide it.
    func render(into buffer: inout CellBuffer, theme: Theme) -> CursorPlacement?
    /// Handles one key.
    func handle(_ key: Key) -> ProgramCommand
    /// True while something animates (a spinner): the runner then ticks frames.
    var isAnimating: Bool { get }
    /// How many answers the program waits for (the spinner's reasons). A frame that shows fewer than the last
    /// frame did ends a wait and is written at once, even while others are still awaited (the catalog's products
    /// are not held for its categories).
    var waits: Int { get }
    /// OSC 8 hyperlinks over text drawn by the last `render`.
    var linkRegions: [LinkRegion] { get }
}

extension TerminalProgram {
    public var isAnimating: Bool { false }
    public var waits: Int { isAnimating ? 1 : 0 }
    public var linkRegions: [LinkRegion] { [] }
}

/// One composed frame: the buffer, the cursor and the links.
public struct Frame: Sendable, Hashable {
    public var buffer: CellBuffer
    public var cursor: CursorPlacement?
    public var links: [LinkRegion]
    public var tooSmall: Bool
}
