using System.Numerics;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Columns;

/// <summary>
/// Builds one Arrow column of a known type straight into its buffers (validity allocated at the first null): a value or a
/// null at a time, a span of values (<see cref="FixedColumnBuilder{T}.AppendValues"/>), rows picked by index out of
/// another column (<see cref="AppendRows"/>, for gathers and selection vectors) or a range copied in bulk
/// (<see cref="AppendRange"/>). <see cref="Build"/> hands the buffers to the array (no copy) and starts the next column,
/// so a reader keeps one builder per output column batch after batch. Values come in the shared representations
/// (integers, DATE days, TIME ms, TIMESTAMP µs or ns, intervals as <see cref="AppendInt64"/>; DECIMAL as its unscaled
/// value at the column's scale; strings as UTF-8 or text).
/// </summary>
public abstract class ColumnBuilder
{
    private protected ColumnBuilder(IArrowType type) => Type = type;

    public IArrowType Type { get; }

    /// <summary>Rows appended since the last <see cref="Build"/>.</summary>
    public int Length { get; private protected set; }

    /// <summary>The validity of the rows appended so far (set by the kinds' appends, copied by <see cref="AppendRows"/>).</summary>
    private protected ValidityBuilder Validity;

    /// <summary>The field builders of a ROW column (empty for other kinds).</summary>
    public virtual IReadOnlyList<ColumnBuilder> Children => System.Array.Empty<ColumnBuilder>();

    public abstract void AppendNull();

    public virtual void AppendBoolean(bool value) => throw Unsupported("BOOLEAN");

    /// <summary>An integer-backed value, narrowed to the column's width (on a DECIMAL column: at its scale; on a FLOAT or
    /// DOUBLE column: converted).</summary>
    public virtual void AppendInt64(long value) => throw Unsupported("an integer");

    /// <summary>A floating-point value (on an integer column: truncated as Java's <c>(long)</c> cast; on a DECIMAL column:
    /// rounded to its scale, NULL beyond its precision).</summary>
    public virtual void AppendDouble(double value) => throw Unsupported("DOUBLE");

    /// <summary>A DECIMAL as its unscaled value at the column's scale; values beyond the precision become NULL (Flink).</summary>
    public virtual void AppendUnscaled(Int128 value) => throw Unsupported("DECIMAL");

    /// <summary>Text: encoded as UTF-8 on a string or bytes column.</summary>
    public virtual void AppendString(ReadOnlySpan<char> value) => throw Unsupported("STRING");

    /// <summary>Raw bytes: UTF-8 on a string column, the value on a bytes column.</summary>
    public virtual void AppendUtf8(ReadOnlySpan<byte> value) => throw Unsupported("BYTES");

    /// <summary>A bytes value (the same as <see cref="AppendUtf8"/>: both kinds store bytes).</summary>
    public void AppendBytes(ReadOnlySpan<byte> value) => AppendUtf8(value);

    /// <summary>Reserves <paramref name="byteCount"/> bytes of a string value to be written in place (then <see cref="CommitSpan"/>).</summary>
    public virtual Span<byte> ReserveSpan(int byteCount) => throw Unsupported("a reserved span");

    /// <summary>Ends a value written into <see cref="ReserveSpan"/>: its first <paramref name="byteCount"/> bytes.</summary>
    public virtual void CommitSpan(int byteCount) => throw Unsupported("a reserved span");

    /// <summary>Marks a non-null ROW value; the caller appends one value to every child.</summary>
    public virtual void AppendStructValid() => throw Unsupported("a ROW");

    /// <summary>Ends a non-null ARRAY/MAP value whose elements the caller appended to <see cref="ListColumnBuilder.Values"/>
    /// since the previous row.</summary>
    public virtual void AppendListValid() => throw Unsupported("an ARRAY or MAP");

    /// <summary>Copies row <paramref name="row"/> of <paramref name="reader"/> (a column of the same SQL type).</summary>
    internal abstract void AppendFrom(ColumnReader reader, int row);

