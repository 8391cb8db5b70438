import Foundation
import Hummingbird

/// Conditional reads of a cart (a sandbox extension: Commerce Engine documents no ETag). A cart answer carries an
/// `ETag` made from its bytes; a read that sends it back in `If-None-Match` while the cart is unchanged gets
/// `304 Not Modified` and no body, so an app that re-reads a cart every few seconds moves bytes only when it changed.
extension Reply {
    static func conditional(_ body: ByteBuffer, request: Request) -> Response {
        let tag = entityTag(body)
        if let sent = request.headers[.ifNoneMatch],
            sent.split(separator: ",").contains(where: {
                $0.trimmingCharacters(in: .whitespaces) == tag
            })
        {
            return Response(status: .notModified, headers: [.eTag: tag])
        }
        var response = json(body)
        response.headers[.eTag] = tag
        return response
    }

    /// A strong entity tag: FNV-1a (64 bits) of the answer's bytes, quoted.
    static func entityTag(_ body: ByteBuffer) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in body.readableBytesView {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return "\"" + String(hash, radix: 16) + "\""
    }
}
