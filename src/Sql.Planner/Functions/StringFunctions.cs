using StreamSql.Sql.Planner.Types;
using static StreamSql.Sql.Planner.Functions.Signatures;

namespace StreamSql.Sql.Planner.Functions;

/// <summary>String functions, typed as Flink's operator table types them: STRING (VARCHAR of maximal length, Calcite's
/// <c>explicit(VARCHAR)</c>) unless Flink keeps the operand's type (UPPER/LOWER/INITCAP), its length (SUBSTRING, LEFT,
/// RIGHT, TRIM, LTRIM, RTRIM: VARCHAR(n)), sums two lengths (<c>||</c>, OVERLAY) or fixes one (the hash functions);
/// integer operands are coerced to INT.</summary>
internal static class StringFunctions
{
    public static IEnumerable<FunctionDefinition> All()
    {
        yield return new("||", FunctionKind.Scalar, "'<STRING> || <STRING>', '<BYTES> || <BYTES>'", ConcatOperator);
        yield return new("CONCAT", FunctionKind.Scalar, "'CONCAT(<STRING>, ...)', 'CONCAT(<BYTES>, ...)'", Concat);
        yield return new("CONCAT_WS", FunctionKind.Scalar, "'CONCAT_WS(<STRING>, <STRING>, ...)'", a =>
            a.Count >= 1 && AllMatch(a, IsString)
                ? new ResolvedFunction(a.Name, StringsAndInts(a), StringType.WithNullable(a[0].Nullable || IsNull(a[0])))
                : null);
        foreach (var name in new[] { "UPPER", "LOWER", "INITCAP" })
            yield return new(name, FunctionKind.Scalar, $"'{name}(<STRING>)'", a =>
                a.Count == 1 && IsString(a[0]) ? Keep(a, IsNull(a[0]) ? StringType : a[0].WithoutTimeAttribute()) : null);
        // Flink's REVERSE, LEFT, RIGHT, CHR, ENCODE and DECODE (FlinkSqlOperatorTable) are typed FORCE_NULLABLE: nullable
        // whatever their operands.
        yield return Str("REVERSE", "'REVERSE(<STRING>)'", 1, 1, _ => 's', alwaysNullable: true);
        // Calcite's TRIM is ARG2 made nullable and varying; Flink's LTRIM/RTRIM are ARG0 the same way.
        yield return new("TRIM", FunctionKind.Scalar, "'TRIM([BOTH | LEADING | TRAILING] [<STRING>] FROM <STRING>)'", a =>
            a.Count == 3 && AllMatch(a, IsString) ? new ResolvedFunction(a.Name, StringsAndInts(a), Varying(a[2]).WithNullable(a[1].Nullable || a[2].Nullable || IsNull(a[2]))) : null);
        yield return Str("LTRIM", "'LTRIM(<STRING>)', 'LTRIM(<STRING>, <STRING>)'", 1, 2, _ => 's', a => Varying(a[0]));
        yield return Str("RTRIM", "'RTRIM(<STRING>)', 'RTRIM(<STRING>, <STRING>)'", 1, 2, _ => 's', a => Varying(a[0]));
        yield return Str("BTRIM", "'BTRIM(<STRING>)', 'BTRIM(<STRING>, <STRING>)'", 1, 2, _ => 's');
        // Flink's SUBSTRING/SUBSTR, LEFT and RIGHT are ARG0_VARCHAR_FORCE_NULLABLE: the operand's length as VARCHAR, nullable.
        yield return Str("SUBSTRING", "'SUBSTRING(<STRING> FROM <INTEGER>)', 'SUBSTRING(<STRING> FROM <INTEGER> FOR <INTEGER>)'", 2, 3, i => i == 0 ? 's' : 'i',
            a => Varying(a[0]), alwaysNullable: true);
        yield return Str("CHAR_LENGTH", "'CHAR_LENGTH(<STRING>)'", 1, 1, _ => 's', SqlType.Int);
        yield return Str("REPLACE", "'REPLACE(<STRING>, <STRING>, <STRING>)'", 3, 3, _ => 's');
        yield return Str("POSITION", "'POSITION(<STRING> IN <STRING>)'", 2, 2, _ => 's', SqlType.Int);
        yield return Str("LOCATE", "'LOCATE(<STRING>, <STRING>)', 'LOCATE(<STRING>, <STRING>, <INTEGER>)'", 2, 3, i => i < 2 ? 's' : 'i', SqlType.Int);
        yield return Str("INSTR", "'INSTR(<STRING>, <STRING>)', 'INSTR(<STRING>, <STRING>, <INTEGER>, <INTEGER>)'", 2, 4, i => i < 2 ? 's' : 'i', SqlType.Int);
        yield return Str("REGEXP_EXTRACT", "'REGEXP_EXTRACT(<STRING>, <STRING>)', 'REGEXP_EXTRACT(<STRING>, <STRING>, <INTEGER>)'", 2, 3, i => i < 2 ? 's' : 'i', alwaysNullable: true);
        yield return Str("REGEXP_REPLACE", "'REGEXP_REPLACE(<STRING>, <STRING>, <STRING>)'", 3, 3, _ => 's');
        yield return Str("REGEXP", "'REGEXP(<STRING>, <STRING>)'", 2, 2, _ => 's', SqlType.Boolean);
        yield return Str("REGEXP_COUNT", "'REGEXP_COUNT(<STRING>, <STRING>)'", 2, 2, _ => 's', SqlType.Int, alwaysNullable: true);
        yield return Str("REGEXP_INSTR", "'REGEXP_INSTR(<STRING>, <STRING>)'", 2, 2, _ => 's', SqlType.Int, alwaysNullable: true);
        yield return Str("REGEXP_SUBSTR", "'REGEXP_SUBSTR(<STRING>, <STRING>)'", 2, 2, _ => 's', alwaysNullable: true);
        yield return Str("REGEXP_EXTRACT_ALL", "'REGEXP_EXTRACT_ALL(<STRING>, <STRING>)', 'REGEXP_EXTRACT_ALL(<STRING>, <STRING>, <INTEGER>)'",
            2, 3, i => i < 2 ? 's' : 'i', SqlType.Array(StringType));
        yield return Str("SPLIT_INDEX", "'SPLIT_INDEX(<STRING>, <STRING>, <INTEGER>)', 'SPLIT_INDEX(<STRING>, <INTEGER>, <INTEGER>)'", 3, 3,
            i => i == 0 ? 's' : i == 2 ? 'i' : '*', alwaysNullable: true);
        // LPAD/RPAD are TO_NULLABLE in Flink (NOT NULL over NOT NULL operands), though a negative length gives NULL.
        yield return Str("LPAD", "'LPAD(<STRING>, <INTEGER>, <STRING>)'", 3, 3, i => i == 1 ? 'i' : 's');
        yield return Str("RPAD", "'RPAD(<STRING>, <INTEGER>, <STRING>)'", 3, 3, i => i == 1 ? 'i' : 's');
        yield return Str("REPEAT", "'REPEAT(<STRING>, <INTEGER>)'", 2, 2, i => i == 0 ? 's' : 'i');
        yield return Str("LEFT", "'LEFT(<STRING>, <INTEGER>)'", 2, 2, i => i == 0 ? 's' : 'i', a => Varying(a[0]), alwaysNullable: true);
        yield return Str("RIGHT", "'RIGHT(<STRING>, <INTEGER>)'", 2, 2, i => i == 0 ? 's' : 'i', a => Varying(a[0]), alwaysNullable: true);
        // Flink's hash functions and TO_BASE64/FROM_BASE64 read a string's UTF-8 bytes or a byte string as it is. A hash
        // is typed by its hex digits (CHAR(32) for MD5 ... CHAR(128) for SHA512; SHA2 VARCHAR(128)), as in Flink's table.
        foreach (var (name, digits) in new[] { ("MD5", 32), ("SHA1", 40), ("SHA256", 64), ("SHA224", 56), ("SHA384", 96), ("SHA512", 128) })
            yield return TextOrBytes(name, $"'{name}(<STRING>)', '{name}(<BYTES>)'", withBits: false, SqlType.Char(digits));
        yield return TextOrBytes("SHA2", "'SHA2(<STRING>, <INTEGER>)', 'SHA2(<BYTES>, <INTEGER>)'", withBits: true, SqlType.VarChar(128));
        // The binder answers CURRENT_DATABASE() itself (a constant when planning); this entry names it and its form.
        yield return new("CURRENT_DATABASE", FunctionKind.Scalar, "'CURRENT_DATABASE()'", a =>
            a.Count == 0 ? new ResolvedFunction(a.Name, [], StringType.AsNotNull()) : null);
        // Flink's IS_ALPHA/IS_DECIMAL/IS_DIGIT: never NULL (a NULL string is FALSE).
        foreach (var name in new[] { "IS_ALPHA", "IS_DECIMAL", "IS_DIGIT" })
            yield return new(name, FunctionKind.Scalar, $"'{name}(<STRING>)'", a =>
                a.Count == 1 && IsString(a[0]) ? new ResolvedFunction(a.Name, StringsAndInts(a), SqlType.Boolean.AsNotNull()) : null);
        // Flink 2.0's STARTSWITH/ENDSWITH, over two strings or two byte strings.
        foreach (var name in new[] { "STARTSWITH", "ENDSWITH" })
            yield return new(name, FunctionKind.Scalar, $"'{name}(<STRING>, <STRING>)', '{name}(<BYTES>, <BYTES>)'", a =>
                a.Count != 2 ? null
                : AllMatch(a, IsString) ? new ResolvedFunction(a.Name, StringsAndInts(a), SqlType.Boolean.WithNullable(Nullable(a)))
                : AllMatch(a, IsBinary) ? new ResolvedFunction(a.Name, [As(SqlType.Bytes, a[0]), As(SqlType.Bytes, a[1])], SqlType.Boolean.WithNullable(Nullable(a)))
                : null);
        yield return TextOrBytes("TO_BASE64", "'TO_BASE64(<STRING>)', 'TO_BASE64(<BYTES>)'", withBits: false);
        yield return TextOrBytes("FROM_BASE64", "'FROM_BASE64(<STRING>)', 'FROM_BASE64(<BYTES>)'", withBits: false);
        yield return Str("ASCII", "'ASCII(<STRING>)'", 1, 1, _ => 's', SqlType.Int);
        yield return Str("CHR", "'CHR(<INTEGER>)'", 1, 1, _ => 'i', alwaysNullable: true);
        yield return Str("HASH_CODE", "'HASH_CODE(<STRING>)'", 1, 1, _ => 's', SqlType.Int);
        yield return new("HEX", FunctionKind.Scalar, "'HEX(<INTEGER>)', 'HEX(<STRING>)'", a =>
            a.Count != 1 ? null
            : a[0].IsExactInteger ? new ResolvedFunction(a.Name, new[] { As(SqlType.BigInt, a[0]) }, StringType.WithNullable(Nullable(a)))
            : IsString(a[0]) ? new ResolvedFunction(a.Name, StringsAndInts(a), StringType.WithNullable(Nullable(a)))
            : null);
        yield return new("BIN", FunctionKind.Scalar, "'BIN(<INTEGER>)'", a =>
            a.Count == 1 && IsInteger(a[0]) ? new ResolvedFunction(a.Name, new[] { As(SqlType.BigInt, a[0]) }, StringType.WithNullable(Nullable(a))) : null);
        // Flink 2.0's CONV (ConvFunction over Hive's UDFConv): an integer or its text between bases 2..36; NULL for bad digits or bases.
        yield return new("CONV", FunctionKind.Scalar, "'CONV(<INTEGER>, <INTEGER>, <INTEGER>)', 'CONV(<STRING>, <INTEGER>, <INTEGER>)'", a =>
            a.Count == 3 && (IsInteger(a[0]) || IsString(a[0])) && IsInteger(a[1]) && IsInteger(a[2])
                ? new ResolvedFunction(a.Name, [IsString(a[0]) ? As(StringType, a[0]) : As(SqlType.BigInt, a[0]), As(SqlType.BigInt, a[1]), As(SqlType.BigInt, a[2])], StringType.WithNullable(true))
                : null);
        // The operand's type as Flink's summary string (INT NOT NULL, STRING, TIMESTAMP(3) *ROWTIME*); known when planning.
        yield return new("TYPEOF", FunctionKind.Scalar, "'TYPEOF(<ANY>)', 'TYPEOF(<ANY>, <BOOLEAN>)'", a =>
            a.Count == 1 || a.Count == 2 && IsBoolean(a[1]) ? new ResolvedFunction(a.Name, a.Types.ToArray(), StringType.AsNotNull()) : null);
        yield return Str("PARSE_URL", "'PARSE_URL(<STRING>, <STRING>)', 'PARSE_URL(<STRING>, <STRING>, <STRING>)'", 2, 3, _ => 's', alwaysNullable: true);
        yield return new("ENCODE", FunctionKind.Scalar, "'ENCODE(<STRING>, <STRING>)'", a =>
            a.Count == 2 && AllMatch(a, IsString) ? new ResolvedFunction(a.Name, StringsAndInts(a), SqlType.Bytes.WithNullable(true)) : null);
        yield return new("DECODE", FunctionKind.Scalar, "'DECODE(<BYTES>, <STRING>)'", a =>
            a.Count == 2 && IsBinary(a[0]) && IsString(a[1])
                ? new ResolvedFunction(a.Name, [As(SqlType.Bytes, a[0]), As(StringType, a[1])], StringType.WithNullable(true))
                : null);
        yield return Str("URL_ENCODE", "'URL_ENCODE(<STRING>)'", 1, 1, _ => 's', alwaysNullable: true);
        yield return Str("URL_DECODE", "'URL_DECODE(<STRING>)'", 1, 1, _ => 's', alwaysNullable: true);
        yield return new("UNHEX", FunctionKind.Scalar, "'UNHEX(<STRING>)'", a =>
            a.Count == 1 && IsString(a[0]) ? new ResolvedFunction(a.Name, StringsAndInts(a), SqlType.Bytes.WithNullable(true)) : null);
        // A NULL from or to string leaves the text as it is / removes the characters (Flink's TranslateFunction).
        yield return new("TRANSLATE", FunctionKind.Scalar, "'TRANSLATE(<STRING>, <STRING>, <STRING>)'", a =>
            a.Count == 3 && AllMatch(a, IsString)
                ? new ResolvedFunction(a.Name, StringsAndInts(a), StringType.WithNullable(a[0].Nullable || IsNull(a[0])))
                : null);
        yield return new("ELT", FunctionKind.Scalar, "'ELT(<INTEGER>, <ANY>, ...)'", Elt);
        yield return new("PRINTF", FunctionKind.Scalar, "'PRINTF(<STRING>, <ANY>, ...)'", a =>
            a.Count >= 1 && IsString(a[0])
                ? new ResolvedFunction(a.Name, PrintfOperands(a), StringType.WithNullable(a[0].Nullable || IsNull(a[0])))
                : null);
        // Calcite's OVERLAY is DYADIC_STRING_SUM_PRECISION_NULLABLE_VARYING: VARCHAR of the two strings' lengths summed.
        yield return Str("OVERLAY", "'OVERLAY(<STRING> PLACING <STRING> FROM <INTEGER>)', 'OVERLAY(<STRING> PLACING <STRING> FROM <INTEGER> FOR <INTEGER>)'",
            3, 4, i => i < 2 ? 's' : 'i', a => SummedLength(a[0], a[1], SqlTypeKind.VarChar));
    }

