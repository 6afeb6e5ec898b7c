using System.Numerics;

namespace StreamSql.Execution.Columns;

/// <summary>
/// One method per storage family of <see cref="ColumnKind"/>, generic over the value type where the family has several
/// widths, so a consumer of columns (a hash, a key encoding, a gather, a builder, an accumulator) writes each family once
/// and <see cref="ColumnKinds.Accept{TVisitor, TResult}"/> picks the instantiation. Implement it on a struct: the JIT then
/// specialises every call and the dispatch costs one switch.
/// </summary>
public interface IColumnVisitor<out TResult>
{
    /// <summary><see cref="ColumnKind.Null"/>.</summary>
    TResult Null();

    /// <summary><see cref="ColumnKind.Boolean"/> (bit-packed values).</summary>
    TResult Boolean();

    /// <summary>Integer-backed kinds: TINYINT..BIGINT as sbyte..long, DATE/TIME/INTERVAL YEAR TO MONTH as int,
    /// TIMESTAMP[_LTZ] and INTERVAL DAY TO SECOND as long (<paramref name="kind"/> tells which).</summary>
    TResult Integer<T>(ColumnKind kind) where T : unmanaged, IBinaryInteger<T>, ISignedNumber<T>;

    /// <summary>FLOAT (float) and DOUBLE (double).</summary>
    TResult Floating<T>() where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>DECIMAL: 16-byte unscaled values (<see cref="Int128"/>).</summary>
    TResult Decimal();

    /// <summary>Variable-length values: UTF-8 strings (<paramref name="utf8"/>) or bytes.</summary>
    TResult Bytes(bool utf8);

    /// <summary>ROW.</summary>
    TResult Struct();

    /// <summary>ARRAY, MULTISET and MAP (a list of entries): offsets into one child.</summary>
    TResult List();
}
