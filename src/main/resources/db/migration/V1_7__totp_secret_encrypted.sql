-- TOTP secrets are encrypted at rest (AES-GCM, "v1:<key>:<base64>"), longer than the Base32 secret.
alter table account_totp alter column secret set data type varchar(255);
