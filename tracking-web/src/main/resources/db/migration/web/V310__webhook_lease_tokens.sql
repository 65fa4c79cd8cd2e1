-- Outbound webhooks: each claim gets a token that fences its outcome (a delivery whose
-- lease was taken over can no longer be recorded by the old attempt), and stored errors
-- become coarse categories (timeout, connect_failed, tls_error, http_<status>) instead
-- of exception text.
alter table webhook_deliveries add column lease_token uuid;
update webhook_deliveries set last_error = case
        when last_error like 'HTTP %' then 'http_' || substr(last_error, 6)
        when last_error ilike '%timeout%' or last_error ilike '%timed out%' then 'timeout'
        when last_error ilike '%ssl%' or last_error ilike '%certificate%' or last_error ilike '%pkix%' then 'tls_error'
        else 'connect_failed' end
    where last_error is not null;
