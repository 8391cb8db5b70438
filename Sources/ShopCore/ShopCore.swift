// ShopCore module.
