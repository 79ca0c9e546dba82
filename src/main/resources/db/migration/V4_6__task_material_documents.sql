-- A task's materials point at stored documents (the documents table comes with V4_5).
alter table casework_task_material
    add constraint fk_task_material_document foreign key (document_id) references document (id);
