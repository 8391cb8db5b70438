import json, hashlib, os
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "seed"))
def pid(kind, n):
    h = hashlib.sha1(f"{kind}{n}".encode()).hexdigest().upper()
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    num = int(h, 16)
    s = ""
    for _ in range(20):
        s += alphabet[num % 32]; num //= 32
    return "01J" + s[:23]
def slug(s): 
    import re
    return re.sub(r'[^a-z0-9]+','-',s.lower()).strip('-')
cats = [
 ("Electronics","Phones, audio, laptops and accessories",18,False),
 ("Fashion","Clothing and footwear for every day",12,True),
 ("Home & Kitchen","Cookware, storage and decor",18,False),
 ("Books","Fiction, non-fiction and more",5,True),
 ("Beauty","Skin care, hair care and grooming",18,True),
 ("Sports & Fitness","Gear for the gym, the field and the trail",12,True),
 ("Grocery","Staples, snacks and beverages",5,True),
]
products = {
"Electronics":[("Aurora X1 Smartphone",2499900,2799900,["storage"]),("Pulse Wireless Earbuds",349900,499900,None),("Nimbus 14 Laptop",6499900,7299900,["storage"]),("Echo Bluetooth Speaker",249900,299900,["color"]),("Volt 20000mAh Power Bank",179900,219900,None),("Glide Wireless Mouse",89900,129900,None),("Vista 27\" Monitor",1899900,2299900,None),("Spark Smartwatch",499900,599900,["color"]),("Flux USB-C Charger 65W",199900,249900,None),("Orbit Noise-Cancelling Headphones",1299900,1599900,None)],
"Fashion":[("Classic Cotton T-Shirt",59900,79900,["size","color"]),("Slim Fit Denim Jeans",149900,199900,["size"]),("Linen Kurta",129900,169900,["size"]),("Runner Sports Shoes",279900,349900,["size"]),("Everyday Hoodie",119900,149900,["size","color"]),("Silk Saree",499900,649900,None),("Leather Belt",69900,89900,None),("Canvas Sneakers",189900,229900,["size"]),("Formal Oxford Shirt",109900,139900,["size"]),("Wool Blend Scarf",79900,99900,["color"])],
"Home & Kitchen":[("Cast Iron Skillet 26cm",149900,189900,None),("Pressure Cooker 5L",219900,259900,None),("Ceramic Dinner Set (18 pc)",349900,449900,None),("Steel Water Bottle 1L",49900,69900,["color"]),("Cotton Bedsheet Set",129900,169900,["color"]),("Glass Storage Jars (Set of 6)",89900,109900,None),("Non-stick Tawa",99900,129900,None),("Scented Candle Trio",59900,74900,None),("Bamboo Cutting Board",44900,59900,None),("Electric Kettle 1.5L",129900,159900,None)],
"Books":[("The Monsoon Library",39900,49900,None),("Algorithms in Practice",89900,99900,None),("A Short History of Spices",49900,59900,None),("Cooking with Millets",34900,44900,None),("The Quiet Engineer",44900,54900,None),("Stories from the Ghats",29900,39900,None),("Learn Swift the Hard Way",79900,89900,None),("Poems for Rainy Days",19900,24900,None),("Startup Notes",54900,64900,None),("Children's Atlas of India",64900,74900,None)],
"Beauty":[("Aloe Vera Gel 200ml",24900,29900,None),("Vitamin C Face Serum",59900,79900,None),("Herbal Shampoo 400ml",34900,39900,None),("Sunscreen SPF 50",44900,54900,None),("Beard Oil 30ml",29900,39900,None),("Kajal Pencil",14900,19900,None),("Rose Water Toner",19900,24900,None),("Matte Lipstick",39900,49900,["color"]),("Charcoal Face Wash",22900,27900,None),("Hair Dryer 1200W",129900,159900,None)],
"Sports & Fitness":[("Yoga Mat 6mm",79900,99900,["color"]),("Adjustable Dumbbells 10kg",349900,399900,None),("Cricket Bat (English Willow)",599900,749900,None),("Football Size 5",89900,109900,None),("Skipping Rope",29900,39900,None),("Badminton Racquet",149900,189900,None),("Cycling Helmet",199900,249900,["size"]),("Resistance Bands Set",69900,89900,None),("Running Socks (3 pairs)",39900,49900,["size"]),("Gym Bag 40L",129900,159900,None)],
"Grocery":[("Basmati Rice 5kg",69900,79900,None),("Cold-pressed Groundnut Oil 1L",29900,34900,None),("Assam Tea 500g",24900,29900,None),("Filter Coffee Powder 250g",19900,22900,None),("Organic Toor Dal 1kg",17900,19900,None),("Alphonso Mango Pulp 850g",24900,27900,None),("Mixed Dry Fruits 500g",59900,69900,None),("Jaggery Powder 1kg",11900,13900,None),("Masala Chai Spice Mix",14900,17900,None),("Millet Muesli 750g",34900,39900,None)],
}
categories = []
for i,(name,desc,rate,incl) in enumerate(cats):
    categories.append({"id":pid("cat",i),"name":name,"slug":slug(name),"description":desc,"parent_category_id":None})
