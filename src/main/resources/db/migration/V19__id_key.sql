-- The key that seals global ids (org.duban.common.Ids). Made once here, so that every instance and every
-- restart hands out the same ids, and a database restored elsewhere keeps them. gen_random_uuid() is the
-- one random source in core PostgreSQL: its 122 random bits make the 16 bytes.
create table id_key (
    only_row boolean primary key default true check (only_row),
    aes_key  bytea   not null check (octet_length(aes_key) = 16)
);
insert into id_key (aes_key) values (decode(replace(gen_random_uuid()::text, '-', ''), 'hex'));
