import json, os
S = lambda t, **k: dict(type=t, **k)
STR = {"type": "string"}; INT = {"type": "integer"}; BOOL = {"type": "boolean"}
MONEY = {"$ref": "#/components/schemas/Money"}
NSTR = {"type": ["string", "null"]}
def ref(n): return {"$ref": f"#/components/schemas/{n}"}
def obj(props, req=()):
    o = {"type": "object", "properties": props}
    if req: o["required"] = list(req)
    return o
def arr(x): return {"type": "array", "items": x}

OPTION_VALUE = {"description": "A string, a colour object, or a list of either"}
schemas = {
 "Colour": obj({"name": STR, "hexcode": {"type": "string", "pattern": "^#[0-9A-F]{6}$"}}, ["name", "hexcode"]),
 "Money": {"type": "number", "description": "Rupees, exact to the paisa (at most 2 decimals), e.g. 1234.5"},
 "Error": obj({"message": STR, "success": {"const": False}, "code": STR,
   "details": arr(obj({"field": STR, "message": STR}))}, ["message", "success", "code", "details"]),
 "Pagination": obj({"total_records": INT, "total_pages": INT, "previous_page": {"type": ["integer", "null"]},
   "next_page": {"type": ["integer", "null"]}, "limit": INT}),
 "ChannelPreferences": obj({"email": BOOL, "sms": BOOL, "whatsapp": BOOL}),
 "NotificationPreferences": obj({k: ref("ChannelPreferences") for k in ["transactional", "promotional", "newsletter"]}),
 "Business": obj({"business_type": NSTR, "name": NSTR, "pan_number": NSTR, "gstin": NSTR}),
 "User": obj({"id": STR, "first_name": NSTR, "last_name": NSTR, "email": NSTR, "is_email_verified": BOOL, "phone": NSTR,
   "country_code": NSTR, "is_phone_verified": BOOL, "profile_image_url": NSTR, "is_anonymous": BOOL, "is_logged_in": BOOL,
   "login_methods": arr({"enum": ["email", "phone", "whatsapp", "password"]}),
   "notification_preferences": ref("NotificationPreferences"),
   "credit_balance": {"allOf": [MONEY], "description": "Sandbox extension: the credit balance (the vendor documents no read for it)"},
   "created_at": STR, "modified_at": STR}),
 "AnonymousUser": obj({"id": STR, "is_anonymous": BOOL, "is_logged_in": BOOL, "first_name": NSTR, "last_name": NSTR,
   "phone": NSTR, "email": NSTR, "is_email_verified": BOOL, "is_phone_verified": BOOL, "profile_image_url": NSTR,
   "created_at": STR, "modified_at": STR}),
 "AnonymousTokens": obj({"user": ref("AnonymousUser"), "access_token": STR, "refresh_token": STR}, ["user", "access_token", "refresh_token"]),
 "BareTokens": obj({"access_token": STR, "refresh_token": STR}, ["access_token", "refresh_token"]),
 "ForgotPasswordContent": obj({"otp_token": STR, "otp": {"type": "string", "description": "Only with x-debug-mode: true"}}, ["otp_token"]),
 "Tokens": obj({"user": ref("User"), "access_token": STR, "refresh_token": STR}, ["user", "access_token", "refresh_token"]),
 "OtpContent": obj({"otp_token": STR, "otp_action": STR, "otp": {"type": "string", "description": "Only with x-debug-mode: true"}}, ["otp_token", "otp_action"]),
 "ProductPricing": obj({"currency": STR, "tax_type": {"const": "GST"}, "tax_rate": INT,
   "price_including_tax": {"type": "boolean", "description": "selling_price includes GST"}, "listing_price": MONEY,
   "selling_price": MONEY, "selling_price_excluding_tax": MONEY, "selling_price_including_tax": MONEY,
   "min_order_quantity": INT, "max_order_quantity": INT, "incremental_quantity": INT}),
 "Image": obj({k: STR for k in ["id", "title", "alternate_text", "url_tiny", "url_thumbnail", "url_standard", "url_zoom"]} | {"sort_order": INT}),
 "CategoryRef": obj({"id": STR, "name": STR, "slug": STR}),
 "Promotion": obj({"id": STR, "name": STR, "starts_at": STR, "expires_at": STR, "details": obj({"promotion_type": STR,
   "discount_type": STR, "discount_percent": INT, "discount_fixed_amount": MONEY})}),
 "Variant": obj({"id": STR, "product_id": STR, "sku": STR, "slug": STR, "name": STR, "product_name": STR, "active": BOOL,
   "stock_available": BOOL, "stock_quantity": INT, "backorder": BOOL, "on_offer": BOOL, "on_promotion": BOOL, "is_default": BOOL,
   "associated_options": {"type": "object", "additionalProperties": obj({"name": STR, "value": {"oneOf": [STR, ref("Colour")]}, "type": STR})},
   "images": arr(ref("Image")), "pricing": ref("ProductPricing")}),
 "Product": obj({"id": STR, "sku": STR, "name": STR, "slug": STR, "short_description": STR, "description": STR,
   "product_type": STR, "active": BOOL, "stock_available": BOOL, "stock_quantity": INT, "backorder": BOOL, "on_offer": BOOL,
   "on_subscription": BOOL, "on_promotion": BOOL, "has_variant": BOOL, "tags": arr(STR), "category_ids": arr(STR),
   "categories": arr(ref("CategoryRef")), "reviews_rating_sum": INT, "reviews_count": INT,
   "attributes": arr(obj({"id": STR, "name": STR, "key": STR, "type": STR, "value": OPTION_VALUE | {"oneOf": [STR, ref("Colour"), arr(STR), arr(ref("Colour"))]}})),
   "pricing": ref("ProductPricing"),
   "variant_options": arr(obj({"key": STR, "name": STR, "type": STR, "value": arr({"oneOf": [STR, ref("Colour")]})})),
   "promotion": {"oneOf": [ref("Promotion"), {"type": "null"}]}, "images": arr(ref("Image")),
   "variants": {**arr(ref("Variant")), "description": "Detail endpoint only"}}),
 "Item": obj({"product_id": STR, "variant_id": NSTR, "product_slug": STR, "variant_slug": NSTR, "product_name": STR,
   "variant_name": NSTR, "sku": STR, "stock_available": BOOL, "pricing": ref("ProductPricing"), "category_ids": arr(STR),
   "associated_options": {"type": "object"}, "images": arr(ref("Image"))}),
 "Category": obj({"id": STR, "name": STR, "slug": STR, "description": NSTR, "parent_category_id": NSTR, "product_count": INT,
   "active": BOOL, "child_categories": arr(ref("Category"))}),
 "Address": obj({"id": STR, "nickname": NSTR, "first_name": STR, "last_name": NSTR, "country_code": STR, "phone": STR,
   "email": STR, "address_line1": STR, "address_line2": NSTR, "landmark": NSTR, "pincode": STR, "city": STR, "state": STR,
   "country": STR, "tax_identification_number": NSTR, "business_name": NSTR, "is_default_billing": BOOL,
   "is_default_shipping": BOOL}, ["first_name", "phone", "email", "address_line1", "pincode", "city", "state"]),
 "CartItem": obj({"product_id": STR, "variant_id": NSTR, "sku": STR, "slug": STR, "product_name": STR, "variant_name": NSTR,
   "quantity": INT, "price_including_tax": BOOL, "listing_price": MONEY, "selling_price": MONEY,
   "selling_price_excluding_tax": MONEY, "selling_price_including_tax": MONEY, "tax_type": STR, "tax_rate": INT, "subtotal": MONEY, "tax_amount": MONEY,
   "total_price_including_tax": MONEY, "promotion_discount_amount": MONEY, "coupon_discount_amount": MONEY,
   "min_order_quantity": INT, "max_order_quantity": INT, "incremental_quantity": INT, "stock_available": BOOL}),
 "Cart": obj({"id": STR, "user_id": STR, "active": BOOL, "customer_email": NSTR, "customer_phone": NSTR,
   "is_promotion_applied": BOOL, "promotion_discount_amount": MONEY, "promotion_discount_percent": {"type": ["integer", "null"]},
   "is_coupon_applied": BOOL, "coupon_code": NSTR, "coupon_discount_amount": MONEY, "coupon_message": NSTR, "subtotal": MONEY, "items_tax_amount": MONEY,
   "subtotal_including_tax": MONEY, "shipping_estimated_cost": MONEY, "shipping_discount_amount": MONEY,
   "shipping_amount": MONEY, "shipping_tax_rate": INT, "shipping_tax_amount": MONEY, "shipping_amount_including_tax": MONEY,
   "shipping_provider_id": NSTR, "shipping_provider_name": NSTR,
   "fulfillment_preference": {"type": ["object", "null"]}, "estimated_delivery_days": {"type": ["integer", "null"]},
   "total_tax": MONEY, "grand_total": MONEY, "loyalty_points_redeemed": INT, "loyalty_points_value": MONEY,
   "loyalty_points_earned": INT, "credit_balance_used": MONEY, "gift_card_code": NSTR, "gift_card_amount": MONEY,
   "gift_card_balance": {"oneOf": [MONEY, {"type": "null"}]}, "to_be_paid": MONEY, "cart_items_count": INT,
   "cart_items": arr(ref("CartItem")), "billing_address": {"oneOf": [ref("Address"), {"type": "null"}]},
   "shipping_address": {"oneOf": [ref("Address"), {"type": "null"}]}, "expires_at": STR},
   ),
 "Order": obj({"order_number": STR, "order_date": STR, "status": {"enum": ["pending", "confirmed", "cancelled"]},
   "payment_status": {"enum": ["pending", "success", "failed", "partially_paid"]},
   "is_promotion_applied": BOOL, "promotion_discount_amount": MONEY, "promotion_discount_percent": {"type": ["integer", "null"]},
   "is_coupon_applied": BOOL, "coupon_discount_amount": MONEY, "coupon_discount_percent": {"type": ["integer", "null"]},
   "coupon_code": NSTR, "subtotal": MONEY, "item_total_tax": MONEY,
   "shipping_provider_id": NSTR, "courier_company_id": NSTR,
   "fulfillment_preference": {"oneOf": [obj({"fulfillment_type": STR, "pickup_location_id": NSTR,
     "preference_type": {"const": "user"}, "pickup_location_name": NSTR}), {"type": "null"}]},
   "subtotal_including_tax": MONEY, "shipping_amount_including_tax": MONEY, "promotion_savings": MONEY,
   "coupon_savings": MONEY, "total_tax": MONEY, "grand_total": MONEY, "loyalty_point_redeemed": INT,
   "credit_balance_used": MONEY, "gift_card_amount": MONEY, "to_be_paid": MONEY, "amount_paid": MONEY,
   "loyalty_point_earned": INT, "order_items": arr(ref("CartItem")), "is_cancellation_allowed": BOOL}),
 "OrderSummary": obj({"order_number": STR, "order_date": STR, "status": {"enum": ["pending", "confirmed", "cancelled"]},
   "payment_status": {"enum": ["pending", "success", "failed", "partially_paid"]}, "payment_success_date": NSTR,
   "has_refund": BOOL, "on_subscription": BOOL, "grand_total": MONEY, "loyalty_point_redeemed": INT,
   "credit_balance_used": MONEY, "to_be_paid": MONEY, "order_items_count": INT,
   "order_items": arr(obj({"product_id": STR, "product_name": STR, "product_image_url": STR, "sku": STR, "on_offer": BOOL,
     "on_promotion": BOOL, "on_subscription": BOOL, "subscription_plan": NSTR, "subscription_interval": {"type": ["integer", "null"]},
     "subscription_frequency": NSTR, "quantity": INT, "free_quantity": INT, "is_free_item": BOOL, "selling_price": MONEY,
     "listing_price": MONEY, "promotion_discount_amount": MONEY, "coupon_discount_amount": MONEY, "tax_type": STR,
     "tax_rate": INT, "tax_amount": MONEY, "shipping_additional_cost": MONEY})),
   "customer_note": NSTR, "loyalty_point_earned": INT, "currency": obj({"name": STR, "code": STR, "symbol": STR}),
   "created_at": STR, "modified_at": STR}),
 "PaymentInfo": obj({"id": STR, "status": STR, "order_id": STR, "payment_links": obj({"web": STR, "mobile": STR,
   "iframe": STR, "expiry": NSTR}), "order_expiry": STR, "sdk_payload": {"type": "object"}}),
 "PaymentMethod": obj({"payment_provider_slug": {"const": "juspay"}, "integration_type": {"enum": ["hyper-checkout", "express-checkout"]},
   "gateway_reference_id": {"type": "string", "description": "One of supported_reference_ids of GET /payments/payment-methods"},
   "return_url": STR, "action": STR, "payment_method_type": {"enum": ["CARD", "UPI", "NB", "WALLET"]}},
   ["payment_provider_slug", "gateway_reference_id"]),
}
def envelope(content):
    props = {"message": STR, "success": {"const": True}}
    if content is not None: props["content"] = content
    return obj(props, ["message", "success"])
