import Foundation
import GRDB
import Hummingbird

/// `/customers`: business details, the caller's address book and loyalty points.
struct CustomerRoutes {
    let services: SandboxServices

    func register(on api: RouteGroups) {
        api.signedIn.post("customers") { request, context in try await createCustomer(request, context) }
        let group = api.customer
        group.get("customers/:user/addresses") { request, context in try await listAddresses(request, context) }
        group.post("customers/:user/addresses") { request, context in try await createAddress(request, context) }
        group.get("customers/:user/addresses/:address") { request, context in
            try await address(request, context)
        }
        group.delete("customers/:user/addresses/:address") { request, context in
            try await deleteAddress(request, context)
        }
        group.get("customers/:user/loyalty") { request, context in try await loyalty(request, context) }
    }

    struct CustomerDetailWire: Encodable, Sendable {
        var id: String
        @Null var firstName: String?
        @Null var lastName: String?
        @Null var countryCode: String?
        @Null var phone: String?
        @Null var email: String?
        var isPhoneVerified: Bool
        var isEmailVerified: Bool
        @Null var business: BusinessDetails?
        @Null var address: AddressPayload?
    }

    func createCustomer(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        var body = try await RequestBody.read(request, context: context, allowEmpty: false)
        var business: BusinessDetails?
        if var nested = body.object("business") {
            let type = nested.requiredString("business_type", prefix: "business.")
            let name = nested.requiredString("name", prefix: "business.")
            let pan = nested.string("pan_number", prefix: "business.")
            if let pan, !pan.isEmpty, !Self.isPAN(pan) { nested.fail("business.pan_number", "Must be a valid PAN") }
            let gstin = nested.string("gstin", prefix: "business.")
            if let gstin, !gstin.isEmpty, !Self.isGSTIN(gstin) {
                nested.fail("business.gstin", "Must be a valid GSTIN")
            }
            body.absorb(nested)
            business = BusinessDetails(businessType: type, name: name, panNumber: pan, gstin: gstin)
        } else {
            body.fail("business", "Is required")
        }
        var address: AddressPayload?
        if let nested = body.object("address") {
            address = AddressInput.parse(nested, prefix: "address.", into: &body)
        }
        try body.validate()
        let userId = session.userId
        let now = services.now()
        let detail = try await services.database.write { [business, address] db -> CustomerDetailWire in
            guard var user = try UserRecord.fetchOne(db, key: userId) else { throw APIError.notFound("User not found") }
            user.business = business
            user.customerId = user.customerId ?? user.id
            user.modifiedAt = now
            try user.update(db)
            var saved: AddressPayload?
            if let address {
                saved = try Self.insertAddress(db, userId: userId, address, now: now)
            }
            return CustomerDetailWire(
                id: user.customerId ?? user.id, firstName: user.firstName, lastName: user.lastName,
                countryCode: user.countryCode, phone: user.phone, email: user.email,
                isPhoneVerified: user.isPhoneVerified, isEmailVerified: user.isEmailVerified, business: user.business,
                address: saved)
        }
        return try Reply.ok(["customer_detail": detail], message: "Customer created")
    }

    static func isPAN(_ value: String) -> Bool {
        let chars = Array(value.uppercased())
        guard chars.count == 10 else { return false }
        return chars[0..<5].allSatisfy(\.isLetter) && chars[5..<9].allSatisfy(\.isNumber) && chars[9].isLetter
    }

    static func isGSTIN(_ value: String) -> Bool {
        let chars = Array(value.uppercased())
        guard chars.count == 15, chars[0..<2].allSatisfy(\.isNumber) else { return false }
        return isPAN(String(chars[2..<12])) && chars.allSatisfy { $0.isLetter || $0.isNumber }
    }

