using System.Linq.Expressions;
using System.Reflection;

namespace StreamSql.Execution.Aggregates;

/// <summary>
/// Writes a user aggregate function's accumulator as bytes and reads it back, member by member in the order of
/// <c>UserAggregateShape.StateMembers</c> (each of a mapped type; a nullable one preceded by a presence flag). Both ways
/// are compiled once per accumulator type, so a group costs the member reads and writes, without reflection or boxing.
/// </summary>
internal sealed class AccumulatorCodec<TAcc> where TAcc : class
{
    private readonly Action<TAcc, BinaryWriter> _write;
    private readonly Func<BinaryReader, TAcc> _read;
    private readonly MemoryStream _buffer = new();
    private readonly BinaryWriter _writer;

    public AccumulatorCodec(IReadOnlyList<MemberInfo> members)
    {
        _writer = new BinaryWriter(_buffer);
        _write = CompileWrite(members);
        _read = CompileRead(members);
    }

    /// <summary>The accumulator's bytes (valid until the next call).</summary>
    public ReadOnlySpan<byte> Write(TAcc accumulator)
    {
        _buffer.SetLength(0);
        _write(accumulator, _writer);
        _writer.Flush();
        return _buffer.GetBuffer().AsSpan(0, (int)_buffer.Length);
    }

    public TAcc Read(ReadOnlySpan<byte> bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes.ToArray(), writable: false));
        return _read(reader);
    }

    private static Action<TAcc, BinaryWriter> CompileWrite(IReadOnlyList<MemberInfo> members)
    {
        var acc = Expression.Parameter(typeof(TAcc), "acc");
        var writer = Expression.Parameter(typeof(BinaryWriter), "writer");
        var body = new List<Expression> { Expression.Empty() };
        foreach (var member in members)
        {
            var value = Expression.MakeMemberAccess(acc, member);
            var type = value.Type;
            if (type.IsValueType && Nullable.GetUnderlyingType(type) is null)
            {
                body.Add(WriteValue(writer, value));
                continue;
            }
            var local = Expression.Variable(type, "v");
            var present = Expression.NotEqual(local, Expression.Constant(null, type));
            Expression unwrapped = Nullable.GetUnderlyingType(type) is not null ? Expression.Property(local, "Value") : local;
            body.Add(Expression.Block(new[] { local },
                Expression.Assign(local, value),
                Expression.Call(writer, WriteMethod(typeof(bool)), present),
                Expression.IfThen(present, WriteValue(writer, unwrapped))));
        }
        return Expression.Lambda<Action<TAcc, BinaryWriter>>(Expression.Block(body), acc, writer).Compile();
    }

    private static Expression WriteValue(Expression writer, Expression value)
    {
        if (value.Type == typeof(byte[]))
            return Expression.Block(
                Expression.Call(writer, WriteMethod(typeof(int)), Expression.ArrayLength(value)),
                Expression.Call(writer, WriteMethod(typeof(byte[])), value));
        return Expression.Call(writer, WriteMethod(value.Type), value);
    }

    private static MethodInfo WriteMethod(Type type) => typeof(BinaryWriter).GetMethod(nameof(BinaryWriter.Write), [type])!;

    private static Func<BinaryReader, TAcc> CompileRead(IReadOnlyList<MemberInfo> members)
    {
        var reader = Expression.Parameter(typeof(BinaryReader), "reader");
        var acc = Expression.Variable(typeof(TAcc), "acc");
        var body = new List<Expression> { Expression.Assign(acc, Expression.New(typeof(TAcc))) };
        foreach (var member in members)
        {
            var target = Expression.MakeMemberAccess(acc, member);
            var type = target.Type;
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            var read = ReadValue(reader, underlying);
            if (type.IsValueType && Nullable.GetUnderlyingType(type) is null)
            {
                body.Add(Expression.Assign(target, read));
                continue;
            }
            body.Add(Expression.IfThen(Expression.Call(reader, typeof(BinaryReader).GetMethod(nameof(BinaryReader.ReadBoolean))!),
                Expression.Assign(target, Expression.Convert(read, type))));
        }
        body.Add(acc);
        return Expression.Lambda<Func<BinaryReader, TAcc>>(Expression.Block(new[] { acc }, body), reader).Compile();
    }

    private static Expression ReadValue(ParameterExpression reader, Type type)
    {
        if (type == typeof(byte[]))
            return Expression.Call(reader, typeof(BinaryReader).GetMethod(nameof(BinaryReader.ReadBytes))!,
                Expression.Call(reader, typeof(BinaryReader).GetMethod(nameof(BinaryReader.ReadInt32))!));
        string name = "Read" + type.Name; // ReadBoolean, ReadInt32, ReadSingle, ReadDecimal, ReadString, ...
        return Expression.Call(reader, typeof(BinaryReader).GetMethod(name, Type.EmptyTypes)
            ?? throw new NotSupportedException($"no BinaryReader method for {type.Name}"));
    }
}
