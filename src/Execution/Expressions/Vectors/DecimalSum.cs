namespace StreamSql.Execution.Expressions.Vectors;

/// <summary>
/// A running sum of DECIMAL(p, s) values as unscaled 128-bit integers, typed as Flink types SUM over DECIMAL(p, s):
/// DECIMAL(38, s) (<c>LogicalTypeMerging.findSumAggType</c>). Values are added and retracted at the operand's scale s,
/// so the sum never rescales; a step whose result leaves 38 digits fails (Flink's <c>plus</c> gives null there) and
/// leaves the sum as it was, so the accumulator decides what its SQL result is.
/// </summary>
internal struct DecimalSum
{
    public const int Precision = Sql.Planner.Types.DecimalValue.MaxPrecision;

    /// <summary>The sum, unscaled at the operand's scale (0 while nothing was added).</summary>
    public Int128 Unscaled { get; private set; }

    /// <summary>Adds <paramref name="unscaled"/> (at the same scale); false when the sum would leave DECIMAL(38, s).</summary>
    public bool TryAdd(Int128 unscaled) => TryUpdate(unscaled, subtract: false);

    /// <summary>Takes back a value added before (for retractions); false when the sum would leave DECIMAL(38, s).</summary>
    public bool TryRetract(Int128 unscaled) => TryUpdate(unscaled, subtract: true);

    private bool TryUpdate(Int128 unscaled, bool subtract)
    {
        var a = Unscaled;
        var sum = subtract ? a - unscaled : a + unscaled;
        // Two terms below 10^38 can reach 2·10^38, past Int128.MaxValue (1.7·10^38): check the wrap before the digits.
        bool wrapped = subtract ? ((a ^ unscaled) & (a ^ sum)) < 0 : ((a ^ sum) & (unscaled ^ sum)) < 0;
        if (wrapped || !DecimalMath.Fits(sum, Precision)) return false;
        Unscaled = sum;
        return true;
    }
}
