using StreamSql.Execution.Runtime;
using StreamSql.Sql.Planner;

namespace StreamSql.Kafka.Tests;

/// <summary>
/// A format's options are only accepted on a table that uses that format (Flink reports the options no chosen format
/// consumed), and debezium-json with its schema envelope is read only: an INSERT into such a table is refused at planning,
/// as Flink's debezium-json encoding format refuses it.
/// </summary>
public sealed class KafkaFormatOptionTests
{
    private const string Kafka = "'connector' = 'kafka', 'topic' = 't', 'properties.bootstrap.servers' = 'localhost:9092'";
    private const string Upsert = "'connector' = 'upsert-kafka', 'topic' = 't', 'properties.bootstrap.servers' = 'localhost:9092'";

    /// <summary>The error of reading the table <paramref name="create"/> makes: CREATE TABLE stores options unchecked
    /// (as Flink's catalog), the query that reads the table checks them.</summary>
    private static async Task<SqlValidationException> Refused(string create, string table)
    {
        await using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null });
        env.ExecuteSql(create);
        return Planning(() => env.ExecuteSql($"EXPLAIN SELECT * FROM {table}"));
    }

    private static SqlValidationException Planning(Action statement) =>
        Assert.IsType<SqlValidationException>(Assert.Throws<StreamSqlException>(statement).InnerException);

    [Theory]
    [InlineData("'format' = 'json', 'avro-confluent.url' = 'http://registry:8081'", "avro-confluent.url", "'avro-confluent'", "value format", "'json'")]
    [InlineData("'value.format' = 'avro', 'value.avro-confluent.subject' = 's'", "value.avro-confluent.subject", "'avro-confluent'", "value format", "'avro'")]
    [InlineData("'format' = 'json', 'key.format' = 'json', 'key.fields' = 'id', 'key.avro-confluent.url' = 'http://registry:8081'",
        "key.avro-confluent.url", "'avro-confluent'", "key format", "'json'")]
    [InlineData("'format' = 'json', 'key.avro-confluent.url' = 'http://registry:8081'", "key.avro-confluent.url", "'avro-confluent'", "sets no key format", "")]
    [InlineData("'format' = 'csv', 'json.ignore-parse-errors' = 'true'", "json.ignore-parse-errors", "'json'", "value format", "'csv'")]
    [InlineData("'format' = 'json', 'debezium-json.schema-include' = 'true'", "debezium-json.schema-include", "'debezium-json'", "value format", "'json'")]
    public async Task A_format_option_on_a_kafka_table_of_another_format_is_refused_by_name(string options, string key, string owner, string which, string used)
    {
        var error = await Refused($"CREATE TABLE k (id BIGINT, name STRING) WITH ({Kafka}, {options})", "k");
        Assert.StartsWith("Unable to create a source for reading table 'default_catalog.default_database.k'.", error.Problem);
        Assert.Contains($"Option '{key}' of table 'k' configures the format {owner}", error.Problem);
        Assert.Contains(which, error.Problem);
        Assert.Contains(used, error.Problem);
        Assert.Equal((1, 23), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public async Task An_avro_confluent_option_on_an_upsert_kafka_table_of_another_value_format_is_refused_by_name()
    {
        var error = await Refused($"CREATE TABLE u (id BIGINT, name STRING, PRIMARY KEY (id) NOT ENFORCED) WITH ({Upsert}, 'key.format' = 'json', "
            + "'value.format' = 'json', 'value.avro-confluent.url' = 'http://registry:8081')", "u");
        Assert.Contains("Option 'value.avro-confluent.url' of table 'u' configures the format 'avro-confluent', but the table's value format", error.Problem);
    }

    [Fact]
    public async Task The_options_of_the_formats_a_table_uses_are_accepted()
    {
        await using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null });
        env.ExecuteSql($"CREATE TABLE a (id BIGINT, name STRING) WITH ({Kafka}, 'key.format' = 'avro-confluent', 'key.fields' = 'id', "
            + "'key.avro-confluent.url' = 'http://registry:8081', 'value.format' = 'json', 'value.json.ignore-parse-errors' = 'true')");
        env.ExecuteSql($"CREATE TABLE d (id BIGINT, name STRING) WITH ({Kafka}, 'format' = 'debezium-json', 'debezium-json.schema-include' = 'true')");
    }

    [Fact]
    public async Task Writing_debezium_json_with_its_schema_is_refused_when_the_insert_is_planned_as_flink_refuses_it()
    {
        await using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null });
        env.ExecuteSql($"CREATE TABLE d (id BIGINT, name STRING) WITH ({Kafka}, 'format' = 'debezium-json', 'debezium-json.schema-include' = 'true')");
        env.ExecuteSql("CREATE TABLE src (id BIGINT, name STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '3')");
        // Reading it is fine; writing it is not.
        Assert.IsType<ExplainTextResult>(env.ExecuteSql("EXPLAIN SELECT * FROM d"));
        var error = Planning(() => env.ExecuteSql("INSERT INTO d SELECT id, name FROM src"));
        Assert.StartsWith("Unable to create a sink for writing table 'default_catalog.default_database.d'.", error.Problem);
        Assert.Contains("Table 'd' cannot be written: Debezium JSON serialization doesn't support 'debezium-json.schema-include' option been set to true",
            error.Problem);
        Assert.Equal(13, error.Span.Column);
    }
}
