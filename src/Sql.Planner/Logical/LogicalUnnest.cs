using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Logical;

/// <summary>
/// <c>t CROSS JOIN UNNEST(t.arr) [WITH ORDINALITY] AS u(...)</c> (Flink's correlate over the built-in UNNEST): every input
/// row once per element of <see cref="Collection"/>, the input's columns followed by the element's columns (an atomic
/// element is one column, a ROW element one column per field, a MAP entry its key and value), then the 1-based
/// ORDINALITY when asked for. A row whose collection is NULL or empty produces nothing, or with <see cref="LeftOuter"/>
/// (<c>LEFT JOIN UNNEST(...) ON TRUE</c>) one row whose element columns are NULL. Stateless.
/// </summary>
/// <param name="Collection">The ARRAY, MULTISET or MAP, bound over the input.</param>
public sealed record LogicalUnnest(LogicalNode Input, ScalarExpr Collection, bool WithOrdinality, RowSchema Schema, bool LeftOuter = false) : SingleInputNode(Input, Schema)
{
    public override LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs) => this with { Input = inputs[0] };

    /// <summary>The columns UNNEST adds for a collection of <paramref name="type"/> (Calcite's names, before aliases).</summary>
    public static IReadOnlyList<Field> ElementFields(SqlType type, bool withOrdinality, bool leftOuter = false)
    {
        if (leftOuter)
        {
            var inner = ElementFields(type, withOrdinality);
            var nullable = new List<Field>(inner.Count);
            foreach (var field in inner) nullable.Add(new Field(field.Name, field.Type.WithNullable(true)));
            return nullable;
        }
        var fields = new List<Field>();
        switch (type.Kind)
        {
            case SqlTypeKind.Map:
                fields.Add(new Field("KEY", type.Elements![0]));
                fields.Add(new Field("VALUE", type.Elements[1]));
                break;
            case SqlTypeKind.Array or SqlTypeKind.Multiset when type.Elements![0] is { Kind: SqlTypeKind.Row } row:
                for (int f = 0; f < row.Elements!.Count; f++)
                    fields.Add(new Field(row.FieldNames![f], row.Elements[f].WithNullable(row.Elements[f].Nullable || row.Nullable)));
                break;
            default:
                fields.Add(new Field("EXPR$0", type.Elements![0]));
                break;
        }
        if (withOrdinality) fields.Add(new Field("ORDINALITY", SqlType.Int.AsNotNull()));
        return fields;
    }
}