def errs(*codes):
    names = {400: "Bad request / validation", 401: "Missing, invalid or expired token", 403: "Another user's resource",
             404: "Not found", 409: "Conflict", 422: "Not possible in this state", 429: "Too many requests"}
    return {str(c): {"description": names[c], "content": {"application/json": {"schema": ref("Error")}}} for c in codes}

paths = {}
def op(method, path, summary, content, body=None, errors=(400, 401), params=(), security="bearer", tag="", query=(),
       body_type="application/json"):
    o = {"summary": summary, "tags": [tag] if tag else [], "responses": {"200": {"description": "OK",
        "content": {"application/json": {"schema": envelope(content)}}}} | errs(*errors)}
    if security == "bearer": o["security"] = [{"bearer": []}]
    elif security == "apikey": o["security"] = [{"apiKey": []}]
    elif security == "either": o["security"] = [{"bearer": []}, {"apiKey": []}]
    elif security == "none": o["security"] = []
    elif security == "support": o["security"] = [{"apiKey": [], "supportKey": []}]
    ps = [{"name": p, "in": "path", "required": True, "schema": STR} for p in params]
    ps += [{"name": q, "in": "query", "required": False, "schema": s} for q, s in query]
    if ps: o["parameters"] = ps
    if body is not None: o["requestBody"] = {"required": True, "content": {body_type: {"schema": body}}}
    paths.setdefault(path, {})[method] = o

