import ArgumentParser
import Foundation
import StorefrontAPI

/// `storefront account image set PATH | remove`: the signed-in customer's profile image.
struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "The signed-in customer's account.", subcommands: [Image.self])

    struct Image: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "image",
            abstract: "Upload (or remove) the profile image of the customer signed in to the shop.",
            discussion: """
                The file is sent as multipart/form-data (part "image"), as the store's API documents. It must be a \
                PNG, JPEG, GIF or WebP image of at most 2 MB; anything else is refused before it is sent.
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Flag(help: "Remove the profile image instead.") var remove = false
        @Argument(help: "The image file to upload.") var path: String?

        func validate() throws {
            if remove == (path != nil) {
                throw ValidationError("Give an image file to upload, or --remove (not both).")
            }
        }

        func run() async throws {
            let connection = try await StoreConnection.open(try store.announcedTarget())
            let result = await Result { () async throws -> String? in
                let claims = try await Failing.api { try await connection.client.session() }
                guard claims.isLoggedIn, !claims.isAnonymous else {
                    throw CommandFailure("Sign in first (in the shop), then set the profile image.")
                }
                if remove {
                    try await Failing.api { try await connection.client.deleteProfileImage() }
                    return nil
                }
                let current = try? await connection.client.profileImage()
                return try await Failing.api {
                    try await connection.client.setProfileImage(fileAt: path ?? "", replace: current != nil)
                }
            }
            await connection.close()
            let url = try result.get()
            if output.json {
                struct Answer: Encodable { var profileImageUrl: String? }
                try Output.printJSON(Answer(profileImageUrl: url))
            } else {
                Output.line(url.map { "Profile image: \($0)" } ?? "Profile image removed.")
            }
        }
    }
}
