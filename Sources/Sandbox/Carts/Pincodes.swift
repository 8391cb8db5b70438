import Foundation
import GRDB

/// Pincode lookup: seeded pincodes as listed; any other 6-digit pincode is served by standard delivery in 5 days.
enum Pincodes {
    static func lookup(_ db: Database, _ pincode: String) throws -> PincodeRecord {
        if let record = try PincodeRecord.fetchOne(db, key: pincode) { return record }
        return PincodeRecord(
            pincode: pincode, city: "", state: "", serviceable: Validators.isPincode(pincode), deliveryDays: 5,
            express: false)
    }
}