A = "Auth"
op("post", "/auth/anonymous", "Anonymous user and tokens", ref("AnonymousTokens"), security="apikey", tag=A, errors=(401,))
for ch in ["phone", "whatsapp"]:
    op("post", f"/auth/login/{ch}", f"Send a login OTP by {ch}", ref("OtpContent"), obj({"phone": {"type": "string", "pattern": "^[0-9]{10}$"},
       "country_code": {"const": "+91"}, "register_if_not_exists": BOOL}, ["phone"]), errors=(400, 401, 404, 429), tag=A)
op("post", "/auth/login/email", "Send a login OTP by email", ref("OtpContent"), obj({"email": STR, "register_if_not_exists": BOOL}, ["email"]), errors=(400, 401, 404, 429), tag=A)
op("post", "/auth/login/password", "Log in with a password", ref("Tokens"), obj({"email": STR, "phone": STR, "password": STR}, ["password"]), tag=A)
for ch in ["phone", "whatsapp", "email"]:
    op("post", f"/auth/register/{ch}", f"Register ({ch}); answers an OTP to verify", ref("OtpContent"),
       obj({"first_name": STR, "last_name": NSTR, "phone": STR, "email": STR, "country_code": STR},
           ["first_name", "email" if ch == "email" else "phone"]),
       errors=(400, 401, 409, 429), tag=A)
