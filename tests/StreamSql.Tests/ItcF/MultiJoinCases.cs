using StreamSql.Tests.ItcE;
using static StreamSql.Tests.HuntS.RestoreProgram;

namespace StreamSql.Tests.ItcF;

/// <summary>
/// Flink's Java <c>MultiJoinITCase</c> (runtime/stream/sql, <c>table.optimizer.multi-join.enabled</c>): chains of inner
/// and left joins over Users, Orders and Payments into a values sink that takes every change, and three-way joins on
/// booleans and nested rows. The cases Flink marks <c>@Ignore</c> (OR conditions, FLINK-38916/39015) are left out.
/// Flink's queries are kept verbatim, "u.cash &gt;= 100JOIN" (a missing space) included.
/// </summary>
internal static class MultiJoinCases
{
    private static ItceSource Insert(string name, string schema, params object?[][] rows) => new(name, schema, "I", rows.Select(r => I(r)).ToArray());

    private static readonly ItceSource Users = Insert("Users", "user_id STRING, name STRING, cash INT",
        ["u1", "Will", 100], ["u2", "Eleven", 50], ["u3", "Dustin", 70], ["u4", "Mike", 200], ["u5", "Lucas", 100]);

    private static readonly ItceSource Orders = Insert("Orders", "order_id STRING, user_id STRING, product STRING",
        ["o1", "u1", "Map"], ["o2", "u1", "Flashlight"], ["o3", "u2", "Waffles"], ["o4", "u3", "Bike"], ["o5", "u4", "Comics"], ["o6", "u5", "Radio set"]);

    private static readonly ItceSource Payments = Insert("Payments", "payment_id STRING, price INT, user_id STRING",
        ["p1", 10, "u1"], ["p2", 20, "u1"], ["p3", 30, "u2"], ["p4", 100, "u1"], ["p5", 50, "u2"], ["p6", 100, "u5"], ["p7", 70, "u6"],
        ["p8", 200, "u7"], ["p9", 100, "u8"], ["p10", 100, "u9"], ["p11", 999, "u10"]);

    private const string ResultSink =
        "CREATE TABLE ResultSink (user_id STRING, name STRING, order_id STRING, payment_id STRING, price INT) WITH ('connector' = 'itce-values', 'sink-insert-only' = 'false')";

    private const string Select = "INSERT INTO ResultSink SELECT u.user_id, u.name, o.order_id, p.payment_id, p.price FROM Users u ";

    private static readonly (string Key, string Value)[] MultiJoin = [("table.optimizer.multi-join.enabled", "true")];

    private static ItceCase Default(string name, string joins, params string[] expected) =>
        new(name, [Users, Orders, Payments], [ResultSink], [Select + joins], expected) { Check = ItceCheck.Sink, Sink = "ResultSink", Settings = MultiJoin };

    private static ItceSource Booleans(string name, string prefix, params object?[][] rows) =>
        Insert(name, $"{prefix}1 INT NOT NULL, {prefix}2 BOOLEAN, PRIMARY KEY ({prefix}1) NOT ENFORCED", rows);

    private const string AbcSink = "CREATE TABLE ABCSink (a1 INT, b1 INT, c1 INT) WITH ('connector' = 'itce-values', 'sink-insert-only' = 'false')";

    private static ItceCase BooleanCase(string name, string sql, params string[] expected) =>
        new(name,
            [Booleans("A", "a", [1, true], [2, false], [3, true], [4, false]), Booleans("B", "b", [5, true], [6, false], [7, false]),
                Booleans("C", "c", [8, false], [9, false], [10, true])],
            [AbcSink], [sql], expected) { Check = ItceCheck.Sink, Sink = "ABCSink", Settings = MultiJoin };

    private static readonly string[] InnerEquiJoin =
    [
        "u1,Will,o1,p2,20", "u1,Will,o1,p1,10", "u1,Will,o1,p4,100", "u1,Will,o2,p2,20", "u1,Will,o2,p1,10", "u1,Will,o2,p4,100",
        "u2,Eleven,o3,p5,50", "u2,Eleven,o3,p3,30", "u5,Lucas,o6,p6,100",
    ];

    private static readonly string[] LeftEquiJoin = [.. InnerEquiJoin, "u3,Dustin,o4,null,null", "u4,Mike,o5,null,null"];

