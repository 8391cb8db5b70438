@testable import ShopTUI

/// A small terminal that interprets exactly the sequences `FrameEncoder` may write (CUP, CHA, CUF/CUB/CUU/CUD,
/// CR, SGR, EL, ECH, REP, DECSTBM, SU, SD, UTF-8 text, the pending wrap at the right edge), so that every cell —
/// erased ones included, which tmux's capture-pane does not report with their colour — can be compared with the
/// frame. Anything else is recorded as an error. `bce`: erases take the current background (else the default,
/// and an erase with another background set is an error: such a terminal may or may not paint it).
struct TerminalModel {
    var width: Int
    var height: Int
    var bce: Bool
    var grid: [[ScreenSlot]]
    var row = 0
    var col = 0
    var pendingWrap = false
    var sgr = SGRState.normal
    var top = 0
    var bottom: Int
    var lastPrinted: ScreenSlot?
    var errors: [String] = []

    init(width: Int, height: Int, bce: Bool) {
        self.width = width
        self.height = height
        self.bce = bce
        grid = ScreenImage.blank(width: width, height: height).rows
        bottom = height - 1
    }

    init(_ image: ScreenImage, bce: Bool) {
        self.init(width: image.width, height: image.height, bce: bce)
        grid = image.rows
    }

    var image: ScreenImage { ScreenImage(width: width, height: height, rows: grid) }