op("post", "/auth/register/password", "Register with a password (email or phone); answers an OTP to verify", ref("OtpContent"),
   obj({"email": STR, "phone": STR, "password": STR, "confirm_password": {"type": "string", "description": "Must equal password"},
        "country_code": STR, "first_name": STR, "last_name": NSTR}, ["password", "confirm_password"]),
   errors=(400, 401, 409, 429), tag=A)
op("post", "/auth/verify-otp", "Verify an OTP: login, register, verify/update phone or email", ref("Tokens"),
   obj({"otp": STR, "otp_token": STR, "otp_action": {"enum": ["login", "register", "reset-password", "verify-phone", "verify-email", "update-phone", "update-email"]}},
       ["otp", "otp_token", "otp_action"]), errors=(400, 401, 409, 429), tag=A)
op("post", "/auth/generate-otp", "Send an OTP for an action", ref("OtpContent"), obj({"channel": {"enum": ["sms", "whatsapp", "email"]},
   "phone": STR, "email": STR, "otp_action": STR, "country_code": STR}, ["channel", "otp_action"]), errors=(400, 401, 429), tag=A)
op("post", "/auth/refresh-token", "Rotate tokens (the refresh token works once)", obj({"access_token": STR, "refresh_token": STR}),
   obj({"refresh_token": STR}, ["refresh_token"]), security="none", tag=A)
op("post", "/auth/support", "Sandbox only: a read-only support token (X-Api-Key and X-Support-Key headers); it may read any "
   "user's cart (GET /carts/users/{user_id}) and the catalog, and gets 403 on everything else",
   obj({"access_token": STR, "role": {"const": "support"}, "expires_in": {"type": "integer", "description": "seconds"}},
       ["access_token", "role", "expires_in"]),
   security="support", tag=A, errors=(401,))