    /// <summary>Appends rows <paramref name="rows"/> (logical indices) of <paramref name="source"/>, a column of this type.</summary>
    public void AppendRows(ArrayData source, ReadOnlySpan<int> rows)
    {
        int at = Length;
        CopyValues(source, rows, 0, rows.Length);
        Validity.CopyFrom(source, rows, 0, rows.Length, at);
    }

    /// <summary>Appends rows <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> of
    /// <paramref name="source"/>, a column of this type.</summary>
    public void AppendRange(ArrayData source, int start, int count)
    {
        int at = Length;
        CopyValues(source, ReadOnlySpan<int>.Empty, start, count);
        Validity.CopyFrom(source, ReadOnlySpan<int>.Empty, start, count, at);
    }

    /// <summary>Appends the values (not the validity) of <paramref name="count"/> rows of <paramref name="source"/>: rows
    /// <paramref name="rows"/>, or from <paramref name="start"/> on when <paramref name="rows"/> is empty.</summary>
    private protected abstract void CopyValues(ArrayData source, ReadOnlySpan<int> rows, int start, int count);

    /// <summary>Drops the rows from <paramref name="length"/> on (to undo a partly appended record that turned out malformed).</summary>
    public void Truncate(int length)
    {
        if (length >= Length) return;
        Validity.Truncate(length, Length);
        TruncateValues(length);
        Length = length;
    }

    private protected virtual void TruncateValues(int length) { }

    /// <summary>The column built so far; the builder starts empty again.</summary>
    public IArrowArray Build() => ArrowArrayFactory.BuildArray(BuildData());

    /// <summary>As <see cref="Build"/>, the array's data.</summary>
    public abstract ArrayData BuildData();

    /// <summary>As <see cref="Build"/>, but where it can (fixed-width values) the array reads the builder's own buffer, which
    /// the builder keeps for its next column: the array is valid only until the builder is next appended to. For columns
    /// read and dropped within one batch (a join's decoded stored rows), so that batch after batch needs no new memory.</summary>
    public virtual IArrowArray BuildTransient() => Build();

    private protected NotSupportedException Unsupported(string what) => new($"a {Type.Name} column cannot be written from {what}");

    /// <summary>A builder for columns of <paramref name="type"/> (as <see cref="ArrowTypeMapping"/> lays it out), sized for
    /// about <paramref name="capacity"/> rows.</summary>
    public static ColumnBuilder Create(SqlType type, int capacity = 0) => Create(ArrowTypeMapping.ToArrow(type), capacity);

    /// <summary>A builder for columns of the Arrow type <paramref name="type"/>.</summary>
    public static ColumnBuilder Create(IArrowType type, int capacity = 0) =>
        ColumnKinds.Accept<Factory, ColumnBuilder>(ColumnKinds.Of(type), new Factory(type, capacity));

    private readonly struct Factory(IArrowType type, int capacity) : IColumnVisitor<ColumnBuilder>
    {
        public ColumnBuilder Null() => new NullColumnBuilder(type);
        public ColumnBuilder Boolean() => new BooleanColumnBuilder(type, capacity);
        public ColumnBuilder Integer<T>(ColumnKind kind) where T : unmanaged, IBinaryInteger<T>, ISignedNumber<T> =>
            new IntegerColumnBuilder<T>(type, capacity);
        public ColumnBuilder Floating<T>() where T : unmanaged, IFloatingPointIeee754<T> => new FloatingColumnBuilder<T>(type, capacity);
        public ColumnBuilder Decimal() => new DecimalColumnBuilder((Decimal128Type)type, capacity);
        public ColumnBuilder Bytes(bool utf8) => new BytesColumnBuilder(type, capacity);
        public ColumnBuilder Struct() => new StructColumnBuilder((StructType)type, capacity);
        public ColumnBuilder List() => new ListColumnBuilder(type, capacity);
    }
}
