import CNCurses

/// Reads everything curses has queued right now (non-blocking) and decodes it into keys.
/// Must run on the thread that owns curses (the main actor).
@MainActor
public struct KeyReader {
    private var decoder = KeyDecoder()
    /// Upper bound of reads per drain, so a flood of input cannot hold the main actor.
    public var maxReadsPerDrain = 512

    public init() {}

    /// Drains pending input. Call with `nodelay` on (the terminal sets it).
    public mutating func readAvailable() -> [Key] {
        var keys: [Key] = []
        var reads = 0
        while reads < maxReadsPerDrain {
            reads += 1
            var ch: wint_t = 0
            let rc = get_wch(&ch)
            if rc == sf_err() { break }
            if rc == sf_key_code_yes() {
                let code = Int(ch)
                if code == Int(sf_key_mouse()) {
                    if let event = Self.readMouse() { keys += decoder.feed(.mouse(event)) }
                } else {
                    keys += decoder.feed(.keyCode(code))
                }
            } else {
                keys += decoder.feed(.character(UInt32(ch)))
            }
        }
        keys += decoder.feed(.endOfInput)
        return keys
    }

    private static func readMouse() -> MouseEvent? {
        var ev = MEVENT()
        guard getmouse(&ev) == OK else { return nil }
        let s = ev.bstate
        let kind: MouseEvent.Kind
        if s & sf_button4_pressed() != 0 {
            kind = .wheelUp
        } else if s & sf_button5_pressed() != 0 {
            kind = .wheelDown
        } else if s & sf_button1_double_clicked() != 0 {
            kind = .doubleClick
        } else if s & sf_button1_clicked() != 0 {
            kind = .click
        } else if s & sf_button1_pressed() != 0 {
            kind = .press
        } else if s & sf_button1_released() != 0 {
            kind = .release
        } else if s & (sf_button3_clicked() | sf_button3_pressed()) != 0 {
            kind = .rightClick
        } else {
            kind = .other
        }
        return MouseEvent(kind: kind, row: Int(ev.y), col: Int(ev.x))
    }
}