    /// <summary>Calcite's TO_VARYING over a string operand: CHAR(n) becomes VARCHAR(n), a VARCHAR stays as it is, a NULL
    /// literal is STRING.</summary>
    private static SqlType Varying(SqlType operand) =>
        IsNull(operand) ? StringType
        : operand.Kind == SqlTypeKind.Char ? SqlType.VarChar(operand.Precision)
        : operand.WithoutTimeAttribute();

    /// <summary>Calcite's DYADIC_STRING_SUM_PRECISION: a string of <paramref name="kind"/> as long as both operands
    /// together, STRING (or BYTES) past the longest length or over a NULL literal.</summary>
    private static SqlType SummedLength(SqlType left, SqlType right, SqlTypeKind kind)
    {
        bool binary = kind is SqlTypeKind.Binary or SqlTypeKind.VarBinary;
        if (IsNull(left) || IsNull(right)) return binary ? SqlType.Bytes : StringType;
        long length = (long)left.Precision + right.Precision;
        return length > SqlType.MaxVarCharLength ? (binary ? SqlType.Bytes : StringType) : new SqlType(kind, Precision: (int)length);
    }

    /// <summary>A function of a string or a byte string (kept as BYTES) returning <paramref name="result"/> (STRING by
    /// default), with an INT bit length for SHA2.</summary>
    private static FunctionDefinition TextOrBytes(string name, string forms, bool withBits, SqlType? result = null) =>
        new(name, FunctionKind.Scalar, forms, a =>
        {
            if (a.Count != (withBits ? 2 : 1) || withBits && !IsInteger(a[1])) return null;
            var type = (result ?? StringType).WithNullable(Nullable(a));
            if (IsBinary(a[0]) && !IsNull(a[0]))
                return new ResolvedFunction(a.Name, withBits ? [As(SqlType.Bytes, a[0]), As(SqlType.Int, a[1])] : [As(SqlType.Bytes, a[0])], type);
            return IsString(a[0]) ? new ResolvedFunction(a.Name, StringsAndInts(a), type) : null;
        });

