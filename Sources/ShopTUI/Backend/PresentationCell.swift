import CNCurses

/// How a buffer cell goes to curses: the wide characters of one `cchar_t` (one spacing character and
/// up to four marks) and whether a padding space must follow because curses counts it narrower than
/// the buffer does (emoji sequences shown by their first picture, flags as letters).
struct PresentationCell: Equatable {
    var scalars: [UInt32]
    var padAfter: Bool
    /// The second letter of a flag, drawn in the continuation column.
    var secondLetter: UInt32?

    init(scalars: [UInt32], padAfter: Bool, secondLetter: UInt32? = nil) {
        self.scalars = scalars
        self.padAfter = padAfter
        self.secondLetter = secondLetter
    }

    /// The byte of a cell that is one printable ASCII character, one column wide: the cells this type leaves as
    /// they are (`PresentationCell(cell).scalars == [byte]`, no padding), so a frame can take the byte without
    /// making one (#18; `PresentationCellTests.asciiCellsAreKeptAsTheyAre`).
    static func asciiByte(of cell: Cell) -> UInt8? {
        guard cell.width == 1 else { return nil }
        var bytes = cell.text.utf8.makeIterator()
        guard let byte = bytes.next(), bytes.next() == nil, (0x20...0x7E).contains(byte) else { return nil }
        return byte
    }

    init(_ cell: Cell) {
        let scalars = Array(cell.text.unicodeScalars)
        guard let first = scalars.first else {
            self.scalars = [0x20]
            padAfter = false
            return
        }
        let want = Int(cell.width)
        // Flags: two regional indicators, shown as their two letters ("IN").
        if (0x1F1E6...0x1F1FF).contains(first.value) {
            let letters = scalars.filter { (0x1F1E6...0x1F1FF).contains($0.value) }.prefix(2)
                .map { $0.value - 0x1F1E6 + 0x41 }
            if letters.count == 2, want == 2 {
                self.scalars = [letters[0]]
                padAfter = false
                secondLetter = letters[1]
                return
            }
        }
        var base = first.value
        var w = DisplayWidth.of(scalar: first)
        if w < 1 {
            base = 0xFFFD
            w = 1
        }
        var out: [UInt32] = [base]
        if w < 2 || want < 2 {
            // Keep combining marks; drop joiners, selectors and further spacing characters.
            for s in scalars.dropFirst() where out.count < 5 {
                if s.value == 0x200D || s.value == 0xFE0F || s.value == 0xFE0E { continue }
                if DisplayWidth.of(scalar: s) == 0 { out.append(s.value) } else { break }
            }
        }
        if w > want {
            out = [0x3F]  // "?" never happens for buffers built by CellBuffer.write
            w = 1
        }
        self.scalars = out
        padAfter = w < want
    }
}
