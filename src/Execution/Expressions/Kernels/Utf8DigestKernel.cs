using System.Security.Cryptography;
using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// <c>MD5</c>, <c>SHA1</c>, <c>SHA224</c>, <c>SHA256</c>, <c>SHA384</c>, <c>SHA512</c> and <c>SHA2(s, bits)</c>: the digest of
/// each value's UTF-8 bytes as lower-case hex, as Flink's; hashed from the Arrow buffer into stack memory, no string per
/// row. SHA2's bit length picks SHA-224/256/384/512; any other fails the job.
/// </summary>
internal sealed class Utf8DigestKernel : VectorExpression
{
    private readonly VectorExpression _text;
    private readonly VectorExpression? _bits;
    private readonly int _fixedBits;

    /// <param name="algorithm">MD5, SHA1, SHA224, SHA256, SHA384, SHA512, or SHA2 (then <paramref name="bits"/> says which).</param>
    public Utf8DigestKernel(string algorithm, VectorExpression text, VectorExpression? bits, SqlType type) : base(type)
    {
        _text = text;
        _bits = bits;
        _fixedBits = algorithm switch
        {
            "MD5" => Md5,
            "SHA1" => Sha1,
            "SHA224" => 224,
            "SHA256" => 256,
            "SHA384" => 384,
            "SHA512" => 512,
            _ => 0,
        };
    }

    private const int Md5 = 128;
    private const int Sha1 = 160;

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var text = Utf8Column.Of(_text, input, context, out var keepText);
        if (text.AllNull) return ArrayBuild.Nulls(Type, n);
        ColumnReader? bits = _bits?.EvaluateReader(input, context);
        var builder = ColumnBuilder.Create(Type, n);
        Span<byte> digest = stackalloc byte[64];
        Span<byte> hex = stackalloc byte[128];
        for (int i = 0; i < n; i++)
        {
            if (text.IsNull(i) || bits is not null && bits.IsNull(i)) { builder.AppendNull(); continue; }
            int algorithm = bits is null ? _fixedBits : (int)bits.GetInt64(i);
            int length = Hash(algorithm, text[i], digest);
            for (int b = 0; b < length; b++)
            {
                hex[2 * b] = HexDigit(digest[b] >> 4);
                hex[2 * b + 1] = HexDigit(digest[b] & 0xF);
            }
            builder.AppendUtf8(hex[..(2 * length)]);
        }
        GC.KeepAlive(keepText);
        return builder.Build();
    }

    private static byte HexDigit(int v) => (byte)(v < 10 ? '0' + v : 'a' + v - 10);

    private static int Hash(int algorithm, ReadOnlySpan<byte> data, Span<byte> digest) => algorithm switch
    {
        Md5 => MD5.HashData(data, digest),
        Sha1 => SHA1.HashData(data, digest),
        224 => Sha224.HashData(data, digest),
        256 => SHA256.HashData(data, digest),
        384 => SHA384.HashData(data, digest),
        512 => SHA512.HashData(data, digest),
        _ => throw new ExpressionEvaluationException($"SHA2 takes a bit length of 224, 256, 384 or 512, not {algorithm}"),
    };
}
