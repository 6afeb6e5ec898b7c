using System.Globalization;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// The metadata a filesystem source reads (<c>METADATA FROM 'file.path'</c>), Flink's <c>FileSystemTableSource.ReadableFileInfo</c>:
/// the file's path (without scheme, as <c>Path.getPath()</c>), name, size in bytes and last modification time; the same
/// for every row of a file.
/// </summary>
internal static class FilesystemMetadata
{
    public const string FilePath = "file.path";
    public const string FileName = "file.name";
    public const string FileSize = "file.size";
    public const string ModificationTime = "file.modification-time";

    public static IReadOnlyDictionary<string, SqlType> Readable { get; } = new Dictionary<string, SqlType>
    {
        [FilePath] = SqlType.String.AsNotNull(),
        [FileName] = SqlType.String.AsNotNull(),
        [FileSize] = SqlType.BigInt.AsNotNull(),
        [ModificationTime] = SqlType.TimestampLtz(3).AsNotNull(),
    };

    /// <summary>The value of <paramref name="key"/> for <paramref name="file"/> (a full local path), as text the column's
    /// type reads (a time as its UTC wall clock, which is the instant of a TIMESTAMP_LTZ).</summary>
    public static string Text(string key, string file) => key switch
    {
        FilePath => file,
        FileName => Path.GetFileName(file),
        FileSize => new FileInfo(file).Length.ToString(CultureInfo.InvariantCulture),
        ModificationTime => DateTimeOffset.FromUnixTimeMilliseconds(new DateTimeOffset(File.GetLastWriteTimeUtc(file)).ToUnixTimeMilliseconds())
            .UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"unknown filesystem metadata key '{key}'", nameof(key)),
    };
}
