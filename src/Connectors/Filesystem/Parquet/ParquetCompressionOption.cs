using Parquet;

namespace StreamSql.Connectors.Filesystem.Parquet;

/// <summary><c>parquet.compression</c> (Flink's key; its values are parquet-mr's codec names) as Parquet.Net's codec.</summary>
internal static class ParquetCompressionOption
{
    public static CompressionMethod Parse(string value) => value.ToLowerInvariant() switch
    {
        "snappy" => CompressionMethod.Snappy,
        "gzip" => CompressionMethod.Gzip,
        "zstd" => CompressionMethod.Zstd,
        "lz4" => CompressionMethod.Lz4Raw,
        _ => CompressionMethod.None,
    };
}