    /// <summary>A function over strings ('s'), integers ('i') or either ('*') returning <paramref name="result"/> (STRING by default).</summary>
    private static FunctionDefinition Str(string name, string forms, int min, int max, Func<int, char> kinds, SqlType? result = null, bool alwaysNullable = false) =>
        Str(name, forms, min, max, kinds, _ => result ?? StringType, alwaysNullable);

    /// <summary>A function over strings ('s'), integers ('i') or either ('*') whose result type follows its operands.</summary>
    private static FunctionDefinition Str(string name, string forms, int min, int max, Func<int, char> kinds, Func<CallArguments, SqlType> result, bool alwaysNullable = false) =>
        new(name, FunctionKind.Scalar, forms, a =>
        {
            if (a.Count < min || a.Count > max) return null;
            for (int i = 0; i < a.Count; i++)
            {
                bool ok = kinds(i) switch { 's' => IsString(a[i]), 'i' => IsInteger(a[i]), _ => IsString(a[i]) || IsInteger(a[i]) };
                if (!ok) return null;
            }
            return new ResolvedFunction(a.Name, StringsAndInts(a), result(a).WithNullable(alwaysNullable || Nullable(a)));
        });

    /// <summary><c>ELT(index, v1, ...)</c>: the values' common type, NULL when the index is out of range.</summary>
    private static ResolvedFunction? Elt(CallArguments a)
    {
        if (a.Count < 2 || !IsInteger(a[0])) return null;
        var values = new SqlType[a.Count - 1];
        for (int i = 1; i < a.Count; i++) values[i - 1] = a[i];
        var common = TypeRules.LeastRestrictive(values)
            ?? throw new FunctionResolutionException(
                $"The values of ELT must have a common type; found {string.Join(", ", values.Select(Describe))}");
        if (IsNull(common)) common = StringType;
        var operands = new SqlType[a.Count];
        operands[0] = As(SqlType.BigInt, a[0]);
        for (int i = 1; i < a.Count; i++) operands[i] = As(common.WithoutTimeAttribute(), a[i]);
        return new ResolvedFunction(a.Name, operands, common.WithoutTimeAttribute().WithNullable(true));
    }

