-- scenario: GROUP BY a ROW field (payload.user_id, also nested two deep), a MAP value (m['k']) and an ARRAY element (arr[1]) groups by that value (NULL, e.g. for a missing key or index, is a group of its own) and selects it
-- file: input/events.json
--| {"id":1,"payload":{"user_id":7,"geo":{"city":"Oslo"}},"m":{"k":"x"},"arr":["a","b"]}
--| {"id":2,"payload":{"user_id":7,"geo":{"city":"Bergen"}},"m":{"k":"y"},"arr":["a"]}
--| {"id":3,"payload":{"user_id":8,"geo":null},"m":{},"arr":[]}
-- sql:
SET 'table.dml-sync' = 'true';
SET 'parallelism.default' = '1';
SET 'execution.batch.max-rows' = '1';
CREATE TABLE events (id INT, payload ROW<user_id INT, geo ROW<city STRING>>, m MAP<STRING, STRING>, arr ARRAY<STRING>)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/events.json', 'format' = 'json');
CREATE TABLE by_user (user_id INT, n BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'user');
INSERT INTO by_user SELECT payload.user_id, COUNT(*) FROM events GROUP BY payload.user_id;
CREATE TABLE by_city (city STRING, n BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'city');
INSERT INTO by_city SELECT e.payload.geo.city, COUNT(*) FROM events AS e GROUP BY e.payload.geo.city;
CREATE TABLE by_key (k STRING, ids BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'key');
INSERT INTO by_key SELECT m['k'], SUM(id) FROM events GROUP BY m['k'];
CREATE TABLE by_first (first_tag STRING, n BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'first');
INSERT INTO by_first SELECT arr[1], COUNT(*) FROM events GROUP BY arr[1];
-- expect stdout (ordered):
--| user> +I[7, 1]
--| user> -U[7, 1]
--| user> +U[7, 2]
--| user> +I[8, 1]
--| city> +I[Oslo, 1]
--| city> +I[Bergen, 1]
--| city> +I[null, 1]
--| key> +I[x, 1]
--| key> +I[y, 2]
--| key> +I[null, 3]
--| first> +I[a, 1]
--| first> -U[a, 1]
--| first> +U[a, 2]
--| first> +I[null, 1]
