using System.Reflection;
using Parquet;
using Parquet.Meta;

namespace StreamSql.Connectors.Filesystem.Parquet;

/// <summary>
/// The schema elements a <see cref="ParquetWriter"/> will put in its footer. Parquet.Net derives logical types from the
/// CLR type of the values, so writing DECIMAL, DATE, TIME and TIMESTAMP in their physical form (int32/int64/bytes, no
/// per-value conversion to decimal or DateTime, and all 38 digits) needs the annotations set here, before the footer is
/// written at dispose. Parquet.Net keeps the footer private: this reaches it by name, and the DuckDB read-back tests fail
/// loudly if an upgrade moves it.
/// </summary>
internal static class ParquetFooter
{
    private static readonly FieldInfo? FooterField = typeof(ParquetWriter).GetField("_footer", BindingFlags.NonPublic | BindingFlags.Instance);
    private static readonly FieldInfo? MetaField = FooterField?.FieldType.GetField("_fileMeta", BindingFlags.NonPublic | BindingFlags.Instance);

    /// <summary>The schema elements below the root, depth first (a flat schema's leaves in column order).</summary>
    public static IReadOnlyList<SchemaElement> Columns(ParquetWriter writer)
    {
        var meta = Meta(writer);
        return meta.Schema.GetRange(1, meta.Schema.Count - 1);
    }

    /// <summary>Every schema element, the root first (tests rearrange it to lay out files as other writers do).</summary>
    public static List<SchemaElement> Schema(ParquetWriter writer) => Meta(writer).Schema;

    /// <summary>The metadata of the row group written last (its column chunks' statistics can still be set).</summary>
    public static RowGroup LastRowGroup(ParquetWriter writer) => Meta(writer).RowGroups[^1];

    private static FileMetaData Meta(ParquetWriter writer) =>
        FooterField?.GetValue(writer) is { } footer && MetaField?.GetValue(footer) is FileMetaData meta ? meta
            : throw new InvalidOperationException("This version of Parquet.Net does not expose its footer as 6.1.0 does; the parquet format needs it to annotate column types.");
}
