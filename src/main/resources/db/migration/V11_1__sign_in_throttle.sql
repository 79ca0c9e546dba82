-- Sign-in throttling (#21): failures counted per account name as typed (kept as a SHA-256 hash, whether an
-- account has the name or not) and per account for second-factor codes, with the time the next attempt waits for.
create table sign_in_throttle (
    subject       varchar(80) primary key,
    failures      integer     not null,
    blocked_until timestamp with time zone,
    updated_at    timestamp with time zone not null
);

create index ix_sign_in_throttle_updated on sign_in_throttle (updated_at);

-- The link that lifts a sign-in pause, e-mailed to the account's owner: single use, kept only as a hash.
create table sign_in_unlock_token (
    token_hash varchar(64) primary key,
    account_id bigint      not null references account (id),
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone
);

create index ix_sign_in_unlock_account on sign_in_unlock_token (account_id);

-- The old lock-out lived on the account row, so only existing accounts could be locked: no longer used.
update account set failed_attempts = 0, locked_until = null where failed_attempts <> 0 or locked_until is not null;
