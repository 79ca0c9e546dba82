-- E-receipts (電子票據) of payments: one number per payment that went through, of the receipts' own series
-- (HTR-…, the e-certificates' form and check), issued the first time it is asked for and the same ever after.
create table payments_receipt (
    number     varchar(40) primary key,
    payment_id varchar(40) not null,
    issued_at  timestamp with time zone not null,
    constraint uk_payments_receipt_payment unique (payment_id)
);
