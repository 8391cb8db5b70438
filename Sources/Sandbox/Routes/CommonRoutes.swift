import Foundation
import GRDB
import Hummingbird

/// `GET /common/countries/{country_iso_code}/pincodes`: the places of the seeded PIN codes (India only), by
/// prefix (`pincode`, at least 3 characters, as the vendor's reference says), a page at a time.
struct CommonRoutes {
    let services: SandboxServices

    func register(on api: RouteGroups) {
        api.customer.get("common/countries/:country_iso_code/pincodes") { request, context in
            try await pincodes(request, context)
        }
    }

    /// A place as the vendor's guide reads it (`city`, `state_name`).
    struct PincodeWire: Encodable, Sendable {
        var pincode: String
        var city: String
        var stateName: String
    }

    struct PincodeList: Encodable, Sendable {
        var pincodes: [PincodeWire]
        var pagination: PaginationWire
    }

    static let message = "Pincodes retrieved successfully"

    func pincodes(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let country = context.parameters.get("country_iso_code") ?? ""
        let query = Query(request: request)
        var issues: [FieldIssue] = []
        if country.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isLetter }) {
            issues.append(FieldIssue(field: "country_iso_code", message: "Must be 2 letters (IN for India)"))
        }
        let prefix = query.string("pincode")
        if let prefix, prefix.count < 3 || !prefix.allSatisfy({ $0.isASCII && $0.isNumber }) {
            issues.append(FieldIssue(field: "pincode", message: "At least 3 initial digits are required"))
        }
        if !issues.isEmpty { throw APIError.validation(issues) }
        let (page, limit) = try query.paging()
        guard country.uppercased() == "IN" else {
            return try Reply.ok(
                PincodeList(pincodes: [], pagination: PaginationWire(total: 0, page: page, limit: limit)),
                message: Self.message)
        }
        let pattern = (prefix ?? "") + "%"
        let list = try await services.database.read { db -> PincodeList in
            let total =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pincode WHERE pincode LIKE ?", arguments: [pattern])
                ?? 0
            let records = try PincodeRecord.fetchAll(
                db, sql: "SELECT * FROM pincode WHERE pincode LIKE ? ORDER BY pincode LIMIT ? OFFSET ?",
                arguments: [pattern, limit, (page - 1) * limit])
            return PincodeList(
                pincodes: records.map { PincodeWire(pincode: $0.pincode, city: $0.city, stateName: $0.state) },
                pagination: PaginationWire(total: total, page: page, limit: limit))
        }
        return try Reply.ok(list, message: Self.message)
    }
}
