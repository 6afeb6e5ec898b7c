using System.Globalization;
using StreamSql.Execution.Checkpointing;

namespace StreamSql;

/// <summary>How checkpoints are shown in SHOW JOBS, SHOW CHECKPOINTS and DESCRIBE SAVEPOINT cells.</summary>
internal static class CheckpointTexts
{
    /// <summary><c>CHECKPOINT</c> or <c>SAVEPOINT</c>.</summary>
    public static string Kind(bool isSavepoint) => isSavepoint ? "SAVEPOINT" : "CHECKPOINT";

    /// <summary>Whole milliseconds: <c>153 ms</c>.</summary>
    public static string Duration(TimeSpan duration) =>
        ((long)Math.Round(duration.TotalMilliseconds, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture) + " ms";

    /// <summary>Bytes below 1 KiB (<c>512 B</c>), else one decimal in the largest unit that keeps it at least 1
    /// (<c>43.9 MB</c>), 1024-based like Flink's web UI.</summary>
    public static string Size(long bytes)
    {
        if (bytes < 1024) return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        string[] units = { "KB", "MB", "GB", "TB" };
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return value.ToString("0.0", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    /// <summary>The bytes of keyed and of operator state files an operator's entry references.</summary>
    public static (long Keyed, long Operator) StateSizes(OperatorStateEntry entry)
    {
        long keyed = 0, operatorState = 0;
        foreach (var subtask in entry.Subtasks)
        {
            if (subtask.Keyed is { } handle)
                foreach (var file in handle.Files) keyed += file.Size;
            if (subtask.OperatorState is { } file2) operatorState += file2.Size;
        }
        return (keyed, operatorState);
    }
}
