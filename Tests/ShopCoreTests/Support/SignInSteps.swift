import Foundation
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopCore

extension TestStore {
    /// What an OTP sign-in from the login screens answers when the member has an empty cart and wishlist: signed
    /// in as Asha on the catalog, the OTP forgotten, then the cart and the wishlist read.
    func receiveOTPSignIn() async {
        await receive(.session(.response(.signedIn(user: Fixtures.asha, claims: Fixtures.member)))) {
            $0.inFlight = [.cart, .wishlist]
            $0.session = .ready(Fixtures.member)
            $0.user = Fixtures.asha
            $0.auth.challenge = nil
            $0.form[.otp] = ""
            $0.route = [.catalog]
            $0.notice = Notice(.success, "Signed in as Asha Rao.")
        }
        await receive(.cart(.response(.loaded(nil)))) {
            $0.inFlight = [.wishlist]
            $0.cart.isLoaded = true
        }
        await receive(.wishlist(.response(.loaded([])))) {
            $0.inFlight = []
            $0.wishlist.isLoaded = true
        }
    }
}
