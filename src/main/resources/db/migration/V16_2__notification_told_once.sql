-- What has been told once: the key of each notice that must never go out twice (a payment's success, failure,
-- refund, a fee falling due), claimed in the transaction that writes its messages, so an event applied twice
-- (redelivered after a crash, a provider's duplicate) tells the person once.
create table notification_told_once (
    notice_key varchar(200) primary key,
    told_at    timestamp with time zone not null
);