op("get", "/support/users", "Sandbox only: a support token finds users by exactly one of phone, email, order_number or "
   "user_id, with their cart's summary, last activity, and where a cart went when it moved on sign-in or sign-out",
   obj({"users": arr(obj({"id": STR, "first_name": NSTR, "last_name": NSTR, "phone": NSTR, "email": NSTR,
       "is_anonymous": BOOL, "active": BOOL, "created_at": STR, "last_activity_at": STR,
       "cart": {"oneOf": [obj({"id": STR, "line_count": INT, "item_count": INT, "coupon_code": NSTR,
           "to_be_paid": MONEY}, ["id", "line_count", "item_count", "to_be_paid"]), {"type": "null"}]},
       "cart_moved_to": {"oneOf": [obj({"user_id": STR, "cart_id": STR, "reason": {"enum": ["sign-in", "sign-out"]},
           "moved_at": STR}, ["user_id", "cart_id", "reason", "moved_at"]), {"type": "null"}]}},
       ["id", "is_anonymous", "active", "created_at", "last_activity_at"]))}, ["users"]),
   query=[("phone", STR), ("email", STR), ("order_number", STR), ("user_id", STR)], tag=A, errors=(400, 401, 403))
op("post", "/auth/logout", "Log out: new anonymous tokens", ref("Tokens"), tag=A, errors=(401,))
op("post", "/auth/forgot-password", "Send a reset-password OTP", ref("ForgotPasswordContent"), obj({"email": STR, "phone": STR}), errors=(400, 401, 404, 429), tag=A)
op("post", "/auth/reset-password", "Reset the password with an OTP", ref("BareTokens"), obj({"otp_token": STR, "otp": STR, "new_password": STR,
   "confirm_password": STR}, ["otp_token", "otp", "new_password"]), errors=(400, 401, 429), tag=A)
op("post", "/auth/change-password", "Change the password", obj({"access_token": STR, "refresh_token": STR}),
   obj({"old_password": STR, "new_password": STR, "confirm_password": STR}, ["old_password", "new_password"]), tag=A)
op("get", "/auth/user/{id}", "The caller's user", obj({"user": ref("User")}), params=["id"], errors=(401, 403, 404), tag=A)
op("put", "/auth/user/{id}", "Update the caller's user (null leaves first name, email, phone unchanged; clears last name)",
   obj({"user": ref("User")}), obj({"first_name": NSTR, "last_name": NSTR, "email": NSTR, "phone": NSTR},
       ["first_name", "last_name", "email", "phone"]),
   params=["id"], errors=(400, 401, 403, 409), tag=A)
for m in ["get", "post", "put"]:
    op(m, "/auth/user/{id}/notification-preferences", "Notification preferences", obj({"notification_preferences": ref("NotificationPreferences")}),
       None if m == "get" else obj({"notification_preferences": ref("NotificationPreferences")}, ["notification_preferences"]),
       params=["id"], errors=(400, 401, 403), tag=A)
op("post", "/auth/verified-email-phone", "Which phones/emails are verified", obj({"verified_phone": arr(STR), "verified_email": arr(STR)}),
   obj({"phone": arr(STR), "email": arr(STR)}), tag=A)
op("put", "/auth/user/{id}/deactivate", "Deactivate the account", None, params=["id"], errors=(400, 401, 403), tag=A)
for m in ["get", "post", "put", "delete"]:
    op(m, "/auth/user/{id}/profile-image", "Profile image: upload a PNG, JPEG, GIF or WebP file of at most 2 MB as the "
       "multipart/form-data part `image`; served at /sandbox/profile-images/{file} from the server root",
       None if m == "delete" else obj({"profile_image_url": STR}),
       obj({"image": {"type": "string", "format": "binary"}}, ["image"]) if m in ("post", "put") else None,
       params=["id"], errors=(400, 401, 403, 404), tag=A, body_type="multipart/form-data")

C = "Catalog"
page_q = [("page", INT), ("limit", INT)]
op("get", "/catalog/products", "Products, newest first", obj({"products": arr(ref("Product")), "pagination": ref("Pagination")}),
   security="either", tag=C, query=page_q + [("category_id", STR), ("category_slug", STR),
   ("sort_by", {"type": "string", "description": 'JSON object, e.g. {"selling_price":"asc"}; keys created_at, selling_price, name, reviews_count'})])
op("get", "/catalog/products/{product_id_or_slug}", "Product detail with variants", obj({"product": ref("Product")}),
   params=["product_id_or_slug"], security="either", errors=(401, 404), tag=C)
op("get", "/catalog/products/{product_id_or_slug}/variants", "Variants", obj({"variants": arr(ref("Variant"))}),
   params=["product_id_or_slug"], security="either", errors=(401, 404), tag=C)
op("get", "/catalog/products/{product_id_or_slug}/variants/{variant_id}", "Variant detail", obj({"variant": ref("Variant")}),
   params=["product_id_or_slug", "variant_id"], security="either", errors=(401, 404), tag=C)
