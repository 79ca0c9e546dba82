-- #19 escalation: one row per reminder sent — (task, kind, day) is unique, so each is sent exactly once even
-- with two nodes running the job at the same moment and across restarts (the row and the messages are
-- written in one transaction; a node that finds the row already there sends nothing).
create table supervision_escalation (
    task_id         bigint                   not null,
    kind            varchar(16)              not null,
    on_day          date                     not null,
    receipt_number  varchar(40)              not null,
    recipients      integer                  not null,
    sent_at         timestamp with time zone not null,
    constraint uk_supervision_escalation unique (task_id, kind, on_day)
);