    static func insertAddress(_ db: Database, userId: String, _ address: AddressPayload, now: Date) throws
        -> AddressPayload
    {
        var payload = address
        let id = IDs.make(now: now)
        payload.id = id
        let count =
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM address WHERE user_id = ?", arguments: [userId]) ?? 0
        let billing = address.isDefaultBilling ?? (count == 0)
        let shipping = address.isDefaultShipping ?? (count == 0)
        let addresses = AddressRecord.filter(Column("user_id") == userId)
        if billing { try addresses.updateAll(db, Column("is_default_billing").set(to: false)) }
        if shipping { try addresses.updateAll(db, Column("is_default_shipping").set(to: false)) }
        payload.isDefaultBilling = billing
        payload.isDefaultShipping = shipping
        try AddressRecord(
            id: id, userId: userId, payload: payload, isDefaultBilling: billing, isDefaultShipping: shipping,
            createdAt: now
        ).insert(db)
        return payload
    }

    static func wire(_ record: AddressRecord) -> AddressPayload {
        var payload = record.payload
        payload.id = record.id
        payload.isDefaultBilling = record.isDefaultBilling
        payload.isDefaultShipping = record.isDefaultShipping
        return payload
    }

    func requireOwner(_ request: Request, _ context: SandboxContext) async throws -> String {
        let session = try context.requireSession()
        let userId = try context.parameters.require("user")
        try Authenticator.requireSelf(session, userId)
        return userId
    }

    struct AddressList: Encodable, Sendable {
        var addresses: [AddressPayload]
        var pagination: PaginationWire
    }

    func listAddresses(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let userId = try await requireOwner(request, context)
        let (page, limit) = try Query(request: request).paging()
        let list = try await services.database.read { db -> AddressList in
            let total =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM address WHERE user_id = ?", arguments: [userId]) ?? 0
            let records = try AddressRecord.fetchAll(
                db, sql: "SELECT * FROM address WHERE user_id = ? ORDER BY created_at, id LIMIT ? OFFSET ?",
                arguments: [userId, limit, (page - 1) * limit])
            return AddressList(
                addresses: records.map(Self.wire), pagination: PaginationWire(total: total, page: page, limit: limit))
        }
        return try Reply.ok(list, message: "Addresses retrieved")
    }

    func createAddress(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let userId = try await requireOwner(request, context)
        var body = try await RequestBody.read(request, context: context, allowEmpty: false)
        let address = AddressInput.parse(body, prefix: "", into: &body)
        try body.validate()
        var saved = try await services.database.write { db in
            try Self.insertAddress(db, userId: userId, address, now: services.now())
        }
        // The documented answer to a new address is the `CustomerAddress` without the default flags the list has.
        saved.isDefaultBilling = nil
        saved.isDefaultShipping = nil
        return try Reply.ok(["address": saved], message: "Address created")
    }

    func address(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let userId = try await requireOwner(request, context)
        let id = try context.parameters.require("address")
        let record = try await services.database.read { db in try AddressRecord.fetchOne(db, key: id) }
        guard let record, record.userId == userId else { throw APIError.notFound("Address not found") }
        return try Reply.ok(["address": Self.wire(record)], message: "Address retrieved")
    }

    func loyalty(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let userId = try await requireOwner(request, context)
        let content = try await services.database.read { db -> LoyaltyContentWire in
            guard let user = try UserRecord.fetchOne(db, key: userId) else { throw APIError.notFound("User not found") }
            // Points redeemed on, and earned by paid, orders not cancelled (a cancel gives both back).
            let orders = try OrderRecord.fetchAll(
                db, sql: "SELECT * FROM \"order\" WHERE user_id = ? AND status != 'cancelled'", arguments: [userId])
            let redeemed = orders.reduce(0) { $0 + $1.snapshot.loyaltyPointsRedeemed }
            let earned = orders.filter { $0.paymentStatus == "success" }.reduce(0) {
                $0 + $1.snapshot.loyaltyPointsEarned
            }
            return LoyaltyContentWire(
                userId: userId, balance: user.loyaltyPoints, earned: earned, redeemed: redeemed,
                joined: user.createdAt)
        }
        return try Reply.ok(content, message: "Loyalty details retrieved")
    }

    func deleteAddress(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let userId = try await requireOwner(request, context)
        let id = try context.parameters.require("address")
        try await services.database.write { db in
            try db.execute(literal: "DELETE FROM address WHERE id = \(id) AND user_id = \(userId)")
            guard db.changesCount == 1 else { throw APIError.notFound("Address not found") }
        }
        return try Reply.message("Address deleted")
    }
}
