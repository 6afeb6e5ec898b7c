using System.Buffers;
using System.Text.Json;
using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels.Json;

/// <summary>
/// The result of <c>JSON_ARRAYAGG</c> / <c>JSON_OBJECTAGG</c> from the ARRAY_AGG of each row's <c>JSON_ARRAY(x)</c> /
/// <c>JSON_ARRAY(k, v)</c> text (see the planner's AggregateBinder): the items joined into one array, or the pairs into
/// one object; <c>[]</c> / <c>{}</c> for a group without values, as Flink's JsonArrayAggFunction / JsonObjectAggFunction
/// give. An object's members come sorted by key (Flink's follow its state map's order, which depends on the state
/// backend); a key given twice fails the job with Flink's message, and so does a NULL key.
/// </summary>
internal sealed class JsonAggregateTextKernel(VectorExpression operand, bool isObject, SqlType type) : VectorExpression(type)
{
    private readonly ArrayBufferWriter<byte> _output = new();
    private (int Start, int KeyLength)[] _members = new (int, int)[16];

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var lists = (ListArray)operand.Evaluate(input, context);
        var texts = (StringArray)lists.Values;
        var builder = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            _output.ResetWrittenCount();
            Write(isObject ? (byte)'{' : (byte)'[');
            if (!lists.IsNull(i))
            {
                int first = lists.ValueOffsets[i], end = lists.ValueOffsets[i + 1];
                if (isObject) WriteMembers(texts, first, end);
                else WriteItems(texts, first, end);
            }
            Write(isObject ? (byte)'}' : (byte)']');
            builder.AppendUtf8(_output.WrittenSpan);
        }
        return builder.Build();
    }

    private void WriteItems(StringArray texts, int first, int end)
    {
        bool any = false;
        for (int e = first; e < end; e++)
        {
            var inside = Inside(texts.GetBytes(e));
            if (inside.IsEmpty) continue;
            if (any) Write((byte)',');
            _output.Write(inside);
            any = true;
        }
    }

    private void WriteMembers(StringArray texts, int first, int end)
    {
        int count = end - first;
        if (_members.Length < count) _members = new (int, int)[count];
        for (int e = first; e < end; e++) _members[e - first] = (e, KeyLength(Inside(texts.GetBytes(e))));
        var members = _members.AsSpan(0, count);
        members.Sort((a, b) => Key(texts, a).SequenceCompareTo(Key(texts, b)));
        for (int m = 0; m < members.Length; m++)
        {
            var key = Key(texts, members[m]);
            if (m > 0)
            {
                if (key.SequenceEqual(Key(texts, members[m - 1])))
                    throw new ExpressionEvaluationException(
                        $"Key '{JsonSerializer.Deserialize<string>(key)}' is already present. Duplicate keys are not allowed in JSON_OBJECTAGG. Please ensure that keys are unique.");
                Write((byte)',');
            }
            _output.Write(key);
            Write((byte)':');
            _output.Write(Inside(texts.GetBytes(members[m].Start))[(key.Length + 1)..]);
        }
    }

    /// <summary>A pair's key as its JSON string token (quotes included).</summary>
    private static ReadOnlySpan<byte> Key(StringArray texts, (int Start, int KeyLength) member) =>
        Inside(texts.GetBytes(member.Start))[..member.KeyLength];

    /// <summary>The length of the JSON string token that starts <paramref name="pair"/> (<c>"k",v</c>); a NULL key
    /// (<c>null,v</c>) fails the job.</summary>
    private static int KeyLength(ReadOnlySpan<byte> pair)
    {
        if (pair[0] != '"') throw new ExpressionEvaluationException("The key of JSON_OBJECTAGG must not be NULL");
        for (int i = 1; i < pair.Length; i++)
        {
            if (pair[i] == '\\') i++;
            else if (pair[i] == '"') return i + 1;
        }
        throw new InvalidOperationException("a JSON_OBJECTAGG pair without a key");
    }

    /// <summary>What is between the brackets of a JSON_ARRAY text.</summary>
    private static ReadOnlySpan<byte> Inside(ReadOnlySpan<byte> text) => text[1..^1];

    private void Write(byte b)
    {
        _output.GetSpan(1)[0] = b;
        _output.Advance(1);
    }
}
