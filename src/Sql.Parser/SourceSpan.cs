namespace StreamSql.Sql.Parser;

/// <summary>A region of SQL text: 1-based line and column of its first character, and its length in characters.</summary>
/// <remarks>Offsets are 0-based character offsets into the whole text, so a caller can cut the source line back out.</remarks>
public readonly record struct SourceSpan(int Line, int Column, int StartOffset, int EndOffset)
{
    public static readonly SourceSpan None = new(0, 0, 0, 0);
    public int Length => Math.Max(1, EndOffset - StartOffset);
    public override string ToString() => $"{Line}:{Column}";
}
