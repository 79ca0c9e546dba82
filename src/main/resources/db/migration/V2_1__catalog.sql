-- The service catalogue, loaded from the data files under estation.catalog.location and changed by
-- administrators' imports. Nothing is ever deleted: items, matters and departments no longer in the
-- catalogue are retired (active = false), because old cases refer to them. The columns used to filter
-- are real columns; the nested parts (materials, form fields, outputs, a matter's graph) are stored as
-- JSON text, in the same shape as the data files.

-- One row: the catalogue as a whole.
create table catalog_state (
    id              integer      not null primary key,
    version         varchar(64)  not null,
    -- the version of the data files last applied; a restart with the same files writes nothing
    source_version  varchar(64)  not null,
    notice          text         not null,
    themes          text         not null,
    domains         text         not null,
    changed_at      timestamp with time zone not null,
    changed_by      varchar(254) not null,
    constraint ck_catalog_state_single check (id = 1)
);

create table catalog_department (
    code            varchar(64)  not null primary key,
    domain          varchar(32)  not null,
    partner         boolean      not null,
    active          boolean      not null,
    version         varchar(64)  not null,
    name            text         not null
);

create table catalog_item (
    code            varchar(32)  not null primary key,
    department_code varchar(64)  not null,
    domain          varchar(32)  not null,
    theme           varchar(32)  not null,
    kind            varchar(16)  not null,
    active          boolean      not null,
    -- the catalogue version that last added or changed this item
    version         varchar(64)  not null,
    data            text         not null,
    constraint fk_catalog_item_department foreign key (department_code) references catalog_department (code)
);

create index ix_catalog_item_filter on catalog_item (active, domain, theme, kind);
create index ix_catalog_item_department on catalog_item (department_code);

create table catalog_matter (
    code            varchar(32)  not null primary key,
    active          boolean      not null,
    version         varchar(64)  not null,
    data            text         not null
);
