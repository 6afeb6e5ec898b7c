using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions.Kernels.Nested;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels.Collections;

/// <summary>
/// PERCENTILE's result (see the planner's AggregateBinder): the percentiles of a group's ARRAY_AGG list of DOUBLE values
/// (never NULL ones), computed as Flink's PercentileAggFunction: the values sorted (NaN last, as Java's Double order), the
/// 1-based position <c>p * (count - 1) + 1</c>, and between the values at its floor and ceiling the linear interpolation
/// <c>(higher - position) * lowerValue + (position - lower) * higherValue</c>, or the value itself when both are equal.
/// One DOUBLE, or an ARRAY&lt;DOUBLE&gt; with <paramref name="many"/>; NULL for a group without values.
/// </summary>
internal sealed class PercentileKernel(VectorExpression list, double[] percentages, bool many, SqlType type) : VectorExpression(type)
{
    private double[] _sorted = new double[64];

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var column = new ListColumn(list.Evaluate(input, context).Data);
        var values = ((DoubleArray)ArrowArrayFactory.BuildArray(column.Child)).Values;
        var builder = ColumnBuilder.Create(Type, n);
        var listBuilder = many ? (ListColumnBuilder)builder : null;
        for (int i = 0; i < n; i++)
        {
            int count = column.IsNull(i) ? 0 : column.Count(i);
            if (count == 0 || percentages.Length == 0) { builder.AppendNull(); continue; }
            if (_sorted.Length < count) _sorted = new double[Math.Max(count, _sorted.Length * 2)];
            var sorted = _sorted.AsSpan(0, count);
            values.Slice(column.Start(i), count).CopyTo(sorted);
            SortAsJava(sorted);
            if (listBuilder is null) { builder.AppendDouble(Percentile(sorted, percentages[0])); continue; }
            foreach (double p in percentages) listBuilder.Values.AppendDouble(Percentile(sorted, p));
            listBuilder.AppendListValid();
        }
        return builder.Build();
    }

    private static double Percentile(ReadOnlySpan<double> sorted, double percentage)
    {
        double position = percentage * (sorted.Length - 1) + 1;
        long lower = (long)Math.Floor(position), higher = (long)Math.Ceiling(position);
        double low = sorted[(int)lower - 1];
        if (higher == lower) return low;
        double high = sorted[(int)higher - 1];
        // Flink counts equal values together: a position between two equal values is that value, not interpolated.
        if (low.Equals(high)) return low;
        return (higher - position) * low + (position - lower) * high;
    }

    /// <summary>Ascending as Java's <c>Double.compareTo</c>: NaN after every number (.NET puts it first).</summary>
    private static void SortAsJava(Span<double> values)
    {
        values.Sort();
        int nans = 0;
        while (nans < values.Length && double.IsNaN(values[nans])) nans++;
        if (nans == 0) return;
        values[nans..].CopyTo(values);
        values[^nans..].Fill(double.NaN);
    }
}
