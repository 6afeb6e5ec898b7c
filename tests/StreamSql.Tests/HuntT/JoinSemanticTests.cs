namespace StreamSql.Tests.HuntT;

/// <summary>Flink's <c>JoinSemanticTestPrograms</c> (one run each, materialized): an anti join on nested fields, and
/// outer joins on a field of a NOT NULL ROW whose non-preserved side must come out NULL. All rows are produced after an
/// (empty) savepoint, so the bounded run's end is the end of their input.</summary>
public sealed class JoinSemanticTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private static RestoreSource Source(string name, string schema, params string[] rows) => new(name, schema, [], rows);

    private Task Run(string name, RestoreSource[] sources, string sinkSchema, string sql, params string[] expected) =>
        RestoreProgramRunner.RunAsync(new RestoreProgram(name, sources, sinkSchema, sql, [], expected) { Materialized = true }, _dir);

    [Fact]
    public Task Anti_join_on_nested() => Run("anti-join-on-nested",
        [
            Source("source_t1", "`ext` ROW<`nested` STRING NOT NULL>", "{\"ext\":{\"nested\":\"test_same\"}}"),
            Source("source_t2", "`ext` ROW<`nested` ROW<`nested1` ROW<`nested2` STRING NOT NULL>>>",
                "{\"ext\":{\"nested\":{\"nested1\":{\"nested2\":\"test_diff\"}}}}", "{\"ext\":{\"nested\":{\"nested1\":{\"nested2\":\"test_same\"}}}}"),
        ],
        "output STRING",
        "INSERT INTO sink_t SELECT t2.ext.nested.nested1.nested2 FROM source_t2 t2 WHERE"
        + " NOT EXISTS (SELECT 1 FROM source_t1 t1 WHERE t1.ext.nested = t2.ext.nested.nested1.nested2)",
        "+I[test_diff]");

    private static readonly RestoreSource Orders = Source("orders", "`order_id` BIGINT NOT NULL, PRIMARY KEY (`order_id`) NOT ENFORCED",
        "{\"order_id\":1}", "{\"order_id\":2}");

    private static readonly RestoreSource Details = Source("details",
        "`r` ROW<`order_id` BIGINT NOT NULL, `name` STRING NOT NULL> NOT NULL, PRIMARY KEY (`r`) NOT ENFORCED",
        "{\"r\":{\"order_id\":1,\"name\":\"first\"}}");

    [Fact]
    public Task Left_join_not_null_nested_row() => Run("left-join-not-null-nested-row", [Orders, Details], "order_id BIGINT, detail_id BIGINT",
        "INSERT INTO sink_t SELECT a.order_id, b.r.order_id FROM orders a LEFT JOIN details b ON a.order_id = b.r.order_id",
        "+I[1, 1]", "+I[2, null]");

    [Fact]
    public Task Right_join_not_null_nested_row() => Run("right-join-not-null-nested-row", [Orders, Details], "detail_id BIGINT, order_id BIGINT",
        "INSERT INTO sink_t SELECT b.r.order_id, a.order_id FROM details b RIGHT JOIN orders a ON a.order_id = b.r.order_id",
        "+I[1, 1]", "+I[null, 2]");

    [Fact]
    public Task Full_join_not_null_nested_row() => Run("full-join-not-null-nested-row",
        [
            Source("fj_left", "`r` ROW<`id` BIGINT NOT NULL> NOT NULL, PRIMARY KEY (`r`) NOT ENFORCED", "{\"r\":{\"id\":1}}", "{\"r\":{\"id\":2}}"),
            Source("fj_right", "`r` ROW<`id` BIGINT NOT NULL> NOT NULL, PRIMARY KEY (`r`) NOT ENFORCED", "{\"r\":{\"id\":2}}", "{\"r\":{\"id\":3}}"),
        ],
        "left_id BIGINT, right_id BIGINT",
        "INSERT INTO sink_t SELECT a.r.id, b.r.id FROM fj_left a FULL JOIN fj_right b ON a.r.id = b.r.id",
        "+I[1, null]", "+I[2, 2]", "+I[null, 3]");
}
