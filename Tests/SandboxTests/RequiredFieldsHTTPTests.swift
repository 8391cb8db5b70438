import Foundation
import Testing

@testable import Sandbox

/// What the reference marks required is refused when missing: 400 with a sentence naming the field.
@Suite("Required fields of the vendor's bodies")
struct RequiredFieldsHTTPTests {
    static func fields(_ response: TestResponse) -> Set<String> {
        Set(response.body["details"].array.compactMap { $0["field"].string })
    }

    @Test func passwordRegistrationNeedsAMatchingConfirmation() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, _) = try await sandbox.anonymous()
            let missing = try await sandbox.post(
                "/auth/register/password", #"{"email":"kay@example.com","password":"correct horse"}"#, token: token)
            #expect(missing.status == 400)
            #expect(Self.fields(missing) == ["confirm_password"])
            #expect(missing.body["message"].string == "confirm_password: Is required")
            let mismatch = try await sandbox.post(
                "/auth/register/password",
                #"{"email":"kay@example.com","password":"correct horse","confirm_password":"correct horsf"}"#,
                token: token)
            #expect(mismatch.status == 400)
            #expect(Self.fields(mismatch) == ["confirm_password"])
            let documented = try await sandbox.post(
                "/auth/register/password",
                #"{"email":"kay@example.com","password":"correct horse","confirm_password":"correct horse"}"#,
                token: token)
            #expect(documented.status == 200, "\(documented.text)")
            #expect(documented.content["otp_action"].string == "register")
        }
    }

    @Test func notificationPreferencesNeedTheirWrapper() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, userId) = try await sandbox.loginWithPhone()
            let path = "/auth/user/\(userId)/notification-preferences"
            for method in ["POST", "PUT"] {
                let bare = try await sandbox.request(
                    method, path, json: #"{"promotional":{"email":true,"sms":true,"whatsapp":true}}"#, token: token)
                #expect(bare.status == 400, "\(method)")
                #expect(Self.fields(bare) == ["notification_preferences"], "\(method)")
                let notObject = try await sandbox.request(
                    method, path, json: #"{"notification_preferences":true}"#, token: token)
                #expect(notObject.status == 400, "\(method)")
                #expect(Self.fields(notObject) == ["notification_preferences"], "\(method)")
            }
            let unchanged = try await sandbox.get(path, token: token)
            #expect(unchanged.content["notification_preferences"]["promotional"]["sms"].bool == false)
            let badFlag = try await sandbox.request(
                "PUT", path, json: #"{"notification_preferences":{"promotional":{"sms":"yes"}}}"#, token: token)
            #expect(Self.fields(badFlag) == ["notification_preferences.promotional.sms"])
            let wrapped = try await sandbox.request(
                "POST", path, json: #"{"notification_preferences":{"promotional":{"sms":true}}}"#, token: token)
            #expect(wrapped.status == 200)
            #expect(wrapped.content["notification_preferences"]["promotional"]["sms"].bool == true)
        }
    }

    @Test func userUpdateNeedsNamesEmailAndPhone() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, userId) = try await sandbox.loginWithPhone()
            let partial = try await sandbox.request(
                "PUT", "/auth/user/\(userId)", json: #"{"first_name":"Dee"}"#, token: token)
            #expect(partial.status == 400)
            #expect(Self.fields(partial) == ["last_name", "email", "phone"])
            let empty = try await sandbox.request("PUT", "/auth/user/\(userId)", json: "{}", token: token)
            #expect(Self.fields(empty) == ["first_name", "last_name", "email", "phone"])
            let before = try await sandbox.get("/auth/user/\(userId)", token: token)
            #expect(before.content["user"]["first_name"] != .string("Dee"))

            let full = try await sandbox.request(
                "PUT", "/auth/user/\(userId)",
                json: #"{"first_name":"Dee","last_name":"Rao","email":"demo@example.com","phone":"9876543210"}"#,
                token: token)
            #expect(full.status == 200, "\(full.text)")
            #expect(full.content["user"]["first_name"].string == "Dee")
            #expect(full.content["user"]["last_name"].string == "Rao")
            #expect(full.content["user"]["phone"].string == "9876543210")
        }
    }

    @Test func ordersNeedTheStoresGatewayReferenceId() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, userId) = try await sandbox.loginWithPhone()
            let cartId = try await sandbox.demoCheckoutCart(token: token, userId: userId)
            func place(_ method: String) async throws -> TestResponse {
                try await sandbox.post(
                    "/orders", #"{"cart_id":"\#(cartId)","payment_method":\#(method)}"#, token: token)
            }
            let missing = try await place(
                #"{"payment_provider_slug":"juspay","integration_type":"hyper-checkout","return_url":"https://s.example/r"}"#
            )
            #expect(missing.status == 400)
            #expect(Self.fields(missing) == ["payment_method.gateway_reference_id"])
            let unknown = try await place(
                #"{"payment_provider_slug":"juspay","gateway_reference_id":"made-up","return_url":"https://s.example/r"}"#
            )
            #expect(unknown.status == 400)
            #expect(Self.fields(unknown) == ["payment_method.gateway_reference_id"])
            let stillOpen = try await sandbox.get("/carts/\(cartId)", token: token)
            #expect(stillOpen.status == 200)
            let placed = try await place(TestSandbox.hyperCheckout)
            #expect(placed.status == 200, "\(placed.text)")
        }
    }

    @Test func deliveryShipmentsNameTheirId() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, userId) = try await sandbox.loginWithPhone()
            let cartId = try await sandbox.demoCheckoutCart(token: token, userId: userId)
            let options = try await sandbox.post(
                "/shipping/fulfillment-options", #"{"delivery_pincode":"560001","cart_id":"\#(cartId)"}"#, token: token)
            let shipment = try #require(options.content["deliver"]["shipments"][0]["id"].string)
            #expect(options.content["deliver"]["shipments"][0]["shipping_methods"][0]["id"].string == "standard")
            let path = "/carts/\(cartId)/fulfillment-preference"
            let noId = try await sandbox.post(
                path, #"{"fulfillment_type":"delivery","shipments":[{"shipping_provider_id":"express"}]}"#, token: token
            )
            #expect(noId.status == 400)
            #expect(Self.fields(noId) == ["shipments[0].id"])
            let wrongId = try await sandbox.post(
                path, #"{"fulfillment_type":"delivery","shipments":[{"id":"s1","shipping_provider_id":"express"}]}"#,
                token: token)
            #expect(wrongId.status == 400)
            #expect(Self.fields(wrongId) == ["shipments[0].id"])
            let noProvider = try await sandbox.post(
                path, #"{"fulfillment_type":"delivery","shipments":[{"id":"\#(shipment)"}]}"#, token: token)
            #expect(Self.fields(noProvider) == ["shipments[0].shipping_provider_id"])
            let documented = try await sandbox.post(
                path,
                #"{"fulfillment_type":"delivery","shipments":[{"id":"\#(shipment)","shipping_provider_id":"express"}]}"#,
                token: token)
            #expect(documented.status == 200, "\(documented.text)")
            #expect(documented.content["cart"]["shipping_provider_id"].string == "express")
        }
    }
}
