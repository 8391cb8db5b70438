/// What `get_wch` gave: a character, a `KEY_*` code, or nothing more to read right now.
public enum RawInput: Sendable, Hashable {
    case character(UInt32)
    case keyCode(Int)
    case mouse(MouseEvent)
    case endOfInput
}

/// Turns raw curses input into `Key`s. Pure (no curses): fed one `RawInput` at a time.
///
/// ESC alone is `.escape`; ESC immediately followed by a character in the same burst is `.alt(c)`.
/// So an ESC is held until the next input or the end of the burst (`.endOfInput`).
public struct KeyDecoder: Sendable {
    private var pendingEscape = false
    /// Text of a bracketed paste being received (between the paste-start and paste-end codes).
    private var pasted: String.UnicodeScalarView?
    private var lastPastedCR = false

    public init() {}

    /// Curses key codes the decoder knows (values from ncurses 6; `KEY_F(n)` = 264 + n).
    public enum Code {
        public static let down = 0o402
        public static let up = 0o403
        public static let left = 0o404
        public static let right = 0o405
        public static let home = 0o406
        public static let backspace = 0o407
        public static let f0 = 0o410
        public static let delete = 0o512
        public static let insert = 0o513
        public static let pageDown = 0o522
        public static let pageUp = 0o523
        public static let enter = 0o527
        public static let backTab = 0o541
        public static let end = 0o550
        public static let mouse = 0o631
        public static let resize = 0o632
        /// Bracketed paste start/end (`ESC [ 200 ~` / `ESC [ 201 ~`), taught to curses with `define_key`.
        public static let pasteStart = 0x6000
        public static let pasteEnd = 0x6001
    }

    public mutating func feed(_ input: RawInput) -> [Key] {
        if pasted != nil { return feedPaste(input) }
        var out: [Key] = []
        if case .keyCode(Code.pasteStart) = input {
            if pendingEscape {
                pendingEscape = false
                out.append(.escape)
            }
            pasted = String.UnicodeScalarView()
            lastPastedCR = false
            return out
        }
        switch input {
        case .endOfInput:
            if pendingEscape {
                pendingEscape = false
                out.append(.escape)
            }
        case .character(let v):
            if pendingEscape {
                pendingEscape = false
                if v == 0x1B {
                    out.append(.escape)
                    pendingEscape = true
                } else if v >= 0x20, v != 0x7F, let s = Unicode.Scalar(v) {
                    out.append(.alt(Character(s)))
                } else {
                    out.append(.escape)
                    out.append(Self.decodeCharacter(v))
                }
            } else if v == 0x1B {
                pendingEscape = true
            } else {
                out.append(Self.decodeCharacter(v))
            }
        case .keyCode(let code):
            if pendingEscape {
                pendingEscape = false
                out.append(.escape)
            }
            out.append(Self.decodeKeyCode(code))
        case .mouse(let event):
            if pendingEscape {
                pendingEscape = false
                out.append(.escape)
            }
            out.append(.mouse(event))
        }
        return out
    }

    /// Inside a bracketed paste everything is text until the end code; bursts do not end it.
    /// Line ends (CR, LF, CR LF) become "\n"; other control characters are dropped, tab stays.
    private mutating func feedPaste(_ input: RawInput) -> [Key] {
        switch input {
        case .keyCode(Code.pasteEnd):
            let text = String(pasted ?? String.UnicodeScalarView())
            pasted = nil
            return [.paste(text)]
        case .character(let v):
            let crlf = lastPastedCR && v == 0x0A
            lastPastedCR = v == 0x0D
            if crlf { return [] }
            if v == 0x0D || v == 0x0A {
                pasted?.append("\n")
            } else if v == 0x09 || (v >= 0x20 && v != 0x7F), let s = Unicode.Scalar(v) {
                pasted?.append(s)
            }
        case .keyCode(Code.enter):
            pasted?.append("\n")
            lastPastedCR = false
        case .keyCode, .mouse, .endOfInput:
            break
        }
        return []
    }

    /// Feeds a whole burst and ends it.
    public mutating func decode(_ inputs: [RawInput]) -> [Key] {
        var out: [Key] = []
        for i in inputs { out += feed(i) }
        out += feed(.endOfInput)
        return out
    }

    static func decodeCharacter(_ v: UInt32) -> Key {
        switch v {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x1B: return .escape
        case 0x00: return .ctrl(" ")
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(v + 0x60)!))
        case 0x1C...0x1F: return .ctrl(Character(Unicode.Scalar(v + 0x40)!))
        default:
            guard let s = Unicode.Scalar(v) else { return .unknown(Int(v)) }
            return .char(Character(s))
        }
    }

    static func decodeKeyCode(_ code: Int) -> Key {
        switch code {
        case Code.up: .up
        case Code.down: .down
        case Code.left: .left
        case Code.right: .right
        case Code.home: .home
        case Code.end: .end
        case Code.pageUp: .pageUp
        case Code.pageDown: .pageDown
        case Code.backspace: .backspace
        case Code.delete: .delete
        case Code.insert: .insert
        case Code.enter: .enter
        case Code.backTab: .backTab
        case Code.resize: .resize
        case (Code.f0 + 1)...(Code.f0 + 63): .function(code - Code.f0)
        default: .unknown(code)
        }
    }
}
