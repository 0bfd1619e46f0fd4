-- incoming_aliases: the rows of warehouse/aliases/*.csv (names NFKC, no whitespace).
DELETE FROM dim_department_alias;
INSERT INTO dim_department_alias (region, name, valid_from, valid_to, department_key, source)
SELECT region, name, valid_from, valid_to, department_key, source FROM incoming_aliases;
