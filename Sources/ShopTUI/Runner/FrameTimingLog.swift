import Foundation

/// For the benchmarks (`make bench`): with `STOREFRONT_FRAME_LOG=FILE` in the environment the runner appends one
/// line per frame that answers keys. Off by default; when off the runner only compares an optional with nil.
///
/// Line: `key_to_frame_us handle_us wait_us render_us keys` — from the moment the input was read to the frame
/// written to the terminal (what the user waits for, without the terminal's own transit), of which: handling the
/// keys, waiting for the frame slot (frames are coalesced to one per 16 ms), composing and presenting the frame.
final class FrameTimingLog {
    struct Pending {
        let woke: ContinuousClock.Instant
        let handled: ContinuousClock.Instant
        let keys: Int
    }

    private let fd: Int32

    private init(fd: Int32) { self.fd = fd }

    deinit { close(fd) }

    static func fromEnvironment() -> FrameTimingLog? {
        guard let path = ProcessInfo.processInfo.environment["STOREFRONT_FRAME_LOG"], !path.isEmpty else {
            return nil
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        return fd >= 0 ? FrameTimingLog(fd: fd) : nil
    }

    func record(_ pending: Pending, renderStart: ContinuousClock.Instant, presented: ContinuousClock.Instant) {
        func micros(_ from: ContinuousClock.Instant, _ to: ContinuousClock.Instant) -> Int64 {
            let d = to - from
            return d.components.seconds * 1_000_000 + d.components.attoseconds / 1_000_000_000_000
        }
        let line =
            "\(micros(pending.woke, presented)) \(micros(pending.woke, pending.handled)) "
            + "\(micros(pending.handled, renderStart)) \(micros(renderStart, presented)) \(pending.keys)\n"
        _ = line.utf8CString.withUnsafeBufferPointer { buffer in
            write(fd, buffer.baseAddress, buffer.count - 1)
        }
    }
}
