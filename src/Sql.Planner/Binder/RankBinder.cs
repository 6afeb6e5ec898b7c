using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// Flink's Top-N pattern, in two halves. A select item <c>ROW_NUMBER() OVER (PARTITION BY k ORDER BY c)</c> (or RANK,
/// DENSE_RANK) becomes a <see cref="LogicalRank"/> under the SELECT's projection, its rank range still open
/// (<see cref="BindItems"/>); the WHERE of an enclosing SELECT that bounds that column (<c>rn &lt;= N</c>, <c>rn &lt; N</c>,
/// <c>rn = N</c>, <c>rn BETWEEN a AND b</c>) closes the range and the bound leaves the filter (<see cref="AbsorbFilter"/>);
/// so does a lone bound by a column of the rank's input (<c>rn &lt;= b</c>: Flink's VariableRankRange).
/// A rank whose range stays open is refused when planned. Any other OVER use is the expression binder's refusal.
/// </summary>
internal static class RankBinder
{
    /// <summary>Whether <paramref name="e"/> is a rank function call with OVER.</summary>
    public static bool IsRankCall(Expression e) =>
        e is FunctionCall { Over: not null } f && f.Name.Parts.Count == 1 && RankTypeOf(f.Name.Last) is not null;

    private static RankType? RankTypeOf(string name) => name.ToUpperInvariant() switch
    {
        "ROW_NUMBER" => RankType.RowNumber,
        "RANK" => RankType.Rank,
        "DENSE_RANK" => RankType.DenseRank,
        _ => null,
    };

    /// <summary>
    /// When a select item is a rank call, the input with a <see cref="LogicalRank"/> on top and, for that item, the
    /// reference to the rank column; else the input unchanged and no substitution.
    /// </summary>
    public static (LogicalNode Input, Dictionary<Expression, ScalarExpr>? Substitutes) BindItems(SelectQuery s, LogicalNode input, Scope scope)
    {
        FunctionCall? call = null;
        string? alias = null;
        foreach (var item in s.Items)
        {
            if (!IsRankCall(item.Expression)) continue;
            if (call is not null) throw Unsupported.Feature("several rank functions in one SELECT", item.Expression.Span);
            call = (FunctionCall)item.Expression;
            alias = item.Alias?.Value;
        }
        if (call is null) return (input, null);

        var type = RankTypeOf(call.Name.Last)!.Value;
        var over = call.Over!;
        string name = call.Name.Last.ToUpperInvariant();
        if (call.Arguments.Count > 0) throw new SqlValidationException($"{name} takes no arguments", call.Span);
        if (call.Distinct || call.Filter is not null) throw new SqlValidationException($"{name} takes no DISTINCT or FILTER", call.Span);
        if (over.Frame is not null)
            throw new SqlValidationException("ROW/RANGE not allowed with RANK, DENSE_RANK or ROW_NUMBER functions", over.Frame.Span);
        if (over.OrderBy.Count == 0)
            throw new SqlValidationException($"{name} requires an ORDER BY clause in its window specification", over.Span);

        var expressions = new ExpressionBinder(scope, aggregateMisplaced: "Aggregate expression is illegal in OVER");
        // PARTITION BY and ORDER BY expressions other than columns are computed below the rank, as Calcite's project.
        var computed = new List<ScalarExpr>();
        int ColumnOf(ScalarExpr e)
        {
            if (e is InputRef r) return r.Index;
            computed.Add(e);
            return input.Schema.Count + computed.Count - 1;
        }
        var partition = new List<int>();
        foreach (var p in over.PartitionBy) partition.Add(ColumnOf(expressions.Bind(p)));
        var order = new List<RankOrderKey>();
        foreach (var o in over.OrderBy)
        {
            int column = ColumnOf(expressions.Bind(o.Expression));
            // Flink's default null order: NULLs first ascending, last descending.
            order.Add(new RankOrderKey(column, o.Descending, o.NullsFirst ?? !o.Descending));
        }
        if (computed.Count > 0)
        {
            var projections = new List<ScalarExpr>();
            var names = new List<string>();
            for (int i = 0; i < input.Schema.Count; i++)
            {
                projections.Add(new InputRef(i, input.Schema[i].Type));
                names.Add(input.Schema[i].Name);
            }
            for (int i = 0; i < computed.Count; i++)
            {
                projections.Add(computed[i]);
                names.Add("$over" + i);
            }
            input = LogicalProject.Create(input, projections, QueryBinder.Uniquify(names));
        }
        string rankName = alias ?? "w0$o0";
        var rank = new LogicalRank(input, partition, order, type, 1, null, true, LogicalRank.SchemaOf(input.Schema, true, rankName))
        {
            Span = call.Span,
            RankColumnName = rankName,
        };
        var reference = new InputRef(rank.RankColumn, rank.Schema[rank.RankColumn].Type);
        return (rank, new Dictionary<Expression, ScalarExpr>(ReferenceEqualityComparer.Instance) { [call] = reference });
    }

