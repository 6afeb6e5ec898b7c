using System.Runtime.CompilerServices;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Rules;

/// <summary>
/// Hands the simple conjuncts (<c>column op literal</c>, <c>column IN (literals)</c>) of a Calc's condition to the scan right below it, as
/// <see cref="LogicalScan.Filters"/>, when that Calc is the scan's only reader (a shared scan serves readers with other
/// filters). The condition stays in the Calc: a connector uses the filters only to skip data none of whose rows pass.
/// </summary>
internal static class PushFiltersIntoScans
{
    public static IReadOnlyList<LogicalNode> Run(IReadOnlyList<LogicalNode> roots)
    {
        var readers = new Dictionary<LogicalNode, int>(ReferenceEqualityComparer.Instance);
        var seen = new HashSet<LogicalNode>(ReferenceEqualityComparer.Instance);
        void Count(LogicalNode node)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            if (!seen.Add(node)) return;
            foreach (var input in node.Inputs)
            {
                readers[input] = readers.GetValueOrDefault(input) + 1;
                Count(input);
            }
        }
        foreach (var root in roots) Count(root);

        var done = new Dictionary<LogicalNode, LogicalNode>(ReferenceEqualityComparer.Instance);
        LogicalNode Rewrite(LogicalNode node)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            if (done.TryGetValue(node, out var result)) return result;
            if (node is LogicalCalc { Input: LogicalScan scan, Condition: { } condition } calc && readers.GetValueOrDefault(scan) == 1
                && Extract(condition, scan) is { Count: > 0 } filters)
                result = calc with { Input = scan with { Filters = filters } };
            else
            {
                var inputs = node.Inputs.Select(Rewrite).ToList();
                result = inputs.Where((input, i) => !ReferenceEquals(input, node.Inputs[i])).Any() ? node.WithInputs(inputs) : node;
            }
            done[node] = result;
            return result;
        }
        return roots.Select(Rewrite).ToList();
    }

    private static List<ScanPredicate> Extract(ScalarExpr condition, LogicalScan scan)
    {
        var filters = new List<ScanPredicate>();
        foreach (var term in ExpressionRewriting.Conjuncts(condition))
        {
            if (term is Call { Function: "IN", Operands: [InputRef inColumn, ..] } inList && InList(inColumn, inList.Operands, scan) is { } predicate)
            {
                filters.Add(predicate);
                continue;
            }
            if (term is not Call { Function: "=" or "<" or "<=" or ">" or ">=", Operands.Count: 2 } call) continue;
            var (left, right, op) = (call.Operands[0], call.Operands[1], call.Function);
            if (left is Literal && right is InputRef)
            {
                (left, right) = (right, left);
                op = op switch { "<" => ">", "<=" => ">=", ">" => "<", ">=" => "<=", _ => op };
            }
            if (left is not InputRef column || right is not Literal { IsNull: false } literal) continue;
            if (column.Index >= scan.ProjectedColumns.Count || !SameRepresentation(column.Type, literal.Type)) continue;
            filters.Add(new ScanPredicate(scan.ProjectedColumns[column.Index], op, literal));
        }
        return filters;
    }

    /// <summary><c>column IN (literal, ...)</c> when every listed value is a literal of the column's representation; a NULL
    /// in the list matches no row, so it is left out.</summary>
    private static ScanPredicate? InList(InputRef column, IReadOnlyList<ScalarExpr> operands, LogicalScan scan)
    {
        if (column.Index >= scan.ProjectedColumns.Count) return null;
        var values = new List<Literal>(operands.Count - 1);
        for (int i = 1; i < operands.Count; i++)
        {
            if (operands[i] is not Literal literal) return null;
            if (literal.IsNull) continue;
            if (!SameRepresentation(column.Type, literal.Type)) return null;
            values.Add(literal);
        }
        return values.Count == 0 ? null : new ScanPredicate(scan.ProjectedColumns[column.Index], "IN", values[0]) { Values = values };
    }

    /// <summary>Whether a literal's value compares directly with the column's stored values (same family and unit).</summary>
    private static bool SameRepresentation(SqlType column, SqlType literal) =>
        column.IsExactInteger && literal.IsExactInteger
        || column.IsApproximate && literal.IsApproximate
        || column.IsCharacterString && literal.IsCharacterString
        || column.Kind == SqlTypeKind.Date && literal.Kind == SqlTypeKind.Date
        || column.Kind == SqlTypeKind.Decimal && literal.Kind == SqlTypeKind.Decimal && column.Scale == literal.Scale
        || column.IsTimestamp && column.Kind == literal.Kind && (column.Precision > 6) == (literal.Precision > 6);
}
