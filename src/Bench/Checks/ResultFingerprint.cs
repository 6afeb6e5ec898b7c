using System.Globalization;

namespace StreamSql.Bench.Checks;

/// <summary>
/// An order-independent digest of a multiset of rows: the number of rows and two sums of 64-bit row hashes (wrapping).
/// A retraction (<c>-U</c>, <c>-D</c>) subtracts its row, so the digest of a changelog is the digest of the final
/// table. Two results with equal digests hold the same rows with overwhelming probability; row order does not count.
/// </summary>
public readonly record struct ResultFingerprint(long Rows, ulong Sum, ulong MixedSum)
{
    public static readonly ResultFingerprint Empty = default;

    /// <summary>Adds (<paramref name="sign"/> = 1) or removes (-1) one row whose hash is <paramref name="rowHash"/>.</summary>
    public ResultFingerprint With(ulong rowHash, int sign = 1) => sign >= 0
        ? new(Rows + 1, Sum + rowHash, MixedSum + ValueHash.Mix(rowHash ^ 0x5bd1e9955bd1e995UL))
        : new(Rows - 1, Sum - rowHash, MixedSum - ValueHash.Mix(rowHash ^ 0x5bd1e9955bd1e995UL));

    /// <summary>The union of two digests (e.g. of two subtasks' outputs).</summary>
    public ResultFingerprint Plus(ResultFingerprint other) => new(Rows + other.Rows, Sum + other.Sum, MixedSum + other.MixedSum);

    public override string ToString() =>
        $"{Rows.ToString("N0", CultureInfo.InvariantCulture)} rows, digest {Sum:x16}{MixedSum:x16}";
}

/// <summary>Accumulates a <see cref="ResultFingerprint"/> from several threads.</summary>
public sealed class FingerprintAccumulator
{
    private readonly object _lock = new();
    private ResultFingerprint _value;

    public ResultFingerprint Value
    {
        get { lock (_lock) return _value; }
    }

    public void Add(ResultFingerprint part)
    {
        lock (_lock) _value = _value.Plus(part);
    }

    public void Reset()
    {
        lock (_lock) _value = ResultFingerprint.Empty;
    }
}