out_products=[]
# Colour values are objects on the wire, as in the reference: {"name": "Blue", "hexcode": "#0000FF"}.
hexcodes = {"Black":"#000000","Blue":"#0000FF","Red":"#FF0000","Green":"#008000","Maroon":"#800000"}
def colour(name): return {"name":name,"hexcode":hexcodes[name]}
n=0
options = {"size":{"name":"Size","type":"single-select","values":["S","M","L","XL"]},
           "color":{"name":"Colour","type":"color","values":["Black","Blue","Red"]},
           "storage":{"name":"Storage","type":"single-select","values":["128 GB","256 GB"]}}
for ci,(cname,desc,rate,incl) in enumerate(cats):
    for pi,(name,sell,listp,opts) in enumerate(products[cname]):
        n+=1
        p = {"id":pid("prod",n),"sku":f"SBX-{ci+1:02d}{pi+1:02d}","name":name,"slug":slug(name),
             "short_description":f"{name} — {desc.split(',')[0].lower()} from the sandbox store.",
             "description":f"{name}. A demo product of the Storefront sandbox in {cname}.",
             "category_slugs":[slug(cname)],"tags":[slug(cname).split('-')[0], "bestseller" if pi<3 else "new"],
             "listing_price_paise":listp,"selling_price_paise":sell,"tax_rate":rate,"tax_inclusive":incl,
             "stock":[25,40,8,3,0,60,12,100,5,30][pi],"backorder": pi==4 and ci%2==0,
             "min_order_quantity":1,"max_order_quantity":[5,10,2,3,5,10,4,10,5,6][pi],"incremental_quantity":1,
             "reviews_rating_sum":[45,38,29,50,12,20,33,8,40,18][pi],"reviews_count":[10,9,7,11,3,5,8,2,9,4][pi],
             "attributes":[{"name":"Brand","key":"brand","type":"single-select","value":["Aurora","Sandbox","Monsoon","Ghats","Kaveri"][pi%5]}],
             "variants":[]}
        if cname=="Grocery" and pi==0: p["max_order_quantity"]=3
        if cname=="Fashion" and "color" not in (opts or []):
            p["attributes"].append({"name":"Colour","key":"color","type":"color","value":colour(["Maroon","Green","Black","Blue","Red"][pi%5])})
        if opts:
            keys = opts
            combos=[{}]
            for k in keys:
                vals = options[k]["values"][:(3 if k=="size" else 2)]
                combos=[dict(c,**{k:v}) for c in combos for v in vals]
            for vi,c in enumerate(combos):
                vname=" / ".join(c.values())
                extra = 500000 if c.get("storage")=="256 GB" else 0
                p["variants"].append({"id":pid(f"var{n}",vi),"sku":f"{p['sku']}-{vi+1}","slug":slug(name+" "+vname),
                    "name":f"{name} ({vname})","options":c,"listing_price_paise":listp+extra,"selling_price_paise":sell+extra,
                    "stock":[10,0,4,7,2,9,6][vi%7],"is_default":vi==0})
            p["variant_options"]=[{"key":k,"name":options[k]["name"],"type":options[k]["type"],"value":[colour(v) if options[k]["type"]=="color" else v for v in options[k]["values"][:(3 if k=="size" else 2)]]} for k in keys]
        else:
            p["variant_options"]=[]
        out_products.append(p)