op("get", "/catalog/categories", "Categories", obj({"categories": arr(ref("Category")), "pagination": ref("Pagination")}),
   security="either", tag=C, query=page_q + [("search", STR), ("parent_category_id", STR), ("parent_category_slug", STR)])
op("post", "/catalog/products/search", "Search: words, Meilisearch-style filter, facets, sort",
   obj({"skus": arr(ref("Item")), "facet_distribution": {"type": "object"}, "facet_stats": {"type": "object"}, "pagination": ref("Pagination")}),
   obj({"query": STR, "page": INT, "limit": INT, "facets": arr(STR), "filter": {"oneOf": [STR, arr({"oneOf": [STR, arr(STR)]})]},
        "sort": arr(STR)}, ["query"]), security="either", tag=C)

K = "Carts"
CART = obj({"cart": ref("Cart")})
LINE = obj({"product_id": STR, "variant_id": NSTR, "quantity": {"type": "integer", "minimum": 0}}, ["product_id", "variant_id", "quantity"])
op("post", "/carts", "Create the cart (at least one item; adds to an existing active cart)", CART,
   obj({"items": arr(LINE), "metadata": {"type": "object", "additionalProperties": STR}}, ["items"]), tag=K)
op("get", "/carts/{id}", "Cart", CART, params=["id"], errors=(401, 404), tag=K)
op("delete", "/carts/{id}", "Delete the cart", None, params=["id"], errors=(401, 404), tag=K)
op("get", "/carts/users/{user_id}", "The user's active cart (404: no cart yet; a support token reads any user's, 404 USER_NOT_FOUND for an unknown user)", CART, params=["user_id"], errors=(401, 403, 404), tag=K)
op("delete", "/carts/users/{user_id}", "Remove the user's cart", None, params=["user_id"], errors=(401, 403, 404), tag=K)
op("post", "/carts/{id}/items", "Set a line's quantity (0 removes)", CART, LINE, params=["id"], errors=(400, 401, 404), tag=K)
op("post", "/carts/{id}/address", "Billing and shipping address (ids or inline)", CART,
   {"oneOf": [obj({"billing_address_id": STR, "shipping_address_id": STR}, ["billing_address_id", "shipping_address_id"]),
              obj({"billing_address": ref("Address"), "shipping_address": ref("Address"), "customer_note": STR}, ["billing_address"])]},
   params=["id"], errors=(400, 401, 404), tag=K)
op("post", "/carts/{id}/coupon", "Apply a coupon (400 COUPON_NOT_APPLICABLE with the reason)", CART, obj({"coupon_code": STR}, ["coupon_code"]),
   params=["id"], errors=(400, 401, 404), tag=K)
op("delete", "/carts/{id}/coupon", "Remove the coupon", CART, params=["id"], errors=(401, 404), tag=K)
op("get", "/carts/{id}/evaluate-coupons", "Which coupons apply, with estimated discounts and reasons",
   obj({"applicable_coupons": arr({"type": "object"}), "inapplicable_coupons": arr({"type": "object"})}), params=["id"], errors=(401, 404), tag=K)
op("get", "/carts/available-coupons", "Active coupons", obj({"coupons": arr({"type": "object"})}), errors=(401,), tag=K)
op("get", "/carts/available-promotions", "Active promotions", obj({"promotions": arr({"type": "object"})}), errors=(401,), tag=K)
op("post", "/carts/{id}/loyalty-points", "Redeem loyalty points (1 point = ₹1)", CART, obj({"loyalty_point_redeemed": INT}, ["loyalty_point_redeemed"]),
   params=["id"], errors=(400, 401, 404), tag=K)
op("delete", "/carts/{id}/loyalty-points", "Stop redeeming points", CART, params=["id"], errors=(401, 404), tag=K)
op("post", "/carts/{id}/credit-balance", "Use credit balance", CART, obj({"credit_balance_used": MONEY}, ["credit_balance_used"]),
   params=["id"], errors=(400, 401, 404), tag=K)
op("delete", "/carts/{id}/credit-balance", "Stop using credit balance", CART, params=["id"], errors=(401, 404), tag=K)
op("post", "/carts/{id}/gift-card", "Redeem a gift card (partial use allowed)", CART, obj({"gift_card_code": STR}, ["gift_card_code"]),
   params=["id"], errors=(400, 401, 404), tag=K)
