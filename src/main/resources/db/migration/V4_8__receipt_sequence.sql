-- Receipt numbers come from a sequence: drawing one takes no lock and needs no transaction of its own
-- (the day's counter row serialised every submission until its commit).
create sequence casework_receipt_seq start with 1 increment by 1;
