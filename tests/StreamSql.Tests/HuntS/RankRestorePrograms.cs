using static StreamSql.Tests.HuntS.RestoreProgram;

namespace StreamSql.Tests.HuntS;

/// <summary>Flink's DeduplicationTestPrograms and RankTestPrograms.</summary>
internal static class RankRestorePrograms
{
    private static readonly RestoreSource Orders = new("MyTable",
        "order_id bigint, `user` varchar, product varchar, order_time bigint, " +
        "event_time as TO_TIMESTAMP(FROM_UNIXTIME(order_time)), watermark for event_time as event_time - INTERVAL '5' second",
        [I(1L, "terry", "pen", 1000L), I(2L, "alice", "pen", 2000L), I(3L, "bob", "pen", 3000L), I(4L, "bob", "apple", 4000L), I(5L, "fish", "apple", 5000L)],
        [I(6L, "jerry", "pen", 6000L), I(7L, "larry", "apple", 7000L), I(8L, "bill", "banana", 8000L), I(9L, "carol", "apple", 9000L)]);

    private const string OrdersSink = "order_id bigint, `user` varchar, product varchar, order_time bigint, primary key(product) not enforced";

    private static string Deduplicate(string order) =>
        "insert into MySink select order_id, user, product, order_time \nFROM (  SELECT *,    ROW_NUMBER() OVER (PARTITION BY product ORDER BY " +
        order + ") AS row_num\n  FROM MyTable)WHERE row_num = 1";

    private static RestoreProgram RankProgram(string id, string changelogMode, string[] before, string[] after, bool withNumber = true) =>
        new(id,
            [new("MyTable", "a INT, b VARCHAR, c INT primary key not enforced",
                [I(2, "a", 6), I(4, "b", 8), I(6, "c", 10), I(1, "a", 5), I(3, "b", 7), I(5, "c", 9)], [I(4, "d", 7), I(3, "e", 8)],
                changelogMode)],
            [new("sink_t", withNumber ? "a INT, b VARCHAR, c BIGINT" : "a INT, b VARCHAR", before, after)],
            withNumber
                ? "insert into `sink_t` select * from (select a, b, row_number() over(partition by b order by c) as c from MyTable) where c = 1"
                : "insert into `sink_t` select a, b from (select a, b, row_number() over(partition by b order by c) as c from MyTable) where c = 1",
            []);

