-- The e-mail address or phone number of a notification is encrypted at rest ("v1:<keyId>:<base64>").
alter table notification alter column recipient set data type varchar(1024);
