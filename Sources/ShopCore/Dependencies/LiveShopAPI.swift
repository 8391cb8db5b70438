import StorefrontAPI

extension ShopAPI {
    /// Every endpoint answered by `client`: the app's API.
    public static func live(_ client: StorefrontClient) -> ShopAPI {
        ShopAPI(
            peekSession: { await client.peekSession() },
            session: { _ throws(APIError) in try await client.session() },
            login: { channel, identifier, register throws(APIError) in
                try await client.login(channel, identifier: identifier, registerIfNotExists: register)
            },
            loginWithPassword: { identifier, password throws(APIError) in
                try await client.loginWithPassword(identifier: identifier, password: password)
            },
            register: { channel, registration throws(APIError) in try await client.register(channel, registration) },
            verifyOTP: { otp, challenge throws(APIError) in try await client.verifyOTP(otp, challenge: challenge) },
            logout: { _ throws(APIError) in try await client.logout() },
            user: { _ throws(APIError) in try await client.user() },
            updateUser: { update throws(APIError) in try await client.updateUser(update) },
            changePassword: { old, new throws(APIError) in try await client.changePassword(old: old, new: new) },
            forgotPassword: { email, phone throws(APIError) in
                try await client.forgotPassword(email: email, phone: phone)
            },
            resetPassword: { password, token throws(APIError) in
                try await client.resetPassword(newPassword: password, otpToken: token)
            },
            notificationPreferences: { _ throws(APIError) in try await client.notificationPreferences() },
            saveNotificationPreferences: { preferences, create throws(APIError) in
                try await client.saveNotificationPreferences(preferences, create: create)
            },
            deactivateAccount: { _ throws(APIError) in try await client.deactivateAccount() },
            products: { query throws(APIError) in try await client.products(query) },
            product: { idOrSlug throws(APIError) in try await client.product(idOrSlug) },
            variants: { productID throws(APIError) in try await client.variants(productID: productID) },
            categories: { parentID, search throws(APIError) in
                try await client.categories(parentID: parentID, search: search)
            },
            search: { request throws(APIError) in try await client.search(request) },
            userCart: { userID throws(APIError) in try await client.userCart(userID: userID) },
            createCart: { items throws(APIError) in try await client.createCart(items: items) },
            setItem: { cartID, update throws(APIError) in try await client.setItem(cartID: cartID, update) },
            setAddress: { cartID, update throws(APIError) in try await client.setAddress(cartID: cartID, update) },
            applyCoupon: { cartID, code throws(APIError) in try await client.applyCoupon(cartID: cartID, code: code) },
            removeCoupon: { cartID throws(APIError) in try await client.removeCoupon(cartID: cartID) },
            evaluateCoupons: { cartID throws(APIError) in try await client.evaluateCoupons(cartID: cartID) },
            redeemLoyaltyPoints: { cartID, points throws(APIError) in
                try await client.redeemLoyaltyPoints(cartID: cartID, points: points)
            },
            removeLoyaltyPoints: { cartID throws(APIError) in try await client.removeLoyaltyPoints(cartID: cartID) },
            redeemCreditBalance: { cartID, amount throws(APIError) in
                try await client.redeemCreditBalance(cartID: cartID, amount: amount)
            },
            removeCreditBalance: { cartID throws(APIError) in try await client.removeCreditBalance(cartID: cartID) },
            redeemGiftCard: { cartID, code throws(APIError) in
                try await client.redeemGiftCard(cartID: cartID, code: code)
            },
            removeGiftCard: { cartID throws(APIError) in try await client.removeGiftCard(cartID: cartID) },
            setFulfillmentPreference: { cartID, preference throws(APIError) in
                try await client.setFulfillmentPreference(cartID: cartID, preference)
            },
            wishlist: { _ throws(APIError) in try await client.wishlist() },
            addToWishlist: { line throws(APIError) in try await client.addToWishlist(line) },
            removeFromWishlist: { line throws(APIError) in try await client.removeFromWishlist(line) },
            createCustomer: { customer throws(APIError) in try await client.createCustomer(customer) },
            addresses: { page, limit throws(APIError) in try await client.addresses(page: page, limit: limit) },
            createAddress: { address throws(APIError) in try await client.createAddress(address) },
            loyalty: { _ throws(APIError) in try await client.loyalty() },
            checkServiceability: { cartID, pincode throws(APIError) in
                try await client.checkServiceability(cartID: cartID, pincode: pincode)
            },
            fulfillmentOptions: { cartID, pincode throws(APIError) in
                try await client.fulfillmentOptions(cartID: cartID, pincode: pincode)
            },
            pincodes: { countryCode, pincode throws(APIError) in
                try await client.pincodes(countryCode: countryCode, matching: pincode)
            },
            createOrder: { cartID, method throws(APIError) in
                try await client.createOrder(cartID: cartID, paymentMethod: method)
            },
            order: { number throws(APIError) in try await client.order(number) },
            orders: { page, limit throws(APIError) in try await client.orders(page: page, limit: limit) },
            paymentStatus: { number throws(APIError) in try await client.paymentStatus(orderNumber: number) },
            retryPayment: { number, method throws(APIError) in
                try await client.retryPayment(orderNumber: number, paymentMethod: method)
            },
            cancelOrder: { number, cancel throws(APIError) in try await client.cancelOrder(orderNumber: number, cancel)
            },
            createJuspayCustomer: { _ throws(APIError) in try await client.createJuspayCustomer() },
            createJuspayOrder: { number, returnURL throws(APIError) in
                try await client.createJuspayOrder(orderNumber: number, returnURL: returnURL)
            })
    }
}
