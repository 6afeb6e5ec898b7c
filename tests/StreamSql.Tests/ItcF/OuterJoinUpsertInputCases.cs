using StreamSql.Tests.ItcE;
using static StreamSql.Tests.HuntS.RestoreProgram;

namespace StreamSql.Tests.ItcF;

/// <summary>
/// Flink's Java <c>OuterJoinUpsertInputITCase</c> (FLINK-40681): a LEFT JOIN whose inner side is an upsert changelog
/// (<c>I,UA,D</c>) whose only matching row is replaced by a bare update-after and then deleted must end with the
/// null-padded outer row, into an upsert sink keyed on the join key, on a wider key, and through nested left joins.
/// Flink gates the inner side's rows on the sink (outer row first); here both sources run freely, so the end state is
/// checked, which must hold in every interleaving.
/// </summary>
internal static class OuterJoinUpsertInputCases
{
    private static ItceSource Upsert(string name, string columns, params (Execution.Batches.RowKind, object?[])[] rows) => new(name, columns, "I,UA,D", rows);

    private static ItceCase Case(string name, ItceSource[] sources, string sink, string sql, params string[] expected) =>
        new(name, sources, [sink], [sql], expected) { Check = ItceCheck.Sink, Sink = "sink", DefaultOnly = true };

    public static IEnumerable<ItceCase> All()
    {
        var left = Upsert("left_t", "k INT NOT NULL, v STRING, PRIMARY KEY (k) NOT ENFORCED", I(1, "a"));
        var right = Upsert("right_t", "k INT NOT NULL, w STRING, PRIMARY KEY (k) NOT ENFORCED", I(1, "x"), UA(1, "y"), D(1, "y"));
        const string join = "INSERT INTO sink SELECT l.k, l.v, r.w FROM left_t l LEFT JOIN right_t r ON l.k = r.k";
        yield return Case("testLeftJoinUpsertInputsIntoUpsertSinkWithSamePk", [left, right],
            "CREATE TABLE sink (k INT NOT NULL, v STRING, w STRING, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'itce-values', 'sink-insert-only' = 'false')",
            join, "1,a,null");
        yield return Case("testLeftJoinUpsertInputsIntoUpsertSinkWithLargerPk", [left, right],
            "CREATE TABLE sink (k INT NOT NULL, v STRING NOT NULL, w STRING, PRIMARY KEY (k, v) NOT ENFORCED) WITH ('connector' = 'itce-values', 'sink-insert-only' = 'false')",
            join, "1,a,null");

        // Flink's gate made deterministic: one upsert source holds both sides in the order Flink forces (the outer row first,
        // then the inner row, its bare update-after and its delete), two views split it.
        var ordered = Upsert("both", "side STRING NOT NULL, k INT NOT NULL, v STRING, PRIMARY KEY (side, k) NOT ENFORCED",
            I("L", 1, "a"), I("R", 1, "x"), UA("R", 1, "y"), D("R", 1, "y"));
        yield return new ItceCase("testLeftJoinUpsertInputsIntoUpsertSinkWithSamePk[outer row first]", [ordered],
            [
                "CREATE TEMPORARY VIEW left_t AS SELECT k, v FROM both WHERE side = 'L'",
                "CREATE TEMPORARY VIEW right_t AS SELECT k, v AS w FROM both WHERE side = 'R'",
                "CREATE TABLE sink (k INT NOT NULL, v STRING, w STRING, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'itce-values', 'sink-insert-only' = 'false')",
            ],
            [join], ["1,a,null"]) { Check = ItceCheck.Sink, Sink = "sink", DefaultOnly = true };

        yield return Case("testNestedLeftJoinsUpsertInputsIntoUpsertSinkOnLeftPk",
            [
                Upsert("A", "k1 INT NOT NULL, k2 INT NOT NULL, k3 INT NOT NULL, k4 INT NOT NULL, k5 INT NOT NULL, a STRING, PRIMARY KEY (k1, k2, k3, k4, k5) NOT ENFORCED",
                    I(1, 1, 1, 1, 1, "a")),
                Upsert("B", "k1 INT NOT NULL, k2 INT NOT NULL, k3 INT NOT NULL, b STRING, PRIMARY KEY (k1, k2, k3) NOT ENFORCED", I(1, 1, 1, "b")),
                Upsert("C", "k1 INT NOT NULL, k2 INT NOT NULL, k3 INT NOT NULL, c STRING, PRIMARY KEY (k1, k2, k3) NOT ENFORCED",
                    I(1, 1, 1, "c"), UA(1, 1, 1, "c2"), D(1, 1, 1, "c2")),
                Upsert("D", "k1 INT NOT NULL, k2 INT NOT NULL, d STRING, PRIMARY KEY (k1, k2) NOT ENFORCED", I(1, 1, "d")),
            ],
            "CREATE TABLE sink (k1 INT NOT NULL, k2 INT NOT NULL, k3 INT NOT NULL, k4 INT NOT NULL, k5 INT NOT NULL, a STRING, b STRING, c STRING, d STRING,"
            + " PRIMARY KEY (k1, k2, k3, k4, k5) NOT ENFORCED) WITH ('connector' = 'itce-values', 'sink-insert-only' = 'false')",
            """
            INSERT INTO sink
            SELECT A.k1, A.k2, A.k3, A.k4, A.k5, A.a, BC.b, BC.c, D.d
            FROM A
            LEFT OUTER JOIN (
              SELECT B.k1, B.k2, B.k3, B.b, C.c
              FROM B LEFT OUTER JOIN C
              ON B.k1 = C.k1 AND B.k2 = C.k2 AND B.k3 = C.k3
            ) AS BC ON A.k1 = BC.k1 AND A.k2 = BC.k2 AND A.k3 = BC.k3
            LEFT OUTER JOIN D ON A.k1 = D.k1 AND A.k2 = D.k2
            """,
            "1,1,1,1,1,a,b,null,d");
    }
}
