using Apache.Arrow;
using Npgsql;
using StreamSql.Connectors.Postgres;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Operators;
using StreamSql.Execution.Types;
using StreamSql.Postgres.Tests.Fixture;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using SqlType = StreamSql.Sql.Planner.Types.SqlType;

namespace StreamSql.Postgres.Tests.Cdc;

/// <summary>Drives a postgres-cdc reader by hand over a table <c>items (id, g, v)</c>: open (restored from a position),
/// read until the output replayed equals the table.</summary>
internal static class CdcSnapshotHarness
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static CatalogTable Table(string db, string slot, SqlType? idType = null, string mode = "all", IReadOnlyDictionary<string, string>? extra = null)
    {
        var b = new NpgsqlConnectionStringBuilder(db);
        var options = new Dictionary<string, string>
        {
            ["connector"] = "postgres-cdc", ["hostname"] = b.Host!, ["port"] = b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["username"] = b.Username!, ["password"] = b.Password ?? "", ["database-name"] = b.Database!, ["schema-name"] = "public",
            ["table-name"] = "items", ["slot.name"] = slot, ["changelog-mode"] = mode,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) options[key] = value;
        return new CatalogTable("items",
            new List<TableColumn> { new PhysicalColumn("id", (idType ?? SqlType.Int).AsNotNull()), new PhysicalColumn("g", SqlType.Int), new PhysicalColumn("v", SqlType.BigInt) },
            null, ["id"], [], options, null, false);
    }

    public static async Task<PostgresCdcReader> OpenAsync(CatalogTable table, int batchRows, byte[]? restore = null)
    {
        new PostgresCdcConnector().Validate(table);
        var reader = (PostgresCdcReader)new PostgresCdcConnector().CreateReader();
        await reader.OpenAsync(new SourceReaderContext(table, [0, 1, 2], [], ArrowTypeMapping.ToArrowSchema(table.PhysicalSchema), 0, 1, batchRows,
            Configuration.Empty, SystemClock.Instance), CancellationToken.None);
        if (restore is not null) reader.RestorePositions([restore]);
        return reader;
    }

    public static async Task<List<string>> TableAsync(string db) =>
        (await Pg.RowsAsync(db, "SELECT id, g, v FROM items")).Order(StringComparer.Ordinal).ToList();

    /// <summary>Reads until the replica equals the table (or gives up).</summary>
    public static async Task CatchUpAsync(PostgresCdcReader reader, ICdcReplica replica, string db)
    {
        var expected = await TableAsync(db);
        var deadline = DateTime.UtcNow + Patience;
        while (!replica.Sorted().SequenceEqual(expected))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the output holds {replica.Count} rows, the table {expected.Count}");
            var batch = await reader.ReadChangesAsync(CancellationToken.None);
            Assert.NotNull(batch);
            replica.Apply(batch);
        }
    }
}

/// <summary>The rows emitted so far, by id, with every change applied (a retraction must find the row it retracts).
/// In upsert mode (<paramref name="upsert"/>) <c>+I</c>/<c>+U</c> set the row of their key and <c>-D</c> (which may
/// carry the key alone) removes it: a change repeated goes unseen there, but a change lost still shows.</summary>
internal sealed class CdcReplica(bool upsert = false) : ICdcReplica
{
    public int Count => Rows.Count;

    public Dictionary<string, string> Rows { get; } = new(StringComparer.Ordinal);

    public void Apply(Batch batch)
    {
        var column = batch.Data.Column(0);
        var groups = (Int32Array)batch.Data.Column(1);
        var values = (Int64Array)batch.Data.Column(2);
        for (int r = 0; r < batch.Length; r++)
        {
            var kind = batch.RowKinds is { } kinds ? kinds[r] : RowKind.Insert;
            string id = column is StringArray text ? text.GetString(r) : ((Int32Array)column).GetValue(r)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string row = $"{groups.GetValue(r)}|{values.GetValue(r)}";
            if (kind.IsRetraction())
            {
                Assert.True(Rows.TryGetValue(id, out var held), $"{kind.ShortString()} of id {id}, which is not in the output");
                if (!upsert) Assert.Equal(held, row);
                Rows.Remove(id);
            }
            else if (upsert) Rows[id] = row;
            else Assert.True(Rows.TryAdd(id, row), $"{kind.ShortString()} of id {id}, which is already in the output as {Rows.GetValueOrDefault(id)}");
        }
    }

    public List<string> Sorted() => Rows.Select(r => $"{r.Key}|{r.Value}").Order(StringComparer.Ordinal).ToList();
}

/// <summary>The output replayed onto the rows emitted so far.</summary>
internal interface ICdcReplica
{
    int Count { get; }

    void Apply(Batch batch);

    /// <summary>The rows as <c>id|g|v</c>, ordered.</summary>
    List<string> Sorted();
}

/// <summary>The rows emitted so far as a multiset of whole rows, for a table without a key: a retraction must find a row
/// equal to it; a row seen twice stays twice and never equals the table.</summary>
internal sealed class CdcMultisetReplica : ICdcReplica
{
    private readonly Dictionary<string, int> _rows = new(StringComparer.Ordinal);

    public int Count => _rows.Values.Sum();

    public void Apply(Batch batch)
    {
        var ids = (Int32Array)batch.Data.Column(0);
        var groups = (Int32Array)batch.Data.Column(1);
        var values = (Int64Array)batch.Data.Column(2);
        for (int r = 0; r < batch.Length; r++)
        {
            var kind = batch.RowKinds is { } kinds ? kinds[r] : RowKind.Insert;
            string row = $"{ids.GetValue(r)}|{groups.GetValue(r)}|{values.GetValue(r)}";
            if (kind.IsRetraction())
            {
                Assert.True(_rows.GetValueOrDefault(row) > 0, $"{kind.ShortString()} of row {row}, which is not in the output");
                if (--_rows[row] == 0) _rows.Remove(row);
            }
            else _rows[row] = _rows.GetValueOrDefault(row) + 1;
        }
    }

    public List<string> Sorted() => _rows.SelectMany(r => Enumerable.Repeat(r.Key, r.Value)).Order(StringComparer.Ordinal).ToList();
}