    public static readonly RestoreProgram[] All =
    [
        new("deduplicate-asc", [Orders],
            [new("MySink", OrdersSink, ["+I[1, terry, pen, 1000]", "+I[4, bob, apple, 4000]"], ["+I[8, bill, banana, 8000]"])],
            Deduplicate("event_time ASC"), []),
        new("deduplicate-asc-proctime",
            [Orders with { Schema = "order_id bigint, `user` varchar, product varchar, order_time bigint, " +
                "event_time as TO_TIMESTAMP(FROM_UNIXTIME(order_time)), proctime AS PROCTIME()" }],
            [new("MySink", OrdersSink, ["+I[1, terry, pen, 1000]", "+I[4, bob, apple, 4000]"], ["+I[8, bill, banana, 8000]"])],
            Deduplicate("proctime ASC"), []),
        new("deduplicate-desc", [Orders],
            [new("MySink", OrdersSink,
                ["+I[1, terry, pen, 1000]", "+U[2, alice, pen, 2000]", "+U[3, bob, pen, 3000]", "+I[4, bob, apple, 4000]", "+U[5, fish, apple, 5000]"],
                ["+U[6, jerry, pen, 6000]", "+U[7, larry, apple, 7000]", "+I[8, bill, banana, 8000]", "+U[9, carol, apple, 9000]"])],
            Deduplicate("event_time DESC"), []),
        RankProgram("rank-test-append-fast-strategy", "I",
            ["+I[2, a, 1]", "+I[4, b, 1]", "+I[6, c, 1]", "-U[2, a, 1]", "+U[1, a, 1]", "-U[4, b, 1]", "+U[3, b, 1]", "-U[6, c, 1]", "+U[5, c, 1]"],
            ["+I[4, d, 1]", "+I[3, e, 1]"]),
        RankProgram("rank-test-retract-strategy", "I,UA,UB",
            ["+I[2, a, 1]", "+I[4, b, 1]", "+I[6, c, 1]", "-D[2, a, 1]", "+I[1, a, 1]", "-D[4, b, 1]", "+I[3, b, 1]", "-D[6, c, 1]", "+I[5, c, 1]"],
            ["+I[4, d, 1]", "+I[3, e, 1]"]),
        // Not Flink programs: the two above without the rank number in the output. Flink plans them alike (the constant
        // number was dropped there too): FastTop1Function's -U/+U over the insert-only input, RetractableTopNFunction's
        // -D/+I over the updating one.
        RankProgram("rank-test-append-fast-strategy-without-number", "I",
            ["+I[2, a]", "+I[4, b]", "+I[6, c]", "-U[2, a]", "+U[1, a]", "-U[4, b]", "+U[3, b]", "-U[6, c]", "+U[5, c]"],
            ["+I[4, d]", "+I[3, e]"], withNumber: false),
        RankProgram("rank-test-retract-strategy-without-number", "I,UA,UB",
            ["+I[2, a]", "+I[4, b]", "+I[6, c]", "-D[2, a]", "+I[1, a]", "-D[4, b]", "+I[3, b]", "-D[6, c]", "+I[5, c]"],
            ["+I[4, d]", "+I[3, e]"], withNumber: false),
        new("rank-test-update-fast-strategy",
            [new("MyTable", "a INT primary key not enforced, b VARCHAR, c INT",
                [I(2, "a", 6), I(4, "b", 8), I(6, "c", 10), I(1, "a", 5), I(3, "b", 7), I(5, "c", 9)], [I(4, "d", 7), I(0, "a", 8)])],
            [new("sink_t", "a INT NOT NULL, b STRING, count_c BIGINT NOT NULL, row_num BIGINT NOT NULL",
                [
                    "+I[2, a, 1, 1]", "+I[4, b, 1, 1]", "+I[6, c, 1, 1]", "-U[2, a, 1, 1]", "+U[1, a, 1, 1]", "+I[2, a, 1, 2]",
                    "-U[4, b, 1, 1]", "+U[3, b, 1, 1]", "+I[4, b, 1, 2]", "-U[6, c, 1, 1]", "+U[5, c, 1, 1]", "+I[6, c, 1, 2]",
                ],
                ["+I[4, d, 1, 1]", "-U[1, a, 1, 1]", "+U[0, a, 1, 1]", "-U[2, a, 1, 2]", "+U[1, a, 1, 2]", "+I[2, a, 1, 3]"])],
            "INSERT INTO sink_t SELECT * FROM (SELECT a, b, count_c, ROW_NUMBER()    OVER (PARTITION BY b ORDER BY count_c DESC, a ASC) AS row_num" +
            "   FROM (       SELECT a, b, COUNT(*) AS count_c       FROM MyTable       GROUP BY a, b   )) WHERE row_num <= 10", []),
        new("rank-n-test",
            [new("MyTable1", "a STRING, b INT, c INT, t as proctime()",
                [I("book", 1, 12), I("book", 2, 19), I("book", 4, 11), I("fruit", 4, 33)],
                [I("cereal", 6, 21), I("cereal", 7, 23), I("apple", 8, 31), I("fruit", 9, 41)])],
            [new("result1", "a varchar, b int, c bigint", ["+I[book, 1, 1]", "+I[book, 2, 2]", "+I[fruit, 4, 1]"],
                ["+I[cereal, 6, 1]", "+I[cereal, 7, 2]", "+I[apple, 8, 1]", "+I[fruit, 9, 2]"])],
            "insert into `result1` select * from (select a, b, row_number() over(partition by a order by t asc) as c from MyTable1) where c <= 2", []),
    ];
}
