-- scenario: "Cannot apply" messages spell the argument types as Calcite prints them (ScalarFunctionsValidationTest.testInvalidToBase64: 'TO_BASE64(<INTEGER>)'), STRING as VARCHAR(2147483647)
-- sql:
CREATE TABLE t (s STRING, n INT) WITH ('connector' = 'datagen');
SELECT TO_BASE64(n) FROM t;
-- expect error: Cannot apply 'TO_BASE64' to arguments of type 'TO_BASE64(<INTEGER>)'
-- expect caret under: TO_BASE64(n)
