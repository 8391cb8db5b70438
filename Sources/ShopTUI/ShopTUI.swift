// ShopTUI module.
