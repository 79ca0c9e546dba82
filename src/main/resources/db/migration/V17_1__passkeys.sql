-- Staff passkeys (WebAuthn), beside TOTP as the second factor. The user handle is the random id an authenticator
-- keeps for the account (never the account id or the name: it must reveal nothing); one per account.
create table passkey_user (
    account_id  bigint       not null primary key references account (id),
    user_handle varchar(100) not null,
    created_at  timestamp with time zone not null,
    constraint uk_passkey_user_handle unique (user_handle)
);

-- One registered passkey: its credential id and COSE public key (Base64URL), the signature counter (a clone shows
-- itself by a counter that goes back), flags, the name its owner gave it, when it was made and last used.
create table passkey (
    credential_id       varchar(1400) not null primary key,
    account_id          bigint        not null references account (id),
    public_key          varchar(4000) not null,
    signature_count     bigint        not null,
    uv_initialized      boolean       not null,
    backup_eligible     boolean       not null,
    backup_state        boolean       not null,
    transports          varchar(200),
    credential_type     varchar(40)   not null,
    attestation_object  varchar(20000),
    attestation_client_data_json varchar(4000),
    label               varchar(100)  not null,
    created_at          timestamp with time zone not null,
    last_used_at        timestamp with time zone
);

create index ix_passkey_account on passkey (account_id);
