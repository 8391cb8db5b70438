import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A bare HTTP/1.1 server on loopback (POSIX sockets, kept-alive connections) that answers every request with
/// `answer`, except the routes in `drop`: those it reads in full and then closes the connection without a word,
/// as a server that dies after doing the work. It records every request whose head it read, a client's repeats included.
final class DroppingServer: Sendable {
    let baseURL: URL
    private let listener: Int32
    private let received = Mutex<[String]>([])

    /// `drop` holds routes as `METHOD path`, the path relative to ``ScriptedServer/basePath``.
    init(drop: Set<String>, answer: String) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) }
        }
        guard bound == 0, listen(listener, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        baseURL = URL(string: "http://127.0.0.1:\(port)\(ScriptedServer.basePath)")!
        Thread { [self] in
            while true {
                let connection = accept(listener, nil, nil)
                guard connection >= 0 else { return }
                Thread { self.serve(connection, drop: drop, answer: answer) }.start()
            }
        }.start()
    }

    /// Every request head read so far, as `METHOD path`, in order.
    var requests: [String] { received.withLock { $0 } }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func serve(_ connection: Int32, drop: Set<String>, answer: String) {
        defer { close(connection) }
        var buffer: [UInt8] = []
        let separator = Array("\r\n\r\n".utf8)
        while true {
            // The head, then as many body bytes as Content-Length says.
            var headEnd: Int?
            while headEnd == nil {
                headEnd = buffer.indices.dropLast(3).first { Array(buffer[$0..<$0 + 4]) == separator }
                if headEnd == nil, !read(connection, into: &buffer) { return }
            }
            let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self)
            let lines = head.components(separatedBy: "\r\n")
            let length =
                lines.compactMap { line -> Int? in
                    let parts = line.split(separator: ":", maxSplits: 1)
                    guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
                    return Int(parts[1].trimmingCharacters(in: .whitespaces))
                }.first ?? 0
            let words = (lines.first ?? "").split(separator: " ")
            guard words.count >= 2 else { return }
            var path = String(words[1].split(separator: "?").first ?? "")
            if path.hasPrefix(ScriptedServer.basePath) { path = String(path.dropFirst(ScriptedServer.basePath.count)) }
            let route = "\(words[0]) \(path)"
            // Recorded on the head: a request sent again counts even if its body never comes.
            received.withLock { $0.append(route) }
            while buffer.count < headEnd! + 4 + length {
                if !read(connection, into: &buffer) { return }
            }
            buffer.removeFirst(headEnd! + 4 + length)
            if drop.contains(route) {
                shutdown(connection, Int32(SHUT_RDWR))
                return
            }
            let body = Array(answer.utf8)
            let reply =
                Array(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n".utf8)
                + body
            guard
                reply.withUnsafeBytes({ send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) })
                    == reply.count
            else { return }
        }
    }

    /// Appends what the connection has; false at its end.
    private func read(_ connection: Int32, into buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffer += chunk[0..<count]
        return true
    }
}
