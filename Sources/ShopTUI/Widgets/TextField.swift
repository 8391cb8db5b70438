/// A one-line text input: cursor movement, editing, a length limit, an allowed character set, and a
/// mask for secrets.
public struct TextField: Sendable, Hashable {
    /// Which characters may be typed.
    public enum Allowed: Sendable, Hashable {
        case any
        case digits
        /// Characters of an e-mail address (letters, digits, and `@._+-`).
        case email
        /// Digits, spaces and `+-()` (phone numbers).
        case phone
        case only(Set<Character>)

        public func permits(_ c: Character) -> Bool {
            switch self {
            case .any: return !(c.unicodeScalars.first.map { $0.value < 0x20 || $0.value == 0x7F } ?? true)
            case .digits: return c.isASCII && c.isNumber
            case .email: return c.isASCII && (c.isLetter || c.isNumber || "@._+-".contains(c))
            case .phone: return c.isASCII && (c.isNumber || " +-()".contains(c))
            case .only(let set): return set.contains(c)
            }
        }
    }

    /// What a key did to the field.
    public enum Change: Sendable, Hashable {
        case edited, moved, rejected, ignored
    }

    public private(set) var characters: [Character]
    /// Cursor position, in characters (0...count).
    public private(set) var cursor: Int
    public var maxLength: Int?
    public var allowed: Allowed
    /// Shown instead of each character (e.g. "•" for a secret).
    public var mask: Character?

    public init(text: String = "", maxLength: Int? = nil, allowed: Allowed = .any, mask: Character? = nil) {
        self.maxLength = maxLength
        self.allowed = allowed
        self.mask = mask
        var chars = Array(text)
        if let maxLength, chars.count > maxLength { chars = Array(chars.prefix(maxLength)) }
        characters = chars
        cursor = chars.count
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    public mutating func setText(_ text: String) {
        self = TextField(text: text, maxLength: maxLength, allowed: allowed, mask: mask)
    }

    /// Inserts typed text at the cursor (characters not allowed are rejected; the rest is cut at the limit).
    @discardableResult
    public mutating func insert(_ text: String) -> Change {
        var changed = false
        for c in text {
            guard allowed.permits(c) else { return changed ? .edited : .rejected }
            if let maxLength, characters.count >= maxLength { return changed ? .edited : .rejected }
            characters.insert(c, at: cursor)
            cursor += 1
            changed = true
        }
        return changed ? .edited : .ignored
    }

    /// Inserts pasted text: line ends and tabs become spaces, characters not allowed are skipped,
    /// and it is cut at the length limit.
    @discardableResult
    public mutating func paste(_ text: String) -> Change {
        var changed = false
        for c in text {
            let ch: Character = (c == "\n" || c == "\t" || c == "\r\n") ? " " : c
            guard allowed.permits(ch) else { continue }
            if let maxLength, characters.count >= maxLength { break }
            characters.insert(ch, at: cursor)
            cursor += 1
            changed = true
        }
        return changed ? .edited : .rejected
    }

    /// Applies an editing key: characters, backspace, delete, ←/→, home/end, ctrl-a/e/u/k/w.
    @discardableResult
    public mutating func handle(_ key: Key) -> Change {
        switch key {
        case .char(let c):
            return insert(String(c))
        case .paste(let text):
            return paste(text)
        case .backspace, .ctrl("h"):
            guard cursor > 0 else { return .ignored }
            characters.remove(at: cursor - 1)
            cursor -= 1
            return .edited
        case .delete, .ctrl("d"):
            guard cursor < characters.count else { return .ignored }
            characters.remove(at: cursor)
            return .edited
        case .left, .ctrl("b"):
            guard cursor > 0 else { return .ignored }
            cursor -= 1
            return .moved
        case .right, .ctrl("f"):
            guard cursor < characters.count else { return .ignored }
            cursor += 1
            return .moved
        case .home, .ctrl("a"):
            guard cursor > 0 else { return .ignored }
            cursor = 0
            return .moved
        case .end, .ctrl("e"):
            guard cursor < characters.count else { return .ignored }
            cursor = characters.count
            return .moved
        case .ctrl("u"):
            guard cursor > 0 else { return .ignored }
            characters.removeFirst(cursor)
            cursor = 0
            return .edited
        case .ctrl("k"):
            guard cursor < characters.count else { return .ignored }
            characters.removeLast(characters.count - cursor)
            return .edited
        case .ctrl("w"):
            guard cursor > 0 else { return .ignored }
            var i = cursor
            while i > 0, characters[i - 1] == " " { i -= 1 }
            while i > 0, characters[i - 1] != " " { i -= 1 }
            characters.removeSubrange(i..<cursor)
            cursor = i
            return .edited
        default:
            return .ignored
        }
    }

    /// What to draw in `width` columns, scrolled so the cursor is visible, and the cursor's column.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        let shown: [Character] = mask.map { m in Array(repeating: m, count: characters.count) } ?? characters
        let widths = shown.map { DisplayWidth.of($0) }
        // Start so that the columns from start to the cursor (plus one for the caret) fit.
        var start = 0
        var used = widths[0..<cursor].reduce(0, +)
        while start < cursor, used + 1 > width {
            used -= widths[start]
            start += 1
        }
        var text = ""
        var cols = 0
        var i = start
        while i < shown.count, cols + widths[i] <= width {
            text.append(shown[i])
            cols += widths[i]
            i += 1
        }
        return (text, used)
    }

    /// Draws the field in `rect` (one row) and returns where its caret is.
    public func draw(into buffer: inout CellBuffer, rect: Rect, style: Style = .plain, placeholder: String? = nil)
        -> CursorPlacement
    {
        buffer.fill(Rect(row: rect.row, col: rect.col, width: rect.width, height: 1), style: style)
        if characters.isEmpty, let placeholder {
            buffer.write(placeholder, row: rect.row, col: rect.col, style: .role(.dim), maxWidth: rect.width)
            return CursorPlacement(row: rect.row, col: rect.col, visible: true)
        }
        let v = visible(width: rect.width)
        buffer.write(v.text, row: rect.row, col: rect.col, style: style, maxWidth: rect.width)
        return CursorPlacement(
            row: rect.row, col: rect.col + min(v.cursorColumn, max(0, rect.width - 1)), visible: true)
    }
}
