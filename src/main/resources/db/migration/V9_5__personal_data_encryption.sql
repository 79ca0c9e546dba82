-- Personal data encrypted at rest (AES-256-GCM, "v1:<keyId>:<base64>"): columns widened to hold the
-- ciphertext; blind indexes (HMAC-SHA-256, hex) let the window find a case by the whole identity
-- document number or phone number without decrypting. Values written before encryption stay readable
-- as plaintext until the rotation job (--crypto-rotate) encrypts them and fills in their blind index.
alter table account alter column phone set data type varchar(512);

alter table casework_case alter column applicant_id_number set data type varchar(512);
alter table casework_case alter column applicant_phone set data type varchar(512);
alter table casework_case add column applicant_id_number_bidx varchar(64);
alter table casework_case add column applicant_phone_bidx varchar(64);
create index ix_case_applicant_id_bidx on casework_case (applicant_id_number_bidx);
create index ix_case_applicant_phone_bidx on casework_case (applicant_phone_bidx);

alter table hall_ticket alter column phone set data type varchar(512);
