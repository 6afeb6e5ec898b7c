-- scenario: PARSE_URL returns the parts java.net.URL gives (HOST, PATH, QUERY and one query key, REF, PROTOCOL, FILE, AUTHORITY, USERINFO) and NULL for an absent part or a malformed URL, as in Flink's function reference
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE print_sink (h STRING, p STRING, q STRING, k STRING, r STRING, pr STRING, f STRING, a STRING, u STRING, missing STRING, bad STRING) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT
  PARSE_URL(url, 'HOST'), PARSE_URL(url, 'PATH'), PARSE_URL(url, 'QUERY'), PARSE_URL(url, 'QUERY', 'k1'), PARSE_URL(url, 'REF'),
  PARSE_URL(url, 'PROTOCOL'), PARSE_URL(url, 'FILE'), PARSE_URL('http://me@example.com:8080/x', 'AUTHORITY'),
  PARSE_URL('http://me@example.com:8080/x', 'USERINFO'), PARSE_URL('http://example.com/x', 'QUERY'), PARSE_URL('no url', 'HOST')
FROM (VALUES ('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1')) AS t(url);
-- expect stdout (ordered):
--| +I[facebook.com, /path1/p.php, k1=v1&k2=v2, v1, Ref1, http, /path1/p.php?k1=v1&k2=v2, me@example.com:8080, me, null, null]