    private static readonly string[] CashEqualsPrice =
    [
        "u4,Mike,o5,p8,200", "u3,Dustin,o4,p7,70", "u2,Eleven,o3,p5,50", "u1,Will,o2,p9,100", "u1,Will,o2,p6,100", "u1,Will,o2,p4,100",
        "u1,Will,o2,p10,100", "u1,Will,o1,p9,100", "u1,Will,o1,p6,100", "u1,Will,o1,p4,100", "u1,Will,o1,p10,100", "u5,Lucas,o6,p9,100",
        "u5,Lucas,o6,p6,100", "u5,Lucas,o6,p4,100", "u5,Lucas,o6,p10,100",
    ];

    private static readonly string[] ConstantInner =
        ["u2,Eleven,o3,p5,50", "u5,Lucas,o6,p6,100", "u1,Will,o6,p6,100", "u1,Will,o1,p4,100", "u1,Will,o2,p4,100", "u5,Lucas,o2,p4,100", "u5,Lucas,o1,p4,100"];

    /// <summary>Every user with every order, the payment where one matches both the order's user and the user's cash.</summary>
    private static readonly string[] ConstantLeft =
    [
        "u1,Will,o3,null,null", "u2,Eleven,o3,p5,50", "u3,Dustin,o2,null,null", "u3,Dustin,o4,null,null", "u5,Lucas,o3,null,null",
        "u3,Dustin,o1,null,null", "u4,Mike,o5,null,null", "u4,Mike,o6,null,null", "u4,Mike,o2,null,null", "u4,Mike,o1,null,null",
        "u4,Mike,o4,null,null", "u2,Eleven,o5,null,null", "u5,Lucas,o6,p6,100", "u2,Eleven,o6,null,null", "u1,Will,o6,p6,100",
        "u2,Eleven,o4,null,null", "u1,Will,o2,p4,100", "u1,Will,o1,p4,100", "u5,Lucas,o1,p4,100", "u5,Lucas,o2,p4,100",
        "u1,Will,o4,null,null", "u5,Lucas,o5,null,null", "u1,Will,o5,null,null", "u5,Lucas,o4,null,null", "u2,Eleven,o2,null,null",
        "u2,Eleven,o1,null,null", "u3,Dustin,o3,null,null", "u3,Dustin,o6,null,null", "u4,Mike,o3,null,null", "u3,Dustin,o5,null,null",
    ];

