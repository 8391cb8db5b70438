import Foundation

/// A session recording: a header line, then one line per action saying whether it was an intent (from the user)
/// or an answer (from an effect), as its type says (``Action/origin``). Secrets are redacted as in ``ActionLog``.
///
/// The header says what the session started from (``Start``): signed in or not, and the cart it already had,
/// as `storefront cart export` writes it (personal data masked), so that replay can rebuild that cart first.
///
/// ```
/// {"recording":1,"start":{"cart":{...},"signed_in":false},"started_at":"2026-11-22T23:00:00Z","store":"sandbox"}
/// {"action":{"appStarted":{}},"origin":"intent"}
/// {"action":{"session":{"_0":{"started":{...}}}},"origin":"answer"}
/// ```
public struct Recording: Sendable, Equatable {
    /// The format this build writes and the newest it reads.
    public static let currentVersion = 1

    public struct Header: Codable, Sendable, Equatable {
        public var recording: Int
        public var store: String
        public var startedAt: String
        /// What the session started from; nil in recordings made before it was written (or when the store
        /// could not be read at the start).
        public var start: Start?

        public init(recording: Int = Recording.currentVersion, store: String, startedAt: String, start: Start? = nil) {
            self.recording = recording
            self.store = store
            self.startedAt = startedAt
            self.start = start
        }
    }

    /// The session and cart as they were when recording started.
    public struct Start: Codable, Sendable, Equatable {
        public var signedIn: Bool
        /// The cart (masked as an export is); nil when the session had none.
        public var cart: CartSnapshot?

        public init(signedIn: Bool, cart: CartSnapshot?) {
            self.signedIn = signedIn
            self.cart = cart
        }
    }

    public struct Entry: Sendable, Equatable {
        public var origin: ActionOrigin
        public var action: Action
        /// The line of the file it was read from (1 is the header).
        public var line: Int

        public init(origin: ActionOrigin, action: Action, line: Int) {
            self.origin = origin
            self.action = action
            self.line = line
        }
    }

    public var header: Header
    public var entries: [Entry]

    public init(header: Header, entries: [Entry]) {
        self.header = header
        self.entries = entries
    }

    /// The intents, in order.
    public var intents: [Entry] { entries.filter { $0.origin == .intent } }

    // MARK: Writing

    /// The header line (no newline).
    public static func headerLine(store: String, startedAt: Date = Date(), start: Start? = nil) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let header = Header(store: store, startedAt: ISO8601DateFormatter().string(from: startedAt), start: start)
        return String(decoding: try encoder.encode(header), as: UTF8.self)
    }

    /// One action's line (no newline), secrets redacted; its origin is the action's (by its type).
    public static func line(for action: Action) throws -> String {
        #"{"action":"# + (try ActionLog.line(for: action)) + #","origin":""# + action.origin.rawValue + #""}"#
    }

    // MARK: Reading

    public enum ReadError: Error, Equatable, LocalizedError {
        case unreadable(String)
        case empty
        case notARecording
        case newerVersion(Int)
        case truncated(line: Int)
        case badLine(line: Int, reason: String)

        public var errorDescription: String? {
            switch self {
            case .unreadable(let reason): "Can't read the recording: \(reason)."
            case .empty: "The recording is empty."
            case .notARecording:
                "This is not a storefront recording (its first line is not a recording header). "
                    + "Record one with `storefront --record FILE`."
            case .newerVersion(let version):
                "This recording is format \(version), newer than this build reads (\(Recording.currentVersion)). "
                    + "Update storefront and try again."
            case .truncated(let line):
                "The recording is truncated: line \(line) is cut off. Replay needs the whole file."
            case .badLine(let line, let reason):
                "Line \(line) of the recording is not a recorded action (\(reason))."
            }
        }
    }

    /// Reads a recording, refusing foreign, newer and damaged files with a sentence a person can act on.
    public static func decode(_ data: Data) throws(ReadError) -> Recording {
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let nonEmpty = lines.enumerated().filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }
        guard let first = nonEmpty.first else { throw .empty }
        // The writer ends every line with a newline: a last line without one that does not read was cut off.
        let lastIndex = nonEmpty.last?.offset ?? 0
        let cutOff = !text.hasSuffix("\n") && lastIndex == lines.count - 1

        let header: Header
        do {
            struct Probe: Decodable { var recording: Int? }
            let probe = try JSONDecoder().decode(Probe.self, from: Data(first.element.utf8))
            guard let version = probe.recording else { throw ReadError.notARecording }
            guard version <= currentVersion else { throw ReadError.newerVersion(version) }
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            header = try decoder.decode(Header.self, from: Data(first.element.utf8))
        } catch let error as ReadError {
            throw error
        } catch {
            if cutOff && nonEmpty.count == 1 { throw .truncated(line: first.offset + 1) }
            throw .notARecording
        }

        struct RawEntry: Decodable {
            var origin: ActionOrigin
            var action: Action
        }
        var entries: [Entry] = []
        for (offset, line) in nonEmpty.dropFirst() {
            do {
                let raw = try JSONDecoder().decode(RawEntry.self, from: Data(line.utf8))
                entries.append(Entry(origin: raw.origin, action: raw.action, line: offset + 1))
            } catch {
                if cutOff && offset == lastIndex { throw .truncated(line: offset + 1) }
                throw .badLine(line: offset + 1, reason: Self.reason(error))
            }
        }
        return Recording(header: header, entries: entries)
    }

    /// Reads a recording file.
    public static func read(contentsOf url: URL) throws(ReadError) -> Recording {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(error.localizedDescription)
        }
        return try decode(data)
    }

    static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted: "not JSON"
        case DecodingError.keyNotFound(let key, _): "no \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "unexpected \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "unknown action"
        }
    }
}