    mutating func feed(_ bytes: [UInt8]) {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x1B {
                guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "[") else {
                    errors.append("escape not CSI at \(i)")
                    return
                }
                var j = i + 2
                var params = ""
                while j < bytes.count, bytes[j] >= 0x20, bytes[j] < 0x40 {
                    params.append(Character(Unicode.Scalar(bytes[j])))
                    j += 1
                }
                guard j < bytes.count else {
                    errors.append("unfinished CSI")
                    return
                }
                csi(params, final: bytes[j])
                i = j + 1
                continue
            }
            if b == 0x0D {
                col = 0
                pendingWrap = false
                i += 1
                continue
            }
            if b < 0x20 {
                errors.append("control byte \(b)")
                i += 1
                continue
            }
            // One UTF-8 scalar, plus the combining marks that follow it.
            var j = i + 1
            while j < bytes.count, bytes[j] & 0xC0 == 0x80 { j += 1 }
            var glyph = Array(bytes[i..<j])
            let scalar = String(decoding: glyph, as: UTF8.self).unicodeScalars.first!
            var w = DisplayWidth.of(scalar: scalar)
            while j < bytes.count, bytes[j] >= 0x80 {
                var k = j + 1
                while k < bytes.count, bytes[k] & 0xC0 == 0x80 { k += 1 }
                let next = String(decoding: bytes[j..<k], as: UTF8.self).unicodeScalars.first!
                guard DisplayWidth.of(scalar: next) == 0 else { break }
                glyph += bytes[j..<k]
                j = k
            }
            if w < 1 { w = 1 }
            print(ScreenSlot(bytes: glyph, width: UInt8(w), sgr: sgr))
            i = j
        }
    }

    mutating func print(_ slot: ScreenSlot) {
        if pendingWrap {
            errors.append("text written at a pending wrap (row \(row))")
            return
        }
        let w = Int(slot.width)
        guard col + w <= width else {
            errors.append("glyph past the edge at \(row),\(col)")
            return
        }
        breakWide(at: col)
        if w == 2 { breakWide(at: col + 1) }
        grid[row][col] = slot
        if w == 2 { grid[row][col + 1] = ScreenSlot(bytes: [], width: 0, sgr: slot.sgr) }
        lastPrinted = slot
        if col + w >= width {
            col = width - 1
            pendingWrap = true
        } else {
            col += w
        }
    }

    /// Writing over half of a wide glyph blanks its other half.
    mutating func breakWide(at c: Int) {
        let cell = grid[row][c]
        if cell.width == 0, c > 0 { grid[row][c - 1] = ScreenSlot(bytes: [0x20], width: 1, sgr: grid[row][c - 1].sgr) }
        if cell.width == 2, c + 1 < width { grid[row][c + 1] = ScreenSlot(bytes: [0x20], width: 1, sgr: cell.sgr) }
    }

    mutating func erase(row r: Int, from c0: Int, to c1: Int) {
        if !bce && sgr.bg != -1 { errors.append("erase with a background on a terminal without bce") }
        let blank = ScreenSlot(bytes: [0x20], width: 1, sgr: SGRState(bg: bce ? sgr.bg : -1))
        let saved = (row, col)
        row = r
        if c0 < c1 {
            breakWide(at: c0)
            breakWide(at: c1 - 1)
        }
        for c in c0..<c1 { grid[r][c] = blank }
        (row, col) = saved
    }

    mutating func csi(_ params: String, final: UInt8) {
        let nums = params.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        func n(_ i: Int, _ d: Int) -> Int { i < nums.count ? (nums[i] ?? d) : d }
        let f = Character(Unicode.Scalar(final))
        if f != "b" { lastPrinted = nil }
        switch f {
        case "H":
            row = min(height - 1, max(1, n(0, 1)) - 1)
            col = min(width - 1, max(1, n(1, 1)) - 1)
            pendingWrap = false
        case "G":
            col = min(width - 1, max(1, n(0, 1)) - 1)
            pendingWrap = false
        case "C":
            if pendingWrap { errors.append("relative move at a pending wrap") }
            col = min(width - 1, col + max(1, n(0, 1)))
        case "D":
            if pendingWrap { errors.append("relative move at a pending wrap") }
            col = max(0, col - max(1, n(0, 1)))
        case "A":
            row = max(0, row - max(1, n(0, 1)))
            pendingWrap = false
        case "B":
            row = min(height - 1, row + max(1, n(0, 1)))
            pendingWrap = false
        case "K":
            guard n(0, 0) == 0 else { return errors.append("EL \(params)") }
            erase(row: row, from: pendingWrap ? width - 1 : col, to: width)
        case "X":
            let count = max(1, n(0, 1))
            erase(row: row, from: col, to: min(width, col + count))
        case "b":
            guard let last = lastPrinted else { return errors.append("REP without a character before it") }
            for _ in 0..<max(1, n(0, 1)) { print(last) }
        case "r":
            top = max(1, n(0, 1)) - 1
            bottom = min(height, n(1, height)) - 1
            row = 0
            col = 0
            pendingWrap = false
        case "S", "T":
            if !bce && sgr.bg != -1 { errors.append("scroll with a background on a terminal without bce") }
            let blank = Array(
                repeating: ScreenSlot(bytes: [0x20], width: 1, sgr: SGRState(bg: bce ? sgr.bg : -1)),
                count: width)
            for _ in 0..<max(1, n(0, 1)) {
                if f == "S" {
                    grid.remove(at: top)
                    grid.insert(blank, at: bottom)
                } else {
                    grid.remove(at: bottom)
                    grid.insert(blank, at: top)
                }
            }
        case "m":
            applySGR(nums.isEmpty ? [0] : nums.map { $0 ?? 0 })
        default:
            errors.append("unknown CSI \(params)\(f)")
        }
    }

    mutating func applySGR(_ p: [Int]) {
        var i = 0
        while i < p.count {
            switch p[i] {
            case 0: sgr = .normal
            case 1: sgr.attrs.insert(.bold)
            case 2: sgr.attrs.insert(.dim)
            case 4: sgr.attrs.insert(.underline)
            case 7: sgr.attrs.insert(.reverse)
            case 22: sgr.attrs.subtract([.bold, .dim])
            case 24: sgr.attrs.remove(.underline)
            case 27: sgr.attrs.remove(.reverse)
            case 30...37: sgr.fg = Int16(p[i] - 30)
            case 39: sgr.fg = -1
            case 40...47: sgr.bg = Int16(p[i] - 40)
            case 49: sgr.bg = -1
            case 90...97: sgr.fg = Int16(p[i] - 90 + 8)
            case 100...107: sgr.bg = Int16(p[i] - 100 + 8)
            case 38, 48:
                guard i + 2 < p.count, p[i + 1] == 5 else { return errors.append("SGR \(p)") }
                if p[i] == 38 { sgr.fg = Int16(p[i + 2]) } else { sgr.bg = Int16(p[i + 2]) }
                i += 2
            default: errors.append("SGR \(p[i])")
            }
            i += 1
        }
    }
}
