using System.Text;
using StreamSql.Execution.Types.Variants;
using static StreamSql.Execution.Types.Variants.VariantEncoding;

namespace StreamSql.Execution.Tests.Types;

/// <summary>
/// PARSE_JSON's encoding (<see cref="VariantJsonParser"/>) and a variant's JSON text (<see cref="VariantJsonWriter"/>),
/// against Flink's <c>BinaryVariantInternalBuilder.parseJson</c> and <c>BinaryVariant.toJson</c>: the kind each JSON
/// number takes, the bytes of an object (key dictionary in first-seen order, fields sorted by key), and the text.
/// </summary>
public sealed class VariantJsonTests
{
    private static byte[] Parse(string json, bool allowDuplicateKeys = false)
    {
        var parser = new VariantJsonParser();
        Assert.True(parser.TryParse(Encoding.UTF8.GetBytes(json), allowDuplicateKeys, out var cell), $"'{json}' did not parse");
        return cell.ToArray();
    }

    private static bool Parses(string json, bool allowDuplicateKeys = false) =>
        new VariantJsonParser().TryParse(Encoding.UTF8.GetBytes(json), allowDuplicateKeys, out _);

    /// <summary>The primitive type id of a parsed scalar (the value's header byte, after the metadata).</summary>
    private static int PrimitiveTypeOf(string json)
    {
        var cell = Parse(json);
        int at = MetadataLength(cell);
        Assert.Equal(Primitive, BasicType(cell, at));
        return TypeInfo(cell, at);
    }

    [Theory]
    [InlineData("0", Int1)]
    [InlineData("-128", Int1)]
    [InlineData("127", Int1)]
    [InlineData("128", Int2)]
    [InlineData("-32769", Int4)]
    [InlineData("2147483647", Int4)]
    [InlineData("2147483648", Int8)]
    [InlineData("-9223372036854775808", Int8)]
    [InlineData("9223372036854775808", Decimal16)]
    [InlineData("1.5", Decimal4)]
    [InlineData("123456789.5", Decimal8)]
    [InlineData("0.1234567891234567891", Decimal16)]
    [InlineData("1e2", DoubleId)]
    [InlineData("1.5E-3", DoubleId)]
    [InlineData("123456789012345678901234567890123456789", DoubleId)]
    [InlineData("0.000000000000000000000000000000000000001", DoubleId)]
    [InlineData("true", TrueId)]
    [InlineData("false", FalseId)]
    [InlineData("null", NullId)]
    public void A_number_takes_the_smallest_kind_Flink_gives_it(string json, int typeId) =>
        Assert.Equal(typeId, PrimitiveTypeOf(json));

    [Fact]
    public void An_object_has_Flinks_bytes_keys_in_first_seen_order_fields_sorted_by_key()
    {
        var cell = Parse("{\"b\":1,\"a\":2}");
        byte[] metadata = [0x01, 0x02, 0x00, 0x01, 0x02, (byte)'b', (byte)'a'];
        byte[] value = [0x02, 0x02, 0x01, 0x00, 0x02, 0x00, 0x04, 0x0C, 0x01, 0x0C, 0x02];
        Assert.Equal(metadata.Concat(value).ToArray(), cell);
    }

    [Fact]
    public void Key_order_changes_the_bytes_so_the_variants_differ_as_in_Flink() =>
        Assert.NotEqual(Parse("{\"a\":1,\"b\":2}"), Parse("{\"b\":2,\"a\":1}"));