    public static IEnumerable<ItceCase> All()
    {
        yield return BooleanCase("testThreeWayInnerJoinMatchingBooleans", "INSERT INTO ABCSink SELECT a1, b1, c1 FROM A JOIN B ON a2 = b2 JOIN C ON b2 = c2",
            "1,5,10", "3,5,10", "2,7,8", "2,7,9", "2,6,8", "2,6,9", "4,6,8", "4,6,9", "4,7,8", "4,7,9");
        yield return BooleanCase("testThreeWayInnerJoinMatchingBooleansNoCommonJoinKey",
            "INSERT INTO ABCSink SELECT a1, b1, c1 FROM A JOIN B ON a2 = true JOIN C ON b2 = false",
            "3,6,8", "3,6,9", "3,6,10", "3,7,8", "3,7,9", "3,7,10", "1,6,8", "1,6,9", "1,6,10", "1,7,8", "1,7,9", "1,7,10");
        yield return BooleanCase("testThreeWayInnerJoinMatchingBooleansV2",
            "INSERT INTO ABCSink SELECT a1, b1, c1 FROM A JOIN B ON a2 = true JOIN C ON b2 = true AND c2 = true", "1,5,10", "3,5,10");

        // The values source holds flat rows; a view over each builds Flink's ROW column.
        const string flat = "id INT NOT NULL, uid STRING, region STRING, PRIMARY KEY (id) NOT ENFORCED";
        static string Nested(string name) =>
            $"CREATE TEMPORARY VIEW {name} AS SELECT id, CAST(ROW(uid, region) AS ROW<id STRING, region STRING>) AS user_info FROM {name}_flat";
        yield return new ItceCase("testThreeWayInnerJoinNestedType",
            [
                Insert("A_flat", flat, [1, "u1", "EU"], [2, "u2", "US"], [3, "u3", "EU"], [4, "u4", "EU"]),
                Insert("B_flat", flat, [5, "u1", "EU"], [6, "u2", "US"], [7, "u5", "EU"]),
                Insert("C_flat", flat, [8, "u1", "EU"], [9, "u2", "US"], [10, "u3", "EU"]),
            ],
            [AbcSink, Nested("A"), Nested("B"), Nested("C")],
            ["INSERT INTO ABCSink SELECT A.id, B.id, C.id FROM A JOIN B ON A.user_info = B.user_info JOIN C ON B.user_info = C.user_info"],
            ["2,6,9", "1,5,8"]) { Check = ItceCheck.Sink, Sink = "ABCSink", Settings = MultiJoin };

        yield return Default("testThreeWayInnerJoin", "JOIN Orders o ON u.user_id = o.user_id JOIN Payments p ON o.user_id = p.user_id", InnerEquiJoin);
        yield return Default("testThreeWayLeftInnerJoin", "LEFT JOIN Orders o ON u.user_id = o.user_id JOIN Payments p ON o.user_id = p.user_id", InnerEquiJoin);
        yield return Default("testThreeWayLeftLeftJoin", "LEFT JOIN Orders o ON u.user_id = o.user_id LEFT JOIN Payments p ON o.user_id = p.user_id", LeftEquiJoin);
        yield return Default("testThreeWayInnerLeftJoin", "JOIN Orders o ON u.user_id = o.user_id LEFT JOIN Payments p ON o.user_id = p.user_id", LeftEquiJoin);
        yield return Default("testThreeWayInnerJoinWithIsNotDistinct",
            "JOIN Orders o ON u.user_id IS NOT DISTINCT FROM o.user_id JOIN Payments p ON o.user_id IS NOT DISTINCT FROM p.user_id", InnerEquiJoin);
        yield return Default("testThreeWayInnerJoinNoCommonJoinKey", "JOIN Orders o ON u.user_id = o.user_id JOIN Payments p ON u.cash = p.price", CashEqualsPrice);
        yield return Default("testThreeWayLeftInnerJoinNoCommonJoinKey", "LEFT JOIN Orders o ON u.user_id = o.user_id JOIN Payments p ON u.cash = p.price", CashEqualsPrice);
        yield return Default("testThreeWayLeftLeftJoinNoCommonJoinKey", "LEFT JOIN Orders o ON u.user_id = o.user_id LEFT JOIN Payments p ON u.cash = p.price", CashEqualsPrice);
        yield return Default("testThreeWayInnerLeftJoinNoCommonJoinKey", "JOIN Orders o ON u.user_id = o.user_id LEFT JOIN Payments p ON u.cash = p.price", CashEqualsPrice);
        yield return new ItceCase("testThreeWayInnerJoinWithWhere", [Users, Orders, Payments], [ResultSink],
            ["INSERT INTO ResultSink SELECT u.user_id, u.name, o.order_id, p.payment_id, p.price FROM Users u, Orders o, Payments p WHERE u.user_id = o.user_id AND o.user_id = p.user_id"],
            InnerEquiJoin) { Check = ItceCheck.Sink, Sink = "ResultSink", Settings = MultiJoin };

        const string complex = "Orders o ON u.user_id = o.user_id AND u.cash >= 100";
        const string complexPayments = "Payments p ON o.user_id = p.user_id AND p.price = u.cash AND p.price < 200";
        string[] complexInner = ["u5,Lucas,o6,p6,100", "u1,Will,o2,p4,100", "u1,Will,o1,p4,100"];
        yield return Default("testThreeWayInnerJoinComplexCondition", $"JOIN {complex}JOIN {complexPayments}", complexInner);
        yield return Default("testThreeWayLeftInnerJoinComplexCondition", $"LEFT JOIN {complex}JOIN {complexPayments}", complexInner);
        yield return Default("testThreeWayLeftLeftJoinComplexCondition", $"LEFT JOIN {complex}LEFT JOIN {complexPayments}",
            "u4,Mike,o5,null,null", "u3,Dustin,null,null,null", "u5,Lucas,o6,p6,100", "u2,Eleven,null,null,null", "u1,Will,o1,p4,100", "u1,Will,o2,p4,100");
        yield return Default("testThreeWayInnerLeftJoinComplexCondition", $"JOIN {complex}LEFT JOIN {complexPayments}",
            "u4,Mike,o5,null,null", "u5,Lucas,o6,p6,100", "u1,Will,o1,p4,100", "u1,Will,o2,p4,100");

        yield return Default("testThreeWayInnerJoinConstantCondition", $"JOIN Orders o ON TRUE JOIN {complexPayments}", ConstantInner);
        yield return Default("testThreeWayLeftInnerJoinConstantCondition", $"LEFT JOIN Orders o ON TRUE JOIN {complexPayments}", ConstantInner);
        yield return Default("testThreeWayLeftLeftJoinConstantCondition", $"LEFT JOIN Orders o ON TRUE LEFT JOIN {complexPayments}", ConstantLeft);
        yield return Default("testThreeWayInnerLeftJoinConstantCondition", $"JOIN Orders o ON TRUE LEFT JOIN {complexPayments}", ConstantLeft);
    }
}
