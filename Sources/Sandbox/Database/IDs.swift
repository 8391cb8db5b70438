import Foundation

/// ULID-like identifiers (26 characters of Crockford base32: 48-bit time + 80 random bits).
enum IDs {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    static func make(now: Date = Date()) -> String {
        var result = ""
        var time = UInt64(max(0, now.timeIntervalSince1970 * 1000))
        var timeChars: [Character] = []
        for _ in 0..<10 {
            timeChars.append(alphabet[Int(time % 32)])
            time /= 32
        }
        result.append(contentsOf: timeChars.reversed())
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<16 {
            result.append(alphabet[Int(generator.next(upperBound: UInt32(32)))])
        }
        return result
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
