import CNCurses
import Dispatch
import Glibc

@testable import ShopTUI

/// A pseudo-terminal for tests: curses draws on the slave side, the test reads (and counts) what
/// was written on the master side and types into it.
final class PseudoTerminal {
    let master: Int32
    let slave: Int32
    let input: UnsafeMutablePointer<FILE>
    let output: UnsafeMutablePointer<FILE>

    init?(rows: Int, cols: Int) {
        var m: Int32 = -1
        var s: Int32 = -1
        guard sf_open_pty(Int32(rows), Int32(cols), &m, &s) == 0 else { return nil }
        let outFD = dup(s)
        guard let inF = sf_fdopen(s, "r"), let outF = sf_fdopen(outFD, "w") else { return nil }
        master = m
        slave = s
        input = inF
        output = outF
        // The (fixed) size is what curses reads from the pty.
    }

    /// Bytes the program wrote since the last call.
    func drain() -> Int { sf_drain_fd(master) }

    /// The bytes the program wrote since the last call.
    func drainBytes() -> [UInt8] {
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buf.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            out += buf[0..<n]
        }
        return out
    }

    /// Types bytes as if from the keyboard.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    func resize(rows: Int, cols: Int) {
        var ws = winsize(ws_row: UInt16(rows), ws_col: UInt16(cols), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &ws)
    }

    /// Reads (and drops) the program's output in the background, so curses never blocks on a full pty.
    func startDraining() -> Drainer { Drainer(master) }

    /// A read source on the master side; `cancel()` returns once libdispatch no longer watches the descriptor.
    final class Drainer {
        private let source: any DispatchSourceRead
        private let cancelled = DispatchSemaphore(value: 0)

        init(_ fd: Int32) {
            source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: .global())
            source.setEventHandler { _ = sf_drain_fd(fd) }
            source.setCancelHandler { [cancelled] in cancelled.signal() }
            source.resume()
        }

        func cancel() {
            source.cancel()
            cancelled.wait()
        }
    }

    /// Flushes, and leaves the descriptors open until the test process ends: the runner's read source on the
    /// slave is cancelled asynchronously, and a descriptor closed while libdispatch still watches it can come
    /// back as a new one under the same number (libdispatch then crashed in its event loop, once in CI).
    func close() {
        fflush(output)
    }

    var environment: [String: String] { ["TERM": "xterm-256color"] }
}
