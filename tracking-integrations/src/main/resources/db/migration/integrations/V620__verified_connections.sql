-- A connection's credentials were accepted by its platform (an authenticated Admin API / REST call
-- with them, or Shopify's OAuth code exchange) at verified_at. Null: claimed before Beacon verified
-- credentials (any account could be claimed with made-up credentials), or migrated webhooks-only
-- shops (V610). Such an unverified claim does not hold an account against another store that
-- connects it with credentials the platform accepts. Additive: nullable, no default.
alter table platform_connections add column verified_at timestamptz;
