using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Connectors.Tests.TestTables;

namespace StreamSql.Connectors.Tests;

public sealed class OptionValidationTests
{
    private static readonly (string, SqlType)[] Columns = { ("id", SqlType.BigInt), ("name", SqlType.String) };

    private static ConnectorOptionException Fails(string connector, params (string, string)[] options)
    {
        var all = new List<(string, string)> { ("connector", connector) };
        all.AddRange(options);
        var table = Table("t", Columns, all.ToArray());
        var descriptor = BuiltInConnectors.CreateRegistry().Find(connector)!;
        return Assert.Throws<ConnectorOptionException>(() => descriptor.Validate(table));
    }

    [Fact]
    public void Registry_has_every_builtin_connector() =>
        Assert.Equal(new[] { "blackhole", "datagen", "filesystem", "jdbc", "kafka", "nexmark", "postgres-cdc", "print", "upsert-kafka" }, BuiltInConnectors.CreateRegistry().Identifiers);

    [Fact]
    public void Memory_sizes_take_Flinks_units_and_a_size_too_large_is_an_error_naming_the_option()
    {
        Assert.Equal(3L << 30, Common.MemorySize.Parse("3gb"));
        Assert.Equal(2L << 40, Common.MemorySize.Parse("2 tebibytes"));
        Assert.Equal(128L << 20, Common.MemorySize.Parse("128mb"));
        var table = Table("t", Columns, ("connector", "filesystem"), ("path", "/tmp/x"), ("format", "csv"), ("sink.rolling-policy.file-size", "4gb"));
        BuiltInConnectors.CreateRegistry().Find("filesystem")!.Validate(table);
        Assert.Equal(4L << 30, new Common.TableOptions(table).Get(Filesystem.FilesystemOptions.RollingFileSize));

        Assert.Equal("sink.rolling-policy.file-size",
            Fails("filesystem", ("path", "/tmp/x"), ("format", "csv"), ("sink.rolling-policy.file-size", "99999999999tb")).OptionKey);
        Assert.Equal("sink.rolling-policy.file-size",
            Fails("filesystem", ("path", "/tmp/x"), ("format", "csv"), ("sink.rolling-policy.file-size", "2pb")).OptionKey);
        var e = Fails("nexmark", ("bid.avg-size", "3gb"));
        Assert.Equal("bid.avg-size", e.OptionKey);
        Assert.Contains("too large", e.Message);
    }

    [Fact]
    public void Unknown_option_is_named()
    {
        var e = Fails("datagen", ("rows-per-sec", "5"));
        Assert.Equal("rows-per-sec", e.OptionKey);
        Assert.Contains("rows-per-second", e.Message); // lists what is supported
    }

    [Fact]
    public void Invalid_value_is_named()
    {
        Assert.Equal("rows-per-second", Fails("datagen", ("rows-per-second", "fast")).OptionKey);
        Assert.Equal("standard-error", Fails("print", ("standard-error", "yes")).OptionKey);
        Assert.Equal("table", Fails("nexmark", ("table", "bids")).OptionKey);
        Assert.Equal("format", Fails("filesystem", ("path", "/tmp/x"), ("format", "xml")).OptionKey);
    }

    [Fact]
    public void Missing_required_option_is_named()
    {
        Assert.Equal("path", Fails("filesystem", ("format", "csv")).OptionKey);
        Assert.Equal("format", Fails("filesystem", ("path", "/tmp/x")).OptionKey);
    }

    [Fact]
    public void Datagen_field_option_for_missing_column_is_named()
    {
        var e = Fails("datagen", ("fields.nope.kind", "sequence"));
        Assert.Equal("fields.nope.kind", e.OptionKey);
        Assert.Contains("nope", e.Message);
    }

    [Fact]
    public void Datagen_sequence_needs_start_and_end()
    {
        Assert.Equal("fields.id.start", Fails("datagen", ("fields.id.kind", "sequence"), ("fields.id.end", "10")).OptionKey);
        Assert.Equal("fields.id.end", Fails("datagen", ("fields.id.kind", "sequence"), ("fields.id.start", "1")).OptionKey);
        Assert.Equal("fields.id.kind", Fails("datagen", ("fields.id.kind", "sometimes")).OptionKey);
        Assert.Equal("fields.id.min", Fails("datagen", ("fields.id.min", "ten")).OptionKey);
        Assert.Equal("fields.name.null-rate", Fails("datagen", ("fields.name.null-rate", "2")).OptionKey);
    }

    [Fact]
    public void Valid_tables_pass()
    {
        var registry = BuiltInConnectors.CreateRegistry();
        registry.Find("datagen")!.Validate(Table("t", Columns, ("connector", "datagen"), ("fields.id.kind", "sequence"),
            ("fields.id.start", "1"), ("fields.id.end", "5"), ("fields.name.length", "3"), ("number-of-rows", "3")));
        registry.Find("print")!.Validate(Table("t", Columns, ("connector", "print"), ("print-identifier", "x"), ("sink.parallelism", "2")));
        registry.Find("blackhole")!.Validate(Table("t", Columns, ("connector", "blackhole")));
        registry.Find("filesystem")!.Validate(Table("t", Columns, ("connector", "filesystem"), ("path", "/tmp/x"), ("format", "csv"),
            ("csv.field-delimiter", "|"), ("csv.ignore-parse-errors", "true")));
    }

    [Fact]
    public void Nexmark_entity_table_rejects_unknown_columns()
    {
        var table = Table("bid", new[] { ("auction", SqlType.BigInt), ("bogus", SqlType.BigInt) }, ("connector", "nexmark"), ("table", "bid"));
        var e = Assert.Throws<ConnectorOptionException>(() => BuiltInConnectors.CreateRegistry().Find("nexmark")!.Validate(table));
        Assert.Contains("bogus", e.Message);
    }

    [Fact]
    public void Boundedness_follows_the_options()
    {
        var registry = BuiltInConnectors.CreateRegistry();
        Assert.False(registry.Find("datagen")!.IsBounded(Table("t", Columns, ("connector", "datagen"))));
        Assert.True(registry.Find("datagen")!.IsBounded(Table("t", Columns, ("connector", "datagen"), ("number-of-rows", "5"))));
        Assert.True(registry.Find("datagen")!.IsBounded(Table("t", Columns, ("connector", "datagen"), ("fields.id.kind", "sequence"), ("fields.id.start", "1"), ("fields.id.end", "2"))));
        Assert.True(registry.Find("nexmark")!.IsBounded(Table("t", Columns, ("connector", "nexmark"), ("events.num", "5"))));
        Assert.False(registry.Find("nexmark")!.IsBounded(Table("t", Columns, ("connector", "nexmark"))));
        Assert.Equal(ChangelogMode.All, registry.Find("print")!.SinkChangelogMode(Table("t", Columns, ("connector", "print"))));
        Assert.Equal(ChangelogMode.InsertOnly, registry.Find("filesystem")!.SinkChangelogMode(Table("t", Columns, ("connector", "filesystem"))));
    }
}
