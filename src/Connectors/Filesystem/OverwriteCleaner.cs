namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// <c>INSERT OVERWRITE</c> into a filesystem table: before the job's first part file becomes visible in a directory (the
/// table's, or a partition's), the data files it held are deleted, once, whichever subtask commits there first — so the
/// directory ends with this job's files only (Flink's overwrite: the table, or each partition written, is replaced).
/// Hidden files (<c>.</c>, <c>_</c>) and subdirectories are left alone: in-progress files of other jobs, success files,
/// and the partitions of a partitioned table, which are replaced one by one as they are written.
/// </summary>
internal sealed class OverwriteCleaner
{
    private readonly HashSet<string> _cleaned = new(StringComparer.Ordinal);

    public void BeforeFirstCommitInto(string directory, TextWriter diagnostics)
    {
        lock (_cleaned)
        {
            if (!_cleaned.Add(Path.GetFullPath(directory)) || !Directory.Exists(directory)) return;
            foreach (var file in Directory.EnumerateFiles(directory))
            {
                var name = Path.GetFileName(file);
                if (name.StartsWith('.') || name.StartsWith('_')) continue;
                try
                {
                    File.Delete(file);
                }
                catch (IOException e)
                {
                    diagnostics.WriteLine($"[WARNING] INSERT OVERWRITE could not delete '{file}': {e.Message}");
                }
            }
        }
    }
}