    [Theory]
    [InlineData("1", "1")]
    [InlineData(" {\"b\" : [1, 2.50, 3e2, \"x\"], \"a\" : null} ", "{\"a\":null,\"b\":[1,2.50,300.0,\"x\"]}")]
    [InlineData("-0", "0")]
    [InlineData("-0.0", "0.0")]
    [InlineData("0.001", "0.001")]
    [InlineData("-12.3400", "-12.3400")]
    [InlineData("12345678901234567890123", "12345678901234567890123")]
    [InlineData("-99999999999999999999999999999999999999", "-99999999999999999999999999999999999999")]
    [InlineData("1e300", "1.0E300")]
    [InlineData("1.0e-5", "1.0E-5")]
    [InlineData("1234567.0e0", "1234567.0")]
    [InlineData("12345678.0e0", "1.2345678E7")]
    [InlineData("\"tab\\tquote\\\"slash\\/u\\u0001é\"", "\"tab\\tquote\\\"slash/u\\u0001é\"")]
    [InlineData("[]", "[]")]
    [InlineData("{}", "{}")]
    [InlineData("[[1,[2]],{\"z\":{\"y\":{}}}]", "[[1,[2]],{\"z\":{\"y\":{}}}]")]
    [InlineData("{\"a\":1} trailing text", "{\"a\":1}")]
    public void Prints_as_Flinks_toJson(string json, string expected) =>
        Assert.Equal(expected, VariantJsonWriter.ToJson(Parse(json)));

    [Fact]
    public void A_long_string_and_a_large_object_round_trip()
    {
        var text = new string('x', 300);
        var fields = string.Join(",", Enumerable.Range(0, 300).Select(i => $"\"k{i:D3}\":{i * 1000}"));
        Assert.Equal($"\"{text}\"", VariantJsonWriter.ToJson(Parse($"\"{text}\"")));
        Assert.Equal("{" + fields + "}", VariantJsonWriter.ToJson(Parse("{" + fields + "}")));
        var elements = string.Join(",", Enumerable.Range(0, 70000).Select(i => i % 7));
        Assert.Equal("[" + elements + "]", VariantJsonWriter.ToJson(Parse("[" + elements + "]")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("[1,]")]
    [InlineData("{'a':1}")]
    [InlineData("01")]
    [InlineData("NaN")]
    [InlineData("1x")]
    [InlineData("{\"a\":1,\"a\":2}")]
    public void Text_that_is_not_JSON_or_has_a_duplicate_key_does_not_parse(string json) => Assert.False(Parses(json));

    [Fact]
    public void Allowed_duplicate_keys_keep_the_last_value_and_its_nested_keys_stay_in_the_dictionary()
    {
        var cell = Parse("{\"a\":{\"x\":1},\"b\":true,\"a\":[2]}", allowDuplicateKeys: true);
        Assert.Equal("{\"a\":[2],\"b\":true}", VariantJsonWriter.ToJson(cell));
        // Flink compacts the object's data but keeps every key it saw (a, x, b) in the metadata.
        Assert.Equal(3, ReadUnsigned(cell, 1, 1));
    }

    [Fact]
    public void A_parser_is_reused_from_row_to_row_without_state_leaking()
    {
        var parser = new VariantJsonParser();
        Assert.True(parser.TryParse("{\"a\":{\"b\":1}}"u8, false, out _));
        Assert.False(parser.TryParse("{\"a\":"u8, false, out _));
        Assert.True(parser.TryParse("{\"c\":2}"u8, false, out var cell));
        Assert.Equal(Parse("{\"c\":2}"), cell.ToArray());
    }

    [Fact]
    public void Parsing_allocates_nothing_per_row_once_its_keys_are_cached()
    {
        var parser = new VariantJsonParser();
        var rows = Enumerable.Range(0, 64).Select(i => Encoding.UTF8.GetBytes(
            $"{{\"user\":\"u{i}\",\"amount\":{i}.25,\"tags\":[1,{i},\"x\"],\"nested\":{{\"b\":{i}e1,\"a\":null}}}}")).ToArray();
        foreach (var row in rows) Assert.True(parser.TryParse(row, false, out _));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int r = 0; r < 50; r++)
            foreach (var row in rows) parser.TryParse(row, false, out _);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Nesting_up_to_Jacksons_limit_of_1000_parses_and_prints_and_deeper_does_not_parse()
    {
        string Nested(int depth) => new string('[', depth) + "1" + new string(']', depth);
        Assert.Equal(Nested(1000), VariantJsonWriter.ToJson(Parse(Nested(1000))));
        Assert.False(Parses(Nested(1001)));
    }
}