op("delete", "/carts/{id}/gift-card", "Remove the gift card (answers the cart itself, not {cart})", ref("Cart"), params=["id"], errors=(401, 404), tag=K)
op("post", "/carts/{id}/fulfillment-preference", "Delivery method or store pickup", CART,
   obj({"fulfillment_type": {"enum": ["delivery", "collect-in-store"]}, "shipments": arr(obj({"id": {"type": "string",
       "description": "deliver.shipments[].id of the fulfillment options"}, "shipping_provider_id": STR,
       "courier_company_id": STR}, ["id", "shipping_provider_id"])), "shipping_provider_id": STR, "pickup_location_id": STR},
       ["fulfillment_type"]),
   params=["id"], errors=(400, 401, 404, 422), tag=K)

W = "Wishlist"
for m in ["get", "post", "delete"]:
    op(m, "/wishlist/{user_id}", "Wishlist", obj({"products": arr(ref("Item"))}),
       None if m == "get" else obj({"product_id": STR, "variant_id": NSTR}, ["product_id"]), params=["user_id"], errors=(400, 401, 403, 404), tag=W)

U = "Customers"
op("post", "/customers", "Business details (and an address)", obj({"customer_detail": {"type": "object"}}),
   obj({"business": ref("Business"), "address": {"oneOf": [ref("Address"), {"type": "null"}]}}, ["business"]), tag=U)
op("get", "/customers/{user_id}/addresses", "Addresses", obj({"addresses": arr(ref("Address")), "pagination": ref("Pagination")}),
   params=["user_id"], errors=(401, 403), tag=U, query=page_q)
op("post", "/customers/{user_id}/addresses", "Add an address", obj({"address": ref("Address")}), ref("Address"), params=["user_id"], errors=(400, 401, 403), tag=U)
op("get", "/customers/{user_id}/addresses/{address_id}", "An address", obj({"address": ref("Address")}), params=["user_id", "address_id"], errors=(401, 403, 404), tag=U)
op("delete", "/customers/{user_id}/addresses/{address_id}", "Delete an address", None, params=["user_id", "address_id"], errors=(401, 403, 404), tag=U)
op("get", "/customers/{user_id}/loyalty", "Loyalty details (the vendor's newest documented shape)",
   obj({"loyalty": obj({"membership_number": STR, "loyalty_tier": STR, "loyalty_point_earned": INT,
     "loyalty_point_redeemed": INT, "loyalty_point_balance": INT, "loyalty_point_redeemable": INT,
     "loyalty_point_bonus_accrued": INT, "date_of_reset": STR, "total_savings": INT}),
     "loyalty_point_balance": INT}), params=["user_id"], errors=(401, 403, 404), tag=U)

F = "Fulfillment"
op("post", "/fulfillment/serviceability", "Can the cart (or items) be delivered to a pincode",
   obj({"is_serviceable": BOOL, "unserviceable_items": arr({"type": "object"}), "estimated_delivery_days": {"type": ["integer", "null"]}}),
   obj({"delivery_pincode": NSTR, "cart_id": STR, "items": arr(obj({"product_id": STR, "variant_id": NSTR, "quantity": INT})),
        "fulfillment_type": STR}, ["delivery_pincode"]), errors=(400, 401, 404), tag=F)
op("post", "/shipping/fulfillment-options", "Delivery methods and pickup stores (deliver.shipping_methods, and the cart's one "
   "shipment with its id in deliver.shipments)", {"type": "object"},
   obj({"delivery_pincode": STR, "cart_id": STR}, ["delivery_pincode", "cart_id"]), errors=(400, 401, 404), tag=F)

op("get", "/common/countries/{country_iso_code}/pincodes", "The places (city, state_name) of a country's PIN codes, by "
   "prefix (pincode: at least 3 digits; India only in the sandbox)",
   obj({"pincodes": arr(obj({"pincode": STR, "city": STR, "state_name": STR})), "pagination": ref("Pagination")}),
   params=["country_iso_code"], query=page_q + [("pincode", STR)], tag="Common")

O = "Orders"
op("post", "/orders", "Place an order from the cart", obj({"order": ref("Order"), "payment_required": BOOL,
   "payment_info": {"oneOf": [ref("PaymentInfo"), {"type": "null"}]}}), obj({"cart_id": STR, "payment_method": ref("PaymentMethod")}, ["cart_id"]),
   errors=(400, 401, 404, 409, 422), tag=O)
op("get", "/orders", "The caller's orders (each the summary, not the full order)", obj({"orders": arr(ref("OrderSummary")), "pagination": ref("Pagination")}),
   errors=(401, 403), tag=O, query=page_q + [("user_id", STR), ("status", STR)])
