-- #19 the matter's promise, as casework tells it (MatterPromised): one row per case, the last promise told.
create table supervision_promise (
    case_id          bigint primary key,
    receipt_number   varchar(40)              not null,
    promised_on      date                     not null,
    provisional      boolean                  not null,
    jurisdiction     varchar(2)               not null,
    told_at          timestamp with time zone not null
);
