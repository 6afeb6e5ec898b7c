namespace StreamSql.Soak.Pipelines;

/// <summary>The rows of a filesystem CSV table a <see cref="StatefulSequenceQuery"/> joins as <c>{dim}</c>: its columns and
/// its lines, written by the harness before the first run.</summary>
public sealed record LookupTable(string Columns, IReadOnlyList<string> Lines);
