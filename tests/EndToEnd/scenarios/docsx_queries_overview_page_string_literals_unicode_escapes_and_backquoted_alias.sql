-- scenario: Flink's Queries overview page, lexical policy: 'Hello World', a doubled quote ('It''s me.'), U&'\263A' with the default backslash escape and U&'#263A' UESCAPE '#' with a custom one (both the smiley U+263A), and a back-quoted alias with a blank (`my field`) whose case is kept
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE print_sink (a STRING, b STRING, c STRING, d STRING) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT 'Hello World', 'It''s me.', U&'\263A', U&'#263A' UESCAPE '#';
SELECT `My Field` FROM (SELECT 1 AS `My Field`);
-- expect stdout (all, ordered, contains):
--| +I[Hello World, It's me., ☺, ☺]
--| | op |    My Field |
--| | +I |           1 |
