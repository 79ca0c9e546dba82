-- Paying at the window (#20): a payment says how it was taken — ONLINE through a provider, or at the window by
-- cash, the card terminal or FPS (with the terminal's or FPS reference) — and which clerk recorded it. A window
-- payment's payer_account_id is the clerk who took it (their Idempotency-Key is unique per clerk, as an online
-- payer's is per payer); its provider is 'window', which no provider is called, so reconciliation leaves it out.
alter table payments_payment add column method varchar(20) default 'ONLINE' not null;
alter table payments_payment add column reference varchar(100);
alter table payments_payment add constraint ck_payments_payment_method
    check (method in ('ONLINE', 'WINDOW_CASH', 'WINDOW_CARD', 'WINDOW_FPS'));
-- the supervision figures and the gate read fee lines by status
create index ix_payments_fee_line_status on payments_fee_line (status, currency);
