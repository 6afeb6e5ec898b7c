using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Batches;

/// <summary>Builds an Arrow column from literal values (the <see cref="Literal"/> representation), for VALUES and constants.</summary>
public static class LiteralColumnBuilder
{
    /// <summary>Column <paramref name="column"/> of <paramref name="rows"/> as an Arrow array of <paramref name="type"/>'s mapped type.</summary>
    public static IArrowArray Build(SqlType type, IReadOnlyList<IReadOnlyList<Literal>> rows, int column)
    {
        var values = new object?[rows.Count];
        for (int r = 0; r < rows.Count; r++) values[r] = rows[r][column].Value;
        return Build(type, values);
    }

    /// <summary>An Arrow array of <paramref name="type"/>'s mapped type holding <paramref name="values"/> (null = SQL NULL).</summary>
    /// <exception cref="ArgumentException">A DECIMAL value that does not fit <paramref name="type"/>.</exception>
    public static IArrowArray Build(SqlType type, IReadOnlyList<object?> values)
    {
        var builder = ColumnBuilder.Create(type, values.Count);
        foreach (var value in values)
        {
            if (value is not null && type.Kind == SqlTypeKind.Decimal) builder.AppendUnscaled(Unscaled(value, type));
            // A literal seen as a one-row column converts itself to the builder's representation.
            else builder.AppendFrom(new ConstantReader(value, type), 0);
        }
        return builder.Build();
    }

    /// <summary>A literal value as the unscaled integer at <paramref name="type"/>'s scale (literals of a DECIMAL type have its scale).</summary>
    private static Int128 Unscaled(object value, SqlType type)
    {
        var decimalValue = value is DecimalValue d ? d : DecimalValue.FromInt64(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
        return decimalValue.TryConvert(type.Precision, type.Scale, out var converted)
            ? converted.Unscaled
            : throw new ArgumentException($"the literal {decimalValue} does not fit {type}");
    }
}
