// StorefrontAPI module.