    /// <summary>PRINTF's operands: the format as STRING, the arguments as they are (a NULL literal as a STRING).</summary>
    private static SqlType[] PrintfOperands(CallArguments a)
    {
        var operands = new SqlType[a.Count];
        operands[0] = As(StringType, a[0]);
        for (int i = 1; i < a.Count; i++) operands[i] = IsNull(a[i]) ? StringType.WithNullable(true) : a[i].WithoutTimeAttribute();
        return operands;
    }

    /// <summary><c>||</c> is Calcite's operator (Flink's operator table takes SqlStdOperatorTable.CONCAT): two strings of
    /// one family give the sum of their lengths (ReturnTypes.DYADIC_STRING_SUM_PRECISION), fixed-length when both are
    /// (<c>CHAR(2) || CHAR(3)</c> is CHAR(5)), variable when the right one is, STRING / BYTES past the longest length.
    /// The CONCAT function stays STRING (FlinkSqlOperatorTable.CONCAT_FUNCTION returns VARCHAR).</summary>
    private static ResolvedFunction? ConcatOperator(CallArguments a)
    {
        var resolved = Concat(a);
        if (resolved is null || a.Count != 2 || IsNull(a[0]) || IsNull(a[1])) return resolved;
        bool character = a[0].IsCharacterString && a[1].IsCharacterString, binary = a[0].IsBinaryString && a[1].IsBinaryString;
        if (!character && !binary) return resolved;
        var kind = a[1].Kind is SqlTypeKind.VarChar or SqlTypeKind.VarBinary ? a[1].Kind : a[0].Kind;
        return new ResolvedFunction(a.Name, new[] { a[0].WithoutTimeAttribute(), a[1].WithoutTimeAttribute() },
            SummedLength(a[0], a[1], kind).WithNullable(Nullable(a)));
    }

    private static ResolvedFunction? Concat(CallArguments a)
    {
        if (a.Count < 1) return null;
        if (AllMatch(a, IsString)) return new ResolvedFunction(a.Name, StringsAndInts(a), StringType.WithNullable(Nullable(a)));
        if (AllMatch(a, IsBinary)) return Keep(a, SqlType.Bytes, nullAs: _ => SqlType.Bytes);
        return null;
    }
}