/// Writes a store's actions to a recording file as they happen (`storefront --record FILE`).
@MainActor
public final class Recorder {
    private let handle: FileHandle
    private let ownsHandle: Bool
    /// The first write error; recording stops there (the shop goes on).
    public private(set) var writeError: (any Error)?
    /// Lines written after the header.
    public private(set) var count = 0
    /// Stops the observation of the store attached to.
    private var detach: (() -> Void)?

    /// Writes the header to `handle`.
    public init(
        handle: FileHandle, store: String, startedAt: Date = Date(), start: Recording.Start? = nil,
        closesHandle: Bool = false
    ) throws {
        self.handle = handle
        ownsHandle = closesHandle
        let header = try Recording.headerLine(store: store, startedAt: startedAt, start: start)
        try handle.write(contentsOf: Data((header + "\n").utf8))
    }

    /// Creates (or replaces) the file at `url`, readable by its owner only (recordings hold addresses), and
    /// writes the header.
    public convenience init(url: URL, store: String, startedAt: Date = Date(), start: Recording.Start? = nil) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: url.path) { try manager.removeItem(at: url) }
        guard manager.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        try self.init(
            handle: try FileHandle(forWritingTo: url), store: store, startedAt: startedAt, start: start,
            closesHandle: true)
    }

    /// Writes one action (an intent or an answer, as its type says).
    public func write(_ action: Action) {
        // Key stamps are timing, which replay does not reproduce (its clock is its own).
        guard writeError == nil, !action.isKeyStamp else { return }
        do {
            let line = try Recording.line(for: action)
            try handle.write(contentsOf: Data((line + "\n").utf8))
            count += 1
        } catch {
            writeError = error
        }
    }

    /// Records every action `store` handles from now on, until ``close()``.
    public func attach(to store: Store) {
        let observation = store.observe { [weak self] action, _ in self?.write(action) }
        detach = { [weak store] in store?.stopObserving(observation) }
    }

    /// Flushes and, when it opened the file, closes it; the store it was attached to is no longer recorded.
    public func close() {
        detach?()
        detach = nil
        try? handle.synchronize()
        if ownsHandle { try? handle.close() }
    }
}

extension Store {
    /// Records this store's session to `url` (see ``Recording``); keep the recorder and `close()` it at the end.
    @discardableResult
    public func record(to url: URL, store: String, start: Recording.Start? = nil) throws -> Recorder {
        let recorder = try Recorder(url: url, store: store, start: start)
        recorder.attach(to: self)
        return recorder
    }
}