op("get", "/orders/{order_number}", "Order detail", obj({"order": ref("Order")}), params=["order_number"], errors=(401, 404), tag=O)
op("get", "/orders/{order_number}/payment-status", "Payment status", obj({"status": STR, "amount_paid": MONEY, "amount_unpaid": MONEY,
   "is_retry_available": BOOL}), params=["order_number"], errors=(401, 404), tag=O)
op("get", "/orders/{order_number}/payments", "Payment attempts", obj({"payments": arr({"type": "object"})}), params=["order_number"], errors=(401, 404), tag=O)
op("post", "/orders/{order_number}/retry-payment", "Retry after a failure (or 15 minutes)", obj({"payment_info": ref("PaymentInfo")}),
   obj({"payment_method": ref("PaymentMethod")}), params=["order_number"], errors=(400, 401, 404, 409), tag=O)
op("post", "/orders/{order_number}/cancel", "Cancel (gives back stock, points, credit, gift card)", obj({"order": ref("Order")}),
   obj({"cancellation_reason": STR, "refund_mode": {"enum": ["original_payment_mode", "bank_transfer"]}, "bank_account_id": STR,
        "feedback": STR}, ["cancellation_reason", "refund_mode"]), params=["order_number"], errors=(400, 401, 404, 422), tag=O)

J = "Juspay"
op("get", "/payments/payment-methods", "The store's payment methods; POST /orders sends one of supported_reference_ids as "
   "payment_method.gateway_reference_id", obj({"payment_methods": arr(obj({"id": STR, "name": STR, "payment_provider_slug": STR,
   "integration_types": arr(STR), "payment_method_types": arr(STR), "supported_reference_ids": arr(STR)}))}),
   errors=(401,), tag=J, query=[("payment_provider_slug", STR)])
op("post", "/payments/juspay/customers", "Juspay customer (simulated)", obj({"data": {"type": "object"}}), obj({"user_id": STR}, ["user_id"]),
   errors=(400, 401, 403, 404), tag=J)
op("post", "/payments/juspay/create-order", "Juspay order for a store order: made once per order_number; a retry answers the same one "
   "(simulated)", obj({"data": obj({"id": STR, **{f"udf{i}": STR for i in range(10, 0, -1)},
   "status_id": {"type": "string", "description": "Juspay's numeric status as a string: 10 NEW, 21 CHARGED, 27 AUTHORIZATION_FAILED"},
   "status": STR, "return_url": STR, "refunded": BOOL, "product_id": STR,
   "payment_links": obj({"web": STR, "mobile": STR, "iframe": STR}), "order_id": STR, "merchant_id": STR,
   "juspay": obj({"client_auth_token": STR, "client_auth_token_expiry": STR}), "date_created": STR,
   "customer_phone": NSTR, "customer_id": STR, "customer_email": NSTR, "currency": STR, "amount_refunded": MONEY,
   "amount": MONEY})}),
   obj({"order_number": STR, "return_url": STR}, ["order_number", "return_url"]), errors=(400, 401, 404, 409), tag=J)

doc = {
 "openapi": "3.1.0",
 "info": {"title": "Storefront sandbox (Commerce Engine storefront API subset)", "version": "1.0.0",
   "description": "What `storefront sandbox serve` answers. Every success body is `{message, success: true, content}`; "
     "every error is `{message, success: false, code, details: [{field, message}]}`. Money is rupees, exact to the paisa. "
     "The payment page `/sandbox/pay/{payment_id}` (HTML, Pay / Fail buttons) and this document (`/openapi.yaml`) are "
     "served at the server root."},
 "servers": [{"url": "http://127.0.0.1:{port}/api/v1/sandbox/storefront", "variables": {"port": {"default": "8080"}}}],
 "security": [{"bearer": []}],
 "paths": paths,
 "components": {"schemas": schemas, "securitySchemes": {
   "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT",
     "description": "HS256 JWT; payload user_id, is_anonymous, is_logged_in, customer_id, session_id, token_type, exp, iat "
       "(and role: support on a support token)."},
   "apiKey": {"type": "apiKey", "in": "header", "name": "X-Api-Key"},
   "supportKey": {"type": "apiKey", "in": "header", "name": "X-Support-Key",
     "description": "Sandbox only: the support key (--support-key, else the 0600 file <database>.support-key)."}}},
}
import yaml
text = "# Generated by Resources/tools/openapi.py (python3 + PyYAML). Tests/SandboxTests/OpenAPITests checks it against the router.\n" + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=120)
open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "openapi.yaml"), "w").write(text)
print(len(paths), "paths", sum(len(v) for v in paths.values()), "operations")