catalog={"categories":categories,"products":out_products}
json.dump(catalog,open("catalog.json","w"),indent=1,ensure_ascii=False)
el = slug("Electronics"); bk=slug("Books"); gr=slug("Grocery")
phone=[p for p in out_products if p["name"]=="Aurora X1 Smartphone"][0]["id"]
offers={
 "promotions":[
  {"id":pid("promo",1),"name":"Grocery Fest","description":"10% off all groceries","promotion_type":"discount","discount_type":"percentage","discount_percent":10,"discount_fixed_amount_paise":0,"category_slugs":[gr],"product_ids":[],"starts_at":"2024-01-01T00:00:00Z","expires_at":"2099-12-31T23:59:59Z"},
  {"id":pid("promo",2),"name":"Diwali Electronics (ended)","description":"15% off electronics","promotion_type":"discount","discount_type":"percentage","discount_percent":15,"discount_fixed_amount_paise":0,"category_slugs":[el],"product_ids":[],"starts_at":"2024-10-01T00:00:00Z","expires_at":"2024-11-15T23:59:59Z"}],
 "coupons":[
  {"code":"WELCOME10","name":"Welcome 10%","description":"10% off up to ₹200 on orders above ₹500","discount_type":"percentage","discount_percent":10,"discount_fixed_amount_paise":0,"maximum_discount_paise":20000,"minimum_order_paise":50000,"category_slugs":[],"product_ids":[],"starts_at":"2024-01-01T00:00:00Z","expires_at":"2099-12-31T23:59:59Z","total_redemptions":0,"per_customer_redemptions":0,"redemption_count":0,"can_be_used_with_promotion":True},
  {"code":"FLAT150","name":"Flat ₹150","description":"₹150 off on orders above ₹999","discount_type":"fixed-amount","discount_percent":0,"discount_fixed_amount_paise":15000,"maximum_discount_paise":0,"minimum_order_paise":99900,"category_slugs":[],"product_ids":[],"starts_at":"2024-01-01T00:00:00Z","expires_at":"2099-12-31T23:59:59Z","total_redemptions":0,"per_customer_redemptions":0,"redemption_count":0,"can_be_used_with_promotion":True},
  {"code":"BOOKS20","name":"Books 20%","description":"20% off books","discount_type":"percentage","discount_percent":20,"discount_fixed_amount_paise":0,"maximum_discount_paise":0,"minimum_order_paise":0,"category_slugs":[bk],"product_ids":[],"starts_at":"2024-01-01T00:00:00Z","expires_at":"2099-12-31T23:59:59Z","total_redemptions":0,"per_customer_redemptions":0,"redemption_count":0,"can_be_used_with_promotion":True},
  {"code":"PHONE500","name":"₹500 off Aurora X1","description":"₹500 off the Aurora X1 smartphone","discount_type":"fixed-amount","discount_percent":0,"discount_fixed_amount_paise":50000,"maximum_discount_paise":0,"minimum_order_paise":0,"category_slugs":[],"product_ids":[phone],"starts_at":"2024-01-01T00:00:00Z","expires_at":"2099-12-31T23:59:59Z","total_redemptions":0,"per_customer_redemptions":0,"redemption_count":0,"can_be_used_with_promotion":True},
  {"code":"EXPIRED50","name":"Expired 50%","description":"An expired coupon","discount_type":"percentage","discount_percent":50,"discount_fixed_amount_paise":0,"maximum_discount_paise":0,"minimum_order_paise":0,"category_slugs":[],"product_ids":[],"starts_at":"2024-01-01T00:00:00Z","expires_at":"2024-12-31T23:59:59Z","total_redemptions":0,"per_customer_redemptions":0,"redemption_count":0,"can_be_used_with_promotion":True},
  {"code":"SOLDOUT","name":"Sold-out coupon","description":"Usage limit reached","discount_type":"fixed-amount","discount_percent":0,"discount_fixed_amount_paise":10000,"maximum_discount_paise":0,"minimum_order_paise":0,"category_slugs":[],"product_ids":[],"starts_at":"2024-01-01T00:00:00Z","expires_at":"2099-12-31T23:59:59Z","total_redemptions":100,"per_customer_redemptions":0,"redemption_count":100,"can_be_used_with_promotion":True},
  {"code":"ONCE100","name":"₹100 once","description":"₹100 off, once per customer","discount_type":"fixed-amount","discount_percent":0,"discount_fixed_amount_paise":10000,"maximum_discount_paise":0,"minimum_order_paise":0,"category_slugs":[],"product_ids":[],"starts_at":"2024-01-01T00:00:00Z","expires_at":"2099-12-31T23:59:59Z","total_redemptions":0,"per_customer_redemptions":1,"redemption_count":0,"can_be_used_with_promotion":True},
  {"code":"NEWYEAR2099","name":"Not started","description":"Starts in 2099","discount_type":"percentage","discount_percent":5,"discount_fixed_amount_paise":0,"maximum_discount_paise":0,"minimum_order_paise":0,"category_slugs":[],"product_ids":[],"starts_at":"2099-01-01T00:00:00Z","expires_at":"2099-12-31T23:59:59Z","total_redemptions":0,"per_customer_redemptions":0,"redemption_count":0,"can_be_used_with_promotion":True}],
 "gift_cards":[
  {"code":"GIFT1000","balance_paise":100000,"expires_at":"2099-12-31T23:59:59Z"},
  {"code":"GIFT250","balance_paise":25000,"expires_at":"2099-12-31T23:59:59Z"},
  {"code":"GIFTEMPTY","balance_paise":0,"expires_at":"2099-12-31T23:59:59Z"},
  {"code":"GIFTOLD","balance_paise":50000,"expires_at":"2024-01-01T00:00:00Z"}]
}
json.dump(offers,open("offers.json","w"),indent=1,ensure_ascii=False)
store={
 "settings":{"currency_code":"INR","currency_name":"Indian Rupee","currency_symbol":"₹","free_shipping_threshold_paise":99900,
   "standard_shipping_paise":4900,"express_shipping_paise":9900,"shipping_tax_rate":18,"loyalty_point_value_paise":100,"loyalty_earn_per_paise":10000,"cart_lifetime_days":30},
 "customers":[{"id":pid("user","demo"),"first_name":"Demo","last_name":"Customer","phone":"9876543210","email":"demo@example.com","loyalty_points":500,"credit_balance_paise":75000,
   "addresses":[{"first_name":"Demo","last_name":"Customer","phone":"9876543210","email":"demo@example.com","address_line1":"12 MG Road","address_line2":"Ashok Nagar","landmark":"Near Metro","pincode":"560001","city":"Bengaluru","state":"Karnataka","country":"India","is_default_billing":True,"is_default_shipping":True}]}],
 "pincodes":[
  {"pincode":"560001","city":"Bengaluru","state":"Karnataka","serviceable":True,"delivery_days":2,"express":True},
  {"pincode":"560034","city":"Bengaluru","state":"Karnataka","serviceable":True,"delivery_days":2,"express":True},
  {"pincode":"110001","city":"New Delhi","state":"Delhi","serviceable":True,"delivery_days":3,"express":True},
  {"pincode":"400001","city":"Mumbai","state":"Maharashtra","serviceable":True,"delivery_days":3,"express":True},
  {"pincode":"600001","city":"Chennai","state":"Tamil Nadu","serviceable":True,"delivery_days":3,"express":False},
  {"pincode":"700001","city":"Kolkata","state":"West Bengal","serviceable":True,"delivery_days":4,"express":False},
  {"pincode":"500001","city":"Hyderabad","state":"Telangana","serviceable":True,"delivery_days":3,"express":True},
  {"pincode":"411001","city":"Pune","state":"Maharashtra","serviceable":True,"delivery_days":3,"express":False},
  {"pincode":"682001","city":"Kochi","state":"Kerala","serviceable":True,"delivery_days":5,"express":False},
  {"pincode":"194101","city":"Leh","state":"Ladakh","serviceable":False,"delivery_days":0,"express":False},
  {"pincode":"744101","city":"Port Blair","state":"Andaman and Nicobar Islands","serviceable":False,"delivery_days":0,"express":False},
  {"pincode":"795001","city":"Imphal","state":"Manipur","serviceable":False,"delivery_days":0,"express":False}],
 "stores":[{"id":pid("store",1),"name":"Sandbox Store Indiranagar","pincode":"560038","city":"Bengaluru","distance_km":3.5,"collect_eta_minutes":120},
           {"id":pid("store",2),"name":"Sandbox Store Bandra","pincode":"400050","city":"Mumbai","distance_km":8.2,"collect_eta_minutes":180}]
}
json.dump(store,open("store.json","w"),indent=1,ensure_ascii=False)
print(len(out_products), sum(len(p["variants"]) for p in out_products))
