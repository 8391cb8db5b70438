import Foundation

/// ULID-like identifiers (26 characters of Crockford base32: 48-bit time + 80 random bits).
enum IDs {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    static func make(now: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()
        return timePart(now) + String((0..<16).map { _ in alphabet[Int(generator.next(upperBound: UInt32(32)))] })
    }

    /// The same shape for a seeded row, the same every time for the same `key` and `now`: the 80 bits come from
    /// the key's SHA-256, so that the seeded database is reproducible (``SeedImage``).
    static func seeded(_ key: String, now: Date) -> String {
        let digest = SHA256Digest.of(Data(key.utf8))
        return timePart(now) + String((0..<16).map { alphabet[Int(digest[$0] % 32)] })
    }

    private static func timePart(_ now: Date) -> String {
        var time = UInt64(max(0, now.timeIntervalSince1970 * 1000))
        var timeChars: [Character] = []
        for _ in 0..<10 {
            timeChars.append(alphabet[Int(time % 32)])
            time /= 32
        }
        return String(timeChars.reversed())
    }

    /// Digits only, e.g. OTP codes and order numbers.
    static func digits(_ count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in Character(String(generator.next(upperBound: UInt32(10)))) })
    }

    static func token(bytes: Int = 24) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) })
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
