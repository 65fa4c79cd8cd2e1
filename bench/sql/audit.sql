-- Bench-only audit triggers for the scale-out correctness checks (never in the app's schema
-- migrations): every poll (last_polled_at moves) and every provider call (provider_called_at
-- set) is logged with the time and the connection's application name.
set client_min_messages = warning;
set search_path = beacon, public;
create table if not exists public.bench_poll_log (shipment_id uuid, at timestamptz default clock_timestamp(), app text);
create table if not exists public.bench_send_log (message_id uuid, at timestamptz default clock_timestamp(), status text, app text);
truncate public.bench_poll_log, public.bench_send_log;
create or replace function public.bench_poll_audit() returns trigger language plpgsql as $$
begin
  -- a push (EasyPost, Shopify) records its outcome PUSHED the same way: not a poll
  if new.last_polled_at is distinct from old.last_polled_at and new.last_poll_outcome <> 'PUSHED' then
    insert into public.bench_poll_log (shipment_id, app) values (new.id, current_setting('application_name'));
  end if;
  return new;
end $$;
create or replace function public.bench_send_audit() returns trigger language plpgsql as $$
begin
  if new.provider_called_at is not null and new.provider_called_at is distinct from old.provider_called_at then
    insert into public.bench_send_log (message_id, status, app) values (new.id, new.status, current_setting('application_name'));
  end if;
  return new;
end $$;
drop trigger if exists bench_poll_audit on shipments;
create trigger bench_poll_audit after update on shipments for each row execute function public.bench_poll_audit();
drop trigger if exists bench_send_audit on notify_messages;
create trigger bench_send_audit after update on notify_messages for each row execute function public.bench_send_audit();
