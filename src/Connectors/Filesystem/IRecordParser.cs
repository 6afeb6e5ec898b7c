using StreamSql.Connectors.Common;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Filesystem;

/// <summary>Parses one record (a line) into one row of the output columns; returns an error message instead of throwing.</summary>
internal interface IRecordParser
{
    /// <summary>Appends one value to every column, or returns why the record is malformed (the caller then truncates).</summary>
    string? TryAppend(ReadOnlySpan<byte> record, ColumnBuilder[] columns);

    /// <summary>Whether the record is a comment or blank line to skip.</summary>
    bool IsSkipped(ReadOnlySpan<byte> record);
}
