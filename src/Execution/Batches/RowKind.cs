namespace StreamSql.Execution.Batches;

/// <summary>The change a row of an updating stream describes (Flink's <c>RowKind</c>, with its byte values).</summary>
public enum RowKind : byte
{
    /// <summary><c>+I</c>: a new row.</summary>
    Insert = 0,
    /// <summary><c>-U</c>: the previous content of an updated row.</summary>
    UpdateBefore = 1,
    /// <summary><c>+U</c>: the new content of an updated row.</summary>
    UpdateAfter = 2,
    /// <summary><c>-D</c>: a removed row.</summary>
    Delete = 3,
}

public static class RowKindExtensions
{
    /// <summary>Flink's short string: <c>+I</c>, <c>-U</c>, <c>+U</c>, <c>-D</c>.</summary>
    public static string ShortString(this RowKind kind) => kind switch
    {
        RowKind.Insert => "+I",
        RowKind.UpdateBefore => "-U",
        RowKind.UpdateAfter => "+U",
        RowKind.Delete => "-D",
        _ => "?",
    };

    public static bool IsRetraction(this RowKind kind) => kind is RowKind.UpdateBefore or RowKind.Delete;
}
