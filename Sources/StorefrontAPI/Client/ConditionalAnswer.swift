import Foundation

/// An answer kept with its entity tag, for conditional reads (`If-None-Match` → `304 Not Modified`).
struct ConditionalAnswer: Sendable {
    let tag: String
    let response: HTTPResponse
}

extension StorefrontClient {
    /// A `304` becomes the answer it confirms; a successful answer with an `ETag` is kept for the next read.
    func remember(_ response: HTTPResponse, for key: String) -> HTTPResponse {
        if response.status == 304, let known = conditionalAnswers[key] { return known.response }
        if (200..<300).contains(response.status), let tag = response.headers["etag"] {
            conditionalAnswers[key] = ConditionalAnswer(tag: tag, response: response)
        } else {
            conditionalAnswers[key] = nil
        }
        return response
    }
}
