import Foundation
import Testing

@testable import Sandbox

/// `POST/PUT /auth/user/{id}/profile-image` take a `multipart/form-data` `image` file part, as the reference
/// declares, and answer `{profile_image_url}`; the sandbox serves the stored bytes at that URL.
@Suite("Profile image upload")
struct ProfileImageHTTPTests {
    /// A 1×1 PNG.
    static let png = Data(
        base64Encoded:
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!
    static let pngPart = UploadPart(data: png)
    /// The first bytes of a JPEG.
    static let jpegPart = UploadPart(
        filename: "me.jpg", contentType: "image/jpeg",
        data: Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]) + Data("JFIF".utf8))

    @Test func anUploadedImageIsStoredAndServedAtItsURL() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, userId) = try await sandbox.loginWithPhone()
            let added = try await sandbox.upload(
                "POST", "/auth/user/\(userId)/profile-image", part: Self.pngPart, token: token)
            #expect(added.status == 200, "\(added.text)")
            let url = try #require(added.content["profile_image_url"].string)
            let served = try await sandbox.fetch(url)
            #expect(served.status == 200)
            #expect(served.type == "image/png")
            #expect(served.data == Self.png)
            let read = try await sandbox.get("/auth/user/\(userId)/profile-image", token: token)
            #expect(read.content["profile_image_url"].string == url)
            let user = try await sandbox.get("/auth/user/\(userId)", token: token)
            #expect(user.content["user"]["profile_image_url"].string == url)

            let replaced = try await sandbox.upload(
                "PUT", "/auth/user/\(userId)/profile-image", part: Self.jpegPart, token: token)
            #expect(replaced.status == 200, "\(replaced.text)")
            let newURL = try #require(replaced.content["profile_image_url"].string)
            #expect(newURL != url)
            #expect(try await sandbox.fetch(newURL).type == "image/jpeg")
            #expect(try await sandbox.fetch(url).status == 404)

            _ = try await sandbox.delete("/auth/user/\(userId)/profile-image", token: token)
            #expect(try await sandbox.fetch(newURL).status == 404)
        }
    }

    @Test func whatIsNotAnImageUploadIsRefusedNamingTheField() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, userId) = try await sandbox.loginWithPhone()
            let path = "/auth/user/\(userId)/profile-image"
            func expectRefused(_ response: TestResponse, _ note: String) {
                #expect(response.status == 400, "\(note): \(response.text)")
                #expect(response.body["details"][0]["field"].string == "image", "\(note)")
                #expect(response.body["message"].string?.hasPrefix("image: ") == true, "\(note)")
            }
            // The old JSON body (a URL, no file) is not what the reference takes.
            for method in ["POST", "PUT"] {
                let json = try await sandbox.request(
                    method, path, json: #"{"image_url":"https://example.com/me.png"}"#, token: token)
                expectRefused(json, "\(method) JSON")
            }
            let text = UploadPart(filename: "notes.txt", contentType: "text/plain", data: Data("hello".utf8))
            expectRefused(try await sandbox.upload("POST", path, part: text, token: token), "text file")
            let disguised = UploadPart(data: Data("<html>not a png</html>".utf8))
            expectRefused(try await sandbox.upload("POST", path, part: disguised, token: token), "not PNG bytes")
            let wrongField = UploadPart(name: "avatar", data: Self.png)
            expectRefused(try await sandbox.upload("POST", path, part: wrongField, token: token), "no image part")
            let empty = UploadPart(data: Data())
            expectRefused(try await sandbox.upload("POST", path, part: empty, token: token), "empty file")
            let large = UploadPart(data: Self.png + Data(count: ProfileImages.maxBytes))
            expectRefused(try await sandbox.upload("PUT", path, part: large, token: token), "too large")

            let none = try await sandbox.get(path, token: token)
            #expect(none.status == 404)
        }
    }
}
