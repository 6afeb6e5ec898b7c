using StreamSql.Execution.Columns;
using System.Text;
using System.Text.RegularExpressions;
using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// <c>REGEXP_EXTRACT(s, 'literal pattern', group)</c> over a column: a value that lacks the text every match must
/// contain (<see cref="RequiredLiteral"/>) is NULL after a byte search of its UTF-8, without the regex engine. A
/// pattern of <see cref="Utf8Pattern"/>'s subset is then matched over the value's bytes and the group's bytes copied;
/// any other is matched by the regex engine (.NET's hands out groups only through a <see cref="Match"/> over a string,
/// so those values are decoded) and the group's characters are written straight into the result. NULL when the pattern
/// is invalid, nothing matches, or the group did not take part.
/// </summary>
internal sealed class RegexExtractKernel(VectorExpression operand, Regex? regex, Utf8Pattern? bytePattern, string? requiredLiteral, long group, SqlType type)
    : VectorExpression(type)
{
    private readonly byte[]? _required = requiredLiteral is null ? null : Encoding.UTF8.GetBytes(requiredLiteral);

    // How far before the required text's first occurrence a match can start (-1: unknown).
    private readonly int _maxBefore = requiredLiteral is null || bytePattern is null ? -1 : bytePattern.MaxBytesBefore(Encoding.UTF8.GetBytes(requiredLiteral));

    /// <summary>Whether values are matched over their UTF-8 bytes (the pattern is in <see cref="Utf8Pattern"/>'s subset).</summary>
    internal bool MatchesBytes => bytePattern is not null && regex is not null;

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        if (bytePattern is null || regex is null || group < 0 || group > bytePattern.GroupCount) return EvaluateWithRegex(input, context);
        int n = input.Length;
        var values = Utf8Column.Of(operand, input, context, out var keepAlive);
        if (values.AllNull) return ArrayBuild.Nulls(Type, n);
        var writer = ColumnBuilder.Create(Type, n);
        var required = _required;
        Span<int> groups = stackalloc int[2 * (bytePattern.GroupCount + 1)];
        int g = (int)group;
        if (required is not null && _maxBefore >= 0 && !values.IsConstant)
        {
            MatchNearRequired(values, n, required, groups, g, writer);
            GC.KeepAlive(keepAlive);
            return writer.Build();
        }
        for (int i = 0; i < n; i++)
        {
            if (values.IsNull(i))
            {
                writer.AppendNull();
                continue;
            }
            var value = values[i];
            if ((required is not null && value.IndexOf(required) < 0) || !bytePattern.TryMatch(value, groups))
            {
                writer.AppendNull();
                continue;
            }
            writer.AppendUtf8(value[groups[2 * g]..groups[2 * g + 1]]);
        }
        GC.KeepAlive(keepAlive);
        return writer.Build();
    }

    /// <summary>
    /// The required text searched over the rest of the value buffer at once rather than value by value: a value before
    /// its next occurrence is NULL without a search of its own, and a value holding it is matched only from
    /// <see cref="_maxBefore"/> bytes before it (no match starts earlier).
    /// </summary>
    private void MatchNearRequired(Utf8Column values, int n, byte[] required, Span<int> groups, int g, ColumnBuilder writer)
    {
        var offsets = values.Offsets;
        var data = values.Data;
        int last = offsets[n];
        int next = -1; // the first occurrence at or after the current value's start (int.MaxValue: none left)
        for (int i = 0; i < n; i++)
        {
            int s = offsets[i], e = offsets[i + 1];
            if (values.IsNull(i))
            {
                writer.AppendNull();
                continue;
            }
            if (next < s)
            {
                int at = data[s..last].IndexOf(required);
                next = at < 0 ? int.MaxValue : s + at;
            }
            // An occurrence that ends past the value belongs to later values (one starting later would end later still).
            if (next > e - required.Length)
            {
                writer.AppendNull();
                continue;
            }
            var value = data[s..e];
            if (!bytePattern!.TryMatch(value, groups, Math.Max(0, next - s - _maxBefore)))
            {
                writer.AppendNull();
                continue;
            }
            writer.AppendUtf8(value[groups[2 * g]..groups[2 * g + 1]]);
        }
    }

    private IArrowArray EvaluateWithRegex(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var values = Utf8Column.Of(operand, input, context, out var keepAlive);
        if (values.AllNull || regex is null || group < 0) return ArrayBuild.Nulls(Type, n);
        var writer = ColumnBuilder.Create(Type, n);
        var required = _required;
        var scratch = new byte[256];
        for (int i = 0; i < n; i++)
        {
            if (values.IsNull(i))
            {
                writer.AppendNull();
                continue;
            }
            var value = values[i];
            if (required is not null && value.IndexOf(required) < 0)
            {
                writer.AppendNull();
                continue;
            }
            var m = regex.Match(Encoding.UTF8.GetString(value));
            if (!m.Success || group >= m.Groups.Count || !m.Groups[(int)group].Success)
            {
                writer.AppendNull();
                continue;
            }
            var chars = m.Groups[(int)group].ValueSpan;
            int max = Encoding.UTF8.GetMaxByteCount(chars.Length);
            if (max > scratch.Length) scratch = new byte[Math.Max(max, scratch.Length * 2)];
            int length = Encoding.UTF8.GetBytes(chars, scratch);
            writer.AppendUtf8(scratch.AsSpan(0, length));
        }
        GC.KeepAlive(keepAlive);
        return writer.Build();
    }
}