    /// <summary>
    /// <paramref name="input"/> filtered by <paramref name="condition"/>: when the input is (projections of) a rank with an
    /// open range and the condition bounds its rank column, the rank with that range and the rest of the condition.
    /// </summary>
    public static LogicalNode AbsorbFilter(LogicalNode input, ScalarExpr condition)
    {
        if (!TryFindRankColumn(input, out int column)) return new LogicalFilter(input, condition);
        long start = 1;
        long? end = null;
        var rest = new List<ScalarExpr>();
        var terms = ExpressionRewriting.Conjuncts(condition).ToList();
        foreach (var term in terms)
        {
            if (!TryBound(term, column, ref start, ref end)) rest.Add(term);
        }
        if (end is null && rest.Count == terms.Count && TryVariableBound(input, terms, column) is var (bound, endColumn))
        {
            var variable = CloseRange(input, 1, long.MaxValue, endColumn);
            var others = ExpressionRewriting.And(terms.Where(t => !ReferenceEquals(t, bound)).ToList());
            return others is null ? variable : new LogicalFilter(variable, others);
        }
        if (end is null) return new LogicalFilter(input, condition);
        var ranked = CloseRange(input, start, end.Value);
        // An empty range (rn < 1, rn BETWEEN 5 AND 2) keeps no row: Flink's planner turns it into an empty Values.
        if (end.Value < start) rest.Add(new Literal(false, SqlType.Boolean.WithNullable(false)));
        var remaining = ExpressionRewriting.And(rest);
        return remaining is null ? ranked : new LogicalFilter(ranked, remaining);
    }

    /// <summary>Follows the column through projections down to an open rank's rank column.</summary>
    private static bool TryFindRankColumn(LogicalNode node, out int column)
    {
        column = -1;
        switch (node)
        {
            case LogicalRank { RankEnd: null, OutputRankNumber: true } r:
                column = r.RankColumn;
                return true;
            case LogicalProject p when TryFindRankColumn(p.Input, out int inner):
                for (int i = 0; i < p.Projections.Count; i++)
                {
                    if (p.Projections[i] is InputRef { Index: var index } && index == inner)
                    {
                        column = i;
                        return true;
                    }
                }
                return false;
            default:
                return false;
        }
    }

    private static LogicalNode CloseRange(LogicalNode node, long start, long end, int endColumn = -1) => node switch
    {
        LogicalRank r => r with { RankStart = Math.Max(1, start), RankEnd = end, RankEndColumn = endColumn },
        LogicalProject p => p with { Input = CloseRange(p.Input, start, end, endColumn) },
        _ => throw new InvalidOperationException("no rank below"),
    };

    /// <summary>
    /// Flink's RankUtil: when the only term comparing the rank column is an upper bound (<c>rn &lt;= b</c>, <c>rn &lt; b</c>,
    /// <c>rn = b</c>, or the mirror) by a column <c>b</c> that is a column of the rank's input, the term and the rank's
    /// input column (a VariableRankRange: Flink reads all three as "up to b").
    /// </summary>
    private static (ScalarExpr Term, int EndColumn)? TryVariableBound(LogicalNode input, List<ScalarExpr> terms, int column)
    {
        (ScalarExpr, int)? found = null;
        foreach (var term in terms)
        {
            if (term is not Call { Operands.Count: 2 } call || call.Function is not ("<" or "<=" or "=" or ">" or ">=")) continue;
            bool left = IsColumn(call.Operands[0], column), right = IsColumn(call.Operands[1], column);
            if (left == right) continue;
            if (found is not null) return null;
            var other = left ? call.Operands[1] : call.Operands[0];
            // The comparison widens an INT or SMALLINT column to the rank's BIGINT.
            while (other is Call { Function: "CAST", Operands: [var inner] }) other = inner;
            string op = left ? call.Function : Flip(call.Function);
            if (op is ">" or ">=" || other is not InputRef { Index: var index } || index == column || !TryRankInput(input, index, out int endColumn)) return null;
            found = (term, endColumn);
        }
        return found;
    }

    /// <summary>Follows column <paramref name="column"/> of <paramref name="node"/> through projections down to a column of the open rank's input.</summary>
    private static bool TryRankInput(LogicalNode node, int column, out int inputColumn)
    {
        inputColumn = -1;
        switch (node)
        {
            case LogicalRank r when column < r.RankColumn:
                inputColumn = column;
                return true;
            case LogicalProject p when p.Projections[column] is InputRef { Index: var index }:
                return TryRankInput(p.Input, index, out inputColumn);
            default:
                return false;
        }
    }

    /// <summary>Narrows the range by one term <c>rn op literal</c> (or <c>literal op rn</c>); false for any other term.</summary>
    private static bool TryBound(ScalarExpr term, int column, ref long start, ref long? end)
    {
        if (term is not Call { Operands.Count: 2 } call) return false;
        string op = call.Function;
        long value;
        if (IsColumn(call.Operands[0], column) && TryConstant(call.Operands[1], out value)) { }
        else if (IsColumn(call.Operands[1], column) && TryConstant(call.Operands[0], out value)) op = Flip(op);
        else return false;
        switch (op)
        {
            case "<=": end = Math.Min(end ?? long.MaxValue, value); return true;
            case "<": end = Math.Min(end ?? long.MaxValue, value - 1); return true;
            case "=": start = Math.Max(start, value); end = Math.Min(end ?? long.MaxValue, value); return true;
            case ">=": start = Math.Max(start, value); return true;
            case ">": start = Math.Max(start, value + 1); return true;
            default: return false;
        }
    }

    private static string Flip(string op) => op switch { "<" => ">", ">" => "<", "<=" => ">=", ">=" => "<=", _ => op };

    private static bool IsColumn(ScalarExpr e, int column) => e switch
    {
        InputRef r => r.Index == column,
        Call { Function: "CAST", Operands: [var inner] } => IsColumn(inner, column),
        _ => false,
    };

    private static bool TryConstant(ScalarExpr e, out long value)
    {
        value = 0;
        switch (e)
        {
            case Literal { Value: not null } l when l.Type.Kind is SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int or SqlTypeKind.BigInt:
                value = Convert.ToInt64(l.Value, System.Globalization.CultureInfo.InvariantCulture);
                return true;
            case Call { Function: "CAST", Operands: [var inner] }:
                return TryConstant(inner, out value);
            default:
                return false;
        }
    }
}
