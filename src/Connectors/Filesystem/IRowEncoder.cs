using StreamSql.Execution.Batches;

namespace StreamSql.Connectors.Filesystem;

/// <summary>Writes the rows of a batch in a file format (one record per line).</summary>
internal interface IRowEncoder
{
    void Write(Batch batch, int row, Stream output);
}
