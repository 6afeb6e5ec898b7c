using System.Globalization;
using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

// PERCENTILE, planned over ARRAY_AGG as COLLECT is.
internal sealed partial class AggregateBinder
{
    /// <summary>
    /// <c>PERCENTILE(x, p)</c> / <c>PERCENTILE(x, ARRAY[p1, ...])</c>, Flink 2.0's PercentileAggFunction: the continuous
    /// percentile of the values that are not NULL, interpolated linearly between the two nearest, as DOUBLE (an
    /// ARRAY&lt;DOUBLE&gt; for an array of percentages); NULL for a group without values. Flink keeps a count per distinct
    /// value; here an <c>ARRAY_AGG(CAST(x AS DOUBLE))</c> of the values keeps the same multiset (a retraction removes one
    /// equal value) under <c>$PERCENTILE(list, p1, ...)</c>, which sorts it.
    /// </summary>
    private ScalarExpr BindPercentile(FunctionCall f)
    {
        if (f.Arguments.Count is < 2 or > 3 || f.Arguments[0] is StarExpression)
            throw new SqlValidationException(
                $"Invalid number of arguments to function 'PERCENTILE'. Was expecting 2 or 3 arguments", f.Span);
        if (f.Arguments.Count == 3) throw Unsupported.Feature("PERCENTILE with a frequency argument", f.Arguments[2].Span);
        if (f.Nulls is { } nulls) throw new SqlValidationException("Cannot specify IGNORE NULLS or RESPECT NULLS following 'PERCENTILE'", nulls.Span);
        var value = _argumentBinder.Bind(f.Arguments[0]);
        if (!value.Type.IsNumeric && value.Type.Kind != SqlTypeKind.Null)
            throw new SqlValidationException(
                $"Invalid input arguments. Expected signatures are:\nPERCENTILE(value <NUMERIC>, percentage [<NUMERIC NOT NULL> | <ARRAY<NUMERIC NOT NULL> NOT NULL>])", f.Arguments[0].Span);
        var percentage = _argumentBinder.Bind(f.Arguments[1]);
        var percentages = new List<ScalarExpr>();
        bool many = percentage is Call { Function: "ARRAY" };
        foreach (var p in many ? ((Call)percentage).Operands : [percentage])
        {
            double v = PercentageOf(p) ?? throw new SqlValidationException(
                "The percentage of PERCENTILE must be a numeric literal or an ARRAY of numeric literals", f.Arguments[1].Span);
            if (v is < 0.0 or > 1.0 || double.IsNaN(v))
                throw new SqlValidationException(
                    $"Percentage of PERCENTILE should be between [0.0, 1.0], but was '{v.ToString("R", CultureInfo.InvariantCulture)}'.", f.Arguments[1].Span);
            percentages.Add(new Literal(v, SqlType.Double.AsNotNull()));
        }
        var element = ExpressionBinder.Coerce(value, SqlType.Double);
        var passes = AndPresent(FilterCondition(f), value, f.Span);
        var list = AddListCall(f, element, f.Distinct, passes, SqlType.Array(element.Type).WithNullable(true));
        return ExpressionBinder.MakeCall(many ? "$PERCENTILES" : "$PERCENTILE", [list, .. percentages], f.Span);
    }

    private static double? PercentageOf(ScalarExpr e) => e switch
    {
        Literal { Value: DecimalValue d } => d.ToDouble(),
        Literal { Value: double d } => d,
        Literal { Value: float d } => d,
        Literal { Value: long or int or short or sbyte } l => Convert.ToDouble(l.Value, CultureInfo.InvariantCulture),
        Call { Function: "CAST", Operands: [var operand] } => PercentageOf(operand),
        _ => null,
    };
}
