namespace StreamSql.Tests.Differential;

/// <summary>An expression written for both engines: the Flink dialect the engine reads, and DuckDB's equivalent.</summary>
internal sealed record DualSql(string Engine, string DuckDb)
{
    public static DualSql Same(string sql) => new(sql, sql);

    public DualSql Wrap(string enginePattern, string duckDbPattern) =>
        new(string.Format(System.Globalization.CultureInfo.InvariantCulture, enginePattern, Engine),
            string.Format(System.Globalization.CultureInfo.InvariantCulture, duckDbPattern, DuckDb));

    public static DualSql Join(string separator, IEnumerable<DualSql> parts)
    {
        var list = parts.ToList();
        return new(string.Join(separator, list.Select(p => p.Engine)), string.Join(separator, list.Select(p => p.DuckDb)));
    }
}
