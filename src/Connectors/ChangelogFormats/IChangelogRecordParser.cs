using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.ChangelogFormats;

/// <summary>
/// Decodes one change-data message (a Kafka record value, a line of a file) into the rows it describes: none (a DDL event,
/// a filtered table), one (an insert, a delete) or more (an update's before and after images, canal's row arrays).
/// </summary>
internal interface IChangelogRecordParser
{
    /// <summary>
    /// Appends the message's rows to <paramref name="columns"/> and their kinds to <paramref name="kinds"/>, or returns why
    /// the message is malformed (the caller then truncates both to where they were).
    /// </summary>
    string? TryAppend(ReadOnlySpan<byte> message, ColumnBuilder[] columns, RowKindList kinds);

    /// <summary>The format metadata of the last message read (filled when <see cref="ChangeMetadata.Wanted"/>).</summary>
    ChangeMetadata Metadata { get; }

    /// <summary>The option that skips malformed messages (<c>debezium-json.ignore-parse-errors</c>), for errors.</summary>
    string IgnoreOption { get; }
}
